"""Extraction files written by hand for the merge's tests: small articles with known flows and claims."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from armstrace.base.schema import (
    Actor, ArticleExtraction, ArticleInfo, Claim, Evidence, Provenance, Quantity, Weapon,
)  # fmt: skip
from armstrace.dataset.tables import Dataset


def read_dataset(out: Path) -> Dataset:
    return Dataset.model_validate_json((out / "dataset.json").read_bytes())


PROVENANCE = Provenance(
    prompt="extract.v1", prompt_file="prompts/extract.v1.md", prompt_sha256="p" * 64, schema_sha256="s" * 64,
    model="test-model", endpoint="embedded", settings={}, armstrace_version="0", from_cache=False, cached_calls=0,
    usage={}, recorded_usage={},
)  # fmt: skip


def _evidence(text: str, quote: str) -> Evidence:
    start = text.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote), alignment="exact", score=1.0)


def write_article(out: Path, article_id: str, text: str, **items: list[dict[str, Any]]) -> None:
    """An article file in out/sources and its extraction; items carry a 'quote' to ground."""
    source = out / "sources" / f"{article_id}.txt"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(text, encoding="utf-8")
    models = {"actors": Actor, "weapons": Weapon, "claims": Claim}
    extraction = ArticleExtraction(
        article=ArticleInfo(id=article_id, source=str(source), sha256=hashlib.sha256(text.encode()).hexdigest(), chars=len(text), encoding="utf-8"),
        provenance=PROVENANCE,
        **{
            field: [models[field](**{k: v for k, v in item.items() if k != "quote"}, evidence=_evidence(text, item["quote"])) for item in values]
            for field, values in items.items()
        },
    )
    (out / "articles").mkdir(parents=True, exist_ok=True)
    (out / "articles" / f"{article_id}.json").write_text(extraction.model_dump_json(indent=2), encoding="utf-8")


AGREED = "TEHERÁN, 3 de septiembre de 2022 (EFE) - Irán acordó vender drones Shahed-136 a Rusia, según fuentes oficiales de ambos gobiernos."
DELIVERED = "KIEV, 20 de octubre de 2022 (Reuters) - Rusia recibió cientos de drones Geran-2 de Irán y los usa contra Ucrania, dijo el Gobierno ucraniano."
ASSERTED = "WASHINGTON, 13 de octubre de 2023 (AP) - Estados Unidos aseguró que Corea del Norte mandó a Rusia más de 1.000 contenedores con munición."
DENIED = "MOSCÚ, 17 de octubre de 2023 (EFE) - El Kremlin negó que Corea del Norte esté mandando armas a Rusia: \"no hay pruebas\", dijo Dmitri Peskov."


def flow_articles(out: Path) -> None:
    write_article(out, "a1", AGREED, weapons=[
        {"designation": "Shahed-136", "description": "attack drones", "category": "drone", "supplier": "Irán", "recipient": "Rusia", "status": "agreed", "quote": AGREED[41:]},
    ])  # fmt: skip
    write_article(out, "a2", DELIVERED, weapons=[
        {"designation": "Geran-2", "description": "drones", "category": "drone", "supplier": "Iran", "recipient": "Russia",
         "status": "delivered", "quantity": Quantity(text="cientos", value=None, low=200, high=1000, qualifier="order_of"), "quote": DELIVERED[36:]},
    ])  # fmt: skip

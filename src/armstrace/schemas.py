"""JSON Schema files generated from the Pydantic models, so schemas/ never drifts from code.

`article.schema.json` describes an output file (DIR/articles/<id>.json); one
`<field>.labels.schema.json` per field is what the model is shown for a call on that field
(here for one candidate; a call on n candidates asks for exactly n labels), and
`content.labels.schema.json` what a claim whose speaker code found is asked;
`review.schema.json` is the decisions file the report page saves (`armstrace gold import`).
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from .base.errors import ConfigError
from .base.outdir import write_atomic
from .base.schema import FIELDS, LABELS, ArticleExtraction, ContentLabel, labels_model
from .review.gold import ReviewDecisions

SCHEMAS: dict[str, type[BaseModel]] = {
    "article.schema.json": ArticleExtraction,
    **{f"{field}.labels.schema.json": labels_model(LABELS[field], 1) for field in FIELDS},
    "content.labels.schema.json": labels_model(ContentLabel, 1),
    "review.schema.json": ReviewDecisions,
}


def render_schemas() -> dict[str, str]:
    """Each schema file's name and its exact text."""
    return {
        name: json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
        for name, model in SCHEMAS.items()
    }


def write_schemas(directory: Path) -> list[Path]:
    """Write every schema file into `directory`; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        path = directory / name
        write_atomic(path, text)
        written.append(path)
    return written


def check_schemas(directory: Path) -> None:
    """Raise ConfigError naming the first schema file that differs from the models."""
    for name, text in render_schemas().items():
        path = directory / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            raise ConfigError(
                f"{path} is out of date with the Pydantic models",
                f"regenerate it: armstrace schema --out {directory}",
            )

"""Synthetic article extractions: Spanish stories and the extraction a model would make of them.

Each synthetic article is a few Spanish sentences (arms flows between states, named by their
Spanish names, capitals or English names, with weapon designations under their different
aliases; statements and denials attributed to officials; people whose names are sometimes
misspelt) and the extraction a model would make of them: actors, weapons, figures and claims
grounded in those sentences. One article in twenty is a republished copy of an earlier one.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

from armstrace.base.schema import (
    Actor, ArticleExtraction, ArticleInfo, Claim, Evidence, Figure, Provenance, Quantity, Weapon,
)  # fmt: skip

# (how the article writes it, canonical English name, kind)
STATES = [
    ("Rusia", "Russia"), ("Moscú", "Russia"), ("Irán", "Iran"), ("Teherán", "Iran"),
    ("Corea del Norte", "North Korea"), ("Pyongyang", "North Korea"), ("Bielorrusia", "Belarus"),
    ("Siria", "Syria"), ("China", "China"), ("Estados Unidos", "United States"), ("Ucrania", "Ukraine"),
]  # fmt: skip
SPEAKERS = [
    ("el Kremlin", "Kremlin", "government"), ("la Casa Blanca", "White House", "government"),
    ("el Pentágono", "Pentagon", "government"), ("Dmitri Peskov", "Dmitry Peskov", "person"),
    ("John Kirby", "John Kirby", "person"), ("Vladímir Putin", "Vladimir Putin", "person"),
    ("Kim Jong-un", "Kim Jong Un", "person"), ("Seúl", "South Korea", "country"),
]  # fmt: skip
WEAPONS = [
    ("Shahed-136", "drone", "drones"), ("Geran-2", "drone", "drones"), ("KN-23", "ballistic_missile", "misiles"),
    ("Hwasong-11", "ballistic_missile", "misiles"), ("Fath-360", "ballistic_missile", "misiles"),
    ("", "ammunition", "proyectiles de artillería"), ("", "military_equipment", "contenedores de armas"),
]  # fmt: skip
STATUSES = [("acordó vender", "agreed"), ("entregó", "delivered"), ("pidió", "requested"), ("envió", "delivered")]
FIRST = ["Alexei", "Serguéi", "Mijaíl", "Ivan", "Hossein", "Ali", "Reza", "Kim", "Pak", "Ri", "Yuri", "Oleg"]
LAST = ["Petrenko", "Volkov", "Sokolov", "Karimi", "Rahimi", "Jafari", "Chol", "Song", "Myong", "Orlov", "Zaitsev", "Lebedev", "Novak", "Tahmasebi"]
TOPICS = [
    "la cooperación militar entre ambos países seguirá creciendo", "las sanciones no frenarán el comercio bilateral",
    "la cumbre definirá nuevos acuerdos de defensa", "el ejercicio naval conjunto fue un éxito",
    "las acusaciones occidentales carecen de fundamento", "el programa de misiles continuará este año",
]  # fmt: skip
PROVENANCE = Provenance(
    prompt="extract.v1", prompt_file="prompts/extract.v1.md", prompt_sha256="0" * 64, schema_sha256="1" * 64,
    model="synthetic", endpoint="embedded", settings={}, armstrace_version="synthetic", from_cache=False,
    cached_calls=0, usage={}, recorded_usage={},
)  # fmt: skip


class _Text:
    """An article built sentence by sentence, handing out each sentence's evidence."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, sentence: str) -> Evidence:
        start = self.length + (1 if self.parts else 0)
        self.parts.append(sentence)
        self.length = start + len(sentence)
        return Evidence(quote=sentence, start=start, end=start + len(sentence), alignment="exact", score=1.0)

    def __str__(self) -> str:
        return " ".join(self.parts)


def _person(rng: random.Random) -> str:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if rng.random() < 0.1:  # a misspelling, as a model copies one from a hurried article
        cut = rng.randrange(len(name) - 1) + 1
        name = name[:cut] + name[cut + 1 :] if name[cut] != " " else name
    return name


def article(number: int, rng: random.Random) -> ArticleExtraction:
    """One synthetic article's extraction."""
    text = _Text()
    actors: dict[str, Actor] = {}
    weapons, figures, claims = [], [], []

    def actor(written: str, name: str, kind: str, evidence: Evidence) -> None:
        if name not in actors:
            actors[name] = Actor(name=name, mentions=[written], kind=kind, evidence=evidence)  # type: ignore[arg-type]

    for _ in range(rng.randint(1, 3)):
        (s_text, s_name), (r_text, r_name) = rng.sample(STATES, 2)
        designation, category, noun = rng.choice(WEAPONS)
        verb, status = rng.choice(STATUSES)
        amount = rng.choice(["cientos de", "más de 1.000", "200", "decenas de"])
        system = f" {designation}" if designation else ""
        sentence = f"{s_text} {verb} {amount} {noun}{system} a {r_text}, según fuentes oficiales."
        evidence = text.add(sentence)
        actor(s_text, s_name, "country", evidence)
        actor(r_text, r_name, "country", evidence)
        start = evidence.start + sentence.index(amount)
        quantity = Quantity(text=amount, value=1000.0 if "1.000" in amount else 200.0, qualifier="more_than" if "más" in amount else "exact")
        weapons.append(Weapon(
            designation=designation, description=noun, category=category, supplier=s_name, recipient=r_name,  # type: ignore[arg-type]
            quantity=quantity, status=status, evidence=evidence,  # type: ignore[arg-type]
        ))  # fmt: skip
        figures.append(Figure(quantity=quantity, counted=noun, evidence=Evidence(quote=amount, start=start, end=start + len(amount), alignment="exact", score=1.0)))
    for _ in range(rng.randint(1, 3)):
        written, speaker, kind = rng.choice(SPEAKERS)
        (s_text, s_name), (r_text, r_name) = rng.sample(STATES[:6], 2)
        if rng.random() < 0.5:
            stance = rng.choice(["asserted", "denied"])
            verb = "negó" if stance == "denied" else "afirmó"
            sentence = f"{written[0].upper()}{written[1:]} {verb} que {s_text} envía armas a {r_text}."
            content = f"{s_name} sends weapons to {r_name}."
        else:
            stance, topic = rng.choice(["asserted", "warned", "acknowledged"]), rng.choice(TOPICS)
            sentence = f"{written[0].upper()}{written[1:]} dijo que {topic}."
            content = topic[0].upper() + topic[1:] + "."
        evidence = text.add(sentence)
        actor(written, speaker, kind, evidence)
        claims.append(Claim(speaker=speaker, stance=stance, content=content, subject=s_name, evidence=evidence))  # type: ignore[arg-type]
    person = _person(rng)
    actor(person, person, "person", text.add(f"{person}, analista del Instituto número {number}, comentó la noticia."))
    body = str(text)
    return ArticleExtraction(
        article=ArticleInfo(
            id=f"{number:06d}", source=f"synthetic/{number:06d}.txt", sha256=hashlib.sha256(body.encode()).hexdigest(),
            chars=len(body), encoding="utf-8",
        ),
        actors=list(actors.values()), weapons=weapons, figures=figures, claims=claims, provenance=PROVENANCE,
    )  # fmt: skip


def generate(out: Path, count: int, seed: int = 0) -> None:
    """Write `count` synthetic extractions to out/articles/; one in twenty copies an earlier one."""
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    recent: list[ArticleExtraction] = []  # the last 200 originals, which copies are drawn from
    for number in range(count):
        if recent and rng.random() < 0.05:
            original = rng.choice(recent)
            extraction = original.model_copy(update={"article": original.article.model_copy(update={"id": f"{number:06d}"})})
        else:
            extraction = article(number, rng)
            recent = [*recent[-199:], extraction]
        (folder / f"{number:06d}.json").write_text(extraction.model_dump_json(), encoding="utf-8")

"""Materiel words in English, from data/sipri.toml: a register's name for what the article calls
"proyectiles" or "drones kamikaze", and each weapon category's own English name."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ..base.schema import WeaponCategory
from ..text.fold import normalise


@dataclass(frozen=True)
class _Words:
    category: dict[str, str]
    words: dict[str, str]


@cache
def _words() -> _Words:
    data = tomllib.loads(files("armstrace").joinpath("data", "sipri.toml").read_text(encoding="utf-8"))
    return _Words(data["category"], {normalise(k): v for k, v in data["words"].items()})


def materiel_english(words: str) -> str | None:
    """The English name of materiel words ("proyectiles de artillería": artillery shell), or None."""
    return _words().words.get(normalise(words))


def category_english(category: WeaponCategory) -> str:
    """A weapon category's English name."""
    return _words().category[category]


def listed_english(words: str) -> str | None:
    """Materiel words or a list of them in English ("cartuchos y proyectiles": small arms
    ammunition and shell); None unless every item is listed."""
    items = [w for w in re.split(r"\s*,\s*|\s+(?:y|e|and)\s+", words.strip()) if w]
    english = [materiel_english(item) for item in items]
    if not items or any(e is None for e in english):
        return None
    return " and ".join(e for e in english if e)

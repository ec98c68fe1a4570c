"""What the merge's first reading learns of an article beyond its extraction.

The first reading (module `merge`) reads each article's text once: its metadata and report
date, where its text came from, how often each extracted actor is named. The second reading
hands the rows (module `rows`) each extraction with those facts, as a `ReadArticle`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..base.schema import ArticleExtraction, ArticleMeta
from ..knowledge.gazetteer import name_key
from ..text.fold import word_pattern
from .tables import Language, TextFrom


class TextFacts(BaseModel):
    """What the first reading learnt of an article beyond its extraction."""

    model_config = ConfigDict(frozen=True)

    meta: ArticleMeta = Field(description="Metadata: the extraction's, filled in by the --meta file.")
    published: str | None = Field(description="The metadata's date, else the dateline's.")
    published_from: Literal["metadata", "dateline", ""]
    text_from: TextFrom
    language: Language
    mentions: list[int] = Field(description="Per extracted actor, how often its names occur in the text.")


@dataclass(frozen=True)
class ReadArticle:
    """One extraction as read, with what its text and metadata gave."""

    extraction: ArticleExtraction
    facts: TextFacts

    @property
    def published(self) -> str | None:
        """The article's report date."""
        return self.facts.published


def local_names(extraction: ArticleExtraction) -> dict[str, str]:
    """The article's own folded names and mentions -> the actor name they belong to."""
    local: dict[str, str] = {}
    for actor in extraction.actors:
        for surface in (actor.name, *actor.mentions):
            local.setdefault(name_key(surface), actor.name)
    return local


def mention_count(text: str, forms: Iterable[str]) -> int:
    """How often the forms occur in `text` as whole words (longest first, no overlaps); at least one."""
    pattern = word_pattern(forms)
    # An actor was extracted from a mention: when the text is not at hand, that one is known.
    return max(len(pattern.findall(text)) if pattern else 0, 1)

"""Extract one article: one model call per field, each answer grounded, each cached.

A small model stops lists early when asked for everything at once, so an article takes one
focused call per field (actors, weapons, figures, claims). All four share the article as their
prefix, which a server with a prompt cache evaluates once. Each call's validated, grounded
result is cached on its own, so a prompt change to one field re-runs only that field.
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from . import ground
from .cache import Cache, digest
from .load import Article
from .prompt import FIELDS, PromptFile, render
from .schema import (
    ArticleExtraction,
    ArticleInfo,
    Dropped,
    Field_,
    Provenance,
    Usage,
)
from .settings import Settings

if TYPE_CHECKING:
    from .llm import ModelClient

# The modules whose code shapes an answer: any change to them is a new extraction version.
_ANSWER_MODULES = ("schema", "prompt", "llm", "ground", "numbers", "extract")


@cache
def code_version() -> str:
    """armstrace's version plus a hash of the code that shapes an extraction."""
    here = Path(__file__).parent
    sources = {name: (here / f"{name}.py").read_text(encoding="utf-8") for name in _ANSWER_MODULES}
    return f"{armstrace_version()}+{digest(sources)[:12]}"


def armstrace_version() -> str:
    """The installed package version."""
    try:
        return importlib.metadata.version("armstrace")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


@cache
def schema_sha256() -> str:
    """A hash of every JSON Schema the model is shown."""
    return digest({f: ground.DRAFTS[f].model_json_schema() for f in FIELDS})


@dataclass(frozen=True)
class FieldResult:
    """What one field of one article came to."""

    records: list[Any]
    dropped: list[Dropped]
    usage: Usage = Usage()
    recorded: Usage = Usage()
    cached: bool = False


@dataclass
class Extractor:
    """Turns articles into grounded extractions with one model, one prompt and one cache."""

    settings: Settings
    prompt: PromptFile
    cache: Cache
    model: str
    endpoint: str
    client: Callable[[], ModelClient]

    def cache_key(self, article: Article, field_name: Field_) -> str:
        """Everything that changes one field's answer for one article, hashed."""
        return digest(
            {
                "article": article.sha256,
                "prompt": self.prompt.sha256,
                "field": field_name,
                "schema": ground.DRAFTS[field_name].model_json_schema(),
                "model": self.model,
                "mode": self.settings.mode,
                "generation": self.settings.generation(),
                "reasks": self.settings.reasks,
                "code": code_version(),
            }
        )

    def extract(self, article: Article) -> ArticleExtraction:
        """The grounded extraction of one article (cached fields are not asked again)."""
        results = {f: self._field(article, f) for f in FIELDS}
        usage = sum((r.usage for r in results.values()), Usage())
        recorded = sum((r.recorded for r in results.values()), Usage())
        return ArticleExtraction(
            article=ArticleInfo(
                id=article.id,
                source=str(article.source),
                sha256=article.sha256,
                chars=len(article.text),
                encoding=article.encoding,
            ),
            actors=results["actors"].records,
            weapons=results["weapons"].records,
            figures=results["figures"].records,
            claims=results["claims"].records,
            dropped=[d for r in results.values() for d in r.dropped],
            provenance=self._provenance(usage, recorded, sum(r.cached for r in results.values())),
        )

    def _provenance(self, usage: Usage, recorded: Usage, cached_calls: int) -> Provenance:
        return Provenance(
            prompt=self.prompt.label,
            prompt_file=str(self.prompt.path),
            prompt_sha256=self.prompt.sha256,
            schema_sha256=schema_sha256(),
            model=self.model,
            endpoint=self.endpoint,
            settings={**self.settings.generation(), "mode": self.settings.mode, "reasks": self.settings.reasks},
            armstrace_version=code_version(),
            cached_calls=cached_calls,
            usage=usage,
            recorded_usage=recorded,
        )

    def _field(self, article: Article, field_name: Field_) -> FieldResult:
        key = self.cache_key(article, field_name)
        if (entry := self.cache.get(key)) is not None:
            try:
                return self._from_cache(field_name, entry)
            except (ValidationError, KeyError, TypeError):
                pass  # an entry this code cannot read is recomputed like a missing one
        answer = self.client().ask(
            render(self.prompt, field_name, article=article.text).as_list(),
            ground.grounded_model(field_name, article.text),
            ground.DRAFTS[field_name],
        )
        records, dropped = ground.ground_items(field_name, answer.value, article.text)
        if not answer.valid:
            dropped = [d.model_copy(update={"reason": f"{d.reason} (re-asks spent)"}) for d in dropped]
        self.cache.put(
            key,
            {
                "records": [r.model_dump(mode="json") for r in records],
                "dropped": [d.model_dump(mode="json") for d in dropped],
                "usage": answer.usage.model_dump(mode="json"),
            },
        )
        return FieldResult(records, dropped, answer.usage, answer.usage)

    @staticmethod
    def _from_cache(field_name: Field_, entry: dict[str, Any]) -> FieldResult:
        record_type = ground.RECORDS[field_name]
        return FieldResult(
            records=[record_type.model_validate(r) for r in entry["records"]],
            dropped=[Dropped.model_validate(d) for d in entry["dropped"]],
            recorded=Usage.model_validate(entry["usage"]),
            cached=True,
        )


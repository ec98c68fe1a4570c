"""Cost before the run: the calls, tokens and price a corpus will take, worked out by code.

The estimate plans every article exactly as extraction would (same candidates, batches and
windows, same cache keys), so the calls it counts and the cache hits it expects are the real
ones. Only the token counts are estimates: request characters over a measured
characters-per-token ratio, and a measured mean of completion tokens per label
(data/estimate.toml). No model is called and no server is started.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from ..base.schema import labels_model
from ..base.settings import EMBEDDED_MODEL, Settings
from .cache import Cache
from .extract import Extractor
from .load import Article, Rejected, find_files, load_articles
from .prompt import load_prompt

if TYPE_CHECKING:
    from ..model.llm import ModelClient

ESTIMATE_PATH = Path(__file__).resolve().parents[1] / "data" / "estimate.toml"


@dataclass(frozen=True)
class Calibration:
    """How characters and labels turn into tokens for the embedded model's tokenizer."""

    chars_per_token: float
    completion_tokens_per_label: dict[str, float]


@cache
def calibration() -> Calibration:
    """The packaged calibration (data/estimate.toml)."""
    data = tomllib.loads(ESTIMATE_PATH.read_text(encoding="utf-8"))
    return Calibration(float(data["chars_per_token"]), {k: float(v) for k, v in data["completion_tokens_per_label"].items()})


class ArticleEstimate(BaseModel):
    """What one article is expected to cost."""

    id: str
    source: str
    status: str = Field(description="ok, or rejected with the reason")
    reason: str = ""
    calls: int = 0
    cached_calls: int = Field(default=0, description="Calls the cache will answer.")
    prompt_tokens: int = Field(default=0, description="Estimated, for the calls not cached.")
    completion_tokens: int = Field(default=0, description="Estimated, for the calls not cached.")


class Estimate(BaseModel):
    """What a run over a corpus is expected to cost."""

    model: str
    articles: list[ArticleEstimate] = []
    price_in: float | None = Field(default=None, description="Price per million prompt tokens.")
    price_out: float | None = Field(default=None, description="Price per million completion tokens.")

    def total(self, name: str) -> int:
        """The sum of one ArticleEstimate column over the articles."""
        return sum(int(getattr(a, name)) for a in self.articles)

    @property
    def cost(self) -> float | None:
        """The price of the tokens not cached, when prices were given."""
        if self.price_in is None and self.price_out is None:
            return None
        return (self.total("prompt_tokens") * (self.price_in or 0.0) + self.total("completion_tokens") * (self.price_out or 0.0)) / 1e6


def request_chars(messages: list[dict[str, str]], label: type[BaseModel], labels: int, *, schema_in_prompt: bool) -> int:
    """Characters of one request as the server tokenises it: messages, and the schema when the
    mode puts it in the prompt (tools and json do; grammar and json_schema decode under it)."""
    schema = json.dumps(labels_model(label, labels).model_json_schema(), ensure_ascii=False) if schema_in_prompt else ""
    return sum(len(m["content"]) for m in messages) + len(schema)


def estimate_article(extractor: Extractor, article: Article) -> ArticleEstimate:
    """Plan one article's calls and estimate the tokens of those the cache cannot answer."""
    rates = calibration()
    planned = extractor.plan(article).calls
    # A request made twice (one name twice in a sentence) is asked once and answered from the cache after.
    calls = list({call.key: call for call in planned}.values())
    schema_in_prompt = extractor.settings.resolved_mode in ("tools", "json")
    estimate = ArticleEstimate(id=article.id, source=str(article.source), status="ok", calls=len(calls))
    for call in calls:
        if extractor.cache.get(call.key) is not None:
            estimate.cached_calls += 1
            continue
        chars = request_chars(call.messages, call.label, len(call.batch), schema_in_prompt=schema_in_prompt)
        estimate.prompt_tokens += round(chars / rates.chars_per_token)
        estimate.completion_tokens += round(len(call.batch) * rates.completion_tokens_per_label[call.field])
    return estimate


def _estimates(extractor: Extractor, found: Iterable[Path | Rejected]) -> Iterator[ArticleEstimate]:
    for item in load_articles(found, extractor.settings.max_chars):
        if isinstance(item, Rejected):
            yield ArticleEstimate(id=item.source.stem, source=str(item.source), status="rejected", reason=item.reason)
        else:
            yield estimate_article(extractor, item)


def estimate_run(
    paths: Iterable[Path], settings: Settings, price_in: float | None = None, price_out: float | None = None
) -> Estimate:
    """The calls, cache hits, tokens and (with prices per million tokens) cost of a run."""
    model = settings.model or (EMBEDDED_MODEL if settings.embedded else "")

    def no_client() -> ModelClient:
        raise AssertionError("an estimate calls no model")

    extractor = Extractor(
        settings, load_prompt(settings.prompt), Cache(settings.cache_dir, read=settings.use_cache and not settings.refresh, write=False),
        model, "estimate", no_client,
    )  # fmt: skip
    return Estimate(model=model, articles=list(_estimates(extractor, find_files(paths))), price_in=price_in, price_out=price_out)

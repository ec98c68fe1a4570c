"""What an evaluation reports: each prompt's scores, what changed against the baseline, eval.json."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ..base.schema import Field_, Match
from .scoring import Miss


class PromptResult(BaseModel):
    """How one prompt did over the gold set."""

    prompt: str
    prompt_file: str
    model: str
    match: Match = Field(default="strict", description="The matching rule `micro` and the misses follow.")
    micro: dict[Field_, dict[str, float | int]]
    by_match: dict[Match, dict[Field_, dict[str, float | int]]] = Field(
        default_factory=dict, description="Micro scores under each matching rule, strict and loose."
    )
    attributes: dict[Match, dict[Field_, dict[str, dict[str, float | int | None]]]] = Field(
        default_factory=dict, description="Attribute accuracy on the pairs each rule matched."
    )
    articles: dict[str, dict[Field_, dict[str, float | int]]]
    stances: dict[str, dict[str, int]] = Field(description="Gold against predicted stance, on loosely matched claims.")
    grounded_share: float
    misses: dict[str, list[Miss]]
    failed: list[str] = Field(default_factory=list, description="Articles with no extraction.")
    seconds: float = 0.0
    strategy: str = Field(default="", description="How articles were cut into model calls, e.g. 'multi-pass, grammar'.")
    calls: int = Field(default=0, description="Model calls this run made (0 when served from the cache).")
    party_kinds: dict[str, int] = Field(
        default_factory=dict, description="Suppliers and recipients of the extracted transfers, by actor kind."
    )
    weapon_events: dict[str, float | int] = Field(
        default_factory=dict, description="Transfers counted as events (strict rule): tp, fp, fn and the three scores."
    )
    english_claims: tuple[int, int] = Field(
        default=(0, 0), description="Extracted claims whose content is English, and all extracted claims."
    )

    @property
    def seconds_per_article(self) -> float:
        """Extraction wall time per gold article."""
        return self.seconds / max(len(self.articles), 1)


class Change(BaseModel):
    """One gold item whose fate differs between the baseline and the current prompt."""

    article: str
    field: Field_
    change: str = Field(description="newly found, lost, or stance flip")
    label: str
    quote: str
    start: int
    detail: str = ""


class EvalReport(BaseModel):
    """Everything `armstrace eval` writes to eval.json."""

    gold: str
    model: str
    match: Match = "strict"
    current: PromptResult
    baseline: PromptResult | None = None
    deltas: dict[Field_, float] = {}
    changes: list[Change] = []
    min_f1: float | None = None
    below_min: list[Field_] = []

    @property
    def exit_code(self) -> int:
        """Non-zero when a field's micro F1 is under --min-f1."""
        return 1 if self.below_min else 0

"""An article's model calls: what each asks, what it came to, and how candidates are cut into them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..base.schema import Actor, Dropped, Field_, Usage

if TYPE_CHECKING:
    from .spans import Candidate, Span


@dataclass(frozen=True)
class Answer:
    """What one model call (or its cached answer) came to: a label per candidate of its batch."""

    labels: list[BaseModel]
    usage: Usage = Usage()
    recorded: Usage = Usage()
    cached: bool = False
    # Why the model's answer could not be read ("ran out of answer tokens …"): its candidates
    # are dropped with this reason, and the rest of the article is kept.
    refused: str = ""


def refused(call: Call, answer: Answer) -> tuple[list[BaseModel], list[Dropped]]:
    """No records for a call whose answer could not be read, and each of its candidates dropped
    with the reason."""
    # An actor is dropped by its name, as grounding drops one; any other item by its sentence.
    quotes = [c.span.text if call.field == "actors" else c.sentence.text for c in call.batch]
    return [], [Dropped(field=call.field, reason=f"unanswered: {answer.refused}", quote=quote) for quote in quotes]


@dataclass(frozen=True)
class Call:
    """One model call of an article: a field's batch of candidates in one window."""

    field: Field_
    window: Span
    batch: Sequence[Candidate]
    messages: list[dict[str, str]]
    label: type[BaseModel]  # what each candidate of the batch is asked for
    key: str


@dataclass(frozen=True)
class Plan:
    """One article's work: what code settles alone, and the model calls for the rest."""

    known: list[Actor]  # names the gazetteer knows
    settled: list[Candidate]  # claims whose speaker and content the text gives (see `needs_model`)
    calls: list[Call]


def batches(candidates: Sequence[Candidate], size: int | None) -> list[Sequence[Candidate]]:
    """The candidates cut into consecutive batches of at most `size` (None: one batch of all)."""
    if size is None:
        return [candidates] if candidates else []
    return [candidates[i : i + size] for i in range(0, len(candidates), size)]


def plan(found: Sequence[Candidate], spans: list[Span], size: int | None) -> list[tuple[Span, Sequence[Candidate]]]:
    """The calls for one field: batches of candidates, each with the window it is shown in.

    `size` None (single pass) makes one call per window. Calls are ordered window by window
    so that consecutive calls share their prefix.
    """
    from .spans import window_of

    inside: list[list[Candidate]] = [[] for _ in spans]
    for candidate in found:
        inside[window_of(candidate, spans)].append(candidate)
    return [(span, batch) for span, held in zip(spans, inside) for batch in batches(held, size)]

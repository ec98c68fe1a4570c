"""An article's spans and sentences, the windows its calls are shown, and the cue words found in them.

Every candidate (candidates.py, materiel.py) is built from these: a `Span` is a stretch of the
article with its offsets, so whatever is found in one is the article's own text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..base.schema import Field_, Quantity
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import KnownActor
from ..text.fold import find_all, normalise, word_pattern

_LINE = re.compile(r"[^\n]+")
_END = re.compile(r"(\w*)[.!?…]+[\"”»’)]*(?=\s+(\S?))")
# Titles written before a name end in a period that ends no sentence ("Gen. Kim", "St. Petersburg").
_TITLES = frozenset(
    "mr mrs ms dr gen lt col maj capt adm sgt sen rep gov prof st jr sr sra srta dra gral ee uu".split()
)


@dataclass(frozen=True)
class Span:
    """A stretch of the article."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Candidate:
    """A passage that may hold one item of a field, with what code already knows of it."""

    field: Field_
    span: Span
    sentence: Span
    cue: str = ""
    quantity: Quantity | None = None
    known: KnownActor | None = None
    statement: Span | None = None
    speaker: Span | None = None  # a claim's speaker where the sentence's frame names one (speakers.py)
    relays: bool = False  # a claim's verb only names the channel of the sentence's other claim
    joined: bool = False  # a claim split off the statement before it, whose speaker it shares (compound.py)


def sentences(article: str) -> list[Span]:
    """The article's sentences (a line break always ends one), with offsets."""
    spans = []
    for line in _LINE.finditer(article):
        start = line.start()
        for cut in [*_sentence_ends(line.group(0)), len(line.group(0))]:
            text = article[start : line.start() + cut]
            lead = len(text) - len(text.lstrip())
            body = text.strip()
            if len(re.findall(r"\w", body)) >= 3:
                spans.append(Span(start + lead, start + lead + len(body), body))
            start = line.start() + cut
    return spans


def _sentence_ends(line: str) -> list[int]:
    """Where the line's sentences end: not at "Feb. 11", "the U.S. and", "Gen. Kim"."""
    return [
        m.end() for m in _END.finditer(line)
        if not (m.group(2)[:1].islower() or m.group(2)[:1].isdigit()) and m.group(1).lower() not in _TITLES
    ]  # fmt: skip


def _units(article: str, max_chars: int) -> list[Span]:
    """Paragraphs, with any paragraph longer than `max_chars` cut into its sentences."""
    units = []
    for m in re.finditer(r"[^\n]+", article):
        if m.end() - m.start() <= max_chars:
            units.append(Span(m.start(), m.end(), m.group(0)))
        else:
            units.extend(Span(m.start() + s.start, m.start() + s.end, s.text) for s in sentences(m.group(0)))
    return units


def windows(article: str, max_chars: int) -> list[Span]:
    """The article, or for a long one overlapping windows of whole paragraphs (or sentences).

    Consecutive windows share their boundary paragraph, so a passage near a cut is seen with
    context on both sides; each candidate is labelled in the first window that holds its
    sentence, so nothing is asked twice.
    """
    if len(article) <= max_chars:
        return [Span(0, len(article), article)]
    units = _units(article, max_chars)
    spans: list[Span] = []
    i = 0
    while i < len(units):
        j = i
        while j + 1 < len(units) and units[j + 1].end - units[i].start <= max_chars:
            j += 1
        start, end = units[i].start, units[j].end
        spans.append(Span(start, end, article[start:end]))
        if j + 1 >= len(units):
            break
        i = j if j > i else j + 1  # overlap by one unit, unless that would not move on
    return spans


def window_of(candidate: Candidate, spans: list[Span]) -> int:
    """The index of the first window holding the candidate's sentence (or its start)."""
    for n, w in enumerate(spans):
        if w.start <= candidate.sentence.start and candidate.sentence.end <= w.end:
            return n
    return next((n for n, w in enumerate(spans) if w.start <= candidate.span.start < w.end), 0)


def phrases(terms: Iterable[str]) -> re.Pattern[str] | None:
    return _compiled_phrases(tuple(terms))


@lru_cache(maxsize=256)  # the same cue lists and gazetteer for every article of a run
def _compiled_phrases(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    return word_pattern(terms, normalise)


def term_matches(text: str, terms: Iterable[str]) -> list[str]:
    """The words of `text` that are one of `terms` (folded; longest first), in text order."""
    pattern = phrases(terms)
    return [text[a:b] for a, b in find_all(text, pattern)] if pattern is not None else []


def labelled_terms(lexicon: Mapping[str, tuple[str, ...]], order: Sequence[str]) -> dict[str, str]:
    """Folded term -> label; a term listed under two labels takes the first in `order`."""
    labels: dict[str, str] = {}
    for label in order:
        for term in lexicon.get(label, ()):
            labels.setdefault(normalise(term), label)
    return labels


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    label: str


def hits(text: str, labels: Mapping[str, str]) -> list[Hit]:
    """The labelled terms in `text`, longest first where they overlap, in text order."""
    pattern = phrases(labels)
    if pattern is None:
        return []
    found = ((start, end, labels.get(normalise(text[start:end]))) for start, end in find_all(text, pattern))
    return [Hit(start, end, label) for start, end, label in found if label]


def site_paragraphs(article: str, cues: Cues) -> list[tuple[int, int]]:
    """The paragraphs and bracketed asides that are the site's: links, photo credits, appeals."""
    pattern = phrases(cues.boilerplate)
    if pattern is None:
        return []
    pieces = [*re.finditer(r"[^\n]+", article), *re.finditer(r"\([^()\n]*\)", article)]
    return [(m.start(), m.end()) for m in pieces if pattern.match(normalise(m.group(0)).lstrip("\"( "))]


def inside(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in spans)


def story_sentences(article: str, cues: Cues) -> list[Span]:
    """The article's sentences, without the site's boilerplate."""
    site = site_paragraphs(article, cues)
    return [s for s in sentences(article) if not inside(s.start, site)]


OPENING_QUOTES = "\"“«‘'"
CLOSING_QUOTES = "\"”»’'"


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` inside quotation marks (an unclosed one runs to the end)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, char in enumerate(text):
        opens = char in "“«" or (char == '"' and start is None)
        if start is None and opens:
            start = i
        elif start is not None and (char in "”»" or char == '"'):
            spans.append((start, i + 1))
            start = None
        elif start is None and char in "”»":  # a quotation opened in an earlier sentence
            spans.append((0, i + 1))
    if start is not None:
        spans.append((start, len(text)))
    return spans


def sentence_at(spans: Sequence[Span], at: int) -> Span | None:
    """The span of `spans` (sorted, not overlapping) that holds offset `at`, if any."""
    i = bisect_right(spans, at, key=lambda s: s.start) - 1
    return spans[i] if i >= 0 and spans[i].start <= at < spans[i].end else None

"""Quotes an annotator chooses, found in the article with their exact offsets.

Every `evidence` of a gold file is computed from a quote, never typed (docs/annotation.md,
section 2); this is the tool the guide tells annotators to use. The extraction does not use
it: it grounds the model's labels on its own candidates' spans (`extraction/ground.py`).
Evidence always carries the article's own characters and offsets, never the quote's. As in
google/langextract's aligner, matching goes from strict to tolerant:

- exact: the quote occurs verbatim (first occurrence);
- normalised: it occurs once both sides are folded by `text.fold.normalise`;
- fuzzy: an approximate alignment of the folded quote scores at least `min_score`.

The guide asks for an exact result; the other tiers tell the annotator what to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from ..base.schema import Alignment, Evidence
from ..text.fold import QUOTE_MARKS, Folded, normalise, normalise_mapped

_MIN_WORD_CHARS = 3
_MIN_FRAGMENT_WORDS = 3
_MIN_SPAN_RATIO = 0.8
_SURROUNDING_MARKS = re.compile(rf"^[\s{QUOTE_MARKS}]+|[\s{QUOTE_MARKS}]+$")
# Cuts are marked as "...", "…", "[...]" or "(…)".
_ELLIPSIS = re.compile(r"[\[(]?(?:\.\.\.|…)[\])]?")
_WORD = re.compile(r"\w+")


# --------------------------------------------------------------------------- public API


def find_quote(article: str, quote: str, *, min_score: float = 0.9) -> Evidence | None:
    """Find `quote` in `article` and return where it stands, or None if it is not there.

    Whitespace and quote marks around the quote are ignored, since copying adds them. Quotes
    with fewer than three letters or digits are not evidence and are never grounded. If the
    whole quote fails and it joins fragments with an ellipsis, the longest fragment of
    at least three words is grounded instead and stands as the evidence for the item.
    """
    evidence = _ground(article, quote, min_score)
    if evidence is None and _ELLIPSIS.search(quote):
        fragment = _longest_fragment(quote)
        if fragment is not None:
            evidence = _ground(article, fragment, min_score)
    return evidence


def find_mention(article: str, name: str, *, near: Evidence | None = None) -> Evidence | None:
    """Find the surface form `name` on word boundaries, verbatim up to case and accents.

    Without `near`, the first exact occurrence wins, else the first normalised one. With
    `near`, the occurrence inside or closest to that span wins, exact before normalised at
    equal distance: a mention is wanted where the item's evidence is.
    """
    target = normalise(name)
    if not any(char.isalnum() for char in target):
        return None
    folded = normalise_mapped(article)
    spans = [folded.span(at, at + len(target)) for at in _word_occurrences(folded.text, target)]
    if not spans:
        return None
    verbatim = name.strip()

    def rank(span: tuple[int, int]) -> tuple[int, bool, int]:
        distance = 0 if near is None else _distance(span, near)
        return distance, article[span[0] : span[1]] != verbatim, span[0]

    start, end = min(spans, key=rank)
    alignment: Alignment = "exact" if article[start:end] == verbatim else "normalised"
    return _evidence(article, start, end, alignment, 1.0)


# --------------------------------------------------------------------------- quotes


def _ground(article: str, quote: str, min_score: float) -> Evidence | None:
    """Try the exact, normalised and fuzzy tiers in turn.

    The quote is tried as given before its surrounding quote marks are stripped, so that a
    quote whose marks are the article's own keeps them, balanced, in the evidence.
    """
    candidates = list(dict.fromkeys((quote.strip(), _strip_marks(quote))))
    needles = [normalise(candidate) for candidate in candidates]
    if sum(char.isalnum() for char in needles[-1]) < _MIN_WORD_CHARS:
        return None
    for candidate in candidates:
        start = article.find(candidate)
        if start >= 0:
            return _evidence(article, start, start + len(candidate), "exact", 1.0)
    folded = normalise_mapped(article)
    for needle in needles:
        at = folded.text.find(needle)
        if at >= 0:
            return _evidence(article, *folded.span(at, at + len(needle)), "normalised", 1.0)
    return _fuzzy(article, folded, needles[-1], min_score)


def _fuzzy(article: str, folded: Folded, needle: str, min_score: float) -> Evidence | None:
    """Align the folded quote approximately; accept it only if it covers a quote-sized span."""
    found = fuzz.partial_ratio_alignment(needle, folded.text, score_cutoff=min_score * 100)
    if found is None:
        return None
    # partial_ratio compares the shorter string with windows of the longer one, and windows
    # at the article's edges (or the whole article, if the quote is longer) are shorter than
    # the quote: a long invented sentence could otherwise pass on one real phrase.
    if found.dest_end - found.dest_start < _MIN_SPAN_RATIO * len(needle):
        return None
    start, end = _snap_to_words(folded.text, found.dest_start, found.dest_end)
    score = round(found.score / 100, 3)
    return _evidence(article, *folded.span(start, end), "fuzzy", score)


def _snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces off the span, then widen it so that it does not cut a word in two."""
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    while _joins(text, start - 1, start):
        start -= 1
    while _joins(text, end - 1, end):
        end += 1
    return start, end


def _strip_marks(text: str) -> str:
    """Remove whitespace and quote marks around `text`."""
    return _SURROUNDING_MARKS.sub("", text)


def _longest_fragment(quote: str) -> str | None:
    """The longest piece of an ellipsis-joined quote that has enough words to be evidence."""
    fragments = (_strip_marks(piece) for piece in _ELLIPSIS.split(quote))
    usable = [piece for piece in fragments if len(_WORD.findall(piece)) >= _MIN_FRAGMENT_WORDS]
    return max(usable, key=len, default=None)


# --------------------------------------------------------------------------- mentions


def _joins(text: str, left: int, right: int) -> bool:
    """Whether the cut between positions `left` and `right` falls inside a word."""
    return 0 <= left and right < len(text) and text[left].isalnum() and text[right].isalnum()


def _word_occurrences(text: str, word: str) -> Iterator[int]:
    """Every position of `word` in `text` that starts and ends on a word boundary."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not _joins(text, at - 1, at) and not _joins(text, end - 1, end):
            yield at
        at = text.find(word, at + 1)


def _distance(span: tuple[int, int], near: Evidence) -> int:
    """Characters between a span and `near`; 0 when they overlap."""
    start, end = span
    return max(near.start - end, start - near.end, 0)


def _evidence(article: str, start: int, end: int, alignment: Alignment, score: float) -> Evidence:
    """Evidence quoting the article's own characters, whatever the quote wrote."""
    return Evidence(
        quote=article[start:end], start=start, end=end, alignment=alignment, score=score
    )

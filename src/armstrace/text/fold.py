"""Folding: the one way text is made comparable, with or without a map back to its offsets.

`normalise` is the comparison folding every wing uses (grounding, cue words, names, merging,
scoring):

- case is folded with `str.casefold` ("ß" -> "ss");
- accents are removed: NFKD, then combining marks dropped. This folds "ñ" to "n" as well, on
  purpose: a model that writes "Espana" for "España" is still grounded, and the collisions it
  allows ("año"/"ano") do not matter for names or for quotes long enough to be evidence;
- every quote mark (" ' “ ” „ ‟ « » ‹ › ‘ ’ ‚ ‛ ` ´) becomes '"' and every dash
  (- ‐ ‑ ‒ – — ― −) becomes '-';
- invisible format characters (soft hyphen, zero-width space) are dropped;
- runs of whitespace become one space, and the ends are stripped.

`normalise_mapped` folds the same way and keeps, per folded character, the span of the
original text it came from, so that a match in folded text is cited by the text's own offsets.

`unaccent_mapped` only strips accents (NFD, combining marks dropped), for the number grammar
(`numbers.py`): it reads case ("M", "B", "No.", capitalised English months) and punctuation
(the dash of a range, the narrow space grouping thousands) that `normalise` would fold away.
Names fold further still (`knowledge.gazetteer.name_key` ignores full stops and the difference
between a dash and a space), on top of `normalise`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "QUOTE_MARKS", "Folded", "alternation", "find_all", "normalise", "normalise_mapped", "unaccent_mapped", "word_pattern",
]  # fmt: skip

QUOTE_MARKS = "\"'“”„‟«»‹›‘’‚‛`´"
_DASHES = "-‐‑‒–—―−"
_DROPPED_CATEGORIES = frozenset({"Mn", "Cf"})  # combining marks, invisible format characters
_SPACE_RUNS = re.compile(" {2,}")
_SHORT = 80


class Folded(NamedTuple):
    """A folded text and, per folded character, the span of original text it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map the folded span [start, end) back to offsets in the original text."""
        return self.starts[start], self.ends[end - 1]


def normalise(text: str) -> str:
    """Fold `text` for comparison: case, accents, quote marks, dashes and whitespace."""
    return _normalise_short(text) if len(text) <= _SHORT else _normalise(text)


@lru_cache(maxsize=65_536)  # names, aliases and cue words are folded again for every article
def _normalise_short(text: str) -> str:
    return _normalise(text)


def _normalise(text: str) -> str:
    # The same characters as `normalise_mapped`, without the map: whitespace is the only
    # character that folds to a space, so collapsing runs afterwards gives the same text.
    return _SPACE_RUNS.sub(" ", "".join(map(_fold_char, text))).strip()


@lru_cache(maxsize=8)
def normalise_mapped(text: str) -> Folded:
    """`text` folded as by `normalise` (ends not stripped), with its offset map.

    Cached for the last few texts: an article is searched dozens of times in a row.
    """
    return _mapped(text, _fold_char, collapse=True)


def unaccent_mapped(text: str) -> Folded:
    """`text` without accents, case and punctuation kept, with its offset map."""
    return _mapped(text, _unaccent_char, collapse=False)


def alternation(words: Iterable[str], fold: Callable[[str], str] | None = None) -> str:
    """A regex alternation of `words` (each folded by `fold`, if given), longest first.

    Longest first, so that a phrase wins over a word it starts with ("misiles balísticos" over
    "misiles"); empty words and repeats are left out.
    """
    forms = {fold(w) if fold else w.strip() for w in words if w.strip()}
    return "|".join(re.escape(w) for w in sorted(forms, key=len, reverse=True))


def word_pattern(words: Iterable[str], fold: Callable[[str], str] | None = None, flags: int = 0) -> re.Pattern[str] | None:
    """`words` as whole words (not inside a longer word); None when there are none."""
    joined = alternation(words, fold)
    return re.compile(rf"(?<!\w)(?:{joined})(?!\w)", flags) if joined else None


def find_all(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """Where `pattern`, written over folded text (see `normalise`), matches in `text`.

    The spans are offsets into `text` itself, so code can cite each match as evidence.
    """
    folded = normalise_mapped(text)
    return [folded.span(m.start(), m.end()) for m in pattern.finditer(folded.text) if m.end() > m.start()]


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    """Fold one character; the result may be empty or longer than one character."""
    if char.isspace():
        return " "
    if char in QUOTE_MARKS:  # before NFKD, which turns "´" into a space and a mark
        return '"'
    if char in _DASHES:
        return "-"
    decomposed = unicodedata.normalize("NFKD", char.casefold())
    # Spacing diacritics such as "¨" decompose to a space plus a mark; neither is text.
    return "".join(
        c for c in decomposed if c != " " and unicodedata.category(c) not in _DROPPED_CATEGORIES
    )


@lru_cache(maxsize=8192)
def _unaccent_char(char: str) -> str:
    return "".join(part for part in unicodedata.normalize("NFD", char) if not unicodedata.combining(part))


def _mapped(text: str, fold_char: Callable[[str], str], *, collapse: bool) -> Folded:
    """Fold `text` character by character, remembering where each folded character came from.

    Mapping per original character is what keeps offsets exact when folding changes lengths.
    """
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        if not folded:
            # A dropped mark belongs to the character before it: spans ending there keep it.
            if ends:
                ends[-1] = index + 1
            continue
        if collapse and folded == " " and chars and chars[-1] == " ":
            continue
        for piece in folded:
            chars.append(piece)
            starts.append(index)
            ends.append(index + 1)
    return Folded("".join(chars), tuple(starts), tuple(ends))

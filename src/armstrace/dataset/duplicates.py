"""Near-duplicate articles: MinHash over word 5-shingles, with locality-sensitive hashing.

Never by comparing all pairs: the work grows with the number of articles, not its square.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections.abc import Iterable
from typing import NamedTuple

from ..text.fold import normalise

# Articles whose estimated shingle Jaccard similarity reaches this are copies of one story.
DUPLICATE_THRESHOLD = 0.7

_WORD = re.compile(r"\w+")
_BINS, _BANDS = 64, 16
_ROWS = _BINS // _BANDS
_SHINGLE_WORDS = 5


def signature(text: str) -> tuple[int, ...]:
    """A one-permutation MinHash of the text's word 5-shingles: one minimum per hash bin.

    One crc32 per shingle (its low bits pick the bin, the rest is the value) instead of 64
    hash functions keeps this linear and fast; an empty bin holds -1 and never matches.
    """
    words = _WORD.findall(normalise(text))
    bins = [-1] * _BINS
    if not words:
        return tuple(bins)
    for i in range(max(1, len(words) - _SHINGLE_WORDS + 1)):
        h = zlib.crc32(" ".join(words[i : i + _SHINGLE_WORDS]).encode("utf-8"))
        b, value = h % _BINS, h // _BINS
        if bins[b] < 0 or value < bins[b]:
            bins[b] = value
    return tuple(bins)


def similarity(a: Iterable[int], b: Iterable[int]) -> float:
    """Estimated Jaccard similarity of two signatures: the share of bins whose minima agree."""
    both = [(x, y) for x, y in zip(a, b) if x >= 0 or y >= 0]
    return sum(x == y for x, y in both) / len(both) if both else 0.0


class Copy(NamedTuple):
    """An article that republishes another: the first article of its cluster, and how alike."""

    original: str
    similarity: float | None  # None for an article joined to the cluster only through another copy


class DuplicateFinder:
    """Clusters of near-duplicate articles, by locality-sensitive hashing of signatures.

    Each signature is cut into 16 bands of 4 bins; articles sharing a whole band are
    candidates (likely from a Jaccard similarity of about 0.5 up), and a candidate is compared
    with the first article of its bucket only, so the work grows with the number of articles,
    not its square. Clusters are joined transitively and named by their smallest article id.
    """

    def __init__(self) -> None:
        # Packed 32-bit bins (a bin's minimum is below 2**26): 256 bytes an article, not 2 KiB.
        self._signatures: dict[str, array[int]] = {}

    def add(self, article: str, text: str) -> None:
        """Remember one article's text (as a signature, not the text)."""
        self._signatures[article] = array("i", signature(text))

    def clusters(self) -> dict[str, Copy]:
        """Article id -> the first article of its cluster and its best similarity to a member.

        Only articles that are not the first of their cluster are listed; the similarity is
        None for one joined only through another member.
        """
        parent = {a: a for a in self._signatures}

        def root(a: str) -> str:
            while parent[a] != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a

        best: dict[str, float] = {}
        for band in range(_BANDS):
            leaders: dict[tuple[int, ...], str] = {}
            for article in sorted(self._signatures):
                rows = self._signatures[article][band * _ROWS : (band + 1) * _ROWS]
                if min(rows) < 0:
                    continue
                leader = leaders.setdefault(tuple(rows), article)
                if leader == article:
                    continue
                score = similarity(self._signatures[leader], self._signatures[article])
                if score >= DUPLICATE_THRESHOLD:
                    a, b = sorted((root(leader), root(article)))
                    parent[b] = a
                    best[article] = max(best.get(article, 0.0), score)
        scores = {a: round(s, 3) for a, s in best.items()}
        return {a: Copy(root(a), scores.get(a)) for a in sorted(parent) if root(a) != a}

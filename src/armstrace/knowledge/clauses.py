"""The clause of a sentence that holds some words: where a year or a verb belongs to them.

"Moscú y Teherán firmaron un acuerdo para que Irán exporte drones a Rusia después de que Putin
enviara tropas a Ucrania en 2022": the deal and its drones are one clause, the troops and 2022
another. A clause ends at punctuation or at a word of cues.toml's [clauses].
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text.fold import alternation
from .cues import Cues


@lru_cache(maxsize=8)
def _breaks(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"[,;:()\[\]—–\"“”«»]|(?<!\w)(?:" + alternation(words) + r")(?!\w)", re.IGNORECASE)


# A list of items hangs on the clause before it: "ordered trucks and spare parts, including
# radars and drones".
_LISTING = re.compile(r"(?<!\w)(?:including|such as|among them|incluidos|incluidas|incluyendo|entre ellos|entre ellas)(?!\w)", re.I)
_ONLY_LISTED = re.compile(r"[^;:()\[\]—–\"“”«»]*")


def clause_of(sentence: str, words: str, cues: Cues) -> str:
    """The clause of `sentence` holding the first occurrence of `words`; '' when they are not in it.

    Items listed after "including" belong to the clause the list hangs on.
    """
    found = re.search(re.escape(words.strip()), sentence, re.IGNORECASE) if words.strip() else None
    if found is None:
        return ""
    start, end = _bounds(sentence, found.start(), found.end(), cues)
    listing = next((m for m in reversed(list(_LISTING.finditer(sentence, 0, found.start())))), None)
    if listing is not None and _ONLY_LISTED.fullmatch(sentence, listing.end(), found.start()):
        head = sentence[: listing.start()].rstrip(" ,")
        if head:
            start = min(start, _bounds(sentence, len(head) - 1, len(head), cues)[0])
    return sentence[start:end]


def _bounds(sentence: str, first: int, last: int, cues: Cues) -> tuple[int, int]:
    """Where the clause holding sentence[first:last] starts and ends."""
    start, end = 0, len(sentence)
    for cut in _breaks(cues.clauses).finditer(sentence):
        if cut.end() <= first:
            start = cut.end()
        elif cut.start() >= last:
            end = cut.start()
            break
    return start, end

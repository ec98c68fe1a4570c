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


def clause_of(sentence: str, words: str, cues: Cues) -> str:
    """The clause of `sentence` holding the first occurrence of `words`; '' when they are not in it."""
    found = re.search(re.escape(words.strip()), sentence, re.IGNORECASE) if words.strip() else None
    if found is None:
        return ""
    start, end = 0, len(sentence)
    for cut in _breaks(cues.clauses).finditer(sentence):
        if cut.end() <= found.start():
            start = cut.end()
        elif cut.start() >= found.end():
            end = cut.start()
            break
    return sentence[start:end]

"""Whether a passage is Spanish or English, told by the function words only one of them uses.

Articles come in both languages and a passage is short (a sentence, a model's answer), so a
count of function words is enough: it needs no model and no dictionary.
"""

from __future__ import annotations

import re

# Words only Spanish has (a model's English with one of them is the article's words half translated).
_SPANISH = frozenset(
    "que los las del el la y e de con por para ha han es está están una unos sus su según también como pero muy".split()
)
_ENGLISH = frozenset(
    "the of and to that in is was were has have had with from by for its this which will would been be are on at".split()
)


def spanish_words(text: str) -> int:
    """How many of `text`'s words only Spanish uses."""
    return sum(w in _SPANISH for w in re.findall(r"\w+", text.lower()))


def is_english(text: str) -> bool:
    """Whether `text` uses more English function words than Spanish ones."""
    return sum(w in _ENGLISH for w in re.findall(r"\w+", text.lower())) > spanish_words(text)

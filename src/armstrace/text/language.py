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
# Spanish news prose writes none of these either ("he" is left out: "he dicho"), so a short English
# sentence with no article still reads as English ("Russia sold fewer drones than expected").
_ENGLISH = frozenset(
    "the of and to that in is was were has have had with from by for its this which will would been be are on at"
    " an as or not than it they their his her she we our who can could should may might must did does do"
    " into over after about against these those there".split()
)


def spanish_words(text: str) -> int:
    """How many of `text`'s words only Spanish uses."""
    return sum(w in _SPANISH for w in re.findall(r"\w+", text.lower()))


# Word endings only one of the languages has: they decide where the function words do not
# ("baseless allegations", "drones destroyed daily"; "operación", "rápidamente"). English
# participles hardly a Spanish word ends in ("usted" and two others do); -tion, -ness, -less and
# -ly no Spanish word; an accented vowel, -ción, -mente or -idad no English one.
_ENGLISH_FORM = re.compile(r"\b(?!(?:usted|pared|merced)\b)[a-z]{3,}(?:ed|ing)\b|\b[a-z]{2,}(?:tions?|sions?|ness|less)\b|\b[a-z]{3,}ly\b")
_SPANISH_FORM = re.compile(r"\b\w*[áéíóúñ]\w*|\b\w+(?:mente|idad|idades|ciones)\b")


def is_english(text: str) -> bool:
    """Whether `text` uses more English function words than Spanish ones, or as many (often none)
    but more word endings only English has: "Oslo-3 launched Norsat satellite.", "baseless allegations"."""
    folded = text.lower()
    english, spanish = sum(w in _ENGLISH for w in re.findall(r"\w+", folded)), spanish_words(text)
    if english != spanish:
        return english > spanish
    return len(_ENGLISH_FORM.findall(folded)) > len(_SPANISH_FORM.findall(folded))

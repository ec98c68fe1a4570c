"""Whether a statement only points back to one reported before ("negó esa versión", "dismissed
the report as pure speculation"), and how far back what it points to may stand."""

from __future__ import annotations

import re
from functools import lru_cache

from ..knowledge.cues import Cues
from ..text.fold import normalise
from .spans import Candidate


# Determiners that point back: "esa versión", "the report", "such claims".
_POINTING = r"(?:el|la|los|las|ese|esa|esos|esas|este|esta|estos|estas|dicho|dicha|dichos|dichas|tal|tales|the|this|that|these|those|such)"
# What, after the pointing words, says what was said: "the claims that …", "las acusaciones de
# haber …", "reports of drones"; a name after "de" or "of" says only whose ("las acusaciones de Chile").
_SAYS_WHAT = re.compile(r"\b(?i:que|that|sobre|about|según|whereby)\b|\b(?i:de|del|of)\b(?!(?:\s+[A-ZÁÉÍÓÚ][\w.-]*)+\s*(?:[.,;]|$))")


def refers_back(claim: Candidate, cues: Cues) -> bool:
    """Whether what a claim's verb reports only points back to a statement made before ("negó esa
    versión", "dismissed the report as pure speculation"): what it denies or confirms is said in
    the sentences before."""
    after = claim.sentence.text[claim.span.end - claim.sentence.start :]
    # The words may follow the verb at once or further on ("calificó de «pura propaganda» esas
    # informaciones"), or stand before it for a pronoun ("Preguntado por esas acusaciones, Berg
    # las calificó de infundadas").
    if normalise(claim.span.text) in {normalise(a) for a in cues.attribution}:
        return False  # "According to the report, …" says what the report says
    before = claim.sentence.text[: claim.span.start - claim.sentence.start]
    if re.search(r"(?i)(?<!\w)(?:lo|la|los|las)\s+$", before):
        return pointing_back(cues.referring).search(before) is not None and re.search(r"(?i)\b(?:que|that)\b", after) is None
    points = pointing_back(cues.referring).search(after)
    return points is not None and _SAYS_WHAT.search(after, points.end()) is None


@lru_cache(maxsize=8)
def pointing_back(referring: tuple[str, ...]) -> re.Pattern[str]:
    """Words that point back to a statement ("esa versión", "the report")."""
    return re.compile(rf"(?i)(?<!\w){_POINTING}\s+(?:\w+\s+)?(?:{'|'.join(map(re.escape, referring))})\b")


# How many sentences before a statement that points back may hold what it points to.
ANTECEDENT_SENTENCES = 2

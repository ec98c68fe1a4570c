"""What a statement that only points back denies or confirms, where the model could not write it out.

"La embajada calificó de «pura propaganda» esas informaciones", "Preguntado por esas
acusaciones, Berg las calificó de infundadas": the words point back to a statement the article
reported just before. The model is asked to write that statement out (statements.refers_back);
where its English fails the check, the claim would keep its Spanish clause, which says nothing
of what was dismissed. The statement it points back to, already in English, is what it denies.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..base.schema import Claim
from ..knowledge.cues import Cues
from .content import untranslated
from .spans import sentences
from .pointing import ANTECEDENT_SENTENCES, pointing_back


def antecedent_contents(claims: Sequence[Claim], article: str, cues: Cues) -> list[Claim]:
    """Each claim left with a clause that points back ("esas informaciones"), with the English
    content of the latest claim of another speaker in the sentences before it; others as they are."""
    points = pointing_back(cues.referring)
    starts = [s.start for s in sentences(article)]

    def sentence_of(claim: Claim) -> int:
        return sum(1 for start in starts if start <= claim.evidence.start)

    settled: list[Claim] = []
    for claim in claims:
        pointing = points.search(claim.evidence.quote) if untranslated(claim) else None
        if pointing is not None and not _whose_words(claim.evidence.quote, pointing.end(), cues):
            here = sentence_of(claim)
            before = [
                c for c in settled
                if not untranslated(c) and c.speaker != claim.speaker and 0 < here - sentence_of(c) <= ANTECEDENT_SENTENCES
            ]  # fmt: skip
            # Only one speaker's statement before it can be what it points back to; of two, code
            # cannot tell which ("esas informaciones" after a newspaper's report and an analyst's).
            if len({c.speaker for c in before}) == 1:
                claim = claim.model_copy(update={"content": before[-1].content, "content_from": "antecedent"})
        settled.append(claim)
    return settled


def _whose_words(quote: str, end: int, cues: Cues) -> bool:
    """Whether the pointing words say whose statement they mean ("el relato ucraniano"), which
    may be one further back than the sentences read."""
    after = re.match(r"\s+([^\W\d_]+)", quote[end:])
    return after is not None and after.group(1).lower() in cues.described_adjectives

"""The speakers code finds in a text, as the speaker tests read them."""

from __future__ import annotations

from armstrace.extraction.candidates import find_candidates
from armstrace.extraction.speakers import attach_speakers
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer

CUES = load_cues()
GAZETTEER = load_gazetteer()


def speakers(text: str) -> list[tuple[str, str | None]]:
    """Each claim's reporting words and its speaker's span text (None where no frame names one);
    a verb that only relays another's statement is left out."""
    found = find_candidates(text, CUES, GAZETTEER)
    claims = attach_speakers(found["claims"], found["actors"], text, CUES)
    return [(c.span.text, c.speaker.text if c.speaker else None) for c in claims if not c.relays]

"""Leaked papers as a claim's speaker.

What leaked or hacked documents are said to show is no statement of whoever wrote them, nor of
the outlet that published them (the outlet relays them): the documents speak, as "Leaked
documents", whether a claim cites them ("según documentos filtrados que publicó …", "according
to internal documents") or they are its subject ("the papers say").
"""

from __future__ import annotations

import re

from .frames import any_of, subject_match
from .spans import Candidate, Span, quoted_spans

# A document's noun, and the English noun the leaked ones are called by.
_NOUNS = {
    "documentos": "documents", "documento": "documents", "papeles": "documents", "archivos": "documents", "expedientes": "documents",
    "registros": "records", "correos": "emails", "documents": "documents", "papers": "documents", "files": "documents",
    "records": "records", "emails": "emails",
}  # fmt: skip
_DETERMINERS = r"(?:los|las|esos|esas|estos|estas|unos|unas|the|these|those|internal|secret|confidential|leaked|hacked)"
_ADJECTIVES = r"(?:internos|internas|secretos|secretas|confidenciales|aduaneros|filtrados|filtradas|leaked|hacked)"
# ("patient records", "documentos aduaneros filtrados": one word of what they are may stand before or after the noun)
_CITED = re.compile(rf"(?i)(?:{_DETERMINERS}\s+)*(?:(?-i:[a-z]+)\s+)?({any_of(list(_NOUNS))})(?:\s+[a-záéíóúñ]+)?(?:\s+{_ADJECTIVES})?\b")
_OPENING = re.compile(r"(?i)\s*(?:to\s+)?")
# The article says, in its own words, that the papers leaked or were taken by hackers.
_LEAK = re.compile(r"(?i)(?<!\w)(?:leak(?:ed|s)?|hacked|hackers?|filtrad[oa]s?|filtraci(?:ón|ones)|hackead[oa]s?|pirateados?)(?!\w)")


def leaked_documents(candidate: Candidate, article: str, attributes: bool) -> Span | None:
    """The leaked documents a claim cites or has for its subject, as its speaker; None if it cites
    no document or the article says no document leaked. `attributes`: the claim's words are an
    attribution ("según", "according to"), whose source follows it."""
    # (a denial's words are no leak: "calificó el documento de «filtración dirigida»")
    quoted = quoted_spans(article)
    if not any(not any(a <= m.start() < b for a, b in quoted) for m in _LEAK.finditer(article)):
        return None
    if attributes:
        opening = _OPENING.match(article, candidate.span.end)
        cited = _CITED.match(article, opening.end() if opening is not None else candidate.span.end)
    else:
        # the subject before the verb, or after it where the verb follows what it reports ("…, the papers show")
        cited = subject_match(_CITED, candidate, article)
        inverted = re.search(r"[,»”\"]\s*$", article[candidate.sentence.start : candidate.span.start]) is not None
        cited = cited if cited is not None and (cited.end() <= candidate.span.start or inverted) else None
    if cited is None:
        return None
    return Span(cited.start(), cited.end(), f"Leaked {_NOUNS[cited.group(1).lower()]}")

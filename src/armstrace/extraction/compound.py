"""A statement that joins two propositions is two claims (docs/annotation.md: one claim per
attributed proposition), each with its own words and stance and the same speaker:

- a quotation before its verb that goes on with "y"/"and" ("«El control es nuestro, y ningún país
  tendrá acceso», declaró X"), as "dijo que … y que …" makes two;
- a semicolon ("«Rusia no necesita drones de nadie; nuestra industria produce más»");
- what a denial grants after it ("no ha detectado preparativos, aunque sí el envío de obreros");
- a new subject after a comma and "y"/"and" in what an attribution or a quotation says ("según
  X, A, y Moscú ha …"), or after a comma and "mientras"/"while" and a name ("Teherán suministra
  los motores, mientras Moscú financia el proyecto");
- in English, a second verb of the same subject after "and" and an auxiliary ("the bridge would
  be finished by mid-2026 and would …", "has observed its obligations and does not share …").
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..knowledge.cues import Cues
from ..text.fold import find_all, normalise
from .frames import words_of
from .spans import Candidate, Hit, Span
from .stances import claim_stance
from .statements import GOES_ON

# Words that only repeat what the first statement said, by a pronoun or an auxiliary: "… y no lo hará".
_ELLIPTICAL = frozenset(("lo", "la", "los", "las", "le", "les", "se", "it", "so", "that", "will", "would", "do", "does", "did", "not", "no"))
# The fewest words each proposition takes: a subject, a verb and what it is about.
_PROPOSITION_WORDS = 3
_AUXILIARY = r"(?:has|have|had|is|are|was|were|will|would|could|can|may|might|does|did|do)"
# A finite verb among a clause's first words, so that a name after "y"/"and" opens a clause and
# does not end a list ("…, y la base de Dunai"; "…, and Pyongyang-based Korea Mandal Credit Bank").
_VERB = re.compile(
    rf"(?i)\b(?:{_AUXILIARY}|ha|han|había|habían|habría|habrían|es|son|era|eran|está|están|estaba|estaban|fue|fueron"
    r"|será|serán|sería|serían|podría|podrían|puede|pueden|debe|deben|deberá|deberán|se|ya|no|sigue|siguen)\b"
    r"|(?<![\w-])\w{3,}(?:ó|aron|ieron|ían|aban|ed)\b"
)
_VERB_REACH = 7
# Where a clause's opening words stop being its own: a relative clause ("…, y la base de Dunai, que fue …").
_RELATIVE = re.compile(r"(?i)\b(?:que|quien|quienes|donde|cuyo|cuya|which|who|whom|whose|that|where)\b|,")
_SEMICOLON = re.compile(r";\s+")
# What a denial goes on to grant: "no ha detectado preparativos, aunque sí el envío de obreros".
_GRANTED = re.compile(r"(?i),\s+(?:aunque|pero)\s+sí\s+")
# A new subject after a comma and "y"/"and": a name, or a determiner and its noun ("esa cooperación", "some", "al menos cuatro").
_AND_SUBJECT = re.compile(
    r"(?i),\s+(?:y|e|and)\s+(?=(?-i:[A-ZÁÉÍÓÚÑ])[\w-]|(?:el|la|los|las|ese|esa|esos|esas|este|esta|estos|estas|su|sus"
    r"|otros|otras|una\s+parte|algunos|algunas|varios|varias|al\s+menos|the|its|their|some|others|other|part|several|many|at\s+least)\s+\w)"
)
_WHILE_NAME = re.compile(r"(?i),\s+(?:mientras(?:\s+que)?|while)\s+(?=(?-i:[A-ZÁÉÍÓÚÑ]))")
# In English, a second verb of the same subject: "… would be finished by mid-2026 and would …";
# only after a finite verb, so that "said Russia and Iran have …" joins two subjects, not two clauses.
_AND_VERB = re.compile(rf"(?i)\s+and\s+(?={_AUXILIARY}\b)")
_FINITE = re.compile(rf"(?i)\b{_AUXILIARY}\b|\b\w{{3,}}ed\b")
# A clause opened by "y"/"and"/"ni" inside a quotation before its verb.
_AND = re.compile(r"(?i)(?:y|e|and|ni)\b")


def split_compound(claim: Candidate, verb: str, cues: Cues, attributed: bool = False, subject_next: bool = False) -> list[Candidate]:
    """The claim, or one claim per proposition its statement joins: the first keeps the reporting
    words, each other has the words that join it.

    `verb`: the reporting verb's own stance ('' for a neutral verb), which each proposition keeps,
    else its words give its stance; `attributed`: the statement is what "según"/"according to"
    attributes, whose scope runs to the sentence's end (after a verb "…, and B" may be the
    narrator's); `subject_next`: another reporting verb follows the statement at once, so its
    last words may be that verb's subject ("…, y el gobierno iraní negó …").
    """
    statement = claim.statement
    if statement is None or claim.relays or statement == claim.sentence:
        return [claim]
    quoted = statement.end <= claim.span.start
    cuts = _cuts(statement.text, quoted, attributed or quoted)
    if subject_next and cuts:
        cuts.pop()
    if not cuts:
        return [claim]
    first = _part(statement, 0, cuts[0][0])
    # What the whole statement's words made its stance, its first proposition's own words make.
    stance = _stance(first.text, "", verb, cues) if _stance(statement.text, "", verb, cues) == claim.cue else claim.cue
    found = [replace(claim, statement=first, cue=stance)]
    for n, (a, b) in enumerate(cuts):
        part = _part(statement, b, cuts[n + 1][0] if n + 1 < len(cuts) else len(statement.text))
        joined = Span(statement.start + a, statement.start + b, statement.text[a:b])
        found.append(Candidate("claims", joined, claim.sentence, cue=_stance(part.text, joined.text, verb, cues), statement=part, joined=True))
    return found


def _stance(text: str, join: str, verb: str, cues: Cues) -> str:
    # "ni ha recibido": a proposition joined by a negation goes on denying.
    negated = bool(set(normalise(join).split()) & set(cues.negations))
    return claim_stance(Hit(0, 0, verb), "denied" if negated else verb or "asserted", text, ("", text), cues)


def _cuts(text: str, quoted: bool, attributed: bool) -> list[tuple[int, int]]:
    """Where the statement's propositions are joined, as (start, end) of the joining words."""
    joins = [(m.start(), m.end(), "") for m in _SEMICOLON.finditer(text)]
    joins += [(m.start(), m.end(), "") for m in _WHILE_NAME.finditer(text)]
    joins += [(m.start(), m.end(), "") for m in _GRANTED.finditer(text)]
    joins += [(m.start(), m.end(), "verb") for m in _AND_VERB.finditer(text)]
    if attributed:
        joins += [(m.start(), m.end(), "subject") for m in _AND_SUBJECT.finditer(text)]
    if quoted:
        joins += [(a, b, "") for a, b in find_all(text, GOES_ON) if a > 0 and _AND.match(text, a)]
    cuts: list[tuple[int, int]] = []
    start = 0
    for a, b, kind in sorted(joins):
        first, rest = text[start:a], text[b:]
        if a < start or not _proposition(first) or not _proposition(rest):
            continue
        if kind == "verb" and not _FINITE.search(first):
            continue
        if kind == "subject" and not _opens_clause(rest):
            continue
        cuts.append((a, b))
        start = b
    return cuts


def _opens_clause(rest: str) -> bool:
    """Whether what follows "y"/"and" opens a clause: a finite verb among its first words, before a
    relative clause of theirs."""
    own = rest[: m.start()] if (m := _RELATIVE.search(rest)) is not None else rest
    return _VERB.search(" ".join(words_of(own)[:_VERB_REACH])) is not None


def _proposition(text: str) -> bool:
    return len([w for w in words_of(text) if w.lower() not in _ELLIPTICAL]) >= _PROPOSITION_WORDS - 1 and len(words_of(text)) >= _PROPOSITION_WORDS


def _part(statement: Span, start: int, end: int) -> Span:
    body = statement.text[start:end].strip(" ,;:")
    at = statement.start + statement.text.index(body, start)
    return Span(at, at + len(body), body)

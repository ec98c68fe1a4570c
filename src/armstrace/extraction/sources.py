"""Who an attribution names as its source, and who speaks through a news outlet.

"Según la agencia, …" opens with its source; "…, citing intelligence sources," and "Según el
diario X, que cita a tres diplomáticos, …" name the sources the outlet cites, who speak, while
the outlet is their channel; "según la agencia rusa Ria Novosti" names an outlet a few words
after "según"; and in what an outlet relays, a person who reports speaks (speakers.py decides
which applies).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..text.dates import story_start
from ..text.fold import normalise
from .frames import DETERMINER, Frames, described_as, words_of
from .spans import OPENING_QUOTES, Candidate, Span
from .subjects import OUTLET_NOUNS, apposition_end, subject_after


def opening_source(candidate: Candidate, names: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """The source an attribution at the start of the sentence names ("Según la agencia, …")."""
    sentence = candidate.sentence
    lead = re.match(r"[\W_]*", sentence.text)
    if lead is not None and any(q in lead.group() for q in OPENING_QUOTES):
        return None  # "«Según nuestra Constitución, …», recordó su portavoz": the speaker's own words
    start = sentence.start + (lead.end() if lead else 0)
    opening = next((a for a in sorted(frames.attribution, key=len, reverse=True) if normalise(article[start : start + len(a)]) == a), None)
    # "En declaraciones a la cadena CNN, el ministro … afirmó": whom it was said to is the channel.
    if opening is None or opening.endswith((" a", " to")):
        return None
    source = subject_after(replace(candidate, span=Span(start, start + len(opening), article[start : start + len(opening)])), names, article, frames)
    # "Según la agencia Frontex, …": a name the attribution's own words hold, up to their comma.
    comma = article.find(",", start, candidate.span.start)
    return source or next((n for n in names if start + len(opening) <= n.start and n.end <= comma), None)


def document_issuer(candidate: Candidate, names: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """The issuer of a document an attribution names: "according to a statement from the White
    House National Security Council", "según un comunicado oficial del Ministerio": who issued
    it speaks (docs/annotation.md), else None."""
    issued = _ISSUED_BY.match(article, candidate.span.end, candidate.sentence.end)
    # A document, or what stands for a statement ("a confidential report by the UN panel").
    if issued is None or not (frames.documents.fullmatch(issued.group(1)) or issued.group(1).lower() in frames.referring):
        return None
    return next((n for n in names if n.start == issued.end()), None)


def document_named_before(candidate: Candidate, names: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """"Según el informe, …" after "un informe de la inteligencia militar de Ucrania": the issuer
    the article gave that document before speaks, else None."""
    named = re.match(r"(?i)\s+(?:el|la|the)\s+(?:mism[oa]\s+|same\s+)?([^\W\d_]+)\s*,", article[candidate.span.end : candidate.sentence.end])
    if named is None or not (frames.documents.fullmatch(named.group(1)) or named.group(1).lower() in frames.referring):
        return None
    issued = re.compile(rf"(?i)\b{re.escape(named.group(1))}\s+(?:from|by|of|de|del|de la|por)\s+(?:{DETERMINER}\s+)?")
    starts = {m.end() for m in issued.finditer(article, 0, candidate.sentence.start)}
    return next((n for n in reversed(names) if n.start in starts), None)


# A document and who issued it, after an attribution: "a statement from the", "un comunicado oficial del",
# "un comentario firmado por el".
_ISSUED_BY = re.compile(
    rf"(?i)\s+(?:(?:a|an|un|una|{DETERMINER})\s+)?(?:[^\W\d_]+\s+){{0,2}}?([^\W\d_]+)"
    rf"(?:\s+[^\W\d_]+){{0,2}}?\s+(?:from|by|of|de|del|de la|por)\s+(?:{DETERMINER}\s+)?"
)


def cited_source(candidate: Candidate, names: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """The source an aside right after the verb, or after its time, cites (", citing X,"; "reported
    last month, citing X,"), or None."""
    time = re.compile(rf"(?i)\s+{frames.time}").match(article, candidate.span.end)
    return _cited(time.end() if time else candidate.span.end, candidate, names, article, frames, frames.citing)


# An outlet that cites its own source: "Según X, que cita a …", "citando a …", "citing …" (not
# "citada por AFP": there X is cited, by a channel).
_CITES = re.compile(r"(?i)(?:que\s+cita(?:n|ba|ban)?|citando|citing|quoting)\b")


def source_cited_by(source: Span, candidate: Candidate, names: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """The source an attribution's own source cites in an aside after it ("Según el diario X, que
    cita a tres diplomáticos chilenos, …"): they speak, X is the channel. None if it cites none."""
    return _cited(source.end, candidate, names, article, frames, _CITES)


def _cited(at: int, candidate: Candidate, names: Sequence[Span], article: str, frames: Frames, opening: re.Pattern[str]) -> Span | None:
    aside = re.match(r"\s*,?\s*([^,;:]*)", article[at : candidate.sentence.end])
    if aside is None or opening.match(aside.group(1)) is None:
        return None
    start, end = at + aside.start(1), at + aside.end(1)
    # "citing sources among US officials": the last name is the most particular; one far into
    # the aside is what the cited documents are about ("citing files handed to Chile").
    near = [
        n for n in names
        if start <= n.start and n.end <= end and len(words_of(article[start : n.start])) <= _CITED_REACH
        and (n.text[:1].isupper() or _head(n.text, frames).rsplit(" ", 1)[-1] in _WHO_SPEAK)
    ]  # fmt: skip
    return near[-1] if near else None


def _head(text: str, frames: Frames) -> str:
    """The English noun of the description a span opens with: "sources" for "fuentes del Gobierno de Chile"."""
    m = frames.described.match(text)
    return described_as(m.group(0), frames) if m is not None else ""


# How many words may stand between "citing" and the source it names: "citing sources among US officials".
_CITED_REACH = 3
# Described sources that speak when cited, by their last word ("intelligence officials");
# "intelligence records" or "the media" are documents and channels, and the outlet citing them
# keeps the claim.
_WHO_SPEAK = frozenset(("officials", "official", "sources", "diplomats", "lawmakers", "experts", "monitors", "prosecutors", "authorities"))


def own_body(candidate: Candidate, names: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """"Chile intercepta motores …, según su Aduana": a body an attribution gives by a possessive is
    the body of the name the sentence opens with ("Aduana de Chile")."""
    body = re.match(r"\s+(?:su|sus|its|their)\s+((?:[A-ZÁÉÍÓÚ][\w-]*\s*)+)", article[candidate.span.end : candidate.sentence.end])
    if body is None or normalise(body.group(1).split()[0]) not in frames.institution_words:
        return None
    lead = candidate.sentence.start + story_start(candidate.sentence.text)
    owner = next((n for n in names if lead <= n.start < candidate.span.start and not article[lead : n.start].strip(" «“\"")), None)
    if owner is None:
        return None
    start = candidate.span.end + body.start(1)
    return Span(start, start + len(body.group(1).rstrip()), f"{body.group(1).rstrip()} de {owner.text}")


def outlet_source(candidate: Candidate, names: Sequence[Span], article: str, media: set[str]) -> Span | None:
    """A news outlet a few lowercase words after "según": "según la agencia rusa Ria Novosti"."""
    for name in names:
        if name.start >= candidate.span.end and normalise(name.text) in media:
            words = article[candidate.span.end : name.start]
            return name if re.fullmatch(r"(?:\s+[a-záéíóúñ]+){1,4}\s+", words) else None
    return None


def relayed_person(outlet: Span, people: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """Who speaks in what an outlet relays: "Según la agencia Ria Novosti, citada por AFP,
    Lavrov agradeció …" is Lavrov's, the outlet is its channel. The speaker is a person who
    opens a clause after the outlet's and reports or does a speech act (a country there is what
    the outlet reports on, "Según Reuters, Rusia envió …", and so is a person who only acts,
    "According to Reuters, Berg arrived …"); none, and the outlet itself makes the claim."""
    for name in people:
        if name.start > outlet.end:
            before = article[outlet.end : name.start]
            if re.search(rf",\s*(?:{DETERMINER}\s+)?$", before, re.I):
                return name if _speaks(article[name.end : name.end + 80], frames) else None
    return None


def opening_person(candidate: Candidate, people: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """Who speaks in a sentence an outlet is credited with at its end: "Kim Jong Un, who attended
    the ceremony, hailed the ship …, according to the Korean Central News Agency" is Kim's, the
    agency its channel; the person must open the sentence and report or do a speech act."""
    sentence = candidate.sentence
    first = next((n for n in people if sentence.start <= n.start and n.end <= candidate.span.start), None)
    if first is None or words_of(article[sentence.start : first.start]):
        return None
    return first if _speaks(article[first.end : first.end + 80], frames) else None


def _speaks(after_name: str, frames: Frames) -> bool:
    """Whether the words after a subject open with a reporting verb or a speech act, past an
    apposition (", el canciller,")."""
    rest = after_name[apposition_end(after_name) :]
    words = [normalise(w) for w in words_of(rest)[:3]]
    return any(" ".join(words[:n]) in frames.acts for n in (1, 2, 3))


def quoted_before_channel(candidate: Candidate, names: Sequence[Span], article: str) -> Span | None:
    """The name just before ", citado por" ("dijo Peskov, citado por RIA Novosti"), or None."""
    before = [n for n in names if n.end <= candidate.span.start and re.fullmatch(r"\s*,?\s*", article[n.end : candidate.span.start])]
    return before[-1] if before else None


def outlet_called(candidate: Candidate, names: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """"Según el diario, …" after "contó al diario surcoreano Hankook Ilbo": the last name the
    article introduced with the same noun, a few adjectives between, else None."""
    after = re.match(r"(?i)\s*,?\s*(?:el|la|the)\s+(?:mism[oa]\s+|same\s+)?([^\W\d_]+)", article[candidate.span.end :])
    before = re.search(r"(?i)\b(?:el|la|the)\s+([^\W\d_]+)\s*,?\s*$", article[candidate.sentence.start : candidate.span.start])
    said = after or before
    noun = said.group(1) if said is not None else ""
    if not frames.outlets_before.fullmatch(f"the {noun}"):
        return None
    introduced = re.compile(rf"(?i)\b{re.escape(noun)}\s+(?:[^\W\d_]+\s+){{0,2}}$")
    return next((n for n in reversed(names) if n.end <= candidate.sentence.start and n.text[:1].isupper() and introduced.search(article, max(0, n.start - 60), n.start)), None)


def spoken_in_report(candidate: Candidate, found: Sequence[Candidate], article: str) -> Span | None:
    """"… the MIVD said in its annual report. The report says …": a report as the verb's subject
    speaks for who spoke in it, among the claims `found` before; else None."""
    if _THE_REPORT.search(article, candidate.sentence.start, candidate.span.start) is None:
        return None
    return next((c.speaker for c in reversed(found) if c.speaker is not None and _IN_ITS_REPORT.search(c.sentence.text)), None)


_THE_REPORT = re.compile(r"(?i)(?<!\w)(?:the|el)\s+(?:\w+\s+)?(?:report|informe)\s*,?\s*$")
_IN_ITS_REPORT = re.compile(r"(?i)\b(?:in|en)\s+(?:its|their|su|sus)\s+(?:\w+\s+)?(?:report|informe)\b")


# "X quoted an unnamed official as saying", "citó a una fuente militar que negó", "cited a
# source who said": whom the outlet quotes, between the verb and what the quoted one says.
_QUOTED_ACTIVE = re.compile(
    r"(?i)(?:\bquoted\s+(?!by\b)([^,;:.]{1,80}?)\s+as|\b(?:quoted|cited)\s+(?!by\b)([^;:.]{1,80}?),?\s+who"
    r"|\bcit(?:ó|a|aba|aron|an|ando)\s+a\s+([^;:.]{1,80}?),?\s+(?:que|quien))\s*$"
)


def quoted_by(candidate: Candidate, every_name: Sequence[Span], article: str) -> Span | None:
    """"El Comercio quoted an unnamed official as saying that …", "la agencia citó a una fuente
    que negó …": the one quoted speaks, the outlet is the channel; None where the verb is no
    such report."""
    quoted = _QUOTED_ACTIVE.search(article, candidate.sentence.start, candidate.span.start)
    if quoted is None:
        return None
    who = next(g for g in range(1, 4) if quoted.group(g) is not None)
    return next((n for n in reversed(every_name) if quoted.start(who) <= n.start and n.end <= quoted.end(who)), None)


# "denied a report by Jeune Afrique that …", "rechazó la información del diario El País de que …":
# a report, its author's name, and what it says.
_REPORT_BY = re.compile(
    r"(?i)\b(?:report|story|article|investigation|informe|información|reportaje|artículo|investigación)"
    r"\s+(?:published\s+|publicad[oa]\s+)?(?:by|from|in|de|del|por|en)\s+(?:(?:the|el|la)\s+)?"
    rf"(?:(?:{OUTLET_NOUNS})\s+)?(?=(?-i:[A-Z]))"
)
_WHAT_IT_SAYS = re.compile(r"(?i)\s*,?\s*(?:that|que|de\s+que|según\s+(?:el|la)\s+cual)\s*$")


def report_claim(claim: Candidate, names: Sequence[Span], article: str) -> Candidate | None:
    """What a report a speaker denies or confirms says, as its author's claim ("denied a report
    by Jeune Afrique that the junta had received drones": Jeune Afrique asserted that the junta
    had received drones); None when the verb names no report by an author."""
    statement = claim.statement
    if statement is None or claim.relays or claim.joined or statement.start < claim.span.end:
        return None
    report = _REPORT_BY.search(article, claim.span.end, statement.start)
    author = next((n for n in names if report is not None and n.start == report.end()), None)
    if report is None or author is None or not _WHAT_IT_SAYS.fullmatch(article, author.end, statement.start):
        return None
    return Candidate("claims", Span(report.start(), report.end(), article[report.start() : report.end()]), claim.sentence,
                     cue="asserted", statement=statement, speaker=author)  # fmt: skip

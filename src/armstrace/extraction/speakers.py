"""Who makes a statement: the subject of its reporting verb, found by code where the sentence says it.

News prose names its speakers in a few frames, in Spanish and English alike:

- before the verb, often with an apposition: "El portavoz de Exteriores, Naser Kanani, refutó",
  "Irán lo ha reconocido", "Rusia y Corea del Norte expresaron";
- after it, when the statement comes first: "«…», denunció Kanani", "…, IRNA reported";
- after "según" / "according to": "Según Ria Novosti, …";
- by a role alone, whose holder the article named before: "El vocero destacó que …";
- not at all, in a quotation continued from the sentence before: "«…», dijo."

Code takes the speaker from these frames only; where none applies it finds nothing and the
model's answer stands. The speaker found is a span of the article (a name, a description or
a role word), so it is tied to the text; speaker_names.py then gives it the canonical name of
the article's actor with that mention, or writes the description in English. The words and
patterns the frames read are in frames.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..knowledge.cues import Cues
from ..text.fold import normalise
from ..text.language import is_english
from .spans import Candidate, Span, quoted_spans
from .statements import goes_on
from .frames import (
    AND,
    DETERMINER,
    DETERMINERS,
    Frames,
    any_of,
    described_as,
    described_spans,
    is_document_subject,
    name_spans,
    words_of,
)

_MAX_WORDS_BETWEEN = 5
_MAX_WORDS_AFTER = 8  # of time or place after a subject that follows its verb


def _complement(text_before: str, frames: Frames) -> bool:
    """A name right after a complement word ("el ministro de Rusia") is not a verb's subject."""
    words = words_of(text_before)[-2:]
    if words and words[-1].lower() in {"el", "la", "los", "las", "the"}:
        words = words[:-1]
    return bool(words) and words[-1].lower() in frames.complements


def _apposition_end(between: str) -> int:
    """Where an apposition that opens `between` (", el portavoz del Kremlin,") ends, or 0."""
    if not between.lstrip().startswith(","):
        return 0
    closing = between.find(",", between.index(",") + 1)
    return closing + 1 if closing >= 0 else 0


def _close_enough(between: str, frames: Frames) -> bool:
    """Only an apposition and a few words stand between a subject and its verb."""
    rest = between[_apposition_end(between) :]
    rest = rest.rstrip().rstrip("«“\"")  # "Kim Jong Un, “subrayó …": the quotation opens at the verb
    # A relative or subordinate clause between them makes the verb another subject's.
    relative = frames.subordinate.search(rest)
    return len(words_of(rest)) <= _MAX_WORDS_BETWEEN and not relative and not re.search(r"[;:«»“”\"]", rest)


# "… and nearly 50 countries": a counted group coordinated with a name, up to the verb.
_COUNTED_GROUP = re.compile(
    rf"{AND}(?:(?:nearly|almost|about|some|more than|over|other|casi|unos|unas|más de|alrededor de|otros|otras)\s+)*\d+\s+"
    r"(?:other\s+|otros\s+|otras\s+)?(?:countries|nations|states|governments|allies|países|naciones|estados|gobiernos|aliados)",
    re.I,
)


def _with_partner(name: Span, names: Sequence[Span], article: str, region: Span, frames: Frames) -> Span:
    """"Rusia y Corea del Norte": a subject coordinated with the name before it is both, and
    "The U.S., South Korea and Ukraine" all three; "The U.S. and nearly 50 countries" both."""
    if (group := _COUNTED_GROUP.match(article, name.end, region.end)) is not None and not article[group.end() : region.end].strip(" ,"):
        return Span(name.start, group.end(), article[name.start : group.end()])
    for other in names:
        if other.end < name.start and re.fullmatch(AND, article[other.end : name.start]):
            if _complement(article[region.start : other.start], frames):
                return name  # "entre Teherán y Moscú" is a complement
            first = other
            while (listed := next((n for n in names if n.end < first.start and re.fullmatch(r"\s*,\s*", article[n.end : first.start])), None)) is not None:
                first = listed
            return Span(first.start, name.end, article[first.start : name.end])
    return name


def _before(
    candidate: Candidate, region: Span, names: Sequence[Span], article: str, apposed: bool, frames: Frames
) -> Span | None:
    """The subject before the verb: the nearest name in the clause that is not a complement.

    `apposed`: the verb follows a comma, so its subject, if before it, ends in an apposition
    ("Rusia y Corea del Norte, que …, manifestaron"); otherwise the comma closes what the verb reports.
    """
    heads = [n for n in names if region.start <= n.start and n.end <= candidate.span.start
             and not _complement(article[region.start : n.start], frames)]  # fmt: skip
    # The clause's first name with an apposition up to the verb ("Kim Yo Jong, sister of leader
    # Kim Jong Un, denied"), else the nearest one.
    for name in [*heads, *reversed(heads)]:
        between = article[name.end : candidate.span.start]
        appositive = between.lstrip().startswith(",")
        nearest = name is heads[-1]
        if not (nearest or appositive):
            continue
        if not nearest and any(n.start >= name.end + _apposition_end(between) for n in heads):
            continue  # "Teherán, 17 oct.- El portavoz …, Naser Kanani, refutó": a nearer subject follows
        # "The Financial Times, citing intelligence sources, said": the sources speak, not the outlet.
        if _close_enough(between, frames) and (not apposed or appositive) and not frames.citing.search(between):
            return _with_partner(name, names, article, region, frames)
        if nearest:
            return None
    return None


# Whom a statement was made to, between the verb and its subject: "dijo a los medios el ministro".
_AUDIENCE = (
    r"(?:a|ante|to)\s+(?:(?:los|las|la|the)\s+)?(?:medios|periodistas|prensa|reporters|journalists|press|media)"
    r"(?:\s+(?!(?:el|la|los|las|the)\b)[^\W\d_]+)?"
)


def _after(candidate: Candidate, names: Sequence[Span], article: str, frames: Frames, last: bool = False) -> Span | None:
    """The subject right after the verb: "dijo John Kirby", "dijo el ministro de Exteriores, Serguéi Lavrov",
    or a role alone, "añadió el presidente iraní", whose holder the article named before. `last`:
    the subject must end the clause, as after a statement it follows ("…, dijo Kanani.")."""
    follows = article[candidate.span.end : candidate.sentence.end]
    gap = re.match(rf"\s*,?\s*(?:{frames.time}\s*,?\s*)?(?:{_AUDIENCE}\s*,?\s*)?", follows, re.I)
    opening = candidate.span.end + (gap.end() if gap else 0)
    # English "a" only after "according to": after a Spanish verb "a" is "to" ("dijo a Rusia").
    words = (*DETERMINERS, "a") if normalise(candidate.span.text) in frames.attribution else DETERMINERS
    determiner = re.match(rf"(?:{'|'.join(words)})\s+", article[opening : candidate.sentence.end], re.I)
    at = opening + (determiner.end() if determiner else 0)
    # A name may open with the determiner: "Según The New York Times".
    if (name := next((n for n in names if n.start in (at, opening)), None)) is not None:
        # After a statement the subject ends its clause, but for a few words of time or place
        # ("…, dijo la presidencia el 19 de julio, …"); a "que" after it opens another statement.
        rest = re.match(r"[^,.;:()«»“”\"]*", article[name.end : candidate.sentence.end])
        tail = rest.group(0) if rest else ""
        if not last or (len(words_of(tail)) <= _MAX_WORDS_AFTER and not frames.subordinate.search(tail)):
            return name
        return None
    role = re.match(rf"({any_of(frames.roles)})\b([^.;:,«»“”\"]{{0,60}})(,\s*)?", article[at : candidate.sentence.end], re.I)
    if role is None:
        return None
    if role.group(3) and (name := next((n for n in names if n.start == at + role.end()), None)) is not None:
        return name
    if len(words_of(role.group(2))) <= 2:
        return _holder(Span(at, at + len(role.group(1)), role.group(1)), names, article, frames)
    return None


def _role(candidate: Candidate, region: Span, article: str, frames: Frames) -> Span | None:
    """"El vocero destacó": a role word opening the clause just before the verb."""
    before = article[region.start : candidate.span.start]
    for role in frames.roles:
        m = re.search(rf"(?:^|[,.]\s*|\b)(?:{DETERMINER}\s+)?({re.escape(role)})\b([^,;:]*)$", before, re.I)
        if m and len(words_of(m.group(2))) <= 3:
            start = region.start + m.start(1)
            return Span(start, start + len(m.group(1)), m.group(1))
    return None


def _opening_source(candidate: Candidate, names: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """The source an attribution at the start of the sentence names ("Según la agencia, …")."""
    sentence = candidate.sentence
    lead = re.match(r"[\W_]*", sentence.text)
    start = sentence.start + (lead.end() if lead else 0)
    opening = next((a for a in sorted(frames.attribution, key=len, reverse=True) if normalise(article[start : start + len(a)]) == a), None)
    if opening is None:
        return None
    return _after(replace(candidate, span=Span(start, start + len(opening), article[start : start + len(opening)])), names, article, frames)


def _cited(candidate: Candidate, names: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """The source an aside right after the verb cites (", citing X,"), or None."""
    aside = re.match(r"\s*,\s*([^,;:]*)", article[candidate.span.end : candidate.sentence.end])
    if aside is None or frames.citing.match(aside.group(1)) is None:
        return None
    start, end = candidate.span.end + aside.start(1), candidate.span.end + aside.end(1)
    # "citing sources among US officials": the last name is the most particular; one far into
    # the aside is what the cited documents are about ("citing records shared with the U.S.").
    near = [
        n for n in names
        if start <= n.start and n.end <= end and len(words_of(article[start : n.start])) <= _CITED_REACH
        and (n.text[:1].isupper() or described_as(n.text, frames) in _WHO_SPEAK)
    ]  # fmt: skip
    return near[-1] if near else None


# How many words may stand between "citing" and the source it names: "citing sources among US officials".
_CITED_REACH = 3
# Described sources that speak when cited; "intelligence records" or "the media" are documents and
# channels, and the outlet citing them keeps the claim.
_WHO_SPEAK = frozenset(("officials", "official", "sources", "intelligence sources", "diplomats", "lawmakers", "experts", "monitors", "sanctions monitors", "prosecutors", "authorities"))


def _holder(role: Span, names: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """The person the article named with this role before: "el portavoz …, Dmitri Peskov" then "el vocero"."""
    word = normalise(role.text)
    office = any_of(next((sorted(o) for o in frames.offices if word in o), [role.text]))
    # The role stands right before the name, or with its complement and a comma: "el portavoz
    # del Kremlin, Dmitri Peskov".
    introduced = re.compile(rf"\b(?:{office})(?:(?:\s+[^\s.;:,«»“”\"]+){{0,2}}\s+|\s[^.;:,«»“”\"]{{0,60}},\s*)$", re.I)
    for name in reversed([n for n in names if n.end <= role.start]):
        if introduced.search(article[max(0, name.start - 80) : name.start]):
            return name
    return None


def attach_speakers(claims: Sequence[Candidate], actors: Sequence[Candidate], article: str, cues: Cues) -> list[Candidate]:
    """The claim candidates, each with the span of its speaker where a frame names one.

    `actors` are the article's name candidates: their words are the names looked for. A news
    outlet that reports another's statement in the same sentence ("…, state media KCNA
    reported") is its channel, not a second speaker: its verb makes no claim (`relays`). A document that
    speaks ("añadió el texto") is the speaker of the statement before it.
    """
    frames = Frames.of(cues)
    media = {normalise(a.span.text) for a in actors if a.known is not None and a.known.kind == "media"}
    people = {normalise(a.span.text) for a in actors if a.known is not None and a.known.kind == "person"}
    names = name_spans(Span(0, len(article), article), [a.span.text for a in actors])
    every_name = described_spans(article, names, frames, media)
    found: list[Candidate] = []
    for candidate in claims:
        previous = next((c for c in reversed(found) if not c.relays), None)
        speaker = _speaker(candidate, previous, every_name, article, frames, (media, people))
        relays = speaker is not None and (normalise(speaker.text) in media or described_as(speaker.text, frames) == "media")
        if relays and previous is not None and previous.sentence == candidate.sentence and previous.speaker is not None:
            # "X negó …, indicaron los medios estatales": the outlet is the channel of X's claim.
            found.append(replace(candidate, relays=True))
            continue
        if speaker is None and previous is not None and is_document_subject(frames, candidate, article):
            speaker = next((c.speaker for c in reversed(found) if c.speaker is not None), None)
        found.append(replace(candidate, speaker=_body(speaker, article, frames)) if speaker is not None else candidate)
    return found


def needs_model(claim: Candidate) -> bool:
    """Whether a claim candidate needs the model: a speaker code did not find, or English to write.

    An outlet that only relays is dropped whatever a model says, and a sentence in English
    with its speaker found leaves nothing to ask: its clause is already English content.
    """
    if claim.relays:
        return False
    return claim.speaker is None or not is_english(claim.sentence.text)


def _body(speaker: Span, article: str, frames: Frames) -> Span:
    m = frames.body.match(article, speaker.end)
    return Span(speaker.start, m.end(), article[speaker.start : m.end()]) if m else speaker


def _speaker(
    candidate: Candidate,
    previous: Candidate | None,
    every_name: Sequence[Span],
    article: str,
    frames: Frames,
    kinds: tuple[set[str], set[str]],
) -> Span | None:
    """The speaker's span, by the first frame that names one. `kinds`: the article's news
    outlets and people, by folded name."""
    media, people = kinds
    sentence = candidate.sentence
    quotes = [(sentence.start + a, sentence.start + b) for a, b in quoted_spans(sentence.text)]
    shut = list(quotes)
    statement = candidate.statement
    if statement is not None and statement != sentence:
        shut.append((statement.start, statement.end))
    if previous is not None and previous.sentence == sentence and previous.statement not in (None, sentence):
        # "X confirmó que … Rusia … y admitió que …": the first statement's names are not the second
        # verb's subject, but for a few words after its last comma ("…, state media KCNA reported").
        end = previous.statement.end
        comma = article.rfind(",", previous.statement.start, candidate.span.start)
        if comma >= 0 and len(words_of(article[comma : candidate.span.start])) <= _MAX_WORDS_BETWEEN:
            end = min(end, comma)
        shut.append((previous.statement.start, end))
    spoken = [n for n in every_name if sentence.start <= n.start and n.end <= sentence.end
              and not any(a <= n.start < b for a, b in quotes)]  # fmt: skip
    names = [n for n in spoken if not any(a <= n.start < b for a, b in shut)]
    same_sentence = previous is not None and previous.sentence == sentence
    if not candidate.span.text.strip() or goes_on(candidate.span.text):
        return previous.speaker if same_sentence and previous is not None else None
    if re.search(r"\b(?:como|as)\s*$", article[sentence.start : candidate.span.start], re.I):
        return _as_said(candidate, spoken, article)  # "como había denunciado semanas atrás Estados Unidos"
    if same_sentence and previous is not None and not re.search(
        r"[,;:–—]|\s-\s|\s(?:y|e|pero|and|but)\s", article[previous.span.end : candidate.span.start]
    ):
        return previous.speaker  # reported within a report: "El portavoz indicó que Irán declaró …"
    words = normalise(candidate.span.text)
    if words not in frames.verbs and words not in frames.attribution:
        return _experiencer(candidate, every_name, article)  # "el temor entre las potencias occidentales"
    if words in frames.attribution or re.search(r"\b(?:por|by)$", words):
        source = _after(candidate, every_name, article, frames) or _outlet(candidate, every_name, article, media)
        if source is not None and normalise(source.text) in media:
            return _relayed(source, [n for n in spoken if normalise(n.text) in people], article) or source
        return source
    inverted = article[sentence.start : candidate.span.start].rstrip().endswith(",")
    # "Según la agencia, «…», declaró un diputado": the source the statement opens with speaks,
    # who reports it is the channel (docs/annotation.md).
    if inverted and (source := _opening_source(candidate, every_name, article, frames)) is not None:
        return source
    # "…, said Lars Berg, the envoy": what follows an inverted verb is its subject, not what it reports
    if inverted and (after := _after(candidate, spoken, article, frames, last=True)) is not None:
        return after  # "«…», dijo Kanani"
    start = max(sentence.start, previous.span.end if same_sentence and previous is not None else 0)
    colon = max(article.rfind(":", start, candidate.span.start), article.rfind(";", start, candidate.span.start))
    region = Span(max(start, colon + 1), candidate.span.start, "")
    statement_first = statement is not None and statement.end <= candidate.span.start
    if statement_first and (after := _after(candidate, names, article, frames)) is not None:
        return after
    # "The Financial Times reported, citing intelligence sources, that …": the sources speak.
    if (cited := _cited(candidate, every_name, article, frames)) is not None:
        return cited
    if (before := _before(candidate, region, names, article, inverted, frames)) is not None:
        return before
    if not inverted and (after := _after(candidate, names, article, frames)) is not None:
        return after
    role = _role(candidate, region, article, frames) if not inverted else None
    if role is not None and (holder := _holder(role, every_name, article, frames)) is not None:
        return holder
    # A name in an aside ("citando fuentes de inteligencia,") is not the verb's subject.
    names = [n for n in names if not _in_aside(n, region, article, frames)]
    named_before = [n for n in names if region.start <= n.start < candidate.span.start]
    if previous is not None and previous.speaker is not None and not named_before:
        if same_sentence:
            return previous.speaker  # "dijo … y advirtió …": one subject for both verbs
        before_verb = article[region.start : candidate.span.start].split("”")[-1].split("»")[-1]
        # "«…», dijo." / "Calificó …" / "He added" / "El político ha recordado": the speaker of
        # the sentence before goes on.
        opens = _no_subject(before_verb, frames) or role is not None or _pronoun_subject(before_verb, frames)
        # A name the statement ends with ("… afectará a Chile") is no subject; one right after
        # the verb is ("dijo Kanani").
        subject_named = any(n.start < candidate.span.start for n in names) or _after(candidate, names, article, frames) is not None
        if not subject_named and opens and _next_to(previous.sentence, sentence, article):
            return previous.speaker
    return None  # "…, informaron medios locales": a subject after the verb that names no actor, or none


def _as_said(candidate: Candidate, names: Sequence[Span], article: str) -> Span | None:
    """"… como había denunciado semanas atrás Estados Unidos", "as Reuters reported": the subject
    follows the verb, a few words of time or place between them, before the clause ends."""
    for name in names:
        if name.start >= candidate.span.end:
            between = article[candidate.span.end : name.start]
            return name if len(words_of(between)) <= 3 and not re.search(r"[,.;:]", between) else None
    return None


def _experiencer(candidate: Candidate, names: Sequence[Span], article: str) -> Span | None:
    """Whose fear or concern a stance word names: the name right after it with "entre", "de",
    "among" or "of" ("el temor entre las potencias occidentales"); else none."""
    joined = re.match(rf"\s+(?:entre|de|del|among|of)\s+(?:{DETERMINER}\s+)?", article[candidate.span.end : candidate.sentence.end], re.I)
    at = candidate.span.end + joined.end() if joined else -1
    return next((n for n in names if n.start == at), None)


def _outlet(candidate: Candidate, names: Sequence[Span], article: str, media: set[str]) -> Span | None:
    """A news outlet a few lowercase words after "según": "según la agencia rusa Ria Novosti"."""
    for name in names:
        if name.start >= candidate.span.end and normalise(name.text) in media:
            words = article[candidate.span.end : name.start]
            return name if re.fullmatch(r"(?:\s+[a-záéíóúñ]+){1,4}\s+", words) else None
    return None


def _relayed(outlet: Span, people: Sequence[Span], article: str) -> Span | None:
    """Who speaks in what an outlet relays: "Según la agencia Ria Novosti, citada por AFP,
    Lavrov agradeció …" is Lavrov's, the outlet is its channel. The speaker is a person who
    opens a clause after the outlet's (a country there is what the outlet reports on, "Según
    Reuters, Rusia envió …"); none, and the outlet itself makes the claim."""
    for name in people:
        if name.start > outlet.end:
            before = article[outlet.end : name.start]
            if re.search(rf",\s*(?:{DETERMINER}\s+)?$", before, re.I):
                return name
    return None


def _aside(segment: str, frames: Frames) -> bool:
    words = words_of(segment)
    return bool(words) and (frames.citing.match(segment.strip()) is not None or words[0].lower().endswith(("ando", "iendo", "ing")))


def _in_aside(name: Span, region: Span, article: str, frames: Frames) -> bool:
    """Whether `name` stands in an aside of the region before a verb, "citando fuentes …,"."""
    if not region.start <= name.start < region.end:
        return False
    opening = max(region.start, article.rfind(",", region.start, name.start) + 1)
    return _aside(article[opening : name.start], frames)


def _no_subject(before_verb: str, frames: Frames) -> bool:
    """Whether the words before a verb hold no subject: none, connectors ("Además,", "Sin
    embargo,") or an aside opened by a gerund or a citing word ("citando información …,")."""
    for segment in before_verb.split(","):
        words = words_of(segment)
        if not words or normalise(segment.strip()) in frames.connectors:
            continue
        if all(w[:1].upper() + w[1:] in frames.openers for w in words):
            continue
        if _aside(segment, frames):
            continue
        return False
    return True


# Subjects that stand for the last speaker: "He added", "Ella insistió", "It said".
_PERSONAL = frozenset(("he", "she", "it", "él", "ella"))


def _pronoun_subject(before_verb: str, frames: Frames) -> bool:
    """Whether the words before a verb are a personal pronoun, perhaps after a connector ("But he said")."""
    words = [w.lower() for w in words_of(before_verb)]
    return bool(words) and words[-1] in _PERSONAL and all(w in frames.connectors or w in {"but", "pero", "and", "y"} for w in words[:-1])


def _next_to(first: Span, second: Span, article: str) -> bool:
    return first.end <= second.start and not article[first.end : second.start].strip()

"""Who makes a statement: the subject of its reporting verb, found by code where the sentence says it.

News prose names its speakers in a few frames, in Spanish and English alike:

- before the verb, often with an apposition: "El portavoz de Exteriores, Naser Kanani, refutó",
  "Irán lo ha reconocido", "Rusia y Corea del Norte expresaron";
- after it, when the statement comes first: "«…», denunció Kanani", "…, IRNA reported";
- after "según" / "according to": "Según Ria Novosti, …";
- by a role alone, whose holder the article named before: "El vocero destacó que …";
- not at all, in a quotation continued from the sentence before: "«…», dijo."

Code takes the speaker from these frames only; where none applies it finds nothing and the
model's answer stands. The speaker found is a span of the article (a name or a role word),
so it is tied to the text; extract.py then gives it the canonical name of the article's actor
with that mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from ..base.schema import Actor, Claim
from ..knowledge.lexicon import Cues, Gazetteer, iso_country
from ..text.align import normalise
from .candidates import Candidate, Span, quoted_spans

_DETERMINER = r"(?:el|la|los|las|lo|un|una|unos|unas|the|an|a)"
_AND = r"\s+(?:y|e|and|&)\s+"
_MAX_WORDS_BETWEEN = 5
_MAX_WORDS_AFTER = 8  # of time or place after a subject that follows its verb
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _any_of(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cased(forms: Iterable[str]) -> str:
    """An alternation of the forms as running text writes them: "británicos", "British", "US"."""
    variants = {v for f in forms for v in (f, f[:1].upper() + f[1:], f.upper() if len(f) <= 3 else f)}
    return f"(?:{_any_of(sorted(variants))})"


@dataclass(frozen=True)
class Frames:
    """The words the frames read, from cues.toml (reporting verbs, [complements], [offices] …)."""

    verbs: frozenset[str]
    attribution: frozenset[str]
    complements: frozenset[str]
    subordinate: re.Pattern[str]
    citing: re.Pattern[str]
    body: re.Pattern[str]
    offices: tuple[frozenset[str], ...]
    roles: tuple[str, ...]
    openers: frozenset[str]
    time: str
    documents: re.Pattern[str]
    connectors: frozenset[str]
    described: re.Pattern[str]
    nouns: re.Pattern[str]
    adjectives: re.Pattern[str]
    english: dict[str, str]
    office_names: dict[str, str]

    @classmethod
    def of(cls, cues: Cues) -> Frames:
        """The frames' words and patterns, built once per article."""
        noun, adjective = _cased(cues.described_nouns), _cased(cues.described_adjectives)
        return cls(
            verbs=frozenset(normalise(v) for terms in cues.reporting.values() for v in terms),
            attribution=frozenset(normalise(a) for a in cues.attribution),
            complements=cues.complements,
            subordinate=re.compile(rf"(?i)\b(?:{_any_of(cues.subordinators)})\b"),
            citing=re.compile(rf"(?i)\b(?:{_any_of(cues.citing)})\b"),
            # A body named by a name and a noun after it: "US intelligence", "South Korea's defense ministry".
            body=re.compile(rf"(?:['’]s)?((?:\s+[a-z][\w-]*){{0,2}}\s+(?:{_any_of(cues.bodies)}))\b"),
            offices=cues.offices,
            roles=tuple(sorted({*cues.titles, *(w for office in cues.offices for w in office)}, key=len, reverse=True)),
            openers=cues.stopwords,
            time=rf"(?:(?:este|esta|el|on|this|last)\s+)?(?:{_any_of(cues.times)})\b",
            documents=re.compile(rf"(?i)(?:{_DETERMINER}\s+)?(?:{_any_of(cues.documents)})\b"),
            connectors=frozenset(normalise(c) for c in cues.clauses),
            described=re.compile(rf"\b(?:{adjective}(?:{_AND}{adjective})?\s+)*{noun}(?:\s+{noun})?(?:\s+{adjective}(?:{_AND}{adjective})?)*\b"),
            nouns=re.compile(rf"\b{noun}\b"),
            adjectives=re.compile(rf"\b{adjective}\b"),
            english={**cues.described_nouns, **cues.described_adjectives},
            office_names=dict(cues.office_names),
        )


def _is_document_subject(frames: Frames, candidate: Candidate, article: str) -> bool:
    """Whether a document is the subject of the claim's verb, right after it or right before it."""
    after = re.match(r"\s*,?\s*", article[candidate.span.end :])
    if frames.documents.match(article, candidate.span.end + (after.end() if after else 0)):
        return True
    before = article[candidate.sentence.start : candidate.span.start].rstrip()
    return any(m.end() == len(before) for m in frames.documents.finditer(before))


def name_spans(sentence: Span, names: Sequence[str]) -> list[Span]:
    """Every occurrence in the sentence of the article's names, longest first where they overlap."""
    found: list[Span] = []
    for name in sorted(set(names), key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sentence.text):
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if not any(s.start < end and start < s.end for s in found):
                found.append(Span(start, end, m.group(0)))
    return sorted(found, key=lambda s: s.start)


def described_spans(article: str, names: Sequence[Span], frames: Frames, media: set[str]) -> list[Span]:
    """The article's names, with every description of a group or body ("funcionarios británicos",
    "US intelligence officials") as one span that takes in a name it is joined to ("la
    administración Biden", "agencia de inteligencia de Corea del Sur", "Kremlin officials")."""
    spans = list(names)
    for m in frames.described.finditer(article):
        start, end = m.start(), m.end()
        if any(n.start <= start and end <= n.end for n in names):
            continue  # "Gobierno de Irán" is a name of Iran
        joined = re.match(r"\s+(?:(?:de|del|de la|de los|de las|of|of the)\s+)?", article[end:])
        after = next((n for n in names if joined and n.start == end + joined.end()), None)
        if after is not None and normalise(after.text) not in media and (joined and joined.group(0).strip() or not after.text.islower()):
            end = after.end
        before = next((n for n in names if re.fullmatch(r"(?:['’]s)?\s+", article[n.end : start])), None)
        if before is not None and normalise(before.text) not in media:
            start = before.start
        spans = [n for n in spans if not (start <= n.start and n.end <= end)]
        spans.append(Span(start, end, article[start:end]))
    return sorted(spans, key=lambda s: s.start)


def _complement(text_before: str, frames: Frames) -> bool:
    """A name right after a complement word ("el ministro de Rusia") is not a verb's subject."""
    words = _words(text_before)[-2:]
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
    return len(_words(rest)) <= _MAX_WORDS_BETWEEN and not relative and not re.search(r"[;:«»“”\"]", rest)


def _with_partner(name: Span, names: Sequence[Span], article: str, region: Span, frames: Frames) -> Span:
    """"Rusia y Corea del Norte": a subject coordinated with the name before it is both."""
    for other in names:
        if other.end < name.start and re.fullmatch(_AND, article[other.end : name.start]):
            if _complement(article[region.start : other.start], frames):
                return name  # "entre Teherán y Moscú" is a complement
            return Span(other.start, name.end, article[other.start : name.end])
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


def _after(candidate: Candidate, names: Sequence[Span], article: str, frames: Frames, last: bool = False) -> Span | None:
    """The subject right after the verb: "dijo John Kirby", "dijo el ministro de Exteriores, Serguéi Lavrov",
    or a role alone, "añadió el presidente iraní", whose holder the article named before. `last`:
    the subject must end the clause, as after a statement it follows ("…, dijo Kanani.")."""
    follows = article[candidate.span.end : candidate.sentence.end]
    gap = re.match(rf"\s*,?\s*(?:{frames.time}\s*,?\s*)?", follows, re.I)
    opening = candidate.span.end + (gap.end() if gap else 0)
    determiner = re.match(rf"{_DETERMINER}\s+", article[opening : candidate.sentence.end], re.I)
    at = opening + (determiner.end() if determiner else 0)
    # A name may open with the determiner: "Según The New York Times".
    if (name := next((n for n in names if n.start in (at, opening)), None)) is not None:
        # After a statement the subject ends its clause, but for a few words of time or place
        # ("…, dijo la presidencia el 19 de julio, …"); a "que" after it opens another statement.
        rest = re.match(r"[^,.;:()«»“”\"]*", article[name.end : candidate.sentence.end])
        tail = rest.group(0) if rest else ""
        if not last or (len(_words(tail)) <= _MAX_WORDS_AFTER and not frames.subordinate.search(tail)):
            return name
        return None
    role = re.match(rf"({_any_of(frames.roles)})\b([^.;:,«»“”\"]{{0,60}})(,\s*)?", article[at : candidate.sentence.end], re.I)
    if role is None:
        return None
    if role.group(3) and (name := next((n for n in names if n.start == at + role.end()), None)) is not None:
        return name
    if len(_words(role.group(2))) <= 2:
        return _holder(Span(at, at + len(role.group(1)), role.group(1)), names, article, frames)
    return None


def _role(candidate: Candidate, region: Span, article: str, frames: Frames) -> Span | None:
    """"El vocero destacó": a role word opening the clause just before the verb."""
    before = article[region.start : candidate.span.start]
    for role in frames.roles:
        m = re.search(rf"(?:^|[,.]\s*|\b)(?:{_DETERMINER}\s+)?({re.escape(role)})\b([^,;:]*)$", before, re.I)
        if m and len(_words(m.group(2))) <= 3:
            start = region.start + m.start(1)
            return Span(start, start + len(m.group(1)), m.group(1))
    return None


def _holder(role: Span, names: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """The person the article named with this role before: "el portavoz …, Dmitri Peskov" then "el vocero"."""
    word = normalise(role.text)
    office = _any_of(next((sorted(o) for o in frames.offices if word in o), [role.text]))
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
        relays = speaker is not None and (normalise(speaker.text) in media or _described_as(speaker.text, frames) == "media")
        if relays and previous is not None and previous.sentence == candidate.sentence and previous.speaker is not None:
            # "X negó …, indicaron los medios estatales": the outlet is the channel of X's claim.
            # The candidate stays (its call is made, so the calls do not hang on these frames).
            found.append(replace(candidate, relays=True))
            continue
        if speaker is None and previous is not None and _is_document_subject(frames, candidate, article):
            speaker = next((c.speaker for c in reversed(found) if c.speaker is not None), None)
        found.append(replace(candidate, speaker=_body(speaker, article, frames)) if speaker is not None else candidate)
    return found


def _described_as(text: str, frames: Frames) -> str:
    """The English noun of a described speaker ("medios estatales": media), or ''."""
    m = frames.nouns.search(text)
    return frames.english[m.group(0).lower()] if m is not None and frames.described.fullmatch(text) else ""


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
    spoken = [n for n in every_name if sentence.start <= n.start and n.end <= sentence.end
              and not any(a <= n.start < b for a, b in quotes)]  # fmt: skip
    names = [n for n in spoken if not any(a <= n.start < b for a, b in shut)]
    same_sentence = previous is not None and previous.sentence == sentence
    if not candidate.span.text.strip() or normalise(candidate.span.text) in {"y que", "and that"}:
        return previous.speaker if same_sentence and previous is not None else None
    if same_sentence and previous is not None and not re.search(
        r"[,;:]|\s(?:y|e|pero|and|but)\s", article[previous.span.end : candidate.span.start]
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
    # "…, said Lars Berg, the envoy": what follows an inverted verb is its subject, not what it reports
    if inverted and (after := _after(candidate, spoken, article, frames, last=True)) is not None:
        return after  # "«…», dijo Kanani"
    start = max(sentence.start, previous.span.end if same_sentence and previous is not None else 0)
    colon = max(article.rfind(":", start, candidate.span.start), article.rfind(";", start, candidate.span.start))
    region = Span(max(start, colon + 1), candidate.span.start, "")
    statement_first = statement is not None and statement.end <= candidate.span.start
    if statement_first and (after := _after(candidate, names, article, frames)) is not None:
        return after
    if (before := _before(candidate, region, names, article, inverted, frames)) is not None:
        return before
    if not inverted and (after := _after(candidate, names, article, frames)) is not None:
        return after
    if not inverted and (role := _role(candidate, region, article, frames)) is not None:
        return _holder(role, every_name, article, frames)
    # A name in an aside ("citando fuentes de inteligencia,") is not the verb's subject.
    names = [n for n in names if not _in_aside(n, region, article, frames)]
    named_before = [n for n in names if region.start <= n.start < candidate.span.start]
    if previous is not None and previous.speaker is not None and not named_before:
        if same_sentence:
            return previous.speaker  # "dijo … y advirtió …": one subject for both verbs
        opens = _no_subject(article[region.start : candidate.span.start].split("”")[-1].split("»")[-1], frames)
        if not names and opens and _next_to(previous.sentence, sentence, article):
            return previous.speaker  # "«…», dijo." / "Calificó …": the speaker of the sentence before goes on
    return None  # "…, informaron medios locales": a subject after the verb that names no actor, or none


def _experiencer(candidate: Candidate, names: Sequence[Span], article: str) -> Span | None:
    """Whose fear or concern a stance word names: the name right after it with "entre", "de",
    "among" or "of" ("el temor entre las potencias occidentales"); else none."""
    joined = re.match(rf"\s+(?:entre|de|del|among|of)\s+(?:{_DETERMINER}\s+)?", article[candidate.span.end : candidate.sentence.end], re.I)
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
            if re.search(rf",\s*(?:{_DETERMINER}\s+)?$", before, re.I):
                return name
    return None


def _aside(segment: str, frames: Frames) -> bool:
    words = _words(segment)
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
        words = _words(segment)
        if not words or normalise(segment.strip()) in frames.connectors:
            continue
        if all(w[:1].upper() + w[1:] in frames.openers for w in words):
            continue
        if _aside(segment, frames):
            continue
        return False
    return True


def _next_to(first: Span, second: Span, article: str) -> bool:
    return first.end <= second.start and not article[first.end : second.start].strip()


def canonical_speakers(claims: Sequence[Claim], actors: Sequence[Actor], gazetteer: Gazetteer, cues: Cues) -> list[Claim]:
    """Each speaker under the canonical name of the article's actor it names ("Peskov" is Dmitry Peskov).

    A role one actor of the article holds is that actor. A speaker that names two actors
    ("Rusia y Corea del Norte") names both; one no actor of
    the article has as a mention is looked up in the gazetteer and ISO 3166; a description is
    written in English ("funcionarios británicos" are British officials); any other is kept as
    it is written.
    """
    frames = Frames.of(cues)
    by_mention: dict[str, str] = {}
    for actor in actors:
        for form in (actor.name, *actor.mentions):
            by_mention.setdefault(normalise(form), actor.name)
    # A role held by one actor of the article is that actor: "Kremlin spokesman" is Peskov
    # when the article names him (the role as the gazetteer or the model gives it).
    holders: dict[str, set[str]] = {}
    for actor in actors:
        entry = gazetteer.actor_for(actor.name)
        for role in {actor.role, entry.role if entry is not None else ""} - {""}:
            holders.setdefault(normalise(role), set()).add(actor.name)
    for role, names in holders.items():
        if len(names) == 1:
            by_mention.setdefault(role, names.pop())

    def canonical(name: str) -> str:
        if (known := by_mention.get(normalise(name))) is not None:
            return known
        if (entry := gazetteer.actor_for(name)) is not None:
            return entry.name
        iso = iso_country(name)
        return iso[1] if iso is not None else name

    named = []
    for claim in claims:
        known = canonical(claim.speaker) != claim.speaker
        if not known and (english := _in_english(claim.speaker, frames, canonical)) is not None:
            named.append(claim.model_copy(update={"speaker": english}))
            continue
        parts = re.split(_AND, claim.speaker) if claim.speaker not in by_mention else [claim.speaker]
        speaker = " and ".join(canonical(p) for p in parts) if all(p.strip() for p in parts) else canonical(claim.speaker)
        named.append(claim if speaker == claim.speaker else claim.model_copy(update={"speaker": speaker}))
    return named


def _in_english(speaker: str, frames: Frames, canonical: Callable[[str], str]) -> str | None:
    """A described speaker in English, the name it takes in first: "agencias de inteligencia
    surcoreanas y occidentales" are South Korean and Western intelligence agencies, "la
    administración Biden" the Joe Biden administration. None if `speaker` is no description."""
    office = re.fullmatch(rf"(?:{_DETERMINER}\s+)?({_any_of(list(frames.office_names))})\s+(?:de|del|de la|de los|of|of the)\s+(.+)", speaker.strip(), re.I)
    if office is not None:  # "vocero del Kremlin": Kremlin spokesman
        return f"{canonical(office.group(2))} {frames.office_names[office.group(1).lower()]}"
    m = frames.described.search(speaker)
    if m is None or m.group(0) == speaker.strip() and speaker.strip() in frames.english.values():
        return None if m is None else speaker.strip()
    rest = (speaker[: m.start()] + " " + speaker[m.end() :]).strip()
    complement = re.match(r"(?:de|del|de la|de los|de las|of|of the)\s+", rest, re.I)
    name = re.sub(r"['’]s$", "", rest[complement.end() :] if complement else rest).strip()
    if rest and not name:
        return None
    # "agencia de inteligencia de Corea del Sur": the complement is a country's, in English;
    # "administración Biden", "Kremlin officials": a name next to the noun stays as written.
    name = canonical(name) if complement else name
    described = m.group(0)
    adjectives = [frames.english[a.group(0).lower()] for a in frames.adjectives.finditer(described)]
    noun = " ".join(frames.english[n.group(0).lower()] for n in frames.nouns.finditer(described))
    joined = (" and " if re.search(_AND, described) else " ").join(adjectives)
    return " ".join(w for w in (name, joined, noun) if w)

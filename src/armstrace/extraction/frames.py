"""The words and patterns the speaker frames read (speakers.py, speaker_names.py), and the
article's names they look for (descriptions.py adds what the article describes rather than names)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..knowledge.cues import Cues
from ..text.dates import story_start
from ..text.fold import normalise
from .spans import Candidate, Span, quoted_spans

DETERMINERS = ("el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "the", "an")
# A possessive opens a subject after its verb as an article does: "subrayó su embajador".
POSSESSIVES = ("su", "sus", "his", "her", "its", "their")
# (not an acronym in capitals: "UN experts" are the United Nations')
DETERMINER = rf"(?:(?!(?-i:[A-Z]{{2,}})\b)(?:{'|'.join(DETERMINERS)}))"
AND = r"\s+(?:y|e|and|&)\s+"
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def any_of(terms: Sequence[str]) -> str:
    return "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))


def _cased(forms: Iterable[str]) -> str:
    """An alternation of the forms as running text writes them: "británicos", "British", "South
    Korean", "US"."""
    variants = {v for f in forms for v in (f, f[:1].upper() + f[1:], " ".join(w[:1].upper() + w[1:] for w in f.split()), f.upper() if len(f) <= 3 else f)}
    return f"(?:{any_of(sorted(variants))})"


@dataclass(frozen=True)
class Frames:
    """The words the frames read, from cues.toml (reporting verbs, [complements], [offices] …)."""

    verbs: frozenset[str]
    acts: frozenset[str]  # the reporting verbs and the speech acts (cues' [speech_acts])
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
    referring: frozenset[str]  # what stands for a statement: "report", "informe", "claims"
    bodies_before: re.Pattern[str]  # "el organismo", "the agency": a body named before
    outlets_before: re.Pattern[str]  # "el mismo medio", "the newspaper": an outlet named before
    impersonal: re.Pattern[str]
    connectors: frozenset[str]
    described: re.Pattern[str]
    nouns: re.Pattern[str]
    adjectives: re.Pattern[str]
    english: dict[str, str]
    one: frozenset[str]  # folded forms of one person's noun, a subject only after "a", "un"
    office_names: dict[str, str]
    cities: dict[str, str]  # a city's form -> its English name
    institution_words: frozenset[str]  # folded words an institution's name is made of: "ministerio", "economía"
    generic_bodies: dict[str, str]  # a word a kind of body is called by -> the kind: "misión" -> embassy
    kind_before_name: re.Pattern[str]  # "at US cybersecurity firm ": what kind of body the name after is

    @classmethod
    def of(cls, cues: Cues) -> Frames:
        """The frames' words and patterns, built once per article."""
        # One person's noun only as running text writes it: "Source" in "Open Source Centre" is a name's.
        noun = f"(?:{_cased(cues.described_nouns)}|{any_of(list(cues.described_one))})"
        adjective = _cased(cues.described_adjectives)
        return cls(
            # ("respondió que" makes "respondió" a verb: "respondió horas después que …")
            verbs=frozenset(f for terms in cues.reporting.values() for v in terms for f in (normalise(v), normalise(v).removesuffix(" que"))),
            acts=frozenset(normalise(v) for v in (*(v for terms in cues.reporting.values() for v in terms), *cues.speech_acts)),
            attribution=frozenset(normalise(a) for a in (*cues.attribution, *cues.opinion)),
            complements=cues.complements,
            subordinate=re.compile(rf"(?i)\b(?:{any_of(cues.subordinators)})\b"),
            citing=re.compile(rf"(?i)\b(?:{any_of(cues.citing)})\b"),
            # A body named by a name and a noun after it: "US intelligence", "South Korea's defense ministry".
            # "South Korea's Foreign Ministry": the noun may be capitalised as part of the body's name.
            # "South Korea's Ministry of National Defense": a capitalised body's own "of" goes with it.
            body=re.compile(rf"(?:['’]s)?((?:\s+[A-Za-z][\w-]*){{0,2}}\s+(?i:{any_of(cues.bodies)})(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w-]*){{1,3}})?)\b"),
            offices=cues.offices,
            roles=tuple(sorted({*cues.titles, *(w for office in cues.offices for w in office)}, key=len, reverse=True)),
            openers=cues.stopwords,
            time=rf"(?:(?:este|esta|el|on|this|last)\s+)?(?:{any_of(cues.times)})\b",
            documents=re.compile(rf"(?i)(?:{DETERMINER}\s+)?(?:{any_of(cues.documents)})\b"),
            referring=frozenset(cues.referring),
            # "la agencia de espionaje": a short complement may follow the noun.
            # "the California-based centre": where it is based does not make it another body
            bodies_before=re.compile(rf"(?i)(?:el|la|the)\s+(?:[\w.]+-based\s+)?(?:{any_of(cues.bodies_named_before)})(?:\s+(?:de|del|of)\s+[^\W\d_]+)?\b"),
            outlets_before=re.compile(rf"(?i)(?:el|la|the)\s+(?:mism[oa]\s+|same\s+)?(?:{any_of(cues.outlets_named_before)})\b"),
            impersonal=re.compile(rf"(?i)\b(?:{any_of(cues.impersonal)})\b"),
            connectors=frozenset(normalise(c) for c in cues.clauses),
            described=re.compile(rf"\b(?:{adjective}(?:{AND}{adjective})?\s+)*{noun}(?:\s+{noun})?(?:\s+{adjective}(?:{AND}{adjective})?)*\b"),
            nouns=re.compile(rf"\b{noun}\b"),
            adjectives=re.compile(rf"\b{adjective}\b"),
            english={**cues.described_nouns, **cues.described_one, **cues.described_adjectives},
            one=frozenset(cues.described_one),
            office_names=dict(cues.office_names),
            cities=dict(cues.cities),
            institution_words=frozenset(normalise(w) for w in cues.translations),
            generic_bodies=dict(cues.generic_bodies),
            kind_before_name=re.compile(
                rf"[^\S\n]+(at|of|from|with)\s+(?:the\s+)?(?:[A-Z][\w.'-]*\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?:{any_of([*cues.bodies_named_before, *cues.outlets_named_before])})\s+(?=[A-Z])"
            ),
        )


_COMPASS = re.compile(r"(?<!\w)(?:North|South|East|West)[ -]$")


def name_spans(sentence: Span, names: Sequence[str]) -> list[Span]:
    """Every occurrence in the sentence of the article's names, longest first where they overlap."""
    found: list[Span] = []
    for name in sorted(set(names), key=len, reverse=True):
        # A name first written in capitals ("OSLO, Norway (AP) —") is the same name later
        # ("Oslo and Lima"), and a name is itself in a headline in capitals ("NORUEGA
        # CRITICA"); a short one in capitals is an acronym ("UN", not "un").
        cased = len(name) >= 4
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sentence.text, re.I if cased else 0):
            if m.group(0) not in (name, name.upper()) and not (name.isupper() and m.group(0)[:1].isupper()):
                continue
            if _COMPASS.search(sentence.text, 0, m.start()):
                continue  # "Korean" is no name of its own in "North Korean"
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if not any(s.start < end and start < s.end for s in found):
                found.append(Span(start, end, m.group(0)))
    return sorted(found, key=lambda s: s.start)


def is_document_subject(frames: Frames, candidate: Candidate, article: str) -> bool:
    """Whether a document is the subject of the claim's verb, right after it or right before it."""
    return _subject_is(frames.documents, candidate, article)


def is_body_named_before(frames: Frames, candidate: Candidate, article: str) -> bool:
    """Whether the claim's verb has for subject a body called by a common noun ("the agency
    said", "Según el organismo"), right after it or right before it."""
    return _subject_is(frames.bodies_before, candidate, article)


def one_described_before(frames: Frames, candidate: Candidate, article: str, every_name: Sequence[Span]) -> Span | None:
    """"The source said", after "a security source told …": the person the article described
    before with that noun, where the verb's subject is the noun with a definite article."""
    nouns = any_of(sorted(frames.one))
    if not _subject_is(re.compile(rf"(?i)(?:el|la|the)\s+({nouns})\b"), candidate, article):
        return None
    # the noun ends an English description ("a security source") and opens a Spanish one ("una
    # fuente del Servicio de Seguridad")
    noun = re.compile(rf"(?i)\b(?:{nouns})$|^(?:(?:un|una|el|la)\s+)?(?:{nouns})\s+(?:de|del)\s")
    return next((s for s in reversed(every_name) if s.end <= candidate.span.start and noun.search(s.text) and " " in s.text), None)


def is_role_named_before(frames: Frames, candidate: Candidate, article: str) -> bool:
    """Whether an attribution's source is a person called by a role alone, a comma closing it
    ("Según la dirigente, …", "According to the minister, …")."""
    role = re.compile(rf"(?i)(?:el|la|the)\s+(?:{any_of(frames.roles)})\s*,")
    return normalise(candidate.span.text) in frames.attribution and _subject_is(role, candidate, article)


# "esas fuentes", "the same officials": a group the article described before.
_THOSE = r"(?:esas|esos|estas|estos|dichas|dichos|las mismas|los mismos|those|these|the same)"


def group_described_before(frames: Frames, candidate: Candidate, article: str, every_name: Sequence[Span]) -> Span | None:
    """"Según esas fuentes", "Las mismas fuentes hablan", "those officials said": the group the
    article described before with that noun, where the verb's subject is the noun after a
    demonstrative."""
    those = re.compile(rf"(?i){_THOSE}\s+({frames.nouns.pattern})")
    after = re.match(r"\s*,?\s*", article[candidate.span.end :])
    found = those.match(article, candidate.span.end + (after.end() if after else 0))
    before = article[candidate.sentence.start : candidate.span.start].rstrip()
    found = found or next((m for m in those.finditer(before) if m.end() == len(before)), None)
    if found is None:
        return None
    noun = re.compile(rf"(?i)\b{re.escape(found.group(1))}\b")
    return next((s for s in reversed(every_name) if s.end <= candidate.sentence.start and noun.search(s.text)), None)


def is_outlet_named_before(frames: Frames, candidate: Candidate, article: str) -> bool:
    """Whether the claim's verb has for subject an outlet called by a common noun ("Según el
    mismo medio", "the newspaper reported")."""
    return _subject_is(frames.outlets_before, candidate, article)


# The attribution words whose name after them is the channel, not the speaker.
CITED_BY = re.compile(r"(?:citad[oa]s?|quoted|cited) (?:por|by)")
# "La fuente, citada por la agencia UNIAN, aseguró", "The ambassador, speaking to reporters, said",
# "un alto cargo, que habló bajo condición de anonimato, dijo": an aside on how the subject
# spoke stands between it and its verb.
ASIDE_BEFORE_VERB = re.compile(
    r"(?i),\s*(?:(?:citad[oa]s?|quoted|cited)\s+(?:por|by)|en\s+declaraciones\s+(?:a|al)|in\s+(?:remarks|comments)\s+to"
    r"|speaking\s+(?:to|with|on|at)|hablando\s+(?:con|a|al|bajo|en)|en\s+(?:una\s+)?entrevista\s+(?:con|a)|in\s+an\s+interview\s+with"
    r"|(?:que|quien|who)\s+(?:habló|pidió|prefirió|spoke|asked|declined)|bajo\s+(?:(?:la\s+)?condición\s+de\s+)?anonimato"
    r"|on\s+condition\s+of\s+anonymity)\b[^,;:«»“”\"]{0,80},\s*$"
)


def cited_by(name: Span, region: Span, article: str) -> bool:
    """Whether `name` cites the subject in an aside: "La fuente, citada por la agencia UNIAN, aseguró"."""
    opening = max(region.start, article.rfind(",", region.start, name.start) + 1)
    return CITED_BY.match(normalise(article[opening : name.start]).strip()) is not None


def _subject_is(words: re.Pattern[str], candidate: Candidate, article: str) -> bool:
    return subject_match(words, candidate, article) is not None


def subject_match(words: re.Pattern[str], candidate: Candidate, article: str) -> re.Match[str] | None:
    after = re.match(r"\s*,?\s*", article[candidate.span.end :])
    if (right_after := words.match(article, candidate.span.end + (after.end() if after else 0))) is not None:
        return right_after
    before = article[candidate.sentence.start : candidate.span.start].rstrip()
    before = ASIDE_BEFORE_VERB.sub("", before)
    return next((m for m in words.finditer(before) if m.end() == len(before)), None)


def described_as(text: str, frames: Frames) -> str:
    """The English noun of a described speaker ("medios estatales": media), or ''."""
    m = frames.nouns.search(text)
    return frames.english[m.group(0).lower()] if m is not None and frames.described.fullmatch(text) else ""


def is_body(speaker: Span, people: set[str], bodies: set[str], frames: Frames) -> bool:
    """Whether a speaker is a body, not a person: one the gazetteer knows ("HUR"), a description,
    or a name with a body's word."""
    if normalise(speaker.text) in people:
        return False
    # "el Tesoro", after "el Departamento del Tesoro": a word of a body's name
    part = re.compile(rf"(?<!\w){re.escape(normalise(speaker.text))}(?!\w)")
    return (
        normalise(speaker.text) in bodies or bool(described_as(speaker.text, frames)) or any(frames.bodies_before.fullmatch(f"the {w}") for w in words_of(speaker.text.lower()))
        or (speaker.text[:1].isupper() and any(part.search(b) for b in bodies))
    )


def unattributed(sentence: Span, frames: Frames) -> bool:
    """Whether a sentence with one claim candidate states what "is feared" or "is believed" with
    nobody said to fear or believe it: the impersonal words not quoted (a quotation's speaker may
    be named around it)."""
    found = [m.start() for m in frames.impersonal.finditer(sentence.text)]
    quoted = quoted_spans(sentence.text) if found else []
    return any(not any(a <= at < b for a, b in quoted) for at in found)


# A phrase a sentence opens with, before its subject: "En declaraciones a la cadena CNN, …",
# "In an interview with the BBC, …", "Tras reunirse con Lavrov, …".
_OPENING_PHRASE = re.compile(
    r"(?i)\W*(?:en|in|tras|after|during|durante|ante|interviewed|entrevistado|asked|preguntado)\s[^,;:«»“”\"]*$"
)


def in_opening_phrase(name: Span, sentence: Span, verb: int, article: str) -> bool:
    """Whether a name stands in a phrase the sentence opens with, closed by a comma before the
    verb's own subject: "En declaraciones a la cadena CNN, el ministro … afirmó"."""
    rest = article[name.end : verb]
    return bool(_OPENING_PHRASE.match(article, sentence.start + story_start(sentence.text), name.start)) and re.match(r"[^,;:]*,\s*\S", rest) is not None


def in_brackets(name: Span, verb: int, article: str) -> bool:
    """Whether a name stands in brackets closed before the verb: "funcionarios israelíes (citados
    por el diario Haaretz) sostienen" are the subject, the outlet in brackets is an aside."""
    opened = article.rfind("(", 0, name.start)
    return opened >= 0 and article.rfind(")", opened, name.start) < 0 and 0 <= article.find(")", name.end, verb)

"""A speaker's span completed once a frame found it: the body a bare noun stands for, the
country an institution is of, the body noun after a name ("Los expertos concluyeron" after "el
panel de expertos"; "Ministerio de Exteriores de Corea del Sur"; "US intelligence"), the body a
press service or an office by an indefinite article speaks for ("El servicio de prensa de la
Flota del Pacífico", "Desde la Comisión Europea, una portavoz")."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..knowledge.cues import Cues
from ..text.dates import story_start
from ..text.fold import normalise
from ..text.language import is_english
from .frames import Frames, any_of, words_of
from .kinds import generic_body
from .spans import Candidate, Span


def completed(
    speaker: Span, candidate: Candidate, every_name: Sequence[Span], countries: set[str], article: str, frames: Frames, cues: Cues,
    is_body: Callable[[Span], bool], said_before: Span | None = None,
) -> Span:
    """The speaker a frame found, completed by what the words around it say it is. `said_before`:
    who spoke in the sentence before."""
    speaker = whose(generic_body(named_body(speaker, every_name, article, frames), every_name, article, frames), countries, article, frames, cues)
    speaker = affiliated(possessed(complemented(body(speaker, article, frames), article, frames, cues), article), cues)
    speaker = press_office(_office_after(speaker, said_before, article, frames, is_body), every_name, article)
    return office_of(_office_of_opening(speaker, candidate, every_name, article, frames, is_body), candidate, article, frames, is_body)


# What says whose an office is after it ("portavoz de …", "spokesman for …"), or sets it off.
_WHOSE_AFTER = re.compile(r"\s+(?:de|del|of|for|at|from|to|in|en|ante)\b|\s*,", re.I)


def _office_after(speaker: Span, said_before: Span | None, article: str, frames: Frames, is_body: Callable[[Span], bool]) -> Span:
    """"Iran's embassy dismissed the seizure. A spokesman said …": an office a sentence opens with,
    by an indefinite article and with nothing after it to say whose, is the body's that spoke in
    the sentence before."""
    if said_before is None or not is_body(said_before) or speaker.text.lower() not in frames.office_names:
        return speaker
    opens = re.search(r"(?:^|[.!?»”\"]\s+|\n)(?:un|una|a|an)\s+$", article[max(0, speaker.start - 40) : speaker.start], re.I)
    if opens is None or _WHOSE_AFTER.match(article, speaker.end):
        return speaker
    joined = "de" if opens.group(0).split()[-1].lower() in ("un", "una") else "of"
    return Span(speaker.start, speaker.end, f"{speaker.text} {joined} {said_before.text}")


def press_office(speaker: Span, every_name: Sequence[Span], article: str) -> Span:
    """"El servicio de prensa de la Flota del Pacífico negó …", "The Caspian Flotilla's press
    service said …": a body's press service speaks as the body; "the academy's press office",
    as the academy the article named before."""
    owned = _PRESS_OF.fullmatch(speaker.text) or _PRESS_OWNED.fullmatch(speaker.text)
    body = next((g for g in owned.groups() if g), None) if owned is not None else None
    kind = _KIND_OWNS.search(article, 0, speaker.start) if body is None and _PRESS.fullmatch(speaker.text) else None
    if kind is not None:
        body = next((n.text for n in reversed(every_name) if n.end <= kind.start() and re.search(rf"(?i)\b{kind.group(1)}\b", n.text)), None)
    return Span(speaker.start, speaker.end, body) if body is not None else speaker


_PRESS_OF = re.compile(r"(?i)(?:servicio|oficina|gabinete)\s+de\s+prensa\s+(?:de\s+la|de\s+los|de\s+las|del|de)\s+(.+)|press\s+(?:service|office)\s+of\s+(?:the\s+)?(.+)")
_PRESS_OWNED = re.compile(r"(?i)(.+?)['’]s\s+press\s+(?:service|office)")
_PRESS = re.compile(r"(?i)press(?:\s+(?:service|office))?")
# "the academy's ": a body called by its kind owns what follows
_KIND_OWNS = re.compile(r"(?i)\bthe\s+([a-z]+)['’]s\s+$")


def _office_of_opening(
    speaker: Span, candidate: Candidate, every_name: Sequence[Span], article: str, frames: Frames, is_body: Callable[[Span], bool]
) -> Span:
    """"Desde la Comisión Europea, una portavoz aseguró …", "El Ministerio de Defensa declinó
    confirmarlo, aunque un portavoz dijo …": an office by an indefinite article, with nothing
    after it to say whose, is the body's the sentence opens with."""
    indefinite = re.search(r"(?i)\b(?:un|una|a|an)\s+$", article[max(0, speaker.start - 5) : speaker.start])
    if speaker.text.lower() not in frames.office_names or indefinite is None:
        return speaker
    if _WHOSE_AFTER.match(article, speaker.end):
        return speaker
    lead = candidate.sentence.start + story_start(candidate.sentence.text)
    opening = next((n for n in every_name if lead <= n.start < speaker.start), None)
    if opening is None or not _OPENS.fullmatch(article[lead : opening.start]) or not is_body(opening):
        return speaker
    # the body's adjective after it ("El Ministerio de Defensa chileno"), and "una" that says a spokeswoman
    adjective = frames.adjectives.match(article, opening.end + 1) if article[opening.end : opening.end + 1] == " " else None
    body = article[opening.start : adjective.end()] if adjective is not None else opening.text
    if is_english(candidate.sentence.text):
        return Span(speaker.start, speaker.end, f"{speaker.text} of {body}")
    return Span(speaker.start, speaker.end, f"{indefinite.group(0).strip()} {speaker.text} de {body}")


# What may stand before the body a sentence opens with: "Desde", "From", an article.
_OPENS = re.compile(r"(?i)\s*(?:(?:desde|from)\s+)?(?:(?:el|la|los|las|the)\s+)?")


def named_body(speaker: Span, every_name: Sequence[Span], article: str, frames: Frames) -> Span:
    """"Los expertos concluyeron", after "el panel de expertos"; "the official said", after "A
    Western intelligence official said": the body or person the article named or described
    before with the description's noun, where the description is that noun alone with a definite
    article ("las autoridades norcoreanas" say whose they are)."""
    before = r"(?i)\b(?:los|las|el|la|the|esos|esas|estos|estas|dichos|dichas|those|these|(?:los|las)\s+mism[oa]s|the\s+same)\s+$"
    if not re.search(before, article[: speaker.start]):
        return speaker
    if not frames.nouns.fullmatch(speaker.text):
        return _name_holding(speaker, every_name, frames)
    nouns = [n.group(0).lower() for n in frames.nouns.finditer(speaker.text)]
    # "El funcionario advirtió", after "Un alto cargo del Tesoro": nouns English names alike are one noun
    english = {frames.english.get(n, n).split()[-1] for n in nouns}

    def holds(name: Span) -> bool:
        return any(re.search(rf"(?i)\b{re.escape(n)}\b", name.text) for n in nouns) or any(
            (frames.english.get(m.group(0).lower(), "").split() or [""])[-1] in english for m in frames.nouns.finditer(name.text)
        )

    named = [s for s in every_name if s.end <= speaker.start and s.text.lower() != speaker.text.lower() and holds(s)]
    return named[-1] if named else speaker


def _name_holding(speaker: Span, every_name: Sequence[Span], frames: Frames) -> Span:
    """"Según la administración regional", after "La Administración Militar Regional de Sumi": a
    description whose every word the name of a body named before holds is that body."""
    if not frames.described.fullmatch(speaker.text):
        return speaker
    words = set(normalise(speaker.text).split())
    named = [s for s in every_name if s.end <= speaker.start and s.text[:1].isupper() and len(s.text.split()) > len(words) and words <= set(normalise(s.text).split())]
    return named[-1] if named else speaker


def whose(speaker: Span, countries: set[str], article: str, frames: Frames, cues: Cues) -> Span:
    """An institution's name with the country it is of ("Ministerio de Exteriores de Corea del Sur",
    "El Ejército iraní"), where the article's names stop before the country it knows."""
    if speaker.text.split()[0].lower() not in cues.translations:
        return speaker
    of = re.compile(r"\s+(?:de|del|de la)\s+").match(article, speaker.end)
    if of is not None and (country := next((c for c in countries if normalise(article[of.end() : of.end() + len(c)]) == c), None)):
        end = of.end() + len(country)
    # "El Ejército iraní", "el Gobierno de transición maliense": a word or two may qualify the body first
    elif (m := next((a for q in _QUALIFIED if (g := q.match(article, speaker.end)) and (a := frames.adjectives.match(article, g.end()))), None)) is not None:
        end = m.end()
    else:
        return speaker
    return Span(speaker.start, end, article[speaker.start : end])


_QUALIFIED = (re.compile(r"\s+"), re.compile(r"\s+(?:de\s+)?[a-záéíóúñ]+\s+"))


def body(speaker: Span, article: str, frames: Frames) -> Span:
    """A name with the body noun after it ("US intelligence"); not past a verb ("South Korea's spy
    agency told lawmakers": the lawmakers are told)."""
    m = frames.body.match(article, speaker.end)
    if m is None or any(normalise(w) in frames.acts for w in words_of(m.group(1))):
        return speaker
    return Span(speaker.start, m.end(), article[speaker.start : m.end()])


def affiliated(speaker: Span, cues: Cues) -> Span:
    """"Lars Berg of the Southern group of forces": a person's name, not the body their
    affiliation names; a body's own name ("Ministry of the Interior") stays whole."""
    m = re.match(r"((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)\s+of\s+the\s+", speaker.text)
    if m is None or any(normalise(w) in cues.translations or w.lower() in cues.bodies for w in m.group(1).split()):
        return speaker
    return Span(speaker.start, speaker.start + m.end(1), m.group(1))


def possessed(speaker: Span, article: str) -> Span:
    """"Ukraine's military intelligence agency says": a described body with the name that owns it."""
    if not speaker.text[:1].islower():
        return speaker
    owner = re.search(r"(?<![\w'’])[A-ZÁÉÍÓÚ][\w-]*(?:[ \t]+[A-ZÁÉÍÓÚ][\w-]*){0,2}['’]s[ \t]+(?:[a-z][\w-]*[ \t]+)?$", article[max(0, speaker.start - 60) : speaker.start])
    if owner is None:
        return speaker
    start = speaker.start - (len(article[max(0, speaker.start - 60) : speaker.start]) - owner.start())
    return Span(start, speaker.end, article[start : speaker.end])


# The body a described speaker belongs to, after "de"/"of": words up to a relative pronoun, a
# comma or what opens the rest of the clause ("al diario", "citado por", "who spoke").
_COMPLEMENT = re.compile(
    r"\s+(?:de|del|of)\s+(?:(?:la|las|los|el|the)\s+)?"
    r"(?:(?!(?:que|quien|quienes|who|which|that|al|a|to|en|in|on|citad[oa]s?|quoted|said|told)\b)[^\W\d_][\w-]*"
    r"(?:\s+(?:de|del|of)(?:\s+(?:la|el|the))?(?=\s))?\s*){1,8}",
    re.I,
)


def complemented(speaker: Span, article: str, frames: Frames, cues: Cues) -> Span:
    """"fuentes de la inteligencia militar de Ucrania", "un oficial de la inteligencia militar
    ucraniana que pidió el anonimato": a described speaker with the described body it belongs to,
    a state's (named, or by its people's adjective), or a body with a name of its own ("un diputado
    del Parlamento iraní"); "un portavoz de la compañía" is `generic_body`'s."""
    if not frames.nouns.fullmatch(speaker.text) or (m := _COMPLEMENT.match(article, speaker.end)) is None:
        return speaker
    # "Un diputado del Parlamento iraní reconoció": the complement ends before the verb.
    text = m.group(0)
    verb = next((w for w in re.finditer(r"[^\W\d_][\w-]*", text) if normalise(w.group(0)) in frames.verbs), None)
    text = text[: verb.start()] if verb is not None else text
    # The body is a described one itself ("la inteligencia militar"), of a state named or by its adjective.
    head = re.match(r"\s+(?:de|del|of)\s+(?:(?:la|las|los|el|the)\s+)?", text)
    # or a body with a name of its own, which opens with an institution's word ("del Parlamento iraní")
    rest = text[head.end() :].split() if head is not None else []
    named = bool(rest) and normalise(rest[0]) in cues.translations
    if head is None or not (frames.nouns.match(text, head.end()) or named) or not any(w[:1].isupper() or normalise(w) in cues.demonym_forms for w in words_of(text)):
        return speaker
    end = speaker.end + len(text.rstrip())
    return Span(speaker.start, end, article[speaker.start : end])


def office_of(speaker: Span, candidate: Candidate, article: str, frames: Frames, is_body: Callable[[Span], bool]) -> Span:
    """"El Ministerio de Exteriores rechazó el informe. «…», dijo su portavoz": an office the
    possessive gives to the body the frames found as speaker is the speaker (the ministry's
    spokesman), not the body itself; a person's ("his spokesman") is left to the frames."""
    offices = any_of(sorted(frames.office_names))
    before = re.search(rf"(?i)\b(su|its)\s+({offices})\s*$", article[candidate.sentence.start : candidate.span.start])
    after = re.match(rf"(?i)\s+(su|its)\s+({offices})\b", article[candidate.span.end : candidate.sentence.end])
    held = before or after
    if held is None or not is_body(speaker):
        return speaker
    start = candidate.sentence.start + held.start(2) if before is not None else candidate.span.end + held.start(2)
    joined = "de" if held.group(1).lower() == "su" else "of"
    return Span(start, start + len(held.group(2)), f"{held.group(2)} {joined} {speaker.text}")

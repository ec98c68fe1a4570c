"""A speaker named by a role: the role before the verb ("El vocero destacó"), the person the
article introduced with it ("el portavoz del Kremlin, Dmitri Peskov"), and a state's role after
its possessive ("Iran's foreign minister said")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.dates import story_start
from ..text.fold import normalise
from .frames import ASIDE_BEFORE_VERB, DETERMINER, Frames, any_of, words_of
from .spans import Candidate, Span


def role_before(candidate: Candidate, region: Span, article: str, frames: Frames) -> tuple[Span, str] | None:
    """"El vocero destacó": a role word opening the clause just before the verb, and the
    complement it has when that is long enough to tell one holder from another ("El jefe del
    espionaje militar ucraniano aseguró"), else ""."""
    before = ASIDE_BEFORE_VERB.sub("", article[region.start : candidate.span.start])
    for role in frames.roles:
        m = re.search(rf"(?:^|[,.]\s*|\b)(?:{DETERMINER}\s+)?({re.escape(role)})\b([^,;:]*)$", before, re.I)
        if m and len(words_of(m.group(2))) <= _LONG_COMPLEMENT:
            start = region.start + m.start(1)
            return Span(start, start + len(m.group(1)), m.group(1)), m.group(2) if len(words_of(m.group(2))) > 3 else ""
    return None


# The most words of a role's complement before its verb; past three they must fit its holder's.
_LONG_COMPLEMENT = 6


# How far before a name its introduction with a role may start.
_INTRODUCTION = 80


def holder_of(role: Span, names: Sequence[Span], article: str, frames: Frames, qualifier: str = "") -> Span | None:
    """The person the article named with this role before: "el portavoz …, Dmitri Peskov" then
    "el vocero". A `qualifier` the role was written with ("el presidente iraní") must be in the
    introduction too: the Iranian president, not the Pakistani one named last."""
    office = _office(role, frames)
    # The role stands right before the name, or with its complement and a comma: "el portavoz
    # del Kremlin, Dmitri Peskov".
    introduced = re.compile(rf"\b(?:{office})(?:(?:\s+[^\s.;:,«»“”\"]+){{0,2}}\s+|(?:\s[^.;:,«»“”\"]{{0,60}})?,\s*)$", re.I)
    wanted = {normalise(w) for w in words_of(qualifier)}
    # A long complement says the office in other words ("del espionaje militar ucraniano" for "de
    # la inteligencia militar ucraniana"): two in three of its words' stems will do.
    loose = len(wanted) > 3
    # Or the role is apposed after the name: "Dmitri Peskov, el portavoz del Kremlin, rechazó".
    apposed = re.compile(rf"\s*,\s*(?:(?:el|la|the|su|his|her)\s+)?(?:[\w-]+\s+)?(?:{office})\b[^,;:.\n]{{0,60}},", re.I)
    for name in reversed([n for n in names if n.end <= role.start]):
        introduction = article[max(0, name.start - _INTRODUCTION) : name.start]
        after = apposed.match(article, name.end) if name.end < role.start - 1 else None
        if after is not None:
            have = {normalise(w) for w in words_of(after.group(0))}
        elif introduced.search(introduction) is None or _POSTED_TO.search(introduction):
            continue  # "ambassador to Laos", "portavoz del Kremlin": where the holder is posted, or whose, not who holds it
        else:
            last = [m.start() for m in re.finditer(rf"\b(?:{office})\b", introduction, re.I)][-1]
            have = {normalise(w) for w in words_of(introduction[last:])}
        if wanted <= have or (loose and 3 * len(_stems(wanted) & _stems(have)) >= 2 * len(_stems(wanted))):
            return name
    return None


def _office(role: Span, frames: Frames) -> str:
    """A pattern for the role's words and those of the same office ("vocero" is "portavoz")."""
    word = normalise(role.text)
    return any_of(next((sorted(o) for o in frames.offices if word in o), [role.text]))


_POSTED_TO = re.compile(r"(?i)(?<!\w)(?:to|in|at|en|ante|of|for|de|del|de la)\s+$")


def _stems(words: set[str]) -> set[str]:
    """The first five letters of each word of four letters or more: "ucraniano" and "ucraniana" agree."""
    return {w[:5] for w in words if len(w) >= 4}


def possessed_role(name: Span, candidate: Candidate, names: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """"Iran's foreign minister said": the person the article named with that role before, else
    the role with its possessor; None if no role follows the name's possessive."""
    # The role may be posted ("ambassador to Laos") and set off from its verb by a relative
    # clause ("…, who led its delegation, denied").
    role = re.compile(
        rf"(?:['’]s)?\s+((?:[a-z][\w-]*\s+){{0,2}}(?:{any_of(frames.roles)})(?:\s+(?:to|in|at)\s+(?-i:[A-Z][\w'’-]+)(?:\s+(?-i:[A-Z][\w'’-]+))?)?)"
        r"(?:\s*,\s*(?:who|which|que|quien)\s[^,;:.]*,)?\s*$", re.I
    ).fullmatch(article, name.end, candidate.span.start)
    if role is None:
        return None
    held = holder_of(Span(role.start(1), role.end(1), role.group(1)), names, article, frames)
    # the possessor stands before the role in its introduction too: "Iran's foreign minister, Abbas Araqchi"
    owner = normalise(re.sub(r"['’]s$", "", name.text))
    if held is not None and owner in normalise(article[max(0, held.start - _INTRODUCTION) : held.start]):
        return held
    return Span(name.start, role.end(1), article[name.start : role.end(1)])


def with_role(
    subject: Span | None, candidate: Candidate, region: Span, names: Sequence[Span], every_name: Sequence[Span], article: str, frames: Frames
) -> Span | None:
    """The verb's `subject` with the role its possessive gives it ("Iran's foreign minister
    said"); with no subject found, the clause's first name whose role runs up to the verb past a
    relative clause ("Pyongyang's ambassador to Laos, who led its delegation, denied")."""
    if subject is not None:
        return possessed_role(subject, candidate, every_name, article, frames) or subject
    opening = next((n for n in names if region.start <= n.start < candidate.span.start), None)
    return possessed_role(opening, candidate, every_name, article, frames) if opening is not None else None


def held_by(
    role: tuple[Span, str], candidate: Candidate, names: Sequence[Span], every_name: Sequence[Span], article: str, frames: Frames, people: set[str]
) -> Span | None:
    """Who holds a role a clause opens with (`role_before`): the person the article introduced
    with it (`holder_of`); but an office a possessive gives ("El Kremlin evitó pronunciarse, y su
    portavoz dijo", "The Kremlin declined to comment, but its spokesman said") is that of the body
    the sentence opens with, unless that body introduced the person (whose office it is, the
    speaker's span then says)."""
    holder = holder_of(role[0], every_name, article, frames, role[1])
    if re.search(r"(?i)(?<!\w)(?:su|its)\s+$", article[candidate.sentence.start : role[0].start]) is None:
        return holder
    lead = candidate.sentence.start + story_start(candidate.sentence.text)
    body = next((n for n in names if lead <= n.start < role[0].start), None)
    if body is None or normalise(body.text) in people:
        return holder
    introduced = holder is not None and normalise(body.text) in normalise(article[max(0, holder.start - _INTRODUCTION) : holder.start])
    return holder if introduced else body


def described_holder(candidate: Candidate, found: Sequence[Candidate], every_name: Sequence[Span], article: str, frames: Frames) -> Span | None:
    """"The North Korean ambassador described …", after "Pyongyang's ambassador to Laos, who led
    its delegation, denied …": a role the clause opens with, whose holder the article never named,
    is the last speaker described with it; None if a named person holds it or none was described so."""
    found_role = role_before(candidate, Span(candidate.sentence.start, candidate.span.start, ""), article, frames)
    # (an indefinite role introduces someone new: "A spokesman for …")
    definite = found_role is not None and re.search(r"(?i)(?<!\w)(?:the|el|la)\s+(?:[\w-]+\s+){0,3}$", article[candidate.sentence.start : found_role[0].start])
    if found_role is None or not definite or holder_of(found_role[0], every_name, article, frames, found_role[1]) is not None:
        return None
    office = re.compile(rf"(?i)\b(?:{_office(found_role[0], frames)})\b")
    said = (c.speaker for c in reversed(found) if c.speaker is not None and not c.relays and c.speaker not in every_name)
    return next((s for s in said if office.search(s.text) and len(words_of(s.text)) > 1 and not s.text[:1].islower()), None)


def portfolio(complement: str, frames: Frames) -> bool:
    """Whether a role's complement names a body or a portfolio by an institution's words alone
    ("de Economía peruano", "de Relaciones Exteriores"), not a person after it ("de la Duma Luis Arce")."""
    capitals = [w for w in words_of(complement) if w[:1].isupper()]
    return bool(capitals) and all(normalise(w) in frames.institution_words for w in capitals)

"""The groups and bodies an article describes rather than names ("funcionarios británicos", "US
intelligence officials", "la misión de Irán ante la ONU", "researchers at US cybersecurity firm
SentinelOne"), as spans the speaker frames read beside its names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..knowledge.countries import iso_country
from ..text.fold import normalise
from .frames import AND, Frames, any_of, described_as
from .spans import Span, sentences


def described_spans(
    article: str, names: Sequence[Span], frames: Frames, media: set[str], organisations: frozenset[str] = frozenset()
) -> list[Span]:
    """The article's names, with every description of a group or body ("funcionarios británicos",
    "US intelligence officials") as one span that takes in a name it is joined to ("la
    administración Biden", "agencia de inteligencia de Chile", "Kremlin officials").
    Member states no name qualifies are those of the organisation (among `organisations`, by
    folded name) the article named last before them."""
    spans = list(names)
    # ("for the economy ministry": in English a word may qualify the kind)
    of_a_kind = re.compile(rf"(?i){_OF_A_KIND}(?:(?-i:[a-z][\w-]*)\s+)?(?:{any_of(list(frames.generic_bodies))})\b")
    for m in frames.described.finditer(article):
        start, end = m.start(), m.end()
        if any(n.start <= start and end <= n.end for n in names):
            continue  # "Gobierno de Irán" is a name of Iran
        # "a State Department spokesperson": the indefinite article may stand before a name joined to the noun.
        named = next((n for n in names if re.fullmatch(r"\s+", article[n.end : start])), None)
        # "a security source": one word between the article and one person's noun is the noun's.
        modified = _modified_one(article, start, frames) if named is None else None
        if not _described_one(article, m, frames, named.start if named is not None else modified.start(1) if modified else start):
            continue
        one_person = all(n.group(0).lower() in frames.one for n in frames.nouns.finditer(m.group(0)))
        if modified is not None and not _INDEFINITE.search(article, 0, start) and one_person:
            start = modified.start(1)
        # "Cybersecurity experts say": the word a sentence opens with before a group's noun qualifies the group
        opening = _OPENING_WORD.search(article, max(0, start - 40), start) if named is None and modified is None else None
        if opening is not None and opening.group(1) not in frames.openers and normalise(opening.group(1)) not in frames.acts and not one_person:
            start = opening.start(1)
        # "researchers at US cybersecurity firm SentinelOne": the body is the name its kind introduces.
        kind = frames.kind_before_name.match(article, end)
        if kind is not None and (called := next((n for n in names if n.start == kind.end()), None)) is not None:
            spans = [n for n in spans if not (start <= n.start and n.end <= called.end)]
            spans.append(Span(start, called.end, f"{article[start:end]} {kind.group(1)} {called.text}"))
            continue
        after = _joined_name(article, end, names, media, frames)
        if after is not None:
            end = after.end
            # "fuentes del Gobierno de Noruega": the body's own country joins too.
            if (country := _joined_name(article, end, names, media, frames)) is not None:
                end = country.end
        end = _posted_in(article, m, end, frames)
        # "Un funcionario del servicio, que …": a body called by its kind is the noun's complement (kinds.generic_body)
        kind = of_a_kind.match(article, end) if after is None else None
        if kind is not None:
            # "del ministerio noruego": with its adjective
            adjective = frames.adjectives.match(article, kind.end() + 1) if article[kind.end() : kind.end() + 1] == " " else None
            end = adjective.end() if adjective is not None else kind.end()
        # "U.S. and European officials": a name coordinated with the adjective is one of the group's.
        joins = rf"(?:['’]s)?\s+|{AND}" if frames.adjectives.match(article, start) else r"(?:['’]s)?\s+"
        before = next((n for n in names if re.fullmatch(joins, article[n.end : start])), None)
        if before is not None and normalise(before.text) not in media:
            start = before.start
        spans = [n for n in spans if not (start <= n.start and n.end <= end)]
        own = after is not None or before is not None
        members = None if own or described_as(article[start:end], frames) != "member states" else _organisation_before(start, names, organisations)
        if members is not None:  # "los Estados miembros", after "la UE": the EU's member states
            spans.append(Span(start, end, f"{article[start:end]} of {members.text}"))
        else:
            spans.append(_of_the_country(article, start, end, names) or Span(start, end, article[start:end]))
    return sorted(spans, key=lambda s: s.start)


_OPENING_WORD = re.compile(r"(?:^|[.!?»”\"][ \t]+|\n)([A-Z][a-z]{3,})[ \t]+$")
_OF_A_KIND = r"\s+(?:de la|de los|de las|del|de|of the|at the|for the)\s+"


# Up to three words between an indefinite article and one person's noun: "a security source",
# "A Chilean defence ministry spokesman".
_MODIFIED_ONE = re.compile(r"(?i)(?<!\w)(?:a|an|un|una)\s+((?:(?!(?:a|an|un|una)\s)[a-záéíóúñ][\w-]*\s+){1,3})$")


def _modified_one(article: str, start: int, frames: Frames) -> re.Match[str] | None:
    """The words that modify one person's noun starting at `start`, after an indefinite article;
    None if there are none or one of them is no modifier ("a day after the source")."""
    m = _MODIFIED_ONE.search(article, max(0, start - 60), start)
    # the openers are listed as a sentence opens with them: "After", "The"
    if m is None or any(w[:1].upper() + w[1:] in frames.openers or normalise(w) in frames.acts for w in m.group(1).split()):
        return None
    return m


# What may stand before one person's noun for the person to be unnamed: "a", "un", "an unnamed".
_INDEFINITE = re.compile(r"(?i)(?<!\w)(?:a|an|one|un|una)\s+(?:(?:unnamed|anonymous|former|anónimo|anónima|ex)\s+)?$")


def _described_one(article: str, m: re.Match[str], frames: Frames, start: int) -> bool:
    """Whether a description is a speaker: a group's always, one person's only after an indefinite
    article ("A senior Chilean diplomat said"), as "the diplomat" is someone the article named.
    `start`: where the description opens, a name joined to its noun included."""
    nouns = [n.group(0).lower() for n in frames.nouns.finditer(m.group(0))]
    return not all(n in frames.one for n in nouns) or any(_INDEFINITE.search(article, 0, at) for at in {m.start(), start})


def _joined_name(article: str, end: int, names: Sequence[Span], media: set[str], frames: Frames) -> Span | None:
    """The name joined to a description that ends at `end` ("agencia de inteligencia de
    Chile", "mission to the UN", "la administración Biden"), or None."""
    # A name may hold its article ("de la Comisión Europea") or not ("fuentes de la OTAN").
    for link in (_LINK, _LINK_ARTICLE):
        joined = link.match(article, end)
        at = joined.end() if joined else -1
        # "to the United Nations", "ante la Unión Europea": the name may hold the article itself.
        after = next((n for n in names if n.start == at or (n.start < at < n.end and normalise(article[n.start : at]) in _ARTICLES)), None)
        if after is not None and normalise(after.text) not in media and (joined and joined.group(0).strip() or not after.text.islower()):
            # "de la Presidencia rusa": a state's adjective after a name its article stood outside of
            adjective = frames.adjectives.match(article, after.end + 1) if link is _LINK_ARTICLE and article[after.end : after.end + 1] == " " else None
            return Span(after.start, adjective.end(), article[after.start : adjective.end()]) if adjective is not None else after
    return None


_ARTICLES = frozenset(("the", "la", "el", "los", "las"))
# Where a body is posted: "mission to the UN", "misión ante la ONU".
POSTED = r"to the|to|ante la|ante las|ante"
# What joins a name to a description: a preposition, or one with its article.
# (Never across a line: a headline's description is no part of the dateline after it.)
_LINK = re.compile(rf"[^\S\n]+(?:(?:de|del|de la|de los|de las|of|of the|for the|for|at the|at|from the|from|{POSTED})\s+)?")
_LINK_ARTICLE = re.compile(r"[^\S\n]+(?:de|of|for|at|ante|to)\s+(?:la|los|las|el|the)\s+")
# The bodies a state keeps in another's city, which name that city: "la embajada rusa en Seúl".
# Bodies and people posted abroad: where they serve is part of what they are ("a Chilean diplomat in Lima").
_POSTS = frozenset(("embassy", "consulate", "mission", "delegation", "diplomat", "diplomats"))
# "destinado en Lima", "based in Lima": where one serves.
SERVING_IN = r"(?:(?:destinad[oa]s?|acreditad[oa]s?|based|stationed|posted)\s+)?(?:en|in)"
_IN_CITY = re.compile(rf"\s+{SERVING_IN}\s+(?:the\s+)?[A-ZÁÉÍÓÚ][\w'’-]+(?:\s+[A-ZÁÉÍÓÚ][\w'’-]+)?")


def _posted_in(article: str, m: re.Match[str], end: int, frames: Frames) -> int:
    """Where a posted body's description ends, the city it is posted in taken in ("Iran's
    embassy in London"); `end` for any other description."""
    if not any(frames.english.get(n.group(0).lower()) in _POSTS for n in frames.nouns.finditer(m.group(0))):
        return end
    city = _IN_CITY.match(article, end)
    return city.end() if city else end


_THE_COUNTRY = re.compile(r"\b[Tt]he (?:country|nation)['’]s\s+$")


def _of_the_country(article: str, start: int, end: int, names: Sequence[Span]) -> Span | None:
    """"the nation's delegation in Geneva": the body of the country the sentence before
    opened with, under that country's name ("Norway's delegation …"); None if the words before
    the body are not "the country's" or no country opened that sentence."""
    the = _THE_COUNTRY.search(article, 0, start)
    if the is None:
        return None
    before = [s for s in sentences(article) if s.end <= the.start()]
    countries = [n for n in names if before and before[-1].start <= n.start < before[-1].end and iso_country(n.text) is not None]
    return Span(the.start(), end, f"{countries[0].text}'s {article[start:end]}") if countries else None


def _organisation_before(at: int, names: Sequence[Span], organisations: frozenset[str]) -> Span | None:
    return next((n for n in reversed(names) if n.end <= at and normalise(n.text) in organisations), None)

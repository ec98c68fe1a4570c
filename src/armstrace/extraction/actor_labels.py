"""Code's corrections of the kind and country a model gives an actor it labels.

A small model calls every body an "agency" and leaves a country empty that the sentence gives:
docs/annotation.md's kinds are applied by the words of the name, and the country is read off
the words around the name.
"""

from __future__ import annotations

import re
from typing import cast

from ..base.schema import ActorKind
from ..knowledge.countries import iso_country
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer
from ..text.fold import normalise
from .spans import Candidate

# How many words of a title may stand before a person's name: "US Treasury Secretary".
_TITLE_WORDS = 3
# How many words a role set off before a person's name may take: "the Iranian Foreign Ministry spokesman".
_ROLE_WORDS = 8
# How many words of an apposition after a body's name may name its country: ", la agencia naval de Noruega".
_APPOSITION_WORDS = 6


def actor_kind(kind: str, name: str, cues: Cues) -> ActorKind:
    """docs/annotation.md: companies are organisations and outlets media, which small models call
    agencies; an agency is armed, intelligence or security."""
    words = normalise(name).split()
    if kind in ("agency", "government", "organisation") and set(words) & _folded(cues.outlets):
        return "media"
    if kind in ("agency", "government") and words and words[-1] in _folded(cues.companies):
        return "organisation"
    return "organisation" if kind == "agency" and not set(words) & _folded(cues.agency_words) else cast(ActorKind, kind)


def deliberative_kind(kind: ActorKind, name: str, country_code: str, cues: Cues) -> ActorKind:
    """A council, committee or parliament the model calls an agency ("Security Council"): a
    state's is its government, an international one an organisation."""
    if kind != "agency" or not set(normalise(name).split()) & _folded(cues.deliberative):
        return kind
    return "government" if country_code else "organisation"


def country_of(kind: str, name: str, candidate: Candidate, gazetteer: Gazetteer, cues: Cues) -> tuple[str, str] | None:
    """The country (ISO code, English name) the text gives an actor the model left without one:
    a country is its own; an outlet has the one its name holds ("Times of Israel"); a person the
    adjective or country just before the name ("el diputado ruso Berg", "US Trade Secretary
    Berg"); a body that, or one its apposition names ("Fjord, la agencia naval de Noruega")."""
    if kind == "country":
        return _first_country([name, candidate.span.text], gazetteer)
    if kind == "media":
        return _first_country(_spans(name.split()), gazetteer)
    at = candidate.span.start - candidate.sentence.start
    role = _role_before(candidate.sentence.text[:at], cues)
    before = role if role is not None else [normalise(w.strip(",;:")) for w in _title_before(candidate.sentence.text[:at].split())]
    aside = re.match(r",\s*([^,;.]*)", candidate.sentence.text[at + len(candidate.span.text) :])
    after = [normalise(w) for w in aside.group(1).split()[:_APPOSITION_WORDS]] if aside and kind != "person" else []
    # The nearest word first: an adjective of a country ("rusa", "South Korean") or a country's name of up to three words.
    adjectives = [cues.demonym_state(w) or w for w in [*reversed(before), *after]]
    pairs = [state for i in reversed(range(len(before) - 1)) if (state := cues.demonym_state(" ".join(before[i : i + 2])))]
    return _first_country([*adjectives, *pairs, *_spans(before), *_spans(after)], gazetteer)


def _title_before(words: list[str]) -> list[str]:
    """The words of a title before a person's name: the last few, or a longer run of capitalised
    words ("Russian Deputy Foreign Minister")."""
    n = _TITLE_WORDS
    while n < min(len(words), _ROLE_WORDS) and all(w[:1].isupper() for w in words[-n - 1 :]):
        n += 1
    return words[-n:]


def _role_before(head: str, cues: Cues) -> list[str] | None:
    """The words of a role set off by a comma before the name, whole ("North Korea's vice foreign
    minister, Kim …", "The Iranian Foreign Ministry spokesman, …"); [] if no title is in what
    the comma closes ("Speaking in Oslo, Berg …"), None if no comma stands before the name."""
    if not head.rstrip().endswith(","):
        return None
    role = re.split(r"[,;:()—–]", head.rstrip()[:-1])[-1]
    words = [normalise(re.sub(r"['’]s$", "", w)) for w in role.split()][-_ROLE_WORDS:]
    titles = _folded(cues.titles) | {normalise(w) for office in cues.offices for w in office}
    return words if set(words) & titles else []


def _folded(terms: tuple[str, ...]) -> set[str]:
    """Cue words as the folded name's words are written ("ejército": ejercito)."""
    return {normalise(t) for t in terms}


def _spans(words: list[str]) -> list[str]:
    """Every run of up to three consecutive words, longest first: "corea del sur", "corea del"…"""
    return [" ".join(words[i : i + n]) for n in (3, 2, 1) for i in range(len(words) - n + 1)]


def _first_country(names: list[str], gazetteer: Gazetteer) -> tuple[str, str] | None:
    return next((found for found in map(lambda n: _country(n, gazetteer), names) if found), None)


def _country(name: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """The country `name` names, by the gazetteer ("Moscú") or ISO 3166 ("Chile")."""
    if code := gazetteer.country_code(name):
        return code, gazetteer.country_name(code)
    return iso_country(name)

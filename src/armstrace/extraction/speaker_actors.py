"""Speakers that are institutions the article describes rather than names, as its actors.

"La embajada iraní en Bagdad calificó …": the embassy speaks, and it is an actor of the article
(docs/annotation.md: a definite description of one institution of a named state), though no
capitalised name made it a candidate. Each such speaker becomes an actor under its English
name, with the article's words as its mention, so that its claims join it in the dataset.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..base.schema import Actor, ActorKind, Claim, Evidence
from ..knowledge.countries import iso_country
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer
from ..text.fold import normalise
from .frames import DETERMINER, Frames


def speaker_actors(
    said: Sequence[Claim], named: Sequence[Claim], actors: Sequence[Actor], article: str, cues: Cues, gazetteer: Gazetteer
) -> list[Actor]:
    """The article's actors, and each described institution that speaks and no actor is.

    `said` are the claims with their speakers as the article writes them, `named` the same
    claims with the speakers' English names (speaker_names.py), in the same order.
    """
    frames = Frames.of(cues)
    have = {normalise(form) for actor in actors for form in (actor.name, *actor.mentions)}
    added: dict[str, Actor] = {}
    for before, after in zip(said, named, strict=True):
        if normalise(after.speaker) in have or after.speaker in added:
            continue
        words = re.sub(rf"(?i)^(?:{DETERMINER})\s+", "", before.speaker.strip())
        # One the gazetteer knows by its English name ("Ukrainian military intelligence") is its entry.
        known = gazetteer.actor_for(after.speaker)
        kind: ActorKind | None
        if known is not None and known.kind not in ("country", "person"):
            kind, state = known.kind, (known.country, gazetteer.country_name(known.country)) if known.country else None
        else:
            kind, state = _institution(words, frames, cues), _state(words, cues, gazetteer)
        start = article.find(words)
        if kind is None or state is None or start < 0:
            continue
        evidence = Evidence(quote=words, start=start, end=start + len(words), alignment="exact", score=1.0)
        added[after.speaker] = Actor(
            name=after.speaker, mentions=[words], kind=kind, country=state[1], country_code=state[0], evidence=evidence
        )
    return [*actors, *added.values()]


def _institution(words: str, frames: Frames, cues: Cues) -> ActorKind | None:
    """The kind of the one institution a description names ("embajada": government), or None
    for a group or a person ("fuentes", "portavoz")."""
    nouns = [frames.english[m.group(0).lower()] for m in frames.nouns.finditer(words)]
    if len(nouns) != 1:
        return None
    kind = next((k for k, listed in cues.institutions.items() if nouns[0] in listed), None)
    return "government" if kind == "government" else "agency" if kind == "agency" else None


def _state(words: str, cues: Cues, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """The state whose institution the words describe, by its adjective ("iraní") or its name
    ("de Irán", "Iran's"), not by where the institution is ("en Bagdad"): its code and name."""
    own = re.split(r"\s+(?:en|in)\s+", words)[0]
    for word in re.findall(r"[A-ZÁÉÍÓÚÑ][\w'’]*(?:\s+[A-ZÁÉÍÓÚÑ][\w'’]*)*|[^\W\d_]+", own):
        word = re.sub(r"['’]s$", "", word)
        country = cues.demonym_state(word.lower())
        known = gazetteer.actor_for(word) if word[:1].isupper() else None
        name = country or (known.name if known is not None and known.kind == "country" else word if word[:1].isupper() else None)
        if name is not None and (found := iso_country(name)) is not None:
            return found
    return None

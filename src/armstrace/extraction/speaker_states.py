"""Whose state a described speaker is, where its words do not say: the state the statement
opens with ("state media"), the capital the sentence opens in ("In Tehran, a Defence Ministry
spokesman"), the state a possessive points back to ("its state media"), and a body under the
gazetteer's name for it with its country's adjective ("North Korea foreign ministry")."""

from __future__ import annotations

import re

from ..knowledge.countries import iso_country
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer


def whose_state(speaker: str, clause: str, gazetteer: Gazetteer, cues: Cues) -> str:
    """"state media" with no country: a state's media speak of their own state, the one the
    statement opens with ("Chile has signed a contract …, state media reported": Chilean state
    media)."""
    if speaker != "state media":
        return speaker
    first = re.match(r"\W*((?:[A-Z][\w'’-]*\s*){1,3})", clause)
    known = gazetteer.actor_for(first.group(1).strip()) if first else None
    code = known.country if known is not None else ""
    adjective = cues.country_adjective(gazetteer.country_name(code)) if code else ""
    return f"{adjective} state media" if adjective else speaker


# "In Tehran, a Defence Ministry spokesman said …", "En Teherán, un portavoz …": where the sentence opens.
_OPENS_IN = re.compile(r"\W*(?:In|En|From|Desde)\s+([A-ZÁÉÍÓÚ][\w'’-]+(?:\s+[A-ZÁÉÍÓÚ][\w'’-]+)?)\s*,")


def in_capital(speaker: str, sentence: str, gazetteer: Gazetteer, cues: Cues, known_only: bool = False) -> str:
    """A body or an office described with no state, in a sentence that opens in a state's
    capital, is that state's ("In Tehran, a Defence Ministry spokesman": Iranian). With
    `known_only`, only as a body the gazetteer knows by that state ("In Moscow, the Defence
    Ministry said": the Russian Ministry of Defence); a name is not qualified otherwise."""
    opens = _OPENS_IN.match(sentence)
    place = gazetteer.actor_for(opens.group(1)) if opens is not None else None
    if place is None or place.kind != "country" or not speaker[:1].isupper():
        return speaker
    # a state's adjective, of one word or two ("South Korean"), or its name says whose it is already
    adjectives = {cues.country_adjective(c) for c in cues.demonyms} - {""}
    if any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", speaker) for a in adjectives) or any(iso_country(w) is not None for w in speaker.split()):
        return speaker
    # a body the gazetteer knows says whose it is ("NATO official", "State Department spokesman")
    if any(gazetteer.actor_for(m.group(0)) is not None for m in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", speaker)):
        return speaker
    adjective = cues.country_adjective(place.name)
    if known_only:
        return known.name if adjective and (known := gazetteer.actor_for(f"{adjective} {speaker}")) is not None else speaker
    return f"{adjective} {speaker}" if adjective else speaker


def possessor(speaker: str, written: str, sentence: str, gazetteer: Gazetteer, cues: Cues) -> str:
    """"North Korea did not respond, but its state media denied …": a described speaker after a
    possessive is the state's the sentence named last before it (North Korean state media)."""
    owned = re.search(rf"(?i)\b(?:its|su|sus)\s+{re.escape(written.strip())}", sentence)
    if owned is None or speaker.split()[0][:1].isupper():
        return speaker
    states = [k for m in re.finditer(r"[A-ZÁÉÍÓÚ][\w'’-]*(?:\s+(?:del\s+)?[A-ZÁÉÍÓÚ][\w'’-]*)*", sentence[: owned.start()])
              if (k := gazetteer.actor_for(m.group(0))) is not None and k.kind == "country"]  # fmt: skip
    adjective = cues.country_adjective(gazetteer.country_name(states[-1].country)) if states else ""
    return f"{adjective} {speaker}" if adjective else speaker


def adjectival(speaker: str, gazetteer: Gazetteer, cues: Cues) -> str:
    """A body of a country with the country's adjective, under the gazetteer's name where it knows
    the body: "North Korea foreign ministry" is the North Korean Ministry of Foreign Affairs,
    "Iran's embassy in London" the Iranian embassy in London."""
    for country in cues.demonyms:
        # A capital after the country may open another name ("Russia Today"), not after its
        # possessive ("Russia's Defence Ministry").
        m = re.match(rf"{re.escape(country)}(?:['’]s\s+|\s+(?=[a-z]))", speaker)
        if m is not None and (adjective := cues.country_adjective(country)):
            speaker = f"{adjective} {speaker[m.end() :]}"
            break
    known = gazetteer.actor_for(speaker)
    return known.name if known is not None else speaker

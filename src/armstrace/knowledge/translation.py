"""Spanish names and noun phrases in English, word by word from the cues' [translations] list.

A model asked for English names still copies an unknown body's Spanish name ("Consejo de
Seguridad", "Centro de investigación de Industrias de Aviación Fjord"), and so do the
speakers code reads off the text ("Ministerio de Defensa") and what a figure counts ("empresas
de adquisiciones"). Spanish puts the head first, each "de" adding what it is of; English puts
that in front of the head, so the phrase is translated from its end: "Consejo de Seguridad de
la ONU" is the UN Security Council, "Industrias de Aviación Fjord" Fjord Aviation Industries,
"obuses autopropulsados" self-propelled howitzers; what a body does goes between its adjectives
and its noun ("Agencia Federal de Transporte Aéreo": Federal Air Transport Agency). A phrase with
a word neither list knows is left as written: a half-translated phrase is worse than the
article's own. Only a place's name a Spanish "de" closes the name with is kept as written inside
the English ("Administración Militar Regional de Járkov": Járkov Regional Military
Administration), or in English where it is a region the cues know (Black Sea Fleet).
"""

from __future__ import annotations

import re

from .countries import iso_country
from .cues import Cues
from .gazetteer import Gazetteer

# A model asked for English sometimes stops halfway ("Portavoz del Ministerio de Defensa of
# Norway"), so an English "of" joins the parts as "de" does.
_OF = re.compile(r"\s+(?:de|del|of)\s+(?:(?:la|las|los|el|the)\s+)?", re.I)
_ARTICLE = re.compile(r"^(?:el|la|los|las)\s+", re.I)
_GLOSS = re.compile(r"\s+\(([A-Z][A-Za-z.-]{1,9})\)$")
_PLACE = re.compile(r"[A-ZÁÉÍÓÚ][\w'-]+(?:\s+[A-ZÁÉÍÓÚ][\w'-]+)?")


def english_phrase(phrase: str, cues: Cues, gazetteer: Gazetteer) -> str:
    """A Spanish noun phrase in English ("empresas de adquisiciones": procurement companies)
    where every word of it is known; else `phrase` as it is."""
    return _english(phrase.strip(), cues, gazetteer) or phrase


def english_name(name: str, cues: Cues, gazetteer: Gazetteer) -> str:
    """`name` in English where it opens with a capital and every word of it is an institution's
    word, an adjective or a name the gazetteer or ISO 3166 knows, or a proper name closing a part
    ("Aviación Fjord"); the gazetteer's actor an acronym in brackets after it names; else `name`
    as it is."""
    # An acronym in brackets after a name glosses it: the gazetteer's actor it names, or the name
    # in English without it ("Comando de Inteligencia de Defensa (KDIC)").
    if (gloss := _GLOSS.search(name)) is not None and (known := _known(gloss.group(1), gazetteer)) is not None:
        return known
    bare = _GLOSS.sub("", name)
    # Spanish writes an institution's name in capitals; "agencia de inteligencia" describes one.
    english = (_english(bare.strip(), cues, gazetteer) if bare[:1].isupper() else None) or name
    # A name in English already ("General Court of the European Union") is one whose words
    # translating only reorders: it stays as written.
    return name if _words(english) == _words(bare) else english


def _words(name: str) -> list[str]:
    return sorted(w for w in re.findall(r"\w+", name.lower()) if w not in ("de", "del", "la", "el", "los", "las", "of", "the"))


def _known(words: str, gazetteer: Gazetteer) -> str | None:
    known = gazetteer.actor_for(words)
    if known is not None:
        return known.name
    iso = iso_country(words)
    return iso[1] if iso is not None else None


def _english(name: str, cues: Cues, gazetteer: Gazetteer) -> str | None:
    name = _ARTICLE.sub("", name)
    if (known := _known(name, gazetteer)) is not None:
        return known
    *words, last = name.split() or [""]
    # A body named, then called by an acronym the gazetteer knows: "Agencia Estatal de Noticias KCNA" is KCNA.
    if words and last.isupper() and (known := _known(last, gazetteer)) is not None and _english(" ".join(words), cues, gazetteer):
        return known
    head, *rest = _OF.split(name, maxsplit=1)
    head_words = _head(head, cues, gazetteer)
    if head_words is None:
        return None
    english_head = " ".join(head_words)
    if not rest:
        return english_head
    if (portfolios := _portfolios(english_head, rest[0], cues, gazetteer)) is not None:
        return portfolios
    # "Administración Militar Regional de Járkov": a place no list knows closes a Spanish name as written.
    spanish = (link := _OF.search(name)) is not None and link.group(0).split()[0].lower() in ("de", "del")
    translated = _english(rest[0], cues, gazetteer)
    region = cues.regions.get(rest[0].lower())  # "Flota del Mar Negro": the Black Sea Fleet
    of = translated or region or (rest[0] if spanish and _PLACE.fullmatch(rest[0]) else None)
    # "Fiscalía Federal de Alemania": a country's body takes the country's adjective (German Federal Prosecutor's Office).
    country = iso_country(rest[0]) if of is not None else None
    of = (cues.country_adjective(country[1]) or of) if country is not None else of
    # "Agencia Federal de Transporte Aéreo": what the body does, in words the lists know, goes
    # between its adjectives and its noun (Federal Air Transport Agency); a place or a state first.
    whose = iso_country(_OF.split(rest[0])[-1]) or _known(_OF.split(rest[0])[-1], gazetteer)
    listed = all(_word(w, cues) or w.lower() in ("de", "del", "la", "el", "los", "las") for w in rest[0].split())
    if translated is not None and listed and country is None and whose is None and len(head_words) > 1:
        return " ".join([*head_words[:-1], translated, head_words[-1]])
    return f"{of} {english_head}" if of is not None else None


def _portfolios(english_head: str, of: str, cues: Cues, gazetteer: Gazetteer) -> str | None:
    """"Ministerio de Inversión, Comercio e Industria de Malasia": a body of coordinated
    portfolios keeps English's "of", its country's adjective before it (Malaysian Ministry of
    Investment, Trade and Industry); None if `of` coordinates nothing or a portfolio is unknown."""
    *whats, whose = _OF.split(of)
    country = iso_country(whose) if whats else None
    listed = " de ".join(whats) if country is not None else of
    parts = re.split(r"\s*,\s*|\s+(?:y|e|and)\s+", listed)
    if len(parts) < 2:
        return None
    english = [_english(p, cues, gazetteer) for p in parts]
    if not all(english):
        return None
    body = f"{english_head} of {', '.join(e for e in english[:-1] if e)} and {english[-1]}"
    adjective = cues.country_adjective(country[1]) if country is not None else ""
    return f"{adjective} {body}" if adjective else body


def _head(words: str, cues: Cues, gazetteer: Gazetteer) -> list[str] | None:
    """A part with no "de", in English words: an institution's word, its adjectives after it
    ("Agencia Estatal": State Agency), and a proper name closing it ("Aviación Fjord": Fjord
    Aviation); the institution's word last."""
    parts = words.split()
    # a head of two or three words is one ("Estado Mayor General": General Staff)
    whole = next((n for n in (3, 2) if len(parts) >= n and _word(" ".join(parts[:n]), cues) is not None), 1)
    parts = [" ".join(parts[:whole]), *parts[whole:]]
    if not parts or not _word(parts[0], cues):
        return None
    nouns = [_word(parts[0], cues)]
    proper: list[str] = []
    for n, word in enumerate(parts[1:], 1):
        english = _word(word, cues) or _demonym(word, cues)
        if english is not None and not proper:
            nouns.insert(0, english)  # an adjective goes before its noun
        elif n == len(parts) - 1 and word[:1].isupper():
            proper.append(_known(word, gazetteer) or word)
        else:
            return None
    return [*proper, *(w for w in nouns if w)]


def _word(word: str, cues: Cues) -> str | None:
    return cues.translations.get(word.lower())


def _demonym(word: str, cues: Cues) -> str | None:
    """A country's adjective in English ("rusa": Russian), from the cues' described adjectives."""
    english = cues.described_adjectives.get(word.lower())
    return english if english is not None and english[:1].isupper() else None

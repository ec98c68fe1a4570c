"""A speaker under the name the article's actors give it, and in English where the article
describes rather than names it ("funcionarios británicos" are British officials)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from ..base.schema import Actor, Claim
from ..knowledge.countries import iso_country
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer
from ..knowledge.people import family_name
from ..knowledge.translation import english_name, english_phrase
from ..text.fold import normalise
from .descriptions import POSTED, SERVING_IN
from .frames import AND, DETERMINER, Frames, any_of
from .speaker_states import adjectival, in_capital, possessor, whose_state

# What a government may be besides its state's: "militar", "interim", "de transición".
_INTERIM = r"(?:militar|interino|interina|provisional|de\s+facto|military|interim|transitional|ruling)"


def canonical_speakers(claims: Sequence[Claim], actors: Sequence[Actor], gazetteer: Gazetteer, cues: Cues) -> list[Claim]:
    """Each speaker under the canonical name of the article's actor it names ("Peskov" is Dmitry Peskov).

    A speaker that names two actors ("Rusia y Corea del Norte") names both; one no actor of
    the article has as a mention is looked up in the gazetteer and ISO 3166; a description is
    written in English ("funcionarios británicos" are British officials); any other is kept as
    it is written.
    """
    frames = Frames.of(cues)
    by_mention: dict[str, str] = {}
    country_of: dict[str, str] = {}  # a person's name -> the country the article gives them
    # A body's mention with the adjective after it ("Ministerio de Defensa iraní"), by the words
    # before the adjective, which a speaker's name may stop at.
    qualified: dict[str, set[str]] = {}
    demonym_of = {form: country for country, forms in cues.demonyms.items() for form in forms}
    for actor in actors:
        for form in (actor.name, *actor.mentions):
            by_mention.setdefault(normalise(form), actor.name)
            *head, last = form.split() or [""]
            if head and last.islower():
                qualified.setdefault(normalise(" ".join(head)), set()).add(actor.name)
        if actor.kind == "person" and actor.country:
            country_of[actor.name] = actor.country
    kind_of = {actor.name: actor.kind for actor in actors}

    def canonical(name: str) -> str:
        # "el Gobierno de Japón", "el Gobierno iraquí", "the Japan government", "el régimen de Kim":
        # a state's government, or its leader's regime, speaks as the state (docs/annotation.md).
        # So does its junta, military or interim ("el Gobierno militar de Níger", "Niger's junta").
        government = re.fullmatch(
            rf"(?i)(?:el\s+|la\s+|the\s+)?(?:(?:gobierno|régimen|junta)(?:\s+{_INTERIM})?\s+(?:(?:de|del)\s+)?(.+)"
            rf"|(.+?)(?:['’]s)?\s+(?:{_INTERIM}\s+)?(?:government|regime|junta))",
            name.strip(),
        )
        if government is not None:
            head = next(g for g in government.groups() if g)
            person = by_mention.get(normalise(head), "")
            # "Gobierno de transición maliense": the state of the adjective that closes it
            state = iso_country(country_of.get(person) or demonym_of.get(head.lower()) or demonym_of.get(head.split()[-1].lower()) or head)
            if state is not None:
                return state[1]
        # "the official IRNA news agency": the outlet the article names.
        outlet = re.fullmatch(r"(?i)(?:the\s+)?(?:official\s+|state\s+)?(.+?)\s+(?:news\s+agency|agency|newspaper|daily|broadcaster)", name.strip())
        if outlet is not None and (normalise(outlet.group(1)) in by_mention or gazetteer.actor_for(outlet.group(1)) is not None):
            name = outlet.group(1)
        # "researchers at SentinelOne", "analistas del Instituto X": the body's staff, described as
        # "Kremlin spokesman" is (docs/annotation.md); "expertos de Rusia" are Russian experts.
        staff = _STAFF.fullmatch(name.strip())
        if staff is not None and (body := _non_state(staff.group(2), by_mention, kind_of, gazetteer)) is not None:
            return f"{body} {_STAFF_NOUNS[staff.group(1).lower()]}"
        if (known := by_mention.get(normalise(name))) is not None:
            return known
        # "Ri dijo", after "Ri Il Gyu": one person of the article, called by the family name
        called = {a.name for a in actors if a.kind == "person" and family_name(a.name, cues) == name.strip()}
        if len(called) == 1:
            return called.pop()
        # "Ukraine's National Resistance Center", "the Atesh partisan movement": an actor of the
        # article after its state's possessive, or before the kind of group it is
        if (named := _actor_within(name, by_mention, gazetteer)) is not None and kind_of.get(named) != "person":
            return named
        if len(bodies := qualified.get(normalise(name), set())) == 1:
            return next(iter(bodies))
        if (entry := gazetteer.actor_for(name)) is not None:
            return entry.name
        if (owned := _possessed(name, gazetteer, cues)) is not None:
            return owned
        iso = iso_country(name)
        return iso[1] if iso is not None else name

    def short(body: str) -> str:
        # An office's body in English: "portavoz del Ministerio de Defensa de Chile" is the Chilean Defence Ministry's spokesman.
        return _short_form((english_name if body[:1].isupper() else english_phrase)(body, cues, gazetteer), gazetteer)

    people = {normalise(form): a.name for a in actors if a.kind == "person" for form in (a.name, *a.mentions) if " " in form.strip()}
    named = []
    for claim in claims:
        woman = re.match(r"(?i)(?:la|una)\s", claim.speaker.strip()) is not None or re.search(rf"(?i)\b(?:la|una)\s+{re.escape(claim.speaker.strip())}", claim.evidence.quote) is not None  # "la portavoz", "una portavoz": a spokeswoman
        claim = _without_opener(claim, cues)
        if (person := _titled_person(claim.speaker, people)) is not None:
            named.append(claim.model_copy(update={"speaker": person}))
            continue
        known = canonical(claim.speaker) != claim.speaker
        if not known and (english := _in_english(claim.speaker, frames, canonical, woman, short)) is not None:
            english = in_capital(whose_state(english, claim.clause, gazetteer, cues), claim.evidence.quote, gazetteer, cues)
            english = adjectival(possessor(english, claim.speaker, claim.evidence.quote, gazetteer, cues), gazetteer, cues)
            named.append(claim.model_copy(update={"speaker": english}))
            continue
        parts = _listed(claim.speaker) if normalise(claim.speaker) not in by_mention else [claim.speaker]
        # "Rusia y Corea del Norte" names two actors; "Ministry of Transport and Infrastructure" one.
        listed = all(p.strip() and (normalise(p) in by_mention or canonical(p) != p or iso_country(p) is not None) for p in parts)
        speaker = _joined([canonical(p) for p in parts]) if listed else canonical(claim.speaker)
        # A body no list names, in Spanish ("Comité del Consejo de Seguridad"): its English name.
        # An actor's own name ("India") is no word of another's ("Ministerio … de la India").
        if speaker == claim.speaker:
            whole = None if normalise(speaker) in by_mention else _named_in_full(speaker, actors)
            speaker = whole or english_name(speaker, cues, gazetteer)
        speaker = in_capital(speaker, claim.evidence.quote, gazetteer, cues, known_only=True)
        named.append(claim if speaker == claim.speaker else claim.model_copy(update={"speaker": speaker}))
    return named


# A body's staff, by what they do there, in English: "researchers at …", "analistas del …".
_STAFF_NOUNS = {
    "researchers": "researchers", "analysts": "analysts", "investigators": "investigators", "experts": "experts",
    "specialists": "specialists", "scientists": "scientists", "investigadores": "researchers", "investigadoras": "researchers",
    "analistas": "analysts", "expertos": "experts", "expertas": "experts", "especialistas": "specialists",
    "científicos": "scientists", "científicas": "scientists",
}
_STAFF = re.compile(
    rf"(?i)(?:the\s+|los\s+|las\s+)?({'|'.join(sorted(_STAFF_NOUNS, key=len, reverse=True))})"
    r"\s+(?:at|from|with|of|de|del)\s+(?:the\s+|la\s+|el\s+|los\s+|las\s+)?(.+)"
)


def _non_state(name: str, by_mention: Mapping[str, str], kind_of: Mapping[str, str], gazetteer: Gazetteer) -> str | None:
    """The article's or the gazetteer's actor `name` names, unless it is a country."""
    if (known := by_mention.get(normalise(name))) is not None:
        return known if kind_of.get(known) != "country" else None
    entry = gazetteer.actor_for(name)
    return entry.name if entry is not None and entry.kind != "country" else None


_KIND_AFTER = re.compile(r"(?:\s+(?:partisan|resistance|volunteer|hacker|militant))*\s+(?:movement|group|network|collective)$")


def _actor_within(name: str, by_mention: Mapping[str, str], gazetteer: Gazetteer) -> str | None:
    """The article's actor `name` holds past a state's possessive or before the kind of group it
    is; None if it holds neither or names no actor so."""
    possessive = re.match(r"(.+?)['’]s\s+(?=[A-Z])", name.strip())
    state = possessive is not None and _state(possessive.group(1), gazetteer) is not None
    bare = _KIND_AFTER.sub("", name.strip()[possessive.end() :] if possessive is not None and state else name.strip())
    return by_mention.get(normalise(bare)) if bare != name.strip() else None


def _titled_person(speaker: str, people: dict[str, str]) -> str | None:
    """"Government spokesman Thierry Koyassoum", "el portavoz militar Amadou Abdramane": a role
    that closes with the full name of a person of the article is that person; "the son of …"
    is someone else."""
    folded = normalise(speaker)
    for form, person in people.items():
        head = folded.removesuffix(f" {form}")
        if head != folded and not re.search(r"(?:^|\s)(?:de|del|of|the|la|el|los|las)$", head.rstrip(" ,")):
            return person
    return None


def _state(owner: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """The state a possessive's owner is, as (code, name): by ISO 3166, or the gazetteer's country
    ("Russia's": a state ISO 3166 names otherwise, "Russian Federation"); None for any other owner."""
    if (iso := iso_country(owner)) is not None:
        return iso
    known = gazetteer.actor_for(owner)
    return (known.country, known.name) if known is not None and known.kind == "country" else None


def _possessed(name: str, gazetteer: Gazetteer, cues: Cues) -> str | None:
    """"Ukraine's Security Service": a state's body the gazetteer knows as "Security Service of
    Ukraine" or "Ukrainian Security Service"; else a role in lower case with the state's adjective,
    as English writes one no name was given for ("Iran's foreign minister": Iranian foreign
    minister); None for anything else."""
    possessive = re.fullmatch(r"(.+?)['’]s\s+(\w.*)", name.strip())
    state = _state(possessive.group(1), gazetteer) if possessive is not None else None
    if possessive is None or state is None:
        return None
    adjective = cues.country_adjective(state[1])
    # A generic noun may close the body's name: "military intelligence agency" is its intelligence.
    bodies = (possessive.group(2), re.sub(r"\s+(?:agency|service)$", "", possessive.group(2)))
    forms = [form for b in bodies for form in (f"{b} of {state[1]}", f"{adjective} {b}")]
    known = next((entry.name for form in forms if (entry := gazetteer.actor_for(form)) is not None), None)
    role = re.fullmatch(r"[a-z][\w\s-]*", possessive.group(2)) is not None and bool(adjective)
    return known or (f"{adjective} {possessive.group(2)}" if role else None)


# Words only a Spanish description has: "jefe de la inteligencia".
_SPANISH = re.compile(r"(?i)\b(?:de|del|la|las|el|los|y)\b|[áéíóúñ]")


def _named_in_full(speaker: str, actors: Sequence[Actor]) -> str | None:
    """"el Tesoro", after "el Departamento del Tesoro de Estados Unidos": a body called by a word of
    the full name the article gave it, when one body's name holds that word (not a person's,
    whose surname is resolved as a name, nor a country's)."""
    words = speaker.split()
    if not 0 < len(words) <= 2 or not speaker[:1].isupper():
        return None
    run = re.compile(rf"(?<!\w){re.escape(normalise(speaker))}(?!\w)")
    holders = {a.name for a in actors if a.kind not in ("person", "country", "not_an_actor")
               and any(run.search(normalise(form)) and normalise(form) != normalise(speaker) for form in (a.name, *a.mentions))}  # fmt: skip
    return holders.pop() if len(holders) == 1 else None


def _listed(speaker: str) -> list[str]:
    """The names a list of speakers gives ("Noruega, Perú y Chile"): commas
    separate names only in a list that ends with "y"/"and"."""
    parts = re.split(AND, speaker)
    return [*re.split(r",\s*", parts[0]), *parts[1:]] if len(parts) == 2 else parts


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _without_opener(claim: Claim, cues: Cues) -> Claim:
    """A described speaker without the word that opened its sentence: "Many observers" are
    observers, "Algunos analistas" analysts; "The Wall Street Journal" keeps its article."""
    words = claim.speaker.split()
    if len(words) > 1 and words[0] in cues.stopwords and words[1][:1].islower():
        return claim.model_copy(update={"speaker": " ".join([words[1][:1].upper() + words[1][1:], *words[2:]])})
    return claim


def _place(place: str, frames: Frames) -> str:
    """A city or a country in English: a body posted in London is not posted in the United Kingdom."""
    iso = iso_country(place)
    return frames.cities.get(place.lower()) or (iso[1] if iso is not None else place)


_ADJECTIVE_ORDER = {"senior": 0, "military": 2, "state": 2, "local": 2}


_SPOKES = frozenset(("spokesman", "spokeswoman", "spokesperson"))


def _short_form(body: str, gazetteer: Gazetteer) -> str:
    """A known body's shortest English name that opens as its canonical one does, for the office
    held in it: "Russian Foreign Ministry" (spokeswoman) for the Russian Ministry of Foreign Affairs."""
    entry = gazetteer.actor_for(body)
    if entry is None or entry.name != body:
        return body
    opener = body.split()[0]
    english = [a for a in entry.aliases if a.split()[0] == opener and len(a) < len(body)]
    return min(english, key=len, default=body)


# The bodies a chain of offices belongs to, by their first word.
_OUTER_BODIES = frozenset(("ministerio", "embajada"))

_HOUSES = ("Parliament", "Congress", "Assembly", "National Assembly", "Senate", "Duma", "State Duma", "Majlis")


def _body_in_english(body: str, frames: Frames, canonical: Callable[[str], str], short: Callable[[str], str]) -> str | None:
    """The English name of the body a described person belongs to: an actor's or a known body's
    name, else the longest part of its chain of "de" that can be written in English, from the
    chain's end ("el Departamento General de Política del Ministerio de Defensa de Chile": Chilean
    Defence Ministry, "Política" having no English here); None if no part can."""
    if (named := canonical(body)) != body:
        return named
    parts = re.split(r"\s+(?=(?:de|del|de la|de los|de las)\s+[A-ZÁÉÍÓÚ])", body)
    # A ministry or an embassy a chain of offices ends with is the body they belong to ("la Dirección
    # de Compras del Ministerio de Defensa chileno": the Chilean Defence Ministry).
    outer = [n for n in range(1, len(parts)) if re.sub(r"^(?:de|del|de la|de los|de las)\s+", "", parts[n]).split()[0].lower() in _OUTER_BODIES]
    for n in [*outer[-1:], *range(len(parts))]:
        tail = re.sub(r"^(?:de|del|de la|de los|de las)\s+", "", " ".join(parts[n:]))
        # "del ministerio noruego": a body's word in lower case is its name all the same (a described
        # body's, "inteligencia francesa", is written as descriptions are)
        if frames.nouns.match(tail):
            continue
        tail = tail[:1].upper() + tail[1:]
        if (english := short(tail)) != tail and not re.search(r"[áéíóúñ]|\b(?:de|del)\b", english):
            return english
    return None


def _in_english(
    speaker: str, frames: Frames, canonical: Callable[[str], str], woman: bool = False, short: Callable[[str], str] = str
) -> str | None:
    """A described speaker in English, the name it takes in first: "agencias de inteligencia
    chilenas y peruanas" are Chilean and Peruvian intelligence agencies, "la
    administración Biden" the Joe Biden administration. None if `speaker` is no description."""
    speaker = re.sub(rf"^(?:{DETERMINER})\s+", "", speaker.strip(), flags=re.I)  # "la embajada rusa"
    # "el ministro peruano de Economía": the state's adjective may come before the portfolio
    office = re.fullmatch(rf"({any_of(list(frames.office_names))})(?:\s+({frames.adjectives.pattern}))?\s+(?:de|del|de la|de los|of|of the)\s+(.+)", speaker, re.I)
    if office is not None:  # "vocero del Kremlin": Kremlin spokesman; "la portavoz del Ministerio …": its spokeswoman
        title = frames.office_names[office.group(1).lower()]
        # "portavoz de la embajada rusa en Lima": the Russian embassy's spokesman, wherever it is posted
        served = re.search(rf"\s+{SERVING_IN}\s+([A-ZÁÉÍÓÚ][^,;:]*)$", office.group(3))
        body = office.group(3)[: served.start()] if served else office.group(3)
        # "portavoz de la Agencia …": "de" takes the article when "de la" could ("del" holds it)
        body = re.sub(rf"^(?:{DETERMINER})\s+", "", body, flags=re.I)
        body = f"{body} {office.group(2)}" if office.group(2) else body
        named = canonical(body)
        named = (_in_english(body, frames, canonical) or named) if named == body else named
        # "ministro de Relaciones Exteriores iraní": a minister's portfolio is the name of a ministry
        ministry = short(canonical(f"Ministerio de {body}")) if title == "minister" and named == body else ""
        named = ministry.removesuffix(" Ministry") if ministry.endswith(" Ministry") else named
        # "el embajador de Irán en Georgia": an ambassador is posted to the state he serves in
        host = iso_country(served.group(1)) if served and title == "ambassador" else None
        return f"{short(named)} {'spokeswoman' if woman and title == 'spokesman' else title}{f' to {host[1]}' if host else ''}"
    # "fuentes de la inteligencia militar de Ucrania": the body the noun belongs to, in English first.
    of = re.fullmatch(rf"({frames.nouns.pattern})\s+(?:de|del|of)\s+(?:(?:la|las|los|el|the)\s+)?(.+)", speaker, re.I)
    if of is not None and of.group(1).lower() in frames.english and (whose := _body_in_english(of.group(2), frames, canonical, short)) and iso_country(whose) is None:
        noun = frames.english[of.group(1).lower()]
        # "un diputado del Parlamento iraní": a lawmaker of a state's house is the state's lawmaker
        house = re.fullmatch(rf"(.+?)\s+(?:{'|'.join(_HOUSES)})", whose) if noun.startswith("lawmaker") else None
        return f"{house.group(1) if house else whose} {noun}"
    # "la embajada de Chile en Oslo": where the body is placed closes it in English too.
    placed = re.search(rf"\s+{SERVING_IN}\s+([A-ZÁÉÍÓÚ][^,;:]*)$", speaker)
    place = f" in {_place(placed.group(1).strip(), frames)}" if placed else ""
    speaker = speaker[: placed.start()] if placed else speaker
    m = frames.described.search(speaker)
    # "National Intelligence Service", "Administración Militar Regional de Járkov": capitals run on, a name's words
    if m is not None and m.group(0)[:1].isupper() and (re.match(r"\s+[A-Z]", speaker[m.end() :]) or re.fullmatch(r"(?:\s*[A-ZÁÉÍÓÚ]\S*){2,}", m.group(0))):
        return None
    if m is None or m.group(0) == speaker.strip() and speaker.strip() in frames.english.values():
        return None if m is None else speaker.strip()
    # "defence intelligence chief": a head noun after the description, in English already.
    if re.match(r"\s+(?!(?:of|at|for|to|in)\b)[a-z]+(?:\s|$)", speaker[m.end() :]) and not _SPANISH.search(speaker):
        return speaker.strip()
    # "Norway's mission to the UN": where the body is posted follows it in English too, and
    # names the body without the city it sits in.
    posted = re.fullmatch(rf"\s+(?:{POSTED})\s+(?:the\s+)?(.+)", speaker[m.end() :], re.I)
    where = f" to the {canonical(posted.group(1).strip())}" if posted else ""
    # "la misión de Corea del Norte ante la ONU": the state's body, posted to the organisation.
    owned = re.fullmatch(rf"\s+(?:de|del|of)\s+(.+?)\s+(?:{POSTED})\s+(?:the\s+)?(.+)", speaker[m.end() :], re.I)
    if owned is not None and iso_country(state := canonical(owned.group(1).strip())) is not None:
        return f"{state} {frames.english.get(m.group(0).lower(), m.group(0).lower())} to the {canonical(owned.group(2).strip())}"
    place = "" if posted else place
    # "Diplomats at the UN", "a spokesperson for the Foreign Ministry": so in English too.
    if (serving := re.fullmatch(r"\s+(at|for|in)\s+(the\s+)?(.+)", speaker[m.end() :], re.I)) is not None:
        # "a spokesman for the North Korean defence ministry": the body's spokesman, as "vocero del Kremlin" is
        if serving.group(1).lower() == "for" and m.group(0).lower() in _SPOKES:
            return f"{short(canonical(serving.group(3).strip()))} {m.group(0).lower()}"
        posted, where = serving, f" {serving.group(1).lower()} {'the ' if serving.group(2) else ''}{canonical(serving.group(3).strip())}"
    rest = (speaker[: m.start()] + " " + ("" if posted else speaker[m.end() :])).strip()
    complement = re.match(r"(?:de|del|de la|de los|de las|of|of the)\s+", rest, re.I)
    name = re.sub(r"['’]s$", "", rest[complement.end() :] if complement else rest).strip()
    if rest and not name:
        return None
    # "agencia de inteligencia de Chile": the complement is a country's, in English;
    # "administración Biden", "Kremlin officials": a name next to the noun stays as written.
    # "fuentes del Gobierno de Noruega": a complement that is a description itself is written in English too.
    name = (_in_english(name, frames, canonical) or canonical(name)) if complement else name
    described = m.group(0)
    # English puts a people's adjective before what kind of body it is: "Peruvian military
    # intelligence", "Russian state media", "senior US officials".
    nouns = list(frames.nouns.finditer(described))
    # An adjective a noun's words hold is the noun's ("prensa estatal": state media).
    said = [a for a in frames.adjectives.finditer(described) if not any(n.start() <= a.start() < n.end() for n in nouns)]
    adjectives = sorted((frames.english[a.group(0).lower()] for a in said), key=lambda a: _ADJECTIVE_ORDER.get(a, 1))
    noun = " ".join(frames.english[n.group(0).lower()] for n in nouns)
    # "alto cargo" is a senior official: "senior" goes before a state's adjective, as English orders them
    if noun.startswith("senior "):
        adjectives, noun = ["senior", *adjectives], noun.removeprefix("senior ")
    joined = (" and " if re.search(AND, described) else " ").join(adjectives)
    return " ".join(w for w in (name, joined, noun) if w) + where + place

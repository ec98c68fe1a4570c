"""What the words around a transfer's materiel say about its sides, whatever the model read.

Four marks are read, in the materiel's own sentence: a country's adjective on it ("drones
iraníes", "North Korean missiles": made or sent by that country), a preposition that names a
party right after it ("proyectiles a Rusia", "troops to Russia": the recipient; "drones de Irán",
"from Iran": the supplier), the subject of the transfer verb before it ("Iran has shipped
shells": the supplier; "Rusia compró drones": the recipient; turned round by "in exchange for"
between them), and "between" two parties ("la venta de armas entre Noruega y Chile": no way
round).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..base.schema import Weapon
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer, name_key
from ..text.fold import alternation, normalise
from ..text.language import is_english
from .ground import name_forms

# How far after the materiel's words "between" may name the parties: "weapons sales between
# Norway and Chile".
_REACH = 60
# How many words may stand between the materiel's words and a preposition that names a party:
# "4.000 soldados más a Chile"; farther ("tropas para reforzar la frontera de Chile") it belongs
# to another word.
_MARK_WORDS = 2


def _around(weapon: Weapon) -> tuple[str, str] | None:
    """The sentence before and after the materiel's words, or None if they are not found in it."""
    sentence, words = weapon.evidence.quote, weapon.description
    at = sentence.find(words) if words else -1
    return None if at < 0 else (sentence[:at], sentence[at + len(words) :])


def _forms(party: str, gazetteer: Gazetteer) -> str:
    return "|".join(re.escape(f) for f in name_forms(party, gazetteer)[0])


def _words(terms: tuple[str, ...]) -> str:
    return alternation(terms, name_key)


@lru_cache(maxsize=8)
def _adjectives(demonyms: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    country = {normalise(word): name for name, words in demonyms for word in words}
    words = alternation(country)
    # English puts the adjective before the noun, perhaps with one word between ("Iranian attack
    # drones", "Iranian-made drones"); Spanish after it, perhaps after "de fabricación".
    before = re.compile(rf"(?<!\w)({words})(?:-made|-built|-produced)?\s+(?:\S+\s+)?$")
    after = re.compile(rf"^\s*(?:\S+\s+)?(?:de\s+(?:fabricacion|produccion|origen|diseno)\s+)?({words})(?!\w)")
    return before, after, country


def made_by(weapon: Weapon, demonyms: Mapping[str, tuple[str, ...]]) -> str | None:
    """The country whose adjective the materiel's words carry ("drones iraníes"), or None."""
    around = _around(weapon)
    if around is None:
        return None
    before, after = around
    before_words, after_words, country = _adjectives(tuple(demonyms.items()))
    # A Spanish adjective before the words is another noun's ("el ejército ruso utilice drones iraníes").
    ahead = before_words.search(normalise(before) + " ") if is_english(weapon.evidence.quote) else None
    found = ahead or after_words.search(normalise(after))
    return country[found.group(1)] if found else None


def sent_by_words(weapon: Weapon, flow: tuple[str, str], cues: Cues, gazetteer: Gazetteer) -> str | None:
    """The flow's party the words right after the materiel make its supplier, or None.

    "a Rusia" and "to Russia" name the recipient, so the other party supplies; "de Irán" and "from
    Iran" name the supplier. A receiving verb turns "a" round ("compra proyectiles a Corea del
    Norte"), so with one in the sentence only "from" is read.
    """
    around = _around(weapon)
    if around is None:
        return None
    folded = name_key(around[1][:_REACH])
    receiving = re.search(rf"(?<!\w)(?:{_words(cues.receiving)})(?!\w)", name_key(weapon.evidence.quote))
    marks = [("from", cues.source)] + ([] if receiving else [("to", cues.recipient)])
    found = []
    for way, words in marks:
        for supplier, recipient in (flow, flow[::-1]):
            named = supplier if way == "from" else recipient
            hit = re.match(
                rf"(?:\s*[^\s,;:]+){{0,{_MARK_WORDS}}}?\s*(?<!\w)(?:{_words(words)})\s+(?:(?:{_words(cues.articles)})\s+)?"
                rf"(?:{_forms(named, gazetteer)})(?!\w)",
                folded,
            )
            if hit:
                found.append((hit.end(), supplier))
    return min(found)[1] if found else None


# How many words may stand between a party and its transfer verb: "North Korea for sending",
# "Noruega está vendiendo".
_SUBJECT_WORDS = 3


def _subject(weapon: Weapon, parties: Sequence[str], verbs: str, gazetteer: Gazetteer, adjectives: Mapping[str, tuple[str, ...]] | None = None) -> tuple[str, str, re.Match[str]] | None:
    """The party among `parties` standing right before one of `verbs` before the materiel (the last
    such pair), the folded words before the materiel, and the match; None if there is none. With
    `adjectives`, a party's adjective stands for it ("el ejército ruso utilice")."""
    around = _around(weapon)
    if around is None or not parties:
        return None
    before = name_key(around[0])
    names = [(p, "|".join(filter(None, (_forms(p, gazetteer), _words(adjectives.get(p, ())) if adjectives else "")))) for p in parties]
    alternatives = "|".join(f"(?P<p{n}>{forms})" for n, (_, forms) in enumerate(names) if forms)
    verb = re.compile(rf"(?:\s+\S+){{0,{_SUBJECT_WORDS}}}?\s+(?P<verb>{verbs})(?!\w)")
    # Each name tried in turn, so that the nearest one to a verb is its subject ("South Korea (AP)
    # — Russia has supplied": Russia), which one leftmost match would miss.
    found = [(m, v) for m in re.finditer(rf"(?<!\w)(?:{alternatives})(?!\w)", before) if (v := verb.match(before, m.end()))]
    if not found:
        return None
    party, last = found[-1]
    return next(p for n, (p, _) in enumerate(names) if party.group(f"p{n}")), before, last


def used_by(weapon: Weapon, countries: Sequence[str], cues: Cues, gazetteer: Gazetteer) -> str | None:
    """The country among `countries` that a verb of use before the materiel has as its subject
    ("Rusia lanzó 28 drones iraníes", "el ejército ruso utilice drones"), or None: the materiel's
    user, which received it, where a model may take the country it was used against."""
    found = _subject(weapon, countries, _words(cues.using), gazetteer, cues.demonyms)
    return found[0] if found else None


def transfer_subject(weapon: Weapon, parties: Sequence[str], cues: Cues, gazetteer: Gazetteer, reach: int | None = None) -> tuple[str, bool] | None:
    """The party among `parties` that the transfer verb before the materiel has as its subject, and
    whether it supplies; None if no such verb has one.

    The party is the verb's subject when it stands right before it; the last such pair before
    the materiel counts. A receiving verb makes its subject the recipient, and "a cambio de" or
    "in exchange for" between the verb and the materiel turns the way round ("a cambio" alone,
    "in return", does not). With `reach`, the verb stands at most that many words before the materiel.
    """
    found = _subject(weapon, parties, _words(cues.transfer), gazetteer)
    if found is None:
        return None
    subject, before, last = found
    if reach is not None and len(before[last.end() :].split()) > reach:
        return None
    receives = re.fullmatch(_words(cues.receiving), last.group("verb")) is not None
    # "a cambio de misiles" names what comes back; "entregó a cambio sistemas" ("in return") what is sent.
    taking = tuple(w for w in cues.exchange if w.endswith((" de", " for")))
    exchanged = bool(taking) and re.search(rf"(?<!\w)(?:{_words(taking)})(?!\w)", before[last.end() :]) is not None
    return subject, receives == exchanged


def sent_by_subject(weapon: Weapon, flow: tuple[str, str], cues: Cues, gazetteer: Gazetteer) -> str | None:
    """The flow's party that the transfer verb before the materiel makes its supplier, or None
    (`transfer_subject`)."""
    found = transfer_subject(weapon, flow, cues, gazetteer)
    if found is None:
        return None
    subject, supplies = found
    return subject if supplies else (flow[1] if subject == flow[0] else flow[0])


def traded_back(weapon: Weapon, cues: Cues) -> bool:
    """Whether the materiel's words are what goes back in exchange: "tecnología naval a cambio",
    "technology in return"."""
    around = _around(weapon)
    mark = rf"(?:\s*[^\s,;:]+){{0,{_MARK_WORDS}}}?\s*(?<!\w)(?:{_words(cues.exchange)})(?!\w)"
    return around is not None and re.match(mark, name_key(around[1])) is not None


# How many words may stand between a word of [joint] and the materiel's: "conjunta de drones",
# "joint drone".
_JOINT_REACH = 2


def between(weapon: Weapon, flow: tuple[str, str], cues: Cues, gazetteer: Gazetteer) -> bool:
    """Whether the materiel's words go between the flow's two parties, or are theirs jointly: no way round."""
    around = _around(weapon)
    if around is None:
        return False
    before, after = around
    # "una línea de producción conjunta de drones": made together, by neither for the other.
    if re.search(rf"(?<!\w)(?:{_words(cues.joint)})(?:\s+\S+){{0,{_JOINT_REACH}}}\s*$", name_key(before)):
        return True
    a, b = (_forms(p, gazetteer) for p in flow)
    # "the Norway-Chile missile deal": the two names side by side right before the words.
    if re.search(rf"(?<!\w)(?:(?:{a})\s+(?:{b})|(?:{b})\s+(?:{a}))\s+$", name_key(before) + " "):
        return True
    after = name_key(after[:_REACH])
    said = re.search(rf"(?<!\w)(?:{_words(cues.between)})(?!\w)", after)
    named = (re.search(rf"(?<!\w)(?:{forms})(?!\w)", after[said.end() :]) for forms in (a, b)) if said else ()
    return said is not None and all(named)

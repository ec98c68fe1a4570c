"""Who supplies and who receives, settled over the whole article rather than sentence by sentence.

An article about arms cooperation follows one flow (Iran to Russia, North Korea to Russia) and
sometimes its return (Russian technology for North Korea). Sentence by sentence, a small model
fills a side with whatever else the sentence names: the official who reports the shipment, the
city the missiles strike, the outlet that published it, the shipping company that carried it.
Read across the article, its labels agree on the flow far more often than not. So the pair of
parties the article's labels name most often is its flow; a transfer labelled with that pair or
its reverse keeps its label, and any other transfer (a side empty, or a party outside the flow)
is given the flow, which is what the article's own account says of it. A label whose two
parties are both outside the flow states some other movement (a third country's troops), which
is no transfer of the article's.

Before the flow is read, a side that is not a party at all is emptied: a person (the official
who reports the shipment), a news outlet, or a name that is no actor the article or the
gazetteer knows (a city, a factory); the subject of a transfer verb a few words before the
materiel gives its side ("Corea del Norte ha enviado a Rusia contenedores", whatever the model
read); and a country the sentence says uses the materiel ("Rusia lanzó drones iraníes contra
Kiev") is its recipient, where a model takes the country attacked. The other marks (a farther
verb's subject, the materiel's adjective) only turn a transfer of the flow round: given before
the flow is read, one wrong side turns the whole article's flow.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..base.schema import Actor, ActorKind, ArticleExtraction, Weapon
from ..knowledge.countries import iso_country
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer
from .sides import between, made_by, sent_by_subject, sent_by_words, traded_back, transfer_subject, used_by

# States, their governments and agencies, companies and international bodies, armed groups.
PARTY_KINDS: frozenset[ActorKind] = frozenset({"country", "government", "agency", "organisation", "armed_group"})


def party_kind(name: str, actors: Sequence[Actor], gazetteer: Gazetteer) -> ActorKind | None:
    """The kind of actor `name` is, by the gazetteer, ISO 3166 or the article's actors; None if none."""
    if (known := gazetteer.actor_for(name)) is not None:
        return known.kind
    if iso_country(name) is not None:
        return "country"
    return next((a.kind for a in actors if a.name == name), None)


def party_kinds(extractions: Iterable[ArticleExtraction], gazetteer: Gazetteer) -> dict[str, int]:
    """How many transfer parties the extractions name, by actor kind ("unknown": no actor known)."""
    kinds = Counter(
        party_kind(name, x.actors, gazetteer) or "unknown"
        for x in extractions for w in x.weapons for name in (w.supplier, w.recipient) if name
    )  # fmt: skip
    return dict(sorted(kinds.items()))


def _parties_only(weapon: Weapon, actors: Sequence[Actor], gazetteer: Gazetteer) -> Weapon:
    sides = {
        role: name if name and party_kind(name, actors, gazetteer) in PARTY_KINDS else ""
        for role, name in (("supplier", weapon.supplier), ("recipient", weapon.recipient))
    }
    return weapon.model_copy(update=sides) if sides != {"supplier": weapon.supplier, "recipient": weapon.recipient} else weapon


def article_flow(weapons: Sequence[Weapon]) -> tuple[str, str] | None:
    """The (supplier, recipient) pair the article's transfers name most often, or None.

    Pairs are counted regardless of direction, so that a flow and its return add up; the
    direction is the one most of them name. Ties go to the pair named first.
    """
    complete = [(w.supplier, w.recipient) for w in weapons if w.supplier and w.recipient and w.supplier != w.recipient]
    if not complete:
        return None
    unordered = Counter(frozenset(pair) for pair in complete)
    best = max(unordered.values())
    parties = next(frozenset(p) for p in complete if unordered[frozenset(p)] == best)
    directed = Counter(p for p in complete if frozenset(p) == parties)
    return max(directed, key=lambda p: (directed[p], -complete.index(p)))


def settle_parties(weapons: Sequence[Weapon], actors: Sequence[Actor], cues: Cues, gazetteer: Gazetteer) -> list[Weapon]:
    """Each transfer with the article's flow, unless its label names that flow or its return.

    Which way round is the label's unless the words around the materiel say (sides.py): its
    adjective ("misiles norcoreanos") first, then a preposition ("proyectiles a Rusia"), then the
    subject of its transfer verb ("Irán envió drones"); materiel
    "between" the two parties goes no stated way, and troops that carry the receiving country's
    adjective are its own forces in its own war, no transfer.
    """
    countries = [a.name for a in actors if a.kind == "country"]
    weapons = [_text_sides(_parties_only(w, actors, gazetteer), countries, cues, gazetteer) for w in weapons]
    flow = article_flow(weapons)
    if flow is None:
        return weapons
    allowed = {flow, (flow[1], flow[0])}
    settled = []
    for weapon in weapons:
        if _elsewhere(weapon, flow):
            continue
        if between(weapon, flow, cues, gazetteer):
            settled.append(weapon.model_copy(update={"supplier": "", "recipient": ""}))
            continue
        maker = made_by(weapon, cues.demonyms)
        if weapon.category == "troops" and maker == flow[1]:
            continue  # the receiving country's own troops ("tropas rusas") are its forces, not a transfer
        pair = (weapon.supplier, weapon.recipient) if (weapon.supplier, weapon.recipient) in allowed else flow
        supplier = maker if maker in flow else sent_by_words(weapon, flow, cues, gazetteer) or sent_by_subject(weapon, flow, cues, gazetteer)
        if supplier is not None:
            pair = (supplier, flow[1] if supplier == flow[0] else flow[0])
        elif traded_back(weapon, cues):
            pair = (flow[1], flow[0])
        if pair != (weapon.supplier, weapon.recipient):
            weapon = weapon.model_copy(update={"supplier": pair[0], "recipient": pair[1]})
        settled.append(weapon)
    return settled


# How many words may stand between a transfer verb and the materiel for its subject to set a
# side before the flow is read: farther, the verb may be another clause's, and one wrong side
# turns the whole article's flow.
_VERB_REACH = 6


def _text_sides(weapon: Weapon, countries: Sequence[str], cues: Cues, gazetteer: Gazetteer) -> Weapon:
    """The transfer with the sides its sentence's verbs give, where the label gave others: the
    country a transfer verb has as subject ("Corea del Norte ha enviado a Rusia contenedores":
    the supplier; of "compró", the recipient), and the one that uses the materiel ("Rusia
    lanzó drones iraníes contra la ciudad": the recipient, where a model takes the country
    attacked). A side the label gave that the words give the other way round is emptied."""
    sides = {"supplier": weapon.supplier, "recipient": weapon.recipient}
    if (sent := transfer_subject(weapon, countries, cues, gazetteer, _VERB_REACH)) is not None:
        side, other = ("supplier", "recipient") if sent[1] else ("recipient", "supplier")
        sides[side] = sent[0]
        sides[other] = "" if sides[other] == sent[0] else sides[other]
    if (user := used_by(weapon, countries, cues, gazetteer)) is not None and user != sides["supplier"]:
        sides["recipient"] = user
    return weapon.model_copy(update=sides) if sides != {"supplier": weapon.supplier, "recipient": weapon.recipient} else weapon


def _elsewhere(weapon: Weapon, flow: tuple[str, str]) -> bool:
    """Whether the label names a movement that is not the flow's: troops the receiving country
    sends to its own war ("Putin envió tropas a Ucrania"), or two parties outside the flow
    ("Israel envió tropas al Líbano"). Neither is a transfer the article reports."""
    if not (weapon.supplier and weapon.recipient) or weapon.recipient in flow:
        return False
    return weapon.supplier not in flow or (weapon.category == "troops" and weapon.supplier == flow[1])





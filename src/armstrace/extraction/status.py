"""A transfer's status from the text's own marks, once the article's claims are known.

The small model reads "agreed" into half the transfers it sees; the gold reads status from
who states the transfer and how (docs/annotation.md): a transfer denied in its sentence is
denied; one a speaker reports, fears or accuses, or the text hedges ("reportedly", "se cree
que"), is alleged; one the narrator states is what its verbs say: agreed (a deal, signed),
requested, planned, produced, used (fired in the war), and delivered otherwise. The model
still decides whether a sentence states a transfer at all, and between whom.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..base.schema import Claim, Weapon, WeaponStatus
from ..knowledge.clauses import clause_of
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer
from ..text.fold import alternation, normalise
from .candidates import claim_candidates
from .spans import term_matches

# The narrator's verbs, most specific first: a deal signed for drones that were then delivered
# is read as the deal the sentence reports; "shipped … and used" is a delivery; production comes
# last, since "drones de fabricación iraní" says where drones were made, not for whom.
_NARRATED: tuple[WeaponStatus, ...] = ("agreed", "requested", "planned", "delivered", "used", "produced")


def settle_status(weapons: Sequence[Weapon], claims: Sequence[Claim], cues: Cues, gazetteer: Gazetteer | None = None) -> list[Weapon]:
    """Each transfer with the status its sentence's marks give it, and a third party's report
    the article confirms with the stage its own sentence states.

    docs/annotation.md: a report is alleged only when nothing in the article confirms it; the
    narrator stating, or a party admitting, the same transfer (same parties and category)
    elsewhere does. A denial stays a denial, and a hedge a hedge.
    """
    statuses = [status_of(w, claims, cues, gazetteer) for w in weapons]
    confirmed = {_transfer(w) for w, s in zip(weapons, statuses) if _confirms(w, s, claims, cues, gazetteer)}
    # A hedge is the narrator's own doubt ("habría enviado", "may sell"), which no other sentence lifts.
    settled = [
        narrated_stage(w, cues, reported=True) if s == "alleged" and _transfer(w) in confirmed and not _hedged(w, cues) else s
        for w, s in zip(weapons, statuses)
    ]  # fmt: skip
    return [w if s == w.status else w.model_copy(update={"status": s}) for w, s in zip(weapons, settled)]


# Categories too broad to say two sentences tell of the same transfer: "armas" in one and a
# satellite in another are not one event.
_GENERIC = frozenset(("other", "military_equipment"))


def _confirms(weapon: Weapon, status: WeaponStatus, claims: Sequence[Claim], cues: Cues, gazetteer: Gazetteer | None) -> bool:
    """Whether a transfer's sentence confirms it: a party admits it (even in a sentence that also
    reports the denial), or the narrator states it in their own voice."""
    if not weapon.supplier or not weapon.recipient or weapon.category in _GENERIC:
        return False
    stated = _stated(weapon, claims)
    # A party asserting something else in the sentence where the transfer is denied ("negó que
    # exporte armas y aseguró que los misiles solo disuaden") confirms nothing.
    asserts = status != "denied"
    if any(c.stance == "acknowledged" or (asserts and c.stance == "asserted" and _speaks_for_a_party(c.speaker, weapon, gazetteer)) for c in stated):
        return True
    return status in ("delivered", "used") and not stated and not _reported(weapon.evidence.quote, weapon.description, cues)


def _stated(weapon: Weapon, claims: Sequence[Claim]) -> list[Claim]:
    """The claims whose words hold the materiel's: "Moscú y Teherán firmaron un acuerdo por
    drones; EE UU cree que Irán envió misiles" reports the missiles, narrates the deal."""
    return [
        c for c in claims
        if c.evidence.start < weapon.evidence.end and weapon.evidence.start < c.evidence.end
        and (weapon.description in c.content or c.content == c.evidence.quote)
    ]  # fmt: skip


def _hedged(weapon: Weapon, cues: Cues) -> bool:
    sentence = weapon.evidence.quote
    return bool(term_matches(clause_of(sentence, weapon.description, cues) or sentence, cues.evidential))


def _transfer(weapon: Weapon) -> tuple[str, str, str]:
    return weapon.supplier, weapon.recipient, weapon.category


def _speaks_for_a_party(speaker: str, weapon: Weapon, gazetteer: Gazetteer | None) -> bool:
    """Whether the speaker is a party or speaks for one: Putin, the Kremlin, Moscow for Russia."""
    parties = {weapon.supplier, weapon.recipient} - {""}
    known = gazetteer.actor_for(speaker) if gazetteer is not None else None
    states = {known.name, known.part_of, gazetteer.country_name(known.country)} if known and gazetteer else set()
    return speaker in parties or bool(states & parties)


def status_of(weapon: Weapon, claims: Sequence[Claim], cues: Cues, gazetteer: Gazetteer | None = None) -> WeaponStatus:
    """The status of one transfer: denied, alleged, or what the narrator's verbs say."""
    sentence = weapon.evidence.quote
    stated = _stated(weapon, claims)
    # The negator must deny the materiel's own clause: "vendimos fragatas, pero desde 2020 no hubo
    # más contratos" admits the frigates.
    clause = clause_of(sentence, weapon.description, cues) or sentence
    if (
        any(c.stance == "denied" for c in stated) or term_matches(sentence, cues.status.get("denied", ()))
        or negated_transfer(clause, cues)
    ):  # fmt: skip
        return "denied"
    # A party stating or admitting its own transfer is the fact the narrator would state.
    own = [c for c in stated if c.stance == "acknowledged" or _speaks_for_a_party(c.speaker, weapon, gazetteer)]
    # A statement the code finds counts even when its claim was not kept (no speaker grounded).
    reported = len(own) < len(stated) or (not own and _reported(sentence, weapon.description, cues))
    # A factive verb takes what it reports as fact: "la inteligencia confirmó que Noruega
    # vendió", "officials have established that Chile keeps selling".
    reported = reported and not term_matches(sentence, cues.factive)
    if reported or term_matches(sentence, [*cues.evidential, *cues.attribution, *cues.status.get("alleged", ())]):
        return "alleged"
    return narrated_stage(weapon, cues)


def narrated_stage(weapon: Weapon, cues: Cues, reported: bool = False) -> WeaponStatus:
    """The stage the verbs of the materiel's own clause state, delivered when they state none.

    "firmaron un acuerdo para que Irán exporte drones después de que Putin enviara tropas"
    agrees the drones and sends the troops. The materiel's own words are no verb: "one-way
    attack drones" were not used for "attack". `reported`: the stage is what the statement
    says, not what its speaker did ("pidió una investigación y dijo que Irán suministró drones").
    """
    sentence = weapon.evidence.quote
    if reported:
        at = sentence.find(weapon.description)
        sentence = sentence[max([c.span.end for c in claim_candidates(sentence, cues) if c.span.end <= at], default=0) :]
    clause = clause_of(sentence, weapon.description, cues) or sentence
    # What a colon opens elaborates the clause before it: "así los emplea el ejército: en oleadas de drones".
    lead = sentence[: sentence.find(clause)].rstrip()
    for words in (clause, lead[lead.rfind(".") + 1 :] if lead.endswith(":") else ""):
        words = words.replace(weapon.description, " ") if weapon.description else words
        for status in _NARRATED:
            if term_matches(words, cues.status.get(status, ())):
                return status
    return "delivered"


# How many words may stand between a negator and the transfer verb it denies: "nunca antes hemos
# exportado", "did not directly send"; farther than that, the negator belongs to another verb.
_NEGATION_REACH = 3


_PARTICIPLE = re.compile(r"[ai]d[oa]s?$")


@lru_cache(maxsize=8)
def _negation(negators: tuple[str, ...], exceptions: tuple[str, ...], verbs: tuple[str, ...]) -> re.Pattern[str]:
    def words(terms: Sequence[str]) -> str:
        return alternation(terms, normalise)

    # "did not say whether Iran shipped": the negator denies the saying, not the shipping.
    return re.compile(
        rf"(?<!\w)(?!(?:{words(exceptions)})(?!\w))(?:{words(negators)})(?:\s+(?!(?:whether|if|si)(?!\w))\S+){{0,{_NEGATION_REACH}}}?"
        rf"\s+(?:{words(verbs)})(?!\w)"
    )


def _reported(sentence: str, words: str, cues: Cues) -> bool:
    """Whether the materiel's words stand in what a reporting verb of the sentence introduces."""
    at = sentence.find(words)
    return at >= 0 and any(
        c.statement is not None and c.statement.text != sentence and c.statement.start <= at < c.statement.end
        for c in claim_candidates(sentence, cues)
    )


def negated_transfer(sentence: str, cues: Cues) -> bool:
    """Whether the sentence denies a transfer or its use: "no vendió ni venderá armas", "never sold",
    "no usa drones"."""
    # A Spanish participle of use describes ("no es muy usado por la armada"), it denies nothing.
    using = (w for w in cues.status.get("used", ()) if not _PARTICIPLE.search(w))
    verbs = (*cues.transfer, *cues.status.get("delivered", ()), *using)
    # normalise folds apostrophes to double quotes: "didn't" comes as 'didn"t'.
    folded = re.sub(r"n[\"']t(?!\w)", " not", normalise(sentence))
    return _negation(cues.negations, cues.not_negating, verbs).search(folded) is not None

"""A transfer's status from the text's own marks, once the article's claims are known.

The small model reads "agreed" into half the transfers it sees; the gold reads status from
who states the transfer and how (docs/annotation.md): a transfer denied in its sentence is
denied; one a speaker reports, fears or accuses, or the text hedges ("reportedly", "se cree
que"), is alleged; one the narrator states is what its verbs say: agreed (a deal, signed),
requested, planned, produced, used (fired in the war), and delivered otherwise. The model
still decides whether a sentence states a transfer at all, and between whom.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..base.schema import Claim, Weapon, WeaponStatus
from ..knowledge.clauses import clause_of
from ..knowledge.cues import Cues
from .candidates import term_matches

# The narrator's verbs, most specific first: a deal signed for drones that were then delivered
# is read as the deal the sentence reports; "shipped … and used" is a delivery; production comes
# last, since "drones de fabricación iraní" says where drones were made, not for whom.
_NARRATED: tuple[WeaponStatus, ...] = ("agreed", "requested", "planned", "delivered", "used", "produced")


def settle_status(weapons: Sequence[Weapon], claims: Sequence[Claim], cues: Cues) -> list[Weapon]:
    """Each transfer with the status its sentence's marks give it."""
    return [w if (s := status_of(w, claims, cues)) == w.status else w.model_copy(update={"status": s}) for w in weapons]


def status_of(weapon: Weapon, claims: Sequence[Claim], cues: Cues) -> WeaponStatus:
    """The status of one transfer: denied, alleged, or what the narrator's verbs say."""
    sentence = weapon.evidence.quote
    # A claim states the transfer when its words hold the materiel's: "Moscú y Teherán firmaron un
    # acuerdo por drones; EE UU cree que Irán envió misiles" reports the missiles, narrates the deal.
    stated = [
        c for c in claims
        if c.evidence.start < weapon.evidence.end and weapon.evidence.start < c.evidence.end
        and (weapon.description in c.content or c.content == c.evidence.quote)
    ]  # fmt: skip
    if any(c.stance == "denied" for c in stated) or term_matches(sentence, cues.status.get("denied", ())):
        return "denied"
    if stated or term_matches(sentence, [*cues.evidential, *cues.attribution, *cues.status.get("alleged", ())]):
        return "alleged"
    # The narrator's verbs of the materiel's own clause: "firmaron un acuerdo para que Irán exporte
    # drones después de que Putin enviara tropas" agrees the drones and sends the troops.
    clause = clause_of(sentence, weapon.description, cues) or sentence
    for status in _NARRATED:
        if term_matches(clause, cues.status.get(status, ())):
            return status
    return "delivered"

"""Which way a transfer goes, from the order the sentence names its parties in.

Small models read "Rusia está comprando proyectiles a Corea del Norte" as Russia supplying
North Korea: the first name, the supplier. With a word whose subject receives the materiel
(cues.toml [receiving]: "compra", "bought", "recibió"), the party named before it is the
recipient and the one after it the supplier; a label that says the opposite is turned round.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..base.schema import Weapon
from ..knowledge.clauses import clause_of
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer, name_key
from .ground import name_forms


def settle_direction(weapons: Sequence[Weapon], cues: Cues, gazetteer: Gazetteer) -> list[Weapon]:
    """Each transfer with supplier and recipient the way its receiving word orders them."""
    return [_turned(w) if _backwards(w, cues, gazetteer) else w for w in weapons]


def _turned(weapon: Weapon) -> Weapon:
    return weapon.model_copy(update={"supplier": weapon.recipient, "recipient": weapon.supplier})


def _first(name: str, folded: str, gazetteer: Gazetteer) -> int | None:
    """Where the folded clause first names `name` by any of its names, or None."""
    if not name:
        return None
    forms, _ = name_forms(name, gazetteer)
    found = [m.start() for f in forms if f for m in [re.search(rf"(?<!\w){re.escape(f)}(?!\w)", folded)] if m]
    return min(found) if found else None


def _backwards(weapon: Weapon, cues: Cues, gazetteer: Gazetteer) -> bool:
    folded = name_key(clause_of(weapon.evidence.quote, weapon.description, cues) or weapon.evidence.quote)
    verbs = [m.start() for v in cues.receiving for m in [re.search(rf"(?<!\w){re.escape(name_key(v))}(?!\w)", folded)] if m]
    if not verbs:
        return False
    verb = min(verbs)
    supplier, recipient = _first(weapon.supplier, folded, gazetteer), _first(weapon.recipient, folded, gazetteer)
    # The receiver stands before the receiving word; a supplier named there was read the wrong way.
    if supplier is not None and supplier < verb and (recipient is None or recipient > verb):
        return True
    return False

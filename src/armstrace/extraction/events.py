"""One weapons item per transfer event: the sentences that state or repeat a transfer join it.

Code reads materiel sentence by sentence, so an article that tells of Iran's drones for Russia
in its lead, its third paragraph and its last has three items. Once parties and status are
settled over the article, items of one event are one: the same kind of materiel (and system,
when both name one), the same supplier and recipient, at the same stage. The first sentence is
the item's `evidence`; every later one is kept in `more_evidence`, in the article's order, and
its materiel words join the description.

What does not join: items with no party at all (two sentences of "armas" with no known sides
may tell of two shipments); a generic word ("armas") and a specific one ("drones"), since the
text does not say whether the weapons are the drones or more; and two stages of one flow (a deal
and its delivery, an allegation and a denial), which are distinct events the claims tell apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..base.schema import Weapon, join_phrases
from ..knowledge.gazetteer import name_key

_Key = tuple[str, str, str, str]


def _event_key(weapon: Weapon) -> _Key | None:
    """What two items of one event share; None for an item with no known party."""
    if not weapon.supplier and not weapon.recipient:
        return None
    return weapon.category, name_key(weapon.supplier), name_key(weapon.recipient), weapon.status


def _joins(event: Weapon, weapon: Weapon) -> bool:
    """Two named systems are two kinds of materiel; a system and its category's plain word are one."""
    return not (event.designation and weapon.designation and name_key(event.designation) != name_key(weapon.designation))


def _joined(event: Weapon, weapon: Weapon) -> Weapon:
    return event.model_copy(update={
        "designation": event.designation or weapon.designation,
        "description": join_phrases(event.description, weapon.description),
        "quantity": event.quantity or weapon.quantity,
        "more_evidence": [*event.more_evidence, *weapon.stated_in],
    })  # fmt: skip


def fold_events(weapons: Sequence[Weapon]) -> list[Weapon]:
    """The items of one article folded into events, in the order of their first sentence."""
    events: list[Weapon] = []
    open_by_key: dict[_Key, list[int]] = {}
    for weapon in sorted(weapons, key=lambda w: w.evidence.start):
        key = _event_key(weapon)
        if key is not None:
            same = next((n for n in open_by_key.get(key, []) if _joins(events[n], weapon)), None)
            if same is not None:
                events[same] = _joined(events[same], weapon)
                continue
            open_by_key.setdefault(key, []).append(len(events))
        events.append(weapon)
    return events


def mentions(weapon: Weapon) -> list[Weapon]:
    """An event as one item per sentence that states it, each with the event's attributes.

    The gold annotates a transfer once per sentence; scoring and the per-sentence tables see an
    event through its mentions.
    """
    return [weapon.model_copy(update={"evidence": e, "more_evidence": []}) for e in weapon.stated_in]

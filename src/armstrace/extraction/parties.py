"""Who supplies and who receives, settled over the whole article rather than sentence by sentence.

An article about arms cooperation follows one flow (Iran to Russia, North Korea to Russia) and
sometimes its return (Russian technology for North Korea). Sentence by sentence, a small model
fills a side with whatever else the sentence names: the official who reports the shipment, the
city the missiles strike, the outlet that published it, the shipping company that carried it.
Read across the article, its labels agree on the flow far more often than not. So the pair of
parties the article's labels name most often is its flow; a transfer labelled with that pair or
its reverse keeps its label, and any other transfer (a side empty, or a party outside the flow)
is given the flow, which is what the article's own account says of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..base.schema import Weapon


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


def settle_parties(weapons: Sequence[Weapon]) -> list[Weapon]:
    """Each transfer with the article's flow, unless its label names that flow or its return."""
    flow = article_flow(weapons)
    if flow is None:
        return list(weapons)
    allowed = {flow, (flow[1], flow[0])}
    settled = []
    for weapon in weapons:
        if (weapon.supplier, weapon.recipient) in allowed:
            settled.append(weapon)
        else:
            settled.append(weapon.model_copy(update={"supplier": flow[0], "recipient": flow[1]}))
    return settled

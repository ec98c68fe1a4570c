"""What the review page shows first: transfers, disputed propositions and the flow grid.

The page opens on the findings, each linked to the highlighted evidence it came from; the
per-article review follows. Rows whose supplier or recipient is unknown come last, together.
The flow diagram is a grid, one row per supplier → recipient pair, laid out by the browser's
text flow, so its labels wrap at any width and never overlap or shrink.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from ..base.schema import Quantity, Weapon, materiel_phrases
from ..text.fold import word_pattern

# A link target: the id of a highlighted item in the page ('' when none is highlighted).
ItemId = str
# (article, start, end) of a weapon's evidence -> its highlighted items, in article order.
WeaponIndex = Mapping[tuple[str, int, int], Sequence[tuple[ItemId, str]]]


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class SourceView(_Row):
    article: str
    start: int
    end: int
    quote: str


class TransferView(_Row):
    """The columns of a transfers row the page shows (docs/dataset.md)."""

    supplier: str
    recipient: str
    category: str
    designation: str
    description: str = ""
    descriptions: list[str]
    lifecycle: list[str]
    status: str
    denied: bool
    quantity: Quantity | None
    observations: int
    articles: list[str]
    independent_sources: int = 0
    sources: list[SourceView] = []

    @property
    def known(self) -> bool:
        """Both parties are known."""
        return bool(self.supplier and self.recipient)

    @property
    def materiel(self) -> str:
        """The designation, else the English description, else the category."""
        return self.designation or self.description or self.category.replace("_", " ")


@dataclass(frozen=True)
class Finding:
    """One transfer as the summary lists it, with the highlight of its first observation."""

    transfer: TransferView
    evidence: ItemId


@dataclass(frozen=True)
class FlowPair:
    """One row of the flow grid: a supplier → recipient pair and what flows between them."""

    supplier: str
    recipient: str
    materiel: str
    observations: int
    denied: bool
    weight: int  # line thickness in px, 2 to 8, by observations


def parties_last(transfers: Sequence[TransferView]) -> list[TransferView]:
    """Flows with both parties known first (most observed first), then the rest, together."""
    return sorted(transfers, key=lambda t: (not t.known, -t.observations, t.supplier or "~", t.recipient or "~", t.materiel))


def findings(transfers: Sequence[TransferView], weapons: WeaponIndex) -> list[Finding]:
    """Every transfer, known parties first, each with the weapon item of its first observation."""
    found = []
    for t in parties_last(transfers):
        items = [(item, d) for s in t.sources for item, d in weapons.get((s.article, s.start, s.end), ())]
        # Several materiel kinds can share a sentence: the item with this flow's words, else the first.
        found.append(Finding(t, next((i for i, d in items if d in t.descriptions), items[0][0] if items else "")))
    return found


def flow_grid(transfers: Sequence[TransferView]) -> list[FlowPair]:
    """One row per supplier → recipient pair; pairs with an unknown party last."""
    pairs: dict[tuple[str, str], list[TransferView]] = defaultdict(list)
    for t in transfers:
        pairs[(t.supplier, t.recipient)].append(t)
    rows = []
    for (supplier, recipient), group in pairs.items():
        observations = sum(t.observations for t in group)
        rows.append(FlowPair(
            supplier or "unknown", recipient or "unknown", ", ".join(sorted({t.materiel for t in group})),
            observations, all(t.denied for t in group), min(2 + 2 * (observations - 1), 8),
        ))  # fmt: skip
    known = {(t.supplier or "unknown", t.recipient or "unknown"): t.known for t in transfers}
    return sorted(rows, key=lambda r: (not known[(r.supplier, r.recipient)], r.supplier, r.recipient))


def weapon_marks(weapon: Weapon, parties: Mapping[str, Sequence[str]]) -> list[tuple[int, int]]:
    """Where a weapon is marked: its materiel words, then its parties' names, inside its sentence.

    `parties` gives, per party name, the forms the article writes it in. The materiel's words
    are the description as written (the words code found); each party is marked at its first
    form found in the sentence. Without the words, the whole sentence is marked.
    """
    sentence, base = weapon.evidence.quote, weapon.evidence.start
    marks = []
    phrases = [p.strip() for p in materiel_phrases(weapon.description) if p.strip()]
    found = next((m for p in phrases if (m := re.search(re.escape(p), sentence, re.IGNORECASE))), None)
    if found is None:
        return [(weapon.evidence.start, weapon.evidence.end)]
    marks.append((base + found.start(), base + found.end()))
    for party in (weapon.supplier, weapon.recipient):
        pattern = word_pattern((party, *parties.get(party, ())))
        hit = pattern.search(sentence) if pattern else None
        if hit and not any(a < base + hit.end() and base + hit.start() < b for a, b in marks):
            marks.append((base + hit.start(), base + hit.end()))
    return marks


class ClaimView(_Row):
    """The columns of a claims row the page shows."""

    proposition_id: str
    article: str
    speaker: str
    stance: str
    content: str
    source: SourceView


class PropositionRow(_Row):
    """The columns of a propositions row the page shows."""

    id: str
    kind: str
    statement: str
    disputed: bool
    articles: list[str]


Linked = tuple[ClaimView, ItemId]


@dataclass(frozen=True)
class PropositionView:
    """A proposition with its affirming and denying claims side by side, each with its highlight."""

    statement: str
    kind: str
    disputed: bool
    affirmed: list[Linked]
    denied: list[Linked]

    @staticmethod
    def _once(claims: Sequence[Linked]) -> list[Linked]:
        """One claim per speaker, stance and article: the summary names who, the section below what."""
        seen: dict[tuple[str, str, str], Linked] = {}
        for c in claims:
            seen.setdefault((c[0].speaker, c[0].stance, c[0].article), c)
        return list(seen.values())

    @property
    def sides(self) -> tuple[tuple[str, list[Linked]], tuple[str, list[Linked]]]:
        """(affirmed, its claims once per speaker), (denied, the same)."""
        return ("affirmed", self._once(self.affirmed)), ("denied", self._once(self.denied))


def propositions(
    claims: Sequence[ClaimView], rows: Sequence[PropositionRow], claim_ids: Mapping[tuple[str, int, int, str], ItemId]
) -> list[PropositionView]:
    """Every proposition with its claims; disputed first, then those most spoken about."""
    by_prop: dict[str, list[ClaimView]] = defaultdict(list)
    for claim in claims:
        by_prop[claim.proposition_id].append(claim)
    views = []
    for prop in rows:
        linked = [(c, claim_ids.get((c.article, c.source.start, c.source.end, c.content), "")) for c in by_prop[prop.id]]
        views.append(PropositionView(
            prop.statement, prop.kind, prop.disputed,
            affirmed=[c for c in linked if c[0].stance != "denied"], denied=[c for c in linked if c[0].stance == "denied"],
        ))  # fmt: skip
    return sorted(views, key=lambda p: (not p.disputed, -(len(p.affirmed) + len(p.denied)), p.statement))

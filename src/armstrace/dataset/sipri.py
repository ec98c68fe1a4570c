"""The SIPRI layout: what the register's columns can say of a flow, read off the text by code.

A register row (SIPRI Arms Transfers Database's trade register) has a supplier, a recipient,
a year of order, a number ordered, a designation, a description, a number delivered, years of
delivery, a status and comments. armstrace fills each from what the articles state and leaves
it empty otherwise:

- **description**: the materiel's words in English, from `data/sipri.toml`'s word list, else
  the English name of its category;
- **number ordered / delivered**: the amount stated at the agreed / delivered stage;
- **year of order / years of delivery**: the years written in the same clause as the
  materiel's words of an agreed / delivered observation (clauses.py), so the year of another
  event in the sentence is not taken.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..base.schema import Quantity, WeaponCategory, WeaponStatus, materiel_phrases
from ..knowledge.materiel import category_english, materiel_english
from ..knowledge.clauses import clause_of
from ..knowledge.cues import load_cues
from ..text.dates import years
from .tables import ObservationRow, TransferRow
from .write import atomic_text

# transfers.csv's columns and what each holds: the CSV's header and its data dictionary.
SIPRI_COLUMNS: dict[str, str] = {
    "supplier": "Supplier state (or party as written when no rule resolves it).",
    "recipient": "Recipient state (or party as written).",
    "year_of_order": "Year written in the clause of an order (status agreed), the earliest; else empty.",
    "number_ordered": "Amount stated for the order: 1000, >1000, ~200, 200-1000; else empty.",
    "designation": "The system's canonical designation (Shahed-136) when an article names it; else empty.",
    "description": "What the materiel is, in English (data/sipri.toml), else its category's English name.",
    "number_delivered": "Amount stated as delivered; else empty.",
    "years_of_delivery": "Years written in the clause of a delivery (status delivered); else empty.",
    "status": "Furthest stage stated: alleged, requested, planned, agreed, produced, delivered, used; denied if only denied.",
    "comments": "Each source article and its quote: 'article: “quote”', separated by ' | '.",
    "report_date": "Earliest report date (publication date) of the sources, ISO; empty when no article is dated.",
    "last_report_date": "Latest report date of the sources, ISO.",
    "category": "armstrace's weapon category.",
    "supplier_code": "Supplier's ISO 3166-1 alpha-2 code.",
    "recipient_code": "Recipient's ISO 3166-1 alpha-2 code.",
    "number_as_written": "The amount at the furthest stage, as the article writes it.",
    "sources": "Ids of the source articles, separated by '; '.",
    "independent_sources": "Source articles, counting a cluster of copies once.",
    "transfer_id": "Id of the flow in tables/transfers.",
}


def english(words: str, category: WeaponCategory) -> str:
    """The English description of the materiel's words; its category's when they are not listed."""
    return materiel_english(words) or category_english(category)


def clause_years(quote: str, words: str) -> list[int]:
    """The years written in the clause of `quote` that holds the materiel's `words` (first occurrence)."""
    return years(clause_of(quote, words, load_cues()))


def amount_at(group: Sequence[ObservationRow], stage: WeaponStatus) -> Quantity | None:
    """The amount stated at `stage`: the latest such observation's (by report date, article, offset)."""
    at = sorted((o for o in group if o.quantity is not None and o.status == stage), key=lambda o: (o.published or "", o.article, o.source.start))
    return at[-1].quantity if at else None


def english_of(group: Sequence[ObservationRow], category: WeaponCategory) -> str:
    """The flow's materiel in English: each distinct description's words, sorted."""
    return "; ".join(sorted({english(p, category) for o in group for p in materiel_phrases(o.description)})) or english("", category)


def number(quantity: Quantity | None) -> str:
    """An amount as a register writes it: 1000, >1000, ~1000, 200-1000."""
    if quantity is None:
        return ""
    if quantity.value is None:
        low, high = (f"{v:g}" if v is not None else "" for v in (quantity.low, quantity.high))
        return f"{low}-{high}" if low or high else ""
    mark = {"more_than": ">", "at_least": ">=", "less_than": "<", "up_to": "<=", "about": "~", "order_of": "~"}
    return mark.get(quantity.qualifier, "") + f"{quantity.value:g}"


def comments(t: TransferRow) -> str:
    """Each source article and its quote: where a reader checks the row."""
    return " | ".join(f"{s.article}: “{s.quote}”" for s in t.sources)


def _cells(t: TransferRow) -> list[object]:
    return [
        t.supplier, t.recipient, t.year_of_order or "", number(t.number_ordered), t.designation, t.description,
        number(t.number_delivered), "; ".join(map(str, t.years_of_delivery)), t.status, comments(t),
        t.first_seen or "", t.last_seen or "", t.category, t.supplier_code, t.recipient_code,
        t.quantity.text if t.quantity else "", "; ".join(t.articles), t.independent_sources, t.id,
    ]  # fmt: skip


def write_transfers_csv(path: Path, transfers: Iterable[TransferRow], bom: bool = False) -> None:
    """transfers.csv: flows with both parties known, in the SIPRI trade register's columns first."""
    import csv

    with atomic_text(path, bom) as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(SIPRI_COLUMNS)
        writer.writerows(_cells(t) for t in transfers if t.supplier and t.recipient)

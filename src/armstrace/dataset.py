"""The dataset's contract: one Pydantic model per table of a merged dataset.

`armstrace merge` writes these rows (module `merge` builds them, module `write` writes them);
`dataset.json` is the `Dataset` model, and docs/dataset.md is the data dictionary. Nested
records (`Source`, `Quantity`, `Position`) become prefixed columns or JSON cells in CSV and
SQLite.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .schema import ActorKind, Quantity, Stance, WeaponCategory, WeaponStatus

# What near-duplicate detection read of an article: its file, or the extraction's quotes.
TextFrom = Literal["file", "quotes"]


class Row(BaseModel):
    """A row of a dataset table: immutable, and nothing but its declared columns."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(Row):
    """Where a row came from: the article's words and the extraction that found them."""

    article: str = Field(description="Article id.")
    file: str = Field(description="The article file the extraction was made from.")
    start: int = Field(description="Offset of the quote's first character in the article.")
    end: int = Field(description="Offset one past the quote's last character.")
    quote: str = Field(description="The article's own text between start and end.")
    prompt: str = Field(description="Prompt name and version of the extraction.")
    schema_sha256: str = Field(description="Hash of the extraction schema.")
    model: str = Field(description="Model that made the extraction.")


class ArticleRow(Row):
    """One extracted article."""

    id: str
    file: str
    sha256: str = Field(description="sha256 of the article text.")
    chars: int
    published: str | None = Field(description="ISO date from the article's dateline, if it has one.")
    text_from: TextFrom = Field(
        description="What near-duplicate detection read: the article file, or the extraction's quotes."
    )
    duplicate_of: str = Field(description="Id of the first article of its copy cluster, or ''.")
    similarity: float | None = Field(description="Estimated Jaccard similarity to that cluster.")
    actors: int
    weapons: int
    figures: int
    claims: int
    prompt: str
    prompt_sha256: str
    schema_sha256: str
    model: str
    armstrace_version: str


class ActorRow(Row):
    """One actor across all articles and surface forms."""

    id: str
    name: str
    kind: ActorKind
    country_code: str = Field(description="ISO 3166-1 alpha-2 code, or ''.")
    part_of_id: str = Field(description="Id of the actor this one belongs to (Kremlin -> Russia), or ''.")
    part_of: str
    rule: str = Field(description="How the actor was identified; see the names table for each name.")
    aliases: list[str] = Field(description="Every surface form the articles use for it.")
    roles: list[str]
    articles: list[str]
    independent_sources: int = Field(description="Articles, counting a cluster of copies once.")
    sources: list[Source] = Field(description="Its first mention in each article.")


class NameRow(Row):
    """One merge decision: the name an extraction used, and the row it was joined to, and why."""

    id: str
    table: Literal["actors", "weapons"]
    name: str = Field(description="The name as extracted.")
    resolved_id: str = Field(description="Id of the actor row, or the canonical designation.")
    resolved: str
    rule: str = Field(description="gazetteer, user_gazetteer, iso3166, surname, fuzzy or new.")
    score: float = Field(description="Similarity 0-100; 100 unless the rule is fuzzy.")
    matched: str = Field(description="The alias, name or ISO name that matched.")
    records: int = Field(description="Extracted items that used the name.")


class TransferRow(Row):
    """One flow of materiel: same supplier, recipient, category and designation."""

    id: str
    supplier_id: str
    supplier: str
    supplier_code: str
    recipient_id: str
    recipient: str
    recipient_code: str
    category: WeaponCategory
    designation: str = Field(description="Canonical designation (Shahed-136 for Geran-2), or ''.")
    descriptions: list[str]
    lifecycle: list[WeaponStatus] = Field(description="Statuses observed, in lifecycle order.")
    status: WeaponStatus = Field(description="Furthest stage observed; 'denied' if only denied.")
    denied: bool = Field(description="Some source denies the flow.")
    quantity: Quantity | None = Field(description="The amount stated at the furthest stage, if any.")
    years_stated: list[int] = Field(description="Years named in the observations' sentences.")
    first_seen: str | None
    last_seen: str | None
    observations: int
    articles: list[str]
    independent_sources: int
    sources: list[Source]


class ObservationRow(Row):
    """One article's statement of a flow: its status and amount on that date."""

    id: str
    transfer_id: str
    article: str
    published: str | None
    status: WeaponStatus
    designation: str = Field(description="As written.")
    description: str
    supplier: str = Field(description="As written.")
    recipient: str = Field(description="As written.")
    quantity: Quantity | None
    years_stated: list[int]
    source: Source


class FigureRow(Row):
    """A figure as stated in one article."""

    id: str
    article: str
    published: str | None
    quantity: Quantity
    counted: str
    measures: str
    source: Source


class ClaimRow(Row):
    """An attributed statement from one article, with its proposition."""

    id: str
    proposition_id: str
    grouped_by: Literal["weapon_in_sentence", "stated_flow", "statement"] = Field(
        description="How the proposition was found (see docs/dataset.md)."
    )
    article: str
    published: str | None
    stated_date: str | None = Field(description="First full date written in the quote, ISO.")
    speaker_id: str
    speaker: str
    stance: Stance
    content: str
    subject_id: str
    subject: str
    channel: str
    source: Source


class Position(Row):
    """One speaker's stance on a proposition in one article."""

    speaker_id: str
    speaker: str
    stance: Stance
    date: str | None
    article: str


class PropositionRow(Row):
    """A proposition and everyone's stance on it; disputed when affirmed and denied."""

    id: str
    kind: Literal["flow", "statement"]
    statement: str
    subject_id: str
    subject: str
    supplier_id: str
    recipient_id: str
    disputed: bool
    asserted_by: list[str]
    acknowledged_by: list[str]
    accused_by: list[str]
    warned_by: list[str]
    believes_by: list[str]
    denied_by: list[str]
    positions: list[Position]
    first_seen: str | None
    last_seen: str | None
    claims: int
    articles: list[str]
    independent_sources: int
    sources: list[Source]


class Skipped(Row):
    """An article file that could not be merged, and why."""

    file: str
    reason: str


class Dataset(Row):
    """dataset.json: every table, the files skipped, and the gazetteer the merge used."""

    gazetteer_sha256: list[str] = Field(description="sha256 of the packaged and the user gazetteer files.")
    skipped: list[Skipped]
    articles: list[ArticleRow]
    actors: list[ActorRow]
    names: list[NameRow]
    transfers: list[TransferRow]
    observations: list[ObservationRow]
    figures: list[FigureRow]
    claims: list[ClaimRow]
    propositions: list[PropositionRow]


TABLE_MODELS: dict[str, type[Row]] = {
    "articles": ArticleRow, "actors": ActorRow, "names": NameRow, "transfers": TransferRow,
    "observations": ObservationRow, "figures": FigureRow, "claims": ClaimRow, "propositions": PropositionRow,
}  # fmt: skip
TABLES = tuple(TABLE_MODELS)

"""The dataset's contract: one Pydantic model per table of a merged dataset.

`armstrace merge` writes these rows (module `merge` builds them, module `write` writes them);
`dataset.json` is the `Dataset` model, and docs/dataset.md is the data dictionary. Nested
records (`Source`, `Quantity`, `Position`) become prefixed columns or JSON cells in CSV and
SQLite.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..base.schema import ActorKind, Quantity, Stance, WeaponCategory, WeaponStatus

# What near-duplicate detection read of an article: its file, or the extraction's quotes.
TextFrom = Literal["file", "quotes"]
Language = Literal["en", "es"]


class Row(BaseModel):
    """A row of a dataset table: immutable, and nothing but its declared columns."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# Column types shared by several tables, each with its one description: the data dictionary
# written beside the tables (datapackage.json, module `dictionary`) is read off these models.
Id = Annotated[str, Field(description="Stable id: a prefix and the first 12 hex digits of the sha256 of what identifies the row.")]
ArticleId = Annotated[str, Field(description="Article id: its file name without the suffix.")]
Published = Annotated[str | None, Field(description="Report date: the article's publication date, ISO (its metadata, else its dateline).")]
FirstSeen = Annotated[str | None, Field(description="Earliest report date of what the row gathers, ISO.")]
LastSeen = Annotated[str | None, Field(description="Latest report date of what the row gathers, ISO.")]
Articles = Annotated[list[str], Field(description="Ids of the articles the row gathers.")]
Independent = Annotated[int, Field(description="Articles, counting a cluster of copies (one story republished) once.")]
ActorId = Annotated[str, Field(description="Id of the actor row, or '' when no rule resolved the name.")]
YearsStated = Annotated[list[int], Field(description="Four-digit years written in the sentence (not necessarily of the transfer).")]
Amount = Annotated[Quantity | None, Field(description="Normalised amount: text, value, low, high, qualifier, unit.")]


class Source(Row):
    """Where a row came from: the article's words and the extraction that found them."""

    article: ArticleId
    file: str = Field(description="The article file the extraction was made from.")
    start: int = Field(description="Offset of the quote's first character in the article's text.")
    end: int = Field(description="Offset one past the quote's last character (text[start:end] == quote).")
    quote: str = Field(description="The article's own text between start and end.")
    prompt: str = Field(description="Prompt name and version of the extraction, e.g. extract.v2.")
    schema_sha256: str = Field(description="Hash of the extraction schema.")
    model: str = Field(description="Model that made the extraction.")


Sources = Annotated[list[Source], Field(description="Where it came from: one source per item the row gathers.")]
OneSource = Annotated[Source, Field(description="Where it came from.")]


class ArticleRow(Row):
    """One extracted article."""

    id: ArticleId
    file: str = Field(description="The article file.")
    sha256: str = Field(description="sha256 of the article text.")
    chars: int = Field(description="Characters of the article text.")
    published: Published
    published_from: Literal["metadata", "dateline", ""] = Field(
        description="Where the date came from: metadata (front matter, meta tags or --meta file), the dateline, or '' (none)."
    )
    outlet: str = Field(description="Who published it, from the metadata, or ''.")
    url: str = Field(description="Where it was published, from the metadata, or ''.")
    title: str = Field(description="Its headline, from the metadata, or ''.")
    text_from: TextFrom = Field(
        description="What near-duplicate detection read: the article file (unchanged since extraction), or the extraction's quotes."
    )
    language: Language = Field(description="The article's language: en (English) or es (Spanish), from its function words.")
    duplicate_of: str = Field(description="Id of the first article of its cluster of copies, or ''.")
    similarity: float | None = Field(description="Estimated Jaccard similarity to the copy it was matched with.")
    actors: int = Field(description="Actors in the extraction.")
    weapons: int = Field(description="Weapons in the extraction.")
    figures: int = Field(description="Figures in the extraction.")
    claims: int = Field(description="Claims in the extraction.")
    prompt: str = Field(description="Prompt name and version of the extraction.")
    prompt_sha256: str = Field(description="sha256 of the prompt file.")
    schema_sha256: str = Field(description="Hash of the extraction schema.")
    model: str = Field(description="Model that made the extraction.")
    armstrace_version: str = Field(description="armstrace version and extraction code hash.")


class ActorRow(Row):
    """One actor across all articles and surface forms."""

    id: Id
    name: str = Field(description="Canonical name: the gazetteer's, ISO 3166's English name, or the commonest extracted name.")
    kind: ActorKind = Field(description="person, country, government, agency, organisation, armed_group or media.")
    country_code: str = Field(description="ISO 3166-1 alpha-2 code, or ''.")
    part_of_id: str = Field(description="Id of the actor this one belongs to (Kremlin -> Russia), or ''; it may have no row.")
    part_of: str = Field(description="Name of that actor.")
    rule: str = Field(description="How the actor was identified; see the names table for each name.")
    aliases: list[str] = Field(description="Every surface form the extractions used for it.")
    roles: list[str] = Field(description="Roles given to it.")
    mentions: int = Field(description="Times its surface forms occur in its articles' texts (longest first, no overlaps).")
    first_seen: FirstSeen
    last_seen: LastSeen
    articles: Articles
    independent_sources: Independent
    sources: list[Source] = Field(description="Its first mention in each article.")


class NameRow(Row):
    """One merge decision: the name an extraction used, and the row it was joined to, and why."""

    id: Id
    table: Literal["actors", "weapons"] = Field(description="actors or weapons.")
    name: str = Field(description="The name as extracted.")
    resolved_id: str = Field(description="Id of the actor row, or the canonical designation.")
    resolved: str = Field(description="Name of the actor row, or the canonical designation.")
    rule: str = Field(description="gazetteer, user_gazetteer, iso3166, surname, fuzzy or new.")
    score: float = Field(description="rapidfuzz similarity 0-100; 100 unless the rule is fuzzy.")
    matched: str = Field(description="The alias, name or ISO name that matched.")
    records: int = Field(description="Extracted items that used the name.")


class TransferRow(Row):
    """One flow of materiel: same supplier, recipient, category and designation."""

    id: Id
    supplier_id: ActorId
    supplier: str = Field(description="Supplier, as the state it belongs to; as written if unresolved; '' if unknown.")
    supplier_code: str = Field(description="Supplier's ISO 3166-1 alpha-2 code, or ''.")
    recipient_id: ActorId
    recipient: str = Field(description="Recipient, as the state it belongs to; as written if unresolved; '' if unknown.")
    recipient_code: str = Field(description="Recipient's ISO 3166-1 alpha-2 code, or ''.")
    category: WeaponCategory = Field(description="Weapon category (the gazetteer's for a known system).")
    designation: str = Field(description="Canonical designation (Shahed-136 for Geran-2), or '' when no article names the system.")
    description: str = Field(description="What the materiel is, in English, from data/sipri.toml's word list, else its category's.")
    descriptions: list[str] = Field(description="The materiel's words as written in the observations.")
    lifecycle: list[WeaponStatus] = Field(description="Statuses observed, in the order alleged, requested, planned, agreed, produced, delivered, used.")
    status: WeaponStatus = Field(description="Furthest stage observed; 'denied' if no other status was.")
    denied: bool = Field(description="Some observation says the flow is denied.")
    quantity: Quantity | None = Field(description="The amount stated at the furthest stage (the latest such observation).")
    number_ordered: Quantity | None = Field(description="The amount stated for an order (status agreed), the latest such; else null.")
    number_delivered: Quantity | None = Field(description="The amount stated as delivered (status delivered), the latest such; else null.")
    year_of_order: int | None = Field(description="Earliest year written in the clause of an agreed observation's materiel words; else null.")
    years_of_delivery: list[int] = Field(description="Years written in the clause of a delivered observation's materiel words.")
    years_stated: YearsStated
    first_seen: FirstSeen
    last_seen: LastSeen
    observations: int = Field(description="Observations (extracted weapons) of the flow.")
    articles: Articles
    independent_sources: Independent
    sources: Sources


class ObservationRow(Row):
    """One article's statement of a flow: its status and amount on that date."""

    id: Id
    transfer_id: str = Field(description="Id of its flow (transfers).")
    article: ArticleId
    published: Published
    status: WeaponStatus = Field(description="delivered, agreed, planned, requested, produced, used, alleged or denied.")
    designation: str = Field(description="Designation as extracted.")
    description: str = Field(description="The materiel's words as written.")
    supplier: str = Field(description="Supplier as extracted.")
    recipient: str = Field(description="Recipient as extracted.")
    quantity: Amount
    years_stated: YearsStated
    clause_years: list[int] = Field(description="Years written in the clause that holds the materiel's words.")
    source: OneSource


class FigureRow(Row):
    """A figure as stated in one article."""

    id: Id
    article: ArticleId
    published: Published
    quantity: Quantity = Field(description="Normalised amount: text, value, low, high, qualifier, unit.")
    counted: str = Field(description="What is counted or priced.")
    measures: str = Field(description="What the number measures.")
    source: OneSource


class ClaimRow(Row):
    """An attributed statement from one article, with its proposition."""

    id: Id
    proposition_id: str = Field(description="Id of its proposition.")
    grouped_by: Literal["weapon_in_sentence", "stated_flow", "stated_relation", "statement"] = Field(
        description="How the proposition was found: weapon_in_sentence, stated_flow, stated_relation or statement (docs/dataset.md)."
    )
    article: ArticleId
    published: Published
    stated_date: str | None = Field(description="First full date written in the quote, ISO.")
    speaker_id: ActorId
    speaker: str = Field(description="Resolved speaker (as written when nothing resolves it).")
    stance: Stance = Field(description="asserted, denied, acknowledged, accused, warned or believes.")
    content: str = Field(description="What is stated, as extracted.")
    subject_id: ActorId
    subject: str = Field(description="Resolved subject.")
    channel: str = Field(description="Medium that relayed it, or ''.")
    source: OneSource


class Position(Row):
    """One speaker's stance on a proposition in one article."""

    speaker_id: ActorId
    speaker: str
    stance: Stance
    date: str | None = Field(description="The claim's stated date, else its article's report date.")
    article: ArticleId


_Speakers = Annotated[list[str], Field(description="Speakers who took this stance.")]


class PropositionRow(Row):
    """A proposition and everyone's stance on it; disputed when affirmed and denied."""

    id: Id
    kind: Literal["flow", "relation", "statement"] = Field(
        description="flow (an arms flow between two parties), relation (data/relations.toml) or statement."
    )
    statement: str = Field(
        description="'arms from North Korea to Russia', 'Russia violates sanctions', or the first content of the cluster."
    )
    subject_id: ActorId
    subject: str = Field(description="What it is about (a flow: its supplier).")
    supplier_id: ActorId
    recipient_id: ActorId
    disputed: bool = Field(description="At least one claim affirms it (asserted, acknowledged, accused, warned, believes) and one denies it.")
    asserted_by: _Speakers
    acknowledged_by: _Speakers
    accused_by: _Speakers
    warned_by: _Speakers
    believes_by: _Speakers
    denied_by: _Speakers
    positions: list[Position] = Field(description="Each (speaker, stance, date, article).")
    first_seen: FirstSeen
    last_seen: LastSeen
    claims: int = Field(description="Claims grouped in it.")
    articles: Articles
    independent_sources: Independent
    sources: Sources


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

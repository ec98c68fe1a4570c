"""The contracts between stages.

Two layers live here. *Drafts* are what the language model fills in: flat, small, every field
described, because the descriptions are what the model reads. *Records* are what armstrace
keeps: a draft after the code has found its quote in the article (with character offsets),
normalised its numbers and attached provenance. Drafts never carry offsets or normalised
values; the model is not trusted with either.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ActorKind = Literal[
    "person", "country", "government", "agency", "organisation", "armed_group", "media"
]
WeaponCategory = Literal[
    "drone",
    "ballistic_missile",
    "cruise_missile",
    "other_missile",
    "artillery",
    "ammunition",
    "armoured_vehicle",
    "aircraft",
    "air_defence",
    "naval",
    "small_arms",
    "military_equipment",
    "components",
    "troops",
    "other",
]
WeaponStatus = Literal[
    "delivered", "agreed", "planned", "requested", "produced", "used", "alleged", "denied"
]
Stance = Literal["asserted", "denied", "acknowledged", "accused", "warned", "believes"]
Qualifier = Literal[
    "exact", "about", "more_than", "at_least", "less_than", "up_to", "range", "order_of"
]
Alignment = Literal["exact", "normalised", "fuzzy"]
Field_ = Literal["actors", "weapons", "figures", "claims"]

_QUOTE = "The sentence of the article that states this item, copied exactly."


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- drafts (model-facing)


class ActorDraft(_Frozen):
    """An actor as the model reports it."""

    quote: str = Field(description=_QUOTE)
    name: str = Field(description="Canonical English name, e.g. 'Vladimir Putin', 'Russia'.")
    mentions: list[str] = Field(
        description="Every form of the name exactly as written in the article, e.g. 'Moscú'."
    )
    kind: ActorKind = Field(description="What sort of actor this is.")
    country: str = Field(default="", description="Country the actor belongs to, in English.")
    role: str = Field(default="", description="Role or title as stated, e.g. 'portavoz'.")


class WeaponDraft(_Frozen):
    """Materiel, or a transfer of it, as the model reports it."""

    quote: str = Field(description=_QUOTE)
    designation: str = Field(default="", description="System name if given, e.g. 'Shahed-136'.")
    description: str = Field(description="What it is, in English, e.g. 'attack drones'.")
    category: WeaponCategory
    supplier: str = Field(default="", description="Who supplies it, English name.")
    recipient: str = Field(default="", description="Who receives it, English name.")
    quantity: str = Field(default="", description="The amount exactly as written, if any.")
    status: WeaponStatus


class FigureDraft(_Frozen):
    """A number that bears on the story, as the model reports it."""

    quote: str = Field(description=_QUOTE)
    text: str = Field(description="The number with its words exactly as written.")
    counted: str = Field(default="", description="What is counted or priced, in English.")
    measures: str = Field(default="", description="What the number measures, in English.")


class ClaimDraft(_Frozen):
    """An attributed statement, as the model reports it."""

    quote: str = Field(description=_QUOTE)
    speaker: str = Field(description="Who makes the statement, English name.")
    stance: Stance
    content: str = Field(description="What is stated, as one English sentence.")
    subject: str = Field(default="", description="What or whom the statement is about.")
    channel: str = Field(default="", description="Where it was said or relayed, e.g. 'Tass'.")


class ActorDrafts(_Frozen):
    """Every actor in the article."""

    actors: list[ActorDraft]


class WeaponDrafts(_Frozen):
    """Every weapon, piece of materiel or transfer in the article."""

    weapons: list[WeaponDraft]


class FigureDrafts(_Frozen):
    """Every figure in the article."""

    figures: list[FigureDraft]


class ClaimDrafts(_Frozen):
    """Every attributed statement in the article."""

    claims: list[ClaimDraft]


# --------------------------------------------------------------------------- records (kept)


class Evidence(_Frozen):
    """Where an item stands in the article: found by code, never reported by the model."""

    quote: str = Field(description="The article's own text between start and end.")
    start: int = Field(ge=0, description="Offset of the first character in the article.")
    end: int = Field(ge=0, description="Offset one past the last character.")
    alignment: Alignment = Field(
        description="exact: verbatim; normalised: equal up to case, accents, quote marks "
        "and whitespace; fuzzy: approximate match above the threshold."
    )
    score: float = Field(ge=0, le=1, description="1.0 unless the alignment is fuzzy.")


class Quantity(_Frozen):
    """A number normalised by code, keeping the hedge the article puts on it."""

    text: str = Field(description="The expression as written, e.g. 'más de 1.000'.")
    value: float | None = Field(description="Point value, if the text gives one.")
    low: float | None = Field(default=None, description="Lower bound, if any.")
    high: float | None = Field(default=None, description="Upper bound, if any.")
    qualifier: Qualifier = "exact"
    unit: str | None = Field(
        default=None, description="ISO 4217 code for money, 'percent', 'year', or None."
    )


class Actor(_Frozen):
    """An actor as stated in one article."""

    name: str
    mentions: list[str] = Field(description="Surface forms found verbatim in the article.")
    kind: ActorKind
    country: str = ""
    role: str = ""
    evidence: Evidence


class Weapon(_Frozen):
    """Materiel or a transfer as stated in one article."""

    designation: str = ""
    description: str
    category: WeaponCategory
    supplier: str = ""
    recipient: str = ""
    quantity: Quantity | None = None
    status: WeaponStatus
    evidence: Evidence


class Figure(_Frozen):
    """A figure as stated in one article."""

    quantity: Quantity
    counted: str = ""
    measures: str = ""
    evidence: Evidence


class Claim(_Frozen):
    """An attributed statement as stated in one article."""

    speaker: str
    stance: Stance
    content: str
    subject: str = ""
    channel: str = ""
    evidence: Evidence


class Dropped(_Frozen):
    """An item the model returned that could not be kept, and why."""

    field: Field_
    reason: str
    quote: str


class Usage(_Frozen):
    """Model calls and tokens, re-asks included."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            calls=self.calls + other.calls,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            seconds=round(self.seconds + other.seconds, 3),
        )


class ArticleInfo(_Frozen):
    """The article an extraction was made from."""

    id: str
    source: str = Field(description="The file the article was read from.")
    sha256: str
    chars: int
    encoding: str


class Provenance(_Frozen):
    """Everything that made this extraction what it is."""

    prompt: str = Field(description="Prompt name and version, e.g. 'extract.v1'.")
    prompt_file: str
    prompt_sha256: str
    schema_sha256: str
    model: str
    endpoint: str = Field(description="'embedded' or the base URL (never a key).")
    settings: dict[str, float | int | str] = Field(description="Generation settings and mode.")
    armstrace_version: str
    cached_calls: int = Field(description="Model calls answered from the cache.")
    usage: Usage = Field(description="Model work this run did for this article.")
    recorded_usage: Usage = Field(
        description="Model work the extraction cost when it was made (from the cache if cached)."
    )


class ArticleExtraction(_Frozen):
    """The validated, grounded extraction of one article."""

    article: ArticleInfo
    actors: list[Actor] = []
    weapons: list[Weapon] = []
    figures: list[Figure] = []
    claims: list[Claim] = []
    dropped: list[Dropped] = []
    provenance: Provenance

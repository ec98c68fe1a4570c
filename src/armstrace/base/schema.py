"""The contracts between stages.

Two layers live here. *Drafts* are what the language model fills in: flat, small, every field
described, because the descriptions are what the model reads. *Records* are what armstrace
keeps: a draft after the code has found its quote in the article (with character offsets),
normalised its numbers and attached provenance. Drafts never carry offsets or normalised
values; the model is not trusted with either.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, create_model

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
# How the eval pairs predictions with gold items (matching.py).
Match = Literal["strict", "loose"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- labels (model-facing)
# Code finds the candidate passages; the model labels each one, in order, one label per
# candidate. Labels never carry offsets, normalised numbers or words code can read off the
# text (a weapon's category and amount, a claim's stance, wording and channel): every token a
# small model writes costs time, and what code reads off the text is right by construction.


class ActorLabel(_Frozen):
    """Who or what one name in the article is."""

    kind: Literal[ActorKind, "not_an_actor"] = Field(
        description="not_an_actor for places, events, dates and other non-actors."
    )
    name: str = Field(description="Canonical English name, e.g. 'Vladimir Putin', 'Russia'.")
    country: str = Field(description="Country it belongs to, in English, or ''.")
    role: str = Field(description="Role or title the article gives it, in English, or ''.")


class WeaponLabel(_Frozen):
    """What one sentence states about the materiel code found in it (category, words, amount)."""

    status: Literal[WeaponStatus, "none"] = Field(
        description="none if the sentence states no transfer, deal, request, production or use of it."
    )
    supplier: str = Field(description="Who supplies it, English name, or ''.")
    recipient: str = Field(description="Who receives it, English name, or ''.")


class FigureLabel(_Frozen):
    """What one number in the article counts."""

    counted: str = Field(description="What is counted or priced, in English, e.g. 'containers'.")
    measures: str = Field(description="What the number measures, in English, e.g. 'value of the drone deal'.")


class ClaimLabel(_Frozen):
    """Who makes the statement code found, and what it says in English (stance, subject and channel come from code)."""

    speaker: str = Field(description="Who states it, English name; '' if no one is reported as stating it.")
    content: str = Field(description="What is stated, one short English sentence; for a denial, what is denied.")


class ContentLabel(_Frozen):
    """What a statement says in English, where code has read its speaker off the sentence."""

    content: str = Field(description="What is stated, one short English sentence; for a denial, what is denied.")


LABELS: dict[Field_, type[_Frozen]] = {
    "actors": ActorLabel,
    "weapons": WeaponLabel,
    "figures": FigureLabel,
    "claims": ClaimLabel,
}


def label_for(field: Field_, speaker_known: bool = False) -> type[_Frozen]:
    """The label a candidate of `field` is asked for: a claim whose speaker code found asks only its content."""
    return ContentLabel if field == "claims" and speaker_known else LABELS[field]


@lru_cache(maxsize=256)  # one class per shape, not one per call
def labels_model(label: type[_Frozen], count: int) -> type[BaseModel]:
    """The response model for `count` candidates asked for `label`: exactly one label per candidate.

    The length is part of the JSON Schema (minItems = maxItems), so a server that decodes under
    a grammar cannot stop early or run on past the last candidate. One candidate is answered by
    its label alone: the list around it would be tokens a small model spends time writing.
    """
    if count == 1:
        return label
    name = f"{label.__name__}s"
    return create_model(
        name,
        __base__=_Frozen,
        __doc__=f"One label per numbered item, in order ({count} in all).",
        labels=(list[label], Field(min_length=count, max_length=count)),  # type: ignore[valid-type]
    )


def labels_of(answer: BaseModel) -> list[BaseModel]:
    """The labels of an answer to `labels_model`, in order."""
    labels = getattr(answer, "labels", None)
    return list(labels) if labels is not None else [answer]


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

    name: str = Field(description="Canonical English name.")
    mentions: list[str] = Field(description="Surface forms as written in the article.")
    kind: ActorKind
    country: str = Field(default="", description="Country of affiliation, in English.")
    country_code: str = Field(default="", description="ISO 3166-1 alpha-2, when known.")
    role: str = ""
    evidence: Evidence = Field(description="The first mention.")


# An event stated in several sentences keeps each distinct materiel phrase in its description.
_PHRASES = "; "


def materiel_phrases(description: str) -> list[str]:
    """The materiel phrases a weapon's description joins, in the order the article has them."""
    return description.split(_PHRASES)


def join_phrases(*descriptions: str) -> str:
    """Descriptions joined into one, each phrase once."""
    return _PHRASES.join(dict.fromkeys(p for d in descriptions for p in materiel_phrases(d) if p))


class Weapon(_Frozen):
    """A transfer event (or materiel) as stated in one article."""

    designation: str = ""
    description: str = Field(
        description="The materiel's words as written; an event stated in several sentences joins its distinct phrases with '; '."
    )
    category: WeaponCategory
    supplier: str = ""
    recipient: str = ""
    quantity: Quantity | None = None
    status: WeaponStatus
    evidence: Evidence = Field(description="The first sentence that states the transfer.")
    more_evidence: list[Evidence] = Field(
        default_factory=list, description="Later sentences that state or repeat the same transfer, in the article's order."
    )

    @property
    def stated_in(self) -> list[Evidence]:
        """Every sentence that states the transfer, the first one first."""
        return [self.evidence, *self.more_evidence]


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
    content: str = Field(description="What is asserted or denied: one short English sentence, or the article's clause (see content_from).")
    clause: str = Field(default="", description="The clause the reporting words introduce (or the quotation), verbatim.")
    content_from: Literal["model", "translation", "transfer", "antecedent", "clause"] = Field(
        default="clause",
        description="model: the model's English sentence, whose names and numbers code found in the evidence; "
        "translation: the model's English translation of the clause, asked for when its sentence failed that check "
        "(once more with the clause alone if the first failed), whose names and numbers code found in the clause; "
        "transfer: code's sentence for the transfer the clause states (its parties and materiel, as the weapon item has them); "
        "antecedent: for a statement that only points back (\"denied those reports\"), the English content of the claim "
        "it points back to, in the sentences before; "
        "clause: the clause the reporting words introduce, verbatim (the model gave none, or one the evidence does not bear out).",
    )
    subject: str = ""
    channel: str = ""
    evidence: Evidence


# The four fields, in the order every table, prompt and report lists them.
FIELDS: tuple[Field_, ...] = ("actors", "weapons", "figures", "claims")
Record = Actor | Weapon | Figure | Claim
RECORDS: dict[Field_, type[Record]] = {"actors": Actor, "weapons": Weapon, "figures": Figure, "claims": Claim}


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


class ArticleMeta(_Frozen):
    """What the input says of the article itself (front matter, HTML meta tags): '' if unknown."""

    published: str = Field(default="", description="Publication date, ISO (YYYY-MM-DD).")
    outlet: str = Field(default="", description="Who published it.")
    url: str = Field(default="", description="Where it was published.")
    title: str = Field(default="", description="Its headline.")


class ArticleInfo(_Frozen):
    """The article an extraction was made from."""

    id: str
    source: str = Field(description="The file the article was read from.")
    sha256: str
    chars: int
    encoding: str
    meta: ArticleMeta = Field(default=ArticleMeta(), description="Publication date, outlet, URL and title, when the input gives them.")


class Provenance(_Frozen):
    """Everything that made this extraction what it is."""

    prompt: str = Field(description="Prompt name and version, e.g. 'extract.v2'.")
    prompt_file: str
    prompt_sha256: str
    schema_sha256: str
    model: str
    endpoint: str = Field(description="'embedded' or the base URL (never a key).")
    settings: dict[str, float | int | str] = Field(description="Generation settings and mode.")
    armstrace_version: str
    from_cache: bool = Field(description="True when every answer came from the cache.")
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


class GoldArticle(_Frozen):
    """A hand-made reference extraction of one article (seeds/gold/<article-id>.json)."""

    article: str = Field(description="The article's id: its file name without the suffix.")
    source: str = Field(description="The article file, relative to the repository.")
    annotator: str = Field(default="", description="Who annotated, or which review it came from.")
    actors: list[Actor] = []
    weapons: list[Weapon] = []
    figures: list[Figure] = []
    claims: list[Claim] = []

"""Turn the model's labels into grounded records, and reject what the article does not say.

Every record's evidence is a candidate passage that code found, so its offsets are the
article's own. What the model writes "exactly as written" (a weapon's designation and amount)
must be found in the candidate's sentence: the validator of the response model says which
labels fail, so instructor re-asks; once the re-asks are spent, the unfound value is dropped
and listed, never kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from pydantic import BaseModel, model_validator

from .align import find_mention, normalise
from .candidates import Candidate, Span
from .lexicon import STANCES, Gazetteer, iso_country
from .numbers import find_quantities, parse_quantity
from .schema import (
    Actor,
    ActorLabel,
    Claim,
    ClaimLabel,
    Dropped,
    Evidence,
    Field_,
    Figure,
    FigureLabel,
    Quantity,
    Stance,
    Weapon,
    WeaponLabel,
    labels_model,
)

Record = Actor | Weapon | Figure | Claim


def evidence(span: Span) -> Evidence:
    """Evidence for a passage code found: exact by construction."""
    return Evidence(quote=span.text, start=span.start, end=span.end, alignment="exact", score=1.0)


def locate(article: str, words: str, within: Span) -> Evidence | None:
    """Where `words` stand inside the passage `within`, or None if they are not there."""
    near = evidence(within)
    found = find_mention(article, words, near=near)
    if found is None or found.start < within.start or found.end > within.end:
        return None
    return found


def amount(article: str, words: str, within: Span) -> Quantity | None:
    """The amount the sentence states for `words`, normalised, or None if it states none.

    The words are looked for verbatim (then widened to the whole number expression around
    them); failing that, a number expression of the sentence with the same value counts, since
    a model often rewrites "1.000" as "1000".
    """
    in_sentence = [
        (start, end, q) for start, end, q in find_quantities(article) if within.start <= start and end <= within.end
    ]
    found = locate(article, words, within)
    if found is not None:
        overlapping = [q for start, end, q in in_sentence if start < found.end and found.start < end]
        return overlapping[0] if overlapping else parse_quantity(found.quote)
    wanted = parse_quantity(words)
    if wanted is None or wanted.value is None:
        return None
    return next((q for _, _, q in in_sentence if q.value == wanted.value), None)


def label_problems(candidate: Candidate, label: BaseModel, article: str) -> list[str]:
    """What in one label the article does not say (words that should be verbatim)."""
    if not isinstance(label, WeaponLabel) or label.category == "none":
        return []
    problems = []
    designation, quantity = label.designation.strip(), label.quantity.strip()
    if designation and locate(article, designation, candidate.sentence) is None:
        problems.append(f"designation {designation!r} is not written in that sentence")
    if quantity and amount(article, quantity, candidate.sentence) is None:
        problems.append(f"quantity {quantity!r} is not written in that sentence")
    return problems


def grounded_model(field: Field_, candidates: Sequence[Candidate], article: str) -> type[BaseModel]:
    """The response model for these candidates, with a validator that checks verbatim fields.

    The validator's message names each failing label, which is what instructor sends back to
    the model when it re-asks.
    """
    base = labels_model(field, len(candidates))

    def check(self: Any) -> Any:
        problems = [
            f"label {n}: {problem}"
            for n, (candidate, label) in enumerate(zip(candidates, self.labels), 1)
            for problem in label_problems(candidate, label, article)
        ]
        if problems:
            raise ValueError("; ".join(problems) + ". Copy those words exactly, or leave them empty.")
        return self

    return type(base.__name__, (base,), {"__doc__": base.__doc__, "_grounded": model_validator(mode="after")(check)})


def is_country(name: str, gazetteer: Gazetteer) -> bool:
    """Whether `name` is a country the gazetteer or ISO 3166 (English or Spanish) knows."""
    return bool(gazetteer.country_code(name)) or iso_country(name) is not None


def _actor(candidate: Candidate, label: ActorLabel, gazetteer: Gazetteer, dropped: list[Dropped]) -> Actor | None:
    if label.kind == "not_an_actor":
        return None
    if label.kind == "country" and not (is_country(label.name, gazetteer) or is_country(candidate.span.text, gazetteer)):
        # Small models call regions, seas and capitalised words countries ("Medio Oriente",
        # "Mar Caspio", "Occidente"); a country that no list of countries knows is not one.
        dropped.append(Dropped(field="actors", reason=f"'{label.name}' is not a known country", quote=candidate.span.text))
        return None
    return Actor(
        name=label.name.strip() or candidate.span.text,
        mentions=[candidate.span.text],
        kind=label.kind,
        country=label.country,
        country_code=gazetteer.country_code(label.country),
        role=label.role,
        evidence=evidence(candidate.span),
    )


def known_actor(candidate: Candidate, gazetteer: Gazetteer) -> Actor | None:
    """The record for a name the gazetteer knows: no model call needed."""
    known = candidate.known
    if known is None:
        return None
    return Actor(
        name=known.name,
        mentions=[candidate.span.text],
        kind=known.kind,
        country=gazetteer.country_name(known.country),
        country_code=known.country,
        role=known.role,
        evidence=evidence(candidate.span),
    )


def _weapon(candidate: Candidate, label: WeaponLabel, article: str, dropped: list[Dropped]) -> Weapon | None:
    if label.category == "none":
        return None
    designation = locate(article, label.designation, candidate.sentence) if label.designation.strip() else None
    quantity = amount(article, label.quantity, candidate.sentence) if label.quantity.strip() else None
    for name, words, found in (("designation", label.designation, designation), ("quantity", label.quantity, quantity)):
        if words.strip() and found is None:
            dropped.append(Dropped(field="weapons", reason=f"{name} not in its sentence", quote=words))
    return Weapon(
        designation=designation.quote if designation else "",
        description=label.description,
        category=label.category,
        supplier=label.supplier,
        recipient=label.recipient,
        quantity=quantity,
        status=label.status,
        evidence=evidence(candidate.sentence),
    )


def _figure(candidate: Candidate, label: FigureLabel) -> Figure | None:
    if candidate.quantity is None:
        return None
    return Figure(
        quantity=candidate.quantity,
        counted=label.counted,
        measures=label.measures,
        evidence=evidence(candidate.span),
    )


def _claim(candidate: Candidate, label: ClaimLabel, dropped: list[Dropped]) -> Claim | None:
    if label.stance == "none":
        return None
    if not label.speaker.strip():
        dropped.append(Dropped(field="claims", reason="no speaker given", quote=candidate.sentence.text))
        return None
    # The reporting verb decides the stance when the cue lexicon names one: with it, 30 of the
    # seeds' 34 matched claims carry the gold stance, with the small model's own 14
    # (`armstrace eval`, docs/quality.md).
    stance = candidate.cue if candidate.cue in STANCES else label.stance
    return Claim(
        speaker=label.speaker,
        stance=cast(Stance, stance),
        content=label.content,
        subject=label.subject,
        channel=label.channel,
        evidence=evidence(candidate.sentence),
    )


def ground_labels(
    candidates: Sequence[Candidate], labels: Sequence[BaseModel], article: str, gazetteer: Gazetteer
) -> tuple[list[Record], list[Dropped]]:
    """Records for the labels that name an item, and what had to be dropped from them."""
    records: list[Record] = []
    dropped: list[Dropped] = []
    for candidate, label in zip(candidates, labels):
        record: Record | None
        if isinstance(label, ActorLabel):
            record = _actor(candidate, label, gazetteer, dropped)
        elif isinstance(label, WeaponLabel):
            record = _weapon(candidate, label, article, dropped)
        elif isinstance(label, FigureLabel):
            record = _figure(candidate, label)
        elif isinstance(label, ClaimLabel):
            record = _claim(candidate, label, dropped)
        else:
            raise TypeError(f"not a label: {type(label).__name__}")
        if record is not None:
            records.append(record)
    return records, dropped


def merge_actors(actors: Sequence[Actor]) -> list[Actor]:
    """One actor per canonical name within an article, with every mention kept."""
    merged: dict[str, Actor] = {}
    for actor in sorted(actors, key=lambda a: a.evidence.start):
        key = normalise(actor.name)
        if key in merged:
            first = merged[key]
            mentions = list(dict.fromkeys([*first.mentions, *actor.mentions]))
            merged[key] = first.model_copy(update={"mentions": mentions})
        else:
            merged[key] = actor
    return list(merged.values())

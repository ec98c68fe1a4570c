"""Review decisions saved by the report page, turned into gold annotations.

The page that `armstrace report` writes lets a reviewer mark every extracted item correct or
wrong, fix its fields, and add items the model missed by selecting their text. It saves those
decisions as one JSON file (`ReviewDecisions`). `import_decisions` turns each fully reviewed
article of that file into a `GoldArticle` in the seeds/gold format: items marked correct are
kept (with their fixes), items marked wrong are dropped, added items are built from their
selection. Every evidence is checked against the article text by code before anything is
written, so a gold file made here passes the same checks as the hand-made ones.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..base.errors import InputError, UsageError
from ..base.outdir import write_atomic
from ..base.schema import (
    RECORDS, Actor, ActorKind, Evidence, Field_, GoldArticle, Stance, WeaponCategory, WeaponStatus,
)  # fmt: skip
from ..extraction.load import read_article
from ..base.schema import FIELDS
from ..text.numbers import parse_quantity

FORMAT: Literal["armstrace-review/1"] = "armstrace-review/1"
Value = str | list[str]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- the decisions file


class ItemReview(_Frozen):
    """One extracted item and what the reviewer decided about it."""

    field: Field_
    index: int = Field(ge=0, description="Position of the item in its article's list for the field.")
    verdict: Literal["correct", "wrong"] | None = Field(description="None while undecided.")
    item: dict[str, Any] = Field(description="The item as extracted (an Actor, Weapon, Figure or Claim).")
    fix: dict[str, Value] = Field(default={}, description="Corrected values of editable fields, by name.")


class AddedItem(_Frozen):
    """An item the model missed, added by selecting its text in the page."""

    field: Field_
    quote: str = Field(min_length=1, description="The selected text.")
    start: int = Field(ge=0, description="Offset of its first character in the article.")
    end: int = Field(ge=0, description="Offset one past its last character.")
    values: dict[str, Value] = Field(default={}, description="The item's editable fields, by name.")


class ArticleReview(_Frozen):
    """The decisions about one article."""

    article: str = Field(description="The article's id.")
    source: str = Field(description="The article file the extraction was made from.")
    sha256: str = Field(description="sha256 of the article text the offsets refer to.")
    items: list[ItemReview] = Field(default=[], description="Every grounded item of the article.")
    added: list[AddedItem] = []


class ReviewDecisions(_Frozen):
    """The file the report page saves: a review of one output folder."""

    format: Literal["armstrace-review/1"] = FORMAT
    reviewer: str = ""
    report: str = Field(description="The output folder the page was made from.")
    saved: str = Field(default="", description="When the file was saved, ISO 8601.")
    articles: list[ArticleReview] = []


class Editable(_Frozen):
    """A field the page lets a reviewer fix or fill in."""

    name: str
    kind: Literal["text", "list", "choice"]
    options: list[str] = []


def _choice(name: str, literal: Any) -> Editable:
    return Editable(name=name, kind="choice", options=list(get_args(literal)))


def _texts(*names: str) -> list[Editable]:
    return [Editable(name=n, kind="text") for n in names]


# What a reviewer may change. Evidence and figures' quantities are code's: a wrong span is
# marked wrong and the right one added; a figure's quantity is parsed from its quote.
EDITABLE: dict[Field_, list[Editable]] = {
    "actors": [
        *_texts("name"), _choice("kind", ActorKind), Editable(name="mentions", kind="list"),
        *_texts("country", "country_code", "role"),
    ],
    "weapons": [
        *_texts("designation", "description"), _choice("category", WeaponCategory),
        *_texts("supplier", "recipient", "quantity"), _choice("status", WeaponStatus),
    ],
    "figures": _texts("counted", "measures"),
    "claims": [*_texts("speaker"), _choice("stance", Stance), *_texts("content", "subject", "channel")],
}  # fmt: skip


# --------------------------------------------------------------------------- import


class ImportResult(BaseModel):
    """What `import_decisions` wrote and left out."""

    written: list[str] = []
    skipped: list[str] = Field(default=[], description="Articles not imported, with the reason.")
    kept: int = 0
    dropped: int = 0
    fixed: int = 0
    added: int = 0


def read_decisions(path: Path) -> ReviewDecisions:
    """The decisions file at `path`; InputError naming the file if it is not one."""
    try:
        return ReviewDecisions.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", "save the decisions from the report page first") from None
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(
            f"{path}: not a review decisions file ({where}: {first['msg']})",
            "use the file the report page saves with 'Save decisions'",
        ) from None


def import_decisions(
    path: Path, gold_dir: Path, *, force: bool = False, skip_incomplete: bool = False
) -> ImportResult:
    """Write one gold file per fully reviewed article of the decisions file at `path`.

    Articles with no decision are left out. An article with undecided items is an error unless
    `skip_incomplete`, which leaves it out. An existing gold file is an error unless `force`,
    which replaces it. Everything is checked before the first file is written.
    """
    decisions = read_decisions(path)
    result = ImportResult()
    golds: list[GoldArticle] = []
    for review in decisions.articles:
        if not review.added and all(i.verdict is None for i in review.items):
            continue
        undecided = sum(i.verdict is None for i in review.items)
        if undecided:
            if not skip_incomplete:
                raise UsageError(
                    f"{path}: article {review.article}: {undecided} item(s) have no verdict",
                    "mark them in the report page ('Mark the rest correct'), or pass --skip-incomplete",
                )
            result.skipped.append(f"{review.article}: {undecided} item(s) have no verdict")
            continue
        golds.append(_gold(review, decisions, result))
    targets = [gold_dir / f"{g.article}.json" for g in golds]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        raise UsageError(
            f"{existing[0]}: a gold file for this article exists ({len(existing)} in all)",
            "pass --force to replace them, or --out another folder",
        )
    gold_dir.mkdir(parents=True, exist_ok=True)
    for gold, target in zip(golds, targets):
        write_atomic(target, json.dumps(gold.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n")
        result.written.append(str(target))
    return result


def _gold(review: ArticleReview, decisions: ReviewDecisions, result: ImportResult) -> GoldArticle:
    source = Path(review.source)
    article = read_article(source, review.article)
    if article.sha256 != review.sha256:
        raise InputError(
            f"{source}: the article changed since it was reviewed (sha256 differs)",
            "extract it again, make a new report and review that",
        )
    fields: dict[Field_, list[BaseModel]] = {f: [] for f in FIELDS}
    for reviewed in review.items:
        if reviewed.verdict == "wrong":
            result.dropped += 1
            continue
        where = f"{review.article}: {reviewed.field}[{reviewed.index}]"
        record = _apply(reviewed.field, reviewed.item, reviewed.fix, where)
        fields[reviewed.field].append(_checked(record, article.text, where))
        result.kept += 1
        result.fixed += bool(reviewed.fix)
    for number, added in enumerate(review.added):
        where = f"{review.article}: added {added.field} item {number + 1} ({added.quote[:40]!r})"
        evidence = _evidence(article.text, added.quote, added.start, added.end, where)
        fields[added.field].append(_added(added, evidence, where))
        result.added += 1
    return GoldArticle.model_validate(
        {
            "article": review.article,
            "source": _relative(source),
            "annotator": _annotator(decisions),
            "actors": _merge_actors([a for a in fields["actors"] if isinstance(a, Actor)]),
            **{f: sorted(fields[f], key=_position) for f in ("weapons", "figures", "claims")},
        }
    )


def _position(record: BaseModel) -> tuple[int, int]:
    evidence: Evidence = getattr(record, "evidence")
    return evidence.start, evidence.end


def _annotator(decisions: ReviewDecisions) -> str:
    who = decisions.reviewer or "anonymous"
    day = decisions.saved[:10] or datetime.now().date().isoformat()
    return f"review by {who} of {Path(decisions.report).name} ({day})"


def _relative(source: Path) -> str:
    # Gold files name their article relative to the repository, as seeds/gold does.
    try:
        return str(source.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(source)


def _invalid(where: str, error: ValidationError) -> InputError:
    first = error.errors()[0]
    name = ".".join(str(p) for p in first["loc"])
    return InputError(f"{where}: {name}: {first['msg']}", "fix the value in the report page and save again")


def _values(field: Field_, values: dict[str, Value], where: str) -> dict[str, Any]:
    """Typed record values from what the reviewer typed; quantities are parsed by code."""
    allowed = {e.name for e in EDITABLE[field]}
    unknown = sorted(set(values) - allowed)
    if unknown:
        raise InputError(f"{where}: {', '.join(unknown)} cannot be set by a review", f"editable: {', '.join(sorted(allowed))}")
    typed: dict[str, Any] = dict(values)
    if "quantity" in typed:
        text = str(typed["quantity"]).strip()
        typed["quantity"] = parse_quantity(text) if text else None
        if text and typed["quantity"] is None:
            raise InputError(f"{where}: quantity {text!r} holds no number", "write the amount as the article does")
    return typed


def _apply(field: Field_, item: dict[str, Any], fix: dict[str, Value], where: str) -> BaseModel:
    try:
        return RECORDS[field].model_validate({**item, **_values(field, fix, where)})
    except ValidationError as e:
        raise _invalid(where, e) from None


def _evidence(text: str, quote: str, start: int, end: int, where: str) -> Evidence:
    if not (0 <= start < end <= len(text)) or text[start:end] != quote:
        raise InputError(
            f"{where}: quote {quote!r} is not the article's text at {start}-{end} (there: {text[start:end]!r})",
            "select the text again in the report page made from this article",
        )
    # Gold evidence is the article's own text, so it is exact whatever the extraction's alignment was.
    return Evidence(quote=quote, start=start, end=end, alignment="exact", score=1.0)


def _checked(record: BaseModel, text: str, where: str) -> BaseModel:
    evidence: Evidence = getattr(record, "evidence")
    exact = _evidence(text, evidence.quote, evidence.start, evidence.end, where)
    return record.model_copy(update={"evidence": exact})


def _added(added: AddedItem, evidence: Evidence, where: str) -> BaseModel:
    values = _values(added.field, added.values, where)
    if added.field == "actors":
        values.setdefault("name", added.quote)
        values["mentions"] = values.get("mentions") or [added.quote]
    if added.field == "figures":
        values["quantity"] = parse_quantity(added.quote)
        if values["quantity"] is None:
            raise InputError(f"{where}: a figure's quote must hold a number", "select the number expression")
    try:
        return RECORDS[added.field].model_validate({**values, "evidence": evidence})
    except ValidationError as e:
        raise _invalid(where, e) from None


def _merge_actors(actors: list[Actor]) -> list[Actor]:
    """One actor per canonical name (a fix can rename one into another): mentions joined, first evidence."""
    merged: dict[str, Actor] = {}
    for actor in sorted(actors, key=lambda a: a.evidence.start):
        key = actor.name.casefold()
        if key not in merged:
            merged[key] = actor
            continue
        first = merged[key]
        mentions = first.mentions + [m for m in actor.mentions if m not in first.mentions]
        merged[key] = first.model_copy(update={"mentions": mentions})
    return list(merged.values())

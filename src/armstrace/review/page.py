"""The review page: every extracted item highlighted in its article, and the dataset at a glance.

`write_report(DIR)` reads what a run left in DIR (articles/*.json, run.json, dataset.json and
the article files themselves) and writes DIR/report.html, one self-contained file (styles,
script and diagram inline; no network) that an analyst reads in a browser. Highlights are
built here from the evidence offsets, never by searching the text in the browser, and the
text is escaped like any other value: an article is data, not markup.

The page is rendered by jinja2 from `templates/report.html.j2`; its style sheet and script
are plain files inlined as they are, so no template engine ever parses the article or the
script.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.resources import files
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, ValidationError

from ..base.errors import ArmstraceError, InputError
from ..base.outdir import ARTICLES, DATASET, REPORT, RUN, read_extractions, write_atomic
from ..base.schema import ArticleExtraction, Dropped, Evidence, Field_, Quantity, Record, Weapon
from ..extraction.load import read_article
from ..base.schema import FIELDS
from ..extraction.run import ArticleOutcome, read_summary
from .findings import ClaimView, PropositionRow, TransferView, findings, flow_grid, propositions, weapon_marks
from .gold import EDITABLE, FORMAT
from .highlight import Span, highlight

SINGULAR: dict[Field_, str] = {"actors": "actor", "weapons": "weapon", "figures": "figure", "claims": "claim"}


# --------------------------------------------------------------------------- dataset.json, as read
# Only the columns the page shows, so the page depends on the documented output (docs/dataset.md),
# not on the merge's code.


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")



class _ActorRow(_Row):
    id: str
    name: str
    kind: str
    country_code: str
    part_of: str
    aliases: list[str]
    mentions: int = 0
    articles: list[str]
    independent_sources: int


class _Skipped(_Row):
    file: str
    reason: str


class _Dataset(_Row):
    skipped: list[_Skipped]
    actors: list[_ActorRow]
    transfers: list[TransferView]
    claims: list[ClaimView]
    propositions: list[PropositionRow]


# --------------------------------------------------------------------------- view model


@dataclass(frozen=True)
class ItemView:
    """One extracted item as the page shows it."""

    id: str
    field: Field_
    index: int
    start: int
    end: int
    quote: str
    label: str
    details: list[tuple[str, str]]
    record: dict[str, Any]

    @property
    def title(self) -> str:
        """The hover text: the field and its normalised label."""
        return f"{SINGULAR[self.field]}: {self.label}"


@dataclass
class ArticleView:
    """One article: its highlighted text, its items and what was not kept."""

    id: str
    source: str
    sha256: str
    status: str
    note: str
    text: str = ""
    body: Markup = Markup("")
    text_error: str = ""
    items: list[ItemView] = field(default_factory=list)
    ungrounded: list[ItemView] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    def count(self, name: Field_) -> int:
        """Highlighted items of one field."""
        return sum(i.field == name for i in self.items)


class ReportResult(BaseModel):
    """What `write_report` wrote."""

    path: str
    articles: int
    highlighted: int
    ungrounded: int
    dropped: int
    not_ok: int
    bytes: int


# --------------------------------------------------------------------------- items


def _quantity(q: Quantity | None) -> str:
    if q is None:
        return ""
    if q.low is not None or q.high is not None:
        amount = f"{_num(q.low)}–{_num(q.high)}"
    else:
        amount = _num(q.value)
    hedge = "" if q.qualifier == "exact" else f"{q.qualifier.replace('_', ' ')} "
    return f"{hedge}{amount}{' ' + q.unit if q.unit else ''} (“{q.text}”)"


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def _describe(name: Field_, item: Any) -> tuple[str, list[tuple[str, str]]]:
    """A short label and the normalised fields of one item."""
    if name == "actors":
        country = f"{item.country} ({item.country_code})" if item.country_code else item.country
        rows = [("name", item.name), ("kind", item.kind), ("country", country), ("role", item.role),
                ("mentions", "; ".join(item.mentions))]  # fmt: skip
        return f"{item.name} ({item.kind})", rows
    if name == "weapons":
        thing = item.designation or item.description
        flow = f"{item.supplier or '?'} → {item.recipient or '?'}"
        rows = [("designation", item.designation), ("description", item.description), ("category", item.category),
                ("supplier", item.supplier), ("recipient", item.recipient), ("quantity", _quantity(item.quantity)),
                ("status", item.status)]  # fmt: skip
        return f"{thing}, {flow}, {item.status}", rows
    if name == "figures":
        rows = [("quantity", _quantity(item.quantity)), ("counted", item.counted), ("measures", item.measures)]
        return f"{_quantity(item.quantity)} {item.counted}".strip(), rows
    rows = [("speaker", item.speaker), ("stance", item.stance), ("content", item.content),
            ("subject", item.subject), ("channel", item.channel)]  # fmt: skip
    return f"{item.speaker} ({item.stance}): {item.content}", rows


def _evidence_row(evidence: Evidence) -> tuple[str, str]:
    # No alignment: the extraction grounds every item on its candidate's own span, always exact.
    return "evidence", f"characters {evidence.start}–{evidence.end}"


def _more_evidence_row(item: Record) -> list[tuple[str, str]]:
    """Where a transfer event is stated again: its later sentences' offsets."""
    more = item.more_evidence if isinstance(item, Weapon) else []
    return [("also stated at", ", ".join(f"characters {e.start}–{e.end}" for e in more))] if more else []


def _items(extraction: ArticleExtraction) -> Iterable[ItemView]:
    for name in FIELDS:
        for index, item in enumerate(getattr(extraction, name)):
            label, rows = _describe(name, item)
            ev: Evidence = item.evidence
            yield ItemView(
                id=f"{extraction.article.id}/{name}/{index}",
                field=name,
                index=index,
                start=ev.start,
                end=ev.end,
                quote=ev.quote,
                label=label,
                details=[(k, v) for k, v in rows if v] + [_evidence_row(ev), *_more_evidence_row(item)],
                record=item.model_dump(mode="json"),
            )


def is_grounded(item: ItemView, text: str) -> bool:
    """True when the item's quote is the text at its offsets."""
    return 0 <= item.start < item.end <= len(text) and text[item.start : item.end] == item.quote


def _article_view(extraction: ArticleExtraction, outcome: ArticleOutcome | None) -> ArticleView:
    info = extraction.article
    view = ArticleView(
        id=info.id,
        source=info.source,
        sha256=info.sha256,
        status=outcome.status if outcome else "ok",
        note=outcome.note if outcome else "",
        dropped=list(extraction.dropped),
    )
    items = list(_items(extraction))
    try:
        text = read_article(Path(info.source), info.id).text
    except ArmstraceError as e:
        view.text_error = e.message
        view.ungrounded = items
        return view
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != info.sha256:
        view.text_error = f"{info.source}: the article changed since it was extracted; offsets no longer apply"
        view.ungrounded = items
        return view
    view.text = text
    view.items = [i for i in items if is_grounded(i, text)]
    view.ungrounded = [i for i in items if not is_grounded(i, text)]
    view.body = highlight(text, _spans(extraction, view.items))
    return view


def _spans(extraction: ArticleExtraction, items: Sequence[ItemView]) -> list[Span]:
    """Each item's highlight: its evidence, but a weapon's materiel words and parties, not its sentence."""
    parties = {a.name: a.mentions for a in extraction.actors}
    spans = []
    for i in items:
        marks = weapon_marks(extraction.weapons[i.index], parties) if i.field == "weapons" else [(i.start, i.end)]
        spans += [Span(a, b, i.id, i.field, i.title, more=n > 0) for n, (a, b) in enumerate(marks)]
    return spans


# --------------------------------------------------------------------------- dataset views


def _read_dataset(out: Path) -> tuple[_Dataset | None, str]:
    path = out / DATASET
    if not path.exists():
        return None, f"{path} is missing: run armstrace merge --out {out}"
    try:
        return _Dataset.model_validate_json(path.read_bytes()), ""
    except ValidationError as e:
        return None, f"{path} could not be read ({e.error_count()} errors): run armstrace merge --out {out} again"


# --------------------------------------------------------------------------- reading the folder


def _outcomes(out: Path) -> list[ArticleOutcome]:
    if not (out / RUN).exists():
        return []
    try:
        return read_summary(out).articles
    except (ValidationError, ValueError) as e:
        raise InputError(f"{out / RUN}: not a run summary ({type(e).__name__})", "run armstrace extract again") from None


def _page_data(out: Path, articles: Sequence[ArticleView]) -> Markup:
    """The items and review settings the script needs, as JSON safe inside <script>."""
    payload = {
        "format": FORMAT,
        "report": str(out),
        "key": "armstrace-review:" + hashlib.sha256("".join(a.sha256 for a in articles).encode()).hexdigest()[:16],
        "editable": {f: [e.model_dump() for e in specs] for f, specs in EDITABLE.items()},
        "articles": [
            {
                "id": a.id,
                "source": a.source,
                "sha256": a.sha256,
                "items": [
                    {"id": i.id, "field": i.field, "index": i.index, "label": i.label,
                     "details": i.details, "record": i.record}  # fmt: skip
                    for i in a.items
                ],
            }
            for a in articles
        ],
    }
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # No "</script>", "<!--" or "&" can survive to end the script element early.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _asset(name: str) -> Markup:
    # Inlined as written: a style sheet and a script the project wrote, never user data.
    return Markup(files("armstrace").joinpath("templates", name).read_text(encoding="utf-8"))


def render_report(out: Path) -> tuple[str, ReportResult]:
    """The page for the output folder `out`, and its counts (nothing is written)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    extractions, unreadable = read_extractions(out)
    outcomes = _outcomes(out)
    if not extractions and not outcomes:
        raise InputError(
            f"{out}: no extractions ({out / ARTICLES} holds no article and there is no {RUN})",
            f"extract first: armstrace extract ARTICLES --out {out}",
        )
    by_id = {o.id: o for o in outcomes}
    articles = [_article_view(e, by_id.get(e.article.id)) for e in extractions]
    data, data_error = _read_dataset(out)
    claim_ids = {(a.id, i.start, i.end, i.record["content"]): i.id for a in articles for i in a.items if i.field == "claims"}
    weapons: dict[tuple[str, int, int], list[tuple[str, str]]] = defaultdict(list)
    for a in articles:
        for i in a.items:
            if i.field == "weapons":
                weapons[(a.id, i.start, i.end)].append((i.id, i.record["description"]))
    actors = sorted(data.actors if data else [], key=lambda a: (-a.mentions, -a.independent_sources, a.name))
    env = Environment(
        loader=PackageLoader("armstrace", "templates"),
        autoescape=select_autoescape(["j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    highlighted = Counter(i.field for a in articles for i in a.items)
    html = env.get_template("report.html.j2").render(
        out=out,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        fields=FIELDS,
        singular=SINGULAR,
        articles=articles,
        highlighted=highlighted,
        not_ok=[o for o in outcomes if o.status != "ok"],
        unreadable=unreadable,
        data=data,
        data_error=data_error,
        actors=actors,
        findings=findings(data.transfers, weapons) if data else [],
        flows=flow_grid(data.transfers) if data else [],
        propositions=propositions(data.claims, data.propositions, claim_ids) if data else [],
        quantity=_quantity,
        css=_asset("report.css"),
        js=_asset("report.js"),
        page_data=_page_data(out, articles),
    )
    result = ReportResult(
        path=str(out / REPORT),
        articles=len(articles),
        highlighted=sum(highlighted.values()),
        ungrounded=sum(len(a.ungrounded) for a in articles),
        dropped=sum(len(a.dropped) for a in articles),
        not_ok=sum(o.status != "ok" for o in outcomes) + len(unreadable),
        bytes=len(html.encode("utf-8")),
    )
    return html, result


def write_report(out: Path) -> ReportResult:
    """Write `out`/report.html, the review page of the output folder `out`."""
    if not out.is_dir():
        raise InputError(f"{out}: no such folder", "give the --out folder of armstrace extract")
    html, result = render_report(out)
    write_atomic(out / REPORT, html)
    return result

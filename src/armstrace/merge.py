"""Merge: every article's extraction in DIR/articles/ becomes one dataset.

`merge_dataset(DIR)` reads the extractions one file at a time, resolves actors, weapons,
copies of one story and claims' propositions (module `resolve`), and writes, each file
atomically:

- DIR/dataset.json: the whole dataset (the `Dataset` model);
- DIR/tables/<table>.jsonl and .csv: one file per table;
- DIR/dataset.sqlite: the same tables, a `sources` table and views for common questions;
- DIR/transfers.csv: arms flows in the column layout of the SIPRI Arms Transfers Database.

Every row carries where it came from (article, file, span, quote, and the extraction's prompt,
schema hash and model). Ids are hashes of what identifies a row and every list is sorted, so
the same extractions give byte-identical files, however many times and in whatever order
they were added. docs/dataset.md is the data dictionary.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ArmstraceError, InputError
from .lexicon import load_cues, load_gazetteer
from .load import read_article
from .resolve import Entity, NameForm, Propositions, Resolver, Statements, DuplicateFinder, fold
from .schema import (
    ActorKind, ArticleExtraction, Evidence, Quantity, Stance, WeaponCategory, WeaponStatus,
)  # fmt: skip

# The stages of a flow, in the order they happen; "alleged" is the weakest, "denied" none.
LIFECYCLE: tuple[WeaponStatus, ...] = ("alleged", "requested", "planned", "agreed", "produced", "delivered", "used")
AFFIRMING: tuple[Stance, ...] = ("asserted", "acknowledged", "accused", "warned", "believes")
TABLES = ("articles", "actors", "names", "transfers", "observations", "figures", "claims", "propositions")


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- rows (the contract)


class Source(_Row):
    """Where a row came from: the article's words and the extraction that found them."""

    article: str = Field(description="Article id.")
    file: str = Field(description="The article file the extraction was made from.")
    start: int = Field(description="Offset of the quote's first character in the article.")
    end: int = Field(description="Offset one past the quote's last character.")
    quote: str = Field(description="The article's own text between start and end.")
    prompt: str = Field(description="Prompt name and version of the extraction.")
    schema_sha256: str = Field(description="Hash of the extraction schema.")
    model: str = Field(description="Model that made the extraction.")


class ArticleRow(_Row):
    """One extracted article."""

    id: str
    file: str
    sha256: str = Field(description="sha256 of the article text.")
    chars: int
    published: str | None = Field(description="ISO date from the article's dateline, if it has one.")
    text_from: Literal["file", "quotes"] = Field(
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


class ActorRow(_Row):
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


class NameRow(_Row):
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


class TransferRow(_Row):
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


class ObservationRow(_Row):
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


class FigureRow(_Row):
    """A figure as stated in one article."""

    id: str
    article: str
    published: str | None
    quantity: Quantity
    counted: str
    measures: str
    source: Source


class ClaimRow(_Row):
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


class Position(_Row):
    """One speaker's stance on a proposition in one article."""

    speaker_id: str
    speaker: str
    stance: Stance
    date: str | None
    article: str


class PropositionRow(_Row):
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


class Skipped(_Row):
    """An article file that could not be merged, and why."""

    file: str
    reason: str


class Dataset(_Row):
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


class MergeResult(BaseModel):
    """What a merge wrote."""

    out: str
    written: list[str]
    counts: dict[str, int]
    duplicates: int
    disputed: int
    skipped: list[Skipped]


# --------------------------------------------------------------------------- reading


@dataclass
class _Article:
    extraction: ArticleExtraction
    published: str | None
    text_from: Literal["file", "quotes"]
    local: dict[str, str] = field(default_factory=dict)  # folded names and mentions -> name


def _read(path: Path) -> ArticleExtraction:
    try:
        return ArticleExtraction.model_validate_json(path.read_bytes())
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from None
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{path}: not an article extraction ({where + ': ' if where else ''}{first['msg']})") from None


def _text(extraction: ArticleExtraction) -> tuple[str, Literal["file", "quotes"]]:
    """The article's text if its file is still there unchanged, else its quotes in order."""
    try:
        text = read_article(Path(extraction.article.source)).text
    except (ArmstraceError, ValueError):
        text = ""
    if text and hashlib.sha256(text.encode("utf-8")).hexdigest() == extraction.article.sha256:
        return text, "file"
    spans = {
        (e.start, e.quote)
        for items in (extraction.actors, extraction.weapons, extraction.figures, extraction.claims)
        for e in (item.evidence for item in items)
    }
    return "\n".join(quote for _, quote in sorted(spans)), "quotes"


_MONTHS = {
    m: n
    for n, names in enumerate(
        [
            ("enero", "january", "jan"), ("febrero", "february", "feb"), ("marzo", "march", "mar"),
            ("abril", "april", "apr"), ("mayo", "may"), ("junio", "june", "jun"), ("julio", "july", "jul"),
            ("agosto", "august", "aug"), ("septiembre", "setiembre", "september", "sep", "sept"),
            ("octubre", "october", "oct"), ("noviembre", "november", "nov"), ("diciembre", "december", "dec"),
        ],
        start=1,
    )
    for m in names
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?:de\s+)?(?P<m1>{_MONTH})\.?,?\s+(?:de\s+|del\s+)?(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))\b",
    re.IGNORECASE,
)
# A dateline opens a line: an optional place in capitals and a comma, then the date.
_DATELINE = re.compile(rf"^\s*(?:[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .'-]{{1,40}},\s*)?(?={_DATE.pattern})", re.MULTILINE | re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")


def _iso(m: re.Match[str]) -> str | None:
    if m.group("y3"):
        y, mo, d = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
    else:
        y = int(m.group("y1") or m.group("y2"))
        mo = _MONTHS[(m.group("m1") or m.group("m2")).lower()]
        d = int(m.group("d1") or m.group("d2"))
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def stated_date(text: str) -> str | None:
    """The first full date written in `text` ("12 de octubre de 2023", "2023-10-12"), ISO."""
    return next((iso for m in _DATE.finditer(text) if (iso := _iso(m))), None)


def dateline(text: str) -> str | None:
    """The date of the article's dateline ("MOSCÚ, 12 de octubre de 2023 (EFE) -"), if any.

    Only the first five lines are looked at and the date must open its line (after an
    optional place), so a date in the body is never taken for the publication date.
    """
    head = "\n".join(text.splitlines()[:5])
    for m in _DATELINE.finditer(head):
        found = _DATE.match(head, m.end())
        if found and (iso := _iso(found)):
            return iso
    return None


# --------------------------------------------------------------------------- building


def _id(prefix: str, *parts: str) -> str:
    return f"{prefix}-{hashlib.sha256(chr(31).join(parts).encode('utf-8')).hexdigest()[:12]}"


def _source(article: ArticleExtraction, evidence: Evidence) -> Source:
    p = article.provenance
    return Source(
        article=article.article.id, file=article.article.source, start=evidence.start, end=evidence.end,
        quote=evidence.quote, prompt=p.prompt, schema_sha256=p.schema_sha256, model=p.model,
    )  # fmt: skip


class _Flow(NamedTuple):
    supplier: Entity | None
    recipient: Entity | None
    category: WeaponCategory
    designation: str


_WeaponName = tuple[str, str, str, float, str]  # name, canonical, rule, score, matched


def _sorted_sources(sources: Sequence[Source]) -> list[Source]:
    return sorted(set(sources), key=lambda s: (s.article, s.start, s.end, s.quote))


def _dates(values: Sequence[str | None]) -> tuple[str | None, str | None]:
    known = sorted(v for v in values if v)
    return (known[0], known[-1]) if known else (None, None)


class _Builder:
    """Turns the read articles into sorted rows."""

    def __init__(self, articles: dict[str, _Article], resolver: Resolver, duplicates: dict[str, tuple[str, float | None]]) -> None:
        self.articles = articles
        self.resolver = resolver
        self.duplicates = duplicates
        self.propositions = Propositions(resolver, load_cues())

    def independent(self, articles: set[str]) -> int:
        return len({self.duplicates.get(a, (a, None))[0] for a in articles})

    def entity_id(self, entity: Entity | None) -> str:
        return _id("actor", entity.key) if entity is not None and not entity.key.startswith("text:") else ""

    # ----------------------------------------------------------------- articles and actors

    def article_rows(self) -> list[ArticleRow]:
        rows = []
        for a in self.articles.values():
            x, p = a.extraction, a.extraction.provenance
            dup, score = self.duplicates.get(x.article.id, ("", None))
            rows.append(ArticleRow(
                id=x.article.id, file=x.article.source, sha256=x.article.sha256, chars=x.article.chars,
                published=a.published, text_from=a.text_from, duplicate_of=dup, similarity=score,
                actors=len(x.actors), weapons=len(x.weapons), figures=len(x.figures), claims=len(x.claims),
                prompt=p.prompt, prompt_sha256=p.prompt_sha256, schema_sha256=p.schema_sha256, model=p.model,
                armstrace_version=p.armstrace_version,
            ))  # fmt: skip
        return sorted(rows, key=lambda r: r.id)

    def actor_rows(self) -> list[ActorRow]:
        aliases: dict[str, set[str]] = defaultdict(set)
        roles: dict[str, set[str]] = defaultdict(set)
        sources: dict[str, list[Source]] = defaultdict(list)
        for a in self.articles.values():
            for actor in a.extraction.actors:
                key = self.resolver.entity(actor.name).key
                aliases[key].update([actor.name, *actor.mentions])
                roles[key].update([actor.role] if actor.role else [])
                sources[key].append(_source(a.extraction, actor.evidence))
        rules = {d.key: d.rule for d in self.resolver.decisions()}
        rows = []
        for key, found in sources.items():
            entity = self.resolver.entity_by_key(key)
            parent = self.resolver.entity_by_key(entity.part_of) if entity.part_of else None
            articles = {s.article for s in found}
            rows.append(ActorRow(
                id=self.entity_id(entity), name=entity.name, kind=entity.kind, country_code=entity.country_code,
                part_of_id=self.entity_id(parent), part_of=parent.name if parent else "", rule=rules[key],
                aliases=sorted(aliases[key], key=str.casefold), roles=sorted(roles[key] | ({entity.role} - {""})),
                articles=sorted(articles), independent_sources=self.independent(articles),
                sources=_sorted_sources(found),
            ))  # fmt: skip
        return sorted(rows, key=lambda r: (r.name.casefold(), r.id))

    def name_rows(self, weapon_names: Counter[_WeaponName]) -> list[NameRow]:
        records: Counter[str] = Counter(fold(x.name) for a in self.articles.values() for x in a.extraction.actors)
        rows = [
            NameRow(
                id=_id("name", "actors", fold(d.name)), table="actors", name=d.name,
                resolved_id=_id("actor", d.key), resolved=self.resolver.entity_by_key(d.key).name,
                rule=d.rule, score=d.score, matched=d.matched, records=records[fold(d.name)],
            )  # fmt: skip
            for d in self.resolver.decisions()
        ]
        for (name, canonical, rule, score, matched), count in weapon_names.items():
            rows.append(NameRow(
                id=_id("name", "weapons", name), table="weapons", name=name, resolved_id=canonical,
                resolved=canonical, rule=rule, score=score, matched=matched, records=count,
            ))  # fmt: skip
        return sorted(rows, key=lambda r: (r.table, fold(r.name), r.id))

    # ----------------------------------------------------------------- transfers

    def flows(self) -> tuple[list[ObservationRow], Counter[_WeaponName], dict[str, _Flow]]:
        """Observations, the weapon names decided, and each flow by id."""
        observations = []
        names: Counter[_WeaponName] = Counter()
        flows: dict[str, _Flow] = {}
        for a in self.articles.values():
            for n, w in enumerate(a.extraction.weapons):
                supplier, recipient = self.states(a, w.supplier, w.recipient)
                designation, known_category, decision = self.resolver.weapon(w.designation)
                if decision is not None:
                    names[(decision.name, decision.key, decision.rule, decision.score, decision.matched)] += 1
                category = known_category or w.category
                keys = (supplier.key if supplier else "", recipient.key if recipient else "", category, fold(designation))
                transfer_id = _id("transfer", *keys)
                flows.setdefault(transfer_id, _Flow(supplier, recipient, category, designation))
                observations.append(ObservationRow(
                    id=_id("obs", a.extraction.article.id, "weapon", str(n)), transfer_id=transfer_id,
                    article=a.extraction.article.id, published=a.published, status=w.status,
                    designation=w.designation, description=w.description, supplier=w.supplier.strip(),
                    recipient=w.recipient.strip(), quantity=w.quantity,
                    years_stated=sorted({int(y) for y in _YEAR.findall(w.evidence.quote)}),
                    source=_source(a.extraction, w.evidence),
                ))  # fmt: skip
        return observations, names, flows

    def states(self, a: _Article, supplier: str, recipient: str) -> tuple[Entity | None, Entity | None]:
        found = (self.resolver.party(text, a.local) for text in (supplier, recipient))
        return tuple(self.resolver.state_of(e) if e is not None else None for e in found)  # type: ignore[return-value]

    def transfer_rows(self, observations: list[ObservationRow], flows: dict[str, _Flow]) -> list[TransferRow]:
        by_flow: dict[str, list[ObservationRow]] = defaultdict(list)
        for o in observations:
            by_flow[o.transfer_id].append(o)
        rows = []
        for transfer_id, group in by_flow.items():
            supplier, recipient, category, designation = flows[transfer_id]
            statuses = {o.status for o in group}
            stages = [s for s in LIFECYCLE if s in statuses]
            at_furthest = sorted(
                (o for o in group if o.quantity is not None and stages and o.status == stages[-1]),
                key=lambda o: (o.published or "", o.article, o.source.start),
            )
            articles = {o.article for o in group}
            first_seen, last_seen = _dates([o.published for o in group])
            rows.append(TransferRow(
                id=transfer_id, supplier_id=self.entity_id(supplier), supplier=supplier.name if supplier else "",
                supplier_code=supplier.country_code if supplier else "", recipient_id=self.entity_id(recipient),
                recipient=recipient.name if recipient else "", recipient_code=recipient.country_code if recipient else "",
                category=category, designation=designation,
                descriptions=sorted({o.description for o in group if o.description}), lifecycle=stages,
                status=stages[-1] if stages else "denied", denied="denied" in statuses,
                quantity=at_furthest[-1].quantity if at_furthest else None,
                years_stated=sorted({y for o in group for y in o.years_stated}), first_seen=first_seen,
                last_seen=last_seen, observations=len(group), articles=sorted(articles),
                independent_sources=self.independent(articles), sources=_sorted_sources([o.source for o in group]),
            ))  # fmt: skip
        return sorted(rows, key=lambda r: (r.supplier.casefold(), r.recipient.casefold(), r.category, r.designation, r.id))

    # ----------------------------------------------------------------- figures, claims, propositions

    def figure_rows(self) -> list[FigureRow]:
        rows = [
            FigureRow(
                id=_id("figure", a.extraction.article.id, str(n)), article=a.extraction.article.id,
                published=a.published, quantity=f.quantity, counted=f.counted, measures=f.measures,
                source=_source(a.extraction, f.evidence),
            )  # fmt: skip
            for a in self.articles.values()
            for n, f in enumerate(a.extraction.figures)
        ]
        return sorted(rows, key=lambda r: (r.article, r.source.start, r.id))

    def claim_rows(self) -> tuple[list[ClaimRow], dict[str, tuple[str, Entity | None, Entity | None, Entity | None]]]:
        """Claims, and per proposition id: (statement, subject, supplier, recipient)."""
        pending: list[tuple[_Article, int, Entity | None, Entity | None, tuple[str, Entity, Entity] | None]] = []
        statements = Statements()
        loose: list[tuple[str, str]] = []
        for a in self.articles.values():
            for n, c in enumerate(a.extraction.claims):
                speaker = self.resolver.party(c.speaker, a.local)
                subject = self.resolver.party(c.subject, a.local)
                flow = self.flow_of(a, c.evidence, c.content, speaker)
                pending.append((a, n, speaker, subject, flow))
                if flow is None:
                    loose.append((subject.key if subject else "", c.content))
        for subject_key, content in sorted(loose):
            statements.add(subject_key, content)
        shown: dict[tuple[str, str], str] = {}
        for subject_key, content in sorted(loose, reverse=True):
            shown[(subject_key, statements.leader(subject_key, content))] = content  # the first, sorted
        rows = []
        meta: dict[str, tuple[str, Entity | None, Entity | None, Entity | None]] = {}
        for a, n, speaker, subject, flow in pending:
            c = a.extraction.claims[n]
            if flow is not None:
                rule, supplier, recipient = flow
                pid = _id("prop", "flow", supplier.key, recipient.key)
                meta[pid] = (f"arms from {supplier.name} to {recipient.name}", None, supplier, recipient)
            else:
                rule = "statement"
                key = subject.key if subject else ""
                leader = statements.leader(key, c.content)
                pid = _id("prop", "statement", key, leader)
                meta[pid] = (shown[(key, leader)], subject, None, None)
            rows.append(ClaimRow(
                id=_id("claim", a.extraction.article.id, str(n)), proposition_id=pid, grouped_by=rule,  # type: ignore[arg-type]
                article=a.extraction.article.id, published=a.published, stated_date=stated_date(c.evidence.quote),
                speaker_id=self.entity_id(speaker), speaker=speaker.name if speaker else c.speaker, stance=c.stance,
                content=c.content, subject_id=self.entity_id(subject), subject=subject.name if subject else c.subject,
                channel=c.channel, source=_source(a.extraction, c.evidence),
            ))  # fmt: skip
        return sorted(rows, key=lambda r: (r.article, r.source.start, r.id)), meta

    def flow_of(self, a: _Article, evidence: Evidence, content: str, speaker: Entity | None) -> tuple[str, Entity, Entity] | None:
        """The flow a claim is about: a weapon extracted from its sentence, else its words."""
        overlaps = sorted(
            (-(min(evidence.end, w.evidence.end) - max(evidence.start, w.evidence.start)), w.evidence.start, n)
            for n, w in enumerate(a.extraction.weapons)
            if w.evidence.start < evidence.end and evidence.start < w.evidence.end
        )
        for _, _, n in overlaps:
            supplier, recipient = self.states(a, a.extraction.weapons[n].supplier, a.extraction.weapons[n].recipient)
            if supplier and recipient and supplier.key != recipient.key and not supplier.key.startswith("text:") and not recipient.key.startswith("text:"):
                return "weapon_in_sentence", supplier, recipient
        for text in (content, evidence.quote):
            flow = self.propositions.flow(text, speaker)
            if flow is not None:
                return "stated_flow", *flow
        return None

    def proposition_rows(self, claims: list[ClaimRow], meta: dict[str, tuple[str, Entity | None, Entity | None, Entity | None]]) -> list[PropositionRow]:
        by_prop: dict[str, list[ClaimRow]] = defaultdict(list)
        for c in claims:
            by_prop[c.proposition_id].append(c)
        rows = []
        for pid, group in by_prop.items():
            statement, subject, supplier, recipient = meta[pid]
            about = subject or supplier
            stances = {s: sorted({c.speaker for c in group if c.stance == s}, key=str.casefold) for s in get_args(Stance)}
            affirmed = any(stances[s] for s in AFFIRMING)
            positions = sorted(
                {Position(speaker_id=c.speaker_id, speaker=c.speaker, stance=c.stance, date=c.stated_date or c.published, article=c.article) for c in group},
                key=lambda p: (p.date or "", p.article, p.speaker, p.stance),
            )
            articles = {c.article for c in group}
            first_seen, last_seen = _dates([p.date for p in positions])
            rows.append(PropositionRow(
                id=pid, kind="flow" if supplier else "statement", statement=statement,
                subject_id=self.entity_id(about), subject=about.name if about else "",
                supplier_id=self.entity_id(supplier), recipient_id=self.entity_id(recipient),
                disputed=affirmed and bool(stances["denied"]), asserted_by=stances["asserted"],
                acknowledged_by=stances["acknowledged"], accused_by=stances["accused"], warned_by=stances["warned"],
                believes_by=stances["believes"], denied_by=stances["denied"], positions=positions,
                first_seen=first_seen, last_seen=last_seen, claims=len(group), articles=sorted(articles),
                independent_sources=self.independent(articles), sources=_sorted_sources([c.source for c in group]),
            ))  # fmt: skip
        return sorted(rows, key=lambda r: (not r.disputed, r.statement.casefold(), r.id))



# --------------------------------------------------------------------------- the merge


def merge_dataset(out: Path, gazetteer: Path | None = None) -> MergeResult:
    """Merge every extraction in out/articles/ into out/dataset.json, tables/, .sqlite, transfers.csv.

    `gazetteer` is a user alias file read over the packaged one (it can override any join).
    A file that is not a readable extraction is skipped and listed in the result; no
    extraction at all is an InputError.
    """
    files = sorted((out / "articles").glob("*.json")) if (out / "articles").is_dir() else []
    if not files:
        raise InputError(f"{out / 'articles'}: no article extractions to merge", f"run 'armstrace extract ... --out {out}' first")
    known = load_gazetteer(gazetteer)
    articles, skipped, finder = _read_all(files)
    if not articles:
        raise InputError(f"{out / 'articles'}: none of the {len(files)} files is an article extraction", skipped[0].reason)
    resolver = Resolver(known)
    resolver.resolve_names(_name_forms(articles))
    builder = _Builder(articles, resolver, finder.clusters())
    observations, weapon_names, flows = builder.flows()
    observations.sort(key=lambda o: (o.transfer_id, o.published or "", o.article, o.source.start, o.id))
    claims, meta = builder.claim_rows()
    tables: dict[str, tuple[type[_Row], Sequence[_Row]]] = {
        "articles": (ArticleRow, builder.article_rows()),
        "actors": (ActorRow, builder.actor_rows()),
        "names": (NameRow, builder.name_rows(weapon_names)),
        "transfers": (TransferRow, builder.transfer_rows(observations, flows)),
        "observations": (ObservationRow, observations),
        "figures": (FigureRow, builder.figure_rows()),
        "claims": (ClaimRow, claims),
        "propositions": (PropositionRow, builder.proposition_rows(claims, meta)),
    }
    sources = [Path(__file__).resolve().parent / "data" / "gazetteer.toml", *([gazetteer] if gazetteer else [])]
    header = {"gazetteer_sha256": [hashlib.sha256(p.read_bytes()).hexdigest() for p in sources], "skipped": [s.model_dump() for s in skipped]}
    written = _write_all(out, header, tables)
    propositions = tables["propositions"][1]
    return MergeResult(
        out=str(out), written=written, counts={name: len(rows) for name, (_, rows) in tables.items()},
        duplicates=len(builder.duplicates), disputed=sum(isinstance(p, PropositionRow) and p.disputed for p in propositions),
        skipped=skipped,
    )  # fmt: skip


def _read_all(files: Sequence[Path]) -> tuple[dict[str, _Article], list[Skipped], DuplicateFinder]:
    """Read the extractions one at a time: the JSON is dropped as soon as it is parsed."""
    articles: dict[str, _Article] = {}
    skipped: list[Skipped] = []
    finder = DuplicateFinder()
    for path in files:
        try:
            extraction = _read(path)
        except InputError as e:
            skipped.append(Skipped(file=str(path), reason=e.message))
            continue
        article_id = extraction.article.id
        if article_id in articles:
            skipped.append(Skipped(file=str(path), reason=f"{path}: article id {article_id} is already in another file"))
            continue
        text, text_from = _text(extraction)
        finder.add(article_id, text)
        local: dict[str, str] = {}
        for actor in extraction.actors:
            for surface in (actor.name, *actor.mentions):
                local.setdefault(fold(surface), actor.name)
        articles[article_id] = _Article(extraction, dateline(text) if text_from == "file" else None, text_from, local)
    return dict(sorted(articles.items())), skipped, finder


def _name_forms(articles: dict[str, _Article]) -> dict[str, NameForm]:
    names: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, list[ActorKind]] = defaultdict(list)
    mentions: dict[str, set[str]] = defaultdict(set)
    codes: dict[str, list[str]] = defaultdict(list)
    roles: dict[str, list[str]] = defaultdict(list)
    for a in articles.values():
        for actor in a.extraction.actors:
            key = fold(actor.name)
            names[key][actor.name.strip()] += 1
            kinds[key].append(actor.kind)
            mentions[key].update(actor.mentions)
            codes[key] += [actor.country_code] if actor.country_code else []
            roles[key] += [actor.role] if actor.role else []
    return {
        key: NameForm(
            name=sorted(counts, key=lambda n: (-counts[n], n))[0], kinds=tuple(sorted(kinds[key])),
            mentions=tuple(sorted(mentions[key])), country_codes=tuple(sorted(codes[key])), roles=tuple(sorted(roles[key])),
        )  # fmt: skip
        for key, counts in names.items()
    }


# --------------------------------------------------------------------------- writing


@contextmanager
def _atomic(path: Path) -> Iterator[IO[str]]:
    """A text file that appears at `path` whole or not at all: a temporary file, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_all(out: Path, header: dict[str, Any], tables: dict[str, tuple[type[_Row], Sequence[_Row]]]) -> list[str]:
    """Every output in one pass over the rows: each row is serialised once for all formats."""
    with _atomic(out / "dataset.json") as whole, _sqlite(out / "dataset.sqlite") as db:
        whole.write("{\n")
        for key, value in header.items():
            whole.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)},\n")
        for n, (name, (model, rows)) in enumerate(tables.items()):
            columns = _columns(model)
            cells = []
            whole.write(f'"{name}": [')
            with _atomic(out / "tables" / f"{name}.jsonl") as lines, _atomic(out / "tables" / f"{name}.csv") as table:
                writer = csv.writer(table, lineterminator="\n")
                writer.writerow([c for c, _, _ in columns])
                for i, row in enumerate(rows):
                    data = row.model_dump_json()
                    whole.write(("," if i else "") + "\n" + data)
                    lines.write(data + "\n")
                    cells.append(_cells(row, columns))
                    writer.writerow(cells[-1])
            whole.write("\n]" + ("," if n < len(tables) - 1 else "") + "\n")
            _insert(db, name, columns, cells, rows)
        whole.write("}\n")
        for view, sql in _VIEWS.items():
            db.execute(f"CREATE VIEW {view} AS {sql}")
    transfers = tables["transfers"][1]
    with _atomic(out / "transfers.csv") as f:
        _write_sipri(f, [t for t in transfers if isinstance(t, TransferRow)])
    return ["dataset.json", "tables/", "dataset.sqlite", "transfers.csv"]


def _nested(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (Source, Quantity or an optional one), flattened into columns."""
    options = [a for a in get_args(annotation) if a is not type(None)] if get_args(annotation) else [annotation]
    single = options[0] if len(options) == 1 else None
    return single if isinstance(single, type) and issubclass(single, BaseModel) and get_origin(annotation) is not list else None


def _sql_type(annotation: Any) -> str:
    options = [a for a in get_args(annotation) if a is not type(None)] if get_origin(annotation) is not list and get_args(annotation) else [annotation]
    return {bool: "INTEGER", int: "INTEGER", float: "REAL"}.get(options[0], "TEXT") if len(options) == 1 else "TEXT"


def _columns(model: type[BaseModel]) -> list[tuple[str, tuple[str, ...], str]]:
    """(column, path into the row's JSON, SQLite type); nested models become prefixed columns."""
    columns: list[tuple[str, tuple[str, ...], str]] = []
    for name, info in model.model_fields.items():
        nested = _nested(info.annotation)
        if nested is None:
            columns.append((name, (name,), _sql_type(info.annotation)))
        else:
            columns += [(f"{name}_{sub}", (name, sub), _sql_type(i.annotation)) for sub, i in nested.model_fields.items()]
    return columns


def _cell(value: Any) -> Any:
    """A JSON value as one cell: lists of scalars joined by '; ', other lists as JSON, bools 0/1."""
    if isinstance(value, list) and not (value and isinstance(value[0], (dict, list))):  # lists are homogeneous
        return "; ".join(map(str, value))
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return int(value) if isinstance(value, bool) else value


def _cells(row: _Row, columns: list[tuple[str, tuple[str, ...], str]]) -> tuple[Any, ...]:
    data = row.model_dump(mode="json")
    values = []
    for _, path, _ in columns:
        value: Any = data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        values.append(_cell(value))
    return tuple(values)


_VIEWS = {
    "transfers_by_supplier_recipient": """
        SELECT supplier, supplier_code, recipient, recipient_code, COUNT(*) AS flows,
               group_concat(CASE WHEN designation != '' THEN designation ELSE category END, '; ') AS systems,
               SUM(observations) AS observations, SUM(denied) AS flows_denied
        FROM (SELECT * FROM transfers ORDER BY category, designation)
        WHERE supplier != '' AND recipient != ''
        GROUP BY supplier_id, supplier, recipient_id, recipient ORDER BY supplier, recipient""",
    "claims_by_proposition": """
        SELECT id AS proposition_id, statement, disputed, asserted_by, acknowledged_by, accused_by,
               warned_by, believes_by, denied_by, first_seen, last_seen, claims, independent_sources, articles
        FROM propositions ORDER BY disputed DESC, statement""",
    "disputed_propositions": "SELECT * FROM claims_by_proposition WHERE disputed = 1",
    "actors_by_mentions": """
        SELECT id, name, kind, country_code, part_of, independent_sources, articles FROM actors
        ORDER BY independent_sources DESC, name""",
}


@contextmanager
def _sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    """A new SQLite file built aside and renamed in whole; rows go in in their sorted order."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")  # a file renamed in whole needs no journal
            columns = ", ".join(f'"{c}" {t}' for c, _, t in _columns(Source))
            db.execute(f"CREATE TABLE sources (table_name TEXT, row_id TEXT, {columns})")
            with db:
                yield db
            db.execute("CREATE INDEX sources_by_row ON sources (table_name, row_id)")
        finally:
            db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _insert(
    db: sqlite3.Connection, name: str, columns: list[tuple[str, tuple[str, ...], str]], cells: list[tuple[Any, ...]], rows: Sequence[_Row]
) -> None:
    spec = ", ".join(f'"{c}" {t}' + (" PRIMARY KEY" if c == "id" else "") for c, _, t in columns)
    db.execute(f"CREATE TABLE {name} ({spec})")
    db.executemany(f"INSERT INTO {name} VALUES ({', '.join('?' * len(columns))})", cells)
    source_columns = _columns(Source)
    seen: dict[Source, tuple[Any, ...]] = {}
    db.executemany(
        f"INSERT INTO sources VALUES ({', '.join('?' * (len(source_columns) + 2))})",
        (
            (name, getattr(r, "id", ""), *(seen.get(s) or seen.setdefault(s, _cells(s, source_columns))))
            for r in rows
            for s in _row_sources(r)
        ),
    )


def _row_sources(row: _Row) -> list[Source]:
    many = getattr(row, "sources", None)
    one = getattr(row, "source", None)
    return list(many) if isinstance(many, list) else [one] if isinstance(one, Source) else []


SIPRI_COLUMNS = (
    "supplier", "recipient", "designation", "description", "number", "status", "year", "sources",
    "supplier_code", "recipient_code", "category", "number_as_written", "independent_sources", "transfer_id",
)  # fmt: skip


def _number(quantity: Quantity | None) -> str:
    """An amount as a register writes it: 1000, >1000, ~1000, 200-1000."""
    if quantity is None:
        return ""
    if quantity.value is None:
        low, high = (f"{v:g}" if v is not None else "" for v in (quantity.low, quantity.high))
        return f"{low}-{high}" if low or high else ""
    mark = {"more_than": ">", "at_least": ">=", "less_than": "<", "up_to": "<=", "about": "~", "order_of": "~"}
    return mark.get(quantity.qualifier, "") + f"{quantity.value:g}"


def _write_sipri(f: IO[str], transfers: Sequence[TransferRow]) -> None:
    """Flows with both parties known, in the SIPRI Arms Transfers Database's column order."""
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(SIPRI_COLUMNS)
    for t in transfers:
        if t.supplier and t.recipient:
            writer.writerow([
                t.supplier, t.recipient, t.designation, "; ".join(t.descriptions), _number(t.quantity), t.status,
                "; ".join(str(y) for y in t.years_stated), "; ".join(t.articles), t.supplier_code, t.recipient_code,
                t.category, t.quantity.text if t.quantity else "", t.independent_sources, t.id,
            ])  # fmt: skip

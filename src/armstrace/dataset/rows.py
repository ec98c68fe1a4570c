"""Rows: one article's extraction becomes table rows; rows about one thing are gathered.

`RowBuilder.add` turns one article into its article, observation, figure and claim rows and
its actor mentions, and stores them in the staging database; it keeps in memory only what is
gathered across articles and small (each flow's parties, each proposition's statement, the
weapon names decided). `RowBuilder.tables` then gives every table's rows as JSON, in the
dataset's order: per-article tables straight from SQLite's sorted scans, and the gathered
tables (actors, transfers, propositions) built one row at a time from their group's rows.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple, get_args

from pydantic import BaseModel, ConfigDict, Field

from ..base.schema import ArticleExtraction, ArticleMeta, Evidence, Stance, WeaponCategory, WeaponStatus
from ..knowledge.cues import load_cues
from ..knowledge.gazetteer import name_key
from ..text.dates import stated_date, years
from .propositions import Propositions, Statements
from .resolve import Entity, Resolver
from .sipri import amount_at, clause_years, english_of
from .staging import Staging
from .tables import (
    ActorRow, ArticleRow, ClaimRow, FigureRow, NameRow, ObservationRow, Position, PropositionRow, Row, Source,
    TextFrom, TransferRow,
)  # fmt: skip

# The stages of a flow, in the order they happen; "alleged" is the weakest, "denied" none.
LIFECYCLE: tuple[WeaponStatus, ...] = ("alleged", "requested", "planned", "agreed", "produced", "delivered", "used")
AFFIRMING: tuple[Stance, ...] = ("asserted", "acknowledged", "accused", "warned", "believes")


class TextFacts(BaseModel):
    """What the first reading learnt of an article beyond its extraction."""

    model_config = ConfigDict(frozen=True)

    meta: ArticleMeta = Field(description="Metadata: the extraction's, filled in by the --meta file.")
    published: str | None = Field(description="The metadata's date, else the dateline's.")
    published_from: Literal["metadata", "dateline", ""]
    text_from: TextFrom
    mentions: list[int] = Field(description="Per extracted actor, how often its names occur in the text.")


@dataclass(frozen=True)
class Article:
    """One extraction as read, with what its text and metadata gave."""

    extraction: ArticleExtraction
    facts: TextFacts

    @property
    def published(self) -> str | None:
        """The article's report date."""
        return self.facts.published


def local_names(extraction: ArticleExtraction) -> dict[str, str]:
    """The article's own folded names and mentions -> the actor name they belong to."""
    local: dict[str, str] = {}
    for actor in extraction.actors:
        for surface in (actor.name, *actor.mentions):
            local.setdefault(name_key(surface), actor.name)
    return local


def mention_count(text: str, forms: Iterable[str]) -> int:
    """How often the forms occur in `text` as whole words (longest first, no overlaps); at least one."""
    found = sorted({f.strip() for f in forms if f.strip()}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, found)) + r")(?!\w)") if found else None
    # An actor was extracted from a mention: when the text is not at hand, that one is known.
    return max(len(pattern.findall(text)) if pattern else 0, 1)


def row_id(prefix: str, *parts: str) -> str:
    """A stable id: the prefix and the first 12 hex digits of the sha256 of what identifies the row."""
    return f"{prefix}-{hashlib.sha256(chr(31).join(parts).encode('utf-8')).hexdigest()[:12]}"


def _source(article: ArticleExtraction, evidence: Evidence) -> Source:
    p = article.provenance
    return Source(
        article=article.article.id, file=article.article.source, start=evidence.start, end=evidence.end,
        quote=evidence.quote, prompt=p.prompt, schema_sha256=p.schema_sha256, model=p.model,
    )  # fmt: skip


def _by_name(name: str) -> tuple[str, str]:
    """Names in dictionary order; names equal but for case in code point order, so never by chance."""
    return name.casefold(), name


def _sorted_sources(sources: Sequence[Source]) -> list[Source]:
    return sorted(set(sources), key=lambda s: (s.article, s.start, s.end, s.quote))


def _dates(values: Sequence[str | None]) -> tuple[str | None, str | None]:
    known = sorted(v for v in values if v)
    return (known[0], known[-1]) if known else (None, None)


class _Flow(NamedTuple):
    supplier: Entity | None
    recipient: Entity | None
    category: WeaponCategory
    designation: str


# A proposition's statement, its subject (statements) or its parties (flows).
_Meta = tuple[str, Entity | None, Entity | None, Entity | None]
_WeaponName = tuple[str, str, str, float, str]  # name, canonical, rule, score, matched
_Party = tuple[Entity | None, Entity | None]


class RowBuilder:
    """Builds every table's rows from the articles added, through the staging database."""

    def __init__(
        self, resolver: Resolver, duplicates: Mapping[str, tuple[str, float | None]], staging: Staging, records: Mapping[str, int]
    ) -> None:
        """`duplicates` is `DuplicateFinder.clusters()`; `records` counts actor records per folded name."""
        self.resolver = resolver
        self.duplicates = duplicates
        self.staging = staging
        self.records = records
        self.propositions = Propositions(resolver, load_cues())
        self.flows: dict[str, _Flow] = {}
        self.weapon_names: Counter[_WeaponName] = Counter()
        self.meta: dict[str, _Meta] = {}
        self.subjects: dict[str, Entity | None] = {"": None}
        self.disputed = 0

    def independent(self, articles: set[str]) -> int:
        """How many articles, counting a cluster of copies once."""
        return len({self.duplicates.get(a, (a, None))[0] for a in articles})

    def entity_id(self, entity: Entity | None) -> str:
        """The actor id of an entity; '' for none or for a party no rule resolved."""
        return row_id("actor", entity.key) if entity is not None and not entity.key.startswith("text:") else ""

    # ----------------------------------------------------------------- one article

    def add(self, article: Article) -> None:
        """Store one article's rows; in article id order, as a flow keeps its designation as first written."""
        local = local_names(article.extraction)
        self._add_article(article)
        for actor, count in zip(article.extraction.actors, article.facts.mentions, strict=True):
            names = json.dumps([actor.name, *actor.mentions], ensure_ascii=False)
            key = self.resolver.entity(actor.name).key
            self.staging.add_mention(key, names, actor.role, count, article.published, _source(article.extraction, actor.evidence))
        self._add_observations(article, local)
        for n, f in enumerate(article.extraction.figures):
            self.staging.add_figure(FigureRow(
                id=row_id("figure", article.extraction.article.id, str(n)), article=article.extraction.article.id,
                published=article.published, quantity=f.quantity, counted=f.counted, measures=f.measures,
                source=_source(article.extraction, f.evidence),
            ))  # fmt: skip
        self._add_claims(article, local)

    def _add_article(self, article: Article) -> None:
        x, p = article.extraction, article.extraction.provenance
        dup, score = self.duplicates.get(x.article.id, ("", None))
        row = ArticleRow(
            id=x.article.id, file=x.article.source, sha256=x.article.sha256, chars=x.article.chars,
            published=article.published, published_from=article.facts.published_from, outlet=article.facts.meta.outlet,
            url=article.facts.meta.url, title=article.facts.meta.title, text_from=article.facts.text_from,
            duplicate_of=dup, similarity=score,
            actors=len(x.actors), weapons=len(x.weapons), figures=len(x.figures), claims=len(x.claims),
            prompt=p.prompt, prompt_sha256=p.prompt_sha256, schema_sha256=p.schema_sha256, model=p.model,
            armstrace_version=p.armstrace_version,
        )  # fmt: skip
        self.staging.add_article(row.id, row.model_dump_json())

    def _states(self, local: Mapping[str, str], supplier: str, recipient: str) -> _Party:
        found = (self.resolver.party(text, local) for text in (supplier, recipient))
        return tuple(self.resolver.state_of(e) if e is not None else None for e in found)  # type: ignore[return-value]

    def _add_observations(self, article: Article, local: Mapping[str, str]) -> None:
        x = article.extraction
        for n, w in enumerate(x.weapons):
            supplier, recipient = self._states(local, w.supplier, w.recipient)
            designation, known_category, decision = self.resolver.weapon(w.designation)
            if decision is not None:
                self.weapon_names[(decision.name, decision.key, decision.rule, decision.score, decision.matched)] += 1
            category = known_category or w.category
            keys = (supplier.key if supplier else "", recipient.key if recipient else "", category, name_key(designation))
            transfer_id = row_id("transfer", *keys)
            self.flows.setdefault(transfer_id, _Flow(supplier, recipient, category, designation))
            self.staging.add_observation(ObservationRow(
                id=row_id("obs", x.article.id, "weapon", str(n)), transfer_id=transfer_id, article=x.article.id,
                published=article.published, status=w.status, designation=w.designation, description=w.description,
                supplier=w.supplier.strip(), recipient=w.recipient.strip(), quantity=w.quantity,
                years_stated=years(w.evidence.quote), clause_years=clause_years(w.evidence.quote, w.description),
                source=_source(x, w.evidence),
            ))  # fmt: skip

    def _add_claims(self, article: Article, local: Mapping[str, str]) -> None:
        x = article.extraction
        for n, c in enumerate(x.claims):
            speaker = self.resolver.party(c.speaker, local)
            subject = self.resolver.party(c.subject, local)
            flow = self._flow_of(article, local, c.evidence, c.content, speaker)
            subject_key = subject.key if subject else ""
            if flow is not None:
                grouped_by, supplier, recipient = flow
                pid = row_id("prop", "flow", supplier.key, recipient.key)
                self.meta[pid] = (f"arms from {supplier.name} to {recipient.name}", None, supplier, recipient)
            else:
                grouped_by, pid = "statement", ""  # settled once every statement is known
                self.subjects[subject_key] = subject
            self.staging.add_claim(ClaimRow(
                id=row_id("claim", x.article.id, str(n)), proposition_id=pid, grouped_by=grouped_by,  # type: ignore[arg-type]
                article=x.article.id, published=article.published, stated_date=stated_date(c.evidence.quote),
                speaker_id=self.entity_id(speaker), speaker=speaker.name if speaker else c.speaker, stance=c.stance,
                content=c.content, subject_id=self.entity_id(subject), subject=subject.name if subject else c.subject,
                channel=c.channel, source=_source(x, c.evidence),
            ), subject_key)  # fmt: skip

    def _flow_of(
        self, article: Article, local: Mapping[str, str], evidence: Evidence, content: str, speaker: Entity | None
    ) -> tuple[str, Entity, Entity] | None:
        """The flow a claim is about: a weapon extracted from its sentence, else its words."""
        weapons = article.extraction.weapons
        overlaps = sorted(
            (-(min(evidence.end, w.evidence.end) - max(evidence.start, w.evidence.start)), w.evidence.start, n)
            for n, w in enumerate(weapons)
            if w.evidence.start < evidence.end and evidence.start < w.evidence.end
        )
        for _, _, n in overlaps:
            supplier, recipient = self._states(local, weapons[n].supplier, weapons[n].recipient)
            if supplier and recipient and supplier.key != recipient.key and not supplier.key.startswith("text:") and not recipient.key.startswith("text:"):
                return "weapon_in_sentence", supplier, recipient
        for text in (content, evidence.quote):
            flow = self.propositions.flow(text, speaker)
            if flow is not None:
                return "stated_flow", *flow
        return None

    # ----------------------------------------------------------------- across articles

    def settle(self) -> None:
        """Cluster the statements into propositions and index the staged rows; after the last `add`."""
        statements = Statements()
        for subject, content in self.staging.statements():
            statements.add(subject, content)

        def propositions() -> Iterator[tuple[str, str, str]]:
            for subject, content in self.staging.statements():
                pid = row_id("prop", "statement", subject, statements.leader(subject, content))
                # Contents come sorted: a proposition reads as the first of its cluster.
                self.meta.setdefault(pid, (content, self.subjects[subject], None, None))
                yield subject, content, pid

        self.staging.set_statements(propositions())
        self.staging.index()

    def tables(self) -> dict[str, Iterator[str]]:
        """Every table's rows as JSON, in the dataset's order; each is built as it is read."""
        rules = {d.key: d.rule for d in self.resolver.decisions()}
        entities = sorted(map(self.resolver.entity_by_key, self.staging.actors()), key=lambda e: (e.name.casefold(), self.entity_id(e)))
        return {
            "articles": self.staging.articles(),
            "actors": _json(self._actor_row(entity, rules[entity.key]) for entity in entities),
            "names": _json(self._name_rows()),
            "transfers": _json(self._transfer_row(transfer_id, flow) for transfer_id, flow in self._transfer_order()),
            "observations": self.staging.observations(),
            "figures": self.staging.figures(),
            "claims": (j if pid is None else _claim(j, pid).model_dump_json() for j, pid in self.staging.claims()),
            "propositions": _json(self._proposition_row(pid) for pid in self._proposition_order()),
        }

    def _actor_row(self, entity: Entity, rule: str) -> ActorRow:
        aliases: set[str] = set()
        roles: set[str] = {entity.role} - {""}
        found, dates, mentions = [], [], 0
        for names, role, count, published, source in self.staging.mentions(entity.key):
            aliases.update(json.loads(names))
            roles.update([role] if role else [])
            found.append(Source.model_validate_json(source))
            dates.append(published)
            mentions += count
        parent = self.resolver.entity_by_key(entity.part_of) if entity.part_of else None
        articles = {s.article for s in found}
        first_seen, last_seen = _dates(dates)
        return ActorRow(
            id=self.entity_id(entity), name=entity.name, kind=entity.kind, country_code=entity.country_code,
            part_of_id=self.entity_id(parent), part_of=parent.name if parent else "", rule=rule,
            aliases=sorted(aliases, key=_by_name), roles=sorted(roles), mentions=mentions, first_seen=first_seen,
            last_seen=last_seen, articles=sorted(articles),
            independent_sources=self.independent(articles), sources=_sorted_sources(found),
        )  # fmt: skip

    def _name_rows(self) -> list[NameRow]:
        rows = [
            NameRow(
                id=row_id("name", "actors", name_key(d.name)), table="actors", name=d.name,
                resolved_id=row_id("actor", d.key), resolved=self.resolver.entity_by_key(d.key).name,
                rule=d.rule, score=d.score, matched=d.matched, records=self.records[name_key(d.name)],
            )  # fmt: skip
            for d in self.resolver.decisions()
        ]
        for (name, canonical, rule, score, matched), count in self.weapon_names.items():
            rows.append(NameRow(
                id=row_id("name", "weapons", name), table="weapons", name=name, resolved_id=canonical,
                resolved=canonical, rule=rule, score=score, matched=matched, records=count,
            ))  # fmt: skip
        return sorted(rows, key=lambda r: (r.table, name_key(r.name), r.id))

    def _transfer_order(self) -> list[tuple[str, _Flow]]:
        """Flows by supplier, recipient, category and designation."""

        def order(item: tuple[str, _Flow]) -> tuple[str, ...]:
            transfer_id, (supplier, recipient, category, designation) = item
            parties = (e.name.casefold() if e else "" for e in (supplier, recipient))
            return (*parties, category, designation, transfer_id)

        return sorted(self.flows.items(), key=order)

    def _transfer_row(self, transfer_id: str, flow: _Flow) -> TransferRow:
        supplier, recipient, category, designation = flow
        group = [ObservationRow.model_validate_json(j) for j in self.staging.observations(transfer_id)]
        statuses = {o.status for o in group}
        stages = [s for s in LIFECYCLE if s in statuses]
        ordered = [y for o in group if o.status == "agreed" for y in o.clause_years]
        articles = {o.article for o in group}
        first_seen, last_seen = _dates([o.published for o in group])
        return TransferRow(
            id=transfer_id, supplier_id=self.entity_id(supplier), supplier=supplier.name if supplier else "",
            supplier_code=supplier.country_code if supplier else "", recipient_id=self.entity_id(recipient),
            recipient=recipient.name if recipient else "", recipient_code=recipient.country_code if recipient else "",
            category=category, designation=designation, description=english_of(group, category),
            descriptions=sorted({o.description for o in group if o.description}), lifecycle=stages,
            status=stages[-1] if stages else "denied", denied="denied" in statuses,
            quantity=amount_at(group, stages[-1]) if stages else None, number_ordered=amount_at(group, "agreed"),
            number_delivered=amount_at(group, "delivered"), year_of_order=min(ordered, default=None),
            years_of_delivery=sorted({y for o in group if o.status == "delivered" for y in o.clause_years}),
            years_stated=sorted({y for o in group for y in o.years_stated}), first_seen=first_seen,
            last_seen=last_seen, observations=len(group), articles=sorted(articles),
            independent_sources=self.independent(articles), sources=_sorted_sources([o.source for o in group]),
        )  # fmt: skip

    def _proposition_order(self) -> list[str]:
        """Proposition ids, disputed ones first, then by statement; counts the disputed."""
        stances: dict[str, set[str]] = {}
        for pid, stance in self.staging.stances():
            stances.setdefault(pid, set()).add(stance)
        disputed = {pid for pid, seen in stances.items() if "denied" in seen and seen & set(AFFIRMING)}
        self.disputed = len(disputed)
        return sorted(self.meta, key=lambda pid: (pid not in disputed, self.meta[pid][0].casefold(), pid))

    def _proposition_row(self, pid: str) -> PropositionRow:
        group = [_claim(j, lacking) for j, lacking in self.staging.claims(pid)]
        statement, subject, supplier, recipient = self.meta[pid]
        about = subject or supplier
        stances = {s: sorted({c.speaker for c in group if c.stance == s}, key=_by_name) for s in get_args(Stance)}
        affirmed = any(stances[s] for s in AFFIRMING)
        positions = sorted(
            {Position(speaker_id=c.speaker_id, speaker=c.speaker, stance=c.stance, date=c.stated_date or c.published, article=c.article) for c in group},
            key=lambda p: (p.date or "", p.article, p.speaker, p.stance),
        )
        articles = {c.article for c in group}
        first_seen, last_seen = _dates([p.date for p in positions])
        return PropositionRow(
            id=pid, kind="flow" if supplier else "statement", statement=statement,
            subject_id=self.entity_id(about), subject=about.name if about else "",
            supplier_id=self.entity_id(supplier), recipient_id=self.entity_id(recipient),
            disputed=affirmed and bool(stances["denied"]), asserted_by=stances["asserted"],
            acknowledged_by=stances["acknowledged"], accused_by=stances["accused"], warned_by=stances["warned"],
            believes_by=stances["believes"], denied_by=stances["denied"], positions=positions,
            first_seen=first_seen, last_seen=last_seen, claims=len(group), articles=sorted(articles),
            independent_sources=self.independent(articles), sources=_sorted_sources([c.source for c in group]),
        )  # fmt: skip


def _claim(json_row: str, proposition: str | None) -> ClaimRow:
    """A staged claim row, given the proposition it lacks (a statement's is settled last)."""
    row = ClaimRow.model_validate_json(json_row)
    return row if proposition is None else row.model_copy(update={"proposition_id": proposition})


def _json(rows: Iterable[Row]) -> Iterator[str]:
    """Rows as JSON, each row dropped once dumped: a row gathering thousands of sources is big."""
    for row in rows:
        data = row.model_dump_json()
        del row
        yield data

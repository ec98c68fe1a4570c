"""Rows: one article's extraction becomes table rows; rows about one thing are gathered.

`RowBuilder.add` turns one article into its article, observation, figure and claim rows and
its actor mentions, and stores them in the staging database; it keeps in memory only what is
gathered across articles and small (each flow's parties, each proposition's statement, the
weapon names decided). `RowBuilder.tables` then gives every table's rows as JSON, in the
dataset's order: per-article tables straight from SQLite's sorted scans, and the gathered
tables (actors, transfers, propositions) built one row at a time from their group's rows
(module `gathered`). `RowBuilder.settle`, after the last article, groups the claims into
propositions and finds the disputed ones, which the propositions table lists first.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Literal, NamedTuple

from ..base.schema import ArticleExtraction, Evidence, materiel_phrases
from ..knowledge.cues import load_cues
from ..knowledge.gazetteer import name_key
from ..text.dates import stated_date, years
from .duplicates import Copy
from .facts import ReadArticle, local_names
from .gathered import Flow, PropositionMeta, actor_id, actor_row, is_disputed, proposition_row, row_id, transfer_row
from .propositions import Propositions, Statements
from .resolve import Entity, Resolver
from .sipri import clause_years
from .staging import Staging
from .tables import ActorRow, ArticleRow, ClaimRow, FigureRow, NameRow, ObservationRow, PropositionRow, Row, Source, TransferRow


class Parties(NamedTuple):
    """A flow's supplier and recipient states, as resolved; None for a side no name was given for."""

    supplier: Entity | None
    recipient: Entity | None


class ClaimFlow(NamedTuple):
    """The arms flow a claim is about, and what tied the claim to it."""

    grouped_by: Literal["weapon_in_sentence", "stated_flow"]
    supplier: Entity
    recipient: Entity


class WeaponName(NamedTuple):
    """How one weapon designation was resolved (a row of the names table)."""

    name: str
    canonical: str
    rule: str
    score: float
    matched: str


def _source(extraction: ArticleExtraction, evidence: Evidence) -> Source:
    provenance = extraction.provenance
    return Source(
        article=extraction.article.id, file=extraction.article.source, start=evidence.start, end=evidence.end,
        quote=evidence.quote, prompt=provenance.prompt, schema_sha256=provenance.schema_sha256, model=provenance.model,
    )  # fmt: skip


class RowBuilder:
    """Builds every table's rows from the articles added, through the staging database."""

    def __init__(self, resolver: Resolver, duplicates: Mapping[str, Copy], staging: Staging, records: Mapping[str, int]) -> None:
        """`duplicates` is `DuplicateFinder.clusters()`; `records` counts actor records per folded name."""
        self.resolver = resolver
        self.duplicates = duplicates
        self.staging = staging
        self.records = records
        self.propositions = Propositions(resolver, load_cues())
        self.flows: dict[str, Flow] = {}
        self.weapon_names: Counter[WeaponName] = Counter()
        self.proposition_meta: dict[str, PropositionMeta] = {}
        self.subjects: dict[str, Entity | None] = {"": None}
        # The ids of the propositions both affirmed and denied; known once `settle` has run.
        self.disputed: frozenset[str] = frozenset()

    # ----------------------------------------------------------------- one article

    def add(self, article: ReadArticle) -> None:
        """Store one article's rows; in article id order, as a flow keeps its designation as first written."""
        extraction = article.extraction
        local = local_names(extraction)
        self._add_article(article)
        for actor, count in zip(extraction.actors, article.facts.mentions, strict=True):
            names = json.dumps([actor.name, *actor.mentions], ensure_ascii=False)
            key = self.resolver.entity(actor.name).key
            self.staging.add_mention(key, names, actor.role, count, article.published, _source(extraction, actor.evidence))
        self._add_observations(article, local)
        for index, figure in enumerate(extraction.figures):
            self.staging.add_figure(FigureRow(
                id=row_id("figure", extraction.article.id, str(index)), article=extraction.article.id,
                published=article.published, quantity=figure.quantity, counted=figure.counted, measures=figure.measures,
                source=_source(extraction, figure.evidence),
            ))  # fmt: skip
        self._add_claims(article, local)

    def _add_article(self, article: ReadArticle) -> None:
        extraction, facts = article.extraction, article.facts
        header, provenance = extraction.article, extraction.provenance
        copy = self.duplicates.get(header.id, Copy("", None))
        row = ArticleRow(
            id=header.id, file=header.source, sha256=header.sha256, chars=header.chars,
            published=article.published, published_from=facts.published_from, outlet=facts.meta.outlet,
            url=facts.meta.url, title=facts.meta.title, text_from=facts.text_from, language=facts.language,
            duplicate_of=copy.original, similarity=copy.similarity, actors=len(extraction.actors),
            weapons=len(extraction.weapons), figures=len(extraction.figures), claims=len(extraction.claims),
            prompt=provenance.prompt, prompt_sha256=provenance.prompt_sha256, schema_sha256=provenance.schema_sha256,
            model=provenance.model, armstrace_version=provenance.armstrace_version,
        )  # fmt: skip
        self.staging.add_article(row.id, row.model_dump_json())

    def _states(self, local: Mapping[str, str], supplier: str, recipient: str) -> Parties:
        """The states of a flow's two sides, as the article names them."""

        def state(text: str) -> Entity | None:
            entity = self.resolver.party(text, local)
            return self.resolver.state_of(entity) if entity is not None else None

        return Parties(state(supplier), state(recipient))

    def _add_observations(self, article: ReadArticle, local: Mapping[str, str]) -> None:
        extraction = article.extraction
        for index, weapon in enumerate(extraction.weapons):
            supplier, recipient = self._states(local, weapon.supplier, weapon.recipient)
            designation, known_category, decision = self.resolver.weapon(weapon.designation)
            if decision is not None:
                self.weapon_names[WeaponName(decision.name, decision.key, decision.rule, decision.score, decision.matched)] += 1
            category = known_category or weapon.category
            keys = (supplier.key if supplier else "", recipient.key if recipient else "", category, name_key(designation))
            transfer_id = row_id("transfer", *keys)
            self.flows.setdefault(transfer_id, Flow(supplier, recipient, category, designation))
            quote = weapon.evidence.quote
            self.staging.add_observation(ObservationRow(
                id=row_id("obs", extraction.article.id, "weapon", str(index)), transfer_id=transfer_id,
                article=extraction.article.id, published=article.published, status=weapon.status,
                designation=weapon.designation, description=weapon.description, supplier=weapon.supplier.strip(),
                recipient=weapon.recipient.strip(), quantity=weapon.quantity, years_stated=years(quote),
                clause_years=clause_years(quote, materiel_phrases(weapon.description)[0]), source=_source(extraction, weapon.evidence),
            ))  # fmt: skip

    def _add_claims(self, article: ReadArticle, local: Mapping[str, str]) -> None:
        extraction = article.extraction
        for index, claim in enumerate(extraction.claims):
            speaker = self.resolver.party(claim.speaker, local)
            subject = self.resolver.party(claim.subject, local)
            flow = self._flow_of(article, local, claim.evidence, claim.content, speaker)
            subject_key = subject.key if subject else ""
            grouped_by: Literal["weapon_in_sentence", "stated_flow", "stated_relation", "statement"]
            if flow is not None:
                grouped_by, supplier, recipient = flow
                proposition_id = row_id("prop", "flow", supplier.key, recipient.key)
                statement = f"arms from {supplier.name} to {recipient.name}"
                self.proposition_meta[proposition_id] = PropositionMeta(statement, None, supplier, recipient, "flow")
            elif (related := self._relation_of(claim.content, claim.evidence.quote, subject)) is not None:
                grouped_by, proposition_id = "stated_relation", related
            else:
                grouped_by, proposition_id = "statement", ""  # settled once every statement is known
                self.subjects[subject_key] = subject
            self.staging.add_claim(ClaimRow(
                id=row_id("claim", extraction.article.id, str(index)), proposition_id=proposition_id, grouped_by=grouped_by,
                article=extraction.article.id, published=article.published, stated_date=stated_date(claim.evidence.quote),
                speaker_id=actor_id(speaker), speaker=speaker.name if speaker else claim.speaker,
                stance=claim.stance, content=claim.content, subject_id=actor_id(subject),
                subject=subject.name if subject else claim.subject, channel=claim.channel,
                source=_source(extraction, claim.evidence),
            ), subject_key)  # fmt: skip

    def _relation_of(self, content: str, quote: str, subject: Entity | None) -> str | None:
        """The id of the relation proposition the claim's words state, or None (its meta is kept)."""
        for text in (content, quote):
            if (found := self.propositions.relation(text, subject)) is None:
                continue
            relation, first, other = found
            # A mutual relation is one proposition whichever party the claim names first.
            parties = sorted((first, other), key=lambda e: e.name) if other is not None else [first]
            proposition_id = row_id("prop", "relation", relation.name, *(p.key for p in parties))
            statement = relation.statement.format(subject=parties[0].name, other=parties[-1].name)
            self.proposition_meta[proposition_id] = PropositionMeta(statement, first, None, None, "relation")
            return proposition_id
        return None

    def _flow_of(
        self, article: ReadArticle, local: Mapping[str, str], evidence: Evidence, content: str, speaker: Entity | None
    ) -> ClaimFlow | None:
        """The flow a claim is about: a weapon extracted from its sentence, else its words."""
        weapons = article.extraction.weapons
        overlaps = sorted(
            (-(min(evidence.end, said.end) - max(evidence.start, said.start)), said.start, index)
            for index, weapon in enumerate(weapons)
            for said in weapon.stated_in
            if said.start < evidence.end and evidence.start < said.end
        )
        for _, _, index in overlaps:  # the widest overlap first
            supplier, recipient = self._states(local, weapons[index].supplier, weapons[index].recipient)
            if supplier and recipient and supplier.key != recipient.key and not supplier.key.startswith("text:") and not recipient.key.startswith("text:"):
                return ClaimFlow("weapon_in_sentence", supplier, recipient)
        for text in (content, evidence.quote):
            stated = self.propositions.flow(text, speaker)
            if stated is not None:
                return ClaimFlow("stated_flow", *stated)
        return None

    # ----------------------------------------------------------------- across articles

    def settle(self) -> None:
        """After the last `add`: cluster the statements into propositions, index the staged rows, find the disputed."""
        statements = Statements()
        for subject, content in self.staging.statements():
            statements.add(subject, content)

        def propositions() -> Iterator[tuple[str, str, str]]:
            for subject, content in self.staging.statements():
                proposition_id = row_id("prop", "statement", subject, statements.leader(subject, content))
                # Contents come sorted: a proposition reads as the first of its cluster.
                self.proposition_meta.setdefault(proposition_id, PropositionMeta(content, self.subjects[subject], None, None))
                yield subject, content, proposition_id

        self.staging.set_statements(propositions())
        self.staging.index()
        self.disputed = self._disputed()

    def _disputed(self) -> frozenset[str]:
        """The ids of the propositions some claim affirms and another denies."""
        stances: dict[str, set[str]] = {}
        for proposition_id, stance in self.staging.stances():
            stances.setdefault(proposition_id, set()).add(stance)
        return frozenset(proposition_id for proposition_id, seen in stances.items() if is_disputed(seen))

    def tables(self) -> dict[str, Iterator[str]]:
        """Every table's rows as JSON, in the dataset's order; each is built as it is read."""
        return {
            "articles": self.staging.articles(),
            "actors": _json(self._actor_rows()),
            "names": _json(self._name_rows()),
            "transfers": _json(self._transfer_rows()),
            "observations": self.staging.observations(),
            "figures": self.staging.figures(),
            "claims": (
                row if lacking is None else _claim(row, lacking).model_dump_json() for row, lacking in self.staging.claims()
            ),
            "propositions": _json(self._proposition_rows()),
        }

    def _actor_rows(self) -> Iterator[ActorRow]:
        rules = {decision.key: decision.rule for decision in self.resolver.decisions()}
        entities = map(self.resolver.entity_by_key, self.staging.actors())
        for entity in sorted(entities, key=lambda entity: (entity.name.casefold(), actor_id(entity))):
            parent = self.resolver.entity_by_key(entity.part_of) if entity.part_of else None
            yield actor_row(entity, parent, rules[entity.key], self.staging.mentions(entity.key), self.duplicates)

    def _name_rows(self) -> list[NameRow]:
        rows = [
            NameRow(
                id=row_id("name", "actors", name_key(decision.name)), table="actors", name=decision.name,
                resolved_id=row_id("actor", decision.key), resolved=self.resolver.entity_by_key(decision.key).name,
                rule=decision.rule, score=decision.score, matched=decision.matched, records=self.records[name_key(decision.name)],
            )  # fmt: skip
            for decision in self.resolver.decisions()
        ]
        for weapon, count in self.weapon_names.items():
            rows.append(NameRow(
                id=row_id("name", "weapons", weapon.name), table="weapons", name=weapon.name, resolved_id=weapon.canonical,
                resolved=weapon.canonical, rule=weapon.rule, score=weapon.score, matched=weapon.matched, records=count,
            ))  # fmt: skip
        return sorted(rows, key=lambda row: (row.table, name_key(row.name), row.id))

    def _transfer_rows(self) -> Iterator[TransferRow]:
        """By supplier, recipient, category and designation."""

        def order(transfer_id: str) -> tuple[str, ...]:
            flow = self.flows[transfer_id]
            parties = (entity.name.casefold() if entity else "" for entity in (flow.supplier, flow.recipient))
            return (*parties, flow.category, flow.designation, transfer_id)

        for transfer_id in sorted(self.flows, key=order):
            group = [ObservationRow.model_validate_json(row) for row in self.staging.observations(transfer_id)]
            yield transfer_row(transfer_id, self.flows[transfer_id], group, self.duplicates)

    def _proposition_rows(self) -> Iterator[PropositionRow]:
        """Disputed ones first, then by statement."""
        order = sorted(self.proposition_meta, key=lambda pid: (pid not in self.disputed, self.proposition_meta[pid].statement.casefold(), pid))
        for proposition_id in order:
            group = [_claim(row, lacking) for row, lacking in self.staging.claims(proposition_id)]
            yield proposition_row(proposition_id, self.proposition_meta[proposition_id], group, self.duplicates)


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

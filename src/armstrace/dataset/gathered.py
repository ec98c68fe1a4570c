"""Gathered rows: one row from all the rows about one thing, across articles.

An actor row gathers the actor's mentions, a transfer row a flow's observations, a proposition
row the claims that state it. Module `rows` stages the per-article rows and reads each group
back in order; this module turns a group into its row. Every list in a row is sorted, so the
same group gives the same row whatever order its articles were added in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, NamedTuple, get_args

from ..base.schema import Stance, WeaponCategory, WeaponStatus
from .duplicates import Copy
from .resolve import Entity
from .sipri import amount_at, english_of
from .staging import Mention
from .tables import ActorRow, ClaimRow, ObservationRow, Position, PropositionRow, Source, TransferRow

# The stages of a flow, in the order they happen; "alleged" is the weakest, "denied" none.
LIFECYCLE: tuple[WeaponStatus, ...] = ("alleged", "requested", "planned", "agreed", "produced", "delivered", "used")
AFFIRMING: tuple[Stance, ...] = ("asserted", "acknowledged", "accused", "warned", "believes")


class Flow(NamedTuple):
    """What identifies an arms flow: its parties, the materiel's category and designation."""

    supplier: Entity | None
    recipient: Entity | None
    category: WeaponCategory
    designation: str


class PropositionMeta(NamedTuple):
    """A proposition's statement, with its subject (a statement's or a relation's) or its parties (a flow's)."""

    statement: str
    subject: Entity | None
    supplier: Entity | None
    recipient: Entity | None
    kind: Literal["flow", "relation", "statement"] = "statement"


class Seen(NamedTuple):
    """The first and last of a group's dates; None when none is known."""

    first: str | None
    last: str | None


def row_id(prefix: str, *parts: str) -> str:
    """A stable id: the prefix and the first 12 hex digits of the sha256 of what identifies the row."""
    return f"{prefix}-{hashlib.sha256(chr(31).join(parts).encode('utf-8')).hexdigest()[:12]}"


def actor_id(entity: Entity | None) -> str:
    """The actor id of an entity; '' for none or for a party no rule resolved."""
    return row_id("actor", entity.key) if entity is not None and not entity.key.startswith("text:") else ""


def independent(articles: set[str], copies: Mapping[str, Copy]) -> int:
    """How many articles, counting a cluster of copies (`DuplicateFinder.clusters()`) once."""
    return len({copies.get(article, Copy(article, None)).original for article in articles})


def is_disputed(stances: set[str]) -> bool:
    """Whether claims with these stances both affirm and deny a proposition."""
    return "denied" in stances and not stances.isdisjoint(AFFIRMING)


def actor_row(entity: Entity, parent: Entity | None, rule: str, mentions: Iterable[Mention], copies: Mapping[str, Copy]) -> ActorRow:
    """An actor's row from every record of it; `parent` is what it is part of, `rule` what resolved it."""
    aliases: set[str] = set()
    roles: set[str] = {entity.role} - {""}
    found, dates, count = [], [], 0
    for mention in mentions:
        aliases.update(json.loads(mention.names))
        roles.update([mention.role] if mention.role else [])
        found.append(Source.model_validate_json(mention.source))
        dates.append(mention.published)
        count += mention.occurrences
    articles = {source.article for source in found}
    seen = _seen(dates)
    return ActorRow(
        id=actor_id(entity), name=entity.name, kind=entity.kind, country_code=entity.country_code,
        part_of_id=actor_id(parent), part_of=parent.name if parent else "", rule=rule,
        aliases=sorted(aliases, key=_by_name), roles=sorted(roles), mentions=count, first_seen=seen.first,
        last_seen=seen.last, articles=sorted(articles),
        independent_sources=independent(articles, copies), sources=_sorted_sources(found),
    )  # fmt: skip


def transfer_row(transfer_id: str, flow: Flow, group: Sequence[ObservationRow], copies: Mapping[str, Copy]) -> TransferRow:
    """A flow's row from its observations, in table order."""
    supplier, recipient, category, designation = flow
    statuses = {observation.status for observation in group}
    stages = [stage for stage in LIFECYCLE if stage in statuses]

    def years_when(status: WeaponStatus) -> list[int]:
        return [year for observation in group if observation.status == status for year in observation.clause_years]

    articles = {observation.article for observation in group}
    seen = _seen([observation.published for observation in group])
    return TransferRow(
        id=transfer_id, supplier_id=actor_id(supplier), supplier=supplier.name if supplier else "",
        supplier_code=supplier.country_code if supplier else "", recipient_id=actor_id(recipient),
        recipient=recipient.name if recipient else "", recipient_code=recipient.country_code if recipient else "",
        category=category, designation=designation, description=english_of(group, category),
        descriptions=sorted({obs.description for obs in group if obs.description}), lifecycle=stages,
        status=stages[-1] if stages else "denied", denied="denied" in statuses,
        quantity=amount_at(group, stages[-1]) if stages else None, number_ordered=amount_at(group, "agreed"),
        number_delivered=amount_at(group, "delivered"), year_of_order=min(years_when("agreed"), default=None),
        years_of_delivery=sorted(set(years_when("delivered"))),
        years_stated=sorted({year for observation in group for year in observation.years_stated}),
        first_seen=seen.first, last_seen=seen.last, observations=len(group), articles=sorted(articles),
        independent_sources=independent(articles, copies), sources=_sorted_sources([obs.source for obs in group]),
    )  # fmt: skip


def proposition_row(proposition_id: str, meta: PropositionMeta, group: Sequence[ClaimRow], copies: Mapping[str, Copy]) -> PropositionRow:
    """A proposition's row from the claims that state it, in table order."""
    statement, subject, supplier, recipient, kind = meta
    about = subject or supplier
    speakers = {stance: sorted({claim.speaker for claim in group if claim.stance == stance}, key=_by_name) for stance in get_args(Stance)}
    positions = sorted(
        {
            Position(speaker_id=claim.speaker_id, speaker=claim.speaker, stance=claim.stance, date=claim.stated_date or claim.published, article=claim.article)
            for claim in group
        },
        key=lambda position: (position.date or "", position.article, position.speaker, position.stance),
    )
    articles = {claim.article for claim in group}
    seen = _seen([position.date for position in positions])
    return PropositionRow(
        id=proposition_id, kind=kind, statement=statement,
        subject_id=actor_id(about), subject=about.name if about else "",
        supplier_id=actor_id(supplier), recipient_id=actor_id(recipient),
        disputed=is_disputed({claim.stance for claim in group}), asserted_by=speakers["asserted"],
        acknowledged_by=speakers["acknowledged"], accused_by=speakers["accused"], warned_by=speakers["warned"],
        believes_by=speakers["believes"], denied_by=speakers["denied"], positions=positions,
        first_seen=seen.first, last_seen=seen.last, claims=len(group), articles=sorted(articles),
        independent_sources=independent(articles, copies), sources=_sorted_sources([claim.source for claim in group]),
    )  # fmt: skip


def _by_name(name: str) -> tuple[str, str]:
    """Names in dictionary order; names equal but for case in code point order, so never by chance."""
    return name.casefold(), name


def _sorted_sources(sources: Sequence[Source]) -> list[Source]:
    return sorted(set(sources), key=lambda source: (source.article, source.start, source.end, source.quote))


def _seen(dates: Sequence[str | None]) -> Seen:
    known = sorted(date for date in dates if date)
    return Seen(known[0], known[-1]) if known else Seen(None, None)

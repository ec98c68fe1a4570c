"""One article's extraction scored against its gold: counts, attribute accuracy and what was missed.

Both matching rules are always applied (matching.py): the chosen one gives the counts, the misses
and the pairs a baseline comparison follows; the loose one gives the stance matrix and, on pairs
the strict rule rejects, the attribute that broke the match. Attribute accuracy is tallied on the
pairs of each rule, so a change that moves only one attribute is visible.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from pydantic import BaseModel, ConfigDict, Field

from ..base.schema import FIELDS, Actor, ArticleExtraction, Field_, Figure, GoldArticle, Match, Record, Weapon
from ..extraction.events import fold_events, mentions
from .matching import MATCHES, ArticleMatcher, Matcher, assign


class Counts(BaseModel):
    """True positives, false positives and false negatives, with the scores they give."""

    model_config = ConfigDict(frozen=True)

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(tp=self.tp + other.tp, fp=self.fp + other.fp, fn=self.fn + other.fn)

    def scores(self) -> dict[str, float | int]:
        """The counts and the three scores, rounded for reports."""
        return {
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
        }  # fmt: skip


class Tally(BaseModel):
    """How many matched pairs have one attribute right."""

    model_config = ConfigDict(frozen=True)

    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return round(self.right / self.total, 4) if self.total else None

    def __add__(self, other: Tally) -> Tally:
        return Tally(right=self.right + other.right, total=self.total + other.total)


# field -> attribute -> tally
Attributes = dict[Field_, dict[str, Tally]]


def add_attributes(tallies: Iterable[Attributes]) -> Attributes:
    """Attribute tallies summed over articles."""
    total: Attributes = {}
    for tally in tallies:
        for field, attributes in tally.items():
            row = total.setdefault(field, {})
            for name, t in attributes.items():
                row[name] = row.get(name, Tally()) + t
    return total


class Miss(BaseModel):
    """A gold item not found (missed) or a predicted item not in the gold (spurious)."""

    field: Field_
    kind: str = Field(description="missed or spurious")
    label: str
    quote: str
    start: int
    reason: str = Field(
        default="", description="For an item the loose rule pairs but the strict one does not: the attributes that differ."
    )


class ArticleScore(BaseModel):
    """One article's scores, stance pairs and misses."""

    article: str
    match: Match = "strict"
    fields: dict[Field_, Counts] = Field(description="Counts under the chosen matching rule.")
    by_match: dict[Match, dict[Field_, Counts]] = Field(default_factory=dict, description="Counts under each rule.")
    attributes: dict[Match, Attributes] = Field(default_factory=dict, description="Attribute tallies on each rule's pairs.")
    stances: list[tuple[str, str]] = Field(description="(gold stance, predicted stance) of loosely matched claims")
    stance_by_gold: dict[int, str] = Field(default_factory=dict, description="Predicted stance of each loosely matched gold claim.")
    misses: list[Miss] = []
    matched: dict[Field_, list[tuple[int, int]]] = Field(
        default_factory=dict, description="(gold index, predicted index) pairs under the chosen rule"
    )
    grounded: int = 0
    predicted: int = 0


def label(item: Record) -> str:
    """A short human label for an item in reports."""
    if isinstance(item, Actor):
        return f"{item.name} ({item.kind}, {item.country or 'no country'})"
    if isinstance(item, Weapon):
        parties = f"{item.supplier or '?'} → {item.recipient or '?'}"
        return f"{item.designation or item.description} [{item.category}, {item.status}, {parties}]"
    if isinstance(item, Figure):
        return f"{item.quantity.text} ({item.counted})"
    return f"{item.speaker} {item.stance}: {item.content}"


def _miss(field: Field_, kind: str, item: Record, reason: str = "") -> Miss:
    return Miss(field=field, kind=kind, label=label(item), quote=item.evidence.quote, start=item.evidence.start, reason=reason)


def _tally(matcher: ArticleMatcher, field: Field_, pairs: Iterable[tuple[Record, Record]]) -> dict[str, Tally]:
    tally: dict[str, Tally] = {}
    for gold, predicted in pairs:
        for name, (ok, _, _) in matcher.attributes(field, gold, predicted).items():
            tally[name] = tally.get(name, Tally()) + Tally(right=int(ok), total=1)
    return tally


def _reasons(
    matcher: ArticleMatcher, field: Field_, gold: Sequence[Record], predicted: Sequence[Record], pairs: list[tuple[int, int]]
) -> tuple[dict[int, str], dict[int, str]]:
    """For items left unmatched by the strict rule, what broke the match with their loose partner."""
    hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
    left_g = [n for n in range(len(gold)) if n not in hit_g]
    left_p = [n for n in range(len(predicted)) if n not in hit_p]
    loose = assign([gold[n] for n in left_g], [predicted[n] for n in left_p], matcher.score(field, "loose"))
    by_gold, by_predicted = {}, {}
    for g, p in loose:
        reason = matcher.broken(field, gold[left_g[g]], predicted[left_p[p]])
        by_gold[left_g[g]] = by_predicted[left_p[p]] = reason
    return by_gold, by_predicted


def _items(extraction: GoldArticle | ArticleExtraction, field: Field_) -> list[Record]:
    """A field's items as the gold counts them: a transfer event once per sentence that states it."""
    if field == "weapons":
        return [m for w in extraction.weapons for m in mentions(w)]
    return list(getattr(extraction, field))


def score_events(gold: GoldArticle, predicted: ArticleExtraction | None, base: Matcher) -> Counts:
    """Transfers counted as events: the gold's per-sentence items folded by the extraction's own
    rule, and a pair matched when two of their sentences match under the strict rule. An article
    with no extraction misses all of its events."""
    if predicted is None:
        return Counts(fn=len(fold_events(gold.weapons)))
    score = base.for_article(gold.actors, predicted.actors).score("weapons", "strict")

    def best(g: Record, p: Record) -> float:
        return max(score(gm, pm) for gm in mentions(g) for pm in mentions(p))  # type: ignore[arg-type]

    g_events: list[Record] = list(fold_events(gold.weapons))
    p_events: list[Record] = list(predicted.weapons)
    pairs = assign(g_events, p_events, best)
    return Counts(tp=len(pairs), fp=len(p_events) - len(pairs), fn=len(g_events) - len(pairs))


def score_article(
    gold: GoldArticle, predicted: ArticleExtraction, text: str, base: Matcher, match: Match = "strict"
) -> ArticleScore:
    """Score one article's extraction against its gold annotation under the chosen rule."""
    matcher = base.for_article(gold.actors, predicted.actors)
    by_match: dict[Match, dict[Field_, Counts]] = {m: {} for m in MATCHES}
    attributes: dict[Match, Attributes] = {m: {} for m in MATCHES}
    matched: dict[Field_, list[tuple[int, int]]] = {}
    misses: list[Miss] = []
    stances: list[tuple[str, str]] = []
    stance_by_gold: dict[int, str] = {}
    grounded = predicted_total = 0
    for field in FIELDS:
        g_items, p_items = _items(gold, field), _items(predicted, field)
        pairs_by = {m: assign(g_items, p_items, matcher.score(field, m)) for m in MATCHES}
        for m, pairs in pairs_by.items():
            by_match[m][field] = Counts(tp=len(pairs), fp=len(p_items) - len(pairs), fn=len(g_items) - len(pairs))
            attributes[m][field] = _tally(matcher, field, ((g_items[g], p_items[p]) for g, p in pairs))
        pairs = matched[field] = pairs_by[match]
        why_g, why_p = _reasons(matcher, field, g_items, p_items, pairs) if match == "strict" else ({}, {})
        hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
        misses += [_miss(field, "missed", i, why_g.get(n, "")) for n, i in enumerate(g_items) if n not in hit_g]
        misses += [_miss(field, "spurious", i, why_p.get(n, "")) for n, i in enumerate(p_items) if n not in hit_p]
        if field == "claims":
            stance_by_gold = {g: p_items[p].stance for g, p in pairs_by["loose"]}  # type: ignore[union-attr]
            stances = [(g_items[g].stance, s) for g, s in stance_by_gold.items()]  # type: ignore[union-attr]
        predicted_total += len(p_items)
        grounded += sum(text[i.evidence.start : i.evidence.end] == i.evidence.quote for i in p_items)
    return ArticleScore(
        article=gold.article, match=match, fields=by_match[match], by_match=by_match, attributes=attributes,
        stances=stances, stance_by_gold=stance_by_gold, misses=misses, matched=matched, grounded=grounded, predicted=predicted_total,
    )  # fmt: skip


def missed_article(gold: GoldArticle, match: Match) -> ArticleScore:
    """The score of an article that failed to extract: every gold item missed."""
    empty = {f: Counts(fn=len(getattr(gold, f))) for f in FIELDS}
    return ArticleScore(article=gold.article, match=match, fields=empty, by_match={m: empty for m in MATCHES}, stances=[])


def stance_matrix(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Counts of (gold stance -> predicted stance) over matched claims."""
    matrix: dict[str, dict[str, int]] = {}
    for g, p in pairs:
        matrix.setdefault(g, {}).setdefault(p, 0)
        matrix[g][p] += 1
    return {g: dict(sorted(row.items())) for g, row in sorted(matrix.items())}


def micro(scores: Sequence[ArticleScore], match: Match) -> dict[Field_, dict[str, float | int]]:
    """Counts summed over articles under one rule, then the scores."""
    return {f: sum((s.by_match[match][f] for s in scores), Counts()).scores() for f in FIELDS}


def accuracies(scores: Sequence[ArticleScore]) -> dict[Match, dict[Field_, dict[str, dict[str, float | int | None]]]]:
    """Attribute accuracy summed over articles, per rule, field and attribute."""
    out: dict[Match, dict[Field_, dict[str, dict[str, float | int | None]]]] = {}
    for m in MATCHES:
        total: Mapping[Field_, dict[str, Tally]] = add_attributes(s.attributes.get(m, {}) for s in scores)
        out[m] = {
            f: {name: {"right": t.right, "total": t.total, "accuracy": t.accuracy} for name, t in total[f].items()}
            for f in FIELDS if f in total
        }  # fmt: skip
    return out

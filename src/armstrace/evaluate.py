"""Score extractions against a gold set: precision, recall and F1 per field, and what changed.

Matching is tolerant where people are and strict where the data is (docs/evaluation.md):

- actors match on the canonical name, folded (case, accents), or through the gazetteer, or a
  shared mention, or a fuzzy name score of at least 90;
- weapons match when their evidence overlaps and the category is the same;
- figures match on the normalised value (1 % relative tolerance, bounds for ranges) and unit;
- claims match when their evidence overlaps or their content is alike (token-set score >= 70),
  scored by content similarity plus a bonus for the same speaker; the stance is not part of
  the match, it is what the confusion matrix reports.

Pairs are assigned one to one, best score first, so nothing is counted twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .align import normalise
from .cache import write_atomic
from .errors import InputError
from .lexicon import Gazetteer
from .prompt import FIELDS
from .schema import Actor, ArticleExtraction, Claim, Evidence, Field_, Figure, GoldArticle, Quantity, Weapon
from .settings import Settings

Item = Actor | Weapon | Figure | Claim
REL_TOLERANCE = 0.01
NAME_FUZZ = 90
CONTENT_FUZZ = 70


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


class Miss(BaseModel):
    """A gold item not found (missed) or a predicted item not in the gold (spurious)."""

    field: Field_
    kind: str = Field(description="missed or spurious")
    label: str
    quote: str
    start: int


class ArticleScore(BaseModel):
    """One article's scores, stance pairs and misses."""

    article: str
    fields: dict[Field_, Counts]
    stances: list[tuple[str, str]] = Field(description="(gold stance, predicted stance) of matched claims")
    misses: list[Miss] = []
    matched: dict[Field_, list[tuple[int, int]]] = Field(
        default_factory=dict, description="(gold index, predicted index) pairs"
    )
    grounded: int = 0
    predicted: int = 0

    def stances_by_gold(self) -> dict[int, str]:
        """The predicted stance of each matched gold claim, by the claim's gold index."""
        return {g: predicted for (g, _), (_, predicted) in zip(self.matched.get("claims", []), self.stances)}


def _overlap(a: Evidence, b: Evidence) -> bool:
    return a.start < b.end and b.start < a.end


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= REL_TOLERANCE * max(abs(a), abs(b), 1e-9)


def same_quantity(gold: Quantity, predicted: Quantity) -> bool:
    """Equal normalised value (or bounds) and unit, within the relative tolerance."""
    if gold.unit != predicted.unit:
        return False
    if gold.value is not None or predicted.value is not None:
        return _close(gold.value, predicted.value)
    return _close(gold.low, predicted.low) and _close(gold.high, predicted.high)


class Matcher:
    """Pair scores between gold and predicted items of one field (0 means no match)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def same_name(self, a: str, b: str) -> float:
        """1.0 for the same actor by name or gazetteer, the fuzzy score above the bar, else 0."""
        from rapidfuzz import fuzz

        fa, fb = normalise(a), normalise(b)
        if not fa or not fb:
            return 0.0
        if fa == fb:
            return 1.0
        ka, kb = self.gazetteer.actor_for(a), self.gazetteer.actor_for(b)
        if ka is not None and kb is not None and ka.name == kb.name:
            return 1.0
        score = fuzz.token_sort_ratio(fa, fb)
        return score / 100 if score >= NAME_FUZZ and min(len(fa), len(fb)) >= 5 else 0.0

    def actors(self, gold: Actor, predicted: Actor) -> float:
        shared = {normalise(m) for m in gold.mentions} & {normalise(m) for m in predicted.mentions}
        return max(self.same_name(gold.name, predicted.name), 1.0 if shared else 0.0)

    def weapons(self, gold: Weapon, predicted: Weapon) -> float:
        if not _overlap(gold.evidence, predicted.evidence) or gold.category != predicted.category:
            return 0.0
        return 1.0 + (gold.status == predicted.status) * 0.1

    def figures(self, gold: Figure, predicted: Figure) -> float:
        if not same_quantity(gold.quantity, predicted.quantity):
            return 0.0
        return 1.0 + _overlap(gold.evidence, predicted.evidence) * 0.5

    def claims(self, gold: Claim, predicted: Claim) -> float:
        from rapidfuzz import fuzz

        content = fuzz.token_set_ratio(normalise(gold.content), normalise(predicted.content)) / 100
        if not _overlap(gold.evidence, predicted.evidence) and content * 100 < CONTENT_FUZZ:
            return 0.0
        return content + 0.5 * (self.same_name(gold.speaker, predicted.speaker) > 0) + 0.01

    def score(self, field: Field_) -> Callable[[Any, Any], float]:
        """The pair score function for a field."""
        table: dict[Field_, Callable[[Any, Any], float]] = {
            "actors": self.actors, "weapons": self.weapons, "figures": self.figures, "claims": self.claims,
        }  # fmt: skip
        return table[field]


def assign(gold: Sequence[Item], predicted: Sequence[Item], score: Callable[[Any, Any], float]) -> list[tuple[int, int]]:
    """One-to-one pairs, best score first (ties by position), so nothing counts twice."""
    pairs = sorted(
        ((s, g, p) for g, gi in enumerate(gold) for p, pi in enumerate(predicted) if (s := score(gi, pi)) > 0),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _, g, p in pairs:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            matched.append((g, p))
    return sorted(matched)


def label(item: Item) -> str:
    """A short human label for an item in reports."""
    if isinstance(item, Actor):
        return f"{item.name} ({item.kind})"
    if isinstance(item, Weapon):
        return f"{item.designation or item.description} [{item.category}, {item.status}]"
    if isinstance(item, Figure):
        return f"{item.quantity.text} ({item.counted})"
    return f"{item.speaker} {item.stance}: {item.content}"


def score_article(gold: GoldArticle, predicted: ArticleExtraction, text: str, matcher: Matcher) -> ArticleScore:
    """Score one article's extraction against its gold annotation."""
    fields: dict[Field_, Counts] = {}
    misses: list[Miss] = []
    matched: dict[Field_, list[tuple[int, int]]] = {}
    stances: list[tuple[str, str]] = []
    grounded = predicted_total = 0
    for field in FIELDS:
        g_items: list[Item] = list(getattr(gold, field))
        p_items: list[Item] = list(getattr(predicted, field))
        pairs = assign(g_items, p_items, matcher.score(field))
        matched[field] = pairs
        fields[field] = Counts(tp=len(pairs), fp=len(p_items) - len(pairs), fn=len(g_items) - len(pairs))
        hit_g = {g for g, _ in pairs}
        hit_p = {p for _, p in pairs}
        misses += [_miss(field, "missed", i) for n, i in enumerate(g_items) if n not in hit_g]
        misses += [_miss(field, "spurious", i) for n, i in enumerate(p_items) if n not in hit_p]
        if field == "claims":
            stances += [(g_items[g].stance, p_items[p].stance) for g, p in pairs]  # type: ignore[union-attr]
        predicted_total += len(p_items)
        grounded += sum(text[i.evidence.start : i.evidence.end] == i.evidence.quote for i in p_items)
    return ArticleScore(
        article=gold.article, fields=fields, stances=stances, misses=misses, matched=matched,
        grounded=grounded, predicted=predicted_total,
    )  # fmt: skip


def _miss(field: Field_, kind: str, item: Item) -> Miss:
    return Miss(field=field, kind=kind, label=label(item), quote=item.evidence.quote, start=item.evidence.start)


def load_gold(directory: Path) -> list[GoldArticle]:
    """Every gold annotation in `directory`, by article id."""
    files = sorted(directory.glob("*.json"))
    if not files:
        raise InputError(f"{directory}: no gold files (*.json)", "pass --gold seeds/gold")
    gold = []
    for path in files:
        try:
            gold.append(GoldArticle.model_validate_json(path.read_text(encoding="utf-8")))
        except ValueError as e:
            raise InputError(f"{path}: not a gold annotation ({str(e).splitlines()[0]})") from None
    return gold


def stance_matrix(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Counts of (gold stance -> predicted stance) over matched claims."""
    matrix: dict[str, dict[str, int]] = {}
    for g, p in pairs:
        matrix.setdefault(g, {}).setdefault(p, 0)
        matrix[g][p] += 1
    return {g: dict(sorted(row.items())) for g, row in sorted(matrix.items())}


def read_extractions(out: Path) -> dict[str, ArticleExtraction]:
    """The extractions of a run folder, by article id."""
    return {
        p.stem: ArticleExtraction.model_validate_json(p.read_text(encoding="utf-8"))
        for p in sorted((out / "articles").glob("*.json"))
    }


# --------------------------------------------------------------------------- a whole evaluation


class PromptResult(BaseModel):
    """How one prompt did over the gold set."""

    prompt: str
    prompt_file: str
    model: str
    micro: dict[Field_, dict[str, float | int]]
    articles: dict[str, dict[Field_, dict[str, float | int]]]
    stances: dict[str, dict[str, int]]
    grounded_share: float
    misses: dict[str, list[Miss]]
    failed: list[str] = Field(default_factory=list, description="Articles with no extraction.")
    seconds: float = 0.0
    strategy: str = Field(default="", description="How articles were cut into model calls, e.g. 'multi-pass, grammar'.")
    calls: int = Field(default=0, description="Model calls this run made (0 when served from the cache).")

    @property
    def seconds_per_article(self) -> float:
        """Extraction wall time per gold article."""
        return self.seconds / max(len(self.articles), 1)


class Change(BaseModel):
    """One gold item whose fate differs between the baseline and the current prompt."""

    article: str
    field: Field_
    change: str = Field(description="newly found, lost, or stance flip")
    label: str
    quote: str
    start: int
    detail: str = ""


class EvalReport(BaseModel):
    """Everything `armstrace eval` writes to eval.json."""

    gold: str
    model: str
    current: PromptResult
    baseline: PromptResult | None = None
    deltas: dict[Field_, float] = {}
    changes: list[Change] = []
    min_f1: float | None = None
    below_min: list[Field_] = []

    @property
    def exit_code(self) -> int:
        """Non-zero when a field's micro F1 is under --min-f1."""
        return 1 if self.below_min else 0


def _source(gold: GoldArticle, gold_dir: Path) -> Path:
    for candidate in (Path(gold.source), gold_dir.parent / Path(gold.source).name):
        if candidate.is_file():
            return candidate
    raise InputError(f"{gold_dir / gold.article}.json: its article {gold.source} is not found")


def _score_run(golds: Sequence[GoldArticle], predicted: dict[str, ArticleExtraction], texts: dict[str, str], matcher: Matcher) -> tuple[list[ArticleScore], list[str]]:
    scores, failed = [], []
    for gold in golds:
        extraction = predicted.get(gold.article)
        if extraction is None:
            failed.append(gold.article)
            empty = {f: Counts(fn=len(getattr(gold, f))) for f in FIELDS}
            scores.append(ArticleScore(article=gold.article, fields=empty, stances=[]))
            continue
        scores.append(score_article(gold, extraction, texts[gold.article], matcher))
    return scores, failed


def summarise(
    prompt: str,
    prompt_file: str,
    model: str,
    scores: Sequence[ArticleScore],
    failed: list[str],
    seconds: float,
    strategy: str = "",
    calls: int = 0,
) -> PromptResult:
    """Micro scores over all articles, per-article scores, stance matrix and misses."""
    micro = {f: sum((s.fields[f] for s in scores), Counts()).scores() for f in FIELDS}
    predicted = sum(s.predicted for s in scores)
    return PromptResult(
        prompt=prompt,
        prompt_file=prompt_file,
        model=model,
        micro=micro,
        articles={s.article: {f: s.fields[f].scores() for f in FIELDS} for s in scores},
        stances=stance_matrix(pair for s in scores for pair in s.stances),
        grounded_share=round(sum(s.grounded for s in scores) / predicted, 4) if predicted else 1.0,
        misses={s.article: s.misses for s in scores if s.misses},
        failed=failed,
        seconds=round(seconds, 3),
        strategy=strategy,
        calls=calls,
    )


def compare(golds: Sequence[GoldArticle], now: Sequence[ArticleScore], before: Sequence[ArticleScore]) -> list[Change]:
    """Gold items newly found, lost, or whose matched claim changed stance."""
    changes = []
    for gold, a, b in zip(golds, now, before):
        for field in FIELDS:
            items: list[Item] = list(getattr(gold, field))
            found_now = dict(a.matched.get(field, []))
            found_before = dict(b.matched.get(field, []))
            for n, item in enumerate(items):
                change = ""
                if n in found_now and n not in found_before:
                    change = "newly found"
                elif n in found_before and n not in found_now:
                    change = "lost"
                detail = ""
                if not change and field == "claims" and n in found_now and n in found_before:
                    s_now = a.stances_by_gold().get(n)
                    s_before = b.stances_by_gold().get(n)
                    if s_now != s_before:
                        change, detail = "stance flip", f"{s_before} -> {s_now}"
                if change:
                    changes.append(Change(article=gold.article, field=field, change=change, label=label(item),
                                          quote=item.evidence.quote, start=item.evidence.start, detail=detail))  # fmt: skip
    return changes


def _evaluate_prompt(
    golds: Sequence[GoldArticle], sources: list[Path], settings: Settings, out: Path, matcher: Matcher
) -> tuple[PromptResult, list[ArticleScore]]:
    from .extract import shown_path
    from .run import run_extract

    summary = run_extract(sources, out, settings)
    texts = {g.article: src.read_text(encoding="utf-8") for g, src in zip(golds, sources)}
    scores, failed = _score_run(golds, read_extractions(out), texts, matcher)
    plan = settings.call_plan(summary.model)
    strategy = f"{plan['strategy']}, {plan['mode']}"
    result = summarise(
        summary.prompt, shown_path(settings.prompt), summary.model, scores, failed, summary.seconds, strategy, summary.usage().calls
    )
    return result, scores


def run_eval(
    gold_dir: Path,
    out: Path,
    settings: Settings,
    baseline: Path | None = None,
    min_f1: float | None = None,
) -> EvalReport:
    """Extract the gold articles (through the cache), score them, and write eval.json and eval.md.

    With a baseline prompt, both prompts are run on the same articles and compared item by
    item. Each prompt's extraction goes to out/runs/<prompt>/.
    """
    from .lexicon import load_gazetteer
    from .scorecard import render_markdown

    golds = load_gold(gold_dir)
    sources = [_source(g, gold_dir) for g in golds]
    matcher = Matcher(load_gazetteer(settings.gazetteer))
    current_label = settings.prompt.stem
    current, now = _evaluate_prompt(golds, sources, settings, out / "runs" / current_label, matcher)
    report = EvalReport(gold=str(gold_dir), model=current.model, current=current, min_f1=min_f1)
    if baseline is not None:
        base_settings = settings.model_copy(update={"prompt": baseline})
        base_label = baseline.stem if baseline.stem != current_label else f"{baseline.stem}-baseline"
        before_result, before = _evaluate_prompt(golds, sources, base_settings, out / "runs" / base_label, matcher)
        report.baseline = before_result
        report.deltas = {
            f: round(float(current.micro[f]["f1"]) - float(before_result.micro[f]["f1"]), 4) for f in FIELDS
        }
        report.changes = compare(golds, now, before)
    if min_f1 is not None:
        report.below_min = [f for f in FIELDS if float(current.micro[f]["f1"]) < min_f1]
    write_atomic(out / "eval.json", report.model_dump_json(indent=2) + "\n")
    write_atomic(out / "eval.md", render_markdown(report))
    return report

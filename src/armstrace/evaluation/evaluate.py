"""Score extractions against a gold set: precision, recall and F1 per field, and what changed.

The matching rules live in matching.py (strict by default: speaker, stance and parties are part of
the match; loose: the span rules, kept for comparison), the per-article scoring in scoring.py.
This module runs the extraction over the gold articles and sums the scores into a report.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..base.errors import InputError
from ..base.outdir import read_extractions, write_atomic
from ..base.schema import ArticleExtraction, GoldArticle, Match
from ..base.settings import Settings
from ..base.schema import FIELDS
from .matching import MATCHES, Matcher
from .results import Change, EvalReport, PromptResult
from .scorecard import render_markdown
from .scoring import ArticleScore, Counts, accuracies, label, micro, missed_article, score_article, score_events, stance_matrix


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


def _extractions(out: Path) -> dict[str, ArticleExtraction]:
    """The readable extractions of a run folder, by article id: a gold article without one failed."""
    extractions, _ = read_extractions(out)
    return {e.article.id: e for e in extractions}


# --------------------------------------------------------------------------- a whole evaluation


def _source(gold: GoldArticle, gold_dir: Path) -> Path:
    for candidate in (Path(gold.source), gold_dir.parent / Path(gold.source).name):
        if candidate.is_file():
            return candidate
    raise InputError(f"{gold_dir / gold.article}.json: its article {gold.source} is not found")


def _score_run(
    golds: Sequence[GoldArticle], predicted: dict[str, ArticleExtraction], texts: dict[str, str], matcher: Matcher, match: Match
) -> tuple[list[ArticleScore], list[str]]:
    scores, failed = [], []
    for gold in golds:
        extraction = predicted.get(gold.article)
        if extraction is None:
            failed.append(gold.article)
            scores.append(missed_article(gold, match))
            continue
        scores.append(score_article(gold, extraction, texts[gold.article], matcher, match))
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
    """Micro scores over all articles (under each rule), per-article scores, attribute accuracy, stances and misses."""
    match = scores[0].match if scores else "strict"
    predicted = sum(s.predicted for s in scores)
    return PromptResult(
        prompt=prompt,
        prompt_file=prompt_file,
        model=model,
        match=match,
        micro=micro(scores, match),
        by_match={m: micro(scores, m) for m in MATCHES},
        attributes=accuracies(scores),
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
    """Gold items newly found, lost, or whose loosely matched claim changed stance."""
    changes = []
    for gold, a, b in zip(golds, now, before):
        for field in FIELDS:
            found_now, found_before = dict(a.matched.get(field, [])), dict(b.matched.get(field, []))
            for n, item in enumerate(getattr(gold, field)):
                change = ""
                if n in found_now and n not in found_before:
                    change = "newly found"
                elif n in found_before and n not in found_now:
                    change = "lost"
                s_now, s_before = a.stance_by_gold.get(n), b.stance_by_gold.get(n)
                flipped = field == "claims" and s_now is not None and s_before is not None and s_now != s_before
                if flipped and not change:
                    change = "stance flip"
                if change:
                    changes.append(Change(article=gold.article, field=field, change=change, label=label(item),
                                          quote=item.evidence.quote, start=item.evidence.start,
                                          detail=f"stance {s_before} -> {s_now}" if flipped else ""))  # fmt: skip
    return changes


def _evaluate_prompt(
    golds: Sequence[GoldArticle], sources: list[Path], settings: Settings, out: Path, matcher: Matcher, match: Match
) -> tuple[PromptResult, list[ArticleScore]]:
    from ..extraction.extract import shown_path
    from ..extraction.parties import party_kinds
    from ..text.language import is_english
    from ..extraction.run import run_extract

    summary = run_extract(sources, out, settings)
    texts = {g.article: src.read_text(encoding="utf-8") for g, src in zip(golds, sources)}
    # The gold articles' only: an output folder may hold other articles from an earlier run.
    wanted = {g.article for g in golds}
    extractions = {k: e for k, e in _extractions(out).items() if k in wanted}
    scores, failed = _score_run(golds, extractions, texts, matcher, match)
    plan = settings.call_plan(summary.model)
    strategy = f"{plan['strategy']}, {plan['mode']}"
    result = summarise(
        summary.prompt, shown_path(settings.prompt), summary.model, scores, failed, summary.seconds, strategy, summary.usage().calls
    )
    result.party_kinds = party_kinds(extractions.values(), matcher.gazetteer)
    result.weapon_events = sum((score_events(g, extractions.get(g.article), matcher) for g in golds), Counts()).scores()
    contents = [c.content for e in extractions.values() for c in e.claims]
    result.english_claims = (sum(map(is_english, contents)), len(contents))
    return result, scores


def run_eval(
    gold_dir: Path,
    out: Path,
    settings: Settings,
    baseline: Path | None = None,
    min_f1: float | None = None,
    match: Match = "strict",
) -> EvalReport:
    """Extract the gold articles (through the cache), score them, and write eval.json and eval.md.

    With a baseline prompt, both prompts are run on the same articles and compared item by
    item. Each prompt's extraction goes to out/runs/<prompt>/. `match` chooses the rule the
    headline scores, misses and changes follow; the other rule's scores are reported beside them.
    """
    from ..knowledge.gazetteer import load_gazetteer

    golds = load_gold(gold_dir)
    sources = [_source(g, gold_dir) for g in golds]
    matcher = Matcher(load_gazetteer(settings.gazetteer))
    current_label = settings.prompt.stem
    current, now = _evaluate_prompt(golds, sources, settings, out / "runs" / current_label, matcher, match)
    report = EvalReport(gold=str(gold_dir), model=current.model, match=match, current=current, min_f1=min_f1)
    if baseline is not None:
        base_settings = settings.model_copy(update={"prompt": baseline})
        base_label = baseline.stem if baseline.stem != current_label else f"{baseline.stem}-baseline"
        before_result, before = _evaluate_prompt(golds, sources, base_settings, out / "runs" / base_label, matcher, match)
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

"""The tables the commands print on stderr, drawn with rich: a run's summary, an estimate, scores.

stdout carries data only (the --json output, file names); these are for the person at the
terminal. rich is imported when a table is drawn, so that a command that draws none starts
without it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base.schema import Match
    from .evaluation.results import EvalReport
    from .extraction.estimate import Estimate
    from .extraction.run import RunSummary


def _statuses(summary: RunSummary) -> str:
    """'5 ok, 0 failed', and the rejected and skipped articles when there are any."""
    counts: Counter[str] = Counter(a.status for a in summary.articles)
    shown = ("ok", "failed", *(s for s in ("rejected", "skipped") if counts[s]))
    return ", ".join(f"{counts[status]} {status}" for status in shown)


def print_summary(summary: RunSummary) -> None:
    """A run's outcome: articles by status, items per field, cache hits, calls, tokens, time."""
    from rich.console import Console
    from rich.table import Table

    usage = summary.usage()
    items = summary.items()
    table = Table(title=f"armstrace extract → {summary.out}", show_header=False)
    rows = [
        ("articles", _statuses(summary)),
        *((f, str(n)) for f, n in items.items()),
        ("items dropped (reasons in the articles)", str(summary.dropped())),
        ("cache hits (calls)", str(summary.cached_calls())),
        ("model calls", str(usage.calls)),
        ("tokens (prompt + completion)", f"{usage.prompt_tokens} + {usage.completion_tokens}"),
        ("seconds", f"{summary.seconds:.1f}"),
    ]
    for name, value in rows:
        table.add_row(name, value)
    console = Console(stderr=True)
    console.print(table)
    for a in summary.articles:
        if a.status != "ok":
            console.print(f"{a.status} {a.source}: {a.reason}", highlight=False, markup=False, soft_wrap=True)


def print_estimate(estimate: Estimate) -> None:
    """A dry run's estimate, per article and in total, and its cost when prices were given."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"armstrace extract --dry-run ({estimate.model})")
    columns = ("article", "calls", "cached", "prompt tokens", "completion tokens")
    for column in columns:
        table.add_column(column, justify="left" if column == "article" else "right")
    for a in estimate.articles:
        if a.status == "ok":
            table.add_row(a.id, str(a.calls), str(a.cached_calls), str(a.prompt_tokens), str(a.completion_tokens))
        else:
            table.add_row(a.id, a.status, a.reason, "", "")
    table.add_row(
        "total", *(str(estimate.total(n)) for n in ("calls", "cached_calls", "prompt_tokens", "completion_tokens")), style="bold"
    )
    console = Console(stderr=True)
    console.print(table)
    console.print("Tokens are estimates for the calls the cache will not answer; re-asks are not counted.", highlight=False)
    if estimate.cost is not None:
        console.print(f"cost: {estimate.cost:.4f} (at {estimate.price_in or 0} in, {estimate.price_out or 0} out per million tokens)", highlight=False)


def print_eval(report: EvalReport) -> None:
    """Each field's scores (and the baseline's), the grounded share, the fields below --min-f1."""
    from rich.console import Console
    from rich.table import Table

    base = report.baseline
    loose: Match = "loose" if report.match == "strict" else "strict"
    title = f"armstrace eval: {report.current.prompt}" + (f" vs {base.prompt}" if base else "") + f" ({report.match})"
    table = Table(title=title)
    for column in ("field", "precision", "recall", "F1", f"{loose} F1", *(("baseline F1", "Δ F1") if base else ())):
        table.add_column(column, justify="left" if column == "field" else "right")
    for field, m in report.current.micro.items():
        other = report.current.by_match[loose][field]["f1"]
        row = [field, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}", f"{other:.3f}"]
        if base:
            row += [f"{base.micro[field]['f1']:.3f}", f"{report.deltas[field]:+.3f}"]
        table.add_row(*row)
    console = Console(stderr=True)
    console.print(table)
    console.print(f"grounded: {report.current.grounded_share:.1%}; report: eval.md, eval.json", highlight=False)
    if report.below_min:
        console.print(f"below --min-f1 {report.min_f1}: {', '.join(report.below_min)}", highlight=False)

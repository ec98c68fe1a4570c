"""The command line: parse arguments, call the library, show the result.

Nothing here decides anything about extraction; every command is one library call. Errors
are printed once, as `error:` and `hint:` lines on stderr, with the exit status the error
carries; `--debug` shows the traceback instead.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

if TYPE_CHECKING:
    from .estimate import Estimate
    from .evaluate import EvalReport
    from .merge import MergeResult
    from .run import ArticleOutcome, Progress, RunSummary

app = typer.Typer(
    help="Grounded extraction of actors, weapons, figures and claims on Russia-Iran-North "
    "Korea arms cooperation from news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

BaseUrl = Annotated[
    Optional[str],
    typer.Option(
        help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1, or 'openai'. "
        "Unset: run the embedded llama.cpp server. Env: ARMSTRACE_BASE_URL, OPENAI_BASE_URL.",
        show_default=False,
    ),
]
Model = Annotated[
    Optional[str],
    typer.Option(
        help="Model id. Default with the embedded server: qwen2.5-coder-1.5b-instruct. "
        "Env: ARMSTRACE_MODEL.",
        show_default=False,
    ),
]
CacheDir = Annotated[
    Optional[Path],
    typer.Option(help="Where answers are cached. Env: ARMSTRACE_CACHE_DIR.", show_default=False),
]
Strategy = Annotated[
    Optional[str],
    typer.Option(
        help="multi-pass: --batch candidates per call; single-pass: all of a field's candidates "
        "in a window in one call. auto: multi-pass for the embedded server and models of at most "
        "14B parameters, single-pass otherwise. Env: ARMSTRACE_STRATEGY.",
        show_default="auto",
    ),
]


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """armstrace: extract, check and keep what news articles say about arms cooperation.

    The API key, when an endpoint needs one, is read from OPENAI_API_KEY only (never a flag,
    so it stays out of shell history).
    """


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .html) or folders.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")],
    base_url: BaseUrl = None,
    model: Model = None,
    cache_dir: CacheDir = None,
    prompt: Annotated[
        Optional[Path], typer.Option(help="Prompt file.", show_default="prompts/extract.v2.md")
    ] = None,
    mode: Annotated[
        Optional[str],
        typer.Option(
            help="instructor mode: auto, tools, json_schema, json, grammar (json_object with a "
            "schema, for llama-cpp-python's server). auto: grammar for the embedded server, tools "
            "otherwise. Env: ARMSTRACE_MODE."
        ),
    ] = None,
    gazetteer: Annotated[
        Optional[Path],
        typer.Option(help="A gazetteer file extending the packaged one. Env: ARMSTRACE_GAZETTEER.", show_default=False),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    refresh: Annotated[bool, typer.Option("--refresh", help="Ask the model again; store the new answers.")] = False,
    answer_tokens: Annotated[Optional[int], typer.Option(help="Cap on tokens per model answer.", show_default="1024")] = None,
    max_tokens: Annotated[Optional[int], typer.Option(help="Token budget of the run (prompt + completion): no article is started once it is spent; finished ones are kept.", show_default=False)] = None,
    concurrency: Annotated[Optional[int], typer.Option(help="Articles extracted at once. Default: 1 with the embedded server, 8 with an endpoint. Env: ARMSTRACE_CONCURRENCY.", show_default=False)] = None,
    temperature: Annotated[Optional[float], typer.Option(help="Sampling temperature.", show_default="0")] = None,
    timeout: Annotated[Optional[float], typer.Option(help="Seconds per request. Env: ARMSTRACE_TIMEOUT.", show_default="600")] = None,
    reasks: Annotated[Optional[int], typer.Option(help="Re-asks after an answer fails validation.", show_default="1")] = None,
    batch: Annotated[Optional[int], typer.Option(help="Candidates labelled per model call.", show_default="1")] = None,
    strategy: Strategy = None,
    window: Annotated[Optional[int], typer.Option(help="Characters of article per call; longer articles are cut.", show_default="12000")] = None,
    threads: Annotated[Optional[int], typer.Option(help="CPU threads of the embedded server.", show_default="2")] = None,
    max_chars: Annotated[Optional[int], typer.Option(help="Reject articles longer than this many characters.", show_default="100000")] = None,
    no_merge: Annotated[bool, typer.Option("--no-merge", help="Do not merge the articles into OUT/dataset.json and the tables.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only estimate the calls, cache hits, tokens and cost; call no model, write nothing.")] = False,
    price_in: Annotated[Optional[float], typer.Option(help="With --dry-run: price per million prompt tokens.", show_default=False)] = None,
    price_out: Annotated[Optional[float], typer.Option(help="With --dry-run: price per million completion tokens.", show_default=False)] = None,
) -> None:
    """Extract every article under PATHS into OUT/articles/<id>.json and OUT/run.json, then merge them."""
    from .run import run_extract
    from .settings import load_settings

    settings = load_settings(
        {
            "base_url": base_url,
            "model": model,
            "cache_dir": cache_dir,
            "prompt": prompt,
            "mode": mode,
            "gazetteer": gazetteer,
            "use_cache": False if no_cache else None,
            "refresh": refresh or None,
            "answer_tokens": answer_tokens,
            "token_budget": max_tokens,
            "concurrency": concurrency,
            "temperature": temperature,
            "timeout": timeout,
            "reasks": reasks,
            "threads": threads,
            "batch": batch,
            "strategy": strategy,
            "window": window,
            "max_chars": max_chars,
        }
    )
    if dry_run:
        from .estimate import estimate_run

        _print_estimate(estimate_run(paths, settings, price_in, price_out))
        raise typer.Exit(0)
    with _progress() as on_article:
        summary = run_extract(paths, out, settings, progress=on_article)
    _print_summary(summary)
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if summary.ok and not no_merge:
        from .merge import merge_dataset

        _print_merge(merge_dataset(out, settings.gazetteer))
    raise typer.Exit(summary.exit_code)


@app.command()
def merge(
    out: Annotated[Path, typer.Argument(help="An output folder of 'armstrace extract' (with articles/).")],
    gazetteer: Annotated[
        Optional[Path],
        typer.Option(help="A gazetteer file extending the packaged one. Env: ARMSTRACE_GAZETTEER.", show_default=False),
    ] = None,
) -> None:
    """Merge OUT/articles/*.json into OUT/dataset.json, OUT/tables/, OUT/dataset.sqlite and OUT/transfers.csv."""
    from .merge import merge_dataset
    from .settings import load_settings

    _print_merge(merge_dataset(out, load_settings({"gazetteer": gazetteer}).gazetteer))


@app.command("eval")
def eval_(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for eval.json, eval.md and the runs.")],
    gold: Annotated[Path, typer.Option(help="Folder of gold annotations.")] = Path("seeds/gold"),
    prompt: Annotated[Optional[Path], typer.Option(help="Prompt file to evaluate.", show_default="prompts/extract.v2.md")] = None,
    baseline: Annotated[Optional[Path], typer.Option(help="Prompt file to compare against.", show_default=False)] = None,
    base_url: BaseUrl = None,
    model: Model = None,
    cache_dir: CacheDir = None,
    strategy: Strategy = None,
    min_f1: Annotated[Optional[float], typer.Option(help="Exit 1 if any field's micro F1 is below this.", show_default=False)] = None,
) -> None:
    """Extract the gold articles (through the cache) and score them against the gold set."""
    from .evaluate import run_eval
    from .settings import load_settings

    settings = load_settings(
        {"base_url": base_url, "model": model, "cache_dir": cache_dir, "prompt": prompt, "strategy": strategy}
    )
    report = run_eval(gold, out, settings, baseline=baseline, min_f1=min_f1)
    _print_eval(report)
    raise typer.Exit(report.exit_code)


@app.command()
def schema(
    out: Annotated[Path, typer.Option(help="Folder for the JSON Schema files.")] = Path("schemas"),
    check: Annotated[bool, typer.Option("--check", help="Only check that the files are current.")] = False,
) -> None:
    """Write the JSON Schemas of the extraction models (or check them with --check)."""
    from .export import check_schemas, write_schemas

    if check:
        check_schemas(out)
        typer.echo(f"{out}: up to date")
    else:
        for path in write_schemas(out):
            typer.echo(str(path))


@app.command()
def report(
    out: Annotated[Path, typer.Argument(help="Output folder of armstrace extract.")],
) -> None:
    """Write OUT/report.html: every item highlighted in its article, the dataset, and a review page."""
    from .report import write_report

    result = write_report(out)
    typer.echo(
        f"{result.path}: {result.articles} articles, {result.highlighted} items highlighted, "
        f"{result.dropped} dropped and {result.ungrounded} not located listed, "
        f"{result.not_ok} articles not extracted; {result.bytes / 1024:.0f} KiB"
    )


gold_app = typer.Typer(help="Gold annotations made from reviews.", no_args_is_help=True)
app.add_typer(gold_app, name="gold")


@gold_app.command("import")
def gold_import(
    file: Annotated[Path, typer.Argument(help="Decisions file saved by the report page.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder of gold files.")] = Path("seeds/gold"),
    force: Annotated[bool, typer.Option("--force", help="Replace existing gold files of the same articles.")] = False,
    skip_incomplete: Annotated[bool, typer.Option("--skip-incomplete", help="Leave out articles with undecided items instead of failing.")] = False,
) -> None:
    """Turn a review's decisions into gold annotations (one GoldArticle file per reviewed article)."""
    from .review import import_decisions

    result = import_decisions(file, out, force=force, skip_incomplete=skip_incomplete)
    for skipped in result.skipped:
        print(f"skipped {skipped}", file=sys.stderr)
    for path in result.written:
        typer.echo(path)
    typer.echo(
        f"{len(result.written)} gold file(s): {result.kept} items kept ({result.fixed} fixed), "
        f"{result.dropped} dropped as wrong, {result.added} added"
    )


def _article_line(outcome: ArticleOutcome) -> str:
    if outcome.status == "ok":
        return f"{outcome.id}: ok" + (f" ({outcome.note})" if outcome.note else "")
    return f"{outcome.source}: {outcome.status}: {outcome.reason}"


@contextmanager
def _progress() -> Iterator[Progress]:
    """A line per finished article on stderr, under a progress bar when stderr is a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    console = Console(stderr=True)
    if not console.is_terminal:
        # Piped or logged: plain lines, at a fraction of rich's cost per line.
        yield lambda outcome, done, total: print(_article_line(outcome), file=sys.stderr)
        return
    bar = Bar(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    task = bar.add_task("extracting", total=None)

    def on_article(outcome: ArticleOutcome, done: int, total: int) -> None:
        bar.console.print(_article_line(outcome), highlight=False, markup=False, soft_wrap=True)
        bar.update(task, completed=done, total=total)

    with bar:
        yield on_article


def _print_summary(summary: RunSummary) -> None:
    from rich.console import Console
    from rich.table import Table

    usage = summary.usage()
    items = summary.items()
    table = Table(title=f"armstrace extract → {summary.out}", show_header=False)
    rows = [
        ("articles", f"{summary.ok} ok, {summary.failed} failed"),
        *((f, str(n)) for f, n in items.items()),
        ("items dropped (reasons in the articles)", str(summary.dropped())),
        ("cache hits (calls)", str(summary.cached_calls())),
        ("model calls", str(usage.calls)),
        ("tokens (prompt + completion)", f"{usage.prompt_tokens} + {usage.completion_tokens}"),
        ("seconds", f"{summary.seconds:.1f}"),
    ]
    for name, value in rows:
        table.add_row(name, value)
    console = Console()
    console.print(table)
    for a in summary.articles:
        if a.status != "ok":
            console.print(f"{a.status} {a.source}: {a.reason}", highlight=False, markup=False, soft_wrap=True)


def _print_merge(result: MergeResult) -> None:
    for skipped in result.skipped:
        print(f"skipped {skipped.reason}", file=sys.stderr)
    counts = result.counts
    typer.echo(
        f"merged {counts['articles']} articles ({result.duplicates} near-duplicate) into {result.out}: "
        f"{', '.join(result.written)}; {counts['actors']} actors, {counts['transfers']} transfers, "
        f"{counts['figures']} figures, {counts['claims']} claims, {counts['propositions']} propositions "
        f"({result.disputed} disputed)"
    )


def _print_estimate(estimate: Estimate) -> None:
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
    console = Console()
    console.print(table)
    console.print("Tokens are estimates for the calls the cache will not answer; re-asks are not counted.", highlight=False)
    if estimate.cost is not None:
        console.print(f"cost: {estimate.cost:.4f} (at {estimate.price_in or 0} in, {estimate.price_out or 0} out per million tokens)", highlight=False)


def _print_eval(report: EvalReport) -> None:
    from rich.console import Console
    from rich.table import Table

    base = report.baseline
    table = Table(title=f"armstrace eval: {report.current.prompt}" + (f" vs {base.prompt}" if base else ""))
    for column in ("field", "precision", "recall", "F1", *(("baseline F1", "Δ F1") if base else ())):
        table.add_column(column, justify="left" if column == "field" else "right")
    for field, m in report.current.micro.items():
        row = [field, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}"]
        if base:
            row += [f"{base.micro[field]['f1']:.3f}", f"{report.deltas[field]:+.3f}"]
        table.add_row(*row)
    console = Console()
    console.print(table)
    console.print(f"grounded: {report.current.grounded_share:.1%}; report: eval.md, eval.json", highlight=False)
    if report.below_min:
        console.print(f"below --min-f1 {report.min_f1}: {', '.join(report.below_min)}", highlight=False)


def main() -> None:
    """Entry point: run the app and turn errors into one clear line and an exit status."""
    import click

    from .errors import ArmstraceError

    debug = "--debug" in sys.argv
    try:
        status = app(standalone_mode=False)
    except ArmstraceError as e:
        if debug:
            raise
        print(f"error: {e.message}", file=sys.stderr)
        if e.hint:
            print(f"hint: {e.hint}", file=sys.stderr)
        sys.exit(e.exit_code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        print("error: interrupted", file=sys.stderr)
        sys.exit(130)
    # Without standalone mode, click returns the status of typer.Exit instead of exiting.
    sys.exit(status if isinstance(status, int) else 0)

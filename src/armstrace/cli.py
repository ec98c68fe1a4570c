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

from .base.settings import Settings
from .cli_options import MatchChoice, settings_options
from .cli_tables import print_estimate, print_eval, print_summary
from .cli_usage import click_exceptions, split_debug, usage_line

if TYPE_CHECKING:
    from .dataset.merge import MergeResult
    from .extraction.run import ArticleOutcome, Progress

app = typer.Typer(
    help="Grounded extraction of actors, weapons, figures and claims on Russia-Iran-North "
    "Korea arms cooperation from news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

Out = Annotated[Optional[Path], typer.Option("--out", "-o", help="Output folder.", show_default=False)]
# Before --out/-o was the one spelling, merge and report took the folder as an argument.
OldOut = Annotated[Optional[Path], typer.Argument(hidden=True, show_default=False)]


def _print_version(value: bool) -> None:
    if value:
        from .extraction.extract import armstrace_version

        typer.echo(f"armstrace {armstrace_version()}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", help="Print the version.", is_eager=True, callback=_print_version)
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks (before or after the command).")] = False,
) -> None:
    """armstrace: extract, check and keep what news articles say about arms cooperation.

    The API key, when an endpoint needs one, is read from OPENAI_API_KEY only (never a flag,
    so it stays out of shell history).
    """


def _out_folder(command: str, out: Path | None, old: Path | None) -> Path:
    """The --out folder, or the folder given the old way (an argument) with a note to move on."""
    from .base.errors import UsageError

    if out is not None and old is not None and out != old:
        raise UsageError(f"two output folders: {old} and --out {out}", f"give only: armstrace {command} --out DIR")
    if out is None and old is None:
        raise UsageError(f"missing option '--out' (see 'armstrace {command} --help')")
    if out is None:
        print(f"note: 'armstrace {command} DIR' is deprecated, write 'armstrace {command} --out DIR'", file=sys.stderr)
    return out or old  # type: ignore[return-value]


MetaFile = Annotated[Optional[Path], typer.Option("--meta", help="CSV or JSONL of article metadata (article or file; published, outlet, url, title), used by the merge.", show_default=False)]
Excel = Annotated[bool, typer.Option("--excel", help="Start the CSV files with a UTF-8 byte order mark, so Excel reads accents right.")]


@app.command()
@settings_options
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .html) or folders.", show_default=False)],
    settings: Settings,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")],
    no_merge: Annotated[bool, typer.Option("--no-merge", help="Do not merge the articles into OUT/dataset.json and the tables.")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Only estimate the calls, cache hits, tokens and cost; call no model, write nothing.")] = False,
    price_in: Annotated[Optional[float], typer.Option(help="With --dry-run: price per million prompt tokens.", show_default=False)] = None,
    price_out: Annotated[Optional[float], typer.Option(help="With --dry-run: price per million completion tokens.", show_default=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary (or the estimate) as JSON on stdout.")] = False,
    meta: MetaFile = None,
    excel: Excel = False,
) -> None:
    """Extract every article under PATHS into OUT/articles/<id>.json and OUT/run.json, then merge them."""
    from .extraction.run import run_extract

    if dry_run:
        from .extraction.estimate import estimate_run

        estimate = estimate_run(paths, settings, price_in, price_out)
        print_estimate(estimate)
        if as_json:
            typer.echo(estimate.model_dump_json(indent=2))
        raise typer.Exit(0)
    with _progress() as on_article:
        summary = run_extract(paths, out, settings, progress=on_article)
    print_summary(summary)
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if summary.ok and not no_merge:
        from .dataset.merge import merge_dataset

        _print_merge(merge_dataset(out, settings.gazetteer, meta, excel))
    if as_json:
        typer.echo(summary.model_dump_json(indent=2))
    raise typer.Exit(summary.exit_code)


@app.command()
def merge(
    old_out: OldOut = None,
    out: Out = None,
    gazetteer: Annotated[
        Optional[Path],
        typer.Option(help="A gazetteer file extending the packaged one. Env: ARMSTRACE_GAZETTEER.", show_default=False),
    ] = None,
    meta: MetaFile = None,
    excel: Excel = False,
) -> None:
    """Merge OUT/articles/*.json into OUT/dataset.json, OUT/tables/ (JSONL, CSV, Parquet), OUT/dataset.sqlite, OUT/transfers.csv."""
    from .base.settings import load_settings
    from .dataset.merge import merge_dataset

    folder = _out_folder("merge", out, old_out)
    _print_merge(merge_dataset(folder, load_settings({"gazetteer": gazetteer}).gazetteer, meta, excel))


@app.command("eval")
@settings_options
def eval_(
    settings: Settings,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for eval.json, eval.md and the runs.")],
    gold: Annotated[Path, typer.Option(help="Folder of gold annotations (the project's: seeds/gold).")],
    baseline: Annotated[Optional[Path], typer.Option(help="Prompt file to compare against.", show_default=False)] = None,
    min_f1: Annotated[Optional[float], typer.Option(help="Exit 1 if any field's micro F1 is below this.", show_default=False)] = None,
    match: Annotated[MatchChoice, typer.Option(help="strict: speaker, stance and parties are part of the match; loose: the span rules. Both are reported.")] = MatchChoice.strict,
) -> None:
    """Extract the gold articles (through the cache) and score them against the gold set."""
    from .evaluation.evaluate import run_eval

    report = run_eval(gold, out, settings, baseline=baseline, min_f1=min_f1, match=match.value)
    print_eval(report)
    raise typer.Exit(report.exit_code)


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the JSON Schema files (the project's: schemas).")],
    check: Annotated[bool, typer.Option("--check", help="Only check that the files are current.")] = False,
) -> None:
    """Write the JSON Schemas of the extraction models (or check them with --check)."""
    from .schemas import check_schemas, write_schemas

    if check:
        check_schemas(out)
        _note(f"{out}: up to date")
    else:
        for path in write_schemas(out):
            typer.echo(str(path))


@app.command()
def report(
    old_out: OldOut = None,
    out: Out = None,
) -> None:
    """Write OUT/report.html: every item highlighted in its article, the dataset, and a review page."""
    from .review.page import write_report

    result = write_report(_out_folder("report", out, old_out))
    _note(
        f"{result.path}: {result.articles} articles, {result.highlighted} items highlighted, "
        f"{result.dropped} dropped and {result.ungrounded} not located listed, "
        f"{result.not_ok} articles not extracted; {result.bytes / 1024:.0f} KiB"
    )


gold_app = typer.Typer(help="Gold annotations made from reviews.", no_args_is_help=True)
app.add_typer(gold_app, name="gold")


@gold_app.command("import")
def gold_import(
    file: Annotated[Path, typer.Argument(help="Decisions file saved by the report page.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder of gold files (the project's: seeds/gold).")],
    force: Annotated[bool, typer.Option("--force", help="Replace existing gold files of the same articles.")] = False,
    skip_incomplete: Annotated[bool, typer.Option("--skip-incomplete", help="Leave out articles with undecided items instead of failing.")] = False,
) -> None:
    """Turn a review's decisions into gold annotations (one GoldArticle file per reviewed article)."""
    from .review.gold import import_decisions

    result = import_decisions(file, out, force=force, skip_incomplete=skip_incomplete)
    for skipped in result.skipped:
        print(f"skipped {skipped}", file=sys.stderr)
    for path in result.written:
        typer.echo(path)
    _note(
        f"{len(result.written)} gold file(s): {result.kept} items kept ({result.fixed} fixed), "
        f"{result.dropped} dropped as wrong, {result.added} added"
    )


prompt_app = typer.Typer(help="The packaged prompt, to read or to start a variant from.", no_args_is_help=True)
app.add_typer(prompt_app, name="prompt")


@prompt_app.command("show")
def prompt_show() -> None:
    """Print the packaged prompt."""
    from .base.settings import packaged_prompt

    typer.echo(packaged_prompt().read_text(encoding="utf-8"), nl=False)


@prompt_app.command("path")
def prompt_path() -> None:
    """Print where the packaged prompt is installed (e.g. for eval --baseline)."""
    from .base.settings import packaged_prompt

    typer.echo(packaged_prompt())


@prompt_app.command("copy")
def prompt_copy(
    dest: Annotated[Path, typer.Argument(help="The new prompt file.", show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Replace DEST if it exists.")] = False,
) -> None:
    """Copy the packaged prompt to DEST, to edit it and pass it with --prompt."""
    from .base.errors import UsageError
    from .base.settings import packaged_prompt

    if dest.exists() and not force:
        raise UsageError(f"{dest} exists", "pass --force to replace it, or choose another file")
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(packaged_prompt().read_bytes())
    _note(f"{dest}: copied from the packaged prompt; edit it, bump its version, then pass --prompt {dest}")


def _note(line: str) -> None:
    """A line for the person at the terminal: on stderr, so that stdout carries data only."""
    typer.echo(line, err=True)


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


def _print_merge(result: MergeResult) -> None:
    for skipped in result.skipped:
        print(f"skipped {skipped.reason}", file=sys.stderr)
    counts = result.counts
    _note(
        f"merged {counts['articles']} articles ({result.duplicates} near-duplicate) into {result.out}: "
        f"{', '.join(result.written)}; {counts['actors']} actors, {counts['transfers']} transfers, "
        f"{counts['figures']} figures, {counts['claims']} claims, {counts['propositions']} propositions "
        f"({result.disputed} disputed)"
    )


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn errors into one clear line and an exit status."""
    from .base.errors import ArmstraceError

    debug, args = split_debug(sys.argv[1:] if argv is None else argv)
    click_errors = click_exceptions()
    # A bare group is answered with its help (typer prints it itself when rich is installed).
    help_shown = getattr(click_errors, "NoArgsIsHelpError", ())
    try:
        status = app(args=args, prog_name="armstrace", standalone_mode=False)
    except ArmstraceError as e:
        if debug:
            raise
        print(f"error: {e.message}", file=sys.stderr)
        if e.hint:
            print(f"hint: {e.hint}", file=sys.stderr)
        sys.exit(e.exit_code)
    except help_shown as e:
        if help_text := e.format_message():
            print(help_text, file=sys.stderr)
        sys.exit(e.exit_code)
    except click_errors.ClickException as e:
        print(usage_line(e), file=sys.stderr)
        sys.exit(e.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        print("error: interrupted", file=sys.stderr)
        sys.exit(130)
    # Without standalone mode, click returns the status of typer.Exit instead of exiting.
    sys.exit(status if isinstance(status, int) else 0)

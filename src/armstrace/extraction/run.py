"""A batch run: every article under the given paths, through one model, into one folder.

Each article's extraction is written to DIR/articles/<id>.json as soon as it is done, and
DIR/run.json summarises the run (also when it is interrupted or an endpoint fails for good),
so finished work is never lost and a second run asks the model only for what is missing.
"""

from __future__ import annotations

import asyncio
import json
import signal
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from ..base.errors import (
    ArmstraceError,
    ConfigError,
    EndpointError,
    Interrupted,
    LocalServerError,
    TransientEndpointError,
)
from ..base.schema import ArticleExtraction, Field_, Usage
from ..base.settings import Settings
from ..model.redact import redact, settings_secrets
from ..model.session import ModelSession
from ..base.outdir import RUN, article_path, write_atomic
from .cache import Cache
from .extract import Extractor
from .load import Article, Rejected, find_files, load_articles
from ..base.schema import FIELDS
from .prompt import load_prompt



class ArticleOutcome(BaseModel):
    """How one article of a run ended."""

    id: str
    source: str
    status: Literal["ok", "failed", "rejected", "skipped"]
    reason: str = ""
    note: str = Field(default="", description="Something to know, e.g. the text was not UTF-8.")
    output: str = ""
    items: dict[Field_, int] = Field(default_factory=dict)
    dropped: int = 0
    cached_calls: int = 0
    usage: Usage = Usage()
    seconds: float = Field(
        default=0.0, description="Wall time the run spent on the article alone, model time included: from its "
        "start, or from the end of the article that ended before it if that came later, to its end (articles in "
        "flight together overlap; these seconds add up to the time the run spent on articles).",
    )


class RunSummary(BaseModel):
    """What a run did, written to DIR/run.json."""

    started: str
    seconds: float = 0.0
    out: str
    model: str
    endpoint: str
    prompt: str
    complete: bool = False
    stopped: str = Field(default="", description="Why the run stopped early, if it did.")
    warnings: list[str] = Field(default_factory=list, description="What went wrong without losing work (e.g. no caching).")
    articles: list[ArticleOutcome] = []

    @property
    def ok(self) -> int:
        return sum(a.status == "ok" for a in self.articles)

    @property
    def failed(self) -> int:
        return sum(a.status != "ok" for a in self.articles)

    def items(self) -> dict[Field_, int]:
        """Items kept per field over the run."""
        return {f: sum(a.items.get(f, 0) for a in self.articles) for f in FIELDS}

    def dropped(self) -> int:
        return sum(a.dropped for a in self.articles)

    def cached_calls(self) -> int:
        return sum(a.cached_calls for a in self.articles)

    def usage(self) -> Usage:
        return sum((a.usage for a in self.articles), Usage())

    @property
    def exit_code(self) -> int:
        """0 when every article succeeded and the run finished."""
        return 0 if self.complete and self.failed == 0 else 1


Progress = Callable[[ArticleOutcome, int, int], None]


def _outcome(extraction: ArticleExtraction, output: Path, seconds: float) -> ArticleOutcome:
    return ArticleOutcome(
        id=extraction.article.id,
        source=extraction.article.source,
        status="ok",
        output=str(output),
        note="" if extraction.article.encoding == "utf-8" else f"read as {extraction.article.encoding}",
        items={f: len(getattr(extraction, f)) for f in FIELDS},
        dropped=len(extraction.dropped),
        cached_calls=extraction.provenance.cached_calls,
        usage=extraction.provenance.usage,
        seconds=round(seconds, 3),
    )


def write_extraction(extraction: ArticleExtraction, out: Path) -> Path:
    """Write one article's extraction to out/articles/<id>.json, atomically."""
    path = article_path(out, extraction.article.id)
    write_atomic(path, extraction.model_dump_json(indent=2) + "\n")
    return path


def _failed(article: Article, error: ArmstraceError) -> ArticleOutcome:
    return ArticleOutcome(
        id=article.id, source=str(article.source), status="failed", reason=error.message, usage=Usage(calls=error.calls)
    )


class _Clock:
    """When the last article ended: an article's own seconds start no earlier."""

    def __init__(self) -> None:
        self.last_end = 0.0

    def own_seconds(self, started: float) -> float:
        now = time.monotonic()
        seconds, self.last_end = now - max(started, self.last_end), now
        return seconds


async def _extract_one(extractor: Extractor, article: Article, out: Path, session: ModelSession, clock: _Clock) -> ArticleOutcome:
    started = time.monotonic()
    while True:
        # An article's calls run together: one of them may have started the server again while
        # another still asked the dead one, so a restart since the article began counts too.
        restarts = session.restarts
        try:
            extraction = await extractor.extract(article)
            break
        except TransientEndpointError as e:
            if await session.revive() or session.restarts != restarts:
                continue  # the embedded server died under this article: again, on a new one
            return _failed(article, e)
        except (EndpointError, LocalServerError):
            raise  # a key, model or server problem fails every article alike: stop the run
        except ArmstraceError as e:
            return _failed(article, e)
    output = write_extraction(extraction, out)
    return _outcome(extraction, output, clock.own_seconds(started))


class _Batch:
    """Articles in flight, at most `limit` at once, reported in the order they were read."""

    def __init__(self, summary: RunSummary, limit: int, progress: Progress | None, total: int) -> None:
        self.summary = summary
        self.limit = limit
        self.progress = progress
        self.total = total
        self.queue: deque[asyncio.Future[ArticleOutcome]] = deque()
        self.tokens = 0

    def running(self) -> int:
        return sum(not f.done() for f in self.queue)

    def add(self, future: asyncio.Future[ArticleOutcome]) -> None:
        future.add_done_callback(self._count)
        self.queue.append(future)

    def _count(self, future: asyncio.Future[ArticleOutcome]) -> None:
        if not future.cancelled() and future.exception() is None:
            usage = future.result().usage
            self.tokens += usage.prompt_tokens + usage.completion_tokens

    def record(self, outcome: ArticleOutcome) -> None:
        self.summary.articles.append(outcome)
        if self.progress:
            self.progress(outcome, len(self.summary.articles), self.total)

    async def drain(self, until: int) -> None:
        """Wait until fewer than `until` articles run, recording finished ones in order.

        Finished articles wait behind a slow one at most 4 x limit deep, so memory stays bounded.
        """
        while True:
            while self.queue and self.queue[0].done():
                self.record(self.queue[0].result())  # left queued if it raises: `stop` reports it
                self.queue.popleft()
            if not self.queue or (self.running() < until and len(self.queue) < 4 * self.limit):
                return
            await asyncio.wait([f for f in self.queue if not f.done()], return_when=asyncio.FIRST_COMPLETED)

    def stop(self, found: list[Path | Rejected], reason: str, error: ArmstraceError | None = None) -> None:
        """Record the rest of the run: what finished, the article that failed with `error`, and
        every article not finished as skipped for `reason`."""
        while self.queue:
            future = self.queue.popleft()
            if future.done() and not future.cancelled() and future.exception() is None:
                self.record(future.result())
                continue
            future.cancel()
            path = _path(found[len(self.summary.articles)])
            if future.done() and not future.cancelled() and future.exception() is error and error is not None:
                self.record(ArticleOutcome(id=path.stem, source=str(path), status="failed", reason=error.message, usage=Usage(calls=error.calls)))
            else:
                self.record(ArticleOutcome(id=path.stem, source=str(path), status="skipped", reason=reason))
        for rest in found[len(self.summary.articles) :]:
            self.record(ArticleOutcome(id=_path(rest).stem, source=str(_path(rest)), status="skipped", reason=reason))

    def cancel(self) -> list[asyncio.Future[ArticleOutcome]]:
        """Cancel what still runs; returns the cancelled futures."""
        for future in self.queue:
            future.cancel()
        return list(self.queue)


def _budget_note(settings: Settings, used: int) -> str:
    return f"token budget of {settings.token_budget} reached ({used} used)"


def _path(found: Path | Rejected) -> Path:
    return found.source if isinstance(found, Rejected) else found


async def _extract_all(
    found: list[Path | Rejected], extractor: Extractor, session: ModelSession, out: Path,
    summary: RunSummary, settings: Settings, progress: Progress | None,
) -> None:  # fmt: skip
    _cancel_on_sigterm()
    batch = _Batch(summary, settings.in_flight, progress, len(found))
    clock = _Clock()
    try:
        for item in load_articles(found, settings.max_chars):
            # The first article goes alone: a wrong key or model then fails one request, not
            # as many as would be in flight.
            await batch.drain(until=batch.limit if summary.articles else 1)
            if settings.token_budget is not None and batch.tokens >= settings.token_budget:
                await batch.drain(until=1)
                summary.stopped = _budget_note(settings, batch.tokens)
                batch.stop(found, summary.stopped)
                return
            if isinstance(item, Rejected):
                rejected = ArticleOutcome(id=item.source.stem, source=str(item.source), status="rejected", reason=item.reason)
                batch.add(_done(rejected))
            else:
                batch.add(asyncio.ensure_future(_extract_one(extractor, item, out, session, clock)))
        await batch.drain(until=1)
    except (EndpointError, LocalServerError) as e:
        batch.stop(found, f"not started: the run stopped ({e.message})", e)
        raise
    finally:
        await asyncio.gather(*batch.cancel(), return_exceptions=True)
        await session.close_client()


def _done(outcome: ArticleOutcome) -> asyncio.Future[ArticleOutcome]:
    future: asyncio.Future[ArticleOutcome] = asyncio.get_running_loop().create_future()
    future.set_result(outcome)
    return future


def _cancel_on_sigterm() -> None:
    """Treat SIGTERM like Ctrl-C: cancel the run so the same clean-up runs for both."""
    if threading.current_thread() is not threading.main_thread():
        return  # signals belong to the main thread; a library caller elsewhere keeps its own
    task = asyncio.current_task()
    if task is not None:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)


def run_extract(
    paths: Iterable[Path], out: Path, settings: Settings, progress: Progress | None = None
) -> RunSummary:
    """Extract every article under `paths` into `out`; returns (and writes) the run summary.

    Up to `settings.in_flight` articles are extracted at once; the summary and the progress
    callback see them in the order they were found. Raises EndpointError for faults that
    would fail every article (a refused key, an unknown model) after writing what was done,
    and Interrupted on Ctrl-C or SIGTERM. Call it from synchronous code: it runs its own
    event loop.
    """
    prompt = load_prompt(settings.prompt)
    session = ModelSession(settings)
    cache = Cache(
        settings.cache_dir,
        read=settings.use_cache and not settings.refresh,
        write=settings.use_cache or settings.refresh,
    )
    extractor = Extractor(settings, prompt, cache, session.model, session.endpoint, session.client)
    summary = RunSummary(
        started=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        out=str(out),
        model=session.model,
        endpoint=session.endpoint,
        prompt=prompt.label,
    )
    started = time.monotonic()
    prepare_out(out)
    found = list(find_files(paths))
    try:
        asyncio.run(_extract_all(found, extractor, session, out, summary, settings, progress))
        summary.complete = not summary.stopped
    except (KeyboardInterrupt, asyncio.CancelledError):
        summary.stopped = "interrupted"
        raise Interrupted(
            f"interrupted after {summary.ok} article(s); finished ones are in {out}",
            "run the same command again to continue: finished articles come from the cache",
        ) from None
    except (EndpointError, LocalServerError) as e:
        summary.stopped = redact(e.message, settings_secrets(settings))
        raise
    except OSError as e:  # the output folder stopped taking files (disk full, unmounted)
        summary.stopped = f"cannot write ({e.strerror or e})"
        raise _unwritable(out, e) from None
    finally:
        session.close()
        if cache.problem:
            summary.warnings.append(cache.problem)
        summary.seconds = round(time.monotonic() - started, 3)
        try:
            write_atomic(out / RUN, summary.model_dump_json(indent=2) + "\n")
        except OSError as e:
            raise _unwritable(out, e) from None
    return summary


def _unwritable(out: Path, error: OSError) -> ConfigError:
    return ConfigError(
        f"--out {out}: cannot write there ({error.strerror or error})",
        "give a folder you can write to (it is created if missing); finished answers are cached",
    )


def prepare_out(out: Path) -> None:
    """Create the output folder and check that files can be written in it; ConfigError if not."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except FileExistsError:
        raise ConfigError(f"--out {out}: is a file, not a folder", "give a folder for the output (it is created if missing)") from None
    except OSError as e:
        raise _unwritable(out, e) from None


def read_summary(out: Path) -> RunSummary:
    """The run summary written in `out`."""
    return RunSummary.model_validate(json.loads((out / RUN).read_text(encoding="utf-8")))

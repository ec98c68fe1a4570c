"""Extract one article: code finds candidates, the model labels them, code grounds the labels.

A small model stops lists early (or walks the article inventing items) when asked for
everything at once, and when asked to label a list it copies one label down the list. So each
field gets its own calls, each labelling `settings.batch` numbered candidates (one, by default;
a strong model can take more, and in a single pass labels all of a window's candidates of a
field in one call: see `Settings.resolved_strategy`). All calls share the article as their
prefix, which a server with a prompt cache evaluates once.

Two caches: each call's validated answer (its labels) is cached under the request itself, so a
prompt change to one field re-asks only that field's calls and a change to how labels are
grounded re-asks nothing; a finished article's grounded extraction is cached whole under
everything that made it, code included.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import inspect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from ..base.errors import ArmstraceError, ExtractionError
from ..base.schema import (
    FIELDS, LABELS, Actor, ArticleExtraction, ArticleInfo, Claim, ContentLabel, Field_, Figure, Provenance,
    Usage, Weapon, label_for, labels_model, labels_of,
)  # fmt: skip
from ..base.settings import Settings
from .cache import Cache, digest
from .calls import Answer, Call, Plan, plan, refused
from .load import Article
from .prompt import PromptFile, format_items, render

# Finding candidates and grounding labels (and the gazetteer they use) are loaded on first
# use: a re-run served from whole-article cache entries needs none of them, and their import
# and the gazetteer's parsing would be most of its time.
if TYPE_CHECKING:
    from ..knowledge.cues import Cues
    from ..knowledge.gazetteer import Gazetteer
    from ..model.llm import ModelClient
    from .spans import Candidate, Span

# The folders whose code shapes an answer: any change in them is a new extraction version.
_ANSWER_FOLDERS = ("base", "text", "knowledge", "model", "extraction")


@cache
def code_version() -> str:
    """armstrace's version plus a hash of the code that shapes an extraction."""
    package = Path(__file__).resolve().parents[1]
    sources = {
        p.relative_to(package).as_posix(): p.read_text(encoding="utf-8")
        for folder in _ANSWER_FOLDERS
        for p in sorted((package / folder).glob("*.py"))
    }
    # The packaged gazetteer and cues decide candidates and code-made labels just as code does.
    sources.update({p.name: p.read_text(encoding="utf-8") for p in sorted((package / "data").glob("*.toml"))})
    return f"{armstrace_version()}+{digest(sources)[:12]}"


def armstrace_version() -> str:
    """The installed package version."""
    try:
        return importlib.metadata.version("armstrace")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


@lru_cache(maxsize=256)
def _schema_digest(label: type[BaseModel], count: int) -> str:
    return digest(labels_model(label, count).model_json_schema())


@cache
def schema_sha256() -> str:
    """A hash of the label schemas the model is shown (for one candidate each)."""
    shown: list[type[BaseModel]] = [*LABELS.values(), ContentLabel]
    return digest({label.__name__: labels_model(label, 1).model_json_schema() for label in shown})


def shown_path(path: Path) -> str:
    """A path relative to the working directory when it lies under it (outputs stay portable)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass
class Extractor:
    """Turns articles into grounded extractions with one model, one prompt and one cache."""

    settings: Settings
    prompt: PromptFile
    cache: Cache
    model: str
    endpoint: str
    # A run's client starts the embedded server on first use, asynchronously.
    client: Callable[[], ModelClient | Awaitable[ModelClient]]

    @cached_property
    def cues(self) -> Cues:
        """The packaged cue lexicons."""
        from ..knowledge.cues import load_cues

        return load_cues()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The packaged gazetteer, extended by the user's (settings.gazetteer)."""
        from ..knowledge.gazetteer import load_gazetteer

        return load_gazetteer(self.settings.gazetteer)

    def __post_init__(self) -> None:
        self._prompt_file = shown_path(self.prompt.path)
        # Everything but the article that changes an answer, shared by every key of this run.
        self._shared = {
            "prompt": self.prompt.sha256,
            "model": self.model,
            "generation": self.settings.generation(),
            "strategy": self.settings.call_plan(self.model),
            "code": code_version(),
            "gazetteer": self.settings.gazetteer.read_text(encoding="utf-8") if self.settings.gazetteer else "",
        }

    def cache_key(self, field: Field_, messages: list[dict[str, str]], label: type[BaseModel], count: int) -> str:
        """One call's request, hashed: the messages, the answer's schema and what the model is asked with.

        The code that grounds the answer is not part of it: labels are grounded again on every
        read, so improving that code costs no model call.
        """
        return digest(
            {
                "model": self.model,
                "generation": self._shared["generation"],
                "mode": self.settings.resolved_mode,
                "reasks": self.settings.reasks,
                "field": field,
                "messages": messages,
                "schema": _schema_digest(label, count),
            }
        )

    def article_key(self, article: Article) -> str:
        """The key of a whole article's extraction: its calls' keys follow from the same inputs."""
        return digest({**self._shared, "article": article.sha256, "whole article": schema_sha256()})

    def plan(self, article: Article) -> Plan:
        """The actors the gazetteer names and the claims the text settles (no call needed), and
        the model calls the rest need.

        Calls come window by window and, within a window, field by field and then sentence by
        sentence: every call shares the window as its prefix, and consecutive calls of one field
        share that field's instructions (the claims' run to some 90 tokens) and, about one
        sentence, that sentence too (the items show their sentence first), so the server
        evaluates them once.
        """
        from . import ground
        from .candidates import find_candidates
        from .spans import windows
        from .speakers import attach_speakers, needs_model

        found = find_candidates(article.text, self.cues, self.gazetteer)
        found["claims"] = attach_speakers(found["claims"], found["actors"], article.text, self.cues)
        known = [a for c in found["actors"] if (a := ground.known_actor(c, self.gazetteer))]
        found["actors"] = [c for c in found["actors"] if c.known is None]
        settled = [c for c in found["claims"] if not needs_model(c, self.cues)]
        found["claims"] = [c for c in found["claims"] if needs_model(c, self.cues)]
        spans = windows(article.text, self.settings.window)
        single = self.settings.resolved_strategy(self.model) == "single-pass"
        size = None if single else self.settings.batch
        calls = []
        for f in FIELDS:
            for window, batch in plan(found[f], spans, size):
                messages = self.messages(f, window, batch)
                label = label_for(f, all(c.speaker is not None for c in batch))
                calls.append(Call(f, window, batch, messages, label, self.cache_key(f, messages, label, len(batch))))
        order = {f: n for n, f in enumerate(FIELDS)}
        calls.sort(key=lambda c: (c.window.start, order[c.field], c.batch[0].sentence.start))
        return Plan(known, settled, calls)

    def messages(self, field: Field_, window: Span, batch: Sequence[Candidate]) -> list[dict[str, str]]:
        """The chat messages of one call."""
        return render(self.prompt, field, article=window.text, items=format_items(batch)).as_list()

    async def extract(self, article: Article) -> ArticleExtraction:
        """The grounded extraction of one article (cached calls are not made again).

        A finished article is cached whole as well, so a re-run over a cached corpus neither
        looks for candidates nor reads each call's entry.
        """
        key = self.article_key(article)
        if (entry := self.cache.get(key)) is not None:
            try:
                return self._from_article_cache(article, entry)
            except (ValidationError, KeyError, TypeError):
                pass  # an entry this code cannot read is recomputed like a missing one
        from . import ground
        from .antecedents import antecedent_contents
        from .content import transfer_contents
        from .direction import settle_direction
        from .events import fold_events
        from .parties import settle_parties
        from .speaker_actors import speaker_actors
        from .speaker_names import canonical_speakers
        from .status import settle_status

        # Off the event loop: a long article takes a while to plan, and Ctrl-C must not wait.
        planned = await asyncio.to_thread(self.plan, article)
        calls = planned.calls
        answers = await self._calls(calls)
        # What the text settles is grounded like an answer with no English content (the clause
        # stays), and takes its place among the answers in the article's order.
        settled = [
            (c.span.start, ground.ground_labels([c], [ContentLabel(content="")], article.text, self.cues, self.gazetteer))
            for c in planned.settled
        ]
        asked = [
            (call.batch[0].span.start, ground.ground_labels(call.batch, a.labels, article.text, self.cues, self.gazetteer) if not a.refused else refused(call, a))
            for call, a in zip(calls, answers)
        ]
        grounded = [found for _, found in sorted([*asked, *settled], key=lambda pair: pair[0])]
        records = [r for found, _ in grounded for r in found]
        actors = ground.merge_actors([*planned.known, *(r for r in records if isinstance(r, Actor))])
        as_written = [r for r in records if isinstance(r, Claim)]
        claims = canonical_speakers(as_written, actors, self.gazetteer, self.cues)
        actors = speaker_actors(as_written, claims, actors, article.text, self.cues, self.gazetteer)
        weapons = settle_direction([r for r in records if isinstance(r, Weapon)], self.cues, self.gazetteer)
        weapons = settle_parties(weapons, actors, self.cues, self.gazetteer)
        # A transfer's status reads the claims' own words (the verbatim clause), not their English.
        said = [c.model_copy(update={"content": c.clause}) if c.clause else c for c in claims]
        weapons = fold_events(settle_status(weapons, said, self.cues, self.gazetteer))
        try:
            claims, translations, translated = await self._translate(article, calls, transfer_contents(claims, weapons, self.cues))
        except ArmstraceError as e:
            e.calls += sum(a.usage.calls for a in answers)
            raise
        answers = [*answers, *translated]
        claims = antecedent_contents(claims, article.text, self.cues)
        extraction = ArticleExtraction(
            article=self._info(article),
            actors=actors,
            weapons=weapons,
            figures=[r for r in records if isinstance(r, Figure)],
            claims=claims,
            dropped=[d for _, lost in grounded for d in lost],
            provenance=self._provenance(
                from_cache=all(a.cached for a in answers),
                cached_calls=sum(a.cached for a in answers),
                usage=sum((a.usage for a in answers), Usage()),
                recorded=sum((a.recorded for a in answers), Usage()),
            ),
        )
        distinct = len({call.key for call in [*calls, *translations]})
        # An article some call of which went unanswered is not kept whole: asked again (with more
        # answer tokens, say), the call may be answered.
        if not any(a.refused for a in answers):
            self.cache.put(key, {"calls": distinct, "extraction": extraction.model_dump(mode="json")})
        return extraction

    def _from_article_cache(self, article: Article, entry: dict[str, Any]) -> ArticleExtraction:
        stored = ArticleExtraction.model_validate(entry["extraction"])
        provenance = self._provenance(
            from_cache=True, cached_calls=int(entry["calls"]), usage=Usage(), recorded=stored.provenance.recorded_usage
        )
        return stored.model_copy(update={"article": self._info(article), "provenance": provenance})

    @staticmethod
    def _info(article: Article) -> ArticleInfo:
        return ArticleInfo(
            id=article.id,
            source=str(article.source),
            sha256=article.sha256,
            chars=len(article.text),
            encoding=article.encoding,
            meta=article.meta,
        )

    def _provenance(self, *, from_cache: bool, cached_calls: int, usage: Usage, recorded: Usage) -> Provenance:
        return Provenance(
            prompt=self.prompt.label,
            prompt_file=self._prompt_file,
            prompt_sha256=self.prompt.sha256,
            schema_sha256=schema_sha256(),
            model=self.model,
            endpoint=self.endpoint,
            settings={**self.settings.generation(), **self.settings.call_plan(self.model)},
            armstrace_version=code_version(),
            from_cache=from_cache,
            cached_calls=cached_calls,
            usage=usage,
            recorded_usage=recorded,
        )

    async def _calls(self, calls: Sequence[Call]) -> list[Answer]:
        """The answers to an article's calls, in their order.

        The embedded engine gets them all at once and answers them as one group, reading the
        article once for all (model/batched.py). Another server gets them one at a time, in order:
        each call after the first reuses the article's tokens in its prompt cache, which
        concurrent calls of one article would evict.
        """
        if not self.settings.calls_together:
            results: list[Answer] = []
            try:
                for call in calls:
                    results.append(await self._answer(call))
            except ArmstraceError as e:
                e.calls += sum(r.usage.calls for r in results)
                raise
            return results
        # A request asked twice (one name twice in a sentence) is sent once; the second is then
        # answered from the cache, as one at a time.
        firsts: dict[str, Call] = {}
        for call in calls:
            firsts.setdefault(call.key, call)
        tasks = {id(c): asyncio.ensure_future(self._answer(c)) for c in firsts.values()}
        try:
            await asyncio.gather(*tasks.values())
        except ArmstraceError as e:
            finished = [t.result() for t in tasks.values() if t.done() and not t.cancelled() and t.exception() is None]
            e.calls += sum(r.usage.calls for r in finished)
            raise
        finally:
            for task in tasks.values():
                task.cancel()
        return [tasks[id(c)].result() if id(c) in tasks else await self._answer(c) for c in calls]

    async def _answer(self, call: Call) -> Answer:
        """The call's answer, or, where the model's answer cannot be read (it ran out of answer
        tokens, or its JSON stayed invalid), a refused one: that call's candidates are lost, not
        the article. An endpoint that fails still fails the article, to be asked again."""
        try:
            return await self._call(call)
        except ExtractionError as e:
            return Answer([], usage=Usage(calls=e.calls), refused=e.message)

    async def _call(self, call: Call) -> Answer:
        labels: list[BaseModel] | None = None
        if (entry := self.cache.get(call.key)) is not None:
            try:
                labels = [call.label.model_validate(label) for label in entry["labels"]]
                recorded = Usage.model_validate(entry["usage"])
            except (ValidationError, KeyError, TypeError):
                labels = None  # an entry this code cannot read is asked again like a missing one
        if labels is not None and len(labels) == len(call.batch):
            return Answer(labels, recorded=recorded, cached=True)
        client = self.client()
        if inspect.isawaitable(client):
            client = await client
        answer = await client.ask(call.messages, labels_model(call.label, len(call.batch)))
        labels = labels_of(answer.value)
        self.cache.put(
            call.key, {"labels": [label.model_dump(mode="json") for label in labels], "usage": answer.usage.model_dump(mode="json")}
        )
        return Answer(labels, answer.usage, answer.usage)

    async def _translate(self, article: Article, calls: Sequence[Call], claims: list[Claim]) -> tuple[list[Claim], list[Call], list[Answer]]:
        """The claims with English for those still in the article's language (clause_translation.py),
        the calls that asked for it and their answers."""
        from .clause_translation import translate

        async def ask(call: Call) -> Answer | None:
            try:
                return await self._call(call)
            except ExtractionError:
                return None  # an answer the schema refuses leaves the clause, as one the check refuses

        async def send(asks: list[Call]) -> list[Answer | None]:
            # As the article's calls are sent (`_calls`): together to the embedded engine, which
            # answers them as one group, one at a time to another server.
            if self.settings.calls_together:
                return list(await asyncio.gather(*(ask(call) for call in asks)))
            return [await ask(call) for call in asks]

        return await translate(
            claims, calls, self.prompt, lambda window, batch: self.messages("claims", window, batch),
            lambda messages, label: self.cache_key("claims", messages, label, 1), send, article.text, self.cues, self.gazetteer,
        )  # fmt: skip

"""The model and endpoint options, defined once and given to every command that extracts.

`extract` and `eval` both build a Settings from the same flags; `@settings_options` adds
those flags to a command's signature, where typer reads them, and hands the command the
Settings they make (flags over environment over defaults, see settings.load_settings).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional, cast, get_args

import typer

from .base.settings import DEFAULT_PROMPT, InstructorMode, Settings, Strategy, load_settings


def _choices(name: str, literal: Any) -> type[Enum]:
    """An Enum of a Literal's values: typer lists an Enum's members as the choices in --help."""
    return cast("type[Enum]", Enum(name, {value: value for value in get_args(literal)}, type=str))


ModeChoice = _choices("ModeChoice", InstructorMode)
StrategyChoice = _choices("StrategyChoice", Strategy)


class MatchChoice(str, Enum):
    """The eval's matching rules (schema.Match), as typer lists choices."""

    strict = "strict"
    loose = "loose"


def _option(help: str, *names: str, default: str | bool = False) -> Any:
    return typer.Option(*names, help=help, show_default=default)


# Each option's settings field, its type and its help; `None` (not given) leaves the setting
# to the environment or the default.
OPTIONS: dict[str, Any] = {
    "base_url": Annotated[Optional[str], _option(
        "OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1, or 'openai'. Unset: run the "
        "embedded llama.cpp server. Env: ARMSTRACE_BASE_URL, OPENAI_BASE_URL.")],
    "model": Annotated[Optional[str], _option(
        "Model id. Default with the embedded server: qwen2.5-coder-1.5b-instruct. Env: ARMSTRACE_MODEL.")],
    "together": Annotated[Optional[bool], _option(
        "Send an article's calls at once, for a server that answers them as one group (armstrace's "
        "engine served by hand: python -m armstrace.model.engine). Default: at once to the "
        "embedded server, one at a time to an endpoint.", "--together/--one-at-a-time")],
    "cache_dir": Annotated[Optional[Path], _option("Where answers are cached. Env: ARMSTRACE_CACHE_DIR.")],
    "no_cache": Annotated[bool, _option("Neither read nor write the cache.", "--no-cache")],
    "refresh": Annotated[bool, _option("Ask the model again; store the new answers.", "--refresh")],
    "prompt": Annotated[Optional[Path], _option(
        "Prompt file. Default: the packaged one ('armstrace prompt show').", default=DEFAULT_PROMPT)],
    "mode": Annotated[Optional[ModeChoice], _option(
        "instructor mode; grammar: json_object with a schema, for the embedded engine or llama-cpp-python's server. auto: "
        "grammar for the embedded server, tools otherwise. Env: ARMSTRACE_MODE.", default="auto")],
    "strategy": Annotated[Optional[StrategyChoice], _option(
        "multi-pass: --batch candidates per call; single-pass: all of a field's candidates in a "
        "window in one call. auto: multi-pass for the embedded server and models of at most 14B "
        "parameters, single-pass otherwise. Env: ARMSTRACE_STRATEGY.", default="auto")],
    "gazetteer": Annotated[Optional[Path], _option(
        "A gazetteer file extending the packaged one. Env: ARMSTRACE_GAZETTEER.")],
    "answer_tokens": Annotated[Optional[int], _option("Cap on tokens per model answer.", default="1024")],
    "max_tokens": Annotated[Optional[int], _option(
        "Token budget of the run (prompt + completion): no article is started once it is spent; "
        "finished ones are kept.")],
    "concurrency": Annotated[Optional[int], _option(
        "Articles extracted at once. Default: 2 with the embedded server, 8 with an endpoint. "
        "Env: ARMSTRACE_CONCURRENCY.")],
    "temperature": Annotated[Optional[float], _option("Sampling temperature.", default="0")],
    "timeout": Annotated[Optional[float], _option("Seconds per request. Env: ARMSTRACE_TIMEOUT.", default="600")],
    "reasks": Annotated[Optional[int], _option("Re-asks after an answer fails validation.", default="1")],
    "batch": Annotated[Optional[int], _option("Candidates labelled per model call.", default="1")],
    "window": Annotated[Optional[int], _option(
        "Characters of article per call; longer articles are cut.", default="12000")],
    "threads": Annotated[Optional[int], _option("CPU threads of the embedded server.", default="2")],
    "max_chars": Annotated[Optional[int], _option("Reject articles longer than this many characters.", default="100000")],
}


def _settings(flags: dict[str, Any]) -> Settings:
    """Settings from the options as typer parsed them."""
    renamed = {"max_tokens": "token_budget", "no_cache": "use_cache"}
    values = {renamed.get(name, name): value for name, value in flags.items()}
    values["use_cache"] = False if values["use_cache"] else None
    values["refresh"] = values["refresh"] or None
    for choice in ("mode", "strategy"):
        if isinstance(values[choice], Enum):
            values[choice] = values[choice].value
    return load_settings(values)


def settings_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give `command` the model and endpoint options; it receives them as `settings: Settings`."""
    signature = inspect.signature(command, eval_str=True)
    own = [p for p in signature.parameters.values() if p.name != "settings"]
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=False if get_args(annotation)[0] is bool else None, annotation=annotation)
        for name, annotation in OPTIONS.items()
    ]

    @functools.wraps(command)
    def with_settings(**kwargs: Any) -> None:
        flags = {name: kwargs.pop(name) for name in OPTIONS}
        command(settings=_settings(flags), **kwargs)

    with_settings.__signature__ = signature.replace(parameters=[*own, *shared])  # type: ignore[attr-defined]
    with_settings.__annotations__ = {p.name: p.annotation for p in [*own, *shared]}
    return with_settings

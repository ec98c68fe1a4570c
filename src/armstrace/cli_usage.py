"""Command lines as typed: --debug wherever it is, and a usage mistake as one line.

Kept apart from the commands so that what typer and click raise, which changes between their
versions, is handled in one small place.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType

import typer


def click_exceptions() -> ModuleType:
    """The module of the exceptions typer's parser raises.

    typer either re-exports click's exceptions or vendors a copy of click; its BadParameter
    names the module, whichever it is.
    """
    return importlib.import_module(typer.BadParameter.__module__)


def split_debug(args: list[str]) -> tuple[bool, list[str]]:
    """Whether --debug was given anywhere before '--', and the arguments with it moved first.

    The root option is the one place --debug is parsed, so it is moved there from wherever
    it was typed (before or after the command).
    """
    end = args.index("--") if "--" in args else len(args)
    debug = "--debug" in args[:end]
    rest = [arg for n, arg in enumerate(args) if n >= end or arg != "--debug"]
    return debug, ["--debug", *rest] if debug else rest


def usage_line(e: Exception) -> str:
    """A click usage error as one line: the message, then where to read the right usage."""
    words = " ".join(e.format_message().split())  # type: ignore[attr-defined]
    # Some typer and click pairs both add "Did you mean ...?"; say each sentence once.
    message = " ".join(dict.fromkeys(re.split(r"(?<=[.?!]) ", words))).rstrip(".")
    ctx = getattr(e, "ctx", None)
    command = ctx.command_path if ctx is not None else "armstrace"
    return f"error: {message[:1].lower()}{message[1:]} (see '{command} --help')"

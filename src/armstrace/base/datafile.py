"""The packaged data files (`data/*.toml`) and the checks every reader of them shares.

Errors name the file and the place in it and say how to fix it, as a ConfigError.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from .errors import ConfigError

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def read_toml(path: Path, hint: str) -> dict[str, Any]:
    """The document in `path`; ConfigError (with `hint` for a syntax error) if it cannot be read."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror})", "check the path") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text", "save the file as UTF-8") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e})", hint) from None


def strings(value: Any, where: str, hint: str) -> tuple[str, ...]:
    """A list of non-empty strings, stripped and without repeats, in file order."""
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ConfigError(f"{where}: must be a list of non-empty strings", hint)
    return tuple(dict.fromkeys(item.strip() for item in value))


def choice(value: str, allowed: tuple[str, ...], what: str, where: str) -> str:
    """`value` if it is one of `allowed`, else a ConfigError listing them."""
    if value not in allowed:
        raise ConfigError(f"{where}: unknown {what} '{value}'", f"use one of: {', '.join(allowed)}")
    return value

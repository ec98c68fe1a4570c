"""The output folder: where each file of it lives, how every file is written, how articles are read back.

What the commands leave in DIR:

- `articles/<id>.json`, one article's extraction, and `run.json`, the run's summary
  (`armstrace extract`, extraction/run.py);
- `dataset.json`, `tables/`, `dataset.sqlite`, `transfers.csv`, `datapackage.json`
  (`armstrace merge`, dataset/);
- `report.html` (`armstrace report`, review/page.py);
- `eval.json`, `eval.md` and `runs/<prompt>/`, one output folder per prompt (`armstrace eval`).

Every file is written to a temporary file beside it and renamed into place, so a reader sees
the old file or the new one, never half of one. There is no fsync: it would cost milliseconds
per file, more than a cached article costs in all. If the machine loses power, a file written
in the last seconds may come back empty; a cache entry then fails its checksum and is
recomputed, and running the same command again rewrites every output from the cache.

An article file that cannot be read, or holds no article extraction, is named with the reason
(`read_extractions`); whether that stops the command is the command's decision.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError

from .errors import InputError
from .schema import ArticleExtraction

ARTICLES = "articles"
RUN = "run.json"
DATASET = "dataset.json"
REPORT = "report.html"

_WRITES = itertools.count()


# --------------------------------------------------------------------------- writing


def temp_path(path: Path) -> Path:
    """A temporary name beside `path`, unique per process and per write.

    Not mkstemp: its files are private (0600), and a file renamed into place keeps the mode it
    was created with; created by name, every output gets the umask's mode (0644 usually).
    """
    return path.with_name(f".{path.name}.{os.getpid()}.{next(_WRITES)}.tmp")


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path to write, renamed to `path` when the block ends without error."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: str) -> None:
    """Write UTF-8 text so that readers see the old file or the new one, never half of one."""
    with atomic_path(path) as tmp:
        tmp.write_text(data, encoding="utf-8")


# --------------------------------------------------------------------------- articles


class Unreadable(NamedTuple):
    """A file of DIR/articles/ that is not a readable article extraction, and why."""

    path: str
    reason: str


def article_path(out: Path, article_id: str) -> Path:
    """Where the extraction of article `article_id` is written in `out`."""
    return out / ARTICLES / f"{article_id}.json"


def article_files(out: Path) -> list[Path]:
    """The extraction files in `out`, sorted; none if there is no articles/ folder."""
    folder = out / ARTICLES
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def read_extraction(path: Path) -> ArticleExtraction:
    """The extraction in `path`; InputError naming the file and what is wrong with it."""
    found = _read(path)
    if isinstance(found, str):
        raise InputError(f"{path}: {found}")
    return found


def read_extractions(out: Path) -> tuple[list[ArticleExtraction], list[Unreadable]]:
    """Every readable extraction in `out`, and the files that are not one."""
    extractions: list[ArticleExtraction] = []
    unreadable: list[Unreadable] = []
    for path in article_files(out):
        found = _read(path)
        if isinstance(found, str):
            unreadable.append(Unreadable(str(path), found))
        else:
            extractions.append(found)
    return extractions, unreadable


def _read(path: Path) -> ArticleExtraction | str:
    """The extraction in `path`, or why there is none."""
    try:
        return ArticleExtraction.model_validate_json(path.read_bytes())
    except OSError as e:
        return f"cannot read ({e.strerror})"
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"not an article extraction ({where + ': ' if where else ''}{first['msg']})"

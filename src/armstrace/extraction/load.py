"""Read articles from files and folders.

An article is a plain text file (.txt; .html and .htm are reduced to their text). Its metadata
(publication date, outlet, URL, title) come from front matter or meta tags (module `meta`). Text that is
not UTF-8 is tried as cp1252 and then latin-1, and the encoding used is recorded. A file that
cannot be read as an article becomes a `Rejected` entry naming the file and the reason, so a
batch goes on with the rest.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

from ..base.errors import InputError
from ..base.schema import ArticleMeta
from .meta import front_matter, html_meta

ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm"})
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "h1", "h2", "h3", "h4", "tr", "article", "section"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head"})


@dataclass(frozen=True)
class Article:
    """One article's text and where it came from."""

    id: str
    source: Path
    text: str
    encoding: str
    meta: ArticleMeta = ArticleMeta()

    @cached_property  # every call's cache key holds it: hashing a long text per call adds up
    def sha256(self) -> str:
        """Hash of the text as extracted from (offsets refer to this text)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Rejected:
    """A file that is not a readable article, and what to do about it."""

    source: Path
    reason: str


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and self._skipping:
            self._skipping -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The readable text of an HTML page, one paragraph per line."""
    parser = _TextOnly()
    parser.feed(html)
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def decode(data: bytes, source: Path) -> tuple[str, str]:
    """The text of a file and the encoding that read it; InputError if it is not text."""
    if b"\x00" in data:
        raise InputError(f"{source}: binary file, not an article", "give .txt files of article text")
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding.removesuffix("-sig")
        except UnicodeDecodeError:
            continue
    raise InputError(f"{source}: not readable as text")  # latin-1 decodes anything: defensive


def read_article(path: Path, article_id: str | None = None) -> Article:
    """Read one article file; InputError with a one-line reason if it cannot be used."""
    try:
        # Opened without blocking and checked before reading: a FIFO would wait forever for a
        # writer, a device never ends.
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as f:
            if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                raise InputError(f"{path}: not a regular file (a pipe, device or socket)", "give .txt files of article text")
            data = f.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", "check the path") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})", "check the file's permissions") from None
    text, encoding = decode(data, path)
    looks_html = path.suffix.lower() in {".html", ".htm"} or re.match(
        r"\s*(<!doctype html|<html)", text, re.IGNORECASE
    )
    if looks_html:
        meta = html_meta(text, str(path))
        text = html_to_text(text)
        encoding = f"{encoding}, html stripped"
    else:
        meta, text = front_matter(text, str(path))
    if not text.strip():
        raise InputError(f"{path}: empty article", "remove the file or give it the article's text")
    return Article(id=article_id or path.stem, source=path, text=text, encoding=encoding, meta=meta)


def find_files(paths: Iterable[Path]) -> Iterator[Path | Rejected]:
    """Article files under the given files and folders, in a stable order."""
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                yield Rejected(path, "folder holds no .txt or .html articles")
            yield from files
        elif path.exists():
            yield path
        else:
            yield Rejected(path, "no such file or folder")


def load_articles(found: Iterable[Path | Rejected], max_chars: int | None = None) -> Iterator[Article | Rejected]:
    """Read each file `find_files` found; a Rejected entry for each that is not an article.

    An article longer than `max_chars` characters is rejected. Ids are file names without
    the suffix; a name seen twice gets the text's hash appended.
    """
    seen: set[str] = set()
    for path in found:
        if isinstance(path, Rejected):
            yield path
            continue
        try:
            article = read_article(path)
        except InputError as e:
            yield Rejected(path, e.message.split(": ", 1)[-1])
            continue
        if max_chars is not None and len(article.text) > max_chars:
            yield Rejected(path, f"{len(article.text):,} characters, more than --max-chars {max_chars:,}: split it, or raise --max-chars")
            continue
        if article.id in seen:
            article = replace(article, id=f"{article.id}-{article.sha256[:8]}")
        seen.add(article.id)
        yield article

"""Article metadata: publication date, outlet, URL and title, from the input itself or a sidecar file.

Three places can say them, read in this order (a later one fills only what is still unknown):

- **front matter** opening a .txt file: a line `---`, then `key: value` lines, then a line
  `---`. The block is taken off the text before anything else reads it, so evidence offsets
  count from the first character after the closing `---` line;
- **HTML meta tags** of an .html page (`article:published_time`, `og:site_name`, `og:url`,
  `og:title`, `<link rel="canonical">`, `<title>`...);
- a **sidecar** CSV or JSONL file given with `--meta` (columns `article` or `file`, then any of
  `published`, `outlet`, `url`, `title`): it wins over what the article files say, since it is
  the user's correction.

Dates are normalised to ISO (`2024-01-17`; `2024-01-17T08:00:00Z` and `17 de enero de 2024` too).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..base.errors import InputError
from ..base.schema import ArticleMeta
from ..text.dates import stated_date

# The keys each field is known by, in front matter, meta tags and sidecar columns (lower case).
_KEYS: dict[str, tuple[str, ...]] = {
    "published": (
        "published", "date", "publication_date", "published_time", "article:published_time", "og:published_time",
        "datepublished", "pubdate", "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date",
    ),
    "outlet": ("outlet", "source", "publisher", "site", "og:site_name", "application-name", "dc.publisher"),
    "url": ("url", "link", "canonical", "og:url"),
    "title": ("title", "headline", "og:title", "twitter:title", "dc.title"),
}  # fmt: skip
_FIELD_OF = {key: name for name, keys in _KEYS.items() for key in keys}
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<block>(?:.*\r?\n)*?)---[ \t]*(?:\r?\n|\Z)")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


def iso_date(value: str, where: str) -> str:
    """A written publication date as ISO; InputError naming `where` if it is not a date."""
    value = value.strip()
    if not value:
        return ""
    found = _ISO.fullmatch(value)
    iso = stated_date(f"{found.group(1)}-{found.group(2)}-{found.group(3)}") if found else stated_date(value)
    if iso is None:
        raise InputError(f"{where}: published date '{value}' is not a date", "write it as YYYY-MM-DD")
    return iso


def _meta(values: Mapping[str, str], where: str) -> ArticleMeta:
    """The fields `values` names under any of their keys; the first key of a field wins."""
    fields: dict[str, str] = {}
    for key, value in values.items():
        name = _FIELD_OF.get(key.strip().lower())
        if name and value and value.strip() and name not in fields:
            fields[name] = value.strip()
    if "published" in fields:
        fields["published"] = iso_date(fields["published"], where)
    return ArticleMeta(**fields)


def front_matter(text: str, where: str) -> tuple[ArticleMeta, str]:
    """The metadata a leading `---` block gives, and the text without it (unchanged if none)."""
    found = _FRONT.match(text)
    if found is None:
        return ArticleMeta(), text
    values: dict[str, str] = {}
    for line in found.group("block").splitlines():
        key, colon, value = line.partition(":")
        if colon and key.strip():
            values.setdefault(key.strip(), value.strip().strip("\"'"))
    return _meta(values, where), text[found.end() :]


class _MetaTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}
        self._title: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): v or "" for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name") or a.get("itemprop") or ""
            self.values.setdefault(key.lower(), a.get("content", ""))
        elif tag == "link" and a.get("rel", "").lower() == "canonical":
            self.values.setdefault("canonical", a.get("href", ""))
        elif tag == "time" and a.get("datetime") and "pubdate" in a:
            self.values.setdefault("pubdate", a["datetime"])
        elif tag == "title":
            self._title = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title is not None:
            self.values.setdefault("headline", " ".join("".join(self._title).split()))
            self._title = None

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)


def html_meta(html: str, where: str) -> ArticleMeta:
    """The metadata an HTML page's head gives (Open Graph, article:*, Dublin Core, <title>)."""
    parser = _MetaTags()
    parser.feed(html)
    # Open Graph and article:* before generic names: og:title is the headline, <title> adds the site.
    ordered = sorted(parser.values.items(), key=lambda kv: (":" not in kv[0], kv[0] == "headline"))
    return _meta(dict(ordered), where)


def fill(meta: ArticleMeta, over: ArticleMeta) -> ArticleMeta:
    """`meta` with every field `over` knows replaced by `over`'s."""
    return meta.model_copy(update={k: v for k, v in over.model_dump().items() if v})


class Sidecar:
    """A `--meta` file: metadata per article id or per article file name."""

    def __init__(self, by_key: Mapping[str, ArticleMeta]) -> None:
        self._by_key = dict(by_key)

    def get(self, article: str, file: str) -> ArticleMeta:
        """The metadata for an article, by its id, else its file's path, else its file's name."""
        for key in (article, file, Path(file).name):
            if key in self._by_key:
                return self._by_key[key]
        return ArticleMeta()


def read_sidecar(path: Path) -> Sidecar:
    """Read a CSV (with a header) or JSONL sidecar; InputError naming the line at fault."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise InputError(f"{path}: cannot read the metadata file ({e.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: the metadata file is not UTF-8") from None
    rows: list[tuple[int, Any]] = []
    if path.suffix.lower() in (".jsonl", ".ndjson", ".json"):
        for n, line in enumerate(text.splitlines(), 1):
            try:
                rows += [(n, json.loads(line))] if line.strip() else []
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}: not JSON ({e.msg})", "one JSON object per line") from None
    else:
        rows = [(n, row) for n, row in enumerate(csv.DictReader(text.splitlines()), 2)]
    by_key: dict[str, ArticleMeta] = {}
    for n, row in rows:
        if not isinstance(row, dict):
            raise InputError(f"{path}:{n}: not an object", "one JSON object per line")
        values = {str(k).lower(): str(v) for k, v in row.items() if k is not None and v is not None}
        key = values.pop("article", "") or values.pop("id", "") or values.pop("file", "")
        if not key.strip():
            raise InputError(f"{path}:{n}: no article id or file", "give an 'article' or 'file' column")
        by_key[key.strip()] = _meta(values, f"{path}:{n}")
    return Sidecar(by_key)

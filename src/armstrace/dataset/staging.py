"""Staging: the scratch SQLite database where a merge's rows wait to be sorted and grouped.

A merge reads the extractions one at a time and never holds them all: each per-article row
(observation, figure, claim, actor mention) is stored here as its JSON with the columns it is
sorted and grouped by, and SQLite does the sorting and grouping on disk. What stays in memory
is the resolution state (names, flows, propositions, copy signatures), which grows with the
number of distinct things named, not with the number of articles.

The database is a temporary file in the output folder, removed when the merge ends.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from .tables import ClaimRow, FigureRow, ObservationRow, Source

class Mention(NamedTuple):
    """One extracted actor record, as staged."""

    names: str  # a JSON list: the record's name and mentions
    role: str
    occurrences: int  # how often its names occur in the article
    published: str | None  # the article's report date
    source: str  # the Source, as JSON


# Rows are inserted this many at a time: one executemany instead of a thousand executes.
_BATCH = 1000

_SCHEMA = """
CREATE TABLE extractions (id TEXT PRIMARY KEY, path TEXT, facts TEXT);
CREATE TABLE articles (id TEXT, json TEXT);
CREATE TABLE mentions (actor TEXT, names TEXT, role TEXT, count INTEGER, published TEXT, source TEXT);
CREATE TABLE observations (transfer_id TEXT, published TEXT, article TEXT, start INTEGER, id TEXT, json TEXT);
CREATE TABLE figures (article TEXT, start INTEGER, id TEXT, json TEXT);
CREATE TABLE claims (
    article TEXT, start INTEGER, id TEXT, stance TEXT, subject TEXT, content TEXT, flow TEXT, proposition TEXT, json TEXT
);
CREATE TABLE statements (subject TEXT, content TEXT, proposition TEXT);
"""

# Built once every row is in, so that inserts do not maintain them; each serves a sorted scan
# or the lookup of one group (a flow's observations, an actor's mentions, a proposition's claims).
_INDEXES = """
CREATE INDEX articles_order ON articles (id);
CREATE INDEX mentions_by_actor ON mentions (actor);
CREATE INDEX observations_order ON observations (transfer_id, published, article, start, id);
CREATE INDEX figures_order ON figures (article, start, id);
CREATE INDEX claims_order ON claims (article, start, id);
CREATE INDEX claims_by_proposition ON claims (proposition);
"""

class Staging:
    """Rows of one merge on disk: add them in any order, read them back sorted or grouped."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._pending: dict[str, list[tuple[Any, ...]]] = defaultdict(list)

    def _add(self, table: str, row: tuple[Any, ...]) -> None:
        pending = self._pending[table]
        pending.append(row)
        if len(pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        for table, rows in self._pending.items():
            self._db.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
        self._pending.clear()

    # ----------------------------------------------------------------- the first reading

    def add_extraction(self, article: str, path: Path, facts: str) -> bool:
        """Record an article's file and what its text gave (JSON); False if another file holds that id."""
        try:
            self._db.execute("INSERT INTO extractions VALUES (?, ?, ?)", (article, str(path), facts))
        except sqlite3.IntegrityError:
            return False
        return True

    def extractions(self) -> Iterator[tuple[str, Path, str]]:
        """(article id, file, facts JSON) of every article, by article id."""
        for article, path, facts in self._db.execute("SELECT * FROM extractions ORDER BY id"):
            yield article, Path(path), facts

    # ----------------------------------------------------------------- the rows of each article

    def add_article(self, article: str, json: str) -> None:
        """An article row, as JSON."""
        self._add("articles", (article, json))

    def add_mention(self, actor: str, names: str, role: str, count: int, published: str | None, source: Source) -> None:
        """One extracted actor record of the actor with key `actor`; `names` is a JSON list.

        `count` is how often its names occur in the article, `published` the article's report date.
        """
        self._add("mentions", (actor, names, role, count, published, source.model_dump_json()))

    def add_observation(self, row: ObservationRow) -> None:
        """An observation row, kept in the order of the observations table."""
        keys = (row.transfer_id, row.published or "", row.article, row.source.start, row.id)
        self._add("observations", (*keys, row.model_dump_json()))

    def add_figure(self, row: FigureRow) -> None:
        """A figure row."""
        self._add("figures", (row.article, row.source.start, row.id, row.model_dump_json()))

    def add_claim(self, row: ClaimRow, subject: str) -> None:
        """A claim row; an empty proposition_id is a statement's, settled by `set_statements`."""
        flow = row.proposition_id or None
        self._add("claims", (row.article, row.source.start, row.id, row.stance, subject, row.content, flow, flow, row.model_dump_json()))

    # ----------------------------------------------------------------- statements

    def statements(self) -> Iterator[tuple[str, str]]:
        """Each distinct (subject key, content) of the claims that state no flow, sorted."""
        self._flush()
        yield from self._db.execute("SELECT DISTINCT subject, content FROM claims WHERE proposition IS NULL ORDER BY subject, content")

    def set_statements(self, propositions: Iterable[tuple[str, str, str]]) -> None:
        """Give each (subject key, content, proposition id) to the claims that have them.

        `propositions` may be read from `statements()` as it goes.
        """
        self._db.executemany("INSERT INTO statements VALUES (?, ?, ?)", propositions)
        self._db.execute("CREATE INDEX statements_by_content ON statements (subject, content)")
        self._db.execute(
            "UPDATE claims SET proposition = (SELECT s.proposition FROM statements s"
            " WHERE s.subject = claims.subject AND s.content = claims.content) WHERE flow IS NULL"
        )

    # ----------------------------------------------------------------- reading back

    def index(self) -> None:
        """Index the rows once they are all in and statements are set; call before reading back."""
        self._flush()
        self._db.executescript(_INDEXES)

    def articles(self) -> Iterator[str]:
        """Article rows (JSON) by id."""
        return (json for (json,) in self._db.execute("SELECT json FROM articles ORDER BY id"))

    def actors(self) -> list[str]:
        """Keys of the actors that have mentions."""
        return [key for (key,) in self._db.execute("SELECT DISTINCT actor FROM mentions")]

    def mentions(self, actor: str) -> Iterator[Mention]:
        """Every record of one actor."""
        return map(Mention._make, self._db.execute("SELECT names, role, count, published, source FROM mentions WHERE actor = ?", (actor,)))

    def observations(self, transfer_id: str | None = None) -> Iterator[str]:
        """Observation rows (JSON) in table order, or only those of one flow."""
        where, args = ("WHERE transfer_id = ?", (transfer_id,)) if transfer_id is not None else ("", ())
        order = "ORDER BY transfer_id, published, article, start, id"
        return (json for (json,) in self._db.execute(f"SELECT json FROM observations {where} {order}", args))

    def figures(self) -> Iterator[str]:
        """Figure rows (JSON) in table order."""
        return (json for (json,) in self._db.execute("SELECT json FROM figures ORDER BY article, start, id"))

    def claims(self, proposition: str | None = None) -> Iterator[tuple[str, str | None]]:
        """(claim row JSON, the proposition id it lacks) in table order, or those of one proposition.

        The id is None for a claim stored with its proposition (a flow's).
        """
        where, args = ("WHERE proposition = ?", (proposition,)) if proposition is not None else ("", ())
        query = f"SELECT json, CASE WHEN flow IS NULL THEN proposition END FROM claims {where} ORDER BY article, start, id"
        return iter(self._db.execute(query, args))

    def stances(self) -> Iterator[tuple[str, str]]:
        """Each distinct (proposition id, stance) of the claims."""
        yield from self._db.execute("SELECT DISTINCT proposition, stance FROM claims")


@contextmanager
def staging(folder: Path) -> Iterator[Staging]:
    """A new, empty staging database in `folder`, deleted on leaving the block."""
    fd, path = tempfile.mkstemp(dir=folder, prefix=".merge-staging.", suffix=".sqlite")
    os.close(fd)
    try:
        db = sqlite3.connect(path)
        try:
            # Scratch data: a crash loses nothing worth a journal or a sync. SQLite's page cache
            # stays at its default 2 MiB; sorting and grouping spill to disk, which is the point.
            db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
            db.executescript(_SCHEMA)
            yield Staging(db)
        finally:
            db.close()
    finally:
        Path(path).unlink(missing_ok=True)

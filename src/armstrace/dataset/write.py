"""Writers of a merged dataset: dataset.json, tables/*.jsonl, *.csv and *.parquet, dataset.sqlite.

Rows arrive one table at a time as JSON, already sorted, and are written as they come: each
row is in memory only while it is written to every format. Every file is written to a
temporary file in its folder and renamed into place, so a reader sees the old file or the
new one, never half of one.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, TypeVar, get_args, get_origin

from pydantic import BaseModel

from ..base.outdir import DATASET, atomic_path
from .tables import TABLE_MODELS, Row, Source

R = TypeVar("R", bound=Row)
Column = tuple[str, tuple[str, ...], str]  # column name, path into the row's JSON, TEXT/INTEGER/REAL/BOOLEAN

# Rows are written to CSV and SQLite in batches of at most this many rows or characters of JSON.
_BATCH_ROWS, _BATCH_CHARS = 1000, 1 << 20


@contextmanager
def atomic_text(path: Path, bom: bool = False) -> Iterator[IO[str]]:
    """A UTF-8 text file (with a byte order mark if `bom`, for Excel) that appears whole or not at all."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        yield f


def write_dataset(
    out: Path, header: Mapping[str, Any], tables: Mapping[str, Iterable[str]], bom: bool = False
) -> dict[str, int]:
    """Write dataset.json, tables/<table>.jsonl, .csv and .parquet, and dataset.sqlite; return rows per table.

    `header` holds dataset.json's leading keys; `tables` each table's rows as JSON, in order;
    `bom` starts the CSV files with a byte order mark, so Excel reads them as UTF-8.
    Each row is serialised once, by its model, for every format.
    """
    counts: dict[str, int] = {}
    with atomic_text(out / DATASET) as whole, _sqlite(out / "dataset.sqlite") as db:
        whole.write("{\n")
        for key, value in header.items():
            whole.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)},\n")
        for n, (name, rows) in enumerate(tables.items()):
            whole.write(f'"{name}": [')
            counts[name] = _write_table(out, name, rows, whole, db, bom)
            whole.write("\n]" + ("," if n < len(tables) - 1 else "") + "\n")
        whole.write("}\n")
        for view, sql in _VIEWS.items():
            db.execute(f"CREATE VIEW {view} AS {sql}")
    return counts


class _Flat:
    """The flattened files of one table: CSV, SQLite and Parquet, written a batch of rows at a time."""

    def __init__(self, name: str, columns: list[Column], table: IO[str], db: sqlite3.Connection, parquet: str) -> None:
        import pyarrow.parquet as pq

        self.columns, self.db = columns, db
        self.insert = f"INSERT INTO {name} VALUES ({', '.join('?' * len(columns))})"
        self.writer = csv.writer(table, lineterminator="\n")
        self.writer.writerow([c for c, _, _ in columns])
        self.schema = parquet_schema(columns)
        self.parquet = pq.ParquetWriter(parquet, self.schema, compression="zstd")

    def write(self, cells: list[tuple[Any, ...]]) -> None:
        import pyarrow as pa

        self.writer.writerows(cells)
        self.db.executemany(self.insert, cells)
        if cells:
            arrays = [
                pa.array([None if v is None else bool(v) for v in values] if f.type == pa.bool_() else values, f.type)
                for values, f in zip(zip(*cells), self.schema)
            ]
            self.parquet.write_batch(pa.record_batch(arrays, schema=self.schema))


def parquet_schema(columns: list[Column]) -> Any:
    """The Arrow schema of a table's flattened columns (text, integer, real, boolean)."""
    import pyarrow as pa

    types = {"TEXT": pa.string(), "INTEGER": pa.int64(), "REAL": pa.float64(), "BOOLEAN": pa.bool_()}
    return pa.schema([(c, types[t]) for c, _, t in columns])


def _write_table(out: Path, name: str, rows: Iterable[str], whole: IO[str], db: sqlite3.Connection, bom: bool) -> int:
    """One table into dataset.json (open at its array), its JSONL, CSV and Parquet files and SQLite."""
    model = TABLE_MODELS[name]
    columns = columns_of(model)
    spec = ", ".join(f'"{c}" {_SQLITE[t]}' + (" PRIMARY KEY" if c == "id" else "") for c, _, t in columns)
    db.execute(f"CREATE TABLE {name} ({spec})")
    count = size = 0
    cells: list[tuple[Any, ...]] = []
    folder = out / "tables"
    with (
        atomic_text(folder / f"{name}.jsonl") as lines,
        atomic_text(folder / f"{name}.csv", bom) as table,
        atomic_path(folder / f"{name}.parquet") as parquet,
    ):
        flat = _Flat(name, columns, table, db, str(parquet))
        try:
            for data in rows:
                whole.write(("," if count else "") + "\n" + data)
                lines.write(data + "\n")
                cells.append(_cells(json.loads(data), columns))
                count, size = count + 1, size + len(data)
                # A row that gathers thousands of sources is megabytes: batches are bounded in bytes too.
                if len(cells) == _BATCH_ROWS or size > _BATCH_CHARS:
                    flat.write(cells)
                    cells, size = [], 0
            flat.write(cells)
        finally:
            flat.parquet.close()
    _insert_sources(db, name, model)
    return count


def nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (Source, Quantity or an optional one), flattened into columns."""
    options = [a for a in get_args(annotation) if a is not type(None)] if get_args(annotation) else [annotation]
    single = options[0] if len(options) == 1 else None
    return single if isinstance(single, type) and issubclass(single, BaseModel) and get_origin(annotation) is not list else None


def _sql_type(annotation: Any) -> str:
    options = [a for a in get_args(annotation) if a is not type(None)] if get_origin(annotation) is not list and get_args(annotation) else [annotation]
    return {bool: "BOOLEAN", int: "INTEGER", float: "REAL"}.get(options[0], "TEXT") if len(options) == 1 else "TEXT"


_SQLITE = {"TEXT": "TEXT", "INTEGER": "INTEGER", "REAL": "REAL", "BOOLEAN": "INTEGER"}  # booleans are 0/1 in SQLite


def columns_of(model: type[BaseModel]) -> list[Column]:
    """(column, path into the row's JSON, type); nested models become prefixed columns."""
    columns: list[Column] = []
    for name, info in model.model_fields.items():
        nested = nested_model(info.annotation)
        if nested is None:
            columns.append((name, (name,), _sql_type(info.annotation)))
        else:
            columns += [(f"{name}_{sub}", (name, sub), _sql_type(i.annotation)) for sub, i in nested.model_fields.items()]
    return columns


def _cell(value: Any) -> Any:
    """A JSON value as one cell: lists of scalars joined by '; ', other lists as JSON, bools 0/1."""
    if isinstance(value, list) and not (value and isinstance(value[0], (dict, list))):  # lists are homogeneous
        return "; ".join(map(str, value))
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return int(value) if isinstance(value, bool) else value


def _cells(data: dict[str, Any], columns: list[Column]) -> tuple[Any, ...]:
    values = []
    for _, path, _ in columns:
        value: Any = data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        values.append(_cell(value))
    return tuple(values)


_VIEWS = {
    "transfers_by_supplier_recipient": """
        SELECT supplier, supplier_code, recipient, recipient_code, COUNT(*) AS flows,
               group_concat(CASE WHEN designation != '' THEN designation ELSE category END, '; ') AS systems,
               SUM(observations) AS observations, SUM(denied) AS flows_denied
        FROM (SELECT * FROM transfers ORDER BY category, designation)
        WHERE supplier != '' AND recipient != ''
        GROUP BY supplier_id, supplier, recipient_id, recipient ORDER BY supplier, recipient""",
    "claims_by_proposition": """
        SELECT id AS proposition_id, statement, disputed, asserted_by, acknowledged_by, accused_by,
               warned_by, believes_by, denied_by, first_seen, last_seen, claims, independent_sources, articles
        FROM propositions ORDER BY disputed DESC, statement""",
    "disputed_propositions": "SELECT * FROM claims_by_proposition WHERE disputed = 1",
    "actors_by_mentions": """
        SELECT id, name, kind, country_code, part_of, mentions, independent_sources, first_seen, last_seen, articles
        FROM actors ORDER BY mentions DESC, independent_sources DESC, name""",
}


@contextmanager
def _sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    """A new SQLite file built aside and renamed in whole; rows go in in their sorted order."""
    with atomic_path(path) as tmp:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")  # a file renamed in whole needs no journal
            columns = ", ".join(f'"{c}" {_SQLITE[t]}' for c, _, t in columns_of(Source))
            db.execute(f"CREATE TABLE sources (table_name TEXT, row_id TEXT, {columns})")
            with db:
                yield db
            db.execute("CREATE INDEX sources_by_row ON sources (table_name, row_id)")
        finally:
            db.close()


def _insert_sources(db: sqlite3.Connection, name: str, model: type[Row]) -> None:
    """Copy a table's sources, in row order, into `sources`, from its own flattened columns."""
    fields = list(Source.model_fields)
    if "source" in model.model_fields:  # one source, flattened into source_* columns
        picked = ", ".join(f'"source_{f}"' for f in fields)
        db.execute(f"INSERT INTO sources SELECT ?, id, {picked} FROM {name} ORDER BY rowid", (name,))
    elif "sources" in model.model_fields:  # a list of sources, kept as a JSON cell
        picked = ", ".join(f"json_extract(s.value, '$.{f}')" for f in fields)
        db.execute(
            f"INSERT INTO sources SELECT ?, t.id, {picked} FROM {name} t, json_each(t.sources) s ORDER BY t.rowid, s.key",
            (name,),
        )


def read_rows(path: Path, model: type[R]) -> Iterator[R]:
    """The rows of a JSONL table file, one at a time."""
    with path.open(encoding="utf-8") as f:
        for line in f:
            yield model.model_validate_json(line)

"""The data dictionary written beside the dataset: DIR/datapackage.json.

A Frictionless Tabular Data Package (https://specs.frictionlessdata.io/tabular-data-package/):
one resource per table (its CSV file, with the JSONL and Parquet files of the same rows named
under `x-files`) and one for transfers.csv, each with a Table Schema listing every column, its
type and its meaning. Every meaning is read off the row models' field descriptions (module
`tables`, and `sipri.SIPRI_COLUMNS`), so the dictionary cannot drift from the data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .sipri import SIPRI_COLUMNS
from .tables import TABLE_MODELS, Row
from .write import Column, atomic_text, columns_of, nested_model

_TYPES = {"TEXT": "string", "INTEGER": "integer", "REAL": "number", "BOOLEAN": "boolean"}


def _description(model: type[BaseModel], path: tuple[str, ...]) -> str:
    """The description of a column: its field's, prefixed by the nested record's for a flattened one."""
    info = model.model_fields[path[0]]
    if len(path) == 1:
        return info.description or ""
    nested = nested_model(info.annotation)
    assert nested is not None  # a path of two parts comes from a nested model
    return f"{info.description or path[0]} — {nested.model_fields[path[1]].description or path[1]}"


def _field(model: type[Row], column: Column) -> dict[str, Any]:
    name, path, kind = column
    return {"name": name, "type": _TYPES[kind], "description": _description(model, path)}


def data_package(bom: bool = False) -> dict[str, Any]:
    """The datapackage.json of a merged dataset."""
    encoding = "utf-8-sig" if bom else "utf-8"
    resources: list[dict[str, Any]] = []
    for name, model in TABLE_MODELS.items():
        columns = columns_of(model)
        schema: dict[str, Any] = {"fields": [_field(model, c) for c in columns]}
        if any(c[0] == "id" for c in columns):
            schema["primaryKey"] = "id"
        resources.append({
            "name": name, "path": f"tables/{name}.csv", "format": "csv", "encoding": encoding,
            "description": " ".join((model.__doc__ or "").split()),
            "x-files": [f"tables/{name}.jsonl", f"tables/{name}.parquet", f"dataset.sqlite#{name}"], "schema": schema,
        })  # fmt: skip
    resources.append({
        "name": "transfers-sipri", "path": "transfers.csv", "format": "csv", "encoding": encoding,
        "description": "Flows whose supplier and recipient are known, in the column layout of the SIPRI Arms Transfers Database's trade register.",
        "schema": {"fields": [{"name": c, "type": "string", "description": d} for c, d in SIPRI_COLUMNS.items()]},
    })  # fmt: skip
    return {
        "profile": "tabular-data-package",
        "name": "armstrace-dataset",
        "title": "Actors, arms transfers, figures and claims extracted by armstrace",
        "description": (
            "Flattened columns: a nested record becomes prefixed columns (source_article, quantity_value); a list "
            "of names, ids or years is joined with '; '; a list of records is compact JSON; empty means unknown."
        ),
        "resources": resources,
    }


def write_dictionary(out: Path, bom: bool = False) -> Path:
    """Write out/datapackage.json; return its path."""
    path = out / "datapackage.json"
    with atomic_text(path) as f:
        f.write(json.dumps(data_package(bom), ensure_ascii=False, indent=2) + "\n")
    return path

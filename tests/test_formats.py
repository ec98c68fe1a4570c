"""The dataset's formats beyond JSON: the SIPRI layout, Parquet, the data dictionary, CSV for Excel, views."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq

from armstrace.dataset.tables import TABLE_MODELS
from armstrace.dataset.merge import merge_dataset
from armstrace.dataset.sipri import SIPRI_COLUMNS, clause_years, english

from support.articles import flow_articles, write_article

QUOTE = "Moscú firmó un acuerdo para que Irán exporte drones a Rusia después de que Putin enviara tropas a Ucrania en 2022."


def _sipri(out: Path) -> list[dict[str, str]]:
    with (out / "transfers.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_sipri_columns_are_filled_from_what_the_articles_state(tmp_path: Path) -> None:
    flow_articles(tmp_path)  # agreed on 3 September 2022 (Shahed-136), hundreds delivered on 20 October (Geran-2)
    merge_dataset(tmp_path)
    (row,) = _sipri(tmp_path)
    assert (row["supplier"], row["recipient"], row["designation"], row["description"]) == ("Iran", "Russia", "Shahed-136", "unmanned aerial vehicle")
    assert (row["number_ordered"], row["number_delivered"], row["status"]) == ("", "200-1000", "delivered")
    # No year is written next to the drones in either sentence: unknown stays empty.
    assert (row["year_of_order"], row["years_of_delivery"]) == ("", "")
    assert (row["report_date"], row["last_report_date"]) == ("2022-09-03", "2022-10-20")
    assert row["comments"].startswith("a1: “Irán acordó vender drones Shahed-136") and "Rusia recibió cientos de drones Geran-2" in row["comments"].split(" | a2: ")[1]


def test_a_year_belongs_to_the_clause_of_the_materiel() -> None:
    assert clause_years(QUOTE, "drones") == []
    assert clause_years(QUOTE, "tropas") == [2022]
    assert clause_years("En 2023 Corea del Norte entregó proyectiles a Rusia.", "proyectiles") == [2023]


def test_descriptions_are_english_from_the_word_list_else_the_category() -> None:
    assert english("misiles balísticos de corto alcance", "ballistic_missile") == "short-range ballistic missile"
    assert english("Contenedores", "military_equipment") == "containers of military equipment"
    assert english("Shahed-136", "drone") == "unmanned aerial vehicle"


def test_every_table_has_a_parquet_file_with_the_csv_columns_and_rows(seeds_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "articles").mkdir(parents=True)
    for p in (seeds_out / "articles").iterdir():
        (out / "articles" / p.name).write_bytes(p.read_bytes())
    merge_dataset(out)
    for name in TABLE_MODELS:
        table = pq.read_table(out / "tables" / f"{name}.parquet")
        with (out / "tables" / f"{name}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert table.column_names == list(rows[0]) and table.num_rows == len(rows), name
    propositions = pq.read_table(out / "tables" / "propositions.parquet").to_pylist()
    assert str(pq.read_schema(out / "tables" / "propositions.parquet").field("disputed").type) == "bool"
    assert {p["statement"] for p in propositions if p["disputed"]} >= {"arms from North Korea to Russia"}


def test_the_data_dictionary_describes_every_column_of_every_file(tmp_path: Path) -> None:
    flow_articles(tmp_path)
    merge_dataset(tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        with (tmp_path / resource["path"]).open(encoding="utf-8", newline="") as f:
            header = next(csv.reader(f))
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == header, resource["name"]
        assert all(f["description"].strip() for f in fields), resource["name"]
    assert [r["name"] for r in package["resources"]] == [*TABLE_MODELS, "transfers-sipri"]
    assert len(package["resources"][-1]["schema"]["fields"]) == len(SIPRI_COLUMNS)


def test_csv_files_for_excel_start_with_a_byte_order_mark(tmp_path: Path) -> None:
    flow_articles(tmp_path)
    merge_dataset(tmp_path, bom=True)
    for path in [tmp_path / "transfers.csv", *(tmp_path / "tables").glob("*.csv")]:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf"), path
    assert not (tmp_path / "tables" / "transfers.jsonl").read_bytes().startswith(b"\xef\xbb\xbf")
    assert json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))["resources"][0]["encoding"] == "utf-8-sig"


def test_actors_by_mentions_counts_and_sorts_by_mentions(tmp_path: Path) -> None:
    text = "Irán y Rusia firmaron. Rusia recibió drones. Rusia pagó. Moscú lo confirmó."
    write_article(tmp_path, "a1", text, actors=[
        {"name": "Iran", "mentions": ["Irán"], "kind": "country", "quote": "Irán"},
        {"name": "Russia", "mentions": ["Rusia", "Moscú"], "kind": "country", "quote": "Rusia"},
    ])  # fmt: skip
    merge_dataset(tmp_path)
    with sqlite3.connect(tmp_path / "dataset.sqlite") as db:
        rows = db.execute("SELECT name, mentions FROM actors_by_mentions").fetchall()
    assert rows == [("Russia", 4), ("Iran", 1)]

"""Merging: the seeds' extractions and small synthetic ones into one dataset."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from armstrace.base.errors import InputError
from armstrace.dataset.tables import TABLES
from armstrace.dataset.merge import merge_dataset
from armstrace.extraction.run import write_extraction
from armstrace.dataset.sipri import SIPRI_COLUMNS
from armstrace.base.schema import ArticleExtraction

from conftest import EMBEDDED_MODEL, REPLAY_URL, SEEDS
from support import synthetic
from support.articles import AGREED, ASSERTED, DELIVERED, DENIED, flow_articles, read_dataset, write_article
from support.cli import run_cli as _cli

OUTPUTS = (
    "dataset.json", "dataset.sqlite", "transfers.csv", "datapackage.json",
    *(f"tables/{t}.{x}" for t in TABLES for x in ("jsonl", "csv", "parquet")),
)  # fmt: skip


def _copy(seeds_out: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(seeds_out / "articles", out / "articles")
    return out


def _hashes(out: Path) -> dict[str, str]:
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in OUTPUTS}


@pytest.fixture(scope="module")
def seeds_merged(seeds_out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = _copy(seeds_out, tmp_path_factory.mktemp("merged"))
    merge_dataset(out)
    return out


# --------------------------------------------------------------------------- the seeds


def test_the_seeds_merge_into_every_output_and_dataset_json_is_the_contract(seeds_merged: Path) -> None:
    assert all((seeds_merged / name).is_file() for name in OUTPUTS)
    assert not [p.name for p in seeds_merged.rglob(".*")]  # no temporary or staging file is left
    dataset = read_dataset(seeds_merged)
    assert len(dataset.articles) == 5 and not dataset.skipped
    assert all(a.duplicate_of == "" for a in dataset.articles)


def test_putin_is_one_actor_across_the_seeds(seeds_merged: Path) -> None:
    putins = [a for a in read_dataset(seeds_merged).actors if "Putin" in a.name or "Putin" in " ".join(a.aliases)]
    assert len(putins) == 1
    assert putins[0].name == "Vladimir Putin" and putins[0].country_code == "RU"
    assert {"Putin", "Vladimir Putin", "Vladímir Putin"} <= set(putins[0].aliases)
    assert putins[0].independent_sources == 4  # the seed on Biden's warning never names him


def test_the_seeds_disputed_propositions_are_listed_as_disputed(seeds_merged: Path) -> None:
    disputed = {p.statement: p for p in read_dataset(seeds_merged).propositions if p.disputed}
    north_korea = disputed["arms from North Korea to Russia"]
    # "el Kremlin afirmó": the sentence names its speaker (the model had named Peskov, who speaks next);
    # "Estados Unidos afirmó que las entregas de material armamentístico ya estaban en curso" is the
    # same flow, its transfer settled on the article's.
    assert north_korea.asserted_by == ["John Kirby", "United States"] and north_korea.denied_by == ["Kremlin"]
    with sqlite3.connect(seeds_merged / "dataset.sqlite") as db:
        rows = db.execute("SELECT statement, asserted_by, denied_by FROM disputed_propositions").fetchall()
    assert ("arms from North Korea to Russia", "John Kirby; United States", "Kremlin") in rows


def test_the_kremlin_is_one_actor_linked_to_russia(seeds_merged: Path) -> None:
    dataset = read_dataset(seeds_merged)
    (kremlin,) = [a for a in dataset.actors if a.name == "Kremlin"]
    russia = next(a for a in dataset.actors if a.name == "Russia")
    assert kremlin.part_of_id == russia.id and kremlin.independent_sources == 5
    assert {"Moscú", "Rusia"} <= set(russia.aliases)


def test_every_row_keeps_the_article_span_quote_and_extraction_provenance(seeds_merged: Path) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    dataset = read_dataset(seeds_merged)
    for table in ("actors", "transfers", "observations", "figures", "claims", "propositions"):
        for row in getattr(dataset, table):
            sources = row.sources if hasattr(row, "sources") else [row.source]
            assert sources, (table, row.id)
            for s in sources:
                assert texts[s.article][s.start : s.end] == s.quote
                assert s.prompt == "extract.v2" and s.model == EMBEDDED_MODEL and len(s.schema_sha256) == 64


def test_every_merge_decision_is_recorded_with_its_rule(seeds_merged: Path) -> None:
    names = {n.name: n for n in read_dataset(seeds_merged).names if n.table == "actors"}
    assert names["Vladimir Putin"].rule == "gazetteer" and names["Vladimir Putin"].score == 100.0
    assert names["Kang Sun Nam"].rule == "new"  # a name no rule joins starts an actor of its own
    assert all(n.records >= 1 for n in names.values())
    assert {a.name: a.country_code for a in read_dataset(seeds_merged).actors}["South Africa"] == "ZA"


def test_the_sqlite_views_answer_the_common_questions(seeds_merged: Path) -> None:
    with sqlite3.connect(seeds_merged / "dataset.sqlite") as db:
        flows = db.execute("SELECT supplier, recipient, flows FROM transfers_by_supplier_recipient").fetchall()
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        actors = db.execute("SELECT COUNT(*) FROM actors").fetchone()[0]
    assert ("Iran", "Russia", 3) in flows and ("North Korea", "Russia", 1) in flows
    assert set(TABLES) | {"sources"} <= tables
    assert actors == len(read_dataset(seeds_merged).actors)


def test_transfers_csv_has_the_sipri_layout(seeds_merged: Path) -> None:
    with (seeds_merged / "transfers.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == tuple(SIPRI_COLUMNS)
    missiles = next(r for r in rows if (r["supplier"], r["recipient"]) == ("Iran", "Russia") and r["number_as_written"])
    # "cientos de armas balísticas", only alleged: neither ordered nor delivered.
    assert (missiles["number_as_written"], missiles["number_ordered"], missiles["number_delivered"]) == ("cientos", "", "")
    assert missiles["description"] == "ballistic missile; short-range ballistic missile"
    assert "002_25116a8ff2777913: “Barbara" in missiles["comments"]
    by_description = {(r["supplier"], r["recipient"], r["description"]): r for r in rows}
    # Every description is English; the seeds name no designated system, so no designation is filled.
    assert ("Russia", "Iran", "components") in by_description
    assert {r["designation"] for r in rows} == {""}
    # "exporte drones a Rusia después de que Putin enviara tropas a Ucrania en 2022": 2022 is the
    # troops', and Russia's troops in its own war are no transfer.
    assert by_description[("Iran", "Russia", "unmanned aerial vehicle")]["year_of_order"] == ""
    assert not [r for r in rows if r["category"] == "troops"]
    # Kirby's "más de 1.000 contenedores" is a North Korea → Russia row.
    containers = by_description[("North Korea", "Russia", "arms; containers of military equipment; military materiel")]
    assert containers["number_as_written"] == "más de 1.000"


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_merged_files_get_the_mode_an_article_gets_under_the_umask(seeds_out: Path, tmp_path: Path, umask: int) -> None:
    out = _copy(seeds_out, tmp_path)
    extraction = ArticleExtraction.model_validate_json(next((out / "articles").glob("*.json")).read_bytes())
    previous = os.umask(umask)
    try:
        article = write_extraction(extraction, tmp_path / "again")
        merge_dataset(out)
    finally:
        os.umask(previous)
    modes = {name: (out / name).stat().st_mode & 0o777 for name in OUTPUTS}
    assert set(modes.values()) == {article.stat().st_mode & 0o777} == {0o666 & ~umask}, modes


def test_merging_twice_gives_byte_identical_files(seeds_out: Path, tmp_path: Path) -> None:
    out = _copy(seeds_out, tmp_path)
    merge_dataset(out)
    first = _hashes(out)
    merge_dataset(out)
    assert _hashes(out) == first


def test_merging_after_adding_articles_equals_merging_all_from_scratch(seeds_out: Path, tmp_path: Path) -> None:
    growing = tmp_path / "growing"
    files = sorted((seeds_out / "articles").glob("*.json"))
    (growing / "articles").mkdir(parents=True)
    for path in files[:2]:
        shutil.copy(path, growing / "articles")
    merge_dataset(growing)
    for path in files[2:]:
        shutil.copy(path, growing / "articles")
    merge_dataset(growing)
    scratch = _copy(seeds_out, tmp_path / "scratch")
    merge_dataset(scratch)
    assert _hashes(growing) == _hashes(scratch)


def test_merges_in_processes_with_other_hash_seeds_give_byte_identical_files(seeds_out: Path, tmp_path: Path) -> None:
    # Set iteration order changes with the hash seed; no output may depend on it.
    hashes = []
    for seed in ("1", "2"):
        out = _copy(seeds_out, tmp_path / seed)
        result = _cli("merge", "--out", str(out), env={"PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stderr
        hashes.append(_hashes(out))
    assert hashes[0] == hashes[1]


# --------------------------------------------------------------------------- synthetic cases

def test_one_flow_from_several_articles_is_one_row_with_dated_observations(tmp_path: Path) -> None:
    flow_articles(tmp_path)
    merge_dataset(tmp_path)
    dataset = read_dataset(tmp_path)
    (flow,) = dataset.transfers
    assert (flow.supplier, flow.recipient, flow.designation) == ("Iran", "Russia", "Shahed-136")
    assert flow.lifecycle == ["agreed", "delivered"] and flow.status == "delivered"
    assert (flow.first_seen, flow.last_seen) == ("2022-09-03", "2022-10-20")
    assert [(o.published, o.status, o.designation) for o in dataset.observations] == [
        ("2022-09-03", "agreed", "Shahed-136"), ("2022-10-20", "delivered", "Geran-2"),
    ]  # fmt: skip
    assert {n.name: n.resolved for n in dataset.names if n.table == "weapons"}["Geran-2"] == "Shahed-136"


def test_opposing_stances_on_one_proposition_make_it_disputed_with_dates(tmp_path: Path) -> None:
    write_article(tmp_path, "b1", ASSERTED, claims=[
        {"speaker": "Estados Unidos", "stance": "asserted", "content": "North Korea sent more than 1,000 containers of weapons to Russia.", "subject": "North Korea", "quote": ASSERTED[39:]},
    ])  # fmt: skip
    write_article(tmp_path, "b2", DENIED, claims=[
        {"speaker": "Kremlin", "stance": "denied", "content": "The Kremlin denied that North Korea is sending weapons to Russia.", "subject": "North Korea", "quote": DENIED[33:]},
    ])  # fmt: skip
    merge_dataset(tmp_path)
    (proposition,) = read_dataset(tmp_path).propositions
    assert proposition.disputed and proposition.statement == "arms from North Korea to Russia"
    assert (proposition.asserted_by, proposition.denied_by) == (["United States"], ["Kremlin"])
    assert [(p.date, p.stance) for p in proposition.positions] == [("2023-10-13", "asserted"), ("2023-10-17", "denied")]
    assert (proposition.first_seen, proposition.last_seen, proposition.independent_sources) == ("2023-10-13", "2023-10-17", 2)


SANCTIONS_ES = "SEÚL, 2 de mayo de 2024 (EFE) - Corea del Sur afirmó que Rusia violó las sanciones de la ONU al comprar misiles a Pionyang."
SANCTIONS_EN = "MOSCOW, May 3, 2024 (Reuters) - The Kremlin on Friday denied that Moscow had breached UN sanctions, calling the charge absurd."
ARMS_EN = "MOSCOW, May 3, 2024 (Reuters) - Russia denied that North Korea had shipped weapons to Russia."


def test_a_spanish_assertion_and_an_english_denial_of_the_same_proposition_are_one_disputed_proposition(tmp_path: Path) -> None:
    write_article(tmp_path, "c1", SANCTIONS_ES + " " + ASSERTED, claims=[
        {"speaker": "Corea del Sur", "stance": "asserted", "content": "Russia violated UN sanctions by buying missiles.", "subject": "Rusia", "quote": SANCTIONS_ES[46:]},
        {"speaker": "Estados Unidos", "stance": "asserted", "content": "North Korea sent weapons to Russia.", "subject": "Corea del Norte", "quote": ASSERTED[39:]},
    ])  # fmt: skip
    write_article(tmp_path, "c2", SANCTIONS_EN + " " + ARMS_EN, claims=[
        {"speaker": "Kremlin", "stance": "denied", "content": "Moscow breached UN sanctions.", "subject": "Moscow", "quote": SANCTIONS_EN[33:]},
        {"speaker": "Russia", "stance": "denied", "content": "North Korea shipped weapons to Russia.", "subject": "North Korea", "quote": ARMS_EN[33:]},
    ])  # fmt: skip
    merge_dataset(tmp_path)
    propositions = {p.statement: p for p in read_dataset(tmp_path).propositions}
    sanctions = propositions["Russia violates sanctions"]
    assert sanctions.disputed and (sanctions.asserted_by, sanctions.denied_by) == (["South Korea"], ["Kremlin"])
    arms = propositions["arms from North Korea to Russia"]
    assert arms.disputed and (arms.asserted_by, arms.denied_by) == (["United States"], ["Russia"])
    assert len(propositions) == 2
    # Each article says its language, so a query finds the propositions both languages speak of.
    assert {a.id: a.language for a in read_dataset(tmp_path).articles} == {"c1": "es", "c2": "en"}
    with sqlite3.connect(tmp_path / "dataset.sqlite") as db:
        both = db.execute(BOTH_LANGUAGES).fetchall()
    assert sorted(both) == [("Russia violates sanctions", 1), ("arms from North Korea to Russia", 1)]


# docs/quality.md counts the corpus's propositions with claims from both languages with this query.
BOTH_LANGUAGES = """
SELECT p.statement, p.disputed FROM propositions p
JOIN claims c ON c.proposition_id = p.id JOIN articles a ON a.id = c.article
GROUP BY p.id HAVING COUNT(DISTINCT a.language) = 2
"""


def test_a_treaty_is_one_proposition_whichever_party_a_claim_names_first(tmp_path: Path) -> None:
    first = "PYONGYANG, 19 de junio de 2024 (EFE) - Corea del Norte afirmó que firmó un tratado de asociación estratégica con Rusia."
    second = "MOSCOW, June 19, 2024 (AP) - The Kremlin said Russia signed a treaty with North Korea."
    write_article(tmp_path, "t1", first, claims=[
        {"speaker": "Corea del Norte", "stance": "asserted", "content": "North Korea signed a strategic partnership treaty with Russia.", "subject": "Corea del Norte", "quote": first[38:]},
    ])  # fmt: skip
    write_article(tmp_path, "t2", second, claims=[
        {"speaker": "Kremlin", "stance": "asserted", "content": "Russia signed a treaty with North Korea.", "subject": "Russia", "quote": second[29:]},
    ])  # fmt: skip
    merge_dataset(tmp_path)
    (treaty,) = read_dataset(tmp_path).propositions
    assert treaty.statement == "North Korea and Russia sign a treaty" and not treaty.disputed
    assert treaty.asserted_by == ["Kremlin", "North Korea"]


def test_republished_copies_count_as_one_independent_source(tmp_path: Path) -> None:
    story = DENIED + " " + " ".join([AGREED, DELIVERED, ASSERTED])
    actor = {"name": "Kremlin", "mentions": ["El Kremlin"], "kind": "government", "quote": "El Kremlin"}
    write_article(tmp_path, "c1", story, actors=[actor])
    write_article(tmp_path, "c2", story.replace("(EFE)", "(Europa Press)"), actors=[actor])
    merge_dataset(tmp_path)
    dataset = read_dataset(tmp_path)
    assert {a.id: a.duplicate_of for a in dataset.articles} == {"c1": "", "c2": "c1"}
    (kremlin,) = dataset.actors
    assert kremlin.articles == ["c1", "c2"] and kremlin.independent_sources == 1


def test_a_corrupt_article_file_is_skipped_and_named(tmp_path: Path) -> None:
    flow_articles(tmp_path)
    (tmp_path / "articles" / "broken.json").write_text('{"article": ', encoding="utf-8")
    result = merge_dataset(tmp_path)
    assert [s.file for s in result.skipped] == [str(tmp_path / "articles" / "broken.json")]
    assert "not an article extraction" in result.skipped[0].reason
    assert result.counts["articles"] == 2


def test_an_empty_articles_folder_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    with pytest.raises(InputError, match="no article extractions"):
        merge_dataset(tmp_path)


def test_the_synthetic_generator_writes_extractions_that_merge_with_their_copies_marked(tmp_path: Path) -> None:
    synthetic.generate(tmp_path, 80)
    result = merge_dataset(tmp_path)
    assert result.counts["articles"] == 80 and not result.skipped
    copies = [a for a in read_dataset(tmp_path).articles if a.duplicate_of]
    assert copies and all(a.similarity == 1.0 for a in copies)
    assert result.disputed >= 1


def _peak_mib(out: Path) -> float:
    """Peak resident memory of a child process that merges `out`."""
    code = (
        "import resource, sys; from pathlib import Path; from armstrace.dataset.merge import merge_dataset; "
        "merge_dataset(Path(sys.argv[1])); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    child = subprocess.run([sys.executable, "-c", code, str(out)], capture_output=True, text=True, timeout=120, check=True)
    return int(child.stdout) / 1024  # KiB on Linux


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in KiB on Linux only")
def test_merge_memory_does_not_grow_with_the_number_of_articles(tmp_path: Path) -> None:
    synthetic.generate(tmp_path / "small", 300)
    synthetic.generate(tmp_path / "large", 1200)
    small, large = _peak_mib(tmp_path / "small"), _peak_mib(tmp_path / "large")
    # Holding every extraction and row took about 70 KiB an article (63 MiB more here); what
    # may grow is the largest row, an actor listing every article that names it (~2 MiB here).
    assert large - small < 16, (small, large)


# --------------------------------------------------------------------------- the command line


def test_merge_prints_one_line_and_a_skipped_file_on_stderr(seeds_out: Path, tmp_path: Path) -> None:
    out = _copy(seeds_out, tmp_path)
    (out / "articles" / "zz.json").write_text("not json", encoding="utf-8")
    result = _cli("merge", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # the line is for the person at the terminal, not for a pipe
    skipped, merged = result.stderr.splitlines()
    assert skipped.startswith(f"skipped {out / 'articles' / 'zz.json'}: not an article extraction")
    assert "merged 5 articles" in merged and "2 disputed" in merged


def test_merge_of_a_folder_without_articles_is_one_error_line(tmp_path: Path) -> None:
    result = _cli("merge", "--out", str(tmp_path))
    assert result.returncode == 3 and result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_extract_merges_at_the_end_unless_told_not_to(seeds_out: Path, tmp_path: Path) -> None:
    # The seeds' answers are in the fixture's cache, so these runs make no model call.
    flags = ["--base-url", REPLAY_URL, "--model", EMBEDDED_MODEL, "--mode", "grammar", "--cache-dir", str(seeds_out.parent / "cache")]
    merged = _cli("extract", str(SEEDS), "--out", str(tmp_path / "merged"), *flags)
    assert merged.returncode == 0, merged.stderr
    assert "merged 5 articles" in merged.stderr and (tmp_path / "merged" / "dataset.sqlite").is_file()
    assert json.loads((tmp_path / "merged" / "dataset.json").read_text(encoding="utf-8"))["propositions"]
    kept = _cli("extract", str(SEEDS), "--out", str(tmp_path / "kept"), "--no-merge", *flags)
    assert kept.returncode == 0 and "merged" not in kept.stderr
    assert not (tmp_path / "kept" / "dataset.json").exists()

"""Article metadata: front matter, HTML meta tags and a --meta sidecar, through to the dataset's report dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstrace.base.errors import InputError
from armstrace.extraction.load import read_article
from armstrace.dataset.merge import merge_dataset
from armstrace.extraction.meta import read_sidecar
from armstrace.base.schema import ArticleMeta
from armstrace.text.dates import credit_end

from support.articles import AGREED, read_dataset, write_article

BODY = "Irán acordó vender drones Shahed-136 a Rusia.\n"


def test_front_matter_gives_the_metadata_and_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        "---\npublished: 2024-01-17T08:30:00Z\noutlet: Agencia X\nurl: https://example.org/a\n"
        'title: "Drones para Rusia"\nauthor: ignored\n---\n' + BODY,
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.meta == ArticleMeta(published="2024-01-17", outlet="Agencia X", url="https://example.org/a", title="Drones para Rusia")
    # Offsets count from the first character after the closing line: the text is the body.
    assert article.text == BODY


def test_a_text_without_front_matter_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("--- no block here\n" + BODY, encoding="utf-8")
    article = read_article(path)
    assert article.meta == ArticleMeta() and article.text.endswith(BODY) and article.text.startswith("---")


def test_a_front_matter_date_that_is_not_a_date_is_one_input_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\ndate: last Tuesday\n---\n" + BODY, encoding="utf-8")
    with pytest.raises(InputError, match="published date 'last Tuesday' is not a date") as e:
        read_article(path)
    assert e.value.hint == "write it as YYYY-MM-DD"


def test_html_meta_tags_give_the_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(
        '<html><head><title>Drones | Agencia X</title><meta property="og:title" content="Drones para Rusia">'
        '<meta property="article:published_time" content="2024-01-17T08:30:00+01:00">'
        '<meta property="og:site_name" content="Agencia X"><link rel="canonical" href="https://example.org/a">'
        f"</head><body><p>{BODY}</p></body></html>",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.meta == ArticleMeta(published="2024-01-17", outlet="Agencia X", url="https://example.org/a", title="Drones para Rusia")
    assert article.text == BODY.strip()


def test_a_sidecar_dates_articles_and_wins_over_the_extraction(tmp_path: Path) -> None:
    write_article(tmp_path, "a1", AGREED, weapons=[
        {"designation": "Shahed-136", "description": "drones", "category": "drone", "supplier": "Irán", "recipient": "Rusia", "status": "agreed", "quote": AGREED[41:]},
    ])  # fmt: skip
    write_article(tmp_path, "a2", "Rusia recibió drones de Irán.", weapons=[
        {"designation": "Geran-2", "description": "drones", "category": "drone", "supplier": "Irán", "recipient": "Rusia", "status": "delivered", "quote": "Rusia recibió drones de Irán."},
    ])  # fmt: skip
    sidecar = tmp_path / "meta.csv"
    sidecar.write_text("file,published,outlet,title\na1.txt,2022-09-05,EFE,Acuerdo\na2.txt,5 de octubre de 2022,Reuters,\n", encoding="utf-8")
    merge_dataset(tmp_path, meta=sidecar)
    dataset = read_dataset(tmp_path)
    # a1's dateline says 3 September; the sidecar is the user's correction.
    assert [(a.id, a.published, a.published_from, a.outlet, a.title) for a in dataset.articles] == [
        ("a1", "2022-09-05", "metadata", "EFE", "Acuerdo"), ("a2", "2022-10-05", "metadata", "Reuters", ""),
    ]  # fmt: skip
    assert [o.published for o in dataset.observations] == ["2022-09-05", "2022-10-05"]
    (flow,) = dataset.transfers
    assert (flow.first_seen, flow.last_seen) == ("2022-09-05", "2022-10-05")


def test_without_metadata_the_dateline_dates_the_article(tmp_path: Path) -> None:
    write_article(tmp_path, "a1", AGREED)
    merge_dataset(tmp_path)
    (article,) = read_dataset(tmp_path).articles
    assert (article.published, article.published_from) == ("2022-09-03", "dateline")


def test_a_jsonl_sidecar_is_read_by_article_id(tmp_path: Path) -> None:
    path = tmp_path / "meta.jsonl"
    path.write_text(json.dumps({"article": "a1", "url": "https://example.org/a1", "published": "2023-02-01"}) + "\n\n", encoding="utf-8")
    assert read_sidecar(path).get("a1", "x/a1.txt") == ArticleMeta(published="2023-02-01", url="https://example.org/a1")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("meta.jsonl", "{not json\n", r"meta.jsonl:1: not JSON"),
        ("meta.csv", "published\n2023-01-01\n", r"meta.csv:2: no article id or file"),
        ("meta.csv", "article,published\na1,someday\n", r"meta.csv:2: published date 'someday' is not a date"),
    ],
)
def test_a_bad_sidecar_names_the_line(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_sidecar(path)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("OSLO, Norway (AP) — Norway has supplied rifles.", "Norway has supplied rifles."),
        ("Lima, 3 mar (EFE).- El portavoz negó la venta.", "El portavoz negó la venta."),
        ("OSLO (AFP) - Norway sold rifles.", "Norway sold rifles."),
        ("Russia, Iran and Norway said so.", "Russia, Iran and Norway said so."),
    ],
)
def test_a_wire_storys_lead_is_found(text: str, body: str) -> None:
    assert text[credit_end(text) :] == body

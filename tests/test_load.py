from pathlib import Path

import pytest

from armstrace.base.errors import InputError
from armstrace.extraction.load import Article, Rejected, find_files, load_articles, read_article

from conftest import SEEDS


def _load(*paths: Path) -> list[Article | Rejected]:
    return list(load_articles(find_files(paths)))


def test_seed_folder_gives_five_articles_in_name_order() -> None:
    articles = _load(SEEDS)
    assert [a.id for a in articles if isinstance(a, Article)] == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_article_text_is_the_file_text_unchanged() -> None:
    path = next(SEEDS.glob("000_*.txt"))
    article = read_article(path)
    assert article.text == path.read_text(encoding="utf-8")
    assert article.encoding == "utf-8"


def test_latin1_file_is_read_and_the_encoding_recorded(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Moscú y Teherán firmaron un acuerdo.".encode("latin-1"))
    article = read_article(path)
    assert article.text == "Moscú y Teherán firmaron un acuerdo."
    assert article.encoding == "cp1252"


def test_cp1252_curly_quotes_are_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("“no hay pruebas”, dijo Peskov.".encode("cp1252"))
    assert read_article(path).text == "“no hay pruebas”, dijo Peskov."


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_empty_or_blank_file_is_rejected_naming_it(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match="blank.txt: empty article"):
        read_article(path)


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError, match="binary"):
        read_article(path)


def test_html_page_is_reduced_to_its_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>t</title><script>var x=1;</script></head>"
        "<body><p>Kirby dijo que <b>Corea del Norte</b> envió armas.</p><p>Segundo párrafo.</p></body></html>",
        encoding="utf-8",
    )
    article = read_article(path)
    assert article.text == "Kirby dijo que Corea del Norte envió armas.\nSegundo párrafo."
    assert "html stripped" in article.encoding


def test_bad_files_are_rejected_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_text("")
    (tmp_path / "b_good.txt").write_text("Putin se reunió con Kim.")
    results = _load(tmp_path, tmp_path / "missing.txt")
    assert [type(r).__name__ for r in results] == ["Rejected", "Article", "Rejected"]
    assert "no such file" in results[2].reason  # type: ignore[union-attr]


def test_folder_without_articles_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("x")
    [result] = _load(tmp_path)
    assert isinstance(result, Rejected)
    assert "no .txt" in result.reason


def test_same_name_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(f"Texto {folder}.")
    ids = [r.id for r in _load(tmp_path) if isinstance(r, Article)]
    assert len(set(ids)) == 2

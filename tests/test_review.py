"""`armstrace gold import`: a review's decisions become gold files, checked against the text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from armstrace.base.errors import InputError, UsageError
from armstrace.extraction.load import read_article
from armstrace.text.numbers import parse_quantity
from armstrace.review.gold import ReviewDecisions, import_decisions
from armstrace.base.schema import ArticleExtraction, GoldArticle

ARTICLE = "004_a5d148111f533d65"
FIELDS = ("actors", "weapons", "figures", "claims")


def _extraction(out: Path) -> ArticleExtraction:
    return ArticleExtraction.model_validate_json((out / "articles" / f"{ARTICLE}.json").read_bytes())


def _decisions(out: Path, verdicts: dict[tuple[str, int], Any] | None = None, added: list[dict[str, Any]] | None = None,
               default: str | None = "correct") -> dict[str, Any]:  # fmt: skip
    """A decisions file as the page saves it: every item of the article with a verdict."""
    extraction = _extraction(out)
    verdicts = verdicts or {}
    items = []
    for field in FIELDS:
        for index, item in enumerate(getattr(extraction, field)):
            decided = verdicts.get((field, index), default)
            verdict, fix = decided if isinstance(decided, tuple) else (decided, {})
            items.append({"field": field, "index": index, "verdict": verdict, "item": item.model_dump(mode="json"), "fix": fix})
    article = {"article": ARTICLE, "source": extraction.article.source, "sha256": extraction.article.sha256,
               "items": items, "added": added or []}  # fmt: skip
    return {"format": "armstrace-review/1", "reviewer": "ana", "report": str(out), "saved": "2026-11-01T10:00:00Z", "articles": [article]}


def _write(tmp_path: Path, decisions: dict[str, Any]) -> Path:
    path = tmp_path / "review.json"
    path.write_text(json.dumps(decisions, ensure_ascii=False))
    return path


def _text(out: Path) -> str:
    return read_article(Path(_extraction(out).article.source)).text


def _added(text: str, field: str, quote: str, **values: Any) -> dict[str, Any]:
    start = text.index(quote)
    return {"field": field, "quote": quote, "start": start, "end": start + len(quote), "values": values}


def test_correct_items_are_kept_wrong_dropped_fixes_applied_and_additions_grounded(seeds_out: Path, tmp_path: Path) -> None:
    text = _text(seeds_out)
    extraction = _extraction(seeds_out)
    verdicts: dict[tuple[str, int], Any] = {
        ("actors", 0): "wrong",
        ("claims", 8): ("correct", {"stance": "denied", "subject": "North Korea"}),
        ("weapons", 0): ("correct", {"quantity": "más de 1.000"}),
    }
    added = [
        _added(text, "figures", "cuatro regiones", counted="occupied Ukrainian regions", measures="regions annexed"),
        _added(text, "actors", "Pyongyang", name="North Korea", kind="country", mentions=["Pyongyang"]),
    ]
    result = import_decisions(_write(tmp_path, _decisions(seeds_out, verdicts, added)), tmp_path / "gold")
    assert result.written == [str(tmp_path / "gold" / f"{ARTICLE}.json")]
    assert (result.dropped, result.fixed, result.added) == (1, 2, 2)
    gold = GoldArticle.model_validate_json((tmp_path / "gold" / f"{ARTICLE}.json").read_text())
    assert gold.article == ARTICLE and gold.source == "seeds/004_a5d148111f533d65.txt"  # relative, as seeds/gold
    assert gold.annotator == "review by ana of out (2026-11-01)"
    wrong = extraction.actors[0]
    assert (wrong.name, wrong.evidence.start) not in {(a.name, a.evidence.start) for a in gold.actors}
    fixed = next(c for c in gold.claims if c.evidence == extraction.claims[8].evidence.model_copy(update={"alignment": "exact", "score": 1.0}))
    assert (fixed.stance, fixed.subject) == ("denied", "North Korea")
    assert gold.weapons[0].quantity == parse_quantity("más de 1.000")
    figure = next(f for f in gold.figures if f.evidence.quote == "cuatro regiones")
    assert figure.quantity == parse_quantity("cuatro regiones") and figure.counted == "occupied Ukrainian regions"
    for field in FIELDS:
        items = getattr(gold, field)
        assert [i.evidence.start for i in items] == sorted(i.evidence.start for i in items)
        for item in items:
            ev = item.evidence
            assert text[ev.start : ev.end] == ev.quote and ev.alignment == "exact"


def test_an_added_item_whose_offsets_miss_its_quote_is_one_error_naming_it(seeds_out: Path, tmp_path: Path) -> None:
    text = _text(seeds_out)
    bad = _added(text, "claims", "Lavrov", speaker="x", stance="asserted", content="y")
    bad["start"] += 1
    bad["end"] += 1
    with pytest.raises(InputError, match=r"added claims item 1 \('Lavrov'\): quote 'Lavrov' is not the article's text"):
        import_decisions(_write(tmp_path, _decisions(seeds_out, added=[bad])), tmp_path / "gold")
    assert not (tmp_path / "gold").exists()  # nothing written


def test_undecided_items_stop_the_import_unless_incomplete_articles_are_skipped(seeds_out: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, _decisions(seeds_out, {("actors", 0): "wrong"}, default=None))
    with pytest.raises(UsageError, match="item\\(s\\) have no verdict"):
        import_decisions(path, tmp_path / "gold")
    result = import_decisions(path, tmp_path / "gold", skip_incomplete=True)
    assert result.written == [] and result.skipped[0].startswith(ARTICLE)


def test_an_article_nobody_reviewed_is_left_out(seeds_out: Path, tmp_path: Path) -> None:
    result = import_decisions(_write(tmp_path, _decisions(seeds_out, default=None)), tmp_path / "gold")
    assert result.written == [] and result.skipped == []


def test_an_existing_gold_file_is_kept_unless_forced(seeds_out: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, _decisions(seeds_out))
    import_decisions(path, tmp_path / "gold")
    with pytest.raises(UsageError, match="a gold file for this article exists"):
        import_decisions(path, tmp_path / "gold")
    assert import_decisions(path, tmp_path / "gold", force=True).written


def test_a_fix_that_renames_an_actor_into_another_merges_them(seeds_out: Path, tmp_path: Path) -> None:
    extraction = _extraction(seeds_out)
    first, second = extraction.actors[0], extraction.actors[1]
    path = _write(tmp_path, _decisions(seeds_out, {("actors", 1): ("correct", {"name": first.name})}))
    import_decisions(path, tmp_path / "gold")
    gold = GoldArticle.model_validate_json((tmp_path / "gold" / f"{ARTICLE}.json").read_text())
    merged = [a for a in gold.actors if a.name == first.name]
    assert len(merged) == 1 and set(second.mentions) <= set(merged[0].mentions)


def test_a_changed_article_or_a_foreign_file_is_refused(seeds_out: Path, tmp_path: Path) -> None:
    decisions = _decisions(seeds_out)
    decisions["articles"][0]["sha256"] = "0" * 64
    with pytest.raises(InputError, match="changed since it was reviewed"):
        import_decisions(_write(tmp_path, decisions), tmp_path / "gold")
    (tmp_path / "other.json").write_text('{"format": "something else"}')
    with pytest.raises(InputError, match="not a review decisions file"):
        import_decisions(tmp_path / "other.json", tmp_path / "gold")


def test_a_field_a_review_may_not_set_is_refused(seeds_out: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, _decisions(seeds_out, {("claims", 0): ("correct", {"evidence": "x"})}))
    with pytest.raises(InputError, match="claims\\[0\\]: evidence cannot be set by a review"):
        import_decisions(path, tmp_path / "gold")


def test_gold_import_on_the_command_line(seeds_out: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, _decisions(seeds_out, {("actors", 0): "wrong"}))
    args = [sys.executable, "-m", "armstrace", "gold", "import", str(path), "--out", str(tmp_path / "gold")]
    first = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [str(tmp_path / "gold" / f"{ARTICLE}.json")]
    assert first.stderr.splitlines()[-1].startswith("1 gold file(s):") and "1 dropped as wrong" in first.stderr
    again = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert again.returncode == 2
    assert again.stderr.startswith("error: ") and "hint: pass --force" in again.stderr
    assert subprocess.run([*args, "--force"], capture_output=True, text=True, timeout=60).returncode == 0


def test_the_decisions_format_is_a_pydantic_model_with_a_published_schema() -> None:
    root = Path(__file__).resolve().parents[1]
    schema = json.loads((root / "schemas" / "review.schema.json").read_text())
    assert schema == ReviewDecisions.model_json_schema()

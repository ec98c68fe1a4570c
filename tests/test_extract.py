"""The whole path on the seed articles, replayed from cassettes of the real embedded model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstrace.run import read_summary, run_extract
from armstrace.settings import EMBEDDED_MODEL, Settings

from conftest import ROOT, SEEDS

FIELDS = ("actors", "weapons", "figures", "claims")


@pytest.mark.vcr
def test_seeds_extract_to_grounded_items_and_rerun_is_served_from_cache(settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_extract([SEEDS], out, settings)

    assert [a.status for a in first.articles] == ["ok"] * 5
    assert first.exit_code == 0
    assert read_summary(out) == first
    assert first.usage().calls > 0
    totals = first.items()
    assert all(totals[f] > 0 for f in FIELDS), totals
    for outcome in first.articles:
        extraction = json.loads(Path(outcome.output).read_text(encoding="utf-8"))
        text = Path(extraction["article"]["source"]).read_text(encoding="utf-8")
        assert extraction["provenance"]["model"] == EMBEDDED_MODEL
        assert extraction["provenance"]["prompt"] == "extract.v1"
        for field in FIELDS:
            for item in extraction[field]:
                evidence = item["evidence"]
                assert text[evidence["start"] : evidence["end"]] == evidence["quote"]

    again = run_extract([SEEDS], tmp_path / "again", settings)
    assert again.usage().calls == 0
    # every answer comes from the cache; re-asks made the first run's calls more numerous
    assert 0 < again.cached_calls() <= first.usage().calls
    assert again.items() == totals


def test_cassettes_hold_no_key_or_authorisation_header() -> None:
    for cassette in (ROOT / "cassettes").rglob("*.yaml"):
        text = cassette.read_text(encoding="utf-8").lower()
        assert "authorization" not in text, cassette
        assert "bearer" not in text, cassette
        assert "sk-" not in text, cassette

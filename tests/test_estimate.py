"""Cost before the run: planned calls are the real ones, token estimates are close, prices apply."""

from __future__ import annotations

from pathlib import Path

from armstrace.extraction.estimate import estimate_run
from armstrace.extraction.run import run_extract

from conftest import SEEDS, replay_seeds, replay_settings


def test_the_estimate_is_close_to_what_the_recorded_model_counted_and_a_rerun_is_free(tmp_path: Path) -> None:
    settings = replay_settings(tmp_path / "cache")
    before = estimate_run([SEEDS], settings, price_in=0.15, price_out=0.60)
    with replay_seeds():
        summary = run_extract([SEEDS], tmp_path / "out", settings)
    used = summary.usage()
    after = estimate_run([SEEDS], settings)

    assert [a.status for a in before.articles] == ["ok"] * 5
    assert before.total("cached_calls") == 0
    # the run makes the planned calls plus the re-asks that invalid answers caused
    assert before.total("calls") <= used.calls <= before.total("calls") * 1.1
    assert abs(before.total("prompt_tokens") - used.prompt_tokens) <= 0.15 * used.prompt_tokens
    assert abs(before.total("completion_tokens") - used.completion_tokens) <= 0.15 * used.completion_tokens
    expected = (before.total("prompt_tokens") * 0.15 + before.total("completion_tokens") * 0.60) / 1e6
    assert before.cost is not None and abs(before.cost - expected) < 1e-12
    assert after.total("cached_calls") == after.total("calls") == before.total("calls")
    assert after.total("prompt_tokens") == 0 and after.cost is None


def test_the_estimate_lists_bad_input_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    estimate = estimate_run([tmp_path / "empty.txt", tmp_path / "missing.txt"], replay_settings(tmp_path / "cache"))
    assert [(a.status, a.reason) for a in estimate.articles] == [
        ("rejected", "empty article"),
        ("rejected", "no such file or folder"),
    ]
    assert not (tmp_path / "cache").exists()

"""The command line as a user meets it: one process per call, exit codes, one-line errors."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import armstrace
from armstrace.base.settings import Settings

from support.cli import run_cli as _run
from support.faultserver import InFlight, Reply, fault_server, labeller
from support.labels import LABELS

from conftest import SEEDS


def test_help_lists_the_commands() -> None:
    result = _run("--help")
    assert result.returncode == 0
    assert "extract" in result.stdout and "schema" in result.stdout


def test_extract_help_documents_settings_their_environment_variables_and_choices() -> None:
    text = _run("extract", "--help", env={"COLUMNS": "200"}).stdout
    for name in ("ARMSTRACE_BASE_URL", "OPENAI_BASE_URL", "ARMSTRACE_MODEL", "ARMSTRACE_CACHE_DIR"):
        assert name in text
    assert "auto|tools|json_schema|json|grammar" in text and "auto|single-pass|multi-pass" in text


def test_a_missing_path_is_rejected_in_one_line_and_the_summary_says_rejected(tmp_path: Path) -> None:
    result = _run("extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"), "--base-url", "http://127.0.0.1:9/v1")
    assert result.returncode == 1
    assert f"rejected {tmp_path / 'nope.txt'}: no such file or folder" in result.stderr
    assert "0 ok, 0 failed, 1 rejected" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr
    run = json.loads((tmp_path / "out" / "run.json").read_text())
    assert run["articles"][0]["status"] == "rejected"


def test_json_puts_the_run_summary_on_stdout_and_the_table_stays_on_stderr(tmp_path: Path) -> None:
    result = _run("extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"), "--base-url", "http://127.0.0.1:9/v1", "--json")
    assert json.loads(result.stdout) == json.loads((tmp_path / "out" / "run.json").read_text())
    assert "armstrace extract" in result.stderr


# Each mistyped command line: one line on stderr, exit status 2, nothing on stdout.
@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["extrac", "seeds/"], "error: no such command 'extrac'"),
        (["extract"], "error: missing argument"),
        (["extract", "seeds/", "--concurrency", "abc"], "error: invalid value for '--concurrency'"),
        (["extract", "seeds/", "--no-such-flag"], "error: no such option"),
        (["extract", "seeds/", "--out", "o", "--mode", "fast"], "error: invalid value for '--mode'"),
        (["report"], "error: missing option '--out'"),
        (["merge"], "error: missing option '--out'"),
        (["eval", "--out", "o"], "error: missing option '--gold'"),
        (["gold", "import", "review.json"], "error: missing option '--out'"),
        (["schema"], "error: missing option '--out'"),
    ],
)
def test_a_usage_error_is_one_line_and_exit_status_2(args: list[str], says: str, tmp_path: Path) -> None:
    result = _run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(says), result.stderr
    assert result.stdout == ""
    assert not list(tmp_path.iterdir())


def test_version_prints_the_installed_version() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout == f"armstrace {importlib.metadata.version('armstrace')}\n"


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_shows_the_traceback_before_or_after_the_command(where: str, tmp_path: Path) -> None:
    args = ["extract", str(SEEDS), "--out", str(tmp_path)]
    result = _run(*(["--debug", *args] if where == "before" else [*args, "--debug"]), env={"ARMSTRACE_TIMEOUT": "soon"})
    assert result.returncode != 0
    assert "Traceback" in result.stderr and "ConfigError: setting 'timeout'" in result.stderr


def test_the_old_positional_folder_still_works_with_a_note(tmp_path: Path) -> None:
    result = _run("report", str(tmp_path))
    note, error, _ = result.stderr.splitlines()
    assert note == "note: 'armstrace report DIR' is deprecated, write 'armstrace report --out DIR'"
    assert result.returncode == 3 and error.startswith(f"error: {tmp_path}: no extractions")


def test_shell_completion_completes_commands_and_choices() -> None:
    def complete(words: str) -> list[str]:
        cword = str(len(words.split()) - (0 if words.endswith(" ") else 1))
        env = {"_ARMSTRACE_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}
        return _run(env=env).stdout.split()

    assert complete("armstrace ext") == ["extract"]
    assert complete("armstrace extract x --strategy ") == ["auto", "single-pass", "multi-pass"]


def test_the_packaged_prompt_is_shown_located_and_copied_for_a_variant(tmp_path: Path) -> None:
    shown = _run("prompt", "show").stdout
    path = Path(_run("prompt", "path").stdout.strip())
    assert path == Settings().prompt and path.read_text(encoding="utf-8") == shown
    assert path.is_relative_to(Path(armstrace.__file__).parent)  # package data, not the clone's folder
    copy = _run("prompt", "copy", str(tmp_path / "extract.v3.md"))
    assert copy.returncode == 0 and copy.stdout == ""
    assert (tmp_path / "extract.v3.md").read_bytes() == path.read_bytes()
    again = _run("prompt", "copy", str(tmp_path / "extract.v3.md"))
    assert again.returncode == 2 and again.stderr.startswith(f"error: {tmp_path / 'extract.v3.md'} exists\nhint: ")


def test_eval_takes_the_same_model_and_endpoint_options_as_extract() -> None:
    def options(command: str) -> set[str]:
        return set(re.findall(r"(--[a-z][a-z-]+)", _run(command, "--help", env={"COLUMNS": "200"}).stdout))

    shared = options("extract") & options("eval")
    assert {"--base-url", "--model", "--mode", "--timeout", "--concurrency", "--no-cache", "--strategy", "--prompt"} <= shared


def test_eval_lists_its_matching_rules_and_refuses_others(tmp_path: Path) -> None:
    from typing import get_args

    from armstrace.cli_options import MatchChoice
    from armstrace.base.schema import Match

    assert [m.value for m in MatchChoice] == list(get_args(Match))
    assert "strict|loose" in _run("eval", "--help", env={"COLUMNS": "200"}).stdout.replace("[", "").replace("]", "")
    wrong = _run("eval", "--gold", str(SEEDS / "gold"), "--out", str(tmp_path), "--match", "fuzzy")
    assert wrong.returncode == 2 and len(wrong.stderr.splitlines()) == 1


def test_a_bad_setting_is_one_error_line_with_a_hint(tmp_path: Path) -> None:
    result = _run("extract", str(SEEDS), "--out", str(tmp_path), env={"ARMSTRACE_TIMEOUT": "soon"})
    assert result.returncode == 4
    assert result.stderr.splitlines()[0].startswith("error: setting 'timeout'")
    assert result.stderr.splitlines()[1].startswith("hint: ")
    assert "Traceback" not in result.stderr


def test_a_refused_key_stops_the_run_with_exit_5_and_no_key_in_any_output(tmp_path: Path) -> None:
    key = "sk-armstrace-PLANTED-cli-key-42"
    with fault_server(Reply(401, {"error": {"message": "invalid api key"}})) as server:
        result = _run(
            "extract", str(SEEDS), "--out", str(tmp_path / "out"), "--base-url", server.base_url,
            "--cache-dir", str(tmp_path / "cache"),
            env={"OPENAI_API_KEY": key},
        )  # fmt: skip
    assert result.returncode == 5
    assert "error:" in result.stderr and server.base_url in result.stderr and "Traceback" not in result.stderr
    assert len(server.requests) == 1
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written, "run.json is written even when the run stops"
    for path in written:
        assert key not in path.read_text(encoding="utf-8", errors="replace"), path
    assert key not in result.stdout + result.stderr


@pytest.mark.parametrize(("flags", "at_once"), [([], False), (["--together"], True), (["--one-at-a-time"], False)])
def test_together_sends_an_articles_calls_at_once_to_a_server_given_by_url(tmp_path: Path, flags: list[str], at_once: bool) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "one.txt").write_text(next(SEEDS.glob("*.txt")).read_text(encoding="utf-8"), encoding="utf-8")
    counted = InFlight(labeller(lambda label: LABELS[label]), hold=0.05)
    with fault_server(Reply(answer=counted)) as server:
        result = _run(
            "extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--base-url", server.base_url,
            "--no-cache", *flags,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len(server.requests) > 2 and (counted.peak > 1) == at_once


def test_schema_check_passes_on_the_committed_schemas() -> None:
    result = _run("schema", "--check", "--out", str(SEEDS.parent / "schemas"))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_run_exits_130_and_writes_its_summary(tmp_path: Path, sig: signal.Signals) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("ARMSTRACE_", "OPENAI_"))}
    with fault_server(Reply(500, delay=30)) as server:
        process = subprocess.Popen(
            [sys.executable, "-m", "armstrace", "extract", str(SEEDS), "--out", str(tmp_path / "out"),
             "--base-url", server.base_url, "--cache-dir", str(tmp_path / "cache")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while not server.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "interrupted" in stderr and "Traceback" not in stderr
    run = json.loads((tmp_path / "out" / "run.json").read_text())
    assert run["stopped"] == "interrupted" and not run["complete"]

"""The command line as a user meets it: one process per call, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from faultserver import Reply, fault_server

from conftest import SEEDS


def _run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("ARMSTRACE_", "OPENAI_"))}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "armstrace", *args], capture_output=True, text=True, env=environ, cwd=cwd, timeout=120
    )


def test_help_lists_the_commands() -> None:
    result = _run("--help")
    assert result.returncode == 0
    assert "extract" in result.stdout and "schema" in result.stdout


def test_extract_help_documents_settings_and_their_environment_variables() -> None:
    text = _run("extract", "--help").stdout
    for name in ("ARMSTRACE_BASE_URL", "OPENAI_BASE_URL", "ARMSTRACE_MODEL", "ARMSTRACE_CACHE_DIR"):
        assert name in text


def test_a_missing_path_is_rejected_in_one_line_and_the_exit_status_says_so(tmp_path: Path) -> None:
    result = _run("extract", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out"), "--base-url", "http://127.0.0.1:9/v1")
    assert result.returncode == 1
    assert "nope.txt: no such file or folder" in result.stdout
    assert "Traceback" not in result.stderr + result.stdout
    run = json.loads((tmp_path / "out" / "run.json").read_text())
    assert run["articles"][0]["status"] == "rejected"


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

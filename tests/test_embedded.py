"""The embedded llama.cpp server as a user runs it (live: needs the `local` extra and weights).

Run with: pytest -m live tests/test_embedded.py
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SEEDS

pytestmark = pytest.mark.live
MODEL = os.environ.get("ARMSTRACE_LIVE_MODEL", "qwen2.5-coder-0.5b-instruct")


def _servers() -> list[tuple[int, str]]:
    """Running llama.cpp servers started by armstrace: (pid, command line)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if "llama_cpp.server" in command and "--model_alias" in command:
            found.append((int(entry.name), command))
    return found


def _extract(tmp_path: Path) -> subprocess.Popen[str]:
    seed = sorted(SEEDS.glob("*.txt"))[1]
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("ARMSTRACE_", "OPENAI_"))}
    environ["ARMSTRACE_CACHE_DIR"] = str(tmp_path / "cache")
    return subprocess.Popen(
        [sys.executable, "-m", "armstrace", "extract", str(seed), "--out", str(tmp_path / "out"), "--model", MODEL],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ,
    )  # fmt: skip


def _wait_for_server(timeout: float = 120) -> list[tuple[int, str]]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if servers := _servers():
            return servers
        time.sleep(0.2)
    raise AssertionError("the embedded server never started")


def test_embedded_server_listens_on_loopback_and_is_gone_after_a_run(tmp_path: Path) -> None:
    assert not _servers()
    process = _extract(tmp_path)
    [(_, command)] = _wait_for_server()
    assert "--host 127.0.0.1" in command
    _, stderr = process.communicate(timeout=900)
    assert process.returncode == 0, stderr
    assert not _servers()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_run_leaves_no_server_behind(tmp_path: Path, sig: signal.Signals) -> None:
    process = _extract(tmp_path)
    _wait_for_server()
    time.sleep(3)  # let it get into a model call
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr
    deadline = time.monotonic() + 15
    while _servers() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _servers()

"""The embedded llama.cpp server as a user runs it (live: needs the `local` extra and weights).

Run with: pytest -m live tests/test_embedded.py
"""

from __future__ import annotations

import json
import os
import re
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
    """Running llama.cpp servers started by armstrace (through its engine module): (pid, command line)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if "armstrace.model.engine" in command and "--model_alias" in command:
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


def _extract_seeds(tmp_path: Path, count: int, models_dir: Path | None = None) -> subprocess.Popen[str]:
    seeds = [str(p) for p in sorted(SEEDS.glob("*.txt"))[:count]]
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("ARMSTRACE_", "OPENAI_"))}
    environ["ARMSTRACE_CACHE_DIR"] = str(tmp_path / "cache")
    if models_dir is not None:
        environ["ARMSTRACE_MODELS_DIR"] = str(models_dir)
    return subprocess.Popen(
        [sys.executable, "-m", "armstrace", "extract", *seeds, "--out", str(tmp_path / "out"), "--model", MODEL, "--no-merge"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environ,
    )  # fmt: skip


def _parent(pid: int) -> int:
    try:
        return int((Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def _server_of(parent: int, besides: set[int] = frozenset(), timeout: float = 120) -> int:  # type: ignore[assignment]
    """The pid of the server `parent` started (other than `besides`); other runs' servers are ignored."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        mine = [pid for pid, _ in _servers() if _parent(pid) == parent and pid not in besides]
        if mine:
            return mine[0]
        time.sleep(0.1)
    raise AssertionError("the embedded server never started")


def _gone(pid: int, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pid not in {p for p, _ in _servers()}:
            return True
        time.sleep(0.2)
    return False


def test_a_killed_armstrace_takes_its_server_with_it(tmp_path: Path) -> None:
    process = _extract_seeds(tmp_path, 1)
    server = _server_of(process.pid)
    time.sleep(3)
    process.kill()  # kill -9: armstrace runs no clean-up at all
    process.communicate(timeout=30)
    assert _gone(server), "the server outlived armstrace"


def test_a_server_that_dies_mid_run_is_started_again_and_the_run_completes(tmp_path: Path) -> None:
    process = _extract_seeds(tmp_path, 2)
    first = _server_of(process.pid)
    deadline = time.monotonic() + 300
    while not any((tmp_path / "cache").rglob("*.json")) and time.monotonic() < deadline:
        time.sleep(0.2)  # until the server has answered a call
    os.kill(first, signal.SIGKILL)
    second = _server_of(process.pid, besides={first})
    _, stderr = process.communicate(timeout=900)
    assert process.returncode == 0, stderr
    run = json.loads((tmp_path / "out" / "run.json").read_text())
    assert run["complete"] and [a["status"] for a in run["articles"]] == ["ok", "ok"]
    assert _gone(second)


def test_ctrl_c_while_the_server_starts_stops_it_before_it_serves(tmp_path: Path) -> None:
    from armstrace.base.settings import Settings
    from armstrace.model.weights import ensure_weights

    weights = ensure_weights(MODEL, Settings().models_dir)
    models = tmp_path / "models"  # a log of this run's own
    models.mkdir()
    (models / weights.name).symlink_to(weights)
    process = _extract_seeds(tmp_path, 1, models_dir=models)
    server = _server_of(process.pid)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in stderr
    assert _gone(server)
    # The server was stopped while it loaded; before, it was started to the end first.
    assert "Uvicorn running" not in (models / "server.log").read_text(errors="replace")


def test_the_engine_answers_a_lone_request_token_for_token_as_llama_cpp_samples_under_its_grammar() -> None:
    """The engine asks the grammar last; a request answered alone must get the answer llama.cpp's
    own sampling gives under the same (compact) grammar, in compact JSON."""
    from llama_cpp import Llama as Stock
    from llama_cpp.llama_grammar import LlamaGrammar, json_schema_to_gbnf

    from armstrace.base.schema import ClaimLabel, WeaponLabel, labels_model
    from armstrace.base.settings import Settings
    from armstrace.model.batched import BatchedModel, Request
    from armstrace.model.sampling import compact
    from armstrace.model.weights import ensure_weights

    weights = str(ensure_weights(MODEL, Settings().models_dir))
    asks = [
        (WeaponLabel, "Sentence: Minsk sold 30 tanks to Caracas in May. Materiel: «tanks»"),
        (ClaimLabel, "Sentence: Lars Berg negó que Noruega vendiera fusiles a Perú. Reporting words: «negó»"),
        (labels_model(ClaimLabel, 2), "1. Sentence: Oslo dijo que sí. 2. Sentence: Lima said no."),
    ]
    engine = BatchedModel(weights, context=2048, threads=2, sequences=4)
    stock = Stock(model_path=weights, n_ctx=2048, n_threads=2, verbose=False)
    for label, item in asks:
        request = Request(messages=[{"role": "user", "content": f"Label as JSON.\n{item}"}], schema=label.model_json_schema(), max_tokens=120)
        [reply] = engine.answer([request])
        grammar = LlamaGrammar.from_string(compact(json_schema_to_gbnf(json.dumps(label.model_json_schema()))), verbose=False)
        expected = stock(engine.prompt_tokens(request), max_tokens=120, temperature=0, repeat_penalty=1.1, grammar=grammar)
        assert reply.text == expected["choices"][0]["text"]
        json.loads(reply.text)
        assert not re.search(r"\s", re.sub(r'"(?:[^"\\]|\\.)*"', '""', reply.text)), reply.text  # none outside strings
    engine.close()


def test_a_group_reads_its_shared_prompt_once_and_answers_each_request_under_its_own_grammar() -> None:
    from armstrace.base.schema import ClaimLabel, WeaponLabel
    from armstrace.base.settings import Settings
    from armstrace.model.batched import BatchedModel, Request
    from armstrace.model.weights import ensure_weights

    engine = BatchedModel(str(ensure_weights(MODEL, Settings().models_dir)), context=4096, threads=2, sequences=4)
    article = "Article: Minsk sold 30 tanks to Caracas in May, Lars Berg said in Oslo. " * 8
    asks = [
        (WeaponLabel, "Materiel: «tanks»"),
        (ClaimLabel, "Reporting words: «said»"),
        (WeaponLabel, "Materiel: «tanks» (again)"),
    ]
    requests = [
        Request(messages=[{"role": "user", "content": f"{article}\nLabel as JSON.\n{item}"}], schema=label.model_json_schema(), max_tokens=120)
        for label, item in asks
    ]
    replies = engine.answer(requests)
    for (label, _), reply in zip(asks, replies):
        label.model_validate_json(reply.text)
        assert reply.finish_reason == "stop" and reply.completion_tokens > 0
    prompts = [len(engine.prompt_tokens(r)) for r in requests]
    assert [r.prompt_tokens for r in replies] == prompts
    # The article is read once for the three: far fewer tokens than the three prompts hold.
    assert engine.last_read < sum(prompts) / 2
    engine.close()
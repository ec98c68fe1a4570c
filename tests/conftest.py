"""Shared fixtures: cassettes of the real embedded model, and the model endpoint to use.

By default tests replay cassettes/<test module>/<test name>.yaml and never touch the network;
a request that is not in the cassette (say, after a prompt change) fails the test. To record
again with the real embedded model:

    pytest --record-mode=rewrite -m "not live" tests/test_extract.py

The record mode comes from the command line only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from armstrace.base.settings import EMBEDDED_MODEL, Settings

from support import ROOT, SEEDS, SEEDS_CASSETTE

REPLAY_URL = "http://127.0.0.1:9/v1"  # nothing listens here: replayed requests never leave vcr

# Headers that could identify or authorise anyone, on either side of the exchange.
SECRET_REQUEST_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project", "cookie"]
SECRET_RESPONSE_HEADERS = {"set-cookie", "openai-organization", "openai-project", "x-request-id", "cf-ray", "authorization"}


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_RESPONSE_HEADERS:
            del headers[name]
    return response


VCR_CONFIG: dict[str, Any] = {
    "filter_headers": SECRET_REQUEST_HEADERS,
    "before_record_response": _scrub_response,
    "match_on": ["method", "path", "body"],
    "decode_compressed_response": True,
}


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return VCR_CONFIG


def replay_seeds() -> Any:
    """A context in which the seeds' model calls are answered from their recording, and only so."""
    import vcr

    return vcr.VCR(**VCR_CONFIG).use_cassette(str(SEEDS_CASSETTE), record_mode="none", allow_playback_repeats=True)


def replay_settings(cache_dir: Path) -> Settings:
    """Settings whose model calls are the ones recorded in the seeds' cassette.

    They ask as `armstrace extract` asks the embedded engine: grammar mode, one article at a
    time, an article's calls at once (the cassette is recorded from that engine, reached by its
    URL, which answers them as one group).
    """
    return Settings(
        base_url=REPLAY_URL, model=EMBEDDED_MODEL, cache_dir=cache_dir, attempts=1, mode="grammar", concurrency=1,
        together=True,
    )  # fmt: skip


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder holding the recorded model's extraction of the five seeds."""
    from armstrace.extraction.run import run_extract

    base = tmp_path_factory.mktemp("seeds")
    with replay_seeds():
        summary = run_extract([SEEDS], base / "out", replay_settings(base / "cache"))
    assert summary.exit_code == 0, summary.articles
    return base / "out"


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(ROOT / "cassettes" / Path(str(request.node.fspath)).stem)


@pytest.fixture(scope="session")
def model_base_url(record_mode: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The endpoint tests talk to: the real embedded server when recording, else nothing."""
    if record_mode in (None, "none"):
        yield REPLAY_URL
        return
    from armstrace.model.server import LocalServer

    settings = Settings()
    with LocalServer(EMBEDDED_MODEL, settings.models_dir, threads=settings.threads, context=settings.context) as server:
        yield server.base_url


@pytest.fixture
def settings(model_base_url: str, tmp_path: Path) -> Settings:
    """Settings for the recorded model, with a cache of the test's own."""
    return replay_settings(tmp_path / "cache").model_copy(update={"base_url": model_base_url})

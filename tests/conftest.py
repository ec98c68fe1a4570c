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

from armstrace.settings import EMBEDDED_MODEL, Settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
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


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": SECRET_REQUEST_HEADERS,
        "before_record_response": _scrub_response,
        "match_on": ["method", "path", "body"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(ROOT / "cassettes" / Path(str(request.node.fspath)).stem)


@pytest.fixture(scope="session")
def model_base_url(record_mode: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The endpoint tests talk to: the real embedded server when recording, else nothing."""
    if record_mode in (None, "none"):
        yield REPLAY_URL
        return
    from armstrace.server import LocalServer

    settings = Settings()
    with LocalServer(EMBEDDED_MODEL, settings.models_dir, threads=settings.threads, context=settings.context) as server:
        yield server.base_url


@pytest.fixture
def settings(model_base_url: str, tmp_path: Path) -> Settings:
    """Settings for the recorded model, with a cache of the test's own."""
    return Settings(base_url=model_base_url, model=EMBEDDED_MODEL, cache_dir=tmp_path / "cache", attempts=1)

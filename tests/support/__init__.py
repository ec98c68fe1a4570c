"""Helpers the tests and the benchmarks share, as one package rather than test modules loaded by path.

- `faultserver`: a real loopback HTTP server that answers like a model endpoint, or fails;
- `labels`: the labels such a server answers with;
- `model`: a model client that gives up quickly, asking such a server one question;
- `synthetic`: synthetic article extractions, for merging at scale;
- `cli`: running the command line in a child process.

tests/ is on the path under pytest (conftest.py's folder); bench/ scripts put it there.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
# The recording of the five seeds, made by tests/test_extract.py; other modules replay it.
SEEDS_CASSETTE = ROOT / "cassettes" / "test_extract" / "test_seeds_extract_to_grounded_items_and_rerun_is_served_from_cache.yaml"

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from armstrace.model import weights
from armstrace.base.errors import ConfigError, LocalServerError
from armstrace.model.weights import Weights, ensure_weights, weights_for

PARTS = [b"GGUF-part-one|", b"part-two|", b"part-three"]


@pytest.fixture
def fake_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Weights]:
    """Three tiny part packages importable like the real ones."""
    site = tmp_path / "site"
    for n, data in enumerate(PARTS, 1):
        package = site / f"fakepart{n}"
        (package / "data").mkdir(parents=True)
        (package / "data" / f"part{n:02d}.bin").write_bytes(data)
        (package / "__init__.py").write_text(
            "from pathlib import Path\n"
            f"def get_part_path():\n    return str(Path(__file__).parent / 'data' / 'part{n:02d}.bin')\n"
        )
    monkeypatch.syspath_prepend(str(site))
    whole = b"".join(PARTS)
    fake = Weights("fake-model", "fakepart", 3, len(whole), hashlib.sha256(whole).hexdigest(), "local")
    monkeypatch.setitem(weights.KNOWN_WEIGHTS, "fake-model", fake)
    yield fake
    for n in range(1, 4):
        sys.modules.pop(f"fakepart{n}", None)


def test_parts_are_concatenated_in_order_and_verified(fake_model: Weights, tmp_path: Path) -> None:
    path = ensure_weights("fake-model", tmp_path / "models")
    assert path.read_bytes() == b"".join(PARTS)
    assert [p.name for p in path.parent.iterdir()] == ["fake-model.gguf"]


def test_an_assembled_file_is_not_assembled_again(fake_model: Weights, tmp_path: Path) -> None:
    first = ensure_weights("fake-model", tmp_path / "models")
    mtime = first.stat().st_mtime_ns
    assert ensure_weights("fake-model", tmp_path / "models").stat().st_mtime_ns == mtime


def test_a_checksum_mismatch_is_refused_and_leaves_no_file(
    fake_model: Weights, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(weights.KNOWN_WEIGHTS, "fake-model", Weights("fake-model", "fakepart", 3, fake_model.size, "0" * 64, "local"))
    with pytest.raises(LocalServerError, match="sha256"):
        ensure_weights("fake-model", tmp_path / "models")
    assert not any((tmp_path / "models").iterdir())


def test_a_missing_part_package_says_which_extra_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(weights.KNOWN_WEIGHTS, "ghost", Weights("ghost", "no_such_part_pkg_", 2, 1, "0" * 64, "small-model"))
    with pytest.raises(LocalServerError) as e:
        ensure_weights("ghost", tmp_path)
    assert "no_such_part_pkg_1" in e.value.message and "[small-model]" in e.value.hint


def test_an_unknown_embedded_model_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError) as e:
        weights_for("gpt-5")
    assert "qwen2.5-coder-1.5b-instruct" in e.value.hint


def test_pinned_models_match_the_published_sizes() -> None:
    assert weights_for("qwen2.5-coder-1.5b-instruct").size == 1_117_320_768
    assert weights_for("qwen2.5-coder-0.5b-instruct").parts == 6

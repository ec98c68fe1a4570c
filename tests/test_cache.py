import json
from pathlib import Path

from armstrace.base.outdir import write_atomic
from armstrace.extraction.cache import Cache, digest


def test_digest_ignores_key_order() -> None:
    assert digest({"a": 1, "b": [1, 2]}) == digest({"b": [1, 2], "a": 1})


def test_digest_changes_with_any_value() -> None:
    assert digest({"a": 1}) != digest({"a": 2})


def test_put_then_get_returns_the_payload(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("ab" * 32, {"records": [1, 2]})
    assert cache.get("ab" * 32) == {"records": [1, 2]}


def test_missing_entry_is_none(tmp_path: Path) -> None:
    assert Cache(tmp_path).get("cd" * 32) is None


def test_truncated_entry_is_treated_as_missing(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = "ef" * 32
    cache.put(key, {"records": ["x" * 100]})
    path = cache.path(key)
    path.write_text(path.read_text()[:40])
    assert cache.get(key) is None


def test_edited_entry_fails_its_checksum(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    key = "01" * 32
    cache.put(key, {"records": [1]})
    header, body = cache.path(key).read_text().split("\n", 1)
    cache.path(key).write_text(header + "\n" + json.dumps({**json.loads(body), "records": [2]}))
    assert cache.get(key) is None


def test_entry_under_another_key_is_rejected(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("02" * 32, {"records": [1]})
    moved = cache.path("03" * 32)
    moved.parent.mkdir(parents=True, exist_ok=True)
    moved.write_text(cache.path("02" * 32).read_text())
    assert cache.get("03" * 32) is None


def test_read_off_cache_never_answers(tmp_path: Path) -> None:
    Cache(tmp_path).put("04" * 32, {"a": 1})
    assert Cache(tmp_path, read=False).get("04" * 32) is None


def test_write_off_cache_stores_nothing(tmp_path: Path) -> None:
    Cache(tmp_path, write=False).put("05" * 32, {"a": 1})
    assert not any(tmp_path.rglob("*.json"))


def test_atomic_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "file.json"
    write_atomic(target, "{}")
    assert target.read_text() == "{}"
    assert [p.name for p in target.parent.iterdir()] == ["file.json"]


def _hammer(directory: str, worker: int) -> None:
    cache = Cache(Path(directory))
    for round_ in range(200):
        key = f"{round_ % 10:02d}" * 32
        cache.put(key, {"worker": worker, "records": list(range(round_ % 50))})
        entry = cache.get(key)
        assert entry is None or set(entry) == {"worker", "records"}


def test_two_processes_sharing_a_cache_never_leave_a_torn_entry(tmp_path: Path) -> None:
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_hammer, args=(str(tmp_path), n)) for n in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    cache = Cache(tmp_path)
    for n in range(10):
        assert cache.get(f"{n:02d}" * 32) is not None
    assert not list(tmp_path.rglob("*.tmp"))

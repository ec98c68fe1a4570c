"""Content-addressed storage of validated answers.

instructor ships a cache, but it does not fit here: its key includes the client's base URL
(the embedded server listens on a new port every run, so nothing would ever hit), and its disk
back-end needs `diskcache`. So each entry here is one JSON file named by the sha256 of
everything that changes the answer, written atomically (temporary file, then rename): a header
line with the key and the sha256 of the body, then the body, the payload as JSON. A torn or
edited entry fails the checksum and is recomputed, and two processes sharing a cache can at
worst both compute the same entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..base.outdir import write_atomic


def digest(parts: Mapping[str, Any]) -> str:
    """A stable sha256 of a JSON-serialisable mapping (key order does not matter)."""
    data = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


class Cache:
    """A directory of answers keyed by content."""

    def __init__(self, directory: Path, *, read: bool = True, write: bool = True) -> None:
        self.directory = directory
        self.read = read
        self.write = write
        self.problem = ""  # why writing was turned off, if it was

    def path(self, key: str) -> Path:
        """Where the entry for `key` lives."""
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        """The payload stored under `key`, or None if absent, unreadable or corrupted."""
        if not self.read:
            return None
        try:
            header, body = self.path(key).read_text(encoding="utf-8").split("\n", 1)
            entry = json.loads(header)
            if entry["key"] != key or entry["sha256"] != hashlib.sha256(body.encode("utf-8")).hexdigest():
                raise ValueError("checksum mismatch")
            payload = json.loads(body)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            # A damaged entry is as good as none: it is recomputed and overwritten.
            return None
        if not isinstance(payload, dict):
            return None
        return payload

    def put(self, key: str, payload: dict[str, Any]) -> None:
        """Store `payload` under `key`, atomically."""
        if not self.write:
            return
        # A header line with the key and the checksum of the body, then the body: reading
        # checks the body's bytes without serialising the payload again.
        body = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        header = json.dumps({"key": key, "sha256": hashlib.sha256(body.encode("utf-8")).hexdigest()})
        try:
            write_atomic(self.path(key), f"{header}\n{body}")
        except OSError as e:
            # A cache that cannot be written must not cost the answer in hand: go on without.
            self.write = False
            self.problem = (
                f"cache {self.directory} cannot be written ({e.strerror or e}); answers were not "
                "cached: give --cache-dir a folder you can write to"
            )

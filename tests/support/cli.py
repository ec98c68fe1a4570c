"""The command line, run as a user runs it: a child process, without the caller's settings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m armstrace ARGS`, with no ARMSTRACE_ or OPENAI_ variable but those in `env`."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("ARMSTRACE_", "OPENAI_"))}
    environ.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "armstrace", *args], capture_output=True, text=True, env=environ, cwd=cwd, timeout=120
    )

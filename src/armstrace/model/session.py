"""The model a run talks to: the client, created on first use, and the embedded server's life.

A fully cached run never starts a server. The embedded server is started off the event loop
(Ctrl-C stops a start at once), and one that dies mid-run is started again, a bounded number
of times.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from ..base.errors import ServerDied
from ..base.settings import EMBEDDED_MODEL, Settings
from .redact import public_url

if TYPE_CHECKING:
    from .llm import ModelClient
    from .server import LocalServer


class ModelSession:
    """The model client, created on first use: a fully cached run never starts a server.

    An embedded server that dies mid-run is started again, at most `RESTARTS` times.
    """

    RESTARTS = 2

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.model = settings.model or (EMBEDDED_MODEL if settings.embedded else "")
        url = settings.resolved_base_url
        self.endpoint = "embedded" if url is None else public_url(url)
        self.restarts = 0
        self._server: LocalServer | None = None
        self._client: ModelClient | None = None
        self._starting = asyncio.Lock()

    async def client(self) -> ModelClient:
        """The client, starting the embedded server if this is the first call."""
        await self.revive()
        async with self._starting:  # articles in flight together start one server
            if self._client is None:
                from .llm import ModelClient

                base_url = self.settings.resolved_base_url
                if base_url is None:
                    from .server import LocalServer

                    self._server = LocalServer(
                        self.model,
                        self.settings.models_dir,
                        threads=self.settings.threads,
                        context=self.settings.context,
                    )
                    # The client's libraries load while the model does (a second or so the
                    # server would otherwise wait through before its first request).
                    await asyncio.gather(self._server.start_async(), asyncio.to_thread(_load_client_libraries))
                    base_url = self._server.base_url
                self._client = ModelClient(self.settings, base_url, self.model)
        return self._client

    async def revive(self) -> bool:
        """If the embedded server has died, forget it so that the next call starts a new one.

        True if it had died; ServerDied once it has died more than RESTARTS times.
        """
        server = self._server
        status = server.exit_status() if server is not None else None
        if server is None or status is None:
            return False
        if self.restarts >= self.RESTARTS:
            raise ServerDied(
                f"the local model server died (exit status {status}) {self.restarts + 1} times; "
                f"its log is {server.log_path}",
                "run the same command again to resume: finished articles and answers are cached",
            )
        self.restarts += 1
        server.stop()  # reaps it and closes its lifeline
        self._server = None
        await self.close_client()
        return True

    async def close_client(self) -> None:
        """Close the client's connections (inside the event loop that used them)."""
        if self._client is not None:
            await self._client.close()
            self._client = None

    def close(self) -> None:
        """Stop the embedded server if one was started."""
        if self._server is not None:
            self._server.stop()


def _load_client_libraries() -> None:
    import instructor  # noqa: F401
    import openai  # noqa: F401

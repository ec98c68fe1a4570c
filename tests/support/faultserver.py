"""A real HTTP server on loopback that answers from a script, for fault tests."""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.queues
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    raw: bytes | None = None  # sent as is, instead of `body` as JSON
    truncate: bool = False  # promise more bytes than are sent, then close
    answer: Callable[[dict[str, Any]], dict[str, Any]] | None = None  # body computed from the request


def completion(arguments: dict[str, Any], name: str = "labels") -> dict[str, Any]:
    """A chat completion whose answer is a forced tool call with `arguments`."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {"id": "call_0", "type": "function", "function": {"name": name, "arguments": json.dumps(arguments)}}
                    ],
                },
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
    }


def labeller(label: Callable[[str], dict[str, Any]]) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """An answer function: for a labels request, `label(label class name)` once per asked label.

    A request for one candidate asks for the label itself, a batch for a list of them.
    """

    def answer(request: dict[str, Any]) -> dict[str, Any]:
        function = request["tools"][0]["function"]
        name, properties = function["name"], function["parameters"]["properties"]
        if "labels" not in properties:
            return completion(label(name), name)
        count = properties["labels"]["maxItems"]
        return completion({"labels": [label(name.removesuffix("s")) for _ in range(count)]}, name)

    return answer


@dataclass
class InFlight:
    """An answer function that also counts the requests answered at once (`peak`)."""

    answer: Callable[[dict[str, Any]], dict[str, Any]]
    hold: float = 0.1  # seconds each request stays in flight
    running: int = 0
    peak: int = 0

    def __call__(self, request: dict[str, Any]) -> dict[str, Any]:
        self.running += 1  # handler threads: an attribute changes under the GIL
        self.peak = max(self.peak, self.running)
        time.sleep(self.hold)
        self.running -= 1
        return self.answer(request)


@dataclass
class FaultServer:
    """Serves `script` in order, then repeats its last reply; records every request."""

    script: list[Reply]
    requests: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def next_reply(self) -> Reply:
        return self.script[min(len(self.requests) - 1, len(self.script) - 1)]


class _Server(ThreadingHTTPServer):
    request_queue_size = 256  # the default of 5 refuses connections under a concurrent client
    daemon_threads = True


@contextmanager
def fault_server(*script: Reply) -> Iterator[FaultServer]:
    state = FaultServer(list(script))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            length = int(self.headers.get("content-length", 0))
            request = json.loads(self.rfile.read(length) or b"{}")
            with state.lock:  # requests arrive on several threads at once
                state.requests.append({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": request})
                reply = state.next_reply()
            time.sleep(reply.delay)
            body = reply.body if reply.body is not None else {"error": {"message": "scripted"}}
            if reply.answer is not None:
                body = reply.answer(request)
            data = reply.raw if reply.raw is not None else json.dumps(body).encode()
            self.send_response(reply.status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data) * (2 if reply.truncate else 1)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
            if reply.truncate:
                self.close_connection = True

        def log_message(self, *args: Any) -> None:
            pass

    server = _Server(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def fault_server_process(*script: Reply) -> Iterator[str]:
    """The same server in a child process, so that its work does not compete with the client's
    for one interpreter; yields the base URL. Requests are not recorded here."""
    context = multiprocessing.get_context("fork")
    ready: multiprocessing.queues.Queue[str] = context.Queue()

    def serve() -> None:
        with fault_server(*script) as server:
            ready.put(server.base_url)
            threading.Event().wait()

    process = context.Process(target=serve, daemon=True)
    process.start()
    try:
        yield ready.get(timeout=30)
    finally:
        process.terminate()
        process.join()

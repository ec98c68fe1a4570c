"""The embedded model's OpenAI-compatible server, answering the requests that arrive together as one group.

`python -m armstrace.model.engine --model FILE --model_alias NAME --port P [--n_ctx N]
[--n_threads T] [--flash_attn auto|on|off]` serves `GET /v1/models` and `POST /v1/chat/completions` on 127.0.0.1. An
article's calls reach it at once (`extraction/extract.py`), and `batched.BatchedModel` reads
their prompts as one tree and decodes their answers side by side. Which requests make a group
is `groups.gather`'s choice: an article's calls, once they have all come. Each is answered
under the grammar of its `response_format` schema (a `json_object` with a `schema`, as
`llm.as_grammar` sends it), greedily.

One line per group goes to the log: requests, prompt tokens read, answer tokens and seconds
(`bench/engine.py` sums them over a run).
"""

from __future__ import annotations

import argparse
import asyncio
import queue
import sys
import threading
import time
import uuid
from typing import Any

# Imported here, not in `app`: FastAPI reads the handlers' annotations by name from this module.
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from .groups import Pending, gather

# llama.cpp's flash_attn_type for each choice of `--flash_attn`; without it, `batched.FLASH_ATTENTION`.
_FLASH_ATTN_TYPES = {"auto": -1, "off": 0, "on": 1}


class Engine:
    """The model on one worker thread, fed groups of requests from the HTTP handlers."""

    def __init__(self, model_path: str, alias: str, context: int, threads: int, sequences: int, flash_attention: int | None = None) -> None:
        from .batched import BatchedModel

        self.alias = alias
        chosen = {} if flash_attention is None else {"flash_attention": flash_attention}
        self.model = BatchedModel(model_path, context, threads, sequences, **chosen)
        self._inbox: queue.Queue[Pending] = queue.Queue()
        threading.Thread(target=self._work, name="engine", daemon=True).start()

    async def complete(self, body: dict[str, Any]) -> dict[str, Any]:
        """The chat completion for one request body, answered with whatever group it joins."""
        from .batched import Request

        request = Request(
            messages=body["messages"],
            schema=_schema(body.get("response_format")),
            max_tokens=int(body.get("max_tokens") or 1024),
            repeat_penalty=float(body.get("repeat_penalty", 1.1)),
        )
        loop = asyncio.get_running_loop()
        pending = Pending(request, self.model.prompt_tokens(request), loop.create_future(), loop)
        self._inbox.put(pending)
        reply = await pending.done
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.alias,
            "choices": [
                {"index": 0, "message": {"role": "assistant", "content": reply.text}, "finish_reason": reply.finish_reason}
            ],
            "usage": {
                "prompt_tokens": reply.prompt_tokens,
                "completion_tokens": reply.completion_tokens,
                "total_tokens": reply.prompt_tokens + reply.completion_tokens,
            },
        }

    def _work(self) -> None:
        waiting: list[Pending] = []
        held = ""
        while True:
            group = gather(self._inbox, waiting, self.model.sequences, self.model.context, held)
            held = group[0].about
            started = time.monotonic()
            try:
                replies = self.model.answer([p.request for p in group], [p.tokens for p in group])
            except Exception as e:  # noqa: BLE001  # the HTTP handler turns it into a 500 for its client
                for p in group:
                    p.loop.call_soon_threadsafe(_fail, p.done, e)
                continue
            for p, reply in zip(group, replies):
                p.loop.call_soon_threadsafe(_resolve, p.done, reply)
            print(
                f"group: {len(group)} requests, {sum(r.prompt_tokens for r in replies)} prompt tokens, "
                f"{self.model.last_read} read, {sum(r.completion_tokens for r in replies)} answer tokens, "
                f"{time.monotonic() - started:.2f} s",
                flush=True,
            )


def _resolve(future: asyncio.Future[Any], value: Any) -> None:
    if not future.done():
        future.set_result(value)


def _fail(future: asyncio.Future[Any], error: Exception) -> None:
    if not future.done():
        future.set_exception(error)


def _schema(response_format: dict[str, Any] | None) -> dict[str, Any] | None:
    """The JSON Schema a request's answer must follow, if it gives one."""
    if not response_format:
        return None
    if response_format.get("type") == "json_schema":
        return dict(response_format.get("json_schema", {}).get("schema") or {}) or None
    return response_format.get("schema")


def app(engine: Engine) -> FastAPI:
    """The HTTP routes of the OpenAI API that armstrace uses."""
    api = FastAPI()

    async def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": engine.alias, "object": "model", "owned_by": "armstrace"}]}

    async def chat(request: Request) -> Any:
        body = await request.json()
        if body.get("stream") or body.get("tools") or float(body.get("temperature") or 0) > 0:
            return JSONResponse(
                {"error": {"message": "the embedded engine answers greedy, non-streamed chat requests "
                           "without tools (armstrace's own: --mode grammar, temperature 0)"}},
                status_code=400,
            )  # fmt: skip
        try:
            return await engine.complete(body)
        except Exception as e:  # noqa: BLE001  # a model failure is the request's 500, not the server's end
            return JSONResponse({"error": {"message": str(e)}}, status_code=500)

    api.add_api_route("/v1/models", models, methods=["GET"])
    api.add_api_route("/v1/chat/completions", chat, methods=["POST"])
    return api


def main(argv: list[str]) -> None:
    """Load the model and serve it until stopped."""
    import uvicorn

    parser = argparse.ArgumentParser(prog="python -m armstrace.model.engine")
    parser.add_argument("--model", required=True)
    parser.add_argument("--model_alias", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--n_ctx", type=int, default=8192)
    parser.add_argument("--n_threads", type=int, default=2)
    # An article's calls, at most one group: the same calls then always get the same answers.
    parser.add_argument("--sequences", type=int, default=32)
    parser.add_argument("--flash_attn", choices=sorted(_FLASH_ATTN_TYPES))
    args = parser.parse_args(argv)
    flash = _FLASH_ATTN_TYPES.get(args.flash_attn or "")
    engine = Engine(args.model, args.model_alias, args.n_ctx, args.n_threads, args.sequences, flash)
    uvicorn.run(app(engine), host=args.host, port=args.port, log_level="info")


if __name__ == "__main__":
    main(sys.argv[1:])

"""What the embedded engine's time is made of on this machine, and what llama.cpp's settings change.

    python bench/bench.py settings     # about 15 minutes on 2 cores

Both parts run in this process with the default model (`armstrace.model.batched.BatchedModel`,
the engine's model, without HTTP):

- The cost of one answer token as a decode step grows: n requests about seed 004 (its claims
  prompt, each item told apart by a number) answered without a grammar to 1 token and then to 17;
  the second's extra seconds over its extra tokens are what one answer token costs decoded beside
  n - 1 others.
- One article's calls as `armstrace extract` plans them (seed 004's), answered as one group after
  seed 003's (so that, as in a run, the instructions are kept and the article and items are
  read): seconds (median of two), prompt tokens read and answer tokens, under the engine's
  settings (flash attention off, batches of 512 tokens), with flash attention as llama.cpp
  chooses (on), with batches of 1,024, and with the shipped Q4_K_M weights requantized
  (llama.cpp's own `llama_model_quantize`) to Q8_0 and to Q4_0, formats whose matrix kernels
  differ; and how many answers are the engine's.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

SIZES = (1, 4, 16, 32, 64)
VARIANTS = {
    "the engine's (flash attention off)": {},
    "flash attention as llama.cpp chooses (on)": {"flash_attention": -1},
    "batches of 1,024": {"batch": 1024},
}
# Weights in another format, made from the shipped file: llama.cpp's file types.
REQUANTIZED = {"weights as Q8_0": 7, "weights as Q4_0": 2}


def _seed(prefix: str) -> Path:
    from support import SEEDS  # on the path bench.py sets

    return sorted(SEEDS.glob(f"{prefix}_*.txt"))[0]


def _planned(seed: Path) -> list[Any]:
    """The requests `armstrace extract` sends the engine for `seed`, in its order."""
    from armstrace.base.schema import labels_model
    from armstrace.base.settings import EMBEDDED_MODEL, Settings
    from armstrace.extraction.cache import Cache
    from armstrace.extraction.extract import Extractor
    from armstrace.extraction.load import read_article
    from armstrace.extraction.prompt import load_prompt
    from armstrace.model.batched import Request

    settings = Settings()
    with tempfile.TemporaryDirectory() as cache:
        extractor = Extractor(settings, load_prompt(settings.prompt), Cache(Path(cache)), EMBEDDED_MODEL, "embedded", lambda: None)
        calls = extractor.plan(read_article(seed)).calls
    return [
        Request(messages=c.messages, schema=labels_model(c.label, len(c.batch)).model_json_schema(), max_tokens=1024)
        for c in calls
    ]


def _weights() -> str:
    from armstrace.base.settings import EMBEDDED_MODEL, Settings
    from armstrace.model.weights import ensure_weights

    return str(ensure_weights(EMBEDDED_MODEL, Settings().models_dir))


def _timed(model: Any, requests: list[Any]) -> tuple[float, list[Any]]:
    started = time.perf_counter()
    replies = model.answer(requests)
    return time.perf_counter() - started, replies


def _token_costs(weights: str, threads: int, context: int) -> dict[str, Any]:
    from armstrace.model.batched import BatchedModel, Request

    model = BatchedModel(weights, context, threads, max(SIZES))
    claims = next(r for r in _planned(_seed("004")) if "Reporting words" in r.messages[-1]["content"])
    # The whole prompt read once, as a run's first call reads it: the cost of a prompt token.
    seconds, _ = _timed(model, [Request(claims.messages, None, 1)])
    read = {"read_ms_per_token": round(seconds * 1000 / model.last_read, 1), "read": model.last_read}
    rows = []
    for n in SIZES:
        asked = [
            Request(messages=[*claims.messages[:-1], {"role": "user", "content": f"{claims.messages[-1]['content']} ({k})"}], schema=None, max_tokens=1)
            for k in range(n)
        ]
        one, short = _timed(model, asked)
        longer, long = _timed(model, [Request(r.messages, None, 17) for r in asked])
        tokens = sum(r.completion_tokens for r in long) - sum(r.completion_tokens for r in short)
        rows.append({"step": n, "ms_per_token": round((longer - one) * 1000 / tokens, 1)})
    model.close()
    return {**read, "steps": rows}


def bench_settings() -> dict[str, Any]:
    """The cost of an answer token by step size, and one article's group under each setting and weights' format."""
    from armstrace.base.settings import Settings
    from armstrace.model.batched import BatchedModel

    settings = Settings()
    weights = _weights()
    warm, group = _planned(_seed("003")), _planned(_seed("004"))
    results: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), **_token_costs(weights, settings.threads, settings.context), "groups": []}
    first: list[str] = []

    def measure(name: str, path: str, overrides: dict[str, Any]) -> None:
        nonlocal first
        model = BatchedModel(path, settings.context, settings.threads, 32, **overrides)
        row, texts = _group_row(model, warm, group)
        model.close()
        first = first or texts
        results["groups"].append({"settings": name, **row, "same_answers": sum(a == b for a, b in zip(texts, first))})

    for name, overrides in VARIANTS.items():
        measure(name, weights, overrides)
    with tempfile.TemporaryDirectory() as folder:
        for name, file_type in REQUANTIZED.items():
            measure(name, _requantized(weights, Path(folder) / f"{file_type}.gguf", file_type), {})
    return results


def _group_row(model: Any, warm: list[Any], group: list[Any]) -> tuple[dict[str, Any], list[str]]:
    """`group` answered after `warm`, twice: the median seconds, tokens, and the answers."""
    seconds = []
    for _ in range(2):
        model.answer(warm)
        elapsed, replies = _timed(model, group)
        seconds.append(elapsed)
    row = {
        "seconds": round(statistics.median(seconds), 2),
        "runs": [round(x, 2) for x in seconds],
        "read": model.last_read,
        "answer_tokens": sum(r.completion_tokens for r in replies),
        "requests": len(group),
    }
    return row, [r.text for r in replies]


def _requantized(weights: str, target: Path, file_type: int) -> str:
    """`weights` written again as llama.cpp's `file_type`, at `target`."""
    import ctypes

    from llama_cpp import llama_cpp as C

    params = C.llama_model_quantize_default_params()
    params.ftype, params.allow_requantize, params.nthread = file_type, True, 2
    if C.llama_model_quantize(weights.encode(), str(target).encode(), ctypes.byref(params)) != 0:
        raise RuntimeError(f"llama.cpp could not requantize {weights}")
    return str(target)


def _against(rows: dict[str, Any], name: str, default: dict[str, Any]) -> str:
    """A row's seconds as a multiple of the engine's, and how many answers it changed."""
    row = rows[name]
    changed = row["requests"] - row["same_answers"]
    return f"{row['seconds'] / default['seconds']:.2f} × the time, {changed} answer{'s' * (changed != 1)} of {row['requests']} changed"


def render_settings(r: dict[str, Any]) -> str:
    """The settings section of docs/benchmarks.md."""
    steps = "\n".join(f"| {s['step']} | {s['ms_per_token']} |" for s in r["steps"])
    groups = "\n".join(
        f"| {g['settings']} | {g['seconds']} ({', '.join(map(str, g['runs']))}) | {g['read']} | {g['answer_tokens']} | {g['same_answers']} of {g['requests']} |"
        for g in r["groups"]
    )
    default = r["groups"][0]
    rows = {g["settings"]: g for g in r["groups"]}
    many = [s["ms_per_token"] / r["read_ms_per_token"] for s in r["steps"] if s["step"] >= 16]
    return f"""## What the engine's time is made of, and llama.cpp's settings

`python bench/bench.py settings`, in one process, the default model on 2 threads, {r.get('date', 'on the date above')}. Reading a
prompt costs {r['read_ms_per_token']} ms per token (seed 004's claims prompt, {r['read']} tokens, read whole). An answer
token decoded alone costs {r['steps'][0]['ms_per_token'] / r['read_ms_per_token']:.1f} prompt tokens; decoded beside 15 to 63 others, {min(many):.1f} to
{max(many):.1f} (one measurement each: the difference of two timed groups, so the small steps are noisy):

| answers per step | ms per answer token |
| ---: | ---: |
{steps}

Seed 004's {default['requests']} calls as one group, after seed 003's (the instructions kept, the article and
the items read), median of two:

| settings | seconds (each run) | prompt tokens read | answer tokens | answers as the engine's |
| --- | ---: | ---: | ---: | ---: |
{groups}

At the rates of the first table, the engine's {default['read']} tokens read and {default['answer_tokens']} written would take
{(default['read'] * r['read_ms_per_token'] + default['answer_tokens'] * r['steps'][2]['ms_per_token']) / 1000:.1f} s (answers at 16 per step); the group took {default['seconds']} s, because a token read
later in a group costs more, with more of the KV cache in use. Either way an article's time is
its tokens read and written: a faster article needs fewer of them. Of the other rows, each
against the engine's time: flash attention, which llama.cpp turns on by itself, {_against(rows, "flash attention as llama.cpp chooses (on)", default)};
batches of 1,024 tokens {_against(rows, "batches of 1,024", default)}; the shipped weights requantized to Q8_0
{_against(rows, "weights as Q8_0", default)}, and to Q4_0, a 4-bit format of
coarser scales than the shipped Q4_K_M, {_against(rows, "weights as Q4_0", default)}. Answers that differ are
other sums rounded otherwise (the attention's, the matrices'), and coarser weights change more of them.
"""

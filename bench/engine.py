"""The embedded server's decoding, with and without armstrace's engine, and a run's server timings.

    python bench/bench.py engine            # ms per answer token: no grammar, stock sampling, the engine
    python bench/engine.py SERVER_LOG       # what llama.cpp timed in one run (its `server.log`)

The first loads the default model in this process twice (llama-cpp-python's own `Llama`, then
`armstrace.model.engine.Llama`), reads seed 004 as the extraction prompt does, and decodes a
claim's label under its grammar after that prefix, three times each: the milliseconds per
answer token are the medians. Both decode under the same compact grammar, so they write the
same tokens (checked). The second sums the prompt-eval and eval timings llama.cpp prints per
request into the server's log (ARMSTRACE_MODELS_DIR/server.log, rewritten at each start).
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = sorted((ROOT / "seeds").glob("004_*.txt"))[0]


def _ms_per_token(model: Any, prompt: str, grammar: Any) -> tuple[float, str]:
    model(prompt, max_tokens=1, temperature=0)  # the prefix, read once as in a run
    times, text = [], ""
    for _ in range(3):
        started = time.perf_counter()
        answer = model(prompt, max_tokens=64, temperature=0, repeat_penalty=1.1, grammar=grammar)
        times.append((time.perf_counter() - started) * 1000 / answer["usage"]["completion_tokens"])
        text = answer["choices"][0]["text"]
    return round(statistics.median(times), 1), text


def bench_engine() -> dict[str, Any]:
    """Milliseconds per answer token after a seed's prefix: no grammar, stock sampling, the engine."""
    from llama_cpp import Llama as Stock
    from llama_cpp.llama_grammar import LlamaGrammar, json_schema_to_gbnf

    from armstrace.base.schema import ClaimLabel
    from armstrace.base.settings import EMBEDDED_MODEL, Settings
    from armstrace.extraction.prompt import load_prompt, render
    from armstrace.model.engine import Llama, compact
    from armstrace.model.weights import ensure_weights

    settings = Settings()
    weights = str(ensure_weights(EMBEDDED_MODEL, settings.models_dir))
    item = "1. Sentence: Lars Berg negó que Noruega vendiera fusiles a Perú.\n   Reporting words: «negó»"
    messages = render(load_prompt(settings.prompt), "claims", article=SEED.read_text(encoding="utf-8"), items=item)
    prompt = (
        f"<|im_start|>system\n{messages.system}<|im_end|>\n<|im_start|>user\n{messages.user}<|im_end|>\n"
        "<|im_start|>assistant\n"
    )
    rules = compact(json_schema_to_gbnf(json.dumps(ClaimLabel.model_json_schema())))
    results: dict[str, Any] = {}
    answers = []
    for name, kind in (("stock", Stock), ("engine", Llama)):
        model = kind(model_path=weights, n_ctx=settings.context, n_threads=settings.threads, n_threads_batch=settings.threads, verbose=False)
        if name == "stock":
            results["no_grammar_ms_per_token"], _ = _ms_per_token(model, prompt, None)
        results[f"{name}_ms_per_token"], text = _ms_per_token(model, prompt, LlamaGrammar.from_string(rules, verbose=False))
        answers.append(text)
        del model
    results["same_answer"] = answers[0] == answers[1]
    results["grammar_share_stock"] = round(1 - results["no_grammar_ms_per_token"] / results["stock_ms_per_token"], 2)
    results["speed_up"] = round(results["stock_ms_per_token"] / results["engine_ms_per_token"], 2)
    return results


def render_engine(r: dict[str, Any]) -> str:
    """The engine section of docs/benchmarks.md."""
    return f"""## Decoding under a grammar: llama-cpp-python's sampling and the engine's

One claim's label decoded greedily under its grammar after seed 004's extraction prompt (the
prefix read once), 64 tokens at most, median of three, in one process (`python bench/bench.py
engine`): without a grammar {r['no_grammar_ms_per_token']} ms per answer token; under the
grammar with llama-cpp-python's own sampling, which runs the grammar over the whole vocabulary
at each step, {r['stock_ms_per_token']} ms ({r['grammar_share_stock']:.0%} of it the grammar);
with `armstrace.model.engine`, which asks the grammar only about the likeliest tokens,
{r['engine_ms_per_token']} ms: **{r['speed_up']} ×** faster per token, with the same answer
({'checked' if r['same_answer'] else 'NOT the same'}).
"""


_PROMPT = re.compile(r"prompt eval time =\s+([\d.]+) ms /\s+(\d+) tokens")
_EVAL = re.compile(r"\s eval time =\s+([\d.]+) ms /\s+(\d+) runs")


def server_timings(log: Path) -> dict[str, Any]:
    """llama.cpp's own timings over every request of one server's log."""
    text = log.read_bytes().decode("utf-8", "replace")
    prompt = [(float(ms), int(n)) for ms, n in _PROMPT.findall(text)]
    decode = [(float(ms), int(n)) for ms, n in _EVAL.findall(text)]
    decoded = sum(n for _, n in decode)
    return {
        "requests": len(prompt),
        "prompt_eval_s": round(sum(ms for ms, _ in prompt) / 1000, 1),
        "prompt_eval_tokens": sum(n for _, n in prompt),
        "decode_s": round(sum(ms for ms, _ in decode) / 1000, 1),
        "decode_tokens": decoded,
        "decode_ms_per_token": round(sum(ms for ms, _ in decode) / decoded, 1) if decoded else None,
    }


if __name__ == "__main__":
    print(json.dumps(server_timings(Path(sys.argv[1])), indent=2))

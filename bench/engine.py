"""The embedded server's decoding, with and without armstrace's sampling, and a run's server timings.

    python bench/bench.py engine            # ms per answer token: no grammar, stock sampling, the engine's
    python bench/engine.py SERVER_LOG       # what the engine did in one run (its `server.log`)

The first loads the default model in this process twice (llama-cpp-python's own `Llama`, then
one sampling greedy grammar requests with `armstrace.model.sampling.GrammarLastGreedy`), reads
seed 004 as the extraction prompt does, and decodes a claim's label under its grammar after that
prefix, three times each: the milliseconds per answer token are the medians. Both decode under
the same compact grammar, so they write the same tokens (checked). The second sums the lines the
engine writes per group of requests into the server's log (ARMSTRACE_MODELS_DIR/server.log,
rewritten at each start).
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
    from armstrace.model.sampling import GrammarLastGreedy, compact
    from armstrace.model.weights import ensure_weights

    class Engine(Stock):  # type: ignore[misc]
        """llama_cpp.Llama, sampling greedy grammar requests as the engine does."""

        def _init_sampler(self, *args: Any, **kwargs: Any) -> Any:
            grammar = kwargs.get("grammar")
            if grammar is None or args or kwargs.get("temp") != 0.0:
                return super()._init_sampler(*args, **kwargs)
            return GrammarLastGreedy(self, grammar, float(kwargs.get("repeat_penalty", 1.0)))

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
    for name, kind in (("stock", Stock), ("engine", Engine)):
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


_GROUP = re.compile(r"group: (\d+) requests, (\d+) prompt tokens, (\d+) read, (\d+) answer tokens, ([\d.]+) s")


def server_timings(log: Path) -> dict[str, Any]:
    """What the engine did over one server's log: groups, requests, tokens and seconds."""
    groups = [tuple(map(float, m)) for m in _GROUP.findall(log.read_bytes().decode("utf-8", "replace"))]
    return {
        "groups": len(groups),
        "requests": int(sum(g[0] for g in groups)),
        "prompt_tokens": int(sum(g[1] for g in groups)),
        "prompt_tokens_read": int(sum(g[2] for g in groups)),
        "answer_tokens": int(sum(g[3] for g in groups)),
        "seconds": round(sum(g[4] for g in groups), 1),
    }


if __name__ == "__main__":
    print(json.dumps(server_timings(Path(sys.argv[1])), indent=2))

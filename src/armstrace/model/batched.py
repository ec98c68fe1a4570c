"""Answering the calls about one article together: their shared prompt read once, their answers
decoded side by side.

On 2 cores a decode step of the 1.5B model costs about the same for one sequence as for a few, and
a prompt read in one batch goes faster than the same tokens read call by call
(`python bench/bench.py engine`). So the engine takes an article's calls as one group
(`groups.gather`), lays their prompts out as a tree in llama.cpp's unified KV cache — a token that
several prompts share is read once and belongs to all their sequences — and then decodes one token
of every unfinished answer per step. Each answer is sampled as `engine.GrammarLastGreedy` samples
it alone: greedy, under its own JSON grammar, with the same repeat penalty.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import llama_cpp
import numpy as np
from llama_cpp import llama_cpp as C
from llama_cpp.llama_chat_format import Jinja2ChatFormatter
from llama_cpp.llama_grammar import LlamaGrammar

from .groups import common_length
from .sampling import GrammarLastGreedy

# Sequence 0 keeps the prompt the last group shared (the instructions, read once per run).
_KEPT = 0
# How many tokens one llama_decode call takes; a group's prompts are read in batches of this size
# (1,024 read no faster on 2 cores: `python bench/bench.py settings`).
BATCH = 512
# llama.cpp's flash_attn_type: off. Left to llama.cpp (-1) it is on, and a group took longer on
# 2 cores, per token read or written (`python bench/bench.py settings`; docs/benchmarks.md).
FLASH_ATTENTION = 0


@dataclass
class Request:
    """One chat completion to answer: greedy, under the grammar of `schema` when one is given."""

    messages: list[dict[str, Any]]
    schema: dict[str, Any] | None
    max_tokens: int
    repeat_penalty: float = 1.1


@dataclass
class Reply:
    """An answer and what it cost in tokens."""

    text: str
    prompt_tokens: int
    completion_tokens: int
    finish_reason: str


@dataclass
class _Live:
    """A request being answered: its sequence in the KV cache, its sampler, its tokens so far."""

    seq: int
    prompt: list[int]
    sampler: GrammarLastGreedy | None
    max_tokens: int
    answer: list[int] = field(default_factory=list)
    finish: str = ""
    last: int = -1  # the token read but not yet decoded into the cache


class _Context:
    """What `GrammarLastGreedy.sample` reads its logits from (llama-cpp-python's context wrapper)."""

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx


class BatchedModel:
    """A GGUF model answering groups of chat requests with a shared KV cache."""

    def __init__(
        self, model_path: str, context: int, threads: int, sequences: int, batch: int = BATCH, flash_attention: int = FLASH_ATTENTION
    ) -> None:
        """`flash_attention` is llama.cpp's flash_attn_type: -1 lets llama.cpp choose, 0 off, 1 on."""
        # The Llama object gives the tokenizer, the chat template and the model weights; its own
        # context is kept tiny, and the engine decodes in a context of its own with many sequences.
        self.llama = llama_cpp.Llama(model_path=model_path, n_ctx=256, n_threads=threads, verbose=False)
        params = C.llama_context_default_params()
        params.n_ctx, params.n_batch, params.n_ubatch = context, batch, batch
        params.flash_attn_type = flash_attention
        params.n_seq_max, params.kv_unified = sequences + 1, True
        params.n_threads = params.n_threads_batch = threads
        self._ctx = C.llama_init_from_model(self.llama._model.model, params)
        self._memory = C.llama_get_memory(self._ctx)
        self._batch = C.llama_batch_init(batch, 0, sequences + 1)
        self._batch_size = batch
        self._vocab = C.llama_model_get_vocab(self.llama._model.model)
        self.sequences = sequences
        self.context = context
        self._kept: list[int] = []
        self.last_read = 0  # prompt tokens read by the last `answer`: the rest came from the cache
        self._formatter = Jinja2ChatFormatter(
            template=self.llama.metadata["tokenizer.chat_template"],
            eos_token=self.llama._model.token_get_text(self.llama.token_eos()),
            bos_token=self.llama._model.token_get_text(self.llama.token_bos()),
        )

    def close(self) -> None:
        C.llama_batch_free(self._batch)
        C.llama_free(self._ctx)
        self.llama.close()

    def prompt_tokens(self, request: Request) -> list[int]:
        """The request's prompt as the model reads it (the model's own chat template)."""
        result = self._formatter(messages=request.messages)
        return list(self.llama.tokenize(result.prompt.encode("utf-8"), add_bos=not result.added_special, special=True))

    def answer(self, requests: Sequence[Request], prompts: Sequence[list[int]] | None = None) -> list[Reply]:
        """The replies to `requests`, in their order, answered together `sequences` at a time.

        `prompts` are their `prompt_tokens`, where the caller has them already. They are
        answered in the order of their prompts, not of their arrival, so that the same requests
        get the same answers however they came (the KV cells, and so the order of the sums,
        follow the order of the requests).
        """
        prompts = prompts if prompts is not None else [self.prompt_tokens(r) for r in requests]
        order = sorted(range(len(requests)), key=lambda n: prompts[n])
        replies: dict[int, Reply] = {}
        self.last_read = 0
        for start in range(0, len(order), self.sequences):
            part = order[start : start + self.sequences]
            replies.update(zip(part, self._answer_group([requests[n] for n in part], [prompts[n] for n in part])))
        return [replies[n] for n in range(len(requests))]

    def _answer_group(self, requests: Sequence[Request], prompts: Sequence[list[int]]) -> list[Reply]:
        live = [
            _Live(seq=n + 1, prompt=prompt, sampler=self._sampler(r), max_tokens=r.max_tokens)
            for n, (r, prompt) in enumerate(zip(requests, prompts))
        ]
        shared, cells = self._read_prompts(live)
        while unfinished := [x for x in live if not x.finish]:
            if cells + len(unfinished) > self.context:
                for x in unfinished:
                    x.finish = "length"  # the context is full: cut off, as at the token cap
                break
            cells += len(unfinished)
            self._decode([(x.last, len(x.prompt) + len(x.answer) - 1, (x.seq,), True) for x in unfinished])
            for n, x in enumerate(unfinished):
                self._take(x, n)
        self._keep(live[0].prompt[:shared])
        return [
            Reply(
                text=self.llama.detokenize(x.answer[:-1] if x.finish == "stop" else x.answer).decode("utf-8", "replace"),
                prompt_tokens=len(x.prompt),
                completion_tokens=len(x.answer) - (x.finish == "stop"),
                finish_reason=x.finish,
            )
            for x in live
        ]

    def _sampler(self, request: Request) -> GrammarLastGreedy | None:
        if request.schema is None:
            return None
        grammar = LlamaGrammar.from_json_schema(json.dumps(request.schema), verbose=False)
        return GrammarLastGreedy(self.llama, grammar, request.repeat_penalty)

    def _read_prompts(self, live: list[_Live]) -> tuple[int, int]:
        """Read every prompt into its sequence, each shared token once; sample each first token.

        Returns how many leading tokens all prompts share, and how many KV cells are in use.
        """
        shared = common_length([x.prompt for x in live])
        # A prompt read whole already still needs its last token read, for the logits after it.
        kept = min(common_length([self._kept, live[0].prompt[:shared]]), min(len(x.prompt) for x in live) - 1)
        C.llama_memory_seq_rm(self._memory, _KEPT, kept, -1)
        for seq in range(1, self.sequences + 1):  # a group that failed may have left some behind
            C.llama_memory_seq_rm(self._memory, seq, -1, -1)
        for x in live:
            C.llama_memory_seq_cp(self._memory, _KEPT, x.seq, 0, kept)
        cells = _tree(live, kept)
        self.last_read += len(cells)
        for start in range(0, len(cells), self._batch_size):
            part = cells[start : start + self._batch_size]
            self._decode([(token, pos, tuple(x.seq for x in xs), bool(ending)) for token, pos, xs, ending in part])
            for n, (_, _, _, ending) in enumerate(part):
                for x in ending:
                    self._take(x, n)
        return shared, kept + len(cells)

    def _take(self, x: _Live, n: int) -> None:
        """Sample the next token of `x` from the logits after the `n`-th token of the last decode."""
        token = x.sampler.sample(_Context(self._ctx), n) if x.sampler is not None else self._argmax(n)
        x.answer.append(token)
        x.last = token
        if C.llama_vocab_is_eog(self._vocab, token):
            x.finish = "stop"
        elif len(x.answer) >= x.max_tokens or len(x.prompt) + len(x.answer) >= self.context:
            x.finish = "length"

    def _argmax(self, n: int) -> int:
        logits = np.ctypeslib.as_array(C.llama_get_logits_ith(self._ctx, n), shape=(self.llama.n_vocab(),))
        return int(np.argmax(logits))

    def _decode(self, cells: Sequence[tuple[int, int, tuple[int, ...], bool]]) -> None:
        """One llama_decode of `cells` (token, position, sequences, whether its logits are wanted)."""
        batch = self._batch
        batch.n_tokens = len(cells)
        for n, (token, pos, seqs, logits) in enumerate(cells):
            batch.token[n], batch.pos[n], batch.logits[n] = token, pos, logits
            batch.n_seq_id[n] = len(seqs)
            for k, seq in enumerate(seqs):
                batch.seq_id[n][k] = seq
        if C.llama_decode(self._ctx, batch) != 0:
            raise RuntimeError("the model's context is full; answer fewer requests at once")

    def _keep(self, prompt: list[int]) -> None:
        """Keep the group's shared prompt in sequence 0 for the next group; free the answers."""
        first = 1
        C.llama_memory_seq_rm(self._memory, _KEPT, -1, -1)
        C.llama_memory_seq_cp(self._memory, first, _KEPT, 0, len(prompt))
        for seq in range(1, self.sequences + 1):
            C.llama_memory_seq_rm(self._memory, seq, -1, -1)
        self._kept = prompt


def _tree(live: Sequence[_Live], start: int) -> list[tuple[int, int, list[_Live], list[_Live]]]:
    """The prompts from position `start` on as a tree: one cell per distinct prefix (its last
    token, its position, the requests whose prompts begin so, those whose prompts end there), in
    order of position, so that a token's predecessors are read before it."""
    cells: list[tuple[int, int, list[_Live], list[_Live]]] = []
    index: dict[tuple[int, int], int] = {}  # (parent cell, token) -> cell
    for x in live:
        parent = -1
        for pos in range(start, len(x.prompt)):
            key = (parent, x.prompt[pos])
            if key not in index:
                index[key] = len(cells)
                cells.append((x.prompt[pos], pos, [], []))
            parent = index[key]
            cells[parent][2].append(x)
        cells[parent][3].append(x)
    return sorted(cells, key=lambda cell: cell[1])

"""Greedy decoding under a JSON grammar, in fewer and cheaper steps than llama-cpp-python's.

Two things differ from llama-cpp-python's sampling for a request decoded greedily under a
grammar (every armstrace call: temperature 0, a JSON Schema):

- llama-cpp-python runs the grammar over all 152k tokens of the vocabulary at every step,
  a third of what each token cost on 2 cores (`python bench/bench.py engine`). The grammar only has to veto what
  greedy decoding would pick: the engine offers it the top token alone, then the few
  likeliest, and the whole vocabulary only when none of those is allowed (llama.cpp's own
  server samples the same way). The token chosen is the same: the most likely one the grammar
  allows.
- The grammar allows no whitespace between JSON tokens: each space is a step that says nothing.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

import llama_cpp
import numpy as np
from llama_cpp.llama_grammar import LlamaGrammar
from llama_cpp import llama_cpp as C

# llama.cpp's llama_token_data: the candidate arrays the grammar filters.
_TOKEN_DATA = np.dtype([("id", np.int32), ("logit", np.float32), ("p", np.float32)], align=True)
# The whitespace llama-cpp-python's JSON grammars allow between tokens ("space ::= " "?"): each
# space is a decode step that says nothing, so the engine's answers are compact JSON.
_SPACE = re.compile(r"^space ::= .*$", re.MULTILINE)
# How many of the likeliest tokens are offered to the grammar before the whole vocabulary is.
_FEW = 64


def compact(rules: str) -> str:
    """A JSON grammar of llama-cpp-python's with no whitespace allowed between tokens."""
    return _SPACE.sub('space ::= ""', rules)


class GrammarLastGreedy:
    """Greedy sampling under a grammar, with llama.cpp's repeat penalty over recent answer tokens.

    Stands in for llama-cpp-python's sampler chain (`sample`, `accept`, `reset`) when the
    request is greedy; the penalty is applied the way llama.cpp's penalties sampler does.
    """

    def __init__(self, llama: llama_cpp.Llama, grammar: LlamaGrammar, repeat_penalty: float) -> None:
        self._n_vocab = llama.n_vocab()
        self._ids = np.arange(self._n_vocab, dtype=np.int32)
        rules = compact(grammar._grammar).encode("utf-8")
        self._grammar = C.llama_sampler_init_grammar(llama._model.vocab, rules, grammar._root.encode("utf-8"))
        self._penalty = repeat_penalty
        self._last_n = llama.last_n_tokens_size
        self._recent: list[int] = []

    def __del__(self) -> None:
        if getattr(self, "_grammar", None):
            C.llama_sampler_free(self._grammar)

    def _filter(self, data: np.ndarray[Any, Any]) -> int:
        """Apply the grammar to `data` in place; how many candidates it keeps."""
        array = C.llama_token_data_array(
            data=data.ctypes.data_as(ctypes.POINTER(C.llama_token_data)), size=len(data), selected=-1, sorted=False
        )
        C.llama_sampler_apply(self._grammar, ctypes.byref(array))
        return int(array.size)

    def sample(self, ctx: Any, idx: int = -1) -> int:
        """The most likely token the grammar allows at position `idx`, accepted."""
        logits = np.ctypeslib.as_array(C.llama_get_logits_ith(ctx.ctx, idx), shape=(self._n_vocab,)).copy()
        if self._penalty != 1.0:
            for token in set(self._recent[-self._last_n :]):
                value = logits[token]
                logits[token] = value * self._penalty if value <= 0 else value / self._penalty
        # The top token alone, then the top few, then the whole vocabulary: the first set that
        # holds a token the grammar allows holds the most likely one.
        for size in (1, _FEW, self._n_vocab):
            top: np.ndarray[Any, Any]
            if size == 1:
                top = np.array([np.argmax(logits)])
            else:
                top = np.argpartition(-logits, size - 1)[:size] if size < self._n_vocab else self._ids
            data: np.ndarray[Any, Any] = np.zeros(size, dtype=_TOKEN_DATA)
            data["id"], data["logit"] = top, logits[top]
            kept = data[: self._filter(data)]
            kept = kept[np.isfinite(kept["logit"])]
            if len(kept):
                token = int(kept["id"][int(np.argmax(kept["logit"]))])
                break
        else:
            raise RuntimeError("the grammar allows no token")  # llama.cpp's sampler fails the same way
        self.accept(token)
        return token

    def accept(self, token: int) -> None:
        """Advance the grammar and the penalty's window past `token`."""
        C.llama_sampler_accept(self._grammar, token)
        self._recent.append(token)

    def reset(self) -> None:
        """Start again from the grammar's root."""
        C.llama_sampler_reset(self._grammar)
        self._recent = []

"""Which requests the engine answers together: an article's calls, once they have all come.

The engine's HTTP handlers put requests in an inbox as they come; its worker takes them out a
group at a time. A group holds the requests about one text (the same messages but the last: the
instructions and the article), so that its answers depend on its own requests alone, and the
next article's calls, sent while one article's are answered, wait for a group of their own.
"""

from __future__ import annotations

import asyncio
import json
import queue
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

# How long the engine waits for more of a group once a request has come: an article's calls are
# sent at once, a few milliseconds apart, and a group started too early reads its prompt twice.
_QUIET = 0.15
# Tokens an answer is expected to take, kept free in the context for each request of a group
# (armstrace's labels take 6 to 60; one that runs out of room is cut off and asked again alone).
_ANSWER_ROOM = 64


@dataclass
class Pending:
    """A request waiting for its group, and where its reply goes."""

    request: Any  # batched.Request
    tokens: list[int]
    done: asyncio.Future[Any]
    loop: asyncio.AbstractEventLoop
    arrived: float = field(default_factory=time.monotonic)

    @cached_property
    def about(self) -> str:
        """What the request is about: its messages but the last (the instructions and the article)."""
        return json.dumps(self.request.messages[:-1], sort_keys=True)


def common_length(sequences: Sequence[Sequence[int]]) -> int:
    """How many leading tokens all `sequences` share."""
    length = min(map(len, sequences), default=0)
    for n in range(length):
        if len({s[n] for s in sequences}) > 1:
            return n
    return length


def gather(inbox: queue.Queue[Pending], waiting: list[Pending], sequences: int, context: int, held: str = "") -> list[Pending]:
    """The next group, taken out of `waiting`: the requests about the same text as the first one
    waiting, once none of them has come for a quiet spell, as many as fit in `context`.

    Requests about other texts stay waiting for their own group, whenever they came: a group's
    answers then depend on its requests alone, and an article whose calls came while another was
    answered is complete at once (they came long ago), with no quiet spell to wait.

    `held` is what the last group was about, whose tokens the engine still holds: requests about
    it that come within a quiet spell (a claim asked again once its answer was checked) go
    first, so that the text is not read again after another's.
    """
    if not waiting:
        waiting.append(inbox.get())
    _take_new(inbox, waiting)
    deadline = time.monotonic() + _QUIET
    while held and not any(p.about == held for p in waiting) and (left := deadline - time.monotonic()) > 0:
        try:
            waiting.append(inbox.get(timeout=left))
        except queue.Empty:
            break
    about = next((p.about for p in waiting if p.about == held), waiting[0].about)
    while True:
        _take_new(inbox, waiting)
        mine = [p for p in waiting if p.about == about]
        quiet = time.monotonic() - max(p.arrived for p in mine)
        if len(mine) >= sequences or quiet >= _QUIET:
            break
        try:
            waiting.append(inbox.get(timeout=_QUIET - quiet))
        except queue.Empty:
            break
    group: list[Pending] = []
    used = 0
    for pending in mine[:sequences]:
        # The cells a prompt adds are those past its longest common start with one already in.
        tokens = pending.tokens
        adds = len(tokens) - max((common_length([tokens, p.tokens]) for p in group), default=0) + _ANSWER_ROOM
        if group and used + adds > context:
            break
        used += adds
        group.append(pending)
    taken = {id(p) for p in group}
    waiting[:] = [p for p in waiting if id(p) not in taken]
    return group


def _take_new(inbox: queue.Queue[Pending], waiting: list[Pending]) -> None:
    """Move what the inbox holds to `waiting`, without waiting."""
    while True:
        try:
            waiting.append(inbox.get_nowait())
        except queue.Empty:
            return

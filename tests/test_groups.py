"""Which requests the embedded engine answers together (model/groups.py), on a real queue and clock."""

from __future__ import annotations

import asyncio
import queue
import threading
import time
from dataclasses import dataclass
from typing import Any

from armstrace.model.groups import _QUIET, Pending, gather


@dataclass
class _Chat:
    """What `gather` reads of a request: its messages."""

    messages: list[dict[str, Any]]


def _pending(article: str, item: str, loop: asyncio.AbstractEventLoop, arrived: float | None = None) -> Pending:
    chat = _Chat([{"role": "system", "content": f"Label facts.\nARTICLE:\n{article}"}, {"role": "user", "content": item}])
    tokens = [ord(c) for c in chat.messages[0]["content"] + item]
    pending = Pending(chat, tokens, loop.create_future(), loop)
    if arrived is not None:
        pending.arrived = arrived
    return pending


def test_a_group_is_one_articles_calls_and_the_next_articles_wait_for_their_own() -> None:
    loop = asyncio.new_event_loop()
    inbox: queue.Queue[Pending] = queue.Queue()
    long_ago = time.monotonic() - 10
    first = [_pending("Oslo sold radars to Lima.", f"item {n}", loop, long_ago) for n in range(3)]
    second = [_pending("Lars Berg denied it.", f"item {n}", loop, long_ago) for n in range(2)]
    for p in [first[0], second[0], first[1], second[1], first[2]]:
        inbox.put(p)
    waiting: list[Pending] = []

    started = time.monotonic()
    assert gather(inbox, waiting, sequences=32, context=8192) == first
    assert gather(inbox, waiting, sequences=32, context=8192) == second
    # Calls that came long ago are complete: no quiet spell is waited for.
    assert time.monotonic() - started < _QUIET
    assert waiting == [] and inbox.empty()
    loop.close()


def test_calls_still_coming_join_their_group_until_a_quiet_spell() -> None:
    loop = asyncio.new_event_loop()
    inbox: queue.Queue[Pending] = queue.Queue()
    calls = [_pending("Oslo sold radars to Lima.", f"item {n}", loop) for n in range(3)]
    inbox.put(calls[0])

    def later() -> None:
        for p in calls[1:]:
            time.sleep(_QUIET / 3)
            p.arrived = time.monotonic()
            inbox.put(p)

    thread = threading.Thread(target=later)
    thread.start()
    started = time.monotonic()
    group = gather(inbox, [], sequences=32, context=8192)
    thread.join()
    assert group == calls
    assert time.monotonic() - started >= _QUIET  # the last call's quiet spell was waited for
    loop.close()


def test_a_group_holds_no_more_requests_than_sequences_or_fit_in_the_context() -> None:
    loop = asyncio.new_event_loop()
    inbox: queue.Queue[Pending] = queue.Queue()
    long_ago = time.monotonic() - 10
    calls = [_pending("Oslo sold radars to Lima.", f"item number {n}", loop, long_ago) for n in range(5)]
    for p in calls:
        inbox.put(p)
    waiting: list[Pending] = []
    assert gather(inbox, waiting, sequences=2, context=8192) == calls[:2]
    # One prompt with its answer's room fits; a second adds its own item and room, and does not.
    room = len(calls[2].tokens) + 70
    assert gather(inbox, waiting, sequences=32, context=room) == calls[2:3]
    assert gather(inbox, waiting, sequences=32, context=8192) == calls[3:]
    loop.close()


def test_a_text_asked_about_again_right_after_its_group_goes_before_the_next_articles_calls() -> None:
    loop = asyncio.new_event_loop()
    inbox: queue.Queue[Pending] = queue.Queue()
    long_ago = time.monotonic() - 10
    held = _pending("Oslo sold radars to Lima.", "item 1", loop)
    following = [_pending("Lars Berg denied it.", f"item {n}", loop, long_ago) for n in range(2)]
    for p in following:
        inbox.put(p)
    again = _pending("Oslo sold radars to Lima.", "item 1, asked again", loop)

    def later() -> None:
        time.sleep(_QUIET / 3)
        again.arrived = time.monotonic()
        inbox.put(again)

    thread = threading.Thread(target=later)
    thread.start()
    waiting: list[Pending] = []
    assert gather(inbox, waiting, sequences=32, context=8192, held=held.about) == [again]
    thread.join()
    # Nothing more about the held text comes: the next article waits one quiet spell at most.
    started = time.monotonic()
    assert gather(inbox, waiting, sequences=32, context=8192, held=again.about) == following
    assert _QUIET <= time.monotonic() - started < 2 * _QUIET
    loop.close()

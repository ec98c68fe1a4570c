"""The model boundary against a real loopback HTTP server that fails on purpose."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import instructor
import pytest

from armstrace.base.errors import EndpointError, ExtractionError, TransientEndpointError
from armstrace.model.llm import ModelClient
from armstrace.base.schema import FigureLabel, labels_model
from armstrace.base.settings import Settings

from support.faultserver import Reply, completion, fault_server
from support.model import FIGURES, KEY, MESSAGES, ask, ask_with, quick_client

GOOD = {"labels": [{"counted": "containers", "measures": "shipments"}, {"counted": "drones", "measures": "deliveries"}]}


@pytest.mark.parametrize("status", [429, 500, 502, 503])
def test_a_persistent_transient_fault_is_tried_exactly_the_configured_times(status: int) -> None:
    with fault_server(Reply(status)) as server:
        with pytest.raises(TransientEndpointError) as e:
            ask(server.base_url)
    assert len(server.requests) == 3
    assert server.base_url in e.value.message


@pytest.mark.parametrize(("status", "hint"), [(401, "OPENAI_API_KEY"), (403, "OPENAI_API_KEY"), (404, "--model"), (400, "context")])
def test_a_non_retryable_fault_fails_at_once_with_what_to_do(status: int, hint: str) -> None:
    with fault_server(Reply(status)) as server:
        with pytest.raises(EndpointError) as e:
            ask(server.base_url)
    assert len(server.requests) == 1
    assert not isinstance(e.value, TransientEndpointError)
    assert hint in e.value.hint


def test_a_transient_fault_then_an_answer_succeeds() -> None:
    with fault_server(Reply(503), Reply(200, completion(GOOD))) as server:
        answer = ask(server.base_url)
    assert answer.usage.calls == 2
    assert answer.value.model_dump() == GOOD


def test_retry_after_is_honoured() -> None:
    with fault_server(Reply(429, headers={"retry-after": "1"}), Reply(200, completion(GOOD))) as server:
        started = time.monotonic()
        ask(server.base_url)
    assert time.monotonic() - started >= 0.9


def test_an_invalid_answer_is_reasked_a_bounded_number_of_times_then_fails() -> None:
    strict = labels_model(FigureLabel, 3)  # asks for three labels; the server keeps sending two
    with fault_server(Reply(200, completion(GOOD))) as server:
        with pytest.raises(ExtractionError, match="invalid JSON for") as e:
            ask_with(quick_client(server.base_url, reasks=2), strict)
    assert len(server.requests) == 3
    assert e.value.calls == 3


def test_an_answer_that_is_not_json_fails_with_a_reason() -> None:
    broken = completion(GOOD)
    broken["choices"][0]["message"]["tool_calls"][0]["function"]["arguments"] = '{"labels": [{"counted'
    with fault_server(Reply(200, broken)) as server:
        with pytest.raises(ExtractionError, match="invalid JSON"):
            ask(server.base_url, reasks=1)
    assert len(server.requests) == 2


def test_the_sdk_does_not_retry_on_its_own() -> None:
    with fault_server(Reply(500)) as server:
        with pytest.raises(TransientEndpointError):
            ask(server.base_url, attempts=1)
    assert len(server.requests) == 1


def test_the_key_goes_only_in_the_authorization_header_and_never_in_errors() -> None:
    with fault_server(Reply(401, {"error": {"message": "bad key"}})) as server:
        with pytest.raises(EndpointError) as e:
            ask(server.base_url)
    assert server.requests[0]["headers"]["authorization"] == f"Bearer {KEY}"
    assert KEY not in e.value.message + e.value.hint


def test_a_refused_connection_names_the_endpoint() -> None:
    with fault_server(Reply(200)) as server:
        url = server.base_url
    with pytest.raises(TransientEndpointError, match="cannot connect") as e:
        ask(url, attempts=2)
    assert url in e.value.message


@pytest.mark.parametrize(
    "reply",
    [Reply(200, raw=b'{"id": "x", "choices": [ {'), Reply(200, raw=b"<html>proxy error</html>"), Reply(200, raw=b'{"id": 1}', truncate=True)],
    ids=["cut-json", "html", "truncated"],
)
def test_a_broken_body_is_a_transient_fault_retried_the_configured_times(reply: Reply) -> None:
    with fault_server(reply) as server:
        with pytest.raises(TransientEndpointError) as e:
            ask(server.base_url)
    assert len(server.requests) == 3
    assert server.base_url in e.value.message


def test_a_broken_body_then_an_answer_succeeds() -> None:
    with fault_server(Reply(200, raw=b"{"), Reply(200, completion(GOOD))) as server:
        assert ask(server.base_url).value.model_dump() == GOOD


def _content_completion(arguments: dict[str, Any]) -> dict[str, Any]:
    """A chat completion whose answer is plain content, as a json_object request gets."""
    body = completion(arguments)
    body["choices"][0]["message"].update(content=json.dumps(arguments), tool_calls=None)
    body["choices"][0]["finish_reason"] = "stop"
    return body


def test_an_answer_cut_off_at_the_token_limit_is_an_extraction_error_naming_the_limit() -> None:
    body = _content_completion(GOOD)
    body["choices"][0]["finish_reason"] = "length"
    with fault_server(Reply(200, body)) as server:
        with pytest.raises(ExtractionError) as e:
            ask(server.base_url, mode="grammar")
    assert "ran out of answer tokens" in e.value.message and "--answer-tokens" in str(e.value.hint)


def test_grammar_mode_sends_the_schema_as_a_json_object_format_and_not_in_the_prompt() -> None:
    with fault_server(Reply(200, _content_completion(GOOD))) as server:
        answer = ask(server.base_url, mode="grammar")
    assert answer.value.model_dump() == GOOD
    [request] = server.requests
    body = request["body"]
    assert body["response_format"] == {"type": "json_object", "schema": FIGURES.model_json_schema()}
    assert "tools" not in body and "tool_choice" not in body
    assert body["messages"] == MESSAGES
    for message in body["messages"]:
        assert "properties" not in message["content"] and "FigureLabel" not in message["content"]


def test_grammar_mode_keeps_its_format_when_it_reasks() -> None:
    strict = labels_model(FigureLabel, 3)  # the server keeps sending two labels
    with fault_server(Reply(200, _content_completion(GOOD))) as server:
        with pytest.raises(ExtractionError):
            ask_with(quick_client(server.base_url, mode="grammar", reasks=1), strict)
    assert len(server.requests) == 2
    for request in server.requests:
        assert request["body"]["response_format"]["type"] == "json_object"


def test_auto_mode_is_grammar_for_the_embedded_server_and_tools_for_an_endpoint() -> None:
    embedded = Settings(api_key=KEY, attempts=1, timeout=5)  # no base_url: the embedded server
    endpoint = Settings(base_url="http://127.0.0.1:1/v1", api_key=KEY)
    assert embedded.mode == endpoint.mode == "auto"
    assert (embedded.resolved_mode, endpoint.resolved_mode) == ("grammar", "tools")
    assert Settings(mode="json_schema").resolved_mode == "json_schema"  # a given mode is kept
    with fault_server(Reply(200, _content_completion(GOOD))) as server:
        client = ModelClient(embedded, server.base_url, "test-model")  # as run.py starts it
        assert client._mode == instructor.Mode.JSON_SCHEMA
        assert ask_with(client, FIGURES).value.model_dump() == GOOD
    assert server.requests[0]["body"]["response_format"]["type"] == "json_object"
    other = ModelClient(endpoint, endpoint.base_url or "", "test-model")
    assert other._mode == instructor.Mode.TOOLS
    asyncio.run(other.close())

"""The one boundary between armstrace and a model endpoint.

Each kind of retry has one owner. The openai client is built with its own retries off;
tenacity retries transport faults (timeouts, refused connections, 429, 5xx) with exponential
backoff, jitter and Retry-After; instructor re-asks only when an answer fails validation.
SDK and instructor exceptions are translated into armstrace's own errors here and nowhere else.
"""

from __future__ import annotations

import email.utils
import json
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from pydantic import BaseModel, ValidationError

from ..base.errors import ArmstraceError, EndpointError, ExtractionError, TransientEndpointError
from ..base.schema import Usage
from .redact import public_url, redact, url_secrets

if TYPE_CHECKING:
    import openai
    from openai.types.chat import ChatCompletion
    from tenacity import RetryCallState

    from ..base.settings import Settings

T = TypeVar("T", bound=BaseModel)

MAX_BACKOFF = 60.0
MAX_RETRY_WINDOW = 900.0
TRANSIENT_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Answer(Generic[T]):
    """A model's valid answer to one request, and what it cost, re-asks included."""

    value: T
    usage: Usage


@dataclass
class _Meter:
    """Counts every HTTP request and its tokens, failed attempts and re-asks included."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0

    def usage(self) -> Usage:
        return Usage(
            calls=self.calls,
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
            seconds=round(self.seconds, 3),
        )


class MalformedBody(Exception):
    """The endpoint answered 2xx with a body that is not JSON (cut off, or an HTML page)."""


def retry_after_seconds(error: BaseException) -> float | None:
    """Seconds the server asked us to wait (Retry-After, in seconds or as a date), if any."""
    response = getattr(error, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        moment = email.utils.parsedate_to_datetime(value)
        return max(0.0, moment.timestamp() - time.time())


def is_transient(error: BaseException) -> bool:
    """Whether retrying the same request may succeed."""
    import openai

    if isinstance(error, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    if isinstance(error, openai.APIStatusError):
        return error.status_code in TRANSIENT_STATUS
    return isinstance(error, (openai.APIResponseValidationError, MalformedBody))


def backoff(initial: float) -> Callable[[RetryCallState], float]:
    """Exponential backoff with jitter, or the server's Retry-After when it sends one."""
    from tenacity import wait_exponential_jitter

    exponential = wait_exponential_jitter(multiplier=initial, max=MAX_BACKOFF, jitter=initial)

    def wait(state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        asked = retry_after_seconds(error) if error else None
        if asked is not None:
            return min(asked, MAX_BACKOFF)
        return float(exponential(state))

    return wait


def endpoint_error(error: BaseException, endpoint: str, model: str, secrets: Sequence[str | None] = ()) -> EndpointError:
    """A user-facing error for a failed request to `endpoint`, with `secrets` blanked out.

    `endpoint` must already be fit to show (`public_url`); what the server said may quote
    the key, and is redacted.
    """
    import openai

    if isinstance(error, openai.APIStatusError):
        status = error.status_code
        detail = redact(_server_message(error), secrets)
        if status in (401, 403):
            return EndpointError(
                f"{endpoint} refused the request ({status}): {detail}",
                "check OPENAI_API_KEY for this endpoint",
            )
        if status == 404:
            return EndpointError(
                f"{endpoint} has no model '{model}' ({status}): {detail}",
                "set --model / ARMSTRACE_MODEL to a model the endpoint serves",
            )
        if status in TRANSIENT_STATUS:
            return TransientEndpointError(
                f"{endpoint} kept failing ({status}): {detail}",
                "the endpoint is overloaded or down; run the same command again later "
                "(finished articles are cached)",
            )
        return EndpointError(
            f"{endpoint} rejected the request ({status}): {detail}",
            "if the article is longer than the model's context, use a model with a larger one",
        )
    if isinstance(error, openai.APITimeoutError):
        return TransientEndpointError(
            f"{endpoint} did not answer in time", "raise --timeout, or run again later"
        )
    # By name: the SDK's HTTP library is httpx or its fork httpx2, depending on the version.
    if isinstance(error, openai.APIConnectionError) and type(error.__cause__).__name__ == "RemoteProtocolError":
        return TransientEndpointError(
            f"{endpoint} closed the connection before its answer was complete",
            "the server may have crashed or restarted mid-answer; run the same command again "
            "(finished articles are cached)",
        )
    if isinstance(error, openai.APIConnectionError):
        return TransientEndpointError(
            f"cannot connect to {endpoint}",
            "check that the server is running and --base-url / ARMSTRACE_BASE_URL is right",
        )
    return TransientEndpointError(f"{endpoint} sent an answer that could not be read: {redact(str(error), secrets)}")


def _server_message(error: openai.APIStatusError) -> str:
    body = error.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        message = inner.get("message") if isinstance(inner, dict) else inner
        if message:
            return str(message).splitlines()[0][:200]
    return str(error.message).splitlines()[0][:200]


def as_grammar(request: dict[str, Any]) -> dict[str, Any]:
    """`request` with a json_schema response_format rewritten as a schema'd json_object.

    llama-cpp-python's server answers json_schema with HTTP 500, but decodes a json_object
    request that carries a schema under a grammar made from it, and keeps the schema out of
    the prompt (tool calls put it there, after the article, breaking prefix reuse).
    """
    response_format = request.get("response_format")
    if not isinstance(response_format, dict) or response_format.get("type") != "json_schema":
        return request
    schema = response_format["json_schema"]["schema"]
    return {**request, "response_format": {"type": "json_object", "schema": schema}}


class ModelClient:
    """Structured calls to one OpenAI-compatible endpoint, several at once if asked.

    The client is asynchronous so that one process can keep a batching server (vLLM, OpenAI,
    llama.cpp with parallel slots) busy; `run` decides how many requests are in flight.
    """

    def __init__(self, settings: Settings, base_url: str, model: str) -> None:
        import openai

        # instructor logs every failed attempt at ERROR; armstrace reports failures itself,
        # so keep those lines off the user's terminal unless logging is configured.
        logging.getLogger("instructor").addHandler(logging.NullHandler())
        self.settings = settings
        self.base_url = public_url(base_url)  # for messages: no credentials
        self.model = model
        api_key = settings.api_key.get_secret_value() if settings.api_key else "not-needed"
        self._secrets = [api_key, *url_secrets(base_url)]
        # max_retries=0: tenacity below owns transport retries; the SDK must not add its own.
        self._client = openai.AsyncOpenAI(
            base_url=base_url, api_key=api_key, max_retries=0, timeout=settings.timeout
        )
        self._mode = self._instructor_mode()

    def _instructor_mode(self) -> Any:
        import instructor

        modes = {
            "tools": instructor.Mode.TOOLS,
            "json_schema": instructor.Mode.JSON_SCHEMA,
            "json": instructor.Mode.JSON,
            # JSON_SCHEMA leaves the messages alone; `as_grammar` then rewrites its
            # response_format into the form llama-cpp-python's server accepts.
            "grammar": instructor.Mode.JSON_SCHEMA,
        }
        return modes[self.settings.resolved_mode]

    async def close(self) -> None:
        """Close the HTTP connections."""
        await self._client.close()

    async def _send(self, meter: _Meter, **kwargs: Any) -> ChatCompletion:
        """One logical request: tenacity retries transient faults, nothing else does."""
        from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, stop_after_delay

        retrying = AsyncRetrying(
            stop=stop_after_attempt(self.settings.attempts) | stop_after_delay(MAX_RETRY_WINDOW),
            wait=backoff(self.settings.backoff),
            retry=retry_if_exception(is_transient),
            reraise=True,
        )
        async for attempt in retrying:
            with attempt:
                started = time.monotonic()
                meter.calls += 1
                try:
                    response: ChatCompletion = await self._client.chat.completions.create(**kwargs)
                except json.JSONDecodeError as e:
                    # Not ValueError: instructor must not mistake a broken body for a bad answer.
                    raise MalformedBody(str(e)) from None
                finally:
                    meter.seconds += time.monotonic() - started
                if response.usage is not None:
                    meter.prompt_tokens += response.usage.prompt_tokens
                    meter.completion_tokens += response.usage.completion_tokens
                return response
        raise AssertionError("unreachable: tenacity re-raises the last error")

    async def ask(self, messages: list[dict[str, str]], response_model: type[T]) -> Answer[T]:
        """Ask for `response_model`, re-asking on validation errors; ExtractionError once they run out."""
        import instructor
        from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

        meter = _Meter()

        grammar = self.settings.resolved_mode == "grammar"

        async def send(**kwargs: Any) -> ChatCompletion:
            return await self._send(meter, **(as_grammar(kwargs) if grammar else kwargs))

        create = instructor.patch(create=send, mode=self._mode)
        try:
            value: T = await cast(Callable[..., Awaitable[T]], create)(
                response_model=response_model,
                messages=messages,
                model=self.model,
                max_retries=self.settings.reasks,
                temperature=self.settings.temperature,
                max_tokens=self.settings.answer_tokens,
                seed=self.settings.seed,
            )
        except IncompleteOutputException:
            raise _spent(
                ExtractionError(
                    f"{self.base_url} ran out of answer tokens ({self.settings.answer_tokens}) for {response_model.__name__}",
                    "raise --answer-tokens, or try another --model",
                ),
                meter,
            ) from None
        except InstructorRetryException as e:
            cause = e.__cause__
            if cause is not None and not isinstance(cause, (ValidationError, ValueError)):
                raise _spent(endpoint_error(cause, self.base_url, self.model, self._secrets), meter) from None
            raise _spent(
                ExtractionError(
                    f"{self.base_url} kept answering with invalid JSON for {response_model.__name__}",
                    "raise --answer-tokens if answers are cut off, or try another --model",
                ),
                meter,
            ) from None
        return Answer(value=value, usage=meter.usage())


E = TypeVar("E", bound=ArmstraceError)


def _spent(error: E, meter: _Meter) -> E:
    """`error`, knowing how many requests were made before it."""
    error.calls = meter.calls
    return error

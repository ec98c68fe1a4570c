"""One settings object, read in one place.

Precedence: a command-line flag, then the environment, then the default. The command line
passes only the flags a user actually gave; everything else is looked up here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from .errors import ConfigError

EMBEDDED_MODEL = "qwen2.5-coder-1.5b-instruct"
OPENAI_BASE_URL = "https://api.openai.com/v1"
DEFAULT_PROMPT = "extract.v2.md"

InstructorMode = Literal["auto", "tools", "json_schema", "json", "grammar"]
ResolvedMode = Literal["tools", "json_schema", "json", "grammar"]
Strategy = Literal["auto", "single-pass", "multi-pass"]
ResolvedStrategy = Literal["single-pass", "multi-pass"]

# Models up to this size (billions of parameters) copy one label down a list, so "auto" gives
# them one call per batch; larger and API models label a whole list well in one call.
MULTI_PASS_MAX_BILLIONS = 14.0
# A size in a model id: "1.5b", "8B", "qwen2.5:7b", "smollm-360m"; not "a3b" (active
# parameters of a mixture) nor the "2.5" of "qwen2.5".
_MODEL_SIZE = re.compile(r"(?<![a-z0-9.])(\d+(?:\.\d+)?)([bm])(?![a-z0-9])", re.IGNORECASE)

# Environment variables, in order of preference, for each setting that has one.
ENVIRONMENT: dict[str, tuple[str, ...]] = {
    "base_url": ("ARMSTRACE_BASE_URL", "OPENAI_BASE_URL"),
    "model": ("ARMSTRACE_MODEL",),
    "api_key": ("OPENAI_API_KEY",),
    "cache_dir": ("ARMSTRACE_CACHE_DIR",),
    "models_dir": ("ARMSTRACE_MODELS_DIR",),
    "mode": ("ARMSTRACE_MODE",),
    "strategy": ("ARMSTRACE_STRATEGY",),
    "gazetteer": ("ARMSTRACE_GAZETTEER",),
    "timeout": ("ARMSTRACE_TIMEOUT",),
    "concurrency": ("ARMSTRACE_CONCURRENCY",),
}


def _user_cache(name: str) -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("armstrace")) / name


def _default_cache_dir() -> Path:
    return _user_cache("extractions")


def _default_models_dir() -> Path:
    return _user_cache("models")


def packaged_prompt(name: str = DEFAULT_PROMPT) -> Path:
    """A prompt file shipped inside the package (package data, found wherever it is installed)."""
    from importlib.resources import files

    resource = files("armstrace") / "prompts" / name
    # Installed from a wheel or a clone, the package is a folder, so the resource is a real
    # file whose path goes into provenance and can be handed to --baseline; a zipped install
    # would have none to give.
    if not isinstance(resource, Path) or not resource.is_file():
        raise ConfigError(
            f"the packaged prompt {name} is missing from {files('armstrace')}",
            "reinstall armstrace, or pass --prompt FILE",
        )
    return resource


def model_billions(model: str) -> float | None:
    """The parameter count (in billions) a model id names, if it names one."""
    if (match := _MODEL_SIZE.search(model)) is None:
        return None
    number = float(match.group(1))
    return number if match.group(2).lower() == "b" else number / 1000


class Settings(BaseModel):
    """Everything that decides where requests go and how an extraction is made."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    base_url: str | None = Field(
        default=None,
        description="OpenAI-compatible endpoint; 'openai' means api.openai.com. "
        "None starts the embedded llama.cpp server.",
    )
    model: str | None = Field(default=None, description="Model id; the endpoint's default if None.")
    api_key: SecretStr | None = None
    cache_dir: Path = Field(default_factory=_default_cache_dir, description="Cached answers.")
    models_dir: Path = Field(
        default_factory=_default_models_dir, description="Assembled embedded model weights."
    )
    use_cache: bool = Field(default=True, description="Read answers from the cache.")
    refresh: bool = Field(default=False, description="Ignore cached answers, store new ones.")
    prompt: Path = Field(default_factory=packaged_prompt, description="The prompt file.")
    gazetteer: Path | None = Field(
        default=None, description="A user gazetteer extending the packaged one."
    )
    mode: InstructorMode = "auto"
    temperature: float = Field(default=0.0, ge=0, le=2)
    answer_tokens: int = Field(default=1024, gt=0, description="Cap on completion tokens per call.")
    seed: int = 0
    timeout: float = Field(default=600.0, gt=0, description="Seconds one HTTP request may take.")
    attempts: int = Field(default=4, ge=1, description="Tries per request on transient faults.")
    backoff: float = Field(default=1.0, ge=0, description="First wait (s) before a retry; doubles.")
    reasks: int = Field(default=1, ge=0, description="Re-asks after an invalid answer.")
    strategy: Strategy = Field(
        default="auto", description="multi-pass: `batch` candidates per call; single-pass: all of "
        "a field's candidates in a window in one call. auto: multi-pass for the embedded server "
        f"and models of at most {MULTI_PASS_MAX_BILLIONS:g}B parameters, single-pass otherwise.",
    )
    batch: int = Field(
        default=1, ge=1, le=32, description="Candidates labelled per model call."
    )
    window: int = Field(
        default=12_000, ge=1000, description="Characters of article shown per call; longer "
        "articles are cut into overlapping windows at paragraph boundaries.",
    )
    max_chars: int | None = Field(
        default=100_000, ge=1, description="Longer articles are rejected: calls grow with length "
        "(a news article is a few thousand characters; 100,000 is a short book's chapter). None: no limit.",
    )
    threads: int = Field(default=2, ge=1, description="CPU threads for the embedded server.")
    context: int = Field(default=8192, ge=1024, description="Context window of the embedded server.")
    concurrency: int | None = Field(
        default=None, ge=1, le=512, description="Articles extracted at once. None: 2 for the embedded "
        "engine (the next article's calls wait while one article's are answered, so the engine never "
        "waits for the client), 8 for other endpoints.",
    )
    together: bool | None = Field(
        default=None, description="Send an article's calls at once, for a server that answers them "
        "as one group (armstrace's engine). None: at once to the embedded engine, one at a time "
        "and in order to any other endpoint (its prompt cache then reuses the article's tokens).",
    )
    token_budget: int | None = Field(
        default=None, gt=0, description="Stop starting articles once the run has used this many "
        "tokens (prompt + completion).",
    )

    @property
    def embedded(self) -> bool:
        """True when armstrace must start its own llama.cpp server."""
        return self.base_url is None

    @property
    def resolved_base_url(self) -> str | None:
        """The endpoint URL with the 'openai' shorthand expanded."""
        if self.base_url == "openai":
            return OPENAI_BASE_URL
        return self.base_url

    def generation(self) -> dict[str, float | int]:
        """The settings that change a model's answer, as sent with every call."""
        return {"temperature": self.temperature, "max_tokens": self.answer_tokens, "seed": self.seed}

    @property
    def calls_together(self) -> bool:
        """Whether an article's calls are sent at once."""
        return self.embedded if self.together is None else self.together

    @property
    def in_flight(self) -> int:
        """How many articles are extracted at once."""
        if self.concurrency is not None:
            return self.concurrency
        return 2 if self.embedded else 8

    @property
    def resolved_mode(self) -> ResolvedMode:
        """The instructor mode "auto" stands for with this endpoint."""
        if self.mode != "auto":
            return self.mode
        # The embedded engine, like llama-cpp-python's server, decodes a json_object request
        # under a grammar made from its schema without adding a prompt token (tools would put the
        # schema in the prompt, after the article). OpenAI, vLLM and Ollama decode
        # a forced tool call under the schema; llama.cpp's llama-server needs json_schema.
        return "grammar" if self.embedded else "tools"

    def resolved_strategy(self, model: str) -> ResolvedStrategy:
        """What "auto" strategy stands for with `model` (the model id calls are made with)."""
        if self.strategy != "auto":
            return self.strategy
        if self.embedded:
            return "multi-pass"
        size = model_billions(model)
        return "multi-pass" if size is not None and size <= MULTI_PASS_MAX_BILLIONS else "single-pass"

    def call_plan(self, model: str) -> dict[str, int | str]:
        """The settings that change how an article is cut into calls, "auto" resolved.

        Resolved, so that the same calls share a cache key whether "auto" or its value was given.
        """
        return {
            "mode": self.resolved_mode,
            "strategy": self.resolved_strategy(model),
            "reasks": self.reasks,
            "batch": self.batch,
            "window": self.window,
        }


def load_settings(
    flags: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """Build settings from flags (those given, not None) over the environment over defaults."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for name, variables in ENVIRONMENT.items():
        for variable in variables:
            if env.get(variable):
                values[name] = env[variable]
                break
    values.update({k: v for k, v in (flags or {}).items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as e:
        error = e.errors()[0]
        name = ".".join(str(part) for part in error["loc"])
        raise ConfigError(
            f"setting '{name}' is invalid: {error['msg']}",
            "check the flag or the environment variable "
            + " / ".join(ENVIRONMENT.get(name, (f"--{name.replace('_', '-')}",))),
        ) from None

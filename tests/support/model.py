"""Asking the model client one question (two figures' labels) against a scripted endpoint."""

from __future__ import annotations

import asyncio
from typing import TypeVar

from pydantic import BaseModel

from armstrace.base.schema import FigureLabel, labels_model
from armstrace.base.settings import Settings
from armstrace.model.llm import Answer, ModelClient

# Planted in every request: a test asserts it never reaches a message or a file.
KEY = "sk-armstrace-PLANTED-key-0123456789"
FIGURES = labels_model(FigureLabel, 2)
MESSAGES = [{"role": "system", "content": "article"}, {"role": "user", "content": "1. 1.000"}]

T = TypeVar("T", bound=BaseModel)


def quick_client(base_url: str, **changes: object) -> ModelClient:
    """A client of `base_url` that gives up quickly; `changes` override its settings."""
    values: dict[str, object] = {"attempts": 3, "backoff": 0.01, "timeout": 5, **changes}
    settings = Settings(base_url=base_url, model="test-model", api_key=KEY, **values)  # type: ignore[arg-type]
    return ModelClient(settings, base_url, "test-model")


def ask_with(model_client: ModelClient, model: type[T]) -> Answer[T]:
    """Ask `MESSAGES` for `model` once, and close the client."""

    async def ask() -> Answer[T]:
        try:
            return await model_client.ask(MESSAGES, model)
        finally:
            await model_client.close()

    return asyncio.run(ask())


def ask(base_url: str, **changes: object) -> Answer[BaseModel]:
    """Ask `base_url` for the figures' labels with a quickly giving-up client."""
    return ask_with(quick_client(base_url, **changes), FIGURES)

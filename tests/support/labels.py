"""The labels a scripted model endpoint answers with, one per label class."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .faultserver import Reply, labeller

# A plausible answer for an article about Iranian drones for Russia (test_faults' ARTICLE).
LABELS: dict[str, dict[str, Any]] = {
    "ActorLabel": {"kind": "person", "name": "John Kirby", "country": "", "role": ""},
    "WeaponLabel": {"supplier": "Iran", "recipient": "Russia", "status": "delivered"},
    "FigureLabel": {"counted": "drones", "measures": "shipment"},
    "ClaimLabel": {"speaker": "John Kirby", "content": ""},
    "ContentLabel": {"content": ""},
}  # fmt: skip


def answering(labels: Mapping[str, dict[str, Any]] = LABELS, delay: float = 0.0) -> Reply:
    """A reply that answers every labels request with `labels`, after `delay` seconds."""
    return Reply(answer=labeller(lambda tool: labels[tool]), delay=delay)

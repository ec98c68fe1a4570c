"""Secrets out of every text armstrace prints or stores.

A server may echo the key in an error body, and a base URL may carry credentials
(`http://user:KEY@host/v1`); both would otherwise reach stderr, run.json, provenance and
cache entries. Everything that names an endpoint or quotes one goes through here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from ..base.settings import Settings

HIDDEN = "***"
# Shapes of keys and tokens whatever the key in use: bearer tokens, OpenAI-style `sk-` keys,
# and the user-info part of any URL.
_PATTERNS = (
    re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]+"),
    re.compile(r"\bsk-[A-Za-z0-9_-]{6,}"),
    re.compile(r"(?<=://)[^/\s@:]*:?[^/\s@]*@"),
)


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` with every given secret and every key-shaped token replaced by ***."""
    for secret in secrets:
        if secret and len(secret) >= 4:  # a 1-3 character "secret" would blank ordinary words
            text = text.replace(secret, HIDDEN)
    text = _PATTERNS[0].sub(lambda m: f"{m.group(1)} {HIDDEN}", text)
    text = _PATTERNS[1].sub(HIDDEN, text)
    return _PATTERNS[2].sub(f"{HIDDEN}@", text)


def url_secrets(url: str | None) -> list[str]:
    """The user name and password a URL carries, if any."""
    if not url:
        return []
    parts = urlsplit(url)
    return [s for s in (parts.username, parts.password) if s]


def public_url(url: str) -> str:
    """`url` without its user-info: what may be shown and stored."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def settings_secrets(settings: Settings) -> list[str]:
    """The key and the base URL's credentials that `settings` carry."""
    key = settings.api_key.get_secret_value() if settings.api_key else None
    return [s for s in (key, *url_secrets(settings.resolved_base_url)) if s]

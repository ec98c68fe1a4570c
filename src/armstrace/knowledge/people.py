"""How a story calls a person it has named by one word alone."""

from __future__ import annotations

from .cues import Cues


def family_name(name: str, cues: Cues) -> str | None:
    """The word a story calls a person by alone: the last of the name ("Lammy" of "David Lammy"),
    or the first where the family name comes first: before a hyphenated given name ("Hong" of
    "Hong Jang-won"), or one the cues' [family_first] list opens names with ("Ri" of "Ri Il Gyu",
    "Pham" of "Pham Thu Hang"). None for a single word or a name not all in capitals."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    if len(words[0]) > 1 and ((len(words) == 2 and "-" in words[1]) or words[0].lower() in cues.family_first):
        return words[0]
    return words[-1] if len(words[-1]) > 2 else None

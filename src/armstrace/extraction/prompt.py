"""Prompts are versioned files; this module reads and renders them.

A prompt file is Markdown with a front matter block (name, version, variables) and one `## `
section per part: `system` (shared by every call, and holding the article), one section per
field, which shows the model the field's numbered candidates, an optional `translation`,
which asks again for a claim whose English the evidence did not bear out, and an optional
`retranslation`, which asks once more, with the clause alone, when the translation failed too. The article goes in the
system message and the field's instruction comes last, so that a server with a prompt cache
(llama.cpp) reuses the article's tokens across the calls one article needs.

Rendering is strict (a declared variable left unfilled, or an undeclared one used, is an error
before any call) and the article text is substituted once, never parsed as a template itself.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING

from ..base.errors import ConfigError
from ..base.schema import FIELDS, Field_

if TYPE_CHECKING:
    from .spans import Candidate

_SECTION = re.compile(r"^## +(\w+) *$", re.MULTILINE)
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@dataclass(frozen=True)
class PromptFile:
    """A parsed prompt file."""

    path: Path
    name: str
    version: str
    variables: frozenset[str]
    sections: dict[str, str]
    sha256: str

    @property
    def label(self) -> str:
        """The name and version users see, e.g. 'extract.v2'."""
        return f"{self.name}.v{self.version}"


@dataclass(frozen=True)
class Messages:
    """The chat messages of one call."""

    system: str
    user: str

    def as_list(self) -> list[dict[str, str]]:
        """The messages in the OpenAI chat format."""
        return [{"role": "system", "content": self.system}, {"role": "user", "content": self.user}]


def _front_matter(text: str, path: Path) -> tuple[dict[str, str], str]:
    """The front matter's key-value pairs, and the text after it."""
    match = _FRONT.match(text)
    if not match:
        raise ConfigError(
            f"{path}: no front matter", "start the prompt file with a '---' block (name, version)"
        )
    pairs = (line.split(":", 1) for line in match.group(1).splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}, text[match.end() :]


def _sections(text: str) -> dict[str, str]:
    pieces = _SECTION.split(text)
    return {pieces[i]: pieces[i + 1].strip() for i in range(1, len(pieces) - 1, 2)}


def _used_variables(template: str) -> set[str]:
    return {
        m.group("named") or m.group("braced")
        for m in Template.pattern.finditer(template)
        if m.group("named") or m.group("braced")
    }


def load_prompt(path: Path) -> PromptFile:
    """Read and check a prompt file: every section present, variables as declared."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(f"{path}: cannot read prompt file ({e.strerror})", "pass --prompt FILE") from None
    text = raw.decode("utf-8")
    front, body = _front_matter(text, path)
    sections = _sections(body)
    missing = [s for s in ("system", *FIELDS) if s not in sections]
    if missing:
        raise ConfigError(f"{path}: missing section(s) {', '.join(missing)}", "add a '## name' section for each")
    declared = frozenset(v.strip() for v in front.get("variables", "").split(",") if v.strip())
    used = set().union(*(_used_variables(body) for body in sections.values()))
    if used != declared:
        raise ConfigError(
            f"{path}: variables used {sorted(used)} differ from declared {sorted(declared)}",
            "make the front matter's 'variables' list what the sections use",
        )
    return PromptFile(
        path=path,
        name=front.get("name", path.stem),
        version=front.get("version", "0"),
        variables=declared,
        sections=sections,
        sha256=hashlib.sha256(raw).hexdigest(),
    )


def render(prompt: PromptFile, field: Field_, **variables: str) -> Messages:
    """The messages asking for one field, with the variables filled in."""
    return _rendered(prompt, field, variables)


def _rendered(prompt: PromptFile, section: str, variables: dict[str, str]) -> Messages:
    """The system section and `section` as the user's message, with the variables filled in."""
    _check_variables(prompt, ("system", section), variables)
    system = Template(prompt.sections["system"]).substitute(variables)
    user = Template(prompt.sections[section]).substitute(variables)
    return Messages(system=system, user=user)


def ask_for_translation(prompt: PromptFile, messages: list[dict[str, str]], clause: str) -> list[dict[str, str]] | None:
    """A claim's call asked once more, for the English of its clause: the prompt's `translation`
    section after the item (None when the prompt has none). The messages before the last are
    the call's own, so the server reuses the article it has just read."""
    if "translation" not in prompt.sections:
        return None
    _check_variables(prompt, ("translation",), {"clause": clause})
    note = Template(prompt.sections["translation"]).substitute(clause=clause)
    return [*messages[:-1], {**messages[-1], "content": f"{messages[-1]['content']}\n{note}"}]


def ask_again(prompt: PromptFile, clause: str, fault: str) -> list[dict[str, str]] | None:
    """The messages asking for the English of a claim's clause once more, told what was wrong
    with the first answer: the clause alone as the article, the prompt's `retranslation`
    section as the item (None when the prompt has none). Shown its article, the small model
    translates the whole sentence, or names what another clause names; told so after its
    answer, it writes the same answer again."""
    if "retranslation" not in prompt.sections:
        return None
    return _rendered(prompt, "retranslation", {"article": clause, "fault": fault}).as_list()


def _check_variables(prompt: PromptFile, sections: Sequence[str], variables: dict[str, str]) -> None:
    needed = set().union(*(_used_variables(prompt.sections[s]) for s in sections))
    if set(variables) != needed:
        raise ConfigError(f"{prompt.path}: rendering needs {sorted(needed)}, got {sorted(variables)}")


def format_items(candidates: Sequence[Candidate]) -> str:
    """The numbered list of candidates a field's prompt shows the model.

    Each item shows its sentence first, then what code found in it (the materiel words, the
    number, the reporting words): calls about one sentence then share a prefix. Names are
    shown alone.
    """
    found = {"weapons": "Materiel", "figures": "Number", "claims": "Reporting words"}
    lines = []
    for n, c in enumerate(candidates, 1):
        if c.field == "actors":
            lines.append(f"{n}. Name: {c.span.text}")
        else:
            words = f"«{c.span.text}»" if c.span.text else "(the quotation continues the previous one)"
            lines.append(f"{n}. Sentence: {c.sentence.text}\n   {found[c.field]}: {words}")
    return "\n".join(lines)

"""Highlights: an article's text, escaped, with one <mark> per item built from its offsets.

Never by searching the text in the browser: the offsets say where each item is, and the text
is escaped like any other value, so markup in an article stays text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..base.schema import Field_

# Nesting order of items with the same span: sentences outside, names and numbers inside.
_RANK: dict[Field_, int] = {"claims": 0, "weapons": 1, "figures": 2, "actors": 3}


@dataclass(frozen=True)
class Span:
    """A stretch of text to highlight as one item; `more` for a further piece of it (a weapon's party)."""

    start: int
    end: int
    id: str
    field: Field_
    title: str
    more: bool = False


def _open(span: Span, first: bool) -> str:
    classes = f"hl hl-{span.field}"
    if first:
        return (
            f'<mark class="{classes}" data-item="{escape(span.id)}" data-field="{span.field}" '
            f'tabindex="0" title="{escape(span.title)}">'
        )
    # The rest of an item cut by a crossing item: drawn the same, but not a second item.
    return f'<mark class="{classes} hl-cont" data-cont="{escape(span.id)}">'


def _text(text: str) -> str:
    # A carriage return written literally would become a line feed in the browser and shift
    # every offset after it; as a character reference it stays one character.
    return str(escape(text)).replace("\r", "&#13;")


def highlight(text: str, spans: Sequence[Span]) -> Markup:
    """`text` escaped, with one <mark data-item> per span, nested where spans overlap.

    Spans that cross (one starts inside another and ends after it) cannot nest: the inner
    one is closed at the outer one's end and continued in a <mark data-cont> element, so
    each span still has exactly one element that carries its id.
    """
    starts: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        starts[span.start].append(span)
    boundaries = sorted({s.start for s in spans} | {s.end for s in spans})
    out: list[str] = []
    stack: list[Span] = []
    pos = 0
    for at in boundaries:
        out.append(_text(text[pos:at]))
        pos = at
        reopen: list[Span] = []
        ending = [i for i, s in enumerate(stack) if s.end == at]
        if ending:
            cut = ending[0]
            reopen = [s for s in stack[cut:] if s.end != at]
            out.append("</mark>" * (len(stack) - cut))
            del stack[cut:]
        for span in sorted(reopen + starts.get(at, []), key=lambda s: (-s.end, _RANK[s.field])):
            out.append(_open(span, first=span not in reopen and not span.more))
            stack.append(span)
    out.append(_text(text[pos:]))
    return Markup("".join(out))

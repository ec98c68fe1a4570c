"""An interview's answers: what the person interviewed says, sentence by sentence.

Printed as questions and answers ("—¿Qué volumen …?" then "—Según nuestros datos, …", or
"Q: …" then "A: …"), an interview attributes its answers by their place, not by a reporting
verb: every sentence of an answer is a statement of the person the article introduces before
the first question, unless the sentence names another speaker itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.fold import normalise
from .spans import Span

# A line that asks: a dash and a question ("—¿Qué …?", "—Irán sostiene que … ¿Qué responde?"),
# or "Q:"/"P:"; one that answers: a dash and no question, or "A:"/"R:".
_QUESTION = re.compile(r"(?m)^[ \t]*(?:[—–-][^\n]*\?[ \t]*$|(?:Q|P|Pregunta)[:.][ \t])")
_ANSWER = re.compile(r"(?m)^[ \t]*(?:[—–-](?![^\n]*\?[ \t]*$)[ \t]*\S|(?:A|R|Respuesta)[:.][ \t])")
# So many questions make an article an interview; one dash may open a quoted line of a story.
_LEAST_QUESTIONS = 2


def answer_lines(article: str) -> list[tuple[int, int]]:
    """Where each answer line of an interview starts and ends; none if the article is no interview."""
    if len(_QUESTION.findall(article)) < _LEAST_QUESTIONS:
        return []
    return [(m.start(), _line_end(article, m.start())) for m in _ANSWER.finditer(article)]


def first_question(article: str) -> int:
    """Where the interview's first question starts (the article's end if it has none)."""
    found = _QUESTION.search(article)
    return found.start() if found is not None else len(article)


def interviewee(names: Sequence[Span], people: set[str], others: set[str], article: str) -> Span | None:
    """The first person the article names before its first question: who answers.

    `people` and `others`: the names of the article's people and of its other actors the
    gazetteer knows, folded; a name of two words or more it does not know may be a person's.
    """
    asked = [n for n in names if n.end <= first_question(article)]
    known = next((n for n in asked if normalise(n.text) in people), None)
    return known or next((n for n in asked if len(n.text.split()) > 1 and normalise(n.text) not in others), None)


def in_answer(at: int, answers: Sequence[tuple[int, int]]) -> bool:
    """Whether the offset `at` is inside one of the answer lines."""
    return any(start <= at < end for start, end in answers)


def _line_end(article: str, start: int) -> int:
    end = article.find("\n", start)
    return len(article) if end < 0 else end

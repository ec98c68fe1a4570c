"""A statement that only points back ("calificó de propaganda esas informaciones") takes the
English content of the one statement before it, where the model could not write it out."""

from __future__ import annotations

import pytest

from armstrace.base.schema import Claim, Evidence
from armstrace.extraction.antecedents import antecedent_contents
from armstrace.knowledge.cues import load_cues

CUES = load_cues()


def _claim(article: str, sentence: str, speaker: str, stance: str, content: str = "") -> Claim:
    start = article.index(sentence)
    evidence = Evidence(quote=sentence, start=start, end=start + len(sentence), alignment="exact", score=1.0)
    english = bool(content)
    return Claim(speaker=speaker, stance=stance, content=content or sentence, clause=sentence, content_from="model" if english else "clause", evidence=evidence)  # type: ignore[arg-type]


REPORT = "El diario NTB publicó que Noruega vendió fusiles a Chile."
ANALYST = "Un analista, Erik Dahl, afirmó que hubo 40 envíos."


@pytest.mark.parametrize(
    ("before", "dismissal", "content"),
    [
        # one statement before: what the dismissal denies
        ([(REPORT, "NTB", "Norway sold rifles to Chile.")], "La embajada de Chile calificó de «pura propaganda» esas informaciones.", "Norway sold rifles to Chile."),
        # two speakers before: code cannot tell which was dismissed, the clause stays
        ([(REPORT, "NTB", "Norway sold rifles to Chile."), (ANALYST, "Erik Dahl", "There were 40 shipments.")],
         "La embajada de Chile calificó de «pura propaganda» esas informaciones.", None),
        # pointing words that say whose statement they mean may mean one further back
        ([(REPORT, "NTB", "Norway sold rifles to Chile.")], "La embajada de Chile calificó de «pura propaganda» el relato noruego.", None),
    ],
)  # fmt: skip
def test_a_dismissal_left_in_spanish_denies_the_one_statement_before_it(
    before: list[tuple[str, str, str]], dismissal: str, content: str | None
) -> None:
    article = " ".join([*(s for s, _, _ in before), dismissal])
    claims = [_claim(article, s, speaker, "asserted", english) for s, speaker, english in before]
    claims.append(_claim(article, dismissal, "Chilean embassy", "denied"))
    last = antecedent_contents(claims, article, CUES)[-1]
    assert (last.content, last.content_from) == ((content, "antecedent") if content else (dismissal, "clause"))

"""Telling English from Spanish by function words."""

import pytest

from armstrace.text.language import is_english


@pytest.mark.parametrize(
    "text",
    [
        "Norway sold fewer rifles than expected.",
        "Chile can build the radar on its own.",
        "They denied it.",
        "The minister said the talks would go on.",
        "Oslo-3 launched Norsat satellite.",  # no function word: the participle tells
        "baseless allegations",  # nor here: -less and -tions
        "Chilean radars detect 10 Norwegian drones daily.",  # -ly
    ],
)
def test_english_sentences_without_an_article_read_as_english(text: str) -> None:
    assert is_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "Noruega vendió menos fusiles de lo esperado.",
        "Chile puede construir el radar por su cuenta.",
        "Lo negaron.",
        "El ministro dijo que las conversaciones seguirían.",
        "Como usted sabe.",
        "Radares noruegos, dijo usted.",
        "operación especial",  # no function word: the accent tells
        "rápidamente",
        "Oslo-3 lanzó satélites",  # an accent against nothing English
    ],
)
def test_spanish_sentences_do_not(text: str) -> None:
    assert not is_english(text)

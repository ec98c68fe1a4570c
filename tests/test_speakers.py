"""A claim's speaker where the sentence's frame names it, and nothing where it does not."""

from __future__ import annotations

import pytest

from armstrace.extraction.candidates import find_candidates
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer
from armstrace.extraction.speakers import attach_speakers

CUES = load_cues()
GAZETTEER = load_gazetteer()


def speakers(text: str) -> list[tuple[str, str | None]]:
    found = find_candidates(text, CUES, GAZETTEER)
    claims = attach_speakers(found["claims"], found["actors"], text, CUES)
    return [(c.span.text, c.speaker.text if c.speaker else None) for c in claims]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before the verb, past an apposition whose own names are complements
        ("El portavoz de Exteriores de Noruega, Lars Berg, negó el martes que Oslo vendiera armas.", [("negó", "Lars Berg")]),
        ("El presidente de Chile, Ana Ruiz, afirmó que no habrá acuerdo.", [("afirmó", "Ana Ruiz")]),
        ("Lars Berg, the envoy of Norway to the United Nations, denied the accusations.", [("denied", "Lars Berg")]),
        # after the verb, when the statement comes first
        ("«No enviamos armas a nadie», dijo Lars Berg.", [("dijo", "Lars Berg")]),
        ("Oslo sold no rifles, said Lars Berg, the envoy.", [("said", "Lars Berg")]),
        # two subjects
        ("Rusia e Irán expresaron el lunes su interés por el acuerdo.", [("expresaron", "Rusia e Irán")]),
        # a passive's agent, and "según"
        ("Noruega fue acusada por Lars Berg de vender armas.", [("acusada por", "Lars Berg")]),
        # an English body named by a country and a noun
        ("US intelligence officials believe the shipments began in May.", [("believe", "US intelligence officials")]),
    ],
)  # fmt: skip
def test_a_frame_that_names_the_speaker_gives_it(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


def test_a_role_alone_is_the_person_the_article_named_with_it() -> None:
    text = (
        "El portavoz del Gobierno noruego, Lars Berg, habló en Oslo. "
        "El vocero destacó que Noruega no vende armas."
    )
    assert speakers(text)[-1] == ("destacó", "Lars Berg")


def test_a_quotation_that_goes_on_keeps_the_speaker_of_the_sentence_before() -> None:
    text = "Lars Berg negó las acusaciones. «Nunca hemos vendido un solo fusil», dijo."
    assert speakers(text) == [("negó", "Lars Berg"), ("dijo", "Lars Berg")]


def test_what_is_reported_inside_a_report_belongs_to_who_reports_it() -> None:
    text = "Lars Berg indicó que Noruega declaró muchas veces que no vende armas."
    assert [s for _, s in speakers(text)] == ["Lars Berg", "Lars Berg"]


def test_a_news_outlet_that_relays_a_statement_is_its_channel() -> None:
    text = "Lars Berg denied the arms deal, state media KCNA reported."
    assert speakers(text) == [("denied", "Lars Berg"), ("reported", "Lars Berg")]


@pytest.mark.parametrize(
    "text",
    [
        "Funcionarios británicos confirmaron la noticia el viernes.",  # a subject that names no actor
        "Las armas llegaron a Oslo en mayo, informaron medios locales.",  # the subject follows, unnamed
        "The Financial Times, citing intelligence sources, said the shipments began in May.",  # the sources speak
    ],
)
def test_where_no_frame_names_the_speaker_code_finds_none(text: str) -> None:
    assert all(speaker is None for _, speaker in speakers(text))

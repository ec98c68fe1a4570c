"""Who speaks, read from the sentences around the verb: an office the sentence opens with after a
body spoke, "he" after a group, a name inside a relative clause, an outlet spoken on; and the
names a government or a list of speakers gives."""

from __future__ import annotations

import pytest

from armstrace.base.schema import Actor, Claim, Evidence
from armstrace.extraction.speaker_names import canonical_speakers

from support.speakers import CUES, GAZETTEER, speakers
from test_speaker_descriptions import described


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office with an indefinite article and nothing after it: the body that spoke before
        ("Headline\n\nPeru's embassy dismissed the report as \"a misunderstanding\". A spokesman said the engines were civilian goods.",
         [("dismissed", "Peruvian embassy"), ("said", "Peruvian embassy spokesman")]),
        ("Titular\n\nLa embajada de Perú calificó el informe de «malentendido». Un portavoz dijo que los motores eran civiles.",
         [("calificó", "Peruvian embassy"), ("dijo", "Peruvian embassy spokesman")]),
        # an office whose body the sentence names is that body's
        ("Headline\n\nPeru's embassy dismissed the report. A spokesman for the navy said the engines were civilian goods.",
         [("dismissed", "Peruvian embassy"), ("said", "navy spokesman")]),
    ],
)
def test_an_office_after_a_body_spoke_is_the_bodys(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert described(text) == expected


def test_a_headlines_description_ends_at_its_line_and_is_the_person_the_lead_names() -> None:
    text = (
        "Perú habría comprado drones, según un diputado chileno\n\nLIMA, 3 de julio (EFE).- Perú compró drones a Chile, "
        "afirmó este jueves el diputado chileno Lars Berg tras una sesión a puerta cerrada."
    )
    assert speakers(text) == [("según", "Lars Berg"), ("afirmó", "Lars Berg")]


def test_he_after_a_group_is_the_person_who_spoke_last() -> None:
    text = (
        "Headline\n\nPresident Lars Berg said on Monday that calm was needed. Peruvian officials estimate that Chile builds drones. "
        "He said the government should avoid rushing to conclusions."
    )
    assert speakers(text) == [("said", "Lars Berg"), ("estimate", "Peruvian officials"), ("said", "Lars Berg")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name after a relative's verb is that verb's subject
        ("Titular\n\nEn un comunicado, el departamento que dirige Lars Berg aseguró que las imágenes muestran drones.", [("aseguró", None)]),
        # an outlet spoken on, then the subject
        ("Titular\n\nEl ministro Lars Berg habló el lunes. «Perú no ha recibido un solo dron», aseguró en la televisión pública TVP "
         "el portavoz del Gobierno, Ana Soto.", [("aseguró", "Ana Soto")]),
        # where it was said, one place after another, then the subject; an interview's outlet is no subject
        ("Titular\n\n«Sabemos quién dispara», declaró en una comparecencia ante la prensa el jefe de la región, Ana Soto. "
         "Según ella, los ataques son nocturnos.", [("declaró", "Ana Soto"), ("Según", "Ana Soto")]),
        ("Titular\n\nEl ministro Lars Berg reconoció en una entrevista con la cadena Andes TV que Perú compró drones.",
         [("reconoció", "Lars Berg")]),
    ],
)
def test_names_that_are_not_the_subject(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


def _named(speaker: str, actors: list[Actor]) -> str:
    evidence = Evidence(quote="x", start=0, end=1, alignment="exact", score=1.0)
    claim = Claim(speaker=speaker, stance="asserted", content="x", evidence=evidence)
    return canonical_speakers([claim], actors, GAZETTEER, CUES)[0].speaker


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        # a state's government, military or interim, and its junta speak as the state
        ("Gobierno militar de Níger", "Niger"),
        ("la junta de Níger", "Niger"),
        ("Niger's junta", "Niger"),
        ("Burkina Faso junta", "Burkina Faso"),
        ("El Gobierno de transición maliense", "Mali"),
        # a list names each of its states; a body's name with "and" in it is one body
        ("Noruega, Perú y Chile", "Norway, Peru and Chile"),
        ("Rusia y Corea del Norte", "Russia and North Korea"),
        ("Ministry of Trade and Industry", "Ministry of Trade and Industry"),
    ],
)
def test_governments_and_lists(speaker: str, expected: str) -> None:
    assert _named(speaker, []) == expected


def test_a_body_with_and_in_its_name_is_the_articles_actor() -> None:
    evidence = Evidence(quote="x", start=0, end=1, alignment="exact", score=1.0)
    ministry = Actor(
        name="Peruvian Ministry of Transport and Communications", mentions=["Peru's Ministry of Transport and Communications"],
        kind="government", evidence=evidence,
    )  # fmt: skip
    assert _named("Peru's Ministry of Transport and Communications", [ministry]) == ministry.name


def test_an_outlet_told_at_the_sentences_end_leaves_the_speaker_before() -> None:
    text = "Titular\n\nLars Berg negó el lunes la venta. «Perú no protege a nadie», declaró a la agencia estatal Andina."
    assert speakers(text) == [("negó", "Lars Berg"), ("declaró", "Lars Berg")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nBut government spokesman Pedro Alves denied a report by Le Monde that the army had also received Iranian drones.",
         [("denied", "government spokesman Pedro Alves"), ("report by ", "Le Monde")]),
        ("Titular\n\nEl Gobierno de Chile rechazó el lunes la información del diario El País de que el ejército recibió drones iraníes.",
         [("rechazó", "Gobierno de Chile"), ("información del diario ", "El País")]),
        # a report no author is named for says nothing of its own
        ("Headline\n\nEgypt on Tuesday denied a newspaper report that Cairo had given up jets.", [("denied", "Egypt")]),
    ],
)
def test_a_report_a_speaker_denies_is_its_authors_claim(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a posted role, set off from its verb by a relative clause; then the role alone is that speaker
        ("Headline\n\nNorway's ambassador to Peru, who led its delegation, denied that Norway had sold rifles to Chile. "
         "The Norwegian ambassador said the talks had been useful.",
         [("denied", "Norwegian ambassador to Peru"), ("said", "Norwegian ambassador to Peru")]),
        # a role no one was described with is no one said before
        ("Headline\n\nNorway's Foreign Minister Lars Berg said the rifles were civilian. The Norwegian ambassador in Lima said the talks had been useful.",
         [("said", "Lars Berg"), ("said", None)]),
        # an office a possessive gives is the office of the body the sentence opens with
        ("Headline\n\nThe Kremlin declined to comment, but its spokesman said ties with Chile were legal.", [("said", "Kremlin spokesman")]),
        ("Titular\n\nEl Ministerio de Defensa de Noruega evitó pronunciarse sobre la venta, y su portavoz se limitó a decir que los fusiles eran civiles.",
         [("se limitó a decir", "Norwegian Defence Ministry spokesman")]),
    ],
)
def test_a_role_the_article_gave_no_name(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert described(text) == expected


def test_a_word_of_a_longer_name_is_not_a_name_of_its_own() -> None:
    # "Korean" names the peninsula in one sentence, and is part of "North Korean" in the next
    text = "Headline\n\nTalks on the Korean peninsula stalled. The North Korean ambassador said the rifles were civilian."
    assert speakers(text) == [("said", None)]


def test_a_body_with_no_state_in_a_sentence_that_opens_in_a_capital_is_the_body_of_that_state_the_gazetteer_knows() -> None:
    sentence = "In Moscow, the Defence Ministry said the rifles were made in Russia."
    evidence = Evidence(quote=sentence, start=0, end=len(sentence), alignment="exact", score=1.0)
    said = [Claim(speaker=s, stance="asserted", content="x", evidence=evidence) for s in ("Defence Ministry", "Lars Berg")]
    assert [c.speaker for c in canonical_speakers(said, [], GAZETTEER, CUES)] == ["Russian Ministry of Defence", "Lars Berg"]


def test_a_person_is_called_by_the_family_name_alone() -> None:
    evidence = Evidence(quote="x", start=0, end=1, alignment="exact", score=1.0)
    people = [Actor(kind="person", name=name, country="", mentions=[name], evidence=evidence) for name in ("Ri Min Su", "Lars Berg", "Hong Jang-won")]
    said = [Claim(speaker=s, stance="asserted", content="x", evidence=evidence) for s in ("Ri", "Berg", "Hong", "Lars")]
    assert [c.speaker for c in canonical_speakers(said, people, GAZETTEER, CUES)] == ["Ri Min Su", "Lars Berg", "Hong Jang-won", "Lars"]


def test_a_body_called_by_a_word_of_its_name_goes_on_speaking_as_the_body() -> None:
    text = (
        "Titular\n\nLa Dirección de Pesca de Noruega abrió una investigación sobre dos firmas sancionadas por el Departamento del "
        "Tesoro de Estados Unidos. Según el Tesoro, la firma Andes Aero envió fusiles a Chile. El organismo sostiene que los fusiles llegaron a Perú."
    )
    assert speakers(text) == [("Según", "Tesoro"), ("sostiene", "Tesoro")]


def test_an_actor_of_the_article_is_the_speaker_under_its_states_possessive_or_before_the_kind_of_group_it_is() -> None:
    evidence = Evidence(quote="x", start=0, end=1, alignment="exact", score=1.0)
    actors = [
        Actor(kind="agency", name="Andean Resistance Centre", country="Peru", mentions=["Andean Resistance Centre"], evidence=evidence),
        Actor(kind="armed_group", name="Kondor", country="Peru", mentions=["Kondor"], evidence=evidence),
    ]
    said = [Claim(speaker=s, stance="asserted", content="x", evidence=evidence) for s in ("Peru's Andean Resistance Centre", "Kondor partisan movement", "Kondor researchers")]
    assert [c.speaker for c in canonical_speakers(said, actors, GAZETTEER, CUES)] == ["Andean Resistance Centre", "Kondor", "Kondor researchers"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Titular\n\nPerú compró 40 fusiles a Chile, según documentos aduaneros filtrados al diario La Voz. Según esos documentos, la entrega terminó en mayo.",
         [("según", "Leaked documents"), ("Según", "Leaked documents")]),
        ("Headline\n\nChile sold Peru 40 rifles in 2024, according to internal documents published on Monday by La Voz. "
         "The papers came from a hacked email account. The rifles were shipped by sea, the papers say.",
         [("according to", "Leaked documents"), ("say", "Leaked documents")]),
    ],
)
def test_what_leaked_papers_show_is_theirs_not_the_outlets_that_published_them(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


def test_a_leak_only_a_denial_speaks_of_is_no_leak() -> None:
    text = "Titular\n\nSegún un documento de la ONU, Chile vendió fusiles a Perú. Lima calificó el documento de «filtración interesada»."
    assert ("Según", "Leaked documents") not in speakers(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role apposed after the name introduces its holder; the body the role is of holds nothing
        ("Titular\n\nLars Berg, el portavoz del Gobierno peruano, rechazó la venta. «Es un regalo», declaró a la agencia Andina.\n\nEl portavoz negó además que Perú haya comprado fusiles.",
         [("rechazó", "Lars Berg"), ("declaró", "Lars Berg"), ("negó", "Lars Berg")]),
        # "según" and whom the verb was told to: who spoke before
        ("Titular\n\nEl jefe militar peruano, Lars Berg, sostuvo que el desfile prueba quién arma a quién. Según dijo al canal de televisión ATV, "
         "Chile ha suministrado a Perú unos 12.000 fusiles.",
         [("sostuvo", "Lars Berg"), ("dijo", "Lars Berg")]),
        # but a subject after whom it was told is the subject
        ("Titular\n\nChile vende fusiles a Perú, según aseguró a la agencia Andina el número dos del ejército peruano, Lars Berg.",
         [("aseguró", "Lars Berg")]),
    ],
)
def test_who_holds_a_role_and_who_said_what_was_told(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected

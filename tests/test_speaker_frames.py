"""Speakers and statements in frames beyond a subject next to its verb: an inverted subject with
an aside, a document's issuer, a name in brackets, a counted group of states, a verb joined by
"mientras", and an interview's answers."""

from __future__ import annotations

import pytest

from armstrace.base.schema import Actor, Claim, Evidence
from armstrace.extraction.candidates import claim_candidates, find_candidates
from armstrace.extraction.speaker_names import canonical_speakers
from armstrace.extraction.speakers import attach_speakers
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer

from support.speakers import speakers

CUES = load_cues()
GAZETTEER = load_gazetteer()
EVIDENCE = Evidence(quote="x", start=0, end=1, alignment="exact", score=1.0)


@pytest.mark.parametrize(
    ("text", "statement", "stance"),
    [
        # a subject set off by commas between the statement and its verb
        ("Norway sold rifles to Chile, Norway's deputy UN ambassador, Lars Berg, said after a closed-door meeting.", "Norway sold rifles to Chile", "asserted"),
        ("Noruega vendió fusiles a Chile, el embajador noruego, Lars Berg, dijo tras la reunión.", "Noruega vendió fusiles a Chile", "asserted"),
        ('"Oslo\'s rifles never left Norway," Lars Berg, the envoy of Norway, told reporters.', "Oslo's rifles never left Norway", "asserted"),
        # a breach is a charge
        ("The sales are a flagrant breach of the embargo, Lars Berg, the envoy of Norway, said.", "The sales are a flagrant breach of the embargo", "accused"),
        # a demonstrative's noun and the relative clause after it are what is condemned
        ("Los ministros han condenado «enérgicamente» esta decisión que «socava el embargo» de armas.",
         "esta decisión que «socava el embargo» de armas", "accused"),
        # a time after the verb is no object: what follows "que" is said
        ("Lars Berg dijo este lunes que Noruega vende fusiles.", "Noruega vende fusiles", "asserted"),
        # what follows the colon after the verb's own words
        ("Lars Berg resumió así el informe: «Chile compró fusiles noruegos en mayo».", "«Chile compró fusiles noruegos en mayo»", "asserted"),
    ],
)  # fmt: skip
def test_a_statement_past_its_subject_or_its_verbs_own_words(text: str, statement: str, stance: str) -> None:
    claim = claim_candidates(text, CUES)[-1]
    assert claim.statement is not None and (claim.statement.text, claim.cue) == (statement, stance)


@pytest.mark.parametrize(
    ("text", "statement", "stance"),
    [
        # an inverted subject followed by an aside, or joined by "del … de la"
        ("Chile no ha vendido fusiles a Noruega, subrayó el ministro durante una visita a Lima.", "Chile no ha vendido fusiles a Noruega", "denied"),
        ("Perú no ha recibido fusiles de Chile, recalcó el vicepresidente del Consejo de la Federación, Lars Berg, en declaraciones a la prensa.",
         "Perú no ha recibido fusiles de Chile", "denied"),
        # a possessive opens the subject; the relative clause after it reports nothing
        ("Corea del Sur no ha enviado fusiles a Perú, subrayó su embajador, Lars Berg, que habló de rumores.", "Corea del Sur no ha enviado fusiles a Perú", "denied"),
        # a photo's caption, ending with its date and a dash, is no part of the statement
        ("Lars Berg habla en Oslo, el 2 de mayo de 2024 – Noruega venderá fusiles a Chile, dijo la presidencia de Chile el 3 de mayo de 2024.",
         "Noruega venderá fusiles a Chile", "asserted"),
    ],
)  # fmt: skip
def test_a_statement_before_an_inverted_subject(text: str, statement: str, stance: str) -> None:
    [claim] = claim_candidates(text, CUES)
    assert claim.statement is not None and (claim.statement.text, claim.cue) == (statement, stance)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile no ha enviado fusiles a Perú, subrayó su embajador, Lars Berg, que habló de rumores.", "Lars Berg"),
        # a document's issuer speaks, and a document alone is its subject's
        ("Oslo sold rifles to Chile in May, according to a statement from the Norwegian Refugee Council.", "Norwegian Refugee Council"),
        ("El Consejo Noruego salió al paso en un comunicado: Oslo no ha vendido fusiles.", "Consejo Noruego"),
        ("Oslo no vende fusiles, según un comentario firmado por el Consejo Noruego.", "Consejo Noruego"),
        # a verb of saying after one that limits it
        ("El ministro noruego, Lars Berg, se limitó a decir que Oslo coopera con muchos países.", "Lars Berg"),
        # a person who opens the sentence speaks, the outlet credited at its end is the channel
        ("Vladimir Putin, who attended the ceremony, praised the rifles, according to the TASS news agency.", "Vladimir Putin"),
        # "by his count": the one who spoke before
        ("Lars Berg said Chile had bought rifles. By his count, at least 20 have reached Peru.", "Lars Berg"),
        # a name in brackets is an aside, not the subject
        ("Funcionarios noruegos (citados por el diario Aftenposten) sostienen que Chile compró fusiles.", "Funcionarios noruegos"),
        # "mientras" joins a verb to the subject the sentence opens with
        ("Oslo promete apoyo a Lima mientras niega haber vendido fusiles a Perú", "Oslo"),
    ],
)  # fmt: skip
def test_a_speaker_past_an_aside_or_a_document(text: str, expected: str) -> None:
    assert speakers(text)[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Noruega y Chile firmaron un acuerdo en Lima. Los dos gobiernos calificaron su relación de «ejemplar».", "Norway and Chile"),
        ("Chile, Peru and Norway met in Oslo. Both countries have described the deal as legal.", "Peru and Norway"),
        ("Noruega, Chile y Perú pidieron una investigación: según los tres gobiernos, la venta viola el embargo.", "Norway, Chile and Peru"),
    ],
)  # fmt: skip
def test_a_counted_group_of_states_is_the_last_states_named(text: str, expected: str) -> None:
    assert speakers(text)[-1][1] == expected


def test_an_interview_answer_is_the_interviewees_claim() -> None:
    text = (
        "Lars Berg, portavoz del Ministerio de Pesca de Noruega, responde a las preguntas de este diario.\n\n"
        "—¿Vende Noruega fusiles a Chile?\n"
        "—No, Noruega no ha vendido fusiles a Chile. Solo enviamos cascos.\n\n"
        "—Perú asegura que compró rifles noruegos. ¿Qué responde?\n"
        "—Nos preocupa que Lima difunda rumores.\n"
    )
    claims = attach_speakers(claim_candidates(text, CUES), find_candidates(text, CUES, GAZETTEER)["actors"], text, CUES)
    assert [(c.statement.text if c.statement else "", c.cue, c.speaker.text if c.speaker else None) for c in claims] == [
        ("No, Noruega no ha vendido fusiles a Chile", "denied", "Lars Berg"),
        ("Solo enviamos cascos", "asserted", "Lars Berg"),
        # the question's own report is the interviewer's, with the speaker it names
        ("compró rifles noruegos", "asserted", "Perú"),
        ("Lima difunda rumores", "believes", "Lars Berg"),
    ]


def test_a_body_named_with_its_countrys_adjective_after_it_is_that_body() -> None:
    named = [Actor(kind="government", name="Norwegian Ministry of Fisheries", country="Norway", mentions=["Ministerio de Pesca noruego"], evidence=EVIDENCE)]
    claim = Claim(speaker="Ministerio de Pesca", stance="asserted", content="x", evidence=EVIDENCE)
    assert canonical_speakers([claim], named, GAZETTEER, CUES)[0].speaker == "Norwegian Ministry of Fisheries"


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        # a second statement joined by "y" and a negating word, or by "ni" and a verb of its own
        # (what no one did is stated: "nadie los ha pedido" asserts, as the annotators read "and nobody flies anything over our territory")
        ("Lars Berg dijo que Noruega no vende fusiles y nadie los ha pedido.", [("Noruega no vende fusiles", "denied"), ("nadie los ha pedido", "asserted")]),
        ("Lars Berg afirmó que Noruega no tiene asesores en Chile ni ha enviado fusiles.",
         [("Noruega no tiene asesores en Chile", "denied"), ("ha enviado fusiles", "denied")]),
        # a list's "ni" joins no second statement
        ("Lars Berg afirmó que Noruega no envió fusiles ni cascos.", [("Noruega no envió fusiles ni cascos", "denied")]),
        # an estimate is stated, not believed (docs/annotation.md)
        ("Norwegian officials estimate that Chile bought 300 rifles.", [("Chile bought 300 rifles", "asserted")]),
        # a charge dismissed, a forgery, a tale: denials
        ("«Es una acusación sin fundamento», declaró Lars Berg.", [("Es una acusación sin fundamento", "denied")]),
        ("Lars Berg tachó el informe de «burda falsificación».", [("el informe de «burda falsificación»", "denied")]),
        ("Lars Berg calificó la noticia de «cuento para niños».", [("la noticia de «cuento para niños»", "denied")]),
        # concern is a belief
        ("Lars Berg said Norway was deeply concerned by the sales.", [("Norway was deeply concerned by the sales", "believes")]),
        ("Lars Berg volvió a negar que Noruega venda fusiles.", [("Noruega venda fusiles", "denied")]),
        # what is called illegitimate, a provocation or an unfriendly act is charged
        ("La misión chilena calificó de «ilegítimas» las medidas.", [("de «ilegítimas» las medidas", "accused")]),
        ("«La venta de fusiles a Perú es un acto inamistoso», dijo Lars Berg.", [("La venta de fusiles a Perú es un acto inamistoso", "accused")]),
        ("El Estado Mayor chileno duda de que Perú haya podido usar esos fusiles.", [("Perú haya podido usar esos fusiles", "believes")]),
        # a short quoted phrase after the verb is one statement, "but" and all
        ("Oslo has said the sales are \"nobody's business but ours\".", [("the sales are \"nobody's business but ours\"", "asserted")]),
        # a think tank is a body, not a belief
        ("Norway sold rifles to Chile, think tank says", [("Norway sold rifles to Chile", "asserted")]),
        # details withheld are no statement of their own
        ("Lars Berg added that Chile had asked for rifles, but gave no details.", [("Chile had asked for rifles, but gave no details", "asserted")]),
    ],
)  # fmt: skip
def test_the_statements_a_sentence_holds_and_their_stances(text: str, statements: list[tuple[str, str]]) -> None:
    assert [(c.statement.text if c.statement else "", c.cue) for c in claim_candidates(text, CUES)] == statements


def test_a_verb_in_a_relative_clause_does_not_make_the_last_verb_its_channel() -> None:
    text = "A Norwegian ship that Lima accuses of moving rifles has been docked in Oslo for weeks, researchers at the Nansen Institute said."
    claims = claim_candidates(text, CUES)
    assert [(c.span.text, c.relays) for c in claims] == [("accuses", False), ("said", False)]
    assert claims[-1].statement is not None and claims[-1].statement.text.startswith("A Norwegian ship that Lima accuses")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A senior Norwegian defence official, speaking on condition of anonymity, said Chile had bought rifles.", "senior Norwegian defence official"),
        ("«Chile compró fusiles», resumió uno de los autores del estudio, Lars Berg.", "Lars Berg"),
        ("Aftenposten publicó, citando a funcionarios de inteligencia noruegos, que Chile compró fusiles.", "funcionarios de inteligencia noruegos"),
    ],
)  # fmt: skip
def test_a_described_or_cited_speaker_keeps_its_words(text: str, expected: str) -> None:
    assert speakers(text)[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«Noruega no vende fusiles a Chile y no planea venderlos», dijo Lars Berg.",
         [("Noruega no vende fusiles a Chile", "denied", "Lars Berg"), ("no planea venderlos", "denied", "Lars Berg")]),
        ('"Oslo has never sold rifles to Chile, and there is no contract for more," Lars Berg, the envoy, told reporters.',
         [("Oslo has never sold rifles to Chile", "denied", "Lars Berg"), ("there is no contract for more", "denied", "Lars Berg")]),
        # a contrast inside the quotation is the same statement's
        ("«Noruega vendió cascos, pero no fusiles», dijo Lars Berg.", [("Noruega vendió cascos, pero no fusiles", "asserted", "Lars Berg")]),
    ],
)  # fmt: skip
def test_a_quotation_before_its_verb_that_goes_on_is_two_statements(text: str, expected: list[tuple[str, str, str]]) -> None:
    claims = attach_speakers(claim_candidates(text, CUES), find_candidates(text, CUES, GAZETTEER)["actors"], text, CUES)
    assert [(c.statement.text if c.statement else "", c.cue, c.speaker.text if c.speaker else "") for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person named right after a portfolio, with a cited channel in the relative clause's aside
        ("Más duro fue el viceministro noruego de Exteriores Lars Berg, quien, citado por la agencia NTB, calificó la venta de ilegal.", "Lars Berg"),
        # an inverted subject after words of time
        ("Noruega venderá fusiles a Chile, anunció este martes el secretario del Consejo de Seguridad noruego, Lars Berg, tras una reunión.", "Lars Berg"),
        ("La oficina presidencial chilena consideró que la venta es legal y advirtió de que habrá más.", "oficina presidencial chilena"),
    ],
)  # fmt: skip
def test_a_speaker_named_after_a_portfolio_or_a_time_or_described_as_an_office(text: str, expected: str) -> None:
    assert speakers(text)[-1][1] == expected

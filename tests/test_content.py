"""A claim's English content is kept only where its names and numbers are in the evidence."""

from __future__ import annotations

import pytest

from armstrace.base.schema import Claim, Evidence, Weapon
from armstrace.extraction.content import english_content, transfer_contents, unsupported
from armstrace.extraction.ground import renders
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer

CUES = load_cues()
GAZ = load_gazetteer()
EVIDENCE = "El portavoz dijo que Irán envió más de 1.000 drones a Moscú y que los misiles rusos llegarán a Pyongyang en mayo."
CLAUSE = "Irán envió más de 1.000 drones a Moscú"


def _unsupported(content: str) -> str:
    return unsupported(content, EVIDENCE, lambda name: renders(name, EVIDENCE, GAZ), CUES, GAZ)


@pytest.mark.parametrize(
    "content",
    [
        "Iran sent more than 1,000 drones to Russia.",  # "Irán", "Moscú", "1.000" in other words
        "The Russian missiles will reach North Korea in May.",  # an adjective, a capital for its state, a month
        "North Korean forces will receive missiles.",  # the adjective of a country the evidence names
        "Warned that Iran sent drones.",  # a verb opening the sentence is no name
        "Iran sent drones to Russia. The missiles will reach North Korea in May.",  # two sentences, no name across them
        "Iran sent drones to Russia in May.",  # the month under its English name ("mayo")
    ],
)
def test_names_and_numbers_the_evidence_gives_pass(content: str) -> None:
    assert _unsupported(content) == ""


@pytest.mark.parametrize(
    ("content", "culprit"),
    [
        ("Iran sent 2,000 drones to Russia.", "2,000"),
        ("Venezuela sent drones to Russia.", "Venezuela"),
        ("Iranian drones hit Kyiv.", "Kyiv"),
        ("Chilean drones hit Iran.", "Chilean"),  # a country's adjective opening the sentence is a name
        ("In Quito, Iran sent drones.", "Quito"),  # a capital after an opening "In" is a name's
    ],
)
def test_a_name_or_number_the_evidence_does_not_give_is_named(content: str, culprit: str) -> None:
    assert _unsupported(content) == culprit


def test_who_says_it_at_the_end_is_no_part_of_what_is_said() -> None:
    evidence = "Noruega vendió 40 fusiles a Chile, según funcionarios peruanos."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    said = "Norway sold 40 rifles to Chile, according to Peruvian officials."
    assert english_content(said, "x", evidence, named, CUES, GAZ) == ("Norway sold 40 rifles to Chile.", "")


def test_spanish_words_of_a_name_inside_an_english_sentence_are_the_names() -> None:
    evidence = "Los fusiles llegaron por barco al puerto de La Serena."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    assert english_content("The rifles arrived by ship at the port of La Serena.", "x", evidence, named, CUES, GAZ)[1] == ""
    assert english_content("Los fusiles llegaron a La Serena.", "x", evidence, named, CUES, GAZ)[1] == "That is not English."


def test_content_that_fails_the_check_falls_back_to_the_clause() -> None:
    named = lambda name: renders(name, EVIDENCE, GAZ)  # noqa: E731
    assert english_content("Iran sent drones to Russia.", CLAUSE, EVIDENCE, named, CUES, GAZ) == ("Iran sent drones to Russia.", "")
    assert english_content("Venezuela sent drones.", CLAUSE, EVIDENCE, named, CUES, GAZ) == (CLAUSE, "It does not say «Venezuela».")
    assert english_content("Irán envió los drones a Rusia.", CLAUSE, EVIDENCE, named, CUES, GAZ) == (CLAUSE, "That is not English.")  # not English
    assert english_content("", CLAUSE, EVIDENCE, named, CUES, GAZ) == (CLAUSE, "That is not a sentence.")
    about = english_content("Drones to Russia are not mentioned in the article.", CLAUSE, EVIDENCE, named, CUES, GAZ)
    assert about == (CLAUSE, "That speaks of the article instead of saying what it says.")


def test_countries_are_written_in_english_keeping_their_article_and_abbreviations_read_whole() -> None:
    evidence = "Lars Berg dijo que EE UU e Irán firmaron el acuerdo tras las sanciones de U.S. y Rusia."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    content, fault = english_content("The U.S. and Irán signed the deal after sanctions.", "x", evidence, named, CUES, GAZ)
    assert not fault and content == "The United States and Iran signed the deal after sanctions."


@pytest.mark.parametrize(
    ("evidence", "content"),
    [
        ("Lars Berg dijo el viernes que Noruega vende fusiles.", "On Friday Norway said it sells rifles."),
        ("Lars Berg dijo que Noruega venderá fusiles en Oriente Medio.", "Norway will sell rifles in the Middle East."),
        # a region under another of its English forms
        ("Lars Berg dijo que los fusiles llegaron a puertos rusos del Caspio.", "The rifles arrived at Russian ports in the Caspian Sea."),
    ],
)
def test_weekdays_and_regions_are_given_in_either_language(evidence: str, content: str) -> None:
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    assert english_content(content, "x", evidence, named, CUES, GAZ) == (content, "")


def test_a_name_the_gazetteer_gives_in_english_with_of_is_checked_whole() -> None:
    evidence = "El SBU acusó a tres oficiales chilenos de vender fusiles a Perú."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    content, fault = english_content("SBU accused three Chilean officers of selling rifles to Peru.", "x", evidence, named, CUES, GAZ)
    assert not fault and content == "Security Service of Ukraine accused three Chilean officers of selling rifles to Peru."


def test_the_two_of_them_are_both() -> None:
    evidence = "Lars Berg dijo que ambos países firmaron el acuerdo."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    assert english_content("The two countries signed the deal.", "x", evidence, named, CUES, GAZ) == ("The two countries signed the deal.", "")


def test_every_name_the_gazetteer_knows_is_written_in_english() -> None:
    evidence = "La Casa Blanca sancionó a Moscú por comprar fusiles a Noruega."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    content, fault = english_content("Casa Blanca sanctioned Moscú for buying rifles from Norway.", "x", evidence, named, CUES, GAZ)
    assert not fault and content == "White House sanctioned Russia for buying rifles from Norway."


def test_a_country_the_evidence_names_by_its_adjective_passes_and_the_speakers_frame_goes() -> None:
    evidence = "Lars Berg añadió que las operaciones israelíes en Gaza continúan."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    assert unsupported("Israel continues its operations in Gaza.", evidence, named, CUES, GAZ) == ""
    content, fault = english_content("Lars Berg added that Israel's operations in Gaza continue.", "x", evidence, named, CUES, GAZ)
    assert not fault and content == "Israel's operations in Gaza continue."


def test_the_frame_goes_after_names_are_english_and_a_sentence_that_reports_another_statement_is_cut() -> None:
    evidence = "Noruega negó que venda fusiles a Chile, aunque el ministro sostuvo que Perú los compra."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    assert english_content("Noruega has denied that it sells rifles to Chile.", "x", evidence, named, CUES, GAZ) == ("It sells rifles to Chile.", "")
    whole = "Norway sells rifles to Chile, although the minister stated that Peru buys them."
    assert english_content(whole, "x", evidence, named, CUES, GAZ) == ("Norway sells rifles to Chile.", "")


def test_a_relative_clause_that_adds_to_a_translation_what_its_clause_does_not_say_goes() -> None:
    evidence = "Lars Berg dijo que Noruega vendió fusiles a Chile."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    said = "Norway sold rifles to Chile, which is based in Lima."
    assert english_content(said, "x", evidence, named, CUES, GAZ, asides=True) == ("Norway sold rifles to Chile.", "")
    middle = "Chile, whose army is in Quito, bought rifles from Norway."
    assert english_content(middle, "x", evidence, named, CUES, GAZ, asides=True) == ("Chile bought rifles from Norway.", "")
    # Checked against a whole sentence, the aside may hold the claim's own proposition: nothing goes.
    assert english_content(said, "x", evidence, named, CUES, GAZ) == ("x", "It does not say «Lima».")
    # An aside with a comma inside has no certain end: nothing is cut, the clause stays.
    unsure = "Chile, which is in Lima, Peru, bought rifles from Norway."
    assert english_content(unsure, "x", evidence, named, CUES, GAZ, asides=True) == ("x", "It does not say «Lima».")
    # Where the rest holds the name the evidence does not give, the finding is the whole sentence's.
    rest = "Norway sold rifles to Peru, which is a neighbour of Chile."
    assert english_content(rest, "x", evidence, named, CUES, GAZ, asides=True) == ("x", "It does not say «Peru».")


def test_a_role_with_the_name_in_apposition_is_the_speakers_frame_too() -> None:
    evidence = "«Los fusiles llegarán en mayo», dijo el ministro de Defensa de Noruega, Lars Berg."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    said = "The minister of Defence, Lars Berg, has said that the rifles will arrive in May."
    assert english_content(said, "x", evidence, named, CUES, GAZ) == ("The rifles will arrive in May.", "")
    # A comma inside the proposition is no apposition: nothing before "said that" is cut.
    inside = "Norway sold rifles to Chile, which Peru said that it resents."
    assert english_content(inside, "x", evidence, named, CUES, GAZ)[0] != "It resents."


def test_of_a_sentence_that_reports_two_statements_each_claim_keeps_its_own() -> None:
    evidence = "Noruega reconoció la venta en mayo, aunque el ministro sostuvo que todas las entregas llegaron antes de la guerra."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    whole = "Norway acknowledged the sale in May, although the minister stated that all deliveries arrived before the war."
    first = english_content(whole, "x", evidence, named, CUES, GAZ, before_verb="Noruega ")
    second = english_content(whole, "x", evidence, named, CUES, GAZ, before_verb=evidence[: evidence.index("sostuvo")])
    assert first == ("Norway acknowledged the sale in May.", "")
    assert second == ("All deliveries arrived before the war.", "")


def test_the_frame_goes_before_a_name_without_that() -> None:
    evidence = "Lars Berg dijo que Noruega venderá fusiles a Chile."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    assert english_content("Lars Berg said Norway will sell rifles to Chile.", "x", evidence, named, CUES, GAZ) == ("Norway will sell rifles to Chile.", "")
    assert english_content("Lars Berg said his ministry will sell rifles to Chile.", "x", evidence, named, CUES, GAZ) == ("His ministry will sell rifles to Chile.", "")
    # Who was told goes with the frame; a verb with an object and no "that" keeps the sentence whole.
    assert english_content("Lars Berg told Reuters that Norway will sell rifles to Chile.", "x", evidence, named, CUES, GAZ)[0] == "Norway will sell rifles to Chile."
    assert english_content("Lars Berg told Chile about the rifles Norway sells.", "x", evidence, named, CUES, GAZ)[0].startswith("Lars Berg told")


@pytest.mark.parametrize(
    ("evidence", "content"),
    [
        ("El Departamento del Tesoro sancionó a dos empresas chilenas.", "The Treasury sanctioned two Chilean companies."),
        ("El Consejo de Seguridad votó la resolución.", "The Security Council voted on the resolution."),
        ("Un poeta chileno del siglo XI da nombre al satélite.", "The satellite is named after a Chilean poet of the 11th century."),
        ("El satélite chileno orbita a 600 kilómetros de la Tierra.", "The Chilean satellite orbits 600 kilometres from Earth."),
    ],
)
def test_institutions_in_spanish_words_and_roman_numerals_are_given(evidence: str, content: str) -> None:
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    assert unsupported(content, evidence, named, CUES, GAZ) == ""


@pytest.mark.parametrize(
    ("evidence", "content", "missing"),
    [
        ("El ministro noruego visitó Lima.", "The Norwegian minister visited Lima.", ""),
        ("El ministro de Noruega visitó Lima.", "The Norwegian minister visited Lima.", ""),
        ("El buque griego llegó a Lima.", "The Greek ship arrived in Lima.", ""),
        ("El ministro chileno visitó Oslo.", "The French minister visited Oslo.", "French"),
    ],
)
def test_a_countrys_english_adjective_is_given_by_its_spanish_one_or_the_country(evidence: str, content: str, missing: str) -> None:
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    assert unsupported(content, evidence, named, CUES, GAZ) == missing


def test_an_institution_the_evidence_does_not_name_is_not_given() -> None:
    evidence = "El Departamento del Tesoro sancionó a dos empresas noruegas."
    named = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    assert unsupported("The Security Council sanctioned two companies.", evidence, named, CUES, GAZ) == "Security Council"


def test_a_spanish_clause_that_states_a_transfer_an_item_holds_is_written_from_the_item() -> None:
    evidence = Evidence(quote="x", start=10, end=11, alignment="exact", score=1.0)
    claim = Claim(speaker="Chile", stance="denied", content="Noruega ha enviado fusiles a Perú", clause="Noruega ha enviado fusiles a Perú", evidence=evidence)
    rifles = Weapon(description="fusiles", category="small_arms", supplier="Norway", recipient="Peru", status="denied", evidence=evidence)
    [written] = transfer_contents([claim], [rifles], CUES)
    assert (written.content, written.content_from) == ("Norway supplied rifles to Peru.", "transfer")
    # No transfer word in the clause ("la venta de fusiles" is one, "los fusiles" is not), or an
    # item of another sentence: the clause stays.
    still = claim.model_copy(update={"content": "Los fusiles son noruegos", "clause": "Los fusiles son noruegos"})
    elsewhere = rifles.model_copy(update={"evidence": evidence.model_copy(update={"start": 99})})
    assert transfer_contents([still], [rifles], CUES) == [still]
    assert transfer_contents([claim], [elsewhere], CUES) == [claim]


def test_initials_of_capitalised_words_in_the_evidence_are_given() -> None:
    evidence = "Lars Berg dijo que varios Estados miembros de Naciones Unidas no podrán aplicar las resoluciones."
    given = lambda name: renders(name, evidence, GAZ)  # noqa: E731
    said = "Resolutions cannot be applied by N. U. member states."
    assert english_content(said, "x", evidence, given, CUES, GAZ) == ("Resolutions cannot be applied by N.U. member states.", "")
    assert english_content(said.replace("U.", "A."), "x", evidence, given, CUES, GAZ) == ("x", "It does not say «N.A».")

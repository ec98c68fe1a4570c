"""Speakers that go on from the claim before (a parenthetical verb, a joined verb, a relative clause
about the occasion, a verb that closes with where it was said, a gerund), speakers named by a
long role, a title or a list, and the words that decide stances and claims in such sentences."""

from __future__ import annotations

import pytest

from armstrace.base.schema import Actor, Claim, Evidence
from armstrace.extraction.candidates import claim_candidates
from armstrace.extraction.speaker_names import canonical_speakers

from support.speakers import CUES, GAZETTEER, speakers

EVIDENCE = Evidence(quote="x", start=0, end=1, alignment="exact", score=1.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parenthetical verb inside the statement: the names around it are what was said
        ("Lars Berg afirmó que Noruega vende fusiles a Chile. A cambio, dijo, el Gobierno chileno paga con cobre.",
         [("afirmó", "Lars Berg"), ("dijo", "Lars Berg")]),
        ("Lars Berg said Norway sold rifles to Chile. Lima, he said, has paid in copper.", [("said", "Lars Berg"), ("said", "Lars Berg")]),
        # a verb joined by "y" to the statement before, with no subject of its own
        ("Lars Berg negó en declaraciones a la radio NRK que haya fusiles noruegos en Chile y tildó el informe de «invención».",
         [("negó", "Lars Berg"), ("tildó", "Lars Berg")]),
        # a relative clause about the occasion, after a portfolio and its holder's name
        ("«Noruega no vende fusiles», insistió el viceministro de Exteriores Lars Berg en una rueda de prensa, en la que tachó las sanciones de «chantaje».",
         [("insistió", "Lars Berg"), ("tachó", "Lars Berg")]),
        # with no claim before it, the names the sentence opens with
        ("La embajada chilena respondió con un comunicado en el que rechazó que Chile compre fusiles.", [("rechazó", "embajada chilena")]),
        # a verb joined by "y" to a clause that is no claim: the subject the sentence opens with, past its role
        ("El líder chileno, Lars Berg, recibió este sábado al ministro peruano, Jon Nilsen, y le prometió que Lima tendrá fusiles.",
         [("prometió", "Lars Berg")]),
        # past a wire story's lead
        ("LIMA, 30 de noviembre (El Comercio) — El líder chileno, Lars Berg, recibió al ministro peruano, Jon Nilsen, y le aseguró "
         "que Lima tendrá fusiles, según la agencia oficial EFE.", [("aseguró", "Lars Berg")]),
        ("Chile's ambassador, Lars Berg, welcomed the move, saying Norway was \"showing the way\".", [("saying", "Lars Berg")]),
        # naming in quoted words is a claim; "in his view" is the speaker before's
        ('Chile\'s ambassador, Lars Berg, called the sanctions "illegitimate" and said there was "no evidence" of rifles.',
         [("called", "Lars Berg"), ("said", "Lars Berg")]),
        ("Lars Berg said the sanctions were wrong. In his view, Lima is looking for a pretext.", [("said", "Lars Berg"), ("In his view", "Lars Berg")]),
        # a Korean name's family name alone, later
        ("El diputado Hong Jang-won explicó que Chile compra fusiles. Según Hong, Perú compra 11.000 cascos.",
         [("explicó", "Hong Jang-won"), ("Según", "Hong")]),
        # a verb that closes its sentence with where it was said goes on with the speaker before
        ("El Ministerio de Exteriores chileno calificó la venta de «nula». La cooperación con Oslo «continuará», señaló en un comunicado.",
         [("calificó", "Ministerio de Exteriores chileno"), ("señaló", "Ministerio de Exteriores chileno")]),
        # but not past a subject the statement took in
        ('According to Norway, the firms helped Lima. "These rifles are not ours," Lars Berg, the ministry\'s acting under '
         "secretary for trade and export control, said in a statement.", [("According to", "Norway"), ("said", "Lars Berg")]),
        # "according to his count": the speaker before
        ("Lars Berg afirmó que Noruega vende fusiles. Según sus cálculos, Chile ha comprado ya 2.000.", [("afirmó", "Lars Berg"), ("Según", "Lars Berg")]),
        # a gerund after its clause: the clause's subject, a list of states as one
        ("Norway, Chile and Peru triggered the mechanism in May, accusing Lima of lying.", [("accusing", "Norway, Chile and Peru")]),
        # an infinitive giving the reason: what the clause's subject holds
        ("Noruega, Chile y Perú activaron el mecanismo a finales de agosto al considerar que Lima incumple sus compromisos.",
         [("al considerar que", "Noruega, Chile y Perú")]),
        ('"No rifles will cross this border," Lars Berg told reporters, adding that the first trucks would run next year.',
         [("told", "Lars Berg"), ("adding", "Lars Berg")]),
    ],
)  # fmt: skip
def test_a_verb_that_goes_on_with_the_speaker_before(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role with a long complement that says the office in other words
        ("Chile compra fusiles, afirmó el jefe de la inteligencia militar noruega, Lars Berg, en una entrevista. "
         "El jefe del espionaje militar noruego aseguró que Perú compra cascos.", "Lars Berg"),
        # a body named before by a common noun
        ("La inteligencia ucraniana sostiene lo contrario. En un comunicado, el servicio afirmó que Chile compra fusiles.",
         "inteligencia ucraniana"),
        # a word that describes a person before the name, after an inverted verb
        ("Chile ya compraba fusiles noruegos, recuerda el investigador Lars Berg.", "Lars Berg"),
        # who believes is the person, not the institute in the aside
        ("Chile ya compraba fusiles, recuerda el investigador Lars Berg, del instituto NUPI, quien cree que Perú hará lo mismo.", "Lars Berg"),
        # a long apposition set off by commas after the statement
        ("Norway will not recognise the measures, Lars Berg, Norway's envoy to international organisations in Vienna, wrote on X.", "Lars Berg"),
        # where a firm is based is no part of its name
        ('One of the companies, Oslo-based Nordlys Shipping, denied shipping "anything with a military use".', "Nordlys Shipping"),
        # one unnamed person described, and bodies joined by "for" and "at"
        ("One Western envoy noted that Chile and Peru now trade across the Andes.", "Western envoy"),
        ("Diplomats at the UN said the embargo would be hard to enforce.", "Diplomats at the UN"),
        ("A spokesperson for the Chilean Foreign Ministry said the sale was legal.", "spokesperson for the Chilean Foreign Ministry"),
        # a body named before by its noun and a short complement
        ("El Servicio de Inteligencia chileno informó que Perú compra fusiles. La agencia de espionaje no descarta un tercer envío.",
         "Servicio de Inteligencia chileno"),
        # a spokesman of a body the gazetteer does not know: the body's name is no portfolio
        ("En Lima, un portavoz del Ministerio de Pesca dijo que el Gobierno peruano «sigue con atención» el caso.", "portavoz del Ministerio de Pesca"),
        # a person who opens a sentence an outlet is credited with at its end, calling something
        ('Vladimir Putin called the bridge "a symbol of friendship," according to Reuters.', "Vladimir Putin"),
    ],
)  # fmt: skip
def test_a_speaker_named_by_a_role_a_title_or_a_list(text: str, expected: str) -> None:
    assert speakers(text)[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        # a dismissal by what the statements are called, a charge of extortion, a measure called void
        ("La embajada chilena calificó sus declaraciones de «delirios de un derrotado».", [("sus declaraciones de «delirios de un derrotado»", "denied")]),
        ("Lars Berg tachó las sanciones de «chantaje europeo».", [("las sanciones de «chantaje europeo»", "accused")]),
        ("La cancillería chilena calificó la medida de «jurídicamente nula».", [("la medida de «jurídicamente nula»", "accused")]),
        # not ruling a thing out holds it possible
        ("La agencia noruega no descarta un tercer envío en primavera.", [("un tercer envío en primavera", "believes")]),
        # an answer that reports, not one that only acts
        ("Lars Berg respondió que vender fusiles es «un deber».", [("vender fusiles es «un deber»", "asserted")]),
        ("La embajada respondió con un comunicado en el que rechazó que Noruega venda fusiles.", [("Noruega venda fusiles", "denied")]),
        # a verb that only repeats the statement's own by a pronoun is no second claim
        ("«Noruega no ha vendido un solo fusil a Chile y no lo hará», insistió Lars Berg.",
         [("Noruega no ha vendido un solo fusil a Chile y no lo hará", "denied")]),
        # after a people's adjective "claims" is a noun
        ('The ministry dismissed as "slander" Western claims that Oslo had sold rifles to Chile.',
         [("Oslo had sold rifles to Chile", "denied")]),
        # a source the sentence opens with, its clause closed by a colon before another's verb
        ("Según diplomáticos europeos, el embargo complica los envíos: Lima sostiene que Oslo ha vendido fusiles.",
         [("el embargo complica los envíos", "asserted"), ("Oslo ha vendido fusiles", "asserted")]),
        # a statement joined by "and that" takes its verb's stance, not the denial before it
        ("Lars Berg said that Oslo has not sold rifles to Chile and that any rifles Lima uses are its own.",
         [("Oslo has not sold rifles to Chile", "denied"), ("any rifles Lima uses are its own", "asserted")]),
        # a violation foreseen is a warning
        ("Lars Berg recordó que cualquier venta de fusiles a Perú violaría el embargo.", [("cualquier venta de fusiles a Perú violaría el embargo", "warned")]),
        # a gerund after the verb's own clause opens an aside: what was said comes before
        ("Chilean rifles have become more accurate, a senior official told the Guardian, crediting data that Lima shares.",
         [("Chilean rifles have become more accurate", "asserted")]),
        # no doubt is no denial; a pretext, a cover and an expectation; what a visit concerned is no belief
        ("«Ya no hay duda de dónde está Lima», escribió Lars Berg.", [("Ya no hay duda de dónde está Lima", "asserted")]),
        ("Lars Berg argued that Lima's space programme is a cover for missiles.", [("Lima's space programme is a cover for missiles", "accused")]),
        ("The ministry said it expected Lima to hand over rifles.", [("it expected Lima to hand over rifles", "believes")]),
        ('An official said the visit concerned "trade".', [('the visit concerned "trade"', "asserted")]),
        ("Lars Berg said Chile was deeply concerned about the sales.", [("Chile was deeply concerned about the sales", "believes")]),
        # a name given is no statement, nor is a Spanish verb's form after "de" or "un"
        ('A firm called Nordlys Shipping sold "rifles" to Chile.', []),
        ("Chile presenta un avión de alerta temprana y Lima sospecha de ayuda noruega.", [("de ayuda noruega", "believes")]),
        # "a su juicio" is what the speaker holds, as "considera" is (docs/annotation.md)
        ("A su juicio, Lima busca un pretexto.", [("Lima busca un pretexto", "believes")]),
        # a parenthetical verb reports the words around it
        ("Lima, she said, has bought more rifles.", [("Lima, she said, has bought more rifles", "asserted")]),
    ],
)  # fmt: skip
def test_the_words_that_decide_claims_and_stances(text: str, statements: list[tuple[str, str]]) -> None:
    assert [(c.statement.text if c.statement else "", c.cue) for c in claim_candidates(text, CUES)] == statements


@pytest.mark.parametrize(
    ("speaker", "named", "expected"),
    [
        ("Diplomats at the UN", [], "diplomats at the United Nations"),
        ("spokesperson for the Chilean Foreign Ministry", [], "Chilean Foreign Ministry spokesperson"),
        # an office of a body the gazetteer knows takes the body's shortest English name
        ("spokesman for North Korea's defence ministry", [], "North Korean Defence Ministry spokesman"),
        ("la portavoz del Ministerio de Exteriores ruso", [], "Russian Foreign Ministry spokeswoman"),
        ("portavoz del Ministerio de Pesca", [("Ministerio de Pesca", "Peruvian Ministry of Fisheries")], "Peruvian Ministry of Fisheries spokesman"),
    ],
)  # fmt: skip
def test_a_described_speaker_with_its_body_in_english(speaker: str, named: list[tuple[str, str]], expected: str) -> None:
    actors = [Actor(kind="government", name=name, country="Peru", mentions=[mention], evidence=EVIDENCE) for mention, name in named]
    claim = Claim(speaker=speaker, stance="asserted", content="x", evidence=EVIDENCE)
    assert canonical_speakers([claim], actors, GAZETTEER, CUES)[0].speaker == expected

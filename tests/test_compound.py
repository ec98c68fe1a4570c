"""A statement that joins two propositions is two claims of one speaker, each with its stance."""

from __future__ import annotations

import pytest

from armstrace.extraction.candidates import claim_candidates

from support.speakers import CUES, speakers


def claims(text: str) -> list[tuple[str, str, str]]:
    return [(c.span.text, c.cue, c.statement.text if c.statement else "") for c in claim_candidates(f"Titular\n\n{text}", CUES)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a semicolon inside a quotation: a denial, then what is asserted instead
        ("«Chile no necesita fusiles de nadie; nuestra industria produce más que nadie», afirmó Lars Berg.",
         [("afirmó", "denied", "Chile no necesita fusiles de nadie"), ("; ", "asserted", "nuestra industria produce más que nadie")]),
        # a new subject after a comma and "y" in what "según" attributes
        ("Según el ministerio, Perú ha enviado 40 fusiles a Chile, y Bolivia ya ha pagado otros 20.",
         [("Según", "asserted", "Perú ha enviado 40 fusiles a Chile"), (", y ", "asserted", "Bolivia ya ha pagado otros 20")]),
        ("According to the ministry, about 300 Peruvian troops are in Chile, and some have already been wounded.",
         [("According to", "asserted", "about 300 Peruvian troops are in Chile"), (", and ", "asserted", "some have already been wounded")]),
        # "mientras" and a name: two parties, two propositions
        ("El organismo sostiene que Lima suministra los motores, mientras Santiago financia el proyecto.",
         [("sostiene", "asserted", "Lima suministra los motores"), (", mientras ", "asserted", "Santiago financia el proyecto")]),
        # in English, a second verb of the same subject
        ("Lars Berg said Peru had received 40 rifles and would use them within weeks.",
         [("said", "asserted", "Peru had received 40 rifles"), (" and ", "asserted", "would use them within weeks")]),
        ('"Peru has always observed its obligations and does not sell rifles to anyone," Berg wrote.',
         [("wrote", "asserted", "Peru has always observed its obligations"), (" and ", "denied", "does not sell rifles to anyone")]),
        # a denial joined by "ni" goes on denying
        ("«Perú no vende ni ha vendido fusiles a Chile; nuestra industria no necesita clientes», dijo Berg.",
         [("dijo", "denied", "Perú no vende"), ("ni", "denied", "ha vendido fusiles a Chile"), ("; ", "asserted", "nuestra industria no necesita clientes")]),
        # an attribution set off before a joined clause reports what comes before it
        ("Air defences had shot down several drones over the port, he wrote on Telegram, and no ships had been damaged.",
         [("wrote", "asserted", "Air defences had shot down several drones over the port"), ("and", "denied", "no ships had been damaged")]),
        # a verb past a few words of the new subject
        ("Según el mando, el país registró 19 incursiones en una semana, y al menos cuatro de los aparatos fueron derribados.",
         [("Según", "asserted", "el país registró 19 incursiones en una semana"), (", y ", "asserted", "al menos cuatro de los aparatos fueron derribados")]),
    ],
)  # fmt: skip
def test_a_statement_joining_two_propositions_is_two_claims(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a list of names, not a clause
        "The banks targeted include Banco Andino, one of the largest in Lima, and Cusco-based Banco Inca, the Treasury said.",
        "Según el informe, los barcos viajan entre el puerto de Callao, en Perú, y la base de Arica.",
        # a verb of the named thing's own relative clause opens no clause
        "Según el informe, los fusiles llegaron a Callao, y la base de Arica, que fue ampliada en 2023.",
        # two subjects of one verb
        "Lars Berg said Peru and Chile have signed a treaty.",
        # after a verb with "that", what follows a comma may be the narrator's
        "Berg confirmed that Peruvian units had taken part in the fighting, and President Ana Ruiz thanked Lima.",
        # "while" without a comma, inside one proposition
        "Según el parte, un soldado sirve de cebo mientras sus compañeros disparan al dron.",
    ],
)
def test_one_proposition_stays_one_claim(text: str) -> None:
    assert len(claims(text)) == 1


def test_the_subject_of_the_next_verb_is_no_proposition() -> None:
    found = claims("El Kremlin ha negado el uso de fusiles peruanos contra civiles, y el gobierno peruano negó haberlos enviado.")
    assert [c[0] for c in found] == ["ha negado", "negó"]


def test_every_proposition_keeps_the_speaker() -> None:
    text = "Titular\n\nSegún Lars Berg, Perú ha enviado 40 fusiles a Chile, y Bolivia ya ha pagado otros 20."
    assert speakers(text) == [("Según", "Lars Berg"), (", y ", "Lars Berg")]

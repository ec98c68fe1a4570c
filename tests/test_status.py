"""A transfer's status from its sentence's own marks: denied, alleged, or the narrator's verbs."""

from __future__ import annotations

import pytest

from armstrace.knowledge.cues import load_cues
from armstrace.base.schema import Claim, Evidence, Stance, Weapon
from armstrace.extraction.status import settle_status, status_of

CUES = load_cues()


def _evidence(sentence: str) -> Evidence:
    return Evidence(quote=sentence, start=0, end=len(sentence), alignment="exact", score=1.0)


def weapon(sentence: str, words: str, status: str = "agreed") -> Weapon:
    return Weapon(description=words, category="drone", supplier="Iran", recipient="Russia", status=status, evidence=_evidence(sentence))  # type: ignore[arg-type]


def claim(sentence: str, content: str, stance: Stance = "asserted") -> Claim:
    return Claim(speaker="Lars Berg", stance=stance, content=content, evidence=_evidence(sentence))


@pytest.mark.parametrize(
    ("sentence", "words", "status"),
    [
        ("Irán envió 400 drones a Rusia en mayo.", "drones", "delivered"),
        ("Irán firmó un contrato para vender drones a Rusia.", "drones", "agreed"),
        ("Rusia lanzó drones iraníes contra Kiev.", "drones", "used"),
        ("Rusia usó drones de fabricación iraní contra Kiev.", "drones", "used"),
        ("Irán construye una fábrica de drones para Rusia.", "drones", "produced"),
        ("The drones were shipped across the Caspian Sea and used against Ukraine.", "drones", "delivered"),
        ("Irán habría enviado drones a Rusia.", "drones", "alleged"),
        ("Pyongyang has reportedly shipped thousands of shells to Moscow.", "shells", "alleged"),
        # An order is a deal, and items listed after "including" hang on the clause before them.
        ("Chile ordered new trucks and spare parts, including drones.", "drones", "agreed"),
        # Whether it happened is left open.
        ("Berg did not say whether Iran shipped the drones.", "drones", "alleged"),
        ("Moscú firmó un acuerdo por drones después de que Putin enviara tropas a Ucrania.", "tropas", "delivered"),
        # Bought is delivered, even when the clause goes on to their use.
        ("Rusia compró drones a Irán que luego fueron usados en Ucrania.", "drones", "delivered"),
        # A clause with no verb of its own takes the sentence's.
        ("Así los emplea el ejército: en oleadas de cincuenta drones.", "drones", "used"),
    ],
)  # fmt: skip
def test_the_narrators_marks_decide_when_nobody_is_reported(sentence: str, words: str, status: str) -> None:
    assert status_of(weapon(sentence, words), [], CUES) == status


def test_a_transfer_someone_states_is_alleged_and_one_denied_is_denied() -> None:
    sentence = "Lars Berg dijo que Irán envió drones a Rusia."
    assert status_of(weapon(sentence, "drones"), [claim(sentence, "Irán envió drones a Rusia")], CUES) == "alleged"
    denied = claim(sentence, "Irán envió drones a Rusia", stance="denied")
    assert status_of(weapon(sentence, "drones"), [denied], CUES) == "denied"


def test_a_claim_that_does_not_hold_the_materiel_leaves_it_to_the_narrator() -> None:
    sentence = "Irán firmó un contrato de drones con Rusia y Lars Berg cree que envió misiles."
    believed = claim(sentence, "envió misiles", stance="believes")
    assert status_of(weapon(sentence, "drones"), [believed], CUES) == "agreed"
    assert status_of(weapon(sentence, "misiles"), [believed], CUES) == "alleged"


def _at(sentence: str, start: int) -> Evidence:
    return Evidence(quote=sentence, start=start, end=start + len(sentence), alignment="exact", score=1.0)


def test_a_report_the_article_confirms_takes_its_stage_unless_hedged_or_denied() -> None:
    reported, admitted, hedged = (
        "Lars Berg dijo que Irán envió drones a Rusia.", "Irán reconoció que entregó drones a Rusia.", "Irán habría enviado drones a Rusia."
    )
    weapons = [weapon(s, "drones").model_copy(update={"evidence": _at(s, 100 * n)}) for n, s in enumerate((reported, admitted, hedged))]
    claims = [
        Claim(speaker="Lars Berg", stance="asserted", content="Irán envió drones a Rusia", evidence=_at(reported, 0)),
        Claim(speaker="Iran", stance="acknowledged", content="entregó drones a Rusia", evidence=_at(admitted, 100)),
    ]
    assert [w.status for w in settle_status(weapons, claims, CUES)] == ["delivered", "delivered", "alleged"]
    # Nor does a party admitting "armas": too broad to be the same transfer.
    generic = [w.model_copy(update={"category": "military_equipment"}) for w in weapons]
    assert [w.status for w in settle_status(generic, claims, CUES)] == ["alleged", "delivered", "alleged"]
    # A party's denial confirms nothing.
    claims[1] = claims[1].model_copy(update={"stance": "denied"})
    assert [w.status for w in settle_status(weapons, claims, CUES)] == ["alleged", "denied", "alleged"]


def test_settling_keeps_every_transfer_and_changes_only_its_status() -> None:
    sentences = ["Irán envió 400 drones a Rusia.", "Irán habría enviado drones a Rusia."]
    settled = settle_status([weapon(s, "drones") for s in sentences], [], CUES)
    assert [w.status for w in settled] == ["delivered", "alleged"]
    assert [w.evidence for w in settled] == [_evidence(s) for s in sentences]


@pytest.mark.parametrize(
    ("sentence", "words", "status"),
    [
        ("Nunca antes hemos vendido armas a Rusia y no pensamos hacerlo.", "armas", "denied"),
        ("El ministro dijo que Irán no envió ni enviará drones a ninguna parte.", "drones", "denied"),
        ("Iran didn't send drones to Russia.", "drones", "denied"),
        ("Iran did not directly send drones to Russia.", "drones", "denied"),
        ("Irán no solo envió drones a Rusia, también instructores.", "drones", "delivered"),
        ("Rusia no estaba usando drones iraníes en el frente.", "drones", "denied"),
        # A later "no more sales" does not deny the drones the clause admits.
        ("Le dimos drones a Rusia antes de la guerra, pero desde entonces no hubo nuevas ventas.", "drones", "delivered"),
    ],
)  # fmt: skip
def test_a_negated_transfer_verb_in_the_materiels_clause_is_a_denial(sentence: str, words: str, status: str) -> None:
    assert status_of(weapon(sentence, words), [], CUES) == status


def test_a_participle_of_use_after_a_negation_describes_rather_than_denies() -> None:
    sentence = "Ese obús enviado no es utilizado por las tropas rusas."
    assert status_of(weapon(sentence, "obús"), [], CUES) != "denied"


def test_a_party_stating_or_admitting_its_own_transfer_is_not_a_third_party_report() -> None:
    sentence = "Irán dijo que envió drones a Rusia antes de la guerra."
    own = Claim(speaker="Iran", stance="asserted", content="envió drones a Rusia", evidence=_evidence(sentence))
    assert status_of(weapon(sentence, "drones"), [own], CUES) == "delivered"
    admitted = claim(sentence, "envió drones a Rusia", stance="acknowledged")
    assert status_of(weapon(sentence, "drones"), [admitted], CUES) == "delivered"


def test_a_reporting_verb_makes_a_transfer_alleged_even_without_a_kept_claim_unless_it_is_factive() -> None:
    reported = "Un servicio de inteligencia ha informado esta semana que Corea del Norte mandó cohetes a Rusia."
    assert status_of(weapon(reported, "cohetes"), [], CUES) == "alleged"
    confirmed = "La inteligencia confirmó que Irán había transferido a Rusia varios misiles balísticos."
    assert status_of(weapon(confirmed, "misiles balísticos"), [], CUES) == "delivered"
    accused = "Seúl acusó el lunes a Pyongyang de mandar armas a Moscú."
    assert status_of(weapon(accused, "armas"), [], CUES) == "alleged"
    determined = "US officials have determined that Iran keeps shipping one-way attack drones to Russia."
    assert status_of(weapon(determined, "one-way attack drones"), [], CUES) == "delivered"


def test_a_third_partys_condemnation_is_an_allegation_and_a_partys_leader_speaks_for_it() -> None:
    from armstrace.knowledge.gazetteer import load_gazetteer

    condemned = "Seúl y Tokio han condenado el suministro norcoreano de armas a Rusia."
    assert status_of(weapon(condemned, "armas"), [], CUES) == "alleged"
    sentence = "Putin dijo que Rusia está dispuesta a entregar drones a Irán."
    said = Claim(speaker="Vladimir Putin", stance="asserted", content="entregar drones a Irán", evidence=_evidence(sentence))
    russian = weapon(sentence, "drones").model_copy(update={"supplier": "Russia", "recipient": "Iran"})
    assert status_of(russian, [said], CUES, load_gazetteer()) == "planned"
    assert status_of(russian, [said], CUES) == "alleged"  # without the gazetteer, Putin is anyone

import pytest
from pydantic import ValidationError

from armstrace.candidates import Candidate, find_candidates
from armstrace.ground import ground_labels, grounded_model, known_actor, merge_actors
from armstrace.lexicon import load_cues, load_gazetteer
from armstrace.schema import Actor, ActorLabel, ClaimLabel, Claim, Figure, FigureLabel, Weapon, WeaponLabel

ARTICLE = (
    "El portavoz John Kirby dijo que Corea del Norte suministró más de 1.000 contenedores de "
    "equipamiento militar a Rusia.\nMoscú negó haber recibido drones Shahed-136."
)
FOUND = find_candidates(ARTICLE, load_cues(), load_gazetteer())
GAZ = load_gazetteer()


def _weapon(**changes: str) -> WeaponLabel:
    base = dict(
        category="military_equipment", designation="", description="containers of military equipment",
        supplier="North Korea", recipient="Russia", quantity="más de 1.000", status="delivered",
    )
    return WeaponLabel(**{**base, **changes})  # type: ignore[arg-type]


def _first(field: str) -> Candidate:
    return FOUND[field][0]  # type: ignore[index]


def test_weapon_record_takes_its_sentence_as_evidence_and_a_normalised_amount() -> None:
    [record], dropped = ground_labels([_first("weapons")], [_weapon()], ARTICLE, GAZ)
    assert isinstance(record, Weapon)
    assert ARTICLE[record.evidence.start : record.evidence.end] == record.evidence.quote
    assert record.evidence.quote.startswith("El portavoz")
    assert record.quantity is not None and record.quantity.value == 1000 and record.quantity.qualifier == "more_than"
    assert dropped == []


def test_an_amount_rewritten_by_the_model_is_matched_by_value() -> None:
    [record], _ = ground_labels([_first("weapons")], [_weapon(quantity="1000")], ARTICLE, GAZ)
    assert isinstance(record, Weapon) and record.quantity is not None
    assert record.quantity.text == "más de 1.000"


def test_the_validator_rejects_an_amount_the_sentence_does_not_state() -> None:
    model = grounded_model("weapons", [_first("weapons")], ARTICLE)
    with pytest.raises(ValidationError, match="quantity '500' is not written"):
        model.model_validate({"labels": [_weapon(quantity="500").model_dump()]})


def test_the_validator_rejects_a_designation_not_in_the_sentence() -> None:
    model = grounded_model("weapons", [_first("weapons")], ARTICLE)
    with pytest.raises(ValidationError, match="designation 'KN-23'"):
        model.model_validate({"labels": [_weapon(designation="KN-23").model_dump()]})


def test_the_validator_needs_exactly_one_label_per_candidate() -> None:
    model = grounded_model("weapons", [_first("weapons")], ARTICLE)
    with pytest.raises(ValidationError):
        model.model_validate({"labels": []})


def test_an_unfound_amount_is_dropped_and_listed_when_reasks_are_spent() -> None:
    [record], dropped = ground_labels([_first("weapons")], [_weapon(quantity="500")], ARTICLE, GAZ)
    assert isinstance(record, Weapon) and record.quantity is None
    assert [(d.field, d.quote) for d in dropped] == [("weapons", "500")]


def test_a_designation_keeps_the_article_spelling() -> None:
    candidate = FOUND["weapons"][1]
    [record], _ = ground_labels([candidate], [_weapon(designation="shahed-136", quantity="")], ARTICLE, GAZ)
    assert isinstance(record, Weapon) and record.designation == "Shahed-136"


def test_labels_that_name_nothing_make_no_record() -> None:
    weapon_none = _weapon(category="none")
    claim_none = ClaimLabel(stance="none", speaker="", content="", subject="", channel="")
    records, dropped = ground_labels([_first("weapons"), _first("claims")], [weapon_none, claim_none], ARTICLE, GAZ)
    assert records == [] and dropped == []


def test_a_claim_without_speaker_is_dropped_with_its_reason() -> None:
    label = ClaimLabel(stance="asserted", speaker=" ", content="x", subject="", channel="")
    records, [dropped] = ground_labels([_first("claims")], [label], ARTICLE, GAZ)
    assert records == [] and dropped.reason == "no speaker given"


def test_the_reporting_verb_decides_a_claims_stance_over_the_model() -> None:
    denial = [c for c in FOUND["claims"] if c.cue == "denied"][0]
    label = ClaimLabel(stance="acknowledged", speaker="Russia", content="Russia received drones.", subject="drones", channel="")
    [record], _ = ground_labels([denial], [label], ARTICLE, GAZ)
    assert isinstance(record, Claim) and record.stance == "denied" and record.evidence.quote.startswith("Moscú negó")


def test_a_claim_keeps_the_models_stance_when_no_cue_names_one() -> None:
    sentence = FOUND["claims"][0]
    uncued = Candidate("claims", sentence.span, sentence.sentence, cue="")
    label = ClaimLabel(stance="warned", speaker="John Kirby", content="x", subject="", channel="")
    [record], _ = ground_labels([uncued], [label], ARTICLE, GAZ)
    assert isinstance(record, Claim) and record.stance == "warned"


def test_a_figure_is_the_code_found_number_with_the_model_description() -> None:
    label = FigureLabel(counted="containers", measures="military equipment shipped to Russia")
    [record], _ = ground_labels([_first("figures")], [label], ARTICLE, GAZ)
    assert isinstance(record, Figure)
    assert record.evidence.quote == "más de 1.000" and record.quantity.value == 1000


def test_gazetteer_names_become_actors_without_the_model() -> None:
    moscow = [c for c in FOUND["actors"] if c.span.text == "Moscú"][0]
    actor = known_actor(moscow, GAZ)
    assert actor is not None and (actor.name, actor.country_code, actor.kind) == ("Russia", "RU", "country")


def test_a_country_no_list_of_countries_knows_is_dropped_with_its_reason() -> None:
    article = "El Kremlin habló de Medio Oriente y de Rusia."
    found = find_candidates(article, load_cues(), load_gazetteer())["actors"]
    region = next(c for c in found if c.span.text == "Medio Oriente")
    label = ActorLabel(kind="country", name="Middle East", country="", role="")
    records, [dropped] = ground_labels([region], [label], article, GAZ)
    assert records == [] and dropped.reason == "'Middle East' is not a known country"
    spain = ActorLabel(kind="country", name="España", country="", role="")
    [record], _ = ground_labels([region], [spain], article, GAZ)  # Spanish ISO names count
    assert isinstance(record, Actor)


def test_not_an_actor_makes_no_record() -> None:
    label = ActorLabel(kind="not_an_actor", name="Middle East", country="", role="")
    assert ground_labels([_first("actors")], [label], ARTICLE, GAZ) == ([], [])


def test_one_actor_per_name_with_every_mention() -> None:
    actors = [known_actor(c, GAZ) for c in FOUND["actors"] if c.known]
    merged = {a.name: a.mentions for a in merge_actors([a for a in actors if a is not None])}
    assert merged["Russia"] == ["Rusia", "Moscú"]

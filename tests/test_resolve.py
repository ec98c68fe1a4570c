"""Resolution: names, countries, weapons, copies of one story and the flows claims state."""

from __future__ import annotations

from pathlib import Path

import pytest

from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer
from armstrace.text.dates import dateline, stated_date
from armstrace.knowledge.gazetteer import name_key
from armstrace.dataset.duplicates import DuplicateFinder
from armstrace.dataset.propositions import Propositions
from armstrace.dataset.resolve import NameForm, Resolver
from armstrace.base.schema import ActorKind


def _forms(*names: tuple[str, ActorKind]) -> dict[str, NameForm]:
    return {name_key(name): NameForm(name, (kind,), (name,), (), ()) for name, kind in names}


def _resolved(*names: tuple[str, ActorKind], gazetteer: Path | None = None) -> Resolver:
    resolver = Resolver(load_gazetteer(gazetteer))
    resolver.resolve_names(_forms(*names))
    return resolver


def test_name_variants_and_accents_are_one_actor() -> None:
    resolver = _resolved(("Vladímir Putin", "person"), ("Vladimir Putin", "person"), ("Putin", "person"))
    assert {resolver.entity(n).name for n in ("Vladímir Putin", "Vladimir Putin", "Putin")} == {"Vladimir Putin"}


def test_a_capital_used_for_the_government_is_the_country() -> None:
    resolver = _resolved(("Teherán", "government"), ("Irán", "country"), ("Iran", "country"))
    assert {resolver.entity(n).key for n in ("Teherán", "Irán", "Iran")} == {"country:IR"}


def test_the_kremlin_is_the_russian_presidency_and_belongs_to_russia() -> None:
    resolver = _resolved(("el Kremlin", "government"))
    kremlin = resolver.entity("el Kremlin")
    assert kremlin.role == "Russian presidency"
    assert resolver.state_of(kremlin).name == "Russia"


def test_spanish_country_names_outside_the_gazetteer_get_their_iso_code() -> None:
    resolver = _resolved(("Costa de Marfil", "country"), ("Eslovaquia", "country"))
    assert resolver.entity("Costa de Marfil").country_code == "CI"
    assert resolver.entity("Eslovaquia").country_code == "SK"
    assert {d.rule for d in resolver.decisions()} == {"iso3166"}


def test_a_spelling_variant_is_joined_fuzzily_and_the_score_is_recorded() -> None:
    resolver = _resolved(("Corea de Norte", "country"))
    (decision,) = resolver.decisions()
    assert resolver.entity("Corea de Norte").name == "North Korea"
    assert decision.rule == "fuzzy" and decision.score >= 90 and decision.matched == "corea del norte"


def test_a_lone_surname_joins_the_one_person_who_has_it() -> None:
    resolver = _resolved(("Alexei Petrenko", "person"), ("Petrenko", "person"))
    assert resolver.entity("Petrenko").name == "Alexei Petrenko"
    assert {d.name: d.rule for d in resolver.decisions()}["Petrenko"] == "surname"


def test_a_wrong_fuzzy_join_is_undone_by_the_user_alias_file(tmp_path: Path) -> None:
    names = (("Alexei Petrenko", "person"), ("Alexei Petrenkov", "person"))
    assert _resolved(*names).entity("Alexei Petrenkov").name == "Alexei Petrenko"
    aliases = tmp_path / "mine.toml"
    aliases.write_text('[[actor]]\nname = "Alexei Petrenkov"\nkind = "person"\ncountry = "RU"\n', encoding="utf-8")
    resolver = _resolved(*names, gazetteer=aliases)
    assert resolver.entity("Alexei Petrenkov").name == "Alexei Petrenkov"
    assert {d.name: d.rule for d in resolver.decisions()}["Alexei Petrenkov"] == "user_gazetteer"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [("Geran-2", "Shahed-136"), ("Gueran 2", "Shahed-136"), ("Hwasong-11", "KN-23"), ("Hwaseong-11", "KN-23"), ("Kinjal", "Kinzhal")],
)
def test_weapon_designations_resolve_across_languages(written: str, canonical: str) -> None:
    name, category, decision = Resolver(load_gazetteer()).weapon(written)
    assert name == canonical and category is not None and decision is not None and decision.rule == "gazetteer"


STORY = (
    "Corea del Norte suministró en las últimas semanas más de 1.000 contenedores de equipamiento militar a Rusia, "
    "dijo el portavoz de la Casa Blanca. El Kremlin afirmó que no hay pruebas de que Pyongyang esté mandando armas "
    "a Moscú, y el portavoz Dmitri Peskov dijo que Washington nunca ha presentado ninguna prueba de sus acusaciones."
)


def test_a_republished_copy_is_found_and_another_story_is_not() -> None:
    finder = DuplicateFinder()
    finder.add("a", STORY)
    finder.add("b", STORY.replace("dijo el portavoz", "según dijo el portavoz") + " (Con información de EFE)")
    finder.add("c", "Irán y Rusia lanzaron un ejercicio naval conjunto en el Mar Caspio, una zona estratégica compartida.")
    clusters = finder.clusters()
    assert set(clusters) == {"b"}
    assert clusters["b"][0] == "a" and (clusters["b"][1] or 0) >= 0.7


@pytest.fixture(scope="module")
def propositions() -> Propositions:
    return Propositions(Resolver(load_gazetteer()), load_cues())


def test_a_denial_states_the_flow_it_denies(propositions: Propositions) -> None:
    kremlin = propositions.resolver.known("Kremlin")
    flow = propositions.flow("The Kremlin denied that North Korea was sending weapons to Russia.", kremlin)
    assert flow is not None and (flow[0].name, flow[1].name) == ("North Korea", "Russia")


def test_the_speakers_own_state_is_not_the_supplier(propositions: Propositions) -> None:
    us = propositions.resolver.known("Estados Unidos")
    flow = propositions.flow("Estados Unidos afirmó que Corea del Norte envía armas a Rusia.", us)
    assert flow is not None and (flow[0].name, flow[1].name) == ("North Korea", "Russia")


def test_a_sentence_without_a_weapon_states_no_flow(propositions: Propositions) -> None:
    assert propositions.flow("Rusia envió un mensaje a Irán sobre la cumbre.", None) is None


def test_a_dateline_gives_the_publication_date_and_a_date_in_the_body_does_not() -> None:
    assert dateline("MOSCÚ, 12 de octubre de 2023 (EFE) - El Kremlin negó...") == "2023-10-12"
    assert dateline("Titular\n\nWASHINGTON, October 13, 2023 (Reuters) - ...") == "2023-10-13"
    assert dateline("El presidente habló.\nLa reunión fue el 22 de junio de 2023 en Moscú.") is None
    assert stated_date("una reunión en Moscú, el 22 de junio de 2023 – El presidente") == "2023-06-22"

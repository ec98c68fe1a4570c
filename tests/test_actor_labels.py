"""Code corrects the kind and country a model gives an actor, from the name and the words around it."""

from __future__ import annotations

import pytest

from armstrace.extraction.actor_labels import actor_kind, country_of, deliberative_kind
from armstrace.extraction.spans import Candidate, Span
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer

CUES = load_cues()
GAZ = load_gazetteer()


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("agency", "Fjordspace", "organisation"),  # no armed, intelligence or security word: not an agency
        ("agency", "Norwegian Coast Guard", "agency"),
        ("agency", "Servicio de Inteligencia de Chile", "agency"),
        ("agency", "Ejército de Noruega", "agency"),  # a cue word with an accent still counts
        ("government", "Fjord Compañía", "organisation"),  # a company, its word accented
        ("agency", "Fjord Industries", "organisation"),  # a company
        ("government", "Oslo Daily", "media"),  # an outlet
        ("person", "Lars Berg", "person"),
    ],
)
def test_the_kind_follows_the_words_of_the_name(kind: str, name: str, expected: str) -> None:
    assert actor_kind(kind, name, CUES) == expected


@pytest.mark.parametrize(
    ("name", "country_code", "expected"),
    [
        ("Security Council", "", "organisation"),  # an international council
        ("Security Council of Norway", "NO", "government"),  # a state's
        ("Comité de Sanciones", "", "organisation"),
        ("Norwegian Coast Guard", "NO", "agency"),  # no deliberative word: stays an agency
    ],
)
def test_a_council_is_no_agency(name: str, country_code: str, expected: str) -> None:
    assert deliberative_kind("agency", name, country_code, CUES) == expected


def _candidate(sentence: str, name: str) -> Candidate:
    at = sentence.index(name)
    return Candidate(field="actors", span=Span(at, at + len(name), name), sentence=Span(0, len(sentence), sentence))


@pytest.mark.parametrize(
    ("kind", "sentence", "name", "country"),
    [
        ("organisation", "Lo anunció Fjordspace, la agencia espacial de Noruega, el martes.", "Fjordspace", "Norway"),  # its apposition
        ("organisation", "La empresa rusa Andesflot compró los barcos.", "Andesflot", "Russia"),  # the adjective before it
        ("person", "El diputado ucraniano Luis Soto lo negó.", "Luis Soto", "Ukraine"),
        ("person", "Luis Soto, diputado de Perú, lo negó.", "Luis Soto", None),  # a person's apposition is not read
        # A role set off before the name is read whole.
        ("person", "Norway's deputy foreign minister, Lars Berg, denied it.", "Lars Berg", "Norway"),
        ("person", "The Chilean Defence Ministry spokesman, Luis Soto, denied it.", "Luis Soto", "Chile"),
        ("person", "El portavoz del Ministerio de Defensa ucraniano, Luis Soto, lo negó.", "Luis Soto", "Ukraine"),
        ("person", "Speaking to reporters in Oslo, Luis Soto denied it.", "Luis Soto", None),  # no title: no role
        ("organisation", "Fjordspace lanzó el satélite.", "Fjordspace", None),
    ],
)
def test_the_country_is_read_around_the_name(kind: str, sentence: str, name: str, country: str | None) -> None:
    found = country_of(kind, name, _candidate(sentence, name), GAZ, CUES)
    assert (found[1] if found else None) == country

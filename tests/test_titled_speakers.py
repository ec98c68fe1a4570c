"""A person introduced with a rank or an office ("Vice Admiral Olav Berge", "Government
spokesman Pedro Alves") is that person, by name alone; an aside on how a subject spoke, or
the outlet it spoke to, stands between it and its verb without taking its place."""

from __future__ import annotations

import pytest

from armstrace.base.schema import Actor, Claim, Evidence
from armstrace.extraction.actor_labels import country_of
from armstrace.extraction.name_candidates import actor_candidates
from armstrace.extraction.speaker_names import canonical_speakers

from support.speakers import CUES, GAZETTEER, speakers


def names(text: str) -> list[str]:
    return [c.span.text for c in actor_candidates(text, CUES, GAZETTEER)]


@pytest.mark.parametrize(
    ("text", "wanted", "unwanted"),
    [
        ("On Monday, Colonel Ahmed Karimi told reporters that no rifles had been sold.", ["Ahmed Karimi"], ["Colonel Ahmed Karimi"]),
        ("Vice Admiral Olav Berge said the shells came by sea.", ["Olav Berge"], ["Vice Admiral Olav Berge"]),
        ("Thai Prime Minister Somchai Wongsawat told reporters the case was closed.", ["Somchai Wongsawat"], ["Thai Prime Minister"]),
        ("Russian Deputy Transport Minister Pavel Orlov said the port would open.", ["Pavel Orlov"], ["Deputy Transport"]),
        # a body before the rank stays a name of its own
        ("State Department Spokesman Matthew Harlow said the sale was illegal.", ["State Department", "Matthew Harlow"], []),
        # a rank's word that opens a name of one word more is the name's
        ("General Dynamics said it had sold no engines. The General Staff said nothing.", ["General Dynamics", "General Staff"], []),
    ],
)
def test_a_rank_before_a_name_is_no_part_of_it(text: str, wanted: list[str], unwanted: list[str]) -> None:
    found = names(text)
    assert all(w in found for w in wanted), found
    assert not any(u in found for u in unwanted), found


def test_the_country_of_a_long_title_is_the_persons() -> None:
    text = "Russian Deputy Foreign Minister Pavel Orlov said the port would open."
    candidate = next(c for c in actor_candidates(text, CUES, GAZETTEER) if c.span.text == "Pavel Orlov")
    assert country_of("person", "Pavel Orlov", candidate, GAZETTEER, CUES) == ("RU", "Russia")
    text = "South Korean Foreign Minister Lee Dong-hyun said the port would open."
    candidate = next(c for c in actor_candidates(text, CUES, GAZETTEER) if c.span.text == "Lee Dong-hyun")
    assert country_of("person", "Lee Dong-hyun", candidate, GAZETTEER, CUES) == ("KR", "South Korea")


def _person(name: str) -> Actor:
    evidence = Evidence(quote=name, start=0, end=len(name), alignment="exact", score=1.0)
    return Actor(name=name, mentions=[name], kind="person", evidence=evidence)


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("Government spokesman Pedro Alves", "Pedro Alves"),
        ("government spokesman Pedro Alves", "Pedro Alves"),
        ("el portavoz militar Pedro Alves", "Pedro Alves"),
        # someone the person is the complement of is someone else
        ("the brother of Pedro Alves", "the brother of Pedro Alves"),
    ],
)
def test_a_role_that_closes_with_a_persons_name_is_the_person(speaker: str, expected: str) -> None:
    evidence = Evidence(quote="x", start=0, end=1, alignment="exact", score=1.0)
    claim = Claim(speaker=speaker, stance="asserted", content="x", evidence=evidence)
    assert canonical_speakers([claim], [_person("Pedro Alves")], GAZETTEER, CUES)[0].speaker == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside on how the subject spoke, between it and its verb
        ("Titular\n\nEl embajador de Chile en Perú, citado por la agencia Andina, afirmó que su país nunca vendió fusiles a Irán.",
         [("afirmó", "embajador de Chile en Perú")]),
        # the outlet spoken to, with its adjective, before the subject
        ("Titular\n\n«No hay tanques en el puerto», declaró a la agencia rusa Interfax el gobernador Pavel Sokolov.",
         [("declaró", "Pavel Sokolov")]),
        # a role with a long complement, and the name apposed to it
        ("Titular\n\n«No hay tanques en el puerto», declaró el responsable de prensa de la administración regional, Pavel Sokolov.",
         [("declaró", "Pavel Sokolov")]),
    ],
)
def test_the_subject_past_an_aside_or_an_outlet(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


def test_an_outlet_named_as_a_report_s_author_is_no_subject() -> None:
    text = "Headline\n\nOne of the firms named in a report by the newspaper Le Monde said it had sold only spare parts."
    assert ("said", "Le Monde") not in speakers(text)

"""Speakers that are institutions, and the frames around them: a dateline before the subject, a
role and a name in apposition, a channel after "according to", a document or a role named
before, a government by its adjective, and the institutions the article describes as actors."""

from __future__ import annotations

import pytest

from armstrace.base.schema import Actor, Claim, Evidence
from armstrace.extraction.speaker_actors import speaker_actors
from armstrace.extraction.speaker_names import canonical_speakers
from armstrace.extraction.status import settle_status

from support.speakers import CUES, GAZETTEER, speakers

EVIDENCE = Evidence(quote="x", start=0, end=1, alignment="exact", score=1.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wire story's lead names a place the gazetteer knows, not the subject
        ("SEÚL, 3 de junio (La Nación) — Ana Torres, hermana del presidente Luis Torres, negó este lunes que Perú venda armas.",
         [("negó", "Ana Torres")]),
        ("LIMA, 20 oct (EFE) — Un grupo de militares chilenos se encuentra en Tacna para adiestrar a las tropas, aseguró este jueves "
         "la representante del presidente de Perú en Tacna, Ana Torres.", [("aseguró", "Ana Torres")]),
        # a country ISO 3166 knows opens the sentence, a relative clause after it
        ("Peru, which borders Chile, said it was \"taking the report seriously\".", [("said", "Peru")]),
        # a role set off before the name: the name speaks, not what the verb is about
        ("Peru said it was \"taking the report seriously\". Its foreign minister, Ana Torres, accused Santiago of lying.",
         [("said", "Peru"), ("accused", "Ana Torres")]),
        # "according to" after a person's verb names the channel
        ("\"We repair planes here,\" Torres said, according to Pul Pervogo, a Telegram channel close to his office.", [("said", "Torres")]),
        # but an outlet that reports "according to" its sources relays them
        ("The Financial Times reported, according to intelligence sources, that Peru sent drones.", [("reported", "intelligence sources")]),
        # a described body and the name it is given in apposition
        ("Chile's military intelligence agency, the HUR, said on Tuesday that Peruvian specialists had been working there. "
         "According to the agency, the plant makes 30 drones a month.", [("said", "HUR"), ("According to", "HUR")]),
        # where a statement was made, between the verb and its subject
        ("\"Ni una sola arma ha salido\", dijo en rueda de prensa semanal el portavoz del Ejecutivo, Lars Berg.", [("dijo", "Lars Berg")]),
        # a role alone after "según": the person who spoke before
        ("Ana Torres negó que Perú venda armas. Según la dirigente, las acusaciones son falsas.", [("negó", "Ana Torres"), ("Según", "Ana Torres")]),
        # a document the article attributed before speaks for its issuer, and so does "el documento"
        ("El Gobierno peruano negó que venda drones, como sostiene un informe de la inteligencia militar de Ucrania.\n\n"
         "Según el informe, citado por el diario El Tiempo, al menos 12 drones aparecieron en Lima. El documento añade que llegaron por mar.",
         [("negó", "Gobierno peruano"), ("Según", "inteligencia militar de Ucrania"), ("añade", "inteligencia militar de Ucrania")]),
        # a verb joined to a clause that is no claim: past a role with its complement, the person
        ("El embajador de Chile en Perú, Lars Berg, pidió a Lima \"más controles\" y afirmó que su Gobierno compartirá las pruebas.",
         [("afirmó", "Lars Berg")]),
        # a role with its complement before the name set off: the person, not the body the role names
        ("El portavoz de la agrupación de fuerzas Sur, Lars Berg, explicó que las vainas llevan la fecha.", [("explicó", "Lars Berg")]),
        # to whom it was said, "al diario X", between the verb and its subject
        ("Ana Torres dijo que Perú vende. \"Perú no vende misiles\", declaró al diario Etemad el portavoz de la comisión de "
         "Defensa del Parlamento, Lars Berg.", [("dijo", "Ana Torres"), ("declaró", "Lars Berg")]),
        # a person's name, not the body of their affiliation
        ("\"Every casing carries a date,\" said Lars Berg of the Southern group of forces.", [("said", "Lars Berg")]),
        # where it was said, set off between a body and its verb
        ("Russia's defence ministry, in a statement carried by the state news agency RIA Novosti, called the display \"a staged show\".",
         [("called", "Russia's defence ministry")]),
        # a group named before with a demonstrative
        ("Fuentes de seguridad peruanas aseguraron que 40 camiones salieron. Según esas fuentes, hubo tres envíos.",
         [("aseguraron", "Fuentes de seguridad peruanas"), ("Según", "Fuentes de seguridad peruanas")]),
        ("US officials said Peru sent drones. Those officials said the drones were new.", [("said", "US officials"), ("said", "US officials")]),
        # to whom it was said, as the occasion of the next verb
        ("Lars Berg negó las acusaciones, dijo al portal Aktuality.sk, al que explicó que sus contactos se limitaban a la compra de piezas.",
         [("negó", "Lars Berg"), ("explicó", "Lars Berg")]),
        # a described body with the name that owns it
        ("Chile's military intelligence agency says Peru has been sending shells since last autumn.",
         [("says", "Chile's military intelligence agency")]),
        # the wire credit in a sentence of its own after a date's full stop ("20 May.")
        ("BRUSELAS, 20 May. (EUROPA PRESS) - El Consejo de Chile ha aprobado sanciones contra siete entidades a las que acusa de "
         "vender drones.", [("acusa", "Consejo de Chile")]),
        # where it was said, then what: "que" opens the statement, not a subject
        ("La ministra de Exteriores, Ana Torres, dijo en rueda de prensa que Lima «se ha convertido en un proveedor».", [("dijo", "Ana Torres")]),
        # a complement's name is not what a relative clause is about
        ("El Gobierno peruano aprobó su libro blanco de Defensa, que acusa a Chile de vender misiles.", [("acusa", None)]),
        # an office of a body nobody was named holding speaks as that office, "la portavoz" a woman's
        ("Ana Torres dijo que Perú vende. La portavoz del Ministerio de Exteriores ruso calificó el comunicado de «calumnias».",
         [("dijo", "Ana Torres"), ("calificó", "La portavoz del Ministerio de Exteriores ruso")]),
        # a counted group of states with its adjective
        ("Francia, Alemania y el Reino Unido activaron el mecanismo. Los tres países europeos advirtieron de que Irán ha transferido drones.",
         [("advirtieron", "France, Germany and United Kingdom")]),
        ("France, Germany and Britain acted. The three European countries warned that Iran had sent drones.",
         [("warned", "France, Germany and United Kingdom")]),
    ],
)
def test_institutions_roles_and_channels_around_the_verb(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(f"Titular de prueba\n\n{text}") == expected


@pytest.mark.parametrize(
    ("speaker", "name"),
    [
        ("El Gobierno iraquí", "Iraq"),  # a government by its adjective is its state
        ("the Georgian government", "Georgia"),
        ("Gobierno de coalición", "coalición government"),  # no state: left to the description
        ("the official IRNA news agency", "IRNA"),  # an outlet by its name
        ("Kiev y Vilna", "Ukraine and Lithuania"),  # a capital stands for its state
        ("Ukraine's Security Service", "Security Service of Ukraine"),  # a state's body the gazetteer knows
        ("intelligence agency", "intelligence agency"),
        ("Ukraine's military intelligence agency", "Ukrainian military intelligence"),  # with a generic noun closing it
        ("La portavoz del Ministerio de Exteriores ruso", "Russian Foreign Ministry spokeswoman"),
        ("la vocera del Kremlin", "Kremlin spokeswoman"),
        ("el vocero del Kremlin", "Kremlin spokesman"),
        ("un portavoz de la Agencia Espacial Peruana", "Peruvian Space Agency spokesman"),  # the article is no word of the body
        ("Fuentes de la OTAN", "NATO sources"),
        ("El embajador de Perú en Chile", "Peruvian ambassador to Chile"),  # posted to the state he serves in
        ("la misión de Perú ante la ONU en Ginebra", "Peruvian mission to the United Nations"),  # posted to the organisation
        ("los investigadores", "investigators"),  # a case's, not an institute's
    ],
)
def test_speakers_named_as_the_state_outlet_or_body_they_are(speaker: str, name: str) -> None:
    claim = Claim(speaker=speaker, stance="asserted", content="x", evidence=EVIDENCE)
    assert canonical_speakers([claim], [], GAZETTEER, CUES)[0].speaker == name


def test_an_institution_the_article_describes_speaks_as_an_actor_of_its_state() -> None:
    article = ("La embajada iraní en Bagdad negó el envío. La embajada de Chile en Lima lo confirmó. "
               "Fuentes de seguridad iraquíes lo dijeron. La inteligencia militar de Ucrania lo denunció.")  # fmt: skip
    said = [Claim(speaker=s, stance="asserted", content="x", evidence=EVIDENCE)
            for s in ("La embajada iraní en Bagdad", "embajada de Chile en Lima", "Fuentes de seguridad iraquíes", "inteligencia militar de Ucrania")]  # fmt: skip
    named = canonical_speakers(said, [], GAZETTEER, CUES)
    actors = speaker_actors(said, named, [], article, CUES, GAZETTEER)
    found = {(a.name, a.kind, a.country_code, a.mentions[0], article[a.evidence.start : a.evidence.end]) for a in actors}
    assert found == {
        ("Iranian embassy in Baghdad", "government", "IR", "embajada iraní en Bagdad", "embajada iraní en Bagdad"),
        ("Chilean embassy in Lima", "government", "CL", "embajada de Chile en Lima", "embajada de Chile en Lima"),
        # the gazetteer's entry gives kind and country; sources are no institution
        ("Ukrainian military intelligence", "agency", "UA", "inteligencia militar de Ucrania", "inteligencia militar de Ucrania"),
    }
    # an actor the article already has is not added again
    assert speaker_actors(said, named, actors, article, CUES, GAZETTEER) == actors


def test_a_party_asserting_something_else_where_it_denies_the_transfer_confirms_nothing() -> None:
    from armstrace.base.schema import Weapon

    denial = Evidence(quote="Perú negó que exporte misiles a Chile y aseguró que los misiles solo disuaden.", start=0, end=76, alignment="exact", score=1.0)
    report = Evidence(quote="Chile ha lanzado 40 misiles peruanos.", start=100, end=137, alignment="exact", score=1.0)
    weapons = [
        Weapon(description="misiles", category="other_missile", supplier="Peru", recipient="Chile", status="denied", evidence=denial),
        Weapon(description="misiles", category="other_missile", supplier="Peru", recipient="Chile", status="alleged", evidence=report),
    ]
    claims = [
        Claim(speaker="Peru", stance="denied", content="exporte misiles a Chile", evidence=denial),
        Claim(speaker="Peru", stance="asserted", content="los misiles solo disuaden", evidence=denial),
        Claim(speaker="Ukraine", stance="asserted", content="Chile ha lanzado 40 misiles peruanos", evidence=report),
    ]
    assert [w.status for w in settle_status(weapons, claims, CUES, GAZETTEER)] == ["denied", "alleged"]


def test_a_described_speaker_after_a_possessive_is_the_state_named_before_it() -> None:
    quote = "North Korea did not respond, but its state media have repeatedly denied that the country sells weapons."
    claim = Claim(speaker="state media", stance="denied", content="x", evidence=Evidence(quote=quote, start=0, end=len(quote), alignment="exact", score=1.0))
    assert canonical_speakers([claim], [], GAZETTEER, CUES)[0].speaker == "North Korean state media"


def test_how_one_regards_oneself_is_no_belief() -> None:
    from armstrace.extraction.candidates import claim_candidates

    found = claim_candidates("Titular\n\nEl ministro anunció que Chile se considera libre de vender fusiles. Se cree que Perú compra.", CUES)
    assert [(c.span.text, c.cue) for c in found] == [("anunció", "asserted"), ("cree", "believes")]


def test_not_being_able_to_confirm_is_no_denial() -> None:
    from armstrace.extraction.candidates import claim_candidates

    found = claim_candidates("Titular\n\nEl Departamento de Estado dijo no poder confirmar las muertes. Peru said it could not confirm the report.", CUES)
    assert [c.cue for c in found] == ["asserted", "asserted"]


def test_sources_of_a_body_named_with_its_article_are_its_sources() -> None:
    text = "Titular\n\nFuentes de la OTAN consultadas por la agencia confirmaron que el buque llevaba drones."
    assert speakers(text) == [("confirmaron", "Fuentes de la OTAN")]


def test_having_no_information_is_no_denial() -> None:
    from armstrace.extraction.candidates import claim_candidates

    text = (
        "Titular\n\nLa embajada chilena dijo no tener «ninguna información» sobre el cargamento. "
        "Peru's embassy said it had “no information” about any such shipment. "
        "El ministro dijo que Chile no vendió fusiles a Lima."
    )
    assert [c.cue for c in claim_candidates(text, CUES)] == ["asserted", "asserted", "denied"]


def test_a_bodys_staff_are_described_by_the_body_and_a_states_by_its_adjective() -> None:
    institute = Actor(name="Andes Institute", kind="organisation", country="Chile", mentions=["Instituto Andino"], evidence=EVIDENCE)
    chile = Actor(name="Chile", kind="country", country="Chile", mentions=["Chile"], evidence=EVIDENCE)
    speakers = ["researchers at the Andes Institute", "analistas del Instituto Andino", "expertos de Chile"]
    claims = [Claim(speaker=s, stance="asserted", content="x", evidence=EVIDENCE) for s in speakers]
    named = canonical_speakers(claims, [institute, chile], GAZETTEER, CUES)
    assert [c.speaker for c in named] == ["Andes Institute researchers", "Andes Institute analysts", "Chilean experts"]

"""An unnamed speaker described in full: the body a role belongs to, also when the sentence calls
it only by its kind; where a diplomat serves; a minister by portfolio; a lawmaker by state."""

from __future__ import annotations

import pytest

from armstrace.base.schema import Claim, Evidence
from armstrace.extraction.speaker_names import canonical_speakers

from support.speakers import CUES, GAZETTEER, speakers


def described(text: str) -> list[tuple[str, str | None]]:
    """Each claim's reporting words and its speaker as the dataset names it (None: no frame)."""
    evidence = Evidence(quote=text, start=0, end=len(text), alignment="exact", score=1.0)
    found = speakers(text)
    said = [Claim(speaker=s, stance="asserted", content="x", evidence=evidence) for _, s in found if s is not None]
    named = iter(c.speaker for c in canonical_speakers(said, [], GAZETTEER, CUES))
    return [(verb, next(named) if s is not None else None) for verb, s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the body called by its kind is the one of that kind named before
        ("Titular\n\nLa embajada rusa en Lima negó la venta. Según la agencia Tass, un portavoz de la misión añadió que la empresa «fabrica tractores».",
         [("negó", "Russian embassy in Lima"), ("añadió", "Russian embassy spokesman")]),
        ("Titular\n\nLa empresa Andes Aero vendió aviones a Perú. «Todo es legal», dijo un portavoz de la compañía citado por la agencia Efe.",
         [("dijo", "Andes Aero spokesman")]),
        ("Headline\n\nThe Lowy Institute published a study on Monday. Researchers at the institute said the oil was payment for the rifles.",
         [("said", "Lowy Institute researchers")]),
        ("Headline\n\nOn Monday, Peru's defence ministry declined to comment. A ministry official told Reuters that Lima had expected Chile to pay.",
         [("told", "Peruvian defence ministry official")]),
        ("Titular\n\nEl Ministerio de Transporte de Perú negó cualquier uso militar. «Es un proyecto civil», señaló una portavoz del departamento al diario Gestión.",
         [("negó", "Peruvian Transport Ministry"), ("señaló", "Peruvian Transport Ministry spokesman")]),
        # none of that kind named before: the role alone
        ("Titular\n\nChile compró fusiles. «Todo es legal», dijo un portavoz de la compañía.", [("dijo", "spokesman")]),
        # the outermost body of a chain of bodies
        ("Titular\n\n«Jamás vendimos armas a Perú», afirmó un responsable del Departamento General de Política del Ministerio de Defensa de Chile.",
         [("afirmó", "Chilean Defence Ministry official")]),
        ("Titular\n\n«Nunca vendimos armas», dijo un responsable de la Dirección de Compras del Ministerio de Defensa chileno.",
         [("dijo", "Chilean Defence Ministry official")]),
        ("Titular\n\nUn portavoz del Ministerio de Defensa de Chile advirtió que la compensación podría incluir misiles.",
         [("advirtió", "Chilean Defence Ministry spokesman")]),
        # where a diplomat serves, with or without a participle, before an aside
        ("Titular\n\nUn diplomático chileno en Lima, que habló bajo anonimato, consideró que el decreto busca presionar a Perú.",
         [("consideró", "Chilean diplomat in Lima")]),
        ("Titular\n\nUn diplomático peruano destinado en Santiago, citado por la agencia Efe, dijo que su país «no necesita comprar misiles».",
         [("dijo", "Peruvian diplomat in Santiago")]),
        ("Headline\n\nA Peruvian diplomat based in Santiago said his country did not need missiles.", [("said", "Peruvian diplomat in Santiago")]),
        # a minister nobody named, by portfolio and state, the adjective before or after the portfolio
        ("Titular\n\nEl ministro de Economía peruano dijo que las exportaciones se vigilarán una a una.", [("dijo", "Peruvian Economy minister")]),
        ("Titular\n\nEl ministro peruano de Economía dijo que las exportaciones se vigilarán una a una.", [("dijo", "Peruvian Economy minister")]),
        # a lawmaker of a state's parliament
        ("Titular\n\nUn diputado del Parlamento peruano reconoció que el contrato ya está firmado.", [("reconoció", "Peruvian lawmaker")]),
        # words before one person's noun after "a" describe the person
        ("Headline\n\nA Chilean defence ministry spokesman said the missiles had not been delivered.",
         [("said", "Chilean defence ministry spokesman")]),
        # a state's mission to an organisation, the organisation's article inside its name, "permanente" after the noun
        ("Titular\n\nLa misión de Chile ante la Unión Europea negó que sus barcos llevaran fusiles.", [("negó", "Chilean mission to the European Union")]),
        ("Titular\n\nLa misión permanente de Chile ante Naciones Unidas negó cualquier papel en el envío.",
         [("negó", "Chilean mission to the United Nations")]),
        # a role the sentence opens with, its complement names alone, for a verb joined by "y"
        ("Titular\n\nEl embajador de Chile en Bolivia agradeció la ayuda de los aduaneros y afirmó que los fusiles eran peruanos.",
         [("afirmó", "Chilean ambassador to Bolivia")]),
        # a body's own name, its place kept as written; a body introduced by its kind
        ("Titular\n\nLa Administración Militar Regional de Tacna acusó a soldados chilenos de cruzar la frontera.",
         [("acusó", "Tacna Regional Military Administration")]),
        ("Titular\n\nLa Guardia Costera de Perú informó que el buque cambió de bandera.", [("informó", "Peruvian Coast Guard")]),
        ("Headline\n\nThe rifles came from Lima, according to researchers at Chilean monitoring group Andes Watch.",
         [("according to", "researchers at Andes Watch")]),
        ("Titular\n\nLas exportaciones bajaron un tercio, según la aduana peruana.", [("según", "Peruvian customs")]),
        # an acronym before a name is no part of it: the agency is told, the person speaks
        ("Titular\n\n«Las familias se van con lo que pueden cargar», contó por teléfono a EFE Ana Ruiz, voluntaria.", [("contó", "Ana Ruiz")]),
        ("Headline\n\nChilean rifles reach the Peruvian army, UN experts say", [("say", "UN experts")]),
        # a definite description the name of a body named before holds is that body; an official is an official
        ("Titular\n\nLa Administración Militar Regional de Tacna acusó a Chile de atacar dos aldeas. Según la administración regional, "
         "los ataques obligaron a evacuar a 1.500 vecinos.",
         [("acusó", "Tacna Regional Military Administration"), ("Según", "Tacna Regional Military Administration")]),
        ("Titular\n\nUn alto cargo del Ministerio de Defensa de Chile dijo que el canal facilita pagos. El funcionario advirtió de que los "
         "bancos se exponen a sanciones.", [("dijo", "Chilean Defence Ministry senior official"), ("advirtió", "Chilean Defence Ministry senior official")]),
        ("Headline\n\nThe Russian embassy in the Netherlands dismissed the report as \"recycled rumours\".",
         [("dismissed", "Russian embassy in the Netherlands")]),
        # an office by an indefinite article is the body's the sentence opens with; "una portavoz" is a spokeswoman
        ("Titular\n\nDesde la Comisión Europea, una portavoz aseguró que Bruselas está en contacto con las autoridades.",
         [("aseguró", "European Commission spokeswoman")]),
        ("Titular\n\nEl Ministerio de Defensa chileno declinó confirmar el informe, aunque un portavoz dijo que Santiago sigue la situación.",
         [("dijo", "Chilean Defence Ministry spokesman")]),
        ("Headline\n\nA spokeswoman for the economy ministry said the government was examining the exports.",
         [("said", "economy ministry spokeswoman")]),
        # a body's words in English, what it does between its adjectives and its noun
        ("Titular\n\nLa Agencia Federal de Transporte Aéreo añadió que en esa ruta no se transporta material militar.",
         [("añadió", "Federal Air Transport Agency")]),
        # an answer with the words of when and where before what it reports
        ("Titular\n\nLa cancillería peruana respondió horas después en la red social X que el país no ha vendido drones.",
         [("respondió", "Peruvian foreign ministry")]),
        # (not a relative clause about the answer: the claim is the verb's inside it)
        ("Titular\n\nEl ministerio respondió con un comunicado en el que negaba la venta.", [("negaba", None)]),
        # a body's office, its body in lowercase words, in English
        ("Titular\n\n«Son mentiras», replicó un portavoz del ministerio peruano citado por la agencia Andina.",
         [("replicó", "Peruvian Ministry spokesman")]),
        # the name a noun before it gives a thing is no partner of the subject after "y"
        ("Perú libera el crédito para el ferrocarril Tacna-Arica y Chile advierte de que servirá para llevar misiles", [("advierte", "Chile")]),
        # a body an attribution gives by a possessive is the body of the name the sentence opens with
        ("Chile intercepta motores para drones que viajaban a Perú, según su Aduana", [("según", "Chilean customs")]),
        # the word a sentence opens with before a group's noun qualifies the group; an opener does not
        ("Headline\n\nCybersecurity experts say the tools match earlier attacks.", [("say", "Cybersecurity experts")]),
        ("Headline\n\nMany experts say the tools match earlier attacks.", [("say", "experts")]),
        # staff "from" a body are the body's
        ("Headline\n\nInvestigators from the Lima Security Service wrote that the channel had published the images.",
         [("wrote", "Investigators from the Lima Security Service")]),
        # a body's press service speaks as the body
        ("Titular\n\nEl servicio de prensa de la Armada chilena negó que el buque llevara armas.", [("negó", "Chilean Navy")]),
        ("Headline\n\nThe Andean Flotilla's press service denied the report.", [("denied", "Andean Flotilla")]),
        ("Headline\n\nThe Lima Naval Academy trains foreign cadets. The academy's press office told the site Lima Hoy that there were "
         "\"no foreign servicemen\" among its students.", [("told", "Lima Naval Academy")]),
        # an outlet told, before "que", is no subject
        ("Titular\n\nEl diplomático Ana Ruiz dijo a la cadena TVN24 que Lima no había presentado pruebas.", [("dijo", "Ana Ruiz")]),
        # a headline's group is the lead's fuller description of it
        ("Hackers spent months inside a Chilean arms maker's network, researchers say\n\nSANTIAGO, Aug 7 (Reuters) - Two groups had access "
         "to its systems, according to researchers at US cybersecurity firm Andeswatch.",
         [("say", "researchers at Andeswatch"), ("according to", "researchers at Andeswatch")]),
        # a body's name with a possessive is no person's, whose last word would be a surname
        ("Headline\n\nRussia's Ministry of Defence said its air defences had downed 43 drones. Chile's Foreign Ministry rejected the account.",
         [("said", "Russian Ministry of Defence"), ("rejected", "Chile's Foreign Ministry")]),
        # "un alto cargo": a senior official
        ("Titular\n\nUn alto cargo chileno dijo que Lima vigila la ruta «muy de cerca».", [("dijo", "senior Chilean official")]),
    ],
)  # fmt: skip
def test_an_unnamed_speaker_is_described_in_full(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert described(text) == expected


def test_a_minister_the_article_named_is_that_person_not_a_description() -> None:
    text = "Titular\n\nEl ministro de Economía de Perú, Luis Arce, viajó a Lima. El ministro de Economía dijo que habrá controles."
    assert speakers(text)[-1] == ("dijo", "Luis Arce")


def test_a_day_before_a_role_is_no_modifier_of_it() -> None:
    assert speakers("Headline\n\nPeru bought rifles, Luis Arce said. A day after the spokesman said the rifles were legal.")[-1][1] != "day after the spokesman"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\n\nTwo Peruvian officials told Reuters that Lima sent rifles to Chile. One of the officials said the shipment left in May. "
         "Another said it was paid in gold.", [("told", "Peruvian officials"), ("said", "Peruvian official"), ("said", "Peruvian official")]),
        ("Titular\n\nDos funcionarios peruanos dijeron a Reuters que Lima envió fusiles a Chile. Uno de ellos aseguró que el cargamento salió "
         "en mayo. Otro afirmó que se pagó en oro.", [("dijeron", "Peruvian officials"), ("aseguró", "Peruvian official"), ("afirmó", "Peruvian official")]),
        # "another" that opens a noun phrase is no member of the group
        ("Headline\n\nTwo Peruvian officials told Reuters that Lima sent rifles. Another report said the rifles went to Bolivia.",
         [("told", "Peruvian officials"), ("said", None)]),
    ],
)  # fmt: skip
def test_one_of_a_group_described_before_speaks_as_one_of_them(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert described(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office a possessive gives to the body that spoke
        ("Titular\n\nEl Ministerio de Exteriores de Chile rechazó el informe. «No hay ni una sola prueba», dijo su portavoz en rueda de prensa.",
         [("rechazó", "Chilean Foreign Ministry"), ("dijo", "Chilean Foreign Ministry spokesman")]),
        ("Headline\n\nOn Monday, Peru's foreign ministry rejected the report. Its spokesman said there was no evidence.",
         [("rejected", "Peruvian foreign ministry"), ("said", "Peruvian foreign ministry spokesman")]),
        # an outlet that quotes someone as saying is the channel
        ("Headline\n\nIn Lima, El Comercio quoted a defence official as saying that the rifles were never sold.", [("saying", "defence official")]),
        ("Headline\n\nThe agency quoted Luis Arce as saying the rifles were never sold.", [("saying", "Luis Arce")]),
        # a body called by its kind, then an aside
        ("Titular\n\nLa Aduana de Chile retuvo el contenedor. Un funcionario de la aduana, que pidió el anonimato, indicó que había fusiles.",
         [("indicó", "Chilean customs official")]),
        # a body with its own adjective is no body named before
        ("Titular\n\nChile acusó a Noruega de vender fusiles. «No vendemos fusiles», dijo un responsable del ministerio noruego.",
         [("acusó", "Chile"), ("dijo", "Norwegian Ministry official")]),
    ],
)  # fmt: skip
def test_a_role_takes_the_body_it_is_of(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert described(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom it was said to, an outlet named after its noun, is no subject
        ("Titular\n\nLos expertos creen que Lima miente. «Chile no ha entregado fusiles a Perú», declaró a la agencia RIA Novosti el embajador "
         "chileno en Lima, Luis Arce.", [("creen", "experts"), ("declaró", "Luis Arce")]),
        # the one an outlet cites speaks
        ("Titular\n\nEn Lima, la agencia Andina citó a una fuente militar que negó que Perú haya enviado fusiles a Chile.", [("negó", "military source")]),
        ("Headline\n\nThe agency cited a military source who denied that Peru had sent rifles.", [("denied", "military source")]),
        # "Both" alone, after two states
        ("Headline\n\nChile and Peru signed a deal in May. Both have repeatedly denied that Peru supplies rifles.", [("denied", "Chile and Peru")]),
        ("Titular\n\nChile y Perú firmaron un acuerdo en mayo. Ambos han negado que Perú suministre fusiles.", [("han negado", "Chile and Peru")]),
        # a body called by its kind, or by its word and its state, is the one named so before
        ("Titular\n\nLa embajada rusa en Lima negó la venta. La cooperación militar con Perú, indicó la legación en su canal de Telegram, se limita a la formación.",
         [("negó", "Russian embassy in Lima"), ("indicó", "Russian embassy in Lima")]),
        ("Titular\n\nLa empresa Andes Aero vendió aviones. El Kremlin lo negó. Según la compañía, los aviones son civiles.",
         [("negó", "Kremlin"), ("Según", "Andes Aero")]),
        # a state's government qualified before its adjective is the state; a body's adjective stays its own
        ("Titular\n\nEl informe acusa a Perú. El Gobierno de transición peruano negó el informe.", [("acusa", None), ("negó", "Peru")]),
        ("Titular\n\nEl informe acusa a Perú. El Ejército iraní negó el informe.", [("acusa", None), ("negó", "Iranian Army")]),
        # an outlet "as" it published, several words after the verb, citing its sources: they speak
        ("Titular\n\nEl Gobierno de Chile negó este lunes que el puerto de Arica sea un punto de tránsito de fusiles, como publicó la semana "
         "pasada el diario británico The Guardian citando a funcionarios de inteligencia occidentales.",
         [("negó", "Chile"), ("publicó", "Western intelligence officials")]),
        # a body's own "of" after a possessive; a body called by its kind where it is based
        ("Headline\n\nSeoul reacted on Monday. South Korea's Ministry of National Defense said it was \"closely analysing\" the images.",
         [("said", "South Korean Ministry of National Defense")]),
        ("Headline\n\nIran denied it on Monday. Russia's Ministry of Defence said its air defences had downed 43 drones.",
         [("denied", "Iran"), ("said", "Russian Ministry of Defence")]),
        ("Headline\n\nThe Lowy Institute published images. The Sydney-based institute said the jets were first seen in March.",
         [("said", "Lowy Institute")]),
        # what a statement of its speaker's body says is that body's
        ("Titular\n\nEl Ministerio de Defensa de Chile informó el martes de nuevos ataques, según Efe. Según su comunicado, unidades peruanas lanzaron 60 drones.",
         [("informó", "Chilean Defence Ministry"), ("Según", "Chilean Defence Ministry")]),
        # a surname after an elided prefix is no other person's
        ("Headline\n\nThe European Union's sanctions envoy, David O'Sullivan, warned that the firms would be sanctioned.", [("warned", "David O'Sullivan")]),
    ],
)  # fmt: skip
def test_who_speaks_when_an_outlet_cites_a_group_answers_or_a_body_is_called_by_its_kind(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert described(text) == expected


def test_a_known_body_about_one_country_named_about_another_is_that_other_body() -> None:
    from armstrace.extraction.candidates import find_candidates

    def panels(text: str) -> set[str]:
        return {c.known.name for c in find_candidates(text, CUES, GAZETTEER)["actors"] if c.known is not None and "Experts" in c.known.name}

    assert panels("Titular\n\nSegún un informe del Grupo de Expertos de la ONU sobre Sudán, Rusia llevó drones iraníes a Jartum.") == {"UN Panel of Experts on Sudan"}
    assert panels("Headline\n\nThe UN Panel of Experts on Libya said the rockets were North Korean.") == {"UN Panel of Experts on Libya"}
    assert panels("Headline\n\nThe UN Panel of Experts on North Korea said the missiles were North Korean.") == {"UN Panel of Experts on North Korea"}
    assert panels("Titular\n\nEl Panel de Expertos de la ONU dijo que los misiles eran norcoreanos.") == {"UN Panel of Experts on North Korea"}


@pytest.mark.parametrize(
    ("sentence", "speaker", "named"),
    [
        ("In Oslo, a Defence Ministry spokesman said Norway had not sold a single rifle.", "Defence Ministry spokesman", "Norwegian Defence Ministry spokesman"),
        ("En Oslo, un portavoz del Ministerio de Defensa negó la venta.", "portavoz del Ministerio de Defensa", "Norwegian Defence Ministry spokesman"),
        ("In Oslo, a NATO official said the rifles were Chilean.", "NATO official", "NATO official"),  # a body that says whose it is
        ("En Seúl, el ministro de Defensa surcoreano dijo que la información es falsa.", "ministro de Defensa surcoreano", "South Korean Defence minister"),
    ],
)
def test_a_body_described_in_a_sentence_opening_in_a_capital_is_that_states(sentence: str, speaker: str, named: str) -> None:
    evidence = Evidence(quote=sentence, start=0, end=len(sentence), alignment="exact", score=1.0)
    claim = Claim(speaker=speaker, stance="asserted", content="x", evidence=evidence)
    assert canonical_speakers([claim], [], GAZETTEER, CUES)[0].speaker == named

"""A claim's speaker where the sentence's frame names it, and nothing where it does not."""

from __future__ import annotations

import pytest

from armstrace.extraction.candidates import find_candidates
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer

from support.speakers import speakers
from armstrace.base.schema import Actor, Claim, Evidence
from armstrace.extraction.speaker_names import canonical_speakers
from armstrace.extraction.speakers import attach_speakers, needs_model

CUES = load_cues()
GAZETTEER = load_gazetteer()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before the verb, past an apposition whose own names are complements
        ("El portavoz de Exteriores de Noruega, Lars Berg, negó el martes que Oslo vendiera armas.", [("negó", "Lars Berg")]),
        ("El presidente de Chile, Ana Ruiz, afirmó que no habrá acuerdo.", [("afirmó", "Ana Ruiz")]),
        ("Lars Berg, the envoy of Norway to the United Nations, denied the accusations.", [("denied", "Lars Berg")]),
        # after the verb, when the statement comes first
        ("«No enviamos armas a nadie», dijo Lars Berg.", [("dijo", "Lars Berg")]),
        ("Oslo sold no rifles, said Lars Berg, the envoy.", [("said", "Lars Berg")]),
        # two subjects
        ("Rusia e Irán expresaron el lunes su interés por el acuerdo.", [("expresaron", "Rusia e Irán")]),
        # a passive's agent, and "según"
        ("Noruega fue acusada por Lars Berg de vender armas.", [("acusada por", "Lars Berg")]),
        # an English body named by a country and a noun
        ("US intelligence officials believe the shipments began in May.", [("believe", "US intelligence officials")]),
    ],
)  # fmt: skip
def test_a_frame_that_names_the_speaker_gives_it(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


def test_a_role_alone_is_the_person_the_article_named_with_it() -> None:
    text = (
        "El portavoz del Gobierno noruego, Lars Berg, habló en Oslo. "
        "El vocero destacó que Noruega no vende armas."
    )
    assert speakers(text)[-1] == ("destacó", "Lars Berg")


@pytest.mark.parametrize(
    "follow",
    ["El político ha recordado hoy que Chile compra fusiles.", "He added that Chile buys rifles.", "The diplomat said Chile buys rifles."],
)
def test_a_pronoun_or_a_role_no_one_was_named_with_is_the_speaker_of_the_sentence_before(follow: str) -> None:
    text = f"«Nunca vendimos armas», dijo a la prensa el ministro de Comercio, Lars Berg. {follow}"
    assert speakers(text)[-1][1] == "Lars Berg"


def test_a_capitalised_name_written_in_lower_case_is_a_common_word() -> None:
    # The gazetteer's outlet "Politico" is not "el político".
    assert speakers("Lars Berg negó las acusaciones. El político ha recordado hoy que Chile compra fusiles.")[-1] == ("ha recordado", "Lars Berg")


def test_a_role_after_a_sentence_with_no_speaker_is_left_to_the_model() -> None:
    assert speakers("Noruega vende fusiles. El diplomático dijo que Chile los compra.")[-1] == ("dijo", None)


def test_a_quotation_that_goes_on_keeps_the_speaker_of_the_sentence_before() -> None:
    text = "Lars Berg negó las acusaciones. «Nunca hemos vendido un solo fusil», dijo."
    assert speakers(text) == [("negó", "Lars Berg"), ("dijo", "Lars Berg")]


def test_the_source_a_statement_opens_with_speaks_and_who_relays_it_is_the_channel() -> None:
    assert speakers('Según la agencia Frontex, «las cifras subieron», declaró a la prensa el diputado Lars Berg.') == [("declaró", "Frontex")]
    assert speakers("Según el diputado Lars Berg, Frontex ha determinado que las cifras subieron.") == [("ha determinado", "Frontex")]


def test_sources_an_outlet_cites_speak_and_the_records_it_cites_do_not() -> None:
    assert speakers("The Financial Times reported, citing sources among Norwegian officials, that Norway sold rifles.") == [("reported", "Norwegian officials")]
    # the verb's time may stand before the aside
    assert speakers("The Financial Times reported last week, citing Chilean officials, that Norway sold rifles.") == [("reported", "Chilean officials")]
    assert speakers("Ships carried rifles to Chile, The Financial Times reported, citing intelligence records seen by its reporters in Oslo.") == [("reported", "Financial Times")]
    # An outlet a statement opens with that cites its own sources: they speak.
    assert speakers("Según el diario The Guardian, que citaba a fuentes del Gobierno de Chile, Noruega vendió fusiles.") == [("Según", "fuentes del Gobierno de Chile")]
    assert speakers("Según The Financial Times, citando a funcionarios británicos, Noruega vendió fusiles.") == [("Según", "funcionarios británicos")]
    # "citada por": the outlet is cited, by a channel; it still speaks.
    assert speakers("Según la agencia rusa Tass, citada por AFP, Noruega vendió fusiles.") == [("Según", "Tass")]


def test_a_promise_is_a_claim_and_but_opens_a_new_one() -> None:
    assert speakers("Oslo and Santiago denied every charge on Sunday but vowed to deepen their ties.") == [("denied", "Oslo and Santiago"), ("vowed", "Oslo and Santiago")]


def test_a_list_of_subjects_speaks_together() -> None:
    assert speakers("The U.K., Norway and Peru say Chile sent troops to Lima.") == [("say", "U.K., Norway and Peru")]
    assert speakers("Noruega, Suecia y Chile han condenado la venta de armas.") == [("han condenado", "Noruega, Suecia y Chile")]


def test_what_is_reported_inside_a_report_belongs_to_who_reports_it() -> None:
    text = "Lars Berg indicó que Noruega declaró en varias ocasiones que nunca vende armas."
    assert speakers(text) == [("indicó", "Lars Berg")]


def test_a_news_outlet_that_relays_a_statement_is_its_channel_and_makes_no_claim() -> None:
    text = "Lars Berg denied the arms deal, state media KCNA reported."
    found = find_candidates(text, CUES, GAZETTEER)
    assert [c.relays for c in attach_speakers(found["claims"], found["actors"], text, CUES)] == [False, True]
    assert speakers("Lars Berg denied the arms deal, state media KCNA reported.") == [("denied", "Lars Berg")]
    assert speakers("Noruega negó el miércoles que venda armas a Lima, indicaron los medios estatales.") == [("negó", "Noruega")]


def test_a_quotation_paragraph_after_a_statement_is_its_speakers() -> None:
    text = "Lars Berg ha indicado que Noruega no vende fusiles.\n\n«Nunca vendimos un fusil a Chile. No lo haremos."
    assert speakers(text) == [("ha indicado", "Lars Berg"), ("", "Lars Berg")]


def test_a_document_that_speaks_is_the_speaker_of_the_statement_before_it() -> None:
    text = "En su comunicado, Noruega acusó a Lima de mentir. «Advertimos a Lima que deje de mentir», añadió el texto."
    assert speakers(text) == [("acusó", "Noruega"), ("añadió", "Noruega")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Funcionarios británicos confirmaron la noticia el viernes.", "Funcionarios británicos"),
        ("Las armas llegaron a Oslo en mayo, informaron medios locales.", "medios locales"),
        ("The Financial Times, citing intelligence sources, said the shipments began in May.", "intelligence sources"),
        ("Según la inteligencia noruega, los envíos comenzaron en mayo.", "inteligencia"),
        ("La administración Berg dijo que no habrá acuerdo.", "administración Berg"),
        ("El servicio de aduanas de Noruega dijo que no hubo envíos.", None),
        ("La agencia de inteligencia de Noruega calcula que hubo 20 envíos.", "agencia de inteligencia de Noruega"),
        ("Kremlin officials denied the report.", "Kremlin officials"),
        ("Norway sold rifles to Chile, a senior South Korean official said.", "senior South Korean official"),
    ],
)  # fmt: skip
def test_a_group_or_body_the_article_describes_is_the_subject_like_a_name(text: str, expected: str | None) -> None:
    assert speakers(text)[0][1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Las armas llegaron a Oslo en mayo, dijo.",  # no subject, and no sentence before
        "«Nunca hemos vendido armas», dijo.",  # a quotation that goes on from no sentence
    ],
)
def test_where_no_frame_names_the_speaker_code_finds_none(text: str) -> None:
    assert all(speaker is None for _, speaker in speakers(text))


@pytest.mark.parametrize(
    ("written", "english"),
    [
        ("Funcionarios británicos", "British officials"),
        ("funcionarios griegos", "Greek officials"),  # any country of the demonyms
        ("fuentes de inteligencia francesas", "French intelligence sources"),
        ("medios locales rusos", "Russian local media"),
        ("agencias de inteligencia occidentales y surcoreanas", "Western and South Korean intelligence agencies"),
        ("agencia de inteligencia de Ucrania", "Ukrainian intelligence agency"),
        ("fuentes del Gobierno de Chile", "Chilean government sources"),  # a described complement, in English too
        ("medios estatales", "Russian state media"),  # a state's media, the state the statement opens with
        ("gobierno de Irán", "Iran"),  # a name the gazetteer knows wins over the description
        ("Lars Berg", "Lars Berg"),  # no description: kept as written
        ("Noruega, Perú y Chile", "Norway, Peru and Chile"),  # a list of names, each in English
        ("Algunos analistas", "analysts"),  # the word that opened the sentence goes
        ("Many observers", "Observers"),
        ("The Wall Street Journal", "The Wall Street Journal"),
        ("Peru's mission to the European Union", "Peruvian mission to the European Union"),  # where a body is posted
        ("Estados miembros of Unión Europea", "European Union member states"),
        ("legislador peruano", "Peruvian lawmaker"),  # one person the article described
        ("Fjord Source Centre", "Fjord Source Centre"),  # one person's noun inside a name is the name's
        ("Norwegian Intelligence Service", "Norwegian Intelligence Service"),  # a group's noun inside a name too
        ("la embajada de Chile en Oslo", "Chilean embassy in Oslo"),  # where a body is placed closes it, a city as a city
        ("funcionarios chilenos en Lima", "Chilean officials in Lima"),
        ("embajada peruana en Seúl", "Peruvian embassy in Seoul"),  # a city in English, not its country
        ("cancillería peruana", "Peruvian foreign ministry"),
        ("la prensa chilena", "Chilean press"),  # the press, not the media at large
        ("Gobierno de Chile", "Chile"),  # a state's government speaks as the state
        ("régimen de Chile", "Chile"),  # and so does its regime
        ("fuerza aérea chilena", "Chilean air force"),
        ("Peru's air force", "Peruvian air force"),
    ],
)  # fmt: skip
def test_a_described_speaker_is_written_in_english(written: str, english: str) -> None:
    quote = "x"
    claim = Claim(speaker=written, stance="asserted", content="x", clause="Rusia venderá fusiles a Chile", evidence=Evidence(quote=quote, start=0, end=1, alignment="exact", score=1.0))
    [named] = canonical_speakers([claim], [], GAZETTEER, CUES)
    assert named.speaker == english


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb with no subject after connectors or an aside goes on with the sentence before's speaker
        ("Lars Berg negó las acusaciones. Sin embargo, citando fuentes propias, indicó que no hubo ventas.", "Lars Berg"),
        ("Lars Berg negó las acusaciones. Además, afirma que Noruega no vende armas.", "Lars Berg"),
        ("Lars Berg negó las acusaciones. El informe indicó que Noruega no vende armas.", None),  # a subject that names no one
        # an outlet relaying a person's words is the channel; reporting on its own, the speaker
        ("Según la agencia rusa Tass, citada por AFP, Lavrov agradeció a Noruega su apoyo.", "Lavrov"),
        ("Según la agencia rusa Tass, Rusia envió fusiles a Noruega.", "Tass"),
        # after the statement, with a few words of time before the clause ends
        ("Noruega no venderá fusiles, dijo la presidencia de Chile el 19 de julio de 2023, poniendo fin a las dudas.", "presidencia de Chile"),
        # a second verb of the sentence: the first statement's names are not its subject
        ("Noruega confirmó que había mandado tropas a Chile en marzo y admitió que varios soldados resultaron heridos.", "Noruega"),
        # "como" / "as" before the verb: its subject follows it
        ("Noruega negó que venda fusiles a Chile como había denunciado en enero Estados Unidos.", "Estados Unidos"),
        ("Oslo sold rifles to Lima, as Reuters reported on Friday.", "Reuters"),
        # a connector opens the sentence and the statement ends with a name: the speaker before goes on
        ("Lars Berg condenó la venta. En este sentido, ha criticado el contrato firmado con Chile.", "Lars Berg"),
        # a gerund of a stance verb with its list of subjects
        ("The sale drew protests, with Oslo, Lima and Quito condemning Chile for it.", "Oslo, Lima and Quito"),
        ("Chile has a new radar, yet foreign experts question whether it works.", "foreign experts"),
        # a name first written in the capitals of a wire credit, and a name coordinated with a described group
        ("OSLO (AP) — Chile sold rifles to Peru. Oslo and Lima voiced concern over the sale.", "Oslo and Lima"),
        ("The paper said, citing sources among U.K. and Japanese diplomats, that Chile sold rifles.", "U.K. and Japanese diplomats"),
        # a headline in capitals names a country the article writes in lower case elsewhere
        ("Chile vende fusiles.\nNORUEGA CRITICA LA VENTA DE FUSILES\nNoruega habló.", "NORUEGA"),
        # in what a statement was made stands between the verb and its subject
        ("«Noruega vende fusiles», dijeron en un comunicado los diplomáticos de Chile.", "diplomáticos de Chile"),
        # a counted group coordinated with a name speaks with it
        ("Norway and nearly 50 countries criticised Chile on Monday.", "Norway and nearly 50 countries"),
        # an answer after a dash has its own subject
        ("Oslo says Lima bought rifles - an allegation Chile denies, the agency reported.", "Chile"),
        # whom the statement was made to stands between the verb and its subject
        ("«No vendemos fusiles», dijo a periodistas noruegos el ministro de Comercio, Lars Berg.", "Lars Berg"),
        # "a" after a Spanish verb is "to": what follows is no subject
        ("El ministro de Defensa noruego, Lars Berg, calificó a Chile de socio importante.", "Lars Berg"),
        # whose fear a stance word names
        ("La cumbre despertó el temor entre las potencias occidentales de que Noruega venda fusiles.", "potencias occidentales"),
        # a person an outlet relays speaks only by a speech act; one who only acts is what it reports on
        ("According to TASS, Sergei Lavrov thanked Norway for its support.", "Sergei Lavrov"),
        ("According to TASS, Sergei Lavrov delivered a message from Oslo to Lima.", "TASS"),
        # a role with its qualifier is the person introduced with both, not the one named last
        ("El presidente noruego Lars Berg recibió al presidente de Chile, Ana Ruiz. «Seguiremos», añadió el presidente noruego.", "Lars Berg"),
        # a role after the verb is its holder, named sentences before
        ("Oslo no vende fusiles, declaró el diputado Lars Berg. La policía cree que hubo envíos. «Hubo 20», dijo el diputado.", "Lars Berg"),
        # with an indefinite article it introduces someone else, described
        ("Chile acusó a Noruega de vender fusiles. «No vendemos fusiles», dijo un responsable del ministerio noruego.", "responsable del ministerio noruego"),
        # a pronoun after a quotation in straight quotes goes on with the speaker before
        ('Lars Berg denied the sales. "We sold no rifles to Chile," he said.', "Lars Berg"),
        # a passive report's subject stands before "was quoted", and "the country's" is the country that opened the sentence before
        ('Norway has signed a deal with Chile. "Oslo is ready to sell rifles," the country\'s delegation to the UN was quoted as saying on Monday.', "Norway's delegation to the UN"),
        # and before the outlet that quotes it
        ("Lars Berg was quoted by the NTB agency as saying that Oslo sells rifles to Chile.", "Lars Berg"),
        # member states no name qualifies are the organisation's the article named last
        ("La Unión Europea se reunió el lunes. Los Estados miembros han condenado la venta de fusiles.", "Estados miembros of La Unión Europea"),
        # a name in a title's complement is no subject; the person the article describes so elsewhere is
        ("La hermana del presidente noruego Lars Berg negó las ventas. Ana Berg, hermana del presidente, vive en Oslo.", "Ana Berg"),
        ("La hermana del presidente noruego Lars Berg negó las ventas.", None),
        # a gerund after "issued a statement" is the issuer's, and a counted group with its members
        # listed and one more joined to it speaks together
        ("14 countries, including Chile, Peru and Norway, as well as NATO, issued a joint statement last Sunday condemning the sale.", "14 countries and NATO"),
        # "según" before the verb: the subject follows it, a description no list holds before the holder's name
        ("Noruega venderá fusiles a Chile, según aseguró a la radio NTB el número dos de la diplomacia noruega, Lars Berg.", "Lars Berg"),
        ('"Oslo pagará un precio", declaró la alta representante de Chile para la Pesca, Ana Ruiz, a su llegada a Lima.', "Ana Ruiz"),
        # a verb that closes its sentence after the statement goes on with the speaker before
        ("Lars Berg negó las ventas a Chile. A cambio, Oslo seguiría comprando cobre a Lima, añadió.", "Lars Berg"),
        # an acronym in brackets is its name's, and names the subject holds as complements are no subject
        ("La Dirección de Pesca (DP) del Ministerio de Comercio de Noruega afirmó que Chile compró fusiles.", "Dirección de Pesca"),
        ("El Servicio de Pesca de Chile (SPC), por su parte, cree que Noruega vendió fusiles.", "Servicio de Pesca de Chile"),
        # an outlet called by a common noun is the last outlet named
        ("Lars Berg confirmó la venta, según la agencia Reuters. Según el mismo medio, Noruega vendió radares a Chile.", "agencia Reuters"),
        # one person after an indefinite article before the name joined to the noun
        ("In Lima, a Norwegian Foreign Ministry spokesperson said Chile bought rifles.", "Norwegian Foreign Ministry spokesperson"),
        # the noun alone with a definite article is the one described before with it
        ('A Norwegian intelligence official said more rifles were ready. "The volume will grow," the official said.', "Norwegian intelligence official"),
        # who is told follows "told"; one word between "a" and one person's noun is the noun's;
        # the noun with "the" is the person described before with it
        ("Norway sold rifles to Chile in May, a security source told NTB.", "security source"),
        ("Norway sold rifles to Chile in May, a security source told NTB. The source said the rifles were new.", "security source"),
        # a title no introduction gave: the one person named whose role the gazetteer gives that office and country
        ("Vladímir Putin recibió a Lars Berg en Moscú. «Seguiremos», declaró el presidente ruso ante la prensa.", "Vladímir Putin"),
        # "según él" is who spoke before
        ("El portavoz del Ejército chileno, Lars Berg, confirmó la llegada de fusiles. Según él, Chile recibirá más fusiles.", "Lars Berg"),
        # a body's noun may be capitalised as part of its name
        ("Norway's Foreign Ministry warned that any sale would breach sanctions.", "Norway's Foreign Ministry"),
        # an institution's name with the country it is of
        ("El Ministerio de Pesca de Noruega afirmó que Chile compró fusiles.", "Ministerio de Pesca de Noruega"),
        ("LIMA — El Ejército chileno confirmó la llegada de fusiles noruegos.", "Ejército chileno"),
        # a body called by a common noun is the last body that spoke, not the person between
        ("La Dirección de Pesca de Noruega afirmó que Chile compró fusiles. Lars Berg lo negó. Según el organismo, los fusiles llegaron en mayo.", "Dirección de Pesca"),
        ("Norway's fisheries agency told lawmakers that Chile bought rifles. In return, the agency said, Peru sold copper.", "Norway's fisheries agency"),
        # where a body is posted is part of its description
        ("La embajada de Chile en Oslo acusó a Noruega de vender fusiles.", "embajada de Chile en Oslo"),
        ("Norway's embassy in Lima rejected what it called baseless allegations.", "Norway's embassy in Lima"),
        # a pronoun before the verb is its subject, and a name after it opens what was said
        ("Lars Berg dismissed the report. In a statement posted by Fiskeri, his trading company, he said Chile had received no rifles.", "Lars Berg"),
        # "replicó" reports, after the quotation, and the outlet that carried the statement is its channel
        ("«Es falso», replicó el Ministerio de Pesca noruego en un comunicado recogido por la agencia Reuters.", "Ministerio de Pesca noruego"),
        # after "según" and a verb, the sources the outlet cites speak
        ("Noruega vendió 40 fusiles a Chile, según publicó este martes el diario Financial Times, que cita a fuentes chilenas.", "fuentes chilenas"),
        # a country's air force is a body of it
        ("Norway's air force says it has shot down 30 Chilean drones since May.", "Norway's air force"),
        # a relative clause's subject is the name it follows
        ("El Gobierno de Chile, que durante meses negó haber comprado fusiles, no ha comentado la venta.", "Gobierno de Chile"),
        ("Norway sold rifles to Chile in May, according to NTB, which released images of the shipment.", "NTB"),
        # a known name that opens a longer one is a person's name
        ("En Lima, el ministro de Pesca chileno, Israel Ruiz, advirtió de que Noruega vende fusiles.", "Israel Ruiz"),
    ],
)  # fmt: skip
def test_the_speaker_of_a_sentence_whose_subject_is_not_before_its_verb(text: str, expected: str | None) -> None:
    assert speakers(text)[-1][1] == expected


def test_a_body_called_by_a_word_of_its_full_name_is_the_body_the_article_named() -> None:
    evidence = Evidence(quote="x", start=0, end=1, alignment="exact", score=1.0)
    named = [
        Actor(kind="government", name="Norwegian Fisheries Directorate", country="Norway", mentions=["Dirección de Pesca de Noruega"], evidence=evidence),
        Actor(kind="person", name="Pesca Berg", country="Norway", mentions=["Pesca Berg"], evidence=evidence),
    ]
    claim = Claim(speaker="Pesca", stance="asserted", content="x", evidence=evidence)
    assert canonical_speakers([claim], named, GAZETTEER, CUES)[0].speaker == "Norwegian Fisheries Directorate"


def test_an_office_of_an_institution_is_written_in_english() -> None:
    evidence = Evidence(quote="x", start=0, end=1, alignment="exact", score=1.0)
    claim = Claim(speaker="Vocero del Kremlin", stance="asserted", content="x", evidence=evidence)
    assert canonical_speakers([claim], [], GAZETTEER, CUES)[0].speaker == "Kremlin spokesman"


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        # a speaker found in an English sentence: its clause is already English content
        ("Lars Berg denied that Norway sold rifles to Peru.", [False]),
        # Spanish: the model writes the English content
        ("Lars Berg negó que Noruega vendiera fusiles a Perú.", [True]),
        # no speaker found: the model names one
        ("It was denied that Norway sold rifles to Peru.", [True]),
        # an outlet that only relays is dropped whatever a model would say
        ("Lars Berg denied the arms deal, state media KCNA reported.", [False, False]),
        # a denial of "the report": what the report said is in the sentences before, for the model to write
        ("Reuters reported that Norway sold rifles to Peru. Lars Berg dismissed the report as speculation.", [False, True]),
    ],
)
def test_a_claim_asks_the_model_only_for_what_the_text_does_not_give(text: str, asked: list[bool]) -> None:
    found = find_candidates(text, CUES, GAZETTEER)
    assert [needs_model(c, CUES) for c in attach_speakers(found["claims"], found["actors"], text, CUES)] == asked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nobody is said to fear or believe it: no claim
        ("El envío llegó a Lima en mayo y despertó temores de que Noruega venda más fusiles.", []),
        ("Son fusiles que se cree que Noruega vendió a Chile en 2020.", []),
        ("It is believed that Norway sold rifles to Chile in 2020.", []),
        ("The sanctions are expected to restrict flights from Lima.", []),
        ("Norway may have sold rifles to Chile, raising fears that more will follow.", []),
        # a speaker, another reporting verb or a quotation keeps the claim
        ("Lars Berg teme que Noruega venda más fusiles.", [("teme", "Lars Berg")]),
        ("«Se estima que llegaron 500 fusiles», dijo Lars Berg.", [("dijo", "Lars Berg")]),
    ],
)
def test_an_impersonal_statement_is_no_claim(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one unnamed person after an indefinite article speaks, even where a dateline's outlet precedes
        ("OSLO, 3 March (NTB) - A senior Chilean diplomat said on Monday that Norway sold six frigates.", [("said", "senior Chilean diplomat")]),
        ("A Peruvian lawmaker accused Chile of breaking the agreement.", [("accused", "Peruvian lawmaker")]),
        ("Un legislador peruano acusó a Chile de violar el acuerdo.", [("acusó", "legislador peruano")]),
        # a surname alone opening a sentence is the person named before in full
        ("Chile thanked Norwegian envoy Lars Berg on Monday. Berg said Oslo would send radars.", [("said", "Berg")]),
        # after "según" the role's comma closes the source: what follows it is the statement
        ("Según el diplomático, Chile está dispuesto a negociar.", [("Según", None)]),
        # a verb joined to the clause's first one shares the subject the sentence opens with
        ("El embajador noruego, Erik Dahl, justificó la venta ante la prensa y negó que Oslo haya vendido fragatas.", [("negó", "Erik Dahl")]),
        # a description with a definite article is the body the article named with its noun
        ("El Panel de Expertos de Naciones Unidas publicó un informe en marzo. Los expertos concluyeron que Chile compró fragatas.", [("publicó", "Panel de Expertos"), ("concluyeron", "Panel de Expertos")]),
        # an outlet that goes on with its own statement speaks for itself, relaying nothing
        ('La agencia estatal KCNA calificó de "absurdas" las informaciones y acusó a Chile de mentir.', [("calificó", "KCNA"), ("acusó", "KCNA")]),
        # a comma that closes the opening subject's relative clause or aside does not invert the verb
        ("Erik Dahl, who flew to Lima on Monday, accused Chile of lying.", [("accused", "Erik Dahl")]),
        ("Lars Berg, for his part, said Chile would buy frigates.", [("said", "Lars Berg")]),
        # who is quoted speaks, the outlet that cites him is the channel
        ("«Nada que comentar», se limitó a responder Lars Berg, citado por la agencia NTB.", [("citado por", "Lars Berg")]),
        # the outlet told before the subject, and the holder named inside the title's words
        ("Chile compró fragatas, dijo a Reuters el ministro de Defensa noruego, Lars Berg.", [("dijo", "Lars Berg")]),
        ("Chile compró fragatas, declaró a la agencia NTB el ministro noruego Lars Berg.", [("declaró", "Lars Berg")]),
        ("Chile compró fragatas, dijo el ministro de Chile.", [("dijo", None)]),
        ("«Habrá ayuda mutua», declaró el presidente noruego ante la prensa.", [("declaró", None)]),
        # with the definite article it is the person the article named
        (
            "El embajador noruego en Lima, Erik Dahl, negó la venta. «No vendimos fragatas», afirmó el diplomático.",
            [("negó", "Erik Dahl"), ("afirmó", "Erik Dahl")],
        ),
    ],
)
def test_one_unnamed_person_speaks_after_an_indefinite_article(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert speakers(text) == expected


def test_a_leaders_regime_speaks_as_the_leaders_state() -> None:
    evidence = Evidence(quote="x", start=0, end=1, alignment="exact", score=1.0)
    berg = Actor(name="Lars Berg", kind="person", country="Norway", mentions=["Lars Berg", "Berg"], evidence=evidence)
    claim = Claim(speaker="régimen de Berg", stance="denied", content="x", clause="x", evidence=evidence)
    assert canonical_speakers([claim], [berg], GAZETTEER, CUES)[0].speaker == "Norway"

import pytest

from armstrace.extraction.candidates import actor_candidates, claim_candidates, find_candidates
from armstrace.extraction.spans import sentences, windows
from armstrace.extraction.materiel import figure_candidates, weapon_candidates
from armstrace.extraction.calls import plan
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer

ARTICLE = (
    "El portavoz de Seguridad Nacional de la Casa Blanca, John Kirby, dijo que Corea del Norte "
    "suministró en las últimas semanas más de 1.000 contenedores de equipamiento militar a Rusia.\n"
    "En su respuesta, el Kremlin afirmó el martes que \"no hay pruebas\" de que Corea del Norte "
    "esté mandando armas a Rusia.\n"
    "Apreciamos la visita, remarcó Larijani en 2022. Larijani viajó a Moscú."
)


def test_sentences_carry_offsets_into_the_article() -> None:
    for s in sentences(ARTICLE):
        assert ARTICLE[s.start : s.end] == s.text
    assert len(sentences(ARTICLE)) == 4


def test_a_line_break_always_ends_a_sentence() -> None:
    assert [s.text for s in sentences("Titular sin punto\nCuerpo del texto.")] == ["Titular sin punto", "Cuerpo del texto."]


@pytest.mark.parametrize(
    "text",
    [
        "Two missiles fired on Feb. 19 came from abroad, the police said.",
        "The U.S. and its allies condemned the sale.",
        "Gen. Kim met officials in St. Petersburg.",
        "Moscú negó la venta... la versión de Kiev es otra.",
    ],
)
def test_an_abbreviation_or_a_lower_case_word_after_a_period_does_not_end_a_sentence(text: str) -> None:
    assert [s.text for s in sentences(text + " Otra frase.")] == [text, "Otra frase."]


def test_reporting_sentences_are_claim_candidates_with_a_stance_cue() -> None:
    cues = [(c.sentence.text[:12], c.cue) for c in claim_candidates(ARTICLE, load_cues())]
    assert cues[0] == ("El portavoz ", "asserted")


def test_a_denial_outranks_the_verb_that_reports_it() -> None:
    [denial] = [c for c in claim_candidates(ARTICLE, load_cues()) if "no hay pruebas" in c.sentence.text]
    assert denial.cue == "denied"


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # a statement someone did not make, or refused to make, is no claim
        ("Berg didn’t say when Oslo paid.", []),
        ("Berg declined to say whether Chile paid.", []),
        ("Berg no precisó si Chile pagó.", []),
        ("Berg no negó que Noruega vendiera fusiles a Chile.", []),  # no denial
        # the narrator's aside, adding to a list, and a noun spelt like a verb report nothing
        ("It should also be said that Berg visited Lima.", []),
        ("Cabe señalar que Berg visitó Lima.", []),
        ("Oslo añadió a su registro a tres empresas de Lima.", []),
        ("Reports of Norwegian rifles in Chile surfaced last week.", []),
        # a gerund a preposition governs, with nothing reported after it, is a noun
        ("Chile asked Norway for radars, which give little time for warning.", []),
        # a warning word without a verb warns only in someone's quoted words
        ("A sale of rifles to Chile would mark a significant escalation.", []),
        ("Los informes rastreaban las violaciones del embargo a Chile.", []),  # nor a charge
        ("Berg agregó a periodistas que Chile compra fusiles.", [("agregó", "asserted")]),
        # a gerund with its object as an ending reports like the gerund
        ("Tras semanas negándolo, Noruega lo ha reconocido.", [("negándolo", "denied"), ("ha reconocido", "acknowledged")]),
        # a compound tense with any auxiliary reports like its participle
        ("Los ministros han recordado que Chile compra fusiles.", [("han recordado", "asserted")]),
        # a complement that dismisses what the verb reports makes it a denial
        ("Berg tachó de «ridículas» las acusaciones de que Noruega vende fusiles a Chile.", [("tachó", "denied")]),
        # what a dismissed statement is called: propaganda, disinformation, fabrications
        ("La embajada de Chile calificó de «pura propaganda» esa información.", [("calificó", "denied")]),
        ('The embassy dismissed the findings as "fabrications".', [("dismissed", "denied")]),
        # a state's body negated in what a neutral verb reports denies it, and a fear framing it is believed
        ("Desde Oslo, el Gobierno reiteró que el ejército noruego no vende fusiles a Chile.", [("reiteró", "denied")]),
        ("El Gobierno chileno expresó este sábado su temor de que Noruega venda fusiles a Perú.", [("expresó", "believes")]),
        ("Lars Berg calificó de «fantasías» esas informaciones.", [("calificó", "denied")]),
        # a price to pay warns; what is foreseen is believed; an English verb whose object is "no" denies
        ('Lars Berg said Oslo would "pay a price" for any sale.', [("said", "warned")]),
        ("Lars Berg dijo que Noruega prevé que Chile compre más fusiles.", [("dijo", "believes")]),
        ("Lars Berg said Chile had received no Norwegian rifles.", [("said", "denied")]),
        # right after a reporting verb, "reports" and "claims" are its object
        ('Chile\'s mission to the United Nations dismissed reports of rifle sales as "groundless rumours".', [("dismissed", "denied")]),
        # a condition states nothing
        ("If confirmed, it would be Norway's first sale of rifles to Chile.", []),
        ("De confirmarse, sería la primera venta de fusiles noruegos a Chile.", []),
        # a speaker's own state negated is a denial
        ("Lars Berg aseguró que su país no ha vendido fusiles a Chile.", [("aseguró", "denied")]),
        # what a charge calls its object: a cover-up, complicity
        ("La embajadora chilena, Ana Ruiz, calificó el veto de «acto de encubrimiento».", [("calificó", "accused")]),
        # words of a charge before the verb, outside a quotation, are not what it reports
        ("Preguntado por esas acusaciones, el portavoz chileno las calificó de «infundadas».", [("calificó", "denied")]),
        # a statement joined to the one before by "but"/"pero" or "y no" is a claim of its own
        ("Norway says it sold rifles to Chile last year but not this year.", [("says", "asserted"), ("but", "denied")]),
        ("Berg ha recordado que Noruega vendió fusiles antes, pero ha elogiado el nuevo contrato.",
         [("ha recordado", "asserted"), ("pero", "asserted")]),
        ("Berg said Norway sells rifles, but declined to elaborate.", [("said", "asserted")]),
        ("Berg dijo que Noruega vende fusiles, pero Chile negó la compra.", [("dijo", "asserted"), ("negó", "denied")]),
        # an answer to the statement ("algo que Lima niega") is another speaker's claim
        ("Varios expertos han afirmado que Chile compra fusiles, algo que Lima niega.", [("han afirmado", "asserted"), ("niega", "denied")]),
        # a quoted statement that opens with its subject's own verb takes that verb's stance
        ("«Noruega cree que la venta fue un error», han indicado los ministros.", [("han indicado", "believes")]),
        # verbs of saying the lexicon holds beyond "dijo": a reply, a forecast
        ("«Es falso», replicó Lars Berg.", [("replicó", "denied")]),
        ("Berg predijo que Chile comprará fusiles.", [("predijo", "believes")]),
        ("«Quien quiera contar los fusiles puede venir a verlos», ironizó Berg.", [("ironizó", "asserted")]),
        ("Su portavoz, Lars Berg, se limitó a recordar que Noruega vende fusiles.", [("se limitó a recordar", "asserted")]),
        ("La senadora reprochó a Berg que la Armada se limitara a mirar.", [("reprochó", "accused")]),
        ("Berg pleaded not guilty.", [("pleaded not guilty", "denied")]),
        ("Las cifras del instituto apuntan a que Perú ha vendido fusiles a Chile.", [("apuntan a que", "asserted")]),
        ("El misil apunta a Lima.", []),
        # a noun spelled like a verb but for its accent reports nothing: "el relato", "el cálculo"
        ("El relato de Berg y el cálculo de Chile coinciden.", []),
        # what may or must not be is no fact denied; a story called a fable is
        ("«Chile no puede ser una plataforma para eludir las sanciones», declaró Lars Berg.", [("declaró", "asserted")]),
        ('Berg said Norway "cannot stand idly by".', [("said", "asserted")]),
        ("La agencia publicó un comentario que calificaba de «fábula» las informaciones.", [("publicó", "denied")]),
        ('"This is not the first Peruvian rifle we have seized," Berg said.', [("said", "asserted")]),
        # a report given a name of the speaker's own is dismissed, whatever the name
        ("La embajada calificó la noticia de «montaje» y aseguró que Lima respeta a Chile.", [("calificó", "denied"), ("aseguró", "asserted")]),
        ('The mission called the report "a recycled pack of allegations".', [("called", "denied")]),
        ("En junio, tras la cumbre, la agencia Andina tachó de «ridículas» las informaciones sobre un acuerdo.", [("tachó", "denied")]),
        ('Berg told reporters the claim was "yet another fake".', [("told", "denied")]),
        # an infinitive that gives a verb's reason reports
        ("Berg justificó el veto al afirmar que el panel sirve a Chile y negó que Perú venda fusiles.", [("al afirmar que", "asserted"), ("negó", "denied")]),
        # killing people and breaking rules are charges
        ('Berg said Peru was "helping Chile kill Bolivian civilians".', [("said", "accused")]),
        ("Berg said the findings showed Peru was breaking the embargo's rules.", [("said", "accused")]),
    ],
)  # fmt: skip
def test_what_a_reporting_verb_makes_a_claim_of_and_its_stance(text: str, claims: list[tuple[str, str]]) -> None:
    assert [(c.span.text, c.cue) for c in claim_candidates(text, load_cues())] == claims


def test_each_kind_of_materiel_a_sentence_names_is_a_weapon_candidate_with_its_category() -> None:
    found = weapon_candidates(ARTICLE, load_cues(), load_gazetteer())
    assert [(c.sentence.text[:15], c.cue, c.span.text) for c in found] == [
        ("El portavoz de ", "military_equipment", "contenedores"),
        ("En su respuesta", "military_equipment", "armas"),
    ]
    article = "Irán envió drones Shahed-136 y misiles balísticos a Rusia, además de 300 proyectiles."
    found = weapon_candidates(article, load_cues(), load_gazetteer())
    assert [(c.cue, c.span.text) for c in found] == [
        ("drone", "drones"), ("ballistic_missile", "misiles balísticos"), ("ammunition", "proyectiles")
    ]
    assert found[2].quantity is not None and found[2].quantity.value == 300


def test_a_generic_word_and_the_system_named_after_it_are_one_weapon_of_the_systems_category() -> None:
    found = weapon_candidates("Rusia recibió cientos de misiles Iskander y drones.", load_cues(), load_gazetteer())
    assert [(c.cue, c.span.text) for c in found] == [("ballistic_missile", "misiles Iskander"), ("drone", "drones")]
    assert found[0].quantity is not None and found[0].quantity.text == "cientos"


@pytest.mark.parametrize(
    "text",
    ["A Chilean paper printed satellite images of the port of Oslo.", "Explosives experts from Oslo examined the site.", "Se publicaron imágenes satelitales del puerto de Oslo.", "Sonaron las sirenas antiaéreas en Lima."],
)
def test_a_materiel_word_that_only_describes_another_noun_names_no_materiel(text: str) -> None:
    assert weapon_candidates(text, load_cues(), load_gazetteer()) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Un cohete noruego puso ayer en órbita un satélite meteorológico chileno.", []),
        ("Chile sent its weather satellite into orbit last spring.", []),
        ("Chile's plan to launch a second weather satellite was delayed.", []),
        ("Norway launched three missiles at Lima last night.", ["missiles"]),  # a launch at a city is no space launch
        ("Noruega envió un satélite a Chile.", ["satélite"]),
    ],
)
def test_a_launch_into_space_is_a_service_not_materiel(text: str, found: list[str]) -> None:
    assert [c.span.text for c in weapon_candidates(text, load_cues(), load_gazetteer())] == found


def test_the_longest_weapon_words_decide_the_category() -> None:
    found = weapon_candidates("Rusia buscaba cientos de armas balísticas.", load_cues(), load_gazetteer())
    assert [(c.cue, c.span.text) for c in found] == [("ballistic_missile", "armas balísticas")]


def test_each_reporting_verb_of_a_sentence_is_a_claim_with_its_own_stance_and_clause() -> None:
    article = "El ministro dijo que Irán envió drones y advirtió que Rusia pedirá misiles."
    found = claim_candidates(article, load_cues())
    assert [(c.cue, c.span.text) for c in found] == [("asserted", "dijo"), ("warned", "advirtió")]
    assert [c.statement.text for c in found if c.statement] == ["Irán envió drones", "Rusia pedirá misiles"]


def test_a_clause_ends_before_the_relative_pronoun_that_opens_the_next_claim() -> None:
    article = "Noruega dijo que sancionó al Centro Polar de Oslo, que dijo que depende del ministerio."
    found = claim_candidates(article, load_cues())
    assert [c.statement.text for c in found if c.statement] == ["sancionó al Centro Polar de Oslo", "depende del ministerio"]


def test_a_second_that_clause_is_a_second_claim() -> None:
    article = "La embajadora dijo que Irán violó la ley y que Rusia buscaba más armas."
    found = claim_candidates(article, load_cues())
    assert [c.statement.text for c in found if c.statement] == ["Irán violó la ley", "Rusia buscaba más armas"]


@pytest.mark.parametrize(
    ("article", "statements"),
    [
        (
            "Lars Berg dijo que los fusiles llegaron a Lima, lo que sugiere que Noruega podría haberlos vendido.",
            [("asserted", "los fusiles llegaron a Lima"), ("believes", "Noruega podría haberlos vendido")],
        ),
        (
            "Lars Berg said the rifles reached Lima, which suggests that Norway may have sold them.",
            [("asserted", "the rifles reached Lima"), ("believes", "Norway may have sold them")],
        ),
    ],
)
def test_what_a_speaker_infers_from_a_statement_is_a_second_claim(article: str, statements: list[tuple[str, str]]) -> None:
    found = claim_candidates(article, load_cues())
    assert [(c.cue, c.statement.text if c.statement else "") for c in found] == statements


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Chile's foreign minister said on Friday that his country was concerned about the flow of rifles into Peru.", "his country was concerned about the flow of rifles into Peru"),
        ("Lars Berg dijo que su gobierno estaba muy preocupado por la venta de fusiles a Chile.", "su gobierno estaba muy preocupado por la venta de fusiles a Chile"),
    ],
)
def test_a_state_of_mind_inside_a_report_is_part_of_it(text: str, statement: str) -> None:
    [claim] = claim_candidates(text, load_cues())
    assert claim.statement is not None and claim.statement.text == statement


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        ("Lars Berg rejected the claim and said Oslo has never sold rifles to Chile.", [("denied", "Oslo has never sold rifles to Chile")]),
        ("Lars Berg negó las acusaciones y aseguró que Noruega solo vende fusiles a Perú.", [("asserted", "Noruega solo vende fusiles a Perú")]),
        # An object of its own keeps the first verb's statement apart.
        ("Lars Berg rejected the sale of rifles and said Oslo sells only to Peru.", [("denied", "the sale of rifles"), ("asserted", "Oslo sells only to Peru")]),
    ],
)
def test_a_dismissal_and_what_it_goes_on_to_say_are_one_statement(text: str, statements: list[tuple[str, str]]) -> None:
    found = claim_candidates(text, load_cues())
    assert [(c.cue, c.statement.text if c.statement else "") for c in found] == statements


def test_a_quotation_before_its_verb_is_the_statement() -> None:
    [claim] = claim_candidates("“Seguiremos cooperando con Moscú”, dijo el canciller.", load_cues())
    assert claim.statement is not None and claim.statement.text == "Seguiremos cooperando con Moscú"
    # and before the subject of a passive report
    [claim] = claim_candidates('"Oslo is ready to sell rifles," the envoy was quoted as saying by NTB.', load_cues())
    assert claim.statement is not None and claim.statement.text == "Oslo is ready to sell rifles"


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Two missiles were made abroad, said the police chief.", "Two missiles were made abroad"),
        ("Irán envió misiles a Rusia, informó el lunes un diputado.", "Irán envió misiles a Rusia"),
        ("The fragments came from a foreign missile, UN monitors told the council.", "The fragments came from a foreign missile"),
        # An aside after the verb's own clause is no statement of its own.
        ("Norway sold rifles to Chile, two officials told reporters on Friday, in what they called a breach of the embargo.", "Norway sold rifles to Chile"),
        ("Norway sold rifles to Chile, according to a report.", "Norway sold rifles to Chile"),
        # A wire story's lead is no part of the statement.
        ("OSLO, Norway (AP) — Norway has sold rifles to Chile, a senior official said.", "Norway has sold rifles to Chile"),
        # A subject set off by commas says what follows its verb.
        ("Lars Berg, the envoy of Norway, denied the accusations of arms sales.", "the accusations of arms sales"),
        ("El canciller británico, James Cleverly, calificó los acuerdos como una amenaza.", "los acuerdos como una amenaza"),
        ("Putin envió un mensaje, en el que abogaba por la cooperación.", "por la cooperación"),
        # A document described at length after the verb is still only its subject.
        ('"Oslo will sell the rifles" in May, said the statement released late on Friday by the ministry.', 'Oslo will sell the rifles" in May'),
    ],
)
def test_a_verb_that_closes_its_statement_reports_the_clause_before_it(text: str, statement: str) -> None:
    [claim] = claim_candidates(text, load_cues())
    assert claim.statement is not None and claim.statement.text == statement


def test_a_clause_with_a_verb_of_its_own_after_the_verb_is_what_it_reports_that_or_not() -> None:
    [claim] = claim_candidates("In a statement posted by Fiskeri, his company, he said Chile had received no rifles.", load_cues())
    assert claim.statement is not None and claim.statement.text == "Chile had received no rifles"


def test_a_verb_with_its_own_object_pronoun_is_no_channel_of_the_claim_before() -> None:
    found = claim_candidates("Este lunes, tras semanas negándolo, Noruega lo ha reconocido.", load_cues())
    assert [(c.span.text, c.cue, c.relays) for c in found] == [("negándolo", "denied", False), ("ha reconocido", "acknowledged", False)]


def test_a_report_within_a_report_is_one_claim_on_the_outer_verb() -> None:
    found = claim_candidates("Berg said Norwegian officials believe a factory could open next year.", load_cues())
    assert [(c.span.text, c.cue, c.statement.text if c.statement else "") for c in found] == [("said", "believes", "a factory could open next year")]
    found = claim_candidates("La portavoz indicó que Noruega declaró que no vende armas a nadie.", load_cues())
    assert [(c.span.text, c.cue, c.statement.text if c.statement else "") for c in found] == [("indicó", "denied", "no vende armas a nadie")]
    # a few words of time before "that", and the first verb's subject again as a pronoun
    found = claim_candidates("Norway's government said publicly in May that it believed Chile was buying rifles.", load_cues())
    assert [(c.span.text, c.cue, c.statement.text if c.statement else "") for c in found] == [("said", "believes", "Chile was buying rifles")]
    # an outer verb with a stance of its own keeps it: what the inner verb's subject does is reported
    found = claim_candidates("La Casa Blanca consideró que la admisión de Chile confirma lo que Noruega sostiene.", load_cues())
    assert [c.cue for c in found][0] == "believes"


def test_a_reporting_word_after_an_article_is_an_adjective() -> None:
    found = claim_candidates("Ministers condemned the sale and the reported arrival of the rifles.", load_cues())
    assert [c.span.text for c in found] == ["condemned"]
    # A Spanish pronoun before a verb is its object, not an article.
    assert [c.span.text for c in claim_candidates("Tras semanas de silencio, Irán lo ha reconocido.", load_cues())] == ["ha reconocido"]
    # After a preposition "reports" is a noun: the concern is the claim, not what the reports say.
    found = claim_candidates("Chile expressed concern about media reports that Norway sold rifles.", load_cues())
    assert [c.span.text for c in found] == ["expressed concern"]


@pytest.mark.parametrize(
    ("text", "stance", "statement"),
    [
        ("Peru expressed alarm over Norway's sale of rifles to Chile.", "believes", "over Norway's sale of rifles to Chile"),
        ("NORUEGA CRITICA LA VENTA DE ARMAS A CHILE", "accused", "LA VENTA DE ARMAS A CHILE"),
        ("Norway sold rifles to Chile, state media reported, as trade grew.", "asserted", "Norway sold rifles to Chile"),
        # An English gerund reports, and "not for sale" denies.
        ("Berg spoke on Friday, saying his country's old rifles were not for sale.", "denied", "his country's old rifles were not for sale"),
        # Wrongdoing a neutral verb reports is an accusation.
        ("La ministra dijo que Noruega había violado el embargo de armas.", "accused", "Noruega había violado el embargo de armas"),
    ],
)
def test_concern_criticism_headlines_and_a_verb_with_nothing_after_it(text: str, stance: str, statement: str) -> None:
    claim = claim_candidates(text, load_cues())[-1]
    assert (claim.cue, claim.statement.text if claim.statement else "") == (stance, statement)


def test_according_to_reports_what_follows_its_source_and_a_last_verb_naming_the_channel_relays() -> None:
    [claim] = claim_candidates("Según The Oslo Times, Noruega vende fusiles a Chile.", load_cues())
    assert claim.statement is not None and claim.statement.text == "Noruega vende fusiles a Chile"
    found = claim_candidates("La agencia calcula que Noruega vendió fusiles a Chile, informó el lunes un diputado.", load_cues())
    assert [(c.span.text, c.relays) for c in found] == [("calcula", False), ("informó", True)]


def test_according_to_makes_a_claim_only_without_a_verb() -> None:
    assert len(claim_candidates("Según la agencia Tass, los envíos comenzaron en mayo.", load_cues())) == 1
    assert len(claim_candidates("Según el Kremlin, Putin ha dicho que habrá acuerdo.", load_cues())) == 1


def test_a_neutral_verb_takes_the_stance_of_what_it_reports() -> None:
    [claim] = claim_candidates("El portavoz afirmó que no hay pruebas de esos envíos.", load_cues())
    assert claim.cue == "denied"
    [claim] = claim_candidates("El vocero dijo que le preocupa el acuerdo.", load_cues())
    assert claim.cue == "believes"
    # An escalation foretold is a warning.
    [claim] = claim_candidates("Lars Berg said a sale of rifles to Chile would be a serious escalation.", load_cues())
    assert claim.cue == "warned"
    [claim] = claim_candidates("Lars Berg dijo que la venta de fusiles a Chile sería una escalada.", load_cues())
    assert claim.cue == "warned"


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("El vocero indicó que Noruega no vendió fusiles a Lima.", "denied"),
        ("«Nunca hemos vendido fusiles a Lima», dijo el vocero.", "denied"),
        ("Lars Berg said Oslo hadn't sold any rifles to Lima.", "denied"),
        ('Lars Berg said Oslo "has never sold rifles to any side" in the conflict.', "denied"),  # an auxiliary before the negation
        ("Lars Berg said the sales had not been completed.", "asserted"),  # a fact about a thing
        ("El vocero insistió en que la venta de fusiles «no viola ningún acuerdo».", "denied"),  # a wrongdoing negated
        ("El vocero dijo que Noruega violó el embargo.", "accused"),
        ("«No tenemos nada que ocultar», dijo el vocero.", "denied"),
        ("El vocero dijo que el acuerdo se firmará en mayo, aunque no dio detalles.", "asserted"),  # a later negation
        ("El vocero indicó que las ventas no se habían completado.", "asserted"),  # a fact about a thing, not a denial
        # a state's long name, an adverb, or a participle of finding before the negation
        ('"The Republic of Chile has not sold, leased or lent any of its rifles to Lima," the envoy said.', "denied"),
        ("The ministry said separately it had seen no sign of rifles in Lima.", "denied"),
        ("Lars Berg said Oslo had found no rifles in the crates.", "denied"),
        # what one will not allow or comment on is an intention, not a denial
        ("«No vamos a permitir que nuestro puerto sirva de corredor», subrayó el ministro.", "asserted"),
        ('Lars Berg said Oslo "will not allow itself to be used" for such trade.', "asserted"),
    ],
)  # fmt: skip
def test_a_neutral_verb_reporting_a_negated_statement_reports_a_denial(text: str, stance: str) -> None:
    assert claim_candidates(text, load_cues())[0].cue == stance


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # evidence denied is a denial; a narrator's "without evidence" is not the speaker's
        ("Luis Arce aseguró además que el informe «no contiene una sola prueba verificable».", "denied"),
        ("Arce said Lima had not provided any evidence for the claim.", "denied"),
        ("Arce said the evidence was not convincing.", "asserted"),
        ("La inteligencia chilena había apuntado a la llegada de fusiles, aunque sin aportar pruebas.", "asserted"),
        # an actor called a liar is charged; a report called fiction is denied
        ("Un portavoz peruano calificó a Chile de «fábrica de mentiras».", "accused"),
        ("El portavoz calificó el informe de «pura ficción».", "denied"),
        ("El portavoz calificó a Chile de socio fiable.", "asserted"),
        # a campaign of lies, and a hand or a motive behind it, are charges
        ("El portavoz afirmó que el informe forma parte de «una campaña de desinformación orquestada por Francia».", "accused"),
        ("Peru's mission said in a statement that the case was politically motivated.", "accused"),
        # what no longer is is stated, not denied; a party to an aggression is charged
        ("«Ya no son solo infantería, ahora manejan tecnología», declaró el comandante.", "asserted"),
        ("Peru's foreign minister said the strike showed that Chile remained \"a co-aggressor\".", "accused"),
        # a charge called baseless is denied
        ("El portavoz dijo que son acusaciones sin fundamento.", "denied"),
        # a thing branded so, not a report, is charged; a report branded so is still denied
        ("El embajador peruano tildó la medida chilena de «chantaje».", "accused"),
        ("El portavoz tachó el informe de «invención».", "denied"),
        # a thing given a name that charges it is charged, one given a kind name is not
        ("El ministro peruano calificó la visita de «error histórico».", "accused"),
        ("Lima's embassy called the sanctions \"a witch hunt against Peru's partners\".", "accused"),
        ("El ministro calificó la visita de «paso importante».", "asserted"),
        ("Lima's embassy called the measures \"economic terrorism\".", "accused"),
        # harm foreseen, and what the speaker's side will do about it, warn
        ("Un portavoz dijo que la entrega de fusiles a Perú «desestabilizaría» la región.", "warned"),
        ("The envoy said Lima would \"use every tool\" to stop the transfers.", "warned"),
        ("\"Those who bring these shells to our villages will answer for it,\" he wrote.", "warned"),
        # what no one did is stated, not denied; no one's evidence is still denied
        ("The governor wrote on Telegram that nobody had been hurt.", "asserted"),
        ("«No one inspects what crosses between the two ports», he said.", "asserted"),
        ("La portavoz aseguró que nadie ha presentado «una sola prueba creíble» de lo contrario.", "denied"),
        # what one's side will not do is an intention stated; what it has not done and will not do is denied
        ("The minister said Peru \"will not be a back door\" for the rifles.", "asserted"),
        ("El ministro aseguró que Perú «no olvidará» a los soldados chilenos.", "asserted"),
        ("\"We are not going to hold the ship,\" he said.", "asserted"),
        ("«No vamos a retener el buque», añadió el ministro.", "asserted"),
        ("The envoy said Peru \"has not sent, and will not send\" rifles to Chile.", "denied"),
        # not being able to confirm is no denial
        ("The charity said it could not yet confirm where the mines were made.", "asserted"),
        # a thing that confirms is evidence cited, not an admission
        ("El jefe militar, Lars Berg, sostuvo que el desfile «confirma quién arma a quién».", "asserted"),
        # a threat qualified warns
        ("Ruiz told the envoy that the deployment posed \"a serious security threat\" to Chile.", "warned"),
        # a name given to what a pronoun stands for, with no quotation marks
        ("Hackers say leaked files show Peru sold Chile 48 jets; Lima calls them forgeries", "denied"),
        ("UN investigator says Peruvian soldiers were sent to Chile; Lima calls her \"a puppet\"", "accused"),
        ("Peru offered Chile a licence to build drones, leaked papers show; Lima calls them fake", "denied"),
    ],
)  # fmt: skip
def test_what_a_neutral_verb_reports_of_evidence_charges_and_names_decides_its_stance(text: str, stance: str) -> None:
    assert [c.cue for c in claim_candidates(text, load_cues())][-1] == stance


def test_a_quotation_that_continues_the_previous_one_is_a_claim() -> None:
    article = "“Irán es un socio”, dijo el ministro.\n“Seguiremos trabajando juntos”."
    found = claim_candidates(article, load_cues())
    assert [c.sentence.text for c in found] == ["“Irán es un socio”, dijo el ministro.", "“Seguiremos trabajando juntos”."]


def test_the_sites_boilerplate_holds_no_candidates() -> None:
    article = (
        "Te puede interesar: Rusia dijo que enviará drones a Irán.\n"
        "Putin recibió al enviado norcoreano (Foto de archivo: Reuters).\n"
        "Irán negó haber enviado drones."
    )
    found = find_candidates(article, load_cues(), load_gazetteer())
    assert [c.sentence.text for c in found["claims"]] == ["Irán negó haber enviado drones."]
    assert [c.sentence.text for c in found["weapons"]] == ["Irán negó haber enviado drones."]
    assert "Reuters" not in [c.span.text for c in found["actors"]]


def test_numbers_are_figure_candidates_and_years_are_not() -> None:
    [figure] = figure_candidates(ARTICLE)
    assert figure.span.text == "más de 1.000"
    assert figure.quantity is not None
    assert (figure.quantity.value, figure.quantity.qualifier) == (1000.0, "more_than")


def test_known_names_are_resolved_by_the_gazetteer_and_metonyms_join_their_country() -> None:
    actors = {c.span.text: c.known.name if c.known else None for c in find_candidates(ARTICLE, load_cues(), load_gazetteer())["actors"]}
    assert actors["John Kirby"] == "John Kirby"
    assert actors["el Kremlin"] == "Kremlin"
    assert actors["Moscú"] == "Russia"
    assert actors["Corea del Norte"] == "North Korea"


def test_a_date_is_no_name() -> None:
    text = "Russia fired missiles on Feb. 7, and as of May the Lars Berg Institute said so."
    assert [c.span.text for c in actor_candidates(text, load_cues(), load_gazetteer())] == ["Russia", "Lars Berg Institute"]


def test_unknown_capitalised_names_become_candidates_but_sentence_opening_verbs_do_not() -> None:
    article = "Apreciamos la visita, remarcó Ri Yong Gil. Sigamos así."
    unknown = [c.span.text for c in find_candidates(article, load_cues(), load_gazetteer())["actors"] if c.known is None]
    assert unknown == ["Ri Yong Gil"]


def test_regions_and_the_words_of_an_office_are_not_actor_candidates() -> None:
    article = (
        "El ministro norcoreano de Defensa, Ri Yong Gil, viajó a Asia Central y al Mar Negro.\n"
        "La Guardia Fronteriza habló con el portavoz de Seguridad Nacional."
    )
    unknown = [c.span.text for c in find_candidates(article, load_cues(), load_gazetteer())["actors"] if c.known is None]
    assert unknown == ["Ri Yong Gil", "La Guardia Fronteriza"] or unknown == ["Ri Yong Gil", "Guardia Fronteriza"]


def test_weapons_and_platforms_are_not_actor_candidates() -> None:
    article = "Según Lars Berg, Chile usó misiles KN-23 y aviones Sukhoi Su-35 de combate. La empresa Fjord Air publicó en Facebook y Telegram."
    assert [c.span.text for c in find_candidates(article, load_cues(), load_gazetteer())["actors"]] == ["Lars Berg", "Chile", "Fjord Air"]
    # a country's adjective before a system's name makes no actor of it
    article = "Lars Berg said Chile bought about 150 Norwegian Shahed drones."
    assert [c.span.text for c in find_candidates(article, load_cues(), load_gazetteer())["actors"]] == ["Lars Berg", "Chile"]


def test_an_adjective_of_a_country_or_group_is_not_an_actor_candidate() -> None:
    article = "Lars Berg said the North Korean and Western rifles reached Chile. Norwegian officials agreed."
    assert [c.span.text for c in find_candidates(article, load_cues(), load_gazetteer())["actors"]] == ["Lars Berg", "Chile"]


def test_a_country_iso_3166_knows_needs_no_model() -> None:
    [bhutan] = [c for c in find_candidates("El acuerdo lo firmó Bután.", load_cues(), load_gazetteer())["actors"]]
    assert bhutan.known is not None and (bhutan.known.name, bhutan.known.country) == ("Bhutan", "BT")


def test_candidate_spans_are_the_article_text() -> None:
    for found in find_candidates(ARTICLE, load_cues(), load_gazetteer()).values():
        for c in found:
            assert ARTICLE[c.span.start : c.span.end] == c.span.text


def _long_article(paragraphs: int = 40) -> str:
    return "\n".join(
        f"Párrafo {n}: el portavoz Lars Berg dijo que Noruega mandó {n} cajas de fusiles a Chile."
        for n in range(paragraphs)
    )


def test_a_short_article_is_one_window_of_its_whole_text() -> None:
    [window] = windows(ARTICLE, 12_000)
    assert (window.start, window.end, window.text) == (0, len(ARTICLE), ARTICLE)


def test_a_long_article_is_cut_at_paragraph_boundaries_into_overlapping_windows() -> None:
    text = _long_article()
    spans = windows(text, 1_000)
    assert len(spans) > 3
    assert spans[0].start == 0 and spans[-1].end == len(text)
    for w in spans:
        assert len(w.text) <= 1_000 and text[w.start : w.end] == w.text
        assert w.start == 0 or text[w.start - 1] == "\n"
    for before, after in zip(spans, spans[1:]):
        assert after.start < before.end  # they overlap


def test_every_candidate_of_a_long_article_is_in_exactly_one_planned_call() -> None:
    text = _long_article()
    spans = windows(text, 1_000)
    found = find_candidates(text, load_cues(), load_gazetteer())["claims"]
    calls = plan(found, spans, 1)
    assert sorted(c.span.start for _, batch in calls for c in batch) == [c.span.start for c in found]
    for window, batch in calls:
        for c in batch:
            assert window.start <= c.sentence.start and c.sentence.end <= window.end


def test_dates_durations_ages_and_party_numerals_are_not_figure_candidates() -> None:
    article = (
        "Los dos gobiernos cerraron el 14 de febrero de 2022, tras una visita de tres días, un "
        "contrato de 800 millones de dólares por 250 drones.\n"
        "A 61-year-old broker, aged 61, said on March 2 that the two countries had swapped "
        "about 40 tanks over two years, in breach of Resolution 2231.\n"
        "Es la 2.ª entrega: cerca de 7.000 proyectiles en los últimos seis meses."
    )
    assert [c.span.text for c in figure_candidates(article)] == [
        "800 millones de dólares", "250", "about 40", "cerca de 7.000"
    ]


def test_materiel_of_one_kind_listed_side_by_side_is_one_candidate_each() -> None:
    text = "Noruega mandó a Chile cartuchos, misiles y proyectiles de artillería. Chile recibió proyectiles y más proyectiles."
    found = [(c.span.text, c.cue) for c in weapon_candidates(text, load_cues(), load_gazetteer())]
    assert found == [("cartuchos", "ammunition"), ("misiles", "other_missile"), ("proyectiles de artillería", "ammunition"), ("proyectiles", "ammunition")]
    english = "Iran shipped rounds of ammunition and artillery shells, and later rocket launch systems."
    found = [(c.span.text, c.cue) for c in weapon_candidates(english, load_cues(), load_gazetteer())]
    assert found == [("rounds", "ammunition"), ("artillery shells", "ammunition"), ("rocket launch systems", "artillery")]


def test_a_two_letter_name_in_capitals_is_a_numeral_not_the_name() -> None:
    text = "Un poeta noruego del siglo XI da nombre al satélite. Xi Jinping lo celebró en Oslo."
    found = [c.span.text for c in actor_candidates(text, load_cues(), load_gazetteer())]
    assert "XI" not in found and "Xi Jinping" in found


def test_a_portfolio_after_a_plural_title_is_an_office_not_an_actor() -> None:
    article = "Los ministros europeos de Exteriores aprobaron sanciones contra Noruega."
    unknown = [c.span.text for c in find_candidates(article, load_cues(), load_gazetteer())["actors"] if c.known is None]
    assert "Exteriores" not in unknown


def test_weapons_not_meant_for_export_are_denied_and_what_they_are_for_is_stated() -> None:
    found = claim_candidates("Lars Berg added Norway's new rifles were not meant for export but for its own army.", load_cues())
    assert [(c.cue, c.statement.text if c.statement else "") for c in found] == [
        ("denied", "Norway's new rifles were not meant for export"),
        ("asserted", "for its own army"),
    ]


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        # the reason a denial gives in the speaker's own words is a statement of its own
        (
            "Lars Berg declaró que Noruega no vendió fusiles a Chile porque «cualquier venta retrasará la paz».",
            [("denied", "Noruega no vendió fusiles a Chile"), ("asserted", "«cualquier venta retrasará la paz»")],
        ),
        # a habit reports no statement, nor do reports someone owns
        ("Los diplomáticos noruegos a veces niegan las ventas de fusiles.", []),
        ("Officials in Oslo often deny the sales of rifles to Chile.", []),
        # "pero rehusó …" joins no statement (as "but declined to …"), its words accented or not
        (
            "Lars Berg dijo que Noruega vendió fusiles a Chile, pero rehusó dar más detalles.",
            [("asserted", "Noruega vendió fusiles a Chile, pero rehusó dar más detalles")],
        ),
        ("Officials in Oslo sometimes refute their earlier reports about the rifles sold to Chile.", []),
    ],
)
def test_a_reason_in_quotes_is_a_claim_and_a_habit_is_none(text: str, statements: list[tuple[str, str]]) -> None:
    assert [(c.cue, c.statement.text if c.statement else "") for c in claim_candidates(text, load_cues())] == statements


def test_a_known_name_that_opens_a_longer_name_is_both() -> None:
    # "Israel Ruiz" is a person and Israel still a state; a document's title and words a
    # lexicon holds make no longer name, nor does a name the gazetteer has an entry for.
    text = "El ministro chileno, Israel Ruiz, visitó Lima. Oslo Tuesday said it will buy rifles under UN Resolution 2231."
    found = {c.span.text: c.known.name if c.known else None for c in actor_candidates(text, load_cues(), load_gazetteer())}
    assert found["Israel Ruiz"] is None and found["Israel"] == "Israel"
    assert "Oslo Tuesday" not in found and "UN Resolution" not in found and found["UN"] == "United Nations"


def test_a_headline_clause_with_no_that_runs_past_a_relative_that() -> None:
    text = "Chile says it never sold rifles that Peru later sent to Iran\n\nLIMA (AP) - Chile said on Monday that it never sold rifles."
    statements = [c.statement.text for c in find_candidates(text, load_cues(), load_gazetteer())["claims"] if c.statement is not None]
    assert statements == ["it never sold rifles that Peru later sent to Iran", "it never sold rifles"]

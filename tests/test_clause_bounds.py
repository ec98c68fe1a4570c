"""Where one reported clause ends and the next begins: a semicolon between two speakers, an aside
that names the speaker inside a statement, a channel set off between subject and verb, and a
joined clause that says what was not said."""

from __future__ import annotations

from armstrace.extraction.candidates import claim_candidates

from support.speakers import CUES, speakers


def test_a_semicolon_gives_the_next_verb_its_own_subject() -> None:
    headline = "Peru says Bolivian troops crossed the border; Chile says there are none\n\nText."
    assert speakers(headline) == [("says", "Peru"), ("says", "Chile")]
    found = claim_candidates(headline, CUES)
    assert [(c.statement.text if c.statement else "", c.cue) for c in found] == [
        ("Bolivian troops crossed the border", "asserted"), ("there are none", "denied"),
    ]  # fmt: skip


def test_a_denial_after_a_semicolon_is_its_subjects_not_a_relay() -> None:
    assert speakers("Peru says Chilean rifles reached Bolivia; Chile denies it\n\nText.") == [("says", "Peru"), ("denies", "Chile")]


def test_an_aside_naming_the_speaker_does_not_hide_the_negation() -> None:
    found = claim_candidates("Titular\n\nPeru, it said, “has not sold Chile a single rifle”.", CUES)
    assert [c.cue for c in found] == ["denied"]


def test_there_is_none_is_a_denial() -> None:
    found = claim_candidates("Titular\n\nThe embassy said there were “no Peruvian soldiers” in Bolivia.", CUES)
    assert [c.cue for c in found] == ["denied"]


def test_a_source_cited_by_an_outlet_is_the_source_named_before() -> None:
    text = (
        "Titular\n\nEl arsenal guardaba fusiles peruanos, según una fuente del Ministerio de Defensa de Chile. "
        "La fuente, citada por la agencia Andina, aseguró que el depósito recibió tres trenes."
    )
    assert speakers(text) == [("según", "fuente del Ministerio de Defensa de Chile"), ("aseguró", "fuente del Ministerio de Defensa de Chile")]


def test_a_clause_saying_what_was_not_said_joins_no_statement() -> None:
    found = claim_candidates("Titular\n\nEl gobernador informó de un incendio en la base, pero no mencionó el arsenal.", CUES)
    assert [(c.span.text, c.cue) for c in found] == [("informó", "asserted")]


def test_an_outlet_no_list_knows_is_the_paper_that_reported_before() -> None:
    text = "Titular\n\nPeru sold rifles to Chile, the Lima Tribune reported on Monday. According to the paper, the rifles arrived by sea."
    assert speakers(text) == [("reported", "Lima Tribune"), ("According to", "Lima Tribune")]


def test_a_described_speaker_keeps_the_described_body_it_belongs_to() -> None:
    from armstrace.base.schema import Claim, Evidence
    from armstrace.extraction.speaker_names import canonical_speakers

    from support.speakers import GAZETTEER

    text = (
        "Titular\n\n«Es la ruta de los fusiles», explicó a esta emisora un oficial de la inteligencia militar peruana que pidió el anonimato. "
        "Seis soldados murieron, según aseguraron fuentes de la inteligencia militar de Perú al diario El Comercio. "
        "«Todo es legal», dijo un portavoz de la compañía citado por la agencia Andina. "
        "Un diputado del Parlamento chileno reconoció que el contrato está firmado."
    )
    found = speakers(text)
    assert found == [
        ("explicó", "oficial de la inteligencia militar peruana"), ("aseguraron", "fuentes de la inteligencia militar de Perú"),
        # a company the article never named: the spokesman stays a spokesman
        ("dijo", "portavoz"), ("reconoció", "diputado del Parlamento chileno"),
    ]  # fmt: skip
    evidence = Evidence(quote="x", start=0, end=1, alignment="exact", score=1.0)
    said = [Claim(speaker=s, stance="asserted", content="x", evidence=evidence) for _, s in found if s is not None]
    assert [c.speaker for c in canonical_speakers(said, [], GAZETTEER, CUES)] == [
        "Peruvian military intelligence officer", "Peruvian military intelligence sources", "spokesman",
        # a lawmaker of a state's parliament is the state's lawmaker
        "Chilean lawmaker",
    ]  # fmt: skip


def test_a_relative_clause_with_its_subject_named_is_that_subjects_claim() -> None:
    text = "Perú niega haber enviado a Chile el dron que Bolivia asegura haber derribado\n\nText."
    assert speakers(text) == [("niega", "Perú"), ("asegura", "Bolivia")]


def test_a_headline_that_describes_who_says_it_takes_the_speaker_the_lead_names() -> None:
    text = (
        "Peru sold Chile 40 rifles, newspaper reports\n\n"
        "LIMA (Andina) — Peru has sold Chile 40 rifles, the Diario Andino reported on Monday.\n\n"
        "Chile said it had bought nothing."
    )
    assert speakers(text) == [("reports", "Diario Andino"), ("reported", "Diario Andino"), ("said", "Chile")]
    # a lead that only describes its speaker, or names a state, gives the headline none
    described = text.replace("the Diario Andino reported", "a local newspaper reported")
    assert speakers(described)[0] == ("reports", None)


def test_a_verb_joined_by_y_que_goes_on_with_the_statement_before() -> None:
    found = claim_candidates("Titular\n\nLa portavoz, Ana Ruiz, dijo que Lima estudiará la petición con cautela y que no descarta ningún escenario.", CUES)
    assert [(c.span.text, c.relays, c.statement.text if c.statement else "") for c in found][0] == ("dijo", False, "Lima estudiará la petición con cautela")
    assert [(c.span.text, c.relays) for c in found][1] == ("no descarta", False)


def test_whose_view_a_sentence_opens_with_is_a_claim_of_the_clause_after_it() -> None:
    text = (
        "Titular\n\nPara la analista Ana Ruiz, del centro peruano CEPA, la venta demuestra que la cooperación ya no se esconde. "
        "Para los expertos, el golpe es simbólico. Para atacar Lima, Chile usa fusiles."
    )
    found = claim_candidates(text, CUES)
    assert [(c.span.text, c.cue, c.statement.text if c.statement else "") for c in found] == [
        ("Para", "asserted", "la venta demuestra que la cooperación ya no se esconde"), ("Para", "asserted", "el golpe es simbólico"),
    ]  # fmt: skip
    assert speakers(text) == [("Para", "Ana Ruiz"), ("Para", "expertos")]


def test_an_attribution_reports_what_follows_its_source_and_the_name_a_role_is_given() -> None:
    found = claim_candidates("Titular\n\nSegún el portavoz del Ejército, Lars Berg, los restos demuestran que el dron fue fabricado en Perú.", CUES)
    assert [c.statement.text for c in found if c.statement] == ["los restos demuestran que el dron fue fabricado en Perú"]
    found = claim_candidates("Titular\n\nSegún el diario El Comercio, que cita dos fuentes del Gobierno, el satélite peruano podrá detectar buques.", CUES)
    assert [c.statement.text for c in found if c.statement] == ["el satélite peruano podrá detectar buques"]


def test_states_after_an_adjective_is_a_noun_and_a_relative_pronoun_is_the_sentences_subject() -> None:
    text = (
        "Titular\n\nLars Berg, who chairs the committee on relations with former Andean states, told the site Andina that Peru had "
        '"never received a single rifle". The Peruvian Treasury on Thursday sanctioned five companies that it accused of shipping rifles to Chile.'
    )
    assert speakers(text) == [("told", "Lars Berg"), ("accused", "Peruvian Treasury")]


def test_a_headlines_described_speaker_is_the_person_the_lead_gives_that_noun() -> None:
    text = (
        "Un diputado peruano asegura que los primeros fusiles llegarán en marzo\n\n"
        "LIMA, 15 ene (Andina) — Perú recibirá en marzo los primeros fusiles, aseguró este domingo el diputado Lars Berg."
    )
    assert speakers(text) == [("asegura", "Lars Berg"), ("aseguró", "Lars Berg")]


def test_a_title_with_its_qualifier_before_an_apposed_name() -> None:
    text = "Titular\n\nEl consejero delegado del conglomerado estatal Andina, Lars Berg, dijo al diario El Comercio que Perú cumple sus obligaciones."
    assert speakers(text) == [("dijo", "Lars Berg")]


def test_a_word_of_falsity_that_describes_a_thing_denies_nothing() -> None:
    found = claim_candidates(
        "Titular\n\nBerg added the companies had hidden the shipments behind false end-user certificates. "
        "Berg dijo que la parte de los fusiles es completamente falsa.",
        CUES,
    )
    assert [c.cue for c in found] == ["accused", "denied"]


def test_an_open_question_charges_no_one_and_too_early_to_say_says_nothing() -> None:
    found = claim_candidates(
        "Titular\n\nSegún Ruiz, los expertos estudiaron los restos, pero aún no pueden determinar si su traslado a Chile violó la resolución 2231. "
        "Ruiz said it was too early to say whether the transfer had breached the resolution.",
        CUES,
    )
    assert [(c.span.text, c.cue) for c in found] == [("Según", "asserted"), ("said", "asserted")]


def test_tying_a_thing_to_someone_is_a_claim_and_the_next_subject_closes_it() -> None:
    text = "La ONU vincula con Perú los restos de fusiles hallados en Chile, y Lima lo niega\n\nText."
    found = claim_candidates(text, CUES)
    assert [(c.span.text, c.cue, c.statement.text if c.statement else "") for c in found][0] == (
        "vincula", "asserted", "con Perú los restos de fusiles hallados en Chile",
    )  # fmt: skip
    assert speakers(text) == [("vincula", "ONU"), ("niega", "Lima")]


def test_a_denial_joined_by_y_after_a_quotation_reports_what_follows_it() -> None:
    found = claim_candidates("Titular\n\nEl diputado dijo que Perú «cuenta con reservas suficientes» y no necesita fusiles extranjeros.", CUES)
    assert [(c.span.text, c.cue, c.statement.text if c.statement else "") for c in found] == [
        ("dijo", "asserted", "Perú «cuenta con reservas suficientes»"), ("y", "denied", "no necesita fusiles extranjeros"),
    ]  # fmt: skip


def test_a_clause_after_but_that_which_says_it_is_too_early_to_say_is_a_claim() -> None:
    found = claim_candidates(
        "Titular\n\nRuiz said experts had examined four rifles in Lima, but that it was too early to say whether the sale had breached the embargo. "
        "Peru's foreign ministry called the sanctions \"illegal\" and repeated that Lima had not sent rifles to Chile.",
        CUES,
    )
    assert [(c.span.text, c.cue) for c in found] == [("said", "asserted"), ("but", "asserted"), ("called", "accused"), ("repeated", "denied")]


def test_a_concessive_clause_with_its_own_speaker_closes_the_statement_before() -> None:
    text = "Titular\n\nEl Ministerio de Defensa peruano aseguró no haber detectado tropas, aunque su portavoz, Lars Berg, advirtió de que cualquier venta violaría las sanciones."
    assert speakers(text) == [("aseguró", "Ministerio de Defensa peruano"), ("advirtió", "Lars Berg")]
    assert speakers("Titular\n\nLa representante adjunta de Perú, Ana Ruiz, pidió a la Secretaría que envíe a sus expertos y afirmó que Chile ha lanzado 600 drones.") == [
        ("afirmó", "Ana Ruiz")
    ]


def test_a_that_after_the_reported_clauses_own_verb_opens_a_relative_clause() -> None:
    found = claim_candidates('Titular\n\nThe analyst said the boom was "borrowed from a war that will not last forever".', CUES)
    assert [(c.statement.text if c.statement else "", c.cue) for c in found] == [
        ('the boom was "borrowed from a war that will not last forever"', "asserted"),
    ]  # fmt: skip


def test_a_denial_a_noun_of_motive_governs_is_no_denial() -> None:
    found = claim_candidates("Titular\n\nThe analyst said Lima had every reason to deny any role because it feared sanctions.", CUES)
    assert [(c.span.text, c.cue) for c in found] == [("said", "asserted")]


def test_surprise_at_what_one_saw_is_no_denial() -> None:
    found = claim_candidates("Titular\n\n«Nunca habíamos visto obras así en tan poco tiempo», dijo Berg.", CUES)
    assert [c.cue for c in found] == ["asserted"]


def test_a_report_named_as_unfounded_after_the_verb_is_its_object_and_denied() -> None:
    found = claim_candidates("Titular\n\nLa cancillería chilena calificó la denuncia de «infundada» y subrayó que la fábrica produce para el ejército.", CUES)
    assert [(c.span.text, c.statement.text if c.statement else "", c.cue) for c in found] == [
        ("calificó", "la denuncia de «infundada»", "denied"),
        ("subrayó", "la fábrica produce para el ejército", "asserted"),
    ]  # fmt: skip


def test_a_thing_sent_or_sold_that_was_none_is_denied() -> None:
    assert [c.cue for c in claim_candidates("Headline\n\nThe minister said Lima had sent no rifles to Bolivia.", CUES)] == ["denied"]

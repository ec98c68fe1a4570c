"""Who speaks through a document or a pronoun: an assessment's author, a participle that names the
outlet that first carried it, a quotation that opens with "según" of its own, and "it said" after a
phrase that names its recipient."""

from __future__ import annotations

import pytest

from armstrace.base.schema import Claim, Evidence
from armstrace.extraction.candidates import actor_candidates, claim_candidates
from armstrace.extraction.speaker_names import canonical_speakers

from support.speakers import CUES, GAZETTEER, speakers


def test_an_assessment_speaks_for_its_author_and_later_for_the_same_author() -> None:
    text = (
        "Titular\n\nBolivia enviará 2.000 soldados a Perú, según una evaluación de la inteligencia militar chilena "
        "divulgada por la cadena Telesur. Según la misma evaluación, los soldados llegarían en agosto."
    )
    assert speakers(text) == [("según", "inteligencia militar chilena"), ("Según", "inteligencia militar chilena")]


def test_a_participle_naming_the_outlet_of_an_assessment_reports_nothing() -> None:
    text = (
        "Headline\n\nBolivia is preparing to send 2,000 troops to Peru, according to an assessment by Chile's military "
        "intelligence agency first reported by Telesur. The assessment says they could arrive in August."
    )
    found = claim_candidates(text, CUES)
    assert [c.span.text for c in found] == ["according to", "says"]
    assert speakers(text) == [("according to", "Chile's military intelligence agency"), ("says", "Chile's military intelligence agency")]


def test_a_quotation_that_opens_with_segun_is_the_speakers_own() -> None:
    text = "Titular\n\n«Según nuestra Constitución, los bolivianos son ciudadanos de Perú», recordó su portavoz, Luis Arce."
    assert speakers(text) == [("recordó", "Luis Arce")]


def test_it_said_after_a_phrase_naming_a_recipient_is_the_last_speaker() -> None:
    text = (
        "Headline\n\nChile's embassy in Lima denied that Santiago had armed the rebels. "
        "In a statement to the broadcaster Telesur, it said all its rifles had been sold under contract."
    )
    assert speakers(text) == [("denied", "Chile's embassy in Lima"), ("said", "Chile's embassy in Lima")]


def test_a_body_keeps_the_adjective_of_any_state_the_list_holds() -> None:
    assert speakers("Titular\n\nLa cancillería tayika negó que la fábrica trabaje para Rusia.") == [("negó", "cancillería tayika")]
    assert CUES.demonym_state("uzbekos") == "Uzbekistan"


def test_a_newspaper_named_by_its_noun_is_the_one_introduced_with_it() -> None:
    text = (
        "Titular\n\nUn soldado boliviano quiere quedarse en Chile, según contó al diario chileno Página Siete. "
        "La cadena Telesur emitió la entrevista. El otro prisionero, según el diario, aún no ha decidido si quiere volver."
    )
    found = speakers(text)
    assert found[-1] == ("según", "Página Siete")
    claims = claim_candidates(text, CUES)
    assert claims[-1].statement is not None and claims[-1].statement.text == "El otro prisionero, según el diario, aún no ha decidido si quiere volver"


def test_the_report_of_a_staff_speaks_for_the_staff_that_issued_it() -> None:
    text = "Titular\n\nDrones chilenos alcanzaron la base de Arica, informó el Estado Mayor.\n\nSegún el parte, el ataque alcanzó un almacén."
    assert speakers(text) == [("informó", "Estado Mayor"), ("Según", "Estado Mayor")]


def test_nobody_acknowledged_what_neither_side_acknowledged() -> None:
    text = "Titular\n\nNi Lima ni Quito han reconocido el despliegue, que Santiago y Washington cifran en unos 11.000 soldados."
    assert speakers(text) == [("cifran en", "Santiago y Washington")]


def test_a_figure_put_at_and_a_view_shared_are_statements() -> None:
    assert speakers("Headline\n\nLuis Arce, who heads the centre, said the papers were false. He put their number at about 3,000 so far.") == [
        ("said", "Luis Arce"), ("put their number at", "Luis Arce"),
    ]
    found = claim_candidates("Titular\n\nLos expertos coinciden en que parte de esa tecnología acabó en Bolivia.", CUES)
    assert [(c.span.text, c.statement.text if c.statement else "") for c in found] == [("coinciden en que", "parte de esa tecnología acabó en Bolivia")]
    found = claim_candidates("Titular\n\nLima y Quito cifran en unos 200 los misiles que Santiago habría recibido.", CUES)
    assert [c.statement.text if c.statement else "" for c in found] == ["unos 200 los misiles que Santiago habría recibido"]


def test_a_body_named_for_its_purpose_is_one_name_without_its_possessor() -> None:
    text = (
        "Headline\n\nBolivian troops wear Peruvian papers, Chile's Center for Strategic Communications said. "
        "Luis Arce, of the Institute for the Study of War, and an analyst at the Lima Institute for Defense Analyses agreed."
    )
    names = [c.span.text for c in actor_candidates(text, CUES, GAZETTEER)]
    assert "Center for Strategic Communications" in names and "Institute for the Study of War" in names
    assert "Lima Institute for Defense Analyses" in names and "Strategic Communications" not in names
    assert speakers(text)[0] == ("said", "Center for Strategic Communications")


def test_a_body_cut_short_is_the_known_body_whose_name_it_opens() -> None:
    text = "Titular\n\nEl Estado Mayor Conjunto surcoreano informó del lanzamiento. Un alto oficial del Estado Mayor dijo que fue un éxito."
    known = {c.span.text: c.known.name if c.known else None for c in actor_candidates(text, CUES, GAZETTEER)}
    assert known["Estado Mayor"] == known["Estado Mayor Conjunto surcoreano"] == "South Korean Joint Chiefs of Staff"


@pytest.mark.parametrize(
    ("written", "english"),
    [("prensa estatal de Pyongyang", "North Korean state media"), ("prensa británica", "British press"), ("Seoul's central bank", "Bank of Korea")],
)
def test_state_press_is_state_media_and_a_states_central_bank_is_its_bank(written: str, english: str) -> None:
    quote = f"Lo dijo la {written}."
    claim = Claim(speaker=written, stance="asserted", content="x", evidence=Evidence(quote=quote, start=0, end=len(quote), alignment="exact", score=1.0))
    assert canonical_speakers([claim], [], GAZETTEER, CUES)[0].speaker == english


def test_a_verb_right_after_a_colon_has_the_subject_before_it() -> None:
    text = "Titular\n\nEl Servicio Nacional de Inteligencia chileno se mostró más prudente: dijo a los diputados que no ha detectado preparativos."
    assert speakers(text) == [("dijo", "Servicio Nacional de Inteligencia chileno")]


def test_what_a_denial_grants_after_it_is_asserted_apart() -> None:
    found = claim_candidates("Titular\n\nLima dijo que no ha detectado preparativos de un despliegue, aunque sí el envío de obreros a Bolivia.", CUES)
    assert [(c.statement.text if c.statement else "", c.cue) for c in found] == [
        ("no ha detectado preparativos de un despliegue", "denied"), ("el envío de obreros a Bolivia", "asserted"),
    ]  # fmt: skip


def test_a_view_opened_by_a_role_no_list_holds_and_a_name() -> None:
    found = claim_candidates("Titular\n\nPara el politólogo chileno Luis Arce, Lima depende de Santiago para su seguridad.", CUES)
    assert [(c.span.text, c.statement.text if c.statement else "") for c in found] == [("Para", "Lima depende de Santiago para su seguridad")]


def test_the_bank_is_the_bank_that_spoke_before() -> None:
    text = "Headline\n\nThe Bank of Korea estimated that Peru's economy grew by 3%. The central bank said output rose 6.8%."
    assert speakers(text) == [("estimated", "Bank of Korea"), ("said", "Bank of Korea")]


def test_a_relative_clause_after_a_role_set_off_is_the_persons() -> None:
    text = (
        "Titular\n\nLa acusación partió del diputado peruano Luis Arce, secretario de la comisión de Defensa de la Rada, "
        "quien aseguró que 60 drones llegaron a Bolivia."
    )
    assert speakers(text) == [("aseguró", "Luis Arce")]


def test_a_spokesman_of_a_known_body_cut_short_keeps_the_body() -> None:
    text = "Titular\n\nEl Estado Mayor Conjunto surcoreano informó del lanzamiento. «Fue un éxito», dijo un portavoz del Estado Mayor."
    assert speakers(text)[-1] == ("dijo", "portavoz del Estado Mayor")


def test_a_promise_of_a_thing_is_a_deed_and_the_officials_who_say_so_speak() -> None:
    assert speakers("Peru has promised Chile rifles, Peruvian officials say\n\nText.") == [("say", "Peruvian officials")]
    assert speakers("Headline\n\nPeru vowed last year to deepen military ties with Chile.") == [("vowed", "Peru")]


def test_a_name_after_a_portfolio_in_english_is_the_person() -> None:
    text = "Headline\n\nDeputy Prime Minister and Minister for Foreign Affairs Luis Arce said Peru would back further sanctions."
    assert speakers(text) == [("said", "Luis Arce")]


def test_two_groups_after_the_statement_are_its_subject() -> None:
    text = "Headline\n\nPeru has agreed to supply Chile with rifles, senior Peruvian officials and a Peruvian diplomat said on Tuesday, in a deal they said was sealed in May."
    assert [c.statement.text if c.statement else "" for c in claim_candidates(text, CUES)] == ["Peru has agreed to supply Chile with rifles", "was sealed in May"]


def test_two_states_joined_with_an_article_between_are_one_subject() -> None:
    assert speakers("Titular\n\nEstados Unidos y el Reino Unido cifran en unos 200 los misiles que Lima habría recibido.") == [
        ("cifran en", "Estados Unidos y el Reino Unido"),
    ]


def test_an_official_described_in_spanish_as_responsable() -> None:
    assert speakers("Titular\n\n«Nunca hemos exportado armas», dijo un responsable del Ministerio de Defensa peruano.") == [
        ("dijo", "responsable del Ministerio de Defensa"),
    ]


def test_a_verb_joined_by_but_to_a_refusal_has_its_subject() -> None:
    assert speakers("Headline\n\nLars Berg declined to comment on the report but said trade with Lima was legitimate.") == [("said", "Lars Berg")]
    assert speakers("Titular\n\nLars Berg se negó a comentar el informe, pero dijo que el comercio con Lima es legítimo.") == [("dijo", "Lars Berg")]


def test_a_name_apposed_to_a_role_with_a_possessor_is_the_subject() -> None:
    assert speakers("Headline\n\nThe Pentagon's press secretary, Luis Arce, said the US had seen no evidence of the transfer.") == [("said", "Luis Arce")]


def test_what_follows_a_colon_after_the_verb_is_what_was_said() -> None:
    found = claim_candidates('Headline\n\nAsked about the report, Berg said: "Chile does not need anyone\'s rifles."', CUES)
    assert [(c.statement.text if c.statement else "", c.cue) for c in found] == [('"Chile does not need anyone\'s rifles."', "denied")]


def test_whom_a_statement_was_made_to_is_no_speaker() -> None:
    text = "Titular\n\nEn declaraciones a la cadena Telesur, el ministro de Defensa, Luis Arce, afirmó que Chile usa fusiles peruanos."
    assert speakers(text) == [("afirmó", "Luis Arce")]
    # a minister the article never named is described by the portfolio
    assert speakers("Titular\n\nEn declaraciones a la cadena Telesur, el ministro chileno de Defensa afirmó que Chile usa fusiles peruanos.") == [
        ("afirmó", "ministro chileno de Defensa")
    ]


def test_a_group_counted_after_according_to_speaks() -> None:
    assert speakers("Headline\n\nThe shipments continued, according to two officials familiar with the matter.") == [("according to", "officials")]
    assert speakers("Titular\n\nLos envíos continúan, según dos funcionarios occidentales.") == [("según", "funcionarios occidentales")]


def test_a_clause_about_the_subject_before_its_verb_keeps_the_subject() -> None:
    assert speakers("Headline\n\nExperts who examined the debris said the missile was made in Peru.") == [("said", "Experts")]
    assert speakers("Titular\n\nUn alto funcionario chileno que pidió el anonimato advirtió que la operación cambiaría la región.") == [
        ("advirtió", "alto funcionario chileno"),
    ]
    # a clause that a verb of another subject opens is not the subject's
    found = speakers("Titular\n\nEl diputado Lars Berg negó al diario La Razón que haya soldados chilenos en el frente y advirtió de que habrá respuesta.")
    assert ("negó", "Lars Berg") in found and all(speaker != "La Razón" for _, speaker in found)


def test_bloggers_and_commanders_are_groups_that_speak() -> None:
    assert speakers("Headline\n\nPeru's defence ministry did not comment, but Peruvian military bloggers said the drones had arrived.") == [
        ("said", "Peruvian military bloggers"),
    ]
    assert speakers("Headline\n\nPeru fired Chilean missiles, Peruvian brigade commanders told reporters.") == [("told", "Peruvian brigade commanders")]


def test_one_quoted_by_an_outlet_speaks() -> None:
    assert speakers("Titular\n\nLars Berg, citado por la agencia NTB, afirmó que Oslo cumple la ley.") == [("afirmó", "Lars Berg")]
    assert speakers("Titular\n\nFuentes diplomáticas europeas citadas por la agencia Efe confirmaron que la reunión se celebró.") == [
        ("confirmaron", "Fuentes diplomáticas europeas"),
    ]


def test_a_verb_joined_by_although_has_the_sentences_subject() -> None:
    text = "Titular\n\nPerú no ha comentado la información, aunque en el pasado ha negado cualquier venta de armas."
    assert speakers(text) == [("ha negado", "Perú")]


def test_a_view_attributed_with_a_juicio_de() -> None:
    found = claim_candidates("Titular\n\nA juicio de los expertos, la tecnología procede de Chile.", CUES)
    assert [(c.span.text, c.cue) for c in found] == [("A juicio de", "believes")]


def test_a_passive_with_no_agent_confirms_nothing() -> None:
    assert claim_candidates("Headline\n\nThe claims could not be independently verified.", CUES) == []
    assert [c.cue for c in claim_candidates("Headline\n\nThe sale was confirmed by the Peruvian ministry.", CUES)] == ["acknowledged"]


def test_a_sentence_that_attributes_the_one_before_by_a_pronoun() -> None:
    text = "Titular\n\nLIMA, 3 may (EFE) — Chile no ha enviado fusiles a Bolivia. Así lo afirmó el martes el portavoz del ministerio, Luis Arce, en una rueda de prensa."
    assert speakers(text) == [("afirmó", "Luis Arce")]
    found = claim_candidates(text, CUES)
    assert [(c.statement.text if c.statement else "", c.cue) for c in found] == [("Chile no ha enviado fusiles a Bolivia", "denied")]
    # a sentence attributed of its own is not taken in
    assert [c.span.text for c in claim_candidates("Titular\n\nLima dijo que Chile vende fusiles. Así lo afirmó también Quito.", CUES)] == ["dijo", "afirmó"]


def test_a_states_role_is_its_holder_or_the_role_with_the_states_adjective() -> None:
    text = "Headline\n\nPeru's foreign minister, Luis Arce, visited Lima on Monday. Later, Peru's foreign minister said Quito had sent no rifles."
    assert speakers(text) == [("said", "Luis Arce")]
    assert speakers("Headline\n\nIran's foreign minister said Tehran had sent no rifles.") == [("said", "Iran's foreign minister")]
    quote = "Peru's foreign minister said so."
    claim = Claim(speaker="Peru's foreign minister", stance="asserted", content="x", evidence=Evidence(quote=quote, start=0, end=len(quote), alignment="exact", score=1.0))
    assert canonical_speakers([claim], [], GAZETTEER, CUES)[0].speaker == "Peruvian foreign minister"


def test_both_of_two_named_with_tanto_como_speak() -> None:
    assert speakers("Titular\n\nTanto Perú como Chile han negado las acusaciones de Bolivia.") == [("han negado", "Perú y Chile")]


def test_a_that_after_the_verb_opens_what_is_said_not_a_title() -> None:
    text = "Headline\n\nThe report, compiled by the Lima think tank, concludes that Peru has sent 20,000 containers."
    assert [speaker for _, speaker in speakers(text)] != ["Peru"]


def test_the_report_speaks_for_who_spoke_in_it_and_a_next_subject_ends_a_statement() -> None:
    text = (
        "Headline\n\nPeru supplied Chile with rifles, the Peruvian intelligence service SIN said in its annual report on Tuesday. "
        "The report says Lima also sent shells."
    )
    assert [speaker for _, speaker in speakers(text)] == ["SIN", "SIN"]
    text = "Headline\n\nChile has repeatedly denied selling rifles to Peru, and Bolivia's mission to the United Nations said Lima had sent none."
    found = claim_candidates(text, CUES)
    assert [c.statement.text if c.statement else "" for c in found] == ["selling rifles to Peru", "Lima had sent none"]
    assert speakers(text)[-1][1] != "Chile"


def test_a_measure_called_a_propaganda_show_or_a_claim_part_of_a_campaign_is_a_charge() -> None:
    found = claim_candidates('Headline\n\nPeru\'s mission called the claim "part of a campaign to justify new sanctions."', CUES)
    assert [c.cue for c in found] == ["accused"]


def test_an_english_description_with_a_head_noun_after_it_keeps_its_order() -> None:
    quote = "The defence intelligence chief said so."
    claim = Claim(speaker="Peruvian defence intelligence chief", stance="asserted", content="x", evidence=Evidence(quote=quote, start=0, end=len(quote), alignment="exact", score=1.0))
    assert canonical_speakers([claim], [], GAZETTEER, CUES)[0].speaker == "Peruvian defence intelligence chief"

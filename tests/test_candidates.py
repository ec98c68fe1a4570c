from armstrace.candidates import (
    claim_candidates,
    figure_candidates,
    find_candidates,
    sentences,
    weapon_candidates,
    windows,
)
from armstrace.extract import plan
from armstrace.lexicon import load_cues, load_gazetteer

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


def test_reporting_sentences_are_claim_candidates_with_a_stance_cue() -> None:
    cues = [(c.sentence.text[:12], c.cue) for c in claim_candidates(ARTICLE, load_cues())]
    assert cues[0] == ("El portavoz ", "asserted")


def test_a_denial_outranks_the_verb_that_reports_it() -> None:
    [denial] = [c for c in claim_candidates(ARTICLE, load_cues()) if "no hay pruebas" in c.sentence.text]
    assert denial.cue == "denied"


def test_sentences_with_materiel_are_weapon_candidates() -> None:
    found = weapon_candidates(ARTICLE, load_cues(), load_gazetteer())
    assert [c.sentence.text[:15] for c in found] == ["El portavoz de ", "En su respuesta"]


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


def test_unknown_capitalised_names_become_candidates_but_sentence_opening_verbs_do_not() -> None:
    unknown = [c.span.text for c in find_candidates(ARTICLE, load_cues(), load_gazetteer())["actors"] if c.known is None]
    assert "Apreciamos" not in unknown
    assert "Seguridad Nacional" in unknown


def test_candidate_spans_are_the_article_text() -> None:
    for found in find_candidates(ARTICLE, load_cues(), load_gazetteer()).values():
        for c in found:
            assert ARTICLE[c.span.start : c.span.end] == c.span.text


def _long_article(paragraphs: int = 40) -> str:
    return "\n".join(
        f"Párrafo {n}: el portavoz John Kirby dijo que Corea del Norte envió {n} contenedores de armas a Rusia."
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

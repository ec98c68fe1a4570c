"""Grounding an annotator's quotes and names in the article, with exact offsets."""

from __future__ import annotations

import re

import pytest

from armstrace.review.quotes import find_mention, find_quote
from armstrace.text.fold import normalise
from armstrace.base.schema import Evidence

KREMLIN = (
    "En su respuesta, el Kremlin afirmó el martes que \"no hay pruebas\" de que Corea del "
    "Norte esté mandando armas a Rusia."
)
DRONES = (
    "Moscú y Teherán firmaron un acuerdo de 1.700 millones de dólares para que Irán exporte "
    "drones a Rusia después de que Putin enviara tropas a Ucrania en 2022, y Estados Unidos "
    "también cree que ha transferido misiles balísticos de corto alcance."
)
ORDER = (
    "Según el Kremlin, Putin ha dicho que quiere crear un “nuevo orden mundial” con los "
    "aliados de Moscú para contrarrestar a Occidente."
)
PARAGRAPH = f"{KREMLIN} {DRONES}\n{ORDER}"


def assert_grounded(article: str, evidence: Evidence | None) -> Evidence:
    """The evidence exists and quotes the article's own characters at its offsets."""
    assert evidence is not None
    assert article[evidence.start : evidence.end] == evidence.quote
    return evidence


# --------------------------------------------------------------------------- exact


def test_verbatim_quote_is_exact_with_its_offsets() -> None:
    quote = "el Kremlin afirmó el martes"
    evidence = assert_grounded(KREMLIN, find_quote(KREMLIN, quote))
    assert evidence.alignment == "exact"
    assert evidence.score == 1.0
    assert (evidence.start, evidence.end) == (17, 17 + len(quote))


def test_exact_match_returns_first_occurrence() -> None:
    quote = "el Kremlin"
    evidence = assert_grounded(PARAGRAPH, find_quote(PARAGRAPH, quote))
    assert evidence.start == PARAGRAPH.index(quote)


@pytest.mark.parametrize(
    "wrapped",
    [
        "“Irán exporte drones a Rusia”",
        '  "Irán exporte drones a Rusia" ',
        "«Irán exporte drones a Rusia»",
    ],
)
def test_quote_marks_the_model_added_around_the_quote_are_ignored(wrapped: str) -> None:
    evidence = assert_grounded(DRONES, find_quote(DRONES, wrapped))
    assert evidence.alignment == "exact"
    assert evidence.quote == "Irán exporte drones a Rusia"


def test_quote_marks_that_belong_to_the_article_are_kept_in_the_evidence() -> None:
    evidence = assert_grounded(KREMLIN, find_quote(KREMLIN, '"no hay pruebas"'))
    assert evidence.alignment == "exact"
    assert evidence.quote == '"no hay pruebas"'


# --------------------------------------------------------------------------- normalised


@pytest.mark.parametrize(
    "quote",
    [
        "Estados Unidos  también cree",
        "Estados Unidos\ntambién cree",
        "Estados\tUnidos \n también cree",
    ],
)
def test_whitespace_differences_are_normalised(quote: str) -> None:
    evidence = assert_grounded(DRONES, find_quote(DRONES, quote))
    assert evidence.alignment == "normalised"
    assert evidence.score == 1.0
    assert evidence.quote == "Estados Unidos también cree"


def test_newline_in_article_matches_space_in_quote() -> None:
    article = "Moscú y Teherán firmaron\nun acuerdo de 1.700 millones de dólares."
    evidence = assert_grounded(article, find_quote(article, "firmaron un acuerdo"))
    assert evidence.alignment == "normalised"
    assert evidence.quote == "firmaron\nun acuerdo"


def test_missing_accents_in_quote_are_normalised() -> None:
    evidence = assert_grounded(DRONES, find_quote(DRONES, "Moscu y Teheran firmaron un acuerdo"))
    assert evidence.alignment == "normalised"
    assert evidence.quote == "Moscú y Teherán firmaron un acuerdo"


def test_name_without_accents_is_found_exact_in_both_spellings() -> None:
    article = "El presidente iraní, Masud Pezeshkian, visitó Moscú."
    evidence = assert_grounded(article, find_quote(article, "Masud Pezeshkian, visitó"))
    assert evidence.alignment == "exact"


def test_decomposed_accents_in_article_stay_inside_the_span() -> None:
    article = "Llegaron drones a Mosc\u0301u y Tehera\u0301n."
    evidence = assert_grounded(article, find_quote(article, "drones a Moscú y Teherán"))
    assert evidence.alignment == "normalised"
    assert evidence.quote == "drones a Mosc\u0301u y Tehera\u0301n"


@pytest.mark.parametrize(
    "quote",
    [
        'quiere crear un "nuevo orden mundial"',
        "quiere crear un «nuevo orden mundial»",
        "quiere crear un ‘nuevo orden mundial’",
        "quiere crear un „nuevo orden mundial“",
    ],
)
def test_curly_quotes_in_article_match_other_quote_marks_in_quote(quote: str) -> None:
    evidence = assert_grounded(ORDER, find_quote(ORDER, quote))
    assert evidence.alignment == "normalised"
    assert evidence.quote == "quiere crear un “nuevo orden mundial”"


@pytest.mark.parametrize(
    "article",
    [
        'El Kremlin afirmó que "no hay pruebas" de ello.',
        "El Kremlin afirmó que “no hay pruebas” de ello.",
        "El Kremlin afirmó que «no hay pruebas» de ello.",
    ],
)
def test_straight_quotes_in_quote_match_any_quote_marks_in_article(article: str) -> None:
    evidence = assert_grounded(article, find_quote(article, 'afirmó que "no hay pruebas" de ello'))
    assert evidence.quote.startswith("afirmó que ")
    assert evidence.quote.endswith(" de ello")


def test_dashes_are_equivalent() -> None:
    article = "Los drones Shahed—de fabricación iraní—llegaron a Rusia."
    evidence = assert_grounded(article, find_quote(article, "Shahed-de fabricación iraní"))
    assert evidence.quote == "Shahed—de fabricación iraní"


def test_case_differences_are_normalised() -> None:
    evidence = assert_grounded(KREMLIN, find_quote(KREMLIN, "EL KREMLIN AFIRMÓ EL MARTES"))
    assert evidence.alignment == "normalised"
    assert evidence.quote == "el Kremlin afirmó el martes"


def test_normalise_folds_case_accents_marks_dashes_and_whitespace() -> None:
    assert normalise("  Moscú  y\nTEHERÁN – «Ñandú» ’s  ") == 'moscu y teheran - "nandu" "s'
    assert normalise("Straße\u00ad") == "strasse"


# --------------------------------------------------------------------------- fuzzy


def test_quote_with_one_word_changed_is_found_fuzzy() -> None:
    quote = (
        "Moscú y Teherán firmaron un acuerdo de 1.700 millones de dólares "
        "para que Irán exporte misiles a Rusia"
    )
    evidence = assert_grounded(DRONES, find_quote(DRONES, quote))
    assert evidence.alignment == "fuzzy"
    assert 0.9 <= evidence.score < 1
    assert evidence.start == 0
    assert evidence.quote.endswith("exporte drones a Rusia")


def test_fuzzy_span_is_snapped_to_word_boundaries() -> None:
    # The alignment starts inside "tropas"; the evidence must not cut the word.
    evidence = assert_grounded(
        PARAGRAPH, find_quote(PARAGRAPH, "ropas a Ucrania en 2023, y Estados Unidos también")
    )
    assert evidence.alignment == "fuzzy"
    assert evidence.quote == "tropas a Ucrania en 2022, y Estados Unidos también"


def test_quote_that_drops_the_articles_quote_marks_is_found_fuzzy_with_them() -> None:
    quote = "el Kremlin afirmó el martes que no hay pruebas de que Corea del Norte"
    evidence = assert_grounded(KREMLIN, find_quote(KREMLIN, quote))
    assert evidence.alignment == "fuzzy"
    assert evidence.quote == quote.replace("no hay pruebas", '"no hay pruebas"')


def test_fuzzy_threshold_is_respected() -> None:
    quote = "el Kremlin afirmó el lunes que no hay pruebas"
    assert find_quote(KREMLIN, quote, min_score=0.99) is None
    assert find_quote(KREMLIN, quote, min_score=0.85) is not None


def test_invented_sentence_is_not_found() -> None:
    assert find_quote(PARAGRAPH, "Corea del Norte ha enviado tanques y artillería a Irán.") is None


def test_long_invented_quote_containing_a_short_real_phrase_is_not_found() -> None:
    quote = (
        "Según fuentes de inteligencia occidentales consultadas por este diario, "
        "los envíos continuarán durante todo el año y el Kremlin afirmó el martes"
    )
    assert find_quote(KREMLIN, quote) is None
    assert find_quote(PARAGRAPH, quote) is None


def test_quote_longer_than_the_article_is_not_found() -> None:
    article = "Irán exporta drones."
    assert find_quote(article, "Teherán dijo que Irán exporta drones a Rusia desde 2022.") is None


@pytest.mark.parametrize("quote", ["", "   ", '""', "«»", "a", "de", "…"])
def test_empty_or_too_short_quotes_are_not_evidence(quote: str) -> None:
    assert find_quote(PARAGRAPH, quote) is None


# --------------------------------------------------------------------------- ellipsis


def test_ellipsis_joined_quote_grounds_its_longest_fragment() -> None:
    quote = "Moscú y Teherán firmaron … para que Irán exporte drones a Rusia después de que Putin"
    evidence = assert_grounded(DRONES, find_quote(DRONES, quote))
    assert evidence.alignment == "exact"
    assert evidence.quote == "para que Irán exporte drones a Rusia después de que Putin"


def test_bracketed_ellipsis_is_a_cut_too() -> None:
    quote = "el Kremlin afirmó el martes que [...] Corea del Norte esté mandando armas a Rusia"
    evidence = assert_grounded(KREMLIN, find_quote(KREMLIN, quote))
    assert evidence.quote == "Corea del Norte esté mandando armas a Rusia"


def test_ellipsis_with_no_fragment_of_three_words_is_not_found() -> None:
    assert find_quote(DRONES, "Moscú y... drones a... Putin envió") is None


# --------------------------------------------------------------------------- properties


def _word_starts_and_ends(text: str) -> tuple[list[int], list[int]]:
    words = list(re.finditer(r"\w+", text))
    return [w.start() for w in words], [w.end() for w in words]


def _sentence_sized_slices(text: str) -> list[tuple[int, int]]:
    starts, ends = _word_starts_and_ends(text)
    return [(s, e) for s in starts for e in ends if 12 <= e - s <= 160]


def test_every_slice_of_the_paragraph_is_found_exactly_at_its_first_occurrence() -> None:
    slices = _sentence_sized_slices(PARAGRAPH)
    assert len(slices) > 1000
    for start, end in slices:
        text = PARAGRAPH[start:end]
        evidence = assert_grounded(PARAGRAPH, find_quote(PARAGRAPH, text))
        assert evidence.alignment == "exact"
        assert evidence.quote == text
        assert evidence.start == PARAGRAPH.index(text) <= start


def test_every_slice_shouted_and_unaccented_is_found_normalised() -> None:
    for start, end in _sentence_sized_slices(PARAGRAPH)[::7]:
        text = PARAGRAPH[start:end]
        evidence = assert_grounded(PARAGRAPH, find_quote(PARAGRAPH, normalise(text).upper()))
        assert evidence.alignment == "normalised"
        assert normalise(evidence.quote) == normalise(text)
        assert evidence.start <= start


# --------------------------------------------------------------------------- mentions


def test_mention_is_found_exact() -> None:
    evidence = assert_grounded(PARAGRAPH, find_mention(PARAGRAPH, "Corea del Norte"))
    assert evidence.alignment == "exact"
    assert evidence.start == PARAGRAPH.index("Corea del Norte")


def test_mention_respects_word_boundaries() -> None:
    article = "Los drones iraníes y los técnicos de la industria iraní llegaron a Irán en 2022."
    evidence = assert_grounded(article, find_mention(article, "Irán"))
    assert evidence.start == article.index("Irán en")
    assert find_mention("Los drones iraníes llegaron.", "Irán") is None
    assert find_mention("La industria iraní.", "Irán") is None


def test_mention_matches_up_to_case_and_accents_but_not_fuzzily() -> None:
    evidence = assert_grounded(DRONES, find_mention(DRONES, "moscu"))
    assert evidence.alignment == "normalised"
    assert evidence.quote == "Moscú"
    assert find_mention(DRONES, "Moskú") is None


def test_mention_prefers_exact_over_normalised_without_near() -> None:
    article = "EL KREMLIN no respondió. Después, el Kremlin lo negó."
    evidence = assert_grounded(article, find_mention(article, "el Kremlin"))
    assert evidence.alignment == "exact"
    assert evidence.start == article.index("el Kremlin")


def test_mention_with_spacing_differences_is_found() -> None:
    article = "Según Kim  Jong\nUn, la cooperación seguirá."
    evidence = assert_grounded(article, find_mention(article, "Kim Jong Un"))
    assert evidence.alignment == "normalised"
    assert evidence.quote == "Kim  Jong\nUn"


def test_mention_prefers_the_occurrence_inside_near() -> None:
    near = assert_grounded(PARAGRAPH, find_quote(PARAGRAPH, "Según el Kremlin, Putin ha dicho"))
    evidence = assert_grounded(PARAGRAPH, find_mention(PARAGRAPH, "el Kremlin", near=near))
    assert near.start <= evidence.start < evidence.end <= near.end
    assert evidence.start != PARAGRAPH.index("el Kremlin")


def test_mention_prefers_the_occurrence_closest_to_near() -> None:
    near = assert_grounded(PARAGRAPH, find_quote(PARAGRAPH, "nuevo orden mundial"))
    evidence = assert_grounded(PARAGRAPH, find_mention(PARAGRAPH, "Moscú", near=near))
    assert evidence.start == PARAGRAPH.rindex("Moscú")


def test_missing_or_empty_mention_is_none() -> None:
    assert find_mention(PARAGRAPH, "Pyongyang") is None
    assert find_mention(PARAGRAPH, "  ") is None

"""Numbers as Spanish and English articles write them, normalised by armstrace.text.numbers."""

from __future__ import annotations

import unicodedata

import pytest

from armstrace.knowledge.materiel import listed_english
from armstrace.text.figures import counted_after, figure_exclusion
from armstrace.text.numbers import find_quantities, number_words_only, parse_quantity
from armstrace.base.schema import Quantity


def parsed(text: str) -> Quantity:
    quantity = parse_quantity(text)
    assert quantity is not None, text
    return quantity


def spans(text: str) -> list[str]:
    return [text[start:end] for start, end, _ in find_quantities(text)]


# --------------------------------------------------------------------------- parse_quantity


def test_spanish_thousands_dot_with_millones_is_billions() -> None:
    quantity = parsed("1.700 millones de dólares")
    assert quantity == Quantity(
        text="1.700 millones de dólares", value=1.7e9, qualifier="exact", unit="USD"
    )
    assert quantity.value == 1_700_000_000.0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.700 millones", 1.7e9),  # '.' + three digits: Spanish thousands
        ("1.7 billion", 1.7e9),  # '.' + one digit: decimal
        ("1.500 billion", 1.5e9),  # '.' before an English scale word: decimal
        ("1,000 containers", 1000),  # ',' + three digits: thousands
        ("1,5 millones", 1.5e6),  # ',' + one digit: Spanish decimal
        ("1,75 millones", 1.75e6),
        ("2.500.000", 2.5e6),  # several groups: thousands
        ("2,500,000", 2.5e6),
        ("1.234,56", 1234.56),  # both marks: the last one is decimal
        ("1,234.56", 1234.56),
        ("0,250", 0.25),  # a zero whole part cannot be followed by thousands
        ("1,500 millones", 1.5e9),  # Mexican thousands, not 1.5 millones
        ("12 000", 12000),  # RAE-style space groups
        ("2\u00a0500\u00a0000", 2.5e6),
        ("3 mil millones", 3e9),
        ("1,5 mil M", 1.5e9),
        ("7.5bn", 7.5e9),
        ("5 mln", 5e6),
    ],
)
def test_separators_are_decided_per_number(text: str, value: float) -> None:
    assert parsed(text).value == value


def test_us_dollar_sign_with_english_billion() -> None:
    assert parsed("US$ 1.5 billion") == Quantity(
        text="US$ 1.5 billion", value=1.5e9, qualifier="exact", unit="USD"
    )


@pytest.mark.parametrize(
    ("text", "qualifier", "value"),
    [
        ("más de 1.000 contenedores", "more_than", 1000),
        ("more than 1,000 containers", "more_than", 1000),
        ("over 500 drones", "more_than", 500),
        ("más del 50 %", "more_than", 50),
        ("al menos 20", "at_least", 20),
        ("por lo menos 15 barcos", "at_least", 15),
        ("at least 20", "at_least", 20),
        ("no menos de 30", "at_least", 30),
        ("hasta 300", "up_to", 300),
        ("up to 300", "up_to", 300),
        ("no más de 40", "up_to", 40),
        ("no more than 500,000", "up_to", 500000),
        ("unos 500", "about", 500),
        ("unas 200 toneladas", "about", 200),
        ("alrededor de 500", "about", 500),
        ("cerca de 600", "about", 600),
        ("aproximadamente 700", "about", 700),
        ("casi 1.600 millones", "about", 1.6e9),
        ("about 40", "about", 40),
        ("around 50", "about", 50),
        ("nearly 60", "about", 60),
        ("cerca de un 30 %", "about", 30),
        ("menos de 10", "less_than", 10),
        ("fewer than 5", "less_than", 5),
        ("less than 2 million", "less_than", 2e6),
        ("Más De 1.000", "more_than", 1000),
    ],
)
def test_qualifier_words_are_kept(text: str, qualifier: str, value: float) -> None:
    quantity = parsed(text)
    assert (quantity.qualifier, quantity.value) == (qualifier, value)
    assert quantity.low is None and quantity.high is None


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("entre 10 y 20", 10, 20, None),
        ("de 10 a 20", 10, 20, None),
        ("10-20", 10, 20, None),
        ("10–20 %", 10, 20, "percent"),
        ("between 10 and 20", 10, 20, None),
        ("from 10 to 20", 10, 20, None),
        ("del 10 al 20 por ciento", 10, 20, "percent"),
        ("entre 8 y 10 millones de proyectiles", 8e6, 10e6, None),
        ("entre 800 y 1.200 millones de dólares", 8e8, 1.2e9, "USD"),
        ("$10-20 million", 1e7, 2e7, "USD"),
        ("entre 500.000 y 2 millones", 5e5, 2e6, None),
        ("entre diez y veinte", 10, 20, None),
    ],
)
def test_ranges_have_bounds_and_no_point_value(
    text: str, low: float, high: float, unit: str | None
) -> None:
    assert parsed(text) == Quantity(
        text=text, value=None, low=low, high=high, qualifier="range", unit=unit
    )


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("cientos de drones", 200, 1000, None),
        ("hundreds of drones", 200, 1000, None),
        ("centenares de misiles", 200, 1000, None),
        ("decenas de soldados", 20, 100, None),
        ("dozens of missiles", 20, 100, None),
        ("miles de contenedores", 2000, 10000, None),
        ("thousands of troops", 2000, 10000, None),
        ("decenas de miles de soldados", 20_000, 100_000, None),
        ("tens of thousands of shells", 20_000, 100_000, None),
        ("millones de proyectiles", 2e6, 1e7, None),
        ("miles de millones de dólares", 2e9, 1e10, "USD"),
        ("billions of dollars", 2e9, 1e10, "USD"),
        ("several hundred troops", 200, 1000, None),
    ],
)
def test_plural_scale_words_give_an_order_of_magnitude(
    text: str, low: float, high: float, unit: str | None
) -> None:
    quantity = parsed(text)
    assert (quantity.qualifier, quantity.value) == ("order_of", None)
    assert (quantity.low, quantity.high, quantity.unit) == (low, high, unit)


@pytest.mark.parametrize(
    "text", ["20 %", "20%", "20 por ciento", "20 percent", "20 per cent", "un 20 %"]
)
def test_percent_forms(text: str) -> None:
    quantity = parsed(text)
    assert (quantity.value, quantity.unit) == (20, "percent")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("500 dólares", "USD"),
        ("$500", "USD"),
        ("USD 500", "USD"),
        ("500 millones de dólares estadounidenses", "USD"),
        ("20 €", "EUR"),
        ("4.800 millones de euros", "EUR"),
        ("3 mil millones de rublos", "RUB"),
        ("2 billion roubles", "RUB"),
        ("£5bn", "GBP"),
        ("100 millones de libras", "GBP"),
        ("10 millones de yuanes", "CNY"),
        ("1.000 millones de wones", "KRW"),
        ("500 millones de wones norcoreanos", "KPW"),
        ("1 millón de riales", "IRR"),
        ("300 hryvnias", "UAH"),
        ("300 grivnas", "UAH"),
    ],
)
def test_currency_words_and_symbols_give_iso_codes(text: str, unit: str) -> None:
    assert parsed(text).unit == unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dos drones", 2),
        ("treinta y cinco", 35),
        ("veintiún misiles", 21),
        ("doscientas bombas", 200),
        ("dos mil quinientos millones de euros", 2.5e9),
        ("mil millones", 1e9),
        ("cien mil", 1e5),
        ("una docena", 12),
        ("una decena", 10),
        ("unas dos decenas", 20),
        ("a dozen", 12),
        ("un millón", 1e6),
        ("medio millón", 5e5),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("a hundred thousand", 1e5),
        ("half a million", 5e5),
        ("seven billion", 7e9),
    ],
)
def test_spelled_out_numbers(text: str, value: float) -> None:
    assert parsed(text).value == value


@pytest.mark.parametrize("text", ["2022", "en 2022", "in 1991", "2100"])
def test_bare_four_digit_number_is_a_year(text: str) -> None:
    quantity = parsed(text)
    assert (quantity.value, quantity.unit, quantity.qualifier) == (int(text[-4:]), "year", "exact")


@pytest.mark.parametrize(
    "text", ["2.022", "2000 soldados", "más de 2000", "2022 millones", "1899", "12022"]
)
def test_separators_units_counted_nouns_and_out_of_range_numbers_are_not_years(
    text: str,
) -> None:
    assert parsed(text).unit is None


@pytest.mark.parametrize(
    "text", ["", "   ", "ninguno", "drones iraníes", "Shahed-136", "Su-35 y Kh-101", "9M723"]
)
def test_no_number_gives_none(text: str) -> None:
    assert parse_quantity(text) is None


def test_text_is_the_stripped_input() -> None:
    assert parsed("  más de 1.000 contenedores \n").text == "más de 1.000 contenedores"


def test_article_is_skipped_for_a_later_number() -> None:
    assert parsed("un total de 20 drones").value == 20


def test_a_lone_article_still_counts_when_it_is_all_there_is() -> None:
    assert parsed("un dron").value == 1


def test_accents_and_case_do_not_matter() -> None:
    assert parsed("1.700 MILLONES DE DOLARES") == Quantity(
        text="1.700 MILLONES DE DOLARES", value=1.7e9, unit="USD"
    )


# --------------------------------------------------------------------------- find_quantities


def test_find_quantities_in_agreement_sentence() -> None:
    text = (
        "Moscú y Teherán firmaron un acuerdo de 1.700 millones de dólares para que Irán "
        "exporte drones a Rusia después de que Putin enviara tropas a Ucrania en 2022"
    )
    found = find_quantities(text)
    assert [text[start:end] for start, end, _ in found] == ["1.700 millones de dólares", "2022"]
    assert [(q.value, q.unit) for _, _, q in found] == [(1.7e9, "USD"), (2022, "year")]
    assert found[0][2].text == "1.700 millones de dólares"


def test_find_quantities_includes_qualifier_but_not_counted_noun() -> None:
    text = (
        "Corea del Norte suministró en las últimas semanas más de 1.000 contenedores de "
        "equipamiento militar a Rusia."
    )
    [(start, end, quantity)] = find_quantities(text)
    assert text[start:end] == "más de 1.000"
    assert (quantity.value, quantity.qualifier) == (1000, "more_than")


def test_find_quantities_in_spanish_paragraph() -> None:
    text = (
        "Según la inteligencia surcoreana, Pyongyang ha enviado unos 11.000 soldados y entre "
        "8 y 10 millones de proyectiles a Rusia desde agosto de 2023. Los drones Shahed-136 "
        "cuestan alrededor de 20.000 dólares, y Rusia produce cientos de ellos al mes. El "
        "comercio creció un 20 % en 2024, hasta los 4.800 millones de euros."
    )
    found = find_quantities(text)
    assert [text[start:end] for start, end, _ in found] == [
        "unos 11.000",
        "entre 8 y 10 millones",
        "2023",
        "alrededor de 20.000 dólares",
        "cientos",
        "20 %",
        "2024",
        "4.800 millones de euros",
    ]
    assert [q.qualifier for _, _, q in found] == [
        "about", "range", "exact", "about", "order_of", "exact", "exact", "exact"
    ]


def test_find_quantities_in_english_paragraph() -> None:
    text = (
        "North Korea has shipped more than 1,000 containers and up to 3 million shells. "
        "Iran sold Moscow hundreds of Shahed drones in a $1.7 billion deal; once again, "
        "one official said 40 percent failed."
    )
    assert spans(text) == [
        "more than 1,000", "up to 3 million", "hundreds", "$1.7 billion", "40 percent"
    ]


def test_find_quantities_skips_articles_and_designations() -> None:
    assert spans("Un acuerdo sobre los Su-35, los S-400 y una flota de Shahed-136.") == []


def test_find_quantities_spans_do_not_overlap_and_are_ordered() -> None:
    found = find_quantities("de 10 a 20 drones, 30-40 misiles y 50 %")
    starts_ends = [(start, end) for start, end, _ in found]
    assert starts_ends == sorted(starts_ends)
    assert all(end <= start for (_, end), (start, _) in zip(starts_ends, starts_ends[1:]))
    assert [q.qualifier for _, _, q in found] == ["range", "range", "exact"]


def test_find_quantities_offsets_survive_decomposed_accents() -> None:
    text = unicodedata.normalize("NFD", "Teherán recibió más de 1.700 millones de dólares.")
    [(start, end, quantity)] = find_quantities(text)
    assert text[start:end] == unicodedata.normalize("NFD", "más de 1.700 millones de dólares")
    assert (quantity.value, quantity.unit) == (1.7e9, "USD")


def test_find_quantities_on_text_without_numbers() -> None:
    assert find_quantities("Rusia e Irán negaron cualquier transferencia de armas.") == []


@pytest.mark.parametrize("text", ["de 10 a 20 drones y cientos de misiles", "más de 1.000 contenedores", "hundreds of drones, 30 %"])
def test_every_span_find_quantities_cuts_parses_back_to_the_same_quantity(text: str) -> None:
    for start, end, quantity in find_quantities(text):
        assert parse_quantity(text[start:end]) == quantity


# --------------------------------------------------------------------------- figure_exclusion


def exclusions(text: str) -> list[tuple[str, str | None]]:
    return [(text[start:end], figure_exclusion(text, start, end, q)) for start, end, q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La delegación llegó el 9 de abril a Teherán.", [("9", "date")]),
        ("Las maniobras serán el 8 y 9 de octubre.", [("8", "date"), ("9", "date")]),
        ("Del 4 al 6 de noviembre de 2021 hubo ensayos.", [("Del 4 al 6", "date"), ("2021", "year")]),
        ("Kim viajó el jueves 9 a Vladivostok.", [("9", "date")]),
        ("The envoys met on April 9 in Baku.", [("9", "date")]),
        ("OSLO, 15 nov (Reuters) - Noruega vendió fusiles.", [("15", "date")]),  # a wire dateline's abbreviation
        ("El mandato sigue hasta el 30 de abril.", [("hasta el 30", "date")]),
        ("The envoys met on the 9th of April.", [("9", "date")]),
        ("Talks resume on 9 April, officials said.", [("9", "date")]),
        ("La flota se modernizó en los años 80.", [("80", "date")]),
        ("El convoy salió a las 6 de la madrugada; the convoy left at 6 p.m.", [("6", "date"), ("6", "date")]),
        ("Las entregas siguen de 2019 a 2021, y seguirán hasta 2026.", [("de 2019 a 2021", "year"), ("hasta 2026", "year")]),
    ],
)
def test_dates_years_and_times_of_day_are_not_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert exclusions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un ingeniero de 38 años de edad fue arrestado.", [("38", "age")]),
        ("A 38-year-old engineer was arrested.", [("38", "age")]),
        ("The engineer, aged 38, was arrested.", [("38", "age")]),
        ("La gira de cinco días terminó en Minsk.", [("cinco", "duration")]),
        ("Hubo combates durante seis largos meses.", [("seis", "duration")]),
        ("Negociaron durante 12 horas.", [("12", "duration")]),
        ("The drills lasted four weeks.", [("four", "duration")]),
        ("Iran signed a 20-year pact.", [("20", "duration")]),
        ("Es una alianza de cientos de años.", [("cientos", "duration")]),
    ],
)
def test_ages_and_durations_are_not_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert exclusions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Los dos gobiernos firmaron y los tres aliados lo celebraron.", [("dos", "parties"), ("tres", "parties")]),
        ("Las dos Coreas siguen técnicamente en guerra.", [("dos", "parties")]),
        ("Los dos jefes de Estado brindaron.", [("dos", "parties")]),
        ("The two sides and the three governments agreed.", [("two", "parties"), ("three", "parties")]),
        ("The two Korean leaders did not meet.", [("two", "parties")]),
    ],
)
def test_numerals_that_only_name_the_parties_are_not_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert exclusions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Es la 2.ª ronda y el 3er intento.", [("2", "ordinal"), ("3", "ordinal")]),
        ("It is the 4th round.", [("4", "ordinal")]),
        ("Violó la resolución 1737 y el artículo 7.", [("1737", "designation"), ("7", "designation")]),
        ("The Kh-101, the MiG-31 and the G20 met a No. 2 official.", [("2", "designation")]),
        ("Cañones de 170 mm y 50 obuses de 122-mm.", [("170", "calibre"), ("50", None), ("122", "calibre")]),
    ],
)
def test_ordinals_and_designations_are_not_figures(text: str, expected: list[tuple[str, str]]) -> None:
    assert exclusions(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Irán vendió 400 drones y cerca de 2 millones de proyectiles por 900 millones de euros.",
            ["400", "cerca de 2 millones", "900 millones de euros"],
        ),
        ("Moscú entregó dos fragatas y tres baterías antiaéreas.", ["dos", "tres"]),
        # Without a determiner, or with a hedge, a number of countries is a count, not the parties.
        ("Sancionaron a dos países y a más de dos gobiernos.", ["dos", "más de dos"]),
        ("Cuatro países europeos expulsaron a 15 diplomáticos.", ["Cuatro", "15"]),
        ("Pyongyang shipped 5,000 containers and the two sides signed 3 deals.", ["5,000", "3"]),
        ("In March 40 soldiers died in 6 strikes; 30 % of the $2 billion was paid.", ["40", "6", "30 %", "$2 billion"]),
        ("Entre 2000 y 3000 soldados cruzaron; hasta 2000 soldados más.", ["Entre 2000 y 3000", "hasta 2000"]),
    ],
)
def test_money_materiel_troops_and_counts_stay_figures(text: str, expected: list[str]) -> None:
    assert [span for span, why in exclusions(text) if why is None] == expected


def test_a_decimal_after_a_month_is_a_number_not_a_broken_year() -> None:
    text = "En marzo 21.3 toneladas de munición llegaron a Rusia."
    (start, end, quantity), *_ = find_quantities(text)
    assert text[start:end] == "21.3"
    assert figure_exclusion(text, start, end, quantity) is None


@pytest.mark.parametrize(
    ("after", "counted"),
    [
        (" of cheap attack drones, as well as parts", "cheap attack drones"),
        (" de cartuchos y proyectiles a Rusia.", "cartuchos y proyectiles"),
        (" in the war", ""),
        (", said Lars Berg", ""),
        (" ya llegó a Chile.", ""),  # an adverb and a verb count nothing
        (" of rifles and some 5 million rounds", "rifles"),  # another number starts another phrase
        (" de fusiles FX-05 y unos 300 cohetes", "fusiles FX-05"),  # digits in a designation are no number
        (" miles east of Oslo", "miles east of Oslo"),  # "miles", a thousand in Spanish, is a distance here
        (" Norwegian Fjord rifles for Chile", "Norwegian Fjord rifles"),  # a capital may open what a noun closes
        (" Norway", ""),  # a name alone counts nothing
    ],
)
def test_the_words_a_number_counts_follow_it(after: str, counted: str) -> None:
    assert counted_after(after) == counted


def test_number_words_alone_count_nothing() -> None:
    assert all(map(number_words_only, ["millions", "hundreds of", "dos", "millar"]))
    assert not any(map(number_words_only, ["people", "obuses", ""]))


def test_materiel_words_and_lists_of_them_are_written_in_english() -> None:
    assert listed_english("cartuchos y proyectiles") == "small arms ammunition and shell"
    assert listed_english("obuses") == "howitzer"
    assert listed_english("fusiles de Lars") is None

"""Which numbers are figures of the story: the words around a number that say it is not one.

`numbers.find_quantities` finds every number expression; `figure_exclusion` then reads the
words around each one, following docs/annotation.md section 5, so that years, dates, ages,
durations and labels ("la resolución 2231") are never offered to the model as figures.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from typing import Literal

from ..base.schema import Quantity
from .dates import calendar
from .fold import unaccent_mapped
from .numbers import alternation, counts_nothing, is_year_number

__all__ = ["FigureExclusion", "figure_exclusion"]

# Why a number expression is not a figure of the story (docs/annotation.md, section 5).
FigureExclusion = Literal[
    "year", "article", "date", "age", "duration", "ordinal", "parties", "designation", "calibre"
]

# Words around a number that say it is not a figure of the story.

# Units of time, singular and plural: after a number they make a duration or an age.
_TIME_UNITS = (
    "segundo segundos minuto minutos hora horas dia dias jornada jornadas noche noches semana "
    "semanas quincena quincenas mes meses bimestre bimestres trimestre trimestres semestre "
    "semestres ano anos lustro lustros decada decadas decenio decenios siglo siglos milenio "
    "milenios second seconds minute minutes hour hours day days night nights week weeks "
    "fortnight fortnights month months year years decade decades century centuries "
    "millennium millennia"
).split()
# Words that may stand between the number and its unit of time: 'tres largos meses'.
_TIME_ADJECTIVES = ("ultimos ultimas proximos proximas primeros primeras largos largas "
                    "escasos escasas intensos intensas last next past more full long "
                    "consecutive straight").split()
# What the parties to the story are called when they are counted: 'los dos países'.
_PARTY_NOUNS = (
    "paises", "presidentes", "dirigentes", "lideres", "mandatarios", "gobiernos", "naciones",
    "coreas", "partes", "bandos", "jefes de estado", "cancilleres", "ministros", "aliados",
    "socios", "estados", "regimenes", "capitales", "delegaciones", "potencias", "vecinos",
    "hombres",
    "countries", "leaders", "presidents", "governments", "nations", "koreas", "sides",
    "parties", "heads of state", "foreign ministers", "ministers", "allies", "partners",
    "states", "regimes", "capitals", "delegations", "powers", "neighbours", "neighbors", "men",
)
_DETERMINERS = ("los las estos estas esos esas aquellos aquellas sus nuestros nuestras the these "
                "those their our").split()
# A number after one of these labels a document, a flight or a step: 'la resolución 2231'.
_LABEL_NOUNS = (
    "resolucion resoluciones resolution resolutions articulo articulos article articles "
    "numero number capitulo chapter decreto decree parrafo paragraph seccion section apartado "
    "clausula clause vuelo flight fase phase pagina page"
).split()


def figure_exclusion(text: str, start: int, end: int, quantity: Quantity) -> FigureExclusion | None:
    """Why the expression `text[start:end]` is not a figure of the story, or None if it may be.

    `start`, `end` and `quantity` are one result of `find_quantities(text)`; the words around
    the span decide, following docs/annotation.md section 5:

    * 'year': a bare year, a year after a month ('noviembre de 2021'), a range of years or
      'hasta 2025';
    * 'article': 'un'/'una' read as one ('más de un mes');
    * 'date': a day of the month ('17 de enero', 'January 17', 'the 17th of January',
      'el lunes 17'), a decade ('los años 90', 'the 1990s') or a time of day ('10 a.m.');
    * 'ordinal': digits with an ordinal ending ('3rd', '2.º', '1er');
    * 'age': 'aged 45', '45-year-old', '45 años de edad';
    * 'duration': a unit of time right after ('dos días', 'tres largos meses', 'two years',
      'a 10-day visit', 'cientos de años');
    * 'parties': two or three after a determiner and before a word for the parties ('los dos
      países', 'las dos Coreas', 'the two leaders');
    * 'calibre': digits before millimetres ('cañones de 155 mm');
    * 'designation': digits after a label noun ('la resolución 2231', 'article 5'). Digits
      glued to a name ('Shahed-136', 'G7') are never found by `find_quantities` at all.

    Money and percentages are always figures.
    """
    if quantity.unit == "year":
        return "year"
    if quantity.value == 1 and not any(ch.isdigit() for ch in quantity.text):
        return "article"
    if quantity.unit is not None:
        return None
    span = unaccent_mapped(text[start:end]).text
    before = unaccent_mapped(text[max(0, start - _CONTEXT):start]).text
    after = unaccent_mapped(text[end:end + _CONTEXT]).text
    if _names_years(span, after) or _follows_a_month(span, before, after):
        return "year"
    if _names_a_day(span, quantity, before, after) or _names_a_decade(span, before, after):
        return "date"
    if _TIME_OF_DAY.match(after) and span[-1].isdigit():
        return "date"
    if _ORDINAL_ENDING.match(after) and span[-1].isdigit():
        return "ordinal"
    unit = _TIME_UNIT_AFTER.match(after)
    if unit and (unit["of"] is None or quantity.qualifier == "order_of"):
        return "age" if unit["old"] else "duration"
    if _AGE_BEFORE.search(before):
        return "age"
    if _refers_to_parties(quantity, before, after):
        return "parties"
    if _LABEL_BEFORE.search(before) and _BARE_DIGITS.fullmatch(span):
        return "designation"
    if _CALIBRE_AFTER.match(after) and _BARE_DIGITS.fullmatch(span):
        return "calibre"
    return None


# --------------------------------------------------------------------------- the words around
# All matched against accent-folded text around the span; see figure_exclusion.

_CONTEXT = 60  # characters looked at on each side, enough for 'del mes de septiembre'
_LETTER = r"[^\W\d_]"


def _calendar_words(words: Iterable[str], *, abbreviated: bool) -> str:
    """Lowercase words in any case, capitalised ones only so (calendar.toml), maybe with a full stop."""
    written = list(words)
    stop = r"\.?" if abbreviated else ""
    lower, cased = [w for w in written if w.islower()], [w for w in written if not w.islower()]
    return rf"(?:(?i:{alternation(lower)})|(?:{alternation(cased)}){stop})"


_MONTH = rf"{_calendar_words((n for names in calendar().months for n in names), abbreviated=True)}(?!{_LETTER})"
_ORDINAL_SUFFIX = r"(?:st|nd|rd|th|\.?[ºª]|er|ero|era|ro|ra|do|da|to|ta|vo|va|no|na|mo|ma)"
_ORDINAL_ENDING = re.compile(rf"{_ORDINAL_SUFFIX}(?!{_LETTER})", re.IGNORECASE)
_BARE_DIGITS = re.compile(r"\d[\d.,]*")
# A bore in millimetres describes a weapon, it counts nothing ('cañones de 155 mm', '122-mm').
_CALIBRE_AFTER = re.compile(rf"\s*-?\s*(?:mm|milimetros|millimetres|millimeters|millimetre|millimeter)(?!{_LETTER})", re.IGNORECASE)
_DAY_SPAN = re.compile(
    r"(?:(?:del?|desde|entre|from|between|hasta(?:\s+el)?|until(?:\s+the)?)\s+)?\d{1,2}"
    r"(?:\s*(?:[-–‑]|al?|y|hasta|and|to)\s*\d{1,2})?",
    re.IGNORECASE,
)
# '17 de enero', '17, 18 y 19 de enero', 'the 17th of January', '17 January'.
_MONTH_AFTER = re.compile(
    rf"(?i:{_ORDINAL_SUFFIX})?"
    r"(?:\s*(?i:,|y|e|o|al?|and|or|to|[-–‑])\s*(?i:el\s+|the\s+)?\d{1,2}(?i:st|nd|rd|th)?)*"
    rf"\s*(?i:(?:del?\s+(?:mes\s+de\s+)?|of\s+(?:the\s+month\s+of\s+)?))?{_MONTH}"
)
# 'January 17', 'el lunes 17', 'el día 17'.
_CALENDAR_BEFORE = re.compile(
    rf"(?<!{_LETTER})(?:{_MONTH}|{_calendar_words(calendar().days, abbreviated=False)}),?\s+(?i:(?:el|the)\s+)?$"
)
_YEAR_SPAN = re.compile(
    r"(?:(?:del?|desde|entre|from|between)\s+)?(?P<first>\d{4})"
    r"\s*(?:[-–‑]|al?|y|hasta|and|to)\s*(?P<last>\d{4}|\d{2})"
    r"|(?:hasta|until)\s+(?P<until>\d{4})",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(
    rf"(?<!{_LETTER}){_MONTH}(?P<day>\s+\d{{1,2}}(?i:st|nd|rd|th)?)?,?\s+(?P<of>(?i:del?|of)\s+)?$"
)
_TIME_OF_DAY = re.compile(
    r"\s*(?:h|hrs?|(?:a|p)\.?\s?m\.?|de\s+la\s+(?:manana|tarde|noche|madrugada)|o'clock|gmt|utc)"
    rf"(?!{_LETTER})",
    re.IGNORECASE,
)
_TIME_UNIT_AFTER = re.compile(
    rf"(?:\s*[-–‑]\s*|\s+)(?P<of>(?:de|of)\s+)?(?:(?:{alternation(_TIME_ADJECTIVES)})\s+)?"
    rf"(?:{alternation(_TIME_UNITS)})(?!{_LETTER})(?P<old>\s+de\s+edad|[\s-]+old)?",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(
    rf"(?<!{_LETTER})(?:aged?|(?:a\s+la\s+)?edad\s+de|de\s+edad)\s*:?\s*$", re.IGNORECASE
)
_DETERMINER_BEFORE = re.compile(
    rf"(?<!{_LETTER})(?:{alternation(_DETERMINERS)})\s+$", re.IGNORECASE
)
# One word may come between: 'the two Korean leaders', 'los dos grandes aliados'.
_PARTY_AFTER = re.compile(
    rf"\s+(?:{_LETTER}+\s+)?(?:{alternation(_PARTY_NOUNS)})(?!{_LETTER})", re.IGNORECASE
)
_LABEL_BEFORE = re.compile(
    # 'No.' only capitalised: a lowercase 'no' before a number is a negation.
    rf"(?<!{_LETTER})(?:(?i:{alternation(_LABEL_NOUNS)}|n\.?\s?º|num\.)|No\.|#)\s*$"
)


def _ends_phrase(after: str) -> bool:
    """What follows, past an ordinal ending, counts nothing (`numbers.counts_nothing`)."""
    ordinal = _ORDINAL_ENDING.match(after)
    return counts_nothing(after[ordinal.end():] if ordinal else after)


def _names_years(span: str, after: str) -> bool:
    """'2022-2023', 'entre 2014 y 2022', 'hasta 2025': a bare year with a range or 'hasta'."""
    years = _YEAR_SPAN.fullmatch(span)
    if years is None or not _ends_phrase(after):
        return False
    first, last = years["first"] or years["until"], years["last"]
    # '2022-23' abbreviates the second year.
    return is_year_number(first) and (last is None or len(last) == 2 or is_year_number(last))


def _follows_a_month(span: str, before: str, after: str) -> bool:
    """'noviembre de 2021', 'April 9, 2021', 'March 2022.': a year after a month.

    Straight after a month name ('In March 2000 soldiers crossed') it may be a count, so
    then what follows must end the phrase, as for a bare year.
    """
    if not (_BARE_DIGITS.fullmatch(span) and is_year_number(span)):
        return False
    month = _MONTH_BEFORE.search(before)
    return month is not None and bool(month["day"] or month["of"] or _ends_phrase(after))


def _names_a_day(span: str, quantity: Quantity, before: str, after: str) -> bool:
    if not _DAY_SPAN.fullmatch(span):
        return False
    days = [v for v in (quantity.value, quantity.low, quantity.high) if v is not None]
    if not all(1 <= v <= 31 for v in days):
        return False
    if _MONTH_AFTER.match(after):
        return True
    # 'el lunes 20 soldados' counts soldiers; 'el lunes 20 en Moscú' is a day.
    return _CALENDAR_BEFORE.search(before) is not None and _ends_phrase(after)


def _names_a_decade(span: str, before: str, after: str) -> bool:
    """'the 1990s', 'the '90s', 'los años 90'."""
    if not (_BARE_DIGITS.fullmatch(span) and len(span) in (2, 4) and span.endswith("0")):
        return False
    return bool(
        re.match(rf"'?s(?!{_LETTER})", after) or re.search(rf"(?<!{_LETTER})anos\s+$", before)
    )


def _refers_to_parties(quantity: Quantity, before: str, after: str) -> bool:
    # Three covers Russia, Iran and North Korea together; more is a count of something else.
    return (
        quantity.qualifier == "exact"
        and quantity.value in (2, 3)
        and bool(_DETERMINER_BEFORE.search(before))
        and bool(_PARTY_AFTER.match(after))
    )


# Where the words a number counts end: punctuation, or a word that starts another phrase.
_COUNTED_END = re.compile(
    r"[,.;:()«»“”\"]|\s(?:que|that|to|para|for|en|in|a|al|from|desde|con|with|by|por|were|was|are|is|han|ha|fueron|son|sent|enviados?)\b",
    re.IGNORECASE,
)
_COUNTED_WORDS = 5
# Words that open no noun phrase: "un millar ya llegó" counts nothing the words after it name.
_NO_NOUN = frozenset(
    "ya already también also aún todavía still no not se lo la le les han ha habían había had have has will would could podría podrían".split()
)


# Words that join the counted words to a next number's: "and some", "y unos", "or about".
_LINKING = frozenset("and or y e o ni some about around nearly over almost unos unas cerca alrededor más de than".split())


def _starts_number(word: str) -> bool:
    """Whether `word` opens a number in digits ("5", "$1.5"). Number words are left alone: "miles"
    is a thousand in Spanish and a distance in English."""
    return word.lstrip("$€£")[:1].isdigit()


def counted_after(after: str) -> str:
    """The words a number counts, as the text writes them right after it ("hundreds of cheap
    drones": "cheap drones"); '' when no noun follows."""
    rest = re.sub(r"^\s*(?:of(?:\s+the)?|de(?:\s+(?:los|las))?)\s+", " ", after, flags=re.IGNORECASE)
    end = _COUNTED_END.search(rest)
    words = (rest[: end.start()] if end else rest).split()[:_COUNTED_WORDS]
    # Another number starts another phrase: "dozens of missiles and some 5 million rounds".
    words = list(itertools.takewhile(lambda w: not _starts_number(w), words))
    while words and words[-1].lower() in _LINKING:
        words.pop()
    # A capital may open the words a noun in lower case closes: "Iranian Shahed drones", "Iran-backed plots".
    opens = bool(words) and (words[0][:1].islower() or any(w[:1].islower() for w in words[1:]))
    return " ".join(words) if opens and words[0].lower() not in _NO_NOUN else ""

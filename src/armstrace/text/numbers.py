"""Turn numbers as articles write them into values, keeping the hedge put on them.

The model copies figures out of the article verbatim; this module does the arithmetic, so a
'1.700 millones de dólares' becomes 1.7e9 USD whatever the model thought it meant.

Separators are decided per number, because Spanish and English swap '.' and ',':

* both '.' and ',' present: the last one is the decimal mark ('1.234,5', '1,234.5');
* one kind, several times: thousands groups ('2.500.000', '2,500,000');
* one kind, once, followed by exactly three digits: thousands ('1.700', '1,000'), except
  - a '.' before an English scale word is a decimal mark ('1.500 billion' = 1.5e9), and
  - a whole part of zero makes it a decimal ('0,250');
* otherwise the mark is decimal ('1,7 millones', '1.7 billion', '2,75').

A ',' with three digits is read as thousands even before Spanish words ('1,500 millones' =
1.5e9): Mexican and Central American papers write thousands that way, while Spain writes
'1,5 millones' and practically never three decimals. Spaces (plain, non-breaking or thin)
group thousands only after a first group of one to three digits ('12 000', '1 500 000'), so
that 'en 2022 300 drones' stays two numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from ..base.schema import Qualifier, Quantity
from .fold import unaccent_mapped

__all__ = ["alternation", "counts_nothing", "find_quantities", "is_year_number", "number_words_only", "parse_quantity"]

# --------------------------------------------------------------------------- vocabulary
# Everything is matched against accent-free text, so keys are written without accents.

_QUALIFIERS: dict[str, Qualifier] = {
    **dict.fromkeys(
        ("unos", "unas", "alrededor de", "cerca de", "aproximadamente", "aprox.", "casi",
         "en torno a", "about", "around", "approximately", "roughly", "nearly", "almost",
         "some", "close to", "an estimated"),
        "about",
    ),
    **dict.fromkeys(
        ("mas de", "por encima de", "more than", "over", "in excess of", "upwards of"),
        "more_than",
    ),
    **dict.fromkeys(
        ("al menos", "por lo menos", "como minimo", "no menos de", "at least",
         "no fewer than", "no less than", "not less than"),
        "at_least",
    ),
    **dict.fromkeys(
        ("menos de", "por debajo de", "fewer than", "less than", "under"), "less_than"
    ),
    **dict.fromkeys(
        ("hasta", "un maximo de", "como maximo", "no mas de", "a lo sumo", "up to",
         "as many as", "a maximum of", "not more than", "no more than", "at most"),
        "up_to",
    ),
}

_ES_UNITS = {"un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
             "seis": 6, "siete": 7, "ocho": 8, "nueve": 9}


def _numbered(words: str, first: int, step: int = 1) -> dict[str, int]:
    return {word: first + step * i for i, word in enumerate(words.split())}


# Words that add up; multipliers (below) scale what came before them.
_WORD_VALUES: dict[str, int] = {
    **_ES_UNITS,
    **{"veinti" + word: 20 + value for word, value in _ES_UNITS.items()},
    **_numbered("diez once doce trece catorce quince dieciseis diecisiete dieciocho "
                "diecinueve veinte", 10),
    **_numbered("treinta cuarenta cincuenta sesenta setenta ochenta noventa", 30, 10),
    "cien": 100,
    "ciento": 100,
    # doscientos/doscientas ... novecientos/novecientas
    **{f"{stem}ient{g}s": 100 * n
       for n, stem in enumerate("dosc tresc cuatroc quin seisc setec ochoc novec".split(), 2)
       for g in "oa"},
    **_numbered("one two three four five six seven eight nine ten eleven twelve thirteen "
                "fourteen fifteen sixteen seventeen eighteen nineteen twenty", 1),
    **_numbered("thirty forty fifty sixty seventy eighty ninety", 30, 10),
}
_MULTIPLIERS: dict[str, int] = {
    "decena": 10, "decenas": 10, "docena": 12, "docenas": 12, "dozen": 12, "hundred": 100, "centenar": 100,
    "mil": 1000, "millar": 1000, "thousand": 1000,
}
# Only numbers before a scale word: 'medio millón', 'half a million'; never alone.
_HALVES = {"medio": Decimal("0.5"), "media": Decimal("0.5"), "half": Decimal("0.5")}
# Articles and English 'once' as numbers are noise in running text: 'un acuerdo', 'once again'.
_AMBIGUOUS_WORDS = frozenset({"un", "una", "uno", "one", "once"})

_SCALES: dict[str, int] = {
    "mil": 10**3, "thousand": 10**3,
    "millon": 10**6, "millones": 10**6, "million": 10**6, "millions": 10**6,
    "mln": 10**6, "mn": 10**6, "M": 10**6,
    "millardo": 10**9, "millardos": 10**9, "billion": 10**9, "billions": 10**9,
    "bn": 10**9, "B": 10**9,
    "billon": 10**12, "billones": 10**12, "trillion": 10**12, "trillions": 10**12,
}
_ENGLISH_SCALES = frozenset(
    {"thousand", "million", "millions", "billion", "billions", "trillion", "trillions", "bn", "mn"}
)

# 'cientos de' is between two and ten hundreds: the base of the order of magnitude.
_ORDER_BASES: dict[str, int] = {
    **dict.fromkeys(("decenas", "docenas", "tens", "dozens", "dozen"), 10),
    **dict.fromkeys(("cientos", "centenares", "hundreds", "hundred"), 100),
    **dict.fromkeys(("miles", "millares", "thousands", "thousand"), 10**3),
    **dict.fromkeys(("millones", "millions", "million"), 10**6),
    **dict.fromkeys(("billions", "billion"), 10**9),
    **dict.fromkeys(("billones", "trillions"), 10**12),
}

# North Korean won before South Korean, which would otherwise swallow it.
_CURRENCY_PATTERNS: tuple[tuple[str, str], ...] = (
    ("KPW", r"kpw|won(?:es)?\s+norcoreanos?|north\s+korean\s+won"),
    ("USD", r"usd|us\s?\$|u\$s|\$|dolar(?:es)?(?:\s+estadounidenses)?|(?:u\.?s\.?\s+)?dollars?"),
    ("EUR", r"eur|€|euros?"),
    ("RUB", r"rub|₽|rublos?|ro?ubles?"),
    ("GBP", r"gbp|£|libras?(?:\s+esterlinas)?|pounds?(?:\s+sterling)?"),
    ("CNY", r"cny|rmb|yuan(?:es)?|renminbi"),
    ("KRW", r"krw|₩|won(?:es)?(?:\s+surcoreanos?)?|south\s+korean\s+won"),
    ("IRR", r"irr|rials?|riales?"),
    ("UAH", r"uah|₴|grivnas?|hryvnias?|hryvnas?"),
)
_CURRENCIES = tuple((code, re.compile(p, re.IGNORECASE)) for code, p in _CURRENCY_PATTERNS)

# A four-digit number followed by one of these (or by nothing, punctuation or a capital) is a
# year; followed by another lowercase word it is a count: '2000 soldados'.
_YEAR_FOLLOWERS = frozenset(
    "y e o u a al de del en que cuando con por para se el la los las tras desde hasta como "
    "pero segun durante contra sobre ya no fue ha han and or the to in of on at by for from "
    "with when as after before until since was were had has is that which but".split()
)

# --------------------------------------------------------------------------- grammar


def alternation(phrases: Iterable[str]) -> str:
    """Longest first, so that 'no menos de' is tried before 'menos de'."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


# Not glued to letters, as in designations: 'Shahed-136', 'Su-35', '9M723', 'Tor-M2'.
_DIGITS = (
    r"(?<![\w/:.,])(?<![^\W\d_][-–‑])"
    r"(?:\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+|\d+)(?:[.,]\d+)*"
    r"(?![^\W\d_]*\d|[/:]\d)"
)
_WORD = rf"\b(?:{alternation([*_WORD_VALUES, *_MULTIPLIERS])})\b"
# 'y' joins only after -nta tens ('treinta y cinco'), hyphens after -ty ('twenty-five'), so
# that 'diez y veinte' and 'veinte-treinta' stay two numbers.
_JOIN = r"(?:\s+|(?<=ty)-|(?<=nta)\s+y\s+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)"
_LEAD = (
    r"\b(?:(?:an?|half(?:\s+an?)?)(?=\s+(?:hundred|thousand|dozen|million|billion|trillion)\b)"
    r"|medi[oa](?=\s+(?:millon|docena)\b))"
)
_SPELLED = rf"(?:{_LEAD}(?:\s+{_WORD}(?:{_JOIN}{_WORD})*)?|{_WORD}(?:{_JOIN}{_WORD})*)"
_SCALE = rf"(?:(?:{alternation(k for k in _SCALES if k.islower())})\b|(?-i:[MB])\b)"
_PERCENT = r"(?:%|(?:por\s+ciento|per\s?cent)\b)"
_CURRENCY_PREFIX = r"(?:us\s?\$|u\$s|[$€£₽₩₴]|\b(?:usd|eur|rub|gbp|cny|krw|irr|uah|kpw)\b)"
_CURRENCY = rf"(?:{'|'.join(p for _, p in _CURRENCY_PATTERNS)})(?!\w)"


def _side(p: str) -> str:
    """One number with its scale and unit; `p` prefixes the group names."""
    return (
        rf"(?:(?P<{p}cur1>{_CURRENCY_PREFIX})\s*)?"
        rf"(?P<{p}num>{_DIGITS}|{_SPELLED})"
        rf"(?P<{p}scales>(?:\s*{_SCALE})*)"
        rf"(?:\s*(?P<{p}pct>{_PERCENT})|\s*(?:(?:de|of)\s+)?(?P<{p}cur2>{_CURRENCY}))?"
    )


# 'y'/'and' join the ends of a range only after 'entre'/'between': '10 y 20' is a list.
_RANGE = (
    rf"(?:\b(?P<between>entre|between)\s+|\b(?:de|del|desde|from)\s+)?{_side('lo_')}"
    # A hyphen glued to a letter is inside a word: 'twenty-five'.
    r"(?:(?:(?<![^\W\d_])\s*|\s+)[-–—‑]\s*"
    r"|(?(between)\s+(?:y|and|a)\s+|\s+(?:a|al|to|hasta)\s+))"
    rf"{_side('hi_')}"
)
_ORDER = (
    r"\b(?:(?:(?:varios|varias)\s+)?(?:decenas|docenas|cientos|centenares|miles|millares"
    # The counted noun may be cut off: find_quantities' span ('cientos') must parse again.
    r"|millones|billones)(?=\s+de\b|\s*$)"
    r"|(?:several\s+)?(?:tens|dozens|hundreds|thousands|millions|billions|trillions)(?=\s+of\b|\s*$)"
    r"|several\s+(?:dozen|hundred|thousand|million|billion)\b)"
    r"(?:\s+(?:de|of)\s+(?:miles|millares|millones|billones|thousands|millions|billions)\b)*"
    rf"(?:\s+(?:de|of)\s+(?P<order_cur>{_CURRENCY}))?"
)
# 'más del 50 %', 'cerca de un 30 %', 'al menos el 20 %': the article joins the qualifier.
_SINGLE = (
    rf"(?:\b(?P<qual>{alternation(_QUALIFIERS)})(?:l\b|\s+(?:el|un|una))?\s+)?{_side('')}"
)
_EXPRESSION = re.compile(
    rf"(?P<range>{_RANGE})|(?P<order>{_ORDER})|{_SINGLE}", re.IGNORECASE
)
_SCALE_WORD = re.compile(_SCALE, re.IGNORECASE)

# --------------------------------------------------------------------------- public API


def parse_quantity(text: str) -> Quantity | None:
    """Normalise one expression as the model copied it, e.g. 'más de 1.000 contenedores'.

    The first number expression in `text` is read, with its qualifier, scale and unit (see
    the module docstring for separators). A lone article ('un', 'one') is only used when
    there is nothing else. Returns None if `text` has no number.
    """
    stripped = text.strip()
    folded = unaccent_mapped(stripped).text
    matches = list(_EXPRESSION.finditer(folded))
    if not matches:
        return None
    m = next((m for m in matches if not _is_lone_word(m)), matches[0])
    return _quantity(m, stripped, folded[m.end():])


def find_quantities(text: str) -> list[tuple[int, int, Quantity]]:
    """Find every number expression in an article, as (start, end, quantity).

    Offsets index `text` itself, end exclusive. A span covers the qualifier before the number
    and its scale, currency or percent after it ('más de 1.000', '1.700 millones de
    dólares'), never the counted noun. Spans do not overlap and come in order. Articles used
    as numbers ('un acuerdo') are skipped; designations such as 'Shahed-136' are not numbers.
    """
    folded = unaccent_mapped(text)
    found: list[tuple[int, int, Quantity]] = []
    for m in _EXPRESSION.finditer(folded.text):
        if _is_lone_word(m):
            continue
        start, end = folded.span(m.start(), m.end())
        found.append((start, end, _quantity(m, text[start:end], folded.text[m.end():])))
    return found


# --------------------------------------------------------------------------- reading a match


def _is_lone_word(m: re.Match[str]) -> bool:
    num = m["num"]
    return num is not None and num == m[0] and num.lower() in _AMBIGUOUS_WORDS


def _quantity(m: re.Match[str], text: str, following: str) -> Quantity:
    if m["range"]:
        return _range(m, text)
    if m["order"]:
        return _order_of(m, text)
    return _single(m, text, following)


def _single(m: re.Match[str], text: str, following: str) -> Quantity:
    scales = _SCALE_WORD.findall(m["scales"])
    value = _numeral(m["num"], scales) * _factor(scales)
    qualifier: Qualifier = "exact"
    if m["qual"]:
        qualifier = _QUALIFIERS[" ".join(m["qual"].lower().split())]
    unit = _unit(m, "")
    if unit is None and qualifier == "exact" and not scales and is_year_number(m["num"]) and counts_nothing(following):
        unit = "year"
    return Quantity(text=text, value=float(value), qualifier=qualifier, unit=unit)


def _range(m: re.Match[str], text: str) -> Quantity:
    hi_scales = _SCALE_WORD.findall(m["hi_scales"])
    lo_scales = _SCALE_WORD.findall(m["lo_scales"])
    hi = _numeral(m["hi_num"], hi_scales)
    lo = _numeral(m["lo_num"], lo_scales or hi_scales)
    # 'entre 10 y 20 millones' writes the scale once; '500.000 a 2 millones' does not share it.
    if not lo_scales and lo < hi:
        lo_scales = hi_scales
    return Quantity(
        text=text,
        value=None,
        low=float(lo * _factor(lo_scales)),
        high=float(hi * _factor(hi_scales)),
        qualifier="range",
        unit=_unit(m, "hi_") or _unit(m, "lo_"),
    )


def _order_of(m: re.Match[str], text: str) -> Quantity:
    base = 1
    for word in re.findall(r"[a-z]+", m["order"].lower()):
        base *= _ORDER_BASES.get(word, 1)
    unit = _currency(m["order_cur"]) if m["order_cur"] else None
    return Quantity(
        text=text, value=None, low=float(2 * base), high=float(10 * base),
        qualifier="order_of", unit=unit,
    )


def _numeral(raw: str, scales: list[str]) -> Decimal:
    if raw[0].isdigit():
        return _digits(raw, english=bool(scales) and scales[0].lower() in _ENGLISH_SCALES)
    return _spelled(raw)


def _digits(raw: str, english: bool) -> Decimal:
    """Read digits with '.', ',' or narrow spaces by the rule in the module docstring."""
    digits = "".join(raw.split())
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        decimal_mark = "." if digits.rfind(".") > digits.rfind(",") else ","
    elif dots + commas == 0:
        return Decimal(digits)
    else:
        mark = "." if dots else ","
        whole, _, tail = digits.rpartition(mark)
        grouped = dots + commas > 1 or (
            len(tail) == 3 and int(whole) != 0 and not (mark == "." and english)
        )
        if grouped:
            return Decimal(digits.replace(mark, ""))
        decimal_mark = mark
    thousands_mark = "," if decimal_mark == "." else "."
    return Decimal(digits.replace(thousands_mark, "").replace(decimal_mark, "."))


def _spelled(raw: str) -> Decimal:
    total, current = Decimal(0), Decimal(0)
    for word in re.findall(r"[a-z]+", raw.lower()):
        if word in _MULTIPLIERS:
            factor = _MULTIPLIERS[word]
            if factor >= 1000:
                total, current = total + (current or Decimal(1)) * factor, Decimal(0)
            else:
                current = (current or Decimal(1)) * factor
        elif word in ("a", "an"):
            # 'a hundred' is one hundred, but 'half a million' is still a half.
            current = current or Decimal(1)
        else:
            # 'y' and 'and' inside a number weigh nothing.
            current += _WORD_VALUES.get(word, _HALVES.get(word, Decimal(0)))
    return total + current


def _factor(scales: list[str]) -> int:
    factor = 1
    for scale in scales:
        factor *= _SCALES.get(scale) or _SCALES[scale.lower()]
    return factor


def _unit(m: re.Match[str], p: str) -> str | None:
    if m[p + "pct"]:
        return "percent"
    written = m[p + "cur1"] or m[p + "cur2"]
    return _currency(written) if written else None


def _currency(written: str) -> str | None:
    words = " ".join(written.split())
    return next((code for code, pattern in _CURRENCIES if pattern.fullmatch(words)), None)


def is_year_number(digits: str) -> bool:
    """Four digits between 1900 and 2100."""
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100


def counts_nothing(following: str) -> bool:
    """Nothing, punctuation, a capital or a function word follows: a number there counts nothing."""
    next_word = re.match(r"\s+([^\W\d_]+)", following)
    return next_word is None or not next_word[1].islower() or next_word[1] in _YEAR_FOLLOWERS


def number_words_only(text: str) -> bool:
    """Whether `text` holds words and none but number words: "millions", "hundreds of", "dos"."""
    words = re.findall(r"[^\W\d_]+", unaccent_mapped(text.lower()).text)
    known = {*_WORD_VALUES, *_MULTIPLIERS, *(w.lower() for w in _SCALES), *_ORDER_BASES, "of", "de"}
    return bool(words) and all(w in known for w in words)


# A Roman numeral: "siglo XI", "la II Guerra Mundial" (one letter only after "siglo", else "I" is a word).
_ROMAN = re.compile(r"\b(?:siglo|century)\s+([IVXLC]+)\b|\b([IVXLC]{2,})\b")
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def is_roman(word: str) -> bool:
    """Whether `word` is a Roman numeral of two to four capitals ("XI", "XXI"), not a name."""
    return re.fullmatch(r"[IVXLC]{2,4}", word) is not None


def roman_numerals(text: str) -> list[float]:
    """The values of the Roman numerals `text` writes (a century, a war, a congress)."""
    values = []
    for m in _ROMAN.finditer(text):
        digits = [_ROMAN_DIGITS[c] for c in m.group(1) or m.group(2)]
        values.append(float(sum(-d if d < after else d for d, after in zip(digits, [*digits[1:], 0]))))
    return values

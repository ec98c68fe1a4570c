"""Dates and years written in an article: its dateline, a claim's stated date, years named."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from ..base.datafile import DATA_DIR, read_toml, strings
from ..base.errors import ConfigError
from .fold import alternation

CALENDAR_PATH = DATA_DIR / "calendar.toml"
_HINT = "see the comments at the top of the packaged calendar.toml for the format"


@dataclass(frozen=True)
class Calendar:
    """The calendar words of `data/calendar.toml`, as written there (see its comments)."""

    months: tuple[tuple[str, ...], ...]  # twelve, January first
    weekdays: tuple[tuple[str, ...], ...]  # seven, Monday first
    days: tuple[str, ...]  # the weekdays' names and the words for a day


@cache
def calendar() -> Calendar:
    """The packaged calendar words, read once per process."""
    document = read_toml(CALENDAR_PATH, _HINT)
    months, weekdays, days = document.get("months"), document.get("weekdays"), document.get("days")
    names = months.get("names") if isinstance(months, dict) else None
    week = weekdays.get("names") if isinstance(weekdays, dict) else None
    if not isinstance(names, list) or len(names) != 12 or not isinstance(week, list) or len(week) != 7 or not isinstance(days, dict):
        raise ConfigError(f"{CALENDAR_PATH}: needs [months] names (twelve lists), [weekdays] names (seven lists) and [days]", _HINT)
    seven = tuple(strings(day, f"{CALENDAR_PATH}: [weekdays] #{n}", _HINT) for n, day in enumerate(week, 1))
    return Calendar(
        months=tuple(strings(month, f"{CALENDAR_PATH}: [months] #{n}", _HINT) for n, month in enumerate(names, 1)),
        weekdays=seven,
        days=(
            *(name for day in seven for name in day),
            *(day for key, words in days.items() for day in strings(words, f"{CALENDAR_PATH}: [days] {key}", _HINT)),
        ),
    )


_MONTHS = {name.lower(): n for n, names in enumerate(calendar().months, start=1) for name in names}
_MONTH = alternation(_MONTHS)
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?:de\s+)?(?P<m1>{_MONTH})\.?,?\s+(?:de\s+|del\s+)?(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))\b",
    re.IGNORECASE,
)
# A dateline opens a line: an optional place in capitals and a comma, then the date.
_DATELINE = re.compile(rf"^\s*(?:[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .'-]{{1,40}},\s*)?(?={_DATE.pattern})", re.MULTILINE | re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
# A wire story's lead: a place, perhaps its region or a date, the agency in brackets and a
# dash ("OSLO, Norway (AP) —", "Lima, 3 mar (EFE).-", "QUITO (AFP) -").
# The place may stand in the sentence before, when the date's full stop ended it ("20 May.").
_CREDIT = re.compile(r"^\s*(?:[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ .'-]{1,40}(?:,[^()—–\n]{0,40})?)?\([^()\n]{1,30}\)\s*\.?\s*[-—–]+\s*")


def credit_end(text: str) -> int:
    """Where the text starts after a wire story's lead ("OSLO, Norway (AP) — "), 0 if none."""
    found = _CREDIT.match(text)
    return found.end() if found else 0


# A photo's caption ends with its date and a dash before the story's sentence: "…, en Moscú,
# el 22 de junio de 2023 – El presidente …".
_CAPTION = re.compile(rf"{_DATE.pattern}\s+[—–-]\s+", re.IGNORECASE)


def caption_end(text: str) -> int:
    """Where the text starts after a caption that ends with a date and a dash, 0 if none."""
    found = list(_CAPTION.finditer(text))
    return found[-1].end() if found else 0


def story_start(text: str) -> int:
    """Where a sentence's own words start, past a wire story's lead or a photo caption, 0 if
    neither opens it: what they name opens no clause."""
    return max(credit_end(text), caption_end(text))


def _iso(m: re.Match[str]) -> str | None:
    if m.group("y3"):
        y, mo, d = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
    else:
        y = int(m.group("y1") or m.group("y2"))
        mo = _MONTHS[(m.group("m1") or m.group("m2")).lower()]
        d = int(m.group("d1") or m.group("d2"))
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def stated_date(text: str) -> str | None:
    """The first full date written in `text` ("12 de octubre de 2023", "2023-10-12"), ISO."""
    return next((iso for m in _DATE.finditer(text) if (iso := _iso(m))), None)


def dateline(text: str) -> str | None:
    """The date of the article's dateline ("MOSCÚ, 12 de octubre de 2023 (EFE) -"), if any.

    Only the first five lines are looked at and the date must open its line (after an
    optional place), so a date in the body is never taken for the publication date.
    """
    head = "\n".join(text.splitlines()[:5])
    for m in _DATELINE.finditer(head):
        found = _DATE.match(head, m.end())
        if found and (iso := _iso(found)):
            return iso
    return None


def years(text: str) -> list[int]:
    """The four-digit years (1950-2099) written in `text`, sorted, each once."""
    return sorted({int(y) for y in _YEAR.findall(text)})

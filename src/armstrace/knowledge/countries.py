"""Countries by their English and Spanish names, from ISO 3166 (pycountry and its `es` locale)."""

from __future__ import annotations

import gettext
from collections import Counter
from collections.abc import Mapping
from functools import cache

from .gazetteer import name_key


@cache
def _iso_names() -> Mapping[str, tuple[str, str]]:
    """Folded English and Spanish country names -> (alpha-2 code, English common name)."""
    import pycountry

    spanish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    names: dict[str, tuple[str, str]] = {}
    heads: Counter[str] = Counter()
    head_of: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        common = getattr(country, "common_name", None) or country.name
        forms = {country.name, common, getattr(country, "official_name", None) or country.name}
        forms |= {spanish.gettext(form) for form in tuple(forms)}
        for form in forms:
            names[name_key(form)] = (code, common)
            # "Irán, República islámica de" is written "Irán"; "Corea, República de" is ambiguous.
            if "," in form:
                head = name_key(form.split(",")[0])
                heads[head] += 1
                head_of[head] = (code, common)
    for head, count in heads.items():
        if count == 1:
            names.setdefault(head, head_of[head])
    return names


@cache
def _iso_forms() -> Mapping[str, tuple[str, ...]]:
    """Alpha-2 code -> every folded English and Spanish name of that country."""
    forms: dict[str, list[str]] = {}
    for key, (code, _) in _iso_names().items():
        forms.setdefault(code, []).append(key)
    return {code: tuple(keys) for code, keys in forms.items()}


def iso_forms(code: str) -> tuple[str, ...]:
    """The folded English and Spanish names ISO 3166 gives the country with code `code`."""
    return _iso_forms().get(code, ())


def iso_country(name: str) -> tuple[str, str] | None:
    """(alpha-2 code, English name) of the country `name` names in English or Spanish, or None."""
    return _iso_names().get(name_key(name))

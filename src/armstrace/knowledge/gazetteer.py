"""The gazetteer of known actors and weapon systems, and the folded form names are compared by.

It lives in a TOML file shipped with the package (`data/gazetteer.toml`) so that people who
know the field can correct and extend it without touching code.

A user gazetteer extends the packaged one: `load_gazetteer(Path("mine.toml"))` reads the
packaged file, then the user's over it.

- A user entry with the same canonical name as a packaged entry (compared folded) replaces it
  whole; copy the packaged aliases you want to keep.
- A user alias that a packaged entry also lists now resolves to the user entry, and is
  removed from the packaged entry's aliases. A packaged canonical name claimed as an alias by
  a user entry also resolves to the user entry.
- Within one file an alias may be listed under one entry only; a repeat is a ConfigError, as
  is an unknown kind, category or key, or a `part_of` that names no known actor.

Surfaces are matched after folding by `normalise` (case, accents, quote marks, dashes), and
also ignoring full stops and the difference between a dash and a space, so "EE.UU." equals
"EEUU" and "Kim Jong-un" equals "Kim Jong Un". Two exceptions to case-insensitivity, because
folded these aliases are common words:

- an alias written all in capital letters ("UN", "US", "USA") matches only a surface written
  all in capitals ("un", "us", "usa" are not the United Nations or the United States);
- an alias that starts with a capitalised article ("El País", "El Mundo", "The Guardian")
  matches only a surface that starts with a capital ("el país" is "the country").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Generic, TypeVar, cast, get_args

from ..base.errors import ConfigError
from ..base.schema import ActorKind, WeaponCategory
from ..text.fold import normalise
from ..base.datafile import DATA_DIR, choice, read_toml, strings

GAZETTEER_PATH = DATA_DIR / "gazetteer.toml"

# The schema's literals are the single source of truth for labels, so data and records agree.
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
WEAPON_CATEGORIES: tuple[str, ...] = get_args(WeaponCategory)

_ACTOR_KEYS = frozenset({"name", "kind", "country", "role", "part_of", "aliases"})
_WEAPON_KEYS = frozenset({"name", "category", "origin", "aliases"})
_GAZETTEER_TABLES = frozenset({"actor", "weapon"})
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")
_GAZETTEER_HINT = "see the comments at the top of the packaged gazetteer.toml for the format"

# Folding beyond `normalise`: news writes "EE.UU."/"EEUU" and "Kim Jong-un"/"Kim Jong Un".
_FULL_STOPS = re.compile(r"\.")
_SEPARATORS = re.compile(r"[\s\-]+")
# A surface as a name-finder cuts it may carry an article or a possessive the alias lacks.
_LEADING_ARTICLE = re.compile(r"^(?:el|la|los|las|the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
_CAPITALISED_ARTICLE = re.compile(r"^(?:El|La|Los|Las|The)\s")

# How strictly a surface's case must follow its alias's, from loosest to strictest.
_ANY_CASE, _INITIAL_CAPITAL, _ALL_CAPITALS = 0, 1, 2


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class KnownActor:
    """An actor the gazetteer knows, with the surface forms news uses for it."""

    name: str
    kind: ActorKind
    country: str
    role: str = ""
    part_of: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The canonical name and every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class KnownWeapon:
    """A weapon system the gazetteer knows, with its designations and export names."""

    name: str
    category: WeaponCategory
    origin: str
    aliases: tuple[str, ...] = ()

    @property
    def surfaces(self) -> tuple[str, ...]:
        """The canonical name and every alias."""
        return (self.name, *self.aliases)


_Entry = TypeVar("_Entry", KnownActor, KnownWeapon)


@dataclass(frozen=True)
class _Hit(Generic[_Entry]):
    """What one folded surface resolves to, and how strictly its case must match."""

    entry: _Entry
    case: int


def name_key(surface: str) -> str:
    """The folded form names are compared by: case, accents, full stops and dashes folded away.

    A name's own fold on top of `normalise`: "EE.UU." is "EEUU" and "Kim Jong-un" is "Kim Jong
    Un", while in quotes and cue words a full stop or a dash still separates.
    """
    # Names recur and are cached; whole sentences and articles, folded to look for names in
    # them, would only fill the cache.
    return _name_key_cached(surface) if len(surface) <= _CACHED_NAME else _name_key(surface)


_CACHED_NAME = 120


@lru_cache(maxsize=1 << 16)
def _name_key_cached(surface: str) -> str:
    return _name_key(surface)


def _name_key(surface: str) -> str:
    without_stops = _FULL_STOPS.sub("", normalise(surface))
    return _SEPARATORS.sub(" ", without_stops).strip()


def _in_capitals(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def _case_rule(alias: str) -> int:
    """How strictly a surface must follow the case of `alias` (see the module docstring)."""
    letters = alias.replace(".", "").replace(" ", "")
    if letters.isalpha() and letters.isupper():
        return _ALL_CAPITALS
    if _CAPITALISED_ARTICLE.match(alias):
        return _INITIAL_CAPITAL
    return _ANY_CASE


def _follows_case(surface: str, rule: int) -> bool:
    if rule == _ALL_CAPITALS:
        return _in_capitals(surface)
    if rule == _INITIAL_CAPITAL:
        return surface[:1].isupper()
    return True


def _index(entries: Sequence[_Entry]) -> dict[str, _Hit[_Entry]]:
    """Folded surface -> entry; later entries win, which is how user files override."""
    index: dict[str, _Hit[_Entry]] = {}
    for entry in entries:
        for surface in entry.surfaces:
            key = name_key(surface)
            previous = index.get(key)
            case = _case_rule(surface)
            # One entry may list a key twice ("NATO", "Nato"): the loosest rule applies.
            if previous is not None and previous.entry is entry:
                case = min(case, previous.case)
            index[key] = _Hit(entry, case)
    return index


def _variants(surface: str) -> Iterator[str]:
    """The surface as given and without a possessive, then both again without an article; a
    name with its acronym after it ("Servicio Nacional de Inteligencia (NIS)") without the
    acronym, then the acronym alone."""
    surface = surface.strip()
    bare = _LEADING_ARTICLE.sub("", surface)
    for text in (surface, bare):
        yield text
        yield _POSSESSIVE.sub("", text)
    if (acronym := _ACRONYM_AFTER.fullmatch(surface)) is not None:
        yield from _variants(acronym.group(1))
        yield acronym.group(2)


_ACRONYM_AFTER = re.compile(r"(.+?)\s*\(\s*([A-Z][A-Za-z.]{1,9})\s*\)")


def _lookup(index: Mapping[str, _Hit[_Entry]], surface: str) -> _Entry | None:
    for variant in _variants(surface):
        hit = index.get(name_key(variant))
        if hit is not None and _follows_case(variant, hit.case):
            return hit.entry
    return None


@dataclass(frozen=True)
class Gazetteer:
    """Known actors and weapons, looked up by any surface form."""

    actors: tuple[KnownActor, ...]
    weapons: tuple[KnownWeapon, ...]
    _actors_by_key: Mapping[str, _Hit[KnownActor]] = field(init=False, repr=False, compare=False)
    _weapons_by_key: Mapping[str, _Hit[KnownWeapon]] = field(init=False, repr=False, compare=False)
    _countries_by_code: Mapping[str, KnownActor] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Frozen, so the indexes are set once here rather than rebuilt per lookup.
        object.__setattr__(self, "_actors_by_key", MappingProxyType(_index(self.actors)))
        object.__setattr__(self, "_weapons_by_key", MappingProxyType(_index(self.weapons)))
        countries = {a.country: a for a in self.actors if a.kind == "country" and a.country}
        object.__setattr__(self, "_countries_by_code", MappingProxyType(countries))

    def actor_for(self, surface: str) -> KnownActor | None:
        """The actor `surface` names ("Moscú", "el Kremlin", "Putin"), or None if unknown.

        A leading article ("la Casa Blanca") and an English possessive ("Iran's") are
        tried away if the whole surface is not known.
        """
        return _lookup(self._actors_by_key, surface)

    def weapon_for(self, surface: str) -> KnownWeapon | None:
        """The weapon system `surface` names ("Geran-2", "Hwasong-11"), or None if unknown."""
        return _lookup(self._weapons_by_key, surface)

    def country_code(self, name: str) -> str:
        """The ISO code of the country `name` stands for ("Rusia", "Moscow", "RU"), else ""."""
        text = name.strip()
        if _COUNTRY_CODE.fullmatch(text) and text in self._countries_by_code:
            return text
        actor = self.actor_for(text) if text else None
        return actor.country if actor is not None and actor.kind == "country" else ""

    def country_name(self, code: str) -> str:
        """The canonical English name of the country with ISO code `code`, else ""."""
        country = self._countries_by_code.get(code.strip().upper())
        return country.name if country is not None else ""


# --------------------------------------------------------------------------- reading gazetteer files


def _text(raw: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise ConfigError(f"{where}: '{key}' must be a string", _GAZETTEER_HINT)
    value = value.strip()
    if required and not value:
        raise ConfigError(f"{where}: '{key}' is missing or empty", _GAZETTEER_HINT)
    return value


def _code(value: str, what: str, where: str) -> str:
    if value and not _COUNTRY_CODE.fullmatch(value):
        raise ConfigError(
            f"{where}: {what} '{value}' is not an ISO 3166-1 alpha-2 code",
            'write two capital letters ("RU"), or "" for none',
        )
    return value


def _table(
    raw: Any, path: Path, table: str, number: int, keys: frozenset[str]
) -> tuple[Mapping[str, Any], str]:
    """One [[table]] entry and the place to name in errors about it."""
    where = f"{path}: [[{table}]] #{number}"
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: not a table", f"write each entry as [[{table}]]")
    name = raw.get("name")
    if isinstance(name, str) and name.strip():
        where = f"{where} ('{name.strip()}')"
    unknown = sorted(set(raw) - keys)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key(s) {', '.join(unknown)}", f"use only: {', '.join(sorted(keys))}"
        )
    return raw, where


def _actor(raw: Mapping[str, Any], where: str) -> KnownActor:
    kind = choice(_text(raw, "kind", where, required=True), ACTOR_KINDS, "kind", where)
    return KnownActor(
        name=_text(raw, "name", where, required=True),
        kind=cast(ActorKind, kind),
        country=_code(_text(raw, "country", where), "country", where),
        role=_text(raw, "role", where),
        part_of=_text(raw, "part_of", where),
        aliases=strings(raw.get("aliases", []), f"{where} aliases", _GAZETTEER_HINT),
    )


def _weapon(raw: Mapping[str, Any], where: str) -> KnownWeapon:
    category = choice(_text(raw, "category", where, required=True), WEAPON_CATEGORIES, "category", where)
    return KnownWeapon(
        name=_text(raw, "name", where, required=True),
        category=cast(WeaponCategory, category),
        origin=_code(_text(raw, "origin", where), "origin", where),
        aliases=strings(raw.get("aliases", []), f"{where} aliases", _GAZETTEER_HINT),
    )


def _entries(document: Mapping[str, Any], path: Path, table: str) -> list[tuple[Mapping[str, Any], str]]:
    raws = document.get(table, [])
    if not isinstance(raws, list):
        raise ConfigError(f"{path}: '{table}' must be an array of tables", f"write each entry as [[{table}]]")
    keys = _ACTOR_KEYS if table == "actor" else _WEAPON_KEYS
    return [_table(raw, path, table, number, keys) for number, raw in enumerate(raws, start=1)]


def _check_unique(entries: Sequence[_Entry], path: Path, table: str) -> None:
    """Each folded surface under one entry only: a repeat would make lookups depend on order."""
    owners: dict[str, _Entry] = {}
    for entry in entries:
        for surface in entry.surfaces:
            key = name_key(surface)
            if not key:
                raise ConfigError(
                    f"{path}: [[{table}]] '{entry.name}': alias '{surface}' is empty once folded", "remove it"
                )
            owner = owners.setdefault(key, entry)
            if owner is not entry:
                raise ConfigError(
                    f"{path}: [[{table}]] '{entry.name}': '{surface}' is already listed under '{owner.name}'",
                    "list each name or alias under one entry only",
                )


def _check_parents(actors: Sequence[KnownActor], known: Sequence[KnownActor], path: Path) -> None:
    names = {name_key(actor.name) for actor in known}
    for actor in actors:
        if actor.part_of and name_key(actor.part_of) not in names:
            raise ConfigError(
                f"{path}: [[actor]] '{actor.name}': part_of '{actor.part_of}' is not a known actor",
                "use the canonical name of an actor in the gazetteer",
            )


def read_gazetteer(path: Path) -> Gazetteer:
    """Read and check one gazetteer file on its own (no merging)."""
    document = read_toml(path, _GAZETTEER_HINT)
    unknown = sorted(set(document) - _GAZETTEER_TABLES)
    if unknown:
        raise ConfigError(
            f"{path}: unknown table(s) {', '.join(unknown)}", "use [[actor]] and [[weapon]] entries"
        )
    actors = [_actor(raw, where) for raw, where in _entries(document, path, "actor")]
    weapons = [_weapon(raw, where) for raw, where in _entries(document, path, "weapon")]
    _check_unique(actors, path, "actor")
    _check_unique(weapons, path, "weapon")
    return Gazetteer(tuple(actors), tuple(weapons))


def _merge(base: Sequence[_Entry], extra: Sequence[_Entry]) -> tuple[_Entry, ...]:
    """`base` with `extra` over it: same name replaces, claimed aliases move to `extra`."""
    replaced = {name_key(entry.name) for entry in extra}
    claimed = {name_key(surface) for entry in extra for surface in entry.surfaces}
    merged: list[_Entry] = [
        replace(entry, aliases=tuple(a for a in entry.aliases if name_key(a) not in claimed))
        for entry in base
        if name_key(entry.name) not in replaced
    ]
    # Extra entries come last so that they win in the index, even over a kept canonical name.
    merged.extend(extra)
    return tuple(merged)


@cache
def _packaged_gazetteer() -> Gazetteer:
    gazetteer = read_gazetteer(GAZETTEER_PATH)
    _check_parents(gazetteer.actors, gazetteer.actors, GAZETTEER_PATH)
    return gazetteer


def load_gazetteer(extra: Path | None = None) -> Gazetteer:
    """The packaged gazetteer, extended by the user file `extra` if one is given.

    The packaged gazetteer is read once per process. A user file is read on every call, so
    edits to it are seen; see the module docstring for how its entries override.
    """
    packaged = _packaged_gazetteer()
    if extra is None:
        return packaged
    user = read_gazetteer(extra)
    actors = _merge(packaged.actors, user.actors)
    _check_parents(user.actors, actors, extra)
    return Gazetteer(actors, _merge(packaged.weapons, user.weapons))

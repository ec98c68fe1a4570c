"""The cue lexicons: words that point code at candidate passages and suggest a label.

They live in a TOML file shipped with the package (`data/cues.toml`) so that people who know
the field can correct and extend them without touching code; see the comments at its top.
"""

from __future__ import annotations

import re

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, get_args

from ..base.errors import ConfigError
from ..base.schema import Stance, WeaponStatus
from ..base.datafile import DATA_DIR, choice, read_toml, strings
from ..text.fold import normalise
from .gazetteer import WEAPON_CATEGORIES

CUES_PATH = DATA_DIR / "cues.toml"
STANCES: tuple[str, ...] = get_args(Stance)
WEAPON_STATUSES: tuple[str, ...] = get_args(WeaponStatus)
_CUES_HINT = "see the comments at the top of the packaged cues.toml for the format"


@dataclass(frozen=True)
class Cues:
    """Cue lexicons: lowercase terms, except stopwords, which are written as capitalised."""

    reporting: Mapping[str, tuple[str, ...]]
    attribution: tuple[str, ...]
    content: Mapping[str, tuple[str, ...]]
    boilerplate: tuple[str, ...]
    evidential: tuple[str, ...]
    weapons: Mapping[str, tuple[str, ...]]
    transfer: tuple[str, ...]
    status: Mapping[str, tuple[str, ...]]
    stopwords: frozenset[str]
    connectors: tuple[str, ...]
    places: tuple[str, ...]
    titles: tuple[str, ...]
    ranks: tuple[str, ...]
    rank_modifiers: tuple[str, ...]
    complements: frozenset[str]
    subordinators: tuple[str, ...]
    citing: tuple[str, ...]
    bodies: tuple[str, ...]
    offices: tuple[frozenset[str], ...]
    office_names: Mapping[str, str]  # a word of an office -> the office in English
    generic_bodies: Mapping[str, str]  # a word a kind of body is called by -> that kind, in English
    negations: tuple[str, ...]
    documents: tuple[str, ...]
    referring: tuple[str, ...]
    bodies_named_before: tuple[str, ...]
    outlets_named_before: tuple[str, ...]
    using: tuple[str, ...]
    impersonal: tuple[str, ...]
    habitual: tuple[str, ...]
    naming: tuple[str, ...]
    branding: tuple[str, ...]
    charging_names: tuple[str, ...]
    family_first: tuple[str, ...]
    opinion: tuple[str, ...]
    deliberative: tuple[str, ...]
    times: tuple[str, ...]
    described_nouns: Mapping[str, str]  # a form -> its English word
    described_one: Mapping[str, str]  # a form of one person's noun -> its English word
    described_adjectives: Mapping[str, str]
    regions: Mapping[str, str]  # a form -> the region's English name
    cities: Mapping[str, str]  # a form -> the city's English name
    translations: Mapping[str, str]  # a Spanish word of a name or a counted object -> its English word
    clauses: tuple[str, ...]
    receiving: tuple[str, ...]
    recipient: tuple[str, ...]
    articles: tuple[str, ...]
    not_negating: tuple[str, ...]
    refusals: tuple[str, ...]
    speech_acts: tuple[str, ...]
    narration: tuple[str, ...]
    companies: tuple[str, ...]
    agency_words: tuple[str, ...]
    outlets: tuple[str, ...]
    modified: Mapping[str, tuple[str, ...]]
    launches: Mapping[str, tuple[str, ...]]
    coordinators: tuple[str, ...]
    between: tuple[str, ...]
    joint: tuple[str, ...]
    factive: tuple[str, ...]
    source: tuple[str, ...]
    exchange: tuple[str, ...]
    demonyms: Mapping[str, tuple[str, ...]]
    institutions: Mapping[str, tuple[str, ...]]  # an actor kind -> the described nouns of that kind

    def demonym_state(self, adjective: str) -> str | None:
        """The country a people's adjective (lower case, as [demonyms] lists it) names: "iraní", Iran."""
        return next((country for country, forms in self.demonyms.items() if adjective in forms), None)

    def country_adjective(self, country: str) -> str:
        """A country's English adjective ("Chilean"; "US" for the United States), or ''."""
        forms = self.demonyms.get(country, ())
        return next((e for f, e in self.described_adjectives.items() if f in forms and e[:1].isupper()), "")

    @cached_property
    def demonym_forms(self) -> frozenset[str]:
        """Every people's adjective, folded as text is when matched."""
        return frozenset(normalise(form) for forms in self.demonyms.values() for form in forms)


# Sections keyed by label, and the labels each accepts; the rest are joined lists.
_LABELLED = {"reporting": STANCES, "content": STANCES, "weapons": WEAPON_CATEGORIES, "status": WEAPON_STATUSES}
_JOINED = (
    "attribution", "boilerplate", "evidential", "transfer", "stopwords", "connectors", "places", "titles", "ranks", "rank_modifiers",
    "complements", "subordinators", "citing", "bodies", "clauses", "receiving", "recipient", "articles",
    "negations", "documents", "referring", "bodies_named_before", "outlets_named_before", "using", "times", "not_negating", "refusals", "impersonal", "habitual", "naming", "branding", "charging_names", "family_first", "opinion", "deliberative", "speech_acts", "narration", "companies", "agency_words", "outlets", "coordinators", "between", "joint", "factive", "source", "exchange",
)  # fmt: skip
_GROUPED = ("offices", "generic_bodies", "demonyms", "institutions", "described_nouns", "described_one", "described_adjectives", "regions", "cities", "translations", "modified", "launches")


def _section(document: Mapping[str, Any], name: str, path: Path) -> Mapping[str, Any]:
    section = document.get(name)
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: missing section [{name}]", _CUES_HINT)
    return section


def _terms(value: Any, where: str, *, lowercase: bool) -> tuple[str, ...]:
    terms = strings(value, where, _CUES_HINT)
    upper = [term for term in terms if term != term.lower()]
    if lowercase and upper:
        # Code folds the article, not the cues; a capital here would never match.
        raise ConfigError(f"{where}: terms must be lowercase: {', '.join(upper)}", "write them in lowercase")
    return terms


def _labelled(document: Mapping[str, Any], name: str, path: Path) -> Mapping[str, tuple[str, ...]]:
    """Every label of the section, with () for those the file leaves out."""
    section = _section(document, name, path)
    allowed = _LABELLED[name]
    for label in section:
        choice(label, allowed, f"label in [{name}]", f"{path}: [{name}]")
    terms = {
        label: _terms(section.get(label, []), f"{path}: [{name}] {label}", lowercase=True)
        for label in allowed
    }
    return MappingProxyType(terms)


# A Spanish compound tense is one auxiliary and a participle; the file lists each participle
# once ("ha recordado"), and every auxiliary reports the same way ("han recordado", "había …").
_AUXILIARIES = ("ha", "han", "había", "habían", "habría", "habrían", "he", "hemos")
_COMPOUND = re.compile(rf"(?:{'|'.join(_AUXILIARIES)}) (\S+)")


# A Spanish gerund takes its object as an ending and an accent: "negando" is "negándolo".
_GERUND = re.compile(r"(\S+)([ae])ndo")
_CLITICS = ("lo", "la", "los", "las", "le", "les")
_ACCENTED = {"a": "á", "e": "é"}


def _with_forms(terms: tuple[str, ...]) -> tuple[str, ...]:
    participles = [m.group(1) for t in terms if (m := _COMPOUND.fullmatch(t))]
    gerunds = [f"{m.group(1)}{_ACCENTED[m.group(2)]}ndo{c}" for t in terms if (m := _GERUND.fullmatch(t)) for c in _CLITICS]
    return tuple(dict.fromkeys([*terms, *(f"{a} {p}" for p in participles for a in _AUXILIARIES), *gerunds]))


def _joined(document: Mapping[str, Any], name: str, path: Path) -> tuple[str, ...]:
    section = _section(document, name, path)
    lowercase = name != "stopwords"
    lists = (_terms(value, f"{path}: [{name}] {key}", lowercase=lowercase) for key, value in section.items())
    return tuple(dict.fromkeys(term for terms in lists for term in terms))


def read_cues(path: Path) -> Cues:
    """Read and check one cues file."""
    document = read_toml(path, _CUES_HINT)
    unknown = sorted(set(document) - set(_LABELLED) - set(_JOINED) - set(_GROUPED))
    if unknown:
        raise ConfigError(f"{path}: unknown section(s) {', '.join(unknown)}", _CUES_HINT)
    return Cues(
        reporting=MappingProxyType({k: _with_forms(v) for k, v in _labelled(document, "reporting", path).items()}),
        attribution=_joined(document, "attribution", path),
        content=_labelled(document, "content", path),
        boilerplate=_joined(document, "boilerplate", path),
        evidential=_joined(document, "evidential", path),
        weapons=_labelled(document, "weapons", path),
        transfer=_joined(document, "transfer", path),
        status=_labelled(document, "status", path),
        stopwords=frozenset(_joined(document, "stopwords", path)),
        connectors=_joined(document, "connectors", path),
        places=_joined(document, "places", path),
        titles=_joined(document, "titles", path),
        ranks=_joined(document, "ranks", path),
        rank_modifiers=_joined(document, "rank_modifiers", path),
        complements=frozenset(_joined(document, "complements", path)),
        subordinators=_joined(document, "subordinators", path),
        citing=_joined(document, "citing", path),
        bodies=_joined(document, "bodies", path),
        clauses=_joined(document, "clauses", path),
        receiving=_joined(document, "receiving", path),
        recipient=_joined(document, "recipient", path),
        articles=_joined(document, "articles", path),
        negations=_joined(document, "negations", path),
        documents=_joined(document, "documents", path),
        referring=_joined(document, "referring", path),
        bodies_named_before=_joined(document, "bodies_named_before", path),
        outlets_named_before=_joined(document, "outlets_named_before", path),
        using=_joined(document, "using", path),
        times=_joined(document, "times", path),
        not_negating=_joined(document, "not_negating", path),
        refusals=_joined(document, "refusals", path),
        impersonal=_joined(document, "impersonal", path),
        habitual=_joined(document, "habitual", path),
        naming=_joined(document, "naming", path),
        branding=_joined(document, "branding", path),
        charging_names=_joined(document, "charging_names", path),
        family_first=_joined(document, "family_first", path),
        opinion=_joined(document, "opinion", path),
        deliberative=_joined(document, "deliberative", path),
        speech_acts=_joined(document, "speech_acts", path),
        narration=_joined(document, "narration", path),
        companies=_joined(document, "companies", path),
        agency_words=_joined(document, "agency_words", path),
        outlets=_joined(document, "outlets", path),
        coordinators=_joined(document, "coordinators", path),
        between=_joined(document, "between", path),
        joint=_joined(document, "joint", path),
        factive=_joined(document, "factive", path),
        source=_joined(document, "source", path),
        exchange=_joined(document, "exchange", path),
        # [modified]: the nouns a materiel word describes, standing after it or before it.
        modified=_keyed(document, "modified", ("after", "before"), path),
        # [launches]: the words of space, and of a launch.
        launches=_keyed(document, "launches", ("space", "launch"), path),
        # [institutions]: the described nouns that name one institution of a state, by actor kind.
        institutions=_keyed(document, "institutions", ("government", "agency"), path),
        # [demonyms]: a country's canonical name, then its adjectives in either language.
        demonyms=MappingProxyType({
            country: _terms(words, f"{path}: [demonyms] {country}", lowercase=True)
            for country, words in _section(document, "demonyms", path).items()
        }),
        # Each key of [offices] is one office; its words name it in either language.
        offices=tuple(
            frozenset(_terms(words, f"{path}: [offices] {office}", lowercase=True))
            for office, words in _section(document, "offices", path).items()
        ),
        office_names=_renderings(document, "offices", path),
        generic_bodies=_renderings(document, "generic_bodies", path),
        described_nouns=_renderings(document, "described_nouns", path),
        described_one=_renderings(document, "described_one", path),
        described_adjectives=_described_adjectives(document, path),
        regions=_renderings(document, "regions", path),
        cities=_renderings(document, "cities", path),
        translations=_renderings(document, "translations", path),
    )


def _keyed(document: Mapping[str, Any], name: str, keys: tuple[str, ...], path: Path) -> Mapping[str, tuple[str, ...]]:
    """A section of fixed keys, each a list of lowercase words ([] for a key left out)."""
    section = _section(document, name, path)
    return MappingProxyType({key: _terms(section.get(key, []), f"{path}: [{name}] {key}", lowercase=True) for key in keys})


def _renderings(document: Mapping[str, Any], name: str, path: Path) -> Mapping[str, str]:
    """Each form of the section's words, to the English word that is its key."""
    section = _section(document, name, path)
    return MappingProxyType(
        {form: english for english, forms in section.items() for form in _terms(forms, f"{path}: [{name}] {english}", lowercase=True)}
    )


def _described_adjectives(document: Mapping[str, Any], path: Path) -> Mapping[str, str]:
    """[described_adjectives], and each country's forms of [demonyms] to its English adjective
    (the last form) where the section gives that adjective no forms of its own."""
    listed = dict(_renderings(document, "described_adjectives", path))
    for country, words in _section(document, "demonyms", path).items():
        forms = _terms(words, f"{path}: [demonyms] {country}", lowercase=True)
        english = " ".join(word[:1].upper() + word[1:] for word in forms[-1].split()) if forms else ""
        if english and english not in listed.values():
            listed.update({form: english for form in forms if form not in listed})
    return MappingProxyType(listed)


@cache
def _packaged_cues() -> Cues:
    return read_cues(CUES_PATH)


def load_cues(path: Path | None = None) -> Cues:
    """The cue lexicons: the packaged file (read once per process), or `path` instead of it."""
    return _packaged_cues() if path is None else read_cues(path)

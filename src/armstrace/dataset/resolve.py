"""Resolution: decide which names, weapon designations, articles and claims are the same thing.

Merging many articles' extractions needs four decisions, all made by rules a reviewer can read
back (every actor and weapon decision is returned as a `Decision`); actors and weapons are
resolved here, articles in `duplicates.py`, claims in `propositions.py`:

- **actors**: a name is looked up, in order, in the gazetteer (packaged, then the user's file,
  which wins), in ISO 3166 by its English or Spanish name (pycountry and its `es` locale), by
  surname against the people already known, and last by fuzzy similarity (rapidfuzz `ratio`
  >= `FUZZY_THRESHOLD` on folded names, only between compatible kinds). Anything else is a new
  entity. A gazetteer entry always wins over fuzzy matching, which is how a user's alias file
  overrides a wrong fuzzy join: list the name as its own entry (or as another entry's alias).
- **weapons**: a designation is looked up in the gazetteer's weapon aliases (Geran-2 is the
  Shahed-136), then fuzzily against them.
- **articles**: republished copies of one story are found by MinHash over word 5-shingles with
  locality-sensitive hashing (see `DuplicateFinder`), never by comparing all pairs.
- **claims**: a claim's proposition is an arms flow (supplier -> recipient) when its sentence
  states one, else its resolved subject plus a cluster of near-identical contents (see
  `Statements`).

Decisions depend only on the set of names, never on the order articles were read in, so a
merge after adding articles equals a merge from scratch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from ..base.schema import ActorKind, WeaponCategory
from ..knowledge.countries import iso_country
from ..knowledge.gazetteer import Gazetteer, KnownActor, KnownWeapon, load_gazetteer, name_key

# Folded names at least this similar (rapidfuzz ratio, 0-100) are one name: it joins spelling
# variants ("Corea de Norte", "Andrei/Andrey Belousov") and keeps apart names that differ by a
# word ("Kim Jong Un" / "Kim Jong Il" score 82).
FUZZY_THRESHOLD = 90.0
# Shorter folded names are never joined fuzzily: one letter is too much of a short name.
FUZZY_MIN_CHARS = 5

Rule = Literal["gazetteer", "user_gazetteer", "iso3166", "surname", "fuzzy", "new"]

_STATE_KINDS = frozenset({"country", "government", "agency"})


# --------------------------------------------------------------------------- entities


@dataclass(frozen=True)
class Entity:
    """One resolved actor; `key` is what its stable id is made from."""

    key: str
    name: str
    kind: ActorKind
    country_code: str = ""
    part_of: str = ""  # key of the entity this one belongs to (Kremlin -> country:RU)
    role: str = ""


@dataclass(frozen=True)
class Decision:
    """Why one name became the entity it is: the rule, its score and what it matched."""

    name: str
    key: str
    rule: Rule
    score: float
    matched: str


@dataclass(frozen=True)
class NameForm:
    """All that the articles say under one folded name: how it is written, kinds, countries."""

    name: str
    kinds: tuple[ActorKind, ...]
    mentions: tuple[str, ...]
    country_codes: tuple[str, ...]
    roles: tuple[str, ...]


def _country_key(code: str) -> str:
    return f"country:{code}"


def _group(kind: str) -> str:
    """Kinds that may be joined fuzzily: the model mixes up country, government and agency."""
    return "state" if kind in _STATE_KINDS else kind


class Resolver:
    """Actor and weapon resolution over one gazetteer (packaged plus the user's file)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        packaged = load_gazetteer()
        self._packaged = set(packaged.actors) | set(packaged.weapons)
        self._by_name = {name_key(a.name): a for a in gazetteer.actors}
        self._entities: dict[str, Entity] = {}
        self._decisions: dict[str, Decision] = {}
        # Fuzzy targets: folded surface -> entity key, per group of compatible kinds and in all.
        self._groups: dict[str, dict[str, str]] = {}
        self._choices: dict[str, str] = {}
        self._party: dict[str, Entity] = {}
        self._spellings: dict[str, str] = {}
        for actor in gazetteer.actors:
            for surface in actor.surfaces:
                self._add_choice(name_key(surface), self._known(actor).key, actor.kind)
        self._weapon_choices = {name_key(s): w for w in gazetteer.weapons for s in w.surfaces}

    # ----------------------------------------------------------------- gazetteer entries

    def _known(self, actor: KnownActor) -> Entity:
        key = _country_key(actor.country) if actor.kind == "country" and actor.country else f"actor:{name_key(actor.name)}"
        if key not in self._entities:
            parent = self._by_name.get(name_key(actor.part_of)) if actor.part_of else None
            self._entities[key] = Entity(
                key, actor.name, actor.kind, actor.country, self._known(parent).key if parent else "", actor.role
            )
        return self._entities[key]

    def _add_choice(self, folded: str, key: str, kind: str) -> None:
        if len(folded) >= FUZZY_MIN_CHARS:
            self._groups.setdefault(_group(kind), {}).setdefault(folded, key)
            self._choices.setdefault(folded, key)

    def _gazetteer_rule(self, entry: KnownActor | KnownWeapon) -> Rule:
        return "gazetteer" if entry in self._packaged else "user_gazetteer"

    def _iso(self, code: str, name: str) -> Entity:
        known = self.gazetteer.country_name(code)
        if known:
            actor = self.gazetteer.actor_for(known)
            if actor is not None:
                return self._known(actor)
        return self._entities.setdefault(_country_key(code), Entity(_country_key(code), name, "country", code))

    def known(self, surface: str) -> Entity | None:
        """The entity the gazetteer or ISO 3166 gives `surface`, with no guessing, or None."""
        actor = self.gazetteer.actor_for(surface)
        if actor is not None:
            return self._known(actor)
        country = iso_country(surface)
        return self._iso(*country) if country else None

    # ----------------------------------------------------------------- names of the dataset

    def resolve_names(self, forms: Mapping[str, NameForm]) -> None:
        """Resolve every folded name the articles use; see `entity` and `decisions` after."""
        pending = [(f, forms[f]) for f in sorted(forms) if not self._resolve_exactly(f, forms[f])]
        # Lone surnames wait until every full name is known: "Kirby" needs "John Kirby".
        lone = [(f, form) for f, form in pending if " " not in f and _majority(form.kinds) == "person"]
        for folded, form in pending:
            if (folded, form) not in lone:
                self._resolve_fuzzily(folded, form, _majority(form.kinds))
        surnames = self._surnames()
        for folded, form in lone:
            if folded in surnames:
                entity = self._entities[surnames[folded]]
                self._decide(folded, form.name, entity, "surname", 100.0, entity.name)
            else:
                self._resolve_fuzzily(folded, form, "person")

    def _resolve_exactly(self, folded: str, form: NameForm) -> bool:
        actor = self.gazetteer.actor_for(form.name)
        matched = form.name
        if actor is None:
            # The mentions decide only when every one the gazetteer knows names one actor.
            hits: dict[KnownActor, str] = {}
            for mention in sorted(form.mentions):
                hit = self.gazetteer.actor_for(mention)
                if hit is not None:
                    hits.setdefault(hit, mention)
            if len(hits) == 1:
                ((actor, matched),) = hits.items()
        if actor is not None:
            self._decide(folded, form.name, self._known(actor), self._gazetteer_rule(actor), 100.0, matched)
            return True
        country = iso_country(form.name) if set(form.kinds) & {"country", "government"} else None
        if country is not None:
            self._decide(folded, form.name, self._iso(*country), "iso3166", 100.0, country[1])
            return True
        return False

    def _surnames(self) -> dict[str, str]:
        """Folded surname -> key of the one person named by it (shared surnames left out)."""
        people: dict[str, set[str]] = {}
        for decision in self._decisions.values():
            entity = self._entities[decision.key]
            if entity.kind == "person" and " " in name_key(entity.name):
                people.setdefault(name_key(entity.name).split()[-1], set()).add(entity.key)
        return {surname: min(keys) for surname, keys in people.items() if len(keys) == 1}

    def _resolve_fuzzily(self, folded: str, form: NameForm, kind: ActorKind) -> None:
        choices = self._groups.get(_group(kind), {})
        if len(folded) >= FUZZY_MIN_CHARS and choices:
            best = process.extractOne(folded, list(choices), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
            if best is not None:
                surface, score, _ = best
                entity = self._entities[choices[surface]]
                self._decide(folded, form.name, entity, "fuzzy", round(score, 1), surface)
                return
        code = _majority(form.country_codes) if form.country_codes else ""
        entity = Entity(f"actor:{folded}", form.name, kind, code, "", _majority(form.roles) if form.roles else "")
        self._entities[entity.key] = entity
        self._add_choice(folded, entity.key, kind)
        self._decide(folded, form.name, entity, "new", 100.0, form.name)

    def _decide(self, folded: str, name: str, entity: Entity, rule: Rule, score: float, matched: str) -> None:
        self._decisions[folded] = Decision(name, entity.key, rule, score, matched)

    def entity(self, name: str) -> Entity:
        """The entity a name resolved to by `resolve_names`."""
        return self._entities[self._decisions[name_key(name)].key]

    def entity_by_key(self, key: str) -> Entity:
        """The entity with `key`."""
        return self._entities[key]

    def decisions(self) -> list[Decision]:
        """Every name decision, sorted by folded name."""
        return [self._decisions[k] for k in sorted(self._decisions)]

    # ----------------------------------------------------------------- parties of weapons and claims

    def set_spellings(self, spellings: Mapping[str, str]) -> None:
        """How each folded party is written where it first appears in the dataset.

        A party is looked up under that spelling (the gazetteer minds case, "EE.UU." is not
        "ee.uu."), so what it resolves to does not depend on the order rows are built in.
        """
        self._spellings = dict(spellings)

    def party(self, text: str, local: Mapping[str, str]) -> Entity | None:
        """The entity a weapon's supplier or a claim's speaker names, or None for no name.

        `local` maps the article's own folded names and mentions to their names, so that a
        party written as the article's actor list wrote it resolves as that actor did. A
        party nothing knows is kept as text (key "text:...") and becomes no actor row.
        """
        folded = name_key(text)
        if not folded:
            return None
        if folded in local:
            return self.entity(local[folded])
        if folded not in self._party:
            self._party[folded] = self._global_party(self._spellings.get(folded, text.strip()), folded)
        return self._party[folded]

    def _global_party(self, text: str, folded: str) -> Entity:
        known = self.known(text)
        if known is not None:
            return known
        if folded in self._decisions:
            return self._entities[self._decisions[folded].key]
        if len(folded) >= FUZZY_MIN_CHARS:
            best = process.extractOne(folded, list(self._choices), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
            if best is not None:
                return self._entities[self._choices[best[0]]]
        return Entity(f"text:{folded}", text, "organisation")

    def state_of(self, entity: Entity) -> Entity:
        """The country an entity belongs to through `part_of` (the Kremlin's is Russia), else itself."""
        seen = {entity.key}
        current = entity
        while current.part_of and current.part_of not in seen:
            seen.add(current.part_of)
            current = self._entities[current.part_of]
        return current if current.kind == "country" else entity

    # ----------------------------------------------------------------- weapons

    def weapon(self, designation: str) -> tuple[str, WeaponCategory | None, Decision | None]:
        """(canonical designation, the gazetteer's category, the decision) for one designation."""
        text = designation.strip()
        folded = name_key(text)
        if not folded:
            return "", None, None
        known = self.gazetteer.weapon_for(text)
        if known is not None:
            return known.name, known.category, Decision(text, known.name, self._gazetteer_rule(known), 100.0, text)
        if len(folded) >= FUZZY_MIN_CHARS:
            best = process.extractOne(folded, list(self._weapon_choices), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
            if best is not None:
                weapon = self._weapon_choices[best[0]]
                return weapon.name, weapon.category, Decision(text, weapon.name, "fuzzy", round(best[1], 1), best[0])
        return text, None, Decision(text, text, "new", 100.0, text)


def _majority(values: Iterable[str]) -> ActorKind:
    """The most frequent value, ties broken alphabetically (so the result is order-free)."""
    counts = Counter(values)
    return sorted(counts, key=lambda v: (-counts[v], v))[0]  # type: ignore[return-value]

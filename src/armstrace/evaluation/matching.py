"""When a predicted item is the gold item: the strict rules (the record) and the loose ones (the span).

Strict matching scores what a user reads (docs/evaluation.md):

- actors: the same actor by name (folded, gazetteer, shared mention or fuzzy), of the same kind
  and country;
- weapons: the same category or a near family (artillery/ammunition; a missile the text does not
  type against a typed one), and supplier and recipient that resolve to the gold's actors (an
  empty gold side matches only an empty one); evidence need not overlap, since one transfer may
  be stated in several sentences;
- figures: the same normalised value (1 %), and the same unit or, for plain counts, the same
  counted object;
- claims: the same speaker (resolved through the article's own naming), the same stance, and
  overlapping evidence or alike content.

Loose matching keeps the span rules the eval used first (evidence overlap and category for
weapons, evidence or content for claims), so the two can be compared and attribute accuracy can be
read on pairs whose attributes were not part of the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from rapidfuzz import fuzz

from ..base.schema import Actor, Claim, Evidence, Field_, Figure, Match, Quantity, Record, Weapon
from ..knowledge.gazetteer import Gazetteer
from ..text.fold import normalise

MATCHES: tuple[Match, ...] = ("strict", "loose")
Score = Callable[[Any, Any], float]

REL_TOLERANCE = 0.01
NAME_FUZZ = 90
CONTENT_FUZZ = 70
COUNTED_FUZZ = 70
# Categories a careful reader may give the same materiel when the text does not decide between them.
NEAR_CATEGORIES: tuple[frozenset[str], ...] = (
    frozenset({"artillery", "ammunition"}),
    frozenset({"other_missile", "ballistic_missile"}),
    frozenset({"other_missile", "cruise_missile"}),
)
_WORD = re.compile(r"[^\W\d_]{4,}")
# How an unnamed speaker's description may be spelled or trimmed without naming someone else: the
# guide settles none of these, and its annotators write them either way ("State Department
# spokesman" or "spokesperson", "senior US official" or "US official").
_DESCRIPTION_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), spelled)
    for pattern, spelled in (
        (r"\bspokes(?:man|woman|person)\b", "spokesperson"),
        (r"\bministry of foreign affairs\b", "foreign ministry"),
        (r"\bministry of (defen[cs]e|foreign affairs|interior)\b", r"\1 ministry"),
        (r"\bdefense\b", "defence"),
        (r"(?<![\w.])(?:american|u\.s\.|united states)(?![\w.])", "us"),
        (r"\bdepartment of the treasury\b", "treasury"),
        (r"\bdepartment of state\b", "state department"),
        (r"\b(?:senior|top|high ranking|unnamed|anonymous|permanent|the|a|an)\b", ""),
    )
)
# Where a described speaker sits ("in Islamabad", "in New York"): capitalised words after "in".
_PLACE = re.compile(r"\s+in\s+((?:[A-Z][\w'.-]*\s*)+)")


def overlap(a: Evidence, b: Evidence) -> bool:
    """Whether two evidence spans share a character."""
    return a.start < b.end and b.start < a.end


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= REL_TOLERANCE * max(abs(a), abs(b), 1e-9)


def same_quantity(gold: Quantity, predicted: Quantity) -> bool:
    """Equal normalised value (or bounds) and unit, within the relative tolerance."""
    if gold.unit != predicted.unit:
        return False
    if gold.value is not None or predicted.value is not None:
        return _close(gold.value, predicted.value)
    return _close(gold.low, predicted.low) and _close(gold.high, predicted.high)


def near_category(gold: str, predicted: str) -> bool:
    """The same category, or two a reader may choose between when the text does not say."""
    return gold == predicted or any({gold, predicted} <= family for family in NEAR_CATEGORIES)


def same_counted(gold: str, predicted: str) -> bool:
    """Whether two descriptions of what a number counts agree ("containers", "contenedores de armas").

    Word stems of four letters carry the cognates a Spanish and an English description share.
    """
    a, b = normalise(gold), normalise(predicted)
    if not a or not b:
        return a == b
    if fuzz.token_set_ratio(a, b) >= COUNTED_FUZZ:
        return True
    return bool({w[:4] for w in _WORD.findall(a)} & {w[:4] for w in _WORD.findall(b)})


class Matcher:
    """Name comparison that needs no article: folding, the gazetteer and a fuzzy score."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def same_name(self, a: str, b: str) -> float:
        """1.0 for the same actor by name or gazetteer, the fuzzy score above the bar, else 0."""
        fa, fb = normalise(a), normalise(b)
        if not fa or not fb:
            return 0.0
        if fa == fb:
            return 1.0
        ka, kb = self.gazetteer.actor_for(a), self.gazetteer.actor_for(b)
        if ka is not None and kb is not None and ka.name == kb.name:
            return 1.0
        if normalise(self._spelled_out(a)) == normalise(self._spelled_out(b)):
            return 1.0
        score = fuzz.token_sort_ratio(fa, fb)
        return score / 100 if score >= NAME_FUZZ and min(len(fa), len(fb)) >= 5 else 0.0

    def same_description(self, a: str, b: str) -> bool:
        """Whether two descriptions of an unnamed speaker are one, as spelled or trimmed otherwise.

        The words left once spellings are made one and words that pick out no one else are gone,
        in any order; where each says where the speaker sits, the same place (by name or gazetteer).
        """
        (key_a, place_a), (key_b, place_b) = _description_key(a), _description_key(b)
        if not key_a or key_a != key_b:
            return False
        return not (place_a and place_b) or self.same_name(place_a, place_b) > 0

    def _spelled_out(self, name: str) -> str:
        """The name with each acronym the gazetteer knows written out: "UN sanctions monitors" is
        "United Nations sanctions monitors"."""

        def out(m: re.Match[str]) -> str:
            known = self.gazetteer.actor_for(m.group(0))
            return known.name if known is not None else m.group(0)

        return re.sub(r"(?<![\w.])(?:[A-Z]\.?){2,4}(?![\w.])", out, name)

    def actors(self, gold: Actor, predicted: Actor) -> float:
        """The loose actor score: the same name, or a shared mention."""
        shared = {normalise(m) for m in gold.mentions} & {normalise(m) for m in predicted.mentions}
        return max(self.same_name(gold.name, predicted.name), 1.0 if shared else 0.0)

    def for_article(self, gold: Sequence[Actor], predicted: Sequence[Actor]) -> ArticleMatcher:
        """Pair scores for one article, whose actors say who each name stands for."""
        return ArticleMatcher(self, gold, predicted)


class ArticleMatcher:
    """Pair scores, attribute checks and mismatch reasons for one article's gold and prediction."""

    def __init__(self, base: Matcher, gold: Sequence[Actor], predicted: Sequence[Actor]) -> None:
        self.base = base
        self.gold_actors = list(gold)
        self.predicted_actors = list(predicted)
        roles: dict[str, list[Actor]] = {}
        for actor in gold:
            if actor.role:
                roles.setdefault(normalise(actor.role), []).append(actor)
        # A role names a person only when one actor of the article holds it ("the Kremlin spokesman").
        self._roles = {role: actors[0] for role, actors in roles.items() if len(actors) == 1}

    # ------------------------------------------------------------------ who a name stands for

    def _gold_forms(self, name: str) -> tuple[list[str], bool]:
        """Every name the gold article gives the actor called `name`, and whether it is a person."""
        folded = normalise(name)
        for actor in self.gold_actors:
            forms = [actor.name, *actor.mentions]
            if folded in {normalise(f) for f in forms}:
                return ([*forms, actor.role] if normalise(actor.role) in self._roles else forms), actor.kind == "person"
        return [name], False

    def _predicted_forms(self, name: str) -> list[str]:
        folded = normalise(name)
        forms = [name]
        for actor in self.predicted_actors:
            if normalise(actor.name) == folded:
                forms += actor.mentions
        return forms

    def same_actor(self, gold: str, predicted: str) -> bool:
        """Whether a predicted name is the actor the gold names, by the article's own naming.

        The gold actor's name, mentions and (unique) role, and the predicted actor's mentions,
        are compared by folding, gazetteer and fuzzy score; a lone surname is a person's name.
        An empty gold side matches only an empty prediction.
        """
        if not gold.strip() or not predicted.strip():
            return not gold.strip() and not predicted.strip()
        gold_forms, person = self._gold_forms(gold)
        for p in self._predicted_forms(predicted):
            for g in gold_forms:
                if self.base.same_name(g, p) > 0 or (person and _surname(g, p)) or self.base.same_description(g, p):
                    return True
        return False

    def _same_country(self, gold: Actor, predicted: Actor) -> bool:
        if gold.country_code and predicted.country_code:
            return gold.country_code == predicted.country_code
        if not gold.country or not predicted.country:
            return not gold.country and not predicted.country
        return self.base.same_name(gold.country, predicted.country) > 0

    # ------------------------------------------------------------------ pair scores (0: no match)

    def score(self, field: Field_, match: Match) -> Score:
        """The pair score function of a field under a matching rule."""
        table: dict[tuple[Field_, Match], Score] = {
            ("actors", "loose"): self.base.actors, ("actors", "strict"): self.actors,
            ("weapons", "loose"): self.weapons_loose, ("weapons", "strict"): self.weapons,
            ("figures", "loose"): self.figures_loose, ("figures", "strict"): self.figures,
            ("claims", "loose"): self.claims_loose, ("claims", "strict"): self.claims,
        }  # fmt: skip
        return table[field, match]

    def actors(self, gold: Actor, predicted: Actor) -> float:
        score = self.base.actors(gold, predicted)
        return score if score and gold.kind == predicted.kind and self._same_country(gold, predicted) else 0.0

    def weapons_loose(self, gold: Weapon, predicted: Weapon) -> float:
        if not overlap(gold.evidence, predicted.evidence) or gold.category != predicted.category:
            return 0.0
        return 1.0 + (gold.status == predicted.status) * 0.1

    def weapons(self, gold: Weapon, predicted: Weapon) -> float:
        if not (
            near_category(gold.category, predicted.category)
            and self.same_actor(gold.supplier, predicted.supplier)
            and self.same_actor(gold.recipient, predicted.recipient)
        ):
            return 0.0
        return (
            1.0 + 0.5 * overlap(gold.evidence, predicted.evidence) + 0.2 * (gold.category == predicted.category)
            + 0.1 * (gold.status == predicted.status) + 0.05 * _same_designation(gold, predicted)
        )  # fmt: skip

    def figures_loose(self, gold: Figure, predicted: Figure) -> float:
        if not same_quantity(gold.quantity, predicted.quantity):
            return 0.0
        return 1.0 + overlap(gold.evidence, predicted.evidence) * 0.5

    def figures(self, gold: Figure, predicted: Figure) -> float:
        if gold.quantity.unit is None and not same_counted(gold.counted, predicted.counted):
            return 0.0
        return self.figures_loose(gold, predicted)

    def claims_loose(self, gold: Claim, predicted: Claim) -> float:
        content = fuzz.token_set_ratio(normalise(gold.content), normalise(predicted.content)) / 100
        if not overlap(gold.evidence, predicted.evidence) and content * 100 < CONTENT_FUZZ:
            return 0.0
        # Speaker and stance are not part of the loose match; among equal pairs they decide.
        return content + 0.5 * self.same_actor(gold.speaker, predicted.speaker) + 0.05 * (gold.stance == predicted.stance) + 0.01

    def claims(self, gold: Claim, predicted: Claim) -> float:
        if gold.stance != predicted.stance or not self.same_actor(gold.speaker, predicted.speaker):
            return 0.0
        content = fuzz.token_set_ratio(normalise(gold.content), normalise(predicted.content)) / 100
        if not overlap(gold.evidence, predicted.evidence) and content * 100 < CONTENT_FUZZ:
            return 0.0
        return content + 0.5 * overlap(gold.evidence, predicted.evidence) + 0.01

    # ------------------------------------------------------------------ attributes of a pair

    def attributes(self, field: Field_, gold: Any, predicted: Any) -> dict[str, tuple[bool, str, str]]:
        """Each attribute of a pair: whether it is right, and the gold and predicted values."""
        checks: dict[str, tuple[bool, str, str]] = {}
        if field == "actors":
            checks["kind"] = (gold.kind == predicted.kind, gold.kind, predicted.kind)
            checks["country"] = (self._same_country(gold, predicted), gold.country, predicted.country)
        elif field == "weapons":
            checks["category"] = (gold.category == predicted.category, gold.category, predicted.category)
            checks["supplier"] = (self.same_actor(gold.supplier, predicted.supplier), gold.supplier, predicted.supplier)
            checks["recipient"] = (self.same_actor(gold.recipient, predicted.recipient), gold.recipient, predicted.recipient)
            checks["status"] = (gold.status == predicted.status, gold.status, predicted.status)
            checks["designation"] = (_same_designation(gold, predicted), gold.designation, predicted.designation)
            checks["quantity"] = (_same_optional_quantity(gold.quantity, predicted.quantity),
                                  _quantity_text(gold.quantity), _quantity_text(predicted.quantity))  # fmt: skip
        elif field == "figures":
            checks["unit"] = (gold.quantity.unit == predicted.quantity.unit, str(gold.quantity.unit), str(predicted.quantity.unit))
            checks["counted"] = (same_counted(gold.counted, predicted.counted), gold.counted, predicted.counted)
        else:
            checks["speaker"] = (self.same_actor(gold.speaker, predicted.speaker), gold.speaker, predicted.speaker)
            checks["stance"] = (gold.stance == predicted.stance, gold.stance, predicted.stance)
        return checks

    def broken(self, field: Field_, gold: Any, predicted: Any) -> str:
        """Why a loosely matched pair is no strict match: the attributes the strict rule requires."""
        required = {
            "actors": ("kind", "country"), "weapons": ("category", "supplier", "recipient"),
            "figures": ("counted",), "claims": ("speaker", "stance"),
        }[field]  # fmt: skip
        checks = self.attributes(field, gold, predicted)
        if field == "weapons":
            checks["category"] = (near_category(gold.category, predicted.category), gold.category, predicted.category)
        if field == "figures" and gold.quantity.unit is not None:
            checks["counted"] = (True, "", "")
        reasons = [f"{name}: predicted {p or '(none)'}, gold {g or '(none)'}" for name in required
                   for ok, g, p in [checks[name]] if not ok]  # fmt: skip
        return "; ".join(reasons)


def _surname(a: str, b: str) -> bool:
    """One name is a lone word of four letters or more that ends the other ("Peskov", "Dmitri Peskov")."""
    fa, fb = normalise(a).split(), normalise(b).split()
    short, long = (fa, fb) if len(fa) <= len(fb) else (fb, fa)
    return len(short) == 1 and len(long) > 1 and len(short[0]) >= 4 and long[-1] == short[0]


def _description_key(name: str) -> tuple[frozenset[str], str]:
    """A description's words once spelled one way, and the place it names ("" if none)."""
    place = _PLACE.search(name)
    words = normalise(_PLACE.sub(" ", name)).replace("-", " ")
    for pattern, spelled in _DESCRIPTION_SPELLINGS:
        words = pattern.sub(spelled, words)
    return frozenset(words.split()), place.group(1).strip() if place else ""


def _same_designation(gold: Weapon, predicted: Weapon) -> bool:
    return normalise(gold.designation) == normalise(predicted.designation)


def _same_optional_quantity(gold: Quantity | None, predicted: Quantity | None) -> bool:
    if gold is None or predicted is None:
        return gold is predicted
    return same_quantity(gold, predicted)


def _quantity_text(quantity: Quantity | None) -> str:
    return quantity.text if quantity is not None else ""


def assign(gold: Sequence[Record], predicted: Sequence[Record], score: Score) -> list[tuple[int, int]]:
    """One-to-one pairs, best score first (ties by position), so nothing counts twice."""
    pairs = sorted(
        ((s, g, p) for g, gi in enumerate(gold) for p, pi in enumerate(predicted) if (s := score(gi, pi)) > 0),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for _, g, p in pairs:
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            matched.append((g, p))
    return sorted(matched)


"""Materiel and number candidates: each kind of materiel a sentence names, each number that may be a figure.

Code knows a weapon's category from its words and the amount written before them; the model
is asked only whether the sentence states a transfer of it and between whom (candidates.py has
the claims and the actors).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..base.schema import Quantity
from ..knowledge.clauses import clause_of
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer
from ..text.fold import alternation, normalise
from ..text.figures import figure_exclusion
from ..text.numbers import find_quantities
from .spans import Candidate, Hit, Span, hits, labelled_terms, sentence_at, sentences, story_sentences

def weapon_candidates(article: str, cues: Cues, gazetteer: Gazetteer) -> list[Candidate]:
    """One candidate per kind of materiel a sentence names; the cue is its category.

    Code knows the category from the words ("misiles balísticos", a known system such as
    "Shahed-136"), so a sentence that names drones and missiles is asked about each; the model
    only says whether the sentence states a transfer, deal, production or use of it.
    """
    labels = labelled_terms(cues.weapons, list(cues.weapons))
    systems = {normalise(a): w.category for w in gazetteer.weapons for a in w.surfaces}
    labels.update(systems)
    quantities = sorted(find_quantities(article), key=lambda q: q[0])
    starts = [q[0] for q in quantities]
    found = []
    coordinated = _coordination(cues.coordinators)
    for sentence in story_sentences(article, cues):
        seen: dict[str, Hit] = {}
        for hit in _with_systems(sentence.text, hits(sentence.text, labels), systems):
            if _describes(sentence.text, hit, cues) or _launched(sentence.text, hit, cues):
                continue
            last = seen.get(hit.label)
            if last is not None and not _listed_apart(sentence.text, last, hit, coordinated):
                continue
            seen[hit.label] = hit
            words = Span(sentence.start + hit.start, sentence.start + hit.end, sentence.text[hit.start : hit.end])
            found.append(Candidate("weapons", words, sentence, cue=hit.label, quantity=_amount_of(words, article, quantities, starts)))
    return found


def _describes(text: str, hit: Hit, cues: Cues) -> bool:
    """Whether the materiel word only describes another noun: "satellite images", "expertos en explosivos"."""
    after = re.match(r"\s+([^\W\d_]+)", text[hit.end :])
    before = re.search(r"([^\W\d_]+)\s+(?:(?:de|en|del)\s+)?$", text[: hit.start])
    return bool(
        (after and after.group(1).lower() in cues.modified["after"])
        or (before and before.group(1).lower() in cues.modified["before"])
    )


def _launched(text: str, hit: Hit, cues: Cues) -> bool:
    """Whether the materiel's clause tells of a launch into space, a service rather than a transfer."""
    clause = normalise(clause_of(text, text[hit.start : hit.end], cues))
    words = cues.launches["space"] + (cues.launches["launch"] if hit.label == "other" else ())
    return any(re.search(rf"(?<!\w){re.escape(normalise(w))}(?!\w)", clause) for w in words)


# Two materiel words of one kind are two items only when listed side by side: "cartuchos, cohetes y
# proyectiles", "rounds of ammunition and artillery shells"; "rounds of ammunition" is one, and so
# is a kind named again further on.
_LIST_REACH = 60


@lru_cache(maxsize=8)
def _coordination(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf",|(?<!\w)(?:{alternation(words, normalise)})(?!\w)")


def _listed_apart(text: str, first: Hit, then: Hit, coordinated: re.Pattern[str]) -> bool:
    """Whether `then` is another item of `first`'s kind listed after it, not the same one named again."""
    between = text[first.end : then.start]
    return (
        normalise(text[first.start : first.end]) != normalise(text[then.start : then.end])
        and len(between) <= _LIST_REACH and coordinated.search(normalise(between)) is not None
    )  # fmt: skip


# What may stand between a kind of materiel and the system named right after it ("misiles Iskander").
_BEFORE_SYSTEM = re.compile(r"\s+(?:(?:de|del|of)\s+(?:tipo\s+|type\s+)?)?")


def _with_systems(text: str, hits: Sequence[Hit], systems: Mapping[str, str]) -> list[Hit]:
    """The hits, a generic word and the system of another category named after it made one.

    "misiles Iskander" is one item, a ballistic missile, not a missile and a ballistic missile:
    the system's category wins, and the words keep the generic word so its number still counts them.
    """
    joined: list[Hit] = []
    for hit in hits:
        last = joined[-1] if joined else None
        if (
            last is not None and normalise(text[hit.start : hit.end]) in systems and hit.label != last.label
            and normalise(text[last.start : last.end]) not in systems and _BEFORE_SYSTEM.fullmatch(text[last.end : hit.start])
        ):  # fmt: skip
            joined[-1] = Hit(last.start, hit.end, hit.label)
        else:
            joined.append(hit)
    return joined


# Farther than this before the words, a number expression cannot end right before them.
_AMOUNT_REACH = 200


def _amount_of(
    words: Span, article: str, quantities: Sequence[tuple[int, int, Quantity]], starts: Sequence[int]
) -> Quantity | None:
    """The number expression that counts `words`: "más de 1.000 contenedores", "cientos de drones".

    Only the expressions starting shortly before the words are looked at (`starts` are the
    sorted starts of `quantities`), so a long article costs no more per weapon than a short one.
    """
    near = range(bisect_left(starts, words.start - _AMOUNT_REACH), bisect_left(starts, words.end))
    for start, end, quantity in (quantities[i] for i in near):
        if start < words.end and words.start < end:
            return quantity
        if end <= words.start and article[end : words.start].strip().lower() in ("", "de", "of"):
            return quantity
    return None


def figure_candidates(article: str) -> list[Candidate]:
    """Number expressions that may bear on the story (docs/annotation.md, section 5).

    Years, dates, ages, durations, ordinals, numerals for the parties ("los dos países") and
    label numbers ("la resolución 2231") are left out, as `figure_exclusion` decides: a small
    model shown them labels some as figures, and the gold never does.
    """
    spans = sentences(article)
    found = []
    for start, end, quantity in find_quantities(article):
        if figure_exclusion(article, start, end, quantity) is not None:
            continue
        sentence = sentence_at(spans, start) or Span(start, end, article[start:end])
        found.append(Candidate("figures", Span(start, end, article[start:end]), sentence, quantity=quantity))
    return found

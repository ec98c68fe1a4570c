"""Find, by code, the passages of an article that may hold each kind of item.

A small model asked to "list everything" walks the article sentence by sentence and invents
what it does not find. So code decides where to look (sentences with a reporting verb may hold
a claim; sentences with a weapon term may hold a transfer; every number expression is a figure;
every name is an actor) and the model is asked only to label those passages. Candidates carry
their character offsets, so every item's evidence is the article's own text by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .align import find_mention, normalise
from .lexicon import Cues, Gazetteer, KnownActor
from .numbers import find_quantities
from .schema import Field_, Quantity

_SENTENCE = re.compile(r"[^\n]+?(?:[.!?…]+[\"”»’)]*(?=\s)|$)", re.MULTILINE)
_CAPITALISED = r"(?:[A-ZÁÉÍÓÚÑÜ][\w'’\-.]*\w|[A-ZÁÉÍÓÚÑÜ])"


@dataclass(frozen=True)
class Span:
    """A stretch of the article."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Candidate:
    """A passage that may hold one item of a field, with what code already knows of it."""

    field: Field_
    span: Span
    sentence: Span
    cue: str = ""
    quantity: Quantity | None = None
    known: KnownActor | None = None


def sentences(article: str) -> list[Span]:
    """The article's sentences (a line break always ends one), with offsets."""
    spans = []
    for m in _SENTENCE.finditer(article):
        text = m.group(0)
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        if len(re.findall(r"\w", body)) >= 3:
            spans.append(Span(m.start() + lead, m.start() + lead + len(body), body))
    return spans


def _units(article: str, max_chars: int) -> list[Span]:
    """Paragraphs, with any paragraph longer than `max_chars` cut into its sentences."""
    units = []
    for m in re.finditer(r"[^\n]+", article):
        if m.end() - m.start() <= max_chars:
            units.append(Span(m.start(), m.end(), m.group(0)))
        else:
            units.extend(Span(m.start() + s.start, m.start() + s.end, s.text) for s in sentences(m.group(0)))
    return units


def windows(article: str, max_chars: int) -> list[Span]:
    """The article, or for a long one overlapping windows of whole paragraphs (or sentences).

    Consecutive windows share their boundary paragraph, so a passage near a cut is seen with
    context on both sides; each candidate is labelled in the first window that holds its
    sentence, so nothing is asked twice.
    """
    if len(article) <= max_chars:
        return [Span(0, len(article), article)]
    units = _units(article, max_chars)
    spans: list[Span] = []
    i = 0
    while i < len(units):
        j = i
        while j + 1 < len(units) and units[j + 1].end - units[i].start <= max_chars:
            j += 1
        start, end = units[i].start, units[j].end
        spans.append(Span(start, end, article[start:end]))
        if j + 1 >= len(units):
            break
        i = j if j > i else j + 1  # overlap by one unit, unless that would not move on
    return spans


def window_of(candidate: Candidate, spans: list[Span]) -> int:
    """The index of the first window holding the candidate's sentence (or its start)."""
    for n, w in enumerate(spans):
        if w.start <= candidate.sentence.start and candidate.sentence.end <= w.end:
            return n
    return next((n for n, w in enumerate(spans) if w.start <= candidate.span.start < w.end), 0)


def _phrases(terms: Iterable[str]) -> re.Pattern[str] | None:
    return _compiled_phrases(tuple(terms))


@lru_cache(maxsize=256)  # the same cue lists and gazetteer for every article of a run
def _compiled_phrases(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    folded = sorted({normalise(t) for t in terms if t.strip()}, key=len, reverse=True)
    if not folded:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in folded) + r")(?!\w)")


def _first_cue(patterns: dict[str, re.Pattern[str] | None], text: str) -> str:
    """The first label (in the patterns' order) whose cue occurs in `text`, or ''."""
    folded = normalise(text)
    return next((label for label, p in patterns.items() if p and p.search(folded)), "")


# A denial or an admission reported with "said" is still a denial or an admission: the more
# specific stance wins whatever the word order.
_STANCE_PRIORITY = ("denied", "acknowledged", "accused", "warned", "believes", "asserted")


def claim_candidates(article: str, cues: Cues) -> list[Candidate]:
    """Sentences with a reporting verb or phrase; the cue is the stance it suggests."""
    order = [s for s in _STANCE_PRIORITY if s in cues.reporting] + [
        s for s in cues.reporting if s not in _STANCE_PRIORITY
    ]
    patterns = {stance: _phrases(cues.reporting[stance]) for stance in order}
    return _cued_sentences("claims", article, patterns)


def weapon_candidates(article: str, cues: Cues, gazetteer: Gazetteer) -> list[Candidate]:
    """Sentences naming materiel: a weapon term or a known system; the cue is its category."""
    patterns = {category: _phrases(words) for category, words in cues.weapons.items()}
    patterns["known system"] = _phrases(a for w in gazetteer.weapons for a in w.surfaces)
    return _cued_sentences("weapons", article, patterns)


def _cued_sentences(field: Field_, article: str, patterns: dict[str, re.Pattern[str] | None]) -> list[Candidate]:
    """A candidate for each sentence with a cue, labelled with the first matching pattern."""
    found = []
    for s in sentences(article):
        if cue := _first_cue(patterns, s.text):
            found.append(Candidate(field, s, s, cue=cue))
    return found


def figure_candidates(article: str) -> list[Candidate]:
    """Every number expression except bare years and a lone article ("más de un mes")."""
    spans = sentences(article)
    found = []
    for start, end, quantity in find_quantities(article):
        lone_article = quantity.value == 1 and not any(ch.isdigit() for ch in quantity.text)
        if quantity.unit == "year" or lone_article:
            continue
        sentence = next((s for s in spans if s.start <= start < s.end), Span(start, end, article[start:end]))
        found.append(Candidate("figures", Span(start, end, article[start:end]), sentence, quantity=quantity))
    return found


def _name_pattern(cues: Cues) -> re.Pattern[str]:
    connectors = "|".join(re.escape(c) for c in sorted(cues.connectors, key=len, reverse=True))
    joiner = rf"(?:[ \t]+(?:(?:{connectors})[ \t]+)?)" if connectors else r"[ \t]+"
    return re.compile(rf"(?<![\w.]){_CAPITALISED}(?:{joiner}{_CAPITALISED})*")


def _trim_stopwords(text: str, start: int, stopwords: frozenset[str]) -> tuple[str, int]:
    """Drop leading words that only start a sentence ('Según Tass' -> 'Tass')."""
    words = text.split()
    while words and words[0] in stopwords:
        cut = text.index(words[0]) + len(words[0])
        rest = text[cut:]
        start += cut + len(rest) - len(rest.lstrip())
        text = rest.strip()
        words = text.split()
    return text, start


def _known_cut(text: str, start: int, known: list[Span], connectors: tuple[str, ...]) -> str:
    """The part of a capitalised span before the first known name inside it."""
    for k in known:
        if start < k.start < start + len(text):
            head = text[: k.start - start].rstrip()
            for connector in sorted(connectors, key=len, reverse=True):
                if head.endswith(" " + connector):
                    head = head[: -len(connector)].rstrip()
            return head
    return text


def _opens_sentence(start: int, spans: list[Span], article: str) -> bool:
    return any(article[s.start : start].strip(" \"“«'‘(¡¿") == "" for s in spans if s.start <= start < s.end)


def actor_candidates(article: str, cues: Cues, gazetteer: Gazetteer) -> list[Candidate]:
    """Each distinct name in the article (first occurrence): known aliases, capitalised spans.

    An unknown single word that only ever opens a sentence ("Apreciamos", "Sigamos") is a
    capitalised verb, not a name, and is left out.
    """
    spans = sentences(article)
    seen: dict[str, Candidate] = {}

    def add(text: str, start: int) -> None:
        key = normalise(text)
        if len(re.findall(r"\w", key)) < 2 or key in seen:
            return
        sentence = next((s for s in spans if s.start <= start < s.end), Span(start, start + len(text), text))
        seen[key] = Candidate(
            "actors", Span(start, start + len(text), text), sentence, known=gazetteer.actor_for(text)
        )

    folded = normalise(article)
    for actor in gazetteer.actors:
        for alias in actor.surfaces:
            if normalise(alias) not in folded:
                continue  # most aliases are absent: a substring test is far cheaper than a search
            mention = find_mention(article, alias)
            # find_mention folds case; the gazetteer decides whether the text's casing is a name.
            if mention is not None and gazetteer.actor_for(mention.quote) is not None:
                add(mention.quote, mention.start)
    known = [c.span for c in seen.values()]
    unknown: dict[str, list[tuple[str, int]]] = {}
    for m in _name_pattern(cues).finditer(article):
        text, start = _trim_stopwords(m.group(0), m.start(), cues.stopwords)
        text = _known_cut(text, start, known, cues.connectors)
        if text and not any(k.start <= start < k.end for k in known):
            unknown.setdefault(text, []).append((text, start))
    for text, places in unknown.items():
        single = " " not in text
        if single and all(_opens_sentence(start, spans, article) for _, start in places):
            continue
        add(text, places[0][1])
    return sorted(seen.values(), key=lambda c: c.span.start)


def find_candidates(article: str, cues: Cues, gazetteer: Gazetteer) -> dict[Field_, list[Candidate]]:
    """Candidates for every field, each list in article order."""
    return {
        "actors": actor_candidates(article, cues, gazetteer),
        "weapons": weapon_candidates(article, cues, gazetteer),
        "figures": figure_candidates(article),
        "claims": claim_candidates(article, cues),
    }

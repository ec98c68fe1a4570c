"""Find, by code, the passages of an article that may hold each kind of item.

A small model asked to "list everything" walks the article sentence by sentence and invents
what it does not find. So code decides where to look (each reporting verb may start a claim;
each kind of materiel a sentence names may be a transfer; a number that is not a date, an age
or a duration may be a figure; a name that is not a place or an office may be an actor) and
reads off the text what it states plainly (a claim's stance and wording, a weapon's category
and amount); the model is asked only the rest. Candidates carry their character offsets, so
every item's evidence is the article's own text by construction.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..base.schema import Field_, Quantity
from ..knowledge.countries import iso_country
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer, KnownActor
from ..text.fold import alternation, find_all, normalise, word_pattern
from ..text.figures import figure_exclusion
from ..text.numbers import find_quantities

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
    statement: Span | None = None
    speaker: Span | None = None  # a claim's speaker where the sentence's frame names one (speakers.py)
    relays: bool = False  # a claim's verb only names the outlet of the sentence's other claim (speakers.py)


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
    return word_pattern(terms, normalise)


def term_matches(text: str, terms: Iterable[str]) -> list[str]:
    """The words of `text` that are one of `terms` (folded; longest first), in text order."""
    pattern = _phrases(terms)
    return [text[a:b] for a, b in find_all(text, pattern)] if pattern is not None else []


def _labelled_terms(lexicon: Mapping[str, tuple[str, ...]], order: Sequence[str]) -> dict[str, str]:
    """Folded term -> label; a term listed under two labels takes the first in `order`."""
    labels: dict[str, str] = {}
    for label in order:
        for term in lexicon.get(label, ()):
            labels.setdefault(normalise(term), label)
    return labels


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    label: str


def _hits(text: str, labels: Mapping[str, str]) -> list[_Hit]:
    """The labelled terms in `text`, longest first where they overlap, in text order."""
    pattern = _phrases(labels)
    if pattern is None:
        return []
    found = ((start, end, labels.get(normalise(text[start:end]))) for start, end in find_all(text, pattern))
    return [_Hit(start, end, label) for start, end, label in found if label]


def _site_paragraphs(article: str, cues: Cues) -> list[tuple[int, int]]:
    """The paragraphs and bracketed asides that are the site's: links, photo credits, appeals."""
    pattern = _phrases(cues.boilerplate)
    if pattern is None:
        return []
    pieces = [*re.finditer(r"[^\n]+", article), *re.finditer(r"\([^()\n]*\)", article)]
    return [(m.start(), m.end()) for m in pieces if pattern.match(normalise(m.group(0)).lstrip("\"( "))]


def _inside(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in spans)


def _story_sentences(article: str, cues: Cues) -> list[Span]:
    """The article's sentences, without the site's boilerplate."""
    site = _site_paragraphs(article, cues)
    return [s for s in sentences(article) if not _inside(s.start, site)]


# A denial or an admission reported with "said" is still a denial or an admission: the more
# specific stance wins whatever the word order.
_STANCE_PRIORITY = ("denied", "acknowledged", "accused", "warned", "believes", "asserted")
# How many words open a statement: "Irán no envió", "Moscow has never sent", "Nunca antes hemos".
_NEGATION_REACH = 4
# What may stand before a statement's negation besides a name: "se", "lo", "it", "they" …
_PRONOUNS = frozenset("se lo la le les nos ya él ella ellos ellas it he she they we i".split())
_AND_THAT = re.compile(r"(?<!\w)(?:y|e|and) (?:que|that)(?!\w)")
_OPENING_QUOTES = "\"“«‘'"
_CLOSING_QUOTES = "\"”»’'"


def _quoted_before(sentence: Span, at: int) -> Span | None:
    """The quotation that ends right before a reporting verb ('“…”, dijo X'), if there is one."""
    head = sentence.text[:at].rstrip(" ,;:-–—")
    if not head or head[-1] not in _CLOSING_QUOTES:
        return None
    body = head[:-1].rstrip(".,;")
    opening = max(body.rfind(q) for q in _OPENING_QUOTES)
    inner = body[opening + 1 :].strip() if opening >= 0 else body.strip()
    if not inner:
        return None
    start = sentence.text.index(inner, max(opening, 0))
    return Span(sentence.start + start, sentence.start + start + len(inner), inner)


def _statement(sentence: Span, anchor: _Hit, until: int) -> Span:
    """What a reporting verb reports: the quotation before it, or the clause after it.

    The clause runs to the next claim of the sentence; "dijo el viernes que X" gives X.
    """
    if (quoted := _quoted_before(sentence, anchor.start)) is not None:
        return quoted
    if anchor.start == anchor.end:  # a quotation continued: all of it is the statement
        inner = sentence.text.strip(_OPENING_QUOTES + _CLOSING_QUOTES + ". ")
        start = sentence.text.index(inner)
        return Span(sentence.start + start, sentence.start + start + len(inner), inner)
    tail = sentence.text[anchor.end : until]
    that = re.search(r"(?<!\w)(?:que|that)\s+", tail[:60])
    if that:
        tail = tail[that.end() :]
    body = tail.strip(" ,;:.-–—")
    body = re.sub(r"\s+(?:y|e|and)$", "", body)
    if len(re.findall(r"\w+", body)) < 3:
        return sentence
    start = sentence.text.index(body, anchor.end)
    return Span(sentence.start + start, sentence.start + start + len(body), body)


def _claim_anchors(sentence: Span, cues: Cues, continues_quote: bool) -> list[_Hit]:
    """Where the sentence's claims start, each with its stance.

    Each reporting verb starts a claim ("dijo que … y advirtió que …" is two), and so does
    "y que" after one ("dijo que … y que …"); "según X" or a stance word ("no hay pruebas")
    starts one only in a sentence without a verb; a quotation that continues the previous
    sentence's is a claim of its own.
    """
    verbs = _hits(sentence.text, _labelled_terms(cues.reporting, _reporting_order(cues)))
    # A capital inside a sentence makes the word part of a name: "the United States" states nothing.
    verbs = [v for v in verbs if v.start == 0 or not sentence.text[v.start].isupper() or not sentence.text[: v.start].strip(_OPENING_QUOTES + " ")]
    quoted = quoted_spans(sentence.text)
    outside = [v for v in verbs if not _inside(v.start, quoted)]
    # A verb quoted inside someone's statement is part of it, not a statement of its own.
    verbs = outside or verbs
    if verbs:
        more = [_Hit(a, b, "") for a, b in find_all(sentence.text, _AND_THAT) if a > verbs[0].end]
        return sorted([*verbs, *more], key=lambda h: h.start)
    if cited := _hits(sentence.text, {normalise(t): "asserted" for t in cues.attribution}):
        return cited[:1]
    if content := _hits(sentence.text, _labelled_terms(cues.content, _STANCE_PRIORITY)):
        return content[:1]
    if continues_quote:
        return [_Hit(0, 0, "asserted")]
    return []


def _reporting_order(cues: Cues) -> list[str]:
    return [s for s in _STANCE_PRIORITY if s in cues.reporting] + [s for s in cues.reporting if s not in _STANCE_PRIORITY]


def _stance(anchor: _Hit, previous: str, segment: str, statement: str, cues: Cues) -> str:
    """A neutral verb takes the stance of a stance word in what it reports ("no hay pruebas"),
    or reports a denial when what it reports opens by negating its verb ("que Irán no envió")."""
    stance = anchor.label or previous
    if stance != "asserted":
        return stance
    # Stance words count in what the verb reports, not in the words around it ("dijo …, en
    # respuesta a acusaciones de …").
    marks = _hits(statement or segment, _labelled_terms(cues.content, _STANCE_PRIORITY))
    if marks:
        return marks[0].label
    return "denied" if _negated(statement, cues) else stance


def _negated(statement: str, cues: Cues) -> bool:
    """Whether a statement opens by negating its verb: "Irán no envió", "Nunca hemos", "it hasn't".

    Only a name or a pronoun may stand before the negation: "las compras no se habían
    completado" reports a fact about purchases, not a denial.
    """
    for word in re.findall(r"[\w'’]+", statement)[:_NEGATION_REACH]:
        folded = word.lower()
        if folded in cues.negations or folded.endswith(("n't", "n’t")):
            return True
        if not (word[:1].isupper() or folded in _PRONOUNS):
            return False
    return False


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` inside quotation marks (an unclosed one runs to the end)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, char in enumerate(text):
        opens = char in "“«" or (char == '"' and start is None)
        if start is None and opens:
            start = i
        elif start is not None and (char in "”»" or char == '"'):
            spans.append((start, i + 1))
            start = None
        elif start is None and char in "”»":  # a quotation opened in an earlier sentence
            spans.append((0, i + 1))
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _attributed_sentences(article: str, cues: Cues) -> list[Span]:
    """Story sentences, with a quotation of several sentences kept whole with its attribution.

    '“… . …”, indicó Peskov.' is one statement: split, its first part would look unattributed
    and the verbs quoted inside it would look like claims of their own.
    """
    merged: list[Span] = []
    for sentence in _story_sentences(article, cues):
        last = merged[-1] if merged else None
        if last is not None and _open_at_end(last.text) and "\n" not in article[last.end : sentence.start]:
            merged[-1] = Span(last.start, sentence.end, article[last.start : sentence.end])
        else:
            merged.append(sentence)
    return merged


def _open_at_end(text: str) -> bool:
    return any(end == len(text) and text[start] in "“«\"" for start, end in quoted_spans(text)) and text[-1:] not in "”»\""


def claim_candidates(article: str, cues: Cues) -> list[Candidate]:
    """One candidate per attributed statement: its sentence, reporting words, stance and clause."""
    found: list[Candidate] = []
    previous_claimed = False
    for sentence in _attributed_sentences(article, cues):
        quoted = sentence.text[:1] in _OPENING_QUOTES and sentence.text.rstrip(".")[-1:] in _CLOSING_QUOTES
        anchors = _claim_anchors(sentence, cues, continues_quote=quoted and previous_claimed)
        stance = "asserted"
        for n, anchor in enumerate(anchors):
            until = anchors[n + 1].start if n + 1 < len(anchors) else len(sentence.text)
            # The first claim's stance words may stand in a quotation before its verb.
            segment = sentence.text[: until] if n == 0 else sentence.text[anchor.start : until]
            statement = _statement(sentence, anchor, until)
            said = statement.text if statement != sentence else ""
            stance = _stance(anchor, stance, segment, said, cues)
            words = Span(sentence.start + anchor.start, sentence.start + anchor.end, sentence.text[anchor.start : anchor.end])
            found.append(Candidate("claims", words, sentence, cue=stance, statement=statement))
        previous_claimed = bool(anchors)
    return found


def weapon_candidates(article: str, cues: Cues, gazetteer: Gazetteer) -> list[Candidate]:
    """One candidate per kind of materiel a sentence names; the cue is its category.

    Code knows the category from the words ("misiles balísticos", a known system such as
    "Shahed-136"), so a sentence that names drones and missiles is asked about each; the model
    only says whether the sentence states a transfer, deal, production or use of it.
    """
    labels = _labelled_terms(cues.weapons, list(cues.weapons))
    systems = {normalise(a): w.category for w in gazetteer.weapons for a in w.surfaces}
    labels.update(systems)
    quantities = sorted(find_quantities(article), key=lambda q: q[0])
    starts = [q[0] for q in quantities]
    found = []
    coordinated = _coordination(cues.coordinators)
    for sentence in _story_sentences(article, cues):
        seen: dict[str, _Hit] = {}
        for hit in _with_systems(sentence.text, _hits(sentence.text, labels), systems):
            last = seen.get(hit.label)
            if last is not None and not _listed_apart(sentence.text, last, hit, coordinated):
                continue
            seen[hit.label] = hit
            words = Span(sentence.start + hit.start, sentence.start + hit.end, sentence.text[hit.start : hit.end])
            found.append(Candidate("weapons", words, sentence, cue=hit.label, quantity=_amount_of(words, article, quantities, starts)))
    return found


# Two materiel words of one kind are two items only when listed side by side: "cartuchos, cohetes y
# proyectiles", "rounds of ammunition and artillery shells"; "rounds of ammunition" is one, and so
# is a kind named again further on.
_LIST_REACH = 60


@lru_cache(maxsize=8)
def _coordination(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf",|(?<!\w)(?:{alternation(words, normalise)})(?!\w)")


def _listed_apart(text: str, first: _Hit, then: _Hit, coordinated: re.Pattern[str]) -> bool:
    """Whether `then` is another item of `first`'s kind listed after it, not the same one named again."""
    between = text[first.end : then.start]
    return (
        normalise(text[first.start : first.end]) != normalise(text[then.start : then.end])
        and len(between) <= _LIST_REACH and coordinated.search(normalise(between)) is not None
    )  # fmt: skip


# What may stand between a kind of materiel and the system named right after it ("misiles Iskander").
_BEFORE_SYSTEM = re.compile(r"\s+(?:(?:de|del|of)\s+(?:tipo\s+|type\s+)?)?")


def _with_systems(text: str, hits: Sequence[_Hit], systems: Mapping[str, str]) -> list[_Hit]:
    """The hits, a generic word and the system of another category named after it made one.

    "misiles Iskander" is one item, a ballistic missile, not a missile and a ballistic missile:
    the system's category wins, and the words keep the generic word so its number still counts them.
    """
    joined: list[_Hit] = []
    for hit in hits:
        last = joined[-1] if joined else None
        if (
            last is not None and normalise(text[hit.start : hit.end]) in systems and hit.label != last.label
            and normalise(text[last.start : last.end]) not in systems and _BEFORE_SYSTEM.fullmatch(text[last.end : hit.start])
        ):  # fmt: skip
            joined[-1] = _Hit(last.start, hit.end, hit.label)
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


def sentence_at(spans: Sequence[Span], at: int) -> Span | None:
    """The span of `spans` (sorted, not overlapping) that holds offset `at`, if any."""
    i = bisect_right(spans, at, key=lambda s: s.start) - 1
    return spans[i] if i >= 0 and spans[i].start <= at < spans[i].end else None


def _opens_sentence(start: int, spans: list[Span], article: str) -> bool:
    s = sentence_at(spans, start)
    return s is not None and article[s.start : start].strip(" \"“«'‘(¡¿") == ""


def _in_title(start: int, article: str, cues: Cues) -> bool:
    """Whether the name at `start` completes an office: "ministro de Defensa", "secretary of State"."""
    titles = _phrases(cues.titles)
    before = normalise(article[max(0, start - 40) : start])
    return titles is not None and re.search(rf"(?:{titles.pattern})(?: \w+)? (?:de|del|de la|de los|of|of the|for)$", before) is not None


def _iso_actor(name: str) -> KnownActor | None:
    """A country ISO 3166 names (in English or Spanish) needs no model to say what it is."""
    found = iso_country(name)
    return KnownActor(name=found[1], kind="country", country=found[0]) if found else None


def actor_candidates(article: str, cues: Cues, gazetteer: Gazetteer) -> list[Candidate]:
    """Each distinct name in the article (first occurrence): known aliases, capitalised spans.

    An unknown single word that only ever opens a sentence ("Apreciamos", "Sigamos") is a
    capitalised verb, not a name, and is left out.
    """
    spans = sentences(article)
    site = _site_paragraphs(article, cues)
    seen: dict[str, Candidate] = {}

    def add(text: str, start: int) -> None:
        key = normalise(text)
        if len(re.findall(r"\w", key)) < 2 or key in seen or _inside(start, site):
            return
        sentence = sentence_at(spans, start) or Span(start, start + len(text), text)
        seen[key] = Candidate(
            "actors", Span(start, start + len(text), text), sentence, known=gazetteer.actor_for(text) or _iso_actor(text)
        )

    folded = normalise(article)
    for actor in gazetteer.actors:
        for alias in actor.surfaces:
            if normalise(alias) not in folded:
                continue  # most aliases are absent: a substring test is far cheaper than a search
            # Each alias on its own, so that a name inside a longer one counts ("ONU" in "Consejo
            # de Seguridad de la ONU"); matching folds case, the gazetteer judges the casing.
            pattern = _phrases([alias])
            for start, end in find_all(article, pattern) if pattern is not None else []:
                if gazetteer.actor_for(article[start:end]) is not None and not _inside(start, site):
                    add(article[start:end], start)
                    break
    known = [c.span for c in seen.values()]
    unknown: dict[str, list[tuple[str, int]]] = {}
    for m in _name_pattern(cues).finditer(article):
        text, start = _trim_stopwords(m.group(0), m.start(), cues.stopwords)
        text = _known_cut(text, start, known, cues.connectors)
        if text and not any(k.start <= start < k.end for k in known):
            unknown.setdefault(text, []).append((text, start))
    places = set(map(normalise, cues.places))
    for text, where in unknown.items():
        single = " " not in text
        if single and all(_opens_sentence(start, spans, article) for _, start in where):
            continue
        if normalise(text) in places or all(_in_title(start, article, cues) for _, start in where):
            continue
        add(text, where[0][1])
    return sorted(seen.values(), key=lambda c: c.span.start)


def find_candidates(article: str, cues: Cues, gazetteer: Gazetteer) -> dict[Field_, list[Candidate]]:
    """Candidates for every field, each list in article order."""
    return {
        "actors": actor_candidates(article, cues, gazetteer),
        "weapons": weapon_candidates(article, cues, gazetteer),
        "figures": figure_candidates(article),
        "claims": claim_candidates(article, cues),
    }

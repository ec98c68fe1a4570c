"""The names in an article that may be actors: what the gazetteer knows, and capitalised spans
that are neither places, offices, dates nor weapons (candidates.py finds the other fields').

A name the gazetteer or ISO 3166 knows needs no model to say what it is; any other is a
candidate the model labels. Each distinct name is a candidate once, at its first occurrence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from ..knowledge.countries import iso_country
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer, KnownActor
from ..text.dates import calendar
from ..text.fold import alternation, find_all, normalise
from ..text.numbers import is_roman
from .spans import Candidate, Span, inside, phrases, sentence_at, sentences, site_paragraphs

_CAPITALISED = r"(?:[A-ZÁÉÍÓÚÑÜ][\w'’\-.]*\w|[A-ZÁÉÍÓÚÑÜ])"


def _name_pattern(cues: Cues) -> re.Pattern[str]:
    connectors = "|".join(re.escape(c) for c in sorted(cues.connectors, key=len, reverse=True))
    joiner = rf"(?:[ \t]+(?:(?:{connectors})[ \t]+)?)" if connectors else r"[ \t]+"
    return re.compile(rf"(?<![\w.]){_CAPITALISED}(?:{joiner}{_CAPITALISED})*")


# An English body's name that says what it is for: "Center for Strategic and International
# Studies", "Institute for the Study of War". Only after a body's word, since "for" and "for the"
# between two names join them often ("sanctions for Iran").
_FOR_NAME = re.compile(
    rf"(?<![\w.])(?:{_CAPITALISED}[ \t]+)*(?:Center|Centre|Institute|Committee|Council|Commission|Office|Agency|Foundation"
    rf"|Headquarters|Fund|Directorate|Organi[sz]ation|Society|Coalition|Alliance|Association)[ \t]+for[ \t]+(?:the[ \t]+)?"
    rf"{_CAPITALISED}(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?|and[ \t]+)?{_CAPITALISED})*"
)


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


def _shouted_words(text: str, start: int, gazetteer: Gazetteer) -> list[tuple[str, int]]:
    """A run of capitals in a headline written in capitals ("NORUEGA CRITICA LA") is words, not
    one name: of them, the names the gazetteer or ISO 3166 knows."""
    if not text.isupper() or " " not in text:
        return [(text, start)]
    words = ((m.group(0), start + m.start()) for m in re.finditer(r"\S+", text))
    return [(w, at) for w, at in words if gazetteer.actor_for(w) is not None or _iso_actor(w) is not None]


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


def _after_rank(text: str, cues: Cues, common: frozenset[str], gazetteer: Gazetteer) -> tuple[int, int] | None:
    """Where the rank or office that opens a capitalised run before a person's name starts, and
    where the name starts: "Thai Prime Minister Paetongtarn Shinawatra" (0, 20). None unless two
    to four capitalised words no lexicon holds follow the last word of rank."""
    words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", text)]
    folded = [normalise(w).rstrip(".") for _, w in words]
    ranks = _rank_words(cues.ranks, cues.titles, cues.offices)
    last = max((i for i, w in enumerate(folded) if w in ranks), default=None)
    if last is None:
        return None
    rest = words[last + 1 :]
    name = " ".join(w for _, w in rest)
    if not 2 <= len(rest) <= 4 or any(not w[:1].isupper() or normalise(w) in common for _, w in rest):
        return None
    if (known := gazetteer.actor_for(name)) is not None and known.kind != "person":
        return None
    first = last
    while first > 0 and (folded[first - 1] in ranks or folded[first - 1] in _rank_openers(cues.rank_modifiers, cues.demonym_forms)):
        first -= 1
    return words[first][0], rest[0][0]


@cache
def _rank_words(ranks: tuple[str, ...], titles: tuple[str, ...], offices: tuple[frozenset[str], ...]) -> frozenset[str]:
    """One word of rank or office, folded: "admiral", "minister", "spokesman"."""
    return frozenset(normalise(w) for w in (*ranks, *titles, *(w for office in offices for w in office)) if " " not in w)


@cache
def _rank_openers(modifiers: tuple[str, ...], demonyms: frozenset[str]) -> frozenset[str]:
    """Words that may open a rank: "Deputy", "Rear", a country's adjective ("Thai")."""
    return frozenset(normalise(w) for w in modifiers) | demonyms


def _opens_sentence(start: int, spans: list[Span], article: str) -> bool:
    s = sentence_at(spans, start)
    return s is not None and article[s.start : start].strip(" \"“«'‘(¡¿") == ""


def _in_title(start: int, article: str, cues: Cues) -> bool:
    """Whether the name at `start` completes an office: "ministro de Defensa", "secretary of State",
    "los ministros europeos de Exteriores"."""
    titles = alternation(cues.titles, normalise)
    before = normalise(article[max(0, start - 40) : start])
    return bool(titles) and re.search(rf"(?<!\w)(?:{titles})(?:e?s)?(?: \w+)? (?:de|del|de la|de los|of|of the|for)$", before) is not None


# How many capitalised words after a known name may make it part of a longer name.
_LONGER = 3


def _opens_longer(article: str, start: int, text: str, known: list[Span], common: frozenset[str], gazetteer: Gazetteer) -> bool:
    """Whether `text` is a longer name a known one-word name opens: "Israel Katz" is a person,
    not only the state; the state stays a name of its own. Words a lexicon or the gazetteer
    holds follow a name without joining it ("Iran Says", "Rusia Irán"), as do dates ("Iran
    Tuesday"); a name the gazetteer knows ("UN Security Council") has its own entry."""
    opening = next((k for k in known if k.start == start and " " not in k.text), None)
    if opening is None or not text[len(opening.text) : len(opening.text) + 1].isspace():
        return False  # "London-based" is an adjective of the city
    if _opens_no_name(opening.text, gazetteer):
        return False
    if gazetteer.actor_for(text) is not None or re.match(r"\s*\d", article[start + len(text) :]):
        return False  # "UN Resolution 2231": a document's title, whose words are not a name's
    following = text[len(opening.text) :].split()
    return 0 < len(following) <= _LONGER and not any(
        normalise(w) in common or gazetteer.actor_for(w) is not None or _iso_actor(w) is not None for w in following
    )


def _opens_no_name(name: str, gazetteer: Gazetteer) -> bool:
    """"dijo a EFE Ana Ruiz": a known acronym opens no longer name; the words after it are one."""
    return name.isupper() and gazetteer.actor_for(name) is not None


def _common_words(cues: Cues) -> frozenset[str]:
    """Words of the cue lexicons, folded: reporting, materiel, transfer and status words, titles,
    bodies, documents, described nouns, demonyms, sentence openers and connectors, and the calendar's."""
    lexicons = (
        *cues.reporting.values(), *cues.weapons.values(), *cues.status.values(), cues.transfer, cues.titles,
        cues.bodies, cues.documents, tuple(cues.described_nouns), *cues.demonyms.values(), tuple(cues.stopwords),
    )  # fmt: skip
    words = {w for terms in lexicons for term in terms for w in normalise(term).split()}
    return frozenset(words) | _calendar_words(cues.connectors)


def _iso_actor(name: str) -> KnownActor | None:
    """A country ISO 3166 names (in English or Spanish) needs no model to say what it is."""
    found = iso_country(name)
    return KnownActor(name=found[1], kind="country", country=found[0]) if found else None


# "Panel de Expertos de la ONU sobre Sudán", "the UN panel of experts on Libya": what a body is about.
_ABOUT = re.compile(r"\s+(?:sobre|on|para|for)\s+(?:(?:el|la|the)\s+)?([A-ZÁÉÍÓÚ][\w'’-]*(?:\s+(?:del\s+)?[A-ZÁÉÍÓÚ][\w'’-]*)?)")


def _on_subject(known: KnownActor | None, after: str) -> KnownActor | None:
    """A known body about one country ("UN Panel of Experts on North Korea") named, by the words
    after its mention, as the body of the same kind about another: a UN panel on Sudan is not
    the panel on North Korea, whose generic name ("Panel de Expertos de la ONU") it shares."""
    own = re.fullmatch(r"(.+) on (.+)", known.name) if known is not None else None
    about = _ABOUT.match(after)
    country = iso_country(about.group(1)) if about is not None else None
    if known is None or own is None or country is None or country[1] == own.group(2):
        return known
    return replace(known, name=f"{own.group(1)} on {country[1]}", role="", aliases=())


@cache
def _calendar_words(connectors: tuple[str, ...]) -> frozenset[str]:
    """Months (abbreviations too) and weekdays, folded, with the connectors that join them to a name."""
    words = (*(n for month in calendar().months for n in month), *calendar().days, *connectors)
    return frozenset(normalise(w) for w in words)


def actor_candidates(article: str, cues: Cues, gazetteer: Gazetteer) -> list[Candidate]:
    """Each distinct name in the article (first occurrence): known aliases, capitalised spans.

    An unknown single word that only ever opens a sentence ("Apreciamos", "Sigamos") is a
    capitalised verb, not a name, and is left out.
    """
    spans = sentences(article)
    site = site_paragraphs(article, cues)
    seen: dict[str, Candidate] = {}

    def add(text: str, start: int) -> None:
        key = normalise(text)
        # "siglo XI": a numeral, not Xi Jinping.
        if len(re.findall(r"\w", key)) < 2 or key in seen or inside(start, site) or is_roman(text):
            return
        sentence = sentence_at(spans, start) or Span(start, start + len(text), text)
        known = _on_subject(gazetteer.actor_for(text), article[start + len(text) : start + len(text) + 60]) or _iso_actor(text)
        seen[key] = Candidate("actors", Span(start, start + len(text), text), sentence, known=known)

    folded = normalise(article)
    for actor in gazetteer.actors:
        for alias in actor.surfaces:
            if normalise(alias) not in folded:
                continue  # most aliases are absent: a substring test is far cheaper than a search
            # Each alias on its own, so that a name inside a longer one counts ("ONU" in "Consejo
            # de Seguridad de la ONU"); matching folds case, the gazetteer judges the casing.
            pattern = phrases([alias])
            for start, end in find_all(article, pattern) if pattern is not None else []:
                # A capitalised name found in lower case is a common word: "político" is no Politico.
                cased = alias.islower() or not article[start:end].islower()
                # "O'Sullivan", "D'Amato": a surname's prefix makes another name of it
                elided = re.search(r"\b\w['’]$", article[max(0, start - 2) : start]) is not None
                if cased and not elided and gazetteer.actor_for(article[start:end]) is not None and not inside(start, site):
                    add(article[start:end], start)
                    break
    known = [c.span for c in seen.values()]
    common = _common_words(cues)
    unknown: dict[str, list[tuple[str, int]]] = {}
    purposes = [(m.start(), m.end()) for m in _FOR_NAME.finditer(article)]
    for start, end in purposes:
        # "Ukraine's Center for …", "The Korea Institute for …": a possessor or an article opens no name.
        owner = re.match(r"(?:\S+['’]s\s+)+", article[start:end])
        text, at = _trim_stopwords(article[start + (owner.end() if owner else 0) : end], start + (owner.end() if owner else 0), cues.stopwords)
        unknown.setdefault(text, []).append((text, at))
    for m in _name_pattern(cues).finditer(article):
        if any(a <= m.start() < b for a, b in purposes):
            continue
        # "Shenzhen-based Wintrek Logistics": where a firm is based is no part of its name.
        based = _BASED.match(m.group(0))
        run, at = (m.group(0)[based.end() :], m.start() + based.end()) if based else (m.group(0), m.start())
        for text, start in _shouted_words(*_trim_stopwords(run, at, cues.stopwords), gazetteer):
            # "Vice Admiral Erik Sandvold", "State Department Spokesman Matthew Miller": the person
            # after the rank is a name of its own, and the words before the rank may be another.
            if (titled := _after_rank(text, cues, common, gazetteer)) is not None:
                person = text[titled[1] :]
                if not any(k.start <= start + titled[1] < k.end for k in known):
                    unknown.setdefault(person, []).append((person, start + titled[1]))
                text = text[: titled[0]].rstrip()
            text = _known_cut(text, start, known, cues.connectors)
            first, *rest = text.split() or [""]
            # (a person's name after it: two or three capitalised words, "Ana Ruiz", not "Secretary of State")
            if _opens_no_name(first, gazetteer) and 1 < len(rest) <= 3 and all(w[:1].isupper() for w in rest) and gazetteer.actor_for(text) is None:
                unknown.setdefault(" ".join(rest), []).append((" ".join(rest), start + text.index(rest[0], len(first))))
                continue
            if text and (not any(k.start <= start < k.end for k in known) or _opens_longer(article, start, text, known, common, gazetteer)):
                unknown.setdefault(text, []).append((text, start))
    places = set(map(normalise, cues.places))
    bodies = frozenset(normalise(b) for b in cues.bodies_named_before)
    # "North Korean", "European": an adjective of a country or a group names no one.
    adjectives = cues.demonym_forms | {normalise(e) for e in cues.described_adjectives.values()}
    dates = _calendar_words(cues.connectors)
    # Words of weapons proper: "technology", "troops" or "parts" may end an institution's name.
    materiel = frozenset(
        normalise(t) for category, terms in cues.weapons.items() if category not in _NOT_WEAPONS for t in terms if " " not in t
    )
    for text, where in unknown.items():
        single = " " not in text
        # A country ISO 3166 names is a name wherever it stands ("Lithuania, which borders …, said").
        if single and _iso_actor(text) is None and all(_opens_sentence(start, spans, article) for _, start in where):
            continue
        if normalise(text) in places | adjectives:
            continue
        # "portavoz del Ministerio de Unificación": after a title, a body's name is no portfolio.
        body = normalise(text.split()[0]) in bodies and len(text.split()) > 1
        # "un portavoz del Estado Mayor" after "el Estado Mayor Conjunto surcoreano": a known body cut short.
        body = body or (" " in text and any(normalise(k.text).startswith(f"{normalise(text)} ") for k in known))
        if all(_in_title(start, article, cues) for _, start in where) and _iso_actor(text) is None and not body:
            # "ministro de Defensa": a portfolio; "diplomáticos de Chile": a country; but "de
            # Exteriores Kim Son Gyong" names the minister after the portfolio.
            if (holder := _after_portfolio(text, cues)) is not None:
                add(holder, where[0][1] + text.index(holder))
            continue
        if set(normalise(text).replace(".", " ").split()) <= dates:
            continue  # "Feb", "of May": a date, not a name
        bare = " ".join(w for w in text.split() if normalise(w) not in adjectives)  # "Iranian Shahed": Shahed
        if _names_materiel(text, gazetteer, materiel) or (bare != text and _names_materiel(bare, gazetteer, materiel)):
            continue  # "KN-23", "Sukhoi Su-35 fighter jets", "Iranian Shahed": a weapon, not an actor
        add(text, where[0][1])
    return _shortened(sorted(seen.values(), key=lambda c: c.span.start))


def _shortened(found: list[Candidate]) -> list[Candidate]:
    """"Estado Mayor" after "Estado Mayor Conjunto surcoreano": a body's name cut short, the opening
    words of one known body's name the article gave before, is that body."""
    out = []
    for c in found:
        words = normalise(c.span.text)
        shortened = c.known is None and " " in words and c.span.text[:1].isupper()
        longer = {
            k.known.name: k.known for k in found
            if shortened and k.known is not None and k.known.kind not in ("person", "country") and k.span.start < c.span.start
            and normalise(k.span.text).startswith(f"{words} ")
        }  # fmt: skip
        out.append(replace(c, known=next(iter(longer.values()))) if len(longer) == 1 else c)
    return out


_BASED = re.compile(r"[\w.]+(?:\s[\w.]+)?-based(?:\s+(?=\S)|$)")


def _after_portfolio(text: str, cues: Cues) -> str | None:
    """The name after a portfolio's words in one capitalised run ("Exteriores Kim Son Gyong":
    Kim Son Gyong), if two words or more are left; None if the run is only the portfolio."""
    words = text.split()
    # a portfolio's word in either language: "Exteriores", "Foreign Affairs"
    portfolio = {*cues.translations, *(normalise(w) for english in cues.translations.values() for w in english.split())}
    n = 0
    while n < len(words) and (normalise(words[n]) in portfolio or words[n] in cues.connectors):
        n += 1
    rest = words[n:]
    return " ".join(rest) if 0 < n and len(rest) > 1 and not any(normalise(w) in portfolio for w in rest) else None


_NOT_WEAPONS = frozenset(("components", "other", "troops", "military_equipment"))
# A designation: letters, a dash and digits ("KN-23", "Su-35", "S-300", "Fateh-360").
_DESIGNATION = re.compile(r"(?<!\w)[A-Za-z]+-\d")


def _names_materiel(text: str, gazetteer: Gazetteer, materiel: frozenset[str]) -> bool:
    """Whether a capitalised span names a weapon: a system the gazetteer knows, a designation,
    or words that end in a materiel word ("Sukhoi Su-35 fighter jets")."""
    last = normalise(text).split()[-1] if text.split() else ""
    return gazetteer.weapon_for(text) is not None or _DESIGNATION.search(text) is not None or last in materiel

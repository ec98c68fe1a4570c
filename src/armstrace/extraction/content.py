"""A claim's content in English: the model's sentence, kept only where the evidence bears it out.

The model writes what a statement says as one short English sentence, so that a claim reads the
same in a Spanish and an English article. A small model can slip in a name or a number its
sentence does not give (one from the examples, one from elsewhere in the article), so code
checks every name and number of that sentence against the evidence; a sentence that fails, or
none at all, leaves the clause the reporting words introduce, verbatim, as the content.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ..base.schema import Claim, Weapon
from ..knowledge.countries import iso_country
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer, name_key
from ..knowledge.materiel import category_english, materiel_english
from ..text.dates import calendar
from ..text.fold import normalise, word_pattern
from ..text.language import is_english, spanish_words
from ..text.numbers import find_quantities, roman_numerals
from .pointing import pointing_back

# A name in an English sentence: capitalised words in a row ("North Korea", "Kim Yo Jong").
_NAME = re.compile(r"[A-Z](?:[\w’'-]|\.(?=\w))*\.?(?:\s+(?:(?:de|del|de la|of|of the)\s+)?[A-Z](?:[\w’'-]|\.(?=\w))*\.?)*")
# English adjectives of a country end so: Russian, Iranian, Ukrainian, Chinese, North Korean.
_DEMONYM_ENDINGS = ("ian", "an", "n", "ese", "i")
# Spellings that differ between languages for the same sound ("Ukrainian"/"ucraniano").
_SPELLINGS = str.maketrans({"k": "c", "y": "i", "w": "v"})
_TOLERANCE = 0.01
# The fewest words a stated proposition takes: a subject, a verb and what it is about ("Iran denied it").
_PROPOSITION_WORDS = 3
_BOTH = re.compile(r"\b(?:ambos|ambas|both)\b", re.I)
# A model that speaks of its input instead of rendering it ("… is not mentioned in the article").
_THE_TEXT = re.compile(r"\b(?:the|this) (?:article|text)\b", re.I)
_TEXT_WORDS = re.compile(r"\b(?:art[ií]culos?|articles?|textos?|texts?)\b", re.I)


# Whether a name renders words of the evidence (ground.renders, with the evidence bound).
Named = Callable[[str], bool]


def unsupported(content: str, evidence: str, named: Named, cues: Cues, gazetteer: Gazetteer) -> str:
    """The first name or number of `content` that `evidence` does not give, or '' if none.

    A name is given when `named` says so (ground.renders: the evidence names the same actor by
    the gazetteer or ISO 3166, "Iran" for "Irán", or shares a word with it); a country's
    adjective ("Russian") when a word of the evidence starts like it ("rusos"). A number is given
    when the evidence has one of the same value (within 1 %), however written ("1,000" and
    "1.000", "two" and "dos").
    """
    for m, opens in (n for found in _NAME.finditer(content) for n in _sentences_of(found, content)):
        words = m.split()
        while words and words[0] in cues.stopwords:
            words = words[1:]  # "The", "In May": sentence openers and dates name no one
        # Past an opening "In" or "The", a capital is a name's own ("In Quito, …").
        opens = opens and len(words) == len(m.split())
        if opens and len(words) == 1 and not (gazetteer.actor_for(words[0]) or iso_country(words[0]) or _country_of_adjective(words[0], gazetteer)):
            words = []  # "Warned that …", "Satellite launched …": a capital that only opens a sentence
        name = re.sub(r"['’]s$", "", " ".join(words).rstrip("."))  # "Israel's" names Israel
        if name and not (
            named(name) or _adjective_of_named(name, evidence, named, gazetteer) or _described(name, evidence, cues)
            or _demonym_given(name, evidence, named, cues) or _month_given(name, evidence) or _region_given(name, evidence, cues)
            or _institution_given(name, evidence, named, cues) or _initials_given(name, evidence)
        ):  # fmt: skip
            return name
    values = [v for _, _, q in find_quantities(evidence) for v in (q.value, q.low, q.high) if v is not None]
    values += roman_numerals(evidence)
    if _BOTH.search(evidence):
        values.append(2.0)  # "ambos países" are "the two countries"
    for _, _, quantity in find_quantities(content):
        for value in (quantity.value, quantity.low, quantity.high):
            if value is not None and not any(abs(value - v) <= _TOLERANCE * max(abs(v), 1.0) for v in values):
                return quantity.text
    return ""


def _sentences_of(name: re.Match[str], content: str) -> list[tuple[str, bool]]:
    """The capitalised run cut where a sentence ends ("… of Ukraine. The …"; a full stop after a
    word of two letters or more), each part with whether it opens a sentence."""
    parts = re.split(r"(?<=\w\w)\.\s+", name.group(0))
    opens_first = not content[: name.start()].strip() or content[: name.start()].rstrip().endswith((".", "!", "?"))
    return [(part, opens_first or n > 0) for n, part in enumerate(parts)]


def _institution_given(name: str, evidence: str, named: Named, cues: Cues) -> bool:
    """Whether the evidence names the institution in its own words: "Security Council" for
    "Consejo de Seguridad", "US Treasury" for "Tesoro estadounidense". Every word of the name
    is in the evidence as written, as its Spanish word ([translations]), or names an actor the
    evidence names; at least one comes from the word list."""
    words = set(re.findall(r"\w+", name_key(evidence)))
    translated = False
    for word in (w for w in re.findall(r"[\w’'-]+", name) if w.lower() not in ("of", "the", "and", "for")):
        forms = [name_key(f) for f, english in cues.translations.items() if english == word]
        if any(all(part in words for part in form.split()) for form in forms):
            translated = True
        elif name_key(word) not in words and not named(word):
            return False
    return translated


def _initials_given(name: str, evidence: str) -> bool:
    """Whether `name` is written in initials of capitalised words the evidence has in a row:
    "N. U." for "Naciones Unidas", "O.I.E.A." for "Organismo Internacional de Energía Atómica"."""
    letters = re.sub(r"[\s.]", "", name)
    if not (2 <= len(letters) <= 6 and letters.isupper() and re.fullmatch(r"(?:[A-Z]\.?\s?)+", name)):
        return False
    words = [w for w in re.findall(r"[^\W\d_]+", evidence) if w.lower() not in ("de", "del", "la", "las", "los", "of", "the", "and", "y")]
    initials = "".join(w[0] if w[0].isupper() else " " for w in words)
    return any(letters in run for run in initials.split())


def _region_given(name: str, evidence: str, cues: Cues) -> bool:
    """Whether the evidence names the region under any of its forms: "Middle East" for "Oriente Medio"."""
    folded = name_key(evidence)
    # the name may be one of the region's English forms ("Caspian Sea" for "del Caspio")
    region = cues.regions.get(name.lower(), name).lower()
    forms = [name_key(form) for form, english in cues.regions.items() if (e := english.lower()) == region or f"{e} ".startswith(f"{region} ") or f"{region} ".startswith(f"{e} ")]
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", folded) for form in forms)


def _month_given(name: str, evidence: str) -> bool:
    """Whether the evidence has the month or weekday under another of its names: "August" for
    "agosto", "Friday" for "viernes"."""
    forms = next((names for names in (*calendar().months, *calendar().weekdays) if name in names), ())
    words = set(re.findall(r"\w+", name_key(evidence)))
    return any(name_key(f) in words for f in forms)


def _adjective_of_named(name: str, evidence: str, named: Named, gazetteer: Gazetteer) -> bool:
    """Whether `name` ends in the adjective of a country the evidence names, or whose own adjective it has ("rusos")."""
    country = _country_of_adjective(name, gazetteer)
    if not country:
        return False
    if named(country):
        return True
    folded = name_key(name.split()[-1].removesuffix("s")).translate(_SPELLINGS)
    words = [w.translate(_SPELLINGS) for w in re.findall(r"\w+", name_key(evidence))]
    return any(w.startswith(folded[:3]) or folded[:4] in w for w in words if len(w) >= 3)


def _country_of_adjective(name: str, gazetteer: Gazetteer) -> str:
    """The country whose adjective `name` ends in ("Russian": Russia, "North Koreans"), or ''."""
    last = name.split()[-1].removesuffix("s")  # "Russians"
    head = " ".join(name.split()[:-1])
    for ending in _DEMONYM_ENDINGS:
        stem = last[: -len(ending)] if last.endswith(ending) else ""
        country = f"{head} {stem}".strip()
        known = [c for c in (country, country + "a", country + "e") if gazetteer.country_code(c) or iso_country(c)]
        if stem and known:
            return known[0]
    return ""


def _demonym_given(name: str, evidence: str, named: Named, cues: Cues) -> bool:
    """Whether the evidence has the country's adjective, for a country or its adjective: "Israel"
    for "operaciones israelíes", "German" for "el ministro alemán" (or for "Alemania")."""
    country = cues.demonym_state(name.lower()) or name
    words = set(re.findall(r"\w+", evidence.lower()))
    return any(f in words for f in cues.demonyms.get(country, ())) or (country != name and named(country))


def _described(name: str, evidence: str, cues: Cues) -> bool:
    """Whether `name` is an adjective of the speakers' word list whose own word the evidence
    has, in any form ("Western" and "Occidente", "British" and "británicos")."""
    forms = [f for f, english in cues.described_adjectives.items() if english.lower() == name.lower()]
    words = re.findall(r"\w+", name_key(evidence))
    return any(w.startswith(name_key(f)[:5]) for f in forms for w in words)


def _in_english(content: str, gazetteer: Gazetteer) -> str:
    """The content with the names the gazetteer knows in English: "Irán" is Iran, "Casa Blanca"
    the White House, and a capital standing for its state ("Moscú", "Tehran") is the state, as
    in the dataset's propositions."""

    def english(m: re.Match[str]) -> str:
        written = m.group(0)
        possessive = re.search(r"['’]s$", written)
        written, suffix = (written[: possessive.start()], possessive.group(0)) if possessive else (written, "")
        known = gazetteer.actor_for(written) or gazetteer.actor_for(written.rstrip("."))  # "U.S.", "Rusia."
        iso = iso_country(written.rstrip("."))
        name = known.name if known is not None else iso[1] if iso is not None else ""
        # A part of the English name is English already: "Putin" stays "Putin".
        if not name or set(written.split()) <= set(name.split()):
            return m.group(0)
        article = re.match(r"(?:The|the)\s+", written)
        if article and not name.lower().startswith("the "):
            name = article.group(0) + name  # "The White House released" keeps its article
        # A full stop after the name ends the sentence when nothing follows it; "Irán's" is "Iran's".
        return name + suffix + ("." if written.endswith(".") and not m.string[m.end() :].strip() else "")

    return _NAME.sub(english, content)


def _proposition(content: str) -> bool:
    """Whether the content can say something of someone: a word or two ("condemned", "not since")
    is a fragment of the sentence, not what it states."""
    return len(re.findall(r"\w+", content)) >= _PROPOSITION_WORDS


def _without_frame(content: str, cues: Cues) -> str:
    """The proposition without the speaker's frame the model may write before it: "Pezeshkian
    added that his country's positions are similar" says "His country's positions are similar"."""
    m = _frame(_reporting_words(cues)).match(content)
    if m is None:
        return content
    rest = content[m.end() :]
    return rest[:1].upper() + rest[1:]


def _one_of_two(content: str, before_verb: str, cues: Cues) -> str:
    """The one proposition of a sentence that reports two ("…, although the minister stated that
    …", "…, warning that …"): the part after the second report's "that" where the claim's own
    verb is the sentence's second (a reporting verb stands in `before_verb`, the sentence up to
    it), else the part before the second report. The content itself where it reports one."""
    inner = _inner_report(_reporting_words(cues)).search(content)
    if inner is None:
        return content
    if _any_reporting(_reporting_words(cues)).search(before_verb):
        rest = content[inner.end() :].lstrip()
        return rest[:1].upper() + rest[1:]
    return content[: inner.start()].rstrip(" ,;") + "."


def _reports(content: str, cues: Cues) -> bool:
    """Whether the sentence still reports another statement inside it: it tells the whole
    sentence, not the one proposition its claim makes."""
    return _inner_report(_reporting_words(cues)).search(content) is not None


def _reporting_words(cues: Cues) -> tuple[str, ...]:
    return tuple(v for vs in cues.reporting.values() for v in vs)


@lru_cache(maxsize=8)
def _inner_report(verbs: tuple[str, ...]) -> re.Pattern[str]:
    english = "|".join(re.escape(v) for v in sorted({v for v in verbs if v.isascii()}, key=len, reverse=True))
    return re.compile(rf"(?:,|\b(?:despite|while|although|whereas)\b)[^.;]*?\b(?:{english})\s+that\b")


@lru_cache(maxsize=8)
def _any_reporting(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """A reporting verb in either language, before what it reports ("sostuvo que", "stating that")."""
    alternatives = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    return re.compile(rf"(?i)\b(?:{alternatives})\b")


# English reporting verbs that take no object, so that a name right after one opens what it
# reports ("said Norway …"); after "told", "warned" or "assured" a name is who was told.
_THATLESS = ("said", "says", "stated", "added", "believes", "believe", "believed", "thinks", "think", "thought", "claimed", "claims", "noted", "insisted", "argued", "estimated", "estimates")


# Words that open what a verb with no object reports, as a name does: "Lars Berg said his rifles …".
_OPENERS = r"(?:his|her|its|their|the)\s"


@lru_cache(maxsize=8)
def _frame(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """A name, or a role with the name in apposition, and a reporting verb before "that", "of" or
    a name: "Lars Berg added that ", "Lars Berg warned of ", "the minister of Defence, Lars Berg,
    has said that "."""
    alternatives = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    name = r"(?:[A-Z][\w’'.-]*\s+){1,4}"
    role_then_name = r"(?:[\w’'.-]+\s+){0,6}?[\w’'.-]+,\s+(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+"
    # "that" may go unwritten before a name or a determiner after a verb that takes no object:
    # "Lars Berg said Norway …", not "Lars Berg told Reuters …".
    bare = "|".join(_THATLESS)
    # Who was told may stand before "that": "Lars Berg told Reuters that …".
    told = r"(?:[A-Z][\w’'.-]*\s+){0,3}"
    return re.compile(rf"(?:{name}|{role_then_name})(?:(?:has|have|had)\s+)?(?:(?:{alternatives})\s+(?:{told}that|of)\s+(?=\w)|(?:{bare})\s+(?=[A-Z]|{_OPENERS}))")


def english_content(
    model_content: str, clause: str, evidence: str, named: Named, cues: Cues, gazetteer: Gazetteer, before_verb: str = "", asides: bool = False,
    points_back: bool = False,
) -> tuple[str, str]:
    """The content to keep: the model's English sentence if the evidence bears it out, else the clause.

    `before_verb` is the evidence up to the claim's reporting verb. With `asides` (the evidence
    is the clause alone), a relative clause that adds what the evidence does not say may go. With
    `points_back` (the claim denies "esa versión"), a sentence that still only points back is
    no proposition: what was said must be written out. The
    second part is what kept the model's sentence out, in words the model can be told ("" when
    it was kept).
    """
    # "U. S." is "U.S.".
    said = re.sub(r"\b([A-Z])\. (?=[A-Z]\.)", r"\1.", " ".join(model_content.split()))
    said = _one_of_two(_without_frame(_in_english(_ATTRIBUTED.sub(".", said), gazetteer), cues), before_verb, cues)
    fault = _fault(said, evidence, named, cues, gazetteer)
    if not fault and points_back and pointing_back(cues.referring).search(said):
        fault = "That repeats the words that point back; say what was said before."
    if fault and asides:
        # What a non-restrictive relative clause adds to a clause's translation ("…, which is based
        # in Tehran.") the model took from elsewhere in the article; without it, the translation
        # names only what the clause names, so it says what the clause says. Checked against a
        # whole sentence, the aside may be the claim's own proposition and the rest another's.
        kept = next((s for s in _without_asides(said) if not _fault(s, evidence, named, cues, gazetteer)), "")
        if kept:
            return kept, ""
    return (clause, fault) if fault else (said, "")


# Who says it, closing the proposition ("… to Venezuela according to German officials."): the
# claim's speaker, not what is said.
_ATTRIBUTED = re.compile(r",?\s+(?:according to|as reported by)\s+[^,.;]+\.?$")
# A relative clause set off by a comma, with no comma inside it (where it ends is then certain):
# to the sentence's end, or to a comma before a word in lower case (the sentence's verb).
_ASIDE = re.compile(r",\s+(?:which|who|whom|whose|where)\b[^,.;]*(?:,\s+(?=[a-z])|(?=[.;]?$))")


def _without_asides(said: str) -> list[str]:
    """The sentence without each of its non-restrictive relative clauses, the last one first."""
    cut = [" ".join(f"{said[: m.start()]} {said[m.end() :]}".split()) for m in _ASIDE.finditer(said)]
    return [re.sub(r" (?=[.;]|$)", "", s) for s in reversed(cut)]


def _fault(said: str, evidence: str, named: Named, cues: Cues, gazetteer: Gazetteer) -> str:
    if not _proposition(said):
        return "That is not a sentence."
    if spanish_words(_without_names(said)):
        return "That is not English."
    if _THE_TEXT.search(said) and not _TEXT_WORDS.search(evidence):
        return "That speaks of the article instead of saying what it says."
    if _reports(said, cues):
        return "That reports two statements; give the one the reporting words introduce."
    if missing := unsupported(said, evidence, named, cues, gazetteer):
        return f"It does not say «{missing}»."
    return ""


def _without_names(said: str) -> str:
    """The sentence without the names inside it, whose words may be Spanish ("the port of La
    Guaira", "Puerto de la Cruz"); a name that opens it stays, as a Spanish sentence opens so."""
    return _NAME.sub(lambda m: m.group(0) if m.start() == 0 else "", said)


# What a transfer of each status says, in English: the supplier first, the recipient after "to".
_TRANSFER_VERBS = {
    "delivered": "supplied", "alleged": "supplied", "denied": "supplied", "agreed": "agreed to supply",
    "planned": "plans to supply", "used": "supplied",
}  # fmt: skip
# Materiel English leaves uncounted as it is.
_UNCOUNTED = ("ammunition", "equipment", "artillery", "materiel", "troops", "technology", "s")


def untranslated(claim: Claim) -> bool:
    """Whether a claim's content is still the article's clause in a language other than English."""
    return claim.content_from == "clause" and bool(claim.clause) and not is_english(claim.clause)


def transfer_contents(claims: list[Claim], weapons: list[Weapon], cues: Cues) -> list[Claim]:
    """Claims left with their Spanish clause, in English where the clause states a transfer (a
    transfer word and the materiel's words) that a weapon item of the sentence holds with both
    parties: "Noruega ha vendido fragatas a Chile" is "Norway supplied frigates to
    Chile." (what is denied, for a denial)."""
    transfer = word_pattern(cues.transfer, normalise)
    return [
        _transfer_content(c, weapons) if untranslated(c) and transfer and transfer.search(normalise(c.clause)) else c
        for c in claims
    ]


def _transfer_content(claim: Claim, weapons: list[Weapon]) -> Claim:
    clause = normalise(claim.clause)
    for weapon in weapons:
        said = [part for part in weapon.description.split("; ") if part and normalise(part) in clause]
        materiel = weapon.designation or (materiel_english(said[0]) if said else None)
        if weapon.category != "other":
            materiel = materiel or category_english(weapon.category)
        if said and materiel and weapon.supplier and weapon.recipient and any(e.start == claim.evidence.start for e in weapon.stated_in):
            plural = materiel if materiel.endswith(_UNCOUNTED) or weapon.designation else f"{materiel}s"
            if weapon.status == "requested":
                content = f"{weapon.recipient} asked {weapon.supplier} for {plural}."
            elif weapon.status == "produced":
                content = f"{weapon.supplier} produced {plural} for {weapon.recipient}."
            else:
                content = f"{weapon.supplier} {_TRANSFER_VERBS[weapon.status]} {plural} to {weapon.recipient}."
            return claim.model_copy(update={"content": content, "content_from": "transfer"})
    return claim

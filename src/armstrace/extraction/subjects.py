"""Where the subject of a reporting verb stands, and the words that hold none.

Each function reads one frame of news prose (speakers.py decides which applies): the subject
before the verb, past an apposition, with the names it is coordinated with; the one right
after it, or after "según"/"according to", or a name closing the sentence after a description
("declaró la alta representante …, X"); a role word and the person the article introduced with
it; the subject of "como había denunciado …"; whose fear a stance word names. The last
functions say when the words before a verb name no one ("Además,", an aside, "He"). Sources an
attribution or an outlet names are in sources.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.dates import story_start
from ..text.fold import normalise
from ..text.language import is_english
from .counted_groups import COUNTED_GROUP, GROUP_AS_WELL_AS
from .frames import AND, CITED_BY, DETERMINER, DETERMINERS, POSSESSIVES, Frames, any_of, cited_by, in_brackets, in_opening_phrase, words_of
from .relatives import about_the_subject
from .roles import holder_of
from .spans import Candidate, Span

MAX_WORDS_BETWEEN = 5
_MAX_WORDS_AFTER = 8  # of time or place after a subject that follows its verb


# What an outlet is called before its name: "la agencia rusa Interfax", "the newspaper Le Monde".
OUTLET_NOUNS = (
    r"agencia|diario|periódico|cadena|radio|televisión|emisora|canal|revista|semanario"
    r"|agency|newspaper|broadcaster|magazine|weekly|daily|channel|outlet|television"
)


def _complement(text_before: str, frames: Frames, english: bool) -> bool:
    """A name right after a complement word ("el ministro de Rusia"), or after a title that is
    one ("el hermano del ministro noruego Lars Berg") or an outlet's noun ("named in a report by
    the newspaper Le Monde"), is not a verb's subject. `english`: the sentence is English, which
    the few words before the name may not show."""
    outlet = re.search(rf"(?i)(?<!\w)(\w+)\s+(?:(?:el|la|los|las|the|su|its)\s+)?(?:{OUTLET_NOUNS})(?:\s+(?-i:[a-záéíóúñ]+))?\s*$", text_before)
    if outlet is not None and outlet.group(1).lower() in frames.complements:
        return True
    words = words_of(text_before)[-2:]
    # "a" is an article in English ("…, a senior official said") and "to" in Spanish ("a Rusia").
    articles = {"el", "la", "los", "las", "the", "su", "sus", "its", "their", *(("a", "an") if english else ())}
    if words and words[-1].lower() in articles:
        words = words[:-1]
    if bool(words) and words[-1].lower() in frames.complements:
        return True
    clause = [w.lower() for w in words_of(re.split(r"[,;:.()]", text_before)[-1])[-4:]]
    titled = [i for i, w in enumerate(clause) if w in frames.roles and all(x not in frames.roles for x in clause[i + 1 :])]
    if not titled or titled[0] == 0:
        return False
    of = [w for w in clause[: titled[0]] if w not in DETERMINERS]
    return bool(of) and of[-1] in frames.complements


def apposition_end(between: str) -> int:
    """Where an apposition that opens `between` (", el portavoz del Kremlin,") ends, or 0."""
    if not between.lstrip().startswith(","):
        return 0
    closing = between.find(",", between.index(",") + 1)
    return closing + 1 if closing >= 0 else 0


def _close_enough(between: str, frames: Frames) -> bool:
    """Only an apposition and a few words stand between a subject and its verb."""
    rest = between[apposition_end(between) :]
    rest = rest.rstrip().rstrip("«“\"")  # "Kim Jong Un, “subrayó …": the quotation opens at the verb
    rest = rest[:-1] if rest.endswith(":") else rest  # "X se mostró prudente: dijo que …"
    # A relative or subordinate clause between them makes the verb another subject's.
    relative = frames.subordinate.search(rest)
    if about_the_subject(rest, 2 * MAX_WORDS_BETWEEN):
        return True
    return len(words_of(rest)) <= MAX_WORDS_BETWEEN and not relative and not re.search(r"[;:«»“”\"]", rest)


def _with_partner(name: Span, names: Sequence[Span], article: str, region: Span, frames: Frames, english: bool) -> Span:
    """"Rusia y Corea del Norte": a subject coordinated with the name before it is both, and
    "Norway, Chile and Peru" all three; "Norway and some 40 countries" both, and
    "10 countries, including …, as well as the EU" the ten and the EU."""
    if (group := COUNTED_GROUP.match(article, name.end, region.end)) is not None and not article[group.end() : region.end].strip(" ,"):
        return Span(name.start, group.end(), article[name.start : group.end()])
    for other in names:
        # "Tanto Moscú como Teherán": both.
        if other.end < name.start and re.fullmatch(r"\s+como\s+", article[other.end : name.start]) and re.search(r"(?i)\btanto\s+$", article[: other.start]):
            return Span(other.start, name.end, f"{other.text} y {name.text}")
        if other.end < name.start and re.fullmatch(rf"{AND}(?:(?:el|la|los|las|the)\s+)?", article[other.end : name.start]):  # "Estados Unidos y el Reino Unido"
            if _complement(article[region.start : other.start], frames, english):
                return name  # "entre Teherán y Moscú" is a complement
            # "el ferrocarril Rasht-Astara y Kiev advierte": the name of a thing a noun before it calls is no partner
            called = re.search(r"(?i)\b(?:el|la|los|las|the)\s+([a-záéíóúñ]+)\s+$", article[region.start : other.start])
            if called is not None and called.group(1).islower() and called.group(1) not in frames.roles and not frames.nouns.fullmatch(called.group(1)):
                return name
            first = other
            while (listed := next((n for n in names if n.end < first.start and re.fullmatch(r"\s*,\s*", article[n.end : first.start])), None)) is not None:
                first = listed
            return Span(first.start, name.end, article[first.start : name.end])
    return name


# An acronym in brackets right after a name is that name's: "La Dirección de Pesca (DP) afirmó".
_GLOSS = re.compile(r"\((?:[A-Z][\w.-]{1,9})\)")


def _past(name: Span, end: int, names: Sequence[Span], article: str) -> str:
    """The words from a name to its verb at `end`, past an acronym glossing the name, each name
    among them one word ("(DP) del Ministerio de Pesca de Noruega": "del Ministerio")."""
    start = name.end
    gloss = re.compile(r"\s*").match(article, start)
    if gloss is not None and _GLOSS.match(article, gloss.end()):
        start = _GLOSS.match(article, gloss.end()).end()  # type: ignore[union-attr]
    parts, at = [], start
    for n in names:
        if start <= n.start and n.end <= end:
            parts += [article[at : n.start], n.text.split()[0]]
            at = n.end
    return "".join([*parts, article[at:end]])


def _role_in(opening: str, frames: Frames) -> bool:
    """Whether the words a clause opens with before its first name are a role and its complement."""
    return re.match(rf"(?i)\s*(?:{DETERMINER}\s+)?(?:[^\W\d_]+\s+)?(?:{any_of(frames.roles)})\s+(?:de|del|of)\b", opening) is not None


# "el departamento que dirige Irakli Chikovani aseguró": the name after a relative's verb is
# that verb's subject, not the clause's.
_RELATIVE_SUBJECT = re.compile(r"(?i)\b(?:que|quien|quienes|who|which)\s+(?-i:[a-záéíóúñ]+)\s+(?:(?:el|la|los|las|su|sus|the|its|his|her|their)\s+)?$")


_NAMED_AS = re.compile(rf"\s*,\s*(?:{DETERMINER}\s+)?", re.I)


def subject_before(
    candidate: Candidate, region: Span, names: Sequence[Span], article: str, apposed: bool, frames: Frames
) -> Span | None:
    """The subject before the verb: the nearest name in the clause that is not a complement.

    `apposed`: the verb follows a comma, so its subject, if before it, ends in an apposition
    ("Rusia y Corea del Norte, que …, manifestaron"); otherwise the comma closes what the verb reports.
    """
    english = is_english(candidate.sentence.text)
    # A wire story's lead ("SEÚL, 17 de mayo (El Observador) — ") names a place, not a subject.
    start = max(region.start, candidate.sentence.start + story_start(candidate.sentence.text))
    heads = [n for n in names if start <= n.start and n.end <= candidate.span.start
             and not _complement(article[region.start : n.start], frames, english) and not _GLOSS.fullmatch(article, n.start - 1, n.end + 1)
             and not in_brackets(n, candidate.span.start, article) and not in_opening_phrase(n, candidate.sentence, candidate.span.start, article)
             and not cited_by(n, region, article) and not _RELATIVE_SUBJECT.search(article, region.start, n.start)]  # fmt: skip
    # "10 countries, including …, as well as the EU, issued …": the ten and the EU.
    for name in heads:
        listed = GROUP_AS_WELL_AS.search(article, region.start, name.start)
        if listed is not None and not article[name.end : candidate.span.start].strip(" ,"):
            return Span(listed.start(), name.end, f"{listed.group(1)} and {name.text}")
    # The clause's first name with an apposition up to the verb ("Kim Yo Jong, sister of leader
    # Kim Jong Un, denied"), else the nearest one.
    for name in [*heads, *reversed(heads)]:
        # "Russia's defence ministry, in a statement, called": the body noun after the name is the name's.
        tail = frames.body.match(article, name.end, candidate.span.start)
        named = name if tail is None else Span(name.start, tail.end(), article[name.start : tail.end()])
        raw = article[named.end : candidate.span.start]
        between = _past(named, candidate.span.start, names, article)
        appositive = between.lstrip().startswith(",")
        nearest = name is heads[-1]
        if not (nearest or appositive):
            continue
        if not nearest and any(n.start >= named.end + apposition_end(raw) for n in heads):
            continue  # "Lima, 3 mar.- El portavoz …, Lars Berg, negó": a nearer subject follows
        # "The Financial Times, citing intelligence sources, said": the sources speak, not the outlet.
        citing = frames.citing.search(between) is not None and not CITED_BY.search(normalise(between))  # "X, citado por NTB, afirmó"
        if _close_enough(between, frames) and (not apposed or appositive) and not citing:
            # "Ukraine's military intelligence agency, the HUR, said": the name a description is given;
            # "El portavoz de la agrupación Sur, Lars Berg, explicó": the person a role's complement names.
            described = name.text[:1].islower() or _role_in(article[start : name.start], frames)
            given = next((n for n in heads if described and n.text[:1].isupper() and _NAMED_AS.fullmatch(article, name.end, n.start)), None)
            if given is not None and re.match(r"\s*,", article[given.end : candidate.span.start]):
                return given
            return _with_partner(name, names, article, region, frames, english)
        if nearest:
            return None
    return None


# Whom a statement was made to, or in what, between the verb and its subject: "dijo a la prensa
# el ministro", "dijeron en un comunicado los diplomáticos".
_AUDIENCE = (
    # "dijo a Reuters el ministro", "aseguró a la agencia rusa NTB el portavoz", "declaró en la
    # televisión pública TVP el ministro": a name told or spoken on, then the subject or the sentence's end
    # (first: the outlet's noun alone below would leave its name for the subject).
    # "contó a EFE Valentina Moroz": an agency's acronym, then the subject's name
    r"(?:(?:a|al|to)\s+(?-i:[A-Z]{2,})(?=(?:\s+(?-i:[A-ZÁÉÍÓÚ][a-záéíóúñ-]+)){2,3}(?:\s*,|[\s.»”\"]*$))"
    rf"|(?:a|al|to|en|on)\s+(?:(?:la|el|the)\s+)?(?:(?:{OUTLET_NOUNS})(?:\s+(?-i:[a-záéíóúñ]+))?\s+)?(?-i:[A-Z][\w.-]*)(?:\s+(?-i:[A-Z][\w.-]*)){{0,2}}(?=\s*,?\s*(?:el|la|los|las|un|una|unos|unas|the|an?)\s|[\s.»”\"]*$|\s*,|\s+(?:que|that)\s)"
    r"|(?:a|al|ante|to)\s+(?:(?:los|las|la|the|esta|este|this)\s+)?(?:medios|periodistas|prensa|reporters|journalists|press|media|emisora|cadena|diario|periódico|radio|agencia|newspaper|broadcaster|agency)"
    r"|(?:en|in|at)\s+(?:un|una|a|an|su|sus|la|el|its|his|her|their)\s+(?:comunicado|declaración|nota|statement|communiqué"
    r"|comparecencia|(?:rueda|conferencia)\s+de\s+prensa|(?:press|news)\s+conference|briefing"
    # an interview, and the outlet it was given to: "en una entrevista con la cadena Al Jazeera"
    rf"|(?:entrevista|interview)(?:\s+(?:con|with)\s+(?:(?:la|el|the)\s+)?(?:(?:{OUTLET_NOUNS})\s+)?(?-i:[A-Z][\w.-]*)(?:\s+(?-i:[A-Z][\w.-]*)){{0,2}})?)"
    r"|(?:en|at)\s+(?:rueda|conferencia)\s+de\s+prensa"
    # how it was said: "contó por teléfono a EFE", "said by phone"
    r"|(?:por|by)\s+(?:teléfono|telephone|phone))"
    r"(?:\s+(?!(?:el|la|los|las|the|que|that|si|if|a|al|ante|en|con|to|before|in|at|on|with)\b|(?-i:[A-ZÁÉÍÓÚ]))[^\W\d_]+)?"
)


def told_to(candidate: Candidate, article: str) -> bool:
    """"Según dijo a la agencia X, …": whom the verb was told to, in a few words, is all that stands before what it says."""
    return (told := re.match(r"(?i)\s+(?:a|al|ante|to)\s+([^,;:«»“”\"]{1,40}),", article[candidate.span.end : candidate.sentence.end])) is not None and not set(told.group(1).lower().split()[1:]) & set(DETERMINERS)


_COUNT = r"(?:two|three|four|five|several|dos|tres|cuatro|cinco|varios|varias|\d+)"


def _after_verb(candidate: Candidate, article: str, frames: Frames) -> tuple[int, int]:
    """Where the words after the verb open, past time, audience and a determiner: with the
    determiner and without it."""
    follows = article[candidate.span.end : candidate.sentence.end]
    # Two may follow each other: "declaró en una comparecencia ante la prensa el jefe …".
    gap = re.match(rf"\s*,?\s*(?:{frames.time}\s*,?\s*)?(?:{_AUDIENCE}\s*,?\s*){{0,2}}", follows, re.I)
    opening = candidate.span.end + (gap.end() if gap else 0)
    # English "a" only after "according to": after a Spanish verb "a" is "to" ("dijo a Rusia").
    words = (*DETERMINERS, "a") if normalise(candidate.span.text) in frames.attribution else (*DETERMINERS, *POSSESSIVES)
    # "according to two officials familiar with the matter": a count stands before the group too.
    determiner = re.match(rf"(?:(?:{'|'.join(words)})\s+)?(?:{_COUNT}\s+)?", article[opening : candidate.sentence.end], re.I)
    return opening, opening + (determiner.end() if determiner else 0)


def role_after(candidate: Candidate, article: str, frames: Frames) -> re.Match[str] | None:
    """A role word right after the verb ("dijo el diputado"), its complement and a comma after it."""
    at = _after_verb(candidate, article, frames)[1]
    return re.compile(rf"({any_of(frames.roles)})\b([^.;:,«»“”\"]{{0,60}})(,\s*)?", re.I).match(article, at, candidate.sentence.end)


# Where or to whom something was said, after a role: "el presidente ruso ante la Duma".
_SAID_WHERE = re.compile(r"(?i)\s(?:ante|en|a|al|desde|durante|tras|before|in|at|to|on|from|during|after)\s")


def role_qualifier(role: re.Match[str]) -> str:
    """The words that qualify a role found by `role_after`, up to where or to whom it was said:
    "ruso" of "el presidente ruso ante la Duma"."""
    return _SAID_WHERE.split(role.group(2))[0]


def subject_after(
    candidate: Candidate, names: Sequence[Span], article: str, frames: Frames, last: bool = False, holders: Sequence[Span] = ()
) -> Span | None:
    """The subject right after the verb: "dijo John Kirby", "dijo el ministro de Exteriores, Serguéi Lavrov",
    or a role alone, "añadió el presidente iraní", whose holder the article named before among
    `holders` (else among `names`). `last`: the subject must end the clause, as after a
    statement it follows ("…, dijo Berg.")."""
    if normalise(candidate.span.text) in ("told", "tells", "tell"):
        return None  # "…, a source told Reuters": who is told follows, the subject stands before
    opening, at = _after_verb(candidate, article, frames)
    # A name may open with the determiner: "Según The New York Times".
    if (name := next((n for n in names if n.start in (at, opening)), None)) is not None:
        # "declaró el responsable de prensa de la administración regional, Pavel Sokolov": the
        # person a described role's complement is apposed to.
        role = role_after(candidate, article, frames) if name.text[:1].islower() else None
        apposed = next((n for n in names if n.start == role.end() and n.text[:1].isupper()), None) if role is not None and role.group(3) else None
        name = apposed or name
        # After a statement the subject ends its clause, but for a few words of time or place
        # ("…, dijo la presidencia el 19 de julio, …"); a "que" after it opens another statement.
        rest = re.match(r"[^,.;:()«»“”\"]*", article[name.end : candidate.sentence.end])
        tail = rest.group(0) if rest else ""
        if not last or (len(words_of(tail)) <= _MAX_WORDS_AFTER and not frames.subordinate.search(tail)):
            return name
        return None
    role = role_after(candidate, article, frames)
    if role is None:
        return _closing_holder(candidate, opening, names, article) or _titled_name(at, names, article)
    apposed = next((n for n in names if n.start == role.end()), None) if role.group(3) else None
    # After "según" the role's comma may close the source: "Según el diplomático, Teherán está …"
    # opens the statement; "Según el portavoz, Lars Berg, …" names the spokesman.
    if apposed is not None and (normalise(candidate.span.text) not in frames.attribution or re.match(r"\s*,", article[apposed.end :])):
        return apposed
    # "el ministro noruego Lars Berg": the title's holder named inside its words (a name, not a
    # description: "el presidente ruso ante la prensa" names no one).
    named = next((n for n in names if role.start(2) <= n.start < role.end(2) and n.text[:1].isupper()), None)
    if named is not None and not re.search(r"(?i)\b(?:de|del|of|que|that)\b", article[role.start(2) : named.start]):
        return named
    # "el viceministro de Exteriores Kazem Gharibabadi": a person's name right after the portfolio.
    if named is not None and len(named.text.split()) > 1 and _PORTFOLIO.fullmatch(article[role.start(2) : named.start]):
        return named
    qualifier = role_qualifier(role)
    if len(words_of(qualifier)) <= 2:
        return holder_of(Span(role.start(1), role.end(1), role.group(1)), holders or names, article, frames, qualifier)
    return None


_PORTFOLIO = re.compile(r"\s*(?:de|del|of)\s+(?:[A-ZÁÉÍÓÚ][\w-]*\s+){1,3}")


# One or two lowercase words before a person's name: "el investigador", "analyst", "la experta".
_TITLE_WORDS = re.compile(r"(?:(?:el|la|the)\s+)?(?!(?:that|what|which|when|where|whether|como|cuando|donde|porque)\b)[a-záéíóúñ]{4,}(?:\s+[a-záéíóúñ]{4,})?\s+")


def _titled_name(at: int, names: Sequence[Span], article: str) -> Span | None:
    """"recuerda el investigador Hamidreza Azizi", "said analyst Jenny Town": a person's name
    (two capitalised words or more) after a word that describes them."""
    title = _TITLE_WORDS.match(article, at)
    name = next((n for n in names if title is not None and n.start == title.end()), None)
    return name if name is not None and len(name.text.split()) > 1 and all(w[:1].isupper() for w in name.text.split()) else None


# A description after the verb, up to the comma before its holder's name: "la alta
# representante de la UE para Política Exterior, ".
_DESCRIBED_HOLDER = re.compile(rf"(?:{DETERMINER}|uno de los|una de las|one of the)\s+[a-záéíóúñ][^,;:«»“”\"()]{{0,80}},\s*", re.I)


# What may follow the name for it to close the sentence: the end, or a phrase of when or where
# (", a su llegada a la reunión", ", on arrival in Brussels").
_CLOSING = re.compile(r"[\s.»”\"’']*|\s*,\s*(?:a|al|en|durante|tras|desde|ante|at|in|on|after|during|from)\s[^«»“”\"]*", re.I)


def _closing_holder(candidate: Candidate, at: int, names: Sequence[Span], article: str) -> Span | None:
    """"…», declaró la alta representante de la UE, Kaja Kallas.": a person's name closing the
    sentence after a description that follows the verb is the subject, whatever the description's
    words (a title no list holds)."""
    described = _DESCRIBED_HOLDER.match(article, at, candidate.sentence.end)
    if described is None:
        return None
    name = next((n for n in names if n.start == described.end()), None)
    closes = name is not None and _CLOSING.fullmatch(article, name.end, candidate.sentence.end) is not None
    person = name is not None and len(name.text.split()) > 1 and all(w[:1].isupper() for w in name.text.split())
    return name if closes and person else None


def described_person(candidate: Candidate, region: Span, names: Sequence[Span], article: str) -> Span | None:
    """"El hermano del ministro …, criticó": a person the clause describes by a noun and its
    complement, and the article names elsewhere with that noun in apposition ("Erik Berg,
    hermano del ministro …"); None if no name is given that description."""
    before = article[region.start : candidate.span.start]
    m = re.search(rf"(?:^|[,.]\s*)(?:{DETERMINER}\s+)?(?:[^\W\d_]+\s+)?([^\W\d_]+)\s+(?:de|del|of)\s+[^,;:]*$", before, re.I)
    if m is None or not m.group(1).islower():
        return None
    apposed = re.compile(rf"\s*,\s*(?:{DETERMINER}\s+)?(?:[^\W\d_]+\s+)?{re.escape(m.group(1))}\s+(?:de|del|of)\b", re.I)
    return next((n for n in names if not region.start <= n.start < candidate.span.start and apposed.match(article, n.end)), None)


def as_said_subject(candidate: Candidate, names: Sequence[Span], article: str, reach: int = 3) -> Span | None:
    """"… como había advertido el lunes Noruega", "as Reuters reported", "como publicó la semana
    pasada el diario británico X": the subject follows the verb, at most `reach` words of time or
    place or its own description between them, before the clause ends; not one it was told to
    ("según contó él mismo al diario X")."""
    for name in names:
        if name.start >= candidate.span.end:
            between = article[candidate.span.end : name.start]
            told = re.search(r"(?i)\b(?:al|a\s+la|a\s+los|a\s+las|to)\s", between)
            return name if len(words_of(between)) <= reach and not told and not re.search(r"[,.;:]", between) else None
    return None


def experiencer(candidate: Candidate, names: Sequence[Span], article: str) -> Span | None:
    """Whose fear or concern a stance word names: the name right after it with "entre", "de",
    "among" or "of" ("el temor entre las potencias occidentales"); else none."""
    joined = re.match(rf"\s+(?:entre|de|del|among|of)\s+(?:{DETERMINER}\s+)?", article[candidate.span.end : candidate.sentence.end], re.I)
    at = candidate.span.end + joined.end() if joined else -1
    return next((n for n in names if n.start == at), None)


def _aside(segment: str, frames: Frames) -> bool:
    words = words_of(segment)
    return bool(words) and (frames.citing.match(segment.strip()) is not None or words[0].lower().endswith(("ando", "iendo", "ing")))


def in_aside(name: Span, region: Span, article: str, frames: Frames) -> bool:
    """Whether `name` stands in an aside of the region before a verb, "citando fuentes …,"."""
    if not region.start <= name.start < region.end:
        return False
    opening = max(region.start, article.rfind(",", region.start, name.start) + 1)
    return _aside(article[opening : name.start], frames)


def no_subject(before_verb: str, frames: Frames) -> bool:
    """Whether the words before a verb hold no subject: none, connectors ("Además,", "Sin
    embargo,") or an aside opened by a gerund or a citing word ("citando información …,")."""
    for segment in before_verb.split(","):
        words = words_of(segment)
        if not words or normalise(segment.strip()) in frames.connectors:
            continue
        if all(w[:1].upper() + w[1:] in frames.openers for w in words):
            continue
        if _aside(segment, frames):
            continue
        return False
    return True


# Subjects that stand for the last speaker: "He added", "Ella insistió", "It said".
_PERSONAL = frozenset(("he", "she", "it", "él", "ella"))


def pronoun_subject(before_verb: str, frames: Frames) -> bool:
    """Whether the words before a verb are a personal pronoun, perhaps after a connector ("But he said")."""
    words = [w.lower() for w in words_of(before_verb)]
    return bool(words) and words[-1] in _PERSONAL and all(w in frames.connectors or w in {"but", "pero", "and", "y"} for w in words[:-1])


def next_to(first: Span, second: Span, article: str) -> bool:
    return first.end <= second.start and not article[first.end : second.start].strip()

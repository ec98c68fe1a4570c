"""A counted group of states as a speaker: "Both countries have described …", "los dos gobiernos
calificaron …", "según los tres gobiernos, …" are the last so many states the article named
before the verb, joined ("Russia and North Korea") as two speakers' names are; and the counted
groups a named subject is coordinated with ("Norway and some 40 countries"), which subjects.py
reads."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..text.fold import normalise
from .frames import AND, Frames
from .spans import Candidate, Span

_GROUP_NOUNS = "countries|nations|states|governments|allies|países|naciones|estados|gobiernos|aliados"
# "… and some 40 countries": a counted group coordinated with a name, up to the verb.
# "… and three European allies", "y tres aliados europeos": the count in words too, and an adjective.
_COUNT = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)"
COUNTED_GROUP = re.compile(
    rf"{AND}(?:(?:nearly|almost|about|some|more than|over|other|casi|unos|unas|más de|alrededor de|otros|otras)\s+)*{_COUNT}\s+"
    rf"(?:other\s+|otros\s+|otras\s+|[A-Z][a-z]+\s+)?(?:{_GROUP_NOUNS})(?:\s+[a-záéíóúñ]+)?",
    re.I,
)


# "10 countries, including Chile and Peru, as well as the European Union": a counted group, its
# members listed, and one more it is joined with.
GROUP_AS_WELL_AS = re.compile(
    rf"(\d+\s+(?:{_GROUP_NOUNS})),\s+(?:including|incluidos|incluidas|entre ellos|entre ellas)\s[^;:.]*?,\s+"
    r"(?:as well as|así como|además de)\s+$",
    re.I,
)


_COUNTS = {"both": 2, "ambos": 2, "ambas": 2, "two": 2, "dos": 2, "three": 3, "tres": 3, "four": 4, "cuatro": 4}
# An adjective may stand before the noun in English or after it in Spanish: "the three European
# countries", "los tres países europeos".
_GROUP = (
    rf"(?:(?:the|los|las|these|those|estos|esos)\s+)?({'|'.join(_COUNTS)})\s+(?:[A-Z][a-z]+\s+)?"
    r"(?:countries|governments|nations|states|capitals|allies|países|gobiernos|naciones|estados|capitales|aliados)"
    r"(?:\s+(?!han\b|habían\b|también\b)[a-záéíóúñ]+(?:os|as|es))?"
)
# The group right before its verb, perhaps with an auxiliary or an adverb between them; "Both"
# alone opening the sentence ("Both have repeatedly denied …") is the group of two too.
_AUXILIARIES = r"(?:(?:have|has|had|also|jointly|repeatedly|consistently|han|habían|también|reiteradamente)\s+)*$"
_BEFORE_VERB = re.compile(rf"(?i)(?:(?<!\w){_GROUP}|^\s*(both|ambos|ambas))\s+{_AUXILIARIES}")
# The group right after "según" or "according to".
_AFTER_SOURCE = re.compile(rf"(?i)\s+{_GROUP}\b")


def counted_group(candidate: Candidate, names: Sequence[Span], countries: Mapping[str, str], article: str, attributes: bool) -> Span | None:
    """The states a counted group before the verb (or after an attribution) means, as one span
    whose text joins their names; None where no such group is the subject, or fewer states were named.

    `countries`: the article's names of states, folded, to the state's name.
    """
    if attributes:
        group = _AFTER_SOURCE.match(article, candidate.span.end, candidate.sentence.end)
    else:
        # searched in the sentence alone, where "^" is its opening
        group = _BEFORE_VERB.search(article[candidate.sentence.start : candidate.span.start])
    if group is None:
        return None
    wanted = _COUNTS[(group.group(1) or group.group(2)).lower()]
    at = candidate.sentence.start if not attributes else 0
    group_start, group_end = at + group.start(), at + group.end()
    named: list[str] = []
    for name in sorted((n for n in names if n.end <= group_start), key=lambda n: n.start, reverse=True):
        state = countries.get(normalise(name.text))
        if state is not None and state not in named:
            named.append(state)
        if len(named) == wanted:
            states = named[::-1]
            return Span(group_start, group_end, f"{', '.join(states[:-1])} and {states[-1]}")
    return None


# "One of the officials said", "Uno de ellos aseguró", "Another said", "Otro afirmó": one member
# of a group the article described before, standing alone before the verb.
_ONE_OF = re.compile(
    r"(?i)(?:^|[,;:]\s*|\b(?:and|but|y|pero)\s+)(?:one\s+of\s+(?:them|(?:the|those|these)\s+\w+)|another(?:\s+one)?|the\s+other|"
    r"(?:uno|una)\s+de\s+(?:ellos|ellas|(?:los|las|esos|esas|estos|estas)\s+\w+)|(?:el\s+|la\s+)?(?:otro|otra))\s*$"
)


def one_of_group(candidate: Candidate, speakers: Sequence[Span | None], article: str, frames: Frames) -> Span | None:
    """"Two Chilean officials told Reuters …. One of the officials said …": one member of the
    group the last described speaker before (`speakers`, nearest last) is, as one of them is
    described ("Chilean official"); None if the verb's subject is no such member or no group spoke before."""
    # searched in the clause alone: "^" is where the sentence opens
    one = _ONE_OF.search(article[candidate.sentence.start : candidate.span.start])
    group = next((s for s in reversed(speakers) if s is not None and _described_group(s, frames)), None) if one is not None else None
    if one is None or group is None:
        return None
    start = candidate.sentence.start + one.start()
    return Span(start, candidate.sentence.start + one.end(), " ".join(_singular(w, frames) for w in group.text.split()))


def _described_group(speaker: Span, frames: Frames) -> bool:
    described = frames.described.fullmatch(speaker.text)
    return described is not None and any(n.group(0).lower() not in frames.one for n in frames.nouns.finditer(speaker.text))


def _singular(word: str, frames: Frames) -> str:
    """A plural noun or adjective of a description in the singular, where the word lists know the
    singular form ("funcionarios iraníes": funcionario iraní; "officials": official)."""
    forms = [word[:-3] + "y", word[:-2], word[:-1]] if word.lower().endswith("ies") else [word[:-2], word[:-1]]
    return next((f for f in forms if f.lower() in frames.english), word)

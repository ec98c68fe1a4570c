"""Claims' propositions: the arms flow a claim states, a relation it states, or a cluster of contents.

A claim's proposition is an arms flow (supplier -> recipient) when its sentence states one
(`Propositions.flow`), else a relation of data/relations.toml it states about its subject
("Iran violates sanctions", in whatever language; `Propositions.relation`), else its resolved
subject plus a cluster of near-identical contents (`Statements`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..knowledge.cues import Cues
from ..knowledge.relations import Relation, load_relations
from ..text.fold import normalise, word_pattern
from .resolve import Entity, Resolver

# Contents of claims about one subject are one statement at this rapidfuzz token_set_ratio.
STATEMENT_THRESHOLD = 90.0
# token_set_ratio scores 100 when one word set contains the other; below this many words a
# content must match exactly, so that "Russia" does not contain every sentence about Russia.
STATEMENT_MIN_WORDS = 5


def _phrases(terms: Iterable[str]) -> re.Pattern[str]:
    # A list with no words matches nothing rather than everything.
    return word_pattern(terms, normalise) or re.compile(r"(?!)")


def _words_before(marks: Iterable[str], articles: Iterable[str]) -> re.Pattern[str]:
    """A text that ends with one of `marks`, maybe followed by one of `articles`."""
    mark, article = ("|".join(map(re.escape, words)) for words in (marks, articles))
    return re.compile(rf"(?:^|\W)(?:{mark})\s+(?:(?:{article})\s+)?$", re.IGNORECASE)


_NAME_TOKEN = re.compile(r"\w+(?:[.'’\-]\w+)*\.?")
_MAX_NAME_WORDS = 6


class Propositions:
    """Reads an arms flow (supplier -> recipient) out of a claim's words, when it states one.

    A sentence states a flow when it has a transfer word ("suministró", "sending") and a
    weapon word ("armas", "drones", a known system), and names parties the gazetteer knows:
    the recipient is the party right after a word of cues.toml [recipient] ("a", "hacia", "to");
    the supplier is the one other party. Parties are compared as states (the Kremlin counts as
    Russia), and when two parties could supply, the speaker's own state is dropped
    ("the US says North Korea sends arms to Russia").
    """

    def __init__(self, resolver: Resolver, cues: Cues) -> None:
        self.resolver = resolver
        self._transfer = _phrases(cues.transfer)
        self._recipient_mark = _words_before(cues.recipient, cues.articles)
        weapons = [t for terms in cues.weapons.values() for t in terms]
        self._weapons = _phrases([*weapons, *(s for w in resolver.gazetteer.weapons for s in w.surfaces)])
        self._relations = [(r, _phrases(r.verbs), _phrases(r.objects)) for r in load_relations()]
        # Memoised, but bounded: every capitalised run of words of every claim is looked up.
        self._name: Callable[[str], Entity | None] = lru_cache(maxsize=1 << 16)(self._known_name)

    def flow(self, text: str, speaker: Entity | None) -> tuple[Entity, Entity] | None:
        """(supplier state, recipient state) the text states, or None if it states no flow."""
        folded = normalise(text)
        if not (self._transfer.search(folded) and self._weapons.search(folded)):
            return None
        recipients: set[str] = set()
        parties: dict[str, Entity] = {}
        for start, entity in self._parties(text):
            state = self.resolver.state_of(entity)
            parties.setdefault(state.key, state)
            if self._recipient_mark.search(text[:start]):
                recipients.add(state.key)
        if len(recipients) != 1:
            return None
        recipient = parties[next(iter(recipients))]
        suppliers = [p for p in parties.values() if p.key != recipient.key]
        if len(suppliers) > 1 and speaker is not None:
            own = self.resolver.state_of(speaker).key
            suppliers = [p for p in suppliers if p.key != own]
        return (suppliers[0], recipient) if len(suppliers) == 1 else None

    def relation(self, text: str, subject: Entity | None) -> tuple[Relation, Entity, Entity | None] | None:
        """The relation the text states, its subject's state and, for a mutual one, the other party.

        The subject is the claim's (resolved to its state), else the first party the text names.
        """
        folded = normalise(text)
        for relation, verbs, objects in self._relations:
            if not (verbs.search(folded) and objects.search(folded)):
                continue
            named = list({self.resolver.state_of(e).key: self.resolver.state_of(e) for _, e in self._parties(text)}.values())
            first = self.resolver.state_of(subject) if subject is not None else (named[0] if named else None)
            if first is None:
                continue
            if not relation.mutual:
                return relation, first, None
            other = next((p for p in named if p.key != first.key), None)
            if other is not None:
                return relation, first, other
        return None

    def _parties(self, text: str) -> list[tuple[int, Entity]]:
        """Known names in the text, longest first from each capitalised word, in text order."""
        tokens = list(_NAME_TOKEN.finditer(text))
        found: list[tuple[int, Entity]] = []
        i = 0
        while i < len(tokens):
            hit = None
            if tokens[i].group(0)[0].isupper():
                for n in range(min(_MAX_NAME_WORDS, len(tokens) - i), 0, -1):
                    entity = self._name(text[tokens[i].start() : tokens[i + n - 1].end()])
                    if entity is not None:
                        hit = (n, entity)
                        break
            if hit is None:
                i += 1
                continue
            found.append((tokens[i].start(), hit[1]))
            i += hit[0]
        return found

    def _known_name(self, surface: str) -> Entity | None:
        return self.resolver.known(surface.rstrip("."))


class Statements:
    """Clusters of near-identical claim contents under one subject (leader clustering).

    Contents are taken in sorted order; each joins the first cluster whose leader it matches
    at `STATEMENT_THRESHOLD` (rapidfuzz token_set_ratio on folded text), else leads a new one.
    Short contents (fewer than `STATEMENT_MIN_WORDS` words) join only an identical leader.
    """

    def __init__(self) -> None:
        self._leaders: dict[str, list[str]] = {}
        self._cluster: dict[tuple[str, str], str] = {}

    def add(self, subject: str, content: str) -> None:
        """Place one content; call in sorted (subject, content) order for a stable result."""
        folded = normalise(content)
        if (subject, folded) in self._cluster:
            return
        leaders = self._leaders.setdefault(subject, [])
        leader = folded
        if len(folded.split()) >= STATEMENT_MIN_WORDS:
            long_leaders = [lead for lead in leaders if len(lead.split()) >= STATEMENT_MIN_WORDS]
            best = process.extractOne(folded, long_leaders, scorer=fuzz.token_set_ratio, score_cutoff=STATEMENT_THRESHOLD)
            if best is not None:
                leader = best[0]
        if leader == folded and folded not in leaders:
            leaders.append(folded)
        self._cluster[(subject, folded)] = leader

    def leader(self, subject: str, content: str) -> str:
        """The folded content that leads the cluster `content` belongs to."""
        return self._cluster[(subject, normalise(content))]

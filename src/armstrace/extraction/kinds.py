"""A body called by what kind of body it is, once the article has named it: "un portavoz de la
misión" speaks for the embassy named before, "según la compañía" is the company's, "según el
ministerio sirio" the Syrian ministry's (the kinds and their words are cues.toml's
[generic_bodies])."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .frames import Frames, any_of, subject_match
from .spans import Candidate, Span


# "de la misión", "at the centre", "for the company": a body called by its kind after a described person.
_KIND_AFTER = re.compile(r"\s+(de|del|of|for|at)\s+(?:(?:la|el|esa|ese|esta|este|the|that|this)\s+)?([^\W\d_]+)\b", re.I)
# "A ministry official": the kind before the described person.
_KIND_BEFORE = re.compile(r"(?i)\b(?:a|an|the|un|una)\s+([^\W\d_]+)\s+$")


def generic_body(speaker: Span, every_name: Sequence[Span], article: str, frames: Frames) -> Span:
    """"un portavoz de la misión", "Researchers at the centre", "A ministry official": a described
    person of a body the sentence calls only by its kind, with the body of that kind the article
    named last before it ("la embajada rusa en Lima", "the Lowy Institute", "Peru's defence
    ministry", "la empresa Andes Aero")."""
    # the kind's word is after the noun, in the article or already in the span ("funcionario del servicio")
    noun = next((m for m in frames.nouns.finditer(speaker.text) if m.start() == 0), None)
    if noun is None or not (noun.end() == len(speaker.text) or _KIND_AFTER.fullmatch(speaker.text, noun.end())):
        return speaker
    after = _KIND_AFTER.match(article, speaker.start + noun.end())
    if after is not None and frames.adjectives.match(article, after.end() + 1):
        return speaker  # "del ministerio noruego" says whose it is
    kind_word, at = (after.group(2), after.start()) if after is not None else ("", speaker.start)
    if frames.generic_bodies.get(kind_word.lower()) is None:
        before = _KIND_BEFORE.search(article, max(0, speaker.start - 30), speaker.start)
        after, kind_word, at = None, before.group(1) if before is not None else "", before.start(1) if before is not None else speaker.start
    kind = frames.generic_bodies.get(kind_word.lower())
    if kind is None:
        return speaker
    words = any_of([w for w, k in frames.generic_bodies.items() if k == kind])
    body = next((b for s in reversed(every_name) if s.end <= at and (b := of_kind(s, words, article)) is not None), None)
    if body is None:  # no body of that kind named: the role alone ("un portavoz de la compañía": a spokesman)
        return Span(speaker.start, speaker.start + noun.end(), noun.group(0)) if noun.end() < len(speaker.text) else speaker
    # joined as the speaker's own language joins a body to a person: "portavoz de" it, "researchers of" it
    joined = "de" if after is not None and after.group(1).lower() in ("de", "del") else "of"
    end = after.end() if after is not None else speaker.end
    start = speaker.start if after is not None else at
    return Span(start, max(end, speaker.end), f"{noun.group(0)} {joined} {body}")


def of_kind(name: Span, words: str, article: str) -> str | None:
    """The body a name is, if it is of the kind whose `words` are given: by its own words ("Open
    Source Centre", "embajada rusa"), by the kind's word before it ("la empresa Andes Aero"), or
    after its possessive ("Peru's defence ministry")."""
    if re.search(rf"(?i)\b(?:{words})\b", name.text):
        return name.text
    if re.search(rf"(?i)\b(?:{words})\s+(?:[^\W\d_]+\s+)?$", article[max(0, name.start - 30) : name.start]):
        return name.text
    owned = re.compile(rf"(?i)(?:['’]s)?\s+(?:[^\W\d_]+\s+){{0,2}}(?:{words})\b").match(article, name.end)
    owner = article[name.start : owned.end()] if owned is not None else ""
    return owner if re.search(r"['’]s\s", owner) else None


def body_named_before(frames: Frames, candidate: Candidate, article: str, every_name: Sequence[Span]) -> Span | None:
    """"según el ministerio sirio", after "El Ministerio de Defensa sirio mostró …": the last name
    before the verb that holds the body's word the subject is called by, where the subject says
    whose body it is (an adjective after the word); None if it does not ("the agency" goes on
    with the body that spoke last) or no name holds the word."""
    subject = subject_match(frames.bodies_before, candidate, article)
    word = re.search(r"([^\W\d_]+)(?:\s+(?:de|del|of)\s+[^\W\d_]+)?$", subject.group(0)) if subject is not None else None
    # a body called by its kind is the last of that kind named ("la legación": the embassy), qualified or not
    kind = frames.generic_bodies.get(word.group(1).lower()) if word is not None else None
    if subject is None or word is None or not (kind or frames.adjectives.match(article, subject.end() + 1)):
        return None
    words = any_of([w for w, k in frames.generic_bodies.items() if k == kind] if kind else [word.group(1)])
    before = (n for n in reversed(every_name) if n.end <= candidate.span.start and n.text.lower() != subject.group(0).lower())
    return next((Span(n.start, n.start + len(body), body) for n in before if (body := of_kind(n, words, article)) is not None), None)

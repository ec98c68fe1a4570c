"""Verbs whose subject is the speaker of the claim before, though words stand between them.

The frames in speakers.py read a subject where the sentence names one; these read where it
does not, because the verb only goes on with the speaker just quoted:

- a parenthetical verb inside the statement: "A cambio, dijo, el Kremlin paga …", "Pyongyang,
  he said, has shipped …" (the names around it are what was said);
- a verb joined by "y" / "and" to the statement before, with no subject of its own: "negó
  que … y tildó el informe de …";
- a verb in a relative clause about the occasion: "en una rueda de prensa, en la que tachó …",
  "at a briefing in which he called …";
- a verb after its statement that closes the sentence with where or to whom it was said, and
  no one named: "«…», señaló en un comunicado.", "…, he told reporters."

And verbs whose subject opens the sentence though another name stands nearer: a gerund after its
clause ("Britain, France and Germany triggered the mechanism, accusing …"), an infinitive of
reason ("… al considerar que …"), and a verb joined to a clause that is no claim ("El líder
norcoreano, Kim Jong Un, recibió al ministro … y le prometió …").

And a headline that ends by describing who says it ("…, lawmaker says"): its speaker is the one
the lead names, as a headline sums up its lead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..text.dates import story_start
from ..text.fold import normalise
from .frames import Frames, described_as, words_of
from .spans import Candidate, Span, quoted_spans, sentences

# ", dijo, " / ", he said, ": a reporting verb set off by commas inside its own statement.
_OPENS_ASIDE = re.compile(r"(?i)(?<![»”\"’']),\s*(?:(?:he|she|it|we|they|él|ella|ellos|ellas)\s+)?$")
_CLOSES_ASIDE = re.compile(r"\s*,\s*\S")
# The most words of a subject before an attribution set off inside its clause.
_SUBJECT_WORDS = 5

# Pronouns and adverbs between a conjunction and its verb that are no subject: "y le prometió".
_NO_SUBJECT = r"(?:(?:lo|la|los|las|le|les|se|también|además|luego|later|then|also)\s+)*"
# "… y tildó", ", and called": nothing but the conjunction before the verb.
_JOINED = re.compile(rf"[\s,]*(?:y|e|and)\s+{_NO_SUBJECT}", re.I)
# "…, aunque en el pasado ha negado …": when, before a verb joined to the clause before.
_WHEN = r"(?:(?:en el pasado|in the past|previously|anteriormente|repeatedly|en repetidas ocasiones|ya|already|siempre|always)\s+)?"
_JOINED_VERB = re.compile(rf"[\s,](?:y|e|and|but|pero|aunque|although|though)\s+{_WHEN}{_NO_SUBJECT}(?:(?:has|have|ha|han)\s+)?$", re.I)

# "en la que tachó", "during which he called": the relative clause's subject is the main clause's.
_OCCASION = re.compile(
    # "…, dijo al portal X, al que explicó …": to whom it was said, as the occasion.
    r"(?i)(?:\b(?:en|durante|tras|a|con)\s+(?:el|la|los|las)\s+(?:que|cual|cuales)|\b(?:al|del)\s+(?:que|cual)|\b(?:a|con)\s+quienes?"
    r"|\b(?:in|during|at|after)\s+which|\b(?:to|with)\s+whom)"
    r"\s+(?:(?:lo|la|los|las|le|les|se|también|además|he|she|they|it|also)\s+)*$"
)

# "en un comunicado", "a la prensa", "to reporters", "in a statement on Tuesday": where or to whom.
_WHERE = re.compile(
    r"\s+(?:en|a|al|ante|durante|desde|in|to|at|during|on|with|con)\s+(?:[^\W\d_]+\s+){0,5}?[^\W\d_]+[\s.»”\"’']*",
)


def parenthetical(sentence: str, start: int, end: int) -> bool:
    """Whether the verb at `start:end` of the sentence stands set off by commas inside what it
    reports ("A cambio, dijo, …")."""
    before = sentence[:start]
    return (
        start < end
        and _OPENS_ASIDE.search(before) is not None
        and bool(words_of(before.rsplit(",", 1)[0]))
        and _CLOSES_ASIDE.match(sentence, end) is not None
    )


def set_off_source(sentence: str, start: int, end: int) -> bool:
    """Whether an attribution at `start:end` stands with its source set off by commas between
    the subject of the clause it attributes and its verb ("El otro prisionero, según el diario,
    aún no ha decidido …"); not after a relative pronoun ("un cuaderno que, según Kiev, …")."""
    subject = words_of(sentence[:start].rsplit(",", 1)[0])
    return (
        _OPENS_ASIDE.search(sentence[:start]) is not None and 0 < len(subject) <= _SUBJECT_WORDS
        and subject[-1].lower() not in ("que", "that", "which", "quien", "who")
        and re.match(r"[^,;:]{1,60},\s*\w", sentence[end:]) is not None
    )  # fmt: skip


def goes_on_from(candidate: Candidate, previous: Candidate | None, article: str) -> bool:
    """Whether the claim's speaker is the previous claim's, in the same sentence: a verb joined
    to its statement, or one in a relative clause about the occasion."""
    if previous is None or previous.sentence != candidate.sentence or previous.speaker is None:
        return False
    if previous.statement is not None and previous.statement.end <= candidate.span.start:
        if _JOINED.fullmatch(article, previous.statement.end, candidate.span.start):
            return True
    return _OCCASION.search(article, candidate.sentence.start, candidate.span.start) is not None


def closes_where(candidate: Candidate, names: Sequence[Span], article: str, frames: Frames) -> bool:
    """Whether the words after the verb to the sentence's end only say where or to whom it was
    said, naming no one: "señaló en un comunicado.", "dijo a la prensa."."""
    statement = candidate.statement
    # The verb right after its statement: no subject stands between them.
    if statement is None or statement.end > candidate.span.start or not re.fullmatch(r"[\s»”\"’',]*", article[statement.end : candidate.span.start]):
        return False
    # Nor a name outside a quotation in the statement: it may be the subject (an apposition the
    # statement took in) or what was said, which only a model tells apart.
    sentence = candidate.sentence
    quoted = [(sentence.start + a, sentence.start + b) for a, b in quoted_spans(sentence.text)]
    if any(statement.start <= n.start < candidate.span.start and not any(a <= n.start < b for a, b in quoted) for n in names):
        return False
    end = sentence.end
    rest = _WHERE.fullmatch(article, candidate.span.end, end)
    if rest is None or any(candidate.span.end <= n.start < end for n in names):
        return False
    words = words_of(rest.group(0))
    return not any(w[:1].isupper() for w in words) and frames.nouns.search(rest.group(0)) is None and not any(
        w.lower() in frames.roles for w in words
    )


# A verb form that is a gerund: "accusing", "acusando", "diciendo".
GERUND = re.compile(r"(?:ing|ando|iendo)$", re.I)
# "al considerar que": an infinitive giving the clause's reason.
_INFINITIVE = re.compile(r"(?i)(?:al|por)\s+\w+(?:ar|er|ir)\b")
# Names listed as one subject: "Britain, France and Germany", "Rusia y Corea del Norte".
_LISTED = re.compile(r"\s*,\s*|\s*,?\s+(?:and|y|e)\s+")


def gerund_subject(candidate: Candidate, previous: Candidate | None, names: Sequence[Span], article: str) -> Span | None:
    """"Britain, France and Germany triggered the mechanism, accusing Tehran …", "…, told
    reporters, adding that …", "activaron el mecanismo al considerar que …": a gerund after a
    comma, or an infinitive of reason, has its clause's subject, the speaker of the sentence's
    claim before it or the names the sentence opens with."""
    sentence = candidate.sentence
    gerund = GERUND.search(candidate.span.text) is not None and re.search(r",\s*$", article[sentence.start : candidate.span.start]) is not None
    if not gerund and not _INFINITIVE.match(candidate.span.text):
        return None
    if previous is not None and previous.sentence == sentence:
        return previous.speaker
    return _opening_names(candidate, names, article)


def joined_subject(candidate: Candidate, previous: Candidate | None, names: Sequence[Span], article: str, roles: Sequence[str]) -> Span | None:
    """"El líder norcoreano, Kim Jong Un, recibió al ministro … y le prometió que …": a verb joined
    by "y" to a clause that is no claim has that clause's subject, the name the sentence opens with."""
    if previous is not None and previous.sentence == candidate.sentence:
        return None
    if not _JOINED_VERB.search(article, candidate.sentence.start, candidate.span.start):
        return None
    return _opening_names(candidate, names, article, roles)


def occasion_subject(candidate: Candidate, names: Sequence[Span], article: str) -> Span | None:
    """"La embajada respondió con un comunicado en el que rechazó …": with no claim before it in
    the sentence, a verb in a relative clause about the occasion has the names the sentence
    opens with for subject."""
    if _OCCASION.search(article, candidate.sentence.start, candidate.span.start) is None:
        return None
    return _opening_names(candidate, names, article)


def _opening_names(candidate: Candidate, names: Sequence[Span], article: str, roles: Sequence[str] = ()) -> Span | None:
    """The name the sentence opens with (past a determiner), or the names listed with it; past
    a role set off before it ("El líder norcoreano, Kim Jong Un, …") or after a possessive
    ("Ukraine's ambassador, Vasyl Myroshnychenko, …"), the person named."""
    sentence = candidate.sentence
    # A wire story's lead ("PYONGYANG, 30 de noviembre (El Comercio) — ") opens no clause.
    lead = sentence.start + story_start(sentence.text)
    listed = [n for n in names if lead <= n.start < candidate.span.start]
    if not listed:
        return None
    # "El embajador de Ucrania en la India, Oleksandr Polishchuk, …": past a role and its complement, the person.
    role = _ROLE_OF.match(article, lead, candidate.span.start)
    person = next((n for n in listed if role is not None and n.start == role.end()), None)
    if person is not None and re.match(r"\s*,", article[person.end : candidate.span.start]):
        return person
    if (held := _held_role(lead, listed, candidate, article, roles)) is not None:
        return held
    before = article[lead : listed[0].start]
    if _ROLE_BEFORE.fullmatch(before) and before.strip().lower() not in _DEFINITE:
        # A name the candidates cut in two ("Andrii", "Sibiga") is one name here.
        whole = [n for n in listed[1:2] if re.fullmatch(r"\s+", article[listed[0].end : n.start])]
        end = whole[0].end if whole else listed[0].end
        return Span(listed[0].start, end, article[listed[0].start : end])
    if any(w.lower() not in _DEFINITE for w in words_of(before)):
        return None
    if len(listed) > 1 and re.search(r"['’]s$", article[listed[0].start : listed[0].end + 2]) and _ROLE_AFTER.fullmatch(article, listed[0].end, listed[1].start):
        return listed[1]
    last = listed[0]
    for name in listed[1:]:
        if _LISTED.fullmatch(article, last.end, name.start) is None:
            break
        last = name
    return Span(listed[0].start, last.end, article[listed[0].start : last.end])


def _held_role(lead: int, listed: Sequence[Span], candidate: Candidate, article: str, roles: Sequence[str]) -> Span | None:
    """"El embajador de Ucrania en Armenia agradeció … y afirmó": a role the sentence opens with,
    whose complement is names alone and no person is set off after, is the subject itself."""
    held = _HELD_ROLE.match(article, lead)
    if held is None or held.end() != listed[0].start or held.group(2).lower() not in roles:
        return None
    end = listed[0].end
    for name in listed[1:]:
        if _POSTED_LINK.fullmatch(article, end, name.start) is None:
            break
        end = name.end
    if re.match(r"\s*,", article[end : candidate.span.start]):
        return None
    return Span(held.start(1), end, article[held.start(1) : end])


# "El embajador de ", "El ministro de Defensa de ": a role and its complement up to a name.
_HELD_ROLE = re.compile(
    r"\s*(?i:el|la|the)\s+(([a-záéíóúñ][\w-]*)\s+(?:de|del|of)\s+(?:(?:la|el|the)\s+)?(?:[A-ZÁÉÍÓÚ][\w-]*\s+(?:de|del|of)\s+(?:(?:la|el|the)\s+)?)?)"
)
# Where the role is held: "en Armenia", "ante la ONU", "in Kyiv", "to the UN".
_POSTED_LINK = re.compile(r"\s+(?:en|ante|in|to)\s+(?:(?:la|el|the)\s+)?")
# Only a definite article may open the clause before its subject ("a" or "un" would describe one).
_DEFINITE = ("the", "el", "la", "los", "las")
# "El líder norcoreano, ", "Chile's ambassador, ": a role in lowercase words set off before the name.
_ROLE_BEFORE = re.compile(r"(?:(?i:el|la|the)\s+|[A-ZÁÉÍÓÚ][\w-]*['’]s\s+)?[a-záéíóúñ][\w\s-]{2,60},\s*")
_ROLE_OF = re.compile(r"\s*(?i:el|la|the)\s+[a-záéíóúñ][\w-]*\s+(?:de|del|of)\s+[^,;:«»“”\"]{2,60},\s*")
# "'s ambassador, ": a possessive's role, then the name.
_ROLE_AFTER = re.compile(r"(?:['’]s)?\s+[a-z][\w\s-]{2,60},\s*")


def from_the_lead(found: Sequence[Candidate], article: str, countries: set[str]) -> list[Candidate]:
    """"Russia unfroze $9 million …, Japanese daily reports": a headline claim no frame found a
    speaker for, its verb closing the headline, takes the speaker of the lead's first claim
    where the lead names one ("…, the Yomiuri Shimbun reported"): not a description, which the
    article may name later, nor a state, which may only react to what the headline reports."""
    line = article.find("\n")
    body = next((c for c in found if line >= 0 and c.sentence.start > line and not c.relays), None)
    first = next((s for s in sentences(article) if line >= 0 and s.start > line), None)
    if body is None or body.speaker is None or first is None or body.sentence != first:
        return list(found)
    # "…, researchers say" over "…, according to researchers at US cybersecurity firm X": the lead's fuller description.
    fuller = [
        c.sentence.end <= line and c.speaker is not None
        and re.match(rf"(?i){re.escape(c.speaker.text)}\s+(?:at|of|from|with|de|del|en|in)\s", body.speaker.text) is not None
        for c in found
    ]  # fmt: skip
    if not body.speaker.text[:1].isupper() or normalise(body.speaker.text) in countries:
        return [replace(c, speaker=body.speaker) if longer else c for c, longer in zip(found, fuller)]
    closing = [c.sentence.end <= line and not article[c.span.end : c.sentence.end].strip(" .") for c in found]
    lead = body.speaker
    # "Un diputado iraní asegura …" over "…, aseguró el diputado Shahriar Heidarí" or "… el diputado
    # iraní Shahriar Heidarí": the person the lead gives the headline's noun, or its whole description.
    named = [
        c.sentence.end <= line and c.speaker is not None and c.speaker.text[:1].islower()
        and re.search(rf"(?i)\b(?:{re.escape(c.speaker.text.split()[0])}|{re.escape(c.speaker.text)})\s+$", article[max(0, lead.start - 40) : lead.start]) is not None
        for c in found
    ]  # fmt: skip
    return [
        replace(c, speaker=lead) if not c.relays and ((c.speaker is None and closes) or same) else c for c, closes, same in zip(found, closing, named)
    ]


# "He said", "…, she added", "Él añadió": a pronoun only a person is called by.
_PERSONAL = re.compile(r"(?i)(?:^|[,;:«»“”\"]\s*)(?:he|she|él|ella)\s+$")


def person_called(
    speaker: Span, candidate: Candidate, found: Sequence[Candidate], article: str, frames: Frames, is_person: Callable[[Span], bool]
) -> Span:
    """"Ukrainian officials estimate … He said …": a group found for "he" or "she" is none they
    stand for; the person named who spoke last is."""
    # a described group: its English noun a plural ("officials", "intelligence services")
    group = described_as(speaker.text, frames).endswith("s") and not any(n.group(0).lower() in frames.one for n in frames.nouns.finditer(speaker.text))
    if not group or not _PERSONAL.search(article[candidate.sentence.start : candidate.span.start]):
        return speaker
    named = (c.speaker for c in reversed(found) if c.speaker is not None and not c.relays)
    return next((s for s in named if s.text[:1].isupper() and is_person(s) and frames.nouns.search(s.text) is None), speaker)

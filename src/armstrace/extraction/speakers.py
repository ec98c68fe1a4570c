"""Who makes a statement: the subject of its reporting verb, found by code where the sentence says it.

News prose names its speakers in a few frames, in Spanish and English alike:

- before the verb, often with an apposition: "El portavoz de Exteriores, Lars Berg, negó",
  "Irán lo ha reconocido", "Rusia y Corea del Norte expresaron";
- after it, when the statement comes first: "«…», denunció Berg", "…, IRNA reported";
- after "según" / "according to": "Según Ria Novosti, …";
- by a role alone, whose holder the article named before: "El vocero destacó que …";
- not at all, in a quotation continued from the sentence before: "«…», dijo."

Code takes the speaker from these frames only; where none applies it finds nothing and the
model's answer stands. The speaker found is a span of the article (a name, a description or
a role word), so it is tied to the text; speaker_names.py then gives it the canonical name of
the article's actor with that mention, or writes the description in English. The words and
patterns the frames read are in frames.py.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..knowledge.cues import Cues
from ..knowledge.people import family_name
from ..text.dates import story_start
from ..text.fold import normalise
from ..text.language import is_english
from .spans import Candidate, Span, quoted_spans
from .pointing import refers_back
from .relatives import RELATIVE_CLAUSE, RELATIVE_PRONOUN, relative_subject
from .statements import QUOTED_AS, goes_on, named_words
from .frames import (
    ASIDE_BEFORE_VERB, CITED_BY, DETERMINERS, Frames, any_of, described_as, group_described_before, is_body, is_body_named_before, is_document_subject,
    is_outlet_named_before, is_role_named_before, name_spans, one_described_before, unattributed, words_of,
)  # fmt: skip
from .descriptions import described_spans
from .continued import GERUND, closes_where, from_the_lead, gerund_subject, goes_on_from, joined_subject, occasion_subject, parenthetical, person_called
from .counted_groups import counted_group, one_of_group
from .kinds import body_named_before
from .speaker_spans import completed
from .interviews import answer_lines, in_answer, interviewee
from .leaks import leaked_documents
from .roles import described_holder, held_by, portfolio, role_before, with_role
from .sources import (
    cited_source, document_issuer, document_named_before, opening_person, own_body, opening_source, outlet_called, outlet_source, quoted_before_channel, quoted_by,
    relayed_person, report_claim, source_cited_by, spoken_in_report,
)
from .subjects import (
    MAX_WORDS_BETWEEN, as_said_subject, described_person, experiencer, in_aside, next_to, no_subject,
    pronoun_subject, role_after, role_qualifier, subject_after, subject_before, told_to,
)  # fmt: skip


def attach_speakers(claims: Sequence[Candidate], actors: Sequence[Candidate], article: str, cues: Cues) -> list[Candidate]:
    """The claim candidates, each with the span of its speaker where a frame names one.

    `actors` are the article's name candidates: their words are the names looked for. A news
    outlet that reports another's statement in the same sentence ("…, state media KCNA
    reported") is its channel, not a second speaker: its verb makes no claim (`relays`). A document that
    speaks ("añadió el texto") is the speaker of the statement before it. An impersonal statement
    ("se teme que") is no claim (`_unattributed`).
    """
    frames = Frames.of(cues)
    media = {normalise(a.span.text) for a in actors if a.known is not None and a.known.kind == "media"}
    people = {normalise(a.span.text) for a in actors if a.known is not None and a.known.kind == "person"}
    names = name_spans(Span(0, len(article), article), [*(a.span.text for a in actors), *_surnames(actors, cues)])
    states = {normalise(a.span.text): a.known.name for a in actors if a.known is not None and a.known.kind == "country"}
    countries = set(states)
    organisations = frozenset(normalise(a.span.text) for a in actors if a.known is not None and a.known.kind == "organisation")
    every_name = described_spans(article, names, frames, media, organisations)
    per_sentence = Counter(c.sentence for c in claims)
    answers = answer_lines(article)
    others = {normalise(a.span.text) for a in actors if a.known is not None and a.known.kind != "person"}
    bodies = {normalise(a.span.text) for a in actors if a.known is not None and a.known.kind in ("government", "agency", "organisation")}
    found: list[Candidate] = []
    for candidate in claims:
        previous = next((c for c in reversed(found) if not c.relays), None)
        attributes = normalise(candidate.span.text) in frames.attribution
        speaker = leaked_documents(candidate, article, attributes) or counted_group(candidate, names, states, article, attributes)
        # An interview's answer is the interviewee's, but for a speaker its own verb names.
        answered = in_answer(candidate.sentence.start, answers)
        if speaker is None and not (answered and not candidate.span.text.strip()):
            speaker = described_holder(candidate, found, every_name, article, frames) or _speaker(candidate, previous, every_name, article, frames, (media, people))
        if speaker is None and answered:
            speaker = interviewee(names, people, others, article)
        speaker = speaker or one_of_group(candidate, [c.speaker for c in found if not c.relays], article, frames)
        relays = speaker is not None and (normalise(speaker.text) in media or described_as(speaker.text, frames) in ("media", "press"))
        # An outlet that goes on with its own statement ("KCNA calificó … y acusó …") relays nothing.
        if relays and speaker is not None and previous is not None and previous.sentence == candidate.sentence and previous.speaker is not None and previous.speaker.text != speaker.text:
            # "X negó …, indicaron los medios estatales": the outlet is the channel of X's claim.
            found.append(replace(candidate, relays=True))
            continue
        if speaker is None and previous is not None and is_document_subject(frames, candidate, article):
            speaker = next((c.speaker for c in reversed(found) if c.speaker is not None and not c.relays), None)
        if speaker is None:
            speaker = spoken_in_report(candidate, found, article)
        if speaker is None:
            speaker = one_described_before(frames, candidate, article, every_name) or group_described_before(frames, candidate, article, every_name)
        if speaker is None and is_outlet_named_before(frames, candidate, article):
            speaker = next((n for n in reversed(every_name) if n.end <= candidate.span.start and normalise(n.text) in media), None)
            # an outlet no list knows, known by what it did: "…, the Yomiuri Shimbun reported. According to the paper, …"
            speaker = speaker or next((c.speaker for c in reversed(found) if c.speaker is not None and _PUBLISHED.fullmatch(normalise(c.span.text))), None)
            speaker = speaker or outlet_called(candidate, every_name, article, frames)  # "al diario surcoreano Hankook Ilbo"
        if speaker is None and is_body_named_before(frames, candidate, article):
            speaker = body_named_before(frames, candidate, article, every_name)
            speaker = speaker or next((c.speaker for c in reversed(found) if c.speaker is not None and is_body(c.speaker, people, bodies, frames)), None)
        if speaker is None and is_role_named_before(frames, candidate, article):
            # "Según la dirigente, …": the person who spoke last, whom no introduction gave that role.
            said = next((c.speaker for c in reversed(found) if c.speaker is not None and not c.relays), None)
            speaker = said if said is not None and not is_body(said, people, bodies, frames) else None
        if speaker is None:
            speaker = _titled(candidate, actors, article, frames, cues)
        if speaker is None and per_sentence[candidate.sentence] == 1 and unattributed(candidate.sentence, frames):
            continue
        if speaker is not None:
            said_before = previous.speaker if previous is not None and next_to(previous.sentence, candidate.sentence, article) else None
            speaker = completed(speaker, candidate, every_name, countries, article, frames, cues, lambda s: is_body(s, people, bodies, frames), said_before)
            speaker = person_called(speaker, candidate, found, article, frames, lambda s: not is_body(s, people, bodies, frames) and normalise(s.text) not in countries)
        found.append(replace(candidate, speaker=speaker) if speaker is not None else candidate)
    reported = [r for f in found if (r := report_claim(f, every_name, article)) is not None]
    return [*from_the_lead(found, article, countries), *reported]


def _titled(candidate: Candidate, actors: Sequence[Candidate], article: str, frames: Frames, cues: Cues) -> Span | None:
    """"«…», declaró el presidente ruso ante la prensa", where the article never introduced the
    president by that title: the one person the article names whose office and country the
    gazetteer's role for them gives (Vladimir Putin: President of Russia)."""
    role = role_after(candidate, article, frames)
    words = words_of(role_qualifier(role)) if role is not None else []
    office = frames.office_names.get(role.group(1).lower(), "") if role is not None else ""
    country = (cues.demonym_state(words[0].lower()) or "") if len(words) == 1 else ""
    if not office or not country:
        return None
    held = [a for a in actors if a.known is not None and a.known.kind == "person"
            and office.lower() in a.known.role.lower() and country.lower() in a.known.role.lower()]  # fmt: skip
    # The person as the article first names them, whatever shorter mentions follow.
    return held[0].span if len({a.known.name for a in held if a.known is not None}) == 1 else None


def _surnames(actors: Sequence[Candidate], cues: Cues) -> list[str]:
    """The family name of each name of a person the gazetteer does not know ("Lammy" of "David
    Lammy", "Hong" of "Hong Jang-won"), which a sentence may open with, where a lone capitalised
    word is no candidate; "Iran's Foreign Ministry" is no person's."""
    named = [a.span.text for a in actors if (a.known is None or a.known.kind == "person") and not re.search(r"['’]s\s", a.span.text)]
    return [family for name in named if (family := family_name(name, cues)) is not None]


def needs_model(claim: Candidate, cues: Cues) -> bool:
    """Whether a claim candidate needs the model: a speaker code did not find, or English to write.

    An outlet that only relays is dropped whatever a model says, and a sentence in English
    with its speaker found leaves nothing to ask: its clause is already English content, unless
    it only points back to an earlier statement ("denied the report"), whose words it lacks.
    """
    if claim.relays:
        return False
    return claim.speaker is None or not is_english(claim.sentence.text) or refers_back(claim, cues)


# A statement issued, whose gerund says what it does: "released a statement late on Friday welcoming".
_ISSUED = re.compile(
    r"\b(?:issued|released|published|put out|emitió|emitieron|publicó|publicaron|difundió|difundieron)\s+(?:a|an|un|una)\s+"
    r"(?:joint\s+)?(?:statement|communiqué|declaration|comunicado|declaración)(?:\s+conjunt[oa])?"
    r"(?:\s+(?:on|this|last|el|este)\s+[^\W\d_]+)?\s*,?\s*$",
    re.I,
)


def _someone_new(candidate: Candidate, article: str, frames: Frames) -> bool:
    """"…», dijo un responsable": a role with an indefinite article after the verb introduces
    another person; "añadió el diplomático" goes on with one the article named."""
    role = role_after(candidate, article, frames)
    return role is not None and re.search(r"\b(?:un|una|a|an)\s+$", article[candidate.span.end : role.start()], re.I) is not None


# What an outlet does with a story.
_PUBLISHED = re.compile(r"reported|reports|published|publishes|informó|informa|publicó|publica|reveló|revealed")

# How far into its clause the name a joined verb shares may stand: "El embajador ruso, X, …".
_OPENING_SUBJECT = 60


def _set_off(candidate: Candidate, names: Sequence[Span], article: str, frames: Frames) -> bool:
    """Whether the comma before the verb closes what sets off the clause's opening subject: a
    name the clause opens with, then a comma ("Zelenskiy, who …, accused", "Pezeshkian, for his
    part, said"), where "Rusia venderá fusiles, dijo X" opens with a statement."""
    sentence = candidate.sentence
    lead = sentence.start + story_start(sentence.text)  # "KIEV, 20 oct (France 24) — " opens no clause
    first = next((n for n in names if lead <= n.start < candidate.span.start), None)
    if first is None:
        return False
    tail = frames.body.match(article, first.end, candidate.span.start)  # "Russia's defence ministry, …,"
    between = article[tail.end() if tail else first.end : candidate.span.start]
    # "Its foreign minister, Gabrielius Landsbergis, accused", "The Pentagon's press secretary, Pat
    # Ryder, said": a role the name is apposed to, a possessor's name in it.
    role = re.compile(rf"(?i)\s*(?:[^\W\d_][\w'’-]*\s+){{0,4}}(?:{any_of(frames.roles)})\s*,\s*")
    for name in (n for n in names if lead <= n.start < candidate.span.start):
        if role.fullmatch(article, lead, name.start) and re.fullmatch(r"\s*,\s*", article[name.end : candidate.span.start]):
            return True
    # "A senior official, speaking on condition of anonymity, said": an article may open the clause.
    if any(w.lower() not in (*DETERMINERS, "a") for w in words_of(article[lead : first.start])):
        return False
    return re.fullmatch(r"\s*,[^,;:«»“”\"]*,\s*", between) is not None


def _speaker(
    candidate: Candidate,
    previous: Candidate | None,
    every_name: Sequence[Span],
    article: str,
    frames: Frames,
    kinds: tuple[set[str], set[str]],
) -> Span | None:
    """The speaker's span, by the first frame that names one. `kinds`: the article's news
    outlets and people, by folded name."""
    media, people = kinds
    sentence = candidate.sentence
    quotes = [(sentence.start + a, sentence.start + b) for a, b in quoted_spans(sentence.text)]
    shut = list(quotes)
    statement = candidate.statement
    if statement is not None and statement != sentence:
        shut.append((statement.start, statement.end))
    if previous is not None and previous.sentence == sentence and previous.statement not in (None, sentence):
        # "X confirmó que … Rusia … y admitió que …": the first statement's names are not the second
        # verb's subject, but for a few words after its last comma ("…, state media KCNA reported").
        end = previous.statement.end
        comma = article.rfind(",", previous.statement.start, candidate.span.start)
        if comma >= 0 and len(named_words(words_of(article[comma : candidate.span.start]))) <= MAX_WORDS_BETWEEN:
            end = min(end, comma)
        shut.append((previous.statement.start, end))
    spoken = [n for n in every_name if sentence.start <= n.start and n.end <= sentence.end
              and not any(a <= n.start < b for a, b in quotes)]  # fmt: skip
    names = [n for n in spoken if not any(a <= n.start < b for a, b in shut)]
    same_sentence = previous is not None and previous.sentence == sentence
    if not candidate.span.text.strip() and previous is not None and next_to(previous.sentence, sentence, article):
        return previous.speaker  # a quotation that goes on from the statement before
    if not candidate.span.text.strip() or goes_on(candidate.span.text) or candidate.joined:
        return previous.speaker if same_sentence and previous is not None else None
    at = candidate.span.start - sentence.start
    if parenthetical(sentence.text, at, at + len(candidate.span.text)):
        return previous.speaker if previous is not None and (same_sentence or next_to(previous.sentence, sentence, article)) else None
    if goes_on_from(candidate, previous, article):
        return previous.speaker if previous is not None else None
    opening = gerund_subject(candidate, previous, spoken, article) or occasion_subject(candidate, spoken, article)
    if (opening := opening or joined_subject(candidate, previous, spoken, article, frames.roles)) is not None:
        return opening
    if (quoted := quoted_by(candidate, every_name, article)) is not None:
        return quoted
    quoted_as = QUOTED_AS.search(article, sentence.start, candidate.span.start)
    if quoted_as is None and re.search(r"\b(?:como|as)\s*$", article[sentence.start : candidate.span.start], re.I):
        said = as_said_subject(candidate, spoken, article, reach=6)  # "como había advertido el lunes Noruega"; "como publicó X citando a Y": Y
        return (source_cited_by(said, candidate, every_name, article, frames) or said) if said is not None else None
    if quoted_as is None and not same_sentence and re.search(r"\bsegún\s*$", article[sentence.start : candidate.span.start], re.I):
        # "…, según aseguró a la radio el número dos del ministerio, Lars Berg": the subject follows
        # (after another's statement, "X aseguró …, según informó la agencia", it is the channel).
        # "…, según publicó el diario X, que cita a fuentes …": the sources the outlet cites speak.
        source = None if told_to(candidate, article) else subject_after(candidate, spoken, article, frames, holders=every_name) or outlet_source(candidate, spoken, article, media)
        if source is not None:
            return source_cited_by(source, candidate, every_name, article, frames) or source
        # "Según dijo a la agencia X, …": who spoke before, as "Según él" is
        return (previous.speaker if previous is not None else None) if told_to(candidate, article) else as_said_subject(candidate, spoken, article)
    between = article[previous.span.end : candidate.span.start] if same_sentence and previous is not None else ""
    # "… el dron a reacción que Ucrania asegura haber derribado": a relative clause's verb, its
    # subject named, is its subject's claim.
    relative = RELATIVE_CLAUSE.search(between)
    if same_sentence and previous is not None and not re.search(r"[,;:–—]|\s-\s|\s(?:y|e|pero|mientras|and|but|as|while)\s", between) and not (
        relative is not None and len(between[: relative.start()].split()) >= 2
    ):
        return previous.speaker  # reported within a report: "El vocero señaló que Chile anunció …"
    words = normalise(candidate.span.text)
    if words not in frames.verbs and words not in frames.attribution:
        return experiencer(candidate, every_name, article)  # "el temor entre las potencias occidentales"
    # "…», the envoy was quoted as saying", "X issued a statement on Tuesday condemning …": the
    # subject stands before "was" or "issued".
    framed = quoted_as or (_ISSUED.search(article, sentence.start, candidate.span.start) if GERUND.search(candidate.span.text) else None)
    if framed is not None:
        candidate = replace(candidate, span=Span(framed.start(), candidate.span.end, article[framed.start() : candidate.span.end]))
    # "«…», dijo Peskov, citado por RIA Novosti": who is quoted speaks, the outlet is the channel.
    if CITED_BY.fullmatch(words) and (quoted := quoted_before_channel(candidate, spoken, article)) is not None:
        return quoted
    # "Según él, …", "according to her", "By his count, …", "A su juicio, …": the person who spoke before.
    if words in frames.attribution and previous is not None and (
        re.match(r"(?i)\s+(?:él|ella|ellos|ellas|him|her|them|(?:sus?|its)\s+(?:cálculos|cuentas|estimaciones|datos|palabras|comunicado|informe|nota|parte|statement|report))\b", article[candidate.span.end :])
        or re.search(r"\b(?:his|her|their|su|sus)\b", words)
    ):
        return previous.speaker
    if words in frames.attribution or re.search(r"\b(?:por|by)$", words):
        source = subject_after(candidate, every_name, article, frames) or outlet_source(candidate, every_name, article, media)
        source = source or document_issuer(candidate, every_name, article, frames) or document_named_before(candidate, every_name, article, frames) or own_body(candidate, every_name, article, frames)
        # "Según X, que cita a fuentes de Y, …": the sources X cites speak, X is the channel.
        if source is not None and (cited := source_cited_by(source, candidate, every_name, article, frames)) is not None:
            return cited
        if source is not None and normalise(source.text) in media:
            speaking = [n for n in spoken if normalise(n.text) in people]
            return relayed_person(source, speaking, article, frames) or opening_person(candidate, speaking, article, frames) or source
        # "El Ministerio …, en un comunicado: …", "X said in a statement": a document with no
        # issuer after it is the clause's subject's, found as a verb's is.
        if source is not None or not frames.documents.search(words.split()[-1]):
            return source
    # "«…», dijo X" inverts, but not a subject whose apposition or aside the comma closes:
    # "Zelenskiy, who cut short a visit, accused Moscow", "Pezeshkian, for his part, said".
    # Nor one an aside on how it spoke sets off: "El embajador, citado por la agencia X, afirmó".
    lead_in = article[sentence.start : candidate.span.start]
    inverted = lead_in.rstrip().endswith(",") and not _set_off(candidate, names, article, frames) and not ASIDE_BEFORE_VERB.search(lead_in)
    # "Según la agencia, «…», declaró un diputado": the source the statement opens with speaks,
    # who reports it is the channel (docs/annotation.md).
    if inverted and (source := opening_source(candidate, every_name, article, frames)) is not None:
        return source
    # "…, said Lars Berg, the envoy": what follows an inverted verb is its subject, not what it reports
    if inverted and framed is None and (after := subject_after(candidate, spoken, article, frames, last=True, holders=every_name)) is not None:
        # "…, informó el diario X, citando a altos funcionarios iraníes": the officials speak.
        return source_cited_by(after, candidate, every_name, article, frames) or after  # "«…», dijo Berg"
    start = max(sentence.start, previous.span.end if same_sentence and previous is not None else 0)
    colon = max(article.rfind(":", start, candidate.span.start), article.rfind(";", start, candidate.span.start))
    # "El Servicio … se mostró más prudente: dijo que …": a verb right after a colon has the subject before it.
    colon = -1 if colon >= 0 and article[colon] == ":" and not article[colon + 1 : candidate.span.start].strip() else colon
    region = Span(max(start, colon + 1), candidate.span.start, "")
    statement_first = statement is not None and statement.end <= candidate.span.start
    if statement_first and (after := subject_after(candidate, names, article, frames, holders=every_name)) is not None:
        return after
    # "The Financial Times reported, citing intelligence sources, that …": the sources speak; but
    # in "«…», Lukashenko said, according to X" the subject speaks and X is the channel.
    if (cited := cited_source(candidate, every_name, article, frames)) is not None:
        according = re.match(r"(?i)\s*,\s*(?:según|according)\b", article[candidate.span.end :])
        subject = subject_before(candidate, region, names, article, inverted, frames) if according else None
        return subject if subject is not None and normalise(subject.text) not in media else cited
    if (antecedent := relative_subject(candidate, region, names, article)) is not None:
        return antecedent
    # "In a statement posted by X, he said Wagner had …", "In a statement to the broadcaster Kan,
    # it said …": the pronoun is the subject, and the name before its comma the phrase's; "he" is
    # who spoke before, if anyone did.
    if not inverted and pronoun_subject(article[region.start : candidate.span.start].rsplit(",", 1)[-1], frames):
        if previous is not None and (same_sentence or next_to(previous.sentence, sentence, article)):
            return previous.speaker
        return None
    if (before := with_role(subject_before(candidate, region, names, article, inverted, frames), candidate, region, names, every_name, article, frames)) is not None:
        return before
    # "The US Treasury sanctioned five companies that it accused of …": the sentence's subject.
    if not inverted and not same_sentence and RELATIVE_PRONOUN.search(article, sentence.start, candidate.span.start):
        lead = sentence.start + story_start(sentence.text)
        return next((n for n in names if lead <= n.start < candidate.span.start), None)
    if not inverted and (after := subject_after(candidate, names, article, frames, holders=every_name)) is not None:
        return after
    found_role = role_before(candidate, region, article, frames) if not inverted else None
    # A role with a long complement names whom it describes; it does not go on with the last speaker.
    role = found_role[0] if found_role is not None and not found_role[1] else None
    if found_role is not None and (holder := held_by(found_role, candidate, names, every_name, article, frames, people)) is not None:
        return holder
    if (person := described_person(candidate, region, every_name, article)) is not None:
        return person
    # "La portavoz del Ministerio de Exteriores ruso calificó …", whom the article never named: the
    # office of the body its complement names is the speaker.
    # (A definite role: "a vice director at …" describes someone, whom the article may name after.)
    # A capital in the complement names the body or the portfolio: "El ministro de Economía alemán dijo".
    complement = ASIDE_BEFORE_VERB.sub("", article[found_role[0].end : candidate.span.start]).rstrip(" ,") if found_role is not None else ""
    of_body = found_role is not None and re.match(rf"(?i)\s+(?:(?:{frames.adjectives.pattern})\s+)?(?:de|del|of)\s", complement) and re.search(r"(?i)\b(?:el|la|the)\s+$", article[: found_role[0].start])
    if found_role is not None and of_body and (portfolio(complement, frames) or any(found_role[0].end < n.start < candidate.span.start for n in every_name)):
        end = found_role[0].end + len(complement)
        # with "la", which says "la portavoz" is a woman
        start = found_role[0].start - len(la.group(0)) if (la := re.search(r"(?i)\bla\s+$", article[: found_role[0].start])) else found_role[0].start
        return Span(start, end, article[start:end])
    # A name in an aside ("citando fuentes de inteligencia,") is not the verb's subject.
    names = [n for n in names if not in_aside(n, region, article, frames)]
    named_before = [n for n in names if region.start <= n.start < candidate.span.start]
    # "…, añadió.": a verb that closes its sentence after the statement has no subject of its
    # own, whatever names the statement holds; the speaker of the sentence before goes on.
    closing = inverted and (
        re.fullmatch(r"[\s.»”\"’']*", article[candidate.span.end : sentence.end]) is not None or closes_where(candidate, every_name, article, frames)
    )
    if closing and previous is not None and previous.speaker is not None and next_to(previous.sentence, sentence, article):
        return previous.speaker
    if previous is not None and previous.speaker is not None and not named_before:
        if same_sentence:
            return previous.speaker  # "dijo … y advirtió …": one subject for both verbs
        closed = max((b for _, b in quotes if b <= candidate.span.start), default=region.start)
        before_verb = article[max(region.start, closed) : candidate.span.start]
        # "«…», dijo." / "Calificó …" / "He added" / "El diplomático recordó": the speaker of
        # the sentence before goes on.
        opens = no_subject(before_verb, frames) or role is not None or pronoun_subject(before_verb, frames)
        # A name the statement ends with ("… afectará a Chile") is no subject; one right after
        # the verb is ("dijo Berg").
        subject_named = (
            any(n.start < candidate.span.start for n in names)
            or subject_after(candidate, names, article, frames) is not None
            or _someone_new(candidate, article, frames)
        )
        if not subject_named and opens and next_to(previous.sentence, sentence, article):
            return previous.speaker
    # "El embajador ruso, Vasili Nebenzia, justificó el veto … y negó que …": a verb joined to
    # the clause's first one shares its subject, the name the sentence opens with.
    # So does one joined by "mientras" or "while": "Pyongyang promete apoyo … mientras niega …".
    if not same_sentence and named_before and re.search(r"(?<!\w)(?:y|e|and|mientras|while)\s+$", article[region.start : candidate.span.start]):
        if named_before[0].start - region.start <= _OPENING_SUBJECT:
            # "La representante adjunta de Ucrania, Khrystyna Hayovyshyn, pidió … y afirmó": the name set off after a role's complement.
            apposed = next((n for n in named_before[1:2] if re.fullmatch(r",\s*", article[named_before[0].end : n.start]) and article[n.end : n.end + 1] == ","), None)
            return apposed or named_before[0]
    return None  # "…, informaron medios locales": a subject after the verb that names no actor, or none

"""Find, by code, the passages of an article that may hold each kind of item (claims here, names
in name_candidates.py, materiel and figures in materiel.py, the spans they are made of in
spans.py, a claim's stance in stances.py).

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
from collections.abc import Sequence

from ..base.schema import Field_
from ..knowledge.cues import Cues
from ..knowledge.gazetteer import Gazetteer
from ..text.fold import find_all, normalise
from .compound import split_compound
from .frames import DETERMINERS, Frames, words_of
from .interviews import answer_lines, in_answer
from .materiel import figure_candidates, weapon_candidates
from .name_candidates import actor_candidates
from .stances import STANCE_PRIORITY, claim_stance, concern, reflexive, reporting_order
from .statements import GOES_ON, INFERS, MOTIVE, POINTED_BACK, one_report, statement_of, within_earlier_report
from .spans import CLOSING_QUOTES, OPENING_QUOTES, Candidate, Hit, Span, hits, inside, labelled_terms, quoted_spans, story_sentences

# "…, algo que Lima niega", "… - an allegation Chile denies": a second speaker answers the
# statement before; its verb names no channel of it.
_RESPONDS = re.compile(
    r"(?:(?<!\w)(?:algo|lo|cosa|extremo) que|(?<!\w)which|(?<!\w)an? (?:allegation|claim|accusation|charge|report)s?)"
    r"\s+(?:[^\s,;]+\s+){0,4}$",
    re.I,
)
# Verbs that also add things to lists, and nouns spelt like verbs (folded: "añadió" is "anadio"),
# with what follows them then.
_NOT_REPORTING_VERB = re.compile(r"(?:anad|agreg)(?:io|e|en|ieron|aron|o)|adds?|added|reports|claims")
_NOT_REPORTING = re.compile(r"\s+(?:a|al|a la|a los|a las|a su|a sus|to|them to|it to|of)\b", re.I)
_CALLED_AS = re.compile(r"(?!\s+(?:for|on|off|up|in|back)\b)(?:\s+[\w'’-]+){1,6}?\s+[«“\"]")
# ("calls them forgeries": a name given to what a pronoun stands for needs no quotation marks)
_CALLED_PRONOUN = re.compile(r"\s+(?:them|it|her|him|this|these)\s+(?:a\s+|an\s+)?[a-z]")  # after "calls" only (a headline's)
_VIEW = re.compile(r"juicio|opinión|view|opinion")
_AGENTLESS = re.compile(r"(?i)\b(?:be|been|being|ser|sido)\s+(?:[a-z]+ly\s+|independientemente\s+)?$")
_PROMISE = re.compile(r"(?:promised|promises|pledged|pledges|vowed|vows)")
_PLEDGED = re.compile(r"(?i)\s*(?:,|[«“\"]|(?:[\w-]+\s+){0,3}?(?:to|that)\b)")
_ARTICLE_NOUN = re.compile(r"(?i)(?<!\w)(?:el|la|las|los)\s+$")
_NOUN_BEFORE = re.compile(r"(?<!\w)(?:de|del|un|una|su|sus)\s+$")
# "a firm called …", "so-called": a name given, not a statement.
_NAMING = re.compile(r"(?i)(?:so-|\b(?:company|firm|group|ship|vessel|tanker|entity|programme|program|system|project|operation|network|unit|organi[sz]ation)\s+)$")
_AFTER_PREPOSITION = re.compile(
    r"(?<!\w)(?:over|about|on|of|amid|despite|after|following|to|with|by|in|from|their|its|his|her|our|my|your)\s+(?:[^\W\d_]+\s+)?$", re.I
)
_OBJECT_OF = re.compile(r"\s+(?:(?:the|these|those|such|las|los|esas|esos)\s+)?$", re.I)
_CONDITION = re.compile(r"(?:^|[^\w])(?:if|unless|once|si\s+se)\s+$", re.I)
_GOVERNS = re.compile(r"(?i)\b(?:for|without|of|before)\s+$")
# What a gerund reports starts after it ("that", a quotation, an object); a stop or comma ends it.
_BARE = re.compile(r"\s*(?:[.,;:)]|$)")
# How many words may stand between a joining word and a verb of the joined statement's own.
_JOINED_VERB_REACH = 8


# (not "en el que", a relative clause about the answer: "respondió con un comunicado en el que …")
_ANSWERED = re.compile(r"(?i)\b(respondió|respondieron|contestó|contestaron)(?:\s+(?!que\b)[^\s,.;:«»“”\"]+){1,8}?(?<!\bel)(?<!\bla)(?<!\blo)\s+que\b")


def _claim_anchors(sentence: Span, cues: Cues, continues_quote: bool) -> list[Hit]:
    """Where the sentence's claims start, each with its stance.

    Each reporting verb starts a claim ("dijo que … y advirtió que …" is two), and so does
    "y que" after one ("dijo que … y que …"); "según X" or a stance word ("no hay pruebas")
    starts one only in a sentence without a verb; a quotation that continues the previous
    sentence's is a claim of its own.
    """
    verbs = hits(sentence.text, labelled_terms(cues.reporting, reporting_order(cues)))
    # "respondió horas después en la red social X que …": an answer, the words of when or where, what it reports
    verbs = sorted([*verbs, *(Hit(m.start(1), m.end(1), "asserted") for m in _ANSWERED.finditer(sentence.text))], key=lambda h: h.start)
    # A capital inside a sentence makes the word part of a name: "the United States" states
    # nothing; in a headline written in capitals it says nothing.
    shouted = sentence.text.upper() == sentence.text
    verbs = [v for v in verbs if shouted or v.start == 0 or not sentence.text[v.start].isupper() or not sentence.text[: v.start].strip(OPENING_QUOTES + " ")]
    # After "de", "un", "su" a Spanish verb's form is a noun: "un avión de alerta temprana", "su denuncia".
    verbs = [v for v in verbs if not _NOUN_BEFORE.search(sentence.text, 0, v.start)]
    # After "el", or after "la", "las", "los" opening the sentence or right after another reporting
    # verb, the form is a noun: "el anuncio", "La denuncia partió de …", "calificó la denuncia de
    # «infundada»" ("la denunció" is a pronoun's verb).
    verbs = [v for v in verbs if not _article_noun(sentence.text, v, verbs)]
    # After an English article the word is an adjective: "the reported use of missiles" reports
    # nothing. A Spanish "lo", "los" before a verb is its object: "Irán lo ha reconocido".
    verbs = [v for v in verbs if not re.search(r"(?<!\w)(?:the|a|an)\s+$", sentence.text[: v.start], re.I)]
    # After a preposition or a possessive "reports" and "claims" are nouns: "doubts about press
    # reports that …", "ministers withdrew their first claims".
    verbs = [v for v in verbs if not (normalise(sentence.text[v.start : v.end]) in ("reports", "claims") and _AFTER_PREPOSITION.search(sentence.text, 0, v.start))]
    # After a people's adjective too: "dismissed as slander Western claims that …".
    verbs = [v for v in verbs if not (normalise(sentence.text[v.start : v.end]) in ("reports", "claims") and _after_adjective(sentence.text[: v.start], cues))]
    # "former Soviet states", "member states": a noun, unless what it states follows ("the text states that …").
    verbs = [v for v in verbs if normalise(sentence.text[v.start : v.end]) != "states" or re.match(r"\s*(?:that\b|[:«“\"])", sentence.text[v.end :])]
    # Right after a reporting verb they are its object: "dismissed reports of …", "rejected the claims".
    verbs = [v for v in verbs if not (normalise(sentence.text[v.start : v.end]) in ("reports", "claims") and _object_of(sentence.text, v, verbs))]
    # "called" names in quoted words what it reports ("called the sanctions "illegitimate""); "called
    # for talks", "a firm called Nordlys" report nothing.
    verbs = [
        v for v in verbs if normalise(sentence.text[v.start : v.end]) not in ("called", "calling", "calls")
        or ((_CALLED_AS.match(sentence.text, v.end) or (normalise(sentence.text[v.start : v.end]) == "calls" and _CALLED_PRONOUN.match(sentence.text, v.end)))
            and not _NAMING.search(sentence.text, 0, v.start))
    ]  # fmt: skip
    # "concerned" is a state of mind after "be" or before what it is about; "the visit concerned
    # trade" says what something was about.
    verbs = [v for v in verbs if normalise(sentence.text[v.start : v.end]) != "concerned" or concern(sentence.text, v)]
    # A condition is no statement: "If confirmed, it would be …", "De confirmarse, …", "si se confirma".
    verbs = [v for v in verbs if not _conditional(sentence.text, v)]
    # "think tank" is a body, not a belief.
    verbs = [v for v in verbs if not (normalise(sentence.text[v.start : v.end]) == "think" and re.match(r"\s+tanks?\b", sentence.text[v.end :], re.I))]
    # "Moscú se considera vinculado": how one regards oneself, with no "que", states no belief.
    verbs = [v for v in verbs if not reflexive(sentence.text, v)]
    # A gerund a preposition governs that reports nothing after it is a noun: "little time for warning."
    verbs = [v for v in verbs if not _gerund_noun(sentence.text, v)]
    # "Iran has promised Russia missiles": a promise of a thing is a deed; "promised to", "promised
    # that" state one.
    verbs = [v for v in verbs if not (_PROMISE.fullmatch(normalise(sentence.text[v.start : v.end])) and not _PLEDGED.match(sentence.text, v.end))]
    # "The claims could not be independently verified": a passive with no agent confirms nothing.
    verbs = [v for v in verbs if not (v.label == "acknowledged" and _AGENTLESS.search(sentence.text, 0, v.start) and not re.match(r"\s+(?:by|por)\b", sentence.text[v.end :]))]
    # "had every reason to deny any role": a verb a noun of motive governs is no one's statement.
    verbs = [v for v in verbs if not MOTIVE.search(sentence.text, 0, v.start)]
    # "according to an assessment by X first reported by NBC News": a participle describing the
    # source's document, whose outlet is its channel; the attribution reports.
    verbs = [v for v in verbs if not _describes_source(sentence.text, v, cues)]
    # A statement someone did not make is no claim: "Berg didn't say whether …", "no precisó si",
    # "no negó que" (no denial); nor is the narrator's aside ("It is worth recalling that").
    unmade = [v for v in verbs if v.label in ("asserted", "acknowledged", "denied") and _not_made(sentence.text[: v.start], cues)]
    # "Peskov se negó a comentar": refusing to speak states nothing.
    unmade += [v for v in verbs if v.label == "denied" and re.search(r"(?i)(?<!\w)se\s+$", sentence.text[: v.start]) and re.match(r"\s+a\s+[^\W\d_]+r\b", sentence.text[v.end :])]
    verbs = [v for v in verbs if v not in unmade]
    # What a joined clause says was not said ("pero no mencionó") joins no statement of its own.
    unsaid = [v for v in unmade if normalise(sentence.text[: v.start]).rstrip().rsplit(" ", 1)[-1] in cues.negations]
    # "officials often deny such sales", "a veces niegan": a habit, no statement.
    verbs = [v for v in verbs if not _habitual(sentence.text[: v.start], cues)]
    # "añadió a su registro", "added them to", "reports of shipments": adding to something and
    # a noun report nothing; "said that it was concerned" reports once.
    verbs = within_earlier_report(sentence.text, [v for v in verbs if not _reports_nothing(sentence.text, v)])
    quoted = quoted_spans(sentence.text)
    outside = [v for v in verbs if not inside(v.start, quoted)]
    # A verb quoted inside someone's statement is part of it, not a statement of its own.
    verbs = outside or verbs
    # "Según diplomáticos occidentales, X …: Washington sostiene que …": a source the sentence
    # opens with, whose clause a colon closes before the verb, makes a claim of its own.
    opening = next(iter(hits(sentence.text, {normalise(t): "asserted" for t in cues.attribution})), None)
    if verbs and opening is not None and not sentence.text[: opening.start].strip(OPENING_QUOTES + " ") and _CLOSED.search(sentence.text, opening.end, verbs[0].start):
        verbs = [opening, *verbs]
    if verbs:
        # A joined statement with a verb of its own ("pero Irán negó") is that verb's claim.
        # "… but declined to elaborate" joins no statement.
        # Inside a short quotation after the verb the words are the quoted phrase's own: "is
        # «nobody's business but ours»".
        refused = tuple(normalise(r) for r in cues.refusals)
        phrases = [(a, b) for a, b in quoted if a > verbs[0].end and len(sentence.text[a:b].split()) <= _QUOTED_PHRASE]
        more = [
            Hit(a, b, "believes" if INFERS.fullmatch(sentence.text, a, b) else "") for a, b in find_all(sentence.text, GOES_ON)
            if a > verbs[0].end and not any(0 < v.start - b and len(sentence.text[b : v.start].split()) <= _JOINED_VERB_REACH for v in (*verbs, *unsaid))
            and not normalise(sentence.text[b:]).lstrip().startswith(refused) and not inside(a, phrases)
        ]  # fmt: skip
        return sorted([*verbs, *more], key=lambda h: h.start)
    # "A su juicio", "in his view": what is held, not stated.
    if cited := hits(sentence.text, {normalise(t): "believes" if _VIEW.search(t) else "asserted" for t in cues.attribution}):
        return cited[:1]
    if (view := _opinion(sentence.text, cues)) is not None:
        return [view]
    content = hits(sentence.text, labelled_terms(cues.content, STANCE_PRIORITY))
    # A warning or a charge without a verb is someone's only in their quoted words: the
    # narrator's "would mark a significant escalation" or "violaciones" states no one's claim.
    content = [c for c in content if c.label not in ("warned", "accused") or quoted_spans(sentence.text)]
    if content:
        return content[:1]
    if continues_quote:
        return [Hit(0, 0, "asserted")]
    return []


def _opinion(sentence: str, cues: Cues) -> Hit | None:
    """"Para el analista Samuel Bendett, del centro CNA, la presencia iraní demuestra …": whose view
    the sentence opens with, a person's name or a described person before its comma."""
    opens = next((o for o in cues.opinion if re.match(rf"(?i){re.escape(o)}\s", sentence)), None)
    if opens is None:
        return None
    holder = sentence[len(opens) : sentence.find(",")] if "," in sentence else ""
    words = words_of(holder)
    # a name, or a described person after its article ("Para Nicole Grajewski", "Para los
    # analistas"), or one whose role no list holds before the name ("Para el politólogo X").
    described = bool(Frames.of(cues).nouns.search(holder)) or any(w[:1].isupper() for w in words[1:])
    named = bool(words) and (words[0][:1].isupper() or (words[0].lower() in DETERMINERS and described))
    return Hit(0, len(opens), "asserted") if 0 < len(words) <= _OPINION_HOLDER and named else None


# The most words "Para X," may take to name whose view follows: "el analista Samuel Bendett".
_OPINION_HOLDER = 6


def _after_adjective(before: str, cues: Cues) -> bool:
    """Whether the words before end with a country's or a people's adjective ("Western", "US")."""
    words = before.split()
    last = normalise(words[-1]) if words else ""
    return last in cues.demonym_forms or last in {normalise(a) for a in cues.described_adjectives}


def _object_of(sentence: str, noun: Hit, verbs: Sequence[Hit]) -> bool:
    """Whether a word stands right after a reporting verb, past a determiner: its object."""
    gap = _OBJECT_OF.search(sentence, 0, noun.start)
    return gap is not None and any(gap.start() == verb.end for verb in verbs)


def _conditional(sentence: str, verb: Hit) -> bool:
    """Whether a reporting verb only states a condition: after "if", "unless", "once", "si se",
    or a Spanish infinitive after "de" ("De confirmarse, …")."""
    if _CONDITION.search(sentence, 0, verb.start):
        return True
    return sentence[verb.start : verb.end].endswith("rse") and re.search(r"(?i)\bde\s+$", sentence[: verb.start]) is not None


def _gerund_noun(sentence: str, verb: Hit) -> bool:
    """Whether a reporting gerund is a noun a preposition governs, reporting nothing after it
    ("little time for warning.", "without warning,")."""
    return sentence[verb.start : verb.end].lower().endswith("ing") and bool(_GOVERNS.search(sentence, 0, verb.start)) and bool(_BARE.match(sentence, verb.end))


def _article_noun(sentence: str, verb: Hit, verbs: Sequence[Hit]) -> bool:
    """Whether an article makes a reporting verb's form a noun (see `_claim_anchors`)."""
    article = _ARTICLE_NOUN.search(sentence, 0, verb.start)
    if article is None:
        return False
    opens = not words_of(sentence[: verb.start])[:-1]
    return article.group(0).strip().lower() == "el" or opens or any(sentence[u.end : verb.start].strip().lower() in ("la", "las", "los") for u in verbs)


def _describes_source(sentence: str, verb: Hit, cues: Cues) -> bool:
    """Whether a verb is a participle ("reported by", "publicada por") in an attribution's source."""
    if not re.match(r"(?i)\s+(?:by|por)\b", sentence[verb.end :]):
        return False
    before = normalise(sentence[: verb.start])
    return any(re.search(rf"(?<!\w){re.escape(normalise(a))}(?:\s+[^\s,;:]+){{1,10}}\s*$", before) for a in cues.attribution)


def _reports_nothing(sentence: str, verb: Hit) -> bool:
    """"Oslo añadió a su registro a …", "Reports of shipments …": no "que", "that" or
    quotation follows the verb, and what does makes it another verb or a noun."""
    if not _NOT_REPORTING_VERB.fullmatch(normalise(sentence[verb.start : verb.end])) or not _NOT_REPORTING.match(sentence, verb.end):
        return False
    return re.search(r"(?<!\w)(?:que|that)(?!\w)|[«“\"]", sentence[verb.end :]) is None


def _not_made(before: str, cues: Cues) -> bool:
    """Whether the words before a reporting verb negate or refuse it ("did not", "declined to")."""
    folded = normalise(before).rstrip()
    last = folded.rsplit(" ", 1)[-1]
    # normalise writes every apostrophe as '"'.
    ends = tuple(f" {normalise(r)}" for r in (*cues.refusals, *cues.narration))
    # "Ni Pyongyang ni Moscú han reconocido", "Neither Tehran nor Moscow has confirmed": nobody did.
    neither = re.search(r"(?:^|[^\w])(?:ni|neither)\s+[^,;:]+\s(?:ni|nor)\s+[^,;:]+$", folded) is not None
    return neither or last in cues.negations or last.endswith('n"t') or f" {folded}".endswith(ends)


def _habitual(before: str, cues: Cues) -> bool:
    """Whether a frequency word right before a reporting verb makes it a habit ("suelen negar")."""
    return f" {normalise(before).rstrip()}".endswith(tuple(f" {normalise(h)}" for h in cues.habitual))


def _attributed_sentences(article: str, cues: Cues) -> list[Span]:
    """Story sentences, with a quotation of several sentences kept whole with its attribution.

    '“… . …”, indicó Peskov.' is one statement: split, its first part would look unattributed
    and the verbs quoted inside it would look like claims of their own.
    """
    merged: list[Span] = []
    reporting = labelled_terms(cues.reporting, reporting_order(cues))
    for sentence in story_sentences(article, cues):
        last = merged[-1] if merged else None
        # "«…». Así lo afirmó el portavoz, X.": a statement the next sentence attributes by a pronoun.
        told = (said := POINTED_BACK.match(sentence.text)) is not None and bool(hits(said.group(1), reporting))
        told = told and last is not None and not hits(last.text, reporting) and not hits(last.text, {normalise(t): "" for t in cues.attribution})
        if last is not None and (_open_at_end(last.text) or told) and "\n" not in article[last.end : sentence.start]:
            merged[-1] = Span(last.start, sentence.end, article[last.start : sentence.end])
        else:
            merged.append(sentence)
    return merged


def _open_at_end(text: str) -> bool:
    return any(end == len(text) and text[start] in "“«\"" for start, end in quoted_spans(text)) and text[-1:] not in "”»\""


# The most words of a quoted phrase after a verb, inside which "but" or "y no" joins no statement.
_QUOTED_PHRASE = 8
# A relative pronoun and a short subject before a verb: "que Washington acusa", "that Kyiv says".
_RELATIVE_BEFORE = re.compile(r"(?i)(?<!\w)(?:that|which|que)\s+(?:[^\W\d_]+\s+){1,3}$")
# The word that opens a verb's complement clause.
_SUBORDINATE = re.compile(r"(?i)(?<!\w)(?:que|that)(?!\w)")


def claim_candidates(article: str, cues: Cues) -> list[Candidate]:
    """One candidate per attributed statement: its sentence, reporting words, stance and clause."""
    found: list[Candidate] = []
    attributed = frozenset(normalise(t) for t in cues.attribution)
    negations = frozenset(normalise(t) for t in cues.negations)
    previous_claimed = False
    answers = answer_lines(article)
    for sentence in _attributed_sentences(article, cues):
        # All of it a quotation: closed at its end, or left open to the paragraph's end (the
        # quotation paragraph that follows an attributed one).
        quoted = sentence.text[:1] in OPENING_QUOTES and (sentence.text.rstrip(".")[-1:] in CLOSING_QUOTES or _open_at_end(sentence.text))
        # An interview's answer says what the person interviewed holds, with or without a verb.
        anchors = _claim_anchors(sentence, cues, continues_quote=(quoted and previous_claimed) or in_answer(sentence.start, answers))
        stance = said_as = "asserted"
        n = 0
        while n < len(anchors):
            anchor = inner = anchors[n]
            # A report within a report is one claim: the outer verb's, with what the inner one
            # reports and how ("Kirby said officials believe …", "indicó que Irán declaró que no …").
            while (
                n + 1 < len(anchors) and anchors[n + 1].label and one_report(sentence.text[inner.end : anchors[n + 1].start], cues)
                and not _RESPONDS.search(sentence.text[: anchors[n + 1].start])
            ):  # fmt: skip
                n += 1
                inner = anchors[n]
            until = anchors[n + 1].start if n + 1 < len(anchors) else len(sentence.text)
            if normalise(sentence.text[anchor.start : anchor.end]) in attributed and (closed := _CLOSED.search(sentence.text, anchor.end, until)):
                until = closed.end() - 1
            if (answer := _RESPONDS.search(sentence.text[:until])) is not None and answer.start() > inner.end:
                until = answer.start()  # the answer and its speaker are no part of the statement
            # The first claim's stance words may stand in a quotation before its verb; the words
            # around one do not ("Preguntado por esas acusaciones, X las calificó de «infundadas»").
            before = sentence.text[: anchor.start] if anchor is anchors[0] else ""
            segment = " ".join([*(before[a:b] for a, b in quoted_spans(before)), sentence.text[anchor.start : until]])
            statement = statement_of(sentence, inner, until, cues)
            n += 1
            # "X calcula que …, informó un diputado": the last verb only names the channel of X's claim.
            relays = (
                bool(found) and found[-1].sentence == sentence and statement.start <= found[-1].span.start
                and not _RESPONDS.search(sentence.text[: anchor.start])
                # "A says X; B denies it": past a semicolon a verb has a subject of its own.
                and ";" not in sentence.text[found[-1].span.end - sentence.start : anchor.start]
                # "después de meses negándolo, Oslo lo ha admitido": a verb with its own object pronoun
                # makes a statement of its own, not the channel of the one before.
                and not re.search(r"(?<!\w)(?:lo|la|los|las)\s+$", sentence.text[: anchor.start], re.I)
                # "A ship that Washington accuses of …, researchers said": a verb in a relative clause
                # reports its own charge, what the last verb says is the sentence's.
                and not _RELATIVE_BEFORE.search(sentence.text, 0, found[-1].span.start - sentence.start)
                # "… el dron que Ucrania asegura haber derribado": so does a verb in one after it.
                and not _RELATIVE_BEFORE.search(sentence.text, 0, anchor.start)
                # "dijo que A y que no descarta B": a verb joined to the statement before goes on with it.
                and not re.search(r"(?i)(?<!\w)(?:y|e|and)\s+(?:que|that)\s+$", sentence.text[: anchor.start])
            )  # fmt: skip
            said = statement.text if statement != sentence else ""
            complement = sentence.text[inner.end : statement.start - sentence.start] if said else ""
            # An outer verb with a stance of its own keeps it over a verb inside its "que" clause
            # ("consideró que la admisión confirma …" believes); a neutral one takes the inner verb's
            # ("said officials believe"), as a dismissal does what it goes on to say ("negó … y aseguró").
            within = anchor.label not in ("", "asserted") and _SUBORDINATE.search(sentence.text, anchor.end, inner.start) is not None
            # A statement joined by "y que" / "and that" takes its verb's stance, not the one the
            # statement before it took from its own words ("said that X has not … and that Y");
            # one joined by a negation ("ni ha enviado") goes on denying.
            verb = anchor if within else inner
            negated = not verb.label and bool(set(normalise(sentence.text[verb.start : verb.end]).split()) & negations)
            stance = claim_stance(verb, stance if negated else said_as, segment, (complement, said), cues)
            said_as = verb.label or said_as
            words = Span(sentence.start + anchor.start, sentence.start + anchor.end, sentence.text[anchor.start : anchor.end])
            claim = Candidate("claims", words, sentence, cue=stance, statement=statement, relays=relays)
            subject_next = until < len(sentence.text) and not sentence.text[statement.end - sentence.start : until].strip(" ,")
            attributes = normalise(sentence.text[anchor.start : anchor.end]) in attributed
            found.extend(split_compound(claim, verb.label if verb.label != "asserted" else "", cues, attributes, subject_next))
        previous_claimed = bool(anchors)
    return found


# A source's clause closed by a colon or a semicolon, past the comma after the source.
_CLOSED = re.compile(r",[^;:«»“”\"]+?[:;]")

def find_candidates(article: str, cues: Cues, gazetteer: Gazetteer) -> dict[Field_, list[Candidate]]:
    """Candidates for every field, each list in article order."""
    return {
        "actors": actor_candidates(article, cues, gazetteer),
        "weapons": weapon_candidates(article, cues, gazetteer),
        "figures": figure_candidates(article),
        "claims": claim_candidates(article, cues),
    }

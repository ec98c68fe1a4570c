"""A claim's stance, read off its words: the reporting verb's, or a neutral verb's taken from
what it reports ("dijo que no hay pruebas" is a denial, "said Oslo has never sold" too)."""

from __future__ import annotations

import re

from ..knowledge.cues import Cues
from ..text.fold import normalise
from .frames import DETERMINERS, POSSESSIVES
from .spans import Hit, hits, labelled_terms
from .statements import CONTRASTS, MOTIVE

# A denial or an admission reported with "said" is still a denial or an admission: the more
# specific stance wins whatever the word order.
STANCE_PRIORITY = ("denied", "acknowledged", "accused", "warned", "believes", "asserted")
# How many words open a statement: "Irán no envió", "Moscow has never sent", "Nunca antes hemos".
_NEGATION_REACH = 7
# What may stand before a statement's negation besides a name: "se", "lo", "it", "they", "has" …
_BEFORE_NEGATION = frozenset(
    "se lo la le les nos ya él ella ellos ellas it he she they we i has have had is are was were did does do will would can could"
    # a state named by its own speaker: "que su país no ha enviado", "its government has never"
    " su sus nuestro nuestra its their our his her país gobierno country government"
    # a state's body, with its article and its adjective: "que el ejército ruso no emplea …"
    " el the ejército army military fuerzas forces armada navy"
    # what is said not to exist: "there are none", "there were no North Korean troops"
    " there".split()
)
# Irregular participles of giving, trading, having and finding: "Tehran had sent no missiles", "it had seen no sign".
_GIVEN = frozenset(("sent", "sold", "given", "bought", "brought", "made", "built", "seen", "found", "shown", "had", "got", "known"))
# An aside set off by commas among a statement's first words ("North Korea, it said, has not …").
_ASIDE = re.compile(r",\s+(?:[^\s,]+\s+){0,3}[^\s,]+,\s*")
_ASIDE_REACH = 60
# A negation right before a word of wrongdoing: "no viola ningún acuerdo", "nada que ocultar"
# deny the charge.
_NOT = re.compile(r"(?<!\w)(?:no|not|never|nunca|jamás|nada|nothing)\s+(?:[^\W\d_]+\s+)?$", re.I)


def reporting_order(cues: Cues) -> list[str]:
    """The reporting verbs' stances, the more specific first (`STANCE_PRIORITY`)."""
    return [s for s in STANCE_PRIORITY if s in cues.reporting] + [s for s in cues.reporting if s not in STANCE_PRIORITY]


def claim_stance(anchor: Hit, previous: str, segment: str, said: tuple[str, str], cues: Cues) -> str:
    """A neutral verb takes the stance of a stance word in what it reports ("no hay pruebas"),
    or reports a denial when what it reports opens by negating its verb ("que Irán no envió").

    `said`: the words between the verb and its statement, and the statement ('' for none).
    """
    stance = anchor.label or previous
    # What a denial is contrasted with, or the reason it gives, is stated, not denied: "not for
    # export but for defence".
    if not anchor.label and previous == "denied" and CONTRASTS.match(segment):
        stance = "asserted"
    if stance != "asserted":
        return stance
    complement, statement = said
    # The verb's own complement may dismiss what it reports, or fear it: "tachó de «ridículas» las
    # acusaciones de que …", "expresó su temor de que …".
    framing = hits(complement, labelled_terms(cues.content, STANCE_PRIORITY)) if "," not in complement else []
    if any(h.label == "denied" for h in framing):
        return "denied"
    if framing:
        return framing[0].label
    # A quoted statement that opens with its subject's own verb takes that verb's stance:
    # "«Noruega cree que …», dijeron los ministros."
    opening = [
        h for h in hits(statement, labelled_terms(cues.reporting, reporting_order(cues)))
        if (normalise(statement[h.start : h.end]) != "concerned" or concern(statement, h)) and not reflexive(statement, h)
        and not MOTIVE.search(statement, 0, h.start)
    ]  # fmt: skip
    if opening and opening[0].label != "asserted" and _opens_with_subject(statement[: opening[0].start]) and not _evidence_confirms(statement[: opening[0].start], opening[0].label):
        return opening[0].label
    # Stance words count in what the verb reports, not in the words around it ("dijo …, en
    # respuesta a preguntas de …").
    text = statement or segment
    marks = [m for m in hits(text, labelled_terms(cues.content, STANCE_PRIORITY)) if not _describes(text, m, cues) and not MOTIVE.search(text, 0, m.start)]
    # "aún no pueden determinar si su traslado violó la resolución": an open question charges no one.
    if (question := _OPEN_QUESTION.search(text)) is not None:
        marks = [m for m in marks if m.start < question.start()]
    if marks and _names_an_actor(segment, cues):
        return "accused"  # "calificó a Seúl de «fábrica de mentiras»": an actor called a liar is charged
    if marks:
        # A charge and a word that dismisses it deny the charge: "una acusación sin fundamento".
        # A wrong negated is denied: "no viola ningún acuerdo"; a campaign of lies is a charge
        # still (only a word that names a charge is dismissed by a word of falsity).
        charge = normalise(text[marks[0].start : marks[0].end]) in _CHARGES
        dismissed = marks[0].label == "accused" and (_NOT.search(text, 0, marks[0].start) or (charge and any(m.label == "denied" for m in marks)))
        return "denied" if dismissed else marks[0].label
    # A denial of evidence denies (docs/annotation.md): "no contiene una sola prueba", "has not provided any evidence".
    if _names_a_report(segment, cues) or _NO_EVIDENCE.search(text):
        return "denied"
    if _named(segment, cues, cues.branding) or _charging(_named(segment, cues), cues):
        return "accused"  # "tildó la resolución de «politizada»", "calificó el viaje de «error»": what is so named is charged
    return "denied" if _negated(statement, cues) else stance


def _names_a_report(segment: str, cues: Cues) -> bool:
    """"calificó la noticia de «…»", "called the report “…”": a report or a claim the verb gives a
    name of its own is dismissed."""
    named = _named(segment, cues)
    rest = [w for w in normalise(" ".join(named)).split()[:3] if w not in _DETERMINERS]
    # "calls them fake": a pronoun for what was reported, given a name of falsity
    if rest[:1] in (["them"], ["it"]):
        return any(h.label == "denied" for h in hits(" ".join(named[1:]), labelled_terms(cues.content, STANCE_PRIORITY)))
    return bool(rest) and rest[0] in {normalise(r) for r in cues.referring}


def _charging(named: list[str], cues: Cues) -> bool:
    """Whether the name a naming verb gives charges what it names ("«caza de brujas»", "“a historic mistake”")."""
    return bool(named) and re.search(rf"(?<!\w)(?:{'|'.join(re.escape(normalise(w)) for w in cues.charging_names)})(?!\w)", normalise(" ".join(named))) is not None


def _names_an_actor(segment: str, cues: Cues) -> bool:
    """"calificó a Seúl de …", "branded Washington …": the verb gives a name of its own to an actor."""
    named = _named(segment, cues)
    rest = named[1:] if named[:1] and named[0].lower() in ("a", "al") else named
    return bool(rest) and rest[0][:1].isupper()


def _named(segment: str, cues: Cues, verbs: tuple[str, ...] = ()) -> list[str]:
    """The words after a naming verb that opens `segment` ("calificó", "called"; one of `verbs`
    if given); none if no such verb opens it."""
    words = segment.split()
    return words[1:] if words and normalise(words[0]) in {normalise(n) for n in verbs or cues.naming} else []


# What may stand between a verb and the noun it names: an article, a possessive, a demonstrative.
_DETERMINERS = frozenset((*DETERMINERS, *POSSESSIVES, *"esa esas ese esos esta estas este estos these those such this that".split()))


def _describes(text: str, mark: Hit, cues: Cues) -> bool:
    """Whether a word of falsity only describes a thing ("false end-user certificates",
    "certificados falsos"), not a statement it dismisses ("false claims", "es falso")."""
    word = normalise(text[mark.start : mark.end])
    if word not in _FALSITY:
        return False
    # The noun it qualifies: after it in English, before it in Spanish, past an adverb ("es completamente falsa").
    after, before = re.match(r"\s+([^\W\d_]+)", text[mark.end :]), re.search(r"([^\W\d_]+)\s+(?:(?:muy|tan|[^\W\d_]+mente)\s+)*$", text[: mark.start])
    noun = (after.group(1) if after else "") if word in ("false", "fake") else (before.group(1) if before else "")
    referring = {normalise(r) for r in cues.referring}
    return bool(noun) and normalise(noun) not in referring and normalise(noun) not in _PREDICATIVE


_CHARGES = frozenset(("acusacion", "acusaciones", "acusaciones de", "accusation", "accusations"))
_NO_EVIDENCE = re.compile(
    r"(?i)(?<!\w)(?:no|not|never|nunca|nadie|nobody)\s+(?:[«“\"]?[^\W\d_]+\s+){0,4}?[«“\"]?(?:pruebas?|evidencias?|evidence|proof|indicios)\b"
)
_OPEN_QUESTION = re.compile(
    r"(?i)\b(?:determinar|establecer|saber|precisar|aclarar|confirmar|decir|determine|establish|say|know|tell|confirm|assess)\s+(?:whether|if|si)\b"
)
_FALSITY = frozenset(("false", "fake", "falso", "falsa", "falsos", "falsas"))
# Words before (in Spanish) or after (in English) a predicative "falso", "false": "es falso", "false, and".
_PREDICATIVE = frozenset("es son era eran fue fueron sea sean sería resulta resultó parece de como por and or but".split())


def reflexive(text: str, hit: Hit) -> bool:
    """"Moscú se considera vinculado": how one regards oneself, no "que" after it, is no belief stated."""
    return hit.label == "believes" and re.search(r"(?i)\bse\s+$", text[: hit.start]) is not None and not re.match(r"\s+que\b", text[hit.end :])


def concern(text: str, hit: Hit) -> bool:
    """Whether "concerned" at `hit` is a state of mind: after "be" or an adverb, or before what it
    is about ("was deeply concerned about"); "the visit concerned trade" says what a thing was about."""
    return bool(_CONCERN.search(text, 0, hit.start) or _CONCERN_OF.match(text, hit.end))


_CONCERN = re.compile(r"(?i)\b(?:is|are|was|were|be|been|being|remains?|remained|seemed|appeared|very|deeply|increasingly|gravely|seriously)\s+$")
_CONCERN_OF = re.compile(r"(?i)\s+(?:about|by|over|that|at)\b")


def _opens_with_subject(before: str) -> bool:
    """Whether the words before a verb can be its subject alone: a few words, no clause break."""
    # An article alone makes the verb's form a noun: "la denuncia de «infundada»".
    lone_article = re.fullmatch(r"(?i)\s*(?:el|la|los|las|the|a|an)\s*", before) is not None
    return 0 < len(before.split()) <= 5 and not lone_article and not re.search(r"[,;:]|\b(?:que|that)\b", before)


def _evidence_confirms(subject: str, label: str) -> bool:
    """"el informe confirma que …", "la visita de Kim «confirma …»": a thing that confirms or
    shows is evidence the speaker cites, not an admission of the speaker's side."""
    return label == "acknowledged" and re.match(r"(?i)\s*(?:el|la|los|las|the|this|that|esta|este|estos|estas)\s+(?-i:[a-záéíóúñ])", subject) is not None


_CLITICS = frozenset(("lo", "la", "los", "las", "le", "les", "se", "nos", "me", "te"))


def _future(words: list[str], n: int) -> bool:
    """Whether the negation at `n` negates a verb in the future: after "will" or "shall", before
    "going to", or before a Spanish future ("no olvidará") or "ir a" ("no vamos a")."""
    word = words[n].lower()
    # (with its subject: "has not sent, and will not send" goes on denying)
    if (word in ("won't", "won’t", "shan't") and n > 0) or (word == "not" and n > 1 and words[n - 1].lower() in ("will", "shall")):
        return True
    after = [w.lower() for w in words[n + 1 : n + 4] if w.lower() not in _CLITICS]
    verb = after[0] if after else ""
    if word == "not" and after[:2] == ["going", "to"] and n > 1:
        return True
    return re.fullmatch(r"[^\W\d_]{2,}(?:rá|rán|remos|ré|rás)", verb) is not None or (verb in ("va", "vamos", "van", "voy") and after[1:2] == ["a"])


def _negated(statement: str, cues: Cues) -> bool:
    """Whether a statement opens by negating its verb: "Irán no envió", "Nunca hemos", "it hasn't".

    Only a name ("Corea del Norte no ha"), a pronoun or an English auxiliary ("Oslo has never")
    may stand before the negation: "los envíos no se habían pagado" reports a fact about
    shipments, not a denial.
    """
    # "Ya no hay duda de …", "not only …", "it could not confirm": a negation that asserts, or
    # says what is not known, after the few words a negation may follow.
    # Quotation marks inside it do not break a phrase: "no tener «ninguna información»".
    opening = " ".join(normalise(statement).replace('"', " ").lstrip("' ").split()[: _NEGATION_REACH + 2])
    if any(re.search(rf"(?<!\w){re.escape(normalise(p))}(?!\w)", opening) for p in cues.not_negating):
        return False
    # "North Korea, it said, “has not sold …”": the aside that names the speaker is no word of
    # what it said.
    if (aside := _ASIDE.search(statement, 0, _ASIDE_REACH)) is not None:
        statement = statement[: aside.start()] + " " + statement[aside.end() :]
    words = re.findall(r"[\w'’]+", statement)[:_NEGATION_REACH + 1]
    for n, word in enumerate(words[:_NEGATION_REACH]):
        folded = word.lower()
        # "nobody had been hurt", "nadie inspeccionó la carga": what no one did is stated, not denied
        if n == 0 and (folded in ("nadie", "nobody") or (folded == "no" and words[1:2] == ["one"])):
            return False
        if folded in cues.negations or folded.endswith(("n't", "n’t")):
            # What one's side will not do is an intention stated, not a fact denied: "Estonia will
            # not be a back door", "no vamos a retener un buque", "Rusia no olvidará".
            return not _future(words, n)
        # "Tehran had received no weapons": an English verb whose object is "no" denies it.
        if (folded.endswith("ed") or folded in _GIVEN) and n + 1 < len(words) and words[n + 1].lower() in ("no", "none", "nothing"):
            return True
        # an adverb may stand there too: "said separately it had seen no sign"
        adverb = folded.endswith(("ly", "mente"))
        if not (word[:1].isupper() or adverb or folded in _BEFORE_NEGATION or folded in cues.connectors or cues.described_adjectives.get(folded, "")[:1].isupper()):
            return False
    return False

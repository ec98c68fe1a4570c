"""What a reporting verb reports: the quotation before it, the clause after it, or the clause
before a comma it closes ("X were made abroad, said the police chief"); when two verbs are
one report ("said officials believe"); and when what it reports only points back to an earlier
statement ("negó esa versión")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..knowledge.cues import Cues
from ..text.dates import story_start
from ..text.fold import normalise
from .continued import parenthetical, set_off_source
from .frames import DETERMINERS, POSSESSIVES, words_of
from .spans import CLOSING_QUOTES, OPENING_QUOTES, Hit, Span


# A second statement of the same speaker, joined to the first: "dijo que … y que …", "… but not this
# year", "… y no pensamos …", "…, pero ha elogiado …", what the speaker infers from the first ("…, lo
# que sugiere que …"), the reason they give in their own words ("… porque «…»"). Each is a claim of
# its own (docs/annotation.md); its stance is read off its own words, and an inference is a belief.
INFERS = re.compile(r"(?<!\w)(?:lo que|which) (?:sugiere|suggests) (?:que|that)(?!\w)", re.I)
# A contrast or a reason is no denial of its own: "no para exportar, pero …", "no envió armas porque «…»".
CONTRASTS = re.compile(r"(?:pero|but|porque|because)(?!\w)", re.I)
GOES_ON = re.compile(
    r"(?<!\w)(?:y|e|and) (?:que|that)(?!\w)|(?<!\w)(?:pero|but)(?!\w)"
    r"|(?<!\w)(?:porque|because)(?=\s*[«“\"])"
    # (matched on folded text: "ningun", "habia")
    rf"|(?<!\w)(?:y|and)(?=\s+(?:there\s+(?:is|are|was|were)\s+)?(?:no|not|never|nunca|tampoco|ningun|ninguna|nadie|nobody|none)(?!\w))"
    # "no tiene asesores … ni ha enviado drones": "ni" before a verb of its own, not a list's "ni"
    r"|(?<!\w)ni(?=\s+(?:ha|han|habia|habian|he|hemos|va|van|tiene|tienen|tendra|tendran)(?!\w))"
    rf"|{INFERS.pattern}",
    re.I,
)


# A noun of motive before a verb makes it no one's act: "had every reason to deny any role".
MOTIVE = re.compile(r"(?i)\b(?:reasons?|motives?|incentives?|interest|motivos?|razón|razones|interés|incentivos?)\s+(?:to|para|en)\s+$")


# A sentence that attributes the one before by an object pronoun: "Así lo afirmó …", "Lo dijo …".
POINTED_BACK = re.compile(r"(?i)\W*(?:así\s+)?lo\s+((?:ha\s+|han\s+|había\s+)?[^\W\d_]+)")
# Where that sentence starts, after the statement it attributes.
_POINTING_SENTENCE = re.compile(r"(?i)(?<=[.!?»”\"])\s+(?:así\s+)?lo\s+(?:ha\s+|han\s+|había\s+)?$")


def goes_on(anchor_text: str) -> bool:
    """Whether a claim's words only join it to the statement before ("y que", "but")."""
    return GOES_ON.fullmatch(anchor_text.strip()) is not None


# A passive report: "X was quoted as saying", "X fue citado diciendo", "X was quoted by an outlet
# as saying"; its subject stands before "was".
QUOTED_AS = re.compile(
    r"\b(?:was|were|is|are|has been|have been|had been|fue|fueron)\s+(?:quoted|cited|citad[oa]s?)\s+"
    r"(?:(?:by|por)\s+(?:[^\s,;]+\s+){1,6}?)?(?:as\s+)?$",  # "quoted by the state agency BelTA as saying"
    re.I,
)


# A copula before a verb's word makes it a state of mind: "was concerned", "estaban preocupados".
_STATE_OF_MIND = re.compile(
    r"(?<!\w)(?:is|are|was|were|be|been|remains|remained|está|están|estaba|estaban|estuvo|estuvieron)"
    r"\s+(?:(?:very|deeply|increasingly|so|muy|profundamente|seriamente)\s+)?$",
    re.I,
)


def within_earlier_report(text: str, verbs: list[Hit]) -> list[Hit]:
    """The verbs but a state of mind inside what an earlier verb of the sentence reports: "said
    that his country was concerned about …" is one statement, not a report and a fragment."""
    return [v for n, v in enumerate(verbs) if not (n and _STATE_OF_MIND.search(text, 0, v.start))]


# A source's apposition (a role or an affiliation, lower case), or the name a role is given, its comma closing it.
_APPOSITION = re.compile(r"\s*(?:del|de la|de los|de|of|from|at|que|quien|which|who|(?-i:[a-záéíóú]\w+)\s+(?:del|de la|de|of|at))\s[^,;:«»“”\"]{1,70},")
_NAME_APPOSED = re.compile(r"\s*[A-ZÁÉÍÓÚ][\w-]+(?:\s+[A-ZÁÉÍÓÚ][\w-]+){1,3},")
# The next claim's subject after a semicolon, after "y" with its object pronoun ("… y Teherán lo niega"), or after "aunque".
_NEXT_SUBJECT = re.compile(
    r";(?:\s+[^\s,;:«»“”\"]+){1,6}\s*$|,?\s+(?:y|e|and|but|pero)\s+(?-i:[A-ZÁÉÍÓÚ])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?\s+(?:lo|la|los|las|it)\s*$"
    r"|,\s+(?:aunque|although|though)\s+(?:[^\s,;:«»“”\"]+[\s,]+){1,8}$"
    # "…, and Iran's mission to the United Nations said …": the next verb's own subject
    r"|,\s+(?:y|e|and|but|pero)\s+(?-i:[A-ZÁÉÍÓÚ])[^\s,;:«»“”\"]*(?:\s+[^\s,;:«»“”\"]+){0,7}\s*$"
)
# The verb's own words up to a colon, a few and no quotation among them.
_COLON = re.compile(r"[^:;«»“”\"]{1,60}:\s*(?=\S)")
_OPENING_OF = {"”": "“", "»": "«", "’": "‘"}


def _quoted_before(sentence: Span, at: int) -> Span | None:
    """The quotation that ends right before a reporting verb ('“…”, dijo X'), or before the
    subject of a passive one ('"…," the envoy was quoted as saying'), if there is one."""
    head = sentence.text[:at]
    if (passive := QUOTED_AS.search(head)) is not None:
        subject = re.search(r"[\"”»’]\s*,?\s*([^\"“”«»]{1,80})$", head[: passive.start()])
        if subject is not None and len(words_of(subject.group(1))) <= 10:
            head = head[: subject.start(1)]
    head = head.rstrip(" ,;:-–—")
    if not head or head[-1] not in CLOSING_QUOTES:
        return None
    body = head[:-1].rstrip(".,;")
    # The mark that opens this quotation: an apostrophe inside it ("Putin's") opens nothing.
    opening = body.rfind(_OPENING_OF.get(head[-1], head[-1]))
    inner = body[opening + 1 :].strip() if opening >= 0 else body.strip()
    if not inner:
        return None
    start = sentence.text.index(inner, max(opening, 0))
    return Span(sentence.start + start, sentence.start + start + len(inner), inner)


def statement_of(sentence: Span, anchor: Hit, until: int, cues: Cues) -> Span:
    """What a reporting verb reports: the quotation before it, or the clause after it.

    The clause runs to the next claim of the sentence; "dijo el viernes que X" gives X.
    """
    joined = (m := GOES_ON.match(sentence.text, anchor.start)) is not None and m.end() == anchor.end  # "y" read with what follows it
    # "El otro prisionero, según el diario, aún no ha decidido …": an attribution set off inside its clause too.
    aside = _attributes(sentence, anchor, cues) and set_off_source(sentence.text, anchor.start, anchor.end)
    if parenthetical(sentence.text, anchor.start, anchor.end) or aside:
        # "Pyongyang, he said, has shipped …": the words around the verb are what it reports.
        body = sentence.text[:until].rstrip(" ,;.")
        return Span(sentence.start, sentence.start + len(body), body)
    if not joined and (quoted := _quoted_before(sentence, anchor.start)) is not None:
        return quoted
    if (back := _POINTING_SENTENCE.search(sentence.text, 0, anchor.start)) is not None:
        body = sentence.text[story_start(sentence.text) : back.start()].strip(OPENING_QUOTES + CLOSING_QUOTES + " .")
        return Span(sentence.start + sentence.text.index(body), sentence.start + sentence.text.index(body) + len(body), body)
    if not joined and (before := _before_subject(sentence, anchor, until, cues)) is not None:
        return before
    if anchor.start == anchor.end:  # a quotation continued, or an answer: all of it is the statement
        inner = sentence.text.strip(OPENING_QUOTES + CLOSING_QUOTES + ". —–")  # an answer's dash too
        start = sentence.text.index(inner)
        return Span(sentence.start + start, sentence.start + start + len(inner), inner)
    tail = sentence.text[anchor.end : until]
    if _attributes(sentence, anchor, cues) and (source := re.match(r"[^,;:]{1,80},", tail)):
        tail = tail[source.end() :]  # "Según el diario NTB, Chile compra …" reports what follows its source
        # and its apposition ("Para X, investigadora del Carnegie, …"; "Según el portavoz …, Yuri Ignat, …")
        role = re.match(r"\s*(?:el|la|the)\s+(?-i:[a-záéíóú])", source.group(0), re.I) is not None
        if (apposed := _APPOSITION.match(tail) or (_NAME_APPOSED.match(tail) if role else None)) is not None:
            tail = tail[apposed.end() :]
    # An attribution opening the sentence introduces the clause after its source whole ("Para X, la compra refleja las lecciones que …").
    opening = _attributes(sentence, anchor, cues) and not sentence.text[: anchor.start].strip()
    that = re.search(r"(?<!\w)(?:que|that)\s+", tail[:60]) if not opening else None
    # "said the boom was «borrowed from a war that will not last»", "says it never sold jets that Moscow sent": after a
    # clause's own verb or subject, a "that" is a relative pronoun inside what is reported ("was proof that" is not).
    first = re.match(r"\s*([\w'’]+)", tail)
    if that and ((_FINITE.search(tail, 0, that.start()) and _AUXILIARY.match(tail, that.end())) or (first and first.group(1).lower() in _SUBJECT_PRONOUNS)):
        that = None
    # "cifran en unos 200 los misiles que Moscú habría recibido": a figure put at, and what it counts.
    if that and re.search(r"\s(?:en|at)$", sentence.text[anchor.start : anchor.end]):
        that = None
    # "X, subrayó su embajador, Kim Song, que habló de …": past a comma, "que" may open a
    # relative clause of the subject, and what the verb closes is before it.
    if that and not joined and "," in tail[: that.start()] and (before := _statement_before(sentence, anchor, cues)) is not None:
        return before
    # "condenaron esta decisión que «socava …»": the verb's object and its relative clause are what
    # is condemned, not the relative clause alone.
    if that and not joined and (object_at := _object_before(tail[: that.start()], cues)) is not None:
        tail, that = tail[object_at:], None
    elif that and not joined:
        tail = tail[that.end() :]
    elif not joined and (before := _statement_before(sentence, anchor, cues)) is not None:
        return before
    # "resumió así el informe: «…»", "dijo a la prensa: …": what follows the colon is what was said.
    if not that and (colon := _COLON.match(tail)) is not None and len(words_of(tail[colon.end() :])) >= 3:
        tail = tail[colon.end() :]
    if until < len(sentence.text) and (semicolon := _NEXT_SUBJECT.search(tail)) is not None:  # "Kyiv says X; Moscow says …"
        tail = tail[: semicolon.start()]
    body = tail.strip(" ,;:.-–—")
    # The next claim's subject may be a relative pronoun ("… al Centro X, que dijo …"), not this one's.
    body = re.sub(r"[\s,]+(?:(?:y|e|and)\s+(?:que|that)|y|e|and|but|pero|aunque|although|que|quien|quienes|which|who)$", "", body)
    # A joined statement may be short: "… but not this year".
    if len(re.findall(r"\w+", body)) < (1 if joined else 3):
        return sentence
    start = sentence.text.index(body, anchor.end)
    return Span(sentence.start + start, sentence.start + start + len(body), body)


def _statement_before(sentence: Span, anchor: Hit, cues: Cues) -> Span | None:
    """The clause before a comma that a verb with no "que"/"that" closes, when what follows the
    verb only names who spoke: "X were made abroad, said the police chief", "X, according to a
    report", "X, UN monitors told the committee". "Shoigú, calificó a Corea de socio" and "Berg,
    again denied the sales" report what follows."""
    # "OSLO, Norway (AP) — Norway has supplied …, an official said": the lead is no statement.
    lead = story_start(sentence.text[: anchor.start])
    head, tail = sentence.text[lead : anchor.start], sentence.text[anchor.end :]
    comma = head.rfind(",")
    # "…, el portavoz las calificó de «infundadas»": an object pronoun points back past the comma.
    if comma < 0 or re.search(r"(?<!\w)(?:lo|la|los|las)\s*$", head, re.I):
        return None
    # "Asked about the report, Lavrov said: «…»": what follows the colon is what was said.
    if re.match(r"\s*:", tail) and len(words_of(tail)) >= 3:
        return None
    between = words_of(head[comma + 1 :])
    own, rest = (re.split(r"[,;:]", tail, maxsplit=1) + [""])[:2]  # the verb's own clause, and what follows it
    clause = words_of(own)
    anchor_text = sentence.text[anchor.start : anchor.end]
    if _attributes(sentence, anchor, cues):
        closes = not between
    elif _apposed_name(head[:comma], cues.connectors) or {w.lower() for w in between} & _RELATIVES or _RELATIVE_ASIDE.search(head) or _IN_A_DOCUMENT.search(head):
        # "El ministro, Serguéi Shoigú, calificó…", "un mensaje, en el que abogaba…", "X, quien,
        # citado por la agencia Y, calificó…"
        closes = False
    elif not between:  # inversion: the subject follows the verb, "dijo Kirby", "informó el lunes un diputado"
        # A document may be described at length: "said the statement released late Friday by …".
        document = len(clause) > 1 and clause[0].lower() in DETERMINERS and clause[1].lower() in cues.documents
        short = len(clause) <= _MAX_SUBJECT_WORDS or _inverted_subject(clause, cues)
        # "…, speaking on condition of anonymity, said Chile had bought …": a clause, not a subject.
        short = short and _FINITE.search(own) is None
        closes = bool(clause) and (short or document) and (clause[0][:1].isupper() or clause[0].lower() in _SUBJECT_OPENERS)
    elif not clause:  # "…, state media reported, as …": a verb with nothing after it reports what came before
        closes = len(between) <= _MAX_SUBJECT_WORDS
    else:  # "…, UN monitors told the committee." ends the sentence with the verb's own clause,
        # or an aside follows it: "…, officials told reporters on Thursday, in what they described as …"
        aside = not rest.strip() or _AFTER_CLAUSE.match(rest.strip()) is not None
        # "…, he said Wagner had received no weapons": a clause with a verb of its own is what is said.
        closes = (
            anchor.label == "asserted" and len(subject_words(between)) <= _MAX_SUBJECT_WORDS and len(clause) <= 2 * _MAX_SUBJECT_WORDS
            and aside and _FINITE.search(own) is None
            # "…, la agencia KCNA tachó de «ridículas» las informaciones": a quotation in its own clause is what it says
            and not re.search(r"[«“\"]", own)
        )  # fmt: skip
    body = head[:comma].strip(" ,;:-–—" + OPENING_QUOTES + CLOSING_QUOTES)
    said = words_of(body)
    # A statement has words of its own: "Norway, Chile and Peru say …" lists subjects.
    if not closes or not anchor_text or len(said) < 3 or all(w[:1].isupper() or w.lower() in DETERMINERS or w in cues.connectors for w in said):
        return None
    start = sentence.text.index(body, lead)
    return Span(sentence.start + start, sentence.start + start + len(body), body)


def _object_before(words_before: str, cues: Cues) -> int | None:
    """Where the verb's object starts when the words between it and a "que" are that object, a
    noun after a demonstrative ("esta decisión que …", "this report that …"), which the "que"
    then qualifies; None for a time ("este lunes"), a person or body speaking, or no object.
    An adverb of manner may come first: "condenaron «enérgicamente» esta decisión que …"."""
    found = _DEMONSTRATIVE.search(words_before)
    if found is None or any(not w.lower().endswith(("mente", "ly")) for w in words_of(words_before[: found.start()])):
        return None
    noun = next(iter(words_of(words_before[found.end() :])), "").lower()
    return found.start() if noun and noun not in cues.times and not _speaker_noun(noun, cues) else None


# A demonstrative that opens a verb's object: "condenó esta decisión que …".
_DEMONSTRATIVE = re.compile(r"(?i)(?<!\w)(?:esta|este|estas|estos|esa|ese|esas|esos|this|these)(?!\w)")


def _inverted_subject(clause: list[str], cues: Cues) -> bool:
    """Whether the words after a verb open with a person or a body and are a subject, up to an
    aside ("subrayó el mandatario durante un encuentro con …"), counted without the words that
    join a name ("el vicepresidente del Consejo de la Federación" is three words of a name)."""
    # "anunció este martes el secretario …": past the words of time too.
    head = next((w for w in clause if w.lower() not in _SUBJECT_OPENERS and w.lower() not in cues.times), "")
    speaks = head[:1].isupper() or _speaker_noun(head, cues)
    aside = next((n for n, w in enumerate(clause) if n and _ASIDE.fullmatch(w)), len(clause))
    return speaks and len(named_words(clause[:aside])) <= _MAX_SUBJECT_WORDS


def subject_words(words: list[str]) -> list[str]:
    """A subject's words but those that join its parts: "senior officials and a diplomat" is two groups."""
    return [w for w in named_words(words) if w.lower() not in _COORDINATING]


def named_words(words: list[str]) -> list[str]:
    """A subject's words but those that join a name ("researchers at the Royal United Services Institute")."""
    return [w for w in words if w.lower() not in _JOINING]


def _before_subject(sentence: Span, anchor: Hit, until: int, cues: Cues) -> Span | None:
    """What a verb closes when its subject, set off by commas, stands between it and the
    statement: "X, Britain's deputy UN envoy, Lars Berg, said after the meeting", "«…», Lars
    Berg, the envoy, told reporters", where the verb's own clause is short or an aside."""
    chain = _subject_set_off(sentence.text[: anchor.start], cues)
    own = re.split(r"[,;:]", sentence.text[anchor.end : until], maxsplit=1)[0]
    # The verb's own words: a few, an aside, or whom it was told ("told the daily RBC on Wednesday").
    told = re.match(r"(?i)\s*(?:a|al|to)\b", own) is not None or sentence.text[anchor.start : anchor.end].lower() in ("told", "tells")
    if chain is None or re.search(r"(?i)(?<!\w)(?:que|that)(?!\w)", own) or not (len(words_of(own)) <= 2 or _ASIDE.match(own.strip()) or told):
        return None
    if (quoted := _quoted_before(sentence, chain)) is not None:
        return quoted
    lead = story_start(sentence.text[:chain])
    body = sentence.text[lead:chain].strip(" ,;:-–—")
    if len(words_of(body)) < 3:
        return None
    start = sentence.text.index(body, lead)
    return Span(sentence.start + start, sentence.start + start + len(body), body)


def _subject_set_off(head: str, cues: Cues) -> int | None:
    """Where a subject set off by commas right before a verb starts ("…, Britain's deputy UN
    envoy, Lars Berg, said"): parts between commas, from the verb back, that are a name or a
    role, at least one a name; None if there is none, or nothing before it."""
    body = head.rstrip()
    if not body.endswith(","):
        return None
    commas = [m.start() for m in re.finditer(",", body)]
    starts, chain, named = [0, *(c + 1 for c in commas[:-1])], None, False
    for start, end in reversed(list(zip(starts, commas))):
        part = body[start:end]
        closing = re.match(rf"\s*[{CLOSING_QUOTES}]?\s*", part)
        words = words_of(part)
        if words and all(w[:1].isupper() or w in cues.connectors for w in words) and words[-1][:1].isupper():
            named = True
        elif not (0 < len(named_words(words)) <= _MAX_APPOSITION_WORDS and any(_speaker_noun(w, cues) for w in words)):
            break
        chain = start + (closing.end() if closing else 0)
        if closing is not None and closing.group(0).strip():
            break  # a quotation closes right before the subject: it is the statement
    return chain if named and chain else None


def _speaker_noun(word: str, cues: Cues) -> bool:
    """Whether a word names a person's office or a body: "ambassador", "portavoz", "officials"."""
    folded = word.lower()
    return any(folded in words for words in (cues.titles, cues.office_names, cues.described_nouns, cues.described_one, cues.bodies))


def _attributes(sentence: Span, anchor: Hit, cues: Cues) -> bool:
    """Whether the anchor names a source rather than reports ("según", "according to")."""
    return normalise(sentence.text[anchor.start : anchor.end]) in _folded((*cues.attribution, *cues.opinion))


@lru_cache(maxsize=8)
def _folded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(map(normalise, words))


# What a dismissal takes as its object before the statement that answers it: "rejected the
# claim and said …", "negó las acusaciones y aseguró que …".
_DISMISSED = re.compile(
    r"\s+(?:(?:the|these|those|such|all|las|los|esas|esos|estas|estos|tales|todas|todos)\s+)?"
    r"(?:claims?|accusations?|allegations?|reports?|charges?|acusaciones|afirmaciones|informaciones|denuncias|versiones)"
    r"\s+(?:and|y|e)\s+",
    re.I,
)


def one_report(between: str, cues: Cues) -> bool:
    """Whether two reporting verbs, with `between` between them, make one report: the second
    verb's subject ("said officials believe", `subject_of_next`), or the first one's dismissed
    object ("rejected the claim and said Oslo has never …": the dismissal is what is said)."""
    return _DISMISSED.fullmatch(between) is not None or subject_of_next(between, cues)


def subject_of_next(between: str, cues: Cues) -> bool:
    """Whether the words between two reporting verbs are only the second one's subject, perhaps
    after "que"/"that": "said officials believe", "indicó que Irán declaró"; not "dijo que Irán
    envió drones y advirtió"."""
    # A few words of time or manner may stand before "that": "said publicly in May that it believed".
    that = re.match(r"^((?:\s*[^\W\d_]+){0,4})\s+(?:que|that)\s+", between, re.I)
    words = words_of(between[that.end() :] if that else between)
    folded = [w.lower() for w in words]
    return (
        0 < len(words) <= _MAX_SUBJECT_WORDS and not re.search(r"[,;:«»“”\"]", between)
        # a subject, not "que venda fusiles como"; a pronoun is the first verb's own subject again
        and (words[0][:1].isupper() or folded[0] in DETERMINERS or (len(words) == 1 and folded[0] in _SUBJECT_PRONOUNS))
        and not set(folded) & _RELATIVES and folded[-1] not in (*cues.coordinators, *cues.clauses)
    )  # fmt: skip


# What opens an aside after a verb's own clause, not a statement: a preposition or a participle,
# in lower case (a capital opens a clause of its own).
_ASIDE = re.compile(r"(?:in|on|at|after|before|during|as|adding|citing|saying|according|without|en|tras|durante|añadiendo|citando|según)\b")
# After the verb's own clause and a comma a gerund opens an aside ("…, told the Guardian, crediting data that …"), and "and no" a claim of its own.
_AFTER_CLAUSE = re.compile(rf"{_ASIDE.pattern}|[a-z]+ing\b|[a-záéíóúñ]+(?:ando|iendo)\b|(?:and|y)\s+(?:no|not|none|nobody|nadie|ningún|ninguna)\b")

# The most words a subject next to a statement's verb takes: "the Chilean navy's procurement officials
# told", "dijo el portavoz del Kremlin, Dmitri Peskov"; more, and the verb has an object.
_MAX_SUBJECT_WORDS = 6
# An apposition set off by commas may be longer: "Russia's envoy to international organisations in Vienna".
_MAX_APPOSITION_WORDS = 8
# An English auxiliary or modal, not in a relative clause: the finite verb of a clause that
# "said" reports without "that" ("he said Wagner had received …"; "told reporters who were …" is no such clause).
_AUXILIARIES = r"(?:had|has|have|was|were|is|are|will|would|could|can|may|might|must|should|did|does)\b"
_FINITE = re.compile(rf"(?i)(?<!\bwho )(?<!\bwhich )(?<!\bthat )\b{_AUXILIARIES}")
_AUXILIARY = re.compile(rf"(?i){_AUXILIARIES}")
# A relative pronoun, then an aside set off by commas, right before the verb.
_RELATIVE_ASIDE = re.compile(r"(?i),\s*(?:que|quien|quienes|which|who)\s*,[^,;:«»“”\"]{1,60},\s*$")
# "Russia's defence ministry, in a statement carried by RIA Novosti, called …": where it was said, set off.
_IN_A_DOCUMENT = re.compile(r"(?i),\s*(?:in|en|through|a través de)\s+(?:a|an|its|his|her|their|un|una|su|sus)\s+[^,;:«»“”\"]{1,80},\s*$")
_RELATIVES = frozenset(("que", "quien", "quienes", "cual", "that", "which", "who", "whom"))
_SUBJECT_PRONOUNS = frozenset(("it", "he", "she", "they", "we", "él", "ella", "ellos", "ellas"))


def _apposed_name(head: str, connectors: tuple[str, ...]) -> bool:
    """Whether the head is a subject set off by commas: "Lars Berg, the envoy…," or "…, James Cleverly"."""
    parts = head.split(",")

    def name(words: list[str], least: int) -> bool:
        return len(words) >= least and all(w[:1].isupper() or w in connectors for w in words) and words[-1][:1].isupper()

    return len(parts) > 1 and (name(words_of(parts[0]), 1) or name(words_of(parts[-1]), 2))


# What a subject after its verb opens with: a determiner or a word of time or place before it.
_SUBJECT_OPENERS = frozenset((*DETERMINERS, "en", "in", "on", "este", "esta", "this", "hoy", "ayer", "today", "yesterday", *POSSESSIVES))
# The words that join the parts of a body's name or a role: "del Consejo de la Federación".
_COORDINATING = frozenset(("and", "y", "e", "a", "an", "un", "una"))
_JOINING = frozenset(("de", "del", "la", "las", "los", "el", "of", "the", "at", "for"))

"""Turn the model's labels into grounded records, and reject what the article does not say.

Every record's evidence is a candidate passage that code found, so its offsets are the
article's own. What can be read off the text is code's, never the model's: a weapon's category,
words and amount, a claim's stance, wording and channel, a figure's value. The model adds what
takes understanding: who supplies whom, who is speaking, what a name is.
"""

from __future__ import annotations

from dataclasses import replace

import re
from collections.abc import Sequence
from typing import cast

from pydantic import BaseModel
from rapidfuzz import fuzz, process

from ..base.schema import Actor, ActorLabel, Claim, ClaimLabel, ContentLabel, Dropped, Evidence, Figure, FigureLabel, Record, Stance, Weapon, WeaponCategory, WeaponLabel
from ..knowledge.countries import iso_country, iso_forms
from ..knowledge.cues import STANCES, Cues
from ..knowledge.gazetteer import Gazetteer, name_key
from ..knowledge.translation import english_name, english_phrase
from ..knowledge.materiel import listed_english
from ..text.dates import credit_end
from ..text.figures import counted_after
from ..text.fold import normalise
from ..text.numbers import is_roman, number_words_only
from .actor_labels import actor_kind, country_of, deliberative_kind
from .candidates import claim_candidates
from .spans import Candidate, Span, sentences, term_matches
from .content import english_content
from .pointing import ANTECEDENT_SENTENCES, refers_back


def evidence(span: Span) -> Evidence:
    """Evidence for a passage code found: exact by construction."""
    return Evidence(quote=span.text, start=span.start, end=span.end, alignment="exact", score=1.0)


def is_country(name: str, gazetteer: Gazetteer) -> bool:
    """Whether `name` is a country the gazetteer or ISO 3166 (English or Spanish) knows."""
    return bool(gazetteer.country_code(name)) or iso_country(name) is not None


def _actor(candidate: Candidate, label: ActorLabel, gazetteer: Gazetteer, cues: Cues, dropped: list[Dropped]) -> Actor | None:
    if label.kind == "not_an_actor":
        return None
    if label.kind == "country" and not (is_country(label.name, gazetteer) or is_country(candidate.span.text, gazetteer)):
        # Small models call regions, seas and capitalised words countries ("Medio Oriente",
        # "Mar Caspio", "Occidente"); a country that no list of countries knows is not one.
        dropped.append(Dropped(field="actors", reason=f"'{label.name}' is not a known country", quote=candidate.span.text))
        return None
    if label.name.strip() and not renders(label.name, candidate.span.text, gazetteer):
        # Text in the article can make the model name a span anything ("Elvis Presley").
        dropped.append(Dropped(field="actors", reason=f"name '{label.name}' is not a rendering of '{candidate.span.text}'", quote=candidate.span.text))
        return None
    # A name the model only recased ("HalO Trust" for "HALO Trust") is the article's.
    given = candidate.span.text if label.name.strip().casefold() == candidate.span.text.casefold() else label.name.strip()
    name = english_name(given or candidate.span.text, cues, gazetteer)
    if (known := gazetteer.actor_for(name)) is not None:
        # The model's name is one the gazetteer knows ("Servicio de Inteligencia Nacional (NIS)"):
        # the actor is that entry, under its English name.
        record = known_actor(replace(candidate, known=known), gazetteer)
        if record is None:
            return None
        return record.model_copy(update={"role": english_name(label.role, cues, gazetteer) or record.role})
    kind = actor_kind(label.kind, name, cues)
    country, code = label.country, gazetteer.country_code(label.country)
    if not code:
        code, country = country_of(kind, name, candidate, gazetteer, cues) or (code, country)
    kind = deliberative_kind(kind, name, code or "", cues)
    return Actor(
        name=name, mentions=[candidate.span.text], kind=kind, country=country, country_code=code,
        role=english_name(label.role, cues, gazetteer), evidence=evidence(candidate.span),
    )


def known_actor(candidate: Candidate, gazetteer: Gazetteer) -> Actor | None:
    """The record for a name the gazetteer knows: no model call needed."""
    known = candidate.known
    if known is None:
        return None
    return Actor(
        name=known.name,
        mentions=[candidate.span.text],
        kind=known.kind,
        # A country only ISO 3166 knows is its own country.
        country=gazetteer.country_name(known.country) or (known.name if known.kind == "country" else ""),
        country_code=known.country,
        role=known.role,
        evidence=evidence(candidate.span),
    )


def name_forms(name: str, gazetteer: Gazetteer) -> tuple[list[str], str]:
    """Every folded name of the actor `name` names (gazetteer, ISO 3166), and its canonical name."""
    known = gazetteer.actor_for(name)
    iso = iso_country(name)
    forms = [name_key(name)]
    if known is not None:
        forms += [name_key(s) for s in known.surfaces]
    if iso is not None:
        forms += list(iso_forms(iso[0]))
    return [f for f in forms if f], known.name if known is not None else iso[1] if iso is not None else name


def _names(forms: Sequence[str], text: str) -> bool:
    folded = name_key(text)
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", folded) for form in forms)


_WORD = re.compile(r"\w{3,}")
_FUNCTION_WORDS = frozenset({"and", "the", "for", "del", "los", "las", "con", "por", "una", "que"})
# Spellings that differ between languages for the same sound ("Ukrainian"/"ucranianos").
_SPELLINGS = str.maketrans({"k": "c", "y": "i", "w": "v"})
# rapidfuzz ratio at which two folded words render one name: "parlamento"/"parliament" 90,
# "ucranianos"/"ukrainian" 84, "ministerio"/"ministry" 83; "evils"/"elvis" 80, "presidente"/"presley" 59.
_SAME_WORD = 82


def _words(text: str) -> set[str]:
    return {w.translate(_SPELLINGS) for w in _WORD.findall(name_key(text))} - _FUNCTION_WORDS


def _shares_a_word(name: str, text: str) -> bool:
    """Whether a word of `name` (three letters or more, folded) is, or nearly is, one of `text`'s."""
    words = _words(text)
    return any(
        word in words or process.extractOne(word, words, scorer=fuzz.ratio, score_cutoff=_SAME_WORD) is not None
        for word in _words(name)
    )


def renders(name: str, span: str, gazetteer: Gazetteer) -> bool:
    """Whether `name` is a faithful rendering of `span`: by the gazetteer or ISO 3166 one of its
    names ("Teherán" → Iran, "Corea del Norte" → North Korea), or sharing a word with it
    ("Parlamento iraní" → Iranian Parliament, "Vladímir Putin" → Vladimir Putin)."""
    forms, _ = name_forms(name.strip(), gazetteer)
    return _names(forms, span) or _shares_a_word(name, span)


# How far before its sentence a claim's speaker may be named ("Peskov dijo... Añadió que...").
_SPEAKER_LOOKBACK = 400


def speaker_named(speaker: str, candidate: Candidate, article: str, gazetteer: Gazetteer, cues: Cues) -> bool:
    """Whether the article names `speaker`: near the claim, or anywhere if the gazetteer or
    ISO 3166 knows the speaker (the Kremlin speaking is Russia speaking)."""
    near = article[max(0, candidate.sentence.start - _SPEAKER_LOOKBACK) : candidate.sentence.end]
    if renders(speaker, near, gazetteer):
        return True
    # A name the article gives in full, by a word of it near the claim ("Ri dijo" after "Ri Il
    # Gyu"), or anywhere for a headline that describes its speaker, whom the lead after it names
    # ("Un exdiplomático norcoreano asegura …", "…, según un centro de estudios francés").
    described = (*cues.titles, *cues.office_names, *cues.described_one, *cues.described_nouns, *cues.generic_bodies, *cues.bodies_named_before)
    headline = not article[: candidate.sentence.start].strip() and any(re.search(rf"{re.escape(n)}\b", candidate.sentence.text.lower()) for n in described)
    if normalise(speaker) in normalise(article) and (headline or any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", near) for w in speaker.split() if w[:1].isupper())):
        return True
    if gazetteer.actor_for(speaker) is not None or iso_country(speaker) is not None:
        return bool(party(speaker, article, gazetteer))
    # An office the gazetteer gives someone the article names ("Kremlin spokesman": Peskov).
    key = name_key(speaker)
    return any(name_key(a.role) == key and party(a.name, article, gazetteer) for a in gazetteer.actors if a.role)


def _credited_only(speaker: str, sentence: str, gazetteer: Gazetteer) -> bool:
    """Whether the sentence names `speaker` only in its wire credit ("WASHINGTON (Reuters) -"):
    the agency carries the story, it states none of it."""
    lead = credit_end(sentence)
    return lead > 0 and renders(speaker, sentence[:lead], gazetteer) and not renders(speaker, sentence[lead:], gazetteer)


def party(name: str, article: str, gazetteer: Gazetteer) -> str | None:
    """The canonical name of a supplier or recipient the article names; None if it names none.

    A small model fills a party it cannot find with one from its examples ("Venezuela"); a
    party must be named in the article, by any name the gazetteer or ISO 3166 gives it.
    """
    if not name.strip():
        return ""
    forms, canonical = name_forms(name.strip(), gazetteer)
    return canonical if _names(forms, article) else None


def _reporter_only(name: str, candidate: Candidate, cues: Cues, gazetteer: Gazetteer) -> bool:
    """Whether `name` is named only as who reports the statement the materiel stands in.

    "Kirby, de la Casa Blanca, dijo que Corea del Norte suministró armas a Rusia": the United
    States reports the transfer, it is no party to it, and small models often make it one.
    Only a statement that names actors of its own, and is not a denial or an admission, is
    judged: "el Kremlin ha negado el uso de drones iraníes" is Russia speaking as a party.
    """
    sentence = candidate.sentence
    at = candidate.span.start - sentence.start
    claims = claim_candidates(sentence.text, cues)
    statements = [c.statement for c in claims if c.statement is not None and c.statement.text != sentence.text]
    forms, canonical = name_forms(name, gazetteer)
    # The White House or the Kremlin reporting it is their state reporting it.
    forms += [name_key(s) for a in gazetteer.actors if a.part_of == canonical for s in a.surfaces]
    # What no statement of the sentence covers is who reports them ("dijo que A y que B").
    reporting = "".join(" " if any(s.start <= i < s.end for s in statements) else ch for i, ch in enumerate(sentence.text))
    # Who denies or admits a transfer, here or in an answer ("algo que Lima niega"), is usually a
    # party to it; who only reports the claim that is denied is not ("Kyiv says …; Moscow says
    # there are none": Moscow's clause before its verb).
    denials = [c for c in claims if c.cue in ("denied", "acknowledged")]
    if any(c.statement not in statements or _names(forms, re.split(r"[;,]", sentence.text[: c.span.start])[-1]) for c in denials):
        return False
    for claim in claims:
        said = claim.statement
        if said is None or said not in statements or not said.start <= at < said.end:
            continue
        # "North Korean soldiers deserted": a party named by its adjective is named.
        if not subject(said.text, "", gazetteer) and not any(term_matches(said.text, forms) for forms in cues.demonyms.values()):
            return False  # the statement names no one: its parties may stand anywhere
        return _names(forms, reporting) and not _names(forms, said.text)
    return False


def _weapon(
    candidate: Candidate, label: WeaponLabel, article: str, cues: Cues, gazetteer: Gazetteer, dropped: list[Dropped]
) -> Weapon | None:
    if label.status == "none":
        return None
    parties: dict[str, str] = {}
    for role in ("supplier", "recipient"):
        said = getattr(label, role).strip()
        found = party(said, article, gazetteer)
        problem = "is not named in the article" if found is None else ""
        if found and _reporter_only(said, candidate, cues, gazetteer):
            problem = "is who reports the transfer, not a party to it"
        if problem:
            dropped.append(Dropped(field="weapons", reason=f"{role} '{said}' {problem}", quote=candidate.sentence.text))
        parties[role] = "" if problem else found or ""
    systems = (alias for w in gazetteer.weapons if w.category == candidate.cue for alias in w.surfaces)
    designation = next(iter(term_matches(candidate.sentence.text, systems)), "")
    # A denial in the sentence is a denial whatever the model read into it ("negó haber enviado").
    denial = bool(term_matches(candidate.sentence.text, cues.status.get("denied", ())))
    return Weapon(
        designation=designation,
        description=candidate.span.text,
        category=cast(WeaponCategory, candidate.cue),
        supplier=parties["supplier"],
        recipient=parties["recipient"],
        quantity=candidate.quantity,
        status="denied" if denial else label.status,
        evidence=evidence(candidate.sentence),
    )


def _misspelt(said: str, words: str) -> bool:
    """Whether the model's words are the text's, written otherwise: "effectivos" for "efectivos"."""
    return normalise(said) != normalise(words) and fuzz.ratio(normalise(said), normalise(words)) >= _MISSPELT


# How alike (0-100) a model's words and the text's are when the model only misspelt them.
_MISSPELT = 85


# What a model says a number counts when it does not say: "number", "amount".
_COUNTS_NOTHING = frozenset(("number", "amount", "quantity", "total", "figure", "count", "número", "cantidad"))


def _figure(candidate: Candidate, label: FigureLabel, article: str, cues: Cues, gazetteer: Gazetteer) -> Figure | None:
    if candidate.quantity is None:
        return None
    counted, after = label.counted, counted_after(article[candidate.span.end : candidate.sentence.end])
    listed = listed_english(after)
    if not counted.strip() or number_words_only(counted) or counted.strip().lower() in _COUNTS_NOTHING:
        # The model echoed the number ("millions", "hundreds") or said "number": the text's own
        # words say what it counts, in English where they, or the first of them, are materiel
        # words the register names ("misiles KN-23 fabricados en …" counts missiles).
        words = after.split()
        shorter = (e for n in range(len(words) - 1, 0, -1) if (e := listed_english(" ".join(words[:n]))) is not None)
        counted = listed or next(shorter, None) or after or counted
    elif listed is not None and (listed_english(counted) not in (None, listed) or _misspelt(counted, after)):
        # The model named other materiel than the words right after the number ("cientos de
        # drones" counted as "armas"), or misspelt them ("effectivos" for "efectivos"): the
        # text's words count.
        counted = listed
    counted = english_phrase(counted, cues, gazetteer)  # "empresas de adquisiciones": procurement companies
    return Figure(quantity=candidate.quantity, counted=counted, measures=label.measures, evidence=evidence(candidate.span))


def channel(sentence: str, gazetteer: Gazetteer) -> str:
    """The medium the sentence names as relaying a statement ("citado por Tass"), or ''.

    The first news outlet the gazetteer knows in the sentence: with chained media ("según Ria
    Novosti, citada por AFP") it is the one closest to the speaker.
    """
    media = (alias for actor in gazetteer.actors if actor.kind == "media" for alias in actor.surfaces)
    known = (gazetteer.actor_for(words) for words in term_matches(sentence, media))
    return next((k.name for k in known if k is not None), "")


def subject(statement: str, speaker: str, gazetteer: Gazetteer) -> str:
    """What a statement is about: the first actor the gazetteer knows in it but its speaker.

    '' when it names none; the statement's own words then say what it is about. A Roman numeral
    ("siglo XI") is no name, whatever alias it folds to ("Xi").
    """
    aliases = (alias for actor in gazetteer.actors for alias in actor.surfaces)
    known = (gazetteer.actor_for(words) for words in term_matches(statement, aliases) if not is_roman(words))
    return next((k.name for k in known if k is not None and name_key(k.name) != name_key(speaker)), "")


def claim_content(
    candidate: Candidate, said: str, speaker: str, article: str, cues: Cues, gazetteer: Gazetteer, clause_only: bool = False
) -> tuple[str, str]:
    """The content a claim keeps: the model's English `said` where its sentence (or with
    `clause_only`, its clause) bears it out, else the clause, and what kept the model's out (""
    if nothing; content.english_content)."""
    statement = candidate.statement or candidate.sentence
    within = statement.text if clause_only else candidate.sentence.text
    points_back = refers_back(candidate, cues)
    if points_back:  # "negó esa versión": what it denies is said before
        before = [s for s in sentences(article) if s.end <= candidate.sentence.start][-ANTECEDENT_SENTENCES:]
        within = article[before[0].start if before else candidate.sentence.start : candidate.sentence.end]
    # The speaker the frames resolved ("añadió el ministro": Lavrov) may be named in the content.
    named = lambda name: renders(name, within, gazetteer) or renders(name, speaker, gazetteer)  # noqa: E731
    before_verb = article[candidate.sentence.start : max(candidate.sentence.start, candidate.span.start)]
    return english_content(said, statement.text, within, named, cues, gazetteer, before_verb, asides=clause_only, points_back=points_back)


def _claim(
    candidate: Candidate, label: ClaimLabel | ContentLabel, article: str, cues: Cues, gazetteer: Gazetteer, dropped: list[Dropped]
) -> Claim | None:
    if candidate.relays:
        dropped.append(Dropped(field="claims", reason="a verb naming the channel of the sentence's other claim", quote=candidate.sentence.text))
        return None
    # Where the sentence's frame names the speaker (speakers.py), the text decides, not the model.
    said = label.speaker if isinstance(label, ClaimLabel) else ""
    speaker = candidate.speaker.text if candidate.speaker is not None else said
    if not speaker.strip():
        dropped.append(Dropped(field="claims", reason="no speaker given", quote=candidate.sentence.text))
        return None
    if candidate.speaker is None and not speaker_named(speaker, candidate, article, gazetteer, cues):
        dropped.append(Dropped(field="claims", reason=f"speaker '{speaker}' is not named in the article", quote=candidate.sentence.text))
        return None
    if candidate.speaker is None and _credited_only(speaker, candidate.sentence.text, gazetteer):
        dropped.append(Dropped(field="claims", reason=f"'{speaker}' only carries the story (its wire credit)", quote=candidate.sentence.text))
        return None
    statement = candidate.statement or candidate.sentence
    content, fault = claim_content(candidate, label.content, speaker, article, cues, gazetteer)
    return Claim(
        speaker=speaker,
        # The reporting words decide the stance: the small model alone chose the gold stance for
        # 14 of the seeds' 34 matched claims; with the cue, 47 of 49 carry it (docs/quality.md).
        stance=cast(Stance, candidate.cue if candidate.cue in STANCES else "asserted"),
        content=content,
        clause=statement.text,
        content_from="clause" if fault else "model",
        subject=subject(statement.text, speaker, gazetteer),
        channel=channel(candidate.sentence.text, gazetteer),
        evidence=evidence(candidate.sentence),
    )


def ground_labels(
    candidates: Sequence[Candidate], labels: Sequence[BaseModel], article: str, cues: Cues, gazetteer: Gazetteer
) -> tuple[list[Record], list[Dropped]]:
    """Records for the labels that name an item, and what had to be dropped from them."""
    records: list[Record] = []
    dropped: list[Dropped] = []
    for candidate, label in zip(candidates, labels):
        record: Record | None
        if isinstance(label, ActorLabel):
            record = _actor(candidate, label, gazetteer, cues, dropped)
        elif isinstance(label, WeaponLabel):
            record = _weapon(candidate, label, article, cues, gazetteer, dropped)
        elif isinstance(label, FigureLabel):
            record = _figure(candidate, label, article, cues, gazetteer)
        elif isinstance(label, (ClaimLabel, ContentLabel)):
            record = _claim(candidate, label, article, cues, gazetteer, dropped)
        else:
            raise TypeError(f"not a label: {type(label).__name__}")
        if record is not None:
            records.append(record)
    return records, dropped


def merge_actors(actors: Sequence[Actor]) -> list[Actor]:
    """One actor per canonical name within an article, with every mention kept."""
    merged: dict[str, Actor] = {}
    for actor in sorted(actors, key=lambda a: a.evidence.start):
        key = normalise(actor.name)
        if key in merged:
            first = merged[key]
            mentions = list(dict.fromkeys([*first.mentions, *actor.mentions]))
            merged[key] = first.model_copy(update={"mentions": mentions})
        else:
            merged[key] = actor
    return list(merged.values())

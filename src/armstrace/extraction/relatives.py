"""The subject of a verb in a relative clause: the name the clause follows ("El régimen de Kim,
que durante meses negó …"), or a subject the clause names itself ("el dron que Ucrania asegura
haber derribado", "companies that it accused of …")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .spans import Candidate, Span

# "que Ucrania asegura": a named subject between a relative pronoun and its verb.
RELATIVE_CLAUSE = re.compile(r"(?<!\w)(?:que|that|which)\s+(?-i:[A-ZÁÉÍÓÚ])[\w-]*(?:\s+[\w-]+){0,2}\s+$", re.I)

# A clause's subject a pronoun after "that": "companies that it accused of".
RELATIVE_PRONOUN = re.compile(r"(?i)\b(?:that|which)\s+(?:it|they|he|she)\s+$")

# A relative clause that opens right before the verb, but for a few words: ", que durante meses ",
# ", which ", or an aside after the pronoun: ", quien, citado por la agencia KCNA, ".
_RELATIVE = re.compile(r"(?i),\s*(?:que|quien|quienes|which|who)(?:\s*,[^,;:«»“”\"]{1,60},)?\s+(?:[^\W\d]+\s+){0,3}$")


def relative_subject(candidate: Candidate, region: Span, names: Sequence[Span], article: str) -> Span | None:
    """"El régimen de Kim, que durante meses negó …", "Fars, which released …": the subject of a
    relative clause is the name it follows."""
    m = _RELATIVE.search(article, region.start, candidate.span.start)
    if m is None:
        return None
    end = m.start()
    # "el investigador X, del instituto SWP, quien cree": who believes is the person, not the institute.
    if re.match(r"(?i),\s*(?:quien|quienes|who)\b", article[m.start() :]) and (of := _OF_ASIDE.search(article, region.start, end)):
        end = of.start()
    # "el diputado X, secretario de la comisión de Defensa, que aseguró …": the person a role
    # in lower case describes, set off after the name.
    role = _ROLE_ASIDE.search(article, region.start, end)
    if role is not None and any(n.end == role.start() and region.start <= n.start for n in names):
        end = role.start()
    # "su libro blanco de Defensa, que acusa …": a complement's name is not what the clause is about.
    named = next((n for n in names if n.end == end and region.start <= n.start), None)
    return None if named is not None and re.search(r"(?i)\b(?:de|del|of)\s+$", article[region.start : named.start]) else named


_OF_ASIDE = re.compile(r"(?i),\s*(?:del|de la|de los|de las|of|from|at)\s[^,;:«»“”\"]*$")
# A role set off after a name, in lower case: ", secretario de la comisión de Seguridad Nacional".
_ROLE_ASIDE = re.compile(r",\s*(?:el\s+|la\s+|the\s+)?[a-záéíóúñ][^,;:«»“”\"]{0,90}$")


def about_the_subject(between: str, most: int) -> bool:
    """Whether the words between a subject and its verb are a clause about the subject, its own
    verb at once and no joined one after it: "Experts who examined the debris said", "Un alto
    funcionario que pidió el anonimato advirtió" (not "negó … que haya militares … y advirtió")."""
    return _SUBJECT_RELATIVE.fullmatch(between) is not None and len(between.split()) <= most


_SUBJECT_RELATIVE = re.compile(r"(?i)\s*(?:who|que|quienes|quien)\s+(?-i:[a-záéíóúñ])(?:(?!\s(?:y|e|and|pero|but)(?:\s|$))[^,;:«»“”\"()])*")

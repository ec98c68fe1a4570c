"""English for the claims still in the article's language: the model asked once more, for a
translation of the clause.

A claim keeps the model's English content only where the evidence bears it out (content.py).
Asked what a statement says, the small model now and then names what its sentence does not (a
referent from elsewhere in the article, a name from the prompt's example); asked for a
translation of the clause, it keeps to the clause's words. That answer is checked the same way,
and a claim whose translation fails as well keeps its clause.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..base.schema import Claim, label_for
from .calls import Call
from .content import untranslated
from .ground import claim_content
from .prompt import PromptFile, ask_for_translation

if TYPE_CHECKING:
    from ..knowledge.cues import Cues
    from ..knowledge.gazetteer import Gazetteer
    from .spans import Candidate, Span

# The messages of one candidate's call in a window, and the cache key of a request.
Messages = Callable[["Span", Sequence["Candidate"]], list[dict[str, str]]]
Key = Callable[[list[dict[str, str]], type[BaseModel]], str]


def translation_calls(claims: Sequence[Claim], calls: Sequence[Call], prompt: PromptFile, messages: Messages, key: Key) -> dict[int, Call]:
    """The call asking for the translation of each untranslated claim's clause, by the claim's index.

    A claim's candidate is the one of the claims' calls whose sentence and clause it has; its
    call is asked again alone, with the prompt's translation section after the item.
    """
    asks: dict[int, Call] = {}
    for n, claim in enumerate(claims):
        found = _call_of(claim, calls) if untranslated(claim) else None
        if found is None:
            continue
        call, candidate = found
        asked = ask_for_translation(prompt, messages(call.window, [candidate]), claim.clause)
        if asked is not None:
            label = label_for("claims", candidate.speaker is not None)
            asks[n] = Call("claims", call.window, [candidate], asked, label, key(asked, label))
    return asks


def _call_of(claim: Claim, calls: Sequence[Call]) -> tuple[Call, Candidate] | None:
    for call in calls:
        for candidate in call.batch if call.field == "claims" else ():
            statement = candidate.statement or candidate.sentence
            if candidate.sentence.start == claim.evidence.start and statement.text == claim.clause:
                return call, candidate
    return None


def translated(claim: Claim, call: Call, label: BaseModel, article: str, cues: Cues, gazetteer: Gazetteer) -> Claim:
    """The claim with the model's translation as its content, if its sentence bears it out."""
    content, english = claim_content(call.batch[0], str(getattr(label, "content", "")), claim.speaker, article, cues, gazetteer)
    return claim.model_copy(update={"content": content, "content_from": "translation"}) if english else claim

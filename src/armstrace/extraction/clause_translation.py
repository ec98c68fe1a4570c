"""English for the claims still in the article's language: the model asked once more, for a
translation of the clause, and once again, told what was wrong, if the first translation fails.

A claim keeps the model's English content only where the evidence bears it out (content.py).
Asked what a statement says, the small model now and then names what its sentence does not (a
referent from elsewhere in the article, a name from the prompt's example); asked for a
translation of the clause, it mostly keeps to the clause's words. That answer is checked the
same way, against the clause rather than the sentence: shown the article, the model at times
translates the whole sentence, or another clause of it. One that fails is asked once more with
the clause alone as the article, told what was wrong ("It does not say «Iran»."); a claim whose
second translation fails as well keeps its clause.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel

from ..base.schema import Claim, ContentLabel, label_for
from .calls import Answer, Call
from .content import untranslated
from .ground import claim_content
from .prompt import PromptFile, ask_again, ask_for_translation

if TYPE_CHECKING:
    from ..knowledge.cues import Cues
    from ..knowledge.gazetteer import Gazetteer
    from .spans import Candidate, Span

# The messages of one candidate's call in a window, and the cache key of a request.
Messages = Callable[["Span", Sequence["Candidate"]], list[dict[str, str]]]
Key = Callable[[list[dict[str, str]], type[BaseModel]], str]
# The answers to calls (None where the schema refused one), sent as the article's calls are.
Send = Callable[[list[Call]], Awaitable[list[Answer | None]]]


async def translate(
    claims: list[Claim], calls: Sequence[Call], prompt: PromptFile, messages: Messages, key: Key, send: Send,
    article: str, cues: Cues, gazetteer: Gazetteer,
) -> tuple[list[Claim], list[Call], list[Answer]]:
    """The claims with English for those still in the article's language, the calls that asked
    for it and their answers: a translation first, and for one the check refuses, a second
    request told why."""
    claims = list(claims)
    asks = translation_calls(claims, calls, prompt, messages, key)
    answers = await send(list(asks.values()))
    again: dict[int, Call] = {}
    for (n, call), answer in zip(asks.items(), answers):
        if answer is not None:
            claims[n], fault = translated(claims[n], call, answer.labels[0], article, cues, gazetteer)
            if fault and (retry := retranslation_call(call, fault, claims[n].clause, prompt, key)) is not None:
                again[n] = retry
    second = await send(list(again.values()))
    for (n, call), answer in zip(again.items(), second):
        if answer is not None:
            claims[n], _ = translated(claims[n], call, answer.labels[0], article, cues, gazetteer)
    made = [a for a in [*answers, *second] if a is not None]
    return claims, [*asks.values(), *again.values()], made


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


def retranslation_call(call: Call, fault: str, clause: str, prompt: PromptFile, key: Key) -> Call | None:
    """The call asking once more for the translation of `call`'s clause, alone, told `fault`."""
    asked = ask_again(prompt, clause, fault)
    return None if asked is None else Call("claims", call.window, call.batch, asked, ContentLabel, key(asked, ContentLabel))


def translated(claim: Claim, call: Call, label: BaseModel, article: str, cues: Cues, gazetteer: Gazetteer) -> tuple[Claim, str]:
    """The claim with the model's translation as its content if its clause bears it out, and
    what kept the translation out ("" if nothing)."""
    # A translation of the clause names only what the clause names: one that names more of the
    # sentence translated another part of it ("Iran is now …" for "… una amenaza para …").
    content, fault = claim_content(call.batch[0], str(getattr(label, "content", "")), claim.speaker, article, cues, gazetteer, clause_only=True)
    return (claim, fault) if fault else (claim.model_copy(update={"content": content, "content_from": "translation"}), "")

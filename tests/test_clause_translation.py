"""A claim whose English the evidence did not bear out is asked again, for its clause's translation."""

from __future__ import annotations

from armstrace.base.schema import Claim, ClaimLabel, label_for
from armstrace.extraction.calls import Call
from armstrace.extraction.candidates import find_candidates
from armstrace.extraction.clause_translation import translated, translation_calls, untranslated
from armstrace.extraction.ground import ground_labels
from armstrace.extraction.prompt import load_prompt, render
from armstrace.extraction.spans import Span
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer

from armstrace.base.settings import Settings

PROMPT = Settings().prompt

CUES = load_cues()
GAZ = load_gazetteer()
ARTICLE = "El ministro Lars Berg dijo que Oslo vendió 40 radares a Lima. Berg negó que hubiera misiles."
WINDOW = Span(0, len(ARTICLE), ARTICLE)


def _calls() -> list[Call]:
    prompt = load_prompt(PROMPT)
    claims = find_candidates(ARTICLE, CUES, GAZ)["claims"]
    return [
        Call("claims", WINDOW, [c], render(prompt, "claims", article=ARTICLE, items=f"1. {c.sentence.text}").as_list(), label_for("claims"), f"key {n}")
        for n, c in enumerate(claims)
    ]  # fmt: skip


def _claim(call: Call, content: str) -> Claim:
    [claim], _ = ground_labels(call.batch, [ClaimLabel(speaker="Lars Berg", content=content)], ARTICLE, CUES, GAZ)
    assert isinstance(claim, Claim)
    return claim


def test_a_claim_left_with_its_spanish_clause_is_asked_again_alone_after_its_own_item() -> None:
    calls = _calls()
    refused = _claim(calls[0], "Norway sold 40 radars to Chile.")  # Chile: not in the sentence
    kept = _claim(calls[1], "There were missiles.")
    assert refused.content_from == "clause" and untranslated(refused) and not untranslated(kept)

    asks = translation_calls([kept, refused], calls, load_prompt(PROMPT), lambda w, b: calls[0].messages, lambda m, label: "again")
    assert list(asks) == [1]  # only the refused claim, by its index
    again = asks[1]
    assert again.batch == calls[0].batch and again.messages[:-1] == calls[0].messages[:-1]
    assert f"«{refused.clause}»" in again.messages[-1]["content"] and again.key == "again"


def test_a_translation_the_evidence_bears_out_is_the_content_and_one_that_names_more_is_not() -> None:
    calls = _calls()
    refused = _claim(calls[0], "Norway sold 40 radars to Chile.")
    good = translated(refused, calls[0], ClaimLabel(speaker="Lars Berg", content="Oslo sold 40 radars to Lima."), ARTICLE, CUES, GAZ)
    assert (good.content, good.content_from) == ("Norway sold 40 radars to Lima.", "translation")  # a capital for its state
    bad = translated(refused, calls[0], ClaimLabel(speaker="Lars Berg", content="Oslo sold 50 radars to Lima."), ARTICLE, CUES, GAZ)
    assert bad == refused  # the number is not the sentence's: the clause stays

"""A claim whose English the evidence did not bear out is asked again, for its clause's translation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from armstrace.base.schema import Claim, ClaimLabel, ContentLabel, label_for
from armstrace.extraction.calls import Call
from armstrace.extraction.candidates import find_candidates
from armstrace.extraction.clause_translation import retranslation_call, translated, translation_calls
from armstrace.extraction.content import untranslated
from armstrace.extraction.ground import ground_labels
from armstrace.extraction.prompt import load_prompt, render
from armstrace.extraction.spans import Span
from armstrace.knowledge.cues import load_cues
from armstrace.extraction.run import run_extract
from armstrace.knowledge.gazetteer import load_gazetteer

from support.faultserver import Reply, completion, fault_server, labeller
from support.labels import LABELS

from armstrace.base.settings import Settings

PROMPT = Settings().prompt

CUES = load_cues()
GAZ = load_gazetteer()
ARTICLE = "El ministro Lars Berg dijo en Quito que Oslo vendió 40 radares a Lima. Berg negó que hubiera misiles."
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


def test_a_translation_the_check_refuses_is_asked_again_with_the_clause_alone_and_what_was_wrong() -> None:
    calls = _calls()
    refused = _claim(calls[0], "Norway sold 40 radars to Chile.")
    [first] = translation_calls([refused], calls, load_prompt(PROMPT), lambda w, b: calls[0].messages, lambda m, label: "first").values()
    again = retranslation_call(first, "It does not say «Quito».", refused.clause, load_prompt(PROMPT), lambda m, label: "again")
    assert again is not None and again.batch == first.batch and again.key == "again" and again.label is ContentLabel
    # The clause alone is the article: the rest of the sentence is not there to translate.
    assert again.messages[0]["content"].endswith(f"ARTICLE:\n{refused.clause}") and ARTICLE not in str(again.messages)
    assert again.messages[-1]["content"].startswith("It does not say «Quito». ")


def test_a_translation_the_clause_bears_out_is_the_content_and_one_that_names_more_is_not() -> None:
    calls = _calls()
    refused = _claim(calls[0], "Norway sold 40 radars to Chile.")
    good, fault = translated(refused, calls[0], ClaimLabel(speaker="Lars Berg", content="Oslo sold 40 radars to Lima."), ARTICLE, CUES, GAZ)
    assert (good.content, good.content_from, fault) == ("Norway sold 40 radars to Lima.", "translation", "")  # a capital for its state
    bad, fault = translated(refused, calls[0], ClaimLabel(speaker="Lars Berg", content="Oslo sold 50 radars to Lima."), ARTICLE, CUES, GAZ)
    assert (bad, fault) == (refused, "It does not say «50».")  # the number is not the sentence's: the clause stays
    # Quito is in the sentence but not in the clause: a translation of another part of it.
    elsewhere, fault = translated(refused, calls[0], ClaimLabel(speaker="Lars Berg", content="Norway sold radars in Quito."), ARTICLE, CUES, GAZ)
    assert (elsewhere, fault) == (refused, "It does not say «Quito».")


def _over_http(
    tmp_path: Path, translation: dict[str, Any], again: dict[str, Any] | None = None, cut: bool = False
) -> tuple[dict[str, Any], list[str]]:
    """One article extracted through a real loopback server: the first answer's English names a
    country the sentence does not, the answer to the translation request is `translation`, to
    the request told what was wrong with it `again` (cut off at the token limit with `cut`)."""
    labels = {**LABELS, "ClaimLabel": {"speaker": "Lars Berg", "content": "Norway sold 40 radars to Chile."}, "ContentLabel": {"content": "Norway sold 40 radars to Chile."}}
    first = labeller(lambda tool: labels[tool])

    def answer(request: dict[str, Any]) -> dict[str, Any]:
        if again is not None and any("It does not say" in str(m.get("content")) for m in request["messages"]):
            body = completion(again, request["tools"][0]["function"]["name"])
            body["choices"][0]["finish_reason"] = "length" if cut else body["choices"][0]["finish_reason"]
            return body
        if any("English translation of «" in str(m.get("content")) for m in request["messages"]):  # a re-ask's too
            return completion(translation, request["tools"][0]["function"]["name"])
        return first(request)

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("El ministro Lars Berg dijo que Oslo vendió 40 radares a Lima.\n", encoding="utf-8")
    with fault_server(Reply(answer=answer)) as server:
        summary = run_extract([tmp_path / "in"], tmp_path / "out", Settings(base_url=server.base_url, model="test-model", cache_dir=tmp_path / "cache", reasks=1))
        asked = [json.dumps(r["body"]["messages"], ensure_ascii=False) for r in server.requests]
    assert [a.status for a in summary.articles] == ["ok"]
    [claim] = json.loads((tmp_path / "out" / "articles" / "a.json").read_text(encoding="utf-8"))["claims"]
    return claim, asked


def test_over_http_the_translation_of_a_refused_claim_is_its_content(tmp_path: Path) -> None:
    claim, asked = _over_http(tmp_path, {"content": "Oslo sold 40 radars to Lima."})  # code found the speaker
    assert (claim["content"], claim["content_from"]) == ("Norway sold 40 radars to Lima.", "translation")
    assert sum("English translation of «Oslo vendió 40 radares a Lima»" in m for m in asked) == 1


def test_over_http_a_translation_the_schema_refuses_leaves_the_clause_and_the_article_done(tmp_path: Path) -> None:
    claim, asked = _over_http(tmp_path, {"english": "Oslo sold 40 radars to Lima."})  # asked again once, then given up
    assert (claim["content"], claim["content_from"]) == ("Oslo vendió 40 radares a Lima", "clause")
    assert sum("English translation of «" in m for m in asked) == 2


def test_over_http_a_translation_the_check_refuses_is_asked_for_again_with_the_reason(tmp_path: Path) -> None:
    claim, asked = _over_http(tmp_path, {"content": "Oslo sold 40 radars to Chile."}, again={"content": "Oslo sold 40 radars to Lima."})
    assert (claim["content"], claim["content_from"]) == ("Norway sold 40 radars to Lima.", "translation")
    [retry] = [m for m in asked if "It does not say «Chile»." in m]
    assert "word for word" in retry and "ARTICLE:\\nOslo vendió 40 radares a Lima\"" in retry


def test_over_http_a_translation_asked_again_and_cut_off_leaves_the_clause_and_the_article_done(tmp_path: Path) -> None:
    claim, asked = _over_http(tmp_path, {"content": "Oslo sold 40 radars to Chile."}, again={"content": "Oslo sold"}, cut=True)
    assert (claim["content"], claim["content_from"]) == ("Oslo vendió 40 radares a Lima", "clause")
    assert sum("It does not say «Chile»." in m for m in asked) == 1  # a cut-off answer is not asked again

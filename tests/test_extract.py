"""The whole path on the seed articles, replayed from cassettes of the real embedded model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from armstrace.base.schema import ClaimLabel
from armstrace.extraction.cache import Cache
from armstrace.extraction.candidates import find_candidates
from armstrace.extraction.spans import windows
from armstrace.extraction.calls import plan
from armstrace.extraction.extract import Extractor
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer
from armstrace.model.llm import ModelClient
from armstrace.extraction.load import Article
from armstrace.extraction.prompt import load_prompt
from armstrace.extraction.run import read_summary, run_extract
from armstrace.base.settings import EMBEDDED_MODEL, Settings

from conftest import ROOT, SEEDS

FIELDS = ("actors", "weapons", "figures", "claims")


@pytest.mark.vcr
def test_seeds_extract_to_grounded_items_and_rerun_is_served_from_cache(settings: Settings, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_extract([SEEDS], out, settings)

    assert [a.status for a in first.articles] == ["ok"] * 5
    assert first.exit_code == 0
    assert read_summary(out) == first
    assert first.usage().calls > 0
    totals = first.items()
    assert all(totals[f] > 0 for f in FIELDS), totals
    sources = []
    for outcome in first.articles:
        extraction = json.loads(Path(outcome.output).read_text(encoding="utf-8"))
        sources += [claim["content_from"] for claim in extraction["claims"]]
        text = Path(extraction["article"]["source"]).read_text(encoding="utf-8")
        assert extraction["provenance"]["model"] == EMBEDDED_MODEL
        assert extraction["provenance"]["prompt"] == "extract.v2"
        for field in FIELDS:
            for item in extraction[field]:
                evidence = item["evidence"]
                assert text[evidence["start"] : evidence["end"]] == evidence["quote"]
    # Claims whose English named what their sentence does not were asked again for a translation.
    assert (sources.count("translation"), sources.count("clause")) == (6, 1), sources

    again = run_extract([SEEDS], tmp_path / "again", settings)
    assert again.usage().calls == 0
    # every answer comes from the cache; re-asks made the first run's calls more numerous
    assert 0 < again.cached_calls() <= first.usage().calls
    assert again.items() == totals


def test_cassettes_hold_no_key_or_authorisation_header() -> None:
    for cassette in (ROOT / "cassettes").rglob("*.yaml"):
        text = cassette.read_text(encoding="utf-8").lower()
        assert "authorization" not in text, cassette
        assert "bearer" not in text, cassette
        assert "sk-" not in text, cassette


def _extractor(settings: Settings, prompt_path: Path | None = None, model: str = EMBEDDED_MODEL) -> Extractor:
    def no_model() -> ModelClient:
        raise AssertionError("the cache key needs no model")

    prompt = load_prompt(prompt_path or settings.prompt)
    return Extractor(settings, prompt, Cache(settings.cache_dir), model, "embedded", no_model)


def _key(extractor: Extractor, text: str = "Putin dijo que Rusia recibió 100 drones.") -> str:
    batch = find_candidates(text, load_cues(), load_gazetteer())["claims"]
    return extractor.cache_key("claims", extractor.messages("claims", windows(text, 12_000)[0], batch), ClaimLabel, len(batch))


TWO_CLAIMS = "Putin dijo que Rusia recibió 100 drones. Peskov negó que Irán enviara misiles."


def test_cache_key_is_stable_for_the_same_inputs(tmp_path: Path) -> None:
    settings = Settings(cache_dir=tmp_path)
    assert _key(_extractor(settings)) == _key(_extractor(settings))


def test_cache_key_changes_with_everything_that_changes_the_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(cache_dir=tmp_path)
    base = _key(_extractor(settings))
    edited = tmp_path / "extract.v2.md"
    edited.write_text(settings.prompt.read_text(encoding="utf-8").replace("\n## actors", "\nBe brief.\n\n## actors"), encoding="utf-8")
    mine = tmp_path / "mine.toml"
    mine.write_text('[[actor]]\nname = "Wagner"\nkind = "armed_group"\n', encoding="utf-8")
    variants = {
        "article": _key(_extractor(settings), "Putin dijo que Rusia recibió 200 drones."),
        "prompt": _key(_extractor(settings, edited)),
        "model": _key(_extractor(settings, model="other-model")),
        "temperature": _key(_extractor(Settings(cache_dir=tmp_path, temperature=0.7))),
        "max_tokens": _key(_extractor(Settings(cache_dir=tmp_path, answer_tokens=99))),
        "reasks": _key(_extractor(Settings(cache_dir=tmp_path, reasks=3))),
        "mode": _key(_extractor(Settings(cache_dir=tmp_path, mode="tools"))),
    }
    # --batch and --strategy decide which candidates share a request; the request is the key
    variants["two candidates in one request"] = _key(_extractor(settings), TWO_CLAIMS)
    assert all(key != base for key in variants.values()), variants
    assert len(set(variants.values())) == len(variants)
    # How answers are grounded is not part of a call's request: improving it costs no model call.
    monkeypatch.setattr("armstrace.extraction.extract.code_version", lambda: "9.9.9+other")
    assert _key(_extractor(settings)) == base
    article = Article("a", Path("a.txt"), "Putin dijo que Rusia recibió 100 drones.", "utf-8")
    whole = _extractor(settings).article_key(article)
    monkeypatch.setattr("armstrace.extraction.extract.code_version", lambda: "9.9.9+third")
    assert _extractor(settings).article_key(article) != whole
    assert _extractor(Settings(cache_dir=tmp_path, gazetteer=mine)).article_key(article) != whole


def test_cache_key_ignores_the_endpoint_address(tmp_path: Path) -> None:
    one = _key(_extractor(Settings(cache_dir=tmp_path, base_url="http://127.0.0.1:1111/v1")))
    two = _key(_extractor(Settings(cache_dir=tmp_path, base_url="http://127.0.0.1:2222/v1")))
    assert one == two


def test_cache_key_is_the_same_for_auto_and_what_it_resolves_to(tmp_path: Path) -> None:
    given = Settings(cache_dir=tmp_path, mode="grammar", strategy="multi-pass")
    assert _key(_extractor(Settings(cache_dir=tmp_path))) == _key(_extractor(given))


def _long_article(paragraphs: int = 40) -> Article:
    text = "\n".join(
        f"Párrafo {n}: el portavoz John Kirby dijo que Corea del Norte envió {n} contenedores de armas a Rusia."
        for n in range(paragraphs)
    )
    return Article("long", Path("long.txt"), text, "utf-8")


def test_single_pass_plans_one_call_per_field_per_window() -> None:
    article = _long_article()
    spans = windows(article.text, 1_000)
    found = find_candidates(article.text, load_cues(), load_gazetteer())["figures"]
    assert len(spans) > 3 and len(found) > len(spans)
    calls = plan(found, spans, None)
    assert [window for window, _ in calls] == spans  # every window holds some figures
    assert [c for _, batch in calls for c in batch] == found
    for window, batch in calls:
        assert all(window.start <= c.sentence.start and c.sentence.end <= window.end for c in batch)
    assert plan([], spans, None) == []


def test_the_extractor_makes_single_pass_calls_only_when_the_strategy_says_so(tmp_path: Path) -> None:
    article = _long_article()
    spans = windows(article.text, 1_000)
    single = _extractor(Settings(cache_dir=tmp_path, window=1_000, base_url="openai"), model="gpt-4o")
    multi = _extractor(Settings(cache_dir=tmp_path, window=1_000))  # the embedded model
    single_calls = single.plan(article).calls
    multi_calls = multi.plan(article).calls
    per_window = [(call.field, call.window) for call in single_calls]
    assert len(per_window) == len(set(per_window))
    assert all(len(call.batch) == 1 for call in multi_calls)
    for field in FIELDS:
        assert sum(len(c.batch) for c in single_calls if c.field == field) == sum(
            len(c.batch) for c in multi_calls if c.field == field
        )
        assert len([c for c in single_calls if c.field == field]) <= len(spans)
    assert len(single_calls) < len(multi_calls)


def test_an_english_claim_whose_speaker_the_text_names_costs_no_call(tmp_path: Path) -> None:
    import asyncio

    text = "Vladimir Putin said that Russia needs no help from anyone."
    extraction = asyncio.run(_extractor(Settings(cache_dir=tmp_path)).extract(Article("a", Path("a.txt"), text, "utf-8")))
    assert extraction.provenance.usage.calls == 0
    [claim] = extraction.claims
    assert (claim.speaker, claim.content_from) == ("Vladimir Putin", "clause")
    assert claim.content in text

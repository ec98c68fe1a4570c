"""The scorer on its own: perfect, empty and hand-worked partial predictions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from armstrace.evaluation.evaluate import compare, run_eval
from armstrace.evaluation.matching import Matcher, assign, same_quantity
from armstrace.knowledge.gazetteer import load_gazetteer
from armstrace.text.numbers import parse_quantity
from armstrace.extraction.parties import PARTY_KINDS
from armstrace.base.schema import FIELDS
from armstrace.evaluation.scoring import Counts, score_article, stance_matrix
from armstrace.base.schema import (
    Actor, ArticleExtraction, ArticleInfo, Claim, Evidence, Figure, GoldArticle, Provenance, Quantity, Usage, Weapon,
)  # fmt: skip

from conftest import SEEDS, replay_seeds, replay_settings

TEXT = (
    "Estados Unidos aseguró que Corea del Norte mandó a Rusia más de 1.000 contenedores con munición.\n"
    "El Kremlin negó que haya pruebas, dijo Peskov.\n"
    "Moscú y Teherán firmaron un acuerdo de 1.700 millones de dólares por drones."
)
MATCHER = Matcher(load_gazetteer())


def ev(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(quote=quote, start=start, end=start + len(quote), alignment="exact", score=1.0)


def q(text: str) -> Quantity:
    quantity = parse_quantity(text)
    assert quantity is not None
    return quantity


SENT = TEXT.splitlines()
GOLD = GoldArticle(
    article="a",
    source="a.txt",
    actors=[
        Actor(name="United States", mentions=["Estados Unidos"], kind="country", evidence=ev("Estados Unidos")),
        Actor(name="North Korea", mentions=["Corea del Norte"], kind="country", evidence=ev("Corea del Norte")),
        Actor(name="Kremlin", mentions=["Kremlin"], kind="government", evidence=ev("Kremlin")),
        Actor(name="Dmitry Peskov", mentions=["Peskov"], kind="person", country="Russia", role="Kremlin spokesman",
              evidence=ev("Peskov")),
    ],
    weapons=[
        Weapon(description="containers of munitions", category="military_equipment", supplier="North Korea",
               recipient="Russia", quantity=q("más de 1.000"), status="delivered", evidence=ev(SENT[0])),
        Weapon(description="drones", category="drone", supplier="Iran", recipient="Russia", status="agreed", evidence=ev(SENT[2])),
    ],
    figures=[
        Figure(quantity=q("más de 1.000"), counted="containers", evidence=ev("más de 1.000")),
        Figure(quantity=q("1.700 millones de dólares"), counted="deal value", evidence=ev("1.700 millones de dólares")),
    ],
    claims=[
        Claim(speaker="United States", stance="asserted", content="North Korea shipped over 1,000 containers of munitions to Russia.",
              subject="North Korea", evidence=ev(SENT[0])),
        Claim(speaker="Kremlin", stance="denied", content="There is no evidence that North Korea sends arms to Russia.",
              subject="North Korea", evidence=ev(SENT[1])),
    ],
)  # fmt: skip


def predicted(**fields: list) -> ArticleExtraction:  # type: ignore[type-arg]
    provenance = Provenance(
        prompt="extract.v1", prompt_file="p", prompt_sha256="0", schema_sha256="0", model="m", endpoint="e",
        settings={}, armstrace_version="0", from_cache=False, cached_calls=0, usage=Usage(), recorded_usage=Usage(),
    )  # fmt: skip
    info = ArticleInfo(id="a", source="a.txt", sha256="0", chars=len(TEXT), encoding="utf-8")
    return ArticleExtraction(article=info, provenance=provenance, **fields)


def test_a_perfect_prediction_scores_one_everywhere() -> None:
    perfect = predicted(**{f: list(getattr(GOLD, f)) for f in ("actors", "weapons", "figures", "claims")})
    score = score_article(GOLD, perfect, TEXT, MATCHER)
    assert all(c.f1 == 1.0 and c.precision == 1.0 and c.recall == 1.0 for c in score.fields.values())
    assert score.misses == [] and score.grounded == score.predicted
    assert stance_matrix(score.stances) == {"asserted": {"asserted": 1}, "denied": {"denied": 1}}


def test_an_empty_prediction_scores_zero_and_misses_everything() -> None:
    score = score_article(GOLD, predicted(), TEXT, MATCHER)
    assert all(c.f1 == 0.0 and c.recall == 0.0 for c in score.fields.values())
    assert len(score.misses) == 10 and {m.kind for m in score.misses} == {"missed"}


def test_a_hand_worked_partial_prediction_under_the_loose_rules() -> None:
    guess = predicted(
        actors=[
            Actor(name="Vladimir Putin", mentions=["Putin"], kind="person", evidence=ev("Moscú")),  # spurious
            Actor(name="Estados Unidos", mentions=["Estados Unidos"], kind="country", evidence=ev("Estados Unidos")),  # = US
            Actor(name="Peskov", mentions=["Peskov"], kind="person", evidence=ev("Peskov")),  # = Peskov by mention
        ],
        figures=[Figure(quantity=q("1005"), counted="containers", evidence=ev("más de 1.000"))],  # value off by 0.5 %, qualifier differs: same value
        claims=[
            Claim(speaker="Kremlin", stance="asserted", content="No evidence North Korea sends arms to Russia.", evidence=ev(SENT[1])),
        ],
    )  # fmt: skip
    score = score_article(GOLD, guess, TEXT, MATCHER, "loose")
    # actors: 2 of 3 predicted right, 2 of 4 gold found -> P 2/3, R 1/2, F1 4/7
    assert (score.fields["actors"].tp, score.fields["actors"].fp, score.fields["actors"].fn) == (2, 1, 2)
    assert score.fields["actors"].f1 == pytest.approx(4 / 7)
    assert (score.fields["figures"].tp, score.fields["figures"].fn) == (1, 1)
    assert score.fields["weapons"].recall == 0.0
    assert (score.fields["claims"].tp, score.fields["claims"].fn) == (1, 1)
    assert stance_matrix(score.stances) == {"denied": {"asserted": 1}}


def test_counts_add_up_to_micro_scores() -> None:
    total = Counts(tp=2, fp=1, fn=2) + Counts(tp=1, fp=0, fn=0)
    assert (total.precision, total.recall) == (0.75, 0.6)
    assert total.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_nothing_is_counted_twice() -> None:
    # two predictions of the same gold actor: one true positive, one false positive
    twice = [GOLD.actors[0], GOLD.actors[0]]
    assert assign(GOLD.actors, twice, MATCHER.actors) == [(0, 0)]


@pytest.mark.parametrize(
    ("gold", "guess", "same"),
    [("más de 1.000", "1000", True), ("1.700 millones de dólares", "1.7 billion dollars", True),
     ("1.700 millones de dólares", "1.700 millones", False), ("20", "21", False), ("cientos de", "hundreds of", True)],
)  # fmt: skip
def test_figures_match_on_normalised_value_and_unit(gold: str, guess: str, same: bool) -> None:
    assert same_quantity(q(gold), q(guess)) is same


def test_names_match_across_accents_and_gazetteer_aliases() -> None:
    assert MATCHER.same_name("Vladímir Putin", "Vladimir Putin") == 1.0
    assert MATCHER.same_name("Teherán", "Iran") == 1.0
    assert MATCHER.same_name("Serguei Lavrov", "Sergei Lavrov") > 0
    assert MATCHER.same_name("Iran", "Iraq") == 0.0
    # An acronym the gazetteer knows is its name written out.
    assert MATCHER.same_name("UN sanctions monitors", "United Nations sanctions monitors") == 1.0
    assert MATCHER.same_name("U.S. officials", "United States officials") == 1.0


def test_compare_lists_newly_found_lost_and_stance_flips() -> None:
    before = score_article(GOLD, predicted(claims=[GOLD.claims[0], GOLD.claims[1]]), TEXT, MATCHER)
    flipped = GOLD.claims[1].model_copy(update={"stance": "asserted"})
    now = score_article(GOLD, predicted(claims=[flipped], actors=[GOLD.actors[0]]), TEXT, MATCHER)
    changes = {(c.field, c.change, c.detail) for c in compare([GOLD], [now], [before])}
    loose = {(c.field, c.change, c.detail) for c in compare(
        [GOLD], [score_article(GOLD, predicted(claims=[flipped]), TEXT, MATCHER, "loose")],
        [score_article(GOLD, predicted(claims=list(GOLD.claims)), TEXT, MATCHER, "loose")])}  # fmt: skip
    assert ("claims", "stance flip", "stance denied -> asserted") in loose
    assert ("claims", "lost", "") in changes
    assert ("claims", "lost", "stance denied -> asserted") in changes  # strict: a flipped stance is no match
    assert ("actors", "newly found", "") in changes


# --------------------------------------------------------------------------- strict matching


def strict(**fields: list) -> dict[str, tuple[int, int, int]]:  # type: ignore[type-arg]
    score = score_article(GOLD, predicted(**fields), TEXT, MATCHER)
    return {f: (c.tp, c.fp, c.fn) for f, c in score.fields.items() if f in fields}


def test_a_claim_on_the_right_sentence_with_the_wrong_speaker_is_no_match() -> None:
    wrong = GOLD.claims[1].model_copy(update={"speaker": "United States"})
    assert strict(claims=[wrong]) == {"claims": (0, 1, 2)}
    score = score_article(GOLD, predicted(claims=[wrong]), TEXT, MATCHER)
    assert score.by_match["loose"]["claims"].tp == 1  # the span rules still pair them
    reasons = {m.kind: m.reason for m in score.misses if m.field == "claims" and m.reason}
    assert reasons == {
        "missed": "speaker: predicted United States, gold Kremlin",
        "spurious": "speaker: predicted United States, gold Kremlin",
    }


def test_a_claim_with_the_wrong_stance_is_no_match() -> None:
    assert strict(claims=[GOLD.claims[1].model_copy(update={"stance": "asserted"})]) == {"claims": (0, 1, 2)}


@pytest.mark.parametrize("speaker", ["Peskov", "Dmitri Peskov", "Kremlin spokesman", "dmitry peskov"])
def test_a_speaker_is_resolved_through_the_articles_own_naming(speaker: str) -> None:
    gold = GOLD.model_copy(update={"claims": [GOLD.claims[1].model_copy(update={"speaker": "Dmitry Peskov"})]})
    said = gold.claims[0].model_copy(update={"speaker": speaker})
    assert score_article(gold, predicted(claims=[said]), TEXT, MATCHER).fields["claims"].tp == 1


def test_a_speaker_named_by_a_predicted_actors_mention_is_that_actor() -> None:
    gold = GOLD.model_copy(update={"claims": [GOLD.claims[1].model_copy(update={"speaker": "Dmitry Peskov"})]})
    spokesman = Actor(name="Spokesman", mentions=["Peskov"], kind="person", evidence=ev("Peskov"))
    said = gold.claims[0].model_copy(update={"speaker": "Spokesman"})
    assert score_article(gold, predicted(claims=[said], actors=[spokesman]), TEXT, MATCHER).fields["claims"].tp == 1


def test_an_institution_is_not_the_person_who_speaks_for_it() -> None:
    gold = GOLD.model_copy(update={"claims": [GOLD.claims[1].model_copy(update={"speaker": "Dmitry Peskov"})]})
    said = gold.claims[0].model_copy(update={"speaker": "Kremlin"})
    assert score_article(gold, predicted(claims=[said]), TEXT, MATCHER).fields["claims"].tp == 0


@pytest.mark.parametrize(
    ("gold", "guess", "same"),
    [
        ("State Department spokesperson", "State Department spokesman", True),
        ("US official", "senior US official", True),
        ("Western diplomat", "Western diplomat in Islamabad", True),
        ("Iranian Embassy in Baghdad spokesman", "Iranian embassy spokesman", True),
        ("Iranian Embassy in Iraq", "Iranian embassy in Baghdad", True),
        ("South Korean foreign ministry official", "South Korean Ministry of Foreign Affairs official", True),
        ("US Treasury official", "US Department of the Treasury official", True),
        ("American officials", "US officials", True),
        ("Russian Embassy in Washington", "Russian embassy in London", False),
        ("UN experts", "experts", False),
        ("Kremlin", "Kremlin spokesman", False),
    ],
)
def test_a_described_speaker_matches_the_same_description_spelled_otherwise(gold: str, guess: str, same: bool) -> None:
    claim = GOLD.claims[1].model_copy(update={"speaker": gold})
    said = claim.model_copy(update={"speaker": guess})
    article = GOLD.model_copy(update={"claims": [claim]})
    assert score_article(article, predicted(claims=[said]), TEXT, MATCHER).fields["claims"].tp == same


def test_a_transfer_with_swapped_parties_is_no_match() -> None:
    swapped = GOLD.weapons[0].model_copy(update={"supplier": "Russia", "recipient": "North Korea"})
    assert strict(weapons=[swapped]) == {"weapons": (0, 1, 2)}


def test_a_transfer_matches_on_its_parties_without_evidence_overlap() -> None:
    elsewhere = GOLD.weapons[1].model_copy(update={"supplier": "Teherán", "recipient": "Moscow", "evidence": ev(SENT[1])})
    assert strict(weapons=[elsewhere]) == {"weapons": (1, 0, 1)}


def test_an_empty_gold_side_matches_only_an_empty_one() -> None:
    gold = GOLD.model_copy(update={"weapons": [GOLD.weapons[1].model_copy(update={"supplier": ""})]})
    guessed = gold.weapons[0].model_copy(update={"supplier": "Iran"})
    assert score_article(gold, predicted(weapons=[guessed]), TEXT, MATCHER).fields["weapons"].tp == 0
    assert score_article(gold, predicted(weapons=list(gold.weapons)), TEXT, MATCHER).fields["weapons"].tp == 1


@pytest.mark.parametrize(
    ("gold", "guess", "same"),
    [("artillery", "ammunition", True), ("other_missile", "ballistic_missile", True), ("drone", "ammunition", False),
     ("ballistic_missile", "cruise_missile", False)],
)  # fmt: skip
def test_near_categories_match(gold: str, guess: str, same: bool) -> None:
    g = GOLD.model_copy(update={"weapons": [GOLD.weapons[1].model_copy(update={"category": gold})]})
    p = g.weapons[0].model_copy(update={"category": guess})
    assert (score_article(g, predicted(weapons=[p]), TEXT, MATCHER).fields["weapons"].tp == 1) is same


def test_a_count_matches_on_its_counted_object_and_money_on_its_unit() -> None:
    count, money = GOLD.figures
    assert strict(figures=[count.model_copy(update={"counted": "contenedores de armas"}), money]) == {"figures": (2, 0, 0)}
    assert strict(figures=[count.model_copy(update={"counted": "soldiers"}), money.model_copy(update={"counted": ""})]) == {
        "figures": (1, 1, 1)
    }


def test_an_actor_of_another_kind_or_country_is_no_match() -> None:
    peskov = GOLD.actors[3]
    assert strict(actors=[peskov.model_copy(update={"kind": "government"})]) == {"actors": (0, 1, 4)}
    assert strict(actors=[peskov.model_copy(update={"country": "Iran", "country_code": "IR"})]) == {"actors": (0, 1, 4)}
    assert strict(actors=[peskov]) == {"actors": (1, 0, 3)}


def test_attribute_accuracy_is_tallied_on_each_rules_pairs() -> None:
    wrong = GOLD.weapons[0].model_copy(update={"recipient": "Iran", "status": "alleged"})
    score = score_article(GOLD, predicted(weapons=[wrong, GOLD.weapons[1]]), TEXT, MATCHER)
    loose, tight = score.attributes["loose"]["weapons"], score.attributes["strict"]["weapons"]
    assert (loose["recipient"].right, loose["recipient"].total) == (1, 2)
    assert (loose["status"].right, loose["supplier"].right) == (1, 2)
    assert (tight["recipient"].right, tight["recipient"].total) == (1, 1)


# --------------------------------------------------------------------------- the seeds, replayed


# The counts `armstrace eval --gold seeds/gold` prints with the embedded model; README quotes them.
SEEDS_MICRO = {
    "actors": (74, 5, 5),
    "weapons": (17, 3, 1),
    "figures": (5, 2, 2),
    "claims": (47, 1, 2),
}
# The same extraction under `--match loose`, the span rules.
SEEDS_LOOSE = {
    "actors": (76, 3, 3),
    "weapons": (17, 3, 1),
    "figures": (7, 0, 0),
    "claims": (48, 0, 1),
}


def test_eval_of_the_committed_prompt_over_the_seeds_scores_the_recorded_model(tmp_path: Path) -> None:
    with replay_seeds():
        report = run_eval(SEEDS / "gold", tmp_path / "eval", replay_settings(tmp_path / "cache"))

    micro, loose = report.current.micro, report.current.by_match["loose"]
    assert report.match == "strict"
    assert {f: (micro[f]["tp"], micro[f]["fp"], micro[f]["fn"]) for f in FIELDS} == SEEDS_MICRO
    assert {f: (loose[f]["tp"], loose[f]["fp"], loose[f]["fn"]) for f in FIELDS} == SEEDS_LOOSE
    speaker = report.current.attributes["loose"]["claims"]["speaker"]
    assert (speaker["right"], speaker["total"]) == (48, 48)
    parties = report.current.attributes["loose"]["weapons"]
    assert [(parties[k]["right"], parties[k]["total"]) for k in ("supplier", "recipient")] == [(17, 17), (17, 17)]
    status = report.current.attributes["strict"]["weapons"]["status"]
    assert (status["right"], status["total"]) == (15, 17)
    assert report.current.english_claims == (47, 48)  # one clause kept: its translation names what it does not
    # The transfers as events: the gold's 18 sentences are 13 events.
    events = report.current.weapon_events
    assert (events["tp"], events["fp"], events["fn"]) == (13, 2, 0)
    assert report.current.prompt == "extract.v2"
    assert report.current.strategy == "multi-pass, grammar"
    assert report.current.failed == []
    assert report.current.grounded_share == 1.0
    # Every supplier and recipient is a state, a state body, a company or an armed group.
    assert report.current.party_kinds and set(report.current.party_kinds) <= PARTY_KINDS
    stances = report.current.stances
    assert sum(stances.get(s, {}).get(s, 0) for s in stances) == 45  # of 48 loosely matched claims
    written = json.loads((tmp_path / "eval" / "eval.json").read_text(encoding="utf-8"))
    assert written["current"]["micro"] == micro
    markdown = (tmp_path / "eval" / "eval.md").read_text(encoding="utf-8")
    assert "| claims |" in markdown and "| weapons | recipient |" in markdown
    assert "Claims with English content: 47 of 48." in markdown
    assert "stance: predicted asserted, gold accused" in markdown


def test_eval_against_the_same_prompt_as_baseline_reports_no_change(tmp_path: Path) -> None:
    settings = replay_settings(tmp_path / "cache")
    with replay_seeds():
        report = run_eval(SEEDS / "gold", tmp_path / "eval", settings, baseline=settings.prompt, min_f1=0.9)

    assert report.deltas == {f: 0.0 for f in FIELDS}
    assert report.changes == []
    assert report.below_min == ["weapons", "figures"]
    assert report.exit_code == 1


def test_an_eval_reads_only_its_gold_articles_from_an_output_folder_an_earlier_run_filled(tmp_path: Path) -> None:
    settings = replay_settings(tmp_path / "cache")
    fewer = tmp_path / "gold"
    fewer.mkdir()
    for gold in sorted((SEEDS / "gold").glob("*.json"))[1:]:
        shutil.copy(gold, fewer)
    for text in SEEDS.glob("*.txt"):
        shutil.copy(text, tmp_path)
    with replay_seeds():
        whole = run_eval(SEEDS / "gold", tmp_path / "eval", settings)
        part = run_eval(fewer, tmp_path / "eval", settings)

    first = sorted((SEEDS / "gold").glob("*.json"))[0].stem
    left_out = json.loads(next((tmp_path / "eval").rglob(f"articles/{first}.json")).read_text(encoding="utf-8"))
    assert left_out["claims"]  # the earlier run's article is still in the folder
    assert part.current.english_claims[1] == whole.current.english_claims[1] - len(left_out["claims"])

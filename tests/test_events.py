"""One weapons item per transfer event: the sentences that repeat a transfer join it."""

from __future__ import annotations

from armstrace.base.schema import ArticleExtraction, Evidence, GoldArticle, Quantity, Weapon, materiel_phrases
from armstrace.evaluation.matching import Matcher
from armstrace.evaluation.scoring import score_events
from armstrace.extraction.events import fold_events, mentions
from armstrace.knowledge.gazetteer import load_gazetteer

TEXT = (
    "Norway sent artillery shells to Chile in March. "
    "The shells arrived at a northern port. "
    "Chile also received Leopard-2 tanks from Norway. "
    "Norway denied sending shells to Chile."
)


def said(sentence: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(quote=sentence, start=start, end=start + len(sentence), alignment="exact", score=1.0)


def weapon(sentence: str, words: str, supplier: str = "Norway", recipient: str = "Chile", **more: object) -> Weapon:
    fields: dict[str, object] = {"category": "artillery", "status": "delivered", **more}
    return Weapon(description=words, supplier=supplier, recipient=recipient, evidence=said(sentence), **fields)  # type: ignore[arg-type]


SENT = "Norway sent artillery shells to Chile in March."
ARRIVED = "The shells arrived at a northern port."
TANKS = "Chile also received Leopard-2 tanks from Norway."
DENIED = "Norway denied sending shells to Chile."


def test_a_transfer_repeated_in_a_later_sentence_is_one_item_with_both_sentences() -> None:
    amount = Quantity(text="500", value=500)
    first, again = weapon(SENT, "artillery shells"), weapon(ARRIVED, "shells", quantity=amount)
    (event,) = fold_events([again, first])
    assert event.evidence == first.evidence and event.more_evidence == [again.evidence]
    assert materiel_phrases(event.description) == ["artillery shells", "shells"]
    assert event.quantity == amount  # the first stated amount, whichever sentence gives it


def test_other_materiel_another_stage_or_unknown_parties_are_other_events() -> None:
    tanks = weapon(TANKS, "tanks", category="armoured_vehicle")
    denial = weapon(DENIED, "shells", status="denied")
    nobody = [weapon(SENT, "artillery shells", "", ""), weapon(ARRIVED, "shells", "", "")]
    assert len(fold_events([weapon(SENT, "artillery shells"), tanks, denial, *nobody])) == 5


def test_two_named_systems_are_two_events_and_a_system_joins_its_plain_word() -> None:
    named = [weapon(SENT, "artillery shells", designation="M107"), weapon(ARRIVED, "shells", designation="M795")]
    assert len(fold_events(named)) == 2
    (joined,) = fold_events([weapon(SENT, "artillery shells"), weapon(ARRIVED, "shells", designation="M795")])
    assert joined.designation == "M795"


def test_an_event_is_scored_once_per_sentence_and_once_as_an_event() -> None:
    (event,) = fold_events([weapon(SENT, "artillery shells"), weapon(ARRIVED, "shells")])
    assert [m.evidence.quote for m in mentions(event)] == [SENT, ARRIVED]
    gold = GoldArticle.model_validate({
        "article": "norway", "source": "norway.txt", "actors": [], "figures": [], "claims": [],
        "weapons": [weapon(SENT, "shells").model_dump(), weapon(ARRIVED, "shells").model_dump(), weapon(TANKS, "tanks", category="armoured_vehicle").model_dump()],
    })  # fmt: skip
    predicted = ArticleExtraction.model_construct(actors=[], weapons=[event], figures=[], claims=[])
    counts = score_events(gold, predicted, Matcher(load_gazetteer()))
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 1)  # the tanks: another event of the same parties, missed

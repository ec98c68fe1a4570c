"""Who supplies and who receives, settled over the article: its flow, or that flow's return."""

from __future__ import annotations

from armstrace.base.schema import Evidence, Weapon
from armstrace.extraction.parties import article_flow, settle_parties

SENTENCE = "Corea del Norte envió proyectiles a Rusia."


def weapon(supplier: str, recipient: str) -> Weapon:
    evidence = Evidence(quote=SENTENCE, start=0, end=len(SENTENCE), alignment="exact", score=1.0)
    return Weapon(description="proyectiles", category="ammunition", supplier=supplier, recipient=recipient, status="delivered", evidence=evidence)


def test_the_flow_is_the_pair_named_most_often_its_return_counting_for_it() -> None:
    labels = [weapon("Russia", "North Korea"), weapon("North Korea", "Russia"), weapon("United States", "Ukraine"),
              weapon("North Korea", "Russia"), weapon("United States", "Ukraine")]  # fmt: skip
    assert article_flow(labels) == ("North Korea", "Russia")
    assert article_flow([weapon("Iran", ""), weapon("", "")]) is None


def test_a_side_outside_the_flow_or_left_empty_takes_the_flows_party() -> None:
    labels = [weapon("North Korea", "Russia"), weapon("North Korea", "Russia"), weapon("United States", "North Korea"),
              weapon("North Korea", "Kharkiv"), weapon("", ""), weapon("Russia", "North Korea")]  # fmt: skip
    settled = [(w.supplier, w.recipient) for w in settle_parties(labels)]
    assert settled == [("North Korea", "Russia")] * 5 + [("Russia", "North Korea")]


def test_an_article_whose_labels_name_no_complete_pair_is_left_as_it_is() -> None:
    labels = [weapon("Iran", ""), weapon("", "Russia")]
    assert settle_parties(labels) == labels

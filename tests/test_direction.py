"""Which way a transfer goes: a receiving word puts the recipient before it."""

from __future__ import annotations

from armstrace.base.schema import Evidence, Weapon
from armstrace.extraction.direction import settle_direction
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer

CUES, GAZETTEER = load_cues(), load_gazetteer()


def weapon(sentence: str, words: str, supplier: str, recipient: str) -> Weapon:
    evidence = Evidence(quote=sentence, start=0, end=len(sentence), alignment="exact", score=1.0)
    return Weapon(description=words, category="artillery", supplier=supplier, recipient=recipient, status="alleged", evidence=evidence)


def parties(w: Weapon) -> tuple[str, str]:
    (settled,) = settle_direction([w], CUES, GAZETTEER)
    return settled.supplier, settled.recipient


def test_a_buyer_read_as_the_supplier_is_turned_round() -> None:
    sentence = "Rusia sigue comprando miles de proyectiles a Corea del Norte."
    assert parties(weapon(sentence, "proyectiles", "Russia", "North Korea")) == ("North Korea", "Russia")
    assert parties(weapon("Moscow bought shells from Pyongyang.", "shells", "Russia", "")) == ("", "Russia")


def test_a_label_that_already_reads_the_right_way_is_kept() -> None:
    sentence = "Rusia sigue comprando miles de proyectiles a Corea del Norte."
    assert parties(weapon(sentence, "proyectiles", "North Korea", "Russia")) == ("North Korea", "Russia")
    assert parties(weapon("Corea del Norte envió proyectiles a Rusia.", "proyectiles", "North Korea", "Russia")) == ("North Korea", "Russia")

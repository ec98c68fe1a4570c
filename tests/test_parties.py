"""Who supplies and who receives, settled over the article: its flow, or that flow's return."""

from __future__ import annotations

import json
from pathlib import Path

from armstrace.base.schema import Actor, ArticleExtraction, Evidence, Weapon
from armstrace.extraction.parties import PARTY_KINDS, article_flow, party_kind, settle_parties
from armstrace.extraction.sides import made_by
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer

GAZETTEER = load_gazetteer()

SENTENCE = "Se vieron proyectiles en el frente."


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
    settled = [(w.supplier, w.recipient) for w in settle_parties(labels, [], load_cues(), GAZETTEER)]
    assert settled == [("North Korea", "Russia")] * 5 + [("Russia", "North Korea")]


def test_an_article_whose_labels_name_no_complete_pair_is_left_as_it_is() -> None:
    labels = [weapon("Iran", ""), weapon("", "Russia")]
    assert settle_parties(labels, [], load_cues(), GAZETTEER) == labels


def test_a_person_an_outlet_or_a_name_no_one_knows_is_no_party() -> None:
    labels = [weapon("John Kirby", "Russia"), weapon("Reuters", "Tikhoretsk"), weapon("Iran", "Russia")]
    alone = [(w.supplier, w.recipient) for w in settle_parties(labels[:2], [], load_cues(), GAZETTEER)]
    assert alone == [("", "Russia"), ("", "")]
    assert [(w.supplier, w.recipient) for w in settle_parties(labels, [], load_cues(), GAZETTEER)] == [("Iran", "Russia")] * 3


def test_every_party_of_the_recorded_seeds_is_a_state_body_company_or_group(seeds_out: Path) -> None:
    parties = 0
    for path in sorted((seeds_out / "articles").glob("*.json")):
        extraction = ArticleExtraction.model_validate(json.loads(path.read_text(encoding="utf-8")))
        for w in extraction.weapons:
            for name in filter(None, (w.supplier, w.recipient)):
                parties += 1
                assert party_kind(name, extraction.actors, GAZETTEER) in PARTY_KINDS, (name, w.evidence.quote)
    assert parties > 20


def settled_one(sentence: str, words: str, category: str = "military_equipment") -> tuple[str, str] | None:
    """The parties the flow North Korea → Russia (named twice elsewhere) gives the materiel of `sentence`."""
    cues = load_cues()
    evidence = Evidence(quote=sentence, start=0, end=len(sentence), alignment="exact", score=1.0)
    item = Weapon(description=words, category=category, supplier="", recipient="", status="alleged", evidence=evidence)  # type: ignore[arg-type]
    settled = settle_parties([weapon("North Korea", "Russia"), weapon("North Korea", "Russia"), item], [], cues, GAZETTEER)
    return (settled[2].supplier, settled[2].recipient) if len(settled) == 3 else None


def test_materiel_between_the_two_parties_goes_no_stated_way() -> None:
    assert settled_one("Pyongyang calificó de falsos los supuestos acuerdos militares entre Rusia y Corea del Norte.", "acuerdos militares") == ("", "")
    assert settled_one("Kim dismissed talk of a North Korea-Russia weapons pact as a rumour.", "weapons pact") == ("", "")
    assert settled_one("Washington habló de acuerdos de armas con Rusia.", "acuerdos de armas") == ("North Korea", "Russia")
    # What two parties make together goes no way round either.
    assert settled_one("Los dos países montan una línea de producción conjunta de drones.", "drones", "drone") == ("", "")


def one(sentence: str, words: str, label: tuple[str, str]) -> tuple[str, str]:
    """The sides settled for one item of `sentence` labelled `label`, in an article of three countries."""
    evidence = Evidence(quote=sentence, start=0, end=len(sentence), alignment="exact", score=1.0)
    item = Weapon(description=words, category="drone", supplier=label[0], recipient=label[1], status="used", evidence=evidence)
    countries = [Actor(name=n, mentions=[n], kind="country", country=n, country_code="", role="", evidence=evidence) for n in ("Norway", "Chile", "Peru")]
    [settled] = settle_parties([item], countries, load_cues(), GAZETTEER)
    return settled.supplier, settled.recipient


def test_the_nearest_name_before_the_transfer_verb_is_its_subject() -> None:
    assert settled_one("MOSCOW, Russia (AP) — North Korea has sent shells to the front.", "shells", "ammunition") == ("North Korea", "Russia")


def test_a_transfer_verb_next_to_the_materiel_gives_its_subjects_side_before_the_flow_is_read() -> None:
    assert one("Noruega ha vendido a Chile unas 40 fragatas, según Perú.", "fragatas", ("Peru", "Chile")) == ("Norway", "Chile")
    # a receiving verb's subject receives; the label's side it gave the other way is emptied
    assert one("Chile compró fragatas a Noruega.", "fragatas", ("Chile", "Norway")) == ("", "Chile")


def test_the_country_that_uses_the_materiel_receives_it_not_the_one_it_is_used_against() -> None:
    # a model that takes the country attacked for the recipient
    assert one("Chile lanzó ayer 20 drones noruegos contra Lima.", "drones", ("Norway", "Peru")) == ("Norway", "Chile")
    assert one("The Chilean army fired Norwegian drones at Peru.", "drones", ("Norway", "Peru")) == ("Norway", "Chile")
    # the use verb's subject must stand before the materiel
    assert one("Drones noruegos cayeron sobre Lima.", "Drones", ("Norway", "Peru")) == ("Norway", "Peru")


def test_a_spanish_adjective_before_the_materiel_is_another_nouns() -> None:
    sentence = "Lars Berg negó que el ejército chileno utilice drones noruegos."
    evidence = Evidence(quote=sentence, start=0, end=len(sentence), alignment="exact", score=1.0)
    item = Weapon(description="drones", category="drone", supplier="", recipient="", status="denied", evidence=evidence)
    assert made_by(item, load_cues().demonyms) == "Norway"


def test_the_materiels_adjective_says_who_made_it_and_the_receivers_own_troops_are_no_transfer() -> None:
    assert settled_one("Rusia envió cazas rusos a Pyongyang.", "cazas", "aircraft") == ("Russia", "North Korea")
    assert settled_one("Russia fired North Korean ballistic missiles at Kyiv.", "ballistic missiles", "ballistic_missile") == ("North Korea", "Russia")
    assert settled_one("Las tropas rusas avanzan en Kursk.", "tropas", "troops") is None


def test_a_movement_outside_the_flow_is_no_transfer_of_the_articles() -> None:
    flow = [weapon("Iran", "Russia"), weapon("Iran", "Russia")]
    others = [weapon("Israel", "Lebanon").model_copy(update={"category": "troops"}),
              weapon("Russia", "Ukraine").model_copy(update={"category": "troops"}),
              weapon("Russia", "Ukraine")]  # fmt: skip
    settled = [(w.category, w.supplier, w.recipient) for w in settle_parties(flow + others, [], load_cues(), GAZETTEER)]
    assert settled == [("ammunition", "Iran", "Russia")] * 3


def test_a_preposition_right_after_the_materiel_names_its_recipient_or_its_supplier() -> None:
    assert settled_one("North Korea has sent roughly 4,500 troops to Russia.", "troops", "troops") == ("North Korea", "Russia")
    assert settled_one("Rusia recibió proyectiles de Corea del Norte.", "proyectiles", "ammunition") == ("North Korea", "Russia")
    assert settled_one("Moscú entregó cazas a Pyongyang.", "cazas", "aircraft") == ("Russia", "North Korea")
    # A receiving verb turns "a" round, and a preposition farther off belongs to another word.
    assert settled_one("Rusia compra proyectiles a Corea del Norte.", "proyectiles", "ammunition") == ("North Korea", "Russia")
    assert settled_one("Desplegó tropas para reforzar la ofensiva de Rusia.", "tropas", "troops") == ("North Korea", "Russia")


def test_the_subject_of_the_transfer_verb_before_the_materiel_supplies_it() -> None:
    assert settled_one("Seúl condenó a Rusia por enviar cazas.", "cazas", "aircraft") == ("Russia", "North Korea")
    assert settled_one("Rusia compró proyectiles.", "proyectiles", "ammunition") == ("North Korea", "Russia")
    # What goes back in exchange goes the other way.
    sentence = "Corea del Norte ha vendido miles de obuses a cambio de tecnología espacial."
    assert settled_one(sentence, "tecnología espacial", "other") == ("Russia", "North Korea")
    assert settled_one("Critican la venta de proyectiles y el flujo de tecnología militar en la dirección opuesta.", "tecnología", "other") == ("Russia", "North Korea")
    # "a cambio" alone, "in return": what the verb's subject sends back is still its own.
    assert settled_one("Rusia habría entregado a cambio cazas y mucho petróleo en los últimos meses.", "cazas", "aircraft") == ("Russia", "North Korea")

"""The gold sets (seeds/gold/*.json, bench/fresh/gold/*.json) are well-formed and grounded in their articles.

These checks are mechanical: they do not say the annotation is right, only that it follows
docs/annotation.md where code can tell (valid records, one file per seed, evidence that is
the article's own text at its offsets, numbers as `parse_quantity` reads them, canonical
names as the gazetteer writes them).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from armstrace.knowledge.gazetteer import load_gazetteer
from armstrace.extraction.load import read_article
from armstrace.text.numbers import parse_quantity
from armstrace.base.schema import Evidence, GoldArticle

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLD = SEEDS / "gold"
FRESH = ROOT / "bench" / "fresh"
ANNOTATORS = {SEEDS: "gold v1 (guidelines docs/annotation.md)", FRESH: "fresh v1 (guidelines docs/annotation.md)"}

GOLD_FILES = [*sorted(GOLD.glob("*.json")), *sorted((FRESH / "gold").glob("*.json"))]
IDS = [path.stem for path in GOLD_FILES]


@cache
def gold(path: Path) -> GoldArticle:
    return GoldArticle.model_validate_json(path.read_text(encoding="utf-8"))


@cache
def article_text(path: Path) -> str:
    """The article of the gold file at `path`, beside its gold folder."""
    # Read as armstrace reads articles, so offsets mean the same thing as in extractions.
    return read_article(path.parent.parent / f"{gold(path).article}.txt").text


def evidences(annotation: GoldArticle) -> Iterator[tuple[str, int, Evidence]]:
    for field in ("actors", "weapons", "figures", "claims"):
        for index, item in enumerate(getattr(annotation, field)):
            yield field, index, item.evidence


@pytest.mark.parametrize("folder", [SEEDS, FRESH], ids=["seeds", "fresh"])
def test_one_gold_file_per_article(folder: Path) -> None:
    articles = sorted(path.stem for path in folder.glob("*.txt"))
    assert articles, f"no articles in {folder}"
    assert sorted(path.stem for path in (folder / "gold").glob("*.json")) == articles


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_gold_file_validates(path: Path) -> None:
    annotation = gold(path)
    assert annotation.article == path.stem
    assert annotation.source == f"{path.parent.parent.relative_to(ROOT)}/{path.stem}.txt"
    assert (ROOT / annotation.source).is_file()
    assert annotation.annotator == ANNOTATORS[path.parent.parent]
    # Round trip: nothing in the file that the model would drop or change.
    assert GoldArticle.model_validate(annotation.model_dump(mode="json")) == annotation


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_evidence_is_the_articles_own_text(path: Path) -> None:
    annotation = gold(path)
    text = article_text(path)
    for field, index, evidence in evidences(annotation):
        where = f"{field}[{index}]"
        assert 0 <= evidence.start < evidence.end <= len(text), where
        assert text[evidence.start : evidence.end] == evidence.quote, where
        assert evidence.alignment == "exact", where
        assert evidence.score == 1.0, where


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_quantities_are_parsed_by_code(path: Path) -> None:
    annotation = gold(path)
    for index, figure in enumerate(annotation.figures):
        assert figure.quantity == parse_quantity(figure.evidence.quote), f"figures[{index}]"
        assert figure.counted and figure.measures, f"figures[{index}]"
    for index, weapon in enumerate(annotation.weapons):
        if weapon.quantity is not None:
            assert weapon.quantity == parse_quantity(weapon.quantity.text), f"weapons[{index}]"
            assert weapon.quantity.text in weapon.evidence.quote, f"weapons[{index}]"


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_actors_are_one_per_name_with_their_mentions(path: Path) -> None:
    annotation = gold(path)
    text = article_text(path)
    names = [actor.name for actor in annotation.actors]
    assert len(names) == len(set(names)), "one actor per canonical name"
    for actor in annotation.actors:
        assert actor.mentions, actor.name
        assert len(actor.mentions) == len(set(actor.mentions)), actor.name
        for mention in actor.mentions:
            assert mention in text, (actor.name, mention)
        # The evidence is the first mention: the name's own span, listed first.
        assert actor.evidence.quote == actor.mentions[0], actor.name


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_known_names_are_the_gazetteers_canonical_names(path: Path) -> None:
    gazetteer = load_gazetteer()
    annotation = gold(path)
    for actor in annotation.actors:
        known = gazetteer.actor_for(actor.name)
        if known is None:
            continue
        assert actor.name == known.name
        assert actor.kind == known.kind, actor.name
        assert actor.country_code == known.country, actor.name
    for actor in annotation.actors:
        # A mention the gazetteer knows names the actor it is listed under, known or not.
        for mention in actor.mentions:
            resolved = gazetteer.actor_for(mention)
            assert resolved is None or resolved.name == actor.name, (actor.name, mention)
    others = [w.supplier for w in annotation.weapons] + [w.recipient for w in annotation.weapons]
    others += [c.speaker for c in annotation.claims] + [c.channel for c in annotation.claims]
    for name in filter(None, others):
        known = gazetteer.actor_for(name)
        assert known is None or known.name == name, name


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_claims_and_weapons_are_complete_records(path: Path) -> None:
    annotation = gold(path)
    for claim in annotation.claims:
        assert claim.speaker and claim.content and claim.subject, claim.evidence.quote
    for weapon in annotation.weapons:
        assert weapon.description, weapon.evidence.quote

from pathlib import Path

import pytest

from armstrace.base.errors import ConfigError
from armstrace.extraction.candidates import find_candidates
from armstrace.knowledge.cues import load_cues
from armstrace.knowledge.gazetteer import load_gazetteer
from armstrace.extraction.prompt import FIELDS, ask_again, ask_for_translation, format_items, load_prompt, render
from armstrace.base.settings import Settings

PROMPT = Settings().prompt


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_committed_prompt_has_every_section_and_a_version() -> None:
    prompt = load_prompt(PROMPT)
    assert prompt.label == "extract.v2"
    assert set(FIELDS) <= set(prompt.sections)


def test_instructions_then_the_article_make_one_system_message_and_the_item_comes_last() -> None:
    prompt = load_prompt(PROMPT)
    messages = {f: render(prompt, f, article="TEXT OF THE ARTICLE", items="1. x") for f in FIELDS}
    systems = {m.system for m in messages.values()}
    assert len(systems) == 1  # one shared prefix for the server's prompt cache
    # The instructions come first, so the server reuses them from one article to the next.
    assert systems.pop().rstrip().endswith("TEXT OF THE ARTICLE")
    assert all(m.user.strip().endswith("1. x") for m in messages.values())


def test_an_item_shows_its_sentence_before_what_code_found_in_it() -> None:
    article = "Irán negó haber enviado drones a Rusia."
    found = find_candidates(article, load_cues(), load_gazetteer())
    assert format_items(found["weapons"]) == f"1. Sentence: {article}\n   Materiel: «drones»"
    assert format_items(found["claims"]) == f"1. Sentence: {article}\n   Reporting words: «negó»"
    assert format_items([c for c in found["actors"] if c.span.text == "Irán"]) == "1. Name: Irán"


def test_article_text_is_never_parsed_as_a_template() -> None:
    prompt = load_prompt(PROMPT)
    article = "Costó US$ 5 millones {{ x }} ${article} $other"
    assert article in render(prompt, "claims", article=article, items="1. x").system


def test_missing_variable_is_an_error_before_any_call() -> None:
    with pytest.raises(ConfigError):
        render(load_prompt(PROMPT), "actors")


def test_undeclared_variable_in_a_prompt_file_is_rejected(tmp_path: Path) -> None:
    body = "---\nname: x\nversion: 2\nvariables: article\n---\n## system\n$article $lang\n"
    body += "".join(f"## {f}\nlist {f}\n" for f in FIELDS)
    with pytest.raises(ConfigError, match="variables"):
        load_prompt(_write(tmp_path, body))


def test_prompt_file_without_a_field_section_is_rejected(tmp_path: Path) -> None:
    body = "---\nname: x\nversion: 2\nvariables: article\n---\n## system\n$article\n## actors\nx\n"
    with pytest.raises(ConfigError, match="weapons"):
        load_prompt(_write(tmp_path, body))


def test_missing_prompt_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="nope.md"):
        load_prompt(tmp_path / "nope.md")


def test_prompt_hash_changes_with_its_content(tmp_path: Path) -> None:
    one = load_prompt(_write(tmp_path, PROMPT.read_text(encoding="utf-8")))
    two = load_prompt(_write(tmp_path, PROMPT.read_text(encoding="utf-8") + "\nMore.\n"))
    assert one.sha256 != two.sha256


def test_asking_again_for_a_translation_keeps_the_calls_messages_and_adds_the_clause_after_the_item() -> None:
    prompt = load_prompt(PROMPT)
    messages = render(prompt, "claims", article="TEXT OF THE ARTICLE", items="1. x").as_list()
    again = ask_for_translation(prompt, messages, "Oslo vendió radares a Lima")
    assert again is not None and again[:-1] == messages[:-1]  # the server keeps the article it has read
    assert again[-1]["content"].startswith(messages[-1]["content"] + "\n")
    assert "«Oslo vendió radares a Lima»" in again[-1]["content"]


def test_a_translation_asked_again_has_the_clause_as_the_article_and_what_was_wrong() -> None:
    prompt = load_prompt(PROMPT)
    told = ask_again(prompt, "Oslo vendió radares a Lima", "It does not say «Chile».")
    claims = render(prompt, "claims", article="Oslo vendió radares a Lima", items="1. x").as_list()
    assert told is not None and told[0] == claims[0]  # the instructions, which the server keeps, then the clause
    assert told[-1]["content"].startswith("It does not say «Chile». ") and "translation of the article" in told[-1]["content"]


def test_a_prompt_without_a_translation_section_asks_no_translation(tmp_path: Path) -> None:
    body = PROMPT.read_text(encoding="utf-8")
    path = tmp_path / "p.md"
    path.write_text(body[: body.index("## translation")].replace(", clause, fault", ""), encoding="utf-8")
    prompt = load_prompt(path)
    assert ask_for_translation(prompt, [], "Oslo vendió radares a Lima") is None
    assert ask_again(prompt, "Oslo vendió radares a Lima", "It does not say «Chile».") is None

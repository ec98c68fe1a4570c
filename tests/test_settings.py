from pathlib import Path

import pytest

from armstrace.base.errors import ConfigError
from armstrace.base.settings import EMBEDDED_MODEL, OPENAI_BASE_URL, Settings, load_settings, model_billions


def test_no_endpoint_means_embedded_server() -> None:
    settings = load_settings({}, environ={})
    assert settings.embedded
    assert settings.resolved_base_url is None


def test_armstrace_base_url_wins_over_openai_base_url() -> None:
    env = {"ARMSTRACE_BASE_URL": "http://a/v1", "OPENAI_BASE_URL": "http://b/v1"}
    assert load_settings({}, environ=env).base_url == "http://a/v1"


def test_openai_base_url_is_read_when_armstrace_one_is_unset() -> None:
    assert load_settings({}, environ={"OPENAI_BASE_URL": "http://b/v1"}).base_url == "http://b/v1"


def test_flag_wins_over_environment() -> None:
    env = {"ARMSTRACE_MODEL": "from-env", "ARMSTRACE_CACHE_DIR": "/tmp/env-cache"}
    settings = load_settings({"model": "from-flag", "cache_dir": None}, environ=env)
    assert settings.model == "from-flag"
    assert settings.cache_dir == Path("/tmp/env-cache")


def test_openai_shorthand_expands_to_the_api_url() -> None:
    assert load_settings({"base_url": "openai"}, environ={}).resolved_base_url == OPENAI_BASE_URL


def test_api_key_is_secret_in_repr() -> None:
    settings = load_settings({}, environ={"OPENAI_API_KEY": "sk-test-plant-123"})
    assert "sk-test-plant-123" not in repr(settings)
    assert settings.api_key is not None
    assert settings.api_key.get_secret_value() == "sk-test-plant-123"


def test_invalid_value_names_the_setting_and_its_variable() -> None:
    with pytest.raises(ConfigError) as e:
        load_settings({}, environ={"ARMSTRACE_TIMEOUT": "soon"})
    assert "timeout" in e.value.message
    assert "ARMSTRACE_TIMEOUT" in e.value.hint


def test_generation_settings_are_what_changes_an_answer() -> None:
    settings = load_settings({"answer_tokens": 512}, environ={})
    assert settings.generation() == {"temperature": 0.0, "max_tokens": 512, "seed": 0}


@pytest.mark.parametrize(
    ("model", "billions"),
    [
        ("qwen2.5-coder-1.5b-instruct", 1.5),
        ("llama-3.1-8b", 8),
        ("mistral-7b", 7),
        ("Qwen/Qwen2.5-7B-Instruct", 7),
        ("qwen2.5:14b", 14),
        ("llama-3.1-70b-instruct", 70),
        ("smollm2-360m", 0.36),
        ("gpt-4o", None),
        ("gpt-4.1-mini", None),
        ("", None),
    ],
)
def test_a_model_id_names_its_size_in_billions(model: str, billions: float | None) -> None:
    assert model_billions(model) == billions


@pytest.mark.parametrize(
    ("base_url", "model", "strategy"),
    [
        (None, EMBEDDED_MODEL, "multi-pass"),
        (None, "gpt-4o", "multi-pass"),  # the embedded server is small whatever it is called
        ("http://h/v1", "qwen2.5-coder-1.5b-instruct", "multi-pass"),
        ("http://h/v1", "llama-3.1-8b", "multi-pass"),
        ("http://h/v1", "mistral-7b", "multi-pass"),
        ("http://h/v1", "qwen2.5:14b", "multi-pass"),
        ("http://h/v1", "qwen2.5:32b", "single-pass"),
        ("openai", "gpt-4o", "single-pass"),
        ("openai", "gpt-4.1-mini", "single-pass"),
        ("http://h/v1", "", "single-pass"),
    ],
)
def test_auto_strategy_is_multi_pass_for_small_models_and_single_pass_otherwise(
    base_url: str | None, model: str, strategy: str
) -> None:
    assert Settings(base_url=base_url).resolved_strategy(model) == strategy


def test_a_given_strategy_is_kept_and_read_from_the_environment() -> None:
    settings = load_settings({}, environ={"ARMSTRACE_STRATEGY": "single-pass"})
    assert settings.resolved_strategy(EMBEDDED_MODEL) == "single-pass"
    flagged = load_settings({"strategy": "multi-pass"}, environ={"ARMSTRACE_STRATEGY": "single-pass"})
    assert flagged.resolved_strategy("gpt-4o") == "multi-pass"
    with pytest.raises(ConfigError) as e:
        load_settings({}, environ={"ARMSTRACE_STRATEGY": "two-pass"})
    assert "strategy" in e.value.message and "ARMSTRACE_STRATEGY" in e.value.hint


def test_the_call_plan_holds_the_resolved_mode_and_strategy() -> None:
    plan = Settings(base_url="openai").call_plan("gpt-4o")
    assert plan == {"mode": "tools", "strategy": "single-pass", "reasks": 1, "batch": 1, "window": 12_000}
    assert Settings().call_plan(EMBEDDED_MODEL) == Settings(mode="grammar", strategy="multi-pass").call_plan(EMBEDDED_MODEL)


def test_two_articles_are_in_flight_with_the_embedded_engine_and_eight_with_an_endpoint() -> None:
    # With the engine, the next article's calls wait while one article's are answered.
    assert load_settings({}, environ={}).in_flight == 2
    assert load_settings({"base_url": "http://127.0.0.1:8080/v1"}, environ={}).in_flight == 8
    assert load_settings({"concurrency": 1}, environ={}).in_flight == 1

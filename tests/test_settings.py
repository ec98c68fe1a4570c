from pathlib import Path

import pytest

from armstrace.errors import ConfigError
from armstrace.settings import OPENAI_BASE_URL, load_settings


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

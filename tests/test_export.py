from pathlib import Path

import pytest

from armstrace.base.errors import ConfigError
from armstrace.schemas import check_schemas, write_schemas

from conftest import ROOT


def test_committed_schemas_match_the_pydantic_models() -> None:
    check_schemas(ROOT / "schemas")


def test_a_stale_schema_file_is_reported_by_name(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    (tmp_path / "claims.labels.schema.json").write_text("{}")
    with pytest.raises(ConfigError, match="claims.labels.schema.json"):
        check_schemas(tmp_path)


def test_label_schemas_ask_for_exactly_one_label_per_candidate(tmp_path: Path) -> None:
    import json

    from armstrace.base.schema import WeaponLabel, labels_model

    write_schemas(tmp_path)
    schema = json.loads((tmp_path / "weapons.labels.schema.json").read_text())
    assert set(schema["required"]) == {"status", "supplier", "recipient"}  # one candidate: the label itself
    labels = labels_model(WeaponLabel, 3).model_json_schema()["properties"]["labels"]
    assert labels["minItems"] == labels["maxItems"] == 3

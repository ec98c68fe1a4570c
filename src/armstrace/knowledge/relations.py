"""The relations claims often state besides arms flows (data/relations.toml): a statement in
English, and the verbs and objects that say it in either language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..base.datafile import DATA_DIR, read_toml, strings
from ..base.errors import ConfigError

RELATIONS_PATH = DATA_DIR / "relations.toml"
_HINT = "see the comments at the top of the packaged relations.toml for the format"


@dataclass(frozen=True)
class Relation:
    """One relation: `statement` names {subject} (and {other} when it holds between two parties)."""

    name: str
    statement: str
    verbs: tuple[str, ...]
    objects: tuple[str, ...]

    @property
    def mutual(self) -> bool:
        """Whether the relation holds between two parties, either way round ("sign a treaty")."""
        return "{other}" in self.statement


def read_relations(path: Path) -> tuple[Relation, ...]:
    """Read and check one relations file."""
    relations = []
    for name, table in read_toml(path, _HINT).items():
        where = f"{path}: [{name}]"
        statement = table.get("statement") if isinstance(table, dict) else None
        if not isinstance(statement, str) or "{subject}" not in statement:
            raise ConfigError(f"{where}: needs a statement naming {{subject}}", _HINT)
        words = {key: strings(table.get(key), f"{where} {key}", _HINT) for key in ("verbs", "objects")}
        if any(w != w.lower() for terms in words.values() for w in terms):
            raise ConfigError(f"{where}: verbs and objects must be lowercase", "write them in lowercase")
        relations.append(Relation(name, statement, words["verbs"], words["objects"]))
    return tuple(relations)


@cache
def load_relations() -> tuple[Relation, ...]:
    """The packaged relations (read once per process)."""
    return read_relations(RELATIONS_PATH)

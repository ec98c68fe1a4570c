import socket
from pathlib import Path

import pytest

from armstrace.model import server
from armstrace.base.errors import LocalServerError
from armstrace.model.server import LocalServer, free_port


def test_free_port_is_bindable_on_loopback() -> None:
    port = free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))


def test_server_listens_on_loopback_only_under_the_model_name(tmp_path: Path) -> None:
    local = LocalServer("m", tmp_path, threads=2, context=4096, port=1234)
    command = local.command(tmp_path / "m.gguf")
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert command[command.index("--model_alias") + 1] == "m"
    assert local.base_url == "http://127.0.0.1:1234/v1"


def test_a_missing_server_package_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(LocalServerError) as e:
        LocalServer("m", tmp_path).start()
    assert ".[local]" in e.value.hint

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.components import default_registry
from newsgraph.config import Config
from newsgraph.errors import ConfigError
from newsgraph.registry import Registry


def test_registry_create_and_unknown_name() -> None:
    reg = Registry()
    reg.register("cleaners", "x.v1", lambda **kw: ("built", kw))
    assert reg.create("cleaners", "x.v1", a=1) == ("built", {"a": 1})
    with pytest.raises(ConfigError, match="known: x.v1"):
        reg.get("cleaners", "y.v1")
    with pytest.raises(ConfigError):
        reg.register("cleaners", "x.v1", lambda: None)


def test_default_registry_has_builtins() -> None:
    reg = default_registry()
    assert "newsgraph.cleaner.v1" in reg.names("cleaners")
    assert "sqlite" in reg.names("stores")


def test_config_overrides_and_toml(tmp_path: Path) -> None:
    cfg = Config().with_overrides(max_bytes=5, http_timeout=None)
    assert cfg.max_bytes == 5 and cfg.http_timeout == Config().http_timeout
    with pytest.raises(ConfigError, match="unknown setting"):
        Config().with_overrides(nope=1)
    path = tmp_path / "ng.toml"
    path.write_text("[newsgraph]\nmax_bytes = 1234\n")
    assert Config.from_toml(path).max_bytes == 1234
    path.write_text("max_bytes = [")
    with pytest.raises(ConfigError, match="cannot read"):
        Config.from_toml(path)

"""Guard the documented surface: every CLI command and every setting is documented."""

from __future__ import annotations

from pathlib import Path

from newsgraph.cli import app
from newsgraph.config import Config

REPO = Path(__file__).resolve().parents[1]


def test_every_cli_command_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"newsgraph {name}" in readme, name


def test_every_setting_has_help() -> None:
    for name, _default, help_text in Config.describe():
        assert help_text, name


def test_readme_setup_is_two_commands_matching_ci() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pytest" in readme and ".venv/bin/python -m pytest" in ci
    assert "newsgraph demo" in readme

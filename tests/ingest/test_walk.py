"""Folder expansion: order, hidden entries, symlink loops, missing and unreadable paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph.ingest import InputTarget, expand_targets
from newsgraph.model import Rejection


def _split(targets: list[str]) -> tuple[list[InputTarget], list[Rejection]]:
    found = list(expand_targets(targets))
    return (
        [t for t in found if isinstance(t, InputTarget)],
        [r for r in found if isinstance(r, Rejection)],
    )


def _tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text("a")
    (root / "b" / "z.txt").write_text("z")
    (root / "b" / "c.html").write_text("c")
    (root / "d.txt").write_text("d")
    (root / ".hidden.txt").write_text("h")
    (root / ".git").mkdir()
    (root / ".git" / "config.txt").write_text("g")


def test_folders_are_walked_recursively_sorted_without_hidden(tmp_path: Path) -> None:
    _tree(tmp_path)
    inputs, problems = _split([str(tmp_path)])
    assert problems == []
    names = [os.path.relpath(t.location, tmp_path) for t in inputs]
    assert names == ["a.txt", os.path.join("b", "c.html"), os.path.join("b", "z.txt"), "d.txt"]
    assert all(os.path.isabs(t.location) and not t.is_url for t in inputs)


def test_explicit_hidden_file_is_read_and_duplicates_once(tmp_path: Path) -> None:
    _tree(tmp_path)
    hidden = tmp_path / ".hidden.txt"
    inputs, _ = _split([str(hidden), str(tmp_path / "a.txt"), str(tmp_path)])
    locations = [t.location for t in inputs]
    assert locations[0] == str(hidden.resolve())
    assert locations.count(str((tmp_path / "a.txt").resolve())) == 1
    assert len(locations) == 5


def test_relative_paths_become_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "story.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    inputs, _ = _split(["story.txt", "file://" + str(tmp_path / "story.txt")])
    assert [t.location for t in inputs] == [str((tmp_path / "story.txt").resolve())]


def test_symlink_loop_is_reported_and_walk_goes_on(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "b" / "back").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self").symlink_to(tmp_path / "self")  # a link to itself: ELOOP
    inputs, problems = _split([str(tmp_path)])
    assert len(inputs) == 4  # every real file, each once
    reasons = {Path(r.source).name: r.reason_code for r in problems}
    assert reasons == {"back": "symlink_loop", "self": "symlink_loop"}
    assert all(r.stage == "ingest" and r.detail for r in problems)


def test_folder_reached_twice_by_links_is_read_once(tmp_path: Path) -> None:
    _tree(tmp_path / "real")
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    inputs, problems = _split([str(tmp_path)])
    assert problems == []
    assert len(inputs) == 4


def test_missing_and_broken_link_are_not_found(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    inputs, problems = _split([str(tmp_path / "nope.txt"), str(tmp_path)])
    assert inputs == []
    assert [r.reason_code for r in problems] == ["not_found", "not_found"]
    assert "does not exist" in problems[1].detail


def test_urls_pass_through_and_other_schemes_are_refused() -> None:
    inputs, problems = _split(
        ["https://news.example/a", "http://news.example/b", "https://news.example/a", "ftp://x/y"]
    )
    assert inputs == [
        InputTarget("https://news.example/a", is_url=True),
        InputTarget("http://news.example/b", is_url=True),
    ]
    assert [r.reason_code for r in problems] == ["unsupported_url"]


def test_fifo_is_not_a_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    inputs, problems = _split([str(tmp_path)])
    assert inputs == [] and [r.reason_code for r in problems] == ["not_a_file"]


def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("x")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("y")
    secret.chmod(0)
    locked.chmod(0)
    try:
        if os.access(secret, os.R_OK) or os.access(locked, os.R_OK):
            pytest.skip("running as a user (root?) who can read files without permission")
        inputs, problems = _split([str(tmp_path)])
        assert inputs == []
        assert sorted((Path(r.source).name, r.reason_code) for r in problems) == [
            ("locked", "unreadable"),
            ("secret.txt", "unreadable"),
        ]
    finally:
        secret.chmod(0o644)
        locked.chmod(0o755)


def test_unreadable_paths_when_running_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same checks with permission failures simulated, so they also run as root."""
    secret = tmp_path / "secret.txt"
    secret.write_text("x")
    locked = tmp_path / "locked"
    locked.mkdir()
    real_access, real_scandir = os.access, os.scandir

    def access(path: object, mode: int, **kwargs: object) -> bool:
        return False if str(path) == str(secret) else real_access(path, mode, **kwargs)  # type: ignore[arg-type]

    def scandir(path: object):  # type: ignore[no-untyped-def]
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "scandir", scandir)
    inputs, problems = _split([str(tmp_path)])
    assert inputs == []
    assert [(Path(r.source).name, r.reason_code) for r in problems] == [
        ("locked", "unreadable"),
        ("secret.txt", "unreadable"),
    ]
    assert "Permission denied" in problems[0].detail

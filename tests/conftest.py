"""Shared fixtures. The seed corpus and benchmark data live beside the repo in ../shared/."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """Folder of the five real seed articles; tests that need it skip when it is absent."""
    if not SEEDS.is_dir():
        pytest.skip(
            f"seed corpus not found at {SEEDS} (set NEWSGRAPH_SHARED to the shared/ folder)"
        )
    return SEEDS


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Seed file name -> its text."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}

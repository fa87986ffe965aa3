"""Reading the knowledge files of ``newsgraph/data`` (TSV tables and word lists).

Every file starts with a header of ``#`` comment lines that documents its format; blank lines and
comment lines are skipped. A malformed line is a packaging or editing mistake, so it raises
``ConfigError`` naming the file and line rather than being skipped silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsgraph.errors import ConfigError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def data_file(name: str) -> Path:
    """Path of a file shipped in ``newsgraph/data``."""
    return DATA_DIR / name


def read_rows(path: Path, *, min_columns: int, max_columns: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, TAB-separated columns) of every data line of ``path``.

    Missing trailing columns are returned as empty strings, up to ``max_columns``.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read data file {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        columns = [c.strip() for c in line.split("\t")]
        if not min_columns <= len(columns) <= max_columns or not columns[0]:
            raise ConfigError(
                f"{path}:{number}: expected {min_columns} to {max_columns} TAB-separated columns, "
                f"got {len(columns)}; see the header of the file for its format"
            )
        yield number, columns + [""] * (max_columns - len(columns))


def read_words(path: Path) -> list[str]:
    """The data lines of a one-entry-per-line word list."""
    return [columns[0] for _, columns in read_rows(path, min_columns=1, max_columns=1)]

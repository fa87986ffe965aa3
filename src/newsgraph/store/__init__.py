"""Store: the repository interface and its SQLite implementation.

Public entry point::

    open_store(path_or_url) -> Store

``target`` is a SQLite file path (created with its folder if missing), ``":memory:"``, or a
``sqlite:///relative.db`` / ``sqlite:////absolute.db`` URL. ``postgresql://`` URLs are reserved
for the planned PostgreSQL backend.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsgraph.errors import StoreError
from newsgraph.store.base import RECORD_KINDS, SearchHit, Store
from newsgraph.store.sqlite import SQLiteStore

__all__ = ["RECORD_KINDS", "SQLiteStore", "SearchHit", "Store", "open_store"]

_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<rest>.*)$")


def open_store(target: str | Path) -> Store:
    """Open (creating and migrating as needed) the store at ``target``.

    Raises ``StoreError`` with advice when the target cannot be used, and ``SchemaError`` when
    the database was written by a newer newsgraph.
    """
    text = str(target)
    match = _URL.match(text) if isinstance(target, str) else None
    if match:
        scheme = match.group("scheme").lower()
        if scheme in ("postgresql", "postgres") or scheme.startswith("postgresql+"):
            raise StoreError(
                "the PostgreSQL backend is planned but not built yet; use a SQLite file path "
                "for now (for example --db news.db)"
            )
        if scheme != "sqlite":
            raise StoreError(f"unsupported store URL scheme {scheme!r}; give a SQLite file path")
        # SQLAlchemy's convention: sqlite:///rel.db is relative, sqlite:////abs.db absolute.
        text = match.group("rest").removeprefix("/") or ":memory:"
    if text == ":memory:":
        return SQLiteStore(text)
    path = Path(text).expanduser()
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder; give a database file path such as {path / 'news.db'}"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the folder {path.parent} for the database ({exc.strerror or exc}); "
            "choose a --db path in a folder you can write to"
        ) from exc
    return SQLiteStore(path)

"""Schema migrations: packaged, applied in order once, transactional, newer schemas refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.errors import SchemaError, StoreError
from newsgraph.store import open_store
from newsgraph.store.sqlite import Migration, apply_migrations, load_migrations, split_statements

TABLES = {
    "documents",
    "raw_inputs",
    "rejections",
    "documents_fts",
    "entities",
    "mentions",
    "relations",
    "events",
    "claims",
    "conflicts",
    "stories",
    "duplicates",
}


def _tables(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def _user_version(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_packaged_migrations_are_numbered_from_one() -> None:
    migrations = load_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].name == "0001_init.sql"
    assert "CREATE TABLE documents" in migrations[0].sql


def test_fresh_database_gets_every_table_and_the_newest_version(tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    with open_store(db) as store:
        assert store.schema_version == len(load_migrations())  # type: ignore[attr-defined]
    assert _tables(db) >= TABLES
    assert _user_version(db) == len(load_migrations())
    # Reopening applies nothing twice (a second CREATE TABLE would fail).
    with open_store(db) as store:
        assert store.count_documents() == 0


def test_database_from_a_newer_newsgraph_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "future.db"
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(SchemaError, match="newer newsgraph") as info:
        open_store(db)
    assert "99" in str(info.value) and "Upgrade newsgraph" in str(info.value)
    assert _user_version(db) == 99  # left untouched


def test_someone_elses_database_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.close()
    with pytest.raises(StoreError, match="not a newsgraph one"):
        open_store(db)
    assert _tables(db) == {"invoices"}


def test_later_migrations_apply_in_order_on_an_existing_database(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    base = load_migrations()
    assert apply_migrations(conn, base) == len(base)
    n = len(base)
    later = [
        Migration(n + 1, f"{n + 1:04d}_add_notes.sql", "CREATE TABLE notes (id INTEGER);"),
        Migration(
            n + 2,
            f"{n + 2:04d}_notes_text.sql",
            "-- a comment; with a semicolon\nALTER TABLE notes ADD COLUMN text TEXT;\n",
        ),
    ]
    assert apply_migrations(conn, base + later) == n + 2
    conn.execute("INSERT INTO notes (id, text) VALUES (1, 'ok')")
    assert apply_migrations(conn, base + later) == n + 2  # idempotent
    conn.close()


def test_failing_migration_rolls_back_completely(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "bad.db", isolation_level=None)
    base = load_migrations()
    n = len(base)
    broken = Migration(
        n + 1,
        f"{n + 1:04d}_broken.sql",
        "CREATE TABLE half (id INTEGER);\nINSERT INTO no_such_table VALUES (1);\n",
    )
    with pytest.raises(StoreError, match="_broken.sql"):
        apply_migrations(conn, [*base, broken])
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "half" not in tables and "documents" in tables
    assert conn.execute("PRAGMA user_version").fetchone()[0] == n
    assert not conn.in_transaction
    conn.close()


def test_statement_splitter_keeps_triggers_whole() -> None:
    sql = (
        "-- header comment\nCREATE TABLE t (a TEXT);\n"
        "CREATE TRIGGER t_ai AFTER INSERT ON t\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
        "-- trailing comment\n"
    )
    statements = split_statements(sql)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")
    with pytest.raises(StoreError, match="incomplete"):
        split_statements("CREATE TABLE t (a TEXT)")

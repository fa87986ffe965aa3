"""SQLiteStore: the default Store, one SQLite file in WAL mode with an FTS5 index.

Schema: numbered migrations in ``store/migrations/NNNN_name.sql`` (loaded as package data),
applied in order, each in one transaction that also sets ``PRAGMA user_version``. A database
whose user_version is higher than the newest migration was made by a newer newsgraph and is
refused with ``SchemaError`` rather than misread.

Concurrency: WAL lets readers run beside one writer; every write is a short
``BEGIN IMMEDIATE`` transaction, which takes the write lock before reading what it decides on,
so two processes ingesting into one file serialise cleanly (``busy_timeout`` makes the second
wait instead of failing) and unique constraints back the decisions up.
"""

from __future__ import annotations

import json
import re
import sqlite3
import types
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Any, Self, Union, get_args, get_origin, get_type_hints

from newsgraph.errors import InputError, SchemaError, StoreError
from newsgraph.model import (
    AddOutcome,
    Analysis,
    ArticleMeta,
    CleanArticle,
    DateEstimate,
    Document,
    Entity,
    Event,
    Evidence,
    MergeDecision,
    ParsedDocument,
    RawDocument,
    Rejection,
    Relation,
    RemovedBlock,
    document_id,
    record_from_dict,
    record_to_dict,
    relation_id,
    sha256_hex,
)
from newsgraph.store.base import RECORD_KINDS, SearchHit

#: Shortest id prefix ``get_document`` resolves ("d" + 3 hex digits).
MIN_PREFIX = 4
_BATCH = 256
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


# ---------------------------------------------------------------------------------------------
# Migrations
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Migration:
    """One numbered schema change."""

    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    """The packaged migrations, in order; their numbers must run 1, 2, 3, ... without gaps."""
    folder = resources.files("newsgraph.store").joinpath("migrations")
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        names = ", ".join(m.name for m in found) or "none"
        raise StoreError(f"store migrations are not numbered 0001, 0002, ... (found: {names})")
    return found


def split_statements(sql: str) -> list[str]:
    """Split a migration script into complete SQL statements (triggers stay whole).

    ``executescript`` would commit any open transaction first, so migrations run statement by
    statement inside a transaction of our own instead.
    """
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    leftover = "\n".join(
        line for line in pending.splitlines() if line.strip() and not line.strip().startswith("--")
    )
    if leftover:
        raise StoreError(f"incomplete SQL statement at the end of a migration: {leftover[:80]!r}")
    return statements


def _user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def apply_migrations(
    conn: sqlite3.Connection, migrations: Sequence[Migration], *, where: str = "database"
) -> int:
    """Bring the schema up to the newest migration; returns the resulting schema version.

    Each migration runs in its own ``BEGIN IMMEDIATE`` transaction that re-reads the version
    first, so two processes opening a new file at once apply each migration exactly once.
    """
    newest = migrations[-1].version if migrations else 0
    current = _user_version(conn)
    if current > newest:
        raise SchemaError(
            f"{where} has schema version {current}, but this newsgraph knows only up to "
            f"version {newest}: it was written by a newer newsgraph. Upgrade newsgraph "
            "(pip install -U newsgraph) to open it, or use another database file."
        )
    if current == 0 and newest:
        _refuse_foreign(conn, where)
    for migration in migrations:
        if migration.version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = _user_version(conn)
            if migration.version > current:
                for statement in split_statements(migration.sql):
                    conn.execute(statement)
                # PRAGMA takes no parameters; the value is an int from our own file name.
                conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute("COMMIT")
        except BaseException as exc:
            conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(
                    f"could not apply schema migration {migration.name} to {where}: {exc}"
                ) from exc
            raise
        current = max(current, migration.version)
    return current


def _refuse_foreign(conn: sqlite3.Connection, where: str) -> None:
    """A database with tables but no newsgraph schema version is someone else's: leave it."""
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    if tables:
        shown = ", ".join(sorted(tables)[:5])
        raise StoreError(
            f"{where} is an SQLite database but not a newsgraph one (it has tables {shown}); "
            "point --db at a new file or an existing newsgraph database."
        )


# ---------------------------------------------------------------------------------------------
# Value codecs: dates as ISO text, metadata as JSON, both reading back to equal objects
# ---------------------------------------------------------------------------------------------


def when_to_iso(value: date | datetime | None) -> str | None:
    """ISO 8601 text of a date or datetime (a date has no "T", so the two stay apart)."""
    return None if value is None else value.isoformat()


def when_from_iso(text: str | None) -> date | datetime | None:
    """Inverse of ``when_to_iso``."""
    if text is None:
        return None
    if len(text) == 10 and "T" not in text:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text)


def _encode(value: Any) -> Any:
    if isinstance(value, DateEstimate):
        return value.to_dict()
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    return value


def _decode(hint: Any, value: Any) -> Any:
    """Rebuild a field value from JSON according to its type hint."""
    if value is None:
        return None
    options = get_args(hint) if get_origin(hint) in (Union, types.UnionType) else (hint,)
    if DateEstimate in options:
        return DateEstimate(
            date.fromisoformat(value["earliest"]),
            date.fromisoformat(value["latest"]),
            tuple(value.get("basis", ())),
        )
    if date in options or datetime in options:
        return when_from_iso(value)
    if any(get_origin(o) is tuple or o is tuple for o in options):
        return tuple(value)
    return value


# Resolved once: ArticleMeta's annotations are strings (postponed evaluation).
_META_HINTS = get_type_hints(ArticleMeta)


def meta_to_json(meta: ArticleMeta) -> str:
    """The full ArticleMeta as JSON; every field, so fields added later are kept too."""
    data = {f.name: _encode(getattr(meta, f.name)) for f in fields(ArticleMeta)}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def meta_from_json(text: str) -> ArticleMeta:
    """Inverse of ``meta_to_json``; unknown keys (from a newer writer) are ignored."""
    data = json.loads(text)
    values = {
        f.name: _decode(_META_HINTS[f.name], data[f.name])
        for f in fields(ArticleMeta)
        if f.name in data
    }
    return ArticleMeta(**values)


def _removed_to_json(removed: tuple[RemovedBlock, ...]) -> str:
    return json.dumps([{"text": b.text, "reason": b.reason} for b in removed], ensure_ascii=False)


def _removed_from_json(text: str) -> tuple[RemovedBlock, ...]:
    return tuple(RemovedBlock(item["text"], item["reason"]) for item in json.loads(text))


def _compress(text: str) -> tuple[bytes, int]:
    # surrogatepass: a decoder may leave lone surrogates; the raw input is kept as it came.
    data = text.encode("utf-8", "surrogatepass")
    return zlib.compress(data, 6), len(data)


def _now() -> datetime:
    return datetime.now(UTC)


_DOC_COLUMNS = (
    "id, source, location, source_key, url, title, outlet, byline, dateline, published, "
    "stated_date, language, meta, body, body_hash, raw_hash, version, supersedes, reader, "
    "producer, ingested_at, removed"
)
#: Tables an analysis run rewrites, children first (foreign keys).
ANALYSIS_TABLES: tuple[str, ...] = (
    "event_actors",
    "events",
    "merge_decisions",
    "mentions",
    "relations",
    "entities",
)

_LATEST = (
    "NOT EXISTS (SELECT 1 FROM documents AS newer "
    "WHERE newer.source_key = d.source_key AND newer.version > d.version)"
)


# ---------------------------------------------------------------------------------------------
# The store
# ---------------------------------------------------------------------------------------------


class SQLiteStore:
    """A Store in one SQLite file (or ``":memory:"``). See the module docstring."""

    def __init__(self, path: str | Path, *, timeout: float = 30.0) -> None:
        self.path = str(path)
        self._where = "in-memory database" if self.path == ":memory:" else f"database {self.path}"
        try:
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so each add is exactly one
            # transaction and nothing is committed behind our back.
            self._db: sqlite3.Connection | None = sqlite3.connect(
                self.path, timeout=timeout, isolation_level=None
            )
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open {self._where}: {exc}; check the path and its permissions"
            ) from exc
        try:
            self._configure(timeout)
            self.schema_version = apply_migrations(self._conn, load_migrations(), where=self._where)
        except StoreError:
            self.close()
            raise
        except sqlite3.Error as exc:
            self.close()
            raise StoreError(_open_advice(self._where, exc)) from exc

    def _configure(self, timeout: float) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        # Reading the schema version fails here, early, when the file is not a database.
        conn.execute("PRAGMA user_version").fetchone()
        if self.path != ":memory:":
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(
                    f"cannot switch {self._where} to WAL mode (got {mode!r}); "
                    "is it on a network file system? Use a local path for --db."
                )
        # NORMAL is safe in WAL mode: a killed process loses nothing committed; only a power
        # cut can lose the last transactions, never corrupt the file.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")

    # -- plumbing -----------------------------------------------------------------------------

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise StoreError(f"{self._where} is closed; open it again with open_store()")
        return self._db

    def _query(self, action: str, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """Run one read query to completion, turning SQLite failures into StoreError."""
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"could not {action} in {self._where}: {exc}") from exc

    @contextmanager
    def _write(self, action: str) -> Iterator[sqlite3.Connection]:
        """One write transaction: BEGIN IMMEDIATE, then COMMIT, or ROLLBACK on any error."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(_busy_advice(action, self._where, exc)) from exc
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException as exc:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"could not {action} in {self._where}: {exc}") from exc
            raise

    def _select_docs(
        self, where: str, params: Sequence[Any] = (), tail: str = ""
    ) -> list[Document]:
        sql = f"SELECT {_DOC_COLUMNS} FROM documents AS d WHERE {where} {tail}"
        return [_row_to_document(row) for row in self._query("read documents", sql, params)]

    # -- Store protocol -----------------------------------------------------------------------

    def find_raw(self, raw_hash: str) -> str | None:
        rows = self._query(
            "look up a raw input", "SELECT doc_id FROM raw_inputs WHERE raw_hash = ?", (raw_hash,)
        )
        return str(rows[0][0]) if rows else None

    def add_document(self, raw: RawDocument, article: CleanArticle) -> tuple[AddOutcome, Document]:
        """Store one article; see ``newsgraph.store.base`` for the outcome rules.

        Raises ``InputError("bad_encoding", stage="store")`` when the clean text holds lone
        surrogates (undecodable bytes smuggled through by a lenient decoder): SQLite stores
        only valid Unicode, and nothing of the document is written.
        """
        try:
            return self._add_document(raw, article)
        except UnicodeEncodeError as exc:
            raise InputError(
                "bad_encoding",
                f"{raw.source} has text that is not valid Unicode ({exc.reason}); re-save it "
                "as UTF-8 and ingest it again",
                source=raw.source,
                stage="store",
            ) from exc

    def _add_document(self, raw: RawDocument, article: CleanArticle) -> tuple[AddOutcome, Document]:
        source_key = raw.source_key
        doc_id = document_id(source_key, article.body)
        with self._write(f"store {raw.source}") as conn:
            known = conn.execute(
                "SELECT doc_id FROM raw_inputs WHERE raw_hash = ?", (raw.raw_hash,)
            ).fetchone()
            if known is not None:
                return AddOutcome.DUPLICATE, self._get_by_id(str(known[0]))
            # The id is a hash of (page, body): finding it means the same body from the same
            # page, whichever version it was (a page that changed back is not a new version).
            existing = self._find_by_id(doc_id)
            if existing is not None:
                self._insert_raw(conn, raw, existing.id)
                return AddOutcome.DUPLICATE, existing
            latest = conn.execute(
                "SELECT id, version FROM documents WHERE source_key = ? "
                "ORDER BY version DESC LIMIT 1",
                (source_key,),
            ).fetchone()
            doc = Document(
                id=doc_id,
                source=raw.source,
                location=raw.location,
                url=raw.url,
                body=article.body,
                meta=article.meta,
                raw_hash=raw.raw_hash,
                body_hash=sha256_hex(article.body),
                version=1 if latest is None else int(latest[1]) + 1,
                supersedes=None if latest is None else str(latest[0]),
                removed=article.removed,
                reader=raw.reader,
                producer=article.producer,
                ingested_at=_now(),
            )
            self._insert_document(conn, doc)
            self._insert_raw(conn, raw, doc.id)
        return (AddOutcome.ADDED if latest is None else AddOutcome.NEW_VERSION), doc

    def _insert_document(self, conn: sqlite3.Connection, doc: Document) -> None:
        meta = doc.meta
        conn.execute(
            f"INSERT INTO documents ({_DOC_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                doc.source,
                doc.location,
                doc.source_key,
                doc.url,
                meta.title,
                meta.outlet,
                meta.byline,
                meta.dateline,
                when_to_iso(meta.published),
                when_to_iso(meta.stated_date),
                meta.language,
                meta_to_json(meta),
                doc.body,
                doc.body_hash,
                doc.raw_hash,
                doc.version,
                doc.supersedes,
                doc.reader,
                doc.producer,
                when_to_iso(doc.ingested_at),
                _removed_to_json(doc.removed),
            ),
        )

    def _insert_raw(self, conn: sqlite3.Connection, raw: RawDocument, doc_id: str) -> None:
        blob, size = _compress(raw.text)
        # OR IGNORE: the raw hash was checked under the write lock, so a conflict can only be
        # the same bytes recorded already, which is the state we want.
        conn.execute(
            "INSERT OR IGNORE INTO raw_inputs (raw_hash, doc_id, source, location, url, kind, "
            "encoding, reader, hints, size, first_seen, raw) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                raw.raw_hash,
                doc_id,
                raw.source,
                raw.location,
                raw.url,
                raw.kind,
                raw.encoding,
                raw.reader,
                json.dumps(dict(raw.hints), ensure_ascii=False, sort_keys=True),
                size,
                _now().isoformat(),
                blob,
            ),
        )

    def raw_text(self, raw_hash: str) -> str | None:
        """The stored raw input text for a raw hash (to re-clean a document later)."""
        rows = self._query(
            "read a raw input", "SELECT raw FROM raw_inputs WHERE raw_hash = ?", (raw_hash,)
        )
        return zlib.decompress(rows[0][0]).decode("utf-8", "surrogatepass") if rows else None

    def add_rejection(self, rejection: Rejection) -> None:
        with self._write(f"record the rejection of {rejection.source}") as conn:
            conn.execute(
                "INSERT OR IGNORE INTO rejections (source, stage, reason_code, detail, first_seen)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    rejection.source,
                    rejection.stage,
                    rejection.reason_code,
                    rejection.detail,
                    _now().isoformat(),
                ),
            )

    def rejections(self) -> list[Rejection]:
        sql = "SELECT source, stage, reason_code, detail FROM rejections ORDER BY id"
        return [Rejection(*row) for row in self._query("read rejections", sql)]

    def _find_by_id(self, doc_id: str) -> Document | None:
        found = self._select_docs("d.id = ?", (doc_id,))
        return found[0] if found else None

    def _get_by_id(self, doc_id: str) -> Document:
        found = self._find_by_id(doc_id)
        if found is None:
            raise StoreError(f"{self._where} refers to a missing document {doc_id}")
        return found

    def get_document(self, ref: str) -> Document | None:
        """Resolve, in order: full id, URL/location, source name, unique id prefix."""
        ref = ref.strip()
        if not ref:
            return None
        exact = self._find_by_id(ref)
        if exact is not None:
            return exact
        for column, what in (("source_key", "page"), ("source", "source name")):
            found = self._select_docs(f"d.{column} = ? AND {_LATEST}", (ref,), "ORDER BY d.seq")
            if len(found) == 1:
                return found[0]
            if found:
                raise StoreError(_ambiguous(f"{what} {ref!r}", found))
        prefix = ref.lower()
        if len(prefix) < MIN_PREFIX or not prefix.isalnum() or not prefix.isascii():
            return None
        # GLOB is case-sensitive and can use the unique index on id for a prefix.
        found = self._select_docs("d.id GLOB ?", (prefix + "*",), "ORDER BY d.seq LIMIT 11")
        if len(found) > 1:
            raise StoreError(_ambiguous(f"id prefix {ref!r}", found))
        return found[0] if found else None

    def iter_documents(self, *, all_versions: bool = False) -> Iterator[Document]:
        # Keyset pagination: each batch is a finished query, so no cursor stays open between
        # yields (the caller may write to the store while iterating).
        last = 0
        where = "d.seq > ?" if all_versions else f"d.seq > ? AND {_LATEST}"
        while True:
            batch = self._query(
                "read documents",
                f"SELECT d.seq, {_DOC_COLUMNS} FROM documents AS d WHERE {where} "
                "ORDER BY d.seq LIMIT ?",
                (last, _BATCH),
            )
            for row in batch:
                yield _row_to_document(row[1:])
            if len(batch) < _BATCH:
                return
            last = int(batch[-1][0])

    def count_documents(self, *, all_versions: bool = False) -> int:
        sql = (
            "SELECT count(*) FROM documents"
            if all_versions
            else "SELECT count(DISTINCT source_key) FROM documents"
        )
        return int(self._query("count documents", sql)[0][0])

    def versions(self, source_key: str) -> list[Document]:
        return self._select_docs("d.source_key = ?", (source_key,), "ORDER BY d.version")

    def search(self, query: str, limit: int = 20, *, all_versions: bool = False) -> list[SearchHit]:
        """FTS5 search of titles and bodies, best (lowest BM25) first.

        ``query`` is FTS5 syntax (``hezbollah AND rockets``, ``"exact phrase"``, ``rock*``).
        A query that is not valid FTS5 (``al-Assad``, a stray quote) is retried with every word
        quoted as a plain term, so users need not know the syntax.
        """
        if not query.strip() or limit <= 0:
            return []
        latest = "" if all_versions else f"AND {_LATEST}"
        sql = (
            "SELECT d.id, d.title, snippet(documents_fts, -1, '**', '**', '…', 16), "
            "bm25(documents_fts) AS rank FROM documents_fts "
            "JOIN documents AS d ON d.seq = documents_fts.rowid "
            f"WHERE documents_fts MATCH ? {latest} ORDER BY rank, d.seq LIMIT ?"
        )

        def run(q: str) -> list[SearchHit]:
            rows = self._conn.execute(sql, (q, limit)).fetchall()
            # Snippets are one line for display: paragraph breaks become spaces.
            return [SearchHit(r[0], r[1], " ".join(r[2].split()), -float(r[3])) for r in rows]

        try:
            return run(query)
        except sqlite3.OperationalError:
            quoted = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
            try:
                return run(quoted)
            except sqlite3.OperationalError as exc:
                raise StoreError(
                    f"cannot search for {query!r}: {exc}; see SQLite FTS5 query syntax"
                ) from exc

    # -- NLP parses ------------------------------------------------------------------------------

    def add_parse(self, parsed: ParsedDocument) -> None:
        """Store the parse of one document, replacing an older one by the same producer.

        Raises ``StoreError`` when the document is not in the store.
        """
        from newsgraph.nlp.serialize import parsed_to_bytes

        blob = parsed_to_bytes(parsed)
        with self._write(f"store the parse of {parsed.doc}") as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (parsed.doc,)).fetchone():
                conn.execute(
                    "INSERT OR REPLACE INTO parses (doc, producer, data) VALUES (?, ?, ?)",
                    (parsed.doc, parsed.producer, blob),
                )
                return
        raise StoreError(
            f"cannot store a parse of {parsed.doc}: no such document in {self._where}; "
            "parse documents read from this store"
        )

    def get_parse(self, doc_id: str, producer: str) -> ParsedDocument | None:
        """The stored parse of ``doc_id`` by ``producer``, or None."""
        from newsgraph.nlp.serialize import parsed_from_bytes

        rows = self._query(
            "read a parse",
            "SELECT data FROM parses WHERE doc = ? AND producer = ?",
            (doc_id, producer),
        )
        return parsed_from_bytes(bytes(rows[0][0])) if rows else None

    def docs_without_parse(self, producer: str, *, all_versions: bool = False) -> list[str]:
        """Ids of documents (latest versions unless asked) with no parse by ``producer``."""
        latest = "" if all_versions else f"AND {_LATEST}"
        sql = (
            "SELECT d.id FROM documents AS d WHERE NOT EXISTS (SELECT 1 FROM parses AS p "
            f"WHERE p.doc = d.id AND p.producer = ?) {latest} ORDER BY d.seq"
        )
        return [row[0] for row in self._query("list unparsed documents", sql, (producer,))]

    # -- analysis (entities, relations, events) -------------------------------------------------

    def replace_analysis(self, analysis: Analysis, *, producers: Sequence[str] = ()) -> None:
        """Replace every stored analysis record with ``analysis``, in one transaction.

        Entities are resolved across all documents, so a new document can merge or split
        entities anywhere and renumber the ids events cite: the analysis is stored as a whole,
        and a failure leaves the previous analysis untouched.
        """
        with self._write("store the analysis") as conn:
            for table in ANALYSIS_TABLES:
                conn.execute(f"DELETE FROM {table}")  # our own table names, never user text
            conn.executemany(
                "INSERT INTO entities (id, name, type, producer, data) VALUES (?, ?, ?, ?, ?)",
                [(e.id, e.name, e.type, e.producer, _record_json(e)) for e in analysis.entities],
            )
            conn.executemany(
                "INSERT INTO mentions (entity, doc, start_char, end_char, text, label, producer) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        m.entity,
                        m.evidence.doc,
                        m.evidence.start,
                        m.evidence.end,
                        m.evidence.text,
                        m.label,
                        "",
                    )
                    for m in analysis.mentions
                ],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO relations (id, doc, subject, predicate, object, producer, "
                "data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        relation_id(r),
                        _single_doc(r.evidence),
                        r.subject,
                        r.predicate,
                        r.object,
                        r.producer,
                        _record_json(r),
                    )
                    for r in analysis.relations
                ],
            )
            conn.executemany(
                "INSERT INTO merge_decisions (entity, surface, doc, rule, detail) "
                "VALUES (?, ?, ?, ?, ?)",
                [(d.entity, d.surface, d.doc, d.rule, d.detail) for d in analysis.decisions],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO events (id, doc, type, producer, data) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (ev.id, _single_doc(ev.evidence), ev.type, ev.producer, _record_json(ev))
                    for ev in analysis.events
                ],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO event_actors (event, entity, role) VALUES (?, ?, ?)",
                [
                    (ev.id, entity, role)
                    for ev in analysis.events
                    for role, ids in (
                        ("source", ev.source),
                        ("target", ev.target),
                        ("source_person", ev.source_people),
                        ("target_person", ev.target_people),
                    )
                    for entity in ids
                ],
            )
            conn.execute(
                "INSERT INTO analysis_runs (producers, documents, finished_at, counts) "
                "VALUES (?, ?, ?, ?)",
                (
                    json.dumps(list(producers)),
                    len({m.evidence.doc for m in analysis.mentions}),
                    _now().isoformat(),
                    json.dumps(analysis.counts()),
                ),
            )

    def last_analysis(self) -> dict[str, Any] | None:
        """The latest completed analysis run: producers, documents, finished_at, counts."""
        rows = self._query(
            "read the analysis runs",
            "SELECT producers, documents, finished_at, counts FROM analysis_runs "
            "ORDER BY id DESC LIMIT 1",
        )
        if not rows:
            return None
        producers, documents, finished_at, counts = rows[0]
        return {
            "producers": json.loads(producers),
            "documents": documents,
            "finished_at": finished_at,
            "counts": json.loads(counts),
        }

    def find_entities(
        self, *, type: str | None = None, doc: str | None = None, limit: int | None = None
    ) -> list[Entity]:
        """Entities, most mentioned first; of one ``type`` and/or mentioned in ``doc``."""
        where, params = ["1"], []
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if doc:
            where.append("EXISTS (SELECT 1 FROM mentions AS m WHERE m.entity = e.id AND m.doc = ?)")
            params.append(doc)
        sql = (
            "SELECT e.data, e.id, e.producer FROM entities AS e "
            f"WHERE {' AND '.join(where)} ORDER BY "
            "(SELECT count(*) FROM mentions AS m WHERE m.entity = e.id) DESC, e.name"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [_entity(row) for row in self._query("read entities", sql, params)]

    def entity_names(self) -> dict[str, str]:
        """Every entity id with its canonical name (cheap: no mentions are read)."""
        return dict(self._query("read entity names", "SELECT id, name FROM entities"))

    def match_entities(self, ref: str) -> list[Entity]:
        """Entities that ``ref`` names: an id; else a name; else an alias (case ignored)."""
        for sql in (
            "SELECT data, id, producer FROM entities WHERE id = ?",
            "SELECT data, id, producer FROM entities WHERE name = ? COLLATE NOCASE",
            "SELECT DISTINCT e.data, e.id, e.producer FROM entities AS e, "
            "json_each(e.data, '$.aliases') AS a WHERE a.value = ? COLLATE NOCASE",
        ):
            rows = self._query("find an entity", sql, (ref.strip(),))
            if rows:
                return [_entity(row) for row in rows]
        return []

    def merge_decisions(self, entity_id: str) -> list[MergeDecision]:
        """Why each mention of ``entity_id`` was linked to it, in stored order."""
        rows = self._query(
            "read merge decisions",
            "SELECT entity, surface, doc, rule, detail FROM merge_decisions "
            "WHERE entity = ? ORDER BY id",
            (entity_id,),
        )
        return [MergeDecision(*row) for row in rows]

    def relations_of(self, entity_id: str) -> list[Relation]:
        """Relations with ``entity_id`` as subject or object."""
        rows = self._query(
            "read relations",
            "SELECT data, producer FROM relations WHERE subject = ? OR object = ? ORDER BY rowid",
            (entity_id, entity_id),
        )
        return [
            record_from_dict(Relation, {**json.loads(data), "producer": producer})
            for data, producer in rows
        ]

    def find_events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        since: date | None = None,
        doc: str | None = None,
    ) -> list[Event]:
        """Events, oldest first (undated last); filtered by an actor's entity id (any role),
        PLOVER type, earliest date, or document."""
        where, params = ["1"], []
        if actor:
            where.append(
                "EXISTS (SELECT 1 FROM event_actors AS a WHERE a.event = v.id AND a.entity = ?)"
            )
            params.append(actor)
        if type:
            where.append("v.type = ?")
            params.append(type.upper())
        if since:
            where.append("json_extract(v.data, '$.date') >= ?")
            params.append(since.isoformat())
        if doc:
            where.append("v.doc = ?")
            params.append(doc)
        sql = (
            "SELECT v.data, v.id, v.producer FROM events AS v "
            f"WHERE {' AND '.join(where)} ORDER BY "
            "json_extract(v.data, '$.date') IS NULL, json_extract(v.data, '$.date'), v.rowid"
        )
        return [
            record_from_dict(Event, {**json.loads(data), "id": event_id, "producer": producer})
            for data, event_id, producer in self._query("read events", sql, params)
        ]

    def iter_records(self, kind: str) -> Iterator[dict[str, Any]]:
        """Later-stage records of one kind, in stored order, as their export dicts."""
        if kind not in RECORD_KINDS:
            raise StoreError(f"unknown record kind {kind!r}; known: {', '.join(RECORD_KINDS)}")
        last = 0
        while True:
            # kind is one of our own table names (checked above), never user text.
            batch = self._query(
                f"read {kind}",
                f"SELECT rowid, id, producer, data FROM {kind} WHERE rowid > ? "
                "ORDER BY rowid LIMIT ?",
                (last, _BATCH),
            )
            for _rowid, rec_id, producer, data in batch:
                record: dict[str, Any] = {"id": rec_id, "producer": producer}
                record.update(json.loads(data))
                yield record
            if len(batch) < _BATCH:
                return
            last = int(batch[-1][0])

    def close(self) -> None:
        conn = self._db
        if conn is None:
            return
        self._db = None
        try:
            conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass  # best effort: a read-only or busy database closes without it
        conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"


def _record_json(record: Any) -> str:
    """The export form of an analysis record, without the columns stored beside it."""
    data = record_to_dict(record)
    data.pop("id", None)
    data.pop("producer", None)
    return json.dumps(data, ensure_ascii=False)


def _single_doc(evidence: Sequence[Evidence]) -> str | None:
    """The document a record comes from, or None when its evidence spans several."""
    docs = {ev.doc for ev in evidence}
    return docs.pop() if len(docs) == 1 else None


def _entity(row: Sequence[Any]) -> Entity:
    data, entity_id, producer = row
    return record_from_dict(Entity, {**json.loads(data), "id": entity_id, "producer": producer})


def _row_to_document(row: Sequence[Any]) -> Document:
    (
        doc_id,
        source,
        location,
        _source_key,
        url,
        _title,
        _outlet,
        _byline,
        _dateline,
        _published,
        _stated,
        _language,
        meta,
        body,
        body_hash,
        raw_hash,
        version,
        supersedes,
        reader,
        producer,
        ingested_at,
        removed,
    ) = row
    return Document(
        id=doc_id,
        source=source,
        location=location,
        url=url,
        body=body,
        meta=meta_from_json(meta),
        raw_hash=raw_hash,
        body_hash=body_hash,
        version=int(version),
        supersedes=supersedes,
        removed=_removed_from_json(removed),
        reader=reader,
        producer=producer,
        ingested_at=datetime.fromisoformat(ingested_at),
    )


def _ambiguous(what: str, found: list[Document]) -> str:
    shown = ", ".join(f"{d.id} ({d.source}, v{d.version})" for d in found[:10])
    more = " and more" if len(found) > 10 else ""
    return f"{what} matches several documents: {shown}{more}; use a full document id"


def _busy_advice(action: str, where: str, exc: sqlite3.Error) -> str:
    if "locked" in str(exc) or "busy" in str(exc):
        return (
            f"could not {action}: {where} stayed locked by another process past the busy "
            "timeout; wait for the other newsgraph run to finish and try again"
        )
    return f"could not {action} in {where}: {exc}"


def _open_advice(where: str, exc: sqlite3.Error) -> str:
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        return f"cannot open {where}: it is not a (healthy) SQLite database ({text})"
    if "readonly" in text or "unable to open" in text:
        return (
            f"cannot open {where} for writing ({text}); choose a --db path in a folder you can "
            "write to"
        )
    return f"cannot open {where}: {text}"

"""SQLiteStore: idempotent, versioned storage, lookup, search, durability and concurrency."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsgraph.errors import InputError, StoreError
from newsgraph.model import (
    AddOutcome,
    ArticleMeta,
    CleanArticle,
    DateEstimate,
    RawDocument,
    Rejection,
    RemovedBlock,
    document_id,
    sha256_hex,
)
from newsgraph.store import SQLiteStore, Store, open_store
from newsgraph.store import sqlite as sqlite_module

# Self-written article paragraphs (fictional events).
FLOOD = (
    "MOSUL — Floodwater from the Tigris reached the old city on Thursday, forcing hundreds of "
    "families to leave their homes, the provincial civil defence directorate said.\n\n"
    "Rescue teams used boats to reach residents in the lowest streets, and the governor asked "
    "the federal government for emergency funds to repair two damaged bridges."
)
FLOOD_UPDATED = (
    FLOOD + "\n\nBy Friday evening the water had begun to recede, officials said, but schools "
    "in three districts will stay closed until engineers inspect their buildings."
)
TALKS = (
    "GENEVA — Delegations from the two governments met for a third round of talks on Monday, "
    "with mediators saying a ceasefire framework could be ready within weeks.\n\n"
    "Neither side commented on the substance of the discussions."
)


def make(
    body: str,
    *,
    source: str = "story.txt",
    location: str | None = None,
    url: str | None = None,
    raw_text: str | None = None,
    meta: ArticleMeta | None = None,
    removed: tuple[RemovedBlock, ...] = (),
) -> tuple[RawDocument, CleanArticle]:
    """A RawDocument / CleanArticle pair as ingest and clean would produce them."""
    text = raw_text if raw_text is not None else "Headline\n" + body + "\nShare this article"
    raw = RawDocument(
        source=source,
        location=location or f"/corpus/{source}",
        kind="text",
        text=text,
        raw_hash=sha256_hex(text),
        reader="newsgraph.ingest.text.v1",
        url=url,
        encoding="utf-8",
        hints={"title": "Headline"},
    )
    article = CleanArticle(body=body, meta=meta or ArticleMeta(title="Headline"), removed=removed)
    return raw, article


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore(tmp_path / "news.db") as opened:
        yield opened


def full_meta() -> ArticleMeta:
    return ArticleMeta(
        title="Floodwater reaches Mosul’s old city",
        outlet="Tigris Daily",
        byline="By Lina Haddad and Omar Said",
        authors=("Lina Haddad", "Omar Said"),
        dateline="MOSUL",
        published=datetime(2024, 3, 14, 9, 30, 5, 123456, tzinfo=timezone(timedelta(hours=3))),
        stated_date=date(2024, 3, 15),
        events_date=DateEstimate(date(2024, 3, 14), date(2024, 3, 15), ("on Thursday",)),
        wire_sources=("AFP",),
        language="en",
        flags=("stated_date_mismatch",),
    )


# -- outcomes -----------------------------------------------------------------------------------


def test_document_read_back_equals_document_added(tmp_path: Path) -> None:
    raw, article = make(
        FLOOD,
        url="https://news.example/flood",
        meta=full_meta(),
        removed=(RemovedBlock("Share this article", "boilerplate:share"),),
    )
    with open_store(tmp_path / "rt.db") as store:
        outcome, doc = store.add_document(raw, article)
        assert outcome is AddOutcome.ADDED
        assert doc.id == document_id("https://news.example/flood", FLOOD)
        assert doc.version == 1 and doc.supersedes is None
        assert store.get_document(doc.id) == doc
        assert list(store.iter_documents()) == [doc]
    # Persistence across reopen, with types intact (not strings).
    with open_store(tmp_path / "rt.db") as store:
        again = store.get_document(doc.id)
        assert again == doc
        assert again is not None and isinstance(again.meta.published, datetime)
        assert isinstance(again.meta.stated_date, date)
        assert not isinstance(again.meta.stated_date, datetime)
        assert again.meta.published.utcoffset() == timedelta(hours=3)
        assert again.ingested_at is not None and again.ingested_at.tzinfo is not None


def test_midnight_and_naive_datetimes_stay_datetimes(store: SQLiteStore) -> None:
    meta = ArticleMeta(published=datetime(2024, 5, 1), stated_date=datetime(2024, 5, 1, 12, 0))
    _, doc = store.add_document(*make(FLOOD, meta=meta))
    back = store.get_document(doc.id)
    assert back is not None and back.meta == meta
    assert type(back.meta.published) is datetime


def test_same_raw_twice_is_one_document(store: SQLiteStore) -> None:
    raw, article = make(FLOOD)
    first = store.add_document(raw, article)
    second = store.add_document(raw, article)
    assert first[0] is AddOutcome.ADDED and second[0] is AddOutcome.DUPLICATE
    assert second[1] == first[1]
    assert store.find_raw(raw.raw_hash) == first[1].id
    assert store.count_documents(all_versions=True) == 1


def test_same_body_from_different_raw_is_a_duplicate_alias(store: SQLiteStore) -> None:
    raw, article = make(FLOOD)
    _, doc = store.add_document(raw, article)
    # The same page re-saved with different whitespace: other raw bytes, same clean body.
    reencoded, article2 = make(FLOOD, raw_text=raw.text.replace("\n", "\r\n") + "\n")
    assert reencoded.raw_hash != raw.raw_hash
    outcome, dup = store.add_document(reencoded, article2)
    assert outcome is AddOutcome.DUPLICATE and dup == doc
    assert store.find_raw(reencoded.raw_hash) == doc.id  # the alias is recorded
    assert store.raw_text(reencoded.raw_hash) == reencoded.text  # and the raw input kept
    assert store.count_documents(all_versions=True) == 1


def test_changed_page_becomes_version_two(store: SQLiteStore) -> None:
    url = "https://news.example/flood"
    _, v1 = store.add_document(*make(FLOOD, url=url))
    # Same URL met through another container (e.g. a WARC record): still the same page.
    outcome, v2 = store.add_document(*make(FLOOD_UPDATED, url=url, location="/crawl.warc#record=3"))
    assert outcome is AddOutcome.NEW_VERSION
    assert (v2.version, v2.supersedes) == (2, v1.id)
    assert store.versions(url) == [v1, v2]
    assert store.get_document(v1.id) == v1  # the old version and its body stay
    assert list(store.iter_documents()) == [v2]
    assert list(store.iter_documents(all_versions=True)) == [v1, v2]
    assert store.count_documents() == 1 and store.count_documents(all_versions=True) == 2
    assert store.get_document(url) == v2  # a page reference resolves to its latest version


def test_page_that_changes_back_is_a_duplicate_of_its_old_version(store: SQLiteStore) -> None:
    _, v1 = store.add_document(*make(FLOOD))
    store.add_document(*make(FLOOD_UPDATED))
    outcome, doc = store.add_document(*make(FLOOD, raw_text="reverted\n" + FLOOD))
    assert outcome is AddOutcome.DUPLICATE and doc == v1
    assert store.count_documents(all_versions=True) == 2


def test_syndicated_copy_at_another_url_is_its_own_document(store: SQLiteStore) -> None:
    _, original = store.add_document(*make(FLOOD, url="https://wire.example/a1"))
    outcome, copy = store.add_document(
        *make(FLOOD, url="https://paper.example/world/flood", raw_text="<p>" + FLOOD + "</p>")
    )
    assert outcome is AddOutcome.ADDED
    assert copy.id != original.id and copy.body_hash == original.body_hash
    assert copy.version == 1 and copy.supersedes is None
    assert store.count_documents() == 2


def test_body_can_never_be_updated(store: SQLiteStore) -> None:
    _, doc = store.add_document(*make(FLOOD))
    with pytest.raises(sqlite3.DatabaseError, match="immutable"):
        store._conn.execute("UPDATE documents SET body = 'rewritten' WHERE id = ?", (doc.id,))
    assert store.get_document(doc.id) == doc


def test_rejections_are_stored_once(store: SQLiteStore) -> None:
    empty = Rejection("empty.txt", "ingest", "empty", "The file is empty; remove it.")
    binary = Rejection("photo.jpg", "ingest", "binary", "Not text; give articles as text.")
    for rejection in (empty, binary, empty, binary, empty):
        store.add_rejection(rejection)
    assert store.rejections() == [empty, binary]


# -- lookup -------------------------------------------------------------------------------------


def test_lookup_by_prefix_and_source_name(store: SQLiteStore) -> None:
    _, flood = store.add_document(*make(FLOOD, source="flood.txt"))
    _, talks = store.add_document(*make(TALKS, source="talks.txt"))
    assert store.get_document(flood.id[:6]) == flood
    assert store.get_document(talks.id[:4].upper()) == talks
    assert store.get_document("talks.txt") == talks
    assert store.get_document(flood.id[:3]) is None  # too short to be a prefix
    assert store.get_document("nonexistent-doc") is None
    assert store.get_document("dzzzz") is None


def test_ambiguous_prefix_lists_candidates(store: SQLiteStore) -> None:
    # Find two bodies whose ids share their first four characters ("d" + 3 hex digits).
    seen: dict[str, str] = {}
    for n in range(5000):
        body = f"{TALKS}\n\nUpdate number {n} from the negotiations."
        key = document_id("/corpus/talks.txt", body)[:4]
        if key in seen:
            first, second = seen[key], body
            break
        seen[key] = body
    _, a = store.add_document(*make(first, source="a.txt", location="/corpus/talks.txt"))
    _, b = store.add_document(*make(second, source="b.txt", location="/corpus/talks.txt"))
    with pytest.raises(StoreError) as info:
        store.get_document(a.id[:4])
    assert a.id in str(info.value) and b.id in str(info.value)
    assert store.get_document(a.id) == a  # a full id is never ambiguous


def test_source_name_shared_by_records_of_one_file_is_ambiguous(store: SQLiteStore) -> None:
    _, one = store.add_document(
        *make(FLOOD, source="batch.jsonl", location="/in/batch.jsonl#line=1")
    )
    _, two = store.add_document(
        *make(TALKS, source="batch.jsonl", location="/in/batch.jsonl#line=2")
    )
    with pytest.raises(StoreError, match="several documents"):
        store.get_document("batch.jsonl")
    assert store.get_document("/in/batch.jsonl#line=2") == two
    assert store.get_document("/in/batch.jsonl#line=1") == one


def test_iteration_pages_through_batches_in_ingest_order(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_module, "_BATCH", 3)
    added = [
        store.add_document(*make(f"{TALKS} Item {n}.", source=f"{n}.txt"))[1] for n in range(7)
    ]
    _, newer = store.add_document(*make(f"{TALKS} Item 2, corrected.", source="2.txt"))
    assert list(store.iter_documents(all_versions=True)) == [*added, newer]
    assert list(store.iter_documents()) == [d for d in added if d.source != "2.txt"] + [newer]
    assert store.count_documents() == 7


# -- search -------------------------------------------------------------------------------------


def test_search_ranks_by_bm25_with_snippets(store: SQLiteStore) -> None:
    heavy = (
        "The drought has emptied reservoirs across the south. Farmers say the drought is the "
        "worst in decades, and the drought relief fund ran out in May; another drought year "
        "would ruin them."
    )
    _, many = store.add_document(*make(heavy, source="drought.txt"))
    _, once = store.add_document(
        *make(FLOOD + " Last year's drought was forgotten.", source="f.txt")
    )
    _, talks = store.add_document(*make(TALKS, source="talks.txt"))
    hits = store.search("drought")
    assert [h.doc for h in hits] == [many.id, once.id]
    assert hits[0].score > hits[1].score
    assert "**drought**" in hits[0].snippet.lower() and "\n" not in hits[0].snippet
    assert hits[0].title == "Headline"
    assert store.search("drought", limit=1) == hits[:1]
    assert [h.doc for h in store.search("ceasefire AND talks")] == [talks.id]


def test_search_forgives_syntax_and_diacritics(store: SQLiteStore) -> None:
    body = (
        "SÃO PAULO — Commander Khalid al-Rashid met state officials in São Paulo on Monday to "
        "discuss the release of detained workers, according to the labour ministry."
    )
    _, doc = store.add_document(*make(body))
    assert [h.doc for h in store.search("al-Rashid")] == [doc.id]  # not "no such column: Rashid"
    assert [h.doc for h in store.search("Sao Paulo")] == [doc.id]
    assert store.search('"unbalanced') == []
    assert store.search("   ") == []


def test_search_covers_titles_and_latest_versions(store: SQLiteStore) -> None:
    meta = ArticleMeta(title="Ceasefire talks resume")
    store.add_document(*make(FLOOD, meta=meta))
    _, v2 = store.add_document(*make(FLOOD_UPDATED, meta=ArticleMeta(title="Flood recedes")))
    assert store.search("ceasefire") == []  # only the superseded version had that title
    assert [h.doc for h in store.search("ceasefire", all_versions=True)] != []
    assert [h.doc for h in store.search("recedes")] == [v2.id]


# -- opening ------------------------------------------------------------------------------------


def test_open_store_settings_and_protocol(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "n.db"
    with open_store(target) as store:
        assert isinstance(store, Store)
        conn = store._conn  # type: ignore[attr-defined]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert target.is_file()
    with open_store(f"sqlite:///{target}") as again:  # relative form of an absolute path
        assert again.count_documents() == 0
    with open_store(":memory:") as mem:
        mem.add_document(*make(FLOOD))
        assert mem.count_documents() == 1


def test_open_store_refuses_what_it_cannot_use(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="PostgreSQL backend is planned"):
        open_store("postgresql://user@localhost/news")
    with pytest.raises(StoreError, match="unsupported"):
        open_store("mysql://localhost/news")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="folder you can write to"):
        open_store(blocker / "news.db")
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list: bread, olives, tea\n" * 200)
    with pytest.raises(StoreError, match="not a .*SQLite database"):
        open_store(notes)


def test_closed_store_says_so(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    store.close()
    store.close()  # twice is fine
    with pytest.raises(StoreError, match="closed"):
        store.count_documents()


# -- durability ---------------------------------------------------------------------------------


def test_failure_mid_transaction_leaves_nothing(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw, article = make(FLOOD)

    def explode(*args: object) -> None:
        raise RuntimeError("disk pulled out after the document row was written")

    monkeypatch.setattr(SQLiteStore, "_insert_raw", explode)
    with pytest.raises(RuntimeError):
        store.add_document(raw, article)
    conn = store._conn
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM documents_fts").fetchone()[0] == 0
    assert not conn.in_transaction
    monkeypatch.undo()
    assert store.add_document(raw, article)[0] is AddOutcome.ADDED
    assert store.search("Tigris")


CHILD_HELPERS = f"""
import sys, time
from newsgraph.model import ArticleMeta, CleanArticle, RawDocument, sha256_hex
from newsgraph.store import SQLiteStore, open_store
BASE = {TALKS!r}
def make(n):
    body = BASE + f"\\n\\nParagraph {{n}} of the running report."
    text = "Talks\\n" + body
    raw = RawDocument(f"{{n}}.txt", f"/c/{{n}}.txt", "text", text, sha256_hex(text), "t.v1")
    return raw, CleanArticle(body, ArticleMeta(title=f"Talks {{n}}"))
"""

KILLED_CHILD = (
    CHILD_HELPERS
    + """
store = open_store(sys.argv[1])
original = SQLiteStore._insert_raw
def stall(self, conn, raw, doc_id):
    if raw.source == "3.txt":  # the documents row of 3 is written, its transaction still open
        print("mid", flush=True)
        time.sleep(60)
    original(self, conn, raw, doc_id)
SQLiteStore._insert_raw = stall
for n in range(6):
    store.add_document(*make(n))
"""
)


def _integrity(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = conn.execute(
            "SELECT count(*) FROM documents WHERE raw_hash NOT IN (SELECT raw_hash FROM raw_inputs)"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()


def test_killed_process_leaves_no_half_document(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, str(db)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert line.strip() == "mid"
    _integrity(db)
    with open_store(db) as store:
        assert [d.source for d in store.iter_documents()] == ["0.txt", "1.txt", "2.txt"]
        assert store.search("Talks") and len(store.search("Talks")) == 3
        # Re-add everything with the child's own make(), as a rerun of the ingest would.
        namespace: dict[str, object] = {}
        exec(CHILD_HELPERS, namespace)
        outcomes = [store.add_document(*namespace["make"](n))[0] for n in range(6)]  # type: ignore[operator]
        assert outcomes == [AddOutcome.DUPLICATE] * 3 + [AddOutcome.ADDED] * 3
        assert store.count_documents(all_versions=True) == 6
    _integrity(db)


CONCURRENT_CHILD = (
    CHILD_HELPERS
    + """
import os
store = open_store(sys.argv[1])
go = sys.argv[2]
while not os.path.exists(go):
    time.sleep(0.005)
order = range(40) if sys.argv[3] == "up" else range(39, -1, -1)
for n in order:
    store.add_document(*make(n))
store.add_rejection(__import__("newsgraph.model").model.Rejection("x", "ingest", "empty", "e"))
store.close()
print("done", flush=True)
"""
)


def test_two_processes_ingesting_into_one_file(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    go = tmp_path / "go"
    open_store(db).close()  # both children find the schema ready; its creation is tested apart
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT_CHILD, str(db), str(go), direction],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for direction in ("up", "down")
    ]
    time.sleep(0.2)
    go.touch()
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert out.strip() == "done"
    _integrity(db)
    with open_store(db) as store:
        assert store.count_documents(all_versions=True) == 40
        assert len({d.id for d in store.iter_documents()}) == 40
        assert len(store.rejections()) == 1


def test_two_processes_creating_a_new_file_at_once(tmp_path: Path) -> None:
    db = tmp_path / "fresh.db"
    script = "import sys; from newsgraph.store import open_store; open_store(sys.argv[1]).close()"
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(db)], stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    with open_store(db) as store:
        assert store.schema_version == len(sqlite_module.load_migrations())  # type: ignore[attr-defined]


def test_ingested_at_is_recent_utc(store: SQLiteStore) -> None:
    _, doc = store.add_document(*make(FLOOD))
    assert doc.ingested_at is not None
    assert abs(datetime.now(UTC) - doc.ingested_at) < timedelta(minutes=1)
    assert doc.ingested_at.utcoffset() == timedelta(0)


def test_text_that_is_not_unicode_is_refused_cleanly(store: SQLiteStore) -> None:
    raw, article = make(FLOOD + " Broken byte: \udcff.", raw_text="raw bytes were odd")
    with pytest.raises(InputError) as info:
        store.add_document(raw, article)
    assert info.value.reason_code == "bad_encoding" and info.value.stage == "store"
    assert store.count_documents(all_versions=True) == 0 and store.find_raw(raw.raw_hash) is None
    assert store.add_document(*make(FLOOD))[0] is AddOutcome.ADDED

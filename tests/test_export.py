"""The export contract: document_to_dict, the three formats, and docs/export.md kept in step."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.export import (
    CSV_COLUMNS,
    FORMATS,
    RECORD_TYPES,
    build_export,
    document_to_dict,
    write_export,
)
from newsgraph.model import (
    SCHEMA_VERSION,
    ArticleMeta,
    CleanArticle,
    DateEstimate,
    Document,
    Entity,
    Event,
    RawDocument,
    Relation,
    RemovedBlock,
    record_to_dict,
    sha256_hex,
)
from newsgraph.store import RECORD_KINDS, SQLiteStore, open_store

DOCS = Path(__file__).resolve().parents[1] / "docs" / "export.md"

# Self-written text with the characters that break naive writers: commas, quotes, newlines,
# non-ASCII letters and dashes.
BODY = (
    'ERBIL — "We have nothing left," said Şirin Kaya, 41, a farmer from the village of '
    "Qushtapa, after the hailstorm on Sunday flattened his wheat.\n\n"
    "The regional agriculture office said 1,200 hectares were damaged; officials will assess "
    "compensation claims next week."
)
OTHER = (
    "BASRA — Port workers ended a three-day strike on Wednesday after the ministry agreed to "
    "pay overdue wages, union officials said."
)


def meta() -> ArticleMeta:
    return ArticleMeta(
        title="Hailstorm flattens wheat near Erbil",
        outlet="Kurdistan Example Post",
        byline="By Dana Aziz and Reuters",
        authors=("Dana Aziz", "Hemin Ali"),
        dateline="ERBIL",
        published=datetime(2024, 5, 20, 7, 0, tzinfo=UTC),
        stated_date=date(2024, 5, 21),
        events_date=DateEstimate(date(2024, 5, 19), date(2024, 5, 19), ("on Sunday",)),
        wire_sources=("Reuters",),
        language="en",
        flags=("stated_date_mismatch",),
    )


def add(store: SQLiteStore, body: str, source: str, meta_: ArticleMeta) -> Document:
    text = "<h1>page</h1>" + body
    raw = RawDocument(
        source, f"/in/{source}", "html", text, sha256_hex(text), "newsgraph.ingest.html.v1"
    )
    removed = (RemovedBlock("Subscribe to our newsletter", "boilerplate:subscribe"),)
    return store.add_document(raw, CleanArticle(body, meta_, removed))[1]


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[SQLiteStore]:
    with open_store(tmp_path / "e.db") as opened:
        assert isinstance(opened, SQLiteStore)
        yield opened


def test_document_to_dict_is_json_ready(store: SQLiteStore) -> None:
    doc = add(store, BODY, "hail.html", meta())
    data = document_to_dict(doc)
    assert data["id"] == doc.id and data["body"] == BODY
    assert data["published"] == "2024-05-20T07:00:00+00:00"
    assert data["stated_date"] == "2024-05-21"
    assert data["events_date"] == {
        "earliest": "2024-05-19",
        "latest": "2024-05-19",
        "basis": ["on Sunday"],
    }
    assert data["authors"] == ["Dana Aziz", "Hemin Ali"] and data["wire_sources"] == ["Reuters"]
    assert data["flags"] == ["stated_date_mismatch"]
    assert data["removed"] == [
        {"text": "Subscribe to our newsletter", "reason": "boilerplate:subscribe"}
    ]
    assert data["ingested_at"] == doc.ingested_at.isoformat()  # type: ignore[union-attr]
    assert json.loads(json.dumps(data)) == data  # nothing that JSON cannot carry
    bare = document_to_dict(add(store, OTHER, "port.html", ArticleMeta()))
    assert bare["title"] is None and bare["events_date"] is None and bare["authors"] == []


def test_json_export_streams_the_same_object_build_export_returns(store: SQLiteStore) -> None:
    first = add(store, BODY, "hail.html", meta())
    second = add(store, OTHER, "port.html", ArticleMeta(title="Strike ends"))
    out = io.StringIO()
    assert write_export(store, "json", out) == 2
    text = out.getvalue()
    built = build_export(store)
    assert text == json.dumps(built, indent=2, ensure_ascii=False) + "\n"
    data = json.loads(text)
    assert data["schema_version"] == SCHEMA_VERSION
    assert list(data) == ["schema_version", "documents", *RECORD_KINDS]
    assert [d["id"] for d in data["documents"]] == [first.id, second.id]
    assert "Şirin Kaya" in text  # non-ASCII written as is


def test_export_includes_every_version_unless_asked(store: SQLiteStore) -> None:
    v1 = add(store, BODY, "hail.html", meta())
    v2 = add(store, BODY + "\n\nThe storm moved east overnight.", "hail.html", meta())
    assert [d["id"] for d in build_export(store)["documents"]] == [v1.id, v2.id]
    latest = build_export(store, all_versions=False)["documents"]
    assert [(d["id"], d["version"], d["supersedes"]) for d in latest] == [(v2.id, 2, v1.id)]


def test_jsonl_has_a_header_then_typed_records(store: SQLiteStore) -> None:
    doc = add(store, BODY, "hail.html", meta())
    # A later stage writing a record makes it appear in the export with no export change.
    event = {"type": "ENVIRONMENT", "evidence": [{"doc": doc.id, "start": 0, "end": 5}]}
    store._conn.execute(
        "INSERT INTO events (id, doc, type, producer, data) VALUES (?, ?, ?, ?, ?)",
        ("e1", doc.id, "ENVIRONMENT", "test.events.v0", json.dumps(event)),
    )
    out = io.StringIO()
    assert write_export(store, "jsonl", out) == 2
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0] == {"record_type": "header", "schema_version": SCHEMA_VERSION}
    assert [r["record_type"] for r in lines[1:]] == ["document", "event"]
    assert {k: v for k, v in lines[1].items() if k != "record_type"} == document_to_dict(doc)
    assert lines[2]["id"] == "e1" and lines[2]["producer"] == "test.events.v0"
    assert lines[2]["evidence"][0]["doc"] == doc.id
    assert build_export(store)["events"] == [{"id": "e1", "producer": "test.events.v0", **event}]


def test_csv_round_trips_through_the_csv_module(store: SQLiteStore) -> None:
    doc = add(store, BODY, "hail.html", meta())
    add(store, OTHER, "port.html", ArticleMeta())
    out = io.StringIO(newline="")
    assert write_export(store, "csv", out) == 2
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    rows = list(reader)
    assert len(rows) == 2
    row = rows[0]
    assert row["body"] == BODY  # commas, quotes, blank line and non-ASCII intact
    assert row["id"] == doc.id and row["version"] == "1" and row["supersedes"] == ""
    assert row["authors"] == "Dana Aziz; Hemin Ali"
    assert (row["events_date_earliest"], row["events_date_basis"]) == ("2024-05-19", "on Sunday")
    assert row["published"] == "2024-05-20T07:00:00+00:00"
    assert rows[1]["title"] == "" and rows[1]["events_date_latest"] == ""


def test_unknown_format_is_refused(store: SQLiteStore) -> None:
    assert FORMATS == ("json", "jsonl", "csv")
    with pytest.raises(ConfigError, match="choose one of json, jsonl, csv"):
        write_export(store, "xml", io.StringIO())


def test_empty_store_exports_empty_lists(store: SQLiteStore) -> None:
    out = io.StringIO()
    assert write_export(store, "json", out) == 0
    data = json.loads(out.getvalue())
    assert all(data[key] == [] for key in ("documents", *RECORD_KINDS))


# -- docs/export.md must describe exactly what the code writes ---------------------------------


def _doc_text() -> str:
    return DOCS.read_text(encoding="utf-8")


def _fenced(language: str) -> str:
    blocks = re.findall(rf"```{language}\n(.*?)```", _doc_text(), flags=re.S)
    assert len(blocks) == 1, f"docs/export.md should have one ```{language} example"
    return blocks[0]


def _table_keys(text: str) -> set[str]:
    """Names in the first cell of markdown table rows: | `name` | ... |"""
    return set(re.findall(r"^\| `([a-z_]+)` \|", text, flags=re.M))


def _sample_document() -> Document:
    return Document(
        id="d0", source="s", location="/s", url=None, body="b", meta=meta(),
        raw_hash="r", body_hash="h", removed=(RemovedBlock("x", "y"),),
        ingested_at=datetime(2024, 1, 1, tzinfo=UTC),
    )  # fmt: skip


def test_every_document_field_is_documented() -> None:
    documented = _table_keys(_doc_text())
    missing = set(document_to_dict(_sample_document())) - documented
    assert not missing, f"document fields missing from docs/export.md: {sorted(missing)}"


def test_every_csv_column_and_record_type_is_documented() -> None:
    documented = _table_keys(_doc_text())
    assert set(CSV_COLUMNS) <= documented
    assert {"header", *RECORD_TYPES.values(), *RECORD_TYPES} <= documented


def test_docs_examples_match_the_code() -> None:
    example = json.loads(_fenced("json"))
    assert example["schema_version"] == SCHEMA_VERSION
    assert list(example) == ["schema_version", "documents", *RECORD_KINDS]
    assert list(example["documents"][0]) == list(document_to_dict(_sample_document()))
    lines = [json.loads(line) for line in _fenced("jsonl").splitlines()]
    assert lines[0] == {"record_type": "header", "schema_version": SCHEMA_VERSION}
    assert {k: v for k, v in lines[1].items() if k != "record_type"} == example["documents"][0]
    rows = list(csv.reader(io.StringIO(_fenced("csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[1][CSV_COLUMNS.index("body")] == example["documents"][0]["body"]
    assert f"is **{SCHEMA_VERSION}**" in _doc_text()


def _section(title: str) -> str:
    text = _doc_text()
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


@pytest.mark.parametrize(
    ("title", "record"),
    [
        ("Entity fields", Entity("ng:x", "X", "ORG")),
        ("Relation fields", Relation("a", "member_of", "b")),
        ("Event fields", Event("ev:1", "ASSAULT", ())),
    ],
)
def test_every_analysis_field_is_documented(title: str, record: object) -> None:
    documented = _table_keys(_section(title))
    exported = {"id", "producer", *record_to_dict(record)}
    assert exported == documented, (
        f"{title}: undocumented {sorted(exported - documented)}, "
        f"documented but not exported {sorted(documented - exported)}"
    )

"""The versioned export contract (docs/export.md): documents and analysis records as JSON,
JSONL or CSV.

``SCHEMA_VERSION`` (in ``newsgraph.model``) names the contract; docs/export.md lists every field.
A test checks that every key ``document_to_dict`` writes is documented there.

Exports stream: documents are read from the store in batches and written one by one, so an
export never holds the whole database in memory (``build_export``, which returns one dict, is
the exception by design).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, TextIO

from newsgraph.errors import ConfigError
from newsgraph.model import SCHEMA_VERSION, Document
from newsgraph.store.base import RECORD_KINDS, Store

#: Output formats of ``write_export``.
FORMATS: tuple[str, ...] = ("json", "jsonl", "csv")

#: JSONL ``record_type`` of each top-level list of the export.
RECORD_TYPES: dict[str, str] = {
    "documents": "document",
    "entities": "entity",
    "relations": "relation",
    "events": "event",
    "claims": "claim",
    "conflicts": "conflict",
    "stories": "story",
    "duplicates": "duplicate",
}

#: Joins list values into one CSV cell.
CSV_LIST_SEPARATOR = "; "

#: CSV columns, in order: the document fields, with events_date split in three and the removed
#: junk left out (it is in the JSON/JSONL exports).
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "source",
    "location",
    "url",
    "title",
    "outlet",
    "byline",
    "authors",
    "dateline",
    "published",
    "stated_date",
    "events_date_earliest",
    "events_date_latest",
    "events_date_basis",
    "wire_sources",
    "language",
    "flags",
    "version",
    "supersedes",
    "body_hash",
    "raw_hash",
    "reader",
    "producer",
    "ingested_at",
    "body",
)


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def document_to_dict(doc: Document) -> dict[str, Any]:
    """One document in its export form: JSON-ready values, dates as ISO 8601 strings."""
    meta = doc.meta
    events = meta.events_date
    return {
        "id": doc.id,
        "source": doc.source,
        "location": doc.location,
        "url": doc.url,
        "title": meta.title,
        "outlet": meta.outlet,
        "byline": meta.byline,
        "authors": list(meta.authors),
        "dateline": meta.dateline,
        "published": _iso(meta.published),
        "stated_date": _iso(meta.stated_date),
        "events_date": None if events is None else events.to_dict(),
        "wire_sources": list(meta.wire_sources),
        "language": meta.language,
        "flags": list(meta.flags),
        "version": doc.version,
        "supersedes": doc.supersedes,
        "body_hash": doc.body_hash,
        "raw_hash": doc.raw_hash,
        "reader": doc.reader,
        "producer": doc.producer,
        "ingested_at": _iso(doc.ingested_at),
        "body": doc.body,
        "removed": [{"text": b.text, "reason": b.reason} for b in doc.removed],
    }


def document_to_row(doc: Document) -> dict[str, str]:
    """One document as a CSV row keyed by ``CSV_COLUMNS``; lists joined, None as ""."""
    data = document_to_dict(doc)
    events = data.pop("events_date") or {}
    data["events_date_earliest"] = events.get("earliest")
    data["events_date_latest"] = events.get("latest")
    data["events_date_basis"] = events.get("basis", [])
    row: dict[str, str] = {}
    for column in CSV_COLUMNS:
        value = data[column]
        if value is None:
            row[column] = ""
        elif isinstance(value, list):
            row[column] = CSV_LIST_SEPARATOR.join(str(v) for v in value)
        else:
            row[column] = str(value)
    return row


def _sections(store: Store, all_versions: bool) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """(export key, its records) in contract order, each read lazily from the store."""
    docs = store.iter_documents(all_versions=all_versions)
    yield "documents", (document_to_dict(d) for d in docs)
    for kind in RECORD_KINDS:
        yield kind, store.iter_records(kind)


def build_export(store: Store, *, all_versions: bool = True) -> dict[str, Any]:
    """The whole export as one dict (see docs/export.md).

    Every stored version of each document is included by default (later records may cite any
    of them); ``all_versions=False`` keeps only the latest version of each page.
    """
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for key, records in _sections(store, all_versions):
        data[key] = list(records)
    return data


def write_export(store: Store, fmt: str, out: TextIO, *, all_versions: bool = True) -> int:
    """Stream the export to ``out`` as "json", "jsonl" or "csv"; returns records written.

    The header line of JSONL and the header row of CSV are not counted. Open files for CSV with
    ``newline=""`` (the csv module writes RFC 4180 ``\\r\\n`` line ends itself).
    """
    if fmt == "json":
        return _write_json(store, out, all_versions)
    if fmt == "jsonl":
        return _write_jsonl(store, out, all_versions)
    if fmt == "csv":
        return _write_csv(store, out, all_versions)
    raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _dumps(value: Any, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _write_json(store: Store, out: TextIO, all_versions: bool) -> int:
    # Written piece by piece, yet byte-identical to json.dumps(build_export(store), indent=2,
    # ensure_ascii=False): a test holds the two together.
    count = 0
    out.write("{\n" + f'  "schema_version": {_dumps(SCHEMA_VERSION)}')
    for key, records in _sections(store, all_versions):
        out.write(f",\n  {_dumps(key)}: [")
        first = True
        for record in records:
            item = _dumps(record, indent=2).replace("\n", "\n    ")
            out.write(("\n    " if first else ",\n    ") + item)
            first = False
            count += 1
        out.write("]" if first else "\n  ]")
    out.write("\n}\n")
    return count


def _write_jsonl(store: Store, out: TextIO, all_versions: bool) -> int:
    count = 0
    out.write(_dumps({"record_type": "header", "schema_version": SCHEMA_VERSION}) + "\n")
    for key, records in _sections(store, all_versions):
        record_type = RECORD_TYPES[key]
        for record in records:
            out.write(_dumps({"record_type": record_type, **record}) + "\n")
            count += 1
    return count


def _write_csv(store: Store, out: TextIO, all_versions: bool) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    count = 0
    for doc in store.iter_documents(all_versions=all_versions):
        writer.writerow(document_to_row(doc))
        count += 1
    return count

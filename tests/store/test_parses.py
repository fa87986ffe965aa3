"""Stored NLP parses: migration 0002, add/get/replace, which documents still need a parse."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.model import (
    ArticleMeta,
    CleanArticle,
    NerSpan,
    ParsedDocument,
    RawDocument,
    Sentence,
    Token,
    sha256_hex,
)
from newsgraph.store import SQLiteStore


def _raw_article(body: str, source: str) -> tuple[RawDocument, CleanArticle]:
    text = "Headline\n" + body
    raw = RawDocument(
        source=source,
        location=f"/corpus/{source}",
        kind="text",
        text=text,
        raw_hash=sha256_hex(text),
        reader="newsgraph.ingest.text.v1",
    )
    return raw, CleanArticle(body=body, meta=ArticleMeta(title="Headline"))


def _parse(doc: str, producer: str = "test.nlp.v1:m-1") -> ParsedDocument:
    return ParsedDocument(
        doc,
        producer,
        (
            Token(0, 5, "Hamas", "PROPN", "NNP", "nsubj", 1, "ORG"),
            Token(6, 10, "say", "VERB", "VBD", "ROOT", 1),
        ),
        (Sentence(0, 10, 0, 2),),
        (NerSpan(0, 5, "ORG", 0, 1, "ng:hamas"),),
    )


def test_parses_are_stored_per_producer_and_replaced(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "n.db") as store:
        assert store.schema_version >= 2
        _, a = store.add_document(*_raw_article("Hamas said the talks went on.", "a.txt"))
        _, b = store.add_document(*_raw_article("Fishermen sailed from Tyre at dawn.", "b.txt"))
        assert store.docs_without_parse("test.nlp.v1:m-1") == [a.id, b.id]
        store.add_parse(_parse(a.id))
        assert store.get_parse(a.id, "test.nlp.v1:m-1") == _parse(a.id)
        assert store.get_parse(a.id, "other:m-2") is None
        assert store.get_parse(b.id, "test.nlp.v1:m-1") is None
        assert store.docs_without_parse("test.nlp.v1:m-1") == [b.id]
        assert store.docs_without_parse("other:m-2") == [a.id, b.id]
        changed = ParsedDocument(a.id, "test.nlp.v1:m-1", (), (), ())
        store.add_parse(changed)  # a re-run replaces the old parse
        assert store.get_parse(a.id, "test.nlp.v1:m-1") == changed
    conn = sqlite3.connect(tmp_path / "n.db")
    assert conn.execute("SELECT count(*) FROM parses").fetchone()[0] == 1
    conn.close()


def test_parse_of_unknown_document_is_refused(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "n.db") as store:
        with pytest.raises(StoreError, match="no such document"):
            store.add_parse(_parse("d0000000000000000"))
        assert store.docs_without_parse("x") == []


def test_new_version_needs_its_own_parse(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "n.db") as store:
        _, v1 = store.add_document(*_raw_article("Hamas said the talks went on.", "a.txt"))
        store.add_parse(_parse(v1.id))
        _, v2 = store.add_document(*_raw_article("Hamas said the talks went on. More.", "a.txt"))
        assert v2.supersedes == v1.id
        assert store.docs_without_parse("test.nlp.v1:m-1") == [v2.id]
        assert store.docs_without_parse("test.nlp.v1:m-1", all_versions=True) == [v2.id]

"""The ingest entry points: a mixed folder read in order, bad files never stop the run."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

import newsgraph.ingest as ingest
from newsgraph.config import Config
from newsgraph.ingest import iter_inputs
from newsgraph.model import RawDocument, Rejection


def test_mixed_folder(tmp_path: Path, samples) -> None:
    (tmp_path / "a_story.txt").write_text(samples.article)
    (tmp_path / "b_page.html.gz").write_bytes(gzip.compress(samples.article_html.encode()))
    (tmp_path / "c_batch.jsonl").write_text(
        json.dumps({"text": samples.second}) + "\nnot json\n" + json.dumps({"html": "<p>x</p>"})
    )
    (tmp_path / "d_feed.xml").write_bytes(
        samples.rss(samples.rss_item("Tram", "https://v.example/t", summary=samples.second))
    )
    (tmp_path / "e_photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(200))
    (tmp_path / "f_empty.md").write_text("")
    (tmp_path / "g_notes").write_text(samples.article)  # no extension: sniffed as text
    got = [
        (item.source, item.kind if isinstance(item, RawDocument) else item.reason_code)
        for item in iter_inputs([str(tmp_path)], Config())
    ]
    assert got == [
        ("a_story.txt", "text"),
        ("b_page.html.gz", "html"),
        ("c_batch.jsonl", "text"),
        ("c_batch.jsonl", "bad_json"),
        ("c_batch.jsonl", "html"),
        ("d_feed.xml", "html"),
        ("e_photo.jpg", "binary"),
        ("f_empty.md", "empty"),
        ("g_notes", "text"),
    ]


def test_reader_crash_becomes_a_rejection(
    tmp_path: Path, samples, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path, config: Config, *, compressed: bool = False):  # type: ignore[no-untyped-def]
        yield Rejection(path.name, "ingest", "empty", "first record is fine")
        raise RuntimeError("reader bug")

    monkeypatch.setitem(ingest.FILE_READERS, "text", broken)
    (tmp_path / "a.txt").write_text(samples.article)
    (tmp_path / "b.html").write_text(samples.article_html)
    items = list(iter_inputs([str(tmp_path)], Config()))
    assert [getattr(i, "reason_code", "doc") for i in items] == ["empty", "reader_error", "doc"]
    assert "RuntimeError" in items[1].detail  # type: ignore[union-attr]

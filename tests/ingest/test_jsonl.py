"""JSON Lines: one article per line, hints from fields, bad lines rejected one by one."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsgraph.config import Config
from newsgraph.ingest import InputTarget, read_target
from newsgraph.ingest.jsonl import READER, read_jsonl
from newsgraph.model import RawDocument, Rejection, sha256_hex


def _read(path: Path, config: Config | None = None) -> list[RawDocument | Rejection]:
    return list(read_target(InputTarget(str(path.resolve())), config or Config()))


def _lines(samples) -> list[str]:
    return [
        json.dumps(
            {
                "url": "https://courier.example/ferry",
                "title": samples.headline,
                "text": "\n\n".join(samples.paragraphs),
                "published": "2024-03-14T09:00:00+02:00",
                "outlet": "Coastal Courier",
                "byline": ["Ines Talbot", "Marc Oyelaran"],
                "language": "en",
                "id": 4711,
                "extra": {"ignored": True},
            },
            ensure_ascii=False,
        ),
        "",  # blank lines are allowed
        json.dumps({"html": samples.article_html, "published": 1710403200, "title": "  "}),
        '{"text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"title": "No body here", "url": "https://courier.example/x"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": samples.second, "html": 42}),
    ]


def test_records_hints_and_bad_lines(tmp_path: Path, samples) -> None:
    path = tmp_path / "batch.jsonl"
    lines = _lines(samples)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    problems = [i for i in items if isinstance(i, Rejection)]
    assert [d.location.rsplit("#", 1)[1] for d in docs] == ["line=1", "line=3", "line=8"]
    first, second, third = docs
    assert first.kind == "text" and first.reader == READER == "newsgraph.ingest.jsonl.v1"
    assert first.text.startswith("PORT SALINE — The first ferry")
    assert first.url == "https://courier.example/ferry"
    assert first.location == f"{path.resolve()}#line=1"
    assert first.raw_hash == sha256_hex(lines[0].encode())
    assert dict(first.hints) == {
        "title": samples.headline,
        "published": "2024-03-14T09:00:00+02:00",
        "outlet": "Coastal Courier",
        "byline": "Ines Talbot, Marc Oyelaran",
        "language": "en",
        "id": "4711",
    }
    assert second.kind == "html" and second.text == samples.article_html and second.url is None
    assert dict(second.hints) == {"published": "2024-03-14T08:00:00+00:00"}  # from a timestamp
    assert third.kind == "text" and third.text == samples.second  # html not a string: text used
    assert [(p.reason_code, p.detail.split(" ", 2)[:2]) for p in problems] == [
        ("bad_json", ["Line", "4"]),
        ("not_an_object", ["Line", "5"]),
        ("no_text", ["Line", "6"]),
        ("empty", ["Line", "7"]),
    ]
    assert all(p.source == "batch.jsonl" for p in problems)


def test_long_line_is_skipped_and_reading_goes_on(tmp_path: Path, samples) -> None:
    path = tmp_path / "long.ndjson"
    big = json.dumps({"text": samples.second * 50})
    small = json.dumps({"text": samples.second})
    path.write_text(f"{small}\n{big}\n{small}\n")
    items = list(read_jsonl(path, Config(max_bytes=2_000)))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejection", "RawDocument"]
    assert isinstance(items[1], Rejection) and items[1].reason_code == "too_large"
    assert items[1].detail.startswith("Line 2")
    assert isinstance(items[2], RawDocument) and items[2].location.endswith("#line=3")


def test_container_may_exceed_max_bytes_but_not_max_container_bytes(
    tmp_path: Path, samples
) -> None:
    path = tmp_path / "many.jsonl"
    line = json.dumps({"text": samples.second}) + "\n"
    path.write_text(line * 20)  # ~12 KB
    docs = list(read_jsonl(path, Config(max_bytes=1_000)))
    assert len(docs) == 20 and all(isinstance(d, RawDocument) for d in docs)
    (rejection,) = read_jsonl(path, Config(max_container_bytes=5_000))
    assert isinstance(rejection, Rejection) and rejection.reason_code == "too_large"
    assert "max_container_bytes" in rejection.detail


def test_gzip_bom_and_truncation(tmp_path: Path, samples) -> None:
    line = json.dumps({"text": samples.second, "url": "https://courier.example/tram"})
    data = ("\ufeff" + (line + "\n") * 200).encode()
    packed = gzip.compress(data)
    (tmp_path / "a.jsonl.gz").write_bytes(packed)
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) * 3 // 4])
    whole = _read(tmp_path / "a.jsonl.gz")
    assert len(whole) == 200 and all(isinstance(d, RawDocument) for d in whole)
    cut = _read(tmp_path / "cut.jsonl.gz")
    assert isinstance(cut[-1], Rejection) and cut[-1].reason_code == "truncated"
    assert all(isinstance(d, RawDocument) for d in cut[:-1])


def test_file_without_records_and_sniffed_jsonl(tmp_path: Path, samples) -> None:
    empty = tmp_path / "blank.jsonl"
    empty.write_text("\n\n  \n")
    (rejection,) = _read(empty)
    assert isinstance(rejection, Rejection) and rejection.reason_code == "empty"
    unnamed = tmp_path / "export.dat"  # no telling extension: sniffed as JSONL
    unnamed.write_text(json.dumps({"text": samples.second}) + "\n")
    (doc,) = _read(unnamed)
    assert isinstance(doc, RawDocument) and doc.reader == READER

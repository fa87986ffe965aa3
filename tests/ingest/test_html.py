"""Saved HTML pages: kept whole, decoded by their declared charset, size and gzip checks."""

from __future__ import annotations

import gzip
from pathlib import Path

from newsgraph.config import Config
from newsgraph.ingest import InputTarget, read_target
from newsgraph.ingest.html import READER, read_html
from newsgraph.model import RawDocument, Rejection, sha256_hex


def _read(path: Path, config: Config | None = None) -> list[RawDocument | Rejection]:
    return list(read_target(InputTarget(str(path.resolve())), config or Config()))


def test_html_page_is_one_document(tmp_path: Path, samples) -> None:
    page = tmp_path / "ferry.htm"
    page.write_text(samples.article_html, encoding="utf-8")
    (doc,) = _read(page)
    assert isinstance(doc, RawDocument)
    assert doc.kind == "html" and doc.reader == READER == "newsgraph.ingest.html.v1"
    assert doc.text == samples.article_html  # the page is kept whole for the cleaner
    assert doc.raw_hash == sha256_hex(page.read_bytes())
    assert doc.source == "ferry.htm" and doc.location == str(page.resolve())


def test_meta_charset_is_honoured(tmp_path: Path, samples) -> None:
    text = "Мэр города заявил, что паром возобновит рейсы в четверг."
    html = samples.article_html.replace("charset='utf-8'", "charset='windows-1251'")
    html = html.replace(samples.paragraphs[0], text)
    page = tmp_path / "ru.html"
    page.write_bytes(html.encode("cp1251"))
    (doc,) = read_html(page, Config())
    assert isinstance(doc, RawDocument) and doc.encoding == "cp1251"
    assert text in doc.text


def test_gzipped_page(tmp_path: Path, samples) -> None:
    page = tmp_path / "ferry.html.gz"
    page.write_bytes(gzip.compress(samples.article_html.encode()))
    (doc,) = _read(page)
    assert isinstance(doc, RawDocument) and doc.kind == "html"
    assert doc.text == samples.article_html


def test_empty_large_and_truncated_pages(tmp_path: Path, samples) -> None:
    (tmp_path / "blank.html").write_bytes(b"\n   \n")
    (tmp_path / "big.html").write_bytes(samples.article_html.encode() * 100)
    packed = gzip.compress(samples.article_html.encode())
    (tmp_path / "cut.html.gz").write_bytes(packed[:-30])
    config = Config(max_bytes=10_000)
    got = {
        Path(item.source).name: item.reason_code
        for name in ("blank.html", "big.html", "cut.html.gz")
        for item in _read(tmp_path / name, config)
        if isinstance(item, Rejection)
    }
    assert got == {"blank.html": "empty", "big.html": "too_large", "cut.html.gz": "truncated"}

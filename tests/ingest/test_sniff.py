"""Choosing a reader: extensions, gzip wrappers, content sniffing and binary detection."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest.sniff import Sniffed, binary_type, kind_from_name, sniff_content, sniff_file

TEXT = "GENEVA — Talks between the two delegations resumed on Monday, a spokesperson said.\n"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"), ("a.TEXT", "text"), ("notes.md", "text"),
        ("a.html", "html"), ("a.HTM", "html"), ("a.xhtml", "html"),
        ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("crawl.warc", "warc"),
        ("a.rss", "feed"), ("a.atom", "feed"), ("a.xml", "feed"), ("a.feed", "feed"),
        ("a.html.gz", "html"), ("a.txt.gz", "text"), ("a.jsonl.gz", "jsonl"),
        ("crawl.warc.gz", "warc"), ("a.pdf", None), ("noext", None),
    ],
)  # fmt: skip
def test_kind_from_name(name: str, kind: str | None) -> None:
    assert kind_from_name(name) == kind


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"  <!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"<html lang='en'><head>", "html"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b'{"url": "https://a.example", "text": "hello"}\n{"text": "x"}\n', "jsonl"),
        (b'{"text": "a very long first line cut by the 8 KiB peek', "jsonl"),
        (TEXT.encode(), "text"),
        (b"{not json at all}\n", "text"),
    ],
)
def test_sniff_content(head: bytes, kind: str) -> None:
    assert sniff_content(head) == kind


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF executable"),
        (b"abc\x00def" * 10, "NUL bytes"),
        (bytes([1, 2, 3, 4, 5, 6]) + b"text" * 3, "control bytes"),
    ],
)
def test_binary_type(head: bytes, expected: str) -> None:
    found = binary_type(head)
    assert found is not None and expected in found


def test_text_in_other_encodings_is_not_binary() -> None:
    assert binary_type(TEXT.encode("utf-16")) is None
    assert binary_type(TEXT.encode("utf-16-le")) is None  # no BOM: NULs on every other byte
    assert binary_type(TEXT.encode("cp1252")) is None
    assert binary_type(b"BMW and MZ Motors announce a merger\n") is None


def test_sniff_file_by_extension_gzip_and_content(tmp_path: Path) -> None:
    html = b"<!doctype html><html><body><p>" + TEXT.encode() + b"</p></body></html>"
    cases = {
        "story.txt": (TEXT.encode(), Sniffed("text")),
        "page.html.gz": (gzip.compress(html), Sniffed("html", compressed=True)),
        "story.txt.gz": (gzip.compress(TEXT.encode()), Sniffed("text", compressed=True)),
        "mystery.dat": (html, Sniffed("html")),
        "mystery.gz": (gzip.compress(html), Sniffed("html", compressed=True)),
        "download": (gzip.compress(b"WARC/1.1\r\n"), Sniffed("warc", compressed=True)),
        "saved.txt": (html, Sniffed("html")),  # a .txt holding a whole page is read as HTML
        "plain.txt.gz": (TEXT.encode(), Sniffed("text")),  # named .gz but not compressed
    }
    for name, (data, expected) in cases.items():
        (tmp_path / name).write_bytes(data)
        assert sniff_file(tmp_path / name) == expected, name


def test_sniff_file_rejects_binary_and_empty(tmp_path: Path) -> None:
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(512))
    noise = tmp_path / "noise.bin"
    noise.write_bytes(os.urandom(4096))
    zipped_png = tmp_path / "photo.html.gz"
    zipped_png.write_bytes(gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(100)))
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    for path, reason, words in [
        (png, "binary", "PNG image"),
        (noise, "binary", "binary data"),
        (zipped_png, "binary", "PNG image"),
        (empty, "empty", "empty"),
    ]:
        with pytest.raises(InputError) as err:
            sniff_file(path)
        assert err.value.reason_code == reason
        assert words in err.value.detail

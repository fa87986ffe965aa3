"""WARC archives: HTML responses and resources become articles; damage keeps what was read."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.config import Config
from newsgraph.ingest import InputTarget, read_target
from newsgraph.ingest.warc import READER, WarcStats, read_warc
from newsgraph.model import RawDocument, Rejection, sha256_hex


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str, status: str = "200 OK"):
    # An explicit length keeps warcio from buffering the payload in a temporary file.
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
    )


def _archive(samples, *, gzip: bool) -> tuple[bytes, dict[str, bytes]]:
    """A small crawl: warcinfo, a request, 2 HTML pages, an image, a 404, an HTML resource."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    ferry = samples.article_html.encode()
    market = (
        "<html><head><meta charset='windows-1252'><title>Tram depot</title></head><body>"
        f"<p>{samples.second.replace('Council', 'Councillors’')}</p></body></html>"
    ).encode("cp1252")
    pages = {"https://courier.example/ferry": ferry, "https://courier.example/tram": market}
    request = writer.create_warc_record(
        "https://courier.example/ferry",
        "request",
        payload=io.BytesIO(b""),
        length=0,
        http_headers=StatusAndHeaders(
            "GET /ferry HTTP/1.1", [("Host", "courier.example")], is_http_request=True
        ),
    )
    writer.write_record(request)
    writer.write_record(
        _response(writer, "https://courier.example/ferry", ferry, "text/html; charset=utf-8")
    )
    writer.write_record(
        _response(writer, "https://courier.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
    )
    writer.write_record(
        _response(writer, "https://courier.example/gone", b"<html>gone</html>", "text/html",
                  "404 Not Found")
    )  # fmt: skip
    writer.write_record(
        _response(writer, "https://courier.example/tram", market, "text/html; charset=windows-1252")
    )
    resource = writer.create_warc_record(
        "https://courier.example/saved",
        "resource",
        payload=io.BytesIO(ferry),
        length=len(ferry),
        warc_content_type="text/html",
    )
    writer.write_record(resource)
    pages["https://courier.example/saved"] = ferry
    return buffer.getvalue(), pages


def test_html_records_become_documents(tmp_path: Path, samples) -> None:
    for gzip in (False, True):
        data, pages = _archive(samples, gzip=gzip)
        path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
        path.write_bytes(data)
        stats = WarcStats()
        docs = list(read_warc(path, Config(), compressed=gzip, stats=stats))
        assert all(isinstance(d, RawDocument) for d in docs)
        assert [d.url for d in docs] == list(pages)  # type: ignore[union-attr]
        assert [d.location.rsplit("#", 1)[1] for d in docs] == [  # type: ignore[union-attr]
            "record=3", "record=6", "record=7",
        ]  # fmt: skip
        assert (stats.records, stats.documents, stats.skipped) == (7, 3, 4)
        ferry, tram, saved = docs
        assert isinstance(ferry, RawDocument) and isinstance(tram, RawDocument)
        assert ferry.kind == "html" and ferry.reader == READER == "newsgraph.ingest.warc.v1"
        assert ferry.text == samples.article_html
        assert ferry.raw_hash == sha256_hex(pages["https://courier.example/ferry"])
        assert "fetched" in ferry.hints and ferry.hints["fetched"].startswith("20")
        assert tram.encoding == "cp1252" and "Councillors’" in tram.text
        assert ferry.source == path.name


def test_truncated_archive_keeps_the_records_before_the_damage(tmp_path: Path, samples) -> None:
    for gzip in (False, True):
        data, _ = _archive(samples, gzip=gzip)
        path = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
        path.write_bytes(data[:-200])  # cuts into the last record (the HTML resource)
        items = list(read_target(InputTarget(str(path)), Config()))
        assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Rejection"]
        rejection = items[-1]
        assert isinstance(rejection, Rejection) and rejection.reason_code == "truncated"
        assert "2 article(s)" in rejection.detail


def test_not_a_warc_and_oversized_record(tmp_path: Path, samples) -> None:
    fake = tmp_path / "fake.warc"
    fake.write_text(samples.article)
    (rejection,) = read_target(InputTarget(str(fake)), Config())
    assert isinstance(rejection, Rejection) and rejection.reason_code == "malformed_warc"
    data, _ = _archive(samples, gzip=True)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    items = list(read_target(InputTarget(str(path)), Config(max_bytes=1_000)))
    assert [getattr(i, "reason_code", "doc") for i in items] == [
        "too_large", "doc", "too_large",
    ]  # fmt: skip
    assert items[0].detail.startswith("Record 3")  # type: ignore[union-attr]

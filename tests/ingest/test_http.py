"""Fetching URLs, only from a local server on 127.0.0.1 or an injected httpx transport."""

from __future__ import annotations

import socket
import time

import httpx
import pytest

from newsgraph.config import Config
from newsgraph.errors import FetchError
from newsgraph.ingest import InputTarget, iter_inputs, read_target
from newsgraph.ingest.http import READER, fetch
from newsgraph.model import RawDocument, Rejection


def test_fetch_html_page_with_polite_user_agent(http_server, samples) -> None:
    url = http_server.url("/article.html")
    doc = fetch(url, Config())
    assert doc.kind == "html" and doc.reader == READER == "newsgraph.ingest.http.v1"
    assert doc.text == samples.article_html
    assert doc.source == doc.url == doc.location == url
    assert doc.encoding == "utf-8" and doc.hints["fetched"].startswith("20")
    seen = [r for r in http_server.seen if r["path"] == "/article.html"]
    assert seen and seen[-1]["user-agent"] == Config().user_agent


def test_plain_text_charset_and_untyped_responses(http_server, samples) -> None:
    plain = fetch(http_server.url("/plain.txt"), Config())
    assert plain.kind == "text" and plain.text == samples.article
    latin = fetch(http_server.url("/latin.txt"), Config())
    assert latin.encoding == "cp1252" and latin.text == samples.article
    untyped = fetch(http_server.url("/untyped"), Config())
    assert untyped.kind == "html"  # no Content-Type: sniffed from the bytes
    gzipped = fetch(http_server.url("/gzipped.html"), Config())
    assert gzipped.text == samples.article_html  # Content-Encoding is undone


def test_redirect_gives_final_url_and_requested_source(http_server) -> None:
    requested = http_server.url("/redirect")
    doc = fetch(requested, Config())
    assert doc.source == requested
    assert doc.url == http_server.url("/article.html")


def test_feed_url_is_read_item_by_item(http_server, samples) -> None:
    url = http_server.url("/feed.xml")
    items = list(read_target(InputTarget(url, is_url=True), Config()))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"]
    ferry = items[0]
    assert isinstance(ferry, RawDocument) and ferry.location == f"{url}#item=1"
    assert ferry.url == "https://courier.example/ferry" and ferry.source == url
    with pytest.raises(FetchError) as err:
        fetch(url, Config())
    assert err.value.reason_code == "is_feed"


@pytest.mark.parametrize(
    ("path", "reason", "words"),
    [
        ("/missing", "http_status", "404"),
        ("/loop", "too_many_redirects", "redirects"),
        ("/logo.png", "binary", "image/png"),
        ("/disguised.html", "binary", "PNG image"),
        ("/style.css", "unsupported_type", "text/css"),
        ("/huge.html", "too_large", "http_max_bytes"),
        ("/stream-huge", "too_large", "http_max_bytes"),
    ],
)
def test_fetch_failures(http_server, path: str, reason: str, words: str) -> None:
    config = Config(http_max_bytes=100_000)
    with pytest.raises(FetchError) as err:
        fetch(http_server.url(path), config)
    assert err.value.reason_code == reason
    assert words in err.value.detail


def test_slow_server_times_out(http_server) -> None:
    started = time.perf_counter()
    (rejection,) = read_target(
        InputTarget(http_server.url("/slow"), is_url=True), Config(http_timeout=0.3)
    )
    assert time.perf_counter() - started < 1.2
    assert isinstance(rejection, Rejection) and rejection.reason_code == "timeout"
    assert rejection.source == http_server.url("/slow")


def test_unreachable_host() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError) as err:
        fetch(f"http://127.0.0.1:{port}/story", Config(http_timeout=2))
    assert err.value.reason_code == "unreachable"


def test_mock_transport_is_injected_through_iter_inputs(samples) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200, text=samples.article, headers={"Content-Type": "text/plain; charset=utf-8"}
        )

    items = list(
        iter_inputs(
            ["https://wire.example/story-1"], Config(), transport=httpx.MockTransport(handler)
        )
    )
    (doc,) = items
    assert isinstance(doc, RawDocument) and doc.kind == "text" and doc.text == samples.article
    assert doc.url == "https://wire.example/story-1"
    assert seen[0].headers["user-agent"] == Config().user_agent

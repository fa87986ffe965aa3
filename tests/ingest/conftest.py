"""Fixtures for the ingest tests: self-written articles and a local HTTP server.

The article texts below were written for these tests (fictional events, invented outlets);
the HTTP server listens on 127.0.0.1 only, so no test touches the network.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest

from newsgraph.config import Config

HEADLINE = "Ferry service resumes across the strait after week-long storm"

PARAGRAPHS = [
    "PORT SALINE — The first ferry in eight days left the harbour on Thursday morning, "
    "carrying 340 passengers and a queue of lorries that had waited on the quay since the "
    "storm closed the crossing, the port authority said.",
    "Harbour master Ines Talbot told reporters the swell had dropped below two metres "
    "overnight. “We will run extra sailings until the backlog is cleared,” she said, adding "
    "that freight would be given priority on the night crossings.",
    "Fishermen in the town said the closure had cost them a week of catches. The regional "
    "council has promised a support fund, but officials gave no figure on Thursday.",
]

ARTICLE = HEADLINE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n"

ARTICLE_HTML = (
    "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
    f"<title>{HEADLINE} | Coastal Courier</title></head>\n<body>\n"
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>\n"
    f"<article><h1>{HEADLINE}</h1>\n"
    + "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "\n</article>\n<footer>© Coastal Courier</footer>\n</body></html>\n"
)

# A second story, for feeds and archives with several articles.
SECOND = (
    "VALLEY FORGE CITY — Council members voted 7-2 on Monday to close the old tram depot and "
    "turn it into a covered market, ending a dispute that had lasted three years. Traders "
    "who had sold produce on the pavement outside the depot welcomed the decision, while two "
    "members warned that the cost of the conversion had not been independently checked. The "
    "mayor said work would start in the spring and take about eighteen months to finish."
)

RSS_ITEM_CONTENT = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def rss(items: str, title: str = "Coastal Courier - Local") -> bytes:
    """A small RSS 2.0 feed around ``items``."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        f"<title>{title}</title><link>https://courier.example/</link>"
        "<description>Test feed</description><language>en</language>\n"
        f"{items}\n</channel>\n</rss>\n"
    ).encode()


def rss_item(title: str, link: str, *, content: str | None = None, summary: str = "") -> str:
    """One RSS item; ``content`` goes into content:encoded."""
    body = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    return (
        f"<item><title>{title}</title><link>{link}</link>"
        "<pubDate>Thu, 14 Mar 2024 11:20:00 +0300</pubDate>"
        "<dc:creator>Ines Talbot</dc:creator>"
        f"<description><![CDATA[{summary}]]></description>{body}</item>"
    )


@pytest.fixture()
def config() -> Config:
    return Config()


@pytest.fixture(scope="session")
def samples() -> SimpleNamespace:
    """The self-written texts and feed builders above, for test modules to use."""
    return SimpleNamespace(
        headline=HEADLINE,
        paragraphs=PARAGRAPHS,
        article=ARTICLE,
        article_html=ARTICLE_HTML,
        second=SECOND,
        item_content=RSS_ITEM_CONTENT,
        rss=rss,
        rss_item=rss_item,
    )


@dataclass
class LocalServer:
    """A running test server: its base URL and the requests it saw."""

    base: str
    seen: list[dict[str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/article.html": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_HTML.encode()),
    "/plain.txt": (200, {"Content-Type": "text/plain; charset=utf-8"}, ARTICLE.encode()),
    "/latin.txt": (
        200,
        {"Content-Type": "text/plain; charset=windows-1252"},
        ARTICLE.encode("cp1252"),
    ),
    "/feed.xml": (
        200,
        {"Content-Type": "application/rss+xml"},
        rss(
            rss_item(HEADLINE, "https://courier.example/ferry", content=RSS_ITEM_CONTENT)
            + rss_item(
                "Tram depot to become market", "https://courier.example/tram", summary=SECOND
            )
        ),
    ),
    "/redirect": (302, {"Location": "/article.html"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/missing": (404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"),
    "/logo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
    "/disguised.html": (200, {"Content-Type": "text/html"}, b"\x89PNG\r\n\x1a\n" + bytes(256)),
    "/huge.html": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 300_000 + b"</p>"),
    "/untyped": (200, {}, ARTICLE_HTML.encode()),
    "/style.css": (200, {"Content-Type": "text/css"}, b"body { color: red }"),
}


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:  # noqa: N802 -- http.server's naming
        self.server.seen.append(
            {"path": self.path, **{k.lower(): v for k, v in self.headers.items()}}
        )
        path = self.path
        if path == "/slow":
            time.sleep(1.5)
            path = "/article.html"
        if path == "/stream-huge":
            self._stream_huge()
            return
        if path == "/gzipped.html":
            headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
            status, body = 200, gzip.compress(ARTICLE_HTML.encode())
        else:
            status, headers, body = ROUTES.get(path, ROUTES["/missing"])
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self._write(body)

    def _stream_huge(self) -> None:
        """1 MB of HTML with no Content-Length: the client must stop reading by itself."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(100):
            if not self._write(b"<p>" + b"y" * 10_000 + b"</p>"):
                break
        self.close_connection = True

    def _write(self, data: bytes) -> bool:
        try:
            self.wfile.write(data)
            return True
        except (BrokenPipeError, ConnectionResetError):
            return False  # the client gave up, as it should for oversized bodies

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Silence the per-request log lines."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    seen: list[dict[str, str]]


@pytest.fixture(scope="session")
def http_server() -> Iterator[LocalServer]:
    """A local HTTP server on 127.0.0.1 with fixed routes (see ROUTES, /slow, /stream-huge)."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield LocalServer(f"http://{host}:{port}", server.seen)
    server.shutdown()
    server.server_close()

"""HTTP reader: fetch one URL politely and safely.

- One ``httpx.Client`` with ``config.http_timeout`` (connect/read and the whole download),
  ``User-Agent: config.user_agent`` and at most 5 redirects. Tests and offline runs pass an
  ``httpx`` transport (``httpx.MockTransport``) instead of touching the network.
- The Content-Type is checked before the body is read: HTML -> kind "html", ``text/plain`` ->
  kind "text", RSS/Atom/XML -> the feed reader (``read_http`` only), images, PDFs, archives and
  other non-text types -> ``binary``, other text types (CSS, JSON...) -> ``unsupported_type``.
- The body is streamed and abandoned past ``config.http_max_bytes`` (``too_large``).
- Failures raise ``FetchError`` with reason ``http_status`` (non-2xx, code in the detail),
  ``timeout``, ``unreachable``, ``too_many_redirects``, ``bad_url``, ``binary``,
  ``unsupported_type``, ``too_large`` or ``corrupt`` (bad Content-Encoding).

``RawDocument.url`` is the final URL after redirects and ``source`` the URL that was asked for;
``hints["fetched"]`` is the response's ``Date`` header (or the local time) in ISO 8601.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

from newsgraph.config import Config
from newsgraph.errors import FetchError, InputError
from newsgraph.ingest.encoding import charset_from_content_type
from newsgraph.ingest.files import human_size
from newsgraph.ingest.html import html_document
from newsgraph.ingest.sniff import binary_type, sniff_content
from newsgraph.ingest.text import text_document
from newsgraph.model import RawDocument, Rejection

READER = "newsgraph.ingest.http.v1"
MAX_REDIRECTS = 5

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-rss+xml",
    }
)
# No declared type or a generic one: decide from the bytes.
SNIFF_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream", "text/plain"})


@dataclass(frozen=True, slots=True)
class Fetched:
    """A successful response: where it ended up, what it says it is, and its body."""

    requested: str
    url: str
    status: int
    content_type: str
    body: bytes
    fetched: str

    @property
    def media_type(self) -> str:
        return self.content_type.split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        return charset_from_content_type(self.content_type)


def make_client(config: Config, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """The client every fetch of a run shares."""
    return httpx.Client(
        timeout=httpx.Timeout(config.http_timeout),
        headers={"User-Agent": config.user_agent},
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        transport=transport,
    )


def _fail(reason: str, url: str, detail: str) -> FetchError:
    return FetchError(reason, detail, source=url)


def _check_type(url: str, media_type: str) -> None:
    """Refuse, before downloading, a response whose declared type cannot be an article."""
    if media_type in HTML_TYPES | FEED_TYPES | SNIFF_TYPES:
        return
    textual = media_type.startswith("text/") or media_type.endswith(
        ("json", "javascript", "ecmascript", "+xml")
    )
    raise _fail(
        "unsupported_type" if textual else "binary",
        url,
        f"The server sent {media_type}, which is not an article format; only HTML, plain text "
        "and RSS/Atom feeds can be ingested.",
    )


def _fetched_at(response: httpx.Response) -> str:
    header = response.headers.get("date")
    if header:
        try:
            return parsedate_to_datetime(header).astimezone(UTC).isoformat()
        except (TypeError, ValueError):
            pass
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def fetch_bytes(url: str, config: Config, *, client: httpx.Client) -> Fetched:
    """GET ``url`` and return its body; raise FetchError on any failure (see module doc)."""
    deadline = time.monotonic() + config.http_timeout
    cap = config.http_max_bytes
    try:
        with client.stream("GET", url) as response:
            final = str(response.url)
            if not response.is_success:
                raise _fail(
                    "http_status",
                    url,
                    f"The server answered HTTP {response.status_code} "
                    f"{response.reason_phrase}".rstrip()
                    + f" for {final}; check the URL.",
                )
            content_type = response.headers.get("content-type", "")
            media_type = content_type.split(";", 1)[0].strip().lower()
            _check_type(url, media_type)
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > cap:
                raise _too_large(url, int(length), cap)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise _too_large(url, None, cap)
                chunks.append(chunk)
                if time.monotonic() > deadline:
                    raise httpx.ReadTimeout("download took longer than http_timeout")
            return Fetched(
                requested=url,
                url=final,
                status=response.status_code,
                content_type=content_type,
                body=b"".join(chunks),
                fetched=_fetched_at(response),
            )
    except httpx.TimeoutException as exc:
        raise _fail(
            "timeout",
            url,
            f"No complete answer within {config.http_timeout:g} s ({type(exc).__name__}); try "
            "again later or raise http_timeout.",
        ) from exc
    except httpx.TooManyRedirects as exc:
        raise _fail(
            "too_many_redirects",
            url,
            f"More than {MAX_REDIRECTS} redirects; open the URL in a browser and use the final "
            "one.",
        ) from exc
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise _fail("bad_url", url, f"This is not a fetchable http(s) URL ({exc}).") from exc
    except httpx.DecodingError as exc:
        raise _fail(
            "corrupt", url, f"The server's compressed response could not be decoded ({exc})."
        ) from exc
    except httpx.HTTPError as exc:
        raise _fail(
            "unreachable",
            url,
            f"Could not connect ({type(exc).__name__}: {exc}); check the URL and the network.",
        ) from exc


def _too_large(url: str, size: int | None, cap: int) -> FetchError:
    amount = f"{human_size(size)}, over" if size is not None else "over"
    return _fail(
        "too_large",
        url,
        f"The response is {amount} the {human_size(cap)} limit; raise http_max_bytes if it "
        "really is one article.",
    )


def response_kind(fetched: Fetched) -> str:
    """ "html", "text" or "feed" for a response; raise FetchError("binary") for binary bodies."""
    detected = binary_type(fetched.body[:8192])
    if detected is not None:
        raise _fail(
            "binary",
            fetched.requested,
            f"The server sent {detected} (declared {fetched.media_type or 'no type'}); only "
            "HTML, plain text and RSS/Atom feeds can be ingested.",
        )
    media_type = fetched.media_type
    if media_type in HTML_TYPES:
        return "html"
    sniffed = sniff_content(fetched.body[:8192])
    if media_type in FEED_TYPES:
        return "html" if sniffed == "html" else "feed"
    # text/plain or no useful type: trust the bytes for markup, else it is plain text.
    return sniffed if sniffed in {"html", "feed"} else "text"


def document_from(fetched: Fetched, kind: str) -> RawDocument:
    """The RawDocument of an HTML or text response."""
    build = html_document if kind == "html" else text_document
    return build(
        fetched.body,
        source=fetched.requested,
        location=fetched.url,
        url=fetched.url,
        declared=fetched.charset,
        hints={"fetched": fetched.fetched},
        reader=READER,
    )


def fetch(
    url: str,
    config: Config,
    *,
    transport: httpx.BaseTransport | None = None,
    client: httpx.Client | None = None,
) -> RawDocument:
    """Fetch one article page (HTML or text); raise FetchError.

    A feed URL raises FetchError("is_feed"): use ``read_http``, which reads feeds item by item.
    Pass ``client`` to share connections across many fetches.
    """
    if client is None:
        with make_client(config, transport) as own:
            return fetch(url, config, client=own)
    fetched = fetch_bytes(url, config, client=client)
    kind = response_kind(fetched)
    if kind == "feed":
        raise _fail("is_feed", url, "This URL is a feed, not an article page; ingest it directly.")
    try:
        return document_from(fetched, kind)
    except InputError as exc:
        raise _fail(exc.reason_code, url, exc.detail) from exc


def read_http(
    url: str, config: Config, *, transport: httpx.BaseTransport | None = None
) -> Iterator[RawDocument | Rejection]:
    """Read a URL: one article for a page, one per item for a feed, or a Rejection."""
    # Imported here: the feed reader fetches item links through this module.
    from newsgraph.ingest.feeds import read_feed_bytes

    with make_client(config, transport) as client:
        try:
            fetched = fetch_bytes(url, config, client=client)
            kind = response_kind(fetched)
            if kind != "feed":
                yield document_from(fetched, kind)
                return
        except InputError as exc:
            yield exc.to_rejection(url)
            return
        yield from read_feed_bytes(
            fetched.body, config, source=url, location=fetched.url, client=client
        )

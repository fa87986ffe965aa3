"""RSS/Atom/RDF feed reader (feedparser): one article per feed item.

An item that carries its article (``content:encoded``, Atom ``<content>``, or a summary of at
least ``MIN_SUMMARY_CHARS`` characters of text) becomes a ``RawDocument`` of kind "html" (the
content is an HTML fragment, wrapped in a minimal page so HTML extractors see a document;
"text" when the feed says the content is plain text) with:

- ``url`` = the item's link, ``location`` = ``<feed path or URL>#item=N`` (1-based);
- hints ``title``, ``published`` (ISO 8601, UTC, from the item's published or updated date),
  ``outlet`` (the feed's title), ``byline`` (the item's author), ``language`` (the feed's);
- ``raw_hash`` = SHA-256 of the item's link and content.

An item with only a title and a link is fetched through ``newsgraph.ingest.http`` when
``config.follow_feed_links`` is set (``--follow-links``); otherwise it becomes a Rejection
``no_content`` saying so. Feedparser tolerates broken XML: a broken feed that still yields items
is read; one that yields none is rejected as ``malformed_feed``. Feedparser is always given
bytes, never a string, because it treats a string as a URL or file name to open.
"""

from __future__ import annotations

import html as htmllib
import re
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import httpx

from newsgraph.config import Config
from newsgraph.errors import InputError
from newsgraph.ingest.files import read_capped
from newsgraph.model import RawDocument, Rejection, sha256_hex

READER = "newsgraph.ingest.feeds.v1"

#: A summary with at least this many characters of text is taken as the article itself.
MIN_SUMMARY_CHARS = 400

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_EMAIL_NAME = re.compile(r"^\S+@\S+\s+\((.+)\)$")


def _plain(fragment: str) -> str:
    """The visible text of an HTML fragment, roughly (to measure it)."""
    return _SPACE.sub(" ", htmllib.unescape(_TAG.sub(" ", fragment))).strip()


def _iso(parsed: time.struct_time | None) -> str | None:
    """feedparser's UTC struct_time as ISO 8601."""
    if not parsed:
        return None
    try:
        return datetime(*parsed[:6], tzinfo=UTC).isoformat()
    except (TypeError, ValueError):
        return None


def item_content(entry: Any) -> tuple[str, str] | None:
    """(content, kind) of a feed item that carries its article, or None."""
    contents = [c for c in entry.get("content") or [] if str(c.get("value", "")).strip()]
    if contents:
        best = max(contents, key=lambda c: len(_plain(c["value"])))
        return best["value"], "text" if best.get("type") == "text/plain" else "html"
    summary = entry.get("summary") or ""
    if len(_plain(summary)) >= MIN_SUMMARY_CHARS:
        kind = entry.get("summary_detail", {}).get("type")
        return summary, "text" if kind == "text/plain" else "html"
    return None


def _page(fragment: str, title: str | None) -> str:
    """Wrap an item's HTML fragment in a minimal page (title in <head>, not in the body)."""
    head = f"<title>{htmllib.escape(title)}</title>" if title else ""
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8">{head}</head>\n'
        f"<body><article>\n{fragment}\n</article></body></html>\n"
    )


def _byline(entry: Any) -> str | None:
    """The item's author name; RSS ``<author>`` is "email (Name)", and the name is wanted."""
    author = (entry.get("author") or "").strip()
    # feedparser's own split (author_detail) cuts long top-level domains short, so parse here.
    match = _EMAIL_NAME.match(author)
    return (match.group(1).strip() if match else author) or None


def _hints(entry: Any, feed: Any) -> dict[str, str]:
    values = {
        "title": _plain(entry.get("title") or "") or None,
        "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        "outlet": _plain(feed.get("title") or "") or None,
        "byline": _byline(entry),
        "language": feed.get("language") or None,
    }
    return {k: str(v).strip() for k, v in values.items() if v and str(v).strip()}


def _parse_failure(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    if exc is None:
        return "no items found"
    return str(exc).strip() or type(exc).__name__


def read_feed_bytes(
    data: bytes,
    config: Config,
    *,
    source: str,
    location: str,
    transport: httpx.BaseTransport | None = None,
    client: httpx.Client | None = None,
) -> Iterator[RawDocument | Rejection]:
    """The articles of a feed's bytes; ``location`` is the feed's path or URL."""
    parsed = feedparser.parse(data)  # bytes: feedparser never opens a URL or file
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            yield Rejection(
                source,
                "ingest",
                "malformed_feed",
                f"The feed is not well-formed XML and no items could be recovered "
                f"({_parse_failure(parsed)}); check the file is a complete RSS/Atom feed.",
            )
        else:
            yield Rejection(source, "ingest", "empty", "The feed has no items.")
        return
    feed = parsed.get("feed") or {}
    with ExitStack() as stack:
        for number, entry in enumerate(entries, start=1):
            try:
                item = _item(entry, feed, number, source=source, location=location)
                if isinstance(item, RawDocument):
                    yield item
                    continue
                if client is None:
                    from newsgraph.ingest.http import make_client

                    client = stack.enter_context(make_client(config, transport))
                yield _follow(entry, feed, config, client, source=source, number=number)
            except InputError as exc:
                yield exc.to_rejection(source)


def _item(entry: Any, feed: Any, number: int, *, source: str, location: str) -> RawDocument | str:
    """The item's RawDocument, or its link when it has no content and must be fetched."""
    hints = _hints(entry, feed)
    link = (entry.get("link") or "").strip() or None
    found = item_content(entry)
    label = f"Item {number}" + (f" ({hints['title']!r})" if "title" in hints else "")
    if found is not None:
        content, kind = found
        text = _page(content, hints.get("title")) if kind == "html" else content
        return RawDocument(
            source=source,
            location=f"{location}#item={number}",
            kind=kind,  # type: ignore[arg-type]  # "html" | "text"
            text=text,
            raw_hash=sha256_hex(f"{link or ''}\n{content}"),
            reader=READER,
            url=link,
            encoding="utf-8",
            hints=hints,
        )
    if link is None:
        raise InputError("no_content", f"{label} has neither article text nor a link.")
    return link


def _follow(
    entry: Any, feed: Any, config: Config, client: httpx.Client, *, source: str, number: int
) -> RawDocument:
    """Fetch the page of a content-less item, or explain how to."""
    hints = _hints(entry, feed)
    link = entry.get("link", "").strip()
    label = f"Item {number}" + (f" ({hints['title']!r})" if "title" in hints else "")
    if not config.follow_feed_links:
        raise InputError(
            "no_content",
            f"{label} has only a link, no article text; pass --follow-links (setting "
            f"follow_feed_links) to fetch {link}.",
        )
    from newsgraph.ingest.http import fetch

    try:
        doc = fetch(link, config, client=client)
    except InputError as exc:
        raise InputError(exc.reason_code, f"{label}: fetching {link} failed: {exc.detail}") from exc
    # The feed's metadata is the publisher's own statement: it wins over what the page says.
    return replace(doc, hints={**doc.hints, **hints})


def read_feed(
    path: Path,
    config: Config,
    *,
    compressed: bool = False,
    transport: httpx.BaseTransport | None = None,
) -> Iterator[RawDocument | Rejection]:
    """Read a feed file (up to ``config.max_container_bytes``), one article per item."""
    try:
        data = read_capped(
            path, config.max_container_bytes, compressed=compressed, setting="max_container_bytes"
        )
    except InputError as exc:
        yield exc.to_rejection(path.name)
        return
    yield from read_feed_bytes(
        data, config, source=path.name, location=str(path), transport=transport
    )

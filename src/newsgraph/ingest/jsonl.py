"""JSON Lines reader: one article per line (``.jsonl``, ``.ndjson``, optionally gzipped).

Each non-blank line is a JSON object with these fields (unknown fields are ignored):

==========  ========  ==================================================================
field       required  meaning
==========  ========  ==================================================================
text        one of    the article as plain text -> a RawDocument of kind "text"
html        one of    the article page as HTML -> kind "html" (wins when both are given)
url         no        the article's URL (``RawDocument.url``, its identity across versions)
title       no        headline                      -> ``hints["title"]``
published   no        publication date (ISO 8601 string, or a Unix timestamp in seconds)
                                                    -> ``hints["published"]`` (ISO 8601)
outlet      no        publication name              -> ``hints["outlet"]``
byline      no        author(s): a string or a list of strings -> ``hints["byline"]``
language    no        ISO 639-1 code such as "en"   -> ``hints["language"]``
id          no        the record's id in its source dataset -> ``hints["id"]``
==========  ========  ==================================================================

Example::

    {"url": "https://news.example/a", "title": "Talks resume", "text": "GENEVA — ...",
     "published": "2024-03-14T09:00:00Z", "outlet": "News Example", "byline": "A. Writer"}

Lines are streamed, never loaded all at once. The file may be up to
``config.max_container_bytes``; each line is capped at ``config.max_bytes``. A bad line
(invalid JSON, not an object, no text/html, too large) becomes a Rejection naming its line
number, and reading goes on with the next line. ``RawDocument.location`` is
``<path>#line=N`` (1-based); ``raw_hash`` is the SHA-256 of the line's bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsgraph.config import Config
from newsgraph.errors import InputError
from newsgraph.ingest.encoding import decode_bytes
from newsgraph.ingest.files import (
    GZIP_ERRORS,
    file_size,
    gzip_failure,
    open_binary,
    too_large,
    unreadable,
)
from newsgraph.model import RawDocument, Rejection, sha256_hex

READER = "newsgraph.ingest.jsonl.v1"

#: Optional string fields copied into ``RawDocument.hints``.
HINT_FIELDS = ("title", "published", "outlet", "byline", "language", "id")
_SKIP_CHUNK = 1 << 20


def _hint_value(name: str, value: Any) -> str | None:
    """A hint as a clean string, or None when absent or unusable."""
    if value is None or isinstance(value, bool):
        return None
    if name == "published" and isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, tz=UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if isinstance(value, list):
        parts = [
            str(v).strip() for v in value if isinstance(v, str | int | float) and str(v).strip()
        ]
        return ", ".join(parts) or None
    if isinstance(value, str | int | float):
        return str(value).strip() or None
    return None


def record_document(raw: bytes, *, source: str, location: str, line: int) -> RawDocument:
    """The article of one JSONL line; raise InputError naming the line when it is unusable."""
    where = f"Line {line}"
    try:
        decoded, _ = decode_bytes(raw)
    except InputError as exc:
        raise InputError("bad_encoding", f"{where}: {exc.detail}") from exc
    try:
        obj = json.loads(decoded)
    except ValueError as exc:
        raise InputError(
            "bad_json", f"{where} is not valid JSON ({exc}); fix or remove the line."
        ) from exc
    if not isinstance(obj, dict):
        raise InputError(
            "not_an_object",
            f"{where} is a JSON {type(obj).__name__}, not an object with a text or html field.",
        )
    html, text = obj.get("html"), obj.get("text")
    body, kind = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(body, str):
        raise InputError(
            "no_text",
            f'{where} has no "text" or "html" string field; add the article text under '
            "one of them.",
        )
    if not body.strip():
        raise InputError("empty", f'{where} has an empty "{kind}" field.')
    hints = {name: v for name in HINT_FIELDS if (v := _hint_value(name, obj.get(name)))}
    url = obj.get("url")
    return RawDocument(
        source=source,
        location=location,
        kind=kind,  # type: ignore[arg-type]  # "html" | "text"
        text=body,
        raw_hash=sha256_hex(raw),
        reader=READER,
        url=url.strip() if isinstance(url, str) and url.strip() else None,
        encoding="utf-8",
        hints=hints,
    )


def read_jsonl(
    path: Path, config: Config, *, compressed: bool = False
) -> Iterator[RawDocument | Rejection]:
    """Read a JSON Lines file, one article (or one Rejection) per non-blank line."""
    source = path.name
    try:
        size = file_size(path)
        if not compressed and size > config.max_container_bytes:
            raise too_large(
                f"The file {source}", size, config.max_container_bytes, "max_container_bytes"
            )
        yield from _lines(path, config, compressed=compressed)
    except InputError as exc:
        yield exc.to_rejection(source)


def _lines(path: Path, config: Config, *, compressed: bool) -> Iterator[RawDocument | Rejection]:
    source = path.name
    cap = config.max_bytes
    total = 0
    number = 0
    found = 0
    try:
        with open_binary(path, compressed=compressed) as handle:
            while True:
                line = handle.readline(cap + 2)  # content + "\r\n"
                if not line:
                    break
                number += 1
                total += len(line)
                if total > config.max_container_bytes:
                    raise too_large(
                        f"The decompressed file {source}",
                        None,
                        config.max_container_bytes,
                        "max_container_bytes",
                    )
                content = line.rstrip(b"\r\n")
                if len(content) > cap:
                    total += _skip_rest_of_line(handle, line)
                    found += 1
                    error = too_large(f"Line {number}", None, cap)
                    yield error.to_rejection(source)
                    continue
                if number == 1 and content.startswith(b"\xef\xbb\xbf"):
                    content = content[3:]
                if not content.strip():
                    continue
                found += 1
                try:
                    yield record_document(
                        content, source=source, location=f"{path}#line={number}", line=number
                    )
                except InputError as exc:
                    yield exc.to_rejection(source)
    except GZIP_ERRORS as exc:
        yield gzip_failure(exc).to_rejection(source)
        return
    except OSError as exc:
        yield unreadable(path, exc).to_rejection(source)
        return
    if not found:
        yield Rejection(source, "ingest", "empty", "The JSONL file holds no records.")


def _skip_rest_of_line(handle: Any, start: bytes) -> int:
    """Consume the rest of an over-long line without holding it; return the bytes skipped."""
    if start.endswith(b"\n"):
        return 0
    skipped = 0
    while chunk := handle.readline(_SKIP_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped

"""Plain-text reader: one file (optionally gzipped) is one article.

The whole file becomes one ``RawDocument`` of kind "text"; its ``raw_hash`` is the SHA-256 of
the (decompressed) bytes, so ``story.txt`` and ``story.txt.gz`` are the same input. Files over
``config.max_bytes`` are rejected (``too_large``) from their size before being read; empty or
whitespace-only files are rejected (``empty``); see ``encoding`` for how bytes are decoded.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from newsgraph.config import Config
from newsgraph.errors import InputError
from newsgraph.ingest.encoding import decode_bytes
from newsgraph.ingest.files import read_capped
from newsgraph.model import RawDocument, Rejection, sha256_hex

READER = "newsgraph.ingest.text.v1"


def text_document(
    data: bytes,
    *,
    source: str,
    location: str,
    url: str | None = None,
    declared: str | None = None,
    hints: Mapping[str, str] | None = None,
    reader: str = READER,
) -> RawDocument:
    """One text article from its bytes; raise InputError ("empty", "bad_encoding")."""
    text, encoding = decode_bytes(data, declared=declared)
    if not text.strip():
        raise InputError("empty", "The input holds no text (empty or only whitespace).")
    return RawDocument(
        source=source,
        location=location,
        kind="text",
        text=text,
        raw_hash=sha256_hex(data),
        reader=reader,
        url=url,
        encoding=encoding,
        hints=dict(hints or {}),
    )


def read_text(
    path: Path, config: Config, *, compressed: bool = False
) -> Iterator[RawDocument | Rejection]:
    """Read a text file (gunzipping it when ``compressed``) as one article."""
    try:
        data = read_capped(path, config.max_bytes, compressed=compressed)
        yield text_document(data, source=path.name, location=str(path))
    except InputError as exc:
        yield exc.to_rejection(path.name)

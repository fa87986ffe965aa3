"""Single-file readers: one text or HTML file (optionally gzipped) is one article.

Plain text becomes a ``RawDocument`` of kind "text"; an HTML page is kept whole as kind "html"
(extracting the article from it is the clean stage's job; its charset comes from a BOM, a
``<meta charset>``/``http-equiv`` declaration, or detection — see ``encoding``). The
``raw_hash`` is the SHA-256 of the (decompressed) bytes, so ``story.txt`` and ``story.txt.gz``
are the same input. Files over ``config.max_bytes`` are rejected (``too_large``) from their
size before being read; empty or whitespace-only files are rejected (``empty``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from newsgraph.config import Config
from newsgraph.errors import InputError
from newsgraph.ingest.encoding import decode_bytes
from newsgraph.ingest.files import read_capped
from newsgraph.model import ContentKind, RawDocument, Rejection, sha256_hex

READER = "newsgraph.ingest.text.v1"
HTML_READER = "newsgraph.ingest.html.v1"


def decoded_document(
    data: bytes,
    *,
    kind: ContentKind,
    source: str,
    location: str,
    url: str | None = None,
    declared: str | None = None,
    hints: Mapping[str, str] | None = None,
    reader: str | None = None,
) -> RawDocument:
    """One article from its bytes; raise InputError ("empty", "bad_encoding").

    ``declared`` is a charset stated outside the bytes (HTTP or WARC headers); for HTML it wins
    over the page's own ``<meta>`` declaration, as in browsers.
    """
    text, encoding = decode_bytes(data, declared=declared, html=kind == "html")
    if not text.strip():
        what = "page is empty" if kind == "html" else "input holds no text"
        raise InputError("empty", f"The {what} (no bytes, or only whitespace).")
    return RawDocument(
        source=source,
        location=location,
        kind=kind,
        text=text,
        raw_hash=sha256_hex(data),
        reader=reader or (HTML_READER if kind == "html" else READER),
        url=url,
        encoding=encoding,
        hints=dict(hints or {}),
    )


def text_document(data: bytes, **fields: object) -> RawDocument:
    """A plain-text article from its bytes (see ``decoded_document`` for the fields)."""
    return decoded_document(data, kind="text", **fields)  # type: ignore[arg-type]


def html_document(data: bytes, **fields: object) -> RawDocument:
    """An HTML page from its bytes (see ``decoded_document`` for the fields)."""
    return decoded_document(data, kind="html", **fields)  # type: ignore[arg-type]


def _read_single(
    path: Path, config: Config, kind: ContentKind, compressed: bool
) -> Iterator[RawDocument | Rejection]:
    try:
        data = read_capped(path, config.max_bytes, compressed=compressed)
        yield decoded_document(data, kind=kind, source=path.name, location=str(path))
    except InputError as exc:
        yield exc.to_rejection(path.name)


def read_text(
    path: Path, config: Config, *, compressed: bool = False
) -> Iterator[RawDocument | Rejection]:
    """Read a text file (gunzipping it when ``compressed``) as one article."""
    return _read_single(path, config, "text", compressed)


def read_html(
    path: Path, config: Config, *, compressed: bool = False
) -> Iterator[RawDocument | Rejection]:
    """Read a saved HTML page (gunzipping it when ``compressed``) as one article."""
    return _read_single(path, config, "html", compressed)

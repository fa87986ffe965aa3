"""HTML reader: one saved web page (optionally gzipped) is one article.

The page source is kept whole in a ``RawDocument`` of kind "html"; extracting the article from
it is the clean stage's job. The charset comes from a BOM, a ``<meta charset>`` or
``http-equiv`` declaration, or detection (see ``encoding``). Size cap, empty pages and gzip
damage are handled as for plain text.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from newsgraph.config import Config
from newsgraph.errors import InputError
from newsgraph.ingest.encoding import decode_bytes
from newsgraph.ingest.files import read_capped
from newsgraph.model import RawDocument, Rejection, sha256_hex

READER = "newsgraph.ingest.html.v1"


def html_document(
    data: bytes,
    *,
    source: str,
    location: str,
    url: str | None = None,
    declared: str | None = None,
    hints: Mapping[str, str] | None = None,
    reader: str = READER,
) -> RawDocument:
    """One HTML page from its bytes; raise InputError ("empty", "bad_encoding").

    ``declared`` is a charset stated outside the page (HTTP or WARC headers); it wins over the
    page's own ``<meta>`` declaration, as in browsers.
    """
    text, encoding = decode_bytes(data, declared=declared, html=True)
    if not text.strip():
        raise InputError("empty", "The page is empty (no bytes, or only whitespace).")
    return RawDocument(
        source=source,
        location=location,
        kind="html",
        text=text,
        raw_hash=sha256_hex(data),
        reader=reader,
        url=url,
        encoding=encoding,
        hints=dict(hints or {}),
    )


def read_html(
    path: Path, config: Config, *, compressed: bool = False
) -> Iterator[RawDocument | Rejection]:
    """Read a saved HTML page (gunzipping it when ``compressed``) as one article."""
    try:
        data = read_capped(path, config.max_bytes, compressed=compressed)
        yield html_document(data, source=path.name, location=str(path))
    except InputError as exc:
        yield exc.to_rejection(path.name)

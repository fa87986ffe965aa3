"""WARC reader: the HTML pages of a web archive (``.warc`` or ``.warc.gz``).

Read records (numbered from 1 in archive order, ``warcinfo`` and ``request`` records included,
so ``#record=N`` points at the same record for every tool):

- ``response`` records with HTTP status 200 and an HTML content type (``text/html``,
  ``application/xhtml+xml``);
- ``resource`` records whose WARC ``Content-Type`` is HTML.

Each becomes a ``RawDocument`` of kind "html" with ``url`` = ``WARC-Target-URI``,
``hints["fetched"]`` = ``WARC-Date``, the charset of the HTTP ``Content-Type`` header as the
declared encoding, ``location`` = ``<path>#record=N`` and ``raw_hash`` = SHA-256 of the
payload (after transfer and content decoding). All other records (requests, metadata, images,
redirects, errors) are not articles: they are skipped without a Rejection and counted in
``WarcStats``. A payload over ``config.max_bytes`` is rejected (``too_large``) on its own.

A truncated or corrupt archive yields every record read before the damage, then one Rejection
``truncated`` (``malformed_warc`` when not even the first record could be parsed).

gzip archives are decompressed by ``files.GunzipStream`` rather than by warcio, because warcio
silently drops a truncated final gzip member and truncation must be reported.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.config import Config
from newsgraph.errors import InputError
from newsgraph.ingest.encoding import charset_from_content_type
from newsgraph.ingest.files import GZIP_ERRORS, GunzipStream, file_size, open_binary, too_large
from newsgraph.ingest.html import html_document
from newsgraph.model import RawDocument, Rejection

READER = "newsgraph.ingest.warc.v1"
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16

log = logging.getLogger(__name__)


@dataclass(slots=True)
class WarcStats:
    """What one archive held: records seen, articles yielded, records skipped (not articles)."""

    records: int = 0
    documents: int = 0
    skipped: int = 0
    rejected: int = 0


class _Damaged(Exception):
    """The archive's bytes end early or are corrupt (never an EOFError: warcio swallows those)."""


class _GuardedStream:
    """A binary stream for warcio that reports gzip damage as ``_Damaged``."""

    def __init__(self, raw: BinaryIO | GunzipStream) -> None:
        self._raw = raw

    def read(self, size: int = -1) -> bytes:
        try:
            return self._raw.read(size)
        except GZIP_ERRORS as exc:
            raise _Damaged(str(exc) or type(exc).__name__) from exc

    def readline(self, size: int = -1) -> bytes:
        try:
            return self._raw.readline(size)
        except GZIP_ERRORS as exc:
            raise _Damaged(str(exc) or type(exc).__name__) from exc

    def tell(self) -> int:
        return self._raw.tell()


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _article_content_type(record: Any) -> str | None:
    """The Content-Type of an article record, or None when the record is not an article."""
    if record.rec_type == "response":
        http = record.http_headers
        if http is None or http.get_statuscode() != "200":
            return None
        content_type = http.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type")
    else:
        return None
    return content_type if _media_type(content_type) in HTML_TYPES else None


def _drain(stream: Any) -> None:
    while stream.read(_CHUNK):
        pass


def read_warc(
    path: Path,
    config: Config,
    *,
    compressed: bool = False,
    stats: WarcStats | None = None,
) -> Iterator[RawDocument | Rejection]:
    """Read the HTML pages of a WARC file; ``stats`` (if given) is filled in as it goes."""
    source = path.name
    stats = stats if stats is not None else WarcStats()
    try:
        size = file_size(path)
        if size > config.max_container_bytes:
            raise too_large(
                f"The archive {source}", size, config.max_container_bytes, "max_container_bytes"
            )
        with open_binary(path, compressed=False) as handle:
            stream = _GuardedStream(GunzipStream(handle) if compressed else handle)
            yield from _records(path, config, stream, stats)
    except InputError as exc:
        yield exc.to_rejection(source)
    log.info(
        "%s: %d records, %d articles, %d skipped as not articles, %d rejected",
        source,
        stats.records,
        stats.documents,
        stats.skipped,
        stats.rejected,
    )


def _records(
    path: Path, config: Config, stream: _GuardedStream, stats: WarcStats
) -> Iterator[RawDocument | Rejection]:
    source = path.name
    cap = config.max_bytes
    try:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if record.format != "warc":
                # warcio falls back to the old ARC format for lines it cannot read as WARC;
                # ingest routes only WARC here, so such a "record" is text, not an archive.
                raise ArchiveLoadFailed(f"record {number} is not a WARC record")
            stats.records = number
            content_type = _article_content_type(record)
            body = b""
            if content_type is not None:
                payload = record.content_stream()
                body = payload.read(cap + 1)
                _drain(payload)
            _drain(record.raw_stream)
            if getattr(record.raw_stream, "limit", 0) > 0:
                # The record's Content-Length promised more bytes than the archive holds.
                raise _Damaged(f"record {number} ends early")
            if content_type is None:
                stats.skipped += 1
                continue
            target = record.rec_headers.get_header("WARC-Target-URI")
            location = f"{path}#record={number}"
            try:
                if len(body) > cap:
                    raise too_large(f"Record {number} ({target})", None, cap)
                hints = {}
                if fetched := record.rec_headers.get_header("WARC-Date"):
                    hints["fetched"] = fetched
                doc = html_document(
                    body,
                    source=source,
                    location=location,
                    url=target or None,
                    declared=charset_from_content_type(content_type),
                    hints=hints,
                    reader=READER,
                )
            except InputError as exc:
                stats.rejected += 1
                yield InputError(exc.reason_code, f"Record {number}: {exc.detail}").to_rejection(
                    source
                )
                continue
            stats.documents += 1
            yield doc
    except ArchiveLoadFailed as exc:
        if stats.records == 0:
            yield Rejection(
                source,
                "ingest",
                "malformed_warc",
                f"This is not a readable WARC archive ({_first_line(exc)}); check the file.",
            )
            return
        yield _truncated(source, stats, str(exc))
    except (_Damaged, EOFError, zlib.error, ValueError) as exc:
        yield _truncated(source, stats, str(exc))
        return
    if stats.records == 0:
        yield Rejection(
            source,
            "ingest",
            "malformed_warc",
            "No WARC record could be read from this file; check it is a WARC archive.",
        )


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _truncated(source: str, stats: WarcStats, why: str) -> Rejection:
    stats.rejected += 1
    return Rejection(
        source,
        "ingest",
        "truncated",
        f"The archive is truncated or corrupt after record {stats.records} "
        f"({why.strip().splitlines()[0] if why.strip() else 'unexpected end'}); the "
        f"{stats.documents} article(s) before the damage were read. Fetch or copy the file again.",
    )

"""Choose the reader for a file from its name and its first bytes.

By extension: ``.txt .text .md`` -> text; ``.html .htm .xhtml`` -> html; ``.jsonl .ndjson`` ->
jsonl; ``.warc`` -> warc; ``.rss .atom .xml .feed`` -> feed. A ``.gz`` suffix (or gzip content
under any name) is a wrapper: the inner name and the decompressed head decide.

Unknown extensions are sniffed: ``<!doctype html`` / ``<html`` -> html; ``<?xml`` with ``<rss``,
``<feed`` or ``<rdf:RDF`` -> feed; ``WARC/1.`` -> warc; a first line holding a JSON object ->
jsonl; anything else that is not binary -> text (decoding may still reject it later).

Binary content is recognised by magic number (``data/ingest_magic.tsv``), NUL bytes (outside
UTF-16) or a high share of control characters, and rejected with reason ``binary`` naming the
detected type. Two content checks override the extension: a binary file under any name is
rejected, and a ``.txt``/``.xml`` file whose content is plainly an HTML page is read as HTML.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.encoding import bom_encoding, utf16_without_bom
from newsgraph.ingest.files import gunzip_head, is_gzip, read_head

#: Reader kinds, each the name of a reader module (``feed`` is read by ``feeds.py``).
KINDS = ("text", "html", "jsonl", "warc", "feed")

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".feed": "feed",
}

# Control bytes other than tab, newline, vertical tab, form feed, carriage return and escape.
_CONTROL = frozenset(
    set(range(0x00, 0x09)) | set(range(0x0E, 0x1B)) | {0x1C, 0x1D, 0x1E, 0x1F, 0x7F}
)
_MAX_CONTROL_SHARE = 0.05


@dataclass(frozen=True, slots=True)
class Sniffed:
    """The verdict on one file: which reader, and whether to gunzip it first."""

    kind: str
    compressed: bool = False


@cache
def magic_numbers() -> tuple[tuple[int, bytes, str], ...]:
    """(offset, signature, format name) rows of ``data/ingest_magic.tsv``."""
    text = resources.files("newsgraph.data").joinpath("ingest_magic.tsv").read_text("utf-8")
    rows: list[tuple[int, bytes, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        offset, signature, name = line.split("\t")
        rows.append((int(offset), bytes.fromhex(signature), name.strip()))
    return tuple(rows)


def kind_from_name(name: str) -> str | None:
    """The reader kind a file name's extension implies (after removing ``.gz``), or None."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return EXTENSIONS.get(Path(lower).suffix)


def binary_type(head: bytes) -> str | None:
    """A description of the binary format of ``head``, or None when it may be text."""
    for offset, signature, name in magic_numbers():
        if head[offset : offset + len(signature)] == signature:
            return name
    if bom_encoding(head) is not None or utf16_without_bom(head) is not None:
        return None
    if not head:
        return None
    if b"\x00" in head:
        return "unknown binary data (contains NUL bytes)"
    controls = sum(1 for byte in head if byte in _CONTROL)
    if controls / len(head) > _MAX_CONTROL_SHARE:
        return f"unknown binary data ({100 * controls // len(head)}% control bytes)"
    return None


def _probe(head: bytes) -> str:
    """The head as lower-case text, good enough to look for markers such as ``<html``."""
    bom = bom_encoding(head)
    encoding = bom[0] if bom else utf16_without_bom(head)
    if encoding:
        text = head[bom[1] if bom else 0 :].decode(encoding, "ignore")
    else:
        text = head.decode("latin-1")
    return text.lstrip().lower()


def _looks_like_html(probe: str) -> bool:
    return probe.startswith(("<!doctype html", "<html")) or (
        probe.startswith("<") and ("<body" in probe or "<head" in probe) and "<rss" not in probe
    )


def _looks_like_feed(probe: str) -> bool:
    return any(marker in probe for marker in ("<rss", "<feed", "<rdf:rdf"))


def sniff_content(head: bytes) -> str:
    """The reader kind for a file with no telling extension, from its first bytes."""
    probe = _probe(head)
    if probe.startswith("warc/1."):
        return "warc"
    if _looks_like_html(probe):
        return "html"
    if probe.startswith("<?xml") or _looks_like_feed(probe[:200]):
        # XML that is neither a feed nor XHTML goes to the feed reader, which names the problem.
        return "feed"
    if probe.startswith("{"):
        first, newline, _ = probe.partition("\n")
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except ValueError:
            # The head may cut a long first line short: a JSON key start is evidence enough.
            if not newline and first.startswith('{"'):
                return "jsonl"
    return "text"


def _binary_error(name: str, kind: str) -> InputError:
    return InputError(
        "binary",
        f"{name} is {kind}, not a text, HTML, JSONL, WARC or feed file; remove it from the "
        "input or convert it to text first.",
    )


def sniff_file(path: Path) -> Sniffed:
    """Decide how to read ``path``; raise InputError ("binary", "empty", "unreadable")."""
    head = read_head(path)
    if not head:
        raise InputError("empty", f"{path.name} is an empty file (0 bytes); nothing to ingest.")
    compressed = is_gzip(head)
    inner = gunzip_head(path) if compressed else head
    by_name = kind_from_name(path.name)
    if by_name == "warc" or (compressed and inner.startswith(b"WARC/1.")):
        # WARC payloads may be images; the WARC reader picks the HTML records itself.
        return Sniffed("warc", compressed)
    if compressed and not inner:
        # A damaged gzip stream: let the reader decompress it and say how it is damaged.
        return Sniffed(by_name or "text", compressed)
    detected = binary_type(inner)
    if detected is not None:
        raise _binary_error(path.name, detected)
    if by_name is None:
        return Sniffed(sniff_content(inner), compressed)
    if by_name in {"text", "feed"} and _looks_like_html(_probe(inner)):
        return Sniffed("html", compressed)
    return Sniffed(by_name, compressed)

"""Ingest: turn paths, folders and URLs into ``RawDocument`` records (or ``Rejection``s).

Public entry points (used by ``newsgraph.pipeline``)::

    expand_targets(targets) -> Iterator[InputTarget | Rejection]       # walk.py
    read_target(target, config, *, transport=None) -> Iterator[RawDocument | Rejection]
    iter_inputs(targets, config, *, transport=None) -> Iterator[RawDocument | Rejection]

One module per concern: ``walk`` (folders, links, hidden files), ``sniff`` (which reader),
``files`` (size caps, gzip), ``encoding`` (bytes -> str), and one reader per format: ``text``,
``html``, ``jsonl``, ``warc``, ``feeds``, ``http``. Each reader module has a ``READER`` name
(``"newsgraph.ingest.<kind>.v1"``) stamped on the documents it makes.

Fault tolerance: a bad record becomes a Rejection and its file goes on; a bad file becomes a
Rejection and the run goes on. ``read_target`` never raises for bad input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import httpx

from newsgraph.config import Config
from newsgraph.errors import InputError
from newsgraph.ingest.feeds import read_feed
from newsgraph.ingest.html import read_html
from newsgraph.ingest.http import read_http
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.ingest.sniff import sniff_file
from newsgraph.ingest.text import read_text
from newsgraph.ingest.walk import InputTarget, walk
from newsgraph.ingest.warc import read_warc
from newsgraph.model import RawDocument, Rejection

__all__ = ["FILE_READERS", "InputTarget", "expand_targets", "iter_inputs", "read_target"]

FileReader = Callable[..., Iterator[RawDocument | Rejection]]

#: Sniffed kind -> reader of local files, called as ``reader(path, config, compressed=...)``.
FILE_READERS: dict[str, FileReader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
    "feed": read_feed,
}


def expand_targets(targets: Iterable[str]) -> Iterator[InputTarget | Rejection]:
    """Files and URLs named by ``targets``; folders recursively, sorted, links loop-safe."""
    return walk(targets)


def read_target(
    target: InputTarget, config: Config, *, transport: httpx.BaseTransport | None = None
) -> Iterator[RawDocument | Rejection]:
    """The articles of one file or URL, each bad record or file as a Rejection."""
    source = target.location if target.is_url else Path(target.location).name
    try:
        if target.is_url:
            yield from read_http(target.location, config, transport=transport)
            return
        path = Path(target.location)
        sniffed = sniff_file(path)
        reader = FILE_READERS[sniffed.kind]
        if sniffed.kind == "feed":
            yield from reader(path, config, compressed=sniffed.compressed, transport=transport)
        else:
            yield from reader(path, config, compressed=sniffed.compressed)
    except InputError as exc:
        yield exc.to_rejection(source)
    except Exception as exc:  # noqa: BLE001 -- one bad file must never stop the run
        yield Rejection(
            source,
            "ingest",
            "reader_error",
            f"Unexpected {type(exc).__name__} while reading ({exc}); this is a newsgraph bug, "
            "please report it with the file.",
        )


def iter_inputs(
    targets: Iterable[str], config: Config, *, transport: httpx.BaseTransport | None = None
) -> Iterator[RawDocument | Rejection]:
    """``expand_targets`` then ``read_target`` for each input, in order."""
    for item in expand_targets(targets):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_target(item, config, transport=transport)

"""Expand the user's targets (files, folders, URLs) into a deterministic list of inputs.

- Folders are walked recursively, entries sorted by name, so two runs over the same tree read
  the same files in the same order.
- Hidden entries (names starting with ".") inside folders are skipped; a hidden file named
  explicitly on the command line is read.
- Symbolic links are followed, but every folder's real path is tracked: a link back to a folder
  being walked is reported as ``symlink_loop`` (and the walk goes on); a folder reached twice
  by different routes, or a file named twice, is read once.
- Files are identified by their real (resolved) absolute path, which becomes
  ``RawDocument.location``.

Problems become ``Rejection`` records (stage "ingest") whose ``source`` is the path as found:
``not_found``, ``unreadable``, ``symlink_loop``, ``not_a_file`` and ``unsupported_url``.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from newsgraph.model import Rejection

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


@dataclass(frozen=True, slots=True)
class InputTarget:
    """One file or URL to read."""

    location: str  # absolute (real) path, or URL
    is_url: bool = False


def _reject(source: str, reason: str, detail: str) -> Rejection:
    return Rejection(source, "ingest", reason, detail)


class _Walker:
    """State of one expansion: what was already yielded, to read everything once."""

    def __init__(self) -> None:
        self.files: set[str] = set()
        self.dirs: set[str] = set()
        self.urls: set[str] = set()

    def target(self, raw: str) -> Iterator[InputTarget | Rejection]:
        text = raw.strip()
        if text.lower().startswith(("http://", "https://")):
            if text not in self.urls:
                self.urls.add(text)
                yield InputTarget(text, is_url=True)
            return
        if text.lower().startswith("file://"):
            text = unquote(urlparse(text).path)
        elif _SCHEME.match(text):
            yield _reject(
                text,
                "unsupported_url",
                "Only http:// and https:// URLs can be fetched; download the page and ingest "
                "the file instead.",
            )
            return
        path = os.path.abspath(os.path.expanduser(text))
        yield from self.path(path, ())

    def path(self, path: str, ancestors: tuple[str, ...]) -> Iterator[InputTarget | Rejection]:
        """Classify one path (following links) and yield what it holds."""
        try:
            info = os.stat(path)
        except OSError as exc:
            yield _stat_problem(path, exc)
            return
        if stat.S_ISDIR(info.st_mode):
            yield from self.folder(path, ancestors)
        elif stat.S_ISREG(info.st_mode):
            real = os.path.realpath(path)
            if real in self.files:
                return
            self.files.add(real)
            if not os.access(path, os.R_OK):
                yield _reject(
                    path, "unreadable", "Permission denied reading the file; check its permissions."
                )
                return
            yield InputTarget(real)
        else:
            yield _reject(
                path,
                "not_a_file",
                "This is a device, socket or pipe, not a file; give regular files or folders.",
            )

    def folder(self, path: str, ancestors: tuple[str, ...]) -> Iterator[InputTarget | Rejection]:
        real = os.path.realpath(path)
        if real in ancestors:
            yield _reject(
                path,
                "symlink_loop",
                f"This link points back to {real}, a folder being read already; it was skipped.",
            )
            return
        if real in self.dirs:
            return  # reached again by another route: its files were read already
        self.dirs.add(real)
        try:
            with os.scandir(path) as listing:
                names = sorted(entry.name for entry in listing)
        except OSError as exc:
            yield _reject(
                path,
                "unreadable",
                f"Cannot list this folder ({exc.strerror or exc}); check its permissions.",
            )
            return
        for name in names:
            if name.startswith("."):
                continue
            yield from self.path(os.path.join(path, name), (*ancestors, real))


def _stat_problem(path: str, exc: OSError) -> Rejection:
    if exc.errno == errno.ELOOP:
        return _reject(
            path,
            "symlink_loop",
            "This symbolic link resolves to itself through a chain of links; fix or remove it.",
        )
    if isinstance(exc, PermissionError):
        return _reject(path, "unreadable", "Permission denied; check the path's permissions.")
    if os.path.lexists(path):
        return _reject(
            path, "not_found", "This symbolic link points to a file that does not exist."
        )
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return _reject(path, "not_found", "No such file or folder; check the path.")
    return _reject(path, "unreadable", f"Cannot read this path: {exc.strerror or exc}.")


def walk(targets: Iterable[str]) -> Iterator[InputTarget | Rejection]:
    """Inputs named by ``targets`` (paths, folders, URLs), each file and URL once, in order."""
    walker = _Walker()
    for raw in targets:
        yield from walker.target(raw)

"""Reading local files safely: size caps checked before reading, gzip streamed with a cap.

Every function here turns operating-system and gzip failures into ``InputError`` with one of
the reason codes ``too_large``, ``truncated`` (a gzip stream that ends early), ``corrupt`` (a
gzip stream with bad data) or ``unreadable`` (permission or I/O error), so readers never see a
raw ``OSError`` or ``zlib.error``.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from newsgraph.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"
HEAD_BYTES = 8192
_CHUNK = 1 << 20


def is_gzip(head: bytes) -> bool:
    """True when ``head`` starts with the gzip magic number."""
    return head.startswith(GZIP_MAGIC)


def human_size(size: int) -> str:
    """A byte count as a short human string ("12.3 MB")."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{int(value)} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    raise AssertionError("unreachable")


def too_large(what: str, size: int | None, limit: int, setting: str = "max_bytes") -> InputError:
    """The InputError for an input over a size cap, naming the setting to raise."""
    amount = f"{human_size(size)}, which is" if size is not None else "it is"
    flag = " (--max-bytes)" if setting == "max_bytes" else ""
    return InputError(
        "too_large",
        f"{what} is {amount} over the {human_size(limit)} limit; raise the {setting} "
        f"setting{flag} if it really should be read.",
    )


def unreadable(path: Path, exc: OSError) -> InputError:
    """The InputError for a file the operating system will not let us read."""
    return InputError(
        "unreadable",
        f"Cannot read {path}: {exc.strerror or exc}. Check the file's permissions.",
    )


def gzip_failure(exc: Exception) -> InputError:
    """The InputError for a gzip stream that ends early or holds bad data."""
    if isinstance(exc, EOFError):
        return InputError(
            "truncated",
            "The gzip file ends before its end marker (an interrupted download or copy?); "
            "fetch or copy it again.",
        )
    return InputError(
        "corrupt",
        f"The gzip data is damaged ({exc}); fetch or copy the file again.",
    )


#: Exceptions raised by the gzip module on bad input.
GZIP_ERRORS: tuple[type[Exception], ...] = (EOFError, gzip.BadGzipFile, zlib.error)


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The first ``size`` bytes of a file."""
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise unreadable(path, exc) from exc


def gunzip_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The first ``size`` decompressed bytes of a gzip file (less if it is short or damaged).

    Sniffing needs only a peek, so a damaged stream is not an error here: the reader that
    decompresses the whole file reports it.
    """
    decompressor = zlib.decompressobj(wbits=31)
    out = b""
    try:
        with path.open("rb") as handle:
            while len(out) < size:
                chunk = handle.read(16384)
                if not chunk:
                    break
                out += decompressor.decompress(chunk, size - len(out))
                if decompressor.eof:
                    break
    except OSError as exc:
        raise unreadable(path, exc) from exc
    except zlib.error:
        pass
    return out[:size]


@contextmanager
def open_binary(path: Path, *, compressed: bool) -> Iterator[BinaryIO]:
    """Open a file for binary reading, decompressing gzip on the fly when ``compressed``."""
    try:
        handle: BinaryIO = gzip.open(path, "rb") if compressed else path.open("rb")  # type: ignore[assignment]
    except OSError as exc:
        raise unreadable(path, exc) from exc
    with handle:
        yield handle


def read_capped(
    path: Path, max_bytes: int, *, compressed: bool = False, setting: str = "max_bytes"
) -> bytes:
    """All bytes of a file (decompressed if ``compressed``), refusing more than ``max_bytes``.

    ``setting`` names the setting that holds the cap, for the Rejection's advice.

    A plain file's size is checked with ``stat`` before anything is read; a gzip file is
    decompressed in chunks and abandoned as soon as it passes the cap, so a 10 GB input (or a
    gzip bomb) costs no memory.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise unreadable(path, exc) from exc
    if not compressed and size > max_bytes:
        raise too_large(f"The file {path.name}", size, max_bytes, setting)
    buffer = io.BytesIO()
    try:
        with open_binary(path, compressed=compressed) as handle:
            while True:
                chunk = handle.read(min(_CHUNK, max_bytes + 1 - buffer.tell()) or 1)
                if not chunk:
                    break
                buffer.write(chunk)
                if buffer.tell() > max_bytes:
                    raise too_large(f"The decompressed file {path.name}", None, max_bytes, setting)
    except GZIP_ERRORS as exc:
        raise gzip_failure(exc) from exc
    except OSError as exc:
        raise unreadable(path, exc) from exc
    return buffer.getvalue()


def file_size(path: Path) -> int:
    """Size of a file in bytes, as an InputError("unreadable") when stat fails."""
    try:
        return os.stat(path).st_size
    except OSError as exc:
        raise unreadable(path, exc) from exc


class GunzipStream:
    """Incremental reader of a (multi-member) gzip file that loses nothing before damage.

    ``gzip.GzipFile.read`` raises ``EOFError`` for a truncated file and discards the data it
    decompressed in the same call; this reader first returns every byte that can be recovered,
    and only then raises ``EOFError`` (truncated) or ``zlib.error`` (corrupt). Used for
    archives, where the records before the damage are worth keeping.
    """

    def __init__(self, raw: BinaryIO, chunk: int = 1 << 16) -> None:
        self._raw = raw
        self._chunk = chunk
        self._decompressor: Any = zlib.decompressobj(wbits=31)
        self._buffer = bytearray()
        self._error: Exception | None = None
        self._done = False
        self._position = 0

    def _feed(self, data: bytes) -> None:
        while data:
            if self._decompressor is None:
                if not data.startswith(GZIP_MAGIC):
                    if data.strip(b"\x00"):  # NUL padding after the last member is harmless
                        raise zlib.error("data after the end of the gzip stream is not gzip")
                    return
                self._decompressor = zlib.decompressobj(wbits=31)
            self._buffer += self._decompressor.decompress(data)
            if not self._decompressor.eof:
                return
            data = self._decompressor.unused_data
            self._decompressor = None

    def _fill(self, want: int) -> None:
        while len(self._buffer) < want and not self._done:
            try:
                data = self._raw.read(self._chunk)
                if not data:
                    self._done = True
                    if self._decompressor is not None:
                        raise EOFError("gzip stream ends before its end-of-stream marker")
                    break
                self._feed(data)
            except (EOFError, zlib.error) as exc:
                self._error, self._done = exc, True

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` decompressed bytes (all that is left for a negative size)."""
        want = size if size is not None and size >= 0 else 1 << 62
        self._fill(want)
        if not self._buffer and self._error is not None:
            error, self._error = self._error, None
            raise error
        out = bytes(self._buffer[:want])
        del self._buffer[:want]
        self._position += len(out)
        return out

    def tell(self) -> int:
        """Decompressed bytes returned so far."""
        return self._position

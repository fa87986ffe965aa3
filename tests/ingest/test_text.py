"""Plain-text files: the seed corpus, gzip, encodings, size caps and bad files."""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path

from newsgraph.config import Config
from newsgraph.ingest import InputTarget, iter_inputs, read_target
from newsgraph.ingest.text import READER, read_text
from newsgraph.model import RawDocument, Rejection, sha256_hex


def _read(path: Path, config: Config | None = None) -> list[RawDocument | Rejection]:
    return list(read_target(InputTarget(str(path.resolve())), config or Config()))


def test_seed_files_are_five_text_documents(seeds_dir: Path, seed_texts: dict[str, str]) -> None:
    docs = list(iter_inputs([str(seeds_dir)], Config()))
    assert len(docs) == 5 and all(isinstance(d, RawDocument) for d in docs)
    assert [d.source for d in docs] == sorted(seed_texts)  # type: ignore[union-attr]
    for doc in docs:
        assert isinstance(doc, RawDocument)
        path = seeds_dir / doc.source
        assert doc.kind == "text" and doc.reader == READER == "newsgraph.ingest.text.v1"
        assert doc.text == seed_texts[doc.source]
        assert doc.location == str(path.resolve())
        assert doc.raw_hash == sha256_hex(path.read_bytes())
        assert doc.url is None and doc.encoding == "utf-8"


def test_text_file_and_its_gzip_are_the_same_input(tmp_path: Path, samples) -> None:
    plain = tmp_path / "ferry.txt"
    plain.write_text(samples.article, encoding="utf-8")
    packed = tmp_path / "ferry.txt.gz"
    packed.write_bytes(gzip.compress(samples.article.encode()))
    (doc_a,) = _read(plain)
    (doc_b,) = _read(packed)
    assert isinstance(doc_a, RawDocument) and isinstance(doc_b, RawDocument)
    assert doc_a.text == doc_b.text == samples.article
    assert doc_a.raw_hash == doc_b.raw_hash
    assert doc_b.source == "ferry.txt.gz" and doc_b.kind == "text"


def test_cp1252_and_utf16_files_decode(tmp_path: Path, samples) -> None:
    western = samples.article.replace("Ines", "Inès")
    (tmp_path / "a.txt").write_bytes(western.encode("cp1252"))
    (tmp_path / "b.txt").write_bytes(samples.article.encode("utf-16"))
    a, b = _read(tmp_path / "a.txt")[0], _read(tmp_path / "b.txt")[0]
    assert isinstance(a, RawDocument) and a.text == western and a.encoding == "cp1252"
    assert isinstance(b, RawDocument) and b.text == samples.article and b.encoding == "utf-16-le"


def test_empty_whitespace_binary_and_garbage(tmp_path: Path) -> None:
    files = {
        "empty.txt": b"",
        "blank.txt": b"  \n\n\t  \r\n",
        "logo.txt": b"\x89PNG\r\n\x1a\n" + os.urandom(1024),
        "noise.txt": os.urandom(5000),
        "mojibake.txt": bytes([0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE, 0x80, 0x81]) * 300,
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    got = {r.source: r.reason_code for r in iter_inputs([str(tmp_path)], Config())}
    assert got == {
        "blank.txt": "empty",
        "empty.txt": "empty",
        "logo.txt": "binary",
        "mojibake.txt": "bad_encoding",
        "noise.txt": "binary",
    }


def test_50_mb_file_is_too_large_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.write(b"Council approves budget after long debate.\n" * 400)  # text to sniff
        handle.truncate(50_000_000)  # the rest is sparse: instant to create, 50 MB by stat
    started = time.perf_counter()
    (rejection,) = _read(big)
    assert time.perf_counter() - started < 0.5
    assert isinstance(rejection, Rejection) and rejection.reason_code == "too_large"
    assert "50.0 MB" in rejection.detail and "max_bytes" in rejection.detail


def test_gzip_over_the_cap_is_stopped_early(tmp_path: Path, samples) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(samples.article.encode() * 20_000))  # ~9 MB inflated
    started = time.perf_counter()
    (rejection,) = _read(bomb, Config(max_bytes=100_000))
    assert time.perf_counter() - started < 0.5
    assert isinstance(rejection, Rejection) and rejection.reason_code == "too_large"


def test_truncated_and_corrupt_gzip(tmp_path: Path, samples) -> None:
    data = gzip.compress(samples.article.encode() * 20)
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    damaged = bytearray(data)
    damaged[len(data) // 2 : len(data) // 2 + 8] = b"\xff" * 8
    (tmp_path / "bad.txt.gz").write_bytes(bytes(damaged))
    got = {r.source: r.reason_code for r in iter_inputs([str(tmp_path)], Config())}
    assert got == {"cut.txt.gz": "truncated", "bad.txt.gz": "corrupt"}


def test_read_text_directly(tmp_path: Path, samples) -> None:
    path = tmp_path / "story.md"
    path.write_text(samples.article)
    (doc,) = read_text(path, Config())
    assert isinstance(doc, RawDocument) and doc.source == "story.md" and doc.hints == {}

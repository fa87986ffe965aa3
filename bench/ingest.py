"""Ingest speed and memory: documents/s and peak RSS for text and HTML ingest.

Generates a corpus of synthetic articles (our own template text, with page junk around it),
then times the full pipeline (read + clean + store into a fresh SQLite file) in one process.
For HTML it also times bare ``trafilatura.extract`` on the same pages and prints the ratio.

    python bench/ingest.py                 # 5,000 text + 5,000 HTML documents
    python bench/ingest.py --docs 1000     # quicker
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["BEIRUT", "GAZA CITY", "JERUSALEM", "AMMAN", "CAIRO", "BAGHDAD", "DAMASCUS", "TEHRAN"]
ACTORS = [
    "the army", "the militant group", "the foreign ministry", "a senior official",
    "the ruling coalition", "the opposition bloc", "the health ministry", "rescue teams",
]  # fmt: skip
VERBS = [
    "said", "warned", "announced", "denied", "confirmed", "reported", "rejected", "welcomed",
]  # fmt: skip
OBJECTS = [
    "a new round of talks", "the ceasefire proposal", "reports of casualties near the border",
    "plans to reopen the crossing", "a shipment of medical aid", "the overnight strikes",
    "calls for an independent inquiry", "the arrest of two suspects",
]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
JUNK_HEAD = ["Home > World > Middle East", "Menu", "World News"]
JUNK_TAIL = [
    "Related",
    "- Markets rally as oil prices slip",
    "- Five things to know this week",
    "- Opinion: what comes next",
    "Do you like this article?",
    "Subscribe to our newsletter",
    "All rights reserved.",
]


def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)} on "
        f"{rng.choice(DAYS)}, according to {rng.choice(ACTORS)} speaking to reporters in "
        f"{rng.choice(PLACES).title()}, where at least {rng.randint(2, 900)} people gathered."
    )


def article(rng: random.Random, n: int) -> tuple[str, list[str]]:
    title = f"Officials {rng.choice(VERBS)} {rng.choice(OBJECTS)} (report {n})"
    paras = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(8)]
    paras[0] = f"{rng.choice(PLACES)} (AP) — {paras[0]}"
    return title, paras


def make_corpus(root: Path, docs: int, seed: int = 7) -> tuple[Path, Path]:
    rng = random.Random(seed)
    text_dir, html_dir = root / "text", root / "html"
    text_dir.mkdir(parents=True)
    html_dir.mkdir(parents=True)
    for i in range(docs):
        title, paras = article(rng, i)
        lines = [*JUNK_HEAD, title, *paras, *JUNK_TAIL]
        (text_dir / f"{i:05d}.txt").write_text("\n".join(lines), encoding="utf-8")
        body = "".join(f"<p>{p}</p>" for p in paras)
        nav = "".join(f"<li><a href='/s{j}'>Section {j}</a></li>" for j in range(12))
        html = (
            f"<!doctype html><html><head><title>{title}</title>"
            f"<meta property='og:site_name' content='Bench Times'></head><body>"
            f"<nav><ul>{nav}</ul></nav><article><h1>{title}</h1>{body}</article>"
            f"<aside><h3>Most read</h3><ul>{nav}</ul></aside>"
            f"<footer>© 2024 Bench Times. All rights reserved.</footer></body></html>"
        )
        (html_dir / f"{i:05d}.html").write_text(html, encoding="utf-8")
    return text_dir, html_dir


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_ingest(folder: Path, db: Path) -> tuple[int, float]:
    from newsgraph import Config, ingest_paths, open_store

    with open_store(db) as store:
        start = time.perf_counter()
        report = ingest_paths([str(folder)], store, Config())
        elapsed = time.perf_counter() - start
    if report.rejections:
        print(f"  warning: {len(report.rejections)} rejected, e.g. {report.rejections[0]}")
    return len(report.added), elapsed


def time_bare_trafilatura(folder: Path) -> tuple[int, float]:
    """Read each page (gunzipping .gz) and run bare ``trafilatura.extract`` on it."""
    import gzip

    import trafilatura

    files = sorted(folder.iterdir())
    start = time.perf_counter()
    for path in files:
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        trafilatura.extract(data.decode("utf-8", errors="replace"))
    return len(files), time.perf_counter() - start


REAL_PAGES = Path(__file__).resolve().parents[1].parent / "shared/benchdata/article_extraction/html"


def compare_real_pages(root: Path) -> None:
    """Our HTML ingest vs bare trafilatura on real news pages (the extraction benchmark's)."""
    if not REAL_PAGES.is_dir():
        print(f"real pages: not found at {REAL_PAGES}, skipped")
        return
    n_bare, secs_bare = time_bare_trafilatura(REAL_PAGES)
    n, secs = time_ingest(REAL_PAGES, root / "real.db")
    print(
        f"real pages ({n_bare}): ingest+clean+store {n / secs:.0f} docs/s "
        f"({n} stored), bare trafilatura.extract {n_bare / secs_bare:.0f} pages/s, "
        f"ratio {(n / secs) / (n_bare / secs_bare):.2f}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5000, help="documents per format")
    args = parser.parse_args(argv)
    import newsgraph  # noqa: F401  (import cost outside the timings)

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        text_dir, html_dir = make_corpus(root, args.docs)
        base = peak_rss_mb()
        n, secs = time_ingest(text_dir, root / "text.db")
        print(f"text ingest+clean+store: {n} docs in {secs:.1f} s = {n / secs:.0f} docs/s")
        n_html, secs_html = time_ingest(html_dir, root / "html.db")
        rate_html = n_html / secs_html
        print(
            f"html ingest+clean+store: {n_html} docs in {secs_html:.1f} s = {rate_html:.0f} docs/s"
        )
        n_bare, secs_bare = time_bare_trafilatura(html_dir)
        rate_bare = n_bare / secs_bare
        print(f"bare trafilatura.extract: {n_bare} pages in {secs_bare:.1f} s = {rate_bare:.0f}/s")
        print(f"ratio html ingest / bare trafilatura: {rate_html / rate_bare:.2f}")
        compare_real_pages(root)
        print(
            f"peak RSS: {peak_rss_mb():.0f} MB (after import and corpus generation: {base:.0f} MB)"
        )
        print(f"python {sys.version.split()[0]}, one process, one core")


if __name__ == "__main__":
    main()

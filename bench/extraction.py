"""HTML main-text extraction quality on the article-extraction benchmark pages.

Scores, in one run and on the same pages, bare ``trafilatura.extract(html)`` (default settings,
as in the published 0.958 figure) against newsgraph's body: ``clean_document`` of an
HTML ``RawDocument`` (trafilatura, then the line cleaner and the metadata step). Then lists
the pages where newsgraph loses most against bare trafilatura, to find over-deletions of the
cleaner.

Scoring is the benchmark's own (scrapinghub/article-extraction-benchmark, ``evaluate.py``):
``\\w+`` tokens, counts of 4-token shingles, TP = shared shingle counts; per-page precision and
recall are averaged over pages (precision only over pages with a prediction, recall only over
pages with gold text), and F1 is the harmonic mean of the two averages.

Rows: bare ``trafilatura.extract``; ``extract_html`` alone (trafilatura without comments, the
text the cleaner receives); newsgraph's final body.

    python bench/extraction.py                      # all pages
    python bench/extraction.py --limit 20 --show-worst 5
    python bench/extraction.py --data /path/to/article_extraction
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = (
    Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
    / "benchdata"
    / "article_extraction"
)
SHINGLE = 4
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Page:
    """One benchmark page: its id, URL, HTML and gold article body."""

    id: str
    url: str
    html: str
    gold: str


@dataclass(frozen=True, slots=True)
class Match:
    """Shingle counts of one page: shared, predicted only, gold only."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Scores:
    """Benchmark figures over a set of pages."""

    f1: float
    precision: float
    recall: float
    pages: int


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Counts of the n-token shingles of ``text`` (a text shorter than n is one shingle)."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def match(gold: str, predicted: str) -> Match:
    """Shingle overlap of one prediction with its gold text."""
    g, p = shingles(gold), shingles(predicted)
    tp = sum((g & p).values())
    return Match(tp, sum(p.values()) - tp, sum(g.values()) - tp)


def score(matches: Sequence[Match]) -> Scores:
    """Mean precision (pages with a prediction), mean recall (pages with gold), F1 of the means."""
    precisions = [m.precision for m in matches if m.tp + m.fp > 0]
    recalls = [m.recall for m in matches if m.tp + m.fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return Scores(2 * p * r / (p + r) if p + r else 0.0, p, r, len(matches))


def load_pages(data: Path = DEFAULT_DATA, limit: int | None = None) -> list[Page]:
    """The benchmark pages in id order (the first ``limit`` of them)."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes())
        html = raw.decode("utf-8", errors="replace")
        entry = truth[page_id]
        pages.append(Page(page_id, entry.get("url", ""), html, entry.get("articleBody", "")))
    return pages


def bare_trafilatura(page: Page) -> str:
    """``trafilatura.extract`` with its default settings."""
    import trafilatura

    return trafilatura.extract(page.html) or ""


def extraction_only(page: Page) -> str:
    """newsgraph's trafilatura call alone (comments excluded), before the LineCleaner."""
    from newsgraph.clean.html import extract_html
    from newsgraph.errors import InputError

    try:
        return extract_html(page.html, page.url).text
    except InputError:
        return ""


def newsgraph_extractor() -> tuple[str, Callable[[Page], str]]:
    """(description, function) for newsgraph's body: ``clean_document(...).body``."""
    from newsgraph.clean import clean_document
    from newsgraph.clean.lines import LineCleaner
    from newsgraph.config import Config
    from newsgraph.errors import InputError
    from newsgraph.model import RawDocument, sha256_hex

    config, cleaner = Config(), LineCleaner()

    def via_clean_document(page: Page) -> str:
        raw = RawDocument(
            source=page.url or page.id,
            location=page.id,
            kind="html",
            text=page.html,
            raw_hash=sha256_hex(page.html),
            reader="bench",
            url=page.url or None,
        )
        try:
            return clean_document(raw, config, cleaner=cleaner).body
        except InputError:
            return ""

    return "clean_document(RawDocument(kind='html'), Config()).body", via_clean_document


def run(pages: Sequence[Page], extractor: Callable[[Page], str]) -> tuple[list[Match], float]:
    """Matches of ``extractor`` on every page, and the seconds it took."""
    start = time.perf_counter()
    predictions = [extractor(page) for page in pages]
    seconds = time.perf_counter() - start
    return [match(page.gold, pred) for page, pred in zip(pages, predictions, strict=True)], seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="article_extraction dir")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument(
        "--show-worst", type=int, default=10, metavar="N",
        help="list the N pages where newsgraph's F1 falls furthest below bare trafilatura's",
    )  # fmt: skip
    parser.add_argument(
        "--margin", type=float, default=0.02,
        help="only list pages where newsgraph's F1 is at least this much lower",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"benchmark data not found at {args.data} (see --data)", file=sys.stderr)
        return 2

    pages = load_pages(args.data, args.limit)
    label, ours = newsgraph_extractor()
    bare_matches, bare_s = run(pages, bare_trafilatura)
    raw_matches, raw_s = run(pages, extraction_only)
    our_matches, our_s = run(pages, ours)
    bare, raw, mine = score(bare_matches), score(raw_matches), score(our_matches)

    print(f"pages: {len(pages)} from {args.data}")
    print(f"newsgraph body via: {label}")
    print(f"{'extractor':<26} {'F1':>6} {'P':>6} {'R':>6} {'s/page':>8}")
    for name, s, seconds in (
        ("trafilatura.extract", bare, bare_s),
        ("extract_html (no cleaner)", raw, raw_s),
        ("newsgraph", mine, our_s),
    ):
        per_page = seconds / max(1, len(pages))
        print(f"{name:<26} {s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f} {per_page:8.3f}")
    # Speed of our whole clean step (extraction + metadata + line cleaner) relative to bare
    # trafilatura.extract, which skips metadata: pages/s ours / pages/s bare.
    print(f"speed ratio newsgraph / trafilatura.extract: {bare_s / max(our_s, 1e-9):.2f}")

    losses = sorted(
        (
            (o.f1 - b.f1, page, b, o)
            for page, b, o in zip(pages, bare_matches, our_matches, strict=True)
            if b.f1 - o.f1 >= args.margin
        ),
        key=lambda item: item[0],
    )
    if args.show_worst > 0:
        print(f"\npages where newsgraph is worse by >= {args.margin} F1: {len(losses)}")
        for delta, page, b, o in losses[: args.show_worst]:
            print(
                f"  {page.id[:12]}  dF1 {delta:+.3f}  bare P/R {b.precision:.2f}/{b.recall:.2f}"
                f"  ours P/R {o.precision:.2f}/{o.recall:.2f}  {page.url[:70]}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

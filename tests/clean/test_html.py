"""extract_html on self-written pages, malformed and empty HTML, and the extraction quality gate
on the public article-extraction benchmark pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench import extraction as extraction_bench

from newsgraph.clean.html import HtmlExtraction, extract_html
from newsgraph.clean.lines import LineCleaner
from newsgraph.errors import InputError

REPO = Path(__file__).resolve().parents[2]
BENCH_DATA = REPO.parent / "shared" / "benchdata" / "article_extraction"

PARAGRAPHS = [
    "HARBOURTON (Wire) — The harbour authority of the fictional port of Harbourton said on "
    "Tuesday that it would close the northern pier for repairs after a storm damaged its "
    "moorings last week.",
    "Officials said the closure would last at least three weeks and that ferries would be moved "
    "to the southern terminal in the meantime, adding roughly ten minutes to each crossing.",
    "“We would rather lose a month than lose a ship,” said Mara Oduya, the authority’s director "
    "of operations, speaking to reporters at the terminal.",
    "Fishermen's groups said they had warned of the damage for years.",
    "The authority estimated the cost of the work at 4.2 million crowns, to be paid from a "
    "reserve fund set aside after a similar storm in 2019, according to its annual report.",
    "Local traders said they expected fewer visitors during the closure but welcomed the "
    "decision to act before the winter season begins in earnest next month.",
]
TITLE = "Harbourton closes northern pier after storm"


def page(article: str) -> str:
    """A news page with navigation, a cookie banner, a sidebar, comments and a footer."""
    return f"""<!DOCTYPE html><html lang="en"><head>
<title>{TITLE} | The Coast Courier</title>
<meta property="og:site_name" content="The Coast Courier">
<meta name="author" content="Lena Varga">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience on our site. By continuing
to browse you agree to our cookie policy. <button>Accept</button></div></header>
<main>{article}
<aside><h3>Most read</h3><ol><li><a href="/x">Lighthouse keeper retires after 40 years</a></li>
<li><a href="/y">New bakery opens on Quay Street</a></li></ol></aside>
<section id="comments"><h3>3 Comments</h3><div class="comment"><p>Reader99: About time they
fixed that pier, it has been falling apart for years now and nobody cared.</p></div></section>
</main><footer><p>© 2024 The Coast Courier. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer></body></html>"""


def article_html() -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:4])
    rest = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[4:])
    return (
        f"<article><h1>{TITLE}</h1><p class='byline'>By Lena Varga</p>{paras}"
        f"<h2>Repair costs</h2>{rest}"
        "<div class='newsletter'><h3>Get the Coast Courier newsletter</h3>"
        "<p>Subscribe to our newsletter for the day's top stories.</p></div>"
        "<h3>Related</h3><ul><li><a href='/a'>Ferry timetable changes announced for spring</a></li>"
        "<li><a href='/b'>Council approves new harbour wall budget</a></li>"
        "<li><a href='/c'>Five coastal walks to try this weekend</a></li></ul></article>"
    )


JUNK = [
    "We use cookies",
    "Lighthouse keeper retires",
    "New bakery opens",
    "About time they fixed",
    "All rights reserved",
    "Privacy policy",
    "Subscribe to our newsletter",
    "Ferry timetable changes",
    "Five coastal walks",
]


def test_article_page_text_metadata_and_clean_body() -> None:
    extraction = extract_html(page(article_html()), "https://courier.example/harbour")
    assert isinstance(extraction, HtmlExtraction)
    assert extraction.title == TITLE
    assert extraction.author == "Lena Varga"
    assert extraction.date == "2024-03-05T09:30:00+0000"  # the time the page states is kept
    assert extraction.sitename == "The Coast Courier"
    assert extraction.url == "https://courier.example/harbour"
    lines = extraction.text.split("\n")
    for paragraph in PARAGRAPHS:
        assert paragraph in lines  # one paragraph per line, nothing joined
    assert "Repair costs" in lines

    blocks = LineCleaner()(extraction.text, title_hint=extraction.title)
    body = [b.text for b in blocks if b.role == "body"]
    assert body[0].startswith("HARBOURTON (Wire) —")
    for paragraph in PARAGRAPHS:
        assert paragraph in body
    assert "Repair costs" in body  # the subheading between paragraphs stays
    assert TITLE not in body
    joined = "\n".join(body)
    for junk in JUNK:
        assert junk not in joined


def test_junk_left_inside_the_article_element_is_removed_by_the_cleaner() -> None:
    """Furniture placed inside <article> survives trafilatura; the LineCleaner drops it."""
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    article = (
        f"<article><h1>{TITLE}</h1><p>Home &gt; Local &gt; Harbour</p>{paras}"
        "<p>Do you like this article?</p><p>Back to top</p>"
        "<p>Related: Ferry timetable changes announced for spring</p></article>"
    )
    extraction = extract_html(page(article))
    blocks = LineCleaner()(extraction.text, title_hint=extraction.title)
    body = "\n".join(b.text for b in blocks if b.role == "body")
    for paragraph in PARAGRAPHS:
        assert paragraph in body
    for junk in ("Do you like this article", "Back to top", "Ferry timetable", "Home > Local"):
        assert junk not in body


def test_malformed_html_does_not_crash() -> None:
    broken = (
        "<html><body><div><p>"
        + PARAGRAPHS[0]
        + "<p>"
        + PARAGRAPHS[1]
        + "<b><i>"
        + PARAGRAPHS[2]
        + "</div></span><p><<<>>> &bogus; <p "
        + PARAGRAPHS[4]
    )
    extraction = extract_html(broken)
    assert "northern pier for repairs" in extraction.text
    # Pure garbage is either parsed into something or rejected, never an unhandled exception.
    for garbage in (
        "<<<<>>>>",
        "<html><body></p></div></table>",
        "\x00\x01<p>\ufffd</p>",
        "<" * 5000,
    ):
        try:
            extract_html(garbage)
        except InputError as exc:
            assert exc.reason_code == "no_body"


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   \n ",
        "<html><head><title>Nothing here</title></head><body></body></html>",
        "<html><body><script>var page = {};</script><style>p {}</style><!-- x --></body></html>",
        "<?xml version='1.0'?><feed></feed>",
    ],
)
def test_page_without_body_is_no_body(html: str) -> None:
    with pytest.raises(InputError) as info:
        extract_html(html, "https://example.org/empty")
    assert info.value.reason_code == "no_body"
    assert info.value.stage == "clean"
    assert info.value.detail  # a sentence the user can act on


# --- quality gate on real pages --------------------------------------------------------------

# Measured 0.964 (P 0.943, R 0.986) on these 15 pages with trafilatura 2.3.1, against 0.949 for
# bare trafilatura.extract; the floor sits a little below so that only a real regression fails.
GATE_PAGES = 15
GATE_F1_FLOOR = 0.955
GATE_RECALL_FLOOR = 0.975


def test_scorer_counts_shingles_like_the_benchmark() -> None:
    bench = extraction_bench
    assert bench.match("a b c d e", "a b c d e").f1 == 1.0
    m = bench.match("one two three four five six", "one two three four seven")
    assert (m.tp, m.fp, m.fn) == (1, 1, 2)
    assert bench.match("short", "").recall == 0.0
    scores = bench.score([bench.match("a b c d", "a b c d"), bench.match("a b c d", "")])
    assert scores.precision == 1.0 and scores.recall == 0.5  # empty predictions: recall only


def test_extraction_quality_gate() -> None:
    if not (BENCH_DATA / "ground-truth.json").is_file():
        pytest.skip(f"benchmark pages not found at {BENCH_DATA}")
    bench = extraction_bench
    cleaner = LineCleaner()
    matches = []
    for p in bench.load_pages(BENCH_DATA, GATE_PAGES):
        try:
            extraction = extract_html(p.html, p.url)
        except InputError:
            matches.append(bench.match(p.gold, ""))
            continue
        blocks = cleaner(extraction.text, title_hint=extraction.title)
        matches.append(bench.match(p.gold, "\n".join(b.text for b in blocks if b.role == "body")))
    scores = bench.score(matches)
    assert scores.pages == GATE_PAGES
    assert scores.f1 >= GATE_F1_FLOOR, scores
    assert scores.recall >= GATE_RECALL_FLOOR, scores  # the cleaner must not eat body text

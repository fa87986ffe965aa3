"""clean_document end to end: the five real seeds, an HTML page, normalisation, rejections."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from newsgraph.clean import PRODUCER, clean_document, normalise_text
from newsgraph.clean.lines import LineCleaner
from newsgraph.config import Config
from newsgraph.errors import InputError
from newsgraph.model import CleanArticle, RawDocument, RemovedBlock, sha256_hex


@pytest.fixture(scope="module")
def cleaner() -> LineCleaner:
    return LineCleaner()


def raw_text(text: str, name: str = "story.txt", **hints: str) -> RawDocument:
    return RawDocument(
        source=name,
        location=f"/corpus/{name}",
        kind="text",
        text=text,
        raw_hash=sha256_hex(text),
        reader="test",
        hints=hints,
    )


@pytest.fixture(scope="module")
def seeds(seed_texts: dict[str, str], cleaner: LineCleaner) -> dict[str, CleanArticle]:
    """Seed number ("000") -> its cleaned article."""
    return {
        name[:3]: clean_document(raw_text(text, name), Config(), cleaner=cleaner)
        for name, text in seed_texts.items()
    }


# --- the seed corpus ------------------------------------------------------------------------


def test_seed_000_reposted_wire_story(seeds: dict[str, CleanArticle]) -> None:
    article = seeds["000"]
    meta = article.meta
    # Line 1 is a breadcrumb that repeats the headline; line 2 is the headline.
    assert meta.title == (
        "Hamas official calls for stronger intervention by regional allies in its war with Israel"
    )
    assert meta.outlet == "FutureFinance"
    assert meta.dateline == "BEIRUT"
    assert meta.wire_sources == ("AP",)
    assert meta.stated_date == datetime(2025, 4, 22, 6, 51, 51)
    assert meta.published == meta.stated_date
    assert meta.flags == ("stated_date_mismatch",)
    assert meta.events_date is not None
    assert date(2023, 10, 1) <= meta.events_date.earliest <= meta.events_date.latest
    assert meta.events_date.latest <= date(2023, 11, 30)
    assert meta.language == "en"
    assert article.body.startswith("BEIRUT (AP) — A senior Hamas official told")
    assert article.producer == PRODUCER


def test_seed_001_byline_with_agency(seeds: dict[str, CleanArticle]) -> None:
    meta = seeds["001"].meta
    assert meta.title == (
        "Hizbullah chief meets Hamas, Islamic Jihad officials, agrees to 'keep coordinating'"
    )
    assert meta.byline == "By Pishtaz and AFP"
    assert meta.authors == ("Pishtaz",)
    assert meta.dateline == "BEIRUT"
    assert meta.wire_sources == ("AFP",)  # "told AFP", "an AFP tally" are citations
    assert meta.stated_date is None and meta.published is None
    assert meta.flags == ()
    assert meta.events_date is not None
    assert meta.events_date.latest == date(2023, 10, 25)  # "Wednesday (October 25)"
    assert meta.events_date.earliest >= date(2023, 1, 1)
    assert RemovedBlock("By Pishtaz and AFP |", "byline") in seeds["001"].removed


def test_seed_002_citation_only(seeds: dict[str, CleanArticle]) -> None:
    meta = seeds["002"].meta
    assert meta.wire_sources == ()  # "an interview reported by the Associated Press"
    assert meta.dateline is None
    assert meta.flags == ()


def test_seed_003_syndicated_story(seeds: dict[str, CleanArticle]) -> None:
    article = seeds["003"]
    meta = article.meta
    assert meta.title == "Iran Tells Hamas It Won’t Be Joining War Against Israel"
    assert meta.outlet == "Conservative Daily News"
    assert meta.wire_sources == ("Daily Caller News Foundation",)  # "Reuters reported" is not
    assert "Content created by" not in article.body
    assert any("Content created by" in r.text for r in article.removed)
    assert meta.dateline is None


def test_seed_004_dateline_after_standfirst(seeds: dict[str, CleanArticle]) -> None:
    meta = seeds["004"].meta
    assert meta.title == "Lebanon’s Hezbollah hosts Hamas delegation, fires 60 rockets on Israel"
    assert meta.dateline == "BEIRUT"
    assert meta.wire_sources == ()  # "according to a tally by Agence France-Presse"


def test_seed_bodies_and_removed_blocks(seeds: dict[str, CleanArticle]) -> None:
    for number, article in seeds.items():
        assert "\n\n\n" not in article.body, number
        assert all(p == p.strip() and p for p in article.body.split("\n\n")), number
        # Removed blocks carry a reason and never repeat body paragraphs.
        paragraphs = set(article.body.split("\n\n"))
        for block in article.removed:
            assert block.reason and block.text not in paragraphs, (number, block)


# --- normalisation --------------------------------------------------------------------------


def test_whitespace_is_normalised_inside_lines_only() -> None:
    messy = (
        "Flood\u00a0closes\tborder   crossing\r\n"
        "AMMAN\u00a0— Heavy\u200b rain flooded the main\u2009crossing between the two "
        "countries on Tuesday, strand\u00adi\u00adng hundreds of lorries, the ministry said.\r\n"
        "\r\n"
        "Officials said the crossing would reopen once engineers had inspected the road,\x0c "
        "which was damaged in several places."
    )
    article = clean_document(raw_text(messy), Config(min_body_chars=50))
    assert article.meta.title == "Flood closes border crossing"
    assert article.body == (
        "AMMAN — Heavy rain flooded the main crossing between the two countries on Tuesday, "
        "stranding hundreds of lorries, the ministry said.\n\n"
        "Officials said the crossing would reopen once engineers had inspected the road,\n\n"
        "which was damaged in several places."
    )
    assert article.meta.dateline == "AMMAN"


def test_normalise_text_keeps_words_and_lines() -> None:
    assert (
        normalise_text("  Caf\u0065\u0301  au\tlait \r\nnext\u2028line ")
        == "Café au lait\nnext\nline"
    )
    assert normalise_text("don’t “quote” — em dash") == "don’t “quote” — em dash"


# --- HTML -----------------------------------------------------------------------------------

P1 = (
    "AMMAN (AFP) — Heavy rain flooded the main crossing between the two countries on Tuesday "
    "(March 12), stranding hundreds of lorries, the interior ministry said in a statement."
)
P2 = (
    "Officials said the crossing would reopen once engineers had inspected the road, which was "
    "damaged in several places by the water and by falling rocks from the hillside."
)
PAGE = f"""<html lang="en"><head><title>Flooding closes border crossing | Levant Ledger</title>
<meta property="og:title" content="Flooding closes border crossing">
<meta property="og:site_name" content="Levant Ledger">
<meta name="author" content="Rana Haddad">
<meta property="article:published_time" content="2024-03-12T09:30:00+02:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Flooding closes border crossing</h1>
<p>{P1}</p><p>{P2}</p></article>
<footer>© 2024 Levant Ledger. All rights reserved.</footer></body></html>"""


def test_html_page() -> None:
    raw = RawDocument(
        source="flood.html",
        location="/corpus/flood.html",
        kind="html",
        text=PAGE,
        raw_hash=sha256_hex(PAGE),
        reader="test",
        url="https://levantledger.example/world/flood",
    )
    article = clean_document(raw, Config())
    assert article.body == P1 + "\n\n" + P2
    meta = article.meta
    assert meta.title == "Flooding closes border crossing"
    assert meta.outlet == "Levant Ledger"
    assert meta.authors == ("Rana Haddad",)
    assert meta.dateline == "AMMAN"
    assert meta.wire_sources == ("AFP",)
    # The page states a time and zone; both are kept.
    assert meta.stated_date == datetime(2024, 3, 12, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    assert meta.events_date is not None and meta.events_date.latest == date(2024, 3, 12)
    assert meta.flags == ()
    assert meta.language == "en"


def test_html_without_text_is_rejected_at_clean() -> None:
    html = "<html><head><title>x</title></head><body></body></html>"
    raw = RawDocument("x.html", "/x.html", "html", html, sha256_hex(html), "test")
    with pytest.raises(InputError) as caught:
        clean_document(raw, Config())
    assert caught.value.reason_code == "no_body"
    assert caught.value.stage == "clean"
    assert caught.value.to_rejection().source == "x.html"


# --- rejections and hints -------------------------------------------------------------------


def test_short_body_is_rejected() -> None:
    raw = raw_text("Headline of a stub\nAMMAN — Rain fell on Tuesday, the ministry said.")
    with pytest.raises(InputError) as caught:
        clean_document(raw, Config(min_body_chars=200))
    error = caught.value
    assert (error.reason_code, error.stage, error.source) == ("no_body", "clean", "story.txt")
    assert "min_body_chars=200" in error.detail
    assert clean_document(raw, Config(min_body_chars=20)).body.startswith("AMMAN — Rain")


def test_container_hints_win() -> None:
    text = "Flood closes crossing\n" + P1 + "\n" + P2
    raw = raw_text(
        text,
        title="Flood closes border crossing for a week",
        outlet="Levant Ledger",
        published="2024-03-12T10:00:00",
        language="en-GB",
        byline="By Rana Haddad",
    )
    meta = clean_document(raw, Config()).meta
    assert meta.title == "Flood closes border crossing for a week"
    assert meta.outlet == "Levant Ledger"
    assert meta.published == datetime(2024, 3, 12, 10, 0)
    assert meta.language == "en"
    assert meta.byline == "By Rana Haddad" and meta.authors == ("Rana Haddad",)

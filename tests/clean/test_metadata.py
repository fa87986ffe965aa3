"""Metadata rules on texts written for these tests: titles, outlets, bylines, datelines, credits."""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path

import pytest

from newsgraph.clean.html import HtmlExtraction
from newsgraph.clean.lines import Block
from newsgraph.clean.metadata import (
    FLAG_STATED_DATE_IN_FUTURE,
    Lexicon,
    Outlets,
    WireAgencies,
    default_lexicon,
    extract_metadata,
)
from newsgraph.errors import ConfigError
from newsgraph.model import ArticleMeta

NOW = date(2026, 11, 24)
PARA = (
    "The ministry said the talks would continue in the capital, and officials from both "
    "delegations described the first round as constructive."
)


def meta(
    *blocks: tuple[str, str],
    hints: dict[str, str] | None = None,
    html: HtmlExtraction | None = None,
    url: str | None = None,
) -> ArticleMeta:
    """Metadata of an article made of (role, text) blocks."""
    made = [Block(text, role, "" if role == "body" else "test") for role, text in blocks]
    body = "\n\n".join(b.text for b in made if b.role == "body")
    return extract_metadata(made, body, hints or {}, html, url=url, now=NOW)


def html_fields(**fields: str | None) -> HtmlExtraction:
    values: dict[str, str | None] = {
        "text": PARA,
        "title": None,
        "author": None,
        "date": None,
        "sitename": None,
        "description": None,
        "language": None,
        "url": None,
    }
    values.update(fields)
    return HtmlExtraction(**values)  # type: ignore[arg-type]


# --- title ----------------------------------------------------------------------------------


def test_title_sources_in_order() -> None:
    blocks = (("title", "Block headline"), ("body", PARA))
    assert meta(*blocks).title == "Block headline"
    assert meta(*blocks, html=html_fields(title="Page  headline")).title == "Page headline"
    hinted = meta(*blocks, hints={"title": "Feed headline"}, html=html_fields(title="Page"))
    assert hinted.title == "Feed headline"
    assert meta(("body", PARA)).title is None


# --- outlet ---------------------------------------------------------------------------------


def test_outlet_from_hint_html_and_url() -> None:
    assert meta(("body", PARA), hints={"outlet": "Levant Ledger"}).outlet == "Levant Ledger"
    assert meta(("body", PARA), html=html_fields(sitename="Gulf Wire")).outlet == "Gulf Wire"
    assert meta(("body", PARA), url="https://edition.cnn.com/2023/10/26/x").outlet == "CNN"
    assert meta(("body", PARA), url="https://www.timesofisrael.com/a/").outlet == (
        "The Times of Israel"
    )
    assert meta(("body", PARA), url="https://notcnn.com/x").outlet is None


@pytest.mark.parametrize(
    ("junk", "outlet"),
    [
        ("Home > World > Flood closes crossing -LevantLedger", "LevantLedger"),
        ("Support Levant Ledger with a small donation today", "Levant Ledger"),
        ("© 2024 Levant Ledger. All rights reserved.", "Levant Ledger"),
        ("Levant Ledger — All rights reserved", "Levant Ledger"),
        ("Copyright © 2019-2024 The Levant Ledger Media Group, all rights reserved", (
            "The Levant Ledger Media Group"
        )),
    ],
)  # fmt: skip
def test_outlet_from_page_furniture(junk: str, outlet: str) -> None:
    assert meta(("junk", junk), ("body", PARA)).outlet == outlet


def test_outlet_from_a_line_repeating_the_title() -> None:
    found = meta(
        ("junk", "World Flood closes crossing | Gulf Wire"),
        ("title", "Flood closes crossing"),
        ("body", PARA),
    )
    assert found.outlet == "Gulf Wire"


def test_agency_copyright_is_a_credit_not_the_outlet() -> None:
    found = meta(("body", PARA), ("junk", "© 2024 The Associated Press. All rights reserved."))
    assert found.outlet is None
    assert found.wire_sources == ("AP",)


# --- byline and authors ---------------------------------------------------------------------


def test_byline_with_agency() -> None:
    found = meta(("byline", "By Rana Haddad and AFP |"), ("body", PARA))
    assert found.byline == "By Rana Haddad and AFP"
    assert found.authors == ("Rana Haddad",)
    assert found.wire_sources == ("AFP",)


def test_byline_hint_with_two_authors_and_a_wire() -> None:
    found = meta(("body", PARA), hints={"byline": "By Jane Doe and John Roe, Reuters"})
    assert found.authors == ("Jane Doe", "John Roe")
    assert found.wire_sources == ("Reuters",)


def test_byline_places_roles_and_dates() -> None:
    found = meta(
        ("byline", "By Jane Doe in Beirut and Omar al-Masri | Oct 26, 2023"), ("body", PARA)
    )
    assert found.byline == "By Jane Doe in Beirut and Omar al-Masri"
    assert found.authors == ("Jane Doe", "Omar al-Masri")
    assert found.stated_date == date(2023, 10, 26)  # the byline line's date, for lack of another
    assert meta(("byline", "By Jane Doe, Middle East correspondent"), ("body", PARA)).authors == (
        "Jane Doe",
    )
    staff = meta(("byline", "By Reuters Staff"), ("body", PARA))
    assert staff.authors == () and staff.wire_sources == ("Reuters",)


def test_html_author() -> None:
    found = meta(("body", PARA), html=html_fields(author="Jane Doe; John Roe"))
    assert found.byline == "Jane Doe; John Roe"
    assert found.authors == ("Jane Doe", "John Roe")


# --- dateline -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "dateline", "wire"),
    [
        ("BEIRUT (AP) — A senior official said", "BEIRUT", ("AP",)),
        ("BEIRUT -- Senior officials met", "BEIRUT", ()),
        ("BEIRUT — Officials met", "BEIRUT", ()),
        ("GAZA CITY, Gaza Strip (AP) — Residents fled", "GAZA CITY, Gaza Strip", ("AP",)),
        ("WASHINGTON, Oct 26 (Reuters) - The United States said", "WASHINGTON", ("Reuters",)),
        ("UNITED NATIONS (AP) — The council voted", "UNITED NATIONS", ("AP",)),
        ("TEL AVIV, Israel — The army said", "TEL AVIV, Israel", ()),
        ("ST. LOUIS (AP) — A judge ruled", "ST. LOUIS", ("AP",)),
        ("Jerusalem (AFP) - Israel said", "Jerusalem", ("AFP",)),
        ("Amman, March 12 — Heavy rain fell", "Amman", ()),
    ],
)
def test_datelines(opening: str, dateline: str, wire: tuple[str, ...]) -> None:
    found = meta(("body", f"{opening} on the eve of the talks. " + PARA))
    assert found.dateline == dateline
    assert found.wire_sources == wire


@pytest.mark.parametrize(
    "opening",
    [
        "Hamas said on Thursday — in a statement — that",
        "US officials — who spoke on condition of anonymity — said",
        "The meeting — held in secret — was",
        "Hezbollah (the group) — which",
        "BREAKING: Israel said",
        "NATO — the alliance — said",
        "Monday, Oct 26 — the talks",
        "IRAN'S leaders — said",
        "A senior official said",
    ],
)
def test_sentence_starts_are_not_datelines(opening: str) -> None:
    assert meta(("body", f"{opening} the talks would go on. " + PARA)).dateline is None


def test_dateline_after_a_standfirst() -> None:
    found = meta(
        ("body", "The meeting is the latest in a series of talks between the two sides."),
        ("body", "AMMAN — " + PARA),
    )
    assert found.dateline == "AMMAN"


# --- wire credits ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("credit", "wire"),
    [
        ("Associated Press writer Jane Roe in Cairo contributed to this report.", ("AP",)),
        ("Reuters and AFP contributed to this story.", ("Reuters", "AFP")),
        ("(Reporting by Jane Roe; Editing by John Doe)", ("Reuters",)),
        ("This story was provided by The Associated Press.", ("AP",)),
        ("This article was republished from The Conversation under a licence.", (
            "The Conversation",
        )),
        ("Additional reporting by Agence France-Presse.", ("AFP",)),
        ("— AFP", ("AFP",)),
        ("(AFP)", ("AFP",)),
        ("Source: Reuters", ("Reuters",)),
        ("With agencies", ("Agencies",)),
    ],
)  # fmt: skip
def test_credits(credit: str, wire: tuple[str, ...]) -> None:
    assert meta(("body", PARA), ("body", credit)).wire_sources == wire


def test_syndication_footer_in_removed_blocks() -> None:
    footer = (
        "Content created by The Daily Caller News Foundation is available without charge to any "
        "eligible news publisher."
    )
    assert meta(("body", PARA), ("junk", footer)).wire_sources == ("Daily Caller News Foundation",)


def test_trailing_credit_and_generic_agencies() -> None:
    assert meta(("body", PARA + " — Reuters")).wire_sources == ("Reuters",)
    # "with agencies" is recorded only when no agency is named.
    assert meta(("body", "BEIRUT (AFP) — " + PARA), ("body", "With agencies")).wire_sources == (
        "AFP",
    )


@pytest.mark.parametrize(
    "citation",
    [
        "A senior official told The Associated Press that the talks had failed.",
        "Reuters reported on Monday that the talks had failed.",
        "At least 50 people died, according to a tally by Agence France-Presse.",
        "He spoke in an interview reported by the Associated Press.",
        "A source told AFP on condition of anonymity that the talks failed.",
        "At least 52 people died according to an AFP tally.",
        "Reuters journalist Omar Haddad was wounded in the strike.",
        "The AP-style guide was updated.",
        "(AP Photo/Jane Roe)",
    ],
)
def test_citations_are_not_credits(citation: str) -> None:
    assert meta(("body", PARA), ("body", citation)).wire_sources == ()


# --- dates, language, flags -------------------------------------------------------------------


def test_stated_date_sources_in_order() -> None:
    blocks = (("date", "Date:2025-04-22 06:51:51"), ("body", PARA))
    assert meta(*blocks).stated_date == datetime(2025, 4, 22, 6, 51, 51)
    assert meta(*blocks, html=html_fields(date="2024-01-02")).stated_date == date(2024, 1, 2)
    hinted = meta(*blocks, hints={"published": "2023-05-06T07:08:09"})
    assert hinted.stated_date == hinted.published == datetime(2023, 5, 6, 7, 8, 9)
    assert meta(("body", PARA)).stated_date is None


def test_stated_date_in_the_future() -> None:
    found = meta(("body", PARA), hints={"published": "2026-09-01", "fetched": "2026-06-01"})
    assert found.stated_date == date(2026, 9, 1)
    assert found.published is None
    assert found.flags == (FLAG_STATED_DATE_IN_FUTURE,)
    ok = meta(("body", PARA), hints={"published": "2026-05-31", "fetched": "2026-06-01"})
    assert ok.published == date(2026, 5, 31) and ok.flags == ()
    # Without a fetch date, today is the bound.
    assert meta(("body", PARA), hints={"published": "2026-12-24"}).flags == (
        FLAG_STATED_DATE_IN_FUTURE,
    )


def test_language() -> None:
    french = (
        "Le ministre a déclaré mardi que les négociations reprendraient la semaine prochaine "
        "dans la capitale, selon plusieurs responsables."
    )
    assert meta(("body", french)).language == "fr"
    assert meta(("body", PARA)).language == "en"
    assert meta(("body", PARA), hints={"language": "de-AT"}).language == "de"
    # Too little text to tell: the page's own language attribute is the fallback.
    assert meta(("body", "OK."), html=html_fields(language="es")).language == "es"


# --- knowledge tables -----------------------------------------------------------------------


def test_agency_aliases() -> None:
    agencies = default_lexicon().agencies
    assert [a.name for a in agencies.find("by The Associated Press and Agence France-Presse")] == [
        "AP",
        "AFP",
    ]
    assert agencies.lookup("the associated press") is not None  # long aliases ignore case
    assert agencies.lookup("ap") is None  # short ones do not
    assert agencies.find("a cap, an AP-style note, APT") == []


def test_bad_tables_are_config_errors(tmp_path: Path) -> None:
    bad_kind = tmp_path / "wire.tsv"
    bad_kind.write_text("# header\nAP\tnewswire\tAssociated Press\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="wire.tsv:2"):
        WireAgencies.load(bad_kind)
    bad_outlets = tmp_path / "outlets.tsv"
    bad_outlets.write_text("example.com\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="outlets.tsv:1"):
        Outlets.load(bad_outlets)


def test_lexicon_can_be_replaced(tmp_path: Path) -> None:
    wire = tmp_path / "wire.tsv"
    wire.write_text("Levant Wire\twire\tLW\n", encoding="utf-8")
    lexicon = Lexicon.load(agencies=wire)
    made = [Block("BEIRUT (LW) — " + PARA, "body")]
    found = extract_metadata(made, made[0].text, {}, None, now=NOW, lexicon=lexicon)
    assert found.wire_sources == ("Levant Wire",)


def test_byline_segments() -> None:
    found = meta(("byline", "Jane Doe | AFP | Oct 26, 2023 10:00 AM"), ("body", PARA))
    assert found.byline == "Jane Doe | AFP"
    assert found.authors == ("Jane Doe",)
    assert found.wire_sources == ("AFP",)
    assert found.stated_date == datetime(2023, 10, 26, 10, 0)


# --- robustness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "",
        "(((( ]]]] —— -- :: ©©© (c) Copyright",
        "Monday (February 29) and Feb. 29 and 31 June and 9/11/2001 and 0 days ago",
        "the past 999 months and 999 days ago since Oct. 7 since since since",
        "BEIRUT (" + "x" * 500,
        "\u202e\u200f مرحبا 2023-13-45 99:99",
    ],
)
def test_odd_text_never_crashes(body: str) -> None:
    made = [Block(body, "body"), Block(body, "junk", "x"), Block(body, "byline", "x")]
    extract_metadata(made, body, {"published": body, "fetched": body}, None, now=NOW)


def test_long_unpunctuated_text_is_linear() -> None:
    # A page that is one huge line (minified text) must not make any pattern quadratic.
    words = "word contributed Reuters report BEIRUT Monday since Oct " * 5_000
    started = time.perf_counter()
    meta(("body", words), ("junk", words))
    assert time.perf_counter() - started < 10


def test_photo_credit_lines_are_not_story_credits() -> None:
    found = meta(("junk", "Reuters"), ("title", "Flood closes crossing"), ("body", PARA))
    assert found.wire_sources == ()
    caption = Block("AFP", "junk", "photo_caption")
    made = [Block(PARA, "body"), caption]
    assert extract_metadata(made, PARA, {}, None, now=NOW).wire_sources == ()
    assert meta(("body", PARA), ("junk", "AFP")).wire_sources == ("AFP",)

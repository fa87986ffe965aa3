"""LineCleaner: real seed articles and self-written junk-laden pages, with must-keep/must-drop."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.clean.lines import Block, LineCleaner
from newsgraph.errors import ConfigError


@pytest.fixture(scope="module")
def cleaner() -> LineCleaner:
    return LineCleaner()


def block(blocks: list[Block], snippet: str, nth: int = 0) -> Block:
    """The nth block whose text contains ``snippet``."""
    found = [b for b in blocks if snippet in b.text]
    assert len(found) > nth, f"no block #{nth} containing {snippet!r}"
    return found[nth]


def body(blocks: list[Block]) -> str:
    return "\n".join(b.text for b in blocks if b.role == "body")


def assert_kept(blocks: list[Block], *snippets: str) -> None:
    for snippet in snippets:
        b = block(blocks, snippet)
        assert b.role == "body", f"{snippet!r} should be body, got {b.role} ({b.reason})"


def assert_dropped(blocks: list[Block], *snippets: str) -> None:
    for snippet in snippets:
        for b in blocks:
            if snippet in b.text:
                assert b.role != "body", f"{snippet!r} should not be body"


# --- the five seed articles ----------------------------------------------------------------


def seed(seed_texts: dict[str, str], prefix: str) -> str:
    return next(text for name, text in seed_texts.items() if name.startswith(prefix))


def test_seed_000_breadcrumb_date_and_link_lists(
    seed_texts: dict[str, str], cleaner: LineCleaner
) -> None:
    blocks = cleaner(seed(seed_texts, "000_"))
    assert block(blocks, "Current:Home > Markets").reason == "breadcrumb"
    title = block(blocks, "Hamas official calls for stronger intervention", nth=1)
    assert title.role == "title" and not title.text.startswith("Current")
    assert block(blocks, "Date:2025-04-22").role == "date"
    assert block(blocks, "View").role == "junk"
    assert_kept(
        blocks,
        "BEIRUT (AP) — A senior Hamas official",  # the dateline stays in its paragraph
        "Hamad reiterated those statements.",
        "“Hezbollah now is working against the occupation,”",
        "Associated Press staff writer Bassem Mroue contributed to this report.",
    )
    assert block(blocks, "___").reason == "separator"
    assert block(blocks, "veryGood! (56153)").reason == "reaction_widget"
    for heading in ("Related", "Ranking", "Recommendation"):
        b = next(b for b in blocks if b.text == heading)
        assert b.reason == "link_list"
    assert_dropped(
        blocks,
        "Juan Soto to be introduced by Mets",
        "Travis Hunter, the 2",
        "Rylee Arnold Shares a Long",
        "Rebel Wilson lost her virginity",  # a link item that happens to end with a period
        "New Jersey youth wrestling coach",
    )
    text = body(blocks)
    assert text.startswith("BEIRUT (AP) —")
    assert text.endswith("contributed to this report.")
    assert len([b for b in blocks if b.role == "body"]) == 18


def test_seed_001_labels_captions_byline_deck_and_subhead(
    seed_texts: dict[str, str], cleaner: LineCleaner
) -> None:
    blocks = cleaner(seed(seed_texts, "001_"))
    assert block(blocks, "Security").reason == "section_label"
    assert block(blocks, "Hizbullah chief meets Hamas").role == "title"
    captions = [b for b in blocks if "[Anwar Amro/AFP]" in b.text]
    assert len(captions) == 2 and all(b.role == "junk" for b in captions)
    assert block(blocks, "By Pishtaz and AFP").role == "byline"
    # The standfirst repeats a later paragraph: exactly one copy survives, the in-body one.
    copies = [b for b in blocks if b.text.startswith("The three groups are part of")]
    assert [b.role for b in copies] == ["junk", "body"]
    assert copies[0].reason == "duplicate"
    assert_kept(
        blocks,
        "BEIRUT -- Senior officials",
        "Suspicions growing",  # an in-body subheading
        "Four people have been killed in Israel, including one civilian.",
        "Lebanese Hizbullah also praised Hamas",
    )
    assert block(blocks, "Do you like this article?").role == "junk"
    assert block(blocks, "Captcha").reason == "boilerplate:captcha"


def test_seed_002_plain_paragraphs_are_all_body(
    seed_texts: dict[str, str], cleaner: LineCleaner
) -> None:
    text = seed(seed_texts, "002_")
    blocks = cleaner(text)
    assert len(blocks) == len([line for line in text.splitlines() if line.strip()])
    assert all(b.role == "body" for b in blocks)


def test_seed_003_footer_licensing_donation_comments(
    seed_texts: dict[str, str], cleaner: LineCleaner
) -> None:
    blocks = cleaner(seed(seed_texts, "003_"))
    assert block(blocks, "FeaturedWorld News").reason == "section_label"
    assert block(blocks, "Iran Tells Hamas It Won").role == "title"
    assert_kept(
        blocks,
        "Iran claims Hamas did not give advance notice",
        "Iran’s foreign ministry did not immediately respond to a request for comment.",
    )
    assert block(blocks, "The Daily Caller News Foundation").reason.startswith("boilerplate:")
    assert block(blocks, "small donation via Paypal").reason.startswith("boilerplate:")
    assert block(blocks, "Related Articles").reason == "link_list"
    assert block(blocks, "One Comment").role == "junk"
    assert block(blocks, "I am calling B.S. on this").reason == "comment"
    assert block(blocks, "Back to top button").role == "junk"
    assert body(blocks).endswith("did not immediately respond to a request for comment.")


def test_seed_004_headline_and_deck(seed_texts: dict[str, str], cleaner: LineCleaner) -> None:
    blocks = cleaner(seed(seed_texts, "004_"))
    assert blocks[0].role == "title"
    assert blocks[1].role == "body"  # the standfirst under the headline
    assert_kept(blocks, "BEIRUT — Hezbollah’s Secretary General")
    assert sum(b.role == "body" for b in blocks) == len(blocks) - 1


# --- self-written pages ----------------------------------------------------------------------

P1 = (
    "VALDORIA (Wire) — The regional assembly of the fictional province of Valdoria voted on "
    "Monday to extend the drought emergency by another ninety days, citing reservoir levels."
)
P2 = (
    "The measure passed by 41 votes to 12 after a debate that lasted most of the afternoon and "
    "drew protests from farmers gathered outside the assembly building."
)
P3 = "“We cannot plan a harvest on hope,” said Ilse Marr, who farms barley near the capital."
P4 = "Marr declined to say how she voted."
P5 = (
    "Engineers from the water agency said the northern reservoirs stood at 23 percent of "
    "capacity, the lowest level recorded since measurements began in 1961."
)
P6 = (
    "The agency said rationing for industrial users would continue through the summer, while "
    "households would be asked to cut use voluntarily."
)
CREDIT = "Wire staff writer Tomas Reyes contributed to this report."

JUNK_PAGE = "\n".join(
    [
        "Skip to content",
        "Home > Regions > Valdoria",
        "Politics",
        "Valdoria extends drought emergency as reservoirs run low",
        "Lawmakers back a 90-day extension despite protests from farmers.",
        "By Anna Keller, Wire",
        "Published: March 4, 2024 10:15 am",
        "We use cookies to give you the best experience on our website. By continuing to browse "
        "you agree to our use of cookies.",
        "Accept all cookies",
        P1,
        P2,
        "Subscribe to our newsletter",
        "Get the day's top stories delivered to your inbox every morning.",
        P3,
        P4,
        "Water levels",  # in-body subheading
        P5,
        "Read more: Farmers warn of failed harvest in the south",
        P6,
        CREDIT,
        "* * *",
        "Most read",
        "1. Celebrity chef opens third restaurant",
        "2. Ten gadgets to buy this spring",
        "3. Weather: sunshine expected all week",
        "Share this article",
        "Copyright 2024 Valdoria Daily. All rights reserved.",
        "4 Comments",
        "Leave a reply",
        "Greta L. — This is exactly what the council should have done two years ago, and "
        "everybody who lives out in the valley knows it perfectly well.",
        "Reply",
    ]
)


def test_junk_page_keeps_every_paragraph_and_drops_the_furniture(cleaner: LineCleaner) -> None:
    blocks = cleaner(JUNK_PAGE)
    assert_kept(blocks, P1, P2, P3, P4, "Water levels", P5, P6, CREDIT)
    assert_kept(blocks, "Lawmakers back a 90-day extension")  # the deck
    assert block(blocks, "Valdoria extends drought emergency").role == "title"
    assert block(blocks, "By Anna Keller").role == "byline"
    assert block(blocks, "Published: March 4, 2024").role == "date"
    assert block(blocks, "Home > Regions").reason == "breadcrumb"
    assert block(blocks, "Politics").reason == "section_label"
    assert_dropped(
        blocks,
        "Skip to content",
        "We use cookies",
        "Accept all cookies",
        "Subscribe to our newsletter",
        "Get the day's top stories delivered to your inbox",
        "Read more: Farmers warn",
        "Most read",
        "Celebrity chef opens",
        "Ten gadgets",
        "Weather: sunshine",
        "Share this article",
        "All rights reserved",
        "4 Comments",
        "Greta L.",
        "Reply",
    )
    assert body(blocks).split("\n") == [
        "Lawmakers back a 90-day extension despite protests from farmers.",
        P1,
        P2,
        P3,
        P4,
        "Water levels",
        P5,
        P6,
        CREDIT,
    ]


def test_comment_thread_is_dropped_from_its_marker(cleaner: LineCleaner) -> None:
    text = "\n".join([P1, P2, P5, "12 Comments", P6, "Nice article!"])
    blocks = cleaner(text)
    assert [b.role for b in blocks] == ["body", "body", "body", "junk", "junk", "junk"]
    assert {b.reason for b in blocks[3:]} == {"comment"}


def test_link_list_stops_at_the_next_real_paragraph(cleaner: LineCleaner) -> None:
    text = "\n".join(
        [
            P1,
            "Related",
            "- Storm hits coast",
            "- Ferry delays expected",
            P2,
            "Asked why, Marr shrugged.",
            P5,
        ]
    )
    blocks = cleaner(text)
    assert [b.role for b in blocks] == ["body", "junk", "junk", "junk", "body", "body", "body"]


def test_title_case_bullet_run_is_a_link_list_but_a_sentence_list_is_not(
    cleaner: LineCleaner,
) -> None:
    links = [
        "- Ten Amazing Facts About Desert Rivers",
        "- The Biggest Unanswered Questions of Hydrology",
    ]
    facts = ["- the reservoir holds water for 40,000 homes;", "- rationing starts in June."]
    blocks = cleaner("\n".join([P1, *facts, P2, *links, P5]))
    assert [b.role for b in blocks] == ["body", "body", "body", "body", "junk", "junk", "body"]


def test_title_hint_with_site_suffix_and_repeated_headline(cleaner: LineCleaner) -> None:
    text = "\n".join(
        ["Valdoria extends drought emergency", P1, P2, "Valdoria extends drought emergency"]
    )
    blocks = cleaner(text, title_hint="Valdoria extends drought emergency | Valdoria Daily")
    assert [b.role for b in blocks] == ["title", "body", "body", "junk"]
    assert blocks[3].reason == "duplicate"


def test_with_a_hint_that_is_not_in_the_text_the_first_line_stays(cleaner: LineCleaner) -> None:
    text = "\n".join(["What the vote means for farmers", P1, P2])
    blocks = cleaner(text, title_hint="Assembly extends emergency")
    assert all(b.role == "body" for b in blocks)


def test_short_repeated_lines_are_not_duplicates(cleaner: LineCleaner) -> None:
    text = "\n".join([P1, "Serves 2", P2, "Serves 2", P5])
    assert all(b.role == "body" for b in cleaner(text))


def test_repeated_long_paragraph_is_a_duplicate(cleaner: LineCleaner) -> None:
    blocks = cleaner("\n".join([P1, P2, P5, P2]))
    assert [b.role for b in blocks] == ["body", "body", "body", "junk"]


def test_long_paragraph_quoting_a_phrase_is_kept(cleaner: LineCleaner) -> None:
    quoting = (
        "The court heard that the label on the disputed recordings read all rights reserved, "
        + "and that the company had never licensed them to anyone. " * 8
    ).strip()
    blocks = cleaner("\n".join([P1, quoting, P2]))
    assert all(b.role == "body" for b in blocks)


def test_empty_and_blank_text(cleaner: LineCleaner) -> None:
    assert cleaner("") == []
    assert cleaner("\n \n\t\n") == []


def test_cjk_paragraphs_count_as_content(cleaner: LineCleaner) -> None:
    lines = [
        "今日は港の北側の桟橋が嵐で壊れたため、三週間ほど閉鎖されることが発表されました。",
        "修理",
        "当局によると、修理費用は約四百万クローネで、予備費から支払われる予定です。",
    ]
    blocks = cleaner("\n".join(lines), title_hint="港の桟橋が閉鎖")
    assert all(b.role == "body" for b in blocks)


def test_user_lexicon_extends_the_boilerplate(tmp_path: Path) -> None:
    lexicon = tmp_path / "extra.txt"
    lexicon.write_text("# mine\nsponsored by acme\nre:promo:^promo code \\w+$\n", encoding="utf-8")
    blocks = LineCleaner(boilerplate=lexicon)(
        "\n".join([P1, "This page is sponsored by Acme.", P2, "Promo code SAVE10", P5])
    )
    assert [b.reason for b in blocks] == [
        "",
        "boilerplate:sponsored by acme",
        "",
        "boilerplate:promo",
        "",
    ]


def test_bad_regex_in_lexicon_is_a_config_error(tmp_path: Path) -> None:
    lexicon = tmp_path / "bad.txt"
    lexicon.write_text("re:broken:(unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="bad regex"):
        LineCleaner(boilerplate=lexicon)

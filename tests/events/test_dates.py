"""Time expressions of event sentences resolved against the article's date (events.dates)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from newsgraph.clean import clean_document
from newsgraph.config import Config
from newsgraph.events.dates import (
    TimeExpression,
    anchor_date,
    find_time_expressions,
    load_time_words,
)
from newsgraph.model import ArticleMeta, DateEstimate, Document, RawDocument, sha256_hex

#: A Thursday.
ANCHOR = date(2023, 10, 26)


def found(text: str, anchor: date | None = ANCHOR, offset: int = 0) -> list[TimeExpression]:
    return find_time_expressions(text, offset, anchor)


def one(text: str, phrase: str, anchor: date | None = ANCHOR) -> TimeExpression:
    """The expression whose text is ``phrase`` (there must be exactly one)."""
    hits = [e for e in found(text, anchor) if e.text == phrase]
    assert len(hits) == 1, (phrase, found(text, anchor))
    return hits[0]


def test_anchor_is_a_thursday() -> None:
    assert ANCHOR.weekday() == 3


@pytest.mark.parametrize(
    ("sentence", "phrase", "day", "precision"),
    [
        (
            "Israeli jets struck a depot on Wednesday, the army said.",
            "Wednesday",
            "2023-10-25",
            "day",
        ),
        ("The envoy arrived Thursday for talks in the capital.", "Thursday", "2023-10-26", "day"),
        (
            "Gunmen opened fire late on Tuesday near the border.",
            "late on Tuesday",
            "2023-10-24",
            "day",
        ),
        ("Sirens sounded across the north on Tuesday night.", "Tuesday night", "2023-10-24", "day"),
        (
            "Clashes erupted on Friday and continued into the weekend.",
            "Friday",
            "2023-10-20",
            "day",
        ),
        (
            "A second convoy crossed last Thursday, officials said.",
            "last Thursday",
            "2023-10-19",
            "day",
        ),
        ("The ministry said it would respond today.", "today", "2023-10-26", "day"),
        ("Residents said drones circled the town last night.", "last night", "2023-10-25", "day"),
        ("Shelling resumed overnight in the eastern districts.", "overnight", "2023-10-25", "day"),
        ("The minister had visited the site yesterday.", "yesterday", "2023-10-25", "day"),
        (
            "Militants stormed the post on Oct. 7, killing several guards.",
            "Oct. 7",
            "2023-10-07",
            "day",
        ),
        ("The talks of October 7th ended without a deal.", "October 7th", "2023-10-07", "day"),
        (
            "A ceasefire was first proposed on 7 October by mediators.",
            "7 October",
            "2023-10-07",
            "day",
        ),
        ("The raid on Oct 7, 2023 changed the region.", "Oct 7, 2023", "2023-10-07", "day"),
        ("The document, dated 2023-10-07, was later released.", "2023-10-07", "2023-10-07", "day"),
        ("A report filed on 25/10/2023 listed the damage.", "25/10/2023", "2023-10-25", "day"),
        ("Both sides had agreed to a truce in April.", "April", "2023-04-01", "month"),
        ("The exercise was held in April 2022.", "April 2022", "2022-04-01", "month"),
        ("The same unit had been deployed last April.", "last April", "2023-04-01", "month"),
        ("The group has carried out raids since 2006.", "2006", "2006-01-01", "year"),
        ("The port reopened in 2023 after repairs.", "2023", "2023-01-01", "year"),
        ("Aid deliveries dropped sharply last week.", "last week", "2023-10-16", "week"),
        ("The council met earlier this week in Geneva.", "earlier this week", "2023-10-23", "week"),
        ("Prices rose by a third last month.", "last month", "2023-09-01", "month"),
        ("Exports collapsed last year after the blockade.", "last year", "2022-01-01", "year"),
        (
            "The army said earlier this month that it had no plans to withdraw.",
            "earlier this month",
            "2023-10-01",
            "month",
        ),
        ("The commander was replaced two days ago.", "two days ago", "2023-10-24", "day"),
        (
            "The envoy had warned of escalation three weeks ago.",
            "three weeks ago",
            "2023-10-02",
            "week",
        ),
    ],
)
def test_resolves_against_a_fixed_anchor(
    sentence: str, phrase: str, day: str, precision: str
) -> None:
    expression = one(sentence, phrase)
    assert expression.date == date.fromisoformat(day)
    assert expression.precision == precision
    assert expression.future is False


def test_relations_from_the_preposition_before() -> None:
    text = "Rocket fire has continued since August and the closure lasts until March."
    since = one(text, "August")
    assert (since.date, since.precision, since.relation) == (date(2023, 8, 1), "month", "since")
    until = one(text, "March")
    assert until.relation == "until" and until.precision == "month"
    assert one("No strikes were reported before Oct. 3.", "Oct. 3").relation == "before"
    assert one("Calm returned after Monday's talks.", "Monday").relation == "after"
    assert one("Fighting broke out on Monday.", "Monday").relation == "at"


def test_future_expressions_point_after_the_anchor() -> None:
    next_week = one("Negotiators will return next week.", "next week")
    assert (next_week.date, next_week.precision, next_week.future) == (
        date(2023, 10, 30),
        "week",
        True,
    )
    tomorrow = one("The crossing reopens tomorrow.", "tomorrow")
    assert (tomorrow.date, tomorrow.future) == (date(2023, 10, 27), True)
    next_month = one("Elections are due next month.", "next month")
    assert (next_month.date, next_month.future) == (date(2023, 11, 1), True)
    next_tuesday = one("The vote is set for next Tuesday.", "next Tuesday")
    assert (next_tuesday.date, next_tuesday.future) == (date(2023, 10, 31), True)
    plan = one("The exercise is planned for April 2024.", "April 2024")
    assert (plan.date, plan.precision, plan.future) == (date(2024, 4, 1), "month", True)


def test_year_of_a_date_without_year_is_the_latest_not_far_after_the_anchor() -> None:
    january = date(2024, 1, 3)
    dec = one("Dec. 28 was the deadliest day of the month.", "Dec. 28", january)
    assert dec.date == date(2023, 12, 28) and not dec.future
    # A few days after the anchor is a plan in the same year, not a date a year back.
    plan = one("A summit is scheduled for Nov. 5 in Cairo.", "Nov. 5")
    assert plan.date == date(2023, 11, 5) and plan.future


def test_weekday_written_with_a_date_picks_the_year() -> None:
    # Wednesday, October 25 fell on a Wednesday in 2023 (and not in 2024 or 2022).
    pinned = one("He spoke on Wednesday (October 25) in Beirut.", "Wednesday (October 25)",
                 date(2024, 10, 1))  # fmt: skip
    assert pinned.date == date(2023, 10, 25)
    # March 4 is a Monday in 2024, not in 2023: a plan months ahead.
    plan = one("Talks are due to open on Monday, March 4.", "Monday, March 4")
    assert (plan.date, plan.future) == (date(2024, 3, 4), True)


def test_relative_to_the_last_named_date() -> None:
    text = "The border closed on Oct. 9; two days later the first convoy was turned back."
    assert one(text, "two days later").date == date(2023, 10, 11)
    text = "The hostages were moved on Oct. 12, officials said, the day before the raid."
    assert one(text, "the day before").date == date(2023, 10, 11)
    assert one("Talks collapsed the day before.", "the day before").date == date(2023, 10, 25)


def test_offsets_are_body_offsets_and_slice_back_to_the_text() -> None:
    body = "Preamble sentence. Israeli jets hit a depot on Wednesday and again on Oct. 7, 2023."
    start = body.index("Israeli")
    sentence = body[start:]
    expressions = find_time_expressions(sentence, start, ANCHOR)
    assert [e.text for e in expressions] == ["Wednesday", "Oct. 7, 2023"]
    for expression in expressions:
        assert body[expression.start : expression.end] == expression.text


def test_without_an_anchor_only_explicit_years_resolve() -> None:
    text = "The talks of Oct. 7, 2023 were recalled on Wednesday, as were those of Oct. 9 and 2006."
    by_text = {e.text: e for e in found(text, None)}
    assert by_text["Oct. 7, 2023"].date == date(2023, 10, 7)
    assert by_text["Wednesday"].date is None
    assert by_text["Oct. 9"].date is None and by_text["Oct. 9"].precision == "day"


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran may join the talks if the blockade is lifted.",
        "Thousands joined a protest march through the old city.",
        "Marchers said they would march again.",
        "Hamas fired 60 rockets and 1,400 people were displaced.",
        "Some 2,000 troops and 300 vehicles massed at the border.",
        "The Sunday Times reported the claim, citing officials.",
        "Black September was an armed group of the 1970s era.",
        "The Six-Day War redrew the map of the region.",
        "The October War is still studied in staff colleges.",
        "The March 14 Alliance boycotted the session.",
        "Theresa May met the envoy in London.",
        "Security Council Resolution 1701 called for a halt to hostilities.",
        "The convoy of 12 trucks waited for 3 hours at the crossing.",
        "The curfew starts at 10:30 each evening.",
    ],
)
def test_no_false_positives(sentence: str) -> None:
    assert found(sentence) == []


def test_years_after_a_preposition_only() -> None:
    assert [e.text for e in found("The October War of 1973 is still studied.")] == ["1973"]
    assert found("The 1970s saw a wave of hijackings.") == []


def test_ambiguous_numeric_dates_are_skipped() -> None:
    assert found("A statement on 07/10/2023 denied the report.") == []


def test_word_table_loads_once_with_all_months_and_weekdays() -> None:
    words = load_time_words()
    assert words is load_time_words()
    assert sorted(words.months.values()) == list(range(1, 13))
    assert sorted(words.weekdays.values()) == list(range(7))


# ---------------------------------------------------------------------------------------------
# anchor_date
# ---------------------------------------------------------------------------------------------


def _doc(body: str, meta: ArticleMeta, ingested: datetime | None = None) -> Document:
    return Document(
        "d1", "t.txt", "/t.txt", None, body, meta, sha256_hex(body), sha256_hex(body),
        ingested_at=ingested,
    )  # fmt: skip


def test_anchor_is_the_published_date() -> None:
    meta = ArticleMeta(published=datetime(2023, 10, 26, 9, 30), stated_date=date(2023, 10, 26))
    assert anchor_date(_doc("Jets struck on Wednesday.", meta)) == ANCHOR


def test_anchor_skips_a_mismatched_stated_date() -> None:
    estimate = DateEstimate(date(2023, 10, 7), date(2023, 10, 28), ("Oct. 7",))
    meta = ArticleMeta(
        published=date(2025, 4, 22),
        stated_date=date(2025, 4, 22),
        events_date=estimate,
        flags=("stated_date_mismatch",),
    )
    body = "The Oct. 7 attack was recalled. Talks were held on Thursday in Doha."
    assert anchor_date(_doc(body, meta)).year == 2023  # type: ignore[union-attr]


def test_anchor_from_the_body_when_no_date_is_stated() -> None:
    meta = ArticleMeta(events_date=DateEstimate(date(2023, 6, 1), date(2023, 10, 25)))
    body = "The minister said on Wednesday (October 25) that talks would resume."
    assert anchor_date(_doc(body, meta), today=date(2026, 1, 1)) == date(2023, 10, 25)


def test_no_anchor_from_an_open_ended_estimate() -> None:
    today = date(2026, 1, 1)
    meta = ArticleMeta(events_date=DateEstimate(date(2023, 10, 7), today))
    body = "Strikes resumed on Wednesday after the Oct. 7 attack."
    assert anchor_date(_doc(body, meta), today=today) is None
    assert anchor_date(_doc(body, ArticleMeta())) is None


def test_anchor_of_a_cleaned_seed_with_a_mismatched_date(seed_texts: dict[str, str]) -> None:
    """A re-posted seed stamped years later is anchored at the time of its events."""
    config = Config()
    flagged = []
    for name, text in sorted(seed_texts.items()):
        raw = RawDocument(name, f"/{name}", "text", text, sha256_hex(text), "test")
        article = clean_document(raw, config)
        if "stated_date_mismatch" in article.meta.flags:
            doc = _doc(article.body, article.meta)
            flagged.append(anchor_date(doc))
    # the republished seed (page date 2025, events of October 2023) is flagged by the cleaner
    assert flagged, "no seed has the stated_date_mismatch flag"
    assert all(day is not None and day.year == 2023 for day in flagged), flagged

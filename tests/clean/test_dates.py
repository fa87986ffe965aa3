"""Stated dates and the events-date estimate, on short texts written for these tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsgraph.clean.dates import (
    analyse_event_dates,
    estimate_event_dates,
    load_anchor_events,
    parse_date_text,
    stated_date_mismatch,
)
from newsgraph.errors import ConfigError

NOW = date(2026, 11, 24)


def span(text: str, stated: date | None = None) -> tuple[date, date]:
    estimate = estimate_event_dates(text, stated=stated, now=NOW)
    assert estimate is not None, text
    return estimate.earliest, estimate.latest


# --- stated dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date:2025-04-22 06:51:51", datetime(2025, 4, 22, 6, 51, 51)),
        ("Published: 2023-10-26", date(2023, 10, 26)),
        ("2023-10-26T10:00:00Z", datetime(2023, 10, 26, 10, 0, tzinfo=UTC)),
        (
            "2023-10-26T10:00:00+03:00",
            datetime(2023, 10, 26, 10, 0, tzinfo=timezone(timedelta(hours=3))),
        ),
        ("Thu, 26 Oct 2023 10:00:00 GMT", datetime(2023, 10, 26, 10, 0, tzinfo=UTC)),
        (
            "Published Oct. 26, 2023 10:45 a.m. Updated Oct. 27, 2023",
            datetime(2023, 10, 26, 10, 45),
        ),
        ("October 26, 2023 at 7:05 pm", datetime(2023, 10, 26, 19, 5)),
        ("26 October 2023", date(2023, 10, 26)),
        ("Posted on 4 March 2024 | 08:15", datetime(2024, 3, 4, 8, 15)),
        ("04/22/2025", date(2025, 4, 22)),
        ("22.04.2025", date(2025, 4, 22)),
    ],
)
def test_parse_stated_dates(text: str, expected: date) -> None:
    assert parse_date_text(text, now=NOW) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "View",
        "04/05/2024",  # April 5 or May 4: not stated clearly enough to use
        "Founded 1850-01-01",  # not a plausible publication date
        "2031-01-01",  # after next year
        "2023-02-30",
    ],
)
def test_unusable_stated_dates_are_none(text: str) -> None:
    assert parse_date_text(text, now=NOW) is None


# --- explicit and pinned dates --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ceasefire collapsed on October 25, 2023, officials said.",
        "The ceasefire collapsed on 25 Oct 2023, officials said.",
        "The ceasefire collapsed on 2023-10-25, officials said.",
        "The ceasefire collapsed on Wednesday, Oct. 25, 2023.",
    ],
)
def test_explicit_dates(text: str) -> None:
    assert span(text) == (date(2023, 10, 25), date(2023, 10, 25))


def test_weekday_fixes_the_year_of_a_pinned_date() -> None:
    # October 25 fell on a Wednesday in 2023 (and 2017, and 2028): the latest year before the
    # reference date is taken.
    analysis = analyse_event_dates(
        "The group said Wednesday (October 25) that the talks had ended.", now=NOW
    )
    assert analysis.present == date(2023, 10, 25)
    assert analysis.estimate is not None
    assert analysis.estimate.basis == ("Wednesday (October 25)",)
    assert span("Leaders met on Thursday, 26 October, in the capital.") == (
        date(2023, 10, 26),
        date(2023, 10, 26),
    )


def test_fresh_article_is_not_flagged() -> None:
    stated = date(2024, 3, 5)
    analysis = analyse_event_dates(
        "Negotiators said on Monday (March 4) that a deal was close.", stated=stated, now=NOW
    )
    assert analysis.present == date(2024, 3, 4)
    assert not stated_date_mismatch(stated, analysis)


def test_stated_date_before_the_events_is_flagged() -> None:
    stated = date(2023, 10, 20)
    analysis = analyse_event_dates(
        "Officials said on Wednesday (October 25) that the talks had failed.",
        stated=stated,
        now=NOW,
    )
    assert analysis.present == date(2023, 10, 25)
    assert stated_date_mismatch(stated, analysis)


# --- dates without a year -------------------------------------------------------------------


def test_yearless_dates_take_the_year_nearest_before_the_stated_date() -> None:
    assert span("Talks began on Feb. 16 and resumed.", date(2024, 3, 5)) == (
        date(2024, 2, 16),
        date(2024, 2, 16),
    )
    # Across new year: Dec. 28 in an article of January 10 is last year's.
    assert span("Talks began on Dec. 28.", date(2024, 1, 10)) == (
        date(2023, 12, 28),
        date(2023, 12, 28),
    )


def test_announced_plans_do_not_become_the_present() -> None:
    stated = date(2024, 3, 5)
    analysis = analyse_event_dates(
        "Talks on March 1 ended without a deal. A vote is set for March 20.",
        stated=stated,
        now=NOW,
    )
    assert analysis.present == date(2024, 3, 1)
    assert analysis.estimate is not None and analysis.estimate.latest == date(2024, 3, 1)
    assert not stated_date_mismatch(stated, analysis)


def test_quantities_are_not_dates() -> None:
    assert estimate_event_dates("Officials said May 5,000 more troops could come.", now=NOW) is None


def test_months_and_parts_of_months() -> None:
    text = "In early October the envoys met; in mid-October 2023 they met again."
    assert span(text, date(2023, 11, 1)) == (date(2023, 10, 1), date(2023, 10, 20))


# --- anchor events --------------------------------------------------------------------------


def test_anchor_event_plus_duration_gives_the_present_and_the_flag() -> None:
    stated = date(2025, 4, 22)
    text = (
        "The brutal Oct. 7 surprise attack stunned the country. The past three weeks changed "
        "the region, the official said on Thursday."
    )
    analysis = analyse_event_dates(text, stated=stated, now=NOW)
    assert analysis.present == date(2023, 10, 28)
    assert analysis.estimate is not None
    assert (analysis.estimate.earliest, analysis.estimate.latest) == (
        date(2023, 10, 7),
        date(2023, 10, 28),
    )
    assert "Oct. 7 surprise attack" in analysis.estimate.basis
    assert stated_date_mismatch(stated, analysis)


def test_anchor_events_date_their_mentions() -> None:
    assert span("Security was tightened after 9/11.") == (date(2001, 9, 11), date(2001, 9, 11))
    assert span("Fighters poured across the border in Operation Al-Aqsa Flood.") == (
        date(2023, 10, 7),
        date(2023, 10, 7),
    )
    # The same month and day as an anchor named in the article is that event.
    text = "The Oct. 7 attack was planned for months. Its commander spoke on Oct. 7."
    analysis = analyse_event_dates(text, now=NOW)
    assert analysis.estimate is not None and analysis.estimate.earliest == date(2023, 10, 7)
    assert analysis.present is None


def test_since_an_anchor_runs_to_the_present() -> None:
    text = "Hostages held since the Oct. 7 attack were freed on Monday (March 4)."
    assert span(text, date(2024, 3, 5)) == (date(2023, 10, 7), date(2024, 3, 4))


def test_background_history_is_neither_an_estimate_nor_a_flag() -> None:
    stated = date(2025, 6, 10)
    analysis = analyse_event_dates(
        "Recalling the Oct. 7 attack, the minister spoke on Monday (June 9).",
        stated=stated,
        now=NOW,
    )
    assert analysis.estimate is not None
    assert (analysis.estimate.earliest, analysis.estimate.latest) == (
        date(2025, 6, 9),
        date(2025, 6, 9),
    )
    # An explicit historical date says nothing about when the article was written.
    stated = date(2024, 3, 5)
    history = analyse_event_dates(
        "The war began on October 7, 2023, when gunmen crossed the fence.", stated=stated, now=NOW
    )
    assert history.present is None
    assert not stated_date_mismatch(stated, history)


def test_anchor_table_can_be_replaced(tmp_path: Path) -> None:
    table = tmp_path / "anchors.tsv"
    table.write_text(
        "# pattern<TAB>date<TAB>description\nthe\\s+great\\s+flood\t2021-07-14\ta flood\n",
        encoding="utf-8",
    )
    anchors = load_anchor_events(table)
    estimate = estimate_event_dates(
        "Towns rebuilt after the great flood.", now=NOW, anchors=anchors
    )
    assert estimate is not None and estimate.earliest == date(2021, 7, 14)
    # The shipped anchors are not used when a table is given.
    assert estimate_event_dates("after 9/11", now=NOW, anchors=anchors) is None


def test_bad_anchor_table_is_a_config_error(tmp_path: Path) -> None:
    table = tmp_path / "anchors.tsv"
    table.write_text("broken(\t2021-07-14\tx\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="anchors.tsv:1"):
        load_anchor_events(table)


# --- relative phrases and weekdays -----------------------------------------------------------


def test_relative_phrases_are_placed_from_the_stated_date() -> None:
    stated = date(2024, 3, 14)  # a Thursday
    assert span("Prices rose last month.", stated) == (date(2024, 2, 1), date(2024, 2, 29))
    assert span("Two days ago the bank acted.", stated) == (date(2024, 3, 12), date(2024, 3, 12))
    assert span("The envoys met last week.", stated) == (date(2024, 3, 4), date(2024, 3, 10))
    assert span("Inflation has risen since August.", stated) == (
        date(2023, 8, 1),
        date(2024, 3, 14),
    )
    assert span("The minister resigned on Tuesday.", stated) == (
        date(2024, 3, 12),
        date(2024, 3, 12),
    )


def test_named_days_that_are_not_weekday_mentions() -> None:
    text = "Shops opened on Good Friday and Black Friday; Friday prayers were cancelled."
    assert estimate_event_dates(text, stated=date(2024, 3, 14), now=NOW) is None


def test_weekdays_without_any_date_give_no_estimate() -> None:
    assert estimate_event_dates("He said on Wednesday that talks failed.", now=NOW) is None


def test_unplaceable_relative_phrases_leave_the_estimate_open() -> None:
    # No stated date and no present in the body: "last month" cannot be placed, so the events
    # run from the dated mention up to "now".
    text = "Since the Oct. 7 attacks the group has said little. Last month it met envoys."
    assert span(text) == (date(2023, 10, 7), NOW)


def test_weekdays_ahead_of_the_present() -> None:
    stated = date(2024, 3, 13)  # a Wednesday
    plan = "The minister told reporters he would meet the envoy, a former judge, on Thursday."
    assert span(plan, stated) == (date(2024, 3, 14), date(2024, 3, 14))
    # A reporting verb after the future marker: the weekday is when it was said.
    said = "The group warned it would respond, officials said on Tuesday."
    assert span(said, stated) == (date(2024, 3, 12), date(2024, 3, 12))
    rules = "By Wednesday evening, gatherings were banned until Saturday."
    assert span(rules, stated) == (date(2024, 3, 13), date(2024, 3, 16))
    assert span("The envoy arrives next Wednesday.", stated) == (
        date(2024, 3, 20),
        date(2024, 3, 20),
    )
    assert span("The envoy left last Wednesday.", stated) == (date(2024, 3, 6), date(2024, 3, 6))


def test_anchor_plus_duration_is_used_only_without_other_dates() -> None:
    stated = date(2025, 4, 22)
    # A fresh article that names a month lives at its own time, not three weeks after Oct. 7.
    fresh = (
        "Since the Oct. 7 attack the front has been quiet, but the past two weeks brought "
        "new strikes, and talks resumed in March."
    )
    analysis = analyse_event_dates(fresh, stated=stated, now=NOW)
    assert analysis.present is None
    assert not stated_date_mismatch(stated, analysis)
    # Long durations are not measured from the event either.
    long = "The Oct. 7 attack changed the region. The past six months were the hardest."
    assert analyse_event_dates(long, stated=stated, now=NOW).present is None

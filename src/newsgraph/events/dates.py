"""Time expressions of event sentences, resolved against the article's date.

The events stage dates each coded event from the words of its sentence: "on Wednesday",
"last night", "Oct. 7", "since August", "two days earlier". News text states most dates
relative to the day the article was written, so every expression is resolved against an
*anchor*: the article's own date (``anchor_date``).

Resolution rules (news conventions; see tests/events/test_dates.py for examples):

- A weekday is the most recent such day on or before the anchor (the anchor itself when it is
  that weekday); "last Tuesday" is strictly before it, "next Tuesday" strictly after (future).
- A date without a year ("Oct. 7", "7 October") gets the latest year that puts it at most
  ``FUTURE_SLACK_DAYS`` after the anchor; a weekday written with it ("Wednesday, Oct. 25")
  picks the year, within a year of the anchor, in which the date falls on that weekday (nearest
  the anchor first), so a plan months ahead ("Monday, March 4") lands in the next year.
- A month alone ("in April") is the latest such month that has begun by the anchor;
  "last April" the one before the anchor's month; "next April" the one after (future).
- "last/this/next week|month|year" and "earlier/later this ..." are periods around the anchor;
  the date of a week, month or year is its first day (weeks start on Monday).
- "N days/weeks/months/years ago" count back from the anchor; "N days earlier/later" and
  "the day before" count from the last date the same text named, else from the anchor.
- The preposition before an expression gives its relation: "since"/"from" -> since,
  "until"/"by"/"through" -> until, "before", "after"; otherwise "at".

Only what the text itself dates is resolved: with no anchor, only explicit dates with a year
("Oct. 7, 2023", "2023-10-07", "in 2006") get a date; the others are still returned, with
``date=None``, so that callers know a time was stated.

False positives avoided on purpose: month names are matched capitalised, and a month alone
only after a preposition or modifier ("Iran may join", "a protest march" are not dates);
numbers are dates only inside a date pattern ("60 rockets", "2,000 troops" are not); a month
or weekday directly before or after a capitalised name word of the data file is part of a name
("Sunday Times", "Black September", "the October War", "March 14 Alliance"); numeric dates
whose day and month could be swapped ("07/10/2023") are skipped.

The word lists live in ``data/time_words.tsv``, loaded once; all patterns are compiled once.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path

from newsgraph.clean.datafiles import data_file, read_rows
from newsgraph.clean.dates import analyse_event_dates
from newsgraph.errors import ConfigError
from newsgraph.model import Document

#: Days a date without a year may lie after the anchor (announced plans, time zones).
FUTURE_SLACK_DAYS = 30
#: Flag the clean stage sets when the page's stated date disagrees with the body's present.
FLAG_STATED_DATE_MISMATCH = "stated_date_mismatch"
#: Flag the clean stage sets when the stated date is after the fetch date.
FLAG_STATED_DATE_IN_FUTURE = "stated_date_in_future"

PRECISIONS = ("day", "week", "month", "year")
RELATIONS = ("at", "since", "until", "before", "after")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression of a sentence and the day it resolves to.

    ``start``/``end`` are offsets into ``Document.body``; ``date`` is the resolved day (the
    first day of the period for week, month and year precision), None when it cannot be
    resolved (no anchor); ``future`` marks expressions that point after the anchor.
    """

    text: str
    start: int
    end: int
    date: date | None
    precision: str  # "day" | "week" | "month" | "year"
    relation: str = "at"  # "at" | "since" | "until" | "before" | "after"
    future: bool = False


# --------------------------------------------------------------------------------------------
# Anchor
# --------------------------------------------------------------------------------------------


def _as_date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def anchor_date(doc: Document, *, today: date | None = None) -> date | None:
    """The day "today" means in ``doc``: the date its time expressions are resolved against.

    In order: the published (or stated) date, unless the clean stage flagged it
    ``stated_date_mismatch`` (a re-posted story stamped with a later date) or
    ``stated_date_in_future``; then the body's own present (a "Wednesday (October 25)" pair, the
    latest recent date it names) as ``clean.dates.analyse_event_dates`` finds it; then the end of
    the clean stage's reported-events estimate (``events_date.latest``) unless that estimate is
    open-ended, i.e. it runs up to the fetch date or ``today`` only because the body gave no
    present (an anchor there would put "on Wednesday" in the wrong year). Else None.
    """
    meta = doc.meta
    flags = set(meta.flags)
    stated = _as_date(meta.published) or _as_date(meta.stated_date)
    if FLAG_STATED_DATE_IN_FUTURE in flags and meta.published is None:
        stated = None
    if stated is not None and FLAG_STATED_DATE_MISMATCH not in flags:
        return stated
    present = analyse_event_dates(doc.body, stated=stated, now=today).present
    if present is not None:
        return present
    estimate = meta.events_date
    if estimate is None:
        return None
    open_ends = {today or date.today()}
    if doc.ingested_at is not None:
        open_ends.add(doc.ingested_at.date())
    if stated is None and estimate.latest in open_ends:
        return None
    return estimate.latest


# --------------------------------------------------------------------------------------------
# Word lists
# --------------------------------------------------------------------------------------------


# eq=False: tables are compared (and cached, see ``_patterns``) by identity.
@dataclass(frozen=True, slots=True, eq=False)
class TimeWords:
    """The contents of ``data/time_words.tsv``."""

    months: dict[str, int]  # full names, capitalised
    month_abbrs: dict[str, int]
    weekdays: dict[str, int]
    days: dict[str, tuple[int, bool]]  # lower-case phrase -> (offset, future)
    reference_days: dict[str, int]
    periods: dict[str, tuple[int, bool]]
    units: dict[str, str]
    numbers: dict[str, tuple[int, bool]]  # lower-case word -> (value, vague)
    relations: dict[str, str]
    not_before: frozenset[str]
    not_after: frozenset[str]


_KINDS = (
    "month",
    "month_abbr",
    "weekday",
    "day",
    "reference_day",
    "period",
    "unit",
    "number",
    "relation",
    "not_before",
    "not_after",
)


def load_time_words(path: Path | None = None) -> TimeWords:
    """Read a time-word table (``data/time_words.tsv`` by default; cached)."""
    return _read_time_words(path or data_file("time_words.tsv"))


@cache
def _read_time_words(path: Path) -> TimeWords:
    tables: dict[str, dict[str, object]] = {kind: {} for kind in _KINDS}
    for number, (kind, phrase, value, flag) in read_rows(path, min_columns=3, max_columns=4):
        if kind not in tables:
            raise ConfigError(f"{path}:{number}: unknown kind {kind!r}; expected one of {_KINDS}")
        try:
            if kind in ("month", "month_abbr", "weekday"):
                tables[kind][phrase] = int(value)
            elif kind in ("day", "period"):
                tables[kind][phrase.lower()] = (int(value), flag == "future")
            elif kind == "number":
                tables[kind][phrase.lower()] = (int(value), flag == "vague")
            elif kind == "reference_day":
                tables[kind][phrase.lower()] = int(value)
            elif kind == "unit":
                if value not in PRECISIONS:
                    raise ValueError(f"unit must be one of {PRECISIONS}")
                tables[kind][phrase.lower()] = value
            elif kind == "relation":
                if value not in RELATIONS:
                    raise ValueError(f"relation must be one of {RELATIONS}")
                tables[kind][phrase.lower()] = value
            else:
                tables[kind][phrase] = True
        except ValueError as exc:
            raise ConfigError(f"{path}:{number}: bad {kind} row: {exc}") from exc
    return TimeWords(
        months=tables["month"],  # type: ignore[arg-type]
        month_abbrs=tables["month_abbr"],  # type: ignore[arg-type]
        weekdays=tables["weekday"],  # type: ignore[arg-type]
        days=tables["day"],  # type: ignore[arg-type]
        reference_days=tables["reference_day"],  # type: ignore[arg-type]
        periods=tables["period"],  # type: ignore[arg-type]
        units=tables["unit"],  # type: ignore[arg-type]
        numbers=tables["number"],  # type: ignore[arg-type]
        relations=tables["relation"],  # type: ignore[arg-type]
        not_before=frozenset(tables["not_before"]),
        not_after=frozenset(tables["not_after"]),
    )


def _alt(words: object, *, longest_first: bool = True) -> str:
    items = sorted(words, key=len, reverse=True) if longest_first else list(words)  # type: ignore[arg-type]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


# --------------------------------------------------------------------------------------------
# Patterns (compiled once per word table)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Patterns:
    iso: re.Pattern[str]
    numeric: re.Pattern[str]
    month_day: re.Pattern[str]
    day_month: re.Pattern[str]
    month_year: re.Pattern[str]
    month_only: re.Pattern[str]
    year: re.Pattern[str]
    day_word: re.Pattern[str]
    reference_day: re.Pattern[str]
    period: re.Pattern[str]
    ago: re.Pattern[str]
    past: re.Pattern[str]
    weekday: re.Pattern[str]
    relation_before: re.Pattern[str]
    month_prep_before: re.Pattern[str]


# Prepositions after which a month name or a year alone is a date ("in April", "since 2006").
_DATE_PREPS = (
    r"in|since|until|till|through|throughout|by|from|during|before|after|of|to|"
    r"between|starting|following|prior\s+to|as\s+early\s+as|as\s+late\s+as|as\s+of"
)
_PART = r"(?:(?P<part>(?i:early|mid|late))[- ]\s*)"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:/])(?!,\d)(?!\.\d)"
# "the 1970s" is a decade, not a year.
_YEAR = r"(?P<year>(?:19|20)\d{2})(?!\d)(?!,\d)(?!s\b)"


@cache
def _patterns(words: TimeWords) -> _Patterns:
    full = _alt(words.months)
    abbr = _alt(words.month_abbrs)
    # "Oct." / "Oct" / "October"; an abbreviation needs a day or a year after it.
    month = rf"(?P<mon>(?:{full})\b|(?:{abbr})(?:\.|\b))"
    weekday = rf"(?:{_alt(words.weekdays)})\b"
    wd_prefix = rf"(?:(?P<wd>{weekday}),?\s*(?P<open>\()?\s*(?:the\s+)?)?"
    close = r"(?(open)\s*\))"
    year_tail = rf"(?:,?\s+{_YEAR})?"
    numbers = _alt(words.numbers)
    units = _alt(words.units)
    periods = _alt(words.periods)
    relations = _alt(words.relations)
    return _Patterns(
        iso=re.compile(
            r"(?<![\d./-])(?P<year>(?:19|20)\d{2})[-/](?P<mon>0?[1-9]|1[0-2])[-/]"
            r"(?P<day>0?[1-9]|[12]\d|3[01])(?![\d./-])"
        ),
        numeric=re.compile(
            r"(?<![\d./-])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d{2})(?![\d./-])"
        ),
        month_day=re.compile(rf"\b{wd_prefix}{month}\s+{_DAY}{year_tail}{close}"),
        day_month=re.compile(
            rf"(?<![\d,.$£€])\b{wd_prefix}{_DAY}\s+(?:of\s+)?{month}{year_tail}{close}"
        ),
        month_year=re.compile(rf"\b{_PART}?{month},?\s+(?:of\s+)?{_YEAR}"),
        month_only=re.compile(
            rf"\b(?:(?P<mod>(?i:last|next|this|early|mid|late))[- ]\s*)?(?P<mon>{full})\b"
            r"(?!\s*\d)"
        ),
        # A plural noun right after a four-digit number makes it a count ("in 2000 troops").
        year=re.compile(
            rf"\b{_PART}?{_YEAR}"
            r"(?!\s+(?!(?:was|has|is|as|his|its|this|thus|perhaps|always|whereas)\b)[a-z]+s\b)"
        ),
        day_word=re.compile(rf"(?i:\b(?:{_alt(words.days)})\b)"),
        reference_day=re.compile(rf"(?i:\b(?:{_alt(words.reference_days)})\b)"),
        period=re.compile(rf"(?i:\b(?P<rel>{periods})\s+(?P<unit>week|month|year)\b)"),
        ago=re.compile(
            rf"(?i:\b(?P<n>\d{{1,3}}|{numbers})\s+(?P<unit>{units})\s+"
            # "two days before the vote" counts from an event we cannot date: "before"/"after"
            # only at the end of a clause ("two days before, ...").
            r"(?P<dir>ago|earlier|later|(?:before|after)(?=\s*[,.;:)]|\s*$))\b)"
        ),
        past=re.compile(
            rf"(?i:\bthe\s+(?:past|last|previous)\s+(?:(?P<n>\d{{1,3}}|{numbers})\s+)?"
            rf"(?P<unit>{units})\b)"
        ),
        weekday=re.compile(
            r"(?:\b(?P<pre>(?i:late|early))\s+(?:(?i:on)\s+)?)?"
            r"(?:\b(?P<rel>(?i:last|next|this))\s+)?"
            rf"\b(?P<wd>{weekday})"
            r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
        ),
        relation_before=re.compile(
            rf"(?i:\b(?P<rel>{relations})\s+(?:(?:early|mid|late)[- ]\s*)?(?:the\s+)?$)"
        ),
        month_prep_before=re.compile(rf"(?i:\b(?:{_DATE_PREPS})\s+(?:the\s+)?$)"),
    )


# --------------------------------------------------------------------------------------------
# Finding and resolving
# --------------------------------------------------------------------------------------------


def _days(n: int) -> timedelta:
    return timedelta(days=n)


def _month_number(text: str, words: TimeWords) -> int:
    key = text.rstrip(".")
    return words.months.get(key) or words.month_abbrs[key]


def _latest_year(month: int, day: int, anchor: date, weekday: int | None = None) -> date | None:
    """The year of a month/day written without one.

    The latest date at most FUTURE_SLACK_DAYS after the anchor; with a weekday written beside
    it ("Monday, March 4"), the date nearest the anchor, within a year before or after it, that
    falls on that weekday (a plan months ahead names its weekday too); else the latest date.
    """
    limit = anchor + _days(FUTURE_SLACK_DAYS)
    latest: date | None = None
    for year in range(limit.year, limit.year - 5, -1):  # five: February 29 needs a leap year
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= limit:
            latest = candidate
            break
    if weekday is None:
        return latest
    matching = [
        candidate
        for year in range(anchor.year - 1, anchor.year + 2)
        if (candidate := _safe_date(year, month, day)) is not None
        and candidate.weekday() == weekday
        and abs((candidate - anchor).days) <= 366
    ]
    if matching:
        return min(matching, key=lambda d: (abs((d - anchor).days), d > anchor))
    return latest


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # February 29 of a common year
        return None


def _week_start(day: date) -> date:
    return day - _days(day.weekday())


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _period_start(anchor: date, unit: str, offset: int) -> date:
    if unit == "day":
        return anchor + _days(offset)
    if unit == "week":
        return _week_start(anchor) + _days(7 * offset)
    if unit == "month":
        return _add_months(anchor.replace(day=1), offset)
    return date(anchor.year + offset, 1, 1)


def _period_after_anchor(start: date, precision: str, anchor: date) -> bool:
    return start > anchor and _period_start(anchor, precision, 0) != start


class _Finder:
    """One pass over one text: accepted spans, in priority order, never overlapping."""

    def __init__(self, text: str, offset: int, anchor: date | None, words: TimeWords) -> None:
        self.text = text
        self.offset = offset
        self.anchor = anchor
        self.words = words
        self.taken = bytearray(len(text))
        self.found: list[TimeExpression] = []

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def part_of_name(self, start: int, end: int) -> bool:
        """A capitalised name word right before or after the span ("Black September")."""
        before = re.search(r"([A-Z][\w'’-]*)\s+$", self.text[max(0, start - 30) : start])
        if before and before.group(1) in self.words.not_before:
            return True
        after = re.match(r"\s+([A-Z][\w'’-]*)", self.text[end : end + 30])
        return bool(after and after.group(1) in self.words.not_after)

    def relation(self, start: int) -> str:
        match = _patterns(self.words).relation_before.search(self.text[max(0, start - 40) : start])
        if match is None:
            return "at"
        return self.words.relations.get(re.sub(r"\s+", " ", match["rel"].lower()), "at")

    def add(
        self,
        start: int,
        end: int,
        day: date | None,
        precision: str,
        *,
        future: bool | None = None,
        relation: str | None = None,
    ) -> None:
        # Trailing spaces or dots of an abbreviation-free match never belong to the span.
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if future is None:
            future = bool(
                day is not None
                and self.anchor is not None
                and _period_after_anchor(day, precision, self.anchor)
            )
        self.taken[start:end] = b"\x01" * (end - start)
        self.found.append(
            TimeExpression(
                self.text[start:end],
                self.offset + start,
                self.offset + end,
                day,
                precision,
                relation or self.relation(start),
                future,
            )
        )

    def last_day_before(self, start: int) -> date | None:
        """The latest-starting day-precision date already found before ``start``."""
        days = [
            e for e in self.found if e.date is not None and e.precision == "day"
            and e.end - self.offset <= start
        ]  # fmt: skip
        return max(days, key=lambda e: e.start).date if days else None


def find_time_expressions(
    text: str, offset: int, anchor: date | None, *, words: TimeWords | None = None
) -> list[TimeExpression]:
    """Time expressions of ``text`` (usually one sentence), resolved against ``anchor``.

    ``offset`` is the body offset of ``text[0]``: the returned offsets are body offsets.
    Expressions are returned in text order and never overlap. See the module docstring for
    the rules.
    """
    words = words or load_time_words()
    p = _patterns(words)
    f = _Finder(text, offset, anchor, words)
    if isinstance(anchor, datetime):
        anchor = f.anchor = anchor.date()

    # 1. Fully explicit dates.
    for m in p.iso.finditer(text):
        try:
            day = date(int(m["year"]), int(m["mon"]), int(m["day"]))
        except ValueError:
            continue
        f.add(m.start(), m.end(), day, "day")
    for m in p.numeric.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        if a > 12 >= b:
            day_n, month_n = a, b
        elif b > 12 >= a:
            month_n, day_n = a, b
        else:
            continue  # 07/10/2023: October 7 or July 10 depending on the country
        try:
            day = date(int(m["year"]), month_n, day_n)
        except ValueError:
            continue
        if f.free(m.start(), m.end()):
            f.add(m.start(), m.end(), day, "day")

    # 2. Month + day, with or without year and weekday.
    for pattern in (p.month_day, p.day_month):
        for m in pattern.finditer(text):
            if not f.free(m.start(), m.end()):
                continue
            if m["year"] is None and f.part_of_name(m.start(), m.end()):
                continue  # "March 14 Alliance"
            month_n = _month_number(m["mon"], words)
            day_n = int(re.match(r"\d+", m["day"]).group())  # type: ignore[union-attr]
            day: date | None = None
            if m["year"]:
                try:
                    day = date(int(m["year"]), month_n, day_n)
                except ValueError:
                    continue
            elif day_n > calendar.monthrange(2000, month_n)[1]:
                continue
            elif anchor is not None:
                weekday = words.weekdays.get(m["wd"]) if m["wd"] else None
                day = _latest_year(month_n, day_n, anchor, weekday)
            f.add(m.start(), m.end(), day, "day")

    # 3. Month + year ("October 2023", "in early April 2024").
    for m in p.month_year.finditer(text):
        if f.free(m.start(), m.end()):
            f.add(
                m.start(), m.end(), date(int(m["year"]), _month_number(m["mon"], words), 1), "month"
            )

    # 4. A month alone, after a preposition or a modifier.
    for m in p.month_only.finditer(text):
        start, end = m.start(), m.end()
        if not f.free(start, end) or f.part_of_name(start, end):
            continue
        mod = (m["mod"] or "").lower()
        if not mod and not p.month_prep_before.search(text[max(0, start - 30) : start]):
            continue  # "May" the modal verb, "March" the verb, a name
        month_n = words.months[m["mon"]]
        day = None
        future = None
        if anchor is not None:
            year = anchor.year if month_n <= anchor.month else anchor.year - 1
            if mod == "last" and month_n == anchor.month:
                year -= 1
            elif mod == "next":
                year = anchor.year if month_n > anchor.month else anchor.year + 1
            day = date(year, month_n, 1)
        f.add(start, end, day, "month", future=future)

    # 5. A year after a preposition ("in 2023", "since 2006", "by early 2024").
    for m in p.year.finditer(text):
        start, end = m.start(), m.end()
        if not f.free(start, end):
            continue
        if not m["part"] and not p.month_prep_before.search(text[max(0, start - 30) : start]):
            continue  # a bare number: a count, a name ("Resolution 1701"), a year we cannot tell
        f.add(start, end, date(int(m["year"]), 1, 1), "year")

    # 6. Relative days and periods.
    for m in p.day_word.finditer(text):
        if not f.free(m.start(), m.end()):
            continue
        shift, future = words.days[re.sub(r"\s+", " ", m.group().lower())]
        day = anchor + _days(shift) if anchor is not None else None
        f.add(m.start(), m.end(), day, "day", future=future)
    for m in p.past.finditer(text):
        # "the past three weeks": a span up to the anchor, dated from its start.
        if not f.free(m.start(), m.end()):
            continue
        amount, vague = (1, False)
        if m["n"]:
            amount_text = re.sub(r"\s+", " ", m["n"].lower())
            amount, vague = (
                (int(amount_text), False) if amount_text.isdigit() else words.numbers[amount_text]
            )
        unit = words.units[m["unit"].lower()]
        day = None
        if anchor is not None:
            day = {
                "day": anchor - _days(amount),
                "week": anchor - _days(7 * amount),
                "month": _add_months(anchor.replace(day=1), -amount),
                "year": date(anchor.year - amount, 1, 1),
            }[unit]
        precision = PRECISIONS[PRECISIONS.index(unit) + 1] if vague and unit != "year" else unit
        if day is not None:
            day = _period_start(day, precision, 0)
        f.add(m.start(), m.end(), day, precision, relation="since")
    for m in p.period.finditer(text):
        if not f.free(m.start(), m.end()):
            continue
        shift, future = words.periods[re.sub(r"\s+", " ", m["rel"].lower())]
        unit = m["unit"].lower()
        day = _period_start(anchor, unit, shift) if anchor is not None else None
        f.add(m.start(), m.end(), day, unit, future=future or shift > 0)
    for m in p.ago.finditer(text):
        if not f.free(m.start(), m.end()):
            continue
        amount_text = re.sub(r"\s+", " ", m["n"].lower())
        amount, vague = (
            (int(amount_text), False) if amount_text.isdigit() else words.numbers[amount_text]
        )
        unit = words.units[m["unit"].lower()]
        direction = m["dir"].lower()
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        reference = anchor if direction == "ago" else (f.last_day_before(m.start()) or anchor)
        day = None
        precision = unit
        if reference is not None:
            if unit == "day":
                day = reference + _days(sign * amount)
            elif unit == "week":
                day = _week_start(reference + _days(sign * 7 * amount))
            elif unit == "month":
                day = _add_months(reference.replace(day=1), sign * amount)
            else:
                day = date(reference.year + sign * amount, 1, 1)
        if vague and unit != "year":
            # "a few days ago": the day is a guess; the week is what the text states.
            precision = PRECISIONS[PRECISIONS.index(unit) + 1]
            day = _period_start(day, precision, 0) if day is not None else None
        later = sign > 0 and day is not None and anchor is not None and day > anchor
        f.add(m.start(), m.end(), day, precision, future=later)
    for m in p.reference_day.finditer(text):
        if not f.free(m.start(), m.end()):
            continue
        reference = f.last_day_before(m.start()) or anchor
        shift = words.reference_days[re.sub(r"\s+", " ", m.group().lower())]
        day = reference + _days(shift) if reference is not None else None
        f.add(m.start(), m.end(), day, "day")

    # 7. Weekdays.
    for m in p.weekday.finditer(text):
        start, end = m.start(), m.end()
        if not f.free(start, end):
            # "late on Tuesday" may overlap nothing but "Tuesday"; retry on the name alone.
            start, end = m.start("wd"), m.end("wd")
            if not f.free(start, end):
                continue
        if f.part_of_name(m.start("wd"), m.end("wd")):
            continue
        weekday = words.weekdays[m["wd"]]
        rel = (m["rel"] or "").lower()
        day = None
        future = False
        if anchor is not None:
            back = (anchor.weekday() - weekday) % 7
            if rel == "next":
                day = anchor + _days((weekday - anchor.weekday()) % 7 or 7)
                future = True
            elif rel == "last":
                day = anchor - _days(back or 7)
            else:
                day = anchor - _days(back)
        f.add(start, end, day, "day", future=future)

    f.found.sort(key=lambda e: e.start)
    return f.found

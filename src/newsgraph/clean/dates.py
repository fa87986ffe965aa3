"""Dates: the date a page states, and when the events it reports happened.

Two questions, kept apart because pages often get the first one wrong (a re-posted wire story
stamped with the day it was scraped):

- ``parse_date_text``: the publication date a page or its container *states*
  ("Date:2025-04-22 06:51:51", "Oct. 26, 2023 10:45 AM", an RFC 2822 feed date).
- ``analyse_event_dates``: when the *reported events* happened, from the dates in the body.

How the body is read (``analyse_event_dates``):

1. Mentions are found, most specific first, and each consumes its characters:
   explicit dates with a year ("October 25, 2023", "25 Oct 2023", "2023-10-25", "October 2023");
   weekday+date pairs ("Wednesday (October 25)"), whose weekday fixes the year (the latest year,
   at most a week after the reference date, in which that date falls on that weekday);
   anchor events from ``data/anchor_events.tsv`` ("the Oct. 7 attack" -> 2023-10-07);
   dates without a year ("Oct. 7", "on February 16"); months ("in April", "since August");
   relative phrases ("the past three weeks", "two days ago", "last month", "this week");
   weekdays ("on Thursday": the latest one on or before the present; "next Thursday", "until
   Saturday" and a weekday after "will"/"would"/"expected" in the same clause look ahead).
2. The article's *present* (the day it was written, as its body tells it) is taken from, in
   order: the latest weekday+date pair; else the latest date without a year that is not a
   "since" date (a year-less date is, in news style, recent); else the latest anchor event
   plus the longest "the past N weeks" duration (an article that says "the past three weeks"
   and names only the Oct. 7 attack was written three weeks after it; only when the body names
   no month and no later explicit date, and for durations up to three months). Otherwise the
   body states no present.
3. Everything else is placed relative to that present, or to the stated date when the body
   gives none. Dates without a year go to the year that puts them nearest before the present
   (a little after it is allowed for announced plans); a year-less date with the same month
   and day as an anchor event named in the same article is that event.
4. The estimate spans the placed mentions, leaving out plans more than a week after the present
   and background more than a year before the latest mention. With neither a stated date nor a
   present in the body, weekdays and relative phrases cannot be placed: the estimate then runs
   from the dated mentions up to the reference date (today, or the fetch date), an honest
   "some time after".

``stated_date_mismatch`` compares the stated date with the body's present only: background
dates never raise it, and an article whose body states no present is never flagged.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import cache, lru_cache
from pathlib import Path

from newsgraph.clean.datafiles import data_file, read_rows
from newsgraph.errors import ConfigError
from newsgraph.model import DateEstimate

#: Days the body's present may lie before the stated date before the date is flagged.
MISMATCH_BEFORE_DAYS = 30
#: Days the body's present may lie after the stated date (time zones, late edits).
MISMATCH_AFTER_DAYS = 2
#: Mentions ending more than this many days before the latest one are background.
BACKGROUND_DAYS = 366
#: Year-less dates and weekday pairs may lie this many days after their reference point.
FUTURE_SLACK_DAYS = 7
#: "The past N weeks" is read as measured from a named event only for durations up to this.
MAX_ANCHOR_DURATION_DAYS = 92

MONTH_NUMBERS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
MONTH_NUMBERS["sept"] = 9
WEEKDAY_NUMBERS = {calendar.day_name[i].lower(): i for i in range(7)}

# Month names as news text writes them: "October", "Oct.", "Oct", "Sept.".
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
    r"(?![\w])"
)
# Full month names only: for month-only mentions, where "Mar" or "May" alone are too ambiguous
# without a preposition (the preposition is required too).
_MONTH_NAME = "(?:" + "|".join(calendar.month_name[i] for i in range(1, 13)) + r")\b"
_WEEKDAY = "(?:" + "|".join(calendar.day_name) + r")\b"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w:/])(?!,\d)"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_NO_YEAR = r"(?!,?\s*(?:19|20)\d{2}(?!\d))"
_NUM = (
    r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a\s+few|few|several|a\s+couple\s+of)"
)
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    # Vague amounts get a modest number: they only widen an estimate.
    "a few": 3,
    "few": 3,
    "several": 3,
    "a couple of": 2,
}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30}

_FULL_ISO = re.compile(
    r"(?<![\d-])(?P<year>(?:19|20)\d{2})-(?P<mon>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])"
)
# A weekday before a full date belongs to it ("Wednesday, Oct. 25, 2023").
_WEEKDAY_PREFIX = rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?"
_FULL_MDY = re.compile(
    rf"\b{_WEEKDAY_PREFIX}(?P<mon>{_MONTH})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})"
)
_FULL_DMY = re.compile(
    rf"\b{_WEEKDAY_PREFIX}(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<year>{_YEAR})"
)
_MONTH_YEAR = re.compile(
    rf"\b(?:(?P<part>(?i:early|mid|late))[- ]\s*)?(?P<mon>{_MONTH}),?\s+(?:of\s+)?(?P<year>{_YEAR})"
)
_PINNED = re.compile(
    rf"\b(?P<wd>{_WEEKDAY}),?\s*\(?\s*(?:(?P<mon>{_MONTH})\s+(?P<day>{_DAY})|"
    rf"(?P<day2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MONTH})){_NO_YEAR}\s*\)?"
)
_MONTH_DAY = re.compile(rf"\b(?P<mon>{_MONTH})\s+(?P<day>{_DAY}){_NO_YEAR}")
_DAY_MONTH = re.compile(rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}){_NO_YEAR}")
_MONTH_ONLY = re.compile(
    r"\b(?P<prep>(?i:in|since|until|till|by|from|during|through|throughout|last|this|early|mid|"
    r"late|of|before|after))[- ]\s*"
    rf"(?:(?P<part>(?i:early|mid|late))[- ]\s*)?(?P<mon>{_MONTH_NAME})(?!\s+\d)"
)
_PAST_N = re.compile(
    rf"\b(?:(?:in|over|during|for)\s+)?the\s+(?:past|last|previous)\s+(?:(?P<n>{_NUM})\s+)?"
    r"(?P<unit>day|week|month)s?\b",
    re.IGNORECASE,
)
_AGO = re.compile(rf"\b(?P<n>{_NUM})\s+(?P<unit>day|week|month)s?\s+ago\b", re.IGNORECASE)
_LAST_UNIT = re.compile(r"\b(?P<since>since\s+)?last\s+(?P<unit>week|month)\b", re.IGNORECASE)
_THIS_UNIT = re.compile(r"\b(?:(?:earlier|later)\s+)?this\s+(?P<unit>week|month)\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\b(?:yesterday|last\s+night)\b", re.IGNORECASE)
_WEEKDAY_ONLY = re.compile(
    r"(?<!Good )(?<!Black )(?<!Ash )(?<!Holy )(?<!Super )(?<!Cyber )(?<!Maundy )"
    rf"\b(?:(?P<rel>(?i:last|next|this|since|until|by|on))\s+)?(?P<wd>{_WEEKDAY})(?!\s+prayers)"
)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
# A weekday after a future marker in the same clause is ahead of the present ("he would meet the
# envoy on Thursday"), unless a reporting verb intervenes ("it would respond, officials said on
# Thursday").
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|is\s+due|are\s+due|expected|scheduled|plans?|planned|set\s+to|"
    r"going\s+to|upcoming)\b(?![^.!?]*\b(?:said|says|told|announced|reported|added|stated)\b)"
    r"[^.!?]*$",
    re.IGNORECASE,
)
_FUTURE_WINDOW = 80


# --------------------------------------------------------------------------------------------
# Anchor events
# --------------------------------------------------------------------------------------------


# The look-behind stands in for \b, which fails before a leading quote mark.
_ANCHOR_START = r"(?<![\w])"


@dataclass(frozen=True, slots=True)
class AnchorEvent:
    """A well-known dated event that articles name without its year."""

    pattern: re.Pattern[str]
    day: date
    description: str


def load_anchor_events(path: Path | None = None) -> tuple[AnchorEvent, ...]:
    """Read an anchor-event table (``data/anchor_events.tsv`` by default)."""
    if path is None:
        return _default_anchor_events()
    return _read_anchor_events(path)


@cache
def _default_anchor_events() -> tuple[AnchorEvent, ...]:
    return _read_anchor_events(data_file("anchor_events.tsv"))


def _read_anchor_events(path: Path) -> tuple[AnchorEvent, ...]:
    events = []
    for number, (pattern, day, description) in read_rows(path, min_columns=2, max_columns=3):
        try:
            compiled = re.compile(rf"{_ANCHOR_START}(?:{pattern})", re.IGNORECASE)
            events.append(AnchorEvent(compiled, date.fromisoformat(day), description))
        except (re.error, ValueError) as exc:
            raise ConfigError(f"{path}:{number}: bad anchor event: {exc}") from exc
    return tuple(events)


# --------------------------------------------------------------------------------------------
# Stated dates
# --------------------------------------------------------------------------------------------

_S_ISO = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})[-/.](?P<mon>0?[1-9]|1[0-2])[-/.](?P<day>0?[1-9]|[12]\d|3[01])"
    r"(?:(?:[T ]|,?\s+(?:at\s+)?)(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?"
    r"(?:\.\d+)?\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?(?!\d)"
)
_S_TIME = (
    r"(?:\s*(?:,|at|-|–|—|\|)?\s*(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?)?"
)
_S_MDY = re.compile(
    rf"\b(?P<mon>{_MONTH})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR}){_S_TIME}", re.IGNORECASE
)
_S_DMY = re.compile(
    rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<year>{_YEAR}){_S_TIME}",
    re.IGNORECASE,
)
_S_NUMERIC = re.compile(
    r"(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<year>(?:19|20)\d{2})(?!\d)"
)
_S_RFC2822 = re.compile(r"^\s*(?:[A-Z][a-z]{2},\s*)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d")


def parse_date_text(text: str, *, now: date | None = None) -> datetime | date | None:
    """The first plausible date (with its time when given) stated in ``text``, or None.

    Returns a ``datetime`` when a time is given (time-zone aware when an offset is), else a
    ``date``. Dates before 1990 or after next year are not taken as publication dates.
    """
    if not text or not text.strip():
        return None
    latest_year = (now or date.today()).year + 1
    found = _parse_any(text.strip())
    if found is None:
        return None
    if not 1990 <= found.year <= latest_year:
        return None
    return found


def _parse_any(text: str) -> datetime | date | None:
    if _S_RFC2822.match(text):
        try:
            return parsedate_to_datetime(text)
        except (TypeError, ValueError):
            pass
    candidates: list[tuple[int, datetime | date]] = []
    for regex, builder in (
        (_S_ISO, _build_iso),
        (_S_MDY, _build_named),
        (_S_DMY, _build_named),
        (_S_NUMERIC, _build_numeric),
    ):
        for match in regex.finditer(text):
            value = builder(match)
            if value is not None:
                candidates.append((match.start(), value))
                break
    if not candidates:
        return None
    # The first date in the text is the stated one ("Published ... Updated ...").
    return min(candidates, key=lambda item: item[0])[1]


def _build_iso(match: re.Match[str]) -> datetime | date | None:
    try:
        day = date(int(match["year"]), int(match["mon"]), int(match["day"]))
    except ValueError:
        return None
    if match["h"] is None:
        return day
    tz = _tzinfo(match["tz"])
    return datetime(
        day.year, day.month, day.day, int(match["h"]), int(match["mi"]), int(match["s"] or 0),
        tzinfo=tz,
    )  # fmt: skip


def _tzinfo(text: str | None) -> timezone | None:
    if not text:
        return None
    if text in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _build_named(match: re.Match[str]) -> datetime | date | None:
    month = _month_number(match["mon"])
    try:
        day = date(int(match["year"]), month, _day_number(match["day"]))
    except ValueError:
        return None
    return _with_time(day, match)


def _build_numeric(match: re.Match[str]) -> date | None:
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    if a > 12 and b <= 12:
        day, month = a, b
    elif b > 12 and a <= 12:
        month, day = a, b
    else:
        # 04/05/2024 is April 5 or May 4 depending on the country: not a date to state.
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _with_time(day: date, match: re.Match[str]) -> datetime | date:
    if match["h"] is None:
        return day
    hour = int(match["h"])
    ampm = (match["ampm"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return datetime(day.year, day.month, day.day, hour, int(match["mi"]), int(match["s"] or 0))


def _month_number(text: str) -> int:
    key = text.rstrip(".").lower()
    return MONTH_NUMBERS.get(key) or MONTH_NUMBERS[key[:3]]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


# --------------------------------------------------------------------------------------------
# Event dates
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    """One date phrase of the body, placed in time once its year or present is known."""

    kind: str  # full | month_year | pinned | anchor | month_day | month | past | ago | ...
    text: str
    start: int
    since: bool = False
    year: int = 0
    month: int = 0
    day: int = 0
    part: str = ""  # early | mid | late
    rel: str = ""  # last | next | this | ...
    weekday: int = -1
    amount: int = 0
    unit: str = ""
    first: date | None = None
    last: date | None = None

    @property
    def placed(self) -> bool:
        return self.first is not None and self.last is not None


@dataclass(frozen=True, slots=True)
class DateAnalysis:
    """What the body says about time.

    ``estimate``: when the reported events happened (None when the body has no usable dates);
    ``present``: the day the body was written as the body itself tells it (None when it does
    not), with ``present_basis`` the phrases that gave it.
    """

    estimate: DateEstimate | None
    present: date | None = None
    present_basis: tuple[str, ...] = field(default_factory=tuple)


def analyse_event_dates(
    text: str,
    *,
    stated: date | None = None,
    now: date | None = None,
    anchors: Sequence[AnchorEvent] | None = None,
) -> DateAnalysis:
    """Estimate when the events reported in ``text`` happened (see the module docstring).

    ``stated``: the date the page states, if any; ``now``: the latest date the article can have
    (the fetch date, or today; default today); ``anchors``: anchor events (default: the
    shipped table).
    """
    now = now or date.today()
    if isinstance(stated, datetime):
        stated = stated.date()
    if isinstance(now, datetime):
        now = now.date()
    anchors = _default_anchor_events() if anchors is None else anchors
    reference = stated or now
    mentions = _find_mentions(text, anchors)

    # 1. What has its year in the text (or from its weekday).
    for m in mentions:
        if m.kind in ("full", "anchor"):
            m.last = m.first
        elif m.kind == "month_year":
            m.first, m.last = _month_range(m.year, m.month, m.part)
        elif m.kind == "pinned":
            m.first = m.last = _pinned_date(m.month, m.day, m.weekday, reference)
    anchor_days = {
        (m.first.month, m.first.day): m.first for m in mentions if m.kind == "anchor" and m.first
    }
    for m in mentions:
        if m.kind == "month_day" and (m.month, m.day) in anchor_days:
            m.kind = "anchor"
            m.first = m.last = anchor_days[(m.month, m.day)]
    absolute = [m.first for m in mentions if m.kind in ("full", "anchor") and m.first]
    context = max((d for d in absolute if d <= reference), default=None)

    # 2. The body's present.
    present: date | None = None
    present_basis: list[str] = []
    pinned = [m for m in mentions if m.kind == "pinned" and m.first]
    recent = [m for m in mentions if m.kind == "month_day" and not m.since]
    durations = [m for m in mentions if m.kind == "past"]
    if pinned:
        best = max(pinned, key=lambda m: m.first)  # type: ignore[arg-type, return-value]
        present, present_basis = best.first, [best.text]
    elif recent:
        for m in recent:
            m.first = m.last = _place_month_day(m.month, m.day, stated, context, now)
        candidates = [
            m for m in recent if m.first and m.first <= reference + _days(FUTURE_SLACK_DAYS)
        ]
        if candidates:
            best = max(candidates, key=lambda m: m.first)  # type: ignore[arg-type, return-value]
            present, present_basis = best.first, [best.text]
    elif durations and context is not None and _only_anchor_and_durations(mentions, context):
        longest = max(durations, key=lambda m: m.amount * UNIT_DAYS[m.unit])
        length = longest.amount * UNIT_DAYS[longest.unit]
        if length <= MAX_ANCHOR_DURATION_DAYS and context + _days(length) <= reference + _days(
            FUTURE_SLACK_DAYS
        ):
            anchor = max(
                (m for m in mentions if m.kind in ("anchor", "full") and m.first == context),
                key=lambda m: m.start,
            )
            present = context + _days(length)
            present_basis = [anchor.text, longest.text]

    # 3. Everything else, relative to the present (or the stated date).
    point = present or stated
    open_end: list[_Mention] = []
    for m in mentions:
        if m.placed or m.kind == "pinned":  # a pinned date that never fell on its weekday
            continue
        if m.kind == "month_day":
            if point is not None:
                m.first = m.last = _nearest_before(m.month, m.day, point)
            else:
                m.first = m.last = _place_month_day(m.month, m.day, None, context, now)
        elif m.kind == "month":
            m.first, m.last = _place_month(m, point, context, now)
        elif point is not None:
            m.first, m.last = _place_relative(m, point)
        else:
            open_end.append(m)
    # "since X" runs from X to the present.
    for m in mentions:
        if m.since and m.placed:
            if point is not None:
                m.last = max(m.last, point)  # type: ignore[type-var]
            else:
                open_end.append(m)

    # 4. The estimate.
    placed = [m for m in mentions if m.placed]
    if point is not None:
        placed = [m for m in placed if m.first <= point + _days(FUTURE_SLACK_DAYS)]  # type: ignore[operator]
    if not placed:
        return DateAnalysis(None, present, tuple(present_basis))
    latest_end = max(m.last for m in placed)  # type: ignore[type-var]
    cutoff = latest_end - _days(BACKGROUND_DAYS)
    kept = [m for m in placed if m.last >= cutoff]  # type: ignore[operator]
    earliest = min(m.first for m in kept)  # type: ignore[type-var]
    latest = max(m.last for m in kept)  # type: ignore[type-var]
    if open_end:
        latest = max(latest, now)
        kept.extend(open_end)
    basis = tuple(dict.fromkeys(m.text for m in sorted(kept, key=lambda m: m.start)))
    return DateAnalysis(DateEstimate(earliest, latest, basis), present, tuple(present_basis))


def _only_anchor_and_durations(mentions: Sequence[_Mention], context: date) -> bool:
    """True when nothing in the body dates it other than named events and durations.

    Only then is "the past three weeks" read as measured from the latest named event: any month
    named, or any explicit date after the event, says the article lives at another time.
    """
    for m in mentions:
        if m.kind == "month":
            return False
        if m.kind in ("full", "month_year") and m.first is not None and m.first > context:
            return False
    return True


def estimate_event_dates(
    text: str,
    *,
    stated: date | None = None,
    now: date | None = None,
    anchors: Sequence[AnchorEvent] | None = None,
) -> DateEstimate | None:
    """Only the estimate of ``analyse_event_dates``."""
    return analyse_event_dates(text, stated=stated, now=now, anchors=anchors).estimate


def stated_date_mismatch(stated: date | datetime, analysis: DateAnalysis) -> bool:
    """True when the body's present lies far before the stated date, or after it."""
    if analysis.present is None:
        return False
    day = stated.date() if isinstance(stated, datetime) else stated
    return analysis.present < day - _days(MISMATCH_BEFORE_DAYS) or analysis.present > day + _days(
        MISMATCH_AFTER_DAYS
    )


# --------------------------------------------------------------------------------------------
# Finding mentions
# --------------------------------------------------------------------------------------------


def _find_mentions(text: str, anchors: Iterable[AnchorEvent]) -> list[_Mention]:
    mentions: list[_Mention] = []
    # The text with already-consumed spans blanked out (same length, so offsets hold). Rebuilt
    # only when a scan consumed something: most scans find nothing, and rebuilding the string
    # for each of the ~20 patterns dominated the cost of this stage.
    masked = text
    pending: list[tuple[int, int]] = []

    def free() -> str:
        nonlocal masked
        if pending:
            pieces: list[str] = []
            last = 0
            for start, end in sorted(pending):
                start = max(start, last)
                if end <= start:
                    continue
                pieces.append(masked[last:start])
                pieces.append(" " * (end - start))
                last = end
            pieces.append(masked[last:])
            masked = "".join(pieces)
            pending.clear()
        return masked

    def take(start: int, end: int) -> None:
        pending.append((start, end))

    def scan(regex: re.Pattern[str], build: Callable[[re.Match[str]], _Mention | None]) -> None:
        for match in list(regex.finditer(free())):
            mention = build(match)
            if mention is not None:
                mention.since = mention.since or _after_since(text, match.start())
                mentions.append(mention)
                take(match.start(), match.end())

    scan(_FULL_ISO, lambda m: _full(m, text))
    # Most patterns need a month name; a body without one skips them all.
    has_month = _ANY_MONTH.search(text) is not None
    if has_month:
        scan(_FULL_MDY, lambda m: _full(m, text))
        scan(_FULL_DMY, lambda m: _full(m, text))
        scan(_MONTH_YEAR, lambda m: _month_year(m, text))
        scan(_PINNED, lambda m: _pinned(m, text))
    anchors = tuple(anchors)
    for match in list(_anchor_alternation(anchors).finditer(free())):
        anchor = anchors[int(match.lastgroup[1:])]  # type: ignore[index]
        phrase = text[match.start() : match.end()]
        mentions.append(
            _Mention(
                "anchor",
                phrase,
                match.start(),
                since=phrase.lower().startswith("since") or _after_since(text, match.start()),
                first=anchor.day,
            )
        )
        # Only the date inside the phrase is consumed, so other mentions in a long phrase
        # ("attacked ... on Monday ... Oct. 7") are still found.
        inner = _MONTH_DAY.search(phrase) or _DAY_MONTH.search(phrase)
        if inner is not None:
            take(match.start() + inner.start(), match.start() + inner.end())
        else:
            take(match.start(), match.end())
    if has_month:
        scan(_MONTH_DAY, lambda m: _month_day(m, text))
        scan(_DAY_MONTH, lambda m: _month_day(m, text))
        scan(_MONTH_ONLY, lambda m: _month_only(m, text))
    # The relative patterns each need a keyword; skipping a scan when its keyword is absent
    # saves most of their cost on typical bodies.
    low = text.lower()
    if "past" in low or "last" in low or "previous" in low:
        scan(_PAST_N, lambda m: _relative(m, text, "past"))
    if "ago" in low:
        scan(_AGO, lambda m: _relative(m, text, "ago"))
    if "last" in low:
        scan(_LAST_UNIT, lambda m: _relative(m, text, "last_unit"))
    if "this" in low:
        scan(_THIS_UNIT, lambda m: _relative(m, text, "this_unit"))
    if "yesterday" in low or "night" in low:
        scan(_YESTERDAY, lambda m: _Mention("yesterday", _phrase(m, text), m.start()))
    scan(_WEEKDAY_ONLY, lambda m: _weekday(m, text))
    mentions.sort(key=lambda m: m.start)
    return mentions


_ANY_MONTH = re.compile(_MONTH)


@lru_cache(maxsize=8)
def _anchor_alternation(anchors: tuple[AnchorEvent, ...]) -> re.Pattern[str]:
    """All anchor patterns as one alternation (group ``a<i>`` = anchor i): one pass, not n."""
    if not anchors:
        return re.compile(r"(?!x)x")  # matches nothing
    # One shared look-behind in front of the alternation: repeating it in every branch made
    # the combined pattern no faster than separate scans.
    bodies = [a.pattern.pattern.removeprefix(_ANCHOR_START) for a in anchors]
    branches = "|".join(f"(?P<a{i}>{body})" for i, body in enumerate(bodies))
    return re.compile(f"{_ANCHOR_START}(?:{branches})", re.IGNORECASE)


def _phrase(match: re.Match[str], text: str) -> str:
    return text[match.start() : match.end()].strip()


def _after_since(text: str, start: int) -> bool:
    return bool(_SINCE_BEFORE.search(text[max(0, start - 40) : start]))


def _full(match: re.Match[str], text: str) -> _Mention | None:
    mon = match["mon"]
    month = int(mon) if mon.isdigit() else _month_number(mon)
    try:
        day = date(int(match["year"]), month, _day_number(match["day"]))
    except ValueError:
        return None
    return _Mention("full", _phrase(match, text), match.start(), first=day)


def _month_year(match: re.Match[str], text: str) -> _Mention:
    return _Mention(
        "month_year",
        _phrase(match, text),
        match.start(),
        month=_month_number(match["mon"]),
        part=(match["part"] or "").lower(),
        year=int(match["year"]),
    )


def _pinned(match: re.Match[str], text: str) -> _Mention | None:
    mon, day = (match["mon"], match["day"]) if match["mon"] else (match["mon2"], match["day2"])
    month, day_number = _month_number(mon), _day_number(day)
    if not _valid_month_day(month, day_number):
        return None
    return _Mention(
        "pinned",
        _phrase(match, text),
        match.start(),
        month=month,
        day=day_number,
        weekday=WEEKDAY_NUMBERS[match["wd"].lower()],
    )


def _month_day(match: re.Match[str], text: str) -> _Mention | None:
    month, day = _month_number(match["mon"]), _day_number(match["day"])
    if not _valid_month_day(month, day):
        return None
    return _Mention("month_day", _phrase(match, text), match.start(), month=month, day=day)


def _month_only(match: re.Match[str], text: str) -> _Mention:
    prep = match["prep"].lower()
    part = (match["part"] or "").lower()
    if prep in ("early", "mid", "late"):
        part = part or prep
    return _Mention(
        "month",
        _phrase(match, text),
        match.start(),
        since=prep == "since",
        month=_month_number(match["mon"]),
        part=part,
        rel="last" if prep == "last" else "",
    )


def _relative(match: re.Match[str], text: str, kind: str) -> _Mention:
    groups = match.groupdict()
    amount_text = re.sub(r"\s+", " ", (groups.get("n") or "one").lower())
    amount = int(amount_text) if amount_text.isdigit() else NUMBER_WORDS.get(amount_text, 1)
    return _Mention(
        kind,
        _phrase(match, text),
        match.start(),
        since=bool(groups.get("since")),
        amount=amount,
        unit=match["unit"].lower(),
    )


def _weekday(match: re.Match[str], text: str) -> _Mention:
    rel = (match["rel"] or "").lower()
    if rel in ("until", "by") or (
        rel != "last"
        and _FUTURE_BEFORE.search(text[max(0, match.start() - _FUTURE_WINDOW) : match.start()])
    ):
        rel = rel if rel == "next" else "ahead"
    return _Mention(
        "weekday",
        _phrase(match, text),
        match.start(),
        since=rel == "since",
        rel=rel,
        weekday=WEEKDAY_NUMBERS[match["wd"].lower()],
    )


# --------------------------------------------------------------------------------------------
# Placing mentions in time
# --------------------------------------------------------------------------------------------


def _days(n: int) -> timedelta:
    return timedelta(days=n)


def _valid_month_day(month: int, day: int) -> bool:
    return 1 <= day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _candidates(month: int, day: int, around: int) -> list[date]:
    found = (_safe_date(y, month, day) for y in range(around - 1, around + 2))
    return [d for d in found if d is not None]


def _nearest_before(month: int, day: int, point: date) -> date | None:
    """The year that puts month/day nearest before ``point``; plans a little after are allowed."""

    def cost(d: date) -> int:
        # A date after the point is a plan: possible, but less likely than a past event.
        if d <= point + _days(FUTURE_SLACK_DAYS):
            return abs((point - d).days)
        return 3 * (d - point).days

    options = _candidates(month, day, point.year)
    return min(options, key=cost) if options else None


def _nearest_after(month: int, day: int, context: date) -> date | None:
    """The year that puts month/day nearest after ``context`` (a past event the text names)."""

    def cost(d: date) -> int:
        return (d - context).days if d >= context else 2 * (context - d).days

    options = _candidates(month, day, context.year)
    return min(options, key=cost) if options else None


def _place_month_day(
    month: int, day: int, stated: date | None, context: date | None, now: date
) -> date | None:
    if stated is not None:
        return _nearest_before(month, day, stated)
    if context is not None:
        # No stated date: the article was written after the dated events it names, so its
        # year-less dates lie near after them rather than near today.
        return _nearest_after(month, day, context)
    return _nearest_before(month, day, now)


def _month_range(year: int, month: int, part: str) -> tuple[date, date]:
    last_day = calendar.monthrange(year, month)[1]
    first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, last_day)}.get(
        part, (1, last_day)
    )
    return date(year, month, first), date(year, month, last)


def _place_month(
    m: _Mention, point: date | None, context: date | None, now: date
) -> tuple[date, date]:
    if point is None and context is not None:
        year = context.year if m.month >= context.month else context.year + 1
    else:
        base = point or now
        # "in April" is the latest April that has begun; "last April" one before this month.
        year = (
            base.year
            if (m.month < base.month or (m.month == base.month and m.rel != "last"))
            else base.year - 1
        )
    first, last = _month_range(year, m.month, m.part)
    return first, last


def _place_relative(m: _Mention, point: date) -> tuple[date | None, date | None]:
    if m.kind == "past":
        return point - _days(m.amount * UNIT_DAYS[m.unit]), point
    if m.kind == "ago":
        day = point - _days(m.amount * UNIT_DAYS[m.unit])
        return day, day
    if m.kind == "last_unit":
        if m.unit == "week":
            start = point - _days(point.weekday() + 7)
            return start, (point if m.since else start + _days(6))
        end = point.replace(day=1) - _days(1)
        return end.replace(day=1), (point if m.since else end)
    if m.kind == "this_unit":
        start = point - _days(point.weekday()) if m.unit == "week" else point.replace(day=1)
        return start, point
    if m.kind == "yesterday":
        return point - _days(1), point - _days(1)
    if m.kind == "weekday":
        back = (point.weekday() - m.weekday) % 7
        if m.rel == "next":
            day = point + _days((m.weekday - point.weekday()) % 7 or 7)
        elif m.rel == "ahead":  # "until Saturday", "will meet on Thursday": on or after
            day = point + _days((m.weekday - point.weekday()) % 7)
        elif m.rel == "last":
            day = point - _days(back or 7)
        else:
            day = point - _days(back)
        return day, day
    return None, None


def _pinned_date(month: int, day: int, weekday: int, reference: date) -> date | None:
    """The latest date with this month, day and weekday, at most a week after ``reference``."""
    limit = reference + _days(FUTURE_SLACK_DAYS)
    for year in range(limit.year, limit.year - 40, -1):
        candidate = _safe_date(year, month, day)
        if candidate is not None and candidate <= limit and candidate.weekday() == weekday:
            return candidate
    return None

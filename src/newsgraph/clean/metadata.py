"""Article metadata from the cleaner's blocks, the clean body, container hints and HTML fields.

What each field means and where it comes from, best source first:

- ``title``: hints["title"] > the HTML title > the cleaner's "title" block.
- ``outlet`` (the site or brand that published the page): hints["outlet"] > the HTML site name >
  the URL's domain in ``data/outlets.tsv`` > clues in the removed page furniture, found by their
  shape and never by a list of names: a breadcrumb or title line ending "... -SiteName",
  "Support <Outlet> with a small donation", "© 2024 <Outlet>", "<Outlet> — All rights reserved".
- ``byline``/``authors``: hints["byline"] > the "byline" block > the HTML author. Agency names
  in a byline ("By Pishtaz and AFP") are credits, not authors.
- ``dateline``: the place that opens one of the first body paragraphs ("BEIRUT (AP) — ...",
  "GAZA CITY, Gaza Strip (AP) —", "WASHINGTON, Oct 26 (Reuters) -"). A place in capitals needs
  only a dash or colon after it; a place in ordinary case needs an agency in brackets or a date,
  so that a sentence start is never read as a dateline.
- ``wire_sources``: agencies and syndicators (``data/wire_agencies.tsv``) *credited* with the
  story: the dateline's "(AP)", a byline, "X staff writer Y contributed to this report",
  "(Reporting by ...; Editing by ...)" (Reuters' signature), "This story was provided by X",
  "Content created by X is available ...", "Source: X", "© X", a paragraph that is only an
  agency name ("— AFP", "With agencies"; not above the article text or in a caption, where it
  is a photo credit). An unnamed "agencies" credit counts only when no agency is named.
  Citations ("told The Associated Press", "Reuters reported", "according to an AFP
  tally") are not credits and are never matched: only the credit shapes above are.
- ``stated_date``: hints["published"] > the HTML date > the "date" block > a date in the byline.
  ``published`` is the stated date unless that is after the fetch date (or today).
- ``events_date`` and the date flags: see ``newsgraph.clean.dates``.
- ``language``: hints["language"] > py3langid on the body > the HTML language attribute.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from newsgraph.clean.datafiles import data_file, read_rows, read_words
from newsgraph.clean.dates import (
    AnchorEvent,
    analyse_event_dates,
    load_anchor_events,
    parse_date_text,
    stated_date_mismatch,
)
from newsgraph.clean.language import detect_language, normalise_language_tag
from newsgraph.errors import ConfigError
from newsgraph.model import ArticleMeta

#: Flag: the body's own present lies far before the stated date, or after it.
FLAG_STATED_DATE_MISMATCH = "stated_date_mismatch"
#: Flag: the stated date is after the fetch date (or today); ``published`` is then left empty.
FLAG_STATED_DATE_IN_FUTURE = "stated_date_in_future"

#: How many body paragraphs may precede the dateline (a standfirst, a photo credit).
DATELINE_PARAGRAPHS = 3


class BlockLike(Protocol):
    """The shape of ``newsgraph.clean.lines.Block`` that metadata needs."""

    @property
    def text(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def reason(self) -> str: ...


class HtmlFields(Protocol):
    """The shape of ``newsgraph.clean.html.HtmlExtraction`` that metadata needs."""

    @property
    def title(self) -> str | None: ...
    @property
    def author(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...
    @property
    def sitename(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...


# --------------------------------------------------------------------------------------------
# Knowledge tables
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WireAgency:
    """One agency or syndicator of ``data/wire_agencies.tsv``."""

    name: str  # canonical, as stored in wire_sources
    kind: str  # wire | syndicator | state_agency | generic
    aliases: tuple[str, ...]


KINDS = ("wire", "syndicator", "state_agency", "generic")
#: Aliases this short are matched case-sensitively ("AP" but not "ap").
SHORT_ALIAS = 5


class WireAgencies:
    """Finds agency names in text; short aliases match case-sensitively, long ones not."""

    def __init__(self, agencies: Iterable[WireAgency]) -> None:
        self.agencies = tuple(agencies)
        self._exact: dict[str, WireAgency] = {}
        self._folded: dict[str, WireAgency] = {}
        alternatives: list[str] = []
        for agency in self.agencies:
            for alias in (agency.name, *agency.aliases):
                if len(alias) <= SHORT_ALIAS:
                    self._exact[alias] = agency
                    alternatives.append(re.escape(alias))
                else:
                    self._folded[alias.casefold()] = agency
                    alternatives.append("(?i:" + re.escape(alias).replace(r"\ ", r"\s+") + ")")
        alternatives.sort(key=len, reverse=True)
        body = "|".join(alternatives) or r"(?!x)x"
        # Agency names end at a word boundary; "-" counts as a word character so that "AP" is
        # not found in "AP-style" and "AFP" not in "AFP-JIJI"... unless listed.
        self._regex = re.compile(rf"(?<![\w-])(?:(?i:the)\s+)?(?P<name>{body})(?![\w-])")

    @classmethod
    def load(cls, path: Path | None = None) -> WireAgencies:
        """Read a table in the format of ``data/wire_agencies.tsv``."""
        path = path or data_file("wire_agencies.tsv")
        agencies = []
        for number, (name, kind, aliases) in read_rows(path, min_columns=2, max_columns=3):
            if kind not in KINDS:
                raise ConfigError(f"{path}:{number}: kind must be one of {', '.join(KINDS)}")
            names = tuple(a.strip() for a in aliases.split("|") if a.strip())
            agencies.append(WireAgency(name, kind, names))
        return cls(agencies)

    def _agency(self, matched: str) -> WireAgency | None:
        matched = re.sub(r"\s+", " ", matched)
        return self._exact.get(matched) or self._folded.get(matched.casefold())

    def find(self, text: str) -> list[WireAgency]:
        """Every agency named in ``text``, in order of first mention."""
        found: dict[str, WireAgency] = {}
        for match in self._regex.finditer(text):
            agency = self._agency(match["name"])
            if agency is not None:
                found.setdefault(agency.name, agency)
        return list(found.values())

    def lookup(self, name: str) -> WireAgency | None:
        """The agency that ``name`` is exactly (a leading "The" and punctuation ignored)."""
        match = self._regex.fullmatch(name.strip().strip(".,;:()[]—–-").strip())
        return self._agency(match["name"]) if match else None

    def starting(self, text: str) -> WireAgency | None:
        """The agency that ``text`` starts with, if any."""
        match = self._regex.match(text.strip())
        return self._agency(match["name"]) if match else None

    def get(self, canonical: str) -> WireAgency | None:
        return next((a for a in self.agencies if a.name == canonical), None)


class Outlets:
    """Outlet names by domain, from ``data/outlets.tsv``."""

    def __init__(self, by_domain: Mapping[str, str]) -> None:
        self.by_domain = dict(by_domain)
        self.names = frozenset(name.casefold() for name in self.by_domain.values())

    @classmethod
    def load(cls, path: Path | None = None) -> Outlets:
        path = path or data_file("outlets.tsv")
        table: dict[str, str] = {}
        for number, (domain, name) in read_rows(path, min_columns=2, max_columns=2):
            if not name:
                raise ConfigError(f"{path}:{number}: outlet name missing")
            table[domain.lower().removeprefix("www.")] = name
        return cls(table)

    def for_url(self, url: str | None) -> str | None:
        """The outlet whose listed domain is the URL's host or a parent of it."""
        if not url:
            return None
        try:
            host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        except ValueError:
            return None
        parts = host.removeprefix("www.").split(".")
        for i in range(len(parts) - 1):
            name = self.by_domain.get(".".join(parts[i:]))
            if name is not None:
                return name
        return None

    def is_outlet(self, name: str) -> bool:
        return name.strip().casefold() in self.names


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The knowledge tables metadata extraction reads, loaded once and shared."""

    agencies: WireAgencies
    outlets: Outlets
    anchors: tuple[AnchorEvent, ...]
    not_datelines: frozenset[str]

    @classmethod
    def load(
        cls,
        *,
        agencies: Path | None = None,
        outlets: Path | None = None,
        anchors: Path | None = None,
        not_datelines: Path | None = None,
    ) -> Lexicon:
        """Tables from the given files, or the shipped ones in ``newsgraph/data``."""
        words = read_words(not_datelines or data_file("not_datelines.txt"))
        return cls(
            WireAgencies.load(agencies),
            Outlets.load(outlets),
            load_anchor_events(anchors),
            frozenset(w.upper() for w in words),
        )


@cache
def default_lexicon() -> Lexicon:
    """The shipped tables (read on first use)."""
    return Lexicon.load()


# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

_WS = re.compile(r"\s+")
# A brand or outlet name: capitalised words, with the small words names contain.
_NAME = (
    r"(?:The\s+)?[A-Z][\w&'’.\-]*"
    r"(?:\s+(?:[A-Z0-9][\w&'’.\-]*|of|the|and|&|de|du|des|al|el|la|le)){0,5}"
)
_NAME_STOP = frozenset({"all", "home", "menu", "copyright", "rights", "reserved", "the", "by"})
_TAIL = re.compile(rf"^\s*[-–—|:·•»]+\s*(?P<name>{_NAME})\s*$")
_CRUMB_TAIL = re.compile(rf"\s[-–—|]\s?(?P<name>{_NAME})\s*$")
_SUPPORT = re.compile(rf"\bSupport\s+(?P<name>{_NAME})\s+(?:with|by|today|through|via)\b")
_COPYRIGHT = re.compile(
    r"(?:©|\([cC]\)|\b[Cc]opyright\b)\s*(?:©\s*)?"
    r"(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    rf"(?P<name>{_NAME})"
)
_RIGHTS = re.compile(rf"(?:^|[.|•·]\s*)(?P<name>{_NAME})\s*[.,—–|-]*\s*All\s+rights\s+reserved")

_BY_PREFIX = re.compile(
    r"^\s*(?:(?:written|reported|story|words|text|reporting|compiled)\s+)?by\s*:?\s+", re.IGNORECASE
)
_BYLINE_SPLIT = re.compile(r"\s*[|•·]\s*")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bwith\b|/)\s*", re.IGNORECASE)
_AUTHOR_PLACE = re.compile(r"\s+(?:in|from|for|at|reporting from)\s+.*$", re.IGNORECASE)
_ROLE_WORD = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|staff|contributor|columnist|bureau|chief|desk|"
    r"team|news|agency|agencies|special|senior|analyst|producer|photographer|journalist|"
    r"associate|managing|political|diplomatic|affairs|wire|services|updated|published)\b",
    re.IGNORECASE,
)
_NAME_PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "ben", "de", "da", "del", "della", "di", "du",
     "van", "von", "der", "den", "la", "le", "y"}
)  # fmt: skip

_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DL_CAPS_PLACE = r"[A-Z][A-Z'’.\-]*[A-Z.](?:\s+[A-Z][A-Z'’.\-]*[A-Z.]){0,3}"
_DL_REGION = (
    rf",\s*(?!{_MONTH_WORD}\s+\d)(?!\d)[A-Z][\w'’.\-]*"
    r"(?:\s+(?:[A-Z][\w'’.\-]*|of|the|al|el)){0,3}"
)
_DL_DATE = (
    rf",?\s*(?:{_MONTH_WORD}\s+\d{{1,2}}(?:,?\s*\d{{4}})?|\d{{1,2}}\s+{_MONTH_WORD}(?:\s+\d{{4}})?)"
)
_DL_PAREN = r"\s*\((?P<agency>[^()\n]{1,40})\)"
_DL_DASH = r"(?:\s*(?:—|–|--)\s*|\s+-\s+|\s*:\s+)(?=\S)"
_DATELINE_CAPS = re.compile(
    rf"^(?P<place>{_DL_CAPS_PLACE}(?:{_DL_REGION}){{0,2}})(?P<date>{_DL_DATE})?(?:{_DL_PAREN})?{_DL_DASH}"
)
_DATELINE_TITLE = re.compile(
    rf"^(?P<place>[A-Z][a-z'’.\-]+(?:\s+[A-Z][a-z'’.\-]+){{0,2}}(?:{_DL_REGION})?)"
    rf"(?P<date>{_DL_DATE})?(?:{_DL_PAREN})?{_DL_DASH}"
)
# Day and month names open sentences ("Monday, Oct 26 — ..."), never datelines.
_NOT_PLACES = frozenset(
    [n.lower() for n in (*calendar.day_name, *calendar.month_name) if n] + ["today", "yesterday"]
)

# Credit shapes (see the module docstring). Each gives a span in which agency names are credits.
# "X contributed to this report": sentences are cut once and then searched, so that long
# unpunctuated text stays linear (a pattern that scanned around each keyword would not).
_SENTENCE = re.compile(r"[^.!?\n]+")
_CONTRIBUTED = re.compile(r"\bcontribut(?:ed|ing|es)\b", re.IGNORECASE)
_CONTRIBUTED_TO = re.compile(r"\b(?:report|story|article|reporting|coverage)\b", re.IGNORECASE)
_CREDIT_SPANS = [
    re.compile(
        r"\b(?:additional|further|with)\s+reporting\s+(?:by|from)\s+[^.;\n]{1,200}", re.IGNORECASE
    ),
    re.compile(
        r"\b(?:this|the)\s+(?:story|article|report|content|piece|item)\s+(?:was|is|has\s+been)\s+"
        r"(?:originally\s+|first\s+)?(?:provided|supplied|distributed|published|syndicated|"
        r"produced|written|reported|republished)\s+(?:by|from|with|in)\s+(?P<x>[^.;\n]{2,80})",
        re.IGNORECASE,
    ),
    re.compile(r"\bcontent\s+created\s+by\s+(?P<x>.{2,80}?)\s+is\s+available", re.IGNORECASE),
    re.compile(
        r"\b(?:republished|reprinted)\s+(?:from|with\s+permission\s+(?:of|from))\s+(?P<x>[^.;\n]{2,80})",
        re.IGNORECASE,
    ),
    re.compile(r"^\s*(?:sources?|credits?|via)\s*:\s*(?P<x>[^\n]{2,80})$", re.IGNORECASE),
]
# Reuters' own story signature: "(Reporting by X; Editing by Y)".
_REUTERS_SIGNATURE = re.compile(
    r"\(\s*(?:Reporting|Writing|Additional\s+reporting|Editing)\s+by\b[^)]{0,300}\)", re.IGNORECASE
)
_COPYRIGHT_CREDIT = re.compile(
    r"(?:©|\([cC]\)|\b[Cc]opyright\b)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
    r"(?P<x>[^|,\n]{2,60})"
)
# A paragraph that is nothing but a credit: "— AFP", "(AFP)", "With agencies".
_LONE_CREDIT = re.compile(
    r"^[\s(\[—–-]*(?:(?:with|via|from)\s+|(?:source|sources)\s*:\s*)?(?P<x>[^()\[\]\n]{2,60}?)[\s)\].]*$",
    re.IGNORECASE,
)
# The last paragraph ending with a credit: "... the ministry said. — Reuters".
_TRAILING_CREDIT = re.compile(r"(?:\s[—–-]\s*|\()(?P<x>[A-Za-z][\w .&'’-]{1,40}?)\)?\.?\s*$")
_LIST_SPLIT = re.compile(r"\s*(?:,|/|&|\band\b)\s*", re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------------


def extract_metadata(
    blocks: Sequence[BlockLike],
    body: str,
    hints: Mapping[str, str] | None = None,
    html: HtmlFields | None = None,
    *,
    url: str | None = None,
    now: date | None = None,
    lexicon: Lexicon | None = None,
) -> ArticleMeta:
    """Metadata of one article (see the module docstring for each field's sources).

    ``blocks``: the cleaner's blocks in page order (body and removed); ``body``: the clean body;
    ``hints``: the container's stated metadata (``RawDocument.hints``); ``html``: the HTML
    extraction for HTML pages; ``url``: the page's URL; ``now``: today (default: the system
    date). The latest date the article can have is hints["fetched"] when given, else today.
    """
    hints = hints or {}
    lex = lexicon or default_lexicon()
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    removed = [b for b in blocks if b.role != "body"]
    today = now or date.today()
    latest = _as_day(parse_date_text(hints.get("fetched", ""), now=today)) or today

    title = _clean(hints.get("title")) or _clean(html.title if html else None)
    if not title:
        title = next((_clean(b.text) for b in blocks if b.role == "title"), None)

    credits: list[WireAgency] = []

    byline_text = _clean(hints.get("byline"))
    if not byline_text:
        byline_text = next((_clean(b.text) for b in blocks if b.role == "byline"), None)
    html_author = _clean(html.author if html else None)
    byline, byline_dates = _byline(byline_text or html_author)
    authors, byline_credits = _authors(byline, lex)
    if html_author and html_author != byline_text:
        html_authors, html_credits = _authors(html_author, lex)
        authors = authors or html_authors
        byline_credits += html_credits

    dateline, dateline_agency = _dateline(paragraphs, lex)
    if dateline_agency is not None:
        credits.append(dateline_agency)
    credits.extend(byline_credits)
    credits.extend(_credits_in_text(blocks, paragraphs, lex))

    outlet = (
        _clean(hints.get("outlet"))
        or _clean(html.sitename if html else None)
        or lex.outlets.for_url(url or (html.url if html else None))
        or _outlet_from_junk(removed, title, lex)
    )

    stated = _stated_date(hints, html, blocks, byline_dates, today)
    flags: list[str] = []
    published = stated
    if stated is not None and _as_day(stated) > latest:  # type: ignore[operator]
        flags.append(FLAG_STATED_DATE_IN_FUTURE)
        published = None
    analysis = analyse_event_dates(body, stated=_as_day(stated), now=latest, anchors=lex.anchors)
    if stated is not None and stated_date_mismatch(stated, analysis):
        flags.append(FLAG_STATED_DATE_MISMATCH)

    language = (
        normalise_language_tag(hints.get("language"))
        or detect_language(body)
        or normalise_language_tag(html.language if html else None)
    )

    return ArticleMeta(
        title=title,
        outlet=outlet,
        byline=byline,
        authors=tuple(authors),
        dateline=dateline,
        published=published,
        stated_date=stated,
        events_date=analysis.estimate,
        wire_sources=_wire_names(credits),
        language=language,
        flags=tuple(flags),
    )


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    text = _WS.sub(" ", text).strip()
    return text or None


def _as_day(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


# --- byline and authors ---------------------------------------------------------------------


def _byline(text: str | None) -> tuple[str | None, list[str]]:
    """The byline without its date segments ("By X | AFP | Oct 26, 2023"), and those dates."""
    if not text:
        return None, []
    segments = [s.strip(" -–—,") for s in _BYLINE_SPLIT.split(text)]
    segments = [s for s in segments if s]
    dates = [s for s in segments if parse_date_text(s) is not None]
    names = [s for s in segments if s not in dates]
    return (" | ".join(names) or None), dates


def _authors(byline: str | None, lex: Lexicon) -> tuple[list[str], list[WireAgency]]:
    """Person names and credited agencies of a byline."""
    if not byline:
        return [], []
    authors: list[str] = []
    agencies: list[WireAgency] = []
    parts = [
        p
        for segment in _BYLINE_SPLIT.split(byline)
        for p in _AUTHOR_SPLIT.split(_BY_PREFIX.sub("", segment))
    ]
    for part in parts:
        part = part.strip(" .:-–—()")
        if not part:
            continue
        found = lex.agencies.find(part)
        if found:
            agencies.extend(found)
            continue
        name = _AUTHOR_PLACE.sub("", part).strip()
        if _looks_like_name(name) and not lex.outlets.is_outlet(name) and name not in authors:
            authors.append(name)
    return authors, agencies


def _looks_like_name(text: str) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or len(text) > 60 or _ROLE_WORD.search(text):
        return False
    if any(ch.isdigit() for ch in text):
        return False
    for token in tokens:
        if token.lower() in _NAME_PARTICLES or token.lower().startswith(("al-", "el-")):
            continue
        if not token[0].isupper():
            return False
    return True


# --- dateline -------------------------------------------------------------------------------


def _dateline(paragraphs: Sequence[str], lex: Lexicon) -> tuple[str | None, WireAgency | None]:
    for paragraph in paragraphs[:DATELINE_PARAGRAPHS]:
        found = _match_dateline(paragraph.strip(), lex)
        if found is not None:
            return found
    return None, None


def _match_dateline(text: str, lex: Lexicon) -> tuple[str, WireAgency | None] | None:
    match = _DATELINE_CAPS.match(text)
    title_case = False
    if match is None:
        match = _DATELINE_TITLE.match(text)
        title_case = True
    if match is None:
        return None
    place = match["place"].strip().rstrip(",").strip()
    first_word = place.split(",")[0].strip()
    if place.upper() in lex.not_datelines or first_word.upper() in lex.not_datelines:
        return None
    if first_word.lower() in _NOT_PLACES:
        return None
    paren = (match["agency"] or "").strip()
    agency = lex.agencies.lookup(paren) if paren else None
    if title_case and not (paren or match["date"]):
        # "Hamas — the group ..." is a sentence: an ordinary-case place needs a source or date.
        return None
    if title_case and paren and agency is None:
        # "Hamas (the group) — ..." is a sentence; a real dateline names a source in brackets.
        if not (lex.outlets.is_outlet(paren) or re.fullmatch(r"[A-Z]{2,6}", paren)):
            return None
    return place, agency


# --- wire credits ---------------------------------------------------------------------------


def _credits_in_text(
    blocks: Sequence[BlockLike], paragraphs: Sequence[str], lex: Lexicon
) -> list[WireAgency]:
    found: list[WireAgency] = []
    if not blocks:
        blocks = [_Paragraph(p) for p in paragraphs]
    first_body = next((i for i, b in enumerate(blocks) if b.role == "body"), len(blocks))
    for index, block in enumerate(blocks):
        text = block.text
        if _CONTRIBUTED.search(text):
            for sentence in _SENTENCE.findall(text):
                if _CONTRIBUTED.search(sentence) and _CONTRIBUTED_TO.search(sentence):
                    found.extend(lex.agencies.find(sentence))
        for regex in _CREDIT_SPANS:
            for match in regex.finditer(text):
                span = match.groupdict().get("x") or match.group(0)
                found.extend(lex.agencies.find(span))
        if _REUTERS_SIGNATURE.search(text):
            reuters = lex.agencies.get("Reuters")
            if reuters is not None:
                found.append(reuters)
        for match in _COPYRIGHT_CREDIT.finditer(text):
            agency = lex.agencies.starting(match["x"])
            if agency is not None:
                found.append(agency)
        # A line that is only an agency name is a credit after the article text starts; above
        # it, or in a caption, it is a photo credit.
        lone = _LONE_CREDIT.match(text)
        if lone is not None and index >= first_body and "caption" not in block.reason:
            found.extend(_agency_list(lone["x"], lex))
    if paragraphs:
        trailing = _TRAILING_CREDIT.search(paragraphs[-1])
        if trailing is not None:
            found.extend(_agency_list(trailing["x"], lex))
    return found


@dataclass(frozen=True, slots=True)
class _Paragraph:
    """A body paragraph standing in for a block when no blocks are given."""

    text: str
    role: str = "body"
    reason: str = ""


def _agency_list(text: str, lex: Lexicon) -> list[WireAgency]:
    """The agencies of a text that is nothing but agency names ("AFP and Reuters")."""
    parts = [p for p in _LIST_SPLIT.split(text.strip()) if p]
    agencies = [lex.agencies.lookup(p) for p in parts]
    if not agencies or any(a is None for a in agencies):
        return []
    return [a for a in agencies if a is not None]


def _wire_names(credits: Iterable[WireAgency]) -> tuple[str, ...]:
    unique = list({a.name: a for a in credits}.values())
    named = [a for a in unique if a.kind != "generic"]
    return tuple(a.name for a in (named or unique))


# --- outlet ---------------------------------------------------------------------------------


def _outlet_from_junk(removed: Sequence[BlockLike], title: str | None, lex: Lexicon) -> str | None:
    def accept(match: re.Match[str] | None) -> str | None:
        if match is None:
            return None
        name = _trim_name(match["name"])
        if not name or name.casefold() in _NAME_STOP or lex.agencies.lookup(name) is not None:
            return None
        return name

    if title:
        for block in removed:
            at = block.text.rfind(title)
            if at >= 0 and block.text.strip() != title:
                name = accept(_TAIL.match(block.text[at + len(title) :]))
                if name:
                    return name
    for block in removed:
        if "breadcrumb" in block.reason or re.search(r"[>»›]", block.text):
            name = accept(_CRUMB_TAIL.search(block.text))
            if name:
                return name
    for regex in (_SUPPORT, _COPYRIGHT, _RIGHTS):
        for block in removed:
            for match in regex.finditer(block.text):
                name = accept(match)
                if name:
                    return name
    return None


def _trim_name(name: str) -> str:
    # "Levant Ledger. All rights reserved": a name ends at the end of its sentence.
    name = re.split(r"\.\s", name)[0]
    words = name.strip(" .,;:-–—").split()
    while words and words[-1].lower() in {"of", "the", "and", "&", "de", "du", "des", "al", "el",
                                          "la", "le"}:  # fmt: skip
        words.pop()
    return " ".join(words)


# --- dates ----------------------------------------------------------------------------------


def _stated_date(
    hints: Mapping[str, str],
    html: HtmlFields | None,
    blocks: Sequence[BlockLike],
    byline_dates: Sequence[str],
    now: date,
) -> datetime | date | None:
    sources: list[str | None] = [hints.get("published"), html.date if html else None]
    sources += [b.text for b in blocks if b.role == "date"]
    sources += list(byline_dates)
    for text in sources:
        if text:
            value = parse_date_text(text, now=now)
            if value is not None:
                return value
    return None

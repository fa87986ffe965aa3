"""The junk-line classifier: extracted article text in, one labelled ``Block`` per line out.

Input is article text that has already been pulled out of its page (a ``.txt`` file, or
trafilatura's output for an HTML page) but still carries page furniture: breadcrumbs, section
labels, share widgets, "Related" link lists, newsletter boxes, photo captions, comment threads.
``LineCleaner`` splits the text into paragraphs (one per non-empty line; nothing is joined) and
gives each a role:

- ``"body"``   article text, kept (datelines such as "BEIRUT (AP) — ..." stay in their paragraph)
- ``"title"``  the headline
- ``"byline"`` "By Jane Doe, Reuters", "By X and AFP |"
- ``"date"``   a stated page date ("Date:2025-04-22 06:51:51", "Updated 1:23 p.m.")
- ``"junk"``   everything else, with a ``reason`` ("link_list", "boilerplate:captcha", ...)

How lines are judged, in order:

1. **Shape of the line alone**: separators ("___"), links to image files, reaction widgets
   ("veryGood! (56153)"), breadcrumbs ("Home > Markets"), photo captions with a credit
   ("... [Name/AFP]"), inline links ("Related: Some Headline"), stated-date lines, and the
   boilerplate lexicon (``data/boilerplate.txt``). Credit lines ("X contributed to this
   report.", ``data/clean_credit_lines.txt``) are protected from the later steps.
2. **Sections**: a comment marker ("One Comment", "Leave a reply",
   ``data/clean_comment_markers.txt``) after the body has started drops everything after it;
   a link-list heading ("Related", "Most read", ``data/clean_link_headings.txt``) drops the
   short headline-like lines that follow it; bullet runs of Title Case headlines are link lists.
3. **Position**: the *body zone* runs from the first to the last *anchor* (a sentence of 15+
   words, or any line of 40+). Before the content starts, the *header zone* holds the headline
   (the line matching ``title_hint``, or without a hint the first title-like line), section
   labels, bylines, navigation leftovers and a standfirst (kept). After the last anchor, a
   short trailing run of non-sentences is dropped. Inside the body zone anything not caught
   by steps 1-2 is body: short paragraphs, quotes, lists and subheadings survive.
4. **Duplicates**: a substantial paragraph (a sentence of 15+ words) repeating an earlier one,
   or any line repeating the headline, ignoring case, quotes and punctuation. A standfirst that
   reappears in the body is dropped in favour of its in-body copy.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsgraph.clean.datafiles import data_file, read_words
from newsgraph.errors import ConfigError

#: Roles a Block can have.
ROLES = ("body", "title", "byline", "date", "junk")

# Lines longer than this are never tested against the boilerplate lexicon: a real paragraph
# may quote a phrase such as "all rights reserved".
_LEXICON_MAX_WORDS = 80
# An anchor (a line that is surely article text) is a sentence of at least this many words ...
_ANCHOR_MIN_WORDS = 15
# ... or any line at least this long.
_ANCHOR_ANY_WORDS = 40
# Headlines and link-list items are at most this long.
_HEADLINE_MAX_WORDS = 25
# A headline found by shape has at least this many words (shorter lines are section labels).
_TITLE_MIN_WORDS = 3
# A repeated line counts as a duplicate when it is a sentence of at least this many words:
# shorter lines and list items repeat legitimately (recipes, tables, "See it now: Amazon").
_DUPLICATE_MIN_WORDS = 15
# The headline given as a hint is looked for in this many lines at most.
_TITLE_SEARCH_LINES = 15
# Header-zone leftovers dropped by position are at most this long (a longer line is a deck);
# when no headline was found in the text, only very short labels go.
_HEADER_JUNK_MAX_WORDS = 8
_HEADER_LABEL_MAX_WORDS = 3
# At most this many trailing non-sentence lines are dropped as footer leftovers.
_FOOTER_JUNK_MAX_LINES = 3

_WORD = re.compile(r"\w+")
# Sentence-final punctuation, optionally followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？](?:[\"'”’»)\]]+)?\s*$")
_BULLET = re.compile(r"^(?:[-–—•*·▪►‣◦]|\d{1,2}[.)])\s+")
_SEPARATOR = re.compile(r"^[\W_]*$")
# A bare link to an image file (a leftover of a lightbox or social-card markup). Other bare
# URLs stay: articles end with lists of sources.
_IMAGE_URL = re.compile(
    r"^(?:https?://|www\.)\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:[?#]\S*)?$", re.IGNORECASE
)
# "veryGood! (56153)", "Like (12)", "Angry 3" is too vague, so the count must be in brackets.
_REACTION = re.compile(r"^[\w' ]{1,25}[!?]?\s*\(\s*\d[\d,.]*[kKmM]?\s*\)$")
_BREADCRUMB_START = re.compile(
    r"^(?:current|you are here|location|path)\s*:|^(?:home|homepage|start|news|index)\s*[>»›/|]",
    re.IGNORECASE,
)
_BREADCRUMB_SPLIT = re.compile(r"\s*[>»›]\s*")
# Photo captions: a credit in brackets with a slash ("[Anwar Amro/AFP]", "(AP Photo/X)"), a
# "Photo:" prefix, or a credit glued to the caption's last sentence ("...in New York.Reuters").
_CAPTION_CREDIT = re.compile(r"[\[(][^\[\]()]{0,80}[^\W\d_]\s*/\s*[A-Z][^\[\]()]{0,60}[\])]\s*$")
_CAPTION = re.compile(
    r"\((?:AP|AFP|Reuters|EPA|Getty)?\s*(?:photo|image|picture|file photo)s?\b[^)]{0,80}\)"
    r"|^(?:photo|photos|image|picture|photograph|file photo|caption|credit|photo credit)\s*:"
    r"|(?:photo|image|picture|illustration)s?\s*(?:credit)?\s*:\s*[^.]{1,60}$"
    r"|[a-z)][.!?](?:Reuters|AFP|AP|EPA|Getty Images|Shutterstock|Bloomberg|Xinhua)\s*$"
    r"|(?:/|\||\s)(?:Getty Images|Shutterstock|iStock|AFP via Getty Images)\s*\)?\s*$",
    re.IGNORECASE,
)
_CAPTION_MAX_WORDS = 60
_BYLINE = re.compile(
    r"^(?i:by|from|written by|words by|story by|posted by)\s*:?\s+"
    r"[A-Z\u00c0-\u024f][\w.'’-]*(?:[\s,]+(?:and\s+|&\s+)?[\w.'’@-]+){0,10}"
    r"\s*(?:\|[^|]{0,60})?$"  # "By X and AFP |" or "By X | 13 March 2024"
)
_BYLINE_MAX_WORDS = 14
_BYLINE_LEAD_LINES = 4  # a byline may stand this many lines into the body zone
# Words allowed in a line that states only a date/time ("Updated: Tue., Nov. 19, 2019 1:23 p.m.").
_CALENDAR_WORDS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
    mon tue tues wed thu thur thurs fri sat sun
    """.split()
)
_DATE_WORDS = _CALENDAR_WORDS | frozenset(
    """
    am pm a p m t z h gmt utc et est edt ct cst cdt mt mst mdt pt pst pdt bst cet cest ist eet
    at on of date dated published updated posted modified last first created time the
    """.split()
)
_DATE_SHAPE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}(?!\d)|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b"
)
_DATE_PREFIX = re.compile(
    r"^(?:date|dated|published|updated|posted|last updated|first published|modified|"
    r"published on|updated on|posted on)\s*[:：\-–]?\s*\S",
    re.IGNORECASE,
)
_DATE_MAX_WORDS = 14
# Han, kana, Hangul and Thai characters: scripts written without spaces between words.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Reasons given by position alone; a more specific reason (a duplicate) replaces them.
_POSITIONAL = frozenset({"section_label", "header_junk", "footer_junk"})
_QUOTES = str.maketrans({c: "" for c in "\"'“”‘’«»„‚`´"})


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph/line of the input with its role, and for non-body lines why."""

    text: str  # one paragraph/line, stripped
    role: str  # "body" | "title" | "byline" | "date" | "junk"
    reason: str = ""  # for non-body: "link_list", "boilerplate:captcha", "duplicate", ...


class PatternList:
    """Patterns read from a data file: phrases or ``re:label:REGEX`` lines.

    ``whole_line`` lists (headings, comment markers) match a whole line, ignoring trailing
    punctuation; otherwise phrases match anywhere in the line at word boundaries and regexes
    are searched.
    """

    def __init__(self, entries: Iterable[str], *, whole_line: bool, source: str = "") -> None:
        self.whole_line = whole_line
        self._phrases: dict[str, str] = {}  # casefolded phrase -> label
        self._regexes: list[tuple[str, re.Pattern[str]]] = []
        for entry in entries:
            if entry.startswith("re:"):
                label, sep, pattern = entry[3:].partition(":")
                if not sep or not re.fullmatch(r"\w+", label):
                    raise ConfigError(f"{source}: bad regex entry {entry!r}; write re:label:REGEX")
                try:
                    self._regexes.append((label, re.compile(pattern, re.IGNORECASE)))
                except re.error as exc:
                    raise ConfigError(f"{source}: bad regex {pattern!r}: {exc}") from exc
            else:
                self._phrases[_fold(entry)] = entry.lower()
        self._phrase_re: re.Pattern[str] | None = None
        if self._phrases and not whole_line:
            alternation = "|".join(
                re.escape(p) for p in sorted(self._phrases, key=len, reverse=True)
            )
            self._phrase_re = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")

    @classmethod
    def from_file(cls, path: Path, *, whole_line: bool) -> PatternList:
        """Read a pattern file (see the header of ``data/boilerplate.txt`` for the format)."""
        return cls(read_words(path), whole_line=whole_line, source=str(path))

    def match(self, text: str) -> str | None:
        """The label of the first pattern matching ``text``, or None."""
        if self.whole_line:
            key = _strip_trailing(text)
            label = self._phrases.get(_fold(key))
            if label is not None:
                return label
            for label, pattern in self._regexes:
                if pattern.fullmatch(key):
                    return label
            return None
        if self._phrase_re is not None:
            found = self._phrase_re.search(_fold(text))
            if found:
                return self._phrases.get(found.group(0), found.group(0))
        for label, pattern in self._regexes:
            if pattern.search(text):
                return label
        return None


def _fold(text: str) -> str:
    """Case- and quote-insensitive form used for phrase lookups."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def _strip_trailing(text: str) -> str:
    """A line without surrounding whitespace and trailing punctuation ("Related:" -> "Related")."""
    return re.sub(r"[\s:.…»›>|\-–—!]+$", "", text.strip())


def _dedupe_key(text: str) -> str:
    """Key under which two lines count as the same: words only, case-folded."""
    return " ".join(_WORD.findall(_fold(text.translate(_QUOTES))))


class _Line:
    """Working state of one line while it is being classified."""

    __slots__ = ("text", "words", "sentence", "bullet", "role", "reason", "credit")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = _word_count(text)
        self.sentence = bool(_SENTENCE_END.search(text))
        self.bullet = bool(_BULLET.match(text))
        self.role = ""  # decided role; "" while undecided
        self.reason = ""
        self.credit = False

    def decide(self, role: str, reason: str = "") -> None:
        self.role, self.reason = role, reason

    @property
    def open(self) -> bool:
        return not self.role

    @property
    def anchor(self) -> bool:
        """Reads as a real paragraph: a sentence of some length, or simply long."""
        if self.bullet and self.words < _ANCHOR_ANY_WORDS:
            return False
        return (self.sentence and self.words >= _ANCHOR_MIN_WORDS) or (
            self.words >= _ANCHOR_ANY_WORDS
        )

    @property
    def headline_like(self) -> bool:
        """Short enough to be a headline or link text, and not a full sentence paragraph."""
        if self.words > _HEADLINE_MAX_WORDS:
            return False
        return not self.anchor


class LineCleaner:
    """Classifies every line of extracted article text (see the module docstring).

    ``boilerplate`` is the boilerplate lexicon file (default ``data/boilerplate.txt``); link-list
    headings, comment markers and credit lines come from ``data/clean_*.txt``.
    """

    def __init__(self, boilerplate: Path | None = None) -> None:
        self.boilerplate = PatternList.from_file(
            boilerplate or data_file("boilerplate.txt"), whole_line=False
        )
        self.link_headings = PatternList.from_file(
            data_file("clean_link_headings.txt"), whole_line=True
        )
        self.comment_markers = PatternList.from_file(
            data_file("clean_comment_markers.txt"), whole_line=True
        )
        self.credits = PatternList.from_file(data_file("clean_credit_lines.txt"), whole_line=False)

    def __call__(self, text: str, *, title_hint: str | None = None) -> list[Block]:
        """One Block per non-empty line of ``text``, in order."""
        lines = [_Line(t) for t in (raw.strip() for raw in text.splitlines()) if t]
        if not lines:
            return []
        self._by_shape(lines)
        self._sections(lines)
        self._by_position(lines, title_hint)
        self._duplicates(lines)
        return [Block(line.text, line.role or "body", line.reason) for line in lines]

    # -- step 1: the line alone ---------------------------------------------------------------

    def _by_shape(self, lines: list[_Line]) -> None:
        for line in lines:
            line.credit = bool(self.credits.match(line.text))
            reason = self._shape_junk(line)
            if reason:
                line.decide("junk", reason)
            elif _is_date_line(line):
                line.decide("date")

    def _shape_junk(self, line: _Line) -> str:
        text = line.text
        if _SEPARATOR.match(text):
            return "separator"
        if _IMAGE_URL.match(text):
            return "url"
        if _REACTION.match(text):
            return "reaction_widget"
        if _is_breadcrumb(text):
            return "breadcrumb"
        if line.words <= _CAPTION_MAX_WORDS and (
            _CAPTION_CREDIT.search(text) or _CAPTION.search(text)
        ):
            return "photo_caption"
        if line.credit:
            return ""
        if line.words <= _LEXICON_MAX_WORDS:
            label = self.boilerplate.match(text)
            if label:
                return f"boilerplate:{label}"
        if self._inline_link(text):
            return "link_list"
        return ""

    def _inline_link(self, text: str) -> bool:
        """ "Related: Some Headline" — a link-list heading, a colon and a short headline."""
        head, sep, rest = text.partition(":")
        if not sep or not rest.strip() or len(rest.split()) > _HEADLINE_MAX_WORDS:
            return False
        return bool(self.link_headings.match(head)) and not _SENTENCE_END.search(rest)

    # -- step 2: comment sections and link lists ----------------------------------------------

    def _sections(self, lines: list[_Line]) -> None:
        first_anchor = next((i for i, line in enumerate(lines) if line.open and line.anchor), None)
        if first_anchor is not None:
            for i in range(first_anchor + 1, len(lines)):
                if lines[i].words <= 12 and self.comment_markers.match(lines[i].text):
                    for line in lines[i:]:
                        if line.open or line.role == "junk":
                            line.decide("junk", "comment")
                    break
        i = 0
        while i < len(lines):
            line = lines[i]
            if line.words <= 10 and (line.open or line.reason.startswith("boilerplate:ui")):
                if self.link_headings.match(line.text):
                    line.decide("junk", "link_list")
                    i = self._consume_link_list(lines, i + 1)
                    continue
            i += 1
        self._bullet_link_lists(lines)

    def _consume_link_list(self, lines: list[_Line], start: int) -> int:
        """Mark the headline-like lines after a link-list heading; return where the run ends."""
        i = start
        while i < len(lines):
            line = lines[i]
            if line.open:
                if line.credit or not line.headline_like:
                    break
                # A short sentence ends the run inside an article ("He declined to comment.")
                # unless nothing but headline-like lines follow it up to the end of the text.
                if line.sentence and not line.bullet and not self._only_headlines_after(lines, i):
                    break
                line.decide("junk", "link_list")
            i += 1
        return i

    @staticmethod
    def _only_headlines_after(lines: list[_Line], start: int) -> bool:
        return all(not line.open or line.headline_like for line in lines[start:])

    @staticmethod
    def _bullet_link_lists(lines: list[_Line]) -> None:
        """Runs of 2+ bullet items that are all Title Case headlines are lists of links."""
        i = 0
        while i < len(lines):
            j = i
            while j < len(lines) and lines[j].bullet:
                j += 1
            run = [line for line in lines[i:j] if line.open]
            if len(lines[i:j]) >= 2 and all(
                _title_case(_BULLET.sub("", line.text)) and not line.sentence for line in run
            ):
                for line in run:
                    line.decide("junk", "link_list")
            i = max(j, i + 1)

    # -- step 3: position ---------------------------------------------------------------------

    def _by_position(self, lines: list[_Line], title_hint: str | None) -> None:
        anchors = [i for i, line in enumerate(lines) if line.open and line.anchor]
        if not anchors:
            # A text of short paragraphs only: fall back to any real sentence as an anchor.
            anchors = [
                i for i, line in enumerate(lines) if line.open and line.sentence and line.words >= 6
            ]
        first = anchors[0] if anchors else len(lines)
        last = anchors[-1] if anchors else len(lines) - 1
        start = _content_start(lines, first)
        self._title(lines, start, first, title_hint)
        self._bylines(lines, first)
        self._header(lines, start, by_shape=not title_hint)
        self._footer(lines, last)

    @staticmethod
    def _title(lines: list[_Line], start: int, first: int, title_hint: str | None) -> None:
        """Mark the headline: the line matching ``title_hint`` near the top; without a hint,
        the first title-like line of the header zone (no final period, 3-25 words)."""
        if title_hint and title_hint.strip():
            for line in lines[: min(_TITLE_SEARCH_LINES, max(first, start) + 2)]:
                if line.open and _same_title(line.text, title_hint):
                    line.decide("title")
                    return
            return  # the page named its title and the text does not repeat it
        for line in lines[:start]:
            if not line.open:
                continue
            if _TITLE_MIN_WORDS <= line.words <= _HEADLINE_MAX_WORDS:
                if not line.text.rstrip().endswith(".") and not line.bullet:
                    line.decide("title")
                    return

    def _bylines(self, lines: list[_Line], first: int) -> None:
        for line in lines[: first + _BYLINE_LEAD_LINES]:
            if line.open and line.words <= _BYLINE_MAX_WORDS and _BYLINE.match(line.text):
                line.decide("byline")

    @staticmethod
    def _header(lines: list[_Line], start: int, *, by_shape: bool) -> None:
        """Short non-sentences before the content starts: section labels before the title,
        navigation leftovers after it ("View"). Longer lines (a deck) stay body.

        ``by_shape``: the text carries its own headline (plain text). For HTML the page's
        title is known and trafilatura has already dropped most navigation, so only very
        short labels go.
        """
        before_title = any(line.role == "title" for line in lines[:start])
        limit = _HEADER_JUNK_MAX_WORDS if by_shape else _HEADER_LABEL_MAX_WORDS
        for i, line in enumerate(lines[:start]):
            if line.role == "title":
                before_title = False
                continue
            if not line.open or line.credit or line.words > limit:
                continue
            if i == start - 1 and _is_caps_dateline(line.text):
                continue  # "BAAR, SWITZERLAND" on its own line before the first paragraph
            if line.sentence and line.words >= 6:
                continue  # a standfirst/deck: body
            line.decide("junk", "section_label" if before_title else "header_junk")

    @staticmethod
    def _footer(lines: list[_Line], last: int) -> None:
        """A short trailing run of non-sentences after the last anchor ("Explore further",
        "SOURCE: X News", a lone site name) is page furniture. Longer runs are content the
        page chose to end with (tour dates, a fact box) and stay."""
        run: list[_Line] = []
        for line in reversed(lines[last + 1 :]):
            if not line.open:
                continue
            if (
                line.credit
                or line.bullet
                or (line.sentence and line.words >= 3)
                or line.words > _HEADER_JUNK_MAX_WORDS
            ):
                break
            run.append(line)
        if len(run) <= _FOOTER_JUNK_MAX_LINES:
            for line in run:
                line.decide("junk", "footer_junk")

    # -- step 4: repeats ----------------------------------------------------------------------

    @staticmethod
    def _duplicates(lines: list[_Line]) -> None:
        """A paragraph repeating an earlier one, or repeating the headline, is a duplicate.

        Only substantial paragraphs count: short lines repeat legitimately (list items of a
        recipe, "See it now: Amazon"). A repeated standfirst keeps its later, in-body
        occurrence when the earlier one stands before the byline/date line.
        """
        lead_end = max(
            (i for i, line in enumerate(lines[:12]) if line.role in ("byline", "date")),
            default=-1,
        )
        title = next((_dedupe_key(line.text) for line in lines if line.role == "title"), "")
        seen: dict[str, int] = {}
        for i, line in enumerate(lines):
            key = _dedupe_key(line.text)
            if not key:
                continue
            if line.role != "title" and key == title:
                if line.role != "junk" or line.reason in _POSITIONAL:
                    line.decide("junk", "duplicate")
                continue
            if not (line.sentence and line.words >= _DUPLICATE_MIN_WORDS):
                continue
            if key not in seen:
                seen[key] = i
                continue
            earlier = lines[seen[key]]
            if seen[key] < lead_end and earlier.open and line.open:
                earlier.decide("junk", "duplicate")
                seen[key] = i
            elif line.role != "junk":
                line.decide("junk", "duplicate")


def _is_caps_dateline(text: str) -> bool:
    """An upper-case place name on its own line ("BAAR, SWITZERLAND", "BEIRUT")."""
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 3
        and all(c.isupper() for c in letters)
        and len(text.split()) <= 4
        and bool(re.fullmatch(r"[\w .,'’()-]+", text))
    )


def _content_start(lines: list[_Line], first: int) -> int:
    """End of the header zone: the first anchor, or an earlier line that is plainly content
    (a sentence, a list item, a table row, a long line)."""
    for i, line in enumerate(lines[:first]):
        if not line.open:
            continue
        if (
            (line.sentence and line.words >= 6)
            or line.bullet
            or line.text.startswith("|")
            or line.words > _HEADLINE_MAX_WORDS
        ):
            return i
    return first


def _word_count(text: str) -> int:
    """Words of a line; in scripts written without spaces, about two characters per word."""
    spaced = len(text.split())
    unspaced = len(_UNSPACED.findall(text))
    return max(spaced, unspaced // 2) if unspaced else spaced


def _title_case(text: str) -> bool:
    """Most longer words start with a capital ("15 Amazing Images of Stars")."""
    words = [w for w in _WORD.findall(text) if len(w) > 3 and not w.isdigit()]
    if len(words) < 2:
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _is_breadcrumb(text: str) -> bool:
    if _BREADCRUMB_START.match(text):
        return True
    parts = [p for p in _BREADCRUMB_SPLIT.split(text) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


def _is_date_line(line: _Line) -> bool:
    """A line that only states a date/time, possibly after "Published:"/"Updated"."""
    if line.words > _DATE_MAX_WORDS or not any(c.isdigit() for c in line.text):
        return False
    tokens = _WORD.findall(line.text.casefold())
    only_date_words = all(t.isdigit() or t in _DATE_WORDS or _is_iso_chunk(t) for t in tokens)
    # Digits alone may be a phone number or a score: ask for a month, a weekday, a numeric
    # date shape, or a "Published:"/"Updated" prefix.
    if only_date_words and (
        _DATE_SHAPE.search(line.text) or any(t in _CALENDAR_WORDS for t in tokens)
    ):
        return True
    return (
        bool(_DATE_PREFIX.match(line.text))
        and line.words <= 8
        and (only_date_words or not line.sentence)
    )


def _is_iso_chunk(token: str) -> bool:
    # "19T08" in "2019-11-19T08:57:40+01:00"
    return bool(re.fullmatch(r"\d+t\d+|\d+(?:st|nd|rd|th|h|z)", token))


def _same_title(line: str, hint: str) -> bool:
    """The line is the headline ``hint`` up to case, punctuation, a site-name suffix or a few
    changed words."""
    a, b = _dedupe_key(line), _dedupe_key(hint)
    if not a or not b:
        return False
    if a == b or a.startswith(b) or b.startswith(a):
        return min(len(a), len(b)) >= 0.5 * max(len(a), len(b))
    wa, wb = set(a.split()), set(b.split())
    if min(len(wa), len(wb)) < 3:
        return False
    overlap = len(wa & wb) / min(len(wa), len(wb))
    return overlap >= 0.8 and len(a.split()) <= 1.5 * len(b.split()) + 2

"""Clean: junk removal and metadata, RawDocument -> CleanArticle.

Public entry point (used by ``newsgraph.pipeline``)::

    clean_document(raw, config, *, cleaner=None) -> CleanArticle
    # raises InputError(stage="clean") for an input with no usable body

Steps: an HTML page goes through trafilatura first (``clean.html.extract_html``), plain text
goes as it is; whitespace inside lines is normalised (no word is ever rewritten); the line
cleaner (``clean.lines.LineCleaner``, or the registry's ``config.cleaner``) labels every line;
body lines become the body, one paragraph per line joined by blank lines; every other line is
kept as a ``RemovedBlock`` with its reason; ``clean.metadata`` reads the metadata.

Modules: ``html`` (page -> main text + page metadata), ``lines`` (line roles), ``metadata``
(title, outlet, byline, dateline, credits, dates, language), ``dates`` (stated dates and the
events estimate), ``language`` (py3langid), ``datafiles`` (reading ``newsgraph/data``).

Flags (``ArticleMeta.flags``), few and each worth acting on:

- ``stated_date_mismatch``: the page states a date, but its body was written at another time:
  the body's own present (from "Wednesday (October 25)", a recent year-less date, or
  "the past three weeks" after a named event such as the Oct. 7 attack) lies more than 30 days
  before the stated date, or more than 2 days after it. Typical of re-posted or scraped copies.
  ``published`` stays the stated date; ``events_date`` holds the body's estimate.
- ``stated_date_in_future``: the stated date is after the fetch date (or today when the fetch
  date is unknown), so it cannot be the publication date; ``published`` is left empty and
  ``stated_date`` keeps what the page said.

A missing title or date is not flagged: those fields are simply ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from newsgraph.clean.html import HtmlExtraction, extract_html
from newsgraph.clean.lines import LineCleaner
from newsgraph.clean.metadata import extract_metadata
from newsgraph.config import Config
from newsgraph.errors import InputError
from newsgraph.model import CleanArticle, RawDocument, RemovedBlock

__all__ = ["PRODUCER", "clean_document", "normalise_text"]

PRODUCER = "newsgraph.clean.v1"

# Characters that take no space: zero-width space/joiners, word joiner, BOM, soft hyphen.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Line and paragraph separators that are not "\n".
_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
# Horizontal whitespace (tabs, NBSP, thin and other Unicode spaces) and control characters.
_SPACES = re.compile(r"[^\S\n]+")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def normalise_text(text: str) -> str:
    """Whitespace normalised inside lines; line breaks kept; no word changed.

    NFC composition, "\\r\\n"/"\\r"/Unicode separators -> "\\n", zero-width characters and
    soft hyphens removed, control characters dropped, any run of horizontal whitespace (tabs,
    NBSP, thin spaces) -> one space, each line stripped.
    """
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = text.translate(_INVISIBLE)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


@cache
def _default_cleaner() -> LineCleaner:
    # Built once per process: the cleaner compiles its lexicon and patterns.
    return LineCleaner()


def clean_document(
    raw: RawDocument, config: Config, *, cleaner: LineCleaner | None = None
) -> CleanArticle:
    """The clean body, removed blocks and metadata of one raw document.

    ``cleaner``: any callable ``(text, *, title_hint=None) -> list[Block]`` (the registry's
    cleaner); a default ``LineCleaner`` otherwise. Raises ``InputError`` with
    ``stage="clean"``: ``no_body`` when no main text is found or the body is shorter than
    ``config.min_body_chars``.
    """
    clean = cleaner or _default_cleaner()
    html: HtmlExtraction | None = None
    try:
        if raw.kind == "html":
            html = extract_html(raw.text, raw.url)
            text = html.text
        else:
            text = raw.text
        title_hint = raw.hints.get("title") or (html.title if html else None)
        # Blocks are lines of the normalised text, so they need no second pass.
        blocks = clean(normalise_text(text), title_hint=title_hint)
    except InputError as exc:
        exc.stage = "clean"
        exc.source = exc.source or raw.source
        raise
    body = "\n\n".join(b.text for b in blocks if b.role == "body" and b.text)
    if len(body) < config.min_body_chars:
        raise InputError(
            "no_body",
            f"the cleaned article text has {len(body)} characters, fewer than min_body_chars="
            f"{config.min_body_chars}; check that the input is an article (not an index or "
            "error page), or lower min_body_chars for very short items",
            source=raw.source,
            stage="clean",
        )
    removed = tuple(RemovedBlock(b.text, b.reason or b.role) for b in blocks if b.role != "body")
    meta = extract_metadata(blocks, body, raw.hints, html, url=raw.url)
    return CleanArticle(body=body, meta=meta, removed=removed, producer=PRODUCER)

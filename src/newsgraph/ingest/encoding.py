"""Decode the bytes of an input into text, and say which encoding was used.

Order of evidence, strongest first:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. a declared charset (HTTP ``Content-Type``, or an HTML ``<meta charset>`` /
   ``<meta http-equiv="Content-Type">`` in the first few KiB), used when it decodes the bytes;
   a page declared as a single-byte legacy charset that is in fact valid non-ASCII UTF-8 is read
   as UTF-8, because mislabelled UTF-8 pages are common and valid multi-byte UTF-8 sequences
   almost never occur by chance in legacy text;
3. UTF-16 without a BOM, recognised by its pattern of NUL bytes;
4. strict UTF-8;
5. legacy encodings guessed by charset_normalizer, re-ranked by newsgraph (see ``_guess``):
   misplaced characters first, then the preference order of ``data/ingest_encodings.txt``.

Bytes that no encoding turns into plausible text raise ``InputError("bad_encoding")``.
``trafilatura.utils.decode_file`` is not used: it ignores declared charsets and falls back to a
destructive ``errors="replace"`` decode, which would store mojibake instead of rejecting it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache
from importlib import resources

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from newsgraph.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)
_CT_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:\-]+)""", re.I)

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# C0 and C1 control characters other than tab, newline, form feed and carriage return.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_WHITESPACE = re.compile(r"[ \t\n\r]")

# DOS and classic Mac code pages: charset_normalizer often prefers them for short Western text
# (cp775 for French, say), yet they are practically never used for news on the web.
_UNLIKELY = re.compile(r"^(cp4\d\d|cp7\d\d|cp8[0-6]\d|mac_|hp_|cp273|cp1006|cp1125|ptcp)")

# Decoded text messier than this is not text (charset_normalizer's own cut-off is 0.2).
_MAX_MESS = 0.25


@cache
def preferred_encodings() -> tuple[str, ...]:
    """Legacy encodings in preference order, from ``data/ingest_encodings.txt``."""
    text = resources.files("newsgraph.data").joinpath("ingest_encodings.txt").read_text("utf-8")
    names = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(codecs.lookup(name).name for name in names if name)


def normalise_encoding(name: str | None) -> str | None:
    """Python's codec name for a charset label, or None when Python does not know it."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    # WHATWG: browsers read pages labelled latin-1 / ascii as windows-1252.
    if label in {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}:
        label = "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header, if any."""
    if not content_type:
        return None
    match = _CT_CHARSET.search(content_type)
    return match.group(1) if match else None


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML ``<meta>`` tag or an XML declaration states in ``head``."""
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head[:8192])
        if match:
            return match.group(1).decode("ascii", "replace")
    return None


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(encoding, BOM length) when ``data`` starts with a byte-order mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when NUL bytes sit on every other byte, as in ASCII-heavy UTF-16."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul = even.count(0) / len(even)
    odd_nul = odd.count(0) / len(odd)
    if odd_nul > 0.6 and even_nul < 0.1:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.1:
        return "utf-16-be"
    return None


def looks_like_text(text: str, *, markup: bool = False) -> bool:
    """False for decoded garbage: control characters, or long runs of letters with no spaces.

    Real prose has whitespace between words except in Chinese, Japanese and Thai, whose
    characters are recognised by name. With ``markup=True`` (HTML) only control characters
    count: minified pages and inline scripts legitimately run for many KiB without a space.
    """
    if not text.strip():
        return True
    sample = text[:20000]
    controls = len(_CONTROL_CHARS.findall(sample)) + sum(
        1 for m in _NON_ASCII.finditer(sample) if unicodedata.category(m.group()) in {"Co", "Cn"}
    )
    if controls / len(sample) > 0.02:
        return False
    if markup or len(sample) < 80:
        return True
    spaces = len(_WHITESPACE.findall(sample))
    if spaces / len(sample) >= 0.02:
        return True
    wide = sum(1 for ch in sample if unicodedata.east_asian_width(ch) in {"W", "F"} or _is_thai(ch))
    return wide / len(sample) > 0.3


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(
    data: bytes, *, declared: str | None = None, html: bool = False
) -> tuple[str, str]:
    """Decode ``data``; return (text, encoding name). Raise InputError("bad_encoding").

    ``declared`` is a charset stated outside the bytes (an HTTP header); with ``html=True`` a
    ``<meta>`` charset in the first 8 KiB is honoured too. A leading BOM is removed.
    """
    bom = bom_encoding(data)
    if bom is not None:
        name, size = bom
        text = _strict(data[size:], name)
        if text is not None:
            return text, name
    stated = normalise_encoding(declared) or (
        normalise_encoding(declared_charset(data)) if html else None
    )
    if stated is not None:
        text = _strict(data, stated)
        if text is not None and looks_like_text(text, markup=html):
            if stated != "utf-8" and not data.isascii() and _is_single_byte(stated):
                utf8 = _strict(data, "utf-8")
                if utf8 is not None:
                    return utf8, "utf-8"
            return text, stated
    # Before UTF-8: ASCII-heavy UTF-16 is also valid UTF-8 (NUL is a valid UTF-8 character).
    utf16 = utf16_without_bom(data)
    if utf16 is not None:
        text = _strict(data, utf16)
        if text is not None and looks_like_text(text, markup=html):
            return text, utf16
    text = _strict(data, "utf-8")
    if text is not None:
        if looks_like_text(text, markup=html):
            return text, "utf-8"
        raise _bad_encoding("it is valid UTF-8 but decodes to control characters, not prose")
    guess = _guess(data, html=html)
    if guess is None:
        raise _bad_encoding("it is not UTF-8 and no known encoding turns it into readable text")
    return guess


def _is_single_byte(encoding: str) -> bool:
    return encoding.startswith(("cp", "iso8859", "koi8", "latin", "windows", "mac"))


# Punctuation that legitimately sits inside words (apostrophes, hyphens, middle dot).
_WORD_PUNCTUATION = frozenset("\u2019\u2018'-\u2010\u2011\u00b7\u00ad")


def _script(ch: str) -> str:
    """First word of a letter's Unicode name: LATIN, CYRILLIC, GREEK, ARABIC..."""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def oddities(text: str) -> int:
    """How many non-ASCII characters sit where a right decoding would not put them.

    Counted: a symbol between two letters (Polish cp1250 read as cp1252 gives "miesi¹cu"), a
    lower-case letter followed by a capital (KOI8-R read as cp1251 gives "лЮП"), and two
    adjacent letters of different scripts. Wrong single-byte decodings of real text score
    high; the right one scores near zero.
    """
    count = 0
    last = len(text) - 1
    for match in _NON_ASCII.finditer(text):
        i = match.start()
        ch = text[i]
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i < last else " "
        if not ch.isalpha():
            if before.isalpha() and after.isalpha() and ch not in _WORD_PUNCTUATION:
                count += 1
            continue
        if before.islower() and ch.isupper() or ch.islower() and after.isupper():
            count += 1
        if before.isalpha() and _script(before) != _script(ch):
            count += 1
    return count


def _guess(data: bytes, *, html: bool = False) -> tuple[str, str] | None:
    """Best legacy decoding of ``data`` or None.

    charset_normalizer proposes candidates (DOS and Mac code pages dropped unless nothing else
    is left); windows-1252 is always added, as the web's default for unlabelled Western pages.
    Candidates whose text is too messy are dropped; the rest are ranked by ``oddities`` (fewest
    wins), then by the order of ``data/ingest_encodings.txt``, then by mess. charset_normalizer
    alone reads short French cp1252 text as Baltic cp775, hence the re-ranking.
    """
    sample = data[:65536]
    names: list[str] = []
    for match in from_bytes(sample):
        name = normalise_encoding(match.encoding)
        if name and name not in names and name != "utf-8":
            names.append(name)
    likely = [n for n in names if not _UNLIKELY.match(n)]
    names = likely or names
    if "cp1252" not in names:
        names.append("cp1252")
    preference = {name: rank for rank, name in enumerate(preferred_encodings())}
    scored: list[tuple[int, int, float, str, str]] = []
    for name in names:
        text = _strict(data, name)
        if text is None or not looks_like_text(text, markup=html):
            continue
        mess = mess_ratio(text[:65536], maximum_threshold=1.0)
        if mess > _MAX_MESS:
            continue
        rank = preference.get(name, len(preference))
        scored.append((oddities(text[:65536]), rank, mess, name, text))
    if not scored:
        return None
    _, _, _, name, text = min(scored)
    return text, name


def _bad_encoding(why: str) -> InputError:
    return InputError(
        "bad_encoding",
        f"Cannot decode the input: {why}. Re-save it as UTF-8, or check it is really a text "
        "or HTML article.",
    )

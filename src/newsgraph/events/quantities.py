"""Figures stated in event and claim sentences: counts, percentages, money, casualty tolls.

``find_quantities`` returns every figure of a sentence as a ``model.Quantity``: its value, the
counted noun (``unit``), the qualifier written before it and its body offsets.
``casualties`` reads the death and injury tolls a sentence states.

What counts as a figure, and how it is read (word lists in ``data/quantity_words.tsv``):

- Digits with separators and decimals ("1,400", "3.5"), with a multiplier word ("1.5 million")
  or, in money, an abbreviation ("$5bn"); number words ("twelve", "forty-five", "two hundred");
  fixed counts ("a dozen" = 12, "half a dozen" = 6).
- Vague counts keep their lower bound with the qualifier ``"vague"``: a plural of a count word
  means at least two of it ("dozens of" = 24, "scores of" = 40, "hundreds of" = 200,
  "thousands of" = 2,000, "tens of thousands of" = 20,000, "millions of" = 2,000,000).
  "A few" and "several" are not figures.
- ``qualifier``: the phrase before the figure as written in the data file ("more than",
  "at least", "about", "up to", "nearly", "an estimated", ...); for percentages, money and
  points a change word before the figure ("rose 5%", "down 2%") gives ``"up"``/``"down"``.
  A qualifier wins over a change word ("up nearly 57%" -> "nearly").
- ``unit``: percentages are ``"percent"`` (or ``"percentage point"``), money is its ISO 4217
  code ("$50 million" -> ``"USD"``), anything else the counted noun after the figure,
  singularised by simple rules and the irregular plurals of the data file ("rockets" ->
  "rocket", "people" stays "people", "children" -> "child"); adjectives and demonyms before it
  are skipped ("12 Israeli soldiers" -> "soldier"); "per X" makes a rate ("40 rockets per
  day" -> "rocket per day"); short unit symbols are kept as written ("4500 mAh"). A figure
  followed by a verb or function word ("12 killed", "60 of them") has ``unit=""``.
- Ranges ("between 200 and 300 people", "15 to 20 shells", "$2 to $3 billion") are one figure:
  the lower end, qualifier ``"between"`` (a scale written once applies to both ends). "From X to
  Y" stays two figures: news uses it for a change ("rose from 5% to 7%").

Not figures (on purpose): dates and years (every span ``dates.find_time_expressions`` finds,
and a bare four-digit year-like number with no unit after it), clock times ("10:30",
"3 p.m."), ordinals ("7th"), numbers glued into names or compounds ("F-16", "G7",
"COVID-19", "the Six-Day War", "a 12-year-old": a number joined by a hyphen to a word is a
modifier, not a count), labels (a number after a word of kind ``label``: "Resolution 1701",
"Flight 17", "Unit 8200"), a number right after another capitalised word unless people, money or
a percentage follow ("Boeing 737", "Big 12" are names; "Gaza 12 people" still counts),
and partitive or pronoun uses of "one" ("one of", "no one", "one another").

All patterns are compiled once per word table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from newsgraph.clean.datafiles import data_file, read_rows
from newsgraph.errors import ConfigError
from newsgraph.events.dates import find_time_expressions
from newsgraph.model import Quantity

#: Qualifier of vague counts ("dozens of"); their value is a lower bound.
VAGUE = "vague"
#: Units a change word ("rose", "down") may qualify: amounts of a measure, not counts of things.
CHANGE_UNITS = frozenset({"percent", "percentage point", "basis point", "point", "cent", "sen"})
#: How many words after a figure may make up its counted noun ("12 Israeli reserve soldiers").
MAX_UNIT_WORDS = 3

_KINDS = (
    "number",
    "multiplier",
    "scale",
    "count",
    "vague",
    "qualifier",
    "change",
    "currency",
    "percent",
    "label",
    "not_unit",
    "irregular",
    "person",
    "fatal",
    "injury",
    "fatal_before",
    "injury_before",
    "fatal_toll",
    "injury_toll",
)
_CHANGES = (">", "<", "~", "up", "down")


# eq=False: tables are compared (and cached, see ``_patterns``) by identity.
@dataclass(frozen=True, slots=True, eq=False)
class QuantityWords:
    """The contents of ``data/quantity_words.tsv`` (keys lower-cased except currencies)."""

    numbers: dict[str, float]
    multipliers: dict[str, float]
    scales: dict[str, float]
    counts: dict[str, float]
    vague: dict[str, float]
    qualifiers: dict[str, str]  # phrase -> change code
    changes: dict[str, str]  # word -> "up" | "down"
    currencies: dict[str, str]  # as written -> ISO code
    percents: dict[str, str]  # as written (lower) -> unit
    labels: frozenset[str]
    not_units: frozenset[str]
    irregular: dict[str, str]
    persons: frozenset[str]
    fatal: tuple[str, ...]
    injury: tuple[str, ...]
    fatal_before: tuple[str, ...]
    injury_before: tuple[str, ...]
    fatal_toll: tuple[str, ...]
    injury_toll: tuple[str, ...]


def load_quantity_words(path: Path | None = None) -> QuantityWords:
    """Read a quantity-word table (``data/quantity_words.tsv`` by default; cached)."""
    return _read_quantity_words(path or data_file("quantity_words.tsv"))


@cache
def _read_quantity_words(path: Path) -> QuantityWords:
    rows: dict[str, dict[str, str]] = {kind: {} for kind in _KINDS}
    for number, (kind, phrase, value) in read_rows(path, min_columns=3, max_columns=3):
        if kind not in rows:
            raise ConfigError(f"{path}:{number}: unknown kind {kind!r}; expected one of {_KINDS}")
        key = phrase if kind == "currency" else re.sub(r"\s+", " ", phrase.lower())
        if kind in ("number", "multiplier", "scale", "count", "vague"):
            try:
                float(value)
            except ValueError as exc:
                raise ConfigError(f"{path}:{number}: {kind} needs a number: {exc}") from exc
        if kind == "qualifier" and value not in _CHANGES[:3]:
            raise ConfigError(f"{path}:{number}: qualifier change must be one of > < ~")
        if kind == "change" and value not in ("up", "down"):
            raise ConfigError(f"{path}:{number}: change must be up or down")
        rows[kind][key] = value

    def floats(kind: str) -> dict[str, float]:
        return {k: float(v) for k, v in rows[kind].items()}

    return QuantityWords(
        numbers=floats("number"),
        multipliers=floats("multiplier"),
        scales=floats("scale"),
        counts=floats("count"),
        vague=floats("vague"),
        qualifiers=rows["qualifier"],
        changes=rows["change"],
        currencies=rows["currency"],
        percents=rows["percent"],
        labels=frozenset(rows["label"]),
        not_units=frozenset(rows["not_unit"]),
        irregular=rows["irregular"],
        persons=frozenset(rows["person"]),
        fatal=tuple(rows["fatal"]),
        injury=tuple(rows["injury"]),
        fatal_before=tuple(rows["fatal_before"]),
        injury_before=tuple(rows["injury_before"]),
        fatal_toll=tuple(rows["fatal_toll"]),
        injury_toll=tuple(rows["injury_toll"]),
    )


def _alt(words: object) -> str:
    """A regex alternation of phrases, longest first, any whitespace between words."""
    items = sorted(words, key=len, reverse=True)  # type: ignore[arg-type]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Patterns:
    figure: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    change_before: re.Pattern[str]
    percent_after: re.Pattern[str]
    currency_after: re.Pattern[str]
    scale_after: re.Pattern[str]
    or_more_after: re.Pattern[str]
    fatal_after: re.Pattern[str]
    injury_after: re.Pattern[str]
    fatal_before: re.Pattern[str]
    injury_before: re.Pattern[str]
    fatal_toll: re.Pattern[str]
    injury_toll: re.Pattern[str]


_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
# Words between a figure (with its unit) and the casualty word: auxiliaries, adverbs, a place.
_CASUALTY_GAP = (
    r"(?:(?:were|was|have|has|had|been|are|is|being|reportedly|also|all|later|now|"
    r"confirmed|believed|said|to|be|thought|feared|among|them)\s+){0,4}"
)
# "5 of its soldiers were killed", "three of them died".
_PARTITIVE = (
    r"(?:of\s+(?:(?:them|whom|those)\s+|(?:the|its|their|his|her|our)\s+(?:[\w-]+\s+){1,2}))?"
)
_PLACE = r"(?:(?:in|from|at|on|near|across)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3})?"
_TOLL_LINK = (
    r"[^.;:!?]{0,50}?\b(?:to|at|of|reached|hit|passed|exceeded|topped|surpassed|is|was|"
    r"stood\s+at|stands\s+at|now\s+at)\s+$"
)


@cache
def _patterns(words: QuantityWords) -> _Patterns:
    symbols = [c for c in words.currencies if not c[0].isalpha() or c.isupper()]
    currency_words = [c for c in words.currencies if c not in symbols]
    word_numbers = _alt([*words.numbers, *words.multipliers])
    figure = (
        # A sign, then a currency symbol or code glued or spaced before digits ("$50",
        # "US$ 5", "NIS 200"), multiplier words ("1.5 million") or letters glued after the
        # digits ("$5bn", "640bhp", "5pc").
        rf"(?<![\w.,/:#&-])(?P<sign>\+|−|(?i:minus)[\s-]?)?(?:(?P<cur>{_alt(symbols)})\s?)?"
        rf"(?P<digits>{_DIGITS})(?P<glued>[A-Za-z]+(?:/[A-Za-z]+)?)?"
        rf"(?P<dmult>(?:\s+(?i:{_alt(words.multipliers)})\b)+)?"
        rf"|(?i:\b(?P<vague>{_alt(words.vague)})\b)"
        rf"|(?i:\b(?P<count>{_alt(words.counts)})\b)"
        rf"|(?i:\b(?P<words>(?:{word_numbers})(?:(?:\s+and\s+|\s+|-)(?:{word_numbers}))*)\b)"
    )

    def before(phrases: object) -> re.Pattern[str]:
        return re.compile(rf"(?i:(?<![\w-])(?P<p>{_alt(phrases)})\s*$)")

    def after(phrases: object) -> re.Pattern[str]:
        return re.compile(rf"^\s*{_PARTITIVE}{_PLACE}{_CASUALTY_GAP}(?i:(?:{_alt(phrases)})\b)")

    return _Patterns(
        figure=re.compile(figure),
        qualifier_before=before(words.qualifiers),
        change_before=re.compile(rf"(?i:(?<![\w-])(?P<p>{_alt(words.changes)})\s*(?:by\s+)?$)"),
        percent_after=re.compile(rf"\s?(?i:(?P<p>{_alt(words.percents)}))(?!\w)"),
        currency_after=re.compile(rf"\s+(?P<c>{_alt(currency_words)})\b"),
        scale_after=re.compile(rf"^\s?(?i:(?P<s>{_alt(words.scales)}))\b"),
        or_more_after=re.compile(r"\s+or\s+(?P<w>more|so)\b", re.IGNORECASE),
        fatal_after=after(words.fatal),
        injury_after=after(words.injury),
        fatal_before=re.compile(rf"(?i:\b(?:{_alt(words.fatal_before)})\s+$)"),
        injury_before=re.compile(rf"(?i:\b(?:{_alt(words.injury_before)})\s+$)"),
        fatal_toll=re.compile(rf"(?i:\b(?:{_alt(words.fatal_toll)})\b{_TOLL_LINK})"),
        injury_toll=re.compile(rf"(?i:\b(?:{_alt(words.injury_toll)})\b{_TOLL_LINK})"),
    )


# --------------------------------------------------------------------------------------------
# Reading one figure
# --------------------------------------------------------------------------------------------

# Glued after digits, these make the number a clock time, an ordinal, a fraction or a code.
_NOT_A_COUNT_AFTER = re.compile(
    r"^:\d|^/\d|^[-‐][A-Za-z]|^[\w×]|^\s*(?:a\.m\.|p\.m\.|[AP]M\b|GMT\b|UTC\b|o['’]clock|"
    r"hrs\b|local\s+time)",
)
# Letters glued to digits that make them an ordinal or a clock time ("7th", "5pm").
_NOT_A_COUNT_GLUED = frozenset({"st", "nd", "rd", "th", "am", "pm", "h", "hrs"})
# Scale letters that mean thousand/million/billion when glued to a figure without money.
_GLUED_SCALES = frozenset({"bn", "mn", "tn", "M", "B", "K"})
# "Senard, 65, said": a number between commas after a capitalised word is an age.
_AGE_BEFORE = re.compile(r"[A-Z][\w'’-]*,\s*$")
_AGE_AFTER = re.compile(r"^\s*[,)]")
_NOT_A_COUNT_WORD_AFTER = re.compile(r"^-[A-Za-z]|^\s+(?:another|anothers)\b", re.IGNORECASE)
_ONE_BEFORE = re.compile(r"(?i:\b(?:no|any|every|the|this|that|each|which|same)\s+$)")
_ONE_AFTER = re.compile(r"(?i:^\s+(?:of|another)\b|^\s+\d)")
_WORD_AFTER = re.compile(r"\s+(?P<w>[A-Za-z][\w'’]*(?:-[A-Za-z][\w'’]*)*)")
_PREVIOUS_WORD = re.compile(r"(?:^|[\s(\"“])(?P<w>[#&\w.'’-]+)\s+$")
_DETERMINER_BEFORE = re.compile(r"(?i:\b(?:the|its|their|his|her|a|an)\s+$)")
_YEARLIKE = re.compile(r"^(?:19|20)\d{2}$")


def _word_value(text: str, words: QuantityWords) -> float | None:
    """The value of number words ("two hundred and forty-five" -> 245), else None."""
    total = current = 0.0
    seen = False
    for token in re.split(r"[\s-]+", text.lower()):
        if token == "and":
            continue
        if token in words.numbers:
            current += words.numbers[token]
            seen = True
        elif token == "hundred":
            current = (current or 1) * 100
            seen = True
        elif token in words.multipliers:
            total += (current or 1) * words.multipliers[token]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def singular(word: str, words: QuantityWords | None = None) -> str:
    """A simple singular of a lower-cased plural noun ("rockets" -> "rocket")."""
    words = words or load_quantity_words()
    head, _, last = word.rpartition("-")
    if head:
        return f"{head}-{singular(last, words)}"
    if word in words.irregular:
        return words.irregular[word]
    if len(word) <= 3 or word.endswith(("ss", "us", "sis", "xis")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def _is_plural(word: str, words: QuantityWords) -> bool:
    low = word.lower()
    if low in words.irregular:
        return words.irregular[low] != low or low in ("people", "police", "personnel")
    return low.endswith("s") and not low.endswith(("ss", "us", "sis", "xis")) and len(low) > 3


def _named(word: str) -> bool:
    """A word written with a capital ("Israeli", "al-Aruri", "IDF"): a name or demonym."""
    return any(c.isupper() for c in word)


def _unit_after(
    text: str, pos: int, words: QuantityWords, *, singular_expected: bool = False
) -> tuple[str, int, str]:
    """The counted noun after a figure, where it ends, and the noun as written.

    The words after the figure up to a function word, a verb form or punctuation (at most
    ``MAX_UNIT_WORDS``) are read; the counted noun is the last lower-case plural among them
    ("four different bosses", "12 Hamas fighters"), else, for "one" or when no plural is
    there, the first lower-case noun ("one person", "87 mph"), else a capitalised plural
    ("5 Israelis"), else the last capitalised word (a name: the caller drops the figure).
    ("", pos, "") when there is none.
    """
    run: list[tuple[str, int]] = []
    end = pos
    for n in range(MAX_UNIT_WORDS):
        match = _WORD_AFTER.match(text, end)
        if match is None:
            break
        word = match["w"]
        low = word.lower()
        if low in words.not_units:
            break
        if n > 0 and low.endswith(("ed", "ing")) and low not in words.persons:
            break  # "rockets fired", "people living"
        if run and _named(word) and not _named(run[-1][0]):
            break  # "60 rockets Hamas ...": a new name starts
        end = match.end()
        run.append((word, end))
        lower_noun = not _named(word) and not low.endswith(("ed", "ing"))
        if lower_noun and (singular_expected or _is_plural(word, words)):
            break
    lowers = [(w, e) for w, e in run if not _named(w)]
    plurals = [(w, e) for w, e in lowers if _is_plural(w, words)]
    nouns = [(w, e) for w, e in lowers if not w.lower().endswith(("ed", "ing"))]
    capital_plurals = [(w, e) for w, e in run if _named(w) and _is_plural(w, words)]
    if plurals and not singular_expected:
        chosen = plurals[-1]
    elif nouns:
        chosen = nouns[0]
    elif plurals:
        chosen = plurals[-1]
    elif capital_plurals:
        chosen = capital_plurals[-1]
    elif run and _named(run[-1][0]):
        chosen = run[-1]
    else:
        return "", pos, ""
    unit = singular(chosen[0].lower(), words)
    # "miles per hour", "rockets per day": a rate.
    rate = re.match(r"\s+per\s+(?P<w>[a-z]+)\b", text[chosen[1] : chosen[1] + 30])
    if rate and rate["w"] not in ("cent",):
        return f"{unit} per {singular(rate['w'], words)}", chosen[1] + rate.end(), chosen[0]
    return unit, chosen[1], chosen[0]


@dataclass(frozen=True, slots=True)
class _Figure:
    value: float
    unit: str
    qualifier: str | None
    start: int
    end: int  # end of the figure itself (number, currency, percent, multiplier)
    unit_end: int  # end of the counted noun, if any
    scale: float = 1.0  # the multiplier written with the digits ("billion" in "$93 billion")


def _figures(text: str, words: QuantityWords) -> list[_Figure]:
    p = _patterns(words)
    dates = [(e.start, e.end) for e in find_time_expressions(text, 0, None)]
    found: list[_Figure] = []
    for m in p.figure.finditer(text):
        start, end = m.start(), m.end()
        if any(s < end and start < e for s, e in dates):
            continue
        figure = _read_figure(text, m, words, p)
        if figure is not None:
            found.append(figure)
    return _merge_ranges(text, found)


def _read_figure(text: str, m: re.Match[str], words: QuantityWords, p: _Patterns) -> _Figure | None:
    """One figure match read into value, unit and qualifier; None when it is not a figure."""
    start, end = m.start(), m.end()
    tail = text[end : end + 20]
    qualifier: str | None = None
    unit = ""
    currency: str | None = None
    glued_unit = ""
    scale_factor = 1.0
    prev_word = ""
    yearlike = capital_before = False
    if m["digits"] is not None:
        if _NOT_A_COUNT_AFTER.search(tail):
            return None  # "10:30", "1/16", "6.1-inch", "9AB8"
        digits = m["digits"]
        value = float(digits.replace(",", ""))
        if m["sign"] and m["sign"] != "+":
            value = -value
        if m["cur"]:
            currency = words.currencies[re.sub(r"\s+", " ", m["cur"])]
        glued = m["glued"] or ""
        if glued:
            if glued.lower() in _NOT_A_COUNT_GLUED:
                return None
            if glued.lower() in words.scales and (currency or glued in _GLUED_SCALES):
                scale_factor *= words.scales[glued.lower()]
            elif glued.lower() in words.percents:
                glued_unit = words.percents[glued.lower()]
            elif currency:
                return None  # "$5xyz": not money as we know it
            else:
                glued_unit = glued.lower()  # "640bhp", "500mg", "80km/h"
        for word in (m["dmult"] or "").split():
            scale_factor *= words.multipliers[word.lower()]
        if currency and not m["dmult"] and not glued:
            scale = p.scale_after.match(tail)
            if scale and scale["s"].lower() not in ("m", "b", "k"):
                scale_factor *= words.scales[scale["s"].lower()]
                end += scale.end()
        previous = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
        prev_word = previous["w"] if previous else ""
        if prev_word.lower().rstrip(".") in words.labels or prev_word.lower() in words.labels:
            return None  # "Resolution 1701", "Flight 17"
        if prev_word.startswith("#"):
            return None
        if (
            not currency
            and not glued
            and not m["dmult"]
            and _AGE_BEFORE.search(text[max(0, start - 40) : start])
            and _AGE_AFTER.match(text[end : end + 3])
        ):
            return None  # "Ahmed, 25, was killed": an age
        yearlike = _YEARLIKE.match(digits) is not None and not m["cur"] and not m["dmult"]
        capital_before = (
            any(c.isupper() for c in prev_word)
            and prev_word.lower() not in words.qualifiers
            and prev_word.lower() not in words.changes
            and not re.search(r"[.!?:;\"“(]\s*$", text[: start - len(prev_word) - 1] or ".")
        )
    elif m["vague"] is not None:
        value = words.vague[re.sub(r"\s+", " ", m["vague"].lower())]
        qualifier = VAGUE
    elif m["count"] is not None:
        value = words.counts[re.sub(r"\s+", " ", m["count"].lower())]
    else:
        number_text = m["words"]
        previous = _PREVIOUS_WORD.search(text[max(0, start - 40) : start])
        if previous and previous["w"].lower().rstrip(".") in words.labels:
            return None  # "the Hamas number two", "Chapter Seven"
        if number_text[0].isupper() and not re.search(r"(?:^|[.!?:;\"“(])\s*$", text[:start]):
            return None  # a capitalised number inside a sentence: "BBC One", "Formula One"
        if _NOT_A_COUNT_WORD_AFTER.search(tail):
            return None  # "two-state", "the Six-Day War", "one another"
        if number_text.lower() == "one" and (
            _ONE_BEFORE.search(text[max(0, start - 12) : start]) or _ONE_AFTER.search(tail)
        ):
            return None
        word_value = _word_value(number_text, words)
        if word_value is None or number_text.lower() in words.multipliers:
            return None  # "hundred" alone, "million" alone
        value = word_value
    # The unit: a percentage, money, or the counted noun.
    percent = p.percent_after.match(text, end) if not (currency or glued_unit) else None
    if percent is not None:
        unit = words.percents[re.sub(r"\s+", " ", percent["p"].lower())]
        end = percent.end()
    elif not currency and not glued_unit:
        currency_word = p.currency_after.match(text, end)
        if currency_word is not None:
            currency = words.currencies[re.sub(r"\s+", " ", currency_word["c"])]
            end = currency_word.end()
    unit = currency or glued_unit or unit
    unit_end = end
    unit_word = ""
    if not unit:
        unit, unit_end, unit_word = _unit_after(text, end, words, singular_expected=value == 1)
    if unit_word.upper() in words.currencies.values():
        unit = unit_word.upper()  # "110 JPY"
    elif _named(unit_word) and not _is_plural(unit_word, words) and unit not in words.persons:
        if unit_word.istitle() or len(unit_word) > 4:
            return None  # "iPhone 11 Pro", "787 Dreamliner", "22 Ave Foch": a name
        unit = unit_word  # a symbol as written: "4500 mAh", "35 GWh", "300 PS"
    if yearlike and (
        not (unit_word and _is_plural(unit_word, words))
        or _DETERMINER_BEFORE.search(text[max(0, start - 8) : start])
    ):
        return None  # a year: "in 2019.", "the 2006 war", "the 1967 borders"
    if capital_before and not (
        unit in words.persons or unit == "people" or currency or unit in words.percents.values()
    ):
        return None  # "Boeing 737", "Big 12"
    # Qualifiers before the figure (or its currency symbol).
    before = text[max(0, start - 40) : start]
    qual = p.qualifier_before.search(before)
    if qualifier is None and qual is not None:
        qualifier = re.sub(r"\s+", " ", qual["p"].lower())
        start -= len(before) - qual.start("p")
    elif qualifier is None and (unit in CHANGE_UNITS or currency):
        change = p.change_before.search(before)
        if change is not None:
            qualifier = words.changes[change["p"].lower()]
    if m["digits"] is not None and m["sign"] == "+" and qualifier is None:
        qualifier = "up"
    if qualifier is None:
        more = p.or_more_after.match(text, unit_end)
        if more is not None:
            qualifier = "or more" if more["w"].lower() == "more" else "or so"
    return _Figure(value * scale_factor, unit, qualifier, start, end, unit_end, scale_factor)


# Between two figures of a range: "200-300", "15 to 22 miles", "between 5% and 6%".
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?i:\bbetween\s+$)")
_FROM_BEFORE = re.compile(r"(?i:\bfrom\s+$)")


def _merge_ranges(text: str, figures: list[_Figure]) -> list[_Figure]:
    """Join "200 to 300 people" into one figure: value = the lower end, qualifier "between".

    "from X to Y" stays two figures (news uses it for a change: "rose from 5% to 7%");
    "X and Y" is a range only after "between".
    """
    merged: list[_Figure] = []
    for figure in figures:
        if merged:
            first = merged[-1]
            gap = text[max(first.end, first.unit_end) : figure.start]
            between = _RANGE_BEFORE.search(text[max(0, first.start - 12) : first.start])
            if (
                _RANGE_GAP.fullmatch(gap)
                and (between or "and" not in gap.lower())
                and first.unit in ("", figure.unit)
                and first.value * (figure.scale if first.scale == 1 else 1) <= figure.value
                and first.qualifier not in ("up", "down", VAGUE)
                and figure.qualifier is None
                and not _FROM_BEFORE.search(text[max(0, first.start - 8) : first.start])
            ):
                # "$89 to $93 billion": a scale written once applies to both ends.
                shared = figure.scale if first.scale == 1 else 1.0
                merged[-1] = _Figure(
                    first.value * shared,
                    figure.unit,
                    first.qualifier or "between",
                    first.start - (between.end() - between.start() if between else 0),
                    figure.end,
                    figure.unit_end,
                    figure.scale,
                )
                continue
        merged.append(figure)
    return merged


def find_quantities(
    text: str, offset: int, *, words: QuantityWords | None = None
) -> list[Quantity]:
    """The figures of ``text`` (usually one sentence) as Quantity records, in text order.

    ``offset`` is the body offset of ``text[0]``. ``Quantity.text`` runs from the qualifier
    (if any) to the counted noun (if any): "more than 60 rockets", "$50 million", "3.5%".
    """
    words = words or load_quantity_words()
    result = []
    for f in _figures(text, words):
        end = max(f.end, f.unit_end)
        result.append(
            Quantity(
                value=f.value,
                unit=f.unit,
                text=text[f.start : end],
                qualifier=f.qualifier,
                start=offset + f.start,
                end=offset + end,
            )
        )
    return result


def qualifier_change(qualifier: str | None, words: QuantityWords | None = None) -> str:
    """The change code of a qualifier: ">", "<", "~", "up", "down" or "=" (none).

    Vague counts are "~"; "or more" is ">", "or so" "~".
    """
    if qualifier is None:
        return "="
    if qualifier in ("up", "down"):
        return qualifier
    if qualifier == VAGUE or qualifier == "or so":
        return "~"
    if qualifier == "or more":
        return ">"
    words = words or load_quantity_words()
    return words.qualifiers.get(qualifier, "=")


# --------------------------------------------------------------------------------------------
# Casualties
# --------------------------------------------------------------------------------------------


def _counts_people(f: _Figure, words: QuantityWords) -> bool:
    """A figure that can be a toll: people, a demonym, or nothing counted ("12 killed")."""
    if f.qualifier in ("up", "down") or f.unit in words.percents.values():
        return False
    if f.unit in words.currencies.values():
        return False
    return (
        not f.unit
        or f.unit in words.persons
        or f.unit in ("people", "death", "fatality", "body", "dead", "injury", "wounded")
    )


def casualties(
    text: str, offset: int, *, words: QuantityWords | None = None
) -> tuple[int | None, int | None]:
    """(fatalities, injuries) stated in ``text``: the largest figure of each kind, or None.

    A figure is a death toll when a death word follows it ("12 people were killed", "5 dead",
    "1,400 deaths"), a killing verb precedes it ("killing 12", "claimed the lives of 30"), or it
    follows a toll phrase ("the death toll rose to 1,400"); injuries likewise ("wounding 30",
    "30 were injured", "left 5 dead and 20 wounded"). Only figures of people (or of nothing
    named) count, so "30 rockets killed two" gives 2, not 30. ``offset`` is accepted for
    symmetry with ``find_quantities``; the result has no offsets.
    """
    del offset  # the tolls are values, not spans
    words = words or load_quantity_words()
    p = _patterns(words)
    fatal: list[int] = []
    injured: list[int] = []
    for f in _figures(text, words):
        if not _counts_people(f, words):
            continue
        before = text[max(0, f.start - 80) : f.start]
        after = text[f.unit_end : f.unit_end + 80]
        value = int(f.value)
        if f.unit in ("death", "fatality", "body", "dead"):
            fatal.append(value)
        elif f.unit in ("injury", "wounded"):
            injured.append(value)
        elif p.fatal_after.match(after) or p.fatal_before.search(before):
            fatal.append(value)
        elif p.injury_after.match(after) or p.injury_before.search(before):
            injured.append(value)
        elif p.fatal_toll.search(before):
            fatal.append(value)
        elif p.injury_toll.search(before):
            injured.append(value)
    return (max(fatal) if fatal else None, max(injured) if injured else None)

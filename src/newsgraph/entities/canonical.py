"""Surface forms -> canonical names: trimming, title stripping, name keys, and the word lists.

A mention's surface ("the Islamic Revolutionary Guards Corps", "Hamas’", "Lt. Col. Jane Doe")
is reduced to the name it carries before it is looked up:

- ``trim_span``      drops a leading "the" and a trailing possessive ("'s", "’", "'")
- ``strip_title``    drops titles and role words before a name ("Secretary General Hassan
                     Nasrallah" -> "Hassan Nasrallah"), also when the span starts inside a title
                     ("Defense Lloyd Austin" after "Secretary of")
- ``name_words``     the normalized words of a name, for surname and short-form matching

The word lists are data: ``data/entity_titles.txt``, ``data/role_patterns.tsv`` and
``data/descriptors.tsv`` (see ``data/README.md``); each is read once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.clean.datafiles import data_file, read_rows, read_words
from newsgraph.entities.kb import ENTITY_TYPES, PREDICATES
from newsgraph.entities.normalize import normalize_name, unify_apostrophes
from newsgraph.errors import ConfigError

__all__ = [
    "Descriptors",
    "RolePhrases",
    "descriptors",
    "name_words",
    "role_phrases",
    "strip_title",
    "title_regex",
    "trim_span",
]

_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING_POSSESSIVE = re.compile(r"(?:['’‘`]s|['’‘`])$")


@dataclass(frozen=True, slots=True)
class RolePhrases:
    """Role words from ``role_patterns.tsv``: phrase -> predicate, plus modifiers and "past"."""

    predicates: dict[str, str]  # lower-cased phrase -> predicate
    modifiers: frozenset[str]
    past: frozenset[str]

    def predicate(self, phrase: str) -> str | None:
        """The predicate of a title phrase (modifier words before it ignored), or None."""
        words = phrase.lower().split()
        while words:
            hit = self.predicates.get(" ".join(words))
            if hit:
                return hit
            if words[0] not in self.modifiers and words[0] not in self.past:
                return None
            words = words[1:]
        return None

    def is_past(self, phrase: str) -> bool:
        """Whether the title phrase marks a former role ("former leader")."""
        return any(w in self.past for w in phrase.lower().split())


@dataclass(frozen=True, slots=True)
class Descriptors:
    """Descriptive-reference words from ``descriptors.tsv``."""

    heads: dict[str, frozenset[str]]  # anaphoric head noun -> compatible types
    institutions: dict[str, frozenset[str]]  # institution noun -> types
    modifiers: dict[str, frozenset[str]]  # lower-cased modifier -> types it allows
    compounds: frozenset[str]  # "backed", "based", ...


@lru_cache(maxsize=1)
def role_phrases() -> RolePhrases:
    """The role words of ``data/role_patterns.tsv``."""
    path = data_file("role_patterns.tsv")
    predicates: dict[str, str] = {}
    modifiers: set[str] = set()
    past: set[str] = set()
    for number, (phrase, predicate) in read_rows(path, min_columns=2, max_columns=2):
        key = " ".join(phrase.lower().split())
        if predicate == "modifier":
            modifiers.add(key)
        elif predicate == "past":
            past.add(key)
        elif predicate in PREDICATES:
            predicates[key] = predicate
        else:
            raise ConfigError(
                f"{path}:{number}: unknown predicate {predicate!r}; use one of "
                f"{sorted(PREDICATES)}, 'modifier' or 'past'"
            )
    return RolePhrases(predicates, frozenset(modifiers), frozenset(past))


@lru_cache(maxsize=1)
def descriptors() -> Descriptors:
    """The descriptive-reference words of ``data/descriptors.tsv``."""
    path = data_file("descriptors.tsv")
    tables: dict[str, dict[str, frozenset[str]]] = {
        "head": {},
        "institution": {},
        "modifier": {},
        "compound": {},
    }
    for number, (kind, words, types) in read_rows(path, min_columns=2, max_columns=3):
        type_set = frozenset(t for t in types.split("|") if t)
        if kind not in tables or not type_set <= ENTITY_TYPES:
            raise ConfigError(
                f"{path}:{number}: kind must be head, institution, modifier or compound and "
                f"types a '|'-list of {sorted(ENTITY_TYPES)}"
            )
        tables[kind][" ".join(words.lower().split())] = type_set
    return Descriptors(
        tables["head"],
        tables["institution"],
        tables["modifier"],
        frozenset(tables["compound"]),
    )


@lru_cache(maxsize=1)
def _titles() -> tuple[str, ...]:
    """Every title that may precede a name: entity_titles.txt plus the role phrases."""
    words = set(read_words(data_file("entity_titles.txt")))
    roles = role_phrases()
    words |= set(roles.predicates) | {m for m in roles.modifiers if m != "political"}
    # Longest first, so "Lt. Col." wins over "Lt." and "Secretary of Defense" over "Secretary".
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _title_pattern(title: str) -> str:
    """A regex for one title: words separated by any space, optional final period."""
    parts = [re.escape(w) for w in title.rstrip(".").split()]
    body = r"\s+".join(parts)
    return body + (r"\.?" if title.endswith(".") else "")


@lru_cache(maxsize=1)
def title_regex() -> re.Pattern[str]:
    """Matches one title (case-insensitive) followed by spaces; group "t" is the title."""
    alternation = "|".join(_title_pattern(t) for t in _titles())
    return re.compile(rf"(?i)(?<![\w-])(?P<t>{alternation})(?![\w-])\s+")


def trim_span(body: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``body[start:end]`` to the name: no leading "the", no trailing possessive."""
    text = body[start:end]
    lead = _LEADING_THE.match(text)
    if lead and len(text) > lead.end():
        start += lead.end()
        text = body[start:end]
    tail = _TRAILING_POSSESSIVE.search(text)
    if tail and tail.start() > 0:
        end = start + tail.start()
    while end > start and not body[end - 1].isalnum() and body[end - 1] not in ".)":
        end -= 1
    while start < end and not body[start].isalnum():
        start += 1
    return start, end


def strip_title(body: str, start: int, end: int) -> tuple[int, str]:
    """The new start of a name span once leading titles are dropped, and the titles dropped.

    Titles are dropped only while a capitalized word remains. A title that begins before the
    span and ends inside it ("Secretary of | Defense Lloyd Austin") counts as well.
    Returns ``(start, "")`` when there is no title.
    """
    regex = title_regex()
    dropped: list[str] = []
    window_start = max(0, start - 40)
    while True:
        moved = False
        for match in regex.finditer(body, window_start, end):
            if match.start() > start:
                break
            if match.end() <= start:
                continue
            rest = body[match.end() : end]
            if not rest[:1].isupper():
                break
            dropped.append(match.group("t"))
            start = match.end()
            moved = True
            break
        if not moved:
            break
        window_start = start
    return start, " ".join(dropped)


def name_words(name: str) -> list[str]:
    """Normalized words of a name ("Saleh al-Arouri" -> ["saleh", "aruri"])."""
    words = re.split(r"\s+", unify_apostrophes(name).strip())
    keys = [normalize_name(w) for w in words]
    return [k for k in keys if k]

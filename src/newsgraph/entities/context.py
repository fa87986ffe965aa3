"""Context word lists of the entity stage: place contexts, demonyms on people, weapon names.

Three small questions about the words around a name, each answered from a data file so that the
lists can grow without code changes:

``place_context``         is the name written where a place stands ("in X", "the outskirts of
                          X", "X's mayor")? (``data/place_context.tsv``) -- lets a gazetteer
                          place win over the statistical model's PERSON/ORG/NORP label
``demonym_names_state``   does a demonym on this noun name the state? "Iranian officials" yes,
                          "Palestinian militants", "Lebanese civilians" no
                          (``data/demonym_people.txt``)
``is_weapon_name``        is the name a weapon ("Katyusha", "Grad")? The weapon rows of
                          ``data/plover_lexicon.tsv`` (read, not owned, here): a weapon is no
                          entity

Why here and not in the linker: the event coder asks the same demonym question of words the
entity stage leaves unlinked, so the answer lives in one public place.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.errors import ConfigError
from newsgraph.model import ParsedDocument

__all__ = [
    "PlaceContext",
    "demonym_names_state",
    "demonym_people",
    "is_weapon_name",
    "place_context",
    "place_context_words",
    "weapon_names",
]


def _lines(name: str) -> list[str]:
    text = resources.files("newsgraph.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """Words of ``data/place_context.tsv`` by kind."""

    before: frozenset[str]
    of: frozenset[str]
    after: frozenset[str]


@lru_cache(maxsize=1)
def place_context_words() -> PlaceContext:
    """The place-context lists (cached)."""
    kinds: dict[str, set[str]] = {"before": set(), "of": set(), "after": set()}
    for n, line in enumerate(_lines("place_context.tsv"), 1):
        parts = line.split("\t")
        if len(parts) != 2 or parts[0] not in kinds or not parts[1].strip():
            raise ConfigError(
                f"place_context.tsv data row {n}: {line!r} must be kind<TAB>word with kind "
                "before, of or after"
            )
        kinds[parts[0]].add(parts[1].strip().lower())
    return PlaceContext(*(frozenset(kinds[k]) for k in ("before", "of", "after")))


@lru_cache(maxsize=1)
def demonym_people() -> frozenset[str]:
    """Nouns on which a demonym names where people come from, not the state."""
    return frozenset(" ".join(line.lower().split()) for line in _lines("demonym_people.txt"))


def demonym_names_state(noun: str) -> bool:
    """Whether "<demonym> <noun>" stands for the state: False for people and non-state groups
    ("militants", "fighters", "factions", "civilians"), True otherwise ("officials", "troops").
    """
    return " ".join(noun.lower().split()) not in demonym_people()


@lru_cache(maxsize=1)
def weapon_names() -> frozenset[str]:
    """Lemmas of the ``weapon`` rows of ``data/plover_lexicon.tsv`` ("katyusha", "rocket")."""
    out: set[str] = set()
    for line in _lines("plover_lexicon.tsv"):
        parts = line.split("\t")
        if len(parts) > 1 and parts[0] == "weapon" and parts[1].strip():
            out.add(parts[1].strip().lower())
    return frozenset(out)


def is_weapon_name(text: str) -> bool:
    """Whether ``text`` is a weapon name of the lexicon, singular or plural ("Katyushas")."""
    low = " ".join(text.lower().split())
    names = weapon_names()
    return low in names or (low.endswith("s") and low[:-1] in names)


def _word(body: str, parsed: ParsedDocument, index: int) -> str:
    tok = parsed.tokens[index]
    return body[tok.start : tok.end].lower()


def place_context(body: str, parsed: ParsedDocument, first: int, last: int) -> str | None:
    """How the name of tokens ``[first, last)`` is written as a place, or None.

    "in X" / "near X" (a preposition of ``before`` right before it), "the village of X" (an
    ``of`` noun before "of"), "X's mayor" / "X residents" (an ``after`` noun right after the
    name or its possessive).
    """
    words = place_context_words()
    tokens = parsed.tokens
    if not 0 <= first < last <= len(tokens):
        return None
    if first >= 1:
        prev = _word(body, parsed, first - 1)
        if prev in words.before:
            return f"it follows {prev!r}"
        if prev == "of" and first >= 2:
            noun = _word(body, parsed, first - 2)
            if noun in words.of:
                return f"it follows '{noun} of'"
    j = last
    if j < len(tokens) and _word(body, parsed, j) in ("'s", "’s", "'", "’"):
        j += 1
    if j < len(tokens):
        nxt = _word(body, parsed, j)
        if nxt in words.after:
            return f"it comes before {nxt!r}"
    return None

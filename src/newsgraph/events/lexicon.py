"""The PLOVER lexicon: which predicates code which events, read from ``data/plover_lexicon.tsv``.

The file holds every word the event rules know, by kind (format in ``data/README.md``):

``verb``    a verbal predicate that codes an event ("met" -> CONSULT, "fired" rockets -> ASSAULT)
``noun``    a nominal event ("the meeting", "an Israeli drone strike")
``light``   a support verb whose object noun is the event ("launched an assault", "held talks")
``weapon``  an instrument noun that sets the ASSAULT mode ("rockets" -> missile, "drone")
``agent``   a role noun whose modifier or "of" phrase names the actor ("Hamas officials")
``speech``  a reporting verb: events in its complement are attributed to the speaker
``hypo``    words whose complement has not happened (modals, "plans to", "anticipated")
``negate``  words whose complement did not happen ("denied attacking")
``block``   verbs whose complement is not coded at all ("refused to X" is REJECT, not X)
``joint``   modifiers that make an act of several actors a cooperation too ("joint operation");
            a ``joint`` row with a type is a preposition of joint action that codes it
            ("fought alongside Hezbollah": COOPERATE, subject -> its object)

Rows of the same kind and lemma are tried in file order and the first whose condition holds
wins. Conditions (space-separated, all must hold):

``obj=a|b|@weapon|@entity|@place|@event``  the object (dobj, passive subject, or the light
                                           verb's noun) has one of these lemmas, or is a weapon
                                           noun / an actor / a place / an event noun
``prep=with|to``   the predicate has a preposition child with one of these lemmas
``pobj=a|@place``  the object of such a preposition (of any preposition without ``prep=``) has
                   one of these lemmas, or is a weapon / an actor / a place / an event noun
``noprep=at|into`` the predicate has no preposition child with one of these lemmas
``prt=out``        the predicate has this particle (or the parser's adverb in its place:
                   "pulled back", "brushed aside"); ``noprt``: it has no particle
``noobj``          the predicate has no direct object
``nooprd``         no predicative complement ("called Biden" is a call, "called Hamas a
                   terrorist group" is not)
``notxcomp=a|b``   no clausal complement with one of these lemmas ("declined to comment")
``oprd=a|b``       a predicative complement with one of these lemmas ("held X responsible")
``xcomp``          the predicate has a clausal complement; ``xcomp=@TYPE|avenge``: one that
                   is a lexicon verb of that PLOVER type or has one of these lemmas
``ccomp``          the predicate has a finite complement clause ("charged that X was ...")
``subj=a|@person`` the subject (or its "of" phrase or compound) has one of these lemmas, is a
                   weapon / actor / place / event noun, or (``@person``) is a named person
``undergo``        (light verbs) the subject undergoes the event ("came under fire"): the
                   source is whose the event noun is, the target the subject
``mod=air|@any``   (nouns) a compound/adjective modifier with one of these lemmas (``@any``:
                   any actor modifier, possessor or "by" phrase)
``of=a|@entity``   (nouns) the "of" phrase has one of these lemmas / is an actor
``light``          (nouns) only an event as the object of a light verb
``via=under|on``   (light verbs) the event noun is the object of one of these prepositions
                   ("placed the town under curfew", "put its forces on alert")
``plural``         (nouns) only in the plural ("talks")
``under=sign|ink`` (nouns) only as the object of one of these light verbs ("signed a truce" is
                   an agreement, "declared a truce" a pause in fighting)
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Final

from newsgraph.errors import ConfigError

__all__ = [
    "KINDS",
    "PLOVER_TYPES",
    "Entry",
    "Lexicon",
    "load_lexicon",
]

PLOVER_TYPES: Final = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
KINDS: Final = frozenset(
    {
        "verb",
        "noun",
        "light",
        "weapon",
        "agent",
        "speech",
        "hypo",
        "negate",
        "block",
        "joint",
        "boundary",
    }
)
# Kinds whose rows code an event and therefore need a PLOVER type.
_CODING_KINDS: Final = frozenset({"verb", "noun", "weapon"})
_CONDITION_KEYS: Final = frozenset(
    {
        "obj",
        "prep",
        "pobj",
        "noprep",
        "nooprd",
        "via",
        "under",
        "ccomp",
        "subj",
        "undergo",
        "prt",
        "noprt",
        "noobj",
        "xcomp",
        "notxcomp",
        "oprd",
        "mod",
        "of",
        "light",
        "plural",
    }
)
_COLUMNS: Final = ("kind", "lemma", "type", "mode", "subtype", "cameo", "condition", "note")


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: a word of one kind, the event it codes and when."""

    kind: str
    lemma: str
    type: str | None = None
    mode: str | None = None
    subtype: str | None = None
    cameo: str | None = None
    condition: Mapping[str, frozenset[str]] = field(default_factory=dict)
    note: str | None = None

    def needs(self, key: str) -> frozenset[str] | None:
        """The values of condition ``key`` (empty set for a bare flag), or None if absent."""
        return self.condition.get(key)


class Lexicon:
    """Lexicon rows indexed by (kind, lemma), in file order."""

    def __init__(self, entries: Iterable[Entry]):
        self._rows: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        words: dict[str, set[str]] = defaultdict(set)
        for entry in entries:
            self._rows[(entry.kind, entry.lemma)].append(entry)
            words[entry.kind].add(entry.lemma)
        self._words = {kind: frozenset(lemmas) for kind, lemmas in words.items()}

    def rows(self, kind: str, lemma: str) -> Sequence[Entry]:
        """Every row of this kind and lemma (lower-cased), in file order."""
        return self._rows.get((kind, lemma.lower()), ())

    def has(self, kind: str, lemma: str) -> bool:
        return (kind, lemma.lower()) in self._rows

    def words(self, kind: str) -> frozenset[str]:
        """All lemmas of one kind."""
        return self._words.get(kind, frozenset())

    def __len__(self) -> int:
        return sum(len(rows) for rows in self._rows.values())

    @classmethod
    def from_file(cls, path: Path | str) -> Lexicon:
        """A lexicon from a TSV file in the ``plover_lexicon.tsv`` format.

        Raises ``ConfigError`` naming the file and line for a malformed row.
        """
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read the event lexicon {path}: {exc}") from exc
        return cls(_parse(text, str(path)))


def _parse(text: str, where: str) -> list[Entry]:
    entries: list[Entry] = []
    lines = [line for line in text.splitlines()]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, row in enumerate(reader, start=1):
        if not row or not "".join(row).strip() or row[0].startswith("#"):
            continue
        if len(row) < 2 or len(row) > len(_COLUMNS):
            raise ConfigError(
                f"{where}:{number}: expected {len(_COLUMNS)} tab-separated columns "
                f"({', '.join(_COLUMNS)}), got {len(row)}"
            )
        cells = [c.strip() for c in row] + [""] * (len(_COLUMNS) - len(row))
        kind, lemma, type_, mode, subtype, cameo, condition, note = cells
        if kind not in KINDS:
            raise ConfigError(
                f"{where}:{number}: unknown kind {kind!r}; use one of {sorted(KINDS)}"
            )
        if kind in _CODING_KINDS and type_ not in PLOVER_TYPES:
            raise ConfigError(
                f"{where}:{number}: {kind} {lemma!r} needs a PLOVER type, got {type_!r}"
            )
        if type_ and type_ not in PLOVER_TYPES:
            raise ConfigError(f"{where}:{number}: unknown PLOVER type {type_!r}")
        entries.append(
            Entry(
                kind=kind,
                lemma=lemma.lower(),
                type=type_ or None,
                mode=mode or None,
                subtype=subtype or None,
                cameo=cameo or None,
                condition=_condition(condition, f"{where}:{number}"),
                note=note or None,
            )
        )
    return entries


def _condition(cell: str, where: str) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for part in cell.split():
        key, _, values = part.partition("=")
        if key not in _CONDITION_KEYS:
            raise ConfigError(
                f"{where}: unknown condition {key!r}; use one of {sorted(_CONDITION_KEYS)}"
            )
        out[key] = frozenset(
            v.lower() if not v.startswith("@") else v for v in values.split("|") if v
        )
    return out


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The built-in lexicon (``newsgraph/data/plover_lexicon.tsv``), loaded once per process."""
    path = resources.files("newsgraph") / "data" / "plover_lexicon.tsv"
    return Lexicon(_parse(path.read_text(encoding="utf-8"), "plover_lexicon.tsv"))

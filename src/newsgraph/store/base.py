"""The Store protocol: what every storage backend (SQLite now, PostgreSQL later) provides.

The protocol speaks only in ``newsgraph.model`` records and plain Python values, never in SQL,
rows or cursors, so the pipeline, the CLI, the export and (later) the API and Ray workers run
unchanged on any backend.

Semantics every backend must keep (see ``newsgraph.store.sqlite`` for the reference):

- ``add_document`` is one transaction: a killed ingest never leaves half a document.
- Raw bytes already seen (by ``raw_hash``) are a ``DUPLICATE`` of the document they produced.
- The same clean body from the same page (``source_key``) is a ``DUPLICATE``; a changed body at
  the same page is a ``NEW_VERSION`` (version n+1, ``supersedes`` the latest id); the same body at
  another page is its own document (syndicated copies are linked later, not merged).
- A stored body is never changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from typing import Any, Protocol, Self, runtime_checkable

from newsgraph.model import (
    AddOutcome,
    Analysis,
    CleanArticle,
    Document,
    Entity,
    Event,
    MergeDecision,
    ParsedDocument,
    RawDocument,
    Rejection,
    Relation,
)

#: Kinds of later-stage records a store keeps, in export order; each is a list in the export.
RECORD_KINDS: tuple[str, ...] = (
    "entities",
    "relations",
    "events",
    "claims",
    "conflicts",
    "stories",
    "duplicates",
)


@dataclass(frozen=True)
class SearchHit:
    """One full-text search result.

    ``snippet`` is a short excerpt of the best-matching column with the matched terms wrapped in
    ``**``; ``score`` is a relevance score where higher is better (negated BM25 for SQLite).
    """

    doc: str
    title: str | None
    snippet: str
    score: float


@runtime_checkable
class Store(Protocol):
    """A repository of documents, raw inputs, rejections and (later) analysis records."""

    def find_raw(self, raw_hash: str) -> str | None:
        """Id of the document these raw bytes produced, or None if they were never stored."""
        ...

    def add_document(self, raw: RawDocument, article: CleanArticle) -> tuple[AddOutcome, Document]:
        """Store one cleaned article in one transaction; returns what happened and the document.

        Raises ``InputError(stage="store")`` for a document that cannot be stored as given
        (e.g. text that is not valid Unicode); nothing of it is written then.
        """
        ...

    def add_rejection(self, rejection: Rejection) -> None:
        """Record a rejection; idempotent per (source, stage, reason_code, detail)."""
        ...

    def get_document(self, ref: str) -> Document | None:
        """A document by full id, unique id prefix (>= 4 chars), URL/location, or source name.

        Raises ``StoreError`` when ``ref`` matches several documents, listing the candidates.
        """
        ...

    def iter_documents(self, *, all_versions: bool = False) -> Iterator[Document]:
        """Documents in ingest order; only the latest version of each page unless asked."""
        ...

    def count_documents(self, *, all_versions: bool = False) -> int:
        """How many documents ``iter_documents`` would yield."""
        ...

    def versions(self, source_key: str) -> list[Document]:
        """Every stored version of one page (URL or location), oldest first."""
        ...

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and bodies of the latest versions, best first."""
        ...

    def rejections(self) -> list[Rejection]:
        """Every stored rejection, oldest first."""
        ...

    def iter_records(self, kind: str) -> Iterator[dict[str, Any]]:
        """Later-stage records of one kind (see ``RECORD_KINDS``) as export dicts, stored order."""
        ...

    def add_parse(self, parsed: ParsedDocument) -> None:
        """Store one document's NLP parse, keyed by (doc, producer); replaces an older one.

        Raises ``StoreError`` when the document is not stored.
        """
        ...

    def get_parse(self, doc_id: str, producer: str) -> ParsedDocument | None:
        """The stored parse of a document by one producer, or None."""
        ...

    def docs_without_parse(self, producer: str) -> list[str]:
        """Ids of latest-version documents, in ingest order, with no parse by ``producer``."""
        ...

    def replace_analysis(self, analysis: Analysis, *, producers: Sequence[str] = ()) -> None:
        """Replace all entities, mentions, relations, merge decisions and events, atomically."""
        ...

    def last_analysis(self) -> dict[str, Any] | None:
        """The latest analysis run: producers, documents, finished_at, counts; None if none."""
        ...

    def find_entities(
        self, *, type: str | None = None, doc: str | None = None, limit: int | None = None
    ) -> list[Entity]:
        """Entities, most mentioned first, optionally of one type or mentioned in one doc."""
        ...

    def entity_names(self) -> dict[str, str]:
        """Every entity id with its canonical name."""
        ...

    def match_entities(self, ref: str) -> list[Entity]:
        """Entities named by ``ref``: id, else name, else alias (case ignored)."""
        ...

    def merge_decisions(self, entity_id: str) -> list[MergeDecision]:
        """Why each mention was linked to ``entity_id``."""
        ...

    def relations_of(self, entity_id: str) -> list[Relation]:
        """Relations with the entity as subject or object."""
        ...

    def find_events(
        self,
        *,
        actor: str | None = None,
        type: str | None = None,
        since: date | None = None,
        doc: str | None = None,
    ) -> list[Event]:
        """Events by actor entity id, PLOVER type, earliest date or document; oldest first."""
        ...

    def close(self) -> None:
        """Release the connection; safe to call twice."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

"""Runs the analysis stages over a store: nlp -> entities -> events.

The library entry point behind ``newsgraph analyse`` (and the second half of ``newsgraph
demo``). Parsing is the expensive part and is done once per document and model: parses are
stored, and a later run parses only documents it has not seen. Entity resolution and event
coding then run over every parsed document, because entities are resolved *across* documents
(a new article can merge two spellings or split a name) and events cite entity ids; the result
replaces the previous analysis in one transaction, so a run killed midway leaves the last
complete analysis in place and a re-run never duplicates anything.

Only the latest version of each page is analysed (an older version was replaced by its
publisher), and only documents in a language the NLP model reads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from newsgraph.config import Config
from newsgraph.entities import PRODUCER as ENTITIES_PRODUCER
from newsgraph.entities import KnowledgeBase, resolve_entities
from newsgraph.errors import NewsgraphError
from newsgraph.events import PRODUCER as EVENTS_PRODUCER
from newsgraph.events import code_events
from newsgraph.model import Analysis, Document, Entity, Event, ParsedDocument, Rejection
from newsgraph.nlp import NlpBackend, load_backend
from newsgraph.store.base import Store

#: Languages the default English pipeline is run on; a document whose detected language is
#: something else is skipped with a reason (None = undetected: analysed).
ANALYSED_LANGUAGES: frozenset[str] = frozenset({"en"})

#: Called while parsing: (documents parsed so far, documents to parse).
ProgressCallback = Callable[[int, int], None]


@dataclass(slots=True)
class AnalyseReport:
    """What one analysis run did."""

    documents: int = 0  # documents analysed (parsed now or earlier)
    parsed: int = 0  # parsed in this run
    counts: dict[str, int] = field(default_factory=dict)
    skipped: list[Rejection] = field(default_factory=list)
    producers: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "parsed": self.parsed,
            **self.counts,
            "skipped": [r.to_dict() for r in self.skipped],
            "producers": self.producers,
        }


def _analysable(doc: Document) -> Rejection | None:
    language = doc.meta.language
    if language and language not in ANALYSED_LANGUAGES:
        return Rejection(
            doc.source,
            "analyse",
            "unsupported_language",
            f"{doc.id} is in language {language!r}; the NLP model reads "
            f"{', '.join(sorted(ANALYSED_LANGUAGES))} only, so it was not analysed",
        )
    return None


def _parse_failed(doc: Document, exc: Exception) -> Rejection:
    return Rejection(
        doc.source,
        "analyse",
        "nlp_failed",
        f"the NLP model failed on {doc.id} ({type(exc).__name__}: {str(exc)[:200]}); the "
        "document is stored but not analysed; report it with the document attached",
    )


def _cited_kb_entities(
    entities: list[Entity], events: list[Event], kb: KnowledgeBase
) -> list[Entity]:
    """Knowledge-base entities that events cite but the text never names as such.

    The event stage maps actors up to the level they act at ("Syria" hosting talks is the
    Syrian government, Nasrallah acts for Hezbollah), so an event can cite an entity with no
    mention of its own; it is added, without mentions, so every id in the export resolves.
    """
    known = {e.id for e in entities}
    added: dict[str, Entity] = {}
    for event in events:
        refs = (
            *event.source, *event.target, *event.source_people, *event.target_people,
            event.location, event.attributed_to,
        )  # fmt: skip
        for ref in refs:
            if not ref or ref in known or ref in added:
                continue
            entry = kb.get(ref)
            if entry is not None:
                added[ref] = Entity(
                    id=entry.id,
                    name=entry.name,
                    type=entry.type,
                    kb_id=entry.id,
                    wikidata=entry.wikidata,
                    producer=ENTITIES_PRODUCER,
                )
    return sorted(added.values(), key=lambda e: e.id)


def analyse_store(
    store: Store,
    config: Config | None = None,
    *,
    kb: KnowledgeBase | None = None,
    backend: NlpBackend | None = None,
    on_progress: ProgressCallback | None = None,
) -> AnalyseReport:
    """Parse what is unparsed, then resolve entities and code events over all documents.

    ``backend`` defaults to the one ``config`` names. A document the model fails on is
    skipped with reason ``nlp_failed``; the others are analysed.
    """
    config = config or Config()
    kb = kb or KnowledgeBase.load()
    backend = backend or load_backend(config, kb=kb)
    report = AnalyseReport(producers=[backend.producer, ENTITIES_PRODUCER, EVENTS_PRODUCER])
    docs: dict[str, Document] = {}
    for doc in store.iter_documents():
        problem = _analysable(doc)
        if problem is None:
            docs[doc.id] = doc
        else:
            report.skipped.append(problem)
    todo = [doc_id for doc_id in store.docs_without_parse(backend.producer) if doc_id in docs]
    if on_progress:
        on_progress(0, len(todo))
    fresh: dict[str, ParsedDocument] = {}

    def keep(parse: ParsedDocument) -> None:
        store.add_parse(parse)  # one transaction each: a killed run keeps what it parsed
        fresh[parse.doc] = parse
        report.parsed = len(fresh)
        if on_progress:
            on_progress(len(fresh), len(todo))

    try:
        for parse in backend.parse(
            ((doc_id, docs[doc_id].body) for doc_id in todo),
            batch_size=config.nlp_batch_size,
            n_process=config.nlp_n_process,
        ):
            keep(parse)
    except NewsgraphError:
        raise
    except Exception:  # noqa: BLE001 - one bad document must not stop the batch
        # A model failure inside a batch loses the batch: parse the rest one by one, so that
        # only the document that fails is skipped, with its reason.
        for doc_id in todo:
            if doc_id in fresh:
                continue
            try:
                for parse in backend.parse([(doc_id, docs[doc_id].body)]):
                    keep(parse)
            except NewsgraphError:
                raise
            except Exception as exc:  # noqa: BLE001 - reported as a skip, never silent
                report.skipped.append(_parse_failed(docs[doc_id], exc))
                docs.pop(doc_id)
    items: list[tuple[Document, ParsedDocument]] = []
    for doc in docs.values():
        parse = fresh.get(doc.id) or store.get_parse(doc.id, backend.producer)
        if parse is not None:
            items.append((doc, parse))
    entities = resolve_entities(items, kb)
    events = code_events(items, entities, kb)
    analysis = Analysis(
        entities=entities.entities + _cited_kb_entities(entities.entities, events, kb),
        mentions=entities.mentions,
        relations=entities.relations,
        decisions=entities.decisions,
        events=events,
    )
    store.replace_analysis(analysis, producers=report.producers)
    for rejection in report.skipped:  # listed by `newsgraph rejections`; stored once each
        store.add_rejection(rejection)
    report.documents = len(items)
    report.counts = analysis.counts()
    return report

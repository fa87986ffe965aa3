"""Fixtures of the event-stage tests: each text is parsed once per session, then coded.

``code_texts(*texts, published=None)`` parses (cached), runs the entity stage and
``code_events`` over the texts as documents "t0", "t1", ... and returns the events.
``seed_events`` codes the five cleaned seed articles (skipped when the seeds are absent).

The seed-document builder duplicates the few lines of ``tests/entities/conftest.py`` rather
than moving that fixture, so the entity tests stay untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newsgraph.clean import clean_document
from newsgraph.config import Config
from newsgraph.entities import EntityResult, KnowledgeBase, resolve_entities
from newsgraph.events import code_events
from newsgraph.model import (
    ArticleMeta,
    Document,
    Event,
    ParsedDocument,
    RawDocument,
    sha256_hex,
)
from newsgraph.nlp import parse_texts

Coder = Callable[..., list[Event]]


def make_document(
    doc_id: str, body: str, source: str = "test.txt", published: date | None = None
) -> Document:
    """A stored-document record around a body (tests of later stages need no store)."""
    return Document(
        doc_id,
        source,
        f"/{source}",
        None,
        body,
        ArticleMeta(published=published),
        sha256_hex(body),
        sha256_hex(body),
    )


def _with_id(parsed: ParsedDocument, doc_id: str) -> ParsedDocument:
    return ParsedDocument(
        doc_id,
        parsed.producer,
        parsed.tokens,
        parsed.sentences,
        parsed.entities,
        parsed.noun_chunks,
    )


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def code_texts(kb: KnowledgeBase) -> Coder:
    """code(*texts, published=None) -> events of the texts, each its own document."""
    cache: dict[str, ParsedDocument] = {}
    config = Config()  # the pipeline's default: KB entity ruler on

    def code(*texts: str, published: date | None = None) -> list[Event]:
        missing = [t for t in dict.fromkeys(texts) if t not in cache]
        if missing:
            for text, parsed in zip(missing, parse_texts(missing, config), strict=True):
                cache[text] = parsed
        items = []
        for n, text in enumerate(texts):
            doc = make_document(f"t{n}", text, f"t{n}.txt", published)
            items.append((doc, _with_id(cache[text], doc.id)))
        return code_events(items, resolve_entities(items, kb), kb)

    return code


@pytest.fixture(scope="session")
def seed_docs(seed_texts: dict[str, str]) -> list[Document]:
    """The seed articles cleaned as the pipeline cleans them, ids "s0".."s4"."""
    config = Config()
    docs = []
    for n, (name, text) in enumerate(sorted(seed_texts.items())):
        raw = RawDocument(name, f"/{name}", "text", text, sha256_hex(text), "test")
        clean = clean_document(raw, config)
        docs.append(
            Document(
                f"s{n}",
                name,
                f"/{name}",
                None,
                clean.body,
                clean.meta,
                sha256_hex(text),
                sha256_hex(clean.body),
            )
        )
    return docs


@pytest.fixture(scope="session")
def seed_run(
    seed_docs: list[Document], kb: KnowledgeBase
) -> tuple[list[Document], EntityResult, list[Event]]:
    """Entity stage and event stage over the five seeds (default config)."""
    parsed = parse_texts([d.body for d in seed_docs], Config())
    items = [(doc, _with_id(p, doc.id)) for doc, p in zip(seed_docs, parsed, strict=True)]
    entities = resolve_entities(items, kb)
    return seed_docs, entities, code_events(items, entities, kb)

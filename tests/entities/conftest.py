"""Fixtures of the entity-stage tests: parse each text once per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.clean import clean_document
from newsgraph.config import Config
from newsgraph.entities import EntityResult, KnowledgeBase, resolve_entities
from newsgraph.model import ArticleMeta, Document, ParsedDocument, RawDocument, sha256_hex
from newsgraph.nlp import parse_texts

Resolver = Callable[..., tuple[list[Document], EntityResult]]


def make_document(doc_id: str, body: str, source: str = "test.txt") -> Document:
    """A stored-document record around a body (tests of later stages need no store)."""
    return Document(
        doc_id, source, f"/{source}", None, body, ArticleMeta(), sha256_hex(body), sha256_hex(body)
    )


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def resolve_texts(kb: KnowledgeBase) -> Resolver:
    """resolve(*texts, ruler=False) -> (documents, EntityResult); parses are cached per text."""
    cache: dict[tuple[str, bool], ParsedDocument] = {}

    def resolve(*texts: str, ruler: bool = False) -> tuple[list[Document], EntityResult]:
        missing = [t for t in dict.fromkeys(texts) if (t, ruler) not in cache]
        if missing:
            for text, parsed in zip(
                missing, parse_texts(missing, Config(entity_ruler=ruler)), strict=True
            ):
                cache[(text, ruler)] = parsed
        docs: list[Document] = []
        parses: list[ParsedDocument] = []
        for n, text in enumerate(texts):
            parsed = cache[(text, ruler)]
            doc_id = f"t{n}"
            docs.append(make_document(doc_id, text, f"{doc_id}.txt"))
            parses.append(ParsedDocument(doc_id, parsed.producer, *_fields(parsed)))
        return docs, resolve_entities(list(zip(docs, parses, strict=True)), kb)

    return resolve


def _fields(parsed: ParsedDocument) -> tuple:
    return parsed.tokens, parsed.sentences, parsed.entities, parsed.noun_chunks


@pytest.fixture(scope="session")
def seed_docs(seed_texts: dict[str, str]) -> list[Document]:
    """The seed articles cleaned as the pipeline cleans them, ids "s0".."s4"."""
    config = Config()
    docs = []
    for n, (name, text) in enumerate(sorted(seed_texts.items())):
        raw = RawDocument(name, f"/{name}", "text", text, sha256_hex(text), "test")
        body = clean_document(raw, config).body
        docs.append(make_document(f"s{n}", body, name))
    return docs


@pytest.fixture(scope="session", params=[True, False], ids=["ruler", "plain-ner"])
def seed_result(
    request: pytest.FixtureRequest, seed_docs: list[Document], kb: KnowledgeBase
) -> EntityResult:
    """The entity stage over all five seeds, with and without the KB entity ruler."""
    parsed = parse_texts([d.body for d in seed_docs], Config(entity_ruler=request.param))
    items = [
        (doc, ParsedDocument(doc.id, p.producer, *_fields(p)))
        for doc, p in zip(seed_docs, parsed, strict=True)
    ]
    return resolve_entities(items, kb)

"""analyse_store over the shipped samples: parses kept, analysis replaced whole, ids resolve."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.analyse import analyse_store
from newsgraph.cli import samples_dir
from newsgraph.config import Config
from newsgraph.export import build_export
from newsgraph.model import ArticleMeta, CleanArticle, RawDocument, sha256_hex
from newsgraph.nlp import load_backend
from newsgraph.pipeline import ingest_paths
from newsgraph.store import SQLiteStore


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> SQLiteStore:
    store = SQLiteStore(tmp_path_factory.mktemp("analyse") / "a.db")
    targets = [str(p) for p in sorted(samples_dir().iterdir()) if p.name != "README.md"]
    ingest_paths(targets, store)
    return store


def test_analyse_parses_once_and_replaces_the_analysis(sample_store: SQLiteStore) -> None:
    first = analyse_store(sample_store)
    docs = sample_store.count_documents()
    assert first.documents == docs and first.parsed == docs
    assert first.counts["entities"] > 20 and first.counts["events"] > 10
    before = build_export(sample_store)
    second = analyse_store(sample_store)
    assert second.parsed == 0 and second.counts == first.counts
    after = build_export(sample_store)
    for key in ("entities", "relations", "events"):
        assert after[key] == before[key], key
    producer = load_backend(Config()).producer
    assert sample_store.docs_without_parse(producer) == []


def test_every_cited_entity_is_exported(sample_store: SQLiteStore) -> None:
    analyse_store(sample_store)
    export = build_export(sample_store)
    ids = {e["id"] for e in export["entities"]}
    bodies = {d["id"]: d["body"] for d in export["documents"]}
    for rel in export["relations"]:
        assert {rel["subject"], rel["object"]} <= ids
    for event in export["events"]:
        cited = {*event["source"], *event["target"], *event["source_people"]}
        cited |= {*event["target_people"], *([event["location"]] if event["location"] else [])}
        assert cited <= ids, event
        assert event["source"] or event["target"]
        for ev in event["evidence"]:
            assert bodies[ev["doc"]][ev["start"] : ev["end"]] == ev["text"]
    for entity in export["entities"]:
        for ev in entity["mentions"]:
            assert bodies[ev["doc"]][ev["start"] : ev["end"]] == ev["text"]


def test_a_new_document_is_parsed_alone_and_merged_into_the_analysis(
    sample_store: SQLiteStore,
) -> None:
    analyse_store(sample_store)
    body = (
        "Hizbullah said on Tuesday that its fighters fired a salvo of rockets at an Israeli "
        "army post, and the Israeli military said it struck back."
    )
    raw = RawDocument("new.txt", "/new.txt", "text", body, sha256_hex(body), "test")
    _, doc = sample_store.add_document(raw, CleanArticle(body=body, meta=ArticleMeta()))
    report = analyse_store(sample_store)
    assert report.parsed == 1
    hez = sample_store.match_entities("ng:hezbollah")[0]
    assert "Hizbullah" in hez.aliases and any(m.doc == doc.id for m in hez.mentions)
    assert any(e.type == "ASSAULT" for e in sample_store.find_events(doc=doc.id))


def test_documents_in_other_languages_are_skipped_with_a_reason(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "fr.db") as store:
        body = "Le Hezbollah a tiré des roquettes sur le nord d'Israël mercredi."
        raw = RawDocument("fr.txt", "/fr.txt", "text", body, sha256_hex(body), "test")
        store.add_document(raw, CleanArticle(body=body, meta=ArticleMeta(language="fr")))
        report = analyse_store(store)
        assert report.documents == 0
        assert [r.reason_code for r in report.skipped] == ["unsupported_language"]
        assert store.last_analysis() is not None


class _FailingOn:
    """The configured backend, except that it raises on bodies containing ``marker``."""

    def __init__(self, marker: str) -> None:
        self.inner = load_backend(Config())
        self.producer = self.inner.producer
        self.marker = marker

    def parse(self, items, *, batch_size: int = 32, n_process: int = 1):  # type: ignore[no-untyped-def]
        for doc_id, body in items:
            if self.marker in body:
                raise RuntimeError("model crashed")
            yield from self.inner.parse([(doc_id, body)])


def test_a_document_the_model_fails_on_is_skipped_with_its_reason(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "bad.db") as store:
        bodies = {
            "good.txt": "Hezbollah fired rockets at northern Israel on Tuesday, the army said.",
            "poison.txt": "POISON Hamas said its fighters attacked an Israeli post near Gaza.",
            "late.txt": "Israeli jets struck Hezbollah positions in southern Lebanon overnight.",
        }
        for name, body in bodies.items():
            raw = RawDocument(name, f"/{name}", "text", body, sha256_hex(body), "test")
            store.add_document(raw, CleanArticle(body=body, meta=ArticleMeta()))
        report = analyse_store(store, backend=_FailingOn("POISON"))
        assert report.parsed == 2 and report.documents == 2
        assert [(r.source, r.reason_code) for r in report.skipped] == [("poison.txt", "nlp_failed")]
        assert "RuntimeError" in report.skipped[0].detail
        assert report.skipped[0] in store.rejections()
        assert {e.evidence[0].doc for e in store.find_events()} == {
            d.id for d in store.iter_documents() if d.source != "poison.txt"
        }

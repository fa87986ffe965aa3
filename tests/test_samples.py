"""The shipped sample articles against their hand-written gold (fixtures/samples_gold.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph import Config, ingest_paths, open_store
from newsgraph.cli import samples_dir
from newsgraph.model import Document

GOLD = json.loads(
    (Path(__file__).parent / "fixtures" / "samples_gold.json").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory):
    store = open_store(tmp_path_factory.mktemp("samples") / "s.db")
    report = ingest_paths([str(samples_dir())], store, Config())
    docs = {_key(doc): doc for doc in store.iter_documents()}
    yield docs, report
    store.close()


def _key(doc: Document) -> str:
    """Gold key: path below samples/ plus the record fragment."""
    return doc.location.split("/samples/", 1)[1]


@pytest.mark.parametrize("key", sorted(GOLD["articles"]))
def test_sample_article_matches_gold(sample_run, key: str) -> None:
    docs, _ = sample_run
    gold = GOLD["articles"][key]
    doc = docs[key]
    meta = doc.meta
    assert meta.title == gold["title"]
    assert meta.outlet == gold["outlet"]
    assert (meta.byline or "").removeprefix("By ").strip() == (gold["byline"] or "")
    assert (meta.dateline or "").split(",")[0] == (gold["dateline"] or "")
    assert sorted(meta.wire_sources) == sorted(gold["wire_sources"])
    stated = meta.stated_date.isoformat()[:10] if meta.stated_date else None
    assert stated == gold["stated_date"]
    for snippet in gold["keep"]:
        assert snippet in doc.body, snippet
    for snippet in gold["junk"]:
        assert snippet not in doc.body, snippet
    assert gold["title"] not in doc.body


def test_sample_bad_inputs_are_skipped_with_reasons(sample_run) -> None:
    _, report = sample_run
    found = {}
    for rej in report.rejections:
        found[rej.source] = rej.reason_code
    for key, accepted in GOLD["rejections"].items():
        name = key.split("#")[0].rsplit("/", 1)[-1]
        assert found.get(name) in accepted or found.get(name) == "malformed_feed", key

"""Stored analysis (migration 0003): replace as a whole, query, explain, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.export import build_export
from newsgraph.model import (
    Analysis,
    ArticleMeta,
    CleanArticle,
    Document,
    Entity,
    Event,
    Evidence,
    Mention,
    MergeDecision,
    Quantity,
    RawDocument,
    Relation,
    sha256_hex,
)
from newsgraph.store import SQLiteStore

BODY = "Hezbollah leader Hassan Nasrallah met Hamas officials in Beirut on Wednesday."


def _store_doc(store: SQLiteStore, body: str = BODY, source: str = "a.txt") -> Document:
    raw = RawDocument(source, f"/c/{source}", "text", body, sha256_hex(body), "test")
    _, doc = store.add_document(raw, CleanArticle(body=body, meta=ArticleMeta()))
    return doc


def _analysis(doc: Document) -> Analysis:
    hez = doc.evidence(0, 9)
    nas = doc.evidence(17, 33)
    hamas = doc.evidence(38, 43)
    beirut = doc.evidence(57, 63)
    sentence = doc.evidence(0, len(doc.body))
    entities = [
        Entity("ng:hezbollah", "Hezbollah", "ARMED_GROUP", ("Hezbollah", "Hizbullah"),
               "ng:hezbollah", "Q41053", (), (hez,), "t"),
        Entity("ng:hassan-nasrallah", "Hassan Nasrallah", "PERSON", ("Hassan Nasrallah",),
               mentions=(nas,), roles=("leader_of:ng:hezbollah",), producer="t"),
        Entity("ng:hamas", "Hamas", "ARMED_GROUP", ("Hamas",), mentions=(hamas,), producer="t"),
        Entity("ng:beirut", "Beirut", "PLACE", ("Beirut",), mentions=(beirut,), producer="t"),
    ]  # fmt: skip
    mentions = [Mention(e.id, ev, "ORG") for e in entities for ev in e.mentions]
    relation = Relation(
        "ng:hassan-nasrallah", "leader_of", "ng:hezbollah", None, (doc.evidence(0, 33),), "t"
    )
    event = Event(
        "ev:1", "CONSULT", (sentence,), subtype="meeting", cameo="04",
        source=("ng:hezbollah",), target=("ng:hamas",), source_people=("ng:hassan-nasrallah",),
        location="ng:beirut", location_text="in Beirut", date=date(2023, 10, 25),
        date_precision="day", date_text="on Wednesday", trigger="met", producer="t",
        quantities=(Quantity(2.0, "official", "two officials"),),
    )  # fmt: skip
    decisions = [MergeDecision("ng:hezbollah", "Hezbollah", doc.id, "kb_alias", "KB alias")]
    return Analysis(entities, mentions, [relation], decisions, [event])


def test_analysis_round_trips_and_queries(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "n.db") as store:
        assert store.schema_version >= 3
        assert store.last_analysis() is None
        doc = _store_doc(store)
        analysis = _analysis(doc)
        store.replace_analysis(analysis, producers=["t"])
        assert store.last_analysis()["counts"] == analysis.counts()
        assert len(store.find_entities()) == 4
        assert [e.id for e in store.find_entities(type="person")] == ["ng:hassan-nasrallah"]
        assert len(store.find_entities(doc=doc.id)) == 4
        assert store.entity_names()["ng:hassan-nasrallah"] == "Hassan Nasrallah"
        assert store.find_entities(doc="d-unknown") == []
        assert store.match_entities("hizbullah") == [analysis.entities[0]]
        assert store.match_entities("HASSAN NASRALLAH") == [analysis.entities[1]]
        assert store.match_entities("ng:hamas") == [analysis.entities[2]]
        assert store.match_entities("Hamas leader") == []
        assert store.merge_decisions("ng:hezbollah") == analysis.decisions
        assert store.relations_of("ng:hezbollah") == analysis.relations
        assert store.find_events() == analysis.events
        assert store.find_events(actor="ng:hassan-nasrallah") == analysis.events
        assert store.find_events(actor="ng:beirut") == []
        assert store.find_events(type="consult", since=date(2023, 10, 25)) == analysis.events
        assert store.find_events(since=date(2023, 10, 26)) == []
        assert store.find_events(doc=doc.id) == analysis.events


def test_a_second_analysis_replaces_the_first(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "n.db") as store:
        doc = _store_doc(store)
        analysis = _analysis(doc)
        store.replace_analysis(analysis)
        store.replace_analysis(analysis)
        export = build_export(store)
        assert len(export["entities"]) == 4
        assert len(export["events"]) == 1 and len(export["relations"]) == 1
        event = export["events"][0]
        assert event["id"] == "ev:1" and event["producer"] == "t"
        assert event["date"] == "2023-10-25" and event["source_people"] == ["ng:hassan-nasrallah"]
        assert event["evidence"] == [{"doc": doc.id, "start": 0, "end": len(BODY), "text": BODY}]
        relation = export["relations"][0]
        assert relation["id"].startswith("rel:") and relation["predicate"] == "leader_of"
        hez = next(e for e in export["entities"] if e["id"] == "ng:hezbollah")
        assert hez["mentions"] == [{"doc": doc.id, "start": 0, "end": 9, "text": "Hezbollah"}]
        assert hez["aliases"] == ["Hezbollah", "Hizbullah"]


def test_a_failed_analysis_keeps_the_previous_one(tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "n.db") as store:
        doc = _store_doc(store)
        good = _analysis(doc)
        store.replace_analysis(good)
        bad = _analysis(doc)
        # A mention of a document that is not stored violates a foreign key: nothing changes.
        bad.mentions.append(Mention("ng:hamas", Evidence("d-missing", 0, 1, "x"), "ORG"))
        with pytest.raises(StoreError):
            store.replace_analysis(bad)
        assert store.find_events() == good.events
        assert len(store.find_entities()) == 4

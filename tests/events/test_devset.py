"""The event-coding dev set (tests/fixtures/events_dev.jsonl) is well formed and covers what it
claims: every PLOVER type, ASSAULT modes, negation, hypotheticals, reported speech, relative
dates and sentences without events (guidelines in tests/fixtures/README-events.md)."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from newsgraph.entities import KnowledgeBase

REPO = Path(__file__).resolve().parents[2]
DEVSET = REPO / "tests" / "fixtures" / "events_dev.jsonl"


@cache
def scorer() -> ModuleType:
    """bench/eventscore.py: the gold loader and scorer (one copy for bench and tests)."""
    path = REPO / "bench" / "eventscore.py"
    spec = importlib.util.spec_from_file_location("newsgraph_bench_eventscore", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def raw_rows() -> list[dict]:
    with open(DEVSET, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_ids_are_unique_and_the_set_is_large(raw_rows: list[dict]) -> None:
    ids = [r["id"] for r in raw_rows]
    assert len(ids) == len(set(ids))
    assert len(raw_rows) >= 250
    texts = [r["text"] for r in raw_rows]
    assert len(texts) == len(set(texts)), "a sentence appears twice"


def test_loader_reads_every_line(raw_rows: list[dict]) -> None:
    gold = scorer().load_devset(DEVSET)  # raises on malformed fields or dates
    assert len(gold) == len(raw_rows)
    assert all(isinstance(s.published, date) for s in gold)


def test_every_type_has_ten_sentences() -> None:
    sc = scorer()
    counts = sc.type_counts(sc.load_devset(DEVSET))
    low = {t: counts[t] for t in sc.PLOVER_TYPES if counts[t] < 10}
    assert not low, f"types with fewer than 10 sentences: {low}"


def test_fields_have_valid_values(raw_rows: list[dict]) -> None:
    sc = scorer()
    problems: list[str] = []
    for row in raw_rows:
        date.fromisoformat(row["published"])
        for ev in row["events"]:
            where = f"{row['id']} {ev.get('type')}"
            if ev["type"] not in sc.PLOVER_TYPES:
                problems.append(f"{where}: unknown type")
            for mode in (ev.get("mode") or "").split("|") if ev.get("mode") else ():
                if mode not in sc.MODES.get(ev["type"], ()):
                    problems.append(f"{where}: mode {mode!r} is not a mode of this type")
            if (ev.get("date") is None) != (ev.get("date_precision") is None):
                problems.append(f"{where}: date and date_precision must be set together")
            if ev.get("date") is not None:
                day = date.fromisoformat(ev["date"])
                if day > date.fromisoformat(row["published"]):
                    problems.append(f"{where}: event dated after publication")
                if ev["date_precision"] not in sc.PRECISIONS:
                    problems.append(f"{where}: bad precision {ev['date_precision']!r}")
            for flag in ("negated", "hypothetical"):
                if not isinstance(ev.get(flag), bool):
                    problems.append(f"{where}: {flag} is not a boolean")
            for role in ("source", "target", "source_people", "target_people"):
                names = ev.get(role, [])
                ids = ev.get(f"{role}_ids", [None] * len(names))
                if len(ids) != len(names):
                    problems.append(f"{where}: {role} and {role}_ids differ in length")
    assert not problems, "\n".join(problems)


def test_ids_exist_in_the_kb_and_names_are_canonical(
    raw_rows: list[dict], kb: KnowledgeBase
) -> None:
    problems: list[str] = []
    for row in raw_rows:
        for ev in row["events"]:
            for role in ("source", "target", "source_people", "target_people"):
                for name, kid in zip(ev.get(role, []), ev.get(f"{role}_ids", []), strict=True):
                    if kid is None:
                        continue
                    entry = kb.get(kid)
                    if entry is None:
                        problems.append(f"{row['id']}: {kid} is not in the KB")
                    elif entry.name != name:
                        problems.append(f"{row['id']}: {kid} is named {entry.name!r}, not {name!r}")
                    elif role.endswith("people") and entry.type != "PERSON":
                        problems.append(f"{row['id']}: {kid} in {role} is not a person")
    assert not problems, "\n".join(problems)


def test_people_come_with_their_organisation(raw_rows: list[dict]) -> None:
    for row in raw_rows:
        for ev in row["events"]:
            for role in ("source", "target"):
                if ev.get(f"{role}_people"):
                    assert ev[role], f"{row['id']}: {role}_people without an organisation"


def test_coverage_of_phenomena(raw_rows: list[dict]) -> None:
    events = [e for r in raw_rows for e in r["events"]]
    no_event = [r for r in raw_rows if not r["events"]]
    assert len(no_event) >= 40
    assert sum(e["negated"] for e in events) >= 10
    assert sum(e["hypothetical"] for e in events) >= 10
    assert sum(e["attributed_to"] is not None for e in events) >= 30
    assert sum(e["date"] is not None for e in events) >= 50
    precisions = Counter(e["date_precision"] for e in events if e["date"])
    assert {"day", "week", "month", "year"} <= set(precisions)
    modes = Counter(
        m for e in events if e["type"] == "ASSAULT" and e["mode"] for m in e["mode"].split("|")
    )
    for mode in ("aerial", "drone", "missile", "firearms", "explosives", "abduct"):
        assert modes[mode] >= 3, f"ASSAULT mode {mode} on fewer than 3 events"
    tags = Counter(t for r in raw_rows for t in r["tags"])
    for tag in ("passive", "nominal", "coord-source", "coord-target", "reported", "junk"):
        assert tags[tag] >= 3, f"tag {tag} on fewer than 3 sentences"
    assert any(len(e["source"]) > 1 for e in events)
    assert any(len(e["target"]) > 1 for e in events)
    assert any(e.get("source_people") for e in events)
    assert any(kid is None for e in events for kid in e["source_ids"])

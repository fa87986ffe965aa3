"""The event-coding gold sets are well formed and cover what they claim: every PLOVER type, ASSAULT
modes, negation, hypotheticals, reported speech, relative dates and sentences without events
(guidelines in tests/fixtures/README-events.md).

The same checks run over the dev set (tests/fixtures/events_dev.jsonl, tuned on) and the two
held-out sets (tests/fixtures/events_heldout.jsonl and events_heldout2.jsonl, never tuned on); the
held-out sets are smaller, so their size and coverage thresholds are lower (``Spec``)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from bench import eventscore

from newsgraph.entities import KnowledgeBase

REPO = Path(__file__).resolve().parents[2]
DEVSET = REPO / "tests" / "fixtures" / "events_dev.jsonl"
HELDOUT = REPO / "tests" / "fixtures" / "events_heldout.jsonl"
HELDOUT2 = REPO / "tests" / "fixtures" / "events_heldout2.jsonl"


@dataclass(frozen=True)
class Spec:
    """One gold file and the minimum size and coverage it promises (README-events.md)."""

    path: Path
    sentences: int
    per_type: int
    no_event: int
    flags: int  # negated events, and hypothetical events
    attributed: int
    dated: int
    modes: int  # events per ASSAULT mode
    tags: int  # sentences per structural tag


SPECS = {
    "dev": Spec(DEVSET, 250, 10, 40, 10, 30, 50, 3, 3),
    "heldout": Spec(HELDOUT, 150, 6, 25, 10, 30, 50, 3, 3),
    "heldout2": Spec(HELDOUT2, 120, 5, 20, 10, 30, 50, 3, 3),
}


@pytest.fixture(scope="module", params=sorted(SPECS))
def spec(request: pytest.FixtureRequest) -> Spec:
    return SPECS[request.param]


@pytest.fixture(scope="module")
def raw_rows(spec: Spec) -> list[dict]:
    with open(spec.path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def test_ids_are_unique_and_the_set_is_large(raw_rows: list[dict], spec: Spec) -> None:
    ids = [r["id"] for r in raw_rows]
    assert len(ids) == len(set(ids))
    assert len(raw_rows) >= spec.sentences
    texts = [r["text"] for r in raw_rows]
    assert len(texts) == len(set(texts)), "a sentence appears twice"


def test_loader_reads_every_line(raw_rows: list[dict], spec: Spec) -> None:
    gold = eventscore.load_devset(spec.path)  # raises on malformed fields or dates
    assert len(gold) == len(raw_rows)
    assert all(isinstance(s.published, date) for s in gold)


def test_every_type_has_enough_sentences(spec: Spec) -> None:
    sc = eventscore
    counts = sc.type_counts(sc.load_devset(spec.path))
    low = {t: counts[t] for t in sc.PLOVER_TYPES if counts[t] < spec.per_type}
    assert not low, f"types with fewer than {spec.per_type} sentences: {low}"


def test_heldout_sentences_are_not_dev_sentences() -> None:
    """The held-out sets are new text: no sentence of one appears in the dev set or in the other."""

    def texts(path: Path) -> set[str]:
        with open(path, encoding="utf-8") as fh:
            return {json.loads(line)["text"].strip().lower() for line in fh if line.strip()}

    dev, heldout, heldout2 = texts(DEVSET), texts(HELDOUT), texts(HELDOUT2)
    assert not dev & heldout
    assert not dev & heldout2
    assert not heldout & heldout2


def test_fields_have_valid_values(raw_rows: list[dict]) -> None:
    sc = eventscore
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


def test_coverage_of_phenomena(raw_rows: list[dict], spec: Spec) -> None:
    events = [e for r in raw_rows for e in r["events"]]
    no_event = [r for r in raw_rows if not r["events"]]
    assert len(no_event) >= spec.no_event
    assert sum(e["negated"] for e in events) >= spec.flags
    assert sum(e["hypothetical"] for e in events) >= spec.flags
    assert sum(e["attributed_to"] is not None for e in events) >= spec.attributed
    assert sum(e["date"] is not None for e in events) >= spec.dated
    precisions = Counter(e["date_precision"] for e in events if e["date"])
    assert {"day", "week", "month", "year"} <= set(precisions)
    modes = Counter(
        m for e in events if e["type"] == "ASSAULT" and e["mode"] for m in e["mode"].split("|")
    )
    for mode in ("aerial", "drone", "missile", "firearms", "explosives", "abduct"):
        assert modes[mode] >= spec.modes, f"ASSAULT mode {mode} on fewer than {spec.modes} events"
    tags = Counter(t for r in raw_rows for t in r["tags"])
    for tag in ("passive", "nominal", "coord-source", "coord-target", "reported", "junk"):
        assert tags[tag] >= spec.tags, f"tag {tag} on fewer than {spec.tags} sentences"
    assert any(len(e["source"]) > 1 for e in events)
    assert any(len(e["target"]) > 1 for e in events)
    assert any(e.get("source_people") for e in events)
    assert any(kid is None for e in events for kid in e["source_ids"])

"""Event-coding quality on the dev set, and the scorer behind it (bench/eventscore.py).

The scorer's matching rules are tested on hand-built ``Event`` records; the quality gate runs
the NLP pass, ``resolve_entities`` and ``code_events`` over every dev sentence once per session
and holds the issue's aims: triple precision >= 0.80 and recall >= 0.60.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bench import events as events_bench
from bench import eventscore

from newsgraph.entities import KnowledgeBase
from newsgraph.model import Entity, Event, Evidence

REPO = Path(__file__).resolve().parents[2]
DEVSET = REPO / "tests" / "fixtures" / "events_dev.jsonl"

# The aims for coded triples (type, source set, target set).
MIN_PRECISION = 0.80
MIN_RECALL = 0.60


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def index(kb: KnowledgeBase) -> Any:
    extra = Entity("ent:ARMED_GROUP:southern-shield", "Southern Shield Brigade", "ARMED_GROUP")
    return eventscore.ActorIndex([extra], kb)


def ev(type_: str, source: tuple[str, ...] = (), target: tuple[str, ...] = (), **kw: Any) -> Event:
    evidence = (Evidence("d", 0, 1, "x"),)
    return Event(f"e-{type_}", type_, evidence, source=source, target=target, **kw)


def gold(
    type_: str,
    source: tuple[str, ...] = (),
    target: tuple[str, ...] = (),
    source_people: tuple[str, ...] = (),
    **extra: Any,
) -> Any:
    """A gold event from KB ids (names looked up) or "?Name" for actors the KB lacks."""
    kb = KnowledgeBase.load()

    def role(keys: tuple[str, ...], name: str) -> dict[str, list[Any]]:
        names = [k[1:] if k.startswith("?") else kb.get(k).name for k in keys]  # type: ignore[union-attr]
        ids = [None if k.startswith("?") else k for k in keys]
        return {name: names, f"{name}_ids": ids}

    raw = {"type": type_, **role(source, "source"), **role(target, "target")}
    raw |= role(source_people, "source_people") | extra
    return eventscore.parse_gold_event(raw)


HZ, IL, IDF = "ng:hezbollah", "ng:gov:il", "ng:idf"


def nasrallah_threat() -> Any:
    return gold("THREATEN", (HZ,), (IL,), ("ng:hassan-nasrallah",))


# ---------------------------------------------------------------------- scorer: matching


def test_ids_names_and_state_twins_match(index: Any) -> None:
    sc = eventscore
    g = nasrallah_threat()
    assert sc.event_matches(ev("THREATEN", (HZ,), (IL,)), g, index)
    # A country and its government are one actor.
    assert sc.event_matches(ev("THREATEN", (HZ,), ("ng:country:il",)), g, index)
    assert not sc.event_matches(ev("ACCUSE", (HZ,), (IL,)), g, index)
    assert not sc.event_matches(ev("THREATEN", ("ng:hamas",), (IL,)), g, index)


def test_person_or_organisation_is_accepted(index: Any) -> None:
    sc = eventscore
    g = nasrallah_threat()
    nasrallah = ("ng:hassan-nasrallah",)
    for pred in (
        ev("THREATEN", nasrallah, (IL,)),
        ev("THREATEN", (HZ,), (IL,), source_people=nasrallah),
        ev("THREATEN", (), (IL,), source_people=nasrallah),
    ):
        assert sc.event_matches(pred, g, index)


def test_extra_or_missing_actors_do_not_match(index: Any) -> None:
    sc = eventscore
    g = nasrallah_threat()
    assert not sc.event_matches(ev("THREATEN", (HZ, "ng:hamas"), (IL,)), g, index)
    assert not sc.event_matches(ev("THREATEN", (HZ,), ()), g, index)
    two = gold("ACCUSE", ("ng:hamas", "ng:pij"), (IL,))
    assert not sc.event_matches(ev("ACCUSE", ("ng:hamas",), (IL,)), two, index)
    assert sc.event_matches(ev("ACCUSE", ("ng:pij", "ng:hamas"), (IL,)), two, index)


def test_empty_gold_target_needs_empty_prediction(index: Any) -> None:
    sc = eventscore
    g = gold("MOBILIZE", ("ng:houthis",))
    assert sc.event_matches(ev("MOBILIZE", ("ng:houthis",), ()), g, index)
    assert not sc.event_matches(ev("MOBILIZE", ("ng:houthis",), ("ng:gov:us",)), g, index)


def test_unknown_actors_match_by_normalised_name(index: Any) -> None:
    sc = eventscore
    g = gold("ASSAULT", ("?Southern Shield Brigade",), (IDF,))
    assert sc.event_matches(ev("ASSAULT", ("ent:ARMED_GROUP:southern-shield",), (IDF,)), g, index)
    # KB aliases count as names: "Israeli army" is an alias of ng:idf.
    g2 = gold("ASSAULT", ("?Hamas",), ("?Israeli army",))
    assert sc.event_matches(ev("ASSAULT", ("ng:hamas",), (IDF,)), g2, index)


def test_symmetric_types_accept_reversed_roles(index: Any) -> None:
    sc = eventscore
    meet = gold("CONSULT", ("ng:gov:us",), ("ng:gov:eg",))
    assert sc.event_matches(ev("CONSULT", ("ng:gov:eg",), ("ng:gov:us",)), meet, index)
    assert sc.event_matches(ev("CONSULT", ("ng:gov:us", "ng:gov:eg"), ()), meet, index)
    attack = gold("ASSAULT", (HZ,), (IL,))
    assert not sc.event_matches(ev("ASSAULT", (IL,), (HZ,)), attack, index)


def test_lenient_matching_accepts_the_same_side(index: Any) -> None:
    sc = eventscore
    g = gold("ASSAULT", (IL,), (HZ,))
    by_army = ev("ASSAULT", (IDF,), (HZ,))
    assert not sc.event_matches(by_army, g, index)
    assert sc.event_matches(by_army, g, index, lenient=True)
    on_place = ev("ASSAULT", (HZ,), ("ng:north-israel",))
    assert sc.event_matches(on_place, gold("ASSAULT", (HZ,), (IL,)), index, lenient=True)
    wrong = ev("ASSAULT", ("ng:hamas",), (HZ,))
    assert not sc.event_matches(wrong, g, index, lenient=True)


def test_modes_meet_under_other_names_and_alternatives() -> None:
    sc = eventscore
    assert sc.mode_matches("rockets", "missile")
    assert sc.mode_matches("heavy-weapons", "missile")
    assert sc.mode_matches("drone", "drone|missile")
    assert sc.mode_matches("missile", "drone|missile")
    assert not sc.mode_matches("aerial", "drone|missile")
    assert not sc.mode_matches(None, "firearms")


def test_score_counts_pairs_flags_dates_and_no_event_predictions(index: Any) -> None:
    sc = eventscore
    day = {"date": "2024-03-13", "date_precision": "day"}
    gold_events = (
        gold("ASSAULT", (HZ,), (IDF,), mode="missile", **day),
        gold("ASSAULT", (IL,), (HZ,), negated=True),
    )
    sentences = [
        sc.GoldSentence("s1", "t", date(2024, 3, 14), gold_events),
        sc.GoldSentence("s2", "Subscribe to our newsletter.", date(2024, 3, 14), ()),
    ]
    rockets = ev(
        "ASSAULT", (HZ,), (IDF,), mode="rockets", date=date(2024, 3, 13), date_precision="day"
    )
    predicted = {
        "s1": [rockets, ev("ASSAULT", (IL,), (HZ,)), ev("ACCUSE", (IL,), (HZ,))],
        "s2": [ev("CONSULT", ("ng:gov:us",), ())],
    }
    score = sc.score_devset(sentences, predicted, index)
    assert (score.triples.matched_pred, score.triples.pred) == (2, 4)
    assert (score.triples.matched_gold, score.triples.gold) == (2, 2)
    assert score.triples.precision == 0.5 and score.triples.recall == 1.0
    assert (score.date.right, score.date.total) == (1, 1)
    assert (score.negated.right, score.negated.total) == (1, 2)
    assert (score.mode.right, score.mode.total) == (1, 1)  # "rockets" is the missile mode
    assert score.predicted_on_no_event == 1
    # The asserted view drops the negated gold event; its prediction stays a false positive.
    assert (score.asserted.matched_gold, score.asserted.gold) == (1, 1)
    assert score.per_type["ASSAULT"].precision == 1.0
    assert score.per_type["ACCUSE"].pred == 1 and score.per_type["ACCUSE"].precision == 0.0
    assert {e.kind for e in score.errors} == {"FP"}


def test_gsr_records_load_with_plover_type_names() -> None:
    """bench/events.py reads the public PLOVER gold records (when present) into the 16 types."""
    bench = events_bench
    assert bench._overlaps(["Hungarian"], {"Hungary"})
    assert not bench._overlaps(["Romanian"], {"Government of Hungary"})
    if not bench.GSR.exists():
        pytest.skip(f"PLOVER GSR data not found at {bench.GSR}")
    records = bench.load_gsr()
    assert len(records) > 300
    assert {r.type for r in records} <= set(eventscore.PLOVER_TYPES)


# ---------------------------------------------------------------------- the quality gate


@pytest.fixture(scope="session")
def dev_run(kb: KnowledgeBase) -> tuple[Any, Any]:
    """The dev set parsed and coded once per session: (gold sentences, DevRun)."""
    sc = eventscore
    gold_set = sc.load_devset(DEVSET)
    return gold_set, sc.run_devset(gold_set, kb)


@pytest.fixture(scope="session")
def dev_score(dev_run: tuple[Any, Any], kb: KnowledgeBase) -> Any:
    sc = eventscore
    gold_set, run = dev_run
    return sc.score_devset(gold_set, run.events, sc.ActorIndex(run.entities.entities, kb))


def test_triple_precision_meets_the_aim(dev_score: Any) -> None:
    p = dev_score.triples
    assert p.precision >= MIN_PRECISION, (
        f"triple precision {p.precision:.3f} < {MIN_PRECISION} "
        f"({p.matched_pred}/{p.pred}); see python bench/events.py --errors 30"
    )


def test_triple_recall_meets_the_aim(dev_score: Any) -> None:
    r = dev_score.triples
    assert r.recall >= MIN_RECALL, (
        f"triple recall {r.recall:.3f} < {MIN_RECALL} ({r.matched_gold}/{r.gold}); "
        "see python bench/events.py --errors 30"
    )


def test_events_are_tied_to_their_sentence(dev_run: tuple[Any, Any]) -> None:
    gold_set, run = dev_run
    ids = {s.id for s in gold_set}
    assert set(run.events) <= ids
    texts = {s.id: s.text for s in gold_set}
    for doc, events in run.events.items():
        for event in events:
            for evidence in event.evidence:
                assert texts[doc][evidence.start : evidence.end] == evidence.text


# Floors on the held-out sets (measured P 0.682 / R 0.468 and P 0.683 / R 0.536): a regression
# guard, not a target. Nobody tunes against these sets (tests/fixtures/README-events.md); a drop
# below these floors means a change hurt unseen text and must be looked at on the dev set.
HELDOUT_SETS = ("events_heldout.jsonl", "events_heldout2.jsonl")
HELDOUT_MIN_PRECISION = 0.60
HELDOUT_MIN_RECALL = 0.40


@pytest.mark.parametrize("name", HELDOUT_SETS)
def test_heldout_scores_do_not_regress(kb: KnowledgeBase, name: str) -> None:
    sc = eventscore
    gold_set = sc.load_devset(REPO / "tests" / "fixtures" / name)
    run = sc.run_devset(gold_set, kb)
    triples = sc.score_devset(gold_set, run.events, sc.ActorIndex(run.entities.entities, kb))
    triples = triples.triples
    assert triples.precision >= HELDOUT_MIN_PRECISION, f"{name}: P {triples.precision:.3f}"
    assert triples.recall >= HELDOUT_MIN_RECALL, f"{name}: R {triples.recall:.3f}"

"""Figures of event sentences and the casualty tolls they state (events.quantities)."""

from __future__ import annotations

import pytest

from newsgraph.events.quantities import (
    casualties,
    find_quantities,
    load_quantity_words,
    qualifier_change,
    singular,
)
from newsgraph.model import Quantity


def figures(text: str) -> list[tuple[float, str, str | None]]:
    """(value, unit, qualifier) of every figure of ``text``."""
    return [(q.value, q.unit, q.qualifier) for q in find_quantities(text, 0)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Militants fired more than 60 rockets at towns in the north.",
            [(60, "rocket", "more than")],
        ),
        ("The raid killed at least 1,200 people, officials said.", [(1200, "people", "at least")]),
        ("About 2,000 troops were moved to the frontier.", [(2000, "troop", "about")]),
        ("Some 300 armoured vehicles crossed overnight.", [(300, "vehicle", "some")]),
        ("Nearly 1.5 million people have fled their homes.", [(1_500_000, "people", "nearly")]),
        ("An estimated 40,000 residents lack clean water.", [(40000, "resident", "an estimated")]),
        ("Up to 12 Israeli soldiers were taken captive.", [(12, "soldier", "up to")]),
        ("Fewer than twenty aid trucks entered on the first day.", [(20, "truck", "fewer than")]),
        ("Roughly forty-five children were evacuated by bus.", [(45, "child", "roughly")]),
        ("Two hundred and fifty families sheltered in the school.", [(250, "family", None)]),
        ("Twelve fighters surrendered at dawn.", [(12, "fighter", None)]),
        ("One person was hurt by falling debris.", [(1, "person", None)]),
        ("Officials counted 5 Palestinians among the detained.", [(5, "palestinian", None)]),
        ("Over 46 attacks were recorded in a month.", [(46, "attack", "over")]),
    ],
)
def test_counts_units_and_qualifiers(sentence: str, expected: list[tuple]) -> None:
    assert figures(sentence) == expected


def test_vague_counts_keep_a_lower_bound() -> None:
    text = "Dozens of homes were flattened and hundreds of people marched, while scores of "
    text += "shops closed and tens of thousands of residents left; a dozen schools shut."
    assert figures(text) == [
        (24, "home", "vague"),
        (200, "people", "vague"),
        (40, "shop", "vague"),
        (20000, "resident", "vague"),
        (12, "school", None),
    ]


def test_percentages_and_money() -> None:
    text = "Turnout fell 3.5% to 41 per cent as donors pledged $50 million and £2bn in aid."
    assert figures(text) == [
        (3.5, "percent", "down"),
        (41, "percent", None),
        (50_000_000, "USD", None),
        (2_000_000_000, "GBP", None),
    ]
    assert figures("The fund lost 12 million shekels.") == [(12_000_000, "ILS", None)]
    # A change word qualifies measures only: "shot down 3 drones" is a count of drones.
    assert figures("Air defences shot down 3 drones.") == [(3, "drone", None)]


def test_ranges_keep_the_lower_end() -> None:
    assert figures("Between 200 and 300 people fled the village.") == [(200, "people", "between")]
    assert figures("Gunmen fired 15 to 20 shells at the base.") == [(15, "shell", "between")]
    # A scale written once applies to both ends.
    assert figures("Donors pledged $2 to $3 billion.") == [(2_000_000_000, "USD", "between")]
    # "from X to Y" states a change: two figures.
    assert len(figures("The toll rose from 12 to 19 within hours.")) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Security Council Resolution 1701 set the terms of the truce.",
        "The attack began on Oct. 7, 2023 at 6:30 in the morning.",
        "The war of 2006 ended in August of that year.",
        "Troops of Unit 8200 and an F-16 squadron took part.",
        "The Six-Day War and the two-state solution were debated.",
        "A 12-year-old was among those hurt.",
        "The meeting starts at 5 p.m. local time.",
        "Flight 17 was delayed by the strikes.",
        "The 7th brigade moved south.",
        "No one claimed responsibility, and the sides blamed one another.",
        "One of the commanders was named.",
        "Ahmed Khalil, 25, was among the detained.",
        "The Boeing 737 landed safely.",
        "The minister spoke to BBC One about the talks.",
    ],
)
def test_not_figures(sentence: str) -> None:
    assert figures(sentence) == []


def test_a_four_digit_number_is_a_count_only_with_a_plural_noun() -> None:
    assert figures("In 2000 troops were sent south.") == [(2000, "troop", None)]
    assert figures("The 2006 war displaced a million people.") == [(1_000_000, "people", None)]
    assert figures("Talks were based on the 1967 borders.") == []


def test_offsets_and_text() -> None:
    body = "Intro. Officials said more than 60 rockets and 1,400 people were counted."
    start = body.index("Officials")
    quantities = find_quantities(body[start:], start)
    assert [q.text for q in quantities] == ["more than 60 rockets", "1,400 people"]
    for q in quantities:
        assert isinstance(q, Quantity)
        assert body[q.start : q.end] == q.text


def test_qualifier_change_codes() -> None:
    assert qualifier_change(None) == "="
    assert qualifier_change("more than") == ">"
    assert qualifier_change("at least") == ">"
    assert qualifier_change("about") == "~"
    assert qualifier_change("up to") == "<"
    assert qualifier_change("vague") == "~"
    assert qualifier_change("down") == "down"


def test_singular() -> None:
    words = load_quantity_words()
    assert [singular(w, words) for w in ("rockets", "people", "casualties", "children")] == [
        "rocket",
        "people",
        "casualty",
        "child",
    ]
    assert [singular(w, words) for w in ("crisis", "israelis", "boxes", "bus")] == [
        "crisis",
        "israeli",
        "box",
        "bus",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The strike hit a market, killing 12 and wounding 30.", (12, 30)),
        ("Medics said 12 people were killed in the shelling.", (12, None)),
        ("The gunmen killed at least 1,200 people in the raid.", (1200, None)),
        ("The death toll in the city rose to 1,400 on Monday.", (1400, None)),
        ("Health officials said 30 were injured.", (None, 30)),
        ("The blast left 5 dead and 20 wounded.", (5, 20)),
        ("One person was killed and two were hurt.", (1, 2)),
        ("Three of them died in hospital.", (3, None)),
        ("The army said 4 of its soldiers were killed and 9 injured.", (4, 9)),
        ("Dozens of civilians were wounded.", (None, 24)),
        ("Nearly 200 deaths were recorded in the camp.", (200, None)),
        ("Militants fired 30 rockets that killed two civilians.", (2, None)),
        ("The rockets killed 3, and an earlier salvo killed 7.", (7, None)),
        ("Ahmed Khalil, 25, was killed in the strike.", (None, None)),
        ("Troops detained 40 people and seized 12 rifles.", (None, None)),
        ("The vote passed 60 to 40.", (None, None)),
    ],
)
def test_casualties(sentence: str, expected: tuple[int | None, int | None]) -> None:
    assert casualties(sentence, 0) == expected

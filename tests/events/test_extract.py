"""Event extraction on news-style sentences written for these tests: full arguments.

Every sentence is parsed once per session (``code_texts``); each test asserts type, mode,
source and target (actor level and people), and the attributes the sentence states.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsgraph.events import PRODUCER, code_events, event_id
from newsgraph.model import Event

from .conftest import Coder

PUBLISHED = date(2024, 3, 14)  # a Thursday


def one(events: list[Event], type_: str) -> Event:
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, [(e.type, e.trigger, e.source, e.target) for e in events]
    return found[0]


# ------------------------------------------------------------------------------- verbal


def test_active_attack_with_weapon_target_date_and_quantity(code_texts: Coder) -> None:
    text = (
        "Hezbollah fired more than 30 rockets at an Israeli army base near the border on Tuesday."
    )
    ev = one(code_texts(text, published=PUBLISHED), "ASSAULT")
    assert ev.mode == "missile" and ev.subtype == "rocket attack" and ev.cameo == "19"
    assert ev.source == ("ng:hezbollah",)
    assert ev.target == ("ng:idf",)  # "Israeli army base": the KB's "Israeli army"
    assert ev.trigger == "fired"
    assert ev.date == date(2024, 3, 12) and ev.date_precision == "day"
    assert ev.date_text == "Tuesday"
    assert [(q.value, q.unit, q.qualifier) for q in ev.quantities] == [
        (30.0, "rocket", "more than")
    ]
    assert not ev.negated and not ev.hypothetical and ev.attributed_to is None


def test_passive_with_by_agent(code_texts: Coder) -> None:
    text = "Israeli troops were attacked by Hamas fighters in Gaza City on Monday."
    ev = one(code_texts(text, published=PUBLISHED), "ASSAULT")
    assert ev.source == ("ng:hamas",)
    assert ev.target == ("ng:idf",)
    assert ev.date == date(2024, 3, 11)


def test_passive_without_agent_keeps_the_target_only(code_texts: Coder) -> None:
    text = "A barrage of rockets was fired toward northern Israel on Wednesday."
    ev = one(code_texts(text, published=PUBLISHED), "ASSAULT")
    assert ev.mode == "missile"
    assert ev.source == ()
    assert ev.target == ("ng:gov:il",)  # a place attacked: the state it belongs to


def test_meeting_with_coordinated_targets_people_and_location(code_texts: Coder) -> None:
    text = (
        "Hezbollah leader Hassan Nasrallah met in Beirut with Hamas official Saleh al-Arouri "
        "and with Islamic Jihad leader Ziad Nakhaleh."
    )
    ev = one(code_texts(text), "CONSULT")
    assert ev.source == ("ng:hezbollah",)
    assert ev.source_people == ("ng:hassan-nasrallah",)
    assert set(ev.target) == {"ng:hamas", "ng:pij"}
    assert set(ev.target_people) == {"ng:saleh-al-arouri", "ng:ziad-nakhaleh"}
    assert ev.location_text == "in Beirut" and ev.location is not None
    assert ev.mode == "meet" and ev.subtype == "meeting" and ev.cameo == "04"


def test_coordinated_sources(code_texts: Coder) -> None:
    ev = one(code_texts("Hamas and Islamic Jihad fired rockets at Israel overnight."), "ASSAULT")
    assert set(ev.source) == {"ng:hamas", "ng:pij"}
    assert ev.target == ("ng:gov:il",)
    assert ev.location is None  # "at Israel" is the target, not where it happened


def test_person_acts_for_the_government_and_request_content_is_not_coded(
    code_texts: Coder,
) -> None:
    events = code_texts("Antony Blinken urged Israel to allow more aid into Gaza.")
    ev = one(events, "REQUEST")
    assert ev.source == ("ng:gov:us",)
    assert ev.source_people == ("ng:antony-blinken",)
    assert ev.target == ("ng:gov:il",)
    assert [e.type for e in events] == ["REQUEST"]  # the requested easing is not an event


def test_conjoined_verbs_share_their_object(code_texts: Coder) -> None:
    events = code_texts("Iran has historically supported and funded Hamas.")
    assert {(e.type, e.source, e.target) for e in events} == {
        ("SUPPORT", ("ng:gov:ir",), ("ng:hamas",)),
        ("AID", ("ng:gov:ir",), ("ng:hamas",)),
    }


def test_praise_of_an_attack_targets_its_author(code_texts: Coder) -> None:
    events = code_texts("Iran praised Hamas's attack on Israel.")
    ev = one(events, "SUPPORT")
    assert (ev.source, ev.target, ev.subtype) == (("ng:gov:ir",), ("ng:hamas",), "praise")
    assert not [e for e in events if e.type == "ASSAULT"]  # a reference, not a report


def test_speech_verb_alone_is_not_an_event(code_texts: Coder) -> None:
    assert code_texts("Hamas said the talks were continuing.") == []


# ------------------------------------------------------------------------------- nominal


def test_nominal_drone_strike_takes_its_victims_from_the_clause(code_texts: Coder) -> None:
    text = "An Israeli drone strike killed two Hezbollah fighters near Tyre last night."
    events = code_texts(text, published=PUBLISHED)
    ev = one(events, "ASSAULT")  # one attack, not one for "strike" and one for "killed"
    assert ev.trigger == "strike" and ev.mode == "drone" and ev.subtype == "drone strike"
    assert ev.source == ("ng:gov:il",)
    assert ev.target == ("ng:hezbollah",)
    assert ev.location_text == "near Tyre"
    assert ev.date == date(2024, 3, 13) and ev.date_text == "last night"
    assert ev.fatalities == 2


def test_light_verb_talks_and_claimed_responsibility(code_texts: Coder) -> None:
    talks = one(
        code_texts("Iran's foreign minister held talks with Hamas leader Ismail Haniyeh in Doha."),
        "CONSULT",
    )
    assert talks.trigger == "talks" and talks.source == ("ng:gov:ir",)
    assert talks.target == ("ng:hamas",) and talks.target_people == ("ng:ismail-haniyeh",)
    assert talks.location_text == "in Doha"
    claim = one(
        code_texts("Hezbollah claimed responsibility for the attack on the Israeli base."),
        "ASSAULT",
    )
    assert claim.source == ("ng:hezbollah",) and claim.target == ("ng:gov:il",)


def test_claim_in_the_next_sentence_names_the_attacker(code_texts: Coder) -> None:
    text = (
        "A salvo of 40 rockets was fired toward northern Israel on Wednesday. "
        "Hezbollah claimed responsibility for the attack."
    )
    ev = one(code_texts(text, published=PUBLISHED), "ASSAULT")
    assert ev.source == ("ng:hezbollah",) and ev.target == ("ng:gov:il",)
    assert [q.value for q in ev.quantities] == [40.0]
    assert ev.evidence[0].text.startswith("A salvo")


def test_exchange_of_fire_is_an_attack_each_way(code_texts: Coder) -> None:
    events = code_texts("Hezbollah and Israeli forces exchanged fire across the border.")
    assert {(e.source, e.target) for e in events if e.type == "ASSAULT"} == {
        (("ng:hezbollah",), ("ng:idf",)),
        (("ng:idf",), ("ng:hezbollah",)),
    }


def test_casualties_of_a_strike(code_texts: Coder) -> None:
    text = (
        "The Israeli military said its jets struck Hezbollah positions in southern Lebanon, "
        "killing five fighters and wounding 12."
    )
    ev = one(code_texts(text), "ASSAULT")
    assert ev.source == ("ng:idf",)  # "its jets", said by the military
    assert ev.target == ("ng:hezbollah",)
    assert ev.attributed_to == "ng:idf"
    assert (ev.fatalities, ev.injuries) == (5, 12)
    assert ev.location_text == "in southern Lebanon"


# ------------------------------------------------------------------------------- precision


@pytest.mark.parametrize(
    "text",
    [
        "Subscribe to our newsletter for the latest updates.",
        "Read more: Hezbollah strikes back",
        "Do you like this article?",
        "We need more from our allies, he said.",
        "It was the first such meeting since the war began.",
    ],
)
def test_no_events_on_junk_quotes_without_actor_and_references(
    code_texts: Coder, text: str
) -> None:
    assert code_texts(text) == []


def test_ids_are_deterministic_and_evidence_is_the_sentence(code_texts: Coder) -> None:
    text = "Nobody expected it. Hamas and Islamic Jihad fired rockets at Israel overnight."
    first, second = code_texts(text), code_texts(text)
    assert [e.id for e in first] == [e.id for e in second]
    ev = one(first, "ASSAULT")
    start = text.index("Hamas")
    assert ev.evidence[0].start == start and ev.evidence[0].text == text[start:]
    assert ev.id == event_id("t0", text.index("fired"), "ASSAULT", ev.source, ev.target)
    assert ev.producer == PRODUCER and ev.id.startswith("ev:")


def test_empty_input(kb: object) -> None:
    from newsgraph.entities import EntityResult

    assert code_events([], EntityResult()) == []


# ------------------------------------------------------------------------------- one per act


def test_joint_operation_is_an_attack_and_a_cooperation(code_texts: Coder) -> None:
    text = (
        "Hezbollah and Islamic Jihad carried out a joint drone operation against an Israeli "
        "army post."
    )
    events = code_texts(text)
    attack = one(events, "ASSAULT")
    assert attack.mode == "drone" and set(attack.source) == {"ng:hezbollah", "ng:pij"}
    assert attack.target == ("ng:idf",)
    joint = one(events, "COOPERATE")
    assert set(joint.source) == {"ng:hezbollah", "ng:pij"} and joint.target == ()


def test_saying_an_actor_was_behind_an_attack_is_an_accusation(code_texts: Coder) -> None:
    events = code_texts("Israel said Hezbollah was behind the drone attack on the base.")
    ev = one(events, "ACCUSE")
    assert (ev.source, ev.target) == (("ng:gov:il",), ("ng:hezbollah",))
    assert not [e for e in events if e.type == "ASSAULT"]  # the allegation is not coded


def test_accusation_content_is_not_coded(code_texts: Coder) -> None:
    events = code_texts("Iran accused Israel of attacking its consulate in Damascus.")
    assert [(e.type, e.source, e.target) for e in events] == [
        ("ACCUSE", ("ng:gov:ir",), ("ng:gov:il",))
    ]


def test_a_death_toll_is_not_an_attack_on_the_place(code_texts: Coder) -> None:
    text = "At least 30 people have been killed in Lebanon since Monday, the health ministry said."
    assert code_texts(text) == []


def test_verb_and_noun_of_one_attack_give_one_event_with_the_mode(code_texts: Coder) -> None:
    text = "Two Hezbollah commanders were killed in an Israeli airstrike on Tuesday."
    ev = one(code_texts(text, published=PUBLISHED), "ASSAULT")
    assert (ev.source, ev.target, ev.mode) == (("ng:gov:il",), ("ng:hezbollah",), "aerial")
    assert ev.fatalities == 2 and ev.date == date(2024, 3, 12)


def test_demanded_withdrawal_targets_who_would_withdraw(code_texts: Coder) -> None:
    ev = one(code_texts("Hamas demanded a full Israeli withdrawal from Gaza."), "REQUEST")
    assert (ev.source, ev.target) == (("ng:hamas",), ("ng:gov:il",))

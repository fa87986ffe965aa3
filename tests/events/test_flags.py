"""Negation, mood and attribution of events (sentences written for these tests)."""

from __future__ import annotations

from newsgraph.model import Event

from .conftest import Coder


def only(events: list[Event]) -> Event:
    assert len(events) == 1, [(e.type, e.trigger, e.source, e.target) for e in events]
    return events[0]


def test_never_is_negation_and_the_speaker_is_kept_as_written(code_texts: Coder) -> None:
    ev = only(code_texts("Israel has never attacked the UN base, the army said."))
    assert (ev.type, ev.source, ev.target) == ("ASSAULT", ("ng:gov:il",), ("ng:un",))
    assert ev.negated and not ev.hypothetical
    assert ev.attributed_to == "the army"  # not linked to an entity: the phrase as written


def test_denied_gerund_is_a_negated_event_attributed_to_the_denier(code_texts: Coder) -> None:
    ev = only(code_texts("Hezbollah denied attacking the Israeli convoy."))
    assert (ev.type, ev.source, ev.target) == ("ASSAULT", ("ng:hezbollah",), ("ng:gov:il",))
    assert ev.negated and ev.attributed_to == "ng:hezbollah"


def test_would_not_join_is_negated_hypothetical_with_the_pronoun_resolved(
    code_texts: Coder,
) -> None:
    ev = only(code_texts("Iran said it would not join the war against Israel."))
    assert (ev.type, ev.source, ev.target) == ("ASSAULT", ("ng:gov:ir",), ("ng:gov:il",))
    assert ev.negated and ev.hypothetical
    assert ev.attributed_to == "ng:gov:ir"
    assert ev.trigger == "war"  # "join the war": the light verb's noun


def test_wont_be_joining_a_coalition(code_texts: Coder) -> None:
    text = (
        "Qatar won't be joining the U.S.-led coalition against the Houthis, Majed al-Ansari said."
    )
    ev = only(code_texts(text))
    assert (ev.type, ev.source) == ("COOPERATE", ("ng:gov:qa",))
    assert ev.negated and ev.hypothetical
    assert ev.attributed_to == "ng:majed-al-ansari"


def test_modal_and_if_clause_are_hypothetical(code_texts: Coder) -> None:
    events = code_texts(
        "Israel would strike Iran's nuclear sites if Tehran launched another attack."
    )
    strike = next(e for e in events if e.trigger == "strike")
    assert (strike.source, strike.target) == (("ng:gov:il",), ("ng:gov:ir",))
    assert strike.hypothetical and not strike.negated
    attack = next(e for e in events if e.trigger == "attack")
    assert attack.source == ("ng:gov:ir",) and attack.hypothetical  # the "if" clause


def test_plans_and_anticipated_offensives_are_hypothetical(code_texts: Coder) -> None:
    planned = only(code_texts("Israel plans to launch a ground offensive in Rafah."))
    assert planned.type == "ASSAULT" and planned.hypothetical and planned.source == ("ng:gov:il",)
    assert planned.location_text == "in Rafah"
    anticipated = only(
        code_texts("Israel is preparing an anticipated ground offensive against Hamas in Rafah.")
    )
    assert anticipated.hypothetical and anticipated.target == ("ng:hamas",)


def test_threat_is_asserted_and_the_threatened_attack_is_not_coded(code_texts: Coder) -> None:
    ev = only(code_texts("The Houthis threatened to attack U.S. warships in the Red Sea."))
    assert (ev.type, ev.source, ev.target) == ("THREATEN", ("ng:houthis",), ("ng:gov:us",))
    assert not ev.hypothetical and not ev.negated


def test_warning_not_to_act_is_a_threat_not_a_negated_act(code_texts: Coder) -> None:
    ev = only(code_texts("The United States warned Iran not to escalate the conflict."))
    assert (ev.type, ev.source, ev.target) == ("THREATEN", ("ng:gov:us",), ("ng:gov:ir",))
    assert not ev.negated


def test_refused_to_cooperate_is_only_a_rejection(code_texts: Coder) -> None:
    ev = only(code_texts("Egypt refused to cooperate with Israel on the crossing."))
    assert (ev.type, ev.source, ev.target) == ("REJECT", ("ng:gov:eg",), ("ng:gov:il",))
    assert not ev.negated


def test_reported_and_according_to(code_texts: Coder) -> None:
    reported = only(
        code_texts(
            "Reuters reported that Israeli jets bombed a Hezbollah depot in the Bekaa Valley."
        )
    )
    assert (reported.type, reported.mode) == ("ASSAULT", "aerial")
    assert (reported.source, reported.target) == (("ng:iaf",), ("ng:hezbollah",))
    assert reported.attributed_to == "ng:reuters"
    assert reported.location_text == "in the Bekaa Valley"
    according = only(
        code_texts(
            "According to the Lebanese army, Israeli artillery shelled the village of Khiam."
        )
    )
    assert (according.mode, according.source) == ("missile", ("ng:gov:il",))
    assert according.attributed_to == "ng:laf"


def test_asserted_event_has_no_flags(code_texts: Coder) -> None:
    ev = only(code_texts("Hamas and Islamic Jihad fired rockets at Israel overnight."))
    assert not ev.negated and not ev.hypothetical and ev.attributed_to is None

"""Surface trimming, title stripping and the word lists of the entity stage."""

from __future__ import annotations

from newsgraph.entities.canonical import (
    descriptors,
    name_words,
    role_phrases,
    strip_title,
    trim_span,
)


def _trim(text: str) -> str:
    start, end = trim_span(text, 0, len(text))
    return text[start:end]


def test_trim_drops_leading_the_and_possessives() -> None:
    assert _trim("the Islamic Revolutionary Guards Corps") == "Islamic Revolutionary Guards Corps"
    assert _trim("Hamas’") == "Hamas"
    assert _trim("Hezbollah's") == "Hezbollah"
    assert _trim("The Quds Force") == "Quds Force"
    assert _trim("U.S.") == "U.S."  # a final period of an abbreviation stays


def _strip(body: str, name_start: int) -> tuple[str, str]:
    start, title = strip_title(body, name_start, len(body))
    return body[start:], title


def test_titles_before_a_name_are_stripped() -> None:
    assert _strip("Secretary General Hassan Nasrallah", 0) == (
        "Hassan Nasrallah",
        "Secretary General",
    )
    assert _strip("Lt. Col. Dana Ofer", 0) == ("Dana Ofer", "Lt. Col.")
    assert _strip("Sheikh Karim Mansour", 0) == ("Karim Mansour", "Sheikh")


def test_a_title_that_starts_before_the_span_is_stripped_too() -> None:
    body = "US Secretary of Defense Lloyd Austin"
    # The small model tags "Defense Lloyd Austin": the title began before the span.
    start, title = strip_title(body, body.index("Defense"), len(body))
    assert body[start:] == "Lloyd Austin"
    assert title.startswith("Secretary of Defense")


def test_no_title_leaves_the_name_alone() -> None:
    assert _strip("Ghazi Hamad", 0) == ("Ghazi Hamad", "")
    # A title is only stripped while a capitalized name follows.
    assert _strip("President", 0) == ("President", "")


def test_name_words_fold_variants_word_by_word() -> None:
    assert name_words("Saleh al-Arouri") == name_words("Saleh al-Aruri") == ["saleh", "aruri"]
    assert name_words("Hamad") != name_words("Hamas")


def test_role_phrases_map_titles_to_predicates() -> None:
    roles = role_phrases()
    assert roles.predicate("Secretary General") == "leader_of"
    assert roles.predicate("senior field commander") == "commander_in"
    assert roles.predicate("number two") == "deputy_of"
    assert roles.predicate("spokesperson") == "spokesperson_of"
    assert roles.predicate("staff writer") == "employee_of"
    assert roles.predicate("senior adviser") == "adviser_to"
    assert roles.predicate("cook") is None
    assert roles.is_past("former Prime Minister")
    assert not roles.is_past("Prime Minister")


def test_descriptors_are_read_from_data() -> None:
    desc = descriptors()
    assert desc.heads["group"] == {"ARMED_GROUP", "ORG"}
    assert desc.modifiers["militant"] == {"ARMED_GROUP"}
    assert desc.institutions["regime"] == {"GOVERNMENT"}
    assert "backed" in desc.compounds

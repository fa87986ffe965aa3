"""The entity stage end to end: canonical entities, links with reasons, cross-document merges."""

from __future__ import annotations

import pytest

from newsgraph.entities import EntityResult, resolve_entities
from newsgraph.errors import InputError
from newsgraph.model import Document, Entity, MergeDecision

from .conftest import Resolver, make_document


def entity_of(result: EntityResult, doc: str, surface: str, nth: int = 0) -> str:
    """Id of the entity the ``nth`` mention written ``surface`` in ``doc`` links to."""
    hits = [
        m.entity for m in result.mentions if m.evidence.doc == doc and m.evidence.text == surface
    ]
    assert len(hits) > nth, f"no mention {surface!r} in {doc}: {_mentions(result, doc)}"
    return hits[nth]


def _mentions(result: EntityResult, doc: str) -> list[tuple[str, str]]:
    return [(m.evidence.text, m.entity) for m in result.mentions if m.evidence.doc == doc]


def decision(result: EntityResult, doc: str, surface: str) -> MergeDecision:
    return next(d for d in result.decisions if d.doc == doc and d.surface == surface)


def by_id(result: EntityResult) -> dict[str, Entity]:
    return {e.id: e for e in result.entities}


# ---------------------------------------------------------------------- own sentences


def test_spelling_variants_meet_in_one_kb_entity(resolve_texts: Resolver) -> None:
    _, result = resolve_texts(
        "Hizbullah fighters fired rockets on Tuesday. Officials said Hezbollah would respond.",
        "Saleh al-Aruri arrived in Beirut. Later, Saleh al-Arouri left the city.",
    )
    assert entity_of(result, "t0", "Hizbullah") == entity_of(result, "t0", "Hezbollah")
    assert entity_of(result, "t0", "Hezbollah") == "ng:hezbollah"
    assert entity_of(result, "t1", "Saleh al-Aruri") == entity_of(result, "t1", "Saleh al-Arouri")
    entity = by_id(result)["ng:hezbollah"]
    assert set(entity.aliases) == {"Hizbullah", "Hezbollah"}
    assert entity.type == "ARMED_GROUP"


def test_capital_acts_as_government_but_is_a_place_after_in(resolve_texts: Resolver) -> None:
    _, result = resolve_texts(
        "Tehran has provided weapons to the fighters for years. "
        "The envoy flew to Tehran on Monday and stayed in Tehran for two days."
    )
    assert entity_of(result, "t0", "Tehran", 0) == "ng:gov:ir"
    assert decision(result, "t0", "Tehran").rule == "metonym_agent"
    places = {entity_of(result, "t0", "Tehran", n) for n in (1, 2)}
    assert len(places) == 1 and places.pop().startswith("geonames:")


def test_demonym_institutions_and_bare_demonyms(resolve_texts: Resolver) -> None:
    _, result = resolve_texts(
        "The Israeli military said it struck a depot. Israeli civilians fled south. "
        "The Kuwaiti army closed the crossing."
    )
    assert entity_of(result, "t0", "Israeli military") == "ng:idf"
    # A bare adjective is not a mention of a state.
    assert not [m for m in result.mentions if m.evidence.text == "Israeli"]
    assert entity_of(result, "t0", "Kuwaiti army") == "ng:gov:kw"
    assert decision(result, "t0", "Kuwaiti army").rule == "demonym_government"


def test_surname_links_to_the_full_name_but_never_to_a_lookalike(resolve_texts: Resolver) -> None:
    _, result = resolve_texts(
        "Karim Haddad, a city councillor, met members of Hamas on Monday. "
        "Haddad said the talks went well. Hamas did not comment."
    )
    full = entity_of(result, "t0", "Karim Haddad")
    assert entity_of(result, "t0", "Haddad") == full
    assert decision(result, "t0", "Haddad").rule == "surname_in_doc"
    assert entity_of(result, "t0", "Hamas") == "ng:hamas" != full


def test_shared_first_name_does_not_merge(resolve_texts: Resolver) -> None:
    _, result = resolve_texts(
        "Ali Khamenei spoke on Friday. Ali Barake, a Hamas official, answered him."
    )
    assert entity_of(result, "t0", "Ali Khamenei") == "ng:ali-khamenei"
    assert entity_of(result, "t0", "Ali Barake") == "ng:ali-baraka"


def test_acronym_in_parentheses_links_to_the_full_name(resolve_texts: Resolver) -> None:
    _, result = resolve_texts(
        "The Northern Valley Farmers Association (NVFA) protested on Monday. "
        "The NVFA said prices had doubled."
    )
    full = entity_of(result, "t0", "Northern Valley Farmers Association")
    assert full.startswith("ent:ORG:")
    assert entity_of(result, "t0", "NVFA", 0) == full
    assert entity_of(result, "t0", "NVFA", 1) == full
    rules = {d.rule for d in result.decisions if d.surface == "NVFA"}
    assert "acronym_parenthesis" in rules


def test_descriptive_reference_needs_one_salient_candidate(resolve_texts: Resolver) -> None:
    _, result = resolve_texts(
        "Hezbollah fired rockets at a base, and the Lebanese group later claimed the attack.",
        "Hamas and Islamic Jihad met in Beirut. The Palestinian militant group said it was ready.",
    )
    assert entity_of(result, "t0", "the Lebanese group") == "ng:hezbollah"
    assert decision(result, "t0", "the Lebanese group").rule == "descriptive"
    # Two Palestinian armed groups are salient: no link rather than a guess.
    assert not [m for m in result.mentions if "militant group" in m.evidence.text]


def test_unknown_people_merge_across_documents_only_with_evidence(
    resolve_texts: Resolver,
) -> None:
    _, result = resolve_texts(
        "Karim Haddad, a city councillor in Sidon, spoke to Hezbollah officials.",
        "In Tyre, Karim Haddad said the council would meet Hamas leaders.",
        "Haddad, a fisherman, sold his catch at the market.",
    )
    first = entity_of(result, "t0", "Karim Haddad")
    assert entity_of(result, "t1", "Karim Haddad") == first
    assert any(
        d.rule == "normalized_name" and d.doc == "t1" and d.entity == first
        for d in result.decisions
    )
    # A bare surname in an unrelated document is not the councillor.
    assert entity_of(result, "t2", "Haddad") != first


def test_mentions_cite_the_body_and_order_is_deterministic(resolve_texts: Resolver) -> None:
    docs, result = resolve_texts(
        "Hezbollah leader Hassan Nasrallah met Hamas officials in Beirut on Wednesday."
    )
    body = docs[0].body
    for mention in result.mentions:
        assert body[mention.evidence.start : mention.evidence.end] == mention.evidence.text
    for entity in result.entities:
        assert entity.producer == "newsgraph.entities.v1"
        assert entity.mentions
    _, again = resolve_texts(
        "Hezbollah leader Hassan Nasrallah met Hamas officials in Beirut on Wednesday."
    )
    assert again == result
    assert [e.id for e in result.entities] == sorted(e.id for e in result.entities)


def test_a_parse_of_another_document_is_rejected(resolve_texts: Resolver) -> None:
    docs, _ = resolve_texts("Hamas said nothing.")
    other: Document = make_document("other", "Hamas said nothing.")
    _, result = resolve_texts("Hamas said nothing.")
    from newsgraph.nlp import parse_texts

    parsed = parse_texts(["Hamas said nothing."])[0]  # id "t0"
    with pytest.raises(InputError) as info:
        resolve_entities([(other, parsed)])
    assert info.value.reason_code == "parse_mismatch"
    assert result.entities and docs


# ---------------------------------------------------------------------- seeds


def test_seed_actors_are_one_entity_each(seed_result: EntityResult) -> None:
    entities = by_id(seed_result)
    assert {"Hezbollah", "Hizbullah"} <= set(entities["ng:hezbollah"].aliases)
    assert {"Saleh al-Arouri", "Saleh al-Aruri"} <= set(entities["ng:saleh-al-arouri"].aliases)
    assert {
        "Islamic Revolutionary Guards Corps",
        "IRGC",
        "Islamic Revolutionary Guard Corps",
    } <= set(entities["ng:irgc"].aliases)
    iran = set(entities["ng:gov:ir"].aliases)
    assert {"Tehran", "Iranian regime", "Iran"} <= iran
    assert entities["ng:ziad-nakhaleh"].type == "PERSON"
    # Every mention of these names in every seed links to one entity.
    for surface, expected in [
        ("Hizbullah", "ng:hezbollah"),
        ("Hezbollah", "ng:hezbollah"),
        ("IRGC", "ng:irgc"),
        ("Ziad Nakhaleh", "ng:ziad-nakhaleh"),
        ("Tehran", "ng:gov:ir"),
        ("Iranian regime", "ng:gov:ir"),
    ]:
        found = {m.entity for m in seed_result.mentions if m.evidence.text == surface}
        assert found == {expected}, surface


def test_seed_people_are_never_merged(seed_result: EntityResult) -> None:
    entities = by_id(seed_result)
    hamad = entities["ng:ghazi-hamad"]
    assert "Hamad" in hamad.aliases
    assert not {"Hamas", "Hamdan", "Osama Hamdan"} & set(hamad.aliases)
    assert "Osama Hamdan" in entities["ng:osama-hamdan"].aliases
    assert "Ali Khamenei" in entities["ng:ali-khamenei"].aliases
    assert "Ali Barake" in entities["ng:ali-baraka"].aliases
    persons = [e for e in seed_result.entities if e.type == "PERSON"]
    for a in persons:
        for b in persons:
            if a.id < b.id:
                assert not set(a.aliases) & set(b.aliases), (a.id, b.id)


def test_seed_descriptive_references(seed_result: EntityResult, seed_docs: list[Document]) -> None:
    described = {
        (m.evidence.doc, m.evidence.text): m.entity
        for m in seed_result.mentions
        if m.label == "descriptive"
    }
    assert described[("s0", "the Palestinian militant group")] == "ng:hamas"
    assert described[("s1", "the Lebanese group")] == "ng:hezbollah"
    assert described[("s4", "the Palestinian movement")] == "ng:hamas"
    bodies = {d.id: d.body for d in seed_docs}
    for mention in seed_result.mentions:
        ev = mention.evidence
        assert bodies[ev.doc][ev.start : ev.end] == ev.text

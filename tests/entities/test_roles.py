"""Roles and relations stated in the text, each with the span that states it."""

from __future__ import annotations

from newsgraph.entities import EntityResult
from newsgraph.model import Document, Relation

from .conftest import Resolver


def relations(result: EntityResult) -> set[tuple[str, str, str, str | None]]:
    return {(r.subject, r.predicate, r.object, r.qualifier) for r in result.relations}


def find(result: EntityResult, subject: str, predicate: str, obj: str) -> list[Relation]:
    return [
        r
        for r in result.relations
        if r.subject == subject and r.predicate == predicate and r.object == obj
    ]


def test_title_before_a_name(resolve_texts: Resolver) -> None:
    _, result = resolve_texts(
        "Hezbollah's Secretary General Hassan Nasrallah gave a speech on Friday. "
        "Reuters journalist Issam Abdallah was killed near the border."
    )
    (leader,) = find(result, "ng:hassan-nasrallah", "leader_of", "ng:hezbollah")
    assert leader.evidence[0].text == "Hezbollah's Secretary General Hassan Nasrallah"
    assert find(result, "ng:issam-abdallah", "employee_of", "ng:reuters")
    nasrallah = next(e for e in result.entities if e.id == "ng:hassan-nasrallah")
    assert "leader_of:ng:hezbollah" in nasrallah.roles


def test_appositives_with_qualifiers(resolve_texts: Resolver) -> None:
    docs, result = resolve_texts(
        "Karim Haddad, a member of Hamas' political bureau, spoke on Monday. "
        "Samir Aoun, deputy head of Hamas in Gaza, did not attend."
    )
    haddad = next(e.id for e in result.entities if e.name == "Karim Haddad")
    aoun = next(e.id for e in result.entities if e.name == "Samir Aoun")
    assert (haddad, "member_of", "ng:hamas", "political bureau") in relations(result)
    assert (aoun, "deputy_of", "ng:hamas", "Gaza") in relations(result)
    body = docs[0].body
    for rel in result.relations:
        for ev in rel.evidence:
            assert body[ev.start : ev.end] == ev.text


def test_identified_as_and_his_deputy(resolve_texts: Resolver) -> None:
    _, result = resolve_texts(
        "The army confirmed the killing of Karim Haddad, identifying him as a senior field "
        "commander in Hezbollah. Ismail Haniyeh, head of Hamas' political bureau, and his "
        "deputy Saleh al-Arouri flew to Beirut."
    )
    haddad = next(e.id for e in result.entities if e.name == "Karim Haddad")
    assert find(result, haddad, "commander_in", "ng:hezbollah")
    assert ("ng:ismail-haniyeh", "leader_of", "ng:hamas", "political bureau") in relations(result)
    assert ("ng:saleh-al-arouri", "deputy_of", "ng:hamas", "political bureau") in relations(result)


def test_backing_and_part_of(resolve_texts: Resolver) -> None:
    _, result = resolve_texts(
        "Iran-backed Hezbollah fired rockets. The Quds Force -- the foreign operations arm "
        "of the Islamic Revolutionary Guard Corps -- trains its fighters."
    )
    (backs,) = find(result, "ng:gov:ir", "backs", "ng:hezbollah")
    assert backs.evidence[0].text == "Iran-backed Hezbollah"
    assert find(result, "ng:quds-force", "part_of", "ng:irgc")


def test_former_roles_and_plain_mentions_give_no_relation(resolve_texts: Resolver) -> None:
    _, result = resolve_texts(
        "Former Hamas leader Karim Haddad opened a bakery. Hamas and Hezbollah met in Beirut."
    )
    assert result.relations == []


def test_seed_relations(seed_result: EntityResult, seed_docs: list[Document]) -> None:
    rels = relations(seed_result)
    pairs = {(s, p, o) for s, p, o, _q in rels}
    assert ("ng:ghazi-hamad", "member_of", "ng:hamas", "political bureau") in rels
    assert ("ng:khalil-al-hayya", "deputy_of", "ng:hamas", "Gaza") in rels
    assert ("ng:ismail-haniyeh", "leader_of", "ng:hamas", "political bureau") in rels
    for expected in [
        ("ng:hassan-nasrallah", "leader_of", "ng:hezbollah"),
        ("ng:ziad-nakhaleh", "leader_of", "ng:pij"),
        ("ng:saleh-al-arouri", "deputy_of", "ng:hamas"),
        ("ng:osama-hamdan", "spokesperson_of", "ng:hamas"),
        ("ng:yahya-rahim-safavi", "adviser_to", "ng:ali-khamenei"),
        ("ng:yahya-rahim-safavi", "commander_in", "ng:irgc"),
        ("ng:gov:ir", "backs", "ng:hezbollah"),
        ("ng:issam-abdallah", "employee_of", "ng:reuters"),
        ("ng:ali-khamenei", "leader_of", "ng:gov:ir"),
        ("ng:ali-baraka", "spokesperson_of", "ng:hamas"),
        ("ng:quds-force", "part_of", "ng:irgc"),
    ]:
        assert expected in pairs, expected
    makki = [
        r
        for r in seed_result.relations
        if r.predicate == "commander_in" and r.object == "ng:hezbollah"
    ]
    assert any("senior field commander in Hezbollah" in ev.text for r in makki for ev in r.evidence)
    # "former Israeli Prime Minister Benjamin Netanyahu" is not a current role.
    assert not [s for s, p, _o in pairs if s == "ng:benjamin-netanyahu" and p == "leader_of"]
    bodies = {d.id: d.body for d in seed_docs}
    for rel in seed_result.relations:
        assert rel.evidence
        for ev in rel.evidence:
            assert bodies[ev.doc][ev.start : ev.end] == ev.text

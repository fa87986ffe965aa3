"""The NLP pass on the real seed articles: the names issue 4 is about are found and linked."""

from __future__ import annotations

from collections import defaultdict

from newsgraph.nlp.backend import NlpBackend


def test_seed_names_are_found_with_kb_ids(backend: NlpBackend, seed_texts: dict[str, str]) -> None:
    names = list(seed_texts)
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for parsed in backend.parse((n, seed_texts[n]) for n in names):
        text = seed_texts[parsed.doc]
        for e in parsed.entities:
            found[text[e.start : e.end]].add((e.label, e.kb_id))
    assert found["Hezbollah"] == {("ORG", "ng:hezbollah")}
    assert found["Hizbullah"] == {("ORG", "ng:hezbollah")}
    assert ("PERSON", "ng:hassan-nasrallah") in found["Nasrallah"]
    assert found["Saleh al-Arouri"] == {("PERSON", "ng:saleh-al-arouri")}
    assert found["Saleh al-Aruri"] == {("PERSON", "ng:saleh-al-arouri")}
    assert found["IRGC"] == {("ORG", "ng:irgc")}
    assert ("ORG", "ng:irgc") in found["Islamic Revolutionary Guard Corps"]
    assert ("ORG", "ng:irgc") in found["Islamic Revolutionary Guards Corps"]
    assert found["Islamic Jihad"] == {("ORG", "ng:pij")}
    assert found["Ziad Nakhaleh"] == {("PERSON", "ng:ziad-nakhaleh")}
    assert {label for label, _ in found["Tehran"]} == {"GPE"}

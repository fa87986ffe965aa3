"""Places the statistical model mistypes, demonyms on people, weapon names (original sentences)."""

from __future__ import annotations

from newsgraph.entities.context import demonym_names_state, is_weapon_name

from .conftest import Resolver

TEXTS = (
    "Medics said a shell landed on a school in Khan Younis on Tuesday.",
    "A drone came down near Eilat, the army said.",
    "The Israeli military said its jets struck a depot in Nabatieh.",
    "Hezbollah fired Katyusha rockets at northern Israel overnight.",
    "Palestinian militants fired rockets at Sderot, and Iraqi militias claimed a drone launch.",
    "The Iranian regime denounced the sanctions as Israeli troops moved north.",
)


def _links(resolve_texts: Resolver, text: str) -> dict[str, str]:
    _, result = resolve_texts(text, ruler=True)
    return {m.evidence.text: m.entity for m in result.mentions}


def test_mistyped_places_become_the_gazetteer_place(resolve_texts: Resolver) -> None:
    assert _links(resolve_texts, TEXTS[0]).get("Khan Younis") == "geonames:281124"
    assert _links(resolve_texts, TEXTS[1]).get("Eilat") == "geonames:295277"
    got = _links(resolve_texts, TEXTS[2])
    assert got.get("Nabatieh") == "geonames:278913" and got.get("Israeli military") == "ng:idf"


def test_weapon_names_are_no_entities(resolve_texts: Resolver) -> None:
    got = _links(resolve_texts, TEXTS[3])
    assert "Katyusha" not in got and got.get("Hezbollah") == "ng:hezbollah"
    assert is_weapon_name("Katyushas") and not is_weapon_name("Hezbollah")


def test_demonyms_on_people_never_name_the_state(resolve_texts: Resolver) -> None:
    got = _links(resolve_texts, TEXTS[4])
    assert not any(e.startswith(("ng:gov:", "ng:country:")) for e in got.values()), got
    assert not demonym_names_state("militants") and not demonym_names_state("Civilians")
    assert demonym_names_state("officials") and demonym_names_state("troops")
    got = _links(resolve_texts, TEXTS[5])
    assert got.get("Iranian regime") == "ng:gov:ir" and got.get("Israeli troops") == "ng:idf"


def test_gazetteer_names_the_model_misses_or_cuts(resolve_texts: Resolver) -> None:
    got = _links(
        resolve_texts,
        "Families left Gaza City on foot while rebels advanced into Aleppo and warships "
        "shelled the port of Hodeidah.",
    )
    assert got.get("Gaza City") == "geonames:281133", got  # not cut to "Gaza"
    assert got.get("Aleppo") == "geonames:170063", got  # also a WordNet word
    assert got.get("Hodeidah") == "geonames:79415", got  # press spelling added as an alias


def test_a_person_known_to_the_kb_keeps_the_person_label(resolve_texts: Resolver) -> None:
    # "Hamad" is a surname of KB people, so the locative rule must not make it a place.
    got = _links(resolve_texts, "Reporters waited for Ghazi Hamad, and a message from Hamad came.")
    assert got.get("Ghazi Hamad") == "ng:ghazi-hamad" and got.get("Hamad") == "ng:ghazi-hamad"

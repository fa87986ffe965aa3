"""Name keys: spelling variants meet, different names stay apart."""

from __future__ import annotations

import pytest

from newsgraph.entities.normalize import (
    acronym,
    collapse_doubles,
    drop_articles,
    drop_possessives,
    fold_diacritics,
    fold_known_words,
    fold_vowels,
    needs_exact_case,
    normalize_name,
    split_words,
    unify_apostrophes,
)


def test_fold_diacritics() -> None:
    assert fold_diacritics("Erdoğan") == "Erdogan"
    assert fold_diacritics("Ḥizbu ʼllāh") == "Hizbu ʼllah"
    assert fold_diacritics("Öcalan, Łódź, Straße") == "Ocalan, Lodz, Strasse"
    assert fold_diacritics("Hamas") == "Hamas"


def test_unify_apostrophes_and_possessives() -> None:
    assert unify_apostrophes("Hezbollah’s ʿAli") == "Hezbollah's 'Ali"
    assert drop_possessives("Hamas' bureau") == "Hamas bureau"
    assert drop_possessives("Hezbollah's leader") == "Hezbollah leader"
    assert drop_possessives("Sana'a") == "Sanaa"


def test_split_words_marks_hyphens() -> None:
    assert split_words("Amir-Abdollahian said") == [
        ("amir", True),
        ("abdollahian", False),
        ("said", False),
    ]
    assert [w for w, _ in split_words("U.S.")] == ["u", "s"]


def test_drop_articles() -> None:
    assert drop_articles(split_words("al-Arouri")) == ["arouri"]
    assert drop_articles(split_words("ash-Sharq al-Awsat")) == ["sharq", "awsat"]
    assert drop_articles(split_words("Al Jazeera")) == ["jazeera"]
    assert drop_articles(split_words("The Guardian")) == ["guardian"]
    # English words that look like articles survive unless hyphenated to a name.
    assert drop_articles(split_words("as he said")) == ["as", "he", "said"]
    # A lone article is a name, not an article.
    assert drop_articles(split_words("Al")) == ["al"]


def test_fold_known_words_and_vowels() -> None:
    assert fold_known_words(["revolutionary", "guards", "corps"]) == [
        "revolutionary",
        "guard",
        "corps",
    ]
    assert fold_known_words(["hezbollah"]) == ["hizbollah"]
    assert fold_vowels("hizbullah") == fold_vowels("hizbollah") == "hizballah"
    assert fold_vowels("arouri") == "aruri"
    assert fold_vowels("mahmood") == fold_vowels("mahmoud") == "mahmud"
    assert fold_vowels("mayadeen") == "mayadin"
    assert fold_vowels("hussein") == "hussayn"
    assert collapse_doubles("qassem") == "qasem"


@pytest.mark.parametrize(
    "variants",
    [
        ["Hezbollah", "Hizbullah", "Hizballah", "Hizbollah", "Hezbollah's", "HEZBOLLAH"],
        ["Saleh al-Arouri", "Saleh al-Aruri", "Saleh el-Arouri", "Saleh Arouri"],
        ["al-Arouri", "Arouri", "el-Arouri", "al Aruri", "Al-Arouri’s"],
        ["Islamic Revolutionary Guard Corps", "Islamic Revolutionary Guards Corps"],
        ["Amir-Abdollahian", "Amir Abdollahian", "Amirabdollahian"],
        ["Qassem Soleimani", "Qasem Soleimani"],
        ["Mahmoud Abbas", "Mahmood Abbas", "Mahmud Abbas"],
        ["Hamas", "Hamas'", "Hamas’s", "the Hamas"],
        ["Sanaa", "Sana'a", "Sana’a"],
        ["Erdogan", "Erdoğan"],
        ["Al Mayadeen", "al-Mayadin", "Mayadeen"],
        ["Houthis", "Houthi", "Huthis"],
        ["Hussein", "Husayn"],
    ],
)
def test_variants_share_a_key(variants: list[str]) -> None:
    keys = {normalize_name(v) for v in variants}
    assert len(keys) == 1, {v: normalize_name(v) for v in variants}


@pytest.mark.parametrize(
    "a, b",
    [
        ("Hamad", "Hamas"),
        ("Hamdan", "Hamad"),
        ("Iran", "Iraq"),
        ("Austin", "Justin"),
        ("Israel", "Israeli"),
        ("Iranian", "Iran"),
        ("Sudan", "Sudani"),
        ("Quds Force", "Quds Brigades"),
        ("Naim Qassem", "Qassem Soleimani"),
        ("Ghazi Hamad", "Osama Hamdan"),
        ("Niger", "Nigeria"),
        ("Mohammed Sinwar", "Yahya Sinwar"),
    ],
)
def test_different_names_stay_apart(a: str, b: str) -> None:
    assert normalize_name(a) != normalize_name(b)


def test_normalize_empty_and_punctuation() -> None:
    assert normalize_name("") == ""
    assert normalize_name(" -- ") == ""


def test_acronym() -> None:
    assert acronym("Islamic Revolutionary Guard Corps") == "IRGC"
    assert acronym("Islamic State of Iraq and the Levant") == "ISIL"
    assert acronym("Hayat Tahrir al-Sham") == "HTS"
    assert acronym("Palestinian Islamic Jihad") == "PIJ"
    assert acronym("Israel Defense Forces") == "IDF"
    assert acronym("Popular Front for the Liberation of Palestine") == "PFLP"


def test_needs_exact_case() -> None:
    assert needs_exact_case("US") and needs_exact_case("U.S.") and needs_exact_case("IRGC")
    assert not needs_exact_case("us")
    assert not needs_exact_case("Nato")
    assert not needs_exact_case("CENTCOM")  # long enough to be unambiguous in any case
    assert not needs_exact_case("2024")

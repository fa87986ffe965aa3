"""Name keys: the normalized form under which spelling variants of one name meet.

``normalize_name`` applies a fixed chain of small rules, each a function of its own so it can be
tested and reasoned about on its own:

1. ``fold_diacritics``      "Erdoğan" -> "Erdogan", "Ḥizbu" -> "Hizbu" (NFKD, drop combining marks)
2. ``unify_apostrophes``    ’ ‘ ʼ ʿ ʾ ` ´ -> ' (typographic quotes and Arabic ayn/hamza marks)
3. ``drop_possessives``     "Hamas'", "Hezbollah's" -> "Hamas", "Hezbollah"; inner apostrophes
                            (ayn in "Sana'a") vanish
4. ``split_words``          casefold, split on anything that is not a letter or digit; remembers
                            which words were joined by a hyphen
5. ``drop_articles``        leading English "the"; Arabic article al-/el-/ad-/ash-/as-/an-/ar-/at-/
                            az-/adh-/ath- when hyphenated to the next word, and "al"/"el" also
                            when written as a separate word ("Al Jazeera"): al-Arouri == Arouri
6. ``fold_known_words``     short tables of words and word starts whose spelling varies between
                            sources ("guards" -> "guard", "hezb..." -> "hizb..."); see
                            ``KNOWN_WORD_FOLDS`` and ``KNOWN_PREFIX_FOLDS``
7. ``fold_vowels``          transliteration vowels: ou/oo -> u, ee -> i, ei/ey -> ay, and
                            -ollah/-ullah/-allah -> allah
8. ``collapse_doubles``     "Qassem" -> "Qasem", "Hizballah" -> "Hizbalah"

The key is the words concatenated without separators, so "Amir-Abdollahian", "Amir Abdollahian"
and "Amirabdollahian" meet. Keys are for matching only; never show them to a user.

The rules are deliberately conservative: they fold spellings of the same sound, never different
letters, so "Hamad"/"Hamas"/"Hamdan", "Iran"/"Iraq" and "Austin"/"Justin" stay apart, and an
adjective is never folded into its noun ("Israeli" != "Israel": demonyms live in
``data/demonyms.tsv``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "KNOWN_PREFIX_FOLDS",
    "KNOWN_WORD_FOLDS",
    "acronym",
    "collapse_doubles",
    "drop_articles",
    "drop_possessives",
    "fold_diacritics",
    "fold_known_words",
    "fold_vowels",
    "needs_exact_case",
    "normalize_name",
    "split_words",
    "unify_apostrophes",
]

# Letters that NFKD does not decompose into base letter + combining mark.
_SPECIAL_LETTERS = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "þ": "th",
    }
)

# Typographic quotes plus the modifier letters used for Arabic ayn (ʿ) and hamza (ʾ).
_APOSTROPHES = re.compile(r"[\u2018\u2019\u201b\u2032\u02bc\u02bb\u02be\u02bf\u0060\u00b4]")

# "'s" or a bare "'" closing a word: English possessive ("Hamas'", "Hezbollah's").
_POSSESSIVE = re.compile(r"(?<=\w)'s?(?=\W|$)")

# Hyphenated Arabic definite-article forms (sun-letter assimilations included).
_ARABIC_ARTICLES_HYPHEN = frozenset(
    {"al", "el", "ad", "adh", "ash", "as", "an", "ar", "at", "ath", "az", "ul"}
)
# Only these are safe as a free-standing word: "as", "an", "at" are English words.
_ARABIC_ARTICLES_SPACE = frozenset({"al", "el"})

# Word -> folded word, for words whose spelling varies between sources. Kept short on purpose:
# each entry is a known variation in how the press writes names of actors, not a general stemmer.
KNOWN_WORD_FOLDS: dict[str, str] = {
    "guards": "guard",  # Islamic Revolutionary Guard(s) Corps
    "brigade": "brigades",  # Qassam Brigade(s), al-Quds Brigade(s)
    "forces": "force",  # Quds Force(s)
    "houthis": "houthi",  # the movement is called both "Houthi" and "Houthis"
    "huthis": "houthi",
    "huthi": "houthi",
    "jihaad": "jihad",
}

# Word start -> folded start, for name-forming morphemes written two ways. "hezb" is the
# Persian-style spelling of Arabic "hizb" (party): Hezbollah / Hizbullah.
KNOWN_PREFIX_FOLDS: dict[str, str] = {"hezb": "hizb"}

_ALLAH_SUFFIX = re.compile(r"[aou]llah$")
_DOUBLE = re.compile(r"(.)\1+")


def fold_diacritics(s: str) -> str:
    """Remove accents and fold letters without a decomposition ("Erdoğan" -> "Erdogan")."""
    if s.isascii():  # most names: skip the per-character work
        return s
    decomposed = unicodedata.normalize("NFKD", s.translate(_SPECIAL_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def unify_apostrophes(s: str) -> str:
    """Map typographic apostrophes and Arabic ayn/hamza marks to the ASCII apostrophe."""
    return _APOSTROPHES.sub("'", s)


def drop_possessives(s: str) -> str:
    """Drop a word-final possessive ("'s" or "'"), then every remaining apostrophe.

    Expects apostrophes already unified. "Hamas' bureau" -> "Hamas bureau",
    "Sana'a" -> "Sanaa", "Ma'ariv" -> "Maariv".
    """
    return _POSSESSIVE.sub("", s).replace("'", "")


def split_words(s: str) -> list[tuple[str, bool]]:
    """Casefold and split into words; each word comes with whether a hyphen follows it.

    Any run of characters that are not letters or digits separates words, so "U.S." gives
    "u", "s" and "Amir-Abdollahian" gives ("amir", True), ("abdollahian", False).
    """
    words: list[tuple[str, bool]] = []
    for match in re.finditer(r"[^\W_]+", s.casefold()):
        following = s[match.end() : match.end() + 1]
        words.append((match.group(), following in "-\u2010\u2011\u2012\u2013" and following != ""))
    return words


def drop_articles(words: list[tuple[str, bool]]) -> list[str]:
    """Drop a leading "the" and Arabic definite articles that precede another word.

    A hyphenated article ("al-", "ash-", "an-" ...) is always dropped; a free-standing one only
    when it is "al" or "el" ("Al Jazeera"), because "as", "an", "at" are English words. An
    article that is the last word is kept: it is then a name, not an article.
    """
    out: list[str] = []
    last = len(words) - 1
    for i, (word, hyphen_after) in enumerate(words):
        if i < last:
            if i == 0 and word == "the":
                continue
            if hyphen_after and word in _ARABIC_ARTICLES_HYPHEN:
                continue
            if word in _ARABIC_ARTICLES_SPACE:
                continue
        out.append(word)
    return out


def fold_known_words(words: list[str]) -> list[str]:
    """Replace words in ``KNOWN_WORD_FOLDS`` and word starts in ``KNOWN_PREFIX_FOLDS``."""
    out: list[str] = []
    for word in words:
        word = KNOWN_WORD_FOLDS.get(word, word)
        for prefix, folded in KNOWN_PREFIX_FOLDS.items():
            if word.startswith(prefix):
                word = folded + word[len(prefix) :]
        out.append(word)
    return out


def fold_vowels(word: str) -> str:
    """Fold transliteration vowel variants inside one lower-case word.

    "-ollah/-ullah/-allah" -> "allah" (Hezbollah/Hizbullah/Hizballah); "ou" and "oo" -> "u"
    (Arouri/Aruri, Mahmoud/Mahmood); "ee" -> "i" (Mayadeen/Mayadin); "ei"/"ey" -> "ay"
    (Hussein/Husayn, Sheikh/Shaykh). Run before ``collapse_doubles`` so "oo" is not first
    shortened to "o".
    """
    word = _ALLAH_SUFFIX.sub("allah", word)
    word = word.replace("ou", "u").replace("oo", "u").replace("ee", "i")
    return word.replace("ei", "ay").replace("ey", "ay")


def collapse_doubles(word: str) -> str:
    """Collapse runs of one repeated letter ("Qassem" -> "Qasem", "Sanaa" -> "Sana")."""
    return _DOUBLE.sub(r"\1", word)


@lru_cache(maxsize=1 << 16)
def normalize_name(s: str) -> str:
    """The matching key of a name: every rule of this module in order, words concatenated.

    Returns "" for a string without letters or digits. Pure, so results are cached: the
    knowledge base and the matcher ask for the same names many times.
    """
    s = drop_possessives(unify_apostrophes(fold_diacritics(s)))
    words = fold_known_words(drop_articles(split_words(s)))
    return "".join(collapse_doubles(fold_vowels(w)) for w in words)


# Words skipped when forming an acronym: English function words and Romance articles.
_ACRONYM_SKIP = frozenset(
    {"of", "the", "and", "for", "in", "on", "at", "to", "a", "de", "du", "des", "la", "le", "et"}
)


def acronym(s: str) -> str:
    """Initials of the content words, upper-cased.

    "Islamic Revolutionary Guard Corps" -> "IRGC", "Islamic State of Iraq and the Levant" ->
    "ISIL", "Hayat Tahrir al-Sham" -> "HTS" (Arabic articles and "of/the/and/..." skipped,
    hyphenated parts count as words).
    """
    s = drop_possessives(unify_apostrophes(fold_diacritics(s)))
    words = [w for w in drop_articles(split_words(s)) if w not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words).upper()


def needs_exact_case(alias: str) -> bool:
    """Whether a text matcher must match this alias case-sensitively.

    Short all-capital aliases ("US", "AP", "IDF", "PIJ") are English words or noise in lower
    case ("us", "ap"), so a matcher over running text should require the exact case.
    """
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 5 and all(c.isupper() for c in letters)

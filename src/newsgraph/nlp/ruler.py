"""Entity rulers built from the knowledge base: KB names become entities with their KB id.

Three stock spaCy "entity_ruler" components, each pattern's ``id`` the KB id (it reaches
``NerSpan.kb_id``), never overwriting an entity already set:

=====================  ========  ==========  ==================================================
ruler                  where     matches on  what
=====================  ========  ==========  ==================================================
``kb_ruler``           before    LOWER       several-token names of curated/user actors,
                       ner                   governments and countries that contain a word
                                             outside the English dictionary ("Saleh al-Aruri",
                                             "Islamic Revolutionary Guard Corps"), any case
``kb_ruler_cased``     before    ORTH        every other name of those entries exactly as
                       ner                   written: one-word names ("Hizbullah", "Jordan"),
                                             short all-capital aliases ("IRGC", "US": the KB's
                                             exact-case rule) and dictionary-word phrases
                                             ("Islamic Jihad" but not "islamic jihad")
``kb_ruler_places``    after     ORTH        cities and capitals from the gazetteer, as
                       ner                   written; fills only what NER left empty, so "Van"
                                             or "Hamilton" never preempt a person's name
                                             (several-word Middle East names such as "Khan
                                             Younis", which the small model calls PERSON, go
                                             to ``kb_ruler_cased`` instead, and so does a
                                             several-word place name that begins with a name
                                             matched before NER: "Gaza City" would otherwise
                                             lose to "Gaza")
=====================  ========  ==========  ==================================================

The first two run before "ner" because spaCy's recogniser keeps entities that are already set
and predicts around them: a curated person the small model calls ORG ("Ziad Nakhaleh") stays a
PERSON. Demonyms ("Israeli") are never patterns: NER tags them NORP and the entity stage maps
them. One-word gazetteer names that are English dictionary words ("Mobile", "Reading") are left
out, except the main names of large Middle East cities ("Aleppo", "Tyre"), which WordNet also
lists. Labels: PERSON -> PERSON; ORG, MEDIA, ARMED_GROUP, GOVERNMENT -> ORG; COUNTRY, PLACE ->
GPE; OTHER entries get no pattern.

Possessives and hyphens need nothing special: patterns are tokenized by the pipeline's own
tokenizer, which splits "Hezbollah's" and "Hamas'" into name + "'s"/"'", and "al-Aruri" into
"al", "-", "Aruri" on both sides. Diacritics: names are added as written and also folded
("Erdoğan" and "Erdogan").
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from newsgraph.entities.kb import MIDDLE_EAST, SOURCE_RANK, KBEntry
from newsgraph.entities.normalize import fold_diacritics, needs_exact_case

if TYPE_CHECKING:
    from newsgraph.entities.kb import KnowledgeBase

LABELS: Final = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "MEDIA": "ORG",
    "ARMED_GROUP": "ORG",
    "GOVERNMENT": "ORG",
    "COUNTRY": "GPE",
    "PLACE": "GPE",
}
RULERS: Final = ("kb_ruler", "kb_ruler_cased", "kb_ruler_places")
# Entry sources whose names are matched before NER (the rest are gazetteer places).
_ACTOR_SOURCES: Final = frozenset({"curated", "user", "government", "country"})
# Population from which a Middle East city's main name is matched even when it is also in the
# English dictionary ("Aleppo", "Tyre"); smaller towns share names with words ("Of", "Side").
_MAJOR_CITY: Final = 100_000


@dataclass(frozen=True, slots=True)
class RulerPatterns:
    """Patterns per ruler (see module docstring), ready for ``EntityRuler.add_patterns``."""

    lower: tuple[dict[str, Any], ...]
    cased: tuple[dict[str, Any], ...]
    places: tuple[dict[str, Any], ...]

    def __len__(self) -> int:
        return len(self.lower) + len(self.cased) + len(self.places)


_CACHE: dict[tuple[int, str], tuple[KnowledgeBase, RulerPatterns]] = {}
_LOCK = threading.Lock()


def kb_patterns(kb: KnowledgeBase, nlp: Any) -> RulerPatterns:
    """The ruler patterns of ``kb``, built once per KB and language (cached for the process)."""
    key = (id(kb), str(nlp.lang))
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None and hit[0] is kb:
            return hit[1]
    patterns = build_patterns(kb, nlp.tokenizer, dictionary_words(nlp))
    with _LOCK:
        _CACHE[key] = (kb, patterns)
    return patterns


def dictionary_words(nlp: Any) -> frozenset[str]:
    """Lower-case English words: the lemmatizer's word index plus the stop words.

    The index (content words) alone misses "the", "of": "The Guardian" must count as all
    dictionary words, so it matches as written and never "the guardian".
    """
    stop = frozenset(getattr(nlp.Defaults, "stop_words", ()))
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return stop
    return stop | frozenset(word for words in table.values() for word in words)


def build_patterns(
    kb: KnowledgeBase | Iterable[KBEntry], tokenizer: Any, dictionary: frozenset[str]
) -> RulerPatterns:
    """Sort every KB name into the three rulers; one pattern per surface, best entry wins.

    Ties between entries sharing a surface are broken like ``KnowledgeBase.lookup``: source
    rank, canonical name before alias, population, load order.
    """
    best: dict[tuple[str, str], tuple[tuple[int, int, int, int], dict[str, Any]]] = {}
    for order, entry in enumerate(kb):
        label = LABELS.get(entry.type)
        if label is None:
            continue
        actor = entry.source in _ACTOR_SOURCES or entry.type != "PLACE"
        near = entry.country in MIDDLE_EAST
        for n, name in enumerate(entry.names):
            for form in dict.fromkeys((name, fold_diacritics(name))):
                words = [t.text for t in tokenizer(form) if not t.is_space]
                if not words:
                    continue
                major = near and n == 0 and (entry.population or 0) >= _MAJOR_CITY
                ruler = _ruler_for(form, words, actor, dictionary, near, major)
                if ruler is None:
                    continue
                surface = " ".join(w.lower() for w in words) if ruler == "lower" else form
                rank = (
                    SOURCE_RANK.get(entry.source, 9),
                    0 if n == 0 else 1,
                    -(entry.population or 0),
                    order,
                )
                pattern = {"label": label, "pattern": form, "id": entry.id}
                old = best.get((ruler, surface))
                if old is None or rank < old[0]:
                    best[(ruler, surface)] = (rank, pattern)
    out: dict[str, list[dict[str, Any]]] = {"lower": [], "cased": [], "places": []}
    early = {surface for (ruler, surface) in best if ruler == "cased"}
    for (ruler, surface), (_rank, pattern) in best.items():
        if (
            ruler == "places"
            and _extends(surface, early, tokenizer)
            and (("cased", surface) not in best)
        ):
            ruler = "cased"  # "Gaza City": the ruler before NER would keep only "Gaza"
        out[ruler].append(pattern)
    return RulerPatterns(tuple(out["lower"]), tuple(out["cased"]), tuple(out["places"]))


def _extends(surface: str, early: set[str], tokenizer: Any) -> bool:
    """Whether a several-word name starts with a name matched before NER ("Gaza City")."""
    if " " not in surface:
        return False
    head = surface.split(" ", 1)[0]
    if head not in early:
        return False
    return len([t for t in tokenizer(surface) if not t.is_space]) > 1


def _ruler_for(
    form: str,
    words: list[str],
    actor: bool,
    dictionary: frozenset[str],
    near: bool,
    major: bool = False,
) -> str | None:
    """Which ruler a name goes to ("lower", "cased", "places"), or None to leave it out.

    ``major``: the main name of a Middle East city of 100,000 people or more; the dictionary
    (WordNet's lemma index) lists "aleppo", "gaza", "tyre" as words too, and such a name is a
    city first in the news we read.
    """
    if not actor:
        if len(form) < 3 or (len(words) == 1 and words[0].lower() in dictionary and not major):
            return None  # "Mobile", "Reading": an English word first, a city second
        if near and len(words) > 1 and any(w.lower() not in dictionary for w in words):
            # Transliterated Middle East place names the small model often calls PERSON
            # ("Khan Younis", "Deir al-Balah"): set before NER, as written.
            return "cased"
        return "places"
    if needs_exact_case(form) or len(words) == 1:
        return "cased"
    if all(w.lower() in dictionary or not w.isalpha() for w in words):
        return "cased"  # "Islamic Jihad": only as written, never "islamic jihad"
    return "lower"


def add_kb_rulers(nlp: Any, kb: KnowledgeBase) -> None:
    """Add the three KB entity rulers to ``nlp`` (two before "ner", one after)."""
    patterns = kb_patterns(kb, nlp)
    has_ner = "ner" in nlp.pipe_names
    specs = (
        ("kb_ruler", "LOWER", patterns.lower, {"before": "ner"} if has_ner else {}),
        ("kb_ruler_cased", "ORTH", patterns.cased, {"before": "ner"} if has_ner else {}),
        ("kb_ruler_places", "ORTH", patterns.places, {}),
    )
    for name, attr, items, where in specs:
        ruler = nlp.add_pipe(
            "entity_ruler",
            name=name,
            config={"phrase_matcher_attr": attr, "overwrite_ents": False, "validate": False},
            **where,
        )
        # Phrase patterns need only the tokenizer; keep the statistical pipes from running on
        # tens of thousands of names (add_patterns would run the pipes before the ruler).
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(list(items))

"""Linking within one document: each mention candidate -> an entity reference, with a reason.

Rules, tried in this order for a name (each link records its rule in a ``MergeDecision``):

``kb_ruler``            the entity ruler already matched a knowledge-base alias (``kb_id``)
``surname_in_doc``      a one- or two-word person name equal to the last words of a person named
                        in full earlier in the document ("Hamad" after "Ghazi Hamad"); never on a
                        first name, never across different letters ("Hamad" is not "Hamas")
``place_context``       a name the model tagged PERSON, ORG or NORP that the knowledge base
                        knows only as a gazetteer place, written where a place stands ("near
                        Khiam", "the outskirts of Eilat", "Sanaa's mayor"), or a several-word
                        Middle East place name ("Khan Younis"): the place
``kb_alias``            ``KnowledgeBase.lookup`` finds the name (all spelling variants meet
                        there: Hizbullah == Hezbollah, al-Aruri == al-Arouri), filtered by what
                        the NER label allows (a PERSON span does not become a city)
``metonym_agent``       a capital or country name that acts (subject of a verb, agent of a
                        passive, "<Name>-backed") stands for the government ("Tehran has
                        provided funding" -> Government of Iran); as a place ("in Tehran") it
                        stays the city or country
``acronym_parenthesis`` "Foundation for Defense of Democracies (FDD)": the acronym in
                        parentheses names the entity just before it
``acronym_in_doc``      an unknown acronym equal to the initials of exactly one entity of the
                        document
``short_form_in_doc``   an unknown name of two or more words that is part of exactly one longer
                        name earlier in the document
``new_entity``          none of the above: a new entity keyed by the normalized name; a weapon
                        name of the lexicon ("Katyusha") is no entity at all
``demonym_institution`` / ``demonym_government``: "Israeli military" -> the IDF (a KB name),
                        "Jordanian army" -> Government of Jordan when the KB has no such entry;
                        never on people or non-state groups ("Palestinian militants",
                        ``context.demonym_names_state``)
``descriptive``         "the Lebanese group" -> the one compatible actor that is salient: named
                        earlier in the same sentence, else in the nearest earlier sentence that
                        names any compatible actor; two candidates there -> no link
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.entities.canonical import name_words
from newsgraph.entities.context import demonym_names_state, is_weapon_name, place_context
from newsgraph.entities.kb import MIDDLE_EAST, KBEntry, KnowledgeBase, alias_key
from newsgraph.entities.mentions import Candidate, demonym_country, token_range
from newsgraph.entities.normalize import acronym, normalize_name
from newsgraph.model import Document, ParsedDocument

__all__ = ["LABEL_TYPES", "Linked", "link_document"]

#: Entity type of an unknown name, by NER label.
LABEL_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
_CURATED = ("curated", "user")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_AGENT_COMPOUNDS = ("backed", "funded", "sponsored", "supported", "led", "aligned", "allied")
_ACTOR_TYPES = frozenset({"ORG", "ARMED_GROUP", "GOVERNMENT", "MEDIA"})
_DESCRIPTIVE_LOOKBACK = 3  # sentences
# Types that, when the KB knows a name as one of them, keep a PERSON/ORG label from becoming a
# place ("Hamad" the person is never the town).
_NAMED_ACTOR_TYPES = frozenset({"PERSON", "ORG", "ARMED_GROUP", "GOVERNMENT", "MEDIA"})
_PLACE_OVERRIDES = frozenset({"PERSON", "ORG", "NORP"})


@dataclass(slots=True)
class Linked:
    """A candidate linked to an entity reference: a KB id, or a local key for a new entity."""

    cand: Candidate
    ref: str  # KB id, or "new:<TYPE>:<key>" for a name not in the KB
    type: str
    label: str  # Mention.label: NER label, "ruler", "surname", "acronym", "demonym", ...
    rule: str
    detail: str
    entry: KBEntry | None = None
    surface: str = ""  # the name as written (candidate text)


def _compatible(label: str, entry: KBEntry) -> bool:
    """Whether an NER label allows linking to this entry."""
    curated = entry.source in _CURATED
    if label == "PERSON":
        return entry.type == "PERSON" or (curated and entry.type != "PLACE")
    if label in ("GPE", "LOC", "FAC"):
        return entry.type in ("COUNTRY", "PLACE", "GOVERNMENT") or curated
    if label == "NORP":
        return curated and entry.type != "COUNTRY"
    return entry.type not in ("PLACE", "COUNTRY") or curated or entry.source == "capital"


def _is_agent(parsed: ParsedDocument, body: str, cand: Candidate) -> str | None:
    """How the name acts, if it does: "subject of 'provided'", "'-backed'", ...; else None."""
    after = body[cand.end : cand.end + 12].lower()
    for word in _AGENT_COMPOUNDS:
        if after.startswith("-" + word):
            return f"it is the agent of '-{word}'"
    if cand.head < 0 or cand.head >= len(parsed.tokens):
        return None
    tokens = parsed.tokens
    tok = tokens[cand.head]
    seen = 0
    while tok.dep == "conj" and seen < 10:  # "Hezbollah and Iran prefer": the first conjunct
        tok = tokens[tok.head]
        seen += 1
    head = tokens[tok.head]
    verb = body[head.start : head.end]
    if tok.dep in _SUBJECT_DEPS and head.pos in ("VERB", "AUX"):
        return f"it is the subject of '{verb}'"
    if tok.dep == "pobj" and head.dep == "agent":
        governor = tokens[head.head]
        return f"it is the agent of '{body[governor.start : governor.end]}'"
    return None


class _DocLinker:
    """Links the candidates of one document in order, remembering what it has linked."""

    def __init__(self, doc: Document, parsed: ParsedDocument, kb: KnowledgeBase):
        self.doc = doc
        self.parsed = parsed
        self.kb = kb
        self.linked: list[Linked] = []
        self.pending_acronyms: list[Candidate] = []

    # ------------------------------------------------------------------ helpers

    def _make(self, cand: Candidate, entry: KBEntry, label: str, rule: str, detail: str) -> Linked:
        return Linked(cand, entry.id, entry.type, label, rule, detail, entry, cand.text)

    def _country_of(self, link: Linked) -> str | None:
        return link.entry.country if link.entry else None

    def _persons(self) -> dict[str, list[list[str]]]:
        """Person refs of the document so far -> the word lists of their full names."""
        out: dict[str, list[list[str]]] = {}
        for link in self.linked:
            if link.type == "PERSON":
                words = name_words(link.surface)
                if len(words) >= 2:
                    out.setdefault(link.ref, []).append(words)
        return out

    # ------------------------------------------------------------------ rules

    def _surname(self, cand: Candidate) -> Linked | None:
        words = name_words(cand.text)
        # Any label but NORP: the small model tags surnames as places too ("the killing of
        # Makki"); a match needs a person named in full in this document, so it stays safe.
        if not 1 <= len(words) <= 2 or cand.label == "NORP":
            return None
        refs = {
            ref
            for ref, names in self._persons().items()
            for full in names
            if len(full) > len(words) and full[-len(words) :] == words
        }
        if len(refs) != 1:
            return None
        ref = refs.pop()
        first = next(lk for lk in self.linked if lk.ref == ref)
        return Linked(
            cand,
            ref,
            "PERSON",
            "surname",
            "surname_in_doc",
            f"{cand.text!r} is the surname of {first.surface!r}, the only person of that "
            "surname named in full earlier in this document",
            first.entry,
            cand.text,
        )

    def _government_if_agent(self, cand: Candidate, entry: KBEntry) -> Linked | None:
        """A country or capital that acts stands for its government ("Tehran has provided")."""
        if entry.type not in ("COUNTRY", "PLACE"):
            return None
        gov_id = entry.metonym_of or (
            f"ng:gov:{entry.country.lower()}" if entry.type == "COUNTRY" and entry.country else None
        )
        agent = _is_agent(self.parsed, self.doc.body, cand) if gov_id else None
        gov = self.kb.get(gov_id) if gov_id and agent else None
        if gov is None:
            return None
        return self._make(
            cand,
            gov,
            "ruler" if cand.kb_id else cand.label,
            "metonym_agent",
            f"{cand.text!r} names {entry.name} ({entry.id}) and {agent}, so it stands for "
            f"{gov.name}",
        )

    def _place(self, cand: Candidate) -> Linked | None:
        """A gazetteer place the model mistyped PERSON/ORG/NORP ("Khan Younis", "near Khiam")."""
        if cand.label not in _PLACE_OVERRIDES or cand.kb_id:
            return None
        entries = self.kb.lookup(cand.text)
        if not entries or any(e.type in _NAMED_ACTOR_TYPES for e in entries):
            return None  # unknown, or the KB knows a person or organisation by that name
        place = next((e for e in entries if e.type == "PLACE"), None)
        if place is None:
            return None
        first, last = token_range(self.parsed, cand.start, cand.end)
        why = place_context(self.doc.body, self.parsed, first, last) if last > first else None
        if why is None and len(name_words(cand.text)) >= 2 and place.country in MIDDLE_EAST:
            why = "it is a several-word Middle East place name"
        if why is None:
            return None
        return self._make(
            cand,
            place,
            "GPE",
            "place_context",
            f"{cand.text!r} (tagged {cand.label}) is known only as the place {place.name} "
            f"({place.id}) and {why}",
        )

    def _kb(self, cand: Candidate) -> Linked | None:
        entries = [e for e in self.kb.lookup(cand.text) if _compatible(cand.label, e)]
        if not entries:
            return None
        entry = entries[0]
        key = alias_key(cand.text)
        alias = next((n for n in entry.names if alias_key(n) == key), entry.name)
        label = cand.label
        as_government = self._government_if_agent(cand, entry)
        if as_government is not None:
            return as_government
        if len(entries) > 1 and entries[1].source == entry.source:
            others = ", ".join(e.id for e in entries[1:3])
            note = f"; also matches {others}, ranked lower"
        else:
            note = ""
        return self._make(
            cand,
            entry,
            label,
            "kb_alias",
            f"{cand.text!r} has the name key of {alias!r}, a name of {entry.name} "
            f"({entry.id}){note}",
        )

    def _acronym_parenthesis(self, cand: Candidate) -> Linked | None:
        body = self.doc.body
        if not self.linked or body[cand.start - 1 : cand.start] != "(":
            return None
        prev = self.linked[-1]
        if body[prev.cand.end : cand.start].strip() != "(":
            return None
        names = [prev.surface, *(prev.entry.names if prev.entry else ())]
        if not any(acronym(n) == cand.text for n in names):
            return None
        return Linked(
            cand,
            prev.ref,
            prev.type,
            "acronym",
            "acronym_parenthesis",
            f"{cand.text!r} is introduced in parentheses right after {prev.surface!r}, "
            "whose initials it is",
            prev.entry,
            cand.text,
        )

    def _acronym_in_doc(self, cand: Candidate) -> Linked | None:
        refs: dict[str, Linked] = {}
        for link in self.linked:
            if link.type == "PERSON" or link.rule == "descriptive":
                continue
            names = [link.surface, *(link.entry.names if link.entry else ())]
            if any(len(n.split()) >= 2 and acronym(n) == cand.text for n in names):
                refs.setdefault(link.ref, link)
        if len(refs) != 1:
            return None
        link = next(iter(refs.values()))
        return Linked(
            cand,
            link.ref,
            link.type,
            "acronym",
            "acronym_in_doc",
            f"{cand.text!r} is the acronym of {link.surface!r}, the only entity of this "
            "document with those initials",
            link.entry,
            cand.text,
        )

    def _short_form(self, cand: Candidate) -> Linked | None:
        words = name_words(cand.text)
        if len(words) < 2 or cand.label not in ("ORG", "GPE", "LOC", "FAC", "NORP"):
            return None
        refs: dict[str, Linked] = {}
        for link in self.linked:
            if link.type == "PERSON" or link.rule == "descriptive":
                continue
            full = name_words(link.surface)
            n = len(words)
            if len(full) > n and any(full[i : i + n] == words for i in range(len(full) - n + 1)):
                refs.setdefault(link.ref, link)
        if len(refs) != 1:
            return None
        link = next(iter(refs.values()))
        return Linked(
            cand,
            link.ref,
            link.type,
            cand.label,
            "short_form_in_doc",
            f"{cand.text!r} is a short form of {link.surface!r}, named earlier in this document",
            link.entry,
            cand.text,
        )

    def _new(self, cand: Candidate) -> Linked | None:
        entity_type = LABEL_TYPES.get(cand.label)
        key = normalize_name(cand.text)
        if entity_type is None or not key:
            return None
        ref = f"new:{entity_type}:{key}"
        seen = any(lk.ref == ref for lk in self.linked)
        return Linked(
            cand,
            ref,
            entity_type,
            cand.label,
            "same_name_in_doc" if seen else "new_entity",
            (
                f"{cand.text!r} has the same normalized name as an earlier mention"
                if seen
                else f"{cand.text!r} is not in the knowledge base: a new {entity_type} entity"
            ),
            None,
            cand.text,
        )

    def _demonym(self, cand: Candidate) -> Linked | None:
        country = self.kb.by_code(cand.country) if cand.country else None
        if country is None or not demonym_names_state(cand.institution):
            return None  # "Palestinian militants": people from a country, not its state
        for entry in self.kb.lookup(cand.text):
            if entry.type in _ACTOR_TYPES and entry.country == country.country:
                return self._make(
                    cand,
                    entry,
                    "demonym",
                    "demonym_institution",
                    f"{cand.text!r} is a name of {entry.name} ({entry.id})",
                )
        gov = self.kb.get(f"ng:gov:{country.country.lower()}") if country.country else None
        if gov is None:
            return None
        return self._make(
            cand,
            gov,
            "demonym",
            "demonym_government",
            f"{cand.text!r} is the {cand.institution} of {country.name}, which has no entry "
            f"of its own: linked to {gov.name}",
        )

    def _before_weapon(self, cand: Candidate) -> bool:
        """Whether the word after the name is a weapon noun ("Grad rockets")."""
        rest = self.doc.body[cand.end : cand.end + 20].split()
        return bool(rest) and is_weapon_name(rest[0].strip(".,;:"))

    def _descriptive(self, cand: Candidate) -> Linked | None:
        def fits(link: Linked) -> bool:
            if link.type not in cand.types:
                return False
            return cand.country is None or self._country_of(link) == cand.country

        same = [
            lk
            for lk in self.linked
            if lk.cand.sentence == cand.sentence and lk.cand.end <= cand.start and fits(lk)
        ]
        where = "earlier in the same sentence"
        pool = same
        if not same:
            for back in range(1, _DESCRIPTIVE_LOOKBACK + 1):
                pool = [
                    lk
                    for lk in self.linked
                    if lk.cand.sentence == cand.sentence - back and fits(lk)
                ]
                if pool:
                    where = f"{back} sentence(s) before"
                    break
        refs = {lk.ref: lk for lk in pool}
        if len(refs) != 1:
            return None
        target = next(iter(refs.values()))
        wanted = "|".join(sorted(cand.types)) + (f" of {cand.country}" if cand.country else "")
        return Linked(
            cand,
            target.ref,
            target.type,
            "descriptive",
            "descriptive",
            f"{cand.text!r} describes a {wanted}; the only such actor named {where} is "
            f"{target.surface!r}",
            target.entry,
            cand.text,
        )

    # ------------------------------------------------------------------ driver

    def link_one(self, cand: Candidate) -> Linked | None:
        if cand.kind == "descriptive":
            return self._descriptive(cand)
        if cand.kind == "demonym":
            return self._demonym(cand)
        if cand.kb_id:
            entry = self.kb.get(cand.kb_id)
            if entry is not None:
                return self._government_if_agent(cand, entry) or self._make(
                    cand,
                    entry,
                    "ruler",
                    "kb_ruler",
                    f"the entity ruler matched {cand.text!r} to {entry.name} ({entry.id})",
                )
        if cand.label == "NORP":
            # A bare demonym ("Israeli civilians") is not a mention of a state; a NORP span
            # that is a curated name ("Houthis") is.
            if demonym_country(self.kb, cand.text) is not None:
                return None
            return self._kb(cand) or self._place(cand)
        if is_weapon_name(cand.text) and (cand.label != "ORG" or self._before_weapon(cand)):
            return None  # "Katyusha rockets": a weapon, not a place or an organisation
        is_acronym = cand.text.isupper() and 2 <= len(cand.text) <= 6 and cand.text.isalpha()
        found = (
            self._surname(cand)
            or self._place(cand)
            or self._kb(cand)
            or (self._acronym_parenthesis(cand) if is_acronym else None)
            or (self._acronym_in_doc(cand) if is_acronym else None)
            or self._short_form(cand)
        )
        if found is None and is_acronym:
            self.pending_acronyms.append(cand)
            return None
        return found or self._new(cand)

    def run(self, cands: list[Candidate]) -> list[Linked]:
        for cand in cands:
            link = self.link_one(cand)
            if link is not None:
                self.linked.append(link)
        # An acronym may come before its full name: try again with the whole document.
        for cand in self.pending_acronyms:
            link = self._acronym_in_doc(cand) or self._new(cand)
            if link is not None:
                self.linked.append(link)
        self.linked.sort(key=lambda lk: lk.cand.start)
        return self.linked


def link_document(
    doc: Document, parsed: ParsedDocument, cands: list[Candidate], kb: KnowledgeBase
) -> list[Linked]:
    """Link the candidates of one document; returns linked mentions in text order."""
    return _DocLinker(doc, parsed, kb).run(cands)

"""Roles and relations stated in the text, each with the span that states it.

Patterns over the linked mentions of one sentence (role words from ``data/role_patterns.tsv``):

==================  ============================================================================
pattern             example -> relation
==================  ============================================================================
title before name   "Hezbollah's Secretary General Hassan Nasrallah" -> leader_of(Nasrallah,
                    Hezbollah); "Reuters journalist Issam Abdallah" -> employee_of; "Iranian
                    supreme leader Ali Khamenei" -> leader_of(Khamenei, Government of Iran)
appositive          "Ghazi Hamad, a member of Hamas' decision-making political bureau" ->
                    member_of(Hamad, Hamas, "political bureau"); "Khalil al-Hayya, deputy head
                    of Hamas in Gaza" -> deputy_of(..., "Gaza"); "X, an IRGC commander and
                    senior adviser to Iranian leader Ali Khamenei" -> commander_in + adviser_to
"as" clause         "identifying him as a senior field commander in Hezbollah" (him = the
                    nearest person named before)
possessive          "Ismail Haniyeh, head of ..., and his deputy Saleh al-Arouri" -> deputy_of
                    what Haniyeh heads, else of Haniyeh
"of" group          "Ziad Nakhaleh of the allied group Islamic Jihad" -> member_of
backing             "Iran-backed Hezbollah", "Iran-backed groups ..., including Hamas and
                    Hizbullah", "The IRGC directly backs Lebanese Hizbullah" -> backs
part of             "the Quds Force -- the foreign operations arm of the IRGC" -> part_of
==================  ============================================================================

A country named as the holder of an office ("US President Joe Biden") is relinked to its
government; a role marked "former" is not reported.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.entities.canonical import role_phrases
from newsgraph.entities.kb import KnowledgeBase
from newsgraph.entities.link import Linked
from newsgraph.entities.mentions import Candidate, demonym_country
from newsgraph.model import Document, ParsedDocument

__all__ = ["RawRelation", "extract_relations"]

_BACKING_VERBS = frozenset({"back", "support", "fund", "finance", "arm", "sponsor", "bankroll"})
_GROUP_NOUNS = r"(?:groups|allies|proxies|militias|factions|movements|organizations)"
_PART_NOUNS = r"(?:arm|wing|branch|unit|affiliate|division|offshoot)"
_ACTORS = frozenset({"ORG", "ARMED_GROUP", "GOVERNMENT", "MEDIA", "OTHER"})


@dataclass(frozen=True, slots=True)
class RawRelation:
    """A relation between entity refs of one document (KB ids or "new:" keys)."""

    subject: str
    predicate: str
    object: str
    qualifier: str | None
    start: int  # evidence span in the document body
    end: int


@lru_cache(maxsize=1)
def _title() -> str:
    """Regex (no groups) for a role title with optional modifiers: "senior field commander"."""
    roles = role_phrases()
    phrases = sorted(roles.predicates, key=len, reverse=True)
    mods = sorted(roles.modifiers | roles.past, key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    mod = "|".join(re.escape(m) for m in mods)
    return rf"(?:(?:{mod})\s+)*(?:{alt})"


class _Sentence:
    """The anchors (linked mentions) of one sentence, and the patterns over them."""

    def __init__(
        self,
        doc: Document,
        kb: KnowledgeBase,
        anchors: list[Linked],
        span: tuple[int, int],
        out: list[RawRelation],
    ):
        self.kb = kb
        self.body = doc.body
        self.anchors = anchors
        self.start, self.end = span
        self.out = out
        self.title = _title()
        self.roles = role_phrases()

    def at(self, pos: int) -> Linked | None:
        """The anchor starting at ``pos`` (after spaces, or after a "the" it does not cover)."""
        while pos < len(self.body) and self.body[pos].isspace():
            pos += 1
        for anchor in self.anchors:
            if anchor.cand.start == pos:
                return anchor
            if anchor.cand.start == pos + 4 and self.body[pos : pos + 4].lower() == "the ":
                return anchor
        return None

    def add(
        self,
        subject: Linked,
        predicate: str,
        obj: Linked,
        qualifier: str | None,
        start: int,
        end: int,
    ) -> None:
        # A state holds offices and backs groups through its government, not its territory.
        _government_anchor(self.kb, obj)
        if predicate == "backs":
            _government_anchor(self.kb, subject)
        if subject.ref == obj.ref:
            return
        self.out.append(RawRelation(subject.ref, predicate, obj.ref, qualifier, start, end))

    def role(
        self, subject: Linked, title: str, obj: Linked, qual: str | None, s: int, e: int
    ) -> None:
        """Add the relation a title states, unless it is a former role."""
        if self.roles.is_past(title):
            return
        predicate = self.roles.predicate(" ".join(title.split()))
        if predicate is None:
            return
        if predicate == "employee_of" and obj.type not in ("MEDIA", "ORG"):
            return
        qualifier = qual
        # "Hamas' political bureau" matched as its own KB entry: report the body as the
        # qualifier of its parent, as the text states it ("member of Hamas, political bureau").
        parent = _parent_body(self.kb, obj)
        if parent is not None:
            parent_id, body_name = parent
            self.out.append(RawRelation(subject.ref, predicate, parent_id, body_name, s, e))
            return
        if qualifier is None and predicate in ("member_of", "commander_in", "leader_of"):
            words = title.lower().split()
            qualifier = " ".join(words) if len(words) > 1 else None
        self.add(subject, predicate, obj, qualifier, s, e)

    def qualifier_after(self, obj: Linked) -> tuple[str | None, int]:
        """ "Hamas' decision-making political bureau" -> "political bureau"; "in Gaza" -> "Gaza"."""
        tail = self.body[obj.cand.end : self.end]
        m = re.match(r"(?:['’]s?)\s+((?:[\w-]+\s+){0,3}?[\w-]+)(?=\s*(?:[,.;:]|$|\band\b))", tail)
        if m and m.group(1)[:1].islower():
            words = [w for w in m.group(1).split() if "-" not in w]
            if words:
                return " ".join(words), obj.cand.end + m.end()
        m = re.match(r"\s+in\s+", tail)
        if m:
            place = self.at(obj.cand.end + m.end())
            if place is not None and place.type in ("PLACE", "COUNTRY"):
                return place.surface, place.cand.end
        return None, obj.cand.end

    # ------------------------------------------------------------------ patterns

    def title_before(self, person: Linked, index: int) -> None:
        """ORG ['s] TITLE PERSON, and "his deputy PERSON"."""
        prev = self.anchors[index - 1] if index > 0 else None
        if prev is not None and prev.type != "PERSON":
            gap = self.body[prev.cand.end : person.cand.start]
            m = re.fullmatch(rf"(?:['’]s?)?\s+(?P<t>{self.title})\s+", gap, re.IGNORECASE)
            if m:
                # "former Israeli Prime Minister X": the past marker precedes the state's name.
                lead = re.search(r"(\w+)\s*$", self.body[self.start : prev.cand.start])
                title = (lead.group(1) + " " if lead else "") + m.group("t")
                if not self.roles.is_past(title):
                    self.role(person, m.group("t"), prev, None, prev.cand.start, person.cand.end)
                return
        lo = prev.cand.end if prev is not None else self.start
        m = re.search(
            rf"\b(?:his|her)\s+(?P<t>{self.title})\s+$",
            self.body[lo : person.cand.start],
            re.IGNORECASE,
        )
        if not m:
            return
        owner = next(
            (a for a in reversed(self.anchors[:index]) if a.type == "PERSON"),
            None,
        )
        if owner is None:
            return
        predicate = self.roles.predicate(" ".join(m.group("t").split()))
        start = owner.cand.start
        # "X, head of Hamas' political bureau, and his deputy Y": Y is deputy of what X heads.
        for rel in reversed(self.out):
            if (
                rel.subject == owner.ref
                and rel.predicate == "leader_of"
                and rel.start >= self.start
            ):
                if predicate == "deputy_of" and not self.roles.is_past(m.group("t")):
                    self.out.append(
                        RawRelation(
                            person.ref,
                            "deputy_of",
                            rel.object,
                            rel.qualifier,
                            start,
                            person.cand.end,
                        )
                    )
                return
        self.role(person, m.group("t"), owner, None, start, person.cand.end)

    def appositive(self, person: Linked) -> None:
        """PERSON, [a] TITLE of ORG [...] [and TITLE to X]; PERSON, an ORG TITLE; ... as ..."""
        pos = person.cand.end
        intro = re.compile(
            rf"\s*(?:,|\s+as)\s*(?:(?:a|an|the)\s+)?(?P<pre>(?:[\w’'.]+-[\w-]+\s+)*)"
            rf"(?P<t>{self.title})\s+(?:of|in|for|to|at|with|from)\s+",
            re.IGNORECASE,
        )
        more = re.compile(
            rf"\s*,?\s*and\s+(?:(?:a|an|the)\s+)?(?P<t>{self.title})\s+(?:of|in|for|to|at)\s+",
            re.IGNORECASE,
        )
        m = intro.match(self.body, pos, self.end)
        if m is None:
            self.apposition_org_title(person)
            return
        while m is not None:
            obj = self.at(m.end())
            if obj is None:
                return
            end = obj.cand.end
            # "adviser to Iranian leader Ali Khamenei": the person after the title chain.
            nxt = self.anchors.index(obj) + 1
            if nxt < len(self.anchors) and self.anchors[nxt].type == "PERSON":
                gap = self.body[obj.cand.end : self.anchors[nxt].cand.start]
                if re.fullmatch(rf"(?:['’]s?)?\s+{self.title}\s+", gap, re.IGNORECASE):
                    obj = self.anchors[nxt]
                    end = obj.cand.end
            qualifier, qend = self.qualifier_after(obj)
            end = max(end, qend)
            self.role(person, m.group("t"), obj, qualifier, person.cand.start, end)
            m = more.match(self.body, end, self.end)

    def apposition_org_title(self, person: Linked) -> None:
        """ "Yahya Rahim Safavi, an IRGC commander [and senior adviser to ...]"."""
        m = re.compile(r"\s*,\s*(?:a|an|the)\s+").match(self.body, person.cand.end, self.end)
        if m is None:
            return
        org = self.at(m.end())
        if org is None or org.type == "PERSON":
            return
        t = re.compile(rf"\s+(?P<t>{self.title})(?![\w-])", re.IGNORECASE).match(
            self.body, org.cand.end, self.end
        )
        if t is None:
            return
        self.role(person, t.group("t"), org, None, person.cand.start, t.end())
        # Let the coordinated role after it be read as an appositive of the same person.
        rest = re.compile(
            rf"\s*,?\s*and\s+(?:(?:a|an|the)\s+)?(?P<t>{self.title})\s+(?:of|in|for|to|at)\s+",
            re.IGNORECASE,
        ).match(self.body, t.end(), self.end)
        if rest is None:
            return
        obj = self.at(rest.end())
        if obj is None:
            return
        nxt = self.anchors.index(obj) + 1
        if nxt < len(self.anchors) and self.anchors[nxt].type == "PERSON":
            gap = self.body[obj.cand.end : self.anchors[nxt].cand.start]
            if re.fullmatch(rf"(?:['’]s?)?\s+{self.title}\s+", gap, re.IGNORECASE):
                obj = self.anchors[nxt]
        self.role(person, rest.group("t"), obj, None, person.cand.start, obj.cand.end)

    def identified_as(self, previous_person: Linked | None) -> None:
        """ "... identifying him as a senior field commander in Hezbollah"."""
        pattern = re.compile(
            rf"\b(?:him|her)\s+as\s+(?:(?:a|an|the)\s+)?(?P<t>{self.title})\s+"
            r"(?:of|in|for|to|at|with)\s+",
            re.IGNORECASE,
        )
        for m in pattern.finditer(self.body, self.start, self.end):
            obj = self.at(m.end())
            subject = next(
                (
                    a
                    for a in reversed(self.anchors)
                    if a.type == "PERSON" and a.cand.end <= m.start()
                ),
                previous_person,
            )
            if obj is None or subject is None:
                continue
            # Evidence: from the subject when it is named in this sentence, else from the pronoun.
            start = subject.cand.start if subject.cand.start >= self.start else m.start()
            self.role(subject, m.group("t"), obj, None, start, obj.cand.end)

    def of_group(self, person: Linked) -> None:
        """ "Ziad Nakhaleh of the allied group Islamic Jihad" -> member_of."""
        m = re.compile(r"\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}").match(
            self.body, person.cand.end, self.end
        )
        if m is None:
            return
        obj = self.at(m.end())
        if obj is not None and obj.type in ("ARMED_GROUP", "ORG") and obj.rule != "descriptive":
            self.add(person, "member_of", obj, None, person.cand.start, obj.cand.end)

    def backed(self, backer: Linked) -> None:
        """ "Iran-backed Hezbollah"; "Iran-backed groups ..., including Hamas and Hizbullah"."""
        m = re.compile(r"-backed\s+").match(self.body, backer.cand.end, self.end)
        if m is None:
            return
        pos = m.end()
        for _ in range(3):
            obj = self.at(pos)
            if obj is not None:
                if obj.type in _ACTORS:
                    self.add(backer, "backs", obj, None, backer.cand.start, obj.cand.end)
                return
            word = re.compile(r"([\w-]+)\s+").match(self.body, pos, self.end)
            if word is None:
                break
            pos = word.end()
        group = re.compile(rf"(?:[\w-]+\s+){{0,3}}?{_GROUP_NOUNS}\b").match(
            self.body, m.end(), self.end
        )
        if group is None:
            return
        inc = re.compile(r"[^.;]*?,\s*including\s+").match(self.body, group.end(), self.end)
        if inc is None:
            return
        pos = inc.end()
        while True:
            obj = self.at(pos)
            if obj is None or obj.type not in _ACTORS:
                break
            self.add(backer, "backs", obj, None, backer.cand.start, obj.cand.end)
            sep = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)").match(self.body, obj.cand.end)
            if sep is None:
                break
            pos = sep.end()

    def part_of(self, part: Linked) -> None:
        """ "the Quds Force -- the foreign operations arm of the IRGC" -> part_of."""
        m = re.compile(
            rf"\s*(?:--|—|–|,)\s*(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{_PART_NOUNS}\s+of\s+",
            re.IGNORECASE,
        ).match(self.body, part.cand.end, self.end)
        if m is None:
            return
        whole = self.at(m.end())
        if whole is not None and whole.type in _ACTORS and part.type in _ACTORS:
            self.add(part, "part_of", whole, None, part.cand.start, whole.cand.end)


def _parent_body(kb: KnowledgeBase, obj: Linked) -> tuple[str, str] | None:
    """(parent id, body words) for an ORG entry named "<Parent> <body>" that is part_of it."""
    entry = obj.entry
    if entry is None or entry.type != "ORG":
        return None
    for role in entry.roles:
        parent = kb.get(role.object) if role.predicate == "part_of" else None
        if parent is not None and entry.name.lower().startswith(parent.name.lower() + " "):
            return parent.id, entry.name[len(parent.name) + 1 :].lower()
    return None


def _backing_verbs(
    doc: Document, parsed: ParsedDocument, anchors: list[Linked], out: list[RawRelation]
) -> None:
    """ "The IRGC directly backs Lebanese Hizbullah and also supports Hamas" -> backs."""
    by_head = {a.cand.head: a for a in anchors if a.cand.head >= 0 and a.type in _ACTORS}
    tokens = parsed.tokens
    children: dict[int, list[int]] = {}
    for i, tok in enumerate(tokens):
        if tok.head != i:
            children.setdefault(tok.head, []).append(i)
    for v, verb in enumerate(tokens):
        if verb.pos != "VERB" or verb.lemma.lower() not in _BACKING_VERBS:
            continue
        kids = children.get(v, [])
        if any(tokens[k].dep == "neg" for k in kids):
            continue
        subj = next((by_head[k] for k in kids if tokens[k].dep == "nsubj" and k in by_head), None)
        if subj is None and verb.dep == "conj":
            first = children.get(verb.head, [])
            subj = next(
                (by_head[k] for k in first if tokens[k].dep == "nsubj" and k in by_head), None
            )
        if subj is None:
            continue
        objects = [k for k in kids if tokens[k].dep == "dobj"]
        for k in list(objects):
            objects += [c for c in children.get(k, []) if tokens[c].dep == "conj"]
        for k in objects:
            obj = by_head.get(k)
            if obj is not None and obj.ref != subj.ref:
                start = min(subj.cand.start, verb.start)
                end = max(obj.cand.end, verb.end)
                out.append(RawRelation(subj.ref, "backs", obj.ref, None, start, end))


def _government_anchor(kb: KnowledgeBase, link: Linked) -> None:
    """Relink a country named as an office's holder ("US President") to its government."""
    if link.type != "COUNTRY" or link.entry is None or not link.entry.country:
        return
    gov = kb.get(f"ng:gov:{link.entry.country.lower()}")
    if gov is None:
        return
    link.detail = (
        f"{link.surface!r} names the state whose office the following title is: linked to "
        f"{gov.name} rather than the territory"
    )
    link.ref, link.type, link.entry = gov.id, gov.type, gov
    if link.rule != "demonym_role":
        link.rule = "metonym_role"


def extract_relations(
    doc: Document,
    parsed: ParsedDocument,
    linked: list[Linked],
    cands: list[Candidate],
    kb: KnowledgeBase,
) -> tuple[list[RawRelation], list[Linked]]:
    """Relations stated in ``doc`` and the demonym mentions they needed ("Iranian leader").

    ``linked`` may be changed in place: a country holding an office becomes its government.
    Returns (relations, extra linked mentions to add).
    """
    extra: list[Linked] = []
    linked_starts = {lk.cand.start for lk in linked}
    demonyms: list[Linked] = []
    for cand in cands:
        if cand.label != "NORP" or cand.start in linked_starts:
            continue
        country = demonym_country(kb, cand.text)
        gov = kb.get(f"ng:gov:{country.country.lower()}") if country and country.country else None
        if gov is not None:
            demonyms.append(
                Linked(
                    cand,
                    gov.id,
                    gov.type,
                    "demonym",
                    "demonym_role",
                    f"{cand.text!r} names the state whose office or backing the text states: "
                    f"{gov.name}",
                    gov,
                    cand.text,
                )
            )
    anchors = sorted([*linked, *demonyms], key=lambda a: a.cand.start)
    out: list[RawRelation] = []
    previous_person: Linked | None = None
    anchor_starts = [a.cand.start for a in anchors]
    for sentence in parsed.sentences:
        inside = anchors[
            bisect_left(anchor_starts, sentence.start) : bisect_left(anchor_starts, sentence.end)
        ]
        ctx = _Sentence(doc, kb, inside, (sentence.start, sentence.end), out)
        before = len(out)
        for i, anchor in enumerate(inside):
            if anchor.type == "PERSON":
                ctx.title_before(anchor, i)
                ctx.appositive(anchor)
                ctx.of_group(anchor)
            else:
                ctx.backed(anchor)
                ctx.part_of(anchor)
        ctx.identified_as(previous_person)
        persons = [a for a in inside if a.type == "PERSON"]
        if persons:
            previous_person = persons[-1]
        # Relations whose subject or object is a demonym anchor need that mention recorded.
        used = {r.subject for r in out[before:]} | {r.object for r in out[before:]}
        for anchor in inside:
            if anchor.rule == "demonym_role" and anchor.ref in used:
                extra.append(anchor)
    _backing_verbs(doc, parsed, anchors, out)
    # A demonym anchor is recorded only where a relation used its entity in the same sentence.
    return out, extra

"""Actors of event arguments: from a head token of the parse to entity ids of the entity stage.

An argument ("Hezbollah leader Hassan Nasrallah", "Hamas officials", "the Israeli military",
"leaders of Hamas and Islamic Jihad") is found by its head token; its actors are

1. the entity of the mention covering the head ("Nasrallah", "the Israeli military");
2. else, for any noun, an actor written as its direct modifier: compound, adjective or possessor
   ("Hamas officials", "Israeli civilians", "Israel's army") -- a demonym the entity stage left
   unlinked ("Israeli") is looked up in the knowledge base; modifiers inside "X-backed" are the
   backer, not the actor, and are skipped;
3. else, for an agent noun of the lexicon (leader, official, delegation, troops), the actor of
   its "of"/"from" phrase ("leaders of Hamas", "a delegation from Hamas");
4. an appositive when the head has none ("Israel's main backer, the United States").

Coordination gives several actors ("Iran and Hezbollah"). A person acts for the organisation
the entity stage related it to (leader_of, spokesperson_of, commander_in, deputy_of, member_of,
in that order), else for one the knowledge base gives a role in on the document's date, else
for an organisation written in the same noun phrase ("Hamas official Saleh al-Arouri"), else
for itself -- as PETRARCH does; the person is kept beside the actor.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from newsgraph.entities import EntityResult, KBEntry, KnowledgeBase, demonym_names_state
from newsgraph.model import Document, Mention, ParsedDocument, Token

__all__ = [
    "ACTOR_TYPES",
    "PRONOUNS",
    "RELATIVE_PRONOUNS",
    "Actor",
    "ActorIndex",
    "DocParse",
    "entity_types",
    "person_ties",
]

#: Entity types that can act (source) or be acted on (target) in an event.
ACTOR_TYPES: Final = frozenset({"PERSON", "ORG", "ARMED_GROUP", "GOVERNMENT", "COUNTRY", "MEDIA"})
PLACE_TYPES: Final = frozenset({"PLACE", "COUNTRY"})
# Palestinian territories that stand as targets for the places inside them (dev-set guideline
# 3: "for the Gaza Strip and the West Bank the KB place"), and places within a few km of East
# Jerusalem, which keep their own name (their status is disputed; no guideline maps them).
_TERRITORIES: Final = ("ng:gaza-strip", "ng:west-bank")
_KEPT_AS_NAMED: Final = ("ng:east-jerusalem",)
_NEAR_DEG2: Final = 0.05**2  # within about 5 km
# Person -> organisation, strongest tie first.
_PERSON_TIES: Final = (
    "head_of_state_of",
    "head_of_government_of",
    "leader_of",
    "spokesperson_of",
    "commander_in",
    "deputy_of",
    "member_of",
)
# "Israeli soldier" is the IDF as "Israeli military" is; "Israeli pilot" the air force.
_FORCE_NOUNS: Final = {
    "soldier": "military",
    "troop": "military",
    "force": "military",
    "army": "military",
    "commander": "military",
    "jet": "air force",
    "warplane": "air force",
    "pilot": "air force",
    "aircraft": "air force",
}
# Nouns of what a state owns or holds, whose demonym names the state (dev-set guideline 3).
STATE_PROPERTY: Final = frozenset(
    {
        "ship",
        "vessel",
        "warship",
        "destroyer",
        "frigate",
        "tanker",
        "base",
        "embassy",
        "consulate",
        "mission",
        "position",
        "post",
        "outpost",
        "plane",
        "aircraft",
        "jet",
        "drone",
        "tank",
        "vehicle",
        "convoy",
        "airspace",
        "territory",
        "interest",
        "facility",
        "site",
        "asset",
        "installation",
        "checkpoint",
    }
)
_MODIFIER_DEPS: Final = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
# Names of state organs that act as themselves, not as their government.
_ARMED: Final = re.compile(
    r"\b(forces?|army|military|guards?|corps|police|navy|air force|defen[cs]e forces|"
    r"intelligence|security)\b",
    re.IGNORECASE,
)
RELATIVE_PRONOUNS: Final = frozenset({"which", "who", "that", "whom"})
PRONOUNS: Final = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "them"})


@dataclass(frozen=True, slots=True)
class Actor:
    """An argument's actor: ``id`` is actor-level, ``person`` the person acting, if any."""

    id: str
    person: str | None = None
    type: str = ""


@dataclass(slots=True)
class DocParse:
    """One document's parse with the per-document indexes the rules need (built once)."""

    doc: Document
    parsed: ParsedDocument
    children: list[list[int]] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Document, parsed: ParsedDocument) -> DocParse:
        children: list[list[int]] = [[] for _ in parsed.tokens]
        for i, tok in enumerate(parsed.tokens):
            if tok.head != i:
                children[tok.head].append(i)
        return cls(doc, parsed, children)

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.parsed.tokens

    def text(self, i: int) -> str:
        tok = self.parsed.tokens[i]
        return self.doc.body[tok.start : tok.end]

    def lemma(self, i: int) -> str:
        return self.parsed.tokens[i].lemma.lower()

    def kids(self, i: int, *deps: str) -> list[int]:
        """Children of ``i`` (with one of ``deps`` if given), in text order."""
        return [c for c in self.children[i] if not deps or self.parsed.tokens[c].dep in deps]

    def subtree(self, i: int) -> list[int]:
        out = [i]
        stack = list(self.children[i])
        while stack:
            c = stack.pop()
            out.append(c)
            stack.extend(self.children[c])
        return sorted(out)

    def span(self, i: int) -> tuple[int, int]:
        """Character span of the subtree of ``i``."""
        sub = self.subtree(i)
        return self.parsed.tokens[sub[0]].start, self.parsed.tokens[sub[-1]].end

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and the tokens coordinated with it ("Iran and Hezbollah")."""
        out = [i]
        stack = self.kids(i, "conj")
        while stack:
            c = stack.pop(0)
            out.append(c)
            stack.extend(self.kids(c, "conj"))
        return out

    def ancestors(self, i: int) -> Iterable[int]:
        seen = {i}
        while True:
            h = self.parsed.tokens[i].head
            if h in seen:
                return
            seen.add(h)
            yield h
            i = h


class ActorIndex:
    """Entity ids by token, entity types and person -> organisation ties of one document."""

    def __init__(
        self,
        dp: DocParse,
        mentions: Iterable[Mention],
        kb: KnowledgeBase | None,
        types: dict[str, str],
        ties: dict[str, list[tuple[str, str]]],
        agent_nouns: frozenset[str],
        day: date | None,
    ):
        self.dp = dp
        self.kb = kb
        self.types = types
        self.ties = ties
        self.agent_nouns = agent_nouns
        self.day = day
        self.by_token: list[str | None] = [None] * len(dp.tokens)
        tokens = dp.tokens
        starts = [t.start for t in tokens]
        for mention in mentions:
            ev = mention.evidence
            if ev.doc != dp.doc.id:
                continue
            i = max(bisect.bisect_right(starts, ev.start) - 1, 0)
            while i < len(tokens) and tokens[i].start < ev.end:
                if tokens[i].end > ev.start and self.by_token[i] is None:
                    self.by_token[i] = mention.entity
                i += 1

    # ------------------------------------------------------------------ lookups

    def entity_type(self, entity_id: str) -> str:
        known = self.types.get(entity_id)
        if known:
            return known
        entry = self.kb.get(entity_id) if self.kb else None
        return entry.type if entry else "OTHER"

    def is_place(self, entity_id: str) -> bool:
        return self.entity_type(entity_id) in PLACE_TYPES or entity_id.startswith("geonames:")

    def country_of_place(self, entity_id: str) -> str | None:
        """The country entity of a place (for a place attacked: "toward Mount Hermon")."""
        if self.entity_type(entity_id) == "COUNTRY":
            return entity_id
        entry = self.kb.get(entity_id) if self.kb else None
        if entry and entry.country:
            country = f"ng:country:{entry.country.lower()}"
            if not self.kb or country in self.kb:
                return country
        return None

    def government_of(self, entity_id: str) -> str | None:
        """``ng:gov:xx`` for ``ng:country:xx`` when the knowledge base has it."""
        if entity_id.startswith("ng:country:"):
            gov = "ng:gov:" + entity_id.rsplit(":", 1)[1]
            if self.kb is None or gov in self.kb:
                return gov
        return None

    def place_target(self, entity_id: str) -> str | None:
        """Who is hit when a place is attacked: the government of its country.

        Palestinian territories (Gaza Strip, West Bank) are kept as the place, as the dev-set
        guidelines code them: no single government stands for them.
        """
        if self.entity_type(entity_id) == "COUNTRY":
            return self.government_of(entity_id) or entity_id
        entry = self.kb.get(entity_id) if self.kb else None
        if entry is not None and entry.metonym_of:
            return entry.metonym_of
        if entry is None or not entry.country:
            return None
        if entry.country.upper() == "PS":
            return self._territory(entry)
        return self.government_of(f"ng:country:{entry.country.lower()}")

    def _territory(self, entry: KBEntry) -> str | None:
        """The Palestinian territory a place lies in ("Hebron", "Jenin camp" -> West Bank;
        "Khan Younis", "the Rafah crossing" -> Gaza Strip), the nearer of the two by the KB's
        coordinates; the territories themselves and places in Jerusalem are kept as named."""
        kept = entry.id if entry.source == "curated" else None
        if entry.id in _TERRITORIES or entry.lat is None or entry.lon is None or self.kb is None:
            return kept
        best: tuple[float, str] | None = None
        for tid in (*_TERRITORIES, *_KEPT_AS_NAMED):
            t = self.kb.get(tid)
            if t is None or t.lat is None or t.lon is None:
                continue
            d = (t.lat - entry.lat) ** 2 + (t.lon - entry.lon) ** 2
            if tid in _KEPT_AS_NAMED:
                if d < _NEAR_DEG2:
                    return kept
            elif best is None or d < best[0]:
                best = (d, tid)
        return best[1] if best is not None else kept

    def demonym_institution(self, modifier: int, head: int) -> str | None:
        """A KB institution named by demonym + noun ("Israeli troops" -> the IDF)."""
        if self.kb is None:
            return None
        dp = self.dp
        start = dp.tokens[modifier].start
        # the whole modifier run: "Israeli air force", then "Israeli force", "Israeli military"
        phrases = [dp.doc.body[start : dp.tokens[head].end]]
        phrases.append(f"{dp.text(modifier)} {dp.text(head)}")
        force = _FORCE_NOUNS.get(dp.lemma(head))
        if force:
            phrases.append(f"{dp.text(modifier)} {force}")
        phrases += [p.replace(".", "") for p in phrases if "." in p]  # "U.S. troops"
        for phrase in phrases:
            for entry in self.kb.lookup(phrase):
                if entry.type in ("GOVERNMENT", "ORG", "ARMED_GROUP"):
                    return entry.id
        return None

    def demonym(self, i: int) -> str | None:
        """A country for an unlinked demonym or country name token ("Israeli" -> Israel)."""
        tok = self.dp.tokens[i]
        if (
            self.kb is None
            or tok.ent_type not in ("NORP", "GPE")
            or tok.pos not in ("ADJ", "PROPN")
        ):
            return None
        if tok.head != i and not demonym_names_state(self.dp.text(tok.head)):
            # "Palestinian militants", "Lebanese fighters": people of a nation, not its state
            return None
        for entry in self.kb.lookup(self.dp.text(i)):
            if entry.type in ("COUNTRY", "GOVERNMENT"):
                return entry.id
        return None

    def _acting_for(self, org: str) -> str:
        """A state official acts for the government: a ministry or department a person
        belongs to is replaced by the government it is part of; armed forces are kept
        ("Hagari -> IDF", "Blinken -> Government of the United States")."""
        entry = self.kb.get(org) if self.kb else None
        if entry is None or entry.type != "GOVERNMENT" or _ARMED.search(entry.name):
            return org
        for role in entry.roles:
            if role.predicate == "part_of" and role.object.startswith("ng:gov:"):
                return role.object
        return org

    def actor_for(self, entity_id: str, np_orgs: Sequence[str] = ()) -> Actor:
        """The actor-level view of an entity (persons -> the organisation they act for)."""
        entity_type = self.entity_type(entity_id)
        if entity_type == "COUNTRY":
            # A country acting is its government (PETRARCH codes both as the state).
            gov = self.government_of(entity_id)
            return Actor(gov, None, "GOVERNMENT") if gov else Actor(entity_id, None, entity_type)
        if entity_type != "PERSON":
            return Actor(entity_id, None, entity_type)
        # Ties stated in the text and roles the KB holds on the document's date, strongest
        # tie first (a prime minister acts for the government before the party he leads).
        ties = [(pred, obj, True) for pred, obj in self.ties.get(entity_id, ())]
        if self.kb is not None:
            ties += [
                (role.predicate, role.object, role.end is None)
                # without a date, roles still held come first (a former post only if there is
                # no current one: Haniyeh led Hamas after he was prime minister)
                for role in sorted(self.kb.roles_of(entity_id), key=lambda r: r.end is not None)
                if self.day is None or role.active_on(self.day)
            ]
        # Known (KB) organisations before ones first seen in this text.
        ties.sort(key=lambda tie: tie[1].startswith("ent:"))
        if self.day is None:
            # undated: a current tie of any kind beats an ended stronger one
            current = [t for t in ties if t[2]]
            ties = current or ties
        for predicate in _PERSON_TIES:
            for pred, obj, _current in ties:
                if pred == predicate:
                    acting = self._acting_for(obj)
                    return Actor(acting, entity_id, self.entity_type(acting))
        for org in np_orgs:
            return Actor(org, entity_id, self.entity_type(org))
        return Actor(entity_id, entity_id, entity_type)

    def place_in(self, n: int) -> str | None:
        """A place named by a noun phrase: itself, a compound or appositive, or a place in its
        "of"/"in"/"near" phrases ("the city of Tyre", "a base in Mount Hermon")."""
        dp = self.dp
        frontier = [n]
        for _ in range(3):
            nxt = []
            for m in frontier:
                ent = self.by_token[m]
                if ent and self.is_place(ent):
                    return ent
                for prep in dp.kids(m, "prep"):
                    if dp.lemma(prep) in ("of", "in", "near", "across", "inside"):
                        nxt.extend(dp.kids(prep, "pobj"))
                for c in dp.kids(m, "compound", "appos"):
                    ent = self.by_token[c]
                    if ent and self.is_place(ent):
                        return ent
            frontier = nxt
        return None

    # ------------------------------------------------------------------ arguments

    def entity_at(self, i: int) -> str | None:
        return self.by_token[i]

    def actors(self, head: int, *, places: bool = False, strict: bool = False) -> list[Actor]:
        """The actors of the argument headed by ``head``, coordination included.

        With ``places`` a place entity is returned too (as itself), for targets of attacks.
        With ``strict`` only agent nouns take their actor from a compound or adjective
        ("Hamas officials" yes, "Palestinian prisoners" no); a possessor always counts.
        """
        out: list[Actor] = []
        for h in self.dp.conjuncts(head):
            for actor in self._actors_of(h, places=places, depth=0, strict=strict):
                if actor not in out:
                    out.append(actor)
        return out

    def _actors_of(self, h: int, *, places: bool, depth: int, strict: bool = False) -> list[Actor]:
        dp = self.dp
        entity = self.by_token[h]
        if entity is not None:
            entry = self.kb.get(entity) if self.kb else None
            if entry is not None and entry.metonym_of and self.is_place(entity):
                # "Washington", "Tehran" acting: the government the capital stands for.
                return [self.actor_for(entry.metonym_of)]
            if self.is_place(entity) and self.entity_type(entity) != "COUNTRY":
                return [Actor(entity, None, "PLACE")] if places else []
            if self.entity_type(entity) not in ACTOR_TYPES:
                return []
            return [self.actor_for(entity, self._np_orgs(h, entity)), *self._shared_head(h, entity)]
        tok = dp.tokens[h]
        if tok.pos not in ("NOUN", "PROPN"):
            return []
        found: list[Actor] = []
        for appos in dp.kids(h, "appos"):
            for a in dp.conjuncts(appos):
                found.extend(self._actors_of(a, places=places, depth=depth + 1))
        if found:
            return found
        agent = dp.lemma(h) in self.agent_nouns
        # a demonym on state property is the state ("American ships", "the Israeli embassy",
        # "Iranian assets"), unlike one on people ("an Israeli citizen")
        loose = agent or not strict or dp.lemma(h) in STATE_PROPERTY
        modifiers = [m for c in dp.kids(h, *_MODIFIER_DEPS) for m in dp.conjuncts(c)]
        for c in modifiers:
            if dp.text(c).lower() in PRONOUNS:
                continue
            ent = self.by_token[c] or (self.demonym(c) if loose else None)
            if ent is None or self.entity_type(ent) not in ACTOR_TYPES:
                continue
            if not loose and dp.tokens[c].dep != "poss" and not self._group(ent):
                # strict: "a Houthi financier" is the Houthis', "an Israeli citizen" is no
                # act of Israel's; a possessor always counts ("Netanyahu's remarks")
                continue
            if agent and dp.tokens[c].ent_type in ("NORP", "GPE"):
                ent = self.demonym_institution(c, h) or ent
            actor = self.actor_for(ent)
            if actor not in found:
                found.append(actor)
        if found:
            return found
        if depth < 2 and agent:
            for prep in dp.kids(h, "prep"):
                if dp.lemma(prep) in ("of", "from"):
                    for pobj in dp.kids(prep, "pobj"):
                        found.extend(self.actors_nested(pobj, depth + 1))
        return found

    def _shared_head(self, h: int, entity: str) -> list[Actor]:
        """Other actors coordinated on the modifier of a linked noun: in "U.S. and British
        forces" the entity stage links "British forces"; "U.S." shares the head noun, so it is
        the U.S. forces (or, failing an institution, the U.S. itself)."""
        dp = self.dp
        out: list[Actor] = []
        for m in dp.kids(h, *_MODIFIER_DEPS):
            group = dp.conjuncts(m)
            if len(group) < 2 or not any(self.by_token[c] == entity for c in group):
                continue
            for c in group:
                if self.by_token[c] == entity or dp.text(c).lower() in PRONOUNS:
                    continue
                ent = self.demonym_institution(c, h) or self.by_token[c] or self.demonym(c)
                if ent is None or self.entity_type(ent) not in ACTOR_TYPES:
                    continue
                actor = self.actor_for(ent)
                if actor not in out:
                    out.append(actor)
        return out

    def actors_nested(self, head: int, depth: int) -> list[Actor]:
        out: list[Actor] = []
        for h in self.dp.conjuncts(head):
            out.extend(self._actors_of(h, places=False, depth=depth))
        return out

    def _group(self, entity_id: str) -> bool:
        """A non-state organisation (armed group, party, agency) rather than a state."""
        return self.entity_type(entity_id) in ("ARMED_GROUP", "ORG") and not entity_id.startswith(
            ("ng:country:", "ng:gov:")
        )

    def _np_orgs(self, h: int, entity: str) -> list[str]:
        """Organisations written as modifiers in a person's noun phrase ("Hamas official X")."""
        if self.entity_type(entity) != "PERSON":
            return []
        dp = self.dp
        out: list[str] = []
        stack = [c for c in dp.kids(h, "compound", "amod", "poss") if self.by_token[c] != entity]
        while stack:
            c = stack.pop(0)
            ent = self.by_token[c]
            if (
                ent
                and ent != entity
                and self.entity_type(ent) in ("ORG", "ARMED_GROUP", "GOVERNMENT")
            ):
                out.append(ent)
            stack.extend(dp.kids(c, "compound", "amod", "poss"))
        return out


def entity_types(result: EntityResult) -> dict[str, str]:
    return {e.id: e.type for e in result.entities}


def person_ties(result: EntityResult) -> dict[str, list[tuple[str, str]]]:
    """Person id -> [(predicate, organisation id)] from the entity stage's relations."""
    ties: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for rel in result.relations:
        if rel.predicate in _PERSON_TIES:
            ties[rel.subject].append((rel.predicate, rel.object))
    return ties

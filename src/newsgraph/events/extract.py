"""Triggers and arguments of events in one sentence of a parse.

Every token is tried as a trigger:

- a **verb** with a ``verb`` lexicon row whose condition holds ("met", "fired" + rockets);
- a **light verb** ("launched", "held", "issued", "voiced", "engaged in") whose object is an
  event noun or a weapon: the event is the noun's, the arguments and flags the verb's;
- an **event noun** that states an event ("an Israeli drone strike killed ...", "were killed in
  an airstrike") rather than refers to one ("after the Iranian attack"), and is not already
  taken by a verb.

Arguments: the source is the agent (active subject; passive "by" phrase; the subject of the
governing verb for "began firing", its object for "warned X not to"; the head noun of a
relative clause; for nouns the possessor, an actor modifier or "by" phrase, or the claimant of
"claimed responsibility for"; a weapon's owner for "Israeli artillery shelled"). Pronoun
subjects of reported speech are the speaker ("Iran said it would not join"). The target is the
direct object, or the object of a preposition that fits the event type (against/on/at/toward
for attacks, with for meetings, on/to for appeals); when the object is something of another
actor's ("praised Hamas's attack", "accepted the Egyptian proposal") the target is that actor;
an attack noun takes its victims from its clause ("a strike killed two Hezbollah fighters").
Where the object names no actor its owner is taken: "dozens of Hamas members", "the assets of
IRGC commanders", "a car carrying Hezbollah members"; a light verb's recipient ("gave Israel
$14 billion in aid") and the object of "placed X under curfew" are targets; REQUEST and ACCUSE
take the subject of a "that" clause ("demanded that Israel stop"); a weapon attacked ("destroyed
four tanks") is a target, a weapon fired the instrument; a place in a prepositional phrase is
only where it happened once the victim is named ("a soldier was stabbed at a checkpoint").

Precision rules: an event needs a source actor, except an attack whose victim is named
(passive, a weapon as subject, an attack noun) and a protest by unnamed people; targets are
actors, places only for attacks, coercion and aid (mapped to the state whose ground it is);
types other than ASSAULT and PROTEST take no actor from a demonym on a common noun ("arrested
an Israeli citizen" has no target); nothing is coded in a sentence that is not prose, in the
complement of "refused/threatened/urged to", or for a reporting verb without a lexicon row.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from newsgraph.events.actors import (
    PRONOUNS,
    RELATIVE_PRONOUNS,
    STATE_PROPERTY,
    Actor,
    ActorIndex,
    DocParse,
)
from newsgraph.events.flags import speech_governor
from newsgraph.events.lexicon import Entry, Lexicon
from newsgraph.model import Sentence

__all__ = [
    "EVENT_PREPS",
    "NOUN_POS",
    "SUBJECTS",
    "TARGET_PREPS",
    "VERB_POS",
    "Candidate",
    "SentenceRules",
    "clause_verb",
    "event_id",
    "ids",
    "is_joint",
    "is_junk",
]

#: Prepositions whose object is the target, per event type ("*" for all other types).
TARGET_PREPS: Final[dict[str, frozenset[str]]] = {
    "ASSAULT": frozenset({"against", "on", "at", "toward", "towards", "into", "upon", "with"}),
    "CONSULT": frozenset({"with", "from", "to"}),
    "COOPERATE": frozenset({"with", "alongside", "to"}),
    "AGREE": frozenset({"with", "to"}),
    "REQUEST": frozenset({"on", "to", "from", "with"}),
    "THREATEN": frozenset({"against", "to"}),
    "ACCUSE": frozenset({"against", "into"}),
    "PROTEST": frozenset({"against", "outside", "at", "on"}),
    "SANCTION": frozenset({"on", "against", "from", "with", "to", "for"}),
    "COERCE": frozenset({"on", "against"}),
    "RETREAT": frozenset({"against", "on"}),
    "REJECT": frozenset({"with", "from"}),
    "SUPPORT": frozenset({"for", "to", "with"}),
    "CONCEDE": frozenset({"to", "on", "into"}),
    "AID": frozenset({"to", "for", "over", "into"}),
    "*": frozenset({"against", "with", "to"}),
}
# Nominal events whose "of" phrase is the one acted on ("the killing of X", "release of X").
_OF_TARGET: Final = frozenset(
    {
        "killing",
        "assassination",
        "kidnapping",
        "abduction",
        "arrest",
        "detention",
        "release",
        "expulsion",
        "bombardment",
        "shelling",
        "invasion",
        "occupation",
        "siege",
        "blockade",
    }
)
# Types whose object may be something of the target's (a proposal, a remark, an attack).
_ABOUT_TYPES: Final = frozenset({"AGREE", "SUPPORT", "REJECT", "ACCUSE", "REQUEST"})
# Types whose target may be a place (the state, or territory, whose ground it is).
_PLACE_TYPES: Final = frozenset({"ASSAULT", "COERCE", "AID"})
# Light verbs whose weapon object is itself an attack ("launched rockets", "unleashed drones").
_FIRING_VERBS: Final = frozenset({"launch", "fire", "lob", "unleash"})
# Nouns of number whose "of" phrase is the event itself ("a wave of airstrikes killed ...").
_SERIES_NOUNS: Final = frozenset({"wave", "series", "spate", "string", "flurry", "round"})
# Count nouns whose "of" phrase is the argument ("dozens of Hamas members").
_COUNT_NOUNS: Final = frozenset({"dozen", "hundred", "thousand", "score", "number", "group"})
# Verbs whose weapon object is discharged, not hit (with the rows whose object is "@weapon").
_DISCHARGE_VERBS: Final = frozenset(
    {"fire", "launch", "lob", "unleash", "shoot", "detonate", "drop", "send", "plant"}
)
# Participles that aim a measure or an attack at its object ("sanctions targeting X").
_AIMING_VERBS: Final = frozenset({"target", "aim", "hit"})
# Verbs of a clause on a target noun that say whose it is ("a car carrying Hezbollah members").
_HOLDING_VERBS: Final = frozenset({"carry", "house", "transport", "shelter", "belong", "host"})
# Types whose speech act names its addressee as the subject of a "that" clause ("demanded
# that Israel stop", "charged that Washington was complicit", "warned that U.S. ships would
# be targeted").
_CLAUSE_TARGET_TYPES: Final = frozenset({"REQUEST", "ACCUSE", "THREATEN"})
# Prepositions under a verb whose event-noun object is the event itself ("killed in a strike").
EVENT_PREPS: Final = frozenset({"in", "by", "during", "under", "amid", "at"})
VERB_POS: Final = frozenset({"VERB"})
NOUN_POS: Final = frozenset({"NOUN", "PROPN"})
SUBJECTS: Final = frozenset({"nsubj", "csubj"})
_MAX_SENTENCE_TOKENS: Final = 120
_SENTENCE_ENDS: Final = (".", "!", '"', "”", "'", "’", ")", "…")
# Verbs that state a toll: an attack noun whose clause verb is one of them is an attack.
TOLL_VERBS: Final = frozenset({"kill", "wound", "injure", "leave", "claim"})


def event_id(doc: str, start: int, type_: str, source: Sequence[str], target: Sequence[str]) -> str:
    """Deterministic id: "ev:" + a short hash of (doc, trigger start, type, source, target)."""
    key = "\x00".join([doc, str(start), type_, "|".join(source), "|".join(target)])
    return "ev:" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def ids(actors: Sequence[Actor]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.id for a in actors))


@dataclass(slots=True)
class Candidate:
    """An event being built for one trigger."""

    entry: Entry
    trigger: int  # token of the trigger word (the event noun for light verbs)
    predicate: int  # token whose subject and flags count (the verb; the noun for nominals)
    mode: str | None
    subtype: str | None


class SentenceRules:
    """The rules over one sentence of one document."""

    def __init__(
        self, dp: DocParse, actors: ActorIndex, lexicon: Lexicon, sentence: Sentence
    ) -> None:
        self.dp = dp
        self.actors = actors
        self.lex = lexicon
        self.sent = sentence
        self.weapons = lexicon.words("weapon")
        self.agent_nouns = lexicon.words("agent")
        self.taken: set[int] = set()

    # ------------------------------------------------------------------ object helpers

    def obj(self, v: int) -> int | None:
        """The direct object, or the passive subject of a passive verb.

        A verb coordinated before another shares its object ("supported and funded Hamas").
        """
        for dep in ("dobj", "nsubjpass"):
            kids = self.dp.kids(v, dep)
            if kids:
                return kids[0]
        datives = [d for d in self.dp.kids(v, "dative") if self.dp.tokens[d].pos in NOUN_POS]
        if datives:
            # "designated the Houthis a terrorist group": the parser's dative is the object
            return datives[0]
        tok = self.dp.tokens[v]
        if tok.dep == "acl" and tok.tag == "VBN":
            return tok.head  # "the drones fired by Iran"
        for conj in self.dp.kids(v, "conj"):
            if self.dp.tokens[conj].pos in VERB_POS and not self.dp.kids(conj, *SUBJECTS):
                kids = self.dp.kids(conj, "dobj")
                if kids:
                    return kids[0]
        return None

    def obj_nouns(self, n: int) -> list[int]:
        """A noun and the nouns of its "of" phrases ("dozens of Katyusha rockets")."""
        out = [n]
        frontier = [n]
        for _ in range(2):
            nxt = []
            for m in frontier:
                for prep in self.dp.kids(m, "prep"):
                    if self.dp.lemma(prep) == "of":
                        nxt.extend(self.dp.kids(prep, "pobj"))
            out.extend(nxt)
            frontier = nxt
        return out

    def weapon_mode(self, tokens: Sequence[int]) -> Entry | None:
        """The weapon row of the first weapon noun among ``tokens`` or their modifiers."""
        for t in tokens:
            for c in [t, *self.dp.kids(t, "compound", "amod", "conj")]:
                rows = self.lex.rows("weapon", self.dp.lemma(c)) or self.lex.rows(
                    "weapon", self.dp.text(c).lower()
                )
                if rows:
                    return rows[0]
        return None

    def noun_lemma(self, n: int) -> str:
        """The lemma of a noun, joined with a hyphenated first part the tokenizer split off
        ("sit-in", "walk-out", "build-up")."""
        dp = self.dp
        lemma = dp.lemma(n)
        if n >= 2 and n - 2 >= self.sent.token_start:
            toks = dp.tokens
            dash, first = toks[n - 1], toks[n - 2]
            if (
                dp.text(n - 1) == "-"
                and first.end == dash.start
                and dash.end == toks[n].start
                and first.pos not in ("NUM", "PROPN")
            ):
                joined = f"{dp.text(n - 2).lower()}-{lemma}"
                if self.lex.has("noun", joined):
                    return joined
        return lemma

    def is_event_noun(self, n: int) -> bool:
        return bool(self.lex.rows("noun", self.noun_lemma(n)))

    # ------------------------------------------------------------------ conditions

    def holds(self, entry: Entry, t: int, *, obj: int | None, light: int | None = None) -> bool:
        """Whether ``entry``'s condition holds at token ``t`` (``light``: the light verb whose
        object the noun ``t`` is, if any)."""
        dp = self.dp
        cond = entry.condition
        if "light" in cond and light is None:
            return False
        if "under" in cond and (light is None or dp.lemma(light) not in cond["under"]):
            return False
        if "plural" in cond and dp.tokens[t].tag not in ("NNS", "NNPS"):
            return False
        preps = dp.kids(t, "prep", "agent")
        if "prep" in cond and not any(dp.lemma(p) in cond["prep"] for p in preps):
            return False
        if "pobj" in cond:
            wanted = cond.get("prep")
            pobjs = [
                o
                for p in preps
                if wanted is None or dp.lemma(p) in wanted
                for o in dp.kids(p, "pobj")
            ]
            if not self._matches(cond["pobj"], pobjs):
                return False
        if "noprep" in cond and any(dp.lemma(p) in cond["noprep"] for p in preps):
            return False
        prts = [dp.lemma(p) for p in dp.kids(t, "prt")]
        if "prt" in cond and not any(
            # the parser often labels a particle an adverb: "pulled back", "brushed aside"
            p in cond["prt"]
            for p in [*prts, *(dp.lemma(a) for a in dp.kids(t, "advmod", "acomp"))]
        ):
            return False
        if "noprt" in cond and prts:
            return False
        if "noobj" in cond and obj is not None:
            return False
        if "nooprd" in cond and (
            dp.kids(t, "oprd", "ccomp")
            or any(dp.kids(o, "appos", "oprd") for o in dp.kids(t, "dobj", "dative"))
        ):
            return False
        if "xcomp" in cond:
            xs = dp.kids(t, "xcomp")
            if not xs:
                return False
            want = {v[1:] for v in cond["xcomp"] if v.startswith("@")}
            lemmas = {v for v in cond["xcomp"] if not v.startswith("@")}
            if (want or lemmas) and not any(
                dp.lemma(x) in lemmas
                or any(r.type in want for r in self.lex.rows("verb", dp.lemma(x)))
                for x in xs
            ):
                return False
        if "ccomp" in cond and not dp.kids(t, "ccomp"):
            return False
        if "subj" in cond:
            subjects = dp.kids(t, "nsubj")
            if not subjects:
                return False
            s = subjects[0]
            nouns = [*self.obj_nouns(s), *dp.kids(s, "compound")]
            person = "@person" in cond["subj"] and any(
                self.actors.entity_type(e) == "PERSON"
                for e in [self.actors.entity_at(n) for n in nouns]
                if e is not None
            )
            if not person and not self._matches(cond["subj"], nouns):
                return False
        if "notxcomp" in cond and any(dp.lemma(x) in cond["notxcomp"] for x in dp.kids(t, "xcomp")):
            return False
        if "oprd" in cond and not any(
            dp.lemma(c) in cond["oprd"]
            for c in dp.kids(t, "oprd", "acomp", "xcomp", "ccomp", "advmod", "advcl", "dep")
        ):
            return False
        if "obj" in cond:
            if obj is None or not self._matches(cond["obj"], self.obj_nouns(obj)):
                return False
        if "of" in cond:
            ofs = [p for p in self.obj_nouns(t)[1:]]
            if not ofs or not self._matches(cond["of"], ofs):
                return False
        if "mod" in cond:
            mods = dp.kids(t, "compound", "amod", "poss", "nmod")
            values = cond["mod"]
            if "@any" in values:
                if not (self._noun_source(t)):
                    return False
            elif not any(dp.lemma(m) in values or dp.text(m).lower() in values for m in mods):
                return False
        return True

    def _matches(self, values: frozenset[str], nouns: Sequence[int]) -> bool:
        for n in nouns:
            lemma = self.dp.lemma(n)
            if lemma in values:
                return True
            if "@weapon" in values and self.weapon_mode([n]) is not None:
                return True
            if "@event" in values and self.is_event_noun(n):
                return True
            if (
                "@entity" in values
                and lemma not in STATE_PROPERTY  # "hosts a U.S. base" hosts no actor
                and self.actors.actors(n, strict=True)
            ):
                return True
            if "@place" in values and self.actors.place_in(n):
                return True
        return False

    # ------------------------------------------------------------------ triggers

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        s = self.sent
        for i in range(s.token_start, s.token_end):
            tok = self.dp.tokens[i]
            if tok.pos in VERB_POS or (tok.pos == "AUX" and tok.dep not in ("aux", "auxpass")):
                if self._habitual(i):
                    continue
                cand = self.light(i) or self.verbal(i)
                if cand is not None:
                    out.append(cand)
        for i in range(s.token_start, s.token_end):
            if self.dp.tokens[i].pos in NOUN_POS and i not in self.taken:
                cand = self.nominal(i)
                if cand is not None:
                    out.append(cand)
        for i in range(s.token_start, s.token_end):
            cand = self.side_by_side(i)
            if cand is not None:
                out.append(cand)
        return out

    def side_by_side(self, p: int) -> Candidate | None:
        """ "fought alongside Hezbollah", "raided the camp together with U.S. troops": the
        subject acted jointly with the preposition's actor (a ``joint`` row with a type)."""
        dp = self.dp
        tok = dp.tokens[p]
        if tok.dep != "prep" or dp.tokens[tok.head].pos not in VERB_POS:
            return None
        rows = [r for r in self.lex.rows("joint", dp.lemma(p)) if r.type]
        if not rows or not any(self.actors.actors(o) for o in dp.kids(p, "pobj")):
            return None
        return Candidate(rows[0], p, tok.head, rows[0].mode, rows[0].subtype)

    def _habitual(self, v: int) -> bool:
        """ "has long backed Israel", "had long accused Iran": a standing state, not an act."""
        dp = self.dp
        return any(dp.lemma(a) == "long" for a in dp.kids(v, "advmod")) and any(
            dp.lemma(a) == "have" for a in dp.kids(v, "aux")
        )

    def verbal(self, v: int) -> Candidate | None:
        obj = self.obj(v)
        for entry in self.lex.rows("verb", self.dp.lemma(v)):
            if self.holds(entry, v, obj=obj):
                mode, subtype = entry.mode, entry.subtype
                if entry.type == "ASSAULT":
                    # the object names the weapon only when it is discharged ("fired
                    # rockets"); "destroyed tanks", "struck missile launchers" name the target
                    fired = "@weapon" in (entry.condition.get("obj") or ()) or (
                        self.dp.lemma(v) in _DISCHARGE_VERBS
                    )
                    weapon = self.weapon_mode(
                        [
                            *(self.obj_nouns(obj) if obj is not None and fired else []),
                            *self._with_nouns(v),
                        ]
                    )
                    if weapon is not None and not entry.mode:
                        mode, subtype = weapon.mode, weapon.subtype
                    subj = self.dp.kids(v, "nsubj")
                    if subj and self.dp.lemma(subj[0]) in self.weapons:
                        # "an Israeli tank fired at ...": the firing weapon names the mode
                        weapon = self.weapon_mode(subj[:1])
                        if weapon is not None:
                            mode, subtype = weapon.mode, weapon.subtype
                    if obj is not None:
                        self.taken.update(self.obj_nouns(obj))
                if self.dp.kids(v, "nsubj"):
                    # "Israel killed X in targeted strikes", "arrested 25 people in raids":
                    # one event, the noun gives the means.
                    for n in self._event_pobjs(v, any_type=True):
                        self.taken.add(n)
                        weapon = self.weapon_mode([n])
                        if entry.type == "ASSAULT" and mode is None and weapon is not None:
                            mode, subtype = weapon.mode, weapon.subtype
                return Candidate(entry, v, v, mode, subtype)
        return None

    def _event_pobjs(self, v: int, *, any_type: bool = False) -> list[int]:
        """ASSAULT (or any) event nouns under "in/by/during" of verb ``v`` ("killed in an
        airstrike")."""
        dp = self.dp
        return [
            p
            for prep in dp.kids(v, "prep", "agent")
            if dp.lemma(prep) in EVENT_PREPS
            for p in dp.kids(prep, "pobj")
            if any(any_type or r.type == "ASSAULT" for r in self.lex.rows("noun", dp.lemma(p)))
        ]

    def _with_nouns(self, v: int) -> list[int]:
        return [
            p
            for prep in self.dp.kids(v, "prep")
            if self.dp.lemma(prep) == "with"
            for p in self.dp.kids(prep, "pobj")
        ]

    def light(self, v: int) -> Candidate | None:
        dp = self.dp
        for entry in self.lex.rows("light", dp.lemma(v)):
            obj = self.obj(v)
            via = entry.condition.get("via")
            if via is not None:
                # "placed the town under curfew", "put its forces on alert"
                nouns = [
                    p
                    for prep in dp.kids(v, "prep")
                    if dp.lemma(prep) in via
                    for p in dp.kids(prep, "pobj")
                ]
            elif entry.condition.get("obj") is not None:
                if obj is None or dp.lemma(obj) not in entry.condition["obj"]:
                    continue
                if self.is_event_noun(obj):
                    # "struck a deal", "sealed an agreement": the object is the event
                    nouns = [obj]
                else:
                    # "claimed responsibility for the attack": the noun is under "for".
                    nouns = [
                        p
                        for prep in [*dp.kids(obj, "prep"), *dp.kids(v, "prep")]
                        if dp.lemma(prep) in ("for", "in")
                        for p in dp.kids(prep, "pobj")
                    ]
            else:
                if not self.holds(entry, v, obj=obj):
                    continue
                # the object, what it is a round/wave/series of, or what an amount is in
                # ("held a new round of talks", "gave Israel $14 billion in military aid")
                nouns = self.obj_nouns(obj) if obj is not None else []
                nouns += [
                    p
                    for prep in [
                        *dp.kids(v, "prep"),
                        *(dp.kids(obj, "prep") if obj is not None else []),
                    ]
                    if dp.lemma(prep) in ("in", "into")
                    for p in dp.kids(prep, "pobj")
                ]
            for n in nouns:
                for row in self.lex.rows("noun", self.noun_lemma(n)):
                    if self.holds(row, n, obj=None, light=v):
                        self.taken.update(dp.conjuncts(n))
                        mode, subtype = row.mode, row.subtype
                        weapon = self.weapon_mode([n, *self.obj_nouns(n)[1:]])
                        if row.type == "ASSAULT" and weapon is not None:
                            mode = weapon.mode
                            if subtype in ("attack", "strike") or subtype == weapon.subtype:
                                subtype = weapon.subtype
                        return Candidate(row, n, v, mode, subtype)
                weapon = self.weapon_mode(self.obj_nouns(n))
                if weapon is not None and dp.lemma(v) in _FIRING_VERBS:
                    self.taken.update(self.obj_nouns(n))
                    return Candidate(weapon, v, v, weapon.mode, weapon.subtype)
        return None

    def stated(self, n: int) -> bool:
        """Whether an event noun states an event rather than refers to one.

        Stated: the subject of a clause ("an Israeli drone strike killed"), or the object of
        "in/by/during" under a verb ("were killed in an Israeli airstrike"). References --
        "after the Iranian attack", "hailed the Houthi attacks", "the first such meeting" --
        are not coded again.
        """
        dp = self.dp
        tok = dp.tokens[counter(dp, n)]
        if tok.dep in ("nsubj", "nsubjpass"):
            return dp.lemma(tok.head) != "be" and dp.tokens[tok.head].pos in ("VERB", "AUX")
        if tok.dep == "pobj":
            prep = tok.head
            verb = dp.tokens[prep].head
            return dp.lemma(prep) in EVENT_PREPS and dp.tokens[verb].pos == "VERB"
        return tok.dep == "ROOT"

    def nominal(self, n: int) -> Candidate | None:
        if not self.stated(n) and not self._claimed(n):
            return None
        tok = self.dp.tokens[n]
        if tok.dep == "pobj" and not self.dp.kids(n, "det", "poss", "amod", "compound", "nummod"):
            # "in protest at X", "in retaliation": a manner adjunct, not a second event --
            # except "in coordination with X": the clause's subject cooperated with X
            verb = self.dp.tokens[tok.head].head
            if (
                self.dp.lemma(tok.head) == "in"
                and self.dp.tokens[verb].pos in VERB_POS
                and any(self.dp.lemma(p) == "with" for p in self.dp.kids(n, "prep"))
            ):
                for entry in self.lex.rows("noun", self.noun_lemma(n)):
                    if entry.type == "COOPERATE" and not entry.condition:
                        return Candidate(entry, n, verb, entry.mode, entry.subtype)
            return None
        for entry in self.lex.rows("noun", self.noun_lemma(n)):
            if self.holds(entry, n, obj=None):
                mode, subtype = entry.mode, entry.subtype
                if entry.type == "ASSAULT":
                    weapon = self.weapon_mode([n, *self.obj_nouns(n)[1:]])
                    if weapon is not None:
                        mode = weapon.mode
                        if subtype in ("attack", "strike", "assault", "offensive", "raid"):
                            subtype = (
                                weapon.subtype
                                if weapon.subtype != "ground assault"
                                else f"ground {subtype}"
                            )
                return Candidate(entry, n, n, mode, subtype)
        return None

    # ------------------------------------------------------------------ arguments

    def resolve_pronoun(self, p: int, predicate: int) -> list[Actor]:
        """A pronoun inside reported speech is the speaker ("Iran said it would not join")."""
        speech = speech_governor(self.dp, predicate, self.lex)
        if speech is None or self.dp.text(speech).lower() == "according":
            return []
        subjects = self.dp.kids(speech, *SUBJECTS)
        if not subjects:
            return []
        found = self.actors.actors(subjects[0])
        text = self.dp.text(p).lower()
        # "he/she" is a person, "it/they/its/their" an organisation or state.
        if text in ("he", "she", "his", "her"):
            return [a for a in found if a.person is not None] or found
        # "it"/"they" is the organisation or state, never the person who spoke for it
        return [Actor(a.id, None, a.type) for a in found]

    def subject(self, v: int, depth: int = 0) -> list[Actor]:
        """The agent of verb ``v``."""
        dp = self.dp
        if depth > 4:
            return []
        subj = dp.kids(v, *SUBJECTS)
        agents = dp.kids(v, "agent")
        if agents and not subj:
            # passive "by" phrase; an active verb's "by" ("after mediation by Qatar") is not it
            return [a for ag in agents for p in dp.kids(ag, "pobj") for a in self.actors.actors(p)]
        if dp.kids(v, "nsubjpass") or any(dp.tokens[c].dep == "auxpass" for c in dp.children[v]):
            # "it would not get involved": a "get" passive of a light verb has an agent subject
            gets = any(
                dp.tokens[c].dep == "auxpass" and dp.lemma(c) == "get" for c in dp.children[v]
            )
            if gets and self.lex.has("light", dp.lemma(v)) and dp.kids(v, "nsubjpass"):
                s = dp.kids(v, "nsubjpass")[0]
                if dp.text(s).lower() in PRONOUNS:
                    return self.resolve_pronoun(s, v)
                return self.actors.actors(s, strict=True)
            return []
        tok = dp.tokens[v]
        if subj:
            s = subj[0]
            word = dp.text(s).lower()
            if word in RELATIVE_PRONOUNS and tok.dep == "relcl":
                return self.actors.actors(tok.head)
            if word in PRONOUNS:
                return self.resolve_pronoun(s, v)
            if dp.tokens[s].pos == "PRON":
                return []
            if self._is_thing(s) and not self.actors.entity_at(s):
                # "Israeli shelling hit an army post": the attack is the noun's event;
                # "Israeli artillery shelled X": the weapon's owner fired it; "its aircraft
                # struck X" (in reported speech): the speaker's.
                if self.is_event_noun(s):
                    return []
                return self._noun_source(s) or self._speaker_owner(s, v)
            # "Palestinian prisoners began a hunger strike": people named by a demonym are
            # not the state; "Hezbollah supporters rallied" are Hezbollah's.
            found = self.actors.actors(s, strict=True)
            if not found and dp.lemma(s) in self.agent_nouns:
                # "Islamic Jihad said its fighters detonated ...": the speaker's fighters.
                found = self._speaker_owner(s, v)
            return found
        head = tok.head
        if head == v:
            return []
        if tok.dep == "xcomp":
            controller = dp.kids(head, "dobj")
            if controller and dp.lemma(head) not in ("promise", "vow", "pledge"):
                return self.actors.actors(controller[0])
            return self.subject(head, depth + 1)
        if tok.dep == "conj":
            return self.subject(head, depth + 1)
        if tok.dep == "advcl" and tok.tag == "VBG":
            return self.subject(head, depth + 1)
        if tok.dep in ("relcl", "acl"):
            if tok.tag == "VBN":
                return []
            noun = head
            # "a resolution demanding a ceasefire": a document, not an actor, demands
            if self.actors.entity_at(noun) or dp.lemma(noun) in self.agent_nouns:
                found = self.actors.actors(noun, strict=True)
                if found:
                    return found
            # "one of the first countries to praise X": the subject of the copula.
            up = dp.tokens[noun]
            if up.dep == "pobj":
                prep = up.head
                one = dp.tokens[prep].head
                if dp.tokens[one].dep == "attr":
                    return self.subject(dp.tokens[one].head, depth + 1)
        return []

    def _speaker_owner(self, s: int, v: int) -> list[Actor]:
        """ "its fighters", "their drones" inside reported speech: the speaker's."""
        for poss in self.dp.kids(s, "poss"):
            if self.dp.text(poss).lower() in PRONOUNS:
                return self.resolve_pronoun(poss, v)
        return []

    def _noun_source(self, n: int) -> list[Actor]:
        """Who an event noun (or a weapon, a proposal) belongs to: its possessor, an actor
        modifier ("Israeli strike", "Hamas attack") or a "by" phrase."""
        dp = self.dp
        for c in dp.kids(n, "poss"):
            if dp.text(c).lower() in PRONOUNS:
                continue
            found = self.actors.actors(c)
            if found:
                return found
        found = []
        for c in [m for k in dp.kids(n, "compound", "amod", "nmod") for m in dp.conjuncts(k)]:
            ent = self.actors.entity_at(c) or self.actors.demonym(c)
            if ent and self.actors.entity_type(ent) in (
                "ORG",
                "ARMED_GROUP",
                "GOVERNMENT",
                "COUNTRY",
                "PERSON",
            ):
                actor = self.actors.actor_for(ent)
                if actor not in found:
                    found.append(actor)
        if found:
            return found
        for prep in dp.kids(n, "prep", "agent"):
            if dp.lemma(prep) == "by":
                for p in dp.kids(prep, "pobj"):
                    found.extend(self.actors.actors(p))
        for acl in dp.kids(n, "acl"):
            # "a rocket launched by Islamic Jihad"
            for agent in dp.kids(acl, "agent"):
                for p in dp.kids(agent, "pobj"):
                    found.extend(self.actors.actors(p))
        return found

    def claims_earlier(self, cand: Candidate) -> bool:
        """ "claimed responsibility for the attack": a definite noun pointing back."""
        n = cand.trigger
        dp = self.dp
        return (
            dp.tokens[n].pos in NOUN_POS
            and self._claimed(n)
            and any(dp.lemma(d) in ("the", "this", "that") for d in dp.kids(n, "det"))
            and not [p for p in dp.kids(n, "prep") if dp.lemma(p) in TARGET_PREPS["ASSAULT"]]
        )

    def _claimed(self, n: int) -> bool:
        """ "claimed responsibility for the attack" """
        dp = self.dp
        tok = dp.tokens[n]
        if tok.dep == "dobj" and dp.lemma(tok.head) == "claim":
            return True  # "the Islamic State later claimed the attack"
        if tok.dep != "pobj":
            return False
        owner = dp.tokens[tok.head].head
        return dp.lemma(tok.head) == "for" and dp.lemma(owner) == "responsibility"

    def victims(self, n: int) -> list[Actor]:
        """Who an attack noun hit, from the clause it is part of.

        "An Israeli strike killed two Hezbollah fighters" (subject -> the verb's object);
        "Two commanders were killed in an Israeli airstrike" (in/by -> the passive subject).
        """
        dp = self.dp
        tok = dp.tokens[counter(dp, n)]  # "a wave of Israeli strikes flattened ..."
        heads: list[int] = []
        if tok.dep == "nsubj":
            heads = dp.kids(tok.head, "dobj")
        elif tok.dep == "pobj" and dp.lemma(tok.head) in EVENT_PREPS:
            verb = dp.tokens[tok.head].head
            heads = dp.kids(verb, "nsubjpass") or dp.kids(verb, "dobj")
        out: list[Actor] = []
        for h in heads:
            found = self.actors.actors(h)
            if not found:
                place = self.actors.place_in(h)
                found = [Actor(place, None, "PLACE")] if place else []
            out.extend(a for a in found if a not in out)
        return out

    def complement_targets(self, cand: Candidate) -> list[int]:
        """Targets of what is threatened or refused: "threatened to strike X", "refused to
        cooperate with X" (the act itself is not coded)."""
        dp = self.dp
        heads: list[int] = []
        for x in dp.kids(cand.predicate, "xcomp"):
            heads += [o for o in dp.kids(x, "dobj") if not self._is_thing(o)]
            for prep in dp.kids(x, "prep"):
                if dp.lemma(prep) in TARGET_PREPS["ASSAULT"] | {"with"}:
                    heads += dp.kids(prep, "pobj")
        return heads

    def nominal_source(self, n: int) -> list[Actor]:
        """The source of a nominal event: whose it is, or who claimed responsibility for it."""
        found = self._noun_source(n)
        if found:
            return found
        dp = self.dp
        tok = dp.tokens[n]
        # "claimed responsibility for the attack"
        if tok.dep == "pobj":
            prep = tok.head
            owner = dp.tokens[prep].head
            if dp.lemma(prep) == "for" and dp.lemma(owner) == "responsibility":
                verb = dp.tokens[owner].head
                return self.subject(verb)
        return []

    def targets(self, cand: Candidate) -> list[Actor]:
        dp = self.dp
        if self._blamed(cand):
            return [a for s in dp.kids(cand.predicate, "nsubj") for a in self.actors.actors(s)]
        etype = cand.entry.type or ""
        preps = TARGET_PREPS.get(etype, TARGET_PREPS["*"])
        # visits and eased restrictions are aimed at the ground they concern ("lifted the
        # closure on Hebron" is a concession to the West Bank)
        places = etype in _PLACE_TYPES or cand.mode in ("visit", "ease")
        # Only attacks take their victim from any modifier ("Hezbollah positions"); other
        # types need an actor noun ("arrested an Israeli citizen" has no target).
        strict = etype not in ("ASSAULT", "PROTEST")
        heads: list[int] = []
        holders = [cand.predicate]
        if cand.trigger != cand.predicate:
            holders.append(cand.trigger)
        if "undergo" in self._light_cond(cand):
            # "a UNIFIL post came under fire": the subject is what was hit
            heads += dp.kids(cand.predicate, "nsubj")
        event_objects: list[int] = []
        direct: set[int] = set()  # the object or passive subject: who was acted on
        verbal = dp.tokens[cand.predicate].pos in VERB_POS
        if cand.predicate != cand.trigger and verbal:
            # "carried out a series of airstrikes on X": the light verb's object holds "on X"
            holders += [o for o in dp.kids(cand.predicate, "dobj") if o != cand.trigger]
        if cand.predicate == cand.trigger and verbal:
            obj = self.obj(cand.predicate)
            obj_dep = dp.tokens[obj].dep if obj is not None else ""
            if obj is not None:
                obj = self._counted(obj)  # "arrested dozens of Hamas members"
            hit_thing = (
                # "destroyed four Israeli tanks": a weapon attacked is a target; a weapon
                # fired ("fired rockets at X") is the instrument
                obj is not None
                and etype == "ASSAULT"
                and dp.lemma(obj) in self.weapons
                and not self._fires(cand)
            )
            if obj is not None and obj_dep == "nsubjpass" and not self._is_thing(obj):
                heads.append(obj)
                direct.add(obj)
            elif hit_thing:
                heads.append(obj)
                direct.add(obj)
            elif obj is not None and obj_dep == "dobj":
                if etype in _ABOUT_TYPES and self._about(obj):
                    # "accepted the Egyptian proposal", "criticised Netanyahu's remarks": the
                    # target is whose the proposal or remark is.
                    event_objects.append(obj)
                elif (
                    etype not in ("RETREAT", "PROTEST", "MOBILIZE")  # their object is their own
                    and not self._is_thing(obj)
                    and (etype not in _ABOUT_TYPES or not self._about(obj))
                ):
                    heads.append(obj)
                    direct.add(obj)
                elif (etype in _ABOUT_TYPES or etype == "CONCEDE") and self.is_event_noun(obj):
                    # "praised Hamas's attack": the target is who carried it out; "accepted
                    # Hamas's demands": who made them.
                    event_objects.append(obj)
                if (
                    obj not in event_objects
                    and not self.actors.entity_at(obj)
                    and dp.lemma(obj) not in self.agent_nouns
                ):
                    # "fired rockets at X", "cut ties with X", "sent supplies to X"
                    holders.append(obj)
        if verbal:
            for d in dp.kids(cand.predicate, "dative", "iobj"):
                # "told Haniyeh"; "sent supplies to Lebanon" (a dative "to" phrase); "gave
                # Israel $14 billion in aid" (a light verb's recipient)
                heads += dp.kids(d, "pobj") if dp.tokens[d].pos == "ADP" else [d]
        if (
            verbal
            and cand.predicate != cand.trigger
            and etype in ("COERCE", "ASSAULT")
            and dp.tokens[cand.trigger].dep == "pobj"
        ):
            # "placed the West Bank under curfew", "put the camp under siege": the light
            # verb's object is who the measure is imposed on
            heads += dp.kids(cand.predicate, "dobj")
        if cand.mode == "abduct":
            preps = preps | {"from"}  # "abducted people from southern Israel"
        if cand.mode == "visit" and verbal and self.obj(cand.predicate) is None:
            preps = preps | {"in", "at"}  # "arrived in Cairo": a visit to Egypt
        if etype == "ASSAULT":
            # "launched from inside Lebanese territories toward Israel"
            holders += [
                p
                for h in list(holders)
                for prep in dp.kids(h, "prep")
                if dp.lemma(prep) == "from"
                for p in dp.kids(prep, "pobj")
            ]
        for holder in list(holders):
            for acl in dp.kids(holder, "acl"):
                if dp.lemma(acl) in _AIMING_VERBS:
                    # "new sanctions targeting Iran's drone programme", "strikes aimed at X"
                    heads += [self._counted(o) for o in dp.kids(acl, "dobj")]
                    holders.append(acl)
        against: set[int] = set()
        for holder in holders:
            for prep in dp.kids(holder, "prep"):
                for p in dp.conjuncts(prep):
                    lemma = dp.lemma(p)
                    if lemma == "against":
                        against.update(dp.kids(p, "pobj"))
                    if lemma in preps or (
                        lemma == "of"
                        and holder == cand.trigger
                        and dp.lemma(cand.trigger) in _OF_TARGET
                    ):
                        heads += dp.kids(p, "pobj")
        if etype in _CLAUSE_TARGET_TYPES and verbal and not heads:
            for clause in dp.kids(cand.predicate, "ccomp"):
                if (
                    dp.kids(clause, "mark")
                    or dp.tokens[clause].tag in ("VB", "VBP")
                    or etype == "THREATEN"
                ):
                    heads += [
                        s
                        for s in dp.kids(clause, "nsubj", "nsubjpass")
                        if self.actors.actors(s, strict=True)
                    ]
        complement: list[int] = []
        if etype in ("THREATEN", "REJECT") and verbal:
            complement = self.complement_targets(cand)
            heads += complement
        out: list[Actor] = []
        for h in event_objects:
            found = self._noun_source(h)
            if not found:
                # "an offer from Egypt", "a call from the Iranian president"; "vowed support
                # for Israel" (the type's own prepositions); "the ruling of the ICJ" (not "the
                # killing of X": an event's "of" phrase is its victim)
                froms = {"from", "with"} | preps
                if not self.is_event_noun(h):
                    froms = froms | {"of"}
                for prep in dp.kids(h, "prep"):
                    if dp.lemma(prep) in froms:
                        for p in dp.kids(prep, "pobj"):
                            found.extend(self.actors.actors(p, strict=True))
            out.extend(a for a in found if a not in out)
        found_all: list[Actor] = []
        if etype == "ASSAULT" and not verbal:
            # "An Israeli drone strike on a car killed two Hezbollah fighters": who the
            # clause says was hit comes before what the strike was "on".
            found_all = self.victims(cand.trigger)
            if found_all:
                heads = []
        victim_named = False
        prep_places: set[Actor] = set()
        for h in heads:
            if self.is_event_noun(h) and not self.actors.entity_at(h):
                # a protest "against the PA's campaign" targets the PA; "at a rally organised
                # by X" is the protest itself
                found = self._noun_source(h) if etype != "PROTEST" or h in against else []
            else:
                found = self.actors.actors(h, places=places, strict=strict and h not in complement)
                if not found and places:
                    place = self.actors.place_in(h)
                    found = [Actor(place, None, "PLACE")] if place else []
                if not found:
                    found = self._owner_of(h, strict=strict)
            if h in direct:
                victim_named = victim_named or any(
                    a.type != "PLACE" and not self.actors.is_place(a.id) for a in found
                )
            else:
                prep_places.update(
                    a for a in found if a.type == "PLACE" or self.actors.is_place(a.id)
                )
            found_all += found
        if victim_named:
            # "an Israeli soldier was stabbed at a checkpoint in the West Bank": with the
            # victim named, a place in a prepositional phrase is where, not whom
            found_all = [a for a in found_all if a not in prep_places]
        for actor in found_all:
            if actor.type == "PLACE" or (places and self.actors.is_place(actor.id)):
                if not places:
                    continue
                hit = self.actors.place_target(actor.id)
                if hit is None:
                    continue
                actor = Actor(hit, None, self.actors.entity_type(hit))
            if actor not in out:
                out.append(actor)
        if not out and etype == "THREATEN" and dp.tokens[cand.predicate].dep == "conj":
            # "Hamas blamed Israel for the killing and vowed revenge": the same adversary
            head = dp.tokens[cand.predicate].head
            for o in dp.kids(head, "dobj"):
                out.extend(a for a in self.actors.actors(o, strict=True) if a not in out)
        if not out and cand.trigger != cand.predicate and dp.lemma(cand.predicate) == "join":
            # "joining the U.S.-led coalition": the partner is whose coalition it is
            out = self._noun_source(cand.trigger)
        return out

    def _counted(self, n: int) -> int:
        """What a count noun counts: "dozens of Hamas members" -> members."""
        dp = self.dp
        if dp.lemma(n) in _COUNT_NOUNS:
            for prep in dp.kids(n, "prep"):
                if dp.lemma(prep) == "of":
                    for p in dp.kids(prep, "pobj"):
                        return p
        return n

    def _fires(self, cand: Candidate) -> bool:
        """Whether the trigger discharges its object ("fired/launched/lobbed rockets"), so a
        weapon object is the instrument rather than the thing hit."""
        objs = cand.entry.condition.get("obj") or frozenset()
        return "@weapon" in objs or self.dp.lemma(cand.predicate) in _DISCHARGE_VERBS

    def _owner_of(self, h: int, *, strict: bool) -> list[Actor]:
        """Whose the thing hit or acted on is, when it names no actor itself.

        "dozens of Hamas members", "the assets of IRGC commanders", "the offices of Al
        Jazeera" (its "of" phrase); for attacks also "a car carrying Hezbollah members", "a
        building used by Hamas" (who is in it or uses it).
        """
        dp = self.dp
        found: list[Actor] = []
        for n in self.obj_nouns(h)[1:]:
            found.extend(a for a in self.actors.actors(n, strict=strict) if a not in found)
        if found or strict:
            return found
        for acl in dp.kids(h, "acl", "relcl"):
            if dp.lemma(acl) in _HOLDING_VERBS:
                objs = dp.kids(acl, "dobj") + [
                    p
                    for to in dp.kids(acl, "prep")
                    if dp.lemma(to) == "to"
                    for p in dp.kids(to, "pobj")
                ]  # "carrying X", "belonging to X"
                for o in objs:
                    found.extend(a for a in self.actors.actors(o) if a not in found)
            for agent in dp.kids(acl, "agent"):
                for p in dp.kids(agent, "pobj"):
                    found.extend(a for a in self.actors.actors(p, strict=True) if a not in found)
        return found

    def _about(self, n: int) -> bool:
        """A noun that is something said or proposed, not an actor ("proposal", "remarks")."""
        dp = self.dp
        return (
            not self.actors.entity_at(n)
            and dp.lemma(n) not in self.agent_nouns
            and dp.tokens[n].pos == "NOUN"
        )

    def _is_thing(self, n: int) -> bool:
        """Weapons and event nouns are what is done, not who it is done to."""
        lemma = self.dp.lemma(n)
        if self.actors.entity_at(n) or lemma in self.agent_nouns:
            return False  # "its jets struck": jets that act are actors
        # an event noun only qualified ("a joint patrol", "an air campaign") is a thing only
        # with its qualifier: "ambushed an army patrol" hit the patrol's soldiers
        rows = self.lex.rows("noun", self.noun_lemma(n))
        event = any("mod" not in r.condition for r in rows)
        return (
            lemma in self.weapons
            or event
            or lemma in ("salvo", "barrage", "dozen", "round", "shot", "volley", "hundred")
        )

    def _blamed(self, cand: Candidate) -> bool:
        """ "Israel said Hezbollah was behind the attack": a copula with "behind"."""
        return cand.entry.lemma == "be" and cand.entry.type == "ACCUSE"

    def source(self, cand: Candidate) -> list[Actor]:
        dp = self.dp
        if "undergo" in cand.entry.condition or "undergo" in self._light_cond(cand):
            # "an army post came under Israeli fire": the noun says whose the fire was
            return self._noun_source(cand.trigger)
        if self._blamed(cand):
            speech = speech_governor(dp, cand.predicate, self.lex)
            if speech is None or dp.text(speech).lower() == "according":
                return []
            return [a for s in dp.kids(speech, *SUBJECTS) for a in self.actors.actors(s)]
        if cand.predicate == cand.trigger and dp.tokens[cand.trigger].pos in NOUN_POS:
            found = self.nominal_source(cand.trigger)
            if not found and cand.entry.type in ("CONSULT", "AGREE", "COOPERATE"):
                # "the meeting between Netanyahu and the families", "talks between X and Y"
                for prep in dp.kids(cand.trigger, "prep"):
                    if dp.lemma(prep) == "between":
                        for p in dp.kids(prep, "pobj"):
                            found.extend(self.actors.actors(p))
            return found
        found = self.subject(cand.predicate)
        if not found:
            # "marched at a rally organised by the Houthis": the organiser of the event noun,
            # when it is the same kind of event ("vowed revenge ... in an Israeli strike" must
            # not make Israel the one who vowed)
            for n in self._event_pobjs(cand.predicate, any_type=True):
                if not any(r.type == cand.entry.type for r in self.lex.rows("noun", dp.lemma(n))):
                    continue
                found = self._noun_source(n)
                if found:
                    return found
        if not found and cand.entry.type == "AID":
            # "a convoy of Turkish aid trucks reached Rafah", "aid from Jordan was airdropped
            # over Gaza": whose the aid is
            for s in dp.kids(cand.predicate, "nsubjpass"):
                found = self._noun_source(s) or [
                    a
                    for prep in dp.kids(s, "prep")
                    if dp.lemma(prep) == "from"
                    for o in dp.kids(prep, "pobj")
                    for a in self.actors.actors(o, strict=True)
                ]
                if found:
                    return found
            for s in dp.kids(cand.predicate, "nsubj"):
                for n in self.obj_nouns(s):
                    found = self._noun_source(n)
                    if found:
                        return found
        if not found and cand.entry.type == "MOBILIZE" and not dp.kids(cand.predicate, "agent"):
            # "Iran's armed forces were placed on high alert", "U.S. troops were deployed":
            # forces mobilised without a named mobiliser are the actor themselves.
            for s in dp.kids(cand.predicate, "nsubjpass"):
                found.extend(self.actors.actors(s, strict=True))
            if found:
                return found
        if not found and cand.entry.type == "ASSAULT":
            # "A Hezbollah drone was launched at ...": the weapon's owner fired it.
            obj = self.obj(cand.predicate)
            if obj is not None and self._is_thing(obj):
                found = self._noun_source(obj)
        return found

    def _light_cond(self, cand: Candidate) -> dict[str, frozenset[str]]:
        """The condition of the light-verb row that introduced ``cand``'s noun, if any."""
        if cand.trigger == cand.predicate:
            return {}
        for row in self.lex.rows("light", self.dp.lemma(cand.predicate)):
            return dict(row.condition)
        return {}

    def sourceless_ok(self, cand: Candidate) -> bool:
        """Events coded without a source: a protest by unnamed people, an attack whose
        attacker is not named but whose victim is (passive, or a weapon as subject, or a
        subject that "came under fire")."""
        dp = self.dp
        if cand.entry.type == "PROTEST":
            return True
        if cand.entry.type != "ASSAULT":
            return False
        if "undergo" in self._light_cond(cand):
            return True
        pred = dp.tokens[cand.predicate]
        if pred.pos in NOUN_POS:
            # "an explosion ... killed": only when the clause verb is itself an act of harm
            clause = clause_verb(dp, cand)
            return clause is not None and (
                self.lex.has("verb", dp.lemma(clause)) or dp.lemma(clause) in TOLL_VERBS
            )
        if self._event_pobjs(cand.predicate):
            return False  # "were killed in an Israeli airstrike": the noun carries it
        if dp.kids(cand.predicate, "nsubjpass") or dp.kids(cand.predicate, "auxpass"):
            return not dp.kids(cand.predicate, "agent")
        subj = dp.kids(cand.predicate, "nsubj")
        # "A roadside bomb hit X" (an event noun as subject is coded as the noun's event)
        return bool(subj) and dp.lemma(subj[0]) in self.weapons


def clause_verb(dp: DocParse, cand: Candidate) -> int | None:
    """The verb of the clause an event noun states its event in ("a strike killed ...",
    "were killed in a strike"), or None."""
    n = cand.trigger
    if cand.predicate != n or dp.tokens[n].pos not in NOUN_POS:
        return None
    tok = dp.tokens[counter(dp, n)]
    if tok.dep in ("nsubj", "nsubjpass") and dp.tokens[tok.head].pos == "VERB":
        return tok.head
    if tok.dep == "pobj" and dp.lemma(tok.head) in EVENT_PREPS:
        verb = dp.tokens[tok.head].head
        if dp.tokens[verb].pos == "VERB":
            return verb
    return None


def counter(dp: DocParse, n: int) -> int:
    """The noun that stands in the clause for ``n``: "a wave of strikes" -> "wave" (so the
    strikes are the clause's subject); ``n`` itself otherwise."""
    tok = dp.tokens[n]
    if tok.dep == "pobj" and dp.lemma(tok.head) == "of":
        owner = dp.tokens[tok.head].head
        if dp.lemma(owner) in _SERIES_NOUNS:
            return owner
    return n


def is_joint(dp: DocParse, cand: Candidate, lexicon: Lexicon) -> bool:
    """ "a joint (drone) operation", "operating jointly", "working together": a shared act."""
    joint = lexicon.words("joint")
    frontier = [cand.trigger, cand.predicate]
    for _ in range(2):  # "joint" may modify a modifier: "a joint drone operation"
        frontier = [c for t in frontier for c in dp.kids(t, "amod", "advmod", "compound")]
        if any(dp.lemma(c) in joint for c in frontier):
            return True
    return False


def is_junk(dp: DocParse, sentence: Sentence) -> bool:
    """Sentences that are not news prose: no verb, too long (a run-together list), a question."""
    n = sentence.token_end - sentence.token_start
    if n < 4 or n > _MAX_SENTENCE_TOKENS:
        return True
    text = dp.doc.body[sentence.start : sentence.end].strip()
    if text.endswith("?"):
        return True
    if not text.endswith(_SENTENCE_ENDS):
        # "Read more: Hezbollah strikes back", menu items, captions: prose ends in a stop
        return True
    return not any(
        dp.tokens[i].pos in ("VERB", "AUX") for i in range(sentence.token_start, sentence.token_end)
    )

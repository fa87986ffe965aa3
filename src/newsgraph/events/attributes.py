"""Attributes of a coded event: location, date, amounts and who reports it.

- location: a place entity in a locative phrase (in/near/at/outside/inside/across/along) of the
  predicate, the event noun, its clause verb or the object ("in Beirut", "near the southern
  city of Tyre", "at the air traffic control base in Mount Hermon"); a country that is the
  target ("fired rockets at Israel") is not a location;
- date: the time expression (``dates.find_time_expressions`` over the sentence, resolved
  against ``dates.anchor_date(doc)``) attached to the predicate within its own clause, so "said
  on Tuesday" does not date the reported attack;
- quantities and casualties (``quantities.find_quantities`` / ``casualties``) over the event's
  own phrase: the trigger, its object and, for attacks, a toll clause ("killing five");
- attributed_to: the speaker of the reporting verb or "according to" phrase: the entity id, or
  the phrase as written when it names no entity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from newsgraph.events.actors import ActorIndex, DocParse
from newsgraph.events.dates import TimeExpression, anchor_date, find_time_expressions
from newsgraph.events.extract import (
    NOUN_POS,
    SUBJECTS,
    TARGET_PREPS,
    TOLL_VERBS,
    Candidate,
    clause_verb,
)
from newsgraph.events.flags import speech_governor
from newsgraph.events.lexicon import Lexicon
from newsgraph.events.quantities import casualties, find_quantities
from newsgraph.model import Document, Quantity, Sentence

__all__ = [
    "Attributes",
    "amounts_of",
    "attribution_of",
    "location_of",
    "pick_time",
    "time_expressions",
]

LOCATIVE: Final = frozenset({"in", "near", "at", "outside", "inside", "across", "along"})
# Clauses that are not part of an event's own phrase (relative clauses are).
_FAR: Final = 6  # dependency steps beyond which a time expression is not the event's
CLAUSAL: Final = frozenset({"advcl", "ccomp", "xcomp", "conj", "parataxis", "csubj", "mark"})


@dataclass(frozen=True, slots=True)
class Attributes:
    """What one document's events are resolved against: the day "today" means in it."""

    anchor: date | None = None

    @classmethod
    def of(cls, doc: Document) -> Attributes:
        return cls(anchor=anchor_date(doc))


def location_of(dp: DocParse, actors: ActorIndex, cand: Candidate) -> tuple[str | None, str | None]:
    """(place entity id, the locative phrase as written) of an event, or (None, None)."""
    holders = [cand.predicate, cand.trigger]
    clause = clause_verb(dp, cand)
    if clause is not None:
        holders.append(clause)
    obj_kids = dp.kids(cand.predicate, "dobj")
    holders += obj_kids
    target_preps = TARGET_PREPS.get(cand.entry.type or "", TARGET_PREPS["*"])
    for holder in holders:
        for prep in dp.kids(holder, "prep"):
            if dp.lemma(prep) not in LOCATIVE:
                continue
            for pobj in dp.kids(prep, "pobj"):
                place = actors.place_in(pobj)
                if (
                    place is not None
                    and dp.lemma(prep) in target_preps
                    and actors.entity_type(place) == "COUNTRY"
                ):
                    continue  # "fired rockets at Israel": the target, not a location
                if place is not None:
                    start, end = dp.span(prep)
                    return place, dp.doc.body[start:end]
    return None, None


def attribution_of(
    dp: DocParse, actors: ActorIndex, lexicon: Lexicon, predicate: int
) -> str | None:
    """Who the sentence says reports the event: an entity id, the phrase as written, or None."""
    speech = speech_governor(dp, predicate, lexicon)
    if speech is None:
        return None
    if dp.text(speech).lower() == "according":
        heads = [p for to in dp.kids(speech, "prep") for p in dp.kids(to, "pobj")]
    else:
        heads = dp.kids(speech, *SUBJECTS) or dp.kids(speech, "agent")
        heads = [
            p for h in heads for p in ([h] if dp.tokens[h].dep != "agent" else dp.kids(h, "pobj"))
        ]
    for h in heads:
        ent = actors.entity_at(h)
        if ent:
            return ent
        found = actors.actors(h, strict=True)  # "Israeli news outlets" is not Israel
        if found:
            return found[0].person or found[0].id
        if dp.tokens[h].pos not in NOUN_POS:
            continue
        start, end = dp.span(h)
        text = dp.doc.body[start:end].strip()
        if text and "\n" not in text and len(text) <= 80:
            return text
    return None


def time_expressions(dp: DocParse, sentence: Sentence, attrs: Attributes) -> list[TimeExpression]:
    """The time expressions of a sentence, resolved against the document's anchor."""
    text = dp.doc.body[sentence.start : sentence.end]
    return find_time_expressions(text, sentence.start, attrs.anchor)


def pick_time(
    dp: DocParse,
    cand: Candidate,
    times: list[TimeExpression],
    sentence: Sentence,
    lexicon: Lexicon,
) -> TimeExpression | None:
    """The time expression attached to the predicate (or event noun) within its own phrase.

    The path from the expression up the dependency tree must reach the event's predicate,
    trigger or clause verb without passing another verb or another event noun: in "the
    bombardment came in response to an Oct. 7 attack", Oct. 7 dates the attack, not the
    bombardment.
    """
    if not times:
        return None
    anchors = {cand.predicate, cand.trigger}
    clause = clause_verb(dp, cand)
    if clause is not None:
        anchors.add(clause)  # "a strike killed two fighters last night"
    event_nouns = lexicon.words("noun")
    tokens = dp.tokens
    best: TimeExpression | None = None
    best_dist = _FAR
    for expr in times:
        for i in range(sentence.token_start, sentence.token_end):
            if tokens[i].start >= expr.end or tokens[i].end <= expr.start:
                continue
            dist, j = 0, i
            while j not in anchors and dist < _FAR:
                tok = tokens[j]
                other_event = tok.pos in ("VERB", "AUX") or (
                    tok.pos == "NOUN" and dp.lemma(j) in event_nouns
                )
                if tok.head == j or (dist > 0 and other_event):
                    dist = _FAR
                    break
                j = tok.head
                dist += 1
            if j in anchors and dist < best_dist:
                best, best_dist = expr, dist
    return best


def phrase(dp: DocParse, i: int) -> set[int]:
    """The subtree of ``i`` without clauses attached to it (relative clauses are kept)."""
    out = {i}
    stack = [c for c in dp.children[i] if dp.tokens[c].dep not in CLAUSAL]
    while stack:
        c = stack.pop()
        out.add(c)
        stack.extend(g for g in dp.children[c] if dp.tokens[g].dep not in CLAUSAL)
    return out


def amounts_of(
    dp: DocParse, cand: Candidate
) -> tuple[tuple[Quantity, ...], int | None, int | None]:
    """Stated amounts, fatalities and injuries of the event's own phrase."""
    core = phrase(dp, cand.trigger)
    verbs = [cand.predicate]
    clause = clause_verb(dp, cand)
    if clause is not None:
        # "a strike killed two fighters": the verb and its objects, not its other phrases
        verbs.append(clause)
        core.add(clause)
    for v in verbs:
        for o in dp.kids(v, "dobj", "nsubjpass"):
            core |= phrase(dp, o)
        for adv in dp.kids(v, "advcl", "conj"):
            # "..., killing five fighters and wounding 12": the toll of this event
            if dp.lemma(adv) in TOLL_VERBS:
                core |= set(dp.subtree(adv))
    if cand.trigger != cand.predicate:
        core.add(cand.predicate)
    lo = min(dp.tokens[i].start for i in core)
    hi = max(dp.tokens[i].end for i in core)
    text = dp.doc.body[lo:hi]
    # The span lo..hi can cover words between the event's own ones ("hosted a delegation ...,
    # as a salvo of 60 rockets was fired"): keep only figures that sit on the event's tokens.
    spans = [(dp.tokens[i].start, dp.tokens[i].end) for i in core]
    quantities = tuple(
        q for q in find_quantities(text, lo) if any(s < q.end and e > q.start for s, e in spans)
    )
    fatalities = injuries = None
    if cand.entry.type == "ASSAULT":
        fatalities, injuries = casualties(text, lo)
    return quantities, fatalities, injuries

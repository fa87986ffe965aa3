"""One event per act: merging what the per-trigger rules code separately.

- ``credit_claim``: "A salvo was fired at X. Hezbollah claimed responsibility for the attack."
  gives the earlier attack its attacker instead of coding the claim as a second attack;
- ``join_halves``: "A soldier was killed (no attacker) when Israeli shelling hit a post (no
  victim)" is one attack by Israel on the soldier's side;
- ``drop_subsumed``: of two events of one sentence and type, the one whose actors are all in
  the other goes ("condemned the killing ... and held Israel responsible").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from newsgraph.events.actors import Actor, DocParse
from newsgraph.events.extract import event_id, ids
from newsgraph.model import Event, Sentence

__all__ = ["CLAIM_REACH", "credit_claim", "drop_subsumed", "join_halves", "trigger_start"]

CLAIM_REACH: Final = 2  # sentences back that "the attack" of a claim may point to


def credit_claim(
    events: list[Event],
    current: list[Event],
    dp: DocParse,
    sentence: Sentence,
    source: Sequence[Actor],
) -> bool:
    """Give the claimant to the latest ASSAULT without a source in the previous sentences."""
    sentences = dp.parsed.sentences
    index = sentences.index(sentence)
    earliest = sentences[max(0, index - CLAIM_REACH)].start
    for pool in (current, events):
        for n in range(len(pool) - 1, -1, -1):
            ev = pool[n]
            if ev.type != "ASSAULT" or ev.source or ev.evidence[0].start < earliest:
                continue
            if ev.evidence[0].doc != dp.doc.id:
                return False
            src_ids = ids(source)
            people = tuple(a.person for a in source if a.person)
            pool[n] = replace(
                ev,
                id=event_id(ev.evidence[0].doc, trigger_start(ev), ev.type, src_ids, ev.target),
                source=src_ids,
                source_people=people,
                attributed_to=ev.attributed_to or src_ids[0],
            )
            return True
    return False


def trigger_start(ev: Event) -> int:
    """Body offset of an event's trigger (the first occurrence in its sentence)."""
    ev0 = ev.evidence[0]
    at = ev0.text.find(ev.trigger or "")
    return ev0.start + max(at, 0)


def join_halves(
    found: list[Event], tokens_of: dict[str, tuple[int, int]], dp: DocParse
) -> list[Event]:
    """One attack told in two linked clauses: "A soldier was killed (no attacker) when Israeli
    shelling hit a post (no victim)" -> Israel attacked the soldier's side."""
    out = list(found)
    for a in found:
        if a.type != "ASSAULT" or a.source or not a.target or a.id not in tokens_of:
            continue
        a_trigger, a_pred = tokens_of[a.id]
        for n, b in enumerate(out):
            if b.type != "ASSAULT" or not b.source or b.target or b.id not in tokens_of:
                continue
            b_trigger, b_pred = tokens_of[b.id]
            linked = a_pred in dp.ancestors(b_trigger) or b_pred in dp.ancestors(a_trigger)
            if not linked or b.negated != a.negated:
                continue
            joined = replace(
                b,
                id=event_id(b.evidence[0].doc, trigger_start(b), b.type, b.source, a.target),
                target=a.target,
                target_people=a.target_people,
                fatalities=b.fatalities or a.fatalities,
                injuries=b.injuries or a.injuries,
                date=b.date or a.date,
                date_precision=b.date_precision or a.date_precision,
                date_text=b.date_text or a.date_text,
            )
            tokens_of[joined.id] = tokens_of[b.id]
            out[n] = joined
            out.remove(a)
            break
    return out


def drop_subsumed(events: list[Event]) -> list[Event]:
    """One event per act: of two events of one sentence with the same type, drop the one
    whose source and target are both contained in the other's ("condemned the killing ...
    and held Israel responsible", "marched ... at a rally organised by the Houthis")."""
    out: list[Event] = []
    for i, ev in enumerate(events):
        subsumed = False
        for j, other in enumerate(events):
            if i == j or other.type != ev.type or other.evidence != ev.evidence:
                continue
            if other.negated != ev.negated:
                continue
            inside = set(ev.source) <= set(other.source) and set(ev.target) <= set(other.target)
            bigger = (len(other.source) + len(other.target)) > (len(ev.source) + len(ev.target))
            # the same actors twice ("were killed in an Israeli airstrike", by the verb and by the
            # noun): keep the one that says how (a mode), else the first
            same = (ev.source, ev.target) == (other.source, other.target) and (
                (other.mode and not ev.mode) or (ev.mode == other.mode and j < i)
            )
            if inside and (bigger or same):
                subsumed = True
                break
        if not subsumed:
            out.append(ev)
    return out

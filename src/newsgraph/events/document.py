"""The events of one document: the sentence rules, then attributes, flags and merging."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.events.actors import Actor, ActorIndex, DocParse
from newsgraph.events.attributes import (
    Attributes,
    amounts_of,
    attribution_of,
    location_of,
    pick_time,
    time_expressions,
)
from newsgraph.events.consolidate import credit_claim, drop_subsumed, join_halves
from newsgraph.events.extract import TOLL_VERBS, SentenceRules, event_id, ids, is_joint, is_junk
from newsgraph.events.flags import block_governor, flags_of
from newsgraph.events.lexicon import Lexicon
from newsgraph.model import Event

__all__ = ["code_document_events"]


def code_document_events(
    dp: DocParse,
    actors: ActorIndex,
    lexicon: Lexicon,
    attrs: Attributes,
    producer: str,
) -> list[Event]:
    """Every event of one document, in text order."""
    events: list[Event] = []
    doc = dp.doc
    for sentence in dp.parsed.sentences:
        if is_junk(dp, sentence):
            continue
        rules = SentenceRules(dp, actors, lexicon, sentence)
        seen: set[tuple[int, str]] = set()
        times = None
        found: list[Event] = []
        tokens_of: dict[str, tuple[int, int]] = {}  # event id -> (trigger, predicate)
        for cand in rules.candidates():
            etype = cand.entry.type or ""
            key = (cand.trigger, etype)
            if key in seen or block_governor(dp, cand.predicate, lexicon):
                continue
            source = rules.source(cand)
            target = [t for t in rules.targets(cand) if t.id not in {s.id for s in source}]
            if etype == "ASSAULT" and rules.claims_earlier(cand) and source:
                # "A salvo was fired at X. Hezbollah claimed responsibility for the attack.":
                # the claim names who carried out the attack just reported.
                if credit_claim(events, found, dp, sentence, source):
                    seen.add(key)
                    continue
            if not source and not rules.sourceless_ok(cand):
                continue
            flags = flags_of(dp, cand.predicate, lexicon, noun=cand.trigger)
            trig_tok = dp.tokens[cand.trigger]
            location, location_text = location_of(dp, actors, cand)
            toll = dp.lemma(cand.predicate) in TOLL_VERBS and not source
            boundary = lexicon.words("boundary")
            border = any(w.strip(".,;:") in boundary for w in (location_text or "").lower().split())
            if (
                not target
                and location
                and etype in ("ASSAULT", "COERCE", "AID")
                and not toll
                and not border
            ):
                # ("52 people have been killed in Lebanon" is a toll, not an attack on Lebanon)
                # "strikes inside Iran", "raids across the West Bank": with no named victim
                # the target is whoever holds the ground (dev-set guideline 3).
                hit = actors.place_target(location)
                if hit is not None and hit not in {a.id for a in source}:
                    target = [Actor(hit, None, actors.entity_type(hit))]
            if not source and not target and etype != "PROTEST":
                continue  # an attack with neither side named says nothing coded
            seen.add(key)
            if times is None:
                times = time_expressions(dp, sentence, attrs)
            when = pick_time(dp, cand, times, sentence, lexicon)
            quantities, fatalities, injuries = amounts_of(dp, cand)
            hypothetical = flags.hypothetical or bool(when and when.future)
            pairs = [(source, target)]
            if dp.lemma(cand.predicate) in ("exchange", "trade") and etype == "ASSAULT":
                # "X exchanged fire with Y", "X and Y traded fire": one attack each way.
                if target:
                    pairs.append((target, source))
                elif len(source) == 2:
                    pairs = [([source[0]], [source[1]]), ([source[1]], [source[0]])]
            for source, target in pairs:
                tokens_of[event_id(doc.id, trig_tok.start, etype, ids(source), ids(target))] = (
                    cand.trigger,
                    cand.predicate,
                )
                found.append(
                    Event(
                        id=event_id(doc.id, trig_tok.start, etype, ids(source), ids(target)),
                        type=etype,
                        evidence=(doc.evidence(sentence.start, sentence.end),),
                        mode=cand.mode,
                        subtype=cand.subtype,
                        cameo=cand.entry.cameo,
                        source=ids(source),
                        target=ids(target),
                        source_people=tuple(dict.fromkeys(a.person for a in source if a.person)),
                        target_people=tuple(dict.fromkeys(a.person for a in target if a.person)),
                        location=location,
                        location_text=location_text,
                        date=when.date if when else None,
                        date_precision=when.precision if when else None,
                        date_text=when.text if when else None,
                        quantities=quantities,
                        fatalities=fatalities,
                        injuries=injuries,
                        negated=flags.negated,
                        hypothetical=hypothetical,
                        attributed_to=attribution_of(dp, actors, lexicon, cand.predicate),
                        trigger=doc.body[trig_tok.start : trig_tok.end],
                        producer=producer,
                    )
                )
            if is_joint(dp, cand, lexicon) and etype != "COOPERATE" and len(found[-1].source) > 1:
                # "X and Y carried out a joint operation against Z": they also cooperated
                last = found[-1]
                found.append(
                    replace(
                        last,
                        id=event_id(doc.id, trig_tok.start, "COOPERATE", last.source, ()),
                        type="COOPERATE",
                        target=(),
                        target_people=(),
                        mode="military" if etype == "ASSAULT" else None,
                        subtype="joint action",
                        cameo="06",
                    )
                )
        events.extend(drop_subsumed(join_halves(found, tokens_of, dp)))
    return events

"""Scoring of PLOVER event coding against the dev set ``tests/fixtures/events_dev.jsonl``.

One implementation for the benchmark (``bench/events.py``) and the quality gate
(``tests/events/test_quality.py``); both load this file by path. The gold format and the
labelling guidelines are in ``tests/fixtures/README-events.md``.

What is scored, per sentence (a predicted event only ever meets gold events of its own sentence):

- **Triples** (type, source set, target set). A prediction matches a gold event when the types
  are equal and the source and the target each match (below). Predictions and gold events are
  paired one to one, best pairs first. Precision = matched predictions / predictions, recall =
  matched gold events / gold events. Negated and hypothetical events count like any other (the
  flags are scored separately); an "asserted" view drops them on both sides.
- **Actor sets.** A gold actor is matched by a predicted actor when the predicted id equals the
  gold KB id, or the gold name (normalised with ``normalize_name``) equals the predicted
  entity's name or one of its aliases; a country and its government count as one actor
  (``ng:country:il`` ~ ``ng:gov:il``). A gold organisation with people listed
  (``source_people``) is also matched by a prediction of one of those people, PETRARCH's
  person-for-organisation convention read either way. The sets match when every gold actor is
  matched by some predicted actor (``source`` or ``source_people``) and every predicted actor in
  ``source`` matches some gold actor or person; an empty gold set matches only an empty
  prediction. For the symmetric types (CONSULT, AGREE, COOPERATE) the pooled actors of both
  roles may match instead ("the meeting between X and Y" coded Y -> X).
- **Lenient actors** (a second figure): also accept an actor of the same family, i.e. one is
  ``part_of`` the other in the knowledge base (``ng:idf`` -> ``ng:gov:il``), or a place in the
  gold state (``ng:north-israel`` for ``ng:gov:il``), or a person whose KB roles tie them to
  the gold organisation. This separates "found the right side" from "chose the same level".
- Type-only precision/recall per sentence (sets of types), source and target accuracy over
  predictions paired with a gold event of the same type, date accuracy (same day and same
  precision) over matched events with a gold date, negated/hypothetical flag accuracy and
  attribution accuracy over matched events, ASSAULT mode accuracy over matched events with a
  gold mode, a per-type table, and the number of events predicted on sentences without one.

Nothing here imports spaCy: ``run_devset`` imports the pipeline stages lazily, so the scoring
functions can be tested with hand-built ``Event`` records.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from newsgraph.entities.normalize import normalize_name
from newsgraph.events.lexicon import PLOVER_TYPES
from newsgraph.model import ArticleMeta, Document, Entity, Event, ParsedDocument, sha256_hex

if TYPE_CHECKING:
    from newsgraph.entities import EntityResult, KnowledgeBase

REPO: Final = Path(__file__).resolve().parents[1]
DEFAULT_DEVSET: Final = REPO / "tests" / "fixtures" / "events_dev.jsonl"

SYMMETRIC_TYPES: Final = frozenset({"CONSULT", "AGREE", "COOPERATE"})
PRECISIONS: Final = ("day", "week", "month", "year")
# Modes the dev set uses, per type (README-events.md, guideline 2).
MODES: Final[Mapping[str, frozenset[str]]] = {
    "ASSAULT": frozenset({"aerial", "drone", "missile", "firearms", "explosives", "abduct"}),
    "CONSULT": frozenset({"meet", "visit", "phone", "third-party", "multilateral"}),
    "CONCEDE": frozenset({"release", "ease"}),
    "COOPERATE": frozenset({"military", "intelligence"}),
    "AID": frozenset({"humanitarian", "military", "economic"}),
    "RETREAT": frozenset({"withdraw", "ceasefire"}),
    "ACCUSE": frozenset({"investigate"}),
    "PROTEST": frozenset({"demo", "strike", "hunger", "obstruct", "boycott"}),
    "SANCTION": frozenset({"embargo", "relations", "expel"}),
    "MOBILIZE": frozenset({"troops", "alert", "police"}),
    "COERCE": frozenset(
        {"arrest", "seize", "blockade", "curfew", "ban", "deport", "restrict", "disperse"}
    ),
}
# Other spellings of the ASSAULT modes an extractor may use (PLOVER's own names included).
_MODE_ALIASES: Final[Mapping[str, str]] = {
    "air": "aerial",
    "airstrike": "aerial",
    "air-strike": "aerial",
    "uav": "drone",
    "rocket": "missile",
    "rockets": "missile",
    "missiles": "missile",
    "shelling": "missile",
    "artillery": "missile",
    "mortar": "missile",
    "heavy-weapons": "missile",
    "heavy_weapons": "missile",
    "firearm": "firearms",
    "gunfire": "firearms",
    "shooting": "firearms",
    "explosive": "explosives",
    "explode": "explosives",
    "bomb": "explosives",
    "bombing": "explosives",
    "ied": "explosives",
    "suicide-attack": "explosives",
    "abduction": "abduct",
    "kidnap": "abduct",
    "kidnapping": "abduct",
    "hostage": "abduct",
    "hostage-taking": "abduct",
}


def normalize_mode(mode: str | None) -> str | None:
    """The dev set's name of a mode, so "rockets" and "heavy-weapons" meet "missile"."""
    if not mode:
        return None
    key = mode.strip().lower().replace(" ", "-")
    return _MODE_ALIASES.get(key, key)


def mode_matches(predicted: str | None, gold: str | None) -> bool:
    """Whether a predicted mode is the gold mode; gold may list alternatives ("drone|missile"
    for "drones and missiles")."""
    alternatives = {normalize_mode(m) for m in (gold or "").split("|") if m}
    return normalize_mode(predicted) in alternatives if alternatives else predicted is None


# ------------------------------------------------------------------------------------ gold


@dataclass(frozen=True, slots=True)
class GoldActor:
    """An actor as the dev set names it: canonical name, KB id or None for unknown actors."""

    name: str
    id: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    source: tuple[GoldActor, ...] = ()
    target: tuple[GoldActor, ...] = ()
    source_people: tuple[GoldActor, ...] = ()
    target_people: tuple[GoldActor, ...] = ()
    mode: str | None = None
    date: date | None = None
    date_precision: str | None = None
    negated: bool = False
    hypothetical: bool = False
    attributed_to: str | None = None

    @property
    def asserted(self) -> bool:
        return not (self.negated or self.hypothetical)

    def describe(self) -> str:
        return _describe(
            self.type,
            [a.name for a in self.source] + [f"({a.name})" for a in self.source_people],
            [a.name for a in self.target] + [f"({a.name})" for a in self.target_people],
            self.mode,
            self.date,
            self.date_precision,
            self.negated,
            self.hypothetical,
            self.attributed_to,
        )


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    text: str
    published: date
    events: tuple[GoldEvent, ...]
    tags: tuple[str, ...] = ()


def _actors(names: Sequence[str], ids: Sequence[str | None] | None) -> tuple[GoldActor, ...]:
    ids = list(ids) if ids is not None else [None] * len(names)
    if len(ids) != len(names):
        raise ValueError(f"names {names!r} and ids {ids!r} differ in length")
    return tuple(GoldActor(n, i) for n, i in zip(names, ids, strict=True))


def parse_gold_event(raw: Mapping[str, Any]) -> GoldEvent:
    """One gold event from its JSON object (raises ValueError on malformed fields)."""
    day = raw.get("date")
    return GoldEvent(
        type=raw["type"],
        source=_actors(raw.get("source", []), raw.get("source_ids")),
        target=_actors(raw.get("target", []), raw.get("target_ids")),
        source_people=_actors(raw.get("source_people", []), raw.get("source_people_ids")),
        target_people=_actors(raw.get("target_people", []), raw.get("target_people_ids")),
        mode=raw.get("mode"),
        date=date.fromisoformat(day) if day else None,
        date_precision=raw.get("date_precision"),
        negated=bool(raw.get("negated", False)),
        hypothetical=bool(raw.get("hypothetical", False)),
        attributed_to=raw.get("attributed_to"),
    )


def load_devset(path: Path | str = DEFAULT_DEVSET) -> list[GoldSentence]:
    """The dev set, in file order."""
    sentences: list[GoldSentence] = []
    with open(path, encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                sentences.append(
                    GoldSentence(
                        id=raw["id"],
                        text=raw["text"],
                        published=date.fromisoformat(raw["published"]),
                        events=tuple(parse_gold_event(e) for e in raw.get("events", [])),
                        tags=tuple(raw.get("tags", [])),
                    )
                )
            except (KeyError, ValueError, TypeError) as exc:
                raise ValueError(f"{path}:{line_no}: {exc}") from exc
    return sentences


# ------------------------------------------------------------------------------ actor lookup


class ActorIndex:
    """Names, KB ids and families of predicted actor ids, from the entity result and the KB."""

    def __init__(self, entities: Iterable[Entity] = (), kb: KnowledgeBase | None = None):
        self._entities: dict[str, Entity] = {e.id: e for e in entities}
        self._kb = kb
        self._names: dict[str, frozenset[str]] = {}
        self._family: dict[str, frozenset[str]] = {}

    def kb_id(self, actor: str) -> str | None:
        """The KB id of a predicted actor id (itself when the KB knows it)."""
        entity = self._entities.get(actor)
        if entity is not None and entity.kb_id:
            return entity.kb_id
        if self._kb is not None and self._kb.get(actor) is not None:
            return actor
        return actor if actor.startswith("ng:") else None

    def names(self, actor: str) -> frozenset[str]:
        """Normalised names of a predicted actor: entity name and aliases, KB names, the id."""
        cached = self._names.get(actor)
        if cached is not None:
            return cached
        raw: list[str] = []
        entity = self._entities.get(actor)
        if entity is not None:
            raw += [entity.name, *entity.aliases]
        kid = self.kb_id(actor)
        if kid and self._kb is not None:
            entry = self._kb.get(kid)
            if entry is not None:
                raw += list(entry.names)
        if not raw:  # a name as written rather than an id
            raw.append(actor)
        names = frozenset(k for k in (normalize_name(n) for n in raw) if k)
        self._names[actor] = names
        return names

    def family(self, kb_id: str) -> frozenset[str]:
        """``kb_id``, its state twin, and everything it is transitively ``part_of``."""
        cached = self._family.get(kb_id)
        if cached is not None:
            return cached
        seen: set[str] = set()
        todo = [kb_id]
        while todo:
            current = state_key(todo.pop())
            if current in seen:
                continue
            seen.add(current)
            if self._kb is None:
                continue
            for key in (current, current.replace("ng:gov:", "ng:country:")):
                for role in self._kb.roles_of(key) if self._kb.get(key) else ():
                    if role.predicate == "part_of":
                        todo.append(role.object)
        family = frozenset(seen)
        self._family[kb_id] = family
        return family

    def related(self, kb_id: str) -> frozenset[str]:
        """Lenient matches of a KB actor: its family, its country's government (places), and
        the families of the organisations a person holds a KB role in."""
        out = set(self.family(kb_id))
        if self._kb is not None:
            entry = self._kb.get(kb_id)
            if entry is not None and entry.type == "PLACE" and entry.country:
                out.add(f"ng:gov:{entry.country.lower()}")
            if entry is not None and entry.type == "PERSON":
                for role in entry.roles:
                    if role.predicate != "adviser_to":
                        out |= self.family(role.object)
        return frozenset(out)


def state_key(actor_id: str) -> str:
    """A country and its government are one actor: ``ng:country:il`` -> ``ng:gov:il``."""
    if actor_id.startswith("ng:country:"):
        return "ng:gov:" + actor_id.removeprefix("ng:country:")
    return actor_id


def actor_matches(
    predicted: str, gold: GoldActor, index: ActorIndex, *, lenient: bool = False
) -> bool:
    """Whether a predicted actor id is the gold actor (see the module docstring)."""
    kid = index.kb_id(predicted)
    if gold.id is not None and kid is not None and state_key(kid) == state_key(gold.id):
        return True
    if normalize_name(gold.name) in index.names(predicted):
        return True
    if lenient and gold.id is not None and kid is not None:
        gold_family = index.related(gold.id)
        pred_family = index.related(kid)
        if state_key(kid) in gold_family or state_key(gold.id) in pred_family:
            return True
    return False


def role_matches(
    orgs: Sequence[GoldActor],
    people: Sequence[GoldActor],
    actors: Sequence[str],
    actor_people: Sequence[str],
    index: ActorIndex,
    *,
    lenient: bool = False,
) -> bool:
    """Whether predicted actors (+ people) fill a gold role (organisations + people)."""
    if not orgs and not people:
        return not actors
    pool = list(dict.fromkeys([*actors, *actor_people]))
    gold_all = [*orgs, *people]

    def hit(pred: str, gold: GoldActor) -> bool:
        return actor_matches(pred, gold, index, lenient=lenient)

    # Every predicted main actor is someone gold names (organisation or person).
    if not all(any(hit(p, g) for g in gold_all) for p in actors):
        return False
    if not pool:
        return False
    for org in orgs or people:
        if any(hit(p, org) for p in pool):
            continue
        # A person of this organisation stands for it; with one organisation any listed
        # person is its person, with several the person's KB roles must point to it.
        candidates = [
            person
            for person in people
            if len(orgs) == 1
            or (person.id is not None and org.id is not None and _tied(person.id, org.id, index))
        ]
        if not any(hit(p, person) for p in pool for person in candidates):
            return False
    return True


def _tied(person_id: str, org_id: str, index: ActorIndex) -> bool:
    return state_key(org_id) in index.related(person_id)


def event_matches(
    predicted: Event, gold: GoldEvent, index: ActorIndex, *, lenient: bool = False
) -> bool:
    """Triple match: same type, source set and target set match."""
    if predicted.type != gold.type:
        return False
    directed = role_matches(
        gold.source,
        gold.source_people,
        predicted.source,
        predicted.source_people,
        index,
        lenient=lenient,
    ) and role_matches(
        gold.target,
        gold.target_people,
        predicted.target,
        predicted.target_people,
        index,
        lenient=lenient,
    )
    if directed or gold.type not in SYMMETRIC_TYPES:
        return directed
    return role_matches(
        [*gold.source, *gold.target],
        [*gold.source_people, *gold.target_people],
        [*predicted.source, *predicted.target],
        [*predicted.source_people, *predicted.target_people],
        index,
        lenient=lenient,
    )


def source_matches(predicted: Event, gold: GoldEvent, index: ActorIndex) -> bool:
    return role_matches(
        gold.source, gold.source_people, predicted.source, predicted.source_people, index
    )


def target_matches(predicted: Event, gold: GoldEvent, index: ActorIndex) -> bool:
    return role_matches(
        gold.target, gold.target_people, predicted.target, predicted.target_people, index
    )


def attribution_matches(predicted: Event, gold: GoldEvent, index: ActorIndex) -> bool:
    """Both unattributed, or both attributed to the same actor or phrase."""
    if gold.attributed_to is None or predicted.attributed_to is None:
        return gold.attributed_to is None and predicted.attributed_to is None
    gold_key = normalize_name(gold.attributed_to)
    names = index.names(predicted.attributed_to)
    return gold_key in names or any(gold_key in n or n in gold_key for n in names if n)


# -------------------------------------------------------------------------------- matching


def pair_events(
    predicted: Sequence[Event],
    gold: Sequence[GoldEvent],
    index: ActorIndex,
    *,
    lenient: bool = False,
) -> list[tuple[int, int]]:
    """One-to-one (prediction index, gold index) pairs of matching events, best pairs first.

    Among matching pairs, those that also agree on the flags and the date are taken first, so
    a negated and an asserted event with the same actors pair with the right partners.
    """
    candidates: list[tuple[int, int, int]] = []
    for pi, pred in enumerate(predicted):
        for gi, g in enumerate(gold):
            if event_matches(pred, g, index, lenient=lenient):
                agree = (pred.negated == g.negated) + (pred.hypothetical == g.hypothetical)
                agree += pred.date == g.date
                candidates.append((-agree, pi, gi))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _agree, pi, gi in candidates:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        pairs.append((pi, gi))
    return pairs


def _type_pairs(
    predicted: Sequence[Event], gold: Sequence[GoldEvent], index: ActorIndex
) -> list[tuple[int, int, bool, bool]]:
    """Predictions paired with gold events of the same type (best actor agreement first):
    (prediction index, gold index, source ok, target ok)."""
    candidates = []
    for pi, pred in enumerate(predicted):
        for gi, g in enumerate(gold):
            if pred.type == g.type:
                src = source_matches(pred, g, index)
                tgt = target_matches(pred, g, index)
                candidates.append((-(src + tgt), pi, gi, src, tgt))
    candidates.sort(key=lambda c: c[:3])
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _score, pi, gi, src, tgt in candidates:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out.append((pi, gi, src, tgt))
    return out


# ---------------------------------------------------------------------------------- scores


@dataclass(slots=True)
class PR:
    """Matched predictions / predictions and matched gold / gold."""

    matched_pred: int = 0
    pred: int = 0
    matched_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, matched_pred: int, pred: int, matched_gold: int, gold: int) -> None:
        self.matched_pred += matched_pred
        self.pred += pred
        self.matched_gold += matched_gold
        self.gold += gold

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "matched_pred": self.matched_pred,
            "pred": self.pred,
            "matched_gold": self.matched_gold,
            "gold": self.gold,
        }


@dataclass(slots=True)
class Ratio:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.right += bool(ok)
        self.total += 1

    def to_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 4), "right": self.right, "total": self.total}


@dataclass(frozen=True, slots=True)
class ErrorCase:
    """A false positive (a prediction no gold event matches) or a false negative."""

    kind: str  # "FP" or "FN"
    sentence: str
    text: str
    event: str  # rendering of the event
    note: str = ""  # for FPs: the closest gold event of the same type, if any


@dataclass(slots=True)
class DevScore:
    """All figures of one scoring run."""

    triples: PR = field(default_factory=PR)
    lenient: PR = field(default_factory=PR)
    asserted: PR = field(default_factory=PR)
    types: PR = field(default_factory=PR)
    per_type: dict[str, PR] = field(default_factory=lambda: {t: PR() for t in PLOVER_TYPES})
    source: Ratio = field(default_factory=Ratio)
    target: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    date_day: Ratio = field(default_factory=Ratio)
    negated: Ratio = field(default_factory=Ratio)
    hypothetical: Ratio = field(default_factory=Ratio)
    attribution: Ratio = field(default_factory=Ratio)
    mode: Ratio = field(default_factory=Ratio)
    no_event_sentences: int = 0
    predicted_on_no_event: int = 0
    sentences: int = 0
    errors: list[ErrorCase] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "triples": self.triples.to_dict(),
            "triples_lenient": self.lenient.to_dict(),
            "triples_asserted": self.asserted.to_dict(),
            "types": self.types.to_dict(),
            "source_given_type": self.source.to_dict(),
            "target_given_type": self.target.to_dict(),
            "date": self.date.to_dict(),
            "date_day_only": self.date_day.to_dict(),
            "negated": self.negated.to_dict(),
            "hypothetical": self.hypothetical.to_dict(),
            "attribution": self.attribution.to_dict(),
            "assault_mode": self.mode.to_dict(),
            "no_event_sentences": self.no_event_sentences,
            "predicted_on_no_event": self.predicted_on_no_event,
            "per_type": {t: pr.to_dict() for t, pr in self.per_type.items()},
        }


def score_devset(
    gold: Sequence[GoldSentence],
    predicted: Mapping[str, Sequence[Event]],
    index: ActorIndex,
) -> DevScore:
    """Score predictions (by sentence id) against the gold sentences."""
    score = DevScore(sentences=len(gold))
    for sent in gold:
        preds = list(predicted.get(sent.id, ()))
        golds = list(sent.events)
        if not golds:
            score.no_event_sentences += 1
            score.predicted_on_no_event += len(preds)
        pairs = pair_events(preds, golds, index)
        score.triples.add(len(pairs), len(preds), len(pairs), len(golds))
        lenient_pairs = pair_events(preds, golds, index, lenient=True)
        score.lenient.add(len(lenient_pairs), len(preds), len(lenient_pairs), len(golds))
        a_preds = [p for p in preds if not (p.negated or p.hypothetical)]
        a_golds = [g for g in golds if g.asserted]
        a_pairs = pair_events(a_preds, a_golds, index)
        score.asserted.add(len(a_pairs), len(a_preds), len(a_pairs), len(a_golds))

        pred_types = {p.type for p in preds}
        gold_types = {g.type for g in golds}
        both = len(pred_types & gold_types)
        score.types.add(both, len(pred_types), both, len(gold_types))

        matched_p = {pi for pi, _ in pairs}
        matched_g = {gi for _, gi in pairs}
        for t in PLOVER_TYPES:
            score.per_type[t].add(
                sum(1 for pi in matched_p if preds[pi].type == t),
                sum(1 for p in preds if p.type == t),
                sum(1 for gi in matched_g if golds[gi].type == t),
                sum(1 for g in golds if g.type == t),
            )
        for _pi, _gi, src, tgt in _type_pairs(preds, golds, index):
            score.source.add(src)
            score.target.add(tgt)
        for pi, gi in pairs:
            p, g = preds[pi], golds[gi]
            if g.date is not None:
                score.date.add(p.date == g.date and p.date_precision == g.date_precision)
                score.date_day.add(p.date == g.date)
            score.negated.add(p.negated == g.negated)
            score.hypothetical.add(p.hypothetical == g.hypothetical)
            score.attribution.add(attribution_matches(p, g, index))
            if g.type == "ASSAULT" and g.mode:
                score.mode.add(mode_matches(p.mode, g.mode))
        for pi, p in enumerate(preds):
            if pi not in matched_p:
                near = [g.describe() for g in golds if g.type == p.type]
                note = ("gold: " + " | ".join(near)) if near else ""
                score.errors.append(
                    ErrorCase("FP", sent.id, sent.text, describe_event(p, index), note)
                )
        for gi, g in enumerate(golds):
            if gi not in matched_g:
                score.errors.append(ErrorCase("FN", sent.id, sent.text, g.describe()))
    return score


def describe_event(event: Event, index: ActorIndex | None = None) -> str:
    def name(actor: str) -> str:
        if index is None:
            return actor
        kid = index.kb_id(actor)
        return kid or actor

    return _describe(
        event.type,
        [name(a) for a in event.source] + [f"({name(a)})" for a in event.source_people],
        [name(a) for a in event.target] + [f"({name(a)})" for a in event.target_people],
        event.mode,
        event.date,
        event.date_precision,
        event.negated,
        event.hypothetical,
        event.attributed_to,
    )


def _describe(
    type_: str,
    source: Sequence[str],
    target: Sequence[str],
    mode: str | None,
    day: date | None,
    precision: str | None,
    negated: bool,
    hypothetical: bool,
    attributed_to: str | None,
) -> str:
    parts = [f"{type_}{'/' + mode if mode else ''}: {', '.join(source) or '-'}"]
    parts.append(f"-> {', '.join(target) or '-'}")
    if day is not None:
        parts.append(f"@{day.isoformat()}/{precision}")
    if negated:
        parts.append("NEG")
    if hypothetical:
        parts.append("HYP")
    if attributed_to:
        parts.append(f"per {attributed_to}")
    return " ".join(parts)


# ------------------------------------------------------------------------------- running


@dataclass(slots=True)
class DevRun:
    """Predictions of one run of the stages over the dev set, with timings in seconds."""

    events: dict[str, list[Event]]
    entities: EntityResult
    parse_s: float
    entities_s: float
    events_s: float


def make_document(doc_id: str, body: str, published: date | None) -> Document:
    """A stored-document record around one sentence, with its publication date in the meta."""
    return Document(
        doc_id,
        f"{doc_id}.txt",
        f"/{doc_id}.txt",
        None,
        body,
        ArticleMeta(published=published),
        sha256_hex(body),
        sha256_hex(body),
    )


def parse_documents(
    docs: Sequence[Document],
) -> list[tuple[Document, ParsedDocument]]:
    """The NLP pass (default config: KB entity ruler on) over the documents' bodies."""
    from newsgraph.config import Config
    from newsgraph.nlp import parse_texts

    parsed = parse_texts([d.body for d in docs], Config())
    return [
        (
            doc,
            ParsedDocument(doc.id, p.producer, p.tokens, p.sentences, p.entities, p.noun_chunks),
        )
        for doc, p in zip(docs, parsed, strict=True)
    ]


def run_items(
    items: Sequence[tuple[Document, ParsedDocument]], kb: KnowledgeBase
) -> tuple[dict[str, list[Event]], EntityResult, float, float]:
    """resolve_entities then code_events over parsed items; events grouped by document id."""
    from newsgraph.entities import resolve_entities
    from newsgraph.events import code_events

    t0 = time.perf_counter()
    entities = resolve_entities(items, kb)
    t1 = time.perf_counter()
    events = code_events(items, entities, kb)
    t2 = time.perf_counter()
    by_doc: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        doc = event.evidence[0].doc if event.evidence else ""
        by_doc[doc].append(event)
    return dict(by_doc), entities, t1 - t0, t2 - t1


def run_devset(gold: Sequence[GoldSentence], kb: KnowledgeBase) -> DevRun:
    """Parse every dev sentence as its own document and run the entity and event stages."""
    docs = [make_document(s.id, s.text, s.published) for s in gold]
    t0 = time.perf_counter()
    items = parse_documents(docs)
    parse_s = time.perf_counter() - t0
    events, entities, ent_s, ev_s = run_items(items, kb)
    return DevRun(events, entities, parse_s, ent_s, ev_s)


def type_counts(gold: Iterable[GoldSentence]) -> Counter[str]:
    """Sentences per PLOVER type (a sentence with two events of a type counts once)."""
    counts: Counter[str] = Counter()
    for sent in gold:
        for t in {e.type for e in sent.events}:
            counts[t] += 1
    return counts

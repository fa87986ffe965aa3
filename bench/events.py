"""Event coding quality: the dev set, and the public PLOVER gold records.

1. **Dev set** ``tests/fixtures/events_dev.jsonl`` (original sentences, guidelines in
   ``tests/fixtures/README-events.md``): every sentence becomes one document whose
   ``meta.published`` is the sentence's publication date (relative dates resolve against it);
   the NLP pass (default config, KB entity ruler on), ``resolve_entities`` over all of them and
   ``code_events`` run once; ``bench/eventscore.py`` scores triples (type, source set, target
   set) strictly and leniently, types, actors given the type, dates, flags, attribution, modes,
   per type, and predictions on sentences without an event.
2. **PLOVER GSR** ``../shared/benchdata/event_coding/PLOVER_GSR_CAMEO.txt`` (322 sentences from
   the CAMEO manual with ideal PLOVER codings, CC BY-SA 4.0; its text is read at run time and
   never copied): each record is one document (no publication date). Older PLOVER names are
   mapped to the 16 types (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT ->
   ASSAULT). Figures: coverage (records with at least one predicted event), event-type accuracy
   over covered records (the first predicted event; and "any": the gold type among the
   predicted ones), and, over records whose gold type was predicted, source and target
   agreement by actor text: a gold ``actorText`` and the predicted actor share a content word
   (the predicted actor's mention texts in that record, its name and aliases).

    python bench/events.py                 # tables
    python bench/events.py --errors 30     # + 30 false positives and 30 false negatives
    python bench/events.py --json          # machine-readable figures
    python bench/events.py --no-gsr        # dev set only
    python bench/events.py --set heldout --no-gsr   # the held-out set instead of the dev set
    python bench/events.py --set heldout2 --no-gsr  # the second held-out set

``--set heldout`` scores ``tests/fixtures/events_heldout.jsonl`` and ``--set heldout2``
``tests/fixtures/events_heldout2.jsonl``: sentences written the same way and under the same
guidelines, which nobody tunes the extractor against (see ``tests/fixtures/README-events.md``);
their figures are the ones to quote for unseen text (heldout2 since the first was partly spent).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Final

if __package__:  # imported as bench.events (the tests)
    from bench import eventscore
else:  # run as a script: python bench/events.py
    import eventscore

REPO: Final = Path(__file__).resolve().parents[1]
# The gold sets --set chooses between (same format and guidelines; only "dev" may be tuned on).
GOLD_SETS: Final[Mapping[str, Path]] = {
    "dev": REPO / "tests" / "fixtures" / "events_dev.jsonl",
    "heldout": REPO / "tests" / "fixtures" / "events_heldout.jsonl",
    "heldout2": REPO / "tests" / "fixtures" / "events_heldout2.jsonl",
}
GSR: Final = REPO.parent / "shared" / "benchdata" / "event_coding" / "PLOVER_GSR_CAMEO.txt"
GSR_TYPES: Final[Mapping[str, str]] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_STOP: Final = frozenset(
    {"the", "of", "and", "for", "in", "on", "a", "an", "to", "s", "government", "forces"}
)


# ----------------------------------------------------------------------------------- GSR


@dataclass(frozen=True, slots=True)
class GsrRecord:
    id: str
    text: str
    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(slots=True)
class GsrScore:
    records: int = 0
    covered: int = 0
    type_first: int = 0
    type_any: int = 0
    with_type: int = 0
    source_total: int = 0
    source_ok: int = 0
    target_total: int = 0
    target_ok: int = 0
    predicted_events: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "records": self.records,
            "coverage": ratio(self.covered, self.records),
            "covered": self.covered,
            "type_accuracy_first": ratio(self.type_first, self.covered),
            "type_accuracy_any": ratio(self.type_any, self.covered),
            "source_overlap": ratio(self.source_ok, self.source_total),
            "source_total": self.source_total,
            "target_overlap": ratio(self.target_ok, self.target_total),
            "target_total": self.target_total,
            "predicted_events": self.predicted_events,
            "seconds": round(self.seconds, 2),
        }


def load_gsr(path: Path = GSR) -> list[GsrRecord]:
    """The GSR records that code an event (the DOCUMENT record is skipped)."""
    records = []
    for raw in json.loads(path.read_text(encoding="utf-8")):
        event = raw.get("event", "")
        if event == "DOCUMENT" or "text" not in raw:
            continue
        records.append(
            GsrRecord(
                raw["id"],
                raw["text"],
                GSR_TYPES.get(event, event),
                _actor_texts(raw.get("source")),
                _actor_texts(raw.get("target")),
            )
        )
    return records


def _actor_texts(value: Any) -> tuple[str, ...]:
    """actorText of each actor; a few records hold an empty string or null instead of a list."""
    if not isinstance(value, list):
        return ()
    return tuple(a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText"))


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP}


def _stem(word: str) -> str:
    # "Hungarian"/"Hungary", "Romanian"/"Romania": compare the first five letters of longer words.
    return word[:5] if len(word) > 5 else word


def _overlaps(gold_texts: Sequence[str], surfaces: set[str]) -> bool:
    gold_words = {_stem(w) for t in gold_texts for w in _words(t)}
    pred_words = {_stem(w) for s in surfaces for w in _words(s)}
    return bool(gold_words & pred_words)


def score_gsr(sc: ModuleType, kb: Any, path: Path = GSR) -> GsrScore:
    records = load_gsr(path)
    t0 = time.perf_counter()
    docs = [sc.make_document(f"g{n:03d}", r.text, None) for n, r in enumerate(records)]
    items = sc.parse_documents(docs)
    events, entities, _e, _v = sc.run_items(items, kb)
    surfaces: dict[tuple[str, str], set[str]] = defaultdict(set)
    for mention in entities.mentions:
        surfaces[(mention.evidence.doc, mention.entity)].add(mention.evidence.text)
    by_id = {e.id: e for e in entities.entities}
    score = GsrScore(records=len(records), seconds=time.perf_counter() - t0)

    def actor_texts(doc: str, actor_ids: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for actor in actor_ids:
            out |= surfaces.get((doc, actor), set())
            entity = by_id.get(actor)
            if entity is not None:
                out |= {entity.name, *entity.aliases}
            entry = kb.get(actor)
            if entry is not None:
                out |= set(entry.names)
        return out

    for doc, record in zip(docs, records, strict=True):
        preds = sorted(
            events.get(doc.id, []), key=lambda e: e.evidence[0].start if e.evidence else 0
        )
        score.predicted_events += len(preds)
        if not preds:
            continue
        score.covered += 1
        score.type_first += preds[0].type == record.type
        same = [p for p in preds if p.type == record.type]
        if not same:
            continue
        score.type_any += 1
        score.with_type += 1
        if record.sources:
            score.source_total += 1
            score.source_ok += any(
                _overlaps(record.sources, actor_texts(doc.id, (*p.source, *p.source_people)))
                for p in same
            )
        if record.targets:
            score.target_total += 1
            score.target_ok += any(
                _overlaps(record.targets, actor_texts(doc.id, (*p.target, *p.target_people)))
                for p in same
            )
    return score


# ---------------------------------------------------------------------------------- output


def print_tables(
    dev: Any, run: Any, gsr: GsrScore | None, wall: float, set_name: str = "dev"
) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    main = Table(title=f"Event coding, {set_name} set ({dev.sentences} sentences)")
    for col in ("figure", "P", "R", "F1", "counts"):
        main.add_column(col, justify="right" if col != "figure" else "left")
    for label, pr in (
        ("triples (type, source, target)", dev.triples),
        ("triples, lenient actors", dev.lenient),
        ("triples, asserted events only", dev.asserted),
        ("types per sentence", dev.types),
    ):
        main.add_row(
            label,
            f"{pr.precision:.3f}",
            f"{pr.recall:.3f}",
            f"{pr.f1:.3f}",
            f"{pr.matched_pred}/{pr.pred} pred, {pr.matched_gold}/{pr.gold} gold",
        )
    console.print(main)

    acc = Table(title="Accuracy over paired events")
    acc.add_column("figure")
    acc.add_column("accuracy", justify="right")
    acc.add_column("counts", justify="right")
    for label, ratio in (
        ("source, given the type", dev.source),
        ("target, given the type", dev.target),
        ("date (day + precision), matched", dev.date),
        ("date (day only), matched", dev.date_day),
        ("negated flag, matched", dev.negated),
        ("hypothetical flag, matched", dev.hypothetical),
        ("attribution, matched", dev.attribution),
        ("ASSAULT mode, matched", dev.mode),
    ):
        acc.add_row(label, f"{ratio.value:.3f}", f"{ratio.right}/{ratio.total}")
    acc.add_row(
        "events on no-event sentences",
        str(dev.predicted_on_no_event),
        f"{dev.no_event_sentences} sentences",
    )
    console.print(acc)

    per = Table(title="Per type (triples)")
    for col in ("type", "P", "R", "pred", "gold"):
        per.add_column(col, justify="right" if col != "type" else "left")
    for t, pr in dev.per_type.items():
        per.add_row(t, f"{pr.precision:.2f}", f"{pr.recall:.2f}", str(pr.pred), str(pr.gold))
    console.print(per)

    if gsr is not None:
        g = gsr.to_dict()
        table = Table(title=f"PLOVER GSR ({gsr.records} records, ideal codings)")
        table.add_column("figure")
        table.add_column("value", justify="right")
        table.add_row("coverage (records with a prediction)", f"{g['coverage']:.3f}")
        table.add_row("type accuracy, first event (covered)", f"{g['type_accuracy_first']:.3f}")
        table.add_row("type accuracy, any event (covered)", f"{g['type_accuracy_any']:.3f}")
        table.add_row(
            "source actor-text overlap (type found)",
            f"{g['source_overlap']:.3f} of {g['source_total']}",
        )
        table.add_row(
            "target actor-text overlap (type found)",
            f"{g['target_overlap']:.3f} of {g['target_total']}",
        )
        console.print(table)
    n = max(dev.sentences, 1)
    console.print(
        f"wall {wall:.1f} s: {set_name} parse {run.parse_s:.1f} s, "
        f"entities {run.entities_s:.2f} s, "
        f"events {run.events_s:.2f} s ({1000 * run.events_s / n:.1f} ms/sentence)"
        + (f"; GSR total {gsr.seconds:.1f} s" if gsr else "")
    )


def print_errors(dev: Any, n: int) -> None:
    fps = [e for e in dev.errors if e.kind == "FP"][:n]
    fns = [e for e in dev.errors if e.kind == "FN"][:n]
    counts = Counter(e.kind for e in dev.errors)
    print(f"\nfalse positives ({counts['FP']} in all, first {len(fps)}):")
    for e in fps:
        print(f"  {e.sentence}: {e.text}\n      predicted {e.event}")
        if e.note:
            print(f"      {e.note}")
    print(f"\nfalse negatives ({counts['FN']} in all, first {len(fns)}):")
    for e in fns:
        print(f"  {e.sentence}: {e.text}\n      missed    {e.event}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--set",
        dest="gold_set",
        choices=sorted(GOLD_SETS),
        default="dev",
        help="gold set to score: dev (tuned on), heldout or heldout2 (never tuned on)",
    )
    parser.add_argument(
        "--devset", type=Path, default=None, help="gold JSONL file (overrides --set)"
    )
    parser.add_argument("--gsr", type=Path, default=GSR, help="PLOVER_GSR_CAMEO.txt")
    parser.add_argument("--no-gsr", action="store_true", help="skip the PLOVER GSR records")
    parser.add_argument("--json", action="store_true", help="print figures as JSON")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N FPs and FNs")
    args = parser.parse_args(argv)

    sc = eventscore
    from newsgraph.entities import KnowledgeBase

    t0 = time.perf_counter()
    kb = KnowledgeBase.load()
    gold_path = args.devset or GOLD_SETS[args.gold_set]
    set_name = args.gold_set if args.devset is None else args.devset.stem
    gold = sc.load_devset(gold_path)
    run = sc.run_devset(gold, kb)
    dev = sc.score_devset(gold, run.events, sc.ActorIndex(run.entities.entities, kb))
    gsr = None
    if not args.no_gsr:
        if args.gsr.exists():
            gsr = score_gsr(sc, kb, args.gsr)
        else:
            print(f"(PLOVER GSR not found at {args.gsr}; skipped)", file=sys.stderr)
    wall = time.perf_counter() - t0
    if args.json:
        out = {
            "set": set_name,
            "dev": dev.to_dict(),  # key kept for existing readers; "set" names the file
            "gsr": gsr.to_dict() if gsr else None,
            "seconds": {
                "wall": round(wall, 2),
                "dev_parse": round(run.parse_s, 2),
                "dev_entities": round(run.entities_s, 2),
                "dev_events": round(run.events_s, 2),
            },
        }
        print(json.dumps(out, indent=2))
    else:
        print_tables(dev, run, gsr, wall, set_name)
    if args.errors:
        print_errors(dev, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

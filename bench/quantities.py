"""Quantity extraction (``newsgraph.events.quantities.find_quantities``) on NewsQuant.

Data: ``../shared/benchdata/quantities/NewsQuant_dev.json`` (295 news sentences with gold
quantities, from the CQE evaluation; see ../shared/benchdata/README.md, section "quantities").
Each gold quantity has ``value`` (a number, or a range "a-b"), ``unit``, ``normalized_unit`` and
``change`` (=, ~, up, down, >, <).

Scoring, per sentence: predictions are matched one-to-one to gold quantities by value (equal
within 1e-6 relative; a gold range matches a prediction of either end). Precision, recall and F1
are reported at three levels:

- value: the matched pairs;
- value+unit: matched pairs whose units agree. Our units are the counted noun ("rocket"), an
  ISO currency code ("USD") or "percent"; they are compared with the gold ``normalized_unit``
  after mapping codes to names ("USD" -> "dollar", "percent" -> "percentage", "" -> "-"), and
  agree when equal or when ours is the last word of the gold unit ("player" ~ "first-team
  player");
- value+change: matched pairs whose change agrees, our qualifier mapped by
  ``quantities.qualifier_change`` ("more than" -> ">", "about" -> "~", "up to" -> "<", a vague
  count -> "~", none -> "=").

The gold set is general news (markets, sport, technology), not the conflict news newsgraph is
built for: the figures show general weaknesses, not the quality on event sentences.

    python bench/quantities.py            # figures
    python bench/quantities.py --show 30  # also up to 30 missed and 30 spurious figures
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from newsgraph.events.quantities import find_quantities, qualifier_change
from newsgraph.model import Quantity

REPO = Path(__file__).resolve().parents[1]
DATA = (
    Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared"))
    / "benchdata"
    / "quantities"
    / "NewsQuant_dev.json"
)

# Our unit codes as NewsQuant's normalized units name them.
UNIT_NAMES = {
    "": "-",
    "percent": "percentage",
    "USD": "dollar",
    "GBP": "pound sterling",
    "EUR": "euro",
    "JPY": "japanese yen",
    "AUD": "australian dollar",
    "CAD": "canadian dollar",
    "HKD": "hong kong dollar",
    "ILS": "shekel",
    "MYR": "malaysian ringgit",
    "INR": "indian rupee",
    "CNY": "renminbi",
}


def gold_values(text: str) -> tuple[float, ...]:
    """The numbers of a gold value: "60.0" -> (60.0,), "252.0-287.0" -> (252.0, 287.0)."""
    text = text.strip()
    try:
        return (float(text),)
    except ValueError:
        pass
    # A range "a-b"; the first "-" after position 0 (a leading "-" is a sign).
    cut = text.find("-", 1)
    if cut > 0:
        try:
            return (float(text[:cut]), float(text[cut + 1 :]))
        except ValueError:
            return ()
    return ()


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def unit_agrees(pred: Quantity, gold: dict[str, str]) -> bool:
    ours = UNIT_NAMES.get(pred.unit, pred.unit).lower()
    theirs = gold["normalized_unit"].lower()
    return ours == theirs or theirs.split()[-1:] == [ours] or gold["unit"].lower() == ours


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", type=int, default=0, help="print up to N misses and N extras")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"benchmark data not found: {args.data}", file=sys.stderr)
        return 2
    items = json.loads(args.data.read_text(encoding="utf-8"))
    n_pred = n_gold = tp_value = tp_unit = tp_change = 0
    misses: list[str] = []
    extras: list[str] = []
    started = time.perf_counter()
    predictions = [find_quantities(item["text"], 0) for item in items]
    elapsed = time.perf_counter() - started
    for item, preds in zip(items, predictions, strict=True):
        golds = [g for g in item["quantities"] if gold_values(g["value"])]
        n_pred += len(preds)
        n_gold += len(golds)
        free = list(preds)
        for gold in golds:
            values = gold_values(gold["value"])
            match = next((q for q in free if any(same_value(q.value, v) for v in values)), None)
            if match is None:
                misses.append(f"{gold['value']} {gold['unit']!r} | {item['text']}")
                continue
            free.remove(match)
            tp_value += 1
            tp_unit += unit_agrees(match, gold)
            tp_change += qualifier_change(match.qualifier) == gold["change"]
        extras.extend(f"{q.text!r} -> {q.value} {q.unit!r} | {item['text']}" for q in free)
    print(f"NewsQuant dev: {len(items)} sentences, {n_gold} gold quantities, {n_pred} predicted")
    print(f"{'level':<14}{'P':>7}{'R':>7}{'F1':>7}")
    for name, tp in (("value", tp_value), ("value+unit", tp_unit), ("value+change", tp_change)):
        p, r, f = prf(tp, n_pred, n_gold)
        print(f"{name:<14}{100 * p:>7.1f}{100 * r:>7.1f}{100 * f:>7.1f}")
    print(f"time: {1000 * elapsed:.0f} ms ({1000 * elapsed / len(items):.2f} ms/sentence)")
    if args.show:
        print(f"\nmissed ({len(misses)}):")
        for line in misses[: args.show]:
            print("  ", line)
        print(f"\nspurious ({len(extras)}):")
        for line in extras[: args.show]:
            print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

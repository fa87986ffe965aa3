"""One very long document through the analysis stages: parse, resolve, events, peak memory.

News live blogs and transcripts run to hundreds of kilobytes. Every step after the parse must
stay linear in the document's length; this script generates a live blog of ``--updates``
one-sentence paragraphs (our own template text) and times each step, so a quadratic step shows
at once (a linear scan per mention once made 1,000 updates take 12 s to resolve, 9,000 several
minutes).

    python bench/long_document.py                  # 1,000 and 4,000 updates
    python bench/long_document.py --updates 9000
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from collections.abc import Sequence

ACTORS = ("Hezbollah", "Hamas", "the Israeli military", "Iran", "the United States", "Qatar")
VERBS = ("attacked", "met", "criticised", "praised", "warned", "accused", "shelled")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday")


def live_blog(updates: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    paras = []
    for i in range(updates):
        a, b = rng.sample(ACTORS, 2)
        paras.append(
            f"In update {i}, {a} {rng.choice(VERBS)} {b} on {rng.choice(DAYS)} near position "
            f"{rng.randint(1, 10**6)}, officials said."
        )
    return "\n\n".join(paras)


def main(argv: Sequence[str] | None = None) -> int:
    from newsgraph.entities import KnowledgeBase, resolve_entities
    from newsgraph.events import code_events
    from newsgraph.model import ArticleMeta, Document, sha256_hex
    from newsgraph.nlp import parse_texts

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", default="1000,4000", help="comma-separated sizes")
    args = parser.parse_args(argv)
    kb = KnowledgeBase.load()
    parse_texts(["Warm-up."])
    for updates in (int(n) for n in args.updates.split(",")):
        body = live_blog(updates)
        # "t0": the id parse_texts gives its first text, so the parse fits the document as is
        doc = Document("t0", "blog", "/blog", None, body, ArticleMeta(), "", sha256_hex(body))
        t0 = time.perf_counter()
        parsed = parse_texts([body])[0]
        t1 = time.perf_counter()
        pair = [(doc, parsed)]
        result = resolve_entities(pair, kb)
        t2 = time.perf_counter()
        events = code_events(pair, result, kb)
        t3 = time.perf_counter()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{updates:>6} updates, {len(body) / 1000:,.0f} KB: parse {t1 - t0:.1f} s, "
            f"resolve {t2 - t1:.2f} s ({len(result.mentions)} mentions), events {t3 - t2:.2f} s "
            f"({len(events)} events); peak RSS {rss:.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

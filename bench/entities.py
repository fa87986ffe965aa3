"""Entity quality on the hand-annotated gold set ``tests/fixtures/entities_gold.jsonl``.

Runs the NLP pass (``newsgraph.nlp.parse_texts``) on every gold document, resolves entities
over all of them together (``newsgraph.entities.resolve_entities``, one call, so merges across
documents are tested), and scores three things:

(a) **mention detection**: predicted mention spans against gold spans. *Exact* means the same
    span after both sides drop a leading "the" and a trailing possessive ("'s", "'"); *overlap*
    is the lenient figure (a gold mention is found when any prediction overlaps it, a
    prediction is right when it overlaps any gold mention).
(b) **linking accuracy** of the exactly matched mentions: predicted entity == gold entity.
    Gold ids are knowledge-base ids (``ng:hezbollah``, ``ng:gov:ir``, ``geonames:112931``) or
    ``new:<slug>`` for actors the KB lacks; each ``new:`` id is mapped, one-to-one, to the
    predicted non-KB entity its mentions most often get, and its mentions count as right when
    they get that entity. A second figure treats a country and its government as the same
    (``ng:country:ir`` ~ ``ng:gov:ir``), to separate "found the actor" from "chose the state
    or the territory".
    The accuracy of the predicted entity's type is reported beside it.
(c) **pairwise merges** over the matched mentions: a pair is predicted-same when both got
    the same predicted entity and gold-same when both have the same gold entity; precision,
    recall and F1 over all pairs and over pairs from different documents only.

Gold conventions (what an analyst wants as a mention): names, acronyms, institution phrases
built on demonyms ("Israeli military" -> ``ng:idf``, "Iranian regime" -> ``ng:gov:ir``) and
descriptive references that identify one actor ("the Lebanese group" -> Hezbollah, "the Hamas
number two" -> Saleh al-Arouri), including anaphoric ones whose antecedent the document names
("the group said", "the agency", "the ministry"); no pronouns. Place anaphors ("the town", "the
south") are optional. Spans leave out titles ("Hezbollah leader [Hassan Nasrallah]"), the
article and the possessive; mentions never nest (the longest name wins: "University of Tehran"
is one ORG, "Hamas' political bureau" the bureau). A country acting (speaking, striking,
backing: "Iran launched", "Iran-backed") is its government (``ng:gov:xx``); a country as a
territory ("in Iraq") is the country; a capital that acts ("Tehran said") is the government, a
capital as a place ("a rally in Tehran") the city. Demonym adjectives on other nouns ("Israeli
strikes", "Palestinian factions") and a country named only as the owner of a title ("Qatar's
emir") are listed under ``optional``: a prediction there counts neither way.

The texts are written for this benchmark; the statements they attribute to real people are
invented test material, not reporting.

    python bench/entities.py                     # table
    python bench/entities.py --show-errors 15    # + worst false merges, missed merges, misses
    python bench/entities.py --model md --json   # another spaCy model; machine-readable
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "tests" / "fixtures" / "entities_gold.jsonl"

_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['\u2019]s|['\u2019])$")
_EDGE = " \t\n\"'\u2018\u2019\u201c\u201d,.;:()"
_STATE = re.compile(r"^ng:(?:gov|country):([a-z]{2})$")


@dataclass(frozen=True, slots=True)
class Span:
    """One mention: where it is, its text, the entity it refers to (gold or predicted)."""

    doc: str
    start: int
    end: int
    text: str
    entity: str
    type: str = ""
    label: str = ""


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold document: id, story group, text, gold mentions and optional spans."""

    doc: str
    group: str
    text: str
    mentions: tuple[Span, ...]
    optional: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Score:
    """True positives, false positives, false negatives; P/R/F1 derived."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Overlap:
    """Lenient detection: gold mentions overlapped by a prediction, predictions overlapping gold."""

    found: int
    gold: int
    right: int
    predicted: int

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class MentionMatch:
    """Result of aligning predictions with gold mentions."""

    pairs: list[tuple[Span, Span]]  # (gold, predicted), exact after trimming
    missed: list[Span]  # gold mentions with no exact prediction
    spurious: list[Span]  # predictions matching no gold span and no optional span
    ignored: list[Span]  # predictions on optional spans
    overlap: Overlap  # lenient detection


@dataclass(slots=True)
class Report:
    """All figures of one run, plus what the error listing needs."""

    docs: int
    gold_mentions: int
    predicted_mentions: int
    detection: Score
    overlap: Overlap
    linking: tuple[int, int]  # (correct, matched)
    linking_kb: tuple[int, int]
    linking_new: tuple[int, int]
    linking_state: tuple[int, int]  # country ~ government
    typing: tuple[int, int]  # predicted entity type == gold type, over matched mentions
    merges: Score
    merges_cross: Score
    ner: Score | None  # the NLP pass's own entity spans, before resolution
    ner_overlap: Overlap | None
    by_type: dict[str, tuple[int, int]]  # gold type -> (found exactly, gold)
    match: MentionMatch
    new_map: dict[str, str]
    seconds: dict[str, float] = field(default_factory=dict)


def _spans(record: dict[str, Any], key: str, where: str) -> tuple[Span, ...]:
    """The mentions under ``key`` of one gold record, each checked against the text."""
    text = record["text"]
    out = []
    for m in record.get(key, []):
        if text[m["start"] : m["end"]] != m["text"]:
            raise ValueError(f"{where}: offsets of {m['text']!r} do not match the text")
        out.append(Span(record["doc"], m["start"], m["end"], m["text"], m["entity"], m["type"]))
    return tuple(out)


def load_gold(path: Path | str = DEFAULT_GOLD) -> list[GoldDoc]:
    """Read the gold JSONL (one document per line); raises ValueError on a wrong offset."""
    docs: list[GoldDoc] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.startswith("#"):
                continue
            record = json.loads(line)
            where = f"{path}:{number}"
            docs.append(
                GoldDoc(
                    record["doc"],
                    record.get("group", ""),
                    record["text"],
                    _spans(record, "mentions", where),
                    _spans(record, "optional", where),
                )
            )
    return docs


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Span without surrounding punctuation, a leading "the" and a trailing possessive."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    lead = _LEADING.match(text[start:end])
    if lead and lead.end() < end - start:
        start += lead.end()
    tail = _TRAILING.search(text[start:end])
    if tail and end - start > len(tail.group(0)):
        end = start + tail.start()
    return start, end


NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})


def predict(
    gold: Sequence[GoldDoc], config: Any = None, kb: Any = None
) -> tuple[list[Span], list[Span], dict[str, float]]:
    """Parse and resolve every gold text.

    Returns the resolved mentions, the NLP pass's own entity spans (labels in ``NER_LABELS``,
    entity = the label) and the seconds each stage took.

    Documents are built as the brief of issue 4 says (id = gold doc id, empty metadata) and
    resolved in one call over all documents.
    """
    from newsgraph.entities import resolve_entities
    from newsgraph.entities.kb import KnowledgeBase
    from newsgraph.model import ArticleMeta, Document
    from newsgraph.nlp import parse_texts

    kb = kb if kb is not None else KnowledgeBase.load()
    t0 = time.perf_counter()
    parsed = parse_texts([d.text for d in gold], config)
    t1 = time.perf_counter()
    ner = [
        Span(g.doc, e.start, e.end, g.text[e.start : e.end], e.label, label=e.label)
        for g, p in zip(gold, parsed, strict=True)
        for e in p.entities
        if e.label in NER_LABELS
    ]
    items = []
    for g, p in zip(gold, parsed, strict=True):
        document = Document(
            id=g.doc,
            source=g.doc,
            location=g.doc,
            url=None,
            body=g.text,
            meta=ArticleMeta(),
            raw_hash="",
            body_hash="",
        )
        items.append((document, dataclasses.replace(p, doc=g.doc)))
    result = resolve_entities(items, kb)
    t2 = time.perf_counter()
    types = {e.id: e.type for e in result.entities}
    by_tmp = {f"t{n}": g.doc for n, g in enumerate(gold)}
    spans = []
    for m in result.mentions:
        ev = m.evidence
        spans.append(
            Span(
                by_tmp.get(ev.doc, ev.doc),
                ev.start,
                ev.end,
                ev.text,
                m.entity,
                types.get(m.entity, ""),
                m.label,
            )
        )
    return spans, ner, {"parse": t1 - t0, "resolve": t2 - t1}


def _overlaps(a: Span, b: Span) -> bool:
    return a.doc == b.doc and a.start < b.end and b.start < a.end


def match_mentions(gold: Sequence[GoldDoc], predicted: Iterable[Span]) -> MentionMatch:
    """Align predictions with gold mentions (exact after ``trim``, and by overlap).

    A prediction repeated on the same span counts once. A prediction that matches no gold
    mention but sits on an optional span (exactly, or overlapping it and no gold mention) is
    ignored rather than counted as a false positive.
    """
    texts = {g.doc: g.text for g in gold}
    gold_spans = [m for g in gold for m in g.mentions]
    optional = [m for g in gold for m in g.optional]
    by_doc: dict[str, list[Span]] = defaultdict(list)
    for m in gold_spans:
        by_doc[m.doc].append(m)
    opt_by_doc: dict[str, list[Span]] = defaultdict(list)
    for m in optional:
        opt_by_doc[m.doc].append(m)

    def key(s: Span) -> tuple[str, int, int]:
        text = texts.get(s.doc, "")
        return (s.doc, *trim(text, s.start, s.end)) if text else (s.doc, s.start, s.end)

    gold_by_key = {key(m): m for m in gold_spans}
    opt_keys = {key(m) for m in optional}
    seen: set[tuple[str, int, int]] = set()
    unique: list[Span] = []
    for p in predicted:
        k = key(p)
        if k not in seen:
            seen.add(k)
            unique.append(p)
    pairs: list[tuple[Span, Span]] = []
    matched: set[tuple[str, int, int]] = set()
    spurious: list[Span] = []
    ignored: list[Span] = []
    for p in unique:
        k = key(p)
        g = gold_by_key.get(k)
        if g is not None:
            pairs.append((g, p))
            matched.add(k)
        elif k in opt_keys or (
            any(_overlaps(p, o) for o in opt_by_doc[p.doc])
            and not any(_overlaps(p, m) for m in by_doc[p.doc])
        ):
            ignored.append(p)
        else:
            spurious.append(p)
    missed = [m for m in gold_spans if key(m) not in matched]
    counted = [p for p in unique if p not in ignored]
    right = sum(1 for p in counted if any(_overlaps(p, m) for m in by_doc[p.doc]))
    found = sum(1 for m in gold_spans if any(_overlaps(p, m) for p in counted))
    overlap = Overlap(found=found, gold=len(gold_spans), right=right, predicted=len(counted))
    return MentionMatch(pairs, missed, spurious, ignored, overlap)


def _is_kb(entity: str, kb_ids: set[str] | None) -> bool:
    if kb_ids is not None:
        return entity in kb_ids
    return entity.startswith(("ng:", "geonames:"))


def map_new_entities(
    pairs: Sequence[tuple[Span, Span]], kb_ids: set[str] | None = None
) -> dict[str, str]:
    """Gold ``new:`` id -> the predicted non-KB entity most of its mentions got (one-to-one).

    Candidates are ranked by how many mentions they share; each gold id and each predicted id
    is used once, so two different unknown people cannot both be "right" on one predicted
    entity. ``kb_ids`` is the set of KB ids; None treats ``ng:``/``geonames:`` ids as KB ids.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for g, p in pairs:
        if g.entity.startswith("new:") and not _is_kb(p.entity, kb_ids):
            counts[(g.entity, p.entity)] += 1
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for (g, p), _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if g not in mapping and p not in used:
            mapping[g] = p
            used.add(p)
    return mapping


def _state_key(entity: str) -> str:
    m = _STATE.match(entity)
    return f"state:{m.group(1)}" if m else entity


def linking(
    pairs: Sequence[tuple[Span, Span]], new_map: dict[str, str], *, loose_states: bool = False
) -> tuple[int, int]:
    """(correct, total) over matched mentions; ``loose_states``: country == its government."""
    correct = 0
    for g, p in pairs:
        want = new_map.get(g.entity, g.entity) if g.entity.startswith("new:") else g.entity
        got = p.entity
        if loose_states:
            want, got = _state_key(want), _state_key(got)
        correct += want == got
    return correct, len(pairs)


def _same_pairs(labels: Sequence[tuple[str, ...]]) -> int:
    counts = Counter(labels)
    return sum(n * (n - 1) // 2 for n in counts.values())


def merge_scores(pairs: Sequence[tuple[Span, Span]], *, cross_doc: bool = False) -> Score:
    """Pairwise merge precision/recall over matched mentions (all pairs, or cross-document).

    TP: pairs with the same predicted and the same gold entity; FP: same predicted entity,
    different gold entities (a false merge); FN: same gold entity, different predicted ones.
    """
    gold = [(g.entity,) for g, _ in pairs]
    pred = [(p.entity,) for _, p in pairs]
    both = [(g.entity, p.entity) for g, p in pairs]
    tp, ps, gs = _same_pairs(both), _same_pairs(pred), _same_pairs(gold)
    if cross_doc:
        tp -= _same_pairs([(g.doc, g.entity, p.entity) for g, p in pairs])
        ps -= _same_pairs([(g.doc, p.entity) for g, p in pairs])
        gs -= _same_pairs([(g.doc, g.entity) for g, _ in pairs])
    return Score(tp=tp, fp=ps - tp, fn=gs - tp)


def score(
    gold: Sequence[GoldDoc],
    predicted: Sequence[Span],
    kb_ids: set[str] | None = None,
    ner: Sequence[Span] | None = None,
) -> Report:
    """Every figure for one set of predictions against the gold documents.

    ``kb_ids``: the knowledge base's ids (None: ``ng:``/``geonames:`` ids count as KB ids);
    ``ner``: the NLP pass's spans, scored for detection only.
    """
    match = match_mentions(gold, predicted)
    ner_match = match_mentions(gold, ner) if ner is not None else None
    gold_n = sum(len(g.mentions) for g in gold)
    detection = Score(tp=len(match.pairs), fp=len(match.spurious), fn=len(match.missed))
    new_map = map_new_entities(match.pairs, kb_ids)
    kb_pairs = [(g, p) for g, p in match.pairs if not g.entity.startswith("new:")]
    new_pairs = [(g, p) for g, p in match.pairs if g.entity.startswith("new:")]
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in gold:
        for m in g.mentions:
            by_type[m.type][1] += 1
    for g, _ in match.pairs:
        by_type[g.type][0] += 1
    return Report(
        docs=len(gold),
        gold_mentions=gold_n,
        predicted_mentions=len(match.pairs) + len(match.spurious) + len(match.ignored),
        detection=detection,
        overlap=match.overlap,
        linking=linking(match.pairs, new_map),
        linking_kb=linking(kb_pairs, new_map),
        linking_new=linking(new_pairs, new_map),
        linking_state=linking(match.pairs, new_map, loose_states=True),
        typing=(sum(g.type == p.type for g, p in match.pairs), len(match.pairs)),
        merges=merge_scores(match.pairs),
        merges_cross=merge_scores(match.pairs, cross_doc=True),
        ner=None
        if ner_match is None
        else Score(len(ner_match.pairs), len(ner_match.spurious), len(ner_match.missed)),
        ner_overlap=None if ner_match is None else ner_match.overlap,
        by_type={k: (v[0], v[1]) for k, v in sorted(by_type.items())},
        match=match,
        new_map=new_map,
    )


def _ratio(pair: tuple[int, int]) -> float:
    return pair[0] / pair[1] if pair[1] else 0.0


def figures(report: Report) -> dict[str, float]:
    """The headline numbers, flat (what the quality test pins and --json prints)."""
    return {
        "detection_p": report.detection.precision,
        "detection_r": report.detection.recall,
        "detection_f1": report.detection.f1,
        "overlap_p": report.overlap.precision,
        "overlap_r": report.overlap.recall,
        "overlap_f1": report.overlap.f1,
        "linking": _ratio(report.linking),
        "linking_kb": _ratio(report.linking_kb),
        "linking_new": _ratio(report.linking_new),
        "linking_state": _ratio(report.linking_state),
        "type_accuracy": _ratio(report.typing),
        **(
            {"ner_p": report.ner.precision, "ner_r": report.ner.recall, "ner_f1": report.ner.f1}
            if report.ner
            else {}
        ),
        "merge_p": report.merges.precision,
        "merge_r": report.merges.recall,
        "merge_f1": report.merges.f1,
        "merge_cross_p": report.merges_cross.precision,
        "merge_cross_r": report.merges_cross.recall,
        "merge_cross_f1": report.merges_cross.f1,
    }


def format_report(report: Report) -> str:
    """Markdown table of the figures."""
    d, o, m, x = report.detection, report.overlap, report.merges, report.merges_cross
    rows = [
        f"gold: {report.docs} documents, {report.gold_mentions} mentions; "
        f"predicted mentions: {report.predicted_mentions} "
        f"({len(report.match.ignored)} on optional spans)",
        "",
        "| measure | precision | recall | F1 | counts |",
        "|---|---|---|---|---|",
        f"| mention detection, exact | {d.precision:.3f} | {d.recall:.3f} | {d.f1:.3f} "
        f"| tp {d.tp}, fp {d.fp}, fn {d.fn} |",
        f"| mention detection, overlap | {o.precision:.3f} | {o.recall:.3f} | {o.f1:.3f} "
        f"| found {o.found}/{o.gold}, right {o.right}/{o.predicted} |",
        *(
            [
                f"| NER spans alone (before resolution), exact | {report.ner.precision:.3f} "
                f"| {report.ner.recall:.3f} | {report.ner.f1:.3f} "
                f"| tp {report.ner.tp}, fp {report.ner.fp}, fn {report.ner.fn} |",
            ]
            if report.ner
            else []
        ),
        *(
            [
                f"| NER spans alone, overlap | {report.ner_overlap.precision:.3f} "
                f"| {report.ner_overlap.recall:.3f} | {report.ner_overlap.f1:.3f} | |",
            ]
            if report.ner_overlap
            else []
        ),
        f"| merges, all pairs | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} "
        f"| tp {m.tp}, fp {m.fp}, fn {m.fn} |",
        f"| merges, cross-document pairs | {x.precision:.3f} | {x.recall:.3f} | {x.f1:.3f} "
        f"| tp {x.tp}, fp {x.fp}, fn {x.fn} |",
        "",
        "| linking (exactly matched mentions) | accuracy | correct / matched |",
        "|---|---|---|",
    ]
    for name, pair in (
        ("all", report.linking),
        ("KB entities", report.linking_kb),
        ("new (non-KB) entities", report.linking_new),
        ("country ~ government", report.linking_state),
        ("entity type (PERSON, PLACE, ...)", report.typing),
    ):
        rows.append(f"| {name} | {_ratio(pair):.3f} | {pair[0]} / {pair[1]} |")
    rows += ["", "| gold type | exact recall | found / gold |", "|---|---|---|"]
    for t, pair in report.by_type.items():
        rows.append(f"| {t} | {_ratio(pair):.3f} | {pair[0]} / {pair[1]} |")
    if report.seconds:
        rows.append("")
        rows.append(", ".join(f"{k} {v:.2f} s" for k, v in report.seconds.items()))
    return "\n".join(rows)


def _pairs_across(counts: Counter[str]) -> int:
    """Mention pairs that fall in different groups: the cost of a wrong merge or a split."""
    sizes = list(counts.values())
    return sum(a * b for i, a in enumerate(sizes) for b in sizes[i + 1 :])


def format_errors(report: Report, limit: int) -> str:
    """The worst false merges, missed merges, linking errors, missed and spurious mentions."""
    pairs = report.match.pairs
    by_pred: dict[str, Counter[str]] = defaultdict(Counter)
    by_gold: dict[str, Counter[str]] = defaultdict(Counter)
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for g, p in pairs:
        by_pred[p.entity][g.entity] += 1
        by_gold[g.entity][p.entity] += 1
        surfaces[(g.entity, p.entity)][g.text] += 1

    def show(g: str, p: str) -> str:
        return "/".join(s for s, _ in surfaces[(g, p)].most_common(3))

    out: list[str] = []
    false_merges = []
    for p, golds in by_pred.items():
        cost = _pairs_across(golds)
        if cost:
            false_merges.append((cost, p, golds))
    out.append(f"## false merges (one predicted entity, several gold ones): {len(false_merges)}")
    for cost, p, golds in sorted(false_merges, key=lambda t: -t[0])[:limit]:
        parts = ", ".join(f"{g} x{n} ({show(g, p)})" for g, n in golds.most_common())
        out.append(f"- {cost} pairs: {p} <- {parts}")
    missed_merges = []
    for g, preds in by_gold.items():
        cost = _pairs_across(preds)
        if cost:
            missed_merges.append((cost, g, preds))
    out.append(f"## missed merges (one gold entity split): {len(missed_merges)}")
    for cost, g, preds in sorted(missed_merges, key=lambda t: -t[0])[:limit]:
        parts = ", ".join(f"{p} x{n} ({show(g, p)})" for p, n in preds.most_common())
        out.append(f"- {cost} pairs: {g} -> {parts}")
    wrong = Counter()
    for g, p in pairs:
        want = report.new_map.get(g.entity, g.entity) if g.entity.startswith("new:") else g.entity
        if want != p.entity:
            wrong[(g.entity, p.entity, g.text)] += 1
    out.append(f"## linking errors (gold -> predicted): {sum(wrong.values())}")
    for (g, p, text), n in wrong.most_common(limit):
        out.append(f"- {n}x {text!r}: {g} -> {p}")
    missed = report.match.missed
    near = [p for _, p in pairs] + report.match.spurious + report.match.ignored
    out.append(f"## missed mentions (no exact prediction): {len(missed)}")
    for m in missed[:limit]:
        hit = next((p for p in near if _overlaps(p, m)), None)
        extra = f"  [overlapped by {hit.text!r} -> {hit.entity}]" if hit else ""
        out.append(f"- {m.doc} {m.text!r} ({m.entity}){extra}")
    out.append(f"## spurious mentions (no gold span): {len(report.match.spurious)}")
    for p in report.match.spurious[:limit]:
        out.append(f"- {p.doc} {p.text!r} -> {p.entity} [{p.label}]")
    return "\n".join(out)


def run(gold_path: Path | str = DEFAULT_GOLD, config: Any = None, kb: Any = None) -> Report:
    """Load the gold set, predict, score; the report carries the stage timings."""
    from newsgraph.entities.kb import KnowledgeBase

    kb = kb if kb is not None else KnowledgeBase.load()
    gold = load_gold(gold_path)
    predicted, ner, seconds = predict(gold, config, kb)
    report = score(gold, predicted, {e.id for e in kb}, ner)
    report.seconds = seconds
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print the table (and errors) for the gold set."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSONL file")
    parser.add_argument("--model", help="Config.nlp_model (sm, md, a package or a folder)")
    parser.add_argument("--no-ruler", action="store_true", help="turn the KB entity ruler off")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N", help="list N errors")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    from newsgraph.config import Config

    changes: dict[str, Any] = {}
    if args.model:
        changes["nlp_model"] = args.model
    if args.no_ruler:
        changes["entity_ruler"] = False
    config = dataclasses.replace(Config(), **changes)
    report = run(args.gold, config)
    if args.json:
        print(json.dumps({**figures(report), **report.seconds}, indent=2))
    else:
        print(format_report(report))
    if args.show_errors:
        print()
        print(format_errors(report, args.show_errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())

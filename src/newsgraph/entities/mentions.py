"""Mention candidates of one parsed document: name spans, demonym institutions, descriptions.

Three kinds of candidate come out of ``find_mentions``, ordered by position:

``name``         an NER span (PERSON, ORG, GPE, NORP, LOC, FAC; dates and numbers are skipped),
                 trimmed of "the" and possessives, titles stripped ("Hezbollah leader Hassan
                 Nasrallah" -> "Hassan Nasrallah" with title "leader"), a person's given names
                 added when the model tagged only the surname ("Ghazi Hamad")
``demonym``      a demonym + institution noun ("Israeli military", "the Iranian regime"); a bare
                 demonym ("Israeli civilians") is not a mention of a state
``descriptive``  "the" + modifiers + an anaphoric head ("the Lebanese group", "the militant
                 group"), with the entity types and country it may refer to

Nothing here decides which entity a candidate is: that is ``newsgraph.entities.link``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from newsgraph.entities.canonical import descriptors, strip_title, title_regex, trim_span
from newsgraph.entities.kb import KBEntry, KnowledgeBase
from newsgraph.model import Document, NerSpan, ParsedDocument, Sentence

__all__ = ["NAME_LABELS", "Candidate", "demonym_country", "find_mentions", "sentence_of"]

#: NER labels that name actors or places; everything else (DATE, CARDINAL, ...) is skipped.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


@dataclass(slots=True)
class Candidate:
    """A span that may mention an entity, before linking."""

    start: int
    end: int
    text: str
    kind: str  # "name", "demonym", "descriptive"
    label: str  # NER label, or "DEMONYM"/"DESCRIPTIVE"
    sentence: int  # index into ParsedDocument.sentences
    head: int = -1  # index of the span's syntactic head token, -1 if unknown
    kb_id: str = ""  # set by the entity ruler
    title: str = ""  # title/role words stripped before the name
    types: frozenset[str] = field(default_factory=frozenset)  # descriptive: allowed types
    country: str | None = None  # descriptive/demonym: ISO alpha-2 the actor belongs to
    institution: str = ""  # demonym: the institution noun ("military")


def sentence_of(parsed: ParsedDocument, offset: int) -> int:
    """Index of the sentence containing character ``offset`` (the last one before it)."""
    lo, hi = 0, len(parsed.sentences) - 1
    best = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if parsed.sentences[mid].start <= offset:
            best = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return best


def demonym_country(kb: KnowledgeBase, word: str) -> KBEntry | None:
    """The country whose demonym ``word`` is ("Lebanese" -> Lebanon), or None."""
    key = word.strip().lower()
    for entry in kb.lookup(word):
        if entry.type == "COUNTRY" and any(d.lower() == key for d in entry.demonyms):
            return entry
    return None


def _span_head(parsed: ParsedDocument, token_start: int, token_end: int) -> int:
    """The token of ``[token_start, token_end)`` whose head lies outside the span."""
    for i in range(token_start, token_end):
        head = parsed.tokens[i].head
        if head == i or not token_start <= head < token_end:
            return i
    return token_start


# Token start and end offsets of the document being read (one at a time), for binary search:
# a linear scan per mention made long documents quadratic (a 150 KB live blog took minutes).
_OFFSETS: dict[int, tuple[ParsedDocument, list[int], list[int]]] = {}


def _token_offsets(parsed: ParsedDocument) -> tuple[list[int], list[int]]:
    hit = _OFFSETS.get(id(parsed))
    if hit is None or hit[0] is not parsed:
        _OFFSETS.clear()
        hit = (parsed, [t.start for t in parsed.tokens], [t.end for t in parsed.tokens])
        _OFFSETS[id(parsed)] = hit
    return hit[1], hit[2]


def token_range(parsed: ParsedDocument, start: int, end: int) -> tuple[int, int]:
    """Tokens overlapping the character span ``[start, end)`` (tokens are sorted and disjoint,
    so their starts and ends both ascend)."""
    starts, ends = _token_offsets(parsed)
    first = bisect_right(ends, start)  # first token ending after ``start``
    last = bisect_left(starts, end)  # first token starting at or after ``end``
    return (first, last) if first < last else (0, 0)


def _extend_person(body: str, parsed: ParsedDocument, span: NerSpan) -> int:
    """Start of a PERSON span widened over given names the model left out ("Ghazi Hamad")."""
    start_tok = span.token_start
    while start_tok > 0:
        tok = parsed.tokens[start_tok - 1]
        text = body[tok.start : tok.end]
        if not (
            tok.pos == "PROPN"
            and tok.dep == "compound"
            and span.token_start <= tok.head < span.token_end
            and text[:1].isupper()
            and not tok.ent_type
        ):
            break
        # A title ("President", "Sheikh") is not a given name: stop before it.
        if strip_title(body, tok.start, span.end)[0] != tok.start:
            break
        start_tok -= 1
    return parsed.tokens[start_tok].start if start_tok < span.token_start else span.start


def _ends_a_title(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` is the tail of a multi-word title that starts before it."""
    regex = title_regex()
    for match in regex.finditer(body, max(0, start - 40), min(len(body), end + 1)):
        if match.start() < start and match.end("t") == end:
            return True
    return False


def _name_candidates(doc: Document, parsed: ParsedDocument) -> list[Candidate]:
    body = doc.body
    out: list[Candidate] = []
    for span in parsed.entities:
        if span.label not in NAME_LABELS or span.end > len(body):
            continue
        start = _extend_person(body, parsed, span) if span.label == "PERSON" else span.start
        start, end = trim_span(body, start, span.end)
        if end <= start:
            continue
        if _ends_a_title(body, start, end):
            continue  # "Defense" of "Secretary of Defense": part of a title, not a name
        label = span.label
        title = ""
        if label in ("PERSON", "ORG") and not span.kb_id:
            new_start, title = strip_title(body, start, end)
            if title:
                start = new_start
                # "Defense Lloyd Austin" tagged ORG: a person title before a name makes it one.
                label = "PERSON"
        tok_start, tok_end = token_range(parsed, start, end)
        out.append(
            Candidate(
                start=start,
                end=end,
                text=body[start:end],
                kind="name",
                label=label,
                sentence=sentence_of(parsed, start),
                head=_span_head(parsed, tok_start, tok_end),
                kb_id=span.kb_id,
                title=title,
            )
        )
    return out


def _chunk_after(parsed: ParsedDocument, token: int) -> tuple[int, int] | None:
    """The noun chunk (token span) that contains ``token``, if any."""
    for chunk_start, chunk_end in parsed.noun_chunks:
        if chunk_start <= token < chunk_end:
            return chunk_start, chunk_end
    return None


def _demonym_candidates(
    doc: Document, parsed: ParsedDocument, kb: KnowledgeBase, taken: list[Candidate]
) -> list[Candidate]:
    """Demonym + institution noun ("Israeli military"); the NORP span alone is dropped."""
    body = doc.body
    institutions = descriptors().institutions
    out: list[Candidate] = []
    for cand in taken:
        if cand.label != "NORP" or cand.kb_id:
            continue
        country = demonym_country(kb, cand.text)
        if country is None:
            continue
        tok_start, tok_end = token_range(parsed, cand.start, cand.end)
        # The nouns after the demonym up to the noun they modify: "Israeli armed forces".
        j = tok_end
        nouns: list[int] = []
        while j < len(parsed.tokens) and parsed.tokens[j].pos in ("NOUN", "PROPN", "ADJ"):
            nouns.append(j)
            j += 1
            if parsed.tokens[j - 1].pos == "NOUN" and (
                j >= len(parsed.tokens) or parsed.tokens[j].pos != "NOUN"
            ):
                break
        if not nouns:
            continue
        end = parsed.tokens[nouns[-1]].end
        tail = body[parsed.tokens[nouns[0]].start : end].lower()
        tail = " ".join(tail.split())
        if tail not in institutions:
            continue
        start = cand.start
        out.append(
            Candidate(
                start=start,
                end=end,
                text=body[start:end],
                kind="demonym",
                label="DEMONYM",
                sentence=cand.sentence,
                head=nouns[-1],
                types=institutions[tail],
                country=country.country,
                institution=tail,
            )
        )
    return out


def _descriptive_regex() -> re.Pattern[str]:
    heads = sorted(descriptors().heads, key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, h.split())) for h in heads)
    return re.compile(
        rf"\b(?P<the>[Tt]he)\s+(?P<mods>(?:[\w’'-]+\s+){{0,3}}?)(?P<head>{alternation})"
        r"(?![\w-])"
    )


def _descriptive_candidates(
    doc: Document, parsed: ParsedDocument, kb: KnowledgeBase, names: list[Candidate]
) -> list[Candidate]:
    """ "the [modifiers] group/movement/..." where every modifier is understood."""
    desc = descriptors()
    body = doc.body
    out: list[Candidate] = []
    for match in _descriptive_regex().finditer(body):
        start, end = match.start(), match.end()
        # "the Hamas movement" names Hamas: the name mention covers it, not a description.
        if any(n.start < end and n.end > start and n.label != "NORP" for n in names):
            continue
        types = set(desc.heads[" ".join(match.group("head").lower().split())])
        country: str | None = None
        ok = True
        for word in match.group("mods").split():
            low = word.lower()
            if low in desc.modifiers:
                types &= desc.modifiers[low]
                continue
            if "-" in word and word.rsplit("-", 1)[1].lower() in desc.compounds:
                continue
            found = demonym_country(kb, word)
            if found is not None and country in (None, found.country):
                country = found.country
                continue
            ok = False
            break
        if not ok or not types:
            continue
        out.append(
            Candidate(
                start=start,
                end=end,
                text=body[start:end],
                kind="descriptive",
                label="DESCRIPTIVE",
                sentence=sentence_of(parsed, start),
                types=frozenset(types),
                country=country,
            )
        )
    return out


def find_mentions(doc: Document, parsed: ParsedDocument, kb: KnowledgeBase) -> list[Candidate]:
    """Every mention candidate of ``doc``, ordered by position, without overlaps.

    Where candidates overlap, a demonym institution ("Israeli military") replaces the bare
    demonym inside it, and the longer name wins over a shorter one.
    """
    names = _name_candidates(doc, parsed)
    for cand in names:
        # "Kuwaiti" tagged GPE is still an adjective: treat it as the demonym it is.
        country = demonym_country(kb, cand.text) if cand.label in ("GPE", "ORG") else None
        if country is not None and cand.text not in country.names:
            cand.label = "NORP"
    demonyms = _demonym_candidates(doc, parsed, kb, names)
    described = _descriptive_candidates(doc, parsed, kb, names)
    covered = [(d.start, d.end) for d in demonyms]
    names = [n for n in names if not any(s <= n.start and n.end <= e for s, e in covered)]
    merged = sorted([*names, *demonyms, *described], key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Candidate] = []
    for cand in merged:
        if out and cand.start < out[-1].end:
            continue  # overlaps the previous, longer candidate
        out.append(cand)
    return out


def sentence_bounds(parsed: ParsedDocument, index: int) -> Sentence:
    """The sentence record at ``index``."""
    return parsed.sentences[index]

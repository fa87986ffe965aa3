"""spaCy ``Doc`` -> ``ParsedDocument`` (the only place that reads spaCy annotations).

Later stages see only the records of ``newsgraph.model``; offsets are character offsets into
the document body that was parsed.
"""

from __future__ import annotations

from typing import Any

from newsgraph.model import NerSpan, ParsedDocument, Sentence, Token


def to_parsed(doc_id: str, sdoc: Any, producer: str) -> ParsedDocument:
    """Convert one spaCy Doc of ``Document.body`` into a ParsedDocument."""
    tokens = tuple(
        Token(
            start=t.idx,
            end=t.idx + len(t.text),
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            ent_type=t.ent_type_,
        )
        for t in sdoc
    )
    sentences = tuple(Sentence(s.start_char, s.end_char, s.start, s.end) for s in sdoc.sents)
    # The entity ruler stores a pattern's "id" (our KB id) as the span's ent_id; a linker
    # component would set kb_id. Either is the KB id.
    entities = tuple(
        NerSpan(e.start_char, e.end_char, e.label_, e.start, e.end, e.kb_id_ or e.ent_id_)
        for e in sdoc.ents
    )
    chunks = tuple((c.start, c.end) for c in sdoc.noun_chunks) if sdoc.has_annotation("DEP") else ()
    return ParsedDocument(doc_id, producer, tokens, sentences, entities, chunks)

"""ParsedDocument <-> bytes: the compact, versioned form stored in the ``parses`` table.

Layout: one format byte (``FORMAT``), then zlib-compressed UTF-8 JSON holding the record
column by column: integer columns as lists of ints (token starts/ends as gaps from the
previous token, which compress well), string columns (lemma, pos, tag, dep, ent_type, labels,
kb ids) as indexes into one shared string table. A reader refuses a format it does not know
rather than misreading it; a newer format gets the next number and this module keeps reading
the old ones.
"""

from __future__ import annotations

import json
import zlib
from typing import Any, Final

from newsgraph.errors import StoreError
from newsgraph.model import NerSpan, ParsedDocument, Sentence, Token

FORMAT: Final = 1


class _Strings:
    """A string table: each distinct string stored once, referred to by index."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.items: list[str] = []

    def __call__(self, value: str) -> int:
        found = self.index.get(value)
        if found is None:
            found = self.index[value] = len(self.items)
            self.items.append(value)
        return found


def parsed_to_bytes(parsed: ParsedDocument) -> bytes:
    """Encode one ParsedDocument (format ``FORMAT``)."""
    s = _Strings()
    toks = parsed.tokens
    starts: list[int] = []
    lengths: list[int] = []
    prev = 0
    for t in toks:
        starts.append(t.start - prev)  # gap since the previous token's end
        lengths.append(t.end - t.start)
        prev = t.end
    data: dict[str, Any] = {
        "doc": parsed.doc,
        "producer": parsed.producer,
        "t_gap": starts,
        "t_len": lengths,
        "t_lemma": [s(t.lemma) for t in toks],
        "t_pos": [s(t.pos) for t in toks],
        "t_tag": [s(t.tag) for t in toks],
        "t_dep": [s(t.dep) for t in toks],
        "t_head": [t.head - i for i, t in enumerate(toks)],  # relative: small numbers
        "t_ent": [s(t.ent_type) for t in toks],
        "sents": [[x.start, x.end, x.token_start, x.token_end] for x in parsed.sentences],
        "ents": [
            [e.start, e.end, s(e.label), e.token_start, e.token_end, s(e.kb_id)]
            for e in parsed.entities
        ],
        "chunks": [list(c) for c in parsed.noun_chunks],
    }
    data["strings"] = s.items
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return bytes([FORMAT]) + zlib.compress(text.encode("utf-8"), 6)


def parsed_from_bytes(blob: bytes) -> ParsedDocument:
    """Decode ``parsed_to_bytes`` output; raises ``StoreError`` for unknown or damaged data."""
    if not blob:
        raise StoreError("stored parse is empty; re-run the NLP pass for this document")
    if blob[0] != FORMAT:
        raise StoreError(
            f"stored parse has format {blob[0]}, this newsgraph reads format {FORMAT}; "
            "upgrade newsgraph or re-run the NLP pass"
        )
    try:
        data = json.loads(zlib.decompress(blob[1:]).decode("utf-8"))
        strings: list[str] = data["strings"]
        tokens: list[Token] = []
        prev = 0
        columns = zip(
            data["t_gap"],
            data["t_len"],
            data["t_lemma"],
            data["t_pos"],
            data["t_tag"],
            data["t_dep"],
            data["t_head"],
            data["t_ent"],
            strict=True,
        )
        for i, (gap, length, lemma, pos, tag, dep, head, ent) in enumerate(columns):
            start = prev + gap
            prev = start + length
            tokens.append(
                Token(
                    start,
                    prev,
                    strings[lemma],
                    strings[pos],
                    strings[tag],
                    strings[dep],
                    i + head,
                    strings[ent],
                )
            )
        sentences = tuple(Sentence(*row) for row in data["sents"])
        entities = tuple(
            NerSpan(a, b, strings[label], ts, te, strings[kb])
            for a, b, label, ts, te, kb in data["ents"]
        )
        chunks = tuple((a, b) for a, b in data["chunks"])
        return ParsedDocument(
            data["doc"], data["producer"], tuple(tokens), sentences, entities, chunks
        )
    except (zlib.error, UnicodeDecodeError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise StoreError(
            f"stored parse is damaged ({exc}); re-run the NLP pass for this document"
        ) from exc

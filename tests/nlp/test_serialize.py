"""Stored parse format: exact round trip, refusal of unknown or damaged data."""

from __future__ import annotations

import zlib

import pytest

from newsgraph.errors import StoreError
from newsgraph.model import NerSpan, ParsedDocument, Sentence, Token
from newsgraph.nlp.backend import NlpBackend
from newsgraph.nlp.serialize import FORMAT, parsed_from_bytes, parsed_to_bytes

TEXT = (
    "Le Drian met Erdoğan's adviser in Ankara on Monday.\n\n"
    "Hizbullah's al-Manar said the talks “went well”."
)


def test_real_parse_round_trips(backend: NlpBackend) -> None:
    [parsed] = backend.parse([("d9", TEXT)])
    blob = parsed_to_bytes(parsed)
    assert blob[0] == FORMAT
    assert parsed_from_bytes(blob) == parsed
    # Compact: well under the size of a naive JSON dump of the records.
    assert len(blob) < 40 * len(parsed.tokens)


def test_hand_made_record_round_trips() -> None:
    parsed = ParsedDocument(
        "d1",
        "p",
        (Token(0, 3, "é", "X", "", "ROOT", 0, "GPE"), Token(5, 6, "", "", "", "", 0)),
        (Sentence(0, 6, 0, 2),),
        (NerSpan(0, 3, "GPE", 0, 1, "geonames:1"),),
        ((0, 1),),
    )
    assert parsed_from_bytes(parsed_to_bytes(parsed)) == parsed
    empty = ParsedDocument("d2", "p", (), (), (), ())
    assert parsed_from_bytes(parsed_to_bytes(empty)) == empty


def test_unknown_format_and_damage_are_store_errors() -> None:
    blob = parsed_to_bytes(ParsedDocument("d", "p", (), (), ()))
    with pytest.raises(StoreError, match="format 9"):
        parsed_from_bytes(bytes([9]) + blob[1:])
    with pytest.raises(StoreError, match="damaged"):
        parsed_from_bytes(blob[:-3])
    with pytest.raises(StoreError, match="damaged"):
        parsed_from_bytes(bytes([FORMAT]) + zlib.compress(b'{"doc": "d"}'))
    with pytest.raises(StoreError, match="empty"):
        parsed_from_bytes(b"")

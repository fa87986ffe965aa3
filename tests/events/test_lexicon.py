"""The PLOVER lexicon file: coverage of the ontology, format checks, and a user lexicon."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.events import PLOVER_TYPES, Lexicon, load_lexicon
from newsgraph.events.lexicon import KINDS

from .conftest import Coder

# Modes of the dev-set guidelines (tests/fixtures/README-events.md), after CAMEO2PLOVER-2021.
ASSAULT_MODES = {"aerial", "drone", "missile", "firearms", "explosives", "abduct"}


def test_every_plover_type_has_verbal_and_nominal_triggers() -> None:
    lex = load_lexicon()
    verb_types = {r.type for w in lex.words("verb") for r in lex.rows("verb", w)}
    noun_types = {r.type for w in lex.words("noun") for r in lex.rows("noun", w)}
    assert verb_types == set(PLOVER_TYPES)
    assert len(PLOVER_TYPES) == 16
    assert noun_types <= set(PLOVER_TYPES) and len(noun_types) >= 14


def test_coding_rows_have_a_cameo_root_and_known_modes() -> None:
    lex = load_lexicon()
    for kind in ("verb", "noun", "weapon"):
        for word in lex.words(kind):
            for row in lex.rows(kind, word):
                assert row.cameo is not None and re.fullmatch(r"(0[1-9]|1\d|20)", row.cameo), row
                assert row.subtype, row
                if row.type == "ASSAULT" and row.mode:
                    assert row.mode in ASSAULT_MODES, row


def test_word_lists_for_the_rules_are_present() -> None:
    lex = load_lexicon()
    assert {"say", "report", "tell", "claim"} <= lex.words("speech")
    assert {"would", "if", "plan", "threaten", "anticipated"} <= lex.words("hypo")
    assert {"deny", "no"} <= lex.words("negate")
    assert {"refuse", "threaten", "urge"} <= lex.words("block")
    assert {"leader", "official", "delegation"} <= lex.words("agent")
    assert lex.rows("weapon", "rocket")[0].mode == "missile"
    assert lex.rows("weapon", "drone")[0].mode == "drone"
    # "fired" an employee is not an attack: only a fired weapon is
    assert all("obj" in r.condition or "prep" in r.condition for r in lex.rows("verb", "fire"))


def test_hard_cases_carry_their_reason() -> None:
    lex = load_lexicon()
    for kind, word in [("verb", "fire"), ("noun", "war"), ("verb", "refuse"), ("noun", "support")]:
        assert any(r.note for r in lex.rows(kind, word)), (kind, word)


def _write(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "lexicon.tsv"
    path.write_text("# test lexicon\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_malformed_rows_name_file_and_line(tmp_path: Path) -> None:
    bad_type = _write(tmp_path, ["verb\tgreet\tHUG\t\tgreeting\t04\t\t"])
    with pytest.raises(ConfigError, match=r"lexicon.tsv:2: .*PLOVER type"):
        Lexicon.from_file(bad_type)
    bad_kind = _write(tmp_path, ["adverb\tswiftly\t\t\t\t\t\t"])
    with pytest.raises(ConfigError, match="unknown kind"):
        Lexicon.from_file(bad_kind)
    bad_condition = _write(tmp_path, ["verb\tgreet\tCONSULT\t\tgreeting\t04\tcolour=red\t"])
    with pytest.raises(ConfigError, match="unknown condition"):
        Lexicon.from_file(bad_condition)
    with pytest.raises(ConfigError, match="cannot read"):
        Lexicon.from_file(tmp_path / "missing.tsv")
    assert {"verb", "noun", "light", "weapon", "agent", "speech", "hypo", "negate"} <= KINDS


def test_a_user_lexicon_replaces_the_built_in_one(
    tmp_path: Path, code_texts: Coder, kb: object
) -> None:
    from newsgraph.entities import resolve_entities
    from newsgraph.events import code_events
    from newsgraph.nlp import parse_texts

    from .conftest import _with_id, make_document

    text = "Hezbollah leader Hassan Nasrallah greeted the Hamas delegation in Beirut."
    assert code_texts(text) == []  # "greet" is not in the built-in lexicon
    # the user lexicon replaces the built-in one entirely: it brings its own agent nouns
    path = _write(
        tmp_path,
        ["verb\tgreet\tCONSULT\tmeet\tgreeting\t04\t\t", "agent\tdelegation\t\t\t\t\t\t"],
    )
    doc = make_document("t0", text)
    items = [(doc, _with_id(parse_texts([text])[0], "t0"))]
    lexicon = Lexicon.from_file(path)
    events = code_events(items, resolve_entities(items, kb), kb, lexicon=lexicon)  # type: ignore[arg-type]
    assert [(e.type, e.subtype, e.source, e.target) for e in events] == [
        ("CONSULT", "greeting", ("ng:hezbollah",), ("ng:hamas",))
    ]

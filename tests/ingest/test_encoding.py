"""Decoding bytes: BOMs, declared charsets, legacy encodings, and garbage."""

from __future__ import annotations

import random

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest.encoding import (
    charset_from_content_type,
    declared_charset,
    decode_bytes,
    looks_like_text,
)

# Short news sentences in several languages, written for these tests.
SENTENCES = {
    "fr": "Le ministre a déclaré « nous reprendrons les négociations » — sans préciser la date. ",
    "de": "Der Bürgermeister sagte, die Brücke über den Fluss werde im März geöffnet. ",
    "es": "El alcalde anunció que el puente será inaugurado en el año próximo, según España Hoy. ",
    "pl": "Burmistrz powiedział, że most zostanie otwarty w przyszłym miesiącu. ",
    "ru": "Мэр города заявил, что мост через реку откроют в следующем месяце. ",
    "ar": "قال رئيس البلدية إن الجسر فوق النهر سيفتتح الشهر المقبل. ",
    "el": "Ο δήμαρχος δήλωσε ότι η γέφυρα θα ανοίξει τον επόμενο μήνα. ",
    "zh": "市长周一表示，横跨河流的新桥将于下月通车。",
}


@pytest.mark.parametrize(
    ("lang", "codec", "expected"),
    [
        ("fr", "cp1252", "cp1252"),
        ("de", "latin-1", "cp1252"),  # latin-1 bytes read as its superset windows-1252
        ("es", "latin-1", "cp1252"),
        ("pl", "cp1250", "cp1250"),
        ("ru", "cp1251", "cp1251"),
        ("ru", "koi8_r", "koi8-r"),
        ("ar", "cp1256", "cp1256"),
        ("el", "cp1253", "cp1253"),
        ("zh", "gb18030", "gb18030"),
    ],
)
@pytest.mark.parametrize("repeat", [1, 4])
def test_legacy_encodings_decode_exactly(lang: str, codec: str, expected: str, repeat: int) -> None:
    text = SENTENCES[lang] * repeat
    decoded, name = decode_bytes(text.encode(codec))
    assert decoded == text
    assert name == expected


def test_boms_and_utf16_without_bom() -> None:
    text = SENTENCES["fr"] * 2
    assert decode_bytes(text.encode("utf-8-sig")) == (text, "utf-8")
    assert decode_bytes(text.encode("utf-16")) == (text, "utf-16-le")
    assert decode_bytes(text.encode("utf-16-be")) == (text, "utf-16-be")
    assert decode_bytes(("\ufeff" + text).encode("utf-32-le")) == (text, "utf-32-le")


def test_declared_charset_is_honoured_for_html() -> None:
    text = SENTENCES["ru"]
    page = f'<html><head><meta charset="koi8-r"></head><body><p>{text}</p></body></html>'
    decoded, name = decode_bytes(page.encode("koi8_r"), html=True)
    assert name == "koi8-r" and text in decoded
    equiv = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        f"</head><body><p>{text}</p></body></html>"
    )
    decoded, name = decode_bytes(equiv.encode("cp1251"), html=True)
    assert name == "cp1251" and text in decoded


def test_header_charset_wins_and_mislabelled_utf8_is_utf8() -> None:
    text = SENTENCES["de"]
    assert decode_bytes(text.encode("cp1252"), declared="iso-8859-1") == (text, "cp1252")
    # Declared latin-1 but really UTF-8: valid multi-byte UTF-8 is not a coincidence.
    assert decode_bytes(text.encode("utf-8"), declared="iso-8859-1") == (text, "utf-8")
    # A wrong declaration that cannot decode the bytes is ignored.
    assert decode_bytes(text.encode("cp1252"), declared="utf-8") == (text, "cp1252")
    assert decode_bytes(text.encode(), declared="no-such-charset") == (text, "utf-8")


def test_garbage_is_bad_encoding() -> None:
    rng = random.Random(7)
    high_bytes = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    pattern = bytes([0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE, 0x80, 0x81]) * 200
    controls = b"\x01\x02\x03\x04 text " * 50
    for data in (high_bytes, pattern, controls):
        with pytest.raises(InputError) as err:
            decode_bytes(data)
        assert err.value.reason_code == "bad_encoding"
        assert "UTF-8" in err.value.detail


def test_helpers() -> None:
    assert charset_from_content_type("text/html; charset=ISO-8859-1") == "ISO-8859-1"
    assert charset_from_content_type('text/html; charset="utf-8"') == "utf-8"
    assert charset_from_content_type("text/html") is None
    assert declared_charset(b'<?xml version="1.0" encoding="windows-1256"?><rss>') == "windows-1256"
    assert declared_charset(b"<html><body>no charset</body></html>") is None
    assert looks_like_text(SENTENCES["zh"] * 10)  # no spaces, but CJK
    assert not looks_like_text("ЂЃГЎяю" * 40)  # letters with no spaces: mojibake


def test_minified_html_without_spaces_is_still_html() -> None:
    """A real page can open with many KiB of minified script: not garbage, just markup."""
    script = "<script>" + "var_a=1;function(b){return_b*2};" * 1200 + "</script>"
    page = f"<html><head>{script}</head><body><p>A real paragraph of text.</p></body></html>"
    text, encoding = decode_bytes(page.encode("utf-8"), html=True)
    assert encoding == "utf-8" and "real paragraph" in text

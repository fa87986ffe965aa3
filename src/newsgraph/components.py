"""Where every built-in component is registered: one place, no import side effects.

Users add their own components by calling ``register`` on the registry they pass to
``newsgraph.pipeline.Ingestor`` (or ``newsgraph.ingest_paths``)::

    from newsgraph.components import default_registry
    registry = default_registry()
    registry.register("cleaners", "acme.cleaner.v1", AcmeCleaner)
    ingest_paths(["pages/"], store, Config(cleaner="acme.cleaner.v1"), registry=registry)

Kinds:
- ``cleaners``: factories taking no required arguments and returning a callable
  ``(text, *, title_hint=None) -> list[Block]`` (see ``newsgraph.clean.lines``).
- ``stores``: factories ``(target: str) -> Store`` keyed by URL scheme ("sqlite", "postgresql").
- ``nlp_backends``: factories ``(model: str, kb: KnowledgeBase | None) -> NlpBackend``.
"""

from __future__ import annotations

from newsgraph.registry import Registry


def default_registry() -> Registry:
    """A fresh registry holding newsgraph's built-in components."""
    from newsgraph.clean.lines import LineCleaner
    from newsgraph.nlp.spacy_backend import SpacyBackend
    from newsgraph.store.sqlite import SQLiteStore

    registry = Registry()
    registry.register("cleaners", "newsgraph.cleaner.v1", LineCleaner)
    registry.register("stores", "sqlite", SQLiteStore)
    registry.register("nlp_backends", "newsgraph.nlp.spacy.v1", SpacyBackend)
    return registry

"""newsgraph: source-attributed intelligence from messy news articles.

The public API::

    from newsgraph import Config, open_store, ingest_paths, build_export

    with open_store("news.db") as store:
        report = ingest_paths(["articles/", "https://example.org/story"], store, Config())
        data = build_export(store)        # the contract of docs/export.md

Importing newsgraph loads no models and touches no files.
"""

from __future__ import annotations

from newsgraph.config import Config
from newsgraph.errors import ConfigError, InputError, NewsgraphError, SchemaError, StoreError
from newsgraph.export import build_export, write_export
from newsgraph.model import SCHEMA_VERSION, Document, Evidence, IngestReport, Rejection
from newsgraph.pipeline import Ingestor, ingest_paths
from newsgraph.store import open_store

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Config",
    "ConfigError",
    "Document",
    "Evidence",
    "IngestReport",
    "Ingestor",
    "InputError",
    "NewsgraphError",
    "Rejection",
    "SchemaError",
    "StoreError",
    "__version__",
    "build_export",
    "ingest_paths",
    "open_store",
    "write_export",
]

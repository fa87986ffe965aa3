"""Runs the stages in order over inputs: ingest -> clean -> store.

The library entry point behind ``newsgraph ingest`` and ``newsgraph demo``. A bad document
never stops the batch: every per-document failure becomes a stored ``Rejection``. Each document
is stored in its own transaction, so an ingest killed midway and run again ends with each
document stored once (already-stored raw inputs are recognised by their hash and skipped
before any cleaning work).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import httpx

from newsgraph.clean import clean_document
from newsgraph.components import default_registry
from newsgraph.config import Config
from newsgraph.errors import InputError
from newsgraph.ingest import InputTarget, expand_targets, read_target
from newsgraph.model import AddOutcome, IngestReport, RawDocument, Rejection
from newsgraph.registry import Registry
from newsgraph.store.base import Store

#: Called after each input target (file or URL) is done: (target, report so far).
TargetCallback = Callable[[InputTarget, IngestReport], None]


class Ingestor:
    """Reads, cleans and stores inputs into one store with one configuration."""

    def __init__(
        self,
        store: Store,
        config: Config | None = None,
        *,
        registry: Registry | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.store = store
        self.config = config or Config()
        self.registry = registry or default_registry()
        self.transport = transport
        # Built once per run: the cleaner compiles its lexicon and patterns.
        self.cleaner = self.registry.create("cleaners", self.config.cleaner)

    def plan(self, targets: Iterable[str]) -> tuple[list[InputTarget], list[Rejection]]:
        """Expand paths, folders and URLs into the list of inputs to read."""
        inputs: list[InputTarget] = []
        problems: list[Rejection] = []
        for item in expand_targets(targets):
            (problems if isinstance(item, Rejection) else inputs).append(item)
        return inputs, problems

    def run(
        self,
        targets: Iterable[str],
        *,
        on_target: TargetCallback | None = None,
        on_plan: Callable[[int], None] | None = None,
    ) -> IngestReport:
        """Ingest every target; returns what was added, versioned, duplicated or skipped."""
        report = IngestReport()
        inputs, problems = self.plan(targets)
        for rejection in problems:
            self._reject(rejection, report)
        if on_plan is not None:
            on_plan(len(inputs))
        for target in inputs:
            self.ingest_target(target, report)
            if on_target is not None:
                on_target(target, report)
        return report

    def ingest_target(self, target: InputTarget, report: IngestReport) -> None:
        """Read one file or URL (which may hold many records) into the store."""
        for item in read_target(target, self.config, transport=self.transport):
            if isinstance(item, Rejection):
                self._reject(item, report)
            else:
                self.ingest_raw(item, report)

    def ingest_raw(self, raw: RawDocument, report: IngestReport) -> None:
        """Clean and store one raw document, recording the outcome in ``report``."""
        known = self.store.find_raw(raw.raw_hash)
        if known is not None:
            report.duplicates.append(known)
            return
        try:
            article = clean_document(raw, self.config, cleaner=self.cleaner)
            outcome, doc = self.store.add_document(raw, article)
        except InputError as exc:
            self._reject(exc.to_rejection(raw.source), report)
            return
        {
            AddOutcome.ADDED: report.added,
            AddOutcome.NEW_VERSION: report.new_versions,
            AddOutcome.DUPLICATE: report.duplicates,
        }[outcome].append(doc.id)

    def _reject(self, rejection: Rejection, report: IngestReport) -> None:
        self.store.add_rejection(rejection)
        report.rejections.append(rejection)


def ingest_paths(
    targets: Iterable[str],
    store: Store,
    config: Config | None = None,
    *,
    registry: Registry | None = None,
    transport: httpx.BaseTransport | None = None,
) -> IngestReport:
    """Ingest paths, folders and URLs into ``store``; the one-call form of ``Ingestor``."""
    return Ingestor(store, config, registry=registry, transport=transport).run(targets)

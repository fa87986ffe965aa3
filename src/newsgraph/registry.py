"""Versioned registries of pluggable components, in the manner of spaCy's factories.

A component is built by a factory whose keyword arguments are its configuration, registered
under a versioned name ("newsgraph.cleaner.v1"), so a config naming a component keeps its meaning
when a v2 arrives. Registration happens in one place (``newsgraph.components``) rather than by
import side effects, and the registry is passed in rather than kept as hidden global state.

    >>> reg = Registry()
    >>> reg.register("cleaners", "my.cleaner.v1", MyCleaner)
    >>> cleaner = reg.create("cleaners", "my.cleaner.v1", min_chars=40)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsgraph.errors import ConfigError

Factory = Callable[..., Any]


class Registry:
    """Named factories grouped by kind ("readers", "cleaners", "html_extractors", ...)."""

    def __init__(self) -> None:
        self._factories: dict[str, dict[str, Factory]] = {}

    def register(self, kind: str, name: str, factory: Factory) -> None:
        table = self._factories.setdefault(kind, {})
        if name in table and table[name] is not factory:
            raise ConfigError(f"{kind} component {name!r} is already registered")
        table[name] = factory

    def get(self, kind: str, name: str) -> Factory:
        try:
            return self._factories[kind][name]
        except KeyError:
            known = ", ".join(sorted(self._factories.get(kind, {}))) or "none"
            raise ConfigError(f"no {kind} component named {name!r} (known: {known})") from None

    def create(self, kind: str, name: str, **config: Any) -> Any:
        return self.get(kind, name)(**config)

    def names(self, kind: str) -> list[str]:
        return sorted(self._factories.get(kind, {}))

    def kinds(self) -> list[str]:
        return sorted(self._factories)

"""Events stage: PLOVER-coded events with full arguments, resolved dates and sentence evidence.

Public API::

    PRODUCER = "newsgraph.events.v1"
    code_events(items: Sequence[tuple[Document, ParsedDocument]], entities: EntityResult,
                kb: KnowledgeBase | None = None, *, lexicon: Lexicon | None = None) -> list[Event]
    load_lexicon() -> Lexicon ; Lexicon.from_file(path)

The stage reads the stored parse (no second NLP pass) and the entity stage's mentions and
relations; per document it builds the token indexes once and codes every sentence. Precision
comes first: an event needs a source actor, and ambiguous words are events only under the
conditions the lexicon states.

Modules, one concept each:

- ``lexicon``  the PLOVER lexicon (``data/plover_lexicon.tsv``): triggers, light verbs, weapons,
               agent nouns, and the word lists of the flag rules
- ``actors``   from an argument's head token to actor-level entity ids (people kept, mapped to
               the organisation they act for; coordination; demonyms)
- ``flags``    negated / hypothetical / blocked complements and reported-speech attribution
- ``extract``  triggers (verbal, light-verb and nominal), arguments, location, date, amounts
- ``dates``, ``quantities``  time expressions and stated amounts (resolved against the
               document's date)
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.entities import EntityResult, KnowledgeBase
from newsgraph.events.actors import ActorIndex, DocParse, entity_types, person_ties
from newsgraph.events.extract import _Attributes, code_document_events, event_id
from newsgraph.events.lexicon import PLOVER_TYPES, Lexicon, load_lexicon
from newsgraph.model import Document, Event, ParsedDocument

__all__ = [
    "PLOVER_TYPES",
    "PRODUCER",
    "Lexicon",
    "code_events",
    "event_id",
    "load_lexicon",
]

PRODUCER = "newsgraph.events.v1"


def _attributes(doc: Document) -> _Attributes:
    """Date and quantity helpers for one document; missing helpers leave the fields empty."""
    attrs = _Attributes()
    try:
        from newsgraph.events import dates
    except ImportError:
        dates = None  # type: ignore[assignment]
    if dates is not None:
        try:
            attrs.anchor = dates.anchor_date(doc)
        except Exception:  # noqa: BLE001 - no anchor: dates stay unresolved, events stay
            attrs.anchor = None
        attrs.find_time = dates.find_time_expressions
    try:
        from newsgraph.events import quantities
    except ImportError:
        quantities = None  # type: ignore[assignment]
    if quantities is not None:
        attrs.find_quantities = quantities.find_quantities
        attrs.casualties = quantities.casualties
    return attrs


def code_events(
    items: Sequence[tuple[Document, ParsedDocument]],
    entities: EntityResult,
    kb: KnowledgeBase | None = None,
    *,
    lexicon: Lexicon | None = None,
) -> list[Event]:
    """PLOVER events of ``items``, in document and text order.

    ``entities`` is the entity stage's result over the same items (its mentions give the
    actors, its relations map people to organisations); ``kb`` (default
    ``KnowledgeBase.load()``) adds people's known roles and the countries of places.
    """
    kb = kb if kb is not None else KnowledgeBase.load()
    lexicon = lexicon or load_lexicon()
    types = entity_types(entities)
    ties = person_ties(entities)
    agents = lexicon.words("agent")
    events: list[Event] = []
    for doc, parsed in items:
        dp = DocParse.build(doc, parsed)
        attrs = _attributes(doc)
        index = ActorIndex(dp, entities, kb, types, ties, agents, attrs.anchor)
        events.extend(code_document_events(dp, index, lexicon, attrs, PRODUCER))
    return events

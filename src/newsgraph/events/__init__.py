"""Events stage: PLOVER-coded events with full arguments, resolved dates and sentence evidence.

Public API::

    PRODUCER = "newsgraph.events.v1"
    code_events(items: Sequence[tuple[Document, ParsedDocument]], entities: EntityResult,
                kb: KnowledgeBase | None = None, *, lexicon: Lexicon | None = None) -> list[Event]
    load_lexicon() -> Lexicon ; Lexicon.from_file(path)

The stage reads the stored parse (no second NLP pass) and the entity stage's mentions and
relations; per document it builds the token indexes once and codes every sentence (about a
millisecond a sentence, a few per cent of the NLP pass). Precision comes first: an event needs
a named source (or, for an attack, a named victim), ambiguous words are events only under the
conditions the lexicon states, and references to events told elsewhere ("after the Iranian
attack") are not coded again.

Modules, one concept each:

- ``lexicon``  the PLOVER lexicon (``data/plover_lexicon.tsv``): triggers, light verbs, weapons,
               agent nouns, and the word lists of the flag rules
- ``actors``   from an argument's head token to actor-level entity ids (people kept, mapped to
               the organisation they act for; coordination; demonyms)
- ``flags``    negated / hypothetical / blocked complements; the reporting verb of an event
- ``extract``  triggers (verbal, light-verb and nominal) and their arguments in a sentence
- ``attributes`` location, date, quantities and casualties, reported-speech attribution
- ``consolidate`` one event per act (claims of an earlier attack, split clauses, duplicates)
- ``document`` the per-document driver tying these together
- ``dates``, ``quantities``  time expressions and stated amounts (resolved against the
               document's date)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsgraph.entities import EntityResult, KnowledgeBase
from newsgraph.events.actors import ActorIndex, DocParse, entity_types, person_ties
from newsgraph.events.attributes import Attributes
from newsgraph.events.document import code_document_events
from newsgraph.events.extract import event_id
from newsgraph.events.lexicon import PLOVER_TYPES, Lexicon, load_lexicon
from newsgraph.model import Document, Event, Mention, ParsedDocument

__all__ = [
    "PLOVER_TYPES",
    "PRODUCER",
    "Lexicon",
    "code_events",
    "event_id",
    "load_lexicon",
]

PRODUCER = "newsgraph.events.v1"


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
    ``KnowledgeBase.load()``) adds people's known roles and the countries of places;
    ``lexicon`` replaces the built-in ``data/plover_lexicon.tsv``.
    """
    kb = kb if kb is not None else KnowledgeBase.load()
    lexicon = lexicon or load_lexicon()
    types = entity_types(entities)
    ties = person_ties(entities)
    agents = lexicon.words("agent")
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for mention in entities.mentions:
        mentions[mention.evidence.doc].append(mention)
    events: list[Event] = []
    for doc, parsed in items:
        dp = DocParse.build(doc, parsed)
        attrs = Attributes.of(doc)
        index = ActorIndex(dp, mentions.get(doc.id, []), kb, types, ties, agents, attrs.anchor)
        events.extend(code_document_events(dp, index, lexicon, attrs, PRODUCER))
    return events

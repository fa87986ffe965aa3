"""Entities stage: one canonical entity per real-world actor and place, with stated roles.

Public API::

    resolve_entities(items: Sequence[tuple[Document, ParsedDocument]],
                     kb: KnowledgeBase | None = None) -> EntityResult
    EntityResult(entities, mentions, relations, decisions)
    KnowledgeBase.load(extra=()) ; normalize_name(s) ; acronym(s)

Modules, one concept each:

- ``kb``         the knowledge base (countries, governments, cities, curated actors) and lookup
- ``normalize``  name keys under which spelling variants meet (al-Arouri == Aruri)
- ``canonical``  surface trimming, title stripping, the word lists in ``data/``
- ``mentions``   mention candidates of a parsed document (names, demonym institutions,
                 descriptive references)
- ``link``       linking within a document (KB alias, metonymy, acronyms, surnames, short forms,
                 descriptive references), each link with its rule
- ``context``    word lists of context: place words ("near X"), nouns a demonym does not turn
                 into a state ("Palestinian militants")
- ``roles``      relations stated in the text (appositives, titles, backing, part-of)
- ``resolve``    the stage: per-document linking plus evidence-based merging across documents
"""

from newsgraph.entities.context import demonym_names_state
from newsgraph.entities.kb import KBEntry, KnowledgeBase
from newsgraph.entities.normalize import acronym, normalize_name
from newsgraph.entities.resolve import PRODUCER, EntityResult, resolve_entities

__all__ = [
    "PRODUCER",
    "EntityResult",
    "KBEntry",
    "KnowledgeBase",
    "acronym",
    "demonym_names_state",
    "normalize_name",
    "resolve_entities",
]

"""Entities stage (being built): one canonical entity per real-world actor and place.

Ready now:

- ``newsgraph.entities.kb``: ``KnowledgeBase.load(extra=())`` — every ISO country (names,
  demonyms, ISO codes as non-text identifiers), one government per country, cities with
  coordinates and capital-as-government metonyms ("Tehran" -> ``ng:gov:ir``), and the curated
  actors of ``data/actors.jsonl`` (armed groups, agencies, media, leaders with dated roles).
  ``lookup(surface)`` finds entries by any spelling variant, best first; ``validate()`` lists
  data problems.
- ``newsgraph.entities.normalize``: ``normalize_name`` (the key spelling variants share:
  al-Arouri == Aruri, Hezbollah == Hizbullah) and ``acronym``.

Still to come (issue 4): the NLP pass, mention canonicalization, roles from text, export.
"""

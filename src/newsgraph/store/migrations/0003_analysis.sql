-- newsgraph schema, migration 0003: what the analysis stages (entities, events) need to be
-- queried, not only exported.
--
-- `newsgraph analyse` replaces the whole analysis in one transaction (entities are resolved
-- across all documents, so adding one document can merge or split entities anywhere); each
-- table below is therefore rewritten together with `entities`, `mentions`, `relations` and
-- `events` of migration 0001.

-- Why each mention belongs to its entity ("kb_alias", "surname_in_doc", "normalized_name"...):
-- read by `newsgraph entity NAME --why`.
CREATE TABLE merge_decisions (
    id       INTEGER PRIMARY KEY,
    entity   TEXT NOT NULL,
    surface  TEXT NOT NULL,
    doc      TEXT NOT NULL,
    rule     TEXT NOT NULL,
    detail   TEXT NOT NULL,
    producer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX merge_decisions_entity ON merge_decisions (entity);

-- Lookups by name (`newsgraph entity Hezbollah`) and by type.
CREATE INDEX entities_name ON entities (name COLLATE NOCASE);
CREATE INDEX entities_type ON entities (type);
CREATE INDEX relations_subject ON relations (subject);
CREATE INDEX relations_object ON relations (object);

-- The actors of each event, one row per (event, entity, role), for `newsgraph events --actor`.
-- role: source, target, source_person, target_person.
CREATE TABLE event_actors (
    event  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    role   TEXT NOT NULL,
    PRIMARY KEY (event, entity, role)
);
CREATE INDEX event_actors_entity ON event_actors (entity);
CREATE INDEX events_type ON events (type);

-- One row per completed analysis: what ran, over how many documents, and when.
CREATE TABLE analysis_runs (
    id          INTEGER PRIMARY KEY,
    producers   TEXT NOT NULL,
    documents   INTEGER NOT NULL,
    finished_at TEXT NOT NULL,
    counts      TEXT NOT NULL DEFAULT '{}'
);

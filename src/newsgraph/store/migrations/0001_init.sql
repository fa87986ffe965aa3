-- newsgraph schema, migration 0001: the initial tables.
--
-- Migrations are numbered NNNN_name.sql files applied in order by newsgraph.store.sqlite, each
-- inside one transaction that also sets PRAGMA user_version to NNNN. Never edit a released
-- migration: add the next number instead. Dates and datetimes are ISO 8601 text; JSON columns
-- hold UTF-8 JSON text.

-- One row per stored document version. The clean body is immutable (evidence offsets point into
-- it), so a changed page is a new row with version n+1 and `supersedes` = the previous id.
-- `seq` is the rowid (ingest order, and the stable rowid the full-text index refers to; an
-- explicit INTEGER PRIMARY KEY survives VACUUM, an implicit rowid does not). `id` is
-- model.document_id(source_key, body). The metadata columns copy fields of `meta` for queries;
-- `meta` (the full ArticleMeta as JSON) is what a Document is read back from.
CREATE TABLE documents (
    seq         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL,
    location    TEXT NOT NULL,
    source_key  TEXT NOT NULL,
    url         TEXT,
    title       TEXT,
    outlet      TEXT,
    byline      TEXT,
    dateline    TEXT,
    published   TEXT,
    stated_date TEXT,
    language    TEXT,
    meta        TEXT NOT NULL,
    body        TEXT NOT NULL,
    body_hash   TEXT NOT NULL,
    raw_hash    TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    supersedes  TEXT REFERENCES documents (id),
    reader      TEXT NOT NULL DEFAULT '',
    producer    TEXT NOT NULL DEFAULT '',
    ingested_at TEXT NOT NULL,
    removed     TEXT NOT NULL DEFAULT '[]',
    UNIQUE (source_key, version)
);
CREATE INDEX documents_source ON documents (source);
CREATE INDEX documents_body_hash ON documents (body_hash);

-- Bodies never change: refuse any UPDATE of them outright.
CREATE TRIGGER documents_body_immutable BEFORE UPDATE OF body ON documents
BEGIN
    SELECT RAISE(ABORT, 'document bodies are immutable; store a new version instead');
END;

-- Every raw input ever stored, keyed by the SHA-256 of its bytes, pointing at the document it
-- produced (several raw inputs can point at one document: re-encodings of the same page).
-- `raw` is the decoded input text, UTF-8 encoded and zlib-compressed, kept so that documents
-- can be re-cleaned by a better cleaner later. `size` is the length of that UTF-8 text in bytes.
CREATE TABLE raw_inputs (
    raw_hash   TEXT PRIMARY KEY,
    doc_id     TEXT NOT NULL REFERENCES documents (id),
    source     TEXT NOT NULL,
    location   TEXT NOT NULL,
    url        TEXT,
    kind       TEXT NOT NULL,
    encoding   TEXT,
    reader     TEXT NOT NULL DEFAULT '',
    hints      TEXT NOT NULL DEFAULT '{}',
    size       INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    raw        BLOB NOT NULL
);
CREATE INDEX raw_inputs_doc ON raw_inputs (doc_id);

-- Inputs that could not be processed, each reason stored once.
CREATE TABLE rejections (
    id          INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    stage       TEXT NOT NULL,
    reason_code TEXT NOT NULL,
    detail      TEXT NOT NULL,
    first_seen  TEXT NOT NULL,
    UNIQUE (source, stage, reason_code, detail)
);

-- Full-text index over title + body, external content (the text lives once, in documents),
-- kept in sync by the triggers below. unicode61 with diacritics removed so that "Sao Paulo"
-- finds "São Paulo".
CREATE VIRTUAL TABLE documents_fts USING fts5 (
    title,
    body,
    content = 'documents',
    content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents
BEGIN
    INSERT INTO documents_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents
BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, body)
    VALUES ('delete', old.seq, old.title, old.body);
END;

CREATE TRIGGER documents_fts_title AFTER UPDATE OF title ON documents
BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, title, body)
    VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO documents_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

-- Tables for later stages (entities, events, claims, linking). Empty for now; the issues that
-- build those stages will migrate them as needed. Common shape: a stable `id`, the `producer`
-- that made the record ("newsgraph.events.v1"), the document it was extracted from (`doc`,
-- NULL for records spanning documents) and `data`, the record's full export form as JSON
-- (evidence spans included). Export reads `data` back, so a stage that writes here appears in
-- `newsgraph export` with no further change.
CREATE TABLE entities (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    producer TEXT NOT NULL DEFAULT '',
    data     TEXT NOT NULL DEFAULT '{}'
);

-- One row per mention: an Evidence span of a document body naming an entity.
CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    entity     TEXT NOT NULL REFERENCES entities (id),
    doc        TEXT NOT NULL REFERENCES documents (id),
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    label      TEXT NOT NULL DEFAULT '',
    producer   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentions_entity ON mentions (entity);
CREATE INDEX mentions_doc ON mentions (doc);

CREATE TABLE relations (
    id        TEXT PRIMARY KEY,
    doc       TEXT REFERENCES documents (id),
    subject   TEXT NOT NULL,
    predicate TEXT NOT NULL,
    object    TEXT NOT NULL,
    producer  TEXT NOT NULL DEFAULT '',
    data      TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE events (
    id       TEXT PRIMARY KEY,
    doc      TEXT REFERENCES documents (id),
    type     TEXT NOT NULL,
    producer TEXT NOT NULL DEFAULT '',
    data     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_doc ON events (doc);

CREATE TABLE claims (
    id       TEXT PRIMARY KEY,
    doc      TEXT REFERENCES documents (id),
    producer TEXT NOT NULL DEFAULT '',
    data     TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX claims_doc ON claims (doc);

-- Cross-document results of the link stage.
CREATE TABLE conflicts (
    id       TEXT PRIMARY KEY,
    producer TEXT NOT NULL DEFAULT '',
    data     TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE stories (
    id       TEXT PRIMARY KEY,
    producer TEXT NOT NULL DEFAULT '',
    data     TEXT NOT NULL DEFAULT '{}'
);

CREATE TABLE duplicates (
    id       TEXT PRIMARY KEY,
    doc      TEXT REFERENCES documents (id),
    producer TEXT NOT NULL DEFAULT '',
    data     TEXT NOT NULL DEFAULT '{}'
);

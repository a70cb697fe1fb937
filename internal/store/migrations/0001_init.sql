-- Articles, their searchable parts, merged events and their mentions.
-- SQLite's types and row ids: PostgreSQL runs postgres/0001_init.sql instead;
-- SQLite specifics (FTS5) live in 0002.

CREATE TABLE articles (
    id          TEXT PRIMARY KEY,
    url         TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    title       TEXT NOT NULL DEFAULT '',
    published   TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    doc         TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    actor      TEXT NOT NULL DEFAULT '',
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX entities_name ON entities (name);
CREATE INDEX entities_actor ON entities (actor);

CREATE TABLE places (
    article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    name        TEXT NOT NULL,
    country     TEXT NOT NULL DEFAULT '',
    feature     TEXT NOT NULL DEFAULT '',
    lat         REAL NOT NULL,
    lon         REAL NOT NULL,
    geonames_id INTEGER NOT NULL DEFAULT 0,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX places_country ON places (country);

CREATE TABLE quotes (
    id            INTEGER PRIMARY KEY,
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    text          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    speaker       TEXT NOT NULL DEFAULT '',
    speaker_actor TEXT NOT NULL DEFAULT '',
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    UNIQUE (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    merge_key      TEXT NOT NULL UNIQUE,
    date           TEXT NOT NULL DEFAULT '',
    date_grain     TEXT NOT NULL DEFAULT '',
    source_code    TEXT NOT NULL DEFAULT '',
    source_country TEXT NOT NULL DEFAULT '',
    target_code    TEXT NOT NULL DEFAULT '',
    target_country TEXT NOT NULL DEFAULT '',
    code           TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL DEFAULT 0,
    goldstein      REAL,
    modality       TEXT NOT NULL DEFAULT 'asserted',
    place_name     TEXT NOT NULL DEFAULT '',
    place_country  TEXT NOT NULL DEFAULT '',
    lat            REAL,
    lon            REAL,
    num_mentions   INTEGER NOT NULL DEFAULT 0,
    num_sources    INTEGER NOT NULL DEFAULT 0,
    num_articles   INTEGER NOT NULL DEFAULT 0,
    first_seen     TEXT NOT NULL
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_source ON events (source_code);
CREATE INDEX events_target ON events (target_code);
CREATE INDEX events_code ON events (code);
CREATE INDEX events_root ON events (root);

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id   TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    event_index  INTEGER NOT NULL,
    sentence     INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL DEFAULT 0,
    sentence_end   INTEGER NOT NULL DEFAULT 0,
    source_text  TEXT NOT NULL DEFAULT '',
    source_start INTEGER,
    source_end   INTEGER,
    target_text  TEXT NOT NULL DEFAULT '',
    target_start INTEGER,
    target_end   INTEGER,
    verb_text    TEXT NOT NULL DEFAULT '',
    verb_start   INTEGER,
    verb_end     INTEGER,
    rule         TEXT NOT NULL DEFAULT '',
    confidence   REAL NOT NULL DEFAULT 0,
    modality     TEXT NOT NULL DEFAULT '',
    from_caption INTEGER NOT NULL DEFAULT 0,
    source       TEXT NOT NULL DEFAULT '',
    UNIQUE (article_id, event_index)
);
CREATE INDEX mentions_event ON mentions (event_id);

CREATE TABLE failures (
    id     INTEGER PRIMARY KEY,
    origin TEXT NOT NULL UNIQUE,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
);

-- SQLite: the full-text indexes read the text they index from the articles and
-- quotes tables (FTS5 external content) instead of keeping a third copy of
-- every article's text (articles.text, the stored object, the index's own
-- content). article_fts's rowid is the article's rowid (which VACUUM keeps;
-- a test checks it), quote_fts's the quote's id. The store writes and
-- deletes index rows itself, with the values of the rows they index (see
-- ftsIndex in save.go).
--
-- entities and places become WITHOUT ROWID tables: their rows are found by
-- their primary key (article_id, idx) only, which was a second B-tree beside
-- the table's, written for every one of the dozens of rows an article has.
--
-- From this version on, the SQLite store also keeps each article's object
-- compressed and without its text (doc.go); rows written before are read as
-- they are, so no row is rewritten here.
--
-- PostgreSQL runs postgres/0007_lean_articles.sql instead: it indexes the
-- tables themselves (0002), stores objects as JSON and keeps its tables as
-- they are.

DROP TABLE article_fts;
DROP TABLE quote_fts;
CREATE VIRTUAL TABLE article_fts USING fts5 (id UNINDEXED, title, text, content='articles');
CREATE VIRTUAL TABLE quote_fts USING fts5 (speaker, text, content='quotes', content_rowid='id');
INSERT INTO article_fts (article_fts) VALUES ('rebuild');
INSERT INTO quote_fts (quote_fts) VALUES ('rebuild');

CREATE TABLE entities_0007 (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    actor      TEXT NOT NULL DEFAULT '',
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
INSERT INTO entities_0007 (article_id, idx, text, name, type, actor, span_start, span_end)
    SELECT article_id, idx, text, name, type, actor, span_start, span_end FROM entities;
DROP TABLE entities;
ALTER TABLE entities_0007 RENAME TO entities;

CREATE TABLE places_0007 (
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
) WITHOUT ROWID;
INSERT INTO places_0007 (article_id, idx, text, name, country, feature, lat, lon, geonames_id, span_start, span_end)
    SELECT article_id, idx, text, name, country, feature, lat, lon, geonames_id, span_start, span_end FROM places;
DROP TABLE places;
ALTER TABLE places_0007 RENAME TO places;

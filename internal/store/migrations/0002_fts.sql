-- SQLite full-text search (FTS5) over article titles and text and over quotes.
-- Rows are written by the store alongside the articles and quotes they index.
-- PostgreSQL runs postgres/0002_fts.sql instead (GIN indexes on tsvectors).

CREATE VIRTUAL TABLE article_fts USING fts5 (article_id UNINDEXED, title, text);
CREATE VIRTUAL TABLE quote_fts USING fts5 (quote_id UNINDEXED, speaker, text);

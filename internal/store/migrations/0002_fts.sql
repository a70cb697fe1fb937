-- SQLite full-text search (FTS5) over article titles and text and over quotes.
-- Rows are written by the store alongside the articles and quotes they index.
-- A PostgreSQL backend replaces this file with tsvector columns.

CREATE VIRTUAL TABLE article_fts USING fts5 (article_id UNINDEXED, title, text);
CREATE VIRTUAL TABLE quote_fts USING fts5 (quote_id UNINDEXED, speaker, text);

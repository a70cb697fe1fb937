-- PostgreSQL version of ../0002_fts.sql: full-text search over article
-- titles and text and over quotes with GIN indexes on tsvector expressions
-- of the tables themselves (no separate rows to write, so the store skips
-- the article_fts and quote_fts writes it makes on SQLite).
--
-- The 'simple' configuration lower-cases words and neither stems them nor
-- drops stop words, as SQLite's unicode61 tokenizer does. Only the first
-- 200,000 characters are indexed, as a tsvector holds at most 1 MB. The
-- expressions must stay identical to those of postgresDialect in
-- postgres.go, or the queries will not use these indexes.

CREATE INDEX articles_fts ON articles USING GIN (to_tsvector('simple', left(title || ' ' || text, 200000)));
CREATE INDEX quotes_fts ON quotes USING GIN (to_tsvector('simple', left(speaker || ' ' || text, 200000)));

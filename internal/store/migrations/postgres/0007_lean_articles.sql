-- PostgreSQL version of ../0007_lean_articles.sql: nothing to change. Its
-- full-text indexes are GIN indexes on the articles and quotes tables
-- themselves (postgres/0002_fts.sql), which keep no copy of the text, and
-- it compresses stored objects itself (TOAST), so they stay JSON.
SELECT 1;

-- SQLite: the full-text indexes read the text they index from the articles and
-- quotes tables (FTS5 external content) instead of keeping a third copy of
-- every article's text (articles.text, the stored object, the index's own
-- content). article_fts's rowid is the article's rowid (which VACUUM keeps;
-- a test checks it), quote_fts's the quote's id. The store writes and
-- deletes index rows itself, with the values of the rows they index (see
-- ftsIndex in save.go).
--
-- From this version on, the SQLite store also keeps each article's object
-- compressed and without its text (doc.go); rows written before are read as
-- they are, so no row is rewritten here.
--
-- PostgreSQL runs postgres/0007_lean_articles.sql instead: it indexes the
-- tables themselves (0002) and stores objects as JSON.

DROP TABLE article_fts;
DROP TABLE quote_fts;
CREATE VIRTUAL TABLE article_fts USING fts5 (id UNINDEXED, title, text, content='articles');
CREATE VIRTUAL TABLE quote_fts USING fts5 (speaker, text, content='quotes', content_rowid='id');
INSERT INTO article_fts (article_fts) VALUES ('rebuild');
INSERT INTO quote_fts (quote_fts) VALUES ('rebuild');

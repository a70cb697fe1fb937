-- Near-duplicate articles (syndicated copies of one story). Portable SQL.
--
-- article_dedup holds every stored article's MinHash signature (internal/dedup)
-- and, for a copy, the earlier article it duplicates best (duplicate_of, ''
-- for an original), their similarity, and the cluster: the id of the first
-- stored article of the story, which every copy of the story shares (an
-- original is its own cluster).
CREATE TABLE article_dedup (
    article_id   TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    signature    TEXT NOT NULL,
    duplicate_of TEXT NOT NULL DEFAULT '',
    similarity   REAL NOT NULL DEFAULT 0,
    cluster      TEXT NOT NULL
);
CREATE INDEX article_dedup_cluster ON article_dedup (cluster);

-- The bucket of each band of each article's signature: articles sharing a
-- bucket are the candidates compared when an article is stored, read from the
-- index alone. Rows are deleted by (bucket, article_id), recomputed from the
-- signature, so no index on article_id alone is kept. A bucket that many
-- articles share (a band of boilerplate) takes no more rows.
CREATE TABLE article_bands (
    bucket     INTEGER NOT NULL,
    article_id TEXT NOT NULL
);
CREATE INDEX article_bands_bucket ON article_bands (bucket, article_id);

-- Merge keys under which a copy reported an event of its story that is
-- stored under another key (the copy was published a day later, say): later
-- articles with that key merge into the story's event. An alias whose event
-- is gone is ignored.
CREATE TABLE event_aliases (
    merge_key TEXT PRIMARY KEY,
    event_id  INTEGER NOT NULL
);

-- Feeds that dyad watch polls and the items it has seen. Portable SQL.
--
-- feeds: one row per feed (its URL, or the absolute path of a feed file),
-- with the validators of the last response it processed in full (ETag,
-- Last-Modified) and its back-off state.
-- feed_items: every item dyad watch has dealt with, by feed and item key
-- (the item's guid, else its link), so that a restart recodes nothing.

CREATE TABLE feeds (
    url           TEXT PRIMARY KEY,
    title         TEXT NOT NULL DEFAULT '',
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    last_polled   TEXT NOT NULL DEFAULT '',
    last_ok       TEXT NOT NULL DEFAULT '',
    last_error    TEXT NOT NULL DEFAULT '',
    failures      INTEGER NOT NULL DEFAULT 0,
    next_poll     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE feed_items (
    feed_url   TEXT NOT NULL,
    item_key   TEXT NOT NULL,
    link       TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL,
    article_id TEXT NOT NULL DEFAULT '',
    reason     TEXT NOT NULL DEFAULT '',
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_key)
);
CREATE INDEX feed_items_link ON feed_items (link);

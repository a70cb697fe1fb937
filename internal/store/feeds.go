package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Feed is the state dyad watch keeps for one feed.
type Feed struct {
	URL          string // the feed's URL, or the absolute path of a feed file
	Title        string
	ETag         string // validators of the last response processed in full
	LastModified string
	LastPolled   string // RFC 3339 UTC; "" when never polled
	LastOK       string // when a poll last succeeded
	LastError    string // why the last poll failed; "" after a success
	Failures     int    // polls failed in a row, for back-off
	NextPoll     string // when the feed is next due, RFC 3339 UTC
}

// FeedItem is an item of a feed that dyad watch has dealt with.
type FeedItem struct {
	FeedURL   string
	Key       string // the item's guid, else its link, else a hash of its text
	Link      string
	Status    string // "coded", "fallback" (coded from the feed's text), "skipped", "failed" or "duplicate"
	ArticleID string // the stored article, when coded
	Reason    string // why it was skipped, failed or coded from the feed's text
	SeenAt    string // RFC 3339 UTC, set by MarkFeedItem
}

// FeedState returns the stored state of the feed at url; ok is false when
// the feed has never been polled.
func (s *Store) FeedState(ctx context.Context, url string) (f Feed, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, s.d.rebind(`SELECT url, title, etag, last_modified, last_polled, last_ok,
		last_error, failures, next_poll FROM feeds WHERE url = ?`), url).Scan(
		&f.URL, &f.Title, &f.ETag, &f.LastModified, &f.LastPolled, &f.LastOK, &f.LastError, &f.Failures, &f.NextPoll)
	if errors.Is(err, sql.ErrNoRows) {
		return Feed{}, false, nil
	}
	if err != nil {
		return Feed{}, false, fmt.Errorf("feed state %s: %w", url, err)
	}
	return f, true, nil
}

// SaveFeedState stores the state of a feed, replacing what was stored.
func (s *Store) SaveFeedState(ctx context.Context, f Feed) error {
	_, err := s.db.ExecContext(ctx, s.d.rebind(`INSERT INTO feeds (url, title, etag, last_modified, last_polled,
		last_ok, last_error, failures, next_poll) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag,
		last_modified = excluded.last_modified, last_polled = excluded.last_polled, last_ok = excluded.last_ok,
		last_error = excluded.last_error, failures = excluded.failures, next_poll = excluded.next_poll`),
		f.URL, f.Title, f.ETag, f.LastModified, f.LastPolled, f.LastOK, f.LastError, f.Failures, f.NextPoll)
	if err != nil {
		return fmt.Errorf("save feed state %s: %w", f.URL, err)
	}
	return nil
}

// Feeds lists the stored feeds by URL.
func (s *Store) Feeds(ctx context.Context) ([]Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, title, etag, last_modified, last_polled, last_ok,
		last_error, failures, next_poll FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		var f Feed
		if err := rows.Scan(&f.URL, &f.Title, &f.ETag, &f.LastModified, &f.LastPolled, &f.LastOK,
			&f.LastError, &f.Failures, &f.NextPoll); err != nil {
			return nil, fmt.Errorf("list feeds: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	return out, nil
}

// FeedItemSeen reports whether the item with key has been dealt with in the
// feed at feedURL.
func (s *Store) FeedItemSeen(ctx context.Context, feedURL, key string) (bool, error) {
	st, err := s.prepared(ctx, `SELECT COUNT(*) FROM feed_items WHERE feed_url = ? AND item_key = ?`)
	if err != nil {
		return false, fmt.Errorf("feed item seen %s: %w", key, err)
	}
	var n int
	if err := st.QueryRowContext(ctx, feedURL, key).Scan(&n); err != nil {
		return false, fmt.Errorf("feed item seen %s: %w", key, err)
	}
	return n > 0, nil
}

// LinkSeen reports whether an item linking to link has been dealt with in
// any feed, and if so in which.
func (s *Store) LinkSeen(ctx context.Context, link string) (feedURL string, seen bool, err error) {
	if link == "" {
		return "", false, nil
	}
	st, err := s.prepared(ctx, `SELECT feed_url FROM feed_items WHERE link = ? ORDER BY seen_at LIMIT 1`)
	if err != nil {
		return "", false, fmt.Errorf("link seen %s: %w", link, err)
	}
	err = st.QueryRowContext(ctx, link).Scan(&feedURL)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("link seen %s: %w", link, err)
	}
	return feedURL, true, nil
}

// MarkFeedItem records that an item has been dealt with. Marking an item
// again replaces its status, article and reason.
func (s *Store) MarkFeedItem(ctx context.Context, it FeedItem) error {
	_, err := s.db.ExecContext(ctx, s.d.rebind(`INSERT INTO feed_items (feed_url, item_key, link, status,
		article_id, reason, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (feed_url, item_key) DO UPDATE SET link = excluded.link, status = excluded.status,
		article_id = excluded.article_id, reason = excluded.reason, seen_at = excluded.seen_at`),
		it.FeedURL, it.Key, it.Link, it.Status, it.ArticleID, it.Reason, s.stamp())
	if err != nil {
		return fmt.Errorf("mark feed item %s: %w", it.Key, err)
	}
	return nil
}

// FeedItems lists the items dealt with in the feed at feedURL, in the order
// first seen.
func (s *Store) FeedItems(ctx context.Context, feedURL string) ([]FeedItem, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT feed_url, item_key, link, status, article_id, reason,
		seen_at FROM feed_items WHERE feed_url = ? ORDER BY seen_at, item_key`), feedURL)
	if err != nil {
		return nil, fmt.Errorf("list feed items %s: %w", feedURL, err)
	}
	defer rows.Close()
	var out []FeedItem
	for rows.Next() {
		var it FeedItem
		if err := rows.Scan(&it.FeedURL, &it.Key, &it.Link, &it.Status, &it.ArticleID, &it.Reason, &it.SeenAt); err != nil {
			return nil, fmt.Errorf("list feed items %s: %w", feedURL, err)
		}
		out = append(out, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list feed items %s: %w", feedURL, err)
	}
	return out, nil
}

package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"dyad/internal/store"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestFeedState(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "feeds.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.FeedState(ctx, "https://a.example/rss"); err != nil || ok {
		t.Fatalf("unknown feed: ok %v, err %v", ok, err)
	}
	a := store.Feed{URL: "https://a.example/rss", Title: "A", ETag: `"v1"`, LastModified: "Tue, 03 Nov 2026 14:05:00 GMT",
		LastPolled: "2026-11-03T14:06:00Z", LastOK: "2026-11-03T14:06:00Z", NextPoll: "2026-11-03T14:21:00Z"}
	b := store.Feed{URL: "/srv/feeds/b.xml", LastPolled: "2026-11-03T14:06:00Z", LastError: "HTTP 500", Failures: 2}
	for _, f := range []store.Feed{a, b} {
		if err := s.SaveFeedState(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	a.ETag, a.Failures, a.LastError = `"v2"`, 1, "timeout"
	if err := s.SaveFeedState(ctx, a); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// The state survives a reopen.
	s, err = store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, ok, err := s.FeedState(ctx, a.URL)
	if err != nil || !ok {
		t.Fatalf("FeedState: ok %v, err %v", ok, err)
	}
	if diff := cmp.Diff(a, got); diff != "" {
		t.Errorf("FeedState (-want +got):\n%s", diff)
	}
	all, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]store.Feed{b, a}, all); diff != "" {
		t.Errorf("Feeds (-want +got):\n%s", diff)
	}
}

func TestFeedItems(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "items.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const feedA, feedB = "https://a.example/rss", "https://b.example/atom"
	items := []store.FeedItem{
		{FeedURL: feedA, Key: "guid-1", Link: "https://a.example/1", Status: "coded", ArticleID: "art1"},
		{FeedURL: feedA, Key: "https://a.example/2", Link: "https://a.example/2", Status: "fallback", ArticleID: "art2", Reason: "HTTP 404"},
		{FeedURL: feedB, Key: "urn:1", Link: "https://b.example/x", Status: "failed", Reason: "no text"},
	}
	for _, it := range items {
		if err := s.MarkFeedItem(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	// Marking again replaces, never duplicates.
	items[2].Status, items[2].Reason = "skipped", "not English"
	if err := s.MarkFeedItem(ctx, items[2]); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		feed, key string
		want      bool
	}{{feedA, "guid-1", true}, {feedA, "https://a.example/2", true}, {feedB, "guid-1", false}, {feedA, "urn:1", false}, {feedB, "urn:1", true}} {
		got, err := s.FeedItemSeen(ctx, c.feed, c.key)
		if err != nil || got != c.want {
			t.Errorf("FeedItemSeen(%s, %s) = %v, %v; want %v", c.feed, c.key, got, err, c.want)
		}
	}
	if f, ok, err := s.LinkSeen(ctx, "https://a.example/1"); err != nil || !ok || f != feedA {
		t.Errorf("LinkSeen known link = %q, %v, %v", f, ok, err)
	}
	if _, ok, err := s.LinkSeen(ctx, "https://a.example/9"); err != nil || ok {
		t.Errorf("LinkSeen unknown link = %v, %v", ok, err)
	}
	if _, ok, _ := s.LinkSeen(ctx, ""); ok {
		t.Error("an empty link is never seen")
	}

	got, err := s.FeedItems(ctx, feedB)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(items[2:], got, cmpopts.IgnoreFields(store.FeedItem{}, "SeenAt")); diff != "" {
		t.Errorf("FeedItems (-want +got):\n%s", diff)
	}
	if len(got) != 1 || got[0].SeenAt == "" {
		t.Errorf("SeenAt not set: %+v", got)
	}
	got, err = s.FeedItems(ctx, feedA)
	if err != nil || len(got) != 2 {
		t.Errorf("FeedItems(%s) = %d items, %v", feedA, len(got), err)
	}
}

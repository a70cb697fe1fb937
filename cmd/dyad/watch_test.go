package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"dyad/internal/queue/queuetest"
	"dyad/internal/store"
)

// watchCmd runs dyad watch with args, returning exit status and stderr. It
// calls runWatch directly until main dispatches it.
func watchCmd(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runWatch(context.Background(), args, &out, &errOut)
	return code, errOut.String()
}

// newsSite serves a two-item RSS feed with an ETag, the items' pages and a
// feed that always fails; conditional requests are counted.
func newsSite(t *testing.T) (srv *httptest.Server, conditional func() int) {
	var mu sync.Mutex
	cond := 0
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"feed-v1"`)
		if r.Header.Get("If-None-Match") == `"feed-v1"` {
			mu.Lock()
			cond++
			mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Post</title>
<item><title>Harbour strike ends</title><link>/a/strike</link><guid>q-1</guid><pubDate>Thu, 05 Nov 2026 08:00:00 GMT</pubDate></item>
<item><title>Ministers meet in Riga</title><link>/a/riga</link><guid>q-2</guid><pubDate>Thu, 05 Nov 2026 09:00:00 GMT</pubDate>
<description>Latvian and Lithuanian ministers met in Riga on Thursday.</description></item>
</channel></rss>`)
	})
	mux.HandleFunc("/a/strike", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><body><article><h1>Harbour strike ends</h1><p>RIGA, Nov 5 — Dock workers in Riga ended a week-long strike on Thursday after the port authority agreed to raise wages.</p></article></body></html>`)
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, func() int { mu.Lock(); defer mu.Unlock(); return cond }
}

func TestWatchOnce(t *testing.T) {
	srv, conditional := newsSite(t)
	db := filepath.Join(t.TempDir(), "dyad.db")

	code, errOut := watchCmd(t, "--db", db, "--once", "--workers", "2", srv.URL+"/rss")
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errOut)
	}
	for _, want := range []string{
		srv.URL + "/a/riga: coded from the feed's text: page: HTTP 404 Not Found",
		srv.URL + "/rss: 2 new items: 2 coded (1 from the feed's text), 0 skipped, 0 failed",
		"dyad watch: 1 feed poll (0 not modified, 0 failed); items: 2 new, 0 seen; 2 coded (1 from the feed's text), 0 skipped, 0 failed",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(context.Background())
	st.Close()
	if err != nil || stats.Articles != 2 {
		t.Errorf("stored %d articles (%v), want 2", stats.Articles, err)
	}

	// Again: a conditional request, answered 304; nothing coded.
	code, errOut = watchCmd(t, "--db", db, "--once", "--strict", srv.URL+"/rss")
	if code != 0 || !strings.Contains(errOut, "1 feed poll (1 not modified, 0 failed); items: 0 new, 0 seen; 0 coded") {
		t.Errorf("second run: exit %d:\n%s", code, errOut)
	}
	if conditional() != 1 {
		t.Errorf("%d conditional requests answered 304, want 1", conditional())
	}

	// A failing feed is reported; the other goes on. --strict makes it fail
	// the run; when every feed fails, the run fails without it.
	code, errOut = watchCmd(t, "--db", db, "--once", "--strict", srv.URL+"/down", srv.URL+"/rss")
	if code != 1 || !strings.Contains(errOut, srv.URL+"/down: HTTP 503 Service Unavailable; retrying in") {
		t.Errorf("strict with a failing feed: exit %d:\n%s", code, errOut)
	}
	code, _ = watchCmd(t, "--db", db, "--once", srv.URL+"/down")
	if code != 1 {
		t.Errorf("every feed failing: exit %d, want 1", code)
	}
}

func TestWatchUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"--interval", "1s", "x.xml"}, {"--workers", "0", "x.xml"}, {"--bogus"}} {
		if code, _ := watchCmd(t, args...); code != 2 {
			t.Errorf("dyad watch %q: exit %d, want 2", args, code)
		}
	}
}

// TestWatchQueue: with --queue, new items are handed to the work queue (the
// page, or the feed's text), remembered as queued so a second poll queues
// nothing, and a worker codes and stores them.
func TestWatchQueue(t *testing.T) {
	srv, _ := newsSite(t)
	url := queuetest.Server(t)
	feeds := filepath.Join(t.TempDir(), "feeds.db")

	code, errOut := watchCmd(t, "--db", feeds, "--once", "--queue", url, srv.URL+"/rss")
	if code != 0 || !strings.Contains(errOut, "items: 2 new, 0 seen; 2 queued (1 from the feed's text), 0 failed") {
		t.Fatalf("watch --queue: exit %d:\n%s", code, errOut)
	}
	code, errOut = watchCmd(t, "--db", feeds, "--once", "--queue", url, srv.URL+"/rss")
	if code != 0 || !strings.Contains(errOut, "items: 0 new") {
		t.Fatalf("second poll: exit %d:\n%s", code, errOut)
	}

	db := filepath.Join(t.TempDir(), "dyad.db")
	if code, log := workerCmd(t.Context(), "--queue", url, "--db", db, "--exit-idle", "500ms"); code != 0 {
		t.Fatalf("worker: exit %d: %s", code, log)
	}
	if stats := readStats(t, db); stats.Articles != 2 {
		t.Errorf("the worker stored %d articles, want the 2 queued", stats.Articles)
	}
}

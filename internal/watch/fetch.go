package watch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"dyad/internal/store"
)

// fetched is what fetching a feed gave.
type fetched struct {
	notModified        bool
	body               []byte
	base               string // the URL relative links resolve against ("" for a file)
	contentType        string
	etag, lastModified string
	retryAfter         time.Duration
}

// fetchFeed fetches a feed, conditionally on the validators in state.
func (w *Watcher) fetchFeed(ctx context.Context, src string, state store.Feed) (fetched, error) {
	if !isHTTP(src) {
		return w.readFile(ctx, state)
	}
	ctx, cancel := context.WithTimeout(ctx, w.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, src, nil)
	if err != nil {
		return fetched{}, fmt.Errorf("bad feed URL: %w", err)
	}
	req.Header.Set("User-Agent", w.cfg.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
	if state.ETag != "" {
		req.Header.Set("If-None-Match", state.ETag)
	}
	if state.LastModified != "" {
		req.Header.Set("If-Modified-Since", state.LastModified)
	}
	resp, err := w.cfg.Client.Do(req)
	if err != nil {
		return fetched{}, requestError(ctx, err, w.cfg.Timeout)
	}
	defer resp.Body.Close()
	res := fetched{base: resp.Request.URL.String(), contentType: resp.Header.Get("Content-Type"),
		etag: resp.Header.Get("ETag"), lastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		res.notModified = true
		return res, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		res.retryAfter = retryAfter(resp.Header.Get("Retry-After"), w.cfg.Now())
		return res, fmt.Errorf("HTTP %s", resp.Status)
	}
	res.body, err = readCapped(resp.Body, w.cfg.MaxFeedBytes, "feed")
	if err != nil {
		return res, requestError(ctx, err, w.cfg.Timeout)
	}
	return res, nil
}

// readFile reads a feed file; its modification time stands in for
// Last-Modified, so an unchanged file is not parsed again.
func (w *Watcher) readFile(ctx context.Context, state store.Feed) (fetched, error) {
	if err := ctx.Err(); err != nil {
		return fetched{}, err
	}
	f, err := os.Open(state.URL)
	if err != nil {
		return fetched{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fetched{}, err
	}
	if fi.IsDir() {
		return fetched{}, fmt.Errorf("%s is a directory, not a feed file", state.URL)
	}
	mod := fi.ModTime().UTC().Format(time.RFC3339Nano)
	if state.LastModified == mod {
		return fetched{notModified: true, lastModified: mod}, nil
	}
	body, err := readCapped(f, w.cfg.MaxFeedBytes, "feed")
	if err != nil {
		return fetched{}, err
	}
	return fetched{body: body, lastModified: mod}, nil
}

// fetchPage fetches an item's page: an HTML document of at most
// MaxPageBytes.
func (w *Watcher) fetchPage(ctx context.Context, link string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, w.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		return nil, fmt.Errorf("bad link: %w", err)
	}
	req.Header.Set("User-Agent", w.cfg.UserAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml;q=0.9, */*;q=0.5")
	resp, err := w.cfg.Client.Do(req)
	if err != nil {
		return nil, requestError(ctx, err, w.cfg.Timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	ct := resp.Header.Get("Content-Type")
	if ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err == nil && mt != "text/html" && mt != "application/xhtml+xml" && mt != "text/plain" {
			return nil, fmt.Errorf("content type %s, not HTML", mt)
		}
	}
	body, err := readCapped(resp.Body, w.cfg.MaxPageBytes, "page")
	if err != nil {
		return nil, requestError(ctx, err, w.cfg.Timeout)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, errors.New("empty page")
	}
	return body, nil
}

// readCapped reads all of r, failing when it holds more than limit bytes.
func readCapped(r io.Reader, limit int64, what string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", what, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s larger than %s: not read", what, size(limit))
	}
	return data, nil
}

// size writes a byte count for messages: "10 MB", "512 KB", "900 bytes".
func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// requestError words a failed request: a timeout as such.
func requestError(ctx context.Context, err error, timeout time.Duration) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("timed out after %s", timeout)
	}
	var te interface{ Timeout() bool }
	if errors.As(err, &te) && te.Timeout() {
		return fmt.Errorf("timed out after %s", timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err // the URL is in the message already
	}
	return err
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		return time.Duration(min(s, 1<<20)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

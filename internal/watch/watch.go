// Package watch polls news feeds and codes and stores each new item: the
// engine behind `dyad watch`.
//
// A poll fetches the feed (conditionally, with the ETag and Last-Modified of
// the last response processed in full, so that an unchanged feed costs one
// 304), parses it with package feed, and for each item not seen before
// fetches its page, codes it and stores it, then records the item as seen
// (by guid, else link) in the store. A page that cannot be fetched or holds
// no article is replaced by the item's own text from the feed, and the
// article says so in its warnings. Feeds are polled at the configured
// interval, lengthened by a feed's <ttl>; a feed that fails (an HTTP error,
// a timeout, HTML or junk instead of a feed) is reported and retried with
// exponential back-off and jitter while the other feeds go on.
//
// Local files are read as feeds too (their modification time stands in for
// Last-Modified). The clock, the sleep between polls and the jitter are
// injectable, so tests never wait.
package watch

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"dyad/internal/feed"
	"dyad/internal/store"
	"dyad/news"
)

// ProcessFunc codes one article, as (*pipeline.Pipeline).Process does.
type ProcessFunc func(context.Context, news.Article) (news.Document, error)

// Defaults for the zero values of Config.
const (
	DefaultInterval    = 15 * time.Minute
	DefaultMaxInterval = 24 * time.Hour
	DefaultBackoffMax  = 6 * time.Hour
	DefaultTimeout     = 30 * time.Second
	DefaultMaxBytes    = 10 << 20
	DefaultUserAgent   = "dyad (political event coder; feed watcher)"
)

// Config says how a Watcher polls. The zero Config is valid.
type Config struct {
	// Interval is the time between two polls of a feed (DefaultInterval
	// when 0). A feed's <ttl> lengthens it, up to MaxInterval.
	Interval    time.Duration
	MaxInterval time.Duration
	// BackoffMax caps the wait before retrying a failing feed. The n-th
	// failure in a row waits Interval×2^(n-1), with jitter, up to it.
	BackoffMax time.Duration
	// Workers is how many items are fetched and coded at once (1 when 0).
	Workers int
	// Timeout bounds each HTTP request, feed or page.
	Timeout time.Duration
	// MaxFeedBytes and MaxPageBytes cap what is read of a feed and of a
	// page (DefaultMaxBytes when 0).
	MaxFeedBytes, MaxPageBytes int64
	// UserAgent is sent with every request.
	UserAgent string
	// Client makes the HTTP requests; nil means a new http.Client.
	Client *http.Client
	// Now, Sleep and Jitter stand in for the clock, for waiting (until d
	// has passed or ctx is done) and for a random number in [0, 1).
	Now    func() time.Time
	Sleep  func(ctx context.Context, d time.Duration) error
	Jitter func() float64
	// Report receives what went wrong or was odd, as it happens; nil
	// discards it.
	Report func(Notice)
	// Polled, when set, receives what each poll of a feed did.
	Polled func(feed string, s Summary)
	// Publish, when set, hands each new item's article (its page, or the
	// feed's text for it) to a work queue instead of coding and storing it
	// here; the item is remembered as queued. The store still keeps the
	// feeds' state.
	Publish func(ctx context.Context, a news.Article) error
}

// Notice is something a poll reports: a feed that failed, an item coded
// from the feed's text, an item that failed or was skipped, a warning
// about a feed document.
type Notice struct {
	Feed    string // the feed's URL or path
	Item    string // the item's link (or key); "" for the feed itself
	Message string
}

// String is the notice as one line: "FEED: ITEM: MESSAGE".
func (n Notice) String() string {
	if n.Item != "" {
		return n.Feed + ": " + n.Item + ": " + n.Message
	}
	return n.Feed + ": " + n.Message
}

// Summary counts what polls did.
type Summary struct {
	Polls       int // feed polls made
	NotModified int // polls answered 304 (or a feed file not changed)
	FeedErrors  int // polls that failed
	New         int // items not seen before
	Seen        int // items already dealt with (here or, by link, in another feed)
	Coded       int // new items coded and stored (or queued), Fallback included
	Fallback    int // ... of which coded from the feed's own text
	Queued      int // new items handed to the work queue (Config.Publish)
	Skipped     int // new items not coded on purpose (not English)
	Failed      int // new items that could not be coded or stored
}

// Add adds the counts of o to s.
func (s *Summary) Add(o Summary) {
	s.Polls += o.Polls
	s.NotModified += o.NotModified
	s.FeedErrors += o.FeedErrors
	s.New += o.New
	s.Seen += o.Seen
	s.Coded += o.Coded
	s.Fallback += o.Fallback
	s.Queued += o.Queued
	s.Skipped += o.Skipped
	s.Failed += o.Failed
}

// String is the summary in words, for a command's last line.
func (s Summary) String() string {
	if s.Queued > 0 {
		return fmt.Sprintf("%d %s (%d not modified, %d failed); items: %d new, %d seen; %d queued (%d from the feed's text), %d failed",
			s.Polls, plural(s.Polls, "feed poll", "feed polls"), s.NotModified, s.FeedErrors, s.New, s.Seen, s.Queued, s.Fallback, s.Failed)
	}
	return fmt.Sprintf("%d %s (%d not modified, %d failed); items: %d new, %d seen; %d coded (%d from the feed's text), %d skipped, %d failed",
		s.Polls, plural(s.Polls, "feed poll", "feed polls"), s.NotModified, s.FeedErrors, s.New, s.Seen, s.Coded, s.Fallback, s.Skipped, s.Failed)
}

// Watcher polls feeds into a store. It is used by one goroutine at a time.
type Watcher struct {
	st      *store.Store
	process ProcessFunc
	cfg     Config
	ttl     map[string]time.Duration // the last TTL each feed asked for
}

// New returns a Watcher that codes with process and stores into st.
func New(st *store.Store, process ProcessFunc, cfg Config) *Watcher {
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultInterval
	}
	if cfg.MaxInterval <= 0 {
		cfg.MaxInterval = DefaultMaxInterval
	}
	cfg.MaxInterval = max(cfg.MaxInterval, cfg.Interval)
	if cfg.BackoffMax <= 0 {
		cfg.BackoffMax = DefaultBackoffMax
	}
	cfg.BackoffMax = max(cfg.BackoffMax, cfg.Interval)
	if cfg.Workers <= 0 {
		cfg.Workers = 1
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxFeedBytes <= 0 {
		cfg.MaxFeedBytes = DefaultMaxBytes
	}
	if cfg.MaxPageBytes <= 0 {
		cfg.MaxPageBytes = DefaultMaxBytes
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleep
	}
	if cfg.Jitter == nil {
		cfg.Jitter = rand.Float64
	}
	if cfg.Report == nil {
		cfg.Report = func(Notice) {}
	}
	return &Watcher{st: st, process: process, cfg: cfg, ttl: map[string]time.Duration{}}
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// PollOnce polls each feed once, in order. Feeds that fail are reported and
// counted; the error is for a store that fails or ctx being done.
func (w *Watcher) PollOnce(ctx context.Context, feeds []string) (Summary, error) {
	var sum Summary
	for _, f := range feeds {
		s, _, err := w.Poll(ctx, f)
		sum.Add(s)
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// Run polls the feeds, each when due, until ctx is done; then it returns
// the summary of every poll and a nil error. It returns early only when
// the store fails.
func (w *Watcher) Run(ctx context.Context, feeds []string) (Summary, error) {
	var sum Summary
	if len(feeds) == 0 {
		return sum, nil
	}
	due := make([]time.Time, len(feeds)) // the zero time: due now
	for {
		if ctx.Err() != nil {
			return sum, nil
		}
		i := 0
		for j := range due {
			if due[j].Before(due[i]) {
				i = j
			}
		}
		if wait := due[i].Sub(w.cfg.Now()); !due[i].IsZero() && wait > 0 {
			if err := w.cfg.Sleep(ctx, wait); err != nil {
				return sum, nil
			}
		}
		s, next, err := w.Poll(ctx, feeds[i])
		sum.Add(s)
		if err != nil {
			if ctx.Err() != nil {
				return sum, nil
			}
			return sum, err
		}
		due[i] = w.cfg.Now().Add(next)
	}
}

// FeedID is how a feed argument is known in the store: a URL as given, a
// file by its absolute path.
func FeedID(src string) string {
	if isHTTP(src) {
		return src
	}
	p := strings.TrimPrefix(src, "file://")
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}

func isHTTP(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Poll polls one feed (a URL or a file) once: fetch, parse, code and store
// the new items, record them and the feed's state. It returns what it did
// and when the feed is next due: the interval after a success, the back-off
// after a failure. The error is for a store that fails or ctx being done;
// a failing feed is reported, counted and not an error.
func (w *Watcher) Poll(ctx context.Context, src string) (sum Summary, next time.Duration, err error) {
	sum = Summary{Polls: 1}
	if w.cfg.Polled != nil {
		defer func() { w.cfg.Polled(src, sum) }()
	}
	id := FeedID(src)
	state, _, err := w.st.FeedState(ctx, id)
	if err != nil {
		return sum, 0, fmt.Errorf("poll %s: %w", src, err)
	}
	state.URL = id
	now := w.cfg.Now()
	state.LastPolled = stamp(now)

	res, err := w.fetchFeed(ctx, src, state)
	var f feed.Feed
	if err == nil && !res.notModified {
		f, err = feed.Parse(res.body, res.base)
		if err != nil && res.contentType != "" {
			err = fmt.Errorf("%w (Content-Type %s)", err, res.contentType)
		}
	}
	if err != nil {
		if ctx.Err() != nil {
			return sum, 0, ctx.Err()
		}
		return w.failed(ctx, sum, src, state, err, res.retryAfter, now)
	}

	complete := true
	if res.notModified {
		sum.NotModified++
	} else {
		for _, warn := range f.Warnings {
			w.cfg.Report(Notice{Feed: src, Message: "warning: " + warn})
		}
		w.ttl[id] = f.TTL
		state.Title = f.Title
		var items Summary
		items, complete, err = w.items(ctx, src, id, f)
		sum.Add(items)
		if err != nil {
			return sum, 0, err
		}
		if complete {
			state.ETag, state.LastModified = res.etag, res.lastModified
		}
	}
	next = w.interval(w.ttl[id])
	state.Failures, state.LastError, state.LastOK = 0, "", stamp(now)
	state.NextPoll = stamp(now.Add(next))
	if err := w.st.SaveFeedState(context.WithoutCancel(ctx), state); err != nil {
		return sum, 0, fmt.Errorf("poll %s: %w", src, err)
	}
	if !complete && ctx.Err() != nil {
		return sum, 0, ctx.Err()
	}
	return sum, next, nil
}

// failed records and reports a failed poll and says when to retry.
func (w *Watcher) failed(ctx context.Context, sum Summary, src string, state store.Feed, err error, retryAfter time.Duration, now time.Time) (Summary, time.Duration, error) {
	sum.FeedErrors++
	state.Failures++
	state.LastError = err.Error()
	delay := w.backoff(state.Failures, retryAfter)
	state.NextPoll = stamp(now.Add(delay))
	if serr := w.st.SaveFeedState(ctx, state); serr != nil {
		return sum, 0, fmt.Errorf("poll %s: %w", src, serr)
	}
	w.cfg.Report(Notice{Feed: src, Message: fmt.Sprintf("%v; retrying in %s (%d %s in a row)",
		err, delay.Round(time.Second), state.Failures, plural(state.Failures, "failure", "failures"))})
	return sum, delay, nil
}

// interval is the time between polls of a feed that asked for ttl.
func (w *Watcher) interval(ttl time.Duration) time.Duration {
	return max(w.cfg.Interval, min(ttl, w.cfg.MaxInterval))
}

// backoff is the wait after the n-th failure in a row: Interval×2^(n-1)
// capped at BackoffMax, with equal jitter (between half and all of it), and
// at least what the server asked for with Retry-After, within the cap.
func (w *Watcher) backoff(n int, retryAfter time.Duration) time.Duration {
	d := w.cfg.Interval
	for i := 1; i < n && d < w.cfg.BackoffMax; i++ {
		d *= 2
	}
	d = min(d, w.cfg.BackoffMax)
	d = d/2 + time.Duration(w.cfg.Jitter()*float64(d/2))
	return max(d, min(retryAfter, w.cfg.BackoffMax))
}

// stamp is t as stored: RFC 3339 in UTC.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// outcome is what became of one new item.
type outcome struct {
	item    feed.Item
	key     string
	origin  string // the item's link, else its key, for messages
	status  string // coded, fallback, skipped or failed
	doc     news.Document
	reason  string
	aborted bool  // left for a later poll: ctx was done
	lastErr error // why the last coding attempt failed
}

// items codes and stores the items of f not seen before. complete is false
// when some item was left for a later poll (ctx done, or a store error on
// saving it); err is for a store that fails.
func (w *Watcher) items(ctx context.Context, src, id string, f feed.Feed) (sum Summary, complete bool, err error) {
	var todo []outcome
	inFeed := map[string]bool{}
	for _, it := range f.Items {
		key := it.Key()
		if inFeed[key] {
			continue // the same item twice in one document
		}
		inFeed[key] = true
		seen, err := w.st.FeedItemSeen(ctx, id, key)
		if err != nil {
			return sum, false, err
		}
		if seen {
			sum.Seen++
			continue
		}
		if _, dup, err := w.st.LinkSeen(ctx, it.Link); err != nil {
			return sum, false, err
		} else if dup {
			sum.Seen++
			if err := w.st.MarkFeedItem(ctx, store.FeedItem{FeedURL: id, Key: key, Link: it.Link, Status: "duplicate",
				Reason: "the same link was seen in a feed before"}); err != nil {
				return sum, false, err
			}
			continue
		}
		todo = append(todo, outcome{item: it, key: key})
	}

	w.work(ctx, todo, f)

	// Store what was coded, even when ctx is done: the work is finished.
	sctx := context.WithoutCancel(ctx)
	var docs []news.Document
	for _, o := range todo {
		if o.status == "coded" || o.status == "fallback" {
			docs = append(docs, o.doc)
		}
	}
	saved, errs := w.st.SaveArticles(sctx, docs, "")
	complete = true
	d := 0
	for _, o := range todo {
		if o.aborted {
			complete = false
			continue
		}
		sum.New++
		mark := store.FeedItem{FeedURL: id, Key: o.key, Link: o.item.Link, Status: o.status, Reason: o.reason}
		switch o.status {
		case "coded", "fallback":
			sv, serr := saved[d], errs[d]
			d++
			if serr != nil {
				sum.Failed++
				complete = false
				w.cfg.Report(Notice{Feed: src, Item: o.origin, Message: fmt.Sprintf("not stored (will retry): %v", serr)})
				continue
			}
			mark.ArticleID = sv.ArticleID
			sum.Coded++
			if o.status == "fallback" {
				sum.Fallback++
				w.cfg.Report(Notice{Feed: src, Item: o.origin, Message: "coded from the feed's text: " + o.reason})
			}
		case "queued", "queued-fallback":
			sum.Queued++
			if o.status == "queued-fallback" {
				sum.Fallback++
				w.cfg.Report(Notice{Feed: src, Item: o.origin, Message: "queued with the feed's text: " + o.reason})
			}
		case "skipped":
			sum.Skipped++
			w.cfg.Report(Notice{Feed: src, Item: o.origin, Message: "skipped: " + o.reason})
		default:
			sum.Failed++
			w.cfg.Report(Notice{Feed: src, Item: o.origin, Message: "failed: " + o.reason})
			if err := w.st.RecordFailure(sctx, o.origin, o.reason); err != nil {
				return sum, false, err
			}
		}
		if err := w.st.MarkFeedItem(sctx, mark); err != nil {
			return sum, false, err
		}
	}
	return sum, complete, nil
}

// work fetches and codes the items on Workers goroutines, filling in each
// outcome.
func (w *Watcher) work(ctx context.Context, todo []outcome, f feed.Feed) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(w.cfg.Workers, len(todo)) {
		wg.Go(func() {
			for i := range next {
				w.item(ctx, &todo[i], f)
			}
		})
	}
	for i := range todo {
		if ctx.Err() != nil {
			todo[i].aborted = true
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
}

// item fetches and codes one item's page, falling back on the item's text
// from the feed.
func (w *Watcher) item(ctx context.Context, o *outcome, f feed.Feed) {
	it := o.item
	o.origin = it.Link
	if o.origin == "" {
		o.origin = o.key
	}
	var pageErr error
	switch {
	case it.Link == "":
		pageErr = errors.New("the item has no link")
	case !isHTTP(it.Link):
		pageErr = fmt.Errorf("the link %q is not an http(s) URL", it.Link)
	default:
		page, err := w.fetchPage(ctx, it.Link)
		if err == nil {
			a := news.Article{URL: it.Link, Title: it.Title, Published: it.Published,
				Format: news.FormatHTML, Body: page, Origin: it.Link}
			if w.code(ctx, o, a) {
				return
			}
			err = o.lastErr
		}
		if ctx.Err() != nil {
			o.aborted = true
			return
		}
		pageErr = fmt.Errorf("page: %w", err)
	}
	text := it.Text()
	if text == "" {
		o.status, o.reason = "failed", pageErr.Error()+"; the feed gives no text for the item"
		return
	}
	a := news.Article{URL: it.Link, Title: it.Title, Published: it.Published,
		Format: news.FormatText, Body: []byte(text), Origin: o.origin}
	if w.code(ctx, o, a) {
		if o.status == "queued" {
			o.status, o.reason = "queued-fallback", pageErr.Error()
		}
		if o.status == "coded" {
			o.status, o.reason = "fallback", pageErr.Error()
			o.doc.Warnings = append(o.doc.Warnings, "coded from the feed's text for the item, not its page: "+pageErr.Error())
		}
		return
	}
	if ctx.Err() != nil {
		o.aborted = true
		return
	}
	o.status, o.reason = "failed", fmt.Sprintf("%v; the feed's text: %v", pageErr, o.lastErr)
}

// code codes a into o; it reports whether the item is settled (coded, or
// skipped on purpose). A failure is kept in o.lastErr.
func (w *Watcher) code(ctx context.Context, o *outcome, a news.Article) bool {
	if w.cfg.Publish != nil {
		if err := w.cfg.Publish(ctx, a); err != nil {
			o.lastErr = err
			return false
		}
		o.status = "queued"
		return true
	}
	doc, err := w.process(ctx, a)
	if skip, ok := errors.AsType[*news.SkipError](err); ok {
		o.status, o.reason = "skipped", skip.Reason
		return true
	}
	if err != nil {
		o.lastErr = err
		return false
	}
	o.doc, o.status = doc, "coded"
	return true
}

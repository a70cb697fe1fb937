package watch_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dyad/internal/store"
	"dyad/internal/watch"
	"dyad/news"
	"dyad/pipeline"

	"github.com/google/go-cmp/cmp"
)

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
	pipeErr  error
)

// process codes with the real pipeline, loaded once for the package.
func process(t *testing.T) watch.ProcessFunc {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = pipeline.New(pipeline.Config{}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe.Process
}

// story is one item the test site publishes.
type story struct {
	slug, title, date, body string
}

var stories = []story{
	{"port-talks", "Port talks resume in Tallinn", "Mon, 02 Nov 2026 09:00:00 GMT",
		"TALLINN, Nov 2 — Estonian and Finnish transport ministers met in Tallinn on Monday to revive talks on a shared ferry terminal. " +
			"The ministers said the talks would continue next month in Helsinki."},
	{"grain-deal", "Grain corridor deal signed", "Mon, 02 Nov 2026 13:30:00 GMT",
		"ANKARA, Nov 2 — Turkey and Ukraine signed an agreement on Monday to extend the grain corridor through the Black Sea until the spring. " +
			"Officials in Ankara called the deal a relief for importers."},
	{"border-protest", "Farmers protest at border crossing", "Tue, 03 Nov 2026 07:45:00 GMT",
		"WARSAW, Nov 3 — Polish farmers blocked a border crossing with Ukraine on Tuesday in protest against cheap imports. " +
			"Police said the blockade would be cleared by the evening."},
	{"envoy-visit", "Envoy visits Baku", "Wed, 04 Nov 2026 10:00:00 GMT",
		"BAKU, Nov 4 — A European Union envoy visited Baku on Wednesday and urged Azerbaijan to reopen talks with Armenia. " +
			"The envoy said both sides had shown restraint."},
}

// site serves a feed of its current stories and their pages, honouring
// If-None-Match, and records what it was asked.
type site struct {
	srv *httptest.Server

	mu        sync.Mutex
	items     []story
	ttl       int
	feedReqs  []http.Header
	pageHits  map[string]int
	badAgents []string
}

func newSite(t *testing.T, items ...story) *site {
	s := &site{items: items, pageHits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/feed.xml", s.feed)
	mux.HandleFunc("/story/", s.page)
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "database on fire", http.StatusInternalServerError)
	})
	mux.HandleFunc("/busy.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "7200")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	mux.HandleFunc("/login.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Sign in to read</form></body></html>")
	})
	mux.HandleFunc("/junk.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03junk"))
	})
	s.srv = httptest.NewServer(mux)
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) url(path string) string { return s.srv.URL + path }

func (s *site) add(st story) {
	s.mu.Lock()
	s.items = append(s.items, st)
	s.mu.Unlock()
}

// xml is the feed document of the current stories.
func (s *site) xml() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<rss version=\"2.0\"><channel><title>Test Wire</title><link>" + s.srv.URL + "/</link>")
	if s.ttl > 0 {
		fmt.Fprintf(&b, "<ttl>%d</ttl>", s.ttl)
	}
	for _, st := range s.items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>/story/%s</link><guid isPermaLink=\"false\">wire-%s</guid><pubDate>%s</pubDate><description>%s</description></item>\n",
			html.EscapeString(st.title), st.slug, st.slug, st.date, html.EscapeString("<p>"+st.body+"</p>"))
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

func (s *site) feed(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.feedReqs = append(s.feedReqs, r.Header.Clone())
	s.checkAgent(r)
	body := s.xml()
	sum := sha256.Sum256([]byte(body))
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", "Mon, 02 Nov 2026 14:00:00 GMT")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", "text/xml") // not the "right" type: tolerated
	fmt.Fprint(w, body)
}

func (s *site) page(w http.ResponseWriter, r *http.Request) {
	slug := strings.TrimPrefix(r.URL.Path, "/story/")
	s.mu.Lock()
	s.pageHits[slug]++
	s.checkAgent(r)
	var found *story
	for i := range s.items {
		if s.items[i].slug == slug {
			found = &s.items[i]
		}
	}
	s.mu.Unlock()
	switch {
	case slug == "slow":
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
		return
	case slug == "huge":
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><body><article><p>%s</p></article></body></html>", strings.Repeat("Padding words here. ", 2000))
		return
	case found == nil:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!DOCTYPE html><html><head><title>%s | Test Wire</title><meta property="og:site_name" content="Test Wire"></head>
<body><nav><a href="/">Home</a></nav><article><h1>%s</h1><p>%s</p><p>This page was written for dyad's tests.</p></article>
<footer>Copyright Test Wire</footer></body></html>`, html.EscapeString(found.title), html.EscapeString(found.title), html.EscapeString(found.body))
}

func (s *site) checkAgent(r *http.Request) {
	if ua := r.Header.Get("User-Agent"); !strings.Contains(ua, "dyad") {
		s.badAgents = append(s.badAgents, ua)
	}
}

func (s *site) hits() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.pageHits {
		out[k] = v
	}
	return out
}

func openStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// notices collects what a watcher reports.
type notices struct {
	mu   sync.Mutex
	list []watch.Notice
}

func (n *notices) report(x watch.Notice) {
	n.mu.Lock()
	n.list = append(n.list, x)
	n.mu.Unlock()
}

func (n *notices) text() string {
	n.mu.Lock()
	defer n.mu.Unlock()
	var b strings.Builder
	for _, x := range n.list {
		b.WriteString(x.String() + "\n")
	}
	return b.String()
}

func TestPollCodesNewItemsOnly(t *testing.T) {
	ctx := context.Background()
	s := newSite(t, stories[:3]...)
	db := filepath.Join(t.TempDir(), "watch.db")
	st := openStore(t, db)
	var ns notices
	w := watch.New(st, process(t), watch.Config{Workers: 2, UserAgent: "dyad/test", Report: ns.report})
	feedURL := s.url("/feed.xml")

	// First poll: every item is new and coded from its page.
	sum, err := w.PollOnce(ctx, []string{feedURL})
	if err != nil {
		t.Fatal(err)
	}
	if want := (watch.Summary{Polls: 1, New: 3, Coded: 3}); sum != want {
		t.Errorf("first poll: %+v, want %+v\nnotices:\n%s", sum, want, ns.text())
	}
	items, err := st.FeedItems(ctx, feedURL)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 3 {
		t.Fatalf("%d items recorded, want 3", len(items))
	}
	for _, it := range items {
		if it.Status != "coded" || it.ArticleID == "" {
			t.Errorf("item %+v", it)
		}
	}
	doc, ok, err := st.Article(ctx, items[0].ArticleID)
	if err != nil || !ok {
		t.Fatalf("article %s: %v %v", items[0].ArticleID, ok, err)
	}
	link := s.url("/story/") // every stored article keeps its item's link, title and date
	if !strings.HasPrefix(doc.URL, link) || doc.Published == "" || doc.PublishedFrom != "metadata" || doc.Title == "" {
		t.Errorf("article metadata: url %q published %q (%s) title %q", doc.URL, doc.Published, doc.PublishedFrom, doc.Title)
	}
	if !strings.Contains(doc.Text, "This page was written for dyad's tests.") {
		t.Errorf("article not coded from its page: %q", doc.Text)
	}

	// Second poll: the feed has not changed; the server answers 304.
	sum, err = w.PollOnce(ctx, []string{feedURL})
	if err != nil {
		t.Fatal(err)
	}
	if want := (watch.Summary{Polls: 1, NotModified: 1}); sum != want {
		t.Errorf("second poll: %+v, want %+v", sum, want)
	}
	s.mu.Lock()
	h := s.feedReqs[1]
	s.mu.Unlock()
	if h.Get("If-None-Match") == "" || h.Get("If-Modified-Since") != "Mon, 02 Nov 2026 14:00:00 GMT" {
		t.Errorf("conditional headers not sent: If-None-Match %q, If-Modified-Since %q", h.Get("If-None-Match"), h.Get("If-Modified-Since"))
	}

	// A new item appears: only it is fetched and coded.
	s.add(stories[3])
	sum, err = w.PollOnce(ctx, []string{feedURL})
	if err != nil {
		t.Fatal(err)
	}
	if want := (watch.Summary{Polls: 1, New: 1, Seen: 3, Coded: 1}); sum != want {
		t.Errorf("third poll: %+v, want %+v", sum, want)
	}
	if diff := cmp.Diff(map[string]int{"port-talks": 1, "grain-deal": 1, "border-protest": 1, "envoy-visit": 1}, s.hits()); diff != "" {
		t.Errorf("page fetches (-want +got):\n%s", diff)
	}

	// A restart (new watcher, store reopened) recodes nothing, even when
	// the feed is served in full again.
	st.Close()
	st2 := openStore(t, db)
	s.add(story{slug: "unpublished-draft", title: "Draft", date: "nonsense date"}) // changes the ETag
	w2 := watch.New(st2, process(t), watch.Config{UserAgent: "dyad/test", Report: ns.report})
	sum, err = w2.PollOnce(ctx, []string{feedURL})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 1 || sum.Seen != 4 || sum.Coded+sum.Failed != 1 {
		t.Errorf("after restart: %+v, want 4 seen and only the draft new", sum)
	}
	if hits := s.hits(); hits["port-talks"] != 1 || hits["envoy-visit"] != 1 {
		t.Errorf("pages fetched again after restart: %v", hits)
	}
	stats, err := st2.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles < 4 {
		t.Errorf("stored articles: %d", stats.Articles)
	}
	if len(s.badAgents) > 0 {
		t.Errorf("requests without a dyad User-Agent: %q", s.badAgents)
	}
	if !strings.Contains(ns.text(), `unreadable date "nonsense date"`) {
		t.Errorf("the draft's bad date was not reported:\n%s", ns.text())
	}
}

func TestFailingFeedsBackOffAndOthersGoOn(t *testing.T) {
	ctx := context.Background()
	s := newSite(t, stories[0])
	st := openStore(t, filepath.Join(t.TempDir(), "watch.db"))
	var ns notices
	now := time.Date(2026, 11, 5, 12, 0, 0, 0, time.UTC)
	w := watch.New(st, process(t), watch.Config{Interval: 10 * time.Minute, Report: ns.report,
		Now: func() time.Time { return now }, Jitter: func() float64 { return 0.5 }})

	feeds := []string{s.url("/broken.xml"), s.url("/login.xml"), s.url("/junk.xml"), s.url("/feed.xml")}
	sum, err := w.PollOnce(ctx, feeds)
	if err != nil {
		t.Fatal(err)
	}
	if want := (watch.Summary{Polls: 4, FeedErrors: 3, New: 1, Coded: 1}); sum != want {
		t.Errorf("poll: %+v, want %+v\n%s", sum, want, ns.text())
	}
	out := ns.text()
	for _, want := range []string{
		s.url("/broken.xml") + ": HTTP 500 Internal Server Error; retrying in 7m30s (1 failure in a row)",
		s.url("/login.xml") + ": feed: not a feed: the document is an HTML page (Content-Type text/html; charset=utf-8)",
		s.url("/junk.xml") + ": feed: not a feed: binary data",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("notices lack %q:\n%s", want, out)
		}
	}

	// Each failure in a row doubles the wait (jitter fixed at 0.5: ¾ of it).
	var waits []time.Duration
	for range 3 {
		_, next, err := w.Poll(ctx, s.url("/broken.xml"))
		if err != nil {
			t.Fatal(err)
		}
		waits = append(waits, next)
	}
	if diff := cmp.Diff([]time.Duration{15 * time.Minute, 30 * time.Minute, 60 * time.Minute}, waits); diff != "" {
		t.Errorf("back-off (-want +got):\n%s", diff)
	}
	// A server that asks for two hours with Retry-After gets them.
	if _, next, err := w.Poll(ctx, s.url("/busy.xml")); err != nil || next != 2*time.Hour {
		t.Errorf("after 429 with Retry-After 7200: next poll in %s (%v), want 2h", next, err)
	}
	state, ok, err := st.FeedState(ctx, s.url("/broken.xml"))
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if state.Failures != 4 || !strings.Contains(state.LastError, "HTTP 500") || state.NextPoll != "2026-11-05T13:00:00Z" {
		t.Errorf("stored state: %+v", state)
	}
	good, _, _ := st.FeedState(ctx, s.url("/feed.xml"))
	if good.Failures != 0 || good.LastOK == "" || good.ETag == "" {
		t.Errorf("good feed state: %+v", good)
	}
}

func TestRunSchedulesByIntervalTTLAndBackoff(t *testing.T) {
	s := newSite(t, stories[0])
	s.ttl = 60 // minutes: longer than the interval
	st := openStore(t, filepath.Join(t.TempDir(), "watch.db"))
	now := time.Date(2026, 11, 5, 12, 0, 0, 0, time.UTC)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type wake struct {
		At   time.Time
		Wait time.Duration
	}
	var sleeps []wake
	w := watch.New(st, process(t), watch.Config{Interval: 15 * time.Minute,
		Now:    func() time.Time { return now },
		Jitter: func() float64 { return 0 },
		Sleep: func(ctx context.Context, d time.Duration) error {
			sleeps = append(sleeps, wake{now, d})
			now = now.Add(d)
			if len(sleeps) == 5 {
				cancel()
				return ctx.Err()
			}
			return nil
		}})
	sum, err := w.Run(ctx, []string{s.url("/feed.xml"), s.url("/broken.xml")})
	if err != nil {
		t.Fatal(err)
	}
	// Both feeds are polled at once; then the broken one backs off (7m30s,
	// 15m, 30m with no jitter) while the good one waits its ttl of an hour.
	start := time.Date(2026, 11, 5, 12, 0, 0, 0, time.UTC)
	want := []wake{
		{start, 7*time.Minute + 30*time.Second},                                      // broken: 1st failure, 15m/2
		{start.Add(7*time.Minute + 30*time.Second), 15 * time.Minute},                // broken: 2nd failure, 30m/2
		{start.Add(22*time.Minute + 30*time.Second), 30 * time.Minute},               // broken: 3rd failure, 60m/2
		{start.Add(52*time.Minute + 30*time.Second), 7*time.Minute + 30*time.Second}, // the good feed's hour
		{start.Add(60 * time.Minute), 52*time.Minute + 30*time.Second},               // 304, then the broken feed's 4th try
	}
	if len(sleeps) != 5 {
		t.Fatalf("%d sleeps: %v", len(sleeps), sleeps)
	}
	if diff := cmp.Diff(want, sleeps); diff != "" {
		t.Errorf("schedule (-want +got):\n%s", diff)
	}
	if want := (watch.Summary{Polls: 6, NotModified: 1, FeedErrors: 4, New: 1, Coded: 1}); sum != want {
		t.Errorf("summary %+v", sum)
	}
}

func TestPageFallbackAndFailures(t *testing.T) {
	ctx := context.Background()
	s := newSite(t)
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "watch.db"))
	feedFile := filepath.Join(dir, "local.xml")
	body := stories[1].body
	writeFeed(t, feedFile, `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Local</title>
<item><title>Gone page</title><link>`+s.url("/story/missing")+`</link><description>`+body+`</description></item>
<item><title>Slow page</title><link>`+s.url("/story/slow")+`</link><description><![CDATA[<p>`+stories[2].body+`</p>]]></description></item>
<item><title>Huge page</title><link>`+s.url("/story/huge")+`</link><description>`+stories[3].body+`</description></item>
<item><title>Nothing at all</title><link>`+s.url("/story/void")+`</link></item>
<item><title>No link</title><description>`+stories[0].body+`</description></item>
</channel></rss>`)
	var ns notices
	w := watch.New(st, process(t), watch.Config{Workers: 3, Timeout: time.Second, MaxPageBytes: 8 << 10, Report: ns.report})
	sum, err := w.PollOnce(ctx, []string{feedFile})
	if err != nil {
		t.Fatal(err)
	}
	if want := (watch.Summary{Polls: 1, New: 5, Coded: 4, Fallback: 4, Failed: 1}); sum != want {
		t.Errorf("poll: %+v, want %+v\n%s", sum, want, ns.text())
	}
	out := ns.text()
	for _, want := range []string{
		s.url("/story/missing") + ": coded from the feed's text: page: HTTP 404 Not Found",
		s.url("/story/slow") + ": coded from the feed's text: page: timed out after 1s",
		s.url("/story/huge") + ": coded from the feed's text: page: page larger than 8 KB: not read",
		s.url("/story/void") + ": failed: page: HTTP 404 Not Found; the feed gives no text for the item",
		": coded from the feed's text: the item has no link",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("notices lack %q:\n%s", want, out)
		}
	}
	items, err := st.FeedItems(ctx, feedFile)
	if err != nil {
		t.Fatal(err)
	}
	var fallbackID string
	for _, it := range items {
		if it.Link == s.url("/story/missing") {
			fallbackID = it.ArticleID
		}
	}
	doc, ok, err := st.Article(ctx, fallbackID)
	if err != nil || !ok {
		t.Fatalf("fallback article: %v %v", ok, err)
	}
	if !strings.Contains(doc.Text, "grain corridor") || !hasWarning(doc, "coded from the feed's text for the item, not its page") {
		t.Errorf("fallback article: text %q warnings %q", doc.Text, doc.Warnings)
	}
	fails, err := st.Failures(ctx)
	if err != nil || len(fails) != 1 || fails[0].Origin != s.url("/story/void") {
		t.Errorf("recorded failures: %+v %v", fails, err)
	}

	// The file has not changed: nothing is read again. Once touched, its
	// items are all seen.
	sum, _ = w.PollOnce(ctx, []string{feedFile})
	if want := (watch.Summary{Polls: 1, NotModified: 1}); sum != want {
		t.Errorf("unchanged file: %+v", sum)
	}
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(feedFile, later, later); err != nil {
		t.Fatal(err)
	}
	sum, _ = w.PollOnce(ctx, []string{feedFile})
	if want := (watch.Summary{Polls: 1, Seen: 5}); sum != want {
		t.Errorf("touched file: %+v", sum)
	}
}

func TestSameLinkInTwoFeedsCodedOnce(t *testing.T) {
	ctx := context.Background()
	s := newSite(t, stories[0])
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "watch.db"))
	other := filepath.Join(dir, "mirror.xml")
	writeFeed(t, other, `<feed xmlns="http://www.w3.org/2005/Atom"><title>Mirror</title>
<entry><id>urn:mirror:1</id><title>Port talks</title><link href="`+s.url("/story/port-talks")+`"/></entry></feed>`)
	w := watch.New(st, process(t), watch.Config{})
	sum, err := w.PollOnce(ctx, []string{s.url("/feed.xml"), other})
	if err != nil {
		t.Fatal(err)
	}
	if want := (watch.Summary{Polls: 2, New: 1, Seen: 1, Coded: 1}); sum != want {
		t.Errorf("poll: %+v, want %+v", sum, want)
	}
	if hits := s.hits(); hits["port-talks"] != 1 {
		t.Errorf("page fetched %d times", hits["port-talks"])
	}
	items, _ := st.FeedItems(ctx, other)
	if len(items) != 1 || items[0].Status != "duplicate" {
		t.Errorf("mirror items: %+v", items)
	}
}

func TestCancelledPollLeavesItemsForLater(t *testing.T) {
	s := newSite(t, stories...)
	st := openStore(t, filepath.Join(t.TempDir(), "watch.db"))
	ctx, cancel := context.WithCancel(context.Background())
	coded := 0
	proc := process(t)
	w := watch.New(st, func(ctx context.Context, a news.Article) (news.Document, error) {
		coded++
		if coded == 2 {
			cancel() // a signal arrives while the second item is coded
		}
		return proc(ctx, a)
	}, watch.Config{Workers: 1})
	sum, err := w.PollOnce(ctx, []string{s.url("/feed.xml")})
	if err == nil {
		t.Fatal("no error from a cancelled poll")
	}
	if sum.Coded < 1 || sum.New >= len(stories) {
		t.Errorf("cancelled poll: %+v", sum)
	}
	state, _, _ := st.FeedState(context.Background(), s.url("/feed.xml"))
	if state.ETag != "" {
		t.Errorf("validators stored after an incomplete poll: %+v", state)
	}
	// The next poll codes the rest and nothing twice.
	w2 := watch.New(st, proc, watch.Config{})
	sum2, err := w2.PollOnce(context.Background(), []string{s.url("/feed.xml")})
	if err != nil {
		t.Fatal(err)
	}
	if sum2.New+sum.New != len(stories) || sum2.Seen != sum.New {
		t.Errorf("after cancel: first %+v, then %+v", sum, sum2)
	}
}

func writeFeed(t *testing.T, path, body string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func hasWarning(doc news.Document, s string) bool {
	for _, w := range doc.Warnings {
		if strings.Contains(w, s) {
			return true
		}
	}
	return false
}

func TestFeedSizeCap(t *testing.T) {
	s := newSite(t, stories...)
	st := openStore(t, filepath.Join(t.TempDir(), "watch.db"))
	var ns notices
	w := watch.New(st, process(t), watch.Config{MaxFeedBytes: 1 << 10, Report: ns.report})
	sum, err := w.PollOnce(context.Background(), []string{s.url("/feed.xml")})
	if err != nil {
		t.Fatal(err)
	}
	if sum.FeedErrors != 1 || sum.New != 0 || !strings.Contains(ns.text(), "feed larger than 1 KB: not read") {
		t.Errorf("oversized feed: %+v\n%s", sum, ns.text())
	}
}

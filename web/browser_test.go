package web_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"dyad/internal/ingest"
	"dyad/internal/server"
	"dyad/internal/store"
	"dyad/news"
	"dyad/pipeline"
	"dyad/web"
)

// chromium finds the browser, or "" when there is none.
func chromium() string {
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// fillStore codes the articles in testdata/ with the real pipeline and stores
// them in a new SQLite database; it returns the store and the coded documents.
func fillStore(t *testing.T) (*store.Store, map[string]news.Document) {
	t.Helper()
	ctx := context.Background()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatalf("store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	docs := map[string]news.Document{}
	err = ingest.Read(ctx, []string{"testdata"}, nil, ingest.Options{}, func(r ingest.Record) error {
		if r.Err != nil {
			return r.Err
		}
		doc, err := p.Process(ctx, r.Article)
		if err != nil {
			return err
		}
		if _, err := st.SaveArticle(ctx, doc, ""); err != nil {
			return err
		}
		docs[doc.ID] = doc
		return nil
	})
	if err != nil {
		t.Fatalf("ingest testdata: %v", err)
	}
	if len(docs) < 4 {
		t.Fatalf("stored %d articles from testdata, want at least 4", len(docs))
	}
	return st, docs
}

// startServer serves the real API and dashboard over st on 127.0.0.1 and
// returns its base URL.
func startServer(t *testing.T, st *store.Store) string {
	t.Helper()
	h := server.New(server.Config{Store: st, Dashboard: web.Dist()})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// browser is one headless Chromium tab with what its pages reported.
type browser struct {
	ctx       context.Context
	base      string
	artifacts string

	mu       sync.Mutex
	problems []string // console errors, uncaught exceptions, failed loads
}

func newBrowser(t *testing.T, base string) *browser {
	t.Helper()
	artifacts := os.Getenv("DYAD_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	} else if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatalf("artifacts: %v", err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium()),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 768),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	b := &browser{ctx: ctx, base: base, artifacts: artifacts}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				b.report("%s at %s:%d", m, m.URL, m.Line)
			}
		}
	}()
	return b
}

func (b *browser) report(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.problems = append(b.problems, fmt.Sprintf(format, args...))
}

// checkClean fails the test if a page logged an error or threw.
func (b *browser) checkClean(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Errorf("browser reported %s", p)
	}
	b.problems = nil
}

// open navigates to a dashboard route and waits until its view has rendered.
func (b *browser) open(t *testing.T, route string) {
	t.Helper()
	if err := chromedp.Do(b.ctx, chromedp.Navigate(b.base+"/"+route)); err != nil {
		t.Fatalf("open %s: %v", route, err)
	}
	b.waitView(t, route)
}

// waitView waits until the view of route has finished rendering: the
// dashboard sets body[data-ready] to the view's name and body[data-hash] to
// the route it rendered when it has.
func (b *browser) waitView(t *testing.T, route string) {
	t.Helper()
	view := strings.TrimPrefix(route, "#/")
	view, _, _ = strings.Cut(view, "?")
	view, _, _ = strings.Cut(view, "/")
	hash := strings.TrimPrefix(route, "#")
	js := fmt.Sprintf(`document.body.dataset.ready === %q && document.body.dataset.hash === location.hash &&
		decodeURIComponent(location.hash).startsWith(%q)`, view, "#"+hash)
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		got, _ := chromedp.Run(b.ctx, chromedp.Evaluate[string](`location.hash + " ready=" + document.body.dataset.ready`))
		t.Fatalf("view %s did not render (%s): %v", route, got, err)
	}
}

// eval evaluates a JavaScript expression.
func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluate %s: %v", js, err)
	}
	return v
}

// shot saves a screenshot of the window as name.png in the artifacts directory.
func (b *browser) shot(t *testing.T, name string) {
	t.Helper()
	buf, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(b.artifacts, name+".png"), buf, 0o644); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
}

// pwned is the expression every payload in testdata/payload.json would set.
const pwned = `typeof window.__pwned === "undefined" ? "" : String(window.__pwned)`

// runs joins the adjacent highlight pieces of one kind into the strings
// they mark, in document order.
const runs = `(kind) => {
  const out = [];
  let prev = null;
  for (const m of document.querySelectorAll(".article-text mark.hl-" + kind)) {
    if (prev && m.previousSibling === prev) out[out.length - 1] += m.textContent;
    else out.push(m.textContent);
    prev = m;
  }
  return out;
}`

func TestDashboard(t *testing.T) {
	if os.Getenv("DYAD_BROWSER") != "1" {
		t.Skip("browser test: set DYAD_BROWSER=1 to run it")
	}
	if chromium() == "" {
		t.Skip("browser test: no chromium found")
	}
	st, docs := fillStore(t)
	b := newBrowser(t, startServer(t, st))

	t.Run("events table filters", func(t *testing.T) {
		b.open(t, "#/events")
		const rowsJS = `[...document.querySelectorAll("table.events tbody tr")].map(r => [r.dataset.id, r.cells[1].textContent, r.cells[3].textContent])`
		all := eval[[][]string](t, b, rowsJS)
		if len(all) < 5 {
			t.Fatalf("events table shows %d rows, want at least 5", len(all))
		}
		if !slices.ContainsFunc(all, func(r []string) bool { return !hasActor(r, "RUS") }) {
			t.Fatalf("every unfiltered row involves RUS, the filter test needs others: %q", all)
		}
		b.shot(t, "events")
		// The first load, API answers included, stays under 1 MB.
		loaded := eval[int](t, b, `[...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
			.reduce((n, e) => n + Math.max(e.transferSize || 0, e.encodedBodySize || 0), 0)`)
		t.Logf("first load of #/events: %d bytes transferred", loaded)
		if loaded == 0 || loaded > 1<<20 {
			t.Errorf("first load transferred %d bytes, want some and at most 1 MB", loaded)
		}
		if err := chromedp.Do(b.ctx,
			chromedp.SetValue(`form.filters input[name=actor]`, "RUS"),
			chromedp.Click(`form.filters button[type=submit]`),
		); err != nil {
			t.Fatalf("filter: %v", err)
		}
		b.waitView(t, "#/events?actor=RUS")
		rows := eval[[][]string](t, b, rowsJS)
		if len(rows) == 0 {
			t.Fatal("filtering by actor RUS shows no rows")
		}
		for _, r := range rows {
			if !hasActor(r, "RUS") {
				t.Errorf("row %q matches neither source nor target RUS", r)
			}
		}
		b.shot(t, "events-actor-RUS")

		b.open(t, "#/events?q=Kharkiv")
		found := eval[[][]string](t, b, rowsJS)
		if len(found) == 0 || slices.EqualFunc(found, all, slices.Equal) {
			t.Errorf("text search Kharkiv shows %d rows, want some and not all", len(found))
		}
		b.checkClean(t)
	})

	t.Run("article highlights at the right characters", func(t *testing.T) {
		// The Geneva article has multi-byte characters (è, —, €) before its
		// annotations: byte offsets read as string indices would shift them.
		doc, ok := docs["web-test-geneva"]
		if !ok {
			t.Fatal("testdata/geneva.json was not stored")
		}
		b.open(t, "#/article/web-test-geneva")
		b.shot(t, "article")
		for _, c := range []struct {
			kind string
			want []string
		}{
			{"entity", texts(doc.Entities, func(e news.Entity) string { return e.Text })},
			{"place", texts(doc.Places, func(p news.Place) string { return p.Text })},
			{"time", texts(doc.Times, func(x news.Time) string { return x.Text })},
			{"quote", texts(doc.Quotes, func(q news.Quote) string { return q.Text })},
		} {
			if len(c.want) == 0 {
				t.Errorf("the pipeline found no %s in the Geneva article; the test needs some", c.kind)
				continue
			}
			got := eval[[]string](t, b, "("+runs+")("+fmt.Sprintf("%q", c.kind)+")")
			for _, w := range c.want {
				if !containsPart(got, w) {
					t.Errorf("no %s highlight holds %q; highlights: %q", c.kind, w, got)
				}
			}
		}
		cards := eval[int](t, b, `document.querySelectorAll(".side .event-card").length`)
		if cards != len(doc.Events) {
			t.Errorf("article shows %d event cards, want %d", cards, len(doc.Events))
		}
		prov := eval[string](t, b, `document.querySelector(".side .event-card") ? document.querySelector(".side .event-card").textContent : ""`)
		if len(doc.Events) > 0 && !strings.Contains(prov, doc.Events[0].Rule) {
			t.Errorf("first event card %q does not show its rule %q", prov, doc.Events[0].Rule)
		}
		b.checkClean(t)
	})

	t.Run("payloads stay text", func(t *testing.T) {
		b.open(t, "#/articles")
		titles := eval[[]string](t, b, `[...document.querySelectorAll("table.events a")].filter(a => a.textContent.includes("<script>")).map(a => a.getAttribute("href"))`)
		if len(titles) != 1 || titles[0] != "#/article/web-test-payload" {
			t.Errorf("article list links with the script title: %q, want one to #/article/web-test-payload", titles)
		}
		b.open(t, "#/article/web-test-payload")
		b.shot(t, "article-payload")
		type page struct {
			Pwned   string   `json:"pwned"`
			Scripts int      `json:"scripts"`
			Imgs    int      `json:"imgs"`
			Title   string   `json:"title"`
			Text    string   `json:"text"`
			Hrefs   []string `json:"hrefs"`
		}
		got := eval[page](t, b, `({
			pwned: `+pwned+`,
			scripts: document.scripts.length,
			imgs: document.querySelectorAll("img, iframe, object, embed").length,
			title: document.querySelector("h1").textContent,
			text: document.body.textContent,
			hrefs: [...document.querySelectorAll("a[href]")].map(a => a.getAttribute("href")),
		})`)
		if got.Pwned != "" {
			t.Errorf("a payload ran: window.__pwned = %q", got.Pwned)
		}
		if got.Scripts != 1 {
			t.Errorf("page has %d scripts, want only the bundle", got.Scripts)
		}
		if got.Imgs != 0 {
			t.Errorf("page has %d img/iframe/object/embed elements, want none", got.Imgs)
		}
		if !strings.Contains(got.Title, "<script>window.__pwned='title'</script>") {
			t.Errorf("title %q does not show the script tag as text", got.Title)
		}
		for _, w := range []string{
			`<script>window.__pwned='text'</script>`,
			`javascript:window.__pwned='link'`,
			`<img src=x onerror=window.__pwned='quote'>`,
		} {
			if !strings.Contains(got.Text, w) {
				t.Errorf("page text lacks the payload %q as text", w)
			}
		}
		for _, h := range got.Hrefs {
			if !strings.HasPrefix(h, "#/") {
				t.Errorf("link to %q: want only internal routes", h)
			}
		}
		b.open(t, "#/quotes")
		if n := eval[int](t, b, `document.querySelectorAll("ul.quotes li").length`); n == 0 {
			t.Error("quotes page lists no quotes")
		}
		b.shot(t, "quotes")
		if p := eval[string](t, b, pwned); p != "" {
			t.Errorf("a payload ran on the quotes page: window.__pwned = %q", p)
		}
		b.checkClean(t)
	})

	t.Run("map markers open events", func(t *testing.T) {
		b.open(t, "#/map")
		n := eval[int](t, b, `document.querySelectorAll("svg.map circle.marker").length`)
		if n == 0 {
			t.Fatal("map shows no markers")
		}
		countries := eval[int](t, b, `document.querySelectorAll("svg.map path.country").length`)
		if countries < 100 {
			t.Errorf("map draws %d countries, want the world", countries)
		}
		b.shot(t, "map")
		id := eval[string](t, b, `document.querySelector("svg.map circle.marker").dataset.id`)
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`document.querySelector("svg.map circle.marker").dispatchEvent(new MouseEvent("click", {bubbles: true}))`)); err != nil {
			t.Fatalf("click marker: %v", err)
		}
		b.waitView(t, "#/event/"+id)
		mentions := eval[int](t, b, `document.querySelectorAll(".event-card.mention").length`)
		if mentions == 0 {
			t.Errorf("event %s shows no mentions", id)
		}
		sentence := eval[string](t, b, `document.querySelector(".mention blockquote.sentence") ? document.querySelector(".mention blockquote.sentence").textContent : ""`)
		if sentence == "" {
			t.Errorf("event %s shows no mention sentence", id)
		}
		b.shot(t, "event")
		b.checkClean(t)
	})

	t.Run("dyad timeline and actor page", func(t *testing.T) {
		b.open(t, "#/timeline?a=RUS&b=UKR&interval=day")
		bars := eval[int](t, b, `document.querySelectorAll("svg.chart rect.bar").length`)
		rows := eval[int](t, b, `document.querySelectorAll("table.events tbody tr").length`)
		if bars == 0 || rows == 0 {
			t.Errorf("RUS–UKR timeline has %d bars and %d event rows, want some of both", bars, rows)
		}
		b.shot(t, "timeline")
		b.open(t, "#/actor/RUS")
		counterparts := eval[[]string](t, b, `[...document.querySelectorAll(".grid table a.actor")].map(a => a.textContent)`)
		if !containsPart(counterparts, "UKR") {
			t.Errorf("RUS actor page counterparts %q lack UKR", counterparts)
		}
		b.shot(t, "actor")
		b.checkClean(t)
	})
}

// texts maps xs to their non-empty strings.
func texts[T any](xs []T, f func(T) string) []string {
	var out []string
	for _, x := range xs {
		if s := f(x); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// hasActor tells whether an events table row [id, source, target] has an
// actor code starting with code.
func hasActor(row []string, code string) bool {
	return strings.HasPrefix(row[1], code) || strings.HasPrefix(row[2], code)
}

// containsPart tells whether some string of got contains want.
func containsPart(got []string, want string) bool {
	for _, g := range got {
		if strings.Contains(g, want) {
			return true
		}
	}
	return false
}

package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/ingest"
	"dyad/internal/server"
	"dyad/internal/store"
	"dyad/news"
	"dyad/pipeline"
)

// corpus is the project's test articles coded by the real pipeline, coded
// once for all the tests of this package.
var corpus = sync.OnceValues(func() (*pipeline.Pipeline, []news.Document) {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		panic(err)
	}
	ctx := context.Background()
	var ds []news.Document
	err = ingest.Read(ctx, []string{"../../testdata/articles"}, nil, ingest.Options{}, func(r ingest.Record) error {
		if r.Err != nil {
			return r.Err
		}
		d, err := p.Process(ctx, r.Article)
		ds = append(ds, d)
		return err
	})
	if err != nil {
		panic(err)
	}
	return p, ds
})

// env is a server over a fresh store holding the coded test articles.
type env struct {
	t    *testing.T
	st   *store.Store
	srv  *httptest.Server
	docs []news.Document
}

// newEnv starts a server; edit adjusts its configuration.
func newEnv(t *testing.T, edit func(*server.Config)) *env {
	t.Helper()
	p, docs := corpus()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, d := range docs {
		if _, err := st.SaveArticle(context.Background(), d, ""); err != nil {
			t.Fatal(err)
		}
	}
	cfg := server.Config{Store: st, Code: p.Process,
		Dashboard: fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>dyad</title>")}}}
	if edit != nil {
		edit(&cfg)
	}
	srv := httptest.NewServer(server.New(cfg))
	t.Cleanup(srv.Close)
	return &env{t: t, st: st, srv: srv, docs: docs}
}

// do sends a request and returns the status, the body and the response.
func (e *env) do(method, path string, body io.Reader, header map[string]string) (int, []byte, *http.Response) {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return resp.StatusCode, b, resp
}

// get GETs path, wants 200 and decodes the JSON body into v.
func (e *env) get(path string, v any) {
	e.t.Helper()
	code, body, _ := e.do("GET", path, nil, nil)
	if code != http.StatusOK {
		e.t.Fatalf("GET %s: %d %s", path, code, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		e.t.Fatalf("GET %s: %v in %s", path, err, body)
	}
}

type eventList struct {
	Events      []store.Event `json:"events"`
	Total       int           `json:"total"`
	TotalCapped bool          `json:"total_capped"`
	Limit       int           `json:"limit"`
	Offset      int           `json:"offset"`
	Next        string        `json:"next"`
}

func ids(es []store.Event) []int64 {
	out := []int64{}
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestEventFilters(t *testing.T) {
	e := newEnv(t, nil)
	// Two outlets report the same story: its events are merged, with two mentions each.
	for _, id := range []string{"wire-a", "wire-b"} {
		if code, out := post(e, articleJSON(id, article), nil); code != http.StatusCreated {
			t.Fatalf("POST %s: %d %v", id, code, out)
		}
	}
	var all eventList
	e.get("/api/v1/events?limit=1000", &all)
	if len(all.Events) < 20 || all.Total != len(all.Events) || all.TotalCapped {
		t.Fatalf("all events: %d listed, total %d", len(all.Events), all.Total)
	}
	for i := 1; i < len(all.Events); i++ {
		// Newest first by the first day each date covers: a week (2017-W32)
		// sorts by its Monday, not as a string after 2017-08-11.
		if p, c := all.Events[i-1], all.Events[i]; p.DateStart < c.DateStart {
			t.Fatalf("events not newest first: %s (%s) before %s (%s)", p.Date, p.DateStart, c.Date, c.DateStart)
		}
	}
	in := func(lo, hi float64, v *float64) bool { return v != nil && *v >= lo && *v <= hi }
	tests := []struct {
		query string
		want  func(store.Event) bool
	}{
		{"actor=rus", func(ev store.Event) bool {
			return strings.HasPrefix(ev.SourceCode, "RUS") || strings.HasPrefix(ev.TargetCode, "RUS")
		}},
		{"source=RUSGOV", func(ev store.Event) bool { return strings.HasPrefix(ev.SourceCode, "RUSGOV") }},
		{"target=LBN", func(ev store.Event) bool { return strings.HasPrefix(ev.TargetCode, "LBN") }},
		{"source=EGY&target=ISR", func(ev store.Event) bool {
			return strings.HasPrefix(ev.SourceCode, "EGY") && strings.HasPrefix(ev.TargetCode, "ISR")
		}},
		{"country=syr", func(ev store.Event) bool {
			return ev.SourceCountry == "SYR" || ev.TargetCountry == "SYR" || ev.PlaceCountry == "SYR"
		}},
		{"code=040", func(ev store.Event) bool { return ev.Code == "040" }},
		{"root=16", func(ev store.Event) bool { return ev.Root == "16" }},
		{"quad_class=4", func(ev store.Event) bool { return ev.QuadClass == 4 }},
		{"modality=hypothetical", func(ev store.Event) bool { return ev.Modality == "hypothetical" }},
		{"from=2017-01-01", func(ev store.Event) bool { return ev.DateStart >= "2017-01-01" }},
		{"to=2016-12-31", func(ev store.Event) bool { return ev.DateStart != "" && ev.DateStart <= "2016-12-31" }},
		{"from=2017-03&to=2017-03", func(ev store.Event) bool { return strings.HasPrefix(ev.DateStart, "2017-03") }},
		{"bbox=30,40,80,60", func(ev store.Event) bool { return in(40, 60, ev.Lat) && in(30, 80, ev.Lon) }},
		// West of 35°E and east of 170°E: across the antimeridian.
		{"bbox=170,-10,35,60", func(ev store.Event) bool {
			return in(-10, 60, ev.Lat) && (in(170, 180, ev.Lon) || in(-180, 35, ev.Lon))
		}},
		{"min_mentions=2", func(ev store.Event) bool { return ev.NumMentions >= 2 }},
		{"actor=USA&quad_class=1", func(ev store.Event) bool {
			return (strings.HasPrefix(ev.SourceCode, "USA") || strings.HasPrefix(ev.TargetCode, "USA")) && ev.QuadClass == 1
		}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			var want []store.Event
			for _, ev := range all.Events {
				if tt.want(ev) {
					want = append(want, ev)
				}
			}
			if len(want) == 0 {
				t.Fatalf("no event of the corpus matches %s: the test says nothing", tt.query)
			}
			if len(want) == len(all.Events) {
				t.Fatalf("every event matches %s: the test says nothing", tt.query)
			}
			var got eventList
			e.get("/api/v1/events?limit=1000&"+tt.query, &got)
			if diff := cmp.Diff(ids(want), ids(got.Events)); diff != "" {
				t.Errorf("event ids (-want +got):\n%s", diff)
			}
			if got.Total != len(want) {
				t.Errorf("total %d, want %d", got.Total, len(want))
			}
		})
	}

	t.Run("q", func(t *testing.T) {
		// Events reported by the articles whose text mentions Mariupol.
		wantIDs := map[int64]bool{}
		for _, ev := range all.Events {
			full, _, err := e.st.Event(context.Background(), ev.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range full.Mentions {
				for _, d := range e.docs {
					if d.ID == m.ArticleID && strings.Contains(d.Text, "Mariupol") {
						wantIDs[ev.ID] = true
					}
				}
			}
		}
		var got eventList
		e.get("/api/v1/events?q=mariupol", &got)
		if len(wantIDs) == 0 || len(got.Events) != len(wantIDs) {
			t.Fatalf("q=mariupol: %d events, want %d", len(got.Events), len(wantIDs))
		}
		for _, ev := range got.Events {
			if !wantIDs[ev.ID] {
				t.Errorf("event %d not reported by an article mentioning Mariupol", ev.ID)
			}
		}
	})

	t.Run("paging and sort", func(t *testing.T) {
		var p1, p2 eventList
		e.get("/api/v1/events?limit=3", &p1)
		e.get("/api/v1/events?limit=3&offset=3", &p2)
		if diff := cmp.Diff(ids(all.Events[:6]), append(ids(p1.Events), ids(p2.Events)...)); diff != "" {
			t.Errorf("two pages (-want +got):\n%s", diff)
		}
		if p2.Limit != 3 || p2.Offset != 3 || p2.Total != all.Total {
			t.Errorf("page 2: limit %d offset %d total %d", p2.Limit, p2.Offset, p2.Total)
		}
		var old eventList
		e.get("/api/v1/events?limit=1000&sort=-date", &old)
		rev := ids(old.Events)
		slices.Reverse(rev)
		if !slices.Equal(ids(all.Events), rev) {
			t.Error("sort=-date is not the reverse of newest first")
		}
		var most eventList
		e.get("/api/v1/events?limit=1000&sort=mentions", &most)
		if !sort.SliceIsSorted(most.Events, func(i, j int) bool { return most.Events[i].NumMentions > most.Events[j].NumMentions }) {
			t.Error("sort=mentions not by mentions")
		}
		var capped eventList
		e.get("/api/v1/events?limit=5000", &capped)
		if capped.Limit != store.MaxLimit {
			t.Errorf("limit 5000 answered as %d, want the cap %d", capped.Limit, store.MaxLimit)
		}
	})
}

func TestEventAndMentions(t *testing.T) {
	e := newEnv(t, nil)
	var list eventList
	e.get("/api/v1/events?code=040&limit=1", &list)
	if len(list.Events) != 1 {
		t.Fatalf("no 040 event")
	}
	var ev store.Event
	e.get(fmt.Sprintf("/api/v1/events/%d", list.Events[0].ID), &ev)
	if ev.ID != list.Events[0].ID || len(ev.Mentions) != ev.NumMentions || len(ev.Mentions) == 0 {
		t.Fatalf("event %d: %d mentions, num_mentions %d", ev.ID, len(ev.Mentions), ev.NumMentions)
	}
	for _, m := range ev.Mentions {
		var doc news.Document
		e.get("/api/v1/articles/"+url.PathEscape(m.ArticleID), &doc)
		if m.VerbSpan == nil || m.VerbSpan.Text(doc.Text) != m.VerbText || m.Rule == "" {
			t.Errorf("mention %+v: verb span does not point at its text in article %s", m, m.ArticleID)
		}
	}
	for path, want := range map[string]int{
		"/api/v1/events/999999": http.StatusNotFound,
		"/api/v1/events/abc":    http.StatusBadRequest,
		"/api/v1/events/-1":     http.StatusBadRequest,
	} {
		if code, body, _ := e.do("GET", path, nil, nil); code != want || !json.Valid(body) {
			t.Errorf("GET %s: %d %s, want %d with a JSON error", path, code, body, want)
		}
	}
}

func TestArticles(t *testing.T) {
	e := newEnv(t, nil)
	var list struct {
		Articles []store.ArticleSummary `json:"articles"`
		Total    int                    `json:"total"`
	}
	e.get("/api/v1/articles?limit=1000", &list)
	if list.Total != len(e.docs) || len(list.Articles) != len(e.docs) {
		t.Fatalf("%d articles listed, total %d, want %d", len(list.Articles), list.Total, len(e.docs))
	}
	for _, a := range list.Articles {
		for _, d := range e.docs {
			if d.ID != a.ID {
				continue
			}
			if a.Title != d.Title || a.Quotes != len(d.Quotes) || a.Places != len(d.Places) || a.Entities != len(d.Entities) {
				t.Errorf("article %s listed as %+v; it has %d quotes, %d places, %d entities", a.ID, a, len(d.Quotes), len(d.Places), len(d.Entities))
			}
		}
	}
	e.get("/api/v1/articles?q=mariupol", &list)
	if len(list.Articles) != 1 || list.Total != 1 {
		t.Errorf("q=mariupol: %+v", list)
	}
	e.get("/api/v1/articles?limit=2&offset=1", &list)
	if len(list.Articles) != 2 || list.Total != len(e.docs) {
		t.Errorf("paging: %d articles, total %d", len(list.Articles), list.Total)
	}

	// GET /api/v1/articles/{id} is the SCHEMA object as stored.
	for _, d := range e.docs {
		var got news.Document
		e.get("/api/v1/articles/"+url.PathEscape(d.ID), &got)
		if diff := cmp.Diff(d, got); diff != "" {
			t.Errorf("article %s (-coded +served):\n%s", d.ID, diff)
		}
	}
	if code, _, _ := e.do("GET", "/api/v1/articles/nope", nil, nil); code != http.StatusNotFound {
		t.Errorf("missing article: %d", code)
	}
}

// article is a short wire story written for these tests, with markup in it
// that a dashboard must show as text.
const article = `MOSCOW, March 3 (Test Wire) - Russian Foreign Minister Sergei Lavrov met Turkish Foreign Minister Mevlut Cavusoglu in Moscow on Friday to discuss the war in Syria.

"We agreed to keep talking <script>alert(1)</script>," Lavrov told reporters after the meeting.

Turkey accused Syria of shelling a border town <img src=x onerror=alert(2)> earlier in the week.`

func post(e *env, body string, header map[string]string) (int, map[string]any) {
	e.t.Helper()
	h := map[string]string{"Content-Type": "application/json"}
	for k, v := range header {
		h[k] = v
	}
	code, b, _ := e.do("POST", "/api/v1/articles", strings.NewReader(body), h)
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		e.t.Fatalf("POST: %d, body not JSON: %s", code, b)
	}
	return code, out
}

func articleJSON(id, body string) string { return datedJSON(id, "2017-03-03", body) }

func datedJSON(id, published, body string) string {
	b, _ := json.Marshal(map[string]string{"id": id, "source": "Test Wire", "title": "Lavrov meets Cavusoglu",
		"published": published, "format": "text", "body": body})
	return string(b)
}

func TestPostArticle(t *testing.T) {
	e := newEnv(t, nil)
	code, out := post(e, articleJSON("post-1", article), nil)
	if code != http.StatusCreated || out["id"] != "post-1" || out["location"] != "/api/v1/articles/post-1" {
		t.Fatalf("POST: %d %v", code, out)
	}
	if n, _ := out["events"].(float64); n == 0 {
		t.Errorf("POST coded no event: %v", out)
	}
	var doc news.Document
	e.get("/api/v1/articles/post-1", &doc)
	if doc.Source != "Test Wire" || doc.Published != "2017-03-03" || !strings.Contains(doc.Text, "<script>alert(1)</script>") || len(doc.Events) == 0 {
		t.Errorf("stored article: source %q published %q, %d events, text %q", doc.Source, doc.Published, len(doc.Events), doc.Text)
	}
	var list eventList
	e.get("/api/v1/events?q=cavusoglu", &list)
	if len(list.Events) == 0 {
		t.Error("the posted article's events are not found by q=cavusoglu")
	}
	// Posting the same article again changes nothing.
	before, _ := e.st.Stats(context.Background())
	code, out = post(e, articleJSON("post-1", article), nil)
	after, _ := e.st.Stats(context.Background())
	if code != http.StatusOK || out["unchanged"] != true || before != after {
		t.Errorf("second POST: %d %v; stats %+v then %+v", code, out, before, after)
	}
}

func TestPostErrors(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.MaxBody = 4096 })
	tests := []struct {
		name   string
		body   string
		header map[string]string
		status int
		msg    string
	}{
		{"malformed", `{"body": "x"`, nil, 400, "malformed JSON"},
		{"not an object", `[1,2]`, nil, 400, "want a"},
		{"empty", ``, nil, 400, "empty request body"},
		{"no body field", `{"title": "t"}`, nil, 400, `"body"`},
		{"unknown field", `{"body": "Text.", "colour": "red"}`, nil, 400, "colour"},
		{"wrong type", `{"body": 42}`, nil, 400, `"body"`},
		{"bad format", `{"body": "Text.", "format": "pdf"}`, nil, 400, `"format"`},
		{"bad date", `{"body": "Text.", "published": "last week"}`, nil, 400, `"published"`},
		{"two values", `{"body": "Text."} {"body": "More."}`, nil, 400, "more than one"},
		{"too large", articleJSON("big", strings.Repeat("Talks went on. ", 400)), nil, 413, "too large"},
		{"not JSON", `body=x`, map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, 415, "application/json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := post(e, tt.body, tt.header)
			msg, _ := out["error"].(string)
			if code != tt.status || !strings.Contains(msg, tt.msg) {
				t.Errorf("%d %q, want %d with %q", code, msg, tt.status, tt.msg)
			}
		})
	}
	if st, _ := e.st.Stats(context.Background()); st.Articles != len(e.docs) {
		t.Errorf("a failed POST stored something: %d articles", st.Articles)
	}
}

func TestToken(t *testing.T) {
	e := newEnv(t, func(c *server.Config) { c.Token = "s3cret-token" })
	body := articleJSON("tok", article)
	for _, h := range []map[string]string{nil, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret-token"}, {"Authorization": "Basic s3cret-token"}} {
		code, out := post(e, body, h)
		if code != http.StatusUnauthorized || !strings.Contains(out["error"].(string), "Bearer") {
			t.Errorf("header %v: %d %v, want 401", h, code, out)
		}
	}
	if code, out := post(e, body, map[string]string{"Authorization": "Bearer s3cret-token"}); code != http.StatusCreated {
		t.Errorf("right token: %d %v", code, out)
	}
	// Reading needs no token.
	var doc news.Document
	e.get("/api/v1/articles/tok", &doc)

	off := newEnv(t, func(c *server.Config) { c.WriteDisabled = "listening on 0.0.0.0:8080 without a token" })
	code, out := post(off, body, nil)
	if code != http.StatusForbidden || !strings.Contains(out["error"].(string), "without a token") {
		t.Errorf("write disabled: %d %v", code, out)
	}
}

// TestEventsCursor reads every event page by page through the next
// cursors, in each sort order, and checks that they come in the order and
// number of one long page.
func TestEventsCursor(t *testing.T) {
	e := newEnv(t, nil)
	for _, id := range []string{"wire-a", "wire-b"} {
		if code, out := post(e, articleJSON(id, article), nil); code != http.StatusCreated {
			t.Fatalf("POST %s: %d %v", id, code, out)
		}
	}
	for _, order := range []string{"date", "-date", "mentions"} {
		var all eventList
		e.get("/api/v1/events?limit=1000&sort="+order, &all)
		if len(all.Events) < 20 || all.Next != "" {
			t.Fatalf("sort %s: %d events, next %q", order, len(all.Events), all.Next)
		}
		var got []int64
		path := "/api/v1/events?limit=6&sort=" + order
		for pages := 0; ; pages++ {
			if pages > len(all.Events) {
				t.Fatalf("sort %s: the cursors do not end", order)
			}
			var page eventList
			e.get(path, &page)
			if page.Total != all.Total {
				t.Errorf("sort %s, %s: total %d, want %d", order, path, page.Total, all.Total)
			}
			got = append(got, ids(page.Events)...)
			if page.Next == "" {
				break
			}
			path = "/api/v1/events?limit=6&sort=" + order + "&after=" + url.QueryEscape(page.Next)
		}
		if diff := cmp.Diff(ids(all.Events), got); diff != "" {
			t.Errorf("sort %s: events read through cursors (-one page +cursors):\n%s", order, diff)
		}
	}
	// A cursor with an offset skips rows after the cursor.
	var first, skipped, all eventList
	e.get("/api/v1/events?limit=3", &first)
	e.get("/api/v1/events?limit=2&offset=1&after="+url.QueryEscape(first.Next), &skipped)
	e.get("/api/v1/events?limit=6", &all)
	if diff := cmp.Diff(ids(all.Events[4:6]), ids(skipped.Events)); diff != "" {
		t.Errorf("after and offset (-want +got):\n%s", diff)
	}
}

func TestQueryErrors(t *testing.T) {
	e := newEnv(t, nil)
	tests := []struct {
		path   string
		status int
		param  string // the message names it
	}{
		{"/api/v1/events?quad_class=5", 400, "quad_class"},
		{"/api/v1/events?quad_class=x", 400, "quad_class"},
		{"/api/v1/events?limit=0", 400, "limit"},
		{"/api/v1/events?limit=-3", 400, "limit"},
		{"/api/v1/events?offset=-1", 400, "offset"},
		{"/api/v1/events?offset=100000000", 400, "offset"},
		{"/api/v1/events?from=yesterday", 400, "from"},
		{"/api/v1/events?from=2017-03-01&to=2016-01-01", 400, "to"},
		{"/api/v1/events?bbox=1,2,3", 400, "bbox"},
		{"/api/v1/events?bbox=a,b,c,d", 400, "bbox"},
		{"/api/v1/events?bbox=0,50,10,40", 400, "bbox"},
		{"/api/v1/events?bbox=0,0,200,10", 400, "bbox"},
		{"/api/v1/events?sort=random", 400, "sort"},
		{"/api/v1/events?after=2017-03-01", 400, "after"},
		{"/api/v1/events?after=W42~12", 400, "after"},
		{"/api/v1/events?after=2017-03-01~12&sort=mentions", 400, "after"},
		{"/api/v1/events?after=3~0&sort=mentions", 400, "after"},
		{"/api/v1/events?actor=US%20A", 400, "actor"},
		{"/api/v1/events?country=France", 400, "country"},
		{"/api/v1/events?code=abc", 400, "code"},
		{"/api/v1/events?actor=USA&actor=RUS", 400, "actor"},
		{"/api/v1/events?colour=red", 400, "colour"},
		{"/api/v1/events?q=" + strings.Repeat("a", 300), 400, "q"},
		{"/api/v1/events?q=" + strings.Repeat("a", 5000), 414, "query string"},
		{"/api/v1/events?%zz", 400, "query"},
		{"/api/v1/dyads/USA/RUS/timeline?interval=year", 400, "interval"},
		{"/api/v1/dyads/US$/RUS/timeline", 400, "US$"},
		{"/api/v1/actors?q=U-S", 400, "q"},
		{"/api/v1/actors/RUS?interval=hour", 400, "interval"},
		{"/api/v1/stats?x=1", 400, "x"},
		{"/api/v1/nothing", 404, "no such endpoint"},
	}
	for _, tt := range tests {
		code, body, resp := e.do("GET", tt.path, nil, nil)
		var out struct{ Error string }
		if err := json.Unmarshal(body, &out); err != nil || code != tt.status || !strings.Contains(out.Error, tt.param) {
			t.Errorf("GET %.80s: %d %s, want %d naming %q", tt.path, code, body, tt.status, tt.param)
		}
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("GET %.80s: Content-Type %q", tt.path, ct)
		}
	}
	if code, _, resp := e.do("DELETE", "/api/v1/events", nil, nil); code != http.StatusMethodNotAllowed || resp.Header.Get("Allow") == "" {
		t.Errorf("DELETE /api/v1/events: %d, Allow %q", code, resp.Header.Get("Allow"))
	}
}

func TestActors(t *testing.T) {
	e := newEnv(t, nil)
	var all eventList
	e.get("/api/v1/events?limit=1000", &all)
	// Count, from the events, how often each code is source and target.
	src, tgt := map[string]int{}, map[string]int{}
	for _, ev := range all.Events {
		if ev.SourceCode != "" {
			src[ev.SourceCode]++
		}
		if ev.TargetCode != "" {
			tgt[ev.TargetCode]++
		}
	}
	var list struct{ Actors []store.ActorCount }
	e.get("/api/v1/actors?limit=1000", &list)
	if len(list.Actors) == 0 {
		t.Fatal("no actors")
	}
	seen := map[string]bool{}
	for i, a := range list.Actors {
		seen[a.Code] = true
		if a.AsSource != src[a.Code] || a.AsTarget != tgt[a.Code] || a.Events != a.AsSource+a.AsTarget {
			t.Errorf("actor %+v; the events say %d as source, %d as target", a, src[a.Code], tgt[a.Code])
		}
		if i > 0 && list.Actors[i-1].Events < a.Events {
			t.Errorf("actors not by events: %v before %v", list.Actors[i-1], a)
		}
	}
	for c := range src {
		if !seen[c] {
			t.Errorf("actor %s missing", c)
		}
	}
	e.get("/api/v1/actors?q=rus", &list)
	for _, a := range list.Actors {
		if !strings.HasPrefix(a.Code, "RUS") {
			t.Errorf("q=rus listed %s", a.Code)
		}
	}
	if len(list.Actors) == 0 {
		t.Error("q=rus listed nothing")
	}

	var prof store.ActorProfile
	e.get("/api/v1/actors/RUSGOV", &prof)
	wantTargets := map[string]int{}
	asSource := 0
	for _, ev := range all.Events {
		if strings.HasPrefix(ev.SourceCode, "RUSGOV") && ev.Modality == "asserted" {
			wantTargets[ev.TargetCode]++
			asSource++
		}
	}
	gotTargets := map[string]int{}
	for _, c := range prof.Targets {
		gotTargets[c.Code] = c.Events
	}
	if asSource == 0 || prof.AsSource != asSource {
		t.Errorf("RUSGOV as source: %d, want %d", prof.AsSource, asSource)
	}
	if diff := cmp.Diff(wantTargets, gotTargets); diff != "" {
		t.Errorf("RUSGOV targets (-want +got):\n%s", diff)
	}
	total := 0
	for _, b := range prof.Timeline {
		total += b.AToB
	}
	if total != asSource || len(prof.Timeline) == 0 || prof.Timeline[len(prof.Timeline)-1].Label != "2017-03" {
		t.Errorf("RUSGOV timeline %+v: %d as source, want %d", prof.Timeline, total, asSource)
	}

	// An article stored through the API shows in the actor list at once:
	// the list equals a count of every event again.
	n := len(all.Events)
	if code, out := post(e, datedJSON("later", "2017-05-02", article), nil); code != http.StatusCreated {
		t.Fatalf("POST: %d %v", code, out)
	}
	e.get("/api/v1/events?limit=1000", &all)
	if len(all.Events) <= n {
		t.Fatalf("the new article added no events (%d, then %d): the test says nothing", n, len(all.Events))
	}
	counted := map[string]int{}
	for _, ev := range all.Events {
		counted[ev.SourceCode]++
		counted[ev.TargetCode]++
	}
	delete(counted, "")
	listed := map[string]int{}
	e.get("/api/v1/actors?limit=1000", &list)
	for _, a := range list.Actors {
		listed[a.Code] = a.Events
	}
	if diff := cmp.Diff(counted, listed); diff != "" {
		t.Errorf("actors after a new article (-counted +listed):\n%s", diff)
	}
}

func TestDyadTimeline(t *testing.T) {
	e := newEnv(t, nil)
	// Two more articles on Russia and Turkey, a week and a month apart.
	for i, date := range []string{"2017-03-17", "2017-04-21"} {
		body := strings.Replace(article, "March 3 ", "", 1)
		if code, out := post(e, datedJSON(fmt.Sprintf("later-%d", i), date, body), nil); code != http.StatusCreated {
			t.Fatalf("POST: %d %v", code, out)
		}
	}
	var all eventList
	e.get("/api/v1/events?limit=1000&actor=RUS&modality=asserted", &all)
	want := 0
	for _, ev := range all.Events {
		if strings.HasPrefix(ev.SourceCode, "TUR") || strings.HasPrefix(ev.TargetCode, "TUR") {
			want++
		}
	}
	for _, iv := range []string{"day", "week", "month"} {
		var tl struct {
			A, B     string
			Interval string
			Buckets  []store.Bucket
		}
		e.get("/api/v1/dyads/rus/tur/timeline?interval="+iv, &tl)
		n := 0
		for i, b := range tl.Buckets {
			n += b.Events
			if b.Events != b.AToB+b.BToA || b.Events != b.QuadClass[0]+b.QuadClass[1]+b.QuadClass[2]+b.QuadClass[3] {
				t.Errorf("%s bucket %+v does not add up", iv, b)
			}
			if i > 0 && b.Start <= tl.Buckets[i-1].Start {
				t.Errorf("%s buckets out of order", iv)
			}
		}
		if tl.A != "RUS" || tl.B != "TUR" || tl.Interval != iv || n != want || want == 0 {
			t.Errorf("%s timeline %s-%s: %d events, want %d", iv, tl.A, tl.B, n, want)
		}
		// Three articles: March 3, March 17 and April 21, 2017; buckets run without gaps.
		wantBuckets := map[string][]string{
			"day":   {"2017-03-03", "2017-04-21", "50"},
			"week":  {"2017-W09", "2017-W16", "8"},
			"month": {"2017-03", "2017-04", "2"},
		}[iv]
		if len(tl.Buckets) == 0 || tl.Buckets[0].Label != wantBuckets[0] || tl.Buckets[len(tl.Buckets)-1].Label != wantBuckets[1] ||
			fmt.Sprint(len(tl.Buckets)) != wantBuckets[2] {
			var labels []string
			for _, b := range tl.Buckets {
				labels = append(labels, b.Label)
			}
			t.Errorf("%s buckets %v, want %s to %s, %s of them", iv, labels, wantBuckets[0], wantBuckets[1], wantBuckets[2])
		}
	}
}

// TestDocumentedParameters checks that every query parameter the OpenAPI
// document gives is one its endpoint takes, and that it names no other.
func TestDocumentedParameters(t *testing.T) {
	e := newEnv(t, nil)
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct{ Name, In string }
		}
	}
	e.get("/api/openapi.json", &doc)
	for path, ops := range doc.Paths {
		op, ok := ops["get"]
		if !ok {
			continue
		}
		concrete := strings.NewReplacer("{id}", "1", "{code}", "RUS", "{a}", "RUS", "{b}", "TUR").Replace(path)
		var names []string
		for _, p := range op.Parameters {
			if p.In == "query" {
				names = append(names, p.Name)
			}
		}
		// An unknown parameter is refused with the list of those the endpoint takes.
		code, body, _ := e.do("GET", concrete+"?no_such_parameter=1", nil, nil)
		if code != http.StatusBadRequest {
			t.Errorf("GET %s with an unknown parameter: %d", path, code)
			continue
		}
		var out struct{ Error string }
		json.Unmarshal(body, &out)
		_, takes, _ := strings.Cut(out.Error, "takes: ")
		takes = strings.TrimSuffix(takes, ")")
		var got []string
		if takes != "" {
			got = strings.Split(takes, ", ")
		}
		sort.Strings(names)
		if diff := cmp.Diff(names, got); diff != "" {
			t.Errorf("GET %s query parameters (-documented +taken):\n%s", path, diff)
		}
	}
}

func TestHeadersDashboardAndLog(t *testing.T) {
	var logBuf strings.Builder
	var mu sync.Mutex
	e := newEnv(t, func(c *server.Config) {
		c.Logger = slog.New(slog.NewJSONHandler(lockedWriter{&mu, &logBuf}, nil))
	})
	for _, path := range []string{"/", "/healthz", "/api/v1/stats", "/api/v1/events?quad_class=9", "/api/openapi.json"} {
		code, body, resp := e.do("GET", path, nil, nil)
		if code >= 500 {
			t.Errorf("GET %s: %d %s", path, code, body)
		}
		if got := resp.Header.Get("Content-Security-Policy"); got != server.ContentSecurityPolicy || !strings.Contains(got, "script-src 'self'") {
			t.Errorf("GET %s: CSP %q", path, got)
		}
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q", path, got)
		}
	}
	code, body, _ := e.do("GET", "/", nil, nil)
	if code != http.StatusOK || !strings.Contains(string(body), "<title>dyad</title>") {
		t.Errorf("dashboard: %d %s", code, body)
	}
	var health map[string]string
	e.get("/healthz", &health)
	if health["status"] != "ok" {
		t.Errorf("healthz %v", health)
	}
	var st store.Stats
	e.get("/api/v1/stats", &st)
	if st.Articles != len(e.docs) || st.Events == 0 {
		t.Errorf("stats %+v", st)
	}
	mu.Lock()
	logs := logBuf.String()
	mu.Unlock()
	var found bool
	for line := range strings.SplitSeq(strings.TrimSpace(logs), "\n") {
		var rec struct {
			Msg, Method, Path string
			Status            int
			DurationMS        *float64 `json:"duration_ms"`
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if rec.Path == "/api/v1/events" && rec.Method == "GET" && rec.Status == 400 && rec.DurationMS != nil {
			found = true
		}
	}
	if !found {
		t.Errorf("no log record of the bad events request in:\n%s", logs)
	}
}

// lockedWriter serialises writes from the server's goroutines.
type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func TestQuotes(t *testing.T) {
	e := newEnv(t, nil)
	var all struct{ Quotes []store.QuoteHit }
	e.get("/api/v1/quotes?limit=1000", &all)
	n := 0
	for _, d := range e.docs {
		n += len(d.Quotes)
	}
	if len(all.Quotes) != n || n == 0 {
		t.Fatalf("%d quotes, want %d", len(all.Quotes), n)
	}
	speaker := ""
	for _, q := range all.Quotes {
		if q.Speaker != "" {
			speaker = q.Speaker
			break
		}
	}
	surname := strings.ToLower(speaker[strings.LastIndex(speaker, " ")+1:])
	var got struct{ Quotes []store.QuoteHit }
	e.get("/api/v1/quotes?speaker="+url.QueryEscape(surname), &got)
	if len(got.Quotes) == 0 {
		t.Fatalf("speaker=%s: nothing", surname)
	}
	for _, q := range got.Quotes {
		if !strings.Contains(strings.ToLower(q.Speaker), surname) {
			t.Errorf("speaker=%s: quote by %q", surname, q.Speaker)
		}
	}
	word := strings.Fields(got.Quotes[0].Text)[0]
	word = strings.Trim(word, `.,;:!?"'`)
	var byWord struct{ Quotes []store.QuoteHit }
	e.get("/api/v1/quotes?q="+url.QueryEscape(word), &byWord)
	if len(byWord.Quotes) == 0 || len(byWord.Quotes) == len(all.Quotes) {
		t.Errorf("q=%s: %d of %d quotes", word, len(byWord.Quotes), len(all.Quotes))
	}
	for _, q := range byWord.Quotes {
		if !strings.Contains(strings.ToLower(q.Text), strings.ToLower(word)) {
			t.Errorf("q=%s: quote %q", word, q.Text)
		}
	}
}

// TestCopies: a syndicated copy posted a day after the story links to it,
// the story lists its copy, and an unknown id is a 404.
func TestCopies(t *testing.T) {
	e := newEnv(t, nil)
	if code, out := post(e, datedJSON("story", "2017-03-03", article), nil); code != http.StatusCreated {
		t.Fatalf("POST story: %d %v", code, out)
	}
	if code, out := post(e, datedJSON("copy", "2017-03-04", article+"\n\nRead more world news on our site."), nil); code != http.StatusCreated {
		t.Fatalf("POST copy: %d %v", code, out)
	}
	var c struct {
		ID          string
		DuplicateOf *struct {
			ArticleID  string  `json:"article_id"`
			Similarity float64 `json:"similarity"`
		} `json:"duplicate_of"`
		Copies []string
	}
	e.get("/api/v1/articles/copy/copies", &c)
	if c.DuplicateOf == nil || c.DuplicateOf.ArticleID != "story" || c.DuplicateOf.Similarity < 0.5 {
		t.Errorf("copy: duplicate_of %+v, want the story", c.DuplicateOf)
	}
	e.get("/api/v1/articles/story/copies", &c)
	if c.DuplicateOf != nil || !slices.Contains(c.Copies, "copy") {
		t.Errorf("story: duplicate_of %+v, copies %v; want no link and the copy listed", c.DuplicateOf, c.Copies)
	}
	if code, _, _ := e.do("GET", "/api/v1/articles/nope/copies", nil, nil); code != http.StatusNotFound {
		t.Errorf("unknown article: %d, want 404", code)
	}
}

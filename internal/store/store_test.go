package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/ingest"
	"dyad/internal/store"
	"dyad/internal/store/storetest"
	"dyad/news"
	"dyad/pipeline"
)

// open opens a fresh store: SQLite in t.TempDir(), or a schema of its own
// on the PostgreSQL server named by DYAD_TEST_POSTGRES (see storetest).
func open(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), storetest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func gold(v float64) *float64 { return &v }

// ev builds an event between two actors.
func ev(src, tgt, code, date string) news.Event {
	return news.Event{
		Sentence:  0,
		Source:    &news.EventActor{Code: src, Text: src, Span: news.Span{0, 3}, Country: src[:3]},
		Target:    &news.EventActor{Code: tgt, Text: tgt, Span: news.Span{10, 13}, Country: tgt[:3]},
		Code:      code,
		Root:      code[:2],
		QuadClass: 1,
		Goldstein: gold(1),
		Date:      date,
		DateGrain: "day",
		Place:     &news.EventPlace{Name: "Moscow", Country: "RUS", Lat: 55.75, Lon: 37.62},
		Verb:      &news.Verb{Text: "met", Span: news.Span{4, 7}},
		Rule:      "verbs/cameo.txt:1",
		Modality:  "asserted",
	}
}

// doc builds a document with one sentence per event.
func doc(id, source, text string, events ...news.Event) news.Document {
	d := news.Document{
		ID: id, Source: source, Title: "Title " + id, Published: "2016-07-15", Language: "en", Text: text,
		Blocks:    []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}},
		Sentences: []news.Sentence{{Span: news.Span{0, len(text)}}},
		Entities:  []news.Entity{{Text: "Kerry", Span: news.Span{0, 5}, Type: "person", Name: "John Kerry", Actor: "USAGOV"}},
		Places:    []news.Place{{Text: "Moscow", Span: news.Span{0, 6}, Name: "Moscow", Country: "RUS", Feature: "city", Lat: 55.75, Lon: 37.62, Confidence: 0.9}},
		Times:     []news.Time{{Text: "Thursday", Span: news.Span{0, 8}, Value: "2016-07-14", Grain: "day", Start: "2016-07-14", End: "2016-07-14"}},
		Quotes:    []news.Quote{{Text: "We had frank talks about Syria", Span: news.Span{0, 5}, Kind: "direct", Speaker: "Sergei Lavrov", SpeakerActor: "RUSGOV"}},
		Events:    events,
		Warnings:  []string{},
	}
	return d
}

func save(t testing.TB, s *store.Store, d news.Document, source string) store.Saved {
	t.Helper()
	saved, err := s.SaveArticle(context.Background(), d, source)
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

func events(t testing.TB, s *store.Store, f store.EventFilter) []store.Event {
	t.Helper()
	es, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func TestMigrationsApplyOnce(t *testing.T) {
	ctx := context.Background()
	path := storetest.DSN(t)
	var first []store.Migration
	for i := range 2 {
		s, err := store.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		ms, err := s.Migrations(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = ms
		} else if diff := cmp.Diff(first, ms); diff != "" {
			t.Errorf("migrations changed on reopen (-first +second):\n%s", diff)
		}
		s.Close()
	}
	var names []string
	for _, m := range first {
		names = append(names, m.Version)
	}
	// Every migration file, in name order, whatever the backend runs for it.
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(files) < 3 {
		t.Fatalf("migration files %v, %v", files, err)
	}
	var want []string
	for _, f := range files {
		want = append(want, filepath.Base(f))
	}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("applied migrations (-want +got):\n%s", diff)
	}
}

func TestRoundTrip(t *testing.T) {
	s := open(t)
	d := doc("a1", "VOA", "Kerry met Putin in Moscow on Thursday.", ev("USAGOV", "RUSGOV", "040", "2016-07-14"))
	save(t, s, d, "")
	got, ok, err := s.Article(context.Background(), "a1")
	if err != nil || !ok {
		t.Fatalf("Article: %v %v", ok, err)
	}
	if diff := cmp.Diff(d, got); diff != "" {
		t.Errorf("round trip (-saved +loaded):\n%s", diff)
	}
	if _, ok, err := s.Article(context.Background(), "nope"); ok || err != nil {
		t.Errorf("missing article: %v %v", ok, err)
	}
}

func TestIdempotentResave(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	d := doc("a1", "VOA", "Kerry met Putin.", ev("USAGOV", "RUSGOV", "040", "2016-07-14"), ev("RUSGOV", "USAGOV", "040", "2016-07-14"))
	first := save(t, s, d, "")
	before, _ := s.Stats(ctx)
	again := save(t, s, d, "")
	after, _ := s.Stats(ctx)
	if first.Mentions != 2 || first.NewEvents != 2 || !again.Unchanged {
		t.Errorf("first %+v, again %+v", first, again)
	}
	if before != after {
		t.Errorf("stats changed on re-save: %+v -> %+v", before, after)
	}
	for _, e := range events(t, s, store.EventFilter{}) {
		if e.NumMentions != 1 || e.NumArticles != 1 {
			t.Errorf("event %d counts after re-save: %+v", e.ID, e)
		}
	}

	// A new text replaces the article: its old events go, the new ones come.
	d2 := doc("a1", "VOA", "Kerry criticised Putin.", ev("USAGOV", "RUSGOV", "111", "2016-07-14"))
	if sv := save(t, s, d2, ""); sv.Unchanged || sv.NewEvents != 1 {
		t.Errorf("replace: %+v", sv)
	}
	es := events(t, s, store.EventFilter{})
	if len(es) != 1 || es[0].Code != "111" || es[0].NumMentions != 1 {
		t.Errorf("after replace: %+v", es)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 1 || st.Mentions != 1 || st.Quotes != 1 {
		t.Errorf("stats after replace: %+v", st)
	}
}

func TestMerge(t *testing.T) {
	base := ev("USAGOV", "RUSGOV", "040", "2016-07-14")
	withDate := func(e news.Event, date, grain string) news.Event { e.Date, e.DateGrain = date, grain; return e }
	withCode := func(e news.Event, code string) news.Event { e.Code = code; return e }
	withPlace := func(e news.Event, p *news.EventPlace) news.Event { e.Place = p; return e }
	withModality := func(e news.Event, m string) news.Event { e.Modality = m; return e }
	tests := []struct {
		name    string
		a, b    news.Event
		srcB    string
		events  int
		sources int // of the merged event, when merged
	}{
		{"same event, two outlets", base, base, "Reuters", 1, 2},
		{"same event, same outlet", base, base, "VOA", 1, 1},
		{"same day, hour grain", base, withDate(base, "2016-07-14T21", "hour"), "Reuters", 1, 2},
		{"place case differs", base, withPlace(base, &news.EventPlace{Name: "moscow", Country: "RUS"}), "Reuters", 1, 2},
		{"reported merges with asserted", base, withModality(base, "reported"), "Reuters", 1, 2},
		{"other day", base, withDate(base, "2016-07-15", "day"), "Reuters", 2, 0},
		{"week is not its day", withDate(base, "2016-W28", "week"), base, "Reuters", 2, 0},
		{"same week", withDate(base, "2016-W28", "week"), withDate(base, "2016-W28", "week"), "Reuters", 1, 2},
		{"other code", base, withCode(base, "042"), "Reuters", 2, 0},
		{"other place", base, withPlace(base, &news.EventPlace{Name: "Kyiv", Country: "UKR"}), "Reuters", 2, 0},
		{"place and none", base, withPlace(base, nil), "Reuters", 2, 0},
		{"negated apart", base, withModality(base, "negated"), "Reuters", 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			save(t, s, doc("a", "VOA", "text a", tt.a), "")
			sv := save(t, s, doc("b", "", "text b", tt.b), tt.srcB)
			es := events(t, s, store.EventFilter{})
			if len(es) != tt.events {
				t.Fatalf("got %d events, want %d: %+v", len(es), tt.events, es)
			}
			if tt.events != 1 {
				if sv.NewEvents != 1 {
					t.Errorf("second save made %d new events, want 1", sv.NewEvents)
				}
				return
			}
			e := es[0]
			if e.NumMentions != 2 || e.NumArticles != 2 || e.NumSources != tt.sources || sv.NewEvents != 0 {
				t.Errorf("merged event counts: mentions %d articles %d sources %d (want 2 2 %d), new %d",
					e.NumMentions, e.NumArticles, e.NumSources, tt.sources, sv.NewEvents)
			}
			full, ok, err := s.Event(context.Background(), e.ID)
			if err != nil || !ok || len(full.Mentions) != 2 {
				t.Fatalf("Event(%d): %v %v %+v", e.ID, ok, err, full.Mentions)
			}
			if m := full.Mentions[0]; m.ArticleID != "a" || m.Rule != "verbs/cameo.txt:1" || m.VerbSpan == nil || *m.VerbSpan != (news.Span{4, 7}) {
				t.Errorf("first mention: %+v", m)
			}
		})
	}
}

func TestUndatedUnpublishedNotMerged(t *testing.T) {
	s := open(t)
	e := ev("USAGOV", "RUSGOV", "040", "")
	a, b := doc("a", "VOA", "a", e), doc("b", "AFP", "b", e)
	a.Published, b.Published = "", ""
	save(t, s, a, "")
	save(t, s, b, "")
	if es := events(t, s, store.EventFilter{}); len(es) != 2 {
		t.Errorf("undated events of unpublished articles merged: %+v", es)
	}
}

func TestCaptionDuplicate(t *testing.T) {
	s := open(t)
	body := ev("USAGOV", "RUSGOV", "040", "2016-07-14")
	caption := body
	caption.FromCaption = true
	lone := ev("USAGOV", "RUSGOV", "111", "2016-07-14")
	lone.FromCaption = true
	sv := save(t, s, doc("a", "VOA", "text", caption, body, lone), "")
	if sv.Mentions != 2 || sv.Skipped != 1 || sv.NewEvents != 2 {
		t.Errorf("saved %+v, want 2 mentions, 1 skipped, 2 new events", sv)
	}
	for _, e := range events(t, s, store.EventFilter{}) {
		if e.NumMentions != 1 {
			t.Errorf("event %s has %d mentions, want 1", e.Code, e.NumMentions)
		}
	}
}

func TestFilters(t *testing.T) {
	s := open(t)
	e3 := ev("ISRGOV", "PSEREB", "190", "2016-08-01")
	e3.QuadClass, e3.Place = 4, &news.EventPlace{Name: "Gaza", Country: "PSE"}
	save(t, s, doc("a", "VOA", "Kerry met Putin in Moscow to discuss Syria.", ev("USAGOV", "RUSGOV", "040", "2016-07-14"), ev("RUSGOV", "USAGOV", "042", "2016-07-15")), "")
	save(t, s, doc("b", "AFP", "Israeli forces shelled Gaza overnight.", e3), "")
	save(t, s, doc("c", "AFP", "Putin met Kerry again, officials said.", ev("USAGOV", "RUSGOV", "040", "2016-07-14")), "")
	tests := []struct {
		name string
		f    store.EventFilter
		want []string // codes, in order
	}{
		{"all, newest first", store.EventFilter{}, []string{"190", "042", "040"}},
		{"oldest first", store.EventFilter{Sort: "-date"}, []string{"040", "042", "190"}},
		{"by mentions", store.EventFilter{Sort: "mentions", Limit: 1}, []string{"040"}},
		{"actor prefix", store.EventFilter{Actor: "usa"}, []string{"042", "040"}},
		{"source", store.EventFilter{Source: "RUS"}, []string{"042"}},
		{"target", store.EventFilter{Target: "PSE"}, []string{"190"}},
		{"country of place", store.EventFilter{Country: "PSE"}, []string{"190"}},
		{"code", store.EventFilter{Code: "042"}, []string{"042"}},
		{"root", store.EventFilter{Root: "04"}, []string{"042", "040"}},
		{"quad class", store.EventFilter{QuadClass: 4}, []string{"190"}},
		{"from", store.EventFilter{From: "2016-07-15"}, []string{"190", "042"}},
		{"to", store.EventFilter{To: "2016-07-14"}, []string{"040"}},
		{"min mentions", store.EventFilter{MinMentions: 2}, []string{"040"}},
		{"full text", store.EventFilter{Q: "shelled gaza"}, []string{"190"}},
		{"full text, two articles", store.EventFilter{Q: "kerry"}, []string{"042", "040"}},
		{"full text, no match", store.EventFilter{Q: "zebra"}, nil},
		{"full text syntax is literal", store.EventFilter{Q: `"kerry OR NEAR(`}, nil},
		{"paging", store.EventFilter{Limit: 1, Offset: 1}, []string{"042"}},
		{"wildcards literal", store.EventFilter{Actor: "%"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, e := range events(t, s, tt.f) {
				got = append(got, e.Code)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("codes (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := s.Events(context.Background(), store.EventFilter{Sort: "x; DROP TABLE events"}); err == nil {
		t.Error("bad sort accepted")
	}
}

func TestQuotes(t *testing.T) {
	s := open(t)
	a := doc("a", "VOA", "text a")
	b := doc("b", "AFP", "text b")
	b.Quotes = []news.Quote{{Text: "Sanctions will follow", Span: news.Span{0, 4}, Kind: "direct", Speaker: "Jen Psaki"}}
	save(t, s, a, "")
	save(t, s, b, "")
	tests := []struct {
		speaker, q string
		want       []string
	}{
		{"", "", []string{"a", "b"}},
		{"lavrov", "", []string{"a"}},
		{"", "sanctions", []string{"b"}},
		{"psaki", "syria", nil},
		{"", "frank syria", []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.speaker+"/"+tt.q, func(t *testing.T) {
			hits, err := s.Quotes(context.Background(), tt.speaker, tt.q, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.ArticleID)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("articles (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFailures(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	for _, f := range [][2]string{{"a.jsonl:3", "bad JSON"}, {"b.html", "empty body"}, {"a.jsonl:3", "bad JSON again"}} {
		if err := s.RecordFailure(ctx, f[0], f[1]); err != nil {
			t.Fatal(err)
		}
	}
	fs, err := s.Failures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]string
	for _, f := range fs {
		got = append(got, [2]string{f.Origin, f.Reason})
		if f.At == "" {
			t.Errorf("failure %s has no time", f.Origin)
		}
	}
	if diff := cmp.Diff([][2]string{{"a.jsonl:3", "bad JSON again"}, {"b.html", "empty body"}}, got); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
}

// coded codes the test articles with the real pipeline.
func coded(t testing.TB) []news.Document {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var ds []news.Document
	err = ingest.Read(ctx, []string{"../../testdata/articles"}, nil, ingest.Options{}, func(r ingest.Record) error {
		if r.Err != nil {
			return r.Err
		}
		d, err := p.Process(ctx, r.Article)
		if err != nil {
			return err
		}
		ds = append(ds, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestPipelineDocuments(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	ds := coded(t)
	mentions := 0
	for _, d := range ds {
		sv := save(t, s, d, "")
		mentions += sv.Mentions
		got, ok, err := s.Article(ctx, d.ID)
		if err != nil || !ok {
			t.Fatalf("Article(%s): %v %v", d.ID, ok, err)
		}
		if diff := cmp.Diff(d, got); diff != "" {
			t.Errorf("%s round trip (-saved +loaded):\n%s", d.ID, diff)
		}
	}
	before, _ := s.Stats(ctx)
	for _, d := range ds {
		if sv := save(t, s, d, ""); !sv.Unchanged {
			t.Errorf("%s: re-save not unchanged: %+v", d.ID, sv)
		}
	}
	after, _ := s.Stats(ctx)
	if before != after || after.Articles != len(ds) || after.Mentions != mentions || mentions == 0 {
		t.Errorf("stats %+v then %+v; %d articles, %d mentions", before, after, len(ds), mentions)
	}
	if es := events(t, s, store.EventFilter{Q: "Lavrov"}); len(es) == 0 {
		t.Error("no event found by full text Lavrov")
	}
	// Every mention's spans point into its article's text.
	for _, e := range events(t, s, store.EventFilter{Limit: 1000}) {
		full, _, err := s.Event(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range full.Mentions {
			d, _, _ := s.Article(ctx, m.ArticleID)
			if m.SourceSpan != nil && m.SourceSpan.Text(d.Text) != m.SourceText {
				t.Errorf("event %d: source span %v is %q, want %q", e.ID, *m.SourceSpan, m.SourceSpan.Text(d.Text), m.SourceText)
			}
		}
	}
}

func BenchmarkSaveArticle(b *testing.B) {
	ds := coded(b)
	s := open(b)
	ctx := context.Background()
	n := 0
	for b.Loop() {
		d := ds[n%len(ds)]
		d.ID = fmt.Sprintf("%s-%d", d.ID, n)
		if _, err := s.SaveArticle(ctx, d, ""); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkCode codes the same articles without storing them, for comparison.
func BenchmarkCode(b *testing.B) {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	var as []news.Article
	ctx := context.Background()
	if err := ingest.Read(ctx, []string{"../../testdata/articles"}, nil, ingest.Options{}, func(r ingest.Record) error {
		as = append(as, r.Article)
		return r.Err
	}); err != nil {
		b.Fatal(err)
	}
	n := 0
	for b.Loop() {
		if _, err := p.Process(ctx, as[n%len(as)]); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

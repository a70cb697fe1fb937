package demo

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"dyad/internal/store"
	"dyad/news"
	"dyad/pipeline"
)

var dump = flag.Bool("dump", false, "print every coded event, place and quote of the corpus")

func TestArticlesMetadata(t *testing.T) {
	arts, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 32 {
		t.Errorf("%d articles, want at least 32", len(arts))
	}
	ids := map[string]bool{}
	sources := map[string]bool{}
	formats := map[string]int{}
	var first, last time.Time
	for _, a := range arts {
		if a.ID == "" || a.URL == "" || a.Source == "" || a.Title == "" || a.Origin == "" {
			t.Errorf("%s: missing metadata: %+v", a.Origin, a)
		}
		if ids[a.ID] {
			t.Errorf("%s: id %q used twice", a.Origin, a.ID)
		}
		ids[a.ID] = true
		sources[a.Source] = true
		p, err := news.ParseDate(a.Published)
		if err != nil {
			t.Errorf("%s: %v", a.Origin, err)
		}
		if first.IsZero() || p.Before(first) {
			first = p
		}
		if p.After(last) {
			last = p
		}
		if a.Format != news.FormatText && a.Format != news.FormatHTML {
			t.Errorf("%s: format %q", a.Origin, a.Format)
		}
		formats[filepath.Ext(a.Origin)]++
		if words := len(strings.Fields(string(a.Body))); words < 100 || words > 1200 {
			t.Errorf("%s: %d words, want 100 to 900 of prose", a.Origin, words)
		}
	}
	if formats[".html"] < 5 || formats[".json"] < 3 || formats[".txt"] < 20 {
		t.Errorf("formats %v, want at least 5 HTML pages, 3 JSON records and 20 plain texts", formats)
	}
	if len(sources) < 6 {
		t.Errorf("%d outlets, want at least 6", len(sources))
	}
	if weeks := last.Sub(first).Hours() / 24 / 7; weeks < 5 || weeks > 7.5 {
		t.Errorf("published from %s to %s (%.1f weeks), want 5 to 7", first, last, weeks)
	}
}

func TestLoadErrors(t *testing.T) {
	const head = "# comment\nfile\tid\tsource\tpublished\turl\ttitle\n"
	row := func(file, id, published string) string {
		return file + "\t" + id + "\tWire\t" + published + "\thttps://x.example/" + id + "\tTitle " + id + "\n"
	}
	good := `{"id": "b", "title": "Title b", "text": "Body of b."}`
	tests := []struct {
		name  string
		files map[string]string
		want  string // the error starts with this
	}{
		{"no manifest", map[string]string{"a.txt": "x"}, "demo corpus: open a/index.tsv"},
		{"bad header", map[string]string{"index.tsv": "file\tid\n"}, "a/index.tsv:1: header is"},
		{"no header", map[string]string{"index.tsv": "# nothing\n"}, "a/index.tsv: no header line"},
		{"short row", map[string]string{"index.tsv": head + "a.txt\tx\n", "a.txt": "x"}, "a/index.tsv:3: 2 fields, want 6"},
		{"empty field", map[string]string{"index.tsv": head + "a.txt\t\tW\t2020-01-01\tu\tt\n", "a.txt": "x"}, "a/index.tsv:3: empty id"},
		{"bad date", map[string]string{"index.tsv": head + row("a.txt", "a", "1 Oct 2020"), "a.txt": "x"}, "a/index.tsv:3: published:"},
		{"missing file", map[string]string{"index.tsv": head + row("a.txt", "a", "2020-10-01")}, "a/index.tsv:3: file a.txt does not exist"},
		{"path in name", map[string]string{"index.tsv": head + row("../a.txt", "a", "2020-10-01")}, "a/index.tsv:3: file \"../a.txt\" is not a plain file name"},
		{"duplicate id", map[string]string{
			"index.tsv": head + row("a.txt", "a", "2020-10-01") + "\n" + row("b.txt", "a", "2020-10-02"),
			"a.txt":     "x", "b.txt": "y",
		}, "a/index.tsv:5: id \"a\" already used on line 3"},
		{"unlisted file", map[string]string{"index.tsv": head + row("a.txt", "a", "2020-10-01"), "a.txt": "x", "z.txt": "y"}, "a/z.txt: not listed in a/index.tsv"},
		{"unknown format", map[string]string{"index.tsv": head + row("a.pdf", "a", "2020-10-01"), "a.pdf": "x"}, "a/index.tsv:3: unknown format \".pdf\""},
		{"empty body", map[string]string{"index.tsv": head + row("a.txt", "a", "2020-10-01"), "a.txt": " \n"}, "a/a.txt: empty article"},
		{"json syntax", map[string]string{"index.tsv": head + row("b.json", "b", "2020-10-01"), "b.json": "{\n\"id\": \"b\",\n\"text\": oops\n}"}, "a/b.json:3: invalid character"},
		{"json unknown field", map[string]string{"index.tsv": head + row("b.json", "b", "2020-10-01"), "b.json": "{\"id\": \"b\",\n\"txt\": \"x\"}"}, "a/b.json:2: json: unknown field"},
		{"json disagrees", map[string]string{"index.tsv": head + row("b.json", "b", "2020-10-01"), "b.json": "{\"id\": \"b\",\n\"title\": \"Other\", \"text\": \"x\"}"}, "a/b.json:2: title \"Other\" differs from the manifest's \"Title b\""},
		{"json no body", map[string]string{"index.tsv": head + row("b.json", "b", "2020-10-01"), "b.json": `{"id": "b"}`}, "a/b.json:1: neither text nor html"},
		{"json both bodies", map[string]string{"index.tsv": head + row("b.json", "b", "2020-10-01"), "b.json": "{\"text\": \"x\",\n\"html\": \"<p>x</p>\"}"}, "a/b.json:2: both text and html"},
		{"json two values", map[string]string{"index.tsv": head + row("b.json", "b", "2020-10-01"), "b.json": good + "\n" + good}, "a/b.json:2: more than one JSON value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, body := range tt.files {
				fsys["a/"+name] = &fstest.MapFile{Data: []byte(body)}
			}
			_, err := load(fsys, "a")
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("load: %v, want an error starting %q", err, tt.want)
			}
		})
	}
}

func TestLoadFormats(t *testing.T) {
	fsys := fstest.MapFS{
		"d/index.tsv": {Data: []byte("file\tid\tsource\tpublished\turl\ttitle\r\n" +
			"p.html\tp\tHerald\t2020-10-02T10:00:00+04:00\thttps://h.example/p\tPage\r\n" +
			"r.json\tr\tWire\t2020-10-01\thttps://w.example/r\tRecord\r\n")},
		"d/p.html": {Data: []byte("<html><body><p>Hello.</p></body></html>")},
		"d/r.json": {Data: []byte(`{"id": "r", "source": "Wire", "html": "<p>Record body.</p>"}`)},
	}
	arts, err := load(fsys, "d")
	if err != nil {
		t.Fatal(err)
	}
	want := []news.Article{
		{ID: "p", URL: "https://h.example/p", Source: "Herald", Title: "Page", Published: "2020-10-02T10:00:00+04:00",
			Format: news.FormatHTML, Body: []byte("<html><body><p>Hello.</p></body></html>"), Origin: "demo/d/p.html"},
		{ID: "r", URL: "https://w.example/r", Source: "Wire", Title: "Record", Published: "2020-10-01",
			Format: news.FormatHTML, Body: []byte("<p>Record body.</p>"), Origin: "demo/d/r.json"},
	}
	if len(arts) != len(want) {
		t.Fatalf("%d articles, want %d", len(arts), len(want))
	}
	for i := range want {
		if fmt.Sprintf("%+v", arts[i]) != fmt.Sprintf("%+v", want[i]) {
			t.Errorf("article %d:\n got %+v\nwant %+v", i, arts[i], want[i])
		}
	}
}

// TestCorpusCodes codes the whole corpus with the real pipeline, stores it in
// a real SQLite database and checks that it gives the dashboard something to
// show: many events, events merged across outlets, places in many countries,
// weeks of event dates and attributed quotes.
func TestCorpusCodes(t *testing.T) {
	if testing.Short() {
		t.Skip("codes the whole corpus")
	}
	ctx := context.Background()
	arts, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	docs := make([]news.Document, 0, len(arts))
	docEvents := 0
	for _, a := range arts {
		d, err := p.Process(ctx, a)
		if err != nil {
			t.Fatalf("%s: %v", a.Origin, err)
		}
		if d.ID != a.ID || d.Source != a.Source || d.Published == "" {
			t.Errorf("%s: coded as id %q, source %q, published %v", a.Origin, d.ID, d.Source, d.Published)
		}
		if len(d.Events) == 0 {
			t.Errorf("%s: no events coded", a.Origin)
		}
		docEvents += len(d.Events)
		if *dump {
			dumpDoc(t, a, d)
		}
		docs = append(docs, d)
	}

	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, errs := s.SaveArticles(ctx, docs, "")
	for i, err := range errs {
		if err != nil {
			t.Errorf("%s: %v", arts[i].Origin, err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var events []store.Event
	for off := 0; ; off += 1000 {
		page, err := s.Events(ctx, store.EventFilter{Limit: 1000, Offset: off, Sort: "-date"})
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, page...)
		if len(page) < 1000 {
			break
		}
	}
	merged, multiSource := 0, 0
	eventCountries := map[string]bool{}
	var firstDay, lastDay string
	for _, e := range events {
		if e.NumArticles >= 2 {
			merged++
		}
		if e.NumSources >= 2 {
			multiSource++
		}
		if e.PlaceCountry != "" {
			eventCountries[e.PlaceCountry] = true
		}
		if e.Modality != "asserted" || (e.DateGrain != "day" && e.DateGrain != "hour") {
			continue // only what happened, not what was planned, spans the weeks
		}
		day := e.Date[:min(len(e.Date), 10)]
		if firstDay == "" || day < firstDay {
			firstDay = day
		}
		if day > lastDay {
			lastDay = day
		}
	}
	placeCountries := map[string]bool{}
	for _, d := range docs {
		for _, pl := range d.Places {
			if pl.Country != "" {
				placeCountries[pl.Country] = true
			}
		}
	}
	quotes, err := s.Quotes(ctx, "", "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	withSpeaker := 0
	for _, q := range quotes {
		if q.Speaker != "" {
			withSpeaker++
		}
	}
	t.Logf("%d articles: %d coded events, %d stored events (%d mentions), %d merged across articles, %d across outlets",
		st.Articles, docEvents, st.Events, st.Mentions, merged, multiSource)
	t.Logf("places in %d countries %v; event places in %d countries %v", len(placeCountries), keys(placeCountries), len(eventCountries), keys(eventCountries))
	t.Logf("asserted event days %s to %s; %d quotes, %d with a speaker", firstDay, lastDay, len(quotes), withSpeaker)

	if st.Articles != len(arts) {
		t.Errorf("%d articles stored, want %d", st.Articles, len(arts))
	}
	if st.Events < 150 {
		t.Errorf("%d events stored, want at least 150", st.Events)
	}
	if merged < 5 || multiSource < 3 {
		t.Errorf("%d events reported by several articles and %d by several outlets, want at least 5 and 3", merged, multiSource)
	}
	if len(placeCountries) < 8 {
		t.Errorf("places in %d countries, want at least 8", len(placeCountries))
	}
	if len(eventCountries) < 8 {
		t.Errorf("event places in %d countries, want at least 8", len(eventCountries))
	}
	first, err1 := time.Parse(time.DateOnly, firstDay)
	last, err2 := time.Parse(time.DateOnly, lastDay)
	if err1 != nil || err2 != nil || last.Sub(first) < 4*7*24*time.Hour {
		t.Errorf("asserted events from %q to %q, want a span of at least 4 weeks", firstDay, lastDay)
	}
	if withSpeaker < 20 {
		t.Errorf("%d quotes with a speaker, want at least 20", withSpeaker)
	}
}

// keys lists a set's members in order.
func keys(m map[string]bool) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// dumpDoc logs what was coded from one article, for writing the corpus.
func dumpDoc(t *testing.T, a news.Article, d news.Document) {
	t.Logf("== %s (%s)", a.Origin, d.Published)
	for _, e := range d.Events {
		src, tgt, place := "-", "-", "-"
		if e.Source != nil {
			src = e.Source.Code
		}
		if e.Target != nil {
			tgt = e.Target.Code
		}
		if e.Place != nil {
			place = e.Place.Name + "/" + e.Place.Country
		}
		verb := ""
		if e.Verb != nil {
			verb = e.Verb.Text
		}
		t.Logf("   %s %s→%s %s %s %q %s", e.Code, src, tgt, e.Date, place, verb, e.Modality)
	}
	for _, q := range d.Quotes {
		t.Logf("   quote %q ← %q", q.Text[:min(len(q.Text), 40)], q.Speaker)
	}
}

package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"

	"dyad/internal/corpus"
	"dyad/internal/export"
	"dyad/internal/store"
	"dyad/news"
	"dyad/pipeline"
)

// articles are written for these tests. The second and third report the
// same meeting (one merged event, two mentions); the em dashes and the
// accented name make character offsets differ from byte offsets.
var articles = []news.Article{
	{ID: "art-ankara", URL: "https://www.example-news.org/2021/03/ankara-talks", Source: "Example News",
		Title: "Turkey and Greece hold talks", Published: "2021-03-16", Format: news.FormatText,
		Body: []byte("ANKARA — Turkish Foreign Minister Mevlut Çavuşoğlu met Greek Foreign Minister Nikos Dendias in Ankara on Tuesday to discuss maritime borders.\n\n" +
			"The Greek government accused Turkey of sending survey ships into disputed waters last month.\n\n" +
			"\"We want calm seas,\" Dendias told reporters after the meeting.")},
	{ID: "art-ankara-2", Source: "Wire Desk", Title: "Ministers meet", Published: "2021-03-17", Format: news.FormatText,
		Body: []byte("ANKARA — Turkish Foreign Minister Mevlut Çavuşoğlu met Greek Foreign Minister Nikos Dendias in Ankara on Tuesday, officials said.\n\n" +
			"Hamas fighters in the Gaza Strip fired rockets at Israel on Monday, the Israeli army said.")},
	{ID: "art-kyiv", URL: "https://daily.example.com/world/kyiv", Source: "Daily Example",
		Title: "Ukraine accuses Russia", Published: "2022-02-10", Format: news.FormatText,
		Body: []byte("KYIV — Ukraine accused Russia on Wednesday of massing troops near the border, and the Ukrainian president appealed to NATO for help.\n\n" +
			"Russia denied the charge. Moscow said its soldiers were holding routine drills in Belarus.")},
}

// fixture codes the articles with the real pipeline into a fresh SQLite
// store and returns it with the coded documents.
func fixture(t *testing.T) (*store.Store, map[string]news.Document) {
	t.Helper()
	ctx := context.Background()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	docs := map[string]news.Document{}
	for _, a := range articles {
		d, err := p.Process(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Events) == 0 {
			t.Fatalf("%s: no events coded; the fixture needs some", a.ID)
		}
		if _, err := st.SaveArticle(ctx, d, ""); err != nil {
			t.Fatal(err)
		}
		docs[d.ID] = d
	}
	return st, docs
}

func run(t *testing.T, st *store.Store, opt export.Options) (string, int) {
	t.Helper()
	var b bytes.Buffer
	n, err := export.Write(context.Background(), st, &b, opt)
	if err != nil {
		t.Fatalf("export %s: %v", opt.Format, err)
	}
	return b.String(), n
}

func readTSV(t *testing.T, s string, cols int) [][]string {
	t.Helper()
	r := csv.NewReader(strings.NewReader(s))
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = cols
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	return rows
}

// allEvents lists every stored event.
func allEvents(t *testing.T, st *store.Store) map[int64]store.Event {
	t.Helper()
	es, err := st.Events(context.Background(), store.EventFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	m := map[int64]store.Event{}
	for _, e := range es {
		m[e.ID] = e
	}
	return m
}

var (
	intRe    = regexp.MustCompile(`^-?[0-9]+$`)
	yyyymmdd = regexp.MustCompile(`^(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$`)
	stampRe  = regexp.MustCompile(`^20[0-9]{12}$`)
	cameoRe  = regexp.MustCompile(`^[0-9]{2,4}$`)
	isFloat  = func(s string) bool { _, err := strconv.ParseFloat(s, 64); return err == nil }
)

func TestGDELTEvents(t *testing.T) {
	st, docs := fixture(t)
	out, n := run(t, st, export.Options{Format: export.GDELTEvents})
	rows := readTSV(t, out, export.GDELTEventColumns)
	stored := allEvents(t, st)
	if n != len(rows) || len(rows) != len(stored) {
		t.Fatalf("%d rows (reported %d), %d stored events", len(rows), n, len(stored))
	}
	ints := []int{0, 1, 2, 3, 25, 29, 31, 32, 33, 59}
	floats := []int{4, 30, 56, 57}
	merged := false
	for _, r := range rows {
		for _, c := range ints {
			if r[c] != "" && !intRe.MatchString(r[c]) {
				t.Errorf("event %s column %d = %q, want an integer", r[0], c+1, r[c])
			}
		}
		for _, c := range floats {
			if r[c] != "" && !isFloat(r[c]) {
				t.Errorf("event %s column %d = %q, want a float", r[0], c+1, r[c])
			}
		}
		id, _ := strconv.ParseInt(r[0], 10, 64)
		e, ok := stored[id]
		if !ok {
			t.Fatalf("row for unknown event %s", r[0])
		}
		if len(e.Date) >= 10 && r[1] != strings.ReplaceAll(e.Date[:10], "-", "") {
			t.Errorf("event %d: SQLDATE %q for date %s", id, r[1], e.Date)
		}
		if r[1] != "" && (!yyyymmdd.MatchString(r[1]) || r[2] != r[1][:6] || r[3] != r[1][:4] || !strings.HasPrefix(r[4], r[3]+".")) {
			t.Errorf("event %d: dates %q %q %q %q", id, r[1], r[2], r[3], r[4])
		}
		if r[5] != e.SourceCode || r[15] != e.TargetCode || r[26] != e.Code || r[28] != e.Root || !cameoRe.MatchString(r[26]) {
			t.Errorf("event %d: actors/code %q %q %q %q, stored %+v", id, r[5], r[15], r[26], r[28], e)
		}
		if !strings.HasPrefix(r[26], r[27]) || len(r[27]) > 3 || !strings.HasPrefix(r[27], r[28]) {
			t.Errorf("event %d: code %q base %q root %q", id, r[26], r[27], r[28])
		}
		if e.SourceCountry != "" && (r[7] != e.SourceCountry || !strings.HasPrefix(r[5], r[7])) {
			t.Errorf("event %d: Actor1CountryCode %q, code %q", id, r[7], r[5])
		}
		if q, _ := strconv.Atoi(r[29]); q < 1 || q > 4 || q != e.QuadClass {
			t.Errorf("event %d: QuadClass %q", id, r[29])
		}
		if g, err := strconv.ParseFloat(r[30], 64); err != nil || g < -10 || g > 10 || e.Goldstein == nil || g != *e.Goldstein {
			t.Errorf("event %d: Goldstein %q", id, r[30])
		}
		if r[31] != strconv.Itoa(e.NumMentions) || r[33] != strconv.Itoa(e.NumArticles) {
			t.Errorf("event %d: counts %q %q", id, r[31], r[33])
		}
		if e.NumArticles > 1 {
			merged = true
		}
		if r[25] != "0" && r[25] != "1" {
			t.Errorf("event %d: IsRootEvent %q", id, r[25])
		}
		if e.PlaceName != "" {
			if r[52] != e.PlaceName || r[56] != strconv.FormatFloat(*e.Lat, 'f', -1, 64) || r[51] == "" {
				t.Errorf("event %d: ActionGeo %q type %q lat %q, stored %s", id, r[52], r[51], r[56], e.PlaceName)
			}
		} else if r[51] != "" || r[52] != "" || r[56] != "" {
			t.Errorf("event %d: ActionGeo without a place: %q", id, r[51:60])
		}
		if !stampRe.MatchString(r[59]) {
			t.Errorf("event %d: DATEADDED %q", id, r[59])
		}
		if r[60] == "" {
			t.Errorf("event %d: no SOURCEURL", id)
		}
	}
	if !merged {
		t.Error("no event merged from two articles; the fixture should have one")
	}
	// The Ankara meeting: Turkish minister meets Greek minister in Ankara.
	var meet []string
	for _, r := range rows {
		if r[26] == "040" && r[5] == "TURGOV" {
			meet = r
		}
	}
	if meet == nil {
		t.Fatalf("no TURGOV 040 event in\n%s", out)
	}
	want := map[int]string{7: "TUR", 12: "GOV", 17: "GRC", 22: "GOV", 25: "1", 51: "4", 52: "Ankara", 60: "https://www.example-news.org/2021/03/ankara-talks"}
	for c, v := range want {
		if meet[c] != v {
			t.Errorf("Ankara meeting column %d = %q, want %q", c+1, meet[c], v)
		}
	}
	// Actor1Name is the name of the person behind "Turkish Foreign Minister".
	names := map[string]bool{}
	for _, d := range docs {
		for _, e := range d.Entities {
			if e.Actor == "TURGOV" && e.Type == "person" {
				names[strings.ToUpper(e.Name)] = true
			}
		}
	}
	if !names[meet[6]] {
		t.Errorf("Actor1Name %q, want one of %v", meet[6], names)
	}

}

func TestGDELTMentions(t *testing.T) {
	st, docs := fixture(t)
	out, n := run(t, st, export.Options{Format: export.GDELTMentions})
	rows := readTSV(t, out, export.GDELTMentionColumns)
	total := 0
	for _, d := range docs {
		total += len(d.Events)
	}
	stored := allEvents(t, st)
	if n != len(rows) || len(rows) == 0 || len(rows) > total {
		t.Fatalf("%d rows (reported %d) for %d coded events", len(rows), n, total)
	}
	nonASCII := false
	for _, r := range rows {
		id, _ := strconv.ParseInt(r[0], 10, 64)
		if _, ok := stored[id]; !ok {
			t.Errorf("mention of unknown event %s", r[0])
		}
		for _, c := range []int{1, 2} {
			if !stampRe.MatchString(r[c]) {
				t.Errorf("column %d = %q, want YYYYMMDDHHMMSS", c+1, r[c])
			}
		}
		var doc news.Document
		for _, d := range docs {
			if r[5] == d.URL || strings.HasSuffix(r[5], "("+d.ID+")") {
				doc = d
			}
		}
		if doc.ID == "" {
			t.Fatalf("mention identifier %q names no article", r[5])
		}
		if doc.URL != "" && (r[3] != "1" || !strings.Contains(doc.URL, r[4])) || doc.URL == "" && (r[3] != "2" || r[4] != doc.Source) {
			t.Errorf("%s: MentionType %q SourceName %q", doc.ID, r[3], r[4])
		}
		if r[12] != strconv.Itoa(utf8.RuneCountInString(doc.Text)) {
			t.Errorf("%s: MentionDocLen %q", doc.ID, r[12])
		}
		sent, _ := strconv.Atoi(r[6])
		if sent < 1 || sent > len(doc.Sentences) {
			t.Fatalf("%s: SentenceID %q", doc.ID, r[6])
		}
		// Find the coded event this mention is, and check every offset
		// points at its text, counted in characters.
		runes := []rune(doc.Text)
		at := func(off string, text string) bool {
			o, err := strconv.Atoi(off)
			return err == nil && o >= 0 && o+utf8.RuneCountInString(text) <= len(runes) && string(runes[o:o+utf8.RuneCountInString(text)]) == text
		}
		found := false
		for _, e := range doc.Events {
			if e.Sentence != sent-1 || e.Verb == nil || !at(r[9], e.Verb.Text) {
				continue
			}
			if e.Source != nil && !at(r[7], e.Source.Text) || e.Source == nil && r[7] != "" {
				continue
			}
			if e.Target != nil && !at(r[8], e.Target.Text) || e.Target == nil && r[8] != "" {
				continue
			}
			found = true
			if byteOff := e.Verb.Span[0]; strconv.Itoa(byteOff) != r[9] {
				nonASCII = true
			}
			if c := strconv.Itoa(int(e.Confidence*100 + 0.5)); r[11] != c {
				t.Errorf("%s: Confidence %q, want %s", doc.ID, r[11], c)
			}
		}
		if !found {
			t.Errorf("%s: mention %q matches no coded event's offsets", doc.ID, r)
		}
		if r[10] != "1" || r[13] != "" || r[14] != "" || r[15] != "" {
			t.Errorf("%s: constant columns %q", doc.ID, r[10:])
		}
	}
	if !nonASCII {
		t.Error("no mention where character and byte offsets differ; the fixture should have one")
	}
}

func TestPlover(t *testing.T) {
	st, docs := fixture(t)
	out, n := run(t, st, export.Options{Format: export.Plover})
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	stored := allEvents(t, st)
	if n != len(lines) || len(lines) != len(stored) {
		t.Fatalf("%d lines (reported %d), %d events", len(lines), n, len(stored))
	}
	types := 0
	for _, l := range lines {
		var p export.PloverEvent
		dec := json.NewDecoder(strings.NewReader(l))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		id, _ := strconv.ParseInt(strings.TrimPrefix(p.ID, "dyad-"), 10, 64)
		e, ok := stored[id]
		if !ok {
			t.Fatalf("unknown event %s", p.ID)
		}
		if p.CAMEO != e.Code || p.Date != e.Date || len(p.Provenance) != e.NumMentions {
			t.Errorf("%s: %+v, stored %+v", p.ID, p, e)
		}
		if strings.HasPrefix(p.CAMEO, "01") || strings.HasPrefix(p.CAMEO, "02") {
			if p.EventType != "" {
				t.Errorf("%s: CAMEO %s mapped to PLOVER %s; PLOVER has none", p.ID, p.CAMEO, p.EventType)
			}
		} else if p.EventType == "" {
			t.Errorf("%s: no PLOVER type for CAMEO %s", p.ID, p.CAMEO)
		} else {
			types++
		}
		if p.CAMEO == "112" && (p.EventType != "ACCUSE" || p.Mode != "disapprove") {
			t.Errorf("%s: 112 as %s/%s, want ACCUSE/disapprove", p.ID, p.EventType, p.Mode)
		}
		// Actor offsets point into the first mention's article text.
		doc := docs[p.Provenance[0].ArticleID]
		for _, a := range []*export.PloverActor{p.Actor, p.Recipient} {
			if a != nil && a.Span != nil && doc.Text[a.Span[0]:a.Span[1]] != a.Text {
				t.Errorf("%s: actor %q at %v is %q", p.ID, a.Text, a.Span, doc.Text[a.Span[0]:a.Span[1]])
			}
		}
		for _, m := range p.Provenance {
			d := docs[m.ArticleID]
			if m.VerbSpan == nil || d.Text[m.VerbSpan[0]:m.VerbSpan[1]] != m.VerbText || m.Rule == "" {
				t.Errorf("%s: provenance %+v", p.ID, m)
			}
			if s := d.Sentences[m.Sentence].Span; s != m.SentenceSpan {
				t.Errorf("%s: sentence span %v, article says %v", p.ID, m.SentenceSpan, s)
			}
		}
		if e.PlaceName != "" && (p.Location == nil || p.Location.Name != e.PlaceName || p.Location.Country != e.PlaceCountry) {
			t.Errorf("%s: location %+v, stored %q", p.ID, p.Location, e.PlaceName)
		}
	}
	if types == 0 {
		t.Error("no event with a PLOVER type")
	}
}

func TestCSV(t *testing.T) {
	st, _ := fixture(t)
	out, n := run(t, st, export.Options{Format: export.CSV})
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	stored := allEvents(t, st)
	if n != len(rows)-1 || n != len(stored) {
		t.Fatalf("%d rows (reported %d), %d events", len(rows)-1, n, len(stored))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, h := range []string{"id", "date", "source_code", "target_code", "code", "quad_class", "goldstein", "plover_type", "num_mentions", "first_url"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("header %q lacks %s", rows[0], h)
		}
	}
	for _, r := range rows[1:] {
		id, _ := strconv.ParseInt(r[col["id"]], 10, 64)
		e := stored[id]
		if r[col["code"]] != e.Code || r[col["date"]] != e.Date || r[col["source_code"]] != e.SourceCode ||
			r[col["num_mentions"]] != strconv.Itoa(e.NumMentions) {
			t.Errorf("row %q, stored %+v", r, e)
		}
	}
}

func TestParquet(t *testing.T) {
	st, docs := fixture(t)
	out, n := run(t, st, export.Options{Format: export.Parquet})
	rows, err := parquet.Read[export.ParquetEvent](strings.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	stored := allEvents(t, st)
	if n != len(rows) || len(rows) != len(stored) {
		t.Fatalf("%d rows (reported %d), %d events", len(rows), n, len(stored))
	}
	for _, r := range rows {
		e, ok := stored[r.ID]
		if !ok {
			t.Fatalf("unknown event %d", r.ID)
		}
		if r.Code != e.Code || r.Date != e.Date || r.SourceCode != e.SourceCode || r.TargetCode != e.TargetCode ||
			int(r.QuadClass) != e.QuadClass || int(r.NumMentions) != e.NumMentions || r.PlaceName != e.PlaceName {
			t.Errorf("row %+v, stored %+v", r, e)
		}
		if (r.Goldstein == nil) != (e.Goldstein == nil) || r.Goldstein != nil && *r.Goldstein != *e.Goldstein {
			t.Errorf("event %d: goldstein %v, stored %v", r.ID, r.Goldstein, e.Goldstein)
		}
		if (r.Lat == nil) != (e.Lat == nil) || r.Lat != nil && (*r.Lat != *e.Lat || *r.Lon != *e.Lon) {
			t.Errorf("event %d: lat/lon %v %v, stored %v %v", r.ID, r.Lat, r.Lon, e.Lat, e.Lon)
		}
		d, ok := docs[r.FirstArticleID]
		if !ok || int(r.FirstSentence) >= len(d.Sentences) || r.Rule == "" {
			t.Errorf("event %d: first mention %s sentence %d rule %q", r.ID, r.FirstArticleID, r.FirstSentence, r.Rule)
		}
		if r.Code == "112" && r.PloverType != "ACCUSE" {
			t.Errorf("event %d: 112 as PLOVER %q", r.ID, r.PloverType)
		}
	}
}

func TestJSONL(t *testing.T) {
	st, docs := fixture(t)
	out, n := run(t, st, export.Options{Format: export.JSONL})
	dec := json.NewDecoder(strings.NewReader(out))
	got := 0
	for {
		var d news.Document
		if err := dec.Decode(&d); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		want, ok := docs[d.ID]
		if !ok || d.Text != want.Text || len(d.Events) != len(want.Events) || d.Published != want.Published {
			t.Errorf("article %s does not round-trip", d.ID)
		}
		got++
	}
	if got != len(docs) || n != got || strings.Count(out, "\n") != got {
		t.Errorf("%d articles (reported %d, %d lines), want %d", got, n, strings.Count(out, "\n"), len(docs))
	}
}

func TestDateFilter(t *testing.T) {
	st, _ := fixture(t)
	stored := allEvents(t, st)
	in2021, in2022 := 0, 0
	for _, e := range stored {
		switch {
		case strings.HasPrefix(e.Date, "2021-03"):
			in2021++
		case strings.HasPrefix(e.Date, "2022"):
			in2022++
		}
	}
	if in2021 == 0 || in2022 == 0 {
		t.Fatalf("fixture events: %d in March 2021, %d in 2022", in2021, in2022)
	}
	tests := []struct {
		from, to string
		want     int
		articles []string
	}{
		{"2021-03-01", "2021-03-31", in2021, []string{"art-ankara", "art-ankara-2"}},
		{"2022-01-01", "", in2022, []string{"art-kyiv"}},
		{"2022", "2022", in2022, []string{"art-kyiv"}},
		{"2023-01-01", "", 0, nil},
	}
	for _, tt := range tests {
		out, n := run(t, st, export.Options{Format: export.GDELTEvents, From: tt.from, To: tt.to})
		if n != tt.want {
			t.Errorf("%s..%s: %d events, want %d", tt.from, tt.to, n, tt.want)
		}
		for _, r := range readTSV(t, out, export.GDELTEventColumns) {
			d := r[1]
			if d == "" {
				d = r[3]
			}
			if d < strings.ReplaceAll(tt.from, "-", "")[:4] {
				t.Errorf("%s..%s: event dated %s", tt.from, tt.to, d)
			}
		}
		out, _ = run(t, st, export.Options{Format: export.JSONL, From: tt.from, To: tt.to})
		var ids []string
		dec := json.NewDecoder(strings.NewReader(out))
		for {
			var d news.Document
			if dec.Decode(&d) != nil {
				break
			}
			ids = append(ids, d.ID)
		}
		if strings.Join(ids, ",") != strings.Join(tt.articles, ",") {
			t.Errorf("%s..%s: articles %v, want %v", tt.from, tt.to, ids, tt.articles)
		}
		// Mentions follow their events.
		out, _ = run(t, st, export.Options{Format: export.GDELTMentions, From: tt.from, To: tt.to})
		for _, r := range readTSV(t, out, export.GDELTMentionColumns) {
			id, _ := strconv.ParseInt(r[0], 10, 64)
			if d := stored[id].Date; tt.from != "" && d < tt.from || tt.to != "" && d > tt.to+"\uffff" {
				t.Errorf("%s..%s: mention of event dated %s", tt.from, tt.to, d)
			}
		}
	}
}

func TestBadOptions(t *testing.T) {
	st, _ := fixture(t)
	tests := []struct {
		opt  export.Options
		want string
	}{
		{export.Options{Format: "xml"}, `unknown format "xml"`},
		{export.Options{Format: export.CSV, From: "2021-13-01"}, `--from "2021-13-01"`},
		{export.Options{Format: export.CSV, To: "March"}, `--to "March"`},
		{export.Options{Format: export.CSV, From: "2022-01-01", To: "2021-01-01"}, "before --from"},
	}
	for _, tt := range tests {
		_, err := export.Write(context.Background(), st, io.Discard, tt.opt)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "export") {
			t.Errorf("%+v: error %v, want %q", tt.opt, err, tt.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := export.Write(ctx, st, io.Discard, export.Options{Format: export.Plover}); err == nil {
		t.Error("export with a canceled context succeeded")
	}
}

// BenchmarkExport exports stores of growing size (generated articles coded
// by the real pipeline) in every format and reports the peak heap in use
// while writing: it stays flat as the store grows.
func BenchmarkExport(b *testing.B) {
	for _, n := range []int{100, 1000} {
		st := generatedStore(b, n)
		for _, f := range export.Formats() {
			b.Run(fmt.Sprintf("articles=%d/%s", n, f), func(b *testing.B) {
				var peak uint64
				rows := 0
				for b.Loop() {
					runtime.GC()
					w := &peakWriter{peak: &peak}
					var err error
					if rows, err = export.Write(context.Background(), st, w, export.Options{Format: f}); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(rows), "rows")
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			})
		}
	}
}

// peakWriter discards what is written and samples the heap in use at
// every write (export writes in 64 KB blocks).
type peakWriter struct{ peak *uint64 }

func (w *peakWriter) Write(p []byte) (int, error) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	*w.peak = max(*w.peak, ms.HeapInuse)
	return len(p), nil
}

func generatedStore(b *testing.B, n int) *store.Store {
	b.Helper()
	ctx := context.Background()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "dyad.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	g := corpus.New(7)
	batch := make([]news.Document, 0, 64)
	flush := func() {
		_, errs := st.SaveArticles(ctx, batch, "")
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
		batch = batch[:0]
	}
	for i := 0; i < n; i++ {
		d, err := p.Process(ctx, g.Article(12))
		if err != nil {
			b.Fatal(err)
		}
		if batch = append(batch, d); len(batch) == cap(batch) {
			flush()
		}
	}
	flush()
	return st
}

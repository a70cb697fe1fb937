package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"dyad/internal/store/storetest"
	"dyad/news"
)

// exportDoc is a small coded article: text with one sentence per block, and
// events in the given sentences dated date.
func exportDoc(id, date string, sentences ...int) news.Document {
	text := "Title here\n\nLead sentence one. Lead two.\n\nSecond paragraph."
	d := news.Document{ID: id, Text: text, Source: "Outlet " + id, URL: "https://example.org/" + id,
		Blocks: []news.Block{{Kind: news.BlockTitle, Span: news.Span{0, 10}}, {Kind: news.BlockParagraph, Span: news.Span{12, 40}},
			{Kind: news.BlockParagraph, Span: news.Span{42, 59}}},
		Sentences: []news.Sentence{{Span: news.Span{0, 10}, Block: 0}, {Span: news.Span{12, 30}, Block: 1},
			{Span: news.Span{31, 40}, Block: 1}, {Span: news.Span{42, 59}, Block: 2}},
		Entities: []news.Entity{{Text: "Lead", Span: news.Span{12, 16}, Name: "Lead Person", Type: "person", Actor: "USAGOV"},
			{Text: "one", Span: news.Span{26, 29}, Name: "One", Type: "place"},
			{Text: "Second", Span: news.Span{42, 48}, Name: "Second Name", Type: "person", Actor: "FRAGOV"}},
	}
	for i, s := range sentences {
		g := 1.0
		d.Events = append(d.Events, news.Event{Sentence: s, Code: "04" + string(rune('0'+i)), Root: "04", QuadClass: 1, Goldstein: &g,
			Date: date, DateGrain: "day", Source: &news.EventActor{Code: "USA", Text: "Lead", Span: news.Span{12, 16}},
			Verb: &news.Verb{Text: "one", Span: news.Span{26, 29}}, Rule: "x.txt:1", Modality: "asserted"})
	}
	return d
}

func openExport(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	for _, d := range []news.Document{exportDoc("b", "2020-05-01", 1, 3), exportDoc("a", "2020-05-01", 1), exportDoc("c", "2021-01-02", 0)} {
		if _, err := s.SaveArticle(ctx, d, ""); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestEachEvent(t *testing.T) {
	s := openExport(t)
	ctx := context.Background()
	var got []string
	err := s.EachEvent(ctx, ExportFilter{}, func(e ExportEvent) error {
		var arts []string
		for _, m := range e.Mentions {
			if m.EventID != e.ID || m.EventDate != e.Date || m.ArticleURL != "https://example.org/"+m.ArticleID || m.Text != "" {
				t.Errorf("mention %+v of event %d", m, e.ID)
			}
			arts = append(arts, m.ArticleID)
		}
		got = append(got, e.Date+" "+e.Code+" "+strings.Join(arts, "+"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// b's first event and a's merge (same day, actor, code); mentions in storage order.
	want := "2020-05-01 040 b+a|2020-05-01 041 b|2021-01-02 040 c"
	if strings.Join(got, "|") != want {
		t.Errorf("events %q, want %q", strings.Join(got, "|"), want)
	}
	n := 0
	err = s.EachEvent(ctx, ExportFilter{From: "2021-01-01", To: "2021-01-02"}, func(e ExportEvent) error { n++; return nil })
	if err != nil || n != 1 {
		t.Errorf("filtered: %d events, %v", n, err)
	}
	stop := errors.New("stop")
	if err := s.EachEvent(ctx, ExportFilter{}, func(ExportEvent) error { return stop }); err != stop {
		t.Errorf("error from fn: %v", err)
	}
}

func TestEachMentionAndArticle(t *testing.T) {
	s := openExport(t)
	ctx := context.Background()
	var got []string
	err := s.EachMention(ctx, ExportFilter{To: "2020-05-01"}, func(m ExportMention) error {
		if m.Text == "" || m.VerbSpan == nil || m.Text[m.VerbSpan[0]:m.VerbSpan[1]] != m.VerbText {
			t.Errorf("mention %+v", m)
		}
		got = append(got, m.ArticleID)
		return nil
	})
	if err != nil || strings.Join(got, ",") != "a,b,b" {
		t.Errorf("mentions %v, %v", got, err)
	}
	got = nil
	err = s.EachArticle(ctx, ExportFilter{From: "2020-06-01"}, func(id string, doc []byte) error {
		got = append(got, id)
		if !strings.HasPrefix(string(doc), `{"id":"`+id+`"`) {
			t.Errorf("doc %.40s", doc)
		}
		return nil
	})
	if err != nil || strings.Join(got, ",") != "c" {
		t.Errorf("articles %v, %v", got, err)
	}
}

func TestOutline(t *testing.T) {
	s := openExport(t)
	o, ok, err := s.ArticleOutline(context.Background(), "b")
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	for i, want := range []bool{true, true, true, false, false} {
		if got := o.Lead(i); got != want {
			t.Errorf("Lead(%d) = %v", i, got)
		}
	}
	tests := []struct {
		span news.Span
		code string
		want string
	}{
		{news.Span{12, 16}, "", "Lead Person"},       // exact
		{news.Span{10, 20}, "USAGOV", "Lead Person"}, // within, same actor
		{news.Span{10, 20}, "RUSGOV", ""},            // within, another actor
		{news.Span{20, 30}, "USAGOV", ""},            // a place within is no actor's name
		{news.Span{31, 41}, "FRAGOV", "Second Name"}, // named right after
		{news.Span{0, 5}, "USA", ""},
	}
	for _, tt := range tests {
		if got := o.EntityName(tt.span, tt.code); got != tt.want {
			t.Errorf("EntityName(%v, %q) = %q, want %q", tt.span, tt.code, got, tt.want)
		}
	}
	if _, ok, err := s.ArticleOutline(context.Background(), "none"); ok || err != nil {
		t.Errorf("unknown article: %v %v", ok, err)
	}
}

// TestExportQueriesStream checks that SQLite answers the export queries in
// index order, without sorting the whole result in a temporary B-tree: that
// is what keeps an export's memory flat.
func TestExportQueriesStream(t *testing.T) {
	if storetest.Postgres() {
		t.Skip("SQLite's query plans: PostgreSQL spills a large sort to disk (work_mem), so its memory stays flat whatever the plan")
	}
	s := openExport(t)
	seen := 0
	for _, f := range []ExportFilter{{}, {From: "2020-01-01", To: "2021-12-31"}} {
		cond, args := f.where()
		for _, q := range []string{eventQuery(cond), mentionQuery(cond)} {
			rows, err := s.db.Query(`EXPLAIN QUERY PLAN `+q, args...)
			if err != nil {
				t.Fatal(err)
			}
			var plan []string
			for rows.Next() {
				var id, parent, notused int
				var detail string
				if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, detail)
			}
			rows.Close()
			seen++
			if p := strings.Join(plan, "; "); strings.Contains(p, "TEMP B-TREE") {
				t.Errorf("query sorts in memory:\n%s\nplan: %s", q, p)
			}
		}
	}
	if seen != 4 {
		t.Errorf("%d plans", seen)
	}
}

// TestEventPlaceDetail checks that an exported event carries the feature
// and GeoNames id of its place from the article that created it: the first
// place of that article with the event place's name, country and
// coordinates, the event's own GeoNames id first.
func TestEventPlaceDetail(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	d := exportDoc("p", "2020-05-01", 1, 3)
	d.Places = []news.Place{
		{Text: "Lyon", Name: "Lyon", Country: "FRA", Feature: "admin1", Lat: 45.0, Lon: 4.0, GeonamesID: 11},
		{Text: "Lyon", Name: "Lyon", Country: "FRA", Feature: "city", Lat: 45.76, Lon: 4.84, GeonamesID: 2996944},
		{Text: "Lyon", Name: "Lyon", Country: "FRA", Feature: "other", Lat: 45.76, Lon: 4.84, GeonamesID: 99},
	}
	d.Events[0].Place = &news.EventPlace{Name: "Lyon", Country: "FRA", Lat: 45.76, Lon: 4.84}
	d.Events[1].Place = &news.EventPlace{Name: "Lyon", Country: "FRA", Lat: 45.76, Lon: 4.84, GeonamesID: 7}
	if _, err := s.SaveArticle(ctx, d, ""); err != nil {
		t.Fatal(err)
	}
	var got []string
	if err := s.EachEvent(ctx, ExportFilter{}, func(e ExportEvent) error {
		got = append(got, fmt.Sprintf("%s %s %d", e.Code, e.PlaceFeature, e.PlaceGeonamesID))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if want := "040 city 2996944|041 city 7"; strings.Join(got, "|") != want {
		t.Errorf("events %q, want %q", strings.Join(got, "|"), want)
	}
}

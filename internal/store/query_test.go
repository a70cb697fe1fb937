package store_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/store"
	"dyad/news"
)

// at is ev placed at a point.
func at(e news.Event, name string, lat, lon float64) news.Event {
	e.Place = &news.EventPlace{Name: name, Country: "XXX", Lat: lat, Lon: lon}
	return e
}

func TestBBox(t *testing.T) {
	s := open(t)
	save(t, s, doc("a", "VOA", "Places around the world.",
		at(ev("USAGOV", "RUSGOV", "040", "2016-07-14"), "Moscow", 55.75, 37.62),
		at(ev("USAGOV", "RUSGOV", "041", "2016-07-14"), "Suva", -18.14, 178.44),
		at(ev("USAGOV", "RUSGOV", "042", "2016-07-14"), "Apia", -13.83, -171.76),
		at(ev("USAGOV", "RUSGOV", "043", "2016-07-14"), "Lima", -12.05, -77.04),
	), "")
	tests := []struct {
		name string
		box  store.BBox
		want []string
	}{
		{"Europe", store.BBox{MinLon: -10, MinLat: 35, MaxLon: 60, MaxLat: 70}, []string{"040"}},
		{"across the antimeridian", store.BBox{MinLon: 170, MinLat: -30, MaxLon: -170, MaxLat: 0}, []string{"041", "042"}},
		{"the rest of the world", store.BBox{MinLon: -170, MinLat: -90, MaxLon: 170, MaxLat: 90}, []string{"040", "043"}},
		{"edges inclusive", store.BBox{MinLon: 37.62, MinLat: 55.75, MaxLon: 37.62, MaxLat: 55.75}, []string{"040"}},
		{"nowhere", store.BBox{MinLon: 0, MinLat: -5, MaxLon: 5, MaxLat: 0}, nil},
	}
	for _, tt := range tests {
		box := tt.box
		var got []string
		for _, e := range events(t, s, store.EventFilter{BBox: &box, Sort: "-date"}) {
			got = append(got, e.Code)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
	}
	if err := (store.BBox{MinLon: 0, MinLat: 10, MaxLon: 5, MaxLat: 0}).Check(); err == nil {
		t.Error("a box with min latitude north of max accepted")
	}
	if err := (store.BBox{MinLon: -181, MaxLon: 5}).Check(); err == nil {
		t.Error("longitude -181 accepted")
	}
}

func TestDyadTimeline(t *testing.T) {
	s := open(t)
	neg := ev("RUSGOV", "UKRGOV", "190", "2016-01-01")
	neg.Modality = "negated"
	conflict := ev("RUSMIL", "UKRMIL", "190", "2016-01-12")
	conflict.QuadClass, conflict.Goldstein = 4, gold(-10)
	week := ev("UKRGOV", "RUSGOV", "040", "2016-W02")
	week.DateGrain = "week"
	year := ev("UKRGOV", "RUSGOV", "040", "2016")
	year.DateGrain = "year"
	save(t, s, doc("a", "VOA", "Talks and fighting.",
		ev("RUSGOV", "UKRGOV", "040", "2015-12-31"), // Thursday of ISO week 2015-W53
		ev("UKRGOV", "RUSGOV", "042", "2016-01-01"), // Friday, same week
		neg,      // negated: not counted
		conflict, // week 2016-W02
		week,     // dated by its week: counted on its Monday, 2016-01-11
		year,     // dated by its year only: undated
		ev("USAGOV", "RUSGOV", "040", "2016-01-05"), // another dyad
	), "")
	tl, err := s.DyadTimeline(context.Background(), "rus", "ukr", "week", "", "")
	if err != nil {
		t.Fatal(err)
	}
	g := func(v float64) *float64 { return &v }
	want := store.Timeline{Interval: "week", Undated: 1, Buckets: []store.Bucket{
		{Start: "2015-12-28", Label: "2015-W53", Events: 2, AToB: 1, BToA: 1, QuadClass: [4]int{2, 0, 0, 0}, Goldstein: g(1), Mentions: 2},
		{Start: "2016-01-04", Label: "2016-W01"},
		{Start: "2016-01-11", Label: "2016-W02", Events: 2, AToB: 1, BToA: 1, QuadClass: [4]int{1, 0, 0, 1}, Goldstein: g(-4.5), Mentions: 2},
	}}
	if diff := cmp.Diff(want, tl); diff != "" {
		t.Errorf("weekly timeline (-want +got):\n%s", diff)
	}
	tl, err = s.DyadTimeline(context.Background(), "UKR", "RUS", "month", "2016-01-01", "2016-01-31")
	if err != nil {
		t.Fatal(err)
	}
	// from and to bound the events' first days, as the events filter does:
	// the week-dated event (its Monday, 2016-01-11) is within
	// 2016-01-01..2016-01-31, and so is the year-dated one (2016-01-01),
	// which no bucket holds.
	want = store.Timeline{Interval: "month", Undated: 1, Buckets: []store.Bucket{
		{Start: "2016-01-01", Label: "2016-01", Events: 3, AToB: 2, BToA: 1, QuadClass: [4]int{2, 0, 0, 1}, Goldstein: g(-8.0 / 3), Mentions: 3},
	}}
	if diff := cmp.Diff(want, tl); diff != "" {
		t.Errorf("monthly timeline from-to (-want +got):\n%s", diff)
	}
	tl, err = s.DyadTimeline(context.Background(), "RUS", "UKR", "day", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(tl.Buckets) != 13 || tl.Buckets[0].Label != "2015-12-31" || tl.Buckets[12].Label != "2016-01-12" {
		t.Errorf("daily timeline: %d buckets from %v", len(tl.Buckets), tl.Buckets)
	}
	if _, err := s.DyadTimeline(context.Background(), "RUS", "UKR", "fortnight", "", ""); err == nil {
		t.Error("interval fortnight accepted")
	}
}

func TestActorsAndProfile(t *testing.T) {
	s := open(t)
	neg := ev("RUSGOV", "TURGOV", "190", "2016-07-20")
	neg.Modality = "negated"
	save(t, s, doc("a", "VOA", "Several meetings.",
		ev("RUSGOV", "UKRGOV", "040", "2016-07-14"),
		ev("RUSGOV", "UKRGOV", "042", "2016-07-15"),
		ev("RUSMIL", "UKRMIL", "190", "2016-08-02"),
		ev("USAGOV", "RUSGOV", "040", "2016-07-14"),
		neg,
	), "")
	got, err := s.Actors(context.Background(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.ActorCount{
		{Code: "RUSGOV", Events: 4, AsSource: 3, AsTarget: 1},
		{Code: "UKRGOV", Events: 2, AsTarget: 2},
		{Code: "RUSMIL", Events: 1, AsSource: 1},
		{Code: "TURGOV", Events: 1, AsTarget: 1},
		{Code: "UKRMIL", Events: 1, AsTarget: 1},
		{Code: "USAGOV", Events: 1, AsSource: 1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("actors (-want +got):\n%s", diff)
	}
	got, _ = s.Actors(context.Background(), "rus", 1)
	if diff := cmp.Diff(want[:1], got); diff != "" {
		t.Errorf("actors rus, limit 1 (-want +got):\n%s", diff)
	}

	p, err := s.ActorProfile(context.Background(), "rus", "month")
	if err != nil {
		t.Fatal(err)
	}
	cc := func(code string, n int) store.CodeCount { return store.CodeCount{Code: code, Events: n} }
	wantP := store.ActorProfile{
		Code: "RUS", AsSource: 3, AsTarget: 1,
		Targets:       []store.CodeCount{cc("UKRGOV", 2), cc("UKRMIL", 1)},
		Sources:       []store.CodeCount{cc("USAGOV", 1)},
		RootsAsSource: []store.CodeCount{cc("04", 2), cc("19", 1)},
		RootsAsTarget: []store.CodeCount{cc("04", 1)},
		Timeline: []store.Bucket{
			{Start: "2016-07-01", Label: "2016-07", Events: 3, AToB: 2, BToA: 1, QuadClass: [4]int{3, 0, 0, 0}, Goldstein: gold(1), Mentions: 3},
			{Start: "2016-08-01", Label: "2016-08", Events: 1, AToB: 1, QuadClass: [4]int{1, 0, 0, 0}, Goldstein: gold(1), Mentions: 1},
		},
	}
	if diff := cmp.Diff(wantP, p); diff != "" {
		t.Errorf("profile of RUS (-want +got):\n%s", diff)
	}
}

func TestArticlesListing(t *testing.T) {
	s := open(t)
	a := doc("a", "VOA", "Kerry met Lavrov in Moscow.", ev("USAGOV", "RUSGOV", "040", "2016-07-14"))
	b := doc("b", "AFP", "Fighting near Donetsk.")
	b.Published = "2016-08-01"
	save(t, s, a, "")
	save(t, s, b, "")
	ctx := context.Background()
	got, err := s.Articles(ctx, store.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "b" || got[1].ID != "a" {
		t.Fatalf("articles %+v, want b then a (newest first)", got)
	}
	if g := got[1]; g.Title != "Title a" || g.Source != "VOA" || g.Mentions != 1 || g.Quotes != 1 || g.Entities != 1 || g.Places != 1 || g.Published != "2016-07-15" {
		t.Errorf("article a listed as %+v", g)
	}
	for _, tt := range []struct {
		f    store.ArticleFilter
		want []string
	}{
		{store.ArticleFilter{Q: "donetsk"}, []string{"b"}},
		{store.ArticleFilter{Source: "VOA"}, []string{"a"}},
		{store.ArticleFilter{Limit: 1, Offset: 1}, []string{"a"}},
		{store.ArticleFilter{Q: "zebra"}, nil},
	} {
		got, err := s.Articles(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range got {
			ids = append(ids, a.ID)
		}
		n, err := s.CountArticles(ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, ids); diff != "" {
			t.Errorf("%+v (-want +got):\n%s", tt.f, diff)
		}
		if tt.f.Limit == 0 && n != len(tt.want) {
			t.Errorf("%+v: count %d, want %d", tt.f, n, len(tt.want))
		}
	}
}

func TestCountEventsCap(t *testing.T) {
	s := open(t)
	save(t, s, doc("a", "VOA", "Three meetings.", ev("USAGOV", "RUSGOV", "040", "2016-07-14"),
		ev("USAGOV", "RUSGOV", "041", "2016-07-14"), ev("USAGOV", "RUSGOV", "042", "2016-07-14")), "")
	for _, tt := range []struct{ cap, want int }{{0, 3}, {2, 2}, {10, 3}} {
		n, err := s.CountEvents(context.Background(), store.EventFilter{Actor: "USA"}, tt.cap)
		if err != nil || n != tt.want {
			t.Errorf("count capped at %d: %d %v, want %d", tt.cap, n, err, tt.want)
		}
	}
}

// TestMixedGrainDates checks that events dated by an hour, day, week, month,
// quarter, year or range sort, filter and export by the first day their
// date covers, not by the date as a string ("2020-W42" would sort after
// "2020-10-30", and fall outside a range of October days).
func TestMixedGrainDates(t *testing.T) {
	s := open(t)
	dated := func(code, date, grain string) news.Event {
		e := ev("USAGOV", "RUSGOV", code, date)
		e.DateGrain = grain
		return e
	}
	save(t, s, doc("a", "VOA", "Talks in several weeks.",
		dated("040", "2020-10-30", "day"),
		dated("041", "2020-W42", "week"),
		dated("042", "2020-10", "month"),
		dated("043", "2020-Q4", "quarter"),
		dated("044", "2020-10-14T09", "hour"),
		dated("045", "2020-09-28/2020-10-02", "range"),
		dated("046", "2020", "year"),
	), "")
	ctx := context.Background()
	starts := map[string]string{}
	for _, e := range events(t, s, store.EventFilter{}) {
		starts[e.Code] = e.DateStart
	}
	wantStarts := map[string]string{"040": "2020-10-30", "041": "2020-10-12", "042": "2020-10-01", "043": "2020-10-01",
		"044": "2020-10-14", "045": "2020-09-28", "046": "2020-01-01"}
	if diff := cmp.Diff(wantStarts, starts); diff != "" {
		t.Errorf("date_start by code (-want +got):\n%s", diff)
	}
	tests := []struct {
		name string
		f    store.EventFilter
		want []string
	}{
		{"oldest first", store.EventFilter{Sort: "-date"}, []string{"046", "045", "042", "043", "041", "044", "040"}},
		{"newest first", store.EventFilter{}, []string{"040", "044", "041", "043", "042", "045", "046"}},
		{"days of one week", store.EventFilter{From: "2020-10-10", To: "2020-10-20"}, []string{"044", "041"}},
		{"a month", store.EventFilter{From: "2020-10", To: "2020-10"}, []string{"040", "044", "041", "043", "042"}},
		{"to a day", store.EventFilter{To: "2020-10-01", Sort: "-date"}, []string{"046", "045", "042", "043"}},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range events(t, s, tt.f) {
			got = append(got, e.Code)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.name, diff)
		}
		if n, err := s.CountEvents(ctx, tt.f, 0); err != nil || n != len(tt.want) {
			t.Errorf("%s: count %d, %v; want %d", tt.name, n, err, len(tt.want))
		}
	}
	var exported []string
	err := s.EachEvent(ctx, store.ExportFilter{From: "2020-10-10", To: "2020-10-31"}, func(e store.ExportEvent) error {
		exported = append(exported, e.Code)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"041", "044", "040"}, exported); diff != "" {
		t.Errorf("export from 2020-10-10 to 2020-10-31 (-want +got):\n%s", diff)
	}
	tl, err := s.DyadTimeline(ctx, "USA", "RUS", "week", "2020-10-05", "2020-10-18")
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Bucket{
		{Start: "2020-10-12", Label: "2020-W42", Events: 2, AToB: 2, QuadClass: [4]int{2, 0, 0, 0}, Goldstein: gold(1), Mentions: 2},
	}
	if diff := cmp.Diff(want, tl.Buckets); diff != "" {
		t.Errorf("weekly timeline of 2020-10-05..18 (-want +got):\n%s", diff)
	}
}

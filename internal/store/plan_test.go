package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/news"
)

// TestEventsPagePlans checks that every plan EventsPage may choose (walking
// the date, mentions or code index, or sorting the matching ids) returns
// what filtering all events by hand returns.
func TestEventsPagePlans(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	fillEvents(t, s, 3000)
	rows, err := s.db.QueryContext(ctx, `SELECT `+eventColumns+` FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	var all []Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, e)
	}
	rows.Close()
	byDate := func(es []Event) {
		sort.Slice(es, func(i, j int) bool {
			if es[i].DateStart != es[j].DateStart {
				return es[i].DateStart > es[j].DateStart
			}
			return es[i].ID > es[j].ID
		})
	}
	byMentions := func(es []Event) {
		sort.Slice(es, func(i, j int) bool {
			if es[i].NumMentions != es[j].NumMentions {
				return es[i].NumMentions > es[j].NumMentions
			}
			return es[i].ID > es[j].ID
		})
	}
	actor := func(p string) func(Event) bool {
		return func(e Event) bool { return strings.HasPrefix(e.SourceCode, p) || strings.HasPrefix(e.TargetCode, p) }
	}
	tests := []struct {
		name string
		f    EventFilter
		keep func(Event) bool
	}{
		{"actor", EventFilter{Actor: "USA"}, actor("USA")},
		{"code", EventFilter{Code: "040"}, func(e Event) bool { return e.Code == "040" }},
		{"code and actor", EventFilter{Code: "190", Actor: "S"}, func(e Event) bool { return e.Code == "190" && actor("S")(e) }},
		{"oldest first", EventFilter{Root: "19", Sort: "-date"}, func(e Event) bool { return e.Root == "19" }},
		{"mentions", EventFilter{Country: "SYR", Sort: "mentions"}, func(e Event) bool {
			return e.SourceCountry == "SYR" || e.TargetCountry == "SYR" || e.PlaceCountry == "SYR"
		}},
		{"bbox across the antimeridian", EventFilter{BBox: &BBox{MinLon: 150, MinLat: -20, MaxLon: -150, MaxLat: 40}}, func(e Event) bool {
			return *e.Lat >= -20 && *e.Lat <= 40 && (*e.Lon >= 150 || *e.Lon <= -150)
		}},
		{"bbox", EventFilter{BBox: &BBox{MinLon: -10, MinLat: 35, MaxLon: 30, MaxLat: 60}}, func(e Event) bool {
			return *e.Lat >= 35 && *e.Lat <= 60 && *e.Lon >= -10 && *e.Lon <= 30
		}},
		{"bbox narrower in latitude", EventFilter{BBox: &BBox{MinLon: -120, MinLat: 10, MaxLon: 120, MaxLat: 25}}, func(e Event) bool {
			return *e.Lat >= 10 && *e.Lat <= 25 && *e.Lon >= -120 && *e.Lon <= 120
		}},
		{"bbox across the antimeridian, narrower in latitude", EventFilter{BBox: &BBox{MinLon: 10, MinLat: -5, MaxLon: -10, MaxLat: 30}}, func(e Event) bool {
			return *e.Lat >= -5 && *e.Lat <= 30 && (*e.Lon >= 10 || *e.Lon <= -10)
		}},
		{"bbox and dates", EventFilter{BBox: &BBox{MinLon: -180, MinLat: -60, MaxLon: 0, MaxLat: 80}, From: "2015-06", To: "2015-12-31"}, func(e Event) bool {
			return *e.Lon <= 0 && e.DateStart >= "2015-06" && e.DateStart <= "2015-12-31"
		}},
	}
	for _, tt := range tests {
		var want []Event
		for _, e := range all {
			if tt.keep(e) {
				want = append(want, e)
			}
		}
		switch tt.f.Sort {
		case "mentions":
			byMentions(want)
		case "-date":
			byDate(want)
			slices.Reverse(want)
		default:
			byDate(want)
		}
		if len(want) < 12 {
			t.Fatalf("%s: only %d matches", tt.name, len(want))
		}
		// A small page is found by walking an index in order; a large one by
		// sorting the matching ids; a capped count walks too.
		for _, page := range []struct{ limit, offset, countCap int }{{10, 0, CountCap}, {10, 7, CountCap}, {1000, 0, CountCap}, {5, 3, 5}} {
			f := tt.f
			f.Limit, f.Offset = page.limit, page.offset
			got, total, err := s.EventsPage(ctx, f, page.countCap)
			if err != nil {
				t.Fatalf("%s %+v: %v", tt.name, page, err)
			}
			w := want[min(page.offset, len(want)):min(page.offset+page.limit, len(want))]
			if diff := cmp.Diff(ids(w), ids(got)); diff != "" {
				t.Errorf("%s %+v (-want +got):\n%s", tt.name, page, diff)
			}
			if wantTotal := min(len(want), page.countCap); total != wantTotal {
				t.Errorf("%s %+v: total %d, want %d", tt.name, page, total, wantTotal)
			}
			if page.offset == 0 || page.offset > len(want) {
				continue
			}
			// The same page after the cursor of the event before it.
			c := CursorAt(f.Sort, want[page.offset-1])
			f.After, f.Offset = &c, 0
			got, _, err = s.EventsPage(ctx, f, page.countCap)
			if err != nil {
				t.Fatalf("%s %+v after %v: %v", tt.name, page, c, err)
			}
			if diff := cmp.Diff(ids(w), ids(got)); diff != "" {
				t.Errorf("%s %+v after %v (-want +got):\n%s", tt.name, page, c, diff)
			}
			if back, err := ParseCursor(f.Sort, c.String()); err != nil || back != c {
				t.Errorf("cursor %v reads back as %v, %v", c, back, err)
			}
		}
	}
}

func ids(es []Event) []int64 {
	var out []int64
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

// TestDateStartMigration checks that migration 0008's SQL gives the events
// stored before it the date_start that dateStart gives new ones, for every
// shape of date, on the backend under test.
func TestDateStartMigration(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	dates := []string{"", "2016-07-14", "2016-07-14T21", "2016-W28", "2020-W01", "2021-W01", "2026-W01", "2015-W53",
		"2016-07", "2016-Q1", "2016-Q2", "2016-Q3", "2016-Q4", "2016", "2016-07-01/2016-07-15", "2016-07/2016-09",
		"2016/2018", "yesterday", "2016-Q9"}
	for i, d := range dates {
		if _, err := s.db.ExecContext(ctx, s.d.rebind(`INSERT INTO events (merge_key, date, code, root, first_seen) VALUES (?, ?, '040', '04', '')`),
			fmt.Sprintf("k%d", i), d); err != nil {
			t.Fatal(err)
		}
	}
	const version = "0008_event_days_actor_counts.sql"
	body, err := migrations.ReadFile(migrationFile(migrations, s.d, version))
	if err != nil {
		t.Fatal(err)
	}
	ran := false
	for _, stmt := range splitSQL(string(body)) {
		if strings.HasPrefix(stmt, "UPDATE events SET date_start") {
			if _, err := s.db.ExecContext(ctx, stmt); err != nil {
				t.Fatal(err)
			}
			ran = true
		}
	}
	if !ran {
		t.Fatalf("%s: no UPDATE of date_start", version)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT date, date_start FROM events ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var date, got string
		if err := rows.Scan(&date, &got); err != nil {
			t.Fatal(err)
		}
		if want := dateStart(date); got != want {
			t.Errorf("date %q: migration gives %q, dateStart %q", date, got, want)
		}
		n++
	}
	if n != len(dates) {
		t.Errorf("%d rows read, want %d", n, len(dates))
	}
	// A few by hand, so that both cannot be wrong alike.
	for date, want := range map[string]string{"2020-W42": "2020-10-12", "2015-W53": "2015-12-28", "2016-Q3": "2016-07-01",
		"2016-07/2016-09": "2016-07-01", "2016": "2016-01-01", "2016-07-14T21": "2016-07-14", "": ""} {
		if got := dateStart(date); got != want {
			t.Errorf("dateStart(%q) = %q, want %q", date, got, want)
		}
	}
}

// TestActorCountsKept checks that the actor counts the triggers keep (and,
// on PostgreSQL, the log folded into them) equal a count of the events after
// events are inserted, recoded and deleted.
func TestActorCountsKept(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	fillEvents(t, s, foldAt+1000) // enough for PostgreSQL to fold its log
	check := func(when string) {
		t.Helper()
		checkActorCounts(t, s, when)
	}
	check("inserted")
	var logged int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM actor_count_log`).Scan(&logged); err != nil {
		t.Fatal(err)
	}
	if logged >= foldAt {
		t.Errorf("actor_count_log holds %d rows after Actors", logged)
	}
	for _, q := range []string{
		`UPDATE events SET source_code = 'XYZGOV' WHERE id % 5 = 0`,
		`UPDATE events SET target_code = '' WHERE id % 7 = 0`,
		`DELETE FROM events WHERE id % 3 = 0`,
	} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
		check(q)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM events`); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Actors(ctx, "", 0); err != nil || len(got) != 0 {
		t.Errorf("no events: actors %v, %v", got, err)
	}
}

// checkActorCounts checks that the actor counts the store keeps equal a
// count of the events, in the actor list and by prefix.
func checkActorCounts(t *testing.T, s *Store, when string) {
	t.Helper()
	ctx := context.Background()
	want := map[string]ActorCount{}
	for _, side := range []string{"source_code", "target_code"} {
		rows, err := s.db.QueryContext(ctx, `SELECT `+side+`, COUNT(*) FROM events WHERE `+side+` <> '' GROUP BY `+side)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var code string
			var n int
			if err := rows.Scan(&code, &n); err != nil {
				t.Fatal(err)
			}
			c := want[code]
			c.Code = code
			c.Events += n
			if side == "source_code" {
				c.AsSource = n
			} else {
				c.AsTarget = n
			}
			want[code] = c
		}
		rows.Close()
	}
	got, err := s.Actors(ctx, "", MaxLimit)
	if err != nil {
		t.Fatal(err)
	}
	gotBy := map[string]ActorCount{}
	for _, c := range got {
		gotBy[c.Code] = c
	}
	if diff := cmp.Diff(want, gotBy); diff != "" {
		t.Errorf("%s: actor counts (-counted +kept):\n%s", when, diff)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Events > got[i-1].Events {
			t.Errorf("%s: %v listed after %v", when, got[i], got[i-1])
		}
	}
	usa, err := s.Actors(ctx, "usa", MaxLimit)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range usa {
		if !strings.HasPrefix(c.Code, "USA") || c != want[c.Code] {
			t.Errorf("%s: prefix usa gives %+v", when, c)
		}
	}
}

// TestActorProfileCounts checks an actor's profile against a count of
// every generated event by hand, for a full code and a country prefix.
func TestActorProfileCounts(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	fillEvents(t, s, 4000)
	rows, err := s.db.QueryContext(ctx, `SELECT source_code, target_code, root, date_start, modality FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ src, tgt, root, start, modality string }
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.src, &r.tgt, &r.root, &r.start, &r.modality); err != nil {
			t.Fatal(err)
		}
		all = append(all, r)
	}
	rows.Close()
	for _, code := range []string{"USAGOV", "rus"} {
		p, err := s.ActorProfile(ctx, code, "month")
		if err != nil {
			t.Fatal(err)
		}
		up := strings.ToUpper(code)
		targets, sources, out, in, months := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
		var asSource, asTarget int
		for _, r := range all {
			if r.modality != "asserted" {
				continue
			}
			o, i := strings.HasPrefix(r.src, up), strings.HasPrefix(r.tgt, up)
			if o {
				asSource++
				targets[r.tgt]++
				out[r.root]++
			}
			if i {
				asTarget++
				sources[r.src]++
				in[r.root]++
			}
			if o || i {
				months[r.start[:7]]++
			}
		}
		if p.AsSource != asSource || p.AsTarget != asTarget {
			t.Errorf("%s: as source %d, as target %d; want %d, %d", code, p.AsSource, p.AsTarget, asSource, asTarget)
		}
		for _, side := range []struct {
			name string
			got  []CodeCount
			want map[string]int
		}{{"targets", p.Targets, targets}, {"sources", p.Sources, sources}, {"roots as source", p.RootsAsSource, out}, {"roots as target", p.RootsAsTarget, in}} {
			if len(side.got) != min(len(side.want), profileTop) {
				t.Errorf("%s %s: %d listed, want %d", code, side.name, len(side.got), min(len(side.want), profileTop))
			}
			for k, c := range side.got {
				if c.Events != side.want[c.Code] || k > 0 && c.Events > side.got[k-1].Events {
					t.Errorf("%s %s: %+v (want %d events) at %d", code, side.name, c, side.want[c.Code], k)
				}
			}
		}
		gotMonths := map[string]int{}
		for _, b := range p.Timeline {
			if b.Events > 0 {
				gotMonths[b.Label] = b.Events
			}
		}
		if diff := cmp.Diff(months, gotMonths); diff != "" {
			t.Errorf("%s: events by month (-want +got):\n%s", code, diff)
		}
	}
}

func TestBoxIndex(t *testing.T) {
	box := func(minLon, minLat, maxLon, maxLat float64) *BBox { return &BBox{minLon, minLat, maxLon, maxLat} }
	tests := []struct {
		name string
		f    EventFilter
		want string
	}{
		{"wide and short", EventFilter{BBox: box(-120, 10, 120, 25)}, "events_lat_lon"},
		{"narrow and tall", EventFilter{BBox: box(-10, -60, 10, 60)}, "events_lon_lat"},
		{"across the antimeridian, narrow", EventFilter{BBox: box(170, -50, -170, 0)}, "events_lon_lat"},
		{"across the antimeridian, wide", EventFilter{BBox: box(10, -5, -10, 30)}, "events_lat_lon"},
		{"with an actor: the planner chooses", EventFilter{BBox: box(-10, 35, 30, 60), Actor: "USA"}, ""},
		{"with dates: the planner chooses", EventFilter{BBox: box(-10, 35, 30, 60), From: "2016"}, ""},
		{"no box", EventFilter{}, ""},
	}
	for _, tt := range tests {
		if got := boxIndex(tt.f); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestActorCountsSaved checks the actor counts the store keeps as it saves
// articles (SQLite adds up each transaction's new events: countActors):
// events created in a batch and one at a time, mentions merged into events
// already counted, an event without a target, and an article replaced by
// a new text, whose events go.
func TestActorCountsSaved(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	event := func(src, tgt, code string) news.Event {
		e := news.Event{Code: code, Root: code[:2], QuadClass: 1, Date: "2021-03-04", DateGrain: "day", Modality: "asserted",
			Source: &news.EventActor{Code: src, Country: src[:3]}}
		if tgt != "" {
			e.Target = &news.EventActor{Code: tgt, Country: tgt[:3]}
		}
		return e
	}
	article := func(id, text string, events ...news.Event) news.Document {
		return news.Document{ID: id, Text: text, Published: "2021-03-05", Source: "Outlet " + id, Events: events}
	}
	batch := []news.Document{
		article("a", "First text.", event("USAGOV", "RUSGOV", "040"), event("USAGOV", "FRA", "042"), event("RUSMIL", "", "190")),
		article("b", "Second text.", event("USAGOV", "RUSGOV", "040"), event("FRA", "USAGOV", "043")), // the first merges into a's
	}
	_, errs := s.SaveArticles(ctx, batch, "")
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	checkActorCounts(t, s, "batch")
	if _, err := s.SaveArticle(ctx, article("c", "Third text.", event("CHNGOV", "USAGOV", "040"), event("USAGOV", "RUSGOV", "040")), ""); err != nil {
		t.Fatal(err)
	}
	checkActorCounts(t, s, "one article")
	if _, err := s.SaveArticle(ctx, article("a", "First text, revised.", event("DEUGOV", "USAGOV", "036")), ""); err != nil {
		t.Fatal(err)
	}
	checkActorCounts(t, s, "replaced")
	got, err := s.Actors(ctx, "USAGOV", MaxLimit)
	if err != nil || len(got) != 1 || got[0].AsSource != 1 || got[0].AsTarget != 3 {
		t.Errorf("USAGOV after the saves: %+v %v", got, err)
	}
}

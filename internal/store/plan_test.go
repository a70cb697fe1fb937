package store

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/store/storetest"
)

// TestEventsPagePlans checks that every plan EventsPage may choose (walking
// the date, mentions or code index, or sorting the matching ids) returns
// what filtering all events by hand returns.
func TestEventsPagePlans(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, storetest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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
			if es[i].Date != es[j].Date {
				return es[i].Date > es[j].Date
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
		{"mentions", EventFilter{Country: "SYR", Sort: "mentions"}, func(e Event) bool {
			return e.SourceCountry == "SYR" || e.TargetCountry == "SYR" || e.PlaceCountry == "SYR"
		}},
		{"bbox across the antimeridian", EventFilter{BBox: &BBox{MinLon: 150, MinLat: -20, MaxLon: -150, MaxLat: 40}}, func(e Event) bool {
			return *e.Lat >= -20 && *e.Lat <= 40 && (*e.Lon >= 150 || *e.Lon <= -150)
		}},
		{"bbox", EventFilter{BBox: &BBox{MinLon: -10, MinLat: 35, MaxLon: 30, MaxLat: 60}}, func(e Event) bool {
			return *e.Lat >= 35 && *e.Lat <= 60 && *e.Lon >= -10 && *e.Lon <= 30
		}},
	}
	for _, tt := range tests {
		var want []Event
		for _, e := range all {
			if tt.keep(e) {
				want = append(want, e)
			}
		}
		if tt.f.Sort == "mentions" {
			byMentions(want)
		} else {
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

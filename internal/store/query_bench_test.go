package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"

	"dyad/internal/store/storetest"
)

// fillEvents inserts n generated events straight into the events table, in
// one transaction: actors of 40 countries with roles, CAMEO codes of every
// root, dates over three years, places over the world, 1 to 6 mentions.
func fillEvents(tb testing.TB, s *Store, n int) {
	tb.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 11))
	countries := []string{"USA", "RUS", "UKR", "CHN", "SYR", "ISR", "PSE", "IRN", "TUR", "DEU", "FRA", "GBR", "JPN", "KOR", "PRK",
		"IND", "PAK", "AFG", "IRQ", "SAU", "EGY", "LBN", "JOR", "YEM", "KEN", "NGA", "ETH", "SOM", "SDN", "ZAF",
		"BRA", "MEX", "COL", "VEN", "ARG", "CAN", "AUS", "IDN", "PHL", "VNM"}
	roles := []string{"", "GOV", "MIL", "REB", "OPP", "CVL", "MED", "BUS"}
	codes := []string{"010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "080", "090", "100",
		"111", "112", "120", "130", "138", "140", "145", "150", "160", "172", "173", "180", "183", "190", "193", "195", "200"}
	quad := func(root string) int {
		switch {
		case root <= "05":
			return 1
		case root <= "08":
			return 2
		case root <= "14":
			return 3
		}
		return 4
	}
	start := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, s.d.rebind(`INSERT INTO events (merge_key, date, date_grain, date_start, source_code, source_country,
		target_code, target_country, code, root, quad_class, goldstein, modality, place_name, place_country, lat, lon,
		num_mentions, num_sources, num_articles, first_seen) VALUES (?, ?, 'day', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`))
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	for i := range n {
		sc, tc := countries[rng.IntN(len(countries))], countries[rng.IntN(len(countries))]
		code := codes[rng.IntN(len(codes))]
		date := start.AddDate(0, 0, rng.IntN(3*365)).Format(time.DateOnly)
		pc := countries[rng.IntN(len(countries))]
		lat, lon := rng.Float64()*140-60, rng.Float64()*360-180
		mod := "asserted"
		if rng.IntN(20) == 0 {
			mod = "negated"
		}
		m := 1 + rng.IntN(6)
		if _, err := st.ExecContext(ctx, fmt.Sprintf("gen:%d", i), date, date, sc+roles[rng.IntN(len(roles))], sc,
			tc+roles[rng.IntN(len(roles))], tc, code, code[:2], quad(code[:2]), rng.Float64()*20-10, mod,
			"Place "+pc, pc, lat, lon, m, m, m, date); err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	if s.d.countsActors() {
		recountActors(tb, s)
	}
	if _, err := s.db.ExecContext(ctx, `ANALYZE`); err != nil {
		tb.Fatal(err)
	}
}

// recountActors sets actor_counts from the events, for events inserted
// behind the store's back where it counts the actors of those it creates
// itself (SQLite, migration 0010).
func recountActors(tb testing.TB, s *Store) {
	tb.Helper()
	for _, q := range []string{`DELETE FROM actor_counts`,
		`INSERT INTO actor_counts (code, as_source, as_target)
		SELECT code, SUM(s), SUM(t) FROM (
			SELECT source_code AS code, 1 AS s, 0 AS t FROM events WHERE source_code <> ''
			UNION ALL
			SELECT target_code, 0, 1 FROM events WHERE target_code <> '') AS sides
		GROUP BY code`} {
		if _, err := s.db.ExecContext(context.Background(), q); err != nil {
			tb.Fatal(err)
		}
	}
}

// BenchmarkEventsQuery measures the queries behind GET /api/v1/events (one
// page of events and the capped total, as the server runs them) and the
// actor and dyad pages over generated events: 100,000 by default, 1,000,000
// with DYAD_BENCH_1M=1. Each sub-benchmark reports p50 and p99 latency.
func BenchmarkEventsQuery(b *testing.B) {
	n := 100_000
	if os.Getenv("DYAD_BENCH_1M") == "1" {
		n = 1_000_000
	}
	ctx := context.Background()
	s, err := Open(ctx, storetest.DSN(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	t0 := time.Now()
	fillEvents(b, s, n)
	b.Logf("%d events generated in %v", n, time.Since(t0).Round(time.Millisecond))

	page := func(f EventFilter) func() error {
		return func() error {
			if _, err := s.Events(ctx, f); err != nil {
				return err
			}
			_, err := s.CountEvents(ctx, f, 10_000)
			return err
		}
	}
	// The cursor of the 900th event of the deep page's filter: the page
	// after it is the deep page, read from the cursor.
	before, err := s.Events(ctx, EventFilter{Actor: "IRN", Offset: 899, Limit: 1})
	if err != nil || len(before) != 1 {
		b.Fatalf("event 900 of IRN: %v, %v", before, err)
	}
	cursor := CursorAt("", before[0])
	queries := []struct {
		name string
		run  func() error
	}{
		{"all", page(EventFilter{})},
		{"actor", page(EventFilter{Actor: "USA"})},
		{"dyad", page(EventFilter{Source: "RUS", Target: "UKR"})},
		{"actor+role", page(EventFilter{Actor: "RUSMIL"})},
		{"country", page(EventFilter{Country: "SYR"})},
		{"root+dates", page(EventFilter{Root: "19", From: "2015-03-01", To: "2015-03-31"})},
		{"code+actor", page(EventFilter{Code: "040", Actor: "CHN"})},
		{"quad_class", page(EventFilter{QuadClass: 4})},
		{"bbox", page(EventFilter{BBox: &BBox{MinLon: -10, MinLat: 35, MaxLon: 30, MaxLat: 60}})},
		{"bbox_antimeridian", page(EventFilter{BBox: &BBox{MinLon: 170, MinLat: -50, MaxLon: -170, MaxLat: 0}})},
		{"min_mentions", page(EventFilter{MinMentions: 6, Sort: "mentions"})},
		{"deep_page", page(EventFilter{Actor: "IRN", Offset: 900})},
		{"deep_page_cursor", page(EventFilter{Actor: "IRN", After: &cursor})},
		{"actors", func() error { _, err := s.Actors(ctx, "", 100); return err }},
		{"actor_profile", func() error { _, err := s.ActorProfile(ctx, "USAGOV", "month"); return err }},
		{"actor_profile_country", func() error { _, err := s.ActorProfile(ctx, "USA", "month"); return err }},
		{"dyad_timeline", func() error { _, err := s.DyadTimeline(ctx, "USA", "CHN", "week", "", ""); return err }},
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			var lat []time.Duration
			for b.Loop() {
				t := time.Now()
				if err := q.run(); err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(t))
			}
			slices.Sort(lat)
			pct := func(p float64) float64 {
				return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
			}
			b.ReportMetric(pct(0.50), "p50_ms")
			b.ReportMetric(pct(0.99), "p99_ms")
		})
	}
}

package store

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/store/storetest"
	"dyad/news"
)

// textDoc is a small coded article with a quote and a person entity.
func textDoc(id, text string) news.Document {
	return news.Document{
		ID: id, Source: "Wire", Title: "About " + id, Published: "2021-03-04", Language: "en", Text: text,
		Blocks:    []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}},
		Sentences: []news.Sentence{{Span: news.Span{0, len(text)}}},
		Entities:  []news.Entity{{Text: "", Span: news.Span{0, 0}, Type: "person", Name: "Nobody"}},
		Places:    []news.Place{},
		Times:     []news.Time{},
		Quotes:    []news.Quote{{Text: "quoted words of " + id, Span: news.Span{0, 1}, Kind: "direct", Speaker: "Speaker " + id}},
		Events:    []news.Event{},
		Warnings:  []string{},
	}
}

// TestStoredObjectExact checks that an article's object is read back byte
// for byte as MarshalJSON wrote it, whatever its text holds, and on SQLite
// that it is stored compressed and without its text.
func TestStoredObjectExact(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for _, tt := range []struct{ id, text string }{
		{"plain", "Ministers met in Vienna on Tuesday."},
		{"markup", `<script>alert("x")</script> & "quotes" and a \ backslash`},
		{"lookalike", `He wrote "text":"" in the margin, then {"text":""}.`},
		{"unicode", "Zürich — 東京 \u2028 line\nbreak\ttab \u00e9"},
		{"empty", ""},
	} {
		t.Run(tt.id, func(t *testing.T) {
			d := textDoc(tt.id, tt.text)
			if _, err := s.SaveArticle(ctx, d, ""); err != nil {
				t.Fatal(err)
			}
			want, err := d.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			var got []byte
			err = s.EachArticle(ctx, ExportFilter{}, func(id string, doc []byte) error {
				if id == tt.id {
					got = slices.Clone(doc)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("exported object:\n got %s\nwant %s", got, want)
			}
			back, ok, err := s.Article(ctx, tt.id)
			if err != nil || !ok {
				t.Fatalf("Article: %v %v", ok, err)
			}
			if diff := cmp.Diff(d, back); diff != "" {
				t.Errorf("Article (-saved +read):\n%s", diff)
			}
			if storetest.Postgres() {
				return
			}
			var stored []byte
			if err := s.db.QueryRowContext(ctx, `SELECT doc FROM articles WHERE id = ?`, tt.id).Scan(&stored); err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(stored, []byte(zstdMagic)) || len(stored) >= len(want) {
				t.Errorf("stored object not compressed: %d bytes for %d", len(stored), len(want))
			}
			if tt.text != "" && bytes.Contains(stored, []byte(tt.text)) {
				t.Errorf("stored object holds the text")
			}
		})
	}
}

// searchIDs lists the articles whose title or text hold every word of q.
func searchIDs(t *testing.T, s *Store, q string) []string {
	t.Helper()
	as, err := s.Articles(context.Background(), ArticleFilter{Q: q})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	sort.Strings(ids)
	return ids
}

// quoteIDs lists the articles of the quotes that hold every word of q.
func quoteIDs(t *testing.T, s *Store, q string) []string {
	t.Helper()
	qs, err := s.Quotes(context.Background(), "", q, 100)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range qs {
		ids = append(ids, h.ArticleID)
	}
	sort.Strings(ids)
	return ids
}

// ftsIntact runs FTS5's own check of both indexes against the rows they
// index (SQLite).
func ftsIntact(t *testing.T, s *Store) {
	t.Helper()
	for _, table := range []string{"article_fts", "quote_fts"} {
		q := fmt.Sprintf(`INSERT INTO %[1]s (%[1]s, rank) VALUES ('integrity-check', 1)`, table)
		if _, err := s.db.ExecContext(context.Background(), q); err != nil {
			t.Errorf("%s: %v", table, err)
		}
	}
}

// TestSearchAfterReplaceAndVacuum checks the full-text indexes through
// re-saves (in one batch and across batches) and a VACUUM, which must keep
// the articles' rowids the index is keyed by.
func TestSearchAfterReplaceAndVacuum(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := textDoc("a", "Talks on grain exports resumed in Istanbul.")
	b := textDoc("b", "Floods closed the border crossing at dawn.")
	b2 := textDoc("b", "Protesters marched through the capital at noon.")
	c := textDoc("c", "The envoy praised the grain corridor deal.")
	c2 := textDoc("c", "The envoy left without a statement.")
	// b is replaced within the batch that first saves it.
	_, errs := s.SaveArticles(ctx, []news.Document{a, b, b2, c}, "")
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string, want map[string][]string) {
		t.Helper()
		for q, ids := range want {
			if got := searchIDs(t, s, q); !slices.Equal(got, ids) {
				t.Errorf("%s: search %q = %v, want %v", when, q, got, ids)
			}
		}
		if !storetest.Postgres() {
			ftsIntact(t, s)
		}
	}
	check("saved", map[string][]string{"grain": {"a", "c"}, "floods": nil, "protesters": {"b"}, "envoy": {"c"}, "about": {"a", "b", "c"}})
	if got := quoteIDs(t, s, "quoted words"); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("quotes: %v", got)
	}
	// a is saved again with the same text (nothing changes), c is replaced.
	if _, err := s.SaveArticle(ctx, a, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveArticle(ctx, c2, ""); err != nil {
		t.Fatal(err)
	}
	check("replaced", map[string][]string{"grain": {"a"}, "statement": {"c"}, "envoy": {"c"}})
	if storetest.Postgres() {
		return
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM`); err != nil {
		t.Fatal(err)
	}
	check("vacuumed", map[string][]string{"grain": {"a"}, "statement": {"c"}, "protesters": {"b"}})
	if _, err := s.SaveArticle(ctx, textDoc("a", "Grain ships sailed again."), ""); err != nil {
		t.Fatal(err)
	}
	check("replaced after vacuum", map[string][]string{"grain": {"a"}, "talks": nil, "ships": {"a"}})
	if got := quoteIDs(t, s, "quoted words"); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("quotes after vacuum: %v", got)
	}
}

// TestUpgradeFrom0006 opens a SQLite database written by the schema before
// migration 0007 (objects stored whole, full-text rows with their own copy
// of the text) and checks that its articles read as before, are found by
// search, and can be replaced, beside articles stored after the upgrade.
func TestUpgradeFrom0006(t *testing.T) {
	if storetest.Postgres() {
		t.Skip("SQLite's stored objects and full-text tables")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old := textDoc("old", "Harvest figures from the northern provinces disappointed.")
	oldJSON, err := old.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	func() {
		db, err := openSQLite(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		names, err := fs.Glob(migrations, "migrations/*.sql")
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(names)
		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := db.ExecContext(ctx, q, args...); err != nil {
				t.Fatalf("%.60s: %v", q, err)
			}
		}
		exec(`CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`)
		for _, name := range names {
			version := strings.TrimPrefix(name, "migrations/")
			if version >= "0007" {
				break
			}
			body, _ := fs.ReadFile(migrations, name)
			for _, stmt := range splitSQL(string(body)) {
				exec(stmt)
			}
			exec(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, '2026-01-01T00:00:00Z')`, version)
		}
		// As the store wrote an article before 0007.
		exec(`INSERT INTO articles (id, url, source, title, published, text, doc, ingested_at) VALUES (?, '', ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z')`,
			old.ID, old.Source, old.Title, old.Published, old.Text, string(oldJSON))
		exec(`INSERT INTO article_fts (article_id, title, text) VALUES (?, ?, ?)`, old.ID, old.Title, old.Text)
		q := old.Quotes[0]
		exec(`INSERT INTO quotes (article_id, idx, text, kind, speaker, speaker_actor, span_start, span_end) VALUES (?, 0, ?, ?, ?, '', 0, 1)`,
			old.ID, q.Text, q.Kind, q.Speaker)
		exec(`INSERT INTO quote_fts (quote_id, speaker, text) SELECT id, speaker, text FROM quotes`)
		exec(`INSERT INTO entities (article_id, idx, text, name, type, actor, span_start, span_end) VALUES (?, 0, '', 'Nobody', 'person', '', 0, 0)`, old.ID)
		exec(`INSERT INTO places (article_id, idx, text, name, country, feature, lat, lon, geonames_id, span_start, span_end)
			VALUES (?, 0, 'Kherson', 'Kherson', 'UKR', 'city', 46.6, 32.6, 706448, 0, 7)`, old.ID)
		// An event at that place, whose feature and GeoNames id 0009 moves
		// from the places row to the event.
		exec(`INSERT INTO events (id, merge_key, date, date_grain, source_code, target_code, code, root, quad_class, modality, place_name, place_country, lat, lon, num_mentions, num_articles, num_sources, first_seen)
			VALUES (7, 'k', '2026-01-01', 'day', 'UKR', 'RUS', '042', '04', 1, 'asserted', 'Kherson', 'UKR', 46.6, 32.6, 1, 1, 1, '2026-01-01T00:00:00Z')`)
		exec(`INSERT INTO mentions (event_id, article_id, event_index, sentence) VALUES (7, ?, 0, 0)`, old.ID)
	}()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, err := s.Migrations(ctx)
	if err != nil || len(ms) < 7 || !strings.HasPrefix(ms[6].Version, "0007") {
		t.Fatalf("migrations after upgrade: %v %v", ms, err)
	}
	got, ok, err := s.Article(ctx, "old")
	if err != nil || !ok {
		t.Fatalf("old article: %v %v", ok, err)
	}
	if diff := cmp.Diff(old, got); diff != "" {
		t.Errorf("old article (-written +read):\n%s", diff)
	}
	var exported []byte
	if err := s.EachArticle(ctx, ExportFilter{}, func(_ string, doc []byte) error { exported = slices.Clone(doc); return nil }); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(exported, oldJSON) {
		t.Errorf("old article exported as\n%s\nwant\n%s", exported, oldJSON)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 1 || st.Entities != 1 || st.Places != 1 || st.Quotes != 1 {
		t.Errorf("stats after upgrade: %+v %v", st, err)
	}
	var events []ExportEvent
	if err := s.EachEvent(ctx, ExportFilter{}, func(e ExportEvent) error { events = append(events, e); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 || events[0].PlaceFeature != "city" || events[0].PlaceGeonamesID != 706448 {
		t.Errorf("event place after upgrade: %+v", events)
	}
	if ids := searchIDs(t, s, "harvest provinces"); !slices.Equal(ids, []string{"old"}) {
		t.Errorf("old article not found by search: %v", ids)
	}
	if ids := quoteIDs(t, s, "quoted words"); !slices.Equal(ids, []string{"old"}) {
		t.Errorf("old quote not found by search: %v", ids)
	}
	if _, err := s.SaveArticle(ctx, textDoc("new", "Harvest festivals drew crowds in the south."), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveArticle(ctx, textDoc("old", "Rainfall figures were revised upward."), ""); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{"harvest": {"new"}, "figures": {"old"}, "provinces": nil} {
		if ids := searchIDs(t, s, q); !slices.Equal(ids, want) {
			t.Errorf("after upgrade and replace: search %q = %v, want %v", q, ids, want)
		}
	}
	if ids := quoteIDs(t, s, "quoted words"); !slices.Equal(ids, []string{"new", "old"}) {
		t.Errorf("quotes after upgrade: %v", ids)
	}
	if st, err := s.Stats(ctx); err != nil || st.Articles != 2 || st.Entities != 2 || st.Places != 0 || st.Quotes != 2 {
		t.Errorf("stats after replace: %+v %v", st, err)
	}
	ftsIntact(t, s)
}

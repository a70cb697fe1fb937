package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"dyad/internal/corpus"
	"dyad/internal/store"
	"dyad/internal/store/storetest"
	"dyad/news"
	"dyad/pipeline"
)

// ignoreTimes ignores when events were first seen, which differs between stores.
var ignoreTimes = cmpopts.IgnoreFields(store.Event{}, "FirstSeen")

func TestSaveArticlesPartialFailure(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.DSN(t)
	s, err := store.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// A real failure in the middle of an article: its second mention is refused,
	// after its article row, entities, quotes, first event and mention were written.
	driver, refuse := "sqlite", []string{`CREATE TRIGGER refuse BEFORE INSERT ON mentions WHEN NEW.article_id = 'bad' AND NEW.event_index = 1
		BEGIN SELECT RAISE(ABORT, 'refused'); END`}
	if store.IsPostgres(dsn) {
		driver, refuse = "pgx", []string{`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''refused''; END'`,
			`CREATE TRIGGER refuse BEFORE INSERT ON mentions FOR EACH ROW WHEN (NEW.article_id = 'bad' AND NEW.event_index = 1) EXECUTE FUNCTION refuse()`}
	}
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range refuse {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	a := doc("a", "Reuters", "text a", ev("USA", "RUS", "040", "2016-07-14"))
	bad := doc("bad", "AP", "text bad", ev("USA", "RUS", "040", "2016-07-14"), ev("FRA", "DEU", "042", "2016-07-14"))
	c := doc("c", "AFP", "text c", ev("USA", "RUS", "040", "2016-07-14"))
	saved, errs := s.SaveArticles(ctx, []news.Document{a, doc("", "", "no id"), bad, c}, "")
	for i, want := range []bool{false, true, true, false} {
		if (errs[i] != nil) != want {
			t.Errorf("doc %d: error %v, want error %v", i, errs[i], want)
		}
	}
	if saved[0].Mentions != 1 || saved[0].NewEvents != 1 || saved[3].Mentions != 1 || saved[3].NewEvents != 0 {
		t.Errorf("saved %+v", saved)
	}
	if saved[2] != (store.Saved{ArticleID: "bad"}) {
		t.Errorf("failed article reports work done: %+v", saved[2])
	}
	if _, ok, _ := s.Article(ctx, "bad"); ok {
		t.Error("failed article stored")
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (store.Stats{Articles: 2, Events: 1, Mentions: 2, Quotes: 2, Entities: 2, Places: 2}); st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	es := events(t, s, store.EventFilter{})
	if len(es) != 1 || es[0].NumMentions != 2 || es[0].NumArticles != 2 || es[0].NumSources != 2 {
		t.Errorf("events %+v", es)
	}
	if es := events(t, s, store.EventFilter{Q: "bad"}); len(es) != 0 {
		t.Errorf("failed article's text indexed: %+v", es)
	}
}

// TestSaveArticlesLikeSaveArticle checks that a batch does what the same
// SaveArticle calls do, that re-saving changes nothing, and that a batch
// repeating an id with a new text replaces it as consecutive saves do.
func TestSaveArticlesLikeSaveArticle(t *testing.T) {
	ctx := context.Background()
	ds := coded(t)
	changed := ds[0]
	changed.Text += " More."
	ds = append(ds, ds[1], changed) // a duplicate, then a replacement
	one, batch := open(t), open(t)
	var want []store.Saved
	for _, d := range ds {
		want = append(want, save(t, one, d, ""))
	}
	got, errs := batch.SaveArticles(ctx, ds, "")
	for i, err := range errs {
		if err != nil {
			t.Errorf("doc %d: %v", i, err)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("saved (-SaveArticle +SaveArticles):\n%s", diff)
	}
	stOne, _ := one.Stats(ctx)
	stBatch, _ := batch.Stats(ctx)
	if stOne != stBatch {
		t.Errorf("stats: one by one %+v, batch %+v", stOne, stBatch)
	}
	mentions, newEvents := 0, 0
	for _, sv := range got {
		mentions += sv.Mentions
		newEvents += sv.NewEvents
	}
	if stBatch.Articles != len(ds)-2 || stBatch.Mentions == 0 || stBatch.Events == 0 || newEvents < stBatch.Events {
		t.Errorf("stats %+v after saving %d documents (%d mentions, %d new events)", stBatch, len(ds), mentions, newEvents)
	}
	all := store.EventFilter{Limit: 1000}
	if diff := cmp.Diff(events(t, one, all), events(t, batch, all), ignoreTimes); diff != "" {
		t.Errorf("events (-SaveArticle +SaveArticles):\n%s", diff)
	}

	// Again, without the text replaced: every article unchanged, nothing written.
	again, errs := batch.SaveArticles(ctx, ds[1:], "")
	for i, sv := range again {
		if errs[i] != nil || !sv.Unchanged || sv.Mentions != 0 || sv.NewEvents != 0 {
			t.Errorf("re-save %d: %+v, %v", i, sv, errs[i])
		}
	}
	if st, _ := batch.Stats(ctx); st != stBatch {
		t.Errorf("re-save changed the store: %+v -> %+v", stBatch, st)
	}
	if saved, errs := batch.SaveArticles(ctx, nil, ""); len(saved) != 0 || len(errs) != 0 {
		t.Errorf("empty batch: %v %v", saved, errs)
	}
}

func TestSaveArticlesCanceled(t *testing.T) {
	s := open(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, errs := s.SaveArticles(ctx, []news.Document{doc("a", "", "text a")}, "")
	if errs[0] == nil {
		t.Error("saved with a canceled context")
	}
	if st, _ := s.Stats(context.Background()); st.Articles != 0 {
		t.Errorf("stats %+v", st)
	}
}

// generated codes n generated articles with the real pipeline.
func generated(b *testing.B, n int) []news.Document {
	b.Helper()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	g := corpus.New(1)
	ds := make([]news.Document, n)
	for i := range ds {
		if ds[i], err = p.Process(context.Background(), g.Article(12)); err != nil {
			b.Fatal(err)
		}
	}
	return ds
}

// BenchmarkSaveGenerated stores a few hundred generated articles, one
// transaction each (SaveArticle) or in batches (SaveArticles), into a fresh
// database every round.
func BenchmarkSaveGenerated(b *testing.B) {
	ds := generated(b, 300)
	for _, size := range []int{1, 16, 64, 256} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			ctx := context.Background()
			n := 0
			for b.Loop() {
				b.StopTimer()
				s, err := store.Open(ctx, storetest.DSN(b))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				for i := 0; i < len(ds); i += size {
					batch := ds[i:min(i+size, len(ds))]
					if size == 1 {
						if _, err := s.SaveArticle(ctx, batch[0], ""); err != nil {
							b.Fatal(err)
						}
					} else {
						_, errs := s.SaveArticles(ctx, batch, "")
						for _, err := range errs {
							if err != nil {
								b.Fatal(err)
							}
						}
					}
					n += len(batch)
				}
				b.StopTimer()
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

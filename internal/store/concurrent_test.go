package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/store"
	"dyad/internal/store/storetest"
	"dyad/news"
)

// TestConcurrentWriters saves, from several goroutines through two Store
// handles on one database (as two worker processes would), articles that
// all report the same three events, in different orders, one article at a
// time and in batches; then replaces half of them with new texts while the
// others are saved again. Every event must exist once, with exact counts.
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.DSN(t)
	var handles [2]*store.Store
	for i := range handles {
		s, err := store.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		handles[i] = s
	}
	const articles, workers = 48, 6
	outlets := []string{"AFP", "AP", "Reuters", "VOA"}
	shared := []news.Event{
		ev("USAGOV", "RUSGOV", "040", "2016-07-14"),
		ev("RUSGOV", "USAGOV", "042", "2016-07-14"),
		ev("FRAGOV", "DEUGOV", "043", "2016-07-14"),
	}
	article := func(i int, text string) news.Document {
		own := ev("GBRGOV", "IRLGOV", "036", fmt.Sprintf("2016-08-%02d", 1+i%28))
		own.Target.Code = fmt.Sprintf("IRL%03d", i) // an event of this article alone
		es := []news.Event{shared[i%3], shared[(i+1)%3], own, shared[(i+2)%3]}
		if i%2 == 1 {
			es[0], es[1] = es[1], es[0]
		}
		return doc(fmt.Sprintf("a%02d", i), outlets[i%len(outlets)], text, es...)
	}

	// run saves the articles i with i%workers == w for each worker w, through
	// handle w%2, batch by batch (batches of one use SaveArticle), and
	// returns the events each created.
	run := func(docs func(i int) news.Document) int {
		var mu sync.Mutex
		created := 0
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				s := handles[w%2]
				var mine []news.Document
				for i := w; i < articles; i += workers {
					mine = append(mine, docs(i))
				}
				size := 1 + w%3
				for len(mine) > 0 {
					batch := mine[:min(size, len(mine))]
					mine = mine[len(batch):]
					var saved []store.Saved
					if len(batch) == 1 {
						sv, err := s.SaveArticle(ctx, batch[0], "")
						if err != nil {
							t.Errorf("worker %d: %v", w, err)
						}
						saved = []store.Saved{sv}
					} else {
						var errs []error
						saved, errs = s.SaveArticles(ctx, batch, "")
						for _, err := range errs {
							if err != nil {
								t.Errorf("worker %d: %v", w, err)
							}
						}
					}
					mu.Lock()
					for _, sv := range saved {
						created += sv.NewEvents
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		return created
	}
	check := func(phase string, created, wantCreated int) {
		t.Helper()
		s := handles[0]
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := (store.Stats{Articles: articles, Events: 3 + articles, Mentions: 4 * articles,
			Quotes: articles, Entities: articles, Places: articles}); st != want {
			t.Errorf("%s: stats %+v, want %+v", phase, st, want)
		}
		if created != wantCreated {
			t.Errorf("%s: saves created %d events, want %d", phase, created, wantCreated)
		}
		for _, e := range events(t, s, store.EventFilter{Limit: 1000}) {
			full, _, err := s.Event(ctx, e.ID)
			if err != nil {
				t.Fatal(err)
			}
			wantMentions, wantSources := 1, 1
			if e.Code != "036" {
				wantMentions, wantSources = articles, len(outlets)
			}
			if e.NumMentions != wantMentions || e.NumArticles != wantMentions || e.NumSources != wantSources || len(full.Mentions) != wantMentions {
				t.Errorf("%s: event %s %s→%s: mentions %d (%d stored), articles %d, sources %d; want %d, %d, %d",
					phase, e.Code, e.SourceCode, e.TargetCode, e.NumMentions, len(full.Mentions), e.NumArticles, e.NumSources,
					wantMentions, wantMentions, wantSources)
			}
		}
	}

	created := run(func(i int) news.Document { return article(i, fmt.Sprintf("Text of article %d.", i)) })
	check("first saves", created, 3+articles)

	// Half the articles get a new text (their mentions replaced, their own
	// event deleted and created anew); the others are saved again unchanged.
	created = run(func(i int) news.Document {
		if i%2 == 0 {
			return article(i, fmt.Sprintf("New text of article %d.", i))
		}
		return article(i, fmt.Sprintf("Text of article %d.", i))
	})
	check("replacements", created, articles/2)
}

// TestConcurrentCopies saves a wire story, its copies and an unrelated
// report all at once, from one goroutine each through two Store handles,
// and checks that the events come out as when they are saved one after the
// other: copies saved side by side still find each other.
func TestConcurrentCopies(t *testing.T) {
	ctx := context.Background()
	docs := syndicated(t)
	names := []string{"original", "variant_a", "variant_b", "variant_c", "unrelated"}
	one := open(t)
	for _, name := range names {
		save(t, one, docs[name], "")
	}
	want := storyEvents(t, one)
	for round := range 3 {
		dsn := storetest.DSN(t)
		var handles [2]*store.Store
		for i := range handles {
			s, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			handles[i] = s
		}
		release := gate(t, dsn)
		var wg sync.WaitGroup
		for i, name := range names {
			wg.Go(func() {
				if _, err := handles[i%2].SaveArticle(ctx, docs[name], ""); err != nil {
					t.Errorf("round %d: %s: %v", round, name, err)
				}
			})
		}
		release()
		wg.Wait()
		if diff := cmp.Diff(want, storyEvents(t, handles[0])); diff != "" {
			t.Errorf("round %d: events saved at once (-one by one +at once):\n%s", round, diff)
		}
	}
}

// TestConcurrentCopiesOwnDates saves a story and a copy of it whose event
// is dated a day later (so no merge key is shared) at once: the copy must
// still find the story and add a mention to its event, as when saved after
// it.
func TestConcurrentCopiesOwnDates(t *testing.T) {
	ctx := context.Background()
	text := `Foreign ministers from both countries met behind closed doors in the old harbour
		city on Thursday and agreed to reopen the border crossing that had been shut for most of
		the winter, officials from the two delegations told reporters after the talks. The deal,
		which still needs the approval of both parliaments, would let lorries carrying grain and
		fuel pass again within weeks, and a joint commission will meet next month to settle the
		remaining questions about customs checks and the fate of the stranded drivers.`
	story := doc("story", "Wire", text, ev("USAGOV", "RUSGOV", "040", "2016-07-14"))
	copied := doc("copy", "Daily", text+" Reporting by the wire.", ev("USAGOV", "RUSGOV", "040", "2016-07-15"))
	for round := range 3 {
		dsn := storetest.DSN(t)
		var handles [2]*store.Store
		for i := range handles {
			s, err := store.Open(ctx, dsn)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			handles[i] = s
		}
		release := gate(t, dsn)
		var wg sync.WaitGroup
		for i, d := range []news.Document{story, copied} {
			wg.Go(func() {
				if _, err := handles[i].SaveArticle(ctx, d, ""); err != nil {
					t.Errorf("round %d: %v", round, err)
				}
			})
		}
		release()
		wg.Wait()
		es := events(t, handles[0], store.EventFilter{})
		if len(es) != 1 || es[0].NumMentions != 2 || es[0].NumArticles != 2 {
			t.Errorf("round %d: events %+v, want one with two mentions", round, es)
		}
	}
}

// gate holds, on PostgreSQL, every save at its first read of the articles
// table (after it took its locks) until release is called, so that the
// saves started meanwhile then run at once. On SQLite it does nothing.
func gate(t *testing.T, dsn string) (release func()) {
	t.Helper()
	if !store.IsPostgres(dsn) {
		return func() {}
	}
	ctx := context.Background()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `LOCK TABLE articles IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	return func() {
		time.Sleep(300 * time.Millisecond)
		tx.Commit()
		db.Close()
	}
}

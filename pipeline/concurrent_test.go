package pipeline

import (
	"context"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/corpus"
	"dyad/news"
)

// TestProcessConcurrent codes the same articles on several goroutines at
// once and wants every document equal to the one coded alone: the stages
// reuse working memory from call to call (sync.Pool), which must never be
// shared by two calls.
func TestProcessConcurrent(t *testing.T) {
	p, err := New(Config{KeepTokens: true})
	if err != nil {
		t.Fatal(err)
	}
	g := corpus.New(7)
	articles := make([]news.Article, 24)
	for i := range articles {
		articles[i] = g.Article(8)
	}
	want := make([]news.Document, len(articles))
	for i, a := range articles {
		if want[i], err = p.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	const workers = 4
	got := make([][]news.Document, workers)
	var wg sync.WaitGroup
	for w := range workers {
		got[w] = make([]news.Document, len(articles))
		wg.Go(func() {
			// each worker starts at another article.
			for k := range articles {
				i := (k + w*len(articles)/workers) % len(articles)
				d, err := p.Process(context.Background(), articles[i])
				if err != nil {
					t.Error(err)
					return
				}
				got[w][i] = d
			}
		})
	}
	wg.Wait()
	for w := range workers {
		for i := range articles {
			if diff := cmp.Diff(want[i], got[w][i]); diff != "" {
				t.Fatalf("worker %d, article %d differs from the serial run (-want +got):\n%s", w, i, diff)
			}
		}
	}
}

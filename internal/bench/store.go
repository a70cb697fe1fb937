package bench

import (
	"context"
	"fmt"
	"time"

	"dyad/news"
)

// SaveFunc stores a batch of coded articles, as (*store.Store).SaveArticles
// does, and says how many of them were found to be copies of articles
// already stored.
type SaveFunc func(context.Context, []news.Document) (copies int, err error)

// StoreResult is what a run with storage measured.
type StoreResult struct {
	Articles        int     `json:"articles"`          // coded and stored
	Copies          int     `json:"copies"`            // stored as near-duplicates of earlier articles
	Seconds         float64 `json:"seconds"`           // coding and storing
	SaveSeconds     float64 `json:"save_seconds"`      // of which storing
	ArticlesPerSec  float64 `json:"articles_per_sec"`  // end to end, storage included
	SentencesPerSec float64 `json:"sentences_per_sec"` // end to end, storage included
}

// RunStore codes every article and stores the coded ones in batches of
// batch articles, one after another on the calling goroutine, and reports
// the throughput with storage. Articles that fail to code are skipped; a
// batch that fails to store is an error.
func RunStore(ctx context.Context, process ProcessFunc, save SaveFunc, articles []news.Article, batch int) (StoreResult, error) {
	batch = max(batch, 1)
	var r StoreResult
	sentences := 0
	pending := make([]news.Document, 0, batch)
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		start := time.Now()
		copies, err := save(ctx, pending)
		r.SaveSeconds += time.Since(start).Seconds()
		if err != nil {
			return fmt.Errorf("bench: store: %w", err)
		}
		r.Articles += len(pending)
		r.Copies += copies
		pending = pending[:0]
		return nil
	}
	start := time.Now()
	for _, a := range articles {
		if err := ctx.Err(); err != nil {
			return r, err
		}
		doc, err := process(ctx, a)
		if err != nil {
			continue
		}
		sentences += len(doc.Sentences)
		pending = append(pending, doc)
		if len(pending) == batch {
			if err := flush(); err != nil {
				return r, err
			}
		}
	}
	if err := flush(); err != nil {
		return r, err
	}
	r.Seconds = time.Since(start).Seconds()
	if r.Articles == 0 {
		return r, fmt.Errorf("bench: none of %d articles could be coded", len(articles))
	}
	if r.Seconds > 0 {
		r.ArticlesPerSec = float64(r.Articles) / r.Seconds
		r.SentencesPerSec = float64(sentences) / r.Seconds
	}
	return r, nil
}

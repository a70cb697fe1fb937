// Package bench measures the whole pipeline's throughput on a set of
// articles: articles, sentences and tokens per second on one goroutine,
// and, with RunStore, the same with every coded article stored.
package bench

import (
	"context"
	"fmt"
	"time"

	"dyad/news"
)

// ProcessFunc codes one article, as (*pipeline.Pipeline).Process does.
type ProcessFunc func(context.Context, news.Article) (news.Document, error)

// Result is what one run measured.
type Result struct {
	Articles        int     `json:"articles"`
	Sentences       int     `json:"sentences"`
	Tokens          int     `json:"tokens"`
	Events          int     `json:"events"`
	Failed          int     `json:"failed"`
	Seconds         float64 `json:"seconds"`
	ArticlesPerSec  float64 `json:"articles_per_sec"`
	SentencesPerSec float64 `json:"sentences_per_sec"`
	TokensPerSec    float64 `json:"tokens_per_sec"`
}

// Run codes every article repeat times, one after another, and reports the
// throughput. Articles that fail to code are counted, not fatal; a run in
// which none codes is an error.
func Run(ctx context.Context, process ProcessFunc, articles []news.Article, repeat int) (Result, error) {
	if repeat < 1 {
		repeat = 1
	}
	var r Result
	start := time.Now()
	for range repeat {
		for _, a := range articles {
			if err := ctx.Err(); err != nil {
				return r, err
			}
			doc, err := process(ctx, a)
			if err != nil {
				r.Failed++
				continue
			}
			r.Articles++
			r.Sentences += len(doc.Sentences)
			r.Events += len(doc.Events)
			for _, s := range doc.Sentences {
				r.Tokens += len(s.Tokens)
			}
		}
	}
	r.Seconds = time.Since(start).Seconds()
	if r.Articles == 0 {
		return r, fmt.Errorf("bench: none of %d articles could be coded", len(articles)*repeat)
	}
	if r.Seconds > 0 {
		r.ArticlesPerSec = float64(r.Articles) / r.Seconds
		r.SentencesPerSec = float64(r.Sentences) / r.Seconds
		r.TokensPerSec = float64(r.Tokens) / r.Seconds
	}
	return r, nil
}

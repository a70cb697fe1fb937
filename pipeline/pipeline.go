// Package pipeline is dyad's library entry point: it knows the order of the
// stages and runs them on one article. A *Pipeline is immutable and safe for
// concurrent use.
package pipeline

import (
	"context"
	"fmt"

	"dyad/internal/clean"
	"dyad/internal/nlp"
	"dyad/news"
)

// Config selects what the pipeline does. The zero Config is valid.
type Config struct {
	// Published is the date to resolve against when an article carries none
	// (ISO 8601 date or date-time).
	Published string
	// KeepTokens keeps each sentence's tokens and chunks in the output.
	KeepTokens bool
}

// Pipeline codes articles. Build it once with New; it holds the loaded models.
type Pipeline struct {
	cfg Config
	nlp *nlp.Analyzer
}

// New validates cfg and loads what the stages need.
func New(cfg Config) (*Pipeline, error) {
	if cfg.Published != "" {
		if _, err := news.ParseDate(cfg.Published); err != nil {
			return nil, fmt.Errorf("pipeline: published date: %w", err)
		}
	}
	an, err := nlp.New()
	if err != nil {
		return nil, fmt.Errorf("pipeline: load nlp: %w", err)
	}
	return &Pipeline{cfg: cfg, nlp: an}, nil
}

// Process runs every stage on one article and returns its Document, with every
// list non-nil. It fails only when the article yields no text.
func (p *Pipeline) Process(ctx context.Context, a news.Article) (news.Document, error) {
	if err := ctx.Err(); err != nil {
		return news.Document{}, err
	}
	doc, err := clean.Clean(a, clean.Options{Published: p.cfg.Published})
	if err != nil {
		return news.Document{}, fmt.Errorf("clean: %w", err)
	}
	doc.Sentences = p.nlp.Sentences(doc.Text, doc.Blocks)
	if !p.cfg.KeepTokens {
		for i := range doc.Sentences {
			doc.Sentences[i].Tokens = nil
			doc.Sentences[i].Chunks = nil
		}
	}
	return doc.WithEmptyLists(), nil
}

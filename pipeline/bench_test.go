package pipeline

import (
	"context"
	"testing"

	"dyad/internal/corpus"
	"dyad/news"
)

// BenchmarkProcess measures the whole pipeline on one core over a generated
// corpus and reports tokens/s and sentences/s.
func BenchmarkProcess(b *testing.B) {
	p, err := New(Config{KeepTokens: true})
	if err != nil {
		b.Fatal(err)
	}
	g := corpus.New(42)
	articles := make([]news.Article, 200)
	for i := range articles {
		articles[i] = g.Article(12)
	}
	ctx := context.Background()
	var tokens, sentences, bytes int
	i := 0
	for b.Loop() {
		a := articles[i%len(articles)]
		i++
		doc, err := p.Process(ctx, a)
		if err != nil {
			b.Fatal(err)
		}
		bytes += len(a.Body)
		sentences += len(doc.Sentences)
		for _, s := range doc.Sentences {
			tokens += len(s.Tokens)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(tokens)/sec, "tokens/s")
	b.ReportMetric(float64(sentences)/sec, "sentences/s")
	b.ReportMetric(float64(bytes)/sec/1e6, "MB/s")
}

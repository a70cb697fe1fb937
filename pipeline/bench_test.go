package pipeline

import (
	"context"
	"testing"

	"dyad/internal/clean"
	"dyad/internal/corpus"
	"dyad/internal/nlp"
	"dyad/news"
)

// BenchmarkProcess measures the whole pipeline (every stage, built-in
// dictionaries) on one core over a generated corpus and reports tokens/s and
// sentences/s.
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

// BenchmarkCleanSplitTag measures the [foundation] stages alone (cleaning,
// sentence splitting, tokenising, tagging and chunking) on one core.
func BenchmarkCleanSplitTag(b *testing.B) {
	an, err := nlp.New()
	if err != nil {
		b.Fatal(err)
	}
	g := corpus.New(42)
	articles := make([]news.Article, 200)
	for i := range articles {
		articles[i] = g.Article(12)
	}
	var tokens, sentences, bytes int
	i := 0
	for b.Loop() {
		a := articles[i%len(articles)]
		i++
		doc, err := clean.Clean(a, clean.Options{})
		if err != nil {
			b.Fatal(err)
		}
		ss := an.Sentences(doc.Text, doc.Blocks)
		bytes += len(a.Body)
		sentences += len(ss)
		for _, s := range ss {
			tokens += len(s.Tokens)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(tokens)/sec, "tokens/s")
	b.ReportMetric(float64(sentences)/sec, "sentences/s")
	b.ReportMetric(float64(bytes)/sec/1e6, "MB/s")
}

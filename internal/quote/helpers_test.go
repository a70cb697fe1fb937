package quote

import (
	"sync"
	"testing"

	"dyad/internal/clean"
	"dyad/internal/nlp"
	"dyad/news"
)

var (
	analyzerOnce sync.Once
	analyzer     *nlp.Analyzer
	analyzerErr  error
)

// docOf cleans and analyses body the way the pipeline does.
func docOf(tb testing.TB, body string) news.Document {
	tb.Helper()
	analyzerOnce.Do(func() { analyzer, analyzerErr = nlp.New() })
	if analyzerErr != nil {
		tb.Fatal(analyzerErr)
	}
	doc, err := clean.Clean(news.Article{Body: []byte(body), Format: news.FormatText}, clean.Options{})
	if err != nil {
		tb.Skipf("clean: %v", err)
	}
	doc.Sentences = analyzer.Sentences(doc.Text, doc.Blocks)
	return doc
}

package coder

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"dyad/internal/dictfile"
	"dyad/news"
)

// benchSentences generates n news-like sentences over the made-up world
// and a few words each of the Phoenix dictionaries would know.
func benchText(n int) string {
	r := rand.New(rand.NewPCG(1, 2))
	actors := []string{"Velmora", "Tashkai police", "the government of Quorin", "France", "Russian troops", "the United Nations", "Egypt's foreign minister"}
	verbs := []string{"condemned", "met with", "attacked", "praised", "accused", "will visit", "did not attack", "promised aid to", "was criticized by"}
	tails := []string{"on Monday", "after talks in the capital", ", officials said", "over the border dispute", "for the second time this year"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%s %s %s %s. ", actors[r.IntN(len(actors))], verbs[r.IntN(len(verbs))], actors[r.IntN(len(actors))], tails[r.IntN(len(tails))])
	}
	return b.String()
}

func benchCode(b *testing.B, set *dictfile.Set, withNLP bool) {
	c, err := New(set, DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	an := analyzer(b)
	text := benchText(200)
	blocks := []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}}
	ss := an.Sentences(text, blocks)
	date := time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if withNLP {
			ss = an.Sentences(text, blocks)
		}
		c.Code(text, ss, date)
	}
	b.ReportMetric(float64(b.N*len(ss))/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(testing.AllocsPerRun(1, func() { c.Code(text, ss, date) }))/float64(len(ss)), "allocs/sentence")
}

// BenchmarkCode codes generated sentences, tokenising and tagging
// included, with the full Phoenix dictionaries when they are present and
// with the small test dictionaries otherwise.
func BenchmarkCode(b *testing.B) {
	set, err := dictfile.LoadPetrarch("../../../shared/conformance/phoenix/PETR_config.ini")
	if err != nil {
		b.Logf("Phoenix dictionaries not loaded (%v): using the test dictionaries", err)
		set = testSet(b)
	}
	b.Run("nlp+code", func(b *testing.B) { benchCode(b, set, true) })
	b.Run("code", func(b *testing.B) { benchCode(b, set, false) })
}

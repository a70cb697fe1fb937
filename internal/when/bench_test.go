package when

import (
	"math/rand/v2"
	"strings"
	"testing"

	"dyad/news"
)

// benchText builds a news-like text of n sentences, about one in three with a
// time expression.
func benchText(n int) string {
	actors := []string{"Rebel fighters", "The army", "Police", "Gen. Tomas Varga", "The U.S. envoy",
		"Protesters", "The ministry's spokesman", "Government troops", "The U.N. mission"}
	verbs := []string{"attacked", "criticised", "met with", "accused", "praised", "threatened",
		"will meet", "is expected to visit", "condemned", "shelled", "visited"}
	targets := []string{"the capital", "opposition leaders", "the border town", "villagers",
		"the central bank", "aid workers", "2,200 civilians", "the northern province"}
	whens := []string{"", "", "", "", "", "on Friday", "late Thursday night", "last September",
		"on June 18, 2016", "this week", "two days ago", "in early March", "at 9 a.m. Tuesday",
		"in 2014", "the past week", "next Monday"}
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range n {
		b.WriteString(actors[r.IntN(len(actors))])
		b.WriteByte(' ')
		b.WriteString(verbs[r.IntN(len(verbs))])
		b.WriteByte(' ')
		b.WriteString(targets[r.IntN(len(targets))])
		if w := whens[r.IntN(len(whens))]; w != "" {
			b.WriteByte(' ')
			b.WriteString(w)
		}
		b.WriteString(", officials in the region said after a long meeting with local leaders. ")
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	text := benchText(2000)
	ss := analyzer(b).Sentences(text, []news.Block{{Span: news.Span{0, len(text)}}})
	pub := day("2016-07-15")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, ss, pub, true)
	}
}

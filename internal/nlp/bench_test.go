package nlp

import (
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"dyad/news"
)

var (
	sharedOnce     sync.Once
	sharedAnalyzer *Analyzer
	sharedErr      error
)

// analyzer returns one Analyzer for all tests of the package.
func analyzer(tb testing.TB) *Analyzer {
	tb.Helper()
	sharedOnce.Do(func() { sharedAnalyzer, sharedErr = New() })
	if sharedErr != nil {
		tb.Fatalf("New: %v", sharedErr)
	}
	return sharedAnalyzer
}

// Word lists and templates for a generated news-like corpus.
var (
	benchActors = []string{
		"Rebel fighters", "The army", "Police", "Gen. Tomas Varga", "The U.S. envoy",
		"Protesters", "The ministry's spokesman", "Mr. Adeyemi", "Government troops",
		"The U.N. mission", "Opposition leaders", "Militants", "The prime minister",
		"Sen. Holloway", "Villagers", "The central bank", "Dr. Okafor", "Aid workers",
	}
	benchVerbs = []string{
		"attacked", "criticised", "met with", "accused", "praised", "threatened",
		"negotiated with", "condemned", "welcomed", "shelled", "arrested", "visited",
		"urged", "warned", "supported", "rejected an offer from",
	}
	benchTargets = []string{
		"the town", "a convoy near the border", "officials in the capital",
		"the neighbouring government", "the U.S.-backed coalition", "local leaders",
		"journalists", "the ruling party", "security forces", "a group of students",
		"the election commission", "anti-terror units", "the C-130 crew",
	}
	benchWhen = []string{
		"on Tuesday", "early on Jan. 5", "at 3 p.m. local time", "last week",
		"on 2016-07-15", "late on Sunday", "at 12:30", "in Sept. last year", "overnight",
	}
	benchTails = []string{
		"killing 14 people", "according to a statement", "despite the ceasefire",
		"officials said", "in a rare move", "after talks collapsed",
		"as 1,200 troops gathered nearby", "amid rising prices of 3.5 percent",
	}
	benchQuotes = []string{
		"We will not accept this", "The talks are over", "Nobody expected it",
		"They don't want peace", "It's a dangerous moment for the region",
	}
	benchSayers    = []string{"he said", "she said", "a spokeswoman said", "the minister told reporters"}
	benchSyllables = []string{"ka", "lo", "ve", "mir", "ta", "su", "ren", "do", "bi", "zan", "ol", "est", "ru", "gha", "ni", "pol"}
)

// benchText builds a corpus of about n sentences in paragraphs.
func benchText(n int) (string, []news.Block) {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	// name makes a capitalised made-up name, so the corpus has the many
	// rare words real news has.
	name := func() string {
		n := pick(benchSyllables) + pick(benchSyllables)
		if r.IntN(2) == 0 {
			n += pick(benchSyllables)
		}
		return strings.ToUpper(n[:1]) + n[1:]
	}
	var b strings.Builder
	var blocks []news.Block
	start := 0
	for i := 0; i < n; i++ {
		switch r.IntN(6) {
		case 0:
			b.WriteString("“" + pick(benchQuotes) + ",” " + pick(benchSayers) + ".")
		case 1:
			b.WriteString(pick(benchActors) + " " + pick(benchVerbs) + " " + pick(benchTargets) + " " +
				pick(benchWhen) + ", " + pick(benchTails) + ".")
		case 2:
			b.WriteString("Did " + strings.ToLower(pick(benchActors)[:1]) + pick(benchActors)[1:] + " really " +
				strings.TrimSuffix(pick([]string{"attack", "visit", "warn", "support"}), "") + " " + pick(benchTargets) + "?")
		case 3:
			b.WriteString(name() + " " + name() + ", who leads " + pick(benchActors) + " in " + name() + ", said " +
				pick(benchTargets) + " had " + pick(benchVerbs) + " " + name() + " on " + pick([]string{"Monday", "Friday"}) + ".")
		case 4:
			b.WriteString(pick(benchActors) + ", which " + pick(benchVerbs) + " " + pick(benchTargets) + " " +
				pick(benchWhen) + ", said it had " + pick(benchVerbs) + " " + pick(benchTargets) + " too.")
		default:
			b.WriteString(pick(benchTargets)[:1] + " " + pick(benchActors) + " " + pick(benchVerbs) + " " +
				pick(benchTargets) + " (" + pick(benchWhen) + ") — " + pick(benchTails) + ".")
		}
		if i%4 == 3 || i == n-1 {
			blocks = append(blocks, news.Block{Kind: news.BlockParagraph, Span: news.Span{start, b.Len()}})
			b.WriteString("\n\n")
			start = b.Len()
		} else {
			b.WriteString(" ")
		}
	}
	return b.String(), blocks
}

func BenchmarkSentences(b *testing.B) {
	a := analyzer(b)
	text, blocks := benchText(2000)
	ss := a.Sentences(text, blocks)
	tokens := 0
	for _, s := range ss {
		tokens += len(s.Tokens)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a.Sentences(text, blocks)
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(tokens)*float64(b.N)/sec, "tokens/s")
	b.ReportMetric(float64(len(ss))*float64(b.N)/sec, "sentences/s")
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

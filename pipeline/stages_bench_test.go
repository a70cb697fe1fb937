package pipeline

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"dyad/internal/clean"
	"dyad/internal/geo"
	"dyad/internal/ingest"
	"dyad/internal/quote"
	"dyad/internal/when"
	"dyad/news"
)

// phoenixDir holds the Phoenix dictionaries and the GigaWord sample the
// speed target of issue 3 is measured on; the benchmark is skipped without it.
const phoenixDir = "../../shared/conformance/phoenix"

// BenchmarkStagesGigaWord times each stage before coding on the GigaWord
// sample with the Phoenix dictionaries, one sub-benchmark per stage, each fed
// the documents the earlier stages made. It reports ns and allocations per
// sentence, the unit of the speed target.
func BenchmarkStagesGigaWord(b *testing.B) {
	if _, err := os.Stat(phoenixDir); err != nil {
		b.Skipf("no Phoenix dictionaries: %v", err)
	}
	p, err := New(Config{PetrarchDicts: phoenixDir})
	if err != nil {
		b.Fatal(err)
	}
	var articles []news.Article
	err = ingest.Read(context.Background(), []string{phoenixDir + "/GigaWord.sample.PETR.xml"}, nil, ingest.Options{},
		func(r ingest.Record) error {
			if r.Err == nil {
				articles = append(articles, r.Article)
			}
			return nil
		})
	if err != nil || len(articles) == 0 {
		b.Fatalf("no articles (%v)", err)
	}
	// docs[i] is article i after every stage, dates[i] its coding date.
	docs := make([]news.Document, len(articles))
	dates := make([]time.Time, len(articles))
	sentences := 0
	for i, a := range articles {
		if docs[i], dates[i], err = p.analyse(context.Background(), a); err != nil {
			b.Fatal(err)
		}
		sentences += len(docs[i].Sentences)
	}
	// run times one stage over every document and reports per sentence.
	run := func(name string, stage func(i int)) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				for i := range docs {
					stage(i)
				}
			}
			runtime.ReadMemStats(&after)
			// each of the b.N loops goes over every sentence once.
			per := float64(b.N) * float64(sentences)
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/sentence")
			b.ReportMetric(float64(after.Mallocs-before.Mallocs)/per, "allocs/sentence")
		})
	}
	run("clean", func(i int) {
		if _, err := clean.Clean(articles[i], clean.Options{}); err != nil {
			b.Fatal(err)
		}
	})
	run("nlp", func(i int) { p.nlp.Sentences(docs[i].Text, docs[i].Blocks) })
	run("when", func(i int) {
		d := docs[i]
		published, known := time.Time{}, false
		if t, err := news.ParseDate(d.Published); err == nil {
			published, known = t, true
		}
		when.Find(d.Text, d.Sentences, published, known)
	})
	run("geo", func(i int) { p.geo.Find(docs[i].Text, docs[i].Sentences, geo.Hint{Dateline: docs[i].Dateline}) })
	run("actor", func(i int) { p.actor.Find(docs[i], dates[i]) })
	run("quote", func(i int) { quote.Find(docs[i]) })
	run("code", func(i int) { p.coder.Code(docs[i].Text, codingSentences(docs[i]), dates[i]) })
	run("all", func(i int) {
		if _, err := p.Process(context.Background(), articles[i]); err != nil {
			b.Fatal(err)
		}
	})
}

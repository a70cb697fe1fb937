package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"dyad/news"
	"dyad/pipeline"
)

func runExplain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: dyad explain [flags] TEXT|FILE\n\nSays why each sentence was or was not coded: its chunks, the actors found and the\ndictionary lines that matched, the verbs and patterns tried and why each did or\ndid not apply, and the events coded.\n\nFlags:")
		fs.PrintDefaults()
	}
	sentence := fs.Int("sentence", -1, "explain only sentence `N` (0-based; default all)")
	published := fs.String("published", "", "publication `date` (ISO 8601), for date-restricted actors")
	petrarch := fs.String("petrarch-dicts", "", "PETRARCH dictionaries `DIR` (or config .ini)")
	tabari := fs.String("tabari-project", "", "TABARI .project `FILE`")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	p, err := pipeline.New(pipeline.Config{Published: *published, PetrarchDicts: *petrarch, TabariProject: *tabari, KeepTokens: true})
	if err != nil {
		fmt.Fprintf(stderr, "dyad explain: %v\n", err)
		return 2
	}
	arg := fs.Arg(0)
	a := news.Article{Body: []byte(arg), Origin: "argument", Format: news.FormatText}
	if body, err := os.ReadFile(arg); err == nil {
		a = news.Article{Body: body, Origin: arg}
	}
	exps, err := p.Explain(ctx, a, *sentence)
	if err != nil {
		fmt.Fprintf(stderr, "dyad explain: %v\n", err)
		return 1
	}
	for _, ex := range exps {
		fmt.Fprintln(stdout, ex.String())
	}
	return 0
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"dyad/internal/eval"
	"dyad/pipeline"
)

// runEval scores dyad on a directory of annotated articles.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: dyad eval [flags] GOLD_DIR\n\nCodes every article of GOLD_DIR (X.txt, X.html or X.json) and compares it with\nits gold file X.gold.json: places, times, quotes, and entities and events where\nannotated. Prints a table per article and overall, or one JSON line.\n\nFlags:")
		fs.PrintDefaults()
	}
	var (
		asJSON    = fs.Bool("json", false, "write the report as one JSON line")
		notes     = fs.Bool("notes", false, "after the table, list every miss, extra and wrong value per article")
		published = fs.String("published", "", "publication `date` (ISO 8601) for articles that carry none and whose gold gives none")
		petrarch  = fs.String("petrarch-dicts", "", "code events with the PETRARCH dictionaries in `DIR` (or named in a PETRARCH config .ini)")
		tabari    = fs.String("tabari-project", "", "code events with the dictionaries of a TABARI .project `FILE`")
		gazetteer = fs.String("gazetteer", "", "use the fuller gazetteer in `DIR` (laid out like dict/)")
	)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	p, err := pipeline.New(pipeline.Config{Published: *published, PetrarchDicts: *petrarch, TabariProject: *tabari, GazetteerDir: *gazetteer})
	if err != nil {
		fmt.Fprintf(stderr, "dyad eval: %v\n", err)
		return 2
	}
	r, err := eval.Run(ctx, p, fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "dyad %v\n", err)
		return 1
	}
	if *asJSON {
		err = r.WriteJSON(stdout)
	} else {
		err = r.WriteText(stdout)
		if err == nil && *notes {
			fmt.Fprintln(stdout)
			err = r.WriteNotes(stdout)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "dyad eval: %v\n", err)
		return 1
	}
	return 0
}

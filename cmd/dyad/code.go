package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"

	"dyad/internal/batch"
	"dyad/pipeline"
)

func runCode(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("code", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: dyad code [flags] PATH...\n\nCodes articles (files, directories walked recursively, - for stdin) and writes\none JSON object per article per line, in input order.\n\nFlags:")
		fs.PrintDefaults()
	}
	var (
		pretty    = fs.Bool("pretty", false, "indent the JSON output")
		published = fs.String("published", "", "publication `date` (ISO 8601) for articles that carry none")
		source    = fs.String("source", "", "outlet `name` for articles that carry none")
		url       = fs.String("url", "", "`URL` for articles that carry none")
		format    = fs.String("format", "auto", "input body format: auto, text or html")
		strict    = fs.Bool("strict", false, "exit non-zero if any record fails")
		workers   = fs.Int("workers", runtime.GOMAXPROCS(0), "articles coded in parallel")
		tokens    = fs.Bool("tokens", false, "include each sentence's tokens, tags and chunks")
		petrarch  = fs.String("petrarch-dicts", "", "code events with the PETRARCH dictionaries in `DIR` (or named in a PETRARCH config .ini)")
		tabari    = fs.String("tabari-project", "", "code events with the dictionaries of a TABARI .project `FILE`")
		gazetteer = fs.String("gazetteer", "", "use the fuller gazetteer in `DIR` (laid out like dict/: DIR/geo/places.tsv.gz, …; see README)")
	)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	f, err := parseFormat(*format)
	if err != nil {
		fmt.Fprintf(stderr, "dyad code: %v\n", err)
		return 2
	}
	p, err := pipeline.New(pipeline.Config{Published: *published, KeepTokens: *tokens, PetrarchDicts: *petrarch, TabariProject: *tabari, GazetteerDir: *gazetteer})
	if err != nil {
		fmt.Fprintf(stderr, "dyad code: %v\n", err)
		return 2
	}

	src := articleSource(ctx, fs.Args(), stdin, f, *source, *url)
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	emit := func(r batch.Result) error {
		if r.Err != nil {
			fmt.Fprintf(stderr, "dyad code: %v\n", r.Err)
			return nil
		}
		if err := enc.Encode(r.Doc); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		return nil
	}
	sum, err := batch.Run(ctx, src, p.Process, *workers, emit)
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "dyad code: %v\n", err)
		return 1
	}
	if sum.Failed > 0 {
		fmt.Fprintf(stderr, "dyad code: %d coded, %d failed\n", sum.Coded, sum.Failed)
	}
	switch {
	case err != nil:
		return 1
	case sum.Coded == 0:
		fmt.Fprintln(stderr, "dyad code: nothing could be coded")
		return 1
	case *strict && sum.Failed > 0:
		return 1
	}
	return 0
}

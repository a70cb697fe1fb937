package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

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
	pretty := fs.Bool("pretty", false, "indent the JSON output")
	tokens := fs.Bool("tokens", false, "include each sentence's tokens, tags and chunks")
	in := addInputFlags(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	src, err := in.records(ctx, fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "dyad code: %v\n", err)
		return 2
	}
	cfg := in.config()
	cfg.KeepTokens = *tokens
	p, err := pipeline.New(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "dyad code: %v\n", err)
		return 2
	}

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
		if r.Skipped != "" {
			fmt.Fprintf(stderr, "dyad code: %s: skipped: %s\n", r.Origin, r.Skipped)
			return nil
		}
		if err := enc.Encode(r.Doc); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		return nil
	}
	sum, err := batch.Run(ctx, src, p.Process, *in.workers, emit)
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "dyad code: %v\n", err)
		return 1
	}
	if note := in.skippedNote(sum); sum.Failed > 0 || note != "" {
		fmt.Fprintf(stderr, "dyad code: %d coded, %d failed%s\n", sum.Coded, sum.Failed, note)
	}
	switch {
	case err != nil:
		return 1
	case sum.Coded == 0:
		fmt.Fprintln(stderr, "dyad code: nothing could be coded")
		return 1
	case *in.strict && sum.Failed > 0:
		return 1
	}
	return 0
}

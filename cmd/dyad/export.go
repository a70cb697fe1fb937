package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"dyad/internal/export"
	"dyad/internal/store"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var names []string
	for _, f := range export.Formats() {
		names = append(names, string(f))
	}
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: dyad export [--db PATH] --format F [--from DATE --to DATE] [--out FILE]\n\n"+
			"Writes the stored events, mentions or articles, streaming, in format F:\n"+
			"  gdelt-events    GDELT 2.0 event table (61 tab-separated columns)\n"+
			"  gdelt-mentions  GDELT 2.0 mentions table (16 tab-separated columns)\n"+
			"  plover          PLOVER/POLECAT-style JSON, one event a line\n"+
			"  csv             events with a header row\n"+
			"  parquet         the csv columns, typed, in a Parquet file\n"+
			"  jsonl           the stored article objects, one a line\n"+
			"Dates (YYYY, YYYY-MM or YYYY-MM-DD, inclusive) filter on the event date.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	dbPath := fs.String("db", "dyad.db", "the store: a SQLite database `PATH` or a postgres:// URL")
	format := fs.String("format", "", "export `F`ormat: "+strings.Join(names, ", "))
	from := fs.String("from", "", "only events on or after `DATE`")
	to := fs.String("to", "", "only events on or before `DATE`")
	out := fs.String("out", "", "write to `FILE` (replaced only when the export succeeds) instead of stdout")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *format == "" {
		fs.Usage()
		return 2
	}
	opt := export.Options{Format: export.Format(*format), From: *from, To: *to}
	if !validFormat(opt.Format) {
		fmt.Fprintf(stderr, "dyad export: unknown format %q: want one of %s\n", *format, strings.Join(names, ", "))
		return 2
	}
	if _, err := os.Stat(*dbPath); err != nil && !store.IsPostgres(*dbPath) {
		fmt.Fprintf(stderr, "dyad export: open store: %v\n", err)
		return 1
	}
	st, err := store.Open(ctx, *dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "dyad export: %v\n", err)
		return 1
	}
	defer st.Close()

	w, commit, abort, err := output(*out, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "dyad export: %v\n", err)
		return 1
	}
	n, err := export.Write(ctx, st, w, opt)
	if err == nil {
		err = commit()
	} else {
		abort()
	}
	if err != nil {
		fmt.Fprintf(stderr, "dyad export: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "dyad export: %d rows written\n", n)
	return 0
}

func validFormat(f export.Format) bool {
	for _, g := range export.Formats() {
		if f == g {
			return true
		}
	}
	return false
}

// output is where an export goes: stdout, or a temporary file beside path
// that commit renames to path and abort removes.
func output(path string, stdout io.Writer) (w io.Writer, commit func() error, abort func(), err error) {
	if path == "" || path == "-" {
		return stdout, func() error { return nil }, func() {}, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, nil, nil, fmt.Errorf("create %s: %w", path, err)
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, nil, nil, fmt.Errorf("create %s: %w", path, err)
	}
	commit = func() error {
		if err := f.Close(); err != nil {
			os.Remove(f.Name())
			return fmt.Errorf("write %s: %w", path, err)
		}
		if err := os.Rename(f.Name(), path); err != nil {
			os.Remove(f.Name())
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	abort = func() {
		f.Close()
		os.Remove(f.Name())
	}
	return f, commit, abort, nil
}

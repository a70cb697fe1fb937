package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"
	"sync/atomic"

	"dyad/internal/batch"
	"dyad/internal/ingest"
	"dyad/news"
	"dyad/pipeline"
)

// codeFlags are the flags of every command that codes articles (code,
// ingest, serve, watch, worker): which dictionaries and gazetteer to code
// with, and whether to code articles not in English.
type codeFlags struct {
	petrarch, tabari, gazetteer *string
	anyLanguage                 *bool
}

// addCodeFlags registers the coding flags on fs.
func addCodeFlags(fs *flag.FlagSet) codeFlags {
	return codeFlags{
		anyLanguage: fs.Bool("any-language", false, "code every article; by default articles not in English are skipped"),
		petrarch:    fs.String("petrarch-dicts", "", "code events with the PETRARCH dictionaries in `DIR` (or named in a PETRARCH config .ini)"),
		tabari:      fs.String("tabari-project", "", "code events with the dictionaries of a TABARI .project `FILE`"),
		gazetteer:   fs.String("gazetteer", "", "use the fuller gazetteer in `DIR` (laid out like dict/: DIR/geo/places.tsv.gz, …; see README)"),
	}
}

// config is the pipeline configuration the coding flags ask for.
func (c codeFlags) config() pipeline.Config {
	return pipeline.Config{PetrarchDicts: *c.petrarch, TabariProject: *c.tabari,
		GazetteerDir: *c.gazetteer, AnyLanguage: *c.anyLanguage}
}

// inputFlags are the flags that every command coding files shares: how to
// read the input, and the coding flags.
type inputFlags struct {
	codeFlags
	published, source, url, format *string
	strict                         *bool
	workers                        *int

	// readerSkips counts input records the readers skipped (a WARC's
	// requests, metadata and non-HTML responses).
	readerSkips atomic.Int64
}

// addInputFlags registers the shared flags on fs.
func addInputFlags(fs *flag.FlagSet) *inputFlags {
	return &inputFlags{
		codeFlags: addCodeFlags(fs),
		published: fs.String("published", "", "publication `date` (ISO 8601) for articles that carry none"),
		source:    fs.String("source", "", "outlet `name` for articles that carry none"),
		url:       fs.String("url", "", "`URL` for articles that carry none"),
		format:    fs.String("format", "auto", "input body format: auto, text or html"),
		strict:    fs.Bool("strict", false, "exit non-zero if any record fails"),
		workers:   fs.Int("workers", runtime.GOMAXPROCS(0), "articles coded in parallel"),
	}
}

// config is the pipeline configuration the flags ask for.
func (in *inputFlags) config() pipeline.Config {
	cfg := in.codeFlags.config()
	cfg.Published = *in.published
	return cfg
}

// skippedNote says what was skipped, for a command's summary line: ", 2
// skipped (not English), 310 records skipped by the reader"; "" when nothing was.
func (in *inputFlags) skippedNote(sum batch.Summary) string {
	note := ""
	if sum.Skipped > 0 {
		note += fmt.Sprintf(", %d skipped (not English)", sum.Skipped)
	}
	if n := in.readerSkips.Load(); n > 0 {
		note += fmt.Sprintf(", %d records skipped by the reader (not HTML responses)", n)
	}
	return note
}

// records reads the articles at paths as the flags ask.
func (in *inputFlags) records(ctx context.Context, paths []string, stdin io.Reader) (batch.Source, error) {
	f, err := parseFormat(*in.format)
	if err != nil {
		return nil, err
	}
	skipped := func(origin, reason string) { in.readerSkips.Add(1) }
	return articleSource(ctx, paths, stdin, ingest.Options{Format: f, Skipped: skipped}, *in.source, *in.url), nil
}

// parseFormat turns a --format value into a news.Format.
func parseFormat(s string) (news.Format, error) {
	switch s {
	case "auto":
		return news.FormatAuto, nil
	case "text":
		return news.FormatText, nil
	case "html":
		return news.FormatHTML, nil
	}
	return "", fmt.Errorf("--format %q: want auto, text or html", s)
}

// articleSource reads the records at paths (- for stdin), filling in the
// outlet and URL of articles that carry none.
func articleSource(ctx context.Context, paths []string, stdin io.Reader, opts ingest.Options, source, url string) batch.Source {
	return func(yield func(ingest.Record) error) error {
		return ingest.Read(ctx, paths, stdin, opts, func(r ingest.Record) error {
			if r.Article.Source == "" {
				r.Article.Source = source
			}
			if r.Article.URL == "" {
				r.Article.URL = url
			}
			return yield(r)
		})
	}
}

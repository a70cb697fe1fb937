package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"runtime"

	"dyad/internal/batch"
	"dyad/internal/ingest"
	"dyad/news"
	"dyad/pipeline"
)

// inputFlags are the flags that every command coding articles shares: how to
// read the input and which dictionaries and gazetteer to code with.
type inputFlags struct {
	published, source, url, format *string
	petrarch, tabari, gazetteer    *string
	strict                         *bool
	workers                        *int
}

// addInputFlags registers the shared flags on fs.
func addInputFlags(fs *flag.FlagSet) *inputFlags {
	return &inputFlags{
		published: fs.String("published", "", "publication `date` (ISO 8601) for articles that carry none"),
		source:    fs.String("source", "", "outlet `name` for articles that carry none"),
		url:       fs.String("url", "", "`URL` for articles that carry none"),
		format:    fs.String("format", "auto", "input body format: auto, text or html"),
		strict:    fs.Bool("strict", false, "exit non-zero if any record fails"),
		workers:   fs.Int("workers", runtime.GOMAXPROCS(0), "articles coded in parallel"),
		petrarch:  fs.String("petrarch-dicts", "", "code events with the PETRARCH dictionaries in `DIR` (or named in a PETRARCH config .ini)"),
		tabari:    fs.String("tabari-project", "", "code events with the dictionaries of a TABARI .project `FILE`"),
		gazetteer: fs.String("gazetteer", "", "use the fuller gazetteer in `DIR` (laid out like dict/: DIR/geo/places.tsv.gz, …; see README)"),
	}
}

// config is the pipeline configuration the flags ask for.
func (in *inputFlags) config() pipeline.Config {
	return pipeline.Config{Published: *in.published, PetrarchDicts: *in.petrarch,
		TabariProject: *in.tabari, GazetteerDir: *in.gazetteer}
}

// records reads the articles at paths as the flags ask.
func (in *inputFlags) records(ctx context.Context, paths []string, stdin io.Reader) (batch.Source, error) {
	f, err := parseFormat(*in.format)
	if err != nil {
		return nil, err
	}
	return articleSource(ctx, paths, stdin, f, *in.source, *in.url), nil
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
func articleSource(ctx context.Context, paths []string, stdin io.Reader, format news.Format, source, url string) batch.Source {
	return func(yield func(ingest.Record) error) error {
		return ingest.Read(ctx, paths, stdin, ingest.Options{Format: format}, func(r ingest.Record) error {
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

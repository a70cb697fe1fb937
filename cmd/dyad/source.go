package main

import (
	"context"
	"fmt"
	"io"

	"dyad/internal/batch"
	"dyad/internal/ingest"
	"dyad/news"
)

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

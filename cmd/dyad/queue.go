package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"dyad/internal/batch"
	"dyad/internal/ingest"
	"dyad/internal/queue"
)

// codingFlags are the ingest flags that change how articles are coded: with
// --queue the workers code, so these belong on 'dyad worker'.
var codingFlags = []string{"published", "any-language", "petrarch-dicts", "tabari-project", "gazetteer", "workers"}

// publishRecords is 'dyad ingest --queue URL': it reads the records as
// ingest does and publishes each article to the work queue instead of
// coding it. Bad records and articles too large for a message are reported
// on stderr with their origin and the rest are published; a connection or
// stream error stops the run.
func publishRecords(ctx context.Context, fs *flag.FlagSet, url string, in *inputFlags, stdin io.Reader, stderr io.Writer) int {
	var misplaced []string
	fs.Visit(func(f *flag.Flag) {
		for _, name := range codingFlags {
			if f.Name == name {
				misplaced = append(misplaced, "--"+name)
			}
		}
	})
	if len(misplaced) > 0 {
		fmt.Fprintf(stderr, "dyad ingest: %v: with --queue the workers code the articles; give these flags to 'dyad worker'\n", misplaced)
		return 2
	}
	src, err := in.records(ctx, fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		return 2
	}
	host, _ := os.Hostname()
	q, err := queue.Connect(ctx, url, queue.Options{Name: fmt.Sprintf("dyad ingest %s:%d", host, os.Getpid())})
	if err != nil {
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		return 1
	}
	defer q.Close()
	n, err := publishAll(ctx, q, src, stderr)
	fmt.Fprintf(stderr, "dyad ingest: %d queued, %d already queued, %d failed%s\n",
		n.queued, n.duplicates, n.failed, in.skippedNote(batch.Summary{}))
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		return 1
	case n.queued+n.duplicates == 0:
		fmt.Fprintln(stderr, "dyad ingest: nothing could be queued")
		return 1
	case *in.strict && n.failed > 0:
		return 1
	}
	return 0
}

// published counts what publishAll did.
type published struct{ queued, duplicates, failed int }

// publishAll publishes every good record of src to q.
func publishAll(ctx context.Context, q *queue.Queue, src batch.Source, stderr io.Writer) (published, error) {
	var n published
	err := src(func(rec ingest.Record) error {
		if rec.Err != nil {
			n.failed++
			fmt.Fprintf(stderr, "dyad ingest: %v\n", rec.Err)
			return nil
		}
		dup, err := q.Publish(ctx, rec.Article)
		if _, ok := errors.AsType[*queue.RecordError](err); ok {
			n.failed++
			fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
			return nil
		}
		if err != nil {
			return err
		}
		if dup {
			n.duplicates++
		} else {
			n.queued++
		}
		return nil
	})
	return n, err
}

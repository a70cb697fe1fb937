// Package batch codes a stream of records on several workers and hands the
// results back in input order.
package batch

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"dyad/internal/ingest"
	"dyad/news"
)

// ProcessFunc codes one article.
type ProcessFunc func(context.Context, news.Article) (news.Document, error)

// Result is the outcome for one input record.
type Result struct {
	Origin string        // where the record came from ("file.jsonl:3")
	Doc    news.Document // valid when Err and Skipped are empty
	Err    error
	// Skipped is why the record was read but deliberately not coded (not
	// English); Doc is empty and Err nil.
	Skipped string
}

// Summary counts what a run did.
type Summary struct {
	Records int // records read, good and bad
	Coded   int // articles coded
	Skipped int // articles read but deliberately not coded (not English)
	Failed  int // records that could not be read or coded
}

// Source feeds records, in input order, to the function it is given.
type Source func(yield func(ingest.Record) error) error

// Run reads every record from src, codes the good ones with process on
// workers goroutines (0 means one per CPU), and calls emit once per record in
// input order. It stops early only when emit, src or ctx fail.
func Run(ctx context.Context, src Source, process ProcessFunc, workers int, emit func(Result) error) (Summary, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		rec ingest.Record
		out chan Result
	}
	jobs := make(chan job)
	order := make(chan chan Result, 4*workers)

	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				j.out <- code(ctx, j.rec, process)
			}
		})
	}

	readErr := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(jobs)
		readErr <- src(func(rec ingest.Record) error {
			out := make(chan Result, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{rec: rec, out: out}:
				return nil
			case <-ctx.Done():
				out <- Result{Origin: rec.Article.Origin, Err: ctx.Err()}
				return ctx.Err()
			}
		})
	}()

	var sum Summary
	var emitErr error
	for out := range order {
		r := <-out
		sum.Records++
		switch {
		case r.Err != nil:
			sum.Failed++
		case r.Skipped != "":
			sum.Skipped++
		default:
			sum.Coded++
		}
		if emitErr == nil {
			if emitErr = emit(r); emitErr != nil {
				cancel()
			}
		}
	}
	wg.Wait()
	if emitErr != nil {
		return sum, emitErr
	}
	if err := <-readErr; err != nil {
		return sum, fmt.Errorf("read: %w", err)
	}
	return sum, nil
}

// code codes one record; a bad record passes through with its error.
func code(ctx context.Context, rec ingest.Record, process ProcessFunc) Result {
	r := Result{Origin: rec.Article.Origin, Err: rec.Err}
	if r.Err != nil {
		return r
	}
	doc, err := process(ctx, rec.Article)
	if skip, ok := errors.AsType[*news.SkipError](err); ok {
		r.Skipped = skip.Reason
		return r
	}
	if err != nil {
		r.Err = fmt.Errorf("%s: %w", rec.Article.Origin, err)
		return r
	}
	r.Doc = doc
	return r
}

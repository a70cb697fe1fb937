package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"dyad/internal/batch"
	"dyad/internal/ingest"
	"dyad/internal/store"
	"dyad/pipeline"
)

func runIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: dyad ingest [flags] PATH...\n       dyad ingest --failed [--db PATH]\n\nCodes articles (files, directories walked recursively, - for stdin) and stores\nthem with their merged events in a database. Re-ingesting an article changes\nnothing; records that fail are recorded with their reason (see --failed).\n\nFlags:")
		fs.PrintDefaults()
	}
	dbPath := fs.String("db", "dyad.db", "the store: a SQLite database `PATH` (created if missing) or a postgres:// URL")
	failed := fs.Bool("failed", false, "list the recorded failures with their reasons and exit")
	queueURL := fs.String("queue", "", "publish the articles to the NATS JetStream work queue at `URL` for 'dyad worker' instead of coding them")
	in := addInputFlags(fs)
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the run to `FILE`")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *failed {
		if fs.NArg() > 0 {
			fs.Usage()
			return 2
		}
		return listFailures(ctx, *dbPath, stdout, stderr)
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	if *queueURL != "" {
		return publishRecords(ctx, fs, *queueURL, in, stdin, stderr)
	}
	src, err := in.records(ctx, fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		return 2
	}
	p, err := pipeline.New(in.config())
	if err != nil {
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		return 2
	}
	st, err := store.Open(ctx, *dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		return 1
	}
	defer st.Close()
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
			return 1
		}
		defer stop()
	}

	w := newStoreWriter(ctx, st, newProgress(stderr), stderr, saveBatch, saveEvery)
	sum, err := batch.Run(ctx, src, p.Process, *in.workers, w.add)
	if werr := w.close(); err == nil {
		err = werr
	}
	stored, newEvents, failures := w.stored, w.newEvents, w.failures
	w.prog.clear()
	fmt.Fprintf(stderr, "dyad ingest: %d coded, %d stored events (%d new), %d failed%s\n",
		sum.Coded, stored, newEvents, failures, in.skippedNote(sum))
	switch {
	case err != nil && !errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		return 1
	case err != nil:
		return 1
	case sum.Coded == 0:
		fmt.Fprintln(stderr, "dyad ingest: nothing could be coded")
		return 1
	case *in.strict && failures > 0:
		return 1
	}
	return 0
}

// startCPUProfile writes a CPU profile to path until stop is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// Coded articles are stored in batches of up to saveBatch articles, one
// transaction each, and a batch is stored at the latest saveEvery after its
// first article arrived. A transaction rewrites most pages of every event
// index (its events fall all over them), so the larger the batch, the less
// is written per article: 1,024 articles a transaction write 0.9 GB for the
// 10,000 articles of BenchmarkSaveArticles where 256 wrote 2.1 GB, and take
// a fifth less CPU time. Larger batches outgrow the writer's page cache.
const (
	saveBatch = 1024
	saveEvery = 2 * time.Second
)

// storeWriter stores coded results on its own goroutine, in input order and
// several articles per transaction, and records failures with their reason.
// A failure to store one article is recorded and does not lose the others.
type storeWriter struct {
	st     *store.Store
	prog   *progress
	stderr io.Writer
	size   int
	every  time.Duration
	in     chan coded
	done   chan struct{}
	err    error // why the writer stopped early; read after done is closed

	// Counts, read after done is closed.
	stored, newEvents, failures int
}

func newStoreWriter(ctx context.Context, st *store.Store, prog *progress, stderr io.Writer, size int, every time.Duration) *storeWriter {
	w := &storeWriter{st: st, prog: prog, stderr: stderr, size: size, every: every,
		in: make(chan coded, size), done: make(chan struct{})}
	go w.run(ctx)
	return w
}

// coded is a result with its article prepared for storing.
type coded struct {
	batch.Result
	prepared *store.Prepared // nil when the record failed or was skipped
}

// add hands one result to the writer; it fails once the writer has stopped.
// The article is prepared for storing here, on the caller's goroutine, so
// that the writer's goroutine, which the store's one writer keeps busy,
// only writes.
func (w *storeWriter) add(r batch.Result) error {
	c := coded{Result: r}
	if r.Err == nil && r.Skipped == "" {
		c.prepared = w.st.Prepare(r.Doc)
	}
	select {
	case w.in <- c:
		return nil
	case <-w.done:
		return w.err
	}
}

// close stores what is pending, stops the writer and says why it stopped
// early, if it did.
func (w *storeWriter) close() error {
	close(w.in)
	<-w.done
	return w.err
}

func (w *storeWriter) run(ctx context.Context) {
	defer close(w.done)
	var pending []coded
	timer := time.NewTimer(w.every)
	timer.Stop()
	flush := func() bool {
		timer.Stop()
		err := w.flush(ctx, pending)
		pending = pending[:0]
		if err != nil {
			w.err = err
			return false
		}
		return true
	}
	for {
		select {
		case r, ok := <-w.in:
			if !ok {
				flush()
				return
			}
			if len(pending) == 0 {
				timer.Reset(w.every)
			}
			pending = append(pending, r)
			if len(pending) >= w.size && !flush() {
				return
			}
		case <-timer.C:
			if !flush() {
				return
			}
		}
	}
}

// flush stores the coded articles among rs in one batch and records the
// failures, reporting each result in order.
func (w *storeWriter) flush(ctx context.Context, rs []coded) error {
	if len(rs) == 0 {
		return nil
	}
	var ps []*store.Prepared
	for _, r := range rs {
		if r.prepared != nil {
			ps = append(ps, r.prepared)
		}
	}
	saved, errs := w.st.SavePrepared(ctx, ps, "")
	i := 0
	for _, r := range rs {
		if r.Skipped != "" {
			w.prog.clear()
			fmt.Fprintf(w.stderr, "dyad ingest: %s: skipped: %s\n", r.Origin, r.Skipped)
			continue
		}
		if r.Err != nil {
			w.failures++
			w.prog.clear()
			fmt.Fprintf(w.stderr, "dyad ingest: %v\n", r.Err)
			origin, reason := failureOf(r.Result)
			if err := w.st.RecordFailure(ctx, origin, reason); err != nil {
				return err
			}
		} else {
			sv, err := saved[i], errs[i]
			i++
			if err != nil {
				if ctx.Err() != nil {
					return err
				}
				w.failures++
				w.prog.clear()
				fmt.Fprintf(w.stderr, "dyad ingest: %s: %v\n", r.Origin, err)
				if err := w.st.RecordFailure(ctx, r.Origin, err.Error()); err != nil {
					return err
				}
			}
			w.stored += sv.Mentions
			w.newEvents += sv.NewEvents
		}
		w.prog.update(w.stored, w.failures)
	}
	return nil
}

// failureOf splits a failed result into where the record came from and why
// it failed.
func failureOf(r batch.Result) (origin, reason string) {
	var ie *ingest.Error
	if errors.As(r.Err, &ie) {
		origin = ie.File
		if ie.Line > 0 {
			origin = fmt.Sprintf("%s:%d", ie.File, ie.Line)
		}
		return origin, ie.Err.Error()
	}
	reason = r.Err.Error()
	if r.Origin != "" {
		reason = strings.TrimPrefix(reason, r.Origin+": ")
	}
	return r.Origin, reason
}

// listFailures prints the failures recorded in the database at path, one per
// line: origin, a tab, the reason.
func listFailures(ctx context.Context, path string, stdout, stderr io.Writer) int {
	if _, err := os.Stat(path); err != nil && !store.IsPostgres(path) {
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		return 1
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		return 1
	}
	defer st.Close()
	fails, err := st.Failures(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "dyad ingest: %v\n", err)
		return 1
	}
	for _, f := range fails {
		fmt.Fprintf(stdout, "%s\t%s\n", f.Origin, f.Reason)
	}
	return 0
}

// progress rewrites one status line on a terminal, at most a few times a
// second; it does nothing when the output is not a terminal.
type progress struct {
	w       io.Writer
	on      bool
	start   time.Time
	last    time.Time
	n       int
	written bool
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

// update counts one more record and redraws the line when due.
func (p *progress) update(events, errs int) {
	p.n++
	if !p.on || time.Since(p.last) < 250*time.Millisecond {
		return
	}
	p.last = time.Now()
	rate := float64(p.n) / max(time.Since(p.start).Seconds(), 1e-9)
	fmt.Fprintf(p.w, "\r\033[K%d articles  %.1f articles/s  %d events  %d errors", p.n, rate, events, errs)
	p.written = true
}

// clear erases the status line so that other output starts on a clean line.
func (p *progress) clear() {
	if p.written {
		fmt.Fprint(p.w, "\r\033[K")
		p.written = false
	}
}

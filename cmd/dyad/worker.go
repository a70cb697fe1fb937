package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"dyad/internal/batch"
	"dyad/internal/ingest"
	"dyad/internal/queue"
	"dyad/internal/store"
	"dyad/news"
	"dyad/pipeline"
)

func runWorker(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: dyad worker --queue nats://HOST:PORT [--db PATH|postgres://…] [flags]\n\nPulls articles that 'dyad ingest --queue' published to the NATS JetStream work\nqueue, codes them and stores each batch in one transaction; a message is\nacknowledged only after its batch is committed. Run any number of workers on one\ndatabase. A message that keeps failing is retried up to --max-deliver times in\nall, then parked: recorded with its error (see 'dyad ingest --failed') and\nremoved from the queue. On SIGTERM or interrupt the worker stops pulling,\nfinishes the batch in hand and exits 0.\n\nFlags:")
		fs.PrintDefaults()
	}
	url := fs.String("queue", "", "NATS server `URL` (nats://HOST:PORT); required")
	dbPath := fs.String("db", "dyad.db", "the store: a SQLite database `PATH` (created if missing) or a postgres:// URL")
	size := fs.Int("batch", 32, "articles fetched, coded and stored per transaction")
	inFlight := fs.Int("in-flight", 2, "batches worked on at once (one is coded while another is stored)")
	maxDeliver := fs.Int("max-deliver", queue.DefaultMaxDeliver, "deliveries of a failing message before it is parked")
	ackWait := fs.Duration("ack-wait", queue.DefaultAckWait, "how long a dead worker's messages wait before they are delivered again")
	retryDelay := fs.Duration("retry-delay", 2*time.Second, "delay before a failed message is delivered again, times its deliveries so far")
	grace := fs.Duration("grace", 30*time.Second, "on SIGTERM, how long the batch in hand may still run before it is handed back")
	idle := fs.Duration("exit-idle", 0, "exit once the queue has been empty this long (0: run until stopped)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles coded in parallel")
	published := fs.String("published", "", "publication `date` (ISO 8601) for articles that carry none")
	coding := addCodeFlags(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 || *url == "" {
		fs.Usage()
		return 2
	}
	if *size < 1 || *inFlight < 1 || *maxDeliver < 1 || *workers < 1 {
		fmt.Fprintln(stderr, "dyad worker: --batch, --in-flight, --max-deliver and --workers must be at least 1")
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))

	cfg := coding.config()
	cfg.Published = *published
	p, err := pipeline.New(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "dyad worker: %v\n", err)
		return 2
	}
	st, err := store.Open(ctx, *dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "dyad worker: %v\n", err)
		return 1
	}
	defer st.Close()
	host, _ := os.Hostname()
	q, err := queue.Connect(ctx, *url, queue.Options{Name: fmt.Sprintf("dyad worker %s:%d", host, os.Getpid())})
	if err != nil {
		fmt.Fprintf(stderr, "dyad worker: %v\n", err)
		return 1
	}
	defer q.Close()
	c, err := q.Consumer(ctx, queue.ConsumerOptions{MaxDeliver: *maxDeliver, AckWait: *ackWait})
	if err != nil {
		fmt.Fprintf(stderr, "dyad worker: %v\n", err)
		return 1
	}

	w := &worker{st: st, process: p.Process, workers: *workers, log: log}
	log.Info("worker started", "queue", *url, "db", *dbPath, "batch", *size, "in_flight", *inFlight, "max_deliver", *maxDeliver,
		"ack_wait", *ackWait, "workers", *workers, "pid", os.Getpid())
	sum, err := c.Work(ctx, w.handle, queue.WorkOptions{Batch: *size, InFlight: *inFlight, RetryDelay: *retryDelay, Grace: *grace,
		IdleExit: *idle, Park: w.park, Log: log})
	rate := float64(sum.Acked) / max(sum.Elapsed.Seconds(), 1e-9)
	log.Info("worker stopped", "acked", sum.Acked, "stored", w.stored.Load(), "skipped", w.skipped.Load(), "mentions", w.mentions.Load(),
		"retried", sum.Retried, "parked", sum.Parked, "handed_back", sum.HandedBack, "redelivered", sum.Redelivered,
		"seconds", fmt.Sprintf("%.1f", sum.Elapsed.Seconds()), "articles_per_s", fmt.Sprintf("%.1f", rate))
	if err != nil {
		fmt.Fprintf(stderr, "dyad worker: %v\n", err)
		return 1
	}
	return 0
}

// worker codes and stores the articles of a batch of queue messages.
type worker struct {
	st      *store.Store
	process batch.ProcessFunc
	workers int
	log     *slog.Logger

	// Totals over the batches, which may be handled concurrently.
	stored, skipped, mentions atomic.Int64
}

// handle codes the batch's articles on the worker's goroutines, stores the
// coded ones in one SaveArticles call, and says for each message whether it
// is done: stored, found unchanged, or skipped on purpose (not English).
func (w *worker) handle(ctx context.Context, msgs []*queue.Message) []error {
	errs := make([]error, len(msgs))
	src := func(yield func(ingest.Record) error) error {
		for _, m := range msgs {
			rec := ingest.Record{Article: m.Article, Err: m.Err}
			if m.Err != nil {
				rec.Article.Origin = m.Origin()
			}
			if err := yield(rec); err != nil {
				return err
			}
		}
		return nil
	}
	var results []batch.Result
	if _, err := batch.Run(ctx, src, w.process, w.workers, func(r batch.Result) error {
		results = append(results, r)
		return nil
	}); err != nil || len(results) != len(msgs) {
		if err == nil {
			err = fmt.Errorf("coded %d of %d articles", len(results), len(msgs))
		}
		for i := range errs {
			errs[i] = err
		}
		return errs
	}
	var docs []news.Document
	var at []int // at[j] is the message of docs[j]
	for i, r := range results {
		switch {
		case r.Err != nil:
			// The origin is the failure's own column; keep it out of the reason.
			errs[i] = errors.New(strings.TrimPrefix(r.Err.Error(), r.Origin+": "))
		case r.Skipped != "":
			w.skipped.Add(1)
			w.log.Info("article skipped", "origin", msgs[i].Origin(), "reason", r.Skipped)
		default:
			docs = append(docs, r.Doc)
			at = append(at, i)
		}
	}
	if len(docs) == 0 {
		return errs
	}
	saved, serrs := w.st.SaveArticles(ctx, docs, "")
	for j, i := range at {
		if serrs[j] != nil {
			errs[i] = serrs[j]
			continue
		}
		w.stored.Add(1)
		w.mentions.Add(int64(saved[j].Mentions))
	}
	return errs
}

// park records a message given up after its last delivery as a failure,
// listed by 'dyad ingest --failed'.
func (w *worker) park(ctx context.Context, m *queue.Message, reason string) error {
	return w.st.RecordFailure(ctx, m.Origin(), reason)
}

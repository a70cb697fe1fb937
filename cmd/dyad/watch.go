package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"dyad/internal/queue"
	"dyad/internal/store"
	"dyad/internal/watch"
	"dyad/news"
	"dyad/pipeline"
)

func runWatch(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, `Usage: dyad watch [flags] FEED_URL_OR_FILE...

Polls RSS, Atom and RDF feeds (URLs, or local files), fetches the page of each
new item, codes it and stores it with its events in a database. Unchanged feeds
cost one conditional request (ETag, Last-Modified); a feed's <ttl> lengthens
its interval; failing feeds are reported and retried with back-off. Items are
remembered in the database, so a restart recodes nothing it has seen. When a
page cannot be fetched, the item's text in the feed is coded instead, and the
article says so. Stops cleanly on Ctrl-C or SIGTERM.

Flags:`)
		fs.PrintDefaults()
	}
	dbPath := fs.String("db", "dyad.db", "SQLite database `PATH` (created if missing)")
	interval := fs.Duration("interval", watch.DefaultInterval, "time between two polls of a feed (a feed's <ttl> may lengthen it, up to 24h)")
	once := fs.Bool("once", false, "poll every feed once and exit (for cron and tests)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "items fetched and coded in parallel")
	timeout := fs.Duration("timeout", watch.DefaultTimeout, "time limit of each HTTP request, feed or page")
	strict := fs.Bool("strict", false, "with --once, exit non-zero if any feed or item failed")
	coding := addCodeFlags(fs)
	queueURL := fs.String("queue", "", "hand new items to the NATS JetStream work queue at `URL` for 'dyad worker' instead of coding them here (--db still keeps the feeds' state)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	if *interval < 10*time.Second {
		fmt.Fprintf(stderr, "dyad watch: --interval %s: want at least 10s\n", *interval)
		return 2
	}
	if *workers < 1 || *timeout <= 0 {
		fmt.Fprintln(stderr, "dyad watch: --workers and --timeout must be positive")
		return 2
	}
	var process watch.ProcessFunc
	var publish func(context.Context, news.Article) error
	if *queueURL != "" {
		host, _ := os.Hostname()
		q, err := queue.Connect(ctx, *queueURL, queue.Options{Name: fmt.Sprintf("dyad watch %s:%d", host, os.Getpid())})
		if err != nil {
			fmt.Fprintf(stderr, "dyad watch: %v\n", err)
			return 1
		}
		defer q.Close()
		publish = func(ctx context.Context, a news.Article) error {
			_, err := q.Publish(ctx, a) // an article already queued is done
			return err
		}
	} else {
		p, err := pipeline.New(coding.config())
		if err != nil {
			fmt.Fprintf(stderr, "dyad watch: %v\n", err)
			return 2
		}
		process = p.Process
	}
	st, err := store.Open(ctx, *dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "dyad watch: %v\n", err)
		return 1
	}
	defer st.Close()

	w := watch.New(st, process, watch.Config{
		Publish:   publish,
		Interval:  *interval,
		Workers:   *workers,
		Timeout:   *timeout,
		UserAgent: "dyad/" + version + " (political event coder; feed watcher)",
		Report:    func(n watch.Notice) { fmt.Fprintf(stderr, "dyad watch: %s\n", n) },
		Polled: func(feed string, s watch.Summary) {
			if s.New > 0 {
				done, verb := s.Coded, "coded"
				if publish != nil {
					done, verb = s.Queued, "queued"
				}
				fmt.Fprintf(stderr, "dyad watch: %s: %d new %s: %d %s (%d from the feed's text), %d skipped, %d failed\n",
					feed, s.New, itemsWord(s.New), done, verb, s.Fallback, s.Skipped, s.Failed)
			}
		},
	})
	var sum watch.Summary
	if *once {
		sum, err = w.PollOnce(ctx, fs.Args())
	} else {
		sum, err = w.Run(ctx, fs.Args())
	}
	fmt.Fprintf(stderr, "dyad watch: %s\n", sum)
	switch {
	case err != nil && ctx.Err() != nil:
		return 0 // stopped by a signal: what was done is stored
	case err != nil:
		fmt.Fprintf(stderr, "dyad watch: %v\n", err)
		return 1
	case *once && sum.Polls > 0 && sum.FeedErrors == sum.Polls:
		return 1
	case *once && *strict && (sum.FeedErrors > 0 || sum.Failed > 0):
		return 1
	}
	return 0
}

// itemsWord is "item" or "items" as n asks.
func itemsWord(n int) string {
	if n == 1 {
		return "item"
	}
	return "items"
}

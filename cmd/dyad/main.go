// Command dyad turns news articles into political event data.
//
//	dyad code [flags] PATH...   code articles, one JSON object per line
//	dyad ingest [flags] PATH... code and store articles in a database
//	dyad serve [flags]          serve the JSON API and the dashboard
//	dyad watch [flags] FEED...  poll RSS/Atom/RDF feeds; code and store each new item
//	dyad worker --queue URL     code and store articles queued by ingest --queue
//	dyad export [flags]         write stored events as GDELT, PLOVER, CSV, JSONL or Parquet
//	dyad explain TEXT|FILE      say why each sentence was or was not coded
//	dyad validate SUITE...      score the coder on the peers' validation suites
//	dyad eval GOLD_DIR          score dyad on annotated articles
//	dyad bench [flags]          measure throughput on one core
//	dyad dict check PATH...     check PETRARCH or TABARI dictionaries
//	dyad version [--json]       print the version
//
// main only wires: flags and environment become a Config, constructors are
// called, and the command runs.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usage = `dyad turns news articles into political event data.

Usage:
  dyad code [flags] PATH...   code articles (files, directories, - for stdin) to JSON Lines
  dyad ingest [flags] PATH... code articles and store them in a SQLite database (events merged)
  dyad serve [flags]          serve the JSON API and the dashboard on 127.0.0.1:8080 (demo corpus
                              loaded into an empty database)
  dyad watch [flags] FEED...  poll RSS/Atom/RDF feeds (URLs or files); code and store each new item
  dyad worker --queue URL     code and store the articles 'dyad ingest --queue' put on NATS JetStream
  dyad export --format F      write stored events: gdelt-events, gdelt-mentions, plover, csv,
                              jsonl or parquet (--db, --from, --to, --out)
  dyad explain TEXT|FILE      say why each sentence was or was not coded
  dyad validate SUITE...      score the coder on a PETRARCH .xml suite or a TABARI .project
  dyad eval GOLD_DIR          score entities, events, places, times and quotes on annotated articles
  dyad bench [flags]          measure articles/s and sentences/s on one core, and peak memory
  dyad dict check PATH...     check PETRARCH or TABARI dictionaries, every problem as file:line
  dyad version [--json]       print the version

Run 'dyad COMMAND -h' for a command's flags.
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches to a command and returns the process exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "code":
		return runCode(ctx, args[1:], stdin, stdout, stderr)
	case "ingest":
		return runIngest(ctx, args[1:], stdin, stdout, stderr)
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "watch":
		return runWatch(ctx, args[1:], stdout, stderr)
	case "worker":
		return runWorker(ctx, args[1:], stdout, stderr)
	case "export":
		return runExport(ctx, args[1:], stdout, stderr)
	case "explain":
		return runExplain(ctx, args[1:], stdout, stderr)
	case "eval":
		return runEval(ctx, args[1:], stdout, stderr)
	case "validate":
		return runValidate(args[1:], stdout, stderr)
	case "bench":
		return runBench(ctx, args[1:], stdout, stderr)
	case "dict":
		return runDict(args[1:], stdout, stderr)
	case "version":
		return runVersion(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "dyad: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
}

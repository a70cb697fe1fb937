package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"dyad/internal/batch"
	"dyad/internal/demo"
	"dyad/internal/ingest"
	"dyad/internal/server"
	"dyad/internal/store"
	"dyad/news"
	"dyad/pipeline"
	"dyad/web"
)

// tokenEnv is the environment variable holding the token POST requires.
const tokenEnv = "DYAD_TOKEN"

// serveOptions are what runServe needs besides its flags: where to say
// which address it listens on (tests listen on port 0), and the token from
// the environment.
type serveOptions struct {
	envToken  string
	listening func(addr string)
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return serve(ctx, args, stdout, stderr, serveOptions{envToken: os.Getenv(tokenEnv)})
}

func serve(ctx context.Context, args []string, stdout, stderr io.Writer, opt serveOptions) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: dyad serve [flags]\n\nServes the JSON API (/api/v1/…, documented at /api/openapi.json) and the dashboard\n(/) over a SQLite database. An empty database is filled with the demo corpus first.\nPOST /api/v1/articles codes and stores an article; it needs the token when one is\ngiven (--token or $"+tokenEnv+"), and is disabled when listening beyond loopback\nwithout one.\n\nFlags:")
		fs.PrintDefaults()
	}
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	dbPath := fs.String("db", "dyad.db", "the store: a SQLite database `PATH` (created if missing) or a postgres:// URL")
	loadDemo := fs.Bool("demo", false, "load the demo corpus (articles already stored are left as they are)")
	token := fs.String("token", "", "bearer `TOKEN` that POST requires (default $"+tokenEnv+")")
	maxBody := fs.Int64("max-body", server.DefaultMaxBody, "largest request body accepted, in `bytes`")
	coding := addCodeFlags(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if *token == "" {
		*token = opt.envToken
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))

	p, err := pipeline.New(coding.config())
	if err != nil {
		fmt.Fprintf(stderr, "dyad serve: %v\n", err)
		return 2
	}
	st, err := store.Open(ctx, *dbPath)
	if err != nil {
		fmt.Fprintf(stderr, "dyad serve: %v\n", err)
		return 1
	}
	defer st.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "dyad serve: %v\n", err)
		return 1
	}
	defer ln.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "dyad serve: %v\n", err)
		return 1
	}
	if *loadDemo || stats.Articles == 0 {
		start := time.Now()
		n, failed, err := storeDemo(ctx, st, p)
		if err != nil {
			fmt.Fprintf(stderr, "dyad serve: demo corpus: %v\n", err)
			return 1
		}
		log.Info("demo corpus loaded", "articles", n, "failed", failed, "db", store.Redact(*dbPath), "duration_ms", time.Since(start).Milliseconds())
	}

	cfg := server.Config{Store: st, Code: p.Process, Token: *token, Dashboard: web.Dist(), Logger: log, MaxBody: *maxBody}
	if *token == "" && !isLoopback(ln.Addr()) {
		cfg.WriteDisabled = fmt.Sprintf("the server listens on %s, beyond loopback, and was given no token (start it with --token or $%s)", ln.Addr(), tokenEnv)
		log.Warn("POST /api/v1/articles is disabled: listening beyond loopback without a token; give --token or set "+tokenEnv, "addr", ln.Addr().String())
	}
	srv := &http.Server{
		Handler:           server.New(cfg),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("serving", "addr", "http://"+ln.Addr().String()+"/", "db", store.Redact(*dbPath), "writes", writeMode(cfg))
	fmt.Fprintf(stdout, "dyad serve: http://%s/\n", ln.Addr())
	if opt.listening != nil {
		opt.listening(ln.Addr().String())
	}

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		fmt.Fprintf(stderr, "dyad serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		fmt.Fprintf(stderr, "dyad serve: shutdown: %v\n", err)
		return 1
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "dyad serve: %v\n", err)
		return 1
	}
	return 0
}

// writeMode says in words how POST is guarded.
func writeMode(cfg server.Config) string {
	switch {
	case cfg.WriteDisabled != "":
		return "disabled"
	case cfg.Token != "":
		return "token"
	}
	return "open (loopback)"
}

// isLoopback says whether addr is a loopback address.
func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// storeDemo codes the demo corpus and stores it; storing is idempotent, so
// loading it again changes nothing. It returns how many articles were
// coded and how many failed.
func storeDemo(ctx context.Context, st *store.Store, p *pipeline.Pipeline) (int, int, error) {
	articles, err := demo.Articles()
	if err != nil {
		return 0, 0, err
	}
	src := func(yield func(ingest.Record) error) error {
		for _, a := range articles {
			if err := yield(ingest.Record{Article: a}); err != nil {
				return err
			}
		}
		return nil
	}
	var docs []news.Document
	failed := 0
	sum, err := batch.Run(ctx, src, p.Process, 0, func(r batch.Result) error {
		if r.Err != nil || r.Skipped != "" {
			failed++
			return nil
		}
		docs = append(docs, r.Doc)
		return nil
	})
	if err != nil {
		return 0, failed, err
	}
	_, errs := st.SaveArticles(ctx, docs, "")
	for _, err := range errs {
		if err != nil {
			return 0, failed, err
		}
	}
	return sum.Coded, failed, nil
}

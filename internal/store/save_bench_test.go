package store

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"dyad/news"
)

// BenchmarkSaveArticles stores coded articles, read from the JSON Lines
// file named by DYAD_BENCH_DOCS (dyad code's output), in batches of 256
// (DYAD_BENCH_BATCH) into a new SQLite database, as dyad ingest does, and reports the time per
// article (wall clock and CPU, which shared machines make steadier) and the
// database's size. DYAD_BENCH_DOCS_N caps the number of
// articles read (default 3000).
//
//	dyad bench --corpus 10000 --write /tmp/c.jsonl && dyad code /tmp/c.jsonl >/tmp/docs.jsonl
//	DYAD_BENCH_DOCS=/tmp/docs.jsonl go test -run '^$' -bench SaveArticles -benchtime 1x ./internal/store/
func BenchmarkSaveArticles(b *testing.B) {
	path := os.Getenv("DYAD_BENCH_DOCS")
	if path == "" {
		b.Skip("DYAD_BENCH_DOCS names no file of coded articles")
	}
	n := 3000
	if v, err := strconv.Atoi(os.Getenv("DYAD_BENCH_DOCS_N")); err == nil && v > 0 {
		n = v
	}
	batch := 256
	if v, err := strconv.Atoi(os.Getenv("DYAD_BENCH_BATCH")); err == nil && v > 0 {
		batch = v
	}
	docs := readDocs(b, path, n)
	ctx := context.Background()
	var perArticle, cpuPerArticle time.Duration
	var dbMB float64
	for i := 0; b.Loop(); i++ {
		dir := b.TempDir()
		db := filepath.Join(dir, "bench.db")
		s, err := Open(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		start, cpu0 := time.Now(), cpuTime()
		for j := 0; j < len(docs); j += batch {
			_, errs := s.SaveArticles(ctx, docs[j:min(j+batch, len(docs))], "")
			for _, err := range errs {
				if err != nil {
					b.Fatal(err)
				}
			}
		}
		perArticle = time.Since(start) / time.Duration(len(docs))
		cpuPerArticle = (cpuTime() - cpu0) / time.Duration(len(docs))
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		dbMB = 0
		for _, f := range []string{db, db + "-wal"} {
			if fi, err := os.Stat(f); err == nil {
				dbMB += float64(fi.Size()) / (1 << 20)
			}
		}
	}
	b.ReportMetric(float64(perArticle.Microseconds())/1000, "ms/article")
	b.ReportMetric(float64(cpuPerArticle.Microseconds())/1000, "cpu-ms/article")
	b.ReportMetric(dbMB, "MB")
}

// cpuTime is the CPU time the process has used, user and system; 0 where
// the system does not say.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// readDocs reads up to n coded articles from a JSON Lines file, without
// their tokens, as dyad ingest stores them.
func readDocs(tb testing.TB, path string, n int) []news.Document {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var docs []news.Document
	for line := 1; sc.Scan() && len(docs) < n; line++ {
		var d news.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatalf("%s:%d: %v", path, line, err)
		}
		for i := range d.Sentences {
			d.Sentences[i].Tokens, d.Sentences[i].Chunks = nil, nil
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return docs
}

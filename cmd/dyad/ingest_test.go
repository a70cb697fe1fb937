package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dyad/internal/batch"
	"dyad/internal/corpus"
	"dyad/internal/ingest"
	"dyad/internal/store"
	"dyad/news"
	"dyad/pipeline"
)

// ingestCmd runs dyad ingest with args and stdin, returning exit status,
// stdout and stderr. It calls runIngest directly until main dispatches it.
func ingestCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runIngest(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestIngest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	writeFile(t, bad, "{not json\n")

	code, _, errOut := ingestCmd(t, "", "--db", db, "--workers", "2", "../../testdata/articles", bad)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "dyad ingest: 11 coded, ") || !strings.Contains(errOut, " new), 1 failed") {
		t.Errorf("summary: %s", errOut)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	first, err := st.Stats(context.Background())
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	if first.Articles != 11 || first.Events == 0 || first.Failures != 1 {
		t.Errorf("stats after ingest: %+v", first)
	}

	// Again: nothing changes, no new events.
	code, _, errOut = ingestCmd(t, "", "--db", db, "--strict", "../../testdata/articles")
	if code != 0 || !strings.Contains(errOut, "(0 new), 0 failed") {
		t.Errorf("re-ingest: exit %d: %s", code, errOut)
	}
	st, _ = store.Open(context.Background(), db)
	again, _ := st.Stats(context.Background())
	st.Close()
	if again != first {
		t.Errorf("re-ingest changed the store: %+v -> %+v", first, again)
	}

	code, out, errOut := ingestCmd(t, "", "--failed", "--db", db)
	if code != 0 || !strings.HasPrefix(out, bad+":1\t") || strings.Count(out, "\n") != 1 {
		t.Errorf("--failed: exit %d, out %q, err %s", code, out, errOut)
	}
}

func TestIngestStrictAndUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dyad.db")
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	writeFile(t, bad, "{not json\n")
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"no paths", []string{"--db", db}, 2},
		{"bad format", []string{"--db", db, "--format", "pdf", "x"}, 2},
		{"strict with a failure", []string{"--db", db, "--strict", "../../testdata/articles/01_moscow_talks.txt", bad}, 1},
		{"nothing coded", []string{"--db", db, bad}, 1},
		{"failed on a missing db", []string{"--failed", "--db", filepath.Join(t.TempDir(), "none.db")}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code, _, errOut := ingestCmd(t, "", tt.args...); code != tt.want {
				t.Errorf("exit %d, want %d: %s", code, tt.want, errOut)
			}
		})
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestStoreWriter stores results in small batches: coding failures and
// articles that cannot be stored are recorded, the others stored, a batch
// is written when its time is up, and re-adding the same articles changes
// nothing.
func TestStoreWriter(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "dyad.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs := codedTestArticles(t)
	results := []batch.Result{
		{Origin: "a.txt", Doc: docs[0]},
		{Origin: "bad.jsonl:2", Err: errors.New("bad.jsonl:2: bad JSON")},
		{Origin: "noid.txt", Doc: news.Document{Text: "no id"}},
		{Origin: "b.txt", Doc: docs[1]},
		{Origin: "c.txt", Doc: docs[2]},
	}
	var errOut bytes.Buffer
	w := newStoreWriter(ctx, st, newProgress(&errOut), &errOut, 2, time.Hour)
	for _, r := range results {
		if err := w.add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	stats, _ := st.Stats(ctx)
	if w.failures != 2 || stats.Articles != 3 || stats.Failures != 2 || w.stored != stats.Mentions || w.newEvents != stats.Events {
		t.Errorf("writer counts %d stored, %d new, %d failed; store %+v", w.stored, w.newEvents, w.failures, stats)
	}
	fails, _ := st.Failures(ctx)
	if len(fails) != 2 || fails[0].Origin != "bad.jsonl:2" || fails[1].Origin != "noid.txt" || !strings.Contains(fails[1].Reason, "no id") {
		t.Errorf("failures %+v", fails)
	}
	if !strings.Contains(errOut.String(), "noid.txt: save article: no id") {
		t.Errorf("stderr: %s", errOut.String())
	}

	// One article, a large batch and a short wait: stored before close.
	w = newStoreWriter(ctx, st, newProgress(io.Discard), io.Discard, 64, 10*time.Millisecond)
	if err := w.add(batch.Result{Origin: "d.txt", Doc: docs[3]}); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if _, ok, _ := st.Article(ctx, docs[3].ID); ok {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("article not stored after its batch time")
		}
	}
	for _, r := range results { // again: nothing new
		if err := w.add(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	again, _ := st.Stats(ctx)
	if again.Articles != 4 || again.Failures != 2 || w.failures != 2 || w.stored != again.Mentions-stats.Mentions {
		t.Errorf("second run: %+v then %+v; writer %d stored, %d failed", stats, again, w.stored, w.failures)
	}
}

// codedTestArticles codes the test articles.
func codedTestArticles(t testing.TB) []news.Document {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var ds []news.Document
	err = ingest.Read(context.Background(), []string{"../../testdata/articles"}, nil, ingest.Options{}, func(r ingest.Record) error {
		if r.Err != nil {
			return r.Err
		}
		d, err := p.Process(context.Background(), r.Article)
		ds = append(ds, d)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// BenchmarkIngest runs dyad ingest on a few hundred generated articles, into
// a fresh database every round.
func BenchmarkIngest(b *testing.B) {
	dir := b.TempDir()
	var buf bytes.Buffer
	g := corpus.New(1)
	const n = 300
	for range n {
		a := g.Article(12)
		line, err := json.Marshal(map[string]string{"id": a.ID, "text": string(a.Body), "published": "2016-07-15"})
		if err != nil {
			b.Fatal(err)
		}
		buf.Write(append(line, '\n'))
	}
	in := filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	round := 0
	for b.Loop() {
		round++
		var errOut bytes.Buffer
		db := filepath.Join(dir, fmt.Sprintf("%d.db", round))
		if code := runIngest(context.Background(), []string{"--db", db, in}, nil, io.Discard, &errOut); code != 0 {
			b.Fatalf("exit %d: %s", code, errOut.String())
		}
	}
	b.ReportMetric(float64(n*round)/b.Elapsed().Seconds(), "articles/s")
}

// TestIngestWithDictionaries: ingest codes with a user's PETRARCH
// dictionaries, as code does.
func TestIngestWithDictionaries(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	code, _, errOut := ingestCmd(t, "Valmora attacked Orinth on Monday.\n", "--db", db,
		"--petrarch-dicts", "../../internal/validate/testdata", "--published", "2010-03-03", "-")
	if code != 0 || !strings.Contains(errOut, "1 stored events (1 new)") {
		t.Fatalf("exit %d, stderr %q; want one event stored", code, errOut)
	}
	if code, _, errOut := ingestCmd(t, "x\n", "--db", db, "--format", "pdf", "-"); code != 2 || !strings.Contains(errOut, "--format") {
		t.Errorf("bad --format: exit %d, %q", code, errOut)
	}
}

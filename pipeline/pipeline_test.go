package pipeline

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/ingest"
	"dyad/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

const articlesDir = "../testdata/articles"

// codeAll codes every article under testdata/articles, keyed by origin.
func codeAll(t *testing.T, cfg Config) (map[string]news.Document, []string) {
	t.Helper()
	p, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]news.Document{}
	var order []string
	err = ingest.Read(context.Background(), []string{articlesDir}, nil, ingest.Options{}, func(r ingest.Record) error {
		if r.Err != nil {
			t.Errorf("read: %v", r.Err)
			return nil
		}
		doc, err := p.Process(context.Background(), r.Article)
		if err != nil {
			t.Errorf("%s: %v", r.Article.Origin, err)
			return nil
		}
		key := strings.TrimPrefix(filepath.ToSlash(r.Article.Origin), articlesDir+"/")
		docs[key] = doc
		order = append(order, key)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs, order
}

// TestGolden codes every test article and compares it with its golden JSON.
func TestGolden(t *testing.T) {
	docs, order := codeAll(t, Config{})
	if len(order) < 10 {
		t.Fatalf("coded %d articles, want at least 10: %v", len(order), order)
	}
	byFile := map[string][]news.Document{}
	var files []string
	for _, key := range order {
		file, _, _ := strings.Cut(key, ":")
		if _, ok := byFile[file]; !ok {
			files = append(files, file)
		}
		byFile[file] = append(byFile[file], docs[key])
	}
	for _, file := range files {
		got, err := json.MarshalIndent(byFile[file], "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		golden := filepath.Join("../testdata/golden", filepath.Base(file)+".json")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./pipeline -update to create it)", err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s differs from %s (-want +got):\n%s", file, golden, diff)
		}
	}
}

// TestSpans checks every span of every test article, tokens and chunks included.
func TestSpans(t *testing.T) {
	docs, _ := codeAll(t, Config{KeepTokens: true})
	for key, doc := range docs {
		for _, e := range doc.SpanErrors() {
			t.Errorf("%s: %s", key, e)
		}
		if len(doc.Sentences) == 0 {
			t.Errorf("%s: no sentences", key)
		}
		for i, s := range doc.Sentences {
			if len(s.Tokens) == 0 {
				t.Errorf("%s: sentence %d has no tokens", key, i)
			}
		}
	}
}

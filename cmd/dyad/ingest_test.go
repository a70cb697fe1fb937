package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/store"
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

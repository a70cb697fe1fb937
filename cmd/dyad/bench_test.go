package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBenchStore(t *testing.T) {
	code, out, errOut := dyad(t, "", "bench", "--json", "--corpus", "30", "--store")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r benchReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	st := r.Store
	if st == nil {
		t.Fatalf("no store figures: %s", out)
	}
	// The generated stream holds syndicated copies, which the store recognises.
	if st.Articles != 30 || st.Copies == 0 || st.Copies >= 15 || st.ArticlesPerSec <= 0 || st.SaveSeconds <= 0 ||
		st.SaveSeconds > st.Seconds || st.DBMB <= 0 || st.Ratio <= 0 {
		t.Errorf("store figures %+v", *st)
	}
	if r.CPUSeconds > 0 && (r.ArticlesPerCPUSec <= 0 || st.ArticlesPerCPUSec <= 0) {
		t.Errorf("CPU figures %+v %+v", r, *st)
	}
	code, out, _ = dyad(t, "", "bench", "--corpus", "3", "--store")
	if code != 0 || !strings.Contains(out, "with storage: 3 articles") {
		t.Errorf("bench --store: exit %d, %q", code, out)
	}
}

func TestBenchWrite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if code, _, errOut := dyad(t, "", "bench", "--corpus", "12", "--write", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var rec map[string]string
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		for _, k := range []string{"id", "source", "title", "published", "text"} {
			if rec[k] == "" {
				t.Errorf("line %d: no %s", n+1, k)
			}
		}
		n++
	}
	if n != 12 {
		t.Errorf("%d records, want 12", n)
	}
	// What bench wrote, ingest reads.
	db := filepath.Join(t.TempDir(), "dyad.db")
	if code, _, errOut := dyad(t, "", "ingest", "--db", db, path); code != 0 || !strings.Contains(errOut, "12 coded") {
		t.Errorf("ingest of the written corpus: exit %d, %s", code, errOut)
	}
	if code, _, errOut := dyad(t, "", "bench", "--corpus", "2", "--write", filepath.Join(t.TempDir(), "no", "such", "dir.jsonl")); code == 0 || errOut == "" {
		t.Errorf("writing into a missing directory: exit %d, %q", code, errOut)
	}
}

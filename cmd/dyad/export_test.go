package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// exportCmd runs dyad export with args, returning exit status, stdout and
// stderr. It calls runExport directly until main dispatches it.
func exportCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runExport(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dyad.db")
	feed := filepath.Join(dir, "feed.jsonl")
	writeFile(t, feed, `{"id":"e1","url":"https://news.example.net/a","source":"Example","published":"2019-06-04","text":"PARIS - French President Emmanuel Macron met German Chancellor Angela Merkel in Paris on Monday."}
{"id":"e2","source":"Other","published":"2020-09-01","text":"The Iranian government accused Israel on Tuesday of attacking a ship in the Red Sea."}
`)
	if code, _, errOut := ingestCmd(t, "", "--db", db, feed); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}

	code, out, errOut := exportCmd(t, "--db", db, "--format", "gdelt-events")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	r := csv.NewReader(strings.NewReader(out))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = '\t', true, 61
	rows, err := r.ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("gdelt-events: %d rows, %v\n%s", len(rows), err, out)
	}
	if !strings.Contains(errOut, "rows written") {
		t.Errorf("stderr %q", errOut)
	}

	// --out writes the file; --from/--to filter.
	path := filepath.Join(dir, "events.csv")
	code, out, errOut = exportCmd(t, "--db", db, "--format", "csv", "--from", "2020-01-01", "--to", "2020-12-31", "--out", path)
	if code != 0 || out != "" {
		t.Fatalf("--out: exit %d, stdout %q: %s", code, out, errOut)
	}
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil || len(recs) < 2 {
		t.Fatalf("csv: %d records, %v", len(recs), err)
	}
	for _, rec := range recs[1:] {
		if !strings.HasPrefix(rec[1], "2020") {
			t.Errorf("event dated %s exported for 2020", rec[1])
		}
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".events.csv.*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}

	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", db}, 2, "Usage"},
		{[]string{"--db", db, "--format", "xml"}, 2, `unknown format "xml"`},
		{[]string{"--db", db, "--format", "csv", "--from", "yesterday"}, 1, `--from "yesterday"`},
		{[]string{"--db", filepath.Join(dir, "missing.db"), "--format", "csv"}, 1, "missing.db"},
		{[]string{"--db", db, "--format", "csv", "--out", filepath.Join(dir, "no", "such", "dir.csv")}, 1, "dir.csv"},
	}
	for _, tt := range tests {
		code, _, errOut := exportCmd(t, tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) {
			t.Errorf("%q: exit %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("export created a database")
	}
}

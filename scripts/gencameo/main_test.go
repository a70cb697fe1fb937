package main

import (
	"dyad/scripts/internal/readme"

	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	factsDir   = "../../../shared/conformance/facts"
	tablesDir  = "../../dict/cameo"
	readmeFile = "../../dict/README.md"
)

// TestCommittedTablesMatch regenerates the tables and checks that the
// committed dict/cameo files and the README section are exactly what the
// script writes, so they cannot drift apart.
func TestCommittedTablesMatch(t *testing.T) {
	if _, err := os.Stat(factsDir); errors.Is(err, os.ErrNotExist) {
		t.Skipf("no conformance facts at %s: cannot check dict/cameo against them", factsDir)
	}
	out := t.TempDir()
	tmpReadme := filepath.Join(out, "README.md")
	committedReadme, err := os.ReadFile(readmeFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tmpReadme, committedReadme, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(factsDir, filepath.Join(out, "cameo"), tmpReadme); err != nil {
		t.Fatalf("run: %v", err)
	}
	generated, err := os.ReadDir(filepath.Join(out, "cameo"))
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadDir(tablesDir)
	if err != nil {
		t.Fatal(err)
	}
	if len(generated) != len(committed) {
		t.Errorf("script writes %d files, dict/cameo has %d", len(generated), len(committed))
	}
	for _, e := range generated {
		want, err := os.ReadFile(filepath.Join(out, "cameo", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(tablesDir, e.Name()))
		if err != nil {
			t.Errorf("dict/cameo/%s: %v (run go run ./scripts/gencameo)", e.Name(), err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("dict/cameo/%s differs from the script's output: run go run ./scripts/gencameo", e.Name())
		}
	}
	regenerated, err := os.ReadFile(tmpReadme)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(regenerated, committedReadme) {
		t.Errorf("dict/README.md's CAMEO section differs from the script's: run go run ./scripts/gencameo")
	}
}

func TestSpliceReadme(t *testing.T) {
	section := "## S\n\nnew\n"
	fresh := string(readme.Splice(nil, readmeBegin, readmeEnd, section))
	if !strings.HasPrefix(fresh, "# dict") || !strings.Contains(fresh, readmeBegin+"\n"+section+readmeEnd+"\n") {
		t.Errorf("new README:\n%s", fresh)
	}
	old := "# dict\n\nintro\n\n" + readmeBegin + "\nold\n" + readmeEnd + "\n\n## GeoNames\n\nkept\n"
	want := "# dict\n\nintro\n\n" + readmeBegin + "\n" + section + readmeEnd + "\n\n## GeoNames\n\nkept\n"
	if got := string(readme.Splice([]byte(old), readmeBegin, readmeEnd, section)); got != want {
		t.Errorf("spliced README:\n%s\nwant:\n%s", got, want)
	}
	other := "# dict\n\n## GeoNames\n"
	if got := string(readme.Splice([]byte(other), readmeBegin, readmeEnd, section)); !strings.HasPrefix(got, other+"\n"+readmeBegin) {
		t.Errorf("appended README:\n%s", got)
	}
}

func TestGenerateFailsOnMissingFacts(t *testing.T) {
	if _, _, err := generate(t.TempDir()); err == nil {
		t.Errorf("generate(empty dir) succeeded")
	}
}

func TestGenerateReportsBadFacts(t *testing.T) {
	if _, err := os.Stat(factsDir); errors.Is(err, os.ErrNotExist) {
		t.Skipf("no conformance facts at %s", factsDir)
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(factsDir)); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, goldsteinFile)
	if err := os.Chmod(p, 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, "999\t1.0\n040\t12\n"...)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = generate(dir)
	for _, want := range []string{goldsteinFile + ":312: code 999 has no root", goldsteinFile + `:313: bad Goldstein value "12"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("generate(bad facts) = %v; want %q", err, want)
		}
	}
}

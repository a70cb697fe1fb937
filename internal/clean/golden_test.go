package clean

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden is what a golden file holds: the blocks as text, for reading, and
// the whole Document.
type golden struct {
	Layout   []string      `json:"layout"`
	Document news.Document `json:"document"`
}

// TestGolden cleans whole articles written for these tests and compares the
// Documents with testdata/*.golden.json. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		a    news.Article
		opts Options
	}{
		{name: "ankara_talks"},
		{name: "geneva_reuters", a: news.Article{
			URL:       "https://news.example.org/yemen-talks",
			Title:     "Yemen's warring parties extend prisoner deal, agree to reopen Taiz roads",
			Published: "Tue, 04 Oct 2022 14:05:00 GMT",
		}},
		{name: "gaza_afp"},
		{name: "un_hardwrap", a: news.Article{ID: "un-2019-0705", Source: "Example Wire"}, opts: Options{Published: "2019-07-05"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", tt.name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			a := tt.a
			a.Body = body
			d, err := Clean(a, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			checkIdempotent(t, d)
			got := golden{Layout: layoutOf(t, d), Document: d.WithEmptyLists()}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(got); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tt.name+".golden.json")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(buf.String(), "\n")); diff != "" {
				t.Errorf("%s differs (-want +got); run go test -update if the change is right:\n%s", path, diff)
			}
		})
	}
}

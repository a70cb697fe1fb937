package dictfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"v.txt":   petrVerbs,
		"a1.txt":  actorsText,
		"a2.txt":  "ROHAN [ROH]\n",
		"bad.txt": "ROHAN [ROH]\n+X [Y\n",
		"g.txt":   agentsText,
		"d.txt":   "BASEBALL\n",
		"i.txt":   issuesText,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dir, n))
		}
		return out
	}
	tests := []struct {
		name                                    string
		verbs, actors, agents, discards, issues []string
		wantFiles                               []string
		wantActors                              int
		wantErrs                                []string // data errors; nil for none
		wantIO                                  bool     // a file cannot be read
	}{
		{
			name:  "every kind",
			verbs: p("v.txt"), actors: p("a1.txt", "a2.txt"), agents: p("g.txt"), discards: p("d.txt"), issues: p("i.txt"),
			wantFiles:  p("v.txt", "a1.txt", "a2.txt", "g.txt", "d.txt", "i.txt"),
			wantActors: 5,
		},
		{
			name:       "actors only, empty names skipped",
			actors:     []string{"", filepath.Join(dir, "a2.txt")},
			wantFiles:  p("a2.txt"),
			wantActors: 1,
		},
		{
			name:       "errors of several files collected",
			actors:     p("bad.txt", "bad.txt"),
			wantFiles:  p("bad.txt", "bad.txt"),
			wantActors: 2,
			wantErrs: []string{
				filepath.Join(dir, "bad.txt") + ":2: missing ']'",
				filepath.Join(dir, "bad.txt") + ":2: missing ']'",
			},
		},
		{
			name:   "missing file",
			verbs:  p("v.txt"),
			actors: p("nope.txt"),
			wantIO: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := LoadFiles(tt.verbs, tt.actors, tt.agents, tt.discards, tt.issues)
			var de *Error
			switch {
			case tt.wantIO:
				if err == nil || errors.As(err, &de) || set != nil {
					t.Fatalf("LoadFiles = %v, %v; want nil and an I/O error", set, err)
				}
				return
			case tt.wantErrs != nil:
				if diff := cmp.Diff(tt.wantErrs, problemStrings(t, err)); diff != "" {
					t.Errorf("errors (-want +got):\n%s", diff)
				}
			case err != nil:
				t.Fatalf("LoadFiles: %v", err)
			}
			if set == nil {
				t.Fatal("LoadFiles returned no set")
			}
			if diff := cmp.Diff(tt.wantFiles, set.Files); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
			actors := 0
			if set.Actors != nil {
				actors = len(set.Actors.Entries)
			}
			if actors != tt.wantActors {
				t.Errorf("%d actors, want %d", actors, tt.wantActors)
			}
			if (set.Verbs != nil) != (len(tt.verbs) > 0) || (set.Agents != nil) != (len(tt.agents) > 0) ||
				(set.Discards != nil) != (len(tt.discards) > 0) || (set.Issues != nil) != (len(tt.issues) > 0) {
				t.Errorf("set has the wrong kinds: %+v", set)
			}
		})
	}
	if _, err := LoadFiles(nil, nil, nil, nil, nil); err == nil {
		t.Error("LoadFiles with no files: no error")
	}
}

package builtin

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"dyad/internal/dictfile"
)

// LoadPetrarchFS reads a directory of an fs.FS and reports data errors as
// file:line with the path in the FS.
func TestLoadPetrarchFS(t *testing.T) {
	fsys := fstest.MapFS{
		"d/x.verbs.txt":  {Data: []byte("--- MEET [040] ---\nMEET {MET}\n")},
		"d/x.actors.txt": {Data: []byte("ARNOR [ARN]\nGONDOR [GON]\n")},
		"d/x.agents.txt": {Data: []byte("POLICE [~COP]\n")},
		"d/README":       {Data: []byte("not a dictionary")},
	}
	set, err := dictfile.LoadPetrarchFS(fsys, "d")
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Files) != 3 || set.Verbs == nil || len(set.Actors.Entries) != 2 || len(set.Agents.Entries) != 1 {
		t.Fatalf("loaded %v", set.Files)
	}
	fsys["d/y.verbs.txt"] = &fstest.MapFile{Data: []byte("--- BAD [040] ---\n- no verb marker [010]\n")}
	_, err = dictfile.LoadPetrarchFS(fsys, "d")
	var de *dictfile.Error
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "d/y.verbs.txt:2:") {
		t.Fatalf("want a file:line error, got %v", err)
	}
	if _, err := dictfile.LoadPetrarchFS(fsys, "missing"); err == nil {
		t.Fatal("no error for a missing directory")
	}
}

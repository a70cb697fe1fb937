package dict

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

func TestFSHoldsTables(t *testing.T) {
	for _, name := range []string{"cameo/codes.tsv", "cameo/roots.tsv", "cameo/plover.tsv"} {
		data, err := fs.ReadFile(FS, name)
		if err != nil {
			t.Errorf("FS: %v", err)
			continue
		}
		if len(data) == 0 {
			t.Errorf("FS: %s is empty", name)
		}
	}
}

func TestFirstNames(t *testing.T) {
	names, err := FirstNames()
	if err != nil {
		t.Fatal(err)
	}
	if len(names) < 5000 {
		t.Errorf("FirstNames: %d names, want thousands", len(names))
	}
	for n := range names {
		if !isName(n) {
			t.Errorf("FirstNames: %q is not a capitalised name", n)
		}
	}
	for _, tt := range []struct {
		name string
		want bool
	}{
		{"Mary", true}, {"John", true}, {"Anne-Marie", true}, {"Mark", true},
		{"May", false}, {"Will", false}, {"Georgia", false}, {"Jordan", false},
		{"China", false}, {"Victoria", false}, {"Monday", false}, {"King", false},
		{"mary", false},
	} {
		if names[tt.name] != tt.want {
			t.Errorf("FirstNames()[%q] = %v, want %v", tt.name, names[tt.name], tt.want)
		}
	}
}

func TestReadFirstNamesErrors(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"missing", "", "first names:"},
		{"lower case", "# c\nMary\njohn\n", "names/first_names.txt:3:"},
		{"two words", "Mary Ann\n", "names/first_names.txt:1:"},
		{"dangling hyphen", "Anne-\n", "names/first_names.txt:1:"},
	} {
		fsys := fstest.MapFS{}
		if tt.data != "" {
			fsys[FirstNamesFile] = &fstest.MapFile{Data: []byte(tt.data)}
		}
		_, err := ReadFirstNames(fsys)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

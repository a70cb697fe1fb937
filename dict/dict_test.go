package dict

import (
	"io/fs"
	"testing"
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

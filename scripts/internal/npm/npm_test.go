package npm

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadPackage(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	p, err := ReadPackage(write("ok.json", `{"name":"world-atlas","version":"2.0.2","license":"ISC","main":"x"}`))
	if err != nil || p != (Package{Name: "world-atlas", Version: "2.0.2", License: "ISC"}) {
		t.Errorf("got %+v, %v", p, err)
	}
	for name, body := range map[string]string{"noversion.json": `{"name":"x"}`, "bad.json": `{`} {
		if _, err := ReadPackage(write(name, body)); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
	}
	if _, err := ReadPackage(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("a missing file gave no error")
	}
}

package geo

import (
	"runtime"
	"testing"
)

// TestLoadMemory logs the heap the loaded gazetteer keeps.
func TestLoadMemory(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, err := LoadDefault()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("%d entries, heap %d MB", g.Len(), (int64(after.HeapAlloc)-int64(before.HeapAlloc))>>20)
	runtime.KeepAlive(g)
}

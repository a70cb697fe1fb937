package store

import (
	"context"
	"testing"

	"dyad/internal/store/storetest"
)

// openTest opens a fresh store for a test of the package's internals:
// SQLite in t.TempDir(), or a schema of its own on the PostgreSQL server
// named by DYAD_TEST_POSTGRES (see storetest). It is closed when the test ends.
func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), storetest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

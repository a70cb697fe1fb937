// Package storetest gives tests a fresh, empty place for a store, so that
// the same tests run against both backends: a SQLite file in the test's
// temporary directory by default or, when the environment variable
// DYAD_TEST_POSTGRES holds a PostgreSQL server URL
// (postgres://user@127.0.0.1:5432/db), a schema of its own in that
// database, dropped when the test ends.
//
// It is test support: it reads the environment, as only tests and cmd/ do.
//
//	st, err := store.Open(ctx, storetest.DSN(t))
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// Env is the environment variable naming the PostgreSQL server to test on.
const Env = "DYAD_TEST_POSTGRES"

// Postgres reports whether tests run against PostgreSQL (Env is set).
func Postgres() bool { return os.Getenv(Env) != "" }

// DSN is what store.Open should be given for a fresh, empty store: a path
// in t.TempDir(), or, when Env is set, a URL of the server in Env whose
// search_path is a new schema that is dropped when the test ends.
func DSN(t testing.TB) string {
	t.Helper()
	server := os.Getenv(Env)
	if server == "" {
		return filepath.Join(t.TempDir(), "dyad.db")
	}
	u, err := url.Parse(server)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s: want a postgres:// URL, got %q", Env, server)
	}
	cfg, err := pgx.ParseConfig(server)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	admin := stdlib.OpenDB(*cfg)
	b := make([]byte, 8)
	rand.Read(b)
	schema := "dyad_test_" + hex.EncodeToString(b)
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+schema); err != nil {
		admin.Close()
		t.Fatalf("%s: create schema: %v", Env, err)
	}
	t.Cleanup(func() { drop(t, admin, schema) })
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// drop drops the test's schema with everything in it.
func drop(t testing.TB, admin *sql.DB, schema string) {
	defer admin.Close()
	if _, err := admin.ExecContext(context.Background(), `DROP SCHEMA `+schema+` CASCADE`); err != nil {
		t.Errorf("%s: drop schema %s: %v", Env, schema, err)
	}
}

package store

import (
	"context"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"dyad/internal/store/storetest"
)

func TestRebind(t *testing.T) {
	tests := []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`a = ? AND b IN (?, ?)`, `a = $1 AND b IN ($2, $3)`},
		{`x LIKE ? ESCAPE '\' AND y = ?`, `x LIKE $1 ESCAPE '\' AND y = $2`},
		{`s = 'what?' AND t = ?`, `s = 'what?' AND t = $1`},
		{`s = 'it''s ?' AND t = ?`, `s = 'it''s ?' AND t = $1`},
		{`"odd?col" = ?`, `"odd?col" = $1`},
		{"-- a comment?\nx = ?", "-- a comment?\nx = $1"},
		{`a - ? - ?`, `a - $1 - $2`},
		{`s = 'open ?`, `s = 'open ?`},
		{`k = ANY(?::bigint[])`, `k = ANY($1::bigint[])`},
	}
	for _, tt := range tests {
		if got := (postgresDialect{}).rebind(tt.in); got != tt.want {
			t.Errorf("rebind(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsPostgresAndRedact(t *testing.T) {
	for _, tt := range []struct {
		dsn      string
		postgres bool
		redacted string
	}{
		{"dyad.db", false, "dyad.db"},
		{"/data/postgres/dyad.db", false, "/data/postgres/dyad.db"},
		{"postgres://dyad@db:5432/news", true, "postgres://dyad@db:5432/news"},
		{"postgresql://dyad:s3cret@db/news?sslmode=disable", true, "postgresql://dyad:xxxxx@db/news?sslmode=disable"},
		{"POSTGRES://dyad:s3cret@db/news", true, "postgres://dyad:xxxxx@db/news"},
	} {
		if got := IsPostgres(tt.dsn); got != tt.postgres {
			t.Errorf("IsPostgres(%q) = %v", tt.dsn, got)
		}
		if got := Redact(tt.dsn); got != tt.redacted {
			t.Errorf("Redact(%q) = %q, want %q", tt.dsn, got, tt.redacted)
		}
	}
	_, err := Open(context.Background(), "postgres://dyad:s3cret@127.0.0.1:1/news?connect_timeout=2")
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("open an unreachable server: %v", err)
	}
}

// sqliteOnly are constructs of SQLite that PostgreSQL rejects or reads
// otherwise: a portable migration must not use them.
var sqliteOnly = regexp.MustCompile(`(?i)\bINTEGER\s+PRIMARY\s+KEY\b|\bAUTOINCREMENT\b|\bPRAGMA\b|\bINSERT\s+OR\b|\bREPLACE\s+INTO\b|\bVIRTUAL\s+TABLE\b|\bWITHOUT\s+ROWID\b|\bINDEXED\s+BY\b|\bstrftime\s*\(|\bdatetime\s*\(|\bGLOB\b`)

// TestMigrationsPortable checks that every migration PostgreSQL would run
// as is uses nothing SQLite-only, and that every PostgreSQL version
// replaces a migration of the same name.
func TestMigrationsPortable(t *testing.T) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil || len(names) == 0 {
		t.Fatalf("migrations: %v %v", names, err)
	}
	base := map[string]bool{}
	for _, name := range names {
		version := strings.TrimPrefix(name, "migrations/")
		base[version] = true
		file := migrationFile(migrations, postgresDialect{}, version)
		if file != name {
			continue
		}
		body, _ := fs.ReadFile(migrations, name)
		for i, line := range strings.Split(string(body), "\n") {
			code, _, _ := strings.Cut(line, "--")
			if m := sqliteOnly.FindString(code); m != "" {
				t.Errorf("%s:%d: %q is SQLite-only: write it portably or add migrations/postgres/%s", name, i+1, m, version)
			}
		}
	}
	own, _ := fs.Glob(migrations, "migrations/postgres/*.sql")
	for _, name := range own {
		if v := strings.TrimPrefix(name, "migrations/postgres/"); !base[v] {
			t.Errorf("%s replaces no migrations/%s", name, v)
		}
	}
	if got := migrationFile(migrations, postgresDialect{}, "0002_fts.sql"); got != "migrations/postgres/0002_fts.sql" {
		t.Errorf("PostgreSQL runs %s for 0002_fts.sql", got)
	}
	if got := migrationFile(migrations, sqliteDialect{}, "0002_fts.sql"); got != "migrations/0002_fts.sql" {
		t.Errorf("SQLite runs %s for 0002_fts.sql", got)
	}
}

// TestPostgresSearchUsesIndex checks that the full-text conditions are the
// expressions migrations/postgres/0002_fts.sql indexes.
func TestPostgresSearchUsesIndex(t *testing.T) {
	if !storetest.Postgres() {
		t.Skip("PostgreSQL only: set " + storetest.Env)
	}
	ctx := context.Background()
	s, err := Open(ctx, storetest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SET enable_seqscan = off`); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ query, index string }{
		{`SELECT id FROM articles a WHERE ` + s.d.articleMatch("a.id"), "articles_fts"},
		{`SELECT id FROM quotes WHERE ` + s.d.quoteMatch("id"), "quotes_fts"},
	} {
		rows, err := conn.QueryContext(ctx, `EXPLAIN `+s.d.rebind(tt.query), "kerry moscow")
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, line)
		}
		rows.Close()
		if p := strings.Join(plan, "\n"); !strings.Contains(p, tt.index) {
			t.Errorf("%s does not use %s:\n%s", tt.query, tt.index, p)
		}
	}
}

// Package store keeps coded articles, their entities, places and quotes, and
// the events they report, in a SQL database: SQLite by default (pure Go,
// modernc.org/sqlite, WAL, foreign keys, full-text search with FTS5).
//
// The schema lives in migrations/*.sql, embedded and applied in order by Open;
// each applied file is recorded in schema_migrations. SQL is written once with
// ? placeholders and only bound parameters; everything specific to SQLite (the
// driver and its pragmas, FTS5 tables and MATCH queries) is in sqlite.go and
// migrations/0002_fts.sql so that a PostgreSQL backend can reuse the rest and
// the same test suite.
//
// # Events and mentions
//
// As in GDELT 2.0, an event is stored once and every article sentence that
// reports it is a mention (with its sentence, spans, rule, confidence,
// modality and outlet). When an article is saved, each of its events is
// merged into an existing event when all of these agree, else a new event is
// created:
//
//   - date: the event's date at its grain. A day-grain or hour-grain date
//     ("2016-07-14", "2016-07-14T21") matches any event on the same day; a
//     coarser date ("2016-W28", "2016-03", "2016") matches only the same value
//     at the same grain, never a day inside it. An event with no date takes
//     its article's publication day (date_grain "published"); an event with
//     neither is never merged with another article's events.
//   - source and target actor codes, exactly ("" when the text names none);
//   - the CAMEO code, exactly (so 040 and 042 are two events);
//   - place: the same name (case-insensitive) and country, or no place for both;
//   - modality class: asserted and reported events merge together; negated,
//     hypothetical and future events are kept apart, one event per modality,
//     so that "did not attack" never adds to an attack.
//
// Within one article, an event coded from a caption that repeats an event of
// the body (same merge key) is not stored as a second mention.
// num_mentions counts mentions, num_articles distinct articles and num_sources
// distinct outlets (an article without a known outlet counts as its own).
//
// Saving is idempotent: re-saving an article with the same id and text changes
// nothing; with a different text, the article's old mentions are replaced and
// the counts of the events they touched recomputed (events left with no
// mention are deleted).
package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a handle on one database. It is safe for concurrent use.
type Store struct {
	db  *sql.DB
	d   dialect
	now func() time.Time

	mu     sync.Mutex
	stmts  map[string]*sql.Stmt // prepared statements by query, see prepared
	closed bool
}

// Open opens (creating if needed) the SQLite database at path and applies any
// migration not yet applied.
func Open(ctx context.Context, path string) (*Store, error) {
	db, err := openSQLite(path)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, d: sqliteDialect{}, now: time.Now}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.closeStatements()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// Migration is one applied schema migration.
type Migration struct {
	Version   string // the migration's file name, e.g. "0001_init.sql"
	AppliedAt string // RFC 3339, UTC
}

// Migrations lists the applied migrations in order.
func (s *Store) Migrations(ctx context.Context) ([]Migration, error) {
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT version, applied_at FROM schema_migrations ORDER BY version`))
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	defer rows.Close()
	var ms []Migration
	for rows.Next() {
		var m Migration
		if err := rows.Scan(&m.Version, &m.AppliedAt); err != nil {
			return nil, fmt.Errorf("list migrations: %w", err)
		}
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	return ms, nil
}

// migrate applies, in file-name order and each in its own transaction, the
// embedded migrations not yet recorded in schema_migrations.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		version := strings.TrimPrefix(name, "migrations/")
		body, err := migrations.ReadFile(name)
		if err != nil {
			return fmt.Errorf("migrate %s: %w", version, err)
		}
		if err := s.apply(ctx, version, string(body)); err != nil {
			return fmt.Errorf("migrate %s: %w", version, err)
		}
	}
	return nil
}

// apply runs one migration unless it is already recorded.
func (s *Store) apply(ctx context.Context, version, body string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, s.d.rebind(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	for _, stmt := range splitSQL(body) {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("%.60q: %w", stmt, err)
		}
	}
	if _, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`), version, s.stamp()); err != nil {
		return err
	}
	return tx.Commit()
}

// splitSQL splits a migration into statements on semicolons ending a line,
// dropping comment lines. Migrations hold no semicolons inside literals.
func splitSQL(body string) []string {
	var stmts []string
	var cur strings.Builder
	for line := range strings.SplitSeq(body, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
		if strings.HasSuffix(t, ";") {
			stmts = append(stmts, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	if rest := strings.TrimSpace(cur.String()); rest != "" {
		stmts = append(stmts, rest)
	}
	return stmts
}

// stamp is the current time as stored: RFC 3339 in UTC.
func (s *Store) stamp() string { return s.now().UTC().Format(time.RFC3339) }

// Failure is an input that could not be read, coded or stored.
type Failure struct {
	Origin string // where the record came from: "dir/a.jsonl:12"
	Reason string // the error, in words
	At     string // when it was last recorded, RFC 3339 UTC
}

// RecordFailure records that the input at origin failed for reason. A later
// failure of the same origin replaces the earlier one.
func (s *Store) RecordFailure(ctx context.Context, origin, reason string) error {
	_, err := s.db.ExecContext(ctx, s.d.rebind(`INSERT INTO failures (origin, reason, at) VALUES (?, ?, ?)
		ON CONFLICT (origin) DO UPDATE SET reason = excluded.reason, at = excluded.at`), origin, reason, s.stamp())
	if err != nil {
		return fmt.Errorf("record failure %s: %w", origin, err)
	}
	return nil
}

// Failures lists the recorded failures in the order first recorded.
func (s *Store) Failures(ctx context.Context) ([]Failure, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT origin, reason, at FROM failures ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list failures: %w", err)
	}
	defer rows.Close()
	var fs []Failure
	for rows.Next() {
		var f Failure
		if err := rows.Scan(&f.Origin, &f.Reason, &f.At); err != nil {
			return nil, fmt.Errorf("list failures: %w", err)
		}
		fs = append(fs, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list failures: %w", err)
	}
	return fs, nil
}

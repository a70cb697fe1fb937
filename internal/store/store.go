// Package store keeps coded articles, their entities, places and quotes, and
// the events they report, in a SQL database: SQLite by default (pure Go,
// modernc.org/sqlite, WAL, foreign keys, full-text search with FTS5), or
// PostgreSQL when Open is given a postgres:// URL (pgx through database/sql,
// full-text search with tsvector GIN indexes), for many writers and servers
// sharing one database.
//
// # Two backends
//
// SQL is written once with ? placeholders and only bound parameters. What
// differs is the dialect's (sqlite.go, postgres.go): placeholders ($1, $2, …
// on PostgreSQL), the full-text match (FTS5 MATCH; to_tsvector @@
// plainto_tsquery, so that every word must occur and nothing typed is query
// syntax, as on SQLite), index hints (SQLite's INDEXED BY; none on
// PostgreSQL), and locking (below). Upserts are the ON CONFLICT both accept.
// Each article's SCHEMA object is kept whole in articles.doc, which is what
// the API serves and exports read: its blocks, sentences, entities, places
// and times live there only (migration 0009); its quotes, events and
// mentions are also rows, which queries filter, search and count.
// What is stored differs in one column: SQLite keeps each article's SCHEMA
// object compressed and without its text, which articles.text holds
// (doc.go); PostgreSQL keeps it as JSON and compresses it itself.
//
// On SQLite, writing is kept cheap (see the store's benchmark,
// BenchmarkSaveArticles): the full-text indexes read their text from the
// tables (0007), a batch's index rows are written once before it commits,
// multi-row inserts need no statement journal (multiInsert), and a writing
// connection gets a larger page cache (writeSetup).
//
// The schema lives in migrations/*.sql, embedded and applied in order by
// Open; each applied file is recorded by its name in schema_migrations, so
// both backends have the same versions. A file is portable SQL unless
// migrations/postgres/ holds a file of the same name, which PostgreSQL runs
// instead: 0001_init.sql (SQLite's row ids, REAL and INTEGER spelled as
// identity columns, DOUBLE PRECISION and BIGINT, and text compared by bytes
// with COLLATE "C" as SQLite's BINARY collation does) and 0002_fts.sql (GIN
// indexes on tsvector expressions instead of FTS5 tables). A new migration
// that uses anything SQLite-only (row ids, REAL, AUTOINCREMENT, pragmas,
// INSERT OR …, virtual tables) needs its PostgreSQL version beside it; a
// test checks this. On PostgreSQL, concurrent Opens apply migrations one at
// a time under an advisory lock.
//
// # Concurrent writers
//
// On SQLite every write transaction takes the database's write lock at
// BEGIN, so writers take turns. On PostgreSQL writers run side by side at
// READ COMMITTED, and merging stays exact under transaction-scoped advisory
// locks: before it writes anything, a save locks the ids of its articles,
// the band buckets of their near-duplicate signatures, then the merge keys
// of every event it will touch, in one global order (see lockSave). Two
// workers merging into the same event thus take turns, the second seeing
// the first's committed mentions when it counts, and they cannot deadlock.
// The one lock taken later, on the events of the story a near-duplicate
// copies (known only once the copy is found), may meet another writer's in
// the other order: PostgreSQL then aborts one transaction, which SaveArticle
// runs again (SaveArticles falls back to SaveArticle). This was chosen over
// SELECT … FOR UPDATE (which cannot lock an event not yet inserted, and taken
// in article order deadlocks) and over SERIALIZABLE with retries (batches of
// articles that share events would abort and redo each other's work often);
// readers never wait for these locks, and writers of different events never
// wait for each other. A test saves articles reporting the same events from
// several goroutines through two Store handles and checks exact counts.
//
// Tests open their stores through package storetest: SQLite in a temporary
// directory, or with DYAD_TEST_POSTGRES set to a server URL, a fresh schema
// on that server (scripts/pg-test.sh starts a throw-away cluster for that).
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
// A near-duplicate of a stored article (a syndicated copy of the same story,
// found by MinHash, package dedup) is linked to it (Store.Duplicate), and its
// events become mentions of the story's events even where a small difference
// (a date resolved against a later publication day) changes their merge key;
// see duplicates.go.
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

//go:embed migrations/*.sql migrations/postgres/*.sql
var migrations embed.FS

// Store is a handle on one database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	d    dialect
	now  func() time.Time
	docs *docCodec // compresses stored objects (SQLite), nil where they are stored as JSON: doc.go

	mu     sync.Mutex
	stmts  map[string]*sql.Stmt // prepared statements by query, see prepared
	closed bool
}

// Open opens the store named by dsn and applies any migration not yet
// applied: a PostgreSQL database when dsn is a postgres:// or postgresql://
// URL (see IsPostgres; the database must exist), else the SQLite database
// at the path dsn, created if needed. Errors name the store without its
// password.
func Open(ctx context.Context, dsn string) (*Store, error) {
	var (
		db  *sql.DB
		d   dialect
		err error
	)
	if IsPostgres(dsn) {
		db, err = openPostgres(dsn)
		d = postgresDialect{}
	} else {
		db, err = openSQLite(dsn)
		d = sqliteDialect{}
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", Redact(dsn), err)
	}
	s := &Store{db: db, d: d, now: time.Now}
	if !IsPostgres(dsn) {
		if s.docs, err = newDocCodec(); err != nil {
			db.Close()
			return nil, fmt.Errorf("open store %s: %w", Redact(dsn), err)
		}
	}
	if err := db.PingContext(ctx); err != nil {
		s.docs.close()
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", Redact(dsn), err)
	}
	if err := s.migrate(ctx); err != nil {
		s.docs.close()
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", Redact(dsn), err)
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.closeStatements()
	s.docs.close()
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
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		version := strings.TrimPrefix(name, "migrations/")
		file := migrationFile(migrations, s.d, version)
		body, err := migrations.ReadFile(file)
		if err != nil {
			return fmt.Errorf("migrate %s: %w", version, err)
		}
		if err := s.apply(ctx, version, string(body)); err != nil {
			return fmt.Errorf("migrate %s (%s): %w", version, strings.TrimPrefix(file, "migrations/"), err)
		}
	}
	return nil
}

// migrationFile is the file that applies version on the dialect's backend:
// its own version under migrations/DIR/ if there is one, else the portable
// one.
func migrationFile(fsys fs.FS, d dialect, version string) string {
	if dir := d.migrationDir(); dir != "" {
		own := "migrations/" + dir + "/" + version
		if _, err := fs.Stat(fsys, own); err == nil {
			return own
		}
	}
	return "migrations/" + version
}

// apply runs one migration unless it is already recorded.
func (s *Store) apply(ctx context.Context, version, body string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if q := s.d.migrationLock(); q != "" {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
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

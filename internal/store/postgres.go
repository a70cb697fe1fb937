package store

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// IsPostgres reports whether dsn names a PostgreSQL database
// (postgres://… or postgresql://…) rather than a SQLite file.
func IsPostgres(dsn string) bool {
	d := strings.ToLower(dsn)
	return strings.HasPrefix(d, "postgres://") || strings.HasPrefix(d, "postgresql://")
}

// Redact is dsn fit for an error message or a log: a PostgreSQL URL without its
// password.
func Redact(dsn string) string {
	if !IsPostgres(dsn) {
		return dsn
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…" // the URL itself may hold the password
	}
	return u.Redacted()
}

// openPostgres opens the database at the PostgreSQL URL dsn through pgx's
// database/sql adapter.
func openPostgres(dsn string) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse URL: %w", err)
	}
	db := stdlib.OpenDB(*cfg)
	// Keep connections for ingest's writer and a server's requests
	// instead of opening one per burst.
	db.SetMaxIdleConns(8)
	return db, nil
}

// postgresDialect is PostgreSQL with tsvector full-text search.
type postgresDialect struct{}

// rebind numbers the ? placeholders $1, $2, … outside quoted literals,
// quoted identifiers and -- comments.
func (postgresDialect) rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		switch c := q[i]; {
		case c == '\'' || c == '"':
			// Copy through the closing quote; a doubled quote closes and
			// reopens, which comes to the same.
			j := strings.IndexByte(q[i+1:], c)
			if j < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : i+j+2])
			i += j + 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : i+j+1])
			i += j
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// The full-text expressions: identical to those indexed by
// migrations/postgres/0002_fts.sql.
const (
	articleVector = `to_tsvector('simple', left(title || ' ' || text, 200000))`
	quoteVector   = `to_tsvector('simple', left(speaker || ' ' || text, 200000))`
)

func (postgresDialect) articleMatch(id string) string {
	return id + ` IN (SELECT id FROM articles WHERE ` + articleVector + ` @@ plainto_tsquery('simple', ?))`
}

func (postgresDialect) quoteMatch(id string) string {
	return id + ` IN (SELECT id FROM quotes WHERE ` + quoteVector + ` @@ plainto_tsquery('simple', ?))`
}

// ftsQuery is the words, for plainto_tsquery: every word must occur, and
// nothing the user types is query syntax (as on SQLite).
func (postgresDialect) ftsQuery(q string) string { return strings.Join(strings.Fields(q), " ") }

func (postgresDialect) indexedBy(string) string { return "" }

func (postgresDialect) ftsRows() bool { return false }

func (postgresDialect) countsActors() bool { return false }

// writeSetup is none: the server's shared buffers serve every connection.
func (postgresDialect) writeSetup() []string { return nil }

// multiInsert is the query itself.
func (postgresDialect) multiInsert(q string) string { return q }

func (postgresDialect) migrationDir() string { return "postgres" }

// migrationLock serialises migrations per schema with an advisory lock in
// the two-int4 key space, apart from keyLock's bigint keys.
func (postgresDialect) migrationLock() string {
	return `SELECT pg_advisory_xact_lock(1685217636, hashtext(current_schema()))`
}

// keyLock takes transaction-scoped advisory locks. unnest yields the array
// in order, so the locks are taken in the order lockSave sorted them.
func (postgresDialect) keyLock() string {
	return `SELECT pg_advisory_xact_lock(k) FROM unnest(?::bigint[]) AS k`
}

// transient is a deadlock (40P01) or serialization failure (40001).
func (postgresDialect) transient(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
}

package store

import (
	"database/sql"
	"net/url"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// dialect isolates what differs between SQL backends.
type dialect interface {
	// rebind turns the ? placeholders of a portable query into the backend's.
	rebind(query string) string
	// articleMatch is a condition on articles.id true when the article's
	// title or text matches the full-text query bound to its one placeholder.
	articleMatch(idColumn string) string
	// quoteMatch is a condition on quotes.id true when the quote's text
	// matches the full-text query bound to its one placeholder.
	quoteMatch(idColumn string) string
	// ftsQuery turns user words into the backend's full-text query syntax.
	ftsQuery(q string) string
	// indexedBy is the clause, after a table name, that makes the query walk
	// that table by the named index, or "" where the backend has none.
	indexedBy(index string) string
	// ftsRows says whether the store writes the full-text index itself
	// (article_fts and quote_fts, SQLite: see ftsIndex) or the database
	// indexes the articles and quotes tables directly (PostgreSQL).
	ftsRows() bool
	// countsActors says whether the store adds the actors of the events it
	// creates to actor_counts itself, once a transaction (SQLite: see
	// countActors), or a trigger logs every event inserted (PostgreSQL).
	countsActors() bool
	// migrationDir is the folder under migrations/ whose files replace the
	// portable ones of the same name, or "" where the portable ones serve.
	migrationDir() string
	// migrationLock is the statement that makes concurrent Opens apply the
	// migrations one at a time, run first in each migration's transaction,
	// or "" where write transactions already exclude each other.
	migrationLock() string
	// keyLock is the statement that takes, in array order, a lock held until
	// the transaction ends on each of the int64 keys in the array bound to
	// its one placeholder, or "" where write transactions already exclude
	// each other (see lockSave).
	keyLock() string
	// writeSetup are the statements run first in every transaction that
	// saves articles, on its connection.
	writeSetup() []string
	// multiInsert turns a portable "INSERT INTO" of several rows into the
	// backend's cheapest form with the same outcome for the transaction.
	multiInsert(query string) string
	// transient says whether err aborted a transaction that may succeed if
	// run again (a deadlock the database broke).
	transient(err error) bool
}

// openSQLite opens path with WAL, foreign keys, a busy timeout and
// transactions that take the write lock at BEGIN (so concurrent writers wait
// instead of failing to upgrade). Temporary storage, including the statement
// journals of multi-row inserts, is kept in memory, and the page cache is
// 16 MB per connection (64 MB for a connection that saves articles: see
// writeSetup). The WAL is checkpointed into the database every 8,192 pages
// (32 MB) rather than SQLite's 1,000: a batch of articles dirties pages of
// every event index, and the fewer checkpoints, the fewer times each of
// those pages is written to the database.
func openSQLite(path string) (*sql.DB, error) {
	v := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(10000)", "synchronous(NORMAL)", "temp_store(MEMORY)", "cache_size(-16000)", "wal_autocheckpoint(8192)"} {
		v.Add("_pragma", p)
	}
	v.Set("_txlock", "immediate")
	return sql.Open("sqlite", path+"?"+v.Encode())
}

// sqliteDialect is SQLite with FTS5.
type sqliteDialect struct{}

func (sqliteDialect) rebind(q string) string { return q }

// articleMatch reads the ids of the matching articles by their rowids, the
// index's (migration 0007), from the articles rows' first column only.
func (sqliteDialect) articleMatch(id string) string {
	return id + ` IN (SELECT id FROM articles WHERE rowid IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?))`
}

// quoteMatch: the index's rowids are the quotes' ids (migration 0007).
func (sqliteDialect) quoteMatch(id string) string {
	return id + ` IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)`
}

func (sqliteDialect) indexedBy(index string) string { return ` INDEXED BY ` + index }

func (sqliteDialect) ftsRows() bool { return true }

func (sqliteDialect) countsActors() bool { return true }

func (sqliteDialect) migrationDir() string { return "" }

// migrationLock is none: transactions take the write lock at BEGIN.
func (sqliteDialect) migrationLock() string { return "" }

// keyLock is none: transactions take the write lock at BEGIN.
func (sqliteDialect) keyLock() string { return "" }

// writeSetup gives a connection that saves articles a 64 MB page cache (a
// batch of articles writes into every index of the events table, and a
// cache that holds them spills less to the WAL and reads fewer pages back;
// readers keep the 16 MB of openSQLite), and defers the transaction's
// foreign key checks to its commit (see multiInsert).
func (sqliteDialect) writeSetup() []string {
	return []string{`PRAGMA cache_size = -65536`, `PRAGMA defer_foreign_keys = ON`}
}

// multiInsert makes a multi-row insert INSERT OR FAIL. A multi-row
// statement that may abort halfway (a constraint with the default ABORT,
// or a foreign key checked at once) keeps a statement journal, a copy of
// every page it changes, to undo its own rows; one that fails instead of
// aborting (and whose foreign keys are deferred, writeSetup) needs none.
// Nothing else changes: any error fails the article's whole transaction.
func (sqliteDialect) multiInsert(q string) string {
	if rest, ok := strings.CutPrefix(q, "INSERT INTO "); ok {
		return "INSERT OR FAIL INTO " + rest
	}
	return q
}

// transient is never: writers wait for each other (busy_timeout) instead.
func (sqliteDialect) transient(error) bool { return false }

// ftsQuery quotes every word so that user input is never FTS5 syntax: all
// words must occur, in any order.
func (sqliteDialect) ftsQuery(q string) string {
	var b strings.Builder
	for _, w := range strings.Fields(q) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(`"` + strings.ReplaceAll(w, `"`, `""`) + `"`)
	}
	return b.String()
}

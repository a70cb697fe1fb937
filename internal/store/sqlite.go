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
	// transient says whether err aborted a transaction that may succeed if
	// run again (a deadlock the database broke).
	transient(err error) bool
}

// openSQLite opens path with WAL, foreign keys, a busy timeout and
// transactions that take the write lock at BEGIN (so concurrent writers wait
// instead of failing to upgrade). Temporary storage, including the journal of
// the savepoint SaveArticles opens for each article, is kept in memory, and
// the page cache is 16 MB per connection so that a batch of articles rarely
// spills to the WAL before it commits.
func openSQLite(path string) (*sql.DB, error) {
	v := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(10000)", "synchronous(NORMAL)", "temp_store(MEMORY)", "cache_size(-16000)"} {
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

func (sqliteDialect) migrationDir() string { return "" }

// migrationLock is none: transactions take the write lock at BEGIN.
func (sqliteDialect) migrationLock() string { return "" }

// keyLock is none: transactions take the write lock at BEGIN.
func (sqliteDialect) keyLock() string { return "" }

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

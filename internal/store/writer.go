package store

import (
	"context"
	"database/sql"
	"fmt"
)

// prepared is the statement for query, prepared once per Store (the driver
// then prepares it once per connection) so that SQL is not parsed again on
// every call.
func (s *Store) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if st, ok := s.stmts[query]; ok {
		return st, nil
	}
	if s.closed {
		return nil, fmt.Errorf("store closed")
	}
	st, err := s.db.PrepareContext(ctx, s.d.rebind(query))
	if err != nil {
		return nil, err
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[query] = st
	return st, nil
}

// closeStatements closes the prepared statements; later calls to prepared fail.
func (s *Store) closeStatements() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.closed = true
}

// writer runs the Store's prepared statements in one transaction.
type writer struct {
	s     *Store
	tx    *sql.Tx
	stmts map[string]*sql.Stmt // the Store's statements bound to tx

	unindexed []string              // ids of the articles saved but not yet in the full-text index: ftsIndex
	actors    map[string]actorCount // events created as source and target, not yet in actor_counts: countActors
}

// actorCount is how many events an actor is the source and the target of.
type actorCount struct{ source, target int }

func (s *Store) writer(tx *sql.Tx) *writer {
	return &writer{s: s, tx: tx, stmts: map[string]*sql.Stmt{}}
}

// setup readies the transaction's connection for writing (see
// dialect.writeSetup).
func (w *writer) setup(ctx context.Context) error {
	for _, q := range w.s.d.writeSetup() {
		if _, err := w.exec(ctx, q); err != nil {
			return fmt.Errorf("set up writer: %w", err)
		}
	}
	return nil
}

// stmt is the prepared statement for query, bound to the transaction.
func (w *writer) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	ps, err := w.s.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	st := w.tx.StmtContext(ctx, ps)
	w.stmts[query] = st
	return st, nil
}

// exec runs a statement that returns no rows.
func (w *writer) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// query runs a statement that returns rows.
func (w *writer) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// queryRow runs a statement that returns at most one row and scans it into
// dest; sql.ErrNoRows when there is none.
func (w *writer) queryRow(ctx context.Context, query string, args []any, dest ...any) error {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return err
	}
	return st.QueryRowContext(ctx, args...).Scan(dest...)
}

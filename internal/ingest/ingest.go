// Package ingest reads articles from files, directories and stdin in every
// input format dyad accepts, in input order, naming the file and line of each
// record it cannot read.
package ingest

import (
	"context"
	"fmt"
	"io"

	"dyad/news"
)

// Options controls how records are read.
type Options struct {
	Format   news.Format // force the body format; FormatAuto sniffs it
	MaxBytes int64       // largest body accepted per record; 0 means DefaultMaxBytes
}

// DefaultMaxBytes is the largest record body read when Options.MaxBytes is 0.
const DefaultMaxBytes = 64 << 20

// Record is one article read, or the error that stopped one record from being read.
type Record struct {
	Article news.Article
	Err     error // an *Error naming the file (and line) when the record is bad
}

// Error is a data error in one input record.
type Error struct {
	File string // the path, or "-" for stdin
	Line int    // 1-based line of the record in the file; 0 when the whole file is meant
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Read reads every path in order ("-" reads stdin; a directory is walked
// recursively in lexical order) and calls fn once per record in input order.
// Bad records reach fn as a Record with Err set; Read itself returns an error
// only when fn does or ctx is done.
func Read(ctx context.Context, paths []string, stdin io.Reader, opts Options, fn func(Record) error) error {
	return fmt.Errorf("ingest: not implemented")
}

// Package ingest reads articles from files, directories and stdin in every
// input format dyad accepts, in input order, naming the file and line of each
// record it cannot read.
//
// A path is a file, a directory (walked recursively in lexical order, hidden
// entries skipped) or "-" for stdin. The kind of a file comes from its
// extension, after an optional ".gz", or from its content when the extension
// says nothing: JSON Lines (.jsonl, .ndjson), JSON (.json: one record or an
// array of records), HTML (.html, .htm, .xhtml), PETRARCH XML (.xml, or
// sniffed: <Sentences>, alone or in a <Validation>, one article per
// <Sentence>) or plain text (.txt, .text, .md, no extension). Gzip is recognised by its magic bytes whatever the name,
// and UTF-16 text with a byte order mark is converted to UTF-8. Bad input
// becomes an *Error naming the file (and line) and the rest of the batch goes
// on.
package ingest

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"dyad/news"
)

// Options controls how records are read.
type Options struct {
	// Format forces the body format of text and HTML inputs; FormatAuto
	// takes it from the extension or the content. JSON records always take
	// it from their fields.
	Format news.Format
	// MaxBytes is the largest record read: a whole text or HTML file, a
	// whole .json file, one JSON Lines line, or one page in a WARC file.
	// 0 means DefaultMaxBytes.
	MaxBytes int64
	// Skipped, when not nil, is called for every input record skipped on
	// purpose rather than failed (a WARC request or metadata record, a
	// response that is not an HTML page with HTTP status 200), with the
	// record's origin ("a.warc.gz:record 3 (offset 1234)") and the reason.
	Skipped func(origin, reason string)
}

// DefaultMaxBytes is the largest record read when Options.MaxBytes is 0.
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

// Error formats the error as "file:line: message", or "file: message" when
// the whole file is meant.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Read reads every path in order ("-" reads stdin; a directory is walked
// recursively in lexical order) and calls fn once per record in input order.
// Bad records reach fn as a Record with Err set; Read itself returns an error
// only when fn does (that error, unchanged) or ctx is done.
func Read(ctx context.Context, paths []string, stdin io.Reader, opts Options, fn func(Record) error) error {
	r := &reader{ctx: ctx, opts: opts, stdin: stdin, fn: fn, max: opts.MaxBytes}
	if r.max <= 0 {
		r.max = DefaultMaxBytes
	}
	for _, p := range paths {
		if err := r.alive(); err != nil {
			return err
		}
		if err := r.path(p); err != nil {
			return err
		}
	}
	return nil
}

// sniffLen is how much of an input is looked at to tell its kind and to
// tell text from binary data.
const sniffLen = 8 << 10

// bufSize is the read buffer size; it must be at least sniffLen.
const bufSize = 32 << 10

var (
	errEmpty  = errors.New("empty file")
	errBinary = errors.New("binary data, not an article")
)

// reader holds the state of one Read call.
type reader struct {
	ctx   context.Context
	opts  Options
	stdin io.Reader
	fn    func(Record) error
	max   int64
	seen  map[string]bool // real paths of the directories walked under the current path
}

// alive returns the context's error, wrapped, once ctx is done.
func (r *reader) alive() error {
	if err := r.ctx.Err(); err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	return nil
}

// emit hands one good article to fn.
func (r *reader) emit(a news.Article) error {
	return r.fn(Record{Article: a})
}

// fail hands one bad record to fn.
func (r *reader) fail(file string, line int, err error) error {
	return r.fn(Record{Err: &Error{File: file, Line: line, Err: err}})
}

// readFailed reports an error met while reading file: it stops the whole
// Read when it came from ctx, and is a data error of the file otherwise.
func (r *reader) readFailed(file string, line int, err error, gz bool) error {
	if r.ctx.Err() != nil {
		return r.alive()
	}
	return r.fail(file, line, readError(err, gz))
}

// readError says what went wrong reading an input.
func readError(err error, gz bool) error {
	var pe *fs.PathError
	switch {
	case errors.As(err, &pe):
		return fmt.Errorf("read: %w", pe.Err)
	case gz && (errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF)):
		return fmt.Errorf("truncated gzip data: %w", io.ErrUnexpectedEOF)
	case gz:
		return fmt.Errorf("corrupt gzip data: %w", err)
	}
	return fmt.Errorf("read: %w", err)
}

// pathError drops the operation and path that os errors repeat, since
// Error already names the file.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// path reads one command-line path.
func (r *reader) path(p string) error {
	if p == "-" {
		if r.stdin == nil {
			return r.fail("-", 0, errors.New("no standard input"))
		}
		return r.stream("-", r.stdin, kindSniff, -1)
	}
	fi, err := os.Stat(p)
	if err != nil {
		return r.fail(p, 0, pathError(err))
	}
	if fi.IsDir() {
		r.seen = map[string]bool{}
		return r.walk(p)
	}
	return r.file(p, true)
}

// walk reads the files under dir in lexical order. Hidden entries are
// skipped, and so are files of known binary types. Symbolic links are
// followed, but a directory already walked (through a link loop or a second
// link) is not walked again.
func (r *reader) walk(dir string) error {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		if abs, err := filepath.Abs(real); err == nil {
			real = abs
		}
		if r.seen[real] {
			return nil
		}
		r.seen[real] = true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		// ReadDir returns what it read before the error: go on with that.
		if err := r.fail(dir, 0, pathError(err)); err != nil {
			return err
		}
	}
	for _, e := range entries {
		if err := r.alive(); err != nil {
			return err
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		typ := e.Type()
		if typ&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				if err := r.fail(p, 0, fmt.Errorf("broken symbolic link: %w", pathError(err))); err != nil {
					return err
				}
				continue
			}
			typ = fi.Mode().Type()
		}
		switch {
		case typ.IsDir():
			err = r.walk(p)
		case typ.IsRegular():
			if k, _ := kindOf(p); k == kindBinary {
				continue
			}
			err = r.file(p, false)
		default:
			err = r.fail(p, 0, errors.New("not a regular file"))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// file reads one file; named says whether the user named it (rather than
// it being found in a directory).
func (r *reader) file(p string, named bool) error {
	k, ext := kindOf(p)
	switch k {
	case kindBinary:
		return r.fail(p, 0, fmt.Errorf("%s files are not articles", ext))
	}
	f, err := os.Open(p)
	if err != nil {
		return r.fail(p, 0, pathError(err))
	}
	defer f.Close()
	if k == kindWARC {
		return r.warc(p, f)
	}
	size := int64(-1)
	if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	return r.stream(p, f, k, size)
}

// stream reads one input of kind k (kindSniff to tell it from the content)
// named origin; size is its length in bytes when known, or -1.
func (r *reader) stream(origin string, in io.Reader, k kind, size int64) error {
	src := bufio.NewReaderSize(&ctxReader{ctx: r.ctx, r: in}, bufSize)
	magic, err := src.Peek(2)
	if len(magic) == 0 {
		if err != nil && err != io.EOF {
			return r.readFailed(origin, 0, err, false)
		}
		return r.fail(origin, 0, errEmpty)
	}
	gz := false
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(src)
		if err != nil {
			return r.readFailed(origin, 0, err, true)
		}
		defer zr.Close()
		src = bufio.NewReaderSize(zr, bufSize)
		gz, size = true, -1
	}
	head, err := src.Peek(sniffLen)
	if len(head) == 0 {
		if err != nil && err != io.EOF {
			return r.readFailed(origin, 0, err, gz)
		}
		return r.fail(origin, 0, errEmpty)
	}
	if big, ok := utf16BOM(head); ok {
		src = bufio.NewReaderSize(&utf16Reader{r: src, big: big}, bufSize)
		size = -1
		if head, err = src.Peek(sniffLen); len(head) == 0 {
			if err != nil && err != io.EOF {
				return r.readFailed(origin, 0, err, gz)
			}
			return r.fail(origin, 0, errEmpty)
		}
	}
	// A short Peek means head is the whole input, or that a read error
	// lies just past it; the error is reported when the reading gets there.
	whole := len(head) < sniffLen
	if k == kindSniff && isWARC(head) {
		return r.warcRecords(origin, src, nil, gz)
	}
	if looksBinary(head) {
		return r.fail(origin, 0, errBinary)
	}
	switch k {
	case kindSniff, kindXML:
		k = sniff(head, whole, k == kindXML)
	case kindJSONL:
		// A JSON array or a pretty-printed object named .jsonl: read it as
		// JSON rather than report each of its lines.
		if sniff(head, whole, false) == kindJSON && !firstLineIsObject(head, whole) {
			k = kindJSON
		}
	}
	switch k {
	case kindPetrarch:
		return r.petrarch(origin, src, gz)
	case kindXML:
		return r.fail(origin, 0, fmt.Errorf("XML input is not supported (root element <%s>)", xmlRoot(head)))
	case kindJSONL:
		return r.jsonLines(origin, src, gz)
	case kindJSON:
		return r.json(origin, src, size, gz)
	}
	body, err := readAll(src, size, r.max)
	if err != nil {
		return r.readAllFailed(origin, err, gz)
	}
	if isBlank(body) {
		return r.fail(origin, 0, errEmpty)
	}
	format := r.opts.Format
	if format == news.FormatAuto {
		format = news.FormatText
		if k == kindHTML {
			format = news.FormatHTML
		}
	}
	return r.emit(news.Article{Format: format, Body: body, Origin: origin})
}

// readAllFailed reports an error from readAll.
func (r *reader) readAllFailed(origin string, err error, gz bool) error {
	var se *sizeError
	if errors.As(err, &se) {
		return r.fail(origin, 0, se)
	}
	return r.readFailed(origin, 0, err, gz)
}

package ingest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"unicode/utf16"
	"unicode/utf8"
)

// ctxReader stops reading once ctx is done, so that a long read of a large
// or slow input can be cancelled between buffer fills.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// sizeError is a record over the size limit.
type sizeError struct {
	what string // "file" or "line"
	size int64  // its size, or the bytes counted when more is true
	more bool   // the record is larger than size (counting stopped)
	max  int64
}

func (e *sizeError) Error() string {
	if e.more {
		return fmt.Sprintf("%s is over %d bytes, over the limit of %d bytes", e.what, e.size, e.max)
	}
	return fmt.Sprintf("%s is %d bytes, over the limit of %d bytes", e.what, e.size, e.max)
}

// countLimit bounds how far past the size limit an oversized input is
// read to tell its size, so that a gzip bomb cannot keep Read busy for long.
const countLimit = 1 << 30

// readAll reads r to its end, but no more than max bytes into memory;
// size is its length when known, or -1. Over the limit, it returns a
// *sizeError.
func readAll(r io.Reader, size, max int64) ([]byte, error) {
	if size > max {
		return nil, &sizeError{what: "file", size: size, max: max}
	}
	var buf bytes.Buffer
	if size >= 0 {
		buf.Grow(int(size) + bytes.MinRead)
	}
	n, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if n > max {
		buf = bytes.Buffer{}
		rest, err := io.Copy(io.Discard, io.LimitReader(r, countLimit))
		if err != nil {
			return nil, err
		}
		return nil, &sizeError{what: "file", size: n + rest, more: rest == countLimit, max: max}
	}
	return buf.Bytes(), nil
}

// readLine reads one line from r, without its "\n" or "\r\n". n is the
// line's length; when it is over max the line is skipped and not returned.
// err is io.EOF when the input ends (the line, if any, is still good) and
// any other error when reading broke off inside the line.
func readLine(r *bufio.Reader, max int64) (line []byte, n int64, err error) {
	over := false
	var prev byte // the byte before this chunk
	for {
		chunk, err := r.ReadSlice('\n')
		n += int64(len(chunk))
		if !over {
			if n > max+2 { // room for "\r\n"
				over, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			prev = chunk[len(chunk)-1]
			continue
		}
		if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' {
			n--
			if len(chunk) > 1 && chunk[len(chunk)-2] == '\r' || len(chunk) == 1 && prev == '\r' {
				n--
			}
		}
		if over {
			return nil, n, err
		}
		return line[:n], n, err
	}
}

// utf16BOM reports whether p starts with a UTF-16 byte order mark, and
// whether it is big-endian.
func utf16BOM(p []byte) (big, ok bool) {
	switch {
	case len(p) >= 2 && p[0] == 0xFE && p[1] == 0xFF:
		return true, true
	case len(p) >= 2 && p[0] == 0xFF && p[1] == 0xFE:
		return false, true
	}
	return false, false
}

// utf16Reader converts UTF-16 to UTF-8, dropping the byte order mark.
// Unpaired surrogates become U+FFFD, and so does an odd last byte.
type utf16Reader struct {
	r       io.Reader
	big     bool
	started bool   // the byte order mark has been dropped
	in      []byte // bytes read and not yet converted
	out     []byte // UTF-8 converted and not yet returned
	outBuf  []byte // the backing store of out, reused
	err     error
}

func (u *utf16Reader) Read(p []byte) (int, error) {
	for len(u.out) == 0 {
		if u.err != nil {
			if len(u.in) > 0 { // an odd byte or a lone high surrogate at the end
				u.in = u.in[:0]
				u.out = utf8.AppendRune(u.out, utf8.RuneError)
				continue
			}
			return 0, u.err
		}
		if cap(u.in) == 0 {
			u.in = make([]byte, 0, 4<<10)
		}
		m, err := u.r.Read(u.in[len(u.in):cap(u.in)])
		u.in = u.in[:len(u.in)+m]
		u.err = err
		u.out = u.outBuf[:0]
		u.convert(u.err != nil)
		u.outBuf = u.out
	}
	n := copy(p, u.out)
	u.out = u.out[n:]
	return n, nil
}

// convert moves whole code units from in to out; at the end (final) it
// does not hold back a high surrogate waiting for its pair.
func (u *utf16Reader) convert(final bool) {
	i := 0
	unit := func(j int) rune {
		if u.big {
			return rune(u.in[j])<<8 | rune(u.in[j+1])
		}
		return rune(u.in[j+1])<<8 | rune(u.in[j])
	}
	for i+2 <= len(u.in) {
		c := unit(i)
		if !u.started {
			u.started = true
			if c == 0xFEFF {
				i += 2
				continue
			}
		}
		if utf16.IsSurrogate(c) && c < 0xDC00 { // a high surrogate: needs the next unit
			if i+4 > len(u.in) {
				if !final {
					break
				}
				u.out = utf8.AppendRune(u.out, utf8.RuneError)
				i += 2
				continue
			}
			if r := utf16.DecodeRune(c, unit(i+2)); r != utf8.RuneError {
				u.out = utf8.AppendRune(u.out, r)
				i += 4
				continue
			}
			u.out = utf8.AppendRune(u.out, utf8.RuneError)
			i += 2
			continue
		}
		if utf16.IsSurrogate(c) {
			c = utf8.RuneError
		}
		u.out = utf8.AppendRune(u.out, c)
		i += 2
	}
	u.in = append(u.in[:0], u.in[i:]...)
}

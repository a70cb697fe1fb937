package ingest

// WARC input (ISO 28500: WARC/1.0 and WARC/1.1), plain or gzip-compressed
// as Common Crawl writes it (one gzip member per record), read as a stream:
// one record is held at a time, and of it only an HTML page that becomes an
// article.
//
// A "response" record whose HTTP status is 200 and whose content type is
// HTML becomes an article: URL from WARC-Target-URI, publication date from
// WARC-Date, format HTML, origin "file.warc.gz:record N (offset O)". N
// counts every record from 1; O is where the record starts: in a compressed
// file, the offset of the gzip member it starts in (the offset Common
// Crawl's index gives), else its byte offset. Every other record (warcinfo,
// request, metadata, revisit, a 404, an image) is skipped and reported to
// Options.Skipped. A malformed record is an error naming file, record and
// offset, and reading goes on at the next record: after its content when
// its Content-Length is known, else at the next line that starts a WARC
// record. A truncated file, or truncated or corrupt gzip data, is reported
// and ends the file.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"dyad/news"
)

const (
	// warcMaxLine is the longest WARC header line read.
	warcMaxLine = 64 << 10
	// warcMaxHeaders is the most header lines a WARC record may have.
	warcMaxHeaders = 1000
)

// errWARCTruncated is a record whose content ends before its Content-Length.
var errWARCTruncated = errors.New("truncated WARC record")

// warc reads a WARC file, compressed or not, from in.
func (r *reader) warc(origin string, in io.Reader) error {
	raw := bufio.NewReaderSize(&ctxReader{ctx: r.ctx, r: in}, bufSize)
	magic, err := raw.Peek(2)
	if len(magic) == 0 {
		if err != nil && err != io.EOF {
			return r.readFailed(origin, 0, err, false)
		}
		return r.fail(origin, 0, errEmpty)
	}
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		m, err := newGzMembers(raw)
		if err != nil {
			return r.readFailed(origin, 0, err, true)
		}
		return r.warcRecords(origin, bufio.NewReaderSize(m, bufSize), m, true)
	}
	return r.warcRecords(origin, raw, nil, false)
}

// isWARC reports whether an input's first bytes are a WARC record's.
func isWARC(head []byte) bool {
	return bytes.HasPrefix(head, []byte("WARC/1.")) || bytes.HasPrefix(head, []byte("WARC/0."))
}

// warcRecords reads the records of a decompressed WARC stream. members,
// when not nil, maps stream positions to the gzip members they came from;
// gz says the stream was compressed.
func (r *reader) warcRecords(origin string, br *bufio.Reader, members *gzMembers, gz bool) error {
	s := &warcScanner{br: br}
	num := 0
	for {
		if err := r.alive(); err != nil {
			return err
		}
		start, first, err := s.nextLine()
		if first == nil && err == io.EOF {
			if num == 0 {
				return r.fail(origin, 0, errEmpty)
			}
			return nil
		}
		num++
		offset := start
		if members != nil {
			offset = members.offsetAt(start)
		}
		name := fmt.Sprintf("%s:record %d (offset %d)", origin, num, offset)
		if err != nil && err != io.EOF {
			return r.readFailed(name, 0, err, gz)
		}
		if !isWARC(first) {
			if err := r.fail(name, 0, fmt.Errorf("malformed WARC record: starts with %q, not a WARC version line", clip(first))); err != nil {
				return err
			}
			if err := s.resync(); err != nil && err != io.EOF {
				return r.readFailed(name, 0, err, gz)
			}
			continue
		}
		hdr, err := s.header()
		var length int64 = -1
		if err == nil {
			length, err = contentLength(hdr)
		}
		if err != nil {
			if errors.Is(err, errWARCHeader) {
				if ferr := r.fail(name, 0, err); ferr != nil {
					return ferr
				}
				if err := s.resync(); err != nil && err != io.EOF {
					return r.readFailed(name, 0, err, gz)
				}
				continue
			}
			return r.warcReadFailed(name, err, gz)
		}
		body := &warcBody{s: s, left: length, size: length}
		if err := r.warcRecord(name, hdr, body); err != nil {
			return err
		}
		if body.err == nil {
			_, _ = io.Copy(io.Discard, body)
		}
		if body.err != nil {
			return r.warcReadFailed(name, body.err, gz)
		}
	}
}

// warcReadFailed reports a read error met inside a record, which ends the file.
func (r *reader) warcReadFailed(name string, err error, gz bool) error {
	if errors.Is(err, errWARCTruncated) {
		return r.fail(name, 0, err)
	}
	return r.readFailed(name, 0, err, gz)
}

// clip shortens a line for an error message.
func clip(p []byte) string {
	if len(p) > 40 {
		return string(p[:40]) + "…"
	}
	return string(p)
}

// skip reports a record skipped on purpose.
func (r *reader) skip(name, reason string) {
	if r.opts.Skipped != nil {
		r.opts.Skipped(name, reason)
	}
}

// warcRecord turns one record into an article, a skip or a data error;
// it returns only fn's errors. A read error inside body is left in body.err.
func (r *reader) warcRecord(name string, hdr map[string]string, body *warcBody) error {
	if typ := hdr["warc-type"]; typ != "response" {
		r.skip(name, "WARC-Type "+typ)
		return nil
	}
	if mt, _, err := mime.ParseMediaType(hdr["content-type"]); err != nil || mt != "application/http" {
		r.skip(name, fmt.Sprintf("response record of content type %q, not an HTTP message", hdr["content-type"]))
		return nil
	}
	uri := strings.TrimSuffix(strings.TrimPrefix(hdr["warc-target-uri"], "<"), ">")
	resp, err := http.ReadResponse(bufio.NewReader(body), nil)
	if err != nil {
		if body.err != nil {
			return nil
		}
		return r.fail(name, 0, fmt.Errorf("malformed HTTP response: %w", err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		r.skip(name, "HTTP status "+strconv.Itoa(resp.StatusCode))
		return nil
	}
	ct := resp.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || (mt != "text/html" && mt != "application/xhtml+xml") {
		r.skip(name, fmt.Sprintf("content type %q, not HTML", ct))
		return nil
	}
	var page io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			if body.err != nil {
				return nil
			}
			return r.fail(name, 0, fmt.Errorf("HTTP body: content encoding gzip: %w", err))
		}
		defer zr.Close()
		page = zr
	case "deflate":
		zr, err := zlib.NewReader(resp.Body)
		if err != nil {
			if body.err != nil {
				return nil
			}
			return r.fail(name, 0, fmt.Errorf("HTTP body: content encoding deflate: %w", err))
		}
		defer zr.Close()
		page = zr
	default:
		r.skip(name, "unsupported content encoding "+enc)
		return nil
	}
	data, err := readAll(page, -1, r.max)
	if err != nil {
		if body.err != nil {
			return nil
		}
		var se *sizeError
		if errors.As(err, &se) {
			se.what = "page"
			return r.fail(name, 0, se)
		}
		return r.fail(name, 0, fmt.Errorf("HTTP body: %w", err))
	}
	if isBlank(data) {
		r.skip(name, "empty page")
		return nil
	}
	published := hdr["warc-date"]
	if _, err := time.Parse(time.RFC3339Nano, published); err != nil {
		published = ""
	}
	return r.emit(news.Article{URL: uri, Published: published, Format: news.FormatHTML, Body: data, Origin: name})
}

// errWARCHeader marks a malformed WARC header.
var errWARCHeader = errors.New("malformed WARC header")

// contentLength is a record's Content-Length.
func contentLength(hdr map[string]string) (int64, error) {
	v, ok := hdr["content-length"]
	if !ok {
		return 0, fmt.Errorf("%w: no Content-Length", errWARCHeader)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: Content-Length %q", errWARCHeader, v)
	}
	return n, nil
}

// warcScanner reads a decompressed WARC stream and counts its position.
type warcScanner struct {
	br  *bufio.Reader
	pos int64 // bytes consumed
	// pending is a version line found by resync, handed out by the next
	// nextLine with its position.
	pending    []byte
	pendingPos int64
}

// line reads one line without its line break. A line over warcMaxLine is
// consumed and returned cut, with long set. err is io.EOF at the end of
// the input (line holds what preceded it, possibly nothing).
func (s *warcScanner) line() (line []byte, long bool, err error) {
	var buf []byte
	for {
		chunk, err := s.br.ReadSlice('\n')
		s.pos += int64(len(chunk))
		if len(buf)+len(chunk) <= warcMaxLine {
			buf = append(buf, chunk...)
		} else {
			long = true
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err == io.EOF && len(buf) == 0 && !long {
				return nil, false, io.EOF
			}
			return bytes.TrimRight(buf, "\r\n"), long, err
		}
		return bytes.TrimRight(buf, "\r\n"), long, nil
	}
}

// nextLine returns the next non-blank line and where it starts. line is
// nil with io.EOF at the end of the input.
func (s *warcScanner) nextLine() (int64, []byte, error) {
	if s.pending != nil {
		p := s.pending
		s.pending = nil
		return s.pendingPos, p, nil
	}
	for {
		start := s.pos
		line, _, err := s.line()
		if len(bytes.TrimSpace(line)) > 0 {
			return start, line, err
		}
		if err != nil {
			return start, nil, err
		}
	}
}

// resync skips lines up to the next one that starts a WARC record, which
// the next nextLine returns.
func (s *warcScanner) resync() error {
	for {
		start := s.pos
		line, _, err := s.line()
		if isWARC(line) {
			s.pending, s.pendingPos = bytes.Clone(line), start
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// header reads header lines up to the blank line that ends them, with names
// in lower case. Continuation lines (starting with a space or tab) extend
// the previous value.
func (s *warcScanner) header() (map[string]string, error) {
	hdr := map[string]string{}
	last := ""
	for n := 0; ; n++ {
		line, long, err := s.line()
		if err == io.EOF {
			return nil, fmt.Errorf("%w: the input ends inside its header", errWARCTruncated)
		}
		if err != nil {
			return nil, err
		}
		if len(line) == 0 {
			return hdr, nil
		}
		if long {
			return nil, fmt.Errorf("%w: line over %d bytes", errWARCHeader, warcMaxLine)
		}
		if n >= warcMaxHeaders {
			return nil, fmt.Errorf("%w: over %d lines", errWARCHeader, warcMaxHeaders)
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			hdr[last] += " " + string(bytes.TrimSpace(line))
			continue
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		name = bytes.TrimRight(name, " \t")
		if !ok || len(name) == 0 || bytes.ContainsAny(name, " \t\"(),/;<=>?@[\\]{}") {
			return nil, fmt.Errorf("%w: line %q has no field name", errWARCHeader, clip(line))
		}
		last = strings.ToLower(string(name))
		hdr[last] = string(bytes.TrimSpace(value))
	}
}

// warcBody reads a record's content: exactly its Content-Length bytes.
type warcBody struct {
	s          *warcScanner
	left, size int64
	err        error // the read error that cut the content short, sticky
}

func (b *warcBody) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	if b.left == 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.s.br.Read(p)
	b.s.pos += int64(n)
	b.left -= int64(n)
	if err == io.EOF && b.left > 0 {
		err = fmt.Errorf("%w: content ends after %d of %d bytes", errWARCTruncated, b.size-b.left, b.size)
	}
	if err != nil && err != io.EOF {
		b.err = err
		return n, err
	}
	if b.left == 0 {
		return n, io.EOF
	}
	return n, nil
}

// gzMembers decompresses a series of gzip members as one stream and
// remembers where each member starts, in the compressed input and in the
// decompressed stream.
type gzMembers struct {
	in     *countingReader
	zr     *gzip.Reader
	out    int64      // decompressed bytes produced
	starts [][2]int64 // {decompressed start, compressed offset} of members not yet passed
	err    error
}

// countingReader counts the bytes read from a bufio.Reader. It is an
// io.ByteReader, so that gzip reads no further than the end of a member.
type countingReader struct {
	r *bufio.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countingReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

func newGzMembers(raw *bufio.Reader) (*gzMembers, error) {
	in := &countingReader{r: raw}
	zr, err := gzip.NewReader(in)
	if err != nil {
		return nil, err
	}
	zr.Multistream(false)
	return &gzMembers{in: in, zr: zr, starts: [][2]int64{{0, 0}}}, nil
}

func (g *gzMembers) Read(p []byte) (int, error) {
	for {
		if g.err != nil {
			return 0, g.err
		}
		n, err := g.zr.Read(p)
		g.out += int64(n)
		if err == io.EOF {
			// The member ended: go on with the next one, if any.
			if _, perr := g.in.r.Peek(1); perr != nil {
				g.err = perr
			} else {
				g.starts = append(g.starts, [2]int64{g.out, g.in.n})
				if rerr := g.zr.Reset(g.in); rerr != nil {
					g.err = rerr
				} else {
					g.zr.Multistream(false)
				}
			}
			if n > 0 {
				return n, nil
			}
			continue
		}
		if err != nil {
			g.err = err
		}
		return n, err
	}
}

// offsetAt is the compressed offset of the member holding decompressed
// position pos. Positions must be asked in increasing order: members before
// the one found are forgotten.
func (g *gzMembers) offsetAt(pos int64) int64 {
	i := 0
	for i+1 < len(g.starts) && g.starts[i+1][0] <= pos {
		i++
	}
	g.starts = g.starts[i:]
	return g.starts[0][1]
}

package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/news"
)

// warcRec builds one WARC/1.1 record with a correct Content-Length and the
// blank lines that end it. typ "response" with an http block makes a
// response record; extra header lines may be added.
func warcRec(typ, uri, date, block string, extra ...string) string {
	var b strings.Builder
	b.WriteString("WARC/1.1\r\n")
	b.WriteString("WARC-Type: " + typ + "\r\n")
	b.WriteString("WARC-Record-ID: <urn:uuid:" + fmt.Sprintf("%08x", len(block)*7919+len(uri)) + ">\r\n")
	if uri != "" {
		b.WriteString("WARC-Target-URI: " + uri + "\r\n")
	}
	b.WriteString("WARC-Date: " + date + "\r\n")
	switch typ {
	case "response", "request":
		b.WriteString("Content-Type: application/http; msgtype=" + typ + "\r\n")
	default:
		b.WriteString("Content-Type: application/warc-fields\r\n")
	}
	for _, e := range extra {
		b.WriteString(e + "\r\n")
	}
	b.WriteString("Content-Length: " + strconv.Itoa(len(block)) + "\r\n\r\n")
	b.WriteString(block)
	b.WriteString("\r\n\r\n")
	return b.String()
}

// httpResp builds an HTTP response message.
func httpResp(status int, ctype, body string, headers ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", status, map[int]string{200: "OK", 404: "Not Found", 301: "Moved Permanently"}[status])
	if ctype != "" {
		b.WriteString("Content-Type: " + ctype + "\r\n")
	}
	chunked := false
	for _, h := range headers {
		b.WriteString(h + "\r\n")
		chunked = chunked || strings.EqualFold(h, "Transfer-Encoding: chunked")
	}
	if !chunked {
		b.WriteString("Content-Length: " + strconv.Itoa(len(body)) + "\r\n")
	}
	b.WriteString("\r\n" + body)
	return b.String()
}

// page is a small news page written for these tests.
func page(title, para string) string {
	return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><article><h1>" + title +
		"</h1><p>" + para + "</p></article></body></html>"
}

// chunk encodes s with HTTP chunked transfer coding in two chunks.
func chunk(s string) string {
	h := len(s) / 2
	return fmt.Sprintf("%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n", h, s[:h], len(s)-h, s[h:])
}

func gzBytes(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// gzMembersOf compresses every record as its own gzip member, as Common
// Crawl does, and returns the archive and each member's offset.
func gzMembersOf(recs []string) (string, []int) {
	var b strings.Builder
	var offs []int
	for _, r := range recs {
		offs = append(offs, b.Len())
		b.WriteString(gzBytes(r))
	}
	return b.String(), offs
}

const (
	pageA = "<!DOCTYPE html><html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1><p>Delegations from two neighbouring states met in a lakeside town on Monday.</p></article></body></html>"
	pageB = "<html><body><p>Ministers agreed on a new trade route, officials said on Friday.</p></body></html>"
	pageC = "<html><body><p>The port reopened after a week of strikes.</p></body></html>"
)

// archive is a small crawl: one record of every kind that is skipped, and
// three pages, one of them chunked and gzip-encoded.
func archive() []string {
	return []string{
		warcRec("warcinfo", "", "2024-05-06T07:00:00Z", "software: dyad-test\r\nformat: WARC File Format 1.1\r\n"),
		warcRec("request", "https://news.example.org/a", "2024-05-06T07:00:01Z", "GET /a HTTP/1.1\r\nHost: news.example.org\r\n\r\n"),
		warcRec("response", "https://news.example.org/a", "2024-05-06T07:00:02Z", httpResp(200, "text/html; charset=utf-8", pageA)),
		warcRec("metadata", "https://news.example.org/a", "2024-05-06T07:00:02Z", "fetchTimeMs: 120\r\n"),
		warcRec("response", "https://news.example.org/missing", "2024-05-06T07:00:03Z", httpResp(404, "text/html", "<html>gone</html>")),
		warcRec("response", "https://news.example.org/logo.png", "2024-05-06T07:00:04Z", httpResp(200, "image/png", "\x89PNG\r\n\x1a\n")),
		warcRec("response", "<https://wire.example.net/b>", "2024-05-06T08:30:00Z",
			httpResp(200, "application/xhtml+xml", chunk(gzBytes(pageB)), "Transfer-Encoding: chunked", "Content-Encoding: gzip")),
		warcRec("revisit", "https://news.example.org/a", "2024-05-07T07:00:00Z", httpResp(200, "text/html", "")),
		warcRec("response", "https://port.example.com/c", "2024-05-08T10:00:00Z", httpResp(200, "text/html", pageC)),
		warcRec("response", "https://port.example.com/empty", "2024-05-08T10:00:00Z", httpResp(200, "text/html", "  \n")),
	}
}

type warcResult struct {
	arts    []news.Article
	errs    []string
	skipped []string
}

func readWARC(t testing.TB, paths []string, stdin io.Reader) warcResult {
	t.Helper()
	var res warcResult
	opts := Options{Skipped: func(origin, reason string) { res.skipped = append(res.skipped, origin+": "+reason) }}
	err := Read(context.Background(), paths, stdin, opts, func(r Record) error {
		if r.Err != nil {
			var e *Error
			if !errors.As(r.Err, &e) {
				t.Errorf("error %v is not an *Error", r.Err)
			}
			res.errs = append(res.errs, r.Err.Error())
		} else {
			res.arts = append(res.arts, r.Article)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestWARC(t *testing.T) {
	recs := archive()
	plain := strings.Join(recs, "")
	compressed, offs := gzMembersOf(recs)
	// Plain offsets: where each record starts in the file.
	var plainOffs []int
	at := 0
	for _, r := range recs {
		plainOffs = append(plainOffs, at)
		at += len(r)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"crawl.warc": plain, "crawl.warc.gz": compressed, "sub/one.warc.gz": gzBytes(plain)})

	tests := []struct {
		file string
		offs []int // offset per record index
	}{
		{"crawl.warc", plainOffs},
		{"crawl.warc.gz", offs},
		{"sub/one.warc.gz", make([]int, len(recs))}, // one member: every record is in the member at 0
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Chdir(dir)
			res := readWARC(t, []string{tt.file}, nil)
			origin := func(i int) string { return fmt.Sprintf("%s:record %d (offset %d)", tt.file, i+1, tt.offs[i]) }
			want := []news.Article{
				{URL: "https://news.example.org/a", Published: "2024-05-06T07:00:02Z", Format: news.FormatHTML, Body: []byte(pageA), Origin: origin(2)},
				{URL: "https://wire.example.net/b", Published: "2024-05-06T08:30:00Z", Format: news.FormatHTML, Body: []byte(pageB), Origin: origin(6)},
				{URL: "https://port.example.com/c", Published: "2024-05-08T10:00:00Z", Format: news.FormatHTML, Body: []byte(pageC), Origin: origin(8)},
			}
			if diff := cmp.Diff(want, res.arts); diff != "" {
				t.Errorf("articles (-want +got):\n%s", diff)
			}
			wantSkipped := []string{
				origin(0) + ": WARC-Type warcinfo",
				origin(1) + ": WARC-Type request",
				origin(3) + ": WARC-Type metadata",
				origin(4) + ": HTTP status 404",
				origin(5) + `: content type "image/png", not HTML`,
				origin(7) + ": WARC-Type revisit",
				origin(9) + ": empty page",
			}
			if diff := cmp.Diff(wantSkipped, res.skipped); diff != "" {
				t.Errorf("skipped (-want +got):\n%s", diff)
			}
			if len(res.errs) != 0 {
				t.Errorf("errors: %q", res.errs)
			}
		})
	}

	// The offsets are where the records can be read back from, as from an index.
	f, err := os.Open(filepath.Join(dir, "crawl.warc.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Seek(int64(offs[6]), io.SeekStart); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	zr.Multistream(false)
	rec, err := io.ReadAll(zr)
	if err != nil || !strings.HasPrefix(string(rec), "WARC/1.1\r\nWARC-Type: response") || !strings.Contains(string(rec), "wire.example.net/b") {
		t.Errorf("member at offset %d: %v %.60q", offs[6], err, rec)
	}
}

func TestWARCStdinAndDirectory(t *testing.T) {
	recs := archive()
	plain := strings.Join(recs, "")
	res := readWARC(t, []string{"-"}, strings.NewReader(plain))
	if len(res.arts) != 3 || res.arts[0].Origin != "-:record 3 (offset "+strconv.Itoa(len(recs[0])+len(recs[1]))+")" || len(res.skipped) != 7 {
		t.Errorf("stdin: %d articles (%+v), %d skipped", len(res.arts), res.arts, len(res.skipped))
	}
	gzres := readWARC(t, []string{"-"}, strings.NewReader(gzBytes(plain)))
	if len(gzres.arts) != 3 || len(gzres.errs) != 0 {
		t.Errorf("gzip stdin: %d articles, errors %q", len(gzres.arts), gzres.errs)
	}
	dir := t.TempDir()
	compressed, _ := gzMembersOf(recs)
	writeFiles(t, dir, map[string]string{"2024/05/crawl-00001.warc.gz": compressed, "2024/05/notes.txt": "Not an archive."})
	res = readWARC(t, []string{dir}, nil)
	if len(res.arts) != 4 || res.arts[3].Format != news.FormatText {
		t.Errorf("directory: %d articles", len(res.arts))
	}
}

func TestWARCBadRecords(t *testing.T) {
	recs := archive()
	good := recs[2] // a page
	badLength := strings.Replace(warcRec("response", "https://x.example/1", "2024-05-06T07:00:00Z", httpResp(200, "text/html", pageC)),
		"Content-Length: ", "Content-Length: x", 1)
	noColon := strings.Replace(good, "WARC-Date:", "WARC-Date", 1)
	badHTTP := warcRec("response", "https://x.example/2", "2024-05-06T07:00:00Z", "HTCPCP/1.0 418 teapot\r\n\r\n")
	truncatedPlain := strings.Join(recs[:3], "") + recs[8][:len(recs[8])-60]
	members, offs := gzMembersOf(recs[:9])
	truncatedGz := members[:len(members)-20]
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.warc":    good + "garbage line\r\nmore garbage\r\n" + recs[8],
		"b.warc":    badLength + good,
		"c.warc":    noColon + recs[8],
		"d.warc":    badHTTP + recs[8],
		"e.warc":    truncatedPlain,
		"f.warc.gz": truncatedGz,
		"g.warc.gz": members + "trailing junk that is not gzip",
		"h.warc":    "",
		"i.warc":    "<html><body>not an archive</body></html>",
	})
	t.Chdir(dir)
	tests := []struct {
		file string
		arts int
		errs []string
	}{
		{"a.warc", 2, []string{"a.warc:record 2 (offset " + strconv.Itoa(len(good)) + `): malformed WARC record: starts with "garbage line", not a WARC version line`}},
		{"b.warc", 1, []string{`b.warc:record 1 (offset 0): malformed WARC header: Content-Length "x`}},
		{"c.warc", 1, []string{`c.warc:record 1 (offset 0): malformed WARC header: line "WARC-Date 2024-05-06T07:00:02Z" has no field name`}},
		{"d.warc", 1, []string{`d.warc:record 1 (offset 0): malformed HTTP response: malformed HTTP version "HTCPCP/1.0"`}},
		{"e.warc", 1, []string{"e.warc:record 4 (offset " + strconv.Itoa(len(strings.Join(recs[:3], ""))) + "): truncated WARC record: content ends after"}},
		{"f.warc.gz", 2, []string{"f.warc.gz:record 9 (offset " + strconv.Itoa(offs[8]) + "): truncated gzip data"}},
		{"g.warc.gz", 3, []string{"g.warc.gz:record 10 (offset " + strconv.Itoa(len(members)) + "): corrupt gzip data"}},
		{"h.warc", 0, []string{"h.warc: empty file"}},
		{"i.warc", 0, []string{`i.warc:record 1 (offset 0): malformed WARC record: starts with "<html><body>not an archive</body></html>"`}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res := readWARC(t, []string{tt.file}, nil)
			if len(res.arts) != tt.arts {
				t.Errorf("%d articles, want %d; errors %q", len(res.arts), tt.arts, res.errs)
			}
			if len(res.errs) != len(tt.errs) {
				t.Fatalf("errors %q, want %q", res.errs, tt.errs)
			}
			for i, e := range res.errs {
				if !strings.HasPrefix(e, tt.errs[i]) {
					t.Errorf("error %q, want it to start %q", e, tt.errs[i])
				}
			}
		})
	}
}

// FuzzWARC reads arbitrary bytes as a WARC file: it must never panic, and
// everything it gives must be well formed.
func FuzzWARC(f *testing.F) {
	recs := archive()
	plain := strings.Join(recs, "")
	members, _ := gzMembersOf(recs)
	f.Add([]byte(plain))
	f.Add([]byte(members))
	f.Add([]byte(recs[2][:100]))
	f.Add([]byte(members[:len(members)/2]))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nab"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x"))
	originRe := regexp.MustCompile(`^f\.warc:record (\d+) \(offset (\d+)\)$`)
	f.Fuzz(func(t *testing.T, data []byte) {
		var recs []Record
		r := &reader{ctx: context.Background(), max: 1 << 20,
			opts: Options{Skipped: func(origin, reason string) {
				if !originRe.MatchString(origin) || reason == "" {
					t.Fatalf("skip %q: %q", origin, reason)
				}
			}},
			fn: func(rec Record) error { recs = append(recs, rec); return nil }}
		if err := r.warc("f.warc", bytes.NewReader(data)); err != nil {
			t.Fatalf("warc: %v", err)
		}
		gz := len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b
		last := 0
		for _, rec := range recs {
			origin := rec.Article.Origin
			if rec.Err != nil {
				var e *Error
				if !errors.As(rec.Err, &e) || !strings.HasPrefix(e.File, "f.warc") {
					t.Fatalf("error %v", rec.Err)
				}
				origin = e.File
				if origin == "f.warc" {
					continue
				}
			} else if isBlank(rec.Article.Body) || rec.Article.Format != news.FormatHTML {
				t.Fatalf("article %+v", rec.Article)
			}
			m := originRe.FindStringSubmatch(origin)
			if m == nil {
				t.Fatalf("origin %q", origin)
			}
			n, _ := strconv.Atoi(m[1])
			off, _ := strconv.Atoi(m[2])
			if n < last {
				t.Fatalf("record %d after %d", n, last)
			}
			last = n
			if off > len(data) || !gz && rec.Err == nil && !isWARC(data[off:]) {
				t.Fatalf("offset %d of %d bytes for %s", off, len(data), origin)
			}
		}
	})
}

// BenchmarkWARCLarge reads generated Common Crawl-style archives (one gzip
// member per record; a request, a response and a metadata record per page)
// of growing size and reports the peak heap in use while reading: it stays
// flat as the archive grows.
func BenchmarkWARCLarge(b *testing.B) {
	for _, pages := range []int{2000, 20000} {
		b.Run(fmt.Sprintf("pages=%d", pages), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "big.warc.gz")
			size := writeBigWARC(b, path, pages)
			b.SetBytes(size)
			var peak uint64
			var ms runtime.MemStats
			for b.Loop() {
				runtime.GC()
				n := 0
				err := Read(context.Background(), []string{path}, nil, Options{}, func(r Record) error {
					if r.Err != nil {
						return r.Err
					}
					if n++; n%250 == 0 {
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapInuse)
					}
					return nil
				})
				if err != nil || n != pages {
					b.Fatalf("%d articles of %d: %v", n, pages, err)
				}
			}
			b.ReportMetric(float64(size)/(1<<20), "archive-MB")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// writeBigWARC writes an archive of n pages of about 12 KB each and
// returns its size in bytes.
func writeBigWARC(b testing.TB, path string, n int) int64 {
	b.Helper()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var para strings.Builder
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&para, "<p>Paragraph %d: officials from the two capitals met again to discuss the border, the river and the grain route.</p>\n", i)
	}
	zw := gzip.NewWriter(f)
	for i := 0; i < n; i++ {
		uri := fmt.Sprintf("https://news.example.org/story/%d", i)
		body := page(fmt.Sprintf("Story %d", i), para.String())
		for _, r := range []string{
			warcRec("request", uri, "2024-05-06T07:00:00Z", "GET /story HTTP/1.1\r\nHost: news.example.org\r\n\r\n"),
			warcRec("response", uri, "2024-05-06T07:00:00Z", httpResp(200, "text/html", body)),
			warcRec("metadata", uri, "2024-05-06T07:00:00Z", "fetchTimeMs: 99\r\n"),
		} {
			zw.Reset(f)
			zw.Write([]byte(r))
			if err := zw.Close(); err != nil {
				b.Fatal(err)
			}
		}
	}
	fi, err := f.Stat()
	if err != nil {
		b.Fatal(err)
	}
	return fi.Size()
}

// TestWriteBigWARC writes a generated archive for measuring whole runs
// (resident memory of 'dyad ingest' on a large archive) when
// DYAD_WRITE_WARC=PATH:PAGES is set; it is skipped otherwise.
//
//	DYAD_WRITE_WARC=/tmp/big.warc.gz:90000 go test -run TestWriteBigWARC ./internal/ingest
func TestWriteBigWARC(t *testing.T) {
	spec := os.Getenv("DYAD_WRITE_WARC")
	if spec == "" {
		t.Skip("set DYAD_WRITE_WARC=PATH:PAGES to write an archive")
	}
	path, pages, ok := strings.Cut(spec, ":")
	n, err := strconv.Atoi(pages)
	if !ok || err != nil || n <= 0 {
		t.Fatalf("DYAD_WRITE_WARC=%q: want PATH:PAGES", spec)
	}
	size := writeBigWARC(t, path, n)
	t.Logf("%s: %d pages, %.1f MB", path, n, float64(size)/(1<<20))
}

package ingest

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"dyad/news"
)

// checkRecords checks what Read gave for one input named file holding data
// of at most lines lines: every error is an *Error naming file and a line
// in range (or 0), every article has a body, a format and an origin in
// file, and the records come in input order.
func checkRecords(t *testing.T, file string, lines int, recs []Record) {
	t.Helper()
	originRe := regexp.MustCompile(`^` + regexp.QuoteMeta(file) + `(?::(\d+)|:\[(\d+)\])?$`)
	lastLine, lastIndex := 0, -1
	for _, r := range recs {
		if r.Err != nil {
			var e *Error
			if !errors.As(r.Err, &e) {
				t.Fatalf("error %v (%T) is not an *Error", r.Err, r.Err)
			}
			if e.File != file || e.Line < 0 || e.Line > lines {
				t.Fatalf("error %q: want file %s and a line in [0, %d]", e, file, lines)
			}
			if e.Line > 0 {
				if e.Line < lastLine {
					t.Fatalf("error %q comes after line %d", e, lastLine)
				}
				lastLine = e.Line
			}
			continue
		}
		a := r.Article
		if isBlank(a.Body) {
			t.Fatalf("article %s has a blank body", a.Origin)
		}
		if a.Format != news.FormatText && a.Format != news.FormatHTML {
			t.Fatalf("article %s has format %q", a.Origin, a.Format)
		}
		m := originRe.FindStringSubmatch(a.Origin)
		if m == nil {
			t.Fatalf("origin %q is not in %s", a.Origin, file)
		}
		if m[1] != "" {
			n, _ := strconv.Atoi(m[1])
			// Several JSON values may share a line, so lines only never go back.
			if n < 1 || n > lines || n < lastLine {
				t.Fatalf("origin %q: line out of range or order (last %d, lines %d)", a.Origin, lastLine, lines)
			}
			lastLine = n
		}
		if m[2] != "" {
			i, _ := strconv.Atoi(m[2])
			// A bad element between two good ones is an error record, so indexes may skip.
			if i <= lastIndex {
				t.Fatalf("origin %q follows index %d", a.Origin, lastIndex)
			}
			lastIndex = i
		}
	}
}

// readFile runs Read on one path and returns its records.
func readFile(t *testing.T, path string, data []byte, opts Options) []Record {
	t.Helper()
	var recs []Record
	err := Read(t.Context(), []string{path}, bytes.NewReader(data), opts, func(r Record) error {
		recs = append(recs, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return recs
}

// zipper gzips fuzz inputs, reusing one writer: a new one costs more than
// the rest of a fuzz run.
type zipper struct{ w *gzip.Writer }

func (z *zipper) gzip(data []byte) []byte {
	var b bytes.Buffer
	if z.w == nil {
		z.w = gzip.NewWriter(&b)
	} else {
		z.w.Reset(&b)
	}
	z.w.Write(data)
	z.w.Close()
	return b.Bytes()
}

func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":1,"text":"Aid arrived."}` + "\n" + `{"html":"<p>x</p>"}` + "\n",
		"\n\n{\"text\": oops}\r\n{\"title\":\"t\"}\n[1,2]\n\"s\"\n",
		"\uFEFF{\"text\":\"a\"}",
		"{\"text\":\"" + strings.Repeat("w ", 100) + "\"}\n{\"text\":\"b\"}",
		"\x00\x01binary",
		"\xff\xfe{\x00}\x00",
		"",
		"{\"text\":\"Caf\xe9\",\"id\":{}}\n",
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	dir := f.TempDir()
	var z zipper
	f.Fuzz(func(t *testing.T, data []byte, zip bool) {
		name := "in.jsonl"
		content := data
		if zip {
			name, content = "in.jsonl.gz", z.gzip(data)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, content, 0o644); err != nil {
			t.Fatal(err)
		}
		lines := bytes.Count(data, []byte{'\n'}) + 1
		if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
			lines = len(data) // UTF-16: lines are counted after conversion
		}
		checkRecords(t, path, lines, readFile(t, path, nil, Options{MaxBytes: 256}))

		// A truncated gzip copy must still name the file and a line.
		if z := z.gzip(data); len(z) > 20 {
			if err := os.WriteFile(path+".cut.jsonl", z[:len(z)/2], 0o644); err != nil {
				t.Fatal(err)
			}
			checkRecords(t, path+".cut.jsonl", lines, readFile(t, path+".cut.jsonl", nil, Options{}))
		}
	})
}

func FuzzSniff(f *testing.F) {
	for _, s := range []string{
		"Plain words.",
		"<!DOCTYPE html><p>x</p>",
		"<?xml version=\"1.0\"?><Sentences></Sentences>",
		"<?xml version=\"1.0\"?><rss></rss>",
		"<!-- c --><p>",
		"{\"text\":\"a\"}\n{\"text\":\"b\"}\n",
		"{\n\"text\":\"a\"\n}",
		"[{\"text\":\"a\"},{\"html\":\"<b>b</b>\"}]",
		"[{\"text\":\"a\"} oops",
		"{\"text\":\"a\"}\n{\"text\":\"b\"} {\"text\":\"c\"}\n",
		"[Wire] words",
		"{Note}",
		"\x1f\x8b\x08\x00",
		"\xfe\xff\x00<\x00p\x00>",
	} {
		f.Add([]byte(s))
	}
	var z zipper
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, whole := range []bool{true, false} {
			for _, xml := range []bool{true, false} {
				if k := sniff(data, whole, xml); k < kindText || k > kindPetrarch {
					t.Fatalf("sniff(%q, %v, %v) = %d", data, whole, xml, k)
				}
			}
		}
		looksBinary(data)
		xmlRoot(data)

		lines := bytes.Count(data, []byte{'\n'}) + 1
		if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) ||
			len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
			lines = 1 << 30 // converted or compressed: lines are not those of data
		}
		for _, opts := range []Options{{}, {Format: news.FormatHTML, MaxBytes: 64}} {
			recs := readFile(t, "-", data, opts)
			checkRecords(t, "-", lines, recs)
			if len(recs) == 0 {
				t.Fatal("no record and no error")
			}
			// The input through gzip reads the same.
			zipped := readFile(t, "-", z.gzip(data), opts)
			if got, want := fmt.Sprint(zipped), fmt.Sprint(recs); got != want && !strings.Contains(want, "gzip") {
				t.Fatalf("gzip changed the records:\n got %s\nwant %s", got, want)
			}
		}
	})
}

package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/news"
)

// got is one record as the tests compare it. Paths are relative to the
// test's directory.
type got struct {
	Origin    string      `json:",omitempty"`
	ID        string      `json:",omitempty"`
	URL       string      `json:",omitempty"`
	Title     string      `json:",omitempty"`
	Source    string      `json:",omitempty"`
	Published string      `json:",omitempty"`
	Format    news.Format `json:",omitempty"`
	Body      string      `json:",omitempty"`
	Err       string      `json:",omitempty"`
}

// collect runs Read in dir (so that paths and messages are relative) and
// returns what fn saw. Every error must be an *Error.
func collect(t *testing.T, dir string, paths []string, stdin io.Reader, opts Options) []got {
	t.Helper()
	t.Chdir(dir)
	var out []got
	err := Read(t.Context(), paths, stdin, opts, func(r Record) error {
		if r.Err != nil {
			var e *Error
			if !errors.As(r.Err, &e) {
				t.Errorf("record error %v (%T) is not an *Error", r.Err, r.Err)
			}
			out = append(out, got{Err: r.Err.Error()})
			return nil
		}
		a := r.Article
		out = append(out, got{Origin: a.Origin, ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source,
			Published: a.Published, Format: a.Format, Body: string(a.Body)})
		return nil
	})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return out
}

// writeFiles writes files (name to content) under dir, making directories.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// gz compresses s, flushing after each of its lines so that a truncated
// copy breaks at a known line.
func gz(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	for _, line := range strings.SplitAfter(s, "\n") {
		w.Write([]byte(line))
		w.Flush()
	}
	w.Close()
	return b.String()
}

// gzCut compresses s and cuts the result just after the flush that ends
// its first n lines, plus a few bytes of what follows.
func gzCut(s string, n int) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	for _, line := range strings.SplitAfter(s, "\n")[:n] {
		w.Write([]byte(line))
		w.Flush()
	}
	cut := b.Len()
	full := gz(s)
	return full[:cut+3]
}

const (
	textA = "The mayor of Riverton met farm leaders on Tuesday.\n\nShe promised new wells.\n"
	textB = "Two ministers signed a trade pact in Lowport.\n"
	htmlA = "<!DOCTYPE html><html><head><title>Port talks</title></head><body><p>Harbour workers ended a strike.</p></body></html>"
	htmlB = "<p>The council voted to rebuild the bridge.</p>"
)

func TestReadKinds(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		paths []string
		opts  Options
		want  []got
	}{
		{
			name:  "plain text by extension",
			files: map[string]string{"a.txt": textA, "b.text": textB, "c.md": "# Floods\n\nRain closed roads.\n"},
			paths: []string{"a.txt", "b.text", "c.md"},
			want: []got{
				{Origin: "a.txt", Format: news.FormatText, Body: textA},
				{Origin: "b.text", Format: news.FormatText, Body: textB},
				{Origin: "c.md", Format: news.FormatText, Body: "# Floods\n\nRain closed roads.\n"},
			},
		},
		{
			name:  "no extension is sniffed",
			files: map[string]string{"story": textB, "page": htmlB, "recs": `{"text":"Rebels freed two hostages."}`},
			paths: []string{"story", "page", "recs"},
			want: []got{
				{Origin: "story", Format: news.FormatText, Body: textB},
				{Origin: "page", Format: news.FormatHTML, Body: htmlB},
				{Origin: "recs", Format: news.FormatText, Body: "Rebels freed two hostages."},
			},
		},
		{
			name:  "html by extension",
			files: map[string]string{"a.html": htmlA, "b.htm": htmlB, "c.xhtml": htmlB, "d.HTML": "plain words"},
			paths: []string{"a.html", "b.htm", "c.xhtml", "d.HTML"},
			want: []got{
				{Origin: "a.html", Format: news.FormatHTML, Body: htmlA},
				{Origin: "b.htm", Format: news.FormatHTML, Body: htmlB},
				{Origin: "c.xhtml", Format: news.FormatHTML, Body: htmlB},
				{Origin: "d.HTML", Format: news.FormatHTML, Body: "plain words"},
			},
		},
		{
			name: "json object with every field",
			files: map[string]string{"a.json": `{
  "id": 1042, "url": "https://example.org/a", "title": " Dam opens ", "source": "Valley Post",
  "published": " 2021-05-04 ", "text": "The new dam opened.", "extra": {"x": [1, 2]}
}`},
			paths: []string{"a.json"},
			want: []got{{Origin: "a.json", ID: "1042", URL: "https://example.org/a", Title: "Dam opens",
				Source: "Valley Post", Published: "2021-05-04", Format: news.FormatText, Body: "The new dam opened."}},
		},
		{
			name: "json array",
			files: map[string]string{"a.json": `[
  {"id": "x1", "text": "Police arrested a smuggler."},
  {"id": "x2", "html": "<p>Troops left the border.</p>", "text": "ignored"}
]`},
			paths: []string{"a.json"},
			want: []got{
				{Origin: "a.json:[0]", ID: "x1", Format: news.FormatText, Body: "Police arrested a smuggler."},
				{Origin: "a.json:[1]", ID: "x2", Format: news.FormatHTML, Body: "<p>Troops left the border.</p>"},
			},
		},
		{
			name:  "json objects one after another",
			files: map[string]string{"a.json": "{\n \"text\": \"One.\"\n}\n{\n \"text\": \"Two.\"\n}\n"},
			paths: []string{"a.json"},
			want: []got{
				{Origin: "a.json:1", Format: news.FormatText, Body: "One."},
				{Origin: "a.json:4", Format: news.FormatText, Body: "Two."},
			},
		},
		{
			name:  "html wins over text unless blank",
			files: map[string]string{"a.jsonl": `{"html":"<b>Hi</b>","text":"Hi"}` + "\n" + `{"html":"  ","text":"Plain."}` + "\n"},
			paths: []string{"a.jsonl"},
			want: []got{
				{Origin: "a.jsonl:1", Format: news.FormatHTML, Body: "<b>Hi</b>"},
				{Origin: "a.jsonl:2", Format: news.FormatText, Body: "Plain."},
			},
		},
		{
			name: "jsonl with blank lines, CRLF and a BOM",
			files: map[string]string{"a.jsonl": "\uFEFF" + `{"id":"a","text":"Strikers marched."}` + "\r\n\r\n   \n" +
				`{"id":7.5,"title":"T","text":"Envoys met."}` + "\r\n" + `{"id":null,"text":"Last line, no newline."}`},
			paths: []string{"a.jsonl"},
			want: []got{
				{Origin: "a.jsonl:1", ID: "a", Format: news.FormatText, Body: "Strikers marched."},
				{Origin: "a.jsonl:4", ID: "7.5", Title: "T", Format: news.FormatText, Body: "Envoys met."},
				{Origin: "a.jsonl:5", Format: news.FormatText, Body: "Last line, no newline."},
			},
		},
		{
			name:  "json array or pretty object named .jsonl",
			files: map[string]string{"a.jsonl": "[\n{\"text\":\"One.\"}\n]\n", "b.jsonl": "{\n  \"text\": \"Two.\"\n}\n"},
			paths: []string{"a.jsonl", "b.jsonl"},
			want: []got{
				{Origin: "a.jsonl:[0]", Format: news.FormatText, Body: "One."},
				{Origin: "b.jsonl", Format: news.FormatText, Body: "Two."},
			},
		},
		{
			name:  "ndjson",
			files: map[string]string{"a.ndjson": `{"text":"One."}` + "\n" + `{"text":"Two."}` + "\n"},
			paths: []string{"a.ndjson"},
			want: []got{
				{Origin: "a.ndjson:1", Format: news.FormatText, Body: "One."},
				{Origin: "a.ndjson:2", Format: news.FormatText, Body: "Two."},
			},
		},
		{
			name: "gzip of each kind",
			files: map[string]string{
				"a.txt.gz":   gz(textA),
				"b.html.gz":  gz(htmlA),
				"c.json.gz":  gz(`[{"text":"Zipped array."}]`),
				"d.jsonl.gz": gz(`{"text":"Zipped one."}` + "\n" + `{"text":"Zipped two."}` + "\n"),
				"e.GZ":       gz(htmlB),
				"f.txt":      gz(textB), // gzip by magic, whatever the name
				"g.txt.gz":   textB,     // and plain despite the name
			},
			paths: []string{"a.txt.gz", "b.html.gz", "c.json.gz", "d.jsonl.gz", "e.GZ", "f.txt", "g.txt.gz"},
			want: []got{
				{Origin: "a.txt.gz", Format: news.FormatText, Body: textA},
				{Origin: "b.html.gz", Format: news.FormatHTML, Body: htmlA},
				{Origin: "c.json.gz:[0]", Format: news.FormatText, Body: "Zipped array."},
				{Origin: "d.jsonl.gz:1", Format: news.FormatText, Body: "Zipped one."},
				{Origin: "d.jsonl.gz:2", Format: news.FormatText, Body: "Zipped two."},
				{Origin: "e.GZ", Format: news.FormatHTML, Body: htmlB},
				{Origin: "f.txt", Format: news.FormatText, Body: textB},
				{Origin: "g.txt.gz", Format: news.FormatText, Body: textB},
			},
		},
		{
			name:  "format forced for text and html, not json",
			files: map[string]string{"a.txt": textB, "b.jsonl": `{"text":"Kept as text."}` + "\n"},
			paths: []string{"a.txt", "b.jsonl"},
			opts:  Options{Format: news.FormatHTML},
			want: []got{
				{Origin: "a.txt", Format: news.FormatHTML, Body: textB},
				{Origin: "b.jsonl:1", Format: news.FormatText, Body: "Kept as text."},
			},
		},
		{
			name:  "format text forced on html",
			files: map[string]string{"a.html": htmlB},
			paths: []string{"a.html"},
			opts:  Options{Format: news.FormatText},
			want:  []got{{Origin: "a.html", Format: news.FormatText, Body: htmlB}},
		},
		{
			name:  "invalid UTF-8 is passed on",
			files: map[string]string{"a.txt": "Caf\xe9 owners protested.\n", "b.jsonl": "{\"text\":\"Caf\xe9 closed.\"}\n"},
			paths: []string{"a.txt", "b.jsonl"},
			want: []got{
				{Origin: "a.txt", Format: news.FormatText, Body: "Caf\xe9 owners protested.\n"},
				{Origin: "b.jsonl:1", Format: news.FormatText, Body: "Caf\uFFFD closed."},
			},
		},
		{
			name: "UTF-16 with a byte order mark",
			files: map[string]string{
				"le.txt":   "\xff\xfeH\x00i\x00 \x00\xac\x20\n\x00",
				"be.jsonl": "\xfe\xff\x00{\x00\"\x00t\x00e\x00x\x00t\x00\"\x00:\x00\"\xd8\x3d\xde\x00\x00\"\x00}\x00\n",
			},
			paths: []string{"le.txt", "be.jsonl"},
			want: []got{
				{Origin: "le.txt", Format: news.FormatText, Body: "Hi €\n"},
				{Origin: "be.jsonl:1", Format: news.FormatText, Body: "😀"},
			},
		},
		{
			name:  "unknown extension is sniffed",
			files: map[string]string{"a.dat": htmlA, "b.log": textB, "c.xml": "<?xml version=\"1.0\"?>\n<html><body>x</body></html>"},
			paths: []string{"a.dat", "b.log", "c.xml"},
			want: []got{
				{Origin: "a.dat", Format: news.FormatHTML, Body: htmlA},
				{Origin: "b.log", Format: news.FormatText, Body: textB},
				{Origin: "c.xml", Format: news.FormatHTML, Body: "<?xml version=\"1.0\"?>\n<html><body>x</body></html>"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			if diff := cmp.Diff(tt.want, collect(t, dir, tt.paths, nil, tt.opts)); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"in/b.txt":            textB,
		"in/a/z.txt":          "Z.",
		"in/a/y.jsonl":        `{"text":"Y1."}` + "\n" + `{"text":"Y2."}` + "\n",
		"in/a.txt":            "A.",
		"in/c/d/e.html":       htmlB,
		"in/.hidden.txt":      "hidden",
		"in/.git/config":      "[core]",
		"in/c/.cache/x.txt":   "cached",
		"in/photo.jpg":        "\xff\xd8\xff\xe0\x00\x10JFIF",
		"in/scan.pdf.gz":      gz("%PDF-1.4"),
		"in/archive.tar.gz":   gz("x"),
		"in/zz/empty-dir/.ok": "",
		"other/f.txt":         "F.",
	})
	// A link loop, a link to a directory outside, and a link to a file.
	for _, l := range []struct{ target, name string }{
		{"..", "in/c/d/loop"},
		{"../other", "in/m-other"},
		{"b.txt", "in/n-link.txt"},
		{"nowhere.txt", "in/o-broken.txt"},
	} {
		if err := os.Symlink(l.target, filepath.Join(dir, filepath.FromSlash(l.name))); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	want := []got{
		{Origin: "in/a/y.jsonl:1", Format: news.FormatText, Body: "Y1."},
		{Origin: "in/a/y.jsonl:2", Format: news.FormatText, Body: "Y2."},
		{Origin: "in/a/z.txt", Format: news.FormatText, Body: "Z."},
		{Origin: "in/a.txt", Format: news.FormatText, Body: "A."},
		{Origin: "in/b.txt", Format: news.FormatText, Body: textB},
		{Origin: "in/c/d/e.html", Format: news.FormatHTML, Body: htmlB},
		{Origin: "in/m-other/f.txt", Format: news.FormatText, Body: "F."},
		{Origin: "in/n-link.txt", Format: news.FormatText, Body: textB},
		{Err: "in/o-broken.txt: broken symbolic link: no such file or directory"},
	}
	if diff := cmp.Diff(want, collect(t, dir, []string{"in"}, nil, Options{})); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

func TestReadStdin(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		opts  Options
		want  []got
	}{
		{name: "text", stdin: textA, want: []got{{Origin: "-", Format: news.FormatText, Body: textA}}},
		{name: "html", stdin: "\n  " + htmlA, want: []got{{Origin: "-", Format: news.FormatHTML, Body: "\n  " + htmlA}}},
		{name: "html fragment", stdin: htmlB, want: []got{{Origin: "-", Format: news.FormatHTML, Body: htmlB}}},
		{name: "text forced", stdin: htmlB, opts: Options{Format: news.FormatText},
			want: []got{{Origin: "-", Format: news.FormatText, Body: htmlB}}},
		{name: "json object", stdin: `{"id":"s1","text":"From a pipe."}` + "\n",
			want: []got{{Origin: "-", ID: "s1", Format: news.FormatText, Body: "From a pipe."}}},
		{name: "json object over lines", stdin: "{\n  \"text\": \"Pretty.\"\n}\n",
			want: []got{{Origin: "-", Format: news.FormatText, Body: "Pretty."}}},
		{name: "json array", stdin: `[{"text":"First."},{"text":"Second."}]`,
			want: []got{
				{Origin: "-:[0]", Format: news.FormatText, Body: "First."},
				{Origin: "-:[1]", Format: news.FormatText, Body: "Second."},
			}},
		{name: "jsonl", stdin: `{"text":"First."}` + "\n" + `{"text":"Second."}` + "\n",
			want: []got{
				{Origin: "-:1", Format: news.FormatText, Body: "First."},
				{Origin: "-:2", Format: news.FormatText, Body: "Second."},
			}},
		{name: "gzip jsonl", stdin: gz(`{"text":"First."}` + "\n" + `{"text":"Second."}` + "\n"),
			want: []got{
				{Origin: "-:1", Format: news.FormatText, Body: "First."},
				{Origin: "-:2", Format: news.FormatText, Body: "Second."},
			}},
		{name: "text in braces", stdin: "{Update} Ferries resumed.", want: []got{{Origin: "-", Format: news.FormatText, Body: "{Update} Ferries resumed."}}},
		{name: "text in brackets", stdin: "[Wire] Ferries resumed.", want: []got{{Origin: "-", Format: news.FormatText, Body: "[Wire] Ferries resumed."}}},
		{name: "empty", stdin: "", want: []got{{Err: "-: empty file"}}},
		{name: "petrarch", stdin: "<Sentences>\n<Sentence date=\"20150101\" id=\"x\"><Text>From a pipe.</Text></Sentence>\n</Sentences>\n",
			want: []got{{Origin: "-:2", ID: "x", Published: "2015-01-01", Format: news.FormatText, Body: "From a pipe."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, collect(t, t.TempDir(), []string{"-"}, strings.NewReader(tt.stdin), tt.opts)); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("no stdin", func(t *testing.T) {
		if diff := cmp.Diff([]got{{Err: "-: no standard input"}}, collect(t, t.TempDir(), []string{"-"}, nil, Options{})); diff != "" {
			t.Errorf("records (-want +got):\n%s", diff)
		}
	})
}

func TestReadBadInput(t *testing.T) {
	good := got{Origin: "ok.txt", Format: news.FormatText, Body: textB}
	threeLines := `{"text":"One."}` + "\n" + `{"text":"Two."}` + "\n" + `{"text":"Three."}` + "\n"
	tests := []struct {
		name  string
		files map[string]string
		paths []string // ok.txt is read after these
		opts  Options
		want  []got // good is expected after these
	}{
		{
			name:  "missing path",
			paths: []string{"nope.txt"},
			want:  []got{{Err: "nope.txt: no such file or directory"}},
		},
		{
			name:  "empty file",
			files: map[string]string{"a.txt": "", "b.jsonl": "\n\n", "c.json": "  \n", "d.html": "\uFEFF \n"},
			paths: []string{"a.txt", "b.jsonl", "c.json", "d.html"},
			want: []got{
				{Err: "a.txt: empty file"}, {Err: "b.jsonl: empty file"},
				{Err: "c.json: empty file"}, {Err: "d.html: empty file"},
			},
		},
		{
			name:  "empty gzip",
			files: map[string]string{"a.txt.gz": gz("")},
			paths: []string{"a.txt.gz"},
			want:  []got{{Err: "a.txt.gz: empty file"}},
		},
		{
			name: "binary junk",
			files: map[string]string{
				"a.txt":   "Words then\x00a NUL.",
				"b":       "\x89PNG\r\n\x1a\n\x01\x02\x03",
				"c.jsonl": "\x01\x02\x03\x04 mostly control bytes",
				"d.gz":    gz("ELF\x00\x00\x01"),
			},
			paths: []string{"a.txt", "b", "c.jsonl", "d.gz"},
			want: []got{
				{Err: "a.txt: binary data, not an article"}, {Err: "b: binary data, not an article"},
				{Err: "c.jsonl: binary data, not an article"}, {Err: "d.gz: binary data, not an article"},
			},
		},
		{
			name:  "truncated gzip jsonl",
			files: map[string]string{"a.jsonl.gz": gzCut(threeLines, 2)},
			paths: []string{"a.jsonl.gz"},
			want: []got{
				{Origin: "a.jsonl.gz:1", Format: news.FormatText, Body: "One."},
				{Origin: "a.jsonl.gz:2", Format: news.FormatText, Body: "Two."},
				{Err: "a.jsonl.gz:3: truncated gzip data: unexpected EOF"},
			},
		},
		{
			name:  "truncated gzip text",
			files: map[string]string{"a.txt.gz": gzCut(textA, 1), "b.txt.gz": "\x1f\x8b"},
			paths: []string{"a.txt.gz", "b.txt.gz"},
			want: []got{
				{Err: "a.txt.gz: truncated gzip data: unexpected EOF"},
				{Err: "b.txt.gz: truncated gzip data: unexpected EOF"},
			},
		},
		{
			name: "corrupt gzip",
			files: map[string]string{
				"a.txt.gz": "\x1f\x8b\x09" + gz(textA)[3:], // bad method
				"b.txt.gz": gz(textA)[:len(gz(textA))-8] + "\x00\x00\x00\x00" + gz(textA)[len(gz(textA))-4:],
			},
			paths: []string{"a.txt.gz", "b.txt.gz"},
			want: []got{
				{Err: "a.txt.gz: corrupt gzip data: gzip: invalid header"},
				{Err: "b.txt.gz: corrupt gzip data: gzip: invalid checksum"},
			},
		},
		{
			name: "jsonl line not JSON, next lines read",
			files: map[string]string{"a.jsonl": `{"text":"One."}` + "\n" + `{"text": oops}` + "\n" + "plain words\n" +
				`{"text":"Cut` + "\n" + `{"text":"Four."}` + "\n"},
			paths: []string{"a.jsonl"},
			want: []got{
				{Origin: "a.jsonl:1", Format: news.FormatText, Body: "One."},
				{Err: "a.jsonl:2: line is not JSON: invalid character 'o' looking for beginning of value (at byte 10)"},
				{Err: "a.jsonl:3: line is not JSON: invalid character 'p' looking for beginning of value (at byte 1)"},
				{Err: "a.jsonl:4: line is not JSON: unexpected end of JSON input (at byte 12)"},
				{Origin: "a.jsonl:5", Format: news.FormatText, Body: "Four."},
			},
		},
		{
			name: "jsonl records of the wrong shape",
			files: map[string]string{"a.jsonl": `{"title":"No body"}` + "\n" + `[{"text":"x"}]` + "\n" +
				`{"title":5,"text":"x"}` + "\n" + `{"id":{"n":1},"text":"x"}` + "\n" + `{"text":""}` + "\n" +
				`{"body":"x"}` + "\n" + `{"text":true}` + "\n" + `"just a string"` + "\n" + `{"text":"Fine."}` + "\n"},
			paths: []string{"a.jsonl"},
			want: []got{
				{Err: "a.jsonl:1: record has no text or html field"},
				{Err: "a.jsonl:2: record is a JSON array, not an object"},
				{Err: "a.jsonl:3: field title: want a string, got number"},
				{Err: "a.jsonl:4: field id: want a string or number, got object"},
				{Err: "a.jsonl:5: record has an empty text field"},
				{Err: `a.jsonl:6: record has no text or html field (it has "body": rename it "text" or "html")`},
				{Err: "a.jsonl:7: field text: want a string, got boolean"},
				{Err: "a.jsonl:8: record is a JSON string, not an object"},
				{Origin: "a.jsonl:9", Format: news.FormatText, Body: "Fine."},
			},
		},
		{
			name:  "json array with a bad record and a syntax error",
			files: map[string]string{"a.json": "[\n  {\"text\": \"One.\"},\n  {\"title\": \"none\"},\n  {\"text\": \"Three.\"},\n  {\"text\": \"Four.\" oops}\n]\n"},
			paths: []string{"a.json"},
			want: []got{
				{Origin: "a.json:[0]", Format: news.FormatText, Body: "One."},
				{Err: "a.json:3: record [1]: record has no text or html field"},
				{Origin: "a.json:[2]", Format: news.FormatText, Body: "Three."},
				{Err: "a.json:5: not valid JSON: invalid character 'o' after object key:value pair"},
			},
		},
		{
			name:  "json truncated and empty array",
			files: map[string]string{"a.json": "{\n\"text\": \"One", "b.json": "[ ]", "c.json": "42"},
			paths: []string{"a.json", "b.json", "c.json"},
			want: []got{
				{Err: "a.json:2: not valid JSON: unexpected end of JSON input"},
				{Err: "b.json:1: empty JSON array"},
				{Err: "c.json:1: record is a JSON number, not an object"},
			},
		},
		{
			name: "over the size limit",
			files: map[string]string{
				"a.txt":   strings.Repeat("x", 51),
				"b.txt":   "ok",
				"c.gz":    gz(strings.Repeat("y", 60)),
				"d.jsonl": `{"text":"short"}` + "\n" + `{"text":"far too long: ` + strings.Repeat("z", 30) + `"}` + "\r\n" + `{"text":"tiny"}`,
				"e.json":  `[{"text":"a"},{"text":"b"},{"text":"c"},{"text":"d"}]`,
			},
			paths: []string{"a.txt", "b.txt", "c.gz", "d.jsonl", "e.json"},
			opts:  Options{MaxBytes: 50},
			want: []got{
				{Err: "a.txt: file is 51 bytes, over the limit of 50 bytes"},
				{Origin: "b.txt", Format: news.FormatText, Body: "ok"},
				{Err: "c.gz: file is 60 bytes, over the limit of 50 bytes"},
				{Origin: "d.jsonl:1", Format: news.FormatText, Body: "short"},
				{Err: "d.jsonl:2: line is 55 bytes, over the limit of 50 bytes"},
				{Origin: "d.jsonl:3", Format: news.FormatText, Body: "tiny"},
				{Err: "e.json: file is 53 bytes, over the limit of 50 bytes"},
			},
		},
		{
			name: "unsupported and empty inputs",
			files: map[string]string{
				"a.xml":    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Sentences>\n</Sentences>\n",
				"b.xml.gz": gz("<Sentences><Sentence/></Sentences>"),
				"c.xml":    "<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>",
				"d.pdf":    "%PDF-1.4",
				"e.warc":   "WARC/1.0\r\n",
			},
			paths: []string{"a.xml", "b.xml.gz", "c.xml", "d.pdf", "e.warc"},
			want: []got{
				{Err: "a.xml: PETRARCH XML holds no <Sentence>"},
				{Err: `b.xml.gz:1: sentence "" has no text`},
				{Err: "c.xml: XML input is not supported (root element <rss>)"},
				{Err: "d.pdf: .pdf files are not articles"},
				{Err: "e.warc:record 1 (offset 0): truncated WARC record: the input ends inside its header"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tt.files)
			writeFiles(t, dir, map[string]string{"ok.txt": textB})
			want := append(tt.want, good)
			if diff := cmp.Diff(want, collect(t, dir, append(tt.paths, "ok.txt"), nil, tt.opts)); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	dir := t.TempDir()
	long := strings.Repeat("Officials inspected the flooded valley. ", 150_000)      // 6 MB
	article := strings.Repeat("Aid convoys crossed the river at dawn.\n", 1_350_000) // 52 MB
	writeFiles(t, dir, map[string]string{
		"a.jsonl": `{"text":"` + long + `"}` + "\n" + `{"text":"After."}` + "\n",
		"b.txt":   article,
	})
	var origins []string
	var sizes []int
	err := Read(t.Context(), []string{filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.txt")}, nil, Options{},
		func(r Record) error {
			if r.Err != nil {
				return r.Err
			}
			origins = append(origins, filepath.Base(r.Article.Origin))
			sizes = append(sizes, len(r.Article.Body))
			return nil
		})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if diff := cmp.Diff([]string{"a.jsonl:1", "a.jsonl:2", "b.txt"}, origins); diff != "" {
		t.Errorf("origins (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{len(long), len("After."), len(article)}, sizes); diff != "" {
		t.Errorf("body sizes (-want +got):\n%s", diff)
	}
}

func TestReadStops(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.jsonl": `{"text":"One."}` + "\n" + `{"text":"Two."}` + "\n", "b.txt": "B."})
	paths := []string{filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.txt")}

	t.Run("fn error is returned unchanged", func(t *testing.T) {
		stop := errors.New("stop here")
		n := 0
		err := Read(t.Context(), paths, nil, Options{}, func(Record) error { n++; return stop })
		if err != stop || n != 1 {
			t.Errorf("Read = %v after %d records, want %v after 1", err, n, stop)
		}
	})
	t.Run("ctx done between records", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		n := 0
		err := Read(ctx, paths, nil, Options{}, func(Record) error { n++; cancel(); return nil })
		if !errors.Is(err, context.Canceled) || n != 1 {
			t.Errorf("Read = %v after %d records, want context.Canceled after 1", err, n)
		}
	})
	t.Run("ctx done before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(t.Context())
		cancel()
		err := Read(ctx, paths, nil, Options{}, func(Record) error { t.Error("fn called"); return nil })
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Read = %v, want context.Canceled", err)
		}
	})
}

func TestSniff(t *testing.T) {
	tests := []struct {
		head  string
		whole bool
		xml   bool
		want  kind
	}{
		{"Just words.", true, false, kindText},
		{"", true, false, kindText},
		{"  \n{\"text\":\"a\"}", true, false, kindJSON},
		{"{\"text\":\"a\"}\n{\"text\":\"b\"}\n", true, false, kindJSONL},
		{"{\"text\":\"a\"}\n", true, false, kindJSON},
		{"{\"text\":\"a\"}\n", false, false, kindJSONL},
		{"{\"text\":\"a ... long", false, false, kindJSONL},
		{"{\n\"text\":\"a\"\n}\n", true, false, kindJSON},
		{"{}", true, false, kindJSON},
		{"{Note} words", true, false, kindText},
		{"{", true, false, kindText},
		{"[{\"text\":\"a\"}]", true, false, kindJSON},
		{"[]", true, false, kindJSON},
		{"[Wire] words", true, false, kindText},
		{"<!DOCTYPE html><p>x", true, false, kindHTML},
		{"<HTML>", true, false, kindHTML},
		{"<head><title>x", true, false, kindHTML},
		{"<body>", true, false, kindHTML},
		{"<!-- saved page --><html>", true, false, kindHTML},
		{"<p>Words.</p>", true, false, kindHTML},
		{"<p>Words.</p>", true, true, kindXML},
		{"<<< breaking", true, false, kindText},
		{"<3 words", true, false, kindText},
		{"<Sentences>", true, false, kindPetrarch},
		{"<?xml version=\"1.0\"?>\n<!-- c -->\n<Sentences>", true, false, kindPetrarch},
		{"<?xml version=\"1.0\"?><rss>", true, false, kindXML},
		{"<?xml version=\"1.0\"?><!DOCTYPE html><html>", true, false, kindHTML},
		{"<SentencesX>", true, false, kindHTML},
		{"\uFEFF<html>", true, false, kindHTML},
	}
	for _, tt := range tests {
		if got := sniff([]byte(tt.head), tt.whole, tt.xml); got != tt.want {
			t.Errorf("sniff(%q, whole=%v, xml=%v) = %d, want %d", tt.head, tt.whole, tt.xml, got, tt.want)
		}
	}
}

func TestLooksBinary(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Plain text.\r\n\tIndented.\f", false},
		{"Caf\xe9 \xd0\xbc\xd0\xb8\xd1\x80 \xff\xfe", false},
		{"a\x00b", true},
		{"\x01\x02\x03 text text text", true},
		{strings.Repeat("text ", 20) + "\x1a", false},
		{"\x1b[1mbold\x1b[0m", false},
	}
	for _, tt := range tests {
		if got := looksBinary([]byte(tt.in)); got != tt.want {
			t.Errorf("looksBinary(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestUTF16Reader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		big  bool
		want string
	}{
		{"little endian", "\xff\xfeA\x00\xe9\x00", false, "Aé"},
		{"big endian pair", "\xfe\xff\xd8\x3d\xde\x00", true, "😀"},
		{"odd last byte", "\xff\xfeA\x00B", false, "A\uFFFD"},
		{"lone high surrogate at end", "\xff\xfeA\x00\x3d\xd8", false, "A\uFFFD"},
		{"lone low surrogate", "\xff\xfe\x00\xdcA\x00", false, "\uFFFDA"},
		{"high surrogate then letter", "\xff\xfe\x3d\xd8A\x00", false, "\uFFFDA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One byte at a time, so that units and pairs are split across reads.
			b, err := io.ReadAll(&utf16Reader{r: &oneByteReader{s: tt.in}, big: tt.big})
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("got %q, want %q", b, tt.want)
			}
		})
	}
}

type oneByteReader struct{ s string }

func (o *oneByteReader) Read(p []byte) (int, error) {
	if len(o.s) == 0 {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = o.s[0]
	o.s = o.s[1:]
	return 1, nil
}

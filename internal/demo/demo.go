// Package demo holds dyad's demo corpus: news articles written for this
// project that retell the 2020 Nagorno-Karabakh war (27 September to
// 10 November 2020, and its first days of aftermath) as a stream of wire
// stories, with a few side threads from the same weeks (Kyrgyzstan, Belarus,
// Ethiopia). `dyad serve --demo` loads it so that a fresh database shows
// events on the map, dyad timelines and events merged across outlets.
//
// # Layout
//
// The corpus is embedded from the articles directory. articles/index.tsv is
// its manifest: UTF-8, tab-separated, one article a line. Blank lines and
// lines starting with '#' are ignored; the first other line is the header,
// which must name exactly these columns in this order:
//
//	file       the article's file name in articles/ (no directories)
//	id         the article id, unique in the corpus
//	source     the outlet
//	published  the publication date-time, ISO 8601 (2020-10-04T16:05:00+04:00)
//	url        the article's address
//	title      the headline
//
// The file's extension gives its format:
//
//	.txt   plain text, as scraped: datelines, bylines, captions, credits kept
//	.html  a whole web page with its navigation, related links and footer
//	.json  one feed record: {"id", "url", "title", "source", "published",
//	       and "text" or "html"}; the metadata fields it carries must agree
//	       with its manifest line
//
// Every file of the directory other than the manifest must be listed in it,
// and every listed file must exist. Any problem is an error naming the file
// and, where there is one, the line ("articles/index.tsv:7: ...").
package demo

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"dyad/news"
)

//go:embed articles
var files embed.FS

// Dir is the directory of the embedded corpus, as it appears in error
// messages and in each Article's Origin ("demo/articles/01_….txt").
const Dir = "articles"

// Manifest is the name of the manifest file inside Dir.
const Manifest = "index.tsv"

// header is the manifest's header line: its columns, in order.
const header = "file\tid\tsource\tpublished\turl\ttitle"

// Articles returns the demo corpus in manifest order, ready for
// pipeline.Process: each article with its id, outlet, headline, publication
// date-time, address, format and raw body.
func Articles() ([]news.Article, error) {
	return load(files, Dir)
}

// load reads the corpus in dir of fsys; see the package doc for the layout.
func load(fsys fs.FS, dir string) ([]news.Article, error) {
	manifest := path.Join(dir, Manifest)
	data, err := fs.ReadFile(fsys, manifest)
	if err != nil {
		return nil, fmt.Errorf("demo corpus: %w", err)
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("demo corpus: %w", err)
	}
	onDisk := map[string]bool{}
	for _, e := range entries {
		if !e.IsDir() && e.Name() != Manifest {
			onDisk[e.Name()] = true
		}
	}

	var arts []news.Article
	listed := map[string]int{} // file name → manifest line
	ids := map[string]int{}    // article id → manifest line
	columns := strings.Split(header, "\t")
	seenHeader := false
	for i, line := range strings.Split(string(data), "\n") {
		n := i + 1
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if !seenHeader {
			if line != header {
				return nil, fmt.Errorf("%s:%d: header is %q, want the columns %s", manifest, n, line, strings.Join(columns, ", "))
			}
			seenHeader = true
			continue
		}
		if len(fields) != len(columns) {
			return nil, fmt.Errorf("%s:%d: %d fields, want %d (%s)", manifest, n, len(fields), len(columns), strings.Join(columns, ", "))
		}
		row := map[string]string{}
		for j, c := range columns {
			row[c] = strings.TrimSpace(fields[j])
		}
		for _, c := range columns {
			if row[c] == "" {
				return nil, fmt.Errorf("%s:%d: empty %s", manifest, n, c)
			}
		}
		name := row["file"]
		if name != path.Base(name) || strings.ContainsAny(name, `/\`) {
			return nil, fmt.Errorf("%s:%d: file %q is not a plain file name", manifest, n, name)
		}
		if prev, ok := listed[name]; ok {
			return nil, fmt.Errorf("%s:%d: file %s already listed on line %d", manifest, n, name, prev)
		}
		listed[name] = n
		if prev, ok := ids[row["id"]]; ok {
			return nil, fmt.Errorf("%s:%d: id %q already used on line %d", manifest, n, row["id"], prev)
		}
		ids[row["id"]] = n
		if _, err := news.ParseDate(row["published"]); err != nil {
			return nil, fmt.Errorf("%s:%d: published: %w", manifest, n, err)
		}
		if !onDisk[name] {
			return nil, fmt.Errorf("%s:%d: file %s does not exist in %s", manifest, n, name, dir)
		}
		a, err := read(fsys, path.Join(dir, name), fmt.Sprintf("%s:%d", manifest, n), row)
		if err != nil {
			return nil, err
		}
		arts = append(arts, a)
	}
	if !seenHeader {
		return nil, fmt.Errorf("%s: no header line", manifest)
	}
	var unlisted []string
	for name := range onDisk {
		if _, ok := listed[name]; !ok {
			unlisted = append(unlisted, name)
		}
	}
	if len(unlisted) > 0 {
		sort.Strings(unlisted)
		return nil, fmt.Errorf("%s: not listed in %s", path.Join(dir, unlisted[0]), manifest)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("%s: no articles", manifest)
	}
	return arts, nil
}

// read builds the Article of one file from its manifest row; where names the
// manifest line for messages.
func read(fsys fs.FS, file, where string, row map[string]string) (news.Article, error) {
	body, err := fs.ReadFile(fsys, file)
	if err != nil {
		return news.Article{}, fmt.Errorf("%s: %w", where, err)
	}
	a := news.Article{
		ID:        row["id"],
		URL:       row["url"],
		Source:    row["source"],
		Title:     row["title"],
		Published: row["published"],
		Origin:    "demo/" + file,
	}
	switch ext := path.Ext(file); ext {
	case ".txt":
		a.Format, a.Body = news.FormatText, body
	case ".html":
		a.Format, a.Body = news.FormatHTML, body
	case ".json":
		a.Format, a.Body, err = record(file, body, row)
		if err != nil {
			return news.Article{}, err
		}
	default:
		return news.Article{}, fmt.Errorf("%s: unknown format %q (want .txt, .html or .json)", where, ext)
	}
	if len(bytes.TrimSpace(a.Body)) == 0 {
		return news.Article{}, fmt.Errorf("%s: empty article", file)
	}
	return a, nil
}

// jsonRecord is a .json article: a feed record with its body as text or HTML.
type jsonRecord struct {
	ID        *string `json:"id"`
	URL       *string `json:"url"`
	Title     *string `json:"title"`
	Source    *string `json:"source"`
	Published *string `json:"published"`
	Text      *string `json:"text"`
	HTML      *string `json:"html"`
}

// record decodes a .json article, checks its metadata against the manifest
// row and returns its format and body.
func record(file string, data []byte, row map[string]string) (news.Format, []byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var r jsonRecord
	if err := dec.Decode(&r); err != nil {
		return "", nil, fmt.Errorf("%s:%d: %w", file, errorLine(data, dec, err), err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return "", nil, fmt.Errorf("%s:%d: more than one JSON value", file, lineAt(data, int(dec.InputOffset())))
	}
	for _, f := range []struct {
		name string
		v    *string
	}{{"id", r.ID}, {"url", r.URL}, {"title", r.Title}, {"source", r.Source}, {"published", r.Published}} {
		if f.v != nil && *f.v != row[f.name] {
			return "", nil, fmt.Errorf("%s:%d: %s %q differs from the manifest's %q", file, fieldLine(data, f.name), f.name, *f.v, row[f.name])
		}
	}
	switch {
	case r.Text != nil && r.HTML != nil:
		return "", nil, fmt.Errorf("%s:%d: both text and html given", file, fieldLine(data, "html"))
	case r.Text != nil:
		return news.FormatText, []byte(*r.Text), nil
	case r.HTML != nil:
		return news.FormatHTML, []byte(*r.HTML), nil
	}
	return "", nil, fmt.Errorf("%s:1: neither text nor html given", file)
}

// errorLine is the line of data a decoding error points at.
func errorLine(data []byte, dec *json.Decoder, err error) int {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return lineAt(data, int(syn.Offset))
	case errors.As(err, &typ):
		return lineAt(data, int(typ.Offset))
	}
	return lineAt(data, int(dec.InputOffset()))
}

// fieldLine is the line of data where the key name first appears, or 1.
func fieldLine(data []byte, name string) int {
	i := bytes.Index(data, []byte(`"`+name+`"`))
	if i < 0 {
		return 1
	}
	return lineAt(data, i)
}

// lineAt is the 1-based line of the byte at offset in data.
func lineAt(data []byte, offset int) int {
	offset = min(max(offset, 0), len(data))
	return 1 + bytes.Count(data[:offset], []byte("\n"))
}

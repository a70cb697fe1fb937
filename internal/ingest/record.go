package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"dyad/news"
)

// jsonLines reads JSON Lines from src: one record per line, blank lines
// skipped. A bad line is reported and the next lines still read; a read
// error (a broken gzip stream) ends the file at the line it broke in.
func (r *reader) jsonLines(origin string, src *bufio.Reader, gz bool) error {
	records := false
	for line := 1; ; line++ {
		if err := r.alive(); err != nil {
			return err
		}
		data, n, rerr := readLine(src, r.max)
		if rerr != nil && rerr != io.EOF {
			return r.readFailed(origin, line, rerr, gz)
		}
		if line == 1 {
			data = bytes.TrimPrefix(data, []byte(bom))
		}
		var err error
		switch {
		case n > r.max:
			records = true
			err = r.fail(origin, line, &sizeError{what: "line", size: n, max: r.max})
		case !isBlank(data):
			records = true
			a, perr := parseRecord(data, r.max)
			if perr != nil {
				var se *json.SyntaxError
				if errors.As(perr, &se) || errors.Is(perr, io.ErrUnexpectedEOF) {
					perr = fmt.Errorf("line is not JSON: %w", perr)
				}
				err = r.fail(origin, line, perr)
			} else {
				a.Origin = fmt.Sprintf("%s:%d", origin, line)
				err = r.emit(a)
			}
		}
		if err != nil {
			return err
		}
		if rerr == io.EOF {
			break
		}
	}
	if !records {
		return r.fail(origin, 0, errEmpty)
	}
	return nil
}

// json reads a JSON file from src: one record object, an array of record
// objects, or several of these one after the other. The whole file must fit
// in the size limit.
func (r *reader) json(origin string, src io.Reader, size int64, gz bool) error {
	data, err := readAll(src, size, r.max)
	if err != nil {
		return r.readAllFailed(origin, err, gz)
	}
	if isBlank(data) {
		return r.fail(origin, 0, errEmpty)
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	lines := lineCounter{data: data}
	// syntax reports a JSON syntax error, which ends the file.
	syntax := func(err error, at int64) error {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			at = se.Offset
		} else if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			at, err = int64(len(data)), errors.New("unexpected end of JSON input")
		}
		return r.fail(origin, lines.at(at), fmt.Errorf("not valid JSON: %w", err))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	index := 0 // of the next array element
	for values := 0; ; values++ {
		if err := r.alive(); err != nil {
			return err
		}
		start := skipJSONSpace(data, dec.InputOffset(), false)
		if start >= int64(len(data)) {
			return nil
		}
		line := lines.at(start)
		if data[start] != '[' {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return syntax(err, start)
			}
			a, err := parseRecord(raw, r.max)
			if err != nil {
				if err := r.fail(origin, line, err); err != nil {
					return err
				}
				continue
			}
			a.Origin = origin
			if values > 0 || skipJSONSpace(data, dec.InputOffset(), false) < int64(len(data)) {
				a.Origin = fmt.Sprintf("%s:%d", origin, line)
			}
			if err := r.emit(a); err != nil {
				return err
			}
			continue
		}
		if _, err := dec.Token(); err != nil { // "["
			return syntax(err, start)
		}
		elems := 0
		for dec.More() {
			if err := r.alive(); err != nil {
				return err
			}
			at := skipJSONSpace(data, dec.InputOffset(), true)
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return syntax(err, at)
			}
			a, err := parseRecord(raw, r.max)
			if err != nil {
				err = r.fail(origin, lines.at(at), fmt.Errorf("record [%d]: %w", index, err))
			} else {
				a.Origin = fmt.Sprintf("%s:[%d]", origin, index)
				err = r.emit(a)
			}
			if err != nil {
				return err
			}
			index++
			elems++
		}
		end := skipJSONSpace(data, dec.InputOffset(), false)
		if _, err := dec.Token(); err != nil { // "]"
			return syntax(err, end)
		}
		if elems == 0 {
			if err := r.fail(origin, line, errors.New("empty JSON array")); err != nil {
				return err
			}
		}
	}
}

// skipJSONSpace returns the offset of the first byte at or after off that
// is not JSON white space (nor, when comma is set, a comma).
func skipJSONSpace(data []byte, off int64, comma bool) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\n', '\r':
			off++
		case ',':
			if !comma {
				return off
			}
			off++
		default:
			return off
		}
	}
	return off
}

// lineCounter turns byte offsets into 1-based line numbers, counting
// forward from the last offset asked about.
type lineCounter struct {
	data []byte
	off  int64
	line int
}

func (c *lineCounter) at(off int64) int {
	off = min(max(off, 0), int64(len(c.data)))
	if off < c.off || c.line == 0 {
		c.off, c.line = 0, 1
	}
	c.line += bytes.Count(c.data[c.off:off], []byte{'\n'})
	c.off = off
	return c.line
}

// jsonRecord is the shape of a JSON record. Other fields are ignored.
type jsonRecord struct {
	ID        json.RawMessage `json:"id"`
	URL       *string         `json:"url"`
	Title     *string         `json:"title"`
	Source    *string         `json:"source"`
	Published *string         `json:"published"`
	Text      *string         `json:"text"`
	HTML      *string         `json:"html"`

	// Read only to say what went wrong when text and html are missing.
	Body    json.RawMessage `json:"body"`
	Content json.RawMessage `json:"content"`
}

// parseRecord turns one JSON record into an article (without its Origin).
// A syntax error comes back as a *json.SyntaxError or io.ErrUnexpectedEOF,
// wrapped, for the caller to phrase.
func parseRecord(data []byte, limit int64) (news.Article, error) {
	p := trimLeftSpace(data)
	if len(p) == 0 || p[0] != '{' {
		if !json.Valid(p) {
			return news.Article{}, jsonSyntax(p)
		}
		return news.Article{}, fmt.Errorf("record is a JSON %s, not an object", jsonKind(p))
	}
	var rec jsonRecord
	if err := json.Unmarshal(p, &rec); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			if te.Field == "" {
				return news.Article{}, fmt.Errorf("record is a JSON %s, not an object", te.Value)
			}
			return news.Article{}, fmt.Errorf("field %s: want a string, got %s", te.Field, jsonValueName(te.Value))
		}
		return news.Article{}, jsonSyntax(p)
	}
	id, err := jsonID(rec.ID)
	if err != nil {
		return news.Article{}, err
	}
	a := news.Article{
		ID:        id,
		URL:       trimmed(rec.URL),
		Title:     trimmed(rec.Title),
		Source:    trimmed(rec.Source),
		Published: trimmed(rec.Published),
	}
	switch {
	case rec.HTML != nil && !isBlank(*rec.HTML):
		a.Format, a.Body = news.FormatHTML, []byte(*rec.HTML)
	case rec.Text != nil && !isBlank(*rec.Text):
		a.Format, a.Body = news.FormatText, []byte(*rec.Text)
	case rec.HTML != nil:
		return news.Article{}, errors.New("record has an empty html field")
	case rec.Text != nil:
		return news.Article{}, errors.New("record has an empty text field")
	case rec.Body != nil:
		return news.Article{}, errors.New(`record has no text or html field (it has "body": rename it "text" or "html")`)
	case rec.Content != nil:
		return news.Article{}, errors.New(`record has no text or html field (it has "content": rename it "text" or "html")`)
	default:
		return news.Article{}, errors.New("record has no text or html field")
	}
	if int64(len(a.Body)) > limit {
		return news.Article{}, &sizeError{what: "record body", size: int64(len(a.Body)), max: limit}
	}
	return a, nil
}

// jsonSyntax returns the syntax error in p, which is not valid JSON.
func jsonSyntax(p []byte) error {
	var v any
	err := json.Unmarshal(p, &v)
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("%w (at byte %d)", se, se.Offset)
	case err == nil:
		return fmt.Errorf("invalid JSON: %w", io.ErrUnexpectedEOF) // not reached: p is not valid
	}
	return err
}

// jsonID reads the id field: a string or a number, as a string.
func jsonID(raw json.RawMessage) (string, error) {
	p := bytes.TrimSpace(raw)
	if len(p) == 0 || string(p) == "null" {
		return "", nil
	}
	switch c := p[0]; {
	case c == '"':
		var s string
		if err := json.Unmarshal(p, &s); err != nil {
			return "", fmt.Errorf("field id: %w", err)
		}
		return strings.TrimSpace(s), nil
	case c == '-' || '0' <= c && c <= '9':
		return string(p), nil
	}
	return "", fmt.Errorf("field id: want a string or number, got %s", jsonKind(p))
}

// jsonKind names the kind of the JSON value p starts with.
func jsonKind(p []byte) string {
	if len(p) == 0 {
		return "nothing"
	}
	switch c := p[0]; {
	case c == '{':
		return "object"
	case c == '[':
		return "array"
	case c == '"':
		return "string"
	case c == 't' || c == 'f':
		return "boolean"
	case c == 'n':
		return "null"
	}
	return "number"
}

// jsonValueName turns encoding/json's names of JSON values ("bool", or
// "number 12" in some versions) into plain words.
func jsonValueName(v string) string {
	v, _, _ = strings.Cut(v, " ")
	if v == "bool" {
		return "boolean"
	}
	return v
}

func trimmed(s *string) string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(*s)
}

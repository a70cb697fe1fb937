package suite

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"dyad/internal/dictfile"
)

// tabariEnd is the ID of the record that ends TABARI's standard records.
const tabariEnd = "FINAL-01"

// loadTabari reads a TABARI project, its dictionaries and its text files.
// It returns an error only when the project cannot be read at all.
func (s *Suite) loadTabari(path string, data []byte, ps *problems) error {
	proj, err := dictfile.ParseTabariProject(path, bytes.NewReader(data))
	if proj == nil {
		return err
	}
	// LoadTabariProject reads the project again and reports its problems.
	set, err := dictfile.LoadTabariProject(path)
	s.Dicts = set
	ps.dictErr(err, path, 1)
	var sw switches
	for _, c := range tabariDefaults() {
		applyOption(&sw, c)
	}
	if set != nil && set.Options != nil {
		for _, c := range set.Options.Commands {
			applyOption(&sw, c.Name+": "+c.Args)
		}
	}
	for k, v := range sw.m {
		s.Options[k] = v
	}
	if len(proj.Texts) == 0 {
		ps.errorf(path, 1, "project names no <textfile>")
	}
	t := tabariState{sw: sw}
	dir := filepath.Dir(path)
	for _, name := range proj.Texts {
		p := filepath.Join(dir, name)
		f, err := os.Open(p)
		if err != nil {
			ps.errorf(path, proj.Pos["textfile"].Line, "cannot read the text file: %v", err)
			continue
		}
		t.read(p, f, ps)
		f.Close()
	}
	s.Records = t.records
	return nil
}

// tabariDefaults are the switches TABARI runs with before its options
// file and records set any: a sentence of fewer than eight words is not
// coded, and internal and terminal comma-delimited clauses of 2 to 10
// words are deleted before coding (initial ones never are).
func tabariDefaults() []string {
	return []string{
		"SET: MINIMUM WORDS = 8",
		"COMMA: MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 255 BMAX = 0",
	}
}

// tabariState is the state of reading TABARI text files, carried from one
// file to the next.
type tabariState struct {
	sw      switches
	ended   bool // FINAL-01 has been read
	records []Record
}

// tabariLine is one line of a record.
type tabariLine struct {
	text string
	n    int
}

// read reads the records of one TABARI text file.
//
// A record starts with a line that starts with a digit (met after a blank
// line or at the start of the file): its date (YYMMDD, or YYYYMMDD after
// SET: YYYY = TRUE) and ID. Its text follows, up to the next empty line;
// "/* ... */" in it is a comment holding the expectations:
//
//   - { SRC / TGT / CODE }, one block per event, anything after the '}'
//     (a date, a label) ignored; an empty "{}" is prose and is skipped;
//   - {---}, {+++} and {###}: no events (no events at all; a complex
//     sentence; a discarded one);
//   - -{ ... }: TABARI checks nothing from this block on;
//   - { OPTION: COMMAND: args } switches, several per record: SET: KEY =
//     VALUE sets KEY (a bare SET: KEY sets it to TRUE), any other command
//     sets its name to its arguments; they apply from the next record on.
//     An OPTION without its '}' runs to the "*/", with a warning.
func (t *tabariState) read(name string, r io.Reader, ps *problems) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	var (
		lines []tabariLine
		n     int
	)
	flush := func() {
		if len(lines) > 0 {
			t.record(name, lines, ps)
			lines = nil
		}
	}
	for sc.Scan() {
		n++
		line := strings.TrimSuffix(sc.Text(), "\r")
		switch {
		case len(lines) > 0 && line == "":
			flush()
		case len(lines) > 0:
			lines = append(lines, tabariLine{line, n})
		case line != "" && line[0] >= '0' && line[0] <= '9':
			lines = append(lines, tabariLine{line, n})
		}
	}
	if err := sc.Err(); err != nil {
		ps.errorf(name, n+1, "cannot read: %v", err)
	}
	flush()
}

// record reads one record from its lines.
func (t *tabariState) record(name string, lines []tabariLine, ps *problems) {
	head := lines[0]
	rec := Record{Pos: pos(name, head.n), Config: t.sw.now(), Valid: true}
	fields := strings.Fields(head.text)
	rec.ID = strings.Join(fields[1:], " ")
	rec.Category = category(rec.ID)
	width, layout := 6, "060102"
	if strings.EqualFold(rec.Config["YYYY"], "TRUE") {
		width, layout = 8, "20060102"
	}
	digits := len(fields[0]) - len(strings.TrimLeft(fields[0], "0123456789"))
	switch date := fields[0]; {
	case digits < width || digits < len(date):
		ps.errorf(name, head.n, "record %s: date %q must have %d digits", rec.ID, date, width)
		rec.Valid, rec.Skip = false, "bad date"
	default:
		if digits > width {
			ps.warnf(name, head.n, "record %s: date %q has %d digits; the first %d are read, as TABARI reads them", rec.ID, date, digits, width)
		}
		d, err := time.Parse(layout, date[:width])
		if err != nil {
			ps.errorf(name, head.n, "record %s: date %q is not a date", rec.ID, date[:width])
			rec.Valid, rec.Skip = false, "bad date"
		} else {
			rec.Date = d
		}
	}

	// the body: text lines and comments, joined with '\n' so that an
	// offset can be traced back to its line
	var b strings.Builder
	starts := make([]int, 0, len(lines))
	for i, l := range lines[1:] {
		if i > 0 {
			b.WriteByte('\n')
		}
		starts = append(starts, b.Len())
		b.WriteString(l.text)
	}
	body := b.String()
	lineAt := func(off int) int {
		i := 0
		for i+1 < len(starts) && starts[i+1] <= off {
			i++
		}
		if len(starts) == 0 {
			return head.n
		}
		return lines[1+i].n
	}
	rec.Text = joinLines(stripComments(body))

	switch {
	case t.ended:
		rec.Valid, rec.Skip = false, "after "+tabariEnd+": not a standard record"
	case rec.ID == tabariEnd:
		t.ended = true
		rec.Valid, rec.Skip = false, tabariEnd+" ends the standard records"
	}
	c := strings.Index(body, "/*")
	first := -1
	if c >= 0 {
		if i := strings.IndexByte(body[c:], '{'); i >= 0 {
			first = c + i
		}
	}
	if first < 0 {
		if rec.Valid {
			ps.warnf(name, head.n, "record %s has no expectation {...}; TABARI reports it as not verifiable", rec.ID)
			rec.Valid, rec.Skip = false, "no expectation"
		}
		t.records = append(t.records, rec)
		return
	}
	if strings.Contains(body[first:], "OPTION:") {
		for rest, off := body[first:], first; ; {
			i := strings.Index(rest, "OPTION:")
			if i < 0 {
				break
			}
			arg := rest[i+len("OPTION:"):]
			end := strings.IndexByte(arg, '}')
			if c := strings.Index(arg, "*/"); c >= 0 && (end < 0 || c < end) {
				ps.warnf(name, lineAt(off+i), "record %s: OPTION has no closing '}'; it is read up to the \"*/\"", rec.ID)
				end = c
			} else if end < 0 {
				ps.warnf(name, lineAt(off+i), "record %s: OPTION has no closing '}'; it is read up to the end of the record", rec.ID)
				end = len(arg)
			}
			if !applyOption(&t.sw, arg[:end]) {
				ps.errorf(name, lineAt(off+i), "record %s: OPTION %q is not COMMAND: arguments", rec.ID, strings.TrimSpace(arg[:end]))
			}
			off += i + len("OPTION:") + end
			rest = arg[end:]
		}
		if rec.Valid {
			rec.Valid, rec.Skip = false, "switch record (OPTION)"
		}
		t.records = append(t.records, rec)
		return
	}

	var markers []string
	for i := first; i < len(body); {
		open := strings.IndexByte(body[i:], '{')
		if open < 0 {
			break
		}
		open += i
		end := strings.IndexByte(body[open:], '}')
		if end < 0 {
			ps.errorf(name, lineAt(open), "record %s: '{' has no closing '}'", rec.ID)
			break
		}
		end += open
		i = end + 1
		if open > 0 && body[open-1] == '-' {
			if open == first {
				if rec.Valid {
					rec.Valid, rec.Skip = false, "checks nothing (-{...})"
				}
			} else {
				rec.Partial = true
			}
			break
		}
		inner := strings.TrimSpace(body[open+1 : end])
		if inner == "" {
			continue // "{}" in the prose of a comment
		}
		switch strings.Join(strings.Fields(inner), "") {
		case "---", "+++", "###":
			markers = append(markers, strings.Join(strings.Fields(inner), ""))
			continue
		}
		parts := strings.Split(inner, "/")
		var f [3]string
		ok := len(parts) == 3
		for k := 0; ok && k < 3; k++ {
			f[k] = strings.TrimSpace(parts[k])
			ok = f[k] != "" && !strings.ContainsFunc(f[k], unicode.IsSpace)
		}
		if !ok {
			ps.errorf(name, lineAt(open), "record %s: expectation {%s} is not { SOURCE / TARGET / CODE }", rec.ID, inner)
			continue
		}
		rec.Expect = append(rec.Expect, Coding{Source: f[0], Target: f[1], Code: f[2]})
	}
	if len(markers) > 0 {
		if len(rec.Expect) > 0 {
			ps.warnf(name, head.n, "record %s mixes events with {%s}; TABARI passes it only when nothing is coded", rec.ID, markers[0])
			rec.Expect = nil
		}
		rec.NoEvents = true
		switch markers[0] {
		case "+++":
			rec.ExpectError = "complex"
		case "###":
			rec.ExpectError = "discard"
		}
	}
	t.records = append(t.records, rec)
}

// applyOption applies one TABARI options command ("SET: KEY = VALUE",
// "COMPLEX: ...") to sw. LABEL commands are left out. It reports whether
// the command is well formed.
func applyOption(sw *switches, cmd string) bool {
	name, args, ok := strings.Cut(cmd, ":")
	name = strings.ToUpper(strings.TrimSpace(name))
	args = strings.Join(strings.Fields(args), " ")
	if !ok || name == "" || strings.ContainsFunc(name, unicode.IsSpace) {
		return false
	}
	switch name {
	case "LABEL":
	case "SET":
		k, v, ok := strings.Cut(args, "=")
		k = strings.ToUpper(strings.TrimSpace(k))
		if k == "" {
			return false
		}
		v = strings.TrimSpace(v)
		if !ok {
			v = "TRUE"
		}
		if mode, ok := strings.CutPrefix(k, "CODE "); ok && !strings.Contains(args, "=") {
			// SET: CODE BY SENTENCE, CODE BY CLAUSE and CODE ALL are one
			// switch: the last one set is in force
			k, v = "CODE", strings.TrimSpace(strings.TrimPrefix(mode, "BY "))
		}
		sw.set(k, v)
	default:
		sw.set(name, args)
	}
	return true
}

// stripComments removes the comment of a record: everything from the first
// "/*" to the last "*/" (TABARI records put the comment last, and some
// close it twice).
func stripComments(s string) string {
	i := strings.Index(s, "/*")
	if i < 0 {
		return s
	}
	if j := strings.LastIndex(s, "*/"); j >= i+2 {
		return s[:i] + " " + s[j+2:]
	}
	return s[:i]
}

// category returns the letters that start a TABARI ID, after any digits
// and blanks, in upper case ("DEMO-01" → "DEMO"), or "OTHER".
func category(id string) string {
	id = strings.TrimLeft(id, "0123456789 \t")
	i := 0
	for i < len(id) && (id[i] >= 'A' && id[i] <= 'Z' || id[i] >= 'a' && id[i] <= 'z') {
		i++
	}
	if i == 0 {
		return "OTHER"
	}
	return strings.ToUpper(id[:i])
}

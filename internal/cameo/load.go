package cameo

import (
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"dyad/dict"
)

// The table files, relative to the root of the fs.FS given to Load.
const (
	CodesFile  = "cameo/codes.tsv"
	RootsFile  = "cameo/roots.tsv"
	PloverFile = "cameo/plover.tsv"
)

var (
	codesHeader  = []string{"code", "root", "quad_class", "goldstein", "plover_type", "plover_mode", "plover_context", "name"}
	rootsHeader  = []string{"root", "quad_class", "goldstein", "goldstein_min", "goldstein_max", "plover_types", "name"}
	ploverHeader = []string{"type", "quad_class", "requires_recipient", "modes"}
)

// Problem is one problem in a table file, at a 1-based line (0 when the file
// could not be read at all).
type Problem struct {
	File string
	Line int
	Msg  string
}

// Error formats the problem as "file:line: message" ("file: message" when
// Line is 0).
func (p Problem) Error() string {
	if p.Line == 0 {
		return p.File + ": " + p.Msg
	}
	return p.File + ":" + strconv.Itoa(p.Line) + ": " + p.Msg
}

// Error lists every problem found by Load, one per line.
type Error struct {
	Problems []Problem
}

// Error joins the problems, one per line.
func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap returns the problems, so errors.As finds a Problem.
func (e *Error) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

// Builtin loads the tables embedded in dyad (dict.FS).
func Builtin() (*Table, error) {
	return Load(dict.FS)
}

// Load reads and validates cameo/plover.tsv, cameo/roots.tsv and
// cameo/codes.tsv from fsys. Every problem in every file is reported, each as
// "file:line: message", in one *Error.
//
// The files are tab-separated, with "#" comment lines, blank lines ignored,
// one header row naming the columns, and "-" for an absent field.
// codes.tsv carries the Goldstein table's name and source in directive lines
// "#! goldstein_table: NAME" and "#! goldstein_source: TEXT".
func Load(fsys fs.FS) (*Table, error) {
	l := &loader{}
	t := &Table{
		codes:  map[string]*Info{},
		roots:  map[string]Root{},
		plover: map[string]PloverType{},
	}
	ploverOK := l.loadPlover(fsys, t)
	rootsOK, rootLines := l.loadRoots(fsys, t, ploverOK)
	codesOK := l.loadCodes(fsys, t, ploverOK, rootsOK)
	if codesOK {
		for code, line := range rootLines {
			if _, ok := t.codes[code]; !ok {
				l.errorf(RootsFile, line, "root %s has no row in %s", code, CodesFile)
			}
		}
	}
	if len(l.problems) > 0 {
		sortProblems(l.problems)
		return nil, &Error{Problems: l.problems}
	}
	// Codes without their own Goldstein row take their longest prefix's.
	for code, e := range t.codes {
		if e.GoldsteinCode != "" {
			continue
		}
		for n := len(code) - 1; n >= 2; n-- {
			if p, ok := t.codes[code[:n]]; ok && p.GoldsteinCode == code[:n] {
				e.Goldstein, e.GoldsteinCode = p.Goldstein, p.GoldsteinCode
				break
			}
		}
	}
	return t, nil
}

func sortProblems(ps []Problem) {
	order := map[string]int{PloverFile: 0, RootsFile: 1, CodesFile: 2}
	// Stable insertion sort by (file, line): the lists are short and mostly
	// sorted already.
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0; j-- {
			a, b := ps[j-1], ps[j]
			if order[a.File] < order[b.File] || (a.File == b.File && a.Line <= b.Line) {
				break
			}
			ps[j-1], ps[j] = b, a
		}
	}
}

type loader struct {
	problems []Problem
}

func (l *loader) errorf(file string, line int, format string, args ...any) {
	l.problems = append(l.problems, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// row is one data line of a table file.
type row struct {
	line   int
	fields []string
}

// readTable reads a table file: comments, directives (allowed lists the
// keys the file may have), one header row that must equal header, and rows
// with exactly as many fields, none empty or padded. It returns the rows
// and directives that passed these checks, and whether the file could be
// read and had the right header, so that other files may be checked against
// it.
func (l *loader) readTable(fsys fs.FS, file string, header []string, allowed []string) ([]row, map[string]string, bool) {
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		l.problems = append(l.problems, Problem{File: file, Msg: "read: " + err.Error()})
		return nil, nil, false
	}
	var rows []row
	directives := map[string]string{}
	directiveLine := map[string]int{}
	headerSeen := false
	lines := strings.Split(string(data), "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, text := range lines {
		n := i + 1
		text = strings.TrimSuffix(text, "\r")
		if !utf8.ValidString(text) {
			l.errorf(file, n, "invalid UTF-8")
			continue
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		if d, ok := strings.CutPrefix(text, "#!"); ok {
			key, value, ok := strings.Cut(d, ":")
			key, value = strings.TrimSpace(key), strings.TrimSpace(value)
			switch {
			case !ok || value == "":
				l.errorf(file, n, "want a directive \"#! key: value\", have %q", text)
			case !slices.Contains(allowed, key):
				l.errorf(file, n, "unknown directive %q", key)
			case directiveLine[key] != 0:
				l.errorf(file, n, "directive %q repeated (first at line %d)", key, directiveLine[key])
			default:
				directives[key] = value
				directiveLine[key] = n
			}
			continue
		}
		if strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if !headerSeen {
			headerSeen = true
			if strings.Join(fields, "\t") != strings.Join(header, "\t") {
				l.errorf(file, n, "want the header %q, have %q", strings.Join(header, "\t"), text)
				return nil, nil, false
			}
			continue
		}
		if len(fields) != len(header) {
			l.errorf(file, n, "want %d tab-separated fields, have %d", len(header), len(fields))
			continue
		}
		ok := true
		for k, f := range fields {
			switch {
			case f == "":
				l.errorf(file, n, "empty %s (write - for none)", header[k])
				ok = false
			case strings.TrimSpace(f) != f:
				l.errorf(file, n, "%s %q has surrounding spaces", header[k], f)
				ok = false
			}
		}
		if ok {
			rows = append(rows, row{line: n, fields: fields})
		}
	}
	if !headerSeen {
		l.errorf(file, max(1, len(lines)), "no header row (want %q)", strings.Join(header, "\t"))
	}
	for _, key := range allowed {
		if directiveLine[key] == 0 {
			l.errorf(file, 1, "missing directive \"#! %s: …\"", key)
		}
	}
	return rows, directives, headerSeen
}

// none maps the absent-field marker "-" to "".
func none(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

func parseQuad(s string) (int, bool) {
	if len(s) != 1 || s[0] < '1' || s[0] > '4' {
		return 0, false
	}
	return int(s[0] - '0'), true
}

func parseGoldstein(s string) (float64, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || !(v >= -10 && v <= 10) {
		return 0, false
	}
	return v, true
}

// isWord reports whether s is non-empty and made of bytes for which ok holds.
func isWord(s string, ok func(c byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' || c == '_' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' || isDigit(c) || c == '_' || c == '-' }
func isAlnum(c byte) bool { return isDigit(c) || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// splitList splits a sep-separated list whose items satisfy ok; it returns
// nil, false when an item does not.
func splitList(s, sep string, ok func(c byte) bool) ([]string, bool) {
	items := strings.Split(s, sep)
	for _, it := range items {
		if !isWord(it, ok) {
			return nil, false
		}
	}
	return items, true
}

func (l *loader) loadPlover(fsys fs.FS, t *Table) bool {
	rows, _, ok := l.readTable(fsys, PloverFile, ploverHeader, nil)
	first := map[string]int{}
	for _, r := range rows {
		f := r.fields
		p := PloverType{Name: f[0]}
		bad := func(format string, args ...any) {
			l.errorf(PloverFile, r.line, format, args...)
		}
		if !isWord(p.Name, isUpper) {
			bad("bad PLOVER type %q (want A-Z and _)", p.Name)
			continue
		}
		if prev := first[p.Name]; prev != 0 {
			bad("duplicate PLOVER type %s (first at line %d)", p.Name, prev)
			continue
		}
		first[p.Name] = r.line
		var qok bool
		if p.QuadClass, qok = parseQuad(f[1]); !qok {
			bad("bad quad_class %q (want 1 to 4)", f[1])
		}
		switch f[2] {
		case "yes":
			p.RequiresRecipient = true
		case "no":
		default:
			bad("bad requires_recipient %q (want yes or no)", f[2])
		}
		if m := none(f[3]); m != "" {
			var mok bool
			if p.Modes, mok = splitList(m, ",", isLower); !mok {
				bad("bad modes %q (want - or a comma-separated list of a-z, 0-9, _ and -)", f[3])
			}
		}
		t.plover[p.Name] = p
	}
	return ok
}

func (l *loader) loadRoots(fsys fs.FS, t *Table, ploverOK bool) (bool, map[string]int) {
	rows, _, ok := l.readTable(fsys, RootsFile, rootsHeader, nil)
	first := map[string]int{}
	for _, r := range rows {
		f := r.fields
		rt := Root{Code: f[0], Name: f[6]}
		bad := func(format string, args ...any) {
			l.errorf(RootsFile, r.line, format, args...)
		}
		if len(rt.Code) != 2 || !isWord(rt.Code, isDigit) {
			bad("bad root %q (want two digits)", rt.Code)
			continue
		}
		if prev := first[rt.Code]; prev != 0 {
			bad("duplicate root %s (first at line %d)", rt.Code, prev)
			continue
		}
		first[rt.Code] = r.line
		var qok bool
		if rt.QuadClass, qok = parseQuad(f[1]); !qok {
			bad("bad quad_class %q (want 1 to 4)", f[1])
		}
		vals := []*float64{&rt.Goldstein, &rt.GoldsteinMin, &rt.GoldsteinMax}
		gok := true
		for k, p := range vals {
			var vok bool
			if *p, vok = parseGoldstein(f[2+k]); !vok {
				bad("bad %s %q (want a number from -10 to 10)", rootsHeader[2+k], f[2+k])
				gok = false
			}
		}
		if gok && !(rt.GoldsteinMin <= rt.Goldstein && rt.Goldstein <= rt.GoldsteinMax) {
			bad("goldstein %s outside goldstein_min %s to goldstein_max %s", f[2], f[3], f[4])
		}
		if pt := none(f[5]); pt != "" {
			types, tok := splitList(pt, ",", isUpper)
			if !tok {
				bad("bad plover_types %q (want - or a comma-separated list of PLOVER types)", f[5])
			}
			for _, typ := range types {
				if _, known := t.plover[typ]; ploverOK && !known {
					bad("PLOVER type %s not in %s", typ, PloverFile)
				}
			}
			rt.PloverTypes = types
		}
		t.roots[rt.Code] = rt
	}
	return ok, first
}

func (l *loader) loadCodes(fsys fs.FS, t *Table, ploverOK, rootsOK bool) bool {
	rows, directives, ok := l.readTable(fsys, CodesFile, codesHeader, []string{"goldstein_table", "goldstein_source"})
	if name, ok := directives["goldstein_table"]; ok {
		if !isWord(name, isLower) {
			l.errorf(CodesFile, 1, "bad goldstein_table name %q (want a-z, 0-9, _ and -)", name)
		}
		t.goldName = name
	}
	t.goldSource = directives["goldstein_source"]
	first := map[string]int{}
	for _, r := range rows {
		f := r.fields
		bad := func(format string, args ...any) {
			l.errorf(CodesFile, r.line, format, args...)
		}
		code := f[0]
		if len(code) < 2 || !isDigit(code[0]) || !isDigit(code[1]) || !isWord(code, isAlnum) {
			bad("bad code %q (want two digits, then digits or letters)", code)
			continue
		}
		if prev := first[code]; prev != 0 {
			bad("duplicate code %s (first at line %d)", code, prev)
			continue
		}
		first[code] = r.line
		e := &Info{Code: code, Match: code, Exact: true, Root: f[1], Name: none(f[7])}
		if f[1] != code[:2] {
			bad("root %q is not the code's first two digits %q", f[1], code[:2])
		}
		root, haveRoot := t.roots[f[1]]
		if rootsOK && !haveRoot {
			bad("root %s not in %s", f[1], RootsFile)
		}
		var qok bool
		if e.QuadClass, qok = parseQuad(f[2]); !qok {
			bad("bad quad_class %q (want 1 to 4)", f[2])
		} else if haveRoot && e.QuadClass != root.QuadClass {
			bad("quad_class %d differs from root %s's %d in %s", e.QuadClass, root.Code, root.QuadClass, RootsFile)
		}
		if g := none(f[3]); g != "" {
			v, gok := parseGoldstein(g)
			switch {
			case !gok:
				bad("bad goldstein %q (want - or a number from -10 to 10)", g)
			case haveRoot && (v < root.GoldsteinMin || v > root.GoldsteinMax):
				bad("goldstein %s outside root %s's range %g to %g in %s", g, root.Code, root.GoldsteinMin, root.GoldsteinMax, RootsFile)
			default:
				e.Goldstein, e.GoldsteinCode = v, code
			}
		}
		e.PloverType, e.PloverMode, e.PloverContext = none(f[4]), none(f[5]), none(f[6])
		if e.PloverType == "" {
			if e.PloverMode != "" || e.PloverContext != "" {
				bad("plover_mode or plover_context without a plover_type")
			}
		} else if _, known := t.plover[e.PloverType]; !isWord(e.PloverType, isUpper) || (ploverOK && !known) {
			bad("PLOVER type %q not in %s", e.PloverType, PloverFile)
		}
		if e.PloverMode != "" && !isWord(e.PloverMode, isLower) {
			bad("bad plover_mode %q (want a-z, 0-9, _ and -)", e.PloverMode)
		}
		if e.PloverContext != "" {
			if _, cok := splitList(e.PloverContext, ";", isLower); !cok {
				bad("bad plover_context %q (want ;-separated words of a-z, 0-9, _ and -)", e.PloverContext)
			}
		}
		t.codes[code] = e
	}
	return ok
}

package dictfile

import (
	"fmt"
	"io"
	"strings"
)

// readAll reads r into one string so that every line and word can be a
// substring of it without further copies.
func readAll(name string, r io.Reader) (string, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	return string(b), nil
}

// line is one line of a dictionary with its comments removed.
type line struct {
	pos  Pos
	text string // comment-free, trailing space trimmed, leading space kept
	raw  string // the whole line as in the file, without the line break
	// comment is the text after a '#' or ';' comment marker, trimmed.
	comment string
}

// scanner walks the lines of a dictionary file in the shared comment
// conventions of TABARI and PETRARCH: '#' and ';' start a comment outside
// [...] code blocks, "<!-- ... -->" is a comment that may span lines, and a
// line starting with "<!" is a one-line comment when it holds no "<!--".
type scanner struct {
	name string
	src  string
	off  int
	n    int // line number of the last line returned
	ps   *problems
	// semicolon reports whether ';' starts a comment.
	semicolon bool
}

func newScanner(name, src string, ps *problems) *scanner {
	return &scanner{name: name, src: src, ps: ps, semicolon: true}
}

// rawLine returns the next physical line.
func (s *scanner) rawLine() (string, bool) {
	if s.off >= len(s.src) {
		return "", false
	}
	rest := s.src[s.off:]
	i := strings.IndexByte(rest, '\n')
	var l string
	if i < 0 {
		l = rest
		s.off = len(s.src)
	} else {
		l = rest[:i]
		s.off += i + 1
	}
	s.n++
	if len(l) > 0 && l[len(l)-1] == '\r' {
		l = l[:len(l)-1]
	}
	return l, true
}

// next returns the next line that has content once comments are removed.
func (s *scanner) next() (line, bool) {
	for {
		raw, ok := s.rawLine()
		if !ok {
			return line{}, false
		}
		pos := Pos{File: s.name, Line: s.n}
		t := raw
		// XML-style comments, possibly spanning lines.
		for {
			i := strings.Index(t, "<!--")
			if i < 0 {
				break
			}
			if j := strings.Index(t[i+4:], "-->"); j >= 0 {
				t = t[:i] + t[i+4+j+3:]
				continue
			}
			start := pos
			closed := false
			for {
				more, ok := s.rawLine()
				if !ok {
					break
				}
				if j := strings.Index(more, "-->"); j >= 0 {
					t = t[:i] + " " + more[j+3:]
					closed = true
					break
				}
			}
			if !closed {
				s.ps.errorf(start, "comment opened with <!-- is never closed")
				t = t[:i]
			}
		}
		if strings.HasPrefix(strings.TrimLeft(t, " \t"), "<!") {
			continue // "<! -- ... -->" and the like
		}
		text, comment := cutComment(t, s.semicolon)
		text = strings.TrimRight(text, " \t\r\f\v")
		if strings.TrimSpace(text) == "" {
			continue
		}
		return line{pos: pos, text: text, raw: raw, comment: comment}, true
	}
}

// cutComment splits t at the first '#' (or ';' when semicolon is set) that is
// not inside a [...] code block.
func cutComment(t string, semicolon bool) (text, comment string) {
	depth := 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; c {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case '#', ';':
			if depth > 0 || (c == ';' && !semicolon) {
				continue
			}
			return t[:i], strings.TrimSpace(t[i+1:])
		}
	}
	return t, ""
}

// countLinesStartingWord counts the lines that start with a letter or digit:
// a capacity hint for the number of entries.
func countLinesStartingWord(src string) int {
	n := 0
	for i := 0; i < len(src); i++ {
		if i == 0 || src[i-1] == '\n' {
			c := src[i] | 0x20
			if ('a' <= c && c <= 'z') || ('0' <= src[i] && src[i] <= '9') {
				n++
			}
		}
	}
	return n
}

// lineCount is the number of lines in src, counting a last line without a
// line break; it is the largest line number a problem may carry.
func lineCount(src string) int {
	n := strings.Count(src, "\n")
	if len(src) > 0 && src[len(src)-1] != '\n' {
		n++
	}
	if n == 0 {
		n = 1
	}
	return n
}

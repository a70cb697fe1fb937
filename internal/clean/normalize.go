package clean

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// normStats counts what normalisation had to repair, for warnings.
type normStats struct {
	invalid  int // invalid UTF-8 sequences replaced by U+FFFD
	controls int // control characters removed
}

// normalize decodes raw bytes into clean lines: a leading BOM is stripped,
// invalid UTF-8 becomes U+FFFD, control and zero-width characters are
// removed, line breaks become "\n", every kind of space becomes one plain
// space, runs of spaces collapse, lines are trimmed, and the result is in
// Unicode NFC. Quotes, apostrophes and dashes keep their characters.
// Blank lines are kept (as empty lines) because they separate paragraphs.
func normalize(b []byte, st *normStats) string {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		b = b[3:]
	}
	var sb strings.Builder
	sb.Grow(len(b))
	pendingSpace := false // a space is owed before the next visible character
	lineStart := true     // nothing visible written on this line yet
	ascii := true
	newline := func() {
		sb.WriteByte('\n')
		pendingSpace = false
		lineStart = true
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c >= 0x21 && c < 0x7F {
			// A run of visible ASCII is copied whole.
			j := i + 1
			for j < len(b) && b[j] >= 0x21 && b[j] < 0x7F {
				j++
			}
			if pendingSpace {
				sb.WriteByte(' ')
				pendingSpace = false
			}
			sb.Write(b[i:j])
			lineStart = false
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 0x21 && c != 0x7F:
				if pendingSpace {
					sb.WriteByte(' ')
					pendingSpace = false
				}
				sb.WriteByte(c)
				lineStart = false
			case c == ' ' || c == '\t':
				if !lineStart {
					pendingSpace = true
				}
			case c == '\n' || c == '\v' || c == '\f':
				newline()
			case c == '\r':
				if i < len(b) && b[i] == '\n' {
					i++
				}
				newline()
			default: // NUL, other C0 controls, DEL
				st.controls++
			}
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			st.invalid++
			// One replacement character per maximal invalid run.
			for i += size; i < len(b) && b[i] >= utf8.RuneSelf; {
				r2, s2 := utf8.DecodeRune(b[i:])
				if r2 != utf8.RuneError || s2 != 1 {
					break
				}
				i += s2
			}
			r = utf8.RuneError
		} else {
			i += size
		}
		switch runeClass(r) {
		case classSpace:
			if !lineStart {
				pendingSpace = true
			}
		case classDrop:
			if r < 0xA0 {
				st.controls++
			}
		case classLine:
			newline()
		case classPara:
			newline()
			newline()
		default:
			if pendingSpace {
				sb.WriteByte(' ')
				pendingSpace = false
			}
			sb.WriteRune(r)
			lineStart = false
			ascii = false
		}
	}
	s := sb.String()
	if !ascii && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// Classes of non-ASCII runes for normalisation.
const (
	classKeep  = iota
	classSpace // any Unicode space: becomes " "
	classDrop  // C1 controls, zero-width and invisible formatting characters
	classLine  // a line break
	classPara  // a paragraph break
)

// runeClass says how normalisation treats a non-ASCII rune.
func runeClass(r rune) int {
	switch {
	case r == 0x85 || r == 0x2028:
		return classLine
	case r == 0x2029:
		return classPara
	case r < 0xA0: // C1 controls
		return classDrop
	case r == 0xA0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x202F || r == 0x205F || r == 0x3000:
		return classSpace
	case r == 0xAD || r == 0x180E || (r >= 0x200B && r <= 0x200F) || (r >= 0x202A && r <= 0x202E) ||
		(r >= 0x2060 && r <= 0x2064) || (r >= 0x2066 && r <= 0x206F) || r == 0xFEFF:
		return classDrop
	}
	return classKeep
}

// oneLine normalises s and joins its lines with single spaces, for text
// that must be a single block (a title, an HTML block).
func oneLine(s string, st *normStats) string {
	n := normalize([]byte(s), st)
	if strings.IndexByte(n, '\n') < 0 {
		return n
	}
	parts := strings.Split(n, "\n")
	out := parts[:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

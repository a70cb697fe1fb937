package dictfile

import "strings"

// Phrase is a word or multi-word phrase as written in a dictionary, with the
// normalised words a coder matches on.
type Phrase struct {
	// Raw is the phrase as written, e.g. "ITHILEN_GOVERNMENT_RADIO_".
	Raw string
	// Words are the words in upper case, split at blanks and underscores:
	// ["ITHILEN" "GOVERNMENT" "RADIO"].
	Words []string
	// Seps[i] is the separator written between Words[i] and Words[i+1]:
	// '_' (TABARI and PETRARCH-1: the words must be consecutive) or ' '
	// (other words may come between). len(Seps) == len(Words)-1.
	Seps string
	// Exact reports a final underscore: in TABARI the last word must match
	// as a whole word rather than as a stem.
	Exact bool
}

// Text is the normalised phrase: upper case with '_' as a space,
// e.g. "ITHILEN GOVERNMENT RADIO".
func (p Phrase) Text() string {
	return strings.Join(p.Words, " ")
}

// parsePhrase splits s at blanks and underscores. Empty pieces (from "__" or
// "_ ") are dropped.
func parsePhrase(s string) Phrase {
	s = strings.TrimSpace(s)
	p := Phrase{Raw: s}
	if s == "" {
		return p
	}
	up := upper(s)
	p.Exact = s[len(s)-1] == '_'
	n := 0
	for i := 0; i < len(up); i++ {
		if isSep(up[i]) && (i == 0 || !isSep(up[i-1])) {
			n++
		}
	}
	p.Words = make([]string, 0, n+1)
	var seps []byte
	start := -1
	pending := byte(0)
	for i := 0; i <= len(up); i++ {
		if i < len(up) && !isSep(up[i]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if len(p.Words) > 0 {
				seps = append(seps, pending)
			}
			p.Words = append(p.Words, up[start:i])
			start = -1
			pending = 0
		}
		if i < len(up) {
			// a blank anywhere in a run of separators makes it a gap
			if pending != ' ' {
				if up[i] == '_' {
					pending = '_'
				} else {
					pending = ' '
				}
			}
		}
	}
	p.Seps = string(seps)
	return p
}

func isSep(c byte) bool {
	return c == ' ' || c == '_' || c == '\t'
}

// upper returns s in upper case, without copying when it already is.
func upper(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if ('a' <= c && c <= 'z') || c >= 0x80 {
			return strings.ToUpper(s)
		}
	}
	return s
}

// Code is an event or actor code as written between [ and ], e.g. "041",
// "041:042" (active:passive), ":173" (passive only), "---" (null code).
type Code struct {
	// Raw is the code as written, trimmed.
	Raw string
	// Active is the code for the active voice (the part before ':').
	Active string
	// Passive is the code for the passive voice (after ':'), empty when the
	// code has no ':'.
	Passive string
}

// IsNull reports the null code "---": the verb or actor codes nothing.
func (c Code) IsNull() bool { return c.Active == "---" }

// IsDiscard reports the TABARI discard code "###".
func (c Code) IsDiscard() bool { return c.Active == "###" }

// IsComplex reports TABARI's complex code "+++".
func (c Code) IsComplex() bool { return c.Active == "+++" }

func parseCode(s string) Code {
	s = strings.TrimSpace(s)
	c := Code{Raw: s, Active: s}
	if i := strings.IndexByte(s, ':'); i >= 0 {
		c.Active = strings.TrimSpace(s[:i])
		c.Passive = strings.TrimSpace(s[i+1:])
	}
	return c
}

// RegularVerbForms returns the forms PETRARCH generates for a regular verb:
// the third person in S (ES after S, X, Z), the past in ED (D after E) and
// the participle in ING (dropping a final E after a consonant).
func RegularVerbForms(verb string) []string {
	if verb == "" {
		return nil
	}
	last := verb[len(verb)-1]
	out := make([]string, 0, 3)
	switch last {
	case 'S', 'X', 'Z':
		out = append(out, verb+"ES")
	default:
		out = append(out, verb+"S")
	}
	if last == 'E' {
		out = append(out, verb+"D")
		if len(verb) > 1 && !strings.ContainsRune("AEIOU", rune(verb[len(verb)-2])) {
			out = append(out, verb[:len(verb)-1]+"ING")
		} else {
			out = append(out, verb+"ING")
		}
	} else {
		out = append(out, verb+"ED", verb+"ING")
	}
	return out
}

// RegularPlural returns the plural PETRARCH generates for a noun: IES for a
// final Y, ES after S, S otherwise. It works on the last word of a phrase.
func RegularPlural(noun string) string {
	switch {
	case noun == "":
		return ""
	case strings.HasSuffix(noun, "Y"):
		return noun[:len(noun)-1] + "IES"
	case strings.HasSuffix(noun, "S"):
		return noun + "ES"
	default:
		return noun + "S"
	}
}

// splitCodes finds the [...] blocks in s. It returns the text before the
// first block, the contents of each block, any text after the last block
// (tail), and a message if a bracket is unbalanced.
func splitCodes(s string) (head string, blocks []string, tail, msg string) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		if strings.IndexByte(s, ']') >= 0 {
			return s, nil, "", "']' without '['"
		}
		return s, nil, "", ""
	}
	head = s[:i]
	rest := s[i:]
	for {
		rest = strings.TrimLeft(rest, " \t")
		if rest == "" || rest[0] != '[' {
			return head, blocks, rest, ""
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return head, blocks, "", "missing ']'"
		}
		if k := strings.IndexByte(rest[1:j], '['); k >= 0 {
			return head, blocks, "", "'[' inside a code block"
		}
		blocks = append(blocks, rest[1:j])
		rest = rest[j+1:]
	}
}

func quote(s string) string {
	const max = 40
	if len(s) > max {
		s = s[:max] + "…"
	}
	return "\"" + s + "\""
}

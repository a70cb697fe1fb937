package dictfile

import "strings"

// TokenKind is the kind of one element of a verb pattern or synset member.
type TokenKind uint8

// The kinds of pattern tokens.
const (
	// Word is a literal word, in upper case.
	Word TokenKind = iota
	// SynsetRef is a reference to a synset, e.g. "&CURRENCY".
	SynsetRef
	// Source is the source-actor marker '$'.
	Source
	// Target is the target-actor marker '+'.
	Target
	// Compound is the compound-actor marker '%'.
	Compound
	// Skip is '^': skip the next noun phrase.
	Skip
	// Attrib is TABARI's attribution marker '@'.
	Attrib
	// NounPhrase is PETRARCH-2's "{ADJ ... HEAD}": Sub holds the words and the
	// last one is the head.
	NounPhrase
	// PrepPhrase is PETRARCH-2's "(PREP ...)": Sub[0] is the preposition and
	// the rest the phrase it governs.
	PrepPhrase
	// Choice is TABARI's disjunction "{ A | B C }": Alts holds the
	// alternatives.
	Choice
)

var kindNames = [...]string{"word", "synset", "source", "target", "compound", "skip", "attrib", "noun-phrase", "prep-phrase", "choice"}

// String names the kind.
func (k TokenKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Token is one element of a pattern.
type Token struct {
	Kind TokenKind
	// Text is the word in upper case, the synset name ("&TIETYPES") or the
	// marker character for $ + % ^ @.
	Text string
	// Join reports an underscore between this token and the next one (or
	// the verb '*'): TABARI and PETRARCH-1 require them to be consecutive.
	Join bool
	// Exact reports an underscore after the token followed by a blank:
	// TABARI's whole-word (not stem) match.
	Exact bool
	// Sub holds the contents of a NounPhrase or PrepPhrase.
	Sub []Token
	// Alts holds the alternatives of a Choice.
	Alts [][]Token
}

// tokenizer parses pattern text into tokens.
type tokenizer struct {
	s     string
	i     int
	msg   string
	stray []string
}

// parseTokens tokenizes s; it returns an error message for unclosed
// brackets and the like, and the closing brackets that close nothing (which
// are skipped). lead reports an underscore before the first token.
func parseTokens(s string) (toks []Token, lead bool, stray []string, msg string) {
	t := tokenizer{s: s}
	toks, lead = t.seq(0)
	if t.msg == "" && t.i < len(t.s) {
		t.msg = "unexpected " + quote(t.s[t.i:])
	}
	return toks, lead, t.stray, t.msg
}

// seq reads tokens until end of text or the closer (')' '}' '|').
func (t *tokenizer) seq(closer byte) (toks []Token, lead bool) {
	for t.i < len(t.s) && t.msg == "" {
		c := t.s[t.i]
		switch {
		case c == ' ' || c == '\t':
			t.i++
		case c == '_':
			t.i++
			next := byte(' ')
			if t.i < len(t.s) {
				next = t.s[t.i]
			}
			switch {
			case len(toks) == 0:
				lead = true
			case next == ' ' || next == '\t' || next == ')' || next == '}' || next == '|':
				toks[len(toks)-1].Exact = true
			default:
				toks[len(toks)-1].Join = true
			}
		case c == ')' || c == '}' || c == '|':
			if closer == 0 && c != '|' {
				t.stray = append(t.stray, "'"+string(c)+"'")
				t.i++
				continue
			}
			if closer == 0 || (c == '|' && closer != '}') || (c != '|' && c != closer) {
				t.msg = "unbalanced " + string(c)
				return toks, lead
			}
			return toks, lead
		case c == '(':
			t.i++
			sub, _ := t.seq(')')
			if t.msg != "" {
				return toks, lead
			}
			if t.i >= len(t.s) {
				t.msg = "missing ')'"
				return toks, lead
			}
			t.i++
			if len(sub) == 0 {
				t.msg = "empty ( )"
				return toks, lead
			}
			toks = append(toks, Token{Kind: PrepPhrase, Text: sub[0].Text, Sub: sub})
		case c == '{':
			t.i++
			var alts [][]Token
			for {
				sub, _ := t.seq('}')
				if t.msg != "" {
					return toks, lead
				}
				if t.i >= len(t.s) {
					t.msg = "missing '}'"
					return toks, lead
				}
				alts = append(alts, sub)
				if t.s[t.i] == '}' {
					t.i++
					break
				}
				t.i++ // '|'
			}
			if len(alts) == 1 {
				if len(alts[0]) == 0 {
					t.msg = "empty { }"
					return toks, lead
				}
				head := alts[0][len(alts[0])-1]
				toks = append(toks, Token{Kind: NounPhrase, Text: head.Text, Sub: alts[0]})
			} else {
				for _, a := range alts {
					if len(a) == 0 {
						t.msg = "empty alternative in { | }"
						return toks, lead
					}
				}
				toks = append(toks, Token{Kind: Choice, Alts: alts})
			}
		default:
			j := t.i
			for j < len(t.s) && !strings.ContainsRune(" \t_(){}|", rune(t.s[j])) {
				j++
			}
			toks = append(toks, wordToken(t.s[t.i:j]))
			t.i = j
		}
	}
	return toks, lead
}

func wordToken(w string) Token {
	if len(w) == 1 {
		switch w[0] {
		case '$':
			return Token{Kind: Source, Text: w}
		case '+':
			return Token{Kind: Target, Text: w}
		case '%':
			return Token{Kind: Compound, Text: w}
		case '^':
			return Token{Kind: Skip, Text: w}
		case '@':
			return Token{Kind: Attrib, Text: w}
		}
	}
	if w[0] == '&' {
		return Token{Kind: SynsetRef, Text: upper(w)}
	}
	return Token{Kind: Word, Text: upper(w)}
}

// walkTokens calls f for every token, nested ones included.
func walkTokens(toks []Token, f func(Token)) {
	for _, t := range toks {
		f(t)
		walkTokens(t.Sub, f)
		for _, a := range t.Alts {
			walkTokens(a, f)
		}
	}
}

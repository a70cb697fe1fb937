package nlp

import (
	"unicode"
	"unicode/utf8"
)

// tokKind classifies a token for the sentence splitter and the tagger's
// input mapping.
type tokKind uint8

const (
	kWord         tokKind = iota // word, number, compound, URL
	kAbbrTitle                   // abbreviation that never ends a sentence: "Gen.", "Mr."
	kAbbr                        // abbreviation or initial that may end a sentence: "U.S.", "J."
	kPeriod                      // "."
	kQE                          // "?" or "!"
	kEllipsis                    // "..." or "…"
	kQuoteOpen                   // opening quotation mark
	kQuoteClose                  // closing quotation mark
	kApos                        // apostrophe right after a word: possessive or closing quote
	kBracketOpen                 // ( [ {
	kBracketClose                // ) ] }
	kDash                        // - -- – — ―
	kContraction                 // 's n't 're 'll 've 'm 'd
	kPunct                       // other punctuation and symbols
)

// tok is a token as a byte range of the text with its kind.
type tok struct {
	start, end int
	kind       tokKind
}

// isWordKind reports whether a token of kind k is a word to which a
// contraction or possessive may attach.
func isWordKind(k tokKind) bool { return k == kWord || k == kAbbr || k == kAbbrTitle }

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// isSpaceRune reports whether r separates tokens: Unicode white space plus
// the zero-width space, joiners and the byte-order mark.
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == 0x200B || r == 0x200C || r == 0x200D || r == 0x2060 || r == 0xFEFF
}

func isAlnumRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// runeAt decodes the rune at i, never reading at or past hi. At hi or
// beyond it returns (-1, 0).
func runeAt(s string, i, hi int) (rune, int) {
	if i >= hi {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:hi])
}

// alnumAt reports whether a letter, digit or mark starts at i.
func alnumAt(s string, i, hi int) bool {
	if i >= hi {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return isASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:hi])
	return isAlnumRune(r)
}

// alnumRun returns the end of the run of letters, digits and marks at i.
func alnumRun(s string, i, hi int) int {
	for i < hi {
		c := s[i]
		if c < utf8.RuneSelf {
			if !isASCIIAlnum(c) {
				return i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:hi])
		if !isAlnumRune(r) {
			return i
		}
		i += n
	}
	return i
}

// apostropheAt returns the byte length of an apostrophe (' or ’) at i, or 0.
func apostropheAt(s string, i, hi int) int {
	if i < hi && s[i] == '\'' {
		return 1
	}
	if i+3 <= hi && s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2] == 0x99 {
		return 3
	}
	return 0
}

// hyphenAt returns the byte length of a word-internal hyphen at i
// (-, U+2010 or U+2011), or 0.
func hyphenAt(s string, i, hi int) int {
	if i < hi && s[i] == '-' {
		return 1
	}
	if i+3 <= hi && s[i] == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0x90 || s[i+2] == 0x91) {
		return 3
	}
	return 0
}

// asciiLetters returns the end of the run of ASCII letters at i.
func asciiLetters(s string, i, hi int) int {
	for i < hi && isASCIILetter(s[i]) {
		i++
	}
	return i
}

// isContractionSuffix reports whether w is one of s m d ll re ve in any case.
func isContractionSuffix(w string) bool {
	switch len(w) {
	case 1:
		c := w[0] | 0x20
		return c == 's' || c == 'm' || c == 'd'
	case 2:
		a, b := w[0]|0x20, w[1]|0x20
		return a == 'l' && b == 'l' || a == 'r' && b == 'e' || a == 'v' && b == 'e'
	}
	return false
}

// contractionLen returns the length of a contraction ('s, ’ll, ...) that
// starts with an apostrophe at i and ends at a word boundary, or 0.
func contractionLen(s string, i, hi int) int {
	a := apostropheAt(s, i, hi)
	if a == 0 {
		return 0
	}
	e := asciiLetters(s, i+a, hi)
	if !isContractionSuffix(s[i+a:e]) || alnumAt(s, e, hi) {
		return 0
	}
	return e - i
}

// ntLen returns the length of "n't" (or "n’t") at i ending at a word
// boundary, or 0.
func ntLen(s string, i, hi int) int {
	if i >= hi || s[i]|0x20 != 'n' {
		return 0
	}
	a := apostropheAt(s, i+1, hi)
	if a == 0 {
		return 0
	}
	e := i + 1 + a
	if e >= hi || s[e]|0x20 != 't' || alnumAt(s, e+1, hi) {
		return 0
	}
	return e + 1 - i
}

// scanWord reads the word that starts at i: letters and digits joined by
// hyphens, decimal points, thousands separators, colons of times, slashes,
// ampersands, internal apostrophes and the dots of abbreviations. It stops
// before contractions ("do|n't", "Nice|'s") and returns the word's end and
// kind.
func scanWord(s string, i, hi int) (int, tokKind) {
	j := i
	for {
		j = alnumRun(s, j, hi)
		if j >= hi {
			return j, kWord
		}
		c := s[j]
		switch {
		case c == '.':
			if alnumAt(s, j+1, hi) {
				j++
				continue
			}
			kind, ok := abbrevKind(s, i, j, hi)
			if !ok {
				return j, kWord
			}
			j++
			if h := hyphenAt(s, j, hi); h > 0 && alnumAt(s, j+h, hi) {
				j += h // "U.S.-backed"
				continue
			}
			return j, kind
		case c == ',':
			if isDigit(s[j-1]) && j+4 <= hi && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
				(j+4 == hi || !isDigit(s[j+4])) {
				j++
				continue
			}
		case c == ':':
			if isDigit(s[j-1]) && j+1 < hi && isDigit(s[j+1]) {
				j++
				continue
			}
		case c == '/' || c == '@':
			if alnumAt(s, j+1, hi) {
				j++
				continue
			}
		case c == '&':
			if isASCIILetter(s[j-1]) && j+1 < hi && isASCIILetter(s[j+1]) {
				j++
				continue
			}
		}
		if h := hyphenAt(s, j, hi); h > 0 {
			if alnumAt(s, j+h, hi) {
				j += h
				continue
			}
			return j, kWord
		}
		if a := apostropheAt(s, j, hi); a > 0 {
			e := asciiLetters(s, j+a, hi)
			l := s[j+a : e]
			if !alnumAt(s, e, hi) {
				if isContractionSuffix(l) {
					return j, kWord // "Nice|'s"
				}
				if len(l) == 1 && l[0]|0x20 == 't' && s[j-1]|0x20 == 'n' && j-1 > i {
					return j - 1, kWord // "do|n't"
				}
			}
			if alnumAt(s, j+a, hi) {
				j += a // "O'Brien"
				continue
			}
		}
		return j, kWord
	}
}

// titleAbbrevs never end a sentence: they stand before a name or number.
var titleAbbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Messrs": true, "Mme": true, "Dr": true, "Gen": true,
	"Lt": true, "Col": true, "Sgt": true, "Capt": true, "Cpl": true, "Pvt": true, "Cmdr": true,
	"Brig": true, "Gov": true, "Sen": true, "Sens": true, "Rep": true, "Reps": true, "Rev": true,
	"Prof": true, "St": true, "Adm": true, "Maj": true, "Pres": true, "Supt": true, "Det": true,
	"Insp": true, "Amb": true, "Hon": true, "Fr": true, "Msgr": true, "Gens": true, "Mt": true,
	"Ft": true, "vs": true, "Vs": true, "v": true, "cf": true, "Nos": true, "nos": true,
}

// otherAbbrevs may end a sentence when a common sentence starter follows.
var otherAbbrevs = map[string]bool{
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true, "Aug": true,
	"Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"etc": true, "Inc": true, "Corp": true, "Ltd": true, "Co": true, "Jr": true, "Sr": true,
	"Bros": true, "Dept": true, "Univ": true, "Ave": true, "Blvd": true, "Rd": true, "approx": true,
	"est": true, "al": true, "Ph.D": true, "Mass": true, "Calif": true, "Ariz": true, "Ark": true,
	"Colo": true, "Conn": true, "Fla": true, "Ill": true, "Kan": true, "Ky": true, "Md": true,
	"Mich": true, "Minn": true, "Okla": true, "Ore": true, "Pa": true, "Tenn": true, "Tex": true,
	"Va": true, "Vt": true, "Wis": true, "Wyo": true, "Nev": true, "Neb": true, "Ala": true,
	"Gov't": true, "Intl": true, "Bhd": true, "Plc": true, "Pty": true,
}

// abbrevKind decides whether the period at j belongs to the word s[i:j].
func abbrevKind(s string, i, j, hi int) (tokKind, bool) {
	w := s[i:j]
	if titleAbbrevs[w] {
		return kAbbrTitle, true
	}
	if w == "No" || w == "no" {
		// "No. 10": only before a number.
		k := j + 1
		for k < hi && s[k] == ' ' {
			k++
		}
		if k < hi && isDigit(s[k]) {
			return kAbbrTitle, true
		}
		return kWord, false
	}
	if otherAbbrevs[w] {
		return kAbbr, true
	}
	if isInitialism(w) {
		return kAbbr, true
	}
	return kWord, false
}

// isInitialism reports whether w is a single capital letter ("J") or single
// letters joined by dots ("U.S", "a.m", "J.R.R").
func isInitialism(w string) bool {
	dots := 0
	k := 0
	for k < len(w) {
		r, n := utf8.DecodeRuneInString(w[k:])
		if !unicode.IsLetter(r) {
			return false
		}
		k += n
		if k == len(w) {
			break
		}
		if w[k] != '.' {
			return false
		}
		dots++
		k++
	}
	if dots == 0 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return k == len(w)
}

// quoteKindAt classifies a straight quotation mark at i by its neighbours:
// opening after space, an opening bracket or the start of the text and
// before a non-space; closing otherwise.
func quoteKindAt(s string, lo, i, end, hi int) tokKind {
	before := byte(' ')
	if i > lo {
		before = s[i-1]
	}
	open := isASCIISpace(before) || before == '(' || before == '[' || before == '{' || before == '-' ||
		before >= utf8.RuneSelf && prevIsSpaceOrOpen(s, lo, i)
	if !open {
		return kQuoteClose
	}
	if end >= hi {
		return kQuoteClose
	}
	r, _ := runeAt(s, end, hi)
	if r < utf8.RuneSelf && isASCIISpace(byte(r)) || r >= utf8.RuneSelf && isSpaceRune(r) {
		return kQuoteClose
	}
	return kQuoteOpen
}

func prevIsSpaceOrOpen(s string, lo, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[lo:i])
	switch r {
	case '“', '‘', '«', '‹', '—', '–':
		return true
	}
	return isSpaceRune(r)
}

// tokenize appends the tokens of s[lo:hi] to out.
func tokenize(s string, lo, hi int, out []tok) []tok {
	i := lo
	for i < hi {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case isASCIISpace(c):
				i++
				continue
			case isASCIIAlnum(c):
				if (c == 'n' || c == 'N') && adjacentWord(out, i) {
					if n := ntLen(s, i, hi); n > 0 {
						out = append(out, tok{i, i + n, kContraction})
						i += n
						continue
					}
				}
				j, kind := scanWord(s, i, hi)
				out = append(out, tok{i, j, kind})
				i = j
				continue
			}
			j := i + 1
			kind := kPunct
			switch c {
			case '.':
				for j < hi && s[j] == '.' {
					j++
				}
				if j-i >= 2 {
					kind = kEllipsis
				} else {
					kind = kPeriod
				}
			case '?', '!':
				kind = kQE
			case '-':
				for j < hi && s[j] == '-' {
					j++
				}
				kind = kDash
			case '(', '[', '{':
				kind = kBracketOpen
			case ')', ']', '}':
				kind = kBracketClose
			case '`':
				if j < hi && s[j] == '`' {
					j++
				}
				kind = kQuoteOpen
			case '"':
				kind = quoteKindAt(s, lo, i, j, hi)
			case '\'':
				if adjacentWord(out, i) {
					if n := contractionLen(s, i, hi); n > 0 {
						out = append(out, tok{i, i + n, kContraction})
						i += n
						continue
					}
				}
				if j < hi && s[j] == '\'' {
					j++
					kind = kQuoteClose
					break
				}
				if !adjacentWord(out, i) && j < hi && isDigit(s[j]) {
					e, _ := scanWord(s, j, hi) // "'90s"
					out = append(out, tok{i, e, kWord})
					i = e
					continue
				}
				if adjacentWord(out, i) && !alnumAt(s, j, hi) {
					kind = kApos
				} else {
					kind = quoteKindAt(s, lo, i, j, hi)
				}
			case '@', '#':
				if j < hi && isASCIILetter(s[j]) {
					e, _ := scanWord(s, j, hi)
					out = append(out, tok{i, e, kWord})
					i = e
					continue
				}
			}
			out = append(out, tok{i, j, kind})
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:hi])
		if r == utf8.RuneError && n <= 1 {
			out = append(out, tok{i, i + 1, kPunct})
			i++
			continue
		}
		if isSpaceRune(r) {
			i += n
			continue
		}
		if isAlnumRune(r) {
			j, kind := scanWord(s, i, hi)
			out = append(out, tok{i, j, kind})
			i = j
			continue
		}
		kind := kPunct
		switch r {
		case '…':
			kind = kEllipsis
		case '—', '–', '―', '‒', '‐', '‑':
			kind = kDash
		case '“', '‘', '„', '‚', '«', '‹':
			kind = kQuoteOpen
		case '”', '»', '›':
			kind = kQuoteClose
		case '’':
			if adjacentWord(out, i) {
				if m := contractionLen(s, i, hi); m > 0 {
					out = append(out, tok{i, i + m, kContraction})
					i += m
					continue
				}
				if !alnumAt(s, i+n, hi) {
					kind = kApos
					break
				}
			}
			if i+n < hi && isDigit(s[i+n]) && !adjacentWord(out, i) {
				e, _ := scanWord(s, i+n, hi) // "’90s"
				out = append(out, tok{i, e, kWord})
				i = e
				continue
			}
			if quoteKindAt(s, lo, i, i+n, hi) == kQuoteOpen {
				kind = kQuoteOpen
			} else {
				kind = kQuoteClose
			}
		case '？', '！':
			kind = kQE
		case '（', '［':
			kind = kBracketOpen
		case '）', '］':
			kind = kBracketClose
		}
		out = append(out, tok{i, i + n, kind})
		i += n
	}
	return out
}

// adjacentWord reports whether the last token is a word ending exactly at i.
func adjacentWord(out []tok, i int) bool {
	if len(out) == 0 {
		return false
	}
	t := out[len(out)-1]
	return t.end == i && isWordKind(t.kind)
}

package nlp

import (
	"unicode"
	"unicode/utf8"
)

// sentenceStarters are capitalised words that commonly open a sentence.
// After an abbreviation that may end a sentence ("U.S.", "Inc.", "a.m."),
// the sentence is split only when one of these follows, so that "U.S. Army"
// stays whole while "... on the U.S. The ministry said" splits.
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true,
	"We": true, "I": true, "You": true, "This": true, "That": true, "These": true, "Those": true,
	"There": true, "Their": true, "His": true, "Her": true, "Its": true, "Our": true, "My": true,
	"Your": true, "But": true, "And": true, "Or": true, "So": true, "Yet": true, "However": true,
	"Meanwhile": true, "Moreover": true, "In": true, "On": true, "At": true, "As": true,
	"After": true, "Before": true, "When": true, "While": true, "If": true, "Although": true,
	"Though": true, "Since": true, "Because": true, "During": true, "Earlier": true, "Later": true,
	"Last": true, "Next": true, "Today": true, "Yesterday": true, "Officials": true,
	"Authorities": true, "Police": true, "Some": true, "Many": true, "Most": true, "Several": true,
	"Both": true, "Each": true, "No": true, "Other": true, "What": true, "Who": true, "Why": true,
	"How": true, "Where": true, "Which": true, "Then": true, "Now": true, "Still": true,
	"Also": true, "According": true, "Under": true, "Despite": true, "Instead": true,
	"For": true, "From": true, "With": true, "By": true, "To": true, "Over": true, "Among": true,
	"Such": true, "Even": true, "Only": true, "All": true, "Another": true, "Thus": true,
	"Nevertheless": true, "Separately": true, "Asked": true, "Neither": true, "Nor": true,
}

// splitBlock appends to bounds the end index (exclusive, in toks) of each
// sentence of one block's tokens. The last bound is always len(toks).
func splitBlock(s string, toks []tok, bounds []int) []int {
	n := len(toks)
	for k := 0; k < n; k++ {
		t := toks[k]
		switch t.kind {
		case kPeriod, kQE, kEllipsis, kAbbr:
		default:
			if k+1 < n && toks[k+1].start-t.end > 1 && blankLine(s[t.end:toks[k+1].start]) {
				bounds = append(bounds, k+1)
			}
			continue
		}
		// Take further terminators ("?!", "!!") and closing quotes and
		// brackets that touch the terminator into this sentence.
		m := k + 1
		for m < n && toks[m].start == toks[m-1].end && (toks[m].kind == kPeriod || toks[m].kind == kQE) {
			m++
		}
		closed := false
		for m < n && toks[m].start == toks[m-1].end &&
			(toks[m].kind == kQuoteClose || toks[m].kind == kApos || toks[m].kind == kBracketClose) {
			m++
			closed = true
		}
		if m >= n {
			break
		}
		kind := t.kind
		if kind == kAbbr && closed {
			kind = kPeriod // "... in the U.S.” The"
		}
		if startsSentence(s, kind, toks[m:]) || toks[m].start-toks[m-1].end > 1 && blankLine(s[toks[m-1].end:toks[m].start]) {
			bounds = append(bounds, m)
		}
		k = m - 1
	}
	if n > 0 && (len(bounds) == 0 || bounds[len(bounds)-1] != n) {
		bounds = append(bounds, n)
	}
	return bounds
}

// blankLine reports whether the gap between two tokens holds an empty line.
func blankLine(gap string) bool {
	nl := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n':
			nl++
			if nl >= 2 {
				return true
			}
		case ' ', '\t', '\r':
		default:
			if gap[i] < utf8.RuneSelf {
				nl = 0
			}
		}
	}
	return false
}

// startsSentence decides whether the tokens next, which follow a
// terminator of the given kind, open a new sentence.
func startsSentence(s string, kind tokKind, next []tok) bool {
	t := next[0]
	w := s[t.start:t.end]
	switch kind {
	case kAbbr:
		return t.kind == kWord && sentenceStarters[w]
	case kEllipsis:
		if t.kind == kQuoteOpen || t.kind == kBracketOpen {
			if len(next) < 2 {
				return false
			}
			t = next[1]
			w = s[t.start:t.end]
		}
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	switch t.kind {
	case kPeriod, kQE, kBracketClose, kQuoteClose, kApos, kContraction, kEllipsis:
		return false
	case kPunct:
		switch w {
		case ",", ";", ":", "%":
			return false
		}
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return !unicode.IsLower(r)
}

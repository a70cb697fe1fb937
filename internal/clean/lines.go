package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/news"
)

// unit is one line or block of text while the cleaner lays it out.
type unit struct {
	text        string
	blankBefore bool           // a blank line or a block boundary precedes it
	fixed       bool           // a whole block already (title, HTML block): never joined
	title       bool           // the article's given or page title
	dup         bool           // a doubled or truncated copy of it was removed
	hint        news.BlockKind // the kind the HTML extractor gave it, if any
}

// splitLines turns normalised text into units, one per non-blank line,
// remembering which lines follow a blank line.
func splitLines(s string, out []unit) []unit {
	if out == nil {
		out = make([]unit, 0, strings.Count(s, "\n")/2+1)
	}
	blank := true
	for len(s) > 0 {
		var ln string
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			ln, s = s[:i], s[i+1:]
		} else {
			ln, s = s, ""
		}
		if ln == "" {
			blank = true
			continue
		}
		out = append(out, unit{text: ln, blankBefore: blank})
		blank = false
	}
	return out
}

// dedupStats counts the lines dedup removed.
type dedupStats struct {
	repeated  int  // identical to the previous line
	truncated int  // a truncated copy of the next line
	titleCut  bool // the title was a truncated copy of the first line
}

// dedup removes a line identical to the previous one, and a line that is a
// truncated copy of the next one (a scraper's cut-off caption). The line
// kept is marked dup. It works in place and returns the shortened slice.
func dedup(us []unit, st *dedupStats) []unit {
	out := us[:0]
outer:
	for _, u := range us {
		for len(out) > 0 {
			top := &out[len(out)-1]
			if top.text == u.text {
				if !top.title {
					top.dup = true
					st.repeated++
				}
				continue outer
			}
			if !truncatedCopy(*top, u) {
				break
			}
			if top.title {
				st.titleCut = true
			} else {
				u.dup = true
				st.truncated++
			}
			u.blankBefore = top.blankBefore
			out = out[:len(out)-1]
		}
		out = append(out, u)
	}
	return out
}

// truncatedCopy reports whether line a is a cut-off copy of line b that
// follows it: a strict prefix of at least 15 characters not ending a sentence,
// either on the very next line or cut in the middle of a word.
func truncatedCopy(a, b unit) bool {
	if len(a.text) >= len(b.text) || !strings.HasPrefix(b.text, a.text) {
		return false
	}
	if utf8.RuneCountInString(a.text) < 15 || endsSentence(a.text) {
		return false
	}
	if !b.blankBefore && !a.fixed && !b.fixed {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(a.text)
	next, _ := utf8.DecodeRuneInString(b.text[len(a.text):])
	return isWordRune(last) && isWordRune(next)
}

// isWordRune reports whether r is a letter or a digit.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// joinLines makes paragraphs of lines: lines of hard-wrapped text are joined
// with a space, lines of scraped text (one paragraph a line) stay blocks of
// their own. Only lines not separated by a blank line are ever joined.
func joinLines(us []unit) []unit {
	out := make([]unit, 0, len(us))
	for i := 0; i < len(us); {
		if standalone(us[i]) {
			out = append(out, us[i])
			i++
			continue
		}
		j := i + 1
		for j < len(us) && !us[j].blankBefore && !standalone(us[j]) {
			j++
		}
		out = appendRun(out, us[i:j])
		i = j
	}
	return out
}

// standalone reports whether a line is never joined with its neighbours:
// titles, HTML blocks, duplicated lines, captions and boilerplate markers.
func standalone(u unit) bool {
	return u.fixed || u.title || u.dup || u.hint != "" || captionSignal(u.text) || boilerplateMarker(u.text) != ""
}

// appendRun appends the paragraphs of a run of consecutive lines.
func appendRun(out []unit, run []unit) []unit {
	if len(run) == 1 {
		return append(out, run[0])
	}
	wrapped, width := hardWrapped(run)
	var sb strings.Builder
	cur := run[0]
	sb.WriteString(cur.text)
	joined := false
	flush := func() {
		if joined {
			cur.text = sb.String()
		}
		out = append(out, cur)
	}
	for k := 1; k < len(run); k++ {
		if joinPair(run[k-1].text, run[k].text, wrapped, width) {
			sb.WriteByte(' ')
			sb.WriteString(run[k].text)
			joined = true
			continue
		}
		flush()
		cur = run[k]
		sb.Reset()
		sb.WriteString(cur.text)
		joined = false
	}
	flush()
	return out
}

// hardWrapped decides whether a run of consecutive lines is hard-wrapped
// prose, and returns its wrap width in runes. In hard-wrapped text every line
// that does not end a sentence is full: the next line's first word would not
// have fitted on it. Lines are under about 110 characters, and the words are
// mostly lower-case (a list of Title Case headlines can look full too).
func hardWrapped(run []unit) (bool, int) {
	n := len(run)
	width := 0
	for _, u := range run {
		width = max(width, utf8.RuneCountInString(u.text))
	}
	if width < 30 || width > 110 {
		return false, width
	}
	full, short, lower := 0, 0, 0
	for k := 0; k < n-1; k++ {
		a, b := run[k].text, run[k+1].text
		if startsLower(b) {
			lower++
		}
		if endsSentence(a) {
			continue
		}
		if fullLine(a, b, width) {
			full++
		} else {
			short++
		}
	}
	if full == 0 || short*5 > full {
		return false, width
	}
	if lower > 0 {
		return true, width
	}
	if n == 2 && headingLike(run[0].text) {
		return false, width
	}
	capital, words := 0, 0
	for _, u := range run {
		for w := range strings.SplitSeq(u.text, " ") {
			words++
			if startsUpper(w) {
				capital++
			}
		}
	}
	return capital*2 < words, width
}

// fullLine reports whether the first word of line b would not have fitted
// on line a within width runes.
func fullLine(a, b string, width int) bool {
	next := b
	if i := strings.IndexByte(b, ' '); i >= 0 {
		next = b[:i]
	}
	return utf8.RuneCountInString(a)+1+utf8.RuneCountInString(next) > width
}

// joinPair decides whether line b continues the paragraph of line a.
func joinPair(a, b string, wrapped bool, width int) bool {
	if !wrapped {
		// Scraped text: only a sentence plainly broken mid-way is rejoined.
		return !endsClause(a) && startsLower(b)
	}
	// A full line goes on into the next; a shorter one ends its paragraph,
	// or is a heading.
	if fullLine(a, b, width) {
		return true
	}
	return !endsClause(a) && !(headingLike(a) && !startsLower(b))
}

// endsSentence reports whether s ends with sentence-final punctuation,
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	switch lastMeaningful(s) {
	case '.', '!', '?', '…':
		return true
	}
	return false
}

// endsClause reports whether s ends with sentence-final punctuation or a
// colon or semicolon.
func endsClause(s string) bool {
	switch lastMeaningful(s) {
	case '.', '!', '?', '…', ':', ';':
		return true
	}
	return false
}

// lastMeaningful returns the last rune of s that is not a closing quote or
// bracket, or 0.
func lastMeaningful(s string) rune {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', ')', ']', '”', '’', '»', '›':
			s = s[:len(s)-n]
			continue
		}
		return r
	}
	return 0
}

// startsLower reports whether s starts with a lower-case letter, after any
// opening quotes or brackets.
func startsLower(s string) bool {
	if s != "" && (s[0] == '"' || s[0] == '\'' || s[0] == '(' || s[0] == '[' || s[0] == 0xE2) {
		s = strings.TrimLeft(s, "\"'([“‘")
	}
	r, _ := utf8.DecodeRuneInString(s)
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

// startsUpper reports whether s starts with an upper-case letter.
func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// wordCount counts the space-separated words of normalised text.
func wordCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

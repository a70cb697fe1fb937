package htmldoc

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
)

// rxEntity matches an HTML character reference left in text that was escaped
// twice at the source ("&amp;amp;", "&amp;#8217;").
var rxEntity = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)

// cleanText turns raw text from the DOM into one line: leftover character
// references decoded, control and invisible format characters removed,
// whitespace (including line breaks and no-break spaces) collapsed to single
// spaces, invalid UTF-8 replaced.
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = rxEntity.ReplaceAllStringFunc(s, func(ref string) string {
			if u := html.UnescapeString(ref); utf8.RuneCountInString(u) <= 2 {
				return u
			}
			return ref // "&notanentity;" is text, not "&not" and more
		})
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u00AD', r == '\u200B', r == '\u2060', r == '\uFEFF':
			return -1 // soft hyphen, zero-width space, word joiner, BOM
		case r == '\t', r == '\n', r == '\v', r == '\f', r == '\r':
			return ' '
		case r < 0x20, r == 0x7F, r >= 0x80 && r < 0xA0:
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// normKey reduces a text to lower-case letters and digits for loose
// comparison of headings with the title.
func normKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 0x7F && !isSpaceOrPunct(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isSpaceOrPunct(r rune) bool {
	switch r {
	case '\u00A0', '\u2013', '\u2014', '\u2018', '\u2019', '\u201C', '\u201D', '\u2026', '\u00AB', '\u00BB', '\u2022', '\u00B7':
		return true
	}
	return false
}

// sameText reports whether a heading repeats the title, allowing small
// differences in punctuation, case and a short prefix or suffix.
func sameText(heading, title string) bool {
	h, t := normKey(heading), normKey(title)
	if h == "" || t == "" {
		return false
	}
	if h == t {
		return true
	}
	short, long := h, t
	if len(short) > len(long) {
		short, long = long, short
	}
	return strings.Contains(long, short) && len(short)*4 >= len(long)*3
}

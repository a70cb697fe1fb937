package clean

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// marker is a line that opens a page's trailing boilerplate.
type marker struct {
	text   string // how the line starts (compared ignoring case)
	max    int    // the longest line, in runes, that can be this marker
	inline bool   // a link line that may also sit inside an article's body
	whole  bool   // the line is the marker alone, give or take punctuation and a count
	link   bool   // a "Read more" link: the marker ends the line or a link tail follows
}

// linkTails may follow "Read more" and the like in a link line.
var linkTails = []string{
	":", " :", "»", " »", ">", " >", "›", " ›", "…", "...", " -", " –", " —", " |",
	" about ", " here", " at ", " on ", " from ", " stories", " news", " articles", " in ",
}

// hasAnyPrefix reports whether s starts with one of ps.
func hasAnyPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// markers open the furniture after an article: comment forms, related
// links, sharing buttons, newsletter offers, copyright notices.
var markers = []marker{
	{text: "Leave a Reply", max: 80},
	{text: "Leave a Comment", max: 80},
	{text: "Related articles", max: 120},
	{text: "Related stories", max: 120},
	{text: "Related posts", max: 120},
	{text: "Related content", max: 120},
	{text: "Related coverage", max: 200, inline: true},
	{text: "Related news", max: 120},
	{text: "Related:", max: 250, inline: true},
	{text: "Related", max: 12, whole: true},
	{text: "Read more", max: 250, inline: true, link: true},
	{text: "Read also", max: 250, inline: true, link: true},
	{text: "Also read", max: 250, inline: true, link: true},
	{text: "Share this", max: 80},
	{text: "Share on Facebook", max: 120},
	{text: "Share on Twitter", max: 120},
	{text: "Share on X", max: 120},
	{text: "Share via", max: 80},
	{text: "Click here", max: 250, inline: true},
	{text: "Loading...", max: 20, whole: true},
	{text: "Loading…", max: 20, whole: true},
	{text: "Loading", max: 10, whole: true},
	{text: "Sign up for our", max: 250, inline: true},
	{text: "Sign up for the", max: 250, inline: true},
	{text: "Sign up to", max: 250, inline: true},
	{text: "Subscribe", max: 200, inline: true},
	{text: "Follow us on", max: 200},
	{text: "Copyright ©", max: 400},
	{text: "Copyright (c)", max: 400},
	{text: "©", max: 400},
	{text: "Comments", max: 40, whole: true},
	{text: "Join the conversation", max: 80},
	{text: "You may also like", max: 80, whole: true},
	{text: "You might also like", max: 80, whole: true},
	{text: "More from", max: 80},
	{text: "Most read", max: 40, whole: true},
	{text: "Most popular", max: 40, whole: true},
	{text: "Recommended for you", max: 60, whole: true},
	{text: "Tags:", max: 300},
	{text: "Filed under", max: 300},
	// Wire credit lines end a report: "Reporting by …; Editing by …".
	{text: "Reporting by", max: 300},
	{text: "(Reporting by", max: 300},
	{text: "Additional reporting by", max: 300},
	{text: "(Additional reporting by", max: 300},
	{text: "Writing by", max: 300},
	{text: "Editing by", max: 300},
	{text: "Compiled by", max: 300},
}

// markersByByte holds the markers by their first byte, lower-cased, so that
// a line is compared only with the markers it could start with.
var markersByByte = indexMarkers(markers)

// indexMarkers groups markers by their first byte, lower-cased.
func indexMarkers(ms []marker) [256][]marker {
	var idx [256][]marker
	for _, m := range ms {
		c := lowerASCII(m.text[0])
		idx[c] = append(idx[c], m)
	}
	return idx
}

// boilerplateMarker returns the marker a line opens with ("Related
// articles", "Share this"), or "" when the line is not boilerplate. Only
// lines that start with a marker, and are short, count: a marker word inside
// a sentence never does.
func boilerplateMarker(s string) string {
	m, ok := findMarker(s)
	if !ok {
		return ""
	}
	return m.text
}

// findMarker is boilerplateMarker returning the whole marker.
func findMarker(s string) (marker, bool) {
	if len(s) == 0 || len(s) > 1600 {
		return marker{}, false
	}
	if '0' <= s[0] && s[0] <= '9' && isCommentCount(s) {
		return marker{text: "Comments", max: 40, whole: true}, true
	}
	n := -1
	for _, m := range markersByByte[lowerASCII(s[0])] {
		if len(s) < len(m.text) || !strings.EqualFold(s[:len(m.text)], m.text) {
			continue
		}
		if rest := s[len(m.text):]; rest != "" && isWordByte(rest[0]) && isWordByte(m.text[len(m.text)-1]) {
			continue // "Subscribers", "Commentators"
		}
		if n < 0 {
			n = utf8.RuneCountInString(s)
		}
		rest := s[len(m.text):]
		if n > m.max || (m.whole && strings.Trim(rest, " .:…()0123456789") != "") {
			continue
		}
		if m.link && rest != "" && !hasAnyPrefix(rest, linkTails) {
			continue // "Read more carefully, the statement ..."
		}
		return m, true
	}
	if len(s) <= 300 && rightsReserved(s) {
		return marker{text: "All rights reserved", max: 300}, true
	}
	if s[0] == 'C' && strings.HasPrefix(s, "Copyright ") && len(s) >= 14 && utf8.RuneCountInString(s) <= 400 {
		if y := s[10:14]; (strings.HasPrefix(y, "19") || strings.HasPrefix(y, "20")) && isDigits(y) {
			return marker{text: "Copyright", max: 400}, true
		}
	}
	return marker{}, false
}

// rightsReserved reports whether s ends with the sentence "All rights
// reserved." of a copyright notice.
func rightsReserved(s string) bool {
	t := strings.TrimSuffix(s, ".")
	if len(t) < 19 || lowerASCII(t[len(t)-1]) != 'd' {
		return false
	}
	p := t[len(t)-19:]
	if p != "All rights reserved" && p != "All Rights Reserved" && p != "ALL RIGHTS RESERVED" {
		return false
	}
	before := t[:len(t)-19]
	return before == "" || strings.HasSuffix(before, ". ")
}

// isCommentCount reports whether s is a comment counter ("12 Comments").
func isCommentCount(s string) bool {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	rest := s[i:]
	return strings.EqualFold(rest, " comments") || strings.EqualFold(rest, " comment")
}

// lowerASCII lower-cases an ASCII letter and leaves other bytes alone.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// isDigits reports whether s is all ASCII digits.
func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isAdvert reports whether a line is an isolated advertisement label.
func isAdvert(s string) bool {
	if len(s) > 60 {
		return false
	}
	switch lowerASCII(s[0]) {
	case 'a', 's', 'c', '-', '*', '|', ':', '[', '(', 0xE2, 0xC2:
	default:
		return false
	}
	core := strings.Trim(s, " -–—*·|:[]()")
	switch {
	case strings.EqualFold(core, "advertisement"), strings.EqualFold(core, "advertisements"),
		strings.EqualFold(core, "sponsored"), strings.EqualFold(core, "ad"):
		return true
	case strings.EqualFold(core, "story continues below advertisement"),
		strings.EqualFold(core, "article continues below advertisement"),
		strings.EqualFold(core, "continue reading below"),
		strings.EqualFold(core, "advertisement - scroll to continue"),
		strings.EqualFold(core, "scroll to continue with content"):
		return true
	}
	return false
}

// dropAdverts removes advertisement labels, counting them.
func dropAdverts(us []unit, n *int) []unit {
	out := us[:0]
	for _, u := range us {
		if u.hint == "" && isAdvert(u.text) {
			*n++
			continue
		}
		out = append(out, u)
	}
	return out
}

// dropBoilerplate removes the trailing boilerplate of an article: from the
// first marker line to the end. A link line ("Read more: ...") followed by
// at least two full paragraphs sits inside the body, and only that line goes.
// The first block is never removed. It returns the blocks kept and warnings
// saying what it removed. Its result holds no marker line after the first
// block, so running it again changes nothing.
func dropBoilerplate(us []unit) ([]unit, []string) {
	var warns []string
	if len(us) == 0 {
		return us, nil
	}
	out := us[:1]
	inline, first := 0, ""
	for k := 1; k < len(us); k++ {
		m, ok := findMarker(us[k].text)
		if !ok {
			out = append(out, us[k])
			continue
		}
		if m.inline && bodyFollows(us[k+1:]) {
			if inline == 0 {
				first = us[k].text
			}
			inline++
			continue
		}
		n := len(us) - k
		warns = append(warns, fmt.Sprintf("dropped %d trailing boilerplate %s starting at %q", n, plural(n, "block", "blocks"), clip(us[k].text, 60)))
		break
	}
	if inline > 0 {
		w := fmt.Sprintf("dropped link line %q inside the article", clip(first, 60))
		if inline > 1 {
			w = fmt.Sprintf("dropped %d link lines inside the article, the first %q", inline, clip(first, 60))
		}
		warns = append([]string{w}, warns...)
	}
	return out, warns
}

// bodyFollows reports whether at least two full article paragraphs (long,
// ending a sentence, not boilerplate) come before the next marker.
func bodyFollows(us []unit) bool {
	n := 0
	for _, u := range us {
		if _, ok := findMarker(u.text); ok {
			break
		}
		if len(u.text) >= 150 && endsSentence(u.text) && !captionSignal(u.text) {
			n++
			if n >= 2 {
				return true
			}
		}
	}
	return false
}

// clip shortens s to at most n runes, marking the cut with "…".
func clip(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k] + "…"
		}
		i++
	}
	return s
}

// plural picks the singular or plural form for n.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

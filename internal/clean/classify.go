package clean

import (
	"strings"
	"unicode/utf8"
)

// captionPrefixes open a photo caption.
var captionPrefixes = []string{
	"FILE -", "FILE-", "FILE –", "FILE —", "FILE PHOTO", "FILE:", "File photo:", "File Photo:",
	"PHOTO:", "PHOTO -", "Photo:", "IMAGE:", "Image:", "Pictured:", "In this photo",
	"In this file photo", "In this image", "This photo", "This image",
}

// Photo credits and agency picture bylines found inside a caption, grouped
// by a string each holds, so that most lines are rejected with few scans.
var (
	slashCredits = []string{"AP Photo/", "REUTERS/", "Reuters/", "AFP/", "/AFP", "EPA/", "EPA-EFE/", "Xinhua/", "Sputnik/"}
	colonCredits = []string{"Photo: ", "Photograph: ", "Image: ", "Credit: "}
	photoCredits = []string{"(AP Photo", "AFP PHOTO", "AFP Photo", "Photo by ", "Photo credit"}
)

// captionEndings are agency credits that close a caption.
var captionEndings = []string{"(Reuters)", "(AP)", "(AFP)", "(EPA)", "(Xinhua)", "(Getty Images)"}

// maxCaptionBytes bounds a caption found by a credit or marker inside it, so
// that a long paragraph mentioning an agency is not taken for one.
const maxCaptionBytes = 700

// captionSignal reports whether s carries a sure sign of a photo caption: a
// "FILE -" or "PHOTO:" opening, a position marker such as "(L)" or
// "(2nd R)", or a photo credit.
func captionSignal(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if c == 'F' || c == 'P' || c == 'I' || c == 'T' {
		for _, p := range captionPrefixes {
			if strings.HasPrefix(s, p) {
				return true
			}
		}
	}
	if len(s) > maxCaptionBytes {
		return false
	}
	if strings.IndexByte(s, '(') >= 0 && hasPositionMarker(s) {
		return true
	}
	if strings.IndexByte(s, '/') >= 0 && containsAny(s, slashCredits) {
		return true
	}
	if strings.IndexByte(s, ':') >= 0 && containsAny(s, colonCredits) {
		return true
	}
	if strings.Contains(s, "Photo") || strings.Contains(s, "PHOTO") {
		if containsAny(s, photoCredits) {
			return true
		}
	}
	if strings.Contains(s, "Getty Images") {
		return true
	}
	t := strings.TrimRight(s, ". ")
	if strings.HasSuffix(t, ")") {
		for _, p := range captionEndings {
			if strings.HasSuffix(t, p) {
				return true
			}
		}
	}
	return false
}

// containsAny reports whether s contains one of subs.
func containsAny(s string, subs []string) bool {
	for _, p := range subs {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// positionWords are the parenthesised position markers of photo captions,
// lower-cased ("(L)", "(left)", "(2nd R)", "(L-R)").
var positionWords = map[string]bool{
	"left": true, "right": true, "center": true, "centre": true, "front": true, "back": true,
	"rear": true, "top": true, "bottom": true, "l-r": true, "r-l": true, "from l": true,
	"from r": true, "from left": true, "from right": true, "left to right": true,
	"l to r": true, "front row": true, "back row": true, "seated": true, "standing": true,
}

// hasPositionMarker reports whether s holds a caption position marker.
func hasPositionMarker(s string) bool {
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			return false
		}
		s = s[i+1:]
		j := strings.IndexByte(s, ')')
		if j < 0 {
			return false
		}
		if j <= 16 && isPosition(s[:j]) {
			return true
		}
	}
}

// isPosition reports whether the inside of a parenthesis is a position marker.
func isPosition(in string) bool {
	switch in {
	case "L", "R", "C", "CL", "CR":
		return true
	case "":
		return false
	}
	if len(in) < 3 {
		return false
	}
	low := strings.ToLower(in)
	if positionWords[low] {
		return true
	}
	sp := strings.IndexAny(low, " -")
	if sp < 0 {
		return false
	}
	first, side := low[:sp], low[sp+1:]
	switch side {
	case "l", "r", "c", "left", "right", "center", "centre":
	default:
		return false
	}
	switch first {
	case "1st", "2nd", "3rd", "4th", "5th", "6th", "second", "third", "fourth", "top", "bottom", "front", "back", "rear":
		return true
	}
	return false
}

// captionVerbs are present-tense verbs that describe what a photo shows.
var captionVerbs = []string{
	"observe", "observes", "shake hands", "shakes hands", "is seen", "are seen", "speaks",
	"talks", "attends", "attend", "arrives", "arrive", "gestures", "gesture", "looks on",
	"look on", "poses", "pose", "walks", "walk", "waves", "wave", "holds", "hold", "sits",
	"sit", "stands", "stand", "listens", "listen", "delivers", "greets", "greet", "meets",
	"meet", "reacts", "react", "pictured", "gather", "gathers", "march", "marches",
	"protest", "protests", "pray", "prays", "mourn", "mourns", "chant", "chants", "wait",
	"waits", "rally", "rallies", "inspects", "inspect", "visits", "smiles", "smile",
	"addresses", "leaves", "enters", "fly", "flies", "ride", "rides", "carry", "carries",
	"casts", "watch", "watches", "takes part", "take part", "kneel", "kneels", "hug",
	"hugs", "embrace", "embraces", "salute", "salutes", "patrol", "patrols", "celebrate",
	"celebrates", "displays", "signs", "lays", "pays respects", "pay respects", "is shown",
	"are shown", "stands guard", "burns", "burn",
}

// hasCaptionVerb reports whether s uses a caption's present-tense verb.
func hasCaptionVerb(s string) bool {
	for _, v := range captionVerbs {
		for rest := s; ; {
			i := strings.Index(rest, v)
			if i < 0 {
				break
			}
			end := i + len(v)
			if i > 0 && rest[i-1] == ' ' && (end == len(rest) || !isWordByte(rest[end])) {
				return true
			}
			rest = rest[end:]
		}
	}
	return false
}

// isWordByte reports whether c is an ASCII letter or digit, or part of a
// multi-byte rune (taken as a letter).
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= utf8.RuneSelf
}

// captionByDate reports whether s reads as a photo caption that ends with
// the date the picture was taken ("... shakes hands with ... in Damascus,
// June 18, 2016."): one sentence, the date set off by a comma (not "on June
// 18"), and a present-tense verb or an "in Place" right before the date.
func captionByDate(s string) bool {
	if len(s) > 500 || len(s) < 8 {
		return false
	}
	if c := strings.TrimRight(s, ". "); c == "" || c[len(c)-1] < '0' || c[len(c)-1] > '9' {
		return false // every date form ends with a digit
	}
	if utf8.RuneCountInString(s) > 350 {
		return false
	}
	start, ok := endingDate(s)
	if !ok || start < 2 || s[start-2:start] != ", " {
		return false
	}
	head := s[:start-2]
	if sentenceBreaks(head) > 0 {
		return false
	}
	if hasCaptionVerb(head) {
		return true
	}
	if w := lastWord(head); isWeekday(w) {
		return false
	}
	// "... in Damascus, June 18" or "... in Moscow, Russia, July 15".
	tail := head
	if len(tail) > 60 {
		tail = tail[len(tail)-60:]
	}
	i := strings.LastIndex(tail, " in ")
	return i >= 0 && startsUpper(tail[i+4:]) && !strings.Contains(tail[i+4:], " on ")
}

// sentenceBreaks counts likely sentence boundaries inside s: a period after
// a word of four or more letters, followed by a space and a capital.
func sentenceBreaks(s string) int {
	n := 0
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '.' || s[i+1] != ' ' || !startsUpper(s[i+2:]) {
			continue
		}
		j := i
		for j > 0 && s[j-1] != ' ' && s[j-1] != '.' {
			j--
		}
		if i-j >= 4 && (j == 0 || s[j-1] == ' ') {
			n++
		}
	}
	return n
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// headingLike reports whether s could be a section heading: a short line
// (at most 8 words, 70 characters) starting with a capital letter, with no
// sentence or clause punctuation at its end, not a byline, caption or
// publication-date line.
func headingLike(s string) bool {
	if len(s) > 280 || utf8.RuneCountInString(s) > 70 || wordCount(s) > 8 || !startsUpper(s) {
		return false
	}
	switch lastMeaningful(s) {
	case '.', '!', '?', '…', ':', ';', ',', '-', '–', '—':
		return false
	}
	return !strings.HasPrefix(s, "By ") && !isDateLine(s) && !captionSignal(s)
}

// headlineLike reports whether s could be an article's headline: at most 20
// words and 150 characters, starting with a capital letter or digit, not
// ending in a period, comma, colon or semicolon.
func headlineLike(s string) bool {
	if len(s) > 600 || utf8.RuneCountInString(s) > 150 || wordCount(s) > 20 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !startsUpper(s) && !('0' <= r && r <= '9') {
		return false
	}
	switch lastMeaningful(s) {
	case '.', '…', ':', ';', ',', '-', '–', '—':
		return false
	}
	return !strings.HasPrefix(s, "By ") && !isDateLine(s) && !captionSignal(s)
}

// dateLinePrefixes open a line that gives the article's publication time.
var dateLinePrefixes = []string{
	"Published", "PUBLISHED", "Updated", "UPDATED", "Posted", "POSTED", "Last updated",
	"Last Updated", "First published", "Last modified",
}

// isDateLine reports whether s is a "Published ..."/"Updated ..." line.
func isDateLine(s string) bool {
	if len(s) > 200 {
		return false
	}
	for _, p := range dateLinePrefixes {
		if strings.HasPrefix(s, p) && (len(s) == len(p) || !isWordByte(s[len(p)])) {
			return true
		}
	}
	return false
}

package clean

import (
	"strings"
	"time"

	"dyad/news"
)

// monthNames maps month names and their abbreviations, lower-cased, to months.
var monthNames = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// month reads a capitalised month name or abbreviation, with an optional
// period ("July", "Jul.", "JULY").
func month(w string) (time.Month, bool) {
	w = strings.TrimSuffix(w, ".")
	if len(w) < 3 || len(w) > 9 || w[0] < 'A' || w[0] > 'Z' {
		return 0, false
	}
	var buf [9]byte
	for i := 0; i < len(w); i++ {
		buf[i] = lowerASCII(w[i])
	}
	m, ok := monthNames[string(buf[:len(w)])]
	return m, ok
}

// weekdays are the day names, for recognising "Friday, July 15".
var weekdays = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
	"Saturday": true, "Sunday": true, "Mon": true, "Tue": true, "Tues": true, "Wed": true,
	"Thu": true, "Thurs": true, "Fri": true, "Sat": true, "Sun": true,
}

// isWeekday reports whether w is a day name, possibly with a trailing period
// or comma.
func isWeekday(w string) bool {
	return weekdays[strings.TrimRight(w, ".,")]
}

// day reads a day of the month, 1 to 31, with an optional ordinal suffix.
func day(w string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, suf) {
			w = w[:len(w)-2]
			break
		}
	}
	if len(w) == 0 || len(w) > 2 || !isDigits(w) {
		return 0, false
	}
	d := int(w[0] - '0')
	if len(w) == 2 {
		d = d*10 + int(w[1]-'0')
	}
	return d, d >= 1 && d <= 31
}

// year reads a four-digit year from 1900 to 2199.
func year(w string) (int, bool) {
	if len(w) != 4 || !isDigits(w) || (w[:2] != "19" && w[:2] != "20" && w[:2] != "21") {
		return 0, false
	}
	return int(w[0]-'0')*1000 + int(w[1]-'0')*100 + int(w[2]-'0')*10 + int(w[3]-'0'), true
}

// makeDate builds a calendar date, failing on impossible ones (February 30).
func makeDate(y int, m time.Month, d int) (time.Time, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d && t.Month() == m
}

// isoDate reads "2016-07-15" at the start of w.
func isoDate(w string) (time.Time, bool) {
	if len(w) < 10 || w[4] != '-' || w[7] != '-' || !isDigits(w[5:7]) || !isDigits(w[8:10]) {
		return time.Time{}, false
	}
	if len(w) > 10 && isWordByte(w[10]) && w[10] != 'T' {
		return time.Time{}, false
	}
	y, ok := year(w[:4])
	if !ok {
		return time.Time{}, false
	}
	m := int(w[5]-'0')*10 + int(w[6]-'0')
	d := int(w[8]-'0')*10 + int(w[9]-'0')
	if m < 1 || m > 12 {
		return time.Time{}, false
	}
	return makeDate(y, time.Month(m), d)
}

// trimWord strips the punctuation that may cling to a word of a date.
func trimWord(w string) string {
	return strings.Trim(w, ",;:()[]\"'“”‘’")
}

// fullDates returns every full calendar date written in s: "July 15, 2016",
// "Jul. 15 2016", "15 July 2016", "2016-07-15".
func fullDates(s string) []time.Time {
	var out []time.Time
	prev := ""
	for rest := s; rest != ""; {
		var w string
		w, rest = nextWord(rest)
		if w == "" {
			continue
		}
		if c := w[0]; (c < '0' || c > '9') && c != '(' && c != '"' && c != '\'' && c != '[' && c != 0xE2 {
			prev = w
			continue
		}
		tw := trimWord(w)
		if tw == "" || tw[0] < '0' || tw[0] > '9' {
			prev = w
			continue
		}
		if t, ok := isoDate(tw); ok {
			out = append(out, t)
		} else if d, ok := day(tw); ok {
			w1, rest1 := nextWord(rest)
			w2, _ := nextWord(rest1)
			if m, ok := month(trimWord(prev)); ok {
				// "July 15, 2016"
				if y, ok := year(strings.TrimRight(trimWord(w1), ".")); ok {
					if t, ok := makeDate(y, m, d); ok {
						out = append(out, t)
					}
				}
			} else if m, ok := month(trimWord(w1)); ok {
				// "15 July 2016"
				if y, ok := year(strings.TrimRight(trimWord(w2), ".")); ok {
					if t, ok := makeDate(y, m, d); ok {
						out = append(out, t)
					}
				}
			}
		}
		prev = w
	}
	return out
}

// nextWord splits the first space-separated word off s.
func nextWord(s string) (string, string) {
	s = strings.TrimLeft(s, " ")
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// endingDate finds a date that ends s ("June 18, 2016.", "18 June 2016",
// "June 18", "2016-06-18") and returns the byte offset where it starts.
func endingDate(s string) (int, bool) {
	t := strings.TrimRight(s, ". ")
	var ws []string
	var starts []int
	end := len(t)
	for k := 0; k < 3 && end > 0; k++ {
		i := strings.LastIndexByte(t[:end], ' ')
		ws = append([]string{t[i+1 : end]}, ws...)
		starts = append([]int{i + 1}, starts...)
		if i < 0 {
			break
		}
		end = i
	}
	for n := len(ws); n >= 1; n-- {
		if dateWords(ws[len(ws)-n:]) {
			return starts[len(ws)-n], true
		}
	}
	return 0, false
}

// dateWords reports whether ws, exactly, spell a date: "Month D, YYYY",
// "Month D", "D Month YYYY", "D Month" or "YYYY-MM-DD".
func dateWords(ws []string) bool {
	switch len(ws) {
	case 1:
		_, ok := isoDate(ws[0])
		return ok && len(ws[0]) == 10
	case 2:
		if m, ok := month(ws[0]); ok && m > 0 {
			_, ok := day(ws[1])
			return ok
		}
		if _, ok := day(ws[0]); ok {
			_, ok := month(ws[1])
			return ok
		}
	case 3:
		if _, ok := month(ws[0]); ok {
			d := ws[1]
			if !strings.HasSuffix(d, ",") {
				return false
			}
			_, ok1 := day(d[:len(d)-1])
			_, ok2 := year(ws[2])
			return ok1 && ok2
		}
		if _, ok := day(ws[0]); ok {
			_, ok1 := month(ws[1])
			_, ok2 := year(ws[2])
			return ok1 && ok2
		}
	}
	return false
}

// zoneOffsets are the zone abbreviations feeds use, with their UTC offsets.
var zoneOffsets = map[string]string{
	"GMT": "+0000", "UTC": "+0000", "UT": "+0000", "Z": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500", "MST": "-0700",
	"MDT": "-0600", "PST": "-0800", "PDT": "-0700", "BST": "+0100", "CET": "+0100",
	"CEST": "+0200", "EET": "+0200", "EEST": "+0300", "MSK": "+0300",
}

// zonedLayouts are feed date-time forms with a numeric zone.
var zonedLayouts = []string{
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"Monday, 02-Jan-06 15:04:05 -0700",
	"Mon Jan 2 15:04:05 -0700 2006",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05-07:00",
	"2006-01-02T15:04:05-0700",
	"2006-01-02T15:04:05.999999999-0700",
}

// localLayouts are date-time forms without a zone, read as UTC.
var localLayouts = []string{
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04",
	"Mon Jan _2 15:04:05 2006",
}

// dateLayouts are date-only forms.
var dateOnlyLayouts = []string{
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "2 Jan 2006",
	"2006/01/02", "20060102",
}

// normalizeDate turns a publication date from a record, a page or the
// caller into ISO 8601 ("2016-07-15", "2016-07-15T09:30:00Z"), accepting the
// common feed forms (RFC 1123, "2016-07-15 09:30:00"). A date already in
// ISO 8601 is kept as it is.
func normalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if len(s) == len("2006-01-02") && s[4] == '-' && s[7] == '-' {
		// the usual form, tried first: news.ParseDate would reach this
		// layout only after three failed parses, each building an error.
		if _, err := time.Parse("2006-01-02", s); err == nil {
			return s, true
		}
	}
	if _, err := news.ParseDate(s); err == nil {
		return s, true
	}
	// A trailing zone abbreviation becomes a numeric offset.
	z := s
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		if off, ok := zoneOffsets[s[i+1:]]; ok {
			z = s[:i] + " " + off
		}
	}
	if strings.HasSuffix(z, "Z") && strings.Contains(z, ":") {
		z = z[:len(z)-1] + " +0000"
	}
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, z); err == nil {
			return t.Format(time.RFC3339), true
		}
	}
	for _, l := range localLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02T15:04:05"), true
		}
	}
	for _, l := range dateOnlyLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02"), true
		}
	}
	return "", false
}

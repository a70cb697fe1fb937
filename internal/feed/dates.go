package feed

import (
	"strings"
	"time"
)

// zones are the offsets of the zone abbreviations feeds write (RFC 822's and
// a few common others); time.Parse would take an unknown abbreviation as
// UTC and say nothing.
var zones = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000", "WET": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
	"AKST": "-0900", "AKDT": "-0800", "HST": "-1000",
	"BST": "+0100", "IST": "+0530", "CET": "+0100", "CEST": "+0200", "WEST": "+0100",
	"EET": "+0200", "EEST": "+0300", "MSK": "+0300", "JST": "+0900", "KST": "+0900",
	"AEST": "+1000", "AEDT": "+1100", "NZST": "+1200", "NZDT": "+1300",
}

// dateTimeLayouts are the date-time forms tried, after the weekday is
// dropped and a zone abbreviation replaced by its offset.
var dateTimeLayouts = []string{
	time.RFC3339Nano,
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04 -0700",
	"2 Jan 06 15:04:05 -0700",
	"2 Jan 06 15:04 -0700",
	"2 January 2006 15:04:05 -0700",
	"2 January 2006 15:04 -0700",
	"2 Jan 2006 15:04:05 -07:00",
	"2 Jan 2006 15:04:05",
	"2 Jan 2006 15:04",
	"2 January 2006 15:04:05",
	"Jan 2 2006 15:04:05 -0700",
	"Jan 2 2006 15:04:05",
	"January 2 2006 15:04:05 -0700",
	"January 2 2006 15:04:05",
	"Jan 2 15:04:05 -0700 2006",
	"Jan 2 15:04:05 2006",
	"2006-01-02T15:04:05.999999999-0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04-07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04",
	"2006/01/02 15:04:05",
}

// dateLayouts are the date-only forms tried.
var dateLayouts = []string{"2006-01-02", "2 Jan 2006", "2 January 2006", "Jan 2 2006", "January 2 2006", "2006/01/02"}

// ParseDate reads a feed date as feeds write them (RFC 822 with or without
// weekday, seconds, four-digit year or numeric zone; RFC 3339; and common
// variants) and returns it as RFC 3339, or as an ISO 8601 date when it has
// no time. ok is false when s cannot be read or names an implausible year.
func ParseDate(s string) (iso string, ok bool) {
	s = normalizeDate(s)
	if s == "" {
		return "", false
	}
	for _, layout := range dateTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if !plausible(t) {
				return "", false
			}
			return t.Format(time.RFC3339), true
		}
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if !plausible(t) {
				return "", false
			}
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

// normalizeDate drops the weekday and commas, collapses spaces, writes
// "Sept" as "Sep" and turns a trailing zone abbreviation into an offset.
func normalizeDate(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", " ")
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	if isWeekday(f[0]) {
		f = f[1:]
	}
	for i, w := range f {
		if strings.EqualFold(w, "Sept") {
			f[i] = "Sep"
		}
	}
	if n := len(f); n > 1 {
		last := strings.ToUpper(strings.Trim(f[n-1], "()"))
		if off, ok := zones[last]; ok {
			f[n-1] = off
		} else if (strings.HasPrefix(last, "GMT") || strings.HasPrefix(last, "UTC")) && len(last) > 3 && (last[3] == '+' || last[3] == '-') {
			f[n-1] = zoneDigits(last[3:])
		}
		// "+0000 (UTC)" or "+0200 CEST": keep the numeric offset.
		if n > 2 {
			prev := f[n-2]
			if (prev[0] == '+' || prev[0] == '-') && len(prev) == 5 {
				f = f[:n-1]
			}
		}
	}
	return strings.Join(f, " ")
}

// zoneDigits writes "+2", "+02", "+0200" or "+02:00" as "+0200".
func zoneDigits(z string) string {
	sign, digits := z[:1], strings.ReplaceAll(z[1:], ":", "")
	switch len(digits) {
	case 1:
		digits = "0" + digits + "00"
	case 2:
		digits += "00"
	}
	return sign + digits
}

func isWeekday(w string) bool {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if w == d || (len(w) >= 3 && strings.HasPrefix(d, w)) {
			return true
		}
	}
	return false
}

// plausible reports whether t is a date a news story may carry.
func plausible(t time.Time) bool {
	return t.Year() >= 1900 && t.Year() <= 2200
}

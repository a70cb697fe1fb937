package htmldoc

import (
	"strings"
	"time"
)

// dateLayout is one accepted way of writing a publication date.
type dateLayout struct {
	layout string
	zone   bool // the layout carries a numeric zone or "Z"
	abbr   bool // the layout carries a zone abbreviation (MST)
	clock  bool // the layout carries a time of day
}

// dateLayouts are tried in order by normalizeDate.
var dateLayouts = []dateLayout{
	{layout: "2006-01-02T15:04:05.999999999Z07:00", zone: true, clock: true},
	{layout: "2006-01-02T15:04:05.999999999Z0700", zone: true, clock: true},
	{layout: "2006-01-02T15:04:05.999999999Z07", zone: true, clock: true},
	{layout: "2006-01-02T15:04Z07:00", zone: true, clock: true},
	{layout: "2006-01-02T15:04Z0700", zone: true, clock: true},
	{layout: "2006-01-02T15:04:05.999999999", clock: true},
	{layout: "2006-01-02T15:04", clock: true},
	{layout: "2006-01-02 15:04:05.999999999Z07:00", zone: true, clock: true},
	{layout: "2006-01-02 15:04:05.999999999Z0700", zone: true, clock: true},
	{layout: "2006-01-02 15:04:05.999999999 Z07:00", zone: true, clock: true},
	{layout: "2006-01-02 15:04:05.999999999 Z0700", zone: true, clock: true},
	{layout: "2006-01-02 15:04:05.999999999 MST", abbr: true, clock: true},
	{layout: "2006-01-02 15:04Z07:00", zone: true, clock: true},
	{layout: "2006-01-02 15:04 Z0700", zone: true, clock: true},
	{layout: "2006-01-02 15:04:05.999999999", clock: true},
	{layout: "2006-01-02 15:04", clock: true},
	{layout: "2006-01-02"},
	{layout: "2006/01/02 15:04:05", clock: true},
	{layout: "2006/01/02 15:04", clock: true},
	{layout: "2006/01/02"},
	{layout: "20060102T150405Z0700", zone: true, clock: true},
	{layout: "20060102"},
	{layout: time.RFC1123Z, zone: true, clock: true},
	{layout: time.RFC1123, abbr: true, clock: true},
	{layout: "Mon, 2 Jan 2006 15:04:05 -0700", zone: true, clock: true},
	{layout: "Mon, 2 Jan 2006 15:04:05 MST", abbr: true, clock: true},
	{layout: "Mon, 2 Jan 2006 15:04 -0700", zone: true, clock: true},
	{layout: "Mon, 2 Jan 2006 15:04 MST", abbr: true, clock: true},
	{layout: "2 Jan 2006 15:04:05 -0700", zone: true, clock: true},
	{layout: "2 Jan 2006 15:04:05 MST", abbr: true, clock: true},
	{layout: time.RFC850, abbr: true, clock: true},
	{layout: time.RubyDate, zone: true, clock: true},
	{layout: time.UnixDate, abbr: true, clock: true},
	{layout: "January 2, 2006 15:04", clock: true},
	{layout: "January 2, 2006"},
	{layout: "Jan 2, 2006"},
	{layout: "2 January 2006"},
	{layout: "2 Jan 2006"},
}

// zoneAbbrs gives the offsets of the zone abbreviations that news sites use
// in RFC 1123 dates. Other abbreviations are ambiguous and are dropped.
var zoneAbbrs = map[string]int{
	"UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
	"EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
	"MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
	"BST": 1 * 3600, "CET": 1 * 3600, "CEST": 2 * 3600, "EET": 2 * 3600,
	"EEST": 3 * 3600, "MSK": 3 * 3600, "IST": 5*3600 + 1800, "JST": 9 * 3600,
}

// normalizeDate turns a date or date-time written in one of the usual web
// formats into ISO 8601: "2016-07-15" when only the date is known,
// "2016-07-15T09:30:00+03:00" (RFC 3339) when the time and zone are known,
// and "2016-07-15T09:30:00" when the time is known without a zone. It
// reports false for a value it cannot read or an implausible year.
func normalizeDate(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) < 6 || len(s) > 64 {
		return "", false
	}
	for _, l := range dateLayouts {
		t, err := time.ParseInLocation(l.layout, s, time.UTC)
		if err != nil {
			continue
		}
		if t.Year() < 1800 || t.Year() > 2200 {
			return "", false
		}
		switch {
		case !l.clock:
			return t.Format(time.DateOnly), true
		case l.abbr:
			name, _ := t.Zone()
			off, ok := zoneAbbrs[strings.ToUpper(name)]
			if !ok {
				return t.Format("2006-01-02T15:04:05"), true
			}
			t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.FixedZone("", off))
			return t.Format(time.RFC3339), true
		case l.zone:
			return t.Format(time.RFC3339), true
		default:
			return t.Format("2006-01-02T15:04:05"), true
		}
	}
	return "", false
}

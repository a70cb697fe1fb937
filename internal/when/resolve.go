package when

import "time"

// grain is the precision of a resolved expression.
type grain uint8

const (
	gNone grain = iota
	gDay
	gWeek
	gMonth
	gQuarter
	gYear
	gHour
	gRange
)

// String returns the grain's SCHEMA name.
func (g grain) String() string {
	switch g {
	case gDay:
		return "day"
	case gWeek:
		return "week"
	case gMonth:
		return "month"
	case gQuarter:
		return "quarter"
	case gYear:
		return "year"
	case gHour:
		return "hour"
	case gRange:
		return "range"
	}
	return ""
}

// unit is what an expression names, for the early/mid/late modifiers.
type unit uint8

const (
	uOther unit = iota
	uDay
	uWeek
	uMonth
	uYear
	uDecade
)

// res is a resolved expression: Value is anchor at grain (or lo/hi at sub
// for a range); Start and End are lo and hi.
type res struct {
	grain  grain
	sub    grain // the grain of each end of a range: day, month or year
	unit   unit
	hour   int
	anchor time.Time
	lo, hi time.Time
	// vhi is the last day of a range's value (its first is anchor); start
	// and end (lo, hi) may be narrower ("the early 1990s").
	vhi time.Time
}

// date makes a UTC midnight; out-of-range parts are normalised by time.Date.
func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// validDate reports whether y-m-d is a real calendar day.
func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	t := date(y, m, d)
	return t.Day() == d
}

func dayRes(t time.Time) res { return res{grain: gDay, unit: uDay, anchor: t, lo: t, hi: t} }

// monday returns the Monday of t's ISO week.
func monday(t time.Time) time.Time { return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) }

func weekRes(t time.Time) res {
	m := monday(t)
	return res{grain: gWeek, unit: uWeek, anchor: m, lo: m, hi: m.AddDate(0, 0, 6)}
}

func monthRes(y, m int) res {
	f := date(y, m, 1)
	return res{grain: gMonth, unit: uMonth, anchor: f, lo: f, hi: f.AddDate(0, 1, -1)}
}

func quarterRes(y, q int) res {
	f := date(y, 3*(q-1)+1, 1)
	return res{grain: gQuarter, anchor: f, lo: f, hi: f.AddDate(0, 3, -1)}
}

func yearRes(y int) res {
	f := date(y, 1, 1)
	return res{grain: gYear, unit: uYear, anchor: f, lo: f, hi: date(y, 12, 31)}
}

func rangeRes(lo, hi time.Time, sub grain) res {
	return res{grain: gRange, sub: sub, anchor: lo, lo: lo, hi: hi, vhi: hi}
}

func decadeRes(y int) res {
	r := rangeRes(date(y, 1, 1), date(y+9, 12, 31), gYear)
	r.unit = uDecade
	return r
}

// seasonRes is a meteorological season (northern hemisphere) starting in year
// y: spring March–May, summer June–August, autumn September–November, winter
// December to February of the next year.
func seasonRes(y, s int) res {
	lo := date(y, 3*s+3, 1)
	return rangeRes(lo, lo.AddDate(0, 3, -1), gMonth)
}

// part is an early/mid/late modifier.
type part uint8

const (
	pEarly part = iota + 1
	pMid
	pLate
)

// applyPart narrows r to its early, middle or late part. As TIMEX3 does
// (a "mod" of START, MID or END), the value stays at the grain of what is
// modified ("late October" is 2023-10, "early next week" 2016-W29, "the
// early 1990s" 1990/1999); only start and end cover the part: days 1–10,
// 11–20 and 21–end of a month, thirds of a year or decade, parts of a week.
func applyPart(p part, r res) res {
	third := func(lo, hi int) (int, int) {
		switch p {
		case pEarly:
			return lo, lo + (hi-lo)/3
		case pMid:
			return lo + (hi-lo)/3 + 1, lo + 2*(hi-lo)/3
		}
		return lo + 2*(hi-lo)/3 + 1, hi
	}
	if r.unit == uDay || r.unit == uOther {
		return r
	}
	switch r.unit {
	case uWeek:
		a, b := 0, 2
		switch p {
		case pMid:
			a, b = 1, 3
		case pLate:
			a, b = 3, 6
		}
		r.lo, r.hi = r.anchor.AddDate(0, 0, a), r.anchor.AddDate(0, 0, b)
	case uMonth:
		y, m := r.anchor.Year(), int(r.anchor.Month())
		var a, b int
		switch p {
		case pEarly:
			a, b = 1, 10
		case pMid:
			a, b = 11, 20
		default:
			a, b = 21, r.hi.Day()
		}
		r.lo, r.hi = date(y, m, a), date(y, m, b)
	case uYear:
		y := r.anchor.Year()
		a, b := third(1, 12)
		r.lo, r.hi = date(y, a, 1), date(y, b+1, 0)
	case uDecade:
		y := r.anchor.Year()
		a, b := third(0, 9)
		r.lo, r.hi = date(y+a, 1, 1), date(y+b, 12, 31)
	}
	r.unit = uOther
	return r
}

// tense is what a sentence's grammar says of an expression's time.
type tense uint8

const (
	tUnknown tense = iota
	tPast
	tFuture
)

// pickFuture chooses between a past candidate at distance dp and a future
// one at distance df, reporting whether the future one wins: the grammar
// decides when it can, else the nearer one, with the past counted at half
// its distance.
func pickFuture(t tense, dp, df int) bool {
	switch t {
	case tPast:
		return false
	case tFuture:
		return true
	}
	return 2*df < dp
}

// monthNear resolves a month without a year against the reference day.
func monthNear(m int, ref time.Time, t tense) res {
	rm := int(ref.Month())
	y := ref.Year()
	if m == rm {
		return monthRes(y, m)
	}
	dp := (rm - m + 12) % 12
	df := (m - rm + 12) % 12
	if pickFuture(t, dp, df) {
		if m < rm {
			y++
		}
	} else if m > rm {
		y--
	}
	return monthRes(y, m)
}

// dayNear resolves a day and month without a year against the reference day.
func dayNear(m, d int, ref time.Time, t tense) (res, bool) {
	y := ref.Year()
	past := date(y, m, d)
	if past.After(ref) {
		past = date(y-1, m, d)
	}
	fut := date(y, m, d)
	if fut.Before(ref) {
		fut = date(y+1, m, d)
	}
	dp := int(ref.Sub(past).Hours() / 24)
	df := int(fut.Sub(ref).Hours() / 24)
	c := past
	if pickFuture(t, dp, df) {
		c = fut
	}
	if c.Day() != d {
		return res{}, false // 29 February in a common year
	}
	return dayRes(c), true
}

// weekdayNear resolves a weekday: the grammar's future means the first such
// day on or after the reference, anything else the last one on or before it.
func weekdayNear(wd int, ref time.Time, t tense) res {
	cur := int(ref.Weekday())
	if t == tFuture {
		return dayRes(ref.AddDate(0, 0, (wd-cur+7)%7))
	}
	return dayRes(ref.AddDate(0, 0, -((cur - wd + 7) % 7)))
}

// quarterOf returns t's quarter, 1..4.
func quarterOf(t time.Time) int { return (int(t.Month())-1)/3 + 1 }

// appendDate appends t at grain g: day, month or year.
func appendDate(b []byte, t time.Time, g grain) []byte {
	b = append4(b, t.Year())
	if g == gYear {
		return b
	}
	b = append(b, '-')
	b = append2(b, int(t.Month()))
	if g == gMonth {
		return b
	}
	b = append(b, '-')
	return append2(b, t.Day())
}

func append4(b []byte, v int) []byte {
	return append(b, byte('0'+v/1000%10), byte('0'+v/100%10), byte('0'+v/10%10), byte('0'+v%10))
}

func append2(b []byte, v int) []byte { return append(b, byte('0'+v/10%10), byte('0'+v%10)) }

// inYears reports whether t's year can be written in four digits.
func inYears(t time.Time) bool { y := t.Year(); return y >= 1 && y <= 9999 }

// values renders r as SCHEMA's value, start and end; ok is false when a year
// falls outside 1..9999.
func (r res) values() (value, start, end string, ok bool) {
	if !inYears(r.anchor) || !inYears(r.lo) || !inYears(r.hi) || r.hi.Before(r.lo) || r.grain == gRange && !inYears(r.vhi) {
		return "", "", "", false
	}
	var buf [48]byte
	b := buf[:0]
	switch r.grain {
	case gDay:
		b = appendDate(b, r.anchor, gDay)
	case gHour:
		b = appendDate(b, r.anchor, gDay)
		b = append(b, 'T')
		b = append2(b, r.hour)
	case gWeek:
		y, w := r.anchor.ISOWeek()
		if y < 1 || y > 9999 {
			return "", "", "", false
		}
		b = append4(b, y)
		b = append(b, '-', 'W')
		b = append2(b, w)
	case gMonth:
		b = appendDate(b, r.anchor, gMonth)
	case gQuarter:
		b = append4(b, r.anchor.Year())
		b = append(b, '-', 'Q', byte('0'+quarterOf(r.anchor)))
	case gYear:
		b = appendDate(b, r.anchor, gYear)
	case gRange:
		b = appendDate(b, r.anchor, r.sub)
		b = append(b, '/')
		b = appendDate(b, r.vhi, r.sub)
	default:
		return "", "", "", false
	}
	// One allocation holds all three strings.
	nv := len(b)
	if r.grain != gDay {
		b = appendDate(b, r.lo, gDay)
		b = appendDate(b, r.hi, gDay)
	}
	all := string(b)
	value = all[:nv]
	if r.grain == gDay {
		return value, value, value, true
	}
	start, end = all[nv:nv+10], all[nv+10:]
	return value, start, end, true
}

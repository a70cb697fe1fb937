package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Bucket is the asserted events of one day, ISO week or month.
type Bucket struct {
	Start     string   `json:"start"` // the bucket's first day, YYYY-MM-DD
	Label     string   `json:"label"` // 2016-07-14, 2016-W28 or 2016-07
	Events    int      `json:"events"`
	AToB      int      `json:"a_to_b"`         // events whose source is the first actor
	BToA      int      `json:"b_to_a"`         // the others
	QuadClass [4]int   `json:"quad_class"`     // events of QuadClass 1, 2, 3 and 4
	Goldstein *float64 `json:"mean_goldstein"` // mean Goldstein score of the events that have one; null if none
	Mentions  int      `json:"mentions"`       // mentions of the bucket's events
}

// Timeline is a series of buckets, oldest first, with no gap between the
// first and the last (empty buckets are listed) unless that would take more
// than maxBuckets buckets.
type Timeline struct {
	Interval string   `json:"interval"`
	Buckets  []Bucket `json:"buckets"`
	Undated  int      `json:"undated"` // matching events with no date that falls in a bucket
}

// maxBuckets bounds the gap filling of a timeline.
const maxBuckets = 5000

// Intervals a timeline is bucketed by.
const (
	IntervalDay   = "day"
	IntervalWeek  = "week"
	IntervalMonth = "month"
)

// parseInterval checks an interval name; "" is a month.
func parseInterval(s string) (string, error) {
	switch s {
	case "":
		return IntervalMonth, nil
	case IntervalDay, IntervalWeek, IntervalMonth:
		return s, nil
	}
	return "", fmt.Errorf("interval %q: want day, week or month", s)
}

// DyadTimeline buckets the asserted events between actors a and b, in either
// direction, by interval (day, week or month; "" is month), between the
// dates from and to (inclusive; "" does not bound). Actor codes match by
// prefix, case-insensitively. An event dated by a week or month only falls
// in the bucket of its first day; an event dated by a quarter or a year
// only, or not at all, is counted as undated. from and to bound the event's
// first day (date_start), as EventFilter's do: an event dated by its week
// (2016-W02) is within a range of days that holds the week's Monday.
func (s *Store) DyadTimeline(ctx context.Context, a, b, interval, from, to string) (Timeline, error) {
	if a == "" || b == "" {
		return Timeline{}, fmt.Errorf("dyad timeline: two actor codes needed")
	}
	sa, _ := codeRange("source_code", a)
	tb, _ := codeRange("target_code", b)
	sb, _ := codeRange("source_code", b)
	ta, _ := codeRange("target_code", a)
	_, ra := codeRange("", a)
	_, rb := codeRange("", b)
	cond := `((` + sa + ` AND ` + tb + `) OR (` + sb + ` AND ` + ta + `))`
	args := append(append(append(append([]any{}, ra...), rb...), rb...), ra...)
	for _, c := range dateRange("date_start", from, to) {
		cond += ` AND ` + c.cond
		args = append(args, c.arg)
	}
	ua := strings.ToUpper(a)
	tl, err := s.timeline(ctx, cond, args, interval, func(src, tgt string) bool {
		return strings.HasPrefix(src, ua)
	})
	if err != nil {
		return tl, fmt.Errorf("dyad timeline %s %s: %w", a, b, err)
	}
	return tl, nil
}

// timeline buckets the asserted events matching cond; forward says whether
// an event counts in a_to_b.
func (s *Store) timeline(ctx context.Context, cond string, args []any, interval string, forward func(src, tgt string) bool) (Timeline, error) {
	iv, err := parseInterval(interval)
	if err != nil {
		return Timeline{}, err
	}
	bk := newBucketer(iv)
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT date, date_start, source_code, target_code, quad_class, goldstein, num_mentions
		FROM events WHERE `+cond+` AND modality = 'asserted'`), args...)
	if err != nil {
		return Timeline{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var date, start, src, tgt string
		var quad, mentions int
		var g sql.NullFloat64
		if err := rows.Scan(&date, &start, &src, &tgt, &quad, &g, &mentions); err != nil {
			return Timeline{}, err
		}
		bk.add(date, start, forward(src, tgt), quad, g, mentions)
	}
	if err := rows.Err(); err != nil {
		return Timeline{}, err
	}
	return bk.timeline(), nil
}

// bucketer counts events into the buckets of a timeline.
type bucketer struct {
	interval string
	undated  int
	byStart  map[time.Time]*bucketSum
}

// bucketSum is a bucket being counted, with the sum of its Goldstein scores.
type bucketSum struct {
	b      Bucket
	gsum   float64
	gcount int
}

func newBucketer(interval string) *bucketer {
	return &bucketer{interval: interval, byStart: map[time.Time]*bucketSum{}}
}

// add counts one asserted event, stored with this date and date_start, in
// its bucket (or as undated); aToB says whether it counts in a_to_b.
func (bk *bucketer) add(date, start string, aToB bool, quad int, g sql.NullFloat64, mentions int) {
	day, ok := firstDay(date, start)
	if !ok {
		bk.undated++
		return
	}
	first := bucketStart(day, bk.interval)
	a := bk.byStart[first]
	if a == nil {
		a = &bucketSum{b: Bucket{Start: first.Format(time.DateOnly), Label: bucketLabel(first, bk.interval)}}
		bk.byStart[first] = a
	}
	a.b.Events++
	a.b.Mentions += mentions
	if aToB {
		a.b.AToB++
	} else {
		a.b.BToA++
	}
	if quad >= 1 && quad <= 4 {
		a.b.QuadClass[quad-1]++
	}
	if g.Valid {
		a.gsum += g.Float64
		a.gcount++
	}
}

// timeline is the buckets counted, oldest first, gaps filled (see Timeline).
func (bk *bucketer) timeline() Timeline {
	iv := bk.interval
	tl := Timeline{Interval: iv, Buckets: []Bucket{}, Undated: bk.undated}
	if len(bk.byStart) == 0 {
		return tl
	}
	var first, last time.Time
	for t := range bk.byStart {
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	fill := countBuckets(first, last, iv) <= maxBuckets
	for t := first; !t.After(last); t = nextBucket(t, iv) {
		a := bk.byStart[t]
		if a == nil {
			if fill {
				tl.Buckets = append(tl.Buckets, Bucket{Start: t.Format(time.DateOnly), Label: bucketLabel(t, iv)})
			}
			continue
		}
		if a.gcount > 0 {
			m := a.gsum / float64(a.gcount)
			a.b.Goldstein = &m
		}
		tl.Buckets = append(tl.Buckets, a.b)
	}
	return tl
}

// dateStart is the first day a stored event date covers, as YYYY-MM-DD:
// the day of a day or an hour ("2016-07-14T21"), the Monday of an ISO week
// ("2016-W28"), the first day of a month ("2016-07"), quarter ("2016-Q3")
// or year ("2016"), and the first day of the start of a range
// ("2016-07/2016-09"); "" for no date or one of another shape. It is what
// the events table's date_start holds: migration 0008 computes the same in
// SQL for the events stored before it, so both must read dates alike.
func dateStart(date string) string {
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	if len(date) < 4 || !digits(date[:4]) {
		return ""
	}
	year := date[:4]
	switch {
	case len(date) >= 10 && date[4] == '-' && digits(date[5:7]) && date[7] == '-' && digits(date[8:10]):
		return date[:10]
	case len(date) >= 8 && date[4:6] == "-W" && digits(date[6:8]):
		y, _ := strconv.Atoi(year)
		w, _ := strconv.Atoi(date[6:8])
		return isoWeekStart(y, w).Format(time.DateOnly)
	case len(date) >= 7 && date[4:6] == "-Q" && date[6] >= '1' && date[6] <= '4':
		return year + "-" + [...]string{"01", "04", "07", "10"}[date[6]-'1'] + "-01"
	case len(date) >= 7 && date[4] == '-' && digits(date[5:7]):
		return date[:7] + "-01"
	}
	return year + "-01-01"
}

// firstDay is the day a timeline buckets an event with this stored date
// and date_start by: date_start for a date no coarser than a month (a day,
// hour, week or month, or a range starting with one); false for a quarter,
// a year, or no date.
func firstDay(date, start string) (time.Time, bool) {
	if i := strings.IndexByte(date, '/'); i >= 0 {
		date = date[:i] // a range: its start
	}
	if start == "" || len(date) < 7 || date[4:6] == "-Q" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, start)
	return t, err == nil
}

// isoWeekStart is the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC) // always in week 1
	monday := jan4.AddDate(0, 0, -((int(jan4.Weekday()) + 6) % 7))
	return monday.AddDate(0, 0, 7*(w-1))
}

// bucketStart is the first day of the bucket holding day.
func bucketStart(day time.Time, interval string) time.Time {
	switch interval {
	case IntervalWeek:
		return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
	case IntervalMonth:
		return time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return day
}

// nextBucket is the start of the bucket after the one starting at t.
func nextBucket(t time.Time, interval string) time.Time {
	switch interval {
	case IntervalWeek:
		return t.AddDate(0, 0, 7)
	case IntervalMonth:
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(0, 0, 1)
}

// countBuckets is how many buckets run from first to last, inclusive.
func countBuckets(first, last time.Time, interval string) int {
	days := int(last.Sub(first).Hours()/24) + 1
	switch interval {
	case IntervalWeek:
		return days/7 + 1
	case IntervalMonth:
		return (last.Year()-first.Year())*12 + int(last.Month()) - int(first.Month()) + 1
	}
	return days
}

// bucketLabel names the bucket starting at t.
func bucketLabel(t time.Time, interval string) string {
	switch interval {
	case IntervalWeek:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case IntervalMonth:
		return t.Format("2006-01")
	}
	return t.Format(time.DateOnly)
}

package when

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"dyad/news"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"",
		"Kerry met Lavrov late Thursday night and will return on Monday, Feb. 14, 2015.",
		"In mid-March, the early 1990s, 2014 and 2015, June 18-20, Jan. 5th, 06/18/2016, 2016-02-30.",
		"Two days ago, a year ago, the past 24 hours, 9:30 p.m. on Thursday, 1800 GMT, 9am Friday.",
		"last September, this week, next Monday, earlier this year, the end of the year, Q3 2015.",
		"the summer of 2015, last winter, the weekend, this past Sunday, Dec. 31, 9999 and 999 years ago.",
		"Feb. 29 Feb. 29, 2015 0/0/0000 12/12/2012 24/7 3-1 31-32 mid- mid-May 2099s 12:60pm 13pm",
		"\xff\xfe May 5\u00a0June 2016 “Friday” Sunday Times",
	} {
		f.Add(s, int64(16997), true, true)
		f.Add(s, int64(-1000000), true, false)
	}
	a := analyzer(f)
	f.Fuzz(func(t *testing.T, text string, days int64, known, tagged bool) {
		pub := time.Unix(days%5_000_000*86400, 0).UTC()
		var ss []news.Sentence
		if tagged {
			ss = a.Sentences(text, []news.Block{{Span: news.Span{0, len(text)}}})
		}
		got := Find(text, ss, pub, known)
		prev := 0
		for _, g := range got {
			if !g.Span.In(len(text)) || g.Span.Text(text) != g.Text || g.Span.Len() == 0 {
				t.Fatalf("span %v of %q: text[span] = %q", g.Span, g.Text, g.Span.Text(text))
			}
			if g.Span.Start() < prev {
				t.Fatalf("span %v of %q overlaps or precedes the one before", g.Span, g.Text)
			}
			prev = g.Span.End()
			checkTime(t, g)
		}
		for _, s := range ss {
			if tm, ok := ForSentence(got, s); ok && (tm.Span.Start() < s.Span.Start() || tm.Span.End() > s.Span.End()) {
				t.Fatalf("ForSentence gave %v outside sentence %v", tm.Span, s.Span)
			}
		}
	})
}

// checkTime fails unless g's value parses at its grain and its start and end
// parse as dates in order.
func checkTime(t *testing.T, g news.Time) {
	t.Helper()
	start, err1 := time.Parse("2006-01-02", g.Start)
	end, err2 := time.Parse("2006-01-02", g.End)
	if err1 != nil || err2 != nil || end.Before(start) {
		t.Fatalf("%+v: bad start or end", g)
	}
	ok := false
	v := g.Value
	switch g.Grain {
	case "day":
		_, err := time.Parse("2006-01-02", v)
		ok = err == nil
	case "hour":
		_, err := time.Parse("2006-01-02T15", v)
		ok = err == nil
	case "month":
		_, err := time.Parse("2006-01", v)
		ok = err == nil
	case "year":
		_, err := time.Parse("2006", v)
		ok = err == nil
	case "week":
		y, w, found := strings.Cut(v, "-W")
		n, err := strconv.Atoi(w)
		ok = found && len(y) == 4 && len(w) == 2 && err == nil && n >= 1 && n <= 53
	case "quarter":
		y, q, found := strings.Cut(v, "-Q")
		ok = found && len(y) == 4 && len(q) == 1 && q[0] >= '1' && q[0] <= '4'
	case "range":
		lo, hi, found := strings.Cut(v, "/")
		layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(lo)]
		if found && layout != "" && len(hi) == len(lo) {
			a, err1 := time.Parse(layout, lo)
			b, err2 := time.Parse(layout, hi)
			ok = err1 == nil && err2 == nil && !b.Before(a)
		}
	}
	if !ok {
		t.Fatalf("%+v: value does not parse at its grain", g)
	}
}

// Package when finds time expressions in English news text and resolves
// them against the article's publication date, leaning to the past as news
// does: absolute dates ("June 18, 2016", "Monday, Feb. 14, 2015", "mid-March",
// "the 1990s"), relative ones ("Thursday night", "last September", "this
// week", "two days ago", "the past week") and times of day ("9:30 p.m.
// Thursday"). Each expression carries its byte span in the text, an ISO 8601
// value at its grain and the first and last day it covers (SCHEMA's times).
//
// The scanner works on the sentences' tokens and part-of-speech tags; it
// uses no regular expressions and allocates little beyond its results.
package when

import (
	"slices"
	"sort"
	"strings"
	"time"

	"dyad/news"
)

// Find returns the time expressions of text in text order, without overlap.
// sentences are the text's tokenised and tagged sentences (news.Sentence with
// Tokens); a sentence without tokens is split on spaces and punctuation, and
// nil sentences make the whole text one sentence.
//
// published is the article's publication date-time; only its calendar date
// (in its own location) is used. When known is false, expressions that need
// a reference date (weekdays, "last week", dates without a year) are left
// out; absolute ones are still returned.
//
// Resolution leans to the past: a weekday is the last such day on or before
// publication, a date or month without a year the nearer of its past and
// future occurrences with the past counted at half its distance. Where the
// sentence's grammar is future ("will meet on Monday", "is due to visit",
// "is expected to", "scheduled for") the first occurrence on or after
// publication is taken; where it is past ("met on Monday"), the last one on
// or before.
func Find(text string, sentences []news.Sentence, published time.Time, known bool) []news.Time {
	sc := scanner{text: text, known: known}
	if known {
		y, m, d := published.Date()
		sc.ref = date(y, int(m), d)
	}
	if sentences == nil {
		sentences = []news.Sentence{{Span: news.Span{0, len(text)}}}
	}
	// room for the longest sentence's tokens, allocated once rather than
	// grown token by token.
	most := 0
	for _, s := range sentences {
		most = max(most, len(s.Tokens))
	}
	sc.toks, sc.inf = make([]tok, 0, most), make([]tinfo, 0, most)
	var out []news.Time
	lastBlock := -1
	for _, s := range sentences {
		if s.Block != lastBlock {
			sc.haveDay = false
			lastBlock = s.Block
		}
		sc.load(s)
		out = sc.sentence(out)
	}
	return tidy(out)
}

// ForSentence returns the time expression that attaches to sentence s: the
// first of times (as Find returns them, in text order) whose span lies within
// the sentence's span. ok is false when the sentence has none.
func ForSentence(times []news.Time, s news.Sentence) (news.Time, bool) {
	k := sort.Search(len(times), func(k int) bool { return times[k].Span[0] >= s.Span[0] })
	for ; k < len(times) && times[k].Span[0] < s.Span[1]; k++ {
		if times[k].Span[1] <= s.Span[1] {
			return times[k], true
		}
	}
	return news.Time{}, false
}

// tidy sorts times by span and drops any that overlap an earlier one; Find
// builds them in order, so this only matters for odd sentence input.
func tidy(ts []news.Time) []news.Time {
	sorted := true
	for k := 1; k < len(ts); k++ {
		if ts[k].Span[0] < ts[k-1].Span[1] {
			sorted = false
			break
		}
	}
	if sorted {
		return ts
	}
	slices.SortStableFunc(ts, func(a, b news.Time) int { return a.Span[0] - b.Span[0] })
	out := ts[:0]
	end := -1
	for _, t := range ts {
		if t.Span[0] >= end {
			out = append(out, t)
			end = t.Span[1]
		}
	}
	return out
}

// tok is one token of the current sentence: its text and byte range.
type tok struct {
	s    string
	a, b int
}

// expr is a matched expression: tokens [i, j) and what it resolves to. A
// time of day waiting for its day has clock >= 0 and no resolution yet.
type expr struct {
	i, j  int
	clock int
	near  int // for a clock: the index of the nearest day in the sentence, or -1
	r     res
	// shift is set for "a day earlier", "two weeks later": n units (unit
	// a wDay, wWeek, wMonth or wYear word) back or forth from the previous
	// day named, resolved when the expressions are written out.
	shift struct {
		n    int
		unit word
	}
}

// scanner holds the working memory of one Find call.
type scanner struct {
	text  string
	ref   time.Time
	known bool

	toks  []tok
	inf   []tinfo
	exprs []expr

	lastEnd  int  // token index just past the last expression of the sentence
	lastUnit unit // and what it named, for lists ("in 2014 and 2015")

	haveDay bool // a day-grain expression was seen earlier in this block
	lastDay res
}

// load sets the scanner to sentence s: its valid tokens and their classes.
func (sc *scanner) load(s news.Sentence) {
	sc.toks = sc.toks[:0]
	sc.inf = sc.inf[:0]
	if len(s.Tokens) == 0 {
		lo, hi := max(s.Span[0], 0), min(s.Span[1], len(sc.text))
		if lo < hi {
			sc.toks = splitTokens(sc.text, lo, hi, sc.toks)
		}
		for _, t := range sc.toks {
			sc.inf = append(sc.inf, classify(t.s, ""))
		}
		return
	}
	prev := 0
	for _, t := range s.Tokens {
		if !t.Span.In(len(sc.text)) || t.Span[0] < prev || t.Span.Len() == 0 {
			continue
		}
		prev = t.Span[1]
		w := sc.text[t.Span[0]:t.Span[1]]
		sc.toks = append(sc.toks, tok{s: w, a: t.Span[0], b: t.Span[1]})
		sc.inf = append(sc.inf, classify(w, t.Tag))
	}
}

// splitTokens is the fallback tokeniser for a sentence given without tokens:
// runs of letters and digits (with inner . : / - , ' as in "a.m", "9:30",
// "2,200", "mid-March"), a closing period on an abbreviation, and single
// punctuation bytes.
func splitTokens(text string, lo, hi int, out []tok) []tok {
	isWord := func(c byte) bool {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
	}
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	for i := lo; i < hi; {
		c := text[i]
		if !isWord(c) {
			if c > ' ' {
				out = append(out, tok{s: text[i : i+1], a: i, b: i + 1})
			}
			i++
			continue
		}
		j := i + 1
		dot := false
		for j < hi {
			c := text[j]
			if isWord(c) {
				j++
				continue
			}
			if (c == '.' || c == ':' || c == '/' || c == '-' || c == ',' || c == '\'') && j+1 < hi && isWord(text[j+1]) {
				if c == ',' && !(isDigit(text[j-1]) && isDigit(text[j+1])) {
					break
				}
				dot = dot || c == '.'
				j += 2
				continue
			}
			break
		}
		if j < hi && text[j] == '.' && (dot || classify(text[i:j], "").abbr) {
			j++
		}
		out = append(out, tok{s: text[i:j], a: i, b: j})
		i = j
	}
	return out
}

// sentence scans the loaded sentence and appends its expressions to out.
func (sc *scanner) sentence(out []news.Time) []news.Time {
	sc.exprs = sc.exprs[:0]
	sc.lastEnd, sc.lastUnit = -1, uOther
	for i := 0; i < len(sc.inf); {
		e, ok := sc.match(i)
		if !ok || e.j <= i {
			i++
			continue
		}
		sc.exprs = append(sc.exprs, e)
		sc.lastEnd, sc.lastUnit = e.j, e.r.unit
		if e.clock >= 0 {
			sc.lastUnit = uOther
		}
		i = e.j
	}
	// A time of day joins a day next to it ("Thursday at 9 p.m.", "9 p.m.
	// Thursday"); else it takes the nearest day of the sentence, else the
	// last day named earlier in the block, else it is dropped.
	es := sc.exprs
	merged := es[:0]
	for k := 0; k < len(es); k++ {
		e := es[k]
		if k+1 < len(es) {
			f := es[k+1]
			switch {
			case e.clock >= 0 && f.clock < 0 && f.r.grain == gDay && sc.gap(e.j, f.i):
				f.r.grain, f.r.hour, f.i = gHour, e.clock, e.i
				merged = append(merged, f)
				k++
				continue
			case e.clock < 0 && e.r.grain == gDay && f.clock >= 0 && sc.gap(e.j, f.i):
				e.r.grain, e.r.hour, e.j = gHour, f.clock, f.j
				merged = append(merged, e)
				k++
				continue
			}
		}
		merged = append(merged, e)
	}
	isDay := func(f expr) bool { return f.clock < 0 && (f.r.grain == gDay || f.r.grain == gHour) }
	// Two passes: the nearest day before each clock, then after it.
	near := -1
	for k := range merged {
		e := &merged[k]
		if isDay(*e) {
			near = k
		} else if e.clock >= 0 {
			e.near = near
		}
	}
	near = -1
	for k := len(merged) - 1; k >= 0; k-- {
		e := &merged[k]
		if isDay(*e) {
			near = k
			continue
		}
		if e.clock < 0 || near < 0 {
			continue
		}
		if e.near < 0 || merged[near].i-e.j < e.i-merged[e.near].j {
			e.near = near
		}
	}
	for k := range merged {
		e := &merged[k]
		if e.clock < 0 {
			continue
		}
		switch {
		case e.near >= 0:
			e.r = merged[e.near].r
		case sc.haveDay:
			e.r = sc.lastDay
		default:
			continue
		}
		e.r.grain, e.r.hour, e.r.unit = gHour, e.clock, uDay
	}
	for _, e := range merged {
		if e.shift.n != 0 {
			e.r = sc.shifted(e)
		}
		if e.r.grain == gNone {
			continue
		}
		v, st, en, ok := e.r.values()
		if !ok {
			continue
		}
		a, b := sc.toks[e.i].a, sc.toks[e.j-1].b
		out = append(out, news.Time{Text: sc.text[a:b], Span: news.Span{a, b}, Value: v, Grain: e.r.grain.String(), Start: st, End: en})
		if e.r.grain == gDay || e.r.grain == gHour {
			sc.haveDay, sc.lastDay = true, e.r
		}
	}
	return out
}

// gap reports whether tokens [a, b) may stand between a time of day and its
// day: nothing, or a few of "at", "on", "by", a comma.
func (sc *scanner) gap(a, b int) bool {
	if b-a > 2 {
		return false
	}
	for k := a; k < b; k++ {
		switch sc.w(k) {
		case wAt, wOn, wComma, wPrep:
		default:
			return false
		}
	}
	return true
}

// w is the known word at token k, or wNone.
func (sc *scanner) w(k int) word {
	if k < 0 || k >= len(sc.inf) {
		return wNone
	}
	return sc.inf[k].w
}

// k is the kind of token k, or kOther.
func (sc *scanner) k(k int) kind {
	if k < 0 || k >= len(sc.inf) {
		return kOther
	}
	return sc.inf[k].kind
}

// at returns token k's class; k must be in range.
func (sc *scanner) at(k int) *tinfo { return &sc.inf[k] }

func (sc *scanner) mk(i, j int, r res) (expr, bool) { return expr{i: i, j: j, clock: -1, r: r}, true }

// match tries every expression that may start at token i.
func (sc *scanner) match(i int) (expr, bool) {
	t := sc.at(i)
	if t.kind == kWord {
		switch t.w {
		case wThe:
			return sc.matchThe(i)
		case wEarly, wMid, wLate:
			p := partOf(t.w)
			if e, ok := sc.matchBase(i+1, true); ok && e.clock < 0 {
				e.r = applyPart(p, e.r)
				e.i = i
				return e, true
			}
			return expr{}, false
		case wEarlier, wLater:
			return sc.matchEarlierLater(i)
		}
	}
	return sc.matchBase(i, false)
}

func partOf(w word) part {
	switch w {
	case wEarly, wStart:
		return pEarly
	case wMid, wMiddle:
		return pMid
	}
	return pLate
}

// matchThe handles expressions that start with "the": "the 1990s", "the
// early 1990s", "the past week", "the last two months", "the end of June",
// "the weekend", "the 18th of June", "the first quarter of 2016", "the summer
// of 2015".
func (sc *scanner) matchThe(i int) (expr, bool) {
	j := i + 1
	if j >= len(sc.inf) {
		return expr{}, false
	}
	t := sc.at(j)
	switch t.kind {
	case kDecade:
		r := decadeRes(t.val)
		if t.mid {
			r = applyPart(pMid, r)
		}
		return sc.mk(i, j+1, r)
	case kOrd:
		if e, ok := sc.matchBase(j, true); ok && e.clock < 0 {
			e.i = i
			return e, true
		}
		return expr{}, false
	}
	switch t.w {
	case wPast, wLast, wNext, wComing:
		return sc.matchSpan(i, j, true)
	case wEarly, wMid, wLate:
		if sc.k(j+1) == kDecade {
			return sc.mk(i, j+2, applyPart(partOf(t.w), decadeRes(sc.at(j+1).val)))
		}
	case wEnd, wStart, wMiddle:
		if sc.w(j+1) != wOf {
			return expr{}, false
		}
		p := partOf(t.w)
		if sc.w(j+2) == wThe && sc.known {
			var r res
			switch sc.w(j + 3) {
			case wWeek:
				r = weekRes(sc.ref)
			case wMonth:
				r = monthRes(sc.ref.Year(), int(sc.ref.Month()))
			case wYear:
				r = yearRes(sc.ref.Year())
			default:
				return expr{}, false
			}
			return sc.mk(i, j+4, applyPart(p, r))
		}
		if e, ok := sc.matchBase(j+2, true); ok && e.clock < 0 && e.r.unit != uDay {
			e.r = applyPart(p, e.r)
			e.i = i
			return e, true
		}
	case wWeekend:
		if !sc.known {
			return expr{}, false
		}
		return sc.mk(i, j+1, weekendNear(sc.ref, sc.tense(i, j+1)))
	case wSeason, wOrdWord:
		if e, ok := sc.matchBase(j, true); ok {
			e.i = i
			return e, true
		}
	}
	return expr{}, false
}

// matchSpan handles "the past week", "the last two months", "the next three
// days", "past 24 hours", "last two weeks": the days from the publication date
// back (or forward) over the span. the says whether "the" came first; without
// it a number is required ("last week" is the calendar week before).
func (sc *scanner) matchSpan(i, j int, the bool) (expr, bool) {
	dir := sc.w(j)
	k := j + 1
	n := 1
	counted := false
	if c, ok := sc.count(k); ok {
		n, counted = c, true
		k++
	}
	if !the && !counted || sc.w(k+1) == wOf || !sc.known {
		return expr{}, false
	}
	var y, m, d int
	switch sc.w(k) {
	case wDay:
		d = n
	case wWeek:
		d = 7 * n
	case wMonth:
		m = n
	case wYear:
		y = n
	case wDecadeW:
		y = 10 * n
	case wHour:
		d = (n + 23) / 24
		if dir == wPast || dir == wLast {
			return sc.mk(i, k+1, rangeRes(sc.ref.AddDate(0, 0, -d), sc.ref, gDay))
		}
		return sc.mk(i, k+1, rangeRes(sc.ref, sc.ref.AddDate(0, 0, d), gDay))
	default:
		return expr{}, false
	}
	if dir == wPast || dir == wLast {
		return sc.mk(i, k+1, rangeRes(sc.ref.AddDate(-y, -m, -d+1), sc.ref, gDay))
	}
	return sc.mk(i, k+1, rangeRes(sc.ref, sc.ref.AddDate(y, m, d-1), gDay))
}

// count reads a small count at token k: "two", "a", "24".
func (sc *scanner) count(k int) (int, bool) {
	if k >= len(sc.inf) {
		return 0, false
	}
	t := sc.at(k)
	switch {
	case t.kind == kNum && t.nd <= 3 && t.val > 0:
		return t.val, true
	case t.w == wNumWord:
		return t.val, true
	}
	return 0, false
}

// matchEarlierLater handles "earlier this week", "later this year",
// "earlier today".
func (sc *scanner) matchEarlierLater(i int) (expr, bool) {
	if !sc.known {
		return expr{}, false
	}
	later := sc.w(i) == wLater
	if sc.w(i+1) == wToday {
		return sc.mk(i, i+2, dayRes(sc.ref))
	}
	if sc.w(i+1) != wThis {
		return expr{}, false
	}
	var r res
	switch sc.w(i + 2) {
	case wWeek:
		r = weekRes(sc.ref)
	case wMonth:
		r = monthRes(sc.ref.Year(), int(sc.ref.Month()))
	case wYear:
		r = yearRes(sc.ref.Year())
	default:
		return expr{}, false
	}
	if later {
		r.lo = sc.ref
	} else {
		r.hi = sc.ref
	}
	r.unit = uOther
	return sc.mk(i, i+3, r)
}

// context reports whether token i, a bare month or year, stands where a date
// does: after a preposition ("in", "since", "by" …; "of" and "year" too for
// a year: "the year 2015"), or
// in a list after one ("in March and April", "in 2014, 2015 and 2016").
func (sc *scanner) context(i int, u unit) bool {
	switch sc.w(i - 1) {
	case wPrep:
		return true
	case wOf, wYear:
		return u == uYear
	case wAnd, wComma, wTo, wDash:
		return sc.lastEnd == i-1 && sc.lastUnit == u
	}
	return false
}

// matchBase tries the expressions that do not start with "the" or a
// modifier. ctx says a modifier before it already makes a bare month or year
// a date ("early June", "late 2015").
func (sc *scanner) matchBase(i int, ctx bool) (expr, bool) {
	if i >= len(sc.inf) {
		return expr{}, false
	}
	t := sc.at(i)
	switch t.kind {
	case kWord:
		switch t.w {
		case wLast, wNext, wThis, wPast, wComing:
			return sc.matchRel(i)
		case wYesterday, wToday, wTomorrow, wTonight:
			if !sc.known || t.w == wToday && sc.w(i-1) == wUSA {
				return expr{}, false
			}
			j := i + 1
			off := 0
			switch t.w {
			case wYesterday:
				off = -1
			case wTomorrow:
				off = 1
			}
			if t.w != wTonight && (sc.w(j) == wDayPart || sc.w(j) == wNight) {
				j++
			}
			return sc.mk(i, j, dayRes(sc.ref.AddDate(0, 0, off)))
		case wNumWord:
			return sc.matchAgo(i)
		case wQ:
			if y, ok := sc.year(i + 1); ok {
				return sc.mk(i, i+2, quarterRes(y, t.val))
			}
			if !sc.known {
				return expr{}, false
			}
			return sc.mk(i, i+1, quarterNear(t.val, sc.ref, sc.tense(i, i+1)))
		case wOrdWord:
			// "first quarter of 2016", "third quarter 2015"
			if t.val > 4 || sc.w(i+1) != wQuarter {
				return expr{}, false
			}
			j := i + 2
			if sc.w(j) == wOf {
				j++
			}
			if y, ok := sc.year(j); ok {
				return sc.mk(i, j+1, quarterRes(y, t.val))
			}
		case wSeason:
			j := i + 1
			if sc.w(j) == wOf {
				j++
			}
			if y, ok := sc.year(j); ok {
				return sc.mk(i, j+1, seasonRes(y, t.val))
			}
		case wNoon, wMidnight:
			h := 12
			if t.w == wMidnight {
				h = 0
			}
			return expr{i: i, j: i + 1, clock: h, near: -1}, true
		}
		return expr{}, false
	case kNum:
		if e, ok := sc.matchAgo(i); ok {
			return e, true
		}
		if e, ok := sc.matchClock(i); ok {
			return e, true
		}
		if t.nd <= 2 && sc.k(i+1) == kMonth {
			return sc.matchDayMonth(i, i+1)
		}
		if t.nd == 4 && t.val >= 1900 && t.val <= 2099 || t.mid && t.nd == 4 && t.val >= 1000 && t.val <= 2999 || sc.oldYear(i) {
			if !ctx && !t.mid && !sc.context(i, uYear) {
				return expr{}, false
			}
			if n := i + 1; n < len(sc.inf) && (sc.at(n).tag == "NNS" || sc.at(n).tag == "NNPS") {
				return expr{}, false
			}
			r := yearRes(t.val)
			if t.mid {
				r = applyPart(pMid, r)
			}
			return sc.mk(i, i+1, r)
		}
	case kOrd:
		if sc.k(i+1) == kMonth {
			return sc.matchDayMonth(i, i+1)
		}
		if sc.w(i+1) == wOf && sc.k(i+2) == kMonth {
			return sc.matchDayMonth(i, i+2)
		}
	case kMonth:
		return sc.matchMonth(i, ctx)
	case kWeekday:
		return sc.matchWeekday(i)
	case kDate:
		if !validDate(t.val, t.val2, t.val3) {
			return expr{}, false
		}
		return sc.mk(i, i+1, dayRes(date(t.val, t.val2, t.val3)))
	case kDecade:
		r := decadeRes(t.val)
		if t.mid {
			r = applyPart(pMid, r)
		}
		return sc.mk(i, i+1, r)
	case kClock:
		return sc.matchClock(i)
	}
	return expr{}, false
}

// oldYear reports whether token i, a number, is a year from 1500 to 1899 by
// its place: right after "in", "since" or "until" ("a war that ended in
// 1884"), where counts are rarer than after "by" or "to".
func (sc *scanner) oldYear(i int) bool {
	t := sc.at(i)
	if t.nd != 4 || t.val < 1500 || t.val > 1899 || i == 0 || sc.w(i-1) != wPrep {
		return false
	}
	p := sc.toks[i-1].s
	return strings.EqualFold(p, "in") || strings.EqualFold(p, "since") || strings.EqualFold(p, "until")
}

// year reads a four-digit year (1000–2999) at token k.
func (sc *scanner) year(k int) (int, bool) {
	if k < 0 || k >= len(sc.inf) {
		return 0, false
	}
	t := sc.at(k)
	if t.kind == kNum && t.nd == 4 && t.val >= 1000 && t.val <= 2999 {
		return t.val, true
	}
	return 0, false
}

// matchAgo handles "two days ago", "a year ago", "3 weeks ago", and "a day
// earlier", "two weeks later" (see shifted).
func (sc *scanner) matchAgo(i int) (expr, bool) {
	n, ok := sc.count(i)
	if ok && (sc.w(i+2) == wEarlier || sc.w(i+2) == wLater) {
		switch u := sc.w(i + 1); u {
		case wDay, wWeek, wMonth, wYear:
			if sc.w(i+2) == wEarlier {
				n = -n
			}
			e := expr{i: i, j: i + 3, clock: -1}
			e.shift.n, e.shift.unit = n, u
			return e, true
		}
		return expr{}, false
	}
	if !ok || sc.w(i+2) != wAgo || !sc.known {
		return expr{}, false
	}
	ref := sc.ref
	var r res
	switch sc.w(i + 1) {
	case wDay:
		r = dayRes(ref.AddDate(0, 0, -n))
	case wWeek:
		r = weekRes(ref.AddDate(0, 0, -7*n))
	case wMonth:
		f := date(ref.Year(), int(ref.Month())-n, 1)
		r = monthRes(f.Year(), int(f.Month()))
	case wYear:
		r = yearRes(ref.Year() - n)
	case wDecadeW:
		r = yearRes(ref.Year() - 10*n)
	default:
		return expr{}, false
	}
	return sc.mk(i, i+3, r)
}

// shifted resolves "a day earlier", "two weeks later" and the like against
// the last day-grain expression before it in the paragraph (the same
// sentence included: "said on Thursday it backed the soldiers who detained
// him a day earlier" is Wednesday), else against the publication date; with
// neither it is dropped. The value has the grain of the unit: a day, the
// week, month or year of the shifted day.
func (sc *scanner) shifted(e expr) res {
	base := sc.ref
	switch {
	case sc.haveDay:
		base = sc.lastDay.anchor
	case !sc.known:
		return res{}
	}
	n := e.shift.n
	switch e.shift.unit {
	case wDay:
		return dayRes(base.AddDate(0, 0, n))
	case wWeek:
		return weekRes(base.AddDate(0, 0, 7*n))
	case wMonth:
		f := date(base.Year(), int(base.Month())+n, 1)
		return monthRes(f.Year(), int(f.Month()))
	}
	return yearRes(base.Year() + n)
}

// matchClock handles times of day: "9 a.m.", "9:30 p.m.", "9pm", "21:30
// GMT", "1800 GMT", "at 21:30", each optionally followed by "GMT" or "local
// time".
func (sc *scanner) matchClock(i int) (expr, bool) {
	t := sc.at(i)
	h, j := 0, i+1
	switch t.kind {
	case kClock:
		h = t.val
		ap := t.val2
		if ap < 0 {
			switch sc.w(j) {
			case wAM:
				ap = 0
				j++
			case wPM:
				ap = 12
				j++
			}
		}
		if ap >= 0 {
			if h < 1 || h > 12 {
				return expr{}, false
			}
			h = h%12 + ap
		} else if sc.w(j) != wGMT && !(sc.w(j) == wLocal && sc.w(j+1) == wTime) && sc.w(i-1) != wAt {
			return expr{}, false
		}
	case kNum:
		switch {
		case t.nd <= 2 && t.val >= 1 && t.val <= 12 && (sc.w(j) == wAM || sc.w(j) == wPM):
			h = t.val % 12
			if sc.w(j) == wPM {
				h += 12
			}
			j++
		case t.nd == 4 && t.val%100 < 60 && t.val/100 < 24 && sc.w(j) == wGMT:
			h = t.val / 100
		default:
			return expr{}, false
		}
	default:
		return expr{}, false
	}
	switch {
	case sc.w(j) == wGMT:
		j++
	case sc.w(j) == wLocal && sc.w(j+1) == wTime:
		j += 2
	}
	return expr{i: i, j: j, clock: h, near: -1}, true
}

// matchDayMonth handles "18 June 2016", "18 June", "18th of June"; the month
// is at token m.
func (sc *scanner) matchDayMonth(i, m int) (expr, bool) {
	d, mo := sc.at(i).val, sc.at(m).val
	if d < 1 || d > 31 || sc.w(i-1) == wNameBefore {
		return expr{}, false
	}
	if y, ok := sc.year(m + 1); ok {
		if !validDate(y, mo, d) {
			return expr{}, false
		}
		return sc.mk(i, m+2, dayRes(date(y, mo, d)))
	}
	if !sc.known || !validDate(2000, mo, d) {
		return expr{}, false
	}
	r, ok := dayNear(mo, d, sc.ref, sc.tense(i, m+1))
	if !ok {
		return expr{}, false
	}
	return sc.mk(i, m+1, r)
}

// matchMonth handles expressions that start with a month: "June 18, 2016",
// "Jan. 5", "January 5th", "June 18-20", "June 2016", "June of 2016", and a
// bare month where a preposition or modifier makes it a date ("in June",
// "since March", "early June").
func (sc *scanner) matchMonth(i int, ctx bool) (expr, bool) {
	t := sc.at(i)
	m := t.val
	if sc.w(i-1) == wNameBefore {
		return expr{}, false
	}
	j := i + 1
	if j < len(sc.inf) {
		n := sc.at(j)
		switch {
		case n.kind == kNum && n.nd <= 2 && n.val >= 1 && n.val <= 31 || n.kind == kOrd:
			d := n.val
			k := j + 1
			if sc.w(k) == wComma {
				k++
			}
			if y, ok := sc.year(k); ok {
				if !validDate(y, m, d) {
					return expr{}, false
				}
				return sc.mk(i, k+1, dayRes(date(y, m, d)))
			}
			if m == 9 && d == 11 && sc.w(j+1) == wAttack {
				return expr{}, false // the attacks of 2001, not this year's date
			}
			if !sc.known || !validDate(2000, m, d) {
				return expr{}, false
			}
			r, ok := dayNear(m, d, sc.ref, sc.tense(i, j+1))
			if !ok {
				return expr{}, false
			}
			return sc.mk(i, j+1, r)
		case n.kind == kDayRange:
			k := j + 1
			if sc.w(k) == wComma {
				k++
			}
			var lo res
			end := j + 1
			if y, ok := sc.year(k); ok {
				if !validDate(y, m, n.val) {
					return expr{}, false
				}
				lo, end = dayRes(date(y, m, n.val)), k+1
			} else {
				if !sc.known || !validDate(2000, m, n.val) {
					return expr{}, false
				}
				var ok bool
				if lo, ok = dayNear(m, n.val, sc.ref, sc.tense(i, j+1)); !ok {
					return expr{}, false
				}
			}
			if !validDate(lo.lo.Year(), m, n.val2) {
				return expr{}, false
			}
			return sc.mk(i, end, rangeRes(lo.lo, date(lo.lo.Year(), m, n.val2), gDay))
		}
	}
	var r res
	end := j
	if y, ok := sc.year(j); ok {
		r, end = monthRes(y, m), j+1
	} else if y, ok := sc.year(j + 1); ok && sc.w(j) == wOf {
		r, end = monthRes(y, m), j+2
	} else {
		if !ctx && !t.mid && !sc.context(i, uMonth) || !sc.known {
			return expr{}, false
		}
		r = monthNear(m, sc.ref, sc.tense(i, j))
	}
	if t.mid {
		r = applyPart(pMid, r)
	}
	return sc.mk(i, end, r)
}

// matchWeekday handles "Friday", "Thursday night", "Friday morning" and
// "Monday, Feb. 14, 2015" (one expression, resolved by its date).
func (sc *scanner) matchWeekday(i int) (expr, bool) {
	if sc.w(i-1) == wNameBefore || sc.w(i+1) == wNameAfter {
		return expr{}, false
	}
	j := i + 1
	if sc.w(j) == wComma && (sc.k(j+1) == kMonth || sc.k(j+1) == kNum || sc.k(j+1) == kOrd) {
		if e, ok := sc.matchBase(j+1, true); ok && e.clock < 0 && e.r.grain == gDay {
			e.i = i
			return e, true
		}
	}
	if sc.w(j) == wNight || sc.w(j) == wDayPart {
		j++
	}
	if !sc.known {
		return expr{}, false
	}
	return sc.mk(i, j, weekdayNear(sc.at(i).val, sc.ref, sc.tense(i, j)))
}

// matchRel handles "last", "next", "this" and "past" before a weekday,
// month, season or calendar unit: "last Thursday", "next week", "this year",
// "last September", "last night", "this morning", "this past weekend".
func (sc *scanner) matchRel(i int) (expr, bool) {
	if sc.w(i-1) == wThe {
		return expr{}, false // "the last week of June", "the next day"
	}
	dir := sc.w(i)
	j := i + 1
	switch {
	case dir == wThis && sc.w(j) == wPast:
		dir = wLast
		j++
	case dir == wThis && sc.w(j) == wComing:
		dir = wNext
		j++
	case dir == wPast || dir == wComing:
		return sc.matchSpan(i, i, false)
	}
	if _, ok := sc.count(j); ok && j == i+1 {
		// "last two weeks", "next 10 days"; not "this a week" nor "last a".
		a := sc.toks[j].s
		if dir == wThis || strings.EqualFold(a, "a") || strings.EqualFold(a, "an") {
			return expr{}, false
		}
		return sc.matchSpan(i, i, false)
	}
	if !sc.known || j >= len(sc.inf) {
		return expr{}, false
	}
	ref := sc.ref
	t := sc.at(j)
	switch t.kind {
	case kWeekday:
		wd, cur := t.val, int(ref.Weekday())
		k := j + 1
		if sc.w(k) == wNight || sc.w(k) == wDayPart {
			k++
		}
		var r res
		switch dir {
		case wLast:
			back := (cur - wd + 7) % 7
			if back == 0 {
				back = 7
			}
			r = dayRes(ref.AddDate(0, 0, -back))
		case wNext:
			fwd := (wd - cur + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			r = dayRes(ref.AddDate(0, 0, fwd))
		default:
			tn := sc.tense(i, k)
			if tn == tUnknown {
				tn = tFuture
			}
			r = weekdayNear(wd, ref, tn)
		}
		return sc.mk(i, k, r)
	case kMonth:
		m, rm, y := t.val, int(ref.Month()), ref.Year()
		switch dir {
		case wLast:
			if m >= rm {
				y--
			}
		case wNext:
			if m <= rm {
				y++
			}
		}
		return sc.mk(i, j+1, monthRes(y, m))
	}
	switch t.w {
	case wWeek:
		r := weekRes(ref)
		switch dir {
		case wLast:
			r = weekRes(ref.AddDate(0, 0, -7))
		case wNext:
			r = weekRes(ref.AddDate(0, 0, 7))
		}
		return sc.mk(i, j+1, r)
	case wMonth:
		off := 0
		switch dir {
		case wLast:
			off = -1
		case wNext:
			off = 1
		}
		f := date(ref.Year(), int(ref.Month())+off, 1)
		return sc.mk(i, j+1, monthRes(f.Year(), int(f.Month())))
	case wYear:
		off := 0
		switch dir {
		case wLast:
			off = -1
		case wNext:
			off = 1
		}
		return sc.mk(i, j+1, yearRes(ref.Year()+off))
	case wQuarter:
		off := 0
		switch dir {
		case wLast:
			off = -3
		case wNext:
			off = 3
		}
		f := date(ref.Year(), int(ref.Month())+off, 1)
		return sc.mk(i, j+1, quarterRes(f.Year(), quarterOf(f)))
	case wWeekend:
		sat := monday(ref).AddDate(0, 0, 5)
		switch dir {
		case wLast:
			sat = sat.AddDate(0, 0, -7)
		case wNext:
			sat = sat.AddDate(0, 0, 7)
		}
		return sc.mk(i, j+1, rangeRes(sat, sat.AddDate(0, 0, 1), gDay))
	case wNight:
		if dir == wLast {
			return sc.mk(i, j+1, dayRes(ref.AddDate(0, 0, -1)))
		}
	case wDayPart:
		if dir == wThis {
			return sc.mk(i, j+1, dayRes(ref))
		}
	case wSeason:
		return sc.mk(i, j+1, seasonRel(t.val, dir, ref))
	}
	return expr{}, false
}

// seasonRel resolves "last summer" (the last one over before the reference
// day), "next summer" (the first to start after it) and "this summer" (the
// one holding it, else the nearest).
func seasonRel(s int, dir word, ref time.Time) res {
	y := ref.Year()
	switch dir {
	case wLast:
		r := seasonRes(y, s)
		for !r.hi.Before(ref) {
			y--
			r = seasonRes(y, s)
		}
		return r
	case wNext:
		r := seasonRes(y-1, s)
		for !r.lo.After(ref) {
			y++
			r = seasonRes(y-1, s)
		}
		return r
	}
	best, bd := res{}, -1
	for yy := y - 1; yy <= y+1; yy++ {
		r := seasonRes(yy, s)
		d := 0
		switch {
		case r.hi.Before(ref):
			d = int(ref.Sub(r.hi).Hours())
		case r.lo.After(ref):
			d = int(r.lo.Sub(ref).Hours())
		}
		if bd < 0 || d < bd {
			best, bd = r, d
		}
	}
	return best
}

// weekendNear resolves "the weekend": the last Saturday and Sunday begun by
// the reference day, or under a future verb the first not yet over.
func weekendNear(ref time.Time, t tense) res {
	wd := int(ref.Weekday())
	var sat time.Time
	if t == tFuture {
		if wd == 0 {
			sat = ref.AddDate(0, 0, -1)
		} else {
			sat = ref.AddDate(0, 0, 6-wd)
		}
	} else {
		sat = ref.AddDate(0, 0, -((wd + 1) % 7))
	}
	return rangeRes(sat, sat.AddDate(0, 0, 1), gDay)
}

// quarterNear resolves a quarter without a year, as monthNear does a month.
func quarterNear(q int, ref time.Time, t tense) res {
	rq, y := quarterOf(ref), ref.Year()
	if q != rq {
		dp, df := (rq-q+4)%4, (q-rq+4)%4
		if pickFuture(t, dp, df) {
			if q < rq {
				y++
			}
		} else if q > rq {
			y--
		}
	}
	return quarterRes(y, q)
}

// tense reads the grammar around tokens [i, j): the nearest verb group
// before the expression, else the first one after it (within 30 and 20
// tokens). A modal ("will",
// "would", "may"), "scheduled", or a verb before "to" such as "is", "plans",
// "expected", "due", "set" makes it future; a past-tense verb or "has"/"have"
// past; a present-tense verb leaves it unknown.
func (sc *scanner) tense(i, j int) tense {
	if sc.prospective(i) {
		return tFuture
	}
	for k := i - 1; k >= 0 && k >= i-30; k-- {
		if t, ok := sc.verbAt(k); ok {
			return t
		}
	}
	for k := j; k < len(sc.inf) && k < j+20; k++ {
		if t, ok := sc.verbAt(k); ok {
			return t
		}
	}
	return tUnknown
}

// prospective reports whether the words just before token i make it a
// time to come whatever the main verb: "ahead of Sunday's parade", "the
// upcoming", and "for", "by" or "until" after a verb of planning or
// expecting in the same clause ("a summit planned for Saturday", "expected
// by June", "met to plan joint drills for March", "expected the trial to
// last until mid-March"). Modifiers of the expression ("for early July")
// are skipped.
func (sc *scanner) prospective(i int) bool {
	k := i - 1
	for k >= 0 && (sc.w(k) == wEarly || sc.w(k) == wMid || sc.w(k) == wLate || sc.w(k) == wThe) {
		k--
	}
	if k < 0 {
		return false
	}
	s := sc.toks[k].s
	switch {
	case strings.EqualFold(s, "upcoming"):
		return true
	case strings.EqualFold(s, "of"):
		return k > 0 && strings.EqualFold(sc.toks[k-1].s, "ahead")
	case strings.EqualFold(s, "for"), strings.EqualFold(s, "by"), strings.EqualFold(s, "until"), strings.EqualFold(s, "till"):
		for h := k - 1; h >= 0 && h >= k-8; h-- {
			t := sc.at(h)
			if t.w == wScheduled || t.w == wPlanTo && planning(sc.toks[h].s) {
				return true
			}
			switch t.tag {
			case "VBD", "VBZ", "VBP", "VBN", "VBG", "MD", ",", ":", ".":
				return false
			}
			if t.w == wComma {
				return false
			}
		}
	}
	return false
}

// reporting reports whether s is a present verb of saying, knowing or
// being, which is no timetable ("says", "believe", "seems").
func reporting(s string) bool {
	switch strings.ToLower(s) {
	case "say", "says", "tell", "tells", "claim", "claims", "report", "reports", "add", "adds", "note", "notes",
		"insist", "insists", "warn", "warns", "believe", "believes", "think", "thinks", "know", "knows",
		"seem", "seems", "appear", "appears", "remain", "remains", "show", "shows", "suggest", "suggests",
		"want", "wants", "need", "needs", "fear", "fears", "accuse", "accuses", "deny", "denies", "'s", "do", "does":
		return true
	}
	return false
}

// planning reports whether s, a wPlanTo word, plans or expects something
// by itself ("planned for", "due by"), as "going" or "likely" do not.
func planning(s string) bool {
	switch strings.ToLower(s) {
	case "plan", "plans", "planned", "planning", "expected", "due", "set", "intend", "intends", "intended":
		return true
	}
	return false
}

// verbAt says what token k tells of tense, if anything.
func (sc *scanner) verbAt(k int) (tense, bool) {
	t := sc.at(k)
	switch {
	case t.w == wModal && t.kind == kWord || t.tag == "MD":
		return tFuture, true
	case t.w == wScheduled:
		return tFuture, true
	case t.w == wTo && (t.tag == "TO" || t.tag == "") && k+1 < len(sc.inf) && sc.at(k+1).tag == "VB":
		switch sc.w(k - 1) {
		case wPlanTo, wBe, wScheduled:
			return tFuture, true
		}
		// A noun's passive infinitive is to come: "a proposal to be
		// presented on Thursday".
		if k > 0 && k+2 < len(sc.inf) && strings.EqualFold(sc.toks[k+1].s, "be") && sc.at(k+2).tag == "VBN" &&
			strings.HasPrefix(sc.at(k-1).tag, "NN") {
			return tFuture, true
		}
		return tUnknown, false
	}
	switch t.tag {
	case "VBD", "VBZ", "VBP":
		if t.w == wBe {
			n := sc.w(k + 1)
			if n == wTo || n == wScheduled || n == wPlanTo && sc.w(k+2) == wTo {
				return tFuture, true
			}
		}
		if t.tag == "VBD" || t.w == wHave {
			return tPast, true
		}
		// The simple present of an event verb with a time is a timetable:
		// "the bloc, which meets in Abuja on Sunday". Saying and being
		// verbs tell nothing ("says", "is").
		if t.w != wBe && !reporting(sc.toks[k].s) {
			return tFuture, true
		}
		return tUnknown, true
	case "VBN":
		// A participle after an auxiliary or adverb is part of a verb group
		// ("was held", "has already signed"); the auxiliary decides. A bare
		// one is a past verb ("the man arrested Thursday") or a past tense
		// tagged as a participle.
		if t.w == wPlanTo && sc.w(k+1) == wTo {
			return tFuture, true
		}
		if k > 0 {
			p := sc.at(k - 1).tag
			if strings.HasPrefix(p, "VB") || p == "MD" || strings.HasPrefix(p, "RB") {
				return tUnknown, false
			}
		}
		return tPast, true
	}
	if t.tag == "" && t.w == wHave {
		return tPast, true
	}
	return tUnknown, false
}

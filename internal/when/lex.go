package when

// kind is the lexical class of one token.
type kind uint8

const (
	kOther    kind = iota
	kWord          // a word the scanner knows: see tinfo.w
	kMonth         // capitalised month name or abbreviation: val 1..12
	kWeekday       // capitalised weekday name: val 0 (Sunday) .. 6
	kNum           // plain digits: val, nd digits
	kOrd           // digits with an ordinal suffix ("5th"): val
	kDecade        // "1990s": val 1990
	kDate          // "2016-06-18" or an unambiguous "06/18/2016": val, val2, val3 = y, m, d
	kDayRange      // "18-20": val, val2
	kClock         // "9:30", "9am", "9:30pm": val hour, val2 -1 (none), 0 (a.m.), 12 (p.m.)
)

// word is a lower-cased word the scanner knows.
type word uint8

const (
	wNone       word = iota
	wThe             // the
	wLast            // last
	wNext            // next
	wThis            // this
	wPast            // past
	wComing          // coming
	wEarly           // early
	wMid             // mid, middle (as a modifier)
	wLate            // late
	wEarlier         // earlier
	wLater           // later
	wAgo             // ago
	wYesterday       // yesterday
	wToday           // today
	wTomorrow        // tomorrow
	wTonight         // tonight
	wNight           // night
	wDayPart         // morning, afternoon, evening
	wDay             // day, days
	wWeek            // week, weeks
	wMonth           // month, months
	wYear            // year, years
	wDecadeW         // decade, decades
	wHour            // hour, hours
	wQuarter         // quarter
	wWeekend         // weekend
	wOf              // of
	wAt              // at
	wOn              // on
	wPrep            // in, since, until, by, before, after, during, from, through, between, for, ...
	wTo              // to
	wAnd             // and, or
	wComma           // ,
	wDash            // - – —
	wEnd             // end
	wStart           // start, beginning
	wMiddle          // middle
	wAM              // a.m., am
	wPM              // p.m., pm
	wNoon            // noon
	wMidnight        // midnight
	wGMT             // GMT, UTC
	wLocal           // local
	wTime            // time
	wNumWord         // a, an, one .. twelve: val
	wOrdWord         // first .. fourth: val
	wSeason          // spring, summer, autumn, fall, winter: val 0..3
	wQ               // Q1 .. Q4: val
	wNameBefore      // a word that makes a following month or weekday a name: "Black September"
	wNameAfter       // a word that makes a preceding weekday a name: "Sunday Times"
	wAttack          // attack, attacks
	wUSA             // USA (as in "USA Today")
	wModal           // will, 'll, shall, wo, would, may, might, could, should, must, can
	wPlanTo          // plan, expected, due, set, going, intend, aim, hope … (before "to")
	wScheduled       // scheduled, slated
	wBe              // is, are, am, was, were
	wHave            // has, have, 've
)

// tinfo is what the scanner knows of one token.
type tinfo struct {
	kind kind
	w    word
	cap  bool // the first letter is upper case
	mid  bool // the token had a "mid-" prefix: "mid-March", "mid-2015", "mid-1990s"
	abbr bool // a month abbreviation ("Jan.", "Sept")
	nd   int  // digits in a kNum
	val  int
	val2 int
	val3 int
	tag  string
}

// classify returns what the scanner knows of the token s with tag tag.
func classify(s, tag string) tinfo {
	ti := tinfo{tag: tag}
	if s == "" {
		return ti
	}
	c := s[0]
	ti.cap = c >= 'A' && c <= 'Z'
	if c >= '0' && c <= '9' {
		classifyDigits(s, &ti)
		return ti
	}
	if len(s) > 4 && (c == 'm' || c == 'M') && (s[3] == '-') && lowerEq(s[:3], "mid") {
		rest := s[4:]
		sub := classify(rest, tag)
		switch sub.kind {
		case kMonth, kNum, kDecade:
			sub.mid = true
			return sub
		}
		return ti
	}
	if len(s) > 13 {
		return ti
	}
	var buf [16]byte
	n := 0
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[n] = b
		n++
	}
	lw := buf[:n]
	switch string(lw) {
	// Months; "may" and "march" only when capitalised.
	case "january", "jan", "jan.":
		return month(ti, 1, len(s) <= 4)
	case "february", "feb", "feb.":
		return month(ti, 2, len(s) <= 4)
	case "march", "mar", "mar.":
		return month(ti, 3, len(s) <= 4)
	case "april", "apr", "apr.":
		return month(ti, 4, len(s) <= 4)
	case "may":
		if ti.cap {
			return month(ti, 5, false)
		}
		ti.kind, ti.w = kWord, wModal
		return ti
	case "june", "jun", "jun.":
		return month(ti, 6, len(s) <= 4 && s[len(s)-1] != 'e')
	case "july", "jul", "jul.":
		return month(ti, 7, len(s) <= 4 && s[len(s)-1] != 'y')
	case "august", "aug", "aug.":
		return month(ti, 8, len(s) <= 4)
	case "september", "sept", "sept.", "sep", "sep.":
		return month(ti, 9, len(s) <= 5)
	case "october", "oct", "oct.":
		return month(ti, 10, len(s) <= 4)
	case "november", "nov", "nov.":
		return month(ti, 11, len(s) <= 4)
	case "december", "dec", "dec.":
		return month(ti, 12, len(s) <= 4)
	case "sunday":
		return weekday(ti, 0)
	case "monday":
		return weekday(ti, 1)
	case "tuesday":
		return weekday(ti, 2)
	case "wednesday":
		return weekday(ti, 3)
	case "thursday":
		return weekday(ti, 4)
	case "friday":
		return weekday(ti, 5)
	case "saturday":
		return weekday(ti, 6)
	case "q1", "q2", "q3", "q4":
		if ti.cap {
			ti.kind, ti.w, ti.val = kWord, wQ, int(lw[1]-'0')
		}
		return ti
	}
	ti.kind = kWord
	switch string(lw) {
	case "the":
		ti.w = wThe
	case "last":
		ti.w = wLast
	case "next":
		ti.w = wNext
	case "this":
		ti.w = wThis
	case "past":
		ti.w = wPast
	case "coming":
		ti.w = wComing
	case "early":
		ti.w = wEarly
	case "mid":
		ti.w = wMid
	case "late":
		ti.w = wLate
	case "earlier":
		ti.w = wEarlier
	case "later":
		ti.w = wLater
	case "ago":
		ti.w = wAgo
	case "yesterday":
		ti.w = wYesterday
	case "today":
		ti.w = wToday
	case "tomorrow":
		ti.w = wTomorrow
	case "tonight":
		ti.w = wTonight
	case "night":
		ti.w = wNight
	case "morning", "afternoon", "evening":
		ti.w = wDayPart
	case "day", "days":
		ti.w = wDay
	case "week", "weeks":
		ti.w = wWeek
	case "month", "months":
		ti.w = wMonth
	case "year", "years":
		ti.w = wYear
	case "decade", "decades":
		ti.w = wDecadeW
	case "hour", "hours":
		ti.w = wHour
	case "quarter":
		ti.w = wQuarter
	case "weekend":
		ti.w = wWeekend
	case "of":
		ti.w = wOf
	case "at":
		ti.w = wAt
	case "on":
		ti.w = wOn
	case "in", "since", "until", "till", "by", "before", "after", "during", "from",
		"through", "throughout", "between", "for", "around", "as", "circa", "into":
		ti.w = wPrep
	case "to":
		ti.w = wTo
	case "and", "or":
		ti.w = wAnd
	case ",":
		ti.w = wComma
	case "-", "–", "—", "--":
		ti.w = wDash
	case "end":
		ti.w = wEnd
	case "start", "beginning":
		ti.w = wStart
	case "middle":
		ti.w = wMiddle
	case "a.m.", "a.m", "am":
		ti.w = wAM
	case "p.m.", "p.m", "pm":
		ti.w = wPM
	case "noon":
		ti.w = wNoon
	case "midnight":
		ti.w = wMidnight
	case "gmt", "utc":
		ti.w = wGMT
	case "local":
		ti.w = wLocal
	case "time":
		ti.w = wTime
	case "a", "an", "one":
		ti.w, ti.val = wNumWord, 1
	case "two":
		ti.w, ti.val = wNumWord, 2
	case "three":
		ti.w, ti.val = wNumWord, 3
	case "four":
		ti.w, ti.val = wNumWord, 4
	case "five":
		ti.w, ti.val = wNumWord, 5
	case "six":
		ti.w, ti.val = wNumWord, 6
	case "seven":
		ti.w, ti.val = wNumWord, 7
	case "eight":
		ti.w, ti.val = wNumWord, 8
	case "nine":
		ti.w, ti.val = wNumWord, 9
	case "ten":
		ti.w, ti.val = wNumWord, 10
	case "eleven":
		ti.w, ti.val = wNumWord, 11
	case "twelve":
		ti.w, ti.val = wNumWord, 12
	case "first":
		ti.w, ti.val = wOrdWord, 1
	case "second":
		ti.w, ti.val = wOrdWord, 2
	case "third":
		ti.w, ti.val = wOrdWord, 3
	case "fourth":
		ti.w, ti.val = wOrdWord, 4
	case "spring":
		ti.w, ti.val = wSeason, 0
	case "summer":
		ti.w, ti.val = wSeason, 1
	case "autumn", "fall":
		ti.w, ti.val = wSeason, 2
	case "winter":
		ti.w, ti.val = wSeason, 3
	case "black", "bloody", "good", "holy", "ash", "palm", "easter", "super", "maundy",
		"cyber", "red", "shrove", "great":
		if ti.cap {
			ti.w = wNameBefore
		}
	case "times", "telegraph", "express", "mirror", "herald", "mail", "sport",
		"independent", "star", "tribune", "club", "show", "football":
		if ti.cap {
			ti.w = wNameAfter
		}
	case "attack", "attacks":
		ti.w = wAttack
	case "usa":
		ti.w = wUSA
	case "will", "'ll", "shall", "wo", "would", "'d", "might", "could", "should", "must", "can":
		ti.w = wModal
	case "plan", "plans", "planned", "planning", "expected", "due", "set", "going",
		"intend", "intends", "intended", "aim", "aims", "hope", "hopes", "poised", "likely":
		ti.w = wPlanTo
	case "scheduled", "slated":
		ti.w = wScheduled
	case "is", "are", "was", "were", "'re":
		ti.w = wBe
	case "has", "have", "'ve":
		ti.w = wHave
	default:
		ti.kind = kOther
	}
	return ti
}

func month(ti tinfo, m int, abbr bool) tinfo {
	if !ti.cap {
		return ti
	}
	ti.kind, ti.val, ti.abbr = kMonth, m, abbr
	return ti
}

func weekday(ti tinfo, d int) tinfo {
	if !ti.cap {
		return ti
	}
	ti.kind, ti.val = kWeekday, d
	return ti
}

// lowerEq reports whether s equals the lower-case ASCII word w, ignoring case.
func lowerEq(s, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// digits reads the run of ASCII digits at the start of s: its value (capped),
// and its length.
func digits(s string) (v, n int) {
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		if v < 1e6 {
			v = v*10 + int(s[n]-'0')
		}
		n++
	}
	return v, n
}

// classifyDigits fills ti for a token that starts with a digit.
func classifyDigits(s string, ti *tinfo) {
	v, n := digits(s)
	rest := s[n:]
	switch {
	case rest == "":
		ti.kind, ti.val, ti.nd = kNum, v, n
	case rest == "s" && n == 4 && v%10 == 0:
		ti.kind, ti.val = kDecade, v
	case len(rest) == 2 && n <= 2 && ordSuffix(v, rest):
		ti.kind, ti.val = kOrd, v
	case rest[0] == '-' && n == 4:
		// ISO date 2016-06-18.
		m, n2 := digits(rest[1:])
		if n2 != 2 || len(rest) < 4 || rest[3] != '-' {
			return
		}
		d, n3 := digits(rest[4:])
		if n3 != 2 || len(rest) != 6 {
			return
		}
		ti.kind, ti.val, ti.val2, ti.val3 = kDate, v, m, d
	case rest[0] == '-' && n <= 2:
		// Day range 18-20.
		d2, n2 := digits(rest[1:])
		if n2 == 0 || n2 > 2 || len(rest) != n2+1 || v < 1 || d2 > 31 || v >= d2 {
			return
		}
		ti.kind, ti.val, ti.val2 = kDayRange, v, d2
	case rest[0] == '/' && n <= 2:
		// 06/18/2016 or 18/06/2016, only when the order is clear.
		b, n2 := digits(rest[1:])
		if n2 == 0 || n2 > 2 || len(rest) < n2+2 || rest[n2+1] != '/' {
			return
		}
		y, n3 := digits(rest[n2+2:])
		if n3 != 4 || len(rest) != n2+2+n3 {
			return
		}
		a := v
		var m, d int
		switch {
		case a == b && a <= 12:
			m, d = a, b
		case a <= 12 && b > 12:
			m, d = a, b
		case b <= 12 && a > 12:
			m, d = b, a
		default:
			return
		}
		ti.kind, ti.val, ti.val2, ti.val3 = kDate, y, m, d
	case (rest[0] == ':' || rest[0] == '.') && n <= 2:
		// 9:30, 21:00, 9:30pm, 9.30am
		mm, n2 := digits(rest[1:])
		if n2 != 2 || mm > 59 || v > 23 {
			return
		}
		suf := rest[3:]
		if rest[0] == '.' && suf == "" {
			return // a decimal number
		}
		ti.kind, ti.val, ti.val2 = kClock, v, ampm(suf)
		if ti.val2 == -2 || ti.val2 >= 0 && (v == 0 || v > 12) {
			ti.kind = kOther
		}
	case n <= 2:
		// 9am, 11pm
		ap := ampm(rest)
		if ap < 0 || v == 0 || v > 12 {
			return
		}
		ti.kind, ti.val, ti.val2 = kClock, v, ap
	}
}

// ampm reads a clock suffix: -1 none, 0 a.m., 12 p.m., -2 anything else.
func ampm(s string) int {
	switch {
	case s == "":
		return -1
	case lowerEq(s, "am"), lowerEq(s, "a.m."), lowerEq(s, "a.m"):
		return 0
	case lowerEq(s, "pm"), lowerEq(s, "p.m."), lowerEq(s, "p.m"):
		return 12
	}
	return -2
}

// ordSuffix reports whether suf is the English ordinal suffix of v.
func ordSuffix(v int, suf string) bool {
	want := "th"
	if v%100 < 11 || v%100 > 13 {
		switch v % 10 {
		case 1:
			want = "st"
		case 2:
			want = "nd"
		case 3:
			want = "rd"
		}
	}
	return lowerEq(suf, want)
}

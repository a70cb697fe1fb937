package clean

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// dateline is what opens a wire report: "GAZA CITY, Feb 3 (AFP) -".
type dateline struct {
	place  string    // "GAZA CITY", "KYIV, Ukraine"
	agency string    // "AFP", or ""
	date   time.Time // a full date in the dateline, or zero
}

// notPlaces are capitalised openings that look like a dateline place but
// are labels.
var notPlaces = map[string]bool{
	"BREAKING": true, "BREAKING NEWS": true, "UPDATE": true, "UPDATED": true, "EXCLUSIVE": true,
	"ANALYSIS": true, "OPINION": true, "EDITORIAL": true, "COMMENTARY": true, "WATCH": true,
	"VIDEO": true, "PHOTOS": true, "PHOTO": true, "LIVE": true, "FILE": true, "NOTE": true,
	"EDITOR'S NOTE": true, "EDITOR’S NOTE": true, "CORRECTION": true, "REVIEW": true,
	"INTERVIEW": true, "FACTBOX": true, "EXPLAINER": true, "WARNING": true, "URGENT": true,
	"FLASH": true, "ALERT": true, "Q&A": true, "UPDATE 1": true, "UPDATE 2": true,
}

// placeConnectors are the lower-case words a capitalised place name may hold.
var placeConnectors = map[string]bool{
	"de": true, "del": true, "la": true, "le": true, "les": true, "al": true, "el": true,
	"of": true, "on": true, "upon": true, "am": true, "an": true, "der": true, "di": true,
	"da": true, "do": true, "dos": true, "das": true, "es": true, "sur": true, "en": true,
	"the": true, "y": true, "au": true,
}

// parseDateline reads the dateline that opens a first paragraph: a place in
// capitals or capitalised words, then optionally ", Country", a date and
// "(Agency)", then a dash or colon. A capitalised (not upper-case) place
// needs one of those extras, so that "Kerry - who ..." is not a dateline.
func parseDateline(s string) (dateline, bool) {
	i, ok := datelineEnd(s)
	if !ok {
		return dateline{}, false
	}
	prefix := strings.TrimSpace(s[:i])
	var d dateline
	if strings.HasSuffix(prefix, ")") {
		j := strings.LastIndexByte(prefix, '(')
		if j < 0 || !agencyLike(prefix[j+1:len(prefix)-1]) {
			return dateline{}, false
		}
		d.agency = prefix[j+1 : len(prefix)-1]
		prefix = strings.TrimSuffix(strings.TrimSpace(prefix[:j]), ",")
	}
	parts := strings.Split(prefix, ",")
	place := strings.TrimSpace(parts[0])
	caps, ok := placeLike(place)
	if !ok {
		return dateline{}, false
	}
	d.place = place
	extras := d.agency != ""
	sawDate := false
	var dateText []string
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		switch {
		case p == "":
			return dateline{}, false
		case datePart(p):
			sawDate = true
			dateText = append(dateText, p)
		case !sawDate && regionLike(p):
			d.place += ", " + p
		default:
			return dateline{}, false
		}
		extras = true
	}
	if !caps && !extras {
		return dateline{}, false
	}
	if ds := fullDates(strings.Join(dateText, ", ")); len(ds) > 0 {
		d.date = ds[0]
	}
	return d, true
}

// datelineEnd finds the dash or colon that ends a dateline within the first
// 100 bytes of s, and returns where it starts. Text must follow it.
func datelineEnd(s string) (int, bool) {
	n := min(len(s), 100)
	for i := 1; i < n; i++ {
		var sep int
		switch s[i] {
		case ' ':
			switch {
			case strings.HasPrefix(s[i:], " - "), strings.HasPrefix(s[i:], " – "), strings.HasPrefix(s[i:], " — "):
				sep = strings.IndexByte(s[i+1:], ' ') + i + 2
			case strings.HasPrefix(s[i:], " -- "):
				sep = i + 4
			default:
				continue
			}
		case '-':
			if !strings.HasPrefix(s[i:], "- ") && !strings.HasPrefix(s[i:], "-- ") {
				continue
			}
			sep = strings.IndexByte(s[i:], ' ') + i + 1
		case ':':
			if !strings.HasPrefix(s[i:], ": ") {
				continue
			}
			sep = i + 2
		case 0xE2: // "—" or "–" without spaces
			if !strings.HasPrefix(s[i:], "—") && !strings.HasPrefix(s[i:], "–") {
				continue
			}
			sep = i + 3
			if sep < len(s) && s[sep] == ' ' {
				sep++
			}
		case '(', ')', ',', '.', '\'':
			continue
		default:
			c := s[i]
			if c < utf8.RuneSelf && !isWordByte(c) && c != '&' {
				return 0, false // no dateline holds other punctuation
			}
			continue
		}
		rest := s[sep:]
		if rest == "" {
			return 0, false
		}
		r, _ := utf8.DecodeRuneInString(rest)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"'“‘(", r) {
			return 0, false
		}
		return i, true
	}
	return 0, false
}

// placeLike reports whether p can be a dateline place, and whether it is in
// capitals ("GAZA CITY", "ST. PETERSBURG") rather than capitalised words
// ("Kyiv", "Rio de Janeiro").
func placeLike(p string) (caps bool, ok bool) {
	if p == "" || len(p) > 40 || notPlaces[p] || strings.HasSuffix(p, ".") {
		return false, false
	}
	words := strings.Split(p, " ")
	if len(words) > 4 {
		return false, false
	}
	letters, upper := 0, 0
	for _, r := range p {
		switch {
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		case r == ' ' || r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return false, false
		}
	}
	if letters < 2 {
		return false, false
	}
	if upper == letters {
		return true, true
	}
	for k, w := range words {
		if w == "" {
			return false, false
		}
		if startsUpper(w) {
			continue
		}
		if k == 0 || !placeConnectors[w] {
			return false, false
		}
	}
	return false, true
}

// regionLike reports whether p can be the state or country after a
// dateline place ("Ukraine", "D.C.", "Calif.", "N.Y.").
func regionLike(p string) bool {
	if len(p) > 40 || !startsUpper(p) {
		return false
	}
	words := strings.Split(p, " ")
	if len(words) > 4 {
		return false
	}
	for _, r := range p {
		if !unicode.IsLetter(r) && !strings.ContainsRune(" .-'’", r) {
			return false
		}
	}
	for k, w := range words {
		if w == "" || (!startsUpper(w) && (k == 0 || !placeConnectors[w])) {
			return false
		}
	}
	return true
}

// datePart reports whether p is a date in a dateline: "July 5", "Feb. 3",
// "3 Feb", "2016", "Friday" or "July 15 2016".
func datePart(p string) bool {
	ws := strings.Split(p, " ")
	switch len(ws) {
	case 1:
		_, ok := year(ws[0])
		return ok || isWeekday(ws[0])
	case 2:
		return dateWords(ws)
	case 3:
		if _, ok := month(ws[0]); ok {
			_, ok1 := day(ws[1])
			_, ok2 := year(ws[2])
			return ok1 && ok2
		}
		return dateWords(ws)
	}
	return false
}

// agencyLike reports whether a is a news agency's name in a dateline
// ("Reuters", "AFP", "AP", "dpa", "Xinhua").
func agencyLike(a string) bool {
	if a == "" || len(a) > 30 || strings.Count(a, " ") > 3 {
		return false
	}
	for _, r := range a {
		if !unicode.IsLetter(r) && !strings.ContainsRune(" .-&/", r) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(a)
	return unicode.IsLetter(r)
}

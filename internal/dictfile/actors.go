package dictfile

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Actors is an actor dictionary in the TABARI or PETRARCH format: primary
// phrases with '+' synonyms and codes, each code optionally restricted to a
// date range. TABARI's <NOUN> and <ADJECTIVE> word lists are kept too.
type Actors struct {
	Entries    []Actor
	Nouns      []Listed
	Adjectives []Listed
	Warnings   []Problem
}

// Listed is a phrase from a TABARI word list such as <NOUN>.
type Listed struct {
	Phrase Phrase
	Pos    Pos
}

// Actor is one entry: a primary phrase, its synonyms and its codes.
type Actor struct {
	Phrase   Phrase
	Synonyms []Listed
	// Codes in file order; the first one whose restriction holds applies
	// (see CodeOn).
	Codes []ActorCode
	Pos   Pos
}

// DateKind says how a code is restricted in time.
type DateKind uint8

// The date restrictions of actor codes; bounds are inclusive.
const (
	// Always is an unrestricted (default) code.
	Always DateKind = iota
	// Before is "[CODE <date]": on or before To.
	Before
	// After is "[CODE >date]": on or after From.
	After
	// Between is "[CODE date-date]": from From to To.
	Between
)

// Date is a calendar date as the number YYYYMMDD, so that dates compare as
// integers. The zero Date means no date.
type Date int32

// MakeDate returns the Date of t's calendar day.
func MakeDate(t time.Time) Date {
	y, m, d := t.Date()
	return Date(y*10000 + int(m)*100 + d)
}

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time {
	return time.Date(int(d/10000), time.Month(d/100%100), int(d%100), 0, 0, 0, 0, time.UTC)
}

// String formats the date as YYYY-MM-DD.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d/10000, d/100%100, d%100)
}

// ActorCode is one code of an actor with its date restriction.
type ActorCode struct {
	// Code as written, e.g. "USAGOV", "---", "###", "FRO/BIL/SAM".
	Code     string
	Kind     DateKind
	From, To Date
	Pos      Pos
}

// Holds reports whether the restriction holds on day d.
func (c ActorCode) Holds(d Date) bool {
	switch c.Kind {
	case Before:
		return d <= c.To
	case After:
		return d >= c.From
	case Between:
		return c.From <= d && d <= c.To
	}
	return true
}

// CodeOn returns the code of the actor on day d: the first date-restricted
// code that holds, else the last unrestricted code. ok is false when no code
// applies (the actor then codes as the null code).
func (a *Actor) CodeOn(d Date) (c ActorCode, ok bool) {
	var def ActorCode
	found := false
	for _, c := range a.Codes {
		if c.Kind == Always {
			def, found = c, true
			continue
		}
		if c.Holds(d) {
			return c, true
		}
	}
	return def, found
}

// ParseActors reads an actor dictionary. name is recorded in every Pos.
func ParseActors(name string, r io.Reader) (*Actors, error) {
	src, err := readAll(name, r)
	if err != nil {
		return nil, err
	}
	var (
		a       Actors
		ps      problems
		cur     *Actor
		section string
	)
	a.Entries = make([]Actor, 0, countLinesStartingWord(src))
	sc := newScanner(name, src, &ps)
	for {
		l, ok := sc.next()
		if !ok {
			break
		}
		t := strings.TrimLeft(l.text, " \t")
		if strings.HasPrefix(t, "~~") || strings.HasPrefix(t, "---STOP---") {
			break
		}
		switch {
		case t[0] == '<':
			switch tag := strings.ToUpper(t); tag {
			case "<NOUN>", "<ADJECTIVE>":
				section = tag
			case "</NOUN>", "</ADJECTIVE>":
				if "<"+tag[2:] != section {
					ps.errorf(l.pos, "%s without %s", t, "<"+tag[2:])
				}
				section = ""
			default:
				ps.errorf(l.pos, "unknown section %s", quote(t))
			}
			cur = nil
		case section != "":
			if strings.ContainsAny(t, "[]") {
				ps.errorf(l.pos, "codes are not allowed in a %s list", section)
				continue
			}
			e := Listed{Phrase: parsePhrase(t), Pos: l.pos}
			if section == "<NOUN>" {
				a.Nouns = append(a.Nouns, e)
			} else {
				a.Adjectives = append(a.Adjectives, e)
			}
		case t[0] == '[':
			if cur == nil {
				ps.errorf(l.pos, "code line before any actor")
				continue
			}
			cur.Codes = append(cur.Codes, actorCodes(l.pos, t, &ps)...)
		case t[0] == '+':
			if cur == nil {
				ps.errorf(l.pos, "synonym before any actor")
				continue
			}
			head, codes := actorLine(l.pos, t[1:], &ps)
			if head.Raw == "" {
				ps.errorf(l.pos, "empty synonym")
				continue
			}
			cur.Synonyms = append(cur.Synonyms, Listed{Phrase: head, Pos: l.pos})
			cur.Codes = append(cur.Codes, codes...)
		default:
			head, codes := actorLine(l.pos, t, &ps)
			a.Entries = append(a.Entries, Actor{Phrase: head, Codes: codes, Pos: l.pos})
			cur = &a.Entries[len(a.Entries)-1]
		}
	}
	if section != "" {
		ps.errorf(Pos{File: name, Line: lineCount(src)}, "%s list is never closed", section)
	}
	a.Warnings = ps.warns
	return &a, ps.err()
}

// actorLine splits "PHRASE [code] [code]" into the phrase and its codes.
func actorLine(pos Pos, t string, ps *problems) (Phrase, []ActorCode) {
	i := strings.IndexByte(t, '[')
	if i < 0 {
		if strings.IndexByte(t, ']') >= 0 {
			// e.g. "+FAEROYENE]_"
			ps.warnf(pos, "stray ']' in phrase ignored")
			t = strings.ReplaceAll(t, "]", "")
		}
		return parsePhrase(t), nil
	}
	return parsePhrase(t[:i]), actorCodes(pos, t[i:], ps)
}

// actorCodes reads one or more "[CODE restriction]" blocks.
func actorCodes(pos Pos, t string, ps *problems) []ActorCode {
	_, blocks, tail, msg := splitCodes(t)
	if msg != "" {
		ps.errorf(pos, "%s", msg)
		return nil
	}
	if tail != "" {
		ps.warnf(pos, "text after the code ignored, as PETRARCH does: %s", quote(tail))
	}
	out := make([]ActorCode, 0, len(blocks))
	for _, b := range blocks {
		if c, ok := actorCode(pos, b, ps); ok {
			out = append(out, c)
		}
	}
	return out
}

func actorCode(pos Pos, b string, ps *problems) (ActorCode, bool) {
	b = strings.TrimSpace(b)
	code, rest, _ := strings.Cut(b, " ")
	if j := strings.IndexAny(code, "<>"); j > 0 { // "[ABC<991231]"
		code, rest = code[:j], code[j:]+" "+rest
	}
	rest = strings.TrimSpace(rest)
	c := ActorCode{Code: code, Pos: pos}
	if code == "" {
		ps.errorf(pos, "empty code []")
		return c, false
	}
	if looksLikeDate(code) || code[0] == '<' || code[0] == '>' {
		ps.errorf(pos, "code missing before date restriction in [%s]", b)
		return c, false
	}
	if rest == "" {
		return c, true
	}
	var msg string
	switch rest[0] {
	case '<':
		c.Kind = Before
		c.To, msg = parseDate(strings.TrimSpace(rest[1:]))
	case '>':
		c.Kind = After
		c.From, msg = parseDate(strings.TrimSpace(rest[1:]))
	default:
		from, to, ok := strings.Cut(rest, "-")
		if !ok {
			if _, m := parseDate(rest); m == "" || strings.HasPrefix(m, "date has") {
				ps.warnf(pos, "date in [%s] has no <, > or -; read as an unrestricted code, as PETRARCH does", b)
				return c, true
			}
			ps.errorf(pos, "restriction in [%s] must be <date, >date or date-date", b)
			return c, false
		}
		c.Kind = Between
		var m2 string
		c.From, msg = parseDate(strings.TrimSpace(from))
		c.To, m2 = parseDate(strings.TrimSpace(to))
		if msg == "" || strings.HasPrefix(msg, "date has") && m2 != "" {
			if strings.HasPrefix(msg, "date has") && strings.HasPrefix(m2, "date has") {
				ps.warnf(pos, "[%s]: %s", b, msg)
			}
			msg = m2
		}
		if (msg == "" || strings.HasPrefix(msg, "date has")) && c.To < c.From {
			ps.warnf(pos, "[%s]: end date before start date; PETRARCH skips this restriction and so does dyad", b)
			return c, false
		}
	}
	switch {
	case strings.HasPrefix(msg, "7-digit"):
		ps.warnf(pos, "[%s]: %s; PETRARCH skips this restriction and so does dyad", b, msg)
		return c, false
	case strings.HasPrefix(msg, "date has"):
		ps.warnf(pos, "[%s]: %s", b, msg)
	case msg != "":
		ps.errorf(pos, "[%s]: %s", b, msg)
		return c, false
	}
	return c, true
}

func looksLikeDate(s string) bool {
	if len(s) < 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '-' {
			return false
		}
	}
	return true
}

// parseDate reads YYMMDD (years 00-30 are 20YY, others 19YY, as in KEDS,
// TABARI and PETRARCH) or YYYYMMDD. Like PETRARCH it reads only the first 8
// digits of a longer number; the message then starts "date has" and the
// date is valid.
func parseDate(s string) (Date, string) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, "date " + quote(s) + " must be YYMMDD or YYYYMMDD"
		}
	}
	if len(s) > 8 {
		d, msg := parseDate(s[:8])
		if msg != "" {
			return 0, msg
		}
		return d, "date has " + strconv.Itoa(len(s)) + " digits: read as " + s[:8] + ", as PETRARCH does"
	}
	var y, m, d int
	switch len(s) {
	case 6:
		y = atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, d = atoi(s[2:4]), atoi(s[4:6])
	case 8:
		y, m, d = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:8])
	case 7:
		return 0, "7-digit date " + quote(s) + " is neither YYMMDD nor YYYYMMDD"
	default:
		return 0, "date " + quote(s) + " must be YYMMDD or YYYYMMDD"
	}
	if m < 1 || m > 12 {
		return 0, "month out of range in date " + quote(s)
	}
	if d < 1 || d > daysIn(y, m) {
		return 0, "day out of range in date " + quote(s)
	}
	return Date(y*10000 + m*100 + d), ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

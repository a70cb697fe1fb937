package coder

import (
	"strconv"
	"strings"

	"dyad/news"
)

// Commas are the lengths, in words, of the comma-delimited clauses that are
// deleted before a sentence is coded (TABARI's COMMA option, PETRARCH's
// comma_* switches): an initial clause (from the start to the first comma)
// of BMin to BMax words, an internal clause (between two commas) of Min to
// Max words, and a terminal clause (from the last comma to the end) of
// EMin to EMax words. A range whose maximum is 0 deletes nothing.
type Commas struct {
	Min, Max, BMin, BMax, EMin, EMax int
}

func (c Commas) active() bool { return c.Max > 0 || c.BMax > 0 || c.EMax > 0 }

// parseCommas reads TABARI's "MIN = 4 MAX = 6 EMIN = 3 …" or "OFF" into c.
func parseCommas(c Commas, s string) (Commas, error) {
	f := strings.Fields(strings.ToUpper(strings.ReplaceAll(s, "=", " = ")))
	if len(f) == 1 && f[0] == "OFF" {
		return Commas{}, nil
	}
	for i := 0; i+2 < len(f); i += 3 {
		if f[i+1] != "=" {
			return c, errBadComma(s)
		}
		n, err := strconv.Atoi(f[i+2])
		if err != nil {
			return c, errBadComma(s)
		}
		if !c.set(strings.ToLower(f[i]), n) {
			return c, errBadComma(s)
		}
	}
	if len(f)%3 != 0 {
		return c, errBadComma(s)
	}
	return c, nil
}

type errBadComma string

func (e errBadComma) Error() string { return "cannot read comma lengths " + strconv.Quote(string(e)) }

// set sets the bound named as in PETRARCH's switches without "comma_"
// (min, max, bmin, bmax, emin, emax).
func (c *Commas) set(name string, n int) bool {
	switch name {
	case "min":
		c.Min = n
	case "max":
		c.Max = n
	case "bmin":
		c.BMin = n
	case "bmax":
		c.BMax = n
	case "emin":
		c.EMin = n
	case "emax":
		c.EMax = n
	default:
		return false
	}
	return true
}

// deleteClauses returns s without the comma-delimited clauses whose
// lengths c deletes, each with the comma that opens or closes it, or s
// itself when none is. Tokens keep their spans into the text. The commas
// are taken left to right: a deleted internal clause uses up the comma
// that closes it, which then opens no further clause. A comma for which
// inPhrase reports true lies inside a phrase (adjectives "complete, full
// ties") and delimits no clause; a clause of tokens [lo, hi) for which
// listed reports true is an item of a list of actors ("Mordor, the Shire,
// Fornost and Bree") and is kept, and its closing comma, which belongs to
// the list, opens no clause either. Either may be nil.
func (c Commas) deleteClauses(s *news.Sentence, inPhrase func(i int) bool, listed func(lo, hi int) bool) *news.Sentence {
	if !c.active() {
		return s
	}
	toks := s.Tokens
	var commas []int
	for i, t := range toks {
		if t.Text == "," && (inPhrase == nil || !inPhrase(i)) {
			commas = append(commas, i)
		}
	}
	if len(commas) == 0 {
		return s
	}
	end := len(toks)
	for end > 0 && isFinalPunct(toks[end-1].Text) {
		end--
	}
	drop := make([]bool, len(toks))
	dropped := false
	mark := func(lo, hi int) {
		for k := lo; k < hi; k++ {
			drop[k] = true
		}
		dropped = true
	}
	in := func(n, lo, hi int) bool { return hi > 0 && n >= lo && n <= hi }
	clause := func(lo, hi, min, max int) bool {
		return in(countWords(toks[lo:hi]), min, max) && (listed == nil || !listed(lo, hi))
	}
	if first := commas[0]; clause(0, first, c.BMin, c.BMax) {
		mark(0, first+1)
	}
	for j := 0; j < len(commas); j++ {
		a := commas[j]
		if j+1 == len(commas) {
			if clause(a+1, end, c.EMin, c.EMax) {
				mark(a, end)
			}
			break
		}
		b := commas[j+1]
		switch {
		case clause(a+1, b, c.Min, c.Max):
			mark(a, b) // the clause and its opening comma
			j++
		case listed != nil && listed(a+1, b):
			j++ // a list item: its closing comma goes on the list
		}
	}
	if !dropped {
		return s
	}
	ns := *s
	ns.Tokens = make([]news.Token, 0, len(toks))
	for k, t := range toks {
		if !drop[k] {
			ns.Tokens = append(ns.Tokens, t)
		}
	}
	if len(ns.Tokens) == 0 {
		return s
	}
	return &ns
}

func isFinalPunct(w string) bool {
	switch w {
	case ".", "!", "?", "''", "\"", "'":
		return true
	}
	return false
}

// clauseText returns the words of s that are left, joined by blanks.
func clauseText(s *news.Sentence) string {
	var b strings.Builder
	for i, t := range s.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

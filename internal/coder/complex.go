package coder

import (
	"fmt"
	"strconv"
	"strings"
)

// Complexity is TABARI's complexity rule (the COMPLEX option): a sentence
// judged too complex to code by sparse parsing is left uncoded. A
// sentence is complex when a dictionary entry that matched in it is coded
// "+++", or when it reaches one of the limits below.
type Complexity struct {
	// Verbs: a sentence with at least this many verbs (words tagged as
	// verbs that begin a dictionary verb, none after a determiner) is
	// complex; 0 sets no limit.
	Verbs int
	// Conj: a sentence with at least this many conjunctions ("and",
	// "or", "but") outside compound actors is complex; 0 sets no limit.
	Conj int
	// NoActorPrior: a sentence that codes an event and has no actor
	// before its first dictionary verb is complex (TABARI's NOACTPRIOR).
	NoActorPrior bool
}

// parseComplex reads "VERBS[5] CONJ[4] ..." (other conditions and
// switches, such as EXPLAIN, are accepted and ignored).
func parseComplex(s string) (Complexity, error) {
	var cx Complexity
	for _, f := range strings.Fields(strings.ToUpper(s)) {
		name, rest, ok := strings.Cut(f, "[")
		if !ok {
			if f == "NOACTPRIOR" {
				cx.NoActorPrior = true
			}
			continue
		}
		n, err := strconv.Atoi(strings.TrimSuffix(rest, "]"))
		if err != nil || n < 0 {
			return cx, fmt.Errorf("not a count: %q", f)
		}
		switch name {
		case "VERBS":
			cx.Verbs = n
		case "CONJ":
			cx.Conj = n
		}
	}
	return cx, nil
}

// complexMark is the code that marks a dictionary entry as making its
// sentence too complex to code.
const complexMark = "+++"

// complex reports why the analysed sentence is too complex to code ("" when
// it is not).
func (st *state) complex() string {
	for _, u := range st.units {
		if strings.Contains(u.code, complexMark) {
			return "an actor coded " + complexMark
		}
	}
	for i := range st.events {
		e := &st.events[i]
		if strings.Contains(e.Code, complexMark) || e.Source != nil && strings.Contains(e.Source.Code, complexMark) ||
			e.Target != nil && strings.Contains(e.Target.Code, complexMark) {
			return "an entry coded " + complexMark
		}
	}
	cx := st.c.opts.Complex
	if cx.NoActorPrior && len(st.events) > 0 && st.firstVerb >= 0 && !st.actorBefore(st.s.Tokens[st.firstVerb].Span[0]) {
		return "no actor before the first verb"
	}
	if cx.Verbs > 0 {
		if n := st.countVerbs(); n >= cx.Verbs {
			return fmt.Sprintf("%d verbs", n)
		}
	}
	if cx.Conj > 0 {
		if n := st.countConj(); n >= cx.Conj {
			return fmt.Sprintf("%d conjunctions", n)
		}
	}
	return ""
}

// countVerbs counts the dictionary verbs of the sentence: words outside
// actor phrases tagged as verbs (any word in all-capitals text), a word
// after a determiner or between it and its noun being no verb.
func (st *state) countVerbs() int {
	n := 0
	for i := 0; i < len(st.ws); i++ {
		if st.inUnit[i] {
			continue
		}
		if !isVerbTag(st.tag(i)) && !st.caps {
			continue
		}
		maybe, noun := st.maybeVerb(i)
		if !maybe || noun {
			continue
		}
		h, ok := st.findVerb(i)
		if !ok {
			continue
		}
		i = h.last - 1
		if !st.prenominal(h) {
			n++
		}
	}
	return n
}

// countConj counts the conjunctions of the sentence that do not join the
// actors of a compound ("Arnor and Gondor").
func (st *state) countConj() int {
	n := 0
	for i, w := range st.ws {
		switch w {
		case "AND", "OR", "BUT":
		default:
			continue
		}
		if st.inGroup(i) || st.groupEndingAt(i) != nil && i+1 < len(st.ws) && st.groupAt[i+1] >= 0 {
			continue
		}
		n++
	}
	return n
}

// actorBefore reports whether an actor phrase of the sentence starts
// before the byte offset at.
func (st *state) actorBefore(at int) bool {
	for _, u := range st.units {
		if u.first >= 0 && st.s.Tokens[u.first].Span[0] < at {
			return true
		}
	}
	return false
}

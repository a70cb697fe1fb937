package coder

// This file finds the verbs of a sentence and codes each: its patterns,
// auxiliaries, negation, passive voice and the source and target it takes.

import (
	"strings"

	"dyad/internal/dictfile"
	"dyad/news"
)

// verbHit is a dictionary verb found in the words: [first, last). A verb
// listed in several blocks has one candidate per block.
type verbHit struct {
	first, last int
	cand        verbCand
	more        []verbCand
}

// cands returns the number of the hit's candidate verbs.
func (h *verbHit) cands() int { return 1 + len(h.more) }

// candAt returns the hit's k-th candidate verb, h.cand first.
func (h *verbHit) candAt(k int) verbCand {
	if k == 0 {
		return h.cand
	}
	return h.more[k-1]
}

// bind holds what a pattern's markers bound: groups by their index in
// st.groups plus one (0 for none), so that saving and restoring a bind
// while backtracking copies no pointers.
type bind struct {
	source, target, compound int
	lo                       int  // leftmost word matched before the verb
	words                    int  // the pattern words matched
	skipEnd                  int  // the word after the last phrase skipped by '^'
	after                    bool // matching the words after the verb
	compoundAfter            bool // the compound was found after the verb
}

// findVerb returns the longest dictionary verb whose indexed word is word i.
func (st *state) findVerb(i int) (verbHit, bool) {
	ix := st.c.ix
	w := st.ws[i]
	var best verbHit
	found := false
	try := func(k string) {
		for _, vc := range ix.verbs[k] {
			first := i - vc.head
			last := first + len(vc.words)
			if first < 0 || last > len(st.ws) {
				continue
			}
			ok := true
			for j, d := range vc.words {
				exact := vc.exact || j != vc.head || !ix.stem
				if ix.stem && j == vc.head && vc.exact {
					if !verbEnding(d, st.ws[first+j]) {
						ok = false
						break
					}
					continue
				}
				if !wordMatch(d, st.ws[first+j], ix.stem, exact) {
					ok = false
					break
				}
			}
			if !ok && vc.gaps != "" {
				last, ok = st.gappedVerb(vc, i)
			}
			switch {
			case !ok:
			case !found || len(vc.words) > len(best.cand.words):
				best, found = verbHit{first: first, last: last, cand: vc}, true
			case len(vc.words) == len(best.cand.words) && first == best.first && vc.block != best.cand.block:
				best.more = append(best.more, vc)
			}
		}
	}
	try(w)
	if ix.stem && len(w) > 2 {
		try(keyOf(w, true))
	}
	return best, found
}

// gappedVerb matches the TABARI verb phrase vc, whose first word is word
// i, with up to maxPhraseGap plain words where the dictionary wrote a
// blank ("DEATH TOLL RISEN": "death toll has risen"); it returns the word
// after the phrase.
func (st *state) gappedVerb(vc verbCand, i int) (int, bool) {
	j := i
	for k, d := range vc.words {
		if k > 0 && vc.gaps[k-1] == ' ' {
			for g := 0; g < maxPhraseGap && j < len(st.ws) && !wordMatch(d, st.ws[j], true, true) && plainWord(st.ws[j]); g++ {
				j++
			}
		}
		if j >= len(st.ws) {
			return 0, false
		}
		switch {
		case k == 0 && vc.exact:
			if !verbEnding(d, st.ws[j]) {
				return 0, false
			}
		case !wordMatch(d, st.ws[j], true, k != 0):
			return 0, false
		}
		j++
	}
	return j, true
}

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") }

// codeVerbs codes the events of the sentence's verbs, left to right.
func (st *state) codeVerbs() {
	n := len(st.ws)
	doneClause := map[int]bool{}
	var prevSource *group
	havePrev := false // a verb before set prevSource (nil: a subject that is no actor)
	for i := 0; i < n; i++ {
		if st.inUnit[i] {
			continue
		}
		maybe, patternOnly := st.maybeVerb(i)
		if !maybe && !st.recoveredVerb(i) {
			continue
		}
		if st.c.opts.News && haveWords[st.ws[i]] && st.verbAfter(i+1) {
			// news: "had attacked": an auxiliary is no verb of its own,
			// whatever its patterns ("HAD * CONCERNS") would match later
			continue
		}
		h, ok := st.findVerb(i)
		if !ok {
			continue
		}
		st.patternOnly = patternOnly && !st.recoveredVerb(i)
		i = h.last - 1
		if st.firstVerb < 0 && st.c.opts.Complex.NoActorPrior && !st.prenominal(h) && !st.nullVerb(h) {
			st.firstVerb = h.first
		}
		if st.prenominal(h) {
			// "the outlawed party": a participle between a determiner
			// and its noun is an adjective
			if st.trace != nil {
				st.trace.addVerb(st, h, "skipped: a participle used as an adjective")
			}
			continue
		}
		if noun, ok := st.attached(h); ok {
			// "rebels fighting X", "pilots shot down by X": a participle
			// attached to a noun has that noun for its subject (or, passive,
			// for its target); it is not the clause's verb
			st.codeAttached(h, noun)
			continue
		}
		cs := st.clauseStart(h.first)
		coord := st.coordinated(h.first)
		if !coord && !st.c.opts.CodeAll && st.adverbialClause(cs) && doneClause[st.outerClause(cs)] &&
			!(st.c.opts.News && st.actorSubject(cs, h.first)) {
			// an adverbial clause inside a clause whose verb was coded
			// ("restored ties after crowds burned the embassy") belongs
			// to that event
			if st.trace != nil {
				st.trace.addVerb(st, h, "skipped: adverbial clause of a coded verb")
			}
			continue
		}
		if doneClause[cs] && !coord && !st.c.opts.CodeAll {
			if st.trace != nil {
				st.trace.addVerb(st, h, "skipped: its clause already has an event")
			}
			continue
		}
		coded, src, reached := st.codeVerb(h, cs, coord, prevSource, havePrev)
		if reached && (src != nil || !coord) && !(st.c.opts.News && st.relativeClause(cs)) {
			// (news: a relative clause's subject is not the one a later
			// coordinated verb shares: "Police fired at miners who had
			// blocked a road, and detained 31 people")
			prevSource, havePrev = src, true
		}
		if coded {
			doneClause[cs] = true
		}
	}
}

// conjClause reports whether the clause starting at word cs was opened by
// "and" or "but", does not open with an actor (past adverbs: "and then X
// asked") and has no pronoun before the verb at word verb.
func (st *state) conjClause(cs, verb int) bool {
	if cs == 0 || cs >= len(st.ws) || st.ws[cs-1] != "AND" && st.ws[cs-1] != "BUT" {
		return false
	}
	k := cs
	for k < verb && strings.HasPrefix(st.tag(k), "RB") {
		k++ // "and then X asked"
	}
	if st.groupAt[k] >= 0 {
		return false
	}
	for _, u := range st.units {
		if u.pronoun && cs <= u.first && u.first < verb {
			return false
		}
	}
	return true
}

// objectAfter reports whether a noun phrase lies in words [lo, hi): a
// noun, pronoun or number other than a bare word of time ("today").
func (st *state) objectAfter(lo, hi int) bool {
	for k := lo; k < hi && k < len(st.ws); k++ {
		if st.inUnit[k] {
			return true
		}
		switch t := st.tag(k); {
		case isNounTag(t), t == "PRP", t == "CD":
			if !bareTimeWords[st.ws[k]] {
				return true
			}
		}
	}
	return false
}

// bareTimeWords are nouns of time that stand alone as adverbs ("said
// today"): no object of the verb.
var bareTimeWords = map[string]bool{"TODAY": true, "YESTERDAY": true, "TOMORROW": true, "TONIGHT": true, "NOW": true}

// adverbialWords open adverbial clauses ("after X was seen"), whose verbs
// have their own subjects: the main clause's actor is not their source.
var adverbialWords = map[string]bool{
	"AFTER": true, "BEFORE": true, "WHEN": true, "WHILE": true, "BECAUSE": true, "SINCE": true,
	"ALTHOUGH": true, "THOUGH": true, "IF": true, "UNTIL": true, "WHEREAS": true, "WHERE": true,
}

// actorSubject reports whether an actor (not a bare agent) stands in
// [cs, verb): the subject of its own clause ("after Beijing and Moscow
// blocked a statement"), whose act news codes as an event of its own.
func (st *state) actorSubject(cs, verb int) bool {
	g := st.groupIn(cs, verb, nil)
	if g == nil {
		return false
	}
	for _, u := range g.members {
		if !u.hasActor || u.pronoun {
			return false
		}
	}
	return true
}

// adverbialClause reports whether the clause starting at word cs is opened
// by a subordinating conjunction of time, cause or condition.
func (st *state) adverbialClause(cs int) bool {
	return cs > 0 && adverbialWords[st.ws[cs-1]]
}

// outerClause returns the start of the clause that holds the adverbial
// clauses starting at cs.
func (st *state) outerClause(cs int) int {
	for cs > 0 && adverbialWords[st.ws[cs-1]] {
		cs = st.clauseStart(cs - 1)
	}
	return cs
}

// coordinated reports a verb joined by "and" or "but" to an earlier verb
// phrase, which shares its subject: "condemned X and promised Y".
func (st *state) coordinated(first int) bool {
	k := first - 1
	for k >= 0 && isAux(st.ws[k], st.tag(k)) {
		k--
	}
	if k < 0 {
		return false
	}
	if st.ws[k] != "AND" && st.ws[k] != "BUT" && st.ws[k] != "OR" {
		return false
	}
	// no actor between the conjunction and the verb: the verb phrases are
	// coordinated when a verb comes before
	for j := k - 1; j >= 0; j-- {
		if isVerbTag(st.tag(j)) {
			return true
		}
	}
	return false
}

func isAux(w, tag string) bool {
	if negWords[w] {
		return true
	}
	switch tag {
	case "MD", "RB", "RBR", "RBS", "TO":
		return true
	}
	switch w {
	case "HAS", "HAVE", "HAD", "IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "DID", "DO", "DOES", "WILL", "WOULD", "'S", "'VE", "'LL", "'D":
		return true
	}
	return false
}

// eachOther reports whether "each other" or "one another" follows word
// i: the members of a compound subject act on one another.
func (st *state) eachOther(i int) bool {
	return i+1 < len(st.ws) && (st.ws[i] == "EACH" && st.ws[i+1] == "OTHER" || st.ws[i] == "ONE" && st.ws[i+1] == "ANOTHER")
}

// intentWords announce a plan or promise when an infinitive follows them:
// the act is to come ("plan to hold talks", "are due to meet").
var intentWords = map[string]bool{
	"PLAN": true, "PLANS": true, "PLANNED": true, "PLANNING": true,
	"DUE": true, "EXPECTED": true, "SCHEDULED": true, "SET": true,
	"INTEND": true, "INTENDS": true, "INTENDED": true,
	"AGREE": true, "AGREED": true, "AGREES": true,
	"PROMISE": true, "PROMISED": true, "PROMISES": true,
	"PLEDGE": true, "PLEDGED": true, "PLEDGES": true,
	"VOW": true, "VOWED": true, "VOWS": true,
	"OFFER": true, "OFFERED": true, "OFFERS": true,
	"PREPARED": true, "READY": true, "WILLING": true,
	"HOPE": true, "HOPES": true, "HOPED": true,
	"AIM": true, "AIMS": true, "WANT": true, "WANTS": true, "WANTED": true,
}

// auxInfo describes the auxiliary words before a verb.
type auxInfo struct {
	lo      int // first auxiliary word
	neg     int // index of a negation word, or -1
	passive bool
	modal   string
	word    string // the modal auxiliary ("WILL", "COULD"), or ""
}

func (st *state) aux(h verbHit) auxInfo {
	a := auxInfo{lo: h.first, neg: -1}
	k := h.first - 1
	sawBe := false
	for k >= 0 && isAux(st.ws[k], st.tag(k)) {
		w := st.ws[k]
		if negWords[w] && a.neg < 0 {
			a.neg = k
		}
		if beWords[w] {
			sawBe = true
		}
		switch w {
		case "WILL", "SHALL", "'LL":
			a.modal, a.word = "future", w
		case "WOULD", "COULD", "MIGHT", "MAY", "SHOULD":
			if a.modal == "" {
				a.modal, a.word = "hypothetical", w
			}
		}
		k--
	}
	a.lo = k + 1
	if st.c.opts.News && a.neg < 0 && k >= 0 && (st.ws[k] == "NOBODY" || st.ws[k] == "NONE" || st.ws[k] == "ONE" && k > 0 && st.ws[k-1] == "NO") {
		// "no one was arrested", "nobody was hurt"
		a.neg = k
	}
	if a.modal == "" && k >= 0 && a.lo < h.first && st.ws[h.first-1] == "TO" && intentWords[st.ws[k]] {
		// "plan to hold talks", "were due to meet", "agreed to lift"
		a.modal = "future"
	}
	t := st.tag(h.last - 1)
	if sawBe && (t == "VBN" || t == "VBD") && h.last-h.first == len(h.cand.words) {
		a.passive = true
	}
	return a
}

// codeVerb tries the patterns of one verb and codes its events. It
// reports whether an event was coded, the source it used, and whether it
// got as far as looking for one.
func (st *state) codeVerb(h verbHit, cs int, coord bool, prevSource *group, havePrev bool) (bool, *group, bool) {
	ix := st.c.ix
	var code dictfile.Code
	rule := ""
	for k := 0; k < h.cands(); k++ {
		vc := h.candAt(k)
		c := ix.verbCode(vc)
		if rule == "" || code.IsNull() && !c.IsNull() {
			code, rule = c, vc.rule
		}
	}
	matched := false
	patNeg := false // the matched pattern holds a negation word
	var b bind
	var tried []patternTry
patterns:
	for k := 0; k < h.cands(); k++ {
		for _, cp := range ix.patterns[h.candAt(k).block] {
			if st.patternOnly && !endsWithWord(cp.p, st.word(h.first-1)) {
				// a noun after a determiner is a verb only for a pattern
				// that names that determiner ("RAISED THE *")
				continue
			}
			nb := &st.scratch
			*nb = bind{}
			ok := st.hasWords(cp.needAfter, h.last, len(st.ws)) && st.hasWords(cp.needBefore, 0, h.first) && st.matchPattern(cp.p, h, nb)
			if st.trace != nil {
				tried = append(tried, patternTry{Rule: cp.p.Pos.String(), Pattern: cp.p.Raw, Code: cp.p.Code.Raw, Matched: ok})
			}
			if ok && (!matched || nb.words > b.words) {
				matched, b, code, rule = true, *nb, cp.p.Code, cp.rule
				patNeg = hasNegation(cp.p)
			}
			if ok && !st.c.stem {
				break patterns
			}
			// TABARI: the pattern that matches the most words wins
			// ("resistance to the invading" over "resist … to the end")
		}
	}
	if st.patternOnly && !(matched && patNeg) {
		note := "a noun after a determiner: a verb only where a pattern names the words before it"
		if st.trace != nil {
			st.trace.addVerbTried(st, h, tried, note)
		}
		return false, nil, false
	}
	a := st.aux(h)
	verbOut := &news.Verb{Text: st.text[st.span(h.first, h.last)[0]:st.span(h.first, h.last)[1]], Span: st.span(h.first, h.last)}
	note := func(s string) {
		if st.trace != nil {
			st.trace.addVerbTried(st, h, tried, s)
		}
	}
	if code.IsNull() || code.Active == "" && code.Passive == "" {
		note("null code: nothing coded")
		return false, nil, false
	}
	if strings.HasSuffix(code.Active, "?") {
		// TABARI's tentative code ("SAID [023?]"): the verb codes only
		// through its patterns; alone it leaves the clause to a later verb
		note("tentative code: passed over for a later verb")
		return false, nil, false
	}
	if st.c.opts.News && code.Active == "030" && st.word(h.last) == "TO" && st.codedVerbAt(h.last+1) {
		// news: "agreed to ask NATO for patrols": the infinitive says
		// what was agreed, and codes it (as a future act, an intent)
		note("a bare intent before an infinitive the dictionary codes: passed over")
		return false, nil, false
	}
	negated := a.neg >= 0 && !(matched && patNeg && b.lo <= a.neg)
	modality := "asserted"
	if a.modal != "" {
		modality = a.modal
	}
	if negated {
		switch st.c.opts.Negation {
		case NegationDrop:
			note("negated: dropped")
			return true, st.groupIn(cs, h.first, nil), true
		case NegationMark:
			modality = "negated"
		}
	}
	if st.c.opts.News && modality == a.modal && a.word != "" && forceRoots[rootOf(code.Active)] {
		// news: "could be charged" is no charge, "will expel" a threat
		if possibilityModals[a.word] {
			note("a possibility, not an act: nothing coded")
			return false, nil, false
		}
		code = dictfile.Code{Raw: code.Raw, Active: threatCode(code.Active), Passive: threatCode(code.Passive)}
	}
	if st.c.opts.News && a.lo == h.first && (st.tag(h.first) == "VBP" || st.tag(h.first) == "VBZ") &&
		violentRoots[rootOf(code.Active)] && st.relativeClause(cs) {
		// news: "militants who attack its soldiers": the simple present
		// of a relative clause says what they do, not what they did
		note("a habit in a relative clause, not an event: nothing coded")
		return false, nil, false
	}
	// source and target
	src, tgt, comp := st.boundGroup(b.source), st.boundGroup(b.target), st.boundGroup(b.compound)
	if st.attach != nil {
		// a participle attached to a noun (codeAttached)
		if st.attach.passive {
			src, tgt = st.attach.agent, st.attach.noun
		} else {
			src = st.attach.noun
			if tgt == nil || tgt == src {
				tgt = st.groupIn(h.last, st.targetEnd(h.last), src)
			}
		}
		comp = nil
	}
	if comp != nil && st.c.opts.News && !b.compoundAfter && st.groupIn(comp.last, h.first, nil) != nil {
		// news: a compound is the verb's subject only when no other actor
		// comes between ("A and B congratulated him, and C phoned him")
		comp = nil
	}
	if comp != nil && st.c.stem && src == nil && tgt == nil {
		// TABARI: a compound with no source or target marked acts within
		// itself ("A and B postponed their meeting", "exchanged prisoners
		// with A and B"), each member on each other
		return st.emitCompound(comp, code, rule, verbOut, modality, h), comp, true
	}
	if comp != nil {
		if b.compoundAfter {
			tgt = comp
		} else {
			src = comp
			if tgt == nil && !(st.c.opts.News && len(comp.members) > 1) {
				// news: "A and B met, in talks mediated by C" is A and B
				// meeting each other
				tgt = st.groupIn(h.last, st.targetEnd(h.last), src)
			}
			if tgt == nil {
				return st.emitCompound(comp, code, rule, verbOut, modality, h), comp, true
			}
		}
	}
	explicit := src != nil || tgt != nil
	carried := false // the source comes from the clause before (TABARI)
	if src == nil && st.attach == nil {
		switch {
		case coord && havePrev:
			// a verb joined to an earlier one shares its subject, even
			// when that subject is no actor ("the bill would target X and
			// extend Y")
			if prevSource != tgt {
				src = prevSource
			}
		case st.relativeClause(cs):
			// "the PKK, which has waged …": the antecedent is the subject
			src = st.antecedent(cs)
			if src == tgt {
				src = nil
			}
		case st.c.stem && havePrev && prevSource != nil && prevSource != tgt && st.conjClause(cs, h.first):
			// TABARI: a clause opened by a conjunction keeps the source
			// of the clause before unless it opens with an actor ("X
			// launched a bombing and shelling offensive against Y …")
			// or has a pronoun for its subject ("and then they asked")
			src, carried = prevSource, true
		default:
			src = st.groupIn(cs, h.first, tgt)
			if src == nil && !st.adverbialClause(cs) && !st.nounSubject(cs, a.lo) {
				src = st.groupIn(0, h.first, tgt)
			}
		}
		if src != nil && !coord && st.partlyUnknown(src, h) {
			// "Kerry and the Gondor minister met …" with Kerry unknown: a
			// compound subject with a member that is no actor codes
			// nothing rather than a wrong dyad
			note("subject compound with an unknown member: nothing coded")
			return true, nil, true
		}
	}
	if tgt == nil && st.attach == nil {
		if st.c.stem || matched {
			// past a pronoun for the source itself ("begun to question
			// whether he has a future with X"); PETRARCH only where a
			// pattern anchors the event, as "Obama said he would not
			// help Israel" says nothing to Israel
			tgt = st.targetIn(h.last, st.targetEnd(h.last), src)
		} else {
			tgt = st.groupIn(h.last, st.targetEnd(h.last), src)
		}
		if st.c.stem && src != nil && !a.passive && (tgt == nil || sameActors(tgt, src)) {
			// TABARI: with no other actor after the verb, the target is
			// an actor between the source and the verb ("it asked that
			// Elrond assist")
			from := max(src.last, b.skipEnd)
			if carried {
				from = max(from, cs)
			}
			if g := st.targetIn(from, h.first, src); g != nil {
				tgt = g
			} else if tgt == nil && len(src.members) > 1 && st.c.opts.DefaultTarget == "" {
				// nor between them: a compound source is split, its
				// first member acting on the others
				src, tgt = splitGroup(src)
			}
		}
	}
	if st.c.opts.News && tgt == nil && src != nil && len(src.members) > 1 && !a.passive && st.attach == nil &&
		(strings.HasPrefix(code.Active, "04") && !mediationCodes[code.Active] || code.Active == "057" || st.eachOther(h.last) || st.reciprocal(h)) {
		// (mediators, "A and B brokered a truce", mediate together
		// between the parties named before: see below)
		// news: "A and B will hold talks" with no one else named, "A and
		// B accused each other": each acts on the other (consultations
		// and agreements are mutual)
		return st.emitCompound(src, code, rule, verbOut, modality, h), src, true
	}
	if a.passive && st.attach == nil {
		subject := st.groupIn(cs, h.first, nil)
		var agent *group
		for k := h.last; k < len(st.ws); k++ {
			if st.ws[k] == "BY" {
				agent = st.groupIn(k+1, len(st.ws), nil)
				break
			}
		}
		switch {
		case !explicit:
			if agent == nil && st.c.stem {
				agent = st.groupIn(h.last, st.targetEnd(h.last), subject)
			}
			if agent != nil {
				src, tgt = agent, subject
			} else if st.c.opts.News && subject != nil && !strings.HasPrefix(code.Active, "17") {
				// news: "a cable linking A and B was damaged", "A,
				// whose cable was cut": an agentless passive names
				// no one who acted (an arrest is the police's: emit)
				note("agentless passive: no source named, nothing coded")
				return false, nil, true
			}
		case !st.c.stem && b.source == 0 && b.target > 0 && agent == nil && subject != nil && subject != tgt && tgt.first >= h.last:
			// "X was denied entry to Y": the pattern's target after a
			// passive verb is the one who acts, the subject undergoes it
			src, tgt = tgt, subject
		}
	}
	if st.c.stem && src == nil && b.target > 0 && b.source == 0 && st.attach == nil {
		// TABARI: a pattern that marks the target before the verb ("+ WAS
		// * DEAD") takes its source from the rest of the sentence ("an
		// Eriadorian was shot dead in Osgiliath")
		src = st.groupIn(h.last, len(st.ws), tgt)
	}
	if st.c.opts.News && tgt == nil && src != nil && st.attach == nil && len(code.Active) >= 2 && causeRoots[code.Active[:2]] {
		// news: "Vietnam protested after Chinese ships blocked its
		// boats": a protest with no target named is against who acted
		// in the clause that says what it answers
		tgt = st.causeSubject(h.last, src)
	}
	if st.c.opts.News && src != nil && (code.Active == "140" || code.Active == "141") && strings.HasPrefix(st.ws[h.first], "PROTEST") && st.stateActors(src) {
		// news: a state that protests objects through diplomats, it
		// does not march: a formal protest is a criticism (111)
		code = dictfile.Code{Active: formalProtestCode}
	}
	if st.c.opts.News && tgt == nil && src != nil && st.attach == nil && len(code.Active) >= 2 && reactionRoots[code.Active[:2]] {
		// news: "rejected the accusation", "welcomed the move": the
		// target is who made it, the source of the story's last
		// statement or act
		tgt = st.anaphoricTarget(h.last, src)
	}
	if st.c.opts.News && tgt == nil && src != nil && mediationCodes[code.Active] && st.attach == nil {
		// news: "X offered to mediate", "X, who has mediated between the
		// two neighbours,": a mediator with no party named mediates
		// between the two the story names before
		tgt = st.parties(h.first, src)
	}
	if st.c.opts.News && !a.passive && st.attach == nil && len(code.Active) >= 2 && claimRoots[code.Active[:2]] {
		if sp := st.claimant(cs, src, tgt); sp != nil {
			// news: a party's claim that another attacked its side is an
			// accusation by the party, not an act the story asserts
			n := st.emit(sp, src, dictfile.Code{Active: accuseCode}, rule, verbOut, "asserted", 0.6)
			if n == 0 {
				note("no event: missing source or target")
				return false, src, true
			}
			note("a party's claim of an attack on its side: coded as an accusation")
			return true, src, true
		}
	}
	if st.c.opts.News && tgt != nil && b.target == 0 && st.attach == nil && strings.HasPrefix(code.Active, "07") && !hasActor(tgt) {
		// news: "would send a field hospital to Nablus": what is sent is
		// no recipient; the actor after "to" is
		if g := st.recipient(tgt.last); g != nil {
			tgt = g
		}
	}
	src, tgt = st.defaultSearch(h, src, tgt)
	if tgt == nil && !st.c.stem && !st.c.opts.RequireDyad && st.c.opts.DefaultTarget == "" && st.attach == nil &&
		!st.objectAfter(h.last, st.targetEnd(h.last)) {
		// PETRARCH without require_dyad: a verb with no actor for its
		// target still needs a noun phrase after it to code an event
		// with no target ("burned down its embassy", not "said today")
		note("no target: no noun phrase after the verb")
		return false, src, true
	}
	conf := 0.6
	if matched {
		conf += 0.2
	}
	if src != nil && tgt != nil {
		conf += 0.1
	}
	if a.passive {
		conf -= 0.05
	}
	st.passive, st.infinitive = a.passive, h.first > 0 && st.ws[h.first-1] == "TO"
	if st.c.opts.News && strings.HasPrefix(code.Active, "10") && st.ownPeople(src, tgt) {
		// news: "demanded the release of two Gondorian sailors": whoever
		// holds them is asked, not the demander's own people
		tgt = nil
	}
	if st.c.opts.News && tgt != nil && st.word(h.last) == "WHAT" && tgt.first == h.last+1 && namingWords[st.word(tgt.last)] {
		// news: "condemned what he called a coup": he names the act and
		// is not its target
		tgt = nil
	}
	st.allSides = st.c.opts.News && tgt == nil && st.appealToAll(h.last)
	st.violence = st.c.opts.News && tgt == nil && (!a.passive && st.violentObject(h.last) || a.passive && st.violentSubject(cs, a.lo))
	switch st.tag(h.last) {
	case "DT", "CD", "NN", "NNS", "JJ", "PRP$":
		st.offered = !a.passive
	}
	n := st.emit(src, tgt, code, rule, verbOut, modality, conf)
	st.passive, st.infinitive, st.allSides, st.violence, st.offered = false, false, false, false, false
	if n == 0 {
		note("no event: missing source or target")
		return false, src, true
	}
	note("coded")
	return true, src, true
}

// maybeVerb reports whether word i may be a verb: by its tag, or for
// TABARI dictionaries, as TABARI decides without tags, any word that is
// not capitalised (after the first) and does not follow a determiner,
// modals included ("SHOULD" may be a verb entry). In text set in capitals
// neither tags nor capitals say anything: any word may be a verb. A word
// after an article ("the restore") is a noun, but TABARI, which has no
// tags, takes it for a verb where one of its patterns matches: such a word
// is a verb only for its patterns that name the words before it
// ("RECENTLY RAISED THE *"; patternOnly), never for its bare code nor for
// a pattern of the words after it. A possessive ("its resumption of ties")
// shifts nothing in TABARI.
func (st *state) maybeVerb(i int) (ok, patternOnly bool) {
	t := st.tag(i)
	if isVerbTag(t) {
		return true, false
	}
	if !st.c.stem {
		return st.bareInfinitive(i), false
	}
	det := false
	switch st.word(i - 1) {
	case "THE", "A", "AN":
		det = true
	}
	if st.word(i+1) == "'S" && st.tag(i+1) == "POS" {
		return false, false // "donate's cash": a possessive is a noun
	}
	if st.caps {
		return true, det
	}
	w := st.s.Tokens[i].Text
	if w == "" || i > 0 && w[0] >= 'A' && w[0] <= 'Z' {
		return false, false
	}
	return t == "NN" || t == "NNS" || t == "JJ" || t == "RB" || t == "IN" || t == "VBN" || t == "MD" || t == "FW", det
}

// doWords are the auxiliaries whose verb is a bare infinitive.
var doWords = map[string]bool{"DO": true, "DOES": true, "DID": true, "WILL": true, "WOULD": true, "WO": true, "CA": true,
	"CAN": true, "COULD": true, "SHALL": true, "SHOULD": true, "MAY": true, "MIGHT": true, "MUST": true}

// bareInfinitive reports whether word i, a lower-case word tagged as a
// noun or adjective, is the verb of a modal or "do" split from it by a
// negation or adverbs ("did not even ever clash", "will surely act"): the
// word there can only be a verb.
func (st *state) bareInfinitive(i int) bool {
	switch st.tag(i) {
	case "NN", "JJ":
	default:
		return false
	}
	if w := st.s.Tokens[i].Text; w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		w, t := st.ws[k], st.tag(k)
		if t == "MD" || doWords[w] {
			// (news: right after a modal too, "would share
			// intelligence", where the tagger read a noun)
			return k < i-1 || st.c.opts.News && t == "MD" && st.tag(i) == "NN"
		}
		if !negWords[w] && !strings.HasPrefix(t, "RB") {
			return false
		}
	}
	return false
}

// endsWithWord reports whether the last token before a pattern's verb is
// the word w.
func endsWithWord(p *dictfile.Pattern, w string) bool {
	n := len(p.Before)
	return n > 0 && p.Before[n-1].Kind == dictfile.Word && p.Before[n-1].Text == w
}

// hasNegation reports whether a pattern holds words before its verb (the
// negation it may code, "WON'T *"), not only actor markers: a compound
// subject bound by '%' does not make a negation part of the pattern.
func hasNegation(p *dictfile.Pattern) bool {
	for _, t := range p.Before {
		switch t.Kind {
		case dictfile.Source, dictfile.Target, dictfile.Compound, dictfile.Skip, dictfile.Attrib:
		default:
			return true
		}
	}
	return false
}

// sameActors reports whether two groups hold the same actor codes.
func sameActors(a, b *group) bool {
	if len(a.members) != len(b.members) {
		return false
	}
	for i := range a.members {
		if a.members[i].code != b.members[i].code {
			return false
		}
	}
	return true
}

// nullVerb reports whether the verb h codes nothing by itself (its code is
// "---" in every block it is listed in), whatever its patterns code.
func (st *state) nullVerb(h verbHit) bool {
	null := func(vc verbCand) bool { return st.c.ix.verbCode(vc).IsNull() }
	if !null(h.cand) {
		return false
	}
	for _, vc := range h.more {
		if !null(vc) {
			return false
		}
	}
	return true
}

// mediationCodes are the codes of mediation (045) and of an offer or
// intent to mediate (039), acts between two parties.
var mediationCodes = map[string]bool{"045": true, "039": true}

// parties returns the two sides a mediator with no party named stands
// between: the last compound of actors of different countries before
// word i in the sentence, else the compound or the last two actors of
// different countries the story named before (the pair the previous
// sentence hands on). Members of the mediator's own country are left out;
// it returns nil when fewer than two remain.
func (st *state) parties(i int, src *group) *group {
	var ms []*unit
	for _, g := range st.groups {
		if g.last > i {
			break
		}
		if g != src && (g.first != src.first || g.last != src.last) && len(g.members) > 1 && hasActor(g) {
			ms = g.members
		}
	}
	inSentence := ms != nil
	if ms == nil && st.prev != nil {
		ms = st.prev.members
		if len(ms) < 2 {
			ms = st.prev.pair
		}
	}
	own := map[string]bool{}
	for _, u := range src.members {
		if len(u.code) >= 3 {
			own[u.code[:3]] = true
		}
	}
	g := &group{first: -1, last: -1}
	for _, u := range ms {
		if u.hasActor && !u.pronoun && len(u.code) >= 3 && !strings.HasPrefix(u.code, "---") && !own[u.code[:3]] {
			if !inSentence {
				// named in an earlier sentence: no span here
				v := *u
				v.first, v.last = -1, -1
				u = &v
			}
			g.members = append(g.members, u)
		}
	}
	if len(g.members) < 2 {
		return nil
	}
	if inSentence {
		g.first, g.last = g.members[0].first, g.members[len(g.members)-1].last
	}
	return g
}

// claimRoots are the roots of the acts (coercion, assault, fighting, mass
// violence) whose report by one party against another is an accusation.
var claimRoots = map[string]bool{"17": true, "18": true, "19": true, "20": true}

// accuseCode is CAMEO's accusation of a crime (112), the code of a
// party's claim that another attacked it.
const accuseCode = "112"

// reciprocal reports whether the verb h names an act done by both sides
// at once ("exchanged fire", "clashed"): a compound subject with no target
// does it to itself.
func (st *state) reciprocal(h verbHit) bool {
	for _, w := range st.ws[h.first:h.last] {
		if strings.HasPrefix(w, "EXCHANG") || strings.HasPrefix(w, "CLASH") {
			return true
		}
	}
	return false
}

// reactionRoots are the roots of the reactions (comments, approval,
// disapproval, rejection) whose object may be an earlier act named by a
// noun ("welcomed the move", "condemned the decision").
var reactionRoots = map[string]bool{"01": true, "05": true, "11": true, "12": true}

// actNouns name an earlier act: "the move", "the decision".
var actNouns = wordSet(`MOVE DECISION STEP MEASURE MEASURES SANCTIONS PLAN DEAL AGREEMENT
		RULING VERDICT DECREE ATTACK ATTACKS STRIKE STRIKES ARREST ARRESTS CRACKDOWN EXPULSION`)

// anaphoricTarget returns, when the verb's object starting at word i is
// a definite noun for an earlier act ("the move", "that decision", "the
// latest sanctions"), who did it: the source of the last act (no
// statement) of the story so far, this sentence's first, whose source is
// none of src. It returns nil otherwise. (A noun of speech, "rejected the
// accusation", is left alone: a denial is coded by the dictionaries.)
func (st *state) anaphoricTarget(i int, src *group) *group {
	switch st.word(i) {
	case "THE", "THAT", "THIS", "THESE", "THOSE":
	default:
		return nil
	}
	k := i + 1
	if strings.HasPrefix(st.tag(k), "JJ") {
		k++
	}
	if !actNouns[st.word(k)] || st.word(k+1) == "OF" || k < len(st.inUnit) && st.inUnit[k] {
		return nil // "the decision of Gondor" names its maker
	}
	own := map[string]bool{}
	for _, u := range src.members {
		own[u.code] = true
	}
	for _, evs := range [][]news.Event{st.events, st.before} {
		for j := len(evs) - 1; j >= 0; j-- {
			e := evs[j]
			if e.Source == nil || e.Source.Code == "" || own[e.Source.Code] || len(e.Code) < 2 {
				continue
			}
			if verbalRoots[e.Code[:2]] && !(e.Code[:2] == "13" && e.Modality != "asserted") {
				continue // a statement; a threat read from "would impose" is the move itself
			}
			u := &unit{code: e.Source.Code, actor: e.Source.Code, hasActor: true, first: -1, last: -1, rules: []string{e.Rule}}
			return &group{members: []*unit{u}, first: -1, last: -1}
		}
	}
	return nil
}

// verbalRoots are the roots of statements (comments, appeals, demands,
// disapproval, rejection, threats), as opposed to acts.
var verbalRoots = map[string]bool{"01": true, "02": true, "10": true, "11": true, "12": true, "13": true}

// causeRoots are the roots of the reactions (disapproval, rejection,
// threats, protest, reduced relations) that a clause of cause or time
// after them may direct at its subject.
var causeRoots = map[string]bool{"11": true, "12": true, "13": true, "14": true, "16": true}

// causeWords open the clause a reaction answers.
var causeWords = map[string]bool{"AFTER": true, "WHEN": true, "BECAUSE": true}

// causeSubject returns the subject of the clause of cause or time that
// follows the verb ending at word i in its clause ("protested on Wednesday
// after Chinese ships blocked …"), when it is an actor other than src,
// else nil.
func (st *state) causeSubject(i int, src *group) *group {
	for k := i; k < len(st.ws); k++ {
		switch w := st.ws[k]; {
		case w == "," || w == ";" || isVerbTag(st.tag(k)):
			return nil
		case causeWords[w] && st.bound[k]:
			v := k + 1
			for v < len(st.ws) && (st.inUnit[v] || !isVerbTag(st.tag(v)) && st.tag(v) != "MD") {
				v++
			}
			g := st.groupIn(k+1, v, src)
			if g == nil || !st.actorSubject(k+1, v) || sameActors(g, src) {
				return nil
			}
			return g
		}
	}
	return nil
}

// formalProtestCode is the code of a state's protest: CAMEO's criticism
// (111).
const formalProtestCode = "111"

// stateActors reports whether every member of g is a state or its
// government ("Vietnam", "VNMGOV"), which protests through diplomats, not
// its people named by a plural ("Georgians", "Vietnamese fishermen").
func (st *state) stateActors(g *group) bool {
	for _, u := range g.members {
		if !u.hasActor || u.pronoun || u.newActor || !(len(u.code) == 3 || len(u.code) == 6 && strings.HasSuffix(u.code, "GOV")) || strings.HasPrefix(u.code, "---") {
			return false
		}
		if u.first >= 0 && u.last > u.first {
			if t := st.tag(u.last - 1); t == "NNPS" || t == "NNS" {
				return false
			}
		}
	}
	return len(g.members) > 0
}

// recipient returns the actor after "to" that follows the object ending
// at word i in its clause ("sent a field hospital to the West Bank city of
// Nablus"), or nil.
func (st *state) recipient(i int) *group {
	end := st.targetEnd(i)
	for k := i; k+1 < end; k++ {
		if st.ws[k] != "TO" {
			continue
		}
		if g := st.groupIn(k+1, end, nil); g != nil && hasActor(g) {
			return g
		}
		return nil
	}
	return nil
}

// allSidesWords are what an appeal to every side asks for ("called for
// restraint", "urged calm").
var allSidesWords = wordSet(`RESTRAINT CALM CEASEFIRE CEASE-FIRE TRUCE DE-ESCALATION DEESCALATION`)

// appealToAll reports whether the object of the verb ending at word i, up
// to the end of its clause, asks for restraint, calm or a ceasefire: an
// appeal to all sides, addressed to no one country.
func (st *state) appealToAll(i int) bool {
	end := st.targetEnd(i)
	for k := i; k < end && k < i+4; k++ {
		if allSidesWords[st.ws[k]] {
			return true
		}
	}
	return false
}

// ownPeople reports whether the target tgt is named after "of", "to" or
// "for" ("the release of", "access to") and every member of it is of the
// country of every member of src.
func (st *state) ownPeople(src, tgt *group) bool {
	if src == nil || tgt == nil || tgt.first < 1 {
		return false
	}
	switch st.ws[tgt.first-1] {
	case "OF", "TO", "FOR":
	default:
		if k := tgt.first - 1; k < 1 || st.tag(k) != "CD" || (st.ws[k-1] != "OF" && st.ws[k-1] != "TO" && st.ws[k-1] != "FOR") {
			return false // "access to two Gondorian sailors"
		}
	}
	country := ""
	for _, u := range append(append([]*unit{}, src.members...), tgt.members...) {
		if !stateCode(u.code) || country != "" && u.code[:3] != country {
			return false
		}
		country = u.code[:3]
	}
	return true
}

// stateCode reports whether an actor code starts with a state's three
// letters: not an international, non-governmental or transnational body.
func stateCode(code string) bool {
	if len(code) < 3 {
		return false
	}
	for _, r := range code[:3] {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	switch code[:3] {
	case "IGO", "NGO", "MNC", "UAF", "UNK", "INT":
		return false
	}
	return true
}

// namingWords are the verbs of "what he called a coup".
var namingWords = wordSet(`CALLED CALLS DESCRIBED DESCRIBES TERMED DUBBED`)

// violenceWords are the acts of violence whose authors a condemnation
// may leave unnamed ("condemned the attack", "what he called a coup").
var violenceWords = wordSet(`ATTACK ATTACKS COUP MUTINY VIOLENCE KILLING KILLINGS BOMBING BOMBINGS ASSAULT SHELLING RAID MASSACRE UPRISING ASSASSINATION`)

// violentObject reports whether the object of the verb ending at word i,
// within its clause's first words, names an act of violence and no actor:
// a condemnation of it with no target is aimed at the story's country,
// where the act happened.
func (st *state) violentObject(i int) bool {
	end := st.targetEnd(i)
	for k := i; k < end && k < i+7; k++ {
		if st.inUnit[k] && st.tag(k) != "PRP" {
			return false // "what it called" names no actor
		}
		if violenceWords[st.ws[k]] {
			return true
		}
	}
	return false
}

// violentSubject reports whether the subject of a passive verb, words
// [cs, lo), names an act of violence and no actor ("the attack was
// condemned by X"): what the active voice would have for its object.
func (st *state) violentSubject(cs, lo int) bool {
	found := false
	for k := cs; k < lo; k++ {
		if st.inUnit[k] && st.tag(k) != "PRP" {
			return false
		}
		if violenceWords[st.ws[k]] {
			found = true
		}
	}
	return found
}

// haveWords are the forms of "have", an auxiliary before a participle.
var haveWords = wordSet(`HAVE HAS HAD HAVING 'VE 'D`)

// codedVerbAt reports whether a verb the dictionary codes as an appeal or
// an act of cooperation starts at word i.
func (st *state) codedVerbAt(i int) bool {
	if i >= len(st.ws) || st.inUnit[i] || !isVerbTag(st.tag(i)) && !st.bareInfinitive(i) {
		return false
	}
	h, ok := st.findVerb(i)
	if !ok || h.first != i {
		return false
	}
	code := st.c.ix.verbCode(h.cand)
	return !code.IsNull() && intentRoots[rootOf(code.Active)]
}

// intentRoots are the roots of the acts an agreement or pledge to do them
// is coded as: appeals (02), and consultation and cooperation (04–08),
// which a future act codes as the matching intent. ("Pledged to suspend
// the warrants" is a pledge, not a threat to reduce relations.)
var intentRoots = map[string]bool{"02": true, "04": true, "05": true, "06": true, "07": true, "08": true}

package coder

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

// bind holds what a pattern's markers bound: groups by their index in
// st.groups plus one (0 for none), so that saving and restoring a bind
// while backtracking copies no pointers.
type bind struct {
	source, target, compound int
	lo                       int  // leftmost word matched before the verb
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
		h, ok := st.findVerb(i)
		if !ok {
			continue
		}
		st.patternOnly = patternOnly && !st.recoveredVerb(i)
		i = h.last - 1
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
		if !coord && !st.c.opts.CodeAll && st.adverbialClause(cs) && doneClause[st.outerClause(cs)] {
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
		if reached && (src != nil || !coord) {
			prevSource, havePrev = src, true
		}
		if coded {
			doneClause[cs] = true
		}
	}
}

// adverbialWords open adverbial clauses ("after X was seen"), whose verbs
// have their own subjects: the main clause's actor is not their source.
var adverbialWords = map[string]bool{
	"AFTER": true, "BEFORE": true, "WHEN": true, "WHILE": true, "BECAUSE": true, "SINCE": true,
	"ALTHOUGH": true, "THOUGH": true, "IF": true, "UNTIL": true, "WHEREAS": true, "WHERE": true,
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

// auxInfo describes the auxiliary words before a verb.
type auxInfo struct {
	lo      int // first auxiliary word
	neg     int // index of a negation word, or -1
	passive bool
	modal   string
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
			a.modal = "future"
		case "WOULD", "COULD", "MIGHT", "MAY", "SHOULD":
			if a.modal == "" {
				a.modal = "hypothetical"
			}
		}
		k--
	}
	a.lo = k + 1
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
	for _, vc := range append([]verbCand{h.cand}, h.more...) {
		blk := &ix.set.Verbs.Blocks[vc.block]
		verb := &blk.Verbs[vc.verb]
		c := blk.Code
		if verb.HasCode {
			c = verb.Code
		}
		if rule == "" || code.IsNull() && !c.IsNull() {
			code, rule = c, verb.Pos.String()
		}
	}
	matched := false
	patNeg := false // the matched pattern holds a negation word
	var b bind
	var tried []patternTry
patterns:
	for _, vc := range append([]verbCand{h.cand}, h.more...) {
		for _, cp := range ix.patterns[vc.block] {
			nb := &st.scratch
			*nb = bind{}
			ok := st.hasWords(cp.needAfter, h.last, len(st.ws)) && st.hasWords(cp.needBefore, 0, h.first) && st.matchPattern(cp.p, h, nb)
			if st.trace != nil {
				tried = append(tried, patternTry{Rule: cp.p.Pos.String(), Pattern: cp.p.Raw, Code: cp.p.Code.Raw, Matched: ok})
			}
			if ok {
				matched, b, code, rule = true, *nb, cp.p.Code, cp.p.Pos.String()
				patNeg = hasNegation(cp.p)
				break patterns
			}
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
	if comp != nil {
		if b.compoundAfter {
			tgt = comp
		} else {
			src = comp
			if tgt == nil {
				tgt = st.groupIn(h.last, st.targetEnd(h.last), src)
			}
			if tgt == nil {
				return st.emitCompound(comp, code, rule, verbOut, modality, h), comp, true
			}
		}
	}
	explicit := src != nil || tgt != nil
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
		tgt = st.groupIn(h.last, st.targetEnd(h.last), src)
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
			}
		case !st.c.stem && b.source == 0 && b.target > 0 && agent == nil && subject != nil && subject != tgt && tgt.first >= h.last:
			// "X was denied entry to Y": the pattern's target after a
			// passive verb is the one who acts, the subject undergoes it
			src, tgt = tgt, subject
		}
	}
	src, tgt = st.defaultSearch(h, src, tgt)
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
	n := st.emit(src, tgt, code, rule, verbOut, modality, conf)
	if n == 0 {
		note("no event: missing source or target")
		return false, src, true
	}
	note("coded")
	return true, src, true
}

// defaultSearch widens the search for a missing source or target when
// default actors are set (TABARI's DEFAULT): without PRIOR a missing source
// is the first actor after the verb (and a compound there gives the
// target too); without AFTER a missing target is the second member of a
// compound source or another actor before the verb. What is still missing
// gets the default code in emit.
func (st *state) defaultSearch(h verbHit, src, tgt *group) (*group, *group) {
	o := st.c.opts
	if o.DefaultSource == "" && o.DefaultTarget == "" {
		return src, tgt
	}
	split := func(g *group) (*group, *group) {
		a, b := g.members[0], g.members[1:]
		return &group{members: []*unit{a}, first: a.first, last: a.last},
			&group{members: b, first: b[0].first, last: g.last}
	}
	if src == nil && !o.DefaultSourcePrior && tgt != nil {
		if len(tgt.members) > 1 {
			src, tgt = split(tgt)
		} else {
			src, tgt = tgt, st.groupIn(tgt.last, st.targetEnd(tgt.last), tgt)
		}
	}
	if tgt == nil && !o.DefaultTargetAfter && src != nil {
		if len(src.members) > 1 {
			src, tgt = split(src)
		} else if g := st.groupIn(0, h.first, src); g != nil && g.last <= src.first {
			tgt = g
		}
	}
	return src, tgt
}

// emitCompound codes a '%' pattern: each member of the compound acts on
// each other one.
func (st *state) emitCompound(g *group, code dictfile.Code, rule string, v *news.Verb, modality string, h verbHit) bool {
	n := 0
	for i, x := range g.members {
		for j, y := range g.members {
			if i >= j {
				continue
			}
			one := &group{members: []*unit{x}, first: x.first, last: x.last}
			two := &group{members: []*unit{y}, first: y.first, last: y.last}
			n += st.emit(one, two, code, rule, v, modality, 0.7)
		}
	}
	if st.trace != nil {
		st.trace.addVerbTried(st, h, nil, "compound pattern")
	}
	return n > 0
}

// emit adds the events between every member of src and of tgt: the
// active code from source to target, the passive (paired) code back.
func (st *state) emit(src, tgt *group, code dictfile.Code, rule string, v *news.Verb, modality string, conf float64) int {
	opts := st.c.opts
	var srcs, tgts []*unit
	if src != nil {
		srcs = src.members
	}
	if tgt != nil {
		tgts = tgt.members
	}
	def := func(c string) []*unit {
		if c == "" {
			return []*unit{nil}
		}
		return []*unit{{code: c, first: -1}}
	}
	if len(srcs) == 0 {
		if opts.RequireDyad && opts.DefaultSource == "" {
			return 0
		}
		srcs = def(opts.DefaultSource)
	}
	if len(tgts) == 0 {
		if opts.RequireDyad && opts.DefaultTarget == "" {
			return 0
		}
		tgts = def(opts.DefaultTarget)
	}
	if len(srcs) > 1 || len(tgts) > 1 {
		conf -= 0.1
	}
	conf = max(0.05, min(1, conf))
	n := 0
	for _, s := range srcs {
		for _, t := range tgts {
			if s != nil && t != nil && s.code == t.code {
				continue
			}
			if opts.RequireDyad && (s != nil && s.blank || t != nil && t.blank) {
				continue // a noun phrase too long to be a new actor
			}
			if code.Active != "" && code.Active != "---" {
				n += st.add(s, t, code.Active, rule, v, modality, conf)
			}
			if code.Passive != "" && code.Passive != "---" && s != nil && t != nil {
				n += st.add(t, s, code.Passive, rule, v, modality, conf)
			}
		}
	}
	return n
}

func (st *state) add(s, t *unit, code, rule string, v *news.Verb, modality string, conf float64) int {
	ev := news.Event{
		Source:     st.actor(s),
		Target:     st.actor(t),
		Code:       code,
		Verb:       v,
		Rule:       rule,
		Confidence: conf,
		Modality:   modality,
	}
	for _, e := range st.events {
		if sameCode(e.Source, ev.Source) && sameCode(e.Target, ev.Target) && e.Code == ev.Code {
			return 0
		}
	}
	if max := st.c.opts.MaxEventsPerSentence; max > 0 && len(st.events) >= max {
		return 0
	}
	st.events = append(st.events, ev)
	return 1
}

func sameCode(a, b *news.EventActor) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Code == b.Code
}

func (st *state) actor(u *unit) *news.EventActor {
	if u == nil {
		return nil
	}
	ea := &news.EventActor{Code: u.code}
	if u.first >= 0 {
		ea.Span = st.span(u.first, u.last)
		ea.Text = st.text[ea.Span[0]:ea.Span[1]]
	}
	if len(u.code) >= 3 && st.c.ix.country[u.code[:3]] {
		ea.Country = u.code[:3]
	}
	return ea
}

// matchPattern matches a pattern around the verb h.
func (st *state) matchPattern(p *dictfile.Pattern, h verbHit, b *bind) bool {
	b.lo = h.first
	b.after = true
	if len(p.After) > 0 {
		memo := st.memo(len(p.After), len(st.ws)+1)
		if _, ok := st.seqRight(p.After, 0, h.last, p.JoinVerb, -1, b, memo); !ok {
			return false
		}
	}
	b.after = false
	if len(p.Before) > 0 {
		k := len(p.Before) - 1
		memo := st.memo(len(p.Before), -1)
		if !st.seqLeft(p.Before, k, h.first, p.Before[k].Join, b, memo) {
			return false
		}
	}
	return true
}

// memo returns the failure memo of a pattern side of n tokens, every
// entry set to none.
func (st *state) memo(n, none int) []int {
	if cap(st.failMemo) < n {
		st.failMemo = make([]int, n)
	}
	m := st.failMemo[:n]
	for i := range m {
		m[i] = none
	}
	return m
}

// seqRight matches toks[k:] sparsely from word p; adj requires the first
// of them at p; maxGap (when ≥ 0) bounds each gap.
//
// memo (for a pattern's own tokens, never a synset's or a phrase's) holds
// for each k the least word from which a sparse match of toks[k:] failed:
// a sparse search from p tries every start a search from a later word
// would, and what a token matches does not depend on what was bound
// before, so the later search fails too. It keeps the sparse matching of
// long patterns linear in practice.
func (st *state) seqRight(toks []dictfile.Token, k, p int, adj bool, maxGap int, b *bind, memo []int) (int, bool) {
	if k == len(toks) {
		return p, true
	}
	if memo != nil && p >= memo[k] {
		return -1, false
	}
	t := &toks[k]
	n := len(st.ws)
	sparse := !adj && maxGap < 0
	for q := p; q <= n; q++ {
		if q > p && (adj || maxGap >= 0 && q-p > maxGap) {
			break
		}
		if sparse {
			// jump to the next word the token can start at
			if q = st.nextStart(t, q); q > n {
				break
			}
		}
		saved := *b
		if e, ok := st.matchTok(t, q, b); ok {
			if e2, ok := st.seqRight(toks, k+1, e, t.Join, maxGap, b, memo); ok {
				return e2, true
			}
		}
		*b = saved
	}
	if memo != nil && !adj && p < memo[k] {
		memo[k] = p
	}
	return -1, false
}

// nextStart returns the first word at or after q where the token t may
// match, or past the end when there is none; it only skips words where t
// cannot match.
func (st *state) nextStart(t *dictfile.Token, q int) int {
	n := len(st.ws)
	switch t.Kind {
	case dictfile.Word:
		if st.wordAt == nil {
			return q
		}
		for e := st.wordAt[t.Text]; e > 0; e = st.wordNext[e-1].next {
			if p := int(st.wordNext[e-1].pos); p >= q {
				return p
			}
		}
		return n + 1
	case dictfile.Source, dictfile.Target, dictfile.Compound:
		if q >= n {
			return n + 1
		}
		return st.nextGroup[q]
	}
	for q < n && !st.canStart(t, q) {
		q++
	}
	return q
}

// canStart reports whether the token t may match at word q; false only
// when it cannot.
func (st *state) canStart(t *dictfile.Token, q int) bool {
	if st.wordAt == nil || q >= len(st.ws) {
		return true
	}
	switch t.Kind {
	case dictfile.Word:
		return st.wordIs(t.Text, st.ws[q], t.Exact)
	case dictfile.SynsetRef:
		si := st.c.ix.synsetFirst[t.Text]
		if si == nil || len(si.other) > 0 {
			return true
		}
		for _, base := range st.bases[q].forms() {
			if len(si.byWord[base]) > 0 {
				return true
			}
		}
		return false
	case dictfile.NounPhrase, dictfile.PrepPhrase:
		return len(t.Sub) == 0 || st.canStart(&t.Sub[0], q)
	}
	return true
}

// seqLeft matches toks[:k+1] sparsely, right to left, ending at or before
// word p (exactly at p when adj). memo holds for each k the greatest word
// at or before which a sparse match of toks[:k+1] failed (see seqRight).
func (st *state) seqLeft(toks []dictfile.Token, k, p int, adj bool, b *bind, memo []int) bool {
	if k < 0 {
		return true
	}
	if memo != nil && p <= memo[k] {
		return false
	}
	t := &toks[k]
	for q := p; q >= 0; q-- {
		saved := *b
		if e, ok := st.matchTok(t, q, b); ok && e <= p && (!adj || e == p) && (e > q || zeroWidth(t)) {
			if q < b.lo {
				b.lo = q
			}
			nextAdj := k > 0 && toks[k-1].Join
			if st.seqLeft(toks, k-1, q, nextAdj, b, memo) {
				return true
			}
		}
		*b = saved
		if adj && p-q > 8 {
			break
		}
	}
	if memo != nil && !adj && p > memo[k] {
		memo[k] = p
	}
	return false
}

// skipNounPhrase returns the word after the noun phrase starting at word
// q (an actor phrase, or determiners, adjectives and nouns), or q when none
// starts there: the '^' marker skips it.
func (st *state) skipNounPhrase(q int) int {
	if q >= len(st.ws) {
		return q
	}
	if gi := st.groupAt[q]; gi >= 0 {
		return st.groups[gi].last
	}
	// "Tabaski with Eriador": a preposition or adverb before the noun
	// phrase is passed over with it, as the sparse match between tokens
	// would otherwise leave '^' empty in front of the phrase it is to skip
	q0 := q
	for q < len(st.ws) && !st.inUnit[q] {
		switch st.tag(q) {
		case "IN", "TO", "RB":
			q++
			continue
		}
		break
	}
	if q > q0 && (q >= len(st.ws) || !st.startsNounPhrase(q)) {
		q = q0
	}
	if gi := st.groupAt[q]; q < len(st.ws) && gi >= 0 {
		return st.groups[gi].last
	}
	e := q
	for e < len(st.ws) && !st.inUnit[e] {
		switch st.tag(e) {
		case "DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$":
			e++
			continue
		}
		break
	}
	if e > q && e < len(st.ws) && st.groupAt[e] >= 0 {
		// "the Gondor": the determiners and modifiers and the actor they
		// lead to are one noun phrase
		return st.groups[st.groupAt[e]].last
	}
	return e
}

// startsNounPhrase reports whether an actor phrase, or a determiner,
// adjective or noun, starts at word q.
func (st *state) startsNounPhrase(q int) bool {
	if st.groupAt[q] >= 0 {
		return true
	}
	switch st.tag(q) {
	case "DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$":
		return !st.inUnit[q]
	}
	return false
}

func zeroWidth(t *dictfile.Token) bool {
	return t.Kind == dictfile.Skip || t.Kind == dictfile.Attrib
}

// boundGroup returns the group a bind field names, or nil.
func (st *state) boundGroup(gi int) *group {
	if gi == 0 {
		return nil
	}
	return st.groups[gi-1]
}

// matchTok matches one pattern token starting at word q and returns the
// word after it.
func (st *state) matchTok(t *dictfile.Token, q int, b *bind) (int, bool) {
	n := len(st.ws)
	switch t.Kind {
	case dictfile.Attrib:
		return q, true
	case dictfile.Skip:
		return st.skipNounPhrase(q), true
	}
	if q >= n {
		return -1, false
	}
	switch t.Kind {
	case dictfile.Word:
		if st.wordIs(t.Text, st.ws[q], t.Exact) {
			return q + 1, true
		}
	case dictfile.SynsetRef:
		s := st.c.ix.synsets[t.Text]
		if s == nil {
			return -1, false
		}
		// the longest member that starts here; what members bind is not
		// kept, so the order they are tried in does not matter
		best := -1
		saved := *b
		try := func(m *dictfile.SynsetMember) {
			if e, ok := st.seqRight(m.Tokens, 0, q, true, 0, b, nil); ok && e > best {
				best = e
			}
			*b = saved
		}
		if si := st.c.ix.synsetFirst[t.Text]; si != nil && st.wordAt != nil {
			for _, mi := range si.other {
				try(&s.Members[mi])
			}
			for _, base := range st.bases[q].forms() {
				for _, mi := range si.byWord[base] {
					try(&s.Members[mi])
				}
			}
		} else {
			for mi := range s.Members {
				try(&s.Members[mi])
			}
		}
		if best > q {
			return best, true
		}
	case dictfile.Source, dictfile.Target, dictfile.Compound:
		gi := st.groupAt[q]
		if gi >= 0 && !st.eligible(st.groups[gi]) {
			gi = -1
		}
		if gi < 0 {
			return -1, false
		}
		g := st.groups[gi]
		switch t.Kind {
		case dictfile.Source:
			b.source = gi + 1
		case dictfile.Target:
			b.target = gi + 1
		default:
			if len(g.members) < 2 {
				return -1, false
			}
			b.compound = gi + 1
			b.compoundAfter = b.after
		}
		return g.last, true
	case dictfile.Choice:
		best := -1
		saved := *b
		for _, alt := range t.Alts {
			if e, ok := st.seqRight(alt, 0, q, true, 0, b, nil); ok && e > best {
				best = e
			}
			*b = saved
		}
		if best > q {
			return best, true
		}
	case dictfile.NounPhrase, dictfile.PrepPhrase:
		// the words of the phrase, in order, a few words apart at most
		if e, ok := st.seqRight(t.Sub, 0, q, true, 3, b, nil); ok {
			return e, true
		}
	}
	return -1, false
}

// wordIs reports whether the text word w matches the pattern word d: whole
// words or their regular plurals, or stems in TABARI dictionaries.
func (st *state) wordIs(d, w string, exact bool) bool {
	if d == w {
		return true
	}
	if st.c.stem {
		return !exact && strings.HasPrefix(w, d)
	}
	return isPlural(d, w)
}

func isPlural(d, w string) bool {
	if len(w) <= len(d) || !strings.HasPrefix(w, d[:len(d)-1]) {
		return false
	}
	switch {
	case strings.HasSuffix(d, "Y") && w[len(d)-1:] == "IES":
		return true
	case strings.HasPrefix(w, d) && (w[len(d):] == "S" || w[len(d):] == "ES"):
		return true
	}
	return false
}

// hasWords reports whether every word of need occurs in the sentence (as
// itself or its plural) in words [lo, hi): a quick test before matching a
// pattern.
func (st *state) hasWords(need []string, lo, hi int) bool {
	for _, d := range need {
		found := false
		if st.wordAt != nil {
			for e := st.wordAt[d]; e > 0; e = st.wordNext[e-1].next {
				if p := int(st.wordNext[e-1].pos); lo <= p && p < hi {
					found = true
					break
				}
			}
		} else {
			for _, w := range st.ws[lo:hi] {
				if w == d || isPlural(d, w) {
					found = true
					break
				}
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// indexWords lists where each word occurs, under the word itself and
// under every word it is the regular plural of (isPlural), so that a
// pattern word finds its matches without scanning the sentence.
func (st *state) indexWords() {
	n := len(st.ws)
	st.wordAt = make(map[string]int32, 2*n)
	st.wordNext = make([]wordPos, 0, 2*n)
	st.bases = make([]wordForms, n)
	add := func(k string, q int) {
		if k == "" {
			return
		}
		f := &st.bases[q]
		f.f[f.n] = k
		f.n++
		if h := st.wordAt[k]; h > 0 && st.wordNext[h-1].pos == int32(q) {
			return
		}
		st.wordNext = append(st.wordNext, wordPos{pos: int32(q), next: st.wordAt[k]})
		st.wordAt[k] = int32(len(st.wordNext))
	}
	for q := n - 1; q >= 0; q-- {
		w := st.ws[q]
		add(w, q)
		m := len(w)
		if m > 1 && w[m-1] == 'S' {
			add(w[:m-1], q)
			if m > 2 && w[m-2] == 'E' {
				add(w[:m-2], q)
				if m > 2 && w[m-3] == 'I' {
					add(w[:m-3]+"Y", q)
				}
			}
		}
	}
}

// wordForms are the words a text word matches as a pattern word: itself
// and the singulars it may be the plural of.
type wordForms struct {
	f [4]string
	n int
}

func (f *wordForms) forms() []string { return f.f[:f.n] }

// indexGroups sets nextGroup[q] to the first word at or after q where a
// group starts (past the end when none does).
func (st *state) indexGroups() {
	n := len(st.ws)
	st.nextGroup = make([]int, n+1)
	next := n + 1
	for q := n; q >= 0; q-- {
		if q < n && st.groupAt[q] >= 0 {
			next = q
		}
		st.nextGroup[q] = next
	}
}

// maybeVerb reports whether word i may be a verb: by its tag, or for
// TABARI dictionaries, as TABARI decides without tags, any word that is
// not capitalised (after the first) and does not follow a determiner,
// modals included ("SHOULD" may be a verb entry). In text set in capitals
// neither tags nor capitals say anything: any word may be a verb. A word
// after a determiner ("raised its voice") is a noun, but TABARI, which has
// no tags, takes it for a verb where one of its patterns matches: such a
// word is a verb only for its patterns that name the words before it
// ("RECENTLY RAISED ITS *"; patternOnly), never for its bare code nor for
// a pattern of the words after it ("its resumption of ties" is a noun).
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
	case "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER":
		det = true
	}
	if st.caps {
		return true, det
	}
	w := st.s.Tokens[i].Text
	if w == "" || i > 0 && w[0] >= 'A' && w[0] <= 'Z' {
		return false, false
	}
	return t == "NN" || t == "NNS" || t == "JJ" || t == "RB" || t == "IN" || t == "VBN" || t == "MD", det
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
			return k < i-1
		}
		if !negWords[w] && !strings.HasPrefix(t, "RB") {
			return false
		}
	}
	return false
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

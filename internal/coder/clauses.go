package coder

import (
	"strings"

	"dyad/internal/dictfile"
	"dyad/news"
)

// attachment is a participle attached to a noun ("rebels fighting X",
// "pilots shot down by X"): the noun is its subject, or for a passive
// participle its target, with the "by" phrase for source.
type attachment struct {
	noun, agent *group
	passive     bool
}

func isNounTag(t string) bool {
	return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS"
}

// groupEndingAt returns the group whose last word is k-1, or nil.
func (st *state) groupEndingAt(k int) *group {
	for _, g := range st.groups {
		if g.last == k {
			return g
		}
		if g.first >= k {
			break
		}
	}
	return nil
}

// prenominal reports whether the one-word verb h is a participle between
// a determiner and its noun ("the outlawed PKK", "its attacking forces").
func (st *state) prenominal(h verbHit) bool {
	if st.c.stem || h.last != h.first+1 {
		return false
	}
	switch st.tag(h.first) {
	case "VBN", "VBG", "JJ":
	default:
		return false
	}
	switch st.tag(h.first - 1) {
	case "DT", "PRP$", "POS":
	default:
		return false
	}
	k := h.last
	return k < len(st.ws) && (st.inUnit[k] || isNounTag(st.tag(k)) || strings.HasPrefix(st.tag(k), "JJ"))
}

// attached reports whether the verb h is a participle that modifies the
// noun phrase right before it: a present participle, or a past one
// followed by "by" or coming after the clause's own verb, with no
// auxiliary. It returns the noun's group (nil when the noun is no actor).
func (st *state) attached(h verbHit) (attachment, bool) {
	var at attachment
	if st.c.stem {
		return at, false
	}
	t := st.tag(h.first)
	if t != "VBG" && t != "VBN" && t != "VBD" && t != "VBP" {
		return at, false
	}
	k := h.first - 1
	if k < 0 || isAux(st.ws[k], st.tag(k)) {
		return at, false
	}
	j := k
	for j >= 0 && j > k-3 && !st.inUnit[j] && isNounTag(st.tag(j)) {
		j--
	}
	var noun *group
	if j >= 0 && st.inUnit[j] {
		noun = st.groupEndingAt(j + 1)
	}
	if noun == nil && j == k {
		return at, false // not after a noun
	}
	byAt := h.last
	if t := st.tag(byAt); t == "RP" || t == "RB" && byAt+1 < len(st.ws) && st.ws[byAt+1] == "BY" {
		byAt++ // "shot down by"
	}
	by := byAt < len(st.ws) && st.ws[byAt] == "BY"
	switch t {
	case "VBD", "VBP":
		// a past participle the tagger read as a past tense: only with
		// "by" and after the clause's verb
		if !by || !st.verbBefore(h.first, false) {
			return at, false
		}
		at.passive = true
	case "VBN":
		if !by && !st.verbBefore(h.first, true) {
			return at, false
		}
		at.passive = true
	}
	if noun != nil && !hasActor(noun) {
		noun = nil
	}
	at.noun = noun
	if at.passive && by {
		at.agent = st.groupIn(byAt+1, st.targetEnd(byAt+1), noun)
	}
	return at, true
}

func hasActor(g *group) bool {
	for _, u := range g.members {
		if u.hasActor || u.pronoun {
			return true
		}
	}
	return false
}

// verbBefore reports whether a verb (a finite one when finite) comes
// before word i in its clause.
func (st *state) verbBefore(i int, finite bool) bool {
	for k := st.clauseStart(i); k < i; k++ {
		if st.inUnit[k] {
			continue
		}
		switch t := st.tag(k); t {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		default:
			if !finite && isVerbTag(t) {
				return true
			}
		}
	}
	return false
}

// codeAttached codes a participle attached to a noun (see attached).
func (st *state) codeAttached(h verbHit, at attachment) {
	if st.trace != nil && at.noun == nil {
		st.trace.addVerb(st, h, "participle of a noun that is no actor: nothing coded")
		return
	}
	if at.noun == nil {
		return
	}
	st.attach = &at
	st.codeVerb(h, st.clauseStart(h.first), false, nil, false)
	st.attach = nil
}

// relativeClause reports whether the clause starting at cs is a relative
// clause: "who"/"which", or "that" right after an actor.
func (st *state) relativeClause(cs int) bool {
	if cs <= 0 {
		return false
	}
	switch st.ws[cs-1] {
	case "WHO", "WHICH":
		return true
	case "THAT":
		return st.antecedent(cs) != nil
	}
	return false
}

// antecedent returns the actor a relative clause starting at cs refers
// to: the group right before its relative pronoun, or nil.
func (st *state) antecedent(cs int) *group {
	k := cs - 1
	if k > 0 && st.ws[k-1] == "," {
		k--
	}
	if st.c.opts.News && k > 1 && st.ws[k-1] == ")" && st.inUnit[k-2] {
		// news: "the Economic Community of West African States
		// (ECOWAS), which …": the name in brackets is the antecedent
		k--
	}
	g := st.groupEndingAt(k)
	if g == nil && st.c.opts.News {
		// news: a name after its title ("Angolan President Joao
		// Lourenco, who …"): the actor phrase ends before the name
		for k > 0 && !st.inUnit[k-1] && strings.HasPrefix(st.tag(k-1), "NNP") {
			k--
		}
		g = st.groupEndingAt(k)
	}
	if g != nil && st.c.opts.News && len(g.members) > 1 {
		if u := g.members[len(g.members)-1]; u.first > 0 && repeatedPreps[st.ws[u.first-1]] {
			// news: "welcomed by A and by B, which hosted …": the
			// repeated preposition sets B apart; "which" is B
			return &group{members: []*unit{u}, first: u.first, last: u.last}
		}
	}
	if g != nil && st.ws[cs-1] == "WHO" {
		if h, ok := st.personBefore(g); ok {
			return h
		}
	}
	return g
}

// personBefore finds who "who" stands for when the group g before it is a
// bare state or body named after "to" or "with" ("a woman believed linked
// to Al-Qaeda who shot"): not g, which is no person, but the noun phrase
// the modifier hangs on. It returns that phrase's actor, nil when it has
// none ("a man close to Gondor who"), and ok false when g is not such an
// object.
func (st *state) personBefore(g *group) (*group, bool) {
	if len(g.members) != 1 || personLike(g.members[0]) || g.members[0].pronoun || g.first < 2 {
		return nil, false
	}
	if w := st.ws[g.first-1]; w != "TO" && w != "WITH" {
		return nil, false
	}
	k := g.first - 1 // the preposition
	// the modifier: participles, adjectives and adverbs ("believed
	// linked", "closely allied")
	for k > 0 && !st.inUnit[k-1] {
		t := st.tag(k - 1)
		if t != "VBN" && t != "VBD" && !strings.HasPrefix(t, "JJ") && !strings.HasPrefix(t, "RB") {
			break
		}
		k--
	}
	if k == g.first-1 {
		return nil, false // no modifier: "talks with Gondor who"
	}
	// the noun it hangs on, and the actor in its noun phrase
	j := k
	for j > 0 && !st.inUnit[j-1] && (strings.HasPrefix(st.tag(j-1), "NN") || strings.HasPrefix(st.tag(j-1), "JJ")) {
		j--
	}
	if j == k {
		return nil, false
	}
	if j > 0 && st.inUnit[j-1] {
		return st.groupEndingAt(j), true
	}
	return nil, true
}

// nounSubject reports whether a common noun that is no actor stands right
// before the verb group starting at lo ("the measure would target"): the
// clause, opened by a clause word ("that", "when"), has a subject, which
// is not an actor.
func (st *state) nounSubject(cs, lo int) bool {
	if cs == 0 || !clauseWords[st.ws[cs-1]] && st.reportVerb(cs) < 0 {
		return false // a clause opened by "and" or a comma may share the subject before
	}
	k := lo - 1
	if k < cs || k < 0 || st.inUnit[k] {
		return false
	}
	t := st.tag(k)
	return t == "NN" || t == "NNS"
}

// partlyUnknown reports whether src, the subject of the verb h, is joined
// by "and" to a proper name that is no actor ("Kerry and the Gondor
// minister met"), for a verb with compound patterns.
func (st *state) partlyUnknown(src *group, h verbHit) bool {
	if src.last > h.first {
		return false
	}
	unknown := func(k int) bool {
		return k >= 0 && k < len(st.ws) && !st.inUnit[k] && strings.HasPrefix(st.tag(k), "NNP")
	}
	if !(src.first >= 2 && st.ws[src.first-1] == "AND" && unknown(src.first-2)) &&
		!(src.last+1 < h.first && st.ws[src.last] == "AND" && unknown(src.last+1)) {
		return false
	}
	for k := 0; k < h.cands(); k++ {
		for _, cp := range st.c.ix.patterns[h.candAt(k).block] {
			for _, t := range cp.p.Before {
				if t.Kind == dictfile.Compound {
					return true
				}
			}
			for _, t := range cp.p.After {
				if t.Kind == dictfile.Compound {
					return true
				}
			}
		}
	}
	return false
}

// recoveredVerb reports whether word i, tagged as a noun or adjective, is
// where the clause's verb must be: after a complete actor phrase, before
// a noun phrase or a preposition, with no other verb in its clause ("the
// army shot soldiers", "Ethiopia departs from Libya"). The caller checks that it is a dictionary verb.
func (st *state) recoveredVerb(i int) bool {
	if st.c.stem || i == 0 || i+1 >= len(st.ws) {
		return false
	}
	switch st.tag(i) {
	case "NN", "NNS", "JJ":
	default:
		return false
	}
	if w := st.s.Tokens[i].Text; w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	if !st.inUnit[i-1] || st.groupEndingAt(i) == nil {
		return false
	}
	switch t := st.tag(i + 1); {
	case st.inUnit[i+1], t == "DT", t == "PRP$", t == "CD", strings.HasPrefix(t, "JJ"), isNounTag(t), t == "IN":
	default:
		return false
	}
	lo := st.clauseStart(i)
	for k := lo; k < len(st.ws); k++ {
		if k > i && st.bound[k] {
			break
		}
		if k == i || st.inUnit[k] {
			continue
		}
		if t := st.tag(k); isVerbTag(t) || t == "MD" {
			return false
		}
	}
	return true
}

// movementWords are the verbs that move their object away from a place:
// their object followed by "from X" does not belong to X ("withdrew
// troops from Lebanon", "recalled its ambassador from Paris").
var movementWords = wordSet(`WITHDRAW WITHDRAWS WITHDREW WITHDRAWN WITHDRAWING
		RECALL RECALLS RECALLED RECALLING PULL PULLS PULLED PULLING
		EVACUATE EVACUATES EVACUATED EVACUATING EXPEL EXPELS EXPELLED EXPELLING
		REMOVE REMOVES REMOVED REMOVING REDEPLOY REDEPLOYS REDEPLOYED REDEPLOYING
		MOVE MOVES MOVED MOVING RELOCATE RELOCATES RELOCATED RELOCATING
		EXTRACT EXTRACTS EXTRACTED EXTRACTING RETRIEVE RETRIEVED BRING BRINGS BROUGHT BRINGING`)

// wordSet returns the set of the words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// movedObject reports whether the agent phrase starting at word first is
// the object of a verb of movement.
func (st *state) movedObject(first int) bool {
	k := first - 1
	for n := 0; k >= 0 && n < 3; n++ {
		switch st.tag(k) {
		case "DT", "PRP$", "CD", "JJ", "JJR", "JJS":
			k--
			continue
		}
		break
	}
	return k >= 0 && movementWords[st.ws[k]]
}

// codeBetween codes the nominal events of news, "fighting between A and
// B", "an exchange of fire between A and B", "talks between A and B": a
// dictionary verb of force (19) or consultation (04) used as the noun
// right before "between" and a compound codes its default code from each
// member on the other.
func (st *state) codeBetween() {
	ix := st.c.ix
	for i := 1; i+1 < len(st.ws); i++ {
		if st.ws[i] != "BETWEEN" {
			continue
		}
		k := i + 1
		if st.ws[k] == "THE" && k+1 < len(st.ws) && !st.inUnit[k] {
			k++ // "fighting between the ELN and …"
		}
		if st.groupAt[k] < 0 {
			continue
		}
		g := st.groups[st.groupAt[k]]
		if len(g.members) < 2 {
			continue
		}
		for j := max(0, i-3); j < i; j++ {
			if st.inUnit[j] {
				continue
			}
			h, ok := st.findVerb(j)
			if !ok || h.last != i {
				continue
			}
			verb, code := &ix.set.Verbs.Blocks[h.cand.block].Verbs[h.cand.verb], ix.verbCode(h.cand)
			if !strings.HasPrefix(code.Active, "19") && !strings.HasPrefix(code.Active, "04") {
				break
			}
			sp := st.span(h.first, h.last)
			v := &news.Verb{Text: st.text[sp[0]:sp[1]], Span: sp}
			st.emitCompound(g, code, verb.Pos.String(), v, "asserted", h)
			break
		}
	}
}

// reportVerb returns the reporting verb ("said", "claimed") whose object
// is the clause starting at cs, right before it or before its "that"
// (news), or -1.
func (st *state) reportVerb(cs int) int {
	if !st.c.opts.News || cs == 0 {
		return -1
	}
	k := cs - 1
	if st.ws[k] == "THAT" && k > 0 {
		k--
	}
	if reportWords[st.ws[k]] && isVerbTag(st.tag(k)) {
		return k
	}
	return -1
}

// claimant returns who claims the clause starting at cs when a party
// reports a hostile act against its own side by another ("Thailand's army
// said Cambodian soldiers had shelled two Thai villages"): the subject of
// the reporting verb, when every member of it and of the act's target
// are of one country and every member of the act's source of another. It
// returns nil otherwise.
func (st *state) claimant(cs int, src, tgt *group) *group {
	rv := st.reportVerb(cs)
	if rv < 0 || src == nil || tgt == nil {
		return nil
	}
	sp := st.groupIn(st.clauseStart(rv), rv, nil)
	if sp == nil {
		return nil
	}
	country := ""
	known := func(u *unit) string {
		if u == nil || !u.hasActor || u.pronoun || len(u.code) < 3 || strings.HasPrefix(u.code, "---") {
			return ""
		}
		return u.code[:3]
	}
	for _, g := range []*group{sp, tgt} {
		for _, u := range g.members {
			c := known(u)
			if c == "" || country != "" && c != country {
				return nil
			}
			country = c
		}
	}
	for _, u := range src.members {
		if c := known(u); c == "" || c == country {
			return nil
		}
	}
	return sp
}

// codeNominal codes the nominal verbal acts of news, "condemnation from
// France and the United States", "criticism from the opposition": a noun
// listed among the dictionary's verbs right before "from" and a group of
// actors codes the noun's default code from each member. Its target is
// the implicit one (Options.ImplicitTarget), so that a member of the
// story's own country, or an act with no implicit target, codes nothing.
// "No condemnation from" codes nothing.
func (st *state) codeNominal() {
	for i := 0; i+2 < len(st.ws); i++ {
		if st.ws[i+1] != "FROM" || st.inUnit[i] || !isNounTag(st.tag(i)) || st.word(i-1) == "NO" {
			continue
		}
		k := i + 2 // the group, past the modifiers of its first member ("West African leaders")
		for k < len(st.ws) && k < i+5 && !st.inUnit[k] {
			if t := st.tag(k); t != "DT" && t != "CD" && !strings.HasPrefix(t, "JJ") && !strings.HasPrefix(t, "NNP") {
				break
			}
			k++
		}
		if k >= len(st.ws) || st.groupAt[k] < 0 {
			continue
		}
		h, pos, code, v, ok := st.nounAct(i)
		if !ok || code.IsNull() || code.Active == "" {
			continue
		}
		n := 0
		for _, m := range st.groups[st.groupAt[k]].members {
			// each member on its own: "from West African leaders,
			// France and the United States" codes France and the U.S.
			// even though the leaders have no country
			n += st.emit(&group{members: []*unit{m}, first: m.first, last: m.last}, nil, code, pos, v, "asserted", 0.6)
		}
		if st.trace != nil {
			note := "nominal act: no implicit target"
			if n > 0 {
				note = "nominal act from its source"
			}
			st.trace.addVerb(st, h, note)
		}
	}
}

// timeWords may stand between an act noun and its "of" ("the arrest last
// month of …").
var timeWords = wordSet(`LAST THIS MONTH WEEK YEAR WEEKEND MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY`)

// codeNominalOf codes the nominal coercive acts of news, "the arrest (last
// month) of a Gondorian engineer (by Rohan)": a dictionary verb of
// coercion (17) used as a noun after "the" and followed by "of" and an
// actor is an act on that actor, by the actor after "by" when one is
// named, else (with ImplicitTarget) by the story country's police.
func (st *state) codeNominalOf() {
	for i := 1; i+2 < len(st.ws); i++ {
		if st.ws[i-1] != "THE" || st.inUnit[i] || st.tag(i) != "NN" {
			continue
		}
		k := i + 1
		for k < len(st.ws) && k < i+4 && timeWords[st.ws[k]] && !st.inUnit[k] {
			k++
		}
		if k+1 >= len(st.ws) || st.ws[k] != "OF" {
			continue
		}
		k++
		for k < len(st.ws) && k < i+8 && !st.inUnit[k] {
			if t := st.tag(k); t != "DT" && t != "CD" && !strings.HasPrefix(t, "JJ") {
				break
			}
			k++
		}
		if k >= len(st.ws) || st.groupAt[k] < 0 {
			continue
		}
		h, pos, code, v, ok := st.nounAct(i)
		if !ok || !strings.HasPrefix(code.Active, "17") {
			continue
		}
		tgt := st.groups[st.groupAt[k]]
		var src *group
		if e := tgt.last; e+1 < len(st.ws) && st.ws[e] == "BY" && st.groupAt[e+1] >= 0 {
			src = st.groups[st.groupAt[e+1]]
		}
		n := st.emit(src, tgt, code, pos, v, "asserted", 0.6)
		if st.trace != nil {
			note := "nominal act of an actor: nothing coded"
			if n > 0 {
				note = "nominal act on the actor after \"of\""
			}
			st.trace.addVerb(st, h, note)
		}
	}
}

// nounAct is the dictionary verb written as the one word at i (a noun of
// an act: "condemnation", "the arrest"): its hit, part of speech, code and
// the verb as an event reports it; false when no verb is that word alone.
func (st *state) nounAct(i int) (h verbHit, pos string, code dictfile.Code, v *news.Verb, ok bool) {
	h, ok = st.findVerb(i)
	if !ok || h.first != i || h.last != i+1 {
		return verbHit{}, "", dictfile.Code{}, nil, false
	}
	ix := st.c.ix
	pos = ix.set.Verbs.Blocks[h.cand.block].Verbs[h.cand.verb].Pos.String()
	sp := st.span(h.first, h.last)
	return h, pos, ix.verbCode(h.cand), &news.Verb{Text: st.text[sp[0]:sp[1]], Span: sp}, true
}

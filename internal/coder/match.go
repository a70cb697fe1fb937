package coder

// This file matches verb patterns sparsely around a verb: pattern tokens,
// synsets, phrases, markers and the word indexes that speed them up.

import (
	"strings"

	"dyad/internal/dictfile"
)

// matchPattern matches a pattern around the verb h.
func (st *state) matchPattern(p *dictfile.Pattern, h verbHit, b *bind) bool {
	b.lo = h.first
	b.after = true
	if len(p.After) > 0 {
		memo := st.memo(len(p.After), len(st.ws)+1)
		end, ok := st.seqRight(p.After, 0, h.last, p.JoinVerb, -1, b, memo)
		if !ok {
			return false
		}
		if st.c.opts.News {
			// news: a pattern does not reach into a later clause ("will
			// sign a treaty, the minister said, as A competes with B")
			for k := h.last; k < end-1 && k < len(st.bound); k++ {
				if st.bound[k] {
					return false
				}
				if st.otherVerb(k, p.After) {
					// nor past another verb ("wanted to attack posts
					// after the talks" is no appeal for talks; "held up
					// placards denouncing the deal" rejects nothing)
					return false
				}
			}
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
	case dictfile.SynsetRef:
		// the synset's index looked up once, not at every word
		si := st.c.ix.synsetFirst[t.Text]
		if st.wordAt == nil || si == nil || len(si.other) > 0 {
			return q
		}
		for ; q < n; q++ {
			for _, base := range st.bases[q].forms() {
				if len(si.byWord[base]) > 0 {
					return q
				}
			}
		}
		return q
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
		if e, ok := st.matchTok(t, q, b); ok && e <= p && (!adj || e == p || st.looseAfter(t, q, e)) && (e > q || zeroWidth(t)) {
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

// looseAfter reports whether a synset token t matched at words [q, e)
// before the verb is joined loosely to the pattern word after it, as in
// TABARI, which, once a synset member of several words has matched
// ("REALLY DID NOT"), does not hold the next word to its '_' ("most
// certainly really did not even ever clash" matches
// "MOST_CERTAINLY_&NEGATIVE_EVER *").
func (st *state) looseAfter(t *dictfile.Token, q, e int) bool {
	if !st.c.stem || t.Kind != dictfile.SynsetRef {
		return false
	}
	n := 0 // words, a clitic ("n't") being part of the word before
	for k := q; k < e; k++ {
		if w := st.ws[k]; w != "" && w[0] != '\'' && w != "N'T" {
			n++
		}
	}
	return n > 1
}

// skipNounPhrase returns the word after the noun phrase starting at word
// q (an actor phrase, or determiners, adjectives and nouns), or q when none
// starts there: the '^' marker skips it.
func (st *state) skipNounPhrase(q int) int {
	if q >= len(st.ws) {
		return q
	}
	if gi := st.groupAt[q]; gi >= 0 {
		return st.skipGroup(st.groups[gi])
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
		return st.skipGroup(st.groups[gi])
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
		return st.skipGroup(st.groups[st.groupAt[e]])
	}
	if st.c.stem && e > q && e+1 < len(st.ws) && st.ws[e] == "OF" && st.startsNounPhrase(e+1) {
		// TABARI: "the leaders of Gondor" is one noun phrase
		return st.skipNounPhrase(e + 1)
	}
	return e
}

// skipGroup returns the word after the noun phrase that '^' skips at the
// group g: the whole group, but in PETRARCH, whose noun phrases end before
// "of", only the agent of "the parliament of Gondor", leaving "of Gondor"
// to a later marker.
func (st *state) skipGroup(g *group) int {
	if st.c.stem || len(g.members) != 1 {
		return g.last
	}
	if of := st.ofActor(g.members[0]); of > 0 {
		return of
	}
	return g.last
}

// ofActor returns, for a unit that joins an agent to the actor after it
// by "of" ("the parliament of Gondor"), the position of "of"; else -1.
func (st *state) ofActor(u *unit) int {
	if !u.hasActor || u.pronoun || u.newActor || u.actorAt <= u.first {
		return -1
	}
	k := u.actorAt - 1
	if st.ws[k] == "THE" && k > u.first {
		k--
	}
	if k > u.first && st.ws[k] == "OF" {
		return k
	}
	return -1
}

// tailAt returns the actor part of a unit like "the parliament of
// Gondor" when that actor starts at word q, as a group of its own for a
// pattern marker after a '^' skip (PETRARCH), with its bind index.
func (st *state) tailAt(q int) (int, *group) {
	if st.c.stem || q >= len(st.ws) || !st.inUnit[q] {
		return 0, nil
	}
	for i, g := range st.tails {
		if g.first == q {
			return len(st.groups) + i + 1, g
		}
	}
	for _, u := range st.units {
		if u.actorAt != q || st.ofActor(u) < 0 {
			continue
		}
		v := &unit{first: q, last: u.last, code: u.actor, actor: u.actor, actorAt: q, hasActor: true, rules: u.rules[len(u.rules)-1:]}
		g := &group{members: []*unit{v}, first: q, last: u.last}
		st.tails = append(st.tails, g)
		return len(st.groups) + len(st.tails), g
	}
	return 0, nil
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
	if gi > len(st.groups) {
		return st.tails[gi-1-len(st.groups)]
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
		e := st.skipNounPhrase(q)
		b.skipEnd = max(b.skipEnd, e)
		return e, true
	}
	if q >= n {
		return -1, false
	}
	switch t.Kind {
	case dictfile.Word:
		if st.wordIs(t.Text, st.ws[q], t.Exact) {
			b.words++
			return q + 1, true
		}
		if d := t.Text; len(d) > 1 && d[len(d)-1] == '-' && q+1 < n && st.ws[q+1] == "-" && st.wordIs(d[:len(d)-1], st.ws[q], t.Exact) {
			// "ANTI-" in a pattern, "anti-" split from its hyphen in the text
			b.words++
			return q + 2, true
		}
	case dictfile.SynsetRef:
		s := st.c.ix.synsets[t.Text]
		if s == nil {
			return -1, false
		}
		// the longest member that starts here; what members bind is not
		// kept, so the order they are tried in does not matter
		// the longest member that starts here, with what it binds ("PESO_$"
		// binds the source); in TABARI a member's words written apart may
		// have a word or two between them ("AUSTRIAN FLORIN": "austrian
		// gold florin")
		best := -1
		saved := *b
		var bestBind bind
		outer := st.inSynset
		st.inSynset = true
		gap := 0
		if st.c.stem {
			gap = synsetGap
		}
		try := func(m *dictfile.SynsetMember) {
			if e, ok := st.seqRight(m.Tokens, 0, q, true, gap, b, nil); ok && e > best {
				best, bestBind = e, *b
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
		st.inSynset = outer
		if best > q {
			*b = bestBind
			return best, true
		}
	case dictfile.Source, dictfile.Target, dictfile.Compound:
		gi := st.groupAt[q]
		if gi >= 0 && !st.eligible(st.groups[gi]) {
			gi = -1
		}
		var g *group
		if gi >= 0 {
			g = st.groups[gi]
		} else if ti, tg := st.tailAt(q); tg != nil && t.Kind != dictfile.Compound {
			gi, g = ti-1, tg
		} else {
			return -1, false
		}
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
		// an alternative starts at q; in TABARI its later words may
		// have other words between them, as a pattern's words may
		// ("RECENTLY {LOUDLY INCLUDED} ITS *" in "recently loudly boldly
		// included its")
		altGap := 0
		if st.c.stem {
			altGap = -1
		}
		best := -1
		saved := *b
		var bestBind bind
		for _, alt := range t.Alts {
			if e, ok := st.seqRight(alt, 0, q, true, altGap, b, nil); ok && e > best {
				best, bestBind = e, *b
			}
			*b = saved
		}
		if best > q {
			*b = bestBind
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

// wordIs reports whether the text word w matches the pattern word d:
// whole words in PETRARCH dictionaries, as PETRARCH matches them ("* EFFORT"
// does not match "efforts"), and their regular plurals in synset members,
// whose plurals PETRARCH generates; stems in TABARI dictionaries.
func (st *state) wordIs(d, w string, exact bool) bool {
	if d == w {
		return true
	}
	if st.c.stem {
		return !exact && strings.HasPrefix(w, d)
	}
	return st.inSynset && isPlural(d, w)
}

// synsetGap is the most words that may come between two words of a TABARI
// synset member written apart.
const synsetGap = 2

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
	// the storage of an earlier sentence, when there is one
	sc := st.store()
	if sc.wordAt == nil {
		sc.wordAt = make(map[string]int32, 2*n)
	}
	clear(sc.wordAt)
	if cap(sc.bases) < n {
		sc.bases = make([]wordForms, n, n+n/2)
	}
	st.wordAt, st.wordNext, st.bases = sc.wordAt, sc.wordNext[:0], sc.bases[:n]
	clear(st.bases)
	defer func() { sc.wordNext = st.wordNext }()
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
	st.nextGroup = ints(&st.store().nextGroup, n+1)
	var tail []bool // PETRARCH: the actor of "the parliament of Gondor" (tailAt)
	if !st.c.stem {
		for _, u := range st.units {
			if st.ofActor(u) > 0 {
				if tail == nil {
					tail = make([]bool, n)
				}
				tail[u.actorAt] = true
			}
		}
	}
	next := n + 1
	for q := n; q >= 0; q-- {
		if q < n && (st.groupAt[q] >= 0 || tail != nil && tail[q]) {
			next = q
		}
		st.nextGroup[q] = next
	}
}

// wordPos is one occurrence in a chain of occurrences of a word: its
// position and the chain's next entry (1-based; 0 ends the chain).
type wordPos struct {
	pos, next int32
}

// otherVerb reports whether word k is an inflected verb, or an
// infinitive the dictionary codes, outside any actor phrase, that none of
// the pattern's words toks names.
func (st *state) otherVerb(k int, toks []dictfile.Token) bool {
	if st.inUnit[k] {
		return false
	}
	switch st.tag(k) {
	case "VBD", "VBZ", "VBP", "VBN", "VBG":
	case "VB":
		// an infinitive ("urged donors to speed up aid") is part of
		// what the verb asks for, unless it is an act of its own the
		// dictionary codes ("wanted to attack posts after the talks")
		if st.word(k-1) != "TO" {
			return false
		}
		if h, ok := st.findVerb(k); !ok || st.nullVerb(h) {
			return false
		}
	default:
		return false
	}
	for i := range toks {
		if toks[i].Kind == dictfile.Word && st.wordIs(toks[i].Text, st.ws[k], false) {
			return false
		}
	}
	return true
}

package coder

// This file finds actor phrases: actors and agents joined into units,
// pronouns resolved, units joined into compounds, new actors from noun
// phrases.

import (
	"slices"
	"strings"

	"dyad/internal/dictfile"
)

// unit is one actor phrase: an actor with the agents joined to it, or a
// pronoun standing for an earlier actor.
type unit struct {
	first, last int // tokens [first, last)
	code        string
	rules       []string // file:line of the actor and agent entries
	hasActor    bool
	pronoun     bool
	converted   bool              // an agent coded as an actor (CONVERT AGENT)
	newActor    bool              // a noun phrase coded by its text (NewActorLength)
	blank       bool              // a noun phrase too long to be a new actor: "---"
	moved       bool              // an agent moved away from the actor after it ("withdrew troops from X")
	actor       string            // the actor's own code
	actorAt     int               // the first word of the actor's own phrase
	head        *dictfile.Agent   // the last agent joined: the phrase's head noun
	linked      []*dictfile.Agent // agents joined through "of", "in", "from"
	prefix      []string          // agent codes that go before the actor's code
	suffix      []string          // agent codes that go after it
}

// group is a compound of units ("Arnor, Gondor and Rohan"), or one unit.
type group struct {
	members     []*unit
	first, last int
	// pair is, on the previous sentence's last actor handed to the next
	// sentence (News), the last two actors of different countries named
	// so far: what "both leaders" stands for when no compound is in reach
	pair []*unit
	// person is, on the actor handed to the next sentence (News), the
	// first person named in the last sentence that named one: who "he"
	// or "she" opening the next sentence stands for when the last actor
	// is no person ("Minister X … said loyal troops held the port. He …")
	person *unit
	// plural is, on the actor handed to the next sentence (News), whether
	// its first member is a plural noun ("troops"): no "he" or "she"
	plural bool
}

// mention is an actor, agent or pronoun found in the words.
type mention struct {
	first, last int
	kind        entryKind
	pronoun     bool
	null        bool // an actor coded "---" on this date
	code        string
	agent       *dictfile.Agent
	pos         dictfile.Pos
	rule        string // pos as file:line, when the index has it made
	nested      bool   // an agent inside the previous agent
	newActor    bool   // a noun phrase coded by its text, or blank when too long
}

// findActors finds the actor and agent phrases, joins them into units and
// the units into compound groups.
func (st *state) findActors(prev *group) {
	ix := st.c.ix
	n := len(st.ws)
	sc := st.store()
	ms := sc.mentions[:0]
	defer func() { sc.mentions = ms[:0] }()
	for i := 0; i < n; {
		e, end := ix.phrases.longest(st.ws, i)
		if nm, nend := st.name(i); nm != nil && (e == nil || nend > end) {
			m := mention{first: i, last: nend, kind: kindActor, pos: nm.Pos, code: nm.Code}
			ms = append(ms, m)
			if st.trace != nil {
				st.trace.addMention(st, m)
			}
			i = nend
			continue
		}
		if e == nil {
			if (pronouns[st.ws[i]] || st.c.stem && st.ws[i] == "THEIR") && strings.HasPrefix(st.tag(i), "PRP") {
				ms = append(ms, mention{first: i, last: i + 1, pronoun: true})
			}
			i++
			continue
		}
		m := mention{first: i, last: end, kind: e.kind, pos: e.pos, rule: e.rule}
		switch e.kind {
		case kindActor:
			a := &ix.set.Actors.Entries[e.idx]
			code, ok := a.CodeOn(st.date)
			m.pos = e.pos
			if ok {
				m.code = code.Code
			}
			m.null = !ok || code.Code == "---" || code.Code == ""
			if ok && code.Code == "###" && st.c.stem {
				// a discard actor: the sentence codes nothing
				if st.trace != nil {
					st.trace.Notes = append(st.trace.Notes, "discarded by actor at "+e.pos.String())
				}
				st.discarded = true
			}
		case kindAgent:
			m.agent = &ix.set.Agents.Entries[e.idx]
		}
		ms = append(ms, m)
		if st.trace != nil {
			st.trace.addMention(st, m)
		}
		if m.kind == kindAgent && !st.c.stem && !st.c.opts.News {
			// (news: the longest agent says what the phrase is;
			// "opposition leader" is OPP, not OPP and GOV)
			// agents inside a longer agent count too ("main opposition group")
			for k := m.first + 1; k < m.last; k++ {
				if e2, end2 := ix.phrases.longest(st.ws, k); e2 != nil && e2.kind == kindAgent && end2 <= m.last {
					ms = append(ms, mention{first: m.first, last: m.last, kind: kindAgent, pos: e2.pos, rule: e2.rule, agent: &ix.set.Agents.Entries[e2.idx], nested: true})
				}
			}
		}
		i = m.last
	}
	if st.c.opts.NewActorLength > 0 {
		ms = st.newActors(ms)
	}
	// units
	var cur *unit
	lastWasAgent := false
	for _, m := range ms {
		if m.null {
			cur = nil
			continue
		}
		if m.newActor {
			u := &unit{first: m.first, last: m.last, code: m.code, actor: m.code, hasActor: true, newActor: true, blank: m.code == "---"}
			st.units = append(st.units, u)
			cur = nil
			lastWasAgent = false
			continue
		}
		if m.pronoun {
			u := &unit{first: m.first, last: m.last, pronoun: true, hasActor: true}
			st.units = append(st.units, u)
			cur = nil
			continue
		}
		if cur != nil && !m.nested && m.kind == kindActor && !cur.hasActor && st.word(cur.last) == "FROM" && st.movedObject(cur.first) {
			// "withdrew troops from Lebanon": the troops are not Lebanon's
			cur.moved = true
			cur = &unit{first: m.first, last: m.last}
			st.units = append(st.units, cur)
			st.join(cur, m)
		} else if cur != nil && (m.nested || st.canJoin(cur, m, lastWasAgent)) {
			st.join(cur, m)
		} else {
			cur = &unit{first: m.first, last: m.last}
			st.units = append(st.units, cur)
			st.join(cur, m)
		}
		lastWasAgent = m.kind == kindAgent
	}
	// codes; pronouns resolve to the previous actor, or in a conjoined
	// later clause to the sentence's first actor
	var last, firstActor *unit
	var orig []*unit // the units before pronouns are resolved, for plural pronouns
	kept := st.units[:0]
	for _, u := range st.units {
		switch {
		case u.pronoun:
			var ref *unit
			if firstActor != nil && st.conjoinedAfter(firstActor.last, u.first) && !(st.c.opts.News && st.objectPronoun(u)) {
				// "A urged B and then it asked C": the subject of the
				// first clause
				ref = firstActor
			} else if last != nil {
				ref = last
				if st.c.opts.News && st.objectPronoun(u) && st.unitSubject(last) {
					// news: "X phoned him": him is not X, but the last
					// actor of another country named before
					ref = nil
					for k := len(kept) - 1; k >= 0; k-- {
						v := kept[k]
						if v.hasActor && !v.pronoun && !v.newActor && len(v.code) >= 3 && len(last.code) >= 3 && v.code[:3] != last.code[:3] {
							ref = v
							break
						}
					}
					if ref == nil {
						ref = last
					}
				}
			} else if prev != nil && len(prev.members) > 0 {
				if st.c.opts.News && personPronouns[st.ws[u.first]] && (!personLike(prev.members[0]) || prev.plural) {
					if prev.person == nil {
						continue
					}
					u.code, u.rules = prev.person.code, prev.person.rules
				} else {
					u.code, u.rules = prev.members[0].code, prev.members[0].rules
				}
			} else {
				continue
			}
			if ref != nil && personPronouns[st.ws[u.first]] &&
				(st.openingModifier(ref, u) || st.c.opts.News && !personLike(ref)) {
				// "he" is someone the sentence does not name, the subject
				// all the same: not a country named only in the opening
				// phrase ("On Gondor's health centres, he said"), and in
				// news never a state or a body
				u.code, u.blank = "---", true
				kept = append(kept, u)
				continue
			}
			if ref != nil {
				u.code, u.rules = ref.code, ref.rules
				if pluralPronouns[st.ws[u.first]] {
					// "A and B urged C and then they asked D": they are
					// the whole compound, coded "A/B" and split below
					if orig == nil {
						orig = slices.Clone(st.units)
					}
					u.code = st.compoundCodes(orig, ref, u.first)
				}
			}
		case st.c.opts.News && !u.hasActor && !u.moved && st.pairPhrase(u):
			// news: "the two leaders", "both governments" are the
			// compound named before
			code := ""
			if last != nil {
				if orig == nil {
					orig = slices.Clone(st.units)
				}
				code = st.compoundCodes(orig, last, u.first)
			}
			if !strings.Contains(code, "/") {
				// "A spoke with B, and the two leaders agreed": the last
				// two actors of different countries in the sentence
				var b *unit
				for k := len(kept) - 1; k >= 0; k-- {
					v := kept[k]
					if !v.hasActor || v.pronoun || v.newActor || len(v.code) < 3 || strings.Contains(v.code, "/") {
						continue
					}
					if b == nil {
						b = v
					} else if v.code[:3] != b.code[:3] {
						code = v.code + "/" + b.code
						break
					}
				}
			}
			if !strings.Contains(code, "/") && prev != nil {
				ms := prev.members
				if len(ms) < 2 {
					ms = prev.pair
				}
				if len(ms) > 1 {
					codes := make([]string, 0, len(ms))
					for _, m := range ms {
						codes = append(codes, m.code)
					}
					code = strings.Join(codes, "/")
				}
			}
			if strings.Contains(code, "/") {
				u.code, u.hasActor = code, true
				last = u
			} else {
				u.code = compose(u)
			}
		case st.c.opts.News && !u.hasActor && !u.moved && u.first > 0 && st.ws[u.first-1] == "THEIR" && st.theirs(u, kept, &orig) != "":
			// news: "their troops" after "A and B" are A's and B's troops
			u.code, u.hasActor = st.theirs(u, kept, &orig), true
			last = u
		case u.moved && !u.hasActor:
			// the object of a verb of movement: not a target
			continue
		case !u.hasActor && st.c.opts.ConvertAgent:
			u.code = "~" + strings.TrimPrefix(compose(u), "---") // "~MIL"
			u.converted = true
		case !u.hasActor:
			u.code = compose(u) // an agent with no actor: "---GOV"
		case u.newActor:
			if !u.blank {
				last = u
			}
		default:
			if st.c.opts.News && (len(u.prefix) > 0 || len(u.suffix) > 0) && len(u.code) > 3 && strings.HasSuffix(u.code, eliteCode) {
				// news: a former office holder (KENELI) named with the
				// office the article gives him ("Opposition leader Raila
				// Odinga") takes that office: KENOPP, not KENELIOPP
				u.code = strings.TrimSuffix(u.code, eliteCode)
			}
			u.code = compose(u)
			last = u
		}
		if firstActor == nil && last != nil {
			firstActor = last
		}
		kept = append(kept, u)
	}
	st.units = kept
	for i := 0; i < len(st.units); i++ {
		u := st.units[i]
		if u.newActor || !strings.Contains(u.code, "/") {
			continue
		}
		// "FRO/BIL/SAM": one name, several actors
		parts := strings.Split(u.code, "/")
		var us []*unit
		for _, p := range parts {
			if p == "" {
				continue
			}
			v := *u
			v.code = p
			us = append(us, &v)
		}
		st.units = append(st.units[:i], append(us, st.units[i+1:]...)...)
		i += len(us) - 1
	}
	st.inUnit = bools(&sc.inUnit, n)
	for _, u := range st.units {
		for i := u.first; i < u.last; i++ {
			st.inUnit[i] = true
		}
	}
	// compounds
	st.groupAt = ints(&sc.groupAt, n+1)
	for i := range st.groupAt {
		st.groupAt[i] = -1
	}
	for i := 0; i < len(st.units); {
		g := &group{members: []*unit{st.units[i]}, first: st.units[i].first, last: st.units[i].last}
		j := i + 1
		joined := false // a conjunction already joins the group
		for j < len(st.units) && (sameSpan(st.units[j-1], st.units[j]) ||
			!st.units[j].pronoun && !st.units[j-1].pronoun && (st.compoundGap(st.units[j-1].last, st.units[j].first) ||
				st.c.stem && len(g.members) > 1 && st.modifiersOnly(st.units[j-1].last, st.units[j].first) ||
				st.c.stem && joined && st.possessiveGap(st.units[j-1], st.units[j]))) {
			conj := !sameSpan(st.units[j-1], st.units[j]) && st.units[j-1].hasActor && st.units[j].hasActor &&
				st.hasConj(st.units[j-1].last, st.units[j].first)
			if conj && joined && !st.c.stem {
				// PETRARCH: a list has one conjunction; "A and B, and C
				// and D" are two compounds
				break
			}
			if st.c.opts.News && len(g.members) == 1 && st.clauseAnd(st.units[j-1], st.units[j]) {
				break
			}
			joined = joined || conj
			g.members = append(g.members, st.units[j])
			g.last = st.units[j].last
			j++
		}
		if !st.c.stem && len(g.members) > 1 {
			st.shareActors(g)
		}
		if !st.c.stem && len(g.members) > 1 && len(g.members[0].linked) > 0 && g.members[0].hasActor {
			// PETRARCH: "the ambassadors of A, B and C" gives each the agent
			for _, u := range g.members[1:] {
				if len(u.prefix) == 0 && len(u.suffix) == 0 {
					for _, a := range g.members[0].linked {
						addAgent(u, a)
					}
					u.code = compose(u)
				}
			}
		}
		st.groupAt[g.first] = len(st.groups)
		st.groups = append(st.groups, g)
		i = j
	}
	if len(st.groups) > 0 {
		st.lastActor = st.groups[len(st.groups)-1]
	}
}

// objectPronoun reports whether the pronoun u is a verb's object
// ("invited them", "phoned him"), which stands for someone else than the
// clause's subject.
func (st *state) objectPronoun(u *unit) bool {
	switch st.ws[u.first] {
	case "HIM", "THEM":
		return true
	}
	// "warned it would strike": the subject of a complement clause
	return u.first > 0 && isVerbTag(st.tag(u.first-1)) && !st.unitSubject(u)
}

// unitSubject reports whether the unit u is followed, past adverbs, by a
// verb: the subject of its clause.
func (st *state) unitSubject(u *unit) bool {
	k := u.last
	for k < len(st.ws) && strings.HasPrefix(st.tag(k), "RB") {
		k++
	}
	return k < len(st.ws) && (isVerbTag(st.tag(k)) || st.tag(k) == "MD")
}

// name returns the longest of the article's own names (Options.Names)
// that starts at word i, a proper noun, and the word after it.
func (st *state) name(i int) (*Name, int) {
	names := st.c.opts.Names
	if len(names) == 0 || !strings.HasPrefix(st.tag(i), "NNP") {
		return nil, 0
	}
	var best *Name
	end := 0
	for k := range names {
		nm := &names[k]
		w := nm.Words
		if len(w) == 0 || i+len(w) > len(st.ws) || i+len(w) <= end {
			continue
		}
		if slices.Equal(st.ws[i:i+len(w)], w) {
			best, end = nm, i+len(w)
		}
	}
	return best, end
}

// pairPhrase reports whether the agent phrase u is opened by "the two"
// or "both" ("the two leaders", "both sides"); "two diplomats" is anyone.
func (st *state) pairPhrase(u *unit) bool {
	for _, k := range []int{u.first, u.first - 1} {
		if k < 0 || k >= len(st.ws) {
			continue
		}
		if st.ws[k] == "BOTH" || st.ws[k] == "TWO" && k > 0 && st.ws[k-1] == "THE" {
			return true
		}
	}
	return false
}

// openingModifier reports whether ref, the actor a personal pronoun p
// would stand for, is named only as the possessive of a thing inside the
// prepositional phrase that opens the sentence, the pronoun being the
// subject right after it ("On Gondor's health centres, he said"): a
// modifier there is no one the main clause can be about.
func (st *state) openingModifier(ref, p *unit) bool {
	if ref.pronoun || ref.newActor || personLike(ref) || ref.first == 0 || st.tag(0) != "IN" {
		return false
	}
	k := ref.last
	if k+1 >= p.first || (st.ws[k] != "'S" && st.ws[k] != "'") {
		return false
	}
	if t := st.tag(k + 1); !strings.HasPrefix(t, "NN") && !strings.HasPrefix(t, "JJ") {
		return false
	}
	if p.first < 2 || st.ws[p.first-1] != "," {
		return false
	}
	for i := 0; i < p.first-1; i++ {
		if w := st.ws[i]; w == "," || w == ";" || isVerbTag(st.tag(i)) || st.tag(i) == "MD" {
			return false
		}
	}
	return true
}

// personPronouns stand for a person.
var personPronouns = map[string]bool{"HE": true, "SHE": true, "HIM": true, "HER": true, "HIS": true}

// personLike reports whether the unit u may be a person: an actor with a
// title or role ("the Gondor minister") or an office holder named.
func personLike(u *unit) bool {
	if u.head != nil || len(u.suffix) > 0 || len(u.prefix) > 0 {
		return true
	}
	for _, r := range u.rules {
		if strings.Contains(r, "officeholders") || strings.HasPrefix(r, "entities/person") {
			return true
		}
	}
	return false
}

// pluralPronouns stand for a whole compound actor.
var pluralPronouns = map[string]bool{"THEY": true, "THEM": true, "THEIR": true}

// compoundCodes returns the codes of the compound of units (in units,
// before pronouns are resolved) that holds ref, joined by '/' ("ELF/GON"),
// counting only the members that start before word before.
func (st *state) compoundCodes(units []*unit, ref *unit, before int) string {
	i := slices.Index(units, ref)
	if i < 0 {
		return ref.code
	}
	lo, hi := i, i+1
	for lo > 0 && !units[lo-1].pronoun && units[lo-1].code != "" && st.compoundGap(units[lo-1].last, units[lo].first) {
		lo--
	}
	for hi < len(units) && units[hi].first < before && !units[hi].pronoun && st.compoundGap(units[hi-1].last, units[hi].first) {
		hi++
	}
	if hi-lo < 2 {
		return ref.code
	}
	codes := make([]string, 0, hi-lo)
	for _, v := range units[lo:hi] {
		if v.code != "" {
			codes = append(codes, v.code)
		}
	}
	return strings.Join(codes, "/")
}

// newActors adds to the mentions ms, in order, the noun phrases that hold
// no actor, agent or pronoun, as PETRARCH's new_actor_length does: a phrase
// of at most NewActorLength words (a possessive "'s" not counted) is coded
// as its upper-case words in double quotes ("INJURY TOLL"), a longer one as
// no actor ("---"). A noun phrase is a run of determiners, adjectives,
// nouns and numbers holding a noun, with "of" and a further noun phrase
// ("the Ministry of Magic"). The words that go on a mention's phrase
// ("Eriador's death") are that mention's, and a phrase whose preposition
// leads to an actor ("the dispute with Osgiliath") is that actor's: neither
// is new.
func (st *state) newActors(ms []mention) []mention {
	n := len(st.ws)
	owner := make([]int, n) // token → 1 + index of the mention holding it
	for k, m := range ms {
		for i := m.first; i < m.last && i < n; i++ {
			owner[i] = k + 1
		}
	}
	npTag := func(i int) bool {
		switch st.tag(i) {
		case "DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS":
			return owner[i] == 0
		}
		return false
	}
	actorAt := func(i int) bool {
		if i < n && st.tag(i) == "DT" {
			i++
		}
		return i < n && owner[i] > 0 && ms[owner[i]-1].kind == kindActor && !ms[owner[i]-1].pronoun
	}
	var out []mention
	for i := 0; i < n; {
		if !npTag(i) {
			i++
			continue
		}
		j := i
		for {
			for j < n && npTag(j) {
				j++
			}
			if j+1 < n && st.ws[j] == "OF" && npTag(j+1) {
				j++
				continue
			}
			break
		}
		first, last := i, j
		i = j
		if first > 0 && owner[first-1] > 0 {
			// the rest of a mention's phrase
			if k := owner[first-1] - 1; ms[k].kind == kindActor && !ms[k].pronoun {
				ms[k].last = last
				for q := first; q < last; q++ {
					owner[q] = k + 1
				}
			}
			continue
		}
		if last < n && owner[last] > 0 || last+1 < n && st.tag(last) == "IN" && actorAt(last+1) {
			continue
		}
		var b strings.Builder
		nw, noun := 0, false
		for q := first; q < last; q++ {
			t := st.tag(q)
			noun = noun || strings.HasPrefix(t, "NN")
			if t == "POS" {
				continue
			}
			if nw > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(st.ws[q])
			nw++
		}
		if !noun {
			continue
		}
		code := "---"
		if nw <= st.c.opts.NewActorLength {
			code = `"` + b.String() + `"`
		}
		out = append(out, mention{first: first, last: last, kind: kindActor, code: code, newActor: true})
	}
	if len(out) == 0 {
		return ms
	}
	merged := make([]mention, 0, len(ms)+len(out))
	k := 0
	for _, m := range ms {
		for k < len(out) && out[k].first < m.first {
			merged = append(merged, out[k])
			k++
		}
		merged = append(merged, m)
	}
	return append(merged, out[k:]...)
}

// shareActors completes the members of a PETRARCH compound that lack an
// actor: "Danish media and government" share the actor and modifiers of
// the first member (DNKMED, DNKGOV); "lawmakers and officials in Arnor and
// Gondor" expand every agent across every actor (ARNLEG, ARNGOV, GONLEG,
// GONGOV).
func (st *state) shareActors(g *group) {
	ms := g.members
	plain := func(u *unit) bool { return !u.hasActor && !u.pronoun && !u.converted }
	// expanding: k agents alone, then an agent joined to an actor through
	// "in"/"of", then actors alone
	k := 0
	for k < len(ms) && plain(ms[k]) {
		k++
	}
	if k > 0 && k < len(ms) && len(ms[k].linked) == 1 && ms[k].hasActor {
		agents := make([]*dictfile.Agent, 0, k+1)
		for _, u := range ms[:k] {
			if u.head == nil {
				return
			}
			agents = append(agents, u.head)
		}
		agents = append(agents, ms[k].linked[0])
		actors := []*unit{ms[k]}
		for _, u := range ms[k+1:] {
			if !u.hasActor || len(u.prefix)+len(u.suffix) > 0 {
				return
			}
			actors = append(actors, u)
		}
		var expanded []*unit
		for _, a := range actors {
			for _, ag := range agents {
				v := &unit{first: a.first, last: a.last, code: a.actor, actor: a.actor, hasActor: true, head: ag, rules: a.rules}
				addAgent(v, ag)
				v.code = compose(v)
				expanded = append(expanded, v)
			}
		}
		g.members = expanded
		return
	}
	// sharing: an actor with agents, then agents alone
	u0 := ms[0]
	if !u0.hasActor || u0.head == nil || u0.actor == "" {
		return
	}
	for _, u := range ms[1:] {
		if !plain(u) || u.head == nil {
			continue
		}
		v := &unit{first: u.first, last: u.last, code: u0.actor, actor: u0.actor, hasActor: true, head: u.head, rules: append(append([]string(nil), u0.rules...), u.rules...)}
		v.prefix = without(u0.prefix, u0.head.Code, !u0.head.Append)
		v.suffix = without(u0.suffix, u0.head.Code, u0.head.Append)
		v.prefix = append(v.prefix, u.prefix...)
		v.suffix = append(v.suffix, u.suffix...)
		v.code = compose(v)
		*u = *v
	}
}

// without returns codes without its last occurrence of c when drop.
func without(codes []string, c string, drop bool) []string {
	out := append([]string(nil), codes...)
	if drop {
		for i := len(out) - 1; i >= 0; i-- {
			if out[i] == c {
				return append(out[:i], out[i+1:]...)
			}
		}
	}
	return out
}

// sameSpan reports whether two units are the parts of one name whose code
// lists several actors ("FRO/BIL/SAM"): they form one compound.
func sameSpan(u, v *unit) bool { return u.first == v.first && u.last == v.last }

// modifiersOnly reports whether words [a, b), one or two, are adjectives:
// in TABARI, "A and the evil B awful C" lists C with A and B.
func (st *state) modifiersOnly(a, b int) bool {
	if b <= a || b-a > 2 {
		return false
	}
	for k := a; k < b; k++ {
		if !strings.HasPrefix(st.tag(k), "JJ") {
			return false
		}
	}
	return true
}

// possessiveGap reports whether actor u is joined to the actor v after
// it by a possessive alone: in TABARI, which reads "'s" as no word, the
// actors after a compound's conjunction all belong to it ("toward A and
// B's C" lists A, B and C).
func (st *state) possessiveGap(u, v *unit) bool {
	if !u.hasActor || !v.hasActor || u.pronoun || v.pronoun || v.first != u.last+1 {
		return false
	}
	w := st.ws[u.last]
	return w == "'S" || w == "'"
}

// hasConj reports whether a conjunction lies in words [a, b).
func (st *state) hasConj(a, b int) bool {
	for k := a; k < b; k++ {
		switch st.ws[k] {
		case "AND", "OR", "NOR":
			return true
		}
	}
	return false
}

// compoundGap reports whether the words between two units join them into
// a compound: "and", ",", ", and", "or".
func (st *state) compoundGap(a, b int) bool {
	if b <= a {
		return false
	}
	gap := st.ws[a:b]
	if !st.c.stem && st.possessedPair(a, b) {
		return true
	}
	if len(gap) > 5 {
		return false
	}
	hasAnd := false
	for k, w := range gap {
		switch w {
		case "AND", "OR", "NOR":
			hasAnd = true
		case ",":
		default:
			t := st.tag(a + k)
			if st.c.opts.News && hasAnd && repeatedPreps[w] && st.prepBefore(a, w) {
				// news: "welcomed by A and by B", "with A and with B"
				continue
			}
			if k == 0 || (t != "DT" && t != "JJ" && t != "JJS" && t != "JJR" && t != "PRP$") {
				return false
			}
		}
	}
	if !hasAnd {
		// a comma alone joins only when an "and" closes the list later
		for k := b; k < len(st.ws) && k < b+8; k++ {
			if st.ws[k] == "AND" {
				return true
			}
			if st.ws[k] != "," && !st.inUnitRaw(k) && !isGlueTag(st.tag(k)) {
				return false
			}
		}
		return false
	}
	return true
}

// possessedPair reports whether words [a, b) between two actors join two
// noun phrases, the first the possession of the actor before and the
// second of the actor after ("Gondor's envoys and the ministers of
// Rohan"): PETRARCH lists both actors.
func (st *state) possessedPair(a, b int) bool {
	if b-a < 4 || b-a > 8 || (st.ws[a] != "'S" && st.ws[a] != "'") || st.ws[b-1] != "OF" {
		return false
	}
	k := a + 1
	nouns := 0
	for ; k < b && (isNounTag(st.tag(k)) || strings.HasPrefix(st.tag(k), "JJ")); k++ {
		if isNounTag(st.tag(k)) {
			nouns++
		}
	}
	if nouns == 0 || k >= b || st.ws[k] != "AND" && st.ws[k] != "OR" {
		return false
	}
	nouns = 0
	for k++; k < b-1; k++ {
		switch t := st.tag(k); {
		case isNounTag(t):
			nouns++
		case t == "DT", strings.HasPrefix(t, "JJ"):
		default:
			return false
		}
	}
	return nouns > 0
}

func (st *state) inUnitRaw(k int) bool {
	for _, u := range st.units {
		if u.first <= k && k < u.last {
			return true
		}
	}
	return false
}

func isGlueTag(t string) bool {
	switch t {
	case "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "VBN":
		return true
	}
	return false
}

// canJoin reports whether mention m belongs to the unit u that precedes it.
func (st *state) canJoin(u *unit, m mention, lastWasAgent bool) bool {
	gap := st.ws[u.last:m.first]
	isActor := m.kind == kindActor
	if len(gap) == 0 {
		// "Calenardhon leader Calimehtar": an actor after a title joins
		return !isActor || !u.hasActor || lastWasAgent
	}
	// "police in Gondor", "ambassadors of Arnor", "soldiers from Gondor"
	if isActor && !u.hasActor {
		w := gap[0]
		if (w == "OF" || w == "IN" || w == "FROM") && (len(gap) == 1 || len(gap) == 2 && gap[1] == "THE") {
			return true
		}
		if st.c.opts.News && w == "FOR" && (len(gap) == 1 || len(gap) == 2 && gap[1] == "THE") && u.head != nil {
			// news: "a spokeswoman for the United Nations" speaks for it
			return true
		}
	}
	if isActor && u.hasActor {
		return false
	}
	if st.c.stem {
		// TABARI joins an agent only to an actor right next to it
		// ("Gondor's police"), or past "former" ("Arnor former officials")
		return len(gap) == 1 && (gap[0] == "'S" || gap[0] == "'" || gap[0] == "FORMER")
	}
	// up to three modifiers, not counting "'s" and the "and" between two
	// adjectives ("Gondor's awful and evil minister")
	if len(gap) > 5 {
		return false
	}
	content := 0
	for _, w := range gap {
		if w != "'S" && w != "'" && w != "AND" {
			content++
		}
	}
	if content > 3 {
		return false
	}
	for k, w := range gap {
		if w == "'S" || w == "'" {
			continue
		}
		if w == "AND" && k > 0 && k+1 < len(gap) && strings.HasPrefix(st.tag(u.last+k-1), "JJ") && strings.HasPrefix(st.tag(u.last+k+1), "JJ") {
			continue
		}
		t := st.tag(u.last + k)
		if t == "JJ" || t == "JJR" || t == "JJS" || t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" || t == "VBN" {
			continue
		}
		return false
	}
	return true
}

func (st *state) join(u *unit, m mention) {
	if m.first < u.first {
		u.first = m.first
	}
	if m.last > u.last {
		u.last = m.last
	}
	if m.rule != "" {
		u.rules = append(u.rules, m.rule)
	} else {
		u.rules = append(u.rules, m.pos.String())
	}
	switch m.kind {
	case kindActor:
		if !u.hasActor {
			u.hasActor = true
			u.code = m.code
			u.actor = m.code
			u.actorAt = m.first
		}
	case kindAgent:
		ag := m.agent
		if st.c.stem && (st.word(m.first-1) == "FORMER" || st.word(u.first-1) == "FORMER") {
			// TABARI: a former office holder is one of the elite ("former
			// Gondor prosecutors": GONELI)
			e := *ag
			e.Code = eliteCode
			ag = &e
		}
		if !u.hasActor {
			u.linked = append(u.linked, ag)
		}
		addAgent(u, ag)
		u.head = ag
	}
}

// eliteCode is the agent code of former office holders.
const eliteCode = "ELI"

func addAgent(u *unit, a *dictfile.Agent) {
	if a.Append {
		u.suffix = append(u.suffix, a.Code)
	} else {
		u.prefix = append(u.prefix, a.Code)
	}
}

// compose builds the code of a unit from its actor and agents.
func compose(u *unit) string {
	code := u.code
	if !u.hasActor {
		code = "---"
	}
	for _, p := range u.prefix {
		if !strings.HasPrefix(code, p) {
			code = p + code
		}
	}
	var b strings.Builder
	b.WriteString(code)
	for _, s := range u.suffix {
		// an agent already in the code is not added twice: "foreign
		// minister" (GOVFRM) holds "minister" (GOV)
		if !hasSegment(b.String(), s) {
			b.WriteString(s)
		}
	}
	return b.String()
}

// hasSegment reports whether code holds seg at a 3-letter boundary after
// its first three letters (the actor's): "ARNGOVFRM" holds "GOV".
func hasSegment(code, seg string) bool {
	if seg == "" {
		return true
	}
	for i := 3; i+len(seg) <= len(code); i += 3 {
		if code[i:i+len(seg)] == seg {
			return true
		}
	}
	return strings.HasSuffix(code, seg)
}

// conjoinedAfter reports whether a coordinating conjunction that starts a
// new clause ("and then it asked", "but Gondor told him") lies between
// tokens from and to: an "and" or "but" that does not join two actors
// and is followed, past "then" and adverbs, by a pronoun, an actor or a
// verb. A pronoun in such a later clause stands for the sentence's first
// actor, as in TABARI; elsewhere it stands for the nearest actor before it.
func (st *state) conjoinedAfter(from, to int) bool {
	for k := from; k < to; k++ {
		if w := st.ws[k]; w != "AND" && w != "BUT" {
			continue
		}
		if st.unitEndingAt(k) && st.compoundGap(k, st.nextUnitStart(k)) {
			continue // "Elrond and Gondor"
		}
		j := k + 1
		for j < to && (st.ws[j] == "THEN" || strings.HasPrefix(st.tag(j), "RB")) {
			j++
		}
		if j == to || st.unitStartingAt(j) || strings.HasPrefix(st.tag(j), "VB") {
			return true
		}
	}
	return false
}

func (st *state) unitEndingAt(k int) bool {
	for _, u := range st.units {
		if u.last == k {
			return true
		}
	}
	return false
}

// nextUnitStart returns the first token of the first unit that starts
// after k, or -1.
func (st *state) nextUnitStart(k int) int {
	for _, u := range st.units {
		if u.first > k {
			return u.first
		}
	}
	return -1
}

func (st *state) unitStartingAt(k int) bool {
	for _, u := range st.units {
		if u.first == k {
			return true
		}
	}
	return false
}

// theirs returns the code of the agent phrase u opened by "their" ("their
// troops"): the agent of the last actor named before it that is no bare
// place after "in", of each member when that actor is part of a compound
// ("THAMIL/KHMMIL"); "" when no actor comes before. kept are the units
// before u, orig the sentence's units before pronouns were resolved (made
// when nil).
func (st *state) theirs(u *unit, kept []*unit, orig *[]*unit) string {
	var ref *unit
	for k := len(kept) - 1; k >= 0; k-- {
		v := kept[k]
		if v.hasActor && !v.pronoun && !v.newActor && len(v.code) >= 3 && !strings.Contains(v.code, "/") &&
			!st.locative(&group{members: []*unit{v}, first: v.first, last: v.last}) {
			ref = v
			break
		}
	}
	if ref == nil {
		return ""
	}
	if *orig == nil {
		*orig = slices.Clone(st.units)
	}
	codes := strings.Split(st.compoundCodes(*orig, ref, u.first), "/")
	for i, c := range codes {
		v := *u
		v.code, v.hasActor = c, true
		codes[i] = compose(&v)
	}
	return strings.Join(codes, "/")
}

// clauseAnd reports whether ", and" between the units a and b joins two
// clauses, not two actors: two actors alone take no comma before "and",
// and b is the subject of a finite verb, past an apposition ("stood with
// Arnor, and Gondor's envoy, Elrond, said …").
func (st *state) clauseAnd(a, b *unit) bool {
	if b.first != a.last+2 || st.ws[a.last] != "," || st.ws[a.last+1] != "AND" {
		return false
	}
	k := b.last
	if k < len(st.ws) && st.ws[k] == "," {
		for e := k + 1; e < len(st.ws) && e < k+6; e++ {
			if st.ws[e] == "," {
				k = e + 1
				break
			}
			if !st.inUnitRaw(e) && !strings.HasPrefix(st.tag(e), "NNP") {
				break
			}
		}
	}
	for k < len(st.ws) && st.tag(k) == "RB" {
		k++
	}
	switch st.tag(k) {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// repeatedPreps are the prepositions news repeats before each member of
// a compound ("by A and by B").
var repeatedPreps = wordSet(`BY WITH FROM TO AGAINST`)

// prepBefore reports whether the preposition w comes right before the
// actor that ends at word a (past "the" and modifiers, at most four
// words), so that "and w" repeats it.
func (st *state) prepBefore(a int, w string) bool {
	for k := a - 1; k >= 0 && k >= a-5; k-- {
		if st.ws[k] == w {
			return true
		}
		if !st.inUnitRaw(k) && st.tag(k) != "DT" && !strings.HasPrefix(st.tag(k), "JJ") && !strings.HasPrefix(st.tag(k), "NNP") {
			return false
		}
	}
	return false
}

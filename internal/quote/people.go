package quote

import (
	"sort"
	"strings"

	"dyad/news"
)

// buildPeople collects the persons of the document and their mentions
// outside quotes: from person entities when there are any, else from
// capitalised names with a title, an appositive, a speech verb or a later
// surname mention to confirm them.
func (a *analysis) buildPeople() {
	hasPersons := false
	for _, e := range a.ents {
		if e.Type == "person" {
			hasPersons = true
			break
		}
	}
	if hasPersons {
		a.peopleFromEntities()
	} else {
		a.peopleFromTokens()
	}
	sort.SliceStable(a.mentions, func(i, j int) bool { return a.mentions[i].pos < a.mentions[j].pos })
}

// addPerson returns the index of the person named name, adding it.
func (a *analysis) addPerson(name, actor string) int {
	if i, ok := a.byName[name]; ok {
		if a.people[i].actor == "" {
			a.people[i].actor = actor
		}
		return i
	}
	f := strings.Fields(name)
	p := person{name: name, roles: make(map[string]bool), actor: actor}
	if len(f) > 0 {
		p.last = f[len(f)-1]
		first := lower(f[0])
		switch {
		case femaleNames[first]:
			p.gender = 'f'
		case maleNames[first]:
			p.gender = 'm'
		}
	}
	a.people = append(a.people, p)
	a.byName[name] = len(a.people) - 1
	return len(a.people) - 1
}

// blockOf returns the block index holding offset pos, or -1.
func (a *analysis) blockOf(pos int) int {
	i := sort.Search(len(a.blocks), func(i int) bool { return a.blocks[i].Span[1] > pos })
	if i < len(a.blocks) && a.blocks[i].Span[0] <= pos {
		return i
	}
	return -1
}

// tokIndex returns the index in block bi of the first token starting at or after pos.
func (a *analysis) tokIndex(bi, pos int) int {
	ts := a.toks[bi]
	return sort.Search(len(ts), func(k int) bool { return ts[k].Span[0] >= pos })
}

func (a *analysis) peopleFromEntities() {
	for _, e := range a.ents {
		if e.Type != "person" || e.Name == "" {
			continue
		}
		pi := a.addPerson(e.Name, e.Actor)
		bi := a.blockOf(e.Span[0])
		if bi < 0 {
			continue
		}
		lo := a.tokIndex(bi, e.Span[0])
		hi := a.tokIndex(bi, e.Span[1])
		a.addRoles(pi, bi, lo, hi)
		if lo < len(a.inQ[bi]) && a.inQ[bi][lo] {
			continue
		}
		poss := hi < len(a.toks[bi]) && a.toks[bi][hi].Tag == "POS"
		a.mentions = append(a.mentions, mention{pos: e.Span[0], end: e.Span[1], person: pi, poss: poss})
	}
	a.surnameMentions()
}

// nameRun finds the person name that ends at ts[k] (exclusive end k+1):
// the capitalised tokens before it that are not titles, stop words or
// organisation words. It returns the start index and whether a title or
// role word stood right before the name.
func nameRun(ts []news.Token, lo, k int) (int, bool) {
	j := k
	for j >= lo && j > k-4 {
		w := ts[j].Text
		lw := lower(w)
		if !isNameToken(w) || isCap(w) && !strings.HasPrefix(ts[j].Tag, "NN") && ts[j].Tag != "FW" && ts[j].Tag != "JJ" || titleWords[lw] || titleWords[strings.TrimSuffix(lw, ".")] || ts[j].Tag == "POS" || !hasLetter(w) {
			break
		}
		j--
	}
	titled := j >= lo && (titleWords[lower(ts[j].Text)] || roleNouns[lower(ts[j].Text)])
	return j + 1, titled
}

// isOrgName reports whether ts[lo:hi] reads as an organisation or place.
func isOrgName(ts []news.Token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if orgWords[lower(ts[k].Text)] {
			return true
		}
	}
	return false
}

func (a *analysis) peopleFromTokens() {
	type cand struct {
		bi, lo, hi int
		confirmed  bool
	}
	var cands []cand
	surnames := make(map[string]int)
	for bi, ts := range a.toks {
		for k := 0; k < len(ts); k++ {
			if !isCap(ts[k].Text) || !strings.HasPrefix(ts[k].Tag, "NNP") {
				continue
			}
			// "Haddad's eldest son, Yusuf,": a single name set off after a role.
			if k >= 2 && k+1 < len(ts) && ts[k-1].Text == "," && ts[k+1].Text == "," && roleNouns[lower(ts[k-2].Text)] && !orgWords[lower(ts[k].Text)] {
				cands = append(cands, cand{bi: bi, lo: k, hi: k + 1, confirmed: true})
				continue
			}
			// k is the end of a capitalised run?
			if k+1 < len(ts) && isNameToken(ts[k+1].Text) && strings.HasPrefix(ts[k+1].Tag, "NNP") {
				continue
			}
			if !a.inQ[bi][k] {
				surnames[ts[k].Text]++
			}
			s, titled := nameRun(ts, 0, k)
			if k+1-s < 2 || isOrgName(ts, s, k+1) || k-s > 4 {
				continue
			}
			if s > 0 && !titled && (ts[s-1].Tag == "DT" || ts[s-1].Tag == "PRP$") {
				continue
			}
			c := cand{bi: bi, lo: s, hi: k + 1, confirmed: titled}
			if k+2 < len(ts) && ts[k+1].Text == "," && (ts[k+2].Tag == "DT" || ts[k+2].Tag == "CD") {
				c.confirmed = true
			}
			for j := k + 1; j < len(ts) && j <= k+3; j++ {
				if isCue(ts, j, k+1) {
					c.confirmed = true
				}
			}
			cands = append(cands, c)
		}
	}
	for _, c := range cands {
		ts := a.toks[c.bi]
		last := ts[c.hi-1].Text
		if !c.confirmed && surnames[last] < 2 {
			continue
		}
		name := a.text[ts[c.lo].Span[0]:ts[c.hi-1].Span[1]]
		if a.partOfKnown(name) {
			continue
		}
		pi := a.addPerson(name, "")
		a.addRoles(pi, c.bi, c.lo, c.hi)
	}
	a.surnameMentions()
}

// pickPerson finds the person a name refers to at offset pos: the exact
// full name, else the person with that surname mentioned last before pos
// (or first after it). It returns -1 when none fits.
func (a *analysis) pickPerson(name, last string, pos int) int {
	if i, ok := a.byName[name]; ok {
		return i
	}
	best, bestPos := -1, -1
	for _, m := range a.mentions {
		if a.people[m.person].last == last && m.pos < pos && m.pos > bestPos && strings.Count(a.people[m.person].name, " ") > 0 {
			best, bestPos = m.person, m.pos
		}
	}
	if best >= 0 {
		return best
	}
	for i, p := range a.people {
		if p.last == last && p.name != last {
			return i
		}
	}
	// A lone family name written first, as in Chinese and Korean names:
	// "Wang" for "Wang Wenbin", when exactly one person's name starts so.
	if strings.Contains(name, " ") {
		return -1
	}
	found := -1
	for i, p := range a.people {
		if strings.HasPrefix(p.name, name+" ") {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// addRoles records the title and role words around a name ts[lo:hi] of block bi.
func (a *analysis) addRoles(pi, bi, lo, hi int) {
	ts := a.toks[bi]
	p := &a.people[pi]
	for j := lo - 1; j >= 0 && j >= lo-5; j-- {
		lw := strings.TrimSuffix(lower(ts[j].Text), ".")
		if titleWords[lw] || roleNouns[lw] {
			p.roles[lw] = true
			a.genderFrom(pi, lw)
			continue
		}
		if isCap(ts[j].Text) || ts[j].Tag == "JJ" || ts[j].Tag == "NN" || lw == "of" {
			continue
		}
		break
	}
	// Appositive: "X, a Russian foreign policy analyst with ...,".
	if hi+1 < len(ts) && ts[hi].Text == "," && ts[hi+1].Tag == "DT" {
		for j := hi + 2; j < len(ts) && j < hi+10; j++ {
			if ts[j].Tag == "IN" || ts[j].Text == "," || ts[j].Tag == "." {
				break
			}
			lw := lower(ts[j].Text)
			if roleNouns[lw] || titleWords[lw] {
				p.roles[lw] = true
				a.genderFrom(pi, lw)
			}
		}
	}
	r := p.roles
	if r["secretary"] && r["state"] || r["foreign"] && r["minister"] {
		r["diplomat"] = true
	}
	if r["president"] || r["premier"] || r["chancellor"] || r["prime"] {
		r["leader"] = true
	}
	if r["spokeswoman"] || r["spokesperson"] || r["spokesman"] {
		r["spokesman"], r["spokeswoman"], r["spokesperson"] = true, true, true
	}
}

func (a *analysis) genderFrom(pi int, w string) {
	if a.people[pi].gender != 0 {
		return
	}
	switch {
	case femaleRoles[w]:
		a.people[pi].gender = 'f'
	case maleRoles[w]:
		a.people[pi].gender = 'm'
	}
}

// resolve turns the noun phrase ts[lo:hi] of block bi into a speaker.
func (a *analysis) resolve(bi, lo, hi int) speaker {
	ts := a.toks[bi]
	for lo < hi && !hasLetter(ts[lo].Text) {
		lo++
	}
	for hi > lo && (!hasLetter(ts[hi-1].Text) || ts[hi-1].Tag == "POS") {
		hi--
	}
	if lo >= hi {
		return speaker{}
	}
	span := news.Span{ts[lo].Span[0], ts[hi-1].Span[1]}
	if hi-lo == 1 && ts[lo].Tag == "PRP" {
		return a.pronoun(lower(ts[lo].Text), span)
	}
	// A person inside the phrase names the speaker; an organisation or
	// group does only as the phrase's head ("the Kremlin said"), not as a
	// modifier ("the EU's foreign policy chief").
	// Entities are in text order: look only at those starting in the phrase.
	first := sort.Search(len(a.ents), func(i int) bool { return a.ents[i].Span[0] >= span[0] })
	last := sort.Search(len(a.ents), func(i int) bool { return a.ents[i].Span[0] >= span[1] })
	for i := last - 1; i >= first; i-- {
		e := a.ents[i]
		if e.Span[1] > span[1] || e.Type == "place" || e.Name == "" {
			continue
		}
		if e.Type == "person" || e.Span[1] == span[1] {
			return speaker{name: e.Name, span: e.Span, actor: e.Actor, ok: true}
		}
	}
	// "a man in a Banda T-shirt": the head is the noun before the preposition.
	nhi := hi
	for m := lo + 1; m < hi; m++ {
		if ts[m].Tag == "IN" && !isCap(ts[m-1].Text) && strings.HasPrefix(ts[m-1].Tag, "NN") {
			nhi = m
			break
		}
	}
	head := ts[nhi-1]
	if nhi == hi && isCap(head.Text) && !titleWords[lower(head.Text)] {
		s, _ := nameRun(ts, lo, hi-1)
		if s < hi && !isOrgName(ts, s, hi) && !(s > lo && s-1 == lo && ts[lo].Tag == "DT") {
			nspan := news.Span{ts[s].Span[0], head.Span[1]}
			name := a.text[nspan[0]:nspan[1]]
			if pi := a.pickPerson(name, head.Text, nspan[0]); pi >= 0 {
				return speaker{name: a.people[pi].name, span: nspan, actor: a.people[pi].actor, ok: true}
			}
			return speaker{name: name, span: nspan, ok: true}
		}
	}
	// A description: "the spokesman" is the person introduced as one.
	if lower(ts[lo].Text) == "the" {
		if pi := a.byRole(lower(head.Text), span[0]); pi >= 0 {
			return speaker{name: a.people[pi].name, span: span, actor: a.people[pi].actor, ok: true}
		}
	}
	return speaker{name: a.text[span[0]:span[1]], span: span, ok: true}
}

// byRole finds the person with role r mentioned last before pos.
func (a *analysis) byRole(r string, pos int) int {
	if !roleNouns[r] {
		return -1
	}
	best := -1
	for _, m := range a.mentions {
		if m.pos >= pos {
			break
		}
		if a.people[m.person].roles[r] {
			best = m.person
		}
	}
	return best
}

// pronoun resolves "he", "she" or "they" at span to the last fitting
// person (or, for "they", nothing: groups are not tracked).
func (a *analysis) pronoun(w string, span news.Span) speaker {
	var want byte
	switch w {
	case "he", "him":
		want = 'm'
	case "she", "her":
		want = 'f'
	default:
		return speaker{}
	}
	for i := len(a.mentions) - 1; i >= 0; i-- {
		m := a.mentions[i]
		if m.pos >= span[0] || m.poss {
			continue
		}
		p := a.people[m.person]
		if p.gender != 0 && p.gender != want {
			continue
		}
		return speaker{name: p.name, span: span, actor: p.actor, ok: true}
	}
	return speaker{}
}

// partOfKnown reports whether name is the end of a longer known name
// ("van Dam" of "Pieter van Dam").
func (a *analysis) partOfKnown(name string) bool {
	for _, p := range a.people {
		if len(p.name) > len(name) && strings.HasSuffix(p.name, " "+name) {
			return true
		}
	}
	return false
}

// surnameMentions adds the mentions of known persons by full name or surname
// alone, outside quotes, that are not mentions already (entities found
// by the entity stage are).
func (a *analysis) surnameMentions() {
	seen := make(map[int]bool, len(a.mentions))
	for _, m := range a.mentions {
		seen[m.end] = true
	}
	lastOf := make(map[string][]int)
	firstOf := make(map[string][]int) // for family names written first ("Wang Wenbin" → "Wang")
	for i, p := range a.people {
		lastOf[p.last] = append(lastOf[p.last], i)
		if f := strings.Fields(p.name); len(f) >= 2 {
			firstOf[f[0]] = append(firstOf[f[0]], i)
		}
	}
	for bi, ts := range a.toks {
		for k := 0; k < len(ts); k++ {
			if a.inQ[bi][k] || !isCap(ts[k].Text) {
				continue
			}
			ps := lastOf[ts[k].Text]
			if k+1 < len(ts) && isNameToken(ts[k+1].Text) && strings.HasPrefix(ts[k+1].Tag, "NNP") {
				continue
			}
			if len(ps) == 0 {
				// A lone family name written first, as in Chinese and Korean
				// names, refers to the one person whose full name starts with it.
				if fs := firstOf[ts[k].Text]; len(fs) == 1 && (k == 0 || !strings.HasPrefix(ts[k-1].Tag, "NNP")) {
					if !seen[ts[k].Span[1]] {
						a.mentions = append(a.mentions, mention{pos: ts[k].Span[0], end: ts[k].Span[1], person: fs[0], poss: k+1 < len(ts) && ts[k+1].Tag == "POS"})
					}
				}
				continue
			}
			s, _ := nameRun(ts, 0, k)
			if s > k {
				// Tagged as no name word (a sentence-initial "Yeti" may be
				// tagged RB), but it is a known person's surname.
				s = k
			}
			pi := a.pickPerson(a.text[ts[s].Span[0]:ts[k].Span[1]], ts[k].Text, ts[k].Span[0])
			if pi < 0 {
				continue
			}
			poss := k+1 < len(ts) && ts[k+1].Tag == "POS"
			if !seen[ts[k].Span[1]] {
				a.mentions = append(a.mentions, mention{pos: ts[s].Span[0], end: ts[k].Span[1], person: pi, poss: poss})
			}
		}
	}
}

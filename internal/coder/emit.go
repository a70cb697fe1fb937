package coder

// This file turns a coded verb into events: default actors, compound
// patterns, and one event per member of the source and target groups.

import (
	"strings"

	"dyad/internal/dictfile"
	"dyad/news"
)

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
	if src == nil && !o.DefaultSourcePrior && tgt != nil {
		if len(tgt.members) > 1 {
			src, tgt = splitGroup(tgt)
		} else {
			src, tgt = tgt, st.groupIn(tgt.last, st.targetEnd(tgt.last), tgt)
		}
	}
	if tgt == nil && !o.DefaultTargetAfter && src != nil {
		if len(src.members) > 1 {
			src, tgt = splitGroup(src)
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
			if i == j {
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
	if t := opts.ImplicitTarget; t != "" && strings.HasPrefix(code.Active, "17") &&
		!st.infinitive && (!st.passive && (len(srcs) > 0 || len(tgts) > 0) || st.passive && len(srcs) == 0 && len(tgts) == 0) {
		// an arrest or detention with no one named on one side ("police
		// detained two men"), or a passive one with no one named ("the
		// men were arrested"), is the story country's authorities acting
		// on its people
		if len(srcs) == 0 {
			srcs = def(t + "COP")
		}
		if len(tgts) == 0 && !(opts.News && strings.HasPrefix(code.Active, "171")) {
			// (news: a seizure of property, "seized a tanker", is on
			// its owner, whom the story's country need not be)
			tgts = def(t)
		}
	}
	if t := opts.ImplicitTarget; t != "" && strings.HasPrefix(code.Active, "14") && !strings.HasPrefix(code.Active, "145") && len(srcs) > 0 && len(tgts) == 0 && !st.infinitive {
		// a protest with no target named ("workers blocked a highway")
		// is against the authorities of the story's country; a clash
		// (145) may be among the protesters themselves
		tgts = def(t + "GOV")
	}
	if t := opts.ImplicitTarget; t != "" && st.violence && strings.HasPrefix(code.Active, "11") && len(srcs) > 0 && len(tgts) == 0 {
		// news: a condemnation of an attack or a coup whose authors go
		// unnamed ("the minister condemned the attack") is on the
		// story's country, where it happened, whoever condemns it
		tgts = def(t)
	}
	if len(srcs) == 0 {
		if opts.RequireDyad && opts.DefaultSource == "" {
			return 0
		}
		srcs = def(opts.DefaultSource)
	}
	if len(tgts) == 0 && len(srcs) > 0 && !st.allSides && st.implicit(srcs, code.Active) {
		tgts = def(opts.ImplicitTarget)
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

// implicitRoots are the roots of the acts (appeals, offers and promises,
// approval, demands, disapproval, rejection, threats, reduced relations)
// that a foreign actor directs at a story's country without naming it.
var implicitRoots = map[string]bool{"02": true, "03": true, "05": true, "10": true, "11": true, "12": true, "13": true, "16": true}

// implicitCodes are the comments (pessimistic, optimistic, condolences)
// that a foreign actor makes on a story's country without naming it, and
// (news) its hosting of talks and mediation there ("Malaysia, which
// brokered the accord"); a denial (016) answers whoever made the charge,
// and is left alone.
var implicitCodes = map[string]bool{"012": true, "013": true, "018": true}

// newsImplicitCodes are the hosting (043) and mediation (045, 046) that a
// foreign actor does in a story's country without naming the parties.
var newsImplicitCodes = map[string]bool{"043": true, "045": true, "046": true}

// implicit reports whether an event of code with sources srcs and no
// target takes the implicit target: the code is verbal and every source
// is an actor of another country than the target's.
func (st *state) implicit(srcs []*unit, code string) bool {
	t := st.c.opts.ImplicitTarget
	if t == "" || len(code) < 2 || !implicitRoots[code[:2]] && !implicitCodes[code] && !(st.c.opts.News && newsImplicitCodes[code]) {
		return false
	}
	if code == "030" && !st.offered {
		return false // a bare intent ("agreed not to", "planned for") is to no one
	}
	for _, s := range srcs {
		if s == nil || !s.hasActor || s.pronoun || len(s.code) < 3 || strings.HasPrefix(s.code, "---") || strings.HasPrefix(t, s.code[:3]) {
			return false
		}
	}
	return true
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

// splitGroup splits a compound into its first member and the others.
func splitGroup(g *group) (*group, *group) {
	a, b := g.members[0], g.members[1:]
	return &group{members: []*unit{a}, first: a.first, last: a.last},
		&group{members: b, first: b[0].first, last: g.last}
}

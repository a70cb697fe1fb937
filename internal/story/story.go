// Package story reads which country a news story is about when its dateline
// says where it was filed from: a story filed from the capital of a
// mediator or host ("HAVANA - Colombia and the rebels agreed …, after
// negotiations mediated by Cuba") is about the parties' country, not the
// venue's. The entity stage (titles and roles with no country) and the
// event stage (agents with no country) read the story's country the same
// way through it.
package story

import (
	"strings"

	"dyad/news"
)

// Dateline returns the place named by the article's dateline (the first
// place inside the dateline at the start of a paragraph) and the byte
// offset where that dateline ends.
func Dateline(doc news.Document) (news.Place, int, bool) {
	if doc.Dateline == "" {
		return news.Place{}, 0, false
	}
	for _, b := range doc.Blocks {
		start := b.Span[0]
		if b.Kind != news.BlockParagraph || start < 0 || start > len(doc.Text) || !strings.HasPrefix(doc.Text[start:], doc.Dateline) {
			continue
		}
		end := start + len(doc.Dateline)
		for _, pl := range doc.Places {
			if pl.Span[0] >= start && pl.Span[1] <= end {
				return pl, end, true
			}
		}
		return news.Place{}, 0, false
	}
	return news.Place{}, 0, false
}

// Abroad returns the country a story filed from abroad is about, or ""
// when the dateline's country is the story's own (or there is no
// dateline). Mentions of a country as mediator or host ("mediated by
// Cuba and Norway", "Venezuela, which hosted an earlier round", "Iran
// offered to host talks", "Qatari mediators") and of a place as the venue
// of talks ("will meet again in Havana") are venue mentions; the others
// are the country's ordinary mentions. The dateline's country is a venue,
// and the story's country the one with the most ordinary mentions (the
// first named on a tie), when
//   - the story presents it as mediator or host, and another country has
//     at least two ordinary mentions and more than it has; or
//   - it has no ordinary mention and another country has three or more
//     (a story filed from Vienna or Geneva about others).
func Abroad(doc news.Document) string {
	dl, end, ok := Dateline(doc)
	if !ok || dl.Country == "" {
		return ""
	}
	roles := Roles(doc)
	count := map[string]int{}
	mediator := false
	best := ""
	for i, pl := range doc.Places {
		if pl.Country == "" || pl.Span[0] >= dl.Span[0] && pl.Span[0] < end {
			continue // the dateline's places
		}
		switch roles[i] {
		case RoleMediator:
			if pl.Country == dl.Country {
				mediator = true
			}
			continue
		case RoleVenue:
			continue
		}
		count[pl.Country]++
		if pl.Country != dl.Country && (best == "" || count[pl.Country] > count[best]) {
			best = pl.Country
		}
	}
	switch {
	case best == "":
		return ""
	case mediator && count[best] >= 2 && count[best] > count[dl.Country]:
		return best
	case count[dl.Country] == 0 && count[best] >= 3:
		return best
	}
	return ""
}

// Role is how a story presents a place mention.
type Role uint8

// The roles of a place mention.
const (
	RoleParty    Role = iota // any other mention: where the story happens, or who acts
	RoleMediator             // a mediator or host of talks between others
	RoleVenue                // the place where talks are held
)

// Roles returns the role of each of doc.Places, by index, read on the
// sentences' tokens. A mention whose tokens cannot be found is a party.
func Roles(doc news.Document) []Role {
	out := make([]Role, len(doc.Places))
	pi := 0
	for _, s := range doc.Sentences {
		ts := s.Tokens
		prevEnd, prevRole := -1, RoleParty
		for ; pi < len(doc.Places) && doc.Places[pi].Span[0] < s.Span[1]; pi++ {
			pl := doc.Places[pi]
			if pl.Span[0] < s.Span[0] {
				continue
			}
			lo, hi := tokenRange(ts, pl.Span)
			if lo < 0 {
				continue
			}
			r := role(ts, lo, hi)
			if r == RoleParty && prevRole != RoleParty && lo == prevEnd+1 && ts[prevEnd].Text == "," {
				r = prevRole // "in Havana, Cuba": the qualifier of a venue
			}
			out[pi] = r
			prevEnd, prevRole = hi, r
		}
	}
	return out
}

// tokenRange returns the tokens [lo, hi) that span covers, or -1, -1.
func tokenRange(ts []news.Token, span news.Span) (int, int) {
	lo := -1
	for k, t := range ts {
		if t.Span[0] == span[0] {
			lo = k
		}
		if lo >= 0 && t.Span[1] >= span[1] {
			return lo, k + 1
		}
	}
	return -1, -1
}

// hostVerbs are the verbs of mediating and hosting talks between others.
var hostVerbs = words(`host hosts hosted hosting mediate mediates mediated mediating broker brokers
	brokered brokering facilitate facilitates facilitated facilitating`)

// hostNouns name a mediator or host after its country ("Qatari
// mediators", "Norway's envoy" is not one).
var hostNouns = words(`mediator mediators mediation host hosts broker brokers facilitator facilitators`)

// talkWords mark a sentence about talks, whose "in <Place>" is their venue.
var talkWords = words(`talks negotiations negotiation summit meeting meet meets met conference
	ceasefire truce accord round mediation`)

// offerVerbs take an infinitive of hosting: "Iran offered on Sunday to host new talks".
var offerVerbs = words(`offered offers offer proposed proposes agreed agrees volunteered volunteers`)

// skipBefore are the auxiliaries and adverbs between a subject and its verb.
var skipBefore = words(`has have had will would also again already could may might is was`)

// role reads the role of the place ts[lo:hi] of a sentence's tokens ts.
func role(ts []news.Token, lo, hi int) Role {
	// "mediated by Cuba and Norway": the agent of a passive hosting verb,
	// alone or in a list.
	k := lo - 1
	for k >= 0 && lo-k < 8 && (ts[k].Text == "and" || ts[k].Text == "," || strings.EqualFold(ts[k].Text, "the") || capital(ts[k].Text)) {
		if ts[k].Text == "and" && k > 0 && ts[k-1].Text == "," {
			break // ", and Yemen signed it": a clause of its own
		}
		k--
	}
	if k >= 1 && ts[k].Text == "by" && hostVerbs[strings.ToLower(ts[k-1].Text)] && (!strings.HasPrefix(strings.ToLower(ts[k-1].Text), "host") || talksBefore(ts, k-1)) {
		return RoleMediator // "refugees hosted by Uganda" are no talks
	}
	// "Qatari mediators", "Norway's mediation".
	j := hi
	if j < len(ts) && ts[j].Tag == "POS" {
		j++
	}
	if j < len(ts) && hostNouns[strings.ToLower(ts[j].Text)] {
		return RoleMediator
	}
	if subjectOfHosting(ts, hi) {
		return RoleMediator
	}
	// "will meet again in Havana": the venue of talks.
	if lo >= 1 && strings.EqualFold(ts[lo-1].Text, "in") && aboutTalks(ts) {
		return RoleVenue
	}
	return RoleParty
}

// subjectOfHosting reports whether the place ending at token hi is the
// subject of a hosting verb: "Qatar and Turkey brokered", "Venezuela,
// which hosted", "China, which wants …, hosted", "Iran offered on Sunday
// to host".
func subjectOfHosting(ts []news.Token, hi int) bool {
	j := hi
	// the rest of a list of names: "and Turkey", ", Oman".
	for j+1 < len(ts) && (ts[j].Text == "and" || ts[j].Text == ",") && capital(ts[j+1].Text) {
		j += 2
		for j < len(ts) && capital(ts[j].Text) {
			j++
		}
	}
	if j+1 < len(ts) && ts[j].Text == "," && (ts[j+1].Text == "which" || ts[j+1].Text == "who") {
		k := j + 2
		for k < len(ts) && skipBefore[strings.ToLower(ts[k].Text)] {
			k++
		}
		if k < len(ts) && mediates(ts, k) {
			return true // "Venezuela, which hosted an earlier round"
		}
		// past the relative clause to the main verb.
		for k < len(ts) && ts[k].Text != "," {
			k++
		}
		j = k + 1
	}
	for j < len(ts) && (skipBefore[strings.ToLower(ts[j].Text)] || ts[j].Tag == "RB") {
		j++
	}
	if j >= len(ts) {
		return false
	}
	w := strings.ToLower(ts[j].Text)
	if mediates(ts, j) {
		return true
	}
	if offerVerbs[w] {
		for k := j + 1; k+1 < len(ts) && k < j+6; k++ {
			if ts[k].Text == "to" && mediates(ts, k+1) {
				return true
			}
		}
	}
	return false
}

// mediates reports whether ts[v] is a verb of mediating, or of hosting
// talks or those who hold them ("hosted talks", "hosted an earlier round",
// "hosted their foreign ministers", "host new talks"), not of hosting
// refugees, bases or games.
func mediates(ts []news.Token, v int) bool {
	w := strings.ToLower(ts[v].Text)
	if !hostVerbs[w] {
		return false
	}
	if !strings.HasPrefix(w, "host") {
		return true
	}
	for k := v + 1; k < len(ts) && k <= v+4; k++ {
		if hostedTalks[strings.ToLower(ts[k].Text)] {
			return true
		}
	}
	return false
}

// talksBefore reports whether the words just before the verb ts[v] name
// talks or those who hold them ("talks hosted by Norway").
func talksBefore(ts []news.Token, v int) bool {
	for k := v - 1; k >= 0 && k >= v-4; k-- {
		if hostedTalks[strings.ToLower(ts[k].Text)] {
			return true
		}
	}
	return false
}

// hostedTalks are the words of what a host of talks hosts.
var hostedTalks = words(`talks negotiations round rounds summit meeting meetings conference ministers
	leaders delegations delegates envoys negotiators sides both their president presidents
	minister leader parties`)

// aboutTalks reports whether a sentence speaks of talks, mediation or
// hosting.
func aboutTalks(ts []news.Token) bool {
	for _, t := range ts {
		if w := strings.ToLower(t.Text); talkWords[w] || hostVerbs[w] {
			return true
		}
	}
	return false
}

// capital reports whether w starts with an upper-case ASCII letter.
func capital(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

// words builds a lookup set from space-separated words.
func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Sides returns the two sides of a story, and its mediators and hosts:
// the countries the story presents as mediator or host anywhere (Roles),
// and, of the others, the one with the most ordinary mentions (a) and the
// next (b) when that one has at least three and at least half as many;
// else b is a too (the sides of a civil conflict: "Colombia's government
// and the ELN"). a is "" when the story names no other country;
// mediators is empty when it names no mediator or host.
func Sides(doc news.Document) (a, b string, mediators map[string]bool) {
	roles := Roles(doc)
	mediators = map[string]bool{}
	for i, pl := range doc.Places {
		if roles[i] == RoleMediator && pl.Country != "" {
			mediators[pl.Country] = true
		}
	}
	count := map[string]int{}
	var order []string
	for i, pl := range doc.Places {
		if roles[i] != RoleParty || pl.Country == "" || mediators[pl.Country] {
			continue
		}
		if count[pl.Country] == 0 {
			order = append(order, pl.Country)
		}
		count[pl.Country]++
	}
	for _, c := range order {
		switch {
		case a == "" || count[c] > count[a]:
			a, b = c, a
		case b == "" || count[c] > count[b]:
			b = c
		}
	}
	if a == "" {
		return "", "", mediators
	}
	if b == "" || count[b] < 3 || 2*count[b] < count[a] {
		b = a
	}
	return a, b, mediators
}

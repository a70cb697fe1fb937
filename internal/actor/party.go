package actor

import (
	"strings"

	"dyad/news"
)

// This file decides when a place stands as a party to an act or statement
// (and so takes its actor code) rather than as where something happens, a
// possessive, a modifier or the subject of a state.

// actorPosition reports whether ts[lo:hi] stands as the subject of an act
// or statement, alone or in a list of names ("Brazil, Colombia and Mexico
// called for"): the list is not after a preposition (a subordinator such
// as "since" or "after" is no preposition) and is followed, past a
// relative clause or an appositive, by a verb or modal. The verb group
// must not be negated ("Egypt did not comment") nor be a verb of
// experience ("Somalia has faced shortages"), and a name that opens a
// clause describing the noun before it ("the dam Ethiopia built on the
// Nile") is no party. In a headline, a dictionary verb after the names
// makes them its subject whatever the tagger says ("Congo and Rwanda
// trade blame", "U.S. sanctions Chinese refiners").
func (st *state) actorPosition(ts []news.Token, lo, hi int) bool {
	if properAfter(ts, hi) {
		return false // "The U.S. Treasury imposed": the name is a modifier
	}
	first, last := nameList(ts, lo, hi)
	k := first - 1
	if k >= 0 && strings.EqualFold(ts[k].Text, "the") {
		k-- // "in the United Arab Emirates"
	}
	if k >= 0 && (ts[k].Tag == "IN" && !complementizers[strings.ToLower(ts[k].Text)] || ts[k].Tag == "TO") {
		return false
	}
	if k >= 0 && motionVerbs[strings.ToLower(ts[k].Text)] {
		return false // "families fleeing Tyre and Nabatieh jammed the road"
	}
	last = skipRelative(ts, last)
	for last < len(ts) && ts[last].Tag == "RB" {
		last++ // "when Russia usually steps up"
	}
	if last >= len(ts) {
		return false
	}
	if st.headline && (k < 0 || ts[k].Text == ":") && st.verbForm(ts[last].Text) {
		return true
	}
	t := ts[last].Tag
	if linkingVerbs[strings.ToLower(ts[last].Text)] && (last+1 >= len(ts) || !strings.HasPrefix(ts[last+1].Tag, "VB")) {
		return false // "Niger is the last ally": a description, not an act
	}
	if !strings.HasPrefix(t, "VB") && t != "MD" {
		return false
	}
	// the verb group: modals, auxiliaries, adverbs and negation before the
	// main verb.
	v := last
	for v < len(ts) {
		w := strings.ToLower(ts[v].Text)
		if negations[w] {
			return false // "Egypt did not comment"
		}
		next := v+1 < len(ts) && (strings.HasPrefix(ts[v+1].Tag, "VB") || ts[v+1].Tag == "RB" || negations[strings.ToLower(ts[v+1].Text)])
		if ts[v].Tag == "MD" || ts[v].Tag == "RB" || auxiliaries[w] && next {
			v++
			continue
		}
		break
	}
	if v < len(ts) && verbIn(experiencerSubject, ts[v].Text) {
		return false // "Egypt, Lebanon and Somalia have faced shortages"
	}
	if k >= 0 && (ts[k].Tag == "NN" || ts[k].Tag == "NNS") && !isCap(ts[k].Text) && v < len(ts) && strings.HasPrefix(ts[v].Tag, "VB") && !verbIn(st.f.verbs, ts[v].Text) {
		// "the dam Ethiopia built on the Nile": the verb's object is the
		// noun before the name, which the clause describes; a verb of the
		// dictionary still makes an act ("a charge Abu Dhabi denies").
		if v+1 >= len(ts) || ts[v+1].Tag == "IN" || ts[v+1].Tag == "TO" || ts[v+1].Tag == "," || ts[v+1].Tag == "." {
			return false
		}
	}
	return true
}

// skipRelative passes over a relative clause or an appositive between
// commas after a name ("Bolivia, which lost its coast in 1884, renewed its
// call"; "The United States and the European Union, the biggest buyers
// of Bangladeshi clothing, have pressed Dhaka"), returning the token after
// it, or i when there is none.
func skipRelative(ts []news.Token, i int) int {
	if i+1 >= len(ts) || ts[i].Text != "," {
		return i
	}
	w := strings.ToLower(ts[i+1].Text)
	switch {
	case relativeWords[w]:
		for j := i + 2; j < len(ts) && j < i+30; j++ {
			switch ts[j].Text {
			case ",":
				return j + 1
			case ".", ";", ":":
				return i
			}
		}
	case ts[i+1].Tag == "DT" || ts[i+1].Tag == "PRP$":
		// an appositive: a noun phrase, no verb, closed by a comma.
		for j := i + 2; j < len(ts) && j < i+14; j++ {
			switch {
			case ts[j].Text == ",":
				return j + 1
			case strings.HasPrefix(ts[j].Tag, "VB") || ts[j].Tag == "MD" || ts[j].Tag == "." || ts[j].Text == ";" || ts[j].Text == ":":
				return i
			}
		}
	}
	return i
}

// relativeWords open a relative clause.
var relativeWords = set(`which who whose`)

// objectPosition reports whether the name ts[lo:hi] (alone or in a list of
// names) is the party of an interaction rather than a location: after
// "with" or "against" ("talks with Kyiv", "sanctions against Russia") but
// not after a noun held ("has its own dispute with China"), as the agent
// of a passive ("mediated by Oman"), after a noun of an act and "from" or
// "on" ("condemnation from France", "a pressure campaign on Tehran"),
// after a verb and "on" ("called on Bangkok"), right after a verb
// ("accused the United Arab Emirates", "pressed Dhaka"; a place after a
// verb of motion is a place: "visited Tokyo"; the one who feels after a
// verb of feeling is no party: "alarming Australia"), or, for a country (a
// capital there is a place: "between Doha and Cairo"), after "between" or
// "on", or after a verb of giving, its object and "to" ("sells weapons to
// Azerbaijan"). The list may open with a common noun phrase ("from West African
// leaders, France and the United States"). A negated verb ("will not let
// them turn Georgia into") makes no party.
func (st *state) objectPosition(ts []news.Token, lo, hi int, country bool) bool {
	if properAfter(ts, hi) {
		return false
	}
	first, last := nameList(ts, lo, hi)
	modifier := last < len(ts) && (ts[last].Tag == "NN" || ts[last].Tag == "NNS")
	k := first - 1
	if k >= 0 && strings.EqualFold(ts[k].Text, "the") {
		k--
	}
	if k >= 0 && ts[k].Text == "," {
		k = listOpening(ts, k)
	}
	if k < 0 {
		return false
	}
	w := strings.ToLower(ts[k].Text)
	before := ""
	if k > 0 {
		before = strings.ToLower(ts[k-1].Text)
	}
	switch w {
	case "with", "against":
		return !modifier && !held(ts, k)
	case "between":
		return country && !modifier // "between Doha and Cairo" is a route
	case "on":
		// "sanctions on Russia"; "called on Bangkok", "a campaign on Tehran"
		if modifier || negated(ts, k) {
			return false
		}
		return country || actNouns[before] || k > 0 && strings.HasPrefix(ts[k-1].Tag, "VB") && !verbIn(experiencerSubject, before)
	case "from":
		// "condemnation from France", "backing from Washington"
		return !modifier && actNouns[before]
	case "by":
		// the agent of a passive: "talks mediated by Oman"
		return !modifier && k > 0 && ts[k-1].Tag == "VBN"
	case "to":
		// the one a thing passes to: "sells weapons to Azerbaijan",
		// "lost its coast to Chile"
		v := verbBefore(ts, k)
		return !modifier && v >= 0 && verbIn(transferVerbs, ts[v].Text) && !negated(ts, v)
	}
	if !strings.HasPrefix(ts[k].Tag, "VB") || linkingVerbs[w] {
		return false
	}
	if modifier && !causatives[w] {
		return false // "briefed by U.S. officials": the name is a modifier
	}
	// a place after a verb of motion is where one goes ("visited Tokyo",
	// "fled El Fasher"); after any other verb, the party ("pressed Dhaka",
	// "accused the United Arab Emirates").
	return !motionVerbs[w] && !verbIn(experiencerObject, w) && !negated(ts, k)
}

// properAfter reports whether a proper noun follows the name ending
// before token hi with nothing between: the name then modifies it ("U.S.
// Treasury", "Moscow Mayor Sergei Sobyanin").
func properAfter(ts []news.Token, hi int) bool {
	return hi < len(ts) && (ts[hi].Tag == "NNP" || ts[hi].Tag == "NNPS") && isCap(ts[hi].Text)
}

// listOpening returns the token before a common noun phrase that opens a
// list of names ending at the comma ts[k] ("from West African leaders,
// France and …"), when that token is a preposition; else k.
func listOpening(ts []news.Token, k int) int {
	j := k - 1
	for ; j >= 0 && k-j <= 6; j-- {
		switch ts[j].Tag {
		case "NN", "NNS", "NNP", "NNPS", "JJ", "DT", "CD":
			continue
		case "IN":
			if j < k-1 {
				return j
			}
		}
		break
	}
	return k
}

// held reports whether the noun phrase before the preposition ts[k] is the
// object of a verb of having ("has its own dispute with China", "shares a
// border with"): a state, not an act.
func held(ts []news.Token, k int) bool {
	v := verbBefore(ts, k)
	return v >= 0 && verbIn(holdVerbs, ts[v].Text)
}

// verbBefore returns the token before the noun phrase that ends before the
// preposition ts[k] ("has [its own dispute] with"), or -1 when there is no
// such phrase.
func verbBefore(ts []news.Token, k int) int {
	j := k - 1
	for ; j >= 0 && k-j <= 6; j-- {
		switch ts[j].Tag {
		case "NN", "NNS", "JJ", "DT", "PRP$", "CD":
			continue
		}
		break
	}
	if j < 0 || j == k-1 {
		return -1
	}
	return j
}

// negated reports whether a negation governs the verb ts[k] in its clause
// ("will not let them turn Georgia into"): a "not", "n't" or "never"
// before it with no clause boundary between.
func negated(ts []news.Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-6; j-- {
		t := ts[j]
		switch {
		case negations[strings.ToLower(t.Text)]:
			return true
		case t.Tag == "," || t.Tag == "." || t.Tag == ":" || t.Tag == "CC" || t.Tag == "WDT" || t.Tag == "WP" || strings.EqualFold(t.Text, "that"):
			return false
		}
	}
	return false
}

// verbIn reports whether w is a form of a verb of set: the word itself or
// the word less a regular ending ("faced", "faces", "facing", "relies",
// "alarming").
func verbIn(set map[string]bool, w string) bool {
	w = strings.ToLower(w)
	if set[w] {
		return true
	}
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		stem, ok := strings.CutSuffix(w, suf)
		if !ok || len(stem) < 2 {
			continue
		}
		if set[stem] || set[stem+"e"] {
			return true
		}
		if n := len(stem); n > 2 && stem[n-1] == stem[n-2] && set[stem[:n-1]] {
			return true // "stopped"
		}
		if strings.HasSuffix(stem, "i") && set[stem[:len(stem)-1]+"y"] {
			return true // "relied", "relies"
		}
	}
	return false
}

// verbForm reports whether w is a verb of the verb dictionary, in its base
// form or with -s/-es (a headline's present tense).
func (st *state) verbForm(w string) bool {
	u := strings.ToLower(w)
	if st.f.verbs[u] {
		return true
	}
	for _, suf := range []string{"es", "s"} {
		if stem, ok := strings.CutSuffix(u, suf); ok && st.f.verbs[stem] {
			return true
		}
	}
	return false
}

// negations negate a verb group.
var negations = set(`not n't never`)

// auxiliaries may stand before a main verb.
var auxiliaries = set(`do does did have has had be is are was were been being`)

// linkingVerbs take no party as object.
var linkingVerbs = set(`is are was were be been being become became remain remained`)

// motionVerbs take a place as object.
var motionVerbs = set(`visit visits visited visiting tour tours toured touring reach reaches reached reaching
	leave leaves left leaving enter enters entered entering flee flees fled fleeing return returns returned
	returning cross crosses crossed crossing arrive arrives arrived arriving travel travels travelled traveled
	fly flies flew flown flying`)

// experiencerSubject are verbs whose subject undergoes or holds a state
// rather than acts on anyone ("Egypt has faced shortages").
var experiencerSubject = set(`face suffer endure experience fear need lack rely depend struggle`)

// experiencerObject are verbs of feeling whose object is the one who feels
// ("alarming Australia, New Zealand and the United States").
var experiencerObject = set(`alarm worry concern anger frighten scare surprise shock upset unsettle
	disappoint trouble rattle irritate annoy embarrass please delight dismay`)

// holdVerbs have a state as object ("has a dispute with").
var holdVerbs = set(`have has had having share`)

// transferVerbs pass a thing to a party named after "to".
var transferVerbs = set(`sell sold lose lost cede hand give gave given supply deliver provide grant offer lend lent`)

// causatives take an object and a bare infinitive, which the tagger may
// read as a noun ("helping Moscow evade export controls").
var causatives = set(`help helps helped helping let lets letting make makes made making`)

// actNouns name an act whose author follows "from" and whose target
// follows "on" ("condemnation from France", "a pressure campaign on
// Tehran"). An attack or strike "on" a town names where it fell.
var actNouns = set(`condemnation criticism support backing pressure aid assistance help threat threats
	warning warnings sanction sanctions protest protests call calls demand demands pledge pledges
	recognition praise rebuke rebukes appeal appeals accusation accusations complaint complaints
	objection objections interference mediation funding loans investment campaign retaliation response offer offers ban embargo tariffs tariff restrictions`)

// nameList widens the name at ts[lo:hi] to the list of proper names it
// belongs to ("Brazil, Colombia and Mexico"), returning the list's first
// token and the token after it.
func nameList(ts []news.Token, lo, hi int) (int, int) {
	listWord := func(t news.Token) bool {
		switch {
		case t.Tag == "NNP" || t.Tag == "NNPS":
			return true
		case t.Text == "," || strings.EqualFold(t.Text, "and") || strings.EqualFold(t.Text, "or"):
			return true
		}
		return t.Text == "the" || t.Text == "The"
	}
	first, last := lo, hi
	for first > 0 && listWord(ts[first-1]) {
		first--
	}
	for last < len(ts) && listWord(ts[last]) {
		last++
	}
	// a list starts and ends on a name, not on a joiner
	for first < lo && !(ts[first].Tag == "NNP" || ts[first].Tag == "NNPS") {
		first++
	}
	for last > hi && !(ts[last-1].Tag == "NNP" || ts[last-1].Tag == "NNPS") {
		last--
	}
	return first, last
}

// notCounterpart corrects a title's country that the sentence denies:
// "Prime Minister Anwar Ibrahim spoke by telephone with his Thai and
// Cambodian counterparts" in a story from Bangkok is not Thai, though a
// title with no country takes the story's. The code then takes the
// country of the latest party named before that is none of the
// counterparts' ("Malaysia … offered to mediate."), or is left as it was
// when there is none. hi is the token after the name.
func (st *state) notCounterpart(ts []news.Token, all []item, hi int, code string) string {
	if len(code) <= 3 {
		return code
	}
	c := -1
	for k := hi; k < len(ts) && k < hi+20; k++ {
		if w := strings.ToLower(ts[k].Text); w == "counterpart" || w == "counterparts" {
			c = k
			break
		}
	}
	if c < 0 {
		return code
	}
	others := map[string]bool{}
	for _, it := range all {
		if it.lo >= hi && it.hi <= c && it.class == classCountry && len(it.code) >= 3 {
			others[it.code[:3]] = true
		}
	}
	if !others[code[:3]] {
		return code
	}
	for i := len(st.parties) - 1; i >= 0; i-- {
		if p := st.parties[i]; !others[p] {
			return p + code[3:]
		}
	}
	return code
}

// countryNamed joins a country's name or demonym that opens the name of a
// body ("The Bangladesh Garment Manufacturers and Exporters Association",
// "the Nigerian Bar Association") with the rest of that name: capitalised
// words, inner "and", "of", "for" or "&", and a last word that names an
// organisation. It is one organisation, coded with the country and the
// first role among its words ("Exporters": BGDBUS), uncoded without one.
// The country is then no place (the gazetteer left it out as part of a
// name) and no institution of the state follows it ("Russian Defense
// Ministry" is read elsewhere).
func (st *state) countryNamed(ts []news.Token, all []item) []item {
	for ai := 0; ai < len(all); ai++ {
		c := all[ai]
		if c.class != classCountry || c.code == "" || c.place >= 0 || c.lo < 0 {
			continue
		}
		e := c.hi
		for k := c.hi; k < len(ts); k++ {
			w := ts[k].Text
			if isCap(w) && hasLetter(w) && !stopWords[strings.ToLower(w)] && !titleWords[strings.ToLower(w)] {
				e = k + 1
				continue
			}
			if joiner := w == "and" || w == "of" || w == "for" || w == "&"; joiner && k+1 < len(ts) && isCap(ts[k+1].Text) {
				continue
			}
			break
		}
		if e-c.hi < 2 || !orgWords[strings.ToLower(ts[e-1].Text)] {
			continue
		}
		code, last := "", ai+1
		ok := true
		for ; last < len(all) && all[last].lo >= 0 && all[last].lo < e; last++ {
			it := all[last]
			if it.hi > e || it.inst || it.class != classSkip && it.class != classAgent {
				ok = false
				break
			}
			if it.class == classAgent && code == "" {
				code = join(c.code, it.code, it.append)
			}
		}
		if !ok {
			continue
		}
		merged := item{lo: c.lo, hi: e, class: classOrg, code: code, place: -1}
		all = append(all[:ai], append([]item{merged}, all[last:]...)...)
	}
	return all
}

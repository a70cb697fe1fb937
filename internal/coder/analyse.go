package coder

// This file drives the analysis of one sentence and holds its clause
// bounds and the searches for source and target groups.

import (
	"slices"
	"strings"
	"unicode"

	"dyad/internal/dictfile"
	"dyad/news"
)

// state is the working memory of one sentence.
type state struct {
	c         *Coder
	text      string
	s         *news.Sentence
	ws        []string
	date      dictfile.Date
	units     []*unit
	groups    []*group
	tails     []*group // actor parts of units bound on their own (tailAt)
	sc        *scratch // reusable word index storage, or nil
	groupAt   []int    // token → index of the group starting there, or -1
	inUnit    []bool
	bound     []bool // token starts a new clause
	events    []news.Event
	lastActor *group
	prev      *group       // the last actor of the previous sentence, with its pair (News)
	before    []news.Event // the story's events of earlier sentences (News)
	trace     *Explanation
	scratch   bind
	discarded bool
	passive   bool // the verb being emitted is passive
	// the verb being emitted is an infinitive ("any move to arrest him")
	infinitive bool
	// the verb being emitted appeals to all sides ("called for restraint"):
	// it has no implicit target
	allSides bool
	// the verb being emitted condemns an act of violence naming no
	// actor ("condemned the attack"): it is on the implicit target
	violence bool
	// the verb being emitted has a noun phrase right after it ("offered
	// divers"): an offer of something, not a bare intent
	offered bool
	// the verb being coded follows a determiner: only a pattern codes it
	patternOnly bool
	caps        bool        // the sentence has no lower-case letter (TABARI's all-capitals text)
	attach      *attachment // the participle being coded by codeAttached
	inSynset    bool        // matching the words of a synset member
	firstVerb   int         // the first word of the sentence's first dictionary verb, or -1
	// where each word occurs (PETRARCH only; see indexWords), where the
	// next group starts, and the failure memo of the pattern side being
	// matched
	wordAt    map[string]int32
	wordNext  []wordPos
	bases     []wordForms
	nextGroup []int
	failMemo  []int
}

// words returns the upper-case words of tokens.
func words(toks []news.Token, buf []string) []string {
	buf = buf[:0]
	for _, t := range toks {
		buf = append(buf, upper(t.Text))
	}
	return buf
}

func upper(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if ('a' <= c && c <= 'z') || c >= 0x80 {
			s = strings.ToUpper(s)
			break
		}
	}
	// Treebank forms of quotes and typographic apostrophes
	if strings.Contains(s, "’") {
		s = strings.ReplaceAll(s, "’", "'")
	}
	return s
}

var pronouns = map[string]bool{"HE": true, "SHE": true, "IT": true, "THEY": true, "HIM": true, "THEM": true}

var clauseWords = map[string]bool{
	"THAT": true, "WHO": true, "WHICH": true, "WHOM": true, "WHILE": true, "WHEN": true,
	"AFTER": true, "BEFORE": true, "BECAUSE": true, "SINCE": true, "ALTHOUGH": true,
	"THOUGH": true, "IF": true, "UNTIL": true, "WHERE": true, "WHEREAS": true, ";": true,
}

// reportWords are the verbs of reported speech whose object is a clause
// ("said the ships had rammed", "claimed that").
var reportWords = wordSet(`SAY SAYS SAID CLAIM CLAIMS CLAIMED ALLEGE ALLEGES ALLEGED
		INSIST INSISTS INSISTED ADD ADDS ADDED REPORT REPORTS REPORTED`)

// subordinators open an adverbial clause and are never prepositions.
var subordinators = map[string]bool{"WHILE": true, "WHEREAS": true, "ALTHOUGH": true, "THOUGH": true, "BECAUSE": true, "UNLESS": true}

var negWords = map[string]bool{"NOT": true, "N'T": true, "NEVER": true, "NO": true}

var beWords = map[string]bool{"IS": true, "ARE": true, "WAS": true, "WERE": true, "BE": true, "BEEN": true, "BEING": true, "'S": true, "'RE": true, "GOT": true, "GET": true, "GETS": true}

// analyse codes one sentence. prev is the last actor of the previous
// sentence, for pronouns.
func (c *Coder) analyse(text string, s *news.Sentence, d dictfile.Date, prev *group, tr *Explanation) *state {
	return c.analyseWords(text, s, words(s.Tokens, make([]string, 0, len(s.Tokens))), d, prev, tr, nil)
}

// scratch holds the word index of one sentence's analysis for the next
// sentence of the same text to reuse (see indexWords); nil allocates.
type scratch struct {
	wordAt    map[string]int32
	wordNext  []wordPos
	bases     []wordForms
	mentions  []mention
	inUnit    []bool
	bound     []bool
	groupAt   []int
	nextGroup []int
}

// store returns the storage the state reuses, made when it has none.
func (st *state) store() *scratch {
	if st.sc == nil {
		st.sc = &scratch{}
	}
	return st.sc
}

// bools returns a cleared []bool of n, buf's storage when large enough.
func bools(buf *[]bool, n int) []bool {
	if cap(*buf) < n {
		*buf = make([]bool, n, n+n/2)
	}
	b := (*buf)[:n]
	clear(b)
	return b
}

// ints returns an []int of n, buf's storage when large enough; the
// caller sets every element.
func ints(buf *[]int, n int) []int {
	if cap(*buf) < n {
		*buf = make([]int, n, n+n/2)
	}
	return (*buf)[:n]
}

// analyseWords is analyse with the sentence's upper-case words (words)
// already made. Discards and the minimum length are checked on the whole
// sentence, before its comma-delimited clauses are deleted.
func (c *Coder) analyseWords(text string, s *news.Sentence, ws []string, d dictfile.Date, prev *group, tr *Explanation, sc *scratch) *state {
	return c.analyse1(&state{c: c, text: text, s: s, ws: ws, date: d, trace: tr, prev: prev, firstVerb: -1, sc: sc}, prev)
}

// analyseWordsAfter is analyseWords for a sentence of a story whose
// earlier sentences coded the events before, with no trace.
func (c *Coder) analyseWordsAfter(text string, s *news.Sentence, ws []string, d dictfile.Date, prev *group, before []news.Event, sc *scratch) *state {
	return c.analyse1(&state{c: c, text: text, s: s, ws: ws, date: d, prev: prev, before: before, firstVerb: -1, sc: sc}, prev)
}

// analyse1 analyses the sentence of st, whose fields the callers set.
func (c *Coder) analyse1(st *state, prev *group) *state {
	s, tr := st.s, st.trace
	if disc, story := c.ix.discard(st.ws); disc != nil {
		if tr != nil {
			kind := "sentence"
			if story {
				kind = "story"
			}
			tr.Notes = append(tr.Notes, "discarded ("+kind+"): "+disc.Phrase.Text()+" at "+disc.Pos.String())
		}
		return st
	}
	if m := c.ix.timeMark(st.ws); m != nil {
		if tr != nil {
			why := "too complex to code"
			if m.discard {
				why = "discarded"
			}
			tr.Notes = append(tr.Notes, why+" by the time phrase at "+m.pos.String())
		}
		return st
	}
	if c.opts.MinWords > 0 && countWords(s.Tokens) < c.opts.MinWords {
		if tr != nil {
			tr.Notes = append(tr.Notes, "too few words")
		}
		return st
	}
	inPhrase, listed := st.commaPhrases(prev)
	if ns := c.opts.Commas.deleteClauses(s, inPhrase, listed); ns != s {
		st.s, st.ws = ns, words(ns.Tokens, nil)
		if tr != nil {
			tr.Notes = append(tr.Notes, "comma-delimited clauses deleted: "+clauseText(ns))
		}
	}
	st.caps = c.stem && allCaps(st.s.Tokens)
	st.findActors(prev)
	if st.discarded {
		st.lastActor = nil
		return st
	}
	st.findClauses()
	if !c.stem {
		st.indexWords()
	}
	st.indexGroups()
	st.codeVerbs()
	if c.opts.News {
		st.codeBetween()
		st.codeNominal()
		st.codeNominalOf()
	}
	if why := st.complex(); why != "" {
		st.events = nil
		if tr != nil {
			tr.Notes = append(tr.Notes, "too complex to code: "+why)
		}
	}
	return st
}

// commaPhrases returns, when comma-delimited clauses are to be deleted
// from a sentence that has commas, what deleteClauses needs to pass over
// phrases: for PETRARCH, whether a comma lies between two adjectives
// ("complete, full ties"), which TABARI does not tell apart; and whether a
// clause holds nothing but actors with their determiners, adjectives and
// conjunctions, an item of a list of actors ("Mordor, the Shire, Fornost
// and Bree"). Both are nil otherwise.
func (st *state) commaPhrases(prev *group) (inPhrase func(i int) bool, listed func(lo, hi int) bool) {
	if !st.c.opts.Commas.active() || !slices.Contains(st.ws, ",") {
		return nil, nil
	}
	if !st.c.stem {
		inPhrase = func(i int) bool {
			return strings.HasPrefix(st.tag(i-1), "JJ") && strings.HasPrefix(st.tag(i+1), "JJ")
		}
	}
	pre := &state{c: st.c, text: st.text, s: st.s, ws: st.ws, date: st.date}
	pre.findActors(prev)
	listed = func(lo, hi int) bool {
		actor := false
		for k := lo; k < hi; k++ {
			if pre.inUnit[k] {
				actor = true
				continue
			}
			switch t := st.tag(k); {
			case t == "DT", t == "CC", t == "PRP$", t == "POS", strings.HasPrefix(t, "JJ"):
			default:
				return false
			}
		}
		return actor
	}
	return inPhrase, listed
}

// countWords counts the words of tokens as TABARI does: punctuation is
// no word and a clitic ("'s", "n't") is part of the word before it.
func countWords(toks []news.Token) int {
	n := 0
	for _, t := range toks {
		if t.Text == "" || t.Text[0] == '\'' || strings.HasPrefix(strings.ToLower(t.Text), "n'") {
			continue
		}
		for _, r := range t.Text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
				break
			}
		}
	}
	return n
}

// allCaps reports whether tokens hold letters and no lower-case one: text
// set in capitals, whose tags and capitalisation say nothing.
func allCaps(toks []news.Token) bool {
	letters := false
	for _, t := range toks {
		for _, r := range t.Text {
			switch {
			case unicode.IsLower(r):
				return false
			case unicode.IsUpper(r):
				letters = true
			}
		}
	}
	return letters
}

func (st *state) tag(i int) string {
	if i < 0 || i >= len(st.s.Tokens) {
		return ""
	}
	return st.s.Tokens[i].Tag
}

func (st *state) word(i int) string {
	if i < 0 || i >= len(st.ws) {
		return ""
	}
	return st.ws[i]
}

// findClauses marks the words that open a clause.
func (st *state) findClauses() {
	st.bound = bools(&st.store().bound, len(st.ws)+1)
	relative := false // the clause being read was opened by "who" or "which"
	for i, w := range st.ws {
		if st.c.opts.News {
			switch {
			case (w == "WHO" || w == "WHICH") && i > 0 && st.ws[i-1] == ",":
				relative = true
			case w == "," && relative && st.verbAfter(i+1):
				// news: ", who has mediated between them, phoned X": the
				// comma closing a relative clause returns to the main one
				st.bound[i] = true
				relative = false
				continue
			}
		}
		if st.c.opts.News && reportWords[w] && isVerbTag(st.tag(i)) && !st.inUnit[i] && st.subjectVerbAfter(i+1) &&
			!strings.HasPrefix(st.tag(i+1), "PRP") {
			// news: "the army said Cambodian soldiers had shelled": a
			// reporting verb with no "that" opens the clause it reports
			// (not "said it would", "said its helicopters had": the
			// speaker again)
			st.bound[i] = true
			continue
		}
		switch {
		case clauseWords[w] && !st.inUnit[i] && (!st.c.stem || w == ";"):
			if st.c.opts.News && adverbialWords[w] && !st.verbBeforeComma(i+1) {
				// "since 2013," "after the vote,": a preposition, no clause
				continue
			}
			st.bound[i] = true
		case st.c.stem && (w == "AND" || w == "BUT") && st.c.ix.phraseConj(st.ws, i):
			// TABARI: a conjunction joining listed nouns or adjectives
			// ("sheep and goats", "awful and evil") opens no clause
		case st.c.stem && (w == "AND" || w == "BUT") && i > 0 && i+1 < len(st.ws) && !st.inGroup(i):
			// TABARI: a conjunction outside a compound actor opens a
			// clause
			st.bound[i] = true
		case (w == "," && !st.c.stem || w == "AND" || w == "BUT") && !st.inGroup(i) && st.subjectVerbAfter(i+1):
			// ", a senior official said", "and then it asked": a new
			// subject and its verb open a clause
			st.bound[i] = true
		}
	}
}

// verbAfter reports whether a verb starts at word i, past adverbs and
// auxiliaries.
func (st *state) verbAfter(i int) bool {
	for i < len(st.ws) && isAux(st.ws[i], st.tag(i)) {
		i++
	}
	return i < len(st.ws) && isVerbTag(st.tag(i))
}

// verbBeforeComma reports whether a finite verb comes from word i before
// the next comma, semicolon or the end of the sentence.
func (st *state) verbBeforeComma(i int) bool {
	for k := i; k < len(st.ws); k++ {
		if st.ws[k] == "," || st.ws[k] == ";" {
			return false
		}
		switch st.tag(k) {
		case "VBD", "VBZ", "VBP", "MD":
			// a finite verb: "after two days of heavy fighting" is a
			// phrase, "after the ships blocked boats" a clause
			return true
		case "VBN", "VBG":
			// a participle after an auxiliary ("after the town was
			// captured"), or a past tense the tagger read as one right
			// after its subject ("after their troops exchanged fire")
			if k > i && !st.inUnit[k-1] && isAux(st.ws[k-1], st.tag(k-1)) ||
				st.tag(k) == "VBN" && k > i && (st.inUnit[k-1] || isNounTag(st.tag(k-1))) && st.word(k+1) != "BY" {
				return true
			}
		}
	}
	return false
}

// subjectVerbAfter reports whether a noun phrase and then a finite verb
// start at word i.
func (st *state) subjectVerbAfter(i int) bool {
	k := i
	for k < len(st.ws) {
		if st.c.opts.News && k > i && st.ws[k] == "SUCH" && st.word(k+1) == "AS" {
			// news: "but groups such as the BIFF rejected": an example
			// names the subject's members
			k += 2
			continue
		}
		if st.inUnit[k] {
			k++
			continue
		}
		switch st.tag(k) {
		case "DT", "PDT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$", "RB":
			k++
			continue
		}
		if st.c.opts.News && k > i && (st.ws[k] == "AND" || st.ws[k] == "OR") && st.inGroup(k) {
			// news: "and Gondor and Rohan condemned": the conjunction of
			// a compound subject is inside the subject
			k++
			continue
		}
		if e := st.appositionEnd(k); st.c.opts.News && k > i && e > k {
			// news: "and Gondor's envoy, Elrond, said": a name between
			// commas after the subject is the subject still
			k = e
			continue
		}
		break
	}
	if k == i || k >= len(st.ws) {
		return false
	}
	switch st.tag(k) {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// appositionEnd returns, when word k is a comma opening a name set off
// by commas (", Elrond,"), the word after the closing comma, else k.
func (st *state) appositionEnd(k int) int {
	if k >= len(st.ws) || st.ws[k] != "," {
		return k
	}
	for e := k + 1; e < len(st.ws) && e < k+6; e++ {
		if st.ws[e] == "," {
			if e > k+1 {
				return e + 1
			}
			return k
		}
		if !st.inUnit[e] && !strings.HasPrefix(st.tag(e), "NNP") {
			return k
		}
	}
	return k
}

// clauseStart returns the first word of the clause holding word i.
func (st *state) clauseStart(i int) int {
	for k := i - 1; k >= 0; k-- {
		if st.bound[k] {
			return k + 1
		}
	}
	return 0
}

// groupIn returns the first group lying in [lo, hi) other than skip.
func (st *state) groupIn(lo, hi int, skip *group) *group {
	for _, g := range st.groups {
		if g.first >= lo && g.last <= hi && g != skip && st.eligible(g) {
			return g
		}
	}
	return nil
}

// targetIn returns the first group lying in [lo, hi) that may be the
// target of src: not src, nor the subject of a later clause that is the
// same single actor ("Sam said he would meet Merry": he is Sam again). A
// compound may act on itself ("A, B and C presented their credentials"):
// each member on the others.
func (st *state) targetIn(lo, hi int, src *group) *group {
	for _, g := range st.groups {
		if g.first >= lo && g.last <= hi && g != src && st.eligible(g) &&
			(src == nil || len(src.members) > 1 || !sameActors(g, src) || !st.subjectAt(g)) {
			return g
		}
	}
	return nil
}

// subjectAt reports whether the group g is followed by a verb (past
// adverbs): the subject of a clause, not an object ("fired at it").
func (st *state) subjectAt(g *group) bool {
	k := g.last
	for k < len(st.ws) && strings.HasPrefix(st.tag(k), "RB") {
		k++
	}
	t := st.tag(k)
	return isVerbTag(t) || t == "MD"
}

// eligible reports whether a group may be a source or target: groups of
// agents without an actor ("---GOV") only when a dyad is not required.
func (st *state) eligible(g *group) bool {
	if st.c.opts.News && st.locative(g) {
		return false
	}
	if !st.c.opts.RequireDyad || !st.c.stem {
		return true
	}
	for _, u := range g.members {
		if u.hasActor || u.pronoun || u.converted {
			return true
		}
	}
	return false
}

// locative reports whether g is a bare place after "in" ("met in
// Muscat", "in Kyiv, officials said"): where something happens, not a
// party to it. A place joined to an agent ("police in Gondor") is a party.
func (st *state) locative(g *group) bool {
	if len(g.members) != 1 {
		return false
	}
	u := g.members[0]
	if !u.hasActor || u.pronoun || len(u.prefix) > 0 || len(u.suffix) > 0 || len(u.linked) > 0 || u.head != nil {
		return false
	}
	if u.first < len(st.ws) && st.ws[u.first] == "IN" || u.first > 0 && st.ws[u.first-1] == "IN" {
		return true
	}
	if st.c.opts.News && u.first > 3 && st.ws[u.first-1] == "OF" && placeNouns[st.ws[u.first-2]] &&
		st.ws[u.first-3] == "THE" && (st.ws[u.first-4] == "IN" || st.ws[u.first-4] == "ACROSS" || st.ws[u.first-4] == "OFF") {
		// news: "in the Gulf of Gondor", "in the north of Gondor": a
		// place named after the country, where it happens
		return true
	}
	// "in Astana, Kazakhstan": the place that qualifies a locative place
	if u.first > 1 && st.ws[u.first-1] == "," {
		if gi := st.groupEndingAt(u.first - 1); gi != nil && gi != g {
			return st.locative(gi)
		}
	}
	return false
}

// placeNouns are the parts of a country or its waters named after it
// ("the Gulf of …", "the north of …").
var placeNouns = wordSet(`GULF SEA BAY STRAIT STRAITS COAST WATERS NORTH SOUTH EAST WEST CENTRE CENTER NORTHEAST NORTHWEST SOUTHEAST SOUTHWEST INTERIOR OUTSKIRTS`)

// targetEnd returns where the search for a target after word i stops: at
// a comma or semicolon that closes the verb's clause.
func (st *state) targetEnd(i int) int {
	if st.c.stem {
		// TABARI: commas end nothing, but a conjunction before another
		// verb ends the verb's clause ("might affirm or allow an attack"),
		// as does one that opens a clause
		for k := i; k+1 < len(st.ws); k++ {
			if st.bound != nil && st.bound[k] && (st.ws[k] == "AND" || st.ws[k] == "BUT") {
				return k
			}
			switch st.ws[k] {
			case "AND", "OR", "BUT":
				j := k + 1
				for j < len(st.ws) && isAux(st.ws[j], st.tag(j)) {
					j++
				}
				if j < len(st.ws) && isVerbTag(st.tag(j)) {
					return k
				}
			}
		}
		return len(st.ws)
	}
	for k := i; k < len(st.ws); k++ {
		if (st.ws[k] == "," || st.ws[k] == ";") && (k > i || st.c.opts.News) && st.groupIn(i, k, nil) == nil && !st.inGroup(k) && !st.adjectiveComma(k) {
			// (news: a comma right after the verb ends its clause too:
			// "refused to concede, and on Monday …")
			return k
		}
		if st.c.opts.News && k > i && (st.ws[k] == "AND" || st.ws[k] == "BUT") && st.verbAfter(k+1) {
			// news: "condemned the move and vowed to protect X": a
			// coordinated verb phrase is not the verb's object
			return k
		}
		if st.bound != nil && st.bound[k] && (k > i && subordinators[st.ws[k]] || st.c.opts.News && adverbialWords[st.ws[k]]) {
			// "shot at officers while in detention in X": what follows
			// a subordinating conjunction is another clause, not the
			// verb's object
			return k
		}
	}
	return len(st.ws)
}

// adjectiveComma reports whether the comma at k separates two adjectives
// ("complete, full ties"), which does not end a clause.
func (st *state) adjectiveComma(k int) bool {
	return st.ws[k] == "," && strings.HasPrefix(st.tag(k-1), "JJ") && strings.HasPrefix(st.tag(k+1), "JJ")
}

// inGroup reports whether word k lies inside a compound ("A, B and C").
func (st *state) inGroup(k int) bool {
	for _, g := range st.groups {
		if g.first < k && k < g.last {
			return true
		}
	}
	return false
}

func (st *state) span(first, last int) news.Span {
	t := st.s.Tokens
	return news.Span{t[first].Span[0], t[last-1].Span[1]}
}

package coder

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"dyad/internal/dictfile"
)

// entryKind tells what a phrase index entry stands for.
type entryKind uint8

const (
	kindActor entryKind = iota
	kindAgent
	kindDiscard
)

// entry is one dictionary phrase in a phraseIndex.
type entry struct {
	words []string
	exact bool // the last word must match whole, even in stem mode
	// strict: the last word, written with TABARI's '=' ("MOUSE="), takes
	// no plural ending either
	strict bool
	// gaps[k] is ' ' when words[k] and words[k+1] were written apart
	// ("ITHILEN TELEVISION"): a few plain words may come between them,
	// as in TABARI's nonconsecutive actor phrases. Empty when every pair
	// must be consecutive.
	gaps string
	rank int    // the entry's place in its phraseIndex list
	rule string // pos as file:line
	kind entryKind
	idx  int // index into the dictionary's Entries
	pos  dictfile.Pos
}

// phraseIndex finds the longest dictionary phrase starting at a word. In
// exact mode it is keyed by the first word; in stem mode by the first two
// letters of the first word (stems are prefixes of the text's words).
type phraseIndex struct {
	stem bool
	m    map[string][]*entry
	// In exact mode, m's actors and agents again (sort builds them): those
	// of several words whose first two words must be consecutive, by those
	// two words, and the others by their first word, so that a common first
	// word ("MINISTER") does not try every phrase it starts. Both keep m's
	// order, which rank records.
	pairs map[wordPair][]*entry
	rest  map[string][]*entry
	// discards are m's discard phrases, by first word (or key), in order
	discards map[string][]*entry
}

// wordPair is the first two words of a phrase.
type wordPair struct{ a, b string }

func keyOf(w string, stem bool) string {
	if stem && len(w) > 2 {
		return w[:2]
	}
	return w
}

func (p *phraseIndex) add(e *entry) {
	if n := len(e.words); n > 0 && strings.HasSuffix(e.words[n-1], "=") {
		e.strict = true
	}
	e.words, e.exact = trimEq(e.words, e.exact)
	if len(e.words) == 0 {
		return
	}
	if len(e.gaps) != len(e.words)-1 || !strings.Contains(e.gaps, " ") {
		e.gaps = ""
	}
	e.rule = e.pos.String()
	k := keyOf(e.words[0], p.stem)
	p.m[k] = append(p.m[k], e)
}

func (p *phraseIndex) sort() {
	p.pairs, p.rest, p.discards = map[wordPair][]*entry{}, map[string][]*entry{}, map[string][]*entry{}
	for k, es := range p.m {
		slices.SortStableFunc(es, func(a, b *entry) int {
			if len(a.words) != len(b.words) {
				return len(b.words) - len(a.words)
			}
			return totalLen(b.words) - totalLen(a.words)
		})
		for r, e := range es {
			e.rank = r
			switch {
			case e.kind == kindDiscard:
				p.discards[k] = append(p.discards[k], e)
			case p.stem:
			case len(e.words) > 1 && (e.gaps == "" || e.gaps[0] != ' '):
				pk := wordPair{e.words[0], e.words[1]}
				p.pairs[pk] = append(p.pairs[pk], e)
			default:
				p.rest[k] = append(p.rest[k], e)
			}
		}
	}
}

// first returns the first entry of es that matches at word i, and the
// word after it.
func (p *phraseIndex) first(es []*entry, ws []string, i int) (*entry, int) {
	for _, e := range es {
		if end, ok := p.matchAt(e, ws, i); ok {
			return e, end
		}
	}
	return nil, i
}

// exactLongest is longest in exact mode for a word with no hyphen: the
// phrases of several words are looked up by the word and the next one.
func (p *phraseIndex) exactLongest(ws []string, i int) (*entry, int) {
	w := ws[i]
	best, bestEnd := p.first(p.rest[w], ws, i)
	j := i + 1
	if j < len(ws) && ws[j] == "_" {
		j++
	}
	if j >= len(ws) {
		return best, bestEnd
	}
	try := func(next string) {
		es := p.pairs[wordPair{w, next}]
		if best != nil {
			// only phrases ranked before the best so far can win
			n := 0
			for n < len(es) && es[n].rank < best.rank {
				n++
			}
			es = es[:n]
		}
		if e, end := p.first(es, ws, i); e != nil {
			best, bestEnd = e, end
		}
	}
	try(ws[j])
	if h := strings.IndexByte(ws[j], '-'); h > 0 {
		try(ws[j][:h]) // "Abu Al-Hassan": the second word before its hyphen
	}
	return best, bestEnd
}

func totalLen(ws []string) int {
	n := 0
	for _, w := range ws {
		n += len(w)
	}
	return n
}

// wordMatch reports whether the text word w matches the dictionary word d.
func wordMatch(d, w string, stem, exact bool) bool {
	if !stem || exact {
		return d == w
	}
	return strings.HasPrefix(w, d)
}

// longest returns the longest actor or agent entry matching ws at i and the
// word after it, or nil. A "_" in the text joins two words of a name
// ("Dol_Amroth"), as the peers write multi-word names.
func (p *phraseIndex) longest(ws []string, i int) (*entry, int) {
	if i >= len(ws) || ws[i] == "" || ws[i] == "_" {
		return nil, i
	}
	w := ws[i]
	try := func(k string) (*entry, int) {
		for _, e := range p.m[k] {
			if e.kind == kindDiscard {
				continue
			}
			if end, ok := p.matchAt(e, ws, i); ok {
				return e, end
			}
		}
		return nil, i
	}
	if !p.stem {
		h := strings.IndexByte(w, '-')
		if h < 0 {
			return p.exactLongest(ws, i)
		}
		e, end := try(w)
		if e == nil && h > 0 {
			e, end = try(w[:h]) // "Al-Qaeda": "AL_QAEDA"
		}
		return e, end
	}
	// stem mode: keys of two letters, or shorter whole words
	var best *entry
	bestEnd := i
	for _, k := range [...]string{keyOf(w, true), w[:min(1, len(w))]} {
		if e, end := try(k); e != nil && (best == nil || len(e.words) > len(best.words) ||
			len(e.words) == len(best.words) && totalLen(e.words) > totalLen(best.words)) {
			best, bestEnd = e, end
		}
		if len(w) <= 1 {
			break
		}
	}
	return best, bestEnd
}

// matchAt matches the words of e at word i and returns the word after them.
func (p *phraseIndex) matchAt(e *entry, ws []string, i int) (int, bool) {
	j := i
	for k := 0; k < len(e.words); k++ {
		d := e.words[k]
		if k > 0 && j < len(ws) && ws[j] == "_" {
			j++
		}
		if j >= len(ws) {
			return i, false
		}
		last := k == len(e.words)-1
		exact := !last || e.exact
		if !wordMatch(d, ws[j], p.stem, exact) && !(last && p.stem && !e.strict && nounEnding(d, ws[j])) {
			if w := ws[j]; len(w) > len(d) && w[len(d)] == '-' && k+1 < len(e.words) {
				n := hyphened(e.words[k:], w)
				if n > 1 {
					// "Al-Gore" is the phrase "AL_GORE" written with a hyphen
					k += n - 1
					j++
					continue
				}
			}
			if k == 0 || e.gaps == "" || e.gaps[k-1] != ' ' {
				return i, false
			}
			// a gap: skip up to maxPhraseGap plain words to the next one,
			// and the quotes around a nickname (Al "the Weasel" Gore)
			g, n := j, 0
			for g < len(ws) && !wordMatch(d, ws[g], p.stem, exact) {
				if isQuote(ws[g]) {
					g++
					continue
				}
				if n == maxPhraseGap || !plainWord(ws[g]) {
					break
				}
				g, n = g+1, n+1
			}
			if g >= len(ws) || !wordMatch(d, ws[g], p.stem, exact) {
				return i, false
			}
			j = g
		}
		j++
	}
	return j, true
}

// hyphened returns how many of the words ds the text word w holds joined
// by hyphens ("AL-GORE" holds "AL" "GORE"), at least two, or 0.
func hyphened(ds []string, w string) int {
	if len(ds) < 2 || strings.IndexByte(w, '-') < 0 {
		return 0
	}
	n := 0
	for _, d := range ds {
		if !strings.HasPrefix(w, d) {
			return 0
		}
		w = w[len(d):]
		n++
		if w == "" {
			if n < 2 {
				return 0
			}
			return n
		}
		if w[0] != '-' {
			return 0
		}
		w = w[1:]
	}
	return 0
}

// nounEnding reports whether w is the TABARI noun d with a plural ending
// ("LIBYA_" matches "Libyas", "RADIO_" "radios"), which TABARI allows even
// on a word that must match whole.
func nounEnding(d, w string) bool {
	return len(w) > len(d) && strings.HasPrefix(w, d) && (w[len(d):] == "S" || w[len(d):] == "ES")
}

// isQuote reports whether a token is a quotation mark.
func isQuote(w string) bool {
	switch w {
	case "``", "''", "\"", "'", "“", "”":
		return true
	}
	return false
}

// maxPhraseGap is the most words a nonconsecutive actor phrase skips
// between two of its words ("Ithilen state-run television").
const maxPhraseGap = 2

// plainWord reports whether a text word may sit inside a nonconsecutive
// phrase: a word, not punctuation, a number, a joining "_" or a
// conjunction, which would end the noun phrase.
func plainWord(w string) bool {
	if w == "" || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	switch w {
	case "AND", "OR", "BUT", "NOR":
		return false
	}
	return true
}

// verbCand is one way a text word can be a dictionary verb.
type verbCand struct {
	block, verb int
	words       []string // the verb phrase in this form
	head        int      // the index in words of the word indexed
	exact       bool
	// gaps[k] is ' ' when words[k] and words[k+1] were written apart in a
	// TABARI dictionary ("DEATH TOLL RISEN"): a word or two may come
	// between them ("death toll has risen"). Empty otherwise.
	gaps string
	rule string // the verb's file:line
}

// synsetIndex lists the members of a synset by their first word, and
// those that start with something else.
type synsetIndex struct {
	byWord map[string][]int
	other  []int
}

// codedPattern is a pattern prepared for matching.
type codedPattern struct {
	p      *dictfile.Pattern
	rule   string // the pattern's file:line
	weight int
	// literal words the sentence must hold after and before the verb
	// (PETRARCH only)
	needAfter, needBefore []string
}

// index holds everything New prepares from a dictionary set.
type index struct {
	set      *dictfile.Set
	stem     bool
	phrases  phraseIndex // actors, agents and discards
	verbs    map[string][]verbCand
	patterns [][]codedPattern // by block
	synsets  map[string]*dictfile.Synset
	// synsetFirst indexes the members of each synset by their first
	// word (PETRARCH only)
	synsetFirst map[string]*synsetIndex
	country     map[string]bool
	// scratch holds *scratch word-index storage for reuse across texts
	scratch sync.Pool
	// nouns and adjectives are TABARI's <NOUN> and <ADJECTIVE> lists
	nouns, adjectives []dictfile.Phrase
	// marks are the TABARI time phrases coded "###" (the sentence is
	// discarded) or "+++" (the sentence is too complex to code)
	marks []timeMark
}

// timeMark is a phrase of a TABARI <TIME> section whose code stops a
// sentence from being coded.
type timeMark struct {
	words   []string
	discard bool // "###"; else "+++"
	pos     dictfile.Pos
}

func buildIndex(set *dictfile.Set, stem bool) *index {
	ix := &index{
		set:     set,
		stem:    stem,
		phrases: phraseIndex{stem: stem, m: map[string][]*entry{}},
		verbs:   map[string][]verbCand{},
		synsets: map[string]*dictfile.Synset{},
		country: map[string]bool{},
	}
	for _, l := range set.Actors.Nouns {
		ix.nouns = append(ix.nouns, l.Phrase)
	}
	for _, l := range set.Actors.Adjectives {
		ix.adjectives = append(ix.adjectives, l.Phrase)
	}
	for i := range set.Actors.Entries {
		a := &set.Actors.Entries[i]
		ix.phrases.add(&entry{words: a.Phrase.Words, exact: a.Phrase.Exact, gaps: a.Phrase.Seps, kind: kindActor, idx: i, pos: a.Pos})
		for _, s := range a.Synonyms {
			ix.phrases.add(&entry{words: s.Phrase.Words, exact: s.Phrase.Exact, gaps: s.Phrase.Seps, kind: kindActor, idx: i, pos: s.Pos})
		}
		if strings.Contains(strings.ToLower(filepath.Base(a.Pos.File)), "countr") {
			for _, c := range a.Codes {
				if len(c.Code) == 3 && isUpperAlpha(c.Code) {
					ix.country[c.Code] = true
				}
			}
		}
	}
	if set.Agents != nil {
		for i := range set.Agents.Entries {
			a := &set.Agents.Entries[i]
			for _, f := range a.Forms() {
				ix.phrases.add(&entry{words: f.Words, exact: f.Exact, kind: kindAgent, idx: i, pos: a.Pos})
			}
		}
	}
	if set.Discards != nil {
		for i := range set.Discards.Entries {
			d := &set.Discards.Entries[i]
			ix.phrases.add(&entry{words: d.Phrase.Words, exact: true, kind: kindDiscard, idx: i, pos: d.Pos})
		}
	}
	ix.phrases.sort()
	for _, b := range set.Verbs.Times {
		if len(b.Verbs) == 0 || !b.Code.IsDiscard() && !b.Code.IsComplex() {
			continue
		}
		ix.marks = append(ix.marks, timeMark{words: b.Verbs[0].Phrase.Words, discard: b.Code.IsDiscard(), pos: b.Pos})
	}
	for i := range set.Verbs.Synsets {
		s := &set.Verbs.Synsets[i]
		var changed bool
		members := make([]dictfile.SynsetMember, len(s.Members))
		for mi, m := range s.Members {
			var ch bool
			m.Tokens, ch = splitContractions(m.Tokens)
			changed = changed || ch
			members[mi] = m
		}
		if changed {
			c := *s
			c.Members = members
			s = &c
		}
		ix.synsets[s.Name] = s
	}
	if !stem {
		ix.synsetFirst = map[string]*synsetIndex{}
		for name, s := range ix.synsets {
			si := &synsetIndex{byWord: map[string][]int{}}
			for mi, m := range s.Members {
				if len(m.Tokens) > 0 && m.Tokens[0].Kind == dictfile.Word {
					si.byWord[m.Tokens[0].Text] = append(si.byWord[m.Tokens[0].Text], mi)
				} else {
					si.other = append(si.other, mi)
				}
			}
			ix.synsetFirst[name] = si
		}
	}
	ix.patterns = make([][]codedPattern, len(set.Verbs.Blocks))
	for bi := range set.Verbs.Blocks {
		b := &set.Verbs.Blocks[bi]
		for vi := range b.Verbs {
			ix.addVerb(bi, vi, &b.Verbs[vi])
		}
		ps := make([]codedPattern, 0, len(b.Patterns))
		for pi := range b.Patterns {
			p := &b.Patterns[pi]
			pb, pa := p.Before, p.After
			if stem {
				pb, pa = wholeJoined(pb), wholeJoined(pa)
			}
			before, ch1 := splitContractions(pb)
			after, ch2 := splitContractions(pa)
			ch1 = ch1 || len(pb) > 0 && &pb[0] != &p.Before[0]
			ch2 = ch2 || len(pa) > 0 && &pa[0] != &p.After[0]
			if ch1 || ch2 {
				c := *p
				c.Before, c.After = before, after
				p = &c
			}
			cp := codedPattern{p: p, rule: p.Pos.String(), weight: patternWeight(p)}
			if !stem {
				for _, t := range p.After {
					if t.Kind == dictfile.Word {
						cp.needAfter = append(cp.needAfter, t.Text)
					}
				}
				for _, t := range p.Before {
					if t.Kind == dictfile.Word {
						cp.needBefore = append(cp.needBefore, t.Text)
					}
				}
			}
			ps = append(ps, cp)
		}
		slices.SortStableFunc(ps, func(a, b codedPattern) int { return b.weight - a.weight })
		ix.patterns[bi] = ps
	}
	return ix
}

func isUpperAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// patternWeight orders patterns most specific first: more literal words,
// then more tokens.
func patternWeight(p *dictfile.Pattern) int {
	w := 0
	count := func(ts []dictfile.Token) {
		for _, t := range ts {
			switch t.Kind {
			case dictfile.Word:
				w += 10
			case dictfile.SynsetRef:
				w += 9 // a word is more specific than a set of words
			case dictfile.NounPhrase, dictfile.PrepPhrase:
				w += 10 * len(t.Sub)
			case dictfile.Choice:
				w += 10
			case dictfile.Source, dictfile.Target, dictfile.Compound:
				w += 3
			default:
				w++
			}
		}
	}
	count(p.Before)
	count(p.After)
	return w
}

func (ix *index) addVerb(bi, vi int, v *dictfile.Verb) {
	add := func(words []string, head int, exact bool, seps string) {
		words, exact = trimEq(words, exact)
		if head >= len(words) {
			head = 0
		}
		k := words[head]
		if ix.stem {
			k = keyOf(k, true)
		}
		gaps := ""
		if ix.stem && head == 0 && len(seps) == len(words)-1 && strings.Contains(seps, " ") {
			gaps = seps
		}
		ix.verbs[k] = append(ix.verbs[k], verbCand{block: bi, verb: vi, words: words, head: head, exact: exact, gaps: gaps, rule: v.Pos.String()})
		if !ix.stem && head != 0 {
			// "will not wire tap": the phrase is also found from its first
			// word, which the tagger may read as the verb when it does not
			// read the marked one so
			ix.verbs[words[0]] = append(ix.verbs[words[0]], verbCand{block: bi, verb: vi, words: words, head: 0, exact: exact, rule: v.Pos.String()})
		}
	}
	ws := v.Phrase.Words
	if len(ws) == 0 {
		return
	}
	if ix.stem {
		// TABARI: the verb is a stem unless it ends in '_'; forms are listed.
		add(ws, v.Head, v.Phrase.Exact || len(ws[v.Head]) < 3, v.Phrase.Seps)
		for _, f := range v.Forms {
			// a form is a stem too unless it ends in '_' ("{ACTING_
			// ACTUALITY}": "actualities" is a form, "actings" is not)
			if len(f.Phrase.Words) > 0 {
				add(f.Phrase.Words, f.Head, f.Phrase.Exact || f.Head < len(f.Phrase.Words) && len(f.Phrase.Words[f.Head]) < 3, f.Phrase.Seps)
			}
		}
		return
	}
	add(ws, v.Head, true, "")
	head := ws[v.Head]
	var forms []string
	if v.HasForms {
		forms = dictfile.RegularVerbForms(head)[:1]
		for _, f := range v.Forms {
			if len(f.Phrase.Words) > 0 {
				add(f.Phrase.Words, f.Head, true, "")
			}
		}
	} else {
		forms = dictfile.RegularVerbForms(head)
	}
	for _, f := range forms {
		w := slices.Clone(ws)
		w[v.Head] = f
		add(w, v.Head, true, "")
	}
}

// verbCode is the code of a candidate verb: its own, else its block's.
func (ix *index) verbCode(vc verbCand) dictfile.Code {
	blk := &ix.set.Verbs.Blocks[vc.block]
	if v := &blk.Verbs[vc.verb]; v.HasCode {
		return v.Code
	}
	return blk.Code
}

// discard returns the first discard phrase in ws and whether it discards
// the story.
func (ix *index) discard(ws []string) (*dictfile.Discard, bool) {
	if ix.set.Discards == nil {
		return nil, false
	}
	for i := range ws {
		k := ws[i]
		if ix.stem {
			k = keyOf(k, true)
		}
		for _, e := range ix.phrases.discards[k] {
			if i+len(e.words) > len(ws) {
				continue
			}
			ok := true
			for j, d := range e.words {
				if ws[i+j] != d {
					ok = false
					break
				}
			}
			if ok {
				d := &ix.set.Discards.Entries[e.idx]
				return d, d.Story
			}
		}
	}
	return nil, false
}

// timeMark returns the first time phrase of ix.marks that occurs in ws,
// or nil.
func (ix *index) timeMark(ws []string) *timeMark {
	for k := range ix.marks {
		m := &ix.marks[k]
		for i := 0; i+len(m.words) <= len(ws); i++ {
			if slices.Equal(ws[i:i+len(m.words)], m.words) {
				return m
			}
		}
	}
	return nil
}

// trimEq drops TABARI's '=' after a last word ("BAN="), which asks for the
// word itself.
func trimEq(ws []string, exact bool) ([]string, bool) {
	if n := len(ws); n > 0 && len(ws[n-1]) > 1 && strings.HasSuffix(ws[n-1], "=") {
		ws = slices.Clone(ws)
		ws[n-1] = strings.TrimSuffix(ws[n-1], "=")
		return ws, true
	}
	return ws, exact
}

// verbEnding reports whether w is the TABARI verb d with a regular ending.
// A verb of one syllable ending in a consonant after a single vowel
// doubles that consonant before -ED, -EN and -ING ("BAN": "banned",
// "banning", never "baned", "baning").
func verbEnding(d, w string) bool {
	if !strings.HasPrefix(w, d) {
		return strings.HasSuffix(d, "E") && w == d[:len(d)-1]+"ING"
	}
	switch end := w[len(d):]; end {
	case "", "S", "ES", "D":
		return true
	case "ED", "EN", "ING":
		return !doubles(d)
	default:
		return doubles(d) && end[0] == d[len(d)-1] && (end[1:] == "ED" || end[1:] == "EN" || end[1:] == "ING")
	}
}

// doubles reports whether the verb d is one syllable ending in a single
// vowel and a consonant other than W, X or Y ("BAN", "STOP"), whose final
// consonant doubles before a vowel ending.
func doubles(d string) bool {
	n := len(d)
	if n < 3 || !isVowel(d[n-2]) || isVowel(d[n-1]) || isVowel(d[n-3]) || strings.ContainsRune("WXY", rune(d[n-1])) {
		return false
	}
	for i := 0; i < n-2; i++ {
		if isVowel(d[i]) {
			return false
		}
	}
	return true
}

func isVowel(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }

// contractionSuffixes are the endings the tokenizer splits from a word
// ("did|n't", "Gondor|'s"), as the Penn Treebank does.
var contractionSuffixes = []string{"N'T", "'S", "'RE", "'LL", "'VE", "'M", "'D"}

// splitContraction splits a dictionary word the way the tokenizer splits
// the text ("DIDN'T" → "DID" "N'T"), or returns nil when it is one token.
func splitContraction(w string) []string {
	for _, suf := range contractionSuffixes {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) && isUpperAlpha(w[:len(w)-len(suf)]) {
			return []string{w[:len(w)-len(suf)], suf}
		}
	}
	return nil
}

// wholeJoined returns TABARI pattern tokens with every word joined to the
// next by '_' made a whole-word match ("FOR_ASYLUM" does not match
// "foreign asylum"), except words marked '~', which stay stems; ts itself
// when no word is joined, else a copy.
func wholeJoined(ts []dictfile.Token) []dictfile.Token {
	var out []dictfile.Token
	for i, t := range ts {
		nt := t
		switch {
		case t.Kind == dictfile.Word && t.Join && !t.Exact && !strings.HasSuffix(t.Text, "~"):
			nt.Exact = true
		case t.Kind == dictfile.Choice:
			var alts [][]dictfile.Token
			for ai, alt := range t.Alts {
				if a := wholeJoined(alt); len(a) > 0 && &a[0] != &alt[0] {
					if alts == nil {
						alts = slices.Clone(t.Alts)
					}
					alts[ai] = a
				}
			}
			if alts != nil {
				nt.Alts = alts
			}
		}
		if out == nil && (nt.Exact != t.Exact || nt.Kind == dictfile.Choice && len(nt.Alts) > 0 && len(t.Alts) > 0 && &nt.Alts[0] != &t.Alts[0]) {
			out = append(make([]dictfile.Token, 0, len(ts)), ts[:i]...)
		}
		if out != nil {
			out = append(out, nt)
		}
	}
	if out == nil {
		return ts
	}
	return out
}

// splitContractions returns the pattern tokens with their contracted words
// split as the text's are ("DIDN'T" matches "did n't"): the pieces must be
// adjacent and the first matches whole. It also drops TABARI's stem mark
// '~' from a word. It reports whether any token changed; ts itself is
// never changed.
func splitContractions(ts []dictfile.Token) ([]dictfile.Token, bool) {
	var out []dictfile.Token
	changed := false
	for i, t := range ts {
		var parts []string
		switch t.Kind {
		case dictfile.Word:
			if w, ok := strings.CutSuffix(t.Text, "~"); ok && w != "" {
				// TABARI's "~_" connector ("REAL~_PLEASANT"): the word
				// before it is a stem ("really", "real") even when joined
				// to the next word.
				t.Text, t.Exact = w, false
				parts = []string{}
				break
			}
			parts = splitContraction(t.Text)
		case dictfile.NounPhrase, dictfile.PrepPhrase:
			if sub, ch := splitContractions(t.Sub); ch {
				t.Sub = sub
				parts = []string{}
			}
		case dictfile.Choice:
			var alts [][]dictfile.Token
			for ai, alt := range t.Alts {
				if a, ch := splitContractions(alt); ch {
					if alts == nil {
						alts = slices.Clone(t.Alts)
					}
					alts[ai] = a
				}
			}
			if alts != nil {
				t.Alts = alts
				parts = []string{}
			}
		}
		if parts == nil {
			if changed {
				out = append(out, t)
			}
			continue
		}
		if !changed {
			changed = true
			out = append(make([]dictfile.Token, 0, len(ts)+1), ts[:i]...)
		}
		if len(parts) == 0 {
			out = append(out, t)
			continue
		}
		first, last := t, t
		first.Text, first.Join, first.Exact = parts[0], true, true
		last.Text = parts[1]
		out = append(out, first, last)
	}
	if !changed {
		return ts, false
	}
	return out, true
}

// phraseConj reports whether the conjunction at ws[i] joins two words of
// TABARI's <NOUN> and <ADJECTIVE> lists into one phrase rather than two
// clauses: a noun, then adjectives and a noun ("sheep and goats", "sheep
// and fat goats"), or an adjective and an adjective ("awful and evil").
func (ix *index) phraseConj(ws []string, i int) bool {
	if len(ix.nouns) == 0 && len(ix.adjectives) == 0 {
		return false
	}
	if ix.listedEnding(ix.nouns, ws, i) {
		k := i + 1
		for {
			if end, ok := ix.listedStarting(ix.nouns, ws, k); ok && end > k {
				return true
			}
			end, ok := ix.listedStarting(ix.adjectives, ws, k)
			if !ok {
				break
			}
			k = end
		}
	}
	if ix.listedEnding(ix.adjectives, ws, i) {
		if _, ok := ix.listedStarting(ix.adjectives, ws, i+1); ok {
			return true
		}
	}
	return false
}

// listedStarting reports whether a phrase of list starts at ws[k], and
// where it ends.
func (ix *index) listedStarting(list []dictfile.Phrase, ws []string, k int) (int, bool) {
	for _, p := range list {
		if k+len(p.Words) > len(ws) {
			continue
		}
		ok := true
		for j, w := range p.Words {
			if !ix.listWord(w, ws[k+j], j == len(p.Words)-1 && p.Exact) {
				ok = false
				break
			}
		}
		if ok {
			return k + len(p.Words), true
		}
	}
	return k, false
}

// listedEnding reports whether a phrase of list ends right before ws[k].
func (ix *index) listedEnding(list []dictfile.Phrase, ws []string, k int) bool {
	for _, p := range list {
		lo := k - len(p.Words)
		if lo < 0 {
			continue
		}
		ok := true
		for j, w := range p.Words {
			if !ix.listWord(w, ws[lo+j], j == len(p.Words)-1 && p.Exact) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// listWord reports whether text word w matches dictionary word d: whole,
// or in stem mode as a prefix unless exact.
func (ix *index) listWord(d, w string, exact bool) bool {
	if ix.stem && !exact {
		return strings.HasPrefix(w, d)
	}
	return w == d
}

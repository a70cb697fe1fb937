// Package quote finds the quotations in a news Document and attributes each
// to its speaker, as a reader would.
//
// Quotes are found from the quotation marks of the cleaned text (straight,
// curly, single and angle marks; an unclosed mark closes at the end of its
// paragraph, or continues into the next paragraph when that one opens with
// a mark). A quote's text is the words between its marks, without the white
// space and the trailing comma next to the marks; a quote running over
// several paragraphs gives one Quote per paragraph, all with the same
// speaker. A quote is "direct" when it starts its sentence or follows a
// colon, or a comma after a speech verb ("he said, "…""); otherwise it is
// "partial" (words quoted inside a sentence). Indirect speech is not
// reported.
//
// The speaker comes from a speech cue next to the quote ("X said", "said X",
// "X told reporters", "according to X", "in X's words", "X: "…"" in a
// title), else from the speaker of the quote before it in the same
// paragraph, else, for a paragraph that opens with a quote, from the last
// speech of the paragraph before. Pronouns resolve to the last fitting
// person named before them, definite descriptions ("the spokesman") to the
// person introduced with that role, and surnames to the full name
// introduced in the article. Person entities are used when the Document
// has them; without them, names are found from capitalisation and titles.
// Where nothing attributes a quote, its speaker stays empty.
package quote

import (
	"sort"
	"strings"

	"dyad/news"
)

// The kinds of quote.
const (
	KindDirect   = "direct"
	KindPartial  = "partial"
	KindIndirect = "indirect"
)

// Find returns the quotes of doc in text order. Every Quote's Text is
// doc.Text[Span[0]:Span[1]], and every SpeakerSpan lies within the text.
func Find(doc news.Document) []news.Quote {
	pieces := scanBlocks(doc.Text, doc.Blocks)
	if len(pieces) == 0 {
		return nil
	}
	a := newAnalysis(doc, pieces)
	return a.run()
}

// speaker is a resolved speaker.
type speaker struct {
	name  string
	span  news.Span
	actor string
	ok    bool
}

// attribution is a speaker with the cue that attributes it.
type attribution struct {
	sp  speaker
	cue string
	pos int // byte offset of the cue
}

// person is one person known in the document.
type person struct {
	name   string
	last   string
	gender byte // 'f', 'm' or 0
	roles  map[string]bool
	actor  string
}

// mention is a mention of a person outside quotes.
type mention struct {
	pos, end int
	person   int
	poss     bool // possessive ("Putin's")
}

// analysis is the working state of one Find call.
type analysis struct {
	text     string
	blocks   []news.Block
	toks     [][]news.Token // tokens per block
	inQ      [][]bool       // per block token: inside a quote (marks included)
	pieces   []piece
	ranges   []tokRange // token range of each piece in its block
	ents     []news.Entity
	people   []person
	byName   map[string]int
	mentions []mention
}

// tokRange is the token range [first, last) of a piece in its block.
type tokRange struct{ first, last int }

func newAnalysis(doc news.Document, pieces []piece) *analysis {
	a := &analysis{
		text:   doc.Text,
		blocks: doc.Blocks,
		toks:   make([][]news.Token, len(doc.Blocks)),
		inQ:    make([][]bool, len(doc.Blocks)),
		pieces: pieces,
		ranges: make([]tokRange, len(pieces)),
		byName: make(map[string]int),
	}
	n := len(doc.Text)
	valid := func(s news.Sentence) bool { return s.Block >= 0 && s.Block < len(a.toks) }
	// The blocks' tokens share one array, each block's part capped at its
	// count, instead of each block's list growing token by token.
	count := make([]int, len(doc.Blocks))
	for _, s := range doc.Sentences {
		if valid(s) {
			for _, t := range s.Tokens {
				if t.Span.In(n) && t.Span.Len() > 0 {
					count[s.Block]++
				}
			}
		}
	}
	total := 0
	for _, c := range count {
		total += c
	}
	all, inQ := make([]news.Token, total), make([]bool, total)
	at := 0
	for bi, c := range count {
		a.toks[bi] = all[at : at : at+c]
		a.inQ[bi] = inQ[at : at+c : at+c]
		at += c
	}
	for _, s := range doc.Sentences {
		if valid(s) {
			for _, t := range s.Tokens {
				if t.Span.In(n) && t.Span.Len() > 0 {
					a.toks[s.Block] = append(a.toks[s.Block], t)
				}
			}
		}
	}
	for i, p := range pieces {
		ts := a.toks[p.block]
		f := sort.Search(len(ts), func(k int) bool { return ts[k].Span[0] >= p.outer[0] })
		l := sort.Search(len(ts), func(k int) bool { return ts[k].Span[0] >= p.outer[1] })
		a.ranges[i] = tokRange{f, l}
		for k := f; k < l; k++ {
			a.inQ[p.block][k] = true
		}
	}
	a.ents = make([]news.Entity, 0, len(doc.Entities))
	for _, e := range doc.Entities {
		if e.Span.In(n) {
			a.ents = append(a.ents, e)
		}
	}
	sort.SliceStable(a.ents, func(i, j int) bool { return a.ents[i].Span[0] < a.ents[j].Span[0] })
	a.buildPeople()
	return a
}

// run attributes every piece and builds the quotes.
func (a *analysis) run() []news.Quote {
	n := len(a.pieces)
	kinds := make([]string, n)
	attrs := make([]attribution, n)
	for i := range a.pieces {
		kinds[i], attrs[i] = a.attribute(i)
	}
	// A quote running over several paragraphs shares one speaker.
	for i := 0; i < n; {
		j := i
		for j+1 < n && a.pieces[j].contNext && a.pieces[j+1].contPrev {
			j++
		}
		if j > i {
			var best attribution
			for k := i; k <= j; k++ {
				if attrs[k].sp.ok {
					best = attrs[k]
					break
				}
			}
			if best.sp.ok {
				for k := i; k <= j; k++ {
					if !attrs[k].sp.ok {
						attrs[k] = best
					}
				}
			}
		}
		i = j + 1
	}
	// Quotes without their own attribution take the speaker before them.
	for i := range a.pieces {
		if attrs[i].sp.ok {
			continue
		}
		attrs[i] = a.inherit(i, attrs)
	}
	out := make([]news.Quote, 0, n)
	for i, p := range a.pieces {
		q := news.Quote{Text: a.text[p.span[0]:p.span[1]], Span: p.span, Kind: kinds[i], Cue: attrs[i].cue}
		if sp := attrs[i].sp; sp.ok {
			q.Speaker, q.SpeakerActor = sp.name, sp.actor
			if sp.span.In(len(a.text)) && sp.span.Len() > 0 {
				s := sp.span
				q.SpeakerSpan = &s
			}
		}
		out = append(out, q)
	}
	return out
}

// stretches returns the token ranges of the clause before piece i (back to
// the sentence start or the previous quote) and after it (to the sentence
// end or the next quote).
func (a *analysis) stretches(i int) (b0, f, l, e0 int) {
	p := a.pieces[i]
	ts, in := a.toks[p.block], a.inQ[p.block]
	f, l = a.ranges[i].first, a.ranges[i].last
	b0 = f
	for b0 > 0 && !in[b0-1] && ts[b0-1].Tag != "." {
		b0--
	}
	e0 = l
	for e0 < len(ts) && !in[e0] && ts[e0].Tag != "." {
		e0++
	}
	return b0, f, l, e0
}

// attribute decides the kind of piece i and its own attribution, if any.
func (a *analysis) attribute(i int) (string, attribution) {
	p := a.pieces[i]
	ts := a.toks[p.block]
	b0, f, l, e0 := a.stretches(i)
	kind := KindPartial
	switch {
	case p.contPrev || b0 == f:
		kind = KindDirect
	case ts[f-1].Text == ":":
		kind = KindDirect
	case ts[f-1].Text == "," && (isCap(a.text[p.span[0]:p.span[1]]) || a.hasCue(ts, b0, f)):
		kind = KindDirect
	}
	if kind == KindDirect {
		if at, ok := a.after(p.block, l, e0); ok {
			return kind, at
		}
		if at, ok := a.before(p.block, b0, f); ok {
			return kind, at
		}
		if f-1 > b0 && ts[f-1].Text == ":" {
			if at, ok := a.colonIntro(p.block, b0, f-1); ok {
				return kind, at
			}
		}
		return kind, attribution{}
	}
	if at, ok := a.before(p.block, b0, f); ok {
		return kind, at
	}
	if at, ok := a.after(p.block, l, e0); ok {
		return kind, at
	}
	return kind, attribution{}
}

// hasCue reports whether ts[lo:hi] holds a speech cue.
func (a *analysis) hasCue(ts []news.Token, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if isCue(ts, k, lo) {
			return true
		}
	}
	return false
}

// isCue reports whether ts[k] is a speech verb (ts[lo:] is the clause).
func isCue(ts []news.Token, k, lo int) bool {
	w := ts[k].Text
	amb, ok := cueVerbs[w]
	if !ok {
		return false
	}
	tag := ts[k].Tag
	prev := k - 1
	for prev >= lo && (strings.HasPrefix(ts[prev].Tag, "RB") || ts[prev].Tag == "MD") {
		prev--
	}
	if w == "according" {
		return k+1 < len(ts) && ts[k+1].Text == "to"
	}
	if amb && !strings.HasPrefix(tag, "VB") {
		if prev < lo {
			return false
		}
		switch ts[prev].Tag {
		case "PRP", "NNP", "NNPS", "NN", "NNS", ",":
		default:
			return false
		}
	}
	if strings.HasSuffix(w, "ed") || w == "told" || w == "said" || w == "wrote" {
		if prev >= lo {
			switch lower(ts[prev].Text) {
			case "was", "were", "is", "are", "been", "being", "be", "'s", "so-called":
				return false
			}
		}
	}
	if strings.HasSuffix(w, "ing") {
		return strings.HasPrefix(tag, "VB") && prev >= lo && ts[prev].Tag == ","
	}
	return true
}

// after looks for the attribution in ts[l:e0], the clause after a quote.
func (a *analysis) after(bi, l, e0 int) (attribution, bool) {
	ts := a.toks[bi]
	first := l
	for first < e0 && !hasLetter(ts[first].Text) {
		first++
	}
	if at, ok := a.wordsOf(bi, first, e0); ok {
		return at, true
	}
	for k := first; k < e0; k++ {
		if !isCue(ts, k, first) {
			continue
		}
		if at, ok := a.cueAt(bi, first, e0, k, k == first); ok {
			return at, true
		}
	}
	return attribution{}, false
}

// before looks for the attribution in ts[b0:f], the clause before a quote:
// the speech verb nearest the quote, or a title's "Name: "…"".
func (a *analysis) before(bi, b0, f int) (attribution, bool) {
	ts := a.toks[bi]
	if at, ok := a.wordsOf(bi, b0, f); ok {
		return at, true
	}
	for k := f - 1; k >= b0; k-- {
		if !isCue(ts, k, b0) || strings.HasSuffix(ts[k].Text, "ing") && ts[k].Text != "according" {
			continue
		}
		if at, ok := a.cueAt(bi, b0, f, k, false); ok {
			return at, true
		}
	}
	if f-b0 >= 2 && ts[f-1].Text == ":" && a.blocks[bi].Kind != news.BlockParagraph {
		lo, hi := npBackward(ts, b0, f-2)
		if lo == b0 && hi == f-1 {
			if sp := a.resolve(bi, lo, hi); sp.ok {
				return attribution{sp: sp, pos: ts[f-1].Span[0]}, true
			}
		}
	}
	return attribution{}, false
}

// colonIntro attributes a quote introduced by a clause ending in a colon
// with no speech verb ("Nadia Lund, an analyst, put it bluntly: "…"", "The
// economist summed up the mood: "…""): the speaker is the subject of the
// clause, ts[b0:c] (c is the colon), when that subject is a person, a
// named speaker or a role ("the analyst"), not a thing ("The message was
// clear: "…"").
func (a *analysis) colonIntro(bi, b0, c int) (attribution, bool) {
	ts := a.toks[bi]
	for v := b0 + 1; v < c; v++ {
		switch ts[v].Tag {
		case "VBD", "VBZ", "VBP":
		default:
			continue
		}
		lo, hi := subjectBefore(ts, b0, v)
		if lo >= hi || !speakerLike(ts[hi-1]) {
			continue
		}
		sp := a.resolve(bi, lo, hi)
		if !sp.ok {
			continue
		}
		// The cue is the verb phrase up to the colon when short ("put it
		// bluntly"), else the verb.
		end := v
		if c-v <= 4 {
			end = c - 1
		}
		return attribution{sp: sp, cue: a.text[ts[v].Span[0]:ts[end].Span[1]], pos: ts[v].Span[0]}, true
	}
	return attribution{}, false
}

// speakerLike reports whether a noun phrase ending in t can be a speaker:
// a name, a personal pronoun or a role noun ("analyst", "officials").
func speakerLike(t news.Token) bool {
	w := lower(t.Text)
	switch {
	case t.Tag == "PRP":
		return personPronouns[w] || w == "they"
	case isCap(t.Text):
		return true
	}
	return roleNouns[w] || roleNouns[strings.TrimSuffix(w, "s")] || w == "officials" || w == "people"
}

// wordsOf finds "in X's words" and "in the words of X" in ts[lo:hi].
func (a *analysis) wordsOf(bi, lo, hi int) (attribution, bool) {
	ts := a.toks[bi]
	for k := lo; k < hi; k++ {
		if lower(ts[k].Text) != "words" || k-1 < lo {
			continue
		}
		if ts[k-1].Tag == "POS" {
			nlo, nhi := npBackward(ts, lo, k-2)
			if nlo < nhi && nlo > lo && lower(ts[nlo-1].Text) == "in" {
				if sp := a.resolve(bi, nlo, nhi); sp.ok {
					return attribution{sp: sp, cue: "in " + a.text[ts[nlo].Span[0]:ts[k].Span[1]], pos: ts[k].Span[0]}, true
				}
			}
		}
		if k+2 < hi && lower(ts[k+1].Text) == "of" && k-2 >= lo && lower(ts[k-1].Text) == "the" && lower(ts[k-2].Text) == "in" {
			nlo, nhi := npForward(ts, k+2, hi)
			if sp := a.resolve(bi, nlo, nhi); sp.ok {
				return attribution{sp: sp, cue: "in the words of", pos: ts[k].Span[0]}, true
			}
		}
	}
	return attribution{}, false
}

// cueAt attributes the speech verb ts[k] within the clause ts[lo:hi]:
// its subject, or the noun phrase after it when it comes first ("said
// Kerry") or is "according to".
func (a *analysis) cueAt(bi, lo, hi, k int, inverted bool) (attribution, bool) {
	ts := a.toks[bi]
	w := ts[k].Text
	if w == "according" {
		nlo, nhi := npForward(ts, k+2, hi)
		if sp := a.resolve(bi, nlo, nhi); sp.ok {
			return attribution{sp: sp, cue: "according to", pos: ts[k].Span[0]}, true
		}
		return attribution{}, false
	}
	cue := w
	var nlo, nhi int
	if !inverted {
		nlo, nhi = subjectBefore(ts, lo, k)
	}
	if nlo >= nhi {
		j := k + 1
		for j < hi && strings.HasPrefix(ts[j].Tag, "RB") {
			j++
		}
		nlo, nhi = npForward(ts, j, hi)
		if nlo >= nhi || lower(ts[nlo].Text) == "that" {
			return attribution{}, false
		}
		// "says her neighbour, Samuel Otieno": the name set off after it.
		if !isCap(ts[nhi-1].Text) && nhi+1 < hi && ts[nhi].Text == "," && isCap(ts[nhi+1].Text) {
			if alo, ahi := npForward(ts, nhi+1, hi); alo < ahi && isCap(ts[ahi-1].Text) {
				nlo, nhi = alo, ahi
			}
		}
	} else {
		cue = a.cueText(ts, k, hi)
	}
	sp := a.resolve(bi, nlo, nhi)
	if !sp.ok {
		return attribution{}, false
	}
	return attribution{sp: sp, cue: cue, pos: ts[k].Span[0]}, true
}

// cueText extends a cue with its object or setting: "told reporters",
// "said in a statement", "wrote on X".
func (a *analysis) cueText(ts []news.Token, k, hi int) string {
	end := k + 1
	switch lw := lower(ts[k].Text); {
	case lw == "told" || lw == "tells" || lw == "tell":
		if end < hi {
			if _, e := npForward(ts, end, hi); e > end {
				end = e
			}
		}
	case end < hi && (lower(ts[end].Text) == "in" || lower(ts[end].Text) == "on"):
		if _, e := npForward(ts, end+1, hi); e > end+1 && e-end <= 5 {
			end = e
		}
	case lw == "pointed" && end < hi && lower(ts[end].Text) == "out":
		end++
	}
	return a.text[ts[k].Span[0]:ts[end-1].Span[1]]
}

// isNPTag reports whether a token with tag t can be inside a noun phrase.
func isNPTag(t string) bool {
	switch t {
	case "NNP", "NNPS", "NN", "NNS", "JJ", "JJR", "JJS", "CD", "POS", "DT", "PRP", "PRP$", "FW", "VBN", "HYPH":
		return true
	}
	return false
}

// subjectBefore finds the subject of the verb ts[v] within ts[lo:v].
func subjectBefore(ts []news.Token, lo, v int) (int, int) {
	k := v - 1
	for k >= lo {
		t := ts[k]
		lw := lower(t.Text)
		if strings.HasPrefix(t.Tag, "RB") || t.Tag == "MD" || lw == "not" || lw == "n't" {
			k--
			continue
		}
		switch lw {
		case "has", "have", "had", "did", "does", "do", "will", "would", "also", "then", "later", "again", "is", "was", "were", "are":
			k--
			continue
		}
		break
	}
	if k < lo {
		return 0, 0
	}
	// "He looked to Lavrov and continued": the subject of the first verb.
	if lw := lower(ts[k].Text); ts[k].Tag == "CC" && (lw == "and" || lw == "but") {
		for j := k - 1; j > lo && j > k-12; j-- {
			if strings.HasPrefix(ts[j].Tag, "VB") {
				return subjectBefore(ts, lo, j)
			}
			if ts[j].Text == "," || ts[j].Tag == "." {
				break
			}
		}
		return 0, 0
	}
	if ts[k].Text == "," {
		// "X, a Russian analyst, says": skip the appositive back to its comma.
		j := k - 1
		for j >= lo && ts[j].Text != "," && ts[j].Tag != "." {
			j--
		}
		if j < lo || ts[j].Text != "," || j == k-1 {
			return 0, 0
		}
		// "the city's police commander, Joseph Mwangi, said": the name.
		// Only a name: "a trader in Oslo" ends in a capital but describes
		// the subject before it.
		if alo, ahi := npBackward(ts, j+1, k-1); alo == j+1 && ahi == k && isCap(ts[k-1].Text) && !orgWords[lower(ts[k-1].Text)] && allCap(ts[alo:ahi]) {
			return alo, ahi
		}
		k = j - 1
		if k < lo {
			return 0, 0
		}
	}
	if (lower(ts[k].Text) == "who" || lower(ts[k].Text) == "which") && k-1 >= lo && ts[k-1].Text == "," {
		k -= 2
		if k < lo {
			return 0, 0
		}
	}
	return npBackward(ts, lo, k)
}

// allCap reports whether every word of ts is capitalised (a name or title).
func allCap(ts []news.Token) bool {
	for _, t := range ts {
		if hasLetter(t.Text) && !isCap(t.Text) {
			return false
		}
	}
	return true
}

// npBackward collects the noun phrase that ends at ts[k], not before lo.
func npBackward(ts []news.Token, lo, k int) (int, int) {
	if k < lo || k >= len(ts) || !isNPTag(ts[k].Tag) && !isCap(ts[k].Text) {
		return 0, 0
	}
	if ts[k].Tag == "PRP" {
		if personPronouns[lower(ts[k].Text)] || lower(ts[k].Text) == "they" {
			return k, k + 1
		}
		return 0, 0
	}
	j := k
	for j >= lo && j > k-10 {
		t := ts[j]
		if t.Tag == "DT" || t.Tag == "PRP$" {
			j--
			break
		}
		if t.Tag == "PRP" || t.Tag == "VBN" && j == k {
			break
		}
		if t.Tag == "NNS" && j < k && !isCap(t.Text) {
			break
		}
		if isNPTag(t.Tag) || isCap(t.Text) && t.Tag != "." && hasLetter(t.Text) {
			j--
			continue
		}
		lw := lower(t.Text)
		if (lw == "of" || lw == "for" || lw == "at") && j-1 >= lo && (ts[j-1].Tag == "NN" || ts[j-1].Tag == "NNP") {
			j--
			continue
		}
		break
	}
	lo2 := j + 1
	for lo2 <= k && (lower(ts[lo2].Text) == "of" || lower(ts[lo2].Text) == "for" || lower(ts[lo2].Text) == "at") {
		lo2++
	}
	if lo2 > k {
		return 0, 0
	}
	// "a man in a Banda T-shirt", "officials in Gaza": a common noun before a preposition.
	if p := lo2 - 1; p-1 >= lo && ts[p].Tag == "IN" && (lower(ts[p].Text) == "in" || lower(ts[p].Text) == "from") &&
		(ts[p-1].Tag == "NN" || ts[p-1].Tag == "NNS") && !isCap(ts[p-1].Text) {
		if l2, h2 := npBackward(ts, lo, p-1); l2 < h2 {
			return l2, k + 1
		}
	}
	return lo2, k + 1
}

// npForward collects the noun phrase that starts at ts[j], before hi.
func npForward(ts []news.Token, j, hi int) (int, int) {
	if j >= hi || j >= len(ts) {
		return 0, 0
	}
	if ts[j].Tag == "PRP" {
		if personPronouns[lower(ts[j].Text)] || lower(ts[j].Text) == "they" {
			return j, j + 1
		}
		return 0, 0
	}
	k := j
	for k < hi && k < j+10 {
		t := ts[k]
		if isNPTag(t.Tag) && t.Tag != "PRP" || isCap(t.Text) && hasLetter(t.Text) {
			if (t.Tag == "DT" || t.Tag == "PRP$") && k > j {
				break
			}
			k++
			continue
		}
		lw := lower(t.Text)
		if (lw == "of" || lw == "for" || lw == "at") && k > j && k+1 < hi && (ts[k-1].Tag == "NN" || ts[k-1].Tag == "NNS") {
			k++
			if k < hi && (ts[k].Tag == "DT") {
				k++
			}
			continue
		}
		break
	}
	for k > j && (ts[k-1].Tag == "POS" || !hasLetter(ts[k-1].Text) || ts[k-1].Tag == "DT" || ts[k-1].Tag == "IN") {
		k--
	}
	if k <= j {
		return 0, 0
	}
	return j, k
}

// inherit gives piece i the speaker of the speech before it: the last
// attribution in its paragraph before it, else the first after it there,
// else, when the piece opens its paragraph, the last speech of the
// paragraph before.
func (a *analysis) inherit(i int, attrs []attribution) attribution {
	p := a.pieces[i]
	start := p.outer[0]
	var best attribution
	bestPos := -1
	for j := i - 1; j >= 0 && a.pieces[j].block == p.block; j-- {
		if attrs[j].sp.ok {
			best, bestPos = attrs[j], a.pieces[j].outer[0]
			break
		}
	}
	if sp, pos, ok := a.lastSpeech(p.block, start); ok && pos > bestPos {
		best, bestPos = sp, pos
	}
	if bestPos >= 0 {
		return best
	}
	for j := i + 1; j < len(a.pieces) && a.pieces[j].block == p.block; j++ {
		if attrs[j].sp.ok && a.pieces[j].outer[0] > start {
			return attrs[j]
		}
	}
	// A paragraph that opens with a quote continues the previous speaker.
	if _, f, _, _ := a.stretches(i); f != 0 {
		return attribution{}
	}
	pb := p.block - 1
	for pb >= 0 && a.blocks[pb].Kind == news.BlockCaption {
		pb--
	}
	if pb < 0 || a.blocks[pb].Kind != news.BlockParagraph || a.blocks[p.block].Kind != news.BlockParagraph {
		return attribution{}
	}
	var last attribution
	lastPos := -1
	for j := i - 1; j >= 0 && a.pieces[j].block >= pb; j-- {
		if a.pieces[j].block == pb && attrs[j].sp.ok {
			last, lastPos = attrs[j], a.pieces[j].outer[0]
			break
		}
	}
	if sp, pos, ok := a.lastSpeech(pb, a.blocks[pb].Span[1]); ok && pos > lastPos {
		last, lastPos = sp, pos
	}
	if lastPos >= 0 {
		return last
	}
	return attribution{}
}

// lastSpeech finds the last speech verb outside quotes in block bi before
// offset end whose subject resolves ("Earnest said the talks were useful").
func (a *analysis) lastSpeech(bi, end int) (attribution, int, bool) {
	ts, in := a.toks[bi], a.inQ[bi]
	for k := len(ts) - 1; k >= 0; k-- {
		if ts[k].Span[0] >= end || in[k] {
			continue
		}
		lo := k
		for lo > 0 && !in[lo-1] && ts[lo-1].Tag != "." {
			lo--
		}
		if !isCue(ts, k, lo) || strings.HasSuffix(ts[k].Text, "ing") {
			continue
		}
		hi := k
		for hi < len(ts) && !in[hi] && ts[hi].Tag != "." {
			hi++
		}
		nlo, nhi := subjectBefore(ts, lo, k)
		if nlo >= nhi {
			continue
		}
		if sp := a.resolve(bi, nlo, nhi); sp.ok {
			return attribution{sp: sp, cue: a.cueText(ts, k, hi), pos: ts[k].Span[0]}, ts[k].Span[0], true
		}
	}
	return attribution{}, -1, false
}

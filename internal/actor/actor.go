// Package actor finds the named entities of a document — persons,
// organisations, armed groups and places — and gives each a canonical name
// by in-document coreference and, where the text allows, a CAMEO actor code
// from the actor and agent dictionaries.
//
// Rules, in order of precedence:
//
//   - Dictionary phrases (actors) are matched on the tokens, longest first,
//     and must start with a capitalised word. Seats of power and
//     institutions ("the Kremlin", "NATO") are organisations, entries of the
//     non-state file and codes with REB are groups. A leading "the" is not
//     part of an entity.
//   - Places come from doc.Places. A place is an organisation's only when a
//     dictionary phrase other than a country or capital covers it ("Islamic
//     State", "White House"). A place keeps an empty actor unless it stands
//     as a party to an act or statement (party.go), when it gets the
//     dictionary code of that name: as a subject, alone or in a list
//     ("Brazil, Colombia and Mexico called for"), not after a preposition,
//     a relative clause or an appositive allowed before the verb ("Bolivia,
//     which lost its coast, renewed"), in a headline before a dictionary
//     verb ("Congo and Rwanda trade blame"); or as an object: after "with"
//     or "against", as the agent of a passive ("mediated by Oman"), after a
//     noun of an act and "from" or "on" ("condemnation from France", "a
//     pressure campaign on Tehran"), after a verb of giving and "to"
//     ("sells weapons to Azerbaijan"), after a verb that is not one of
//     motion ("accused the United Arab Emirates", but "visited Tokyo"),
//     and, for a country, after "between" or "on". A possessive ("Georgia's
//     parliament"), a modifier ("U.S. officials", "U.S. Treasury"), the
//     subject or object of a negated verb ("Egypt did not comment"), the
//     subject of a state ("Somalia has faced shortages", "has a dispute
//     with China") and the one who feels ("alarming Australia") are never
//     the party.
//   - Office holders (an actor file named "officeholders") are persons
//     coded by the article's date; a title in the article outranks the
//     dates ("Foreign Minister Mauro Vieira" is GOV whatever the list says).
//   - A title or role with no country ("President Nicolas Maduro",
//     "Lachlan Reid, a government spokesman") takes the story's country:
//     the dateline's, else the country most of its places are in. A known
//     office holder keeps the dictionary's country then ("Prime Minister
//     Narendra Modi" in a story from Dhaka is INDGOV), and a person who
//     speaks with "his Thai counterpart" is not Thai: the latest party
//     named before, of another country, lends its country instead. A
//     spokesman's, minister's or envoy's title speaks for the one state
//     that spoke or reacted as a subject in its sentence or the one before
//     ("Moscow rejected the move. Foreign Ministry spokeswoman X said" is
//     RUSGOV in a story from Oslo). A dateline in a mediator's or host's
//     country gives way to the parties' country (package story).
//   - A country's name or demonym that opens the name of a body ("Bangladesh
//     Garment Manufacturers and Exporters Association") is part of that
//     organisation, coded with the country and the role among its words.
//   - Demonyms ("Russian") are not entities; they give the country to a
//     title. A capitalised institution agent after a country or demonym
//     ("Russian Defense Ministry") is an organisation coded country+agent.
//   - A capitalised institution agent of two words or more ("the
//     Constitutional Court") is an organisation of the country before it or
//     of the story's; a name run before one joins it. Runs ending in a
//     place word ("Lamar County", "Paracel Islands") are places, in a
//     building word ("Great Mosque") other.
//   - Capitalised runs that no dictionary or place covers are persons when
//     they hold two or more name words and no organisation word, or one
//     name word after a title; runs with an organisation word or an inner
//     "of" ("Voice of America") are organisations. Titles are never part of
//     a person: the title before a name (or an appositive after it) codes
//     the person: "German Chancellor Angela Merkel" is DEU+GOV.
//   - Coreference: a surname (or a family name written first) alone names
//     the person introduced earlier with that full name, and carries the
//     actor code. "the <actor> <role>" ("the Kremlin spokesman") becomes the
//     person introduced with that same actor and role when exactly one
//     fits. Pronouns are not entities. When unsure, name is the text.
package actor

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"dyad/dict"
	"dyad/internal/dictfile"
	"dyad/internal/story"
	"dyad/news"
)

// Entity types.
const (
	TypePerson       = "person"
	TypeOrganization = "organization"
	TypeGroup        = "group"
	TypePlace        = "place"
	TypeOther        = "other"
)

// class is what a dictionary phrase stands for.
type class uint8

const (
	classCountry class = iota // a country name or demonym: code is a country alone
	classCapital              // a capital standing for its government ("Moscow")
	classOrg
	classGroup
	classAgent
	classSkip   // "in Nairobi", null codes, adjectives
	classPerson // a named person with dated codes (office holders)
)

// phrase is one indexed dictionary phrase.
type phrase struct {
	words  []string
	class  class
	actor  int    // index into the actor entries, for actor phrases
	code   string // agent code
	append bool   // agent code goes after the actor code
	inst   bool   // an institution agent ("ministry")
}

// Finder finds entities. Its dictionaries do not change once built; it is
// safe for concurrent use (Find keeps working memory in a sync.Pool).
type Finder struct {
	actors []dictfile.Actor
	index  *trie           // the phrases by their words, upper case
	verbs  map[string]bool // the verb dictionary's verbs and their irregular forms, lower case
	// firstNames are first names in lower case: the list in words.go and
	// dict/names (generated from public first-name lists).
	firstNames map[string]bool
	// buffers holds *buffers for Find to reuse from call to call.
	buffers sync.Pool
}

// New indexes the actor and agent phrases of set. A nil set, or one without
// actors or agents, gives a Finder that works from capitalisation and
// titles alone.
func New(set *dictfile.Set) (*Finder, error) {
	f := &Finder{index: newTrie(), verbs: map[string]bool{}, firstNames: map[string]bool{}}
	names, err := dict.FirstNames()
	if err != nil {
		return nil, fmt.Errorf("entity finder: %w", err)
	}
	for n := range names {
		f.firstNames[strings.ToLower(n)] = true
	}
	for n := range firstNames {
		f.firstNames[n] = true
	}
	if set != nil && set.Verbs != nil {
		for _, b := range set.Verbs.Blocks {
			for _, v := range b.Verbs {
				// a verb of one word; a phrasal verb ("build up") codes
				// only with its particle.
				if len(v.Phrase.Words) != 1 {
					continue
				}
				f.verbs[strings.ToLower(v.HeadWord())] = true
				for _, form := range v.Forms {
					if len(form.Phrase.Words) == 1 {
						f.verbs[strings.ToLower(form.Phrase.Words[0])] = true
					}
				}
			}
		}
	}
	if set != nil && set.Actors != nil {
		f.actors = set.Actors.Entries
		for i := range f.actors {
			a := &f.actors[i]
			cl := actorClass(a)
			f.add(a.Phrase.Words, &phrase{class: cl, actor: i})
			for _, s := range a.Synonyms {
				f.add(s.Phrase.Words, &phrase{class: cl, actor: i})
			}
		}
	}
	if set != nil && set.Agents != nil {
		for _, ag := range set.Agents.Entries {
			for _, form := range ag.Forms() {
				inst := false
				if n := len(form.Words); n > 0 {
					inst = instWords[strings.ToLower(form.Words[n-1])]
				}
				f.add(form.Words, &phrase{class: classAgent, code: ag.Code, append: ag.Append, inst: inst})
			}
		}
	}
	return f, nil
}

// trie indexes phrases by their words, one node a word, so that the longest
// phrase at a token is found with one map lookup per word matched rather
// than by trying every phrase that starts with the token's word. The first
// words have a map of their own, since every token is looked up there (a
// string key hashes faster than a struct); the later edges of every node
// live in one map, which keeps the index a few MB for the Phoenix
// dictionaries (a map per node took ten times that).
type trie struct {
	ends  [][]*phrase      // by node: the phrases ending there, in the order added; node 0 is the root
	first map[string]int32 // the children of the root by word
	edges map[edge]int32   // the child of any other node by the next word
}

// edge is a node and the next word.
type edge struct {
	from int32
	word string
}

func newTrie() *trie {
	return &trie{ends: make([][]*phrase, 1), first: map[string]int32{}, edges: map[edge]int32{}}
}

// next returns the child of node n by word w, or -1.
func (t *trie) next(n int32, w string) int32 {
	return t.nextBytes(n, []byte(w))
}

// nextBytes is next for a word held in a buffer: the compiler looks the
// key up without copying w to a new string.
func (t *trie) nextBytes(n int32, w []byte) int32 {
	var c int32
	var ok bool
	if n == 0 {
		c, ok = t.first[string(w)]
	} else {
		c, ok = t.edges[edge{n, string(w)}]
	}
	if !ok {
		return -1
	}
	return c
}

func (f *Finder) add(words []string, p *phrase) {
	if len(words) == 0 {
		return
	}
	p.words = words
	t := f.index
	n := int32(0)
	for _, w := range words {
		c := t.next(n, w)
		if c < 0 {
			c = int32(len(t.ends))
			t.ends = append(t.ends, nil)
			if n == 0 {
				t.first[w] = c
			} else {
				t.edges[edge{n, w}] = c
			}
		}
		n = c
	}
	t.ends[n] = append(t.ends[n], p)
}

// actorClass classifies an actor entry by its codes and file.
func actorClass(a *dictfile.Actor) class {
	if len(a.Phrase.Words) > 1 && a.Phrase.Words[0] == "IN" {
		return classSkip
	}
	code := ""
	for _, c := range a.Codes {
		if c.Code != "---" && c.Code != "###" {
			code = c.Code
			break
		}
	}
	last := a.Phrase.Words[len(a.Phrase.Words)-1]
	switch {
	case code == "" || strings.HasSuffix(last, "-BACKED") || strings.HasSuffix(last, "-LED"):
		return classSkip
	case len(code) == 3:
		return classCountry
	case strings.Contains(a.Pos.File, "officeholders"):
		return classPerson
	case strings.Contains(a.Pos.File, "nonstate"):
		if len(code) == 6 && !strings.Contains(code, "REB") {
			return classOrg
		}
		return classGroup
	case strings.HasPrefix(code, "IMG") || strings.Contains(code[3:], "REB"):
		return classGroup
	case strings.Contains(a.Pos.File, "countries") && len(a.Phrase.Words) == 1 && len(a.Synonyms) == 0 && strings.HasSuffix(code, "GOV") && a.Phrase.Words[0] != "KREMLIN":
		return classCapital
	}
	return classOrg
}

// item is one thing found on a sentence's tokens: [lo, hi).
type item struct {
	lo, hi int
	class  class
	code   string // actor code (actors) or agent code
	append bool
	inst   bool
	place  int // index into doc.Places, or -1
	// own is the code of an organisation's name alone when the phrase
	// coded goes on past it ("UN" in "UN relief agency"); "" otherwise.
	own string
	// mod is set on a run ending in a "<Place>-flagged" compound (the
	// word after the hyphen): a modifier, no name of its own.
	mod string
	// vessel is set on a run right after a "-flagged" modifier: a ship.
	vessel bool
}

// Find returns the entities of doc in text order, non-overlapping, each
// with text[Span] == Text. date selects date-restricted actor codes.
func (f *Finder) Find(doc news.Document, date time.Time) []news.Entity {
	d := dictfile.MakeDate(date)
	st := &state{f: f, doc: &doc, date: d, byName: map[string]int{}, home: homeCountry(doc), euStory: namesEU(doc.Text)}
	// the per-sentence buffers come from earlier calls when there are some.
	b, _ := f.buffers.Get().(*buffers)
	if b == nil {
		b = new(buffers)
	}
	st.buffers = *b
	defer func() { *b = st.buffers; f.buffers.Put(b) }()
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		st.headline = s.Block >= 0 && s.Block < len(doc.Blocks) && doc.Blocks[s.Block].Kind == news.BlockTitle
		st.prevSpeakers, st.speakers = st.speakers, st.prevSpeakers[:0]
		if si > 0 && doc.Sentences[si-1].Block != s.Block {
			st.prevSpeakers = st.prevSpeakers[:0] // a new paragraph: a new voice
		}
		st.sentence(s.Tokens)
	}
	if st.out == nil {
		return []news.Entity{}
	}
	return st.out
}

// person is a person introduced in the document.
type person struct {
	name  string
	words []string
	actor string
	role  string // title key: actor code and agent words
}

type state struct {
	f      *Finder
	doc    *news.Document
	date   dictfile.Date
	out    []news.Entity
	people []person
	byName map[string]int
	home   string // the article's own country (see homeCountry), or ""
	// headline is set while the sentence is in the article's title.
	headline bool
	// parties are the countries of the places coded as parties so far,
	// in text order.
	parties []string
	// vessels are the names read as ships ("-flagged" before them).
	vessels map[string]bool
	// euStory is set when the text names the European Union: "Brussels"
	// as a party is the EU's seat then, not Belgium's government.
	euStory bool
	// speakers are the states that spoke in the current sentence so far
	// (speaker.go), prevSpeakers those of the sentence before.
	speakers, prevSpeakers []string
	buffers
}

// buffers are a sentence's working memory, kept for the next sentence and,
// through Finder.buffers, the next call.
type buffers struct {
	// up holds the current sentence's tokens in upper case,
	// one after another; upEnd[k] is where token k's ends. One buffer for
	// all saves an allocation per token.
	up    []byte
	upEnd []int
	// itemBuf and allBuf are the item lists of items and sentence.
	itemBuf, allBuf []item
}

// upperAll fills st.up with the tokens of a sentence in upper case.
func (st *state) upperAll(ts []news.Token) {
	st.up, st.upEnd = st.up[:0], st.upEnd[:0]
	for _, t := range ts {
		st.up = appendUpper(st.up, t.Text)
		st.upEnd = append(st.upEnd, len(st.up))
	}
}

// upper returns token k of the current sentence in upper case.
func (st *state) upper(k int) []byte {
	lo := 0
	if k > 0 {
		lo = st.upEnd[k-1]
	}
	return st.up[lo:st.upEnd[k]]
}

// appendLower appends strings.ToLower(s) to b, without a new string for
// ASCII words.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return append(b, strings.ToLower(s)...) // rare: Unicode case rules
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// lowerIn reports whether set holds strings.ToLower(w), lower-casing short
// words in a buffer on the stack rather than a new string.
func lowerIn(set map[string]bool, w string) bool {
	var buf [32]byte
	return set[string(appendLower(buf[:0], w))]
}

// appendUpper appends strings.ToUpper(s) to b, without a new string for
// the ASCII words that make up nearly all of news text.
func appendUpper(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return append(b, strings.ToUpper(s)...) // rare: Unicode case rules
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// homeCountry is the country a story is set in, for titles and roles that
// name none ("President Nicolas Maduro" in a story from Caracas): the
// country of the dateline's place, else the country most places of the
// article are in when it has at least two mentions and more than any
// other; "" when unsure. A dateline in a venue (story.Abroad: the
// mediator's or host's capital) gives way to the country the story is
// about: "Government negotiator Laura Restrepo" in a story from Havana
// about Colombia's talks is Colombian.
func homeCountry(doc news.Document) string {
	if c := story.Abroad(doc); c != "" {
		return c
	}
	if doc.Dateline != "" {
		if at := strings.Index(doc.Text, doc.Dateline); at >= 0 {
			for _, p := range doc.Places {
				if p.Span[0] >= at && p.Span[1] <= at+len(doc.Dateline) && p.Country != "" {
					return p.Country
				}
			}
		}
	}
	count := map[string]int{}
	for _, p := range doc.Places {
		if p.Country != "" {
			count[p.Country]++
		}
	}
	best, n, tie := "", 0, false
	for c, k := range count {
		switch {
		case k > n:
			best, n, tie = c, k, false
		case k == n:
			tie = true
		}
	}
	if n < 2 || tie {
		return ""
	}
	return best
}

// homeCode joins the article's country with a role code for a title that
// names no country; "" when the article has none.
func (st *state) homeCode(agent *item) string {
	if agent == nil || st.home == "" {
		return ""
	}
	return join(st.home, agent.code, agent.append)
}

func (st *state) codeOf(i int) string {
	a := &st.f.actors[i]
	c, ok := a.CodeOn(st.date)
	if !ok || c.Code == "---" || c.Code == "###" {
		return ""
	}
	return c.Code
}

// match returns the longest dictionary phrase at ts[i:] (the first added of
// those with the same words) and the index of the token after it.
func (st *state) match(ts []news.Token, i int) (*phrase, int) {
	var best *phrase
	end := i
	t, n := st.f.index, int32(0)
	for k := i; k < len(ts); k++ {
		if n = t.nextBytes(n, st.upper(k)); n < 0 {
			break
		}
		if len(t.ends[n]) > 0 {
			best, end = t.ends[n][0], k+1
		}
	}
	return best, end
}

// exact returns the code of the organisation or group phrase that is
// exactly ts[lo:hi], or "".
func (st *state) exact(ts []news.Token, lo, hi int) string {
	t, n := st.f.index, int32(0)
	for k := lo; k < hi && n >= 0; k++ {
		n = t.nextBytes(n, st.upper(k))
	}
	if n < 0 {
		return ""
	}
	for _, p := range t.ends[n] {
		if p.class == classOrg || p.class == classGroup {
			return st.codeOf(p.actor)
		}
	}
	return ""
}

// placeAt returns the index of the place starting at byte pos, or -1.
func (st *state) placeAt(pos int) int {
	ps := st.doc.Places
	k := sort.Search(len(ps), func(k int) bool { return ps[k].Span[0] >= pos })
	if k < len(ps) && ps[k].Span[0] == pos {
		return k
	}
	return -1
}

// tokEnd returns the index of the token ending at byte end in ts[lo:], or -1.
func tokEnd(ts []news.Token, lo, end int) int {
	for k := lo; k < len(ts); k++ {
		if ts[k].Span[1] == end {
			return k
		}
		if ts[k].Span[1] > end {
			return -1
		}
	}
	return -1
}

// sentence finds the entities of one sentence.
func (st *state) sentence(ts []news.Token) {
	n := len(st.doc.Text)
	for _, t := range ts {
		if !t.Span.In(n) || st.doc.Text[t.Span[0]:t.Span[1]] != t.Text {
			return // tokens that do not fit the text: find nothing
		}
	}
	st.upperAll(ts)
	items := st.items(ts)
	// Capitalised runs between items.
	all := st.allBuf[:0]
	defer func() { st.allBuf = all[:0] }()
	k := 0
	for _, it := range items {
		all = append(all, st.runs(ts, k, it.lo)...)
		all = append(all, it)
		k = it.hi
	}
	all = append(all, st.runs(ts, k, len(ts))...)
	// "Voice of America", "Bank of England": a name run, "of" and a place.
	for ai := 0; ai+1 < len(all); ai++ {
		r, p := all[ai], all[ai+1]
		// "Gulf of Finland", "Bay of Riga": a water body, typed in name.
		head := r.lo >= 0 && r.hi == r.lo+1 && ofPlaceHeads[strings.ToLower(ts[r.lo].Text)]
		if r.class == classSkip && r.lo >= 0 && (p.place >= 0 || (p.class == classCountry || head && p.class == classCapital) && p.hi == p.lo+1) && r.hi+1 == p.lo && ts[r.hi].Text == "of" && !st.knownWord(ts[r.lo].Text) {
			cl := classOrg
			if head {
				cl = classSkip
			}
			all[ai] = item{lo: r.lo, hi: p.hi, class: cl, place: -1}
			all = append(all[:ai+1], all[ai+2:]...)
		}
	}
	// "Daniel Jordan": a first name and a one-word place after it are a
	// person's name.
	for ai := 0; ai+1 < len(all); ai++ {
		r, p := all[ai], all[ai+1]
		if r.class == classSkip && r.lo >= 0 && r.hi == r.lo+1 && (p.place >= 0 || p.class == classCountry || p.class == classCapital) && p.lo == r.hi && p.hi == p.lo+1 && st.f.firstNames[strings.ToLower(ts[r.lo].Text)] {
			all[ai] = item{lo: r.lo, hi: p.hi, class: classSkip, place: -1}
			all = append(all[:ai+1], all[ai+2:]...)
		}
	}
	// "Constitutional Court": a name run and a capitalised institution
	// agent are one organisation, of the story's country.
	for ai := 0; ai+1 < len(all); ai++ {
		r, ag := all[ai], all[ai+1]
		if r.class == classSkip && r.lo >= 0 && ag.class == classAgent && ag.lo == r.hi && isCap(ts[ag.lo].Text) && orgWords[strings.ToLower(ts[ag.hi-1].Text)] {
			all[ai] = item{lo: r.lo, hi: ag.hi, class: classOrg, code: st.homeCode(&ag), place: -1}
			all = append(all[:ai+1], all[ai+2:]...)
		}
	}
	all = st.countryNamed(ts, all)
	for ai, it := range all {
		st.emit(ts, all, ai, it)
	}
}

// items finds the dictionary phrases and places of a sentence.
func (st *state) items(ts []news.Token) []item {
	items := st.itemBuf[:0]
	defer func() { st.itemBuf = items[:0] }()
	for i := 0; i < len(ts); {
		pl := st.placeAt(ts[i].Span[0])
		plEnd := -1
		if pl >= 0 {
			plEnd = tokEnd(ts, i, st.doc.Places[pl].Span[1])
			if plEnd < 0 {
				pl = -1
			}
		}
		p, j := st.match(ts, i)
		if p != nil && p.class != classAgent && !isCap(ts[i].Text) {
			p, j = nil, i
		}
		if p != nil && p.class == classSkip {
			if pl < 0 || j > plEnd+1 {
				i = j
				continue
			}
			p = nil
		}
		if p != nil && (p.class == classOrg || p.class == classGroup) && (pl < 0 || j > plEnd+1) {
			code := st.codeOf(p.actor)
			// "U.N. Secretary-General": the title is not part of the organisation.
			t := j
			// "M23 rebels", "NATO allies", "UN relief agency": the name is
			// the capitalised part; the code is the whole phrase's.
			for t-1 > i && (lowerIn(titleWords, ts[t-1].Text) || !isCap(ts[t-1].Text) && hasLetter(ts[t-1].Text)) {
				t--
			}
			it := item{lo: i, hi: t, class: p.class, code: code, place: -1}
			if t < j {
				// the name alone may be an organisation of its own: "UN"
				// is the UN, though "UN relief agency" is its agency.
				it.own = st.exact(ts, i, t)
			}
			items = append(items, it)
			if t < j && titleWords[strings.ToLower(ts[t].Text)] {
				items = append(items, item{lo: t, hi: j, class: classAgent, place: -1})
			}
			i = j
			continue
		}
		if pl >= 0 {
			it := item{lo: i, hi: plEnd + 1, class: classCountry, place: pl}
			if p != nil && j == plEnd+1 && p.class != classAgent {
				it.code = st.codeOf(p.actor)
				if p.class == classGroup {
					it.class = p.class
				} else if len(it.code) > 3 {
					it.class = classCapital
				}
			}
			if st.demonym(ts, i, plEnd+1, pl) {
				it.place = -1 // a demonym gives its country to a title; no entity
			}
			items = append(items, it)
			i = plEnd + 1
			continue
		}
		if p != nil {
			it := item{lo: i, hi: j, class: p.class, place: -1}
			if p.class == classAgent {
				it.code, it.append, it.inst = p.code, p.append, p.inst
			} else {
				it.code = st.codeOf(p.actor)
			}
			items = append(items, it)
			i = j
			continue
		}
		i++
	}
	return items
}

// demonym reports whether the place ts[lo:hi] is a country's demonym
// ("German", "Iraqi") rather than its name.
func (st *state) demonym(ts []news.Token, lo, hi, pl int) bool {
	return isDemonym(st.doc.Places[pl], ts[hi-1].Tag, hi-lo == 1)
}

// isDemonym reports whether place p, read as words whose last is tagged
// tag, is a country's demonym rather than its name; oneWord says it is one
// word.
func isDemonym(p news.Place, tag string, oneWord bool) bool {
	if p.Feature != "country" || strings.EqualFold(p.Text, p.Name) {
		return false
	}
	if tag == "JJ" {
		return true // "Iraqi", "South Korean"
	}
	if !oneWord {
		return false
	}
	w := strings.ToLower(p.Text)
	if oddDemonyms[w] {
		return true
	}
	for _, suf := range []string{"an", "ans", "i", "is", "ese", "ish", "ch", "ic", "kh", "yz"} {
		if strings.HasSuffix(w, suf) && len(w) > 4 {
			return true
		}
	}
	return false
}

// runs finds capitalised name runs in ts[lo:hi] as items with class
// classSkip (persons or organisations, decided in emit).
func (st *state) runs(ts []news.Token, lo, hi int) []item {
	var out []item
	flagged := -1 // the token after a "-flagged" modifier
	for i := lo; i < hi; {
		if _, suf := compoundMod(ts[i]); suf != "" {
			// "Panama-flagged", "London-based": a modifier alone.
			out = append(out, item{lo: i, hi: i + 1, class: classSkip, place: -1, mod: suf})
			if suf == "flagged" {
				flagged = i + 1
			}
			i++
			continue
		}
		if !nameWord(ts[i]) && !orgAdjective(ts, i, hi) && !st.knownName(ts[i]) {
			i++
			continue
		}
		j := i + 1
		mod := ""
		for j < hi {
			if _, suf := compoundMod(ts[j]); suf != "" {
				// "Cook Islands-flagged": the run is the modifier.
				mod = suf
				j++
				break
			}
			if nameWord(ts[j]) || orgAdjective(ts, j, hi) {
				j++
				continue
			}
			// "Voice of America": an inner lower-case joiner between capitalised words.
			if (ts[j].Text == "of" || ts[j].Text == "for") && j+1 < hi && nameWord(ts[j+1]) {
				j += 2
				continue
			}
			break
		}
		out = append(out, item{lo: i, hi: j, class: classSkip, place: -1, mod: mod, vessel: i == flagged})
		if mod == "flagged" {
			flagged = j
		}
		i = j
	}
	return out
}

// compoundMods are the participles that make "<Place>-<participle>" a
// modifier of the noun after it ("a Panama-flagged tanker", "the
// London-based group"), never part of a name.
var compoundMods = map[string]bool{"flagged": true, "based": true, "registered": true, "owned": true,
	"operated": true, "headquartered": true, "backed": true, "funded": true, "led": true, "controlled": true,
	"allied": true, "aligned": true, "linked": true, "bound": true, "built": true, "made": true, "born": true}

// compoundMod returns the byte offset of the hyphen of a "<Capitalised>-<participle>"
// token ("Islands-flagged", "Panama-flagged") and the participle, or "" when
// t is no such compound.
func compoundMod(t news.Token) (int, string) {
	h := strings.LastIndexByte(t.Text, '-')
	if h <= 0 || !isCap(t.Text) {
		return 0, ""
	}
	if suf := t.Text[h+1:]; compoundMods[suf] {
		return t.Span[0] + h, suf
	}
	return 0, ""
}

// knownName reports whether t is a capitalised word of a person's name
// already seen, whatever its tag ("Yeti/RB rejected that account").
func (st *state) knownName(t news.Token) bool {
	return isCap(t.Text) && !lowerIn(stopWords, t.Text) && st.knownWord(t.Text)
}

// orgAdjective reports whether ts[i] is a capitalised adjective that opens
// an organisation's name with the word after it ("Constitutional Court").
func orgAdjective(ts []news.Token, i, hi int) bool {
	return ts[i].Tag == "JJ" && isCap(ts[i].Text) && i+1 < hi && isCap(ts[i+1].Text) && lowerIn(orgWords, ts[i+1].Text)
}

// nameWord reports whether t can be part of a name: capitalised, a proper
// noun (or adjective, or foreign word), not a title or a stop word.
// knownWord reports whether w is a word of a person's name already seen.
func (st *state) knownWord(w string) bool {
	for _, p := range st.people {
		if slices.Contains(p.words, w) {
			return true
		}
	}
	return false
}

func nameWord(t news.Token) bool {
	w := t.Text
	var buf [32]byte
	lw := appendLower(buf[:0], w) // on the stack: string(lw) below copies nothing
	if bytes.HasPrefix(lw, []byte("al-")) && len(lw) > 3 || string(lw) == "bin" || string(lw) == "van" || string(lw) == "von" || string(lw) == "de" {
		return true
	}
	if !isCap(w) || !hasLetter(w) || stopWords[string(lw)] || titleWords[string(lw)] || titleWords[string(bytes.TrimSuffix(lw, []byte(".")))] {
		return false
	}
	return t.Tag == "NNP" || t.Tag == "NNPS" || t.Tag == "FW" || t.Tag == "NN" && isCap(w)
}

// emit turns item ai of a sentence into an entity, if it is one.
func (st *state) emit(ts []news.Token, all []item, ai int, it item) {
	if it.lo < 0 || it.hi <= it.lo {
		return // consumed by a description
	}
	text := st.doc.Text
	span := news.Span{ts[it.lo].Span[0], ts[it.hi-1].Span[1]}
	e := news.Entity{Span: span, Text: text[span[0]:span[1]]}
	switch {
	case it.place >= 0:
		if it.hi-it.lo == 1 && it.class != classGroup && it.code == "" {
			// "Arroyo said": the surname of a person introduced before is
			// that person, whatever the gazetteer holds.
			if pi := st.lookup([]string{ts[it.lo].Text}); pi >= 0 && len(st.people[pi].words) > 1 {
				p := st.people[pi]
				st.out = append(st.out, news.Entity{Text: e.Text, Span: span, Type: TypePerson, Name: p.name, Actor: p.actor})
				return
			}
		}
		e.Type, e.Name = TypePlace, e.Text
		possessive := it.hi < len(ts) && ts[it.hi].Tag == "POS" // "Georgia's bid": the noun is the actor
		// a country name (not a city coded as its country) may stand after
		// "between" or "on" as a party.
		country := it.class == classCountry && st.doc.Places[it.place].Feature == "country"
		if it.code != "" && !possessive && (it.class == classCountry || it.class == classCapital) {
			subject := st.actorPosition(ts, it.lo, it.hi)
			if subject || st.objectPosition(ts, it.lo, it.hi, country) {
				e.Actor = it.code
				if st.euStory && it.code == "BELGOV" && st.doc.Places[it.place].Name == "Brussels" {
					e.Actor = "IGOEUREEC" // "which Brussels accuses": the EU
				}
				if len(it.code) >= 3 {
					st.parties = append(st.parties, it.code[:3])
				}
			}
			if subject {
				st.noteSpeaker(ts, it.lo, it.hi, it.code)
			}
		}
		if it.class == classOrg || it.class == classGroup {
			e.Type = typeOf(it.class)
			e.Actor = it.code
			if st.actorPosition(ts, it.lo, it.hi) {
				st.noteSpeaker(ts, it.lo, it.hi, it.code)
			}
		}
	case it.class == classOrg || it.class == classGroup:
		// "the Kremlin spokesman": a description of a person known by role.
		if ai+1 < len(all) && all[ai+1].class == classAgent && all[ai+1].lo == it.hi && !all[ai+1].inst && it.lo > 0 && strings.EqualFold(ts[it.lo-1].Text, "the") {
			ag := all[ai+1]
			if pi := st.byRole(it.code + "|" + roleKey(ts, ag)); pi >= 0 && (ag.hi >= len(ts) || !nameWord(ts[ag.hi])) {
				span[1] = ts[ag.hi-1].Span[1]
				st.out = append(st.out, news.Entity{Text: text[span[0]:span[1]], Span: span, Type: TypePerson, Name: st.people[pi].name, Actor: st.people[pi].actor})
				all[ai+1].class = classSkip // consumed
				all[ai+1].lo = -1
				return
			}
		}
		e.Type, e.Name, e.Actor = typeOf(it.class), e.Text, it.code
		if it.own != "" {
			e.Actor = it.own
		}
		if st.actorPosition(ts, it.lo, it.hi) {
			st.noteSpeaker(ts, it.lo, it.hi, e.Actor) // "The Kremlin rejected"
		}
	case it.class == classAgent:
		if it.lo >= 0 && it.hi-it.lo >= 2 && allCap(ts[it.lo:it.hi]) && orgWords[strings.ToLower(ts[it.hi-1].Text)] && (!it.inst || !afterCountry(ts, all, ai)) {
			// "the Constitutional Court": a named institution, of the
			// country just before it ("Russia's Supreme Court") or else
			// of the story's.
			e.Type, e.Name, e.Actor = TypeOrganization, e.Text, st.voiceCode(ts, it.lo, it.hi, &it)
			if afterCountry(ts, all, ai) {
				e.Actor = join(all[ai-1].code, it.code, it.append)
			}
			break
		}
		// "Russian Defense Ministry": a capitalised institution after a country.
		if it.lo < 0 || !it.inst || !isCap(ts[it.lo].Text) || ai == 0 {
			return
		}
		prev := all[ai-1]
		if prev.class != classCountry || prev.code == "" {
			return
		}
		if prev.hi+1 == it.lo && ts[prev.hi].Tag == "POS" {
			// "Iran's Foreign Ministry": the institution alone, coded.
			e.Type, e.Name, e.Actor = TypeOrganization, e.Text, join(prev.code, it.code, it.append)
			break
		}
		if prev.hi != it.lo {
			return
		}
		if prev.place >= 0 {
			// a country's name before it is a place of its own, as in
			// "U.S. officials": "U.S. Treasury" is the place and the
			// institution, coded with that country.
			e.Type, e.Name, e.Actor = TypeOrganization, e.Text, join(prev.code, it.code, it.append)
			break
		}
		// the previous item was a demonym, no entity: widen to it
		// ("Russian Defense Ministry").
		span[0] = ts[prev.lo].Span[0]
		e = news.Entity{Span: span, Text: text[span[0]:span[1]], Type: TypeOrganization}
		e.Name, e.Actor = e.Text, join(prev.code, it.code, it.append)
	case it.class == classSkip && it.lo >= 0 && it.mod != "":
		// a modifier: only the places in it are entities ("Cook Islands"
		// of "Cook Islands-flagged"; no demonym, as in "Russian-owned"),
		// parties to nothing.
		end, _ := compoundMod(ts[it.hi-1])
		for _, p := range st.doc.Places {
			if p.Span[0] >= span[0] && p.Span[1] <= end && p.Span.Len() > 0 && !isDemonym(p, "", !strings.Contains(p.Text, " ")) {
				st.out = append(st.out, news.Entity{Text: p.Text, Span: p.Span, Type: TypePlace, Name: p.Text})
			}
		}
		return
	case it.class == classSkip && it.lo >= 0:
		st.name(ts, all, ai, it)
		return
	case it.class == classPerson:
		// an office holder: the dictionary's code on the article's date.
		words := make([]string, 0, it.hi-it.lo)
		for k := it.lo; k < it.hi; k++ {
			words = append(words, ts[k].Text)
		}
		e.Type, e.Name, e.Actor = TypePerson, e.Text, it.code
		// the article's title outranks the dictionary's dates: "Foreign
		// Minister Mauro Vieira" is GOV on a day the list has him out of office.
		titleCode, _, _ := st.title(ts, all, ai, it.lo)
		if titleCode == "" {
			titleCode, _, _ = st.appositive(ts, all, ai, it.hi)
		}
		if titleCode == "" && it.lo > 1 && ts[it.lo-1].Text == "," {
			titleCode, _, _ = st.title(ts, all, ai, it.lo-1)
		}
		if titleCode != "" && len(titleCode) > 3 {
			e.Actor = titleCode
			if st.home != "" && strings.HasPrefix(titleCode, st.home) && len(it.code) > 3 && it.code[:3] != st.home {
				// a title with the story's country, which it may have
				// taken for want of its own ("Prime Minister Narendra
				// Modi" in a story from Dhaka): the holder's country.
				e.Actor = it.code[:3] + titleCode[3:]
			}
		}
		if pi := st.lookup(words); pi >= 0 {
			// the person as introduced: "Odinga" after "opposition leader
			// Raila Odinga" keeps the title's code.
			p := &st.people[pi]
			e.Name = p.name
			if titleCode == "" && p.actor != "" {
				e.Actor = p.actor
			}
		} else if len(words) > 1 {
			st.people = append(st.people, person{name: e.Text, words: words, actor: e.Actor})
			st.byName[e.Text] = len(st.people) - 1
		}
	default:
		return
	}
	st.out = append(st.out, e)
}

func typeOf(c class) string {
	if c == classGroup {
		return TypeGroup
	}
	return TypeOrganization
}

// join combines an actor code and an agent code.
func join(actor, agent string, appendCode bool) string {
	switch {
	case actor == "":
		return ""
	case len(actor) > 3 || agent == "":
		return actor
	case appendCode:
		return actor + agent
	}
	return agent + actor
}

// name handles a capitalised run: a person, a surname of one, or an
// organisation.
func (st *state) name(ts []news.Token, all []item, ai int, it item) {
	text := st.doc.Text
	lo, hi := it.lo, it.hi
	// a possessive or trailing hyphen word is not a name word: trim nothing else.
	span := news.Span{ts[lo].Span[0], ts[hi-1].Span[1]}
	s := text[span[0]:span[1]]
	words := make([]string, 0, hi-lo)
	org := false
	for k := lo; k < hi; k++ {
		lw := strings.ToLower(ts[k].Text)
		if orgWords[lw] || lw == "of" || lw == "for" {
			org = true
		}
		words = append(words, ts[k].Text)
	}
	if it.vessel || st.vessels[s] {
		// "the Cook Islands-flagged Volna Star": a ship, wherever named.
		if st.vessels == nil {
			st.vessels = map[string]bool{}
		}
		st.vessels[s] = true
		st.out = append(st.out, news.Entity{Text: s, Span: span, Type: TypeOther, Name: s})
		return
	}
	if hi-lo >= 3 && ofPlaceHeads[strings.ToLower(ts[lo].Text)] && ts[lo+1].Text == "of" {
		// "Gulf of Bothnia": a water body or landform the gazetteer lacks.
		st.out = append(st.out, news.Entity{Text: s, Span: span, Type: TypePlace, Name: s})
		return
	}
	if hi-lo >= 2 {
		switch last := strings.ToLower(ts[hi-1].Text); {
		case placeHeads[last]:
			// "Lamar County", "Paracel Islands": a place the gazetteer lacks.
			st.out = append(st.out, news.Entity{Text: s, Span: span, Type: TypePlace, Name: s})
			return
		case facilityHeads[last]:
			st.out = append(st.out, news.Entity{Text: s, Span: span, Type: TypeOther, Name: s})
			return
		}
	}
	if org {
		if hi-lo >= 2 {
			st.out = append(st.out, news.Entity{Text: s, Span: span, Type: TypeOrganization, Name: s})
		}
		return
	}
	if hi-lo > 4 {
		return
	}
	titleCode, role, titled := st.title(ts, all, ai, lo)
	if !titled {
		titleCode, role, titled = st.appositive(ts, all, ai, hi)
	}
	if !titled && hi-lo >= 2 && lo > 1 && ts[lo-1].Text == "," {
		// "Iran's foreign minister, Abbas Araghchi, said"; no plural
		// ("an officer who spoke to reporters, Carlos Mendes").
		if ts[lo-2].Tag != "NNS" {
			titleCode, role, titled = st.title(ts, all, ai, lo-1)
		}
		if !titled {
			// "A colonel who read the statement, Braima Sambu, said"
			titleCode, titled = st.describedTitle(ts, all, ai, lo-1)
		}
	}
	titleCode = st.notCounterpart(ts, all, hi, titleCode)
	// Coreference: a known name, or a surname or family name of one.
	if pi := st.lookup(words); pi >= 0 {
		p := &st.people[pi]
		if p.actor == "" && titleCode != "" {
			p.actor = titleCode
		}
		st.out = append(st.out, news.Entity{Text: s, Span: span, Type: TypePerson, Name: p.name, Actor: p.actor})
		return
	}
	if hi-lo == 1 && st.knownWord(words[0]) {
		// a surname two people share: a person, name left as written.
		st.out = append(st.out, news.Entity{Text: s, Span: span, Type: TypePerson, Name: s, Actor: titleCode})
		return
	}
	first := lo == 0 || lo == 1 && (ts[0].Tag == "``" || ts[0].Text == "\"")
	if ts[hi-1].Tag == "NNPS" && !titled {
		return // "Garment Manufacturers": a plural names no one person
	}
	switch {
	case hi-lo >= 2:
	case titled:
	case st.f.firstNames[strings.ToLower(words[0])]:
	default:
		return
	}
	if hi-lo == 1 && first && !titled {
		return
	}
	p := person{name: s, words: words, actor: titleCode}
	if role != "" {
		p.role = role
	}
	st.people = append(st.people, p)
	st.byName[s] = len(st.people) - 1
	st.out = append(st.out, news.Entity{Text: s, Span: span, Type: TypePerson, Name: s, Actor: titleCode})
}

// lookup finds the person a name refers to: the same full name, or the one
// person whose last words (surname) or first word (family name written
// first) it is.
func (st *state) lookup(words []string) int {
	if i, ok := st.byName[strings.Join(words, " ")]; ok {
		return i
	}
	found := -1
	for i := len(st.people) - 1; i >= 0; i-- {
		p := st.people[i]
		if len(p.words) <= len(words) {
			continue
		}
		tail := slices.Equal(p.words[len(p.words)-len(words):], words)
		head := len(words) == 1 && p.words[0] == words[0] && len(p.words) == 2 && !firstNames[strings.ToLower(words[0])]
		if tail || head {
			if found >= 0 && st.people[found].name != p.name {
				return -1 // two people share the name: unsure
			}
			found = i
		}
	}
	return found
}

// byRole returns the one person introduced with role key r, or -1.
func (st *state) byRole(r string) int {
	found := -1
	for i, p := range st.people {
		if p.role == r {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

func roleKey(ts []news.Token, ag item) string {
	var b strings.Builder
	for k := ag.lo; k < ag.hi; k++ {
		if k > ag.lo {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(ts[k].Text))
	}
	return b.String()
}

// title reads the title before a name starting at token lo: the nearest
// agent phrase and the actor before it ("German Chancellor", "Russia's
// Foreign Minister", "Kremlin spokesman", "Russian foreign policy
// analyst"). It returns the code, the role key and whether a title was seen.
func (st *state) title(ts []news.Token, all []item, ai, lo int) (string, string, bool) {
	var agent *item
	titled := lo > 0 && titleWords[strings.TrimSuffix(strings.ToLower(ts[lo-1].Text), ".")]
	k := lo
	for j := ai - 1; j >= 0 && lo-k < 8; j-- {
		it := all[j]
		if it.lo < 0 {
			return "", "", titled
		}
		// the tokens between it and k must be modifiers.
		for m := it.hi; m < k; m++ {
			if !modifier(ts[m]) {
				if agent == nil {
					return "", "", titled
				}
				return st.voiceCode(ts, agent.lo, lo, agent), "", true
			}
		}
		if to := postedTo(ts, all, j); agent == nil && to >= 0 {
			// "Russia's ambassador to Serbia, X": the country posted to
			// is not the title's; read on before "to".
			k = to
			continue
		}
		switch it.class {
		case classAgent:
			a := it
			agent = &a
		case classCountry, classCapital, classOrg, classGroup:
			if agent == nil || it.code == "" {
				return "", "", titled
			}
			code := it.code
			if it.class == classCapital && len(code) > 3 {
				code = code[:3]
			}
			return join(code, agent.code, agent.append), it.code + "|" + roleKey(ts, *agent), true
		default:
			if agent == nil {
				return "", "", titled
			}
			return "", "", true
		}
		k = it.lo
		if k > 0 && ts[k-1].Tag == "POS" {
			k--
		}
	}
	if agent != nil {
		return st.voiceCode(ts, agent.lo, lo, agent), "", true
	}
	return "", "", titled
}

// describedTitle reads a title that a relative clause describes before
// the comma at token c that opens a name in apposition: "A colonel who read
// the statement on air, Braima Sambu, said" (the title opens the sentence
// or follows a comma or a dateline, with "a", "an" or "the" before it and "who" after
// it). It returns the title's code and whether one was read.
func (st *state) describedTitle(ts []news.Token, all []item, ai, c int) (string, bool) {
	w := c - 1
	for w > 0 && !strings.EqualFold(ts[w].Text, "who") {
		if ts[w].Text == "," || ts[w].Tag == "." {
			return "", false // the clause must run up to the name
		}
		w--
	}
	for j := ai - 1; j >= 0 && w > 0; j-- {
		ag := all[j]
		if ag.lo < 0 || ag.hi > w {
			continue
		}
		if ag.class != classAgent || ag.hi != w || ag.lo == 0 {
			return "", false
		}
		d := ag.lo - 1
		for d > 0 && ts[d].Tag == "JJ" {
			d-- // "a senior colonel"
		}
		if w := strings.ToLower(ts[d].Text); w != "a" && w != "an" && w != "the" || d > 0 && !clauseOpener(ts[d-1].Text) {
			return "", false
		}
		code := st.voiceCode(ts, ag.lo, ag.hi, &ag)
		return code, code != ""
	}
	return "", false
}

// clauseOpener reports whether w may stand right before a sentence's
// subject: a comma, or the dash or colon that closes a dateline.
func clauseOpener(w string) bool {
	switch w {
	case ",", "-", "--", "—", "–", ":":
		return true
	}
	return false
}

// postedTo returns the index of the "to" before item j when it is the
// place or body an envoy is posted to ("ambassador to Serbia", "envoy to
// the United Nations"): the item before "to" is a title of envoys. It
// returns -1 otherwise.
func postedTo(ts []news.Token, all []item, j int) int {
	it := all[j]
	if it.class != classCountry && it.class != classCapital && it.class != classOrg {
		return -1
	}
	to := it.lo - 1
	if to >= 1 && strings.EqualFold(ts[to].Text, "the") {
		to--
	}
	if to < 1 || ts[to].Text != "to" || j == 0 {
		return -1
	}
	ag := all[j-1]
	if ag.class != classAgent || ag.lo < 0 || ag.hi != to || !envoyWords[strings.ToLower(ts[to-1].Text)] {
		return -1
	}
	return to
}

// envoyWords are the titles of those posted to another state or body.
var envoyWords = set(`ambassador ambassadors envoy envoys representative delegate emissary consul`)

// modifier reports whether t may stand between an actor and a title
// ("Russian foreign policy analyst", "Russia's").
func modifier(t news.Token) bool {
	if t.Tag == "POS" || t.Tag == "HYPH" {
		return true
	}
	if isCap(t.Text) {
		return titleWords[strings.ToLower(strings.TrimSuffix(t.Text, "."))]
	}
	return t.Tag == "JJ" || t.Tag == "NN" || t.Tag == "NNS"
}

// appositive reads a title after a name: "Vladimir Frolov, a Russian
// foreign policy analyst," or "Sergei Lavrov, Russia's foreign minister,".
func (st *state) appositive(ts []news.Token, all []item, ai, hi int) (string, string, bool) {
	if hi+1 >= len(ts) || ts[hi].Text != "," {
		return "", "", false
	}
	code, agent := "", (*item)(nil)
	for j := ai + 1; j < len(all); j++ {
		it := all[j]
		if it.lo < 0 || it.lo > hi+8 {
			break
		}
		stop := false
		for m := hi + 1; m < it.lo; m++ {
			if ts[m].Text == "," || ts[m].Tag == "." || strings.HasPrefix(ts[m].Tag, "VB") || ts[m].Tag == "IN" {
				stop = true
			}
		}
		if stop {
			break
		}
		switch it.class {
		case classCountry, classCapital, classOrg:
			if code == "" && it.code != "" {
				code = it.code
				if len(code) > 3 && it.class == classCapital {
					code = code[:3]
				}
			}
		case classAgent:
			a := it
			agent = &a
		}
		if agent != nil {
			break
		}
	}
	if agent != nil && code == "" {
		code = st.roleOf(ts, all, *agent)
	}
	switch {
	case agent == nil:
		return "", "", false
	case code == "":
		// "Lachlan Reid, a government spokesman,": the story's country.
		end := agent.hi // the appositive's words: "a government spokeswoman"
		for end < len(ts) && end < agent.hi+4 && ts[end].Text != "," {
			end++
		}
		if c := st.voiceCode(ts, agent.lo, end, agent); c != "" {
			return c, "", true
		}
		return "", "", false
	}
	return join(code, agent.code, agent.append), "", true
}

// afterCountry reports whether item ai follows a coded country or demonym,
// directly or through a possessive.
func afterCountry(ts []news.Token, all []item, ai int) bool {
	if ai == 0 {
		return false
	}
	prev, it := all[ai-1], all[ai]
	return prev.class == classCountry && prev.code != "" && (prev.hi == it.lo || prev.hi+1 == it.lo && ts[prev.hi].Tag == "POS")
}

// allCap reports whether every token is capitalised.
func allCap(ts []news.Token) bool {
	for _, t := range ts {
		if !isCap(t.Text) {
			return false
		}
	}
	return true
}

// roleOf returns the code of the organisation or group a role is held in,
// named right after it ("a spokesman for Hamas", "an official of the World
// Bank"), or "".
func (st *state) roleOf(ts []news.Token, all []item, agent item) string {
	k := agent.hi
	if k < len(ts) && (ts[k].Text == "for" || ts[k].Text == "of" || ts[k].Text == "at") {
		k++
	} else {
		return ""
	}
	if k < len(ts) && strings.EqualFold(ts[k].Text, "the") {
		k++
	}
	for _, it := range all {
		if it.lo == k && (it.class == classOrg || it.class == classGroup) {
			return it.code
		}
	}
	return ""
}

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

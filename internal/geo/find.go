package geo

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/news"
)

// Hint carries what the geoparser knows of an article beyond its text.
type Hint struct {
	// Dateline is the article's dateline text ("MOSCOW", "Latakia, Syria");
	// its place biases ambiguous names toward its country.
	Dateline string
	// Countries are ISO alpha-3 codes of the article's actors, if known;
	// they bias ambiguous names toward those countries.
	Countries []string
}

// word is one word of the text: letters and digits, internal apostrophes
// and hyphens excluded (a hyphen separates words), abbreviations with
// their periods ("U.S.").
type word struct {
	start, end int
	tag        string
	sent       int  // sentence number
	first      bool // first word of its sentence
}

// mention is a candidate place name: words [i, j) and its gazetteer refs.
type mention struct {
	i, j       int
	start, end int
	refs       []ref
	context    bool // a locative or qualifier context supports it
	placeness  float64
	best       int32
	score      float64
	confidence float64
	qualifier  int // index of the mention qualifying this one, -1 if none
	drop       bool
	// wantContext is set on a mention dropped only for want of context
	// ("turn Georgia into"); a mention of the same name taken elsewhere
	// in the article brings it back.
	wantContext bool
}

// Find returns the places named in text, in text order. sentences, if
// given, supply sentence bounds and part-of-speech tags; without them the
// text is split on its own. Every Place's Span satisfies
// text[Span[0]:Span[1]] == Text.
func (g *Gazetteer) Find(text string, sentences []news.Sentence, hint Hint) []news.Place {
	if g == nil || text == "" {
		return nil
	}
	// the words and mentions are needed only during the call: their
	// lists are reused from call to call (they are most of what Find
	// would allocate).
	sc, _ := g.scratch.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer g.scratch.Put(sc)
	words := segment(sc.words[:0], text, sentences)
	sc.words = words
	ms := g.candidates(sc, text, words)
	if len(ms) == 0 {
		return nil
	}
	// Qualifiers: "Latakia, Syria", "Paris, Texas".
	for k := range ms {
		ms[k].qualifier = -1
		if k+1 < len(ms) {
			q := &ms[k+1]
			if strings.TrimSpace(text[ms[k].end:q.start]) == "," && g.hasContainer(ms[k].refs, q.refs) {
				ms[k].qualifier = k + 1
				ms[k].context = true
				q.context = true
			}
		}
	}
	for k := range ms {
		g.judge(text, words, ms, k)
	}
	// One sense per article: an ambiguous name taken in context once is
	// taken everywhere ("TBILISI, Georgia" … "turn Georgia into").
	taken := map[string]bool{}
	for k := range ms {
		if !ms[k].drop {
			taken[normKey(text[ms[k].start:ms[k].end])] = true
		}
	}
	for k := range ms {
		if m := &ms[k]; m.wantContext && taken[normKey(text[m.start:m.end])] {
			m.drop, m.placeness = false, 0.6
		}
	}
	// Countries of the article: the dateline, the actors, and the mentions
	// resolved without context in a first pass.
	bias := map[string]float64{}
	if dl := g.datelineCountry(hint.Dateline); dl != "" {
		bias[dl] += 1.0
	}
	for _, c := range hint.Countries {
		bias[c] += 0.5
	}
	article := map[string]float64{}
	for k := range ms {
		if ms[k].drop {
			continue
		}
		g.resolve(ms, k, bias)
		if e := g.entries[ms[k].best]; e.a3 != "" && ms[k].confidence >= 0.5 {
			article[e.a3] = 1
		}
	}
	for a3, v := range article {
		bias[a3] += v
	}
	for k := range ms {
		if !ms[k].drop {
			g.resolve(ms, k, bias)
		}
	}
	// The dateline's place stands for its name in the rest of the article
	// ("PARIS, Texas" … "the courthouse in Paris"), unless a mention has a
	// qualifier of its own ("Paris, France").
	if d := datelineMention(text, ms); d >= 0 {
		key := normKey(text[ms[d].start:ms[d].end])
		for k := range ms {
			m := &ms[k]
			if k == d || m.drop || m.qualifier >= 0 || normKey(text[m.start:m.end]) != key {
				continue
			}
			for _, r := range m.refs {
				if r.e == ms[d].best {
					m.best = r.e
				}
			}
		}
	}
	kept := 0
	for k := range ms {
		if !ms[k].drop {
			kept++
		}
	}
	if kept == 0 {
		return nil // as when nothing is appended below
	}
	out := make([]news.Place, 0, kept) // one allocation, not one per doubling
	for k := range ms {
		m := &ms[k]
		if m.drop {
			continue
		}
		e := g.entries[m.best]
		p := news.Place{
			Text: text[m.start:m.end], Span: news.Span{m.start, m.end},
			Name: e.name, Country: e.a3, Feature: e.feature,
			Lat: round4(float64(e.lat)), Lon: round4(float64(e.lon)),
			GeonamesID: int(e.id), Confidence: round2(m.confidence),
		}
		if e.feature == FeatureAdmin1 {
			p.Admin1 = e.name
		} else if e.admin1 != "" {
			p.Admin1 = g.admin1[e.cc+"."+e.admin1]
		}
		out = append(out, p)
	}
	return out
}

func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }
func round2(v float64) float64 { return math.Round(v*100) / 100 }

// segment appends the words of text to words, with sentence numbers and
// tags from sentences when given.
func segment(words []word, text string, sentences []news.Sentence) []word {
	if len(sentences) == 0 {
		return splitWords(words, text, 0, len(text), 0, nil, true)
	}
	for si, s := range sentences {
		if !s.Span.In(len(text)) {
			continue
		}
		words = splitWords(words, text, s.Span[0], s.Span[1], si, s.Tokens, false)
	}
	return words
}

// splitWords appends the words of text[from:to] to out. When ownSentences
// is set, sentence ends are guessed from punctuation and line breaks.
func splitWords(out []word, text string, from, to, sent int, tokens []news.Token, ownSentences bool) []word {
	base := len(out)
	first := true
	ti := 0
	i := from
	for i < to {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			if ownSentences && (r == '.' || r == '!' || r == '?' || r == '\n') {
				first = true
			}
			i += n
			continue
		}
		start := i
		for i < to {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			if r == '\'' || r == '\u2019' || r == '.' {
				// internal apostrophe (N'Djamena, Côte d'Ivoire) but not
				// a possessive 's; abbreviation periods (U.S.)
				next, nn := utf8.DecodeRuneInString(text[i+n:])
				if i+n < to && isWordRune(next) {
					if r == '.' {
						if !isAbbrev(text[start:i]) {
							break
						}
					} else if (next == 's' || next == 'S') && (i+n+nn >= to || !isWordRune(decode(text[i+n+nn:]))) {
						break
					}
					i += n
					continue
				}
				if r == '.' && isAbbrev(text[start:i]) && strings.Contains(text[start:i], ".") {
					i += n // the final period of U.S.
				}
			}
			break
		}
		w := word{start: start, end: i, sent: sent, first: first}
		for ti < len(tokens) && tokens[ti].Span[1] <= start {
			ti++
		}
		if ti < len(tokens) && tokens[ti].Span[0] <= start {
			w.tag = tokens[ti].Tag
		}
		out = append(out, w)
		first = false
		if ownSentences && i < len(text) && text[i] == '.' && !isAbbrev(text[start:i]) {
			sent++
			first = true
		}
	}
	if ownSentences {
		// sentence numbers: recount from firsts
		s := 0
		for k := base; k < len(out); k++ {
			if out[k].first && k > base {
				s++
			}
			out[k].sent = s
		}
	}
	return out
}

func decode(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isAbbrev reports whether s (so far) is a single-letter abbreviation like
// "U", "U.S", "U.A.E".
func isAbbrev(s string) bool {
	if s == "" {
		return false
	}
	// every part between periods is empty or one character.
	for len(s) > 0 {
		p, rest, _ := strings.Cut(s, ".")
		if p != "" && utf8.RuneCountInString(p) != 1 {
			return false
		}
		s = rest
	}
	return true
}

// scratch is Find's working memory, kept for the next call.
type scratch struct {
	words []word
	ms    []mention
	key   []byte
}

// candidates finds the longest gazetteer names at each word, capitalised.
// The mentions it returns live in sc until the next call.
func (g *Gazetteer) candidates(sc *scratch, text string, words []word) []mention {
	ms := sc.ms[:0]
	defer func() { sc.ms = ms[:0] }()
	// key holds the key of words i to i+n-1 as key[:ends[n]], built once
	// for every n rather than once for each length tried.
	key := sc.key[:0]
	defer func() { sc.key = key[:0] }()
	var ends [7]int
	for i := 0; i < len(words); {
		found := false
		if !isCap(text[words[i].start:words[i].end]) {
			i++
			continue
		}
		if m, ok := g.stateAbbrev(text, words, i); ok {
			ms = append(ms, m)
			i++
			continue
		}
		// A water body or landform the gazetteer lacks ("Gulf of Bothnia",
		// "Bay of Kotor") is no place this gazetteer can resolve: neither
		// its generic head (a "Gulf" province) nor the name after "of".
		if end := g.unknownOfPhrase(text, words, i); end > i {
			i = end
			continue
		}
		// longest is the most words whose key begins some key of the
		// gazetteer; no longer name can be one.
		longest := 0
		key = key[:0]
		from := words[i].start
		for n := 1; n <= min(g.maxWords, 6, len(words)-i); n++ {
			end := words[i+n-1].end
			key = appendNormKey(key, text[from:end])
			from, ends[n] = end, len(key)
			if !g.beginsKey(key) {
				break
			}
			longest = n
		}
		for n := longest; n >= 1; n-- {
			j := i + n
			if words[j-1].sent != words[i].sent || !joinable(text, words[i:j]) {
				continue
			}
			k := key[:ends[n]]
			refs, ok := g.index[string(k)]
			if notPlaces[string(k)] {
				break
			}
			if !ok || !capitalised(text, words[i:j]) || g.partOfHyphenated(text, words, i, j) {
				continue
			}
			ms = append(ms, mention{i: i, j: j, start: words[i].start, end: words[j-1].end, refs: refs})
			i = j
			found = true
			break
		}
		if !found {
			i++
		}
	}
	return ms
}

// ofHeads are the generic heads of "<Head> of <Name>" geographic names.
var ofHeads = []string{"gulf", "bay", "sea", "strait", "straits", "lake", "cape", "isle", "island",
	"islands", "mouth", "port", "mount", "river", "ocean"}

// isOfHead reports whether w is one of ofHeads, in any case, without
// building a lower-case copy (it is asked of every capitalised word).
func isOfHead(w string) bool {
	if len(w) < len("bay") || len(w) > len("islands") {
		return false
	}
	switch w[0] | 0x20 { // the first letters of ofHeads, lower-cased
	case 'g', 'b', 's', 'l', 'c', 'i', 'm', 'p', 'r', 'o':
	default:
		return false
	}
	for _, h := range ofHeads {
		if strings.EqualFold(w, h) {
			return true
		}
	}
	return false
}

// unknownOfPhrase returns the end (a word index) of a "<Head> of <Name>"
// phrase starting at word i ("Gulf of Bothnia") when the gazetteer holds
// no name that covers it, else i. The name is the run of capitalised words
// joined to "of" and to each other by spaces or hyphens.
func (g *Gazetteer) unknownOfPhrase(text string, words []word, i int) int {
	if i+2 >= len(words) || !isOfHead(text[words[i].start:words[i].end]) ||
		!strings.EqualFold(text[words[i+1].start:words[i+1].end], "of") {
		return i
	}
	j := i + 2
	for j < len(words) && words[j].sent == words[i].sent && joinable(text, words[j-1:j+1]) && isCap(text[words[j].start:words[j].end]) {
		j++
	}
	if j == i+2 {
		return i // "Sea of" followed by no name: nothing to skip
	}
	for n := j - i; n >= 3; n-- {
		if _, ok := g.index[normKey(text[words[i].start:words[i+n-1].end])]; ok {
			return i // a name the gazetteer knows ("Gulf of Aden", "Isle of Man")
		}
	}
	return j
}

// partOfHyphenated reports whether words [i, j) are glued by a hyphen to a
// capitalised word that is no place of its own: "Luga" in "Ust-Luga" or
// "Novo-Luga" is part of another name, not the town of Luga. Places joined
// as a pair ("Russia-Ukraine talks") and elided particles ("Al-Hasakah")
// still count.
func (g *Gazetteer) partOfHyphenated(text string, words []word, i, j int) bool {
	glued := func(a, b int) bool { // words a and b are joined by one hyphen
		return words[a].sent == words[b].sent && text[words[a].end:words[b].start] == "-"
	}
	other := func(k int) bool { // word k is a capitalised non-place, no particle
		w := text[words[k].start:words[k].end]
		if !isCap(w) || particles[strings.ToLower(w)] || combiningForms[strings.ToLower(w)] {
			return false
		}
		_, ok := g.index[normKey(w)]
		return !ok
	}
	if i > 0 && glued(i-1, i) && other(i-1) {
		return true
	}
	return j < len(words) && glued(j-1, j) && other(j)
}

// combiningForms begin compounds of peoples and places ("Sino-U.S.",
// "Russo-Ukrainian"): the place after them is still a place.
var combiningForms = map[string]bool{"sino": true, "franco": true, "anglo": true, "indo": true, "afro": true,
	"euro": true, "russo": true, "turco": true, "greco": true, "austro": true, "italo": true, "judeo": true,
	"irano": true, "hispano": true, "luso": true, "serbo": true, "czecho": true, "polono": true, "nippo": true}

// stateAbbrev reads word i as a U.S. state in the abbreviation news
// agencies write after a town ("ALEXANDRIA, Va.", "Albany, N.Y."): only in
// that position, since most of them are also words or names ("Miss.",
// "Ind."). The mention spans the abbreviation's final period and refers to
// the state alone.
func (g *Gazetteer) stateAbbrev(text string, words []word, i int) (mention, bool) {
	if i == 0 || words[i-1].sent != words[i].sent || strings.TrimSpace(text[words[i-1].end:words[i].start]) != "," || !isCap(text[words[i-1].start:words[i-1].end]) {
		return mention{}, false
	}
	w := text[words[i].start:words[i].end]
	end := words[i].end
	if !strings.HasSuffix(w, ".") {
		if end >= len(text) || text[end] != '.' {
			return mention{}, false
		}
		end++
	}
	name, ok := stateAbbrevs[text[words[i].start:end]]
	if !ok {
		return mention{}, false
	}
	var refs []ref
	for _, r := range g.index[normKey(name)] {
		if e := g.entries[r.e]; r.kind == refName && e.feature == FeatureAdmin1 && e.cc == "US" {
			refs = append(refs, r)
		}
	}
	if len(refs) == 0 {
		return mention{}, false
	}
	return mention{i: i, j: i + 1, start: words[i].start, end: end, refs: refs}, true
}

// stateAbbrevs are the abbreviations of U.S. states in wire datelines (AP
// style; states of five letters or fewer are written out, as "Texas").
var stateAbbrevs = map[string]string{
	"Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
	"Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
	"Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
	"Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
	"Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
	"N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
	"N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
	"R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
	"Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
	"Wis.": "Wisconsin", "Wyo.": "Wyoming",
}

// joinable reports whether the words are separated only by spaces,
// hyphens and apostrophes (so they can form one name).
func joinable(text string, ws []word) bool {
	for k := 1; k < len(ws); k++ {
		gap := text[ws[k-1].end:ws[k].start]
		if len(gap) > 3 {
			return false
		}
		for _, r := range gap {
			if r != ' ' && r != '-' && r != '\'' && r != '\u2019' && r != '.' {
				return false
			}
		}
	}
	return true
}

// particles may be lower case inside a place name.
var particles = map[string]bool{"de": true, "la": true, "le": true, "of": true, "the": true, "al": true, "el": true,
	"du": true, "des": true, "di": true, "da": true, "do": true, "upon": true, "on": true, "sur": true, "am": true,
	"an": true, "ad": true, "bin": true, "y": true, "del": true, "los": true, "las": true, "dos": true, "das": true,
	"en": true, "and": true, "ez": true, "es": true, "ash": true, "as": true, "d": true, "l": true, "s": true, "at": true, "a": true}

func capitalised(text string, ws []word) bool {
	for k, w := range ws {
		s := text[w.start:w.end]
		r := decode(s)
		if unicode.IsUpper(r) || (k > 0 && unicode.IsDigit(r)) {
			continue
		}
		// "d'Azur", "l'Aquila": an elided particle before a capital
		if k > 0 && len(s) > 2 && (s[1] == '\'' || strings.HasPrefix(s[1:], "\u2019")) && particles[strings.ToLower(s[:1])] {
			if rest := strings.TrimPrefix(strings.TrimPrefix(s[1:], "'"), "\u2019"); unicode.IsUpper(decode(rest)) {
				continue
			}
		}
		if k == 0 || !particles[strings.ToLower(s)] {
			return false
		}
	}
	return true
}

// notPlaces are names of buildings and institutions that stand for a
// government, never geocoded (some are alternate names of real places).
var notPlaces = map[string]bool{"white house": true, "kremlin": true, "pentagon": true, "capitol": true,
	"capitol hill": true, "downing street": true, "elysee": true, "élysée": true, "whitehall": true,
	"wall street": true, "silicon valley": true, "hollywood": true, "vatican": false}

// Words around a name that tell what it is.
var (
	// locatives introduce a place: "in Jordan", "near Aleppo".
	locatives = map[string]bool{"in": true, "at": true, "near": true, "from": true, "to": true, "into": true,
		"toward": true, "towards": true, "across": true, "outside": true, "inside": true, "around": true,
		"through": true, "throughout": true, "via": true, "along": true, "over": true, "within": true,
		"visit": true, "visited": true, "visiting": true, "visits": true, "of": true, "between": true,
		"leave": true, "left": true, "entered": true, "reached": true, "invaded": true, "bombed": true,
		"shelled": true, "struck": true, "attacked": true, "captured": true, "seized": true, "fled": true,
		"north": true, "south": true, "east": true, "west": true, "off": true, "against": true, "and": true, "by": true,
		"on": true, "for": true, "with": true, "beyond": true, "under": true}
	// skippable words between a locative and the name.
	skippable = map[string]bool{"the": true, "northern": true, "southern": true, "eastern": true, "western": true,
		"central": true, "neighboring": true, "neighbouring": true, "nearby": true, "rebel-held": true,
		"war-torn": true, "city": true, "town": true, "village": true, "capital": true, "port": true, "of": true,
		"north": true, "south": true, "east": true, "west": true, "northeastern": true, "northwestern": true,
		"southeastern": true, "southwestern": true, "coastal": true, "province": true, "region": true, "state": true}
	// afterOK are capitalised words that may follow a place without making
	// it part of another name ("Moscow Mayor", "Aleppo Province").
	afterOK = map[string]bool{"Province": true, "Governorate": true, "Region": true, "Oblast": true, "State": true,
		"County": true, "District": true, "City": true, "Mayor": true, "Governor": true, "Police": true,
		"President": true, "Prime": true, "Foreign": true, "Defense": true, "Defence": true, "Interior": true,
		"Army": true, "Navy": true, "Air": true, "Government": true, "Minister": true, "Ministry": true,
		"Embassy": true, "Health": true, "Security": true, "Central": true, "Premier": true, "King": true,
		"Secretary": true, "Ambassador": true, "Envoy": true, "Chancellor": true, "Parliament": true,
		"Coast": true, "Guard": true, "Special": true, "Forces": true, "Border": true, "National": true,
		"Supreme": true, "Deputy": true, "Vice": true, "Military": true, "Intelligence": true, "Finance": true,
		"Trade": true, "Energy": true, "Economy": true, "Justice": true, "Labor": true, "Labour": true,
		"Treasury": true, "Senate": true, "Congress": true, "Cabinet": true, "Department": true}
	// beforeOK are capitalised words that may precede a place.
	beforeOK = map[string]bool{"The": true, "A": true, "An": true, "In": true, "At": true, "On": true, "From": true,
		"To": true, "And": true, "But": true, "For": true, "By": true, "With": true, "Near": true, "Outside": true,
		"Inside": true, "Across": true, "Along": true, "Northern": true, "Southern": true, "Eastern": true,
		"Western": true, "Central": true, "Both": true, "Neither": true, "Only": true, "Since": true, "After": true,
		"Before": true, "During": true, "While": true, "When": true, "If": true, "As": true, "Like": true,
		"Unlike": true, "Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true,
		"Saturday": true, "Sunday": true, "Meanwhile": true, "Elsewhere": true, "Also": true, "Why": true,
		"How": true, "Where": true, "Into": true, "Over": true, "Throughout": true, "Around": true, "Toward": true,
		"Towards": true, "Via": true, "Between": true, "Against": true, "Under": true, "Rebel-held": true,
		"Neighboring": true, "Neighbouring": true, "Visiting": true, "Across-the": true, "FILE": true, "Of": true}
	// orgHeads before "of <place>" name an organisation: "Voice of
	// America", "Bank of England", "University of Texas".
	orgHeads = map[string]bool{"Voice": true, "Bank": true, "University": true, "College": true, "Institute": true,
		"Museum": true, "Church": true, "Council": true, "Court": true, "Library": true, "Academy": true,
		"Association": true, "Federation": true, "League": true, "Party": true, "Front": true, "Movement": true,
		"Coalition": true, "Organization": true, "Organisation": true, "Union": true, "Society": true,
		"Commission": true, "Committee": true, "Company": true, "Corporation": true, "Times": true, "Diocese": true,
		"Archdiocese": true, "Order": true, "Friends": true, "Sons": true, "Daughters": true, "Hospital": true, "School": true}
	// ambiguous names are places only in place context ("in Jordan",
	// "Jordan's king"), never alone ("Chad said").
	ambiguous = map[string]bool{"jordan": true, "chad": true, "georgia": true, "victoria": true, "florence": true,
		"sydney": true, "lincoln": true, "austin": true, "houston": true, "phoenix": true, "orlando": true,
		"aurora": true, "salem": true, "eugene": true, "nice": true, "reading": true, "mobile": true,
		"split": true, "bath": true, "orange": true, "independence": true, "liberty": true, "concord": true,
		"unity": true, "hope": true, "troy": true, "marion": true, "charlotte": true, "dallas": true, "kerry": true,
		"paris": true, "israel": false, "washington": false, "columbia": true, "cuba": false, "mali": false,
		"trump": true, "biden": true, "obama": true, "may": true, "john": true, "lima": false, "deal": true,
		"march": true, "june": true, "july": true, "august": true, "april": true, "summit": true, "union": true,
		"republic": true, "mission": true, "university": true, "temple": true, "church": true, "new": true,
		"of": true, "as": true, "van": true, "man": true, "police": true, "army": true, "president": true,
		"minister": true, "page": true, "media": true, "bar": true, "best": true, "bay": true, "asha": true,
		"male": true, "young": true, "gay": true, "hamas": true, "isis": true, "nato": true, "islamic": true}
	// neverAlone are single words never taken for a place.
	neverAlone = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
		"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
		"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
		"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "republic": true,
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
		"saturday": true, "sunday": true, "hamas": true, "hezbollah": true, "amal": true, "fatah": true,
		"taliban": true, "houthis": true, "isis": true, "isil": true, "daesh": true, "wagner": true,
		// compass words name a part of whatever the text speaks of ("the
		// North", "Western officials"), not the division so named
		"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
		"eastern": true, "western": true, "central": true}
	// commonWords are sentence-initial words that are places only when
	// tagged as proper nouns.
	commonWords = map[string]bool{"nice": true, "reading": true, "mobile": true, "split": true, "bath": true,
		"orange": true, "hope": true, "independence": true, "liberty": true, "unity": true, "union": true,
		"may": true, "deal": true, "best": true, "young": true, "male": true, "police": true, "temple": true,
		"march": true, "page": true, "media": true, "van": true, "man": true, "bar": true, "as": true, "of": true}
)

// hasContainer reports whether one of q's entries (a country or first-level
// division) contains one of m's entries.
func (g *Gazetteer) hasContainer(m, q []ref) bool {
	for _, qr := range q {
		qe := g.entries[qr.e]
		if qr.kind == refDemonym || (qe.feature != FeatureCountry && qe.feature != FeatureAdmin1) {
			continue
		}
		for _, mr := range m {
			if mr.kind != refDemonym && g.contains(qe, g.entries[mr.e]) {
				return true
			}
		}
	}
	return false
}

func (g *Gazetteer) contains(outer, inner entry) bool {
	if outer.cc == "" || outer.cc != inner.cc || outer.feature == inner.feature {
		return false
	}
	switch outer.feature {
	case FeatureCountry:
		return true
	case FeatureAdmin1:
		return inner.feature == FeatureCity && inner.admin1 == outer.admin1
	}
	return false
}

// judge decides whether mention k names a place (drop) and how sure that is
// (placeness), from capitalisation, neighbours and context.
func (g *Gazetteer) judge(text string, words []word, ms []mention, k int) {
	m := &ms[k]
	lower := normKey(text[m.start:m.end])
	onlyDemonym, bigName, smallOnly, altOnly := true, false, true, true
	for _, r := range m.refs {
		e := g.entries[r.e]
		if r.kind != refDemonym {
			onlyDemonym = false
		}
		if r.kind != refAlt {
			altOnly = false
		}
		if r.kind != refDemonym && (e.feature != FeatureCity || e.pop >= 20000 || e.capital) {
			smallOnly = false
		}
		if r.kind == refName && (e.feature != FeatureCity || e.pop >= 1000000 || e.capital) {
			bigName = true
		}
	}
	first := words[m.i]
	multi := m.j-m.i > 1
	s := text[m.start:m.end]
	// Months, weekdays and movements that share a name with some town
	// ("March 3", "Hamas" → Hamm, "Amal" → Åmål) are never places alone.
	if !multi && neverAlone[lower] {
		m.drop = true
		return
	}
	allCaps := isAllCaps(s)
	// All-capital short words are codes or acronyms; only listed forms
	// (US, UK, UAE, DRC) and datelines pass.
	dateline := allCaps && (m.i == 0 || first.first) && datelineAfter(text[m.end:])
	if allCaps && !multi && utf8.RuneCountInString(s) <= 4 && !strings.Contains(s, ".") && !dateline {
		ok := false
		for _, r := range m.refs {
			if r.kind == refName && g.entries[r.e].feature == FeatureCountry {
				ok = true
			}
		}
		if !ok {
			m.drop = true
			return
		}
	}
	// Sentence-initial common words: "Nice weather ...".
	if first.first && !multi && !allCaps {
		if first.tag != "" && first.tag != "NNP" && first.tag != "NNPS" && !onlyDemonym {
			if commonWords[lower] || !bigName {
				m.drop = true
				return
			}
		}
		if first.tag == "" && commonWords[lower] {
			m.drop = true
			return
		}
	}
	// Neighbours that make the name part of a person's or an
	// organisation's name: "Michael Jordan", "Washington Post",
	// "Voice of America".
	if m.i > 0 && !onlyDemonym {
		p := words[m.i-1]
		gap := text[p.end:m.start]
		ps := text[p.start:p.end]
		if p.sent == first.sent && strings.TrimSpace(gap) == "" && isCap(ps) && !beforeOK[ps] && !g.isDemonym(ps) && !(allCaps && isAllCaps(ps)) {
			m.drop = true
			return
		}
		if strings.ToLower(ps) == "of" && m.i > 1 {
			pp := words[m.i-2]
			pps := text[pp.start:pp.end]
			if pp.sent == first.sent && orgHeads[pps] {
				m.drop = true
				return
			}
		}
	}
	if m.j < len(words) {
		n := words[m.j]
		ns := text[n.start:n.end]
		gap := strings.TrimSpace(text[m.end:n.start])
		// "Lamar County" when the gazetteer has no such county: the town
		// of the same name is the wrong place, so the name is left out.
		if n.sent == first.sent && gap == "" && countyWords[ns] {
			m.drop = true
			return
		}
		// A demonym before a capitalised word that is no office or body
		// of a state names a party or a company ("Georgian Dream").
		if onlyDemonym && n.sent == first.sent && gap == "" && isCap(ns) && !afterOK[ns] && !g.isPlaceWord(ns) && !allCaps {
			m.drop = true
			return
		}
	}
	if m.j < len(words) && !onlyDemonym {
		n := words[m.j]
		gap := text[m.end:n.start]
		ns := text[n.start:n.end]
		if n.sent == first.sent && strings.TrimSpace(gap) == "" && isCap(ns) && !afterOK[ns] && !(allCaps && isAllCaps(ns)) {
			m.drop = true
			return
		}
	}
	// Context: a locative before, a qualifier, a possessive after, or the
	// dateline at the start of the text.
	if !m.context {
		m.context = locativeBefore(text, words, m.i) || possessiveAfter(text, m.end) || (allCaps && m.i == 0) || dateline
	}
	m.placeness = 0.95
	needContext := ambiguous[lower] || altOnly || smallOnly
	switch {
	case onlyDemonym:
		m.placeness = 0.85
	case needContext && !m.context:
		// a listed neighbour place ("Syria, Jordan and Iraq") also counts
		if !listedWithPlace(text, ms, k) {
			m.drop, m.wantContext = true, true
			return
		}
		m.placeness = 0.6
	case needContext:
		m.placeness = 0.8
	}
}

// countyWords follow the name of a second-level division.
var countyWords = map[string]bool{"County": true, "Parish": true, "Borough": true}

// isPlaceWord reports whether s is itself a place name or demonym
// ("Russian Syrian", "Iraqi Kurdistan").
func (g *Gazetteer) isPlaceWord(s string) bool {
	_, ok := g.index[normKey(s)]
	return ok
}

// datelineAfter reports whether rest, the text after an all-capital name,
// continues a dateline: a comma, an agency in brackets or a dash.
func datelineAfter(rest string) bool {
	for _, p := range []string{",", " (", " -", " –", " —"} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// isDemonym reports whether a single word is a demonym ("Russian"), which
// may stand before a place.
func (g *Gazetteer) isDemonym(s string) bool {
	for _, r := range g.index[normKey(s)] {
		if r.kind == refDemonym {
			return true
		}
	}
	return false
}

func isCap(s string) bool { return unicode.IsUpper(decode(s)) }

// isAllCaps reports whether strings.ToUpper(s) == s && strings.ToLower(s) != s,
// rune by rune rather than by building both strings.
func isAllCaps(s string) bool {
	lower := false
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return false // ToUpper would replace the invalid byte
			}
		}
		if unicode.ToUpper(r) != r {
			return false
		}
		if unicode.ToLower(r) != r {
			lower = true
		}
	}
	return lower
}

// locativeBefore reports whether a locative word precedes word i, possibly
// across skippable words ("in the northern city of Aleppo").
func locativeBefore(text string, words []word, i int) bool {
	for k, hops := i-1, 0; k >= 0 && hops < 5; k, hops = k-1, hops+1 {
		if words[k].sent != words[i].sent {
			return false
		}
		gap := strings.TrimSpace(text[words[k].end:words[k+1].start])
		if gap != "" && gap != "-" {
			return false
		}
		w := strings.ToLower(text[words[k].start:words[k].end])
		if locatives[w] {
			return true
		}
		if !skippable[w] {
			return false
		}
	}
	return false
}

// possessiveAfter reports whether "'s" and a lower-case word follow
// ("Jordan's king").
func possessiveAfter(text string, end int) bool {
	rest := text[end:]
	for _, p := range []string{"'s ", "\u2019s "} {
		if after, ok := strings.CutPrefix(rest, p); ok {
			r := decode(after)
			return unicode.IsLower(r)
		}
	}
	return false
}

// listedWithPlace reports whether mention k stands in a list with a place
// that needs no context ("Syria, Jordan and Iraq").
func listedWithPlace(text string, ms []mention, k int) bool {
	sep := func(gap string) bool {
		gap = strings.TrimSpace(gap)
		return gap == "," || gap == "and" || gap == "or" || gap == ", and" || gap == ", or"
	}
	if k > 0 && !ms[k-1].drop && ms[k-1].placeness >= 0.9 && sep(text[ms[k-1].end:ms[k].start]) {
		return true
	}
	if k+1 < len(ms) && sep(text[ms[k].end:ms[k+1].start]) {
		for _, r := range ms[k+1].refs {
			if r.kind == refName && (!ambiguous[normKey(text[ms[k+1].start:ms[k+1].end])]) {
				return true
			}
		}
	}
	return false
}

// datelineCountry resolves a dateline to a country code.
func (g *Gazetteer) datelineCountry(dl string) string {
	dl = strings.TrimSpace(strings.Trim(dl, " -–—:"))
	if dl == "" {
		return ""
	}
	ps := g.Find(dl, nil, Hint{})
	if len(ps) == 0 {
		// a dateline is a place by position: accept small places too
		best, bestScore := int32(-1), -1.0
		for _, r := range g.index[normKey(dl)] {
			if s := g.prior(r); s > bestScore {
				best, bestScore = r.e, s
			}
		}
		if best < 0 {
			return ""
		}
		return g.entries[best].a3
	}
	return ps[len(ps)-1].Country
}

// famous is the prior a place gains from many alternate names, and
// cityBias the weight of an article country for a city (a country or
// region takes twice its country's weight): a country named in the article
// speaks for its own name far more than for each of its towns.
const (
	famous   = 1.0
	cityBias = 0.8
)

// datelineMention returns the index of the mention that opens a dateline
// (all capitals, first of its paragraph, followed by a comma, agency or
// dash), or -1.
func datelineMention(text string, ms []mention) int {
	for k := range ms {
		m := ms[k]
		s := text[m.start:m.end]
		if m.drop || !isAllCaps(s) || !datelineAfter(text[m.end:]) {
			continue
		}
		if m.start == 0 || text[m.start-1] == '\n' {
			return k
		}
	}
	return -1
}

// prior is an entry's score before context: features, population, capitals.
func (g *Gazetteer) prior(r ref) float64 {
	e := g.entries[r.e]
	var s float64
	switch e.feature {
	case FeatureCountry:
		s = 4
	case FeatureAdmin1:
		s = 2 + math.Log10(float64(e.pop)+10)/20
	case FeatureRegion, FeatureWater, FeatureOther:
		s = 3.5
	default:
		s = math.Log10(float64(e.pop)+10) / 2
		if e.capital {
			s += 0.7
		}
		// Fame: a place the world names in many languages (Genève:
		// Geneva, Genf, Ginevra …) outranks a namesake of a few thousand
		// people known only locally.
		s += famous * float64(min(e.nalt, 24)) / 24
	}
	if r.kind == refAlt {
		if e.nalt >= 12 {
			s -= 0.1 // an exonym of a famous place ("Geneva")
		} else {
			s -= 0.7
		}
	}
	return s
}

// resolve picks mention k's entry given country biases, and its confidence.
func (g *Gazetteer) resolve(ms []mention, k int, bias map[string]float64) {
	m := &ms[k]
	var qual []ref
	if m.qualifier >= 0 {
		qual = ms[m.qualifier].refs
	}
	type cand struct {
		e     int32
		score float64
	}
	cands := make([]cand, 0, len(m.refs))
	for _, r := range m.refs {
		s := g.prior(r)
		e := g.entries[r.e]
		if e.a3 != "" {
			w := 2.0
			if e.feature == FeatureCity {
				w = cityBias
			}
			s += w * math.Min(bias[e.a3], 1.5)
			// a city named as its own province ("Valparaiso", "Mendoza")
			// is what news means by the name: it takes the province's
			// weight and a little more
			if e.feature == FeatureCity && g.inNamesake(e, m.refs) {
				s += (2-w)*math.Min(bias[e.a3], 1.5) + 0.2
			}
		}
		if qual != nil {
			if g.containedBy(e, qual) {
				s += 6
			} else {
				s -= 3
			}
		}
		cands = append(cands, cand{r.e, s})
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return int(g.entries[a.e].id - g.entries[b.e].id)
	})
	// share of the best among near candidates
	var sum float64
	for _, c := range cands {
		sum += math.Exp(2 * (c.score - cands[0].score))
	}
	m.best = cands[0].e
	m.score = cands[0].score
	m.confidence = math.Max(0.05, math.Min(0.99, m.placeness/sum))
}

// inNamesake reports whether city e lies in a first-level division that is
// also among refs.
func (g *Gazetteer) inNamesake(e entry, refs []ref) bool {
	for _, r := range refs {
		a := g.entries[r.e]
		if r.kind != refDemonym && a.feature == FeatureAdmin1 && a.cc == e.cc && a.admin1 == e.admin1 {
			return true
		}
	}
	return false
}

func (g *Gazetteer) containedBy(e entry, qual []ref) bool {
	for _, q := range qual {
		if q.kind != refDemonym && g.contains(g.entries[q.e], e) {
			return true
		}
	}
	return false
}

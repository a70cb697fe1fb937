package nlp

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// The tagger is an averaged perceptron that uses the trained weights prose
// ships (a port of TextBlob's tagger). prose keeps them as
// map[feature string]map[class]float64 and builds every feature string at
// run time; here each feature string is hashed with 64-bit FNV-1a, built
// incrementally from the template name and its parts so that nothing is
// allocated, and looked up in an open-addressing table whose slots point at
// the feature's non-zero (class, weight) pairs.
//
// Collisions: New checks that no two of the model's feature strings share a
// hash and fails if they do. A feature string absent from the model could
// still collide with a present one; with about 75,000 keys in a 64-bit space
// the chance is about 4e-15 per lookup, far below the tagger's own error.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func fnvByte(h uint64, b byte) uint64 {
	h ^= uint64(b)
	return h * fnvPrime
}

// fnvLower hashes s lowercased (ASCII only).
func fnvLower(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// Template prefixes, each the hash of the template name and a space.
var (
	hBias        = fnvString(fnvOffset, "bias")
	hSuffix      = fnvString(fnvOffset, "i suffix ")
	hPref1       = fnvString(fnvOffset, "i pref1 ")
	hPrevTag     = fnvString(fnvOffset, "i-1 tag ")
	hPrev2Tag    = fnvString(fnvOffset, "i-2 tag ")
	hTagTag      = fnvString(fnvOffset, "i tag+i-2 tag ")
	hWord        = fnvString(fnvOffset, "i word ")
	hPrevTagWord = fnvString(fnvOffset, "i-1 tag+i word ")
	hPrevWord    = fnvString(fnvOffset, "i-1 word ")
	hPrevSuffix  = fnvString(fnvOffset, "i-1 suffix ")
	hPrev2Word   = fnvString(fnvOffset, "i-2 word ")
	hNextWord    = fnvString(fnvOffset, "i+1 word ")
	hNextSuffix  = fnvString(fnvOffset, "i+1 suffix ")
	hNext2Word   = fnvString(fnvOffset, "i+2 word ")
	startTag     = "-START-"
	start2Tag    = "-START2-"
	endWord      = "-END-"
	end2Word     = "-END2-"
)

// numClassesMax bounds the number of tag classes (prose has 45).
const numClassesMax = 64

// slot is one entry of the feature table: the feature hash and the range of
// its weights in model.weights. key 0 marks an empty slot.
type slot struct {
	key uint64
	off uint32
	n   uint32
}

// weight is one non-zero weight of a feature for a class, packed: the
// weight in thousandths in the high 24 bits, the class in the low 8. prose's
// weights are averaged and rounded to three decimals, so this is exact and
// scores are summed exactly in integers.
type weight int32

func packWeight(w float64, class uint8) (weight, bool) {
	milli := math.Round(w * 1000)
	if milli < -(1<<23) || milli >= 1<<23 || math.Abs(w*1000-milli) > 1e-6 {
		return 0, false
	}
	return weight(int32(milli)<<8 | int32(class)), true
}

// model is the compact averaged-perceptron model.
type model struct {
	classes  []string         // tag of each class index
	slots    []slot           // open addressing, len a power of two
	shift    uint             // 64 - log2(len(slots))
	weights  []weight         // per-feature runs
	tagWords map[string]uint8 // unambiguous words and their class
	// punct marks the punctuation classes ("``", ",", ":", …), which a
	// word with a letter or digit in it never gets.
	punct [numClassesMax]bool
}

// hashKey maps a feature hash to a non-zero table key.
func hashKey(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// decodeAsset gob-decodes one of prose's perceptron files into v.
func decodeAsset(name string, v any) error {
	b, err := prose.Asset("model/AveragedPerceptron/" + name)
	if err != nil {
		return fmt.Errorf("load tagger model %s: %w", name, err)
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return fmt.Errorf("decode tagger model %s: %w", name, err)
	}
	return nil
}

// loadProseModel reads prose's perceptron weights, unambiguous-word tags and
// classes.
func loadProseModel() (map[string]map[string]float64, map[string]string, []string, error) {
	var classes []string
	var tags map[string]string
	var wts map[string]map[string]float64
	if err := decodeAsset("classes.gob", &classes); err != nil {
		return nil, nil, nil, err
	}
	if err := decodeAsset("tags.gob", &tags); err != nil {
		return nil, nil, nil, err
	}
	if err := decodeAsset("weights.gob", &wts); err != nil {
		return nil, nil, nil, err
	}
	return wts, tags, classes, nil
}

// newModel converts prose's maps into the compact model.
func newModel(wts map[string]map[string]float64, tags map[string]string, classes []string) (*model, error) {
	if len(classes) == 0 || len(classes) > numClassesMax {
		return nil, fmt.Errorf("build tagger model: %d classes", len(classes))
	}
	m := &model{classes: classes, tagWords: make(map[string]uint8, len(tags))}
	for c, t := range classes {
		if c < numClassesMax && !hasAlnum(t) {
			m.punct[c] = true
		}
	}
	index := make(map[string]uint8, len(classes))
	for i, c := range classes {
		index[c] = uint8(i)
	}
	for w, t := range tags {
		c, ok := index[t]
		if !ok {
			return nil, fmt.Errorf("build tagger model: word %q has unknown tag %q", w, t)
		}
		m.tagWords[w] = c
	}
	size := 1
	bits := uint(0)
	for size < 2*len(wts) {
		size <<= 1
		bits++
	}
	m.slots = make([]slot, size)
	m.shift = 64 - bits
	mask := uint64(size - 1)
	total := 0
	for _, cw := range wts {
		total += len(cw)
	}
	m.weights = make([]weight, 0, total)
	for feat, cw := range wts {
		off := len(m.weights)
		for c, w := range cw {
			ci, ok := index[c]
			if !ok {
				return nil, fmt.Errorf("build tagger model: feature %q has unknown class %q", feat, c)
			}
			if w == 0 {
				continue
			}
			pw, ok := packWeight(w, ci)
			if !ok {
				return nil, fmt.Errorf("build tagger model: feature %q weight %v is not a multiple of 0.001 within range", feat, w)
			}
			m.weights = append(m.weights, pw)
		}
		if len(m.weights) == off {
			continue
		}
		h := hashKey(fnvString(fnvOffset, feat))
		i := (h * 0x9E3779B97F4A7C15) >> m.shift
		for m.slots[i].key != 0 {
			if m.slots[i].key == h {
				return nil, fmt.Errorf("build tagger model: feature hash collision on %q", feat)
			}
			i = (i + 1) & mask
		}
		m.slots[i] = slot{key: h, off: uint32(off), n: uint32(len(m.weights) - off)}
	}
	return m, nil
}

// numFeatures is the number of feature templates.
const numFeatures = 14

// score sums the weights of the features with hashes hs and returns the
// best class. All slots are located first so that their memory loads
// overlap, then the weights are added.
func (m *model) score(hs *[numFeatures]uint64, wordy bool) int {
	mask := uint64(len(m.slots) - 1)
	var found [numFeatures]*slot
	for k, h := range hs {
		h = hashKey(h)
		i := (h * 0x9E3779B97F4A7C15) >> m.shift
		for {
			s := &m.slots[i&mask]
			if s.key == h {
				found[k] = s
				break
			}
			if s.key == 0 {
				break
			}
			i++
		}
	}
	var scores [numClassesMax]int32
	for _, s := range found {
		if s == nil {
			continue
		}
		for _, w := range m.weights[s.off : s.off+s.n] {
			scores[w&(numClassesMax-1)] += int32(w) >> 8
		}
	}
	best := -1
	for c := 0; c < len(m.classes) && c < numClassesMax; c++ {
		if wordy && m.punct[c] {
			continue
		}
		if best < 0 || scores[c] > scores[best] {
			best = c
		}
	}
	return max(best, 0)
}

// hasAlnum reports whether s holds an ASCII letter or digit.
func hasAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; 'a' <= c && c <= 'z' || '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// norm is a token's normalised form as prose's normalize makes it. When
// lower is set, s still has to be lowercased (ASCII) when hashed.
type norm struct {
	s     string
	lower bool
}

// normalize reproduces prose's normalize: "!HYPHEN" for words with an inner
// hyphen, "!YEAR" for four-character integers, "!DIGITS" for words starting
// with a digit, and the lowercased word otherwise.
func normalize(w string) norm {
	if w == "" {
		return norm{s: w}
	}
	if w[0] != '-' && strings.IndexByte(w, '-') >= 0 {
		return norm{s: "!HYPHEN"}
	}
	if len(w) == 4 && isInt(w) {
		return norm{s: "!YEAR"}
	}
	if isDigit(w[0]) {
		return norm{s: "!DIGITS"}
	}
	ascii, upper := true, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c >= 'A' && c <= 'Z' {
			upper = true
		}
	}
	if !ascii {
		return norm{s: strings.ToLower(w)}
	}
	return norm{s: w, lower: upper}
}

// isInt reports whether strconv.Atoi would accept w (w is short).
func isInt(w string) bool {
	i := 0
	if w[0] == '+' || w[0] == '-' {
		i = 1
	}
	if i == len(w) {
		return false
	}
	for ; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

func (n norm) hash(h uint64) uint64 {
	if n.lower {
		return fnvLower(h, n.s)
	}
	return fnvString(h, n.s)
}

// suffix hashes the last three bytes of the normalised word.
func (n norm) suffix(h uint64) uint64 {
	s := n.s
	if len(s) > 3 {
		s = s[len(s)-3:]
	}
	if n.lower {
		return fnvLower(h, s)
	}
	return fnvString(h, s)
}

// override returns the tag prose gives some words before consulting the
// model (links, e-mail addresses and handles are NN), or "".
func override(w string) string {
	if w[0] == '@' || strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") ||
		strings.HasPrefix(w, "www.") || strings.IndexByte(w, '@') > 0 {
		return "NN"
	}
	return ""
}

// tag tags one sentence. words are the model's view of the tokens (see
// modelWord), norms their normalised forms; tags receives the tags.
func (m *model) tag(words []string, norms []norm, tags []string) {
	p1, p2 := startTag, start2Tag
	n := len(words)
	ctx := func(k int) norm { // k is the token index, may run from -2 to n+1
		switch {
		case k == -2:
			return norm{s: startTag}
		case k == -1:
			return norm{s: start2Tag}
		case k == n:
			return norm{s: endWord}
		case k == n+1:
			return norm{s: end2Word}
		}
		return norms[k]
	}
	for i, w := range words {
		tag := override(w)
		if tag == "" {
			if c, ok := m.tagWords[w]; ok {
				tag = m.classes[c]
			} else {
				tag = m.classes[m.predict(i, w, ctx, p1, p2)]
			}
		}
		tags[i] = tag
		p2, p1 = p1, tag
	}
}

// predict scores the classes for word w at index i (features as prose's
// featurize) and returns the best class.
func (m *model) predict(i int, w string, ctx func(int) norm, p1, p2 string) int {
	var hs [numFeatures]uint64
	hs[0] = hBias
	suf := w
	if len(suf) > 3 {
		suf = suf[len(suf)-3:]
	}
	hs[1] = fnvString(hSuffix, suf)
	if b := w[0]; b < utf8.RuneSelf {
		hs[2] = fnvByte(hPref1, b)
	} else { // string(byte) in prose: the byte as a rune, UTF-8 encoded
		hs[2] = fnvByte(fnvByte(hPref1, 0xC0|b>>6), 0x80|b&0x3F)
	}
	hs[3] = fnvString(hPrevTag, p1)
	hs[4] = fnvString(hPrev2Tag, p2)
	hs[5] = fnvString(fnvByte(fnvString(hTagTag, p1), ' '), p2)
	cur := ctx(i)
	hs[6] = cur.hash(hWord)
	hs[7] = cur.hash(fnvByte(fnvString(hPrevTagWord, p1), ' '))
	prev := ctx(i - 1)
	hs[8] = prev.hash(hPrevWord)
	hs[9] = prev.suffix(hPrevSuffix)
	hs[10] = ctx(i - 2).hash(hPrev2Word)
	next := ctx(i + 1)
	hs[11] = next.hash(hNextWord)
	hs[12] = next.suffix(hNextSuffix)
	hs[13] = ctx(i + 2).hash(hNext2Word)
	// A word is never tagged as punctuation (the model does so for a few
	// unknown words, e.g. British spellings, as an opening quote).
	return m.score(&hs, hasAlnum(w))
}

// modelWord maps a token to the form the model was trained on: Penn
// Treebank quote tokens (two backquotes, two apostrophes), "--" for
// dashes, "..." for ellipses, round brackets, and straight apostrophes in
// contractions.
func modelWord(w string, kind tokKind) string {
	switch kind {
	case kQuoteOpen:
		return "``"
	case kQuoteClose:
		return "''"
	case kApos:
		return "'"
	case kDash:
		return "--"
	case kEllipsis:
		return "..."
	case kBracketOpen:
		return "("
	case kBracketClose:
		return ")"
	case kContraction:
		switch strings.ToLower(strings.ReplaceAll(w, "’", "'")) {
		case "'s":
			return "'s"
		case "n't":
			return "n't"
		case "'re":
			return "'re"
		case "'ll":
			return "'ll"
		case "'ve":
			return "'ve"
		case "'m":
			return "'m"
		case "'d":
			return "'d"
		}
	case kQE:
		switch w {
		case "？":
			return "?"
		case "！":
			return "!"
		}
	}
	if strings.Contains(w, "’") {
		return strings.ReplaceAll(w, "’", "'")
	}
	return w
}

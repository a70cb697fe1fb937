// Package geo is dyad's gazetteer and geoparser: it loads the GeoNames-based
// gazetteer generated into dict/geo (countries, first-level divisions,
// populated places, seas and regions, demonyms), finds place mentions in an
// article's text, resolves each to one gazetteer entry, and picks the place
// of an event's clause.
package geo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dyad/dict"
)

// Feature names of news.Place.
const (
	FeatureCity    = "city"
	FeatureAdmin1  = "admin1"
	FeatureCountry = "country"
	FeatureRegion  = "region"
	FeatureWater   = "water"
	FeatureOther   = "other"
)

// entry is one gazetteer record.
type entry struct {
	name     string
	feature  string
	a3       string // country, ISO alpha-3; "" for regions spanning countries
	cc       string // country, ISO alpha-2 (for containment)
	admin1   string // admin1 code within cc ("93"), "" if unknown
	lat, lon float32
	pop      int64
	id       int32 // GeoNames id, 0 if none
	capital  bool  // national capital
	nalt     uint8 // alternate names kept (at most 255): how widely the world names it
}

// refKind says how a name refers to its entry.
type refKind uint8

const (
	refName    refKind = iota // the entry's name or a listed short form
	refAlt                    // an alternate name (other languages, old names)
	refDemonym                // an adjective or people noun of a country
)

type ref struct {
	e    int32
	kind refKind
}

// Gazetteer is a loaded gazetteer. Its data do not change once loaded; it
// is safe for concurrent use (Find keeps working memory in a sync.Pool).
type Gazetteer struct {
	entries  []entry
	index    map[string][]ref
	maxWords int
	// prefixes holds the beginnings of the keys of index and notPlaces
	// that end before a character that is no letter or digit ("new" of
	// "new york"): a name that is neither a key nor one of these begins no
	// key, so longer names from the same word need not be looked up.
	prefixes map[string]bool
	// filter has the bit keyBit sets for every key of index and prefixes:
	// a key whose bit is clear is in neither, which a 256 KB bit set that
	// stays in cache tells faster than two lookups in the big maps.
	filter []uint64
	// scratch holds *scratch for Find to reuse.
	scratch sync.Pool
	country map[string]int32  // alpha-2 and alpha-3 → entry
	admin1  map[string]string // "CC.code" → name
}

// Len is the number of entries in the gazetteer.
func (g *Gazetteer) Len() int { return len(g.entries) }

// LoadDefault loads the embedded gazetteer, dict.FS.
func LoadDefault() (*Gazetteer, error) { return Load(dict.FS) }

// Load reads the gazetteer from fsys, laid out as dict/: geo/countries.tsv,
// geo/admin1.tsv, geo/places.tsv.gz, geo/regions.tsv and geo/demonyms.tsv.
// Data errors are reported as file:line: message.
func Load(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{index: make(map[string][]ref, 400000), country: map[string]int32{}, admin1: map[string]string{}}
	steps := []struct {
		file string
		cols int
		row  func(cols []string) error
	}{
		{"geo/countries.tsv", 7, g.countryRow},
		{"geo/admin1.tsv", 5, g.admin1Row},
		{"geo/places.tsv.gz", 9, g.placeRow},
		{"geo/regions.tsv", 5, g.regionRow},
		{"geo/demonyms.tsv", 2, g.demonymRow},
	}
	for _, s := range steps {
		if err := readTSV(fsys, s.file, s.cols, s.row); err != nil {
			return nil, fmt.Errorf("load gazetteer: %w", err)
		}
	}
	g.prefixes = make(map[string]bool, len(g.index)/4) // about one for four keys
	for key := range g.index {
		g.addPrefixes(key)
	}
	for key := range notPlaces {
		g.prefixes[key] = true
		g.addPrefixes(key)
	}
	g.filter = make([]uint64, filterBits/64)
	for key := range g.index {
		g.setKeyBit(key)
	}
	for key := range g.prefixes {
		g.setKeyBit(key)
	}
	return g, nil
}

// filterBits is the size of Gazetteer.filter, 1<<filterLog bits: with
// some 200,000 keys and prefixes, about one name in ten that is neither
// gets past it.
const (
	filterLog  = 21
	filterBits = 1 << filterLog
)

// keyBit is the bit of key in Gazetteer.filter: the top bits of its
// FNV-1a hash.
func keyBit(key []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range key {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h >> (64 - filterLog)
}

func (g *Gazetteer) setKeyBit(key string) {
	b := keyBit([]byte(key))
	g.filter[b/64] |= 1 << (b % 64)
}

// addPrefixes adds the beginnings of key that end before a character that
// is no letter or digit to g.prefixes.
func (g *Gazetteer) addPrefixes(key string) {
	_, first := utf8.DecodeRuneInString(key)
	for i := first; i < len(key); {
		c := key[i]
		if c < utf8.RuneSelf { // ASCII, most keys: no rune decoding
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || 'A' <= c && c <= 'Z') {
				g.prefixes[key[:i]] = true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(key[i:])
		if !isWordRune(r) {
			g.prefixes[key[:i]] = true
		}
		i += n
	}
}

// beginsKey reports whether key (a normKey) is a key of the index or
// notPlaces or a beginning of one (g.prefixes).
func (g *Gazetteer) beginsKey(key []byte) bool {
	if b := keyBit(key); g.filter[b/64]&(1<<(b%64)) == 0 {
		return false
	}
	if _, ok := g.index[string(key)]; ok {
		return true
	}
	return g.prefixes[string(key)]
}

func readTSV(fsys fs.FS, name string, ncols int, row func([]string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		defer zr.Close()
		r = zr
	}
	sc := bufio.NewScanner(bufio.NewReaderSize(r, 1<<16))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	cols := make([]string, 0, 10)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(b) == 0 || b[0] == '#' {
			continue
		}
		s := string(b)
		cols = cols[:0]
		for {
			i := strings.IndexByte(s, '\t')
			if i < 0 {
				cols = append(cols, s)
				break
			}
			cols = append(cols, s[:i])
			s = s[i+1:]
		}
		if len(cols) != ncols {
			return fmt.Errorf("%s:%d: %d columns, want %d", name, line, len(cols), ncols)
		}
		if err := row(cols); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s:%d: %w", name, line, err)
	}
	return nil
}

func parseLatLon(la, lo string) (float32, float32, error) {
	lat, err := strconv.ParseFloat(la, 32)
	if err != nil || lat < -90 || lat > 90 {
		return 0, 0, fmt.Errorf("bad latitude %q", la)
	}
	lon, err := strconv.ParseFloat(lo, 32)
	if err != nil || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("bad longitude %q", lo)
	}
	return float32(lat), float32(lon), nil
}

func (g *Gazetteer) add(e entry, names []string, firstKind, restKind refKind) {
	i := int32(len(g.entries))
	g.entries = append(g.entries, e)
	for j, n := range names {
		k := restKind
		if j == 0 {
			k = firstKind
		}
		g.addName(n, ref{i, k})
	}
}

func (g *Gazetteer) addName(name string, r ref) {
	key := normKey(name)
	key = strings.TrimPrefix(key, "the ")
	if key == "" {
		return
	}
	for _, old := range g.index[key] {
		if old.e == r.e {
			return
		}
	}
	g.index[key] = append(g.index[key], r)
	if w := strings.Count(key, " ") + 1; w > g.maxWords {
		g.maxWords = w
	}
	// A soft sign transliterated as an apostrophe at the end of a word
	// ("Ust’-Luga", "Tver’") is dropped in English news: "Ust-Luga".
	if v := dropFinalApostrophes(key); v != key {
		g.addName(v, r)
	}
}

// dropFinalApostrophes removes the apostrophes of key that end a word
// (before a hyphen, a space or the end); those inside a word ("n'djamena",
// "cote d'ivoire") stay.
func dropFinalApostrophes(key string) string {
	if !strings.Contains(key, "'") {
		return key
	}
	b := make([]byte, 0, len(key))
	for i := 0; i < len(key); i++ {
		if key[i] == '\'' && i > 0 && (i+1 == len(key) || key[i+1] == '-' || key[i+1] == ' ') {
			continue
		}
		b = append(b, key[i])
	}
	return string(b)
}

// countries.tsv: alpha2 alpha3 capital lat lon population names
func (g *Gazetteer) countryRow(c []string) error {
	lat, lon, err := parseLatLon(c[3], c[4])
	if err != nil {
		return err
	}
	pop, _ := strconv.ParseInt(c[5], 10, 64)
	names := strings.Split(c[6], "|")
	if len(c[0]) != 2 || len(c[1]) != 3 || names[0] == "" {
		return fmt.Errorf("bad country row %q", c)
	}
	g.country[c[0]] = int32(len(g.entries))
	g.country[c[1]] = int32(len(g.entries))
	g.add(entry{name: names[0], feature: FeatureCountry, a3: c[1], cc: c[0], lat: lat, lon: lon, pop: pop}, names, refName, refName)
	return nil
}

// admin1.tsv: code lat lon population names
func (g *Gazetteer) admin1Row(c []string) error {
	lat, lon, err := parseLatLon(c[1], c[2])
	if err != nil {
		return err
	}
	pop, _ := strconv.ParseInt(c[3], 10, 64)
	cc, code, ok := strings.Cut(c[0], ".")
	names := strings.Split(c[4], "|")
	if !ok || names[0] == "" {
		return fmt.Errorf("bad admin1 code %q", c[0])
	}
	g.admin1[c[0]] = names[0]
	ci, ok := g.country[cc]
	if !ok {
		return nil // a division of a code i18n-iso-countries does not list
	}
	g.add(entry{name: names[0], feature: FeatureAdmin1, a3: g.entries[ci].a3, cc: cc, admin1: code, lat: lat, lon: lon, pop: pop}, names, refName, refName)
	return nil
}

// places.tsv.gz: id name alts lat lon fcode cc admin1 population
func (g *Gazetteer) placeRow(c []string) error {
	id, err := strconv.Atoi(c[0])
	if err != nil {
		return fmt.Errorf("bad id %q", c[0])
	}
	lat, lon, err := parseLatLon(c[3], c[4])
	if err != nil {
		return err
	}
	pop, _ := strconv.ParseInt(c[8], 10, 64)
	ci, ok := g.country[c[6]]
	if !ok {
		return nil // places of codes without an ISO country (rare)
	}
	e := entry{name: c[1], feature: FeatureCity, a3: g.entries[ci].a3, cc: c[6], admin1: c[7], lat: lat, lon: lon, pop: pop, id: int32(id), capital: c[5] == "PPLC"}
	i := int32(len(g.entries))
	g.entries = append(g.entries, e)
	g.addName(c[1], ref{i, refName})
	if c[2] != "" {
		g.entries[i].nalt = uint8(min(255, strings.Count(c[2], "|")+1))
		for j, a := range strings.Split(c[2], "|") {
			k := refAlt
			if j == 0 && foldASCII(c[1]) == a {
				k = refName // the ASCII spelling of the name
			}
			g.addName(a, ref{i, k})
		}
	}
	return nil
}

// regions.tsv: feature country lat lon names
func (g *Gazetteer) regionRow(c []string) error {
	lat, lon, err := parseLatLon(c[2], c[3])
	if err != nil {
		return err
	}
	switch c[0] {
	case FeatureRegion, FeatureWater, FeatureOther, FeatureCity:
	default:
		return fmt.Errorf("bad feature %q", c[0])
	}
	names := strings.Split(c[4], "|")
	e := entry{name: names[0], feature: c[0], a3: c[1], lat: lat, lon: lon, pop: 0}
	if c[1] != "" {
		ci, ok := g.country[c[1]]
		if !ok {
			return fmt.Errorf("unknown country %q", c[1])
		}
		e.cc = g.entries[ci].cc
	}
	g.add(e, names, refName, refName)
	return nil
}

// demonyms.tsv: alpha3-or-@region words
func (g *Gazetteer) demonymRow(c []string) error {
	var target int32 = -1
	if name, ok := strings.CutPrefix(c[0], "@"); ok {
		for _, r := range g.index[normKey(name)] {
			if f := g.entries[r.e].feature; f == FeatureRegion || f == FeatureWater {
				target = r.e
				break
			}
		}
	} else if ci, ok := g.country[c[0]]; ok {
		target = ci
	} else if len(c[0]) == 3 {
		return nil // a country this gazetteer does not hold
	}
	if target < 0 {
		return fmt.Errorf("unknown demonym target %q", c[0])
	}
	for _, w := range strings.Split(c[1], "|") {
		g.addName(w, ref{target, refDemonym})
	}
	return nil
}

// normKey is the lookup form of a name: lower case, curly apostrophes
// straightened, runs of spaces collapsed.
func normKey(s string) string {
	return string(appendNormKey(make([]byte, 0, len(s)), s))
}

// appendNormKey appends normKey(s) to b. A space between words is written
// only when b is not empty, so the key of a text read piece by piece (each
// piece beginning where a word ended) is built by appending the pieces.
func appendNormKey(b []byte, s string) []byte {
	space := false
	for _, r := range s {
		switch {
		case r == '\u2019' || r == '\u2018' || r == '`':
			r = '\''
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0':
			space = true
			continue
		}
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		// unicode.ToLower is what strings.ToLower does rune by rune.
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// foldASCII drops the diacritics of common Latin letters.
func foldASCII(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		if f, ok := latinFold[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var latinFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ç': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'À': "A", 'Á': "A", 'Â': "A", 'Ä': "A", 'Ç': "C", 'É': "E",
	'È': "E", 'Í': "I", 'Ó': "O", 'Ö': "O", 'Ú': "U", 'Ü': "U", 'Ñ': "N",
}

// distanceKm is the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

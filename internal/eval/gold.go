package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/internal/quote"
	"dyad/news"
)

// Gold is the annotation of one article: a subset of the SCHEMA.md object.
// A category whose key is absent is not annotated and not scored for that
// article; a category given as [] is annotated as having no mentions, so
// everything dyad finds there counts against its precision.
type Gold struct {
	// Category is what the article is about (diplomacy, war, protest,
	// elections, sanctions, …): the report sums the figures per category.
	Category string `json:"category,omitempty"`
	// Style is how the article is written (wire, brief, analysis,
	// feature, html, json), for the reader of the gold.
	Style string `json:"style,omitempty"`
	// Published is the article's publication date. A plain-text article has
	// no metadata of its own, so it is given this date as the record's
	// (as a feed would); for HTML and JSON articles it is compared with
	// the date dyad reads.
	Published string            `json:"published,omitempty"`
	Places    []GoldPlace       `json:"places"`
	Times     []GoldTime        `json:"times"`
	Quotes    []quote.GoldQuote `json:"quotes"` // as internal/quote's gold; listed in text order
	Entities  []GoldEntity      `json:"entities"`
	Events    []GoldEvent       `json:"events"`
}

// GoldPlace is one toponym mention and the place it means.
type GoldPlace struct {
	Text string `json:"text"`
	// N is which whole-word, case-sensitive occurrence of Text in the
	// cleaned text is meant, from 1; 0 means the one after the previous
	// gold place with the same text (so repeated names are simply listed
	// in text order).
	N       int      `json:"n,omitempty"`
	Country string   `json:"country"` // ISO 3166-1 alpha-3; "" for none (seas, international regions)
	Lat     *float64 `json:"lat,omitempty"`
	Lon     *float64 `json:"lon,omitempty"`
	// KM is how far from Lat, Lon dyad's coordinates may be and still be
	// right; 0 means DefaultKM. Large features (states, seas, regions)
	// carry a larger one. A place given without coordinates (a country,
	// a demonym) is right when dyad's country matches.
	KM float64 `json:"km,omitempty"`
}

// GoldTime is one time expression and its ISO 8601 value at its grain.
type GoldTime struct {
	Text  string `json:"text"`
	N     int    `json:"n,omitempty"` // as GoldPlace.N
	Value string `json:"value"`
}

// GoldEntity is one named mention with its type and actor code ("" when
// the mention codes to no actor).
type GoldEntity struct {
	Text  string `json:"text"`
	N     int    `json:"n,omitempty"` // as GoldPlace.N
	Type  string `json:"type"`
	Actor string `json:"actor,omitempty"`
}

// GoldEvent is one event of the article, compared on source country,
// target country and CAMEO root (see ActorKey); the full code and the text
// are kept for reading.
type GoldEvent struct {
	Source *GoldEventActor `json:"source"`
	Target *GoldEventActor `json:"target"`
	Root   string          `json:"root"`
	Code   string          `json:"code,omitempty"`
	Text   string          `json:"text,omitempty"` // the verb or phrase that carries the event
}

// GoldEventActor is the side of a gold event: its actor code ("RUSGOV",
// "IGOUNO"), or only its country.
type GoldEventActor struct {
	Code    string `json:"code,omitempty"`
	Country string `json:"country,omitempty"`
}

// key is what the side is compared on: ActorKey of its code, else its
// country.
func (a *GoldEventActor) key() string {
	switch {
	case a == nil:
		return ""
	case a.Code != "":
		return ActorKey(a.Code)
	}
	return a.Country
}

// DefaultKM is the distance within which a geocoded place counts as right:
// 161 km (100 miles), as in the geoparsing literature.
const DefaultKM = 161.0

// located is a gold mention placed in the cleaned text. Lost mentions are in
// the article but not in the cleaned text (the cleaner dropped them): they
// count as missed.
type located struct {
	span news.Span
	lost bool
}

// goldPlace, goldTime and goldEntity are gold mentions with their spans.
type goldPlace struct {
	GoldPlace
	located
}

type goldTime struct {
	GoldTime
	located
}

type goldEntity struct {
	GoldEntity
	located
}

// article is the gold of one article, placed in its cleaned text.
type article struct {
	published string
	category  string
	places    []goldPlace // nil: not annotated
	times     []goldTime
	entities  []goldEntity
	quotes    []news.Quote
	hasQuotes bool
	events    []GoldEvent
	hasEvents bool
}

// decodeGold reads a gold file's JSON strictly: unknown fields are errors,
// and syntax and type errors name their line.
func decodeGold(data []byte) (Gold, error) {
	var g Gold
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return g, fmt.Errorf("%d: %w", lineAt(data, se.Offset), err)
		case errors.As(err, &te):
			return g, fmt.Errorf("%d: field %s: %w", lineAt(data, te.Offset), te.Field, err)
		}
		return g, err
	}
	if dec.More() {
		return g, fmt.Errorf("%d: more than one JSON value", lineAt(data, dec.InputOffset()))
	}
	return g, nil
}

// lineAt is the 1-based line of byte offset off in data.
func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}

var (
	countryCode = regexp.MustCompile(`^[A-Z]{3}$`)
	isoPoint    = `\d{4}(-(\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?|W\d{2}|Q[1-4]|H[12]))?`
	timeValue   = regexp.MustCompile(`^` + isoPoint + `(/` + isoPoint + `)?$`)
	rootCode    = regexp.MustCompile(`^\d{2}$`)
	cameoCode   = regexp.MustCompile(`^\d{2,4}$`)
	actorCode   = regexp.MustCompile(`^([A-Z]{3}|---)([A-Z0-9]{3})*$`)
)

// placeGold checks g and places its mentions in the cleaned text; raw is the
// article as read, to tell a mention the cleaner lost from a typo. Errors
// name the field ("places[3] "Nice": …").
func placeGold(g Gold, text, raw string, data []byte) (article, error) {
	a := article{published: g.Published, category: g.Category, events: g.Events, hasEvents: g.Events != nil}
	if g.Published != "" {
		if _, err := news.ParseDate(g.Published); err != nil {
			return a, fmt.Errorf("published: %w", err)
		}
	}
	var errs []error
	fail := func(field string, i int, mention, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s[%d] %q: %s", field, i, mention, fmt.Sprintf(format, args...)))
	}
	finder := newFinder(text, raw)
	if g.Places != nil {
		a.places = make([]goldPlace, 0, len(g.Places))
	}
	for i, p := range g.Places {
		loc, err := finder.find("places", p.Text, p.N)
		if err != nil {
			fail("places", i, p.Text, "%v", err)
			continue
		}
		switch {
		case p.Country != "" && !countryCode.MatchString(p.Country):
			fail("places", i, p.Text, "country %q is not an ISO 3166-1 alpha-3 code", p.Country)
		case (p.Lat == nil) != (p.Lon == nil):
			fail("places", i, p.Text, "give both lat and lon, or neither")
		case p.Lat != nil && (*p.Lat < -90 || *p.Lat > 90 || *p.Lon < -180 || *p.Lon > 180):
			fail("places", i, p.Text, "lat %g, lon %g out of range", *p.Lat, *p.Lon)
		case p.Lat == nil && p.Country == "":
			fail("places", i, p.Text, "give a country, coordinates, or both")
		case p.KM < 0:
			fail("places", i, p.Text, "km %g is negative", p.KM)
		}
		a.places = append(a.places, goldPlace{p, loc})
	}
	if g.Times != nil {
		a.times = make([]goldTime, 0, len(g.Times))
	}
	for i, t := range g.Times {
		loc, err := finder.find("times", t.Text, t.N)
		if err != nil {
			fail("times", i, t.Text, "%v", err)
			continue
		}
		if !timeValue.MatchString(t.Value) {
			fail("times", i, t.Text, "value %q is not an ISO 8601 date at a grain (2016-07-14, 2016-W28, 2016-Q3, 2016-03, 2016, 2016-07-14T21)", t.Value)
		}
		a.times = append(a.times, goldTime{t, loc})
	}
	if g.Entities != nil {
		a.entities = make([]goldEntity, 0, len(g.Entities))
	}
	for i, e := range g.Entities {
		loc, err := finder.find("entities", e.Text, e.N)
		if err != nil {
			fail("entities", i, e.Text, "%v", err)
			continue
		}
		switch e.Type {
		case "person", "organization", "group", "place", "other":
		default:
			fail("entities", i, e.Text, "type %q: want person, organization, group, place or other", e.Type)
		}
		if e.Actor != "" && !actorCode.MatchString(e.Actor) {
			fail("entities", i, e.Text, "actor %q is not a CAMEO actor code (3-letter groups)", e.Actor)
		}
		a.entities = append(a.entities, goldEntity{e, loc})
	}
	for i, ev := range g.Events {
		if !rootCode.MatchString(ev.Root) {
			errs = append(errs, fmt.Errorf("events[%d]: root %q is not a two-digit CAMEO root", i, ev.Root))
		}
		if ev.Code != "" && (!cameoCode.MatchString(ev.Code) || !strings.HasPrefix(ev.Code, ev.Root)) {
			errs = append(errs, fmt.Errorf("events[%d]: code %q is not a CAMEO code under root %q", i, ev.Code, ev.Root))
		}
		for _, side := range []*GoldEventActor{ev.Source, ev.Target} {
			switch {
			case side == nil:
			case side.Code != "" && !actorCode.MatchString(side.Code):
				errs = append(errs, fmt.Errorf("events[%d]: actor code %q is not a CAMEO actor code (3-letter groups)", i, side.Code))
			case side.Code == "" && side.Country == "":
				errs = append(errs, fmt.Errorf("events[%d]: give an actor code or a country, or null for no actor", i))
			case side.Country != "" && !countryCode.MatchString(side.Country):
				errs = append(errs, fmt.Errorf("events[%d]: country %q is not an ISO 3166-1 alpha-3 code", i, side.Country))
			}
		}
	}
	if g.Quotes != nil {
		qs, err := quote.ParseGold(text, data)
		if err != nil {
			errs = append(errs, fmt.Errorf("quotes: %w", err))
		}
		a.quotes, a.hasQuotes = qs, true
	}
	return a, errors.Join(errs...)
}

// finder locates gold mentions by text and occurrence, remembering for each
// category and text which occurrence came last.
type finder struct {
	text, raw string
	last      map[string]int
}

func newFinder(text, raw string) *finder {
	return &finder{text: text, raw: raw, last: map[string]int{}}
}

// find returns the span of occurrence n (from 1; 0: the one after the last
// found for this category and text) of s as a whole word in the cleaned
// text. A mention the cleaned text lacks but the raw article has is lost,
// not an error.
func (f *finder) find(category, s string, n int) (located, error) {
	if strings.TrimSpace(s) == "" {
		return located{}, fmt.Errorf("empty text")
	}
	if n < 0 {
		return located{}, fmt.Errorf("n %d is not a positive occurrence", n)
	}
	key := category + "\x00" + s
	if n == 0 {
		n = f.last[key] + 1
	}
	f.last[key] = n
	if span, ok := Occurrence(f.text, s, n); ok {
		return located{span: span}, nil
	}
	if _, ok := Occurrence(f.raw, s, n); ok {
		return located{lost: true}, nil
	}
	if c := len(Occurrences(f.text, s)); c > 0 {
		return located{}, fmt.Errorf("occurrence %d not found: the cleaned text has %d", n, c)
	}
	return located{}, fmt.Errorf("not found in the article as a whole word (case matters)")
}

// Occurrence returns the span of the n-th (from 1) whole-word,
// case-sensitive occurrence of s in text.
func Occurrence(text, s string, n int) (news.Span, bool) {
	all := Occurrences(text, s)
	if n < 1 || n > len(all) {
		return news.Span{}, false
	}
	return all[n-1], true
}

// Occurrences lists the whole-word, case-sensitive occurrences of s in text:
// a match counts when it does not continue a word on either side, so
// "Niger" is not found in "Nigeria" nor "Iran" in "Iranian", while "Georgia"
// is found in "Georgia's".
func Occurrences(text, s string) []news.Span {
	var out []news.Span
	if s == "" {
		return nil
	}
	for from := 0; from <= len(text)-len(s); {
		k := strings.Index(text[from:], s)
		if k < 0 {
			break
		}
		start, end := from+k, from+k+len(s)
		if wordEdge(text, s, start, end) {
			out = append(out, news.Span{start, end})
		}
		_, size := utf8.DecodeRuneInString(text[start:])
		from = start + size
	}
	return out
}

// wordEdge reports whether text[start:end] (equal to s) is not part of a
// longer word: where s begins or ends with a letter or digit, the text
// next to it must not be one.
func wordEdge(text, s string, start, end int) bool {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if isWord(first) && start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:start]); isWord(r) {
			return false
		}
	}
	if isWord(last) && end < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[end:]); isWord(r) {
			return false
		}
	}
	return true
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

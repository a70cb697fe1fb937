package eval

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"dyad/internal/quote"
	"dyad/news"
)

// Counts holds the matching counts of one category of mentions. A gold
// mention is matched exactly by an output mention with the same span, and
// loosely by one whose span overlaps it (each output mention matches at
// most one gold one; exact matches are made first). Matched counts the loose
// matches, which include the exact ones.
type Counts struct {
	Gold    int `json:"gold"`
	Found   int `json:"found"`
	Exact   int `json:"exact"`
	Matched int `json:"matched"`
	Lost    int `json:"lost,omitempty"` // gold mentions the cleaner dropped (counted as missed)
}

// Recall is exact matches over gold mentions.
func (c Counts) Recall() float64 { return ratio(c.Exact, c.Gold) }

// Precision is exact matches over output mentions.
func (c Counts) Precision() float64 { return ratio(c.Exact, c.Found) }

// F1 is the harmonic mean of exact precision and recall.
func (c Counts) F1() float64 { return f1(c.Precision(), c.Recall()) }

// LooseRecall is overlapping matches over gold mentions.
func (c Counts) LooseRecall() float64 { return ratio(c.Matched, c.Gold) }

// LoosePrecision is overlapping matches over output mentions.
func (c Counts) LoosePrecision() float64 { return ratio(c.Matched, c.Found) }

func (c Counts) add(o Counts) Counts {
	return Counts{c.Gold + o.Gold, c.Found + o.Found, c.Exact + o.Exact, c.Matched + o.Matched, c.Lost + o.Lost}
}

// PlaceScore scores toponyms and their geocoding.
type PlaceScore struct {
	Counts
	Right        int `json:"right"`         // matched places geocoded right: within the gold's km (161 by default), or the right country where the gold has no coordinates
	CountryRight int `json:"country_right"` // matched places with the gold country
}

// Accuracy is the share of matched places geocoded right (the Mordecai-style
// figure: accuracy within 161 km given the toponyms found).
func (s PlaceScore) Accuracy() float64 { return ratio(s.Right, s.Matched) }

// CountryAccuracy is the share of matched places with the right country.
func (s PlaceScore) CountryAccuracy() float64 { return ratio(s.CountryRight, s.Matched) }

// EndToEnd is the share of gold places both found (loosely) and geocoded right.
func (s PlaceScore) EndToEnd() float64 { return ratio(s.Right, s.Gold) }

// Add sums two scores.
func (s PlaceScore) Add(o PlaceScore) PlaceScore {
	return PlaceScore{s.Counts.add(o.Counts), s.Right + o.Right, s.CountryRight + o.CountryRight}
}

// TimeScore scores time expressions and their values.
type TimeScore struct {
	Counts
	ValueRight int `json:"value_right"` // matched expressions with the gold value
}

// ValueAccuracy is the share of matched expressions with the gold value.
func (s TimeScore) ValueAccuracy() float64 { return ratio(s.ValueRight, s.Matched) }

// EndToEnd is the share of gold expressions found with the right value.
func (s TimeScore) EndToEnd() float64 { return ratio(s.ValueRight, s.Gold) }

// Add sums two scores.
func (s TimeScore) Add(o TimeScore) TimeScore {
	return TimeScore{s.Counts.add(o.Counts), s.ValueRight + o.ValueRight}
}

// EntityScore scores named mentions, their types and actor codes.
type EntityScore struct {
	Counts
	TypeRight int `json:"type_right"`
	// ActorCoded counts the matched mentions that the gold or dyad codes
	// (a place that is only a location, uncoded on both sides, is left
	// out), and ActorRight those of them whose codes are equal.
	ActorCoded int `json:"actor_coded"`
	ActorRight int `json:"actor_right"`
}

// TypeAccuracy is the share of matched mentions with the gold type.
func (s EntityScore) TypeAccuracy() float64 { return ratio(s.TypeRight, s.Matched) }

// ActorAccuracy is the share of matched mentions coded by the gold or by
// dyad whose actor code is the gold's: a missing, extra or wrong code
// counts against it.
func (s EntityScore) ActorAccuracy() float64 { return ratio(s.ActorRight, s.ActorCoded) }

// Add sums two scores.
func (s EntityScore) Add(o EntityScore) EntityScore {
	return EntityScore{s.Counts.add(o.Counts), s.TypeRight + o.TypeRight, s.ActorCoded + o.ActorCoded, s.ActorRight + o.ActorRight}
}

// EventScore scores events on (source country, target country, CAMEO root),
// matched as multisets.
type EventScore struct {
	Gold    int `json:"gold"`
	Found   int `json:"found"`
	Matched int `json:"matched"`
}

// Precision is matched events over output events.
func (s EventScore) Precision() float64 { return ratio(s.Matched, s.Found) }

// Recall is matched events over gold events.
func (s EventScore) Recall() float64 { return ratio(s.Matched, s.Gold) }

// F1 is the harmonic mean of precision and recall.
func (s EventScore) F1() float64 { return f1(s.Precision(), s.Recall()) }

// Add sums two scores.
func (s EventScore) Add(o EventScore) EventScore {
	return EventScore{s.Gold + o.Gold, s.Found + o.Found, s.Matched + o.Matched}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Haversine is the great-circle distance in kilometres between two points
// given in degrees.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const earthKM = 6371.0088
	rad := math.Pi / 180
	dLat := (lat2 - lat1) * rad
	dLon := (lon2 - lon1) * rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthKM * math.Asin(math.Min(1, math.Sqrt(a)))
}

// Match pairs gold spans with output spans one to one: first every exact
// span, then, for each gold span still alone, the first unpaired output span
// overlapping it. It returns for each gold span the index of its output
// span, or -1, and whether the pair is exact. Gold spans of length 0 (lost
// mentions) are never paired.
func Match(gold, got []news.Span) (pair []int, exact []bool) {
	pair = make([]int, len(gold))
	exact = make([]bool, len(gold))
	used := make([]bool, len(got))
	at := make(map[news.Span][]int, len(got))
	for j, s := range got {
		at[s] = append(at[s], j)
	}
	for i, g := range gold {
		pair[i] = -1
		if g.Len() == 0 {
			continue
		}
		if js := at[g]; len(js) > 0 {
			pair[i], exact[i], used[js[0]] = js[0], true, true
			at[g] = js[1:]
		}
	}
	for i, g := range gold {
		if pair[i] >= 0 || g.Len() == 0 {
			continue
		}
		for j, s := range got {
			if !used[j] && s[0] < g[1] && g[0] < s[1] {
				pair[i], used[j] = j, true
				break
			}
		}
	}
	return pair, exact
}

// matchMentions pairs gold mentions with dyad's by span (see Match) and
// tallies the pairing.
func matchMentions[G, O any](gold []G, got []O, loc func(G) located, span func(O) news.Span) (Counts, []int, []bool) {
	locs := make([]located, len(gold))
	spans := make([]news.Span, len(gold))
	for i, g := range gold {
		locs[i] = loc(g)
		spans[i] = locs[i].span
	}
	outSpans := make([]news.Span, len(got))
	for j, o := range got {
		outSpans[j] = span(o)
	}
	pair, exact := Match(spans, outSpans)
	return counts(locs, len(got), pair, exact), pair, exact
}

// counts tallies a matching.
func counts(gold []located, found int, pair []int, exact []bool) Counts {
	c := Counts{Gold: len(gold), Found: found}
	for i := range gold {
		if gold[i].lost {
			c.Lost++
		}
		if pair[i] >= 0 {
			c.Matched++
			if exact[i] {
				c.Exact++
			}
		}
	}
	return c
}

// scorePlaces compares gold places with dyad's, noting every miss, extra and
// wrong geocoding in notes.
func scorePlaces(gold []goldPlace, got []news.Place, notes *[]string) PlaceScore {
	c, pair, exact := matchMentions(gold, got, func(g goldPlace) located { return g.located }, func(o news.Place) news.Span { return o.Span })
	s := PlaceScore{Counts: c}
	used := make([]bool, len(got))
	for i, g := range gold {
		j := pair[i]
		if j < 0 {
			*notes = append(*notes, fmt.Sprintf("place missed %s%s", mention(g.Text, g.span), lostNote(g.lost)))
			continue
		}
		used[j] = true
		p := got[j]
		if !exact[i] {
			*notes = append(*notes, fmt.Sprintf("place span %s: dyad has %s", mention(g.Text, g.span), mention(p.Text, p.Span)))
		}
		if p.Country == g.Country {
			s.CountryRight++
		}
		if right, why := placeRight(g.GoldPlace, p); right {
			s.Right++
		} else {
			*notes = append(*notes, fmt.Sprintf("place wrong %s: %s", mention(g.Text, g.span), why))
		}
	}
	for j, p := range got {
		if !used[j] {
			*notes = append(*notes, fmt.Sprintf("place extra %s (%s %s)", mention(p.Text, p.Span), p.Name, p.Country))
		}
	}
	return s
}

// placeRight judges dyad's geocoding of a matched gold place and says why
// it is wrong.
func placeRight(g GoldPlace, p news.Place) (bool, string) {
	if g.Lat == nil {
		if p.Country == g.Country {
			return true, ""
		}
		return false, fmt.Sprintf("dyad has %s (%s), want country %s", p.Name, orNone(p.Country), g.Country)
	}
	km := g.KM
	if km == 0 {
		km = DefaultKM
	}
	d := Haversine(*g.Lat, *g.Lon, p.Lat, p.Lon)
	if d <= km {
		return true, ""
	}
	return false, fmt.Sprintf("dyad has %s (%s) at %.2f,%.2f, %.0f km from %.2f,%.2f (want within %.0f)",
		p.Name, orNone(p.Country), p.Lat, p.Lon, d, *g.Lat, *g.Lon, km)
}

// scoreTimes compares gold time expressions with dyad's.
func scoreTimes(gold []goldTime, got []news.Time, notes *[]string) TimeScore {
	c, pair, exact := matchMentions(gold, got, func(g goldTime) located { return g.located }, func(o news.Time) news.Span { return o.Span })
	s := TimeScore{Counts: c}
	used := make([]bool, len(got))
	for i, g := range gold {
		j := pair[i]
		if j < 0 {
			*notes = append(*notes, fmt.Sprintf("time missed %s = %s%s", mention(g.Text, g.span), g.Value, lostNote(g.lost)))
			continue
		}
		used[j] = true
		t := got[j]
		if !exact[i] {
			*notes = append(*notes, fmt.Sprintf("time span %s: dyad has %s", mention(g.Text, g.span), mention(t.Text, t.Span)))
		}
		if t.Value == g.Value {
			s.ValueRight++
		} else {
			*notes = append(*notes, fmt.Sprintf("time wrong %s: dyad has %s, want %s", mention(g.Text, g.span), orNone(t.Value), g.Value))
		}
	}
	for j, t := range got {
		if !used[j] {
			*notes = append(*notes, fmt.Sprintf("time extra %s = %s", mention(t.Text, t.Span), t.Value))
		}
	}
	return s
}

// scoreEntities compares gold named mentions with dyad's.
func scoreEntities(gold []goldEntity, got []news.Entity, notes *[]string) EntityScore {
	c, pair, exact := matchMentions(gold, got, func(g goldEntity) located { return g.located }, func(o news.Entity) news.Span { return o.Span })
	s := EntityScore{Counts: c}
	used := make([]bool, len(got))
	for i, g := range gold {
		j := pair[i]
		if j < 0 {
			*notes = append(*notes, fmt.Sprintf("entity missed %s%s", mention(g.Text, g.span), lostNote(g.lost)))
			continue
		}
		used[j] = true
		e := got[j]
		if !exact[i] {
			*notes = append(*notes, fmt.Sprintf("entity span %s: dyad has %s", mention(g.Text, g.span), mention(e.Text, e.Span)))
		}
		if e.Type == g.Type {
			s.TypeRight++
		} else {
			*notes = append(*notes, fmt.Sprintf("entity type %s: dyad has %s, want %s", mention(g.Text, g.span), e.Type, g.Type))
		}
		if e.Actor == "" && g.Actor == "" {
			continue
		}
		s.ActorCoded++
		if e.Actor == g.Actor {
			s.ActorRight++
		} else {
			*notes = append(*notes, fmt.Sprintf("entity actor %s: dyad has %s, want %s", mention(g.Text, g.span), orNone(e.Actor), orNone(g.Actor)))
		}
	}
	for j, e := range got {
		if !used[j] {
			*notes = append(*notes, fmt.Sprintf("entity extra %s (%s)", mention(e.Text, e.Span), e.Type))
		}
	}
	return s
}

// eventKey is what an event is compared on.
func eventKey(src, tgt, root string) string { return src + "|" + tgt + "|" + root }

// roleCodes are the CAMEO role and sector codes that ActorKey strips from
// the end of an international actor's code.
var roleCodes = wordSet(`GOV MIL COP SPY LEG JUD REB UAF OPP CVL REF MED BUS LAB EDU HLH ELI NGO HRI CRM AGR REL DEV ENV SEP INS MOD RAD`)

// wordSet builds a lookup set from space-separated words.
func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// ActorKey is the part of an actor code that events are compared on, its
// "country": the first three letters of a country-based code ("RUSGOV" →
// "RUS", "SDNREBRSF" → "SDN"); for an international or transnational actor
// (IGO, NGO, IMG, MNC) the code as is, less trailing role codes, so that a
// UN agency is the UN ("IGOUNOREF" → "IGOUNO") and the European
// Parliament the EU ("IGOEUREECLEG" → "IGOEUREEC"); "---" for an actor of
// unknown country ("---GOV"); "" for none.
func ActorKey(code string) string {
	switch {
	case len(code) < 3:
		return code
	case strings.HasPrefix(code, "---"):
		return "---"
	}
	switch code[:3] {
	case "IGO", "NGO", "IMG", "MNC":
		for len(code) > 6 && roleCodes[code[len(code)-3:]] {
			code = code[:len(code)-3]
		}
		return code
	}
	return code[:3]
}

// scoreEvents compares gold events with dyad's as multisets of (source
// country, target country, root), the countries given by ActorKey.
func scoreEvents(gold []GoldEvent, got []news.Event, notes *[]string) EventScore {
	s := EventScore{Gold: len(gold), Found: len(got)}
	left := map[string]int{}
	for _, e := range got {
		left[eventKey(actorKey(e.Source), actorKey(e.Target), e.Root)]++
	}
	for _, g := range gold {
		k := eventKey(g.Source.key(), g.Target.key(), g.Root)
		if left[k] > 0 {
			left[k]--
			s.Matched++
			continue
		}
		*notes = append(*notes, fmt.Sprintf("event missed %s (%s %q)", readableKey(k), g.Code, g.Text))
	}
	for _, e := range got {
		k := eventKey(actorKey(e.Source), actorKey(e.Target), e.Root)
		if left[k] > 0 {
			left[k]--
			*notes = append(*notes, fmt.Sprintf("event extra %s (%s %s→%s %q)", readableKey(k), e.Code, sideCode(e.Source), sideCode(e.Target), verbText(e)))
		}
	}
	return s
}

func verbText(e news.Event) string {
	if e.Verb == nil {
		return ""
	}
	return e.Verb.Text
}

func sideCode(a *news.EventActor) string {
	if a == nil {
		return "none"
	}
	return a.Code
}

// actorKey is ActorKey of an output event's side, or its country when it
// has no code.
func actorKey(a *news.EventActor) string {
	switch {
	case a == nil:
		return ""
	case a.Code != "":
		return ActorKey(a.Code)
	}
	return a.Country
}

func readableKey(k string) string {
	f := strings.Split(k, "|")
	return fmt.Sprintf("%s → %s root %s", orNone(f[0]), orNone(f[1]), f[2])
}

// QuoteScore is internal/quote's Score as the report gives it, with JSON names.
type QuoteScore struct {
	Gold            int     `json:"gold"`
	Found           int     `json:"found"`
	Matched         int     `json:"matched"`
	Precision       float64 `json:"precision"`
	Recall          float64 `json:"recall"`
	F1              float64 `json:"f1"`
	Direct          int     `json:"direct"`
	SpeakerRight    int     `json:"speaker_right"`
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	KindRight       int     `json:"kind_right"`
}

func fromQuote(s quote.Score) QuoteScore {
	return QuoteScore{s.Gold, s.Found, s.Matched, s.Precision, s.Recall, s.F1, s.Direct, s.SpeakerRight, s.SpeakerAccuracy, s.KindRight}
}

// quoteNotes lists the quotes missed, extra and given the wrong speaker.
func quoteNotes(gold, got []news.Quote, notes *[]string) {
	bySpan := make(map[news.Span]news.Quote, len(got))
	for _, q := range got {
		bySpan[q.Span] = q
	}
	goldSpans := make(map[news.Span]bool, len(gold))
	for _, g := range gold {
		goldSpans[g.Span] = true
		q, ok := bySpan[g.Span]
		switch {
		case !ok:
			*notes = append(*notes, fmt.Sprintf("quote missed %s", mention(clip(g.Text), g.Span)))
		case g.Kind == quote.KindDirect && !quote.SameSpeaker(q.Speaker, g.Speaker):
			*notes = append(*notes, fmt.Sprintf("quote speaker %s: dyad has %s, want %s", mention(clip(g.Text), g.Span), orNone(q.Speaker), orNone(g.Speaker)))
		}
	}
	for _, q := range got {
		if !goldSpans[q.Span] {
			*notes = append(*notes, fmt.Sprintf("quote extra %s (%s)", mention(clip(q.Text), q.Span), q.Kind))
		}
	}
}

func mention(text string, s news.Span) string {
	if s.Len() == 0 {
		return fmt.Sprintf("%q", text)
	}
	return fmt.Sprintf("%q@%d", text, s[0])
}

func lostNote(lost bool) string {
	if lost {
		return " (not in the cleaned text)"
	}
	return ""
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// MarshalJSON writes the counts with every ratio.
func (s PlaceScore) MarshalJSON() ([]byte, error) {
	type plain PlaceScore
	return json.Marshal(struct {
		plain
		Recall          float64 `json:"recall"`
		Precision       float64 `json:"precision"`
		F1              float64 `json:"f1"`
		LooseRecall     float64 `json:"loose_recall"`
		LoosePrecision  float64 `json:"loose_precision"`
		Accuracy        float64 `json:"accuracy_161km"`
		CountryAccuracy float64 `json:"country_accuracy"`
		EndToEnd        float64 `json:"end_to_end"`
	}{plain(s), s.Recall(), s.Precision(), s.F1(), s.LooseRecall(), s.LoosePrecision(), s.Accuracy(), s.CountryAccuracy(), s.EndToEnd()})
}

// MarshalJSON writes the counts with every ratio.
func (s TimeScore) MarshalJSON() ([]byte, error) {
	type plain TimeScore
	return json.Marshal(struct {
		plain
		Recall         float64 `json:"recall"`
		Precision      float64 `json:"precision"`
		F1             float64 `json:"f1"`
		LooseRecall    float64 `json:"loose_recall"`
		LoosePrecision float64 `json:"loose_precision"`
		ValueAccuracy  float64 `json:"value_accuracy"`
		EndToEnd       float64 `json:"end_to_end"`
	}{plain(s), s.Recall(), s.Precision(), s.F1(), s.LooseRecall(), s.LoosePrecision(), s.ValueAccuracy(), s.EndToEnd()})
}

// MarshalJSON writes the counts with every ratio.
func (s EntityScore) MarshalJSON() ([]byte, error) {
	type plain EntityScore
	return json.Marshal(struct {
		plain
		Recall        float64 `json:"recall"`
		Precision     float64 `json:"precision"`
		F1            float64 `json:"f1"`
		TypeAccuracy  float64 `json:"type_accuracy"`
		ActorAccuracy float64 `json:"actor_accuracy"`
	}{plain(s), s.Recall(), s.Precision(), s.F1(), s.TypeAccuracy(), s.ActorAccuracy()})
}

// MarshalJSON writes the counts with every ratio.
func (s EventScore) MarshalJSON() ([]byte, error) {
	type plain EventScore
	return json.Marshal(struct {
		plain
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		F1        float64 `json:"f1"`
	}{plain(s), s.Precision(), s.Recall(), s.F1()})
}

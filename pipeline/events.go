package pipeline

import (
	"sort"
	"strings"

	"dyad/internal/cameo"
	"dyad/internal/coder"
	"dyad/internal/dictfile"
	"dyad/internal/story"
	"dyad/internal/when"
	"dyad/news"
)

// describeEvents fills what follows from each event's CAMEO code (root,
// QuadClass, Goldstein score, PLOVER type and mode) and marks events coded
// from photo captions. A code the table does not know keeps its fields
// empty: nothing is made up.
func describeEvents(table *cameo.Table, doc news.Document, events []news.Event) []news.Event {
	out := make([]news.Event, len(events))
	for i, e := range events {
		if info, ok := table.Lookup(e.Code); ok {
			e.Root = info.Root
			e.QuadClass = info.QuadClass
			if info.HasGoldstein() {
				g := info.Goldstein
				e.Goldstein = &g
			}
			if info.PloverType != "" {
				e.Plover = &news.Plover{Type: info.PloverType, Mode: info.PloverMode}
			}
		}
		if e.Sentence >= 0 && e.Sentence < len(doc.Sentences) {
			if b := doc.Sentences[e.Sentence].Block; b >= 0 && b < len(doc.Blocks) {
				e.FromCaption = doc.Blocks[b].Kind == news.BlockCaption
			}
		}
		out[i] = e
	}
	return out
}

// dateEvents gives each event the date of the time expression in its
// sentence, else the publication date; an event of an undated article with no
// time expression keeps no date.
func dateEvents(doc news.Document, events []news.Event) []news.Event {
	for i, e := range events {
		if e.Sentence < 0 || e.Sentence >= len(doc.Sentences) {
			continue
		}
		if t, ok := when.ForSentence(doc.Times, doc.Sentences[e.Sentence]); ok {
			events[i].Date, events[i].DateGrain = t.Value, t.Grain
		} else if doc.Published != "" {
			events[i].Date, events[i].DateGrain = doc.Published[:min(len(doc.Published), 10)], "day"
		}
	}
	return events
}

// placeEvents gives each event the place attached to its clause, else the
// dateline's place when the sentence names no place elsewhere; an event
// with neither keeps no place rather than a guess.
func (p *Pipeline) placeEvents(doc news.Document, events []news.Event) []news.Event {
	var dateline []news.Place
	if dl, ok := datelinePlace(doc); ok {
		dateline = append(dateline, dl)
	}
	for i, e := range events {
		if e.Sentence < 0 || e.Sentence >= len(doc.Sentences) {
			continue
		}
		s := doc.Sentences[e.Sentence]
		if pl, ok := p.geo.EventPlace(placesIn(doc.Places, s.Span), s, dateline...); ok {
			events[i].Place = &pl
		}
	}
	return events
}

// datelinePlace is the place named by the article's dateline: the first
// place found inside the dateline at the start of a paragraph.
func datelinePlace(doc news.Document) (news.Place, bool) {
	pl, _, ok := story.Dateline(doc)
	return pl, ok
}

// placesIn returns the places (sorted by span, as geo.Find gives them) that
// start inside span, so that placing an event looks only at its sentence.
func placesIn(places []news.Place, span news.Span) []news.Place {
	lo := sort.Search(len(places), func(i int) bool { return places[i].Span[0] >= span[0] })
	hi := sort.Search(len(places), func(i int) bool { return places[i].Span[0] >= span[1] })
	return places[lo:hi]
}

// storyCountry is the country a story is set in: the dateline's country,
// else the country its places name most often (the first named on a tie).
// It is "" when the story names no place with a country.
//
// A dateline whose country the story presents as a venue (story.Abroad:
// the mediator's or host's capital, or a city the story never names again
// while it names another country three times) gives way to the country the
// story names most outside those roles.
func storyCountry(doc news.Document) string {
	dl, end, ok := story.Dateline(doc)
	count := map[string]int{}
	best := ""
	for _, pl := range doc.Places {
		if pl.Country == "" || ok && pl.Span[0] >= dl.Span[0] && pl.Span[0] < end {
			continue // the dateline's places
		}
		count[pl.Country]++
		if best == "" || count[pl.Country] > count[best] {
			best = pl.Country
		}
	}
	if ok && dl.Country != "" {
		if igo := seatOf(dl, doc.Entities); igo != "" {
			return igo
		}
		if c := story.Abroad(doc); c != "" {
			return c
		}
		return dl.Country
	}
	return best
}

// igoSeats are the cities whose datelines speak for an international
// organisation when the story names it: "the ministers" of a story from
// Brussels that names the EU are the EU's, not Belgium's.
var igoSeats = map[string]string{"Brussels|BEL": "IGOEUREEC"}

// seatOf returns the organisation whose seat the dateline place is, when one
// of the story's entities is coded as it, or "".
func seatOf(dl news.Place, entities []news.Entity) string {
	igo := igoSeats[dl.Name+"|"+dl.Country]
	if igo == "" {
		return ""
	}
	for _, e := range entities {
		if strings.HasPrefix(e.Actor, igo) {
			return igo
		}
	}
	return ""
}

// seatEvents reads "Brussels" as an actor in a story that names an EU
// body as the EU ("which Brussels accuses of …"), as the entity stage
// does: the seat of the organisation, not Belgium's government. The input
// is not changed.
func seatEvents(doc news.Document, events []news.Event) []news.Event {
	igo := ""
	for _, e := range doc.Entities {
		if strings.HasPrefix(e.Actor, "IGOEUREEC") {
			igo = "IGOEUREEC"
			break
		}
	}
	if igo == "" {
		return events
	}
	seat := func(a *news.EventActor) *news.EventActor {
		if a == nil || !strings.HasPrefix(a.Code, "BEL") || !strings.EqualFold(a.Text, "Brussels") {
			return a
		}
		b := *a
		b.Code, b.Country = igo, ""
		return &b
	}
	out := make([]news.Event, len(events))
	for i, e := range events {
		e.Source, e.Target = seat(e.Source), seat(e.Target)
		out[i] = e
	}
	return out
}

// localiseEvents gives an agent of unknown country ("---GOV" for "the
// government", "---OPP" for "protesters", "---GOV" for a bare title) the
// story's country, as a reader of the story would ("the army backed the
// soldiers" in a story from Niamey is Niger's army backing Niger's
// soldiers). The input is not changed.
func localiseEvents(events []news.Event, country string) []news.Event {
	if country == "" {
		return events
	}
	fill := func(a *news.EventActor) *news.EventActor {
		if a == nil || !strings.HasPrefix(a.Code, "---") {
			return a
		}
		if len(country) != 3 && !strings.HasPrefix(a.Code, "---GOV") {
			return a // an organisation has officials, not civilians, police or rebels
		}
		b := *a
		b.Code = country + strings.TrimPrefix(a.Code, "---")
		b.Country = ""
		if len(country) == 3 { // a state, not an organisation
			b.Country = country
		}
		return &b
	}
	out := make([]news.Event, 0, len(events))
	for _, e := range events {
		e.Source, e.Target = fill(e.Source), fill(e.Target)
		out = append(out, e)
	}
	return out
}

// intentCodes maps a cooperative CAMEO code (roots 04–08) to the intent
// code of root 03 that a promise or plan of it is coded as.
var intentCodes = map[string]string{
	"045": "039", "046": "039",
	"061": "0311", "062": "0312", "063": "0313", "064": "0314",
	"071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "033",
	"081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342", "0833": "0343", "0834": "0344",
	"084": "0353", "0841": "0353", "0842": "0353", "085": "0354", "086": "0355", "087": "0356",
}

// intentCode is the 03 code of a future or hypothetical cooperative act:
// meeting or talks (04) are intent to meet (036), diplomatic cooperation
// (05) intent to cooperate (030), material cooperation (06) 031, aid (07)
// 033, yielding (08) 035. Other codes are returned unchanged.
func intentCode(code string) string {
	if c, ok := intentCodes[code]; ok {
		return c
	}
	if len(code) < 2 {
		return code
	}
	switch code[:2] {
	case "04":
		return "036"
	case "05":
		return "030"
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		return "035"
	}
	return code
}

// intentEvents recodes each future or hypothetical cooperative event as
// the intent it expresses ("will sign a treaty" 057 → 030, "would hold
// talks" 040 → 036), as the CAMEO codebook reads a promise or plan. The
// input is not changed.
func intentEvents(events []news.Event) []news.Event {
	out := make([]news.Event, len(events))
	for i, e := range events {
		if e.Modality == "future" || e.Modality == "hypothetical" {
			e.Code = intentCode(e.Code)
		}
		out[i] = e
	}
	return out
}

// dropTitleRepeats drops the events of the title that the body codes too,
// from the same source country and with the same root, since a
// headline retells the story's lead ("Police detain two after stabbing"
// over "French police detained two men"). It runs after localiseEvents
// and describeEvents; the input is not changed.
func dropTitleRepeats(doc news.Document, events []news.Event) []news.Event {
	inTitle := func(e news.Event) bool {
		if e.Sentence < 0 || e.Sentence >= len(doc.Sentences) {
			return false
		}
		b := doc.Sentences[e.Sentence].Block
		return b >= 0 && b < len(doc.Blocks) && doc.Blocks[b].Kind == news.BlockTitle
	}
	key := func(e news.Event) string {
		// the source's country and the root: a headline compresses its
		// target ("drones hit Danube port near Romanian border" over
		// "Russian drones struck grain silos in the Odesa region")
		return countryOf(e.Source) + "|" + e.Root
	}
	body := map[string]bool{}
	for _, e := range events {
		if !inTitle(e) {
			body[key(e)] = true
		}
	}
	out := make([]news.Event, 0, len(events))
	for _, e := range events {
		if inTitle(e) && body[key(e)] {
			continue
		}
		out = append(out, e)
	}
	return out
}

// countryOf is the first three letters of an event actor's code: its
// country, or its kind for an international actor.
func countryOf(a *news.EventActor) string {
	if a == nil || len(a.Code) < 3 {
		return ""
	}
	return a.Code[:3]
}

// entityNames are the persons and organisations with an actor code that
// the entity stage found in doc ("Makebi Zulu", a surname standing for
// him, "Interior Ministry"), as the coder's article names: their words as
// the tokens spell them, their code, and "entities/TYPE:N" (the Nth
// entity) for rule. A name met twice is given once.
func entityNames(doc news.Document) []coder.Name {
	var out []coder.Name
	seen := map[string]bool{}
	for i, en := range doc.Entities {
		if en.Actor == "" || en.Type != "person" && en.Type != "organization" {
			continue
		}
		var words []string
		for _, s := range doc.Sentences {
			if s.Span[1] <= en.Span[0] || s.Span[0] >= en.Span[1] {
				continue
			}
			for _, t := range s.Tokens {
				if t.Span[0] >= en.Span[0] && t.Span[1] <= en.Span[1] {
					words = append(words, strings.ReplaceAll(strings.ToUpper(t.Text), "’", "'"))
				}
			}
		}
		key := strings.Join(words, " ") + "|" + en.Actor
		if len(words) == 0 || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, coder.Name{Words: words, Code: en.Actor, Pos: dictfile.Pos{File: "entities/" + en.Type, Line: i + 1}})
	}
	return out
}

// mediatedEvents reads the acts of a story's mediators and hosts
// (story.Sides) as done between the story's two sides, not among the
// mediators: "Qatar and Turkey brokered a truce" is each mediator's
// mediation (045) with each side, not Qatar's with Turkey; "the two sides
// met in Doha", which the coder resolved to the mediators, is the sides'
// meeting; "China hosted their foreign ministers in Beijing" hosts the
// sides' ministers, not China's; "the two delegations", one of which the
// coder took for the mediator's, are the sides'. Other events are kept as
// they are; the input is not changed.
func mediatedEvents(doc news.Document, events []news.Event) []news.Event {
	a, b, med := story.Sides(doc)
	if a == "" {
		return events
	}
	if len(med) == 0 {
		return bothSides(doc, events, a, b)
	}
	side := func(x *news.EventActor, c string) *news.EventActor {
		y := *x
		y.Code = c + x.Code[3:]
		y.Country = c
		if named(x.Text) {
			// the mediator's name is no mention of the side: the side is
			// implied, as an implicit target is.
			y.Text, y.Span = "", news.Span{}
		}
		return &y
	}
	other := func(c string) string {
		if c == a {
			return b
		}
		return a
	}
	out := make([]news.Event, 0, len(events))
	for _, e := range events {
		src, tgt := countryOf(e.Source), countryOf(e.Target)
		if tgt == "" || !med[src] && !med[tgt] {
			out = append(out, e)
			continue
		}
		switch {
		case mediationCodes[e.Code] && med[src] && (tgt == src || med[tgt]):
			// the mediator's or host's act on each side.
			e.Target = side(e.Target, a)
			out = append(out, e)
			if b != a {
				e.Target = side(e.Target, b)
				out = append(out, e)
			}
			continue
		case !meetingCode(e.Code) || tgt == src:
		case med[src] && med[tgt]:
			// two mediators "met": the sides did, one direction per event.
			if src < tgt {
				e.Source, e.Target = side(e.Source, a), side(e.Target, b)
			} else {
				e.Source, e.Target = side(e.Source, b), side(e.Target, a)
			}
		case med[src] && (tgt == a || tgt == b) && !named(e.Source.Text):
			e.Source = side(e.Source, other(tgt)) // "the two delegations"
		case med[tgt] && (src == a || src == b) && !named(e.Target.Text):
			e.Target = side(e.Target, other(src))
		}
		out = append(out, e)
	}
	return bothSides(doc, out, a, b)
}

// bothSidesWords are the phrases that name a story's two sides.
var bothSidesWords = []string{"both sides", "the two sides", "both countries", "the two countries",
	"both governments", "the two governments", "both neighbours", "the two neighbours", "both neighbors", "the two neighbors"}

// bothSides gives an act on "both sides" right after its verb ("urged
// both sides to …"), which the coder left with an implied target of the
// story's country, each of the story's two sides a and b as target, when
// they differ. The input is not changed.
func bothSides(doc news.Document, events []news.Event, a, b string) []news.Event {
	if a == b {
		return events
	}
	out := make([]news.Event, 0, len(events))
	for _, e := range events {
		if tc := countryOf(e.Target); tc != a && tc != b || e.Target.Text != "" || e.Verb == nil || !e.Verb.Span.In(len(doc.Text)) || !aimedAtBothSides(doc.Text[e.Verb.Span[1]:]) {
			out = append(out, e)
			continue
		}
		for _, c := range []string{a, b} {
			if countryOf(e.Source) == c {
				continue // one side urging both urges the other
			}
			t := *e.Target
			t.Code, t.Country = c+t.Code[3:], c
			e.Target = &t
			out = append(out, e)
		}
	}
	return out
}

// aimedAtBothSides reports whether rest, the text after a verb, opens with
// a phrase naming both sides.
func aimedAtBothSides(rest string) bool {
	rest = strings.ToLower(strings.TrimLeft(rest, " "))
	for _, w := range bothSidesWords {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// mediationCodes are the CAMEO codes of mediating (045, 046, intent 039)
// and hosting (043) talks between others.
var mediationCodes = map[string]bool{"043": true, "045": true, "046": true, "039": true}

// meetingCode reports whether code is a meeting or talks (040, 044, …) or
// the intent to meet (036).
func meetingCode(code string) bool {
	return code == "036" || strings.HasPrefix(code, "04") && !mediationCodes[code]
}

// named reports whether an actor's text is a name (capitalised) rather
// than a common noun ("delegations") or a pronoun.
func named(text string) bool {
	return text != "" && text[0] >= 'A' && text[0] <= 'Z'
}

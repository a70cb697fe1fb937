package pipeline

import (
	"sort"
	"strings"

	"dyad/internal/cameo"
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
	if doc.Dateline == "" {
		return news.Place{}, false
	}
	for _, b := range doc.Blocks {
		start := b.Span[0]
		if b.Kind != news.BlockParagraph || !strings.HasPrefix(doc.Text[start:], doc.Dateline) {
			continue
		}
		end := start + len(doc.Dateline)
		for _, pl := range doc.Places {
			if pl.Span[0] >= start && pl.Span[1] <= end {
				return pl, true
			}
		}
		return news.Place{}, false
	}
	return news.Place{}, false
}

// placesIn returns the places (sorted by span, as geo.Find gives them) that
// start inside span, so that placing an event looks only at its sentence.
func placesIn(places []news.Place, span news.Span) []news.Place {
	lo := sort.Search(len(places), func(i int) bool { return places[i].Span[0] >= span[0] })
	hi := sort.Search(len(places), func(i int) bool { return places[i].Span[0] >= span[1] })
	return places[lo:hi]
}

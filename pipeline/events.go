package pipeline

import (
	"dyad/internal/cameo"
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

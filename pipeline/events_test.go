package pipeline

import (
	"testing"

	"dyad/internal/cameo"
	"dyad/news"
)

func TestDescribeEvents(t *testing.T) {
	table, err := cameo.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	doc := news.Document{
		Blocks:    []news.Block{{Kind: news.BlockCaption}, {Kind: news.BlockParagraph}},
		Sentences: []news.Sentence{{Block: 0}, {Block: 1}},
	}
	in := []news.Event{
		{Sentence: 0, Code: "042"},
		{Sentence: 1, Code: "190"},
		{Sentence: 1, Code: "+++"},
	}
	got := describeEvents(table, doc, in)
	if e := got[0]; e.Root != "04" || e.QuadClass != 1 || e.Plover == nil || e.Plover.Type != "CONSULT" || !e.FromCaption {
		t.Errorf("042 in a caption: %+v", e)
	}
	if e := got[1]; e.Root != "19" || e.QuadClass != 4 || e.Goldstein == nil || *e.Goldstein != -10 || e.FromCaption {
		t.Errorf("190: %+v (goldstein %v)", e, e.Goldstein)
	}
	if e := got[2]; e.Root != "" || e.QuadClass != 0 || e.Goldstein != nil || e.Plover != nil {
		t.Errorf("unknown code got made-up values: %+v", e)
	}
	if in[0].Root != "" {
		t.Error("describeEvents changed its input")
	}
}

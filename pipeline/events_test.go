package pipeline

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

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

func TestStoryCountry(t *testing.T) {
	text := "LIMA, Peru - Police in Quito and Bogota said."
	venue := "LIMA, Peru - Police in Bogota, Cali and Medellin said."
	tests := []struct {
		name string
		doc  news.Document
		want string
	}{
		{"the dateline's country", news.Document{Text: text, Dateline: "LIMA, Peru -",
			Blocks: []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}},
			Places: []news.Place{{Span: news.Span{0, 4}, Country: "PER"}, {Span: news.Span{6, 10}, Country: "PER"}, {Span: news.Span{23, 28}, Country: "ECU"}, {Span: news.Span{33, 39}, Country: "COL"}}}, "PER"},
		{"the dateline's country named again, against another named twice", news.Document{Text: text, Dateline: "LIMA, Peru -",
			Blocks: []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}},
			Places: []news.Place{{Span: news.Span{0, 4}, Country: "PER"}, {Span: news.Span{23, 28}, Country: "PER"}, {Span: news.Span{33, 39}, Country: "COL"}, {Span: news.Span{40, 44}, Country: "COL"}}}, "PER"},
		{"a venue the story never names again: the country named most, three times", news.Document{Text: venue, Dateline: "LIMA, Peru -",
			Blocks: []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(venue)}}},
			Places: []news.Place{{Span: news.Span{0, 4}, Country: "PER"}, {Span: news.Span{6, 10}, Country: "PER"}, {Span: news.Span{23, 29}, Country: "COL"}, {Span: news.Span{31, 35}, Country: "COL"}, {Span: news.Span{40, 48}, Country: "COL"}}}, "COL"},
		{"a venue's country against another named only twice", news.Document{Text: venue, Dateline: "LIMA, Peru -",
			Blocks: []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(venue)}}},
			Places: []news.Place{{Span: news.Span{0, 4}, Country: "PER"}, {Span: news.Span{6, 10}, Country: "PER"}, {Span: news.Span{23, 29}, Country: "COL"}, {Span: news.Span{31, 35}, Country: "COL"}}}, "PER"},
		{"else the country named most", news.Document{Text: text,
			Places: []news.Place{{Span: news.Span{23, 28}, Country: "ECU"}, {Span: news.Span{33, 39}, Country: "COL"}, {Span: news.Span{40, 44}, Country: "COL"}}}, "COL"},
		{"the first named on a tie", news.Document{Text: text,
			Places: []news.Place{{Span: news.Span{23, 28}, Country: "ECU"}, {Span: news.Span{33, 39}, Country: "COL"}}}, "ECU"},
		{"no place", news.Document{Text: text}, ""},
	}
	eu := "BRUSSELS - EU ministers met. The ministers agreed."
	euBlocks := []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(eu)}}}
	euPlace := []news.Place{{Span: news.Span{0, 8}, Name: "Brussels", Country: "BEL"}}
	tests = append(tests,
		struct {
			name string
			doc  news.Document
			want string
		}{"the EU, from its seat, when the story names it", news.Document{Text: eu, Dateline: "BRUSSELS -", Blocks: euBlocks, Places: euPlace,
			Entities: []news.Entity{{Span: news.Span{11, 13}, Actor: "IGOEUREEC"}}}, "IGOEUREEC"},
		struct {
			name string
			doc  news.Document
			want string
		}{"Belgium, from Brussels, when the story names no EU body", news.Document{Text: eu, Dateline: "BRUSSELS -", Blocks: euBlocks, Places: euPlace}, "BEL"})
	for _, tc := range tests {
		if got := storyCountry(tc.doc); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestLocaliseAndIntent(t *testing.T) {
	in := []news.Event{
		{Source: &news.EventActor{Code: "---COP"}, Target: &news.EventActor{Code: "---OPP"}, Code: "173", Modality: "asserted"},
		{Source: &news.EventActor{Code: "USAGOV", Country: "USA"}, Target: &news.EventActor{Code: "---GOV"}, Code: "040", Modality: "future"},
		{Source: &news.EventActor{Code: "USA", Country: "USA"}, Target: &news.EventActor{Code: "IRN", Country: "IRN"}, Code: "057", Modality: "hypothetical"},
		{Source: &news.EventActor{Code: "USA", Country: "USA"}, Target: &news.EventActor{Code: "IRN", Country: "IRN"}, Code: "073", Modality: "future"},
		{Source: &news.EventActor{Code: "USA", Country: "USA"}, Target: &news.EventActor{Code: "IRN", Country: "IRN"}, Code: "190", Modality: "future"},
	}
	got := intentEvents(localiseEvents(in, "BGD"))
	var short []string
	for _, e := range got {
		short = append(short, e.Source.Code+" "+e.Target.Code+" "+e.Target.Country+" "+e.Code)
	}
	want := []string{"BGDCOP BGDOPP BGD 173", "USAGOV BGDGOV BGD 036", "USA IRN IRN 030", "USA IRN IRN 0333", "USA IRN IRN 190"}
	if diff := cmp.Diff(want, short); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if in[0].Source.Code != "---COP" || in[1].Code != "040" {
		t.Error("the input was changed")
	}
	if got := localiseEvents(in, ""); got[0].Source.Code != "---COP" {
		t.Errorf("no story country: %q, want ---COP", got[0].Source.Code)
	}
	// An organisation's story fills officials only, with no country.
	eu := localiseEvents(in[:2], "IGOEUREEC")
	if eu[0].Source.Code != "---COP" || eu[1].Target.Code != "IGOEUREECGOV" || eu[1].Target.Country != "" {
		t.Errorf("EU story: %+v %+v, want ---COP kept and IGOEUREECGOV without a country", eu[0].Source, eu[1].Target)
	}
}

func TestDropTitleRepeats(t *testing.T) {
	doc := news.Document{
		Blocks:    []news.Block{{Kind: news.BlockTitle}, {Kind: news.BlockParagraph}},
		Sentences: []news.Sentence{{Block: 0}, {Block: 1}},
	}
	ev := func(sent int, src, tgt, root string) news.Event {
		return news.Event{Sentence: sent, Source: &news.EventActor{Code: src}, Target: &news.EventActor{Code: tgt}, Root: root}
	}
	in := []news.Event{ev(0, "FRACOP", "FRA", "17"), ev(0, "FRA", "DEU", "04"), ev(1, "FRAGOV", "FRACVL", "17")}
	got := dropTitleRepeats(doc, in)
	if len(got) != 2 || got[0].Root != "04" || got[1].Sentence != 1 {
		t.Errorf("got %+v, want the title's 04 and the body's 17", got)
	}
	// a headline compresses its target: the same source country and root
	// as the body's lead is a repeat
	in = []news.Event{ev(0, "RUSMIL", "ROU", "19"), ev(0, "UKRMIL", "RUS", "19"), ev(1, "RUSMIL", "UKR", "19")}
	got = dropTitleRepeats(doc, in)
	if len(got) != 2 || got[0].Source.Code != "UKRMIL" || got[1].Sentence != 1 {
		t.Errorf("got %+v, want the title's UKRMIL event and the body's", got)
	}
}

func TestEntityNames(t *testing.T) {
	text := "Opposition leader Makebi Zulu met Zulu’s allies."
	doc := news.Document{
		Text: text,
		Sentences: []news.Sentence{{Span: news.Span{0, len(text)}, Tokens: []news.Token{
			{Text: "Opposition", Span: news.Span{0, 10}}, {Text: "leader", Span: news.Span{11, 17}},
			{Text: "Makebi", Span: news.Span{18, 24}}, {Text: "Zulu", Span: news.Span{25, 29}},
			{Text: "met", Span: news.Span{30, 33}}, {Text: "Zulu", Span: news.Span{34, 38}},
			{Text: "’s", Span: news.Span{38, 42}}, {Text: "allies", Span: news.Span{43, 49}},
		}}},
		Entities: []news.Entity{
			{Text: "Makebi Zulu", Span: news.Span{18, 29}, Type: "person", Actor: "ZMBOPP"},
			{Text: "Zulu", Span: news.Span{34, 38}, Type: "person", Actor: "ZMBOPP"},
			{Text: "Zulu", Span: news.Span{34, 38}, Type: "person", Actor: "ZMBOPP"},
			{Text: "Lusaka", Span: news.Span{0, 1}, Type: "place", Actor: "ZMBGOV"},
			{Text: "Nobody", Span: news.Span{0, 1}, Type: "person"},
		},
	}
	var got []string
	for _, n := range entityNames(doc) {
		got = append(got, fmt.Sprint(n.Words, " ", n.Code, " ", n.Pos))
	}
	want := []string{"[MAKEBI ZULU] ZMBOPP entities/person:1", "[ZULU] ZMBOPP entities/person:2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestBothSides checks that an act on "both sides" right after its verb,
// coded with an implied target, is on each of the story's two sides.
func TestBothSides(t *testing.T) {
	text := "The envoy urged both sides to talk. The envoy urged restraint."
	ev := func(from, to int, src, tgt string) news.Event {
		return news.Event{Source: &news.EventActor{Code: src}, Target: &news.EventActor{Code: tgt}, Code: "020",
			Verb: &news.Verb{Text: text[from:to], Span: news.Span{from, to}}}
	}
	doc := news.Document{Text: text}
	in := []news.Event{ev(11, 16, "USAGOV", "IND"), ev(47, 52, "USAGOV", "IND"), ev(11, 16, "PAKGOV", "IND")}
	var got []string
	for _, e := range bothSides(doc, in, "IND", "PAK") {
		got = append(got, e.Source.Code+" "+e.Target.Code+" "+e.Target.Country)
	}
	want := []string{"USAGOV IND IND", "USAGOV PAK PAK", "USAGOV IND ", "PAKGOV IND IND"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if in[0].Target.Code != "IND" {
		t.Error("the input was changed")
	}
	if got := bothSides(doc, in, "IND", "IND"); len(got) != len(in) {
		t.Errorf("one side: %d events, want %d", len(got), len(in))
	}
}

// TestSeatEvents checks that "Brussels" as an actor is the EU in a story
// that names an EU body, and Belgium's government otherwise.
func TestSeatEvents(t *testing.T) {
	in := []news.Event{{
		Source: &news.EventActor{Code: "HUN", Text: "Hungary", Country: "HUN"},
		Target: &news.EventActor{Code: "BELGOV", Text: "Brussels", Country: "BEL"}, Code: "112"}}
	eu := news.Document{Entities: []news.Entity{{Text: "European Union", Actor: "IGOEUREEC"}}}
	got := seatEvents(eu, in)
	if g := got[0].Target; g.Code != "IGOEUREEC" || g.Country != "" || got[0].Source.Code != "HUN" {
		t.Errorf("EU story: target %+v, want IGOEUREEC without a country", g)
	}
	if in[0].Target.Code != "BELGOV" {
		t.Error("the input was changed")
	}
	if got := seatEvents(news.Document{}, in); got[0].Target.Code != "BELGOV" {
		t.Errorf("a story naming no EU body: %q, want BELGOV", got[0].Target.Code)
	}
}

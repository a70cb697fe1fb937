package quote

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/news"
)

// brief is the part of a Quote the table tests compare.
type brief struct {
	Text, Kind, Speaker string
}

func briefs(qs []news.Quote) []brief {
	out := make([]brief, 0, len(qs))
	for _, q := range qs {
		out = append(out, brief{q.Text, q.Kind, q.Speaker})
	}
	return out
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []brief
	}{
		{
			name: "said X and X said with a pronoun",
			body: "Headline here\n\nForeign Minister Anna Berg arrived on Monday.\n\n\"We came to listen,\" said Berg. \"Then we will decide,\" she added.",
			want: []brief{{"We came to listen", "direct", "Anna Berg"}, {"Then we will decide", "direct", "Anna Berg"}},
		},
		{
			name: "interrupted quote keeps its speaker",
			body: "Headline here\n\n\"The door is open,\" Defense Minister Omar Said told reporters. \"But not for long.\"",
			want: []brief{{"The door is open", "direct", "Omar Said"}, {"But not for long.", "direct", "Omar Said"}},
		},
		{
			name: "partial quote and curly marks",
			body: "Headline here\n\nPresident Lena Ortiz referred to the “brutal attack” in the capital.",
			want: []brief{{"brutal attack", "partial", "Lena Ortiz"}},
		},
		{
			name: "description kept as written",
			body: "Headline here\n\n\"Nothing was agreed,\" U.S. officials said.",
			want: []brief{{"Nothing was agreed", "direct", "U.S. officials"}},
		},
		{
			name: "unknown stays unknown",
			body: "Headline here\n\nThe market opened late.\n\n\"Prices will fall.\"",
			want: []brief{{"Prices will fall.", "direct", ""}},
		},
		{
			name: "according to",
			body: "Headline here\n\n\"The vote is over,\" according to election official Karl Meyer.",
			want: []brief{{"The vote is over", "direct", "Karl Meyer"}},
		},
		{
			name: "apostrophes are not quotes",
			body: "Headline here\n\nThey're back in Nice's old town, where the '90s feel close and the workers' union meets.",
			want: []brief{},
		},
		{
			name: "unclosed mark closes at the paragraph end",
			body: "Headline here\n\n\"It is over, Smith said.\n\nThe next paragraph has no quote at all.",
			want: []brief{{"It is over, Smith said.", "direct", ""}},
		},
		{
			name: "quote over two paragraphs",
			body: "Headline here\n\nGeneral Tom Reyes said: \"We are ready.\n\n\"We have always been ready.\"",
			want: []brief{{"We are ready.", "direct", "Tom Reyes"}, {"We have always been ready.", "direct", "Tom Reyes"}},
		},
		{
			name: "colon after a clause with no speech verb, over two paragraphs",
			body: "Headline here\n\nRetired colonel Marta Vidal, who commanded the northern brigade, put it plainly: \"The lines will not move this winter.\n\n\"Both armies are dug in, and neither has the shells to break through.\"",
			want: []brief{{"The lines will not move this winter.", "direct", "Marta Vidal"}, {"Both armies are dug in, and neither has the shells to break through.", "direct", "Marta Vidal"}},
		},
		{
			name: "appositive ending in a place is not the speaker",
			body: "Headline here\n\n\"Prices will rise again,\" Hugo Lind, a grain trader in Oslo, said on Friday.",
			want: []brief{{"Prices will rise again", "direct", "Hugo Lind"}},
		},
		{
			name: "colon after a role as subject",
			body: "Headline here\n\nThe economist Peter Lund spoke at the forum. The economist summed up the mood: \"Nobody is buying.\"",
			want: []brief{{"Nobody is buying.", "direct", "Peter Lund"}},
		},
		{
			name: "colon after a thing gives no speaker",
			body: "Headline here\n\nThe market opened late. The message on the screens was short: \"Trading halted.\"",
			want: []brief{{"Trading halted.", "direct", ""}},
		},
		{
			name: "single and angle marks",
			body: "Headline here\n\nThe minister said 'no deal' again. «We wait», the envoy said.",
			want: []brief{{"no deal", "partial", "The minister"}, {"We wait", "direct", "the envoy"}},
		},
		{
			name: "the spokesman resolves to the person introduced as one",
			body: "Headline here\n\nKremlin spokesman Ivan Petrov spoke on Friday.\n\n\"We have no plans,\" the spokesman said.",
			want: []brief{{"We have no plans", "direct", "Ivan Petrov"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := docOf(t, tt.body)
			got := Find(doc)
			if diff := cmp.Diff(tt.want, briefs(got)); diff != "" {
				t.Errorf("Find (-want +got):\n%s", diff)
			}
			checkSpans(t, doc, got)
		})
	}
}

// checkSpans checks the invariants every Find result keeps.
func checkSpans(t *testing.T, doc news.Document, qs []news.Quote) {
	t.Helper()
	last := -1
	for _, q := range qs {
		if !q.Span.In(len(doc.Text)) || doc.Text[q.Span[0]:q.Span[1]] != q.Text {
			t.Fatalf("quote %q: span %v does not match the text", q.Text, q.Span)
		}
		if q.Span[0] < last {
			t.Fatalf("quote %q out of order", q.Text)
		}
		last = q.Span[0]
		if q.SpeakerSpan != nil && !q.SpeakerSpan.In(len(doc.Text)) {
			t.Fatalf("quote %q: speaker span %v out of bounds", q.Text, *q.SpeakerSpan)
		}
		if q.Kind != KindDirect && q.Kind != KindPartial {
			t.Fatalf("quote %q: kind %q", q.Text, q.Kind)
		}
	}
}

func TestFindOddInput(t *testing.T) {
	for _, body := range []string{
		"", "\"", "“", "”", "'", "« »", "\"\"\"\"", "‘’‘’", "a \" b \" c \"", "He said: “",
		strings.Repeat("'tis ", 200), strings.Repeat("“nested “deeper ", 50), "x\n\n\"\n\n\"\n\n\"",
	} {
		doc := docOf(t, "Title\n\n"+body)
		checkSpans(t, doc, Find(doc))
		checkSpans(t, news.Document{Text: body, Blocks: []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(body)}}}},
			Find(news.Document{Text: body, Blocks: []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(body)}}}}))
	}
}

func TestFindEntities(t *testing.T) {
	doc := docOf(t, "Headline here\n\nForeign Minister Sergio Lanz met envoys.\n\n\"We agree,\" Lanz said.")
	i := strings.Index(doc.Text, "Sergio Lanz")
	j := strings.LastIndex(doc.Text, "Lanz")
	doc.Entities = []news.Entity{
		{Text: "Sergio Lanz", Span: news.Span{i, i + 11}, Type: "person", Name: "Sergio Lanz", Actor: "ITAGOV"},
		{Text: "Lanz", Span: news.Span{j, j + 4}, Type: "person", Name: "Sergio Lanz", Actor: "ITAGOV"},
	}
	got := Find(doc)
	if len(got) != 1 || got[0].Speaker != "Sergio Lanz" || got[0].SpeakerActor != "ITAGOV" || got[0].Cue != "said" {
		t.Fatalf("got %+v", got)
	}
}

func TestEvaluate(t *testing.T) {
	text := `"A," he said. "B," she said.`
	gold, err := ParseGold(text, []byte(`{"quotes":[{"text":"A","kind":"direct","speaker":"X"},{"text":"B","kind":"direct","speaker":null}]}`))
	if err != nil {
		t.Fatal(err)
	}
	got := []news.Quote{{Text: "A", Span: gold[0].Span, Kind: "direct", Speaker: "x"}, {Text: "he", Span: news.Span{5, 7}, Kind: "direct"}}
	s := Evaluate(gold, got)
	want := Score{Gold: 2, Found: 2, Matched: 1, Precision: 0.5, Recall: 0.5, F1: 0.5, Direct: 2, SpeakerRight: 1, SpeakerAccuracy: 0.5, KindRight: 1}
	if diff := cmp.Diff(want, s); diff != "" {
		t.Errorf("Evaluate (-want +got):\n%s", diff)
	}
	if _, err := ParseGold(text, []byte(`{"quotes":[{"text":"Z","kind":"direct"}]}`)); err == nil {
		t.Error("ParseGold: no error for a quote not in the text")
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Title\n\n\"We will,\" he said. \"Now.\"",
		"T\n\nKremlin spokesman Dmitry Ivanov said the talks were “useful” and 'frank'.",
		"T\n\n«Yes», said Ana.\n\n\"Open\n\n\"Still open",
		"T\n\nThey're in Nice's '90s ’ “ ” „ ‹ › \"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		doc := docOf(t, body)
		checkSpans(t, doc, Find(doc))
	})
}

func BenchmarkFind(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 4; i++ {
		for _, name := range []string{"geneva_envoy", "kremlin_sanctions", "ecb_rates", "zambia_vote"} {
			data, err := readTestdata(name + ".txt")
			if err != nil {
				b.Fatal(err)
			}
			sb.WriteString(data)
			sb.WriteString("\n\n")
		}
	}
	doc := docOf(b, sb.String())
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		Find(doc)
	}
}

// TestOrganisationModifierIsNoSpeaker: an organisation that only modifies
// the speaker's description does not become the speaker.
func TestOrganisationModifierIsNoSpeaker(t *testing.T) {
	doc := docOf(t, "\"Sanctions will stay,\" the EU's foreign policy chief said on Monday.\n\n\"We will not move,\" the Kremlin said.\n")
	eu := strings.Index(doc.Text, "EU")
	kr := strings.Index(doc.Text, "Kremlin")
	doc.Entities = []news.Entity{
		{Text: "EU", Span: news.Span{eu, eu + 2}, Type: "organization", Name: "EU", Actor: "IGOEUREEC"},
		{Text: "Kremlin", Span: news.Span{kr, kr + 7}, Type: "organization", Name: "Kremlin", Actor: "RUSGOV"},
	}
	qs := Find(doc)
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2", len(qs))
	}
	if !SameSpeaker(qs[0].Speaker, "EU's foreign policy chief") {
		t.Errorf("speaker %q, want the EU's foreign policy chief", qs[0].Speaker)
	}
	if qs[1].Speaker != "Kremlin" || qs[1].SpeakerActor != "RUSGOV" {
		t.Errorf("speaker %q (%q), want the Kremlin, RUSGOV", qs[1].Speaker, qs[1].SpeakerActor)
	}
}

// TestSurnameTaggedAsAdverb: a known surname opening a sentence is a mention
// of its person whatever its tag, so "she" after it refers to that person.
func TestSurnameTaggedAsAdverb(t *testing.T) {
	doc := docOf(t, "\"We warned them,\" said Nemonte Yeti, a leader of the Waorani people.\n\n"+
		"Energy Minister Pablo Arroyo said the pipeline was sealed.\n\n"+
		"Yeti rejected that account. \"It happens every year,\" she said.\n")
	qs := Find(doc)
	if len(qs) != 2 || qs[1].Speaker != "Nemonte Yeti" {
		t.Fatalf("quotes %+v, want the second by Nemonte Yeti", qs)
	}
}

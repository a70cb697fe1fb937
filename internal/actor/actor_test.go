package actor

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dyad/internal/builtin"
	"dyad/internal/clean"
	"dyad/internal/geo"
	"dyad/internal/nlp"
	"dyad/news"
)

var (
	setupOnce sync.Once
	analyzer  *nlp.Analyzer
	gaz       *geo.Gazetteer
	finder    *Finder
	setupErr  error
)

var testDate = time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC)

func setup(tb testing.TB) {
	tb.Helper()
	setupOnce.Do(func() {
		if analyzer, setupErr = nlp.New(); setupErr != nil {
			return
		}
		if gaz, setupErr = geo.LoadDefault(); setupErr != nil {
			return
		}
		set, err := builtin.Dictionaries()
		if err != nil {
			setupErr = err
			return
		}
		finder, setupErr = New(set)
	})
	if setupErr != nil {
		tb.Fatal(setupErr)
	}
}

// findCase is one sentence for the entity finder: entities that must be
// found ("text|type|name|actor") and texts that must not be entities.
type findCase struct {
	name   string
	text   string
	want   []string
	absent []string
}

// runFindCases runs each case as a subtest.
func runFindCases(t *testing.T, tests []findCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := docOf(t, tc.text)
			es := finder.Find(doc, testDate)
			checkSpans(t, doc, es)
			got := show(es)
			for _, w := range tc.want {
				if !strings.Contains("\n"+got, "\n"+w+"\n") {
					t.Errorf("missing %s\ngot:\n%s", w, got)
				}
			}
			for _, a := range tc.absent {
				for _, e := range es {
					if e.Text == a {
						t.Errorf("%q should not be an entity\ngot:\n%s", a, got)
					}
				}
			}
		})
	}
}

// docOf cleans, analyses and geoparses body the way the pipeline does.
func docOf(tb testing.TB, body string) news.Document {
	tb.Helper()
	setup(tb)
	doc, err := clean.Clean(news.Article{Body: []byte(body), Format: news.FormatText}, clean.Options{})
	if err != nil {
		tb.Skipf("clean: %v", err)
	}
	doc.Sentences = analyzer.Sentences(doc.Text, doc.Blocks)
	doc.Places = gaz.Find(doc.Text, doc.Sentences, geo.Hint{Dateline: doc.Dateline})
	return doc
}

// checkSpans fails unless the entities are in order, non-overlapping and
// text[span] == Text.
func checkSpans(t *testing.T, doc news.Document, es []news.Entity) {
	t.Helper()
	prev := 0
	for _, e := range es {
		if !e.Span.In(len(doc.Text)) || doc.Text[e.Span[0]:e.Span[1]] != e.Text {
			t.Errorf("entity %q: span %v does not fit the text", e.Text, e.Span)
			continue
		}
		if e.Span[0] < prev || e.Span.Len() == 0 {
			t.Errorf("entity %q at %v overlaps or is out of order", e.Text, e.Span)
		}
		prev = e.Span[1]
		switch e.Type {
		case TypePerson, TypeOrganization, TypeGroup, TypePlace, TypeOther:
		default:
			t.Errorf("entity %q has type %q", e.Text, e.Type)
		}
		if e.Name == "" {
			t.Errorf("entity %q has no name", e.Text)
		}
	}
}

func show(es []news.Entity) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "%s|%s|%s|%s\n", e.Text, e.Type, e.Name, e.Actor)
	}
	return b.String()
}

// TestFind checks one feature per row: want lists entities that must be
// found (text|type|name|actor), absent texts that must not be entities.
func TestFind(t *testing.T) {
	tests := []findCase{
		{"title not glued, coded by demonym and title",
			"German Chancellor Angela Merkel arrived on Monday.",
			[]string{"Angela Merkel|person|Angela Merkel|DEUGOV"}, []string{"German Chancellor Angela Merkel", "German"}},
		{"possessive country title",
			"Russia's Foreign Minister Sergei Lavrov spoke on Monday.",
			[]string{"Sergei Lavrov|person|Sergei Lavrov|RUSGOV"}, nil},
		{"surname to full name; an office holder coded by date",
			"Secretary of State John Kerry flew to Geneva. Kerry met reporters there.",
			[]string{"John Kerry|person|John Kerry|USAGOV", "Kerry|person|John Kerry|USAGOV"}, nil},
		{"a title with no country takes the dateline's",
			"CARACAS, Venezuela - Energy Minister Pablo Arroyo spoke. Arroyo said the ministry would act.",
			[]string{"Pablo Arroyo|person|Pablo Arroyo|VENGOV", "Arroyo|person|Pablo Arroyo|VENGOV"}, nil},
		{"listed countries in subject and object position",
			"Brazil, Colombia and Mexico called for calm. Peru accused Chile. Talks with Bolivia stalled in Lima.",
			[]string{"Brazil|place|Brazil|BRA", "Colombia|place|Colombia|COL", "Mexico|place|Mexico|MEX", "Chile|place|Chile|CHL", "Bolivia|place|Bolivia|BOL", "Lima|place|Lima|"}, nil},
		{"a relative clause between subject and verb; a passive agent; a verb of motion",
			"Bolivia, which lost its coast in 1884, renewed its call. Talks were mediated by Oman. The envoy visited Tokyo and pressed Dhaka.",
			[]string{"Bolivia|place|Bolivia|BOL", "Oman|place|Oman|OMN", "Tokyo|place|Tokyo|", "Dhaka|place|Dhaka|BGDGOV"}, nil},
		{"a named institution of the story's country; a group without its members",
			"JAKARTA - The Constitutional Court ruled as M23 rebels advanced.",
			[]string{"Constitutional Court|organization|Constitutional Court|IDNJUD", "M23|group|M23|CODREBM23"}, []string{"M23 rebels"}},
		{"a title before a comma; place and building words",
			"Iran's foreign minister, Abbas Araghchi, said boats left Lamar County for the Great Mosque.",
			[]string{"Abbas Araghchi|person|Abbas Araghchi|IRNGOV", "Lamar County|place|Lamar County|", "Great Mosque|other|Great Mosque|"}, nil},
		{"a first name and a country name are a person",
			"Daniel Jordan, a spokesman, said Jordan would help.",
			[]string{"Daniel Jordan|person|Daniel Jordan|"}, nil},
		{"a role held in an organisation",
			"Sami Haddad, a spokesman for Hamas, spoke.",
			[]string{"Sami Haddad|person|Sami Haddad|PSEREBHMS"}, nil},
		{"a possessive country is not the actor",
			"The envoy criticised Georgia's law.",
			[]string{"Georgia|place|Georgia|"}, nil},
		{"surname carries actor code",
			"U.S. Secretary of State John Kerry arrived. Kerry said talks went well.",
			[]string{"John Kerry|person|John Kerry|USAGOV", "Kerry|person|John Kerry|USAGOV"}, nil},
		{"family name written first",
			"Chinese Foreign Ministry spokesman Wang Wenbin spoke on Friday. Wang said China objected.",
			[]string{"Wang Wenbin|person|Wang Wenbin|CHNGOV", "Wang|person|Wang Wenbin|CHNGOV"}, nil},
		{"a first name alone, from the generated list, is a person",
			"The delegation arrived late, and Gwendolyn told reporters the talks would go on.",
			[]string{"Gwendolyn|person|Gwendolyn|"}, nil},
		{"seat of power is an organisation without the article",
			"The Kremlin rejected the report.",
			[]string{"Kremlin|organization|Kremlin|RUSGOV"}, []string{"The Kremlin"}},
		{"IGO acronym",
			"NATO held a summit on Tuesday.",
			[]string{"NATO|organization|NATO|IGOWSTNAT"}, nil},
		{"multi-word IGO",
			"Leaders of the European Union met on Tuesday.",
			[]string{"European Union|organization|European Union|IGOEUREEC"}, nil},
		{"armed group",
			"Fighters loyal to Islamic State attacked the town.",
			[]string{"Islamic State|group|Islamic State|IMGREBISI"}, nil},
		{"group with article",
			"The Taliban seized the district on Sunday.",
			[]string{"Taliban|group|Taliban|AFGREBTAL"}, nil},
		{"organisation from capitalisation with of",
			"Voice of America reported the clashes.",
			[]string{"Voice of America|organization|Voice of America|"}, []string{"America"}},
		{"organisation word",
			"The International Crisis Group published a report.",
			[]string{"International Crisis Group|organization|International Crisis Group|"}, nil},
		{"capitalised institution after demonym",
			"The Russian Defense Ministry said the drills had ended.",
			[]string{"Russian Defense Ministry|organization|Russian Defense Ministry|RUSMIL"}, nil},
		{"place in actor position",
			"Moscow said the talks had failed.",
			[]string{"Moscow|place|Moscow|RUSGOV"}, nil},
		{"place after preposition has no actor",
			"The delegation arrived in Moscow on Friday.",
			[]string{"Moscow|place|Moscow|"}, nil},
		{"description to the person with that role",
			"Kremlin spokesman Dmitry Peskov spoke on Monday. The Kremlin spokesman declined to comment.",
			[]string{"Dmitry Peskov|person|Dmitry Peskov|RUSGOV", "Kremlin spokesman|person|Dmitry Peskov|RUSGOV"}, nil},
		{"appositive title",
			"Vladimir Frolov, a Russian foreign policy analyst, said the move was expected.",
			[]string{"Vladimir Frolov|person|Vladimir Frolov|RUSELI"}, nil},
		{"title before an unknown agent stays uncoded",
			"Police chief Mark Otieno resigned on Monday.",
			[]string{"Mark Otieno|person|Mark Otieno|"}, nil},
		{"pronouns are not entities",
			"Angela Merkel arrived. She said He would come.",
			[]string{"Angela Merkel|person|Angela Merkel|DEUGOV"}, []string{"She", "He"}},
		{"single unknown capitalised word at sentence start is no person",
			"Analysts expect growth.",
			nil, []string{"Analysts"}},
		{"two people with one surname stay unresolved",
			"Ed Miliband met David Miliband. Miliband left early.",
			[]string{"Ed Miliband|person|Ed Miliband|", "David Miliband|person|David Miliband|GBRELI", "Miliband|person|Miliband|"}, nil},
		{"a vessel after a place-flagged modifier",
			"Customs officers boarded the Marshall Islands-flagged Sea Falcon on Tuesday. The crew of the Sea Falcon were questioned.",
			[]string{"Marshall Islands|place|Marshall Islands|", "Sea Falcon|other|Sea Falcon|"},
			[]string{"Marshall Islands-flagged Sea Falcon", "Marshall Islands-flagged"}},
		{"a one-word place-flagged modifier",
			"Coast guards escorted a Liberia-flagged freighter, the Arctic Dawn, to port while a Panama-flagged Baltic Rose waited.",
			[]string{"Liberia|place|Liberia|", "Panama|place|Panama|", "Baltic Rose|other|Baltic Rose|"},
			[]string{"Panama-flagged Baltic Rose", "Panama-flagged"}},
		{"a place-based modifier is not part of the name",
			"The Nairobi-based Ruth Kamau Foundation and London-based Peter Hall spoke.",
			[]string{"Nairobi|place|Nairobi|", "London|place|London|"},
			[]string{"Nairobi-based Ruth Kamau Foundation", "London-based Peter Hall"}},
		{"a gulf the gazetteer lacks is a place",
			"Trawlers sheltered in the Gulf of Bothnia, off the Cape of Storms and in the Bay of Riga.",
			[]string{"Gulf of Bothnia|place|Gulf of Bothnia|", "Cape of Storms|place|Cape of Storms|", "Bay of Riga|place|Bay of Riga|"}, []string{"Riga"}},
		{"a demonym-owned modifier gives no entity",
			"A Russian-owned Arctic Star left port.",
			nil, []string{"Russian", "Russian-owned", "Russian-owned Arctic Star"}},
	}
	runFindCases(t, tests)
}

// TestArticle runs a short article of our own end to end.
func TestArticle(t *testing.T) {
	body := "Opposition leaders met in Caracas on Sunday.\n\n" +
		"Venezuelan President Nicolas Maduro said the United Nations had no right to interfere. " +
		"Maduro spoke after Human Rights Watch published a report.\n\n" +
		"Brazil's Foreign Minister Mauro Vieira called for calm. Vieira said Brasilia would host talks."
	doc := docOf(t, body)
	es := finder.Find(doc, testDate)
	checkSpans(t, doc, es)
	want := "Caracas|place|Caracas|\n" +
		"Nicolas Maduro|person|Nicolas Maduro|VENGOV\n" +
		"United Nations|organization|United Nations|IGOUNO\n" +
		"Maduro|person|Nicolas Maduro|VENGOV\n" +
		"Human Rights Watch|organization|Human Rights Watch|NGOHRIHRW\n" +
		"Brazil|place|Brazil|\n" +
		"Mauro Vieira|person|Mauro Vieira|BRAGOV\n" +
		"Vieira|person|Mauro Vieira|BRAGOV\n" +
		"Brasilia|place|Brasilia|BRAGOV\n"
	if got := show(es); got != want {
		t.Errorf("got:\n%swant:\n%s", got, want)
	}
}

type goldEntity struct{ text, typ, name, actor string }

// TestGold measures the finder on the annotated articles of testdata:
// entity precision, recall and F1 (exact span and type) and actor-code
// accuracy over matched entities.
func TestGold(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no gold articles")
	}
	var tp, fp, fn, codeOK, nameOK int
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		gb, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".gold")
		if err != nil {
			t.Fatal(err)
		}
		doc := docOf(t, string(body))
		es := finder.Find(doc, testDate)
		checkSpans(t, doc, es)
		// locate the gold mentions in text order
		gold := map[news.Span]goldEntity{}
		at := 0
		for _, l := range strings.Split(strings.TrimSpace(string(gb)), "\n") {
			p := strings.Split(l, "|")
			if len(p) != 4 {
				t.Fatalf("%s: bad gold line %q", f, l)
			}
			i := strings.Index(doc.Text[at:], p[0])
			if i < 0 {
				t.Fatalf("%s: gold %q not found after %d", f, p[0], at)
			}
			sp := news.Span{at + i, at + i + len(p[0])}
			gold[sp] = goldEntity{p[0], p[1], p[2], p[3]}
			at = sp[1]
		}
		found := map[news.Span]bool{}
		for _, e := range es {
			g, ok := gold[e.Span]
			if !ok || g.typ != e.Type {
				fp++
				t.Logf("%s: false %s|%s|%s|%s", filepath.Base(f), e.Text, e.Type, e.Name, e.Actor)
				continue
			}
			tp++
			found[e.Span] = true
			if g.actor == e.Actor {
				codeOK++
			} else {
				t.Logf("%s: actor of %q: got %q want %q", filepath.Base(f), e.Text, e.Actor, g.actor)
			}
			if g.name == e.Name {
				nameOK++
			} else {
				t.Logf("%s: name of %q: got %q want %q", filepath.Base(f), e.Text, e.Name, g.name)
			}
		}
		for sp, g := range gold {
			if !found[sp] {
				fn++
				t.Logf("%s: missed %s|%s|%s|%s", filepath.Base(f), g.text, g.typ, g.name, g.actor)
			}
		}
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	acc := float64(codeOK) / float64(max(tp, 1))
	nacc := float64(nameOK) / float64(max(tp, 1))
	t.Logf("entities: P=%.3f R=%.3f F1=%.3f (tp %d fp %d fn %d); actor-code accuracy %.3f; name accuracy %.3f", p, r, f1, tp, fp, fn, acc, nacc)
	if f1 < 0.80 || acc < 0.80 {
		t.Errorf("below floor: F1 %.3f, actor accuracy %.3f", f1, acc)
	}
}

func TestNilSet(t *testing.T) {
	f, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	doc := docOf(t, "German Chancellor Angela Merkel met Sergei Lavrov. Merkel left.")
	es := f.Find(doc, testDate)
	checkSpans(t, doc, es)
	if len(es) == 0 || es[0].Text != "Angela Merkel" || es[0].Type != TypePerson {
		t.Errorf("got %s", show(es))
	}
}

func FuzzFind(f *testing.F) {
	f.Add("German Chancellor Angela Merkel met Kremlin spokesman Dmitry Peskov in Moscow. Merkel left.")
	f.Add("The Kremlin spokesman, Voice of America and Islamic State.")
	f.Add("Russia's Foreign Ministry. U.S. Secretary of State John Kerry, a U.S. official,")
	f.Add("Chile did not reply, a claim Peru denies. Minister Ana Ruiz met his Peruvian counterpart. The Chile Wine Growers and")
	f.Fuzz(func(t *testing.T, s string) {
		doc := docOf(t, s)
		es := finder.Find(doc, testDate)
		checkSpans(t, doc, es)
		// broken tokens must not panic either
		if len(doc.Sentences) > 0 && len(doc.Sentences[0].Tokens) > 0 {
			doc.Sentences[0].Tokens[0].Span = news.Span{-1, len(doc.Text) + 5}
			finder.Find(doc, testDate)
		}
	})
}

func BenchmarkFind(b *testing.B) {
	var body strings.Builder
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		s, _ := os.ReadFile(f)
		body.Write(s)
		body.WriteString("\n")
	}
	doc := docOf(b, body.String())
	b.SetBytes(int64(len(doc.Text)))
	b.ResetTimer()
	for b.Loop() {
		finder.Find(doc, testDate)
	}
}

func TestAppendUpper(t *testing.T) {
	for _, s := range []string{"", "NATO", "Kremlin", "al-Assad", "U.S.", "Élysée", "straße", "ǅemal", "a\xffb", "123"} {
		got := string(appendUpper([]byte("x"), s))
		if want := "x" + strings.ToUpper(s); got != want {
			t.Errorf("appendUpper(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestAppendLowerAndLowerIn(t *testing.T) {
	set := map[string]bool{"court": true, "élysée": true, "minister": true}
	for _, s := range []string{"", "Court", "COURT", "Élysée", "ÉLYSÉE", "İstanbul", "a\xffB", "Minister.", "a-very-long-word-of-more-than-thirty-two-bytes"} {
		if got, want := string(appendLower([]byte("x"), s)), "x"+strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
		if got, want := lowerIn(set, s), set[strings.ToLower(s)]; got != want {
			t.Errorf("lowerIn(%q) = %v, want %v", s, got, want)
		}
	}
}

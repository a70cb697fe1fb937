package story

import (
	"strings"
	"sync"
	"testing"

	"dyad/internal/clean"
	"dyad/internal/geo"
	"dyad/internal/nlp"
	"dyad/news"
)

var (
	setupOnce sync.Once
	analyzer  *nlp.Analyzer
	gaz       *geo.Gazetteer
	setupErr  error
)

// docOf cleans, analyses and geoparses body the way the pipeline does.
func docOf(tb testing.TB, body string) news.Document {
	tb.Helper()
	setupOnce.Do(func() {
		if analyzer, setupErr = nlp.New(); setupErr != nil {
			return
		}
		gaz, setupErr = geo.LoadDefault()
	})
	if setupErr != nil {
		tb.Fatal(setupErr)
	}
	doc, err := clean.Clean(news.Article{Body: []byte(body), Format: news.FormatText}, clean.Options{})
	if err != nil {
		tb.Fatalf("clean: %v", err)
	}
	doc.Sentences = analyzer.Sentences(doc.Text, doc.Blocks)
	doc.Places = gaz.Find(doc.Text, doc.Sentences, geo.Hint{Dateline: doc.Dateline})
	return doc
}

// TestAbroad checks, one reading per row, when a story filed from one
// country is about another.
func TestAbroad(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"filed from the mediator's capital: the parties' country",
			"DOHA, Qatar - Sudan's army and the rebels agreed on Monday to a truce after talks mediated by Qatar and Egypt. " +
				"Fighting in Darfur had forced thousands from Sudan's western towns, and Khartoum said it would reopen the airport.",
			"SDN"},
		{"the host in a relative clause",
			"NAIROBI, Kenya - Ethiopia and Eritrea opened talks in Nairobi on Monday. Kenya, which hosted the talks, gave no date for a deal. " +
				"Ethiopian officials said Addis Ababa wanted the border reopened, and Eritrea's envoy said Asmara agreed.",
			"ETH"},
		{"the subject of a brokering verb, with an offer to host more",
			"ANKARA, Turkey - Turkey brokered a prisoner swap between Armenia and Azerbaijan on Friday, and Turkey offered on Sunday to host new talks. " +
				"Azerbaijan's government said Baku would free 12 soldiers; Azerbaijani officials gave no names.",
			"AZE"},
		{"a city never named again but as the venue of talks, against a country named three times",
			"VIENNA - Iran said on Monday it would allow more inspections. Iranian officials met the agency in Vienna. Tehran gave no date.",
			"IRN"},
		{"a country that acts in its own story is no venue, whoever it hosts",
			"KYIV, Ukraine - Ukraine's army said it had pushed back Russian troops near Kharkiv. President Oleksiy Bondar met the Polish prime minister in Kyiv. " +
				"Russia said Russian units held their lines, and Moscow denied losing ground.",
			""},
		{"a host the story names as a party too, as often as the others",
			"OSLO, Norway - Norway hosted talks between Sudan and Chad on Monday. Norway's foreign minister said Norway would pay for monitors. Sudan agreed.",
			""},
		{"a mediator with one mention of the parties' country",
			"DOHA, Qatar - The rebels and the government agreed to talk after Qatar mediated. Chad's army said nothing.",
			""},
		{"no dateline", "Talks mediated by Qatar ended in Chad. Chad's army and Chadian rebels met in N'Djamena.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := docOf(t, tc.text)
			if got := Abroad(doc); got != tc.want {
				var pl []string
				for i, r := range Roles(doc) {
					pl = append(pl, doc.Places[i].Text+"/"+doc.Places[i].Country+"/"+string("PMV"[r]))
				}
				t.Errorf("Abroad = %q, want %q (dateline %q, places %s)", got, tc.want, doc.Dateline, strings.Join(pl, " "))
			}
		})
	}
}

// TestRoles checks the role of each place mention, one pattern per row.
func TestRoles(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "Place/role" in text order; P party, M mediator, V venue
	}{
		{"passive agents in a list",
			"The deal was brokered by Oman and Qatar, and Yemen signed it.",
			[]string{"Oman/M", "Qatar/M", "Yemen/P"}},
		{"a demonym before a mediator noun; a country's envoy is no mediator",
			"Algerian mediators met the delegations, and Mali's envoy left.",
			[]string{"Algerian/M", "Mali/P"}},
		{"the venue of talks and its qualifier; a place elsewhere",
			"The two sides will meet again in Geneva, Switzerland, after fighting near Goma.",
			[]string{"Geneva/V", "Switzerland/V", "Goma/P"}},
		{"in a place with no talks is where something happens",
			"Police arrested two men in Lyon.",
			[]string{"Lyon/P"}},
		{"a host of refugees or of games hosts no talks",
			"Uganda, which hosts a million refugees, said Kenya would host the games. Refugees hosted by Chad fled; talks hosted by Niger ended.",
			[]string{"Uganda/P", "Kenya/P", "Chad/P", "Niger/M"}},
		{"a host after a relative clause that says something else",
			"China, which wants both countries in its trade corridor, hosted their foreign ministers in Beijing.",
			[]string{"China/M", "Beijing/V"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := docOf(t, tc.text)
			var got []string
			for i, r := range Roles(doc) {
				got = append(got, doc.Places[i].Text+"/"+string("PMV"[r]))
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestDateline checks the dateline's place and the end of the dateline.
func TestDateline(t *testing.T) {
	doc := docOf(t, "HAVANA, Cuba (Reuters) - Talks resumed.")
	pl, end, ok := Dateline(doc)
	if !ok || pl.Text != "HAVANA" || pl.Country != "CUB" || doc.Text[:end] != doc.Dateline {
		t.Errorf("Dateline = %+v, %d (%q), %v", pl, end, doc.Text[:end], ok)
	}
	if _, _, ok := Dateline(docOf(t, "Talks resumed in Havana.")); ok {
		t.Error("a story without a dateline has a dateline place")
	}
}

// TestSides checks the two sides and the mediators of a story of talks.
func TestSides(t *testing.T) {
	tests := []struct {
		name, text, a, b, mediators string
	}{
		{"two states, one mediator; the first named on a tie",
			"Peru and Ecuador traded fire on Monday. Talks mediated by Brazil resumed. Ecuador said Peruvian troops crossed, and Lima denied it. Quito recalled its envoy.",
			"PER", "ECU", "BRA"},
		{"one state's civil war: both sides are its",
			"Talks hosted by Norway resumed. Colombia's army and the rebels met in Oslo. Bogota said the rebels held hostages in Cauca.",
			"COL", "COL", "NOR"},
		{"a second country named too rarely is no side",
			"Qatari mediators met the rebels. Chad's army said N'Djamena wanted a truce near Abeche. France urged calm.",
			"TCD", "TCD", "QAT"},
		{"no mediator: the sides still, the second too rarely named", "Peru and Ecuador traded fire on Monday. Ecuador said Lima lied.", "PER", "PER", ""},
		{"no country named", "The rebels and the army traded fire on Monday.", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b, med := Sides(docOf(t, tc.text))
			var ms []string
			for m := range med {
				ms = append(ms, m)
			}
			if a != tc.a || b != tc.b || strings.Join(ms, " ") != tc.mediators {
				t.Errorf("Sides = %q, %q, %v; want %q, %q, %s", a, b, ms, tc.a, tc.b, tc.mediators)
			}
		})
	}
}

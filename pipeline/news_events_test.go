package pipeline

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/news"
)

// TestBuiltinNewsEvents codes short stories written here with the
// built-in dictionaries and checks the events the news readings give
// (each row names the reading it exercises).
func TestBuiltinNewsEvents(t *testing.T) {
	p, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string // "SOURCE TARGET CODE", in order
	}{
		{"students who stage rallies outside a court protest against it",
			"LIMA, Peru - Students staged small rallies outside the electoral court on Tuesday.",
			[]string{"PEREDU PERJUD 141"}},
		{"protesters who bang pots protest",
			"CARACAS, Venezuela - Protesters banged pots in the western districts of the capital on Monday night.",
			[]string{"VENOPP VENGOV 141"}},
		{"wanting another's mediation is an appeal to it",
			"CHISINAU, Moldova - Moldovan officials said on Tuesday that they wanted Romanian mediation.",
			[]string{"MDAGOV ROU 028"}},
		{"holding up the measures rejects the act of who took them",
			"BRUSSELS - European Union ministers adopted new sanctions against Belarus on Monday. Hungary had held up the measures for a week.",
			[]string{"IGOEUREECGOV BLR 163", "HUN IGOEUREECGOV 120"}},
		{"concern expressed by a foreign body is a pessimistic comment on the story's country",
			"CARACAS, Venezuela - The European Union expressed deep concern on Sunday about the conduct of the count.",
			[]string{"IGOEUREEC VEN 012"}},
		{"sending people fleeing is no aid",
			"JUBA, South Sudan - Rebel fighters captured the town of Nasir on Friday, sending thousands of civilians fleeing across the border.",
			[]string{}},
		{"an auxiliary is no verb of its own: 'had attacked' over concerns is an attack",
			"TBILISI, Georgia - Russian troops had attacked Georgian border posts over concerns about smuggling, officials said.",
			[]string{"RUSMIL GEO 190"}},
		{"a story filed from the mediator's capital: its agents are the parties' country's",
			"DOHA, Qatar - A truce in Sudan mediated by Qatar held on Monday. Fighting in Darfur had forced thousands from Sudan's western towns before it. The government accused the rebels of shelling a market on Sunday.",
			[]string{"QAT SDN 045", "SDNGOV SDNREB 112"}},
		{"listing a country's firms for sanctions is a sanction on it",
			"LONDON - Britain listed four Iranian drone makers under its sanctions regime on Monday.",
			[]string{"GBR IRNMIL 163"}},
		{"a listing announced with would is a threat of sanctions",
			"BRUSSELS - The European Union would list six Belarusian banks in its next sanctions package, a spokeswoman said.",
			[]string{"IGOEUREEC BLRBUS 1312"}},
		{"a country that will expel diplomats threatens to",
			"VILNIUS, Lithuania - Lithuania will expel two Russian diplomats unless Moscow frees a detained journalist, the foreign ministry said.",
			[]string{"LTU RUSGOV 1313"}},
		{"a renewed call is an appeal, to the story's country when no one is named",
			"LA PAZ, Bolivia - Paraguay renewed its call for talks on the river dispute on Sunday.",
			[]string{"PRY BOL 020"}},
		{"ruling out an act with another state rejects it",
			"LIMA, Peru - Peru's foreign minister ruled out new talks with Chile on Monday.",
			[]string{"PERGOV CHL 120"}},
		{"growers are an agent: coffee growers appeal to the government",
			"NAIROBI, Kenya - Coffee growers urged the government on Friday to cut fuel taxes.",
			[]string{"KENAGR KENGOV 020"}},
		{"a bare ministry is the government",
			"SEOUL, South Korea - The ministry criticised Japan's new export rules on Monday.",
			[]string{"KORGOV JPN 111"}},
		{"investigators are police",
			"RIGA, Latvia - Investigators questioned two Lithuanian sailors on Tuesday.",
			[]string{"LVACOP LTU 110"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := storyEvents(t, p, tc.text, func(news.Event) bool { return true })
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// TestMediatedNews codes short stories written here about talks between
// two sides with mediators and hosts, and checks their consultations
// (root 04): a mediator's or host's act is on each side, and "the two
// sides" the coder resolved to the mediators are the sides.
func TestMediatedNews(t *testing.T) {
	p, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string // "SOURCE TARGET CODE" of the 04 events, in order
	}{
		{"two states at war, two mediators, a host of their ministers",
			"YEREVAN, Armenia - Armenia accused Azerbaijan of shelling border villages on Monday. Russia and Iran brokered a truce in May, and the two sides met in Tbilisi in June. " +
				"Azerbaijan said Armenian troops fired first, and Baku recalled its envoy. Kazakhstan, which sells oil to both, hosted their foreign ministers in Astana in July.",
			[]string{"RUS ARM 045", "RUS AZE 045", "IRN ARM 045", "IRN AZE 045", "AZE ARM 044", "ARM AZE 044", "KAZ ARMGOV 043", "KAZ AZEGOV 043"}},
		{"a civil war's sides are one country's, in a story filed from a third",
			"ADDIS ABABA, Ethiopia - Sudan's army and the RSF have fought since April. Egypt and Kenya mediated a pause in March, and the two sides met in Nairobi in May. " +
				"Sudanese officials said Khartoum wanted the RSF disarmed, while RSF commanders said the army shelled their positions near Omdurman. " +
				"Uganda, which wants both armies out of the border region, hosted their commanders in Kampala in June.",
			[]string{"EGY SDNMIL 045", "EGY SDNREBRSF 045", "KEN SDNMIL 045", "KEN SDNREBRSF 045", "SDN SDN 044", "SDN SDN 044", "UGA SDNMIL 043"}},
		{"without a mediator, a compound that met met each other",
			"ANKARA, Turkey - Greece and Turkey met in Athens on Monday to discuss fishing rights. Greek officials said Athens wanted a deal.",
			[]string{"GRC TUR 044", "TUR GRC 044"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := storyEvents(t, p, tc.text, func(e news.Event) bool { return e.Root == "04" && e.Source != nil && e.Target != nil })
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// storyEvents codes a story published 2025-03-04 and lists the events keep
// accepts as "SOURCE TARGET CODE", "-" for an actor that is not there.
func storyEvents(t *testing.T, p *Pipeline, text string, keep func(news.Event) bool) []string {
	t.Helper()
	doc, err := p.Process(context.Background(), news.Article{Body: []byte(text), Format: news.FormatText, Published: "2025-03-04"})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, e := range doc.Events {
		if !keep(e) {
			continue
		}
		src, tgt := "-", "-"
		if e.Source != nil {
			src = e.Source.Code
		}
		if e.Target != nil {
			tgt = e.Target.Code
		}
		got = append(got, src+" "+tgt+" "+e.Code)
	}
	return got
}

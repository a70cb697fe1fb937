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
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := p.Process(context.Background(), news.Article{Body: []byte(tc.text), Format: news.FormatText, Published: "2025-03-04"})
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, e := range doc.Events {
				src, tgt := "-", "-"
				if e.Source != nil {
					src = e.Source.Code
				}
				if e.Target != nil {
					tgt = e.Target.Code
				}
				got = append(got, src+" "+tgt+" "+e.Code)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

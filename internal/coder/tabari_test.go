package coder

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/dictfile"
)

// A small TABARI-format world, written for these tests.
const tabariVerbs = `<SYNSETS>
&COIN
+GOLD MARK
+CROWN
+DUCAT_$
&NEVERMORE
+REALLY_DID_NOT
+WON'T
</SYNSETS>
<TIME>
ONCE_UPON_A_TIME [###]
WHEN_THE_RAINS_COME [+++]
</TIME>
CONDEMN  [122]
QUARREL  [120]
- SURELY_&NEVERMORE_EVER *  [125]
STATED  [023?]
- * PLEASED  [041]
POSTPON  [---]
- % *  [191]
SHOT  [223]
- + WAS * DEAD  [224]
PARADE  [017]
- ANTI- + *  [111]
VOICE  [020]
- RECENTLY { LOUDLY RAISED | WARMLY } ITS *  [043]
ACCORD  [---]
FIGHTING  [223]
- * BETWEEN %  [223]
BAN= [191]
VOWED  [170]
- * RESIST { TO THE END | TO THE LAST }  [113]
- * RESIST { TO THE END OF TIME | TO THE DEATH }  [115]
URGED  [102]
PRESENTED  [---]
- * CREDENTIALS  [032]
PACT  [057]
- STRUCK THE *  [058]
- IN *  [059]
PEACE TALKS STALLED  [191]
WARNING  [160]
- $ ^ FOR *  [164]
CELEBRATED  [040]
- * FEAST AT ^ ^ +  [045]
SEIZ_ [171]
{ SEIZING_ SEIZURE }
ASSIST  [092]
SOUGHT  [040]
- * FOR_ASYLUM  [174]
GRANT  [070]
- * &COIN  [903]
- * CROWN  [071]
`

const tabariActors = `<NOUN>
HERONS
CRANES
</NOUN>
<ADJECTIVE>
GRIM
STERN
</ADJECTIVE>
VELMORA [VEL]
TASHKAI [TSK]
QUORIN [QRN]
ZARA_ [ZAR]
MOUSE= [MUS]
ZOR KAHN [ZKN]
`

const tabariAgents = `OFFICIAL [~GOV]
PROSECUTOR [~JUD]
`

func tabariCoder(t testing.TB, o Options) *Coder {
	t.Helper()
	v, err := dictfile.ParseVerbs("test.verbs", strings.NewReader(tabariVerbs))
	if err != nil {
		t.Fatal(err)
	}
	a, err := dictfile.ParseActors("test.actors", strings.NewReader(tabariActors))
	if err != nil {
		t.Fatal(err)
	}
	g, err := dictfile.ParseAgents("test.agents", strings.NewReader(tabariAgents))
	if err != nil {
		t.Fatal(err)
	}
	o.Dialect = DialectTabari
	c, err := New(&dictfile.Set{Verbs: v, Actors: a, Agents: g}, o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestTabariRules checks the TABARI rules, one per row, with sentences
// written here.
func TestTabariRules(t *testing.T) {
	day := time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC)
	dyad := Options{RequireDyad: true}
	for _, tc := range []struct {
		name, text string
		opts       Options
		want       []string
	}{
		{"a time phrase coded ### discards the sentence", "Once upon a time Velmora condemned Tashkai in the capital.", dyad, nil},
		{"a time phrase coded +++ makes the sentence complex", "When the rains come Velmora condemned Tashkai at the border.", dyad, nil},
		{"without the time phrase the sentence codes", "In the rainy season Velmora condemned Tashkai at the border.", dyad, []string{"VEL TSK 122 asserted"}},
		{"a tentative code leaves the clause to a later verb; the source is the sentence's first actor", "Velmora stated that Tashkai condemned Quorin on Monday.", dyad, []string{"VEL QRN 122 asserted"}},
		{"a tentative verb codes through its patterns", "Velmora stated the people were pleased with Tashkai on Monday.", dyad, []string{"VEL TSK 041 asserted"}},
		{"a compound with no source or target acts within itself", "Velmora and Tashkai postponed their talks with Quorin this week.", dyad, []string{"VEL TSK 191 asserted", "TSK VEL 191 asserted"}},
		{"a pattern's target before the verb takes its source from the rest", "A Tashkaian was shot dead in Velmora on Monday.", dyad, []string{"VEL TSK 224 asserted"}},
		{"a pattern word with a hyphen matches a word split from its hyphen", "Velmora joined an anti- Tashkai parade on Sunday morning.", dyad, []string{"VEL TSK 111 asserted"}},
		{"the words of an alternative may have words between them", "Velmora recently loudly once again raised its voice for Tashkai.", dyad, []string{"VEL TSK 043 asserted"}},
		{"no actor before the verb makes the sentence complex with NOACTPRIOR", "Fighting between Velmora and Tashkai worried Quorin a great deal.", Options{RequireDyad: true, Complex: Complexity{NoActorPrior: true}}, nil},
		{"a null-coded verb before the first actor is no verb for NOACTPRIOR", "In accord Velmora condemned Tashkai at the border crossing.", Options{RequireDyad: true, Complex: Complexity{NoActorPrior: true}}, []string{"VEL TSK 122 asserted"}},
		{"without NOACTPRIOR the same sentence codes", "Fighting between Velmora and Tashkai worried Quorin a great deal.", dyad, []string{"VEL TSK 223 asserted", "TSK VEL 223 asserted"}},
		{"a word that must match whole takes a plural ending", "Velmora condemned the Zaras at the border crossing.", dyad, []string{"VEL ZAR 122 asserted"}},
		{"a word written with '=' takes no plural ending", "Velmora condemned the Mouses at the border crossing.", dyad, nil},
		{"a verb of one syllable doubles its consonant", "Velmora is banning Tashkai from the games this year.", dyad, []string{"VEL TSK 191 asserted"}},
		{"an ending without the doubled consonant is no form of the verb", "Velmora is baning Tashkai from the games this year.", dyad, nil},
		{"a word with a possessive 's is no verb", "Velmora condemn's critics met Tashkai in the capital.", dyad, nil},
		{"a synset member's words written apart may have a word between them", "Velmora granted a million gold heavy marks to Tashkai this year.", dyad, []string{"VEL TSK 903 asserted"}},
		{"a pattern word is tried before a synset member as long", "Velmora granted a million crowns to Tashkai this year.", dyad, []string{"VEL TSK 071 asserted"}},
		{"a synset member binds the source it marks", "Velmora granted ten ducat Tashkai to Quorin this year.", dyad, []string{"TSK QRN 903 asserted"}},
		{"words joined by '_' in a pattern match consecutive words", "Velmora sought for asylum in Tashkai this week.", dyad, []string{"VEL TSK 174 asserted"}},
		{"a word joined to the next by '_' matches whole, not as a stem", "Velmora sought foreign asylum in Tashkai this week.", dyad, []string{"VEL TSK 040 asserted"}},
		{"the pattern that matches the most words wins", "Velmora vowed to resist to the end of time the Tashkai forces.", dyad, []string{"VEL TSK 115 asserted"}},
		{"a shorter pattern codes where the longer fails", "Velmora vowed to resist to the end the Tashkai forces.", dyad, []string{"VEL TSK 113 asserted"}},
		{"with no other actor after the verb the target is one between source and verb", "Velmora urged Tashkai on Monday and then it asked that Quorin assist with the talks.", dyad, []string{"VEL TSK 102 asserted", "VEL QRN 092 asserted"}},
		{"a plural pronoun stands for a whole compound", "Velmora and Tashkai urged Quorin on Monday and then they asked that Zara assist them with the talks.", dyad, []string{"VEL QRN 102 asserted", "TSK QRN 102 asserted", "VEL ZAR 092 asserted", "TSK ZAR 092 asserted"}},
		{"a conjunction before another verb ends the verb's clause", "Velmora said that Quorin might assist or condemn the Tashkai envoy.", dyad, []string{"VEL QRN 092 hypothetical", "VEL TSK 122 asserted"}},
		{"a comma-delimited clause of actors alone is a list item and is kept", "Velmora, the old Quorin, and Tashkai condemned Zara at the border.", Options{RequireDyad: true, Commas: Commas{Min: 2, Max: 10, EMin: 2, EMax: 10}}, []string{"VEL ZAR 122 asserted", "QRN ZAR 122 asserted", "TSK ZAR 122 asserted"}},
		{"a comma-delimited clause with a verb is deleted", "Velmora, angered by Quorin, condemned Tashkai at the border.", Options{RequireDyad: true, Commas: Commas{Min: 2, Max: 10, EMin: 2, EMax: 10}}, []string{"VEL TSK 122 asserted"}},
		{"a compound source with no target is split", "Velmora and Tashkai condemned the decision on Monday.", dyad, []string{"VEL TSK 122 asserted"}},
		{"a former office holder is of the elite", "Velmora former officials condemned Tashkai at the border crossing.", dyad, []string{"VELELI TSK 122 asserted"}},
		{"former before the actor of an agent", "Velmora condemned former Tashkai prosecutors at the border crossing.", dyad, []string{"VEL TSKELI 122 asserted"}},
		{"an agent without former", "Velmora condemned Tashkai prosecutors at the border crossing.", dyad, []string{"VEL TSKJUD 122 asserted"}},
		{"a listed verb form is a stem", "Velmora seizurewise took Tashkai ships this month at sea.", dyad, []string{"VEL TSK 171 asserted"}},
		{"a listed verb form ending in '_' is a whole word", "Velmora seizingly watched Tashkai ships this month at sea.", dyad, nil},
		{"a skipped noun phrase runs on through of", "Velmora celebrated a feast at Quorin with the envoys of Tashkai in Zara this week.", dyad, []string{"VEL ZAR 045 asserted"}},
		{"an actor skipped by ^ is no target", "Velmora sided with Quorin for Tashkai warning all next week.", dyad, []string{"VEL TSK 164 asserted"}},
		{"the quotes of a nickname inside a name written apart", "Velmora condemned Zor \"the Hammer\" Kahn at the border crossing.", dyad, []string{"VEL ZKN 122 asserted"}},
		{"a verb phrase written apart may have words between", "Velmora said peace talks have stalled with Tashkai this spring.", dyad, []string{"VEL TSK 191 asserted"}},
		{"a noun after an article is a verb for a pattern naming the article", "Velmora struck the pact with Tashkai this week in the capital.", dyad, []string{"VEL TSK 058 asserted"}},
		{"a noun after an article is no verb for other patterns", "Velmora was in the pact with Tashkai this week in the capital.", dyad, nil},
		{"their stands for a compound, which then acts on itself", "Velmora, Quorin and Tashkai presented their credentials to Zara this week.", dyad,
			[]string{"VEL QRN 032 asserted", "VEL TSK 032 asserted", "QRN VEL 032 asserted", "QRN TSK 032 asserted", "TSK VEL 032 asserted", "TSK QRN 032 asserted"}},
		{"listed adjectives joined by and open no clause", "Velmora's grim and stern Quorin officials condemned Tashkai at the border.", dyad, []string{"VEL TSK 122 asserted"}},
		{"and before a word not listed as an adjective opens a clause", "Velmora's grim and weary Quorin officials condemned Tashkai at the border.", dyad, []string{"QRNGOV TSK 122 asserted"}},
		{"listed nouns joined by and open no clause", "Velmora's herons and cranes of Quorin condemned Tashkai at the border crossing.", dyad, []string{"VEL TSK 122 asserted"}},
		{"and before a word not listed as a noun opens a clause", "Velmora's herons and storks of Quorin condemned Tashkai at the border crossing.", dyad, []string{"QRN TSK 122 asserted"}},
		{"a clause opened by and keeps the source of the clause before", "Velmora shot a flare and the shelling of besieged Quorin brought warning to Tashkai.", dyad, []string{"VEL TSK 160 asserted"}},
		{"a clause opened by and with its own actor has its own source", "Velmora shot a flare and then Quorin brought warning to Tashkai.", dyad, []string{"QRN TSK 160 asserted"}},
		{"actors joined by a possessive after a compound's and all belong to it", "Velmora condemned Quorin and Tashkai's Zara at the border crossing.", dyad, []string{"VEL QRN 122 asserted", "VEL TSK 122 asserted", "VEL ZAR 122 asserted"}},
		{"after a synset member of several words the next pattern word may come later", "Velmora surely really did not even ever quarrel with Tashkai this year.", dyad, []string{"VEL TSK 125 asserted"}},
		{"after a synset member of one word the next pattern word must follow it", "Velmora surely won't even ever quarrel with Tashkai this year.", dyad, nil},
		{"an actor after another and an adjective goes on their compound", "Velmora and the evil Quorin awful Tashkai condemned Zara at the border.", dyad, []string{"VEL ZAR 122 asserted", "QRN ZAR 122 asserted", "TSK ZAR 122 asserted"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tabariCoder(t, tc.opts)
			got := triples(c.Code(tc.text, sentences(t, tc.text), day))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				s := sentences(t, tc.text)
				t.Errorf("%q (-want +got):\n%s\n%s", tc.text, diff, c.Explain(tc.text, s[0], 0, day))
			}
		})
	}
}

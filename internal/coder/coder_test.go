package coder

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/dictfile"
	"dyad/internal/nlp"
	"dyad/news"
)

// A small made-up world: the states of Velmora, Tashkai and Quorin.
const testVerbs = `&MONEY
+KRONA
+SILVER COINS
--- CONDEMN [122] ---
CONDEMN
--- MEET [031:031] ---
MEET {MET MEETS MEETING}
- * WITH + [036]
--- ATTACK [190] ---
ATTACK
--- GIVE [070] ---
GIVE {GAVE GIVEN GIVES GIVING}
- * + &MONEY [071]
--- SAY [---] ---
SAY {SAID SAYS}
--- CRITICIZE [111] ---
CRITICIZE
--- PROMISE [050] ---
PROMISE
- * REFORM [051]
--- CORDON [171] ---
+CORDON_OFF
--- TAP [081] ---
WIRE_+TAP
--- DEPART [032] ---
DEPART
--- WARN [160] ---
WARN
- WON'T * [164]
- * REAL~_GRAVE [161]
--- SHOULD [---] ---
SHOULD
- URGED * ATTACK [195]
--- VOICE [020] ---
VOICE
- RAISED ITS * [042]
--- MOCK [+++] ---
MOCK
--- HOST [042!] ---
HOST {HOSTED HOSTS HOSTING}
--- CELEBRATE [040] ---
CELEBRATE
- * FEAST IN ^ + [045]
- * FESTIVAL ^ + [046]
`

const testActors = `VELMORA_ [VEL]
+VELMORAN
TASHKAI [TSK]
QUORIN [QRN]
RED_HARBOUR [RDH]
QUORIN RADIO [QRNRAD]
OLD_KINGDOM [OLK <19991231]
[NEW >20000101]
NOBODY [---]
ZORBIA [+++]
THE_LEAGUE [VEL/QRN]
`

const testAgents = `POLICE [~COP]
GOVERNMENT [~GOV]
FOREIGN_MINISTER [~GOVFRM]
MINISTER [~GOV]
REBEL [REB~]
`

const testDiscards = `FOOTBALL
+HURRICANE
`

func testSet(t testing.TB) *dictfile.Set {
	t.Helper()
	v, err := dictfile.ParseVerbs("test.verbs.txt", strings.NewReader(testVerbs))
	if err != nil {
		t.Fatal(err)
	}
	a, err := dictfile.ParseActors("test.actors.txt", strings.NewReader(testActors))
	if err != nil {
		t.Fatal(err)
	}
	g, err := dictfile.ParseAgents("test.agents.txt", strings.NewReader(testAgents))
	if err != nil {
		t.Fatal(err)
	}
	d, err := dictfile.ParseDiscards("test.discards.txt", strings.NewReader(testDiscards))
	if err != nil {
		t.Fatal(err)
	}
	return &dictfile.Set{Verbs: v, Actors: a, Agents: g, Discards: d}
}

var (
	anOnce sync.Once
	anVal  *nlp.Analyzer
	anErr  error
)

func analyzer(t testing.TB) *nlp.Analyzer {
	t.Helper()
	anOnce.Do(func() { anVal, anErr = nlp.New() })
	if anErr != nil {
		t.Fatal(anErr)
	}
	return anVal
}

func sentences(t testing.TB, text string) []news.Sentence {
	return analyzer(t).Sentences(text, []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}})
}

// triple is an event in short: "SRC TGT CODE MODALITY".
func triples(evs []news.Event) []string {
	var out []string
	for _, e := range evs {
		s, tg := "-", "-"
		if e.Source != nil {
			s = e.Source.Code
		}
		if e.Target != nil {
			tg = e.Target.Code
		}
		out = append(out, s+" "+tg+" "+e.Code+" "+e.Modality)
	}
	return out
}

func TestCode(t *testing.T) {
	c, err := New(testSet(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		text string
		date time.Time
		opts *Options
		want []string
	}{
		{"simple", "Velmora condemned Tashkai on Monday.", day, nil, []string{"VEL TSK 122 asserted"}},
		{"synonym", "Velmoran troops condemned Tashkai.", day, nil, []string{"VEL TSK 122 asserted"}},
		{"agent after actor", "Tashkai police condemned Quorin.", day, nil, []string{"TSKCOP QRN 122 asserted"}},
		{"possessive agent", "Tashkai's government condemned Quorin.", day, nil, []string{"TSKGOV QRN 122 asserted"}},
		{"agent of actor", "The police in Quorin condemned Velmora.", day, nil, []string{"QRNCOP VEL 122 asserted"}},
		{"prefix agent", "Quorin rebels condemned Velmora.", day, nil, []string{"REBQRN VEL 122 asserted"}},
		{"multi-word agent", "Quorin's foreign minister condemned Velmora.", day, nil, []string{"QRNGOVFRM VEL 122 asserted"}},
		{"compound source", "Velmora and Tashkai condemned Quorin.", day, nil, []string{"VEL QRN 122 asserted", "TSK QRN 122 asserted"}},
		{"compound target", "Quorin condemned Velmora and Tashkai.", day, nil, []string{"QRN VEL 122 asserted", "QRN TSK 122 asserted"}},
		{"paired code", "Velmora met Tashkai in the capital.", day, nil, []string{"VEL TSK 031 asserted", "TSK VEL 031 asserted"}},
		{"pattern with target", "Velmora met with Tashkai.", day, nil, []string{"VEL TSK 036 asserted"}},
		{"synset pattern", "Velmora gave Tashkai silver coins.", day, nil, []string{"VEL TSK 071 asserted"}},
		{"synset member plural", "Velmora gave Tashkai kronas.", day, nil, []string{"VEL TSK 071 asserted"}},
		{"default code", "Velmora gave Tashkai a warning.", day, nil, []string{"VEL TSK 070 asserted"}},
		{"passive with by", "Quorin was attacked by Tashkai.", day, nil, []string{"TSK QRN 190 asserted"}},
		{"pronoun", "Velmora said it would attack Quorin.", day, nil, []string{"VEL QRN 190 hypothetical"}},
		{"pronoun in a conjoined clause is the first actor", "Velmora condemned Tashkai and then Quorin criticized it.", day, &Options{Dialect: DialectTabari, RequireDyad: true, CodeAll: true}, []string{"VEL TSK 122 asserted", "QRN VEL 111 asserted"}},
		{"pronoun in the same clause is the nearest actor", "Velmora condemned Tashkai, then Quorin criticized it.", day, &Options{Dialect: DialectTabari, RequireDyad: true, CodeAll: true}, []string{"VEL TSK 122 asserted", "VEL QRN 111 asserted"}},
		{"he is not a country named as the possessive of a thing in an opening phrase", "On the repair of Velmora's old bridges, he condemned Tashkai.", day, nil, nil},
		{"an actor named after an opening phrase is the subject", "On the repair of Velmora's old bridges, Quorin condemned Tashkai.", day, nil, []string{"QRN TSK 122 asserted"}},
		{"no target past a subordinating conjunction", "Velmora attacked the convoy while in Quorin.", day, nil, nil},
		{"a target before a subordinating conjunction", "Velmora attacked Quorin while in talks.", day, nil, []string{"VEL QRN 190 asserted"}},
		{"who after a state named by a modifier is the person modified", "A Velmoran woman believed linked to Tashkai who attacked Quorin was seen.", day, nil, []string{"VEL QRN 190 asserted"}},
		{"who after a state named by a modifier of an unknown person", "A man close to Tashkai who attacked Quorin was seen.", day, nil, nil},
		{"who right after a state's agent is that agent", "Velmora condemned Tashkai police who attacked Quorin.", day, nil, []string{"VEL TSKCOP 122 asserted", "TSKCOP QRN 190 asserted"}},
		{"negation dropped", "Velmora did not attack Quorin.", day, nil, nil},
		{"contraction in a pattern", "Velmora won't warn Quorin.", day, nil, []string{"VEL QRN 164 asserted"}},
		{"contraction in a pattern, stems", "Velmora won't warn Quorin.", day, &Options{Dialect: DialectTabari, RequireDyad: true}, []string{"VEL QRN 164 asserted"}},
		{"nonconsecutive actor phrase, stems", "Velmora warned Quorin state-run radio.", day, &Options{Dialect: DialectTabari, RequireDyad: true}, []string{"VEL QRNRAD 160 asserted"}},
		{"nonconsecutive actor phrase stops at a conjunction", "Velmora warned Quorin and its radio.", day, &Options{Dialect: DialectTabari, RequireDyad: true}, []string{"VEL QRN 160 asserted"}},
		{"nonconsecutive actor phrase skips two words at most", "Velmora warned Quorin about the big radio.", day, &Options{Dialect: DialectTabari, RequireDyad: true}, []string{"VEL QRN 160 asserted"}},
		{"stem mark ~_ in a pattern", "Velmora warned Quorin of a really grave danger.", day, &Options{Dialect: DialectTabari, RequireDyad: true}, []string{"VEL QRN 161 asserted"}},
		{"stem mark ~_ needs the next word adjacent", "Velmora warned Quorin of a real and grave danger.", day, &Options{Dialect: DialectTabari, RequireDyad: true}, []string{"VEL QRN 160 asserted"}},
		{"split contraction needs both parts", "Velmora would not warn Quorin.", day, nil, nil},
		{"negation marked", "Velmora did not attack Quorin.", day, &Options{RequireDyad: true, Negation: NegationMark}, []string{"VEL QRN 190 negated"}},
		{"future", "Velmora will attack Quorin.", day, nil, []string{"VEL QRN 190 future"}},
		{"coordinated verbs", "Velmora condemned Quorin and promised aid to Tashkai.", day, nil, []string{"VEL QRN 122 asserted", "VEL TSK 050 asserted"}},
		{"multi-word verb", "Tashkai cordoned off the roads to Quorin.", day, nil, []string{"TSK QRN 171 asserted"}},
		{"date before", "Old Kingdom condemned Quorin.", time.Date(1998, 1, 1, 0, 0, 0, 0, time.UTC), nil, []string{"OLK QRN 122 asserted"}},
		{"date after", "Old Kingdom condemned Quorin.", day, nil, []string{"NEW QRN 122 asserted"}},
		{"null actor", "Nobody condemned Quorin.", day, nil, nil},
		{"require dyad", "Velmora condemned the plan.", day, nil, nil},
		{"monad allowed", "Velmora condemned the plan.", day, &Options{}, []string{"VEL - 122 asserted"}},
		{"sentence discard", "Velmora condemned Tashkai after the football match.", day, nil, nil},
		{"story discard", "Velmora condemned Tashkai. A hurricane hit Quorin.", day, nil, nil},
		{"one event a story", "Velmora condemned Tashkai. Quorin condemned Velmora.", day, &Options{RequireDyad: true, OneEventPerStory: true}, []string{"VEL TSK 122 asserted"}},
		{"no verb", "Velmora and Tashkai.", day, nil, nil},
		{"underscore joins a name", "Velmora condemned Red_Harbour.", day, nil, []string{"VEL RDH 122 asserted"}},
		{"compound target after commas", "Velmora condemned Tashkai, Quorin and Red Harbour.", day, nil, []string{"VEL TSK 122 asserted", "VEL QRN 122 asserted", "VEL RDH 122 asserted"}},
		{"comma between adjectives", "Velmora condemned brutal, cruel attacks by Quorin.", day, nil, []string{"VEL QRN 122 asserted"}},
		{"adjectives joined by and", "Tashkai's awful and evil minister condemned Quorin.", day, nil, []string{"TSKGOV QRN 122 asserted"}},
		{"agent code not repeated", "The Quorin foreign minister condemned Velmora.", day, nil, []string{"QRNGOVFRM VEL 122 asserted"}},
		{"agent without actor", "Police condemned Quorin.", day, nil, []string{"---COP QRN 122 asserted"}},
		{"adverbial clause has its own subject", "Tashkai condemned the plan, after a crowd attacked Quorin.", day, nil, nil},
		{"adverbial clause of a coded verb", "Velmora condemned Tashkai after Quorin attacked Red Harbour.", day, nil, []string{"VEL TSK 122 asserted"}},
		{"comma and new subject", "Velmora attacked Tashkai, the Quorin police warned on Monday.", day, &Options{}, []string{"VEL TSK 190 asserted", "QRNCOP - 160 asserted"}},
		{"petrarch: ^ skips the agent of an agent of an actor, leaving the actor", "Velmora celebrated a festival with the police of Quorin in Tashkai.", day, nil, []string{"VEL QRN 046 asserted"}},
		{"an actor's nouns and the nouns of another actor form a compound", "Velmora's farmers and the fishermen of Quorin condemned Tashkai.", day, nil, []string{"VEL TSK 122 asserted", "QRN TSK 122 asserted"}},
		{"an actor's nouns with no second actor's of form no compound", "Velmora's farmers and fishermen in Quorin condemned Tashkai.", day, nil, []string{"VEL TSK 122 asserted"}},
		{"without require_dyad a verb with no noun phrase after it codes nothing", "Velmora attacked Tashkai, the Quorin police warned today.", day, &Options{}, []string{"VEL TSK 190 asserted"}},
		{"conjunction and new subject", "Velmora attacked Tashkai and then Quorin warned Velmora.", day, nil, []string{"VEL TSK 190 asserted", "QRN VEL 160 asserted"}},
		{"tabari: a comma opens no clause", "Velmora attacked Tashkai, the Quorin police warned.", day, &Options{Dialect: DialectTabari}, []string{"VEL TSK 190 asserted"}},
		{"default source prior", "Zeltar condemned Tashkai.", day, &Options{RequireDyad: true, DefaultSource: "DEF", DefaultTarget: "DFT", DefaultSourcePrior: true, DefaultTargetAfter: true}, []string{"DEF TSK 122 asserted"}},
		{"default without prior: source after the verb", "Zeltar condemned Tashkai.", day, &Options{RequireDyad: true, DefaultSource: "DEF", DefaultTarget: "DFT", DefaultTargetAfter: true}, []string{"TSK DFT 122 asserted"}},
		{"default without prior: compound after the verb", "Zeltar condemned Tashkai and Quorin.", day, &Options{RequireDyad: true, DefaultSource: "DEF", DefaultTarget: "DFT", DefaultTargetAfter: true}, []string{"TSK QRN 122 asserted"}},
		{"default target after", "Velmora and Tashkai condemned the plan.", day, &Options{RequireDyad: true, DefaultSource: "DEF", DefaultTarget: "DFT", DefaultSourcePrior: true, DefaultTargetAfter: true}, []string{"VEL DFT 122 asserted", "TSK DFT 122 asserted"}},
		{"default without after: compound source", "Velmora and Tashkai condemned the plan.", day, &Options{RequireDyad: true, DefaultSource: "DEF", DefaultTarget: "DFT", DefaultSourcePrior: true}, []string{"VEL TSK 122 asserted"}},
		{"convert agent", "Police condemned Quorin.", day, &Options{RequireDyad: true, ConvertAgent: true, Dialect: DialectTabari}, []string{"~COP QRN 122 asserted"}},
		{"a multi-word verb is found from its first word", "Velmora will not wire tap the communication links of Tashkai.", day, &Options{RequireDyad: true, Negation: NegationMark}, []string{"VEL TSK 081 negated"}},
		{"a verb tagged as a noun before a preposition", "Velmora departs from Tashkai after the talks.", day, nil, []string{"VEL TSK 032 asserted"}},
		{"a compound has one conjunction: a second one starts another", "Velmora condemned Tashkai and Quorin, and Red Harbour and Old Kingdom.", day, nil, []string{"VEL TSK 122 asserted", "VEL QRN 122 asserted"}},
		{"a later subject of the same actor as the source is no target where a pattern matched", "Velmora warned it faced a real grave danger from Tashkai.", day, nil, []string{"VEL TSK 161 asserted"}},
		{"an object of the same actor as the source ends the search", "Velmora warned him of a real grave danger from Tashkai.", day, nil, nil},
		{"a target of the same actor as the source ends the search for a bare verb", "Velmora criticized him over the attacks on Tashkai.", day, nil, nil},
		{"a name written with hyphens", "Velmora condemned Red-Harbour on Monday.", day, nil, []string{"VEL RDH 122 asserted"}},
		{"nonconsecutive actor phrase written with a blank", "Velmora warned Quorin state-run radio.", day, nil, []string{"VEL QRNRAD 160 asserted"}},
		{"a pattern word matches itself", "Velmora promised reform to Tashkai.", day, nil, []string{"VEL TSK 051 asserted"}},
		{"a pattern word does not match its plural", "Velmora promised reforms to Tashkai.", day, nil, []string{"VEL TSK 050 asserted"}},
		{"code by sentence", "Velmora condemned Quorin and promised aid to Tashkai.", day, &Options{RequireDyad: true, CodeBySentence: true}, []string{"VEL QRN 122 asserted"}},
		{"verbs coordinated by or", "Velmora condemned Quorin or attacked Tashkai.", day, nil, []string{"VEL QRN 122 asserted", "VEL TSK 190 asserted"}},
		{"compound agents share the actor", "Quorin police and government condemned Velmora.", day, nil, []string{"QRNCOP VEL 122 asserted", "QRNGOV VEL 122 asserted"}},
		{"compound agents across compound actors", "Police and ministers in Quorin and Tashkai condemned Velmora.", day, nil, []string{"QRNCOP VEL 122 asserted", "QRNGOV VEL 122 asserted", "TSKCOP VEL 122 asserted", "TSKGOV VEL 122 asserted"}},
		{"caret skips a determiner and an actor", "Velmora celebrated the feast in the Tashkai with Quorin.", day, nil, []string{"VEL QRN 045 asserted"}},
		{"participle attached to a noun", "Velmora condemned Tashkai police attacking Quorin.", day, nil, []string{"VEL TSKCOP 122 asserted", "TSKCOP QRN 190 asserted"}},
		{"participle of a noun that is no actor", "Velmora has been sending kronas to farmers attacking Quorin.", day, nil, nil},
		{"relative clause has its antecedent for subject", "Velmora condemned Tashkai, which attacked Quorin.", day, nil, []string{"VEL TSK 122 asserted", "TSK QRN 190 asserted"}},
		{"relative clause without an actor antecedent", "Velmora condemned the plan, which attacked Quorin.", day, nil, nil},
		{"passive participle with by", "Velmora condemned Tashkai police attacked by Quorin.", day, nil, []string{"VEL TSKCOP 122 asserted", "QRN TSKCOP 190 asserted"}},
		{"participle as an adjective", "Velmora condemned the attacked Quorin.", day, nil, []string{"VEL QRN 122 asserted"}},
		{"coordinated verb shares a subject that is no actor", "The plan would condemn Tashkai and attack Quorin.", day, nil, nil},
		{"tabari: a modal may be a dictionary verb", "Velmora urged Tashkai should attack Quorin.", day, &Options{Dialect: DialectTabari, RequireDyad: true}, []string{"VEL QRN 195 asserted"}},
		{"tabari: a noun after a determiner is a verb where a pattern names the words before it", "Velmora raised its voice for Quorin.", day, &Options{Dialect: DialectTabari, RequireDyad: true}, []string{"VEL QRN 042 asserted"}},
		{"tabari: a noun after a determiner has no bare code", "Velmora lowered the voice for Quorin.", day, &Options{Dialect: DialectTabari, RequireDyad: true}, nil},
		{"tabari: a possessive is no determiner", "Velmora lowered its voice for Quorin.", day, &Options{Dialect: DialectTabari, RequireDyad: true}, []string{"VEL QRN 020 asserted"}},
		{"tabari: text in capitals", "VELMORA CONDEMNED TASHKAI ON MONDAY.", day, &Options{Dialect: DialectTabari, RequireDyad: true}, []string{"VEL TSK 122 asserted"}},
		{"complex: a verb coded +++ leaves the sentence uncoded", "Velmora condemned Tashkai and mocked Quorin.", day, nil, nil},
		{"complex: an actor coded +++ leaves the sentence uncoded", "Velmora condemned Tashkai near Zorbia.", day, nil, nil},
		{"complex: too many verbs", "Velmora said it condemned Tashkai and criticized Quorin.", day, &Options{RequireDyad: true, Complex: Complexity{Verbs: 3}}, nil},
		{"complex: fewer verbs than the limit", "Velmora said it condemned Tashkai and criticized Quorin.", day, &Options{RequireDyad: true, Complex: Complexity{Verbs: 4}}, []string{"VEL TSK 122 asserted", "VEL QRN 111 asserted"}},
		{"complex: too many conjunctions", "Velmora condemned Quorin and criticized Tashkai but met Red Harbour.", day, &Options{RequireDyad: true, Complex: Complexity{Conj: 2}}, nil},
		{"complex: a compound's conjunction is not counted", "Velmora and Tashkai condemned Quorin and criticized Red Harbour.", day, &Options{RequireDyad: true, Complex: Complexity{Conj: 2}}, []string{"VEL QRN 122 asserted", "TSK QRN 122 asserted", "VEL RDH 111 asserted", "TSK RDH 111 asserted"}},
		{"minimum words count words, not clitics or punctuation", "Tashkai's police condemned Quorin.", day, &Options{RequireDyad: true, MinWords: 5}, nil},
		{"comma clauses of the set lengths are deleted", "Velmora condemned Tashkai, as it said on Monday, near the coast.", day, &Options{Commas: Commas{Min: 2, Max: 6, EMin: 2, EMax: 4}}, []string{"VEL TSK 122 asserted"}},
		{"comma clauses: a deleted internal clause uses up its closing comma", "Velmora condemned Tashkai, as it said on Monday, the Quorin police warned on Monday.", day, &Options{Commas: Commas{Min: 2, Max: 6, EMin: 2, EMax: 4}}, []string{"VEL TSK 122 asserted", "QRNCOP - 160 asserted"}},
		{"comma clauses: the commas of a compound actor delimit none", "Velmora, Tashkai, and Red Harbour condemned Quorin.", day, &Options{RequireDyad: true, Commas: Commas{Min: 1, Max: 6}}, []string{"VEL QRN 122 asserted", "TSK QRN 122 asserted", "RDH QRN 122 asserted"}},
		{"comma clauses: a longer terminal clause is kept", "Velmora condemned Tashkai, the Quorin police warned on Monday.", day, &Options{Commas: Commas{EMin: 2, EMax: 2}}, []string{"VEL TSK 122 asserted", "QRNCOP - 160 asserted"}},
		{"comma clauses: an initial clause", "On Monday at dawn, Velmora condemned Tashkai.", day, &Options{RequireDyad: true, Commas: Commas{BMin: 2, BMax: 4}}, []string{"VEL TSK 122 asserted"}},
		{"comma clauses: a comma between adjectives delimits none", "Velmora condemned brutal, cruel attacks by Quorin.", day, &Options{RequireDyad: true, Commas: Commas{BMin: 1, BMax: 4}}, []string{"VEL QRN 122 asserted"}},
		{"a name for several actors codes each", "The League condemned Tashkai.", day, nil, []string{"VEL TSK 122 asserted", "QRN TSK 122 asserted"}},
		{"a name for several actors as target", "Tashkai condemned the League.", day, nil, []string{"TSK VEL 122 asserted", "TSK QRN 122 asserted"}},
		{"new actor from a noun phrase", "The harbour guild condemned Quorin.", day, &Options{RequireDyad: true, NewActorLength: 4}, []string{`"THE HARBOUR GUILD" QRN 122 asserted`}},
		{"new actor joined by of", "The council of elders condemned Quorin.", day, &Options{RequireDyad: true, NewActorLength: 4}, []string{`"THE COUNCIL OF ELDERS" QRN 122 asserted`}},
		{"new actor too long is no actor", "The council of elders condemned Quorin.", day, &Options{RequireDyad: true, NewActorLength: 3}, nil},
		{"new actor too long, no dyad required", "The council of elders condemned Quorin.", day, &Options{NewActorLength: 3}, []string{"--- QRN 122 asserted"}},
		{"no new actors by default", "The harbour guild condemned Quorin.", day, nil, nil},
		{"new actor in a compound with an actor's phrase", "Velmora's army and harbour guild condemned Quorin.", day, &Options{RequireDyad: true, NewActorLength: 4}, []string{"VEL QRN 122 asserted", `"HARBOUR GUILD" QRN 122 asserted`}},
		{"a phrase whose preposition leads to an actor is no new actor", "Velmora condemned the dispute with Quorin.", day, &Options{RequireDyad: true, NewActorLength: 4}, []string{"VEL QRN 122 asserted"}},
		{"code by clause: a clause's later verb is not coded", "Velmora condemned Tashkai on Monday to warn it.", day, nil, []string{"VEL TSK 122 asserted"}},
		{"code all: a clause's later verb is coded, its subject the source", "Velmora condemned Tashkai on Monday to warn it.", day, &Options{RequireDyad: true, CodeAll: true}, []string{"VEL TSK 122 asserted", "VEL TSK 160 asserted"}},
		{"dominant code: the sentence keeps only the dominant event", "Velmora hosted Tashkai and condemned Quorin.", day, nil, []string{"VEL TSK 042 asserted"}},
		{"dominant code: check dominant off keeps every event", "Velmora hosted Tashkai and condemned Quorin.", day, &Options{RequireDyad: true, IgnoreDominant: true}, []string{"VEL TSK 042 asserted", "VEL QRN 122 asserted"}},
		{"caret skips a noun phrase", "Velmora celebrated the feast in Tashkai with Quorin.", day, nil, []string{"VEL QRN 045 asserted"}},
		{"caret skips a preposition with its noun phrase", "Velmora celebrated the festival with Quorin in Tashkai.", day, nil, []string{"VEL TSK 046 asserted"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cc := c
			if tc.opts != nil {
				cc = c.WithOptions(*tc.opts)
			}
			evs := cc.Code(tc.text, sentences(t, tc.text), tc.date)
			if diff := cmp.Diff(tc.want, triples(evs)); diff != "" {
				t.Errorf("%q (-want +got):\n%s\n%s", tc.text, diff, c.Explain(tc.text, sentences(t, tc.text)[0], 0, tc.date))
			}
			for _, e := range evs {
				checkEvent(t, tc.text, e)
			}
		})
	}
}

func checkEvent(t *testing.T, text string, e news.Event) {
	t.Helper()
	for _, a := range []*news.EventActor{e.Source, e.Target} {
		if a != nil && a.Text != "" && a.Span.Text(text) != a.Text {
			t.Errorf("actor span %v gives %q, want %q", a.Span, a.Span.Text(text), a.Text)
		}
	}
	if e.Verb != nil && e.Verb.Span.Text(text) != e.Verb.Text {
		t.Errorf("verb span %v gives %q, want %q", e.Verb.Span, e.Verb.Span.Text(text), e.Verb.Text)
	}
	if e.Rule == "" || e.Confidence <= 0 || e.Confidence > 1 {
		t.Errorf("rule %q confidence %v", e.Rule, e.Confidence)
	}
}

func TestEventFields(t *testing.T) {
	c, err := New(testSet(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	text := "First line. Tashkai police condemned Quorin."
	evs := c.Code(text, sentences(t, text), time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC))
	want := []news.Event{{
		Sentence:   1,
		Source:     &news.EventActor{Code: "TSKCOP", Text: "Tashkai police", Span: news.Span{12, 26}},
		Target:     &news.EventActor{Code: "QRN", Text: "Quorin", Span: news.Span{37, 43}},
		Code:       "122",
		Verb:       &news.Verb{Text: "condemned", Span: news.Span{27, 36}},
		Rule:       "test.verbs.txt:5",
		Confidence: 0.7,
		Modality:   "asserted",
	}}
	if diff := cmp.Diff(want, evs); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestOptionsWith(t *testing.T) {
	tests := []struct {
		name    string
		cfg     map[string]string
		want    Options
		wantErr bool
	}{
		{"require dyad off", map[string]string{"require_dyad": "False"}, Options{}, false},
		{"require dyad on", map[string]string{"require_dyad": "TRUE"}, Options{RequireDyad: true}, false},
		{"bad bool", map[string]string{"require_dyad": "maybe"}, Options{}, true},
		{"minimum words", map[string]string{"MINIMUM WORDS": "8"}, Options{MinWords: 8}, false},
		{"default actors", map[string]string{"DEFAULT": "SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER"}, Options{DefaultSource: "DEFSRC", DefaultTarget: "DEFTAR", DefaultSourcePrior: true, DefaultTargetAfter: true}, false},
		{"default without prior", map[string]string{"DEFAULT": "SOURCE [DEFSRC] TARGET [DEFTAR] AFTER"}, Options{DefaultSource: "DEFSRC", DefaultTarget: "DEFTAR", DefaultTargetAfter: true}, false},
		{"default off", map[string]string{"DEFAULT": "OFF"}, Options{}, false},
		{"convert agent", map[string]string{"CONVERT AGENT": "TRUE"}, Options{ConvertAgent: true}, false},
		{"code by sentence", map[string]string{"CODE": "SENTENCE"}, Options{CodeBySentence: true}, false},
		{"code all", map[string]string{"CODE": "ALL"}, Options{CodeAll: true}, false},
		{"code by clause after code all", map[string]string{"CODE": "CLAUSE"}, Options{}, false},
		{"check dominant off", map[string]string{"CHECK DOMINANT": "FALSE"}, Options{IgnoreDominant: true}, false},
		{"new actor length", map[string]string{"new_actor_length": "8"}, Options{NewActorLength: 8}, false},
		{"bad new actor length", map[string]string{"new_actor_length": "long"}, Options{}, true},
		{"ignored switch", map[string]string{"stop_on_error": "True"}, Options{}, false},
		{"petrarch comma switch", map[string]string{"comma_max": "8", "comma_emin": "2"}, Options{Commas: Commas{Max: 8, EMin: 2}}, false},
		{"tabari comma option", map[string]string{"COMMA": "MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8"}, Options{Commas: Commas{Min: 4, Max: 6, EMin: 3, EMax: 6, BMin: 3, BMax: 8}}, false},
		{"tabari comma off", map[string]string{"COMMA": "OFF"}, Options{}, false},
		{"tabari complex option", map[string]string{"COMPLEX": "VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN"}, Options{Complex: Complexity{Verbs: 5, Conj: 4, NoActorPrior: true}}, false},
		{"bad complex option", map[string]string{"COMPLEX": "VERBS[five]"}, Options{}, true},
		{"bad comma option", map[string]string{"COMMA": "MIN = four"}, Options{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Options{}.With(tc.cfg)
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v", err)
			}
			if err == nil && !cmp.Equal(got, tc.want) {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestExplain(t *testing.T) {
	c, err := New(testSet(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	text := "Velmora met with Tashkai."
	ex := c.Explain(text, sentences(t, text)[0], 0, time.Now())
	s := ex.String()
	for _, want := range []string{"actor \"Velmora\"", "test.actors.txt:1", "verb \"met\"", "MATCH", "event VEL"} {
		if !strings.Contains(s, want) {
			t.Errorf("explanation lacks %q:\n%s", want, s)
		}
	}
}

func TestNew(t *testing.T) {
	if _, err := New(nil, Options{}); err == nil {
		t.Error("New(nil) gave no error")
	}
	if _, err := New(&dictfile.Set{}, Options{}); err == nil {
		t.Error("New without verbs gave no error")
	}
}

func FuzzCode(f *testing.F) {
	for _, s := range []string{
		"Velmora condemned Tashkai.",
		"Quorin was attacked by Tashkai police and Velmoran rebels, it said.",
		"They met. It didn't attack them and never gave silver coins",
		"",
		"Velmora's’ ,, and and Tashkai \u00e9t\u00e9 met with",
		"Velmora's grim and stern herons and Quorin's Zara surely really did not even ever quarrel and",
	} {
		f.Add(s)
	}
	c, err := New(testSet(f), DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	an := analyzer(f)
	cm := c.WithOptions(Options{Negation: NegationMark})
	tc := tabariCoder(f, Options{RequireDyad: true, Commas: Commas{Min: 2, Max: 6, EMin: 2, EMax: 6}})
	f.Fuzz(func(t *testing.T, text string) {
		ss := an.Sentences(text, []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}})
		for _, cc := range []*Coder{c, cm, tc} {
			for _, e := range cc.Code(text, ss, time.Time{}) {
				checkEvent(t, text, e)
				if e.Sentence < 0 || e.Sentence >= len(ss) {
					t.Errorf("sentence %d of %d", e.Sentence, len(ss))
				}
			}
		}
		for i, s := range ss {
			_ = c.Explain(text, s, i, time.Time{}).String()
		}
	})
}

// TestCodeFrom checks the antecedent handed from one text of a story to
// the next (TABARI's FORWARD): the first actor named, without its agents.
func TestCodeFrom(t *testing.T) {
	c, err := New(testSet(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC)
	first := "Tashkai police condemned Quorin."
	evs, ante := c.CodeFrom(first, sentences(t, first), day, nil)
	if diff := cmp.Diff([]string{"TSKCOP QRN 122 asserted"}, triples(evs)); diff != "" {
		t.Errorf("first text (-want +got):\n%s", diff)
	}
	if ante == nil || ante.Code != "TSK" {
		t.Fatalf("antecedent %+v, want TSK", ante)
	}
	second := "It attacked Velmora."
	evs, next := c.CodeFrom(second, sentences(t, second), day, ante)
	if diff := cmp.Diff([]string{"TSK VEL 190 asserted"}, triples(evs)); diff != "" {
		t.Errorf("second text (-want +got):\n%s", diff)
	}
	if next == nil || next.Code != "VEL" {
		t.Errorf("next antecedent %+v, want VEL", next)
	}
	if evs := c.Code(second, sentences(t, second), day); len(evs) != 0 {
		t.Errorf("without an antecedent: %v, want none", triples(evs))
	}
}

// TestBareInfinitive codes a dictionary verb the tagger took for a noun
// where only a verb can stand: after a modal or "do" and adverbs.
func TestBareInfinitive(t *testing.T) {
	c, err := New(testSet(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC)
	tagged := func(pairs ...string) (string, []news.Sentence) {
		var b strings.Builder
		var toks []news.Token
		for i := 0; i < len(pairs); i += 2 {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(pairs[i])
			toks = append(toks, news.Token{Text: pairs[i], Tag: pairs[i+1], Span: news.Span{start, b.Len()}})
		}
		return b.String(), []news.Sentence{{Span: news.Span{0, b.Len()}, Tokens: toks}}
	}
	tests := []struct {
		name  string
		pairs []string
		want  []string
	}{
		{"after a modal and adverbs", []string{"Velmora", "NNP", "will", "MD", "surely", "RB", "soon", "RB", "warn", "NN", "Quorin", "NNP", ".", "."}, []string{"VEL QRN 160 future"}},
		{"right after a modal it stays a noun", []string{"Velmora", "NNP", "will", "MD", "warn", "NN", "Quorin", "NNP", ".", "."}, nil},
		{"after a noun it stays a noun", []string{"Velmora", "NNP", "sent", "VBD", "a", "DT", "warn", "NN", "to", "TO", "Quorin", "NNP", ".", "."}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, ss := tagged(tc.pairs...)
			if diff := cmp.Diff(tc.want, triples(c.Code(text, ss, day))); diff != "" {
				t.Errorf("%q (-want +got):\n%s", text, diff)
			}
		})
	}
}

// TestConcurrentCode codes texts from several goroutines at once, as a
// pipeline does with one Coder: each gets what coding alone gives it
// (run with -race to check the shared word-index storage).
func TestConcurrentCode(t *testing.T) {
	c, err := New(testSet(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC)
	texts := []string{
		"Velmora condemned Tashkai. Quorin praised Velmora on Monday.",
		"Tashkai attacked Quorin near the border. The Velmora police met with Quorin.",
		"Quorin gave Tashkai silver coins.",
	}
	want := make([][]string, len(texts))
	ss := make([][]news.Sentence, len(texts))
	for i, text := range texts {
		ss[i] = sentences(t, text)
		want[i] = triples(c.Code(text, ss[i], day))
		if len(want[i]) == 0 {
			t.Fatalf("%q codes no event", text)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(texts))
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				i := (g + r) % len(texts)
				if diff := cmp.Diff(want[i], triples(c.Code(texts[i], ss[i], day))); diff != "" {
					errs <- texts[i] + ": " + diff
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

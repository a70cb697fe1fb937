package coder

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/dictfile"
)

// The made-up world of the coder tests, with the verbs news mode reads.
const newsVerbs = `--- CONDEMN [122] ---
CONDEMN
ACCUSE
CONDEMNATION {CONDEMNATIONS}
--- CRITICIZE [111] ---
CRITICIZE
--- ATTACK [190] ---
ATTACK
+FIGHT {+FOUGHT +FIGHTS +FIGHTING}
+EXCHANGE_FIRE {+EXCHANGED_FIRE +EXCHANGES_FIRE}
CLASH
--- MEET [040] ---
MEET {MET MEETS MEETING}
- % * IN [044]
--- TALKS [---] ---
HOLD {HELD HOLDS HOLDING}
- * TALKS [040]
--- PHONE [041] ---
PHONE
- % * [041]
--- SIGN [057] ---
SIGN
- * TREATY WITH + [0571]
--- ARREST [173] ---
ARREST
--- BLOCK [---] ---
BLOCK
- * ROAD [144]
--- SAY [---] ---
SAY {SAID SAYS}
--- PROTEST [141] ---
PROTEST
MARCH {MARCHED MARCHES MARCHING}
- * AGAINST + [141]
--- LAMENT [012] ---
LAMENT
--- DENY [016] ---
DENY
--- SEND [070] ---
SEND {SENT SENDS SENDING}
--- URGE [020] ---
URGE
--- WANT [---] ---
WANT
- * TALKS [026]
--- WELCOME [051] ---
WELCOME
--- MEDIATE [045] ---
MEDIATE
--- OFFER [030] ---
OFFER
- * TO MEDIATE [039]
--- SEIZE [1711] ---
SEIZE {SEIZED SEIZES SEIZING}
--- DEMAND [100] ---
DEMAND
--- AGREE [030] ---
AGREE
--- SHARE [064] ---
SHARE
- * INTELLIGENCE WITH + [064]
`

const newsActors = `VELMORA_ [VEL]
+VELMORAN
+VELMORANS
TASHKAI [TSK]
QUORIN [QRN]
RED_HARBOUR [RDH]
RH [RDH]
ARLO_BENN [VELELI]
`

const newsAgents = `POLICE [~COP]
SPOKESWOMAN [~GOV]
GOVERNMENT [~GOV]
MINISTER [~GOV]
LEADER [~GOV]
OPPOSITION [~OPP]
OPPOSITION_LEADER [~OPP]
REBEL [~REB]
DOCTOR [~HLH]
`

func newsSet(t testing.TB) *dictfile.Set {
	t.Helper()
	v, err := dictfile.ParseVerbs("news.verbs.txt", strings.NewReader(newsVerbs))
	if err != nil {
		t.Fatal(err)
	}
	a, err := dictfile.ParseActors("news.actors.txt", strings.NewReader(newsActors))
	if err != nil {
		t.Fatal(err)
	}
	g, err := dictfile.ParseAgents("news.agents.txt", strings.NewReader(newsAgents))
	if err != nil {
		t.Fatal(err)
	}
	return &dictfile.Set{Verbs: v, Actors: a, Agents: g}
}

// TestNewsRules codes one sentence per news reading with News on, and
// with it off where the peers' reading differs, so that each rule is seen
// to change what is coded.
func TestNewsRules(t *testing.T) {
	c, err := New(newsSet(t), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	news := Options{RequireDyad: true, News: true}
	tests := []struct {
		name       string
		text       string
		opts       Options
		want, peer []string // with the options; with News off (nil: not compared)
	}{
		{"a place after in is where, not a party", "Velmora and Tashkai met in Quorin on Monday.", news,
			[]string{"VEL TSK 044 asserted", "TSK VEL 044 asserted"}, []string{"VEL QRN 044 asserted", "TSK QRN 044 asserted"}},
		{"a compound subject holding talks meets itself", "Velmora and Tashkai will hold talks next week.", news,
			[]string{"VEL TSK 040 future", "TSK VEL 040 future"}, []string{}},
		{"an infinitive after plan is future", "Velmora plans to attack Tashkai.", news,
			[]string{"VEL TSK 190 future"}, nil},
		{"an attack announced with will is a threat", "Velmora will attack Tashkai, the minister said.", news,
			[]string{"VEL TSK 138 future"}, []string{"VEL TSK 190 future"}},
		{"an arrest announced with would is a threat", "Velmora said it would arrest Tashkai in return.", news,
			[]string{"VEL TSK 137 hypothetical"}, []string{"VEL TSK 173 hypothetical"}},
		{"an attack that could happen is no act", "Velmora could attack Tashkai within days.", news,
			[]string{}, []string{"VEL TSK 190 hypothetical"}},
		{"a cooperative act with will stays itself", "Velmora will meet Tashkai.", news,
			[]string{"VEL TSK 040 future"}, nil},
		{"a relative clause after a name in brackets", "The move was condemned by the Red Harbour (RH), which criticized Tashkai.", news,
			[]string{"RDH TSK 111 asserted"}, []string{}},
		{"a condemnation of an attack by no one named is on the story's country", "The Quorin government criticized what it called a cowardly attack on a market.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"QRNGOV QRN 111 asserted"}, []string{}},
		{"a passive condemnation of an attack by no one named is on the story's country", "The attack on a market was criticized by the Quorin government.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"QRNGOV QRN 111 asserted"}, []string{}},
		{"a passive condemnation of no act of violence takes no target", "The new budget was criticized by the Quorin government.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"a condemnation of no act of violence takes no target", "The Quorin government criticized the new budget.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"he opening a sentence is the last person named, not a later group", "Opposition leader Arlo Benn criticized Tashkai and said police held the port. He urged Quorin to leave.", news,
			[]string{"VELOPP TSK 111 asserted", "VELOPP QRN 020 asserted"}, nil},
		{"he opening a sentence is no state", "Velmora criticized Tashkai and said police held the port. He urged Quorin to leave.", news,
			[]string{"VEL TSK 111 asserted"}, nil},
		{"comma and before a new subject, past its apposition, opens a clause", "Velmora welcomed Tashkai, and Quorin's minister, Arlo Benn, criticized Red Harbour.", news,
			[]string{"VEL TSK 051 asserted", "QRNGOV RDH 111 asserted"}, []string{"VEL TSK 051 asserted", "VEL QRNGOV 051 asserted"}},
		{"comma and before a compound subject and its verb opens a clause", "Velmora welcomed the deal, and Tashkai and Quorin criticized Red Harbour on Friday.", news,
			[]string{"TSK RDH 111 asserted", "QRN RDH 111 asserted"}, nil},
		{"but before a subject with such as opens a clause", "Velmora met Tashkai in March, but splinter groups such as Red Harbour criticized Quorin.", news,
			[]string{"VEL TSK 040 asserted", "RDH QRN 111 asserted"}, nil},
		{"a foreign mediation with no party named is in the story's country", "Tashkai, which mediated the accord last year, stayed silent.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"TSK QRN 045 asserted"}, []string{}},
		{"a mediation with a party named stays on it", "Tashkai mediated for Velmora in March.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"TSK VEL 045 asserted"}, nil},
		{"the story country's own mediation names no party", "Quorin mediated the accord last year.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"two objects joined by and stay a compound", "Velmora welcomed Tashkai and Quorin.", news,
			[]string{"VEL TSK 051 asserted", "VEL QRN 051 asserted"}, nil},
		{"a seizure of property is not on the story's people", "Quorin police seized a tanker off the coast.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"a seizure of a named country's property is on that country", "Quorin police seized a Velmoran tanker.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"QRNCOP VEL 1711 asserted"}, nil},
		{"the gulf of a country is where, not a party", "Velmora arrested two men in the Gulf of Tashkai.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VEL QRN 173 asserted"}, []string{"VEL TSK 173 asserted"}},
		{"a demand for access to one's own people is on who holds them", "The Velmoran government demanded access to two Velmoran sailors.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VELGOV QRN 100 asserted"}, []string{"VELGOV VEL 100 asserted"}},
		{"a demand on another country's people stays on them", "The Velmoran government demanded access to two Tashkai sailors.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VELGOV TSK 100 asserted"}, nil},
		{"a present tense in a relative clause is a habit", "Velmora condemned the Tashkai rebels, who attack Quorin every spring.", news,
			[]string{"VEL TSKREB 122 asserted"}, []string{"VEL TSKREB 122 asserted", "TSKREB QRN 190 asserted"}},
		{"a past tense in a relative clause is an event", "Velmora condemned the Tashkai rebels, who attacked Quorin on Monday.", news,
			[]string{"VEL TSKREB 122 asserted", "TSKREB QRN 190 asserted"}, nil},
		{"fighting between the A and B", "Heavy fighting between the Red Harbour and Tashkai rebels spread.", news,
			[]string{"RDH TSKREB 190 asserted", "TSKREB RDH 190 asserted"}, []string{}},
		{"by A and by B is one compound", "The deal was welcomed by Velmora and by Tashkai.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VEL QRN 051 asserted", "TSK QRN 051 asserted"}, nil},
		{"which after by A and by B is B", "The deal was welcomed by Velmora and by Tashkai, which criticized Red Harbour.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VEL QRN 051 asserted", "TSK QRN 051 asserted", "TSK RDH 111 asserted"}, nil},
		{"the arrest of an actor is an act on it", "The talks stalled after the arrest last week of a Velmoran doctor.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"QRNCOP VELHLH 173 asserted"}, []string{}},
		{"the arrest of an actor by another", "The talks stalled after the arrest of two Velmoran doctors by Tashkai police.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"TSKCOP VELHLH 173 asserted"}, []string{}},
		{"a noun right after a modal is its verb", "Velmora said it would share intelligence with Tashkai.", news,
			[]string{"VEL TSK 064 hypothetical"}, []string{}},
		{"a foreign offer of something with no one named is to the story's country", "Velmora offered two field hospitals.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VEL QRN 030 asserted"}, []string{}},
		{"a foreign bare intent is to no one", "Velmora offered to help.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"a compound of mediators mediates between the parties named before", "Velmora and Tashkai clashed on Monday. Quorin and Red Harbour will mediate.", news,
			[]string{"VEL TSK 190 asserted", "TSK VEL 190 asserted", "QRN VEL 045 future", "QRN TSK 045 future", "RDH VEL 045 future", "RDH TSK 045 future"}, nil},
		{"what is agreed to is coded, not the agreement", "Velmora agreed to meet Tashkai.", news,
			[]string{"VEL TSK 040 future"}, []string{"VEL TSK 030 asserted"}},
		{"an agreement to attack is no attack", "Velmora agreed to attack Tashkai.", news,
			[]string{"VEL TSK 030 asserted"}, nil},
		{"an agreement with no infinitive stays one", "Velmora agreed with Tashkai on Monday.", news,
			[]string{"VEL TSK 030 asserted"}, nil},
		{"the two leaders are the last two countries of their sentence", "The Velmoran minister phoned the Tashkai minister, and the two leaders agreed to meet Quorin.", news,
			[]string{"VELGOV TSKGOV 041 asserted", "VELGOV QRN 040 future", "TSKGOV QRN 040 future"}, nil},
		{"an agentless passive names no one who acted", "Velmora, whose minister was criticized on Monday, met Tashkai.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VEL TSK 040 asserted"}, nil},
		{"a passive with its agent is coded", "A pipeline linking Velmora and Tashkai was attacked by Quorin on Monday.", news,
			[]string{"QRN VEL 190 asserted", "QRN TSK 190 asserted"}, nil},
		{"a compound is no subject past another actor", "Velmora and Tashkai condemned Quorin on Monday, and Red Harbour phoned Quorin.", news,
			[]string{"VEL QRN 122 asserted", "TSK QRN 122 asserted", "RDH QRN 041 asserted"}, nil},
		{"since with a date opens no clause", "Velmora, in power since 2001, condemned Tashkai.", news,
			[]string{"VEL TSK 122 asserted"}, []string{}},
		{"a pattern does not reach into a later clause", "Velmora will sign a treaty, the minister said, as Tashkai competes with Quorin.", news,
			[]string{}, []string{"VEL QRN 0571 future"}},
		{"an adverbial clause with its own actor is an event", "Velmora condemned Tashkai after Quorin attacked Red Harbour.", news,
			[]string{"VEL TSK 122 asserted", "QRN RDH 190 asserted"}, []string{"VEL TSK 122 asserted"}},
		{"no one as subject negates", "No one in Velmora attacked Tashkai.", news,
			[]string{}, nil},
		{"each other", "Velmora and Tashkai criticized each other.", news,
			[]string{"VEL TSK 111 asserted", "TSK VEL 111 asserted"}, []string{}},
		{"the two governments are the compound named before", "Velmora and Tashkai met on Monday. The two governments will hold talks.", news,
			[]string{"VEL TSK 040 asserted", "TSK VEL 040 asserted", "VEL TSK 040 future", "TSK VEL 040 future"}, nil},
		{"both leaders are the last two countries named", "Tashkai condemned Quorin. The Velmoran minister phoned both leaders.", news,
			[]string{"TSK QRN 122 asserted", "VELGOV TSK 041 asserted", "VELGOV QRN 041 asserted"}, nil},
		{"an object pronoun is not the clause's subject", "Tashkai condemned Quorin on Monday, and Velmora criticized it.", news,
			[]string{"TSK QRN 122 asserted", "VEL QRN 111 asserted"}, []string{"TSK QRN 122 asserted", "VEL TSK 111 asserted"}},
		{"he standing for no person named is still the subject", "Tashkai's harvest failed, and he condemned Quorin.", news,
			[]string{}, []string{"TSK QRN 122 asserted"}},
		{"him standing for no person named is still the object", "Velmora condemned Tashkai on Monday, and Red Harbour phoned him about Quorin.", news,
			[]string{"VEL TSK 122 asserted"}, nil},
		{"a relative clause after a titled name", "Velmoran minister Arlo Benn, who criticized Tashkai, condemned Quorin.", news,
			[]string{"VELGOV TSK 111 asserted", "VELGOV QRN 122 asserted"}, nil},
		{"fighting between a compound", "Heavy fighting between Velmora and Tashkai spread on Monday.", news,
			[]string{"VEL TSK 190 asserted", "TSK VEL 190 asserted"}, []string{}},
		{"a foreign actor's verbal act with no target acts on the story's country", "Velmora condemned the vote.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VEL QRN 122 asserted"}, []string{}},
		{"an actor of the story's country has no implicit target", "Quorin police condemned the vote.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"an act of force has no implicit target", "Velmora attacked the convoy.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"an arrest with no one named arrested is of the story's people", "Police arrested two men on Friday.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"---COP QRN 173 asserted"}, []string{}},
		{"a passive arrest with no one named is the story country's police arresting its people", "Two men were arrested on Friday.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"QRNCOP QRN 173 asserted"}, []string{}},
		{"no one arrested is no arrest", "No one was arrested.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"a spokeswoman for an actor speaks for it", "A spokeswoman for Tashkai condemned Quorin.", news,
			[]string{"TSKGOV QRN 122 asserted"}, nil},
		{"he is a person, not a state", "Tashkai condemned Quorin. He criticized Velmora.", news,
			[]string{"TSK QRN 122 asserted"}, []string{"TSK QRN 122 asserted", "QRN VEL 111 asserted"}},
		{"a name the article introduces codes as an actor", "Zulu accused Tashkai of fraud.",
			Options{RequireDyad: true, News: true, Names: []Name{{Words: []string{"ZULU"}, Code: "QRNOPP", Pos: dictfile.Pos{File: "entities/person", Line: 3}}}},
			[]string{"QRNOPP TSK 122 asserted"}, []string{}},
		{"a protest with no target is against the story country's authorities", "Quorin police blocked the road.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "TSK"}, []string{"QRNCOP TSKGOV 144 asserted"}, []string{}},
		{"a relative clause's subject is not shared by a later verb", "Police attacked rebels who had blocked the road, and arrested two men.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"---COP ---REB 190 asserted", "---REB QRNGOV 144 asserted", "---COP QRN 173 asserted"}, nil},
		{"the two ministers are the last two persons of different countries named", "Mira Sol met Dara Kol on Monday. Red Harbour criticized Quorin. The two ministers will hold talks.",
			Options{RequireDyad: true, News: true, Names: []Name{
				{Words: []string{"MIRA", "SOL"}, Code: "VELGOV", Pos: dictfile.Pos{File: "entities/person", Line: 1}},
				{Words: []string{"DARA", "KOL"}, Code: "TSKGOV", Pos: dictfile.Pos{File: "entities/person", Line: 2}}}},
			[]string{"VELGOV TSKGOV 040 asserted", "RDH QRN 111 asserted", "VELGOV TSKGOV 040 future", "TSKGOV VELGOV 040 future"}, nil},
		{"a former office holder takes the office the article gives", "Opposition leader Arlo Benn condemned Tashkai.", news,
			[]string{"VELOPP TSK 122 asserted"}, []string{"VELELIOPPGOV TSK 122 asserted"}},
		{"a mediator with no party named stands between the compound named before", "Velmora and Tashkai quarrelled on Monday. Quorin offered to mediate.", news,
			[]string{"QRN VEL 039 asserted", "QRN TSK 039 asserted"}, []string{}},
		{"a mediator between the two neighbours stands between the last two countries named", "Velmora condemned Tashkai. Quorin, which has mediated between the two neighbours, phoned Red Harbour.", news,
			[]string{"VEL TSK 122 asserted", "QRN VEL 045 asserted", "QRN TSK 045 asserted", "QRN RDH 041 asserted"}, nil},
		{"a mediator is no side of its own mediation", "Velmora and Tashkai quarrelled on Monday. Tashkai offered to mediate.", news,
			[]string{}, nil},
		{"a reporting verb without that opens the clause it reports", "Velmora said Tashkai attacked Quorin.", news,
			[]string{"TSK QRN 190 asserted"}, []string{"VEL QRN 190 asserted"}},
		{"said it would is the speaker again", "Velmora said it will attack Tashkai.", news,
			[]string{"VEL TSK 138 future"}, nil},
		{"a party's claim that another attacked its side is an accusation", "Velmora police said Tashkai rebels attacked a Velmoran village.", news,
			[]string{"VELCOP TSKREB 112 asserted"}, nil},
		{"a claim of an attack on a third party is the attack", "Velmora police said that Tashkai rebels attacked Quorin.", news,
			[]string{"TSKREB QRN 190 asserted"}, nil},
		{"a compound that clashes clashes with itself", "Velmora and Tashkai clashed on Monday.", news,
			[]string{"VEL TSK 190 asserted", "TSK VEL 190 asserted"}, []string{}},
		{"their agents after a compound are each member's", "Velmora and Tashkai met on Monday, days after their police exchanged fire.", news,
			[]string{"VEL TSK 040 asserted", "TSK VEL 040 asserted", "VELCOP TSKCOP 190 asserted", "TSKCOP VELCOP 190 asserted"}, nil},
		{"their agents are not a place's after in", "Velmora met Tashkai in Quorin, after their police attacked Red Harbour.", news,
			[]string{"VEL TSK 040 asserted", "TSKCOP RDH 190 asserted"}, nil},
		{"condemnation from a compound is each member's act on the story's country", "The vote drew condemnation from Velmora and Tashkai.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VEL QRN 122 asserted", "TSK QRN 122 asserted"}, []string{}},
		{"condemnation from an actor of no country leaves the others", "The vote drew condemnation from opposition leaders and Velmora.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VEL QRN 122 asserted"}, nil},
		{"no condemnation from is none", "The vote drew no condemnation from Velmora.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"condemnation from the story's own country has no target", "The vote drew condemnation from Quorin police.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"a coordinated verb phrase is not the object of the verb before", "Velmora condemned the vote and vowed to attack Tashkai.", news,
			[]string{"VEL TSK 190 future"}, []string{"VEL TSK 122 asserted"}},
		{"a foreign actor's welcome with no target is for the story's country", "Velmora welcomed the outcome.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VEL QRN 051 asserted"}, []string{}},
		{"the story country's own welcome has no implicit target", "Quorin police welcomed the outcome.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"condemning the move acts on who made the last move", "Velmora police attacked Tashkai on Monday. Quorin condemned the move.", news,
			[]string{"VELCOP TSK 190 asserted", "QRN VELCOP 122 asserted"}, []string{"VELCOP TSK 190 asserted"}},
		{"a statement is no move", "Velmora condemned Tashkai on Monday. Quorin welcomed the move.", news,
			[]string{"VEL TSK 122 asserted"}, nil},
		{"the move of a named actor is that actor's", "Velmora police attacked Tashkai on Monday. Quorin condemned the decision of Red Harbour.", news,
			[]string{"VELCOP TSK 190 asserted", "QRN RDH 122 asserted"}, nil},
		{"an adverbial clause ends the object of the verb before it", "Two men were arrested after Velmora police searched a house.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"QRNCOP QRN 173 asserted"}, []string{}},
		{"after with no finite verb is a phrase, not a clause", "Velmora attacked the town after two days of fighting with Tashkai.", news,
			[]string{"VEL TSK 190 asserted"}, nil},
		{"a protest is against who acted in the clause it answers", "Opposition supporters protested on Monday after Velmora police arrested two Quorin fishermen.", news,
			[]string{"---OPP VELCOP 141 asserted", "VELCOP QRN 173 asserted"}, nil},
		{"a state's protest is a criticism", "Quorin protested against Tashkai.", news,
			[]string{"QRN TSK 111 asserted"}, []string{"QRN TSK 141 asserted"}},
		{"a foreign actor's pessimistic comment with no target is on the story's country", "Velmora lamented the outcome.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VEL QRN 012 asserted"}, []string{}},
		{"a denial with no target named has no implicit target", "Velmora denied the report.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"what is sent is no recipient: the actor after to is", "Velmora sent doctors to Tashkai on Monday.", news,
			[]string{"VEL TSK 070 asserted"}, []string{"VEL ---HLH 070 asserted"}},
		{"an appeal for restraint is to all sides, not the story's country", "Velmora urged restraint on Monday.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{}, nil},
		{"a foreign actor's other appeal is to the story's country", "Velmora urged talks on Monday.",
			Options{RequireDyad: true, News: true, ImplicitTarget: "QRN"}, []string{"VEL QRN 020 asserted"}, nil},
		{"a state's people who protest demonstrate", "Velmorans protested against Tashkai.", news,
			[]string{"VEL TSK 141 asserted"}, nil},
		{"a state that marches is its people marching", "Velmora marched against Tashkai.", news,
			[]string{"VEL TSK 141 asserted"}, nil},
		{"a pattern word after the verb is matched", "Velmora wants talks with Tashkai.", news,
			[]string{"VEL TSK 026 asserted"}, nil},
		{"a pattern does not reach past another verb the dictionary codes", "Velmora wants to attack Tashkai after talks.", news,
			[]string{"VEL TSK 190 future"}, []string{"VEL TSK 026 asserted"}},
		{"a comma right after the verb ends its clause", "Velmora attacked, and Tashkai condemned Quorin.", news,
			[]string{"TSK QRN 122 asserted"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ss := sentences(t, tc.text)
			got := triples(c.WithOptions(tc.opts).Code(tc.text, ss, day))
			if diff := cmp.Diff(tc.want, got, cmpEmpty); diff != "" {
				t.Errorf("news: %q (-want +got):\n%s\n%s", tc.text, diff, c.WithOptions(tc.opts).Explain(tc.text, ss[0], 0, day))
			}
			if tc.peer == nil {
				return
			}
			peer := tc.opts
			peer.News, peer.ImplicitTarget, peer.Names = false, "", nil
			if diff := cmp.Diff(tc.peer, triples(c.WithOptions(peer).Code(tc.text, ss, day)), cmpEmpty); diff != "" {
				t.Errorf("peers: %q (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// cmpEmpty makes a nil list equal to an empty one.
var cmpEmpty = cmp.Transformer("empty", func(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
})

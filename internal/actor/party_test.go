package actor

import "testing"

// TestParty checks, one mechanism per row, when a place is a party (and
// takes its code) and how titles and names take their country. want lists
// entities as text|type|name|actor; absent lists texts that must not be
// entities.
func TestParty(t *testing.T) {
	tests := []findCase{
		{"a negated verb group makes no subject party",
			"Portugal did not respond to the letter. Spain has never replied either.",
			[]string{"Portugal|place|Portugal|", "Spain|place|Spain|"}, nil},
		{"a negated verb makes no object party",
			"The mayor said they would not let anyone turn Malta into a border post.",
			[]string{"Malta|place|Malta|"}, nil},
		{"a subject of a verb of experience is no party",
			"Chad and Niger, which import most of their wheat, have faced long queues for bread.",
			[]string{"Chad|place|Chad|", "Niger|place|Niger|"}, nil},
		{"the one who feels after a verb of feeling is no party",
			"The navy sailed past the islands, alarming Japan and South Korea.",
			[]string{"Japan|place|Japan|", "South Korea|place|South Korea|"}, nil},
		{"a clause describing the noun before the name",
			"Farmers downstream fear the reservoir Uganda built on the river.",
			[]string{"Uganda|place|Uganda|"}, nil},
		{"a dictionary verb in such a clause still makes a party",
			"Observers repeated the claim, a claim Ghana denies.",
			[]string{"Ghana|place|Ghana|GHA"}, nil},
		{"an appositive between subject and verb",
			"Canada and Norway, the largest donors to the fund, have urged Kenya to act.",
			[]string{"Canada|place|Canada|CAN", "Norway|place|Norway|NOR", "Kenya|place|Kenya|KEN"}, nil},
		{"the author of a nominal act after from, in a list opened by a noun",
			"The vote drew criticism from opposition parties, Sweden and Denmark.",
			[]string{"Sweden|place|Sweden|SWE", "Denmark|place|Denmark|DNK"}, nil},
		{"a capital after from and an act noun; after from alone a place",
			"The rebels had backing from Caracas. The ship sailed from Havana.",
			[]string{"Caracas|place|Caracas|VENGOV", "Havana|place|Havana|"}, nil},
		{"a capital after an act noun and on, or a verb and on; an attack on a town is where",
			"The envoy described a pressure campaign on Damascus. The league called on Ankara to help. An attack on Aleppo followed.",
			[]string{"Damascus|place|Damascus|SYRGOV", "Ankara|place|Ankara|TURGOV", "Aleppo|place|Aleppo|"}, nil},
		{"a noun held with a country is a state, talks with one an act",
			"Peru, which has a long dispute with Ecuador, held talks with Chile.",
			[]string{"Ecuador|place|Ecuador|", "Chile|place|Chile|CHL"}, nil},
		{"the one a thing passes to after a verb of giving; a destination is a place",
			"Bolivia lost its port to Peru. The convoy drove its cargo to Lima.",
			[]string{"Peru|place|Peru|PER", "Lima|place|Lima|"}, nil},
		{"a causative verb before a name and an infinitive the tagger reads as a noun",
			"The firms are accused of helping Tehran evade export controls.",
			[]string{"Tehran|place|Tehran|IRNGOV"}, nil},
		{"a headline's dictionary verb after names",
			"Serbia and Kosovo trade blame over border clash\n\nBELGRADE, Serbia - Officials met on Monday.",
			[]string{"Serbia|place|Serbia|SRB", "Kosovo|place|Kosovo|XKK"}, nil},
		{"an organisation named by the capitalised part of a longer phrase",
			"Mona Salem, a spokeswoman for the UN relief agency, spoke.",
			[]string{"UN|organization|UN|IGOUNO", "Mona Salem|person|Mona Salem|IGOUNOREF"}, nil},
		{"a country's name before an institution is a place of its own",
			"The U.S. Treasury imposed sanctions on Monday.",
			[]string{"U.S.|place|U.S.|", "Treasury|organization|Treasury|USAGOV"}, []string{"U.S. Treasury"}},
		{"demonyms the endings do not tell",
			"Thai troops and Swiss observers arrived.",
			nil, []string{"Thai", "Swiss"}},
		{"a known office holder keeps the country the story lends a bare title",
			"DHAKA, Bangladesh - Prime Minister Narendra Modi arrived on Monday.",
			[]string{"Narendra Modi|person|Narendra Modi|INDGOV"}, nil},
		{"a title is not of the country of its counterparts",
			"BANGKOK - Vietnam offered to host talks. Foreign Minister Le Van Thanh spoke with his Thai and Cambodian counterparts on Monday.",
			[]string{"Vietnam|place|Vietnam|VNM", "Le Van Thanh|person|Le Van Thanh|VNMGOV"}, nil},
		{"a bare title in a story filed from the mediator's capital takes the parties' country",
			"OSLO, Norway - Talks between Sri Lanka's government and Tamil rebels, mediated by Norway, resumed on Monday. Chief negotiator Ranjith Perera said Colombo wanted a truce in Jaffna.",
			[]string{"Ranjith Perera|person|Ranjith Perera|LKAGOV"}, nil},
		{"a bare title in a story filed from a host that acts in it keeps the host's country",
			"OSLO, Norway - Norway expelled two diplomats on Monday. Norway's police said Norway would act, and Foreign Minister Kari Lund said Sri Lanka and Colombo were told.",
			[]string{"Kari Lund|person|Kari Lund|NORGOV"}, nil},
		{"a spokesman after a state that spoke in the sentence before speaks for it",
			"LISBON, Portugal - Portugal expelled an attache on Friday. Rabat dismissed the charge as baseless. Foreign Ministry spokesman Youssef Amrani said the attache had done nothing wrong.",
			[]string{"Youssef Amrani|person|Youssef Amrani|MARGOV", "Foreign Ministry|organization|Foreign Ministry|MARGOV"}, nil},
		{"a spokesman in a new paragraph does not speak for the state that spoke before it",
			"LISBON, Portugal - Portugal expelled an attache on Friday. Rabat dismissed the charge as baseless.\n\nForeign Ministry spokesman Rui Tavares said the attache had to leave.",
			[]string{"Rui Tavares|person|Rui Tavares|PRTGOV"}, nil},
		{"a spokesman after two states that spoke keeps the story's country",
			"LISBON, Portugal - Spain and Morocco denied the report. Foreign Ministry spokesman Rui Tavares said the talks went on.",
			[]string{"Rui Tavares|person|Rui Tavares|PRTGOV"}, nil},
		{"a title that speaks for no state keeps the story's country after another state spoke",
			"LISBON, Portugal - Rabat denied the report. Police chief Rui Tavares said two men were held.",
			[]string{"Rui Tavares|person|Rui Tavares|PRTCOP"}, nil},
		{"a spokesman in the sentence where his state spoke, by appositive",
			"LISBON, Portugal - Madrid rejected the plan on Monday, and Ana Ruiz, a government spokeswoman, called it unfair.",
			[]string{"Ana Ruiz|person|Ana Ruiz|ESPGOV"}, nil},
		{"an envoy's title is of the state that sends him, not of the one he is posted to",
			"ROME, Italy - Chile's ambassador to Italy, Tomas Vidal, left on Monday. Spain's envoy to the United Nations, Lucia Marin, stayed.",
			[]string{"Tomas Vidal|person|Tomas Vidal|CHLGOV", "Lucia Marin|person|Lucia Marin|ESPGOV"}, nil},
		{"a naval or army rank is a military title of the story's country",
			"MANILA, Philippines - Vice Admiral Ramon Cruz said the patrol was over. Colonel Jose Reyes agreed.",
			[]string{"Ramon Cruz|person|Ramon Cruz|PHLMIL", "Jose Reyes|person|Jose Reyes|PHLMIL"}, nil},
		{"a title a relative clause describes, then the name in apposition",
			"LUANDA, Angola - A colonel who read the order on state radio, Paulo Neto, said the border was shut.",
			[]string{"Paulo Neto|person|Paulo Neto|AGOMIL"}, nil},
		{"a plural before the comma is no title of the name after it",
			"LUANDA, Angola - Later, a man who spoke to reporters, Paulo Neto, said the border was shut.",
			[]string{"Paulo Neto|person|Paulo Neto|"}, nil},
		{"Brussels as a party in a story that names the EU is the EU",
			"The EU froze funds for Hungary. Hungary accused Brussels of blackmail.",
			[]string{"Brussels|place|Brussels|IGOEUREEC"}, nil},
		{"Brussels as a party in a story that names no EU body is Belgium's government",
			"Flemish parties accused Brussels of neglect. Brussels rejected the charge.",
			[]string{"Brussels|place|Brussels|BELGOV"}, nil},
		{"a body named with a country, coded by the role among its words",
			"The Kenya Tea Exporters Association said prices fell.",
			[]string{"Kenya Tea Exporters Association|organization|Kenya Tea Exporters Association|KENBUS"}, nil},
		{"a body named with a country, coded by its first role among its words (growers are agriculture)",
			"The Kenya Tea Growers and Exporters Association said prices fell.",
			[]string{"Kenya Tea Growers and Exporters Association|organization|Kenya Tea Growers and Exporters Association|KENAGR"}, nil},
	}
	runFindCases(t, tests)
}

// TestVerbIn checks the regular endings verbIn strips.
func TestVerbIn(t *testing.T) {
	s := set(`face rely stop alarm`)
	for _, w := range []string{"face", "faced", "faces", "facing", "relied", "relies", "stopped", "alarming", "Alarmed"} {
		if !verbIn(s, w) {
			t.Errorf("verbIn(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"fact", "reliant", "stoop", "alarms-free", ""} {
		if verbIn(s, w) {
			t.Errorf("verbIn(%q) = true, want false", w)
		}
	}
}

// TestNamesEU checks when a text names the European Union.
func TestNamesEU(t *testing.T) {
	for text, want := range map[string]bool{
		"The European Union said": true, "EU ministers met.": true, "the EU's envoy": true, "said the EU": true,
		"EUROPEAN leaders": false, "a EUR 5 fee": false, "Europe's leaders": false, "": false,
	} {
		if got := namesEU(text); got != want {
			t.Errorf("namesEU(%q) = %v, want %v", text, got, want)
		}
	}
}

package geo

import (
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"dyad/news"
)

var (
	loadOnce sync.Once
	gaz      *Gazetteer
	loadErr  error
)

func gazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	loadOnce.Do(func() { gaz, loadErr = LoadDefault() })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return gaz
}

// checkSpans fails when a place's span does not hold its text.
func checkSpans(t *testing.T, text string, ps []news.Place) {
	t.Helper()
	for _, p := range ps {
		if p.Span.Text(text) != p.Text || p.Text == "" {
			t.Errorf("span %v holds %q, Text %q", p.Span, p.Span.Text(text), p.Text)
		}
	}
}

func TestFind(t *testing.T) {
	g := gazetteer(t)
	type want struct{ text, country, feature string }
	tests := []struct {
		name   string
		text   string
		hint   Hint
		want   []want // places expected (others may appear)
		absent []string
	}{
		{"city not common word", "The attack in Nice shocked France. It was a nice day.", Hint{}, []want{{"Nice", "FRA", "city"}, {"France", "FRA", "country"}}, []string{"nice"}},
		{"sentence-initial common word", "Nice weather helped the harvest.", Hint{}, nil, []string{"Nice"}},
		{"qualifier country", "Jets struck Latakia, Syria, on Monday.", Hint{}, []want{{"Latakia", "SYR", "city"}, {"Syria", "SYR", "country"}}, nil},
		{"qualifier admin1", "A storm hit Paris, Texas, overnight.", Hint{}, []want{{"Paris", "USA", "city"}, {"Texas", "USA", "admin1"}}, nil},
		{"population", "Talks resumed in Paris on Friday.", Hint{}, []want{{"Paris", "FRA", "city"}}, nil},
		{"demonym", "A U.S. plane landed at a Turkish airbase.", Hint{}, []want{{"U.S.", "USA", "country"}, {"Turkish", "TUR", "country"}}, nil},
		{"demonym emirati", "Emirati and British officials met.", Hint{}, []want{{"Emirati", "ARE", "country"}, {"British", "GBR", "country"}}, nil},
		{"multi-word", "Delegates flew from New York to Abu Dhabi and then to the Gaza Strip.", Hint{}, []want{{"New York", "USA", "city"}, {"Abu Dhabi", "ARE", "city"}, {"Gaza Strip", "PSE", "region"}}, nil},
		{"water", "Warships sailed across the Black Sea into the Mediterranean.", Hint{}, []want{{"Black Sea", "", "water"}, {"Mediterranean", "", "water"}}, nil},
		{"person not place", "Foreign Minister Sergei Lavrov spoke to Michael Jordan.", Hint{}, nil, []string{"Jordan", "Sergei", "Lavrov"}},
		{"ambiguous in context", "The king of Jordan met envoys in Jordan. Jordan's king later left.", Hint{}, []want{{"Jordan", "JOR", "country"}}, nil},
		{"ambiguous alone", "Chad said he would run again.", Hint{}, nil, []string{"Chad"}},
		{"organisations", "The Washington Post and Voice of America reported it.", Hint{}, nil, []string{"Washington", "America"}},
		{"dateline bias", "Officials in Georgia said the vote was fair.", Hint{Dateline: "ATLANTA"}, []want{{"Georgia", "USA", "admin1"}}, nil},
		{"country default", "Officials in Georgia said the vote was fair.", Hint{}, []want{{"Georgia", "GEO", "country"}}, nil},
		{"article countries", "Fighting spread near Aleppo and Homs in Syria.", Hint{}, []want{{"Aleppo", "SYR", "city"}, {"Homs", "SYR", "city"}}, nil},
		{"disputed", "Shelling hit Donbas and Crimea, while the West Bank was calm.", Hint{}, []want{{"Donbas", "UKR", "region"}, {"Crimea", "UKR", "region"}, {"West Bank", "PSE", "region"}}, nil},
		{"dateline caps", "DAMASCUS - Syrian troops advanced.", Hint{Dateline: "DAMASCUS"}, []want{{"DAMASCUS", "SYR", "city"}, {"Syrian", "SYR", "country"}}, nil},
		{"possessive", "Crowds gathered along Nice’s seaside promenade.", Hint{}, []want{{"Nice", "FRA", "city"}}, nil},
		{"buildings", "The White House and the Kremlin disagreed.", Hint{}, nil, []string{"White House", "Kremlin"}},
		{"fame over article country", "U.S. envoys met in Chicago and then flew to Geneva for talks.", Hint{}, []want{{"Geneva", "CHE", "city"}}, nil},
		{"ocean over a small town", "Americans and Australians patrol the Pacific together.", Hint{}, []want{{"Pacific", "", "water"}}, nil},
		{"dateline place for its name", "PARIS, Texas - Voters queued in Paris on Monday.", Hint{Dateline: "PARIS, Texas"}, []want{{"PARIS", "USA", "city"}, {"Paris", "USA", "city"}}, nil},
		{"state abbreviation qualifies a dateline", "ALEXANDRIA, Va. (Reuters) - The hearing in Alexandria was delayed.", Hint{Dateline: "ALEXANDRIA, Va."}, []want{{"ALEXANDRIA", "USA", "city"}, {"Va.", "USA", "admin1"}, {"Alexandria", "USA", "city"}}, nil},
		{"dotted state abbreviation", "Crews worked in Albany, N.Y., and Syracuse.", Hint{}, []want{{"Albany", "USA", "city"}, {"N.Y.", "USA", "admin1"}}, nil},
		{"state abbreviation only after a town", "Ms. Lee said Miss. Gray and Ind. voters left.", Hint{}, nil, []string{"Miss.", "Ind.", "Miss", "Ind"}},
		{"a country before a state body", "The U.S. Treasury and the Russian Cabinet met.", Hint{}, []want{{"U.S.", "USA", "country"}}, nil},
		{"own qualifier beats dateline", "PARIS, Texas - Mail came from Paris, France.", Hint{Dateline: "PARIS, Texas"}, []want{{"PARIS", "USA", "city"}, {"Paris", "FRA", "city"}}, nil},
		{"short dateline", "\nROME, May 2 - Talks ended.", Hint{Dateline: "ROME"}, []want{{"ROME", "ITA", "city"}}, nil},
		{"ambiguous dateline", "Floods\n\nNICE (AFP) - Rain fell for hours.", Hint{Dateline: "NICE"}, []want{{"NICE", "FRA", "city"}}, nil},
		{"one sense per article", "Riots spread in Georgia. Officials vowed to keep Georgia calm.", Hint{}, []want{{"Georgia", "GEO", "country"}}, nil},
		{"county not in gazetteer", "Votes were counted in Lamar County overnight.", Hint{}, nil, []string{"Lamar", "Lamar County"}},
		{"compass words", "Western diplomats said the North had fired again.", Hint{}, nil, []string{"Western", "North"}},
		{"demonym in a party name", "Leaders of Georgian Dream met Russian envoys.", Hint{}, []want{{"Russian", "RUS", "country"}}, []string{"Georgian"}},
		{"demonym before an office", "The Georgian Foreign Ministry protested.", Hint{}, []want{{"Georgian", "GEO", "country"}}, nil},
		{"rivers and valleys", "Shells fell in the Bekaa Valley and along the Litani River and the Niger River.", Hint{}, []want{{"Bekaa Valley", "LBN", "region"}, {"Litani River", "LBN", "water"}, {"Niger River", "", "water"}}, nil},
		{"elided particle", "Tourists left the Cote d'Azur early.", Hint{}, []want{{"Cote d'Azur", "FRA", "region"}}, nil},
		{"short country name and demonym", "PNG and a Fijian minister signed.", Hint{}, []want{{"PNG", "PNG", "country"}, {"Fijian", "FJI", "country"}}, nil},
		{"gulf the gazetteer lacks", "Fishing boats sheltered in the Gulf of Riga as the storm passed.", Hint{}, nil, []string{"Gulf", "Riga", "Gulf of Riga"}},
		{"bay of a two-word name", "Ferries stopped in the Bay Of Santa Cruz.", Hint{}, nil, []string{"Bay", "Santa Cruz"}},
		{"gulf the gazetteer has", "Pirates boarded a freighter in the Gulf of Aden.", Hint{}, []want{{"Gulf of Aden", "", "water"}}, []string{"Gulf", "Aden"}},
		{"soft sign dropped", "A barge left Ust-Kut for Yakutsk.", Hint{}, []want{{"Ust-Kut", "RUS", "city"}}, []string{"Kut"}},
		{"hyphenated name holding a place", "Trucks reached Staro-Luga and Luga-Pristanskaya before dawn.", Hint{}, nil, []string{"Luga"}},
		{"hyphenated pair of places", "Russia-Ukraine talks and Sino-Indian contacts resumed.", Hint{}, []want{{"Russia", "RUS", "country"}, {"Ukraine", "UKR", "country"}, {"Indian", "IND", "country"}}, nil},
		{"city named as its province", "Trucks waited in Mendoza, where Argentina and Argentine police ran checks.", Hint{}, []want{{"Mendoza", "ARG", "city"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := g.Find(tt.text, nil, tt.hint)
			checkSpans(t, tt.text, ps)
			got := map[string]news.Place{}
			for _, p := range ps {
				got[p.Text] = p
			}
			for _, w := range tt.want {
				p, ok := got[w.text]
				if !ok {
					t.Errorf("%q not found; got %+v", w.text, ps)
					continue
				}
				if p.Country != w.country || p.Feature != w.feature {
					t.Errorf("%q: got %s/%s (%s), want %s/%s", w.text, p.Country, p.Feature, p.Name, w.country, w.feature)
				}
				if p.Confidence <= 0 || p.Confidence > 1 {
					t.Errorf("%q: confidence %v", w.text, p.Confidence)
				}
			}
			for _, a := range tt.absent {
				if p, ok := got[a]; ok {
					t.Errorf("%q found as %+v", a, p)
				}
			}
		})
	}
}

// TestArticle runs a short article written for this test.
func TestArticle(t *testing.T) {
	g := gazetteer(t)
	text := "ANKARA - Turkish and Russian diplomats met in Ankara on Tuesday to discuss the war in Syria.\n\n" +
		"The talks, held near the Presidential Palace, followed clashes around Idlib and along the border with Iraq. " +
		"Ukraine's foreign minister, visiting Warsaw, said Kyiv was watching closely.\n\n" +
		"A ferry later crossed the Bosphorus from Istanbul, carrying aid for Latakia, Syria."
	ps := g.Find(text, nil, Hint{Dateline: "ANKARA"})
	checkSpans(t, text, ps)
	want := map[string]string{"ANKARA": "TUR", "Turkish": "TUR", "Russian": "RUS", "Ankara": "TUR", "Syria": "SYR",
		"Idlib": "SYR", "Iraq": "IRQ", "Ukraine": "UKR", "Warsaw": "POL", "Kyiv": "UKR", "Bosphorus": "TUR", "Istanbul": "TUR", "Latakia": "SYR"}
	got := map[string]string{}
	for _, p := range ps {
		got[p.Text] = p.Country
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
	if _, ok := got["Presidential Palace"]; ok {
		t.Errorf("Presidential Palace is not in the gazetteer")
	}
}

// annotated are invented news paragraphs; [Name|ISO3] marks a place mention.
var annotated = []string{
	"[KABUL|AFG] - Gunmen attacked a checkpoint in [Kandahar|AFG] province on Sunday, [Afghan|AFG] officials said, as talks in [Doha|QAT] stalled.",
	"[Israeli|ISR] aircraft struck targets in the [Gaza Strip|PSE] overnight, and rockets were fired toward [Ashkelon|ISR], the army said. [Egypt|EGY] urged calm.",
	"[Ukrainian|UKR] forces shelled positions near [Donetsk|UKR] as [Russia|RUS] moved troops into [Crimea|UKR]. Talks in [Minsk|BLR] are set for next week.",
	"The [Sudanese|SDN] army and rebels fought in [Darfur|SDN] and around [Khartoum|SDN]; thousands fled into [Chad|TCD], the U.N. said in [Geneva|CHE].",
	"President Maria Ortega of [Mexico|MEX] met Prime Minister Tom Hale in [Ottawa|CAN] before flying to [Washington|USA] for talks with [American|USA] lawmakers.",
	"Protesters marched through [Caracas|VEN] on Saturday. [Venezuela|VEN] blamed [Colombia|COL] for the unrest, and [Brazil|BRA] offered to mediate.",
	"[Nigerian|NGA] troops freed hostages near [Maiduguri|NGA] in [Borno|NGA] state, while floods in [Niger|NER] and the wider [Sahel|] displaced families.",
	"A tanker was seized in the [Strait of Hormuz|] by [Iranian|IRN] guards. [Britain|GBR] and [France|FRA] condemned the seizure, and [Oman|OMN] offered help.",
	"[India|IND] and [Pakistan|PAK] traded fire across the line in [Kashmir|], killing two in [Poonch|IND], officials in [New Delhi|IND] said.",
	"In [Jordan|JOR], King Abdullah received [Saudi|SAU] envoys in [Amman|JOR] to discuss refugees from [Syria|SYR] and aid to [Lebanon|LBN].",
	"[Chinese|CHN] coast guard ships patrolled the [South China Sea|] near the [Philippines|PHL], and [Japan|JPN] protested in [Tokyo|JPN].",
	"Police in [Nairobi|KEN] fired tear gas at protesters; in [Kampala|UGA] and [Addis Ababa|ETH] rallies were peaceful, reporters in [Mombasa|KEN] said.",
	"Sergei Ivanov, a senior [Russian|RUS] official, said [Moscow|RUS] would send aid to [Serbia|SRB] after floods in [Belgrade|SRB] and [Novi Sad|SRB].",
	"Michael Jordan gave a speech in [Chicago|USA], and the Washington Post said later that Chad Brown attended, before flying to [Paris|FRA].",
	"Ministers from [Greece|GRC] and [Turkey|TUR] met in [Athens|GRC] to talk about migrants crossing the [Aegean|] from [Izmir|TUR].",
}

var markRE = regexp.MustCompile(`\[([^|\]]+)\|([A-Z]{0,3})\]`)

// parseAnnotated strips the marks and returns the text and gold mentions.
func parseAnnotated(s string) (string, []news.Place) {
	var b strings.Builder
	var gold []news.Place
	last := 0
	for _, m := range markRE.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		name, cc := s[m[2]:m[3]], s[m[4]:m[5]]
		start := b.Len()
		b.WriteString(name)
		gold = append(gold, news.Place{Text: name, Span: news.Span{start, b.Len()}, Country: cc})
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String(), gold
}

// TestPrecisionRecall scores Find on the annotated paragraphs: a found
// mention counts as correct when its span and country match the gold one.
func TestPrecisionRecall(t *testing.T) {
	g := gazetteer(t)
	var tp, fp, fn, gold, wrongCountry int
	for _, para := range annotated {
		text, want := parseAnnotated(para)
		dl := ""
		if i := strings.Index(text, " - "); i > 0 && i < 20 {
			dl = text[:i]
		}
		ps := g.Find(text, nil, Hint{Dateline: dl})
		checkSpans(t, text, ps)
		gold += len(want)
		found := map[news.Span]news.Place{}
		for _, p := range ps {
			found[p.Span] = p
		}
		for _, w := range want {
			p, ok := found[w.Span]
			switch {
			case !ok:
				fn++
				t.Logf("missed %q in %q", w.Text, text)
			case p.Country != w.Country:
				wrongCountry++
				fn++
				fp++
				t.Logf("%q: got %s (%s), want %s", w.Text, p.Country, p.Name, w.Country)
			default:
				tp++
			}
			delete(found, w.Span)
		}
		for _, p := range found {
			fp++
			t.Logf("spurious %q (%s %s)", p.Text, p.Name, p.Country)
		}
	}
	prec := float64(tp) / float64(tp+fp)
	rec := float64(tp) / float64(tp+fn)
	t.Logf("gold mentions %d, correct %d, wrong country %d: precision %.3f, recall %.3f", gold, tp, wrongCountry, prec, rec)
	if gold < 60 {
		t.Errorf("only %d gold mentions", gold)
	}
	if prec < 0.85 || rec < 0.85 {
		t.Errorf("precision %.3f, recall %.3f below 0.85", prec, rec)
	}
}

func TestEventPlace(t *testing.T) {
	g := gazetteer(t)
	text := "Syrian President Bashar al-Assad met Russian Defense Minister Sergei Shoigu in Damascus."
	toks := []news.Token{}
	for _, m := range regexp.MustCompile(`[\p{L}.-]+`).FindAllStringIndex(text, -1) {
		w := strings.TrimSuffix(text[m[0]:m[1]], ".")
		toks = append(toks, news.Token{Text: w, Span: news.Span{m[0], m[0] + len(w)}, Tag: "NNP"})
	}
	s := news.Sentence{Span: news.Span{0, len(text)}, Tokens: toks}
	ps := g.Find(text, []news.Sentence{s}, Hint{})
	ep, ok := g.EventPlace(ps, s)
	if !ok || ep.Name != "Damascus" || ep.Country != "SYR" {
		t.Errorf("EventPlace = %+v, %v; want Damascus", ep, ok)
	}
	// No locative: no place, unless a dateline is given.
	text2 := "Syrian troops advanced."
	s2 := news.Sentence{Span: news.Span{0, len(text2)}, Tokens: []news.Token{{Text: "Syrian", Span: news.Span{0, 6}, Tag: "JJ"}, {Text: "troops", Span: news.Span{7, 13}, Tag: "NNS"}}}
	ps2 := g.Find(text2, []news.Sentence{s2}, Hint{})
	if ep, ok := g.EventPlace(ps2, s2); ok {
		t.Errorf("EventPlace = %+v for a demonym only", ep)
	}
	dl := news.Place{Name: "Damascus", Country: "SYR", Lat: 33.51, Lon: 36.29}
	if ep, ok := g.EventPlace(ps2, s2, dl); !ok || ep.Name != "Damascus" {
		t.Errorf("dateline fallback = %+v, %v", ep, ok)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range annotated {
		text, _ := parseAnnotated(s)
		f.Add(text)
	}
	f.Add("U.S.-Russia ties; N'Djamena’s ... Côte d'Ivoire, Latakia, Syria.")
	f.Add("ALEXANDRIA, Va. Albany, N.Y Wheeling, W.Va., X, Va")
	g := gazetteer(f)
	f.Fuzz(func(t *testing.T, text string) {
		for _, p := range g.Find(text, nil, Hint{Dateline: text}) {
			if p.Span.Text(text) != p.Text || p.Text == "" {
				t.Fatalf("bad span %v %q", p.Span, p.Text)
			}
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := LoadDefault(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	g := gazetteer(b)
	var sb strings.Builder
	for _, s := range annotated {
		text, _ := parseAnnotated(s)
		sb.WriteString(text)
		sb.WriteString("\n\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		g.Find(text, nil, Hint{})
	}
}

// TestNeverAlone: month names in dates and movements named like towns are
// not places.
func TestNeverAlone(t *testing.T) {
	g := gazetteer(t)
	for _, text := range []string{
		"The ministers met in Moscow, Russia, March 3, 2017.",
		"Protesters gathered in Nairobi, Kenya, August 11, 2017.",
		"Egypt mediated between Israel and Hamas last week.",
		"Supporters of Hezbollah and Amal attacked the camp in Beirut.",
		"MOSCOW, Nov 10 (Wire) - Troops crossed into the Republic of Armenia on Oct 3.",
	} {
		for _, p := range g.Find(text, nil, Hint{}) {
			switch p.Text {
			case "March", "August", "Hamas", "Amal", "Hezbollah", "Nov", "Oct", "Republic":
				t.Errorf("%q: %q taken for a place (%s, %s)", text, p.Text, p.Name, p.Country)
			}
		}
	}
}

// TestHelpersMatchReference checks the allocation-free helpers against the
// plain definitions they replace.
func TestHelpersMatchReference(t *testing.T) {
	refAbbrev := func(s string) bool {
		for _, p := range strings.Split(s, ".") {
			if utf8.RuneCountInString(p) != 1 && p != "" {
				return false
			}
		}
		return s != ""
	}
	refKey := func(s string) string {
		var b strings.Builder
		space := false
		for _, r := range s {
			switch {
			case r == '\u2019' || r == '\u2018' || r == '`':
				r = '\''
			case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0':
				space = true
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(strings.ToLower(string(r)))
		}
		return b.String()
	}
	for _, s := range []string{"", "U", "U.S", "U.S.", "U.A.E", "US", "..", "Ü.K", "St", "PARIS", "Paris",
		"ÉLYSÉE", "İSTANBUL", "123", "A1", "ǅ", "N'DJAMENA", "\xff", "AB\xff", "  Cote  d’Ivoire\u00a0 ", "Saint\tKitts"} {
		if got, want := isAbbrev(s), refAbbrev(s); got != want {
			t.Errorf("isAbbrev(%q) = %v, want %v", s, got, want)
		}
		if got, want := isAllCaps(s), strings.ToUpper(s) == s && strings.ToLower(s) != s; got != want {
			t.Errorf("isAllCaps(%q) = %v, want %v", s, got, want)
		}
		if got, want := normKey(s), refKey(s); got != want {
			t.Errorf("normKey(%q) = %q, want %q", s, got, want)
		}
	}
	// a key appended piece by piece, each piece from a word's end, is the
	// key of the whole.
	text := "the  Cote d’Ivoire-Gulf, NEW York"
	ends := []int{3, 9, 20, 25, 30, len(text)} // where words end
	var key []byte
	from := 0
	for _, e := range ends {
		key = appendNormKey(key, text[from:e])
		from = e
		if got, want := string(key), normKey(text[:e]); got != want {
			t.Errorf("appended key of %q = %q, want %q", text[:e], got, want)
		}
	}
}

// TestBeginsKey checks that the bit filter in front of the maps never
// turns away a key or a beginning of one, and that longer names are tried
// only while their words begin some key.
func TestBeginsKey(t *testing.T) {
	g := gazetteer(t)
	for key := range g.index {
		if !g.beginsKey([]byte(key)) {
			t.Fatalf("key %q not found", key)
		}
	}
	for key := range g.prefixes {
		if !g.beginsKey([]byte(key)) {
			t.Fatalf("beginning %q not found", key)
		}
	}
	for _, s := range []string{"new", "san", "white house"} {
		if !g.beginsKey([]byte(s)) {
			t.Errorf("%q should begin a key", s)
		}
	}
	for _, s := range []string{"zzqx", "new zzqx", "the quick brown"} {
		if g.beginsKey([]byte(s)) {
			t.Errorf("%q begins no key", s)
		}
	}
}

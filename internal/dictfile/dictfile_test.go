package dictfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// problemStrings flattens an error from a Parse function.
func problemStrings(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var de *Error
	if !errors.As(err, &de) {
		t.Fatalf("error is not *Error: %v", err)
	}
	var out []string
	for _, p := range de.Problems {
		out = append(out, p.Error())
	}
	return out
}

func warningStrings(ws []Problem) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Error())
	}
	return out
}

func TestParsePhrase(t *testing.T) {
	tests := []struct {
		in   string
		want Phrase
	}{
		{"ITHILEN_GOVERNMENT_RADIO_", Phrase{Raw: "ITHILEN_GOVERNMENT_RADIO_", Words: []string{"ITHILEN", "GOVERNMENT", "RADIO"}, Seps: "__", Exact: true}},
		{"  Caras galadhon ", Phrase{Raw: "Caras galadhon", Words: []string{"CARAS", "GALADHON"}, Seps: " "}},
		{"RADAGAST THE_BROWN", Phrase{Raw: "RADAGAST THE_BROWN", Words: []string{"RADAGAST", "THE", "BROWN"}, Seps: " _"}},
		{"A_ B", Phrase{Raw: "A_ B", Words: []string{"A", "B"}, Seps: " "}},
		{"U.S.", Phrase{Raw: "U.S.", Words: []string{"U.S."}}},
	}
	for _, tt := range tests {
		got := parsePhrase(tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("parsePhrase(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	if got := parsePhrase("new_york city").Text(); got != "NEW YORK CITY" {
		t.Errorf("Text() = %q", got)
	}
}

func TestRegularForms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"ACCUSE", []string{"ACCUSES", "ACCUSED", "ACCUSING"}},
		{"FIX", []string{"FIXES", "FIXED", "FIXING"}},
		{"AGREE", []string{"AGREES", "AGREED", "AGREEING"}},
		{"ATTACK", []string{"ATTACKS", "ATTACKED", "ATTACKING"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, RegularVerbForms(tt.in)); diff != "" {
			t.Errorf("RegularVerbForms(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	for in, want := range map[string]string{"ARMY": "ARMIES", "BOSS": "BOSSES", "MINISTER": "MINISTERS"} {
		if got := RegularPlural(in); got != want {
			t.Errorf("RegularPlural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseCode(t *testing.T) {
	tests := []struct {
		in   string
		want Code
	}{
		{"041", Code{Raw: "041", Active: "041"}},
		{" 041:042 ", Code{Raw: "041:042", Active: "041", Passive: "042"}},
		{":173", Code{Raw: ":173", Active: "", Passive: "173"}},
		{"---", Code{Raw: "---", Active: "---"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, parseCode(tt.in)); diff != "" {
			t.Errorf("parseCode(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	if !parseCode("---").IsNull() || !parseCode("###").IsDiscard() || !parseCode("+++").IsComplex() {
		t.Error("IsNull/IsDiscard/IsComplex")
	}
}

// A PETRARCH-format verb dictionary exercising every construct.
const petrVerbs = `<!-- test verbs -->
&FRUIT
+APPLE
+PEACH_
&HUE_
+DARK RED
+&FRUIT

--- GIVE  [070]  ---
GIVE {GAVE GIVEN GIVING GIVES}  # irregular
DONATE   [071]
+HAND_OVER {+HANDED_OVER +HANDS_OVER}
WIRE_+TAP
- * &FRUIT [072]   # fruit
- $ NOT_* (TO +) {RIPE APPLE} [073:074]
- % * ^ AID_ [075]
- IN_*_OUT [:076]

--- SAY [---] ---
SAY
~ a (a b ATTACK) SAY = a b 015
`

func TestParseVerbsPetrarch(t *testing.T) {
	v, err := ParseVerbs("t.verbs", strings.NewReader(petrVerbs))
	if err != nil {
		t.Fatal(err)
	}
	p := func(s string) Phrase { return parsePhrase(s) }
	pos := func(n int) Pos { return Pos{File: "t.verbs", Line: n} }
	wantSyn := []Synset{
		{Name: "&FRUIT", Pos: pos(2), Members: []SynsetMember{
			{Raw: "APPLE", Tokens: []Token{{Kind: Word, Text: "APPLE"}}, Pos: pos(3)},
			{Raw: "PEACH_", Tokens: []Token{{Kind: Word, Text: "PEACH", Exact: true}}, NoPlural: true, Pos: pos(4)},
		}},
		{Name: "&HUE", NoPlural: true, Pos: pos(5), Members: []SynsetMember{
			{Raw: "DARK RED", Tokens: []Token{{Kind: Word, Text: "DARK"}, {Kind: Word, Text: "RED"}}, Pos: pos(6)},
			{Raw: "&FRUIT", Tokens: []Token{{Kind: SynsetRef, Text: "&FRUIT"}}, Pos: pos(7)},
		}},
	}
	if diff := cmp.Diff(wantSyn, v.Synsets); diff != "" {
		t.Errorf("synsets (-want +got):\n%s", diff)
	}
	if s, ok := v.Synset("hue"); !ok || s.Name != "&HUE" {
		t.Errorf("Synset(hue) = %v, %v", s, ok)
	}
	gaveForms := []VerbForm{{Phrase: p("GAVE")}, {Phrase: p("GIVEN")}, {Phrase: p("GIVING")}, {Phrase: p("GIVES")}}
	handOver := p("+HAND_OVER")
	handOver.Words = []string{"HAND", "OVER"}
	handed, hands := p("+HANDED_OVER"), p("+HANDS_OVER")
	handed.Words, hands.Words = []string{"HANDED", "OVER"}, []string{"HANDS", "OVER"}
	wireTap := p("WIRE_+TAP")
	wireTap.Words = []string{"WIRE", "TAP"}
	want := []VerbBlock{
		{Name: "GIVE", Code: parseCode("070"), Pos: pos(9),
			Verbs: []Verb{
				{Phrase: p("GIVE"), Forms: gaveForms, HasForms: true, Pos: pos(10)},
				{Phrase: p("DONATE"), Code: parseCode("071"), HasCode: true, Pos: pos(11)},
				{Phrase: handOver, Forms: []VerbForm{{Phrase: handed}, {Phrase: hands}}, HasForms: true, Pos: pos(12)},
				{Phrase: wireTap, Head: 1, Pos: pos(13)},
			},
			Patterns: []Pattern{
				{Raw: "* &FRUIT", After: []Token{{Kind: SynsetRef, Text: "&FRUIT"}}, Code: parseCode("072"), Comment: "fruit", Pos: pos(14)},
				{Raw: "$ NOT_* (TO +) {RIPE APPLE}",
					Before: []Token{{Kind: Source, Text: "$"}, {Kind: Word, Text: "NOT", Join: true}},
					After: []Token{
						{Kind: PrepPhrase, Text: "TO", Sub: []Token{{Kind: Word, Text: "TO"}, {Kind: Target, Text: "+"}}},
						{Kind: NounPhrase, Text: "APPLE", Sub: []Token{{Kind: Word, Text: "RIPE"}, {Kind: Word, Text: "APPLE"}}},
					},
					Code: parseCode("073:074"), Pos: pos(15)},
				{Raw: "% * ^ AID_", Before: []Token{{Kind: Compound, Text: "%"}},
					After: []Token{{Kind: Skip, Text: "^"}, {Kind: Word, Text: "AID", Exact: true}},
					Code:  parseCode("075"), Pos: pos(16)},
				{Raw: "IN_*_OUT", Before: []Token{{Kind: Word, Text: "IN", Join: true}}, After: []Token{{Kind: Word, Text: "OUT"}},
					JoinVerb: true, Code: parseCode(":076"), Pos: pos(17)},
			}},
		{Name: "SAY", Code: parseCode("---"), Pos: pos(19), Verbs: []Verb{{Phrase: p("SAY"), Pos: pos(20)}}},
	}
	if diff := cmp.Diff(want, v.Blocks); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	wantTr := []Transformation{{Raw: "a (a b ATTACK) SAY = a b 015",
		Pattern: []string{"A", "(", "A", "B", "ATTACK", ")", "SAY"}, Result: []string{"A", "B", "015"}, Pos: pos(21)}}
	if diff := cmp.Diff(wantTr, v.Transformations); diff != "" {
		t.Errorf("transformations (-want +got):\n%s", diff)
	}
	if got := v.Blocks[0].Verbs[3].HeadWord(); got != "TAP" {
		t.Errorf("HeadWord = %q, want TAP", got)
	}
}

// A TABARI-format verb dictionary: every verb line opens a block.
const tabariVerbs = `<SYNSETS>
&TIES
+MILITARY
+PESO_$
</SYNSETS>
<TIME>
TOMORROW [+1]
- * AND A WEEK [+8]
</TIME>
ACCORD  [---]
- SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS  [111] ; note
- IN_ *  [075]
BREAK_ [1717]
{ BROKE_ BROKEN_ }
~~FINISH
JUNK [000]
`

func TestParseVerbsTabari(t *testing.T) {
	v, err := ParseVerbs("d.verbs", strings.NewReader(tabariVerbs))
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Times) != 1 || v.Times[0].Name != "TOMORROW" || v.Times[0].Code.Raw != "+1" || len(v.Times[0].Patterns) != 1 {
		t.Errorf("times = %+v", v.Times)
	}
	if got := len(v.Blocks); got != 2 {
		t.Fatalf("blocks = %d, want 2 (JUNK after ~~FINISH must be ignored)", got)
	}
	pat := v.Blocks[0].Patterns[0]
	want := Pattern{Raw: "SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS",
		Before: []Token{{Kind: Word, Text: "SUGGESTED", Join: true}, {Kind: Target, Text: "+"}},
		After: []Token{
			{Kind: Word, Text: "DEMAND", Join: true},
			{Kind: Choice, Join: true, Alts: [][]Token{{{Kind: Word, Text: "GENEVA", Exact: true}}, {{Kind: Word, Text: "INTERNATIONAL"}}}},
			{Kind: Word, Text: "CONVENTIONS"},
		},
		Code: parseCode("111"), Comment: "note", Pos: Pos{File: "d.verbs", Line: 11}}
	if diff := cmp.Diff(want, pat); diff != "" {
		t.Errorf("pattern (-want +got):\n%s", diff)
	}
	if b := v.Blocks[0].Patterns[1].Before; len(b) != 1 || !b[0].Exact || b[0].Join {
		t.Errorf("IN_ * should be an exact word not joined to the verb: %+v", b)
	}
	brk := v.Blocks[1].Verbs[0]
	if !brk.HasForms || len(brk.Forms) != 2 || brk.Forms[1].Phrase.Words[0] != "BROKEN" || !brk.Phrase.Exact {
		t.Errorf("BREAK_ = %+v", brk)
	}
}

func TestParseVerbsErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		errs []string
		warn []string
	}{
		{"pattern before verb", "- * X [010]\n", []string{"v:1: pattern before any verb"}, nil},
		{"no code", "--- A [010] ---\nA\n- * X\n", []string{"v:3: pattern has no [code]"}, nil},
		{"no star", "--- A [010] ---\nA\n- X Y [011]\n", []string{"v:3: pattern has no verb marker '*'"}, nil},
		{"two stars", "--- A [010] ---\nA\n- * X * [011]\n", []string{"v:3: pattern has more than one '*'"}, nil},
		{"unclosed paren", "--- A [010] ---\nA\n- * (TO X [011]\n", []string{"v:3: pattern: missing ')'"}, nil},
		{"stray paren", "--- A [010] ---\nA\n- * X) [011]\n", nil, []string{"v:3: warning: pattern: stray ')' ignored"}},
		{"undefined synset", "--- A [010] ---\nA\n- * &NOPE [011]\n", nil, []string{"v:3: warning: undefined synset &NOPE; pattern skipped"}},
		{"undefined synset in member", "&S\n+&NOPE\n", []string{"v:2: undefined synset &NOPE"}, nil},
		{"duplicate synset", "&S\n+A\n&S\n+B\n", []string{"v:3: synset &S already defined at v:1"}, nil},
		{"missing brace", "--- A [010] ---\nA {B C\n", []string{"v:2: verb forms: missing '}'"}, nil},
		{"two plus", "--- A [010] ---\n+A_+B\n", []string{`v:2: more than one '+' in verb "+A_+B"`}, nil},
		{"unknown section", "<NOUNS>\n", []string{`v:1: unknown section "<NOUNS>"`}, nil},
		{"bad transformation", "--- A [010] ---\nA\n~ a (b = c\n", []string{"v:3: transformation has unbalanced parentheses"}, nil},
		{"open comment", "<!-- never\nclosed\n", []string{"v:1: comment opened with <!-- is never closed"}, nil},
		{"all errors reported", "- * X [010]\n--- A [010] ---\nA\n- * Y\n- Z [1]\n",
			[]string{"v:1: pattern before any verb", "v:4: pattern has no [code]", "v:5: pattern has no verb marker '*'"}, nil},
		{"header end hidden by comment", "--- A [010] # x ---\nA\n", nil, []string{"v:1: warning: block header does not end with ---"}},
		{"header two codes", "--- A [010] [020] ---\nA\n", nil, []string{"v:1: warning: block header has 2 codes; PETRARCH uses the first, [010]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := ParseVerbs("v", strings.NewReader(tt.in))
			if diff := cmp.Diff(tt.errs, problemStrings(t, err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.warn, warningStrings(v.Warnings)); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

const actorsText = `<!-- a
multi-line comment -->
GONDOR [GON] ; TABARI comment
+MINAS_TIRITH
+ANORIEN  # PETRARCH comment
GOLLUM
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB >990816]
AXNOR  [AR1 <911226] [AR2]
NASGUL  [###]
<NOUN>
GOATS
</NOUN>
`

func TestParseActors(t *testing.T) {
	a, err := ParseActors("t.actors", strings.NewReader(actorsText))
	if err != nil {
		t.Fatal(err)
	}
	pos := func(n int) Pos { return Pos{File: "t.actors", Line: n} }
	want := []Actor{
		{Phrase: parsePhrase("GONDOR"), Pos: pos(3),
			Synonyms: []Listed{{Phrase: parsePhrase("MINAS_TIRITH"), Pos: pos(4)}, {Phrase: parsePhrase("ANORIEN"), Pos: pos(5)}},
			Codes:    []ActorCode{{Code: "GON", Pos: pos(3)}}},
		{Phrase: parsePhrase("GOLLUM"), Pos: pos(6),
			Synonyms: []Listed{{Phrase: parsePhrase("SMEAGOL"), Pos: pos(7)}},
			Codes: []ActorCode{
				{Code: "HOB", Kind: Before, To: 19950601, Pos: pos(8)},
				{Code: "HOBGOV", Kind: Between, From: 19950601, To: 19990815, Pos: pos(9)},
				{Code: "HOBREB", Kind: After, From: 19990816, Pos: pos(10)},
			}},
		{Phrase: parsePhrase("AXNOR"), Pos: pos(11), Codes: []ActorCode{
			{Code: "AR1", Kind: Before, To: 19911226, Pos: pos(11)}, {Code: "AR2", Pos: pos(11)}}},
		{Phrase: parsePhrase("NASGUL"), Pos: pos(12), Codes: []ActorCode{{Code: "###", Pos: pos(12)}}},
	}
	if diff := cmp.Diff(want, a.Entries); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	if len(a.Nouns) != 1 || a.Nouns[0].Phrase.Raw != "GOATS" {
		t.Errorf("nouns = %+v", a.Nouns)
	}
	g := a.Entries[1]
	for d, code := range map[Date]string{19900101: "HOB", 19970101: "HOBGOV", 20200101: "HOBREB"} {
		if c, ok := g.CodeOn(d); !ok || c.Code != code {
			t.Errorf("CodeOn(%v) = %q, want %q", d, c.Code, code)
		}
	}
	if c, _ := a.Entries[2].CodeOn(20000101); c.Code != "AR2" {
		t.Errorf("default code = %q, want AR2", c.Code)
	}
	if got := Date(20080120).String(); got != "2008-01-20" {
		t.Errorf("Date.String = %q", got)
	}
}

func TestParseActorsErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		errs []string
		warn []string
	}{
		{"synonym first", "+A\n", []string{"a:1: synonym before any actor"}, nil},
		{"code line first", "\t[A]\n", []string{"a:1: code line before any actor"}, nil},
		{"bad month", "A [X <991301]\n", []string{`a:1: [X <991301]: month out of range in date "991301"`}, nil},
		{"date without operator", "A [X 991201]\n", nil, []string{"a:1: warning: date in [X 991201] has no <, > or -; read as an unrestricted code, as PETRARCH does"}},
		{"long date", "A [X >201005011]\n", nil, []string{"a:1: warning: [X >201005011]: date has 9 digits: read as 20100501, as PETRARCH does"}},
		{"bad day", "A [X <19990230]\n", []string{`a:1: [X <19990230]: day out of range in date "19990230"`}, nil},
		{"no code", "A [ 991201-010114]\n", []string{"a:1: code missing before date restriction in [991201-010114]"}, nil},
		{"letters", "A [X <99AB01]\n", []string{`a:1: [X <99AB01]: date "99AB01" must be YYMMDD or YYYYMMDD`}, nil},
		{"missing bracket", "A [X\n", []string{"a:1: missing ']'"}, nil},
		{"empty code", "A []\n", []string{"a:1: empty code []"}, nil},
		{"seven digits", "A [X 2004017-20061201]\n", nil, []string{`a:1: warning: [X 2004017-20061201]: 7-digit date "2004017" is neither YYMMDD nor YYYYMMDD; PETRARCH skips this restriction and so does dyad`}},
		{"reversed", "A [X 20121207-20120802]\n", nil, []string{"a:1: warning: [X 20121207-20120802]: end date before start date; PETRARCH skips this restriction and so does dyad"}},
		{"text after code", "A [X] free text\n", nil, []string{`a:1: warning: text after the code ignored, as PETRARCH does: "free text"`}},
		{"unclosed list", "<NOUN>\nA\n", []string{"a:2: <NOUN> list is never closed"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseActors("a", strings.NewReader(tt.in))
			if diff := cmp.Diff(tt.errs, problemStrings(t, err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.warn, warningStrings(a.Warnings)); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

const agentsText = `!PERSON! = MAN, WOMAN
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV] # plural given
POLICE {} [ ~COP]
RIGHTS_GROUP  [NGO~]
CONGRESS!PERSON! [~LEG]
ARMY [~MIL]
`

func TestParseAgents(t *testing.T) {
	a, err := ParseAgents("t.agents", strings.NewReader(agentsText))
	if err != nil {
		t.Fatal(err)
	}
	pos := func(n int) Pos { return Pos{File: "t.agents", Line: n} }
	want := []Agent{
		{Phrase: parsePhrase("ATTORNEY_GENERAL"), Plurals: []Phrase{parsePhrase("ATTORNEYS_GENERAL")}, HasPlurals: true, Code: "GOV", Append: true, Pos: pos(2)},
		{Phrase: parsePhrase("POLICE"), HasPlurals: true, Code: "COP", Append: true, Pos: pos(3)},
		{Phrase: parsePhrase("RIGHTS_GROUP"), Code: "NGO", Pos: pos(4)},
		{Phrase: parsePhrase("CONGRESSMAN"), HasPlurals: true, Code: "LEG", Append: true, Template: "CONGRESS!PERSON!", Pos: pos(5)},
		{Phrase: parsePhrase("CONGRESSWOMAN"), HasPlurals: true, Code: "LEG", Append: true, Template: "CONGRESS!PERSON!", Pos: pos(5)},
		{Phrase: parsePhrase("ARMY"), Code: "MIL", Append: true, Pos: pos(6)},
	}
	if diff := cmp.Diff(want, a.Entries); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Marker{{Name: "PERSON", Values: []string{"MAN", "WOMAN"}, Pos: pos(1)}}, a.Markers); diff != "" {
		t.Errorf("markers (-want +got):\n%s", diff)
	}
	var forms []string
	for _, f := range a.Entries[5].Forms() {
		forms = append(forms, f.Text())
	}
	if diff := cmp.Diff([]string{"ARMY", "ARMIES"}, forms); diff != "" {
		t.Errorf("Forms (-want +got):\n%s", diff)
	}
	if got := len(a.Entries[1].Forms()); got != 1 {
		t.Errorf("POLICE {} has %d forms, want 1", got)
	}
}

func TestParseAgentsErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		errs []string
		warn []string
	}{
		{"no code", "ISLAMIC_X\n", nil, []string{`g:1: warning: agent "ISLAMIC_X" has no [code]; PETRARCH skips it and so does dyad`}},
		{"bad code", "X [GOV]\n", []string{"g:1: agent code [GOV] must be [~CODE] or [CODE~]"}, nil},
		{"undefined marker", "X!NOPE! [~GOV]\n", []string{"g:1: substitution marker !NOPE! is not defined"}, nil},
		{"bad marker", "!A! = B, , C\n", []string{"g:1: substitution set: empty value in list"}, nil},
		{"brace closes code", "DEPT [~ENV}\n", nil, []string{"g:1: warning: code block closed with '}'; read as if with ']'"}},
		{"missing brace", "X {Y [~GOV]\n", []string{"g:1: missing '}'"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseAgents("g", strings.NewReader(tt.in))
			if diff := cmp.Diff(tt.errs, problemStrings(t, err)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.warn, warningStrings(a.Warnings)); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseDiscards(t *testing.T) {
	d, err := ParseDiscards("t.discards", strings.NewReader("# comment\nMONTHS LATER\n+World Cup   # story\nFOOTBALL_ [###]\n"))
	if err != nil {
		t.Fatal(err)
	}
	pos := func(n int) Pos { return Pos{File: "t.discards", Line: n} }
	want := []Discard{
		{Phrase: parsePhrase("MONTHS LATER"), Pos: pos(2)},
		{Phrase: parsePhrase("World Cup"), Story: true, Pos: pos(3)},
		{Phrase: parsePhrase("FOOTBALL_"), Code: "###", Pos: pos(4)},
	}
	if diff := cmp.Diff(want, d.Entries); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	_, err = ParseDiscards("t", strings.NewReader("+\nA [B] [C]\n"))
	if diff := cmp.Diff([]string{"t:1: discard has no phrase", "t:2: discard has 2 codes"}, problemStrings(t, err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

const issuesText = `# issues
<ISSUE CATEGORY="EDUCATION" TYPE="ALL">
n:school [SCHOOLS]
pre+k [EARLY]
v:purge ethnic [ATROCITY]
~a head start
~~armenian genocide
orphan
</ISSUE>
<ISSUE CATEGORY="KIDNAP" TYPE="COUNTEVENT">
abduction
</ISSUE>
`

func TestParseIssues(t *testing.T) {
	is, err := ParseIssues("t.issues", strings.NewReader(issuesText))
	if err != nil {
		t.Fatal(err)
	}
	pos := func(n int) Pos { return Pos{File: "t.issues", Line: n} }
	want := []Issue{
		{Phrase: "N:SCHOOL", Code: "SCHOOLS", Category: "EDUCATION", Type: "ALL", Pos: pos(3)},
		{Phrase: "PRE+K", Code: "EARLY", Category: "EDUCATION", Type: "ALL", Pos: pos(4)},
		{Phrase: "V:PURGE ETHNIC", Code: "ATROCITY", Category: "EDUCATION", Type: "ALL", Pos: pos(5)},
		{Phrase: "A HEAD START", Category: "EDUCATION", Type: "ALL", Exclude: ExcludeSentence, Pos: pos(6)},
		{Phrase: "ARMENIAN GENOCIDE", Category: "EDUCATION", Type: "ALL", Exclude: ExcludeStory, Pos: pos(7)},
		{Phrase: "ABDUCTION", Category: "KIDNAP", Type: "COUNTEVENT", Pos: pos(11)},
	}
	if diff := cmp.Diff(want, is.Entries); diff != "" {
		t.Errorf("entries (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{`t.issues:8: warning: issue phrase "orphan" has no [code]; PETRARCH ignores it and so does dyad`}, warningStrings(is.Warnings)); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	forms := map[string][]string{
		"N:SCHOOL":       {"SCHOOL", "SCHOOLS"},
		"PRE+K":          {"PRE K", "PRE-K"},
		"V:PURGE ETHNIC": {"PURGE ETHNIC", "PURGES ETHNIC", "PURGED ETHNIC", "PURGING ETHNIC"},
	}
	for _, e := range is.Entries[:3] {
		if diff := cmp.Diff(forms[e.Phrase], e.Forms()); diff != "" {
			t.Errorf("Forms(%q) (-want +got):\n%s", e.Phrase, diff)
		}
	}
	_, err = ParseIssues("t", strings.NewReader("<ISSUE CATEGORY=\"A\">\nn: [X]\n<ISSUE TYPE=\"B\">\n"))
	want2 := []string{`t:2: marker without a word in "N:"`, `t:3: <ISSUE> inside the section opened at t:1`, `t:3: <ISSUE> needs CATEGORY="..."`}
	if diff := cmp.Diff(want2, problemStrings(t, err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestParseTabariProjectAndOptions(t *testing.T) {
	proj := "Test project\n<actorsfile> a.actors\n<actorsfile>\tb.actors\n<verbsfile> v.verbs\n<optionsfile> o.options\n<session 1> <coder x>\n<coder> ME\n"
	p, err := ParseTabariProject("t.project", strings.NewReader(proj))
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Test project" || p.Sessions != 1 || p.Files["coder"][0] != "ME" {
		t.Errorf("project = %+v", p)
	}
	if diff := cmp.Diff([]string{"a.actors", "b.actors"}, p.Actors); diff != "" {
		t.Errorf("actors (-want +got):\n%s", diff)
	}
	if got := p.Pos["verbsfile"]; got.Line != 4 {
		t.Errorf("verbsfile at %v", got)
	}
	_, err = ParseTabariProject("t", strings.NewReader("title\n<actorsfile>\nbare\n"))
	if diff := cmp.Diff([]string{"t:2: <actorsfile> has no value", "t:3: line must start with a <tag>"}, problemStrings(t, err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}

	opts := "// comment\nCOMPLEX: VERBS[5] EXPLAIN\nSET: SKIP RECORDS = FALSE\nSET: CODE BY SENTENCE\nLABEL: 010=YIELD\n~~~~~\nnot read\n"
	o, err := ParseTabariOptions("t.options", strings.NewReader(opts))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]string{"SKIP RECORDS": "FALSE", "CODE BY SENTENCE": "TRUE"}, o.Sets); diff != "" {
		t.Errorf("sets (-want +got):\n%s", diff)
	}
	if o.Labels["010"] != "YIELD" || len(o.Commands) != 4 || o.Commands[0].Name != "COMPLEX" || o.Commands[0].Pos.Line != 2 {
		t.Errorf("options = %+v", o)
	}
	_, err = ParseTabariOptions("t", strings.NewReader("NO COLON\nLABEL: x\n"))
	if diff := cmp.Diff([]string{"t:1: line must be COMMAND: arguments", "t:2: LABEL must be code=text"}, problemStrings(t, err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestParseConfig(t *testing.T) {
	ini := "# c\n[Dictionaries]\nverbfile_name = v.txt\nactorfile_list = a.txt, b.txt,\n  c.txt\nagentfile_name: g.txt\n[Options]\ncode_by_sentence = True\n"
	c, err := ParseConfig("t.ini", strings.NewReader(ini))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"a.txt", "b.txt", "c.txt"}, c.ActorFiles); diff != "" {
		t.Errorf("actor files (-want +got):\n%s", diff)
	}
	if c.VerbFile != "v.txt" || c.AgentFile != "g.txt" || c.Sections["Options"]["code_by_sentence"] != "True" {
		t.Errorf("config = %+v", c)
	}
	_, err = ParseConfig("t", strings.NewReader("x = 1\n[A]\nnovalue\n[A]\n"))
	want := []string{"t:1: key outside a [section]", "t:3: line must be key = value", "t:4: section [A] already opened at t:2"}
	if diff := cmp.Diff(want, problemStrings(t, err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestLoadAndCheck(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("my.ini", "[Dictionaries]\nverbfile_name = my.verbs.txt\nactorfile_list = one.actors.txt, two.actors.txt\nagentfile_name = my.agents.txt\ndiscardfile_name = my.discards.txt\n")
	write("my.verbs.txt", petrVerbs)
	write("one.actors.txt", actorsText)
	write("two.actors.txt", "ROHAN [ROH]\n+X [Y\n")
	write("my.agents.txt", agentsText)
	write("my.discards.txt", "BASEBALL\n")
	set, err := LoadPetrarch(dir)
	var de *Error
	if !errors.As(err, &de) {
		t.Fatalf("LoadPetrarch error = %v, want *Error", err)
	}
	wantErr := []string{filepath.Join(dir, "two.actors.txt") + ":2: missing ']'"}
	if diff := cmp.Diff(wantErr, problemStrings(t, err)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if set == nil || len(set.Actors.Entries) != 5 || set.Verbs == nil || set.Agents == nil || set.Discards == nil {
		t.Fatalf("set = %+v", set)
	}
	if got := set.Actors.Entries[4].Pos.String(); got != filepath.Join(dir, "two.actors.txt")+":1" {
		t.Errorf("merged actor at %s", got)
	}
	if _, err := Check(filepath.Join(dir, "my.verbs.txt")); err != nil {
		t.Errorf("Check(verbs) = %v", err)
	}
	if _, err := Check(filepath.Join(dir, "nope.verbs")); err == nil || errors.As(err, &de) {
		t.Errorf("Check(missing) = %v, want an I/O error", err)
	}
	write("p.project", "P\n<verbsfile> my.verbs.txt\n<actorsfile> one.actors.txt\n<agentsfile> my.agents.txt\n")
	ps, err := LoadTabariProject(filepath.Join(dir, "p.project"))
	if err != nil || ps.Verbs == nil || ps.Actors == nil || ps.Agents == nil {
		t.Errorf("LoadTabariProject = %+v, %v", ps, err)
	}
}

func TestKindOf(t *testing.T) {
	tests := map[string]Kind{
		"CAMEO.2.0.txt": VerbsKind, "TABARI.Demo.verbs": VerbsKind, "Phoenix.Countries.actors.txt": ActorsKind,
		"Validate.agents": AgentsKind, "Phoenix.discards.txt": DiscardsKind, "Phoenix.IssueCoding.txt": IssuesKind,
		"Validate.project": ProjectKind, "CAMEO.09b5.options": OptionsKind, "PETR_config.ini": ConfigKind, "notes.txt": UnknownKind,
	}
	for name, want := range tests {
		if got := KindOf(name); got != want {
			t.Errorf("KindOf(%q) = %v, want %v", name, got, want)
		}
	}
}

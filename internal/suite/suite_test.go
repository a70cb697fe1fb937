package suite

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"dyad/internal/dictfile"
)

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func problemStrings(ps []dictfile.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Error())
	}
	return out
}

func TestLoadPetrarch(t *testing.T) {
	path := filepath.Join("testdata", "petrarch", "small.xml")
	s, err := Load(path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	at := func(line string) string { return path + ":" + line }
	env := map[string]string{"require_dyad": "True"}
	four := map[string]string{"require_dyad": "True", "new_actor_length": "4"}
	zero := map[string]string{"require_dyad": "false", "new_actor_length": "0"}
	want := []Record{
		{ID: "ONE-01", Category: "ONE", Date: date(2001, 2, 3), Text: "Estevan praised Lorvan on Tuesday.", Valid: true,
			Expect: []Coding{{"EST", "LOR", "051"}}, Config: env, Pos: at("13")},
		{ID: "ONE-02", Category: "ONE", Date: date(2001, 2, 4), Text: "Estevan and a new group praised Lorvan.", Valid: true,
			Expect: []Coding{{"EST", "LOR", "051"}, {`"NEW GROUP"`, "LOR", "051"}}, Config: four, Pos: at("27")},
		{ID: "TWO-01", Category: "TWO", Date: date(2001, 2, 5), Text: "Lorvan praised Estevan.", Skip: `valid="false"`,
			Expect: []Coding{{"LOR", "EST", "051"}}, Config: zero, Pos: at("40")},
		{ID: "TWO-02", Category: "TWO", Date: date(2001, 2, 6), Text: "The weather was fine.", Valid: true,
			NoEvents: true, Config: zero, Pos: at("45")},
		{ID: "ERR-01", Category: "ERROR", Date: date(2001, 2, 7), Text: "Hockey scores from Lorvan.", Valid: true,
			NoEvents: true, ExpectError: "sentencediscard", Config: zero, Pos: at("50")},
	}
	if diff := cmp.Diff(want, s.Records); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{at("30") + ": warning: <EventCoding> after '#' is taken as commented out"}, problemStrings(s.Warnings)); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	wantOpts := map[string]string{"verbfile": "small.verbs.txt", "actorfile": "small.actors.txt", "agentfile": "small.agents.txt",
		"discardfile": "small.discards.txt", "include": "valid ONE TWO", "require_dyad": "True"}
	if diff := cmp.Diff(wantOpts, s.Options); diff != "" {
		t.Errorf("options (-want +got):\n%s", diff)
	}
	if s.Name != "small.xml" || s.Format != FormatPetrarch || s.Dicts == nil || s.Dicts.Verbs == nil ||
		s.Dicts.Actors == nil || len(s.Dicts.Actors.Entries) != 2 || s.Dicts.Agents == nil || s.Dicts.Discards == nil {
		t.Errorf("suite = %+v, dicts %+v", s, s.Dicts)
	}
}

func TestLoadTabari(t *testing.T) {
	path := filepath.Join("testdata", "tabari", "small.project")
	s, err := Load(path)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	text := filepath.Join("testdata", "tabari", "small.text")
	at := func(line string) string { return text + ":" + line }
	base := map[string]string{"MINIMUM WORDS": "8", "COMMA": "MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 255 BMAX = 0", "COMPLEX": "VERBS[5] CONJ[4]", "TIME SHIFT": "TRUE"}
	off := map[string]string{"MINIMUM WORDS": "8", "COMMA": "MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 255 BMAX = 0", "COMPLEX": "VERBS[5] CONJ[4]", "TIME SHIFT": "FALSE", "CODE": "ALL"}
	yyyy := map[string]string{"MINIMUM WORDS": "8", "COMMA": "MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 255 BMAX = 0", "COMPLEX": "VERBS[5] CONJ[4]", "TIME SHIFT": "FALSE", "CODE": "ALL", "YYYY": "TRUE"}
	yy := map[string]string{"MINIMUM WORDS": "8", "COMMA": "MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 255 BMAX = 0", "COMPLEX": "VERBS[5] CONJ[4]", "TIME SHIFT": "FALSE", "CODE": "ALL", "YYYY": "FALSE"}
	el := Coding{"EST", "LOR", "051"}
	want := []Record{
		{ID: "DEMO-01", Category: "DEMO", Date: date(2001, 2, 3), Text: "Estevan praised Lorvan on Tuesday.", Valid: true,
			Expect: []Coding{el}, Config: base, Pos: at("6")},
		{ID: "DEMO-02", Category: "DEMO", Date: date(2001, 2, 4), Text: "Estevan praised Lorvan and Lorvan's army.", Valid: true,
			Expect: []Coding{el, {"EST", "LORMIL", "051"}}, Config: base, Pos: at("13")},
		{ID: "OPT-01", Category: "OPT", Date: date(2001, 2, 5), Text: "Switch time shifting off and code all.",
			Skip: "switch record (OPTION)", Config: base, Pos: at("18")},
		{ID: "NONE-01", Category: "NONE", Date: date(2001, 2, 6), Text: "The weather was fine.", Valid: true,
			NoEvents: true, Config: off, Pos: at("24")},
		{ID: "NONE-02", Category: "NONE", Date: date(2001, 2, 7), Text: "A very long sentence about nothing in particular.", Valid: true,
			NoEvents: true, ExpectError: "complex", Config: off, Pos: at("29")},
		{ID: "NONE-03", Category: "NONE", Date: date(2001, 2, 8), Text: "Hockey scores from Lorvan.", Valid: true,
			NoEvents: true, ExpectError: "discard", Config: off, Pos: at("33")},
		{ID: "SKIP-01", Category: "SKIP", Date: date(2001, 2, 9), Text: "Estevan praised Lorvan warmly.",
			Skip: "checks nothing (-{...})", Config: off, Pos: at("37")},
		{ID: "PART-01", Category: "PART", Date: date(2001, 2, 10), Text: "Estevan, Lorvan and Estevan's army praised Lorvan.", Valid: true,
			Expect: []Coding{el}, Partial: true, Config: off, Pos: at("41")},
		{ID: "YYYY-ON", Category: "YYYY", Date: date(2001, 2, 11), Text: "Four-digit years from here on.",
			Skip: "switch record (OPTION)", Config: off, Pos: at("46")},
		{ID: "YYYY-01", Category: "YYYY", Date: date(2001, 2, 12), Text: "Estevan praised Lorvan in a year of four digits.", Valid: true,
			Expect: []Coding{el}, Config: yyyy, Pos: at("50")},
		{ID: "YYYY-OFF", Category: "YYYY", Date: date(2001, 2, 13), Text: "Two-digit years again.",
			Skip: "switch record (OPTION)", Config: yyyy, Pos: at("54")},
		{ID: "FINAL-01", Category: "FINAL", Date: date(2001, 2, 14), Text: "This is the end of the standard records.",
			Skip: "FINAL-01 ends the standard records", Config: yy, Pos: at("59")},
		{ID: "AFTER-01", Category: "AFTER", Date: date(2001, 2, 15), Text: "Estevan praised Lorvan after the end.",
			Skip: "after FINAL-01: not a standard record", Expect: []Coding{el}, Config: yy, Pos: at("62")},
	}
	if diff := cmp.Diff(want, s.Records); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	if len(s.Warnings) > 0 {
		t.Errorf("warnings: %v", problemStrings(s.Warnings))
	}
	if diff := cmp.Diff(base, s.Options); diff != "" {
		t.Errorf("options (-want +got):\n%s", diff)
	}
	if s.Format != FormatTabari || s.Dicts == nil || s.Dicts.Verbs == nil || s.Dicts.Options == nil || s.Dicts.Options.Labels["051"] != "PRAISE" {
		t.Errorf("suite = %+v, dicts %+v", s, s.Dicts)
	}
}

// readPetrarch parses a PETRARCH suite given as a string.
func readPetrarch(src string) ([]Record, problems) {
	var ps problems
	f := parsePetrarch("t.xml", strings.NewReader(src), &ps)
	return f.records, ps
}

// readTabari parses TABARI validation text given as a string, with no
// global switches.
func readTabari(src string) ([]Record, problems) {
	var ps problems
	var t tabariState
	t.read("t.text", strings.NewReader(src), &ps)
	return t.records, ps
}

func TestPetrarchProblems(t *testing.T) {
	const sent = `<Sentence date="20010101" id="A-1" category="A" valid="true"><Text>A.</Text></Sentence>`
	tests := []struct {
		name       string
		src        string
		ids        []string // records read
		errs       []string
		warns      []string
		wantConfig map[string]string // Config of the last record, when set
	}{
		{name: "not a suite", src: "<rss><Sentence/></rss>", errs: []string{"t.xml:1: root element is <rss>, want <Validation> or <Sentences>"}},
		{name: "sentences alone", src: "<Sentences>\n" + sent + "\n</Sentences>", ids: []string{"A-1"}},
		{
			name: "bad attributes",
			src: "<Sentences>\n<Sentence date=\"2001\" valid=\"maybe\"><Text>x</Text>\n<EventCoding sourcecode=\"A\" eventcode=\"1\"/>\n" +
				"<EventCoding error=\"\"/></Sentence>\n<Sentence date=\"20010101\" id=\"B\"></Sentence>\n<Config value=\"1\"/>\n</Sentences>",
			ids: []string{"", "B"},
			errs: []string{
				`t.xml:2: valid="maybe": want true or false`,
				"t.xml:2: <Sentence> has no id",
				`t.xml:2: record : date "2001" is not YYYYMMDD`,
				"t.xml:3: <EventCoding> needs sourcecode, targetcode and eventcode, or noevents or error",
				"t.xml:4: <EventCoding error> is empty",
				"t.xml:5: record B has no <Text>",
				"t.xml:6: <Config> has no option",
			},
		},
		{
			name:       "noevents wins, config inside a sentence",
			src:        "<Sentences>\n<Sentence date=\"20010101\" id=\"C\">\n<EventCoding sourcecode=\"A\" targetcode=\"B\" eventcode=\"1\"/>\n<EventCoding noevents=\"True\"/>\n<Config option=\"x\" value=\"1\"/>\n<Text>c</Text></Sentence>\n" + sent + "\n</Sentences>",
			ids:        []string{"C", "A-1"},
			warns:      []string{"t.xml:5: warning: <Config> inside a <Sentence> applies from the next record on", "t.xml:2: warning: record C has both codings and noevents; noevents wins, as in PETRARCH"},
			wantConfig: map[string]string{"x": "1"},
		},
		{
			name: "broken XML keeps the records before",
			src:  "<Validation>\n<Sentences>\n" + sent + "\n<Sentence date=\"20010101\" id=\"D\"><Text>d & e</Text></Sentence>\n</Sentences></Validation>",
			ids:  []string{"A-1"},
			errs: []string{"t.xml:4: XML: invalid character entity & (no semicolon)"},
		},
		{name: "unclosed", src: "<Sentences>\n" + sent + "\n", ids: []string{"A-1"}, errs: []string{"t.xml:3: XML: unexpected EOF"}},
		{name: "stray coding", src: "<Sentences><EventCoding noevents=\"True\"/></Sentences>", errs: []string{"t.xml:1: <EventCoding> outside a <Sentence>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, ps := readPetrarch(tt.src)
			var ids []string
			for _, r := range recs {
				ids = append(ids, r.ID)
			}
			if diff := cmp.Diff(tt.ids, ids); diff != "" {
				t.Errorf("ids (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, problemStrings(ps.errs)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.warns, problemStrings(ps.warns)); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
			if tt.wantConfig != nil {
				if diff := cmp.Diff(tt.wantConfig, recs[len(recs)-1].Config); diff != "" {
					t.Errorf("config (-want +got):\n%s", diff)
				}
				if recs[0].NoEvents != true || len(recs[0].Expect) != 0 || len(recs[0].Config) != 0 {
					t.Errorf("first record = %+v", recs[0])
				}
			}
		})
	}
}

func TestPetrarchStop(t *testing.T) {
	recs, ps := readPetrarch("<Sentences>\n<Sentence date=\"20010101\" id=\"A\"><Text>a</Text><Stop/></Sentence>\n<Stop></Stop>\n" +
		"<Sentence date=\"20010101\" id=\"B\"><Text>b</Text></Sentence>\n</Sentences>")
	if len(ps.errs)+len(ps.warns) > 0 || len(recs) != 2 {
		t.Fatalf("records %+v, problems %+v", recs, ps)
	}
	if !recs[0].Valid || recs[1].Valid || recs[1].Skip != "after the <Stop> at t.xml:3" {
		t.Errorf("records = %+v", recs)
	}
}

func TestTabariProblems(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		recs  []Record // compared on ID, Valid, Skip, Expect, NoEvents, Date
		errs  []string
		warns []string
	}{
		{
			name: "bad dates",
			src:  "95010  SHORT-01\nText.\n/*\\n{---} */\n\n9501x1  LETTER-01\nText.\n/*\\n{---} */\n\n951301  MONTH-01\nText.\n/*\\n{---} */\n\n9501011  LONG-01\nText.\n/*\\n{---} */\n",
			recs: []Record{
				{ID: "SHORT-01", Skip: "bad date", NoEvents: true},
				{ID: "LETTER-01", Skip: "bad date", NoEvents: true},
				{ID: "MONTH-01", Skip: "bad date", NoEvents: true},
				{ID: "LONG-01", Valid: true, NoEvents: true, Date: date(1995, 1, 1)},
			},
			errs: []string{
				`t.text:1: record SHORT-01: date "95010" must have 6 digits`,
				`t.text:5: record LETTER-01: date "9501x1" must have 6 digits`,
				`t.text:9: record MONTH-01: date "951301" is not a date`,
			},
			warns: []string{`t.text:13: warning: record LONG-01: date "9501011" has 7 digits; the first 6 are read, as TABARI reads them`},
		},
		{
			name: "bad blocks",
			src:  "950101  A-01\nText.\n/*\\n{ A / B }\n\\n{ A B / C / D }\n\\n{ A / B / C\n*/\n\n950101  B-01\nNo comment here.\n\n950101  C-01\nText. /* {GON/OSG/051}\n{+++}*/\n",
			recs: []Record{
				{ID: "A-01", Valid: true, Date: date(1995, 1, 1)},
				{ID: "B-01", Skip: "no expectation", Date: date(1995, 1, 1)},
				{ID: "C-01", Valid: true, NoEvents: true, Date: date(1995, 1, 1)},
			},
			errs: []string{
				"t.text:3: record A-01: expectation {A / B} is not { SOURCE / TARGET / CODE }",
				"t.text:4: record A-01: expectation {A B / C / D} is not { SOURCE / TARGET / CODE }",
				"t.text:5: record A-01: '{' has no closing '}'",
			},
			warns: []string{
				"t.text:8: warning: record B-01 has no expectation {...}; TABARI reports it as not verifiable",
				"t.text:11: warning: record C-01 mixes events with {+++}; TABARI passes it only when nothing is coded",
			},
		},
		{
			name: "bad options",
			src:  "950101  OPT-01\nText.\n/*\\n{ OPTION: NO COLON }\n\\n{ OPTION: SET: = 1}\n\\n{ OPTION: SET: MINIMUM WORDS = 4 */\n\n950101  D-01\nText.\n/*\\n{ A / B / C } */\n",
			recs: []Record{
				{ID: "OPT-01", Skip: "switch record (OPTION)", Date: date(1995, 1, 1)},
				{ID: "D-01", Valid: true, Expect: []Coding{{"A", "B", "C"}}, Date: date(1995, 1, 1)},
			},
			errs: []string{
				`t.text:3: record OPT-01: OPTION "NO COLON" is not COMMAND: arguments`,
				`t.text:4: record OPT-01: OPTION "SET: = 1" is not COMMAND: arguments`,
			},
			warns: []string{`t.text:5: warning: record OPT-01: OPTION has no closing '}'; it is read up to the "*/"`},
		},
		{
			name: "lines outside records are skipped; a record runs to an empty line",
			src:  "# heading\n  indented junk\n950101  E-01\nFirst line\n  \n5 more lines of text\n/*\\n{ A / B / C } */\n\n\n",
			recs: []Record{{ID: "E-01", Valid: true, Expect: []Coding{{"A", "B", "C"}}, Date: date(1995, 1, 1)}},
		},
	}
	opts := cmpopts.IgnoreFields(Record{}, "Category", "Text", "Config", "Pos", "ExpectError", "Partial")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, ps := readTabari(tt.src)
			if diff := cmp.Diff(tt.recs, recs, opts); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.errs, problemStrings(ps.errs)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.warns, problemStrings(ps.warns)); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(filepath.Join(dir, "missing.xml")); err == nil {
		t.Error("Load(missing) gave no error")
	}
	write(t, dir, "plain.txt", "not a suite\n")
	if _, err := Load(filepath.Join(dir, "plain.txt")); err == nil {
		t.Error("Load(plain.txt) gave no error")
	}
	// A suite whose dictionaries are missing and one of whose records is
	// bad: the records are still read, and every problem named.
	write(t, dir, "s.xml", "<Validation>\n<Environment>\n<Verbfile>v.txt</Verbfile>\n<Actorfile>a.txt</Actorfile>\n</Environment>\n"+
		"<Sentences>\n<Sentence date=\"2001\" id=\"X\"><Text>x</Text></Sentence>\n</Sentences>\n</Validation>\n")
	s, err := Load(filepath.Join(dir, "s.xml"))
	var de *dictfile.Error
	if !errors.As(err, &de) || s == nil || len(s.Records) != 1 {
		t.Fatalf("Load = %+v, %v; want the suite and a *dictfile.Error", s, err)
	}
	got := problemStrings(de.Problems)
	if len(got) != 2 || !strings.HasPrefix(got[0], filepath.Join(dir, "s.xml")+":7: record X: date") ||
		!strings.HasPrefix(got[1], filepath.Join(dir, "s.xml")+":2: cannot load the dictionaries:") {
		t.Errorf("problems = %q", got)
	}
	// A project whose text file is missing.
	write(t, dir, "p.project", "P\n<verbsfile> v.verbs\n<textfile> t.text\n")
	write(t, dir, "v.verbs", "--- PRAISE  [051]  ---\nPRAISE\n")
	s, err = Load(filepath.Join(dir, "p.project"))
	if !errors.As(err, &de) || s == nil || len(de.Problems) != 1 || !strings.HasPrefix(de.Problems[0].Error(), filepath.Join(dir, "p.project")+":3: cannot read the text file") {
		t.Errorf("Load(project) = %+v, %v", s, err)
	}
}

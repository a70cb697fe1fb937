package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/dictfile"
)

const root = "../.."

// TestCommittedFile checks that dict/petrarch/dyad.officeholders.actors.txt
// is what the script writes from holders.tsv, and the README section too.
func TestCommittedFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "actors.txt")
	readmePath := filepath.Join(dir, "README.md")
	committedReadme, err := os.ReadFile(filepath.Join(root, "dict", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(readmePath, committedReadme, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run("holders.tsv", filepath.Join(root, "dict", "geo", "countries.tsv"), out, readmePath); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	want, err := os.ReadFile(filepath.Join(root, "dict", "petrarch", "dyad.officeholders.actors.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("committed actor file differs from the script's output; rerun go run ./scripts/genholders (-committed +generated):\n%s", diff)
	}
	gotReadme, _ := os.ReadFile(readmePath)
	if diff := cmp.Diff(string(committedReadme), string(gotReadme)); diff != "" {
		t.Errorf("dict/README.md's office-holder section is stale; rerun go run ./scripts/genholders:\n%s", diff)
	}
}

// TestTable checks the facts table: it reads without error (dates ordered,
// no overlap of two holders of one office beyond a day, every ISO3 known),
// covers the countries the task names, and has a head of state or
// government in office in each on a day the table is reliable for.
func TestTable(t *testing.T) {
	known, err := readCountries(filepath.Join(root, "dict", "geo", "countries.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	terms, err := readTerms("holders.tsv", known)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := group("holders.tsv", terms); err != nil {
		t.Fatal(err)
	}
	required := strings.Fields(`ARG AUS BRA CAN CHN DEU FRA GBR IDN IND ITA JPN KOR MEX RUS SAU TUR USA ZAF
		UKR ISR IRN SYR IRQ AFG PAK EGY ETH SDN NGA VEN PRK YEM LBN LBY SOM MMR AZE ARM GEO BLR SRB
		QAT ARE JOR COL KEN COD MLI POL`)
	day := time.Date(2025, 7, 15, 0, 0, 0, 0, time.UTC)
	leader := map[string]bool{}
	offices := map[string]map[string]bool{}
	for _, tm := range terms {
		if offices[tm.iso3] == nil {
			offices[tm.iso3] = map[string]bool{}
		}
		offices[tm.iso3][tm.office] = true
		if (tm.office == "HOS" || tm.office == "HOG") && !tm.start.After(day) && (tm.end.IsZero() || !tm.end.Before(day)) {
			leader[tm.iso3] = true
		}
		if !tm.end.IsZero() && tm.end.Before(tm.start) {
			t.Errorf("holders.tsv:%d: end before start", tm.line)
		}
	}
	for _, c := range required {
		if !leader[c] {
			t.Errorf("%s: no head of state or government in office on %s", c, day.Format(time.DateOnly))
		}
	}
	// The G20 and the permanent five have all four offices, but for the
	// countries whose head of state is the British monarch (AUS, CAN) and
	// presidential systems without a head of government.
	for _, c := range strings.Fields("CHN DEU FRA GBR IND ITA JPN RUS TUR") {
		for _, o := range []string{"HOS", "HOG", "FM", "DM"} {
			if !offices[c][o] {
				t.Errorf("%s: no %s", c, o)
			}
		}
	}
}

// TestCodesByDate reads the generated file with dyad's PETRARCH reader and
// checks the code of a few holders on a few days.
func TestCodesByDate(t *testing.T) {
	f, err := os.Open(filepath.Join(root, "dict", "petrarch", "dyad.officeholders.actors.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	acts, err := dictfile.ParseActors("dyad.officeholders.actors.txt", f)
	if err != nil {
		t.Fatal(err)
	}
	if len(acts.Warnings) > 0 {
		t.Errorf("warnings: %v", acts.Warnings)
	}
	byPhrase := map[string]*dictfile.Actor{}
	for i := range acts.Entries {
		a := &acts.Entries[i]
		byPhrase[a.Phrase.Text()] = a
		for _, s := range a.Synonyms {
			byPhrase[s.Phrase.Text()] = a
		}
	}
	tests := []struct{ phrase, day, want string }{
		{"KERRY", "2016-05-01", "USAGOV"},
		{"KERRY", "2026-05-01", "USAELI"},
		{"JOHN KERRY", "2013-02-01", "USAGOV"}, // first day included
		{"JOHN KERRY", "2013-01-31", "USAELI"},
		{"LAVROV", "2026-05-01", "RUSGOV"},
		{"LAVROV", "2003-01-01", "RUSELI"},
		{"PUTIN", "2010-01-01", "RUSGOV"}, // prime minister between two presidencies
		{"KEVIN RUDD", "2012-06-01", "AUSELI"},
		{"KEVIN RUDD", "2013-07-01", "AUSGOV"},
		{"MERKEL", "2022-01-01", "DEUELI"},
		{"ZELENSKYY", "2023-03-01", "UKRGOV"},
		{"ASSAD", "2025-03-01", "SYRELI"},
	}
	for _, tt := range tests {
		a := byPhrase[tt.phrase]
		if a == nil {
			t.Errorf("%s: not in the file", tt.phrase)
			continue
		}
		d, _ := time.Parse(time.DateOnly, tt.day)
		c, ok := a.CodeOn(dictfile.MakeDate(d))
		if !ok || c.Code != tt.want {
			t.Errorf("%s on %s: code %q (ok %v), want %s", tt.phrase, tt.day, c.Code, ok, tt.want)
		}
	}
}

func TestSpans(t *testing.T) {
	d := func(s string) time.Time {
		v, _ := time.Parse(time.DateOnly, s)
		return v
	}
	ts := []term{
		{start: d("2008-05-08"), end: d("2012-05-07")},
		{start: d("2000-05-07"), end: d("2008-05-07")},
		{start: d("2012-05-07")},
		{start: d("1999-08-16"), end: d("1999-12-31")},
		{start: d("1999-12-31"), end: d("2000-05-07")},
	}
	got := spans(ts)
	want := []span{{start: d("1999-08-16")}}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(span{})); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
	got = spans([]term{{start: d("2007-12-03"), end: d("2010-06-24")}, {start: d("2013-06-27"), end: d("2013-09-18")}})
	if len(got) != 2 {
		t.Errorf("two separate terms merged: %v", got)
	}
}

// TestTableErrors feeds bad tables and checks that each error names the
// file and line.
func TestTableErrors(t *testing.T) {
	const head = "# iso3\toffice\tname\taliases\tstart\tend\tnote\n"
	tests := []struct{ name, table, want string }{
		{"overlap", "USA\tFM\tAnn One\t\t2001-01-01\t2005-01-10\nUSA\tFM\tBen Two\t\t2005-01-01\t2009-01-01\n", "t.tsv:3: foreign minister of USA: Ben Two starts 2005-01-01, before Ann One (line 2) left on 2005-01-10"},
		{"still in office", "USA\tFM\tAnn One\t\t2001-01-01\t\nUSA\tFM\tBen Two\t\t2005-01-01\t2009-01-01\n", "t.tsv:3: foreign minister of USA: Ben Two starts 2005-01-01 while Ann One (line 2) is still in office"},
		{"unknown country", "XYZ\tFM\tAnn One\t\t2001-01-01\t\n", "t.tsv:2: unknown country code \"XYZ\""},
		{"unknown office", "USA\tVP\tAnn One\t\t2001-01-01\t\n", "t.tsv:2: unknown office \"VP\""},
		{"bad date", "USA\tFM\tAnn One\t\t2001-13-01\t\n", "t.tsv:2: start \"2001-13-01\""},
		{"end before start", "USA\tFM\tAnn One\t\t2001-01-01\t2000-01-01\n", "t.tsv:2: end 2000-01-01 before start 2001-01-01"},
		{"too old", "USA\tFM\tAnn One\t\t1990-01-01\t1995-01-01\n", "t.tsv:2: term ended before 1999"},
		{"fields", "USA\tFM\tAnn One\n", "t.tsv:2: want 6 or 7 tab-separated fields"},
		{"bad note", "USA\tFM\tAnn One\t\t2001-01-01\t\tinterim-ish\n", "t.tsv:2: unknown note"},
		{"bad name", "USA\tFM\tann one\t\t2001-01-01\t\n", "t.tsv:2: name: \"ann one\": must start with a capital letter"},
		{"alias of two", "USA\tFM\tAnn One\tOne\t2001-01-01\t2002-01-01\nRUS\tFM\tBen One\tOne\t2001-01-01\t\n", "t.tsv:3: \"One\" names both Ann One and Ben One"},
		{"two countries", "USA\tFM\tAnn One\t\t2001-01-01\t2002-01-01\nRUS\tFM\tAnn One\t\t2003-01-01\t\n", "t.tsv:3: Ann One holds office in USA and RUS"},
		{"empty", "", "t.tsv: no office holders"},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		in := filepath.Join(dir, "t.tsv")
		if err := os.WriteFile(in, []byte(head+tt.table), 0o644); err != nil {
			t.Fatal(err)
		}
		err := run(in, "testdata/countries.tsv", filepath.Join(dir, "out.txt"), filepath.Join(dir, "README.md"))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

// TestHandover checks that a handover on one day is accepted and that both
// holders are coded GOV that day.
func TestHandover(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "t.tsv")
	table := "USA\tFM\tAnn One\tOne\t2001-01-20\t2005-01-26\nUSA\tFM\tBen Two\t\t2005-01-26\t\tacting\n"
	if err := os.WriteFile(in, []byte(table), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.txt")
	readmePath := filepath.Join(dir, "README.md")
	if err := run(in, "testdata/countries.tsv", out, readmePath); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	for _, want := range []string{
		"ANN_ONE # foreign minister 2001-01-20 to 2005-01-26\n+ONE\n\t[USAGOV 20010120-20050126]\n\t[USAELI]\n",
		"BEN_TWO # foreign minister 2005-01-26 to now (acting)\n\t[USAGOV >20050126]\n\t[USAELI]\n",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("output lacks %q:\n%s", want, b)
		}
	}
	r, _ := os.ReadFile(readmePath)
	for _, want := range []string{readmeBegin, readmeEnd, "2 people in 2 terms of office in 1 countries", "compiled for dyad from public records of office holders; facts"} {
		if !strings.Contains(string(r), want) {
			t.Errorf("README lacks %q:\n%s", want, r)
		}
	}
}

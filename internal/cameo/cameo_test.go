package cameo

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"dyad/dict"

	"github.com/google/go-cmp/cmp"
)

// factsDir holds the public fact files the tables are generated from.
const factsDir = "../../../shared/conformance/facts"

func builtin(t testing.TB) *Table {
	t.Helper()
	tab, err := Builtin()
	if err != nil {
		t.Fatalf("Builtin: %v", err)
	}
	return tab
}

func TestLookupExact(t *testing.T) {
	tab := builtin(t)
	tests := []struct {
		code string
		want Info
	}{
		{"190", Info{Code: "190", Match: "190", Exact: true, Name: "Use conventional military force", Root: "19", QuadClass: 4,
			Goldstein: -10, GoldsteinCode: "190", PloverType: "ASSAULT", PloverContext: "military"}},
		{"040", Info{Code: "040", Match: "040", Exact: true, Name: "Consult", Root: "04", QuadClass: 1,
			Goldstein: 1, GoldsteinCode: "040", PloverType: "CONSULT"}},
		{"042", Info{Code: "042", Match: "042", Exact: true, Name: "Make a visit", Root: "04", QuadClass: 1,
			Goldstein: 1.9, GoldsteinCode: "042", PloverType: "CONSULT", PloverMode: "visit"}},
		{"044", Info{Code: "044", Match: "044", Exact: true, Name: "Meet at a 'third' location", Root: "04", QuadClass: 1,
			Goldstein: 2.5, GoldsteinCode: "044", PloverType: "CONSULT", PloverMode: "third-party"}},
		{"046", Info{Code: "046", Match: "046", Exact: true, Name: "Engage in negotiation", Root: "04", QuadClass: 1,
			Goldstein: 7, GoldsteinCode: "046", PloverType: "CONSULT", PloverContext: "diplomatic"}},
		{"08", Info{Code: "08", Match: "08", Exact: true, Name: "YIELD", Root: "08", QuadClass: 2,
			Goldstein: 5, GoldsteinCode: "08"}}, // PLOVER splits 08: no type
		{"080", Info{Code: "080", Match: "080", Exact: true, Name: "Yield", Root: "08", QuadClass: 2,
			Goldstein: 5, GoldsteinCode: "080", PloverType: "CONCEDE"}},
		{"0813", Info{Code: "0813", Match: "0813", Exact: true, Name: "Ease curfew", Root: "08", QuadClass: 2,
			Goldstein: 5, GoldsteinCode: "0813", PloverType: "RETREAT", PloverContext: "legal"}},
		{"1121", Info{Code: "1121", Match: "1121", Exact: true, Name: "Accuse of crime, corruption", Root: "11", QuadClass: 3,
			Goldstein: -2, GoldsteinCode: "1121", PloverType: "ACCUSE", PloverMode: "allege", PloverContext: "crime;corruption"}},
		{"175", Info{Code: "175", Match: "175", Exact: true, Name: "Use tactics of violent repression", Root: "17", QuadClass: 4,
			Goldstein: -9, GoldsteinCode: "175", PloverType: "ASSAULT", PloverMode: "pro_autocracy", PloverContext: "military"}},
		{"010", Info{Code: "010", Match: "010", Exact: true, Root: "01", QuadClass: 1, GoldsteinCode: "010"}}, // no PLOVER, no name
		// 1213 has no row in GDELT's table: its parent 121's value, marked.
		{"1213", Info{Code: "1213", Match: "1213", Exact: true, Name: "Reject judicial cooperation", Root: "12", QuadClass: 3,
			Goldstein: -4, GoldsteinCode: "121", PloverType: "REJECT", PloverMode: "assist", PloverContext: "legal"}},
	}
	for _, tt := range tests {
		got, ok := tab.Lookup(tt.code)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.code)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Lookup(%q) (-want +got):\n%s", tt.code, diff)
		}
	}
	if got, want := tab.GoldsteinName(), "gdelt"; got != want {
		t.Errorf("GoldsteinName() = %q, want %q", got, want)
	}
	if got := tab.GoldsteinTable(); !strings.HasPrefix(got, "gdelt (GDELT 2.0 CAMEO Goldstein scale") {
		t.Errorf("GoldsteinTable() = %q", got)
	}
	if got, want := tab.Len(), 313; got != want {
		t.Errorf("Len() = %d, want %d", got, want)
	}
}

func TestDistinctCodes(t *testing.T) {
	tab := builtin(t)
	for _, pair := range [][2]string{{"044", "046"}, {"080", "08"}, {"01", "010"}, {"19", "190"}} {
		a, _ := tab.Lookup(pair[0])
		b, _ := tab.Lookup(pair[1])
		if a == b || a.Code != pair[0] || b.Code != pair[1] || !a.Exact || !b.Exact {
			t.Errorf("Lookup(%q) and Lookup(%q) not distinct exact hits: %+v, %+v", pair[0], pair[1], a, b)
		}
	}
}

func TestLookupFallback(t *testing.T) {
	tab := builtin(t)
	tests := []struct {
		code      string
		ok        bool
		match     string
		goldstein string // the code whose Goldstein row is used
	}{
		{"174L", true, "174", "174"}, // TABARI-style suffix
		{"089", true, "08", "08"},    // unknown subcode: the root
		{"0xyz", false, "", ""},      // "0x" is no root
		{"12345", true, "1234", "1234"},
		{"224", false, "", ""}, // WEIS root 22 is not CAMEO
		{"---", false, "", ""},
		{"+++", false, "", ""},
		{"###", false, "", ""},
		{"", false, "", ""},
		{"1", false, "", ""},
		{"04 ", true, "04", "04"}, // not trimmed: a fallback, not "04"
	}
	for _, tt := range tests {
		got, ok := tab.Lookup(tt.code)
		if ok != tt.ok || got.Exact || got.Code != tt.code || got.Match != tt.match || got.GoldsteinCode != tt.goldstein {
			t.Errorf("Lookup(%q) = %+v, %v; want ok=%v, not exact, match %q, Goldstein from %q",
				tt.code, got, ok, tt.ok, tt.match, tt.goldstein)
		}
		if !ok && got != (Info{Code: tt.code}) {
			t.Errorf("Lookup(%q) = %+v; want only Code set", tt.code, got)
		}
		if ok {
			m, _ := tab.Lookup(tt.match)
			m.Code, m.Exact = tt.code, false
			if diff := cmp.Diff(m, got); diff != "" {
				t.Errorf("Lookup(%q) differs from its match %q (-match +got):\n%s", tt.code, tt.match, diff)
			}
		}
	}
}

func TestRootsAndPlover(t *testing.T) {
	tab := builtin(t)
	r, ok := tab.Root("08")
	want := Root{Code: "08", Name: "YIELD", QuadClass: 2, Goldstein: 5, GoldsteinMin: 5, GoldsteinMax: 10,
		PloverTypes: []string{"CONCEDE", "RETREAT"}}
	if diff := cmp.Diff(want, r); !ok || diff != "" {
		t.Errorf("Root(08) (-want +got):\n%s", diff)
	}
	if r, ok := tab.Root("01"); !ok || len(r.PloverTypes) != 0 {
		t.Errorf("Root(01) = %+v, %v; want no PLOVER types", r, ok)
	}
	p, ok := tab.Plover("CONSULT")
	wantP := PloverType{Name: "CONSULT", QuadClass: 1, Modes: []string{"visit", "third-party", "multilateral", "phone"}}
	if diff := cmp.Diff(wantP, p); !ok || diff != "" {
		t.Errorf("Plover(CONSULT) (-want +got):\n%s", diff)
	}
	if _, ok := tab.Plover("YIELD"); ok {
		t.Errorf("Plover(YIELD) found")
	}
	if got := QuadClassName(3); got != "verbal conflict" {
		t.Errorf("QuadClassName(3) = %q", got)
	}
	codes := tab.Codes()
	if len(codes) != tab.Len() || codes[0] != "01" || codes[len(codes)-1] != "2042" {
		t.Errorf("Codes() = %d codes from %q to %q", len(codes), codes[0], codes[len(codes)-1])
	}
}

// readFacts returns the tab-separated lines of a fact file, skipping the test
// when the conformance data is not there.
func readFacts(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(factsDir, name))
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("no conformance facts at %s: skipping the check against them", factsDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, strings.Split(line, "\t"))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestEveryGDELTGoldstein(t *testing.T) {
	tab := builtin(t)
	rows := readFacts(t, "cameo_goldstein_gdelt.tsv")
	for _, f := range rows {
		want, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			t.Fatalf("fact row %q: %v", f, err)
		}
		got, ok := tab.Lookup(f[0])
		if !ok || !got.Exact || got.GoldsteinCode != f[0] || got.Goldstein != want {
			t.Errorf("Lookup(%q) = %+v, %v; want exact with Goldstein %v", f[0], got, ok, want)
		}
	}
	if len(rows) != 311 {
		t.Errorf("%d rows in the GDELT table, want 311", len(rows))
	}
}

func TestRootFacts(t *testing.T) {
	tab := builtin(t)
	for _, f := range readFacts(t, "cameo_roots.tsv")[1:] {
		r, ok := tab.Root(f[0])
		q, _ := strconv.Atoi(f[6])
		if !ok || r.Name != f[1] || r.QuadClass != q {
			t.Errorf("Root(%q) = %+v, %v; want name %q, QuadClass %d", f[0], r, ok, f[1], q)
		}
	}
	// Every code's QuadClass is its root's.
	for _, c := range tab.Codes() {
		info, _ := tab.Lookup(c)
		r, _ := tab.Root(info.Root)
		if info.QuadClass != r.QuadClass || info.Root != c[:2] {
			t.Errorf("Lookup(%q) = %+v; root %+v", c, info, r)
		}
	}
}

// TestPloverFacts checks every code row of CAMEO2PLOVER-2021.txt against the
// table's PLOVER type and mode.
func TestPloverFacts(t *testing.T) {
	tab := builtin(t)
	rows := readFacts(t, "CAMEO2PLOVER-2021.txt")
	n := 0
	for _, f := range rows {
		line := f[0]
		if strings.HasPrefix(line, "~~~") {
			break
		}
		code, rest, ok := strings.Cut(line, ":")
		if !ok || len(code) < 3 {
			continue // root rows
		}
		fields, _, _ := strings.Cut(rest, "#")
		parts := strings.Split(fields, ",")
		typ, mode := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		got, ok := tab.Lookup(code)
		if !ok || !got.Exact || got.PloverType != typ || got.PloverMode != mode {
			t.Errorf("Lookup(%q) = %+v; want PLOVER %s/%s", code, got, typ, mode)
		}
		n++
	}
	if n != 257 { // 256 codes, 175 twice
		t.Errorf("checked %d PLOVER rows, want 257", n)
	}
}

func TestOverrideDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, dict.FS); err != nil {
		t.Fatal(err)
	}
	tab, err := Load(os.DirFS(dir))
	if err != nil {
		t.Fatalf("Load(copy of dict.FS): %v", err)
	}
	if got, want := tab.Len(), builtin(t).Len(); got != want {
		t.Errorf("override has %d codes, want %d", got, want)
	}
}

var problemLine = regexp.MustCompile(`^cameo/(codes|roots|plover)\.tsv:[1-9][0-9]*: \S`)

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, "cameo", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("plover.tsv", "# types\n"+
		"type\tquad_class\trequires_recipient\tmodes\n"+
		"CONSULT\t1\tno\tvisit,phone\n"+
		"CONSULT\t1\tno\t-\n"+ // 4: duplicate
		"AID\t5\tmaybe\t-\n") // 5: quad, recipient
	write("roots.tsv", "root\tquad_class\tgoldstein\tgoldstein_min\tgoldstein_max\tplover_types\tname\n"+
		"04\t1\t1.0\t1.0\t7.0\tCONSULT\tCONSULT\n"+
		"07\t2\t7.0\t7.0\t8.5\tAID,GIVE\tPROVIDE AID\n"+ // 3: GIVE unknown
		"4\t1\t0\t0\t0\t-\tX\n"+ // 4: bad root
		"09\t3\t-2.0\t-2.0\t-2.0\t-\tINVESTIGATE\n") // 5: no code row
	write("codes.tsv", "#! goldstein_table: gdelt\n"+
		"#! colour: blue\n"+ // 2: unknown directive
		"code\troot\tquad_class\tgoldstein\tplover_type\tplover_mode\tplover_context\tname\n"+
		"04\t04\t1\t1.0\tCONSULT\t-\t-\tCONSULT\n"+
		"040\t04\t1\t1.0\tCONSULT\t-\t-\tConsult\n"+
		"040\t04\t1\t1.0\tCONSULT\t-\t-\tConsult again\n"+ // 6: duplicate
		"041\t04\t2\t11\tCONSULT\t-\t-\tPhone\n"+ // 7: quad, goldstein
		"042\t04\t1\t\tCONSULT\tvisit\t-\tVisit\n"+ // 8: empty field
		"043\t04\t1\t1.0\n"+ // 9: field count
		"07\t07\t2\t7.0\tAID\t-\t-\tPROVIDE AID\n"+
		"170\t17\t4\t-7.0\tCOERCE\t-\t-\tCoerce\n"+ // 11: root unknown, type unknown
		"071\t04\t2\t7.5\t-\tBad Mode\t-\tAid\n"+ // 12: root mismatch, mode without type, bad mode
		"\xff\n") // 13: invalid UTF-8
	_, err := Load(os.DirFS(dir))
	var lerr *Error
	if !errors.As(err, &lerr) {
		t.Fatalf("Load(bad dir) = %v; want *Error", err)
	}
	want := []string{
		"cameo/plover.tsv:4: duplicate PLOVER type CONSULT (first at line 3)",
		`cameo/plover.tsv:5: bad quad_class "5" (want 1 to 4)`,
		`cameo/plover.tsv:5: bad requires_recipient "maybe" (want yes or no)`,
		"cameo/roots.tsv:3: PLOVER type GIVE not in cameo/plover.tsv",
		`cameo/roots.tsv:4: bad root "4" (want two digits)`,
		"cameo/roots.tsv:5: root 09 has no row in cameo/codes.tsv",
		`cameo/codes.tsv:1: missing directive "#! goldstein_source: …"`,
		`cameo/codes.tsv:2: unknown directive "colour"`,
		"cameo/codes.tsv:6: duplicate code 040 (first at line 5)",
		`cameo/codes.tsv:7: quad_class 2 differs from root 04's 1 in cameo/roots.tsv`,
		`cameo/codes.tsv:7: bad goldstein "11" (want - or a number from -10 to 10)`,
		"cameo/codes.tsv:8: empty goldstein (write - for none)",
		"cameo/codes.tsv:9: want 8 tab-separated fields, have 4",
		"cameo/codes.tsv:11: root 17 not in cameo/roots.tsv",
		`cameo/codes.tsv:11: PLOVER type "COERCE" not in cameo/plover.tsv`,
		`cameo/codes.tsv:12: root "04" is not the code's first two digits "07"`,
		"cameo/codes.tsv:12: quad_class 2 differs from root 04's 1 in cameo/roots.tsv",
		`cameo/codes.tsv:12: goldstein 7.5 outside root 04's range 1 to 7 in cameo/roots.tsv`,
		"cameo/codes.tsv:12: plover_mode or plover_context without a plover_type",
		`cameo/codes.tsv:12: bad plover_mode "Bad Mode" (want a-z, 0-9, _ and -)`,
		"cameo/codes.tsv:13: invalid UTF-8",
	}
	got := strings.Split(err.Error(), "\n")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Load(bad dir) problems (-want +got):\n%s", diff)
	}
	for _, line := range got {
		if !problemLine.MatchString(line) {
			t.Errorf("problem without file:line: %q", line)
		}
	}

	// A missing file is named.
	if _, err := Load(fstest.MapFS{}); err == nil || !strings.Contains(err.Error(), "cameo/codes.tsv: read:") {
		t.Errorf("Load(empty FS) = %v; want a read error naming cameo/codes.tsv", err)
	}
}

func builtinFiles(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, name := range []string{CodesFile, RootsFile, PloverFile} {
		data, err := dict.FS.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: data}
	}
	return m
}

func FuzzLoad(f *testing.F) {
	files := []string{CodesFile, RootsFile, PloverFile}
	base := builtinFiles(f)
	for i, name := range files {
		f.Add(uint8(i), base[name].Data)
	}
	f.Add(uint8(0), []byte("code\troot\tquad_class\tgoldstein\tplover_type\tplover_mode\tplover_context\tname\n04\t04\t1\tNaN\t-\t-\t-\tx\n"))
	f.Add(uint8(1), []byte("#! goldstein_table: x\n\r\n\xff\t\t\n"))
	f.Add(uint8(2), []byte(""))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		fsys := fstest.MapFS{}
		for name, file := range base {
			fsys[name] = file
		}
		fsys[files[int(which)%len(files)]] = &fstest.MapFile{Data: data}
		tab, err := Load(fsys)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !problemLine.MatchString(line) {
					t.Fatalf("problem without file:line: %q", line)
				}
			}
			return
		}
		for _, c := range tab.Codes() {
			info, ok := tab.Lookup(c)
			if !ok || !info.Exact || info.Code != c {
				t.Fatalf("Lookup(%q) = %+v, %v", c, info, ok)
			}
			tab.Lookup(c + "X")
		}
	})
}

func BenchmarkLookup(b *testing.B) {
	tab := builtin(b)
	codes := []string{"040", "190", "1213", "174L", "---", "0874", "08"}
	for b.Loop() {
		for _, c := range codes {
			tab.Lookup(c)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Builtin(); err != nil {
			b.Fatal(err)
		}
	}
}

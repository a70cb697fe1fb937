package suite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/dictfile"
)

// checkProblems checks that every problem names the file and a line in
// [1, lines+1].
func checkProblems(t *testing.T, file, src string, ps problems) {
	t.Helper()
	lines := strings.Count(src, "\n") + 1
	for _, list := range [][]dictfile.Problem{ps.errs, ps.warns} {
		for _, p := range list {
			if p.File != file || p.Line < 1 || p.Line > lines+1 {
				t.Fatalf("problem %q: want %s and a line in [1, %d]", p.Error(), file, lines+1)
			}
		}
	}
}

// checkRecordPos checks that every record names the file and a line.
func checkRecordPos(t *testing.T, file, src string, recs []Record) {
	t.Helper()
	lines := strings.Count(src, "\n") + 1
	for _, r := range recs {
		n := lineOf(r.Pos)
		if !strings.HasPrefix(r.Pos, file+":") || n < 1 || n > lines {
			t.Fatalf("record %q at %q: want %s and a line in [1, %d]", r.ID, r.Pos, file, lines)
		}
		if r.Valid && r.Skip != "" || !r.Valid && r.Skip == "" {
			t.Fatalf("record %q: Valid %v with Skip %q", r.ID, r.Valid, r.Skip)
		}
	}
}

func addSeeds(f *testing.F, paths ...string) {
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
}

func FuzzLoadPetrarchSuite(f *testing.F) {
	addSeeds(f, filepath.Join("testdata", "petrarch", "small.xml"))
	f.Add("<Sentences><Sentence date=\"20010101\" id=\"a\"><EventCoding noevents=\"x\"/><Text>a</Text></Sentence></Sentences>")
	f.Add("<Validation><Environment><Config option=\"a\" value=\"b\"/></Environment><Sentences><Stop/></Sentences></Validation>")
	f.Add("<Sentences>\n#<EventCoding/>\n<Sentence><Sentence></Sentence></Sentence>")
	f.Fuzz(func(t *testing.T, src string) {
		var ps problems
		fl := parsePetrarch("f.xml", strings.NewReader(src), &ps)
		checkProblems(t, "f.xml", src, ps)
		checkRecordPos(t, "f.xml", src, fl.records)
	})
}

func FuzzLoadTabariText(f *testing.F) {
	addSeeds(f, filepath.Join("testdata", "tabari", "small.text"))
	f.Add("950101  A\nx /* {A/B/C} -{ } {OPTION: SET: YYYY} */\n\n20010101 B\ny\n")
	f.Add("9\n/*{\n")
	f.Add("950101 X\n/*{ OPTION: \n*/")
	f.Fuzz(func(t *testing.T, src string) {
		var ps problems
		var st tabariState
		st.read("f.text", strings.NewReader(src), &ps)
		checkProblems(t, "f.text", src, ps)
		checkRecordPos(t, "f.text", src, st.records)
	})
}

package dictfile

import (
	"errors"
	"strings"
	"testing"
)

// checkProblems fails unless every error and warning names the file and a
// line that exists in src.
func checkProblems(t *testing.T, src string, err error, warns []Problem) {
	t.Helper()
	var ps []Problem
	if err != nil {
		var de *Error
		if !errors.As(err, &de) {
			t.Fatalf("error is not *Error: %v", err)
		}
		if len(de.Problems) == 0 {
			t.Fatal("*Error with no problems")
		}
		ps = append(ps, de.Problems...)
	}
	ps = append(ps, warns...)
	n := lineCount(src)
	for _, p := range ps {
		if p.File != "f" || p.Line < 1 || p.Line > n {
			t.Fatalf("problem %q has a position outside f:1-%d", p.Error(), n)
		}
		if !strings.HasPrefix(p.Error(), p.Pos.String()+": ") {
			t.Fatalf("problem %q does not start with file:line", p.Error())
		}
	}
}

func FuzzParseVerbs(f *testing.F) {
	f.Add(petrVerbs)
	f.Add(tabariVerbs)
	f.Add("--- A [010] ---\nA\n- * (TO {X | Y}) [1]\n- * X) [2]\n<!--\n")
	f.Fuzz(func(t *testing.T, src string) {
		v, err := ParseVerbs("f", strings.NewReader(src))
		if v == nil {
			t.Fatal("nil Verbs")
		}
		checkProblems(t, src, err, v.Warnings)
	})
}

func FuzzParseActors(f *testing.F) {
	f.Add(actorsText)
	f.Add("A [X 2004017-20061201]\n+B]_\n\t[Y >201005011] tail\n<NOUN>\n")
	f.Fuzz(func(t *testing.T, src string) {
		a, err := ParseActors("f", strings.NewReader(src))
		if a == nil {
			t.Fatal("nil Actors")
		}
		checkProblems(t, src, err, a.Warnings)
		for _, e := range a.Entries {
			for _, c := range e.Codes {
				if c.Kind == Between && c.To < c.From {
					t.Fatalf("reversed range kept: %+v", c)
				}
			}
		}
	})
}

func FuzzParseAgents(f *testing.F) {
	f.Add(agentsText)
	f.Add("!A! = B, C\nX!A!_!A! {} [~G]\nY [~E}\nZ\n")
	f.Fuzz(func(t *testing.T, src string) {
		a, err := ParseAgents("f", strings.NewReader(src))
		if a == nil {
			t.Fatal("nil Agents")
		}
		checkProblems(t, src, err, a.Warnings)
	})
}

// FuzzParseSmall covers the small formats: the first byte picks the reader.
func FuzzParseSmall(f *testing.F) {
	f.Add(byte(0), "MONTHS LATER\n+World Cup # x\nA [###]\n")
	f.Add(byte(1), issuesText)
	f.Add(byte(2), "T\n<actorsfile> a\n<session 1>\n")
	f.Add(byte(3), "COMPLEX: X\nSET: A = B\nLABEL: 1=Y\n~~~\n")
	f.Add(byte(4), "[Dictionaries]\nverbfile_name = v\nactorfile_list = a,\n b\n")
	f.Fuzz(func(t *testing.T, which byte, src string) {
		r := strings.NewReader(src)
		var (
			warns []Problem
			err   error
		)
		switch which % 5 {
		case 0:
			var d *Discards
			d, err = ParseDiscards("f", r)
			warns = d.Warnings
		case 1:
			var is *Issues
			is, err = ParseIssues("f", r)
			warns = is.Warnings
			for _, e := range is.Entries {
				if len(e.Forms()) == 0 {
					t.Fatalf("no forms for %q", e.Phrase)
				}
			}
		case 2:
			var p *Project
			p, err = ParseTabariProject("f", r)
			warns = p.Warnings
		case 3:
			var o *Options
			o, err = ParseTabariOptions("f", r)
			warns = o.Warnings
		case 4:
			var c *Config
			c, err = ParseConfig("f", r)
			warns = c.Warnings
		}
		checkProblems(t, src, err, warns)
	})
}

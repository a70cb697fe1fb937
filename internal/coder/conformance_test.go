package coder

import (
	"os"
	"path/filepath"
	"testing"

	"dyad/internal/nlp"
	"dyad/internal/suite"
	"dyad/news"
)

const conformanceDir = "../../../shared/conformance"

// codeRecord codes one suite record from its text alone, as one paragraph.
// A missing actor is written "---", as the peers write it.
func codeRecord(c *Coder, an *nlp.Analyzer, r suite.Record) ([]suite.Coding, error) {
	o, err := c.Options().With(r.Config)
	if err != nil {
		return nil, err
	}
	cc := c.WithOptions(o)
	text := r.Text
	sents := an.Sentences(text, []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}})
	var out []suite.Coding
	for _, e := range cc.Code(text, sents, r.Date) {
		k := suite.Coding{Source: "---", Target: "---", Code: e.Code}
		if e.Source != nil {
			k.Source = e.Source.Code
		}
		if e.Target != nil {
			k.Target = e.Target.Code
		}
		out = append(out, k)
	}
	return out, nil
}

// TestConformance measures the coder on the peers' validation suites and
// fails when a suite passes fewer records than it has reached before.
func TestConformance(t *testing.T) {
	if _, err := os.Stat(conformanceDir); err != nil {
		t.Skipf("conformance suites not found at %s: %v", conformanceDir, err)
	}
	an, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path  string
		floor int
	}{
		{"petrarch/PETR.UnitTest.records.xml", 225},
		{"tabari/Validate.project", 268},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			s, err := suite.Load(filepath.Join(conformanceDir, tc.path))
			if s == nil || s.Dicts == nil {
				t.Fatalf("load: %v", err)
			}
			c, err := New(s.Dicts, DefaultOptions())
			if err != nil {
				t.Fatal(err)
			}
			rep := s.Score(func(r suite.Record) ([]suite.Coding, error) { return codeRecord(c, an, r) })
			for _, cat := range rep.Categories {
				pc := rep.ByCategory[cat]
				t.Logf("%-10s %3d / %3d", cat, pc[0], pc[1])
			}
			t.Logf("%s: passed %d of %d (precision %.2f, recall %.2f)", s.Name, rep.Passed, rep.Records, rep.Precision, rep.Recall)
			if os.Getenv("DYAD_CONFORMANCE_VERBOSE") != "" {
				for _, f := range rep.Failures {
					t.Logf("FAIL %s %s\n  text: %s\n  missing %v extra %v", f.Record.ID, f.Record.Pos, f.Record.Text, f.Missing, f.Extra)
				}
			}
			if rep.Passed < tc.floor {
				t.Errorf("%s: passed %d, below the floor of %d", s.Name, rep.Passed, tc.floor)
			}
		})
	}
}

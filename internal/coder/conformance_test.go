package coder_test

import (
	"os"
	"path/filepath"
	"testing"

	"dyad/internal/nlp"
	"dyad/internal/suite"
	"dyad/internal/validate"
)

const conformanceDir = "../../../shared/conformance"

// TestConformance measures the coder on the peers' validation suites, coding
// each record from its text alone as validate.Run does, and fails when a
// suite passes fewer records than it has reached before.
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
		{"petrarch/PETR.UnitTest.records.xml", 264},
		{"tabari/Validate.project", 441},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			s, err := suite.Load(filepath.Join(conformanceDir, tc.path))
			if s == nil || s.Dicts == nil {
				t.Fatalf("load: %v", err)
			}
			rep, err := validate.Run(s, an)
			if err != nil {
				t.Fatal(err)
			}
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

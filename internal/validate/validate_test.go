package validate

import (
	"bytes"
	"strings"
	"testing"

	"dyad/internal/nlp"
	"dyad/internal/suite"
)

// TestRun scores the coder on a tiny suite written here. BASIC-04 expects a
// wrong code on purpose, so exactly one record fails.
func TestRun(t *testing.T) {
	s, err := suite.Load("testdata/mini.xml")
	if err != nil {
		t.Fatal(err)
	}
	an, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(s, an)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 5 || rep.Passed != 4 || rep.From != "text" {
		t.Fatalf("records %d passed %d from %q, want 5, 4, text; failures %+v", rep.Records, rep.Passed, rep.From, rep.Failures)
	}
	if len(rep.Failures) != 1 || rep.Failures[0].Record.ID != "BASIC-04" {
		t.Errorf("failures %+v, want only BASIC-04", rep.Failures)
	}
	if got := rep.ByCategory["NEGATION"]; got != [2]int{1, 1} {
		t.Errorf("NEGATION %v, want [1 1]", got)
	}
	var out bytes.Buffer
	if err := rep.WriteText(&out, true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "BASIC-04") || !strings.Contains(out.String(), "051") {
		t.Errorf("report does not show the failing record and its extra code:\n%s", out.String())
	}
}

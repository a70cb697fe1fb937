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

// TestForward runs a small TABARI suite written here: under FORWARD a
// pronoun with no actor before it stands for the first actor of the
// previous record of its story, and for nothing in a new story or with
// FORWARD off.
func TestForward(t *testing.T) {
	s, err := suite.Load("testdata/forward/forward.project")
	if s == nil || s.Dicts == nil {
		t.Fatalf("load: %v", err)
	}
	an, err := nlp.New()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(s, an)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Records != 5 || rep.Passed != 5 {
		t.Errorf("records %d passed %d, want 5 and 5; failures %+v", rep.Records, rep.Passed, rep.Failures)
	}
}

func TestStoryKey(t *testing.T) {
	for _, tc := range []struct {
		id, forward, want string
	}{
		{"FRWD-001-002", "^^*****NNN*SSS", "FRWD-001-"},
		{"FRWD-001-003", "^^*****NNN*SSS", "FRWD-001-"},
		{"FRWD-001-002", "^^*****NNN*SSS OFF", ""},
		{"FRWD-001-002", "", ""},
		{"SHORT-1", "^^*****NNN*SSS", "SHORT-1"},
	} {
		r := suite.Record{ID: tc.id, Config: map[string]string{}}
		if tc.forward != "" {
			r.Config["FORWARD"] = tc.forward
		}
		if got := storyKey(r); got != tc.want {
			t.Errorf("storyKey(%q, %q) = %q, want %q", tc.id, tc.forward, got, tc.want)
		}
	}
}

package suite

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// scoreSuite is a suite with one record of each case Score handles.
func scoreSuite() *Suite {
	ab := Coding{"A", "B", "010"}
	ba := Coding{"B", "A", "020"}
	return &Suite{Name: "t", Records: []Record{
		{ID: "pass", Category: "X", Valid: true, Expect: []Coding{ab, ba}},
		{ID: "dup", Category: "X", Valid: true, Expect: []Coding{ab, ab}},
		{ID: "missing", Category: "Y", Valid: true, Expect: []Coding{ab, ba}},
		{ID: "extra", Category: "Y", Valid: true, Expect: []Coding{ab}},
		{ID: "noevents", Category: "X", Valid: true, NoEvents: true},
		{ID: "noevents-coded", Category: "Z", Valid: true, NoEvents: true},
		{ID: "empty", Category: "Z", Valid: true},
		{ID: "rejected", Category: "Z", Valid: true, NoEvents: true, ExpectError: "discard"},
		{ID: "crash", Category: "Z", Valid: true, Expect: []Coding{ab}},
		{ID: "partial", Category: "Y", Valid: true, Partial: true, Expect: []Coding{ab}},
		{ID: "invalid", Category: "W", Skip: "no", Expect: []Coding{ab}},
	}}
}

// scoreCoder codes the records of scoreSuite.
func scoreCoder(r Record) ([]Coding, error) {
	ab := Coding{"A", "B", "010"}
	ba := Coding{"B", "A", "020"}
	switch r.ID {
	case "pass":
		return []Coding{ba, ab, ab}, nil
	case "dup":
		return []Coding{ab}, nil
	case "missing":
		return []Coding{ab}, nil
	case "extra":
		return []Coding{ab, ba, {"C", "D", "030"}}, nil
	case "noevents-coded":
		return []Coding{ab}, nil
	case "rejected":
		return nil, errors.New("discarded")
	case "crash":
		return nil, errors.New("boom")
	case "partial":
		return []Coding{ab, ba, ba}, nil
	case "invalid":
		panic("an invalid record was coded")
	}
	return nil, nil
}

func TestScore(t *testing.T) {
	rep := scoreSuite().Score(scoreCoder)
	ab := Coding{"A", "B", "010"}
	ba := Coding{"B", "A", "020"}
	recs := scoreSuite().Records
	want := Report{
		Suite: "t", From: "text", Records: 10, Passed: 6,
		ByCategory: map[string][2]int{"X": {3, 3}, "Y": {1, 3}, "Z": {2, 4}},
		Categories: []string{"X", "Y", "Z"},
		Failures: []Failure{
			{Record: recs[2], Expected: []Coding{ab, ba}, Got: []Coding{ab}, Missing: []Coding{ba}},
			{Record: recs[3], Expected: []Coding{ab}, Got: []Coding{ab, ba, {"C", "D", "030"}}, Extra: []Coding{ba, {"C", "D", "030"}}},
			{Record: recs[5], Got: []Coding{ab}, Extra: []Coding{ab}},
			{Record: recs[8], Expected: []Coding{ab}, Missing: []Coding{ab}, Err: errors.New("boom")},
		},
		// matched: pass 2, dup 1, missing 1, extra 1, partial 1 = 6;
		// coded: 2+1+1+3+1+1 = 9; expected: 2+1+2+1+1+1 = 8
		Precision: 6.0 / 9, Recall: 6.0 / 8,
	}
	errText := cmp.Comparer(func(a, b error) bool { return (a == nil) == (b == nil) && (a == nil || a.Error() == b.Error()) })
	if diff := cmp.Diff(want, rep, errText, cmpopts.EquateEmpty(), cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}

	var b strings.Builder
	if err := rep.WriteText(&b, true); err != nil {
		t.Fatal(err)
	}
	wantText := `t (coder given text)
  X        3 /    3
  Y        1 /    3
  Z        2 /    4
  total    6 /   10   60.0%  event precision 0.667, recall 0.750

FAIL missing [Y]
  text:
  expected: A B 010; B A 020
  got:      A B 010
  - B A 020

FAIL extra [Y]
  text:
  expected: A B 010
  got:      A B 010; B A 020; C D 030
  + B A 020
  + C D 030

FAIL noevents-coded [Z]
  text:
  expected: no events
  got:      A B 010
  + A B 010

FAIL crash [Z]
  text:
  expected: A B 010
  got:      no events
  - A B 010
  error:    boom
`
	if diff := cmp.Diff(wantText, b.String()); diff != "" {
		t.Errorf("text (-want +got):\n%s", diff)
	}
	b.Reset()
	if err := rep.WriteText(&b, false); err != nil || strings.Contains(b.String(), "FAIL") {
		t.Errorf("WriteText without diffs = %q, %v", b.String(), err)
	}

	js, err := rep.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	wantJSON := `{"suite":"t","from":"text","records":10,"passed":6,"by_category":{"X":[3,3],"Y":[1,3],"Z":[2,4]},"precision":0.6667,"recall":0.75}`
	if string(js) != wantJSON {
		t.Errorf("JSON =\n%s\nwant\n%s", js, wantJSON)
	}
	empty, err := (Report{Suite: "e"}).MarshalJSON()
	if err != nil || !strings.Contains(string(empty), `"by_category":{}`) {
		t.Errorf("empty report JSON = %s, %v", empty, err)
	}
}

func TestScoreEmpty(t *testing.T) {
	rep := (&Suite{Name: "e"}).Score(func(Record) ([]Coding, error) { return nil, nil })
	if rep.Records != 0 || rep.Precision != 1 || rep.Recall != 1 {
		t.Errorf("report = %+v", rep)
	}
	var b strings.Builder
	if err := rep.WriteText(&b, true); err != nil || !strings.Contains(b.String(), "total    0 /    0") {
		t.Errorf("text = %q, %v", b.String(), err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteTextError(t *testing.T) {
	rep := scoreSuite().Score(scoreCoder)
	if err := rep.WriteText(failWriter{}, true); err == nil || err.Error() != "disk full" {
		t.Errorf("WriteText = %v, want the write error", err)
	}
}

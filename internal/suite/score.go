package suite

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// CodeFunc codes one record: it is given the record (its Text, Date and
// Config) and returns the events coded.
type CodeFunc func(Record) ([]Coding, error)

// Report is the result of scoring a coder on a suite.
type Report struct {
	Suite string // the suite's name
	// From names what the coder was given: "text" (the suites' parse
	// trees are never used).
	From    string
	Records int // valid records scored
	Passed  int
	// ByCategory maps a category to its passed and total records;
	// Categories lists the categories in the order they first appear.
	ByCategory map[string][2]int
	Categories []string
	Failures   []Failure
	// Precision and Recall are over events: the events coded that were
	// expected, over all events coded and over all events expected (1 when
	// there are none). Events coded past a partial expectation do not count.
	Precision, Recall float64
}

// Failure is one record that did not pass: the sets expected and coded,
// sorted, and what is missing from and extra in the events coded.
type Failure struct {
	Record   Record
	Expected []Coding
	Got      []Coding
	Missing  []Coding
	Extra    []Coding
	Err      error // the coder's error, if any
}

// Score codes every valid record of the suite with code and compares, per
// record, the set of events coded with the set expected (duplicates count
// once). A record passes when the sets are equal; when it expects no events
// (NoEvents, or an empty Expect) and nothing is coded; when it expects a
// rejection (ExpectError) and the coder returns an error; and, for a Partial
// record, when every expected event is coded.
func (s *Suite) Score(code CodeFunc) Report {
	rep := Report{Suite: s.Name, From: "text", ByCategory: map[string][2]int{}}
	var tp, coded, expected int
	for _, r := range s.Records {
		if !r.Valid {
			continue
		}
		got, err := code(r)
		want := set(r.Expect)
		have := set(got)
		missing := minus(want, have)
		extra := minus(have, want)
		matched := len(want) - len(missing)
		pass := len(missing) == 0 && (len(extra) == 0 || r.Partial) && err == nil
		if r.ExpectError != "" && err != nil && len(have) == 0 {
			pass = true
		}
		if r.Partial {
			extra = nil
			have = intersect(have, want)
		}
		tp += matched
		coded += len(have)
		expected += len(want)

		rep.Records++
		c, ok := rep.ByCategory[r.Category]
		if !ok {
			rep.Categories = append(rep.Categories, r.Category)
		}
		c[1]++
		if pass {
			c[0]++
			rep.Passed++
		} else {
			rep.Failures = append(rep.Failures, Failure{Record: r, Expected: want, Got: set(got),
				Missing: missing, Extra: extra, Err: err})
		}
		rep.ByCategory[r.Category] = c
	}
	rep.Precision = ratio(tp, coded)
	rep.Recall = ratio(tp, expected)
	return rep
}

// ratio returns n/d, or 1 when d is 0.
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

func compareCoding(a, b Coding) int {
	return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.Target, b.Target), strings.Compare(a.Code, b.Code))
}

// set returns the codings sorted, without duplicates.
func set(cs []Coding) []Coding {
	out := slices.Clone(cs)
	slices.SortFunc(out, compareCoding)
	return slices.Compact(out)
}

// minus returns the codings of a not in b; both are sets.
func minus(a, b []Coding) []Coding {
	var out []Coding
	for _, c := range a {
		if _, ok := slices.BinarySearchFunc(b, c, compareCoding); !ok {
			out = append(out, c)
		}
	}
	return out
}

// intersect returns the codings of a also in b; both are sets.
func intersect(a, b []Coding) []Coding {
	var out []Coding
	for _, c := range a {
		if _, ok := slices.BinarySearchFunc(b, c, compareCoding); ok {
			out = append(out, c)
		}
	}
	return out
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// WriteText writes the report for people: the passes per category in the
// order the categories first appear in the suite, the total with precision
// and recall, then, when diffs is set, one block per failing record with
// its text and the events missing and extra.
func (r Report) WriteText(w io.Writer, diffs bool) error {
	ew := &errWriter{w: w}
	width := len("total")
	for _, c := range r.Categories {
		width = max(width, len(c))
	}
	ew.printf("%s (coder given %s)\n", r.Suite, r.From)
	for _, c := range r.Categories {
		n := r.ByCategory[c]
		ew.printf("  %-*s %4d / %4d\n", width, c, n[0], n[1])
	}
	pct := 100.0
	if r.Records > 0 {
		pct = 100 * float64(r.Passed) / float64(r.Records)
	}
	ew.printf("  %-*s %4d / %4d  %5.1f%%  event precision %.3f, recall %.3f\n", width, "total", r.Passed, r.Records, pct, r.Precision, r.Recall)
	if !diffs {
		return ew.err
	}
	for _, f := range r.Failures {
		rec := f.Record
		ew.printf("\nFAIL %s\n", strings.Join(nonEmpty(rec.ID, "["+rec.Category+"]", rec.Pos), " "))
		ew.printf("  %s\n", strings.Join(nonEmpty("text:", rec.Text), "     "))
		switch {
		case rec.ExpectError != "":
			ew.printf("  expected: no events (%s)\n", rec.ExpectError)
		case len(f.Expected) == 0:
			ew.printf("  expected: no events\n")
		default:
			more := ""
			if rec.Partial {
				more = " (and possibly more)"
			}
			ew.printf("  expected: %s%s\n", joinCodings(f.Expected), more)
		}
		if len(f.Got) == 0 {
			ew.printf("  got:      no events\n")
		} else {
			ew.printf("  got:      %s\n", joinCodings(f.Got))
		}
		for _, c := range f.Missing {
			ew.printf("  - %s\n", c)
		}
		for _, c := range f.Extra {
			ew.printf("  + %s\n", c)
		}
		if f.Err != nil {
			ew.printf("  error:    %v\n", f.Err)
		}
	}
	return ew.err
}

// nonEmpty returns the strings that are not empty.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func joinCodings(cs []Coding) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return strings.Join(parts, "; ")
}

// reportJSON is the JSON form of a Report.
type reportJSON struct {
	Suite      string            `json:"suite"`
	From       string            `json:"from"`
	Records    int               `json:"records"`
	Passed     int               `json:"passed"`
	ByCategory map[string][2]int `json:"by_category"`
	Precision  float64           `json:"precision"`
	Recall     float64           `json:"recall"`
}

// MarshalJSON encodes the summary of the report on one line:
// {"suite","from","records","passed","by_category":{"DEMO":[passed,total],
// ...},"precision","recall"}, the ratios rounded to four places. Failures
// are left out.
func (r Report) MarshalJSON() ([]byte, error) {
	by := r.ByCategory
	if by == nil {
		by = map[string][2]int{}
	}
	round := func(x float64) float64 { return math.Round(x*1e4) / 1e4 }
	return json.Marshal(reportJSON{Suite: r.Suite, From: r.From, Records: r.Records, Passed: r.Passed,
		ByCategory: by, Precision: round(r.Precision), Recall: round(r.Recall)})
}

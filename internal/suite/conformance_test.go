package suite

import (
	"os"
	"path/filepath"
	"testing"
)

// conformance is where the peers' suites live, relative to this package.
const conformance = "../../../shared/conformance"

func conformanceFile(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(conformance, rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("conformance data not found at %s (it lives outside the repo): %v", p, err)
	}
	return p
}

// counts tallies the records of a suite.
type counts struct {
	records, valid, noEvents, expected int
	skips                              map[string]int
}

func count(s *Suite) counts {
	c := counts{skips: map[string]int{}}
	for _, r := range s.Records {
		c.records++
		if !r.Valid {
			c.skips[r.Skip]++
			continue
		}
		c.valid++
		if r.NoEvents {
			c.noEvents++
		}
		c.expected += len(r.Expect)
	}
	return c
}

// TestConformancePetrarch reads PETRARCH's unit-test suite: 281 records,
// 276 of them valid, as its README says. One <EventCoding> (in the invalid
// COMPOUND-28) is commented out with '#', and is reported as a warning.
func TestConformancePetrarch(t *testing.T) {
	s, err := Load(conformanceFile(t, "petrarch/PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	c := count(s)
	if c.records != 281 || c.valid != 276 || c.skips[`valid="false"`] != 5 {
		t.Errorf("counts = %+v, want 281 records, 276 valid", c)
	}
	if len(s.Warnings) != 1 {
		t.Errorf("warnings = %v", problemStrings(s.Warnings))
	}
	if s.Dicts == nil || s.Dicts.Verbs == nil || s.Dicts.Actors == nil || s.Dicts.Agents == nil || s.Dicts.Discards == nil {
		t.Errorf("dictionaries not all loaded: %+v", s.Dicts)
	}
	t.Logf("%+v", c)
}

// TestConformanceTabari reads TABARI's validation suite as TABARI reads it:
// 481 records, of which 472 come before FINAL-01. The README's 475 and 467
// count only the records with a six-digit date (through FINAL-01); TABARI
// also reads ACTORSYN-01 (date "9501201", read as 950120) and the five
// YYYY-* records read under SET: YYYY = TRUE. Of the 472, 23 are switch
// records ({ OPTION: ... }) and 5 check nothing (-{...}), leaving 444
// valid records.
func TestConformanceTabari(t *testing.T) {
	s, err := Load(conformanceFile(t, "tabari/Validate.project"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	c := count(s)
	before := 0
	for _, r := range s.Records {
		if r.ID == tabariEnd {
			break
		}
		before++
	}
	if c.records != 481 || before != 472 || c.valid != 444 {
		t.Errorf("counts = %+v, %d before FINAL-01; want 481 records, 472 before FINAL-01, 444 valid", c, before)
	}
	if c.skips["switch record (OPTION)"] != 23 || c.skips["checks nothing (-{...})"] != 5 {
		t.Errorf("skips = %v", c.skips)
	}
	if s.Dicts == nil || s.Dicts.Verbs == nil || s.Dicts.Actors == nil || s.Dicts.Options == nil {
		t.Errorf("dictionaries not all loaded: %+v", s.Dicts)
	}
	for _, w := range s.Warnings {
		t.Logf("%s", w)
	}
	t.Logf("%+v", c)
}

// Package suite reads the peers' validation suites — PETRARCH's unit-test
// records (XML) and TABARI's validation text — into one form, and scores
// an event coder on them.
//
// A suite is a list of records: a dated sentence, its expected events as
// (source, target, code) triples or the expectation that nothing is coded,
// and the coder switches in force at that record. Score runs a coder over
// every valid record and compares, per record, the set of events coded with
// the set expected; codes are compared as strings ("064", "174L").
//
// The suites' own parse trees (PETRARCH's <Parse>) are never read: a coder
// is given the record's text.
//
// Reading never stops at the first bad record: every problem is collected
// as a dictfile.Problem naming "file:line", and Load returns the suite read
// together with an error wrapping *dictfile.Error. Records the peers' own
// readers tolerate but that look wrong are read their way and listed in
// Suite.Warnings.
package suite

import (
	"bytes"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"

	"dyad/internal/dictfile"
)

// Coding is one event: source and target actor codes and the event code,
// as the suite writes them (PETRARCH's new actors keep their double quotes:
// `"INJURY TOLL"`).
type Coding struct{ Source, Target, Code string }

// String formats the coding as "SOURCE TARGET CODE".
func (c Coding) String() string { return c.Source + " " + c.Target + " " + c.Code }

// Record is one test record of a suite.
type Record struct {
	ID       string
	Category string // PETRARCH's category; for TABARI the letters that start the ID ("DEMO-01" → "DEMO")
	Date     time.Time
	Text     string // the sentence, lines joined with single blanks (TABARI's /* ... */ comments removed)
	// Valid says the record is scored. Skip says why it is not: PETRARCH's
	// valid="false" or a record after a <Stop>; for TABARI a record after
	// the standard ones (from FINAL-01 on), a switch record ({ OPTION: ...
	// }), a record that checks nothing (its first expectation is "-{"), a
	// record with no expectation or with a bad date.
	Valid bool
	Skip  string
	// Expect is the set of events expected. It is empty when NoEvents is
	// set, and may be empty otherwise (the peers then expect no events too).
	Expect []Coding
	// NoEvents says nothing must be coded: PETRARCH's noevents and error
	// expectations, TABARI's {---}, {+++} and {###}.
	NoEvents bool
	// ExpectError names the kind of rejection expected, when the suite
	// names one: PETRARCH's error="..." (dateline, bad_input_parse,
	// storydiscard, sentencediscard), TABARI's "complex" ({+++}) and
	// "discard" ({###}). Such a record also passes when the coder returns
	// an error for it.
	ExpectError string
	// Partial says Expect need not be all that is coded: a TABARI record
	// whose expectations go on with a "-{ ... }" block, after which TABARI
	// checks nothing more.
	Partial bool
	// Config holds the switches in force at this record: the suite's
	// global ones (PETRARCH's <Environment> <Config>, the options of a
	// TABARI project), then every switch before the record in file order.
	// A record's own TABARI OPTION switches apply from the next record on,
	// as in TABARI. Records may share one map: do not modify it.
	Config map[string]string
	Pos    string // "file:line" of the record's start
}

// Suite is a validation suite read by Load.
type Suite struct {
	Name   string // the file's base name
	Path   string
	Format string // "petrarch" or "tabari"
	// Dicts are the dictionaries the suite runs with, or nil when they
	// could not be read.
	Dicts *dictfile.Set
	// Options holds the suite's global settings: for PETRARCH the text of
	// each <Environment> element by lower-case tag ("verbfile", "include",
	// ...) and its <Config> switches; for TABARI the switches of the
	// project's options file (see Record.Config).
	Options map[string]string
	Records []Record
	// Warnings lists records read the peers' way that look wrong.
	Warnings []dictfile.Problem
}

// The suite formats.
const (
	FormatPetrarch = "petrarch"
	FormatTabari   = "tabari"
)

// Load reads a suite: a PETRARCH unit-test .xml file, with the dictionaries
// its <Environment> names (relative to the file), or a TABARI .project
// file, with its dictionaries and options and the records of its
// <textfile>s. Other names are read as PETRARCH XML when they start with
// '<'.
//
// Of a TABARI suite only the standard records, those before FINAL-01, are
// Valid; FINAL-01 itself and the records after it need other settings or
// were used for debugging TABARI. A TABARI record is read as TABARI reads
// it: a line starting with a digit after a blank line starts a record, whose
// date has six digits (eight after SET: YYYY = TRUE), and the record runs to
// the next empty line.
//
// On data errors (in the suite or its dictionaries) Load returns the Suite
// read and an error wrapping *dictfile.Error with every problem; when the
// suite file cannot be read it returns nil and the error.
func Load(path string) (*Suite, error) {
	const op = "load suite"
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	s := &Suite{Name: filepath.Base(path), Path: path, Options: map[string]string{}}
	var ps problems
	switch ext := strings.ToLower(filepath.Ext(path)); {
	case ext == ".project":
		s.Format = FormatTabari
		if err := s.loadTabari(path, data, &ps); err != nil {
			return nil, fmt.Errorf("%s %s: %w", op, path, err)
		}
	case ext == ".xml" || bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF"))), []byte("<")):
		s.Format = FormatPetrarch
		s.loadPetrarch(path, data, &ps)
	default:
		return nil, fmt.Errorf("%s %s: not a PETRARCH .xml or TABARI .project file", op, path)
	}
	s.Warnings = ps.warns
	if len(ps.errs) > 0 {
		return s, fmt.Errorf("%s %s: %w", op, path, &dictfile.Error{Problems: ps.errs})
	}
	return s, nil
}

// problems collects the errors and warnings met while a suite is read.
type problems struct {
	errs  []dictfile.Problem
	warns []dictfile.Problem
}

func (ps *problems) errorf(file string, line int, format string, args ...any) {
	ps.errs = append(ps.errs, dictfile.Problem{Pos: dictfile.Pos{File: file, Line: line}, Msg: fmt.Sprintf(format, args...)})
}

func (ps *problems) warnf(file string, line int, format string, args ...any) {
	ps.warns = append(ps.warns, dictfile.Problem{Pos: dictfile.Pos{File: file, Line: line}, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// dictErr adds the problems of loading dictionaries: data problems as they
// are, any other error at the place that named the dictionaries.
func (ps *problems) dictErr(err error, file string, line int) {
	if err == nil {
		return
	}
	var de *dictfile.Error
	if errors.As(err, &de) {
		ps.errs = append(ps.errs, de.Problems...)
		return
	}
	ps.errorf(file, line, "cannot load the dictionaries: %v", err)
}

// switches is the map of switches in force, copied on write so that the
// records that saw an earlier state keep it.
type switches struct {
	m      map[string]string
	shared bool // m has been handed to a record
}

func (sw *switches) set(k, v string) {
	if sw.m == nil || sw.shared {
		sw.m = maps.Clone(sw.m)
		if sw.m == nil {
			sw.m = map[string]string{}
		}
		sw.shared = false
	}
	sw.m[k] = v
}

// now returns the map in force, to be kept by a record.
func (sw *switches) now() map[string]string {
	if sw.m == nil {
		sw.m = map[string]string{}
	}
	sw.shared = true
	return sw.m
}

// pos formats a record position.
func pos(file string, line int) string { return fmt.Sprintf("%s:%d", file, line) }

package dictfile

import (
	"fmt"
	"strconv"
	"strings"
)

// Pos is the place of an entry or a problem: a file name as given to the
// parser and a 1-based line number.
type Pos struct {
	File string
	Line int
}

// String formats the position as "file:line".
func (p Pos) String() string {
	return p.File + ":" + strconv.Itoa(p.Line)
}

// Problem is one malformed or suspicious line.
type Problem struct {
	Pos
	Msg string
	// Warning marks a line that the peers' readers tolerate (usually by
	// skipping it); it does not make the dictionary invalid.
	Warning bool
}

// Error formats the problem as "file:line: message" (with "warning: " before
// the message for warnings).
func (p Problem) Error() string {
	if p.Warning {
		return p.Pos.String() + ": warning: " + p.Msg
	}
	return p.Pos.String() + ": " + p.Msg
}

// Error is the list of all errors found in one or more dictionary files. It
// is returned only when the list is not empty.
type Error struct {
	Problems []Problem
}

// Error joins every problem, one per line.
func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap returns the problems as errors, so errors.As finds a Problem.
func (e *Error) Unwrap() []error {
	out := make([]error, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p
	}
	return out
}

// problems collects errors and warnings while a file is read.
type problems struct {
	errs  []Problem
	warns []Problem
}

func (ps *problems) errorf(pos Pos, format string, args ...any) {
	ps.errs = append(ps.errs, Problem{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func (ps *problems) warnf(pos Pos, format string, args ...any) {
	ps.warns = append(ps.warns, Problem{Pos: pos, Msg: fmt.Sprintf(format, args...), Warning: true})
}

// err returns the collected errors as an *Error, or nil when there are none.
func (ps *problems) err() error {
	if len(ps.errs) == 0 {
		return nil
	}
	return &Error{Problems: ps.errs}
}

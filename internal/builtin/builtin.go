// Package builtin provides dyad's built-in event dictionaries: the
// PETRARCH-format verbs, actors, agents and discards written for dyad and
// embedded from dict/petrarch, so that dyad codes news without dictionaries
// of its users.
package builtin

import (
	"fmt"

	"dyad/dict"
	"dyad/internal/dictfile"
)

// Dir is the directory of the built-in dictionaries in dict.FS.
const Dir = "petrarch"

// Dictionaries loads and validates the built-in dictionaries in full. Every
// data error is reported as file:line in the returned error (which wraps a
// *dictfile.Error); a warning is an error too, since the built-ins are
// written to load cleanly.
func Dictionaries() (*dictfile.Set, error) {
	set, err := dictfile.LoadPetrarchFS(dict.FS, Dir)
	if err != nil {
		return nil, fmt.Errorf("built-in dictionaries: %w", err)
	}
	if len(set.Warnings) > 0 {
		return nil, fmt.Errorf("built-in dictionaries: %w", &dictfile.Error{Problems: set.Warnings})
	}
	if set.Verbs == nil || set.Actors == nil || set.Agents == nil || set.Discards == nil {
		return nil, fmt.Errorf("built-in dictionaries: %s lacks a verbs, actors, agents or discards file", Dir)
	}
	return set, nil
}

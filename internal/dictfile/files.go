package dictfile

import (
	"fmt"
	"strings"
)

// LoadFiles loads exactly the files given, by kind, into one Set: verbs,
// actors, agents, discards and issues files, each list merged in order as
// LoadPetrarch merges them. Empty names are skipped. Every data error of
// every file is gathered: on data errors LoadFiles returns the Set read so
// far and an error wrapping *Error; when a file cannot be read it returns
// nil and that error.
func LoadFiles(verbs, actors, agents, discards, issues []string) (*Set, error) {
	const op = "load dictionary files"
	ld := &loader{}
	var names []string
	for _, group := range []struct {
		paths []string
		kind  Kind
	}{
		{verbs, VerbsKind},
		{actors, ActorsKind},
		{agents, AgentsKind},
		{discards, DiscardsKind},
		{issues, IssuesKind},
	} {
		for _, p := range group.paths {
			if p == "" {
				continue
			}
			names = append(names, p)
			ld.add(ld.read(p, group.kind))
		}
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no files given", op)
	}
	return ld.result(op, strings.Join(names, ", "))
}

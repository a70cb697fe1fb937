package dictfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Set is a complete set of dictionaries for one coder run. Entries from
// several files of one kind are merged in file order; each keeps its Pos.
type Set struct {
	Verbs    *Verbs
	Actors   *Actors
	Agents   *Agents
	Discards *Discards
	Issues   *Issues
	// Options is set for a TABARI project that names an options file.
	Options *Options
	// Files lists every file read, in order.
	Files []string
	// Warnings gathers the warnings of every file.
	Warnings []Problem
}

// Kind is a kind of dictionary file.
type Kind uint8

// The kinds of files this package reads.
const (
	UnknownKind Kind = iota
	VerbsKind
	ActorsKind
	AgentsKind
	DiscardsKind
	IssuesKind
	ProjectKind
	OptionsKind
	ConfigKind
)

var kindText = [...]string{"unknown", "verbs", "actors", "agents", "discards", "issues", "project", "options", "config"}

// String names the kind.
func (k Kind) String() string {
	if int(k) < len(kindText) {
		return kindText[k]
	}
	return "unknown"
}

// KindOf guesses the kind of a file from its name, as the peers name them:
// "*.verbs", "*verbs*.txt" or "CAMEO*.txt" are verbs, "*.actors" or
// "*actors*" actors, and so on; "*.project", "*.options" and "*.ini".
func KindOf(path string) Kind {
	base := strings.ToLower(filepath.Base(path))
	ext := filepath.Ext(base)
	switch ext {
	case ".project":
		return ProjectKind
	case ".options":
		return OptionsKind
	case ".ini":
		return ConfigKind
	}
	switch {
	case strings.Contains(base, "verbs") || strings.HasPrefix(base, "cameo") && ext == ".txt":
		return VerbsKind
	case strings.Contains(base, "actors"):
		return ActorsKind
	case strings.Contains(base, "agents"):
		return AgentsKind
	case strings.Contains(base, "discard"):
		return DiscardsKind
	case strings.Contains(base, "issue"):
		return IssuesKind
	}
	return UnknownKind
}

// loader reads files into a Set and gathers every problem.
type loader struct {
	set  Set
	errs []Problem
	// ioErr is the first error that is not a data error (a missing file).
	ioErr error
}

func (ld *loader) read(path string, kind Kind) any {
	f, err := os.Open(path)
	if err != nil {
		if ld.ioErr == nil {
			ld.ioErr = err
		}
		return nil
	}
	defer f.Close()
	return ld.parse(path, kind, f)
}

// parse reads one opened file of the given kind, keeping its problems.
func (ld *loader) parse(name string, kind Kind, r io.Reader) any {
	ld.set.Files = append(ld.set.Files, name)
	v, warns, err := parseKind(name, kind, r)
	ld.set.Warnings = append(ld.set.Warnings, warns...)
	var de *Error
	switch {
	case errors.As(err, &de):
		ld.errs = append(ld.errs, de.Problems...)
	case err != nil && ld.ioErr == nil:
		ld.ioErr = err
	}
	return v
}

// parseKind parses r as a file of the given kind.
func parseKind(name string, kind Kind, r io.Reader) (any, []Problem, error) {
	switch kind {
	case VerbsKind:
		v, err := ParseVerbs(name, r)
		if v == nil {
			return nil, nil, err
		}
		return v, v.Warnings, err
	case ActorsKind:
		v, err := ParseActors(name, r)
		if v == nil {
			return nil, nil, err
		}
		return v, v.Warnings, err
	case AgentsKind:
		v, err := ParseAgents(name, r)
		if v == nil {
			return nil, nil, err
		}
		return v, v.Warnings, err
	case DiscardsKind:
		v, err := ParseDiscards(name, r)
		if v == nil {
			return nil, nil, err
		}
		return v, v.Warnings, err
	case IssuesKind:
		v, err := ParseIssues(name, r)
		if v == nil {
			return nil, nil, err
		}
		return v, v.Warnings, err
	case ProjectKind:
		v, err := ParseTabariProject(name, r)
		if v == nil {
			return nil, nil, err
		}
		return v, v.Warnings, err
	case OptionsKind:
		v, err := ParseTabariOptions(name, r)
		if v == nil {
			return nil, nil, err
		}
		return v, v.Warnings, err
	case ConfigKind:
		v, err := ParseConfig(name, r)
		if v == nil {
			return nil, nil, err
		}
		return v, v.Warnings, err
	}
	return nil, nil, fmt.Errorf("%s: unknown kind of dictionary file", name)
}

// add merges a parsed file into the set.
func (ld *loader) add(v any) {
	s := &ld.set
	switch d := v.(type) {
	case *Verbs:
		if s.Verbs == nil {
			s.Verbs = d
			return
		}
		// synsets of a later file are looked up after the earlier ones
		for _, syn := range d.Synsets {
			if _, dup := s.Verbs.synsets[syn.Name]; !dup {
				s.Verbs.synsets[syn.Name] = len(s.Verbs.Synsets)
			}
			s.Verbs.Synsets = append(s.Verbs.Synsets, syn)
		}
		s.Verbs.Blocks = append(s.Verbs.Blocks, d.Blocks...)
		s.Verbs.Times = append(s.Verbs.Times, d.Times...)
		s.Verbs.Transformations = append(s.Verbs.Transformations, d.Transformations...)
		s.Verbs.Warnings = append(s.Verbs.Warnings, d.Warnings...)
	case *Actors:
		if s.Actors == nil {
			s.Actors = d
			return
		}
		s.Actors.Entries = append(s.Actors.Entries, d.Entries...)
		s.Actors.Nouns = append(s.Actors.Nouns, d.Nouns...)
		s.Actors.Adjectives = append(s.Actors.Adjectives, d.Adjectives...)
		s.Actors.Warnings = append(s.Actors.Warnings, d.Warnings...)
	case *Agents:
		if s.Agents == nil {
			s.Agents = d
			return
		}
		s.Agents.Entries = append(s.Agents.Entries, d.Entries...)
		s.Agents.Markers = append(s.Agents.Markers, d.Markers...)
		s.Agents.Warnings = append(s.Agents.Warnings, d.Warnings...)
	case *Discards:
		if s.Discards == nil {
			s.Discards = d
			return
		}
		s.Discards.Entries = append(s.Discards.Entries, d.Entries...)
		s.Discards.Warnings = append(s.Discards.Warnings, d.Warnings...)
	case *Issues:
		if s.Issues == nil {
			s.Issues = d
			return
		}
		s.Issues.Entries = append(s.Issues.Entries, d.Entries...)
		s.Issues.Categories = append(s.Issues.Categories, d.Categories...)
		s.Issues.Warnings = append(s.Issues.Warnings, d.Warnings...)
	case *Options:
		s.Options = d
	}
}

func (ld *loader) result(op, path string) (*Set, error) {
	if ld.ioErr != nil {
		return nil, fmt.Errorf("%s %s: %w", op, path, ld.ioErr)
	}
	if len(ld.errs) > 0 {
		return &ld.set, fmt.Errorf("%s %s: %w", op, path, &Error{Problems: ld.errs})
	}
	return &ld.set, nil
}

// LoadPetrarch loads a PETRARCH dictionary set from a config .ini file
// (PETR_config.ini), or from a directory: its config .ini when it holds
// exactly one, else every file whose name says its kind (see KindOf). On
// data errors it returns the Set read so far and an error wrapping *Error.
func LoadPetrarch(path string) (*Set, error) {
	const op = "load petrarch dictionaries"
	ld := &loader{}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	config := path
	if fi.IsDir() {
		inis, err := filepath.Glob(filepath.Join(path, "*.ini"))
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", op, path, err)
		}
		if len(inis) != 1 {
			return ld.loadDir(op, path)
		}
		config = inis[0]
	}
	c, _ := ld.read(config, ConfigKind).(*Config)
	if c == nil {
		return ld.result(op, path)
	}
	dir := filepath.Dir(config)
	load := func(name string, kind Kind) {
		if name != "" {
			ld.add(ld.read(filepath.Join(dir, name), kind))
		}
	}
	load(c.VerbFile, VerbsKind)
	for _, a := range c.ActorFiles {
		load(a, ActorsKind)
	}
	load(c.AgentFile, AgentsKind)
	load(c.DiscardFile, DiscardsKind)
	load(c.IssueFile, IssuesKind)
	return ld.result(op, path)
}

// loadDir reads every dictionary file of a directory in name order.
func (ld *loader) loadDir(op, dir string) (*Set, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", op, dir, err)
	}
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	for _, n := range names {
		switch k := KindOf(n); k {
		case VerbsKind, ActorsKind, AgentsKind, DiscardsKind, IssuesKind:
			ld.add(ld.read(filepath.Join(dir, n), k))
		}
	}
	return ld.result(op, dir)
}

// LoadTabariProject loads the dictionaries a TABARI .project file names
// (actors, verbs, agents, options), resolved against the project's
// directory.
func LoadTabariProject(path string) (*Set, error) {
	const op = "load tabari project"
	ld := &loader{}
	p, _ := ld.read(path, ProjectKind).(*Project)
	if p == nil {
		return ld.result(op, path)
	}
	dir := filepath.Dir(path)
	for _, f := range p.Verbs {
		ld.add(ld.read(filepath.Join(dir, f), VerbsKind))
	}
	for _, f := range p.Actors {
		ld.add(ld.read(filepath.Join(dir, f), ActorsKind))
	}
	for _, f := range p.Agents {
		ld.add(ld.read(filepath.Join(dir, f), AgentsKind))
	}
	for _, f := range p.Options {
		ld.add(ld.read(filepath.Join(dir, f), OptionsKind))
	}
	return ld.result(op, path)
}

// Check loads whatever path is: a directory (as LoadPetrarch), a PETRARCH
// .ini, a TABARI .project, or a single dictionary file of a kind KindOf
// recognises. It returns the warnings and an error wrapping *Error with
// every data error, or another error when a file cannot be read.
func Check(path string) ([]Problem, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("check dictionaries: %w", err)
	}
	var set *Set
	switch k := KindOf(path); {
	case fi.IsDir() || k == ConfigKind:
		set, err = LoadPetrarch(path)
	case k == ProjectKind:
		set, err = LoadTabariProject(path)
	case k == UnknownKind:
		return nil, fmt.Errorf("check dictionaries %s: cannot tell the kind of file from its name", path)
	default:
		ld := &loader{}
		ld.add(ld.read(path, k))
		set, err = ld.result("check dictionaries", path)
	}
	if set == nil {
		return nil, err
	}
	return set.Warnings, err
}

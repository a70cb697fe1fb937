package dictfile

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
)

// LoadPetrarchFS loads a PETRARCH dictionary directory from fsys, as
// LoadPetrarch loads one from disk: the directory's config .ini when it
// holds exactly one, else every file whose name says its kind (see KindOf),
// in name order. dir is a slash-separated path in fsys ("." for its root).
// Every Pos names the file by its path in fsys. On data errors it returns
// the Set read so far and an error wrapping *Error.
func LoadPetrarchFS(fsys fs.FS, dir string) (*Set, error) {
	const op = "load petrarch dictionaries"
	ld := &loader{}
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", op, dir, err)
	}
	var names, inis []string
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		names = append(names, e.Name())
		if KindOf(e.Name()) == ConfigKind {
			inis = append(inis, e.Name())
		}
	}
	if len(inis) == 1 {
		c, _ := ld.readFS(fsys, path.Join(dir, inis[0]), ConfigKind).(*Config)
		if c == nil {
			return ld.result(op, dir)
		}
		load := func(name string, kind Kind) {
			if name != "" {
				ld.add(ld.readFS(fsys, path.Join(dir, name), kind))
			}
		}
		load(c.VerbFile, VerbsKind)
		for _, a := range c.ActorFiles {
			load(a, ActorsKind)
		}
		load(c.AgentFile, AgentsKind)
		load(c.DiscardFile, DiscardsKind)
		load(c.IssueFile, IssuesKind)
		return ld.result(op, dir)
	}
	slices.Sort(names)
	for _, n := range names {
		switch k := KindOf(n); k {
		case VerbsKind, ActorsKind, AgentsKind, DiscardsKind, IssuesKind:
			ld.add(ld.readFS(fsys, path.Join(dir, n), k))
		}
	}
	return ld.result(op, dir)
}

// readFS is read for a file of fsys.
func (ld *loader) readFS(fsys fs.FS, name string, kind Kind) any {
	f, err := fsys.Open(name)
	if err != nil {
		if ld.ioErr == nil {
			ld.ioErr = err
		}
		return nil
	}
	defer f.Close()
	return ld.parse(name, kind, f)
}

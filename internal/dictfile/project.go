package dictfile

import (
	"io"
	"strings"
)

// Project is a TABARI .project file: which dictionaries and texts a run
// uses. File names are as written, relative to the project's directory.
type Project struct {
	// Title is the free text on the first line.
	Title   string
	Actors  []string
	Verbs   []string
	Agents  []string
	Options []string
	Texts   []string
	// Files holds every <tag> value line by tag in lower case, including
	// the ones above and eventfile, errorfile, problemfile, coder.
	Files map[string][]string
	// Sessions counts the <session ...> history lines.
	Sessions int
	// Pos maps a tag to the line where it first appears.
	Pos      map[string]Pos
	Warnings []Problem
}

// ParseTabariProject reads a TABARI .project file.
func ParseTabariProject(name string, r io.Reader) (*Project, error) {
	src, err := readAll(name, r)
	if err != nil {
		return nil, err
	}
	p := Project{Files: map[string][]string{}, Pos: map[string]Pos{}}
	var ps problems
	n := 0
	for rest := src; rest != ""; {
		var raw string
		raw, rest, _ = strings.Cut(rest, "\n")
		n++
		pos := Pos{File: name, Line: n}
		t := strings.TrimSpace(strings.TrimSuffix(raw, "\r"))
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "<") {
			if n == 1 || p.Title == "" && len(p.Files) == 0 {
				p.Title = t
				continue
			}
			ps.errorf(pos, "line must start with a <tag>")
			continue
		}
		end := strings.IndexByte(t, '>')
		if end < 0 {
			ps.errorf(pos, "missing '>'")
			continue
		}
		tag := strings.ToLower(strings.TrimSpace(t[1:end]))
		val := strings.TrimSpace(t[end+1:])
		if strings.HasPrefix(tag, "session") {
			p.Sessions++
			continue
		}
		if tag == "" || strings.ContainsAny(tag, " \t") {
			ps.errorf(pos, "bad tag %s", quote(t[:end+1]))
			continue
		}
		if val == "" {
			ps.errorf(pos, "<%s> has no value", tag)
			continue
		}
		p.Files[tag] = append(p.Files[tag], val)
		if _, ok := p.Pos[tag]; !ok {
			p.Pos[tag] = pos
		}
		switch tag {
		case "actorsfile":
			p.Actors = append(p.Actors, val)
		case "verbsfile":
			p.Verbs = append(p.Verbs, val)
		case "agentsfile":
			p.Agents = append(p.Agents, val)
		case "optionsfile":
			p.Options = append(p.Options, val)
		case "textfile":
			p.Texts = append(p.Texts, val)
		}
	}
	if len(p.Actors) == 0 && len(p.Verbs) == 0 && ps.err() == nil {
		ps.errorf(Pos{File: name, Line: 1}, "project names no <actorsfile> or <verbsfile>")
	}
	p.Warnings = ps.warns
	return &p, ps.err()
}

// Options is a TABARI .options file: "COMMAND: arguments" lines.
type Options struct {
	Commands []Option
	// Labels maps a code to its label from "LABEL: code=text".
	Labels map[string]string
	// Sets maps an upper-case key to its value from "SET: KEY = VALUE"
	// (a bare "SET: KEY" gets "TRUE").
	Sets     map[string]string
	Warnings []Problem
}

// Option is one command line of an options file.
type Option struct {
	// Name is the command in upper case: COMPLEX, SET, OUTPUT, FORWARD,
	// LABEL, ...
	Name string
	Args string
	Pos  Pos
}

// ParseTabariOptions reads a TABARI .options file. "//" starts a comment
// and a line of "~~" ends the file.
func ParseTabariOptions(name string, r io.Reader) (*Options, error) {
	src, err := readAll(name, r)
	if err != nil {
		return nil, err
	}
	o := Options{Labels: map[string]string{}, Sets: map[string]string{}}
	var ps problems
	n := 0
	for rest := src; rest != ""; {
		var raw string
		raw, rest, _ = strings.Cut(rest, "\n")
		n++
		pos := Pos{File: name, Line: n}
		t := strings.TrimSuffix(raw, "\r")
		if i := strings.Index(t, "//"); i >= 0 {
			t = t[:i]
		}
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "~~") {
			break
		}
		cmd, args, ok := strings.Cut(t, ":")
		cmd = strings.ToUpper(strings.TrimSpace(cmd))
		args = strings.TrimSpace(args)
		if !ok || cmd == "" || strings.ContainsAny(cmd, " \t") {
			ps.errorf(pos, "line must be COMMAND: arguments")
			continue
		}
		switch cmd {
		case "LABEL":
			k, v, ok := strings.Cut(args, "=")
			if !ok || strings.TrimSpace(k) == "" {
				ps.errorf(pos, "LABEL must be code=text")
				continue
			}
			o.Labels[strings.TrimSpace(k)] = strings.TrimSpace(v)
		case "SET":
			k, v, ok := strings.Cut(args, "=")
			k = strings.ToUpper(strings.Join(strings.Fields(k), " "))
			if k == "" {
				ps.errorf(pos, "SET needs a key")
				continue
			}
			if !ok {
				v = "TRUE"
			}
			o.Sets[k] = strings.TrimSpace(v)
		}
		o.Commands = append(o.Commands, Option{Name: cmd, Args: args, Pos: pos})
	}
	o.Warnings = ps.warns
	return &o, ps.err()
}

// Config is a PETRARCH config .ini file. File names are as written,
// relative to the directory PETRARCH runs in (dyad resolves them against
// the config file's directory).
type Config struct {
	VerbFile    string
	ActorFiles  []string
	AgentFile   string
	DiscardFile string
	IssueFile   string
	// Sections maps a section name to its keys (lower case) and values,
	// continuation lines joined with a blank.
	Sections map[string]map[string]string
	Pos      map[string]Pos // "section.key" → where the key is set
	Warnings []Problem
}

// ParseConfig reads a PETRARCH config .ini in the rules of Python's
// ConfigParser: [section] headers, "key = value" or "key: value", lines
// starting with '#' or ';' are comments, indented lines continue a value.
func ParseConfig(name string, r io.Reader) (*Config, error) {
	src, err := readAll(name, r)
	if err != nil {
		return nil, err
	}
	c := Config{Sections: map[string]map[string]string{}, Pos: map[string]Pos{}}
	var (
		ps      problems
		section string
		lastKey string
		seen    = map[string]Pos{}
	)
	n := 0
	for rest := src; rest != ""; {
		var raw string
		raw, rest, _ = strings.Cut(rest, "\n")
		n++
		pos := Pos{File: name, Line: n}
		raw = strings.TrimSuffix(raw, "\r")
		t := strings.TrimSpace(raw)
		if t == "" || t[0] == '#' || t[0] == ';' {
			if t == "" {
				lastKey = ""
			}
			continue
		}
		if raw[0] == ' ' || raw[0] == '\t' {
			if lastKey == "" {
				ps.errorf(pos, "indented line continues no value")
				continue
			}
			m := c.Sections[section]
			m[lastKey] = strings.TrimSpace(m[lastKey] + " " + t)
			continue
		}
		if t[0] == '[' {
			if !strings.HasSuffix(t, "]") || len(t) < 3 {
				ps.errorf(pos, "bad section header %s", quote(t))
				section, lastKey = "", ""
				continue
			}
			section, lastKey = strings.TrimSpace(t[1:len(t)-1]), ""
			if p, dup := seen[section]; dup {
				ps.errorf(pos, "section [%s] already opened at %s", section, p)
			} else {
				seen[section] = pos
				c.Sections[section] = map[string]string{}
			}
			continue
		}
		if section == "" {
			ps.errorf(pos, "key outside a [section]")
			continue
		}
		i := strings.IndexAny(t, "=:")
		if i <= 0 {
			ps.errorf(pos, "line must be key = value")
			continue
		}
		key := strings.ToLower(strings.TrimSpace(t[:i]))
		val := strings.TrimSpace(t[i+1:])
		if p, dup := c.Pos[section+"."+key]; dup {
			ps.errorf(pos, "key %s already set at %s", key, p)
			continue
		}
		c.Sections[section][key] = val
		c.Pos[section+"."+key] = pos
		lastKey = key
	}
	d := c.Sections["Dictionaries"]
	c.VerbFile = d["verbfile_name"]
	c.AgentFile = d["agentfile_name"]
	c.DiscardFile = d["discardfile_name"]
	c.IssueFile = d["issuefile_name"]
	for _, f := range strings.Split(d["actorfile_list"], ",") {
		if f = strings.TrimSpace(f); f != "" {
			c.ActorFiles = append(c.ActorFiles, f)
		}
	}
	if ps.err() == nil {
		end := Pos{File: name, Line: lineCount(src)}
		if d == nil {
			ps.errorf(end, "no [Dictionaries] section")
		} else {
			if c.VerbFile == "" {
				ps.errorf(end, "[Dictionaries] has no verbfile_name")
			}
			if len(c.ActorFiles) == 0 {
				ps.errorf(end, "[Dictionaries] has no actorfile_list")
			}
		}
	}
	c.Warnings = ps.warns
	return &c, ps.err()
}

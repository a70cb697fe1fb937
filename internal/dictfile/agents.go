package dictfile

import (
	"io"
	"strings"
)

// Agents is an agent dictionary: phrases such as "FOREIGN_MINISTER" whose
// code is combined with the code of a nearby actor.
type Agents struct {
	Entries []Agent
	// Markers are the substitution sets "!PERSON! = MAN, MEN, ...".
	Markers  []Marker
	Warnings []Problem
}

// Marker is a substitution set: every use of !Name! in an agent phrase
// stands for each of Values in turn.
type Marker struct {
	Name   string
	Values []string
	Pos    Pos
}

// Agent is one agent phrase with its code. A line that uses a substitution
// marker yields one Agent per value, all with the line's Pos.
type Agent struct {
	Phrase Phrase
	// Plurals are the plural forms written in {...}; HasPlurals is set when
	// a {...} was written (an empty one means "no plural") or the phrase came
	// from a substitution marker. Otherwise the plural is regular
	// (RegularPlural of the last word).
	Plurals    []Phrase
	HasPlurals bool
	// Code is the agent code without its '~', e.g. "GOV".
	Code string
	// Append is true for "[~GOV]" (the code goes after the actor's code) and
	// false for "[NGO~]" (it goes before).
	Append bool
	// Template is the phrase as written when it used a !MARKER!.
	Template string
	Pos      Pos
}

// Forms returns the phrase and its plural forms. A generated regular plural
// keeps the Raw text of the singular.
func (a Agent) Forms() []Phrase {
	out := []Phrase{a.Phrase}
	if a.HasPlurals {
		return append(out, a.Plurals...)
	}
	n := len(a.Phrase.Words)
	if n == 0 {
		return out
	}
	p := a.Phrase
	p.Words = append(append([]string(nil), p.Words[:n-1]...), RegularPlural(p.Words[n-1]))
	return append(out, p)
}

// ParseAgents reads an agent dictionary. name is recorded in every Pos.
func ParseAgents(name string, r io.Reader) (*Agents, error) {
	src, err := readAll(name, r)
	if err != nil {
		return nil, err
	}
	var (
		a       Agents
		ps      problems
		markers = map[string][]string{}
	)
	sc := newScanner(name, src, &ps)
	for {
		l, ok := sc.next()
		if !ok {
			break
		}
		t := strings.TrimSpace(l.text)
		if strings.HasPrefix(t, "~~") || strings.HasPrefix(t, "---STOP---") {
			break
		}
		if t[0] == '!' && strings.Contains(t, "=") {
			m, msg := parseMarker(t)
			if msg != "" {
				ps.errorf(l.pos, "substitution set: %s", msg)
				continue
			}
			m.Pos = l.pos
			markers[m.Name] = m.Values
			a.Markers = append(a.Markers, m)
			continue
		}
		head, blocks, tail, msg := splitCodes(t)
		if msg == "missing ']'" && strings.HasSuffix(t, "}") && strings.Count(t, "[") == 1 {
			// "[~ENV}": PETRARCH reads the code up to the end of the line
			ps.warnf(l.pos, "code block closed with '}'; read as if with ']'")
			head, blocks, tail, msg = splitCodes(t[:len(t)-1] + "]")
		}
		if msg == "" && tail != "" {
			msg = "text after code block: " + quote(tail)
		}
		if msg != "" {
			ps.errorf(l.pos, "%s", msg)
			continue
		}
		if len(blocks) == 0 {
			ps.warnf(l.pos, "agent %s has no [code]; PETRARCH skips it and so does dyad", quote(strings.TrimSpace(head)))
			continue
		}
		if len(blocks) > 1 {
			ps.errorf(l.pos, "agent has %d codes", len(blocks))
			continue
		}
		ag := Agent{Pos: l.pos}
		code := strings.TrimSpace(blocks[0])
		switch {
		case len(code) > 1 && code[0] == '~' && !strings.ContainsAny(code[1:], "~ \t"):
			ag.Code, ag.Append = code[1:], true
		case len(code) > 1 && code[len(code)-1] == '~' && !strings.ContainsAny(code[:len(code)-1], "~ \t"):
			ag.Code = code[:len(code)-1]
		default:
			ps.errorf(l.pos, "agent code [%s] must be [~CODE] or [CODE~]", code)
			continue
		}
		phrase := head
		if i := strings.IndexByte(head, '{'); i >= 0 {
			j := strings.IndexByte(head, '}')
			if j < i {
				ps.errorf(l.pos, "missing '}'")
				continue
			}
			if strings.TrimSpace(head[j+1:]) != "" {
				ps.errorf(l.pos, "text after '}'")
				continue
			}
			phrase = head[:i]
			ag.HasPlurals = true
			if pl := strings.TrimSpace(head[i+1 : j]); pl != "" {
				ag.Plurals = append(ag.Plurals, parsePhrase(pl))
			}
		} else if strings.IndexByte(head, '}') >= 0 {
			ps.errorf(l.pos, "'}' without '{'")
			continue
		}
		phrase = strings.TrimSpace(phrase)
		if phrase == "" {
			ps.errorf(l.pos, "agent has no phrase")
			continue
		}
		if !strings.Contains(phrase, "!") {
			ag.Phrase = parsePhrase(phrase)
			a.Entries = append(a.Entries, ag)
			continue
		}
		expanded, msg := expandMarkers(phrase, markers, 0)
		if msg != "" {
			ps.errorf(l.pos, "%s", msg)
			continue
		}
		ag.Template, ag.HasPlurals = phrase, true
		for _, e := range expanded {
			ag.Phrase = parsePhrase(e)
			a.Entries = append(a.Entries, ag)
		}
	}
	a.Warnings = ps.warns
	return &a, ps.err()
}

func parseMarker(t string) (Marker, string) {
	lhs, rhs, _ := strings.Cut(t, "=")
	lhs = strings.TrimSpace(lhs)
	if len(lhs) < 3 || lhs[len(lhs)-1] != '!' || strings.Count(lhs, "!") != 2 {
		return Marker{}, "marker must be written !NAME!"
	}
	m := Marker{Name: upper(lhs[1 : len(lhs)-1])}
	for _, v := range strings.Split(rhs, ",") {
		v = strings.TrimSpace(v)
		if v == "" {
			return Marker{}, "empty value in list"
		}
		m.Values = append(m.Values, upper(v))
	}
	return m, ""
}

// expandMarkers replaces every !NAME! in s by each of its values.
func expandMarkers(s string, markers map[string][]string, depth int) ([]string, string) {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}, ""
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return nil, "substitution marker " + quote(s[i:]) + " has no closing '!'"
	}
	name := upper(s[i+1 : i+1+j])
	vals, ok := markers[name]
	if !ok {
		return nil, "substitution marker !" + name + "! is not defined"
	}
	if depth > 8 {
		return nil, "too many substitution markers"
	}
	var out []string
	for _, v := range vals {
		more, msg := expandMarkers(s[:i]+v+s[i+2+j:], markers, depth+1)
		if msg != "" {
			return nil, msg
		}
		out = append(out, more...)
	}
	return out, ""
}

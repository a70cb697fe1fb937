package dictfile

import (
	"io"
	"strings"
)

// Issues is a PETRARCH issue-coding file: phrases grouped in <ISSUE ...>
// sections, each with an issue code, plus exclusion phrases.
type Issues struct {
	Entries    []Issue
	Categories []IssueCategory
	Warnings   []Problem
}

// IssueCategory is an <ISSUE CATEGORY="..." TYPE="..."> section.
type IssueCategory struct {
	Name string
	Type string
	Pos  Pos
}

// Exclusion marks an issue phrase that cancels issue coding.
type Exclusion uint8

// The kinds of issue phrases.
const (
	// Include is an ordinary phrase with a code.
	Include Exclusion = iota
	// ExcludeSentence is "~phrase": no issues from a sentence holding it.
	ExcludeSentence
	// ExcludeStory is "~~phrase": no issues from a story holding it.
	ExcludeStory
)

// Issue is one phrase of an issue file.
type Issue struct {
	// Phrase is the phrase in upper case as written, with its expansion
	// markers "N:" (noun: singular and plural), "V:" (regular verb forms)
	// and "+" (a blank or a hyphen); Forms expands them.
	Phrase string
	// Code is the issue code; it is empty for exclusions and for phrases
	// without a code in a TYPE="COUNTEVENT" section.
	Code     string
	Category string
	Type     string
	Exclude  Exclusion
	Pos      Pos
}

// Forms returns every string the phrase stands for, expanding "+" to a
// blank and a hyphen, "N:word" to the word and its regular plural and
// "V:word" to the word and its regular S, ED and ING forms.
func (is Issue) Forms() []string {
	forms := []string{is.Phrase}
	for changed := true; changed; {
		changed = false
		var next []string
		for _, f := range forms {
			switch {
			case strings.Contains(f, "+"):
				next = append(next, strings.Replace(f, "+", " ", 1), strings.Replace(f, "+", "-", 1))
				changed = true
			case strings.Contains(f, "N:"):
				pre, word, post := splitMarker(f, "N:")
				next = append(next, pre+word+post, pre+RegularPlural(word)+post)
				changed = true
			case strings.Contains(f, "V:"):
				pre, word, post := splitMarker(f, "V:")
				next = append(next, pre+word+post)
				for _, v := range RegularVerbForms(word) {
					next = append(next, pre+v+post)
				}
				changed = true
			default:
				next = append(next, f)
			}
		}
		forms = next
	}
	return forms
}

// splitMarker splits f around the word that follows marker.
func splitMarker(f, marker string) (pre, word, post string) {
	i := strings.Index(f, marker)
	pre, rest := f[:i], f[i+len(marker):]
	j := strings.IndexAny(rest, " -")
	if j < 0 {
		return pre, rest, ""
	}
	return pre, rest[:j], rest[j:]
}

// ParseIssues reads an issue file. name is recorded in every Pos.
func ParseIssues(name string, r io.Reader) (*Issues, error) {
	src, err := readAll(name, r)
	if err != nil {
		return nil, err
	}
	var (
		is   Issues
		ps   problems
		cur  *IssueCategory
		open Pos
	)
	sc := newScanner(name, src, &ps)
	sc.semicolon = false
	for {
		l, ok := sc.next()
		if !ok {
			break
		}
		t := strings.TrimSpace(l.text)
		if strings.HasPrefix(t, "<") {
			switch {
			case strings.EqualFold(t, "</ISSUE>"):
				if cur == nil {
					// PETRARCH does not read the tags at all
					ps.warnf(l.pos, "</ISSUE> without <ISSUE>")
				}
				cur = nil
			case strings.HasPrefix(strings.ToUpper(t), "<ISSUE ") && strings.HasSuffix(t, ">"):
				if cur != nil {
					ps.errorf(l.pos, "<ISSUE> inside the section opened at %s", open)
				}
				c := IssueCategory{Pos: l.pos}
				var msg string
				c.Name, c.Type, msg = issueAttrs(t[len("<ISSUE ") : len(t)-1])
				if msg != "" {
					ps.errorf(l.pos, "%s", msg)
					cur = nil
					continue
				}
				is.Categories = append(is.Categories, c)
				cur, open = &is.Categories[len(is.Categories)-1], l.pos
			default:
				ps.errorf(l.pos, "unknown tag %s", quote(t))
			}
			continue
		}
		e := Issue{Pos: l.pos}
		if cur != nil {
			e.Category, e.Type = cur.Name, cur.Type
		}
		switch {
		case strings.HasPrefix(t, "~~"):
			e.Exclude, t = ExcludeStory, t[2:]
		case strings.HasPrefix(t, "~"):
			e.Exclude, t = ExcludeSentence, t[1:]
		}
		head, blocks, tail, msg := splitCodes(t)
		if msg == "" && tail != "" {
			ps.warnf(l.pos, "text after the code ignored, as PETRARCH does: %s", quote(tail))
		}
		switch {
		case msg != "":
			ps.errorf(l.pos, "%s", msg)
			continue
		case len(blocks) > 1:
			ps.warnf(l.pos, "issue has %d codes; PETRARCH uses the first", len(blocks))
			fallthrough
		case len(blocks) == 1:
			e.Code = strings.TrimSpace(blocks[0])
			if e.Code == "" {
				ps.errorf(l.pos, "empty code []")
				continue
			}
		case e.Exclude == Include && !strings.EqualFold(e.Type, "COUNTEVENT"):
			ps.warnf(l.pos, "issue phrase %s has no [code]; PETRARCH ignores it and so does dyad", quote(strings.TrimSpace(head)))
			continue
		}
		e.Phrase = strings.Join(strings.Fields(upper(head)), " ")
		if e.Phrase == "" {
			ps.errorf(l.pos, "issue has no phrase")
			continue
		}
		for _, w := range strings.Fields(e.Phrase) {
			if strings.HasSuffix(w, "N:") || strings.HasSuffix(w, "V:") {
				msg = "marker without a word in " + quote(w)
				break
			}
			if strings.HasPrefix(w, "+") || strings.HasSuffix(w, "+") {
				ps.warnf(l.pos, "'+' at the edge of %s joins nothing", quote(w))
			}
		}
		if msg != "" {
			ps.errorf(l.pos, "%s", msg)
			continue
		}
		is.Entries = append(is.Entries, e)
	}
	if cur != nil {
		ps.errorf(open, "<ISSUE> section is never closed")
	}
	is.Warnings = ps.warns
	return &is, ps.err()
}

// issueAttrs reads CATEGORY="..." TYPE="...".
func issueAttrs(s string) (cat, typ, msg string) {
	for {
		s = strings.TrimSpace(s)
		if s == "" {
			break
		}
		key, rest, ok := strings.Cut(s, "=")
		rest = strings.TrimSpace(rest)
		if !ok || !strings.HasPrefix(rest, "\"") {
			return "", "", "attributes must be written KEY=\"value\""
		}
		end := strings.IndexByte(rest[1:], '"')
		if end < 0 {
			return "", "", "missing '\"'"
		}
		val := rest[1 : 1+end]
		switch strings.ToUpper(strings.TrimSpace(key)) {
		case "CATEGORY":
			cat = val
		case "TYPE":
			typ = val
		default:
			return "", "", "unknown attribute " + quote(key)
		}
		s = rest[2+end:]
	}
	if cat == "" {
		return "", "", "<ISSUE> needs CATEGORY=\"...\""
	}
	return cat, typ, ""
}

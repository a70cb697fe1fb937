package dictfile

import (
	"io"
	"strings"
)

// Discards is a discard list: phrases that, when found, stop a sentence
// (or with '+', a whole story) from being coded.
type Discards struct {
	Entries  []Discard
	Warnings []Problem
}

// Discard is one phrase of a discard list.
type Discard struct {
	Phrase Phrase
	// Story is set for '+' lines: discard the whole story.
	Story bool
	// Code is an optional TABARI-style code written after the phrase,
	// e.g. "###".
	Code string
	Pos  Pos
}

// ParseDiscards reads a discard list. name is recorded in every Pos.
func ParseDiscards(name string, r io.Reader) (*Discards, error) {
	src, err := readAll(name, r)
	if err != nil {
		return nil, err
	}
	var (
		d  Discards
		ps problems
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
		e := Discard{Pos: l.pos}
		if t[0] == '+' {
			e.Story, t = true, t[1:]
		}
		head, blocks, tail, msg := splitCodes(t)
		if msg == "" && tail != "" {
			msg = "text after code block: " + quote(tail)
		}
		switch {
		case msg != "":
			ps.errorf(l.pos, "%s", msg)
			continue
		case len(blocks) > 1:
			ps.errorf(l.pos, "discard has %d codes", len(blocks))
			continue
		case len(blocks) == 1:
			e.Code = strings.TrimSpace(blocks[0])
			if e.Code == "" {
				ps.errorf(l.pos, "empty code []")
				continue
			}
		}
		e.Phrase = parsePhrase(head)
		if len(e.Phrase.Words) == 0 {
			ps.errorf(l.pos, "discard has no phrase")
			continue
		}
		d.Entries = append(d.Entries, e)
	}
	d.Warnings = ps.warns
	return &d, ps.err()
}

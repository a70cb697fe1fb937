package coder

import (
	"fmt"
	"strings"
	"time"

	"dyad/internal/dictfile"
	"dyad/news"
)

// Explanation says why one sentence was coded as it was: its chunks, the
// actor and agent phrases found with the dictionary lines that matched, the
// verbs and patterns tried and the events coded.
type Explanation struct {
	Sentence int
	Text     string
	Chunks   []string
	Actors   []FoundPhrase
	Verbs    []VerbTrial
	Notes    []string
	Events   []news.Event
}

// FoundPhrase is an actor, agent or null actor found in the sentence.
type FoundPhrase struct {
	Kind string // actor, agent or null actor
	Text string
	Span news.Span
	Code string
	Rule string // file:line of the dictionary entry
}

// VerbTrial is one dictionary verb found and what came of it.
type VerbTrial struct {
	Text     string
	Span     news.Span
	Rule     string // file:line of the verb entry
	Patterns []patternTry
	Outcome  string
}

// patternTry is one pattern tried on a verb.
type patternTry struct {
	Rule, Pattern, Code string
	Matched             bool
}

// Explain codes one sentence as Code would (without the story-level
// switches) and reports every step.
func (c *Coder) Explain(text string, s news.Sentence, sentence int, date time.Time) Explanation {
	ex := Explanation{Sentence: sentence}
	if s.Span.In(len(text)) {
		ex.Text = text[s.Span[0]:s.Span[1]]
	}
	for _, ch := range s.Chunks {
		if ch.Span.In(len(text)) {
			ex.Chunks = append(ex.Chunks, fmt.Sprintf("[%s %s]", ch.Kind, text[ch.Span[0]:ch.Span[1]]))
		}
	}
	st := c.analyse(text, &s, dictfile.MakeDate(date), nil, &ex)
	for _, e := range st.events {
		e.Sentence = sentence
		ex.Events = append(ex.Events, e)
	}
	return ex
}

func (ex *Explanation) addMention(st *state, m mention) {
	sp := st.span(m.first, m.last)
	f := FoundPhrase{Text: st.text[sp[0]:sp[1]], Span: sp, Code: m.code, Rule: m.pos.String(), Kind: "actor"}
	switch {
	case m.kind == kindAgent:
		f.Kind = "agent"
		if m.agent.Append {
			f.Code = "~" + m.agent.Code
		} else {
			f.Code = m.agent.Code + "~"
		}
	case m.null:
		f.Kind = "null actor"
	}
	ex.Actors = append(ex.Actors, f)
}

func (ex *Explanation) addVerb(st *state, h verbHit, outcome string) {
	ex.addVerbTried(st, h, nil, outcome)
}

func (ex *Explanation) addVerbTried(st *state, h verbHit, tried []patternTry, outcome string) {
	sp := st.span(h.first, h.last)
	v := &st.c.ix.set.Verbs.Blocks[h.cand.block].Verbs[h.cand.verb]
	ex.Verbs = append(ex.Verbs, VerbTrial{Text: st.text[sp[0]:sp[1]], Span: sp, Rule: v.Pos.String(), Patterns: tried, Outcome: outcome})
}

// String prints the explanation for people.
func (ex Explanation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "sentence %d: %s\n", ex.Sentence, ex.Text)
	if len(ex.Chunks) > 0 {
		fmt.Fprintf(&b, "chunks: %s\n", strings.Join(ex.Chunks, " "))
	}
	for _, n := range ex.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	for _, a := range ex.Actors {
		fmt.Fprintf(&b, "%s %q %v → %s (%s)\n", a.Kind, a.Text, a.Span, a.Code, a.Rule)
	}
	for _, v := range ex.Verbs {
		fmt.Fprintf(&b, "verb %q %v (%s): %s\n", v.Text, v.Span, v.Rule, v.Outcome)
		for _, p := range v.Patterns {
			mark := "no match"
			if p.Matched {
				mark = "MATCH"
			}
			fmt.Fprintf(&b, "  pattern %s [%s] (%s): %s\n", p.Pattern, p.Code, p.Rule, mark)
		}
	}
	if len(ex.Events) == 0 {
		b.WriteString("no events\n")
	}
	for _, e := range ex.Events {
		fmt.Fprintf(&b, "event %s → %s %s (%s, %s, confidence %.2f)\n", actorText(e.Source), actorText(e.Target), e.Code, e.Rule, e.Modality, e.Confidence)
	}
	return b.String()
}

func actorText(a *news.EventActor) string {
	if a == nil {
		return "-"
	}
	if a.Text == "" {
		return a.Code
	}
	return fmt.Sprintf("%s %q", a.Code, a.Text)
}

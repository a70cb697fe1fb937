package news

import "fmt"

// SpanErrors checks every span of d against d.Text: in bounds, and where the
// annotation records its text, text[start:end] equals it. Blocks must be
// ordered and non-overlapping, sentences must lie inside their block and
// tokens inside their sentence. It returns one message per problem.
func (d Document) SpanErrors() []string {
	var errs []string
	n := len(d.Text)
	bad := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	check := func(what string, s Span, want string, hasText bool) {
		if !s.In(n) {
			bad("%s: span %v outside text of %d bytes", what, s, n)
			return
		}
		if hasText && s.Text(d.Text) != want {
			bad("%s: text[%d:%d] = %q, want %q", what, s[0], s[1], s.Text(d.Text), want)
		}
	}
	prev := 0
	for i, b := range d.Blocks {
		check(fmt.Sprintf("block %d", i), b.Span, "", false)
		if b.Span[0] < prev {
			bad("block %d: span %v overlaps or precedes the block before it", i, b.Span)
		}
		prev = b.Span[1]
	}
	for i, s := range d.Sentences {
		what := fmt.Sprintf("sentence %d", i)
		check(what, s.Span, "", false)
		if s.Block < 0 || s.Block >= len(d.Blocks) {
			bad("%s: block %d does not exist", what, s.Block)
		} else if b := d.Blocks[s.Block].Span; s.Span[0] < b[0] || s.Span[1] > b[1] {
			bad("%s: span %v outside its block %v", what, s.Span, b)
		}
		for j, t := range s.Tokens {
			check(fmt.Sprintf("%s token %d", what, j), t.Span, t.Text, true)
			if t.Span[0] < s.Span[0] || t.Span[1] > s.Span[1] {
				bad("%s token %d: span %v outside its sentence", what, j, t.Span)
			}
		}
		for j, c := range s.Chunks {
			check(fmt.Sprintf("%s chunk %d", what, j), c.Span, "", false)
			if c.First < 0 || c.First >= c.Last || c.Last > len(s.Tokens) || c.Head < c.First || c.Head >= c.Last {
				bad("%s chunk %d: token range [%d,%d) head %d invalid for %d tokens", what, j, c.First, c.Last, c.Head, len(s.Tokens))
			}
		}
	}
	for i, e := range d.Entities {
		check(fmt.Sprintf("entity %d", i), e.Span, e.Text, true)
	}
	for i, p := range d.Places {
		check(fmt.Sprintf("place %d", i), p.Span, p.Text, true)
	}
	for i, t := range d.Times {
		check(fmt.Sprintf("time %d", i), t.Span, t.Text, true)
	}
	for i, q := range d.Quotes {
		check(fmt.Sprintf("quote %d", i), q.Span, q.Text, true)
		if q.SpeakerSpan != nil {
			check(fmt.Sprintf("quote %d speaker", i), *q.SpeakerSpan, "", false)
		}
	}
	for i, e := range d.Events {
		what := fmt.Sprintf("event %d", i)
		if e.Sentence < 0 || e.Sentence >= len(d.Sentences) {
			bad("%s: sentence %d does not exist", what, e.Sentence)
		}
		if e.Source != nil {
			check(what+" source", e.Source.Span, e.Source.Text, true)
		}
		if e.Target != nil {
			check(what+" target", e.Target.Span, e.Target.Text, true)
		}
		if e.Verb != nil {
			check(what+" verb", e.Verb.Span, e.Verb.Text, true)
		}
	}
	return errs
}

// Package validate runs dyad's coder on the peers' validation suites from
// each record's text alone (their parse trees are never read) and scores it.
package validate

import (
	"fmt"

	"dyad/internal/coder"
	"dyad/internal/nlp"
	"dyad/internal/suite"
	"dyad/news"
)

// Run codes every valid record of s with the suite's own dictionaries and
// switches and returns the score. The Report's From is "text".
func Run(s *suite.Suite, an *nlp.Analyzer) (suite.Report, error) {
	if s.Dicts == nil {
		return suite.Report{}, fmt.Errorf("validate %s: the suite's dictionaries did not load", s.Path)
	}
	// Every record's Config already holds the suite's global switches.
	c, err := coder.New(s.Dicts, coder.DefaultOptions())
	if err != nil {
		return suite.Report{}, fmt.Errorf("validate %s: %w", s.Path, err)
	}
	rep := s.Score(func(r suite.Record) ([]suite.Coding, error) { return CodeRecord(c, an, r) })
	rep.From = "text"
	return rep, nil
}

// CodeRecord codes one suite record from its text, as one paragraph, with the
// switches in force at that record. A missing actor is written "---", as the
// peers write it.
func CodeRecord(c *coder.Coder, an *nlp.Analyzer, r suite.Record) ([]suite.Coding, error) {
	o, err := c.Options().With(r.Config)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.Pos, err)
	}
	text := r.Text
	sents := an.Sentences(text, []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}})
	var out []suite.Coding
	for _, e := range c.WithOptions(o).Code(text, sents, r.Date) {
		k := suite.Coding{Source: "---", Target: "---", Code: e.Code}
		if e.Source != nil {
			k.Source = e.Source.Code
		}
		if e.Target != nil {
			k.Target = e.Target.Code
		}
		out = append(out, k)
	}
	return out, nil
}

// Package validate runs dyad's coder on the peers' validation suites from
// each record's text alone (their parse trees are never read) and scores it.
package validate

import (
	"fmt"
	"strings"

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
	opts := coder.DefaultOptions()
	if s.Format == suite.FormatTabari {
		// TABARI does not look for negation: a negated verb codes as
		// any other unless a pattern says otherwise
		opts.Negation = coder.NegationIgnore
	}
	c, err := coder.New(s.Dicts, opts)
	if err != nil {
		return suite.Report{}, fmt.Errorf("validate %s: %w", s.Path, err)
	}
	// TABARI's FORWARD carries an antecedent for pronouns from one record
	// to the next of the same story
	var carry *coder.Antecedent
	story := ""
	rep := s.Score(func(r suite.Record) ([]suite.Coding, error) {
		key := storyKey(r)
		var from *coder.Antecedent
		if key != "" && key == story {
			from = carry
		}
		out, next, err := codeRecord(c, an, r, from)
		carry, story = next, key
		return out, err
	})
	rep.From = "text"
	return rep, nil
}

// storyKey returns the story a record belongs to under TABARI's FORWARD
// switch, or "" when the switch is off. The switch's mask lays over the
// record's ID: its N characters are the story number, its S characters
// the sentence number, '*' any character; the leading '^' characters are
// not part of the ID. A mask that does not fit the ID makes each ID its
// own story.
func storyKey(r suite.Record) string {
	v := strings.Fields(strings.ToUpper(r.Config["FORWARD"]))
	if len(v) == 0 || len(v) > 1 && v[len(v)-1] == "OFF" || v[0] == "OFF" {
		return ""
	}
	mask := strings.TrimLeft(v[0], "^")
	if len(mask) != len(r.ID) {
		return r.ID
	}
	var key strings.Builder
	for i := 0; i < len(mask); i++ {
		if mask[i] != 'S' {
			key.WriteByte(r.ID[i])
		}
	}
	return key.String()
}

// CodeRecord codes one suite record from its text, as one paragraph, with the
// switches in force at that record. A missing actor is written "---", as the
// peers write it.
func CodeRecord(c *coder.Coder, an *nlp.Analyzer, r suite.Record) ([]suite.Coding, error) {
	out, _, err := codeRecord(c, an, r, nil)
	return out, err
}

// codeRecord is CodeRecord with the antecedent carried from the story's
// previous record; it returns the one to carry to the next.
func codeRecord(c *coder.Coder, an *nlp.Analyzer, r suite.Record, from *coder.Antecedent) ([]suite.Coding, *coder.Antecedent, error) {
	o, err := c.Options().With(r.Config)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", r.Pos, err)
	}
	text := r.Text
	sents := an.Sentences(text, []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}})
	var out []suite.Coding
	evs, next := c.WithOptions(o).CodeFrom(text, sents, r.Date, from)
	for _, e := range evs {
		k := suite.Coding{Source: "---", Target: "---", Code: e.Code}
		if e.Source != nil {
			k.Source = e.Source.Code
		}
		if e.Target != nil {
			k.Target = e.Target.Code
		}
		out = append(out, k)
	}
	return out, next, nil
}

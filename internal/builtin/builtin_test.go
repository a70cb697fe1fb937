package builtin

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"dyad/internal/coder"
	"dyad/internal/nlp"
	"dyad/news"
)

func TestDictionariesLoadCleanly(t *testing.T) {
	set, err := Dictionaries()
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Warnings) > 0 {
		t.Fatalf("warnings: %v", set.Warnings)
	}
	nverbs, npat := 0, 0
	for _, b := range set.Verbs.Blocks {
		nverbs += len(b.Verbs)
		npat += len(b.Patterns)
	}
	nact := 0
	for _, a := range set.Actors.Entries {
		nact += 1 + len(a.Synonyms)
	}
	t.Logf("files %v: %d verb blocks, %d verbs, %d patterns, %d synsets; %d actor entries (%d phrases); %d agents; %d discards",
		set.Files, len(set.Verbs.Blocks), nverbs, npat, len(set.Verbs.Synsets), len(set.Actors.Entries), nact, len(set.Agents.Entries), len(set.Discards.Entries))
	for _, want := range []int{nverbs, npat, nact, len(set.Agents.Entries), len(set.Discards.Entries)} {
		if want == 0 {
			t.Errorf("an empty dictionary")
		}
	}
}

var (
	once   sync.Once
	tcoder *coder.Coder
	tan    *nlp.Analyzer
	terr   error
)

func setup(t testing.TB) (*coder.Coder, *nlp.Analyzer) {
	t.Helper()
	once.Do(func() {
		set, err := Dictionaries()
		if err != nil {
			terr = err
			return
		}
		tcoder, terr = coder.New(set, coder.DefaultOptions())
		if terr != nil {
			return
		}
		tan, terr = nlp.New()
	})
	if terr != nil {
		t.Fatal(terr)
	}
	return tcoder, tan
}

// code codes one text and returns its events as sorted "SRC TGT CODE"
// triples.
func code(t testing.TB, text string) []string {
	c, an := setup(t)
	ss := an.Sentences(text, []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}})
	evs := c.Code(text, ss, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	out := []string{}
	for _, e := range evs {
		s, g := "-", "-"
		if e.Source != nil {
			s = e.Source.Code
		}
		if e.Target != nil {
			g = e.Target.Code
		}
		out = append(out, fmt.Sprintf("%s %s %s", s, g, e.Code))
	}
	slices.Sort(out)
	return out
}

// A row is one sentence and the events the built-in dictionaries must code
// from it, as "SOURCE TARGET CODE" triples; an empty want means nothing.
//
// An agent with no actor in reach ("Police arrested ...") codes as "---"
// and the agent ("---COP"): the coder does not guess a country from the
// place of the story; the later named-entity and geo stages may fill it.
type row struct {
	text string
	want []string
}

func TestSentences(t *testing.T) {
	pass := 0
	for _, r := range sentenceTable {
		got := code(t, r.text)
		want := slices.Clone(r.want)
		if want == nil {
			want = []string{}
		}
		slices.Sort(want)
		if slices.Equal(got, want) {
			pass++
			continue
		}
		t.Logf("%q\n\tgot  %s\n\twant %s", r.text, strings.Join(got, "; "), strings.Join(want, "; "))
	}
	rate := float64(pass) / float64(len(sentenceTable))
	t.Logf("sentences: %d of %d coded as expected (%.1f%%)", pass, len(sentenceTable), 100*rate)
	if len(sentenceTable) < 120 {
		t.Errorf("only %d sentences in the table", len(sentenceTable))
	}
	if rate < passFloor {
		t.Errorf("pass rate %.3f below the floor %.3f", rate, passFloor)
	}
}

// passFloor is the share of sentenceTable reached with the dictionaries as
// written (178 of 182); raise it as they improve. The known misses: the
// tagger reads "IS fighters attacked" and "army shot" as nouns; "troops
// from Lebanon" joins the agent to the actor; the coder codes a negated
// verb with a compound subject ("did not sign").
const passFloor = 0.97

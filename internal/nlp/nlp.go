// Package nlp splits text into sentences and tokens with byte spans, tags
// parts of speech and chunks noun, verb and prepositional phrases. No
// third-party NLP type leaves this package.
//
// Tokens follow Penn Treebank conventions: punctuation is split off,
// contractions and possessives are split ("do" "n't", "Nice" "'s"), while
// abbreviations ("U.S.", "Gen."), initials, numbers ("1,000", "3.5",
// "12:30", "2016-07-15") and hyphenated compounds ("U.S.-backed") stay
// whole. Every token's Text is text[Span[0]:Span[1]].
//
// Tags come from an averaged-perceptron tagger that uses the trained
// weights shipped with github.com/jdkato/prose/v2, reimplemented here for
// speed (hashed features, no allocation per token). Tokens are shown to the
// model in the form it was trained on: opening and closing quotation marks
// become the Treebank quote tokens (two backquotes, two apostrophes) and get
// those as tags, dashes become "--" (tag ":"), ellipses "..." (tag ":").
package nlp

import (
	"fmt"
	"sync"

	"dyad/news"
)

// Analyzer holds the loaded tagging model. It is safe for concurrent use;
// build it once with New and reuse it.
type Analyzer struct {
	m *model
	// scratch holds *scratch for Sentences to reuse from call to call,
	// which saves most of its allocations on short articles.
	scratch sync.Pool
}

// New loads the tagging model.
func New() (*Analyzer, error) {
	wts, tags, classes, err := loadProseModel()
	if err != nil {
		return nil, fmt.Errorf("nlp: %w", err)
	}
	m, err := newModel(wts, tags, classes)
	if err != nil {
		return nil, fmt.Errorf("nlp: %w", err)
	}
	return &Analyzer{m: m}, nil
}

// scratch is the per-call working memory, reused from block to block and
// sentence to sentence.
type scratch struct {
	toks   []tok
	bounds []int
	words  []string
	norms  []norm
	tags   []string
}

// grow makes room for the tagger's view of n tokens. Sentences calls it
// with a block's token count, which bounds every sentence of the block.
func (sc *scratch) grow(n int) {
	if cap(sc.words) < n {
		sc.words = make([]string, n)
		sc.norms = make([]norm, n)
		sc.tags = make([]string, n)
	}
}

// Sentences splits each block of text into sentences, tokenised, tagged and chunked.
// Sentences never cross a block boundary; Sentence.Block is the block's
// index. Blocks are expected in text order without overlap; a part of a
// block that lies before the end of an earlier block, or outside the text,
// is skipped, so sentences always come out in order and disjoint. Sentence
// spans exclude surrounding white space. Tokens and Chunks of different
// sentences share backing arrays but are capped, so appending to one never
// changes another.
func (a *Analyzer) Sentences(text string, blocks []news.Block) []news.Sentence {
	type ranges struct{ t0, t1, c0, c1 int }
	sc, _ := a.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	defer a.scratch.Put(sc)
	allToks := make([]news.Token, 0, len(text)/5+1)
	chunks := make([]news.Chunk, 0, len(text)/10+1)
	out := make([]news.Sentence, 0, len(text)/120+1)
	rs := make([]ranges, 0, cap(out))
	done := 0 // text before this offset is taken by earlier blocks
	for bi, b := range blocks {
		lo, hi := max(b.Span[0], done, 0), min(b.Span[1], len(text))
		if lo >= hi {
			continue
		}
		done = hi
		sc.toks = tokenize(text, lo, hi, sc.toks[:0])
		sc.bounds = splitBlock(text, sc.toks, sc.bounds[:0])
		sc.grow(len(sc.toks))
		first := 0
		for _, end := range sc.bounds {
			ts := sc.toks[first:end]
			first = end
			if len(ts) == 0 {
				continue
			}
			t0 := len(allToks)
			for _, t := range ts {
				allToks = append(allToks, news.Token{Text: text[t.start:t.end], Span: news.Span{t.start, t.end}})
			}
			a.tagSentence(text, ts, allToks[t0:], sc)
			c0 := len(chunks)
			chunks = appendChunks(chunks, allToks[t0:])
			out = append(out, news.Sentence{Span: news.Span{ts[0].start, ts[len(ts)-1].end}, Block: bi})
			rs = append(rs, ranges{t0, len(allToks), c0, len(chunks)})
		}
	}
	for i, r := range rs {
		out[i].Tokens = allToks[r.t0:r.t1:r.t1]
		if r.c1 > r.c0 {
			out[i].Chunks = chunks[r.c0:r.c1:r.c1]
		}
	}
	return out
}

// tagSentence sets the Tag of each of tokens, the news form of ts.
func (a *Analyzer) tagSentence(text string, ts []tok, tokens []news.Token, sc *scratch) {
	n := len(ts)
	sc.grow(n)
	words, norms, tags := sc.words[:n], sc.norms[:n], sc.tags[:n]
	for i, t := range ts {
		w := modelWord(text[t.start:t.end], t.kind)
		words[i] = w
		norms[i] = normalize(w)
	}
	a.m.tag(words, norms, tags)
	for i := range tokens {
		tokens[i].Tag = tags[i]
	}
}

// Tokenize splits s into tokens without tags; spans are offsets into s.
// It needs no model.
func Tokenize(s string) []news.Token {
	ts := tokenize(s, 0, len(s), nil)
	out := make([]news.Token, len(ts))
	for i, t := range ts {
		out[i] = news.Token{Text: s[t.start:t.end], Span: news.Span{t.start, t.end}}
	}
	return out
}

// Tokens tokenises and tags s as a single sentence (a title, a phrase from a
// dictionary); spans are offsets into s.
func (a *Analyzer) Tokens(s string) []news.Token {
	var sc scratch
	ts := tokenize(s, 0, len(s), nil)
	out := make([]news.Token, len(ts))
	for i, t := range ts {
		out[i] = news.Token{Text: s[t.start:t.end], Span: news.Span{t.start, t.end}}
	}
	a.tagSentence(s, ts, out, &sc)
	return out
}

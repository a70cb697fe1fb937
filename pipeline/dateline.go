package pipeline

import (
	"strings"

	"dyad/internal/nlp"
	"dyad/news"
)

// codingSentences returns the sentences the coder reads: doc.Sentences,
// except that the sentence opening with the dateline loses the dateline's
// tokens ("VIENNA, Austria, June 12 (AFP) -"), which say where a story was
// filed, not who acted. The document's own sentences are not changed.
func codingSentences(doc news.Document) []news.Sentence {
	if doc.Dateline == "" {
		return doc.Sentences
	}
	for i, s := range doc.Sentences {
		if !strings.HasPrefix(s.Span.Text(doc.Text), doc.Dateline) {
			continue
		}
		cut := datelineEnd(s.Tokens)
		if cut <= 0 || cut >= len(s.Tokens) {
			return doc.Sentences
		}
		out := append([]news.Sentence(nil), doc.Sentences...)
		toks := s.Tokens[cut:]
		out[i].Tokens = toks
		out[i].Chunks = nlp.Chunk(toks)
		out[i].Span = news.Span{toks[0].Span[0], s.Span[1]}
		return out
	}
	return doc.Sentences
}

// datelineEnd is the index of the first token after the dash or colon that
// closes a dateline, or 0 when none closes it within its first tokens.
func datelineEnd(toks []news.Token) int {
	for i, t := range toks {
		if i >= 16 {
			break
		}
		switch t.Text {
		case "-", "--", "—", "–", ":":
			return i + 1
		}
	}
	return 0
}

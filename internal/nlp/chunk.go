package nlp

import "dyad/news"

// Chunk finds flat, non-overlapping phrases in tagged tokens, left to right:
//
//   - NP: a personal pronoun (PRP), or an optional PDT, an optional
//     determiner (DT, PRP$, WP$), then modifiers and nouns (JJ*, CD, $, NN*,
//     and VBN/VBG before a noun or adjective), where a possessive POS after a
//     noun continues the phrase ("Russia 's foreign minister" is one NP).
//     The head is the last noun, else the last number, adjective or token.
//   - VP: MD? RB* VB* with adverbs and further verbs inside ("has not been
//     attacked"), "to" before a base verb ("to meet"), and a particle (RP)
//     after the verb. The head is the last verb (the main verb), else MD.
//   - PP: the preposition alone (IN, or TO not before a verb) when a noun
//     phrase follows; that noun phrase is its own NP chunk right after it,
//     so chunks never nest. The head is the preposition.
//
// Tokens that fit none of these (punctuation, conjunctions, lone adverbs)
// are left outside chunks. The result is nil when nothing is found.
func Chunk(tokens []news.Token) []news.Chunk {
	return appendChunks(nil, tokens)
}

func isNounTag(t string) bool { return t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" }

func isAdjTag(t string) bool { return t == "JJ" || t == "JJR" || t == "JJS" }

func isVerbTag(t string) bool {
	return len(t) >= 2 && t[0] == 'V' && t[1] == 'B'
}

func isAdvTag(t string) bool { return t == "RB" || t == "RBR" || t == "RBS" }

// startsNP reports whether a noun phrase can start with tag t.
func startsNP(t string) bool {
	switch t {
	case "PDT", "DT", "PRP$", "WP$", "CD", "$", "PRP":
		return true
	}
	return isNounTag(t) || isAdjTag(t)
}

// appendChunks appends the chunks of tokens to out.
func appendChunks(out []news.Chunk, tokens []news.Token) []news.Chunk {
	n := len(tokens)
	tag := func(k int) string {
		if k < 0 || k >= n {
			return ""
		}
		return tokens[k].Tag
	}
	mk := func(kind news.ChunkKind, first, last, head int) news.Chunk {
		return news.Chunk{Kind: kind, First: first, Last: last, Head: head,
			Span: news.Span{tokens[first].Span[0], tokens[last-1].Span[1]}}
	}
	for i := 0; i < n; {
		t := tag(i)
		switch {
		case t == "PRP":
			out = append(out, mk(news.ChunkNoun, i, i+1, i))
			i++
		case startsNP(t):
			j := i
			if tag(j) == "PDT" {
				j++
			}
			if t := tag(j); t == "DT" || t == "PRP$" || t == "WP$" {
				j++
			}
			for {
				t := tag(j)
				switch {
				case isNounTag(t) || isAdjTag(t) || t == "CD" || t == "$" || t == "#":
					j++
					continue
				case (t == "VBN" || t == "VBG") && j > i && (isNounTag(tag(j+1)) || isAdjTag(tag(j+1))):
					j++
					continue
				case t == "POS" && j > i && isNounTag(tag(j-1)) && startsNP(tag(j+1)) && tag(j+1) != "PRP":
					j++
					continue
				}
				break
			}
			if j == i {
				j = i + 1
			}
			out = append(out, mk(news.ChunkNoun, i, j, npHead(tokens, i, j)))
			i = j
		case t == "MD" || isVerbTag(t) || isAdvTag(t) || t == "TO" && tag(i+1) == "VB":
			j := i
			head := -1
			for j < n {
				t := tag(j)
				switch {
				case isVerbTag(t):
					head = j
				case t == "MD":
					if head < 0 || tag(head) == "MD" {
						head = j
					}
				case isAdvTag(t):
				case t == "TO" && tag(j+1) == "VB":
				case t == "RP" && head >= 0 && isVerbTag(tag(head)):
				default:
					goto done
				}
				j++
			}
		done:
			// Trailing adverbs belong to no verb: leave them out.
			for j > i && isAdvTag(tag(j-1)) {
				j--
			}
			if head < 0 {
				i = max(j, i+1)
				continue
			}
			out = append(out, mk(news.ChunkVerb, i, j, head))
			i = j
		case (t == "IN" || t == "TO") && startsNP(tag(i+1)):
			out = append(out, mk(news.ChunkPrep, i, i+1, i))
			i++
		default:
			i++
		}
	}
	return out
}

// npHead picks the head of the noun phrase tokens[first:last]: the last
// noun, else the last number, else the last adjective, else the last token.
func npHead(tokens []news.Token, first, last int) int {
	cd, jj := -1, -1
	for k := last - 1; k >= first; k-- {
		t := tokens[k].Tag
		switch {
		case isNounTag(t):
			return k
		case t == "CD" && cd < 0:
			cd = k
		case isAdjTag(t) && jj < 0:
			jj = k
		}
	}
	if cd >= 0 {
		return cd
	}
	if jj >= 0 {
		return jj
	}
	return last - 1
}

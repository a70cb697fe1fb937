package quote

import (
	"unicode"
	"unicode/utf8"

	"dyad/news"
)

// family groups quotation marks that pair with each other.
type family uint8

const (
	famNone   family = iota
	famDouble        // " “ ” „
	famSingle        // ' ‘ ’
	famAngle         // « »
	famAngle1        // ‹ ›
)

// piece is one run of quoted words found by the mark scanner.
type piece struct {
	block    int
	outer    news.Span // from the opening mark to the end of the closing mark (or of the paragraph)
	span     news.Span // the quoted words
	contPrev bool      // continues a quote left open at the end of the previous paragraph
	contNext bool      // left open; the next paragraph continues it
}

// markAt describes the quotation mark at text[i], if any.
type markInfo struct {
	fam      family
	size     int
	canOpen  bool
	canClose bool
	nested   bool // an opening mark that may open a nested quote of the same family
}

func isSpaceOrNone(r rune) bool { return r == utf8.RuneError || unicode.IsSpace(r) }

// openingContext reports whether a mark preceded by prev sits where a quote
// can open: start of the block, white space, an opening bracket or dash, or
// another opening mark.
func openingContext(prev rune) bool {
	if isSpaceOrNone(prev) {
		return true
	}
	switch prev {
	case '(', '[', '{', '—', '–', '-', '/', '“', '‘', '"', '«', '‹', '„', ':':
		return true
	}
	return false
}

// classifyMark classifies the rune at i within [lo, hi).
func classifyMark(text string, lo, hi, i int) markInfo {
	r, size := utf8.DecodeRuneInString(text[i:hi])
	prev := utf8.RuneError
	if i > lo {
		prev, _ = utf8.DecodeLastRuneInString(text[lo:i])
	}
	next := utf8.RuneError
	if i+size < hi {
		next, _ = utf8.DecodeRuneInString(text[i+size : hi])
	}
	openCtx := openingContext(prev) && !isSpaceOrNone(next)
	closeCtx := !isSpaceOrNone(prev) && (isSpaceOrNone(next) || unicode.IsPunct(next))
	m := markInfo{size: size}
	switch r {
	case '"':
		m.fam, m.canOpen, m.canClose = famDouble, openCtx, true
	case '“':
		m.fam, m.canOpen, m.canClose, m.nested = famDouble, true, closeCtx && !openCtx, openCtx
	case '”':
		m.fam, m.canOpen, m.canClose = famDouble, openCtx && unicode.IsLetter(next), true
	case '„':
		m.fam, m.canOpen = famDouble, true
	case '«':
		m.fam, m.canOpen, m.nested = famAngle, true, true
	case '»':
		m.fam, m.canClose = famAngle, true
	case '‹':
		m.fam, m.canOpen = famAngle1, true
	case '›':
		m.fam, m.canClose = famAngle1, true
	case '‘', '’', '\'':
		m.fam = famSingle
		m.canOpen = openingContext(prev) && unicode.IsLetter(next)
		m.canClose = !isSpaceOrNone(prev) && !unicode.IsLetter(next) && !unicode.IsDigit(next)
		if r == '‘' {
			m.canClose = m.canClose && !m.canOpen
		}
	}
	return m
}

// scanBlocks finds the quoted pieces of every block, in text order.
func scanBlocks(text string, blocks []news.Block) []piece {
	var out []piece
	done := 0
	openCarry := famNone // family of a quote left open at the end of the previous block
	for bi, b := range blocks {
		lo, hi := max(b.Span[0], done, 0), min(b.Span[1], len(text))
		if lo >= hi {
			openCarry = famNone
			continue
		}
		done = hi
		carry := openCarry
		openCarry = famNone
		out = scanBlock(text, lo, hi, bi, carry, out)
		if n := len(out); n > 0 && out[n-1].block == bi && out[n-1].contNext {
			// Continue only when the next block opens with a mark of the same family.
			p := &out[n-1]
			p.contNext = false
			if bi+1 < len(blocks) {
				nb := blocks[bi+1]
				s := max(nb.Span[0], hi)
				e := min(nb.Span[1], len(text))
				for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\n' || text[s] == '\r') {
					s++
				}
				if s < e {
					m := classifyMark(text, s, e, s)
					if m.canOpen && m.fam == famOf(text, p.outer[0]) {
						p.contNext = true
						openCarry = m.fam
					}
				}
			}
		}
	}
	return out
}

// famOf returns the family of the mark at i.
func famOf(text string, i int) family {
	return classifyMark(text, i, len(text), i).fam
}

// scanBlock appends the pieces of text[lo:hi] to out. carry is the family
// of a quote continued from the previous block (famNone if none).
func scanBlock(text string, lo, hi, bi int, carry family, out []piece) []piece {
	var (
		inside     family
		depth      int
		openAt     int
		openEnd    int
		noSingles  bool // no single closing mark remains: single marks are apostrophes
		firstQuote = true
	)
	i := lo
	for {
		for i < hi {
			c := text[i]
			if c < utf8.RuneSelf && c != '"' && c != '\'' {
				i++
				continue
			}
			m := classifyMark(text, lo, hi, i)
			if m.fam == famNone {
				_, size := utf8.DecodeRuneInString(text[i:hi])
				i += size
				continue
			}
			switch {
			case inside == famNone:
				if m.canOpen && !(m.fam == famSingle && noSingles) {
					inside, depth, openAt, openEnd = m.fam, 0, i, i+m.size
				}
			case m.fam == inside && m.nested && m.canOpen && !m.canClose:
				depth++
			case m.fam == inside && m.canClose:
				if depth > 0 {
					depth--
					break
				}
				out = appendPiece(text, out, piece{block: bi, outer: news.Span{openAt, i + m.size}, contPrev: firstQuote && carry != famNone && carry == inside}, openEnd, i)
				firstQuote = false
				inside = famNone
			}
			i += m.size
		}
		if inside != famSingle {
			break
		}
		// An unclosed single mark was an apostrophe: scan again after it.
		inside, noSingles, i = famNone, true, openEnd
	}
	if inside != famNone {
		end := hi
		for end > openEnd && isSpaceByte(text[end-1]) {
			end--
		}
		out = appendPiece(text, out, piece{block: bi, outer: news.Span{openAt, end}, contNext: true, contPrev: firstQuote && carry != famNone && carry == inside}, openEnd, end)
	}
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// appendPiece trims the words between s and e and appends p when any remain.
func appendPiece(text string, out []piece, p piece, s, e int) []piece {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && r != ',' {
			break
		}
		e -= size
	}
	has := false
	for _, r := range text[s:e] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			has = true
			break
		}
	}
	if !has {
		return out
	}
	p.span = news.Span{s, e}
	return append(out, p)
}

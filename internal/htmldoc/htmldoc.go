// Package htmldoc extracts an article from an HTML page: its body as layout
// blocks (paragraphs, headings, figure captions) through readability, and its
// metadata (title, outlet, URL, publication date) from meta tags and JSON-LD.
//
// Every element of the page is numbered before readability runs on a copy
// of it, so the blocks of readability's output can be traced back to the
// original elements: their classes (which readability strips) tell page
// furniture that slipped through (share bars, ads, related links, comments),
// and the region readability chose is searched for the section headings and
// figure captions it threw away, which are put back in document order.
package htmldoc

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/news"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// ErrNoText is returned (wrapped) by Parse for a page that holds no article text.
var ErrNoText = errors.New("no article text found in HTML")

// Block is one block of the article body as text, before the cleaner lays it out.
type Block struct {
	Kind news.BlockKind
	Text string
}

// Page is what an HTML page yields.
type Page struct {
	Title     string
	Source    string // the outlet (og:site_name, JSON-LD publisher)
	URL       string // canonical URL
	Published string // ISO 8601 date or date-time; "" when the page has none
	Language  string
	Blocks    []Block
}

// Parse extracts the article of an HTML page. pageURL may be "".
// The blocks are the article body in reading order, without the title;
// each block's text is one line of valid UTF-8. A page without article text
// gives an error wrapping ErrNoText.
func Parse(body []byte, pageURL string) (Page, error) {
	if len(bytes.TrimSpace(body)) == 0 || isBinary(body) {
		return Page{}, fmt.Errorf("htmldoc: %w", ErrNoText)
	}
	body = toUTF8(body)
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		// The parser gives up on pages nested too deep; read their text flat.
		doc, err = html.Parse(bytes.NewReader(flatten(body)))
		if err != nil {
			return Page{}, fmt.Errorf("htmldoc: parse HTML: %w", err)
		}
	}
	ix := indexDocument(doc)
	m := readMeta(doc)

	var p Page
	p.URL = m.pageURL(pageURL)
	p.Source = m.pageSource(p.URL)
	p.Title = m.pageTitle(p.Source)
	p.Language = m.language()

	out, err := extract(doc)
	if err != nil {
		return Page{}, fmt.Errorf("htmldoc: %w", err)
	}
	container := -1
	var main []rawBlock
	var kept []int
	if out != nil {
		for d := range out.Descendants() {
			if i := ix.id(d); i >= 0 {
				kept = append(kept, i)
			}
		}
		slices.Sort(kept)
		kept = slices.Compact(kept)
		container = ix.lca(kept)
		main = blocksOf(ix, out, news.BlockParagraph, -1)
	}
	region := -1
	if container >= 0 {
		region = articleRegion(ix, container)
	}
	f := newFurniture(ix, region)
	blocks := merge(main, recoverBlocks(ix, container, region, kept, f))

	seen := map[string]bool{}
	for _, b := range blocks {
		switch {
		case f.in(b.key), isBoilerplate(b), seen[b.text], !hasWord(b.text):
			continue
		case b.kind == news.BlockHeading && sameText(b.text, p.Title):
			continue
		case p.Title != "" && normKey(b.text) == normKey(p.Title):
			continue
		}
		seen[b.text] = true
		p.Blocks = append(p.Blocks, Block{Kind: b.kind, Text: b.text})
	}
	if len(p.Blocks) == 0 {
		return Page{}, fmt.Errorf("htmldoc: %w", ErrNoText)
	}

	p.Published = m.published(ix, region)
	return p, nil
}

// hasWord reports whether s has a letter or digit: a block of dashes or
// bullets is a separator, not text.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// extract runs readability on a copy of doc and returns the node holding the
// article it found, or nil. readability is third-party code walking
// arbitrary markup; should it panic on some page, the panic is turned into an
// error here so that one bad page cannot bring down a batch.
func extract(doc *html.Node) (node *html.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			node, err = nil, fmt.Errorf("readability: panic: %v", r)
		}
	}()
	parser := readability.NewParser()
	art, err := parser.ParseDocument(doc, nil)
	if err != nil {
		return nil, fmt.Errorf("readability: %w", err)
	}
	return art.Node, nil
}

// toUTF8 returns the page as UTF-8. A byte-order mark or a declared charset
// other than UTF-8 is honoured unless the page is valid UTF-8 anyway (a
// common mislabelling); undeclared pages that are not valid UTF-8 are read
// as Windows-1252 unless they are mostly UTF-8 with a few broken bytes.
func toUTF8(body []byte) []byte {
	enc, name, certain := charset.DetermineEncoding(body, "")
	if name == "utf-8" || enc == nil {
		return body
	}
	if !certain && utf8.Valid(body) {
		return body
	}
	if !certain && looksUTF8(body) {
		return body
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body // the text is sanitised to valid UTF-8 later anyway
	}
	return out
}

// looksUTF8 reports whether body has at least as many valid multi-byte
// UTF-8 sequences as invalid bytes: text in a legacy charset seldom forms
// valid sequences by chance.
func looksUTF8(body []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(body); {
		if body[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size == 1 {
			bad++
		} else {
			good++
		}
		i += size
	}
	return good >= bad
}

// isBinary reports whether the start of a page is more than a tenth
// control bytes, as binary files are and text in an ASCII-compatible
// encoding is not.
func isBinary(body []byte) bool {
	head := body[:min(len(body), 1024)]
	if bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
		return false // UTF-16 with a byte-order mark
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctl++
		}
	}
	return ctl*10 > len(head)
}

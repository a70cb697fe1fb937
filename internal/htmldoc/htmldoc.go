// Package htmldoc extracts an article from an HTML page: its body as layout
// blocks (paragraphs, headings, figure captions) through readability, and its
// metadata (title, outlet, URL, publication date) from meta tags and JSON-LD.
package htmldoc

import (
	"fmt"

	"dyad/news"
)

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
func Parse(body []byte, pageURL string) (Page, error) {
	return Page{}, fmt.Errorf("htmldoc: not implemented")
}

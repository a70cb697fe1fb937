// Package feed reads news feeds: RSS 2.0 (and the 0.9x dialects), RSS 1.0
// (RDF) and Atom 1.0, as they are found in the wild.
//
// Parsing is tolerant: undeclared HTML entities (&nbsp;, &mdash;), CDATA,
// HTML inside descriptions (escaped or not), invalid UTF-8, control
// characters, legacy encodings named in the XML declaration, relative links
// (resolved against xml:base, the feed's URL or the channel link), missing
// or oddly written dates, and documents cut short (the items read before the
// break are kept, with a warning). What cannot be read as a feed at all, such
// as an HTML page served in its place, gives an error wrapping ErrNotFeed.
package feed

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"time"
)

// ErrNotFeed is returned (wrapped) for a document that is not a feed: an
// HTML page, another XML document, JSON, binary junk or nothing at all.
var ErrNotFeed = errors.New("not a feed")

// ErrTooLarge is returned (wrapped) by Read when the input exceeds the limit.
var ErrTooLarge = errors.New("feed too large")

// MaxItems is the most items Parse keeps from one feed; the rest are
// dropped with a warning.
const MaxItems = 10000

// Feed is what a feed document holds.
type Feed struct {
	Kind  string // "rss", "rdf" or "atom"
	Title string // plain text
	Link  string // the site's home page, absolute when it could be resolved
	// TTL is how long the publisher asks readers to wait between polls, from
	// RSS <ttl> or the syndication module's updatePeriod and updateFrequency;
	// 0 when the feed says nothing.
	TTL   time.Duration
	Items []Item
	// Warnings say what was odd about the document, in words.
	Warnings []string
}

// Item is one story of a feed.
type Item struct {
	GUID      string // RSS guid, RDF rdf:about or Atom id; "" when none
	Link      string // the story's page, absolute when it could be resolved
	Title     string // plain text
	Published string // RFC 3339 date-time; "" when missing or unreadable
	Summary   string // RSS description, Atom summary: HTML or text
	Content   string // content:encoded, Atom content: HTML or text, usually fuller
}

// Key identifies the item within its feed: its GUID, else its link, else a
// hash of its title, date and text.
func (it Item) Key() string {
	switch {
	case it.GUID != "":
		return it.GUID
	case it.Link != "":
		return it.Link
	}
	h := sha256.New()
	for _, s := range []string{it.Title, it.Published, it.Summary, it.Content} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)[:16])
}

// Text is the item's story as plain text paragraphs separated by blank
// lines: its content, else its summary, with markup removed. It is "" when
// the feed gives no text for the item.
func (it Item) Text() string {
	if t := PlainText(it.Content); t != "" {
		return t
	}
	return PlainText(it.Summary)
}

// Read reads a feed of at most limit bytes (no limit when limit <= 0) from r
// and parses it as Parse does. A larger input gives an error wrapping
// ErrTooLarge.
func Read(r io.Reader, base string, limit int64) (Feed, error) {
	var buf bytes.Buffer
	src := r
	if limit > 0 {
		src = io.LimitReader(r, limit+1)
	}
	if _, err := buf.ReadFrom(src); err != nil {
		return Feed{}, fmt.Errorf("feed: read: %w", err)
	}
	if limit > 0 && int64(buf.Len()) > limit {
		return Feed{}, fmt.Errorf("feed: %w: more than %d bytes", ErrTooLarge, limit)
	}
	return Parse(buf.Bytes(), base)
}

// Parse parses a feed document. base is the URL the document was fetched
// from (or ""), against which relative links are resolved. Errors name the
// line of the document where reading failed.
func Parse(data []byte, base string) (Feed, error) {
	var p parser
	text, err := p.prepare(data)
	if err != nil {
		return Feed{}, fmt.Errorf("feed: %w", err)
	}
	root, err := p.tree(text, base)
	if err != nil {
		return Feed{}, fmt.Errorf("feed: %w", err)
	}
	f, err := p.interpret(root, text)
	if err != nil {
		return Feed{}, fmt.Errorf("feed: %w", err)
	}
	f.Warnings = append(p.warnings, f.Warnings...)
	return f, nil
}

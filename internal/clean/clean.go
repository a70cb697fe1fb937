// Package clean builds the one text every span of a Document points into:
// HTML or scraped plain text becomes normalised blocks (title, captions,
// headings, paragraphs) with duplicated and truncated captions removed, the
// dateline found, trailing boilerplate dropped, and the publication date taken
// from metadata, the caller, or the text.
//
// The cleaned text is every block in reading order, joined by a blank line;
// each block is one line. Cleaning is idempotent: cleaning the cleaned text
// again, as plain text, gives the same text.
package clean

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"dyad/internal/htmldoc"
	"dyad/news"
)

// ErrNoText is returned (wrapped) when an article yields no text: an empty
// or blank body, or an HTML page with no article in it.
var ErrNoText = errors.New("no article text")

// Options controls cleaning.
type Options struct {
	Published string // the caller's publication date (--published), used when the input carries none
}

// Clean turns a raw Article into a Document with ID, metadata, Text, Blocks
// and Warnings filled in. It fails only when no text can be had.
func Clean(a news.Article, opts Options) (news.Document, error) {
	doc := news.Document{URL: a.URL, Source: a.Source, Language: "en", Warnings: []string{}}
	var ns normStats
	title := ""
	if a.Title != "" {
		title = oneLine(a.Title, &ns)
	}

	var us []unit
	pagePublished := ""
	if isHTML(a) {
		page, err := htmldoc.Parse(a.Body, a.URL)
		if errors.Is(err, htmldoc.ErrNoText) {
			return news.Document{}, fmt.Errorf("%w: the HTML page has no article body (%w)", ErrNoText, htmldoc.ErrNoText)
		}
		if err != nil {
			return news.Document{}, fmt.Errorf("html: %w", err)
		}
		if doc.URL == "" {
			doc.URL = page.URL
		}
		if doc.Source == "" {
			doc.Source = page.Source
		}
		if page.Language != "" {
			doc.Language = page.Language // the page's own word beats our default
		}
		pagePublished = page.Published
		us = pageUnits(page, &title, &ns)
	} else {
		us = splitLines(normalize(a.Body, &ns), nil)
	}
	if len(us) == 0 {
		return news.Document{}, fmt.Errorf("%w: the body is empty or blank", ErrNoText)
	}
	if title != "" {
		us = append([]unit{{text: title, blankBefore: true, fixed: true, title: true}}, us...)
	}
	if ns.invalid > 0 {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("invalid UTF-8: %d %s replaced with U+FFFD",
			ns.invalid, plural(ns.invalid, "byte sequence", "byte sequences")))
	}
	if ns.controls > 0 {
		doc.Warnings = append(doc.Warnings, fmt.Sprintf("removed %d control %s",
			ns.controls, plural(ns.controls, "character", "characters")))
	}

	us, warns := layout(us)
	doc.Warnings = append(doc.Warnings, warns...)
	body := 0
	for _, u := range us {
		if !u.title {
			body++
		}
	}
	if body == 0 {
		return news.Document{}, fmt.Errorf("%w: nothing is left after removing boilerplate", ErrNoText)
	}

	kinds := classify(us)
	dl, dlIndex := findDateline(us, kinds)
	if dlIndex >= 0 {
		doc.Dateline = dl.place
		if doc.Source == "" && dl.agency != "" {
			doc.Source = dl.agency
		}
	}
	markHeadings(us, kinds, dlIndex)
	for i, k := range kinds {
		if k == news.BlockTitle {
			doc.Title = us[i].text
			break
		}
	}
	if doc.Title == "" {
		doc.Title = title // a title that was cut as a truncated copy of the first line
	}

	doc.Text, doc.Blocks = build(us, kinds)
	doc.Published, doc.PublishedFrom = published(a.Published, pagePublished, opts.Published, us, kinds, dl, &doc.Warnings)
	doc.ID = a.ID
	if doc.ID == "" {
		sum := sha256.Sum256([]byte(doc.Text))
		doc.ID = hex.EncodeToString(sum[:16])
	}
	return doc, nil
}

// pageUnits turns the blocks of an HTML page into units, each a whole block.
// A page title block becomes the title when the article gave none; the
// page's title metadata is used when there is neither.
func pageUnits(page htmldoc.Page, title *string, ns *normStats) []unit {
	var us []unit
	haveTitle := *title != ""
	for _, b := range page.Blocks {
		t := oneLine(b.Text, ns)
		if t == "" {
			continue
		}
		u := unit{text: t, blankBefore: true, fixed: true, hint: b.Kind}
		switch b.Kind {
		case news.BlockTitle:
			u.hint = ""
			if !haveTitle {
				*title = t
				haveTitle = true
				continue
			}
		case news.BlockParagraph:
			u.hint = ""
		}
		us = append(us, u)
	}
	if !haveTitle && page.Title != "" {
		*title = oneLine(page.Title, ns)
	}
	return us
}

// layout removes advertisement labels, duplicated and truncated lines and
// trailing boilerplate, and joins hard-wrapped lines into paragraphs. The
// block-level steps run until nothing changes, so that cleaning the result
// again removes nothing more.
func layout(us []unit) ([]unit, []string) {
	var warns []string
	ads := 0
	var ds dedupStats
	us = dropAdverts(us, &ads)
	us = dedup(us, &ds)
	us = joinLines(us)
	for i := range us {
		us[i].blankBefore = true // from here on, as in the cleaned text
	}
	for {
		n := len(us)
		us = dropAdverts(us, &ads)
		us = dedup(us, &ds)
		var ws []string
		us, ws = dropBoilerplate(us)
		warns = append(warns, ws...)
		if len(us) == n {
			break
		}
	}
	if ds.repeated+ds.truncated > 0 {
		n := ds.repeated + ds.truncated
		warns = append([]string{fmt.Sprintf("removed %d duplicated %s (%d repeated, %d truncated %s), as scrapers do with photo captions",
			n, plural(n, "line", "lines"), ds.repeated, ds.truncated, plural(ds.truncated, "copy", "copies"))}, warns...)
	}
	if ds.titleCut {
		warns = append(warns, "the title is a truncated copy of the first line; it is kept as the title field only")
	}
	if ads > 0 {
		warns = append(warns, fmt.Sprintf("dropped %d advertisement %s", ads, plural(ads, "label", "labels")))
	}
	return us, warns
}

// classify gives each block its kind: the title, captions (doubled or
// truncated lines, "FILE -" lines, credits, position markers, dated picture
// descriptions) and paragraphs. Headings are marked later, once the
// dateline is known. With no title given, a short headline opening the text
// and followed by body paragraphs becomes the title.
func classify(us []unit) []news.BlockKind {
	kinds := make([]news.BlockKind, len(us))
	hasTitle := false
	for i, u := range us {
		switch {
		case u.title && !hasTitle:
			kinds[i] = news.BlockTitle
			hasTitle = true
		case u.hint == news.BlockCaption || u.hint == news.BlockHeading:
			kinds[i] = u.hint
		case u.dup && !headingLike(u.text), captionSignal(u.text), captionByDate(u.text):
			kinds[i] = news.BlockCaption
		default:
			kinds[i] = news.BlockParagraph
		}
	}
	if !hasTitle && len(us) >= 2 && kinds[0] == news.BlockParagraph && headlineLike(us[0].text) {
		for i := 1; i < len(us); i++ {
			if kinds[i] == news.BlockCaption {
				continue
			}
			if kinds[i] == news.BlockParagraph && (!headingLike(us[i].text) || strings.HasPrefix(us[i].text, "By ")) {
				kinds[0] = news.BlockTitle
			}
			break
		}
	}
	return kinds
}

// findDateline looks for a dateline at the start of the first paragraph
// (after the title, captions, bylines and "Published ..." lines) and returns
// it with the paragraph's index, or -1.
func findDateline(us []unit, kinds []news.BlockKind) (dateline, int) {
	for i, k := range kinds {
		switch {
		case k == news.BlockTitle || k == news.BlockCaption:
			continue
		case k != news.BlockParagraph:
		case isDateLine(us[i].text) || strings.HasPrefix(us[i].text, "By "):
			continue
		default:
			if d, ok := parseDateline(us[i].text); ok {
				return d, i
			}
		}
		break
	}
	return dateline{}, -1
}

// markHeadings turns into headings the short unpunctuated lines that stand
// alone between paragraphs: not the first or last block, a caption or the
// dateline paragraph, and with no other unpunctuated line (as in a list of
// headlines) right before or after.
func markHeadings(us []unit, kinds []news.BlockKind, dlIndex int) {
	for i := 1; i < len(us)-1; i++ {
		if kinds[i] != news.BlockParagraph || i == dlIndex || !headingLike(us[i].text) {
			continue
		}
		if kinds[i-1] == news.BlockParagraph && headlineLike(us[i-1].text) {
			continue
		}
		if kinds[i+1] == news.BlockParagraph && headlineLike(us[i+1].text) {
			continue
		}
		kinds[i] = news.BlockHeading
	}
}

// build joins the blocks into the text, separated by blank lines, and
// records each block's span.
func build(us []unit, kinds []news.BlockKind) (string, []news.Block) {
	n := 0
	for _, u := range us {
		n += len(u.text) + 2
	}
	var sb strings.Builder
	sb.Grow(n)
	blocks := make([]news.Block, 0, len(us))
	for i, u := range us {
		if i > 0 {
			sb.WriteString("\n\n")
		}
		start := sb.Len()
		sb.WriteString(u.text)
		blocks = append(blocks, news.Block{Kind: kinds[i], Span: news.Span{start, sb.Len()}})
	}
	return sb.String(), blocks
}

// published picks the publication date: the record's or page's metadata,
// else the caller's flag, else the latest full date in a caption, the
// dateline or a "Published ..." line. Invalid given dates are reported and
// skipped.
func published(record, page, flag string, us []unit, kinds []news.BlockKind, dl dateline, warns *[]string) (string, string) {
	given := []struct{ value, from, what string }{
		{record, news.PublishedFromMetadata, "the record"},
		{page, news.PublishedFromMetadata, "the page metadata"},
		{flag, news.PublishedFromFlag, "the caller"},
	}
	for _, g := range given {
		if strings.TrimSpace(g.value) == "" {
			continue
		}
		if v, ok := normalizeDate(g.value); ok {
			return v, g.from
		}
		*warns = append(*warns, fmt.Sprintf("published date %q from %s is not a date; ignored", clip(g.value, 40), g.what))
	}
	latest := dl.date
	for i, u := range us {
		if kinds[i] != news.BlockCaption && !isDateLine(u.text) {
			continue
		}
		for _, t := range fullDates(u.text) {
			if t.After(latest) {
				latest = t
			}
		}
	}
	if latest.IsZero() {
		return "", ""
	}
	return latest.Format("2006-01-02"), news.PublishedFromText
}

// isHTML reports whether the article's body is to be read as HTML: its
// format says so, or the format is unset and the body starts with markup.
func isHTML(a news.Article) bool {
	switch a.Format {
	case news.FormatHTML:
		return true
	case news.FormatText:
		return false
	}
	return looksHTML(a.Body)
}

// htmlMarks are tags that show a body is HTML.
var htmlMarks = [][]byte{
	[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"), []byte("<p>"),
	[]byte("<p "), []byte("</p>"), []byte("<div"), []byte("<br"), []byte("<article"), []byte("<meta"),
}

// looksHTML reports whether a body starts with markup and holds HTML tags.
func looksHTML(b []byte) bool {
	b = bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(b) == 0 || b[0] != '<' {
		return false
	}
	head := bytes.ToLower(b[:min(len(b), 4096)])
	for _, m := range htmlMarks {
		if bytes.Contains(head, m) {
			return true
		}
	}
	return false
}

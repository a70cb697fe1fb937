package htmldoc

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// flatten rewrites a page that the HTML parser rejects (it refuses pages
// whose elements nest more than 512 deep, as unclosed <font> or <div> tags
// make them) as a flat page: its metadata elements, and its text as a
// sequence of paragraphs, headings and figure captions, cut where block
// elements start and end. Classes are lost, so only readability's text
// scoring and the text filters stand between the page's furniture and the
// blocks; it is a fallback, not the main road.
func flatten(body []byte) []byte {
	var out bytes.Buffer
	out.WriteString("<!DOCTYPE html>")
	z := html.NewTokenizer(bytes.NewReader(body))
	skip := ""   // the raw-text element whose content is being skipped
	closer := "" // the end tag of the open heading or caption
	ldjson := false
	inTitle := false
	opened := false // a paragraph is open
	empty := true   // and holds no text yet
	boundary := func() {
		if closer != "" {
			out.WriteString(closer)
			closer = ""
		} else if opened && empty {
			return
		}
		out.WriteString("\n<p>")
		opened, empty = true, true
	}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		name := tok.Data
		switch tt {
		case html.TextToken:
			switch {
			case inTitle:
				out.WriteString(html.EscapeString(tok.Data))
			case ldjson:
				out.WriteString(strings.ReplaceAll(tok.Data, "</", `<\/`))
			case skip != "":
			default:
				if !opened {
					boundary()
				}
				out.WriteString(html.EscapeString(tok.Data))
				if strings.TrimSpace(tok.Data) != "" {
					empty = false
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			switch {
			case name == "html":
				if lang := tokAttr(tok, "lang"); lang != "" {
					out.WriteString(`<html lang="` + html.EscapeString(lang) + `">`)
				}
			case name == "meta" || name == "link":
				out.WriteString(tok.String())
			case name == "title":
				out.WriteString("<title>")
				inTitle = true
			case name == "script" && strings.EqualFold(strings.TrimSpace(tokAttr(tok, "type")), "application/ld+json"):
				out.WriteString(`<script type="application/ld+json">`)
				ldjson = true
			case name == "script" || name == "style" || name == "noscript" || name == "template" || name == "textarea":
				if tt == html.StartTagToken {
					skip = name
				}
			case headingTags[name] || name == "figcaption":
				boundary()
				out.WriteString("<" + name + ">")
				closer = "</" + name + ">"
				empty = false
			case name == "br":
				out.WriteString(" ")
			case blockTags[name] || name == "td" || name == "th":
				boundary()
			}
		case html.EndTagToken:
			switch {
			case name == "title" && inTitle:
				out.WriteString("</title>")
				inTitle = false
			case name == "script" && ldjson:
				out.WriteString("</script>")
				ldjson = false
			case name == skip:
				skip = ""
			case blockTags[name] || name == "td" || name == "th":
				boundary()
			}
		}
	}
	return out.Bytes()
}

// tokAttr returns the value of attribute key of a token.
func tokAttr(t html.Token, key string) string {
	for _, a := range t.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

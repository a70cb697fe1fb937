package feed

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// PlainText turns an HTML fragment (or plain text) into paragraphs of plain
// text separated by blank lines: block elements and line breaks end
// paragraphs, scripts and styles are dropped, entities decoded and spaces
// collapsed. The result is valid UTF-8.
func PlainText(fragment string) string {
	if strings.TrimSpace(fragment) == "" {
		return ""
	}
	if !utf8.ValidString(fragment) {
		fragment = strings.ToValidUTF8(fragment, "\uFFFD")
	}
	z := html.NewTokenizer(strings.NewReader(fragment))
	var paras []string
	var cur strings.Builder
	skip := 0
	end := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			end()
			return strings.Join(paras, "\n\n")
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Object, atom.Svg, atom.Head:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case atom.P, atom.Div, atom.Br, atom.Li, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
				atom.Blockquote, atom.Tr, atom.Section, atom.Article, atom.Figure, atom.Figcaption,
				atom.Pre, atom.Ul, atom.Ol, atom.Table, atom.Hr, atom.Header, atom.Footer, atom.Dd, atom.Dt:
				end()
			case atom.Td, atom.Th, atom.Img:
				cur.WriteByte(' ')
			}
		}
	}
}

// oneLine is a title as one line of plain text: markup removed when it has
// any, spaces collapsed.
func oneLine(s string) string {
	if strings.ContainsAny(s, "<&") {
		s = PlainText(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

package htmldoc

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse checks that no input makes Parse panic, and that every block it
// returns is one non-empty line of valid UTF-8.
func FuzzParse(f *testing.F) {
	for _, tc := range pages {
		f.Add(readPage(f, tc.name), tc.url)
	}
	for _, s := range []string{
		"", "<", "<html", "<p>a</p>", "<p>&amp;amp;</p>", "\xff\xfe<\x00p>", "<meta charset=utf-16><p>x",
		"<script type=application/ld+json>[[[[[[{\"@graph\":[{\"@type\":\"NewsArticle\"}]}]]]]]]</script><p>x</p>",
		strings.Repeat("<div>", 600) + "<p>deep</p>", strings.Repeat("<a>", 200) + "x",
		"<table><caption>c</caption><tr><td>a<td>b</table>", "<svg><p>in svg</p></svg><math><mi>x</mi></math>",
		"<p>line<br>\u2028break\r\nhere</p>", "<figure><figcaption><h2>cap</h2></figcaption></figure>",
	} {
		f.Add([]byte(s), "https://example.com/a")
	}
	f.Fuzz(func(t *testing.T, body []byte, pageURL string) {
		p, err := Parse(body, pageURL)
		if err != nil {
			if len(p.Blocks) != 0 {
				t.Errorf("error %v with %d blocks", err, len(p.Blocks))
			}
			return
		}
		if len(p.Blocks) == 0 {
			t.Error("no error and no blocks")
		}
		for i, b := range p.Blocks {
			if b.Text == "" || strings.ContainsAny(b.Text, "\n\r") || !utf8.ValidString(b.Text) {
				t.Errorf("block %d: bad text %q", i, b.Text)
			}
		}
		for _, s := range []string{p.Title, p.Source, p.Published, p.Language} {
			if !utf8.ValidString(s) || strings.ContainsAny(s, "\n\r") {
				t.Errorf("metadata not one line of UTF-8: %q", s)
			}
		}
	})
}

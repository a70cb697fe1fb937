package htmldoc

import (
	"bytes"
	"fmt"
	"testing"
)

// largePage writes a news page of about size bytes: site furniture around an
// article whose body repeats sections of paragraphs, headings and figures,
// with a long comment thread after it.
func largePage(size int) []byte {
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Long report - Bench Wire</title>` +
		`<meta property="article:published_time" content="2016-07-15T09:30:00Z"></head><body>` +
		`<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>` +
		`<article><h1>Long report</h1><div class="article-body">`)
	half := size / 2
	for i := 0; b.Len() < half; i++ {
		fmt.Fprintf(&b, `<h2>Section %d</h2>`, i)
		for j := range 6 {
			fmt.Fprintf(&b, `<p>Paragraph %d.%d: the minister said on <b>Tuesday</b> that talks with the delegation `+
				`would resume &ldquo;within days&rdquo;, according to <a href="/x">officials</a> in the capital, `+
				`and that both sides had agreed to release prisoners held since the clashes in March.</p>`, i, j)
		}
		fmt.Fprintf(&b, `<figure><img src="/i/%d.jpg"><figcaption>Delegates arrive for session %d.</figcaption></figure>`, i, i)
		if i%10 == 9 {
			b.WriteString(`<div class="ad-slot">Advertisement</div>`)
		}
	}
	b.WriteString(`</div></article><section id="comments"><h3>Leave a Reply</h3><ol>`)
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `<li class="comment"><div><span>reader%d</span><p>I do not believe a word of this, comment %d.</p></div></li>`, i, i)
	}
	b.WriteString(`</ol></section><footer>Bench Wire 2016</footer></body></html>`)
	return b.Bytes()
}

func BenchmarkParse(b *testing.B) {
	for _, mb := range []int{1, 10, 50} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			page := largePage(mb << 20)
			b.SetBytes(int64(len(page)))
			for b.Loop() {
				if _, err := Parse(page, "https://bench.example/a"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParsePage measures a typical news page.
func BenchmarkParsePage(b *testing.B) {
	page := readPage(b, "ceasefire")
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Parse(page, ""); err != nil {
			b.Fatal(err)
		}
	}
}

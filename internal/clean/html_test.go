package clean

import (
	"errors"
	"strings"
	"testing"

	"dyad/news"
)

// testPage is an HTML page written for these tests: metadata, a figure with
// a caption, a section heading, an advertisement slot and related links.
const testPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ministers agree water deal | Example Herald</title>
<meta property="og:title" content="Ministers agree water deal">
<meta property="og:site_name" content="Example Herald">
<meta property="article:published_time" content="2021-03-09T10:15:00Z">
<link rel="canonical" href="https://herald.example.org/water-deal">
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Ministers agree water deal</h1>
<figure><img src="a.jpg" alt="">
<figcaption>Two ministers (L) shake hands before their meeting in Ankara, Turkey, March 9, 2021.</figcaption></figure>
<p>ANKARA, Turkey — Turkey and Iraq agreed on Tuesday to set up a joint committee on water sharing, ending months of public sniping over dams on the Tigris river.</p>
<p>&ldquo;We are neighbors, and neighbors must share what the mountains give us,&rdquo; the Turkish minister told reporters after the talks, which lasted nearly four hours.</p>
<div class="ad">Advertisement</div>
<h2>Old quarrel</h2>
<p>Water has divided the two countries for half a century. An old protocol set a minimum flow on one river, but no such deal was ever struck for the other, and each side reads the agreements differently.</p>
<p>Analysts said the committee was a modest step.&nbsp; &ldquo;It is a forum, not a treaty,&rdquo; said one researcher who studies regional water politics.</p>
</article>
<footer><p>Copyright &copy; 2021 Example Herald. All rights reserved.</p></footer>
</body>
</html>`

func TestHTML(t *testing.T) {
	for _, format := range []news.Format{news.FormatHTML, news.FormatAuto} {
		name := string(format)
		if name == "" {
			name = "auto"
		}
		t.Run(name, func(t *testing.T) {
			d, err := Clean(news.Article{Format: format, Body: []byte(testPage)}, Options{Published: "2020-01-01"})
			if err != nil {
				t.Fatal(err)
			}
			layout := layoutOf(t, d)
			checkIdempotent(t, d)
			if d.Title != "Ministers agree water deal" {
				t.Errorf("title = %q", d.Title)
			}
			if d.Blocks[0].Kind != news.BlockTitle {
				t.Errorf("first block is %s, want the title: %q", d.Blocks[0].Kind, layout)
			}
			if d.Published != "2021-03-09T10:15:00Z" || d.PublishedFrom != news.PublishedFromMetadata {
				t.Errorf("published = %q from %q, want the page's", d.Published, d.PublishedFrom)
			}
			if d.Source != "Example Herald" || d.URL != "https://herald.example.org/water-deal" {
				t.Errorf("source %q, url %q", d.Source, d.URL)
			}
			if d.Language != "en" {
				t.Errorf("language = %q, want en", d.Language)
			}
			if d.Dateline != "ANKARA, Turkey" {
				t.Errorf("dateline = %q", d.Dateline)
			}
			for _, want := range []string{
				"caption: Two ministers (L) shake hands before their meeting in Ankara, Turkey, March 9, 2021.",
				"heading: Old quarrel",
				"paragraph: Analysts said the committee was a modest step. “It is a forum, not a treaty,” said one researcher who studies regional water politics.",
			} {
				found := false
				for _, l := range layout {
					found = found || l == want
				}
				if !found {
					t.Errorf("layout lacks %q:\n%s", want, strings.Join(layout, "\n"))
				}
			}
			for _, bad := range []string{"Advertisement", "All rights reserved", "Home"} {
				if strings.Contains(d.Text, bad) {
					t.Errorf("text keeps %q:\n%s", bad, d.Text)
				}
			}
		})
	}
}

func TestHTMLNoText(t *testing.T) {
	_, err := Clean(news.Article{Format: news.FormatHTML, Body: []byte("<html><body><nav><a href=/>Home</a></nav></body></html>")}, Options{})
	if !errors.Is(err, ErrNoText) {
		t.Errorf("error = %v, want ErrNoText", err)
	}
}

func TestHTMLLanguage(t *testing.T) {
	page := strings.Replace(testPage, `<html lang="en">`, `<html lang="fr-FR">`, 1)
	d, err := Clean(news.Article{Format: news.FormatHTML, Body: []byte(page)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Language != "fr" {
		t.Errorf("language = %q, want the page's fr", d.Language)
	}
}

package feed

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const rss2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Harbour Gazette &#8211; World</title>
  <link>https://gazette.example/world/</link>
  <atom:link href="https://gazette.example/world/feed.xml" rel="self" type="application/rss+xml"/>
  <ttl>30</ttl>
  <item>
    <title>Ferry talks resume in Valletta</title>
    <link>https://gazette.example/world/ferry-talks</link>
    <guid isPermaLink="false">gaz-1001</guid>
    <pubDate>Tue, 03 Nov 2026 14:05:00 GMT</pubDate>
    <description><![CDATA[<p>Negotiators met <b>again</b> on Tuesday.</p><p>Second paragraph.</p>]]></description>
    <content:encoded><![CDATA[<div><p>The full story of the talks.</p></div>]]></content:encoded>
  </item>
  <item>
    <title>Dock workers &lt;em&gt;strike&lt;/em&gt;</title>
    <guid>https://gazette.example/world/dock-strike</guid>
    <pubDate>Wed, 4 Nov 26 09:30 EST</pubDate>
    <description>Workers walked out &amp;amp; stayed out.</description>
  </item>
</channel>
</rss>`

const atom1 = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wire.example/">
  <title type="html">Wire &lt;b&gt;Desk&lt;/b&gt;</title>
  <link href="https://wire.example/feed.atom" rel="self"/>
  <link href="/" rel="alternate"/>
  <id>urn:uuid:feed-1</id>
  <updated>2026-11-05T10:00:00Z</updated>
  <entry xml:base="/stories/">
    <title>Border crossing reopens</title>
    <link rel="self" href="https://wire.example/api/1"/>
    <link rel="alternate" type="text/html" href="border-crossing"/>
    <id>urn:uuid:entry-1</id>
    <published>2026-11-05T08:15:00+02:00</published>
    <updated>2026-11-05T09:00:00Z</updated>
    <summary>Trucks &amp; buses cross again.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The crossing reopened at dawn.</p><p>Officials said more.</p></div></content>
  </entry>
  <entry>
    <title type="text">Only updated</title>
    <link href="https://wire.example/stories/updated"/>
    <id>urn:uuid:entry-2</id>
    <updated>2026-11-05T09:30:00Z</updated>
    <content type="html">&lt;p&gt;Escaped &lt;i&gt;markup&lt;/i&gt;.&lt;/p&gt;</content>
  </entry>
</feed>`

const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
  <channel rdf:about="https://bulletin.example/">
    <title>Bulletin</title>
    <link>https://bulletin.example/</link>
    <sy:updatePeriod>hourly</sy:updatePeriod>
    <sy:updateFrequency>2</sy:updateFrequency>
  </channel>
  <item rdf:about="https://bulletin.example/a/1">
    <title>Council votes on budget</title>
    <link>https://bulletin.example/a/1</link>
    <dc:date>2026-10-30T18:00:00-05:00</dc:date>
    <description>The council voted late.</description>
  </item>
</rdf:RDF>`

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		base string
		want Feed
	}{
		{"rss 2.0", rss2, "https://gazette.example/world/feed.xml", Feed{
			Kind: "rss", Title: "Harbour Gazette – World", Link: "https://gazette.example/world/", TTL: 30 * time.Minute,
			Items: []Item{{
				GUID: "gaz-1001", Link: "https://gazette.example/world/ferry-talks", Title: "Ferry talks resume in Valletta",
				Published: "2026-11-03T14:05:00Z",
				Summary:   "<p>Negotiators met <b>again</b> on Tuesday.</p><p>Second paragraph.</p>",
				Content:   "<div><p>The full story of the talks.</p></div>",
			}, {
				GUID: "https://gazette.example/world/dock-strike", Link: "https://gazette.example/world/dock-strike",
				Title: "Dock workers strike", Published: "2026-11-04T09:30:00-05:00",
				Summary: "Workers walked out &amp; stayed out.",
			}},
		}},
		{"atom with xml:base", atom1, "https://wire.example/feed.atom", Feed{
			Kind: "atom", Title: "Wire Desk", Link: "https://wire.example/",
			Items: []Item{{
				GUID: "urn:uuid:entry-1", Link: "https://wire.example/stories/border-crossing", Title: "Border crossing reopens",
				Published: "2026-11-05T08:15:00+02:00", Summary: "Trucks &amp; buses cross again.",
				Content: `<div xmlns="http://www.w3.org/1999/xhtml"><p>The crossing reopened at dawn.</p><p>Officials said more.</p></div>`,
			}, {
				GUID: "urn:uuid:entry-2", Link: "https://wire.example/stories/updated", Title: "Only updated",
				Published: "2026-11-05T09:30:00Z", Content: "<p>Escaped <i>markup</i>.</p>",
			}},
		}},
		{"rdf", rdf, "", Feed{
			Kind: "rdf", Title: "Bulletin", Link: "https://bulletin.example/", TTL: 30 * time.Minute,
			Items: []Item{{
				GUID: "https://bulletin.example/a/1", Link: "https://bulletin.example/a/1", Title: "Council votes on budget",
				Published: "2026-10-30T18:00:00-05:00", Summary: "The council voted late.",
			}},
		}},
		{"html entities, bare ampersand, unescaped html", `<rss><channel><title>A&nbsp;B &mdash; AT&T</title>
<item><title>Caf&eacute; talks</title><link>/news/cafe</link>
<description><p>First<br>line</p></description></item></channel></rss>`, "http://site.example/rss", Feed{
			Kind: "rss", Title: "A B — AT&T",
			Items: []Item{{Link: "http://site.example/news/cafe", Title: "Café talks", Summary: "<p>First<br>line</p>"}},
		}},
		{"relative link without base uses channel link", `<rss><channel><link>https://local.example/news/</link>
<item><title>T</title><link>story?id=7</link></item></channel></rss>`, "", Feed{
			Kind: "rss", Link: "https://local.example/news/",
			Items: []Item{{Title: "T", Link: "https://local.example/news/story?id=7"}},
		}},
		{"missing and unreadable dates", `<rss><channel>
<item><title>No date</title><link>https://x.example/1</link></item>
<item><title>Bad date</title><link>https://x.example/2</link><pubDate>sometime soon</pubDate></item>
</channel></rss>`, "", Feed{
			Kind:     "rss",
			Items:    []Item{{Title: "No date", Link: "https://x.example/1"}, {Title: "Bad date", Link: "https://x.example/2"}},
			Warnings: []string{`line 3: item 2: unreadable date "sometime soon" ignored`},
		}},
		{"invalid utf-8 and control characters", "<rss><channel><item><title>Bad \xff byte\x01</title><link>https://x.example/u</link></item></channel></rss>", "", Feed{
			Kind:  "rss",
			Items: []Item{{Title: "Bad \uFFFD byte", Link: "https://x.example/u"}},
			Warnings: []string{"invalid UTF-8: 1 byte sequence replaced with U+FFFD",
				"removed 1 control character that XML does not allow"},
		}},
		{"latin-1 declared", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Z\xfcrich caf\xe9</title></item></channel></rss>", "", Feed{
			Kind: "rss", Items: []Item{{Title: "Zürich café"}},
		}},
		{"utf-16 with BOM", utf16LE(`<?xml version="1.0" encoding="UTF-16"?><rss><channel><item><title>Wide</title></item></channel></rss>`), "", Feed{
			Kind: "rss", Items: []Item{{Title: "Wide"}},
		}},
		{"truncated after two items", `<rss><channel><title>Cut</title>
<item><title>One</title><link>https://x.example/1</link></item>
<item><title>Two</title><link>https://x.example/2</link></item>
<item><title>Thr`, "", Feed{
			Kind: "rss", Title: "Cut",
			Items:    []Item{{Title: "One", Link: "https://x.example/1"}, {Title: "Two", Link: "https://x.example/2"}},
			Warnings: []string{"the document is broken at line 4: the document ends inside <title>: kept the 2 items read before it"},
		}},
		{"atom without namespace and link with no rel", `<feed><entry><title>Plain</title><link href="https://p.example/1"/><id>1</id></entry></feed>`, "", Feed{
			Kind: "atom", Items: []Item{{GUID: "1", Title: "Plain", Link: "https://p.example/1"}},
		}},
		{"channel as root and guid with permalink", `<channel><item><guid>http://g.example/9</guid></item></channel>`, "", Feed{
			Kind: "rss", Items: []Item{{GUID: "http://g.example/9", Link: "http://g.example/9"}},
		}},
		{"content after the root ignored", `<rss><channel><item><title>A</title></item></channel></rss><rss/>`, "", Feed{
			Kind: "rss", Items: []Item{{Title: "A"}}, Warnings: []string{"line 1: content after the root element ignored"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.in), tt.base)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("Parse (-want +got):\n%s", diff)
			}
		})
	}
}

func utf16LE(s string) string {
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xFE})
	for _, r := range s {
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	return b.String()
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		notFeed  bool
		want     string // in the message
	}{
		{"html page", "<!DOCTYPE html>\n<html><head><title>Login</title></head><body>Sign in</body></html>", true, "HTML page"},
		{"html without doctype", "<html><body><p>hi</p></body></html>", true, "HTML page"},
		{"html after comment", "<!-- proxy --><html><body>x</body></html>", true, "HTML page"},
		{"json", `{"version": "https://jsonfeed.org/version/1.1"}`, true, "JSON"},
		{"plain text", "Service Unavailable", true, `starts with 'S'`},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", true, "binary"},
		{"empty", "  \n ", true, "empty"},
		{"other xml", `<?xml version="1.0"?><svg><rect/></svg>`, true, "root element <svg>"},
		{"broken before any item", "<rss>\n<channel>\n<title>x</title>\n<item><title>y</ti", false, "line 4"},
		{"stray end tag before any item", "<rss>\n</channel>\n</rss>", false, "line 2: unexpected end element </channel>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), "")
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, ErrNotFeed) != tt.notFeed {
				t.Errorf("errors.Is(ErrNotFeed) = %v, want %v: %v", !tt.notFeed, tt.notFeed, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not say %q", err, tt.want)
			}
		})
	}
}

func TestReadCapsSize(t *testing.T) {
	var b strings.Builder
	b.WriteString("<rss><channel>")
	for i := 0; b.Len() < 1<<20; i++ {
		fmt.Fprintf(&b, "<item><title>Story %d</title><link>https://big.example/%d</link></item>\n", i, i)
	}
	b.WriteString("</channel></rss>")
	_, err := Read(strings.NewReader(b.String()), "", 64<<10)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Read with a 64 KB cap: %v, want ErrTooLarge", err)
	}
	f, err := Read(strings.NewReader(b.String()), "", 2<<20)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != MaxItems || len(f.Warnings) != 1 || !strings.Contains(f.Warnings[0], "only the first 10000") {
		t.Errorf("items %d, warnings %q", len(f.Items), f.Warnings)
	}
}

func TestDeepNestingIsBounded(t *testing.T) {
	in := "<rss><channel><item><title>Deep</title><description>" + strings.Repeat("<div>", 5000) + "x" +
		strings.Repeat("</div>", 5000) + "</description></item></channel></rss>"
	f, err := Parse([]byte(in), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 1 || f.Items[0].Title != "Deep" || f.Items[0].Text() != "x" {
		t.Errorf("got %+v", f.Items)
	}
}

func TestHostileNestingIsCut(t *testing.T) {
	in := "<rss><channel><item><title>Kept</title></item><item><title>Lost</title><description>" +
		strings.Repeat("<a>", 200000) + "</description></item></channel></rss>"
	f, err := Parse([]byte(in), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 1 || f.Items[0].Title != "Kept" {
		t.Errorf("items %+v", f.Items)
	}
	if len(f.Warnings) != 1 || !strings.Contains(f.Warnings[0], "nested more than 10000 deep") {
		t.Errorf("warnings %q", f.Warnings)
	}
}

func TestItemKey(t *testing.T) {
	a := Item{Title: "Same", Summary: "text"}
	b := Item{Title: "Same", Summary: "other text"}
	if a.Key() == b.Key() || !strings.HasPrefix(a.Key(), "sha256:") {
		t.Errorf("hash keys %q %q", a.Key(), b.Key())
	}
	if k := (Item{GUID: "g", Link: "l"}).Key(); k != "g" {
		t.Errorf("key with guid = %q", k)
	}
	if k := (Item{Link: "l"}).Key(); k != "l" {
		t.Errorf("key with link = %q", k)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tue, 03 Nov 2026 14:05:00 GMT", "2026-11-03T14:05:00Z"},
		{"Tue, 3 Nov 2026 14:05:00 +0100", "2026-11-03T14:05:00+01:00"},
		{"3 Nov 2026 14:05 PDT", "2026-11-03T14:05:00-07:00"},
		{"Tuesday, 03 Nov 26 14:05:00 EST", "2026-11-03T14:05:00-05:00"},
		{"03 Sept 2026 08:00:00 UT", "2026-09-03T08:00:00Z"},
		{"Thu, 05 Nov 2026 10:00:00 +0000 (UTC)", "2026-11-05T10:00:00Z"},
		{"05 Nov 2026 10:00:00 GMT+2", "2026-11-05T10:00:00+02:00"},
		{"2026-11-05T10:00:00Z", "2026-11-05T10:00:00Z"},
		{"2026-11-05T10:00:00.123+05:30", "2026-11-05T10:00:00+05:30"},
		{"2026-11-05T10:00:00", "2026-11-05T10:00:00Z"},
		{"2026-11-05 10:00:00", "2026-11-05T10:00:00Z"},
		{"2026-11-05", "2026-11-05"},
		{"November 5, 2026", "2026-11-05"},
		{"Nov 5, 2026 10:00:00", "2026-11-05T10:00:00Z"},
		{"nope", ""},
		{"", ""},
		{"Mon, 01 Jan 0001 00:00:00 GMT", ""},
	}
	for _, tt := range tests {
		got, ok := ParseDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>One <b>bold</b> word.</p><p>Two.</p>", "One bold word.\n\nTwo."},
		{"Line one<br/>Line two", "Line one\n\nLine two"},
		{"<script>var x = 1;</script><style>p{}</style>Kept &amp; decoded&nbsp;text", "Kept & decoded text"},
		{"plain   text\n\twith  spaces", "plain text with spaces"},
		{"<div><img src=x.jpg>Caption</div><ul><li>a</li><li>b</li></ul>", "Caption\n\na\n\nb"},
		{"  ", ""},
		{"bad \xff", "bad \uFFFD"},
	}
	for _, tt := range tests {
		if got := PlainText(tt.in); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestItemText(t *testing.T) {
	it := Item{Summary: "<p>Short.</p>", Content: "<p>Long one.</p><p>More.</p>"}
	if got := it.Text(); got != "Long one.\n\nMore." {
		t.Errorf("Text with content = %q", got)
	}
	it.Content = "<p> </p>"
	if got := it.Text(); got != "Short." {
		t.Errorf("Text without content = %q", got)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{rss2, atom1, rdf, "<rss><channel><item><title>x</title></item></channel></rss>",
		"<html><body>x</body></html>", "<feed><entry><content type=\"xhtml\"><div>a</div></content></entry></feed>",
		"<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><channel><item><title>\x93q\x94</title></item></channel></rss>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := Parse(data, "https://fuzz.example/feed")
		if err != nil {
			return
		}
		if got.Kind != "rss" && got.Kind != "atom" && got.Kind != "rdf" {
			t.Errorf("kind %q", got.Kind)
		}
		for _, it := range got.Items {
			for _, s := range []string{it.Title, it.Link, it.GUID, it.Summary, it.Content, it.Text()} {
				if !utf8.ValidString(s) {
					t.Errorf("invalid UTF-8 in %q", s)
				}
			}
			if strings.ContainsAny(it.Title, "\n\r\t") {
				t.Errorf("title not one line: %q", it.Title)
			}
			if it.Published != "" {
				if _, ok := ParseDate(it.Published); !ok {
					t.Errorf("published %q does not read back", it.Published)
				}
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	var in strings.Builder
	in.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>`)
	for i := range 500 {
		fmt.Fprintf(&in, `<item><title>Story %d &amp; more</title><link>/s/%d</link><guid>g%d</guid><pubDate>Thu, 05 Nov 2026 10:%02d:00 GMT</pubDate>
<description><![CDATA[<p>Paragraph one of story %d.</p><p>Paragraph two.</p>]]></description><content:encoded><![CDATA[<div><p>Full text %d.</p></div>]]></content:encoded></item>
`, i, i, i, i%60, i, i)
	}
	in.WriteString("</channel></rss>")
	data := []byte(in.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, "https://bench.example/rss"); err != nil {
			b.Fatal(err)
		}
	}
}

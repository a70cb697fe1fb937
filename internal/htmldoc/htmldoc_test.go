package htmldoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dyad/news"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// pages are the test pages in testdata with the URL each was "fetched" from.
var pages = []struct {
	name string
	url  string
}{
	{"ceasefire", "https://www.globalwire.example/a/4471.html?utm_source=feed"},
	{"sanctions_graph", "https://www.continentalpost.example/world/europe/x?ref=home"},
	{"assembly_metadate", "http://dailyledger.example/national/2016/07/15/emergency.html"},
	{"summit_wire", "https://harbortimes.example/2016/07/15/summit/"},
	{"election_lead", ""},
}

func readPage(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".html"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseGolden(t *testing.T) {
	for _, tc := range pages {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse(readPage(t, tc.name), tc.url)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkBlocks(t, got)
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(got); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", tc.name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantJSON, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			var want Page
			if err := json.Unmarshal(wantJSON, &want); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// checkBlocks checks what every Page must satisfy.
func checkBlocks(t *testing.T, p Page) {
	t.Helper()
	for i, b := range p.Blocks {
		switch b.Kind {
		case news.BlockParagraph, news.BlockHeading, news.BlockCaption:
		default:
			t.Errorf("block %d: kind %q", i, b.Kind)
		}
		if b.Text == "" || strings.ContainsAny(b.Text, "\n\r") || !utf8.ValidString(b.Text) ||
			b.Text != strings.TrimSpace(b.Text) || strings.Contains(b.Text, "  ") {
			t.Errorf("block %d: text not one clean line: %q", i, b.Text)
		}
		if rxEntity.MatchString(b.Text) {
			t.Errorf("block %d: character reference left: %q", i, b.Text)
		}
	}
}

// TestNoFurniture checks that navigation, ads, share buttons, related links,
// cookie notices, newsletters, comments and footers stay out of the blocks,
// and that the captions and headings the pages have are in.
func TestNoFurniture(t *testing.T) {
	leaks := []string{
		"Advertisement", "Share on", "Share this", "Facebook", "Twitter", "WhatsApp", "Related",
		"Leave a Reply", "comment", "We use cookies", "Most read", "Recent Posts", "All rights reserved",
		"Privacy", "reader_2016", "Talks have failed", "Good to see them", "Statements are cheap",
		"Sign up", "newsletter", "Read more", "Back to National", "Front page", "live coverage",
		"Runoff campaign ends", "Skip to", "UN envoy visits capital", "Election commission postpones",
		"Border villages evacuated", "Coast guard seizes", "Log in", "Subscribe", "powered by",
		"By Staff Reporter", "Election 2016", "Home",
	}
	want := map[string][]Block{
		"ceasefire": {
			{news.BlockCaption, "Delegates from the two factions wait for the start of a preparatory session in Geneva, July 14, 2016."},
			{news.BlockHeading, "Pressure from neighbors"},
			{news.BlockCaption, "Families displaced by fighting gather at a border crossing, June 28, 2016. Photo: Global Wire Radio"},
			{news.BlockHeading, "Humanitarian access"},
		},
		"sanctions_graph": {
			{news.BlockCaption, "Foreign ministers pose for a family photo before their meeting in Brussels, July 15, 2016. REUTERS-style pool photo"},
			{news.BlockHeading, "Divisions over energy"},
			{news.BlockCaption, "A damaged house in a village near the border, July 12, 2016."},
		},
		"assembly_metadate": {
			{news.BlockHeading, "Rights groups concerned"},
			{news.BlockCaption, "Members of the national assembly during Friday's vote."},
		},
		"summit_wire": {
			{news.BlockCaption, "Leaders link arms for a group photo at the summit in Singapore on Friday."},
			{news.BlockHeading, "‘Talks, not threats’"},
		},
		"election_lead": {
			{news.BlockCaption, "Supporters of the opposition candidate celebrate outside the party headquarters after the results were announced."},
			{news.BlockCaption, "Electoral commission officials count ballots in the capital on Thursday night."},
			{news.BlockHeading, "Transition talks"},
			{news.BlockHeading, "Markets react"},
		},
	}
	for _, tc := range pages {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse(readPage(t, tc.name), tc.url)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var got []Block
			for _, b := range p.Blocks {
				for _, l := range leaks {
					if strings.Contains(b.Text, l) {
						t.Errorf("furniture %q leaked into %s block %q", l, b.Kind, b.Text)
					}
				}
				if b.Kind != news.BlockParagraph {
					got = append(got, b)
				}
				if b.Text == p.Title {
					t.Errorf("title repeated as a block: %q", b.Text)
				}
			}
			if diff := cmp.Diff(want[tc.name], got); diff != "" {
				t.Errorf("captions and headings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseNoText(t *testing.T) {
	tests := []struct {
		name string
		body string
	}{
		{"empty", ""},
		{"blank", " \n\t "},
		{"scripts", `<html><head><script>var a = "<p>not text</p>";</script></head><body><script>document.write("hi")</script><style>p{}</style></body></html>`},
		{"nav only", `<html><body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li></ul></nav></body></html>`},
		{"links only", `<body><ul><li><a href="/a">One story</a></li><li><a href="/b">Another story</a></li></ul></body>`},
		{"furniture only", `<body><div class="ad">Advertisement</div><div class="share"><a>Share</a></div><footer>Copyright 2016</footer></body>`},
		{"binary", "\x00\x01\x02\xff\xfe"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse([]byte(tc.body), "https://example.com/")
			if !errors.Is(err, ErrNoText) {
				t.Fatalf("Parse = %+v, %v; want ErrNoText", p, err)
			}
			if !strings.Contains(err.Error(), "no article text found in HTML") {
				t.Errorf("error %q", err)
			}
		})
	}
}

// TestParseBlocks checks the block walk on small pages.
func TestParseBlocks(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []Block
	}{
		{
			name: "inline markup, br, entities, whitespace",
			body: `<p>The  <b>minister</b> said&nbsp;on<br>Tuesday that <a href="/x">talks</a>
				would&#32;resume &amp; that AT&amp;amp;T was &quot;not involved&quot;.</p>`,
			want: []Block{{news.BlockParagraph, `The minister said on Tuesday that talks would resume & that AT&T was "not involved".`}},
		},
		{
			name: "kinds and order",
			body: `<article><h2>Talks open</h2><p>Delegates met on Monday in the capital to open the talks.</p>
				<figure><img src="a.jpg"><figcaption>Delegates <em>arrive</em>.</figcaption></figure>
				<blockquote><p>We are ready.</p></blockquote><ul><li>First point of the accord.</li><li>Second point.</li></ul>
				<h3>Next steps</h3><pre>Line one
line two</pre><dl><dt>Term</dt><dd>A definition of the term.</dd></dl></article>`,
			want: []Block{
				{news.BlockHeading, "Talks open"},
				{news.BlockParagraph, "Delegates met on Monday in the capital to open the talks."},
				{news.BlockCaption, "Delegates arrive."},
				{news.BlockParagraph, "We are ready."},
				{news.BlockParagraph, "First point of the accord."},
				{news.BlockParagraph, "Second point."},
				{news.BlockHeading, "Next steps"},
				{news.BlockParagraph, "Line one line two"},
				{news.BlockParagraph, "Term"},
				{news.BlockParagraph, "A definition of the term."},
			},
		},
		{
			name: "caption-like elements",
			body: `<div><p>The president spoke to reporters at length on Friday.</p>
				<div class="image"><img src="a.jpg"><div class="image-caption">The president on Friday.</div></div>
				<p class="pic"><img src="b.jpg"> <span itemprop="caption">Crowds in the square.</span></p></div>`,
			want: []Block{
				{news.BlockParagraph, "The president spoke to reporters at length on Friday."},
				{news.BlockCaption, "The president on Friday."},
				{news.BlockCaption, "Crowds in the square."},
			},
		},
		{
			name: "title heading dropped",
			body: `<html><head><title>Rebels seize town - Wire</title></head><body><article><h1>Rebels seize town</h1>
				<p>Rebels seized the town of Aldor on Sunday, residents said.</p></article></body></html>`,
			want: []Block{{news.BlockParagraph, "Rebels seized the town of Aldor on Sunday, residents said."}},
		},
		{
			name: "furniture text",
			body: `<article><p>Police arrested four protesters outside parliament.</p><p>Advertisement</p>
				<p>Read more: Protests spread to second city</p><p>Share this article</p>
				<p>We use cookies to give you the best experience.</p><p>Leave a Reply</p>
				<ul><li><a href="/a">Protests spread to second city</a></li></ul></article>`,
			want: []Block{{news.BlockParagraph, "Police arrested four protesters outside parliament."}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse([]byte(tc.body), "")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if diff := cmp.Diff(tc.want, got.Blocks); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
		})
	}
}

// TestParseOdd checks pages that are not well formed: nested past the
// parser's limit, in a legacy charset, with invalid UTF-8.
func TestParseOdd(t *testing.T) {
	tests := []struct {
		name string
		body string
		want string // a text some block must hold
	}{
		{"unclosed divs", strings.Repeat("<div>", 3000) + "<p>Troops withdrew from the border on Monday.</p>", "Troops withdrew from the border on Monday."},
		{"unclosed fonts", "<title>T</title>" + strings.Repeat("<font size=2>", 1000) + "<h2>Vote</h2><p>Voters went to the polls.</p>", "Voters went to the polls."},
		{"windows-1252", "<meta charset=\"windows-1252\"><p>The minister\x92s \x93plan\x94 was approved.</p>", "The minister’s “plan” was approved."},
		{"latin-1 undeclared", "<p>Les d\xe9l\xe9gu\xe9s sont arriv\xe9s \xe0 Gen\xe8ve.</p>", "Les délégués sont arrivés à Genève."},
		{"broken utf-8", "<p>Die Delegierten sind in Genf angekommen \xc3\xa4\xff und bleiben.</p>", "Die Delegierten sind in Genf angekommen ä\uFFFD und bleiben."},
		{"nul and controls", "<p>Ten\x00 people\x07 were\x1b hurt.</p>", "Ten people were hurt."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse([]byte(tc.body), "")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			checkBlocks(t, p)
			for _, b := range p.Blocks {
				if b.Text == tc.want {
					return
				}
			}
			t.Errorf("no block %q in %q", tc.want, p.Blocks)
		})
	}
}

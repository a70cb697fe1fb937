package htmldoc

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalizeDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for a value to ignore
	}{
		{"2016-07-15", "2016-07-15"},
		{" 2016-07-15\n", "2016-07-15"},
		{"2016-07-15T09:30:00+03:00", "2016-07-15T09:30:00+03:00"},
		{"2016-07-15T09:30:00.123+03:00", "2016-07-15T09:30:00+03:00"},
		{"2016-07-15T09:30:00Z", "2016-07-15T09:30:00Z"},
		{"2016-07-15T09:30:00+00:00", "2016-07-15T09:30:00Z"},
		{"2016-07-15T09:30:00+0300", "2016-07-15T09:30:00+03:00"},
		{"2016-07-15T09:30:00-0430", "2016-07-15T09:30:00-04:30"},
		{"2016-07-15T09:30:00+03", "2016-07-15T09:30:00+03:00"},
		{"2016-07-15T09:30+03:00", "2016-07-15T09:30:00+03:00"},
		{"2016-07-15T09:30Z", "2016-07-15T09:30:00Z"},
		{"2016-07-15T09:30:00", "2016-07-15T09:30:00"},
		{"2016-07-15T09:30", "2016-07-15T09:30:00"},
		{"2016-07-15 09:30:00", "2016-07-15T09:30:00"},
		{"2016-07-15 09:30", "2016-07-15T09:30:00"},
		{"2016-07-15 09:30:00 +0300", "2016-07-15T09:30:00+03:00"},
		{"2016-07-15 09:30:00+03:00", "2016-07-15T09:30:00+03:00"},
		{"2016-07-15 09:30:00 UTC", "2016-07-15T09:30:00Z"},
		{"2016-07-15 09:30:00 EDT", "2016-07-15T09:30:00-04:00"},
		{"Fri, 15 Jul 2016 09:30:00 GMT", "2016-07-15T09:30:00Z"},
		{"Fri, 15 Jul 2016 09:30:00 +0300", "2016-07-15T09:30:00+03:00"},
		{"Fri, 15 Jul 2016 09:30:00 EST", "2016-07-15T09:30:00-05:00"},
		{"Fri, 15 Jul 2016 09:30:00 XYZ", "2016-07-15T09:30:00"},
		{"Fri, 5 Jul 2016 09:30:00 -0400", "2016-07-05T09:30:00-04:00"},
		{"15 Jul 2016 09:30:00 +0300", "2016-07-15T09:30:00+03:00"},
		{"Friday, 15-Jul-16 09:30:00 UTC", "2016-07-15T09:30:00Z"},
		{"2016/07/15", "2016-07-15"},
		{"20160715", "2016-07-15"},
		{"July 15, 2016", "2016-07-15"},
		{"Jul 15, 2016", "2016-07-15"},
		{"15 July 2016", "2016-07-15"},
		{"", ""},
		{"yesterday", ""},
		{"2016-13-45", ""},
		{"2016-07-15T25:00:00Z", ""},
		{"0001-01-01T00:00:00Z", ""},
		{"1469000000", ""},
		{strings.Repeat("2016-07-15", 20), ""},
	}
	for _, tc := range tests {
		got, ok := normalizeDate(tc.in)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("normalizeDate(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct {
		title, source, want string
	}{
		{"Kerry meets Lavrov in Moscow - VOA", "", "Kerry meets Lavrov in Moscow"},
		{"Kerry meets Lavrov in Moscow | Reuters", "", "Kerry meets Lavrov in Moscow"},
		{"Kerry meets Lavrov in Moscow – BBC News", "", "Kerry meets Lavrov in Moscow"},
		{"Kerry meets Lavrov in Moscow — The Daily Ledger", "", "Kerry meets Lavrov in Moscow"},
		{"World | Kerry meets Lavrov in Moscow | Reuters", "", "World | Kerry meets Lavrov in Moscow"},
		{"Kerry meets Lavrov in Moscow - dailyledger.example", "dailyledger.example", "Kerry meets Lavrov in Moscow"},
		{"Reuters - Kerry meets Lavrov in Moscow", "Reuters", "Kerry meets Lavrov in Moscow"},
		{"Talks collapse - again", "", "Talks collapse - again"},
		{"Talks collapse - a report from the field of battle today", "", "Talks collapse - a report from the field of battle today"},
		{"Moscow: What We Know", "", "Moscow: What We Know"},
		{"Al-Assad speaks", "", "Al-Assad speaks"},
		{"  Kerry\nmeets Lavrov  ", "", "Kerry meets Lavrov"},
		{"VOA", "", "VOA"},
		{"", "", ""},
	}
	for _, tc := range tests {
		if got := stripSiteName(tc.title, tc.source); got != tc.want {
			t.Errorf("stripSiteName(%q, %q) = %q; want %q", tc.title, tc.source, got, tc.want)
		}
	}
}

// TestMetadata checks where each field is taken from and in which order.
func TestMetadata(t *testing.T) {
	const body = `<p>Troops withdrew from the disputed border area on Monday, the defence ministry said in a statement.</p>`
	tests := []struct {
		name string
		head string
		url  string
		want Page
	}{
		{
			name: "og wins",
			head: `<html lang="de-AT"><title>T from title - Site</title>
				<meta property="og:title" content="T from og"><meta name="twitter:title" content="T from twitter">
				<meta property="og:site_name" content="Og Site"><meta name="application-name" content="App">
				<meta property="og:url" content="https://og.example/a"><link rel="canonical" href="https://canon.example/a">
				<meta property="article:published_time" content="2016-07-15T09:30:00+03:00"><meta name="date" content="2015-01-01">
				<meta property="og:locale" content="fr_FR">`,
			url:  "https://page.example/a",
			want: Page{Title: "T from og", Source: "Og Site", URL: "https://canon.example/a", Published: "2016-07-15T09:30:00+03:00", Language: "de"},
		},
		{
			name: "twitter, application-name, og:url, og:locale",
			head: `<title>T from title - Site</title><meta name="twitter:title" content="T from twitter">
				<meta name="application-name" content="App"><meta property="og:url" content="/relative/a">
				<meta property="og:locale" content="fr_FR">`,
			url:  "https://page.example/x/y",
			want: Page{Title: "T from twitter", Source: "App", URL: "https://page.example/relative/a", Language: "fr"},
		},
		{
			name: "title tag and host",
			head: `<title>Troops withdraw from border | Frontier Herald</title><meta http-equiv="Content-Language" content="es-MX">`,
			url:  "https://www.frontier.example/a?b=c",
			want: Page{Title: "Troops withdraw from border", Source: "frontier.example", URL: "https://www.frontier.example/a?b=c", Language: "es"},
		},
		{
			name: "nothing",
			head: ``,
			url:  "",
			want: Page{},
		},
		{
			name: "bad canonical ignored",
			head: `<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="not a url">`,
			url:  "https://page.example/a",
			want: Page{Source: "page.example", URL: "https://page.example/a"},
		},
		{
			name: "json-ld graph with publisher by id",
			head: `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
				{"@type":"Organization","@id":"#org","name":"Graph News"},
				{"@type":"WebPage","datePublished":"2001-01-01","name":"page"},
				{"@type":"NewsArticle","headline":"Graph headline","datePublished":"2016-07-15T09:30:00+0300","publisher":{"@id":"#org"}}]}</script>`,
			want: Page{Title: "Graph headline", Source: "Graph News", Published: "2016-07-15T09:30:00+03:00"},
		},
		{
			name: "json-ld array, unparseable date skipped",
			head: `<script type="application/ld+json">[{"@type":"BreadcrumbList"},
				{"@type":"ReportageNewsArticle","headline":["Array headline"],"datePublished":"soon","publisher":[{"@type":"Organization","name":"Array News"}]}]</script>
				<meta name="sailthru.date" content="2016-07-15 09:30:00">`,
			want: Page{Title: "Array headline", Source: "Array News", Published: "2016-07-15T09:30:00"},
		},
		{
			name: "malformed json-ld ignored",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","headline":</script>
				<script type="application/ld+json"><![CDATA[{"@type":"Article","headline":"CDATA headline"}]]></script>`,
			want: Page{Title: "CDATA headline"},
		},
		{
			name: "meta date names",
			head: `<meta name="DC.date.issued" content="2016-07-15">`,
			want: Page{Published: "2016-07-15"},
		},
		{
			name: "itemprop datePublished",
			head: `<span itemprop="datePublished" content="2016-07-15T09:30:00+02:00">15 July</span>`,
			want: Page{Published: "2016-07-15T09:30:00+02:00"},
		},
		{
			name: "time in the article",
			head: `<article><time datetime="2016-07-15T09:30">July 15</time>` + body + body + `</article>`,
			want: Page{Published: "2016-07-15T09:30:00"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse([]byte(tc.head+body), tc.url)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			got.Blocks = nil
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("metadata (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPublishedTime checks which <time datetime> gives the publication date
// of a page without date metadata: pubdate first, then one in the article,
// then the nearest one above it, never one in furniture or below the article.
func TestPublishedTime(t *testing.T) {
	const story = `<p>Troops withdrew from the disputed border area on Monday, the defence ministry said in a statement issued in the capital.</p>
		<p>The withdrawal followed three weeks of talks between the two governments, which had accused each other of moving artillery closer to the frontier.</p>
		<p>Villagers who fled the shelling in the spring said they would wait for the mine clearance teams before going back to their fields.</p>`
	tests := []struct {
		name string
		page string
		want string
	}{
		{
			name: "time above the article",
			page: `<header><div class="masthead"><time datetime="2030-01-01">Today</time></div></header>
				<div class="byline">Filed <time datetime="2016-07-15T09:30:00+02:00">15 July</time></div>
				<article>` + story + `</article>
				<section class="comments"><p>A reader, <time datetime="2016-07-20">20 July</time></p></section>`,
			want: "2016-07-15T09:30:00+02:00",
		},
		{
			name: "nearest time above the article",
			page: `<div><time datetime="2016-07-01">1 July</time></div><div><time datetime="2016-07-15">15 July</time></div>
				<article>` + story + `</article>`,
			want: "2016-07-15",
		},
		{
			name: "time in the article before time above it",
			page: `<p class="dateline"><time datetime="2016-07-14">14 July</time></p>
				<article><p><time datetime="2016-07-15">15 July</time></p>` + story + `</article>`,
			want: "2016-07-15",
		},
		{
			name: "pubdate before other times",
			page: `<p><time datetime="2016-07-14">14 July</time></p>
				<article>` + story + `<p>Updated <time datetime="2016-07-16">16 July</time>; first published
				<time pubdate datetime="2016-07-15">15 July</time>.</p></article>`,
			want: "2016-07-15",
		},
		{
			name: "meta date before time above the article",
			page: `<meta name="date" content="2016-07-15"><p><time datetime="2016-07-14">14 July</time></p>
				<article>` + story + `</article>`,
			want: "2016-07-15",
		},
		{
			name: "json-ld before time in the article",
			page: `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2016-07-15"}</script>
				<article><p><time datetime="2016-07-14">14 July</time></p>` + story + `</article>`,
			want: "2016-07-15",
		},
		{
			name: "no time from comments, related stories or below the article",
			page: `<nav><time datetime="2016-07-19">19 July</time></nav>
				<article>` + story + `<div class="comments"><p>A reader, <time datetime="2016-07-20">20 July</time></p></div></article>
				<aside><time datetime="2016-07-21">21 July</time></aside>
				<p>Posted <time datetime="2016-07-22">22 July</time></p>`,
			want: "",
		},
		{
			name: "unparseable datetime skipped",
			page: `<p><time datetime="2016-07-15">15 July</time></p><p><time datetime="yesterday">yesterday</time></p>
				<article>` + story + `</article>`,
			want: "2016-07-15",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Parse([]byte("<html><body>"+tc.page+"</body></html>"), "")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got.Published != tc.want {
				t.Errorf("Published = %q; want %q", got.Published, tc.want)
			}
		})
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a \n\t b\r\nc  ", "a b c"},
		{"a\u00a0b\u2028c\u2029d", "a b c d"},
		{"soft\u00adhy\u200bphen\ufeff", "softhyphen"},
		{"AT&amp;T &#8217; &#x2014; &nbsp;x", "AT&T ’ — x"},
		{"bell\x07 esc\x1b del\x7f c1\u0085", "bell esc del c1"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"&notanentity; & so", "&notanentity; & so"},
	}
	for _, tc := range tests {
		if got := cleanText(tc.in); got != tc.want {
			t.Errorf("cleanText(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

package htmldoc

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// meta holds what the page says about itself, gathered in one pass over the
// document before readability sees it.
type meta struct {
	props     map[string]string // first content of <meta property|name|itemprop|http-equiv>, keys lower-cased
	title     string            // text of <title>
	canonical string            // href of <link rel=canonical>
	lang      string            // <html lang>
	ld        ldInfo
	itemDate  string // datetime or text of an element with itemprop=datePublished
}

// ldInfo is what the JSON-LD article object of a page says.
type ldInfo struct {
	headline  string
	published string // every datePublished found, best first
	publisher string
}

// readMeta gathers the metadata of a parsed document.
func readMeta(doc *html.Node) meta {
	m := meta{props: map[string]string{}}
	var scripts []string
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Html:
			if m.lang == "" {
				m.lang = attr(n, "lang")
				if m.lang == "" {
					m.lang = attr(n, "xml:lang")
				}
			}
		case atom.Title:
			if m.title == "" && n.Namespace == "" {
				m.title = cleanText(textOf(n))
			}
		case atom.Meta:
			content := strings.TrimSpace(attr(n, "content"))
			if content == "" {
				if v := attr(n, "datetime"); v != "" && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
					m.setItemDate(v)
				}
				continue
			}
			for _, key := range []string{"property", "name", "itemprop", "http-equiv"} {
				for k := range strings.FieldsSeq(strings.ToLower(attr(n, key))) {
					if _, ok := m.props[k]; !ok {
						m.props[k] = content
					}
				}
			}
		case atom.Link:
			if m.canonical == "" && hasToken(attr(n, "rel"), "canonical") {
				m.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Script:
			if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
				scripts = append(scripts, textOf(n))
			}
		}
		if n.DataAtom != atom.Meta && strings.EqualFold(attr(n, "itemprop"), "datePublished") {
			v := attr(n, "datetime")
			if v == "" {
				v = attr(n, "content")
			}
			if v == "" {
				v = textOf(n)
			}
			m.setItemDate(v)
		}
	}
	m.ld = readJSONLD(scripts)
	return m
}

func (m *meta) setItemDate(v string) {
	if m.itemDate == "" {
		m.itemDate = strings.TrimSpace(v)
	}
}

// prop returns the first non-empty property among keys.
func (m *meta) prop(keys ...string) string {
	for _, k := range keys {
		if v := cleanText(m.props[k]); v != "" {
			return v
		}
	}
	return ""
}

// pageTitle picks the headline: og:title, twitter:title, JSON-LD headline,
// else <title> without the site's name.
func (m *meta) pageTitle(source string) string {
	if t := m.prop("og:title", "twitter:title"); t != "" {
		return t
	}
	if t := cleanText(m.ld.headline); t != "" {
		return t
	}
	return stripSiteName(m.title, source)
}

// pageSource picks the outlet's name.
func (m *meta) pageSource(pageURL string) string {
	if s := m.prop("og:site_name"); s != "" {
		return s
	}
	if s := cleanText(m.ld.publisher); s != "" {
		return s
	}
	if s := m.prop("application-name"); s != "" {
		return s
	}
	if u, err := url.Parse(pageURL); err == nil && u.Hostname() != "" {
		return cleanText(strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."))
	}
	return ""
}

// pageURL picks the canonical URL, resolved against the URL the page came from.
func (m *meta) pageURL(pageURL string) string {
	base, err := url.Parse(pageURL)
	if err != nil {
		base = nil
	}
	for _, c := range []string{m.canonical, m.props["og:url"]} {
		if u := absoluteURL(base, c); u != "" {
			return u
		}
	}
	return pageURL
}

// absoluteURL resolves ref against base and returns it when it is an http(s) URL.
func absoluteURL(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.ContainsAny(ref, " \t\n\r") {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil && base.IsAbs() {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// dateKeys are the meta names that carry a publication date, in the order
// they are trusted after article:published_time and JSON-LD.
var dateKeys = []string{
	"date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
	"dcterms.issued", "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date",
	"article.published", "og:published_time", "datepublished",
}

// published picks and normalises the publication date. The page's own
// metadata comes first (article:published_time, JSON-LD, the meta date names,
// itemprop=datePublished); failing those, the <time datetime> elements of the
// page: one marked pubdate, then one in the article's region (region, -1 when
// unknown), then the nearest one above the article, where many sites print the
// date outside <article>. A <time> in page furniture (comments, related
// stories, navigation, footers) or below the article is never taken.
func (m *meta) published(ix *docIndex, region int) string {
	cands := []string{m.props["article:published_time"]}
	cands = append(cands, strings.Split(m.ld.published, "\x00")...)
	for _, k := range dateKeys {
		cands = append(cands, m.props[k])
	}
	cands = append(cands, m.itemDate)
	for _, c := range cands {
		if d, ok := normalizeDate(c); ok {
			return d
		}
	}
	var pubdate, inside, above string
	for i, n := range ix.nodes {
		if n.DataAtom != atom.Time {
			continue
		}
		where := timeBefore
		switch {
		case region < 0:
		case ix.contains(region, i):
			where = timeInside
		case i > region:
			continue // below the article: a comment's or a related story's date
		}
		d, ok := normalizeDate(attr(n, "datetime"))
		if !ok || inFurniture(ix, i, region) {
			continue
		}
		switch {
		case hasAttr(n, "pubdate") && pubdate == "":
			pubdate = d
		case where == timeInside && inside == "":
			inside = d
		case where == timeBefore && (region >= 0 || above == ""):
			above = d // the last one before the article is the nearest
		}
	}
	for _, d := range []string{pubdate, inside, above} {
		if d != "" {
			return d
		}
	}
	return ""
}

// Where a <time> element lies with respect to the article's region.
const (
	timeBefore = iota
	timeInside
)

// inFurniture reports whether element i lies in page furniture (by tag, role,
// visibility or class) below the nearest element it shares with the
// article's region: the page's outer wrappers, which hold the article too,
// are not judged.
func inFurniture(ix *docIndex, i, region int) bool {
	for j := i; j >= 0; j = ix.parent(j) {
		if region >= 0 && ix.contains(j, region) {
			return false
		}
		if n := ix.nodes[j]; junkByTag(n) || junkByClass(n) {
			return true
		}
	}
	return false
}

// language returns the primary language subtag: "en-US" and "en_US" give "en".
func (m *meta) language() string {
	for _, v := range []string{m.lang, m.props["og:locale"], m.props["content-language"], m.props["language"], m.props["dc.language"]} {
		v = strings.TrimSpace(v)
		if i := strings.IndexAny(v, ",;"); i >= 0 {
			v = v[:i]
		}
		if i := strings.IndexAny(v, "-_"); i >= 0 {
			v = v[:i]
		}
		v = strings.ToLower(strings.TrimSpace(v))
		if len(v) >= 2 && len(v) <= 3 && strings.IndexFunc(v, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
			return v
		}
	}
	return ""
}

// rxTitleSep finds the separators between a headline and the site's name.
var rxTitleSep = regexp.MustCompile(` (?:[|\-–—·•»/]|::) `)

// stripSiteName removes the outlet's name from a <title>: " - VOA",
// " | Reuters", " – BBC News", or the same as a prefix. A trailing part is
// taken for the site's name when it matches source or looks like a name
// (at most four words, each capitalised) and the rest is the longer part.
func stripSiteName(title, source string) string {
	title = cleanText(title)
	locs := rxTitleSep.FindAllStringIndex(title, -1)
	if len(locs) == 0 {
		return title
	}
	last := locs[len(locs)-1]
	head, tail := title[:last[0]], title[last[1]:]
	if isSiteName(tail, source) && len(head) >= len(tail) {
		return strings.TrimSpace(head)
	}
	first := locs[0]
	head, tail = title[:first[0]], title[first[1]:]
	if source != "" && strings.EqualFold(head, source) && tail != "" {
		return strings.TrimSpace(tail)
	}
	return title
}

func isSiteName(s, source string) bool {
	if s == "" {
		return false
	}
	if source != "" && (strings.EqualFold(s, source) || strings.EqualFold(strings.ReplaceAll(s, " ", ""), strings.ReplaceAll(source, " ", ""))) {
		return true
	}
	words := strings.Fields(s)
	if len(words) > 4 {
		return false
	}
	for _, w := range words {
		r := []rune(w)[0]
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// readJSONLD reads the article object of the page's JSON-LD scripts: the
// first object whose @type is an article type, looked for at the top level,
// in arrays and in @graph; the publisher may be given inline or by @id.
func readJSONLD(scripts []string) ldInfo {
	var info ldInfo
	var objs []map[string]any
	ids := map[string]map[string]any{}
	for _, s := range scripts {
		s = strings.TrimSpace(s)
		s = strings.TrimPrefix(s, "<![CDATA[")
		s = strings.TrimSuffix(s, "]]>")
		dec := json.NewDecoder(bytes.NewReader([]byte(s)))
		var v any
		if err := dec.Decode(&v); err != nil {
			continue // malformed JSON-LD is common; the page's other metadata stands
		}
		collectLD(v, &objs, ids, 0)
	}
	var dates []string
	for _, o := range objs {
		if !isArticleType(o["@type"]) {
			continue
		}
		if info.headline == "" {
			info.headline = ldString(o["headline"])
		}
		if d := ldString(o["datePublished"]); d != "" {
			dates = append(dates, d)
		}
		if info.publisher == "" {
			info.publisher = ldName(o["publisher"], ids, 0)
		}
	}
	info.published = strings.Join(dates, "\x00")
	return info
}

// collectLD gathers every JSON object in v, in document order, and indexes
// those with an @id. depth bounds the walk on hostile input.
func collectLD(v any, objs *[]map[string]any, ids map[string]map[string]any, depth int) {
	if depth > 20 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectLD(e, objs, ids, depth+1)
		}
	case map[string]any:
		*objs = append(*objs, x)
		if id, ok := x["@id"].(string); ok && id != "" {
			if _, seen := ids[id]; !seen {
				ids[id] = x
			}
		}
		if g, ok := x["@graph"]; ok {
			collectLD(g, objs, ids, depth+1)
		}
		if m, ok := x["mainEntity"]; ok {
			collectLD(m, objs, ids, depth+1)
		}
	}
}

// articleTypes are the schema.org types whose headline and dates describe the page.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "backgroundnewsarticle": true, "opinionnewsarticle": true,
	"reviewnewsarticle": true, "blogposting": true, "liveblogposting": true, "report": true,
	"webpage": false,
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		x = strings.TrimPrefix(strings.TrimPrefix(x, "http://schema.org/"), "https://schema.org/")
		return articleTypes[strings.ToLower(x)]
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// ldString returns a JSON-LD value as a string: a string itself, the first
// string of an array, or the @value of a value object.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return ldString(x["@value"])
	}
	return ""
}

// ldName returns the name of an organisation given inline, as an array, or
// as a reference by @id.
func ldName(v any, ids map[string]map[string]any, depth int) string {
	if depth > 3 {
		return ""
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldName(e, ids, depth+1); s != "" {
				return s
			}
		}
	case map[string]any:
		if s := ldString(x["name"]); s != "" {
			return s
		}
		if id, ok := x["@id"].(string); ok {
			if o, ok := ids[id]; ok {
				return ldString(o["name"])
			}
		}
	}
	return ""
}

// attr returns the value of the attribute key (lower case) of n.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// hasToken reports whether a space-separated list holds tok, ignoring case.
func hasToken(list, tok string) bool {
	for f := range strings.FieldsSeq(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// textOf returns the concatenated text under n.
func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}

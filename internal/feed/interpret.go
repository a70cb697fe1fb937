package feed

import (
	"fmt"
	"html"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Namespaces the reader tells apart where a local name alone is ambiguous.
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsAtom03  = "http://purl.org/atom/ns#"
	nsRSS10   = "http://purl.org/rss/1.0/"
	nsRSS09   = "http://my.netscape.com/rdf/simple/0.9/"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
)

// interpret reads the feed out of the element tree.
func (p *parser) interpret(root *node, doc []byte) (Feed, error) {
	var f Feed
	var channel *node
	var items []*node
	switch strings.ToLower(root.name.Local) {
	case "rss":
		f.Kind = "rss"
		channel = root.child("channel")
		if channel == nil {
			channel = root
		}
		items = append(channel.children("item"), root.children("item")...)
		if channel == root {
			items = channel.children("item")
		}
	case "channel":
		f.Kind = "rss"
		channel = root
		items = root.children("item")
	case "rdf":
		f.Kind = "rdf"
		channel = root.child("channel")
		items = root.children("item")
		if channel != nil {
			items = append(items, channel.children("item")...)
		} else {
			channel = root
		}
	case "feed":
		f.Kind = "atom"
		channel = root
		items = root.children("entry")
	case "html":
		return Feed{}, fmt.Errorf("%w: the document is an HTML page", ErrNotFeed)
	default:
		return Feed{}, fmt.Errorf("%w: the document is XML with root element <%s>", ErrNotFeed, root.name.Local)
	}
	if p.broken != nil {
		kept := items[:0]
		for _, it := range items {
			if it.closed() {
				kept = append(kept, it)
			}
		}
		items = kept
		if len(items) == 0 {
			return Feed{}, p.broken
		}
		p.warn("the document is broken at %v: kept the %d %s read before it", p.broken, len(items), plural(len(items), "item", "items"))
	}

	if f.Kind == "atom" {
		f.Title = textConstruct(channel.child("title"), doc)
		f.Link = atomLink(channel)
	} else {
		f.Title = oneLine(channel.child("title").value(doc))
		f.Link = rssLink(channel, doc)
	}
	if f.Link != "" {
		f.Link = resolve(channel.base, f.Link)
	}
	f.TTL = ttl(channel, doc)

	if len(items) > MaxItems {
		p.warn("the feed has %d items: only the first %d were read", len(items), MaxItems)
		items = items[:MaxItems]
	}
	for i, n := range items {
		var it Item
		if f.Kind == "atom" {
			it = atomItem(n, doc)
		} else {
			it = rssItem(n, doc)
		}
		if it.Link != "" {
			it.Link = resolveItemLink(n.base, f.Link, it.Link)
		}
		raw := itemDate(n, doc)
		if raw != "" {
			var ok bool
			if it.Published, ok = ParseDate(raw); !ok {
				f.Warnings = append(f.Warnings, fmt.Sprintf("line %d: item %d: unreadable date %q ignored", n.line, i+1, clip(raw, 60)))
			}
		}
		f.Items = append(f.Items, it)
	}
	return f, nil
}

// rssItem reads an RSS or RDF item.
func rssItem(n *node, doc []byte) Item {
	it := Item{Title: oneLine(n.child("title").value(doc))}
	it.Link = rssLink(n, doc)
	if g := n.child("guid"); g != nil {
		it.GUID = g.value(doc)
		if it.Link == "" && isWebURL(it.GUID) && !strings.EqualFold(strings.TrimSpace(g.attr("isPermaLink")), "false") {
			it.Link = it.GUID
		}
	}
	if it.GUID == "" {
		it.GUID = strings.TrimSpace(n.attr("about"))
	}
	if d := n.child("description"); d != nil {
		it.Summary = string(d.inner(doc))
	} else if s := n.child("summary"); s != nil {
		it.Summary = htmlConstruct(s, doc)
	}
	if c := n.child("encoded", nsContent, "content"); c != nil {
		it.Content = string(c.inner(doc))
	} else if c := n.child("content", nsAtom); c != nil {
		it.Content = htmlConstruct(c, doc)
	}
	it.Summary, it.Content = strings.TrimSpace(it.Summary), strings.TrimSpace(it.Content)
	return it
}

// rssLink is the text of an RSS <link>, else the href of an Atom link.
func rssLink(n *node, doc []byte) string {
	for _, l := range n.children("link") {
		if l.name.Space == nsAtom || l.name.Space == "atom" {
			continue
		}
		if v := l.value(doc); v != "" {
			return v
		}
		if h := strings.TrimSpace(l.attr("href")); h != "" {
			return h
		}
	}
	return atomLink(n)
}

// atomItem reads an Atom entry.
func atomItem(n *node, doc []byte) Item {
	it := Item{
		GUID:    n.child("id").value(doc),
		Title:   textConstruct(n.child("title"), doc),
		Link:    atomLink(n),
		Summary: htmlConstruct(n.child("summary"), doc),
		Content: htmlConstruct(n.child("content"), doc),
	}
	if it.Summary == "" {
		it.Summary = htmlConstruct(n.child("description"), doc)
	}
	return it
}

// atomLink is the href of an element's alternate link (a link with no rel
// counts as alternate), resolved against the link's base; "" when none.
func atomLink(n *node) string {
	first := ""
	for _, l := range n.children("link") {
		href := strings.TrimSpace(l.attr("href"))
		if href == "" {
			continue
		}
		href = resolve(l.base, href)
		rel := strings.ToLower(strings.TrimSpace(l.attr("rel")))
		if rel == "" || rel == "alternate" {
			return href
		}
		if first == "" && rel != "self" && rel != "hub" && rel != "replies" && rel != "edit" && rel != "enclosure" {
			first = href
		}
	}
	return first
}

// itemDate is the raw publication date of an item: pubDate, dc:date,
// published, issued, then updated or modified.
func itemDate(n *node, doc []byte) string {
	for _, name := range []string{"pubDate", "date", "published", "issued", "created", "updated", "modified"} {
		if v := n.child(name).value(doc); v != "" {
			return v
		}
	}
	return ""
}

// textConstruct is an Atom text construct (type text, html or xhtml) as
// plain text.
func textConstruct(n *node, doc []byte) string {
	if n == nil {
		return ""
	}
	return oneLine(PlainText(htmlConstruct(n, doc)))
}

// htmlConstruct is an Atom text construct as HTML: text is escaped, html
// taken as is, xhtml's inner markup used directly. Out-of-line content (a
// src attribute) and non-text media types give "".
func htmlConstruct(n *node, doc []byte) string {
	if n == nil || n.attr("src") != "" {
		return ""
	}
	typ := strings.ToLower(strings.TrimSpace(n.attr("type")))
	switch {
	case typ == "xhtml" || typ == "application/xhtml+xml" || len(n.kids) > 0:
		return strings.TrimSpace(string(n.inner(doc)))
	case typ == "html" || typ == "text/html" || typ == "escaped":
		return strings.TrimSpace(string(n.text))
	case typ == "" || typ == "text" || strings.HasPrefix(typ, "text/"):
		return html.EscapeString(strings.TrimSpace(string(n.text)))
	}
	return ""
}

// ttl is the poll interval a channel asks for: RSS <ttl> in minutes, else
// the syndication module's updatePeriod divided by updateFrequency.
func ttl(channel *node, doc []byte) time.Duration {
	const most = 366 * 24 * time.Hour
	if v := channel.child("ttl").value(doc); v != "" {
		if m, err := strconv.Atoi(v); err == nil && m > 0 {
			return min(time.Duration(min(m, 1<<20))*time.Minute, most)
		}
	}
	period := map[string]time.Duration{"hourly": time.Hour, "daily": 24 * time.Hour,
		"weekly": 7 * 24 * time.Hour, "monthly": 30 * 24 * time.Hour, "yearly": 365 * 24 * time.Hour}[strings.ToLower(channel.child("updatePeriod").value(doc))]
	if period == 0 {
		return 0
	}
	freq := 1
	if v := channel.child("updateFrequency").value(doc); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n > 0 {
			freq = min(n, 1<<20)
		}
	}
	return min(period/time.Duration(freq), most)
}

// resolve resolves ref against base; ref as it is when either is unusable.
func resolve(base, ref string) string {
	if base == "" {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil || !b.IsAbs() {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}

// resolveItemLink resolves an item's link against its base, or when that
// is not an absolute URL (a feed read from a file), against the channel link.
func resolveItemLink(base, channelLink, link string) string {
	if isAbsURL(link) {
		return link
	}
	if isAbsURL(base) {
		return resolve(base, link)
	}
	if isAbsURL(channelLink) {
		return resolve(channelLink, link)
	}
	return link
}

func isAbsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.IsAbs() && u.Host != ""
}

// isWebURL reports whether s is an absolute http or https URL.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// clip shortens s to at most n bytes for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

package htmldoc

import (
	"regexp"
	"slices"
	"strings"

	"dyad/news"

	"golang.org/x/net/html"
)

// rawBlock is a block as the walk finds it, with where it came from.
type rawBlock struct {
	kind     news.BlockKind
	text     string
	key      int    // index of the innermost original element holding the text; -1 if none
	tag      string // tag of the innermost block element holding the text
	linkText int    // letters of the text inside links
	allText  int    // letters of the text
}

// skipTags hold no article text.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"iframe": true, "object": true, "embed": true, "button": true, "select": true, "option": true,
	"textarea": true, "input": true, "video": true, "audio": true, "canvas": true, "map": true,
	"head": true, "title": true, "meta": true, "link": true, "img": true, "picture": true, "source": true,
}

// blockTags start a new block.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true, "dd": true,
	"details": true, "dialog": true, "dir": true, "div": true, "dl": true, "dt": true, "fieldset": true,
	"figcaption": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "header": true, "hgroup": true, "hr": true, "li": true,
	"main": true, "menu": true, "nav": true, "ol": true, "p": true, "pre": true, "section": true,
	"summary": true, "table": true, "tbody": true, "thead": true, "tfoot": true, "tr": true, "ul": true,
	"caption": true, "legend": true, "body": true, "html": true,
}

// headingTags are the section headings.
var headingTags = map[string]bool{"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true}

// walkCtx is what a block inherits from its ancestors.
type walkCtx struct {
	kind   news.BlockKind
	key    int
	tag    string
	inLink bool
}

// walker turns a DOM subtree into blocks in reading order: block elements
// end the current block, inline markup is merged into it, <br> is a space.
type walker struct {
	ix      *docIndex
	out     []rawBlock
	buf     strings.Builder
	cur     rawBlock
	started bool
}

func (w *walker) walk(n *html.Node, ctx walkCtx) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.text(c.Data, ctx)
		case html.ElementNode:
			name := strings.ToLower(c.Data)
			if skipTags[name] || c.Namespace != "" {
				continue
			}
			cctx := ctx
			id := w.ix.id(c)
			if id >= 0 {
				cctx.key = id
			}
			orig := c
			if id >= 0 {
				orig = w.ix.nodes[id]
			}
			block := blockTags[name]
			switch {
			case name == "br":
				w.text(" ", ctx)
				continue
			case headingTags[name]:
				cctx.kind = news.BlockHeading
			case name == "figcaption" || name == "caption" || isCaptionLike(orig):
				cctx.kind, block = news.BlockCaption, true
			case name == "a":
				cctx.inLink = true
			}
			switch {
			case block:
				w.flush()
				cctx.tag = name
				w.walk(c, cctx)
				w.flush()
			case name == "td" || name == "th":
				w.text(" ", ctx)
				w.walk(c, cctx)
				w.text(" ", ctx)
			default:
				w.walk(c, cctx)
			}
		}
	}
}

func (w *walker) text(s string, ctx walkCtx) {
	if !w.started {
		if strings.TrimSpace(s) == "" {
			return
		}
		w.started = true
		w.cur = rawBlock{kind: ctx.kind, key: ctx.key, tag: ctx.tag}
	}
	w.buf.WriteString(s)
	letters := 0
	for _, r := range s {
		if r > ' ' {
			letters++
		}
	}
	w.cur.allText += letters
	if ctx.inLink {
		w.cur.linkText += letters
	}
}

func (w *walker) flush() {
	if !w.started {
		return
	}
	if w.cur.kind == news.BlockParagraph && w.inCaption(w.cur.key) {
		w.cur.kind = news.BlockCaption
	}
	w.cur.text = cleanText(w.buf.String())
	if w.cur.text != "" {
		w.out = append(w.out, w.cur)
	}
	w.buf.Reset()
	w.started = false
}

// inCaption reports whether original element i lies in a figure caption
// within a few levels: readability sometimes replaces a caption's element
// with its child or renames it to p, and the original tree still tells.
func (w *walker) inCaption(i int) bool {
	for depth := 0; i >= 0 && depth < 6; depth++ {
		n := w.ix.nodes[i]
		if n.Data == "figcaption" || isCaptionLike(n) {
			return true
		}
		if blockTags[n.Data] && n.Data != "div" && n.Data != "p" {
			return false
		}
		i = w.ix.parent(i)
	}
	return false
}

// blocksOf walks n into blocks; kind is the kind of text not in a heading
// or caption.
func blocksOf(ix *docIndex, n *html.Node, kind news.BlockKind, key int) []rawBlock {
	w := &walker{ix: ix}
	w.walk(n, walkCtx{kind: kind, key: key, tag: strings.ToLower(n.Data)})
	w.flush()
	return w.out
}

// isCaptionLike reports whether an element is marked as a caption by its
// class or itemprop (<div class="caption">, <span itemprop="caption">) and is
// small enough to be one: a wrapper named "with-captions" is not.
func isCaptionLike(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if !strings.Contains(strings.ToLower(attr(n, "class")), "caption") &&
		!strings.Contains(strings.ToLower(attr(n, "itemprop")), "caption") {
		return false
	}
	size := 0
	for d := range n.Descendants() {
		switch {
		case d.Type == html.ElementNode && (headingTags[d.Data] || d.Data == "article" || d.Data == "section"):
			return false
		case d.Type == html.TextNode:
			size += len(d.Data)
			if size > 1500 {
				return false
			}
		}
	}
	return true
}

// junkTokens are words of class and id values that mark page furniture.
var junkTokens = map[string]bool{
	"ad": true, "ads": true, "adv": true, "advert": true, "adverts": true, "advertisement": true,
	"advertising": true, "adslot": true, "adsbygoogle": true, "adunit": true, "dfp": true,
	"sponsor": true, "sponsored": true, "promo": true, "promoted": true, "share": true,
	"sharing": true, "sharebar": true, "social": true, "related": true, "recommended": true,
	"recirculation": true, "comment": true, "comments": true, "disqus": true, "cookie": true,
	"cookies": true, "consent": true, "gdpr": true, "newsletter": true, "subscribe": true,
	"subscription": true, "signup": true, "paywall": true, "nav": true, "navbar": true,
	"navigation": true, "menu": true, "breadcrumb": true, "breadcrumbs": true, "sidebar": true,
	"footer": true, "masthead": true, "outbrain": true, "taboola": true, "popup": true,
	"modal": true, "toolbar": true, "tags": true, "more-stories": true, "readmore": true,
}

// junkRoles are ARIA roles of page furniture.
var junkRoles = map[string]bool{
	"navigation": true, "contentinfo": true, "complementary": true, "menu": true, "menubar": true,
	"dialog": true, "alertdialog": true, "search": true, "banner": true,
}

// junkByTag reports whether an element is furniture by its tag, role or
// visibility alone.
func junkByTag(n *html.Node) bool {
	switch strings.ToLower(n.Data) {
	case "nav", "aside", "footer", "dialog", "button", "select", "template":
		return true
	}
	if junkRoles[strings.ToLower(strings.TrimSpace(attr(n, "role")))] {
		return true
	}
	if strings.EqualFold(attr(n, "aria-hidden"), "true") || hasAttr(n, "hidden") {
		return true
	}
	st := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// junkByClass reports whether an element's class or id names furniture.
func junkByClass(n *html.Node) bool {
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for f := range strings.FieldsFuncSeq(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if junkTokens[f] {
			return true
		}
	}
	return false
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// furniture decides whether an original element lies in page furniture:
// an element between it and the article's region (the container readability
// chose, or the <article> around it) named as such by tag, role, visibility
// or class, or an ancestor of the region that is furniture by tag. A class alone does not condemn an
// element that holds half the article's text or more.
type furniture struct {
	ix      *docIndex
	region  int
	total   int         // letters in the region
	sizes   map[int]int // letters under an element, memoised
	verdict map[int]bool
}

func newFurniture(ix *docIndex, region int) *furniture {
	f := &furniture{ix: ix, region: region, sizes: map[int]int{}, verdict: map[int]bool{}}
	if region >= 0 {
		f.total = f.size(region)
	}
	return f
}

func (f *furniture) size(i int) int {
	if s, ok := f.sizes[i]; ok {
		return s
	}
	s := 0
	for d := range f.ix.nodes[i].Descendants() {
		if d.Type == html.TextNode {
			for _, r := range d.Data {
				if r > ' ' {
					s++
				}
			}
		}
	}
	f.sizes[i] = s
	return s
}

// in reports whether element i is furniture or lies in furniture.
func (f *furniture) in(i int) bool {
	if i < 0 {
		return false
	}
	var path []int
	res := false
	below := f.region >= 0 && f.ix.contains(f.region, i)
	for j := i; j >= 0; j = f.ix.parent(j) {
		if v, ok := f.verdict[j]; ok {
			res = v
			break
		}
		path = append(path, j)
		if j == f.region {
			below = false
		}
		n := f.ix.nodes[j]
		if junkByTag(n) {
			res = true
			break
		}
		if below && junkByClass(n) && f.size(j)*2 < f.total {
			res = true
			break
		}
	}
	// Every element on the path passed its own checks, so it shares the
	// verdict of the first ancestor that decided.
	for _, j := range path {
		f.verdict[j] = res
	}
	return res
}

// rxBoilerplate matches whole blocks that are page furniture.
var rxBoilerplate = regexp.MustCompile(`(?i)^(?:advertisement|advertising|ads?|sponsored(?: content)?|(?:story|article) continues below(?: advertisement)?|continue reading(?: below| the main story)?|scroll to continue(?: with content)?|skip to(?: main)? content|read more|read next|more stories|related(?: articles| stories| coverage| content| news| links| topics)?|see also|also read|you may also like|recommended(?: for you| stories)?|most (?:read|popular|viewed)|trending(?: now)?|share(?: this)?(?: article| story| page)?|share (?:on|via) \w+|tweet|email|print|facebook|twitter|whatsapp|linkedin|telegram|copy link|comments?|\d+ comments?|leave a (?:reply|comment)|post a comment|add a comment|join the (?:conversation|discussion)|sign up(?: for (?:our|the) newsletter)?|subscribe(?: now)?|newsletter|follow us(?: on \w+)?|back to top|loading(?:\.\.\.|…)?|accept(?: all)?(?: cookies)?)\s*[.:!…]?$`)

// rxBoilerplatePrefix matches the start of blocks that are page furniture.
var rxBoilerplatePrefix = regexp.MustCompile(`(?i)^(?:(?:read more|related|see also|also read|read also|more on this(?: story)?|recommended|watch|listen)\s*[:»›|]|(?:we|this (?:web)?site) uses? cookies|by (?:continuing to use|using) this (?:web)?site|you must be logged in to post|your email address will not be published)`)

// rxByline matches a byline: "By Mara Lindqvist", "By Staff Reporter and AP".
var rxByline = regexp.MustCompile(`^(?i:by)\s+\p{Lu}[^.!?]*$`)

// isBoilerplate reports whether a block's text is page furniture.
func isBoilerplate(b rawBlock) bool {
	if rxBoilerplate.MatchString(b.text) || rxBoilerplatePrefix.MatchString(b.text) {
		return true
	}
	// A short "By Staff Reporter" line is a byline, not article text.
	if b.kind == news.BlockParagraph && rxByline.MatchString(b.text) && len(strings.Fields(b.text)) <= 8 {
		return true
	}
	// A list item or short paragraph that is nothing but a link is a
	// related-articles or navigation entry.
	if b.kind == news.BlockParagraph && b.allText > 0 && b.linkText*10 >= b.allText*9 {
		return b.tag == "li" || len(strings.Fields(b.text)) <= 20
	}
	return false
}

// recoverBlocks finds the section headings of the container and the figure
// captions of the region that readability dropped, and returns them as
// blocks. kept holds, sorted, the indices of the original elements present
// in readability's output.
func recoverBlocks(ix *docIndex, container, region int, kept []int, f *furniture) []rawBlock {
	if container < 0 || region < 0 {
		return nil
	}
	var out []rawBlock
	for i := region + 1; i < ix.end[region]; i++ {
		n := ix.nodes[i]
		name := strings.ToLower(n.Data)
		var kind news.BlockKind
		switch {
		case headingTags[name] && ix.contains(container, i):
			kind = news.BlockHeading
		case name == "figcaption" || isCaptionLike(n):
			kind = news.BlockCaption
		default:
			continue
		}
		k, _ := slices.BinarySearch(kept, i)
		if k < len(kept) && kept[k] < ix.end[i] {
			continue // readability kept it, or part of it
		}
		if f.in(i) || kind == news.BlockHeading && !sectionKept(ix, i, kept) {
			i = ix.end[i] - 1
			continue
		}
		out = append(out, blocksOf(ix, n, kind, i)...)
		i = ix.end[i] - 1
	}
	return out
}

// articleRegion returns the <article> element around the container, if it
// is near, else the container: lead images with their captions often sit in
// the article's header, outside the text readability chose.
func articleRegion(ix *docIndex, container int) int {
	i := container
	for depth := 0; i >= 0 && depth < 5; depth++ {
		if ix.nodes[i].Data == "article" {
			return i
		}
		i = ix.parent(i)
	}
	return container
}

// sectionKept reports whether readability kept some of the content that
// follows heading h, before the next heading: a heading whose section was
// thrown away (a "Related" list) is not worth recovering.
func sectionKept(ix *docIndex, h int, kept []int) bool {
	k, _ := slices.BinarySearch(kept, ix.end[h])
	if k == len(kept) {
		return false
	}
	next := kept[k]
	for j := ix.end[h]; j < next; j++ {
		if headingTags[strings.ToLower(ix.nodes[j].Data)] {
			return false
		}
	}
	return true
}

// merge inserts the recovered blocks among readability's in document order.
// A recovered caption whose text readability kept as a paragraph (it
// replaces a caption's <div> with a new <p> that the original tree does not
// know) marks that paragraph as a caption instead.
func merge(main, extra []rawBlock) []rawBlock {
	if len(extra) == 0 {
		return main
	}
	byText := map[string]int{}
	for i, b := range main {
		if _, ok := byText[b.text]; !ok {
			byText[b.text] = i
		}
	}
	kept := extra[:0:0]
	for _, b := range extra {
		if i, ok := byText[b.text]; ok {
			if b.kind == news.BlockCaption && main[i].kind == news.BlockParagraph {
				main[i].kind = news.BlockCaption
			}
			continue
		}
		kept = append(kept, b)
	}
	extra = kept
	out := make([]rawBlock, 0, len(main)+len(extra))
	e := 0
	last := -1
	for _, b := range main {
		key := b.key
		if key < 0 {
			key = last
		}
		last = key
		for e < len(extra) && extra[e].key < key {
			out = append(out, extra[e])
			e++
		}
		out = append(out, b)
	}
	return append(out, extra[e:]...)
}

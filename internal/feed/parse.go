package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
)

// Limits on the element tree, so that hostile input costs bounded memory.
// Elements deeper than maxDepth or after the first maxNodes are read but
// not kept; a document nested deeper than maxNesting is cut there.
const (
	maxDepth   = 64
	maxNodes   = 200000
	maxNesting = 10000
)

// node is one element of the document.
type node struct {
	name  xml.Name
	attrs []xml.Attr
	text  []byte  // the character data directly inside, entities and CDATA decoded
	kids  []*node // child elements
	// start and end delimit the element's raw inner markup in the prepared
	// document; end is -1 when the element was never closed.
	start, end int
	base       string // the URL relative references inside resolve against
	line       int
}

// parser holds what one Parse call learns besides the tree.
type parser struct {
	warnings []string
	// broken is the error that stopped reading the document early, with
	// its line; nil when the document was read to its end.
	broken error
}

func (p *parser) warn(format string, args ...any) {
	p.warnings = append(p.warnings, fmt.Sprintf(format, args...))
}

// prepare turns the raw document into valid UTF-8 free of characters XML
// forbids, decoding a declared legacy encoding, and rejects what is
// plainly not XML.
func (p *parser) prepare(data []byte) ([]byte, error) {
	if looksBinary(data) {
		return nil, fmt.Errorf("%w: binary data", ErrNotFeed)
	}
	decoded := false
	switch {
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}), bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		decoded = true
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return nil, fmt.Errorf("decode UTF-16: %w", err)
		}
		data = out
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("%w: the document is empty", ErrNotFeed)
	}
	if label := declaredEncoding(trimmed); !decoded && label != "" && !isUTF8Label(label) {
		enc, name := charset.Lookup(label)
		switch {
		case enc == nil:
			p.warn("unknown encoding %q in the XML declaration: read as UTF-8", label)
		case name != "utf-8":
			out, err := enc.NewDecoder().Bytes(data)
			if err != nil {
				return nil, fmt.Errorf("decode %s: %w", name, err)
			}
			data = out
		}
	}
	data, invalid, controls := sanitize(data)
	if invalid > 0 {
		p.warn("invalid UTF-8: %d byte %s replaced with U+FFFD", invalid, plural(invalid, "sequence", "sequences"))
	}
	if controls > 0 {
		p.warn("removed %d control %s that XML does not allow", controls, plural(controls, "character", "characters"))
	}
	head := bytes.TrimLeft(data, " \t\r\n")
	switch {
	case len(head) > 0 && (head[0] == '{' || head[0] == '['):
		return nil, fmt.Errorf("%w: the document is JSON", ErrNotFeed)
	case len(head) == 0 || head[0] != '<':
		r, _ := utf8.DecodeRune(head)
		return nil, fmt.Errorf("%w: the document is not XML (it starts with %q)", ErrNotFeed, r)
	case isHTMLStart(head):
		return nil, fmt.Errorf("%w: the document is an HTML page", ErrNotFeed)
	}
	return data, nil
}

// declaredEncoding is the encoding named in the XML declaration that opens
// doc, or "".
func declaredEncoding(doc []byte) string {
	if !bytes.HasPrefix(doc, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(doc, []byte("?>"))
	if end < 0 || end > 512 {
		return ""
	}
	decl := string(doc[:end])
	i := strings.Index(decl, "encoding")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	rest, ok := strings.CutPrefix(rest, "=")
	if !ok {
		return ""
	}
	rest = strings.TrimLeft(rest, " \t\r\n")
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	label, _, ok := strings.Cut(rest[1:], string(q))
	if !ok {
		return ""
	}
	return strings.TrimSpace(label)
}

func isUTF8Label(label string) bool {
	switch strings.ToLower(label) {
	case "utf-8", "utf8", "us-ascii", "ascii":
		return true
	}
	return false
}

// sanitize replaces invalid UTF-8 with U+FFFD and drops the characters XML
// 1.0 forbids (C0 controls other than tab, newline and carriage return,
// U+FFFE and U+FFFF), counting both.
func sanitize(data []byte) (out []byte, invalid, controls int) {
	clean := true
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				clean = false
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return data, 0, 0
	}
	out = make([]byte, 0, len(data))
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
			out = utf8.AppendRune(out, utf8.RuneError)
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			controls++
		default:
			out = append(out, data[i:i+n]...)
		}
		i += n
	}
	return out, invalid, controls
}

// looksBinary reports whether data holds NUL bytes near its start, as
// images, archives and other binary files do and text never does.
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 1024)]
	if bytes.HasPrefix(head, []byte{0xFE, 0xFF}) || bytes.HasPrefix(head, []byte{0xFF, 0xFE}) {
		return false // UTF-16 text holds NULs
	}
	return bytes.IndexByte(head, 0) >= 0
}

// isHTMLStart reports whether doc opens as an HTML page does.
func isHTMLStart(doc []byte) bool {
	head := strings.ToLower(string(doc[:min(len(doc), 512)]))
	for strings.HasPrefix(head, "<!--") {
		end := strings.Index(head, "-->")
		if end < 0 {
			return false
		}
		head = strings.TrimLeft(head[end+3:], " \t\r\n")
	}
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html")
}

// autoClose are the HTML elements that never hold content, for HTML left
// unescaped in descriptions; unlike xml.HTMLAutoClose it leaves out "link",
// which in RSS holds the item's URL.
var autoClose = []string{"basefont", "br", "area", "img", "input", "frame", "col", "isindex", "base", "meta", "hr", "param", "wbr", "source", "embed"}

// tree reads the document into a tree of elements. A syntax error after the
// root element opened stops reading and is kept in p.broken; the elements
// read so far are returned.
func (p *parser) tree(text []byte, base string) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(text))
	d.Strict = false
	d.AutoClose = autoClose
	d.Entity = xml.HTMLEntity
	// The document was decoded to UTF-8 by prepare.
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }

	var root *node
	var stack []*node
	nodes := 0
	extra := 0 // open elements beyond maxDepth or maxNodes, not kept
	for {
		pos := int(d.InputOffset())
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if len(stack) > 0 {
				p.broken = fmt.Errorf("line %d: the document ends inside <%s>", lineAt(text, len(text)), stack[len(stack)-1].name.Local)
			}
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			if root == nil {
				return nil, fmt.Errorf("%w: line %d: %s", ErrNotFeed, line, xmlMessage(err))
			}
			msg := xmlMessage(err)
			if msg == "unexpected EOF" && len(stack) > 0 {
				msg = "the document ends inside <" + stack[len(stack)-1].name.Local + ">"
			}
			p.broken = fmt.Errorf("line %d: %s", line, msg)
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 && root != nil {
				line, _ := d.InputPos()
				p.warn("line %d: content after the root element ignored", line)
				return root, nil
			}
			if len(stack) >= maxDepth || nodes >= maxNodes {
				extra++
				if len(stack)+extra > maxNesting {
					line, _ := d.InputPos()
					p.broken = fmt.Errorf("line %d: elements nested more than %d deep", line, maxNesting)
					return root, nil
				}
				continue
			}
			n := &node{name: t.Name, attrs: slices.Clone(t.Attr), start: int(d.InputOffset()), end: -1}
			n.line, _ = d.InputPos()
			n.base = base
			if len(stack) > 0 {
				n.base = stack[len(stack)-1].base
			}
			if xb := xmlBase(t.Attr); xb != "" {
				n.base = resolve(n.base, xb)
			}
			if root == nil {
				root = n
			} else {
				parent := stack[len(stack)-1]
				parent.kids = append(parent.kids, n)
				nodes++
			}
			stack = append(stack, n)
		case xml.EndElement:
			switch {
			case extra > 0:
				extra--
			case len(stack) > 0:
				top := stack[len(stack)-1]
				top.end = max(pos, top.start)
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 && extra == 0 {
				top := stack[len(stack)-1]
				top.text = append(top.text, t...)
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("%w: the document has no root element", ErrNotFeed)
	}
	if nodes >= maxNodes {
		p.warn("the document has more than %d elements: the rest were ignored", maxNodes)
	}
	return root, nil
}

// xmlMessage is the message of an encoding/xml error without its "XML
// syntax error on line N" prefix, which the caller words itself.
func xmlMessage(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return err.Error()
}

// lineAt is the 1-based line of byte offset off in text.
func lineAt(text []byte, off int) int {
	return bytes.Count(text[:min(off, len(text))], []byte("\n")) + 1
}

// xmlBase is the value of an xml:base attribute among attrs, or "".
func xmlBase(attrs []xml.Attr) string {
	for _, a := range attrs {
		if a.Name.Local == "base" && (a.Name.Space == "xml" || a.Name.Space == "http://www.w3.org/XML/1998/namespace") {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// attr is the value of the attribute named local (any namespace), or "".
func (n *node) attr(local string) string {
	for _, a := range n.attrs {
		if strings.EqualFold(a.Name.Local, local) {
			return a.Value
		}
	}
	return ""
}

// closed reports whether the element's end tag was read.
func (n *node) closed() bool { return n.end >= 0 }

// child is the first child element named local (case-insensitive) in one
// of spaces (any namespace when spaces is empty), or nil.
func (n *node) child(local string, spaces ...string) *node {
	for _, k := range n.kids {
		if k.is(local, spaces...) {
			return k
		}
	}
	return nil
}

// children are the child elements named local.
func (n *node) children(local string, spaces ...string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.is(local, spaces...) {
			out = append(out, k)
		}
	}
	return out
}

// is reports whether the element is named local in one of spaces (any
// namespace when spaces is empty).
func (n *node) is(local string, spaces ...string) bool {
	if !strings.EqualFold(n.name.Local, local) {
		return false
	}
	return len(spaces) == 0 || slices.Contains(spaces, n.name.Space)
}

// value is the element's character data, trimmed; the text of its child
// elements too when it has any.
func (n *node) value(doc []byte) string {
	if n == nil {
		return ""
	}
	if len(n.kids) == 0 {
		return strings.TrimSpace(string(n.text))
	}
	return PlainText(string(n.inner(doc)))
}

// inner is the element's raw inner markup: its character data when it has
// no child elements, else the bytes between its tags.
func (n *node) inner(doc []byte) []byte {
	if len(n.kids) == 0 || !n.closed() || n.end > len(doc) || n.start > n.end {
		return n.text
	}
	raw := doc[n.start:n.end]
	raw = bytes.ReplaceAll(raw, []byte("<![CDATA["), nil)
	return bytes.ReplaceAll(raw, []byte("]]>"), nil)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

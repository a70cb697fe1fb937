package ingest

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
)

// kind is what an input holds.
type kind int

// The kinds of input.
const (
	kindSniff    kind = iota // unknown: tell from the content
	kindText                 // plain text, one article
	kindHTML                 // HTML, one article
	kindJSON                 // a JSON record or array of records
	kindJSONL                // JSON Lines, one record per line
	kindXML                  // XML: PETRARCH, HTML or unsupported, from the content
	kindPetrarch             // PETRARCH <Sentences> XML, alone or in a <Validation>
	kindWARC                 // web archive
	kindBinary               // a known binary file type
)

// kindOf tells an input's kind from its name, ignoring a ".gz" suffix, and
// returns the extension it went by. A name with no extension or an unknown
// one is kindSniff: plain text sniffs as text, and inputs such as
// /dev/stdin or /dev/fd/63 are still read right.
func kindOf(name string) (kind, string) {
	base := filepath.Base(name)
	if strings.EqualFold(filepath.Ext(base), ".gz") {
		base = base[:len(base)-3]
	}
	ext := strings.ToLower(filepath.Ext(base))
	switch ext {
	case ".jsonl", ".ndjson":
		return kindJSONL, ext
	case ".json":
		return kindJSON, ext
	case ".html", ".htm", ".xhtml":
		return kindHTML, ext
	case ".txt", ".text", ".md":
		return kindText, ext
	case ".xml":
		return kindXML, ext
	case ".warc":
		return kindWARC, ext
	case ".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".odp", ".epub",
		".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".ico", ".heic", ".svg",
		".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".flac", ".avi", ".mov", ".mkv", ".webm",
		".zip", ".tar", ".tgz", ".bz2", ".xz", ".zst", ".7z", ".rar", ".lz4",
		".exe", ".dll", ".so", ".dylib", ".o", ".a", ".bin", ".class", ".jar", ".pyc", ".wasm",
		".db", ".sqlite", ".sqlite3", ".parquet", ".woff", ".woff2", ".ttf", ".otf":
		return kindBinary, ext
	}
	return kindSniff, ext
}

// bom is the UTF-8 byte order mark.
const bom = "\uFEFF"

// sniff tells an input's kind from its first bytes; whole says head is the
// whole input. xml says the name ends in .xml, so that a document that is
// not HTML is taken for XML.
func sniff(head []byte, whole, xml bool) kind {
	p := trimLeftSpace(bytes.TrimPrefix(head, []byte(bom)))
	if len(p) == 0 {
		return kindText
	}
	switch p[0] {
	case '{':
		q := trimLeftSpace(p[1:])
		if len(q) == 0 && whole || len(q) > 0 && q[0] != '"' && q[0] != '}' {
			return kindText // "{" alone, or "{Editor's note}" and the like
		}
		return sniffJSON(p, whole)
	case '[':
		q := trimLeftSpace(p[1:])
		if len(q) == 0 && !whole || len(q) > 0 && (q[0] == '{' || q[0] == ']') {
			return kindJSON
		}
		return kindText // "[Wire] ..." and the like
	case '<':
		return sniffMarkup(p, xml)
	}
	return kindText
}

// sniffJSON tells JSON Lines from a single JSON document, given input that
// starts with "{": it is JSON Lines when its first line is a whole object
// and more follows (or may follow, past head).
func sniffJSON(p []byte, whole bool) kind {
	i := bytes.IndexByte(p, '\n')
	if i < 0 {
		if whole {
			return kindJSON
		}
		return kindJSONL // one long line so far: read it as a line
	}
	if !json.Valid(bytes.TrimSpace(p[:i])) {
		return kindJSON // an object over several lines
	}
	if whole && len(bytes.TrimSpace(p[i+1:])) == 0 {
		return kindJSON
	}
	return kindJSONL
}

// firstLineIsObject reports whether the first line of head is a whole JSON
// object, or may be one when it runs on past head.
func firstLineIsObject(head []byte, whole bool) bool {
	p := trimLeftSpace(bytes.TrimPrefix(head, []byte(bom)))
	if len(p) == 0 || p[0] != '{' {
		return false
	}
	i := bytes.IndexByte(p, '\n')
	if i < 0 {
		if !whole {
			return true
		}
		i = len(p)
	}
	return json.Valid(p[:i])
}

// sniffMarkup tells HTML, PETRARCH XML, other XML and text apart, given
// input that starts with "<".
func sniffMarkup(p []byte, xml bool) kind {
	for {
		switch {
		case hasPrefixFold(p, "<?xml"):
			xml = true
			end := bytes.Index(p, []byte("?>"))
			if end < 0 {
				return kindXML
			}
			p = trimLeftSpace(p[end+2:])
			continue
		case bytes.HasPrefix(p, []byte("<!--")):
			end := bytes.Index(p, []byte("-->"))
			if end < 0 {
				return kindHTML
			}
			p = trimLeftSpace(p[end+3:])
			continue
		}
		break
	}
	switch {
	case len(p) == 0:
		if xml {
			return kindXML
		}
		return kindHTML
	case isTag(p, "sentences"), isTag(p, "validation"):
		return kindPetrarch
	case hasPrefixFold(p, "<!doctype html"), isTag(p, "html"), isTag(p, "head"), isTag(p, "body"):
		return kindHTML
	case hasPrefixFold(p, "<!doctype"):
		return kindXML
	case len(p) > 1 && isLetter(p[1]) && bytes.IndexByte(p, '>') > 0:
		if xml {
			return kindXML
		}
		return kindHTML // leading tags: "<p>", "<article>", ...
	}
	return kindText // "<<< breaking" and the like
}

// xmlRoot returns the name of the first element in head, for messages.
func xmlRoot(head []byte) string {
	p := head
	for {
		i := bytes.IndexByte(p, '<')
		if i < 0 || i+1 >= len(p) {
			return "?"
		}
		p = p[i+1:]
		if isLetter(p[0]) {
			break
		}
	}
	n := 0
	for n < len(p) && n < 64 && (isLetter(p[n]) || p[n] >= '0' && p[n] <= '9' || p[n] == ':' || p[n] == '-' || p[n] == '_' || p[n] == '.') {
		n++
	}
	return string(p[:n])
}

// isTag reports whether p starts with the tag "<name" followed by the end of
// the name, ignoring case.
func isTag(p []byte, name string) bool {
	if !hasPrefixFold(p, "<"+name) {
		return false
	}
	if len(p) == len(name)+1 {
		return true
	}
	switch p[len(name)+1] {
	case '>', '/', ' ', '\t', '\r', '\n':
		return true
	}
	return false
}

func hasPrefixFold(p []byte, prefix string) bool {
	return len(p) >= len(prefix) && strings.EqualFold(string(p[:len(prefix)]), prefix)
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func trimLeftSpace(p []byte) []byte {
	for len(p) > 0 && isSpace(p[0]) {
		p = p[1:]
	}
	return p
}

// isBlank reports whether p holds nothing but white space and byte order marks.
func isBlank[T string | []byte](p T) bool {
	for len(p) > 0 {
		switch {
		case isSpace(p[0]):
			p = p[1:]
		case len(p) >= 3 && string(p[:3]) == bom:
			p = p[3:]
		default:
			return false
		}
	}
	return true
}

// looksBinary reports whether p, the start of an input, is binary data
// rather than text: it holds a NUL byte, or more than one byte in twenty is
// a control character that text does not use. Bytes that are not valid
// UTF-8 do not count: text in a legacy encoding is still text.
func looksBinary(p []byte) bool {
	if bytes.IndexByte(p, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range p {
		if c < 0x20 && !isSpace(c) && c != 0x1b || c == 0x7f {
			ctrl++
		}
	}
	return ctrl*20 > len(p)
}

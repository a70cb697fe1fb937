// Package readme splices a generated section into dict/README.md, so that
// several generators each rewrite their own section and keep the others.
package readme

import "strings"

// Splice replaces the section between the begin and end markers in old (or
// appends it, or starts a new README when old is empty) and returns the
// new README.
func Splice(old []byte, begin, end, section string) []byte {
	block := begin + "\n" + section + end + "\n"
	s := string(old)
	i := strings.Index(s, begin)
	j := strings.Index(s, end)
	switch {
	case i >= 0 && j > i:
		rest := strings.TrimPrefix(s[j+len(end):], "\n")
		return []byte(s[:i] + block + rest)
	case len(strings.TrimSpace(s)) == 0:
		return []byte("# dict: dyad's built-in data\n\n" +
			"Data embedded in the dyad binary (package `dyad/dict`), and where it comes from.\n\n" + block)
	default:
		if !strings.HasSuffix(s, "\n") {
			s += "\n"
		}
		return []byte(s + "\n" + block)
	}
}

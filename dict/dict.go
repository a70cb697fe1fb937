// Package dict holds dyad's built-in data, embedded in the binary: the
// CAMEO event code, Goldstein and PLOVER tables in cameo/, the gazetteer in
// geo/, the PETRARCH-format event and actor dictionaries (office holders
// with their dates among them) in petrarch/, and the first names in names/.
// README.md in this directory records where each table comes from, its
// version and licence, and the command that regenerates it.
//
// The packages that read the data take an fs.FS, so FS can be replaced by
// os.DirFS of a directory laid out the same way to override it.
package dict

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

// FS is the embedded data, with paths relative to this directory
// (for example "cameo/codes.tsv").
//
//go:embed cameo geo names petrarch
var FS embed.FS

// FirstNamesFile is the path of the first-name list in FS: one name a line,
// capitalised as written in text ("Mary", "Anne-Marie"), '#' comments.
const FirstNamesFile = "names/first_names.txt"

// FirstNames returns the embedded first names as a set keyed by the name
// as written in text ("John"); look a token up as written, or title-cased
// for text in capitals. It reads the list anew on each call: call it once
// and keep the map.
func FirstNames() (map[string]bool, error) {
	return ReadFirstNames(FS)
}

// ReadFirstNames reads FirstNamesFile from fsys (FS, or a directory laid out
// like it) as FirstNames does. A line that is not one capitalised name is
// an error naming the file and line.
func ReadFirstNames(fsys fs.FS) (map[string]bool, error) {
	b, err := fs.ReadFile(fsys, FirstNamesFile)
	if err != nil {
		return nil, fmt.Errorf("first names: %w", err)
	}
	out := make(map[string]bool, bytes.Count(b, []byte("\n")))
	sc := bufio.NewScanner(bytes.NewReader(b))
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		if !isName(s) {
			return nil, fmt.Errorf("first names: %s:%d: %q is not a capitalised name", FirstNamesFile, line, s)
		}
		out[s] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("first names: %s: %w", FirstNamesFile, err)
	}
	return out, nil
}

// isName reports whether s is a capitalised name: letters, an upper-case
// letter first and after each hyphen, lower-case letters otherwise.
func isName(s string) bool {
	upper := true
	for i, r := range s {
		switch {
		case r == '-' && i > 0 && !upper && i < len(s)-1:
			upper = true
		case upper && r >= 'A' && r <= 'Z':
			upper = false
		case !upper && r >= 'a' && r <= 'z':
		default:
			return false
		}
	}
	return !upper
}

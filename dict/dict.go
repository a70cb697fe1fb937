// Package dict holds dyad's built-in data, embedded in the binary: the
// CAMEO event code, Goldstein and PLOVER tables in cameo/. README.md in this
// directory records where each table comes from, its version and licence,
// and the command that regenerates it.
//
// The packages that read the data take an fs.FS, so FS can be replaced by
// os.DirFS of a directory laid out the same way to override it.
package dict

import "embed"

// FS is the embedded data, with paths relative to this directory
// (for example "cameo/codes.tsv").
//
//go:embed cameo geo petrarch
var FS embed.FS

// Package web holds the dashboard: its sources (src/, built with esbuild by
// build.sh) and the built bundle (dist/), which is committed and embedded so
// that the Go build needs no npm.
package web

import (
	"embed"
	"io/fs"
)

//go:embed dist
var dist embed.FS

// Dist returns the built dashboard: index.html and the assets it loads.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil { // cannot happen: "dist" is embedded above
		return dist
	}
	return sub
}

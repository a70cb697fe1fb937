package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"dyad/internal/cameo"
)

// version is dyad's release; set with -ldflags "-X main.version=…" when building a release.
var version = "0.1.0-dev"

// schemaVersion names the SCHEMA.md output contract the binary writes.
const schemaVersion = "1"

type versionInfo struct {
	Version string `json:"version"`
	Schema  string `json:"schema"`
	Go      string `json:"go"`
	Commit  string `json:"commit,omitempty"`
	// GoldsteinTable names the Goldstein scale events are scored with, and its source.
	GoldsteinTable string `json:"goldstein_table"`
	CAMEOCodes     int    `json:"cameo_codes"`
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print as JSON")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	table, err := cameo.Builtin()
	if err != nil {
		fmt.Fprintf(stderr, "dyad version: %v\n", err)
		return 1
	}
	info := versionInfo{Version: version, Schema: schemaVersion, Go: runtime.Version(),
		GoldsteinTable: table.GoldsteinTable(), CAMEOCodes: table.Len()}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				info.Commit = s.Value
			}
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(info); err != nil {
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "dyad %s (schema %s, %s)\n", info.Version, info.Schema, info.Go)
	return 0
}

package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"dyad/internal/dictfile"
)

// runDict dispatches the dictionary subcommands.
func runDict(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "check" {
		fmt.Fprintln(stderr, "Usage: dyad dict check [--warnings=false] PATH...")
		return 2
	}
	fs := flag.NewFlagSet("dict check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: dyad dict check [flags] PATH...\n\nLoads PETRARCH or TABARI dictionaries (a directory, a PETRARCH .ini, a TABARI\n.project, or single files such as CAMEO.2.0.txt or X.actors) and prints every\nproblem as file:line: message. Exits 1 if any file has an error.\n\nFlags:")
		fs.PrintDefaults()
	}
	warnings := fs.Bool("warnings", true, "also print the lines the peers' readers tolerate")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	status := 0
	for _, path := range fs.Args() {
		warns, err := dictfile.Check(path)
		if *warnings {
			for _, w := range warns {
				fmt.Fprintln(stdout, w.Error())
			}
		}
		var derr *dictfile.Error
		switch {
		case errors.As(err, &derr):
			for _, p := range derr.Problems {
				fmt.Fprintln(stdout, p.Error())
			}
			fmt.Fprintf(stderr, "%s: %d errors, %d warnings\n", path, len(derr.Problems), len(warns))
			status = 1
		case err != nil:
			fmt.Fprintf(stderr, "dyad dict check: %v\n", err)
			status = 1
		default:
			fmt.Fprintf(stderr, "%s: ok, %d warnings\n", path, len(warns))
		}
	}
	return status
}

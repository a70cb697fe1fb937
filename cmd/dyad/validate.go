package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"

	"dyad/internal/dictfile"
	"dyad/internal/nlp"
	"dyad/internal/suite"
	"dyad/internal/validate"
)

func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: dyad validate [flags] SUITE...\n\nCodes a PETRARCH unit-test suite (.xml, dictionaries from its <Environment>) or a\nTABARI project (.project) from each record's text alone, and prints the records\npassed per category.\n\nFlags:")
		fs.PrintDefaults()
	}
	asJSON := fs.Bool("json", false, "print one JSON line per suite")
	diffs := fs.Bool("diffs", false, "print the expected and coded events of every failing record")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	an, err := nlp.New()
	if err != nil {
		fmt.Fprintf(stderr, "dyad validate: %v\n", err)
		return 1
	}
	status := 0
	for _, path := range fs.Args() {
		s, err := suite.Load(path)
		var derr *dictfile.Error
		if err != nil && !(errors.As(err, &derr) && s != nil && s.Dicts != nil) {
			fmt.Fprintf(stderr, "dyad validate: %v\n", err)
			status = 1
			continue
		}
		if err != nil { // bad records: reported, the rest is scored
			fmt.Fprintf(stderr, "dyad validate: %v\n", err)
		}
		rep, err := validate.Run(s, an)
		if err != nil {
			fmt.Fprintf(stderr, "dyad validate: %v\n", err)
			status = 1
			continue
		}
		if *asJSON {
			b, err := json.Marshal(rep)
			if err != nil {
				fmt.Fprintf(stderr, "dyad validate: %v\n", err)
				return 1
			}
			fmt.Fprintf(stdout, "%s\n", b)
			continue
		}
		if err := rep.WriteText(stdout, *diffs); err != nil {
			fmt.Fprintf(stderr, "dyad validate: %v\n", err)
			return 1
		}
	}
	return status
}

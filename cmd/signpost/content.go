package main

import (
	"fmt"
	"io"

	"github.com/signpost-nhs/signpost/content"
	"github.com/signpost-nhs/signpost/content/directory"
	"github.com/signpost-nhs/signpost/flows"
)

func cmdContent(args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "check" {
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			fmt.Fprintln(stdout, "Usage: signpost content check [DIR]\n\nValidates the messages in every locale, the flows and the directory.\n"+
				"DIR overrides the built-in content, as SIGNPOST_CONTENT_DIR does. Exit status 1 on an error.")
			return nil
		}
		return &usageError{"usage: signpost content check [DIR]"}
	}
	fs := newFlags("content check", "content check [DIR]", stdout)
	flagArgs, pos := splitArgs(args[1:])
	if err := parseFlags(fs, flagArgs); err != nil {
		return err
	}
	if len(pos) > 1 {
		return &usageError{"content check takes at most one directory"}
	}
	dir := getenv("SIGNPOST_CONTENT_DIR")
	if len(pos) == 1 {
		dir = pos[0]
	}
	b, err := content.LoadDir(dir)
	if err != nil {
		fmt.Fprintln(stdout, "error:", err)
		return &exitError{1, "content check found errors"}
	}
	errors, warnings := 0, 0
	report := func(isErr bool, line string) {
		if isErr {
			errors++
		} else {
			warnings++
		}
		fmt.Fprintln(stdout, line)
	}
	for _, p := range b.Check(flows.RequiredKeys()) {
		report(p.Error, p.String())
	}
	for _, p := range flows.New(b).Check() {
		report(true, "error: "+p)
	}
	svcs := directory.Sample()
	if len(svcs) == 0 {
		report(true, "error: directory: the sample directory is empty")
	}
	served := map[string]int{}
	for _, s := range svcs {
		for _, n := range s.Needs {
			served[n]++
		}
	}
	for _, n := range directory.Needs {
		if served[n] == 0 {
			report(false, fmt.Sprintf("warning: directory: no sample service for need %q", n))
		}
	}
	fmt.Fprintf(stdout, "content check: %d locales, %d services; %d errors, %d warnings\n",
		len(b.Locales()), len(svcs), errors, warnings)
	if errors > 0 {
		return &exitError{1, fmt.Sprintf("content check found %d errors", errors)}
	}
	return nil
}

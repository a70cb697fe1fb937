package readme

import "testing"

func TestSplice(t *testing.T) {
	const b, e = "<!-- x:begin -->", "<!-- x:end -->"
	tests := []struct{ name, old, want string }{
		{"new file", "", "# dict: dyad's built-in data\n\nData embedded in the dyad binary (package `dyad/dict`), and where it comes from.\n\n" + b + "\nNEW\n" + e + "\n"},
		{"append", "# R\n\nother", "# R\n\nother\n\n" + b + "\nNEW\n" + e + "\n"},
		{"replace, others kept", "# R\n" + b + "\nOLD\n" + e + "\n## after\n", "# R\n" + b + "\nNEW\n" + e + "\n## after\n"},
	}
	for _, tt := range tests {
		if got := string(Splice([]byte(tt.old), b, e, "NEW\n")); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

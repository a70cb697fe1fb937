package clean

import (
	"math/rand/v2"
	"strings"
	"testing"

	"dyad/news"
)

// TestIdempotentCompositions cleans many random arrangements of tricky lines
// (captions and their truncated copies, headings, markers, wrapped lines,
// blank lines, titles) and wants cleaning the result again to change nothing.
func TestIdempotentCompositions(t *testing.T) {
	pieces := []string{
		"The ministers met in Vienna on Monday to discuss the stalled",
		"ceasefire talks, which have made little progress since the",
		"spring, officials said.",
		"FILE - Soldiers patrol", "FILE - Soldiers patrol a street.", "FILE - Soldiers patrol a street",
		"Old quarrel", "Old quarrel was settled.", "Read more: x", "Read more", "Advertisement",
		"Related articles", "Leave a Reply", "MOSCOW - Kerry met Lavrov.", "Kerry (L) meets Lavrov in Moscow, July 15, 2016.",
		"and then the talks went on", "Subscribe", "Comments", "Copyright © 2016 X",
		strings.Repeat("Negotiators spent the afternoon on the question of prisoner exchanges, diplomats said. ", 2),
		strings.Repeat("Another long paragraph about the talks that ended in Vienna late on Friday night. ", 2),
		"", "", "", "Title line here", "Title line here and more",
	}
	r := rand.New(rand.NewPCG(7, 9))
	for iter := 0; iter < 5000; iter++ {
		n := 1 + r.IntN(10)
		var lines []string
		for k := 0; k < n; k++ {
			lines = append(lines, pieces[r.IntN(len(pieces))])
		}
		body := strings.Join(lines, "\n")
		title := ""
		if r.IntN(3) == 0 {
			title = pieces[r.IntN(len(pieces))]
		}
		d, err := Clean(news.Article{Body: []byte(body), Title: title, Format: news.FormatText}, Options{})
		if err != nil {
			continue
		}
		again, err := Clean(news.Article{Body: []byte(d.Text), Format: news.FormatText}, Options{})
		if err != nil || again.Text != d.Text {
			t.Fatalf("not idempotent:\nbody:  %q\ntitle: %q\nfirst:  %q\nsecond: %q %v", body, title, d.Text, again.Text, err)
		}
	}
}

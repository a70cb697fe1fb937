package nlp

import (
	"testing"

	"dyad/news"
)

func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"",
		"Rebels attacked the town. “It’s over,” he said.",
		"MOSCOW - U.S. Secretary of State John Kerry said on the U.S. The end.",
		"WASHINGTON (Reuters) - Sen. J.R.R. Smith didn't go... Then? Yes!",
		"'''\"\"“”‘’«»‹›``''...…—–--",
		"n't 's ’s 'd' '90s ’ ' \" x'",
		"1,000 3.5 12:30 2016-07-15 C-130 U.S.-backed a.m. p.m. etc. No. 5",
		"\xff\xfe\xfd broken \xe2\x80 utf8 \xe2\x80\x99s",
		"a\n\nb\n\n\n. . .",
		"東京 São Paulo Zürich’s naïve\u00a0\u200b\ufeff",
		"U.S.. U.S.-. -U.S.- .-.-. @ # @x #y a@b http://x.y/z",
	} {
		f.Add(s, 0, 0)
	}
	a := analyzer(f)
	f.Fuzz(func(t *testing.T, text string, cut1, cut2 int) {
		// Up to three blocks from two cut points, in order.
		n := len(text)
		c1, c2 := 0, 0
		if n > 0 {
			c1 = (cut1%(n+1) + n + 1) % (n + 1)
			c2 = (cut2%(n+1) + n + 1) % (n + 1)
		}
		if c1 > c2 {
			c1, c2 = c2, c1
		}
		blocks := []news.Block{{Span: news.Span{0, c1}}, {Span: news.Span{c1, c2}}, {Span: news.Span{c2, n}}}
		ss := a.Sentences(text, blocks)
		prev, prevBlock := 0, 0
		for si, s := range ss {
			if s.Block < prevBlock || s.Block >= len(blocks) {
				t.Fatalf("sentence %d: block %d after %d", si, s.Block, prevBlock)
			}
			prevBlock = s.Block
			b := blocks[s.Block].Span
			if s.Span[0] < prev || s.Span[0] >= s.Span[1] || s.Span[0] < b[0] || s.Span[1] > b[1] {
				t.Fatalf("sentence %d: span %v (previous end %d, block %v)", si, s.Span, prev, b)
			}
			prev = s.Span[1]
			if len(s.Tokens) == 0 {
				t.Fatalf("sentence %d: no tokens", si)
			}
			if s.Tokens[0].Span[0] != s.Span[0] || s.Tokens[len(s.Tokens)-1].Span[1] != s.Span[1] {
				t.Fatalf("sentence %d: span %v does not match its tokens", si, s.Span)
			}
			tp := s.Span[0]
			for ti, tk := range s.Tokens {
				if tk.Span[0] < tp || tk.Span[0] >= tk.Span[1] || tk.Span[1] > s.Span[1] {
					t.Fatalf("sentence %d token %d: span %v out of order or outside %v", si, ti, tk.Span, s.Span)
				}
				tp = tk.Span[1]
				if text[tk.Span[0]:tk.Span[1]] != tk.Text {
					t.Fatalf("token %q != text %q", tk.Text, text[tk.Span[0]:tk.Span[1]])
				}
				if tk.Tag == "" {
					t.Fatalf("token %q has no tag", tk.Text)
				}
			}
			cp := 0
			for _, c := range s.Chunks {
				if c.First < cp || c.First >= c.Last || c.Last > len(s.Tokens) || c.Head < c.First || c.Head >= c.Last {
					t.Fatalf("sentence %d: bad chunk %+v", si, c)
				}
				cp = c.Last
				if c.Span[0] != s.Tokens[c.First].Span[0] || c.Span[1] != s.Tokens[c.Last-1].Span[1] {
					t.Fatalf("sentence %d: chunk span %v", si, c.Span)
				}
			}
		}
		for _, tk := range Tokenize(text) {
			if text[tk.Span[0]:tk.Span[1]] != tk.Text {
				t.Fatalf("Tokenize: token %q span %v", tk.Text, tk.Span)
			}
		}
	})
}

package nlp

import (
	"testing"

	"dyad/news"

	"github.com/google/go-cmp/cmp"
)

// sentenceTexts runs the splitter on text as one block.
func sentenceTexts(a *Analyzer, text string) []string {
	var out []string
	for _, s := range a.Sentences(text, []news.Block{{Kind: news.BlockParagraph, Span: news.Span{0, len(text)}}}) {
		out = append(out, text[s.Span[0]:s.Span[1]])
	}
	return out
}

func TestSentencesSplit(t *testing.T) {
	a := analyzer(t)
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The army moved in. Rebels fled the town.",
			[]string{"The army moved in.", "Rebels fled the town."}},
		{"titles", "Gen. Ortiz met Mr. Blake and Dr. Chen. They spoke for an hour.",
			[]string{"Gen. Ortiz met Mr. Blake and Dr. Chen.", "They spoke for an hour."}},
		{"more titles", "Lt. Col. Ames, Sgt. Reyes, Capt. Moss, Gov. Lin, Sen. Park, Rep. Diaz, Rev. Kim, Prof. Ode, Adm. Ray and Maj. Cole signed it.",
			[]string{"Lt. Col. Ames, Sgt. Reyes, Capt. Moss, Gov. Lin, Sen. Park, Rep. Diaz, Rev. Kim, Prof. Ode, Adm. Ray and Maj. Cole signed it."}},
		{"months", "The vote is on Jan. 5 and the count on Feb. 9. Observers will stay until Sept. 30.",
			[]string{"The vote is on Jan. 5 and the count on Feb. 9.", "Observers will stay until Sept. 30."}},
		{"initials", "John F. Kennedy read J.R.R. Tolkien. Nobody minded.",
			[]string{"John F. Kennedy read J.R.R. Tolkien.", "Nobody minded."}},
		{"us inside", "The U.S. Army and U.N. envoys met E.U. officials on St. Mark's Square.",
			[]string{"The U.S. Army and U.N. envoys met E.U. officials on St. Mark's Square."}},
		{"us at end", "Iran imposed sanctions on the U.S. The ministry said more would follow.",
			[]string{"Iran imposed sanctions on the U.S.", "The ministry said more would follow."}},
		{"us at end of text", "Iran imposed sanctions on the U.S.",
			[]string{"Iran imposed sanctions on the U.S."}},
		{"times", "The blast came at 9 a.m. Tuesday and a second at 4 p.m. It was heard across the city.",
			[]string{"The blast came at 9 a.m. Tuesday and a second at 4 p.m.", "It was heard across the city."}},
		{"latin", "Weapons, e.g. rifles, i.e. small arms, etc. were seized. Acme Inc. and Bolt Corp. denied it.",
			[]string{"Weapons, e.g. rifles, i.e. small arms, etc. were seized.", "Acme Inc. and Bolt Corp. denied it."}},
		{"number sign", "He lives at No. 10 and works at No. 12. He is no. He is.",
			[]string{"He lives at No. 10 and works at No. 12.", "He is no.", "He is."}},
		{"closing quote", `"We will fight on," he said. "We have no choice."`,
			[]string{`"We will fight on," he said.`, `"We have no choice."`}},
		{"closing curly quote", "“We will fight on,” he said. “We have no choice.” Then he left.",
			[]string{"“We will fight on,” he said.", "“We have no choice.”", "Then he left."}},
		{"ellipsis curly quote", "She said “we waited…” Nobody came.",
			[]string{"She said “we waited…”", "Nobody came."}},
		{"question", "Will the truce hold? Nobody knows! “Why?” he asked.",
			[]string{"Will the truce hold?", "Nobody knows!", "“Why?” he asked."}},
		{"ellipsis", "They waited... and waited... Then the convoy arrived… It was late.",
			[]string{"They waited... and waited...", "Then the convoy arrived…", "It was late."}},
		{"dateline", "MOSCOW - U.S. Secretary of State John Kerry said on Monday that talks would resume. He gave no date.",
			[]string{"MOSCOW - U.S. Secretary of State John Kerry said on Monday that talks would resume.", "He gave no date."}},
		{"dateline reuters", "WASHINGTON (Reuters) - The Senate voted on Friday to extend the sanctions.",
			[]string{"WASHINGTON (Reuters) - The Senate voted on Friday to extend the sanctions."}},
		{"dateline dash", "KABUL, Afghanistan — Gunmen stormed a hotel overnight. Four guards died.",
			[]string{"KABUL, Afghanistan — Gunmen stormed a hotel overnight.", "Four guards died."}},
		{"brackets", "The toll rose (officials gave no figure.) Rescue teams stayed.",
			[]string{"The toll rose (officials gave no figure.)", "Rescue teams stayed."}},
		{"lowercase after period", "The rate rose to 3.5 percent. and then fell.",
			[]string{"The rate rose to 3.5 percent. and then fell."}},
		{"numbers start", "Troops left in 2014. 2015 was calmer.",
			[]string{"Troops left in 2014.", "2015 was calmer."}},
		{"blank line", "Headline without stop\n\nThe body starts here.",
			[]string{"Headline without stop", "The body starts here."}},
		{"no terminator", "  Fighting continues in the north  ",
			[]string{"Fighting continues in the north"}},
		{"whitespace only", " \n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sentenceTexts(a, tt.in)); diff != "" {
				t.Errorf("sentences of %q (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSentencesBlocks(t *testing.T) {
	a := analyzer(t)
	text := "Title Here\n\nFirst one. Second one.\nCaption text"
	blocks := []news.Block{
		{Kind: news.BlockTitle, Span: news.Span{0, 10}},
		{Kind: news.BlockParagraph, Span: news.Span{12, 34}},
		{Kind: news.BlockCaption, Span: news.Span{35, len(text)}},
	}
	type sent struct {
		Text  string
		Block int
	}
	var got []sent
	for _, s := range a.Sentences(text, blocks) {
		got = append(got, sent{text[s.Span[0]:s.Span[1]], s.Block})
	}
	want := []sent{{"Title Here", 0}, {"First one.", 1}, {"Second one.", 1}, {"Caption text", 2}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Blocks out of range, reversed or overlapping never yield bad spans.
	bad := []news.Block{{Span: news.Span{-5, 3}}, {Span: news.Span{2, 1}}, {Span: news.Span{1, 500}}, {Span: news.Span{0, 20}}}
	prev := 0
	for _, s := range a.Sentences(text, bad) {
		if s.Span[0] < prev || !s.Span.In(len(text)) {
			t.Errorf("bad span %v", s.Span)
		}
		prev = s.Span[1]
	}
}

func TestSentencesTokensAndChunks(t *testing.T) {
	a := analyzer(t)
	text := "Rebels attacked the town. “It’s true,” Mr. Diaz said."
	ss := a.Sentences(text, []news.Block{{Span: news.Span{0, len(text)}}})
	type tk struct{ Text, Tag string }
	var got [][]tk
	for _, s := range ss {
		var row []tk
		for _, x := range s.Tokens {
			if text[x.Span[0]:x.Span[1]] != x.Text {
				t.Errorf("token %q span %v", x.Text, x.Span)
			}
			row = append(row, tk{x.Text, x.Tag})
		}
		got = append(got, row)
	}
	want := [][]tk{
		{{"Rebels", "NNS"}, {"attacked", "VBD"}, {"the", "DT"}, {"town", "NN"}, {".", "."}},
		{{"“", "``"}, {"It", "PRP"}, {"’s", "VBZ"}, {"true", "JJ"}, {",", ","}, {"”", "''"}, {"Mr.", "NNP"}, {"Diaz", "NNP"}, {"said", "VBD"}, {".", "."}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if len(ss) == 2 {
		var kinds []string
		for _, c := range ss[0].Chunks {
			kinds = append(kinds, string(c.Kind)+":"+text[c.Span[0]:c.Span[1]]+":"+ss[0].Tokens[c.Head].Text)
		}
		if diff := cmp.Diff([]string{"NP:Rebels:Rebels", "VP:attacked:attacked", "NP:the town:town"}, kinds); diff != "" {
			t.Errorf("chunks (-want +got):\n%s", diff)
		}
	}
}

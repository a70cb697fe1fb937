package nlp

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by "|"
	}{
		{"Rebels attacked the town.", "Rebels|attacked|the|town|."},
		{"They don't know.", "They|do|n't|know|."},
		{"We can't and won't go", "We|ca|n't|and|wo|n't|go"},
		{"They don’t care", "They|do|n’t|care"},
		{"DON'T SHOOT", "DO|N'T|SHOOT"},
		{"Nice's mayor", "Nice|'s|mayor"},
		{"Nice’s mayor", "Nice|’s|mayor"},
		{"we're here, I'm sure they'll say we've won and he'd go", "we|'re|here|,|I|'m|sure|they|'ll|say|we|'ve|won|and|he|'d|go"},
		{"the rebels' base", "the|rebels|'|base"},
		{"the rebels’ base", "the|rebels|’|base"},
		{"the U.S.'s role", "the|U.S.|'s|role"},
		{"O'Brien and O’Neill met", "O'Brien|and|O’Neill|met"},
		{"U.S. U.K. U.N. E.U. officials", "U.S.|U.K.|U.N.|E.U.|officials"},
		{"Gen. Lt. Col. Sgt. Capt. Gov. Sen. Rep. Dr. Mr. Mrs. Ms. St. Adm. Maj. Rev. Prof.",
			"Gen.|Lt.|Col.|Sgt.|Capt.|Gov.|Sen.|Rep.|Dr.|Mr.|Mrs.|Ms.|St.|Adm.|Maj.|Rev.|Prof."},
		{"on Jan. 5 and Sept. 12 at 9 a.m. or 5 p.m.", "on|Jan.|5|and|Sept.|12|at|9|a.m.|or|5|p.m."},
		{"e.g. this, i.e. that, etc. vs. No. 10", "e.g.|this|,|i.e.|that|,|etc.|vs.|No.|10"},
		{"Acme Inc. and Foo Corp. and Bar Ltd. and Baz Co. Jr. Sr.", "Acme|Inc.|and|Foo|Corp.|and|Bar|Ltd.|and|Baz|Co.|Jr.|Sr."},
		{"John F. Kennedy and J.R.R. Tolkien", "John|F.|Kennedy|and|J.R.R.|Tolkien"},
		{"The answer is no. Then", "The|answer|is|no|.|Then"},
		{"84 people, 1,000 troops, 3.5 percent, 12:30, 2016-07-15", "84|people|,|1,000|troops|,|3.5|percent|,|12:30|,|2016-07-15"},
		{"$1.5 billion and 40% and 1,00", "$|1.5|billion|and|40|%|and|1|,|00"},
		{"a C-130 and anti-terror U.S.-backed forces", "a|C-130|and|anti-terror|U.S.-backed|forces"},
		{`He said "no" and 'yes'.`, `He|said|"|no|"|and|'|yes|'|.`},
		{"He said “no” and ‘yes’.", "He|said|“|no|”|and|‘|yes|’|."},
		{"«Non» and ‹oui›", "«|Non|»|and|‹|oui|›"},
		{"Wait... what… now", "Wait|...|what|…|now"},
		{"Kyiv—the capital–and beyond -- far - away", "Kyiv|—|the|capital|–|and|beyond|--|far|-|away"},
		{"(Reuters) [sic] {x}", "(|Reuters|)|[|sic|]|{|x|}"},
		{"Really?! Yes!", "Really|?|!|Yes|!"},
		{"in the '90s and ’80s", "in|the|'90s|and|’80s"},
		{"see www.example.org or mail a.b@example.com now", "see|www.example.org|or|mail|a.b@example.com|now"},
		{"AT&T and S&P 500 and #MeToo @user", "AT&T|and|S&P|500|and|#MeToo|@user"},
		{"Zürich’s São Paulo 東京 naïve", "Zürich|’s|São|Paulo|東京|naïve"},
		{"word\u00a0word\u200bword", "word|word|word"},
		{"the U.S.", "the|U.S."},
		{"end.", "end|."},
		{"", ""},
		{"   ", ""},
		{"'", "'"},
		{"n't", "n't"},
		{"\xff\xfe bad", "\xff|\xfe|bad"},
	}
	for _, tt := range tests {
		got := Tokenize(tt.in)
		var texts []string
		for _, tk := range got {
			if tt.in[tk.Span[0]:tk.Span[1]] != tk.Text {
				t.Errorf("Tokenize(%q): token %q has span %v", tt.in, tk.Text, tk.Span)
			}
			texts = append(texts, tk.Text)
		}
		if diff := cmp.Diff(tt.want, strings.Join(texts, "|")); diff != "" {
			t.Errorf("Tokenize(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

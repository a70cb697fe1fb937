package nlp

import (
	"strings"
	"testing"

	"dyad/news"

	"github.com/google/go-cmp/cmp"
)

// tagged builds tokens from "word/TAG word/TAG ..." with spans into the
// space-joined words.
func tagged(s string) (string, []news.Token) {
	var text strings.Builder
	var toks []news.Token
	for i, f := range strings.Fields(s) {
		k := strings.LastIndexByte(f, '/')
		w, tag := f[:k], f[k+1:]
		if i > 0 {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.WriteString(w)
		toks = append(toks, news.Token{Text: w, Span: news.Span{start, text.Len()}, Tag: tag})
	}
	return text.String(), toks
}

func TestChunk(t *testing.T) {
	tests := []struct {
		in   string
		want []string // "KIND:text:head"
	}{
		{"Rebels/NNS attacked/VBD the/DT town/NN ./.",
			[]string{"NP:Rebels:Rebels", "VP:attacked:attacked", "NP:the town:town"}},
		{"The/DT foreign/JJ minister/NN has/VBZ not/RB been/VBN seen/VBN since/IN May/NNP",
			[]string{"NP:The foreign minister:minister", "VP:has not been seen:seen", "PP:since:since", "NP:May:May"}},
		{"Russia/NNP 's/POS defence/NN ministry/NN will/MD probably/RB respond/VB",
			[]string{"NP:Russia 's defence ministry:ministry", "VP:will probably respond:respond"}},
		{"He/PRP agreed/VBD to/TO meet/VB her/PRP$ envoy/NN in/IN Geneva/NNP",
			[]string{"NP:He:He", "VP:agreed to meet:meet", "NP:her envoy:envoy", "PP:in:in", "NP:Geneva:Geneva"}},
		{"Police/NNS rounded/VBD up/RP 1,000/CD protesters/NNS",
			[]string{"NP:Police:Police", "VP:rounded up:rounded", "NP:1,000 protesters:protesters"}},
		{"all/PDT the/DT wounded/VBN soldiers/NNS returned/VBD",
			[]string{"NP:all the wounded soldiers:soldiers", "VP:returned:returned"}},
		{"It/PRP could/MD ./.", []string{"NP:It:It", "VP:could:could"}},
		{"$/$ 5/CD million/CD was/VBD sent/VBN to/TO Kabul/NNP",
			[]string{"NP:$ 5 million:million", "VP:was sent:sent", "PP:to:to", "NP:Kabul:Kabul"}},
		{"that/DT was/VBD quickly/RB ,/, and/CC then/RB",
			[]string{"NP:that:that", "VP:was:was"}},
		{"the/DT poor/JJ", []string{"NP:the poor:poor"}},
		{"because/IN of/IN the/DT war/NN",
			[]string{"PP:of:of", "NP:the war:war"}},
		{"", nil},
	}
	for _, tt := range tests {
		text, toks := tagged(tt.in)
		var got []string
		for _, c := range Chunk(toks) {
			if c.First < 0 || c.First >= c.Last || c.Last > len(toks) || c.Head < c.First || c.Head >= c.Last {
				t.Errorf("%q: bad chunk %+v", tt.in, c)
				continue
			}
			got = append(got, string(c.Kind)+":"+text[c.Span[0]:c.Span[1]]+":"+toks[c.Head].Text)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Chunk(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

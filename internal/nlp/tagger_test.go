package nlp

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"dyad/news"
)

// taggerSentences are news-like sentences written for these tests.
var taggerSentences = []string{
	"Rebels attacked the town early on Tuesday, killing at least 12 civilians.",
	"The foreign minister said the talks would resume next week in Geneva.",
	"Police arrested three men suspected of planning an attack on the embassy.",
	"Government troops shelled rebel positions near the northern border overnight.",
	"The United Nations called for an immediate ceasefire and urged both sides to negotiate.",
	"“We will not accept these conditions,” the opposition leader told reporters.",
	"Thousands of protesters marched through the capital demanding the president's resignation.",
	"The central bank raised interest rates by half a percentage point on Wednesday.",
	"Officials said the convoy had been ambushed about 40 km south of the city.",
	"Israel and Egypt agreed to reopen the crossing after two days of talks.",
	"The army denied reports that its soldiers had fired on unarmed villagers.",
	"A car bomb exploded outside a police station, wounding 17 people.",
	"Russia's defence ministry said its jets had struck dozens of targets.",
	"Lawmakers voted 210 to 190 to approve the new budget.",
	"The prime minister is expected to visit Beijing later this month.",
	"Aid agencies warned that millions of people faced severe food shortages.",
	"The militants released two hostages but kept holding four others.",
	"Opposition parties boycotted the election, calling it a sham.",
	"Negotiators from both countries met in Vienna to discuss the nuclear deal.",
	"The president condemned the attack and promised to find those responsible.",
	"Gen. Ramos, who commands the eastern forces, resigned on Friday.",
	"Turkey accused the group of smuggling weapons across the border.",
	"The rebels don't trust the government, a spokesman said.",
	"Security forces used tear gas to disperse the crowd.",
	"China has warned Washington against selling more arms to the island.",
	"The court sentenced the former minister to seven years in prison.",
	"Hundreds of families have fled their homes since the fighting began.",
	"The ministry's statement gave no details about the casualties.",
	"Iran said it would continue enriching uranium despite the sanctions.",
	"The envoy will travel to Kabul and Islamabad to meet senior officials.",
	"Both sides blamed each other for breaking the truce.",
	"The vote was postponed after the electoral commission found irregularities.",
	"Soldiers were patrolling the streets as shops slowly reopened.",
	"A spokeswoman for the mission declined to comment on the report.",
	"The U.S. State Department said it was deeply concerned by the arrests.",
	"Local leaders criticised the decision to close the hospital.",
	"He has been detained without charge since March.",
	"The agreement could collapse if the militias refuse to withdraw.",
	"Investigators are still trying to determine the cause of the explosion.",
	"The company's shares fell 8 percent after the announcement.",
	"Villagers said gunmen had burned several houses and stolen cattle.",
	"The coalition launched new air strikes against the group's strongholds.",
	"She was elected mayor in 2016 and re-elected four years later.",
	"The navy intercepted a boat carrying 120 migrants off the coast.",
	"Diplomats fear the dispute could escalate into open conflict.",
	"The government imposed a curfew in three provinces.",
	"Protest organisers said they would return to the square on Sunday.",
	"It is not clear how many people were inside the building.",
	"The delegation arrived late and left without signing the document.",
	"Witnesses described hearing several loud explosions before dawn.",
	"Officials in Kyiv welcomed the offer but asked for guarantees.",
	"The minister's visit marks the first high-level contact in a decade.",
	"Why did the talks fail? Nobody would say.",
	"The strike has shut down ports and disrupted fuel supplies.",
	"They're hoping the sanctions will be lifted by the end of the year.",
}

// refTagger is a straight port of prose's perceptron tagger (tag.go):
// string feature keys and map weights, summed in float64.
type refTagger struct {
	weights map[string]map[string]float64
	tags    map[string]string
}

func refNormalize(word string) string {
	if word == "" {
		return word
	}
	first := string(word[0])
	if strings.Contains(word, "-") && first != "-" {
		return "!HYPHEN"
	} else if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	} else if _, err := strconv.Atoi(first); err == nil {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}

func refFeaturize(i int, ctx []string, w, p1, p2 string) map[string]float64 {
	feats := map[string]float64{}
	add := func(parts ...string) { feats[strings.Join(parts, " ")]++ }
	suf := min(len(w), 3)
	i = min(len(ctx)-2, i+2)
	iminus := min(len(ctx[i-1]), 3)
	iplus := min(len(ctx[i+1]), 3)
	add("bias")
	add("i suffix", w[len(w)-suf:])
	add("i pref1", string(rune(w[0])))
	add("i-1 tag", p1)
	add("i-2 tag", p2)
	add("i tag+i-2 tag", p1, p2)
	add("i word", ctx[i])
	add("i-1 tag+i word", p1, ctx[i])
	add("i-1 word", ctx[i-1])
	add("i-1 suffix", ctx[i-1][len(ctx[i-1])-iminus:])
	add("i-2 word", ctx[i-2])
	add("i+1 word", ctx[i+1])
	add("i+1 suffix", ctx[i+1][len(ctx[i+1])-iplus:])
	add("i+2 word", ctx[i+2])
	return feats
}

func (r *refTagger) predict(feats map[string]float64) string {
	scores := map[string]float64{}
	for f, v := range feats {
		ws, ok := r.weights[f]
		if !ok || v == 0 {
			continue
		}
		for c, w := range ws {
			scores[c] += v * w
		}
	}
	best, bestScore := "", math.Inf(-1)
	for c, s := range scores {
		if s > bestScore || s == bestScore && c < best {
			best, bestScore = c, s
		}
	}
	return best
}

func (r *refTagger) tag(words []string) []string {
	p1, p2 := "-START-", "-START2-"
	ctx := []string{p1, p2}
	for _, w := range words {
		ctx = append(ctx, refNormalize(w))
	}
	ctx = append(ctx, "-END-", "-END2-")
	out := make([]string, len(words))
	for i, w := range words {
		tag := override(w)
		if tag == "" {
			var ok bool
			if tag, ok = r.tags[w]; !ok {
				tag = r.predict(refFeaturize(i, ctx, w, p1, p2))
			}
		}
		out[i] = tag
		p2, p1 = p1, tag
	}
	return out
}

func TestTaggerAgreesWithProse(t *testing.T) {
	a := analyzer(t)
	wts, tags, _, err := loadProseModel()
	if err != nil {
		t.Fatal(err)
	}
	ref := &refTagger{weights: wts, tags: tags}
	corpus, blocks := benchText(300)
	texts := []struct {
		text   string
		blocks []news.Block
	}{{corpus, blocks}}
	for _, text := range taggerSentences {
		texts = append(texts, struct {
			text   string
			blocks []news.Block
		}{text, []news.Block{{Span: news.Span{0, len(text)}}}})
	}
	total, agree := 0, 0
	for _, x := range texts {
		text := x.text
		for _, s := range a.Sentences(text, x.blocks) {
			ts := tokenize(text, s.Span[0], s.Span[1], nil)
			words := make([]string, len(ts))
			for i, x := range ts {
				words[i] = modelWord(text[x.start:x.end], x.kind)
			}
			want := ref.tag(words)
			for i, tk := range s.Tokens {
				total++
				if tk.Tag == want[i] {
					agree++
				} else {
					t.Logf("%q: token %q: got %s, prose %s", text[s.Span[0]:s.Span[1]], tk.Text, tk.Tag, want[i])
				}
			}
		}
	}
	rate := float64(agree) / float64(total)
	t.Logf("agreement with prose: %d/%d = %.4f over %d written and 300 generated sentences", agree, total, rate, len(taggerSentences))
	if rate < 0.99 {
		t.Errorf("agreement %.4f < 0.99", rate)
	}
}

func TestTagSpotChecks(t *testing.T) {
	a := analyzer(t)
	tests := []struct {
		sentence, word, tag string
	}{
		{"Rebels attacked the town.", "attacked", "VBD"},
		{"Rebels attacked the town.", "Rebels", "NNS"},
		{"Rebels attacked the town.", "town", "NN"},
		{"The talks collapsed on Monday.", "talks", "NNS"},
		{"The talks collapsed on Monday.", "Monday", "NNP"},
		{"The minister said the plan was dead.", "said", "VBD"},
		{"He will visit Moscow next week.", "will", "MD"},
		{"He will visit Moscow next week.", "visit", "VB"},
		{"They don't want war.", "n't", "RB"},
		{"France's president spoke.", "'s", "POS"},
		{"France’s president spoke.", "’s", "POS"},
		{"She has been arrested twice.", "arrested", "VBN"},
		{"Troops are advancing on the city.", "advancing", "VBG"},
		{"The army fired 84 rounds.", "84", "CD"},
		{"He said “no” to them.", "“", "``"},
		{"He said “no” to them.", "”", "''"},
		{"Kyiv — the capital — was calm.", "—", ":"},
		{"Gen. Ortiz met envoys in Paris.", "Paris", "NNP"},
		{"The U.S.-backed forces advanced.", "U.S.-backed", "JJ"},
		{"It was a quiet day.", "quiet", "JJ"},
		{"Why did they leave?", "?", "."},
	}
	for _, tt := range tests {
		found := false
		for _, tk := range a.Tokens(tt.sentence) {
			if tk.Text == tt.word {
				found = true
				if tk.Tag != tt.tag {
					t.Errorf("%q: %q tagged %s, want %s", tt.sentence, tt.word, tk.Tag, tt.tag)
				}
			}
		}
		if !found {
			t.Errorf("%q: no token %q", tt.sentence, tt.word)
		}
	}
}

func TestModelTable(t *testing.T) {
	a := analyzer(t)
	wts, _, classes, err := loadProseModel()
	if err != nil {
		t.Fatal(err)
	}
	if len(a.m.classes) != len(classes) {
		t.Errorf("classes: %d, want %d", len(a.m.classes), len(classes))
	}
	// Every model feature is found under its hash with its weights.
	filled := 0
	for _, s := range a.m.slots {
		if s.key != 0 {
			filled++
		}
	}
	nonEmpty := 0
	for feat, cw := range wts {
		for _, w := range cw {
			if w != 0 {
				nonEmpty++
				break
			}
		}
		// A model with only this feature must pick its best class.
		var hs [numFeatures]uint64
		for k := range hs {
			hs[k] = fnvString(fnvOffset, feat)
		}
		best, bestW := "", math.Inf(-1)
		for c, w := range cw {
			if w > bestW || w == bestW && classIndex(classes, c) < classIndex(classes, best) {
				best, bestW = c, w
			}
		}
		if bestW <= 0 {
			continue // class order decides among zero scores
		}
		if got := a.m.classes[a.m.score(&hs, false)]; got != best {
			t.Fatalf("feature %q: best class %s, want %s", feat, got, best)
		}
	}
	if filled != nonEmpty {
		t.Errorf("table holds %d features, want %d", filled, nonEmpty)
	}
}

func classIndex(classes []string, c string) int {
	for i, x := range classes {
		if x == c {
			return i
		}
	}
	return len(classes)
}

func TestNormalize(t *testing.T) {
	for _, w := range []string{"Said", "the", "U.S.-backed", "-5", "+123", "-123", "2016", "20166", "84", "3.5",
		"Zürich", "ÉTAT", "--", "-", "''", "``", "a-", "1,000", "x"} {
		n := normalize(w)
		got := n.s
		if n.lower {
			got = strings.ToLower(got)
		}
		if want := refNormalize(w); got != want {
			t.Errorf("normalize(%q) = %q, want %q", w, got, want)
		}
	}
}

// TestWordsNeverPunctuation: the model tags some unknown words (British
// spellings) as quotes; a word with letters must get a word tag.
func TestWordsNeverPunctuation(t *testing.T) {
	a, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"One organiser told reporters the march would go on.",
		"The organisers said the programme was cancelled.",
		"Its defence minister criticised the mobilisation.",
	} {
		for _, tk := range a.Tokens(s) {
			if hasAlnum(tk.Text) && !hasAlnum(tk.Tag) {
				t.Errorf("%q: %q tagged %q", s, tk.Text, tk.Tag)
			}
		}
	}
}

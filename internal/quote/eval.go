package quote

import (
	"encoding/json"
	"fmt"
	"strings"

	"dyad/news"
)

// GoldQuote is one annotated quote: its words, kind and speaker (empty
// when the article does not say who spoke).
type GoldQuote struct {
	Text    string  `json:"text"`
	Kind    string  `json:"kind"`
	Speaker *string `json:"speaker"`
}

// Gold is the annotation of one article.
type Gold struct {
	Quotes []GoldQuote `json:"quotes"`
}

// ParseGold reads a gold annotation (JSON) and places its quotes in text:
// each quote's text is looked up after the start of the one before it, so
// quotes must be listed in text order.
func ParseGold(text string, data []byte) ([]news.Quote, error) {
	var g Gold
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("parse gold: %w", err)
	}
	out := make([]news.Quote, 0, len(g.Quotes))
	from := 0
	for i, q := range g.Quotes {
		k := strings.Index(text[from:], q.Text)
		if q.Text == "" || k < 0 {
			return nil, fmt.Errorf("parse gold: quote %d %q not found in text after byte %d", i, q.Text, from)
		}
		s := news.Span{from + k, from + k + len(q.Text)}
		nq := news.Quote{Text: q.Text, Span: s, Kind: q.Kind}
		if q.Speaker != nil {
			nq.Speaker = *q.Speaker
		}
		out = append(out, nq)
		from = s[0] + 1
	}
	return out, nil
}

// Score compares found quotes with gold ones.
type Score struct {
	Gold, Found, Matched int // quotes annotated, found, and found with the exact gold span
	Precision, Recall    float64
	F1                   float64 // exact-span F1 over all quotes
	Direct               int     // gold direct quotes
	SpeakerRight         int     // gold direct quotes found with the right speaker
	SpeakerAccuracy      float64 // SpeakerRight / Direct (a missed quote counts as wrong)
	KindRight            int     // matched quotes with the gold kind
}

// Add sums two scores and recomputes the ratios.
func (s Score) Add(o Score) Score {
	s.Gold += o.Gold
	s.Found += o.Found
	s.Matched += o.Matched
	s.Direct += o.Direct
	s.SpeakerRight += o.SpeakerRight
	s.KindRight += o.KindRight
	return s.ratios()
}

func (s Score) ratios() Score {
	s.Precision, s.Recall, s.F1, s.SpeakerAccuracy = 0, 0, 0, 0
	if s.Found > 0 {
		s.Precision = float64(s.Matched) / float64(s.Found)
	}
	if s.Gold > 0 {
		s.Recall = float64(s.Matched) / float64(s.Gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	if s.Direct > 0 {
		s.SpeakerAccuracy = float64(s.SpeakerRight) / float64(s.Direct)
	}
	return s
}

// SameSpeaker reports whether two speakers agree: equal ignoring case and a
// leading article ("The Kremlin" and "the Kremlin"); both empty agree.
func SameSpeaker(a, b string) bool {
	return normSpeaker(a) == normSpeaker(b)
}

func normSpeaker(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.ReplaceAll(s, "\u2019", "'") // a curly apostrophe is the same letter
	for _, p := range []string{"the ", "a ", "an "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// Evaluate scores got against gold: exact quote-span matches for
// precision, recall and F1, and speaker accuracy on gold direct quotes.
func Evaluate(gold, got []news.Quote) Score {
	s := Score{Gold: len(gold), Found: len(got)}
	bySpan := make(map[news.Span]news.Quote, len(got))
	for _, q := range got {
		bySpan[q.Span] = q
	}
	for _, g := range gold {
		q, ok := bySpan[g.Span]
		if ok {
			s.Matched++
			if q.Kind == g.Kind {
				s.KindRight++
			}
		}
		if g.Kind == KindDirect {
			s.Direct++
			if ok && SameSpeaker(q.Speaker, g.Speaker) {
				s.SpeakerRight++
			}
		}
	}
	return s.ratios()
}

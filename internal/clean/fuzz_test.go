package clean

import (
	"errors"
	"testing"

	"dyad/news"
)

// FuzzClean cleans arbitrary bodies and titles: it must never panic, and
// whatever it returns must keep the layout contract and be idempotent.
func FuzzClean(f *testing.F) {
	seeds := []struct{ body, title string }{
		{"", ""},
		{"\xEF\xBB\xBF\x00\r\n\r\n\t \u00a0\u200b", "x"},
		{"MOSCOW - Kerry met Lavrov.\n\nAnti-terror alliance\n\nThe talks went on.", ""},
		{"A (L) and B (C) observe a moment of silence in Moscow, Russia, July 15, 2016.\nA (L) and B (C) observe a moment of silence in Moscow, Russia, July 15, 2016.\n\nMOSCOW - Talks.", "Title"},
		{"FILE- A plane is se\nFILE- A plane is seen at a base.\n\nText.", ""},
		{"Short headline here\n\nWASHINGTON (Reuters) - Body.\n\nRelated articles\nOne\nTwo\n\nLeave a Reply", ""},
		{"The ministers met in Vienna on Monday to discuss the stalled\nceasefire talks, which have made little progress since the\nspring, officials said.\nA spokesman said further meetings were\nplanned.", ""},
		{"e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", ""},
		{"Gen\xe8ve\xff\xfe \u2028\u2029\u0085 \u00ad caf\u0065\u200b\u0301", "T\u00edtle\n\nwith lines"},
		{"Advertisement\n\nText here.\n\nADVERTISEMENT\n\nText here.", ""},
		{"Title of story\n\nTitle of story that goes on", "Title of story"},
		{"Read more: x\n\n" + "y", ""},
		{"GAZA CITY, Feb 3 (AFP) - x\n\nPublished 3 February 2018", ""},
		{"<p>not html</p>", ""},
	}
	for _, s := range seeds {
		f.Add([]byte(s.body), s.title)
	}
	f.Fuzz(func(t *testing.T, body []byte, title string) {
		d, err := Clean(news.Article{Body: body, Title: title, Format: news.FormatText}, Options{})
		if err != nil {
			if !errors.Is(err, ErrNoText) {
				t.Fatalf("error %v does not wrap ErrNoText", err)
			}
			return
		}
		checkDoc(t, d)
		again, err := Clean(news.Article{Body: []byte(d.Text), Format: news.FormatText}, Options{})
		if err != nil {
			t.Fatalf("cleaning the output %q again: %v", d.Text, err)
		}
		if again.Text != d.Text {
			t.Fatalf("not idempotent:\nfirst:  %q\nsecond: %q", d.Text, again.Text)
		}
	})
}

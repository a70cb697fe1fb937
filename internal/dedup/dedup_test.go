package dedup

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"dyad/news"
)

// A wire story written for this test, in paragraphs.
var story = []string{
	"VALLETTA, Malta (Seawire) - Malta and Libya agreed on Tuesday to set up a joint rescue centre for migrant boats in the central Mediterranean, after a week in which three vessels capsized off the Libyan coast.",
	"Maltese Prime Minister Robert Abela met Libyan Prime Minister Abdul Hamid Dbeibah in Valletta to sign the accord, which also provides for the return of migrants picked up inside Libyan waters.",
	"\"No one should drown within sight of our coasts,\" Abela told reporters after the signing, adding that the centre would open in the spring.",
	"Aid groups criticised the deal, saying migrants sent back to Libya faced detention in overcrowded camps where guards have been accused of abuse.",
	"The European Union, which funds part of the Libyan coast guard, welcomed the agreement and said it would send experts to help run the centre.",
	"More than two thousand people have died trying to cross the central Mediterranean this year, according to the International Organization for Migration.",
}

// A different report on the same meeting.
var sameTopic = strings.Join([]string{
	"TRIPOLI, Libya (Harbour News) - Libyan officials hailed a rescue agreement with Malta on Tuesday as proof that Tripoli could manage its own waters, while rights groups in Tripoli warned of more detentions.",
	"Dbeibah flew to Valletta for a few hours and returned with a signed accord on a rescue centre, his office said in a statement that did not mention returns of migrants.",
	"Fishermen in Zuwara said they had pulled bodies from the sea twice in the past month and saw little change coming from talks between governments.",
	"The coast guard, trained and partly paid by European governments, has been accused by the United Nations of firing on boats and of working with smugglers.",
}, "\n\n")

func TestSimilarity(t *testing.T) {
	original := strings.Join(story, "\n\n")
	tests := []struct {
		name     string
		text     string
		min, max float64
	}{
		{"same text", original, 1, 1},
		{"other boilerplate and punctuation", "Share this article.\n\n" + strings.ToUpper(original) + "\n\nCopyright Coast Post. All rights reserved.", 0.8, 1},
		{"a paragraph cut", strings.Join(append(append([]string{}, story[:3]...), story[4:]...), "\n\n"), 0.65, 1},
		{"first half only", strings.Join(story[:3], "\n\n"), 0.3, 0.7},
		{"same topic, other report", sameTopic, 0, 0.15},
		{"too short", "Malta and Libya agreed on Tuesday to set up a joint rescue centre.", 0, 0},
	}
	sig := Text(original)
	for _, tt := range tests {
		got := Similarity(sig, Text(tt.text))
		if got < tt.min || got > tt.max {
			t.Errorf("%s: similarity %.2f, want %.2f..%.2f", tt.name, got, tt.min, tt.max)
		}
	}
}

func TestBuckets(t *testing.T) {
	original := strings.Join(story, "\n\n")
	a, copied, other := Buckets(Text(original)), Buckets(Text("Read more on our app.\n\n"+original)), Buckets(Text(sameTopic))
	if len(a) != Bands {
		t.Fatalf("%d buckets, want %d", len(a), Bands)
	}
	shared := func(x, y []int64) int {
		n := 0
		for i := range x {
			if x[i] == y[i] {
				n++
			}
		}
		return n
	}
	if n := shared(a, copied); n == 0 {
		t.Error("a copy shares no bucket with its original")
	}
	if n := shared(a, other); n != 0 {
		t.Errorf("an unrelated report shares %d buckets", n)
	}
	for _, b := range a {
		if b < 0 || b >= 1<<31 {
			t.Errorf("bucket %d out of range", b)
		}
	}
	// Buckets of different bands differ even when the band values agree.
	var s Signature
	for i := range s {
		s[i] = 7
	}
	if bs := Buckets(s); bs[0] == bs[1] {
		t.Error("band index not part of the bucket")
	}
	if Buckets(Signature{}) != nil {
		t.Error("the zero signature has buckets")
	}
}

func TestDocumentSkipsTitleAndCaptions(t *testing.T) {
	body := strings.Join(story, "\n\n")
	text := "Malta, Libya sign rescue deal\n\nA capsized boat off Zuwara, Libya, in a photo taken last week.\n\n" + body
	bodyStart := strings.Index(text, story[0])
	doc := news.Document{Text: text, Blocks: []news.Block{
		{Kind: news.BlockTitle, Span: news.Span{0, 29}},
		{Kind: news.BlockCaption, Span: news.Span{31, bodyStart - 2}},
		{Kind: news.BlockParagraph, Span: news.Span{bodyStart, len(text)}},
		{Kind: news.BlockParagraph, Span: news.Span{5, 2}}, // a bad span is ignored
	}}
	if got, want := Document(doc), Text(body); got != want {
		t.Errorf("document signature differs from its body's (similarity %.2f)", Similarity(got, want))
	}
	if Document(news.Document{Text: body}) != Text(body) {
		t.Error("a document without blocks is not signed by its text")
	}
}

func TestEncodeDecode(t *testing.T) {
	s := Text(strings.Join(story, " "))
	got, err := Decode(Encode(s))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(s, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"", "abc", strings.Repeat("zz", Hashes*4)} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("Decode(%.20q): no error", bad)
		}
	}
}

func TestWords(t *testing.T) {
	text := "Abela's \"No one\"—should drown, 2,000 people. ÉTAT Ünal"
	got := Words(text)
	want := []string{"abela", "s", "no", "one", "should", "drown", "2", "000", "people", "état", "ünal"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("words (-want +got):\n%s", diff)
	}
	// Signing hashes the same words without building them.
	var hashes []uint64
	for _, w := range want {
		h := uint64(14695981039346656037)
		for _, r := range w {
			h = (h ^ uint64(r)) * 1099511628211
		}
		hashes = append(hashes, h)
	}
	if diff := cmp.Diff(hashes, wordHashes(text)); diff != "" {
		t.Errorf("word hashes (-want +got):\n%s", diff)
	}
}

func FuzzText(f *testing.F) {
	f.Add(strings.Join(story, "\n\n"))
	f.Add("\xff\xfe broken \x00 utf8")
	f.Fuzz(func(t *testing.T, text string) {
		s := Text(text)
		if Similarity(s, s) != 1 && !s.IsZero() {
			t.Errorf("a text is not similar to itself")
		}
		if _, err := Decode(Encode(s)); err != nil {
			t.Error(err)
		}
	})
}

func BenchmarkText(b *testing.B) {
	text := strings.Repeat(strings.Join(story, "\n\n")+"\n\n", 4) // about a long wire story's length
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Text(text)
	}
}

package pipeline

import (
	"context"
	"testing"

	"dyad/news"
)

// TestDatelineIsNoActor: a dateline names where a story was filed; its city
// must not become the source of the first sentence's event.
func TestDatelineIsNoActor(t *testing.T) {
	p, err := New(Config{Published: "2020-06-13"})
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{
		"VIENNA, Austria, June 12 (AFP) - Iran agreed on Saturday to give U.N. inspectors access to two sites.\n",
		"BRUSSELS (Reuters) - Hungary blocked a joint statement on Monday.\n",
		"MOSCOW - Russia accused Ukraine of shelling the plant on Friday.\n",
	} {
		doc, err := p.Process(context.Background(), news.Article{Body: []byte(body)})
		if err != nil {
			t.Fatal(err)
		}
		if doc.Dateline == "" {
			t.Fatalf("%q: no dateline found", body)
		}
		for _, e := range doc.Events {
			if e.Source != nil && e.Source.Span[0] < len(doc.Dateline) {
				t.Errorf("%q: event %s has the dateline %q as its source", body, e.Code, e.Source.Text)
			}
		}
		if len(doc.Sentences) == 0 || doc.Sentences[0].Span[0] != 0 {
			t.Errorf("%q: the document's own first sentence was changed", body)
		}
	}
}

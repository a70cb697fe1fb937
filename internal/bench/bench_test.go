package bench

import (
	"context"
	"errors"
	"testing"

	"dyad/news"
)

func TestRunCounts(t *testing.T) {
	calls := 0
	process := func(_ context.Context, a news.Article) (news.Document, error) {
		calls++
		if string(a.Body) == "bad" {
			return news.Document{}, errors.New("no text")
		}
		return news.Document{
			Sentences: []news.Sentence{{Tokens: make([]news.Token, 3)}, {Tokens: make([]news.Token, 2)}},
			Events:    make([]news.Event, 1),
		}, nil
	}
	arts := []news.Article{{Body: []byte("a")}, {Body: []byte("bad")}, {Body: []byte("b")}}
	r, err := Run(context.Background(), process, arts, 4)
	if err != nil {
		t.Fatal(err)
	}
	if calls != 12 || r.Articles != 8 || r.Failed != 4 || r.Sentences != 16 || r.Tokens != 40 || r.Events != 8 {
		t.Errorf("result %+v after %d calls", r, calls)
	}
	if r.Seconds <= 0 || r.SentencesPerSec <= 0 {
		t.Errorf("no throughput measured: %+v", r)
	}
	if _, err := Run(context.Background(), process, []news.Article{{Body: []byte("bad")}}, 1); err == nil {
		t.Error("a run where nothing codes is not an error")
	}
}

package bench

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

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

func TestRunStoreBatches(t *testing.T) {
	process := func(_ context.Context, a news.Article) (news.Document, error) {
		if string(a.Body) == "bad" {
			return news.Document{}, errors.New("no text")
		}
		return news.Document{ID: string(a.Body), Sentences: make([]news.Sentence, 2)}, nil
	}
	var batches [][]string
	save := func(_ context.Context, docs []news.Document) (int, error) {
		var ids []string
		copies := 0
		for _, d := range docs {
			ids = append(ids, d.ID)
			if d.ID == "c" {
				copies++
			}
		}
		batches = append(batches, ids)
		return copies, nil
	}
	arts := []news.Article{{Body: []byte("a")}, {Body: []byte("bad")}, {Body: []byte("b")}, {Body: []byte("c")}, {Body: []byte("d")}}
	r, err := RunStore(context.Background(), process, save, arts, 2)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]string{{"a", "b"}, {"c", "d"}}, batches); diff != "" {
		t.Errorf("batches (-want +got):\n%s", diff)
	}
	if r.Articles != 4 || r.Copies != 1 || r.Seconds <= 0 || r.SaveSeconds > r.Seconds || r.SentencesPerSec != 2*r.ArticlesPerSec {
		t.Errorf("result %+v", r)
	}
	failing := func(context.Context, []news.Document) (int, error) { return 0, errors.New("disk full") }
	if _, err := RunStore(context.Background(), process, failing, arts, 3); err == nil {
		t.Error("a failed save is not an error")
	}
}

package batch

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"testing"
	"time"

	"dyad/internal/ingest"
	"dyad/news"
)

// sliceSource feeds n records; every record whose index is in bad carries an error.
func sliceSource(n int, bad map[int]bool) Source {
	return func(yield func(ingest.Record) error) error {
		for i := range n {
			r := ingest.Record{Article: news.Article{Origin: "rec" + strconv.Itoa(i), Body: []byte(strconv.Itoa(i))}}
			if bad[i] {
				r.Err = &ingest.Error{File: "rec" + strconv.Itoa(i), Err: errors.New("bad record")}
			}
			if err := yield(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// slowEcho codes an article into a Document whose ID is its body; early
// records take longest, so results finish out of order.
func slowEcho(n int) ProcessFunc {
	return func(ctx context.Context, a news.Article) (news.Document, error) {
		i, _ := strconv.Atoi(string(a.Body))
		time.Sleep(time.Duration(n-i) * 100 * time.Microsecond)
		if i%7 == 3 {
			return news.Document{}, fmt.Errorf("no text")
		}
		return news.Document{ID: string(a.Body)}, nil
	}
}

func TestRunKeepsOrder(t *testing.T) {
	const n = 50
	var got []Result
	sum, err := Run(context.Background(), sliceSource(n, map[int]bool{5: true, 6: true}), slowEcho(n), 4, func(r Result) error {
		got = append(got, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("got %d results, want %d", len(got), n)
	}
	failed := 0
	for i, r := range got {
		if want := "rec" + strconv.Itoa(i); r.Origin != want {
			t.Errorf("result %d has origin %q, want %q", i, r.Origin, want)
		}
		wantErr := i == 5 || i == 6 || i%7 == 3
		if (r.Err != nil) != wantErr {
			t.Errorf("result %d: err %v, want error %v", i, r.Err, wantErr)
		}
		if r.Err != nil {
			failed++
			continue
		}
		if r.Doc.ID != strconv.Itoa(i) {
			t.Errorf("result %d carries document %q", i, r.Doc.ID)
		}
	}
	if sum.Records != n || sum.Failed != failed || sum.Coded != n-failed {
		t.Errorf("summary %+v, want %d records, %d failed", sum, n, failed)
	}
}

func TestRunStopsWhenEmitFails(t *testing.T) {
	stop := errors.New("disk full")
	calls := 0
	_, err := Run(context.Background(), sliceSource(1000, nil), slowEcho(0), 2, func(r Result) error {
		calls++
		if calls == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want %v", err, stop)
	}
	if calls != 3 {
		t.Errorf("emit called %d times after failing, want 3 calls", calls)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	seen := 0
	_, err := Run(ctx, sliceSource(1000, nil), slowEcho(0), 2, func(r Result) error {
		seen++
		if seen == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if seen >= 1000 {
		t.Errorf("all records emitted despite cancellation")
	}
}

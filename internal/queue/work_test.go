package queue_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"dyad/internal/queue"
	"dyad/news"
)

// publishN publishes n distinct articles named w-0 … w-(n-1).
func publishN(t *testing.T, q *queue.Queue, n int) {
	t.Helper()
	for i := range n {
		a := news.Article{ID: fmt.Sprintf("w-%d", i), Origin: fmt.Sprintf("batch.jsonl:%d", i+1),
			Body: fmt.Appendf(nil, "Report number %d: envoys met.", i)}
		if _, err := q.Publish(t.Context(), a); err != nil {
			t.Fatal(err)
		}
	}
}

// waitPending waits until the consumer has waiting messages not yet
// delivered and unacked ones delivered and not acknowledged.
func waitPending(t *testing.T, c *queue.Consumer, waiting, unacked int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		w, u, err := c.Pending(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if w == waiting && u == unacked {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("consumer has %d waiting, %d unacked; want %d, %d", w, u, waiting, unacked)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// seen records the ids a handler was given, in a thread-safe way.
type seen struct {
	mu  sync.Mutex
	ids map[string]int
}

func (s *seen) add(msgs []*queue.Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ids == nil {
		s.ids = map[string]int{}
	}
	for _, m := range msgs {
		s.ids[m.Origin()]++
	}
}

func TestWorkAcksEveryMessage(t *testing.T) {
	q, _ := connect(t, queue.Options{})
	publishN(t, q, 25)
	c, err := q.Consumer(t.Context(), queue.ConsumerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var s seen
	h := func(ctx context.Context, msgs []*queue.Message) []error {
		s.add(msgs)
		return make([]error, len(msgs))
	}
	st, err := c.Work(t.Context(), h, queue.WorkOptions{Batch: 4, IdleExit: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if st.Acked != 25 || st.Retried != 0 || st.Parked != 0 || st.Batches < 7 {
		t.Errorf("stats %+v, want 25 acked in at least 7 batches of 4", st)
	}
	for id, n := range s.ids {
		if n != 1 {
			t.Errorf("%s handled %d times", id, n)
		}
	}
	if len(s.ids) != 25 {
		t.Errorf("handled %d distinct messages, want 25", len(s.ids))
	}
	waitLen(t, q, 0)
}

func TestWorkParksPoisonMessages(t *testing.T) {
	ctx := t.Context()
	q, _ := connect(t, queue.Options{})
	publishN(t, q, 3)
	poison := news.Article{ID: "poison", Origin: "bad.jsonl:7", Body: []byte("This one always fails.")}
	if _, err := q.Publish(ctx, poison); err != nil {
		t.Fatal(err)
	}
	if err := q.PublishRaw(ctx, []byte("{not json"), "raw-1"); err != nil {
		t.Fatal(err)
	}
	c, err := q.Consumer(ctx, queue.ConsumerOptions{MaxDeliver: 3})
	if err != nil {
		t.Fatal(err)
	}
	var s seen
	h := func(ctx context.Context, msgs []*queue.Message) []error {
		s.add(msgs)
		errs := make([]error, len(msgs))
		for i, m := range msgs {
			switch {
			case m.Err != nil:
				errs[i] = m.Err
			case m.Article.ID == "poison":
				errs[i] = errors.New("coder: no article text")
			}
		}
		return errs
	}
	var mu sync.Mutex
	parked := map[string]string{}
	park := func(ctx context.Context, m *queue.Message, reason string) error {
		mu.Lock()
		defer mu.Unlock()
		parked[m.Origin()] = reason
		return nil
	}
	st, err := c.Work(ctx, h, queue.WorkOptions{Batch: 10, RetryDelay: 20 * time.Millisecond,
		IdleExit: time.Second, Park: park})
	if err != nil {
		t.Fatal(err)
	}
	if st.Acked != 3 || st.Parked != 2 || st.Retried != 4 {
		t.Errorf("stats %+v, want 3 acked, 2 parked after 2 retries each", st)
	}
	want := map[string]string{
		"bad.jsonl:7":     "parked after 3 deliveries: coder: no article text",
		"queue message 5": "parked after 3 deliveries: decode article: not an article message",
	}
	for origin, reason := range want {
		if !strings.HasPrefix(parked[origin], reason) {
			t.Errorf("parked[%q] = %q, want it to start with %q", origin, parked[origin], reason)
		}
	}
	if len(parked) != 2 {
		t.Errorf("parked %v, want 2 messages", parked)
	}
	if s.ids["bad.jsonl:7"] != 3 {
		t.Errorf("the poison message was handled %d times, want 3 (max deliver)", s.ids["bad.jsonl:7"])
	}
	waitLen(t, q, 0)
}

func TestWorkFinishesBatchOnShutdown(t *testing.T) {
	q, _ := connect(t, queue.Options{})
	publishN(t, q, 20)
	c, err := q.Consumer(t.Context(), queue.ConsumerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var s seen
	h := func(hctx context.Context, msgs []*queue.Message) []error {
		s.add(msgs)
		cancel() // SIGTERM arrives while the batch is being worked on
		time.Sleep(200 * time.Millisecond)
		if hctx.Err() != nil {
			t.Error("the batch's context ended with the worker's, before the grace period")
		}
		return make([]error, len(msgs))
	}
	st, err := c.Work(ctx, h, queue.WorkOptions{Batch: 5})
	if err != nil {
		t.Fatal(err)
	}
	if st.Acked != 5 || st.Batches != 1 || st.HandedBack != 0 {
		t.Errorf("stats %+v, want one batch of 5 finished and acked", st)
	}
	waitLen(t, q, 15)
	waitPending(t, c, 15, 0)
}

func TestWorkHandsBackAfterGrace(t *testing.T) {
	q, _ := connect(t, queue.Options{})
	publishN(t, q, 6)
	c, err := q.Consumer(t.Context(), queue.ConsumerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	h := func(hctx context.Context, msgs []*queue.Message) []error {
		cancel()
		<-hctx.Done() // a batch too slow to finish within the grace period
		errs := make([]error, len(msgs))
		for i := range errs {
			errs[i] = hctx.Err()
		}
		return errs
	}
	start := time.Now()
	st, err := c.Work(ctx, h, queue.WorkOptions{Batch: 4, Grace: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("shutdown took %v with a 100 ms grace", d)
	}
	if st.HandedBack != 4 || st.Acked != 0 || st.Parked != 0 {
		t.Errorf("stats %+v, want the 4 unfinished messages handed back", st)
	}
	// The handed-back messages are delivered again at once, not after the
	// ack wait (a minute by default).
	again, err := c.Fetch(t.Context(), 10, 3*time.Second)
	if err != nil || len(again) != 6 {
		t.Fatalf("fetch after shutdown: %d messages, %v; want all 6", len(again), err)
	}
}

func TestWorkRenewsAckWait(t *testing.T) {
	ctx := t.Context()
	q, _ := connect(t, queue.Options{})
	publishN(t, q, 3)
	c, err := q.Consumer(ctx, queue.ConsumerOptions{AckWait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	busy := make(chan struct{})
	h := func(ctx context.Context, msgs []*queue.Message) []error {
		if len(msgs) != 3 {
			t.Errorf("first batch has %d messages, want all 3", len(msgs))
		}
		close(busy)
		time.Sleep(2500 * time.Millisecond) // longer than the ack wait
		return make([]error, len(msgs))
	}
	done := make(chan WorkResult, 1)
	go func() {
		st, err := c.Work(ctx, h, queue.WorkOptions{Batch: 3, IdleExit: 200 * time.Millisecond})
		done <- WorkResult{st, err}
	}()
	<-busy
	// Another worker pulls meanwhile: had the ack wait not been renewed, it
	// would get the busy worker's messages again.
	for {
		select {
		case r := <-done:
			if r.err != nil || r.st.Acked != 3 {
				t.Errorf("busy worker: %+v, %v; want 3 acked", r.st, r.err)
			}
			waitLen(t, q, 0)
			return
		default:
		}
		msgs, err := c.Fetch(ctx, 3, 300*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			t.Errorf("message %s delivered again (delivery %d) while its worker was busy", m.Article.ID, m.Delivered)
			m.Ack()
		}
	}
}

// WorkResult is what Work returned, passed between goroutines.
type WorkResult struct {
	st  queue.WorkStats
	err error
}

func TestWorkBatchesInFlight(t *testing.T) {
	q, _ := connect(t, queue.Options{})
	publishN(t, q, 20)
	c, err := q.Consumer(t.Context(), queue.ConsumerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu            sync.Mutex
		now, most     int
		handledTimes  = map[string]int{}
		batchesByTime int
	)
	h := func(ctx context.Context, msgs []*queue.Message) []error {
		mu.Lock()
		now++
		most = max(most, now)
		batchesByTime++
		for _, m := range msgs {
			handledTimes[m.Article.ID]++
		}
		mu.Unlock()
		time.Sleep(100 * time.Millisecond)
		mu.Lock()
		now--
		mu.Unlock()
		return make([]error, len(msgs))
	}
	st, err := c.Work(t.Context(), h, queue.WorkOptions{Batch: 2, InFlight: 3, IdleExit: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if most != 3 {
		t.Errorf("at most %d batches were in flight at once, want 3", most)
	}
	if st.Acked != 20 || st.Batches != batchesByTime {
		t.Errorf("stats %+v, want 20 acked in %d batches", st, batchesByTime)
	}
	for id, n := range handledTimes {
		if n != 1 {
			t.Errorf("%s handled %d times", id, n)
		}
	}
	if len(handledTimes) != 20 {
		t.Errorf("handled %d messages, want 20", len(handledTimes))
	}
	waitLen(t, q, 0)
}

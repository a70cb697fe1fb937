package queue_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/queue"
	"dyad/internal/queue/queuetest"
	"dyad/news"
)

func TestEncodeDecode(t *testing.T) {
	tests := []struct {
		name string
		a    news.Article
	}{
		{"text with every field", news.Article{ID: "a-1", URL: "https://example.org/a", Source: "Wire",
			Title: "Talks resume", Published: "2024-03-02", Format: news.FormatText,
			Body: []byte("GENEVA - Envoys met on Monday.\n\nThey agreed to meet again."), Origin: "feed.jsonl:3"}},
		{"html not valid UTF-8", news.Article{ID: "b", Format: news.FormatHTML,
			Body: []byte("<p>Caf\xe9 owners protested in Lyon.</p>"), Origin: "latin1.html"}},
		{"auto format, no id", news.Article{Body: []byte("Rebels shelled the town.")}},
		{"empty body", news.Article{ID: "empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := queue.Encode(tt.a)
			if err != nil {
				t.Fatal(err)
			}
			got, err := queue.Decode(data)
			if err != nil {
				t.Fatalf("Decode(%s): %v", data, err)
			}
			if diff := cmp.Diff(tt.a, got, cmp.Comparer(func(x, y []byte) bool { return string(x) == string(y) })); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEncodeKeepsTextReadable(t *testing.T) {
	data, err := queue.Encode(news.Article{ID: "x", Body: []byte("Troops withdrew.")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"body":"Troops withdrew."`) {
		t.Errorf("a UTF-8 body should travel as a JSON string: %s", data)
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		data, want string
	}{
		{"not json", "not an article message"},
		{`{"v":1,"id":"a"} {"v":1}`, "data after the article object"},
		{`{"v":2,"id":"a"}`, "message version 2, want 1"},
		{`{"id":"a"}`, "message version 0, want 1"},
		{`{"v":1,"colour":"red"}`, `unknown field "colour"`},
		{`{"v":1,"format":"pdf"}`, `unknown format "pdf"`},
		{`{"v":1,"body":"x","body_base64":"eA=="}`, "both body and body_base64"},
		{`{"v":1,"body_base64":"%%%"}`, "not an article message"},
	}
	for _, tt := range tests {
		t.Run(tt.data, func(t *testing.T) {
			_, err := queue.Decode([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Decode(%q) = %v, want an error containing %q", tt.data, err, tt.want)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{`{"v":1,"id":"a","body":"x"}`, `{"v":1,"body_base64":"/w=="}`, `{}`, `[`, ``} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := queue.Decode(data)
		if err != nil {
			return
		}
		again, err := queue.Encode(a)
		if err != nil {
			t.Fatalf("Encode of a decoded article: %v", err)
		}
		b, err := queue.Decode(again)
		if err != nil {
			t.Fatalf("Decode(Encode(a)): %v", err)
		}
		if string(a.Body) != string(b.Body) || a.ID != b.ID || a.Origin != b.Origin || a.Format != b.Format {
			t.Fatalf("round trip changed the article: %+v → %+v", a, b)
		}
	})
}

func TestMsgID(t *testing.T) {
	a := news.Article{ID: "gen-1", Body: []byte("One text.")}
	b := a
	b.Body = []byte("Another text.")
	anon := news.Article{Body: a.Body}
	switch {
	case queue.MsgID(a) != queue.MsgID(news.Article{ID: "gen-1", Body: []byte("One text."), Origin: "elsewhere"}):
		t.Error("the same article from two places should have one message id")
	case queue.MsgID(a) == queue.MsgID(b):
		t.Error("a new text under the same id should be a new message")
	case !strings.HasPrefix(queue.MsgID(a), "gen-1@"):
		t.Errorf("MsgID(a) = %q, want the article id first", queue.MsgID(a))
	case !strings.HasPrefix(queue.MsgID(anon), "sha256:"):
		t.Errorf("MsgID without an id = %q, want a body hash", queue.MsgID(anon))
	}
}

// connect connects to a fresh embedded server.
func connect(t *testing.T, opts queue.Options) (*queue.Queue, string) {
	t.Helper()
	url := queuetest.Server(t)
	q, err := queue.Connect(t.Context(), url, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q, url
}

// waitLen waits until the stream holds want messages.
func waitLen(t *testing.T, q *queue.Queue, want int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		n, err := q.Len(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if n == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("stream holds %d messages, want %d", n, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func article(i int) news.Article {
	return news.Article{ID: "art-" + string(rune('a'+i)), Format: news.FormatText, Origin: "feed.jsonl:" + string(rune('1'+i)),
		Body: []byte("Ministers met in " + []string{"Rome", "Lima", "Oslo"}[i%3] + " on Tuesday.")}
}

func TestPublishFetchAck(t *testing.T) {
	ctx := t.Context()
	q, url := connect(t, queue.Options{})
	var want []news.Article
	for i := range 3 {
		a := article(i)
		want = append(want, a)
		dup, err := q.Publish(ctx, a)
		if err != nil || dup {
			t.Fatalf("Publish(%s) = %v, %v", a.ID, dup, err)
		}
	}
	if dup, err := q.Publish(ctx, article(1)); err != nil || !dup {
		t.Fatalf("publishing an article again = %v, %v; want a duplicate", dup, err)
	}
	waitLen(t, q, 3)

	// A second connection finds the stream rather than failing to create it.
	q2, err := queue.Connect(ctx, url, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q2.Close()
	c, err := q2.Consumer(ctx, queue.ConsumerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := c.Fetch(ctx, 10, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var got []news.Article
	for _, m := range msgs {
		if m.Err != nil || m.Delivered != 1 || m.Final {
			t.Errorf("message %d: err %v, delivered %d, final %v", m.Seq, m.Err, m.Delivered, m.Final)
		}
		got = append(got, m.Article)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("fetched articles (-want +got):\n%s", diff)
	}
	if _, unacked, err := c.Pending(ctx); err != nil || unacked != 3 {
		t.Fatalf("Pending: %d unacked, %v; want 3", unacked, err)
	}
	for _, m := range msgs {
		if err := m.Ack(); err != nil {
			t.Fatal(err)
		}
	}
	if err := q2.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	waitLen(t, q, 0)
	if more, err := c.Fetch(ctx, 10, 200*time.Millisecond); err != nil || len(more) != 0 {
		t.Fatalf("fetch after acking everything = %d messages, %v", len(more), err)
	}
}

func TestRetryThenPark(t *testing.T) {
	ctx := t.Context()
	q, _ := connect(t, queue.Options{})
	if _, err := q.Publish(ctx, article(0)); err != nil {
		t.Fatal(err)
	}
	c, err := q.Consumer(ctx, queue.ConsumerOptions{MaxDeliver: 3, AckWait: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	for try := 1; try <= 3; try++ {
		msgs, err := c.Fetch(ctx, 1, 2*time.Second)
		if err != nil || len(msgs) != 1 {
			t.Fatalf("delivery %d: %d messages, %v", try, len(msgs), err)
		}
		m := msgs[0]
		if m.Delivered != try || m.Final != (try == 3) {
			t.Fatalf("delivery %d: Delivered %d, Final %v", try, m.Delivered, m.Final)
		}
		if m.Final {
			err = m.Park("always fails")
		} else {
			err = m.Retry(10 * time.Millisecond)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := q.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	waitLen(t, q, 0)
	if msgs, err := c.Fetch(ctx, 1, 300*time.Millisecond); err != nil || len(msgs) != 0 {
		t.Fatalf("a parked message came back: %d messages, %v", len(msgs), err)
	}
}

func TestRedeliveredAfterAckWait(t *testing.T) {
	ctx := t.Context()
	q, _ := connect(t, queue.Options{})
	if _, err := q.Publish(ctx, article(2)); err != nil {
		t.Fatal(err)
	}
	c, err := q.Consumer(ctx, queue.ConsumerOptions{AckWait: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	first, err := c.Fetch(ctx, 1, time.Second)
	if err != nil || len(first) != 1 {
		t.Fatalf("first fetch: %d messages, %v", len(first), err)
	}
	// The message is neither acknowledged nor handed back, as when its
	// worker dies: it comes back once the ack wait is over.
	again, err := c.Fetch(ctx, 1, 3*time.Second)
	if err != nil || len(again) != 1 {
		t.Fatalf("fetch after the ack wait: %d messages, %v", len(again), err)
	}
	if again[0].Seq != first[0].Seq || again[0].Delivered != 2 {
		t.Errorf("redelivered seq %d delivery %d, want seq %d delivery 2", again[0].Seq, again[0].Delivered, first[0].Seq)
	}
}

func TestPublishTooLarge(t *testing.T) {
	q, _ := connect(t, queue.Options{MaxBytes: 2000})
	a := news.Article{ID: "big", Origin: "huge.txt", Body: []byte(strings.Repeat("The talks went on. ", 200))}
	_, err := q.Publish(t.Context(), a)
	var re *queue.RecordError
	if !errors.As(err, &re) || !errors.Is(err, queue.ErrTooLarge) {
		t.Fatalf("Publish of a 3.8 kB article with a 2 kB cap = %v, want a RecordError for ErrTooLarge", err)
	}
	if !strings.Contains(err.Error(), "huge.txt") || !strings.Contains(err.Error(), "2000-byte") {
		t.Errorf("error %q should name the article and the limit", err)
	}
	if q.MaxBytes() != 2000 {
		t.Errorf("MaxBytes() = %d, want 2000", q.MaxBytes())
	}
	waitLen(t, q, 0)
}

func TestUndecodableMessage(t *testing.T) {
	ctx := t.Context()
	q, _ := connect(t, queue.Options{})
	if err := q.PublishRaw(ctx, []byte("\x00garbage"), "junk-1"); err != nil {
		t.Fatal(err)
	}
	c, err := q.Consumer(ctx, queue.ConsumerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := c.Fetch(ctx, 5, time.Second)
	if err != nil || len(msgs) != 1 {
		t.Fatalf("fetch: %d messages, %v", len(msgs), err)
	}
	if msgs[0].Err == nil {
		t.Fatal("a garbage payload decoded without error")
	}
	if got, want := msgs[0].Origin(), "queue message 1"; got != want {
		t.Errorf("Origin() = %q, want %q", got, want)
	}
}

func TestFetchStopsWithContext(t *testing.T) {
	q, _ := connect(t, queue.Options{})
	c, err := q.Consumer(t.Context(), queue.ConsumerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	msgs, err := c.Fetch(ctx, 5, 30*time.Second)
	if !errors.Is(err, context.Canceled) || len(msgs) != 0 {
		t.Fatalf("Fetch on an empty queue, cancelled = %d messages, %v; want context.Canceled", len(msgs), err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Fetch took %v to notice the cancellation", d)
	}
}

func TestConnectErrors(t *testing.T) {
	_, err := queue.Connect(t.Context(), "nats://127.0.0.1:1", queue.Options{})
	if err == nil || !strings.Contains(err.Error(), "nats://127.0.0.1:1") {
		t.Errorf("Connect to a closed port = %v, want an error naming the URL", err)
	}
	q, _ := connect(t, queue.Options{})
	for _, opts := range []queue.ConsumerOptions{{MaxDeliver: -1}, {AckWait: time.Millisecond}} {
		if _, err := q.Consumer(t.Context(), opts); err == nil {
			t.Errorf("Consumer(%+v) accepted bad options", opts)
		}
	}
}

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/corpus"
	"dyad/internal/queue"
	"dyad/internal/queue/queuetest"
	"dyad/internal/store"
	"dyad/internal/store/storetest"
	"dyad/news"
)

// workerCmd runs dyad worker with args until it exits, returning its exit
// status and stderr. It calls runWorker directly until main dispatches it.
func workerCmd(ctx context.Context, args ...string) (int, string) {
	var out, errOut bytes.Buffer
	code := runWorker(ctx, args, &out, &errOut)
	return code, errOut.String()
}

// writeCorpus writes n generated articles as JSON Lines and returns the path.
func writeCorpus(t testing.TB, n int, seed uint64) string {
	t.Helper()
	g := corpus.New(seed)
	var b strings.Builder
	for range n {
		a := g.Article(4)
		line, err := json.Marshal(map[string]string{"id": a.ID, "text": string(a.Body), "source": "Test Wire",
			"published": "2024-05-14"})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// dbState is what a database holds, for comparing two runs: the counts, and
// each event's identity and counts (event ids depend on the order articles
// were stored in, so they are left out).
type dbState struct {
	Stats  store.Stats
	Events []string
}

func readDB(t testing.TB, path string) dbState {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var s dbState
	if s.Stats, err = st.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	err = st.EachEvent(ctx, store.ExportFilter{}, func(e store.ExportEvent) error {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, fmt.Sprintf("%s/%d", m.ArticleID, m.EventIndex))
		}
		sort.Strings(ms)
		s.Events = append(s.Events, fmt.Sprintf("%s %s %s>%s %s %s mentions=%d articles=%d [%s]", e.Date, e.DateGrain,
			e.SourceCode, e.TargetCode, e.Code, e.Modality, e.NumMentions, e.NumArticles, strings.Join(ms, " ")))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(s.Events)
	return s
}

// checkNoDuplicateMentions fails if any article's event is mentioned twice.
func checkNoDuplicateMentions(t testing.TB, s dbState) {
	t.Helper()
	seen := map[string]bool{}
	total := 0
	for _, e := range s.Events {
		list := e[strings.Index(e, "[")+1 : len(e)-1]
		for _, m := range strings.Fields(list) {
			if seen[m] {
				t.Errorf("mention %s stored twice", m)
			}
			seen[m] = true
			total++
		}
	}
	if total != s.Stats.Mentions {
		t.Errorf("%d mentions listed under events, %d counted", total, s.Stats.Mentions)
	}
}

func TestWorkerCodesQueuedArticles(t *testing.T) {
	url := queuetest.Server(t)
	articles := writeCorpus(t, 12, 7)

	code, _, errOut := ingestCmd(t, "", "--queue", url, articles)
	if code != 0 || !strings.Contains(errOut, "dyad ingest: 12 queued, 0 already queued, 0 failed") {
		t.Fatalf("ingest --queue: exit %d: %s", code, errOut)
	}
	code, _, errOut = ingestCmd(t, "", "--queue", url, articles)
	if code != 0 || !strings.Contains(errOut, "dyad ingest: 0 queued, 12 already queued, 0 failed") {
		t.Fatalf("ingest --queue again: exit %d: %s", code, errOut)
	}

	db := storetest.DSN(t)
	code, log := workerCmd(t.Context(), "--queue", url, "--db", db, "--batch", "5", "--workers", "2", "--exit-idle", "500ms")
	if code != 0 {
		t.Fatalf("worker: exit %d: %s", code, log)
	}
	for _, want := range []string{"msg=\"worker started\"", "msg=\"batch done\" messages=5", "msg=\"worker stopped\" acked=12 stored=12"} {
		if !strings.Contains(log, want) {
			t.Errorf("worker log lacks %q:\n%s", want, log)
		}
	}

	ref := filepath.Join(t.TempDir(), "ref.db")
	if code, _, errOut := ingestCmd(t, "", "--db", ref, articles); code != 0 {
		t.Fatalf("reference ingest: exit %d: %s", code, errOut)
	}
	got, want := readDB(t, db), readDB(t, ref)
	if got.Stats.Articles != 12 || got.Stats.Events == 0 {
		t.Errorf("worker stored %+v", got.Stats)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("worker's database differs from ingest's (-ingest +worker):\n%s", diff)
	}
	checkNoDuplicateMentions(t, got)
}

func TestWorkerParksPoisonMessages(t *testing.T) {
	ctx := t.Context()
	url := queuetest.Server(t)
	q, err := queue.Connect(ctx, url, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	good := corpus.New(3).Article(2)
	good.Origin = "feed.jsonl:1"
	blank := news.Article{ID: "blank", Origin: "feed.jsonl:2", Body: []byte("  \n\t \n")}
	for _, a := range []news.Article{good, blank} {
		if _, err := q.Publish(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := q.PublishRaw(ctx, []byte(`{"v":1,"body":`), "truncated"); err != nil {
		t.Fatal(err)
	}

	db := storetest.DSN(t)
	code, log := workerCmd(ctx, "--queue", url, "--db", db, "--max-deliver", "3", "--retry-delay", "50ms", "--exit-idle", "1s")
	if code != 0 {
		t.Fatalf("worker: exit %d: %s", code, log)
	}
	if !strings.Contains(log, "parked=2") || strings.Count(log, "msg=\"message parked\"") != 2 {
		t.Errorf("worker log should report 2 parked messages:\n%s", log)
	}
	if n := strings.Count(log, "msg=\"message failed, will retry\" origin=feed.jsonl:2"); n != 2 {
		t.Errorf("the blank article was retried %d times, want 2 (then parked on delivery 3):\n%s", n, log)
	}

	code, out, errOut := ingestCmd(t, "", "--failed", "--db", db)
	if code != 0 {
		t.Fatalf("--failed: exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	sort.Strings(lines)
	want := []string{
		"feed.jsonl:2\tparked after 3 deliveries: clean: no article text",
		"queue message 3\tparked after 3 deliveries: decode article: not an article message",
	}
	if len(lines) != len(want) {
		t.Fatalf("--failed lists %q, want %d lines", out, len(want))
	}
	for i := range want {
		if !strings.HasPrefix(lines[i], want[i]) {
			t.Errorf("--failed line %d = %q, want it to start with %q", i, lines[i], want[i])
		}
	}
	if s := readDB(t, db); s.Stats.Articles != 1 {
		t.Errorf("stored %d articles, want the good one only", s.Stats.Articles)
	}
	if n, err := q.Len(ctx); err != nil || n != 0 {
		t.Errorf("queue holds %d messages (%v), want 0: parked messages leave the stream", n, err)
	}
}

func TestWorkerStopsCleanlyOnSignal(t *testing.T) {
	const n = 200
	url := queuetest.Server(t)
	articles := writeCorpus(t, n, 11)
	if code, _, errOut := ingestCmd(t, "", "--queue", url, articles); code != 0 {
		t.Fatalf("ingest --queue: exit %d: %s", code, errOut)
	}
	q, err := queue.Connect(t.Context(), url, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	db := storetest.DSN(t)
	ctx, stop := context.WithCancel(t.Context())
	defer stop()
	done := make(chan int)
	var log string
	go func() {
		var code int
		code, log = workerCmd(ctx, "--queue", url, "--db", db, "--batch", "4", "--workers", "1")
		done <- code
	}()
	// Stop the worker (as SIGTERM does, through main's context) once it has
	// acknowledged something: it finishes the batches in hand and exits 0.
	deadline := time.Now().Add(60 * time.Second)
	for {
		left, err := q.Len(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if left < n {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the worker acknowledged nothing in 60 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	stop()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("worker exit %d after stop: %s", code, log)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the worker did not stop within 60 s")
	}
	stored := readStats(t, db).Articles
	if stored == n {
		t.Fatal("the worker coded everything before it was stopped; the test needs more articles")
	}
	c, err := q.Consumer(t.Context(), queue.ConsumerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	waiting, unacked, err := c.Pending(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	// Every batch in hand was finished, stored and acknowledged: nothing is
	// left unacknowledged and nothing stored is still queued.
	if unacked != 0 || waiting+stored != n {
		t.Errorf("after stop: %d stored, %d waiting, %d unacknowledged; want stored+waiting = %d and none unacknowledged\n%s",
			stored, waiting, unacked, n, log)
	}
}

// readStats opens the database at path (creating it if needed) and counts.
func readStats(t testing.TB, path string) store.Stats {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestWorkerUsage(t *testing.T) {
	url := queuetest.Server(t)
	db := filepath.Join(t.TempDir(), "w.db")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--db", db}, 2, "Usage: dyad worker"},
		{[]string{"--queue", url, "--db", db, "extra"}, 2, "Usage: dyad worker"},
		{[]string{"--queue", url, "--db", db, "--batch", "0"}, 2, "must be at least 1"},
		{[]string{"--queue", "nats://127.0.0.1:1", "--db", db}, 1, "connect to queue nats://127.0.0.1:1"},
		{[]string{"--queue", url, "--db", db, "--ack-wait", "10ms"}, 1, "ack wait 10ms: want at least 1s"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, log := workerCmd(t.Context(), tt.args...)
			if code != tt.code || !strings.Contains(log, tt.want) {
				t.Errorf("exit %d, want %d; stderr should contain %q:\n%s", code, tt.code, tt.want, log)
			}
		})
	}
}

func TestIngestQueueErrors(t *testing.T) {
	url := queuetest.Server(t)
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	writeFile(t, big, strings.Repeat("Officials met again in the capital on Monday. ", 30000)) // 1.4 MB, over NATS's 1 MB
	small := filepath.Join(dir, "small.txt")
	writeFile(t, small, "Officials met again in the capital on Monday.")
	bad := filepath.Join(dir, "bad.jsonl")
	writeFile(t, bad, "{not json\n")

	code, _, errOut := ingestCmd(t, "", "--queue", url, "--petrarch-dicts", dir, small)
	if code != 2 || !strings.Contains(errOut, "--petrarch-dicts") || !strings.Contains(errOut, "dyad worker") {
		t.Errorf("--queue with a coding flag: exit %d: %s", code, errOut)
	}
	code, _, errOut = ingestCmd(t, "", "--queue", url, big, bad, small)
	if code != 0 || !strings.Contains(errOut, "1 queued, 0 already queued, 2 failed") ||
		!strings.Contains(errOut, big+": article too large for the queue: ") || !strings.Contains(errOut, bad+":1: ") {
		t.Errorf("--queue with a large and a bad record: exit %d: %s", code, errOut)
	}
	code, _, errOut = ingestCmd(t, "", "--queue", url, "--strict", big)
	if code != 1 || !strings.Contains(errOut, "nothing could be queued") {
		t.Errorf("--queue with only a large record: exit %d: %s", code, errOut)
	}
	code, _, errOut = ingestCmd(t, "", "--queue", "nats://127.0.0.1:1", small)
	if code != 1 || !strings.Contains(errOut, "connect to queue") {
		t.Errorf("--queue to a closed port: exit %d: %s", code, errOut)
	}
}

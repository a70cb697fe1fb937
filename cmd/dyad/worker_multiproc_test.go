package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"dyad/internal/queue"
	"dyad/internal/queue/queuetest"
	"dyad/internal/store/storetest"
)

// The multi-process tests run the dyad binary itself: several 'dyad worker'
// processes on one database, fed by 'dyad ingest --queue' through a NATS
// server embedded in the test. They take a while, so they run only with
// DYAD_MULTIPROC=1 (as .ci/run does). DYAD_MULTIPROC_BIN names a dyad binary
// to use instead of building one; with DYAD_TEST_POSTGRES set (see
// storetest), the workers share a PostgreSQL schema instead of a SQLite file.

// builtDir is where dyadBinary built the dyad command, removed by TestMain.
var builtDir string

// dyadBinary builds the dyad command once per test binary run.
var dyadBinary = sync.OnceValues(func() (string, error) {
	if bin := os.Getenv("DYAD_MULTIPROC_BIN"); bin != "" {
		return bin, nil
	}
	dir, err := os.MkdirTemp("", "dyad-multiproc-")
	if err != nil {
		return "", err
	}
	builtDir = dir
	bin := filepath.Join(dir, "dyad")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// TestMain runs the tests, then removes the dyad binary the multi-process
// tests built, if they did.
func TestMain(m *testing.M) {
	code := m.Run()
	if builtDir != "" {
		os.RemoveAll(builtDir)
	}
	os.Exit(code)
}

// multiprocSetup skips the test unless DYAD_MULTIPROC=1 and returns the
// dyad binary, checking that it has the worker command.
func multiprocSetup(t testing.TB) string {
	t.Helper()
	if os.Getenv("DYAD_MULTIPROC") != "1" {
		t.Skip("set DYAD_MULTIPROC=1 to run the multi-process worker tests")
	}
	bin, err := dyadBinary()
	if err != nil {
		t.Fatal(err)
	}
	out, _ := exec.Command(bin, "worker", "-h").CombinedOutput()
	if !strings.Contains(string(out), "Usage: dyad worker") {
		t.Fatalf("%s has no worker command (main.go must dispatch \"worker\" to runWorker):\n%s", bin, out)
	}
	return bin
}

// proc is a running dyad process whose stderr goes to a file.
type proc struct {
	cmd  *exec.Cmd
	log  string
	done chan error
}

func start(t testing.TB, bin string, args ...string) *proc {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "stderr-*.log")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stderr = f
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{cmd: cmd, log: f.Name(), done: make(chan error, 1)}
	go func() {
		p.done <- cmd.Wait()
		f.Close()
	}()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-p.done
		}
	})
	return p
}

func (p *proc) stderr() string {
	b, _ := os.ReadFile(p.log)
	return string(b)
}

// wait waits for the process to exit and returns its exit code (-1 when a
// signal killed it).
func (p *proc) wait(t testing.TB, limit time.Duration) int {
	t.Helper()
	select {
	case <-p.done:
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(limit):
		t.Fatalf("%v still running after %v:\n%s", p.cmd.Args, limit, p.stderr())
		return 0
	}
}

// publish queues the articles at path with 'dyad ingest --queue'.
func publish(t testing.TB, bin, url, path string) {
	t.Helper()
	out, err := exec.Command(bin, "ingest", "--queue", url, path).CombinedOutput()
	if err != nil {
		t.Fatalf("dyad ingest --queue: %v\n%s", err, out)
	}
}

// waitFor polls cond every 50 ms until it holds or limit passes.
func waitFor(t testing.TB, limit time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %v for %s", limit, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestWorkersMultiProcess(t *testing.T) {
	bin := multiprocSetup(t)
	const n = 200
	url := queuetest.Server(t)
	articles := writeCorpus(t, n, 2026)
	db := storetest.DSN(t) // a SQLite file, or a fresh schema in DYAD_TEST_POSTGRES
	publish(t, bin, url, articles)

	startAt := time.Now()
	var workers []*proc
	for range 3 {
		workers = append(workers, start(t, bin, "worker", "--queue", url, "--db", db,
			"--batch", "8", "--workers", "1", "--ack-wait", "3s"))
	}
	// Kill a worker with SIGKILL in the middle of the run: the first one to
	// commit a batch (it has taken the next one by then).
	var victim *proc
	waitFor(t, 2*time.Minute, "a worker to store a batch", func() bool {
		for _, w := range workers {
			if strings.Contains(w.stderr(), `msg="batch done"`) {
				victim = w
				return true
			}
		}
		return false
	})
	if err := victim.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	if code := victim.wait(t, 10*time.Second); code != -1 {
		t.Fatalf("the killed worker exited with %d", code)
	}
	killedAt := readStats(t, db).Articles
	t.Logf("killed a worker with %d of %d articles stored", killedAt, n)
	if killedAt >= n {
		t.Fatal("everything was stored before the kill; the test needs more articles")
	}

	q, err := queue.Connect(t.Context(), url, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	waitFor(t, 3*time.Minute, "every article stored and acknowledged", func() bool {
		left, err := q.Len(t.Context())
		return err == nil && left == 0 && readStats(t, db).Articles == n
	})
	elapsed := time.Since(startAt)
	var survivors []*proc
	for _, w := range workers {
		if w != victim {
			survivors = append(survivors, w)
		}
	}
	for i, w := range survivors {
		if err := w.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if code := w.wait(t, time.Minute); code != 0 {
			t.Errorf("surviving worker %d exited %d after SIGTERM:\n%s", i+1, code, w.stderr())
		}
		if log := w.stderr(); !strings.Contains(log, `msg="worker stopped"`) {
			t.Errorf("surviving worker %d did not log its stop:\n%s", i+1, log)
		}
	}
	redelivered := 0
	for _, w := range survivors {
		log := w.stderr()
		i := strings.LastIndex(log, " redelivered=")
		var k int
		if i >= 0 {
			fmt.Sscanf(log[i:], " redelivered=%d", &k)
		}
		redelivered += k
	}
	t.Logf("%d articles by 3 workers (one killed) in %.1f s; %d messages of the killed worker delivered again",
		n, elapsed.Seconds(), redelivered)

	// Every article stored exactly once: the same database as one process
	// coding the same articles.
	ref := filepath.Join(t.TempDir(), "ref.db")
	if out, err := exec.Command(bin, "ingest", "--db", ref, articles).CombinedOutput(); err != nil {
		t.Fatalf("reference ingest: %v\n%s", err, out)
	}
	got, want := readDB(t, db), readDB(t, ref)
	if got.Stats.Articles != n || got.Stats.Failures != 0 {
		t.Errorf("workers stored %+v, want %d articles and no failures", got.Stats, n)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("workers' database differs from a single ingest (-ingest +workers):\n%s", diff)
	}
	checkNoDuplicateMentions(t, got)
}

func TestWorkerPoisonMultiProcess(t *testing.T) {
	bin := multiprocSetup(t)
	url := queuetest.Server(t)
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	writeFile(t, feed, `{"id":"ok","text":"BRUSSELS - Belgian police arrested two protesters on Monday."}
{"id":"empty","html":"<html><body><nav>Home</nav></body></html>"}
`)
	publish(t, bin, url, feed)
	db := storetest.DSN(t)
	w := start(t, bin, "worker", "--queue", url, "--db", db, "--max-deliver", "2", "--retry-delay", "100ms", "--exit-idle", "2s")
	if code := w.wait(t, time.Minute); code != 0 {
		t.Fatalf("worker exit %d:\n%s", code, w.stderr())
	}
	out, err := exec.Command(bin, "ingest", "--failed", "--db", db).CombinedOutput()
	if err != nil {
		t.Fatalf("ingest --failed: %v\n%s", err, out)
	}
	if want := feed + ":2\tparked after 2 deliveries: "; !strings.HasPrefix(string(out), want) || strings.Count(string(out), "\n") != 1 {
		t.Errorf("ingest --failed = %q, want one line starting %q", out, want)
	}
}

func TestWorkerSIGTERMMultiProcess(t *testing.T) {
	bin := multiprocSetup(t)
	const n = 400
	url := queuetest.Server(t)
	publish(t, bin, url, writeCorpus(t, n, 31))
	db := storetest.DSN(t)
	w := start(t, bin, "worker", "--queue", url, "--db", db, "--batch", "8", "--workers", "1")
	waitFor(t, 2*time.Minute, "the worker to store a batch", func() bool {
		return strings.Contains(w.stderr(), `msg="batch done"`)
	})
	if err := w.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := w.wait(t, time.Minute); code != 0 {
		t.Fatalf("worker exit %d after SIGTERM:\n%s", code, w.stderr())
	}
	stored := readStats(t, db).Articles
	q, err := queue.Connect(t.Context(), url, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	c, err := q.Consumer(t.Context(), queue.ConsumerOptions{})
	if err != nil {
		t.Fatal(err)
	}
	waiting, unacked, err := c.Pending(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	// The batch in hand when SIGTERM came was finished and acknowledged:
	// nothing is left unacknowledged, nothing stored is still queued.
	if stored == 0 || stored == n || unacked != 0 || stored+waiting != n {
		t.Errorf("after SIGTERM: %d stored, %d waiting, %d unacknowledged; want 0 < stored < %d, stored+waiting = %d, none unacknowledged\n%s",
			stored, waiting, unacked, n, n, w.stderr())
	}
}

// BenchmarkWorkers measures end-to-end throughput of 1, 2 and 4 worker
// processes (one coder each) on one store (a SQLite file, or PostgreSQL
// under scripts/pg-test.sh): from starting the workers to the last article
// stored and acknowledged. Run with DYAD_MULTIPROC=1 and
// -benchtime 1x; articles/s counts the workers' start-up (loading the
// dictionaries), steady_articles/s only what follows the first stored article.
func BenchmarkWorkers(b *testing.B) {
	bin := multiprocSetup(b)
	const n = 2000
	articles := writeCorpus(b, n, 99)
	for _, k := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", k), func(b *testing.B) {
			for b.Loop() {
				url := queuetest.Server(b)
				publish(b, bin, url, articles)
				db := storetest.DSN(b)
				readStats(b, db) // create the schema before the workers race to
				begin := time.Now()
				var ws []*proc
				for range k {
					ws = append(ws, start(b, bin, "worker", "--queue", url, "--db", db, "--workers", "1"))
				}
				// A message leaves the stream when it is acknowledged, after
				// its article is committed: watch the stream, not the store.
				q, err := queue.Connect(b.Context(), url, queue.Options{})
				if err != nil {
					b.Fatal(err)
				}
				var first time.Time
				var firstN int
				waitFor(b, 10*time.Minute, "all articles stored", func() bool {
					left, err := q.Len(b.Context())
					if err != nil {
						b.Fatal(err)
					}
					if first.IsZero() && left < n {
						first, firstN = time.Now(), n-left
					}
					return left == 0
				})
				q.Close()
				end := time.Now()
				for _, w := range ws {
					w.cmd.Process.Signal(syscall.SIGTERM)
					w.wait(b, time.Minute)
				}
				if s := readStats(b, db); s.Articles != n {
					b.Fatalf("stored %d articles, want %d", s.Articles, n)
				}
				b.ReportMetric(float64(n)/end.Sub(begin).Seconds(), "articles/s")
				b.ReportMetric(float64(n-firstN)/end.Sub(first).Seconds(), "steady_articles/s")
			}
		})
	}
}

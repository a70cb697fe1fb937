package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dyad/internal/demo"
	"dyad/news"
)

// started is a running dyad serve.
type started struct {
	base   string
	stderr *syncBuffer
	stop   func() int // stops the server and returns its exit status
}

// startServe runs dyad serve with args (plus a free loopback port unless
// args give --addr) until stop is called.
func startServe(t *testing.T, opt serveOptions, args ...string) started {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan string, 1)
	opt.listening = func(a string) { addrs <- a }
	var stdout, stderr syncBuffer
	exit := make(chan int, 1)
	go func() { exit <- serve(ctx, args, &stdout, &stderr, opt) }()
	select {
	case a := <-addrs:
		var stopped bool
		var code int
		stop := func() int {
			if !stopped {
				cancel()
				code, stopped = <-exit, true
			}
			return code
		}
		t.Cleanup(func() { stop() })
		return started{base: "http://" + a, stderr: &stderr, stop: stop}
	case code := <-exit:
		cancel()
		t.Fatalf("dyad serve exited %d: %s", code, stderr.String())
	case <-time.After(2 * time.Minute):
		cancel()
		t.Fatal("dyad serve did not start")
	}
	return started{}
}

// syncBuffer is a buffer the server's goroutines may write while a test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func postArticle(t *testing.T, base, token, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", base+"/api/v1/articles", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if v != nil {
		json.NewDecoder(resp.Body).Decode(v)
	}
	return resp.StatusCode
}

const servedArticle = `{"id": "serve-test-1", "source": "Test Wire", "published": "2021-05-04",
	"body": "ANKARA, May 4 (Test Wire) - Turkish President Recep Tayyip Erdogan met Azerbaijani President Ilham Aliyev in Ankara on Tuesday.\n\nThe two leaders signed an agreement on energy cooperation, officials said."}`

func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "serve.db")
	demoArticles, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}

	// On an empty database the demo corpus is loaded; POST works on loopback.
	s := startServe(t, serveOptions{}, "--addr", "127.0.0.1:0", "--db", db)
	var stats struct{ Articles, Events int }
	if code := getJSON(t, s.base+"/api/v1/stats", &stats); code != 200 || stats.Articles != len(demoArticles) || stats.Events == 0 {
		t.Fatalf("stats after start: %d %+v, want %d demo articles", code, stats, len(demoArticles))
	}
	code, body := postArticle(t, s.base, "", servedArticle)
	if code != http.StatusCreated {
		t.Fatalf("POST: %d %s", code, body)
	}
	var doc news.Document
	if code := getJSON(t, s.base+"/api/v1/articles/serve-test-1", &doc); code != 200 || doc.Source != "Test Wire" || !strings.Contains(doc.Text, "Aliyev") {
		t.Errorf("GET the posted article: %d %+v", code, doc)
	}
	resp, err := http.Get(s.base + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "text/html") ||
		!strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Errorf("dashboard: %d %v", resp.StatusCode, resp.Header)
	}
	if code := s.stop(); code != 0 {
		t.Errorf("exit %d after shutdown: %s", code, s.stderr)
	}
	if !strings.Contains(s.stderr.String(), "path=/api/v1/articles") || !strings.Contains(s.stderr.String(), "duration_ms=") {
		t.Errorf("requests not logged:\n%s", s.stderr)
	}

	// --demo again changes nothing: the corpus is stored once.
	s = startServe(t, serveOptions{}, "--addr", "127.0.0.1:0", "--db", db, "--demo")
	var again struct{ Articles, Events int }
	getJSON(t, s.base+"/api/v1/stats", &again)
	if again.Articles != stats.Articles+1 {
		t.Errorf("after --demo: %d articles, want %d", again.Articles, stats.Articles+1)
	}
	s.stop()

	// Beyond loopback without a token, POST is refused and a warning logged.
	s = startServe(t, serveOptions{}, "--addr", "0.0.0.0:0", "--db", db)
	code, body = postArticle(t, strings.Replace(s.base, "0.0.0.0", "127.0.0.1", 1), "", servedArticle)
	if code != http.StatusForbidden || !strings.Contains(body, "token") {
		t.Errorf("POST beyond loopback without token: %d %s", code, body)
	}
	if !strings.Contains(s.stderr.String(), "level=WARN") {
		t.Errorf("no warning logged:\n%s", s.stderr)
	}
	s.stop()

	// With a token from the environment, POST needs it.
	s = startServe(t, serveOptions{envToken: "tok-123"}, "--addr", "0.0.0.0:0", "--db", db)
	base := strings.Replace(s.base, "0.0.0.0", "127.0.0.1", 1)
	if code, body := postArticle(t, base, "", servedArticle); code != http.StatusUnauthorized {
		t.Errorf("POST without the token: %d %s", code, body)
	}
	if code, body := postArticle(t, base, "tok-123", servedArticle); code != http.StatusOK {
		t.Errorf("POST with the token (article already stored): %d %s", code, body)
	}
	s.stop()
}

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{{"extra"}, {"--no-such-flag"}} {
		var stderr bytes.Buffer
		if code := serve(context.Background(), args, io.Discard, &stderr, serveOptions{}); code != 2 {
			t.Errorf("serve %v: exit %d, want 2", args, code)
		}
	}
	var stderr bytes.Buffer
	db := filepath.Join(t.TempDir(), "x.db")
	if code := serve(context.Background(), []string{"--db", db, "--addr", "127.0.0.1:99999"}, io.Discard, &stderr, serveOptions{}); code != 1 ||
		!strings.Contains(stderr.String(), "99999") {
		t.Errorf("bad address: exit %d: %s", code, stderr.String())
	}
}

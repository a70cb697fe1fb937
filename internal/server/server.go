// Package server serves dyad's JSON API over a store, and the dashboard.
//
// The API is documented by the OpenAPI 3.1 file openapi.json, embedded here
// and served at /api/openapi.json; every route New registers is in it and
// every path in it is routed (a test checks both). Errors are JSON objects
// {"error": "..."} with a 4xx or 5xx status; a bad query parameter is a 400
// naming the parameter. Every response carries a Content-Security-Policy
// that forbids inline scripts, and X-Content-Type-Options: nosniff; every
// request is logged with slog (method, path, status, duration_ms).
package server

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"dyad/internal/store"
	"dyad/news"
)

// openAPI is the API's OpenAPI 3.1 document.
//
//go:embed openapi.json
var openAPI []byte

// DefaultMaxBody is the largest request body accepted when Config.MaxBody
// is zero: 5 MB.
const DefaultMaxBody = 5 << 20

// Limits on what a request may ask.
const (
	maxQuery  = 4096    // bytes of the whole query string
	maxValue  = 256     // bytes of one query parameter's value
	maxOffset = 100_000 // the deepest page offset
)

// ContentSecurityPolicy is the policy sent with every response: no inline
// script or style, nothing loaded from elsewhere, no framing.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

// Config is what a server serves and how.
type Config struct {
	// Store holds the articles and events served. Required.
	Store *store.Store
	// Code codes one article (a pipeline's Process); nil disables POST.
	Code func(ctx context.Context, a news.Article) (news.Document, error)
	// Token, when set, is the bearer token POST requires.
	Token string
	// WriteDisabled, when set, is why POST is refused (403): for example,
	// the server listens beyond loopback and no token was given.
	WriteDisabled string
	// Dashboard is served at /; nil serves no dashboard.
	Dashboard fs.FS
	// Logger receives one record per request; nil logs nothing.
	Logger *slog.Logger
	// MaxBody is the largest request body accepted, in bytes; 0 means
	// DefaultMaxBody.
	MaxBody int64
}

// server is the state the handlers share.
type server struct {
	cfg    Config
	coding chan struct{} // one token per article being coded
}

// route is one API endpoint.
type route struct {
	method, path string
	handle       func(s *server, w http.ResponseWriter, r *http.Request)
}

// routes are the endpoints New registers, as documented in openapi.json.
var routes = []route{
	{"GET", "/healthz", (*server).health},
	{"GET", "/api/openapi.json", (*server).openAPI},
	{"GET", "/api/v1/stats", (*server).stats},
	{"GET", "/api/v1/events", (*server).events},
	{"GET", "/api/v1/events/{id}", (*server).event},
	{"GET", "/api/v1/articles", (*server).articles},
	{"POST", "/api/v1/articles", (*server).postArticle},
	{"GET", "/api/v1/articles/{id}", (*server).article},
	{"GET", "/api/v1/articles/{id}/copies", (*server).copies},
	{"GET", "/api/v1/actors", (*server).actors},
	{"GET", "/api/v1/actors/{code}", (*server).actor},
	{"GET", "/api/v1/dyads/{a}/{b}/timeline", (*server).timeline},
	{"GET", "/api/v1/quotes", (*server).quotes},
}

// New returns the handler serving the API and the dashboard.
func New(cfg Config) http.Handler {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	s := &server{cfg: cfg, coding: make(chan struct{}, runtime.GOMAXPROCS(0))}
	mux := http.NewServeMux()
	for _, rt := range routes {
		h := rt.handle
		mux.HandleFunc(rt.method+" "+rt.path, func(w http.ResponseWriter, r *http.Request) { h(s, w, r) })
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range []string{http.MethodGet, http.MethodPost} {
			other := r.Clone(r.Context())
			other.Method = m
			if _, pattern := mux.Handler(other); pattern != "/api/" && pattern != "" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed on %s (allowed: %s)", r.Method, r.URL.Path, strings.Join(allow, ", ")))
			return
		}
		writeError(w, http.StatusNotFound, "no such endpoint: "+r.URL.Path+" (see /api/openapi.json)")
	})
	if cfg.Dashboard != nil {
		files := http.FileServerFS(cfg.Dashboard)
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				w.Header().Set("Allow", "GET, HEAD")
				writeError(w, http.StatusMethodNotAllowed, "the dashboard is read with GET")
				return
			}
			files.ServeHTTP(w, r)
		})
	}
	return s.edge(mux)
}

// statusWriter remembers the status written.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// edge sets the security headers, caps the query string, turns a panic into
// a 500 and logs every request.
func (s *server) edge(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				if s.cfg.Logger != nil {
					s.cfg.Logger.Error("handler panic", "method", r.Method, "path", r.URL.Path, "panic", v)
				}
				if sw.status == 0 {
					writeError(sw, http.StatusInternalServerError, "internal error")
				}
			}
			if s.cfg.Logger != nil {
				s.cfg.Logger.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
					"duration_ms", float64(time.Since(start).Microseconds())/1000)
			}
		}()
		if len(r.URL.RawQuery) > maxQuery {
			writeError(sw, http.StatusRequestURITooLong, "query string too long: at most 4096 bytes")
			return
		}
		next.ServeHTTP(sw, r)
	})
}

// writeJSON writes v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		writeError(w, http.StatusInternalServerError, "encode response: "+err.Error())
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

// apiError is the body of every error response.
type apiError struct {
	Error string `json:"error"`
}

// writeError writes {"error": msg} with status.
func writeError(w http.ResponseWriter, status int, msg string) {
	body, _ := json.Marshal(apiError{Error: msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(body, '\n'))
}

// internalError logs err and answers 500 without the details.
func (s *server) internalError(w http.ResponseWriter, r *http.Request, err error) {
	if s.cfg.Logger != nil {
		s.cfg.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "error", err.Error())
	}
	if r.Context().Err() != nil {
		writeError(w, http.StatusServiceUnavailable, "request canceled")
		return
	}
	writeError(w, http.StatusInternalServerError, "internal error (logged by the server)")
}

func (s *server) health(w http.ResponseWriter, r *http.Request) {
	if !noParams(w, r) {
		return
	}
	if err := s.cfg.Store.Ping(r.Context()); err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *server) openAPI(w http.ResponseWriter, r *http.Request) {
	if !noParams(w, r) {
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(openAPI)
}

func (s *server) stats(w http.ResponseWriter, r *http.Request) {
	if !noParams(w, r) {
		return
	}
	st, err := s.cfg.Store.Stats(r.Context())
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// noParams answers 400 and returns false when the request has a query.
func noParams(w http.ResponseWriter, r *http.Request) bool {
	p, ok := parseParams(w, r)
	if ok {
		ok = p.done(w)
	}
	return ok
}

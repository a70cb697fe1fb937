package server

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"dyad/internal/store"
	"dyad/news"
)

// eventList is the body of GET /api/v1/events.
type eventList struct {
	Events      []store.Event `json:"events"`
	Total       int           `json:"total"`
	TotalCapped bool          `json:"total_capped"` // total reached the count cap: there are at least that many
	Limit       int           `json:"limit"`
	Offset      int           `json:"offset"`
	// Next is the after cursor of the page that follows, when this page is
	// full: reading on with it costs the same at any depth.
	Next string `json:"next,omitempty"`
}

func (s *server) events(w http.ResponseWriter, r *http.Request) {
	p, ok := parseParams(w, r)
	if !ok {
		return
	}
	f := store.EventFilter{
		Actor:    p.str("actor", actorCode, "an actor code (letters and digits)"),
		Source:   p.str("source", actorCode, "an actor code (letters and digits)"),
		Target:   p.str("target", actorCode, "an actor code (letters and digits)"),
		Country:  p.str("country", countryCode, "an ISO 3166-1 alpha-3 country code"),
		Code:     p.str("code", cameoCode, "a CAMEO event code"),
		Root:     p.str("root", cameoRoot, "a two-digit CAMEO root code"),
		Modality: p.str("modality", modality, "asserted, negated, hypothetical or future"),
		From:     p.str("from", isoDate, "a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
		To:       p.str("to", isoDate, "a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
		Q:        p.str("q", nil, ""),
		Sort:     p.str("sort", sortOrder, "date, -date or mentions"),
		BBox:     p.bbox(),
	}
	f.QuadClass = p.integer("quad_class", 0, 1, 4)
	f.MinMentions = p.integer("min_mentions", 0, 1, math.MaxInt32)
	f.Limit = p.limit()
	f.Offset = p.integer("offset", 0, 0, maxOffset)
	if after := p.str("after", nil, ""); after != "" {
		c, err := store.ParseCursor(f.Sort, after)
		if err != nil {
			p.fail("after", "%v", err)
		}
		f.After = &c
	}
	if !p.done(w) {
		return
	}
	if f.From != "" && f.To != "" && f.To < f.From {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("parameter to: %s is before from %s", f.To, f.From))
		return
	}
	es, total, err := s.cfg.Store.EventsPage(r.Context(), f, store.CountCap)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	list := eventList{Events: es, Total: total, TotalCapped: total >= store.CountCap, Limit: f.Limit, Offset: f.Offset}
	if len(es) > 0 && len(es) == f.Limit {
		list.Next = store.CursorAt(f.Sort, es[len(es)-1]).String()
	}
	writeJSON(w, http.StatusOK, list)
}

func (s *server) event(w http.ResponseWriter, r *http.Request) {
	if !noParams(w, r) {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("event id %q: want a positive integer", r.PathValue("id")))
		return
	}
	e, ok, err := s.cfg.Store.Event(r.Context(), id)
	switch {
	case err != nil:
		s.internalError(w, r, err)
	case !ok:
		writeError(w, http.StatusNotFound, fmt.Sprintf("no event %d", id))
	default:
		if e.Mentions == nil {
			e.Mentions = []store.Mention{}
		}
		writeJSON(w, http.StatusOK, e)
	}
}

// articleList is the body of GET /api/v1/articles.
type articleList struct {
	Articles []store.ArticleSummary `json:"articles"`
	Total    int                    `json:"total"`
	Limit    int                    `json:"limit"`
	Offset   int                    `json:"offset"`
}

func (s *server) articles(w http.ResponseWriter, r *http.Request) {
	p, ok := parseParams(w, r)
	if !ok {
		return
	}
	f := store.ArticleFilter{Q: p.str("q", nil, ""), Source: p.str("source", nil, "")}
	f.Limit = p.limit()
	f.Offset = p.integer("offset", 0, 0, maxOffset)
	if !p.done(w) {
		return
	}
	as, err := s.cfg.Store.Articles(r.Context(), f)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	total, err := s.cfg.Store.CountArticles(r.Context(), f)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	if as == nil {
		as = []store.ArticleSummary{}
	}
	writeJSON(w, http.StatusOK, articleList{Articles: as, Total: total, Limit: f.Limit, Offset: f.Offset})
}

func (s *server) article(w http.ResponseWriter, r *http.Request) {
	if !noParams(w, r) {
		return
	}
	id := r.PathValue("id")
	doc, ok, err := s.cfg.Store.Article(r.Context(), id)
	switch {
	case err != nil:
		s.internalError(w, r, err)
	case !ok:
		writeError(w, http.StatusNotFound, fmt.Sprintf("no article %q", id))
	default:
		writeJSON(w, http.StatusOK, doc)
	}
}

// copiesOut is the body of GET /api/v1/articles/{id}/copies.
type copiesOut struct {
	ID          string           `json:"id"`
	DuplicateOf *store.Duplicate `json:"duplicate_of"` // null when the article is no copy
	Copies      []string         `json:"copies"`       // the other articles of its story
}

// copies says which earlier article an article copies (a syndicated
// version of the same wire story) and which articles tell the same story.
func (s *server) copies(w http.ResponseWriter, r *http.Request) {
	if !noParams(w, r) {
		return
	}
	id := r.PathValue("id")
	if _, ok, err := s.cfg.Store.Article(r.Context(), id); err != nil {
		s.internalError(w, r, err)
		return
	} else if !ok {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no article %q", id))
		return
	}
	out := copiesOut{ID: id, Copies: []string{}}
	d, ok, err := s.cfg.Store.Duplicate(r.Context(), id)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	if ok {
		out.DuplicateOf = &d
	}
	ids, err := s.cfg.Store.Copies(r.Context(), id)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	out.Copies = append(out.Copies, ids...)
	writeJSON(w, http.StatusOK, out)
}

// articleIn is the body of POST /api/v1/articles.
type articleIn struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Format    string `json:"format"`
	Body      string `json:"body"`
}

// articleSaved is the answer to POST /api/v1/articles.
type articleSaved struct {
	ID        string `json:"id"`
	Location  string `json:"location"`   // where to GET the coded article
	Unchanged bool   `json:"unchanged"`  // the same article was already stored: nothing was written
	Mentions  int    `json:"events"`     // event mentions stored
	NewEvents int    `json:"new_events"` // of which events not reported before
}

// maxMeta bounds the length of an article's id, url, source, title and date.
const maxMeta = 2048

func (s *server) postArticle(w http.ResponseWriter, r *http.Request) {
	if s.cfg.WriteDisabled != "" {
		writeError(w, http.StatusForbidden, "writing is disabled: "+s.cfg.WriteDisabled)
		return
	}
	if s.cfg.Code == nil {
		writeError(w, http.StatusForbidden, "writing is disabled: this server codes no articles")
		return
	}
	if s.cfg.Token != "" && !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
		writeError(w, http.StatusUnauthorized, "this endpoint needs the header Authorization: Bearer TOKEN with the server's token")
		return
	}
	if !noParams(w, r) {
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			writeError(w, http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Type %q: want application/json", ct))
			return
		}
	}
	a, status, err := s.readArticle(w, r)
	if err != nil {
		writeError(w, status, err.Error())
		return
	}
	// Code at most one article per CPU at a time; the others wait their turn.
	select {
	case s.coding <- struct{}{}:
	case <-r.Context().Done():
		s.internalError(w, r, r.Context().Err())
		return
	}
	doc, err := s.cfg.Code(r.Context(), a)
	<-s.coding
	if err != nil {
		if r.Context().Err() != nil {
			s.internalError(w, r, err)
			return
		}
		writeError(w, http.StatusUnprocessableEntity, "the article could not be coded: "+err.Error())
		return
	}
	saved, err := s.cfg.Store.SaveArticle(r.Context(), doc, "")
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	out := articleSaved{ID: doc.ID, Location: "/api/v1/articles/" + pathEscape(doc.ID), Unchanged: saved.Unchanged,
		Mentions: saved.Mentions, NewEvents: saved.NewEvents}
	status = http.StatusCreated
	if saved.Unchanged {
		status = http.StatusOK
	}
	w.Header().Set("Location", out.Location)
	writeJSON(w, status, out)
}

// readArticle decodes and checks a posted article, saying what status an
// error deserves.
func (s *server) readArticle(w http.ResponseWriter, r *http.Request) (news.Article, int, error) {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	dec.DisallowUnknownFields()
	var in articleIn
	if err := dec.Decode(&in); err != nil {
		var tooBig *http.MaxBytesError
		var syntax *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &tooBig):
			return news.Article{}, http.StatusRequestEntityTooLarge, fmt.Errorf("request body too large: at most %d bytes", tooBig.Limit)
		case errors.Is(err, io.EOF):
			return news.Article{}, http.StatusBadRequest, fmt.Errorf("empty request body: want a JSON object with at least \"body\"")
		case errors.As(err, &syntax):
			return news.Article{}, http.StatusBadRequest, fmt.Errorf("malformed JSON at byte %d: %v", syntax.Offset, err)
		case errors.As(err, &typ):
			return news.Article{}, http.StatusBadRequest, fmt.Errorf("field %q: want a %s, got a JSON %s", typ.Field, typ.Type, typ.Value)
		}
		return news.Article{}, http.StatusBadRequest, fmt.Errorf("malformed JSON: %v", err)
	}
	if dec.More() {
		return news.Article{}, http.StatusBadRequest, fmt.Errorf("malformed JSON: more than one value in the body")
	}
	if strings.TrimSpace(in.Body) == "" {
		return news.Article{}, http.StatusBadRequest, fmt.Errorf("field \"body\": the article text is missing or empty")
	}
	for name, v := range map[string]string{"id": in.ID, "url": in.URL, "source": in.Source, "title": in.Title, "published": in.Published} {
		if len(v) > maxMeta {
			return news.Article{}, http.StatusBadRequest, fmt.Errorf("field %q: too long: at most %d bytes", name, maxMeta)
		}
	}
	var format news.Format
	switch in.Format {
	case "", "auto":
		format = news.FormatAuto
	case "text":
		format = news.FormatText
	case "html":
		format = news.FormatHTML
	default:
		return news.Article{}, http.StatusBadRequest, fmt.Errorf("field \"format\": %q: want text or html", in.Format)
	}
	if in.Published != "" {
		if _, err := news.ParseDate(in.Published); err != nil {
			return news.Article{}, http.StatusBadRequest, fmt.Errorf("field \"published\": %v", err)
		}
	}
	return news.Article{ID: in.ID, URL: in.URL, Source: in.Source, Title: in.Title, Published: in.Published,
		Format: format, Body: []byte(in.Body), Origin: "POST /api/v1/articles"}, 0, nil
}

// authorized says whether the request carries the configured bearer token,
// compared in constant time.
func (s *server) authorized(r *http.Request) bool {
	h := r.Header.Get("Authorization")
	const prefix = "Bearer "
	if len(h) < len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return false
	}
	got := strings.TrimSpace(h[len(prefix):])
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) == 1
}

// pathEscape escapes an id for a URL path.
func pathEscape(id string) string {
	return strings.ReplaceAll(strings.ReplaceAll(id, "%", "%25"), "/", "%2F")
}

// actorList is the body of GET /api/v1/actors.
type actorList struct {
	Actors []store.ActorCount `json:"actors"`
}

func (s *server) actors(w http.ResponseWriter, r *http.Request) {
	p, ok := parseParams(w, r)
	if !ok {
		return
	}
	q := p.str("q", actorCode, "an actor code prefix (letters and digits)")
	limit := p.limit()
	if !p.done(w) {
		return
	}
	// The store keeps the counts up to date (see store.Actors): no cache.
	as, err := s.cfg.Store.Actors(r.Context(), q, limit)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, actorList{Actors: as})
}

func (s *server) actor(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	if !actorCode.MatchString(code) {
		writeError(w, http.StatusBadRequest, fmt.Sprintf("actor code %q: want letters and digits", code))
		return
	}
	p, ok := parseParams(w, r)
	if !ok {
		return
	}
	iv := p.str("interval", interval, "day, week or month")
	if !p.done(w) {
		return
	}
	prof, err := s.cfg.Store.ActorProfile(r.Context(), code, iv)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, prof)
}

// dyadTimeline is the body of GET /api/v1/dyads/{a}/{b}/timeline.
type dyadTimeline struct {
	A string `json:"a"`
	B string `json:"b"`
	store.Timeline
}

func (s *server) timeline(w http.ResponseWriter, r *http.Request) {
	a, b := r.PathValue("a"), r.PathValue("b")
	for _, c := range []string{a, b} {
		if !actorCode.MatchString(c) {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("actor code %q: want letters and digits", c))
			return
		}
	}
	p, ok := parseParams(w, r)
	if !ok {
		return
	}
	iv := p.str("interval", interval, "day, week or month")
	from := p.str("from", isoDate, "a date (YYYY, YYYY-MM or YYYY-MM-DD)")
	to := p.str("to", isoDate, "a date (YYYY, YYYY-MM or YYYY-MM-DD)")
	if !p.done(w) {
		return
	}
	tl, err := s.cfg.Store.DyadTimeline(r.Context(), a, b, iv, from, to)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, dyadTimeline{A: strings.ToUpper(a), B: strings.ToUpper(b), Timeline: tl})
}

// quoteList is the body of GET /api/v1/quotes.
type quoteList struct {
	Quotes []store.QuoteHit `json:"quotes"`
}

func (s *server) quotes(w http.ResponseWriter, r *http.Request) {
	p, ok := parseParams(w, r)
	if !ok {
		return
	}
	speaker, q := p.str("speaker", nil, ""), p.str("q", nil, "")
	limit := p.limit()
	if !p.done(w) {
		return
	}
	qs, err := s.cfg.Store.Quotes(r.Context(), speaker, q, limit)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	if qs == nil {
		qs = []store.QuoteHit{}
	}
	writeJSON(w, http.StatusOK, quoteList{Quotes: qs})
}

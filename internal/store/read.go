package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"dyad/news"
)

// Article returns the stored SCHEMA object of the article with this id, and
// false when there is none.
func (s *Store) Article(ctx context.Context, id string) (news.Document, bool, error) {
	var body string
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT doc FROM articles WHERE id = ?`), id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Document{}, false, nil
	}
	if err != nil {
		return news.Document{}, false, fmt.Errorf("article %s: %w", id, err)
	}
	var doc news.Document
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		return news.Document{}, false, fmt.Errorf("article %s: %w", id, err)
	}
	return doc, true, nil
}

// Event is one merged event with its counts and, from Store.Event, its mentions.
type Event struct {
	ID            int64     `json:"id"`
	Date          string    `json:"date,omitempty"`
	DateGrain     string    `json:"date_grain,omitempty"`
	DateStart     string    `json:"date_start,omitempty"` // the first day Date covers, YYYY-MM-DD: what events sort and filter by
	SourceCode    string    `json:"source_code,omitempty"`
	SourceCountry string    `json:"source_country,omitempty"`
	TargetCode    string    `json:"target_code,omitempty"`
	TargetCountry string    `json:"target_country,omitempty"`
	Code          string    `json:"code"`
	Root          string    `json:"root"`
	QuadClass     int       `json:"quad_class,omitempty"`
	Goldstein     *float64  `json:"goldstein"`
	Modality      string    `json:"modality"` // asserted (asserted or reported), negated, hypothetical or future
	PlaceName     string    `json:"place_name,omitempty"`
	PlaceCountry  string    `json:"place_country,omitempty"`
	Lat           *float64  `json:"lat,omitempty"`
	Lon           *float64  `json:"lon,omitempty"`
	NumMentions   int       `json:"num_mentions"`
	NumSources    int       `json:"num_sources"`
	NumArticles   int       `json:"num_articles"`
	FirstSeen     string    `json:"first_seen"`
	Mentions      []Mention `json:"mentions,omitempty"`
}

// Mention is one article sentence reporting an event, with its provenance.
type Mention struct {
	ArticleID    string     `json:"article_id"`
	EventIndex   int        `json:"event_index"` // index into the article's events
	Sentence     int        `json:"sentence"`    // index into the article's sentences
	SentenceSpan news.Span  `json:"sentence_span"`
	SourceText   string     `json:"source_text,omitempty"`
	SourceSpan   *news.Span `json:"source_span,omitempty"`
	TargetText   string     `json:"target_text,omitempty"`
	TargetSpan   *news.Span `json:"target_span,omitempty"`
	VerbText     string     `json:"verb_text,omitempty"`
	VerbSpan     *news.Span `json:"verb_span,omitempty"`
	Rule         string     `json:"rule"`
	Confidence   float64    `json:"confidence"`
	Modality     string     `json:"modality"`
	FromCaption  bool       `json:"from_caption"`
	Source       string     `json:"source,omitempty"` // the outlet
}

// EventFilter selects events. Zero fields do not filter. Actor codes match
// by prefix (USA matches USAGOV), case-insensitively.
type EventFilter struct {
	Actor       string // source or target actor code starts with this (USA matches USAGOV)
	Source      string // source actor code starts with this
	Target      string // target actor code starts with this
	Country     string // source, target or place country (ISO alpha-3)
	Code        string // CAMEO code, exactly
	Root        string // CAMEO root code, exactly
	QuadClass   int    // 1..4
	Modality    string // asserted (asserted or reported), negated, hypothetical or future
	From, To    string // ISO dates or their prefixes (YYYY, YYYY-MM), inclusive, that bound the event's first day (DateStart)
	BBox        *BBox  // events placed inside this box
	MinMentions int
	Q           string // words that must all occur in the text or title of an article reporting the event
	Sort        string // "date" (default, newest first day first), "-date" (oldest first), "mentions" (most first)
	Limit       int    // at most this many (default 100, at most MaxLimit)
	Offset      int
}

// eventColumns are the columns scanEvent reads, in order.
const eventColumns = `id, date, date_grain, date_start, source_code, source_country, target_code, target_country, code, root,
	quad_class, goldstein, modality, place_name, place_country, lat, lon, num_mentions, num_sources, num_articles, first_seen`

type scanner interface{ Scan(...any) error }

func scanEvent(r scanner) (Event, error) {
	var e Event
	var g, lat, lon sql.NullFloat64
	err := r.Scan(&e.ID, &e.Date, &e.DateGrain, &e.DateStart, &e.SourceCode, &e.SourceCountry, &e.TargetCode, &e.TargetCountry, &e.Code, &e.Root,
		&e.QuadClass, &g, &e.Modality, &e.PlaceName, &e.PlaceCountry, &lat, &lon, &e.NumMentions, &e.NumSources, &e.NumArticles, &e.FirstSeen)
	if g.Valid {
		e.Goldstein = &g.Float64
	}
	if lat.Valid && lon.Valid {
		e.Lat, e.Lon = &lat.Float64, &lon.Float64
	}
	return e, err
}

// likePrefix escapes a value for a LIKE prefix match with ESCAPE '\'.
func likePrefix(v string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(v) + "%"
}

// Events lists the events matching f.
func (s *Store) Events(ctx context.Context, f EventFilter) ([]Event, error) {
	es, _, err := s.EventsPage(ctx, f, CountCap)
	return es, err
}

// EventsPage lists the events matching f and counts them, counting at most
// countCap (see CountEvents). The count also chooses the query plan (see
// pageIndex): when matches are dense enough that walking the events in sort
// order finds a page quickly, the events are read in that order and
// filtered; otherwise the filter's own indexes find them and the matches
// are sorted.
func (s *Store) EventsPage(ctx context.Context, f EventFilter, countCap int) ([]Event, int, error) {
	order := map[string]string{
		"":         `date_start DESC, id DESC`,
		"date":     `date_start DESC, id DESC`,
		"-date":    `date_start ASC, id ASC`,
		"mentions": `num_mentions DESC, id DESC`,
	}[f.Sort]
	if order == "" {
		return nil, 0, fmt.Errorf("events: sort %q: want date, -date or mentions", f.Sort)
	}
	total, err := s.CountEvents(ctx, f, countCap)
	if err != nil {
		return nil, 0, err
	}
	if total == 0 {
		return []Event{}, 0, nil
	}
	limit, offset := clampLimit(f.Limit), max(f.Offset, 0)
	where, args := s.eventWhere(f)
	query := `SELECT ` + eventColumns + ` FROM events` + where + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
	if where != "" {
		if ix := s.pageIndex(ctx, f, total, countCap, limit+offset); ix != "" {
			query = `SELECT ` + eventColumns + ` FROM events` + s.d.indexedBy(ix) + where + ` ORDER BY ` + order + ` LIMIT ? OFFSET ?`
		} else {
			// Sort the matching ids, which the indexes hold, and read only
			// the page's rows; a box alone is searched along its narrower
			// axis (see boxIndex).
			box := ""
			if ix := boxIndex(f); ix != "" {
				box = s.d.indexedBy(ix)
			}
			query = `SELECT ` + eventColumns + ` FROM events WHERE id IN (SELECT id FROM events` + box + where +
				` ORDER BY ` + order + ` LIMIT ? OFFSET ?) ORDER BY ` + order
		}
	}
	args = append(args, limit, offset)
	rows, err := s.db.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	es := []Event{}
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("events: %w", err)
		}
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("events: %w", err)
	}
	return es, total, nil
}

// Event returns the event with this id and all its mentions, in article and
// event order, and false when there is none.
func (s *Store) Event(ctx context.Context, id int64) (Event, bool, error) {
	e, err := scanEvent(s.db.QueryRowContext(ctx, s.d.rebind(`SELECT `+eventColumns+` FROM events WHERE id = ?`), id))
	if errors.Is(err, sql.ErrNoRows) {
		return Event{}, false, nil
	}
	if err != nil {
		return Event{}, false, fmt.Errorf("event %d: %w", id, err)
	}
	rows, err := s.db.QueryContext(ctx, s.d.rebind(`SELECT article_id, event_index, sentence, sentence_start, sentence_end,
		source_text, source_start, source_end, target_text, target_start, target_end, verb_text, verb_start, verb_end,
		rule, confidence, modality, from_caption, source
		FROM mentions WHERE event_id = ? ORDER BY article_id, event_index`), id)
	if err != nil {
		return Event{}, false, fmt.Errorf("event %d: mentions: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var m Mention
		var ss, se, ts, te, vs, ve sql.NullInt64
		if err := rows.Scan(&m.ArticleID, &m.EventIndex, &m.Sentence, &m.SentenceSpan[0], &m.SentenceSpan[1],
			&m.SourceText, &ss, &se, &m.TargetText, &ts, &te, &m.VerbText, &vs, &ve,
			&m.Rule, &m.Confidence, &m.Modality, &m.FromCaption, &m.Source); err != nil {
			return Event{}, false, fmt.Errorf("event %d: mentions: %w", id, err)
		}
		m.SourceSpan, m.TargetSpan, m.VerbSpan = span(ss, se), span(ts, te), span(vs, ve)
		e.Mentions = append(e.Mentions, m)
	}
	if err := rows.Err(); err != nil {
		return Event{}, false, fmt.Errorf("event %d: mentions: %w", id, err)
	}
	return e, true, nil
}

func span(a, b sql.NullInt64) *news.Span {
	if !a.Valid || !b.Valid {
		return nil
	}
	return &news.Span{int(a.Int64), int(b.Int64)}
}

// QuoteHit is a stored quote with the article it comes from.
type QuoteHit struct {
	ArticleID    string    `json:"article_id"`
	Index        int       `json:"index"` // index into the article's quotes
	Text         string    `json:"text"`
	Span         news.Span `json:"span"`
	Kind         string    `json:"kind"`
	Speaker      string    `json:"speaker,omitempty"`
	SpeakerActor string    `json:"speaker_actor,omitempty"`
}

// Quotes lists quotes whose speaker contains speaker (case-insensitive) and
// whose text holds every word of q; "" does not filter. limit defaults to 100
// and is at most 1000.
func (s *Store) Quotes(ctx context.Context, speaker, q string, limit int) ([]QuoteHit, error) {
	query := `SELECT article_id, idx, text, span_start, span_end, kind, speaker, speaker_actor FROM quotes`
	var where []string
	var args []any
	if speaker != "" {
		where = append(where, `LOWER(speaker) LIKE ? ESCAPE '\'`)
		args = append(args, "%"+likePrefix(strings.ToLower(speaker)))
	}
	if fq := s.d.ftsQuery(q); fq != "" {
		where = append(where, s.d.quoteMatch("id"))
		args = append(args, fq)
	}
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, ` AND `)
	}
	if limit <= 0 {
		limit = 100
	}
	query += ` ORDER BY id LIMIT ?`
	args = append(args, min(limit, 1000))
	rows, err := s.db.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	defer rows.Close()
	var qs []QuoteHit
	for rows.Next() {
		var h QuoteHit
		if err := rows.Scan(&h.ArticleID, &h.Index, &h.Text, &h.Span[0], &h.Span[1], &h.Kind, &h.Speaker, &h.SpeakerActor); err != nil {
			return nil, fmt.Errorf("quotes: %w", err)
		}
		qs = append(qs, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	return qs, nil
}

// Stats counts what the store holds.
type Stats struct {
	Articles int `json:"articles"`
	Events   int `json:"events"`
	Mentions int `json:"mentions"`
	Quotes   int `json:"quotes"`
	Entities int `json:"entities"`
	Places   int `json:"places"`
	Failures int `json:"failures"`
}

// Stats counts articles, events, mentions, quotes, entities, places and failures.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM mentions),
		(SELECT COUNT(*) FROM quotes), (SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM places),
		(SELECT COUNT(*) FROM failures)`).Scan(&st.Articles, &st.Events, &st.Mentions, &st.Quotes, &st.Entities, &st.Places, &st.Failures)
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	return st, nil
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("ping store: %w", err)
	}
	return nil
}

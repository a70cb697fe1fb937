package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"dyad/news"
)

// Article returns the stored SCHEMA object of the article with this id, and
// false when there is none.
func (s *Store) Article(ctx context.Context, id string) (news.Document, bool, error) {
	var stored []byte
	var text string
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT doc, text FROM articles WHERE id = ?`), id).Scan(&stored, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return news.Document{}, false, nil
	}
	if err != nil {
		return news.Document{}, false, fmt.Errorf("article %s: %w", id, err)
	}
	body, err := s.docJSON(stored, text) // as stored: doc.go
	if err != nil {
		return news.Document{}, false, fmt.Errorf("article %s: %w", id, err)
	}
	var doc news.Document
	if err := json.Unmarshal(body, &doc); err != nil {
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
	Offset      int    // skip this many (after After, when given)
	// After, when not nil, lists only the events after this one in the sort
	// order: the cursor of the last event of the previous page (CursorAt,
	// same filter and sort). A deep page is then found from the index
	// position of the cursor, where an offset has to walk or sort every
	// event before it.
	After *Cursor
}

// Cursor is the position of an event in a sort order of events: its first
// day (sorts date and -date) or its mentions (sort mentions), and its id.
type Cursor struct {
	Sort     string // "date", "-date" or "mentions"
	Day      string // YYYY-MM-DD, or "" for an undated event
	Mentions int
	ID       int64
}

// sortName is the name of a sort order, "date" for the default "".
func sortName(sort string) string {
	if sort == "" {
		return "date"
	}
	return sort
}

// CursorAt is the position of e in the sort order named by sort.
func CursorAt(sort string, e Event) Cursor {
	c := Cursor{Sort: sortName(sort), ID: e.ID}
	if c.Sort == "mentions" {
		c.Mentions = e.NumMentions
	} else {
		c.Day = e.DateStart
	}
	return c
}

// String is the cursor as ParseCursor reads it: KEY~ID, the key being the
// day for the date sorts ("2016-07-14~5012", "~9" for an undated event) or
// the number of mentions ("3~77").
func (c Cursor) String() string {
	key := c.Day
	if c.Sort == "mentions" {
		key = strconv.Itoa(c.Mentions)
	}
	return key + "~" + strconv.FormatInt(c.ID, 10)
}

// ParseCursor reads a cursor written by Cursor.String for the sort order
// named by sort ("", "date", "-date" or "mentions").
func ParseCursor(sort, s string) (Cursor, error) {
	key, id, ok := strings.Cut(s, "~")
	n, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil || n < 1 {
		return Cursor{}, fmt.Errorf("cursor %q: want KEY~ID, as a previous page's next cursor", s)
	}
	c := Cursor{Sort: sortName(sort), ID: n}
	switch c.Sort {
	case "date", "-date":
		if key != "" && (len(key) != 10 || dateStart(key) != key) {
			return Cursor{}, fmt.Errorf("cursor %q: %q is not a day (YYYY-MM-DD), as sort %s wants", s, key, c.Sort)
		}
		c.Day = key
	case "mentions":
		m, err := strconv.Atoi(key)
		if err != nil || m < 0 {
			return Cursor{}, fmt.Errorf("cursor %q: %q is not a number of mentions, as sort mentions wants", s, key)
		}
		c.Mentions = m
	default:
		return Cursor{}, fmt.Errorf("cursor %q: sort %q: want date, -date or mentions", s, sort)
	}
	return c, nil
}

// after is the condition that an event comes after c in c's sort order,
// written so that an index in that order serves it.
func (c Cursor) after() (string, []any) {
	switch c.Sort {
	case "-date":
		return `date_start >= ? AND (date_start > ? OR id > ?)`, []any{c.Day, c.Day, c.ID}
	case "mentions":
		return `num_mentions <= ? AND (num_mentions < ? OR id < ?)`, []any{c.Mentions, c.Mentions, c.ID}
	}
	return `date_start <= ? AND (date_start < ? OR id < ?)`, []any{c.Day, c.Day, c.ID}
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
	if f.After != nil {
		if f.After.Sort != sortName(f.Sort) {
			return nil, 0, fmt.Errorf("events: a cursor of sort %s given to sort %s", f.After.Sort, sortName(f.Sort))
		}
		cond, a := f.After.after()
		if where == "" {
			where = ` WHERE ` + cond
		} else {
			where += ` AND ` + cond
		}
		args = append(args, a...)
	}
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
		(SELECT COUNT(*) FROM quotes), (SELECT COALESCE(SUM(entity_count), 0) FROM articles), (SELECT COALESCE(SUM(place_count), 0) FROM articles),
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

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"dyad/news"
)

// ExportFilter selects what the streaming export reads. Zero fields do not
// filter.
type ExportFilter struct {
	// From and To bound the event's first day (its date_start), inclusive,
	// as EventFilter's do: dates or their prefixes (YYYY, YYYY-MM), To
	// "2016-07" keeping every day of July; an event dated by its week
	// (2016-W28) or month (2016-07) counts from the week's Monday or the
	// month's first day.
	From, To string
}

// where is the condition on the events table (aliased ev) and its arguments.
func (f ExportFilter) where() (string, []any) {
	var conds []string
	var args []any
	for _, c := range dateRange("ev.date_start", f.From, f.To) {
		conds = append(conds, c.cond)
		args = append(args, c.arg)
	}
	if len(conds) == 0 {
		return "1 = 1", nil
	}
	return strings.Join(conds, " AND "), args
}

// ExportEvent is a stored event with every mention that reports it, oldest
// first, each with its article's metadata.
type ExportEvent struct {
	Event
	// PlaceFeature is the gazetteer feature of the event's place ("city",
	// "admin1", "country", "region", "water", "other") as the first article
	// that names it geocoded it; empty when unknown or there is no place.
	PlaceFeature string
	// PlaceGeonamesID is the place's GeoNames id; 0 when unknown.
	PlaceGeonamesID int
	// Mentions are the event's mentions, in the order they were stored.
	Mentions []ExportMention
}

// ExportMention is one mention with its event id and its article's metadata.
type ExportMention struct {
	Mention
	EventID          int64
	EventDate        string // the event's date as stored
	EventFirstSeen   string // when the event was first stored, RFC 3339 UTC
	ArticleURL       string
	ArticleSource    string // the article's outlet
	ArticleTitle     string
	ArticlePublished string
	ArticleIngested  string // when the article was stored, RFC 3339 UTC
	// Text is the article's cleaned text; set by EachMention only (spans
	// index into it), empty in ExportEvent.Mentions.
	Text string
}

// Outline is the layout and named mentions of a stored article, without its
// text: what an export needs to place a mention in its article.
type Outline struct {
	Blocks    []news.Block
	Sentences []news.Sentence // spans and blocks only: tokens are dropped
	Entities  []news.Entity
}

// ArticleOutline returns the outline of the stored article with this id, and
// false when there is none.
func (s *Store) ArticleOutline(ctx context.Context, id string) (Outline, bool, error) {
	var stored []byte
	err := s.db.QueryRowContext(ctx, s.d.rebind(`SELECT doc FROM articles WHERE id = ?`), id).Scan(&stored)
	if err == sql.ErrNoRows {
		return Outline{}, false, nil
	}
	if err != nil {
		return Outline{}, false, fmt.Errorf("article outline %s: %w", id, err)
	}
	body, err := s.docJSON(stored, "") // the text is not needed: doc.go
	if err != nil {
		return Outline{}, false, fmt.Errorf("article outline %s: %w", id, err)
	}
	var doc struct {
		Blocks    []news.Block    `json:"blocks"`
		Sentences []news.Sentence `json:"sentences"`
		Entities  []news.Entity   `json:"entities"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		return Outline{}, false, fmt.Errorf("article outline %s: %w", id, err)
	}
	for i := range doc.Sentences {
		doc.Sentences[i].Tokens, doc.Sentences[i].Chunks = nil, nil
	}
	return Outline{Blocks: doc.Blocks, Sentences: doc.Sentences, Entities: doc.Entities}, true, nil
}

// Lead reports whether a sentence lies in the article's lead: its title or
// its first paragraph. It is false for an unknown sentence.
func (o Outline) Lead(sentence int) bool {
	if sentence < 0 || sentence >= len(o.Sentences) {
		return false
	}
	b := o.Sentences[sentence].Block
	if b < 0 || b >= len(o.Blocks) {
		return false
	}
	if o.Blocks[b].Kind == news.BlockTitle {
		return true
	}
	for i, blk := range o.Blocks {
		if blk.Kind == news.BlockParagraph {
			return i == b
		}
	}
	return false
}

// EntityName is the canonical name of the entity an event actor with this
// span and actor code refers to: the entity mentioned exactly at span; else
// one within the span or named right after it (a title and then the name:
// "Foreign Minister Ann Lee") that codes to the same actor; else "".
func (o Outline) EntityName(span news.Span, code string) string {
	for _, e := range o.Entities {
		if e.Span == span {
			return e.Name
		}
	}
	if code == "" {
		return ""
	}
	for _, e := range o.Entities {
		within := e.Span[0] >= span[0] && e.Span[1] <= span[1]
		after := e.Span[0] == span[1]+1
		if e.Actor == code && (within || after) {
			return e.Name
		}
	}
	return ""
}

// mentionColumns are the mention, event and article columns scanMention
// reads, in order, from mentions m joined with events ev and articles a.
const mentionColumns = `m.event_id, ev.date, ev.first_seen, m.article_id, m.event_index, m.sentence, m.sentence_start, m.sentence_end,
	m.source_text, m.source_start, m.source_end, m.target_text, m.target_start, m.target_end, m.verb_text, m.verb_start, m.verb_end,
	m.rule, m.confidence, m.modality, m.from_caption, m.source,
	a.url, a.source, a.title, a.published, a.ingested_at`

func scanMention(r scanner, extra ...any) (ExportMention, error) {
	var m ExportMention
	var ss, se, ts, te, vs, ve sql.NullInt64
	dest := []any{&m.EventID, &m.EventDate, &m.EventFirstSeen, &m.ArticleID, &m.EventIndex, &m.Sentence, &m.SentenceSpan[0], &m.SentenceSpan[1],
		&m.SourceText, &ss, &se, &m.TargetText, &ts, &te, &m.VerbText, &vs, &ve,
		&m.Rule, &m.Confidence, &m.Modality, &m.FromCaption, &m.Source,
		&m.ArticleURL, &m.ArticleSource, &m.ArticleTitle, &m.ArticlePublished, &m.ArticleIngested}
	if err := r.Scan(append(dest, extra...)...); err != nil {
		return ExportMention{}, err
	}
	m.SourceSpan, m.TargetSpan, m.VerbSpan = span(ss, se), span(ts, te), span(vs, ve)
	return m, nil
}

// eventQuery selects every column of the events matching cond, each joined
// with its mentions and their articles, in event date, event and mention
// order. CROSS JOIN fixes the join order for SQLite (events outermost, read
// through the date index) so that rows come in index order and are never
// sorted in a temporary B-tree: that keeps an export's memory flat.
func eventQuery(cond string) string {
	return `SELECT ev.id, ev.date, ev.date_grain, ev.date_start, ev.source_code, ev.source_country, ev.target_code, ev.target_country, ev.code, ev.root,
		ev.quad_class, ev.goldstein, ev.modality, ev.place_name, ev.place_country, ev.lat, ev.lon, ev.num_mentions, ev.num_sources, ev.num_articles, ev.first_seen,
		ev.place_feature, ev.place_geonames_id,
		` + mentionColumns + `
		FROM events ev CROSS JOIN mentions m CROSS JOIN articles a
		WHERE m.event_id = ev.id AND a.id = m.article_id AND ` + cond + `
		ORDER BY ev.date_start, ev.id, m.id`
}

// mentionQuery selects the mentions of the events matching cond with their
// article's text, grouped by article: mentions outermost, read in the order
// of their (article_id, event_index) index, as eventQuery explains.
func mentionQuery(cond string) string {
	return `SELECT ` + mentionColumns + `, a.text
		FROM mentions m CROSS JOIN events ev CROSS JOIN articles a
		WHERE ev.id = m.event_id AND a.id = m.article_id AND ` + cond + `
		ORDER BY m.article_id, m.event_index`
}

// EachEvent calls fn for every event matching f, oldest first day first
// (then by id), each with all its mentions. Rows are read as fn is called: memory
// holds one event and its mentions at a time. An error from fn stops the
// walk and is returned as is.
func (s *Store) EachEvent(ctx context.Context, f ExportFilter, fn func(ExportEvent) error) error {
	cond, args := f.where()
	query := eventQuery(cond)
	rows, err := s.db.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return fmt.Errorf("export events: %w", err)
	}
	defer rows.Close()
	var cur ExportEvent
	have := false
	flush := func() error {
		if !have {
			return nil
		}
		return fn(cur)
	}
	for rows.Next() {
		var e Event
		var g, lat, lon sql.NullFloat64
		var m ExportMention
		var ss, se, ts, te, vs, ve sql.NullInt64
		var feature string
		var geonamesID int
		if err := rows.Scan(&e.ID, &e.Date, &e.DateGrain, &e.DateStart, &e.SourceCode, &e.SourceCountry, &e.TargetCode, &e.TargetCountry, &e.Code, &e.Root,
			&e.QuadClass, &g, &e.Modality, &e.PlaceName, &e.PlaceCountry, &lat, &lon, &e.NumMentions, &e.NumSources, &e.NumArticles, &e.FirstSeen,
			&feature, &geonamesID,
			&m.EventID, &m.EventDate, &m.EventFirstSeen, &m.ArticleID, &m.EventIndex, &m.Sentence, &m.SentenceSpan[0], &m.SentenceSpan[1],
			&m.SourceText, &ss, &se, &m.TargetText, &ts, &te, &m.VerbText, &vs, &ve,
			&m.Rule, &m.Confidence, &m.Modality, &m.FromCaption, &m.Source,
			&m.ArticleURL, &m.ArticleSource, &m.ArticleTitle, &m.ArticlePublished, &m.ArticleIngested); err != nil {
			return fmt.Errorf("export events: %w", err)
		}
		m.SourceSpan, m.TargetSpan, m.VerbSpan = span(ss, se), span(ts, te), span(vs, ve)
		if !have || e.ID != cur.ID {
			if err := flush(); err != nil {
				return err
			}
			if g.Valid {
				e.Goldstein = &g.Float64
			}
			if lat.Valid && lon.Valid {
				e.Lat, e.Lon = &lat.Float64, &lon.Float64
			}
			cur, have = ExportEvent{Event: e, PlaceFeature: feature, PlaceGeonamesID: geonamesID}, true
		}
		cur.Mentions = append(cur.Mentions, m)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export events: %w", err)
	}
	return flush()
}

// EachMention calls fn for every mention of an event matching f, grouped by
// article (articles in id order, mentions in event order), with the
// article's text. Rows are read as fn is called. An error from fn stops the
// walk and is returned as is.
func (s *Store) EachMention(ctx context.Context, f ExportFilter, fn func(ExportMention) error) error {
	cond, args := f.where()
	query := mentionQuery(cond)
	rows, err := s.db.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return fmt.Errorf("export mentions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var text string
		m, err := scanMention(rows, &text)
		if err != nil {
			return fmt.Errorf("export mentions: %w", err)
		}
		m.Text = text
		if err := fn(m); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export mentions: %w", err)
	}
	return nil
}

// EachArticle calls fn with the stored SCHEMA object (JSON, one line) of
// every article, in id order; with a date bound in f, only the articles that
// report at least one event in range. Rows are read as fn is called. An
// error from fn stops the walk and is returned as is.
func (s *Store) EachArticle(ctx context.Context, f ExportFilter, fn func(id string, doc []byte) error) error {
	query := `SELECT a.id, a.doc, a.text FROM articles a`
	var args []any
	if f.From != "" || f.To != "" {
		var cond string
		cond, args = f.where()
		query += ` WHERE EXISTS (SELECT 1 FROM mentions m JOIN events ev ON ev.id = m.event_id WHERE m.article_id = a.id AND ` + cond + `)`
	}
	query += ` ORDER BY a.id`
	rows, err := s.db.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return fmt.Errorf("export articles: %w", err)
	}
	defer rows.Close()
	var id, text string
	var stored []byte
	for rows.Next() {
		if err := rows.Scan(&id, &stored, &text); err != nil {
			return fmt.Errorf("export articles: %w", err)
		}
		doc, err := s.docJSON(stored, text) // as stored: doc.go
		if err != nil {
			return fmt.Errorf("export articles: article %s: %w", id, err)
		}
		if err := fn(id, doc); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("export articles: %w", err)
	}
	return nil
}
